"""Whole pages for anonymous visitors, from the cache: the same bytes for everyone who is not
signed in, so a popular page costs one render per change instead of one per visit.

Safety comes first, from three sides:

- a request is served from the cache only if it is a GET or HEAD that carries no cookie but
  the CSRF one (no session, no messages, no language choice) and no Authorization header;
- a response is stored only if it came from a GET by such a visitor, for a public page (a
  Wagtail page without any view restriction, or one of :data:`PUBLIC_VIEWS`), with status
  200, no cookie but the CSRF one, no ``Cache-Control: private/no-cache/no-store``, not
  streamed, and an HTML, JSON or iCalendar body;
- the filling visitor's CSRF tokens are taken out before storing and every visitor served
  from the cache gets their own (their cookie then comes from ``CsrfViewMiddleware``).

The key holds the generation of every content area (:mod:`community.caching`), so a
publication, a registration or a new message makes every stored page stale at once; the
``events`` area also bounds the lifetime (upcoming sessions depend on the clock).
"""

import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import _does_token_match, get_token
from django.urls import reverse
from wagtail import hooks

from community import caching

CACHE_HEADER = "X-Atelier-Cache"
# Views other than Wagtail pages that show the same thing to every anonymous visitor (the
# search records queries of signed-in agents only; the calendars are the public ones).
PUBLIC_VIEWS = {"search", "events:calendar_all", "events:calendar_series"}
# Pages that show rows no area's generation follows (needs and votes, profiles and badges):
# left to their own render until those rows bump an area of community.caching.
UNCOVERED_PAGE_TYPES = {"community.needsboardpage", "community.trainerdirectorypage"}
STORED_CONTENT_TYPES = {"text/html", "application/json", "text/calendar"}
REFUSED_CACHE_CONTROL = ("private", "no-cache", "no-store")
# Longer query strings are someone's experiment, not a link of ours: not worth a cache entry.
MAX_QUERY_STRING = 512
# Stands for a CSRF token in stored bytes; the NUL bytes never occur in our pages.
CSRF_PLACEHOLDER = b"\x00atelier-csrf-token\x00"
_TOKEN_LIKE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_CANDIDATE = "_atelier_page_cache_candidate"
_PUBLIC_PAGE = "_atelier_page_cache_public_page"


def cache_timeout():
    """Seconds a page may live: the setting, capped by the areas' own bounds; 0 is off."""
    if settings.ATELIER_SIGN_IN_REQUIRED:
        return 0  # every anonymous visitor is sent to sign in: nothing to share
    page_seconds = getattr(settings, "ATELIER_PAGE_CACHE_TIMEOUT", 0)
    return max(0, min(page_seconds, caching.timeout(*caching.known_areas())))


def _private_prefixes():
    """Addresses never worth a lookup: the admin, the API, signing in and out, languages."""
    return (
        reverse("wagtailadmin_home"),
        "/api/",
        reverse("login"),
        reverse("logout"),
        reverse("set_language"),
    )


def is_candidate(request):
    """Whether this visitor may be served a shared page: anonymous beyond doubt."""
    return (
        request.method in ("GET", "HEAD")
        and all(name == settings.CSRF_COOKIE_NAME for name in request.COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        and not request.path_info.startswith(_private_prefixes())
    )


def page_key(request):
    """One entry per site address, path, query (order-free) and language, per generation."""
    return caching.key_for(
        caching.known_areas(),
        "anonymous-page",
        request.scheme,
        request.get_host(),
        request.path,
        sorted(request.GET.lists()),
    )


@hooks.register("before_serve_page", order=-1)
def note_whether_page_is_public(page, request, serve_args, serve_kwargs):
    """Before Wagtail's own check: a page under any view restriction (login, groups,
    password) is never stored, whatever its response looks like."""
    if getattr(request, _CANDIDATE, False):
        public = page._meta.label_lower not in UNCOVERED_PAGE_TYPES
        setattr(request, _PUBLIC_PAGE, public and not page.get_view_restrictions().exists())


def _is_public_view(request):
    match = request.resolver_match
    if match is None:
        return False
    if match.view_name == "wagtail_serve":
        return getattr(request, _PUBLIC_PAGE, False)
    return match.view_name in PUBLIC_VIEWS


def _is_storable(request, response):
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    cache_control = response.get("Cache-Control", "").lower()
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and content_type in STORED_CONTENT_TYPES
        and not any(word in cache_control for word in REFUSED_CACHE_CONTROL)
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
        and not (user and user.is_authenticated)
        and not (session and session.modified)  # its cookie comes later, from outer middleware
        and _is_public_view(request)
    )


def _without_csrf_tokens(request, content):
    """The content with this visitor's CSRF tokens replaced by the placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content

    def replace(match):
        token = match.group().decode()
        return CSRF_PLACEHOLDER if _does_token_match(token, secret) else match.group()

    return _TOKEN_LIKE.sub(replace, content)


def _with_csrf_tokens(request, content):
    if CSRF_PLACEHOLDER not in content:
        return content
    return content.replace(CSRF_PLACEHOLDER, get_token(request).encode())


class AnonymousPageCacheMiddleware:
    """Serves and stores whole pages for anonymous visitors; see the module's docstring.
    ``X-Atelier-Cache`` says ``hit`` (from the cache) or ``miss`` (rendered now, stored).

    Placed after ``CsrfViewMiddleware`` (which reads and sets the visitor's CSRF cookie) and
    ``LocaleMiddleware`` (the active language is part of the key), before the rest: a page
    served from the cache skips authentication, sessions and every query. The headers that
    outer middleware adds (Content-Security-Policy, security headers) are added again on a
    hit; those of inner ones (X-Frame-Options) are stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_timeout()
        if not seconds or not is_candidate(request):
            return self.get_response(request)
        setattr(request, _CANDIDATE, True)
        key = page_key(request)
        stored = caches["default"].get(key)
        if stored is not None:
            return self._from_cache(request, stored)
        response = self.get_response(request)
        if _is_storable(request, response):
            self._store(request, response, key, seconds)
            response[CACHE_HEADER] = "miss"
        return response

    def _store(self, request, response, key, seconds):
        skipped = {"content-length", CACHE_HEADER.lower()}
        headers = [(name, value) for name, value in response.items() if name.lower() not in skipped]
        content = _without_csrf_tokens(request, response.content)
        caches["default"].set(key, (response.status_code, headers, content), seconds)

    def _from_cache(self, request, stored):
        status, headers, content = stored
        response = HttpResponse(_with_csrf_tokens(request, content), status=status)
        for name, value in headers:
            response[name] = value
        response[CACHE_HEADER] = "hit"
        return response
