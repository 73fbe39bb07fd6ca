"""Keep what the search caches in step with the pages."""

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.search.index import get_indexed_models
from wagtail.signals import page_published, page_unpublished

from events.models import Series
from resources.models import Theme
from resources.models.activities import ActivityTag
from search import indexing, matches_cache, vocabulary


def forget_vocabulary(**kwargs):
    vocabulary.forget()


def reindex_published_page(instance, **kwargs):
    """Index a page again once published: the search indexed it on post_save, before its
    tags and themes (child relations of a ClusterableModel) were committed."""
    if not indexing.paused():
        index.insert_or_update_object(instance)


def connect():
    # Any index change: cached match lists are dropped (search.matches_cache).
    for model in get_indexed_models():
        for signal in (post_save, post_delete):
            signal.connect(
                matches_cache.new_generation,
                sender=model,
                dispatch_uid=f"search-matches-{model._meta.label}",
            )
    page_published.connect(matches_cache.new_generation, dispatch_uid="search-matches-published")
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
    page_published.connect(forget_vocabulary, dispatch_uid="search-vocabulary-published")
    page_unpublished.connect(forget_vocabulary, dispatch_uid="search-vocabulary-unpublished")
    post_delete.connect(forget_vocabulary, sender=Page, dispatch_uid="search-vocabulary-deleted")
    # What else the words come from, or who may see them.
    for model in (PageViewRestriction, Theme, Series, Tag, ActivityTag):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_vocabulary, sender=model, dispatch_uid=f"search-vocabulary-{model.__name__}"
            )
