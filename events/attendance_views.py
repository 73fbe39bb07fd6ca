"""The roll call on a phone, the sign-in sheet, and “the sessions I facilitate”.

Who may see them and when the roll call may change are the rules of
``events.services.attendance``; these views only show its answers.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Session, SessionStatus
from events.services import RegistrationError
from events.services import attendance as service
from events.sign_in_sheet import filename, sign_in_sheet


def _session_for(request, session_id):
    """The session, if the visitor may take its roll call (403 otherwise, 404 if none)."""
    session = get_object_or_404(
        Session.objects.select_related("event", "event__series").prefetch_related(
            "facilitators", "event__facilitators"
        ),
        pk=session_id,
    )
    service.check_may_take_roll_call(request.user, session)
    return session


def _roll_call_url(session_id, anchor=""):
    url = reverse("events:roll_call", args=[session_id])
    return f"{url}#{anchor}" if anchor else url


@login_required
def roll_call(request, session_id):
    session = _session_for(request, session_id)
    confirming = request.GET.get("clore") == "1"
    return _render_roll_call(request, session, confirming=confirming)


def _render_roll_call(request, session, confirming=False, status=200):
    registrations = service.roll_call(session)
    refusal = service.roll_call_refusal(session)
    context = {
        "session": session,
        "registrations": registrations,
        "figures": service.figures_of(registrations),
        "refusal": refusal,
        "is_open": refusal is None,
        "is_closed": service.is_closed(session),
        "confirming": confirming and refusal is None,
        "facilitators": service.facilitators(session),
    }
    return render(request, "events/roll_call.html", context, status=status)


@require_POST
@login_required
def mark(request, session_id, registration_id):
    session = _session_for(request, session_id)
    choice = request.POST.get("attendance")
    if choice not in ("present", "absent"):
        messages.error(request, _("Choose “present” or “absent”."))
        return redirect(_roll_call_url(session.pk))
    try:
        service.mark(session.pk, registration_id, choice == "present", request.user)
    except RegistrationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect(_roll_call_url(session.pk))
    return redirect(_roll_call_url(session.pk, f"inscrit-{registration_id}"))


@require_POST
@login_required
def close(request, session_id):
    session = _session_for(request, session_id)
    try:
        figures = service.close_roll_call(session.pk, request.user)
    except RegistrationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(
            request,
            _("The roll call is closed: %(present)s present, %(absent)s absent.")
            % {"present": figures.attendees, "absent": figures.no_shows},
        )
    return redirect(_roll_call_url(session.pk))


@login_required
def sign_in_sheet_pdf(request, session_id):
    session = _session_for(request, session_id)
    pdf = sign_in_sheet(session, service.roll_call(session), service.facilitators(session))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename(session)}"'
    return response


@login_required
def my_facilitations(request):
    """The sessions the visitor runs, today's and past ones (where a roll call is taken), with
    their attendance and the visitor's hours this year against the cap."""
    user = request.user
    now = timezone.localtime()
    end_of_today = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    ids = Session.objects.facilitated_by(user).values("pk")
    sessions = (
        service.with_figures(
            Session.objects.filter(pk__in=ids, start__lt=end_of_today).exclude(
                status=SessionStatus.CANCELLED
            )
        )
        .select_related("event", "event__series")
        .order_by("-start")
    )
    cap = service.hours_cap()
    context = {
        "sessions": sessions,
        "today": now.date().isoformat(),
        "year": now.year,
        "facilitated_hours": service.facilitated_hours(user, now.year),
        "scheduled_hours": service.scheduled_hours(user, now.year),
        "cap": cap,
    }
    context["over_cap"] = context["scheduled_hours"] > cap
    return render(request, "events/my_facilitations.html", context)
