"""Accessibility audit of the main pages (RGAA, i.e. WCAG 2.1 AA) with axe-core in Chromium,
and keyboard-only journeys: registering to a workshop, searching from the header box.

Loading the demo content takes most of a minute, so the first audit test loads it once,
audits every page in one go and keeps the results; each page still gets its own test in the
report. The per-page summary is printed (``-s``) and written to
test-artifacts/accessibility-audit.txt.
"""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.module_loading import import_string
from playwright.sync_api import expect

from community.demo import DEMO_PASSWORD
from community.tests.browser import DEFAULT_TIMEOUT_MS, artifacts_dir, sign_in
from community.tests.browser import tab_until as shared_tab_until
from community.tests.demo_loading import load_demo_from_snapshot

pytestmark = [pytest.mark.browser, pytest.mark.demo]

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")

AGENT_EMAIL = "marc.dubois@atelier.example"
TRAINER_EMAIL = "nathalie.girard@atelier.example"  # a trainer's profile, with badges
WORKSHOP = "Le publipostage : des convocations en un clic"
SEARCH_TEXT = "accueil diff"
ACTIVITY_TITLE = "Le jeu de l'accueil difficile"
MAX_TABS = 80

PAGES = [
    "home",
    "library",
    "activity",
    "path",
    "catalogue",
    "workshop",
    "event",
    "search",
    "profile",
    "directory",
    "needs-board",
    "forum",
    "topic",
    "standard-page",
    "sign-in",
    "my-registrations",
]
ANONYMOUS_PAGES = {"sign-in"}  # the others are seen signed in as a demo agent

RUN_AXE = """options => axe.run(document, options).then(result => ({
    version: result.testEngine.version,
    passes: result.passes.length,
    violations: result.violations.map(rule => ({
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        targets: rule.nodes.map(node => node.target.join(" ")),
    })),
}))"""

_audit = {}  # filled once per run by the first test that asks for it


def _first_live(label):
    return apps.get_model(label).objects.live().order_by("path").first()


def answered_topic():
    """The forum topic with the most replies among those with an accepted answer."""
    threads = apps.get_model("discussions.Thread").objects
    return (
        threads.filter(kind="topic", hidden_at__isnull=True, accepted_answer__isnull=False)
        .order_by("-reply_count", "pk")
        .first()
    )


def thread_url(thread):
    """Named by path, not imported: the community app imports none of the others."""
    return import_string("discussions.display.thread_url")(thread)


def page_urls():
    """The audited page of each kind on the demo content (models named by label: the community
    app imports none of the others)."""
    directory = _first_live("community.TrainerDirectoryPage")
    trainer = apps.get_model("community.Profile").objects.get(user__email=TRAINER_EMAIL)
    workshop = apps.get_model("events.WorkshopPage").objects.live().get(title=WORKSHOP)
    return {
        "home": "/",
        "library": _first_live("resources.LibraryPage").url,
        "activity": _first_live("resources.ActivityPage").url,
        "path": _first_live("resources.TrainingPathPage").url,
        "catalogue": _first_live("events.WorkshopCatalogPage").url,
        "workshop": workshop.url,
        "event": _first_live("events.ExchangeEventPage").url,
        "search": reverse("search") + "?q=accueil",
        "profile": directory.profile_url(trainer),
        "directory": directory.url,
        "needs-board": _first_live("community.NeedsBoardPage").url,
        "forum": _first_live("discussions.ForumPage").url,
        "topic": thread_url(answered_topic()),
        # The charter: headings, paragraphs, a quote, a call to action and a document.
        "standard-page": apps.get_model("community.StandardPage")
        .objects.live()
        .get(title="Charte de l'animateur TRUC²")
        .url,
        "sign-in": reverse("login"),
        "my-registrations": reverse("events:my_registrations"),
    }


def run_axe(page):
    page.add_script_tag(path=str(AXE_PATH))
    return page.evaluate(RUN_AXE, {"runOnly": {"type": "tag", "values": WCAG_21_AA}})


def audit_page(page, base_url, url):
    try:
        response = page.goto(base_url + url)
        result = run_axe(page)
    except Exception as error:  # one broken page must not hide the others' results
        return {"url": url, "error": repr(error), "violations": [], "passes": 0}
    return {"url": url, "status": response.status, "error": None, **result}


def summary_line(name, result):
    counts = Counter(rule["impact"] for rule in result["violations"])
    by_impact = ", ".join(f"{impact} {counts[impact]}" for impact in IMPACTS)
    state = f"ERROR {result['error']}" if result["error"] else f"HTTP {result['status']}"
    return (
        f"{name:<17} {result['url']:<60} {state:<9} {by_impact} (rules passed: {result['passes']})"
    )


def write_summary(pages):
    version = next((result["version"] for result in pages.values() if "version" in result), "?")
    lines = [f"axe-core {version}, tags {' '.join(WCAG_21_AA)}, violations (rules) by impact:"]
    lines += [summary_line(name, pages[name]) for name in PAGES]
    text = "\n".join(lines) + "\n"
    (artifacts_dir() / "accessibility-audit.txt").write_text(text, encoding="utf-8")
    print("\n" + text)


