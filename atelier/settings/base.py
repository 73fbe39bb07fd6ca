"""Settings shared by every environment; every value a deployment may change comes from the
environment (see the configuration table in README.md)."""

import tempfile
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "community",
    "resources",
    "events",
    "discussions",
    "search",
    "cockpit",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",  # Content-Security-Policy (django-csp): its system checks
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "atelier.csp.SiteAndAdminCSPMiddleware",  # Content-Security-Policy, see its block below
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "community.page_cache.AnonymousPageCacheMiddleware",  # after CSRF and locale; see its module
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "community.middleware.SignInRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "atelier.urls"
WSGI_APPLICATION = "atelier.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Databases: SQLite by default so a fresh clone runs with no server; PostgreSQL at scale.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has no row locks: a transaction that locks the database for writing from its
    # first statement keeps the registration rules exact (events/services.py), and waiting up
    # to 20 s for the lock beats "database is locked" errors.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "atelier",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Cache of page fragments, counters and facets (community/caching.py) -------------------
# Each content area has a generation, bumped on publication and registration; every worker
# must read the same one, so it lives in Redis, or else in files shared by the workers of this
# machine (local memory is per process). ATELIER_CACHE_TIMEOUT: the longest a fragment lives,
# in seconds; 0 turns the fragment cache off.
if REDIS_URL:
    CACHES["generations"] = {**CACHES["default"], "KEY_PREFIX": "atelier-generations"}
else:
    CACHES["generations"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env(
            "ATELIER_CACHE_DIR", default=str(Path(tempfile.gettempdir()) / "atelier-generations")
        ),
        "TIMEOUT": None,
    }
ATELIER_CACHE_TIMEOUT = env.int("ATELIER_CACHE_TIMEOUT", default=600)
# Whole pages for anonymous visitors (community/page_cache.py): the longest one lives, in
# seconds, never more than the fragments' bounds (60 s: upcoming sessions); 0 turns it off.
ATELIER_PAGE_CACHE_TIMEOUT = env.int("ATELIER_PAGE_CACHE_TIMEOUT", default=60)
# --- end of the cache block ---------------------------------------------------------------

# E-mail: printed on the console by default; SMTP with EMAIL_URL=smtp+tls://user:pass@host:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Atelier <atelier@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Users sign in with their e-mail address.
AUTH_USER_MODEL = "community.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out sign-in before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/connexion/"
WAGTAILADMIN_USER_LOGIN_FORM = "community.forms.AdminSignInForm"

# Sign-in throttling (django-axes), on /connexion/ and the Wagtail admin's /admin/login/ alike:
# 5 failures for one e-mail address from one IP address lock that pair out for 15 minutes; a
# successful sign-in clears the count. Behind a reverse proxy, say which header holds the
# client's address and how many proxies add to it (README, "Configuration").
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # both sign-in forms post the e-mail address as username
AXES_USERNAME_CALLABLE = "atelier.sign_in_throttle.username_from_request"
AXES_LOCKOUT_CALLABLE = "atelier.sign_in_throttle.lockout_response"
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)
AXES_IPWARE_PROXY_COUNT = env.int("AXES_IPWARE_PROXY_COUNT", default=None)
AXES_IPWARE_PROXY_ORDER = "left-most"

# Internet-facing deployments set this so that every page needs a signed-in user.
ATELIER_SIGN_IN_REQUIRED = env.bool("ATELIER_SIGN_IN_REQUIRED", default=False)
# The demo content creates an administrator with a published password: never in production.
ATELIER_DEMO_CONTENT_ALLOWED = env.bool("ATELIER_DEMO_CONTENT_ALLOWED", default=False)

# Training rules the training team may tune per deployment.
# In-house trainers may facilitate up to this many hours a year (the admin warns beyond it).
ATELIER_FACILITATION_HOURS_CAP = env.int("ATELIER_FACILITATION_HOURS_CAP", default=90)
# Over-booking never offers more than this many times a session's capacity.
ATELIER_OVERBOOKING_MAX_RATIO = env.float("ATELIER_OVERBOOKING_MAX_RATIO", default=1.3)
# Feedback results stay hidden until a session or workshop has this many answers (anonymity).
ATELIER_FEEDBACK_MIN_ANSWERS = env.int("ATELIER_FEEDBACK_MIN_ANSWERS", default=5)
# A profile photo above this many pixels (width × height) is refused before being decoded.
ATELIER_PROFILE_PHOTO_MAX_PIXELS = env.int("ATELIER_PROFILE_PHOTO_MAX_PIXELS", default=40_000_000)

