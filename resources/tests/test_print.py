"""Printing an activity or a training path gives a clean sheet of at most two A4 pages.

The page count: with ``pypdf`` installed, the pages of the PDF Chromium prints are counted;
without it (the default here), it is estimated from the document's height in print media,
laid out at the printable width of an A4 page at 96 dpi, against the printable height of one
page. The estimate is deliberately on the safe side: it assumes the 15 mm margins of print.css
while Chromium's PDF may use narrower ones. It does not see the blank space a step kept whole
(break-inside: avoid) leaves at the bottom of a page, hence the check only allows sheets that
end some way before the end of the second page. The PDF is left in test-artifacts/ for a person
to look at.
"""

import math

import pytest

from community.tests.browser import artifacts_dir
from resources.models import ActivityPage, TrainingPathPage

pytestmark = pytest.mark.browser

MM_TO_PX = 96 / 25.4  # CSS pixels at 96 dpi
A4_WIDTH_MM, A4_HEIGHT_MM, MARGIN_MM = 210, 297, 15  # margin: see @page in print.css
PRINTABLE_WIDTH = round((A4_WIDTH_MM - 2 * MARGIN_MM) * MM_TO_PX)  # 680 px
PRINTABLE_HEIGHT = (A4_HEIGHT_MM - 2 * MARGIN_MM) * MM_TO_PX  # 1009 px
MAX_PAGES = 2
# Room left for the blank space page breaks may leave (a step moved whole to the next page).
BREAK_SLACK = 0.9

SCREEN_ONLY = [".skip-links", ".site-header", "#main-menu", ".site-footer", ".breadcrumb"]


def printed_pages(page, pdf):
    """(pages, method): counted with pypdf when installed, estimated from the height else."""
    try:
        from pypdf import PdfReader
    except ImportError:
        height = page.evaluate("() => document.documentElement.scrollHeight")
        return math.ceil(height / (PRINTABLE_HEIGHT * BREAK_SLACK)), f"estimated ({height} px)"
    import io

    return len(PdfReader(io.BytesIO(pdf)).pages), "counted with pypdf"


def open_for_print(page, url):
    # A short viewport, so that the document's height is its content's, not the window's.
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 100})
    page.emulate_media(media="print")
    response = page.goto(url)
    assert response.status == 200


def assert_screen_only_parts_hidden(page):
    for selector in SCREEN_ONLY:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    for element in page.locator("form, button, .button, input, select, textarea").all():
        assert not element.is_visible(), "a button or a form is printed"


def print_to_pdf(page, name):
    pdf = page.pdf(format="A4")
    (artifacts_dir() / name).write_bytes(pdf)
    return pdf


def longest(model, size):
    """The demo page that takes the most room: the worst case of the sheet."""
    return max(model.objects.live(), key=size)


def test_an_activity_prints_on_at_most_two_a4_pages(page, demo_live_server):
    activity = longest(
        ActivityPage,
        lambda a: len(str(a.steps.raw_data)) + len(str(a.objectives.raw_data)) + len(a.summary),
    )
    open_for_print(page, demo_live_server + activity.url)

    assert page.locator("h1").is_visible()
    assert page.locator(".steps").is_visible()
    assert_screen_only_parts_hidden(page)
    assert page.evaluate("() => getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert page.evaluate("() => getComputedStyle(document.body).fontSize") in (
        "14.6667px",  # 11pt
        "16px",  # 12pt
    )
    pdf = print_to_pdf(page, "print-activity.pdf")
    pages, method = printed_pages(page, pdf)
    print(f"\n{activity.title}: {pages} page(s), {method}")
    assert pages <= MAX_PAGES


def test_a_training_path_prints_on_at_most_two_a4_pages(page, demo_live_server):
    path = longest(TrainingPathPage, lambda p: len(str(p.steps.raw_data)) + len(p.intro))
    open_for_print(page, demo_live_server + path.url)

    assert page.locator(".path-steps").is_visible()
    assert_screen_only_parts_hidden(page)
    pdf = print_to_pdf(page, "print-path.pdf")
    pages, method = printed_pages(page, pdf)
    print(f"\n{path.title}: {pages} page(s), {method}")
    assert pages <= MAX_PAGES
