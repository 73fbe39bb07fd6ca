from .calendars import CalendarToken
from .feedback import (
    Applied,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    SeriesSubscription,
    UsefulSkills,
)
from .need_notices import NeedSessionNotice
from .pages import (
    EventFormat,
    EventIndexPage,
    EventKind,
    EventPage,
    ExchangeEventPage,
    WorkshopCatalogPage,
    WorkshopPage,
)
from .registrations import Attendance, Registration, RegistrationStatus
from .series import Series
from .sessions import Session, SessionStatus

__all__ = [
    "Applied",
    "Attendance",
    "FeedbackAnswer",
    "FeedbackInvitation",
    "FollowUpAnswer",
    "SeriesSubscription",
    "UsefulSkills",
    "CalendarToken",
    "EventFormat",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "ExchangeEventPage",
    "NeedSessionNotice",
    "Registration",
    "RegistrationStatus",
    "Series",
    "Session",
    "SessionStatus",
    "WorkshopCatalogPage",
    "WorkshopPage",
]
