"""schema.org Event data (JSON-LD) of a workshop or exchange event: one Event per upcoming
session, so that search engines and intranet portals show dates and seats left."""

from django.utils import timezone

from events.models import EventFormat, SessionStatus
from events.services.overbooking import seat_limit

ATTENDANCE_MODES = {
    EventFormat.FACE_TO_FACE: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.REMOTE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
EVENT_STATUS = {
    SessionStatus.SCHEDULED: "https://schema.org/EventScheduled",
    SessionStatus.DONE: "https://schema.org/EventScheduled",
    SessionStatus.CANCELLED: "https://schema.org/EventCancelled",
}


def _location(event, session, url):
    """The room is public; the video link is not (only registered people get it), so an
    online session points at the event's page."""
    places = []
    if event.format != EventFormat.REMOTE:
        places.append(
            {"@type": "Place", "name": session.place or event.title, "address": session.place or ""}
        )
    if event.format != EventFormat.FACE_TO_FACE:
        places.append({"@type": "VirtualLocation", "url": url})
    return places[0] if len(places) == 1 else places


def session_structured_data(event, session, url, organizer):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": timezone.localtime(session.start).isoformat(),
        "endDate": timezone.localtime(session.end).isoformat(),
        "eventStatus": EVENT_STATUS[session.status],
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "location": _location(event, session, url),
        "organizer": {"@type": "Organization", "name": organizer},
        "inLanguage": "fr",
    }
    if hasattr(session, "confirmed_count"):
        # What registration accepts (over-booking included), so that the seats left never
        # exceed it.
        data["maximumAttendeeCapacity"] = seat_limit(session)
        data["remainingAttendeeCapacity"] = session.seats_left
    return data


def event_structured_data(event, sessions, request=None):
    from django.conf import settings

    url = event.get_full_url(request)
    return [
        session_structured_data(event, session, url, settings.WAGTAIL_SITE_NAME)
        for session in sessions
    ]
