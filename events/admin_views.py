"""Views of the training team's admin for events.

The listings of sessions and registrations (counts in the query, filters, CSV and XLSX
exports in local time, attendance), the session forms that move the waiting list up after a save
and warn when a facilitator passes the yearly hours cap, and the creation of recurring sessions
(a preview of the dates, then all of them in one transaction).
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from events import services
from events.admin_forms import RecurringSessionsForm
from events.models import (
    Attendance,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
)
from events.recurrence import describe
from events.services import attendance

SESSIONS_INDEX_URL = "events_sessions:index"
REGISTRATIONS_INDEX_URL = "events_registrations:index"
RECURRING_SESSIONS_URL = "events_recurring_sessions"

CSV = SpreadsheetExportMixin.FORMAT_CSV
XLSX = SpreadsheetExportMixin.FORMAT_XLSX


LOCAL_FORMAT = "l j F Y, H\\hi"


def local_label(moment):
    """A moment in the site's local time, as the site writes it: “jeudi 14 janvier 2027,
    18h00”."""
    if moment is None:
        return ""
    return date_format(timezone.localtime(moment), LOCAL_FORMAT)


def _export_local_csv(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _export_local_xlsx(moment):
    # A spreadsheet cell has no time zone: write the local wall-clock time, not UTC.
    return timezone.localtime(moment).replace(tzinfo=None)


def _choice_label(choices):
    def label(value):
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    return {CSV: label, XLSX: label}


class LocalTimeExportMixin:
    """Exports write dates in local time (Europe/Paris) and choices by their label."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {CSV: _export_local_csv, XLSX: _export_local_xlsx},
    }


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only “view” can be granted, even to a superuser: registrations change through the
    registration service (``events.services``), which holds the capacity and waiting-list rules,
    never by hand in the admin."""

    allowed_actions = frozenset({"view"})

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action in self.allowed_actions]
        if not actions:
            return super().users_with_any_permission(["view"]).none()
        return super().users_with_any_permission(actions)


# ---------------------------------------------------------------------------------------------
# Sessions


class SessionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=SessionStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    series = django_filters.ModelChoiceFilter(
        label=_("Series"), field_name="event__series", queryset=Series.objects.all()
    )
    start = django_filters.DateFromToRangeFilter(
        label=_("Start date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Session
        fields = []


class SessionIndexView(LocalTimeExportMixin, generic.IndexView):
    custom_field_preprocess = {"status": _choice_label(SessionStatus)}

    # Trainers read the listing; exports are the training team's.
    @property
    def may_export(self):
        return self.request.user.has_perm(attendance.TEAM_PERMISSION)

    @property
    def show_export_buttons(self):
        return self.may_export and super().show_export_buttons

    def get(self, request, *args, **kwargs):
        if self.is_export and not self.may_export:
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def get_base_queryset(self):
        # The counts are two subqueries of this one query: no query per row.
        return Session.objects.with_counts().select_related("event", "event__series")

    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].label = _("Workshop or event")  # not “Workshop or event title”
        return columns

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.user_has_permission("add"):
            buttons.append(
                HeaderButton(
                    _("Create recurring sessions"),
                    url=reverse(RECURRING_SESSIONS_URL),
                    icon_name="calendar-alt",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("events.view_registration"):
            buttons.append(
                MenuItem(
                    _("Registrations"),
                    url=f"{reverse(REGISTRATIONS_INDEX_URL)}?session={instance.pk}",
                    icon_name="group",
                    priority=15,
                )
            )
        if self.request.user.has_perm(attendance.TEAM_PERMISSION):
            buttons.append(
                MenuItem(
                    _("Sign-in sheet"),
                    url=reverse("events:sign_in_sheet", args=[instance.pk]),
                    icon_name="doc-full",
                    priority=16,
                )
            )
            if instance.status != SessionStatus.CANCELLED:
                buttons.append(
                    MenuItem(
                        _("Roll call"),
                        url=reverse("events:roll_call", args=[instance.pk]),
                        icon_name="tasks",
                        priority=17,
                    )
                )
        return buttons


class FillFreeSeatsMixin:
    """After a session is saved, the first people waiting take the free seats at once (a raised
    capacity, a session scheduled again); the service does nothing for a cancelled session."""

    promoted = ()

    def save_instance(self):
        instance = super().save_instance()
        self.promoted = services.fill_free_seats(instance.pk)
        if "status" in self.form.changed_data and instance.status == SessionStatus.CANCELLED:
            services.announce_cancellation(instance.pk)
        return instance

    def save_action(self):
        response = super().save_action()
        if self.promoted and not self.expects_json_response:
            count = len(self.promoted)
            messages.success(
                self.request,
                ngettext(
                    "%(count)s person moved up from the waiting list.",
                    "%(count)s people moved up from the waiting list.",
                    count,
                )
                % {"count": count},
            )
        return response


class FacilitationCapMixin:
    """After a session is saved, a warning names each of its facilitators whose planned hours
    that year pass the cap (in-house trainers may train colleagues up to 90 h a year). A warning
    only: the training team may know of an exception."""

    def save_action(self):
        response = super().save_action()
        if not self.expects_json_response:
            year = timezone.localtime(self.object.start).year
            for person, hours in attendance.over_cap(self.object):
                messages.warning(
                    self.request,
                    _("%(name)s: %(hours)s h planned in %(year)s, beyond the cap of %(cap)s h")
                    % {
                        "name": person,
                        "hours": floatformat(hours, -1),
                        "year": year,
                        "cap": attendance.hours_cap(),
                    },
                )
        return response


class SessionCreateView(FacilitationCapMixin, FillFreeSeatsMixin, generic.CreateView):
    pass


class SessionEditView(FacilitationCapMixin, FillFreeSeatsMixin, generic.EditView):
    pass


class SessionInspectView(generic.InspectView):
    """Trainers read sessions too; the online link stays for the people registered and the
    training team (who see it in the edit form anyway)."""

    def get_fields(self):
        fields = super().get_fields()
        if self.request.user.has_perm("events.change_session"):
            return fields
        return [name for name in fields if name != "online_url"]


class SessionDeleteView(generic.DeleteView):
    """A session with registrations is history (and people's calendars): it is cancelled,
    which tells them, never deleted."""

    def form_valid(self, form):
        if self.object.registrations.exists():
            messages.error(
                self.request,
                _(
                    "This session has registrations: it cannot be deleted. Cancel it instead "
                    "(status “cancelled”): the people registered are told by e-mail."
                ),
            )
            return redirect(reverse("events_sessions:edit", args=[self.object.pk]))
        return super().form_valid(form)


# ---------------------------------------------------------------------------------------------
# Registrations


NOT_RECORDED = "unknown"  # a filter value cannot be "" (that means “all”)


def _filter_attendance(queryset, name, value):
    return queryset.filter(attendance=Attendance.UNKNOWN if value == NOT_RECORDED else value)


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=RegistrationStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    attendance = django_filters.ChoiceFilter(
        label=_("Attendance"),
        choices=[
            (Attendance.PRESENT, Attendance.PRESENT.label),
            (Attendance.ABSENT, Attendance.ABSENT.label),
            (NOT_RECORDED, Attendance.UNKNOWN.label),
        ],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method=_filter_attendance,
    )
    series = django_filters.ModelChoiceFilter(
        label=_("Series"), field_name="session__event__series", queryset=Series.objects.all()
    )
    session_start = django_filters.DateFromToRangeFilter(
        label=_("Session date"), field_name="session__start", widget=DateRangePickerWidget
    )
    session = django_filters.ModelChoiceFilter(
        label=_("Session"),
        queryset=Session.objects.select_related("event").order_by("-start"),
    )

    class Meta:
        model = Registration
        fields = []


class RegistrationIndexView(LocalTimeExportMixin, generic.IndexView):
    custom_field_preprocess = {
        "status": _choice_label(RegistrationStatus),
        "attendance": _choice_label(Attendance),
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The viewset gives the exported fields; attendance comes last, so that the columns
        # people's spreadsheets already read keep their place.
        if "attendance" not in self.list_export:
            self.list_export = [*self.list_export, "attendance"]

    def get_base_queryset(self):
        return Registration.objects.with_waitlist_position().select_related(
            "user", "session__event"
        )

    @cached_property
    def columns(self):
        columns = list(super().columns)
        names = [column.name for column in columns]
        after = (
            names.index("get_status_display") + 1 if "get_status_display" in names else len(columns)
        )
        column = StatusTagColumn(
            "get_attendance_display",
            label=_("Attendance"),
            sort_key="attendance",
            primary=lambda registration: registration.attendance == Attendance.PRESENT,
        )
        return [*columns[:after], column, *columns[after:]]


# ---------------------------------------------------------------------------------------------
# Recurring sessions


class RecurringSessionsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """First POST: the dates, for checking. Second POST (``action=create``): all the
    sessions, in one transaction. The dates are computed again from the same fields, which
    the preview carries as hidden inputs."""

    model = Session
    permission_required = "add"
    form_class = RecurringSessionsForm
    template_name = "events/admin/recurring_sessions.html"
    page_title = _("Create recurring sessions")
    header_icon = "calendar-alt"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(SESSIONS_INDEX_URL),
                "label": capfirst(Session._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def action(self):
        return self.request.POST.get("action", "preview")

    def post(self, request, *args, **kwargs):
        if self.action == "edit":  # back from the preview, to change a field
            return self.render_to_response(self.get_context_data(form=self.get_form()))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if self.action != "create":
            return self.render_to_response(self.get_context_data(form=form, preview=True))
        with transaction.atomic():
            for session in form.sessions:
                session.save()
        count = len(form.sessions)
        messages.success(
            self.request,
            ngettext(
                "%(count)s session of “%(event)s” created.",
                "%(count)s sessions of “%(event)s” created.",
                count,
            )
            % {"count": count, "event": form.cleaned_data["event"].title},
        )
        return redirect(reverse(SESSIONS_INDEX_URL))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["media"] = form.media
        if context.get("preview"):
            data = form.cleaned_data
            context["rule"] = describe(data["first_date"], data["frequency"])
            context["dates"] = [
                {
                    "start": local_label(session.start),
                    "end": date_format(timezone.localtime(session.end), "H\\hi"),
                    "deadline": local_label(session.registration_deadline),
                }
                for session in form.sessions
            ]
        return context
