"""What agents do on the needs board: post a need (their own first vote), say “moi aussi” once,
withdraw it; nobody votes on a closed need; only trainers and the team adopt. Bad requests get a
French message and change nothing."""

import pytest
from django.db.models import QuerySet
from django.test import Client

from community import needs
from community.factories import NeedsBoardPageFactory, TrainingNeedFactory, UserFactory
from community.models import NeedStatus, NeedVote, TrainingNeed, Urgency
from resources.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(home_page):
    return NeedsBoardPageFactory(parent=home_page)


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Relation aux usagers", slug="relation-aux-usagers")


@pytest.fixture
def need(theme):
    return TrainingNeedFactory(title="Accueillir un public difficile", theme=theme)


def url(board, route, need=None):
    path = {"post": "exprimer/", "vote": "moi-aussi/", "withdraw": "retirer-mon-vote/"}
    return board.url + (f"{need.pk}/" if need else "") + path[route]


def adopt_url(need):
    """Where “Je peux animer une formation sur ce sujet” leads: the proposal form."""
    return f"/proposer-un-atelier/?need={need.pk}"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def valid_need(chosen_theme, **overrides):
    return {
        "title": "Gérer l'agressivité au guichet",
        "why": "Nous recevons des usagers excédés chaque semaine.",
        "audience": "Les agents d'accueil",
        "urgency": Urgency.HIGH,
        "theme": chosen_theme.pk,
        **overrides,
    }


# Posting


def test_posting_a_need_counts_as_the_authors_vote(client, board, theme, agent):
    client.force_login(agent)
    response = client.post(url(board, "post"), valid_need(theme), follow=True)
    need = TrainingNeed.objects.get()
    assert (need.title, need.author, need.urgency, need.theme) == (
        "Gérer l'agressivité au guichet",
        agent,
        Urgency.HIGH,
        theme,
    )
    assert list(need.votes.values_list("voter", flat=True)) == [agent.pk]
    assert need.status == NeedStatus.OPEN
    assert response.redirect_chain[-1][0] == f"{board.url}#besoin-{need.pk}"
    assert any("est sur le tableau, avec votre vote" in text for text in messages_of(response))
    html = response.content.decode()
    assert "Gérer l&#x27;agressivité au guichet" in html
    assert "1 vote" in html and "Vous avez voté" in html


def test_the_form_is_labelled_and_in_french(client, board, theme, agent):
    client.force_login(agent)
    html = client.get(url(board, "post")).content.decode()
    for label in ("Ce que j&#x27;ai besoin d&#x27;apprendre", "Pourquoi", "Pour qui (facultatif)"):
        assert label in html
    assert 'for="id_theme"' in html and 'for="id_urgency"' in html


def test_a_bad_need_gets_french_errors_and_keeps_what_was_typed(client, board, theme, agent):
    client.force_login(agent)
    data = valid_need(theme, title="", why="x" * 2001, theme="999999")
    response = client.post(url(board, "post"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Indiquez ce que vous avez besoin d&#x27;apprendre." in html
    assert "2000 caractères" in html
    assert "Choisissez l&#x27;un des thèmes proposés." in html
    assert "Les agents d&#x27;accueil" in html  # nothing lost
    assert not TrainingNeed.objects.exists()


def test_the_form_does_not_compute_the_board(client, board, theme, agent, monkeypatch):
    """The form page needs its page, not the board's needs nor its demand table."""

    def board_computed(*args, **kwargs):
        raise AssertionError("the board was computed for the form")

    monkeypatch.setattr(needs, "demand_and_offer", board_computed)
    client.force_login(agent)
    response = client.get(url(board, "post"))
    assert response.status_code == 200
    assert "needs" not in response.context and "filter_form" not in response.context
    response = client.post(url(board, "post"), valid_need(theme, title=""))
    assert response.status_code == 400
    assert "Indiquez ce que vous avez besoin d&#x27;apprendre." in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, board, theme, need):
    response = client.get(url(board, "post"))
    assert response.status_code == 302 and response.url.startswith("/connexion/?next=")
    response = client.post(url(board, "post"), valid_need(theme))
    assert response.status_code == 302 and response.url.startswith("/connexion/")
    response = client.post(url(board, "vote", need))
    assert response.status_code == 302 and response.url.startswith("/connexion/")
    assert TrainingNeed.objects.count() == 1
    assert not NeedVote.objects.exists()


# Voting


def test_me_too_once_then_withdraw(client, board, need, agent):
    client.force_login(agent)
    response = client.post(url(board, "vote", need), {"next": board.url + "?sort=recent"})
    assert response.status_code == 302 and response.url == board.url + "?sort=recent"
    assert need.votes.filter(voter=agent).count() == 1

    response = client.post(url(board, "vote", need), follow=True)
    assert "Vous avez déjà voté pour ce besoin." in messages_of(response)
    assert need.votes.count() == 1

    response = client.post(url(board, "withdraw", need), follow=True)
    assert "Votre vote pour « Accueillir un public difficile » est retiré." in messages_of(response)
    assert not need.votes.exists()


def test_two_votes_at_once_leave_one(need, agent, monkeypatch):
    """The check before inserting can miss a vote arriving at the same moment: the unique
    constraint refuses the second, with the same message."""
    NeedVote.objects.create(need=need, voter=agent)
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)  # the other vote not seen yet
    with pytest.raises(needs.NeedError) as refusal:
        needs.vote(need.pk, agent)
    assert refusal.value.messages == ["Vous avez déjà voté pour ce besoin."]
    assert NeedVote.objects.filter(need=need).count() == 1


