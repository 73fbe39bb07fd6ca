"""A badge with a rule, new or retuned in the admin, is awarded as soon as it is saved, not at
the nightly ``award_badges``: a lowered threshold rewards at once whoever now meets it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from community.badges.awards import evaluate_badge_after_commit
from community.models import Badge


@receiver(post_save, sender=Badge, dispatch_uid="community_badge_saved_evaluate")
def evaluate_saved_badge(sender, instance, raw=False, **kwargs):
    if not raw and instance.active and instance.rule and instance.threshold is not None:
        evaluate_badge_after_commit(instance)
