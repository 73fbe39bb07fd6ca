"""Admin screens for badges, for the training team (its group holds the badge permissions,
migration 0005): the badges and their tunable rules, and the awards, where the team awards a
badge by hand with a reason and revokes one with a reason. Agents and trainers have no access.

The rules live in ``community.badges.awards``: these forms only collect what it needs.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from community.badges import awards, facts
from community.models import Badge, BadgeAward


def rule_choices():
    return [("", _("None: awarded by hand only")), *facts.choices()]


class BadgeForm(WagtailAdminModelForm):
    """The rule is one of the facts the apps registered, by its label; an average also needs
    how many sessions it must cover."""

    rule = forms.ChoiceField(
        label=_("automatic rule"),
        choices=rule_choices,
        required=False,
        help_text=_("The fact that awards this badge; leave empty for manual awards only."),
    )

    def clean(self):
        cleaned = super().clean()
        rule = cleaned.get("rule")
        fact = facts.get(rule) if rule else None
        if rule and cleaned.get("threshold") is None:
            self.add_error("threshold", _("An automatic rule needs a threshold."))
        if not rule and cleaned.get("threshold") is not None:
            self.add_error("rule", _("Choose the fact this threshold applies to."))
        if fact is not None and fact.is_average and not cleaned.get("minimum_sample"):
            self.add_error(
                "minimum_sample",
                _("An average needs the number of sessions it must cover."),
            )
        return cleaned


class BadgeViewSet(SnippetViewSet):
    model = Badge
    icon = "pick"
    menu_label = _("Badges")
    menu_order = 100
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("get_kind_display", label=_("Kind"), sort_key="kind"),
        Column("rule", label=_("Automatic rule"), accessor=lambda badge: _rule_label(badge)),
        "threshold",
        "active",
    ]
    list_filter = ["kind", "active"]
    search_fields = ["name", "description"]
    edit_handler = ObjectList(Badge.panels, base_form_class=BadgeForm)


def _rule_label(badge):
    fact = facts.get(badge.rule)
    return fact.label if fact else ("—" if not badge.rule else badge.rule)


# ---------------------------------------------------------------------------------------------
# Awards


def _recipients():
    return (
        get_user_model()
        .objects.filter(is_active=True, deleted_at__isnull=True)
        .order_by("last_name", "first_name", "email")
    )


class AwardForm(WagtailAdminModelForm):
    """A training-team member awards a badge by hand: to whom, why (required), evidence."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = _recipients()
        self.fields["recipient"].label_from_instance = lambda user: f"{user} ({user.email})"
        self.fields["reason"].required = True
        self.fields["reason"].help_text = _(
            "Told to the recipient and published as the evidence of the badge."
        )

    def clean(self):
        cleaned = super().clean()
        badge, recipient = cleaned.get("badge"), cleaned.get("recipient")
        if badge and recipient and badge.awards.filter(recipient=recipient).exists():
            raise ValidationError(awards.already_held_message(badge, recipient))
        return cleaned

    def save(self, commit=True):
        data = self.cleaned_data
        return awards.award_manually(
            data["badge"],
            data["recipient"],
            awarded_by=self.for_user,
            reason=data["reason"],
            evidence_url=data.get("evidence_url", ""),
            award=self.instance,
        )


class RevokeForm(WagtailAdminModelForm):
    """Editing an award means revoking it, with a reason; it is never deleted."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["revocation_reason"]
        field.required = True
        field.help_text = _(
            "Saving revokes this award: its public assertion then says it is revoked, and why."
        )
        if self.instance.is_revoked:
            field.disabled = True

    def clean(self):
        cleaned = super().clean()
        if self.instance.is_revoked:
            raise ValidationError(_("This award is already revoked."))
        return cleaned

    def save(self, commit=True):
        return awards.revoke(self.instance, self.for_user, self.cleaned_data["revocation_reason"])


AWARD_PANEL = ObjectList(
    [
        FieldPanel("badge"),
        FieldPanel("recipient"),
        FieldPanel("reason"),
        FieldPanel("evidence_url"),
    ],
    base_form_class=AwardForm,
)
REVOKE_PANEL = ObjectList([FieldPanel("revocation_reason")], base_form_class=RevokeForm)


class BadgeAwardFilterSet(WagtailFilterSet):
    revoked = django_filters.BooleanFilter(
        field_name="revoked_at", lookup_expr="isnull", exclude=True, label=_("Revoked")
    )
    by_rule = django_filters.BooleanFilter(
        field_name="awarded_by", lookup_expr="isnull", label=_("Awarded by a rule")
    )

    class Meta:
        model = BadgeAward
        fields = ["badge"]


class BadgeAwardViewSet(SnippetViewSet):
    model = BadgeAward
    icon = "success"
    menu_label = _("Badge awards")
    menu_order = 200
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        Column("recipient", label=_("Recipient"), sort_key="recipient__last_name"),
        Column("badge", label=_("Badge"), sort_key="badge__name"),
        Column("awarded_at", label=_("Awarded on"), sort_key="awarded_at"),
        Column("awarded_by", label=_("Awarded by"), accessor=lambda award: _awarder_label(award)),
        StatusTagColumn(
            "revoked_at",
            accessor=lambda award: _status_label(award),
            label=_("Status"),
            primary=lambda award: not award.is_revoked,
        ),
    ]
    filterset_class = BadgeAwardFilterSet
    search_fields = ["recipient__first_name", "recipient__last_name", "badge__name"]
    search_backend_name = None
    ordering = ["-awarded_at"]
    panels = AWARD_PANEL.children
    add_to_admin_menu = False

    def get_queryset(self, request):
        return BadgeAward.objects.select_related("badge", "recipient", "awarded_by")

    def get_add_view_kwargs(self, **kwargs):
        panel = AWARD_PANEL.bind_to_model(BadgeAward)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        panel = REVOKE_PANEL.bind_to_model(BadgeAward)
        return super().get_edit_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )


def _awarder_label(award):
    return _("a rule") if award.by_rule else str(award.awarded_by)


def _status_label(award):
    return _("revoked") if award.is_revoked else _("valid")


class BadgeViewSetGroup(SnippetViewSetGroup):
    items = (BadgeViewSet, BadgeAwardViewSet)
    menu_icon = "pick"
    menu_label = _("Badges")
    menu_name = "badges"
    menu_order = 300


register_snippet(BadgeViewSetGroup)
