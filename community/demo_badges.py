"""Demo content: seven badges with tunable rules, the awards that follow from the demo facts
(sessions, attendance, feedback, reuses, adaptations, publications), and one award by hand.

Runs late, once every app has created its facts. Rules name facts by key: the apps that hold
them register them (``community`` imports none of them). No e-mail is sent: ``load_demo``
mutes it, the after-commit evaluations included.

The path badge's rule names its path by page id (``events.path_completed:<id>``): the path
of the demo (events/demo_paths.py) is found by its slug, as a plain Wagtail page.
"""

from wagtail.models import Page

from community.badges import awards
from community.badges.artwork import wagtail_image
from community.demo_registry import register
from community.models import Badge, BadgeAward, BadgeKind, User

# (slug, name, kind, image mark, description, criteria, rule, threshold, minimum sample)
BADGES = [
    (
        "premier-atelier-anime",
        "Premier atelier animé",
        BadgeKind.FACILITATION,
        "1",
        "A animé une première séance d'atelier devant ses collègues.",
        "Avoir animé au moins une séance d'atelier ou de rencontre dont l'appel a été clos.",
        "events.first_session_facilitated",
        1,
        None,
    ),
    (
        "animateur-regulier",
        "Animateur régulier",
        BadgeKind.FACILITATION,
        "5",
        "Anime régulièrement : au moins cinq séances menées à leur terme.",
        "Avoir animé au moins cinq séances dont l'appel a été clos.",
        "events.sessions_facilitated",
        5,
        None,
    ),
    (
        "vingt-collegues-formes",
        "Vingt collègues formés",
        BadgeKind.FACILITATION,
        "20",
        "A transmis son savoir-faire à vingt collègues différents.",
        "Avoir compté au moins vingt agents différents présents à ses séances.",
        "events.agents_trained",
        20,
        None,
    ),
    (
        "animation-saluee",
        "Animation saluée",
        BadgeKind.FACILITATION,
        "4,5",
        "Des participants très satisfaits, séance après séance.",
        "Obtenir une note moyenne d'au moins 4,5 sur 5 sur au moins cinq séances ayant "
        "chacune assez de réponses au questionnaire pour être publiées.",
        "events.feedback_average",
        4.5,
        5,
    ),
    (
        "auteur-de-la-bibliotheque",
        "Auteur de la bibliothèque",
        BadgeKind.AUTHORSHIP,
        "3",
        "Partage ses activités pédagogiques avec toute la communauté.",
        "Avoir publié au moins trois activités dans la bibliothèque.",
        "resources.activities_published",
        3,
        None,
    ),
    (
        "activite-plebiscitee",
        "Activité plébiscitée",
        BadgeKind.REUSE,
        "5",
        "Une de ses activités est devenue un classique des formateurs.",
        "Avoir écrit une activité dont cinq utilisations ont été enregistrées par d'autres.",
        "resources.max_reuses",
        5,
        None,
    ),
    (
        "source-d-inspiration",
        "Source d'inspiration",
        BadgeKind.REUSE,
        "2",
        "Ses activités inspirent : d'autres formateurs les adaptent à leur public.",
        "Avoir écrit une activité adaptée et publiée par au moins deux autres formateurs.",
        "resources.max_adapters",
        2,
        None,
    ),
    (
        "pilier-de-la-communaute",
        "Pilier de la communauté",
        BadgeKind.COMMUNITY,
        "C",
        "Fait vivre la communauté des formateurs : accueil, entraide, partage.",
        "Attribué par l'équipe formation à une personne qui a fait vivre la communauté.",
        "",
        None,
        None,
    ),
]

PATH_SLUG = "parcours-du-formateur-interne"
PATH_BADGE = (
    "parcours-du-formateur-termine",
    "Parcours du formateur terminé",
    BadgeKind.FACILITATION,
    "P",
    "A suivi tout le parcours du formateur interne de l'école des agents.",
    "Avoir été présent à une séance de chacun des ateliers du « Parcours du formateur "
    "interne » (appel clos).",
)

MANUAL = (
    "pilier-de-la-communaute",
    "amina.diallo@atelier.example",
    "claire.moreau@atelier.example",
    "A accueilli et accompagné les nouveaux formateurs tout au long de l'année, et animé les "
    "rencontres mensuelles de la communauté de pratique.",
)


def _ensure_badge(report, slug, name, kind, mark, description, criteria, rule, threshold, sample):
    badge = Badge.objects.filter(slug=slug).first()
    report.add("badges", badge is None)
    if badge is None:
        badge = Badge.objects.create(
            slug=slug,
            name=name,
            kind=kind,
            description=description,
            criteria=criteria,
            rule=rule,
            threshold=threshold,
            minimum_sample=sample,
            image=wagtail_image(f"Badge « {name} »", mark, kind),
        )
    return badge


def _path_badge(report):
    path = Page.objects.filter(slug=PATH_SLUG).live().first()
    if path is not None:
        _ensure_badge(report, *PATH_BADGE, f"events.path_completed:{path.pk}", 1, None)


def _manual_award(report):
    slug, recipient_email, team_email, reason = MANUAL
    badge = Badge.objects.get(slug=slug)
    recipient = User.objects.filter(email__iexact=recipient_email).first()
    team_member = User.objects.filter(email__iexact=team_email).first()
    if recipient is None or team_member is None:
        return
    exists = BadgeAward.objects.filter(badge=badge, recipient=recipient).exists()
    if not exists:
        awards.award_manually(badge, recipient, team_member, reason)
    report.add("attributions de badges", not exists)


@register(late=True)
def load(report):
    for row in BADGES:
        _ensure_badge(report, *row)
    _path_badge(report)
    for _award in awards.evaluate():
        report.add("attributions de badges", True)
    _manual_award(report)
