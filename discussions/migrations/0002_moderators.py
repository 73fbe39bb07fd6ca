"""The training team moderates discussions."""

from django.db import migrations

from community.permission_grants import (
    ensure_permissions_exist,
    grant_model_permissions,
    revoke_model_permissions,
)

TRAINING_TEAM = "Équipe formation"

TEAM_PERMISSIONS = ["discussions.moderate_message"]


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    grant_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("discussions", "0001_initial"),
        ("community", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
