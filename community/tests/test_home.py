"""The home page, as an agent first sees it."""

import re

import pytest
from django.urls import reverse

from community.factories import StandardPageFactory
from community.models import User

pytestmark = pytest.mark.django_db


def test_home_page_query_count_does_not_grow_with_menu_entries(
    client, home_page, django_assert_max_num_queries
):
    StandardPageFactory(parent=home_page, title="Première", show_in_menus=True)
    with django_assert_max_num_queries(100) as few:
        client.get("/")
    for n in range(10):
        StandardPageFactory(parent=home_page, title=f"Rubrique {n}", show_in_menus=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/").content.decode()
    assert "Rubrique 9" in html


class TestOnTheDemoSite:
    """On the demo content, loaded once for the class."""

    def test_home_page_renders_in_french_with_demo_content(self, client, demo_content):
        response = client.get("/")

        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="fr">' in html
        assert "Apprendre entre collègues, partager ce qui marche" in html
        assert "Aller au contenu" in html
        assert "Menu principal" in html
        assert "Se connecter" in html

    def test_home_page_links_to_every_section_and_each_link_works(self, client, demo_content):
        html = client.get("/").content.decode()

        for title in (
            "À propos d&#x27;Atelier",
            "Qui fait quoi ?",
            "Déclaration d&#x27;accessibilité",
        ):
            assert title in html
        internal_links = set(re.findall(r'href="(/[^"#]*)"', html))
        internal_links -= {reverse("logout")}
        assert {"/a-propos/", "/qui-fait-quoi/", "/accessibilite/"} <= internal_links
        # The trainer directory is about people: signed-in agents only.
        for url in internal_links - {"/formateurs/"}:
            if url.startswith("/static/"):
                continue
            assert client.get(url).status_code == 200, url
        assert "/formateurs/" in internal_links
        assert client.get("/formateurs/").url == "/connexion/?next=/formateurs/"
        client.force_login(User.objects.get(email="marc.dubois@atelier.example"))
        assert client.get("/formateurs/").status_code == 200

    def test_footer_states_accessibility_compliance_on_every_page(self, client, demo_content):
        for url in ("/", "/a-propos/", "/connexion/"):
            html = client.get(url).content.decode()
            assert 'href="/accessibilite/"' in html, url
            assert "Accessibilité : partiellement conforme" in html, url

    def test_menu_marks_the_current_section(self, client, demo_content):
        html = client.get("/qui-fait-quoi/").content.decode()

        assert '<a href="/qui-fait-quoi/" aria-current="page">Qui fait quoi ?</a>' in html
