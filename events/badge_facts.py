"""The facts this app hands to the badge rules of ``community``, and when to re-evaluate them.

A session counts once it was held: its roll call is closed (status done). Its facilitators are
the ones it names, else its workshop's (``events.services.attendance.by_facilitator``). Each
fact measures many people in two or three aggregate queries.

Completing a training path is one fact per path (a family of ``community.badges.facts``):
the training team picks the path in the badge's rule.
"""

from collections import defaultdict

from django.db.models import Count, Sum
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from community.badges import facts
from community.badges.awards import evaluate_after_commit
from events.models import (
    Attendance,
    FeedbackAnswer,
    Registration,
    RegistrationStatus,
    Session,
    WorkshopPage,
)
from events.models.sessions import SessionStatus
from events.services import attendance, feedback
from resources.models import TrainingPathPage

SESSIONS_FACILITATED = "events.sessions_facilitated"
FIRST_SESSION_FACILITATED = "events.first_session_facilitated"
AGENTS_TRAINED = "events.agents_trained"
FEEDBACK_AVERAGE = "events.feedback_average"
# One fact per published path with a workshop step: "events.path_completed:<page id>".
PATH_COMPLETED = "events.path_completed:"


def held_sessions():
    return feedback.closed_sessions(Session.objects.filter(status=SessionStatus.DONE))


def _facilitations(user_ids):
    """``{person: {session id: (start, event id)}}`` of the held sessions they facilitated,
    in two queries, once per evaluation (three facts start from it)."""
    return facts.shared(_held_facilitations, user_ids)


def _held_facilitations(user_ids):
    found = defaultdict(dict)
    for queryset, person in attendance.by_facilitator(held_sessions(), user_ids):
        for user_id, session_id, start, event_id in queryset.values_list(
            person, "pk", "start", "event_id"
        ).distinct():
            found[user_id][session_id] = (start, event_id)
    return found


def _latest_event(sessions):
    """The page of the person's most recent held session: what a badge links as evidence."""
    return max(sessions.values())[1]


@facts.register(SESSIONS_FACILITATED, _("Sessions facilitated (roll call closed)"))
def sessions_facilitated(user_ids):
    return {
        user_id: facts.Measure(
            facts.as_decimal(len(sessions)), evidence_page_id=_latest_event(sessions)
        )
        for user_id, sessions in _facilitations(user_ids).items()
    }


@facts.register(FIRST_SESSION_FACILITATED, _("First session facilitated (1 once done)"))
def first_session_facilitated(user_ids):
    return {
        user_id: facts.Measure(facts.as_decimal(1), evidence_page_id=min(sessions.values())[1])
        for user_id, sessions in _facilitations(user_ids).items()
    }


@facts.register(AGENTS_TRAINED, _("Distinct agents trained (present at their sessions)"))
def agents_trained(user_ids):
    """Distinct people marked present at the held sessions one facilitated (never oneself)."""
    present = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        attendance=Attendance.PRESENT,
        session__in=held_sessions(),
    )
    trained = defaultdict(set)
    latest = {}
    for queryset, person in attendance.by_facilitator(present, user_ids, prefix="session__"):
        rows = queryset.values_list(person, "user_id", "session__start", "session__event_id")
        for user_id, agent_id, start, event_id in rows.distinct():
            if agent_id != user_id:
                trained[user_id].add(agent_id)
                latest[user_id] = max(latest.get(user_id, (start, event_id)), (start, event_id))
    return {
        user_id: facts.Measure(facts.as_decimal(len(agents)), evidence_page_id=latest[user_id][1])
        for user_id, agents in trained.items()
    }


