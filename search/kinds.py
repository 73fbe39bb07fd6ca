"""The kinds of content the search finds, and what each one knows of itself.

A kind says which rows a person may find (visibility), which facets apply to it, and how a
result reads (text for the snippet, key facts, address). The engine treats them all alike.
"""

from collections import Counter
from datetime import timedelta

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Page

from community.models import NeedsBoardPage, Profile, StandardPage, TrainingNeed
from community.models.querysets import VisiblePageQuerySet
from community.needs import needs_board
from community.profiles import directory_page
from discussions.display import topic_url
from discussions.models import ForumPage, Message, Thread, ThreadKind
from events.models import ExchangeEventPage, Session, WorkshopPage
from events.services.overbooking import seats_left
from resources.models import ActivityPage, TrainingPathPage
from resources.models.paths import format_duration_range
from search.id_lists import among


class Kind:
    key = ""
    label = ""
    model = None
    facets = frozenset()
    facet_fields = ()  # fields read with the rows, for the facet counts
    theme_field = "themes"  # many-to-many to resources.Theme; "theme" for a foreign key

    def visible(self, user):
        """Every row of this kind that ``user`` may find: for pages, the site-wide rule."""
        return VisiblePageQuerySet(self.model).visible()

    def filter(self, queryset, selection):
        """Apply the facets of ``selection`` that this kind has (the others exclude it)."""
        if selection.themes:
            lookup = f"{self.theme_field}__in"
            queryset = queryset.filter(
                pk__in=self.model.objects.filter(**{lookup: selection.themes}).values("pk")
            )
        return queryset

    def accepts(self, selection):
        """False when a chosen facet does not exist on this kind (modality rules out needs)."""
        return all(selection.uses(facet) is False or facet in self.facets for facet in FACETS)

    def allowed_rows(self, user, selection, pks):
        """{pk: (pk, *facet field values)} of the rows among ``pks`` that ``user`` may see and
        the selection's facets keep: one query (rows stay tuples: a broad word keeps 7,000)."""
        allowed = self.filter(self.visible(user), selection).filter(pk__in=among(pks))
        return {row[0]: row for row in allowed.values_list("pk", *self.facet_fields)}

    def facet_value(self, row, field_name):
        """One facet field's value in a row of ``allowed_rows``."""
        return row[1 + self.facet_fields.index(field_name)]

    def theme_counts(self, pks):
        """{theme id: number of rows among ``pks``}, one query."""
        field = self.model._meta.get_field(self.theme_field)
        if field.many_to_many:
            table = field.remote_field.through.objects
            row_id, theme_id = (
                f"{field.m2m_field_name()}_id",
                f"{field.m2m_reverse_field_name()}_id",
            )
        else:
            table, row_id, theme_id = self.model.objects, "pk", "theme_id"
        counted = (
            table.filter(**{f"{row_id}__in": among(pks)})
            .values_list(theme_id)
            .annotate(rows=Count("*"))
            .order_by()
        )
        return Counter(dict(counted))

    def load(self, pks):
        """The rows to show, in bulk (the page of results costs the same whatever its size)."""
        return self.model.objects.filter(pk__in=pks)

    def url(self, obj, request):
        return obj.get_url(request=request)

    def title(self, obj):
        return obj.title

    def text(self, obj):
        """Plain text the snippet is cut from."""
        return getattr(obj, "intro", "") or ""

    def facts(self, obj):
        return []


class ActivityKind(Kind):
    key = "activity"
    label = _("Activity")
    model = ActivityPage
    facets = frozenset({"theme", "modality", "level"})
    facet_fields = ("modality", "level")

    def filter(self, queryset, selection):
        queryset = super().filter(queryset, selection)
        if selection.modality:
            queryset = queryset.filter(modality__in=selection.modality)
        if selection.level:
            queryset = queryset.filter(level__in=selection.level)
        return queryset

    def text(self, obj):
        return f"{obj.summary} {strip_tags(obj.objectives)}"

    def facts(self, obj):
        facts = [format_duration_range(obj.duration_min, obj.duration_max)]
        facts.append(obj.get_modality_display())
        if obj.group_size_min and obj.group_size_max:
            facts.append(
                _("%(low)s to %(high)s people")
                % {"low": obj.group_size_min, "high": obj.group_size_max}
            )
        return [fact for fact in facts if fact]


