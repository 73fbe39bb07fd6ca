"""The daily digest of replies for people who follow discussions « once a day »: run it from
cron once a day. Each reply goes out once, so running it twice sends nothing twice."""

from django.core.management.base import BaseCommand

from discussions.notifications import send_daily_digests


class Command(BaseCommand):
    help = (
        "E-mail each follower who chose the daily digest the replies posted since their last "
        "digest, grouped by discussion. Safe to run again: a reply is sent once."
    )

    def handle(self, *args, **options):
        emails, replies = send_daily_digests()
        self.stdout.write(f"Digests sent: {emails} e-mails listing {replies} replies.")
