"""An activity's family: the original it descends from and every adaptation below it.

A fixed number of queries whatever the family's size: the adaptation links of the whole
library, then the visible pages of this family. Only what anyone may see is shown: a draft or
restricted relative is left out, and the tree starts at the highest visible ancestor reached
through visible pages only.
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
        ActivityPage.objects.visible()
        .filter(adapted_from__isnull=False)
        .values_list("id", "adapted_from_id")
    )
    links[activity.id] = activity.adapted_from_id

    ancestors = [activity.id]
    while links.get(ancestors[-1]) and len(ancestors) < MAX_DEPTH:
        ancestors.append(links[ancestors[-1]])

    children_of = {}
    for child, parent in links.items():
        if parent:
            children_of.setdefault(parent, []).append(child)
    candidates, frontier = set(ancestors), [ancestors[-1]]
    for _ in range(MAX_DEPTH):
        frontier = [c for p in frontier for c in children_of.get(p, []) if c not in candidates]
        if not frontier:
            break
        candidates.update(frontier)

    visible = {
        page.id: page
        for page in ActivityPage.objects.filter(id__in=candidates)
        .filter(Q(id__in=ActivityPage.objects.visible().values("id")) | Q(id=activity.id))
        .only("id", "title", "url_path", "path", "depth", "live")
    }
    root_id = activity.id
    for ancestor_id in ancestors[1:]:
        if ancestor_id not in visible:
            break
        root_id = ancestor_id

    def build(page_id, seen):
        node = Node(visible[page_id])
        for child_id in sorted(children_of.get(page_id, [])):
            if child_id in visible and child_id not in seen:
                node.children.append(build(child_id, seen | {child_id}))
        return node

    tree = build(root_id, {root_id})
    return tree if tree.children else None
