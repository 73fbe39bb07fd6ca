"""The iCalendar feeds: what a calendar program reads, who sees the video link, and that an
update replaces the event instead of adding a second one."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.factories import (
    RegistrationFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import CalendarToken, RegistrationStatus, SessionStatus

PARIS = ZoneInfo("Europe/Paris")
BASE_URL = "https://atelier.example"
ONLINE = "https://visio.example/salle-42"


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def next_year(month, day, hour, minute=0):
    """A Paris wall-clock time next year: always upcoming, summer or winter on demand."""
    return datetime(timezone.now().year + 1, month, day, hour, minute, tzinfo=PARIS)


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def uid(session):
    return f"{session.uid}@atelier"


def personal_url(user):
    token, _ = CalendarToken.objects.get_or_create(user=user)
    return reverse("events:calendar_personal", args=[token.token])


ALL = reverse("events:calendar_all")


# --- What one event says ------------------------------------------------------------------


def test_a_session_is_a_complete_vevent(client, workshop):
    session = SessionFactory(
        event=workshop,
        start=next_year(1, 15, 9, 30),
        end=next_year(1, 15, 11),
        place="Salle B, mairie annexe",
        online_url=ONLINE,
    )
    session.refresh_from_db()
    with time_machine.travel(session.updated_at + timedelta(hours=3), tick=False):
        response = client.get(ALL)
    assert response["Content-Disposition"] == 'inline; filename="agenda.ics"'
    calendar = Calendar.from_ical(response.content)

    assert str(calendar["VERSION"]) == "2.0"
    assert "Atelier" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]

    event = vevents(calendar)[uid(session)]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.tzinfo.key == "Europe/Paris" and end.tzinfo.key == "Europe/Paris"
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 30, 11, 0)
    assert start == session.start and end == session.end
    assert f"DTSTART;TZID=Europe/Paris:{start.year}0115T093000" in response.content.decode()
    # METHOD:PUBLISH: DTSTAMP is when the feed was made, LAST-MODIFIED the session's change.
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert event.decoded("DTSTAMP") == (session.updated_at + timedelta(hours=3)).replace(
        microsecond=0
    )
    assert event.decoded("LAST-MODIFIED") == session.updated_at.replace(microsecond=0)
    assert str(event["SUMMARY"]) == "Les tableaux croisés dynamiques"
    assert str(event["LOCATION"]) == "Salle B, mairie annexe"
    page_url = f"{BASE_URL}/ateliers/{workshop.slug}/"
    assert str(event["URL"]) == page_url
    assert workshop.summary in str(event["DESCRIPTION"])
    assert page_url in str(event["DESCRIPTION"])
    assert event.decoded("SEQUENCE") == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(days=-1)
    assert str(alarm["DESCRIPTION"])


def test_summer_time_is_kept_in_paris_time(client, workshop):
    session = SessionFactory(event=workshop, start=next_year(7, 2, 14), end=next_year(7, 2, 16))
    start = vevents(fetch(client, ALL))[uid(session)].decoded("DTSTART")
    assert (start.tzinfo.key, start.hour, start.utcoffset()) == (
        "Europe/Paris",
        14,
        timedelta(hours=2),
    )


def test_a_cancelled_session_stays_in_the_feed_as_cancelled(client, workshop):
    session = SessionFactory(event=workshop, start=next_year(3, 3, 10), end=next_year(3, 3, 12))
    session.status = SessionStatus.CANCELLED
    session.save()
    event = vevents(fetch(client, ALL))[uid(session)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert event.decoded("SEQUENCE") == 1
    assert not event.walk("VALARM")  # no reminder for a session that will not happen


def test_moving_a_session_keeps_its_uid_and_raises_its_sequence(client, workshop):
    session = SessionFactory(event=workshop, start=next_year(4, 7, 9), end=next_year(4, 7, 10))
    before = vevents(fetch(client, ALL))[uid(session)]
    session.start, session.end = next_year(4, 9, 14), next_year(4, 9, 15)
    session.save()
    after = vevents(fetch(client, ALL))[uid(session)]
    assert str(after["UID"]) == str(before["UID"])
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1
    assert after.decoded("DTSTART").hour == 14 and after.decoded("DTSTART").day == 9


# --- Which sessions each feed lists -------------------------------------------------------


def test_the_public_feed_lists_upcoming_published_sessions_only(client, catalog, workshop):
    upcoming = SessionFactory(event=workshop)
    past = SessionFactory(
        event=workshop,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=2) + timedelta(hours=1),
    )
    draft = SessionFactory(event=WorkshopPageFactory(parent=catalog, live=False))
    restricted_page = WorkshopPageFactory(parent=catalog)
    PageViewRestriction.objects.create(
        page=restricted_page, restriction_type=PageViewRestriction.LOGIN
    )
    restricted = SessionFactory(event=restricted_page)
    uids = set(vevents(fetch(client, ALL)))
    assert uid(upcoming) in uids
    assert not uids & {uid(past), uid(draft), uid(restricted)}


def test_the_public_feed_never_shows_the_online_link(client, workshop, agent):
    session = SessionFactory(event=workshop, online_url=ONLINE)
    RegistrationFactory(session=session, user=agent)
    client.force_login(agent)  # even to a registered person
    response = client.get(ALL)
    assert uid(session).encode() in response.content
    assert b"visio.example" not in response.content


def test_a_series_feed_has_only_that_series(client, catalog):
    tableurs, redaction = SeriesFactory(slug="tableurs"), SeriesFactory(slug="redaction")
    mine = SessionFactory(event=WorkshopPageFactory(parent=catalog, series=tableurs))
    other = SessionFactory(event=WorkshopPageFactory(parent=catalog, series=redaction))
    loose = SessionFactory(event=WorkshopPageFactory(parent=catalog))
    hidden = SessionFactory(event=WorkshopPageFactory(parent=catalog, series=tableurs, live=False))
    url = reverse("events:calendar_series", args=["tableurs"])
    assert url == "/agenda/serie/tableurs.ics"
    calendar = fetch(client, url)
    assert set(vevents(calendar)) == {uid(mine)}
    assert tableurs.name in str(calendar["X-WR-CALNAME"])
    assert not {uid(other), uid(loose), uid(hidden)} & set(vevents(calendar))


def test_an_unknown_series_is_404(client, db):
    assert client.get("/agenda/serie/inconnue.ics").status_code == 404


# --- The personal feed --------------------------------------------------------------------


def test_the_personal_feed_lists_the_owners_active_registrations(client, catalog, workshop, agent):
    confirmed = SessionFactory(event=workshop, online_url=ONLINE)
    waitlisted = SessionFactory(event=workshop, online_url="https://visio.example/attente")
    dropped = SessionFactory(event=workshop)
    called_off = SessionFactory(event=workshop, status=SessionStatus.CANCELLED)
    recent = SessionFactory(
        event=workshop,
        start=timezone.now() - timedelta(days=10),
        end=timezone.now() - timedelta(days=10) + timedelta(hours=1),
    )
    old = SessionFactory(
        event=workshop,
        start=timezone.now() - timedelta(days=40),
        end=timezone.now() - timedelta(days=40) + timedelta(hours=1),
    )
    unpublished = SessionFactory(event=WorkshopPageFactory(parent=catalog, live=False))
    someone_elses = SessionFactory(event=workshop)
    RegistrationFactory(session=confirmed, user=agent)
    RegistrationFactory(session=waitlisted, user=agent, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(session=dropped, user=agent, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(session=called_off, user=agent)
    RegistrationFactory(session=recent, user=agent)
    RegistrationFactory(session=old, user=agent)
    RegistrationFactory(session=unpublished, user=agent)
    RegistrationFactory(session=someone_elses)

    response = client.get(personal_url(agent))  # no sign-in: the address is the key
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline; filename=")
    events = vevents(Calendar.from_ical(response.content))
    assert set(events) == {uid(s) for s in (confirmed, waitlisted, called_off, recent)}
    assert ONLINE in str(events[uid(confirmed)]["LOCATION"])
    assert ONLINE in str(events[uid(confirmed)]["DESCRIPTION"])
    assert b"visio.example/attente" not in response.content  # waitlisted: no link yet
    assert str(events[uid(called_off)]["STATUS"]) == "CANCELLED"
    assert str(events[uid(confirmed)]["STATUS"]) == "CONFIRMED"


def test_an_unknown_token_is_404(client, agent):
    personal_url(agent)
    assert client.get("/agenda/moi/pas-le-bon-jeton.ics").status_code == 404


def test_renewing_the_address_cuts_off_the_old_one(client, agent):
    old = personal_url(agent)
    client.force_login(agent)
    response = client.post(reverse("events:calendar_renew"), follow=True)
    assert response.redirect_chain == [("/mes-inscriptions/", 302)]
    assert len(list(response.context["messages"])) == 1
    new = personal_url(agent)
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_renewing_needs_a_signed_in_post(client, agent):
    url = reverse("events:calendar_renew")
    assert url == "/agenda/moi/renouveler/"
    assert client.post(url).status_code == 302  # to the sign-in page
    client.force_login(agent)
    assert client.get(url).status_code == 405


# --- Queries do not grow with sessions ----------------------------------------------------


def count_queries(client, url):
    cache.clear()  # the same cold caches for every measure
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_sessions(catalog, series, user, n):
    """``n`` sessions over several events, each with a registration of ``user``."""
    events = [WorkshopPageFactory(parent=catalog, series=series) for _ in range(3)]
    for i in range(n):
        session = SessionFactory(event=events[i % 3])
        RegistrationFactory(session=session, user=user)


@pytest.mark.parametrize("feed", ["all", "series", "personal"])
def test_feeds_run_the_same_queries_for_3_or_30_sessions(client, catalog, agent, feed):
    series = SeriesFactory(slug="tableurs")
    url = {
        "all": ALL,
        "series": reverse("events:calendar_series", args=["tableurs"]),
        "personal": personal_url(agent),
    }[feed]
    add_sessions(catalog, series, agent, 3)
    few = count_queries(client, url)
    add_sessions(catalog, series, agent, 27)
    response = client.get(url)
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 30
    assert count_queries(client, url) == few


# --- Where the feeds are offered ----------------------------------------------------------


def test_my_registrations_offers_my_feed(client, agent, home_page):
    client.force_login(agent)
    response = client.get(reverse("events:my_registrations"))
    token = CalendarToken.objects.get(user=agent)  # created on first display
    content = response.content.decode()
    assert f'value="{BASE_URL}/agenda/moi/{token.token}.ics"' in content
    assert f"{BASE_URL}/agenda.ics" in content
    assert reverse("events:calendar_renew") in content
    client.get(reverse("events:my_registrations"))
    assert CalendarToken.objects.get(user=agent).token == token.token  # and kept


def test_the_listing_offers_the_public_feeds(client, catalog):
    series = SeriesFactory(slug="tableurs", name="Tableurs")
    WorkshopPageFactory(parent=catalog, series=series)
    content = client.get(catalog.url).content.decode()
    assert 'href="/agenda.ics"' in content
    assert 'href="/agenda/serie/tableurs.ics"' in content
