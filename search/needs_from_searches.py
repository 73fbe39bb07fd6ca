"""Turning a search that found nothing into a training need on the board: the team's one
click from "agents looked for it" to "agents asked for it"."""

from django.db import transaction
from django.utils.translation import ngettext

from community import needs
from search.models import UnansweredQuery


class AlreadyANeed(Exception):
    """The search was turned into a need already (``need``): nothing was created."""

    def __init__(self, need):
        super().__init__(need)
        self.need = need


def turn_into_need(query_pk, user, details):
    """Post the need ``details`` (title, why, theme) as ``user`` and link it to the search.
    The search's row is locked meanwhile, so a double click never posts two needs."""
    with transaction.atomic():
        query = UnansweredQuery.objects.select_for_update().get(pk=query_pk)
        if query.need_id is not None:
            raise AlreadyANeed(query.need)
        need = needs.post_need(user, details)
        query.need = need
        query.turned_into_need_by = user
        query.save(update_fields=["need", "turned_into_need_by"])
    return need


def default_why(query):
    return ngettext(
        "Agents searched Atelier for “%(query)s” and found nothing (%(count)s search).",
        "Agents searched Atelier for “%(query)s” and found nothing (%(count)s searches).",
        query.hits,
    ) % {"query": query.query_string, "count": query.hits}