class PathKind(Kind):
    key = "path"
    label = _("Training path")
    model = TrainingPathPage
    facets = frozenset({"theme", "level"})
    facet_fields = ("level",)

    def filter(self, queryset, selection):
        queryset = super().filter(queryset, selection)
        if selection.level:
            queryset = queryset.filter(level__in=selection.level)
        return queryset

    def facts(self, obj):
        return [obj.get_level_display()]


class EventKind(Kind):
    """Workshops and exchange events: a series, and sessions to come."""

    facets = frozenset({"theme", "series", "when"})
    facet_fields = ("series_id",)

    def filter(self, queryset, selection):
        queryset = super().filter(queryset, selection)
        if selection.series:
            queryset = queryset.filter(series_id__in=selection.series)
        if selection.when:
            queryset = queryset.filter(pk__in=sessions_in(selection.when).values("event_id"))
        return queryset

    def with_session_in(self, when, pks):
        """The rows among ``pks`` with a scheduled session in that window."""
        events = sessions_in(when).filter(event_id__in=among(pks))
        return set(events.values_list("event_id", flat=True))

    def load(self, pks):
        """Rows with ``next_session`` (the next scheduled one, with its counts) in two queries."""
        rows = list(super().load(pks).select_related("series"))
        upcoming = (
            Session.objects.scheduled()
            .upcoming()
            .filter(event_id__in=pks)
            .with_counts()
            .select_related("event__series")
            .order_by("start")
        )
        first = {}
        for session in upcoming:
            first.setdefault(session.event_id, session)
        for row in rows:
            row.next_session = first.get(row.pk)
        return rows

    def text(self, obj):
        return f"{obj.summary} {strip_tags(obj.description)}"

    def facts(self, obj):
        session = obj.next_session
        if session is None:
            return [_("No session scheduled")]
        left = seats_left(session)
        seats = (
            ngettext("%(count)s seat left", "%(count)s seats left", left) % {"count": left}
            if left
            else _("Full: waiting list")
        )
        start = timezone.localtime(session.start)
        return [
            _("Next session: %(date)s") % {"date": date_format(start, "DATETIME_FORMAT")},
            seats,
        ]


class WorkshopKind(EventKind):
    key = "workshop"
    label = _("Workshop")
    model = WorkshopPage


class ExchangeEventKind(EventKind):
    key = "event"
    label = _("Exchange event")
    model = ExchangeEventPage


class ProfileKind(Kind):
    key = "profile"
    label = _("Trainer")
    model = Profile
    facets = frozenset({"theme"})

    def visible(self, user):
        return Profile.objects.visible_to(user)

    def load(self, pks):
        return Profile.objects.filter(pk__in=pks).select_related("user")

    def url(self, obj, request):
        page = directory_page_for(request)
        return page.profile_url(obj, request) if page else ""

    def title(self, obj):
        return obj.name

    def text(self, obj):
        return obj.bio

    def facts(self, obj):
        return [fact for fact in (obj.user.job_title, obj.user.service) if fact]


