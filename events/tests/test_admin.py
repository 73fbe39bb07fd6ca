"""The training team's admin for events: sessions and registrations listings (counts, filters,
exports), the waiting list moving up after an edit, who may do what, and recurring sessions."""

import csv
import io
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst

from community.factories import UserFactory
from community.roles import TRAINERS, TRAINING_TEAM
from events import services
from events.admin_views import local_label
from events.factories import SeriesFactory, SessionFactory, WorkshopPageFactory
from events.models import Registration, RegistrationStatus, Session, SessionStatus
from events.recurrence import (
    MAX_OCCURRENCES,
    Frequency,
    describe,
    local_datetimes,
    monthly_position,
    occurrence_dates,
)
from events.tests.exports import HEADINGS, REGISTRATIONS, SESSIONS, workbook_rows
from events.wagtail_hooks import SessionViewSet

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
RECURRING = "events_recurring_sessions"


def paris(days, hour=18, minute=0):
    """``days`` from today, at ``hour``:``minute`` Paris time."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def session_of(event, days=14, capacity=12, **kwargs):
    return SessionFactory(
        event=event, start=paris(days), end=paris(days, 19, 30), capacity=capacity, **kwargs
    )


def register_people(session, count):
    users = [UserFactory() for _ in range(count)]
    for user in users:
        services.register(session.pk, user)
    return users


def listed(response):
    return list(response.context["object_list"])


def content_of(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def series():
    return SeriesFactory(name="Un truc² en +", slug="un-truc-en-plus")


@pytest.fixture
def full_session(workshop):
    """Capacity 2: two confirmed, two on the waiting list."""
    session = session_of(workshop, capacity=2)
    users = register_people(session, 4)
    return session, users


# --- Sessions listing ------------------------------------------------------------------------


def test_team_member_sees_the_sessions_with_their_counts(client, team_member, full_session):
    session, _users = full_session
    client.force_login(team_member)

    response = client.get(reverse(SESSIONS))

    assert response.status_code == 200
    (row,) = listed(response)
    assert (row.pk, row.confirmed_count, row.waitlist_count) == (session.pk, 2, 2)
    html = response.content.decode()
    assert "Les tableaux croisés dynamiques" in html
    assert local_label(session.start) in html  # local time, e.g. “mardi 15 décembre …, 18h00”
    assert reverse(RECURRING) in html  # the header button


def test_sessions_filter_by_status_and_by_series(client, team_member, catalog, series):
    in_series = WorkshopPageFactory(parent=catalog, title="Excel", series=series)
    other = WorkshopPageFactory(parent=catalog, title="Word")
    scheduled = session_of(in_series)
    cancelled = session_of(other, days=20, status=SessionStatus.CANCELLED)
    client.force_login(team_member)

    by_status = client.get(reverse(SESSIONS), {"status": SessionStatus.CANCELLED})
    by_series = client.get(reverse(SESSIONS), {"series": series.pk})
    by_date = client.get(
        reverse(SESSIONS),
        {"start_from": timezone.localdate() + timedelta(days=18), "start_to": ""},
    )

    assert [s.pk for s in listed(by_status)] == [cancelled.pk]
    assert [s.pk for s in listed(by_series)] == [scheduled.pk]
    assert [s.pk for s in listed(by_date)] == [cancelled.pk]


def test_sessions_listing_searches_the_event_title(client, team_member, catalog):
    excel = session_of(WorkshopPageFactory(parent=catalog, title="Excel avancé"))
    session_of(WorkshopPageFactory(parent=catalog, title="Prise de parole"))
    client.force_login(team_member)

    response = client.get(reverse(SESSIONS), {"q": "excel"})

    assert [s.pk for s in listed(response)] == [excel.pk]


def test_sessions_csv_export_has_the_header_and_one_row_per_session(
    client, team_member, full_session
):
    session, _users = full_session
    client.force_login(team_member)

    response = client.get(reverse(SESSIONS), {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(content_of(response).decode())))
    with translation.override("fr"):
        headings = SessionViewSet.export_headings
        expected_header = [
            str(headings[name])
            if name in headings
            else str(capfirst(Session._meta.get_field(name).verbose_name))
            for name in SessionViewSet.list_export
        ]
        scheduled = str(SessionStatus.SCHEDULED.label)
    assert rows[0] == expected_header
    start = timezone.localtime(session.start).strftime("%Y-%m-%d %H:%M")
    assert rows[1:] == [
        [
            "Les tableaux croisés dynamiques",
            start,
            timezone.localtime(session.end).strftime("%Y-%m-%d %H:%M"),
            session.place,
            "2",
            scheduled,
            "2",
            "2",
        ]
    ]
    assert start.endswith("18:00")  # local time, not UTC


def test_sessions_xlsx_export_is_a_workbook_in_local_time(client, team_member, full_session):
    session, _users = full_session
    client.force_login(team_member)

    response = client.get(reverse(SESSIONS), {"export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content_of(response))).active
    assert sheet["A2"].value == "Les tableaux croisés dynamiques"
    assert sheet["B2"].value == datetime.combine(session.start.date(), time(18, 0))
    assert sheet["G2"].value == 2  # confirmed
    assert sheet["H2"].value == 2  # waiting list
    assert sheet.max_row == 2


def test_sessions_xlsx_export_has_the_header_and_follows_the_filters(
    client, team_member, catalog, series, full_session
):
    session, _users = full_session
    in_series = WorkshopPageFactory(parent=catalog, title="Excel", series=series)
    cancelled = session_of(in_series, days=20, capacity=8, status=SessionStatus.CANCELLED)
    client.force_login(team_member)

    everything = client.get(reverse(SESSIONS), {"export": "xlsx"})
    by_series = client.get(reverse(SESSIONS), {"series": series.pk, "export": "xlsx"})
    listing = client.get(reverse(SESSIONS), {"series": series.pk})

    header, *rows = workbook_rows(everything)
    assert header == HEADINGS[SESSIONS]
    assert [row[0] for row in rows] == ["Excel", "Les tableaux croisés dynamiques"]  # -start
    header, *rows = workbook_rows(by_series)
    assert [s.pk for s in listed(listing)] == [cancelled.pk]
    (row,) = rows
    assert row[0] == "Excel"
    assert close_in_time(row[1], cancelled.start) and close_in_time(row[2], cancelled.end)
    assert row[1].hour == 18 and row[2].strftime("%H:%M") == "19:30"  # local, not UTC
    assert row[3:] == (cancelled.place, 8, "annulée", 0, 0)


def test_a_trainer_gets_no_sessions_export_nor_its_buttons(client, trainer, full_session):
    client.force_login(trainer)

    listing = client.get(reverse(SESSIONS))
    xlsx = client.get(reverse(SESSIONS), {"export": "xlsx"})

    assert listing.status_code == 200 and len(listed(listing)) == 1
    assert "export=xlsx" not in listing.content.decode()
    assert "export=csv" not in listing.content.decode()
    # SessionIndexView.get raises PermissionDenied; Wagtail sends the trainer to the home.
    assert xlsx.status_code == 302
    assert xlsx["Location"] == reverse("wagtailadmin_home")


def test_sessions_listing_query_count_does_not_grow_with_the_sessions(
    client, team_member, catalog, series
):
    events = [
        WorkshopPageFactory(parent=catalog, title=f"Atelier {n}", series=series) for n in range(5)
    ]

    def add_sessions(count, offset):
        for n in range(count):
            session = session_of(events[n % 5], days=10 + offset + n, capacity=1)
            register_people(session, 2)  # one confirmed, one waiting

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(SESSIONS))
        assert response.status_code == 200
        return len(captured), len(listed(response))

    client.force_login(team_member)
    add_sessions(5, 0)
    client.get(reverse(SESSIONS))  # warm the caches (content types, site…)
    with_5, shown_5 = queries()
    add_sessions(45, 5)
    with_50, shown_50 = queries()

    assert (shown_5, shown_50) == (5, 50)
    assert with_50 == with_5


# --- Registrations listing -------------------------------------------------------------------


def test_registrations_listing_shows_the_waitlist_position(client, team_member, full_session):
    session, users = full_session
    client.force_login(team_member)

    response = client.get(reverse(REGISTRATIONS), {"session": session.pk})

    assert response.status_code == 200
    positions = {r.user_id: r.waitlist_position for r in listed(response)}
    assert positions == {users[0].pk: None, users[1].pk: None, users[2].pk: 1, users[3].pk: 2}
    html = response.content.decode()
    assert users[3].email in html
    assert users[3].service in html


def test_registrations_filter_and_export(client, team_member, full_session):
    _session, users = full_session
    client.force_login(team_member)

    waiting = client.get(reverse(REGISTRATIONS), {"status": RegistrationStatus.WAITLISTED})
    export = client.get(
        reverse(REGISTRATIONS), {"status": RegistrationStatus.WAITLISTED, "export": "csv"}
    )

    assert {r.user_id for r in listed(waiting)} == {users[2].pk, users[3].pk}
    rows = list(csv.reader(io.StringIO(content_of(export).decode())))
    assert len(rows) == 3
    assert {(row[1], row[5]) for row in rows[1:]} == {(users[2].email, "1"), (users[3].email, "2")}


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def close_in_time(cell, moment):
    """A workbook keeps the local wall-clock time, to the millisecond."""
    local = timezone.localtime(moment).replace(tzinfo=None)
    return cell.tzinfo is None and abs(cell - local) < timedelta(milliseconds=1)


def test_registrations_xlsx_export_matches_the_filtered_listing(
    client, team_member, catalog, full_session
):
    session, users = full_session
    Registration.objects.filter(user=users[0]).update(attendance="present")
    Registration.objects.filter(user=users[1]).update(attendance="absent")
    other = session_of(WorkshopPageFactory(parent=catalog, title="Word"), days=20)
    outsider = register_people(other, 1)[0]  # another session: filtered out
    client.force_login(team_member)
    filters = {"session": session.pk}

    listing = client.get(reverse(REGISTRATIONS), filters)
    export = client.get(reverse(REGISTRATIONS), {**filters, "export": "xlsx"})

    assert export.status_code == 200
    assert export["Content-Type"] == XLSX_TYPE
    assert export["Content-Disposition"] == 'attachment; filename="inscriptions.xlsx"'
    # The listing offers this very download, with its filters.
    assert f"?session={session.pk}&amp;export=xlsx" in listing.content.decode()
    header, *rows = workbook_rows(export)
    assert header == HEADINGS[REGISTRATIONS]
    shown = listed(listing)
    assert len(shown) == len(rows) == 4
    label = f"Les tableaux croisés dynamiques — {local_label(session.start)}"
    by_user = {}
    for registration, row in zip(shown, rows, strict=True):  # same order as the listing
        user = registration.user
        assert row[:4] == (user.get_full_name(), user.email, user.service, label)
        assert close_in_time(row[6], registration.queued_at)
        assert user.get_full_name() in listing.content.decode()
        by_user[user.pk] = (row[4], row[5], row[7])
    assert by_user == {
        users[0].pk: ("confirmée", None, "présent"),
        users[1].pk: ("confirmée", None, "absent"),
        users[2].pk: ("sur liste d'attente", 1, "non relevé"),
        users[3].pk: ("sur liste d'attente", 2, "non relevé"),
    }
    assert outsider.email not in {row[1] for row in rows}


def test_registrations_xlsx_export_follows_the_attendance_and_status_filters(
    client, team_member, full_session
):
    _session, users = full_session
    Registration.objects.filter(user=users[1]).update(attendance="present")
    client.force_login(team_member)

    present = client.get(reverse(REGISTRATIONS), {"attendance": "present", "export": "xlsx"})
    not_recorded = client.get(
        reverse(REGISTRATIONS),
        {"attendance": "unknown", "status": RegistrationStatus.CONFIRMED, "export": "xlsx"},
    )

    header, *rows = workbook_rows(present)
    assert header == HEADINGS[REGISTRATIONS]
    assert [(row[1], row[4], row[7]) for row in rows] == [(users[1].email, "confirmée", "présent")]
    _header, *rows = workbook_rows(not_recorded)
    assert [(row[1], row[4], row[7]) for row in rows] == [
        (users[0].email, "confirmée", "non relevé")
    ]


def test_a_trainer_outside_the_training_team_cannot_export_registrations(
    client, trainer, full_session
):
    """Registrations are personal data: a trainer reads neither the listing nor its exports
    (Wagtail sends someone without the right back to the admin's home)."""
    session, _users = full_session
    client.force_login(trainer)

    for export in ("xlsx", "csv"):
        response = client.get(reverse(REGISTRATIONS), {"session": session.pk, "export": export})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert not hasattr(response, "streaming_content")


def test_registrations_cannot_be_added_changed_or_deleted_in_the_admin(
    client, team_member, superuser, full_session
):
    _session, users = full_session
    registration = Registration.objects.get(user=users[2])

    for who in (team_member, superuser):
        client.force_login(who)
        listing = client.get(reverse(REGISTRATIONS))
        assert listing.status_code == 200
        assert not listing.context["can_add"]
        assert client.get(reverse("events_registrations:add")).status_code == 302
        client.post(
            reverse("events_registrations:edit", args=[registration.pk]),
            {"status": RegistrationStatus.CONFIRMED},
        )
        client.post(reverse("events_registrations:delete", args=[registration.pk]))
        inspect = client.get(reverse("events_registrations:inspect", args=[registration.pk]))
        assert inspect.status_code == 200
        assert registration.token not in inspect.content.decode()

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.WAITLISTED


# --- Who may do what -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/events/sessions/",
        "/admin/events/registrations/",
        "/admin/events/recurring-sessions/",
        "/admin/snippets/events/series/",
    ],
)
def test_an_agent_gets_no_access(client, agent, url):
    client.force_login(agent)

    response = client.get(url)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")


