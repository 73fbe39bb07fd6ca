"""The roll call: who may take it and when, marking and closing (no-shows), the phone page, the
attendance record on “Mes inscriptions” and in the admin, and “the sessions I facilitate”."""

import csv
import io
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.factories import UserFactory
from community.tests.pages import text_of
from events import services
from events.factories import RegistrationFactory, SessionFactory
from events.models import Attendance, Registration, RegistrationStatus, SessionStatus
from events.services import attendance

pytestmark = pytest.mark.django_db


def started_session(event, minutes_ago=30, **kwargs):
    start = timezone.now() - timedelta(minutes=minutes_ago)
    return SessionFactory(event=event, start=start, end=start + timedelta(hours=2), **kwargs)


@pytest.fixture
def session(workshop, trainer):
    """Started 30 minutes ago, run by the trainer: three confirmed (Dubois, Martin, Petit),
    one on the waiting list, one cancelled."""
    session = started_session(workshop, capacity=3)
    session.facilitators.add(trainer)
    for last_name, status in [
        ("Dubois", RegistrationStatus.CONFIRMED),
        ("Martin", RegistrationStatus.CONFIRMED),
        ("Petit", RegistrationStatus.CONFIRMED),
        ("Attente", RegistrationStatus.WAITLISTED),
        ("Annulé", RegistrationStatus.CANCELLED),
    ]:
        RegistrationFactory(session=session, user=UserFactory(last_name=last_name), status=status)
    return session


def registration_of(session, last_name):
    return Registration.objects.get(session=session, user__last_name=last_name)


def attendance_by_name(session):
    return dict(session.registrations.values_list("user__last_name", "attendance"))


def roll_call_url(session):
    return reverse("events:roll_call", args=[session.pk])


def mark_url(session, registration):
    return reverse("events:roll_call_mark", args=[session.pk, registration.pk])


def close_url(session):
    return reverse("events:roll_call_close", args=[session.pk])


# --- Who may take the roll call ------------------------------------------------------------


def test_the_session_facilitator_and_the_training_team_may_take_it(
    session, trainer, team_member, agent
):
    assert attendance.may_take_roll_call(trainer, session)
    assert attendance.may_take_roll_call(team_member, session)
    assert not attendance.may_take_roll_call(agent, session)


def test_without_session_facilitators_those_of_the_event_page_may_take_it(workshop, agent):
    session = started_session(workshop)
    workshop.facilitators.add(agent)
    workshop.save()
    assert attendance.may_take_roll_call(agent, session)

    session.facilitators.add(UserFactory())  # the session names its own: the page's no longer
    assert not attendance.may_take_roll_call(agent, session)


def test_an_agent_who_does_not_facilitate_gets_403_and_changes_nothing(client, session, agent):
    client.force_login(agent)
    dubois = registration_of(session, "Dubois")

    page = client.get(roll_call_url(session))
    assert page.status_code == 403
    assert "Accès refusé" in text_of(page)
    assert "Seuls les animateurs de la séance et l'équipe formation" in text_of(page)
    assert client.post(mark_url(session, dubois), {"attendance": "present"}).status_code == 403
    assert client.post(close_url(session)).status_code == 403
    with pytest.raises(PermissionDenied):
        attendance.mark(session.pk, dubois.pk, True, agent)

    session.refresh_from_db()
    assert set(attendance_by_name(session).values()) == {Attendance.UNKNOWN}
    assert session.status == SessionStatus.SCHEDULED and session.roll_call_closed_at is None


# --- When ----------------------------------------------------------------------------------


def test_before_the_start_the_roll_call_is_refused_and_nothing_changes(client, workshop, trainer):
    start = timezone.now() + timedelta(hours=1)
    session = SessionFactory(event=workshop, start=start, end=start + timedelta(hours=1))
    session.facilitators.add(trainer)
    registration = RegistrationFactory(session=session)
    client.force_login(trainer)

    with pytest.raises(attendance.AttendanceError):
        attendance.mark(session.pk, registration.pk, True, trainer)
    with pytest.raises(attendance.AttendanceError):
        attendance.close_roll_call(session.pk, trainer)
    page = client.get(roll_call_url(session))
    client.post(mark_url(session, registration), {"attendance": "present"})

    assert page.status_code == 200
    assert not page.context["is_open"]
    assert "L'appel s'ouvre au début de la séance" in text_of(page)
    assert "aria-pressed" not in page.content.decode()  # no buttons before the start
    registration.refresh_from_db()
    session.refresh_from_db()
    assert registration.attendance == Attendance.UNKNOWN
    assert session.status == SessionStatus.SCHEDULED

    with time_machine.travel(start + timedelta(minutes=1)):
        attendance.mark(session.pk, registration.pk, True, trainer)  # now it may
    registration.refresh_from_db()
    assert registration.attendance == Attendance.PRESENT


