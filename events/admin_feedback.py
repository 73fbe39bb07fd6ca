"""The training team's read-only listings of feedback answers and follow-up answers, with
filters and CSV/XLSX exports, in the “Workshops and events” menu.

Who reads them: the training team, through its right to change sessions
(``events.change_session``), so that no migration had to grant a new permission; a group given
``view_feedbackanswer`` / ``view_followupanswer`` in the admin reads them too. Nobody may add,
edit or delete an answer (the ``ReadOnlyPermissionPolicy`` of the registrations). The answers
carry no author, so neither the listing nor the export holds any personal data.
"""

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from events.admin_views import LocalTimeExportMixin, ReadOnlyPermissionPolicy, _choice_label
from events.forms_feedback import RATINGS
from events.models import (
    Applied,
    EventPage,
    FeedbackAnswer,
    FollowUpAnswer,
    Series,
    Session,
    UsefulSkills,
)
from events.services.feedback import TEAM_PERMISSION, min_answers

MENU_HOOK = "register_events_menu_item"  # the submenu of “Workshops and events”


class TrainingTeamReadOnlyPolicy(ReadOnlyPermissionPolicy):
    """“view” only, for the training team (who may change sessions) or whoever was given the
    model's own view permission."""

    def user_has_permission(self, user, action):
        if action not in self.allowed_actions:
            return False
        return user.has_perm(TEAM_PERMISSION) or super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if "view" in actions:
            team = ModelPermissionPolicy(Session).users_with_any_permission(["change"])
            users = users.model.objects.filter(Q(pk__in=users.values("pk")) | Q(pk__in=team))
        return users


# Before any view asks for it, or Wagtail would build the default policy.
for _model in (FeedbackAnswer, FollowUpAnswer):
    register_permission_policy(_model, TrainingTeamReadOnlyPolicy(_model), exact_class=True)


class AnswerFilterSet(WagtailFilterSet):
    """Series and workshop (no day: a day could isolate one person's answer); each kind of
    answer adds its own choices."""

    series = django_filters.ModelChoiceFilter(
        label=_("Series"), field_name="session__event__series", queryset=Series.objects.all()
    )
    workshop = django_filters.ModelChoiceFilter(
        label=_("Workshop or event"),
        field_name="session__event",
        queryset=EventPage.objects.order_by("title"),
    )


def _choice_filter(label, choices):
    return django_filters.ChoiceFilter(
        label=label, choices=choices, empty_label=_("All"), widget=forms.RadioSelect
    )


class FeedbackAnswerFilterSet(AnswerFilterSet):
    rating = _choice_filter(_("Rating"), RATINGS)
    useful_skills = _choice_filter(_("Useful skills"), UsefulSkills.choices)

    class Meta:
        model = FeedbackAnswer
        fields = []


class FollowUpAnswerFilterSet(AnswerFilterSet):
    applied = _choice_filter(_("Applied"), Applied.choices)

    class Meta:
        model = FollowUpAnswer
        fields = []


class AnswerIndexView(LocalTimeExportMixin, generic.IndexView):
    """The session, its workshop and series come with the answers: one query per page."""

    def get_base_queryset(self):
        """Only the answers of sessions with enough of them: below the anonymity threshold,
        the registrations listing (who was present) would let an answer be told apart."""
        enough = (
            self.model.objects.order_by()
            .values("session")
            .annotate(count=Count("pk"))
            .filter(count__gte=min_answers())
            .values("session")
        )
        return (
            super()
            .get_base_queryset()
            .filter(session__in=enough)
            .select_related("session__event__series")
        )

    content_order = ()  # each kind of answer: its fields, to break ties

    def order_queryset(self, queryset):
        """Whichever column the team sorts by, ties fall back on what the answers say, never
        on their id: the order people answered in could tell who wrote what."""
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "session", *self.content_order)


class FeedbackAnswerIndexView(AnswerIndexView):
    custom_field_preprocess = {"useful_skills": _choice_label(UsefulSkills)}
    content_order = ("rating", "useful_skills", "will_apply", "comment")


class FollowUpAnswerIndexView(AnswerIndexView):
    custom_field_preprocess = {"applied": _choice_label(Applied)}
    content_order = ("applied", "comment")


def _session_columns():
    return [
        Column("session", label=_("Session"), sort_key="session__start"),
        Column(
            "session.event.title", label=_("Workshop or event"), sort_key="session__event__title"
        ),
        Column("session.event.series", label=_("Series"), sort_key="session__event__series__name"),
    ]


SESSION_EXPORT = ["session", "session.event.title", "session.event.series"]
SESSION_HEADINGS = {
    "session.event.title": _("Workshop or event"),
    "session.event.series": _("Series"),
}


class AnswerViewSet(ModelViewSet):
    """Read only (see the policy above); only its view permission appears in group settings."""

    menu_hook = MENU_HOOK
    copy_view_enabled = False
    # No detail page and no date or arrival order: nothing that could match an answer to the
    # person who left the room just before.
    inspect_view_enabled = False
    list_per_page = 50
    search_backend_name = None
    ordering = ["-session__start", "session"]

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(self.model)
        return Permission.objects.filter(
            content_type=content_type, codename=f"view_{self.model._meta.model_name}"
        )


class FeedbackAnswerViewSet(AnswerViewSet):
    model = FeedbackAnswer
    name = "events_feedback_answers"
    url_prefix = "events/feedback-answers"
    icon = "comment"
    menu_label = _("Feedback answers")
    menu_order = 110
    index_view_class = FeedbackAnswerIndexView
    filterset_class = FeedbackAnswerFilterSet
    search_fields = ["session__event__title", "will_apply", "comment"]
    list_display = [
        *_session_columns(),
        Column("rating", label=_("Rating"), sort_key="rating"),
        Column("get_useful_skills_display", label=_("Useful skills"), sort_key="useful_skills"),
    ]
    inspect_view_fields = ["session", "rating", "useful_skills", "will_apply", "comment"]
    list_export = [
        *SESSION_EXPORT,
        "rating",
        "useful_skills",
        "will_apply",
        "comment",
    ]
    export_headings = SESSION_HEADINGS
    export_filename = "avis"
    form_fields = ["rating"]  # required by ModelViewSet; the policy refuses every change


class FollowUpAnswerViewSet(AnswerViewSet):
    model = FollowUpAnswer
    name = "events_followup_answers"
    url_prefix = "events/followup-answers"
    icon = "tick-inverse"
    menu_label = _("Follow-up answers (6 weeks)")
    menu_order = 120
    index_view_class = FollowUpAnswerIndexView
    filterset_class = FollowUpAnswerFilterSet
    search_fields = ["session__event__title", "comment"]
    list_display = [
        *_session_columns(),
        Column("get_applied_display", label=_("Applied"), sort_key="applied"),
    ]
    inspect_view_fields = ["session", "applied", "comment"]
    list_export = [*SESSION_EXPORT, "applied", "comment"]
    export_headings = SESSION_HEADINGS
    export_filename = "suivi-a-6-semaines"
    form_fields = ["applied"]


def viewsets():
    """For the ``register_admin_viewset`` hook of ``events.wagtail_hooks``."""
    return [FeedbackAnswerViewSet(), FollowUpAnswerViewSet()]