def test_a_trainer_sees_sessions_but_cannot_add_or_edit_them(client, trainer, workshop):
    session = session_of(workshop, capacity=5)
    client.force_login(trainer)

    listing = client.get(reverse(SESSIONS))
    add = client.post(reverse("events_sessions:add"), session_form_data(session, capacity=9))
    edit = client.post(
        reverse("events_sessions:edit", args=[session.pk]), session_form_data(session, capacity=9)
    )
    registrations = client.get(reverse(REGISTRATIONS))

    assert listing.status_code == 200
    assert [s.pk for s in listed(listing)] == [session.pk]
    assert not listing.context["can_add"]
    assert reverse(RECURRING) not in listing.content.decode()
    assert add.status_code in (302, 403) and edit.status_code in (302, 403)
    assert registrations.status_code in (302, 403)
    session.refresh_from_db()
    assert session.capacity == 5
    assert Session.objects.count() == 1


def test_the_roles_get_their_events_permissions():
    team = {p.codename for p in Group.objects.get(name=TRAINING_TEAM).permissions.all()}
    trainers = {p.codename for p in Group.objects.get(name=TRAINERS).permissions.all()}

    for model in ("series", "session"):
        assert {f"{action}_{model}" for action in ("add", "change", "delete", "view")} <= team
    assert "view_registration" in team
    assert not {"add_registration", "change_registration", "delete_registration"} & team
    assert "view_session" in trainers
    assert not {"add_session", "change_session", "delete_session"} & trainers