def test_a_cancelled_session_has_no_roll_call(workshop, trainer):
    session = started_session(workshop, status=SessionStatus.CANCELLED)
    session.facilitators.add(trainer)
    registration = RegistrationFactory(session=session)
    with pytest.raises(attendance.AttendanceError):
        attendance.mark(session.pk, registration.pk, True, trainer)
    with pytest.raises(attendance.AttendanceError):
        attendance.close_roll_call(session.pk, trainer)
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED


def test_after_closing_nothing_changes_any_more(client, session, trainer):
    dubois = registration_of(session, "Dubois")
    attendance.mark(session.pk, registration_of(session, "Martin").pk, True, trainer)
    attendance.close_roll_call(session.pk, trainer)
    client.force_login(trainer)

    with pytest.raises(attendance.AttendanceError):
        attendance.mark(session.pk, dubois.pk, True, trainer)
    with pytest.raises(attendance.AttendanceError):
        attendance.close_roll_call(session.pk, trainer)
    client.post(mark_url(session, dubois), {"attendance": "present"})
    page = client.get(roll_call_url(session))

    dubois.refresh_from_db()
    assert dubois.attendance == Attendance.ABSENT
    assert page.context["is_closed"] and not page.context["is_open"]
    assert "aria-pressed" not in page.content.decode()


# --- Marking and closing -------------------------------------------------------------------


def test_marking_then_closing_counts_attendees_and_no_shows(session, trainer):
    attendance.mark(session.pk, registration_of(session, "Dubois").pk, True, trainer)
    attendance.mark(session.pk, registration_of(session, "Martin").pk, True, trainer)
    attendance.mark(session.pk, registration_of(session, "Martin").pk, False, trainer)  # fixed

    with time_machine.travel(timezone.now(), tick=False):
        figures = attendance.close_roll_call(session.pk, trainer)
        closed_at = timezone.now()

    assert (figures.attendees, figures.no_shows, figures.unmarked) == (1, 2, 0)
    assert figures.no_show_rate == pytest.approx(2 / 3)
    assert attendance_by_name(session) == {
        "Dubois": Attendance.PRESENT,
        "Martin": Attendance.ABSENT,
        "Petit": Attendance.ABSENT,  # unmarked: a no-show
        "Attente": Attendance.UNKNOWN,  # never had a seat
        "Annulé": Attendance.UNKNOWN,
    }
    session.refresh_from_db()
    assert session.status == SessionStatus.DONE
    assert (session.roll_call_closed_at, session.roll_call_closed_by) == (closed_at, trainer)
    assert attendance.figures(session) == figures


def test_people_without_a_confirmed_seat_cannot_be_marked(session, trainer):
    for last_name in ("Attente", "Annulé"):
        with pytest.raises(attendance.AttendanceError):
            attendance.mark(session.pk, registration_of(session, last_name).pk, True, trainer)
    other = RegistrationFactory(session=started_session(session.event))  # another session
    with pytest.raises(attendance.AttendanceError):
        attendance.mark(session.pk, other.pk, True, trainer)
    assert set(attendance_by_name(session).values()) == {Attendance.UNKNOWN}


def test_no_show_rate_is_unknown_before_any_mark():
    assert attendance.Figures(0, 0, 3).no_show_rate is None
    assert attendance.Figures(3, 1).no_show_rate == 0.25


# --- The page on a phone -------------------------------------------------------------------


