"""How the workshops answer training needs: adoption as a proposal, news of opened sessions.

``community`` keeps the needs board and its rules; it learns from here (registries filled at
import, from ``EventsConfig.ready()``) how many upcoming sessions each theme offers and where a
trainer proposes the workshop that answers a need. Once a session of the answering workshop
opens for registration, everyone who voted for the need hears it once (``NeedSessionNotice``).
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from community import needs
from community.models import NeedVote, TrainingNeed
from events import notifications, proposals
from events.models import Registration, Session
from events.models.need_notices import NeedSessionNotice
from events.services.registrations import registration_refusal

# The offer: upcoming sessions per theme.


@needs.register_offer_counter
def upcoming_sessions_by_theme(theme_ids):
    """{theme id: upcoming, scheduled sessions of visible workshops and events}. One query."""
    rows = (
        Session.objects.visible()
        .scheduled()
        .upcoming()
        .filter(event__themes__in=list(theme_ids))
        .order_by()
        .values("event__themes")
        .annotate(sessions=Count("pk", distinct=True))
    )
    return {row["event__themes"]: row["sessions"] for row in rows}


# Adoption: a trainer adopts a need through the usual proposal form (``?need=<id>``).


def proposal_form_url():
    """The proposal form; None while no catalogue takes proposals."""
    return reverse("events:propose") if proposals.open_catalog() is not None else None


needs.register_proposals(proposal_form_url, proposals.propose_workshop)


def initial_proposal(need):
    """What the proposal form starts with: the need's words, for the trainer to rework."""
    description = [_("Answers the training need “%(title)s”.") % {"title": need.title}]
    description.append(_("Why: %(why)s") % {"why": need.why})
    if need.audience:
        description.append(_("For whom: %(audience)s") % {"audience": need.audience})
    return {
        "title": Truncator(need.title).chars(120),
        "pitch": Truncator(" ".join(need.why.split())).chars(200),
        "description": "\n\n".join(description),
    }


def board_url():
    board = needs.needs_board()
    return (board.get_url() if board else None) or "/"


# Closing the loop: a session of the answering workshop opens for registration.


def _answering(event_id):
    """The listed needs that ``event_id`` answers: linked by the team, or adopted with a
    proposal that became this workshop."""
    return TrainingNeed.objects.listed().filter(
        Q(answered_by_id=event_id) | Q(proposal_id=event_id)
    )


def _to_tell(session):
    """Voters (authors included) of the needs the session's workshop answers, not yet told
    of this session and not already registered to it."""
    answered = _answering(session.event_id)
    return (
        get_user_model()
        .objects.filter(is_active=True, deleted_at__isnull=True)
        .exclude(email="")
        .filter(Q(need_votes__need__in=answered) | Q(training_needs__in=answered))
        .exclude(pk__in=NeedSessionNotice.objects.filter(session=session).values("user"))
        .exclude(pk__in=Registration.objects.filter(session=session).active().values("user"))
        .distinct()
    )


def open_answering_sessions(now):
    """Sessions of visible workshops answering a need, open for registration now."""
    listed = TrainingNeed.objects.listed()
    return (
        Session.objects.visible()
        .open_for_registration(now)
        .filter(
            Q(event__in=listed.filter(answered_by__isnull=False).values("answered_by"))
            | Q(event__in=listed.filter(proposal__isnull=False).values("proposal"))
        )
        .order_by("start", "pk")
    )


def announce_need_sessions(now=None):
    """Tell each voter, once per session, that a session answering their need takes
    registrations. Safe to run every few minutes, and twice at once. Returns the e-mails
    queued."""
    now = now or timezone.now()
    told = 0
    for session in open_answering_sessions(now):
        if _to_tell(session).exists():  # lock the session only when there is news
            told += _tell(session.pk, now)
    return told


def _tell(session_id, now):
    try:
        with transaction.atomic():
            session = (
                Session.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("event")
                .filter(pk=session_id)
                .first()
            )
            if session is None or registration_refusal(session, now):
                return 0
            people = list(_to_tell(session))
            if not people:
                return 0
            NeedSessionNotice.objects.bulk_create(
                [NeedSessionNotice(session=session, user=person) for person in people]
            )
            answered = list(_answering(session.event_id))
            voted = set(
                NeedVote.objects.filter(need__in=answered, voter__in=people).values_list(
                    "voter_id", "need_id"
                )
            )
            for person in people:
                theirs = [
                    need
                    for need in answered
                    if (person.pk, need.pk) in voted or need.author_id == person.pk
                ]
                notifications.send_after_commit(notify_session_opened, session, person, theirs)
    except IntegrityError:
        return 0  # another run told them meanwhile
    return len(people)


def notify_session_opened(session, user, answered_needs):
    context = {
        "session": session,
        "event": session.event,
        "user": user,
        "needs": answered_needs,
        "event_url": notifications.absolute(session.event.url or "/"),
        "board_url": notifications.absolute(board_url()),
    }
    notifications.send("need_session_opened", user, context)
