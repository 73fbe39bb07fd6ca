"""Addresses of the questionnaires and of the results, included in ``events.urls``."""

from django.urls import path

from events import feedback_views

urlpatterns = [
    path("avis/suivi/<str:token>/", feedback_views.followup, name="followup"),
    path("avis/<str:token>/", feedback_views.feedback, name="feedback"),
    path("resultats/<int:page_id>/", feedback_views.results, name="feedback_results"),
]
