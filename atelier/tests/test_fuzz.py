"""Robustness: arbitrary query strings, form values and path segments never make a 500.

Hypothesis throws arbitrary text (NUL, huge strings, any unicode), negative and huge numbers and
repeated keys at every public GET form and query-string parameter, every form agents POST, and
every id, slug and token in our paths (which must answer 404, not 500). Settings stay modest and
derandomized, so that CI is reproducible and the file runs in about a minute on the demo.
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from community.needs_forms import NeedFilterForm, NeedForm
from community.profile_forms import AccountForm, ContactForm, DirectoryFilterForm, ProfileForm
from events.filters import EventFilterForm
from events.forms import WorkshopProposalForm
from events.forms_feedback import FeedbackForm, FollowUpForm
from resources.activity_forms import RatingForm, ReuseForm
from resources.filters import LibraryFilterForm, MethodFinderForm

FUZZ = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "",
    "\x00",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999",
    "-9223372036854775809",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "<script>",
    "é" * 3000,
    "x" * 100_000,
]
values = st.one_of(
    st.text(max_size=40),
    st.integers().map(str),
    st.sampled_from(NASTY),
)


def params_for(*names):
    """A query string or form body: known names and arbitrary ones, keys may repeat."""
    keys = st.one_of(st.sampled_from(names), st.text(max_size=10)) if names else st.text()
    return st.lists(st.tuples(keys, values), max_size=8)


def fields(*forms):
    return sorted({name for form in forms for name in form.base_fields})


LIST_PARAMS = ["page", "format", "q", "type", "theme", "series", "when", "modality", "level"]
API_PARAMS = ["search", "type", "fields", "limit", "offset", "order", "child_of", "descendant_of"]
API_PARAMS += ["html_path", "locale", "search_operator", "slug", "id", "title", "show_in_menus"]


def page_url(label):
    from django.apps import apps

    model = apps.get_model(label)
    return model.objects.live().exact_type(model).order_by("path").first().url


def get_endpoints():
    """(path, parameter names) of every public GET form and query-string parameter."""
    from events.models import Series

    series = Series.objects.order_by("pk").first().slug
    return [
        (page_url("resources.LibraryPage"), fields(LibraryFilterForm) + ["page"]),
        (page_url("resources.LibraryPage") + "trouver/", fields(MethodFinderForm)),
        (page_url("events.WorkshopCatalogPage"), fields(EventFilterForm) + ["page"]),
        (page_url("events.EventIndexPage"), fields(EventFilterForm) + ["page"]),
        (page_url("community.TrainerDirectoryPage"), fields(DirectoryFilterForm) + ["page"]),
        (page_url("community.NeedsBoardPage"), fields(NeedFilterForm) + ["page"]),
        ("/recherche/", LIST_PARAMS),
        ("/recherche/suggestions/", ["q", "format"]),
        ("/agenda.ics", []),
        (f"/agenda/serie/{series}.ics", []),
        ("/api/v2/pages/", API_PARAMS),
        ("/api/v2/pages/find/", API_PARAMS),
        ("/proposer-un-atelier/", ["need"]),
        ("/mes-inscriptions/", ["page"]),
        ("/badges/emetteur.json", []),
    ]


def sent(client, method, path, data):
    """The response, which must not be a server error (the client re-raises exceptions)."""
    if method == "get":
        response = client.get(f"{path}?{urlencode(data)}" if data else path)
    else:
        response = client.post(
            path, urlencode(data), content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code < 500, f"{method.upper()} {path} {data!r}"
    return response


class TestFuzzOnTheDemo:
    """On the demo content, loaded once for the class."""

    @pytest.fixture
    def signed_in(self, client, demo_content, agent):
        client.force_login(agent)
        return client

    @FUZZ
    @given(endpoint=st.integers(min_value=0, max_value=14), data=st.data())
    def test_query_strings(self, signed_in, endpoint, data):
        path, names = get_endpoints()[endpoint]
        sent(signed_in, "get", path, data.draw(params_for(*names)))

    @FUZZ
    @given(params=params_for(*LIST_PARAMS))
    def test_search_as_json(self, signed_in, params):
        sent(signed_in, "get", "/recherche/", [*params, ("format", "json")])

    @FUZZ
    @given(form=st.integers(min_value=0, max_value=7), data=st.data())
    def test_agents_forms(self, signed_in, form, data):
        from community.models import Profile
        from events.models import FeedbackInvitation

        invitation = FeedbackInvitation.objects.order_by("pk").first()
        directory = page_url("community.TrainerDirectoryPage")
        profile = Profile.objects.filter(available_to_facilitate=True).order_by("pk").first()
        activity = page_url("resources.ActivityPage")
        path, names = [
            (page_url("community.NeedsBoardPage") + "exprimer/", fields(NeedForm)),
            ("/proposer-un-atelier/", [*fields(WorkshopProposalForm), "need"]),
            (f"/avis/{invitation.token}/", fields(FeedbackForm)),
            (f"/avis/suivi/{invitation.followup_token}/", fields(FollowUpForm)),
            ("/mon-profil/", fields(ProfileForm, AccountForm)),
            (f"{directory}{profile.pk}/contacter/", fields(ContactForm)),
            (activity + "utilisation/", fields(ReuseForm)),
            (activity + "avis/", fields(RatingForm)),
        ][form]
        sent(signed_in, "post", path, data.draw(params_for(*names)))

    @FUZZ
    @given(data=params_for("next"))
    def test_one_click_buttons(self, signed_in, data):
        """Register, cancel, “moi aussi”: their ``next`` is any text."""
        from community.models import TrainingNeed
        from events.models import Registration, Session

        session = Session.objects.order_by("-start").first()
        sent(signed_in, "post", f"/seances/{session.pk}/inscription/", data)
        registration = Registration.objects.order_by("-pk").first()
        sent(signed_in, "post", f"/inscriptions/{registration.pk}/annulation/", data)
        need = TrainingNeed.objects.order_by("pk").first()
        board = page_url("community.NeedsBoardPage")
        sent(signed_in, "post", f"{board}{need.pk}/moi-aussi/", data)
        sent(signed_in, "post", f"{board}{need.pk}/retirer-mon-vote/", data)


SEGMENT_PATHS = [
    ("get", "/seances/{}/appel/"),
    ("get", "/seances/{}/emargement.pdf"),
    ("post", "/seances/{}/inscription/"),  # refused with a message: see ONE_CLICK
    ("post", "/inscriptions/{}/annulation/"),
    ("get", "/inscriptions/annuler/{}/"),
    ("get", "/inscriptions/confirmer/{}/"),
    ("post", "/series/{}/suivre/"),
    ("get", "/avis/{}/"),
    ("get", "/avis/suivi/{}/"),
    ("get", "/resultats/{}/"),
    ("get", "/agenda/serie/{}.ics"),
    ("get", "/agenda/moi/{}.ics"),
    ("get", "/badges/{}/"),
    ("get", "/badges/{}.json"),
    ("get", "/badges/{}/image.png"),
    ("get", "/badges/attributions/{}.json"),
    ("get", "/badges/attributions/{}.png"),
    ("get", "/api/v2/pages/{}/"),
    ("get", "/formateurs/{}/"),
    ("post", "/besoins/{}/moi-aussi/"),
    ("post", "/besoins/{}/retirer-mon-vote/"),
    ("get", "/bibliotheque/{}/"),
    ("get", "/{}/"),
]
# One-click buttons answer an unknown session with a message and a redirect, as for a full one.
ONE_CLICK = {
    "/seances/{}/inscription/",
    "/inscriptions/{}/annulation/",
    "/besoins/{}/moi-aussi/",
    "/besoins/{}/retirer-mon-vote/",
}
segments = st.one_of(
    st.text(min_size=1, max_size=60).filter(lambda text: text not in (".", "..")),
    st.integers(min_value=10**7).map(str),
    st.integers(max_value=-1).map(str),
    st.sampled_from(["99999999999999999999999", "abc", "0", "x" * 5000, "é", "1.5", "%00"]),
)


class TestMalformedIds:
    """Ids, slugs and tokens that match nothing, on the demo: 404, for the team member who
    sees the most."""

    @FUZZ
    @given(which=st.integers(min_value=0, max_value=len(SEGMENT_PATHS) - 1), segment=segments)
    def test_not_found(self, client, demo_content, team_member, which, segment):
        method, template = SEGMENT_PATHS[which]
        client.force_login(team_member)
        path = template.format(quote(segment, safe=""))

        response = sent(client, method, path, [])

        allowed = {302, 404} if template in ONE_CLICK else {404}
        assert response.status_code in allowed, f"{method.upper()} {path}"
