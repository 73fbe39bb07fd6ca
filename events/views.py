"""Registration views: one click to register or cancel, the link of the e-mail, “Mes inscriptions”.

The rules are in ``events.services``; a view only turns their answer into a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import services
from events.models import Registration, RegistrationStatus, Session, SessionStatus


def _back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)  # a URL, never a view name for reverse()
    return redirect(fallback)


def _event_url(session_id, request):
    session = Session.objects.select_related("event").filter(pk=session_id).first()
    if session and session.event.live:
        return session.event.get_url(request)
    return reverse("events:my_registrations")


@require_POST
@login_required
def register(request, session_id):
    try:
        registration = services.register(session_id, request.user)
    except services.RegistrationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return _back(request, _event_url(session_id, request))
    if registration.is_confirmed:
        messages.success(
            request,
            _("You are registered for %(session)s. A confirmation is on its way by e-mail.")
            % {"session": registration.session},
        )
    else:
        position = (
            Registration.objects.with_waitlist_position()
            .values_list("waitlist_position", flat=True)
            .get(pk=registration.pk)
        )
        messages.warning(
            request,
            _(
                "The session is full: you are number %(position)s on the waiting list. "
                "If a seat frees up, it is yours and we tell you by e-mail."
            )
            % {"position": position},
        )
    return _back(request, _event_url(session_id, request))


@require_POST
@login_required
def cancel(request, registration_id):
    try:
        registration = services.cancel(registration_id, user=request.user)
    except services.RegistrationError as refusal:
        messages.error(request, " ".join(refusal.messages))
    except PermissionDenied:
        raise Http404 from None  # someone else's registration: as if it did not exist
    else:
        messages.success(
            request,
            _("Your registration for %(session)s is cancelled.")
            % {"session": registration.session},
        )
    return _back(request, reverse("events:my_registrations"))


@login_not_required  # the e-mail's secret link is enough, even where sign-in is required
def cancel_by_link(request, token):
    """The e-mail's link: a page that asks to confirm (mail scanners open links; only the
    button cancels), then cancels without signing in."""
    registration = (
        Registration.objects.select_related("session__event", "user").filter(token=token).first()
    )
    if registration is None:  # a cut or forged link: say so, in a page of its own
        return render(request, "events/cancel_by_link.html", {"registration": None}, status=404)
    if request.method == "POST":
        try:
            services.cancel(registration.pk, token=token)
        except services.RegistrationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request, _("Your registration is cancelled. Thank you for telling us.")
            )
        return redirect(request.path)
    return render(request, "events/cancel_by_link.html", {"registration": registration})


@login_required
def my_registrations(request):
    mine = Registration.objects.filter(user=request.user).select_related("session__event__series")
    now = timezone.now()
    upcoming = (
        mine.active()
        .filter(session__start__gt=now)
        .with_waitlist_position()
        .order_by("session__start")
    )
    # What the person took part in: a seat, at a session that was held.
    past = (
        mine.filter(status=RegistrationStatus.CONFIRMED, session__start__lte=now)
        .exclude(session__status=SessionStatus.CANCELLED)
        .order_by("-session__start")
    )
    return render(request, "events/my_registrations.html", {"upcoming": upcoming, "past": past})
