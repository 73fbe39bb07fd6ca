"""The training team's admin for events, in one menu “Workshops and events”: series, sessions
(with their counts, filters and exports), registrations (read only) and the creation of
recurring sessions."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events import admin_overbooking, admin_views
from events.models import (
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
)

# Before any view asks for it, or Wagtail would build the default policy.
register_permission_policy(
    Registration, admin_views.ReadOnlyPermissionPolicy(Registration), exact_class=True
)


class ColourColumn(Column):
    cell_template_name = "events/admin/colour_cell.html"


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "tag"
    menu_label = _("Series")
    index_view_class = admin_overbooking.SeriesIndexView
    list_display = [
        "name",
        ColourColumn("colour", label=_("Colour")),
        Column("event_count", label=_("Number of events"), sort_key="event_count"),
        *admin_overbooking.COLUMNS,
    ]
    search_fields = ["name", "description"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("colour"),
    ]

    def get_queryset(self, request):
        series = Series.objects.annotate(event_count=Count("events"))
        return admin_overbooking.series_queryset(series)


def _is_scheduled(session):
    return session.status == SessionStatus.SCHEDULED


class SessionViewSet(ModelViewSet):
    model = Session
    name = "events_sessions"
    url_prefix = "events/sessions"
    icon = "date"
    menu_label = _("Sessions")
    index_view_class = admin_views.SessionIndexView
    add_view_class = admin_views.SessionCreateView
    edit_view_class = admin_views.SessionEditView
    delete_view_class = admin_views.SessionDeleteView
    inspect_view_class = admin_views.SessionInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "event",
        "start",
        "end",
        "place",
        "online_url",
        "capacity",
        "registration_opens",
        "registration_deadline",
        "facilitators",
        "status",
    ]
    list_per_page = 50
    list_display = [
        "event__title",
        Column("event.series", label=_("Series"), sort_key="event__series__name"),
        Column(
            "start",
            label=_("Start"),
            accessor=lambda session: admin_views.local_label(session.start),
            sort_key="start",
        ),
        StatusTagColumn(
            "get_status_display", label=_("Status"), sort_key="status", primary=_is_scheduled
        ),
        Column("capacity", label=_("Capacity"), sort_key="capacity"),
        Column("confirmed_count", label=_("Confirmed seats"), sort_key="confirmed_count"),
        Column("waitlist_count", label=_("Waiting list"), sort_key="waitlist_count"),
    ]
    filterset_class = admin_views.SessionFilterSet
    search_fields = ["event__title"]
    search_backend_name = None  # Session is not indexed: the database searches.
    ordering = ["-start"]
    list_export = [
        "event",
        "start",
        "end",
        "place",
        "capacity",
        "status",
        "confirmed_count",
        "waitlist_count",
    ]
    export_headings = {
        "confirmed_count": _("Confirmed seats"),
        "waitlist_count": _("Waiting list"),
    }
    export_filename = "seances"
    panels = [
        FieldPanel("event"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])],
            heading=_("When (local time)"),
        ),
        FieldPanel("place"),
        FieldPanel("online_url"),
        FieldPanel("capacity"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_deadline")]
                )
            ],
            heading=_("Registration"),
        ),
        FieldPanel("facilitators"),
        FieldPanel("status"),
    ]


class RegistrationViewSet(ModelViewSet):
    """Read only: people register and cancel through the site (the registration service)."""

    model = Registration
    name = "events_registrations"
    url_prefix = "events/registrations"
    icon = "group"
    menu_label = _("Registrations")
    index_view_class = admin_views.RegistrationIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    # Never the token: it cancels the registration.
    inspect_view_fields = ["session", "user", "status", "queued_at", "promoted_at", "cancelled_at"]
    list_per_page = 50
    list_display = [
        "user",
        Column("user.email", label=_("E-mail"), sort_key="user__email"),
        Column("user.service", label=_("Service"), sort_key="user__service"),
        Column("session", label=_("Session"), sort_key="session__start"),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda registration: registration.status == RegistrationStatus.CONFIRMED,
        ),
        Column("waitlist_position", label=_("Waitlist position"), sort_key="waitlist_position"),
        Column(
            "queued_at",
            label=_("Registered at"),
            accessor=lambda registration: admin_views.local_label(registration.queued_at),
            sort_key="queued_at",
        ),
    ]
    filterset_class = admin_views.RegistrationFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email", "session__event__title"]
    search_backend_name = None
    ordering = ["-queued_at"]
    list_export = [
        "user",
        "user.email",
        "user.service",
        "session",
        "status",
        "waitlist_position",
        "queued_at",
    ]
    export_headings = {
        "user.email": _("E-mail"),
        "user.service": _("Service"),
        "waitlist_position": _("Waitlist position"),
    }
    export_filename = "inscriptions"
    form_fields = ["status"]  # required by ModelViewSet; the policy refuses every change

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Registration)
        return Permission.objects.filter(content_type=content_type, codename="view_registration")


class RecurringSessionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.add_session")


class EventsViewSetGroup(SnippetViewSetGroup):
    items = (SeriesViewSet, SessionViewSet, RegistrationViewSet)
    menu_icon = "date"
    menu_label = _("Workshops and events")
    menu_name = "events"
    submenu_hook = "register_events_menu_item"


register_snippet(EventsViewSetGroup)


@hooks.register("register_events_menu_item")
def recurring_sessions_menu_item():
    return RecurringSessionsMenuItem(
        _("Create recurring sessions"),
        reverse(admin_views.RECURRING_SESSIONS_URL),
        name="recurring-sessions",
        icon_name="calendar-alt",
        order=100,
    )


@hooks.register("register_admin_urls")
def recurring_sessions_urls():
    return [
        path(
            "events/recurring-sessions/",
            admin_views.RecurringSessionsView.as_view(),
            name=admin_views.RECURRING_SESSIONS_URL,
        ),
        path(
            "events/series/<int:pk>/overbooking/",
            admin_overbooking.OverbookingView.as_view(),
            name=admin_overbooking.OVERBOOKING_URL,
        ),
    ]


# Feedback answers, read only, in the same menu (see events.admin_feedback).
from events import admin_feedback  # noqa: E402

hooks.register("register_admin_viewset", admin_feedback.viewsets)