def test_the_page_lists_the_confirmed_only_with_a_button_pair_each(client, session, trainer):
    client.force_login(trainer)
    response = client.get(roll_call_url(session))

    assert response.status_code == 200
    names = [r.user.last_name for r in response.context["registrations"]]
    assert names == ["Dubois", "Martin", "Petit"]
    html = response.content.decode()
    assert "Attente" not in html and "Annulé" not in html
    assert html.count('name="attendance" value="present"') == 3
    assert html.count('aria-pressed="false"') == 6
    assert "css/roll_call.css" in html
    assert html.count("<h1") == 1


def test_one_tap_marks_without_javascript_and_shows_the_state(client, session, trainer):
    dubois = registration_of(session, "Dubois")
    client.force_login(trainer)

    response = client.post(mark_url(session, dubois), {"attendance": "present"})
    page = client.get(roll_call_url(session))

    assert response.status_code == 302
    assert response.url == f"{roll_call_url(session)}#inscrit-{dubois.pk}"
    dubois.refresh_from_db()
    assert dubois.attendance == Attendance.PRESENT
    item = re.search(rf'id="inscrit-{dubois.pk}".*?</li>', page.content.decode(), re.S).group()
    assert (
        'value="present" class="roll-call__button roll-call__button--present" '
        'aria-pressed="true"' in item
    )
    assert page.context["figures"] == attendance.Figures(1, 0, 2)


def test_a_bad_choice_changes_nothing(client, session, trainer):
    dubois = registration_of(session, "Dubois")
    client.force_login(trainer)
    response = client.post(mark_url(session, dubois), {"attendance": "maybe"}, follow=True)
    assert response.status_code == 200
    assert response.context["messages"]
    dubois.refresh_from_db()
    assert dubois.attendance == Attendance.UNKNOWN


def test_closing_asks_for_confirmation_then_closes(client, session, team_member):
    client.force_login(team_member)
    attendance.mark(session.pk, registration_of(session, "Martin").pk, True, team_member)

    first = client.get(roll_call_url(session))
    confirming = client.get(roll_call_url(session), {"clore": "1"})
    session.refresh_from_db()
    assert session.roll_call_closed_at is None  # a GET never closes
    closed = client.post(close_url(session), follow=True)

    assert close_url(session) not in first.content.decode()
    assert close_url(session) in confirming.content.decode()
    assert closed.status_code == 200 and closed.context["is_closed"]
    session.refresh_from_db()
    assert session.status == SessionStatus.DONE
    assert session.roll_call_closed_by == team_member
    assert set(attendance_by_name(session).values()) == {
        Attendance.PRESENT,
        Attendance.ABSENT,
        Attendance.UNKNOWN,  # the waiting list and the cancelled are never marked
    }


def test_the_page_query_count_does_not_grow_with_the_registrants(client, workshop, trainer):
    def page_with(count):
        session = started_session(workshop, capacity=count)
        session.facilitators.add(trainer)
        for _ in range(count):
            RegistrationFactory(session=session)
        client.get(roll_call_url(session))  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(roll_call_url(session))
        assert len(response.context["registrations"]) == count
        return len(captured)

    client.force_login(trainer)
    assert page_with(10) == page_with(60)


# --- The attendance record -----------------------------------------------------------------


def test_my_registrations_shows_attendance_and_a_summary(client, workshop, agent):
    states = [Attendance.PRESENT, Attendance.PRESENT, Attendance.ABSENT, Attendance.UNKNOWN]
    for days, state in enumerate(states, start=1):
        held = started_session(workshop, minutes_ago=days * 24 * 60)
        RegistrationFactory(session=held, user=agent, attendance=state)
    client.force_login(agent)

    html = client.get(reverse("events:my_registrations")).content.decode()

    assert html.count("attendance--present") == 2
    assert html.count("attendance--absent") == 1
    assert html.count("attendance--unknown") == 1
    summary = re.search(r'class="attendance-summary">(.*?)</p>', html, re.S).group(1)
    assert re.findall(r"\d+", summary) == ["2", "1", "1"]  # attended, no-shows, not recorded
    assert reverse("events:my_facilitations") in html


