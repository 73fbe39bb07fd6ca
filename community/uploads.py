"""Uploaded documents must be what their extension says.

Wagtail checks the extension only; a renamed executable or a text file called ``.pdf`` would
pass. We look inside: a PDF has its ``%PDF-`` header, Office and OpenDocument files are zip
archives with their format's manifest, csv and txt are text (UTF-8 or UTF-16 with its BOM).
"""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

OOXML = {"docx", "xlsx", "pptx"}  # Office Open XML: a zip with [Content_Types].xml
ODF = {"odt", "ods", "odp"}  # OpenDocument: a zip whose first entry is "mimetype"
TEXT_EXTENSIONS = {"csv", "txt"}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # spreadsheets' "Unicode text" exports


def _zip_names(uploaded_file):
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def content_matches_extension(uploaded_file):
    extension = uploaded_file.name.rsplit(".", 1)[-1].lower() if "." in uploaded_file.name else ""
    uploaded_file.seek(0)
    head = uploaded_file.read(2048)
    uploaded_file.seek(0)
    try:
        if extension == "pdf":
            return b"%PDF-" in head[:1024]  # the PDF header may follow a few bytes of junk
        if extension in OOXML:
            names = _zip_names(uploaded_file)
            return names is not None and "[Content_Types].xml" in names
        if extension in ODF:
            names = _zip_names(uploaded_file)
            return bool(names) and names[0] == "mimetype"
        if extension == "zip":
            return _zip_names(uploaded_file) is not None
        if extension in TEXT_EXTENSIONS:
            return head.startswith(UTF16_BOMS) or b"\x00" not in head
        return True  # other extensions are refused earlier by WAGTAILDOCS_EXTENSIONS
    finally:
        uploaded_file.seek(0)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data and not content_matches_extension(uploaded):
            raise forms.ValidationError(
                _(
                    "The content of “%(name)s” does not match its extension: this is not a "
                    "real .%(extension)s file. Export it again from its application."
                ),
                code="content_mismatch",
                params={"name": uploaded.name, "extension": uploaded.name.rsplit(".", 1)[-1]},
            )
        return uploaded
