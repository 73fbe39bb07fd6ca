"""Feedback after a session: who is asked, when, how often; the single-use links; anonymity."""

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from community.factories import UserFactory
from community.models import User
from community.tests.pages import text_of
from events.factories import RegistrationFactory, SessionFactory
from events.models import (
    Applied,
    Attendance,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    UsefulSkills,
)
from events.services import feedback

pytestmark = pytest.mark.django_db

# In UTC, so that adding weeks across the change to summer time adds exactly that much.
START = datetime(2027, 3, 10, 13, 0, tzinfo=UTC)  # 14:00 in Paris
END = START + timedelta(minutes=90)
CLOSED = END + timedelta(minutes=15)
RUN = CLOSED + timedelta(minutes=5)  # the command's first run after the roll call


def attended_session(workshop, present=2, absent=1, unknown=0, closed=True):
    """A session held on 10 March 2027 at 14:00; its people by attendance."""
    session = SessionFactory(
        event=workshop, start=START, end=END, roll_call_closed_at=CLOSED if closed else None
    )
    people = {}
    for attendance, count in (
        (Attendance.PRESENT, present),
        (Attendance.ABSENT, absent),
        (Attendance.UNKNOWN, unknown),
    ):
        people[attendance] = [
            RegistrationFactory(session=session, attendance=attendance, queued_at=START)
            for _ in range(count)
        ]
    return session, people


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the command at ``moment``; the e-mails it sent."""

    def run_at(moment):
        mail.outbox.clear()
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("send_feedback", stdout=io.StringIO())
        return mail.outbox[:]

    return run_at


def recipients(messages):
    return sorted(address for message in messages for address in message.to)


def emails(registrations):
    return sorted(registration.user.email for registration in registrations)


def link_in(message, name):
    """The path of the questionnaire's link in ``message``."""
    prefix = reverse(f"events:{name}", args=["TOKEN"]).replace("TOKEN/", "")
    found = re.search(re.escape(prefix) + r"[\w-]+/", message.body)
    assert found, message.body
    return found.group(0)


# --- Sending -----------------------------------------------------------------------------------


def test_only_attendees_of_sessions_with_a_closed_roll_call_are_invited_once(workshop, run):
    session, people = attended_session(workshop, present=2, absent=1, unknown=1)
    attended_session(workshop, present=1, absent=0, closed=False)  # roll call still open

    first = run(RUN)
    second = run(RUN + timedelta(minutes=5))

    assert recipients(first) == emails(people[Attendance.PRESENT])
    assert second == []
    invitations = FeedbackInvitation.objects.all()
    assert sorted(i.registration_id for i in invitations) == sorted(
        r.pk for r in people[Attendance.PRESENT]
    )
    assert all(invitation.sent_at == RUN for invitation in invitations)
    # Each e-mail carries its own person's link.
    for message in first:
        invitation = invitations.get(registration__user__email=message.to[0])
        assert link_in(message, "feedback") == reverse("events:feedback", args=[invitation.token])


def test_a_session_held_long_ago_brings_no_questionnaire(workshop, run):
    attended_session(workshop, present=2)

    assert run(END + feedback.INVITATION_WINDOW + timedelta(minutes=1)) == []
    assert not FeedbackInvitation.objects.exists()


def test_the_window_counts_from_the_session_not_from_a_late_roll_call(workshop, run):
    """A roll call closed five weeks late must not bring the questionnaire a week before the
    six-week follow-up: the questionnaire window runs from the session's end."""
    session, _people = attended_session(workshop, present=2)
    late = END + timedelta(weeks=5)
    type(session).objects.filter(pk=session.pk).update(roll_call_closed_at=late)

    assert run(late + timedelta(minutes=5)) == []
    assert not FeedbackInvitation.objects.exists()


def test_the_absent_have_no_link(workshop, run, client):
    session, people = attended_session(workshop, present=1, absent=1)
    run(RUN)
    absent = people[Attendance.ABSENT][0]

    assert not FeedbackInvitation.objects.filter(registration=absent).exists()
    # A person marked absent after the e-mail (a corrected roll call) cannot answer either.
    invitation = FeedbackInvitation.objects.get()
    invitation.registration.attendance = Attendance.ABSENT
    invitation.registration.save()
    response = client.post(
        reverse("events:feedback", args=[invitation.token]),
        {"rating": 5, "useful_skills": UsefulSkills.YES},
    )
    assert response.status_code == 404
    assert "La feuille d'appel vous indique absent" in text_of(response)
    assert not FeedbackAnswer.objects.exists()


