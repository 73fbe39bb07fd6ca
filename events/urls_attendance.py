"""Addresses of the roll call, the sign-in sheet and the facilitator's sessions, included in
``events.urls`` (namespace ``events``)."""

from django.urls import path

from events import attendance_views

urlpatterns = [
    path("seances/<int:session_id>/appel/", attendance_views.roll_call, name="roll_call"),
    path(
        "seances/<int:session_id>/appel/<int:registration_id>/",
        attendance_views.mark,
        name="roll_call_mark",
    ),
    path("seances/<int:session_id>/appel/clore/", attendance_views.close, name="roll_call_close"),
    path(
        "seances/<int:session_id>/emargement.pdf",
        attendance_views.sign_in_sheet_pdf,
        name="sign_in_sheet",
    ),
    path("mes-seances-animees/", attendance_views.my_facilitations, name="my_facilitations"),
]
