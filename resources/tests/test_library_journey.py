"""The library's whole loop, in a real browser: find, adapt, submit, approve, publish."""

import re

import pytest
from playwright.sync_api import expect

from community.tests.browser import artifacts_dir, sign_in
from resources.models import ActivityPage

pytestmark = pytest.mark.browser

TRAINER = "julien.roux@atelier.example"
TEAM_MEMBER = "claire.moreau@atelier.example"
ORIGINAL_SLUG = "le-jeu-de-laccueil-difficile"


def sign_out(page):
    page.locator("header.site-header").get_by_role("button", name="Se déconnecter").click()


def select_starting_with(select, text):
    """Options carry their count (“Accueil du public (8)”): pick the one that starts with text."""
    option = select.locator("option", has_text=text).first
    select.select_option(value=option.get_attribute("value"))


def choose_footer_action(page, button_name):
    """The admin's save button has a menu of other actions; open it, then choose one."""
    page.locator(
        "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()
    page.get_by_role("button", name=button_name, exact=True).click()


def test_a_trainer_adapts_an_activity_and_the_team_publishes_it(page, demo_live_server):
    base = demo_live_server
    original = ActivityPage.objects.get(slug=ORIGINAL_SLUG)
    assert not original.adaptations.exists()

    # A trainer finds the activity with two filters.
    sign_in(page, base, TRAINER)
    page.goto(f"{base}/bibliotheque/")
    select_starting_with(page.get_by_label("Thème"), "Accueil du public")
    select_starting_with(page.get_by_label("Type"), "Jeu sérieux")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("status")).to_contain_text("1 activité")
    page.get_by_role("link", name="Le jeu de l'accueil difficile").click()

    # Adapts it: a draft of their own opens in the editor.
    page.get_by_role("button", name="Adapter cette activité").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.locator("#id_title").fill("Le jeu de l'accueil difficile au guichet")
    first_step_title = page.locator('input[name="steps-0-value-title"]')
    first_step_title.fill("Règles du jeu au guichet")

    # Submits it for review.
    choose_footer_action(page, "Soumettre à Relecture équipe formation")
    expect(page.locator(".messages")).to_contain_text("soumise", ignore_case=True)
    adaptation = ActivityPage.objects.get(adapted_from=original)
    assert not adaptation.live
    page.screenshot(path=artifacts_dir() / "journey-submitted.png", full_page=True)

    # The training team approves it.
    page.context.clear_cookies()
    sign_in(page, base, TEAM_MEMBER)
    page.goto(f"{base}/admin/pages/{adaptation.id}/edit/")
    choose_footer_action(page, "Approuver et Publier")
    expect(page.locator(".messages")).to_contain_text("au guichet")
    adaptation.refresh_from_db()
    assert adaptation.live

    # The adaptation is public and the original shows one adaptation.
    page.context.clear_cookies()
    page.goto(f"{base}{adaptation.url}")
    expect(page.locator("h1")).to_have_text("Le jeu de l'accueil difficile au guichet")
    expect(page.locator(".attribution")).to_contain_text("Adaptée de")
    expect(page.locator("main")).to_contain_text("Règles du jeu au guichet")
    page.goto(f"{base}{original.url}")
    expect(page.locator(".engagement")).to_contain_text("1 adaptation")
    expect(page.locator("#adaptations")).to_contain_text("Le jeu de l'accueil difficile au guichet")
