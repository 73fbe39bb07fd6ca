"""Wagtail's own moderation e-mails (a page submitted, approved, rejected) obey
``community.mail.muted()`` too: bulk work that starts a review (the demo adopting a need through
a workshop proposal) e-mails no reviewer.

Wagtail connects its notifiers after our ``ready()``, so they are not replaced: each one's
``can_handle`` (the first thing it asks) answers no while muted."""

from community import mail

NOTIFIERS = (
    "task_submission_email_notifier",
    "workflow_submission_email_notifier",
    "workflow_approval_email_notifier",
    "workflow_rejection_email_notifier",
)


def obey_muted():
    from wagtail.admin import signal_handlers

    for name in NOTIFIERS:
        notifier = getattr(signal_handlers, name)
        if getattr(notifier, "obeys_muted", False):
            continue
        handles = notifier.can_handle

        def can_handle(instance, _handles=handles, **kwargs):
            return not mail.is_muted() and _handles(instance, **kwargs)

        notifier.can_handle = can_handle
        notifier.obeys_muted = True
