"""The end-of-import summary, worded once for the command and the admin screen."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cockpit.catalogue_import.rows import ACTIVITY, SESSION, WORKSHOP


def _items(counter):
    words = {
        ACTIVITY: lambda n: ngettext("%(count)s activity", "%(count)s activities", n),
        WORKSHOP: lambda n: ngettext("%(count)s workshop", "%(count)s workshops", n),
        SESSION: lambda n: ngettext("%(count)s session", "%(count)s sessions", n),
    }
    parts = [
        words[kind](counter[kind]) % {"count": counter[kind]}
        for kind in (ACTIVITY, WORKSHOP, SESSION)
        if counter[kind]
    ]
    return ", ".join(parts) or _("no page or session")


def summary_lines(summary):
    """“Créés : 3 activités, 1 atelier.” / “Mis à jour : …” / “Ignorées : 2 lignes invalides.”"""
    return [
        _("Created: %(items)s.") % {"items": _items(summary.created)},
        _("Updated: %(items)s.") % {"items": _items(summary.updated)},
        ngettext(
            "Skipped: %(count)s invalid row.", "Skipped: %(count)s invalid rows.", summary.skipped
        )
        % {"count": summary.skipped},
    ]
