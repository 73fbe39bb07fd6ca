"""A reusable training activity: what a trainer needs to run it tomorrow."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from community.models.querysets import VisiblePageQuerySet
from resources.blocks import AttachmentBlock, ObjectiveBlock, StepBlock
from resources.licences import LICENCE_URLS, Licence, compatible_licences

MAX_DURATION_MINUTES = 8 * 60  # one training day
MAX_GROUP_SIZE = 300

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Modality(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("face to face")
    REMOTE = "remote", _("remote")
    BLENDED = "blended", _("blended")
    SELF_PACED = "self_paced", _("self-paced")


class Level(models.TextChoices):
    DISCOVERY = "discovery", _("discovery")
    INTERMEDIATE = "intermediate", _("intermediate")
    EXPERT = "expert", _("expert")


class Kind(models.TextChoices):
    ICE_BREAKER = "ice_breaker", _("ice-breaker")
    FACILITATION_METHOD = "facilitation_method", _("facilitation method")
    ANALYSIS_TOOL = "analysis_tool", _("analysis tool")
    SERIOUS_GAME = "serious_game", _("serious game")
    ASSESSMENT = "assessment", _("assessment")
    E_LEARNING = "e_learning", _("e-learning module")
    CASE_STUDY = "case_study", _("case study")
    ROLE_PLAY = "role_play", _("role play")


class ActivityTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ActivityPage", related_name="tagged_items", on_delete=models.CASCADE
    )


def group_size_fits(size):
    """Activities that can run with ``size`` people."""
    return Q(group_size_min__lte=size, group_size_max__gte=size)


def newest_first():
    """Newest publication first; never-published pages (demo data, imports) last on every
    database (PostgreSQL would put NULLs first)."""
    return [F("first_published_at").desc(nulls_last=True), "-id"]


class ActivityPageQuerySet(VisiblePageQuerySet):
    def fits_group(self, size):
        return self.filter(group_size_fits(size))

    def with_engagement(self):
        """Counters every listing shows, each in its own subquery so that joins never
        multiply rows (and with ordering cleared, which would otherwise split the groups)."""
        from resources.models.engagement import Rating, Reuse

        def per_activity(queryset, field, aggregate):
            return Subquery(
                queryset.filter(**{field: OuterRef("pk")})
                .order_by()
                .values(field)
                .annotate(value=aggregate)
                .values("value")
            )

        return self.annotate(
            reuse_count=Coalesce(per_activity(Reuse.objects, "activity", Count("pk")), 0),
            rating_count=Coalesce(per_activity(Rating.objects, "activity", Count("pk")), 0),
            rating_average=per_activity(Rating.objects, "activity", Avg("score")),
            adaptation_count=Coalesce(
                per_activity(ActivityPage.objects.visible(), "adapted_from", Count("pk")), 0
            ),
        )


ActivityPageManager = PageManager.from_queryset(ActivityPageQuerySet)


def _range_validators(maximum):
    return [MinValueValidator(1), MaxValueValidator(maximum)]


class ActivityPage(RoutablePageMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One line that says what the activity does.")
    )
    objectives = StreamField(
        [("objective", ObjectiveBlock(max_length=200))],
        verbose_name=_("objectives"),
        blank=True,
    )
    duration_min = models.PositiveSmallIntegerField(
        _("minimum duration (minutes)"), validators=_range_validators(MAX_DURATION_MINUTES)
    )
    duration_max = models.PositiveSmallIntegerField(
        _("maximum duration (minutes)"), validators=_range_validators(MAX_DURATION_MINUTES)
    )
    group_size_min = models.PositiveSmallIntegerField(
        _("minimum group size"), validators=_range_validators(MAX_GROUP_SIZE)
    )
    group_size_max = models.PositiveSmallIntegerField(
        _("maximum group size"), validators=_range_validators(MAX_GROUP_SIZE)
    )
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    themes = ParentalManyToManyField("resources.Theme", verbose_name=_("themes"), blank=True)
    tags = ClusterTaggableManager(through=ActivityTag, blank=True, verbose_name=_("tags"))
    materials = RichTextField(_("materials needed"), blank=True, features=TEXT_FEATURES)
    preparation = RichTextField(_("preparation"), blank=True, features=TEXT_FEATURES)
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"), blank=True)
    facilitator_tips = RichTextField(_("facilitator tips"), blank=True, features=TEXT_FEATURES)
    variations = RichTextField(_("variations"), blank=True, features=TEXT_FEATURES)
    attachments = StreamField(
        [("attachment", AttachmentBlock())],
        verbose_name=_("attachments"),
        blank=True,
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_SA
    )
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authors"),
        related_name="authored_activities",
        blank=True,
    )
    # Set when a trainer adapts another activity; neither appears in the editing form, so the
    # adapter cannot remove the attribution. The text survives the original's deletion.
    adapted_from = models.ForeignKey(
        "self",
        verbose_name=_("adapted from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adaptations",
        editable=False,
    )
    source_attribution = models.CharField(
        _("source attribution"), max_length=1000, blank=True, editable=False
    )
    original_licence = models.CharField(
        _("original's licence"),
        max_length=20,
        choices=Licence.choices,
        blank=True,
        editable=False,
        help_text=_("Kept so that the licence rule holds even if the original is deleted."),
    )

    objects = ActivityPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("duration_min"), FieldPanel("duration_max")]),
                FieldRowPanel([FieldPanel("group_size_min"), FieldPanel("group_size_max")]),
                FieldRowPanel([FieldPanel("modality"), FieldPanel("level"), FieldPanel("kind")]),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("themes"),
        FieldPanel("tags"),
        FieldPanel("materials"),
        FieldPanel("preparation"),
        FieldPanel("steps"),
        FieldPanel("facilitator_tips"),
        FieldPanel("variations"),
        FieldPanel("attachments"),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("authors")], heading=_("Credits")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("objectives"),
        index.SearchField("steps"),
        index.SearchField("facilitator_tips"),
        index.FilterField("modality"),
        index.FilterField("level"),
        index.FilterField("kind"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    # Read-only API (/api/v2/). Authors are left out: staff personal data. The original is
    # given by id, so that a draft original's title never leaks.
    api_fields = [
        APIField("summary"),
        APIField("objectives"),
        APIField("duration_min"),
        APIField("duration_max"),
        APIField("group_size_min"),
        APIField("group_size_max"),
        APIField("modality"),
        APIField("level"),
        APIField("kind"),
        APIField("licence"),
        APIField(
            "themes",
            serializer=serializers.SlugRelatedField(slug_field="name", many=True, read_only=True),
        ),
        APIField("tags"),
        APIField("materials"),
        APIField("preparation"),
        APIField("steps"),
        APIField("facilitator_tips"),
        APIField("variations"),
        APIField("adapted_from_id"),
        APIField("source_attribution"),
    ]

    parent_page_types = ["resources.LibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def clean(self):
        super().clean()
        errors = {}
        if self.duration_min and self.duration_max and self.duration_min > self.duration_max:
            errors["duration_max"] = _(
                "The maximum duration must be at least the minimum duration (%(minimum)s min)."
            ) % {"minimum": self.duration_min}
        if (
            self.group_size_min
            and self.group_size_max
            and self.group_size_min > self.group_size_max
        ):
            errors["group_size_max"] = _(
                "The maximum group size must be at least the minimum group size (%(minimum)s)."
            ) % {"minimum": self.group_size_min}
        original_licence = self.adapted_from.licence if self.adapted_from else self.original_licence
        if original_licence and self.licence not in compatible_licences(original_licence):
            errors["licence"] = _(
                "This adaptation cannot be published under %(chosen)s: the original activity "
                "is under %(original)s, which allows only: %(allowed)s."
            ) % {
                "chosen": Licence(self.licence).label,
                "original": Licence(original_licence).label,
                "allowed": ", ".join(
                    str(licence.label)
                    for licence in Licence
                    if licence in compatible_licences(original_licence)
                ),
            }
        if errors:
            raise ValidationError(errors)

    # Reading the page: counters, latest uses and ratings, the family tree. A fixed number of
    # queries however many uses, ratings or adaptations there are.
    def get_context(self, request, *args, **kwargs):
        from resources.activity_forms import RatingForm, ReuseForm
        from resources.lineage import family_tree
        from resources.services import can_adapt, can_rate

        context = super().get_context(request, *args, **kwargs)
        counters = (
            type(self)
            .objects.with_engagement()
            .filter(pk=self.pk)
            .values("reuse_count", "rating_count", "rating_average", "adaptation_count")
            .first()
            or {}
        )
        user = request.user
        context.update(
            counters=counters,
            latest_reuses=self.reuses.select_related("user")[:5],
            latest_ratings=self.ratings.select_related("user")[:5],
            adaptations=self.adaptations.visible().order_by("title"),
            family=family_tree(self),
            original=self.visible_original(),
            can_adapt=can_adapt(self, user),
            can_rate=can_rate(self, user),
            licence_url=LICENCE_URLS.get(self.licence),
            reuse_form=kwargs.get("reuse_form") or ReuseForm(),
            rating_form=kwargs.get("rating_form")
            or RatingForm(
                instance=self.ratings.filter(user=user).first() if user.is_authenticated else None
            ),
        )
        return context

    def visible_original(self):
        """The original this adapts, if anyone may see it (else only the credit text shows)."""
        if not self.adapted_from_id:
            return None
        return type(self).objects.visible().filter(pk=self.adapted_from_id).first()

    def _post_only(self, request):
        if request.method != "POST":
            return redirect(self.get_url(request))
        if not request.user.is_authenticated:
            return redirect_to_login(self.get_url(request))
        return None

    @path("adapter/", name="adapt")
    def adapt_view(self, request):
        from resources.services import adapt_activity

        if response := self._post_only(request):
            return response
        try:
            adaptation = adapt_activity(self, request.user)
        except (PermissionDenied, ValidationError) as refusal:
            messages.error(request, " ".join(getattr(refusal, "messages", [str(refusal)])))
            return redirect(self.get_url(request))
        messages.success(
            request,
            _(
                "Your adaptation is a draft that only you can see. Change what suits your group, "
                "then submit it for review."
            ),
        )
        return redirect("wagtailadmin_pages:edit", adaptation.id)

    @path("utilisation/", name="record_reuse")
    def record_reuse_view(self, request):
        from resources.activity_forms import ReuseForm
        from resources.services import record_reuse

        if response := self._post_only(request):
            return response
        form = ReuseForm(request.POST)
        if form.is_valid():
            try:
                record_reuse(self, request.user, **form.cleaned_data)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        if form.errors:
            return self._render_with_errors(request, reuse_form=form)
        messages.success(request, _("Thank you: your use of this activity is recorded."))
        return redirect(self.get_url(request) + "#utilisations")

    @path("avis/", name="rate")
    def rate_view(self, request):
        from resources.activity_forms import RatingForm
        from resources.services import rate

        if response := self._post_only(request):
            return response
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                rate(self, request.user, **form.cleaned_data)
            except ValidationError as refusal:
                form.add_error(None, refusal)
        if form.errors:
            return self._render_with_errors(request, rating_form=form)
        messages.success(request, _("Thank you: your rating is recorded."))
        return redirect(self.get_url(request) + "#avis")

    def _render_with_errors(self, request, **forms):
        """Show the page again with the form's errors and what was typed (nothing lost)."""
        response = TemplateResponse(
            request, self.get_template(request), self.get_context(request, **forms)
        )
        response.status_code = 400
        return response

    @property
    def duration_label(self):
        if self.duration_min == self.duration_max:
            return _("%(minutes)s min") % {"minutes": self.duration_min}
        return _("%(low)s–%(high)s min") % {"low": self.duration_min, "high": self.duration_max}

    @property
    def group_size_label(self):
        if self.group_size_min == self.group_size_max:
            return _("%(count)s people") % {"count": self.group_size_min}
        return _("%(low)s to %(high)s people") % {
            "low": self.group_size_min,
            "high": self.group_size_max,
        }
