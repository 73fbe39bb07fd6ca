"""Operations that change the library and must hold its rules (adapting, using, rating)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from resources.licences import Licence
from resources.models import Rating, Reuse


def can_adapt(activity, user):
    """Whoever may write in the library (trainers, the training team) may adapt from it."""
    return (
        user.is_authenticated
        and activity.live
        and activity.get_parent().permissions_for_user(user).can_add_subpage()
    )


def can_rate(activity, user):
    """Anyone signed in, except the activity's authors and owner: no rating one's own work."""
    return (
        user.is_authenticated
        and activity.owner_id != user.pk
        # Iterated, not filtered: in a page preview `authors` is modelcluster's in-memory
        # list, which filter(pk=…) breaks (KeyError: 'pk').
        and all(author.pk != user.pk for author in activity.authors.all())
    )


def attribution_text(activity):
    """The credit of ``activity``, followed by the credits it carries itself: an adaptation of
    an adaptation keeps naming the first authors, as CC BY and BY-SA require."""
    authors = ", ".join(author.get_full_name() for author in activity.authors.all())
    credit = _("“%(title)s” by %(authors)s, %(licence)s") % {
        "title": activity.title,
        "authors": authors or _("the Atelier community"),
        "licence": Licence(activity.licence).label,
    }
    if activity.source_attribution:
        credit = _("%(credit)s, itself adapted from %(source)s") % {
            "credit": credit,
            "source": activity.source_attribution,
        }
    return credit[:1000]


def _free_slug(parent, base):
    taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def adapt_activity(original, user):
    """Give ``user`` an editable draft copy of ``original``, linked to it and crediting it.

    The copy keeps the original's licence (always compatible with itself); the adapter may
    change it later within what the original allows (see ActivityPage.clean).
    """
    if not can_adapt(original, user):
        raise PermissionDenied(_("Only trainers and the training team can adapt an activity."))
    library = original.get_parent()
    suffix = _(" (adaptation)")
    copy = original.copy(
        to=library,
        update_attrs={
            "title": original.title[: 255 - len(suffix)] + suffix,
            "slug": _free_slug(library, slugify(f"{original.slug}-adaptation")[:240]),
            "owner": user,
            "adapted_from": original,
            "source_attribution": attribution_text(original),
            "original_licence": original.licence,
        },
        keep_live=False,
        copy_revisions=False,
        user=user,
    ).specific
    copy.authors.set([user])
    copy.save()
    # The revision Page.copy wrote still lists the original's authors: reverting to it in the
    # history would drop the adapter. Only the adapter's own revision is kept.
    copy.revisions.all().delete()
    copy.latest_revision = copy.live_revision = None
    copy.save_revision(user=user, log_action=False)
    return copy


def record_reuse(activity, user, used_on=None, context=""):
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to record that you used this activity."))
    reuse = Reuse(activity=activity, user=user, context=context)
    if used_on:
        reuse.used_on = used_on
    reuse.full_clean()
    reuse.save()
    return reuse


def rate(activity, user, score, comment=""):
    """One rating per person and activity: rating again replaces one's previous rating."""
    if not user.is_authenticated:
        raise PermissionDenied(_("Sign in to rate this activity."))
    if not can_rate(activity, user):
        raise ValidationError(_("You cannot rate an activity you wrote."))
    rating = Rating.objects.filter(activity=activity, user=user).first() or Rating(
        activity=activity, user=user
    )
    rating.score = score
    rating.comment = comment
    rating.full_clean()
    rating.save()
    return rating
