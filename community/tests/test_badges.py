"""Badge rules: each fact at threshold − 1 (nothing), at threshold (an award and one e-mail) and
re-run (no second award, no second e-mail); thresholds are data; a revoked award is never given
back; the command is idempotent; the receivers award when the facts change; the number of
queries does not grow with the people or their facts."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community import mail
from community.badges import awards, facts
from community.badges.factories import BadgeFactory
from community.factories import UserFactory
from community.models import BadgeAward
from events import services as event_services
from events.badge_facts import (
    AGENTS_TRAINED,
    FEEDBACK_AVERAGE,
    FIRST_SESSION_FACILITATED,
    SESSIONS_FACILITATED,
)
from events.factories import (
    RegistrationFactory,
    SessionFactory,
    WorkshopCatalogPageFactory,
    WorkshopPageFactory,
)
from events.models import Attendance, FeedbackAnswer, SessionStatus, UsefulSkills
from resources import services as library_services
from resources.badge_facts import ACTIVITIES_PUBLISHED, MAX_ADAPTERS, MAX_REUSES
from resources.factories import ActivityPageFactory, LibraryPageFactory

pytestmark = pytest.mark.django_db

MIN_ANSWERS = 5


@pytest.fixture(autouse=True)
def anonymity_threshold(settings):
    settings.ATELIER_FEEDBACK_MIN_ANSWERS = MIN_ANSWERS


@pytest.fixture
def workshop(home_page):
    return WorkshopPageFactory(parent=WorkshopCatalogPageFactory(parent=home_page))


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


@pytest.fixture
def person():
    return UserFactory(email="nathalie@atelier.example", first_name="Nathalie")


# --- Builders: each adds ``n`` units of one fact for ``person`` ------------------------------


def held_session(workshop, facilitator=None, days_ago=7):
    start = timezone.now() - timedelta(days=days_ago)
    session = SessionFactory(
        event=workshop,
        start=start,
        end=start + timedelta(hours=2),
        status=SessionStatus.DONE,
        roll_call_closed_at=start + timedelta(hours=2),
    )
    if facilitator is not None:
        session.facilitators.add(facilitator)
    return session


def add_sessions(context, person, n):
    for _ in range(n):
        held_session(context["workshop"], person)


def add_trained_agents(context, person, n):
    session = held_session(context["workshop"], person)
    for _ in range(n):
        RegistrationFactory(session=session, attendance=Attendance.PRESENT)


def add_rated_sessions(context, person, n, rating=5):
    for _ in range(n):
        session = held_session(context["workshop"], person)
        for _answer in range(MIN_ANSWERS):
            FeedbackAnswer.objects.create(
                session=session,
                rating=rating,
                useful_skills=UsefulSkills.YES,
                answered_on=timezone.localdate(),
            )


def activity(library, authors, **fields):
    page = ActivityPageFactory(parent=library, **fields)
    page.authors.set(authors)
    page.save_revision().publish()
    return page


def own_activity(context, person):
    if "activity" not in context:
        context["activity"] = activity(context["library"], [person])
    return context["activity"]


def add_reuses(context, person, n):
    target = own_activity(context, person)
    for _ in range(n):
        library_services.record_reuse(target, UserFactory())


def add_adapters(context, person, n):
    original = own_activity(context, person)
    for _ in range(n):
        activity(context["library"], [UserFactory()], adapted_from=original)


def add_activities(context, person, n):
    for _ in range(n):
        activity(context["library"], [person])


# (fact, threshold, builder, minimum sample)
RULES = [
    pytest.param(SESSIONS_FACILITATED, 5, add_sessions, None, id="sessions-facilitated"),
    pytest.param(FIRST_SESSION_FACILITATED, 1, add_sessions, None, id="first-session"),
    pytest.param(AGENTS_TRAINED, 4, add_trained_agents, None, id="agents-trained"),
    pytest.param(FEEDBACK_AVERAGE, 4.5, add_rated_sessions, 3, id="feedback-average"),
    pytest.param(MAX_REUSES, 3, add_reuses, None, id="max-reuses"),
    pytest.param(MAX_ADAPTERS, 2, add_adapters, None, id="max-adapters"),
    pytest.param(ACTIVITIES_PUBLISHED, 3, add_activities, None, id="activities-published"),
]


def units_needed(threshold, minimum_sample):
    """How many units reach the rule: the sample for an average, else the threshold."""
    return minimum_sample or int(threshold)


@pytest.mark.parametrize("fact,threshold,build,minimum_sample", RULES)
def test_each_rule_awards_at_its_threshold_once(
    fact,
    threshold,
    build,
    minimum_sample,
    person,
    workshop,
    library,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    badge = BadgeFactory(
        name="Le badge", rule=fact, threshold=Decimal(str(threshold)), minimum_sample=minimum_sample
    )
    context = {"workshop": workshop, "library": library}
    needed = units_needed(threshold, minimum_sample)
    if needed > 1:
        build(context, person, needed - 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert awards.evaluate() == []
    assert not BadgeAward.objects.exists()
    assert mailoutbox == []

    build(context, person, 1)
    with django_capture_on_commit_callbacks(execute=True):
        awarded = awards.evaluate()
    assert [(award.badge, award.recipient) for award in awarded] == [(badge, person)]
    assert awarded[0].awarded_by is None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [person.email]
    assert "Le badge" in mailoutbox[0].subject
    assert awarded[0].assertion_url in mailoutbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        assert awards.evaluate() == []
        assert awards.evaluate([person.pk]) == []
    assert BadgeAward.objects.count() == 1
    assert len(mailoutbox) == 1


def test_the_evidence_links_the_page_that_shows_the_fact(person, library):
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    target = activity(library, [person], title="Le photolangage", slug="le-photolangage")
    library_services.record_reuse(target, UserFactory())
    (award,) = awards.evaluate()
    assert award.evidence_url == "http://127.0.0.1:8000" + target.url
    assert target.url.endswith("/bibliotheque/le-photolangage/")


def test_a_restricted_activity_neither_counts_nor_is_counted_on(person, library):
    """Only what anyone may see counts (``visible()``): not an activity behind a view
    restriction, nor its uses or adaptations."""
    BadgeFactory(rule=ACTIVITIES_PUBLISHED, threshold=2)
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    BadgeFactory(rule=MAX_ADAPTERS, threshold=1)
    activity(library, [person])
    restricted = activity(library, [person])
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    library_services.record_reuse(restricted, UserFactory())
    activity(library, [UserFactory()], adapted_from=restricted)
    assert facts.measure(ACTIVITIES_PUBLISHED, [person.pk])[person.pk].value == 1
    assert awards.evaluate() == []


def test_a_restricted_page_is_not_published_as_evidence(person, workshop):
    """The assertion is public: the award stands, without the restricted page's address."""
    BadgeFactory(rule=SESSIONS_FACILITATED, threshold=1)
    add_sessions({"workshop": workshop}, person, 1)
    PageViewRestriction.objects.create(page=workshop, restriction_type="login")
    (award,) = awards.evaluate()
    assert award.recipient == person
    assert award.evidence_url == ""


