"""The page of the e-mail sent three days before: “I will come”, in one click, signed out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from events import services
from events.models import Registration


@login_not_required  # the e-mail's secret link is enough, even where sign-in is required
def confirm_seat(request, token):
    """GET only shows (mail scanners open links); the button confirms."""
    registration = get_object_or_404(
        Registration.objects.select_related("session__event", "user"), token=token
    )
    if request.method == "POST":
        try:
            services.confirm_seat(token)
        except services.RegistrationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, _("Your seat is confirmed. See you soon!"))
        return redirect(request.path)
    return render(request, "events/confirm_seat.html", {"registration": registration})
