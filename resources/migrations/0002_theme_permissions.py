"""The training team curates the themes; everyone else only reads them."""

from django.db import migrations

from community.permission_grants import ensure_permissions_exist, grant_model_permissions


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    grant_model_permissions(
        apps,
        "Équipe formation",
        ["resources.add_theme", "resources.change_theme", "resources.delete_theme"],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("community", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
