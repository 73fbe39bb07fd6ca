"""How workshops answer training needs: the offer per theme on the needs board, a trainer
adopting a need through the proposal form (same review as every proposal), and the e-mail each
voter gets, once, when a session of the answering workshop opens for registration."""

import io
from datetime import timedelta
from functools import partial

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from wagtail.models import PageViewRestriction, WorkflowState

from community import needs
from community.factories import NeedsBoardPageFactory, TrainingNeedFactory, UserFactory
from community.models import NeedStatus, TrainingNeed
from events import need_answers, proposals, services
from events.factories import (
    EventIndexPageFactory,
    ExchangeEventPageFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import NeedSessionNotice, SessionStatus, WorkshopPage
from events.tests.test_proposals import PROPOSE_URL, valid_data
from events.tests.test_reminders import NOW
from resources.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home_page):
    return NeedsBoardPageFactory(parent=home_page)


@pytest.fixture
def office(db):
    return ThemeFactory(name="Outils bureautiques", slug="outils-bureautiques")


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """One run of the reminder command, its e-mails delivered as after a real commit."""

    def run_once():
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_reminders", stdout=out)
        return out.getvalue()

    return run_once


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


# The offer per theme


def test_the_offer_counts_upcoming_visible_sessions_per_theme(catalog, home_page, office):
    speaking = ThemeFactory(name="Prise de parole", slug="prise-de-parole")
    both = WorkshopPageFactory(parent=catalog, title="Excel et oral")
    both.themes = [office, speaking]
    both.save_revision().publish()
    SessionFactory(event=both)
    SessionFactory(event=both)
    SessionFactory(event=both, status=SessionStatus.CANCELLED)  # not offered
    SessionFactory(event=both, start=NOW - timedelta(days=400))  # past
    meetup = ExchangeEventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    meetup.themes = [speaking]
    meetup.save_revision().publish()
    SessionFactory(event=meetup)
    draft = WorkshopPageFactory(parent=catalog, live=False)
    draft.themes = [office]
    draft.save()
    SessionFactory(event=draft)  # unpublished: not offered
    restricted = WorkshopPageFactory(parent=catalog)
    restricted.themes = [office]
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    SessionFactory(event=restricted)  # restricted: not offered
    other = ThemeFactory()
    assert need_answers.upcoming_sessions_by_theme([office.pk, speaking.pk, other.pk]) == {
        office.pk: 2,
        speaking.pk: 3,
    }
    assert needs.offer_by_theme([office.pk, other.pk]) == {office.pk: 2, other.pk: 0}


def test_the_board_shows_demand_against_offer(client, board, catalog, office):
    speaking = ThemeFactory(name="Prise de parole", slug="prise-de-parole")
    TrainingNeedFactory(theme=office, voters=[UserFactory() for _ in range(4)])
    TrainingNeedFactory(theme=speaking, voters=[UserFactory() for _ in range(2)])
    workshop = WorkshopPageFactory(parent=catalog)
    workshop.themes = [office]
    workshop.save_revision().publish()
    SessionFactory(event=workshop)
    html = client.get(board.url).content.decode()
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    rows = [" ".join(row.split()) for row in table.split("</tr>")[:-1]]
    assert (
        "Outils bureautiques</th> <td>1</td> <td>4</td> <td>1</td> <td>Offre existante" in rows[0]
    )
    assert (
        "Prise de parole</th> <td>1</td> <td>2</td> <td>0</td> <td><strong>Aucune séance prévue"
        in rows[1]
    )


# Adopting a need


@pytest.fixture
def need(office):
    return TrainingNeedFactory(
        title="Maîtriser les tableaux croisés dynamiques",
        why="Chaque mois je consolide les demandes du service à la main.",
        audience="Les assistantes de direction",
        theme=office,
    )


def test_a_trainer_adopts_a_need_with_a_proposal_in_review(client, board, catalog, need, trainer):
    client.force_login(trainer)
    adopt_url = f"{PROPOSE_URL}?need={need.pk}"
    assert f'href="{adopt_url}"' in client.get(board.url).content.decode()

    form_page = client.get(adopt_url)
    html = form_page.content.decode()
    assert "Vous répondez à un besoin de formation" in html
    assert form_page.context["form"].initial["title"] == need.title
    assert "Les assistantes de direction" in form_page.context["form"].initial["description"]

    response = client.post(adopt_url, valid_data(title="Les TCD sans douleur"), follow=True)
    assert response.redirect_chain[-1][0] == "/mes-propositions/"
    assert any("répond au besoin" in text for text in messages_of(response))
    page = WorkshopPage.objects.get(proposed_by=trainer)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_state.workflow.name == "Relecture équipe formation"
    need.refresh_from_db()
    assert need.proposal_id == page.pk
    assert need.adopted_by == trainer and need.adopted_at is not None
    assert need.status == NeedStatus.STUDYING

    board_html = client.get(board.url).content.decode()
    assert "Adopté par Nathalie Girard" in board_html
    assert "Une proposition d'atelier pour ce besoin est en relecture" in board_html


