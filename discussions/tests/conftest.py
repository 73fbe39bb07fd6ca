"""Fixtures of the discussions' tests: the forum, an activity with its author, a workshop
with its facilitator, and a forum topic with replies."""

import pytest

from community.factories import UserFactory
from discussions.factories import ForumPageFactory, MessageFactory, ThreadFactory
from discussions.models import Follow
from discussions.services import refresh_counters
from events.factories import WorkshopCatalogPageFactory, WorkshopPageFactory
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory


@pytest.fixture
def forum_page(home_page):
    return ForumPageFactory(parent=home_page)


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


@pytest.fixture
def activity_author(db):
    return UserFactory(email="autrice@atelier.example", first_name="Élodie", last_name="Martin")


@pytest.fixture
def activity(library, activity_author):
    page = ActivityPageFactory(parent=library, title="Le photolangage")
    page.authors.set([activity_author])
    page.save_revision().publish()
    return page


@pytest.fixture
def facilitator(db):
    return UserFactory(email="animateur@atelier.example", first_name="Julien", last_name="Lefèvre")


@pytest.fixture
def workshop(home_page, facilitator):
    catalog = WorkshopCatalogPageFactory(parent=home_page)
    page = WorkshopPageFactory(parent=catalog, title="Les tableaux croisés dynamiques")
    page.facilitators.set([facilitator])
    page.save_revision().publish()
    return page


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Pédagogie", slug="pedagogie")


@pytest.fixture
def topic(forum_page, trainer, agent, theme):
    """A topic by the trainer (Nathalie Girard, who follows it) with two replies by the agent
    (Marc Dubois, who does not), counters up to date; written without the services (no
    e-mail, no rate limit)."""
    thread = ThreadFactory(
        page=forum_page,
        author=trainer,
        title="Animer une classe virtuelle",
        theme=theme,
        body="Comment gardez-vous l'attention d'un groupe en visio ?",
    )
    MessageFactory(thread=thread, author=agent, body="Je pose une question toutes les 5 minutes.")
    MessageFactory(thread=thread, author=agent, body="Et je coupe en séquences de 20 minutes.")
    Follow.objects.create(thread=thread, user=trainer)
    return refresh_counters(thread)