# Open Badges 2.0: the issuer named in every badge (the authority a backpack or a CV shows).
ATELIER_BADGE_ISSUER_NAME = env("ATELIER_BADGE_ISSUER_NAME", default="Atelier — équipe formation")
ATELIER_BADGE_ISSUER_URL = env("ATELIER_BADGE_ISSUER_URL", default="")  # empty: the site's URL
ATELIER_BADGE_ISSUER_EMAIL = env("ATELIER_BADGE_ISSUER_EMAIL", default="formation@atelier.example")
ATELIER_BADGE_ISSUER_DESCRIPTION = env(
    "ATELIER_BADGE_ISSUER_DESCRIPTION",
    default="Le service formation, qui reconnaît l'engagement des formateurs internes.",
)

# Discussions: authors may edit a message this long after posting; a message holds at most
# this many characters; a person posts at most N messages in S seconds (against floods).
DISCUSSIONS_EDIT_WINDOW = timedelta(minutes=15)
DISCUSSIONS_MAX_LENGTH = 5000
DISCUSSIONS_RATE_LIMIT = (10, 600)

# French first, English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Static files are served by WhiteNoise, media from MEDIA_ROOT (a volume in production).
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background tasks (search indexing, reference index) run inline; a worker comes with the
# features that need one.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "Atelier"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "community.uploads.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar from another host (privacy, intranet)
WAGTAILEMBEDS_FINDERS = []  # an intranet cannot reach oEmbed providers

# Search (app `search`): Wagtail's database backend with French analysis by default (SQLite:
# indexed Snowball stems; PostgreSQL: the `atelier_french` configuration of search/migrations);
# Elasticsearch 9 with a French analyzer when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    from search.elasticsearch import elasticsearch_backend

    WAGTAILSEARCH_BACKENDS = {
        "default": elasticsearch_backend(
            ELASTICSEARCH_URL, env("ELASTICSEARCH_INDEX_PREFIX", default="atelier_")
        )
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}

# --- Content-Security-Policy (django-csp; atelier/csp.py) ----------------------------------
# The public site runs no inline script or style: everything comes from our own static files
# (JSON-LD blocks are data, which CSP does not block). Deploy with CSP_REPORT_ONLY=True first:
# browsers then only report what the policy would block (to CSP_REPORT_URI when set, to the
# console otherwise).
ATELIER_CSP_REPORT_ONLY = env.bool("CSP_REPORT_ONLY", default=False)
_csp_report_uri = env("CSP_REPORT_URI", default="")
_csp_site_directives = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "report-uri": [_csp_report_uri] if _csp_report_uri else None,
}
# The Wagtail admin (8.0) needs more, only under /admin/ (measured in Chromium; README.md):
# - inline scripts: every chooser widget (page, image, document, snippet), the date/time
#   widgets (publishing schedule, list filters), InlinePanel/MultipleChooserPanel and the
#   search promotions form print <script> blocks with no nonce (Wagtail has no CSP nonce);
# - inline styles: the rich-text editor (Draftail) injects <style> elements;
# - blob: images: the multiple image upload previews files before sending them;
# - frame-ancestors 'self': the page editor's live preview frames an admin URL.
ATELIER_ADMIN_CSP_PREFIXES = ["/admin/"]
ATELIER_ADMIN_CSP_DIRECTIVES = {
    **_csp_site_directives,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}
_csp_policy = {"DIRECTIVES": _csp_site_directives}
if ATELIER_CSP_REPORT_ONLY:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp_policy
else:
    CONTENT_SECURITY_POLICY = _csp_policy
# --- end of Content-Security-Policy ---------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},  # one line per background task is noise
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
    },
}
