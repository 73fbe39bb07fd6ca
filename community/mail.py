"""E-mails to people, written from templates, in the recipient's language, sent after commit.

Every app sends through here, so muting bulk work and the language rule hold everywhere.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

_muted = ContextVar("atelier_mail_muted", default=False)


@contextmanager
def muted():
    """Bulk work (demo content, imports) changes things without e-mailing each person."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted():
    """Whether bulk work is running: work deferred to a commit captures it, to stay muted."""
    return _muted.get()


def send_after_commit(notify, *args):
    """E-mail once the change is committed, so a rolled-back change never tells anyone."""
    if not _muted.get():
        # robust: a mail server that fails must not turn a saved change into an error page,
        # nor stop the e-mails queued after this one (the failure is logged).
        transaction.on_commit(lambda: notify(*args), robust=True)


def absolute(url):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def send(template, user, context, attachments=()):
    """One e-mail from ``<template>_subject.txt`` and ``<template>.txt``, in the recipient's
    language (their admin preference, else the site's: French). ``attachments`` holds callables
    that return ``(filename, content, mimetype)``: called in that language too."""
    from wagtail.users.models import UserProfile

    language = UserProfile.get_for_user(user).preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
        files = [attachment() for attachment in attachments]
    message = EmailMessage(" ".join(subject.split()), body, None, [user.email])
    for filename, content, mimetype in files:
        message.attach(filename, content, mimetype)
    message.send()
