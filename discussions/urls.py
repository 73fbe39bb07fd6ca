"""Actions on discussions, at ``/discussions/`` (namespace ``discussions``). Reading happens
on the pages themselves (the content pages and the forum's routes)."""

from django.urls import path

from discussions import views

app_name = "discussions"

urlpatterns = [
    path("pages/<int:page_id>/nouveau/", views.start_thread, name="start"),
    path("fils/<int:thread_id>/repondre/", views.reply, name="reply"),
    path("fils/<int:thread_id>/suivre/", views.follow, name="follow"),
    path("fils/<int:thread_id>/ne-plus-suivre/", views.unfollow, name="unfollow"),
    path(
        "fils/<int:thread_id>/retirer-reponse-acceptee/",
        views.clear_accepted,
        name="clear_accepted",
    ),
    path("messages/<int:message_id>/modifier/", views.edit, name="edit"),
    path("messages/<int:message_id>/supprimer/", views.delete, name="delete"),
    path("messages/<int:message_id>/signaler/", views.report, name="report"),
    path("messages/<int:message_id>/utile/", views.mark_helpful, name="helpful"),
    path(
        "messages/<int:message_id>/plus-utile/",
        views.mark_helpful,
        {"helpful": False},
        name="not_helpful",
    ),
    path("messages/<int:message_id>/accepter/", views.accept, name="accept"),
]
