"""Every existing account gets its profile; the training team manages badges, awards, needs and
sees every profile. Agents and trainers act on profiles and needs from the site, not the admin."""

from django.db import migrations

from community.permission_grants import ensure_permissions_exist, grant_model_permissions

TRAINING_TEAM = "Équipe formation"

TEAM_PERMISSIONS = [
    "community.view_all_profiles",
    "community.view_profile",
    *(f"community.{action}_badge" for action in ("add", "change", "delete", "view")),
    *(f"community.{action}_badgeaward" for action in ("add", "change", "view")),
    *(f"community.{action}_trainingneed" for action in ("change", "view")),
]


def create_profiles(apps, schema_editor):
    User = apps.get_model("community", "User")
    Profile = apps.get_model("community", "Profile")
    missing = User.objects.filter(profile__isnull=True)
    Profile.objects.bulk_create([Profile(user=user) for user in missing])


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    grant_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=TRAINING_TEAM).first()
    if group is not None:
        codenames = [dotted.split(".")[1] for dotted in TEAM_PERMISSIONS]
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="community", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("community", "0004_profiles_badges_needs")]

    operations = [
        migrations.RunPython(create_profiles, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
