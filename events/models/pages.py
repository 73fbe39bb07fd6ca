"""Workshops and peer-exchange events, and their two index pages.

A workshop and an exchange event share their sessions, registration and calendars: both are
an :class:`EventPage` (a concrete base page, never created on its own), so a session points
at one model whatever it belongs to.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from community import caching, profiles
from community.models.mixins import IntroMixin
from community.models.querysets import VisiblePageQuerySet
from community.pagination import paginate

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
MAX_DURATION_MINUTES = 8 * 60


class EventFormat(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("face to face")
    REMOTE = "remote", _("remote")
    HYBRID = "hybrid", _("hybrid")


class EventKind(models.TextChoices):
    COMMUNITY_OF_PRACTICE = "community", _("community of practice")
    CONFERENCE = "conference", _("conference")
    MEETUP = "meetup", _("meetup")


class EventPage(Page):
    """What a workshop and an exchange event have in common."""

    series = models.ForeignKey(
        "events.Series",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    summary = models.CharField(
        _("summary"), max_length=200, help_text=_("One line that says what participants gain.")
    )
    description = RichTextField(_("description"), blank=True, features=TEXT_FEATURES)
    themes = ParentalManyToManyField("resources.Theme", verbose_name=_("themes"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=300, blank=True, help_text=_("Who it is for.")
    )
    prerequisites = models.CharField(_("prerequisites"), max_length=300, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        validators=[MinValueValidator(15), MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.FACE_TO_FACE
    )
    facilitators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_events",
        blank=True,
    )
    activities = ParentalManyToManyField(
        "resources.ActivityPage",
        verbose_name=_("library activities used"),
        related_name="events",
        blank=True,
    )
    # A proposal from an agent: who proposed it (kept even when the team edits the page) and
    # the dates they suggested, for the team to schedule sessions.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_events",
        editable=False,
    )
    preferred_dates = models.TextField(_("preferred dates"), max_length=500, blank=True)

    objects = PageManager.from_queryset(VisiblePageQuerySet)()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("audience"),
        index.FilterField("format"),
        index.FilterField("series_id"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("series", [index.SearchField("name")]),
    ]
    facts_panel = MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("series"), FieldPanel("format")]),
            FieldRowPanel([FieldPanel("duration_minutes")]),
            FieldPanel("audience"),
            FieldPanel("prerequisites"),
        ],
        heading=_("Facts"),
    )
    people_panels = [
        FieldPanel("facilitators"),
        FieldPanel("themes"),
        FieldPanel("activities"),
        FieldPanel("preferred_dates"),
    ]

    parent_page_types = []  # only its two kinds are created
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @classmethod
    def can_create_at(cls, parent):
        return cls is not EventPage and super().can_create_at(parent)

    @property
    def duration_label(self):
        from resources.models.paths import format_minutes

        return format_minutes(self.duration_minutes)

    def get_context(self, request, *args, **kwargs):
        from events.services import sessions_for_page

        context = super().get_context(request, *args, **kwargs)
        context.update(sessions_for_page(self, request.user))
        facilitators = list(self.facilitators.all())
        links = profiles.profile_links(request.user, facilitators, request)
        for person in facilitators:
            person.profile_link = links.get(person.pk)
        context["facilitator_list"] = facilitators
        context["activity_list"] = list(self.activities.visible().order_by("title"))
        context["theme_list"] = list(self.themes.all())
        return context


class WorkshopPage(EventPage):
    """A workshop that can run many times (each run is a session)."""

    objectives = RichTextField(_("objectives"), blank=True, features=["bold", "italic", "ul"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        EventPage.facts_panel,
        FieldPanel("objectives"),
        FieldPanel("description"),
        *EventPage.people_panels,
    ]
    search_fields = [*EventPage.search_fields, index.SearchField("objectives")]

    template = "events/event_page.html"
    parent_page_types = ["events.WorkshopCatalogPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")


class ExchangeEventPage(EventPage):
    """A peer-exchange event: a community of practice, a conference, a meetup."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=EventKind.choices, default=EventKind.MEETUP
    )
    speakers = models.CharField(
        _("outside speakers"),
        max_length=300,
        blank=True,
        help_text=_("Names and organisations of speakers from outside, if any."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        EventPage.facts_panel,
        FieldPanel("speakers"),
        FieldPanel("description"),
        *EventPage.people_panels,
    ]
    search_fields = [*EventPage.search_fields, index.SearchField("speakers")]

    template = "events/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("exchange event")
        verbose_name_plural = _("exchange events")


class EventListingMixin(IntroMixin, Page):
    """An index of events: each with its next sessions, filtered by series and theme."""

    child_model = None
    accepts_proposals = False  # agents may propose workshops, not exchange events

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    class Meta:
        abstract = True

    def events(self):
        from events.models import Session

        return (
            self.child_model.objects.child_of(self)
            .visible()
            .select_related("series")
            .prefetch_related(
                "themes",
                Prefetch(
                    "sessions",
                    queryset=Session.objects.upcoming().with_counts().order_by("start"),
                    to_attr="upcoming_sessions",
                ),
            )
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from events.filters import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = EventFilterForm(request.GET, events=self.events())
        context["filter_form"] = form
        # Lazy: a cached programme fragment (templates/events/event_listing.html) skips them.
        context["events"] = SimpleLazyObject(lambda: paginate(request, form.results()))
        context["listing_key"] = caching.listing_key(form, request)
        return context


class WorkshopCatalogPage(EventListingMixin):
    child_model = WorkshopPage
    accepts_proposals = True
    template = "events/event_listing.html"

    parent_page_types = ["community.HomePage"]
    subpage_types = ["events.WorkshopPage"]
    max_count = 1

    class Meta:
        verbose_name = _("workshop catalogue")
        verbose_name_plural = _("workshop catalogues")


class EventIndexPage(EventListingMixin):
    child_model = ExchangeEventPage
    template = "events/event_listing.html"

    parent_page_types = ["community.HomePage"]
    subpage_types = ["events.ExchangeEventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("exchange events index")
        verbose_name_plural = _("exchange events indexes")
