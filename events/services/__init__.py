"""Operations that change events and must hold their rules, one module per concern:
registrations (seats, waiting list), reminders, attendance, feedback. Views, commands and the
admin call these, never the models directly, so that every rule lives in one place."""

from events.services.registrations import (
    RegistrationError,
    announce_cancellation,
    cancel,
    fill_free_seats,
    register,
    registration_refusal,
    sessions_for_page,
)

__all__ = [
    "RegistrationError",
    "announce_cancellation",
    "cancel",
    "fill_free_seats",
    "register",
    "registration_refusal",
    "sessions_for_page",
]
