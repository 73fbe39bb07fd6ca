"""iCalendar (RFC 5545) feeds of sessions, for Outlook, Thunderbird and phones to subscribe to.

A session keeps one UID for life and its SEQUENCE grows with each change people see, so a
subscribed calendar updates the event in place (moved, cancelled) instead of adding another.
The video link is a registered person's privilege: only their personal feed carries it.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from events.models import SessionStatus
from events.notifications import absolute

PARIS = ZoneInfo("Europe/Paris")
PRODID = "-//Atelier//Agenda des ateliers//FR"
REFRESH = timedelta(hours=1)


def session_uid(session):
    """Stable across every change of the session, so calendars recognise it."""
    return f"{session.uid}@atelier"


def event_url(session, request=None):
    """Absolute, because a calendar program has no site to resolve a path against."""
    return absolute(session.event.get_url(request) or "/")


def _description(session, url, online_url):
    """What the calendar shows in the event's body: what it is, where to read more."""
    lines = [session.event.summary, "", url]
    if online_url:
        lines.append(_("Online link:") + " " + online_url)
    return "\n".join(lines)


def _location(session, online_url):
    """The room, and the video link when the reader is entitled to it."""
    return " — ".join(part for part in (session.place, online_url) if part)


def _reminder(session):
    """A reminder the day before, to leave time to organise oneself."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-1))
    alarm.add("description", _("Tomorrow: %(title)s") % {"title": session.event.title})
    return alarm


def session_event(session, request=None, show_online=False, tentative=False, stamp=None):
    """One VEVENT; ``show_online`` only for a confirmed registration's own feed, ``tentative``
    for a place on the waiting list (no seat yet: no reminder either); ``stamp`` is when the
    calendar holding it was made (now by default)."""
    url = event_url(session, request)
    online_url = session.online_url if show_online else ""
    cancelled = session.status == SessionStatus.CANCELLED
    event = Event()
    event.add("uid", session_uid(session))
    # With METHOD:PUBLISH, DTSTAMP is when this copy was made (RFC 5545 §3.8.7.2); the
    # session's own last change is LAST-MODIFIED.
    event.add("dtstamp", stamp or timezone.now())
    event.add("last-modified", session.updated_at)
    event.add("dtstart", timezone.localtime(session.start, PARIS))
    event.add("dtend", timezone.localtime(session.end, PARIS))
    event.add("summary", session.event.title)
    event.add("description", _description(session, url, online_url))
    if location := _location(session, online_url):
        event.add("location", location)
    event.add("url", url)
    event.add("sequence", session.sequence)
    event.add("status", "CANCELLED" if cancelled else "TENTATIVE" if tentative else "CONFIRMED")
    if not cancelled and not tentative:
        event.add_component(_reminder(session))
    return event


def build_calendar(name, sessions, request=None, online_for=frozenset(), tentative=frozenset()):
    """The feed: ``online_for`` holds the pks of sessions whose video link may be shown,
    ``tentative`` those where the reader is only on the waiting list."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    sessions = list(sessions)
    stamp = timezone.now()  # one moment for the whole feed
    for session in sessions:
        calendar.add_component(
            session_event(
                session,
                request,
                session.pk in online_for,
                tentative=session.pk in tentative,
                stamp=stamp,
            )
        )
    if sessions:
        calendar.add_missing_timezones(*_timezone_span(sessions))
    return calendar


def _timezone_span(sessions):
    """The VTIMEZONE only needs the sessions' years: a short one, that every program reads."""
    first = min(session.start for session in sessions)
    last = max(session.end for session in sessions)
    return (first - timedelta(days=1)).date(), (last + timedelta(days=366)).date()
