"""Pages in bulk: what ``add_child`` + ``save_revision`` + ``publish`` leave in the database,
without their per-page cost (about 70 queries a page: 10,000 activities took a quarter of an
hour that way).

Each page still gets its tree position (when new), a new revision (published or a draft), its
relations, its history entries and, when published, the ``page_published`` signal that the
badges and the search listen to. The rows were fully checked before, so the model's
validation is not run a second time.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

SLUG_MAX = 240
BATCH = 500


class Slugs:
    """Unique slugs among a parent's children, without a query per page."""

    def __init__(self, parent):
        self.taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))

    def new(self, title, fallback):
        base = slugify(title)[:SLUG_MAX] or fallback
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        return slug


class Tags:
    """Tag objects by name, created once for the whole file."""

    def __init__(self):
        self.by_name = {}

    def get(self, names):
        missing = [name for name in names if name not in self.by_name]
        if missing:
            for tag in Tag.objects.filter(name__in=missing):
                self.by_name[tag.name] = tag
            for name in missing:
                if name not in self.by_name:
                    self.by_name[name] = Tag.objects.create(name=name)
        return [self.by_name[name] for name in names]


def _through_rows(page, name, values):
    """The rows of a many-to-many (parental or tags) for a page saved without modelcluster."""
    field = page._meta.get_field(name)
    if name == "tags":
        through = field.through
        return [through(content_object_id=page.pk, tag_id=tag.pk) for tag in values]
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    return [through(**{f"{source}_id": page.pk, f"{target}_id": item.pk}) for item in values]


def create_pages(model, parent, rows, *, publish, user, slugs, tags, tick=None):
    """Create one page per row under ``parent``; return the pages, in the rows' order.
    ``tick()`` is called after each page, for a progress bar."""
    if not rows:
        return []
    batch = _Batch(model, publish, user)
    depth = parent.depth + 1
    last_child = parent.get_last_child()
    position = last_child._get_lastpos_in_path() if last_child else 0
    for offset, row in enumerate(rows, start=1):
        slug = slugs.new(row.title, "page")
        page = model(
            title=row.title,
            draft_title=row.title,
            slug=slug,
            path=Page._get_path(parent.path, depth, position + offset),
            depth=depth,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            content_type=batch.content_type,
            locale_id=parent.locale_id,
            owner=user,
            live=publish,
            has_unpublished_changes=not publish,
            first_published_at=batch.now if publish else None,
            last_published_at=batch.now if publish else None,
            latest_revision_created_at=batch.now,
            **row.defaults,
            **row.fields,
        )
        batch.relate(page, row, tags)
        # The table rows only, as loaddata saves: no full_clean, no modelcluster commit.
        models.Model.save_base(page)
        batch.pages.append(page)
        if tick:
            tick()
    batch.save_relations(replace=False)
    batch.save_revisions()
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(batch.pages))
    batch.finish(["wagtail.create"] + (["wagtail.publish"] if publish else []))
    return batch.pages


def update_pages(model, page_ids, rows, *, publish, user, tags, tick=None):
    """A new revision for each existing page (``page_ids[i]`` for ``rows[i]``): published, or
    a draft beside the live version as the admin's “Save draft” leaves it."""
    if not rows:
        return []
    batch = _Batch(model, publish, user)
    found = model.objects.in_bulk(page_ids)
    for page_id, row in zip(page_ids, rows, strict=True):
        page = found[page_id]
        page.title = row.title
        for name, value in row.fields.items():
            setattr(page, name, value)
        batch.relate(page, row, tags)
        if publish:
            page.draft_title = page.title
            page.live, page.expired, page.has_unpublished_changes = True, False, False
            page.last_published_at = page.latest_revision_created_at = batch.now
            page.first_published_at = page.first_published_at or batch.now
            models.Model.save_base(page)
        batch.pages.append(page)
        if tick:
            tick()
    if publish:
        batch.save_relations(replace=True)
    batch.save_revisions()
    if not publish:  # the live version stays as it is: only the draft's markers move
        Page.objects.filter(pk__in=page_ids).update(
            has_unpublished_changes=True, latest_revision_created_at=batch.now
        )
        for page in batch.pages:
            Page.objects.filter(pk=page.pk).exclude(draft_title=page.title).update(
                draft_title=page.title
            )
    batch.finish(["wagtail.edit"] + (["wagtail.publish"] if publish else []))
    return batch.pages


class _Batch:
    """What creating and updating share: relations, revisions, history, the signal."""

    def __init__(self, model, publish, user):
        self.model, self.publish, self.user = model, publish, user
        self.now = timezone.now()
        self.content_type = ContentType.objects.get_for_model(model)
        self.base_content_type = ContentType.objects.get_for_model(Page)
        self.pages, self.relations, self.revisions = [], {}, []

    def relate(self, page, row, tags):
        values = dict(row.relations)
        if "tags" in values:
            values["tags"] = tags.get(values["tags"])
        for name, items in values.items():
            getattr(page, name).set(items)  # in memory: the revision records them
        self.relations[id(page)] = values

    def save_relations(self, *, replace):
        names = {name for values in self.relations.values() for name in values}
        for name in names:
            pages = [page for page in self.pages if name in self.relations[id(page)]]
            rows = [
                item
                for page in pages
                for item in _through_rows(page, name, self.relations[id(page)][name])
            ]
            if replace:
                field = self.model._meta.get_field(name)
                through = field.through if name == "tags" else field.remote_field.through
                source = "content_object" if name == "tags" else field.m2m_field_name()
                through.objects.filter(**{f"{source}_id__in": [page.pk for page in pages]}).delete()
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=BATCH)

    def save_revisions(self):
        self.revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=self.content_type,
                    base_content_type=self.base_content_type,
                    object_id=str(page.pk),
                    created_at=self.now,
                    user=self.user,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
                for page in self.pages
            ],
            batch_size=BATCH,
        )
        for page, revision in zip(self.pages, self.revisions, strict=True):
            page.latest_revision = revision
            if self.publish:
                page.live_revision = revision
        _point_at_revisions([page.pk for page in self.pages], self.base_content_type, self.publish)

    def finish(self, actions):
        _log(self.pages, self.content_type, actions, self.user, self.now)
        if self.publish:
            for page, revision in zip(self.pages, self.revisions, strict=True):
                page_published.send(sender=self.model, instance=page, revision=revision)


def _point_at_revisions(page_ids, base_content_type, publish):
    """Each page's latest (and live) revision: one UPDATE per batch rather than per page."""
    revision = (
        Revision.objects.filter(
            base_content_type=base_content_type,
            object_id=Cast(OuterRef("pk"), output_field=models.CharField()),
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    for start in range(0, len(page_ids), BATCH):
        pointers = {"latest_revision": Subquery(revision)}
        if publish:
            pointers["live_revision"] = Subquery(revision)
        Page.objects.filter(pk__in=page_ids[start : start + BATCH]).update(**pointers)


def _log(pages, content_type, actions, user, now):
    """The page's history, as the admin writes it: created or edited, then published."""
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type=content_type,
                label=page.title,
                action=action,
                timestamp=now,
                user=user,
                page_id=page.pk,
                revision=page.latest_revision,
                content_changed=True,
            )
            for page in pages
            for action in actions
        ],
        batch_size=BATCH,
    )
