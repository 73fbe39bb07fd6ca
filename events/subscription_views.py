"""Following a series: told by e-mail when a new session of it opens for registration."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import services
from events.models import Series
from events.views import _back


@require_POST
@login_required
def follow_series(request, slug):
    """``follow`` says which way, so a double click does not undo itself."""
    series = get_object_or_404(Series, slug=slug)
    back = reverse("events:my_registrations")
    choice = request.POST.get("follow")
    if choice not in ("1", "0"):
        messages.error(request, _("Choose whether to follow the series or not."))
        return _back(request, back)
    services.follow_series(request.user, series, follow=choice == "1")
    if choice == "1":
        text = _("You follow “%(series)s”: we e-mail you when a new session opens.")
    else:
        text = _("You no longer follow “%(series)s”.")
    messages.success(request, text % {"series": series.name})
    return _back(request, back)
