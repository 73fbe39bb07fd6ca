"""A training path: steps that mix modalities (e-learning, face to face, practice) in order."""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.api.rich_text import APIRichText
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from community.models.mixins import IntroMixin
from community.page_types import WORKSHOP_PAGE
from resources.blocks import ActivityStepBlock, TextStepBlock, WorkshopStepBlock
from resources.models.activities import ActivityPage, Level

# How a path step is labelled for the people who follow it. The keys are those of
# resources.blocks.MODALITY_CHOICES; the labels say concretely what the step is.
STEP_MODALITY_LABELS = {
    "face_to_face": _("Face to face"),
    "remote": _("Remote"),
    "blended": _("Blended"),
    "self_paced": _("E-learning"),
    "practice": _("On-the-job practice"),
}
# The modalities mix, in this order: distance learning (live or self-paced), face to face,
# blended, practice at work.
MIX_GROUPS = {
    "remote": "distance",
    "self_paced": "distance",
    "face_to_face": "face_to_face",
    "blended": "blended",
    "practice": "practice",
}


def _mix_part(group, count):
    if group == "distance":
        text = ngettext("%(count)s remote step", "%(count)s remote steps", count)
    elif group == "face_to_face":
        text = ngettext("%(count)s face-to-face step", "%(count)s face-to-face steps", count)
    elif group == "blended":
        text = ngettext("%(count)s blended step", "%(count)s blended steps", count)
    else:
        text = ngettext("%(count)s on-the-job practice", "%(count)s on-the-job practices", count)
    return text % {"count": count}


def format_minutes(minutes):
    """45 → “45 min”, 120 → “2 h”, 210 → “3 h 30”."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)02d") % {"hours": hours, "minutes": rest}


def format_duration_range(low, high):
    """A duration range in hours and minutes: “3 h 30 to 4 h 15”, or one value if equal."""
    if low == high:
        return format_minutes(low)
    return _("%(low)s to %(high)s") % {"low": format_minutes(low), "high": format_minutes(high)}


def workshop_model():
    """The workshop page model: the library never imports the events app."""
    return apps.get_model(WORKSHOP_PAGE)


# What a page step shows of its page's duration: (minimum, maximum) in minutes.
STEP_PAGE_DURATIONS = {
    "activity": lambda activity: (activity.duration_min, activity.duration_max),
    "workshop": lambda workshop: (workshop.duration_minutes, workshop.duration_minutes),
}


@dataclass
class PathStep:
    """One step of a path as it is shown: an activity of the library, a workshop of the
    calendar, or a free step.

    ``activity`` (``workshop``) is None for a free step and for a step whose page is no longer
    published or visible (``unavailable``): nothing of such a page (title, summary) is shown.
    """

    type: str
    modality: str
    title: str = ""
    activity: ActivityPage | None = None
    workshop: Page | None = None
    unavailable: bool = False
    duration_min: int | None = None
    duration_max: int | None = None
    summary: str = ""
    note: str = ""
    text: object = None  # RichText of a free step

    @property
    def modality_label(self):
        return STEP_MODALITY_LABELS.get(self.modality, self.modality)

    @property
    def has_duration(self):
        return self.duration_min is not None and self.duration_max is not None

    @property
    def duration_label(self):
        if not self.has_duration:
            return ""
        if self.activity is not None:
            return self.activity.duration_label
        return format_duration_range(self.duration_min, self.duration_max)


class PathStepsSerializer(serializers.Field):
    """The steps of a path in the API, resolved as on the page: an unpublished activity is
    null, never its draft's title."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        rich_text_format = APIRichText.resolve_format(
            request.GET.get("rich_text_format") if request else None
        )
        steps = []
        for step in page.resolved_steps:
            item = {"type": step.type, "modality": step.modality}
            if step.type == "activity":
                activity = step.activity
                item["activity"] = (
                    {
                        "id": activity.pk,
                        "title": activity.title,
                        "duration_min": activity.duration_min,
                        "duration_max": activity.duration_max,
                    }
                    if activity is not None
                    else None
                )
                item["note"] = step.note
            elif step.type == "workshop":
                workshop = step.workshop
                item["workshop"] = (
                    {
                        "id": workshop.pk,
                        "title": workshop.title,
                        "duration": step.duration_min,
                    }
                    if workshop is not None
                    else None
                )
                item["note"] = step.note
            else:
                item.update(
                    title=step.title,
                    duration=step.duration_min,
                    text=APIRichText.serialize(step.text.source, format=rich_text_format)
                    if step.text is not None
                    else "",
                )
            steps.append(item)
        return steps


