"""The calendar feeds: every session, one series' sessions, and a person's own sessions.

Calendar programs cannot sign in, so the personal feed's address is its key; renewing it
(signed in) cuts off every copy of the old address.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from events.calendars import build_calendar
from events.models import (
    CalendarToken,
    Registration,
    RegistrationStatus,
    Series,
    Session,
)

PERSONAL_HISTORY = timedelta(days=30)


def _ics_response(calendar, filename):
    """Served inline, so a browser or calendar program can open it directly."""
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _public_sessions():
    """Upcoming sessions (cancelled ones too, so calendars update) of events anyone may see."""
    return Session.objects.upcoming().visible().select_related("event").order_by("start", "pk")


@require_GET
def calendar_all(request):
    calendar = build_calendar(_("Atelier — all sessions"), _public_sessions(), request)
    return _ics_response(calendar, "agenda.ics")


@require_GET
def calendar_series(request, slug):
    series = get_object_or_404(Series, slug=slug)
    sessions = _public_sessions().filter(event__series=series)
    name = _("Atelier — %(series)s") % {"series": series.name}
    return _ics_response(build_calendar(name, sessions, request), f"agenda-{series.slug}.ics")


@login_not_required  # calendar programs cannot sign in: the secret address is the key
@never_cache
@require_GET
def calendar_personal(request, token):
    """The token owner's active registrations, from 30 days back; the video link for
    confirmed seats only."""
    owner_id = get_object_or_404(CalendarToken, token=token).user_id
    registrations = (
        Registration.objects.filter(user_id=owner_id)
        .active()
        .filter(
            session__start__gt=timezone.now() - PERSONAL_HISTORY,
            session__in=Session.objects.visible(),
        )
        .select_related("session__event")
        .order_by("session__start", "pk")
    )
    sessions, confirmed = [], set()
    for registration in registrations:
        sessions.append(registration.session)
        if registration.status == RegistrationStatus.CONFIRMED:
            confirmed.add(registration.session_id)
    waiting = {session.pk for session in sessions} - confirmed
    calendar = build_calendar(_("Atelier — my sessions"), sessions, request, confirmed, waiting)
    response = _ics_response(calendar, "mes-seances.ics")
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@login_required
def calendar_renew(request):
    """A new secret address: the old one, wherever it was copied, stops working."""
    token, _created = CalendarToken.objects.get_or_create(user=request.user)
    token.renew()
    messages.success(
        request,
        _(
            "Your calendar address has been renewed: the old one no longer works. "
            "Subscribe again with the new address."
        ),
    )
    return redirect("events:my_registrations")
