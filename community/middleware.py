"""Optional site-wide sign-in, for deployments reachable from the internet."""

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.urls import reverse


class SignInRequiredMiddleware(LoginRequiredMiddleware):
    """Django's LoginRequiredMiddleware, switched on by ``ATELIER_SIGN_IN_REQUIRED``.

    The Wagtail admin is left alone: it already requires sign-in on every screen but its own
    login and password-reset pages.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.ATELIER_SIGN_IN_REQUIRED:
            return None
        if request.path.startswith(reverse("wagtailadmin_home")):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
