"""The catalogue import in the admin: upload a CSV or XLSX, see every error, or the summary.

The same entry point as ``manage.py import_catalogue``: the file is checked in full first and
nothing is imported while a row is invalid (unless the team asks to skip invalid rows).
Only holders of ``cockpit.import_catalogue`` (the training team) see the menu item and the
screen; others get a 403.
"""

from pathlib import Path

from django import forms
from django.conf import settings
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cockpit.catalogue_import import import_catalogue
from cockpit.catalogue_import.report import summary_lines
from cockpit.catalogue_import.rows import COLUMNS, SESSION, TYPE_NAMES
from cockpit.models import IMPORT_CATALOGUE

IMPORT_URL = "cockpit_import"
SAMPLE_URL = "cockpit_import_sample"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EXTENSIONS = (".csv", ".xlsx")
SAMPLE_FILE = Path(settings.BASE_DIR) / "docs" / "import" / "exemple-catalogue.csv"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue file"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    publish = forms.BooleanField(
        label=_("Publish the imported pages"),
        required=False,
        initial=True,
        help_text=_("Unticked: the pages are saved as drafts, to review before publishing."),
    )
    skip_invalid = forms.BooleanField(
        label=_("Skip invalid rows"),
        required=False,
        help_text=_("Import the valid rows and list the others. Unticked: any error stops all."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Worded here, in the request's language (a lazy string loses its laziness with %).
        self.fields["file"].help_text = _(
            "CSV (UTF-8 or Windows-1252, separated by ; or ,) or XLSX, at most %(size)s."
        ) % {"size": filesizeformat(MAX_UPLOAD_BYTES)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Choose a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file weighs %(size)s, at most %(maximum)s are accepted.")
                % {
                    "size": filesizeformat(upload.size),
                    "maximum": filesizeformat(MAX_UPLOAD_BYTES),
                }
            )
        return upload


class ImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "cockpit/import.html"
    page_title = _("Catalogue import")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_CATALOGUE):
            response = self.render_to_response(self.get_context_data(forbidden=True))
            response.status_code = 403
            return response
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = [
            (TYPE_NAMES[kind], [(name, required) for name, required in columns.items()])
            for kind, columns in COLUMNS.items()
        ]
        context["sample_url"] = reverse_lazy(SAMPLE_URL)
        context["session_type"] = TYPE_NAMES[SESSION]
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        result = import_catalogue(
            upload.read(),
            upload.name,
            publish=form.cleaned_data["publish"],
            skip_invalid=form.cleaned_data["skip_invalid"],
            user=self.request.user,
        )
        if result.imported and not result.errors:
            messages.success(self.request, _("The catalogue is imported."))
        context = self.get_context_data(
            form=form,
            result=result,
            summary=summary_lines(result.summary) if result.imported else [],
            file_name=upload.name,
        )
        return self.render_to_response(context)


def sample(request):
    """The sample file, to start from a file that imports."""
    if not request.user.has_perm(IMPORT_CATALOGUE):
        return ImportView.as_view()(request)  # the same 403 page
    return FileResponse(
        SAMPLE_FILE.open("rb"),
        as_attachment=True,
        filename=SAMPLE_FILE.name,
        content_type="text/csv; charset=utf-8",
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_CATALOGUE)


urlpatterns = [
    path("import/", ImportView.as_view(), name=IMPORT_URL),
    path("import/exemple.csv", sample, name=SAMPLE_URL),
]
menu_items = [
    ImportMenuItem(
        _("Catalogue import"),
        reverse_lazy(IMPORT_URL),
        name="catalogue-import",
        icon_name="upload",
        order=300,
    )
]
