"""The trainer's public face: one profile per account, created with it (see ``signals``).

Service and job title stay on the user (the sign-in sheet and the admin read them there); the
profile holds what a person chooses to tell the community and who may see it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from community.models.mixins import IntroMixin
from community.privacy import ANONYMOUS_FIRST_NAME


class Visibility(models.TextChoices):
    AGENTS = "agents", _("All signed-in agents")
    TEAM = "team", _("The training team only")


class ContactPreference(models.TextChoices):
    MESSAGE = "message", _("By a message sent through Atelier")
    TEAM = "team", _("Through the training team")
    NONE = "none", _("I do not wish to be contacted")


class ProfileSkill(TaggedItemBase):
    """A skill or topic the person can teach, as a free tag (“Excel”, “prise de parole”…)."""

    content_object = ParentalKey("community.Profile", related_name="tagged_skills")


class ProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Profiles ``user`` may see: every visible one for a signed-in agent, all of them for
        the training team, always one's own; nothing for an anonymous visitor."""
        from community.roles import is_training_team

        if not user.is_authenticated:
            return self.none()
        active = self.filter(user__is_active=True, user__deleted_at__isnull=True)
        if is_training_team(user):
            return active
        return active.filter(Q(visibility=Visibility.AGENTS) | Q(user=user))

    def with_activity_score(self):
        """``activity_score``: what the other apps registered (publications, sessions
        facilitated…), summed in SQL, so sorting and pagination stay one query."""
        from community.profile_sections import activity_score

        return self.annotate(activity_score=activity_score())

    def with_badge_count(self):
        """``badge_count``: valid awards, one subquery (no row multiplication)."""
        from community.models.badges import BadgeAward

        awards = (
            BadgeAward.objects.valid()
            .filter(recipient=OuterRef("user"))
            .order_by()
            .annotate(n=Func(F("pk"), function="COUNT"))
            .values("n")[:1]
        )
        return self.annotate(badge_count=Coalesce(Subquery(awards), 0))

    def in_directory(self):
        """Who the trainer directory lists: trainers (the “Formateurs” group), people
        available to facilitate, and anyone with activity (needs ``with_activity_score``)."""
        from django.contrib.auth.models import Group

        from community.roles import TRAINERS

        trainers = Group.objects.filter(name=TRAINERS, user=OuterRef("user"))
        return self.filter(
            Q(Exists(trainers)) | Q(available_to_facilitate=True) | Q(activity_score__gt=0)
        )


class Profile(index.Indexed, ClusterableModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    display_name = models.CharField(
        _("display name"),
        max_length=120,
        blank=True,
        help_text=_("How the community sees you; your first and last name if left empty."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    skills = ClusterTaggableManager(
        through=ProfileSkill,
        blank=True,
        verbose_name=_("skills and topics I can teach"),
        help_text=_("Separate them with commas."),
    )
    themes = models.ManyToManyField(
        "resources.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="profiles",
    )
    contact_preference = models.CharField(
        _("contact preference"),
        max_length=10,
        choices=ContactPreference.choices,
        default=ContactPreference.MESSAGE,
    )
    visibility = models.CharField(
        _("who can see my profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.AGENTS,
    )
    available_to_facilitate = models.BooleanField(
        _("available to facilitate"),
        default=False,
        help_text=_("Tell the training team and colleagues you are willing to run sessions."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    # The public name only: searching someone's real name must not find their pseudonym.
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("visibility"),
        index.FilterField("available_to_facilitate"),
        index.RelatedFields("user", [index.SearchField("service"), index.SearchField("job_title")]),
        index.RelatedFields("skills", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["user__last_name", "user__first_name"]
        permissions = [
            ("view_all_profiles", _("Can see every profile and the feedback averages")),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The search indexed the profile on post_save, before ClusterableModel committed the
        # skills: index it again now that they are saved.
        index.insert_or_update_object(self)

    @property
    def name(self):
        """How the site names the person to colleagues (``profiles.public_name``)."""
        return self.public_name_of(self.user, self.display_name)

    @staticmethod
    def public_name_of(user, display_name=""):
        """The one rule: the display name they chose, else their full name, “Ancien agent”
        once the account is deleted; never the e-mail address (which ``User.__str__`` falls
        back to)."""
        if user.deleted_at is not None:
            return ANONYMOUS_FIRST_NAME
        return display_name or user.get_full_name() or gettext("Agent")


class TrainerDirectoryPage(RoutablePageMixin, IntroMixin, Page):
    """The trainer directory; each visible profile is one of its sub-URLs. The views are in
    ``community.profile_views``."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    parent_page_types = ["community.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("trainer directory")
        verbose_name_plural = _("trainer directories")

    def serve(self, request, *args, **kwargs):
        """Every route lists or shows colleagues: signed-in people only."""
        from django.contrib.auth.views import redirect_to_login  # needs the User model loaded

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    @path("", name="directory")
    def directory(self, request):
        from community.profile_views import directory_context

        return self.render(request, context_overrides=directory_context(request))

    @path("<int:profile_id>/", name="profile")
    def profile(self, request, profile_id):
        from community.profile_views import profile_page

        return profile_page(self, request, profile_id)

    @path("<int:profile_id>/contacter/", name="contact")
    def contact(self, request, profile_id):
        from community.profile_views import contact

        return contact(self, request, profile_id)

    def profile_url(self, profile, request=None):
        return self.get_url(request) + self.reverse_subpage("profile", args=[profile.pk])

    def contact_url(self, profile, request=None):
        return self.get_url(request) + self.reverse_subpage("contact", args=[profile.pk])
