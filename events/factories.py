"""Factories for the events' tests and demo content."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from events.models import (
    EventIndexPage,
    ExchangeEventPage,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    WorkshopCatalogPage,
    WorkshopPage,
)


class SeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Série {n}")
    slug = factory.Sequence(lambda n: f"serie-{n}")
    colour = "#1f5fa8"

    class Meta:
        model = Series
        django_get_or_create = ("slug",)


class WorkshopCatalogPageFactory(wagtail_factories.PageFactory):
    title = "Ateliers"
    slug = "ateliers"
    intro = "Des ateliers d'agent à agent : chacun peut animer, chacun peut apprendre."

    class Meta:
        model = WorkshopCatalogPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Rencontres"
    slug = "rencontres"
    intro = "Communautés de pratique, conférences et rencontres entre pairs."

    class Meta:
        model = EventIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Atelier {n}")
    summary = "Repartir avec une astuce utile dès le lendemain."
    duration_minutes = 90

    class Meta:
        model = WorkshopPage


class ExchangeEventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rencontre {n}")
    summary = "Échanger entre pairs sur nos pratiques."
    duration_minutes = 120

    class Meta:
        model = ExchangeEventPage


class SessionFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(WorkshopPageFactory)
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    end = factory.LazyAttribute(lambda session: session.start + timedelta(minutes=90))
    place = "Salle du conseil, hôtel de ville"
    capacity = 12

    class Meta:
        model = Session


class RegistrationFactory(factory.django.DjangoModelFactory):
    """Writes a registration as-is, bypassing the rules: for setting up a test's state.
    Tests of the rules go through ``events.services``."""

    session = factory.SubFactory(SessionFactory)
    user = factory.SubFactory("community.factories.UserFactory")
    status = RegistrationStatus.CONFIRMED
    queued_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
