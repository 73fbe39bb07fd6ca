"""Awarding and revoking badges: by the rules, or by the training team with a reason.

An award is unique per person and badge (a database constraint), so two evaluations running at
once cannot award twice: each creation runs in its own savepoint and the loser of the race
simply finds the award there. A revoked award stays in the table, so no rule hands it out again.
"""

from contextlib import nullcontext

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from community import mail
from community.badges import facts, openbadges, rules
from community.models import Badge, BadgeAward
from community.models.querysets import VisiblePageQuerySet

EMAIL_TEMPLATE = "community/emails/badge_awarded"


# ---------------------------------------------------------------------------------------------
# By the rules


def evaluate(user_ids=None, now=None, badge_ids=None):
    """Award every active automatic badge whose rule a person now meets and that they do not
    hold (revoked included). ``user_ids``: only these people; None: everyone. ``badge_ids``:
    only these badges; None: all. Returns the new awards. The number of queries depends on
    the badges, not on the people or their facts."""
    if user_ids is not None:
        user_ids = sorted(set(user_ids))
        if not user_ids:
            return []
    automatic = Badge.objects.automatic()
    if badge_ids is not None:
        automatic = automatic.filter(pk__in=badge_ids)
    badges = [badge for badge in automatic if facts.get(badge.rule)]
    if not badges:
        return []
    with facts.one_evaluation():
        measures = {key: facts.measure(key, user_ids) for key in {badge.rule for badge in badges}}
    wanted = {
        (badge.pk, user_id)
        for badge in badges
        for user_id in rules.earners(badge, measures[badge.rule])
    }
    awards = BadgeAward.objects.filter(badge__in=badges)
    if user_ids is not None:
        awards = awards.filter(recipient_id__in=user_ids)
    held = set(awards.values_list("badge_id", "recipient_id"))
    wanted -= held
    if not wanted:
        return []
    people = get_user_model().objects.filter(
        pk__in={user_id for _badge, user_id in wanted}, is_active=True, deleted_at__isnull=True
    )
    people = {user.pk: user for user in people}
    by_id = {badge.pk: badge for badge in badges}
    now = now or timezone.now()
    evidence = _evidence_urls(
        {measures[by_id[badge_id].rule][user_id].evidence_page_id for badge_id, user_id in wanted}
    )
    created = []
    for badge_id, user_id in sorted(wanted):
        if user_id not in people:
            continue
        badge = by_id[badge_id]
        page_id = measures[badge.rule][user_id].evidence_page_id
        award = _create(
            badge=badge,
            recipient=people[user_id],
            awarded_at=now,
            evidence_url=evidence.get(page_id, ""),
        )
        if award is not None:
            created.append(award)
    return created


class _AfterCommit:
    """One evaluation once a transaction commits, for all the people its changes concern:
    bulk work (an import, the demo) then evaluates once, not once per row it saved. Made
    inside ``mail.muted()``, it stays muted when it runs: its awards e-mail nobody."""

    def __init__(self, people):
        self.sources = [people]
        self.muted = mail.is_muted()
        self.done = False

    def __call__(self):
        self.done = True
        if not Badge.objects.automatic().exists():
            return
        user_ids = set()
        for people in self.sources:
            user_ids.update(people())
        with _muted_if(self.muted):
            evaluate([user_id for user_id in user_ids if user_id is not None])


def _muted_if(muted):
    return mail.muted() if muted else nullcontext()


