"""A series groups workshops that belong together, as TRUC² runs them (“Un truc² en +”…)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits, e.g. #1f5fa8.")
)


class Series(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=800, blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#1f5fa8",
        validators=[hex_colour],
        help_text=_("Shown as a mark beside the series name; the name is always written too."),
    )
    requires_seat_confirmation = models.BooleanField(
        _("ask people to confirm their seat"),
        default=False,
        help_text=_(
            "Three days before, people registered are asked to confirm their seat; seats not "
            "confirmed the day before go to the waiting list."
        ),
    )
    # The no-show rate the training team chose to apply (it sees the measured one first):
    # sessions of the series then take capacity / (1 − rate) registrations, within the cap
    # of the ATELIER_OVERBOOKING_MAX_RATIO setting. Empty: no over-booking.
    overbooking_rate = models.DecimalField(
        _("applied no-show rate"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["name"]

    def __str__(self):
        return self.name
