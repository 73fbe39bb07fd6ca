"""“Propose a workshop”: an agent proposes, the training team accepts or declines."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from community.factories import UserFactory
from community.roles import TRAINING_TEAM
from community.tests.pages import text_of
from events import proposals
from events.factories import SeriesFactory
from events.models import EventFormat, WorkshopPage

PROPOSE_URL = "/proposer-un-atelier/"
MY_PROPOSALS_URL = "/mes-propositions/"
PROPOSER_EMAIL = "agent@atelier.example"  # the `agent` fixture


def in_days(days):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def valid_data(**overrides):
    return {
        "title": "Animer une réunion debout",
        "pitch": "Des réunions plus courtes, où chacun parle.",
        "description": "Trois formats testés en service.\n\nÀ apporter : <b>un minuteur</b>",
        "series": "",
        "duration_minutes": "90",
        "format": EventFormat.FACE_TO_FACE,
        "preferred_date_1": in_days(30),
        "preferred_date_2": "",
        "preferred_date_3": in_days(20),
        **overrides,
    }


@pytest.fixture
def proposed(client, agent, catalog):
    """The agent's proposal, sent through the site's form."""
    client.force_login(agent)
    response = client.post(PROPOSE_URL, valid_data())
    assert response.status_code == 302
    client.logout()
    return WorkshopPage.objects.get(proposed_by=agent)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def ours(outbox):
    """The e-mails the proposer gets: ours only, since an agent cannot open the admin that
    Wagtail's own moderation notices link to."""
    mine = [message for message in outbox if message.to == [PROPOSER_EMAIL]]
    assert all(MY_PROPOSALS_URL in message.body for message in mine)
    return mine


# Proposing


def test_the_urls():
    assert reverse("events:propose") == PROPOSE_URL
    assert reverse("events:my_proposals") == MY_PROPOSALS_URL