def evaluate_after_commit(people):
    """For receivers: once the change that moved the facts is committed (a rolled-back change
    awards nothing), evaluate for ``people``, a callable returning user ids (called then, and
    only if some badge has a rule, so that a change costs nothing when none has).

    Joins the evaluation still waiting in this transaction, if any (muted or not alike).
    Django drops a rolled-back savepoint's callbacks from its list, so a waiting evaluation
    was registered at the same depth or above: whatever joins it is kept or dropped with it."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        muted = mail.is_muted()
        for _savepoints, callback, *_robust in reversed(connection.run_on_commit):
            if isinstance(callback, _AfterCommit) and not callback.done and callback.muted == muted:
                callback.sources.append(people)
                return
    transaction.on_commit(_AfterCommit(people), robust=True)


def evaluate_badge_after_commit(badge):
    """Once ``badge`` (new, or its rule changed) is committed, award it to everyone who meets
    its rule now, rather than at the nightly ``award_badges`` (muted if saved while muted)."""
    muted, badge_id = mail.is_muted(), badge.pk

    def run():
        with _muted_if(muted):
            evaluate(badge_ids=[badge_id])

    transaction.on_commit(run, robust=True)


def _evidence_urls(page_ids):
    """``{page id: full URL}`` of the pages among ``page_ids`` that anyone may see (the
    assertion is public: a restricted page's address stays out of it), in one query."""
    page_ids = {page_id for page_id in page_ids if page_id}
    if not page_ids:
        return {}
    pages = VisiblePageQuerySet(Page).visible().filter(pk__in=page_ids)
    # The site's base URL, as in every e-mail: the site record may name an internal host.
    return {page.pk: mail.absolute(page.url) for page in pages if page.url}


def _create(**fields):
    """The new award, or None when it already exists (another run won the race)."""
    try:
        with transaction.atomic():
            award = BadgeAward.objects.create(**fields)
    except IntegrityError:
        return None
    mail.send_after_commit(notify, award.pk)
    return award


# ---------------------------------------------------------------------------------------------
# By the training team


def already_held_message(badge, recipient):
    return _("%(person)s already holds the badge “%(badge)s” (revoked awards included).") % {
        "person": str(recipient),
        "badge": badge.name,
    }


def award_manually(badge, recipient, awarded_by, reason, evidence_url="", award=None):
    """A training-team member awards ``badge`` to ``recipient``, saying why. ``award`` is an
    unsaved instance to fill (the admin form's). Raises ValidationError if the person holds
    it already or if no reason is given."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why this badge is awarded.")})
    award = award or BadgeAward()
    award.badge = badge
    award.recipient = recipient
    award.awarded_by = awarded_by
    award.awarded_at = timezone.now()
    award.reason = reason.strip()
    award.evidence_url = evidence_url
    try:
        with transaction.atomic():
            award.save()
    except IntegrityError:
        raise ValidationError(already_held_message(badge, recipient)) from None
    mail.send_after_commit(notify, award.pk)
    return award


def revoke(award, revoked_by, reason, now=None):
    """Withdraw ``award``: it stays, marked revoked, and its assertion says so from now on."""
    if not (reason or "").strip():
        raise ValidationError({"revocation_reason": _("Say why this badge is revoked.")})
    if award.is_revoked:
        raise ValidationError(_("This award is already revoked."))
    award.revoked_at = now or timezone.now()
    award.revoked_by = revoked_by
    award.revocation_reason = reason.strip()
    award.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    return award


# ---------------------------------------------------------------------------------------------
# Telling the recipient


def profile_url():
    """The recipient's own profile page (where their badges are listed)."""
    return mail.absolute(reverse("my_profile"))


def notify(award_id):
    """E-mail the recipient of a new award, once (``notified_at`` records it)."""
    award = (
        BadgeAward.objects.select_related("badge", "recipient")
        .filter(pk=award_id, revoked_at__isnull=True, notified_at__isnull=True)
        .first()
    )
    if award is None or award.recipient.deleted_at or not award.recipient.email:
        return
    mail.send(
        EMAIL_TEMPLATE,
        award.recipient,
        {
            "user": award.recipient,
            "badge": award.badge,
            "award": award,
            "profile_url": profile_url(),
            "assertion_url": award.assertion_url,
            "image_url": award.image_url,
            "badge_url": openbadges.badge_page_url(award.badge),
        },
    )
    BadgeAward.objects.filter(pk=award.pk).update(notified_at=timezone.now())
