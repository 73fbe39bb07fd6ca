from django.urls import include, path

urlpatterns = [
    path("", include("community.urls_profiles")),
    path("", include("community.urls_badges")),
]
