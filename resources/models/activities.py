"""A reusable training activity: what a trainer needs to run it tomorrow."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from resources.blocks import AttachmentBlock, ObjectiveBlock, StepBlock
from resources.licences import Licence, compatible_licences

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


class ActivityPageQuerySet(PageQuerySet):
    def with_engagement(self):
        """Counters every listing shows, each in a subquery so that joins never multiply."""
        from resources.models.engagement import Rating, Reuse

        def count(model, field):
            return Coalesce(
                Subquery(
                    model.objects.filter(**{field: OuterRef("pk")})
                    .values(field)
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            )

        return self.annotate(
            reuse_count=count(Reuse, "activity"),
            rating_count=count(Rating, "activity"),
            adaptation_count=Coalesce(
                Subquery(
                    ActivityPage.objects.live()
                    .filter(adapted_from=OuterRef("pk"))
                    .values("adapted_from")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
            rating_average=Subquery(
                Rating.objects.filter(activity=OuterRef("pk"))
                .values("activity")
                .annotate(a=Avg("score"))
                .values("a")
            ),
        )


ActivityPageManager = PageManager.from_queryset(ActivityPageQuerySet)


def _range_validators(maximum):
    return [MinValueValidator(1), MaxValueValidator(maximum)]


class ActivityPage(Page):
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
        _("source attribution"), max_length=500, blank=True, editable=False
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
        original = self.adapted_from
        if original is not None and self.licence not in compatible_licences(original.licence):
            errors["licence"] = _(
                "This adaptation cannot be published under %(chosen)s: the original activity "
                "is under %(original)s, which allows only: %(allowed)s."
            ) % {
                "chosen": Licence(self.licence).label,
                "original": Licence(original.licence).label,
                "allowed": ", ".join(
                    str(licence.label)
                    for licence in Licence
                    if licence in compatible_licences(original.licence)
                ),
            }
        if errors:
            raise ValidationError(errors)

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
