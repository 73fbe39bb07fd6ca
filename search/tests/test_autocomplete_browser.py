"""The header box's suggestions in a real Chromium: typed, chosen with the keyboard, followed."""

import re

import pytest
from playwright.sync_api import expect

from community.tests.browser import artifacts_dir, sign_in

pytestmark = pytest.mark.browser

AGENT_EMAIL = "marc.dubois@atelier.example"
ACTIVITY_TITLE = "Le jeu de l'accueil difficile"


def search_box(page):
    return page.get_by_role("combobox", name="Rechercher sur le site")


def test_a_suggestion_is_chosen_with_the_arrows_and_followed_with_enter(page, demo_live_server):
    sign_in(page, demo_live_server, AGENT_EMAIL)
    box = search_box(page)
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially("accueil diff", delay=30)

    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options.first).to_be_visible()
    count = options.count()
    expect(page.locator("#site-search-status")).to_have_text(
        "1 suggestion" if count == 1 else f"{count} suggestions"
    )
    expect(options.filter(has_text=ACTIVITY_TITLE)).to_contain_text("Activité")
    texts = options.all_inner_texts()
    index = next(i for i, text in enumerate(texts) if ACTIVITY_TITLE in text)
    page.screenshot(path=artifacts_dir() / "search-autocomplete-open.png")

    # Down from the box: the first option becomes the active one, the focus stays in the box.
    box.press("ArrowDown")
    first = options.nth(0)
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    assert page.evaluate("document.activeElement.id") == "site-search-q"

    # Escape closes the list and forgets the active option.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(box).to_have_value("accueil diff")

    # Down again reopens it; move to the activity, then Enter follows its link.
    for _ in range(index + 1):
        box.press("ArrowDown")
    chosen = options.nth(index)
    expect(chosen).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", chosen.get_attribute("id"))
    expect(listbox.locator("[aria-selected='true']")).to_have_count(1)
    href = chosen.get_attribute("href")

    box.press("Enter")

    expect(page).to_have_url(demo_live_server + href)
    expect(page.get_by_role("heading", level=1)).to_have_text(ACTIVITY_TITLE)


def test_without_a_chosen_suggestion_enter_runs_the_search(page, demo_live_server):
    page.goto(demo_live_server + "/")
    box = search_box(page)

    box.press_sequentially("accueil", delay=30)
    expect(page.get_by_role("listbox", name="Suggestions")).to_be_visible()
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/recherche/\?q=accueil$"))


def test_the_list_fits_a_phone_screen(page, demo_live_server):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(demo_live_server + "/")
    box = search_box(page)

    box.press_sequentially("accueil", delay=30)

    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    box_area = listbox.bounding_box()
    assert box_area["x"] >= 0
    assert box_area["x"] + box_area["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    page.screenshot(path=artifacts_dir() / "search-autocomplete-phone.png")
