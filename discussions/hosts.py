"""Who hosts a content page's discussions: the people told of new questions and replies, and
who may mark an answer as helpful.

An activity is hosted by its authors (its owner when it names none), a training path by its
owner (paths have no author field), a workshop or an exchange event by its facilitators, named
on the page or on any of its sessions. Pages are referred to by type label, so this module
imports neither ``resources`` nor ``events`` models at load time.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

ACTIVITY = "resources.activitypage"
PATH = "resources.trainingpathpage"
EVENTS = ("events.workshoppage", "events.exchangeeventpage")
CONTENT_TYPES = (ACTIVITY, PATH, *EVENTS)


def page_label(page):
    """``app_label.modelname`` of the page's specific type, read without loading it."""
    return (page.specific_class or type(page))._meta.label_lower


def is_content_page(page):
    """Whether questions and comments may be left on this page (by type only)."""
    return page_label(page) in CONTENT_TYPES


def active_people():
    return get_user_model().objects.filter(is_active=True, deleted_at__isnull=True)


def hosts_query(page):
    """The hosts of ``page`` as a queryset of active users (none for other page types)."""
    label = page_label(page)
    people = active_people()
    if label == ACTIVITY:
        authors = people.filter(authored_activities=page.pk)
        if authors.exists():
            return authors
        return people.filter(pk=page.owner_id) if page.owner_id else people.none()
    if label == PATH:
        return people.filter(pk=page.owner_id) if page.owner_id else people.none()
    if label in EVENTS:
        return people.filter(
            Q(facilitated_events=page.pk) | Q(facilitated_sessions__event=page.pk)
        ).distinct()
    return people.none()


def hosts_of(page):
    """The set of users who host ``page``'s discussions (see the module's docstring)."""
    if page is None:
        return set()
    return set(hosts_query(page))


def is_host(user, page):
    if not (user and user.is_authenticated) or page is None:
        return False
    return hosts_query(page).filter(pk=user.pk).exists()
