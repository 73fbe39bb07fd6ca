"""The training team's weekly digest: what waits for it, gathered in a few bounded queries.

Three lists: workshop proposals still awaiting the team's review, sessions of the coming week
that are less than half full, and the open needs with the most votes. The e-mail itself is
written by the ``send_team_digest`` command; this module only reads.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from community.mail import absolute
from community.models import NeedStatus, TrainingNeed
from events.models import Session, WorkshopPage
from events.models.sessions import local_label

WEEK = timedelta(days=7)
FILL_THRESHOLD_PERCENT = 50  # a session below half its capacity one week before needs a push
TOP_NEEDS = 5
# Needs still waiting for an answer: the board's “open” and “under study” ones.
WAITING_NEED_STATUSES = (NeedStatus.OPEN, NeedStatus.STUDYING)


@dataclass(frozen=True)
class PendingProposal:
    page: WorkshopPage
    submitted_at: object  # the start of its review (aware datetime)
    is_new: bool  # submitted during the last seven days
    admin_url: str

    @property
    def submitted_label(self):
        return local_label(self.submitted_at)


@dataclass(frozen=True)
class UnderfilledSession:
    session: Session
    confirmed: int
    capacity: int
    admin_url: str

    @property
    def fill_percent(self):
        return round(100 * self.confirmed / self.capacity)


@dataclass(frozen=True)
class WantedNeed:
    need: TrainingNeed
    votes: int
    admin_url: str


@dataclass(frozen=True)
class Digest:
    proposals: list
    sessions: list
    needs: list
    now: object

    @property
    def is_empty(self):
        return not (self.proposals or self.sessions or self.needs)

    @property
    def new_proposal_count(self):
        return sum(1 for proposal in self.proposals if proposal.is_new)

    @property
    def week(self):
        """The ISO week of the digest, e.g. (2026, 49), in local time."""
        year, week, _day = timezone.localtime(self.now).isocalendar()
        return year, week


def pending_proposals(now):
    """Every agent's proposal still in review (the oldest first: it has waited longest), each
    marked new when its review started less than seven days ago. One query."""
    # Reviews hang on the base Page (a generic relation by the Page content type): asked there.
    review_start = Page.objects.filter(
        pk=OuterRef("pk"), _workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
    ).values("_workflow_states__created_at")[:1]
    pages = (
        WorkshopPage.objects.filter(proposed_by__isnull=False, live=False)
        .annotate(submitted_at=Subquery(review_start))
        .filter(submitted_at__isnull=False)
        .select_related("proposed_by", "series")
        .order_by("submitted_at", "pk")
    )
    return [
        PendingProposal(
            page=page,
            submitted_at=page.submitted_at,
            is_new=page.submitted_at >= now - WEEK,
            admin_url=absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        )
        for page in pages
    ]


def underfilled_sessions(now):
    """Scheduled sessions starting within seven days whose confirmed registrations fill less
    than half of their capacity, the soonest first. One query (the counts are subqueries)."""
    sessions = (
        Session.objects.scheduled()
        .filter(start__gt=now, start__lte=now + WEEK)
        .with_counts()
        .alias(confirmed_times_100=F("confirmed_count") * 100)
        .filter(confirmed_times_100__lt=F("capacity") * FILL_THRESHOLD_PERCENT)
        .select_related("event")
        .order_by("start", "pk")
    )
    return [
        UnderfilledSession(
            session=session,
            confirmed=session.confirmed_count,
            capacity=session.capacity,
            admin_url=absolute(reverse("events_sessions:edit", args=[session.pk])),
        )
        for session in sessions
    ]


def wanted_needs(limit=TOP_NEEDS):
    """The listed needs still waiting for an answer that have the most votes (at least one).
    One query."""
    needs = (
        TrainingNeed.objects.listed()
        .filter(status__in=WAITING_NEED_STATUSES)
        .with_vote_count()
        .filter(vote_count__gt=0)
        .select_related("theme")
        .most_wanted_first()[:limit]
    )
    return [
        WantedNeed(
            need=need,
            votes=need.vote_count,
            admin_url=absolute(
                reverse("wagtailsnippets_community_trainingneed:edit", args=[need.pk])
            ),
        )
        for need in needs
    ]


def gather(now=None):
    """The digest at ``now`` (default: now)."""
    now = now or timezone.now()
    return Digest(
        proposals=pending_proposals(now),
        sessions=underfilled_sessions(now),
        needs=wanted_needs(),
        now=now,
    )
