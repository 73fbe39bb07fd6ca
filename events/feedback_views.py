"""The questionnaires of the e-mails (no sign-in: the secret link is enough) and the results
page of an event, for its facilitators and the training team.

The rules are in ``events.services.feedback``; a view turns their answer into a page.
"""

from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from events.forms_feedback import FeedbackForm, FollowUpForm
from events.services import feedback as service


def _questionnaire(request, token, *, find, answer, answered, form_class, template):
    """GET shows the form; a valid POST stores the answer once. Whatever the token's fate
    (unknown, used), the page says so and nothing changes."""
    try:
        invitation = find(token)
    except service.InvitationNotFound as refusal:
        return _invalid_link(request, refusal)
    context = {"session": invitation.registration.session}
    if answered(invitation):
        return render(request, "events/feedback_thanks.html", {**context, "already": True})
    form = form_class(request.POST if request.method == "POST" else None)
    if not form.is_bound:
        return render(request, template, {**context, "form": form})
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    try:
        answer(token, **form.cleaned_data)
    except service.AlreadyAnswered:  # the second of a double click
        return render(request, "events/feedback_thanks.html", {**context, "already": True})
    except service.InvitationNotFound as refusal:
        return _invalid_link(request, refusal)
    return render(request, "events/feedback_thanks.html", {**context, "already": False})


def _invalid_link(request, refusal):
    """A 404 that says why, in French, rather than the bare "page not found"."""
    not_attended = isinstance(refusal, service.NotAttended)
    return render(
        request, "events/feedback_invalid.html", {"not_attended": not_attended}, status=404
    )


@login_not_required  # the e-mail's secret link is enough, even where sign-in is required
def feedback(request, token):
    return _questionnaire(
        request,
        token,
        find=service.feedback_invitation,
        answer=service.answer_feedback,
        answered=lambda invitation: invitation.answered,
        form_class=FeedbackForm,
        template="events/feedback_form.html",
    )


@login_not_required
def followup(request, token):
    return _questionnaire(
        request,
        token,
        find=service.followup_invitation,
        answer=service.answer_followup,
        answered=lambda invitation: invitation.followup_answered,
        form_class=FollowUpForm,
        template="events/followup_form.html",
    )


@login_required
def results(request, page_id):
    """Figures per closed session and for the whole event; never who answered what."""
    event = service.event_for_results(page_id)
    if event is None:
        raise Http404
    if not service.may_see_results(request.user, event):
        raise PermissionDenied(_("Only the facilitators and the training team see the results."))
    sessions = event.sessions.all()
    rows = service.results_per_session(sessions)
    total = service.results_for(sessions)
    return render(
        request,
        "events/feedback_results.html",
        {
            "event": event,
            "rows": rows,
            "total": total,
            "lines": [*rows, (None, total)],  # the table's rows, the whole event last
            "min_answers": service.min_answers(),
        },
    )
