"""Feedback after a session and the follow-up six weeks later: how impact is measured.

Sending: each step records what it sends on the invitation, in the same transaction as the
e-mail is queued (sent once committed), and skips rows another run holds locked, so the
command can run every few minutes, even twice at once, and still send each e-mail once.

Answering: the token works once. The invitation's row is locked while the answer is stored,
so a double click stores one answer. The answer keeps its session and its day, never its
author: nothing links an answer back to the invitation it came from.

Results: hidden below ``ATELIER_FEEDBACK_MIN_ANSWERS`` answers, so that no figure or comment
can be traced to one person.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from events import notifications
from events.models import (
    Applied,
    Attendance,
    EventPage,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    Registration,
    Session,
    UsefulSkills,
)
from events.services.attendance import TEAM_PERMISSION

REMINDER_DELAY = timedelta(days=3)
FOLLOWUP_DELAY = timedelta(weeks=6)
# A questionnaire about a session long past is noise: a roll call closed longer ago than this
# (say, before the feature was deployed) brings no invitation.
INVITATION_WINDOW = timedelta(days=14)


class AlreadyAnswered(Exception):
    """The token was used: one answer per person, the replay changes nothing."""


class InvitationNotFound(LookupError):
    """No such token, or its holder may not answer (not present, follow-up not sent yet)."""


class NotAttended(InvitationNotFound):
    """The token is real but its holder is recorded absent (a roll call corrected after the
    e-mail): only those present give their opinion of a session."""


# ---------------------------------------------------------------------------------------------
# Sending


def _links(invitation):
    return {
        "feedback_url": notifications.absolute(reverse("events:feedback", args=[invitation.token])),
        "followup_url": notifications.absolute(
            reverse("events:followup", args=[invitation.followup_token])
        ),
    }


def _mail(template):
    def notify(invitation):
        registration = invitation.registration
        context = {
            "user": registration.user,
            "session": registration.session,
            "event": registration.session.event,
            **_links(invitation),
        }
        notifications.send(template, registration.user, context)

    return notify


feedback_request = _mail("feedback_request")
feedback_reminder = _mail("feedback_reminder")
followup_request = _mail("followup_request")


def _locked_invitations(**filters):
    return (
        FeedbackInvitation.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(**filters)
        .select_related("registration__user", "registration__session__event")
    )


def invite_attendees(now=None):
    """One invitation, and its e-mail, for each attendee of a session whose roll call is
    closed (recently: see ``INVITATION_WINDOW``). Returns how many were sent."""
    now = now or timezone.now()
    with transaction.atomic():
        registrations = list(
            Registration.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                attendance=Attendance.PRESENT,
                session__roll_call_closed_at__isnull=False,
                # Counted from the session's end, so that the questionnaire always comes
                # weeks before the follow-up, even for a roll call closed late.
                session__end__gt=now - INVITATION_WINDOW,
                feedback_invitation__isnull=True,
            )
            .select_related("user", "session__event")
        )
        for registration in registrations:
            invitation = FeedbackInvitation.objects.create(registration=registration, sent_at=now)
            notifications.send_after_commit(feedback_request, invitation)
    return len(registrations)


def remind_attendees(now=None):
    """One reminder, three days after the questionnaire, to those who have not answered."""
    now = now or timezone.now()
    with transaction.atomic():
        invitations = list(
            _locked_invitations(
                answered=False,
                reminder_sent_at__isnull=True,
                sent_at__lte=now - REMINDER_DELAY,
                registration__attendance=Attendance.PRESENT,
            )
        )
        for invitation in invitations:
            invitation.reminder_sent_at = now
            invitation.save(update_fields=["reminder_sent_at"])
            notifications.send_after_commit(feedback_reminder, invitation)
    return len(invitations)


def send_followups(now=None):
    """Six weeks after the session, every attendee invited, answered or not, is asked once
    whether they put it into practice."""
    now = now or timezone.now()
    with transaction.atomic():
        invitations = list(
            _locked_invitations(
                followup_sent_at__isnull=True,
                registration__session__end__lte=now - FOLLOWUP_DELAY,
                registration__attendance=Attendance.PRESENT,
            )
        )
        for invitation in invitations:
            invitation.followup_sent_at = now
            invitation.save(update_fields=["followup_sent_at"])
            notifications.send_after_commit(followup_request, invitation)
    return len(invitations)


def send_feedback(now=None):
    """Every step the command runs, each in its own transaction; how many e-mails each sent."""
    now = now or timezone.now()
    return {
        "invitations": invite_attendees(now),
        "reminders": remind_attendees(now),
        "followups": send_followups(now),
    }


# ---------------------------------------------------------------------------------------------
# Answering


def _invitation(token_field, token, lock=False):
    """The invitation an attendee holds, else :class:`InvitationNotFound`. An absent person
    has no invitation; one corrected to absent after the fact cannot answer either."""
    queryset = FeedbackInvitation.objects.select_related("registration__session__event")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    invitation = queryset.filter(**{token_field: token}).exclude(**{token_field: ""}).first()
    if invitation is None:
        raise InvitationNotFound(token)
    if invitation.registration.attendance != Attendance.PRESENT:
        raise NotAttended(token)
    return invitation


def feedback_invitation(token):
    """For the questionnaire's page: the invitation behind ``token``."""
    return _invitation("token", token)


