"""WSGI entry point for gunicorn: production settings unless DJANGO_SETTINGS_MODULE says so."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atelier.settings.production")

application = get_wsgi_application()
