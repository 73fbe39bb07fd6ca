"""Admin screens (viewsets, menu items) for needs; registered through wagtail_hooks.

The training team answers the needs here: it sets their status, links the workshop or path
that answers them, writes a note shown on the board, hides off-topic ones. Agents post and vote
on the site only; the team's group has the view and change permissions (migration 0005).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community import needs
from community.models import NeedStatus, TrainingNeed
from community.page_types import TRAINING_PATH_PAGE, WORKSHOP_PAGE


class TrainingNeedFilterSet(WagtailFilterSet):
    class Meta:
        model = TrainingNeed
        fields = ["status", "theme", "hidden", "urgency"]


class TrainingNeedForm(WagtailAdminModelForm):
    """The team frees an adopted need when the proposal is declined or abandoned (the box is
    only there while the need is adopted)."""

    release_adoption = forms.BooleanField(
        label=_("Release the adoption"),
        required=False,
        help_text=_(
            "The proposal was declined or abandoned: the need can be adopted again by another "
            "trainer. The proposal itself is not deleted."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.adopted_by_id is None and self.instance.proposal_id is None:
            del self.fields["release_adoption"]

    def save(self, commit=True):
        need = super().save(commit=commit)
        if self.cleaned_data.get("release_adoption"):
            needs.release_adoption(need)
        return need


class TrainingNeedViewSet(SnippetViewSet):
    model = TrainingNeed
    icon = "help"
    menu_label = _("Training needs")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    list_per_page = 50
    list_display = [
        "title",
        Column("theme", label=_("Theme"), sort_key="theme__name"),
        StatusTagColumn(
            "get_status_display",
            label=_("Status"),
            sort_key="status",
            primary=lambda need: need.status in (NeedStatus.OPEN, NeedStatus.STUDYING),
        ),
        Column("vote_count", label=_("Votes"), sort_key="vote_count"),
        Column("adopted_by", label=_("Adopted by"), sort_key="adopted_by__last_name"),
        Column("answered_by", label=_("Answered by")),
        Column("hidden", label=_("Hidden"), sort_key="hidden"),
        Column("created_at", label=_("Posted on"), sort_key="created_at"),
    ]
    filterset_class = TrainingNeedFilterSet
    search_fields = ["title", "why", "audience"]
    search_backend_name = None  # the database searches: a need is found as soon as it is posted
    ordering = ["-created_at"]
    list_export = ["title", "theme", "status", "vote_count", "urgency", "created_at"]
    export_headings = {"vote_count": _("Votes")}
    export_filename = "besoins-de-formation"

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title", read_only=True),
                    FieldPanel("why", read_only=True),
                    FieldPanel("audience", read_only=True),
                    FieldPanel("urgency", read_only=True),
                    FieldPanel("theme", read_only=True),
                    FieldPanel("adopted_by", read_only=True),
                    FieldPanel("proposal", read_only=True),
                ],
                heading=_("The need, as posted"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("release_adoption"),
                    FieldPanel("status"),
                    PageChooserPanel("answered_by", [WORKSHOP_PAGE, TRAINING_PATH_PAGE]),
                    FieldPanel("team_note"),
                    FieldPanel("hidden"),
                ],
                heading=_("The training team's answer"),
            ),
        ],
        base_form_class=TrainingNeedForm,
    )

    def get_queryset(self, request):
        return (
            TrainingNeed.objects.with_vote_count()
            .select_related("theme", "adopted_by", "answered_by")
            .order_by("-created_at")
        )


register_snippet(TrainingNeedViewSet)
