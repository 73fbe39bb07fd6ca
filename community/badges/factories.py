"""Factories of badges and awards, for tests (the demo uses them too)."""

import factory
from django.utils import timezone

from community.badges.artwork import wagtail_image
from community.models import Badge, BadgeAward, BadgeKind


class BadgeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Badge {n}")
    slug = factory.Sequence(lambda n: f"badge-{n}")
    description = "Reconnaît un engagement dans la communauté."
    criteria = "Avoir fait ce que le badge décrit."
    kind = BadgeKind.FACILITATION
    image = factory.LazyAttribute(lambda badge: wagtail_image(badge.name, "B", badge.kind))

    class Meta:
        model = Badge
        django_get_or_create = ("slug",)


class BadgeAwardFactory(factory.django.DjangoModelFactory):
    badge = factory.SubFactory(BadgeFactory)
    recipient = factory.SubFactory("community.factories.UserFactory")
    awarded_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = BadgeAward
