"""The training team's search analytics in the admin (registered in ``search.wagtail_hooks``).

Searches that found nothing are training needs in disguise: the team turns one into a need on
the needs board (through ``community.needs.post_need``, so the need is posted like any other,
with its author's vote). Wagtail's “Search terms” report is for superusers only; the team gets
the same report behind a permission its group holds (migration 0003).
"""

import django_filters
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from community import needs
from community.needs_forms import NeedForm
from events.admin_views import LocalTimeExportMixin
from search.models import UnansweredQuery
from search.needs_from_searches import AlreadyANeed, default_why, turn_into_need

UNANSWERED_INDEX_URL = "atelier_unanswered_queries:index"
TURN_INTO_NEED_URL = "atelier_unanswered_queries:turn_into_need"
SEARCH_TERMS_URL = "atelier_search_terms"
SEARCH_TERMS_RESULTS_URL = "atelier_search_terms_results"
SEARCH_TERMS_PERMISSION = "wagtailsearchpromotions.view_query"
NEED_EDIT_URL = "wagtailsnippets_community_trainingneed:edit"


# ---------------------------------------------------------------------------------------------
# Where a need is shown


def board_url(request):
    """The needs board's URL, or None while the site has none."""
    board = needs.needs_board()
    return board.get_url(request) if board else None


def need_url(need, board):
    """The need on the board (newest first, so it is on the first page), else in the admin."""
    if board and not need.hidden:
        return f"{board}?sort=recent#besoin-{need.pk}"
    return reverse(NEED_EDIT_URL, args=[need.pk])


class TurnIntoNeedForm(NeedForm):
    """The need as the team posts it: a title (the search, editable), why, a theme."""

    class Meta(NeedForm.Meta):
        fields = ["title", "why", "theme"]
        labels = {
            **NeedForm.Meta.labels,
            "title": _("Title of the need"),
        }
        help_texts = {
            "title": _("Prefilled with the search; agents read it on the needs board."),
            "why": _("Shown on the board under the title."),
        }


class TurnIntoNeedView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """GET: the need to post, prefilled from the search. POST: the need, on the board."""

    model = UnansweredQuery
    permission_required = "change"
    form_class = TurnIntoNeedForm
    template_name = "search/admin/turn_into_need.html"
    page_title = _("Turn into a need")
    header_icon = "help"

    @cached_property
    def query(self):
        # Looked up after the permission check: nobody else learns which searches exist.
        return get_object_or_404(
            UnansweredQuery.objects.select_related("need"), pk=self.kwargs["pk"]
        )

    def get(self, request, *args, **kwargs):
        if self.query.need_id is not None:
            return self._already(self.query.need)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.query.need_id is not None:
            return self._already(self.query.need)
        return super().post(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.query.query_string

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(UNANSWERED_INDEX_URL),
                "label": capfirst(UnansweredQuery._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        return {
            "title": capfirst(self.query.query_string)[:150],
            "why": default_why(self.query),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        context["index_url"] = reverse(UNANSWERED_INDEX_URL)
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        try:
            need = turn_into_need(self.query.pk, self.request.user, form.cleaned_data)
        except AlreadyANeed as already:
            return self._already(already.need)
        messages.success(
            self.request,
            _("“%(query)s” is now the need “%(title)s” on the needs board, with your vote.")
            % {"query": self.query.query_string, "title": need.title},
            buttons=[messages.button(need_url(need, board_url(self.request)), _("See the need"))],
        )
        return redirect(UNANSWERED_INDEX_URL)

    def _already(self, need):
        buttons = []
        if need is not None:
            buttons.append(
                messages.button(need_url(need, board_url(self.request)), _("See the need"))
            )
        messages.error(
            self.request,
            _("“%(query)s” has already been turned into a need: nothing was created.")
            % {"query": self.query.query_string},
            buttons=buttons,
        )
        return redirect(UNANSWERED_INDEX_URL)


# ---------------------------------------------------------------------------------------------
# The list of searches without result


class UnansweredQueryFilterSet(WagtailFilterSet):
    has_need = django_filters.BooleanFilter(
        field_name="need", lookup_expr="isnull", exclude=True, label=_("Turned into a need")
    )

    class Meta:
        model = UnansweredQuery
        fields = []


class NeedColumn(Column):
    """The need the search became (a link to it), or the button that turns it into one."""

    cell_template_name = "search/admin/need_cell.html"

    def __init__(self, *args, board=None, can_turn=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.board = board
        self.can_turn = can_turn

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        need = instance.need
        context["need"] = need
        if need is not None:
            context["need_url"] = need_url(need, self.board)
        elif self.can_turn:
            context["turn_url"] = reverse(TURN_INTO_NEED_URL, args=[instance.pk])
        return context


class UnansweredQueryIndexView(LocalTimeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return UnansweredQuery.objects.select_related("need")

    @cached_property
    def columns(self):
        need_column = NeedColumn(
            "need",
            label=_("Need"),
            sort_key="need__title",
            board=board_url(self.request),
            can_turn=self.user_has_permission("change"),
        )
        columns = list(super().columns)
        columns[0].label = _("Searched words")  # not the field's “query”
        return [*columns, need_column]


# ---------------------------------------------------------------------------------------------
# The most frequent searches


class TeamSearchTermsReportView(SearchTermsReportView):
    """Wagtail's “Search terms” report (every search, most frequent first), for whoever holds
    ``wagtailsearchpromotions.view_query`` rather than for superusers only."""

    index_url_name = SEARCH_TERMS_URL
    index_results_url_name = SEARCH_TERMS_RESULTS_URL

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SEARCH_TERMS_PERMISSION):
            return permission_denied(request)
        # Past SearchTermsReportView.dispatch, which lets superusers only in.
        return ReportView.dispatch(self, request, *args, **kwargs)
