"""Registering to a workshop, and the waiting list moving up, in a real browser.

Labels are matched in French, as a person reads them: the root conftest compiles the French
catalogue before the tests.
"""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from community.tests.browser import artifacts_dir
from events.models import Registration, RegistrationStatus, Session, SessionStatus
from resources.tests.test_library_journey import sign_in

pytestmark = pytest.mark.browser

AGENT = "hugo.bernard@atelier.example"
SERIES = "Un truc² en +"
WORKSHOP = "Le publipostage : des convocations en un clic"

SERIES_FILTER = re.compile(r"^Série$")
FILTER = re.compile(r"^Filtrer$")
REGISTER = re.compile(r"^S['’]inscrire\b")
CANCEL = re.compile(r"^Annuler mon inscription\b")
REGISTERED = re.compile(r"Votre place est réservée")
CONFIRMED = re.compile(r"Confirmée?")


def open_session_for(user_email, workshop_title):
    """A session to come of the workshop with a free seat, where the person has no place."""
    sessions = (
        Session.objects.filter(
            event__title=workshop_title,
            start__gt=timezone.now(),
            status=SessionStatus.SCHEDULED,
            registration_opens__isnull=True,
        )
        .exclude(registrations__user__email=user_email)
        .with_counts()
        .order_by("start")
    )
    return next(session for session in sessions if session.seats_left)


def test_an_agent_registers_from_the_catalogue_then_cancels(page, demo_live_server):
    base = demo_live_server
    session = open_session_for(AGENT, WORKSHOP)
    sign_in(page, base, AGENT)

    # Finds the workshop in the catalogue, filtered by series.
    page.goto(f"{base}/ateliers/")
    page.get_by_label(SERIES_FILTER).select_option(label=SERIES)
    page.get_by_role("button", name=FILTER).click()
    expect(page).to_have_url(re.compile(r"series=un-truc-en-plus"))
    results = page.locator(".library__results")
    expect(results).to_contain_text(WORKSHOP)
    expect(results).not_to_contain_text("La note de synthèse, pas à pas")  # Prépa'Truc²
    results.get_by_role("link", name=WORKSHOP).click()
    expect(page.locator("h1")).to_have_text(WORKSHOP)

    # Registers for a session with free seats.
    item = page.locator(f"#seance-{session.pk}")
    item.get_by_role("button", name=REGISTER).click()
    expect(page.locator(f"#seance-{session.pk}")).to_contain_text(REGISTERED)
    registration = Registration.objects.get(session=session, user__email=AGENT)
    assert registration.status == RegistrationStatus.CONFIRMED
    page.screenshot(path=artifacts_dir() / "registration-confirmed.png", full_page=True)

    # Finds it in “Mes inscriptions”, and cancels it.
    page.goto(f"{base}/mes-inscriptions/")
    mine = page.locator(f"#inscription-{registration.pk}")
    expect(mine).to_contain_text(WORKSHOP)
    expect(mine).to_contain_text(CONFIRMED)
    mine.get_by_role("button", name=CANCEL).click()
    expect(page.locator(f"#inscription-{registration.pk}")).to_have_count(0)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_a_cancellation_in_a_full_session_promotes_the_first_person_waiting(
    page, demo_live_server, mailoutbox
):
    base = demo_live_server
    full = next(
        session
        for session in Session.objects.upcoming().scheduled().with_counts().order_by("start")
        if session.confirmed_count == session.capacity and session.waitlist_count
    )
    leaving = (
        full.registrations.filter(status=RegistrationStatus.CONFIRMED)
        .select_related("user")
        .first()
    )
    first_waiting = full.registrations.waitlist().select_related("user").first()
    second_waiting = full.registrations.waitlist().select_related("user")[1:2].first()

    # Agent A, confirmed, cancels from “Mes inscriptions”.
    sign_in(page, base, leaving.user.email)
    page.goto(f"{base}/mes-inscriptions/")
    mine = page.locator(f"#inscription-{leaving.pk}")
    expect(mine).to_contain_text(full.event.title)
    mine.get_by_role("button", name=CANCEL).click()
    expect(page.locator(f"#inscription-{leaving.pk}")).to_have_count(0)

    # Agent B, first on the waiting list, takes the seat and is told by e-mail.
    first_waiting.refresh_from_db()
    assert first_waiting.status == RegistrationStatus.CONFIRMED
    assert first_waiting.promoted_at is not None
    if second_waiting:
        second_waiting.refresh_from_db()
        assert second_waiting.status == RegistrationStatus.WAITLISTED
    to_b = [message for message in mailoutbox if message.to == [first_waiting.user.email]]
    assert len(to_b) == 1
    assert full.event.title in to_b[0].body
    assert not [message for message in mailoutbox if leaving.user.email in message.to]

    # Signed in, B sees the session confirmed.
    page.context.clear_cookies()
    sign_in(page, base, first_waiting.user.email)
    page.goto(f"{base}/mes-inscriptions/")
    mine = page.locator(f"#inscription-{first_waiting.pk}")
    expect(mine).to_contain_text(full.event.title)
    expect(mine).to_contain_text(CONFIRMED)
    page.screenshot(path=artifacts_dir() / "registration-promoted.png", full_page=True)
