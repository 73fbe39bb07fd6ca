"""The two short questionnaires an attendee answers: after the session, and six weeks later."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Applied, UsefulSkills

RATINGS = [
    (1, _("1 — not at all satisfied")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 — very satisfied")),
]


def _free_text(label, max_length, help_text="", rows=4):
    """An optional free-text answer."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "max_length": _("Keep it under %(limit_value)d characters (it has %(show_value)d)."),
        },
    )


def _choice(label, choices, **kwargs):
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the answer closest to your experience.")},
        **kwargs,
    )


class FeedbackForm(forms.Form):
    rating = _choice(_("Overall, how satisfied are you with this session?"), RATINGS, coerce=int)
    useful_skills = _choice(_("I gained skills useful for my work"), UsefulSkills.choices)
    will_apply = _free_text(_("What will you apply? (optional)"), 1000, rows=3)
    comment = _free_text(
        _("Comment (optional)"),
        2000,
        help_text=_("Your answer is anonymous: please do not write your name."),
    )


class FollowUpForm(forms.Form):
    applied = _choice(_("Have you put into practice what you learnt?"), Applied.choices)
    comment = _free_text(
        _("Comment (optional)"),
        2000,
        help_text=_("What worked, what stood in the way. Please do not write your name."),
    )