def test_an_average_needs_its_minimum_sample_and_its_value(person, workshop):
    badge = BadgeFactory(rule=FEEDBACK_AVERAGE, threshold=Decimal("4.5"), minimum_sample=2)
    add_rated_sessions({"workshop": workshop}, person, 2, rating=4)
    assert awards.evaluate() == []  # 4.0 over 2 sessions
    badge.threshold = Decimal("4")
    badge.save()
    assert [award.recipient for award in awards.evaluate()] == [person]


def test_a_session_with_too_few_answers_does_not_count(person, workshop):
    BadgeFactory(rule=FEEDBACK_AVERAGE, threshold=1, minimum_sample=1)
    session = held_session(workshop, person)
    for _ in range(MIN_ANSWERS - 1):
        FeedbackAnswer.objects.create(
            session=session, rating=5, useful_skills=UsefulSkills.YES, answered_on="2026-11-02"
        )
    assert facts.measure(FEEDBACK_AVERAGE, [person.pk]) == {}
    assert awards.evaluate() == []


def test_a_changed_threshold_changes_the_outcome(person, workshop):
    badge = BadgeFactory(rule=SESSIONS_FACILITATED, threshold=3)
    add_sessions({"workshop": workshop}, person, 2)
    assert awards.evaluate() == []
    badge.threshold = 2
    badge.save()
    assert len(awards.evaluate()) == 1


def test_an_inactive_badge_or_a_badge_without_rule_is_not_awarded(person, workshop):
    BadgeFactory(rule=SESSIONS_FACILITATED, threshold=1, active=False)
    BadgeFactory(rule="", threshold=None)
    add_sessions({"workshop": workshop}, person, 1)
    assert awards.evaluate() == []


def test_facilitation_counts_held_sessions_only_by_their_facilitators(person, workshop):
    """Scheduled or cancelled sessions do not count; a session naming nobody is its page's."""
    BadgeFactory(rule=SESSIONS_FACILITATED, threshold=2)
    SessionFactory(event=workshop).facilitators.add(person)  # still to come
    held_session(workshop, UserFactory())  # someone else's
    workshop.facilitators.add(person)
    workshop.save()
    held_session(workshop)  # names nobody: the page's facilitator ran it
    assert awards.evaluate() == []
    held_session(workshop, person)
    assert [award.recipient for award in awards.evaluate()] == [person]


