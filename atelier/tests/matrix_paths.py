"""Concrete addresses for the permission matrix: every URL pattern of the site, and one page of
each page type with its sub-routes, filled with real ids, slugs and tokens of the demo content.

Kept apart from the test module so the table of expected statuses reads on its own.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models

OUR_APPS = ("community", "resources", "events", "search", "cockpit", "discussions")

# Admin URLs are ours when their name (or namespace) starts with one of these: our viewsets
# and screens, and Wagtail's snippet views and choosers of our models.
OUR_ADMIN_PREFIXES = (
    "atelier_",
    "cockpit_",
    "community_",
    "events_",
    "discussions_",
    *(f"wagtailsnippets_{app}_" for app in OUR_APPS),
    *(f"wagtailsnippetchoosers_{app}_" for app in OUR_APPS),
)

# Wagtail's own admin screens we still cover: the way into the admin, the page tree and one
# page's editor, and the promoted results our “Search” menu opens to the training team.
WAGTAIL_ADMIN_COVERED = (
    "wagtailadmin_home",
    "wagtailadmin_explore",
    "wagtailadmin_pages:edit",
    "wagtailsearchpromotions:index",
)


def url_patterns():
    """Every URL pattern as (key, route): the key is the qualified name, or the route when the
    pattern has no name."""

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                key = ":".join((*namespaces, pattern.name)) if pattern.name else route
                yield key, route

    return list(walk(get_resolver().url_patterns, "", ()))


def is_wagtail_admin_internal(key, route):
    """Wagtail's own admin (its page, image, document, user, site, settings… screens) is
    Wagtail's to test: excluded as a whole, except our screens and WAGTAIL_ADMIN_COVERED."""
    return (
        route.startswith("admin/")
        and not key.startswith(OUR_ADMIN_PREFIXES)
        and key not in WAGTAIL_ADMIN_COVERED
    )


def our_page_models():
    return [model for model in get_page_models() if model._meta.app_label in OUR_APPS]


def page_route_keys():
    """``page:<app.Model>`` for each of our page types, ``page:<app.Model>:<route>`` for each
    sub-route of a routable page (the empty route is the page itself)."""
    keys = []
    for model in our_page_models():
        label = model._meta.label
        keys.append(f"page:{label}")
        if issubclass(model, RoutablePageMixin):
            for pattern in model.get_subpage_urls():
                if str(pattern.pattern):
                    keys.append(f"page:{label}:{pattern.name}")
    return keys


def _a_message(author):
    """A comment on the home page, for the moderation screens when the demo has none."""
    from django.utils import timezone
    from wagtail.models import Site

    from discussions.models import Message, Thread, ThreadKind

    thread = Thread.objects.create(
        kind=ThreadKind.COMMENT,
        page=Site.objects.get(is_default_site=True).root_page,
        author=author,
        last_activity_at=timezone.now(),
    )
    return Message.objects.create(thread=thread, author=author, is_opening=True, body="Bonjour")


