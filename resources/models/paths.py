"""A training path: steps that mix modalities (e-learning, face to face, practice) in order."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from community.models.mixins import IntroMixin
from resources.blocks import ActivityStepBlock, TextStepBlock
from resources.models.activities import Level


class TrainingPathPage(IntroMixin, Page):
    audience = models.CharField(
        _("target audience"), max_length=200, help_text=_("e.g. “New reception staff”.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    steps = StreamField(
        [("activity", ActivityStepBlock()), ("text", TextStepBlock())],
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

    parent_page_types = ["resources.LibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training path")
        verbose_name_plural = _("training paths")
