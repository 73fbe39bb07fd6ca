"""Trainers write in the library; the training team reviews before anything is published."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from community.roles import TRAINERS, TRAINING_TEAM
from resources.models import LibraryPage

REVIEW_WORKFLOW = "Relecture équipe formation"
REVIEW_TASK = "Relecture par l'équipe formation"


def attach_review_workflow(page):
    """Everything below ``page`` goes through the training team's review to be published:
    the one review workflow (created on first use), attached to ``page``. Returns it."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    task, task_created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
    if task_created:
        task.groups.add(Group.objects.get_or_create(name=TRAINING_TEAM)[0])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@receiver(post_save, sender=LibraryPage, dispatch_uid="resources_set_up_library_writing")
def set_up_library_writing(sender, instance, created, raw=False, **kwargs):
    """On a new library: trainers may add pages below it (and so edit the ones they own),
    and everything below it goes through the training team's review to be published."""
    if not created or raw:
        return
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    GroupPagePermission.objects.get_or_create(
        group=trainers,
        page=instance,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
    attach_review_workflow(instance)
