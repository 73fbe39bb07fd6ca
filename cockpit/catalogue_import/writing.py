"""Checked rows into pages and sessions, all in one transaction: either the whole file is in
the site, or nothing is.

Pages are created or given a new revision in bulk (see ``creating``), leaving what the
admin would leave. A long file pauses the per-save search indexing and brings the
index up to date once at the end, as the demo loader does.
"""

from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cockpit.catalogue_import.creating import Slugs, Tags, create_pages, update_pages
from cockpit.catalogue_import.rows import ACTIVITY, SESSION, WORKSHOP, title_key
from events.models import Session, WorkshopCatalogPage, WorkshopPage
from resources.models import ActivityPage, LibraryPage
from search.indexing import indexed_at_the_end

# From this many rows, the search index and Wagtail's reference index are brought up to date
# once at the end rather than page by page (run `rebuild_references_index` after a long one).
BULK_ROWS = 300


@dataclass
class Summary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: int = 0

    @property
    def created_total(self):
        return sum(self.created.values())

    @property
    def updated_total(self):
        return sum(self.updated.values())


class Writer:
    def __init__(self, rows, *, publish, user, progress=None):
        self.rows, self.publish, self.user = rows, publish, user
        self.progress, self.done = progress, 0
        self.summary = Summary()
        self.tags = Tags()
        self.parents = {
            ACTIVITY: LibraryPage.objects.first(),
            WORKSHOP: WorkshopCatalogPage.objects.first(),
        }
        self.models = {ACTIVITY: ActivityPage, WORKSHOP: WorkshopPage}
        self.existing = {
            ACTIVITY: self._titles(ActivityPage.objects.filter(adapted_from__isnull=True)),
            WORKSHOP: self._titles(WorkshopPage.objects.all()),
        }
        self.pages = []  # created or updated

    @staticmethod
    def _titles(pages):
        return {title_key(title): page_id for page_id, title in pages.values_list("id", "title")}

    def tick(self):
        self.done += 1
        if self.progress:
            self.progress(self.done, len(self.rows))

    def write(self):
        # Pages before sessions: a session may name a workshop created by this file.
        with disable_reference_index_auto_update():
            self._pages()
        for row in self.rows:
            if row.kind == SESSION:
                self._session(row)
                self.tick()
        return self.summary

    def _pages(self):
        for kind in (ACTIVITY, WORKSHOP):
            rows = [row for row in self.rows if row.kind == kind]
            known = self.existing[kind]
            old = [row for row in rows if title_key(row.title) in known]
            new = [row for row in rows if title_key(row.title) not in known]
            options = {"publish": self.publish, "user": self.user, "tags": self.tags}
            updated = update_pages(
                self.models[kind],
                [known[title_key(row.title)] for row in old],
                old,
                tick=self.tick,
                **options,
            )
            created = create_pages(
                self.models[kind],
                self.parents[kind],
                new,
                slugs=Slugs(self.parents[kind]) if new else None,
                tick=self.tick,
                **options,
            )
            for page in created:
                known[title_key(page.title)] = page.pk
            self.pages += updated + created
            self.summary.updated[kind] += len(updated)
            self.summary.created[kind] += len(created)

    def _session(self, row):
        event_id = self.existing[WORKSHOP][title_key(row.workshop_title)]
        session = Session.objects.filter(event_id=event_id, start=row.start).first()
        created = session is None
        if created:
            session = Session(event_id=event_id)
        for name, value in row.fields.items():
            setattr(session, name, value)
        session.save()
        (self.summary.created if created else self.summary.updated)[SESSION] += 1


def write_rows(rows, *, publish=True, user=None, progress=None):
    """Create or update every row's page or session, in one transaction."""
    writer = Writer(rows, publish=publish, user=user, progress=progress)
    bulk = len(rows) >= BULK_ROWS
    with indexed_at_the_end(lambda: writer.pages) if bulk else nullcontext(), transaction.atomic():
        summary = writer.write()
        if not bulk:
            for page in writer.pages:
                ReferenceIndex.create_or_update_for_object(page)
    return summary
