"""Helpers that data migrations use to give each role its permissions.

Every app's migration grants the permissions on its own models through these, so the
roles stay declared next to the models they govern. They are idempotent: re-running a
migration (or running two that overlap) never duplicates a grant.
"""

from django.contrib.auth.management import create_permissions


def ensure_permissions_exist(apps):
    """Django creates permissions after all migrations; a data migration needs them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(apps, name):
    Group = apps.get_model("auth", "Group")
    return Group.objects.get_or_create(name=name)[0]


def grant_model_permissions(apps, group_name, dotted_codenames):
    group = _group(apps, group_name)
    group.permissions.add(*(_permission(apps, dotted) for dotted in dotted_codenames))


def revoke_model_permissions(apps, group_name, dotted_codenames):
    """The reverse of :func:`grant_model_permissions` (a missing group or permission is fine)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for dotted in dotted_codenames:
        app_label, codename = dotted.split(".")
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


def grant_page_permissions(apps, group_name, page, codenames):
    """Page permissions apply to ``page`` and everything below it."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = _group(apps, group_name)
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(apps, f"wagtailcore.{codename}")
        )


def grant_collection_permissions(apps, group_name, dotted_codenames):
    """Image and document permissions, on the root collection (so on every collection)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.get(depth=1)
    group = _group(apps, group_name)
    for dotted in dotted_codenames:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(apps, dotted)
        )