def audit_everything(browser, base_url):
    urls = page_urls()
    pages, self_check = {}, None
    for signed_in in (True, False):
        # axe goes in as an inline script, which the site's Content-Security-Policy refuses.
        context = browser.new_context(locale="fr-FR", bypass_csp=True)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        try:
            page = context.new_page()
            if signed_in:
                sign_in(page, base_url, AGENT_EMAIL)
            for name in PAGES:
                if (name in ANONYMOUS_PAGES) != signed_in:
                    pages[name] = audit_page(page, base_url, urls[name])
            if not signed_in:
                # The harness itself: a field without a label must be reported.
                page.evaluate(
                    "document.querySelector('main').insertAdjacentHTML("
                    "'beforeend', '<input type=\"text\" id=\"a11y-self-check\">')"
                )
                self_check = run_axe(page)
        finally:
            context.close()
    return {"pages": pages, "self_check": self_check}


@pytest.fixture
def audit(browser, django_db_serialized_rollback, live_server):
    """The audit of every page, run on the first call (the database is flushed after each
    test: only that first test loads the demo content)."""
    if not _audit:
        _audit["unfinished"] = True  # a crash fails the later tests at once, without reloading
        load_demo_from_snapshot()
        _audit.update(audit_everything(browser, live_server.url))
        write_summary(_audit["pages"])
        del _audit["unfinished"]
    if "unfinished" in _audit:
        pytest.fail("the audit stopped before its end: see the first audit test")
    return _audit


def describe(violations):
    return "\n".join(
        f"- {rule['id']} [{rule['impact']}] {rule['help']}: {', '.join(rule['targets'][:3])}"
        for rule in violations
    )


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_accessibility_violation(audit, name):
    result = audit["pages"][name]

    assert result["error"] is None, result["error"]
    assert result["status"] == 200
    assert result["passes"] > 0  # axe did run its rules on the page
    blocking = [rule for rule in result["violations"] if rule["impact"] in BLOCKING]
    assert not blocking, f"{name} ({result['url']}):\n{describe(blocking)}"


def test_the_audit_reports_a_field_without_a_label(audit):
    """Guards the harness: were axe not injected or run, the audit above would pass blindly."""
    found = {rule["id"]: rule for rule in audit["self_check"]["violations"]}

    assert found["label"]["impact"] == "critical"
    assert "#a11y-self-check" in found["label"]["targets"]


# Keyboard-only journeys ---------------------------------------------------------------------


def focused(page):
    """What has the keyboard focus, and whether it shows (an outline or a shadow)."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
            return {
                id: el.id,
                tag: el.tagName.toLowerCase(),
                text: (el.innerText || "").trim(),
                session: el.closest("li.session") ? el.closest("li.session").id : null,
                visible: ring || style.boxShadow !== "none",
            };
        }"""
    )


def tab_until(page, predicate):
    return shared_tab_until(page, predicate, focused, MAX_TABS)


def sign_in_with_keyboard(page, base_url, email, next_url):
    page.goto(f"{base_url}{reverse('login')}?next={next_url}")
    expect(page.locator("#id_username")).to_be_focused()  # autofocus
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + next_url)


def test_an_agent_registers_to_a_workshop_with_the_keyboard_only(page, demo_live_server):
    workshop = apps.get_model("events.WorkshopPage").objects.live().get(title=WORKSHOP)
    sign_in_with_keyboard(page, demo_live_server, AGENT_EMAIL, workshop.url)

    # The skip link first, then on through the content to the first session open to him.
    assert tab_until(page, lambda el: el["tag"] == "a")["text"] == "Aller au contenu"
    page.keyboard.press("Enter")
    button = tab_until(
        page, lambda el: el["tag"] == "button" and re.match(r"S['’]inscrire\b", el["text"])
    )
    assert button["visible"], "the focused button shows no focus ring"
    page.screenshot(path=artifacts_dir() / "keyboard-register-focused.png")

    with page.expect_navigation():
        page.keyboard.press("Enter")

    session = page.locator(f"#{button['session']}")
    expect(session).to_contain_text("Votre place est réservée.")
    session_pk = int(button["session"].removeprefix("seance-"))
    registration = apps.get_model("events.Registration").objects.get(
        session_id=session_pk, user__email=AGENT_EMAIL
    )
    assert registration.is_confirmed


def test_a_search_from_the_header_box_with_the_keyboard_only(page, demo_live_server):
    """Reaching the box with Tab and seeing the focus; the suggestions' ARIA states under the
    arrows and Escape are covered by search/tests/test_autocomplete_browser.py."""
    page.goto(demo_live_server + "/")

    box = tab_until(page, lambda el: el["id"] == "site-search-q")
    assert box["visible"], "the search box shows no focus ring"
    page.keyboard.type(SEARCH_TEXT, delay=30)
    options = page.get_by_role("listbox", name="Suggestions").get_by_role("option")
    expect(options.first).to_be_visible()
    wanted = options.filter(has_text=ACTIVITY_TITLE)
    expect(wanted).to_have_count(1)
    for _ in range(options.count()):
        page.keyboard.press("ArrowDown")
        if wanted.get_attribute("aria-selected") == "true":
            break
    expect(wanted).to_have_attribute("aria-selected", "true")
    href = wanted.get_attribute("href")

    page.keyboard.press("Enter")

    expect(page).to_have_url(demo_live_server + href)
    expect(page.get_by_role("heading", level=1)).to_have_text(ACTIVITY_TITLE)
