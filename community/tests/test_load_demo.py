"""``load_demo``: realistic, idempotent, and refused where it must be."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from community.models import HomePage, User
from community.roles import TRAINERS, TRAINING_TEAM
from resources.models import Theme

# They load the demo content themselves: tests of the content, run on SQLite only (.ci/run).
pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "users": sorted(User.objects.values_list("email", "password")),
        "pages": sorted(Page.objects.values_list("id", "title", "latest_revision_id")),
        "themes": sorted(Theme.objects.values_list("id", "name")),
        "groups": sorted(Group.objects.values_list("name", "user__email")),
    }


def test_load_demo_creates_realistic_french_content():
    output = load_demo()

    assert "15 comptes" in output
    assert "8 thèmes" in output
    assert "admin@atelier.example / atelier-demo" in output
    assert User.objects.count() >= 12
    assert User.objects.values("service").distinct().count() >= 8
    assert User.objects.filter(groups__name=TRAINERS).count() == 5
    assert User.objects.filter(groups__name=TRAINING_TEAM).count() == 3
    assert User.objects.get(email="elodie.fontaine@atelier.example").get_full_name() == (
        "Élodie Fontaine"
    )
    assert set(Theme.objects.values_list("name", flat=True)) >= {
        "Outils bureautiques",
        "Management",
        "Accueil du public",
        "Développement durable",
        "Préparation aux concours",
        "Pédagogie et animation",
    }
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_load_demo_twice_changes_nothing_and_says_so():
    load_demo()
    before = snapshot()

    output = load_demo()

    assert snapshot() == before
    assert "Rien à faire : le contenu de démonstration est déjà en place" in output
    assert "Créé" not in output


def test_load_demo_keeps_a_password_changed_since(client):
    load_demo()
    admin = User.objects.get(email="admin@atelier.example")
    admin.set_password("un-mot-de-passe-change")
    admin.save()

    load_demo()

    admin.refresh_from_db()
    assert admin.check_password("un-mot-de-passe-change")


def test_load_demo_is_refused_where_demo_content_is_not_allowed(settings):
    settings.ATELIER_DEMO_CONTENT_ALLOWED = False

    with pytest.raises(CommandError, match="mot de passe public"):
        load_demo()
    assert not User.objects.exists()
