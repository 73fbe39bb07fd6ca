"""URLs of the profiles: one's own profile and one's data. Other people's profiles are
sub-URLs of the trainer directory page (see ``TrainerDirectoryPage``); none is editable."""

from django.urls import path

from community import profile_views

urlpatterns = [
    path("mon-profil/", profile_views.my_profile, name="my_profile"),
    path("mon-profil/mes-donnees/", profile_views.my_data, name="my_data"),
    path("mon-profil/supprimer/", profile_views.delete_account, name="delete_account"),
]
