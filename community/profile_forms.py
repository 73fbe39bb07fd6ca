"""Forms of the profiles: the directory's filters, “Edit my profile”, contacting someone, and
the confirmation of an account's deletion."""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image
from taggit.models import Tag

from community import profile_photos
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


NOT_AN_IMAGE = _(
    "This file is not an image, or it is damaged. Choose a JPEG, PNG, GIF or WebP photo."
)


class ProfileForm(forms.ModelForm):
    """What a person tells the community. The photo is checked here (a real image, not too
    heavy, not too many pixels) before anything is saved: a refused file changes nothing."""

    photo_upload = forms.ImageField(
        label=_("Photo"),
        required=False,
        error_messages={
            "invalid_image": NOT_AN_IMAGE,
        },
    )
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
        self.fields["photo_upload"].help_text = _(
            "A JPEG, PNG, GIF or WebP image of at most %(size)s."
        ) % {"size": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)}

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if not upload:
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in settings.WAGTAILIMAGES_EXTENSIONS:
            raise forms.ValidationError(
                NOT_AN_IMAGE,
                code="invalid_extension",
            )
        if upload.size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("This photo is too large (%(size)s): the maximum is %(maximum)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "maximum": filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
                },
                code="too_large",
            )
        try:
            pixels = profile_photos.pixel_count(upload)
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(NOT_AN_IMAGE, code="invalid_image") from error
        if pixels > settings.ATELIER_PROFILE_PHOTO_MAX_PIXELS:
            raise forms.ValidationError(
                _(
                    "This photo has too many pixels (%(pixels)s): the maximum is %(maximum)s. "
                    "Reduce its dimensions and try again."
                )
                % {
                    "pixels": number_format(pixels, force_grouping=True),
                    "maximum": number_format(
                        settings.ATELIER_PROFILE_PHOTO_MAX_PIXELS, force_grouping=True
                    ),
                },
                code="too_many_pixels",
            )
        return upload


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
