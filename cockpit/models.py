"""The cockpit keeps no data of its own: it reads events, resources and community.

One unmanaged model carries the permissions the training team's group holds, so the dashboard,
the reports and the import are granted like any other admin screen.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW_DASHBOARD = "cockpit.view_dashboard"
IMPORT_CATALOGUE = "cockpit.import_catalogue"


class CockpitAccess(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_dashboard", _("Can view the dashboard and its reports")),
            ("import_catalogue", _("Can import the catalogue from a spreadsheet")),
        ]
        verbose_name = _("cockpit access")

    def __str__(self):
        return str(self._meta.verbose_name)