def test_own_reuses_and_own_adaptations_do_not_count(person, library):
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    BadgeFactory(rule=MAX_ADAPTERS, threshold=1)
    mine = activity(library, [person])
    library_services.record_reuse(mine, person)
    activity(library, [person], adapted_from=mine)
    assert awards.evaluate() == []


def test_a_revoked_award_is_never_given_back(person, workshop, team_member):
    BadgeFactory(rule=SESSIONS_FACILITATED, threshold=1)
    add_sessions({"workshop": workshop}, person, 1)
    (award,) = awards.evaluate()
    awards.revoke(award, team_member, "Séance enregistrée par erreur.")
    add_sessions({"workshop": workshop}, person, 3)
    assert awards.evaluate() == []
    award.refresh_from_db()
    assert award.is_revoked
    assert BadgeAward.objects.count() == 1


def test_an_anonymised_person_gets_no_new_award(person, workshop):
    BadgeFactory(rule=SESSIONS_FACILITATED, threshold=1)
    add_sessions({"workshop": workshop}, person, 1)
    person.deleted_at = timezone.now()
    person.save()
    assert awards.evaluate() == []


def test_a_concurrent_award_is_not_duplicated(person, workshop):
    """The other run won the race: the unique constraint refuses the second, quietly."""
    badge = BadgeFactory(rule=SESSIONS_FACILITATED, threshold=1)
    add_sessions({"workshop": workshop}, person, 1)
    BadgeAward.objects.create(badge=badge, recipient=person, awarded_at=timezone.now())
    assert awards._create(badge=badge, recipient=person, awarded_at=timezone.now()) is None
    assert BadgeAward.objects.count() == 1