class NeedKind(Kind):
    key = "need"
    label = _("Training need")
    model = TrainingNeed
    facets = frozenset({"theme"})
    theme_field = "theme"

    def visible(self, user):
        """Listed needs, while the needs board itself is visible."""
        if not VisiblePageQuerySet(NeedsBoardPage).visible().exists():
            return TrainingNeed.objects.none()
        return TrainingNeed.objects.listed()

    def load(self, pks):
        return TrainingNeed.objects.filter(pk__in=pks).with_vote_count()

    def url(self, obj, request):
        board = needs_board_for(request)
        return f"{board.get_url(request=request)}#besoin-{obj.pk}" if board else ""

    def text(self, obj):
        return obj.why

    def facts(self, obj):
        votes = ngettext("%(count)s vote", "%(count)s votes", obj.vote_count) % {
            "count": obj.vote_count
        }
        return [obj.get_status_display(), votes]


class DiscussionKind(Kind):
    """Forum topics, and questions and comments on content: the thread is the result, found
    by its title or any of its shown messages (``Thread.searchable_text``)."""

    key = "discussion"
    label = _("Discussion")
    model = Thread
    facets = frozenset({"theme"})
    theme_field = "theme"

    def visible(self, user):
        """Threads not hidden, on a page anyone may see (the forum itself for topics)."""
        return Thread.objects.shown().filter(
            page__in=VisiblePageQuerySet(Page).visible().values("pk")
        )

    def load(self, pks):
        """Threads with their page, their opening message and, for topics, the forum page
        (to build the topic's address): four queries whatever the number of results."""
        openings = Message.objects.filter(is_opening=True).shown()
        rows = list(
            Thread.objects.filter(pk__in=pks)
            .select_related("page")
            .prefetch_related(Prefetch("messages", queryset=openings, to_attr="openings"))
        )
        forum_ids = {row.page_id for row in rows if row.is_topic}
        forums = ForumPage.objects.in_bulk(forum_ids) if forum_ids else {}
        for row in rows:
            row.forum = forums.get(row.page_id)
        return rows

    def url(self, obj, request):
        if obj.is_topic:
            return topic_url(obj.forum, obj, request) if obj.forum else ""
        return f"{obj.page.get_url(request=request)}#fil-{obj.pk}"

    def title(self, obj):
        if obj.title:
            return obj.title
        if obj.kind == ThreadKind.COMMENT:
            return _("Comment on “%(page)s”") % {"page": obj.page.title}
        return _("Question on “%(page)s”") % {"page": obj.page.title}

    def text(self, obj):
        return obj.openings[0].body if obj.openings else ""

    def facts(self, obj):
        replies = ngettext("%(count)s reply", "%(count)s replies", obj.reply_count) % {
            "count": obj.reply_count
        }
        facts = [obj.get_kind_display(), replies]
        if obj.accepted_answer_id:
            facts.append(_("Accepted answer"))
        elif obj.helpful_count:
            facts.append(_("Answer marked helpful"))
        return facts


class StandardPageKind(Kind):
    key = "page"
    label = _("Page")
    model = StandardPage


KINDS = [
    ActivityKind(),
    PathKind(),
    WorkshopKind(),
    ExchangeEventKind(),
    ProfileKind(),
    NeedKind(),
    DiscussionKind(),
    StandardPageKind(),
]
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}

# Facets that only some kinds have; "type" and "theme" apply to all of them or to most.
FACETS = ("theme", "modality", "level", "series", "when")

WHEN_CHOICES = {"week": _("This week"), "month": _("This month")}


def sessions_in(when):
    start, end = window(when)
    return Session.objects.scheduled().filter(start__gte=start, start__lt=end)


def window(when):
    """[now, end of this calendar week or month) in the site's time zone."""
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if when == "week":
        end = midnight + timedelta(days=7 - now.weekday())
    else:
        next_month = (midnight.replace(day=28) + timedelta(days=4)).replace(day=1)
        end = next_month
    return now, end


def directory_page_for(request):
    """The directory page, looked up once per request."""
    if not hasattr(request, "_search_directory_page"):
        request._search_directory_page = directory_page()
    return request._search_directory_page


def needs_board_for(request):
    if not hasattr(request, "_search_needs_board"):
        request._search_needs_board = needs_board()
    return request._search_needs_board
