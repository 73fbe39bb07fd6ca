"""The training team reads the searches that found nothing (and turns them into needs, or
deletes a meaningless one), reads the most frequent searches (Wagtail's “Search terms” report,
opened to the team by ``search.admin_views``) and pins results for a search (search
promotions). Searches come from the site only: nobody adds one by hand."""

from django.db import migrations

from community.permission_grants import ensure_permissions_exist, grant_model_permissions

TRAINING_TEAM = "Équipe formation"

TEAM_PERMISSIONS = [
    *(f"atelier_search.{action}_unansweredquery" for action in ("view", "change", "delete")),
    "wagtailsearchpromotions.view_query",
    *(f"wagtailsearchpromotions.{action}_searchpromotion" for action in ("add", "change", "delete")),
]


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    grant_model_permissions(apps, TRAINING_TEAM, TEAM_PERMISSIONS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=TRAINING_TEAM).first()
    if group is None:
        return
    for dotted in TEAM_PERMISSIONS:
        app_label, codename = dotted.split(".")
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("atelier_search", "0002_postgres_french_configuration"),
        ("community", "0003_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
