"""E-mail the training team its weekly digest (see ``cockpit.digest``).

Meant for cron, once a week, e.g. on Monday morning::

    0 7 * * 1  manage.py send_team_digest

The command keeps no record of what it sent (the cockpit has no table of its own): running it
twice in a week sends the digest twice. Per-week idempotency would need a model storing the
last week sent. ``--dry-run`` prints the digest and its recipients without sending anything.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cockpit import digest
from community.mail import absolute
from community.roles import TRAINING_TEAM

TEMPLATE = "cockpit/emails/digest"


def recipients():
    """Active members of the training team's group who have an e-mail address."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=TRAINING_TEAM)
        .exclude(email="")
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def language_of(user):
    """As ``community.mail.send``: the recipient's admin language, else the site's."""
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE


def render(the_digest, user=None):
    """(subject, text, html) of the digest, in the active language."""
    context = {
        "digest": the_digest,
        "user": user,
        "week": the_digest.week[1],
        "admin_url": absolute(reverse("wagtailadmin_home")),
    }
    subject = " ".join(render_to_string(f"{TEMPLATE}_subject.txt", context).split())
    text = render_to_string(f"{TEMPLATE}.txt", context)
    html = render_to_string(f"{TEMPLATE}.html", context)
    return subject, text, html


def message_for(the_digest, user):
    with translation.override(language_of(user)):
        subject, text, html = render(the_digest, user)
    message = EmailMultiAlternatives(subject, text, None, [user.email])
    message.attach_alternative(html, "text/html")
    return message


class Command(BaseCommand):
    help = (
        "E-mail each active member of the training team the weekly digest: proposals awaiting "
        "review, sessions of the coming week under half full, the most wanted needs. Run it "
        "once a week (cron); nothing is sent when there is nothing to report."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the digest and its recipients; send nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Send the digest even when all three lists are empty.",
        )

    def handle(self, *args, dry_run=False, force=False, **options):
        the_digest = digest.gather()
        people = list(recipients())
        if dry_run:
            with translation.override(settings.LANGUAGE_CODE):
                subject, text, _html = render(the_digest)
            self.stdout.write(f"Subject: {subject}\n\n{text}")
            self.stdout.write(f"Recipients ({len(people)}): " + ", ".join(p.email for p in people))
            return
        if the_digest.is_empty and not force:
            self.stdout.write("Nothing to report this week: no digest sent (--force sends it).")
            return
        messages = [message_for(the_digest, person) for person in people]
        sent = get_connection().send_messages(messages) if messages else 0
        self.stdout.write(f"Digest sent to {sent or 0} member(s) of the training team.")
