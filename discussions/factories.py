"""Factories for tests and demo content. They write rows as-is, bypassing the rules (no
counters, no e-mails): tests of the rules go through ``discussions.services``."""

import factory
import wagtail_factories
from django.utils import timezone

from community.factories import UserFactory
from discussions.models import ForumPage, Message, Thread, ThreadKind


class ForumPageFactory(wagtail_factories.PageFactory):
    title = "Entre formateurs"
    slug = "forum"
    intro = "Posez vos questions, partagez vos astuces : le forum des formateurs internes."

    class Meta:
        model = ForumPage


class ThreadFactory(factory.django.DjangoModelFactory):
    """A topic by default (give ``page`` a ForumPage, or a content page with
    ``kind=ThreadKind.QUESTION``); ``body`` writes its opening message too."""

    kind = ThreadKind.TOPIC
    title = factory.Sequence(lambda n: f"Sujet {n}")
    author = factory.SubFactory(UserFactory)
    last_activity_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    @factory.post_generation
    def body(self, create, extracted, **kwargs):
        if create:
            Message.objects.create(
                thread=self,
                author=self.author,
                is_opening=True,
                body=extracted or "Comment faites-vous pour animer un groupe à distance ?",
            )


class MessageFactory(factory.django.DjangoModelFactory):
    """A reply (``is_opening=True`` for an opening message)."""

    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Réponse {n} : voici comment je fais.")

    class Meta:
        model = Message
