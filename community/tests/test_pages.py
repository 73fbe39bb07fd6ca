"""Error pages, the accessibility statement and content pages, as a reader sees them."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from community.factories import AccessibilityStatementPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_500_page_renders_without_a_request_or_a_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert "Le site a rencontré une erreur" in html
    assert '<html lang="fr">' in html


def test_server_error_shows_the_500_page(client, home_page, monkeypatch):
    from community.models import HomePage

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Le site a rencontré une erreur" in response.content.decode()


def test_the_403_page_gives_its_reason_and_a_sign_in_link_to_anonymous_visitors(home_page):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/seances/3/appel/?clore=1")
    request.user = AnonymousUser()
    with translation.override("fr"):
        html = render_to_string(
            "403.html", {"exception": "Réservé à l'équipe formation."}, request=request
        )

    assert "<h1>Accès refusé</h1>" in html
    assert "<p>Réservé à l&#x27;équipe formation.</p>" in html
    assert 'href="/connexion/?next=/seances/3/appel/%3Fclore%3D1"' in html


def test_accessibility_statement_has_the_sections_the_rgaa_requires(client, home_page):
    AccessibilityStatementPageFactory(
        parent=home_page,
        organisation="Ville de Démo",
        compliance_status="partial",
        compliance_rate="87.5",
        audit_date="2026-10-01",
        audited_by="Cabinet Accès",
    )

    html = client.get("/accessibilite/").content.decode()

    for heading in (
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Voies de recours",
    ):
        assert f"<h2>{heading}" in html, heading
    assert "Ville de Démo s&#x27;engage" in html or "Ville de Démo s'engage" in html
    assert "<strong>partiellement conforme</strong>" in html
    assert "87,5" in html
    assert "Cabinet Accès" in html
    assert "Défenseur des droits" in html


def test_standard_page_shows_breadcrumb_and_subpages(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Ressources", slug="ressources")
    StandardPageFactory(parent=parent, title="Guide de l'animateur", slug="guide")

    html = client.get("/ressources/").content.decode()
    child_html = client.get("/ressources/guide/").content.decode()

    assert "Dans cette rubrique" in html
    assert 'href="/ressources/guide/"' in html
    assert 'aria-label="Vous êtes ici"' in child_html
    assert '<span aria-current="page">Guide de l&#x27;animateur</span>' in child_html


def test_an_unpublished_page_is_not_shown_nor_listed(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon", live=False)
    draft.show_in_menus = True
    draft.save()

    assert client.get("/brouillon/").status_code == 404
    assert "Brouillon" not in client.get("/").content.decode()


class TestOnTheDemoSite:
    """On the demo content, loaded once for the class."""

    def test_404_page_renders_in_the_site_layout(self, client, demo_content):
        response = client.get("/cette-page-n-existe-pas/")

        assert response.status_code == 404
        html = response.content.decode()
        assert "<title>Page introuvable — Atelier</title>" in html
        assert "Retour à la page d'accueil" in html
        assert 'id="main-menu"' in html  # the site's own header, not Django's bare page
        assert "Accessibilité : partiellement conforme" in html
