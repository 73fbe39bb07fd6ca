"""The library as a trainer browses it: the index, an activity's page, and who may write."""

import pytest
from django.core.exceptions import ValidationError

from community.factories import UserFactory
from community.roles import TRAINERS, TRAINING_TEAM
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import ActivityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(home_page):
    return LibraryPageFactory(parent=home_page)


def test_library_lists_published_activities_with_their_facts(client, library):
    theme = ThemeFactory(name="Management", slug="management")
    ActivityPageFactory(
        parent=library,
        title="Analyse SWOT",
        summary="Forces et faiblesses d'un projet.",
        duration_min=45,
        duration_max=90,
        group_size_min=6,
        group_size_max=20,
        modality="face_to_face",
        kind="analysis_tool",
        themes=[theme],
    )
    ActivityPageFactory(parent=library, title="Brouillon caché", live=False)

    html = client.get("/bibliotheque/").content.decode()

    assert "1 activité" in html
    assert "Analyse SWOT" in html
    assert "45–90 min" in html
    assert "6 à 20 personnes" in html
    assert "Présentiel" in html
    assert "Outil d&#x27;analyse" in html or "Outil d'analyse" in html
    assert "Management" in html
    assert "Brouillon caché" not in html


def test_activity_page_shows_steps_objectives_and_credits(client, library):
    author = UserFactory(first_name="Amina", last_name="Diallo", service="Action sociale")
    activity = ActivityPageFactory(
        parent=library,
        title="Le débat mouvant",
        objectives=[("objective", "Faire émerger les points de vue")],
        steps=[("step", {"title": "Se positionner", "duration": 3, "instructions": "<p>Go</p>"})],
        licence="cc_by_sa",
    )
    activity.authors.add(author)
    activity.save_revision().publish()

    html = client.get(activity.url).content.decode()

    assert "<h1>Le débat mouvant</h1>" in html
    assert "Faire émerger les points de vue" in html
    assert "Se positionner" in html and "(3 min)" in html
    assert "Amina Diallo (Action sociale)" in html
    assert (
        '<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/deed.fr">'
        "CC BY-SA 4.0</a>" in html
    )


@pytest.mark.parametrize("count", [10, 200])
def test_library_query_count_does_not_grow_with_activities(
    client, library, count, django_assert_max_num_queries
):
    themes = [ThemeFactory(), ThemeFactory()]
    for n in range(count):
        ActivityPageFactory(parent=library, title=f"Activité {n}", themes=themes)

    with django_assert_max_num_queries(16):
        response = client.get("/bibliotheque/")

    assert response.status_code == 200
    assert f"{count} activités" in response.content.decode()


def test_library_pagination_survives_a_bad_page_number(client, library):
    for n in range(25):
        ActivityPageFactory(parent=library, title=f"Activité {n}")

    assert "Page 2 sur 2" in client.get("/bibliotheque/?page=2").content.decode()
    assert "Page 2 sur 2" in client.get("/bibliotheque/?page=99").content.decode()
    assert "Page 1 sur 2" in client.get("/bibliotheque/?page=abc").content.decode()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"duration_min": 60, "duration_max": 30}, "duration_max", "au moins la durée minimale"),
        ({"group_size_min": 20, "group_size_max": 5}, "group_size_max", "au moins la taille"),
        ({"duration_min": 0, "duration_max": 30}, "duration_min", "supérieure ou égale à 1"),
        ({"duration_min": 10, "duration_max": 100000}, "duration_max", "inférieure ou égale"),
    ],
)
def test_absurd_durations_and_group_sizes_are_refused_in_french(library, fields, field, message):
    activity = ActivityPage(
        title="Test",
        slug="test",
        summary="Résumé",
        modality="remote",
        level="expert",
        kind="assessment",
        **{"duration_min": 10, "duration_max": 20, "group_size_min": 2, "group_size_max": 8}
        | fields,
    )

    with pytest.raises(ValidationError) as error:
        activity.full_clean()

    assert message in " ".join(error.value.message_dict[field])


def test_trainer_may_add_an_activity_but_not_publish_it(library):
    trainer = UserFactory(roles=[TRAINERS])
    agent = UserFactory()

    assert library.permissions_for_user(trainer).can_add_subpage()
    assert not library.permissions_for_user(trainer).can_publish_subpage()
    assert not library.permissions_for_user(agent).can_add_subpage()


def test_trainer_edits_their_own_activity_only(library):
    trainer = UserFactory(roles=[TRAINERS])
    colleague = UserFactory(roles=[TRAINERS])
    own = ActivityPageFactory(parent=library, owner=trainer)
    theirs = ActivityPageFactory(parent=library, owner=colleague)

    assert own.permissions_for_user(trainer).can_edit()
    assert not theirs.permissions_for_user(trainer).can_edit()
    assert not own.permissions_for_user(trainer).can_publish()


def test_activities_go_through_the_training_teams_review(library):
    from django.contrib.auth.models import Group

    activity = ActivityPageFactory(parent=library)

    workflow = activity.get_workflow()
    assert workflow.name == "Relecture équipe formation"
    (task,) = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [TRAINING_TEAM]
    assert Group.objects.get(name=TRAINING_TEAM) in task.groups.all()


def test_a_trainer_submits_an_activity_and_the_team_approves_it(library):
    trainer = UserFactory(roles=[TRAINERS])
    team_member = UserFactory(roles=[TRAINING_TEAM])
    activity = ActivityPageFactory(parent=library, owner=trainer, live=False, title="Photolangage")
    revision = activity.save_revision(user=trainer)

    state = activity.get_workflow().start(activity, trainer)
    task_state = state.current_task_state
    task = task_state.task.specific

    assert not [name for name, *_ in task.get_actions(activity, trainer)]
    assert "approve" in [name for name, *_ in task.get_actions(activity, team_member)]
    task.on_action(task_state, team_member, "approve")

    activity.refresh_from_db()
    assert activity.live
    assert activity.live_revision == revision


# (role, may add an activity, may edit a colleague's activity, may publish it)
LIBRARY_PERMISSIONS = [
    ("agent", False, False, False),
    ("trainer", True, False, False),
    ("team", True, True, True),
]


@pytest.mark.parametrize(("role", "can_add", "can_edit", "can_publish"), LIBRARY_PERMISSIONS)
def test_library_permissions_by_role(library, role, can_add, can_edit, can_publish):
    roles = {"agent": [], "trainer": [TRAINERS], "team": [TRAINING_TEAM]}[role]
    user = UserFactory(roles=roles)
    colleague_activity = ActivityPageFactory(parent=library, owner=UserFactory(roles=[TRAINERS]))

    assert library.permissions_for_user(user).can_add_subpage() is can_add
    assert colleague_activity.permissions_for_user(user).can_edit() is can_edit
    assert colleague_activity.permissions_for_user(user).can_publish() is can_publish
