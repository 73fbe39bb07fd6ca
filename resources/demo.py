"""Demo content of the library: the themes training teams in the seeds use, the library page
and its first activities."""

from django.utils.text import slugify
from wagtail.models import Page

from community.demo_registry import register
from community.models import HomePage, User
from resources.demo_activities import ACTIVITIES
from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import LibraryPage, Theme

THEMES = [
    ("Outils bureautiques", "Traitement de texte, tableur, messagerie, travail collaboratif."),
    ("Management", "Animer une équipe, conduire le changement, communauté des managers."),
    (
        "Accueil du public",
        "Accueil physique et téléphonique, situations difficiles, langage clair.",
    ),
    ("Développement durable", "Sobriété, achats responsables, rencontres Éco'Truc²."),
    ("Préparation aux concours", "Méthodologie des épreuves écrites et orales."),
    (
        "Pédagogie et animation",
        "Concevoir une séquence, animer un groupe, brise-glace, évaluation.",
    ),
    ("Actualité juridique", "Réformes, statut de la fonction publique, conférences Ac'Truc²."),
    ("Numérique et innovation", "Outils numériques, innovation publique, données."),
]
DEMO_AUTHORS = [
    "nathalie.girard@atelier.example",
    "thomas.martin@atelier.example",
    "amina.diallo@atelier.example",
    "julien.roux@atelier.example",
    "elodie.fontaine@atelier.example",
]


def _library(report):
    library = LibraryPage.objects.first()
    report.add("pages", library is None)
    if library is None:
        library = LibraryPageFactory(parent=HomePage.objects.get(), show_in_menus=True)
    return library


def _activity(report, library, index, entry):
    title, summary, durations, sizes, modality, level, kind, themes, objectives, steps = entry
    slug = slugify(title)
    exists = Page.objects.child_of(library).filter(slug=slug).exists()
    report.add("activités", not exists)
    if exists:
        return
    activity = ActivityPageFactory(
        parent=library,
        title=title,
        slug=slug,
        summary=summary,
        duration_min=durations[0],
        duration_max=durations[1],
        group_size_min=sizes[0],
        group_size_max=sizes[1],
        modality=modality,
        level=level,
        kind=kind,
        objectives=[("objective", text) for text in objectives],
        steps=[
            ("step", {"title": step, "duration": minutes, "instructions": f"<p>{text}</p>"})
            for step, minutes, text in steps
        ],
        themes=list(Theme.objects.filter(slug__in=themes)),
    )
    author = User.objects.filter(email=DEMO_AUTHORS[index % len(DEMO_AUTHORS)]).first()
    if author:
        activity.authors.add(author)
        activity.owner = author
    # Published through a revision, as in the admin: a publication date and a history.
    activity.save_revision(user=author).publish()


@register
def load(report):
    for name, description in THEMES:
        _theme, created = Theme.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
        report.add("thèmes", created)
    library = _library(report)
    for index, entry in enumerate(ACTIVITIES):
        _activity(report, library, index, entry)


# Loaders that build on the activities register after them.
import resources.demo_engagement  # noqa: E402,F401
import resources.demo_paths  # noqa: E402,F401
