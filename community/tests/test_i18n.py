"""French first, English second, and nothing left untranslated in French."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

pytestmark = pytest.mark.django_db
LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_french_catalogue_is_complete_and_compiled():
    po = LOCALE / "fr" / "LC_MESSAGES" / "django.po"

    with po.open("rb") as handle:
        catalogue = read_po(handle)
    missing = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)]
    assert missing == []
    assert po.with_suffix(".mo").exists(), "run `make messages` (make test does it)"


class TestOnTheDemoSite:
    """On the demo content, loaded once for the class."""

    def test_a_browser_asking_for_english_gets_the_interface_in_english(self, client, demo_content):
        html = client.get("/", headers={"accept-language": "en"}).content.decode()

        assert '<html lang="en">' in html
        assert "Skip to content" in html
        assert "Main menu" in html

    def test_the_language_switch_remembers_the_choice(self, client, demo_content):
        response = client.post("/langue/", {"language": "en", "next": "/a-propos/"})

        assert response.status_code == 302
        assert response.headers["Location"] == "/a-propos/"
        assert "Skip to content" in client.get("/a-propos/").content.decode()

        client.post("/langue/", {"language": "fr", "next": "/"})
        assert "Aller au contenu" in client.get("/").content.decode()
