"""The French analyzer on a real Elasticsearch 9 server: runs only when ELASTICSEARCH_URL is set.

It writes to its own throw-away index (prefix `atelier_test_<random>_`) and deletes it after.
"""

import os
import uuid

import pytest
from wagtail.search.backends import get_search_backend

from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import ActivityPage
from search.elasticsearch import elasticsearch_backend

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.skipif(
        not ELASTICSEARCH_URL,
        reason="ELASTICSEARCH_URL is not set: no Elasticsearch server on this machine",
    ),
    pytest.mark.django_db,
]


@pytest.fixture
def backend():
    params = elasticsearch_backend(ELASTICSEARCH_URL, f"atelier_test_{uuid.uuid4().hex[:8]}_")
    backend = get_search_backend(params.pop("BACKEND"), **params)
    index = backend.get_index_for_model(ActivityPage)
    index.reset()
    index.add_model(ActivityPage)
    yield backend
    index.delete()


def test_accent_free_plural_finds_the_accented_title(backend, home_page):
    library = LibraryPageFactory(parent=home_page)
    wanted = ActivityPageFactory(parent=library, title="Évaluation à chaud en fin de séance")
    other = ActivityPageFactory(parent=library, title="Le photolangage")
    index = backend.get_index_for_model(ActivityPage)
    for page in (wanted, other):
        backend.add(page)
    index.refresh()

    results = list(backend.search("evaluations", ActivityPage.objects.live()))

    assert results == [wanted]
