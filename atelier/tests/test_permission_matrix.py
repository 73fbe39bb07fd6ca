"""The permission matrix: every URL of the site, as each role, with the status expected.

Every URL pattern of the resolver (our apps', the API's, our admin screens and viewsets) and one
page of each page type with its sub-routes must appear in EXPECTED or in EXCLUDED, with a reason:
a new URL without a decision fails ``test_every_url_has_a_decision``. Wagtail's own admin is
Wagtail's to test and is left out by one rule (see ``matrix_paths.is_wagtail_admin_internal``).
Addresses are filled with ids, slugs and tokens of the demo content (``matrix_paths``).
"""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from atelier.tests.matrix_paths import (
    DemoPaths,
    is_wagtail_admin_internal,
    page_route_keys,
    url_patterns,
)
from community.factories import UserFactory

ROLES = ("anonymous", "agent", "trainer", "team_member", "superuser")

# What a GET may answer (besides a plain status code).
OK = 200
SIGN_IN = "sign-in"  # 302 to the site's sign-in page
ADMIN_SIGN_IN = "admin sign-in"  # 302 to the admin's sign-in page: no admin access
REFUSED = "admin home"  # Wagtail's refusal: back to the admin's home, with a message
REDIRECT = "redirect"  # 302 elsewhere (a POST-only view sending back to its page…)
MOVED = 301
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405


def roles(anonymous, agent, trainer, team_member, superuser):
    return dict(zip(ROLES, (anonymous, agent, trainer, team_member, superuser), strict=True))


EVERYONE = roles(OK, OK, OK, OK, OK)
SIGNED_IN = roles(SIGN_IN, OK, OK, OK, OK)
ANONYMOUS_ONLY = roles(OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT)  # sign-in page
SIGNED_IN_REDIRECTED = roles(SIGN_IN, REDIRECT, REDIRECT, REDIRECT, REDIRECT)
ALL_REDIRECTED = roles(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)
MOVED_FOR_ALL = roles(MOVED, MOVED, MOVED, MOVED, MOVED)
SIGNED_IN_FORBIDDEN = roles(SIGN_IN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)
POST_ONLY = roles(NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED)
# The trainer fixture facilitates none of the demo's sessions: only the team may look.
TEAM_OR_FACILITATOR = roles(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, OK)
TEAM_ONLY_PAGE = roles(SIGN_IN, NOT_FOUND, NOT_FOUND, OK, OK)
# The admin: trainers get in (they publish activities); each screen then asks its permission.
ADMIN_USERS = roles(ADMIN_SIGN_IN, ADMIN_SIGN_IN, OK, OK, OK)
TEAM_ADMIN = roles(ADMIN_SIGN_IN, ADMIN_SIGN_IN, REFUSED, OK, OK)
TEAM_ADMIN_403 = roles(ADMIN_SIGN_IN, ADMIN_SIGN_IN, FORBIDDEN, OK, OK)
SUPERUSER_ADMIN = roles(ADMIN_SIGN_IN, ADMIN_SIGN_IN, REFUSED, REFUSED, OK)
NOBODY_ADMIN = roles(ADMIN_SIGN_IN, ADMIN_SIGN_IN, REFUSED, REFUSED, REFUSED)  # read-only views

