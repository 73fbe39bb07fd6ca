"""The training team's exports from the admin listings (registrations with attendance,
sessions, feedback answers, six-week follow-ups): the rows the filtered listing shows, in CSV and
XLSX alike, French headings, local times, anonymous answers, and for the team only.

The events' own tests cover each listing's screen; these cover what the exports must hold."""

import csv
import io
from datetime import UTC, date, datetime

import openpyxl
import pytest
from django.urls import reverse

from community.factories import UserFactory
from events.factories import (
    RegistrationFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import (
    Applied,
    Attendance,
    FeedbackAnswer,
    FollowUpAnswer,
    RegistrationStatus,
    SessionStatus,
    UsefulSkills,
)
from events.tests.exports import ANSWERS, FOLLOWUPS, HEADINGS, REGISTRATIONS, SESSIONS

pytestmark = pytest.mark.django_db

LISTINGS = (REGISTRATIONS, SESSIONS, ANSWERS, FOLLOWUPS)
FORMATS = ("csv", "xlsx")

# 10 March 2027, 17:00 UTC: 18:00 in Paris (winter time).
START_A = datetime(2027, 3, 10, 17, 0, tzinfo=UTC)
START_B = datetime(2027, 4, 14, 7, 30, tzinfo=UTC)  # 9:30 in Paris (summer time)
QUEUED = datetime(2027, 2, 1, 8, 15, tzinfo=UTC)  # 9:15 in Paris


@pytest.fixture
def held(catalog):
    """Two series, a session of each with registrations, five feedback answers and five
    follow-ups each (the anonymity threshold), answered by people whose names must not show."""
    series_a = SeriesFactory(name="Un truc² en +", slug="un-truc-en-plus")
    series_b = SeriesFactory(name="Café numérique", slug="cafe-numerique")
    session_a = SessionFactory(
        event=WorkshopPageFactory(parent=catalog, title="Tableaux croisés", series=series_a),
        start=START_A,
        end=START_A.replace(hour=18, minute=30),
        capacity=12,
        status=SessionStatus.DONE,
    )
    session_b = SessionFactory(
        event=WorkshopPageFactory(parent=catalog, title="Messagerie sereine", series=series_b),
        start=START_B,
        end=START_B.replace(hour=9),
        capacity=8,
    )
    people = {
        "present": UserFactory(last_name="Présentaine", email="present@atelier.example"),
        "absent": UserFactory(last_name="Absentier", email="absent@atelier.example"),
        "other": UserFactory(last_name="Autreserie", email="autre@atelier.example"),
    }
    RegistrationFactory(
        session=session_a, user=people["present"], attendance=Attendance.PRESENT, queued_at=QUEUED
    )
    RegistrationFactory(
        session=session_a, user=people["absent"], attendance=Attendance.ABSENT, queued_at=QUEUED
    )
    RegistrationFactory(
        session=session_b,
        user=people["other"],
        status=RegistrationStatus.WAITLISTED,
        queued_at=QUEUED,
    )
    for n in range(5):
        for session, rating, comment, applied in (
            (session_a, 5, "Très utile, série A", Applied.YES),
            (session_b, 2, "Trop rapide, série B", Applied.NO),
        ):
            FeedbackAnswer.objects.create(
                session=session,
                rating=rating,
                useful_skills=UsefulSkills.YES,
                will_apply=f"Appliquer {n}",
                comment=comment,
                answered_on=date(2027, 5, 2),
            )
            FollowUpAnswer.objects.create(
                session=session, applied=applied, comment=comment, answered_on=date(2027, 6, 1)
            )
    return {
        "series_a": series_a,
        "series_b": series_b,
        "session_a": session_a,
        "session_b": session_b,
        "people": people,
    }


def rows_of(response, export_format):
    """The export's rows as text, headings first, whatever its format."""
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if export_format == "csv":
        assert response["Content-Type"].startswith("text/csv")
        return list(csv.reader(io.StringIO(content.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]


def cells(response):
    """The XLSX export's rows, cells as typed values."""
    content = b"".join(response.streaming_content)
    return list(openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))


# --- The filtered rows, and only them ------------------------------------------------------------

# (listing, its filter on series A, a text only in series A's rows, one only in series B's)
FILTERED = [
    (REGISTRATIONS, "series", "present@atelier.example", "autre@atelier.example"),
    (SESSIONS, "series", "Tableaux croisés", "Messagerie sereine"),
    (ANSWERS, "series", "Très utile, série A", "Trop rapide, série B"),
    (FOLLOWUPS, "series", "Très utile, série A", "Trop rapide, série B"),
]


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize(("listing", "field", "kept", "excluded"), FILTERED)
def test_the_export_holds_the_rows_the_filtered_listing_shows(
    client, team_member, held, listing, field, kept, excluded, export_format
):
    client.force_login(team_member)
    query = {field: held["series_a"].pk}

    shown = client.get(reverse(listing), query)
    exported = client.get(reverse(listing), {**query, "export": export_format})
    export = rows_of(exported, export_format)

    assert shown.status_code == 200
    assert len(export) - 1 == len(shown.context["object_list"]) > 0
    text = "\n".join("\t".join(row) for row in export)
    assert kept in text
    assert excluded not in text
    assert str(held["series_b"]) not in text


@pytest.mark.parametrize("export_format", FORMATS)
def test_registrations_filtered_by_attendance_export_the_absent_only(
    client, team_member, held, export_format
):
    client.force_login(team_member)

    rows = rows_of(
        client.get(reverse(REGISTRATIONS), {"attendance": "absent", "export": export_format}),
        export_format,
    )

    assert [(row[1], row[-1]) for row in rows[1:]] == [("absent@atelier.example", "absent")]


@pytest.mark.parametrize("export_format", FORMATS)
def test_sessions_filtered_by_dates_export_the_sessions_of_those_dates(
    client, team_member, held, export_format
):
    client.force_login(team_member)
    april = {"start_from": "2027-04-01", "start_to": "2027-04-30", "export": export_format}

    rows = rows_of(client.get(reverse(SESSIONS), april), export_format)

    assert [row[0] for row in rows[1:]] == ["Messagerie sereine"]


@pytest.mark.parametrize("export_format", FORMATS)
def test_answers_filtered_by_rating_export_that_rating_only(
    client, team_member, held, export_format
):
    client.force_login(team_member)

    rows = rows_of(
        client.get(reverse(ANSWERS), {"rating": "2", "export": export_format}), export_format
    )

    ratings = [row[rows[0].index("Note globale")] for row in rows[1:]]
    assert ratings == ["2"] * 5


# --- French headings, local times, no personal data in the answers -----------------------------


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize("listing", LISTINGS)
def test_the_headings_are_french(client, team_member, held, listing, export_format):
    client.force_login(team_member)

    rows = rows_of(client.get(reverse(listing), {"export": export_format}), export_format)

    assert tuple(rows[0]) == HEADINGS[listing]


def test_the_csv_exports_write_local_times_and_labels(client, team_member, held):
    client.force_login(team_member)
    a_only = {"series": held["series_a"].pk, "export": "csv"}

    registrations = rows_of(client.get(reverse(REGISTRATIONS), a_only), "csv")
    sessions = rows_of(client.get(reverse(SESSIONS), a_only), "csv")
    april = rows_of(
        client.get(reverse(SESSIONS), {"series": held["series_b"].pk, "export": "csv"}), "csv"
    )

    by_email = {row[1]: row for row in registrations[1:]}
    present = by_email["present@atelier.example"]
    assert present[3] == "Tableaux croisés — mercredi 10 mars 2027, 18h00"
    assert (present[4], present[6], present[7]) == ("confirmée", "2027-02-01 09:15", "présent")
    assert sessions[1][1:3] == ["2027-03-10 18:00", "2027-03-10 19:30"]
    assert sessions[1][5] == "terminée"
    assert april[1][1] == "2027-04-14 09:30"  # summer time: UTC+2


def test_the_xlsx_exports_write_local_wall_clock_times(client, team_member, held):
    client.force_login(team_member)

    registrations = cells(client.get(reverse(REGISTRATIONS), {"export": "xlsx"}))
    sessions = cells(client.get(reverse(SESSIONS), {"export": "xlsx"}))

    assert {row[6] for row in registrations[1:]} == {datetime(2027, 2, 1, 9, 15)}
    assert {(row[0], row[1]) for row in sessions[1:]} == {
        ("Tableaux croisés", datetime(2027, 3, 10, 18, 0)),
        ("Messagerie sereine", datetime(2027, 4, 14, 9, 30)),
    }


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize("listing", [ANSWERS, FOLLOWUPS])
def test_answer_exports_stay_anonymous(client, team_member, held, listing, export_format):
    client.force_login(team_member)

    rows = rows_of(client.get(reverse(listing), {"export": export_format}), export_format)

    assert len(rows) == 11
    text = "\n".join("\t".join(row) for row in rows)
    for person in held["people"].values():
        assert person.email not in text
        assert person.last_name not in text
    assert "2027-05-02" not in text and "2027-06-01" not in text  # no day of answer


# --- For the training team only -----------------------------------------------------------------


@pytest.mark.parametrize("export_format", FORMATS)
@pytest.mark.parametrize("listing", LISTINGS)
def test_only_the_training_team_exports(
    client, agent, trainer, team_member, held, listing, export_format
):
    url = reverse(listing)
    query = {"export": export_format}

    for outsider in (agent, trainer):
        client.force_login(outsider)
        response = client.get(url, query)
        assert response.status_code in (302, 403), (outsider, response.status_code)
        assert not getattr(response, "streaming", False)
        assert "Content-Disposition" not in response

    client.force_login(team_member)
    assert client.get(url, query).status_code == 200


def test_a_trainer_sees_the_sessions_listing_without_export_buttons(
    client, trainer, team_member, held
):
    client.force_login(trainer)
    listing = client.get(reverse(SESSIONS))

    assert listing.status_code == 200
    assert "export=csv" not in listing.content.decode()

    client.force_login(team_member)
    assert "export=csv" in client.get(reverse(SESSIONS)).content.decode()
