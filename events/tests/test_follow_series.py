"""Following a series from an event page, and the one e-mail sent to followers when a new
session of it opens for registration."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from community.factories import UserFactory
from events import services
from events.factories import SeriesFactory, SessionFactory, WorkshopPageFactory
from events.models import SeriesSubscription, SessionStatus
from events.tests.test_reminders import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(workshop):
    workshop.series = SeriesFactory(slug="un-truc-en-plus")
    workshop.save()
    return workshop.series


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_once():
        with django_capture_on_commit_callbacks(execute=True):
            return services.run_reminders()

    return run_once


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


FOLLOW = "/series/un-truc-en-plus/suivre/"


def test_the_event_page_offers_to_follow_then_to_stop(client, workshop, series, agent):
    client.force_login(agent)
    page = client.get(workshop.url).content.decode()
    assert f'action="{FOLLOW}"' in page
    assert 'name="follow" value="1"' in page
    client.post(FOLLOW, {"follow": "1", "next": workshop.url})
    assert 'name="follow" value="0"' in client.get(workshop.url).content.decode()


def test_no_button_without_a_series_or_for_anonymous_visitors(client, workshop, series, agent):
    assert "/suivre/" not in client.get(workshop.url).content.decode()
    other = WorkshopPageFactory(parent=workshop.get_parent())
    client.force_login(agent)
    assert "/suivre/" not in client.get(other.url).content.decode()


def test_following_is_explicit_and_idempotent(client, workshop, series, agent):
    client.force_login(agent)
    response = client.post(FOLLOW, {"follow": "1", "next": workshop.url})
    assert response.url == workshop.url
    client.post(FOLLOW, {"follow": "1"})  # a double click
    assert SeriesSubscription.objects.filter(user=agent, series=series).count() == 1
    client.post(FOLLOW, {"follow": "0"})
    client.post(FOLLOW, {"follow": "0"})
    assert not SeriesSubscription.objects.exists()


@pytest.mark.parametrize("data", [{}, {"follow": "yes"}])
def test_an_unclear_request_changes_nothing(client, series, agent, data):
    SeriesSubscription.objects.create(user=agent, series=series)
    client.force_login(agent)
    response = client.post(FOLLOW, data, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert SeriesSubscription.objects.filter(user=agent).count() == 1


def test_strangers_unknown_series_and_gets_are_refused(client, series, agent):
    assert client.post(FOLLOW, {"follow": "1"}).status_code == 302  # to sign in
    client.force_login(agent)
    assert client.get(FOLLOW).status_code == 405
    assert client.post("/series/nope/suivre/", {"follow": "1"}).status_code == 404
    assert not SeriesSubscription.objects.exists()


def test_followers_hear_once_that_a_session_opens(workshop, series, clock, run):
    follower, registered, stranger = UserFactory(), UserFactory(), UserFactory()
    for user in (follower, registered):
        SeriesSubscription.objects.create(user=user, series=series)
    opens = NOW + timedelta(days=1)
    session = SessionFactory(
        event=workshop, start=NOW + timedelta(days=20), registration_opens=opens
    )
    assert run().openings_announced == 0  # not open yet
    clock.move_to(opens)
    services.register(session.pk, registered)
    assert run().openings_announced == 1
    assert [message.to for message in mail.outbox] == [[follower.email]]
    assert workshop.url in mail.outbox[0].body
    session.refresh_from_db()
    assert session.opening_announced_at == opens
    assert run().openings_announced == 0
    assert len(mail.outbox) == 1
    assert stranger.email not in {message.to[0] for message in mail.outbox}


def test_started_cancelled_or_closed_sessions_are_never_announced(workshop, series, clock, run):
    SeriesSubscription.objects.create(user=UserFactory(), series=series)
    started = SessionFactory(event=workshop, start=NOW - timedelta(hours=1))
    cancelled = SessionFactory(event=workshop, status=SessionStatus.CANCELLED)
    closed = SessionFactory(event=workshop, registration_deadline=NOW - timedelta(hours=1))
    assert run().openings_announced == 0
    assert mail.outbox == []
    for session in (started, cancelled, closed):
        session.refresh_from_db()
        assert session.opening_announced_at is None
