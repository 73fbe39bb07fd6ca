"""URLs of the profiles."""

urlpatterns = []
