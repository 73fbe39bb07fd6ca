"""“Propose a workshop”: any agent may offer to facilitate; the training team decides.

A proposal is a draft :class:`WorkshopPage` under the catalogue, owned and proposed by the
agent, sent at once through the catalogue's review workflow (see ``events.signals``). The team
approves it (the workshop is published, then the team schedules its sessions in the admin) or
requests changes with a message: for the proposer, that is a decline, told by e-mail.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from events import notifications
from events.models import WorkshopCatalogPage, WorkshopPage
from events.notifications import absolute
from resources.signals import attach_review_workflow


class ProposalStatus(models.TextChoices):
    IN_REVIEW = "in_review", gettext_lazy("In review by the training team")
    DECLINED = "declined", gettext_lazy("Declined")
    PUBLISHED = "published", gettext_lazy("Accepted and published")
    CLOSED = "closed", gettext_lazy("No longer in review")


@dataclass
class Proposal:
    page: WorkshopPage
    status: str
    comment: str = ""

    @property
    def status_label(self):
        return ProposalStatus(self.status).label


def open_catalog():
    """The catalogue proposals go to, or None while there is no live one."""
    return WorkshopCatalogPage.objects.live().first()


def description_html(text):
    """Plain text typed by an agent as rich text: escaped, one paragraph per blank line."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in paragraph.splitlines()))
        for paragraph in paragraphs
        if paragraph
    )


def preferred_dates_text(dates):
    """The dates as the training team reads them in the admin: in French, one a line."""
    with translation.override("fr"):
        return "\n".join(date_format(day, "l j F Y") for day in sorted(set(dates)))


def propose_workshop(user, cleaned_data, catalog=None):
    """Create ``user``'s proposal from a valid :class:`WorkshopProposalForm`'s data: a draft
    workshop in the catalogue's review workflow. Returns the page."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to propose a workshop."))
    catalog = catalog or open_catalog()
    if catalog is None:
        raise PermissionDenied(_("Workshop proposals are not open at the moment."))
    title = cleaned_data["title"]
    with transaction.atomic():
        page = WorkshopPage(
            title=title,
            slug=find_available_slug(catalog, slugify(title)[:240] or "atelier"),
            summary=cleaned_data["pitch"],
            description=description_html(cleaned_data.get("description", "")),
            series=cleaned_data.get("series"),
            duration_minutes=cleaned_data["duration_minutes"],
            format=cleaned_data["format"],
            preferred_dates=preferred_dates_text(cleaned_data["preferred_dates"]),
            owner=user,
            proposed_by=user,
            live=False,
        )
        page.facilitators = [user]
        catalog.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=False)
        log(instance=page, action="wagtail.create", user=user, revision=revision)
        # No workflow applies at all (a catalogue older than proposals, Wagtail's default
        # workflow removed): the catalogue gets the training team's review now.
        workflow = page.get_workflow() or attach_review_workflow(catalog)
        workflow.start(page, user)
        _answer_by_our_e_mail_only(user)
    return page


def _answer_by_our_e_mail_only(user):
    """Wagtail tells a submitter of its answer too, with links into the admin; an agent cannot
    open the admin, so our own e-mail (``notify_accepted``/``notify_declined``) is the one."""
    from wagtail.users.models import UserProfile

    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def _latest_workflow_states(pages):
    """{page id: its latest workflow state}, in one query."""
    if not pages:
        return {}
    states = (
        WorkflowState.objects.filter(
            base_content_type=pages[0].get_base_content_type(),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state")
        .order_by("created_at", "pk")
    )
    return {int(state.object_id): state for state in states}


def proposal_state(page, workflow_state):
    if page.live:
        return Proposal(page, ProposalStatus.PUBLISHED)
    if workflow_state is None:
        return Proposal(page, ProposalStatus.CLOSED)
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Proposal(page, ProposalStatus.IN_REVIEW)
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = workflow_state.current_task_state
        return Proposal(page, ProposalStatus.DECLINED, task_state.comment if task_state else "")
    return Proposal(page, ProposalStatus.CLOSED)


def proposals_of(user):
    """``user``'s proposals, newest first, each with its state (and the team's comment when
    declined)."""
    if not user.is_authenticated:
        return []
    pages = list(
        WorkshopPage.objects.filter(proposed_by=user).select_related("series").order_by("-pk")
    )
    states = _latest_workflow_states(pages)
    return [proposal_state(page, states.get(page.pk)) for page in pages]


# E-mails to the proposer, sent by the receivers of ``events.signals``.


def _send(template, page, user, **extra):
    context = {
        "user": user,
        "event": page,
        "my_proposals_url": absolute(reverse("events:my_proposals")),
        **extra,
    }
    notifications.send(template, user, context)


def _page_url(page):
    """Like the other e-mails: the site's address (WAGTAILADMIN_BASE_URL) and the page's path."""
    url = page.get_url() or "/"
    return absolute(url) if url.startswith("/") else url


def notify_accepted(page, comment=""):
    page = Page.objects.get(pk=page.pk).specific  # as published
    _send(
        "proposal_accepted",
        page,
        page.proposed_by,
        event_url=_page_url(page),
        comment=comment,
    )


def notify_declined(page, comment=""):
    _send("proposal_declined", page, page.proposed_by, comment=comment)
