"""Factories for tests and demo content (one source of realistic objects)."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from community import models


class UserFactory(factory.django.DjangoModelFactory):
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    email = factory.Sequence(lambda n: f"agent{n}@atelier.example")
    service = "Direction des ressources humaines"
    password = factory.django.Password("atelier-demo")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """``UserFactory(roles=[TRAINERS])`` puts the user in those groups too."""
        from community.roles import add_to_role

        for role in extracted or ():
            add_to_role(self, role)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Apprendre entre collègues"
    hero_text = "Atelier réunit les formateurs internes et les agents de la collectivité."

    class Meta:
        model = models.HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page de contenu."

    class Meta:
        model = models.StandardPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Déclaration d'accessibilité"
    slug = "accessibilite"
    organisation = "Métropole de démonstration"
    contact_email = "accessibilite@atelier.example"
    statement_date = factory.Faker("date_this_year")

    class Meta:
        model = models.AccessibilityStatementPage


class NeedsBoardPageFactory(wagtail_factories.PageFactory):
    title = "Besoins de formation"
    slug = "besoins"
    intro = "Dites ce que vous avez besoin d'apprendre ; vos collègues disent « moi aussi »."

    class Meta:
        model = models.NeedsBoardPage


class TrainingNeedFactory(factory.django.DjangoModelFactory):
    """A need as stored, without its author's vote (``voters=[…]`` adds votes); tests of the
    rules go through ``community.needs``."""

    title = factory.Sequence(lambda n: f"Besoin {n}")
    why = "Pour mieux faire mon travail au quotidien."
    theme = factory.SubFactory("resources.factories.ThemeFactory")
    author = factory.SubFactory(UserFactory)

    class Meta:
        model = models.TrainingNeed
        skip_postgeneration_save = True

    @factory.post_generation
    def voters(self, create, extracted, **kwargs):
        for voter in extracted or ():
            models.NeedVote.objects.create(need=self, voter=voter)