def test_the_admin_listing_shows_filters_and_exports_attendance(client, session, team_member):
    attendance.mark(session.pk, registration_of(session, "Dubois").pk, True, team_member)
    attendance.mark(session.pk, registration_of(session, "Martin").pk, False, team_member)
    client.force_login(team_member)
    url = reverse("events_registrations:index")

    listing = client.get(url, {"session": session.pk})
    absent = client.get(url, {"attendance": "absent"})
    unknown = client.get(url, {"attendance": "unknown", "session": session.pk})
    export = client.get(url, {"session": session.pk, "export": "csv"})

    names = [column.name for column in listing.context["view"].columns]
    assert names.index("get_attendance_display") == names.index("get_status_display") + 1
    tags = re.findall(r'class="w-status[^"]*">\s*([^<]*?)\s*<', listing.content.decode())
    for state in (Attendance.PRESENT, Attendance.ABSENT, Attendance.UNKNOWN):
        assert str(state.label) in tags
    assert [r.user.last_name for r in absent.context["object_list"]] == ["Martin"]
    assert {r.user.last_name for r in unknown.context["object_list"]} == {
        "Petit",
        "Attente",
        "Annulé",
    }
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode())))
    by_email = {row[1]: row[-1] for row in rows[1:]}
    present_label = str(Attendance.PRESENT.label)
    assert by_email[registration_of(session, "Dubois").user.email] == present_label
    assert by_email[registration_of(session, "Martin").user.email] == str(Attendance.ABSENT.label)


def test_the_admin_sessions_listing_links_the_roll_call_and_the_sheet(client, session, team_member):
    client.force_login(team_member)
    html = client.get(reverse("events_sessions:index")).content.decode()
    assert roll_call_url(session) in html
    assert reverse("events:sign_in_sheet", args=[session.pk]) in html


# --- The sessions I facilitate -------------------------------------------------------------


def test_my_facilitations_lists_today_and_past_sessions_with_links(
    client, workshop, trainer, session
):
    later = SessionFactory(event=workshop, start=timezone.now() + timedelta(days=3))
    later.facilitators.add(trainer)
    not_mine = started_session(workshop)
    not_mine.facilitators.add(UserFactory())
    workshop.facilitators.add(trainer)  # the page's facilitators run sessions naming nobody
    workshop.save()
    unnamed = started_session(workshop, minutes_ago=3 * 24 * 60)
    client.force_login(trainer)

    response = client.get(reverse("events:my_facilitations"))

    assert response.status_code == 200
    assert list(response.context["sessions"]) == [session, unnamed]
    html = response.content.decode()
    assert roll_call_url(session) in html
    assert reverse("events:sign_in_sheet", args=[session.pk]) in html
    assert response.context["cap"] == 90


def test_the_rules_are_exported_by_the_services_package():
    assert services.mark is attendance.mark
    assert services.close_roll_call is attendance.close_roll_call


def test_an_untouched_roll_call_cannot_be_closed(trainer, workshop):
    """Closing without marking anyone would record everyone as a no-show (a false 100 % that
    would feed the series' over-booking)."""
    from datetime import timedelta

    from django.utils import timezone

    from events.factories import RegistrationFactory, SessionFactory
    from events.models import Attendance
    from events.services import attendance

    start = timezone.now() - timedelta(hours=1)
    session = SessionFactory(event=workshop, start=start, end=start + timedelta(minutes=50))
    session.facilitators.add(trainer)
    registrations = [RegistrationFactory(session=session) for _ in range(3)]
    with pytest.raises(attendance.AttendanceError):
        attendance.close_roll_call(session.pk, trainer)
    session.refresh_from_db()
    assert session.roll_call_closed_at is None
    attendance.mark(session.pk, registrations[0].pk, True, trainer)
    attendance.close_roll_call(session.pk, trainer)
    assert sorted(session.registrations.values_list("attendance", flat=True)) == [
        Attendance.ABSENT,
        Attendance.ABSENT,
        Attendance.PRESENT,
    ]


def test_the_roll_call_and_the_sign_in_sheet_share_one_order(workshop):
    """Accents ignored on both: “Éluard” comes between “Dubois” and “Zola”, on the phone as on
    paper (a database collation would put it after Z)."""
    from events.factories import RegistrationFactory, SessionFactory

    session = SessionFactory(event=workshop)
    for last_name in ("Zola", "Éluard", "Dubois"):
        RegistrationFactory(session=session, user=UserFactory(last_name=last_name))
    names = [registration.user.last_name for registration in attendance.roll_call(session)]
    assert names == ["Dubois", "Éluard", "Zola"]
