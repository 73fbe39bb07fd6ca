"""The library's index page: where a trainer browses the activities."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from community.models.mixins import IntroMixin
from community.pagination import paginate


class LibraryPage(IntroMixin, Page):
    """The library's index: every published activity, newest first, paginated."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, *IntroMixin.search_fields]

    parent_page_types = ["community.HomePage"]
    subpage_types = ["resources.ActivityPage", "resources.TrainingPathPage"]
    max_count = 1

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def activities(self):
        from resources.models import ActivityPage

        return (
            ActivityPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("themes")
            .order_by("-first_published_at", "-id")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = paginate(request, self.activities())
        return context
