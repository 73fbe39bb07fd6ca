"""A badge with a rule, new or retuned in the admin, is awarded as soon as it is saved, not at
the nightly ``award_badges``: a lowered threshold rewards at once whoever now meets it. A save
that leaves the rule as it was (a new name, a new image) evaluates nothing."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from community.badges.awards import evaluate_badge_after_commit
from community.models import Badge

RULE_FIELDS = ("rule", "threshold", "minimum_sample", "active")


def _is_automatic(badge):
    return badge.active and badge.rule and badge.threshold is not None


def _rule_saved(update_fields):
    return update_fields is None or not set(RULE_FIELDS).isdisjoint(update_fields)


@receiver(pre_save, sender=Badge, dispatch_uid="community_badge_saving_rule")
def remember_stored_rule(sender, instance, raw=False, update_fields=None, **kwargs):
    """The rule as stored, to tell after the save whether it changed (one query, only when
    the badge being saved has a rule)."""
    if raw or instance.pk is None or not _is_automatic(instance) or not _rule_saved(update_fields):
        return
    instance._stored_rule = Badge.objects.filter(pk=instance.pk).values_list(*RULE_FIELDS).first()


@receiver(post_save, sender=Badge, dispatch_uid="community_badge_saved_evaluate")
def evaluate_saved_badge(sender, instance, created, raw=False, update_fields=None, **kwargs):
    stored = instance.__dict__.pop("_stored_rule", None)
    if raw or not _is_automatic(instance) or not _rule_saved(update_fields):
        return
    if created or stored != tuple(getattr(instance, field) for field in RULE_FIELDS):
        evaluate_badge_after_commit(instance)
