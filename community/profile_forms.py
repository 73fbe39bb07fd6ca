"""Forms of the profiles: the directory's filters, “Edit my profile”, contacting someone, and
the confirmation of an account's deletion."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.images.fields import WagtailImageField

from community.filters import QueryStringFilterForm
from community.models import Badge, Profile


def theme_model():
    """The library's Theme, reached through the profile's field: community imports no app."""
    return Profile._meta.get_field("themes").related_model


class DirectoryFilterForm(QueryStringFilterForm):
    """The trainer directory's filters."""

    skill = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=Tag.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All skills"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=None,
        required=False,
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    service = forms.ChoiceField(label=_("Service or directorate"), required=False)
    badge = forms.ModelChoiceField(
        label=_("Badge"),
        queryset=Badge.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All badges"),
    )
    available = forms.BooleanField(label=_("Available to facilitate"), required=False)

    def __init__(self, data, profiles):
        super().__init__(data)
        self.profiles = profiles
        # Only skills of people the viewer may see: a hidden profile's skills would betray it.
        self.fields["skill"].queryset = (
            Tag.objects.filter(
                community_profileskill_items__content_object__in=profiles.order_by().values("pk")
            )
            .distinct()
            .order_by("name")
        )
        self.fields["theme"].queryset = theme_model().objects.all()
        services = (
            profiles.exclude(user__service="")
            .order_by("user__service")
            .values_list("user__service", flat=True)
            .distinct()
        )
        self.fields["service"].choices = [
            ("", _("All services")),
            *((service, service) for service in services),
        ]

    def results(self):
        profiles = self.profiles
        values = self.valid_values()
        if values.get("skill"):
            profiles = profiles.filter(skills=values["skill"])
        if values.get("theme"):
            profiles = profiles.filter(themes=values["theme"])
        if values.get("service"):
            profiles = profiles.filter(user__service=values["service"])
        if values.get("badge"):
            profiles = profiles.filter(
                user__badge_awards__badge=values["badge"],
                user__badge_awards__revoked_at__isnull=True,
            )
        if values.get("available"):
            profiles = profiles.filter(available_to_facilitate=True)
        return profiles


class ProfilePhotoField(WagtailImageField):
    """Wagtail's checks of an uploaded image (a real image, an allowed extension matching its
    format, not too heavy, not too many pixels), with the profile's own pixel limit and
    messages that speak of a photo. Build one per form: Wagtail reads the limits when the
    field is created."""

    photo_messages = {
        "invalid_image": _(
            "This file is not an image, or it is damaged. Choose a JPEG, PNG, GIF or WebP photo."
        ),
        "file_too_large": _(
            "This photo is too large (%(file_size)s): the maximum is %(max_filesize)s."
        ),
        "file_too_many_pixels": _(
            "This photo has too many pixels (%(num_pixels)s): the maximum is "
            "%(max_pixels_count)s. Reduce its dimensions and try again."
        ),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.max_image_pixels = settings.ATELIER_PROFILE_PHOTO_MAX_PIXELS
        # Wagtail sets its own messages and help text in its __init__: ours go on top.
        self.error_messages.update(self.photo_messages)
        self.help_text = _("A JPEG, PNG, GIF or WebP image of at most %(size)s.") % {
            "size": self.max_upload_size_text
        }


class ProfileForm(forms.ModelForm):
    """What a person tells the community. The photo is checked here before anything is saved:
    a refused file changes nothing."""

    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "bio",
            "skills",
            "themes",
            "contact_preference",
            "visibility",
            "available_to_facilitate",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 6, "maxlength": 1000}),
            "themes": forms.CheckboxSelectMultiple,
            "contact_preference": forms.RadioSelect,
            "visibility": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bio"].help_text = _(
            "Up to 1000 characters: what you do, what you like to pass on."
        )
        self.fields["photo_upload"] = ProfilePhotoField(label=_("Photo"), required=False)


class AccountForm(forms.ModelForm):
    """Service and job title live on the account (the sign-in sheet reads them there)."""

    class Meta:
        model = get_user_model()
        fields = ["service", "job_title"]


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
        help_text=_(
            "Atelier sends it by e-mail with your name and your e-mail address, so that the "
            "person can answer you. Their address is not shown to you."
        ),
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account is deleted at once and for good: I can no longer "
            "sign in, and my contributions stay under the name “Ancien agent”."
        ),
        error_messages={"required": _("Tick the box to confirm the deletion of your account.")},
    )
