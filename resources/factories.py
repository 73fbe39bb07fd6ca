"""Factories for the library's tests and demo content."""

import factory
import wagtail_factories

from resources.models import ActivityPage, Kind, Level, LibraryPage, Modality, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


class LibraryPageFactory(wagtail_factories.PageFactory):
    title = "Bibliothèque"
    slug = "bibliotheque"
    intro = "Des activités pédagogiques éprouvées, à réutiliser et à adapter."

    class Meta:
        model = LibraryPage


class ActivityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Activité {n}")
    summary = "Une activité pour faire travailler le groupe."
    duration_min = 15
    duration_max = 30
    group_size_min = 4
    group_size_max = 16
    modality = Modality.FACE_TO_FACE
    level = Level.DISCOVERY
    kind = Kind.ICE_BREAKER

    class Meta:
        model = ActivityPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()
