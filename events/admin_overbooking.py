"""The training team's admin for over-booking: the measured no-show rate in the list of series,
and a page per series that shows the rate and what it would do before anyone applies it.

Applying and removing are POST only, for those who may change series; the rules and the
arithmetic live in ``events.services.overbooking``.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from events.models import Series, Session
from events.services.overbooking import (
    MIN_ATTENDANCES,
    allowance,
    apply_overbooking,
    measure_of,
    remove_overbooking,
    typical_capacity,
    with_no_show_counts,
)

OVERBOOKING_URL = "events_series_overbooking"
UPCOMING_SHOWN = 10


def percent(rate, decimal_pos=1):
    """0.235 → “23.5%” (the French catalogue writes “23,5 %”)."""
    if rate is None:
        return ""
    return _("%(percent)s%%") % {"percent": number_format(rate * 100, decimal_pos=decimal_pos)}


def _measured_label(series):
    measure = measure_of(series)
    if measure.rate is None:
        return _("Too little data")
    return percent(measure.rate)


# Columns of the list of series; its queryset is annotated by ``with_no_show_counts``.
COLUMNS = [
    Column(
        "measured_no_show", label=gettext_lazy("Measured no-show rate"), accessor=_measured_label
    ),
    Column("recorded_count", label=gettext_lazy("Attendances recorded"), sort_key="recorded_count"),
    Column(
        "overbooking_rate",
        label=gettext_lazy("Applied no-show rate"),
        accessor=lambda series: percent(series.overbooking_rate) or "—",
        sort_key="overbooking_rate",
    ),
]


def series_queryset(queryset):
    """The list of series with their no-show counts, in one query."""
    return with_no_show_counts(queryset)


class SeriesIndexView(SnippetIndexView):
    """The list of series, with a link to each series' over-booking page."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("events.change_series"):
            buttons.append(
                MenuItem(
                    _("Over-booking"),
                    url=reverse(OVERBOOKING_URL, args=[instance.pk]),
                    icon_name="group",
                    priority=15,
                )
            )
        return buttons


class ApplyForm(forms.Form):
    """The rate the page showed: applied only if it is still the measured one."""

    rate = forms.DecimalField(max_digits=4, decimal_places=3, widget=forms.HiddenInput)


class OverbookingView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET shows the measured rate and a worked example; POST ``action=apply`` or
    ``action=remove`` changes the series, then comes back here (never on GET)."""

    model = Series
    permission_required = "change"
    template_name = "events/admin/overbooking.html"
    header_icon = "group"

    @cached_property
    def series(self):
        return get_object_or_404(with_no_show_counts(Series.objects.all()), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Over-booking")

    def get_page_subtitle(self):
        return str(self.series)

    def get_breadcrumbs_items(self):
        index_url = reverse(Series.snippet_viewset.get_url_name("list"))
        return [
            *self.breadcrumbs_items,
            {"url": index_url, "label": capfirst(Series._meta.verbose_name_plural)},
            {"url": "", "label": f"{self.get_page_title()} — {self.series}"},
        ]

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "apply":
                self._apply()
            elif action == "remove":
                remove_overbooking(self.series, request.user)
                messages.success(
                    request,
                    _("Over-booking removed: sessions of “%(series)s” take their capacity again.")
                    % {"series": self.series},
                )
            else:
                messages.error(request, _("Unknown action."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(reverse(OVERBOOKING_URL, args=[self.series.pk]))

    def _apply(self):
        measure = measure_of(self.series)
        form = ApplyForm(self.request.POST)
        if measure.rate is None:
            raise ValidationError(
                _("Too little data: at least %(count)s attendances must be recorded.")
                % {"count": MIN_ATTENDANCES}
            )
        if not form.is_valid() or form.cleaned_data["rate"] != measure.rate:
            raise ValidationError(
                _(
                    "The measured rate has changed since this page was shown: check the new "
                    "figures and apply again."
                )
            )
        promoted = apply_overbooking(self.series, measure.rate, self.request.user)
        message = _("A no-show rate of %(rate)s is applied to “%(series)s”.") % {
            "rate": percent(measure.rate),
            "series": self.series,
        }
        if promoted:
            message += " " + ngettext(
                "%(count)s person moved up from the waiting list.",
                "%(count)s people moved up from the waiting list.",
                len(promoted),
            ) % {"count": len(promoted)}
        messages.success(self.request, message)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        series = self.series
        measure = measure_of(series)
        capacity = typical_capacity(series)
        upcoming = (
            Session.objects.filter(event__series=series)
            .upcoming()
            .scheduled()
            .with_counts()
            .select_related("event")
            .order_by("start")[:UPCOMING_SHOWN]
        )
        context.update(
            series=series,
            measure=measure,
            min_attendances=MIN_ATTENDANCES,
            max_percent=percent(settings.ATELIER_OVERBOOKING_MAX_RATIO, decimal_pos=0),
            measured_percent=percent(measure.rate),
            applied_percent=percent(series.overbooking_rate),
            typical_capacity=capacity,
            measured_limit=allowance(capacity, measure.rate),
            applied_limit=allowance(capacity, series.overbooking_rate),
            apply_form=ApplyForm(initial={"rate": measure.rate}) if measure.rate else None,
            can_apply=bool(measure.rate) and measure.rate != series.overbooking_rate,
            sessions=[
                {
                    "session": session,
                    "limit_now": allowance(session.capacity, series.overbooking_rate),
                    "limit_measured": allowance(session.capacity, measure.rate),
                }
                for session in upcoming
            ],
        )
        return context
