"""Read-only Wagtail API v2 of the library: published, public activities and training paths.

``/api/v2/pages/`` lists the library's pages (its index, activities and training paths) that
an anonymous visitor may read; ``?type=resources.TrainingPathPage&fields=*`` gives the fields
each model declares in ``api_fields``. Only GET is routed: anything else is refused (405).
When the site requires signing in (ATELIER_SIGN_IN_REQUIRED), so does the API.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet


class LibraryPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        from resources.models import ActivityPage, LibraryPage, TrainingPathPage

        return super().get_base_queryset().type(LibraryPage, ActivityPage, TrainingPathPage)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LibraryPagesAPIViewSet)
