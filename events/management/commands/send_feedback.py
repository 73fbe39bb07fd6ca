"""Send the questionnaires after sessions, their reminders and the six-week follow-ups.

Meant for cron, every few minutes: each e-mail is recorded before it is queued and sent once,
even if two runs overlap (see ``events.services.feedback``).
"""

from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = (
        "Send the questionnaires to the attendees of sessions whose roll call is closed, a "
        "reminder three days later, and the follow-up six weeks after. Safe to run every few "
        "minutes."
    )

    def handle(self, *args, **options):
        sent = services.send_feedback()
        self.stdout.write(
            f"Feedback: {sent['invitations']} questionnaires, {sent['reminders']} reminders, "
            f"{sent['followups']} follow-ups sent."
        )
