"""Local development: debug on, a throwaway secret, demo content allowed."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-secret-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
ATELIER_DEMO_CONTENT_ALLOWED = env.bool("ATELIER_DEMO_CONTENT_ALLOWED", default=True)

# WhiteNoise serves straight from the apps and static/ (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None  # collectstatic is for production
