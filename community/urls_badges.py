"""URLs of the badges."""

urlpatterns = []
