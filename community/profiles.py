"""The rules of profiles: who sees whom, what the directory lists and in which order, how a
profile is saved (with its photo) and how a colleague is contacted without learning their
address. Views and templates ask these functions, never the models directly."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from wagtail.images import get_image_model

from community import mail, profile_photos
from community.models import ContactPreference, Profile, TrainerDirectoryPage
from community.roles import is_training_team

PHOTO_SPEC = "fill-240x240"
CARD_PHOTO_SPEC = "fill-96x96"
CONTACTS_PER_DAY = 10  # messages a person may send through Atelier in a day (against spam)


def public_name(user):
    """How the site names a person to colleagues (the rule is ``Profile.name``), "" for nobody.
    Reads ``user.profile``: list views select_related ``user__profile`` so that no query is
    made per person."""
    if user is None:
        return ""
    try:
        return user.profile.name
    except Profile.DoesNotExist:
        return Profile.public_name_of(user)


def with_photo(profiles, spec):
    """Photos and the rendition the page shows, prefetched: no query per person."""
    return profiles.prefetch_related(
        Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(spec))
    )


def is_self_or_team(viewer, profile_user):
    """Who sees the private parts of a profile (feedback averages): the person and the team."""
    return viewer.pk == profile_user.pk or is_training_team(viewer)


def visible_profile(viewer, profile_id):
    """The profile ``viewer`` may see, or None (hidden, deleted, or no such profile)."""
    profiles = Profile.objects.visible_to(viewer).select_related("user")
    profiles = with_photo(profiles.prefetch_related("skills", "themes"), PHOTO_SPEC)
    return profiles.filter(pk=profile_id).first()


def directory_profiles(viewer):
    """Who the directory shows to ``viewer``, most active first, in one query (plus one per
    prefetched relation), whatever the number of people."""
    return with_photo(
        Profile.objects.visible_to(viewer)
        .with_activity_score()
        .in_directory()
        .with_badge_count()
        .select_related("user")
        .prefetch_related("skills", "themes"),
        CARD_PHOTO_SPEC,
    ).order_by("-activity_score", "user__last_name", "user__first_name", "pk")


def directory_page():
    return TrainerDirectoryPage.objects.live().first()


def profile_url(profile, request=None):
    """The profile's page in the directory, or None if the site has no directory."""
    page = directory_page()
    return page.profile_url(profile, request) if page else None


def profile_links(viewer, users, request=None):
    """{user pk: profile address} for those of ``users`` whose profile ``viewer`` may see, in
    two queries whatever their number (none for an anonymous visitor): lists of people link
    each name to its profile only where the profile would open."""
    profiles = list(Profile.objects.visible_to(viewer).filter(user__in=[user.pk for user in users]))
    page = directory_page() if profiles else None
    if page is None:
        return {}
    return {profile.user_id: page.profile_url(profile, request) for profile in profiles}


# ---------------------------------------------------------------------------------------------
# Editing one's own profile


def save_profile(user, profile_form, account_form):
    """Save both forms (already valid) and the new photo in one transaction. A photo replaced
    or removed is deleted if the person uploaded it."""
    with transaction.atomic():
        account_form.save()
        profile = profile_form.save(commit=False)
        old_photo = profile.photo  # not a field of the form: still the one saved
        upload = profile_form.cleaned_data.get("photo_upload")
        if upload:
            profile.photo = profile_photos.new_photo(profile, upload)
        elif profile_form.cleaned_data.get("remove_photo"):
            profile.photo = None
        profile_form.save_m2m()  # themes at once; skills are a cluster, saved with the profile
        profile.save()
        if old_photo != profile.photo:
            profile_photos.delete_if_theirs(old_photo, user)
    return profile


# ---------------------------------------------------------------------------------------------
# Contacting someone


def may_contact(viewer, profile):
    """A message through Atelier: only to someone who accepts messages, never to oneself."""
    return (
        viewer.is_authenticated
        and viewer.pk != profile.user_id
        and profile.contact_preference == ContactPreference.MESSAGE
    )


def contacts_left(sender):
    return max(0, CONTACTS_PER_DAY - cache.get(_contact_key(sender), 0))


def _contact_key(sender):
    return f"atelier:contacts:{sender.pk}"


def contact(sender, profile, message):
    """E-mail ``message`` to the profile's owner, with the sender's name and address so they
    can answer; the sender never sees the recipient's address."""
    key = _contact_key(sender)
    cache.add(key, 0, timeout=24 * 3600)
    cache.incr(key)
    # None if the sender has no profile (the missing relation raises an AttributeError).
    sender_profile = getattr(sender, "profile", None)
    context = {
        "recipient": profile.user,
        "recipient_name": profile.name,
        "sender": sender,
        "sender_name": public_name(sender),
        "sender_email": sender.email,
        "message": message,
        "sender_url": mail.absolute(profile_url(sender_profile) or reverse("my_profile"))
        if sender_profile
        else "",
        "edit_url": mail.absolute(reverse("my_profile")),
    }
    mail.send_after_commit(_deliver, profile.user, context)


def _deliver(recipient, context):
    mail.send("community/emails/contact", recipient, context)
