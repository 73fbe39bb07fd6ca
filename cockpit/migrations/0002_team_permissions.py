"""The training team (and only it) opens the dashboard, its reports and the catalogue import."""

from django.db import migrations

from community.permission_grants import (
    ensure_permissions_exist,
    grant_model_permissions,
    revoke_model_permissions,
)

TRAINING_TEAM = "Équipe formation"

TEAM_PERMISSIONS = ["cockpit.view_dashboard", "cockpit.import_catalogue"]


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    grant_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("cockpit", "0001_initial"),
        ("community", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
