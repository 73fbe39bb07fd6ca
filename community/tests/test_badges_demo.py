"""The demo's badges: their awards follow from the demo facts, one is awarded by hand, nobody
is e-mailed, and loading again changes nothing."""

import io
import time

import pytest
from django.core.management import call_command

from community.badges import awards, facts, rules
from community.models import Badge, BadgeAward
from community.tests.demo_loading import load_demo_quietly

# They load the demo content themselves: tests of the content, run on SQLite only (.ci/run).
pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_demo_badges_follow_from_the_facts(django_capture_on_commit_callbacks, mailoutbox):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_quietly()
    print(f"\nload_demo with its after-commit work: {time.monotonic() - started:.1f} s")
    assert Badge.objects.count() == 9
    assert not [m for m in mailoutbox if "badge" in m.subject]

    automatic = list(BadgeAward.objects.filter(awarded_by__isnull=True).select_related("badge"))
    assert len({award.badge for award in automatic}) >= 5
    for award in automatic:
        measure = facts.measure(award.badge.rule, [award.recipient_id])[award.recipient_id]
        assert rules.earned(award.badge, measure), award
    assert awards.evaluate() == []  # nothing earned is missing

    path_badge = Badge.objects.get(slug="parcours-du-formateur-termine")
    assert path_badge.rule.startswith("events.path_completed:")
    graduates = [award for award in automatic if award.badge == path_badge]
    assert graduates
    assert all(a.evidence_url.endswith("/parcours-du-formateur-interne/") for a in graduates)

    manual = BadgeAward.objects.get(awarded_by__isnull=False)
    assert manual.awarded_by.email == "claire.moreau@atelier.example"
    assert manual.badge.slug == "pilier-de-la-communaute"
    assert manual.reason

    count = BadgeAward.objects.count()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Rien à faire" in out.getvalue()
    assert BadgeAward.objects.count() == count
