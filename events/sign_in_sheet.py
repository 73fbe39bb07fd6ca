"""The sign-in sheet (« feuille d'émargement ») of a session, as an A4 PDF.

The people listed are given by the caller (the roll call of ``events.services.attendance``:
confirmed registrants only). The PDF uses the built-in Helvetica in Windows-1252, which holds
French (é, è, à, ç, œ, ’, « », ²) without embedding a font; any other character is replaced by
its closest plain letter, never dropped silently into an error.
"""

import unicodedata

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from events.services.attendance import by_name

ENCODING = "cp1252"
FONT = "helvetica"
SIGNATURE_ROW_HEIGHT = 14  # mm: room for a signature
MARGIN = 15


def pdf_text(text):
    """``text`` with every character the core font cannot draw replaced: its letter without the
    accent if it has one (ő → o), else “?”."""
    out = []
    for char in str(text):
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char)
            base = "".join(c for c in base if not unicodedata.combining(c))
            try:
                base.encode(ENCODING)
            except UnicodeEncodeError:
                base = "?"
            out.append(base or "?")
        else:
            out.append(char)
    return "".join(out)


def person_name(user):
    """« DUBOIS Marc », as sign-in sheets write it; the e-mail if the person has no name."""
    if user.last_name or user.first_name:
        return f"{user.last_name.upper()} {user.first_name}".strip()
    return user.email


def filename(session):
    day = timezone.localtime(session.start).strftime("%Y-%m-%d")
    return f"emargement-{slugify(session.event.title)[:60]}-{day}.pdf"


def _when(session):
    start, end = timezone.localtime(session.start), timezone.localtime(session.end)
    return _("%(day)s, from %(start)s to %(end)s") % {
        "day": date_format(start, "l j F Y"),
        "start": date_format(start, "H\\hi"),
        "end": date_format(end, "H\\hi")
        if start.date() == end.date()
        else date_format(end, "l j F Y, H\\hi"),
    }


class SignInSheet(FPDF):
    """A4 portrait, with a footer that numbers the pages (« Page 1/2 »)."""

    def __init__(self):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 5)
        self.page_label = pdf_text(_("Page"))

    def footer(self):
        self.set_y(-MARGIN)
        self.set_font(FONT, size=9)
        self.cell(0, 8, f"{self.page_label} {self.page_no()}/{{nb}}", align="C")


def sign_in_sheet(session, registrations, facilitators):
    """The PDF's bytes: the session's facts, then one row per registrant to sign."""
    pdf = SignInSheet()
    pdf.set_title(pdf_text(_("Sign-in sheet")))
    pdf.set_creator("Atelier")
    pdf.add_page()
    pdf.set_font(FONT, style="B", size=18)
    pdf.cell(0, 10, pdf_text(_("Sign-in sheet")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, style="B", size=13)
    pdf.multi_cell(0, 7, pdf_text(session.event.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    facts = [
        (_("Series"), session.event.series.name if session.event.series else ""),
        (_("Date"), _when(session)),
        (_("Place"), session.place or (_("Online") if session.online_url else "")),
        (_("Facilitators"), ", ".join(str(person) for person in facilitators)),
        (_("Capacity"), str(session.capacity)),
        (_("Registered"), str(len(registrations))),
    ]
    pdf.set_font(FONT, size=10)
    for label, value in facts:
        if not value:
            continue
        pdf.set_font(FONT, style="B", size=10)
        pdf.cell(32, 6, pdf_text(f"{label} :"))
        pdf.set_font(FONT, size=10)
        pdf.multi_cell(0, 6, pdf_text(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    people = sorted((registration.user for registration in registrations), key=by_name)
    if not people:
        pdf.set_font(FONT, style="I", size=11)
        pdf.cell(0, 8, pdf_text(_("Nobody is registered for this session.")))
        return bytes(pdf.output())
    pdf.set_font(FONT, size=10)
    with pdf.table(
        col_widths=(70, 60, 50),
        headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
        line_height=6,
        repeat_headings=1,
        v_align="MIDDLE",
    ) as table:
        heading = table.row()
        for title in (_("Name"), _("Service"), _("Signature")):
            heading.cell(pdf_text(title))
        for person in people:
            row = table.row(min_height=SIGNATURE_ROW_HEIGHT)
            row.cell(pdf_text(person_name(person)))
            row.cell(pdf_text(person.service))
            row.cell("")
    return bytes(pdf.output())