# --- Editing a session moves the waiting list up ---------------------------------------------


def session_form_data(session, **changes):
    data = {
        "event": session.event_id,
        "start": timezone.localtime(session.start).strftime("%Y-%m-%d %H:%M"),
        "end": timezone.localtime(session.end).strftime("%Y-%m-%d %H:%M"),
        "place": session.place,
        "online_url": session.online_url,
        "capacity": session.capacity,
        "registration_opens": "",
        "registration_deadline": "",
        "status": session.status,
    }
    data.update(changes)
    return data


def test_raising_the_capacity_in_the_admin_promotes_the_first_person_waiting(
    client, team_member, full_session, django_capture_on_commit_callbacks, mailoutbox
):
    session, users = full_session
    client.force_login(team_member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events_sessions:edit", args=[session.pk]),
            session_form_data(session, capacity=3),
        )

    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses[users[2].pk] == RegistrationStatus.CONFIRMED
    assert statuses[users[3].pk] == RegistrationStatus.WAITLISTED
    assert Registration.objects.with_waitlist_position().get(user=users[3]).waitlist_position == 1
    assert [message.to for message in mailoutbox] == [[users[2].email]]


def test_a_session_saved_as_cancelled_stays_cancelled_and_nobody_moves_up(
    client, team_member, full_session
):
    session, users = full_session
    client.force_login(team_member)

    response = client.post(
        reverse("events_sessions:edit", args=[session.pk]),
        session_form_data(session, capacity=10, status=SessionStatus.CANCELLED),
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert Registration.objects.get(user=users[2]).status == RegistrationStatus.WAITLISTED


def test_team_member_adds_a_session_in_the_admin(client, team_member, workshop):
    client.force_login(team_member)
    data = {
        "event": workshop.pk,
        "start": paris(30).strftime("%Y-%m-%d %H:%M"),
        "end": paris(30, 20).strftime("%Y-%m-%d %H:%M"),
        "place": "Salle 3",
        "online_url": "",
        "capacity": 8,
        "registration_opens": "",
        "registration_deadline": "",
        "status": SessionStatus.SCHEDULED,
    }

    response = client.post(reverse("events_sessions:add"), data)
    refused = client.post(reverse("events_sessions:add"), {**data, "end": data["start"]})

    assert response.status_code == 302
    assert refused.status_code == 200 and refused.context["form"].errors
    session = Session.objects.get()
    assert (session.start, session.capacity) == (paris(30), 8)


# --- The recurrence rule ---------------------------------------------------------------------

THURSDAY = date(2027, 1, 7)  # the first Thursday of January 2027


def test_every_week():
    assert occurrence_dates(THURSDAY, Frequency.WEEKLY, count=3) == [
        date(2027, 1, 7),
        date(2027, 1, 14),
        date(2027, 1, 21),
    ]


def test_every_two_weeks_until_an_end_date_included():
    assert occurrence_dates(THURSDAY, Frequency.FORTNIGHTLY, until=date(2027, 2, 4)) == [
        date(2027, 1, 7),
        date(2027, 1, 21),
        date(2027, 2, 4),
    ]


def test_every_first_thursday_of_the_month():
    assert monthly_position(THURSDAY) == (1, 3)
    assert occurrence_dates(THURSDAY, Frequency.MONTHLY_WEEKDAY, count=4) == [
        date(2027, 1, 7),
        date(2027, 2, 4),
        date(2027, 3, 4),
        date(2027, 4, 1),
    ]


def test_the_monthly_rule_in_words():
    with translation.override("en"):
        assert describe(date(2027, 1, 14), Frequency.MONTHLY_WEEKDAY) == (
            "every second Thursday of the month"
        )
        assert describe(date(2027, 1, 29), Frequency.MONTHLY_WEEKDAY) == (
            "every last Friday of the month"
        )
        assert describe(THURSDAY, Frequency.FORTNIGHTLY) == "every 2 weeks"


def test_a_fifth_weekday_becomes_the_last_one_of_each_month():
    fifth_friday = date(2027, 1, 29)

    assert monthly_position(fifth_friday) == (-1, 4)
    assert occurrence_dates(fifth_friday, Frequency.MONTHLY_WEEKDAY, count=3) == [
        date(2027, 1, 29),
        date(2027, 2, 26),
        date(2027, 3, 26),
    ]


def test_an_end_date_never_gives_more_than_the_cap():
    dates = occurrence_dates(THURSDAY, Frequency.WEEKLY, until=date(2030, 1, 1))

    assert len(dates) == MAX_OCCURRENCES + 1  # the caller tells “too many” from this


def test_18h_stays_18h_local_across_the_end_of_october_change_of_hour():
    # Summer time ends on Sunday 25 October 2026.
    dates = occurrence_dates(date(2026, 10, 15), Frequency.WEEKLY, count=4)

    times = local_datetimes(dates, time(18), time(19, 30), tz=PARIS)

    assert [start.astimezone(PARIS).strftime("%d/%m %H:%M") for start, _end in times] == [
        "15/10 18:00",
        "22/10 18:00",
        "29/10 18:00",
        "05/11 18:00",
    ]
    assert [start.astimezone(ZoneInfo("UTC")).hour for start, _end in times] == [16, 16, 17, 17]
    assert all(end - start == timedelta(minutes=90) for start, end in times)


# --- The recurring sessions admin view -------------------------------------------------------


def next_thursday(at_least_days=7):
    day = timezone.localdate() + timedelta(days=at_least_days)
    return day + timedelta(days=(3 - day.weekday()) % 7)


@pytest.fixture
def recurrence_data(workshop):
    return {
        "event": workshop.pk,
        "first_date": next_thursday().isoformat(),
        "start_time": "18:00",
        "end_time": "19:30",
        "frequency": Frequency.WEEKLY,
        "count": "4",
        "until": "",
        "place": "Salle 2, hôtel de ville",
        "online_url": "",
        "capacity": "15",
        "deadline_days": "2",
    }


def test_recurring_sessions_are_previewed_then_created(client, team_member, recurrence_data):
    client.force_login(team_member)
    first = next_thursday()

    preview = client.post(reverse(RECURRING), {**recurrence_data, "action": "preview"})

    assert preview.status_code == 200
    assert preview.context["preview"]
    assert not Session.objects.exists()
    html = preview.content.decode()
    with translation.override("fr"):
        expected = [
            local_label(datetime.combine(first + timedelta(weeks=n), time(18), tzinfo=PARIS))
            for n in range(4)
        ]
    for label in expected:
        assert label in html
    assert "jeudi" in html  # French dates
    assert 'value="create"' in html
    back = client.post(reverse(RECURRING), {**recurrence_data, "action": "edit"})
    assert not back.context.get("preview")
    assert back.context["form"]["place"].value() == "Salle 2, hôtel de ville"
    assert not Session.objects.exists()

    created = client.post(reverse(RECURRING), {**recurrence_data, "action": "create"})

    assert created.status_code == 302
    assert created["Location"] == reverse(SESSIONS)
    sessions = list(Session.objects.order_by("start"))
    assert [timezone.localtime(s.start).date() for s in sessions] == [
        first + timedelta(weeks=n) for n in range(4)
    ]
    for session in sessions:
        start = timezone.localtime(session.start)
        assert (start.hour, start.minute) == (18, 0)
        assert timezone.localtime(session.end).strftime("%H:%M") == "19:30"
        assert session.registration_deadline == session.start - timedelta(days=2)
        assert timezone.localtime(session.registration_deadline).hour == 18
        assert (session.capacity, session.place) == (15, "Salle 2, hôtel de ville")
        assert session.status == SessionStatus.SCHEDULED


def test_recurring_sessions_every_first_thursday_of_the_month(client, team_member, recurrence_data):
    first = timezone.localdate() + timedelta(days=40)
    first = first.replace(day=1)
    first += timedelta(days=(3 - first.weekday()) % 7)  # the first Thursday of a month
    client.force_login(team_member)
    data = {
        **recurrence_data,
        "first_date": first.isoformat(),
        "frequency": Frequency.MONTHLY_WEEKDAY,
        "count": "3",
        "action": "create",
    }

    client.post(reverse(RECURRING), data)

    days = [timezone.localtime(s.start).date() for s in Session.objects.order_by("start")]
    assert len(days) == 3
    assert all(day.weekday() == 3 and day.day <= 7 for day in days)
    assert len({day.month for day in days}) == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_time": "17:00"}, "end_time"),
        ({"count": ""}, "__all__"),  # neither a count nor an end date
        ({"count": "53"}, "count"),
        ({"count": "", "until": "2099-12-31"}, "until"),  # more than 52 sessions
        ({"first_date": "2020-01-02"}, "first_date"),  # in the past
        ({"until": "2099-12-31"}, "__all__"),  # both a count and an end date
        ({"capacity": "0"}, "capacity"),
    ],
)
def test_bad_recurring_input_creates_nothing(client, team_member, recurrence_data, changes, field):
    client.force_login(team_member)

    for action in ("preview", "create"):
        response = client.post(reverse(RECURRING), {**recurrence_data, **changes, "action": action})

        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert not response.context.get("preview")
    assert not Session.objects.exists()


