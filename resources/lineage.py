"""An activity's family: the original it descends from and every adaptation below it.

A few queries whatever the family's size: one for the adaptation links of the whole library,
one for the pages of this family (and the view restrictions Wagtail checks).
"""

from dataclasses import dataclass, field

from django.db.models import Q

MAX_DEPTH = 20  # guards against a cycle that bad data could create


@dataclass
class Node:
    page: object
    children: list = field(default_factory=list)


def family_tree(activity):
    from resources.models import ActivityPage

    links = dict(
        ActivityPage.objects.live()
        .public()
        .filter(adapted_from__isnull=False)
        .values_list("id", "adapted_from_id")
    )
    links.setdefault(activity.id, activity.adapted_from_id)
    root_id, depth = activity.id, 0
    while links.get(root_id) and depth < MAX_DEPTH:
        root_id, depth = links[root_id], depth + 1

    children_of = {}
    for child, parent in links.items():
        if parent:
            children_of.setdefault(parent, []).append(child)
    family_ids, frontier = {root_id}, [root_id]
    for _ in range(MAX_DEPTH):
        frontier = [child for parent in frontier for child in children_of.get(parent, [])]
        frontier = [child for child in frontier if child not in family_ids]
        if not frontier:
            break
        family_ids.update(frontier)
    if len(family_ids) == 1:
        return None

    pages = {
        page.id: page
        for page in ActivityPage.objects.filter(id__in=family_ids)
        .filter(Q(live=True) | Q(id=activity.id))
        .only("id", "title", "url_path", "path", "depth", "live")
    }
    if root_id not in pages:
        return None

    def build(page_id, seen):
        node = Node(pages[page_id])
        for child_id in sorted(children_of.get(page_id, [])):
            if child_id in pages and child_id not in seen:
                node.children.append(build(child_id, seen | {child_id}))
        return node

    return build(root_id, {root_id})
