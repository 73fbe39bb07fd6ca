"""Uploads are validated: a file must be what its extension says, and the error is French."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

Document = get_document_model()


def upload(client, name, content, title="Trame de plan d'action"):
    return client.post(
        "/admin/documents/add/",
        {"title": title, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_text_file_renamed_pdf_is_refused_in_french_and_the_title_is_kept(client, trainer):
    client.force_login(trainer)

    response = upload(client, "trame.pdf", b"Ceci n'est pas un PDF")

    html = response.content.decode()
    assert "ne correspond pas à son extension" in html
    assert "Trame de plan d&#x27;action" in html or "Trame de plan d'action" in html
    assert not Document.objects.exists()


def test_an_executable_renamed_docx_is_refused(client, trainer):
    client.force_login(trainer)

    upload(client, "support.docx", b"MZ\x90\x00\x03\x00\x00\x00")

    assert not Document.objects.exists()


def test_an_unlisted_extension_is_refused(client, trainer):
    client.force_login(trainer)

    upload(client, "script.exe", b"MZ\x90\x00")

    assert not Document.objects.exists()


def zip_bytes(*entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in entries:
            archive.writestr(name, "x")
    return buffer.getvalue()


def test_a_zip_of_anything_renamed_docx_is_refused(client, trainer):
    client.force_login(trainer)

    upload(client, "cours.docx", zip_bytes("payload.exe"))

    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("trame.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("support.docx", zip_bytes("[Content_Types].xml", "word/document.xml")),
        ("support.odt", zip_bytes("mimetype", "content.xml")),
        ("liste.csv", "nom;service\nDubois;État civil\n".encode()),
        ("export.csv", "nom;service\nDubois;État civil\n".encode("utf-16")),
    ],
)
def test_real_files_are_accepted(client, trainer, name, content):
    client.force_login(trainer)

    response = upload(client, name, content, title=name)

    assert response.status_code == 302
    assert Document.objects.get().title == name


def test_the_multiple_uploader_refuses_a_fake_pdf_too(client, trainer):
    client.force_login(trainer)

    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("faux.pdf", b"texte"), "collection": 1},
    )

    answer = response.json()
    assert answer["success"] is False
    assert "ne correspond pas à son extension" in answer["error_message"]
    assert not Document.objects.exists()
