"""Addresses against no-shows (seat confirmation, following a series), included in
``events.urls`` (namespace ``events``)."""

from django.urls import path

from events import seat_views, subscription_views

urlpatterns = [
    path("inscriptions/confirmer/<str:token>/", seat_views.confirm_seat, name="confirm_seat"),
    path("series/<slug:slug>/suivre/", subscription_views.follow_series, name="follow_series"),
]
