"""Workshop proposals go through the training team's review; the proposer hears the answer."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from events.models import EventPage, WorkshopCatalogPage
from resources.signals import attach_review_workflow


@receiver(post_save, sender=WorkshopCatalogPage, dispatch_uid="events_catalog_review")
def review_catalog_proposals(sender, instance, created, raw=False, **kwargs):
    """On a new catalogue: what is proposed in it goes through the training team's review,
    the same workflow as the library's."""
    if created and not raw:
        attach_review_workflow(instance)


def _proposal(workflow_state):
    """The page proposed by an agent that ``workflow_state`` is about, else None."""
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return None
    # Read afresh: the approval published another copy of the page than the one it holds.
    page = Page.objects.filter(pk=workflow_state.object_id).specific().first()
    if not isinstance(page, EventPage) or page.proposed_by_id is None:
        return None
    return page


def _comment(workflow_state):
    task_state = workflow_state.current_task_state
    return task_state.comment if task_state else ""


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="events_proposal_accepted")
def proposal_accepted(sender, instance, user=None, **kwargs):
    from events import proposals

    page = _proposal(instance)
    # Sent on the first publication only: first and last publication are then the same moment.
    if page is None or not page.live or page.first_published_at != page.last_published_at:
        return
    comment = _comment(instance)
    transaction.on_commit(lambda: proposals.notify_accepted(page, comment))


@receiver(workflow_rejected, sender=WorkflowState, dispatch_uid="events_proposal_declined")
def proposal_declined(sender, instance, user=None, **kwargs):
    from events import proposals

    page = _proposal(instance)
    if page is None or page.first_published_at is not None:
        return
    comment = _comment(instance)
    transaction.on_commit(lambda: proposals.notify_declined(page, comment))
