"""The rules of the needs board: posting a need, “moi aussi”, adopting a need.

``community`` imports none of our other apps, so what only they know comes through two
registries filled in their ``AppConfig.ready()`` (``events.need_answers``):

- the *offer*: ``register_offer_counter(fn)``, ``fn(theme_ids) -> {theme_id: upcoming sessions}``;
- the *proposals*: ``register_proposals(form_url, propose)``: ``form_url()`` is the proposal
  form (it takes the need as ``?need=<id>``), or None while no catalogue takes proposals;
  ``propose(user, details)`` creates a workshop proposal, a draft in the training team's review.
"""

from functools import partial

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.models import NeedsBoardPage, NeedStatus, NeedVote, TrainingNeed
from community.roles import TRAINERS, is_training_team

_offer_counters = []
_proposals = {}


class NeedError(ValidationError):
    """A refusal, with its French message for the person who asked."""


# The registries.


def needs_board():
    """The live needs board page, or None while the site has none: where needs are shown."""
    return NeedsBoardPage.objects.live().first()


def register_offer_counter(count):
    """``count(theme_ids)`` returns ``{theme_id: number of upcoming sessions}``."""
    if count not in _offer_counters:
        _offer_counters.append(count)
    return count


def offer_by_theme(theme_ids):
    """The upcoming sessions per theme, summed over every registered counter."""
    theme_ids = list(theme_ids)
    totals = dict.fromkeys(theme_ids, 0)
    for count in _offer_counters:
        for theme_id, number in count(theme_ids).items():
            totals[theme_id] = totals.get(theme_id, 0) + number
    return totals


def register_proposals(form_url, propose):
    """The app that takes workshop proposals (one at most: the last wins)."""
    _proposals.update(form_url=form_url, propose=propose)


def adoption_url():
    """The proposal form, where a trainer adopts a need (``?need=<id>``), or None when no
    app takes proposals now."""
    return _proposals["form_url"]() if _proposals else None


def proposal_of(user, details):
    """What ``adopt`` calls to create ``user``'s proposal from ``details`` (for callers that
    do not know the proposing app, such as the demo)."""
    return partial(_proposals["propose"], user, details)


def theme_model():
    """The theme model, known through the need's foreign key (community imports no app)."""
    return TrainingNeed._meta.get_field("theme").related_model


# Who may do what.


def can_adopt(user):
    """Trainers and the training team may offer to facilitate a training for a need."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or is_training_team(user):
        return True
    return Group.objects.filter(name=TRAINERS, user=user).exists()


def adoption_refusal(need, user):
    """Why ``user`` may not adopt ``need`` now, or None if they may."""
    if not can_adopt(user):
        return _("Only trainers and the training team can offer to run a training.")
    return _need_refusal(need)


def _need_refusal(need):
    if need is None or need.hidden:
        return _("This need does not exist.")
    if need.status == NeedStatus.CLOSED:
        return _("This need is closed: it can no longer be adopted.")
    if need.adopted_by_id is not None:
        name = need.adopted_by.get_full_name() if need.adopted_by else ""
        return _("This need has already been adopted by %(name)s.") % {"name": name}
    return None


def need_to_adopt(user, need_id, queryset=None):
    """The need ``user`` may adopt, else a :class:`NeedError` saying why not
    (``PermissionDenied`` for someone who is neither a trainer nor in the team). The one check,
    on the proposal form and again, locked, when the proposal is created."""
    if not can_adopt(user):
        raise PermissionDenied
    need = None
    if str(need_id).isdigit():
        queryset = TrainingNeed.objects if queryset is None else queryset
        need = queryset.select_related("adopted_by", "theme").filter(pk=need_id).first()
    if refusal := _need_refusal(need):
        raise NeedError(refusal)
    return need


# What people do.


def post_need(user, cleaned_data):
    """Post a need; posting counts as its author's own “moi aussi”."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        need = TrainingNeed.objects.create(author=user, **cleaned_data)
        NeedVote.objects.create(need=need, voter=user)
    return need


def _voting_refusal(need):
    if need.hidden:
        return _("This need does not exist.")
    if not need.is_open_to_votes:
        return _("This need is closed: votes are no longer collected.")
    return None


def vote(need_id, user):
    """One “moi aussi” per agent and need: a second one is refused and changes nothing, even
    when two arrive at once (the database's unique constraint decides)."""
    if not user.is_authenticated:
        raise PermissionDenied
    need = TrainingNeed.objects.filter(pk=need_id).first()
    if need is None:
        raise NeedError(_("This need does not exist."))
    if refusal := _voting_refusal(need):
        raise NeedError(refusal)
    try:
        with transaction.atomic():
            NeedVote.objects.create(need=need, voter=user)
    except IntegrityError:
        raise NeedError(_("You have already voted for this need.")) from None
    return need


def withdraw_vote(need_id, user):
    """Take one's “moi aussi” back (not on a closed need: its count is the record)."""
    if not user.is_authenticated:
        raise PermissionDenied
    need = TrainingNeed.objects.filter(pk=need_id).first()
    if need is None or need.hidden:
        raise NeedError(_("This need does not exist."))
    if not need.is_open_to_votes:
        raise NeedError(_("This need is closed: votes can no longer change."))
    deleted, _rows = NeedVote.objects.filter(need=need, voter=user).delete()
    if not deleted:
        raise NeedError(_("You had not voted for this need."))
    return need


def adopt(need_id, user, create_proposal):
    """``user`` adopts the need: ``create_proposal()`` makes their workshop proposal (in the
    training team's review), linked to the need, which goes “under study”. The need is locked
    meanwhile, so two trainers never adopt it both."""
    with transaction.atomic():
        locked = TrainingNeed.objects.select_for_update(of=("self",))
        need = need_to_adopt(user, need_id, queryset=locked)
        need.proposal = create_proposal()
        need.adopted_by = user
        need.adopted_at = timezone.now()
        if need.status == NeedStatus.OPEN:
            need.status = NeedStatus.STUDYING
        need.save(update_fields=["proposal", "adopted_by", "adopted_at", "status"])
    return need


def release_adoption(need):
    """The training team frees ``need`` for another trainer (the proposal was declined or
    abandoned): no adopter, no proposal linked. The proposal page itself is left as it is;
    the status is the team's to set in the same form."""
    need.adopted_by = None
    need.adopted_at = None
    need.proposal = None
    need.save(update_fields=["adopted_by", "adopted_at", "proposal"])
    return need


def demand_and_offer():
    """Per theme, the demand (votes of the needs still open) against the offer (upcoming
    sessions): a row per theme that has either, most wanted first. Three queries."""
    demand = TrainingNeed.objects.demand_by_theme()
    themes = list(theme_model().objects.all())
    offer = offer_by_theme(theme.pk for theme in themes)
    rows = []
    for theme in themes:
        needs, votes = demand.get(theme.pk, (0, 0))
        sessions = offer.get(theme.pk, 0)
        if needs or sessions:
            rows.append(
                {
                    "theme": theme,
                    "needs": needs,
                    "votes": votes,
                    "sessions": sessions,
                    "gap": votes > 0 and sessions == 0,
                }
            )
    rows.sort(key=lambda row: (-row["votes"], row["sessions"]))
    return rows
