"""A need adopted through a proposal is freed when that proposal page is deleted: the link
would otherwise go empty (``SET_NULL``) and leave the need adopted by nobody's workshop."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page

from community import needs


@receiver(pre_delete, sender=Page, dispatch_uid="community_release_deleted_proposal")
def release_needs_of_deleted_page(sender, instance, **kwargs):
    needs.release_adoptions_of([instance.pk])
