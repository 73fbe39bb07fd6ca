"""The public pages as a person sees them, in a real Chromium: keyboard, focus, small screens,
sign-in, language and privacy (no request to another host)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from community.demo import DEMO_PASSWORD
from community.tests.browser import artifacts_dir
from community.tests.browser import tab_until as shared_tab_until

pytestmark = pytest.mark.browser

AGENT_EMAIL = "marc.dubois@atelier.example"
AGENT_NAME = "Marc Dubois"
MAX_TABS = 30


def active_element(page):
    """What has the keyboard focus, as a person would name it."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                text: (el.innerText || "").trim(),
                href: el.getAttribute("href"),
                inMainMenu: !!el.closest("#main-menu"),
            };
        }"""
    )


def tab_until(page, predicate):
    return shared_tab_until(page, predicate, active_element, MAX_TABS)


def inside_viewport(box, viewport):
    return (
        box is not None
        and box["width"] > 0
        and box["height"] > 0
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )


def test_first_tab_reaches_the_skip_link_which_leads_to_the_content(page, demo_live_server):
    page.goto(demo_live_server + "/")
    skip_link = page.get_by_role("link", name="Aller au contenu")
    assert not inside_viewport(skip_link.bounding_box(), page.viewport_size)  # hidden at first

    page.keyboard.press("Tab")

    assert active_element(page)["text"] == "Aller au contenu"
    assert inside_viewport(skip_link.bounding_box(), page.viewport_size)
    page.screenshot(path=artifacts_dir() / "skip-link-focused.png")

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.matches('main#content')")


def test_focus_on_a_main_menu_link_is_visible(page, demo_live_server):
    page.goto(demo_live_server + "/")
    link = page.locator("#main-menu a").first
    properties = ["outline-style", "outline-width", "outline-color", "box-shadow"]
    script = "(el, names) => Object.fromEntries(names.map(n => [n, getComputedStyle(el)[n]]))"
    before = link.evaluate(script, properties)

    tab_until(page, lambda focused: focused["inMainMenu"])  # the keyboard way, so :focus-visible

    assert link.evaluate("el => el === document.activeElement")
    after = link.evaluate(script, properties)
    assert after != before
    assert after["outline-style"] != "none" or after["box-shadow"] != "none"
    page.screenshot(path=artifacts_dir() / "focus-main-menu.png")


@pytest.mark.parametrize("path", ["/", "/qui-fait-quoi/", "/accessibilite/", "/connexion/"])
def test_at_320_px_no_horizontal_scroll_and_the_whole_menu_shows(page, demo_live_server, path):
    page.set_viewport_size({"width": 320, "height": 640})
    response = page.goto(demo_live_server + path)
    assert response.status == 200

    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    links = page.locator("#main-menu a")
    assert links.count() >= 3  # home, "À propos d'Atelier", "Qui fait quoi ?"
    for link in links.all():
        box = link.bounding_box()
        assert link.is_visible(), link.inner_text()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, link.inner_text()


def test_an_agent_signs_in_with_the_keyboard_only(page, demo_live_server):
    page.goto(demo_live_server + "/")
    tab_until(page, lambda focused: focused["text"] == "Se connecter")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/connexion/\?next=/$|/connexion/\?next=%2F$"))

    # autofocus applies once the page has loaded: wait for it, as a person would.
    expect(page.locator("#id_username")).to_be_focused()
    page.keyboard.type(AGENT_EMAIL)
    page.keyboard.press("Tab")
    expect(page.locator("#id_password")).to_be_focused()
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(demo_live_server + "/")

    header = page.locator("header.site-header")
    assert f"Connecté en tant que {AGENT_NAME}" in header.inner_text()
    assert header.get_by_role("link", name="Se connecter").count() == 0


def test_a_wrong_password_shows_the_french_error_summary(page, demo_live_server):
    page.goto(demo_live_server + "/connexion/")
    page.keyboard.type(AGENT_EMAIL)
    page.keyboard.press("Tab")
    page.keyboard.type("pas-le-bon-mot-de-passe")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    alert = page.get_by_role("alert")
    assert alert.is_visible()
    assert "La connexion a échoué" in alert.inner_text()
    assert "mot de passe" in alert.inner_text()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Connecté en tant que" not in page.locator("header.site-header").inner_text()


def test_the_footer_language_switch_goes_to_english_and_back(page, demo_live_server):
    page.goto(demo_live_server + "/a-propos/")
    html = page.locator("html")
    assert html.get_attribute("lang") == "fr"

    page.select_option("#language-select", value="en")
    page.get_by_role("button", name="Changer de langue").click()
    page.wait_for_url(demo_live_server + "/a-propos/")

    assert html.get_attribute("lang") == "en"
    assert page.get_by_role("link", name="Skip to content").count() == 1
    assert page.get_by_role("link", name="Aller au contenu").count() == 0

    page.select_option("#language-select", value="fr")
    page.get_by_role("button", name="Change language").click()
    page.wait_for_url(demo_live_server + "/a-propos/")

    assert html.get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Aller au contenu").count() == 1


def test_the_home_page_makes_no_request_to_another_host(page, demo_live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(demo_live_server + "/")
    page.wait_for_load_state("networkidle")

    live_host = urlsplit(demo_live_server).netloc
    assert any(url.endswith("/static/css/atelier.css") for url in requested)  # recorder works
    elsewhere = [url for url in requested if urlsplit(url).netloc != live_host]
    assert elsewhere == []


@pytest.mark.parametrize("width", [1280, 320])
def test_screenshot_of_the_home_page(page, demo_live_server, width):
    """For a person to look at: test-artifacts/home-<width>.png."""
    page.set_viewport_size({"width": width, "height": 800 if width > 320 else 640})
    page.goto(demo_live_server + "/")
    path = artifacts_dir() / f"home-{width}.png"

    page.screenshot(path=path, full_page=True)

    assert path.stat().st_size > 0