class DemoPaths:
    """Builds the path of a key, from the demo content (read at first use, in the test's
    transaction)."""

    def __init__(self):
        from community.models import Badge, BadgeAward, Profile, TrainingNeed, User
        from community.models.profiles import Visibility
        from discussions.models import Message, Thread
        from events.models import (
            CalendarToken,
            FeedbackAnswer,
            FeedbackInvitation,
            FollowUpAnswer,
            Registration,
            Series,
        )
        from resources.models import Theme
        from search.models import UnansweredQuery

        registration = (
            Registration.objects.filter(user__email__endswith="@atelier.example")
            .select_related("session", "user")
            .order_by("-session__start", "pk")
            .first()
        )
        self.session = registration.session
        self.registration = registration
        invitation = FeedbackInvitation.objects.order_by("pk").first()
        owner = User.objects.filter(is_superuser=False).order_by("pk").first()
        calendar, _ = CalendarToken.objects.get_or_create(user=owner)
        unanswered = UnansweredQuery.objects.order_by("pk").first() or (
            UnansweredQuery.objects.create(query_string="tricot", hits=1)
        )
        series = Series.objects.order_by("pk").first()
        self.tokens = {
            "events:cancel_by_link": registration.token,
            "events:confirm_seat": registration.token,
            "events:feedback": invitation.token,
            "events:followup": invitation.followup_token,
            "events:calendar_personal": calendar.token,
        }
        badge = Badge.objects.order_by("pk").first()
        self.slugs = {
            "badge_class": badge.slug,
            "badge_image": badge.slug,
            "badge_detail": badge.slug,
            "events:follow_series": series.slug,
            "events:calendar_series": series.slug,
        }
        self.award = BadgeAward.objects.order_by("pk").first()
        self.pks = {
            "events_sessions": self.session.pk,
            "events_registrations": registration.pk,
            "community_profiles": Profile.objects.order_by("pk").first().pk,
            "events_feedback_answers": FeedbackAnswer.objects.order_by("pk").first().pk,
            "events_followup_answers": FollowUpAnswer.objects.order_by("pk").first().pk,
            "atelier_unanswered_queries": unanswered.pk,
            "community_badge": badge.pk,
            "community_badgeaward": self.award.pk,
            "community_trainingneed": TrainingNeed.objects.order_by("pk").first().pk,
            "resources_theme": Theme.objects.order_by("pk").first().pk,
            "events_series": series.pk,
        }
        message = Message.objects.order_by("pk").first() or _a_message(owner)
        self.pks["discussions_moderation"] = message.pk
        self.pks["discussions_threads"] = message.thread_id
        # The public actions: a demo topic (for the forum's routes) and its first reply, by a
        # demo account, none of the matrix's roles: editing or deleting it is someone else's.
        self.topic = Thread.objects.topics().shown().order_by("pk").first()
        self.reply = self.topic.messages.replies().shown().order_by("pk").first()
        self.pages = {
            model._meta.label: model.objects.live().exact_type(model).order_by("path").first()
            for model in our_page_models()
        }
        self.pks["wagtailapi"] = self.pages["resources.ActivityPage"].pk
        self.profile = (
            Profile.objects.visible_to(owner).filter(available_to_facilitate=True).order_by("pk")
        ).first()
        self.need = TrainingNeed.objects.order_by("pk").first()
        # A profile shown to the training team only (one of the demo's, made so if need be).
        self.team_only_profile = Profile.objects.exclude(pk=self.profile.pk).order_by("pk")[0]
        self.team_only_profile.visibility = Visibility.TEAM
        self.team_only_profile.save(update_fields=["visibility"])

    def _pk_for(self, key):
        namespace = key.split(":")[0]
        for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
            namespace = namespace.removeprefix(prefix)
        if namespace == "events_series_overbooking":
            namespace = "events_series"
        return self.pks[namespace]

    def path(self, key, route):
        if key.startswith("page:"):
            return self.page_path(key)
        if key == "wagtailapi:pages:find":
            return reverse(key) + "?html_path=" + self.pages["resources.LibraryPage"].url
        if "<" not in route:
            return "/" + route.replace("^", "")
        kwargs = {}
        for name in ("pk", "session_id", "registration_id", "token", "slug", "uid", "page_id"):
            if f":{name}>" not in route:
                continue
            kwargs[name] = {
                "pk": lambda: self._pk_for(key),
                "session_id": lambda: self.session.pk,
                "registration_id": lambda: self.registration.pk,
                "token": lambda: self.tokens[key],
                "slug": lambda: self.slugs[key],
                "uid": lambda: self.award.uid,
                "page_id": lambda: self.session.event_id,
            }[name]()
        if key.startswith("discussions:"):
            return self.discussions_path(key, route)
        if key == "wagtailadmin_explore":
            kwargs = {"parent_page_id": self.pages["resources.LibraryPage"].pk}
        if key == "wagtailadmin_pages:edit":
            kwargs = {"page_id": self.pages["resources.ActivityPage"].pk}
        return reverse(key, kwargs=kwargs)

    def discussions_path(self, key, route):
        """The site's actions on discussions: on an activity, the demo topic, its reply."""
        if ":page_id>" in route:
            return reverse(key, kwargs={"page_id": self.pages["resources.ActivityPage"].pk})
        if ":thread_id>" in route:
            return reverse(key, kwargs={"thread_id": self.topic.pk})
        return reverse(key, kwargs={"message_id": self.reply.pk})

    def page_path(self, key):
        _, label, *route = key.split(":")
        page = self.pages[label]
        url = page.url
        if not route:
            return url
        if route[0] == "profile (team only)":
            return url + page.reverse_subpage("profile", args=[self.team_only_profile.pk])
        args = {
            "vote": [self.need.pk],
            "withdraw_vote": [self.need.pk],
            "profile": [self.profile.pk],
            "contact": [self.profile.pk],
            "topic": [self.topic.pk],
        }.get(route[0], [])
        return url + page.reverse_subpage(route[0], args=args)
