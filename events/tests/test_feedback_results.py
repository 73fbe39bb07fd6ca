"""Feedback results: exact figures on known answers, hidden below the anonymity threshold, the
results page for facilitators and the training team only, the team's read-only admin."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from community.factories import UserFactory
from events.admin_views import local_label
from events.factories import (
    RegistrationFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopPageFactory,
)
from events.models import (
    Applied,
    Attendance,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    UsefulSkills,
)
from events.services import feedback
from events.tests.exports import ANSWERS, FOLLOWUPS, HEADINGS, workbook_rows

pytestmark = pytest.mark.django_db

START = datetime(2027, 3, 10, 13, 0, tzinfo=UTC)
Y, RY, RN, N = UsefulSkills.YES, UsefulSkills.RATHER_YES, UsefulSkills.RATHER_NO, UsefulSkills.NO


def held_session(event, invited=12, days=0, closed=True):
    """A session held ``days`` after 10 March 2027, its ``invited`` attendees invited."""
    start = START + timedelta(days=days)
    session = SessionFactory(
        event=event,
        start=start,
        end=start + timedelta(minutes=90),
        roll_call_closed_at=start + timedelta(hours=2) if closed else None,
    )
    session.invitations = [
        FeedbackInvitation.objects.create(
            registration=RegistrationFactory(
                session=session,
                # Names no other fixture can draw, so "no name on the page" cannot collide.
                user=UserFactory(last_name=f"Répondant{days:02d}x{n:02d}"),
                attendance=Attendance.PRESENT,
            ),
            sent_at=start + timedelta(hours=3),
            followup_sent_at=start + timedelta(weeks=6),
        )
        for n in range(invited)
    ]
    return session


def answer(session, ratings, useful=(), comments=()):
    for invitation, rating, skills, comment in zip(
        session.invitations,
        ratings,
        list(useful) or [Y] * len(ratings),
        list(comments) or [""] * len(ratings),
        strict=False,
    ):
        feedback.answer_feedback(invitation.token, rating, skills, comment=comment)


def follow_up(session, applied):
    for invitation, value in zip(session.invitations, applied, strict=False):
        feedback.answer_followup(invitation.followup_token, value)


# --- Figures -----------------------------------------------------------------------------------


def test_exact_figures_from_five_answers(workshop):
    session = held_session(workshop, invited=12)
    answer(session, [5, 4, 4, 3, 5], [Y, RY, Y, RN, RY])
    follow_up(session, [Applied.YES, Applied.PARTLY, Applied.NOT_YET, Applied.NO, Applied.YES])

    results = feedback.results_for(workshop.sessions.all())

    assert results.hidden_reason is None and results.followup_hidden_reason is None
    assert (results.invited, results.answers, results.followup_answers) == (12, 5, 5)
    assert results.response_rate == 41.7  # 5 / 12
    assert results.satisfaction == 4.2  # (5 + 4 + 4 + 3 + 5) / 5
    assert results.useful_share == 80.0  # yes and rather yes: 4 / 5
    assert results.applied_share == 60.0  # yes and partly: 3 / 5


def test_four_answers_hide_every_figure_and_comment(workshop):
    session = held_session(workshop, invited=12)
    answer(session, [5, 4, 4, 3], comments=["Bien", "Super", "Trop court", "Utile"])
    follow_up(session, [Applied.YES] * 4)

    results = feedback.results_for(workshop.sessions.all())

    assert results.hidden and results.hidden_reason
    assert results.followup_hidden_reason
    assert results.answers == 4
    assert results.response_rate is results.satisfaction is results.useful_share is None
    assert results.applied_share is None
    assert results.comments == []


def test_the_threshold_is_a_setting(workshop, settings):
    settings.ATELIER_FEEDBACK_MIN_ANSWERS = 3
    answer(held_session(workshop), [5, 4, 3])

    assert feedback.results_for(workshop.sessions.all()).satisfaction == 4.0


def test_comments_are_sorted_by_text_without_dates(workshop):
    session = held_session(workshop)
    answer(session, [5] * 5, comments=["Trop court", "", "bien rythmé", "Aucun", "Utile"])
    FeedbackAnswer.objects.filter(rating=5).update(will_apply="Zéro papier")

    results = feedback.results_for(workshop.sessions.all())

    assert results.comments == [
        "Aucun",
        "bien rythmé",
        "Trop court",
        "Utile",
        *["Zéro papier"] * 5,
    ]


def test_open_roll_calls_and_other_events_do_not_count(workshop):
    answer(held_session(workshop), [5] * 5)
    answer(held_session(workshop, closed=False, days=1), [1] * 5)  # not closed
    answer(held_session(WorkshopPageFactory(parent=workshop.get_parent())), [1] * 5)

    results = feedback.event_results(workshop)

    assert (results.invited, results.answers, results.satisfaction) == (12, 5, 5.0)


def test_series_results_gather_its_workshops(workshop):
    series = SeriesFactory()
    other = WorkshopPageFactory(parent=workshop.get_parent(), series=series)
    workshop.series = series
    workshop.save()
    answer(held_session(workshop, invited=4), [5, 5, 5])
    answer(held_session(other, invited=6), [2, 2])

    results = feedback.series_results(series)

    assert (results.invited, results.answers) == (10, 5)
    assert results.satisfaction == 3.8  # (15 + 4) / 5
    assert results.response_rate == 50.0


def test_per_session_figures_never_reveal_a_small_session_by_subtraction(workshop):
    big = held_session(workshop, days=0)
    small = held_session(workshop, days=7)
    biggest = held_session(workshop, days=14)
    answer(big, [4] * 5)
    answer(small, [1, 2])
    answer(biggest, [5] * 6)

    rows = dict(feedback.results_per_session(workshop.sessions.all()))

    # The whole (13 answers) is shown: showing both big sessions would give away the two
    # answers of the small one; hiding the smaller of them leaves 7 hidden answers.
    assert rows[small].hidden and rows[small].satisfaction is None
    assert rows[big].hidden and rows[big].satisfaction is None
    assert rows[biggest].satisfaction == 5.0
    assert feedback.results_for(workshop.sessions.all()).answers == 13


def test_per_session_figures_take_a_fixed_number_of_queries(workshop):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            feedback.results_per_session(workshop.sessions.all())
        return len(queries)

    answer(held_session(workshop, invited=6), [5] * 5)
    one = count_queries()
    for days in (7, 14, 21):
        answer(held_session(workshop, invited=6, days=days), [4] * 5)

    assert count_queries() == one


# --- The results page --------------------------------------------------------------------------


def results_url(event):
    return reverse("events:feedback_results", args=[event.pk])


@pytest.fixture
def answered(workshop):
    """Twelve attendees, five answers (ratings 5, 4, 4, 3, 5)."""
    session = held_session(workshop, invited=12)
    answer(session, [5, 4, 4, 3, 5], [Y, RY, Y, RN, RY], comments=["Très concret"] + [""] * 4)
    return session


def test_the_page_facilitator_sees_the_figures_but_no_names(client, trainer, workshop, answered):
    workshop.facilitators.add(trainer)
    workshop.save()
    client.force_login(trainer)

    response = client.get(results_url(workshop))

    assert response.status_code == 200
    total = response.context["total"]
    assert (total.response_rate, total.satisfaction, total.useful_share) == (41.7, 4.2, 80.0)
    [(session, results)] = response.context["rows"]
    assert session == answered and results.satisfaction == 4.2
    html = response.content.decode()
    assert "Très concret" in html
    for invitation in answered.invitations:
        user = invitation.registration.user
        assert user.email not in html
        assert user.last_name not in html
    assert html.count("<h1") == 1
    assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html


def test_a_session_facilitator_sees_them_too(client, workshop, answered):
    facilitator = UserFactory()
    answered.facilitators.add(facilitator)
    client.force_login(facilitator)

    assert client.get(results_url(workshop)).status_code == 200


def test_the_training_team_sees_every_event(client, team_member, workshop, answered):
    client.force_login(team_member)

    assert client.get(results_url(workshop)).status_code == 200


def test_under_the_threshold_the_page_says_results_are_hidden(client, team_member, workshop):
    answer(held_session(workshop), [5, 4, 4, 3], comments=["Secret"] * 4)
    client.force_login(team_member)

    response = client.get(results_url(workshop))

    total = response.context["total"]
    assert total.satisfaction is None
    html = response.content.decode()
    assert html.count(str(total.hidden_reason)) >= 3  # the session, the whole, follow-ups
    assert "Secret" not in html


def test_an_agent_or_another_trainer_gets_403(client, agent, trainer, workshop, answered):
    for user in (agent, trainer):  # the trainer facilitates nothing here
        client.force_login(user)
        assert client.get(results_url(workshop)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in_and_unknown_events_are_404(
    client, team_member, workshop
):
    response = client.get(results_url(workshop))
    assert response.status_code == 302

    client.force_login(team_member)
    assert client.get(reverse("events:feedback_results", args=[999999])).status_code == 404


# --- The training team's admin -----------------------------------------------------------------


def content_of(response):
    return b"".join(response.streaming_content).decode()


def test_the_team_lists_and_exports_answers_without_personal_data(client, team_member, answered):
    follow_up(answered, [Applied.YES])
    client.force_login(team_member)

    listing = client.get(reverse(ANSWERS))
    export = client.get(reverse(ANSWERS), {"export": "csv"})
    followups = client.get(reverse(FOLLOWUPS), {"export": "csv"})

    assert listing.status_code == 200
    assert len(listing.context["object_list"]) == 5
    rows = list(csv.reader(io.StringIO(content_of(export))))
    assert len(rows) == 6
    assert followups.status_code == 200
    text = content_of(export) + listing.content.decode()
    for invitation in answered.invitations:
        user = invitation.registration.user
        assert user.email not in text and user.last_name not in text
        assert invitation.token not in text


def test_the_listing_filters_by_rating_and_workshop(client, team_member, workshop, answered):
    other = WorkshopPageFactory(parent=workshop.get_parent())
    answer(held_session(other), [2, 2, 2, 2, 2])
    client.force_login(team_member)

    by_rating = client.get(reverse(ANSWERS), {"rating": "4"})
    by_workshop = client.get(reverse(ANSWERS), {"workshop": other.pk})

    assert [a.rating for a in by_rating.context["object_list"]] == [4, 4]
    assert [a.rating for a in by_workshop.context["object_list"]] == [2] * 5


def test_the_listing_hides_sessions_below_the_threshold_and_any_date(
    client, team_member, workshop, answered
):
    """The registrations listing says who was present: with four answers or fewer, an answer
    could be told apart, so none of them is listed; no day shows anywhere."""
    small = held_session(WorkshopPageFactory(parent=workshop.get_parent()), invited=4)
    answer(small, [1, 1, 1, 1])
    client.force_login(team_member)

    listing = client.get(reverse(ANSWERS))
    export = content_of(client.get(reverse(ANSWERS), {"export": "csv"}))

    assert sorted(a.rating for a in listing.context["object_list"]) == [3, 4, 4, 5, 5]
    assert "Répondu le" not in listing.content.decode() and "Répondu le" not in export


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def session_label(session):
    return f"{session.event.title} — {local_label(session.start)}"


def ways_to_write(day):
    """How a spreadsheet or a listing could write the day someone answered."""
    with translation.override("fr"):
        return {
            day.isoformat(),
            day.strftime("%d/%m/%Y"),
            day.strftime("%d/%m/%y"),
            date_format(day, "j F Y"),
            date_format(day, "l j F Y"),
        }


def test_the_xlsx_export_holds_only_the_answers_above_the_threshold_and_no_personal_data(
    client, team_member, workshop, answered, settings
):
    assert settings.ATELIER_FEEDBACK_MIN_ANSWERS == 5  # the anonymity threshold
    series = SeriesFactory(name="Bureautique")
    word = WorkshopPageFactory(parent=workshop.get_parent(), title="Word", series=series)
    six = held_session(word, days=7)
    for invitation, rating in zip(six.invitations, [2, 3, 2, 1, 2, 3], strict=False):
        feedback.answer_feedback(invitation.token, rating, N, will_apply="Les styles")
    small = held_session(WorkshopPageFactory(parent=workshop.get_parent()), days=14, invited=4)
    answer(small, [1, 1, 1, 1], comments=["Secret"] * 4)  # four answers: below the threshold
    client.force_login(team_member)

    export = client.get(reverse(ANSWERS), {"export": "xlsx"})
    listing = client.get(reverse(ANSWERS))

    assert export.status_code == 200
    assert export["Content-Type"] == XLSX_TYPE
    assert export["Content-Disposition"] == 'attachment; filename="avis.xlsx"'
    header, *rows = workbook_rows(export)
    assert header == HEADINGS[ANSWERS]
    assert "Répondu le" not in header and "Personne" not in header
    # Exactly the eleven answers of the two sessions with five answers or more, in the same
    # number as the listing; none of the small session's four.
    assert len(rows) == len(listing.context["object_list"]) == 11
    first, word_label = session_label(answered), session_label(six)
    assert sorted(rows, key=repr) == sorted(
        [
            (first, "Les tableaux croisés dynamiques", None, 5, "oui", None, "Très concret"),
            (first, "Les tableaux croisés dynamiques", None, 4, "plutôt oui", None, None),
            (first, "Les tableaux croisés dynamiques", None, 4, "oui", None, None),
            (first, "Les tableaux croisés dynamiques", None, 3, "plutôt non", None, None),
            (first, "Les tableaux croisés dynamiques", None, 5, "plutôt oui", None, None),
            *[
                (word_label, "Word", "Bureautique", rating, "non", "Les styles", None)
                for rating in (2, 3, 2, 1, 2, 3)
            ],
        ],
        key=repr,
    )
    # Nobody can be named or dated: no name, e-mail or token, no cell holding a date, and
    # the day of the answers written nowhere (the session's own date is public).
    cells = [cell for row in rows for cell in row]
    assert not any(isinstance(cell, date | datetime) for cell in cells)
    text = " ".join(str(cell) for cell in cells if cell is not None)
    assert "Secret" not in text and session_label(small) not in text
    for day in set(FeedbackAnswer.objects.values_list("answered_on", flat=True)):
        for written in ways_to_write(day):
            assert written not in text
    for session in (answered, six, small):
        for invitation in session.invitations:
            user = invitation.registration.user
            for personal in (user.email, user.last_name, user.first_name, invitation.token):
                assert personal not in text


def test_the_xlsx_export_follows_the_threshold_setting_and_the_filters(
    client, team_member, workshop, answered, settings
):
    small = held_session(WorkshopPageFactory(parent=workshop.get_parent()), days=14, invited=4)
    answer(small, [1, 1, 1, 1])
    client.force_login(team_member)

    settings.ATELIER_FEEDBACK_MIN_ANSWERS = 4
    lowered = workbook_rows(client.get(reverse(ANSWERS), {"export": "xlsx"}))
    by_rating = workbook_rows(client.get(reverse(ANSWERS), {"rating": "4", "export": "xlsx"}))
    settings.ATELIER_FEEDBACK_MIN_ANSWERS = 6
    raised = workbook_rows(client.get(reverse(ANSWERS), {"export": "xlsx"}))

    assert sorted(row[3] for row in lowered[1:]) == [1, 1, 1, 1, 3, 4, 4, 5, 5]
    assert [(row[0], row[3]) for row in by_rating[1:]] == [(session_label(answered), 4)] * 2
    assert raised == [HEADINGS[ANSWERS]]  # no session has six answers: only the header


def test_the_followup_xlsx_export_has_no_date_either(client, team_member, answered):
    follow_up(answered, [Applied.YES, Applied.PARTLY, Applied.NOT_YET, Applied.NO, Applied.YES])
    client.force_login(team_member)

    export = client.get(reverse(FOLLOWUPS), {"export": "xlsx"})

    assert export.status_code == 200
    assert export["Content-Disposition"] == 'attachment; filename="suivi-a-6-semaines.xlsx"'
    header, *rows = workbook_rows(export)
    assert header == HEADINGS[FOLLOWUPS]
    with translation.override("fr"):
        labels = [
            str(choice.label)
            for choice in (Applied.YES, Applied.PARTLY, Applied.NOT_YET, Applied.NO, Applied.YES)
        ]
    assert sorted(row[3] for row in rows) == sorted(labels)
    assert {row[0] for row in rows} == {session_label(answered)}
    assert not any(isinstance(cell, date | datetime) for row in rows for cell in row)


@pytest.mark.parametrize("ordering", [None, "session__event__title", "-useful_skills"])
def test_the_export_does_not_give_away_the_order_of_arrival(
    client, team_member, workshop, ordering
):
    """No date or arrival order: nothing that could match an answer to the person who left
    the room just before. Whatever the column sorted on, ties follow what the answers say."""
    session = held_session(workshop, invited=8)
    arrival = [2, 5, 1, 4, 3, 1, 5, 2]
    answer(session, arrival)
    client.force_login(team_member)
    query = {"export": "xlsx", **({"ordering": ordering} if ordering else {})}

    rows = workbook_rows(client.get(reverse(ANSWERS), query))[1:]

    assert [row[3] for row in rows] == sorted(arrival)


def test_nobody_adds_edits_or_deletes_an_answer(client, superuser, answered):
    client.force_login(superuser)
    an_answer = FeedbackAnswer.objects.first()

    add = client.post(reverse("events_feedback_answers:add"), {"rating": 1})
    edit = client.post(reverse("events_feedback_answers:edit", args=[an_answer.pk]), {"rating": 1})
    delete = client.post(reverse("events_feedback_answers:delete", args=[an_answer.pk]))

    assert {add.status_code, edit.status_code, delete.status_code} <= {302, 403}
    assert FeedbackAnswer.objects.count() == 5
    assert sorted(FeedbackAnswer.objects.values_list("rating", flat=True)) == [3, 4, 4, 5, 5]


@pytest.mark.parametrize("url", [ANSWERS, FOLLOWUPS])
def test_agents_and_trainers_cannot_see_the_answers(client, agent, trainer, url):
    for user in (agent, trainer):
        client.force_login(user)
        response = client.get(reverse(url))
        assert response.status_code in (302, 403)


def test_the_answers_are_in_the_team_events_menu(client, team_member, trainer):
    client.force_login(team_member)
    assert reverse(ANSWERS) in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(trainer)
    assert reverse(ANSWERS) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_policy_lists_the_team_among_readers(team_member, trainer, agent):
    policy = feedback_policy()

    readers = set(policy.users_with_any_permission(["view"]))
    editors = policy.users_with_any_permission(["change", "delete"])

    assert team_member in readers and trainer not in readers and agent not in readers
    assert not editors.exists()


def feedback_policy():
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(FollowUpAnswer)
