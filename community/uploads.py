"""Uploaded documents must be what their extension says.

Wagtail checks the extension only; a renamed executable or a text file called ``.pdf`` would
pass. We read the first bytes: office formats (docx, xlsx, pptx, odt, ods, odp) and zip are zip
archives, PDFs start with ``%PDF-``, csv and txt are text without NUL bytes.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP_SIGNATURE = b"PK\x03\x04"
SIGNATURES = {
    "pdf": (b"%PDF-",),
    **dict.fromkeys(("docx", "xlsx", "pptx", "odt", "ods", "odp", "zip"), (ZIP_SIGNATURE,)),
}
TEXT_EXTENSIONS = {"csv", "txt"}


def content_matches_extension(uploaded_file):
    extension = uploaded_file.name.rsplit(".", 1)[-1].lower() if "." in uploaded_file.name else ""
    uploaded_file.seek(0)
    head = uploaded_file.read(2048)
    uploaded_file.seek(0)
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    if extension in TEXT_EXTENSIONS:
        return b"\x00" not in head
    return True  # other extensions are refused earlier by WAGTAILDOCS_EXTENSIONS


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