def test_one_reminder_three_days_later_to_those_who_have_not_answered(workshop, run):
    session, people = attended_session(workshop, present=3)
    run(RUN)
    answered, silent, other_silent = people[Attendance.PRESENT]
    feedback.answer_feedback(answered.feedback_invitation.token, 4, UsefulSkills.YES)

    too_early = run(RUN + timedelta(days=3) - timedelta(minutes=1))
    reminders = run(RUN + timedelta(days=3))
    again = run(RUN + timedelta(days=4))

    assert too_early == []
    assert recipients(reminders) == emails([silent, other_silent])
    assert again == []
    assert link_in(reminders[0], "feedback").startswith("/avis/")
    answered.feedback_invitation.refresh_from_db()
    assert answered.feedback_invitation.reminder_sent_at is None


def test_one_follow_up_six_weeks_after_to_every_attendee_answered_or_not(workshop, run):
    session, people = attended_session(workshop, present=2, absent=1)
    run(RUN)
    answered = people[Attendance.PRESENT][0]
    feedback.answer_feedback(answered.feedback_invitation.token, 4, UsefulSkills.YES)
    run(RUN + timedelta(days=3))  # the reminder

    too_early = run(END + timedelta(weeks=6) - timedelta(minutes=1))
    followups = run(END + timedelta(weeks=6))
    again = run(END + timedelta(weeks=7))

    assert too_early == []
    assert recipients(followups) == emails(people[Attendance.PRESENT])
    assert again == []
    for message in followups:
        invitation = FeedbackInvitation.objects.get(registration__user__email=message.to[0])
        assert link_in(message, "followup") == reverse(
            "events:followup", args=[invitation.followup_token]
        )


def test_a_rolled_back_step_sends_nothing_and_records_nothing(workshop, monkeypatch):
    """The invitation is recorded with the e-mail queued: if the step fails, neither stays."""
    attended_session(workshop, present=2)

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(feedback.FeedbackInvitation.objects, "create", broken)
    with time_machine.travel(RUN, tick=False), pytest.raises(RuntimeError):
        feedback.invite_attendees()

    assert not FeedbackInvitation.objects.exists()
    assert mail.outbox == []


# --- Answering ---------------------------------------------------------------------------------


@pytest.fixture
def invitation(workshop, run):
    attended_session(workshop, present=1, absent=0)
    run(RUN)
    return FeedbackInvitation.objects.select_related("registration__user").get()


def answer_data(**changes):
    return {
        "rating": 4,
        "useful_skills": UsefulSkills.RATHER_YES,
        "will_apply": "Les tableaux croisés pour le budget.",
        "comment": "Très concret.",
        **changes,
    }


@override_settings(ATELIER_SIGN_IN_REQUIRED=True)
def test_the_questionnaire_needs_no_sign_in_and_is_accessible(client, invitation):
    response = client.get(reverse("events:feedback", args=[invitation.token]))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<fieldset" in html and "<legend>" in html
    assert 'type="radio" name="rating" value="5"' in html
    assert 'for="id_rating_4"' in html  # each choice has its label
    assert 'for="id_comment"' in html
    assert "<button" in html


def test_an_answer_is_stored_anonymously_and_uses_the_token(client, invitation):
    url = reverse("events:feedback", args=[invitation.token])
    with time_machine.travel(RUN + timedelta(days=1, hours=3), tick=False):
        response = client.post(url, answer_data())

    assert response.status_code == 200
    assert response.context["already"] is False
    answer = FeedbackAnswer.objects.get()
    assert answer.session_id == invitation.registration.session_id
    assert (answer.rating, answer.useful_skills) == (4, UsefulSkills.RATHER_YES)
    assert answer.will_apply == "Les tableaux croisés pour le budget."
    assert answer.comment == "Très concret."
    assert answer.answered_on == (RUN + timedelta(days=1)).date()  # the day, no time
    invitation.refresh_from_db()
    assert invitation.answered


@pytest.mark.parametrize("model", [FeedbackAnswer, FollowUpAnswer])
def test_answers_carry_no_user_and_no_link_to_their_invitation(model):
    related = {field.related_model for field in model._meta.get_fields() if field.is_relation}
    assert User not in related
    assert FeedbackInvitation not in related
    assert not any(f.is_relation and f.related_model is model for f in User._meta.get_fields())
    assert not any(
        f.is_relation and f.related_model is model for f in FeedbackInvitation._meta.get_fields()
    )
    assert {f.name for f in model._meta.get_fields()} & {"created_at", "answered_at"} == set()


