"""Demo: the path « Parcours du formateur interne », whose steps are workshops of the demo
calendar, so that the badge « Parcours du formateur terminé » (community/demo_badges.py) is
earned from real attendance. Registered after the sessions and their roll calls
(events/demo.py imports this module last).

Who is absent at a demo session depends on the day of the run, so one demo person is made sure
to have been present at a held session of each workshop (else marked present at the latest
one): the demo always shows an award. Idempotent: the path is found by its slug.
"""

from django.utils.text import slugify
from django.utils.timezone import now
from wagtail.models import Page

from community.demo_registry import register
from community.models import User
from events.badge_facts import held_sessions
from events.models import Attendance, Registration, RegistrationStatus, WorkshopPage
from resources.models import ActivityPage, LibraryPage, Theme, TrainingPathPage

TITLE = "Parcours du formateur interne"
INTRO = (
    "Trois ateliers de l'école des agents pour se préparer à former ses collègues : faire "
    "participer un groupe, dire ce qui va et ce qui peut mieux aller, et donner des supports "
    "que tout le monde peut lire."
)
AUDIENCE = "Agents qui deviennent formateurs internes"
WORKSHOPS = [
    ("animer-une-reunion-courte-et-efficace", "Tenir le temps et faire parler chacun."),
    ("donner-un-feedback-constructif", "Le cœur du débriefing d'une mise en situation."),
    ("produire-des-documents-accessibles", "Pour des supports de formation lisibles par tous."),
]
ACTIVITY = ("le-debat-mouvant", "Une activité à essayer lors de sa première session.")
# The demo person sure to complete the path (a trainee, not a facilitator of these workshops).
GRADUATE = "fatima.haddad@atelier.example"


def _steps(library, workshops):
    steps = [
        (
            "text",
            {
                "title": "Se situer comme formateur",
                "modality": "self_paced",
                "duration": 30,
                "text": "<p>Un questionnaire en ligne : ce que l'on sait déjà transmettre, ce "
                "que l'on veut travailler.</p>",
            },
        )
    ]
    for slug, note in WORKSHOPS:
        if slug in workshops:
            steps.append(
                (
                    "workshop",
                    {"workshop": workshops[slug], "modality": "face_to_face", "note": note},
                )
            )
    activity = ActivityPage.objects.child_of(library).live().filter(slug=ACTIVITY[0]).first()
    if activity is not None:
        steps.append(
            ("activity", {"activity": activity, "modality": "practice", "note": ACTIVITY[1]})
        )
    return steps


def _make_sure_graduate_attended(workshops):
    person = User.objects.filter(email__iexact=GRADUATE).first()
    if person is None:
        return
    for workshop in workshops:
        sessions = held_sessions().filter(event=workshop)
        present = Registration.objects.filter(
            session__in=sessions,
            user=person,
            status=RegistrationStatus.CONFIRMED,
            attendance=Attendance.PRESENT,
        )
        if present.exists():
            continue
        session = sessions.order_by("-start").first()
        if session is not None:
            Registration.objects.update_or_create(
                session=session,
                user=person,
                defaults={
                    "status": RegistrationStatus.CONFIRMED,
                    "attendance": Attendance.PRESENT,
                },
                create_defaults={
                    "status": RegistrationStatus.CONFIRMED,
                    "attendance": Attendance.PRESENT,
                    "queued_at": min(now(), session.start),
                },
            )


@register
def load(report):
    library = LibraryPage.objects.first()
    if library is None:
        return
    slug = slugify(TITLE)
    exists = Page.objects.child_of(library).filter(slug=slug).exists()
    report.add("parcours", not exists)
    if exists:
        return
    found = WorkshopPage.objects.live().filter(slug__in=[slug for slug, _note in WORKSHOPS])
    workshops = {workshop.slug: workshop for workshop in found}
    if not workshops:
        return
    path = TrainingPathPage(
        title=TITLE,
        slug=slug,
        intro=INTRO,
        audience=AUDIENCE,
        level="intermediate",
        steps=_steps(library, workshops),
    )
    library.add_child(instance=path)
    path.themes.set(Theme.objects.filter(slug="pedagogie-et-animation"))
    path.save_revision().publish()
    _make_sure_graduate_attended(workshops.values())