def test_an_agent_cannot_adopt_through_the_proposal_form(client, catalog, need, agent):
    client.force_login(agent)
    assert client.get(f"{PROPOSE_URL}?need={need.pk}").status_code == 403
    assert client.post(f"{PROPOSE_URL}?need={need.pk}", valid_data()).status_code == 403
    assert not WorkshopPage.objects.filter(proposed_by=agent).exists()
    need.refresh_from_db()
    assert need.adopted_by is None


def test_a_need_is_adopted_once(client, board, catalog, need, trainer):
    first = UserFactory(first_name="Amina", last_name="Diallo")
    need.adopted_by = first
    need.save()
    client.force_login(trainer)
    response = client.post(f"{PROPOSE_URL}?need={need.pk}", valid_data(), follow=True)
    assert messages_of(response) == ["Ce besoin a déjà été adopté par Amina Diallo."]
    assert not WorkshopPage.objects.filter(proposed_by=trainer).exists()
    response = client.get(f"{PROPOSE_URL}?need=abc", follow=True)
    assert messages_of(response) == ["Ce besoin n'existe pas."]


def test_adoption_is_refused_if_someone_adopted_meanwhile(catalog, need, trainer):
    """The need is locked and checked again when the proposal is created."""
    TrainingNeed.objects.filter(pk=need.pk).update(adopted_by=UserFactory())
    with pytest.raises(needs.NeedError):
        needs.adopt(need.pk, trainer, partial(proposals.propose_workshop, trainer, {"title": "x"}))
    assert not WorkshopPage.objects.filter(proposed_by=trainer).exists()


# Closing the loop


@pytest.fixture
def voted(workshop, office):
    """A need with its author's vote and two more, answered by the workshop."""
    author, colleague, other = (UserFactory() for _ in range(3))
    need = TrainingNeedFactory(theme=office, author=author, voters=[author, colleague, other])
    return need, [author, colleague, other]


def test_each_voter_hears_once_that_an_answering_session_opens(board, workshop, voted, clock, run):
    need, people = voted
    bystander = UserFactory()
    TrainingNeedFactory(voters=[bystander])  # another need: not told
    opens = NOW + timedelta(days=2)
    session = SessionFactory(
        event=workshop, start=NOW + timedelta(days=20), registration_opens=opens
    )
    assert "to the voters of the needs they answer: 0 e-mails" in run()  # not linked yet

    need.answered_by = workshop
    need.status = NeedStatus.SCHEDULED  # the team's choice, in the admin
    need.save()
    assert need_answers.announce_need_sessions(NOW) == 0  # registration not open yet
    assert mail.outbox == []

    clock.move_to(opens)
    services.register(session.pk, people[2])  # already registered: no news for them
    mail.outbox.clear()
    assert "to the voters of the needs they answer: 2 e-mails" in run()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        person.email for person in people[:2]
    )
    message = mail.outbox[0]
    assert message.subject == f"Votre besoin de formation a sa réponse : {workshop.title}"
    assert need.title in message.body
    assert workshop.url in message.body
    assert "Une séance de l'atelier" in message.body
    assert NeedSessionNotice.objects.filter(session=session).count() == 2

    assert "to the voters of the needs they answer: 0 e-mails" in run()  # never twice
    assert len(mail.outbox) == 2
    second = SessionFactory(event=workshop, start=NOW + timedelta(days=30))
    run()
    assert len(mail.outbox) == 5  # a new session is news again, to all three
    assert NeedSessionNotice.objects.filter(session=second).count() == 3


def test_a_published_proposal_answers_its_need(workshop, voted, clock, run):
    need, people = voted
    need.proposal = workshop  # the adopted proposal, published by the team
    need.save()
    SessionFactory(event=workshop, start=NOW + timedelta(days=10))
    run()
    assert len(mail.outbox) == 3


@pytest.mark.parametrize("hide", ["unpublished", "restricted", "hidden need", "cancelled"])
def test_nothing_is_sent_for_hidden_workshops_or_needs(workshop, voted, clock, run, hide):
    need, people = voted
    need.answered_by = workshop
    need.save()
    session = SessionFactory(event=workshop, start=NOW + timedelta(days=10))
    if hide == "unpublished":
        workshop.unpublish()
    elif hide == "restricted":
        PageViewRestriction.objects.create(page=workshop, restriction_type="login")
    elif hide == "hidden need":
        TrainingNeed.objects.filter(pk=need.pk).update(hidden=True)
    else:
        session.status = SessionStatus.CANCELLED
        session.save()
    run()
    assert mail.outbox == []
    assert not NeedSessionNotice.objects.exists()
