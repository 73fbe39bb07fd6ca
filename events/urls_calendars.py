"""Addresses of the calendar feeds, included in ``events.urls`` (namespace ``events``)."""

from django.urls import path

from events import calendar_views

urlpatterns = [
    path("agenda.ics", calendar_views.calendar_all, name="calendar_all"),
    path("agenda/serie/<slug:slug>.ics", calendar_views.calendar_series, name="calendar_series"),
    path("agenda/moi/renouveler/", calendar_views.calendar_renew, name="calendar_renew"),
    path("agenda/moi/<str:token>.ics", calendar_views.calendar_personal, name="calendar_personal"),
]
