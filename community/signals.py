"""Every account is an agent, with a profile, from the moment it exists."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from .roles import AGENTS, add_to_role


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="community_user_is_agent")
def put_new_user_in_agents(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        add_to_role(instance, AGENTS)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="community_user_profile")
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .models import Profile

        Profile.objects.get_or_create(user=instance)
