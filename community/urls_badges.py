"""URLs of the badges: the badge's page and the Open Badges 2.0 hosted verification."""

from django.urls import path

from community.badges import views

urlpatterns = [
    path("badges/emetteur.json", views.issuer, name="badge_issuer"),
    path("badges/attributions/<uuid:uid>.json", views.assertion, name="badge_assertion"),
    path("badges/attributions/<uuid:uid>.png", views.award_image, name="badge_award_image"),
    path("badges/<slug:slug>.json", views.badge_class, name="badge_class"),
    path("badges/<slug:slug>/image.png", views.badge_image, name="badge_image"),
    path("badges/<slug:slug>/", views.badge_detail, name="badge_detail"),
]
