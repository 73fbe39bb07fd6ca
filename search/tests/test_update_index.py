"""`manage.py update_index` says how far it has gone, model by model, and leaves a French index.

Wagtail's own command printed one dot per chunk; ours (search/management/commands) prints
"done/expected (percent)" after every chunk, so a long run shows its progress.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from resources.factories import ActivityPageFactory, LibraryPageFactory
from resources.models import ActivityPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_activities(home_page):
    library = LibraryPageFactory(parent=home_page)
    titles = ["Formation de formateurs", "Le photolangage", "Brise-glace", "Quiz", "Débat"]
    return [ActivityPageFactory(parent=library, title=title) for title in titles]


def run(command="update_index", **options):
    out = StringIO()
    call_command(command, stdout=out, **options)
    return out.getvalue()


def test_progress_after_every_chunk_with_counts(five_activities):
    output = run(chunk_size=2)

    block = re.search(r"default: resources\.ActivityPage +5 objects\n((?: {4}.*\n)+)", output)
    assert block, output
    progress = re.findall(r"^ {4}(\d+)/(\d+) \((\d+) %\) [\d.]+ s$", block.group(1), re.M)
    assert progress == [("2", "5", "40"), ("4", "5", "80"), ("5", "5", "100")]


def test_every_indexed_model_is_named_with_its_count(five_activities):
    output = run()

    assert re.search(r"^default: resources\.LibraryPage +1 object$", output, re.M)
    assert re.search(r"^default: resources\.Theme +0 objects$", output, re.M)
    assert "    5/5 (100 %)" in output
    assert re.search(r"^default: indexed \d+ objects$", output, re.M)


def test_wagtail_update_index_is_the_same_command(five_activities):
    assert "    5/5 (100 %)" in run("wagtail_update_index")


def test_quiet_run_prints_nothing(five_activities):
    assert run(verbosity=0) == ""


def test_rebuilt_index_still_understands_french(five_activities):
    run()

    found = ActivityPage.objects.live().search("formations")
    assert [page.title for page in found] == ["Formation de formateurs"]
