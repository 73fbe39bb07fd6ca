"""Award every badge whose rule is met and not yet held: safe to re-run (never twice, never a
revoked one again), e.g. nightly, to catch any change a receiver could not see."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.badges.awards import evaluate


class Command(BaseCommand):
    help = "Award the badges whose automatic rule is now met (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--user",
            type=int,
            action="append",
            dest="user_ids",
            help="Only for this user id (may be repeated).",
        )

    def handle(self, *args, user_ids=None, **options):
        awarded = evaluate(user_ids)
        for award in awarded:
            self.stdout.write(
                _("%(badge)s → %(person)s")
                % {
                    "badge": award.badge.name,
                    "person": str(award.recipient),
                }
            )
        self.stdout.write(
            self.style.SUCCESS(
                ngettext("%(count)s badge awarded.", "%(count)s badges awarded.", len(awarded))
                % {"count": len(awarded)}
            )
        )