def test_the_command_prints_what_it_awarded_and_is_idempotent(
    person, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    BadgeFactory(name="Premier atelier animé", rule=FIRST_SESSION_FACILITATED, threshold=1)
    add_sessions({"workshop": workshop}, person, 1)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("award_badges", stdout=out)
    assert "Premier atelier animé → Nathalie" in out.getvalue()
    assert "1 badge attribué." in out.getvalue()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("award_badges", stdout=out)
    assert "0 badge attribué." in out.getvalue()
    assert BadgeAward.objects.count() == 1
    assert len(mailoutbox) == 1


# --- When the facts change ----------------------------------------------------------------


def test_closing_a_roll_call_awards_its_facilitator(
    person, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    BadgeFactory(name="Premier atelier animé", rule=FIRST_SESSION_FACILITATED, threshold=1)
    start = timezone.now() - timedelta(hours=1)
    session = SessionFactory(event=workshop, start=start, end=start + timedelta(hours=2))
    session.facilitators.add(person)
    registration = RegistrationFactory(session=session)
    with django_capture_on_commit_callbacks(execute=True):
        event_services.mark(session.pk, registration.pk, True, person)
        event_services.close_roll_call(session.pk, person)
    assert BadgeAward.objects.get().recipient == person
    assert [message.to for message in mailoutbox] == [[person.email]]


def test_a_feedback_answer_awards_the_facilitator(
    person, workshop, django_capture_on_commit_callbacks
):
    BadgeFactory(rule=FEEDBACK_AVERAGE, threshold=4, minimum_sample=1)
    with django_capture_on_commit_callbacks(execute=True):  # one answer short: no award
        session = held_session(workshop, person)
        for _ in range(MIN_ANSWERS - 1):
            FeedbackAnswer.objects.create(
                session=session, rating=5, useful_skills=UsefulSkills.YES, answered_on="2026-11-02"
            )
    assert not BadgeAward.objects.exists()
    registration = RegistrationFactory(session=session, attendance=Attendance.PRESENT)
    invitation = registration.feedback_invitation = _invitation(registration)
    with django_capture_on_commit_callbacks(execute=True):
        event_services.feedback.answer_feedback(invitation.token, 5, UsefulSkills.YES)
    assert BadgeAward.objects.get().recipient == person


def _invitation(registration):
    from events.models import FeedbackInvitation

    return FeedbackInvitation.objects.create(registration=registration, sent_at=timezone.now())


def test_a_recorded_reuse_awards_the_author(person, library, django_capture_on_commit_callbacks):
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    with django_capture_on_commit_callbacks(execute=True):
        mine = activity(library, [person])  # evaluated at once: not for this badge
    with django_capture_on_commit_callbacks(execute=True):
        library_services.record_reuse(mine, UserFactory())
    assert BadgeAward.objects.get().recipient == person


def test_a_published_adaptation_awards_the_original_author(
    person, library, trainer, django_capture_on_commit_callbacks
):
    BadgeFactory(rule=MAX_ADAPTERS, threshold=1)
    BadgeFactory(rule=ACTIVITIES_PUBLISHED, threshold=1)
    with django_capture_on_commit_callbacks(execute=True):
        mine = activity(library, [person])
    assert [award.recipient for award in BadgeAward.objects.all()] == [person]
    adaptation = library_services.adapt_activity(mine, trainer)
    with django_capture_on_commit_callbacks(execute=True):
        adaptation.save_revision(user=trainer).publish()
    assert sorted(
        (award.badge.rule, award.recipient.email) for award in BadgeAward.objects.all()
    ) == sorted(
        [
            (ACTIVITIES_PUBLISHED, person.email),
            (MAX_ADAPTERS, person.email),
            (ACTIVITIES_PUBLISHED, trainer.email),
        ]
    )


def test_the_changes_of_one_transaction_are_evaluated_once(
    person, library, django_capture_on_commit_callbacks
):
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    other = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mine, theirs = activity(library, [person]), activity(library, [other])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        library_services.record_reuse(mine, UserFactory())
        library_services.record_reuse(theirs, UserFactory())
    assert len([c for c in callbacks if isinstance(c, awards._AfterCommit)]) == 1
    assert {award.recipient for award in BadgeAward.objects.all()} == {person, other}


def test_a_rolled_back_savepoint_does_not_drop_what_follows_it(
    person, library, django_capture_on_commit_callbacks
):
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    other = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mine, theirs = activity(library, [person]), activity(library, [other])
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            library_services.record_reuse(theirs, UserFactory())
            raise RuntimeError
        library_services.record_reuse(mine, UserFactory())
    assert [award.recipient for award in BadgeAward.objects.all()] == [person]


def test_a_change_made_while_muted_awards_without_e_mail(
    person, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    """Bulk work (the demo, an import) is muted: the awards that follow it on commit too, while
    an ordinary change of the same transaction still tells its person."""
    BadgeFactory(rule=FIRST_SESSION_FACILITATED, threshold=1)
    other = UserFactory(email="karim@atelier.example")
    with django_capture_on_commit_callbacks(execute=True):  # run after the muted block
        with mail.muted():
            held_session(workshop, person)
        held_session(workshop, other)
    assert {award.recipient for award in BadgeAward.objects.all()} == {person, other}
    assert [message.to for message in mailoutbox] == [[other.email]]


def test_a_rolled_back_change_awards_nothing(person, library):
    """The receivers evaluate after commit: nothing runs while the change may still fail."""
    BadgeFactory(rule=MAX_REUSES, threshold=1)
    mine = activity(library, [person])
    library_services.record_reuse(mine, UserFactory())  # never committed in a test
    assert not BadgeAward.objects.exists()


# --- Queries ------------------------------------------------------------------------------


def _world(workshop, library, people):
    """For each person: 2 held sessions with 2 attendees and rated answers, 2 activities with
    a reuse and an adaptation each."""
    for person in people:
        context = {"workshop": workshop, "library": library}
        add_trained_agents(context, person, 2)
        add_rated_sessions(context, person, 1)
        add_reuses(context, person, 1)
        add_adapters(context, person, 1)
        add_activities(context, person, 1)


@pytest.mark.parametrize("scope", ["everyone", "some"])
def test_evaluation_queries_do_not_grow_with_people_or_facts(scope, workshop, library):
    for fact in facts.registered():
        average = facts.get(fact).is_average
        BadgeFactory(rule=fact, threshold=1000, minimum_sample=1 if average else None)

    def count(people):
        ids = None if scope == "everyone" else [person.pk for person in people]
        with CaptureQueriesContext(connection) as queries:
            assert awards.evaluate(ids) == []
        return len(queries)

    few = [UserFactory()]
    _world(workshop, library, few)
    small = count(few)
    many = [UserFactory() for _ in range(6)]
    _world(workshop, library, many)
    assert count(few + many) == small
    assert small <= 2 + 2 * len(facts.registered())


def test_every_fact_asked_by_the_issue_is_registered():
    assert set(facts.registered()) >= {
        SESSIONS_FACILITATED,
        FIRST_SESSION_FACILITATED,
        AGENTS_TRAINED,
        FEEDBACK_AVERAGE,
        MAX_REUSES,
        MAX_ADAPTERS,
        ACTIVITIES_PUBLISHED,
    }