EXPECTED = {
    "wagtailadmin_home": ADMIN_USERS,
    "wagtailadmin_explore": ADMIN_USERS,
    "wagtailadmin_pages:edit": TEAM_ADMIN,
    "events_recurring_sessions": TEAM_ADMIN,
    "events_series_overbooking": TEAM_ADMIN,
    "wagtailsearchpromotions:index": TEAM_ADMIN,
    "atelier_search_terms": TEAM_ADMIN,
    "atelier_search_terms_results": TEAM_ADMIN,
    "cockpit_dashboard": TEAM_ADMIN,
    "cockpit_report": TEAM_ADMIN,
    # The import screen answers 403 where the other cockpit screens send back to the dashboard.
    "cockpit_import": TEAM_ADMIN_403,
    "cockpit_import_sample": TEAM_ADMIN_403,
    "wagtailsnippets_community_badge:list": TEAM_ADMIN,
    "wagtailsnippets_community_badge:list_results": TEAM_ADMIN,
    "wagtailsnippets_community_badge:add": TEAM_ADMIN,
    "wagtailsnippets_community_badge:edit": TEAM_ADMIN,
    "wagtailsnippets_community_badge:delete": TEAM_ADMIN,
    "wagtailsnippets_community_badge:usage": TEAM_ADMIN,
    "wagtailsnippets_community_badge:history": TEAM_ADMIN,
    "wagtailsnippets_community_badge:history_results": TEAM_ADMIN,
    "wagtailsnippets_community_badge:inspect": TEAM_ADMIN,
    "wagtailsnippetchoosers_community_badge:choose": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badge:choose_results": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badge:chosen": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badge:chosen_multiple": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badge:create": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:list": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:list_results": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:add": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:edit": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:delete": SUPERUSER_ADMIN,
    "wagtailsnippets_community_badgeaward:usage": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:history": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:history_results": TEAM_ADMIN,
    "wagtailsnippets_community_badgeaward:inspect": TEAM_ADMIN,
    "wagtailsnippetchoosers_community_badgeaward:choose": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badgeaward:choose_results": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badgeaward:chosen": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badgeaward:chosen_multiple": ADMIN_USERS,
    "wagtailsnippetchoosers_community_badgeaward:create": TEAM_ADMIN,
    "wagtailsnippets_community_trainingneed:list": TEAM_ADMIN,
    "wagtailsnippets_community_trainingneed:list_results": TEAM_ADMIN,
    "wagtailsnippets_community_trainingneed:add": SUPERUSER_ADMIN,
    "wagtailsnippets_community_trainingneed:edit": TEAM_ADMIN,
    "wagtailsnippets_community_trainingneed:delete": SUPERUSER_ADMIN,
    "wagtailsnippets_community_trainingneed:usage": TEAM_ADMIN,
    "wagtailsnippets_community_trainingneed:history": TEAM_ADMIN,
    "wagtailsnippets_community_trainingneed:history_results": TEAM_ADMIN,
    "wagtailsnippetchoosers_community_trainingneed:choose": ADMIN_USERS,
    "wagtailsnippetchoosers_community_trainingneed:choose_results": ADMIN_USERS,
    "wagtailsnippetchoosers_community_trainingneed:chosen": ADMIN_USERS,
    "wagtailsnippetchoosers_community_trainingneed:chosen_multiple": ADMIN_USERS,
    "wagtailsnippetchoosers_community_trainingneed:create": SUPERUSER_ADMIN,
    "wagtailsnippets_resources_theme:list": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:list_results": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:add": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:edit": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:delete": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:usage": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:history": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:history_results": TEAM_ADMIN,
    "wagtailsnippets_resources_theme:copy": TEAM_ADMIN,
    "wagtailsnippetchoosers_resources_theme:choose": ADMIN_USERS,
    "wagtailsnippetchoosers_resources_theme:choose_results": ADMIN_USERS,
    "wagtailsnippetchoosers_resources_theme:chosen": ADMIN_USERS,
    "wagtailsnippetchoosers_resources_theme:chosen_multiple": ADMIN_USERS,
    "wagtailsnippetchoosers_resources_theme:create": TEAM_ADMIN,
    "wagtailsnippets_events_series:list": TEAM_ADMIN,
    "wagtailsnippets_events_series:list_results": TEAM_ADMIN,
    "wagtailsnippets_events_series:add": TEAM_ADMIN,
    "wagtailsnippets_events_series:edit": TEAM_ADMIN,
    "wagtailsnippets_events_series:delete": TEAM_ADMIN,
    "wagtailsnippets_events_series:usage": TEAM_ADMIN,
    "wagtailsnippets_events_series:history": TEAM_ADMIN,
    "wagtailsnippets_events_series:history_results": TEAM_ADMIN,
    "wagtailsnippets_events_series:copy": TEAM_ADMIN,
    "wagtailsnippetchoosers_events_series:choose": ADMIN_USERS,
    "wagtailsnippetchoosers_events_series:choose_results": ADMIN_USERS,
    "wagtailsnippetchoosers_events_series:chosen": ADMIN_USERS,
    "wagtailsnippetchoosers_events_series:chosen_multiple": ADMIN_USERS,
    "wagtailsnippetchoosers_events_series:create": TEAM_ADMIN,
    "events_sessions:index": ADMIN_USERS,
    "events_sessions:index_results": ADMIN_USERS,
    "events_sessions:add": TEAM_ADMIN,
    "events_sessions:edit": TEAM_ADMIN,
    "events_sessions:delete": TEAM_ADMIN,
    "events_sessions:history": TEAM_ADMIN,
    "events_sessions:history_results": TEAM_ADMIN,
    "events_sessions:usage": TEAM_ADMIN,
    "events_sessions:inspect": ADMIN_USERS,
    "events_sessions:copy": TEAM_ADMIN,
    "events_registrations:index": TEAM_ADMIN,
    "events_registrations:index_results": TEAM_ADMIN,
    "events_registrations:add": NOBODY_ADMIN,
    "events_registrations:edit": NOBODY_ADMIN,
    "events_registrations:delete": NOBODY_ADMIN,
    "events_registrations:history": NOBODY_ADMIN,
    "events_registrations:history_results": NOBODY_ADMIN,
    "events_registrations:usage": NOBODY_ADMIN,
    "events_registrations:inspect": TEAM_ADMIN,
    "community_profiles:index": TEAM_ADMIN,
    "community_profiles:index_results": TEAM_ADMIN,
    "community_profiles:add": NOBODY_ADMIN,
    "community_profiles:edit": NOBODY_ADMIN,
    "community_profiles:delete": NOBODY_ADMIN,
    "community_profiles:history": NOBODY_ADMIN,
    "community_profiles:history_results": NOBODY_ADMIN,
    "community_profiles:usage": NOBODY_ADMIN,
    "community_profiles:inspect": TEAM_ADMIN,
    "events_feedback_answers:index": TEAM_ADMIN,
    "events_feedback_answers:index_results": TEAM_ADMIN,
    "events_feedback_answers:add": NOBODY_ADMIN,
    "events_feedback_answers:edit": NOBODY_ADMIN,
    "events_feedback_answers:delete": NOBODY_ADMIN,
    "events_feedback_answers:history": NOBODY_ADMIN,
    "events_feedback_answers:history_results": NOBODY_ADMIN,
    "events_feedback_answers:usage": NOBODY_ADMIN,
    "events_followup_answers:index": TEAM_ADMIN,
    "events_followup_answers:index_results": TEAM_ADMIN,
    "events_followup_answers:add": NOBODY_ADMIN,
    "events_followup_answers:edit": NOBODY_ADMIN,
    "events_followup_answers:delete": NOBODY_ADMIN,
    "events_followup_answers:history": NOBODY_ADMIN,
    "events_followup_answers:history_results": NOBODY_ADMIN,
    "events_followup_answers:usage": NOBODY_ADMIN,
    "atelier_unanswered_queries:index": TEAM_ADMIN,
    "atelier_unanswered_queries:index_results": TEAM_ADMIN,
    "atelier_unanswered_queries:add": SUPERUSER_ADMIN,
    "atelier_unanswered_queries:edit": TEAM_ADMIN,
    "atelier_unanswered_queries:delete": TEAM_ADMIN,
    "atelier_unanswered_queries:history": TEAM_ADMIN,
    "atelier_unanswered_queries:history_results": TEAM_ADMIN,
    "atelier_unanswered_queries:usage": TEAM_ADMIN,
    "atelier_unanswered_queries:turn_into_need": TEAM_ADMIN,
    # The training team's moderation of the discussions (discussions.wagtail_hooks).
    "discussions_moderation:index": TEAM_ADMIN,
    "discussions_moderation:index_results": TEAM_ADMIN,
    "discussions_moderation:hidden": TEAM_ADMIN,
    "discussions_moderation:hidden_results": TEAM_ADMIN,
    "discussions_moderation:inspect": TEAM_ADMIN,
    "discussions_threads:index": TEAM_ADMIN,
    "discussions_threads:index_results": TEAM_ADMIN,
    "discussions_threads:inspect": TEAM_ADMIN,
    # Questions, comments and replies (discussions.urls), on a demo activity, a demo topic
    # and its first reply (by a demo account, none of the roles here). Forms answer a GET;
    # one-click actions are POST only.
    "discussions:start": SIGNED_IN,
    "discussions:reply": SIGNED_IN,
    "discussions:follow": POST_ONLY,
    "discussions:unfollow": POST_ONLY,
    "discussions:clear_accepted": POST_ONLY,
    "discussions:helpful": POST_ONLY,
    "discussions:not_helpful": POST_ONLY,
    "discussions:accept": POST_ONLY,
    # Someone else's message: only its author edits or deletes it, moderators included.
    "discussions:edit": SIGNED_IN_FORBIDDEN,
    "discussions:delete": SIGNED_IN_FORBIDDEN,
    "discussions:report": SIGNED_IN,
    "wagtailapi:pages:listing": EVERYONE,
    "wagtailapi:pages:detail": EVERYONE,
    "wagtailapi:pages:find": ALL_REDIRECTED,  # to the page's detail
    "login": ANONYMOUS_ONLY,
    "logout": POST_ONLY,
    "set_language": ALL_REDIRECTED,
    "my_profile": SIGNED_IN,
    "my_data": SIGNED_IN,
    "delete_account": SIGNED_IN,
    "badge_issuer": EVERYONE,
    "badge_assertion": EVERYONE,
    "badge_award_image": EVERYONE,
    "badge_class": EVERYONE,
    "badge_image": EVERYONE,
    "badge_detail": EVERYONE,
    "events:register": POST_ONLY,
    "events:cancel": POST_ONLY,
    # Links sent by e-mail: the token is the key, whoever follows it.
    "events:cancel_by_link": EVERYONE,
    "events:my_registrations": SIGNED_IN,
    "events:propose": SIGNED_IN,
    "events:my_proposals": SIGNED_IN,
    "events:roll_call": TEAM_OR_FACILITATOR,
    "events:roll_call_mark": POST_ONLY,
    "events:roll_call_close": POST_ONLY,
    "events:sign_in_sheet": TEAM_OR_FACILITATOR,
    "events:my_facilitations": SIGNED_IN,
    "events:confirm_seat": EVERYONE,
    "events:follow_series": POST_ONLY,
    "events:followup": EVERYONE,
    "events:feedback": EVERYONE,
    "events:feedback_results": TEAM_OR_FACILITATOR,
    "events:calendar_all": EVERYONE,
    "events:calendar_series": EVERYONE,
    "events:calendar_renew": POST_ONLY,
    "events:calendar_personal": EVERYONE,
    "search": EVERYONE,
    "search_suggestions": EVERYONE,
    "search/": MOVED_FOR_ALL,
    "wagtailcore_login": EVERYONE,
    "page:community.NeedsBoardPage": EVERYONE,
    "page:community.NeedsBoardPage:post_need": SIGNED_IN,
    "page:community.NeedsBoardPage:vote": POST_ONLY,
    "page:community.NeedsBoardPage:withdraw_vote": POST_ONLY,
    "page:community.HomePage": EVERYONE,
    "page:community.StandardPage": EVERYONE,
    "page:community.AccessibilityStatementPage": EVERYONE,
    "page:community.TrainerDirectoryPage": SIGNED_IN,
    "page:community.TrainerDirectoryPage:profile": SIGNED_IN,
    "page:community.TrainerDirectoryPage:profile (team only)": TEAM_ONLY_PAGE,
    # POST only: a GET goes back to the profile.
    "page:community.TrainerDirectoryPage:contact": SIGNED_IN_REDIRECTED,
    "page:resources.ActivityPage": EVERYONE,
    # POST only: a GET goes back to the activity.
    "page:resources.ActivityPage:adapt": ALL_REDIRECTED,
    "page:resources.ActivityPage:record_reuse": ALL_REDIRECTED,
    "page:resources.ActivityPage:rate": ALL_REDIRECTED,
    "page:resources.LibraryPage": EVERYONE,
    "page:resources.LibraryPage:method_finder": EVERYONE,
    "page:resources.TrainingPathPage": EVERYONE,
    "page:events.WorkshopPage": EVERYONE,
    "page:events.ExchangeEventPage": EVERYONE,
    "page:events.WorkshopCatalogPage": EVERYONE,
    "page:events.EventIndexPage": EVERYONE,
    # The forum “Entre formateurs”: everyone reads, the signed-in open topics.
    "page:discussions.ForumPage": EVERYONE,
    "page:discussions.ForumPage:new_topic": SIGNED_IN,
    "page:discussions.ForumPage:topic": EVERYONE,
}

