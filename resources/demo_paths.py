"""Demo training paths: library activities mixed with e-learning, face-to-face sessions and
practice at work. Registered after the activities (resources/demo.py imports this module last),
so their activities exist; a step whose activity is missing is left out."""

from django.utils.text import slugify
from wagtail.models import Page

from community.demo_registry import register
from resources.models import ActivityPage, LibraryPage, Theme, TrainingPathPage

# title, intro, audience, level, theme slugs, steps; a step is either
# ("activity", activity slug, modality, note) or ("text", title, modality, minutes, text).
PATHS = [
    (
        "Bien accueillir le public",
        "Un parcours pour les agents qui prennent leur poste à l'accueil : les bases en ligne, "
        "une journée en salle pour s'entraîner, puis la pratique au guichet avec un binôme.",
        "Agents d'accueil nouvellement arrivés",
        "discovery",
        ["accueil-du-public"],
        [
            (
                "text",
                "Les fondamentaux de l'accueil",
                "self_paced",
                45,
                "Un module en ligne : accueil physique et téléphonique, langage clair, "
                "orientation des usagers vers le bon service.",
            ),
            ("activity", "le-bingo-des-collegues", "face_to_face", "Pour ouvrir la journée."),
            (
                "activity",
                "le-jeu-de-laccueil-difficile",
                "face_to_face",
                "Préparer des cartes-situations tirées des réclamations réelles du service.",
            ),
            (
                "text",
                "Observation en binôme",
                "practice",
                240,
                "Une demi-journée au guichet aux côtés d'un collègue expérimenté, "
                "avec une grille d'observation.",
            ),
            (
                "text",
                "Retour d'expérience en classe virtuelle",
                "remote",
                60,
                "Chacun partage une situation vécue ; le groupe cherche ensemble les "
                "formulations qui apaisent.",
            ),
        ],
    ),
    (
        "Devenir formateur interne",
        "Pour transmettre son métier à ses collègues : concevoir une séquence, animer un groupe "
        "et co-animer une première session.",
        "Agents qui animeront leurs premières formations",
        "intermediate",
        ["pedagogie-et-animation"],
        [
            (
                "text",
                "Comment apprennent les adultes",
                "self_paced",
                60,
                "Lectures et vidéos courtes : motivation, expérience, mise en activité.",
            ),
            (
                "activity",
                "le-bingo-des-collegues",
                "face_to_face",
                "Le vivre en participant, puis l'animer à tour de rôle.",
            ),
            ("activity", "le-debat-mouvant", "face_to_face", ""),
            (
                "text",
                "Concevoir sa séquence",
                "face_to_face",
                180,
                "Objectifs, déroulé minuté, supports : chacun construit la séquence qu'il animera.",
            ),
            (
                "text",
                "Co-animer une session",
                "practice",
                210,
                "Animer une session réelle avec un formateur confirmé, puis en débriefer.",
            ),
        ],
    ),
    (
        "Préparer le concours de rédacteur",
        "Se situer, travailler la méthode de la note et s'entraîner à l'oral, à son rythme et "
        "avec les ateliers Prépa'Truc².",
        "Agents qui préparent le concours de rédacteur territorial",
        "intermediate",
        ["preparation-aux-concours", "actualite-juridique"],
        [
            (
                "activity",
                "quiz-de-positionnement-avant-le-concours",
                "remote",
                "À faire avant l'atelier de méthode.",
            ),
            (
                "text",
                "Méthodologie de la note",
                "self_paced",
                120,
                "Un module en ligne sur la lecture du dossier, le plan et la rédaction.",
            ),
            (
                "text",
                "Atelier de note",
                "face_to_face",
                210,
                "Un sujet d'annales traité en temps limité, puis corrigé en groupe.",
            ),
            (
                "activity",
                "le-debat-mouvant",
                "face_to_face",
                "Entraînement à l'oral sur l'actualité juridique.",
            ),
            (
                "text",
                "Épreuve blanche",
                "practice",
                180,
                "Dans les conditions du concours, avec une correction individuelle.",
            ),
        ],
    ),
    (
        "Animer une réunion participative",
        "Faire parler tout le monde, construire un diagnostic partagé et repartir avec un plan "
        "d'action daté.",
        "Managers et chefs de projet",
        "intermediate",
        ["management", "pedagogie-et-animation"],
        [
            ("activity", "le-debat-mouvant", "face_to_face", "Pour lancer le sujet."),
            ("activity", "analyse-swot-dun-projet-de-service", "face_to_face", ""),
            (
                "activity",
                "modele-de-plan-daction",
                "blended",
                "Le tableau se finit à distance dans le document partagé.",
            ),
            (
                "text",
                "Animer la réunion de son service",
                "practice",
                90,
                "Mettre en œuvre les méthodes avec sa propre équipe, puis noter ce qui a marché.",
            ),
        ],
    ),
]


def _steps(library, steps):
    activities = {page.slug: page for page in ActivityPage.objects.child_of(library).live()}
    stream = []
    for step in steps:
        if step[0] == "activity":
            _kind, slug, modality, note = step
            activity = activities.get(slug)
            if activity is None:
                continue
            stream.append(("activity", {"activity": activity, "modality": modality, "note": note}))
        else:
            _kind, title, modality, minutes, text = step
            stream.append(
                (
                    "text",
                    {
                        "title": title,
                        "modality": modality,
                        "duration": minutes,
                        "text": f"<p>{text}</p>",
                    },
                )
            )
    return stream


@register
def load(report):
    library = LibraryPage.objects.first()
    if library is None:
        return
    for title, intro, audience, level, themes, steps in PATHS:
        slug = slugify(title)
        exists = Page.objects.child_of(library).filter(slug=slug).exists()
        report.add("parcours", not exists)
        if exists:
            continue
        path = TrainingPathPage(
            title=title,
            slug=slug,
            intro=intro,
            audience=audience,
            level=level,
            steps=_steps(library, steps),
        )
        library.add_child(instance=path)
        path.themes.set(Theme.objects.filter(slug__in=themes))
        path.save_revision().publish()
