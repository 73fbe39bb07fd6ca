"""Over-booking from history: the measured no-show rate, the allowance it gives, the limit the
registration service then holds, and the training team's admin page that applies it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from community.models import User
from events import services
from events.admin_overbooking import OVERBOOKING_URL
from events.factories import SeriesFactory, SessionFactory, WorkshopPageFactory
from events.models import Attendance, Registration, RegistrationStatus, Series, SessionStatus
from events.services.overbooking import (
    MIN_ATTENDANCES,
    NoShowMeasure,
    allowance,
    no_show_measure,
    seat_limit,
    seats_left,
)

pytestmark = pytest.mark.django_db

SERIES_LIST = "/admin/snippets/events/series/"
_people = iter(range(10**6))


def users(count):
    """Many people at once: the history tests need a hundred of them."""
    return User.objects.bulk_create(
        User(email=f"personne{next(_people)}@atelier.example") for _ in range(count)
    )


def past_session(event, present, absent, days_ago=30, closed=True, **attendance_of_others):
    """A session that took place, with its roll call closed (or not) and its attendances."""
    start = timezone.now() - timedelta(days=days_ago)
    session = SessionFactory(
        event=event,
        start=start,
        status=SessionStatus.DONE,
        roll_call_closed_at=start + timedelta(hours=2) if closed else None,
    )
    marks = [Attendance.PRESENT] * present + [Attendance.ABSENT] * absent
    Registration.objects.bulk_create(
        Registration(
            session=session,
            user=user,
            status=RegistrationStatus.CONFIRMED,
            queued_at=start - timedelta(days=10),
            attendance=mark,
        )
        for user, mark in zip(users(len(marks)), marks, strict=True)
    )
    return session


@pytest.fixture
def series():
    return SeriesFactory(name="Un truc² en +", slug="un-truc-en-plus")


@pytest.fixture
def event(catalog, series):
    return WorkshopPageFactory(parent=catalog, title="Le publipostage", series=series)


@pytest.fixture
def measured(event):
    """100 attendances recorded at closed roll calls, 25 of them absent: 25 %."""
    past_session(event, present=40, absent=10, days_ago=60)
    past_session(event, present=35, absent=15, days_ago=20)
    return event


def session_of(event, capacity=12):
    return SessionFactory(event=event, capacity=capacity)


def register(session, count):
    return [services.register(session.pk, user) for user in users(count)]


def confirmed(session):
    return session.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def waiting(session):
    return session.registrations.filter(status=RegistrationStatus.WAITLISTED).count()


# ---------------------------------------------------------------------------------------------
# Arithmetic


def test_the_rate_is_absent_over_recorded_attendances():
    measure = NoShowMeasure(present=75, absent=25)
    assert measure.recorded == 100
    assert measure.rate == Decimal("0.250")
    assert NoShowMeasure(present=16, absent=5).rate == Decimal("0.238")


def test_too_little_data_gives_no_rate():
    assert NoShowMeasure(present=MIN_ATTENDANCES - 5, absent=4).rate is None
    assert NoShowMeasure(present=MIN_ATTENDANCES - 5, absent=5).rate == Decimal("0.250")
    assert NoShowMeasure(present=0, absent=0).rate is None


@pytest.mark.parametrize(
    ("capacity", "rate", "ratio", "expected"),
    [
        (12, Decimal("0.25"), 1.5, 16),  # 12 / 0.75 = 16, exactly: no 15.999…
        (12, Decimal("0.25"), 1.3, 15),  # capped at floor(12 × 1.3)
        (10, Decimal("0.2"), 1.3, 12),  # 12.5 rounded down
        (12, Decimal("0.01"), 1.3, 12),  # 12.12: never less than the capacity either
        (12, None, 1.3, 12),  # nothing applied
        (100, Decimal("0.5"), 1.15, 115),  # 100 × 1.15 is 114.999… in floating point
        (12, Decimal("1"), 1.3, 15),  # everyone absent: the cap, not a division by zero
    ],
)
def test_the_allowance_rounds_down_within_the_cap(settings, capacity, rate, ratio, expected):
    settings.ATELIER_OVERBOOKING_MAX_RATIO = ratio
    assert allowance(capacity, rate) == expected


def test_the_measure_counts_closed_roll_calls_of_the_series_within_twelve_months(
    measured, catalog, django_assert_num_queries
):
    # None of these count: a roll call still open, another series, a session of last year…
    past_session(measured, present=0, absent=30, closed=False)
    other = WorkshopPageFactory(parent=catalog, series=SeriesFactory())
    past_session(other, present=0, absent=30)
    past_session(measured, present=0, absent=30, days_ago=400)
    # …a cancelled registration, an attendance not recorded.
    recent = past_session(measured, present=0, absent=0)
    cancelled, unknown = users(2)
    Registration.objects.create(
        session=recent,
        user=cancelled,
        status=RegistrationStatus.CANCELLED,
        queued_at=recent.start,
        attendance=Attendance.ABSENT,
    )
    Registration.objects.create(
        session=recent, user=unknown, status=RegistrationStatus.CONFIRMED, queued_at=recent.start
    )

    with django_assert_num_queries(1):
        measure = no_show_measure(measured.series)

    assert (measure.present, measure.absent, measure.rate) == (75, 25, Decimal("0.250"))
    all_history = no_show_measure(measured.series, window=None)
    assert (all_history.recorded, all_history.absent) == (130, 55)


# ---------------------------------------------------------------------------------------------
# The limit the registration service holds


def test_an_applied_rate_lets_a_12_seat_session_confirm_15_then_the_waiting_list(
    measured, team_member
):
    session = session_of(measured)
    services.apply_overbooking(measured.series, no_show_measure(measured.series).rate, team_member)

    register(session, 17)

    assert Series.objects.get().overbooking_rate == Decimal("0.250")
    assert seat_limit(session) == 15
    assert (confirmed(session), waiting(session)) == (15, 2)


def test_removing_it_restores_the_capacity_for_new_registrations(measured, team_member):
    session = session_of(measured)
    services.apply_overbooking(measured.series, Decimal("0.25"), team_member)
    first, *_rest = register(session, 15)

    services.remove_overbooking(measured.series, team_member)
    services.cancel(first.pk, user=first.user)
    register(session, 1)
    fresh = session_of(measured)
    register(fresh, 13)

    assert Series.objects.get().overbooking_rate is None
    # Nobody confirmed lost a seat; a freed seat above the capacity is not offered again.
    assert (confirmed(session), waiting(session)) == (14, 1)
    assert (confirmed(fresh), waiting(fresh)) == (12, 1)


def test_applying_moves_the_waiting_lists_up_into_the_new_seats(
    measured, team_member, django_capture_on_commit_callbacks
):
    session = session_of(measured)
    register(session, 14)

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.apply_overbooking(measured.series, Decimal("0.25"), team_member)

    assert len(promoted) == 2
    assert (confirmed(session), waiting(session)) == (14, 0)


@pytest.mark.parametrize("rate", [0, "0", 1, Decimal("1.2"), Decimal("-0.1"), "abc", None])
def test_a_rate_outside_zero_one_is_refused_and_changes_nothing(series, team_member, rate):
    with pytest.raises(ValidationError):
        services.apply_overbooking(series, rate, team_member)
    assert Series.objects.get().overbooking_rate is None


def test_only_the_training_team_may_apply(series, trainer, agent):
    for user in (trainer, agent, None):
        with pytest.raises(PermissionDenied):
            services.apply_overbooking(series, Decimal("0.25"), user)
    assert Series.objects.get().overbooking_rate is None


def test_pages_count_the_extra_seats_without_a_query_per_session(
    measured, team_member, agent, catalog, django_assert_max_num_queries
):
    services.apply_overbooking(measured.series, Decimal("0.25"), team_member)
    sessions = [session_of(measured), session_of(measured), session_of(measured, capacity=10)]
    register(sessions[0], 13)

    shown = services.sessions_for_page(measured, agent)["upcoming_sessions"]
    with django_assert_max_num_queries(1):  # the series, once for the page
        left = [seats_left(session) for session in shown]
    assert left == [2, 15, 13]

    pages = list(catalog.specific.events())
    with django_assert_max_num_queries(0):
        left = [seats_left(session) for page in pages for session in page.upcoming_sessions]
    assert left == [2, 15, 13]


# ---------------------------------------------------------------------------------------------
# The training team's admin


def overbooking_url(series):
    return reverse(OVERBOOKING_URL, args=[series.pk])


def test_the_team_sees_the_measured_rate_and_a_worked_example_before_applying(
    client, measured, team_member, settings
):
    settings.ATELIER_OVERBOOKING_MAX_RATIO = 1.5
    session_of(measured)
    client.force_login(team_member)

    response = client.get(overbooking_url(measured.series) + "?action=apply&rate=0.250")

    assert response.status_code == 200
    assert response.context["measure"].rate == Decimal("0.250")
    assert response.context["measure"].recorded == 100
    assert (response.context["typical_capacity"], response.context["measured_limit"]) == (12, 16)
    assert response.context["can_apply"]
    html = response.content.decode()
    assert 'name="action" value="apply"' in html and 'method="post"' in html
    assert html.count("<h1") == 1
    # GET never applies, whatever its query string.
    assert Series.objects.get().overbooking_rate is None


def test_the_team_applies_then_removes_by_post(client, measured, team_member):
    client.force_login(team_member)
    url = overbooking_url(measured.series)

    applied = client.post(url, {"action": "apply", "rate": "0.250"})
    after_apply = Series.objects.get().overbooking_rate
    page = client.get(url)
    removed = client.post(url, {"action": "remove"})

    assert applied.status_code == 302 and applied["Location"] == url
    assert after_apply == Decimal("0.250")
    assert not page.context["can_apply"]
    assert 'value="remove"' in page.content.decode()
    assert removed.status_code == 302
    assert Series.objects.get().overbooking_rate is None


def test_a_rate_that_changed_since_the_page_was_shown_is_not_applied(client, measured, team_member):
    client.force_login(team_member)

    response = client.post(
        overbooking_url(measured.series), {"action": "apply", "rate": "0.300"}, follow=True
    )

    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Series.objects.get().overbooking_rate is None


def test_too_little_data_offers_nothing_to_apply(client, event, team_member):
    past_session(event, present=12, absent=4)
    client.force_login(team_member)
    url = overbooking_url(event.series)

    page = client.get(url)
    response = client.post(url, {"action": "apply", "rate": "0.250"})

    assert page.context["measure"].rate is None
    assert page.context["measure"].recorded == 16
    assert not page.context["can_apply"]
    assert 'value="apply"' not in page.content.decode()
    assert response.status_code == 302
    assert Series.objects.get().overbooking_rate is None


def test_trainers_and_agents_can_neither_see_nor_apply(client, measured, trainer, agent):
    url = overbooking_url(measured.series)
    for user in (trainer, agent):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
        response = client.post(url, {"action": "apply", "rate": "0.250"})
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] != url
    assert Series.objects.get().overbooking_rate is None


def test_the_series_list_shows_rates_in_a_fixed_number_of_queries(
    client, measured, team_member, catalog, django_assert_max_num_queries
):
    services.apply_overbooking(measured.series, Decimal("0.25"), team_member)
    client.force_login(team_member)
    client.get(SERIES_LIST)  # warm the caches (permissions, site)
    with django_assert_max_num_queries(60) as one_series:
        response = client.get(SERIES_LIST)
    for _index in range(4):
        past_session(WorkshopPageFactory(parent=catalog, series=SeriesFactory()), 20, 5)
    with django_assert_max_num_queries(len(one_series.captured_queries)):
        more = client.get(SERIES_LIST)

    assert response.status_code == 200
    rows = {series.pk: series for series in more.context["object_list"]}
    assert rows[measured.series.pk].recorded_count == 100
    html = more.content.decode()
    assert overbooking_url(measured.series) in html
    assert "25,0" in html  # the French number format, whatever the catalogue says
