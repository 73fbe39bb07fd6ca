"""The demo's needs board: realistic needs with votes, some answered by workshops, one adopted
with a proposal in review, one closed; loading twice changes nothing."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from community.demo_needs import NEEDS
from community.models import NeedsBoardPage, NeedStatus, NeedVote, TrainingNeed
from community.tests.demo_loading import load_demo_quietly


@pytest.mark.django_db
def test_the_demo_needs_board(demo_content, client):
    board = NeedsBoardPage.objects.get()
    assert board.live and board.show_in_menus
    assert TrainingNeed.objects.count() == len(NEEDS) >= 10
    assert NeedVote.objects.count() > 40
    answered = TrainingNeed.objects.filter(answered_by__isnull=False)
    assert answered.count() >= 4
    assert set(answered.values_list("status", flat=True)) == {NeedStatus.SCHEDULED}
    adopted = TrainingNeed.objects.get(adopted_by__isnull=False)
    assert adopted.adopted_by.email == "amina.diallo@atelier.example"
    assert adopted.status == NeedStatus.STUDYING
    proposal = adopted.proposal.specific
    assert not proposal.live and proposal.proposed_by == adopted.adopted_by
    assert proposal.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert TrainingNeed.objects.filter(status=NeedStatus.CLOSED).count() == 1
    assert mail.outbox == []

    html = client.get("/").content.decode()
    assert f'href="{board.url}"' in html  # in the main menu
    response = client.get(board.url)
    assert response.status_code == 200
    assert "Manager une équipe à distance" in response.content.decode()

    votes = NeedVote.objects.count()
    load_demo_quietly()
    assert TrainingNeed.objects.count() == len(NEEDS)
    assert NeedVote.objects.count() == votes
    assert type(proposal).objects.filter(proposed_by=adopted.adopted_by).count() == 1
