"""The yearly report per series (“Bilan annuel”): a table, a sentence per year, CSV and XLSX.

The sentence reads like TRUC²'s own report (“2020 : Ac'Truc² : 4 séances (55 participants),
…”); the exports carry the same rows as the page. The CSV opens in a French Excel: UTF-8 with
a byte-order mark, “;” between cells and a decimal comma.
"""

import csv
import io

from django.http import HttpResponse
from django.urls import path, reverse, reverse_lazy
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.styles import Font

from cockpit.dashboard_views import DASHBOARD_URL, CockpitMenuItem, CockpitScreenMixin
from cockpit.figures import yearly_report
from cockpit.models import VIEW_DASHBOARD

REPORT_URL = "cockpit_report"
CSV = "csv"
XLSX = "xlsx"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def headings():
    return [
        gettext("Year"),
        gettext("Series"),
        gettext("Sessions held"),
        gettext("Participants"),
        gettext("Distinct facilitators"),
        gettext("Hours of sessions"),
        gettext("Training hours"),
    ]


def tidy_hours(value):
    """Hours to two decimals, whole hours as integers (“3”, not “3,0”)."""
    value = round(value, 2)
    return int(value) if value == int(value) else value


def row_values(row):
    """A report row as the cells of the table and the exports."""
    return [
        row.year,
        row.series,
        row.sessions,
        row.participants,
        row.facilitators,
        tidy_hours(row.session_hours),
        tidy_hours(row.training_hours),
    ]


def all_rows(reports):
    return [row_values(row) for report in reports for row in report.rows]


def french_cell(value):
    """Numbers with a decimal comma, as a French Excel reads them."""
    if isinstance(value, float):
        return number_format(value, decimal_pos=None, use_l10n=True)
    return value


def csv_response(rows, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headings())
    for row in rows:
        writer.writerow([french_cell(value) for value in row])
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(rows, filename):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = gettext("Yearly report")[:31]
    sheet.append(headings())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for letter, width in zip("ABCDEFG", (8, 32, 16, 14, 22, 18, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class ReportView(CockpitScreenMixin, TemplateView):
    """GET: the page; ``?export=csv`` or ``?export=xlsx`` (with the same filters): a file."""

    template_name = "cockpit/report.html"
    page_title = _("Yearly report")

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in (CSV, XLSX):
            filters = self.filter_form().filters()
            rows = all_rows(yearly_report(filters))
            filename = f"bilan-annuel-{filters.start:%Y%m%d}-{filters.end:%Y%m%d}"
            respond = csv_response if export == CSV else xlsx_response
            return respond(rows, filename)
        return super().get(request, *args, **kwargs)

    def export_url(self, export):
        query = self.request.GET.copy()
        query["export"] = export
        return f"{self.request.path}?{query.urlencode()}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = yearly_report(context["filters"])
        context["reports"] = reports
        context["headings"] = headings()
        context["rows"] = all_rows(reports)
        context["csv_url"] = self.export_url(CSV)
        context["xlsx_url"] = self.export_url(XLSX)
        query = self.request.GET.copy()
        query.pop("export", None)
        context["dashboard_url"] = reverse(DASHBOARD_URL) + (
            f"?{query.urlencode()}" if query else ""
        )
        return context


urlpatterns = [path("bilan/", ReportView.as_view(), name=REPORT_URL)]

menu_items = [
    CockpitMenuItem(
        _("Yearly report"),
        reverse_lazy(REPORT_URL),
        VIEW_DASHBOARD,
        name="cockpit-report",
        icon_name="table",
        order=200,
    )
]
