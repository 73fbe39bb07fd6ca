"""Trainers write in the library: they may add activities under it and edit their own."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from community.roles import TRAINERS
from resources.models import LibraryPage


@receiver(post_save, sender=LibraryPage, dispatch_uid="resources_trainers_write_in_library")
def let_trainers_add_activities(sender, instance, created, raw=False, **kwargs):
    """Wagtail's "add" permission: create pages below, and edit the ones you own."""
    if not created or raw:
        return
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _ = Group.objects.get_or_create(name=TRAINERS)
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=instance,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
