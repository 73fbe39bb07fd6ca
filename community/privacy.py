"""A person's rights over their data: download it all, or have the account anonymised.

Each app knows what it holds about a person: it registers an exporter (what goes into the
JSON download) and, if it must act when an account is deleted, an eraser (e.g. the events
free the person's upcoming seats). Contributions stay; with the name gone they read
“Ancien agent”.
"""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

ANONYMOUS_FIRST_NAME = "Ancien agent"

_exporters = {}
_erasers = {}


def register_export(key, export_function):
    """``export_function(user)`` returns JSON-serialisable data (dates as ISO strings)."""
    _exporters[key] = export_function


def register_erasure(key, erase_function):
    """``erase_function(user)`` runs inside the deletion's transaction, before the account
    loses its name and e-mail address."""
    _erasers[key] = erase_function


class DeletionRefused(Exception):
    """The account cannot be deleted from the site; the message says why."""


def iso(moment):
    return moment.isoformat() if moment else None


# ---------------------------------------------------------------------------------------------
# Export


def export(user):
    """Everything Atelier holds about ``user``, as a dict ready for ``json.dumps``."""
    data = {
        "generated_at": iso(timezone.now()),
        "account": _account(user),
        "profile": _profile(user),
        "badges": _badges(user),
        "needs": _needs(user),
    }
    for key in sorted(_exporters):
        data[key] = _exporters[key](user)
    return data


def _account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "service": user.service,
        "job_title": user.job_title,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def _profile(user):
    from community.models import Profile

    profile = Profile.objects.select_related("photo").get(user=user)
    return {
        "display_name": profile.display_name,
        "bio": profile.bio,
        "skills": sorted(tag.name for tag in profile.skills.all()),
        "themes": sorted(theme.name for theme in profile.themes.all()),
        "contact_preference": profile.contact_preference,
        "visibility": profile.visibility,
        "available_to_facilitate": profile.available_to_facilitate,
        "photo": profile.photo.file.name if profile.photo else None,
        "updated_at": iso(profile.updated_at),
    }


def _badges(user):
    return [
        {
            "badge": award.badge.name,
            "awarded_at": iso(award.awarded_at),
            "evidence_url": award.evidence_url,
            "reason": award.reason,
            "revoked_at": iso(award.revoked_at),
        }
        for award in user.badge_awards.select_related("badge").order_by("awarded_at")
    ]


def _needs(user):
    return {
        "posted": [
            {
                "title": need.title,
                "why": need.why,
                "audience": need.audience,
                "status": need.status,
                "created_at": iso(need.created_at),
            }
            for need in user.training_needs.order_by("created_at")
        ],
        "votes": [
            {"need": vote.need.title, "voted_at": iso(vote.created_at)}
            for vote in user.need_votes.select_related("need").order_by("created_at")
        ],
    }


# ---------------------------------------------------------------------------------------------
# Deletion


def deletion_refusal(user):
    """Why ``user`` may not delete their account from the site, or None."""
    if user.is_superuser:
        return _(
            "An administrator account cannot be deleted from the site: ask another "
            "administrator to do it."
        )
    if user.deleted_at is not None:
        return _("This account is already deleted.")
    return None


def anonymise(user):
    """Delete the person, keep their contributions: in one transaction, the other apps react
    (registrations cancelled…), then the account loses every personal detail and can no
    longer sign in, and the profile is emptied and hidden."""
    if refusal := deletion_refusal(user):
        raise DeletionRefused(refusal)
    with transaction.atomic():
        for key in sorted(_erasers):
            _erasers[key](user)
        _empty_profile(user)
        _delete_admin_avatar(user)
        user.first_name = ANONYMOUS_FIRST_NAME
        user.last_name = ""
        # Unguessable and undeliverable (.invalid is reserved): nobody can claim it back.
        user.email = f"ancien-agent-{secrets.token_hex(16)}@invalid"
        user.set_unusable_password()
        user.is_active = False
        user.is_staff = False
        user.deleted_at = timezone.now()
        user.service = ""
        user.job_title = ""
        user.save()
        user.groups.clear()
        user.user_permissions.clear()


def _empty_profile(user):
    from community import profile_photos
    from community.models import ContactPreference, Profile, Visibility

    profile, _created = Profile.objects.get_or_create(user=user)
    photo = profile.photo
    profile.display_name = ""
    profile.bio = ""
    profile.photo = None
    profile.contact_preference = ContactPreference.NONE
    profile.visibility = Visibility.TEAM
    profile.available_to_facilitate = False
    profile.skills.clear()
    profile.save()
    profile.themes.clear()
    profile_photos.delete_if_theirs(photo, user)


def _delete_admin_avatar(user):
    """The photo a person may have put on their Wagtail admin account: out of the database at
    once, its file removed once the deletion is committed (kept if it is rolled back)."""
    from wagtail.users.models import UserProfile

    for admin_profile in UserProfile.objects.filter(user=user).exclude(avatar=""):
        storage, name = admin_profile.avatar.storage, admin_profile.avatar.name
        admin_profile.avatar = ""
        admin_profile.save(update_fields=["avatar"])
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
