"""Who may do what: the three roles, checked against Wagtail's own permission policies."""

import pytest
from django.contrib.auth.models import Group

from community.factories import StandardPageFactory, UserFactory
from community.models import AccessibilityStatementPage, HomePage, StandardPage
from community.roles import AGENTS, ALL_ROLES, TRAINERS, TRAINING_TEAM

pytestmark = pytest.mark.django_db


def test_the_three_roles_exist_and_wagtails_sample_groups_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(ALL_ROLES) <= names
    assert not names & {"Moderators", "Editors"}


def test_a_new_account_lands_in_agents():
    user = UserFactory()
    assert list(user.groups.values_list("name", flat=True)) == [AGENTS]


def user_with(role):
    return UserFactory(roles=[role] if role != AGENTS else [])


# (role, page type, may add one more, may edit the existing one, may publish it).
# The site has a single home page and a single accessibility statement (max_count = 1), so
# nobody may add a second one, the training team included.
PAGE_PERMISSIONS = [
    (AGENTS, HomePage, False, False, False),
    (AGENTS, StandardPage, False, False, False),
    (AGENTS, AccessibilityStatementPage, False, False, False),
    (TRAINERS, HomePage, False, False, False),
    (TRAINERS, StandardPage, False, False, False),
    (TRAINERS, AccessibilityStatementPage, False, False, False),
    (TRAINING_TEAM, HomePage, False, True, True),
    (TRAINING_TEAM, StandardPage, True, True, True),
    (TRAINING_TEAM, AccessibilityStatementPage, False, True, True),
]


# (role, may enter the admin, may add themes, may upload images, may manage redirects)
MODEL_PERMISSIONS = [
    (AGENTS, False, False, False, False),
    (TRAINERS, True, False, True, False),
    (TRAINING_TEAM, True, True, True, True),
]


@pytest.mark.parametrize(
    ("role", "admin", "themes", "images", "redirects"), MODEL_PERMISSIONS, ids=lambda v: str(v)
)
def test_model_permissions_by_role(role, admin, themes, images, redirects):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    image_policy = policy_registry.get_by_type(get_image_model())
    user = user_with(role)
    assert user.has_perm("wagtailadmin.access_admin") is admin
    assert user.has_perm("resources.add_theme") is themes
    assert image_policy.user_has_permission(user, "add") is images
    assert user.has_perm("wagtailredirects.add_redirect") is redirects


def test_training_team_approves_what_is_submitted_for_moderation():
    from wagtail.models import GroupApprovalTask

    task_groups = set(GroupApprovalTask.objects.values_list("groups__name", flat=True))
    assert TRAINING_TEAM in task_groups


class TestOnTheDemoSite:
    """On the demo content, loaded once for the class."""

    @pytest.mark.parametrize(
        ("role", "page_type", "can_add", "can_edit", "can_publish"), PAGE_PERMISSIONS
    )
    def test_page_permissions_by_role(
        self, demo_content, role, page_type, can_add, can_edit, can_publish
    ):
        user = user_with(role)
        home = HomePage.objects.get()
        page = (
            page_type.objects.get()
            if page_type is not StandardPage
            else StandardPage.objects.first()
        )

        # "add" is asked where the type may be created: content pages under home, home under root.
        parent = home if page_type is not HomePage else home.get_parent()
        may_add = parent.permissions_for_user(user).can_add_subpage() and page_type.can_create_at(
            parent
        )
        assert may_add is can_add
        assert page.permissions_for_user(user).can_edit() is can_edit
        assert page.permissions_for_user(user).can_publish() is can_publish

    def test_trainer_may_not_publish_a_standard_page_written_by_the_team(
        self, demo_content, client
    ):
        trainer = user_with(TRAINERS)
        page = StandardPageFactory(parent=HomePage.objects.get(), title="Note interne")
        client.force_login(trainer)

        response = client.get(f"/admin/pages/{page.id}/edit/")

        assert response.status_code in (302, 403)
        assert StandardPage.objects.get(id=page.id).title == "Note interne"