@facts.register(
    FEEDBACK_AVERAGE, _("Average feedback rating (out of 5) over their sessions"), average=True
)
def feedback_average(user_ids):
    """The mean rating of the answers to the held sessions one facilitated, counting only
    sessions with enough answers to be shown at all (the anonymity rule of
    ``events.services.feedback``); ``sample`` is the number of those sessions."""
    facilitations = _facilitations(user_ids)
    session_ids = {session_id for sessions in facilitations.values() for session_id in sessions}
    if not session_ids:
        return {}
    # Everyone's: every held session (a subquery); a few people's: only their sessions.
    sessions = held_sessions() if user_ids is None else session_ids
    enough = (
        FeedbackAnswer.objects.filter(session__in=sessions)
        .values("session")
        .annotate(answers=Count("pk"), total=Sum("rating"))
        .filter(answers__gte=feedback.min_answers())
        .order_by()
    )
    figures = {row["session"]: (row["answers"], row["total"]) for row in enough}
    measures = {}
    for user_id, sessions in facilitations.items():
        counted = [figures[session_id] for session_id in sessions if session_id in figures]
        if counted:
            answers = sum(n for n, _total in counted)
            total = sum(t for _n, t in counted)
            measures[user_id] = facts.Measure(
                facts.as_decimal(total / answers), sample=len(counted)
            )
    return measures


# ---------------------------------------------------------------------------------------------
# Completing a training path: present at a held session of every workshop it names.


def _paths_with_workshops():
    """The published paths that name at least one workshop: only those can be completed."""
    paths = TrainingPathPage.objects.live().only("pk", "title", "steps").order_by("title")
    return [path for path in paths if path.step_workshop_ids()]


def _path_listing():
    return [(path.pk, _path_label(path.title)) for path in _paths_with_workshops()]


def _path_label(title):
    return _("Path completed: %(title)s") % {"title": title}


def _path_label_of(path_id):
    title = TrainingPathPage.objects.filter(pk=path_id).values_list("title", flat=True).first()
    return _path_label(title or f"#{path_id}")


@facts.register_family(PATH_COMPLETED, listing=_path_listing, label=_path_label_of)
def path_completed(path_id, user_ids):
    """1 for the people present at a held session of each workshop of the path (a workshop
    deleted since no longer counts), in three queries whatever the number of people; the
    evidence is the path. A path with no workshop step is completed by nobody."""
    path = TrainingPathPage.objects.live().filter(pk=path_id).only("pk", "steps").first()
    if path is None:
        return {}
    required = set(
        WorkshopPage.objects.filter(pk__in=path.step_workshop_ids()).values_list("pk", flat=True)
    )
    if not required:
        return {}
    present = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        attendance=Attendance.PRESENT,
        session__in=held_sessions(),
        session__event_id__in=required,
    )
    if user_ids is not None:
        present = present.filter(user_id__in=user_ids)
    attended = defaultdict(set)
    for user_id, event_id in present.values_list("user_id", "session__event_id").distinct():
        attended[user_id].add(event_id)
    return {
        user_id: facts.Measure(facts.as_decimal(1), evidence_page_id=path.pk)
        for user_id, workshops in attended.items()
        if workshops >= required
    }


# ---------------------------------------------------------------------------------------------
# When the facts change: a roll call closed, a questionnaire answered.


def _present_ids(session_ids):
    """Who was present at these sessions: their path may be completed now (one query)."""
    return set(
        Registration.objects.filter(
            session__in=session_ids,
            status=RegistrationStatus.CONFIRMED,
            attendance=Attendance.PRESENT,
        ).values_list("user_id", flat=True)
    )


@receiver(post_save, sender=Session, dispatch_uid="events_badges_roll_call_closed")
def roll_call_closed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.roll_call_closed_at is None or instance.status != SessionStatus.DONE:
        return
    if update_fields is not None and "roll_call_closed_at" not in update_fields:
        return
    evaluate_after_commit(
        lambda: {*attendance.facilitator_ids(instance), *_present_ids([instance.pk])}
    )


@receiver(post_save, sender=FeedbackAnswer, dispatch_uid="events_badges_feedback_answered")
def feedback_answered(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        evaluate_after_commit(lambda: attendance.facilitator_ids(instance.session))