def followup_invitation(token):
    """For the follow-up's page: only once its e-mail was sent (six weeks after)."""
    invitation = _invitation("followup_token", token)
    if invitation.followup_sent_at is None:
        raise InvitationNotFound(token)
    return invitation


def answer_feedback(token, rating, useful_skills, will_apply="", comment="", now=None):
    """Store the anonymous answer and use up the token, in one transaction under the
    invitation's lock. Raises :class:`InvitationNotFound` or :class:`AlreadyAnswered`."""
    with transaction.atomic():
        invitation = _invitation("token", token, lock=True)
        if invitation.answered:
            raise AlreadyAnswered(token)
        answer = FeedbackAnswer.objects.create(
            session_id=invitation.registration.session_id,
            rating=rating,
            useful_skills=useful_skills,
            will_apply=will_apply,
            comment=comment,
            answered_on=timezone.localdate(now or timezone.now()),
        )
        invitation.answered = True
        invitation.save(update_fields=["answered"])
    return answer


def answer_followup(token, applied, comment="", now=None):
    """The same for the six-week follow-up (its own token, usable once it was sent)."""
    with transaction.atomic():
        invitation = _invitation("followup_token", token, lock=True)
        if invitation.followup_sent_at is None:
            raise InvitationNotFound(token)
        if invitation.followup_answered:
            raise AlreadyAnswered(token)
        answer = FollowUpAnswer.objects.create(
            session_id=invitation.registration.session_id,
            applied=applied,
            comment=comment,
            answered_on=timezone.localdate(now or timezone.now()),
        )
        invitation.followup_answered = True
        invitation.save(update_fields=["followup_answered"])
    return answer


# ---------------------------------------------------------------------------------------------
# Results


def min_answers():
    return settings.ATELIER_FEEDBACK_MIN_ANSWERS


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


@dataclass
class Results:
    """The figures of a session, an event or a series. Every figure that comes from answers
    is None while ``hidden_reason`` (resp. ``followup_hidden_reason``) says why."""

    invited: int = 0
    answers: int = 0
    response_rate: float | None = None  # percent
    satisfaction: float | None = None  # mean rating, out of 5
    useful_share: float | None = None  # percent of answers: yes or rather yes
    followup_answers: int = 0
    applied_share: float | None = None  # percent of follow-up answers: yes or partly
    comments: list = field(default_factory=list)
    hidden_reason: str | None = None
    followup_hidden_reason: str | None = None

    @property
    def hidden(self):
        return self.hidden_reason is not None


ANSWER_FIGURES = {
    "answers": Count("pk"),
    "rating_mean": Avg("rating"),
    "useful": Count("pk", filter=Q(useful_skills__in=[UsefulSkills.YES, UsefulSkills.RATHER_YES])),
}
FOLLOWUP_FIGURES = {
    "followup_answers": Count("pk"),
    "applied": Count("pk", filter=Q(applied__in=[Applied.YES, Applied.PARTLY])),
}


def _too_few():
    return _("Results hidden: fewer than %(count)s answers.") % {"count": min_answers()}


def build_results(invited, answer_row, followup_row):
    answer_row = answer_row or {}
    followup_row = followup_row or {}
    results = Results(
        invited=invited,
        answers=answer_row.get("answers", 0),
        followup_answers=followup_row.get("followup_answers", 0),
    )
    if results.answers < min_answers():
        results.hidden_reason = _too_few()
    else:
        results.response_rate = _percent(results.answers, invited)
        results.satisfaction = round(answer_row["rating_mean"], 1)
        results.useful_share = _percent(answer_row["useful"], results.answers)
    if results.followup_answers < min_answers():
        results.followup_hidden_reason = _too_few()
    else:
        results.applied_share = _percent(followup_row["applied"], results.followup_answers)
    return results