def test_only_users_who_may_add_sessions_create_recurring_ones(
    client, trainer, agent, recurrence_data
):
    for who in (trainer, agent):
        client.force_login(who)
        assert client.get(reverse(RECURRING)).status_code in (302, 403)
        response = client.post(reverse(RECURRING), {**recurrence_data, "action": "create"})
        assert response.status_code in (302, 403)

    assert not Session.objects.exists()


def test_the_recurring_sessions_form_is_in_the_events_menu(client, team_member, trainer):
    client.force_login(team_member)
    assert reverse(RECURRING) in client.get("/admin/").content.decode()

    client.force_login(trainer)
    assert reverse(RECURRING) not in client.get("/admin/").content.decode()


def test_series_listing_counts_the_events_of_each_series(client, team_member, catalog, series):
    WorkshopPageFactory(parent=catalog, title="Excel", series=series)
    WorkshopPageFactory(parent=catalog, title="Word", series=series)
    SeriesFactory(name="Seule", slug="seule")
    client.force_login(team_member)

    response = client.get("/admin/snippets/events/series/")

    assert response.status_code == 200
    counts = {s.name: s.event_count for s in listed(response)}
    assert counts == {"Un truc² en +": 2, "Seule": 0}
    assert series.colour in response.content.decode()


def test_the_session_edit_form_opens_with_its_panels(client, team_member, full_session):
    session, _users = full_session
    client.force_login(team_member)

    response = client.get(reverse("events_sessions:edit", args=[session.pk]))

    assert response.status_code == 200
    assert set(response.context["form"].fields) >= {
        "event",
        "start",
        "end",
        "place",
        "online_url",
        "capacity",
        "registration_opens",
        "registration_deadline",
        "facilitators",
        "status",
    }


def test_trainers_read_sessions_without_their_online_link(client, trainer, team_member, workshop):
    session = SessionFactory(event=workshop, online_url="https://visio.example/secret")
    url = reverse("events_sessions:inspect", args=[session.pk])
    client.force_login(trainer)
    assert client.get(url).status_code == 200
    assert "visio.example/secret" not in client.get(url).content.decode()
    export = client.get(reverse(SESSIONS), {"export": "csv"})
    assert export.status_code in (302, 403)  # exports are the training team's
    client.force_login(team_member)
    assert "visio.example/secret" in client.get(url).content.decode()