def test_no_vote_on_a_closed_need(client, board, theme, agent):
    closed = TrainingNeedFactory(theme=theme, status=NeedStatus.CLOSED, voters=[UserFactory()])
    client.force_login(agent)
    response = client.post(url(board, "vote", closed), follow=True)
    assert messages_of(response) == ["Ce besoin est fermé : les votes ne sont plus recueillis."]
    assert closed.votes.count() == 1
    response = client.post(url(board, "withdraw", closed), follow=True)
    assert "Ce besoin est fermé : les votes ne peuvent plus changer." in messages_of(response)


def test_hidden_or_missing_needs_take_no_vote(client, board, theme, agent):
    hidden = TrainingNeedFactory(theme=theme, hidden=True)
    client.force_login(agent)
    response = client.post(url(board, "vote", hidden), follow=True)
    assert messages_of(response) == ["Ce besoin n'existe pas."]
    response = client.post(board.url + "999999/moi-aussi/", follow=True)
    assert messages_of(response) == ["Ce besoin n'existe pas."]
    assert not NeedVote.objects.exists()


def test_votes_are_posted_with_a_csrf_token_only(board, need, agent):
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent)
    assert client.get(url(board, "vote", need)).status_code == 405
    assert client.post(url(board, "vote", need)).status_code == 403
    assert not NeedVote.objects.exists()


def test_an_outside_next_address_is_not_followed(client, board, need, agent):
    client.force_login(agent)
    response = client.post(url(board, "vote", need), {"next": "https://ailleurs.example/"})
    assert response.url == board.url


# Adopting


def test_an_agent_sees_no_adopt_button_and_cannot_adopt(client, board, catalog, need, agent):
    client.force_login(agent)
    assert "Je peux animer une formation sur ce sujet" not in client.get(board.url).content.decode()
    assert client.get(adopt_url(need)).status_code == 403
    need.refresh_from_db()
    assert need.adopted_by is None and need.status == NeedStatus.OPEN


def test_a_trainer_sees_the_button_and_who_adopted(
    client, board, catalog, need, trainer, team_member
):
    client.force_login(trainer)
    html = client.get(board.url).content.decode()
    assert "Je peux animer une formation sur ce sujet" in html
    assert f'href="{adopt_url(need)}"' in html
    need.adopted_by = team_member
    need.save()
    html = client.get(board.url).content.decode()
    assert "Adopté par Claire Moreau" in html
    assert "Je peux animer une formation sur ce sujet" not in html
    response = client.get(adopt_url(need), follow=True)
    assert messages_of(response) == ["Ce besoin a déjà été adopté par Claire Moreau."]


def test_adopting_without_a_catalogue_says_so(client, board, need, trainer):
    """The proposal form belongs to the workshop catalogue: none yet, nothing happens."""
    client.force_login(trainer)
    html = client.get(board.url).content.decode()
    assert "Les propositions d'ateliers ne sont pas ouvertes pour le moment." in html
    assert "Je peux animer une formation sur ce sujet" not in html
    need.refresh_from_db()
    assert need.adopted_by is None


def test_adopting_a_closed_need_is_refused(client, board, catalog, theme, trainer):
    closed = TrainingNeedFactory(theme=theme, status=NeedStatus.CLOSED)
    client.force_login(trainer)
    response = client.get(adopt_url(closed), follow=True)
    assert messages_of(response) == ["Ce besoin est fermé : il ne peut plus être adopté."]
