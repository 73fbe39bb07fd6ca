"""The three roles and their Wagtail permissions (see README, “Rôles et permissions”).

Agents act on the site itself (register, give feedback, post needs) and never enter the admin.
Trainers enter the admin to write in the library (their page permissions come with the library's
own migration) and upload images and documents. The training team curates the whole site: it
adds, edits, publishes and locks every page, manages media and redirects, and approves what is
submitted for moderation.
"""

from django.db import migrations

from community.permission_grants import (
    ensure_permissions_exist,
    grant_collection_permissions,
    grant_model_permissions,
    grant_page_permissions,
)

AGENTS = "Agents"
TRAINERS = "Formateurs"
TRAINING_TEAM = "Équipe formation"

MEDIA_CONTRIBUTOR = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]
MEDIA_CURATOR = [
    *MEDIA_CONTRIBUTOR,
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
]


def create_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    for name in (AGENTS, TRAINERS, TRAINING_TEAM):
        Group.objects.get_or_create(name=name)

    grant_model_permissions(apps, TRAINERS, ["wagtailadmin.access_admin"])
    grant_collection_permissions(apps, TRAINERS, MEDIA_CONTRIBUTOR)

    grant_model_permissions(
        apps,
        TRAINING_TEAM,
        [
            "wagtailadmin.access_admin",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
        ],
    )
    grant_collection_permissions(apps, TRAINING_TEAM, MEDIA_CURATOR)
    root = Page.objects.get(depth=1)
    grant_page_permissions(
        apps, TRAINING_TEAM, root, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
    )

    # Wagtail's default workflow asks its "Moderators" group; here the training team moderates,
    # and Wagtail's two sample groups would only blur the three roles.
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for task in GroupApprovalTask.objects.filter(groups__name="Moderators"):
        task.groups.add(Group.objects.get(name=TRAINING_TEAM))
    Group.objects.filter(name__in=("Moderators", "Editors")).delete()


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=(AGENTS, TRAINERS, TRAINING_TEAM)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_pages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
