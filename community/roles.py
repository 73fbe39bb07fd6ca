"""The three roles of Atelier, as Django groups.

Group names are data shown in the admin, so they are French; code refers to them through these
constants only.
"""

AGENTS = "Agents"
TRAINERS = "Formateurs"
TRAINING_TEAM = "Équipe formation"

ALL_ROLES = (AGENTS, TRAINERS, TRAINING_TEAM)


def add_to_role(user, role_name):
    """Put ``user`` in the group named ``role_name`` (created if a test database lacks it)."""
    from django.contrib.auth.models import Group

    group, _created = Group.objects.get_or_create(name=role_name)
    user.groups.add(group)


TEAM_PROFILE_PERMISSION = "community.view_all_profiles"


def is_training_team(user):
    """Whether ``user`` sees what only the training team sees (hidden profiles, averages)."""
    return bool(user and user.is_authenticated and user.has_perm(TEAM_PROFILE_PERMISSION))
