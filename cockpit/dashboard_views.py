"""The training team's dashboard (“Tableau de bord”): key figures, facilitators, four charts.

The figures come from ``cockpit.figures`` (a fixed number of queries, whatever the volume) and
the pictures from ``cockpit.charts``; this module only picks, formats and lays them out.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse, reverse_lazy
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cockpit import charts
from cockpit.figures import compute
from cockpit.filters import CockpitFilterForm
from cockpit.models import VIEW_DASHBOARD
from events.services.feedback import min_answers

DASHBOARD_URL = "cockpit_dashboard"
NBSP = "\u202f"
NO_DATA = "—"


class CockpitMenuItem(MenuItem):
    """A “Pilotage” entry, shown only to people holding ``permission``."""

    def __init__(self, label, url, permission, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class TeamOnlyMixin:
    """The training team (and superusers) only; anyone else is turned away before any query
    on the figures (Wagtail sends them back to the admin's home with a message)."""

    permission = VIEW_DASHBOARD

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# ---------------------------------------------------------------------------------------------
# Formatting


def number(value):
    return charts.format_number(value)


def rate(value):
    """A percentage, or “—” when it has no denominator."""
    return NO_DATA if value is None else f"{number(value)}{NBSP}%"


def hours_label(value):
    return f"{number(float(value))}{NBSP}h"


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    detail: str = ""


def key_figure_cards(figures):
    """The cards of the grid, in reading order: activity, attendance, feedback, people."""
    hidden = figures.feedback_hidden_reason or ""
    return [
        Card(
            _("Sessions held"),
            number(figures.sessions_held),
            _("%(seats)s seats offered") % {"seats": number(figures.capacity_held)},
        ),
        Card(_("Registrations"), number(figures.registrations), _("confirmed seats")),
        Card(_("Attendees"), number(figures.attendees), _("marked present")),
        Card(_("Agents trained"), number(figures.agents_trained), _("distinct people present")),
        Card(
            _("Training hours delivered"),
            hours_label(figures.training_hours),
            _("attendees × length of their session"),
        ),
        Card(
            _("No-show rate"),
            rate(figures.no_show_rate),
            _("%(absent)s absent out of %(marked)s marked at closed roll calls")
            % {
                "absent": number(figures.absent_at_closed),
                "marked": number(figures.present_at_closed + figures.absent_at_closed),
            },
        ),
        Card(
            _("Fill rate"),
            rate(figures.fill_rate),
            _("attendees for the seats of the sessions held"),
        ),
        Card(
            _("Waiting-list demand"),
            number(figures.waitlist_demand),
            _("%(waiting)s still waiting, %(promoted)s given a seat from the list")
            % {
                "waiting": number(figures.waitlist_waiting),
                "promoted": number(figures.waitlist_promoted),
            },
        ),
        Card(
            _("Feedback response rate"),
            rate(figures.response_rate),
            hidden
            or _("%(answers)s answers out of %(invited)s invitations")
            % {
                "answers": number(figures.feedback_answers),
                "invited": number(figures.feedback_invited),
            },
        ),
        Card(
            _("Satisfaction"),
            NO_DATA if figures.satisfaction is None else f"{number(figures.satisfaction)}/5",
            hidden or _("mean overall rating"),
        ),
        Card(
            _("Gained useful skills"),
            rate(figures.useful_share),
            hidden or _("answers “yes” or “rather yes”"),
        ),
        Card(
            _("Active facilitators"),
            number(figures.active_facilitators),
            ngettext(
                "%(count)s over the %(cap)s h yearly cap",
                "%(count)s over the %(cap)s h yearly cap",
                len(figures.facilitators_over_cap),
            )
            % {"count": len(figures.facilitators_over_cap), "cap": figures.hours_cap},
        ),
        Card(
            _("Activities published"),
            number(figures.activities_published),
            _("first published in the period"),
        ),
        Card(
            _("Activities adapted"),
            number(figures.activities_adapted),
            _("adaptations of another activity, published in the period"),
        ),
        Card(
            _("Reuses recorded"),
            number(figures.reuses),
            _("of %(count)s activities") % {"count": number(figures.activities_reused)},
        ),
    ]


def figure_charts(figures):
    """The four charts: participation per month, no-shows and satisfaction per series,
    demand and offer per theme."""
    months = figures.months
    return [
        charts.grouped_bar_chart(
            _("Participation per month"),
            [date_format(row.month, "F Y") for row in months],
            [
                (_("Registrations"), [row.registrations for row in months]),
                (_("Attendees"), [row.attendees for row in months]),
            ],
            heading=_("Month"),
        ),
        charts.bar_chart(
            _("No-show rate per series"),
            [(row.name, row.rate) for row in figures.no_shows_by_series],
            unit="%",
            axis_max=100,
            headings=(_("Series"), _("No-show rate")),
        ),
        charts.bar_chart(
            _("Satisfaction per series"),
            [(row.name, row.satisfaction) for row in figures.satisfaction_by_series],
            unit="/5",
            axis_max=5,
            headings=(_("Series"), _("Mean rating")),
        ),
        charts.grouped_bar_chart(
            _("Demand and offer per theme"),
            [row.name for row in figures.demand_by_theme],
            [
                (_("Votes on open needs"), [row.votes for row in figures.demand_by_theme]),
                (_("Sessions offered"), [row.sessions for row in figures.demand_by_theme]),
            ],
            heading=_("Theme"),
        ),
    ]


# ---------------------------------------------------------------------------------------------
# The view


class CockpitScreenMixin(TeamOnlyMixin, WagtailAdminTemplateMixin):
    """What the dashboard and the report share: the permission, the filter form."""

    header_icon = "history"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = CockpitFilterForm(self.request.GET)
        return self._filter_form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filter_form()
        context["filter_form"] = form
        context["filters"] = form.filters()
        return context


class DashboardView(CockpitScreenMixin, TemplateView):
    template_name = "cockpit/dashboard.html"
    page_title = _("Dashboard")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = compute(context["filters"])
        context["figures"] = figures
        context["cards"] = key_figure_cards(figures)
        context["charts"] = figure_charts(figures)
        context["report_url"] = reverse("cockpit_report")
        context["min_answers"] = min_answers()
        return context


urlpatterns = [path("", DashboardView.as_view(), name=DASHBOARD_URL)]

menu_items = [
    CockpitMenuItem(
        _("Dashboard"),
        reverse_lazy(DASHBOARD_URL),
        VIEW_DASHBOARD,
        name="cockpit-dashboard",
        icon_name="history",
        order=100,
    )
]