EXCLUDED = {
    # Every page is served through this pattern: the ``page:`` rows cover it, one per type.
    "wagtail_serve": "covered by one page of each page type",
    # The demo has no documents nor any page or document view restriction: nothing to serve.
    "wagtaildocs_serve": "no document in the demo",
    "wagtaildocs_authenticate_with_password": "no document view restriction on the site",
    "wagtailcore_authenticate_with_password": "no page view restriction on the site",
    # EventPage is the common base of workshops and exchange events; never created on its own.
    "page:events.EventPage": "abstract in practice (parent_page_types = [])",
}


def outcome(response):
    """The response as the table writes it."""
    if response.status_code == 302:
        location = response.headers["Location"]
        if location.startswith(resolve_url(settings.LOGIN_URL)):
            return SIGN_IN
        if location.startswith("/admin/login/"):
            return ADMIN_SIGN_IN
        if location == "/admin/":
            return REFUSED
        return REDIRECT
    return response.status_code


def decided_keys():
    keys = [key for key, route in url_patterns() if not is_wagtail_admin_internal(key, route)]
    return keys + page_route_keys()


def test_every_url_has_a_decision():
    undecided = sorted(set(decided_keys()) - EXPECTED.keys() - EXCLUDED.keys())
    assert undecided == [], "URL sans statut attendu : ajoutez-la à EXPECTED ou à EXCLUDED"


