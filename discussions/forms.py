"""The forms of the discussions. They only shape the input: whether a message may be posted,
edited or reported is decided by ``discussions.services`` (its refusals are added back to
the form by :func:`add_refusal`)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from community.filters import QueryStringFilterForm
from discussions.models import Delivery, ReportReason, ThreadKind
from resources.models import Theme

BODY_HELP = _(
    "Plain text. Leave an empty line between paragraphs; start lines with “- ” for a list; "
    "**two stars** around words put them in bold; web addresses become links; "
    "“@First Last” notifies a colleague."
)


def body_field(label):
    return forms.CharField(
        label=label,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Please write your message.")},
    )


# Which field a refusal of the services is about, by its code (others show above the form).
REFUSAL_FIELDS = {
    "empty": "body",
    "too_long": "body",
    "title_required": "title",
    "title_too_long": "title",
    "tag_too_long": "tags",
    "too_many_tags": "tags",
    "reason": "reason",
    "details": "details",
}


def add_refusal(form, error):
    """Show a service's refusal on the form: on the field it is about, else above it."""
    field = REFUSAL_FIELDS.get(getattr(error, "code", None))
    form.add_error(field if field in form.fields else None, error.messages)


class ThreadForm(forms.Form):
    """A question or a comment on a content page."""

    kind = forms.ChoiceField(
        label=_("You want to"),
        choices=[
            (ThreadKind.QUESTION, _("Ask a question")),
            (ThreadKind.COMMENT, _("Leave a comment")),
        ],
        initial=ThreadKind.QUESTION,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose: a question or a comment.")},
    )
    body = body_field(_("Your message"))


class ReplyForm(forms.Form):
    body = body_field(_("Your reply"))


class EditForm(forms.Form):
    """The author's correction; a topic's title can be corrected too."""

    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    body = body_field(_("Text"))

    def __init__(self, *args, with_title=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_title:
            self.fields["title"].required = True
        else:
            del self.fields["title"]


class TopicForm(forms.Form):
    """A new topic in the forum."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A short question or subject, e.g. “How do you open a remote session?”"),
        error_messages={"required": _("Please give your topic a title.")},
    )
    body = body_field(_("Text"))
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label=_("No particular theme"),
    )
    tags = TagField(
        label=_("Keywords"),
        required=False,
        help_text=_("Optional. Separate them with commas."),
    )


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this message?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    details = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=1000,
        help_text=_("Optional. Anything that helps the training team understand."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowForm(forms.Form):
    delivery = forms.ChoiceField(
        label=_("Receive new replies"),
        choices=Delivery.choices,
        initial=Delivery.IMMEDIATE,
        widget=forms.RadioSelect,
    )


class TopicFilterForm(QueryStringFilterForm):
    """The forum's listing: by theme, unanswered topics first on request."""

    ordering_fields = ("unanswered_first",)

    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label=_("All themes"),
        to_field_name="slug",
    )
    unanswered_first = forms.BooleanField(label=_("Unanswered topics first"), required=False)
