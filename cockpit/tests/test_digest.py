"""The training team's weekly digest: what it lists, who gets it, and nothing when all is calm."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from cockpit import digest
from community.factories import TrainingNeedFactory, UserFactory
from community.models import NeedStatus
from community.roles import TRAINING_TEAM
from events import proposals
from events.factories import (
    RegistrationFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import EventFormat, RegistrationStatus, SessionStatus

pytestmark = pytest.mark.django_db

BASE_URL = "https://atelier.example"
CONFIRMED, WAITLISTED, CANCELLED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)


@pytest.fixture(autouse=True)
def _site_address(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def propose(user, catalog, title):
    data = {
        "title": title,
        "pitch": "Des réunions plus courtes, où chacun parle.",
        "description": "",
        "series": None,
        "duration_minutes": 90,
        "format": EventFormat.FACE_TO_FACE,
        "preferred_dates": [date.today() + timedelta(days=30)],
    }
    return proposals.propose_workshop(user, data, catalog=catalog)


def review_of(page):
    return WorkflowState.objects.filter(object_id=str(page.pk))


def session_in(catalog, days, capacity, confirmed, title, **kwargs):
    """A session starting ``days`` from now with ``confirmed`` seats taken, plus one person
    waiting and one cancelled (neither fills a seat)."""
    event = WorkshopPageFactory(parent=catalog, title=title)
    start = timezone.now() + timedelta(days=days)
    session = SessionFactory(event=event, start=start, capacity=capacity, **kwargs)
    for _n in range(confirmed):
        RegistrationFactory(session=session, status=CONFIRMED)
    RegistrationFactory(session=session, status=WAITLISTED)
    RegistrationFactory(session=session, status=CANCELLED)
    return session


@pytest.fixture
def calendar(catalog):
    """Sessions around the coming week: only the 30 % one, six days ahead, is under half."""
    return {
        "low": session_in(catalog, 6, 10, 3, "Atelier à 30 %"),
        "fuller": session_in(catalog, 3, 10, 6, "Atelier à 60 %"),
        "half": session_in(catalog, 2, 4, 2, "Atelier à 50 %"),
        "later": session_in(catalog, 10, 10, 1, "Atelier dans 10 jours"),
        "cancelled": session_in(
            catalog, 4, 10, 0, "Atelier annulé", status=SessionStatus.CANCELLED
        ),
        "past": session_in(catalog, -1, 10, 0, "Atelier d'hier"),
    }


@pytest.fixture
def pending(agent, catalog):
    """A proposal sent today, one in review for ten days, one declined, one published."""
    new = propose(agent, catalog, "Animer une réunion debout")
    old = propose(agent, catalog, "Écrire simplement")
    review_of(old).update(created_at=timezone.now() - timedelta(days=10))
    declined = propose(agent, catalog, "Proposition refusée")
    review_of(declined).update(status=WorkflowState.STATUS_NEEDS_CHANGES)
    published = propose(agent, catalog, "Proposition acceptée")
    published.live = True
    published.save()
    return {"new": new, "old": old}


@pytest.fixture
def needs():
    voters = [UserFactory() for _n in range(6)]
    return {
        "top": TrainingNeedFactory(title="Excel avancé", voters=voters[:4]),
        "studied": TrainingNeedFactory(
            title="Prise de parole", status=NeedStatus.STUDYING, voters=voters[:2]
        ),
        "closed": TrainingNeedFactory(
            title="Besoin clos", status=NeedStatus.CLOSED, voters=voters[:6]
        ),
        "hidden": TrainingNeedFactory(title="Besoin masqué", hidden=True, voters=voters[:5]),
        "unvoted": TrainingNeedFactory(title="Besoin sans vote"),
    }


@pytest.fixture
def team(team_member):
    """The team member who gets the digest, and three who do not."""
    UserFactory(email="parti@atelier.example", is_active=False, roles=[TRAINING_TEAM])
    UserFactory(email="", roles=[TRAINING_TEAM])
    return team_member


def week_number():
    return timezone.localtime().isocalendar()[1]


# --- What the digest gathers ---------------------------------------------------------------------


def test_pending_proposals_are_the_ones_in_review_oldest_first(pending):
    found = digest.gather()

    assert [(p.page.pk, p.is_new) for p in found.proposals] == [
        (pending["old"].pk, False),
        (pending["new"].pk, True),
    ]
    assert found.new_proposal_count == 1
    assert found.proposals[1].admin_url == f"{BASE_URL}/admin/pages/{pending['new'].pk}/edit/"


def test_only_scheduled_sessions_of_the_week_under_half_full_are_listed(calendar):
    found = digest.gather()

    assert [(item.session, item.confirmed, item.capacity) for item in found.sessions] == [
        (calendar["low"], 3, 10)
    ]
    assert found.sessions[0].fill_percent == 30
    assert found.sessions[0].admin_url == (
        f"{BASE_URL}/admin/events/sessions/edit/{calendar['low'].pk}/"
    )


def test_the_most_voted_open_needs_come_first(needs):
    found = digest.gather()

    assert [(item.need, item.votes) for item in found.needs] == [
        (needs["top"], 4),
        (needs["studied"], 2),
    ]


def test_the_needs_are_capped():
    voter = UserFactory()
    for _n in range(digest.TOP_NEEDS + 2):
        TrainingNeedFactory(voters=[voter])

    assert len(digest.gather().needs) == digest.TOP_NEEDS


def test_gathering_takes_three_queries_whatever_the_rows(
    calendar, pending, needs, django_assert_num_queries
):
    digest.gather()  # content types get cached
    with django_assert_num_queries(3):
        digest.gather()


# --- The e-mail ----------------------------------------------------------------------------------


def send(*args):
    """Run the command; the outbox then holds its e-mails only (not the review notices)."""
    mail.outbox.clear()
    out = io.StringIO()
    call_command("send_team_digest", *args, stdout=out)
    return out.getvalue()


def test_each_team_member_gets_the_digest_in_french(
    team, agent, trainer, superuser, calendar, pending, needs
):
    output = send()

    assert [message.to for message in mail.outbox] == [[team.email]]
    message = mail.outbox[0]
    assert message.subject == (f"Atelier — le point de l'équipe formation, semaine {week_number()}")
    lines = message.body.splitlines()
    low = calendar["low"]
    for line in (
        "Bonjour Claire,",
        "## Propositions d'ateliers en attente de relecture (2)",
        f"- “Animer une réunion debout”, proposée par Marc Dubois, en relecture depuis le "
        f"{digest.gather().proposals[1].submitted_label} — nouvelle cette semaine",
        f"  {BASE_URL}/admin/pages/{pending['new'].pk}/edit/",
        "## Séances des sept prochains jours remplies à moins de la moitié (1)",
        f"- “Atelier à 30 %”, {low.start_label} — 3/10 places confirmées (30 %)",
        f"  {BASE_URL}/admin/events/sessions/edit/{low.pk}/",
        "## Besoins de formation les plus demandés (2)",
        "- “Excel avancé” ({}, ouvert) — 4 votes".format(needs["top"].theme),
        "- “Prise de parole” ({}, en étude) — 2 votes".format(needs["studied"].theme),
        f"  {BASE_URL}/admin/snippets/community/trainingneed/edit/{needs['top'].pk}/",
    ):
        assert line in lines
    assert "“Écrire simplement”" in message.body
    assert "nouvelle cette semaine" not in next(
        line for line in lines if "Écrire simplement" in line
    )
    for absent in ("60 %", "50 %", "10 jours", "annulé", "hier", "refusée", "acceptée"):
        assert absent not in message.body
    for absent in ("Besoin clos", "Besoin masqué", "Besoin sans vote"):
        assert absent not in message.body
    html, content_type = message.alternatives[0]
    assert content_type == "text/html"
    assert f'href="{BASE_URL}/admin/events/sessions/edit/{low.pk}/"' in html
    assert "<h2>Propositions d'ateliers en attente de relecture (2)</h2>" in html
    assert "Digest sent to 1 member(s)" in output


def test_a_member_who_reads_the_admin_in_english_gets_it_in_english(team, needs):
    profile = UserProfile.get_for_user(team)
    profile.preferred_language = "en"
    profile.save()

    send()

    assert mail.outbox[0].subject == (f"Atelier — the training team's digest, week {week_number()}")
    assert "Most wanted training needs (2)" in mail.outbox[0].body


def test_nothing_to_report_sends_nothing_unless_forced(team, calendar):
    calendar["low"].delete()

    output = send()

    assert mail.outbox == []
    assert "Nothing to report" in output

    send("--force")

    assert [message.to for message in mail.outbox] == [[team.email]]
    assert mail.outbox[0].body.count("Rien cette semaine.") == 3


def test_a_dry_run_prints_the_digest_and_sends_nothing(team, needs):
    output = send("--dry-run")

    assert mail.outbox == []
    assert f"le point de l'équipe formation, semaine {week_number()}" in output
    assert "“Excel avancé”" in output
    assert f"Recipients (1): {team.email}" in output
