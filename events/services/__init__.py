"""Operations that change events and must hold their rules, one module per concern:
registrations (seats, waiting list), reminders, attendance, feedback. Views, commands and the
admin call these, never the models directly, so that every rule lives in one place."""

from events.services.attendance import AttendanceError, close_roll_call, mark  # noqa: F401
from events.services.feedback import send_feedback  # noqa: F401
from events.services.overbooking import apply_overbooking, remove_overbooking, seat_limit  # noqa: F401, E501
from events.services.registrations import (
    RegistrationError,
    announce_cancellation,
    cancel,
    fill_free_seats,
    register,
    registration_refusal,
    sessions_for_page,
)
from events.services.reminders import confirm_seat, follow_series, follows_series, run_reminders  # noqa: F401, E501

__all__ = [
    "RegistrationError",
    "announce_cancellation",
    "cancel",
    "fill_free_seats",
    "register",
    "registration_refusal",
    "sessions_for_page",
]
