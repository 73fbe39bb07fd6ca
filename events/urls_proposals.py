from django.urls import path

from events import proposal_views

urlpatterns = [
    path("proposer-un-atelier/", proposal_views.propose, name="propose"),
    path("mes-propositions/", proposal_views.my_proposals, name="my_proposals"),
]
