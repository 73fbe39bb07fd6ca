"""What the training team downloads from the events' admin listings: the French headings of
each export, and the rows of an XLSX file, shared by the events' and the cockpit's tests."""

import io

import openpyxl

REGISTRATIONS = "events_registrations:index"
SESSIONS = "events_sessions:index"
ANSWERS = "events_feedback_answers:index"
FOLLOWUPS = "events_followup_answers:index"

SESSION_COLUMNS = ("Séance", "Atelier ou rencontre", "Série")
HEADINGS = {
    REGISTRATIONS: (
        "Personne",
        "Courriel",
        "Service",
        "Séance",
        "Statut",
        "Position en liste d'attente",
        "Date d'inscription",
        "Présence",
    ),
    SESSIONS: (
        "Atelier ou rencontre",
        "Début",
        "Fin",
        "Lieu",
        "Capacité",
        "Statut",
        "Places confirmées",
        "Liste d'attente",
    ),
    ANSWERS: (
        *SESSION_COLUMNS,
        "Note globale",
        "J'ai acquis des compétences utiles pour mes missions",
        "Ce que je vais mettre en pratique",
        "Commentaire",
    ),
    FOLLOWUPS: (*SESSION_COLUMNS, "J'ai mis en pratique", "Commentaire"),
}


def workbook_rows(response):
    """The rows of the downloaded workbook's sheet, as tuples of cell values."""
    content = b"".join(response.streaming_content)
    return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
