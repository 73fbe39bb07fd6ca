"""The database half of a backup: every table worth keeping in Django's JSON lines format,
loaded back (loaddata) into a migrated database inside one transaction, so a failed restore
leaves the database as it was.

Left out, because the restore rebuilds them: content types and permissions (recreated by the
flush's post_migrate, referred to by natural keys in the dump), the search index (rebuilt by
update_index) and sessions or editing sessions (everyone signs in again).
"""

import io
from contextlib import contextmanager

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.serializers import jsonl
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from community.mail import muted

from .archive import BackupError

EXCLUDED_APPS = {"contenttypes", "sessions", "wagtailsearch"}
EXCLUDED_MODELS = {"auth.permission", "wagtailadmin.editingsession"}


def dumped_models():
    """The models whose rows go into the dump: stored tables (no proxies, no unmanaged
    models such as cockpit's permission holder), minus what the restore rebuilds."""
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
    ]


@contextmanager
def _snapshot(using):
    """One consistent view of the database for the whole dump: a repeatable-read transaction
    on PostgreSQL (writers are not blocked); on SQLite the transaction's lock makes writers
    wait until the dump is done."""
    connection = connections[using]
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


class _Serializer(jsonl.Serializer):
    """JSON lines, with content types and permissions written as natural keys (their ids
    change when the restore recreates them) and every other reference as the id it had:
    other models' natural keys (a page's URL path, a collection's name) need not be unique."""

    def __init__(self, natural):
        super().__init__()
        self.natural = natural  # {model: {id: natural key}}

    def handle_fk_field(self, obj, field):
        table = self.natural.get(field.remote_field.model)
        if table is None:
            return super().handle_fk_field(obj, field)
        related_id = getattr(obj, field.attname)
        self._current[field.name] = None if related_id is None else table[related_id]

    def handle_m2m_field(self, obj, field):
        table = self.natural.get(field.remote_field.model)
        if table is None or not field.remote_field.through._meta.auto_created:
            return super().handle_m2m_field(obj, field)
        ids = getattr(obj, field.name).values_list("pk", flat=True)
        self._current[field.name] = sorted(table[related_id] for related_id in ids)


def dump(path, using=DEFAULT_DB_ALIAS):
    """Write the dump (JSON lines) to ``path``; return {model label: rows}."""
    models = dumped_models()
    counts = {}
    with _snapshot(using), open(path, "w", encoding="utf-8") as stream:
        natural = {
            ContentType: {
                content_type.pk: content_type.natural_key()
                for content_type in ContentType.objects.using(using)
            },
            Permission: {
                permission.pk: permission.natural_key()
                for permission in Permission.objects.using(using).select_related("content_type")
            },
        }
        for model in models:
            # Every row, whatever the model's default manager hides.
            rows = model._base_manager.using(using).order_by(model._meta.pk.name)
            counts[model._meta.label_lower] = rows.count()
            _Serializer(natural).serialize(rows.iterator(chunk_size=2000), stream=stream)
    return counts


def counts(labels, using=DEFAULT_DB_ALIAS):
    """{model label: rows in the database} for the given labels."""
    return {label: apps.get_model(label)._base_manager.using(using).count() for label in labels}


def applied_migrations(using=DEFAULT_DB_ALIAS):
    return sorted(
        f"{app}.{name}" for app, name in MigrationRecorder(connections[using]).applied_migrations()
    )


def known_migrations(using=DEFAULT_DB_ALIAS):
    """Every migration this version of the code has."""
    loader = MigrationExecutor(connections[using]).loader
    return {f"{app}.{name}" for app, name in loader.disk_migrations}  # squashed ones too


def pending_migrations(using=DEFAULT_DB_ALIAS):
    executor = MigrationExecutor(connections[using])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def content_summary(using=DEFAULT_DB_ALIAS):
    """What makes a database worth keeping, as {what: how many}; empty when the database only
    holds what the migrations create (the root page, the default site, groups…)."""
    found = {
        _("user accounts"): get_user_model()._base_manager.using(using).count(),
        _("site pages"): Page._base_manager.using(using).filter(depth__gt=2).count(),
        _("uploaded images"): get_image_model()._base_manager.using(using).count(),
        _("uploaded documents"): get_document_model()._base_manager.using(using).count(),
    }
    return {what: number for what, number in found.items() if number}


def load(path, expected, using=DEFAULT_DB_ALIAS):
    """Erase the database and load the dump at ``path``, in one transaction: if anything
    fails, or a table does not end up with the ``expected`` rows, nothing has changed."""
    connection = connections[using]
    try:
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql":
                # Runs the foreign key checks still pending in this transaction: PostgreSQL
                # refuses to truncate a table with pending checks.
                connection.check_constraints()
            call_command("flush", database=using, interactive=False, verbosity=0)
            with muted():
                call_command("loaddata", str(path), database=using, verbosity=0)
            found = counts(expected, using)
            differences = {
                label: (found[label], number)
                for label, number in expected.items()
                if found[label] != number
            }
            if differences:
                raise BackupError(
                    _("The restored database differs from the backup, nothing was changed: %s.")
                    % ", ".join(
                        _("%(table)s has %(found)s rows instead of %(expected)s")
                        % {"table": label, "found": got, "expected": wanted}
                        for label, (got, wanted) in sorted(differences.items())
                    )
                )
            return found
    except BackupError:
        raise
    except Exception as error:
        raise BackupError(
            _("The database dump could not be loaded, nothing was changed: %(error)s")
            % {"error": error}
        ) from error
    finally:
        ContentType.objects.clear_cache()  # ids from a rolled back flush must not linger


def rebuild_search_index():
    """The search index and what the search caches from it, rebuilt from the restored rows."""
    from wagtail.models import Site

    from search import matches_cache, vocabulary

    call_command("update_index", stdout=io.StringIO())
    matches_cache.new_generation()
    vocabulary.forget()
    Site.clear_site_root_paths_cache()
