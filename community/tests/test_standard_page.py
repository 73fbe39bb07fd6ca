"""Standard pages as a reader sees them: every block of the body, calls to action that go
somewhere, download links that say what the file is (RGAA 6.1)."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail_factories import ImageFactory

from community.blocks import CallToActionBlock
from community.factories import StandardPageFactory
from community.templatetags.document_tags import readable_size


@pytest.fixture
def charter(db):
    document = get_document_model()(title="Charte de l'animateur")
    document.file.save("charte.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2039), save=False)
    document.save()
    return document


@pytest.fixture
def every_block_page(home_page, charter):
    target = StandardPageFactory(parent=home_page, title="Devenir formateur", slug="devenir")
    return StandardPageFactory(
        parent=home_page,
        title="Rôles",
        slug="roles",
        body=[
            ("heading", {"text": "Le formateur interne", "level": "h2"}),
            ("paragraph", "<p>Il anime <b>jusqu'à 90 heures</b> par an.</p>"),
            (
                "figure",
                {
                    "image": {
                        "image": ImageFactory(),
                        "alt_text": "Un atelier en cours",
                        "decorative": False,
                    },
                    "caption": "Un atelier TRUC²",
                },
            ),
            ("quote", {"text": "Par et pour les agents.", "attribution": "TRUC²"}),
            (
                "section_links",
                {
                    "heading": "Pour aller plus loin",
                    "links": [{"page": target, "title": "", "description": "Le parcours."}],
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Lire le parcours",
                    "page": target,
                    "url": "",
                    "description": "Pas à pas.",
                },
            ),
            (
                "call_to_action",
                {
                    "text": "Proposer un atelier",
                    "page": None,
                    "url": "https://atelier.example/proposer-un-atelier/",
                    "description": "",
                },
            ),
            ("document", {"document": charter, "title": "", "description": "À signer."}),
        ],
    )


def test_a_standard_page_renders_every_block_of_its_body(client, every_block_page):
    html = client.get("/roles/").content.decode()

    assert "<h2>Le formateur interne</h2>" in html
    assert "<b>jusqu&#x27;à 90 heures</b>" in html or "<b>jusqu'à 90 heures</b>" in html
    assert 'alt="Un atelier en cours"' in html
    assert "<figcaption>Un atelier TRUC²</figcaption>" in html
    assert "<blockquote><p>Par et pour les agents.</p></blockquote>" in html
    assert "Pour aller plus loin" in html
    assert '<a class="button button--large" href="/devenir/">Lire le parcours</a>' in html
    assert "Pas à pas." in html
    assert (
        '<a class="button button--large" href="https://atelier.example/proposer-un-atelier/">'
        "Proposer un atelier</a>"
    ) in html
    assert "À signer." in html


def test_a_download_link_says_the_format_and_the_size_of_the_file(
    client, every_block_page, charter
):
    html = client.get("/roles/").content.decode()

    size = readable_size(2048)
    assert (
        f'<a href="{charter.url}" class="document-download__link">Charte de '
        f'l&#x27;animateur <span class="document-download__facts">(PDF, {size})</span></a>'
    ) in html


def test_a_download_link_prefers_the_title_given_in_the_block(client, home_page, charter):
    StandardPageFactory(
        parent=home_page,
        slug="charte",
        body=[("document", {"document": charter, "title": "La charte à imprimer"})],
    )

    html = client.get("/charte/").content.decode()

    assert "La charte à imprimer <span" in html
    assert "Charte de l&#x27;animateur" not in html


def test_sizes_read_in_the_units_people_know():
    with translation.override("en"):
        assert readable_size(850) == "850 bytes"
        assert readable_size(120 * 1024) == "120 KB"
        assert readable_size(int(1.25 * 1024 * 1024)) == "1.2 MB"
    assert readable_size(None) == ""


def test_a_call_to_action_to_an_unpublished_page_is_left_out(client, home_page):
    draft = StandardPageFactory(parent=home_page, slug="brouillon", live=False)
    StandardPageFactory(
        parent=home_page,
        slug="page",
        body=[("call_to_action", {"text": "Voir le brouillon", "page": draft, "url": ""})],
    )

    html = client.get("/page/").content.decode()

    assert "Voir le brouillon" not in html


@pytest.mark.parametrize(
    "destination",
    [
        {"page": None, "url": ""},
        {"page": "target", "url": "https://atelier.example/"},
    ],
    ids=["neither", "both"],
)
def test_a_call_to_action_needs_a_page_or_an_address_not_both(home_page, destination):
    block = CallToActionBlock()
    if destination["page"] == "target":
        destination["page"] = home_page.pk
    value = block.to_python({"text": "Proposer un atelier", "description": "", **destination})

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)

    assert "page" in refused.value.block_errors


@pytest.mark.parametrize("destination", ["page", "url"])
def test_a_call_to_action_with_one_destination_is_accepted(home_page, destination):
    block = CallToActionBlock()
    raw = {"text": "Proposer", "description": "", "page": None, "url": ""}
    raw[destination] = home_page.pk if destination == "page" else "https://atelier.example/"

    cleaned = block.clean(block.to_python(raw))

    assert cleaned["text"] == "Proposer"


@pytest.mark.django_db
class TestDemoEditorialPages:
    """The three pages written from the seeds, under « Qui fait quoi ? »."""

    def test_they_are_listed_under_the_roles_page(self, client, demo_content):
        html = client.get("/qui-fait-quoi/").content.decode()

        for title in ("Rôles et accompagnement", "Devenir formateur interne"):
            assert title in html
        assert "Charte de l&#x27;animateur TRUC²" in html

    def test_becoming_a_trainer_states_the_cap_and_calls_to_propose(self, client, demo_content):
        html = client.get("/qui-fait-quoi/devenir-formateur-interne/").content.decode()

        assert "90 heures par an" in html
        assert 'href="http://' in html or 'href="https://' in html
        assert '/proposer-un-atelier/">Proposer un atelier</a>' in html

    def test_the_charter_offers_its_printable_copy(self, client, demo_content):
        html = client.get("/qui-fait-quoi/charte-animateur-truc2/").content.decode()

        assert "La charte à imprimer et à afficher <span" in html
        assert "(PDF, " in html
        assert "Tour à tour animateur et apprenti" in html
        response = client.get("/qui-fait-quoi/roles-et-accompagnement/")
        assert "Le manager" in response.content.decode()
