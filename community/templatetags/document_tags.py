"""What a download link must say before the click (RGAA 6.1): the file's format and size."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()

KILO = 1024
MEGA = KILO * KILO


def readable_size(size):
    """« 850 octets », « 120 Ko », « 1,2 Mo »: the units French readers know."""
    if size is None:
        return ""
    if size < KILO:
        return _("%(size)s bytes") % {"size": size}
    if size < MEGA:
        return _("%(size)s KB") % {"size": round(size / KILO)}
    return _("%(size)s MB") % {"size": number_format(size / MEGA, 1)}


@register.simple_tag
def document_facts(document):
    """« PDF, 120 Ko »: the extension in capitals and the size (computed once, then stored)."""
    facts = [document.file_extension.upper(), readable_size(document.get_file_size())]
    return ", ".join(fact for fact in facts if fact)
