"""Reminders, seat confirmations and openings: run it from cron every few minutes.

Each e-mail is recorded when queued, so running it again (or twice at once) sends nothing twice.
"""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = (
        "Send the reminders before sessions, ask for and enforce seat confirmations, and tell "
        "series' followers and the voters of a training need about new sessions. Safe to run "
        "every few minutes."
    )

    def handle(self, *args, **options):
        summary = services.run_reminders()
        self.stdout.write(
            f"Reminders: {summary.reminders_2d} two days before, "
            f"{summary.reminders_2h} two hours before. "
            f"Seat confirmations asked: {summary.seat_confirmations_asked}; "
            f"seats released to the waiting list: {summary.seats_released}. "
            f"New sessions announced to followers: {summary.openings_announced} e-mails; "
            f"to the voters of the needs they answer: {summary.need_sessions_announced} e-mails."
        )