def test_the_table_names_no_url_that_is_gone():
    extra_cases = {"page:community.TrainerDirectoryPage:profile (team only)"}
    gone = sorted((EXPECTED.keys() | EXCLUDED.keys()) - set(decided_keys()) - extra_cases)
    assert gone == []
    print(
        f"Permission matrix: {len(EXPECTED)} URLs × {len(ROLES)} roles = "
        f"{len(EXPECTED) * len(ROLES)} checks"
    )


def test_every_row_gives_every_role():
    assert all(set(row) == set(ROLES) for row in EXPECTED.values())


@pytest.fixture
def superuser(db):
    """Not conftest's: the demo already has an admin@atelier.example."""
    return UserFactory(email="racine@atelier.example", is_superuser=True, is_staff=True)


class TestPermissionMatrix:
    """On the demo content, loaded once for the class. One test per URL, every role in it:
    the address is built once and the five requests share one set-up (1,085 checks in all)."""

    @pytest.mark.parametrize("key", sorted(EXPECTED))
    def test_status(self, client, request, demo_content, key):
        routes = dict(url_patterns())
        path = DemoPaths().path(key, routes.get(key, ""))
        seen = {}
        for role in ROLES:
            client.logout()
            if role != "anonymous":
                client.force_login(request.getfixturevalue(role))
            seen[role] = outcome(client.get(path))

        wrong = {role: got for role, got in seen.items() if got != EXPECTED[key][role]}
        assert not wrong, f"GET {path}: expected {EXPECTED[key]}, got {seen}"
