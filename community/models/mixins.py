"""Fields that several page types share, declared once."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class IntroMixin(models.Model):
    """A short introduction shown under the title of an index or editorial page."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True
