"""Content-Security-Policy: django-csp's middleware, with a second policy for the Wagtail admin.

The public site gets ``CONTENT_SECURITY_POLICY`` (or ``…_REPORT_ONLY`` while
``CSP_REPORT_ONLY`` is on). Wagtail's admin still ships a few inline scripts (see
``ATELIER_ADMIN_CSP_DIRECTIVES`` in settings), so paths under ``ATELIER_ADMIN_CSP_PREFIXES``
get that policy instead, in the same mode; a view's own ``@csp``/``@csp_replace`` decorator
still wins, as django-csp documents.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.ATELIER_ADMIN_CSP_PREFIXES))


class SiteAndAdminCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, serving the admin's policy under the admin's prefixes."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        setting = (
            "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        )
        site_policy_active = bool(getattr(settings, setting, None))
        if site_policy_active and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ATELIER_ADMIN_CSP_DIRECTIVES)
        return parts