class PathDurationSerializer(serializers.Field):
    """Total duration in minutes: {"min": …, "max": …, "complete": whether every step counts}."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        low, high, complete = page.total_duration
        return {"min": low, "max": high, "complete": complete}


class TrainingPathPage(IntroMixin, Page):
    audience = models.CharField(
        _("target audience"), max_length=200, help_text=_("e.g. “New reception staff”.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    steps = StreamField(
        [
            ("activity", ActivityStepBlock()),
            ("workshop", WorkshopStepBlock()),
            ("text", TextStepBlock()),
        ],
        verbose_name=_("steps"),
        min_num=1,
    )
    themes = ParentalManyToManyField("resources.Theme", verbose_name=_("themes"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("audience"),
        FieldPanel("level"),
        FieldPanel("themes"),
        FieldPanel("steps"),
    ]
    search_fields = [
        *Page.search_fields,
        *IntroMixin.search_fields,
        index.SearchField("audience"),
        index.SearchField("steps"),
        index.FilterField("level"),
    ]
    api_fields = [
        APIField("intro"),
        APIField("audience"),
        APIField("level"),
        APIField(
            "themes",
            serializer=serializers.SlugRelatedField(slug_field="name", many=True, read_only=True),
        ),
        APIField("duration", serializer=PathDurationSerializer()),
        APIField("steps", serializer=PathStepsSerializer()),
    ]

    parent_page_types = ["resources.LibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training path")
        verbose_name_plural = _("training paths")

    # Reading the path. The steps' activities, and their workshops, are fetched in one query
    # each, from the ids in the StreamField's raw data: the page chooser would fetch them one
    # by one, drafts included.

    def _step_page_ids(self, step_type):
        ids = []
        for raw in self.steps.raw_data:
            if raw.get("type") != step_type:
                continue
            try:
                ids.append(int((raw.get("value") or {}).get(step_type)))
            except (TypeError, ValueError):
                continue
        return ids

    def step_workshop_ids(self):
        """The workshops the path names, published or not: what completing it asks for."""
        return self._step_page_ids("workshop")

    def _step_pages(self):
        """{step type: {page id: visible page}}, one query per type that has steps."""
        models_by_type = {"activity": ActivityPage, "workshop": workshop_model()}
        pages = {}
        for step_type, model in models_by_type.items():
            ids = self._step_page_ids(step_type)
            pages[step_type] = model.objects.visible().in_bulk(ids) if ids else {}
        return pages

    @cached_property
    def resolved_steps(self):
        """The steps in order, as :class:`PathStep`; one query per kind of page step whatever
        their number."""
        pages = self._step_pages()
        text_block = self.steps.stream_block.child_blocks["text"]
        steps = []
        for raw in self.steps.raw_data:
            step_type = raw.get("type")
            value = raw.get("value") or {}
            if step_type in pages:
                try:
                    page = pages[step_type].get(int(value.get(step_type)))
                except (TypeError, ValueError):
                    page = None
                step = PathStep(
                    type=step_type,
                    modality=value.get("modality") or "",
                    note=value.get("note") or "",
                    unavailable=page is None,
                    **{step_type: page},
                )
                if page is not None:
                    step.title = page.title
                    step.summary = page.summary
                    step.duration_min, step.duration_max = STEP_PAGE_DURATIONS[step_type](page)
                steps.append(step)
            elif step_type == "text":
                struct = text_block.to_python(value)
                duration = struct.get("duration")
                steps.append(
                    PathStep(
                        type="text",
                        modality=struct.get("modality") or "",
                        title=struct.get("title") or "",
                        duration_min=duration,
                        duration_max=duration,
                        text=struct.get("text"),
                    )
                )
        return steps

    @property
    def total_duration(self):
        """(minimum, maximum, complete) in minutes; ``complete`` is False when a step has no
        known duration (a free step without one, an unavailable activity or workshop)."""
        low = high = 0
        complete = True
        for step in self.resolved_steps:
            if step.has_duration:
                low += step.duration_min
                high += step.duration_max
            else:
                complete = False
        return low, high, complete

    @property
    def total_duration_label(self):
        low, high, _complete = self.total_duration
        if not high:
            return ""
        return format_duration_range(low, high)

    @property
    def modality_summary(self):
        """“Blended path: 2 remote steps, 3 face-to-face steps, 1 on-the-job practice”."""
        counts = {}
        for step in self.resolved_steps:
            group = MIX_GROUPS.get(step.modality)
            if group:
                counts[group] = counts.get(group, 0) + 1
        order = ["distance", "face_to_face", "blended", "practice"]
        parts = ", ".join(_mix_part(group, counts[group]) for group in order if group in counts)
        if not parts:
            return ""
        if len(counts) > 1:
            return _("Blended path: %(parts)s") % {"parts": parts}
        return _("Path: %(parts)s") % {"parts": parts}
