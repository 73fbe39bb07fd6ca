from django.urls import path
from django.views.generic import RedirectView

from search import autocomplete, views

urlpatterns = [
    path("recherche/", views.search_page, name="search"),
    path("recherche/suggestions/", autocomplete.suggestions, name="search_suggestions"),
    # The English address keeps working, query string included.
    path("search/", RedirectView.as_view(pattern_name="search", query_string=True, permanent=True)),
]
