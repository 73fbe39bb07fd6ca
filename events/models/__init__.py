from .calendars import CalendarToken
from .pages import (
    EventFormat,
    EventIndexPage,
    EventKind,
    EventPage,
    ExchangeEventPage,
    WorkshopCatalogPage,
    WorkshopPage,
)
from .registrations import Registration, RegistrationStatus
from .series import Series
from .sessions import Session, SessionStatus

__all__ = [
    "CalendarToken",
    "EventFormat",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "ExchangeEventPage",
    "Registration",
    "RegistrationStatus",
    "Series",
    "Session",
    "SessionStatus",
    "WorkshopCatalogPage",
    "WorkshopPage",
]
