"""The library's index page: where a trainer browses the activities, or asks for suggestions."""

from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from community import caching
from community.models.mixins import IntroMixin
from community.pagination import paginate


class LibraryPage(RoutablePageMixin, IntroMixin, Page):
    """The library's index: every published activity, filtered and sorted from the query string,
    paginated; and, at ``trouver/``, the method finder."""

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
        from resources.models.activities import newest_first

        return (
            ActivityPage.objects.child_of(self)
            .visible()
            .prefetch_related("themes")
            .order_by(*newest_first())
        )

    def get_context(self, request, *args, **kwargs):
        from resources.filters import LibraryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = LibraryFilterForm(request.GET, activities=self.activities())
        # Lazy: a cached results fragment (templates/resources/library_page.html) skips the
        # facet counts and the results altogether.
        activities = SimpleLazyObject(lambda: paginate(request, form.page_of_results()))

        def counted_form():
            """The form, once counting the results has labelled its options with counts."""
            activities.paginator  # noqa: B018
            return form

        context["filter_form"] = SimpleLazyObject(counted_form)
        context["activities"] = activities
        context["listing_key"] = caching.listing_key(form, request)
        return context

    @path("trouver/", name="method_finder")
    def method_finder(self, request):
        """“J'ai 45 minutes, 12 personnes, en distanciel, pour faire connaissance.”"""
        from resources.filters import MethodFinderForm

        form = MethodFinderForm(request.GET or None, activities=self.activities())
        context = super().get_context(request)
        context["form"] = form
        if form.is_bound and (form.is_valid() or form.has_criteria):
            context["search"] = form.search()
        return TemplateResponse(request, "resources/method_finder.html", context)
