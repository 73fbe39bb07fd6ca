from django.urls import include, path

from events import urls_calendars, views

app_name = "events"

urlpatterns = [
    path("seances/<int:session_id>/inscription/", views.register, name="register"),
    path("inscriptions/<int:registration_id>/annulation/", views.cancel, name="cancel"),
    path("inscriptions/annuler/<str:token>/", views.cancel_by_link, name="cancel_by_link"),
    path("mes-inscriptions/", views.my_registrations, name="my_registrations"),
    path("", include("events.urls_proposals")),
    path("", include("events.urls_attendance")),
    path("", include("events.urls_reminders")),
    path("", include("events.urls_feedback")),
    *urls_calendars.urlpatterns,
]
