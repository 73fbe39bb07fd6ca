"""Demo adaptations, uses and ratings, so the library shows a living community."""

import datetime

from django.db import transaction

from community.demo_registry import register
from community.models import User
from resources.models import ActivityPage, Rating, Reuse
from resources.services import adapt_activity

# (original's slug, adapter's e-mail, adaptation's title, licence, what changed)
ADAPTATIONS = [
    (
        "analyse-swot-dun-projet-de-service",
        "julien.roux@atelier.example",
        "SWOT express en équipe de terrain",
        "cc_by_sa",
        "Version courte en 30 minutes, debout, sur un tableau mobile.",
    ),
    (
        "le-bingo-des-collegues",
        "amina.diallo@atelier.example",
        "Bingo des collègues à distance",
        "cc_by_sa",
        "Grille partagée à l'écran, signatures remplacées par le chat.",
    ),
    (
        "le-bingo-des-collegues",
        "elodie.fontaine@atelier.example",
        "Bingo des écogestes",
        "cc_by_sa",
        "Les cases deviennent des écogestes pratiqués par les collègues.",
    ),
    (
        "le-debat-mouvant",
        "thomas.martin@atelier.example",
        "Débat mouvant sur le budget participatif",
        "cc_by_sa",
        "Affirmations sur les choix budgétaires de la collectivité.",
    ),
]
AGENTS = [
    "marc.dubois",
    "isabelle.petit",
    "hugo.bernard",
    "fatima.haddad",
    "lucas.robert",
    "celine.garnier",
    "claire.moreau",
    "karim.benali",
    "nathalie.girard",
]
COMMENTS = [
    "Très efficace pour lancer la journée.",
    "Simple à préparer, le groupe a adoré.",
    "J'ai réduit la durée, ça marche aussi.",
    "",
    "Prévoir plus de temps pour le débriefing.",
]
TODAY = datetime.date(2026, 11, 20)  # fixed, so that a second run changes nothing


def _adaptations(report):
    for slug, email, title, licence, intro in ADAPTATIONS:
        original = ActivityPage.objects.filter(slug=slug).first()
        adapter = User.objects.filter(email=email).first()
        if original is None or adapter is None:
            continue
        exists = ActivityPage.objects.filter(adapted_from=original, owner=adapter).exists()
        report.add("adaptations", not exists)
        if exists:
            continue
        with transaction.atomic():  # all or nothing, so a rerun never leaves a stray draft
            adaptation = adapt_activity(original, adapter)
            adaptation.title = title
            adaptation.licence = licence
            adaptation.summary = intro
            adaptation.full_clean()
            adaptation.save_revision(user=adapter).publish()


def _uses_and_ratings(report):
    people = list(User.objects.filter(email__in=[f"{a}@atelier.example" for a in AGENTS]))
    activities = ActivityPage.objects.live().filter(adapted_from__isnull=True).order_by("path")
    for index, activity in enumerate(activities):
        planned_uses = index % 7  # from 0 to 6 uses, spread across the library
        already_there = planned_uses == 0 or activity.reuses.exists()
        report.add("activités utilisées et notées", not already_there)
        if already_there:
            continue
        authors = set(activity.authors.values_list("pk", flat=True))
        users = [p for p in people if p.pk not in authors]
        for n in range(planned_uses):
            user = users[(index + n) % len(users)]
            Reuse.objects.create(
                activity=activity,
                user=user,
                used_on=TODAY - datetime.timedelta(days=7 * n + index % 5),
                context="Séance d'équipe" if n % 2 else "",
            )
            if n < 4:
                Rating.objects.get_or_create(
                    activity=activity,
                    user=user,
                    defaults={
                        "score": 5 - (index + n) % 3,
                        "comment": COMMENTS[(index + n) % len(COMMENTS)],
                    },
                )


@register
def load(report):
    _adaptations(report)
    _uses_and_ratings(report)
