"""Sign-in throttling helpers for django-axes (settings: AXES_* in atelier/settings/base.py).

Both sign-in forms (/connexion/ and the Wagtail admin's) post the address as ``username``, and
addresses are matched whatever their case: "Marc@X" and "marc@x" must share one failure count,
or an attacker would get five tries per spelling.
"""


def username_from_request(request, credentials=None):
    """The e-mail address being tried, lower-cased, from the credentials or the posted form."""
    username = (credentials or {}).get("username")
    if username is None and request is not None:
        username = getattr(request, "POST", {}).get("username")
    return (username or "").strip().lower() or None


def lockout_response(request, original_response=None, credentials=None):
    """The French lockout page (HTTP 429), saying how long to wait, for both sign-in forms."""
    from django.conf import settings
    from django.shortcuts import render

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
