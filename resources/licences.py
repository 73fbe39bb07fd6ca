"""Which licence an adaptation may take, given its original's.

The rule of the Creative Commons licences, applied inside the site: an adaptation keeps at
least the original's obligations. CC0 frees everything; CC BY requires attribution (so an
adaptation may not be CC0); CC BY-SA requires the same licence; "internal use only" stays
internal. Adapting is always allowed inside the site — only the licence choice is bounded.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    CC_BY = "cc_by", "CC BY 4.0"
    CC_BY_SA = "cc_by_sa", "CC BY-SA 4.0"
    CC0 = "cc0", "CC0 1.0"
    INTERNAL = "internal", _("internal use only")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
}

COMPATIBLE = {
    Licence.CC0: {Licence.CC0, Licence.CC_BY, Licence.CC_BY_SA, Licence.INTERNAL},
    Licence.CC_BY: {Licence.CC_BY, Licence.CC_BY_SA, Licence.INTERNAL},
    Licence.CC_BY_SA: {Licence.CC_BY_SA},
    Licence.INTERNAL: {Licence.INTERNAL},
}


def compatible_licences(original):
    return COMPATIBLE[Licence(original)]


def is_compatible(original, chosen):
    return Licence(chosen) in compatible_licences(original)
