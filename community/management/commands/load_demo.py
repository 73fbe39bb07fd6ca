"""Load the demo content of every app; safe to run again (it then changes nothing)."""

from contextlib import ExitStack

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from community import caching
from community.demo import ADMIN_EMAIL, DEMO_PASSWORD
from community.demo_registry import DemoReport, registered_loaders, registered_wrappers
from community.mail import muted


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (idempotent)."

    def handle(self, *args, **options):
        if not settings.ATELIER_DEMO_CONTENT_ALLOWED:
            raise CommandError(
                "Le contenu de démonstration crée un administrateur au mot de passe public : "
                "il est refusé ici (ATELIER_DEMO_CONTENT_ALLOWED est désactivé)."
            )
        autodiscover_modules("demo")
        report = DemoReport()
        # Muted around the commit too: what runs on commit (badge awards…) e-mails nobody.
        # Every area is bumped once, after the commit: loaders also write in bulk
        # (bulk_create sends no signal), and no cached fragment may outlive what it showed.
        with muted(), caching.deferred_bumps(), transaction.atomic(), ExitStack() as wrappers:
            for wrapper in registered_wrappers():
                wrappers.enter_context(wrapper())
            for loader in registered_loaders():
                self.stdout.write(f"→ {loader.__module__}")
                loader(report)
            caching.bump_all()

        if not report.changed_anything:
            self.stdout.write(
                self.style.SUCCESS(
                    "Rien à faire : le contenu de démonstration est déjà en place "
                    f"({self._summary(report.existing)})."
                )
            )
            return
        self.stdout.write(self.style.SUCCESS(f"Créé : {self._summary(report.created)}."))
        if report.existing:
            self.stdout.write(f"Déjà présent : {self._summary(report.existing)}.")
        self.stdout.write(
            f"Administrateur de démonstration : {ADMIN_EMAIL} / {DEMO_PASSWORD} "
            "(tous les comptes de démonstration ont ce mot de passe)."
        )

    @staticmethod
    def _summary(counter):
        return ", ".join(f"{count} {kind}" for kind, count in sorted(counter.items()))