def test_the_catalogue_has_the_training_teams_review(catalog):
    workflow = catalog.get_workflow()
    assert workflow.name == "Relecture équipe formation"
    (task,) = [task.specific for task in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [TRAINING_TEAM]


def test_the_form_page_is_accessible(client, agent, catalog):
    client.force_login(agent)
    response = client.get(PROPOSE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for name in ("title", "pitch", "duration_minutes", "preferred_date_1"):
        assert f'<label for="id_{name}">' in html
    assert "<legend>" in html
    assert 'aria-describedby="id_pitch_helptext"' in html


def test_an_agent_proposes_a_workshop(client, agent, catalog, django_capture_on_commit_callbacks):
    series = SeriesFactory(name="Un truc² en +")
    client.force_login(agent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PROPOSE_URL, valid_data(series=series.pk), follow=True)

    assert response.redirect_chain == [(MY_PROPOSALS_URL, 302)]
    page = WorkshopPage.objects.get(proposed_by=agent)
    assert page.get_parent().pk == catalog.pk
    assert not page.live
    assert page.owner == agent
    assert list(page.facilitators.all()) == [agent]
    assert page.series == series
    assert page.slug == "animer-une-reunion-debout"
    assert page.summary == "Des réunions plus courtes, où chacun parle."
    assert page.duration_minutes == 90
    # The plain text is escaped, one paragraph per blank line.
    assert page.description == (
        "<p>Trois formats testés en service.</p><p>À apporter : &lt;b&gt;un minuteur&lt;/b&gt;</p>"
    )
    # Dates in order, in French, for the team.
    assert page.preferred_dates.count("\n") == 1
    assert page.preferred_dates.split("\n")[0].endswith(
        str((timezone.localdate() + timedelta(days=20)).year)
    )
    assert page.latest_revision.user == agent
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == agent
    assert state.workflow.name == "Relecture équipe formation"
    # The proposer sees it in review.
    assert "Animer une réunion debout" in response.content.decode()
    (proposal,) = response.context["proposals"]
    assert proposal.status == proposals.ProposalStatus.IN_REVIEW


def test_the_same_title_twice_gets_its_own_address(client, agent, catalog):
    client.force_login(agent)
    client.post(PROPOSE_URL, valid_data())
    client.post(PROPOSE_URL, valid_data())
    assert sorted(WorkshopPage.objects.values_list("slug", flat=True)) == [
        "animer-une-reunion-debout",
        "animer-une-reunion-debout-1",
    ]


def test_preferred_dates_are_written_in_french():
    from datetime import date

    assert proposals.preferred_dates_text([date(2031, 6, 3), date(2031, 5, 1)]) == (
        "jeudi 1 mai 2031\nmardi 3 juin 2031"
    )


def test_an_anonymous_visitor_is_sent_to_sign_in(client, catalog):
    for url in (PROPOSE_URL, MY_PROPOSALS_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/connexion/?next=")
    count = Page.objects.count()
    assert client.post(PROPOSE_URL, valid_data()).status_code == 302
    assert Page.objects.count() == count


def field_errors(response):
    """The errors the page shows under each field, as a reader sees them: {field: message}."""
    return dict(
        re.findall(r'<p class="form-field__error" id="id_(\w+)_error">(.*?)</p>', text_of(response))
    )


def summary_errors(response):
    """The error summary at the top of the page: [(field, "Label : message")]."""
    return re.findall(r'<li><a href="#id_(\w+)">(.*?)</a></li>', text_of(response))


def counts():
    return Page.objects.count(), Revision.objects.count(), WorkflowState.objects.count()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Donnez un titre à votre atelier."),
        (
            {"title": "x" * 121},
            "title",
            "Le titre doit faire au plus 120 caractères (il en fait 121).",
        ),
        ({"pitch": ""}, "pitch", "Dites en une phrase ce que les participants y gagnent."),
        ({"pitch": "x" * 201}, "pitch", "Au plus 200 caractères (il y en a 201)."),
        ({"description": "x" * 3001}, "description", "Au plus 3000 caractères (il y en a 3001)."),
        ({"duration_minutes": ""}, "duration_minutes", "Indiquez la durée en minutes."),
        (
            {"duration_minutes": "une heure"},
            "duration_minutes",
            "Indiquez la durée en nombre entier de minutes.",
        ),
        ({"duration_minutes": "10"}, "duration_minutes", "Un atelier dure au moins 15 minutes."),
        (
            {"duration_minutes": "481"},
            "duration_minutes",
            "Un atelier dure au plus 8 heures (480 minutes).",
        ),
        ({"format": ""}, "format", "Ce champ est obligatoire."),
        (
            {"format": "underwater"},
            "format",
            "Sélectionnez un choix valide. underwater n’en fait pas partie.",
        ),
        (
            {"preferred_date_1": "", "preferred_date_3": ""},
            "preferred_date_1",
            "Indiquez au moins une date qui vous conviendrait.",
        ),
        (
            {"preferred_date_3": "31/02/2030"},
            "preferred_date_3",
            "Saisissez une date valide, par exemple 15/09/2026.",
        ),
    ],
)
def test_invalid_proposals_are_refused_and_nothing_is_created(
    client, agent, catalog, overrides, field, message
):
    client.force_login(agent)
    before = counts()
    response = client.post(PROPOSE_URL, valid_data(**overrides))

    assert response.status_code == 400
    assert counts() == before  # no page, no revision, no workflow
    assert not WorkshopPage.objects.filter(proposed_by=agent).exists()
    assert list(response.context["form"].errors) == [field]
    # The reader sees the French message, under the field and in the summary that leads to it.
    assert field_errors(response) == {field: message}
    label = str(response.context["form"][field].label)
    assert summary_errors(response) == [(field, f"{label} : {message}")]
    page = text_of(response)
    assert "<title>Erreur : Proposer un atelier" in page
    assert "Veuillez corriger les points suivants :" in page
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html  # the summary leads to the field
    assert 'aria-invalid="true"' in html


def test_an_empty_proposal_shows_every_missing_field_in_french(client, agent, catalog):
    client.force_login(agent)
    before = counts()
    response = client.post(PROPOSE_URL, {})

    assert response.status_code == 400
    assert counts() == before
    assert field_errors(response) == {
        "title": "Donnez un titre à votre atelier.",
        "pitch": "Dites en une phrase ce que les participants y gagnent.",
        "duration_minutes": "Indiquez la durée en minutes.",
        "format": "Ce champ est obligatoire.",
        "preferred_date_1": "Indiquez au moins une date qui vous conviendrait.",
    }
    # The summary in the order of the form, with the French labels.
    assert summary_errors(response) == [
        ("title", "Titre de l'atelier : Donnez un titre à votre atelier."),
        ("pitch", "En une phrase : Dites en une phrase ce que les participants y gagnent."),
        ("duration_minutes", "Durée (minutes) : Indiquez la durée en minutes."),
        ("format", "Format : Ce champ est obligatoire."),
        (
            "preferred_date_1",
            "Première date souhaitée : Indiquez au moins une date qui vous conviendrait.",
        ),
    ]


def test_a_refused_proposal_keeps_what_was_typed(client, agent, catalog):
    series = SeriesFactory(name="Management")
    client.force_login(agent)
    data = valid_data(
        title="L'atelier « zéro réunion »",
        series=series.pk,
        duration_minutes="10",  # the one error
        format=EventFormat.REMOTE,
        preferred_date_2=in_days(25),
    )
    response = client.post(PROPOSE_URL, data)

    assert response.status_code == 400
    assert field_errors(response) == {"duration_minutes": "Un atelier dure au moins 15 minutes."}
    page = text_of(response)
    assert 'value="L\'atelier « zéro réunion »"' in page
    assert 'value="Des réunions plus courtes, où chacun parle."' in page
    assert 'value="10"' in page
    for day in (30, 25, 20):
        assert f'value="{in_days(day)}"' in page
    # The description is kept, still escaped in the HTML (never markup).
    html = response.content.decode()
    assert "À apporter : &lt;b&gt;un minuteur&lt;/b&gt;</textarea>" in html
    assert f'<option value="{series.pk}" selected>Management</option>' in html
    assert f'<option value="{EventFormat.REMOTE}" selected>' in html


def test_dates_in_the_past_are_refused(client, agent, catalog):
    client.force_login(agent)
    before = counts()
    response = client.post(
        PROPOSE_URL, valid_data(preferred_date_1=in_days(-3), preferred_date_2=in_days(0))
    )

    assert response.status_code == 400
    assert counts() == before  # no page, no revision, no workflow
    # Yesterday and today are refused, the date in 20 days is fine: the French text shows.
    assert field_errors(response) == {
        "preferred_date_1": "Choisissez des dates à venir.",
        "preferred_date_2": "Choisissez des dates à venir.",
    }
    assert summary_errors(response) == [
        ("preferred_date_1", "Première date souhaitée : Choisissez des dates à venir."),
        (
            "preferred_date_2",
            "Deuxième date souhaitée (facultatif) : Choisissez des dates à venir.",
        ),
    ]
    # What was typed is kept, the refused dates too (to correct them).
    html = text_of(response)
    assert 'value="Animer une réunion debout"' in html
    for day in (-3, 0, 20):
        assert f'value="{in_days(day)}"' in html


def test_no_live_catalogue_means_proposals_are_closed(client, agent, home_page):
    client.force_login(agent)
    count = Page.objects.count()
    response = client.get(PROPOSE_URL)
    assert response.status_code == 404
    assert response.context["catalog"] is None
    assert "form" not in response.context
    assert client.post(PROPOSE_URL, valid_data()).status_code == 404
    assert Page.objects.count() == count


# The training team's answer


def test_the_team_accepts_a_proposal(
    client, agent, team_member, proposed, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(team_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, proposed, "approve")
    assert response.status_code == 302

    proposed.refresh_from_db()
    assert proposed.live
    assert proposed.current_workflow_state is None
    (message,) = ours(mail.outbox)
    assert proposed.title in message.subject
    assert message.to == [agent.email]
    assert "http://127.0.0.1:8000/ateliers/animer-une-reunion-debout/" in message.body
    assert "/mes-propositions/" in message.body
    assert "&#x27;" not in message.subject + message.body

    client.force_login(agent)
    (proposal,) = client.get(MY_PROPOSALS_URL).context["proposals"]
    assert proposal.status == proposals.ProposalStatus.PUBLISHED


def test_the_team_declines_a_proposal_with_a_message(
    client, agent, team_member, proposed, django_capture_on_commit_callbacks
):
    why = "Ce sujet est déjà couvert par l'atelier « Réunions efficaces » : rejoignez-le !"
    mail.outbox.clear()
    client.force_login(team_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, proposed, "reject", comment=why)
    assert response.status_code == 302

    proposed.refresh_from_db()
    assert not proposed.live
    (message,) = ours(mail.outbox)
    assert proposed.title in message.subject
    assert message.to == [agent.email]
    assert why in message.body  # the text e-mail is not HTML-escaped

    client.force_login(agent)
    response = client.get(MY_PROPOSALS_URL)
    (proposal,) = response.context["proposals"]
    assert proposal.status == proposals.ProposalStatus.DECLINED
    assert proposal.comment == why
    html = response.content.decode()
    assert str(proposals.ProposalStatus.DECLINED.label) in html
    assert "Ce sujet est déjà couvert par l&#x27;atelier" in html


def test_an_agent_cannot_approve_a_proposal(client, proposed, django_capture_on_commit_callbacks):
    colleague = UserFactory()
    client.force_login(colleague)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = workflow_action(client, proposed, "approve")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    proposed.refresh_from_db()
    assert not proposed.live
    assert proposed.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not ours(mail.outbox)


def test_the_proposer_cannot_approve_their_own_proposal(client, agent, proposed):
    client.force_login(agent)
    workflow_action(client, proposed, "approve")
    proposed.refresh_from_db()
    assert not proposed.live


def test_a_later_review_of_a_published_workshop_does_not_notify_the_proposer(
    agent, team_member, proposed, django_capture_on_commit_callbacks
):
    task_state = proposed.current_workflow_task_state
    task_state.task.specific.on_action(task_state, team_member, "approve")
    proposed.refresh_from_db()
    assert proposed.live

    proposed.summary = "Un nouveau résumé."
    proposed.save_revision(user=team_member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        state = proposed.get_workflow().start(proposed, team_member)
        state.current_task_state.task.specific.on_action(
            state.current_task_state, team_member, "reject", comment="Non."
        )
    assert not ours(mail.outbox)


def test_my_proposals_lists_only_mine(client, agent, catalog):
    client.force_login(agent)
    client.post(PROPOSE_URL, valid_data())
    colleague = UserFactory()
    client.force_login(colleague)
    response = client.get(MY_PROPOSALS_URL)
    assert response.status_code == 200
    assert response.context["proposals"] == []
    assert response.content.decode().count("<h1") == 1
