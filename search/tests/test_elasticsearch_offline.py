"""The Elasticsearch 9 configuration, checked without a server.

What the backend would send: the index settings (the French analyzer as `default`), the index
name, the mapping of an activity (text fields that name no analyzer, so the French one applies,
and the title and summary copied to the boosted catch-all field) and the query of a search.
Building the client opens no connection, so an address that cannot resolve is fine.
"""

import runpy

import pytest
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend
from wagtail.search.backends import get_search_backend

from atelier.settings import base as base_settings
from resources.models import ActivityPage
from search.elasticsearch import FRENCH_ANALYSIS, elasticsearch_backend

URL = "http://es.invalid:9200"


def fresh_settings():
    """The base settings module run anew, so that it reads the environment again."""
    return runpy.run_path(base_settings.__file__, run_name="fresh_settings")


@pytest.fixture
def backend():
    params = elasticsearch_backend(URL, "atelier_")
    return get_search_backend(params.pop("BACKEND"), **params)


def test_the_entry_builds_an_elasticsearch9_backend_for_the_url(backend):
    assert isinstance(backend, Elasticsearch9SearchBackend)
    assert backend.hosts == [
        {"host": "es.invalid", "port": 9200, "path_prefix": "", "scheme": "http"}
    ]
    assert backend.timeout == 5


def test_the_french_analyzer_is_the_index_default(backend):
    analysis = backend.settings["settings"]["analysis"]

    assert analysis["analyzer"]["default"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["french_elision", "lowercase", "french_stop", "asciifolding", "french_stemmer"],
    }
    assert analysis["filter"]["french_elision"]["type"] == "elision"
    assert analysis["filter"]["french_elision"]["articles_case"] is True
    assert {"l", "d", "qu", "jusqu"} <= set(analysis["filter"]["french_elision"]["articles"])
    assert analysis["filter"]["french_stop"] == {"type": "stop", "stopwords": "_french_"}
    assert analysis["filter"]["french_stemmer"] == {"type": "stemmer", "language": "light_french"}


def test_french_settings_add_to_modelsearch_analyzers_without_replacing_them(backend):
    analysis = backend.settings["settings"]["analysis"]

    assert {"ngram_analyzer", "edgengram_analyzer", "default"} <= set(analysis["analyzer"])
    assert {"ngram", "edgengram", *FRENCH_ANALYSIS["filter"]} <= set(analysis["filter"])
    assert backend.settings["settings"]["index"] == {"max_ngram_diff": 12}


def test_every_filter_the_analyzer_names_is_defined_or_built_in(backend):
    analysis = backend.settings["settings"]["analysis"]
    built_in = {"lowercase", "asciifolding"}

    for name in analysis["analyzer"]["default"]["filter"]:
        assert name in analysis["filter"] or name in built_in


def test_index_name_carries_the_prefix(backend):
    assert backend.get_index_for_model(ActivityPage).name == "atelier_wagtailcore_page"


def test_activity_search_fields_are_text_fields_under_the_default_analyzer(backend):
    properties = backend.mapping_class(ActivityPage).get_mapping()["properties"]
    text_fields = {
        "title": ["_all_text", "_all_text_boost_2_0"],
        "resources_activitypage__summary": ["_all_text", "_all_text_boost_2_0"],
        "resources_activitypage__objectives": "_all_text",
        "resources_activitypage__steps": "_all_text",
        "resources_activitypage__facilitator_tips": "_all_text",
    }

    for name, copy_to in text_fields.items():
        assert properties[name] == {"type": "text", "copy_to": copy_to}, name
    for catch_all in ("_all_text", "_all_text_boost_2_0"):
        assert properties[catch_all] == {"type": "text"}
    for related in ("resources_activitypage__themes", "resources_activitypage__tags"):
        assert properties[related]["properties"]["name"] == {"type": "text", "copy_to": "_all_text"}
    assert properties["resources_activitypage__kind_filter"] == {"type": "keyword"}
    assert properties["live_filter"] == {"type": "boolean"}


def test_search_query_for_two_words(backend):
    compiler = backend.query_compiler_class(ActivityPage.objects.live(), "formations excel")

    assert compiler.get_inner_query() == {
        "multi_match": {
            "query": "formations excel",
            "fields": ["_all_text", "_all_text_boost_2_0^2.0"],
        }
    }
    assert compiler.get_query() == {
        "bool": {
            "must": compiler.get_inner_query(),
            "filter": [
                {"match": {"_django_content_type": "resources.ActivityPage"}},
                {"term": {"live_filter": True}},
            ],
        }
    }


def test_and_operator_reaches_the_query(backend):
    compiler = backend.query_compiler_class(
        ActivityPage.objects.live(), "formations excel", operator="and"
    )

    assert compiler.get_inner_query()["multi_match"]["operator"] == "and"


def test_settings_switch_to_elasticsearch_when_the_url_is_set(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", URL)
    monkeypatch.setenv("ELASTICSEARCH_INDEX_PREFIX", "intranet_")

    settings = fresh_settings()

    assert settings["WAGTAILSEARCH_BACKENDS"] == {
        "default": elasticsearch_backend(URL, "intranet_")
    }
    assert settings["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == (
        "wagtail.search.backends.elasticsearch9"
    )


def test_settings_keep_the_database_backend_without_the_url(monkeypatch):
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)

    settings = fresh_settings()

    assert settings["WAGTAILSEARCH_BACKENDS"] == {"default": {"BACKEND": "search.backends"}}