def closed_sessions(sessions):
    """Sessions whose roll call is closed: the only ones with invitations and answers."""
    return sessions.filter(roll_call_closed_at__isnull=False)


def results_for(sessions):
    """The figures of all ``sessions`` together, with their comments (shown only when there
    are enough answers), in a fixed number of queries."""
    session_ids = closed_sessions(sessions).values("pk")
    answers = FeedbackAnswer.objects.filter(session__in=session_ids)
    followups = FollowUpAnswer.objects.filter(session__in=session_ids)
    invited = FeedbackInvitation.objects.filter(registration__session__in=session_ids).count()
    answer_row = answers.aggregate(**ANSWER_FIGURES)
    followup_row = followups.aggregate(**FOLLOWUP_FIGURES)
    results = build_results(invited, answer_row, followup_row)
    comments = []
    if not results.hidden:
        for will_apply, comment in answers.values_list("will_apply", "comment"):
            comments += [text for text in (will_apply, comment) if text.strip()]
    if results.followup_hidden_reason is None:
        comments += [text for text in followups.values_list("comment", flat=True) if text.strip()]
    # Sorted by text: neither the order of arrival nor a date can point to someone.
    results.comments = sorted(comments, key=str.casefold)
    return results


def _grouped(queryset, session_field, figures):
    """``{session id: figures}`` in one query."""
    return {
        row.pop("group"): row
        for row in queryset.values(group=F(session_field)).annotate(**figures).order_by()
    }


def results_per_session(sessions):
    """``[(session, Results)]`` for each closed session, figures only (comments are shown
    for the whole event, where they cannot be tied to a small group), in four queries.

    A session's figures are also hidden when the sessions hidden beside it hold between one
    and ``min_answers() - 1`` answers: the whole's figures minus the shown ones would reveal
    theirs."""
    sessions = list(closed_sessions(sessions).select_related("event").order_by("start"))
    ids = [session.pk for session in sessions]
    invited = {
        group: row["n"]
        for group, row in _grouped(
            FeedbackInvitation.objects.filter(registration__session__in=ids),
            "registration__session",
            {"n": Count("pk")},
        ).items()
    }
    answers = _grouped(FeedbackAnswer.objects.filter(session__in=ids), "session", ANSWER_FIGURES)
    followups = _grouped(
        FollowUpAnswer.objects.filter(session__in=ids), "session", FOLLOWUP_FIGURES
    )
    rows = [
        (s, build_results(invited.get(s.pk, 0), answers.get(s.pk), followups.get(s.pk)))
        for s in sessions
    ]
    protect_the_rest(rows, "answers", "hidden_reason", hide_answers)
    protect_the_rest(rows, "followup_answers", "followup_hidden_reason", hide_followups)
    return rows


def _deducible():
    return _("Results hidden so that the answers of a smaller session cannot be deduced.")


def hide_answers(results):
    results.response_rate = results.satisfaction = results.useful_share = None
    results.hidden_reason = _deducible()


def hide_followups(results):
    results.applied_share = None
    results.followup_hidden_reason = _deducible()


def protect_the_rest(rows, count_name, reason_name, hide):
    """Complementary suppression: hide the smallest shown sessions until what stays hidden
    is none or enough answers, so that no subtraction from the whole reveals it."""
    shown = sorted(
        (results for _session, results in rows if getattr(results, reason_name) is None),
        key=lambda results: getattr(results, count_name),
    )
    rest = sum(
        getattr(results, count_name)
        for _session, results in rows
        if getattr(results, reason_name) is not None
    )
    while shown and 0 < rest < min_answers():
        smallest = shown.pop(0)
        rest += getattr(smallest, count_name)
        hide(smallest)


def event_results(event):
    """The whole workshop or event, all its closed sessions together."""
    return results_for(Session.objects.filter(event=event))


def series_results(series):
    return results_for(Session.objects.filter(event__series=series))


def may_see_results(user, event):
    """The event's facilitators (of the page or of any of its sessions) and the training
    team; they see figures, never who answered what."""
    if not user.is_authenticated:
        return False
    if user.has_perm(TEAM_PERMISSION):
        return True
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Q(facilitated_events=event) | Q(facilitated_sessions__event=event),
        )
        .exists()
    )


def event_for_results(page_id):
    """The event page whose results are asked for, or None."""
    return EventPage.objects.filter(pk=page_id).first()
