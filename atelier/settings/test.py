"""The test suite: SQLite unless DATABASE_URL points elsewhere (CI runs it on PostgreSQL too)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env

SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ATELIER_DEMO_CONTENT_ALLOWED = True
ATELIER_SIGN_IN_REQUIRED = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "test-artifacts" / "media"))
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}

# WhiteNoise serves straight from the apps and static/ (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None  # collectstatic is for production
AXES_ENABLED = env.bool("AXES_ENABLED", default=False)  # atelier/tests/test_security.py turns it on
# Page fragments are not cached by default in tests (query counts compare two renders);
# community/tests/test_caching.py turns the cache on.
ATELIER_CACHE_TIMEOUT = env.int("ATELIER_CACHE_TIMEOUT", default=0)
