"""The training team manages series and sessions and reads registrations; trainers read
sessions. Registrations change only through the registration service, never in the admin."""

from django.db import migrations

from community.permission_grants import ensure_permissions_exist, grant_model_permissions

TRAINERS = "Formateurs"
TRAINING_TEAM = "Équipe formation"

TEAM_PERMISSIONS = [
    *(f"events.{action}_{model}" for model in ("series", "session") for action in ("add", "change", "delete", "view")),
    "events.view_registration",
]
TRAINER_PERMISSIONS = ["events.view_session"]


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    grant_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)
    grant_model_permissions(apps, TRAINERS, TRAINER_PERMISSIONS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, dotted_codenames in ((TRAINING_TEAM, TEAM_PERMISSIONS), (TRAINERS, TRAINER_PERMISSIONS)):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [dotted.split(".")[1] for dotted in dotted_codenames]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_sessions_and_registrations"),
        ("community", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
