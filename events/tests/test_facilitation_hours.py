"""Facilitation hours: what a trainer facilitated (closed sessions) and has planned in a year,
and the training team's warning when a session takes a trainer past the yearly cap."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from community.factories import UserFactory
from events.factories import SessionFactory
from events.models import SessionStatus
from events.services.attendance import facilitated_hours, over_cap, scheduled_hours

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def facilitated(event, who, start, hours, status=SessionStatus.DONE):
    session = SessionFactory(
        event=event, start=start, end=start + timedelta(hours=hours), status=status
    )
    session.facilitators.add(*who)
    return session


def paris(year, month, day, hour=9):
    return datetime(year, month, day, hour, tzinfo=PARIS)


def test_known_sessions_give_known_hours(workshop, trainer):
    colleague = UserFactory()
    facilitated(workshop, [trainer], paris(2027, 3, 1), 2)
    facilitated(workshop, [trainer, colleague], paris(2027, 3, 8), 1.5)  # co-facilitated
    facilitated(workshop, [trainer], paris(2027, 6, 1), 3, SessionStatus.SCHEDULED)
    facilitated(workshop, [trainer], paris(2027, 6, 8), 4, SessionStatus.CANCELLED)
    facilitated(workshop, [trainer], paris(2026, 12, 31, 23), 2)  # another year (local time)
    # 00:30 in Paris on 1 January is still 31 December in UTC: it counts for 2027.
    facilitated(workshop, [trainer], datetime(2027, 1, 1, 0, 30, tzinfo=PARIS), 1)
    facilitated(workshop, [colleague], paris(2027, 4, 1), 7)  # someone else's

    assert facilitated_hours(trainer, 2027) == pytest.approx(4.5)
    assert scheduled_hours(trainer, 2027) == pytest.approx(7.5)
    assert facilitated_hours(trainer, 2026) == pytest.approx(2)
    assert facilitated_hours(colleague, 2027) == pytest.approx(8.5)
    assert scheduled_hours(UserFactory(), 2027) == 0


def test_a_session_naming_nobody_counts_for_its_pages_facilitators(workshop, trainer):
    """The same rule as the roll call: a session that names no facilitator is run by those of
    its workshop page; a session naming someone else is not theirs."""
    workshop.facilitators.add(trainer)
    workshop.save()
    SessionFactory(event=workshop, start=paris(2027, 3, 1), end=paris(2027, 3, 1, 11))
    facilitated(workshop, [UserFactory()], paris(2027, 3, 8), 2)
    assert scheduled_hours(trainer, 2027) == pytest.approx(2)


# --- The admin warning ---------------------------------------------------------------------


def session_data(event, start, hours, facilitators):
    local = timezone.localtime(start)
    return {
        "event": event.pk,
        "start": local.strftime("%Y-%m-%d %H:%M"),
        "end": (local + timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M"),
        "place": "Salle 3",
        "online_url": "",
        "capacity": 8,
        "registration_opens": "",
        "registration_deadline": "",
        "facilitators": [person.pk for person in facilitators],
        "status": SessionStatus.SCHEDULED,
    }


def warnings_of(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


@pytest.mark.parametrize(
    ("already", "new", "warned"),
    [(89, 3, True), (87, 3, False), (80, 2, False)],
    ids=["92 h: warned", "exactly 90 h: not warned", "82 h: not warned"],
)
def test_adding_a_session_warns_when_a_facilitator_passes_the_cap(
    client, team_member, workshop, trainer, already, new, warned
):
    colleague = UserFactory(first_name="Paul", last_name="Leroy")
    facilitated(workshop, [trainer], paris(2027, 2, 1), already, SessionStatus.SCHEDULED)
    client.force_login(team_member)

    response = client.post(
        reverse("events_sessions:add"),
        session_data(workshop, paris(2027, 5, 4, 14), new, [trainer, colleague]),
        follow=True,
    )

    assert response.status_code == 200
    assert workshop.sessions.count() == 2  # a warning, never a refusal
    messages = warnings_of(response)
    if warned:
        assert len(messages) == 1
        assert "Nathalie Girard" in messages[0]
        assert f"{already + new} h" in messages[0] and "2027" in messages[0]
        assert "90 h" in messages[0]
    else:
        assert messages == []


def test_editing_a_session_warns_each_trainer_over_the_cap(client, team_member, workshop, trainer):
    colleague = UserFactory(first_name="Paul", last_name="Leroy")
    facilitated(workshop, [trainer], paris(2027, 2, 1), 89, SessionStatus.SCHEDULED)
    facilitated(workshop, [colleague], paris(2027, 2, 15), 88.5, SessionStatus.DONE)
    session = facilitated(workshop, [], paris(2027, 5, 4, 14), 2, SessionStatus.SCHEDULED)
    client.force_login(team_member)

    response = client.post(
        reverse("events_sessions:edit", args=[session.pk]),
        session_data(workshop, session.start, 2, [trainer, colleague]),
        follow=True,
    )

    messages = warnings_of(response)
    assert len(messages) == 2
    assert any("Nathalie Girard" in m and "91 h" in m for m in messages)
    assert any("Paul Leroy" in m and ("90,5 h" in m or "90.5 h" in m) for m in messages)


def test_a_cancelled_session_in_the_year_does_not_count_towards_the_cap(workshop, trainer):
    facilitated(workshop, [trainer], paris(2027, 2, 1), 60, SessionStatus.CANCELLED)
    session = facilitated(workshop, [trainer], paris(2027, 5, 4), 40, SessionStatus.SCHEDULED)
    assert over_cap(session) == []


@override_settings(ATELIER_FACILITATION_HOURS_CAP=10)
def test_the_cap_comes_from_the_settings(workshop, trainer):
    session = facilitated(workshop, [trainer], paris(2027, 5, 4), 11, SessionStatus.SCHEDULED)
    assert over_cap(session) == [(trainer, pytest.approx(11))]