def test_a_replayed_link_says_already_answered_and_changes_nothing(client, invitation):
    url = reverse("events:feedback", args=[invitation.token])
    client.post(url, answer_data())

    replay = client.post(url, answer_data(rating=1, comment="Autre avis"))
    visit = client.get(url)

    assert replay.status_code == 200
    assert replay.context["already"] is True
    assert visit.context["already"] is True
    assert "form" not in visit.context
    answer = FeedbackAnswer.objects.get()
    assert (answer.rating, answer.comment) == (4, "Très concret.")


def test_a_double_submission_stores_one_answer(invitation):
    feedback.answer_feedback(invitation.token, 5, UsefulSkills.YES)

    with pytest.raises(feedback.AlreadyAnswered):
        feedback.answer_feedback(invitation.token, 2, UsefulSkills.NO)

    assert list(FeedbackAnswer.objects.values_list("rating", flat=True)) == [5]


@pytest.mark.parametrize("token", ["forged-token", "", "x" * 70])
def test_a_forged_link_is_not_found_and_stores_nothing(client, invitation, token):
    url = f"/avis/{token}/" if token else "/avis//"

    get = client.get(url)
    post = client.post(url, answer_data())

    assert get.status_code == 404 and post.status_code == 404
    if token:  # "/avis//" matches no route: the site's own 404
        assert "Ce lien de questionnaire n'est pas valable" in text_of(post)
        assert "Rien n'a été enregistré" in text_of(post)
    assert not FeedbackAnswer.objects.exists()
    invitation.refresh_from_db()
    assert not invitation.answered


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"rating": ""}, "rating"),
        ({"rating": 6}, "rating"),
        ({"useful_skills": "maybe"}, "useful_skills"),
        ({"comment": "x" * 2001}, "comment"),
    ],
)
def test_an_invalid_answer_is_refused_and_changes_nothing(client, invitation, changes, field):
    response = client.post(
        reverse("events:feedback", args=[invitation.token]), answer_data(**changes)
    )

    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'class="error-summary"' in html
    anchor = f"id_{field}_0" if field in ("rating", "useful_skills") else f"id_{field}"
    assert f'href="#{anchor}"' in html
    assert f'id="{anchor}"' in html
    assert not FeedbackAnswer.objects.exists()
    invitation.refresh_from_db()
    assert not invitation.answered


# --- The six-week follow-up --------------------------------------------------------------------


def test_the_follow_up_link_works_once_and_only_once_sent(client, invitation, run):
    url = reverse("events:followup", args=[invitation.followup_token])

    before = client.post(url, {"applied": Applied.PARTLY})
    run(END + timedelta(weeks=6))
    form = client.get(url)
    with time_machine.travel(END + timedelta(weeks=6, days=2), tick=False):
        answered = client.post(url, {"applied": Applied.PARTLY, "comment": "Un peu."})
    replay = client.post(url, {"applied": Applied.NO})

    assert before.status_code == 404
    assert form.status_code == 200 and "<legend>" in form.content.decode()
    assert answered.status_code == 200 and answered.context["already"] is False
    assert replay.status_code == 200 and replay.context["already"] is True
    answer = FollowUpAnswer.objects.get()
    assert (answer.applied, answer.comment) == (Applied.PARTLY, "Un peu.")
    assert answer.session_id == invitation.registration.session_id
    assert answer.answered_on == (END + timedelta(weeks=6, days=2)).date()
    invitation.refresh_from_db()
    assert invitation.followup_answered and not invitation.answered


def test_the_two_tokens_are_not_interchangeable(client, invitation, run):
    run(END + timedelta(weeks=6))

    wrong_way = client.post(
        reverse("events:feedback", args=[invitation.followup_token]), answer_data()
    )
    other_way = client.post(
        reverse("events:followup", args=[invitation.token]), {"applied": Applied.YES}
    )

    assert wrong_way.status_code == 404 and other_way.status_code == 404
    assert not FeedbackAnswer.objects.exists() and not FollowUpAnswer.objects.exists()


def test_someone_not_registered_has_no_way_in(client, invitation):
    client.force_login(UserFactory())

    response = client.get("/avis/suivi/anything/")

    assert response.status_code == 404
