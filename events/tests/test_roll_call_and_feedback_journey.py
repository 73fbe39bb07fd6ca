"""The end of a session in a real browser: the facilitator takes the roll call on a phone,
then an attendee answers the questionnaire from the e-mail's link, without signing in.

Both journeys are in French: the root conftest compiles the French catalogue before the tests.
"""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from community.tests.browser import DEFAULT_TIMEOUT_MS, artifacts_dir, sign_in
from events.models import (
    Attendance,
    FeedbackAnswer,
    FeedbackInvitation,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
    UsefulSkills,
)
from events.services import attendance
from events.services.feedback import feedback_request

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
RATING_QUESTION = "Dans l'ensemble, êtes-vous satisfait de cette séance ?"
SKILLS_QUESTION = "J'ai acquis des compétences utiles pour mes missions"
MIN_TARGET_PX = 44  # WCAG 2.5.5, and what roll_call.css promises

# Each button's name ends with the person's name (hidden text). The tick the stylesheet puts
# before a pressed button is decoration: it stays out of the name (aria-pressed says it).
PRESENT = re.compile(r"^Présent — ")
ABSENT = re.compile(r"^Absent — ")


@pytest.fixture
def phone(browser):
    """A page on a phone held upright (390 × 844, touch), in French, signed in as nobody."""
    context = browser.new_context(locale="fr-FR", **PHONE)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def session_under_way():
    """A demo session to come, with a facilitator and three to six confirmed people, moved so
    that it started twenty minutes ago (the live server runs in real time)."""
    candidates = (
        Session.objects.upcoming()
        .scheduled()
        .filter(roll_call_closed_at__isnull=True)
        .with_counts()
        .order_by("start")
    )
    session = next(
        session
        for session in candidates
        if 3 <= session.confirmed_count <= 6 and attendance.facilitator_ids(session)
    )
    duration = session.end - session.start
    start = timezone.now() - datetime.timedelta(minutes=20)
    Session.objects.filter(pk=session.pk).update(start=start, end=start + duration)
    session.refresh_from_db()
    return session


def counter(registered, present, absent, unmarked):
    return re.compile(
        rf"{registered} personnes inscrites\s+—\s+présents : {present}, "
        rf"absents : {absent}, non relevés : {unmarked}"
    )


def test_the_facilitator_takes_the_roll_call_on_a_phone(phone, demo_live_server):
    base = demo_live_server
    session = session_under_way()
    facilitator = attendance.facilitators(session)[0]
    people = attendance.roll_call(session)  # in the page's order, by name
    *coming, missing, unmarked = people
    total = len(people)

    sign_in(phone, base, facilitator.email)
    phone.goto(f"{base}/seances/{session.pk}/appel/")
    expect(phone.locator("h1")).to_contain_text(session.event.title)
    count = phone.locator("#roll-call-count")
    expect(count).to_contain_text(counter(total, 0, 0, total))

    # Made for one hand: no sideways scrolling, targets a thumb can hit.
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    buttons = phone.locator(".roll-call__buttons button")
    expect(buttons).to_have_count(2 * total)
    for button in buttons.all():
        box = button.bounding_box()
        assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX, box

    # One tap each: present for all but two, absent for one, the last left unmarked. The page
    # stays (no load per tap: roll-call.js) and the focus stays on the button just pressed.
    phone.evaluate("window.sameRollCallPage = true")
    for marked, registration in enumerate(coming, start=1):
        row = phone.locator(f"#inscrit-{registration.pk}")
        row.get_by_role("button", name=PRESENT).tap()
        expect(row.locator(".roll-call__state")).to_have_text("✓ Présent")
        expect(row.get_by_role("button", name=PRESENT)).to_have_attribute("aria-pressed", "true")
        expect(row.get_by_role("button", name=PRESENT)).to_be_focused()
        expect(count).to_contain_text(counter(total, marked, 0, total - marked))
    row = phone.locator(f"#inscrit-{missing.pk}")
    row.get_by_role("button", name=ABSENT).tap()
    row = phone.locator(f"#inscrit-{missing.pk}")
    expect(row.locator(".roll-call__state")).to_have_text("✗ Absent")
    expect(count).to_contain_text(counter(total, len(coming), 1, 1))
    expect(phone.locator(f"#inscrit-{unmarked.pk} .roll-call__state")).to_have_text("Non relevé")
    assert phone.evaluate("window.sameRollCallPage === true")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.screenshot(path=artifacts_dir() / "roll-call-phone.png", full_page=True)

    # Closing asks first, and says who will be recorded absent.
    phone.get_by_role("link", name="Clore l'appel").tap()
    confirm = phone.locator(".roll-call__confirm")
    expect(confirm.get_by_role("heading", name="Clore l'appel ?")).to_be_visible()
    expect(confirm).to_contain_text("1 personne pas encore pointée sera notée absente.")
    confirm.get_by_role("button", name="Oui, clore l'appel").tap()

    expect(phone.get_by_text("L'appel est clos : ")).to_contain_text(
        f"{len(coming)} présents, 2 absents"
    )
    expect(phone.locator(".roll-call__notice")).to_have_text("L'appel de cette séance est clos.")
    expect(phone.locator(".roll-call__buttons")).to_have_count(0)
    expect(phone.get_by_role("link", name="Clore l'appel")).to_have_count(0)
    expect(count).to_contain_text(counter(total, len(coming), 2, 0))
    expect(phone.locator(f"#inscrit-{unmarked.pk} .roll-call__state")).to_have_text("✗ Absent")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.screenshot(path=artifacts_dir() / "roll-call-phone-closed.png", full_page=True)

    session.refresh_from_db()
    assert session.status == SessionStatus.DONE
    assert session.roll_call_closed_at is not None
    assert session.roll_call_closed_by == facilitator
    states = dict(
        Registration.objects.filter(
            session=session, status=RegistrationStatus.CONFIRMED
        ).values_list("pk", "attendance")
    )
    assert states == {
        **{registration.pk: Attendance.PRESENT for registration in coming},
        missing.pk: Attendance.ABSENT,
        unmarked.pk: Attendance.ABSENT,
    }
    figures = attendance.figures(session)
    assert (figures.attendees, figures.no_shows, figures.unmarked) == (len(coming), 2, 0)


def test_an_attendee_answers_the_questionnaire_from_the_email_without_signing_in(
    page, demo_live_server, mailoutbox
):
    base = demo_live_server
    invitation = (
        FeedbackInvitation.objects.filter(
            answered=False, registration__attendance=Attendance.PRESENT
        )
        .select_related("registration__user", "registration__session__event")
        .order_by("-registration__session__end")
        .first()
    )
    session = invitation.registration.session
    before = set(FeedbackAnswer.objects.filter(session=session).values_list("pk", flat=True))

    # The link comes from the e-mail the attendee receives.
    feedback_request(invitation)
    (message,) = [m for m in mailoutbox if m.to == [invitation.registration.user.email]]
    path = re.search(r"https?://[^/\s]+(/avis/[^\s]+/)", message.body).group(1)
    assert path == f"/avis/{invitation.token}/"

    page.goto(f"{base}{path}")
    expect(page.locator("h1")).to_have_text("Votre avis sur la séance")
    expect(page.locator("body")).to_contain_text(session.event.title)
    expect(page.locator("header.site-header")).not_to_contain_text("Connecté en tant que")

    # Sent without a rating: the French message beside the question, the comment kept.
    skills = page.get_by_role("group", name=SKILLS_QUESTION)
    skills.get_by_label("plutôt oui", exact=True).check()
    page.get_by_label("Qu'allez-vous mettre en pratique ? (facultatif)").fill(
        "Le publipostage pour les convocations du conseil."
    )
    comment = page.get_by_label("Commentaire (facultatif)")
    comment.fill("Rythme soutenu, exemples concrets.")
    page.get_by_role("button", name="Envoyer mon avis").click()

    expect(page).to_have_title(re.compile(r"^Erreur :"))
    rating = page.get_by_role("group", name=RATING_QUESTION)
    expect(rating.locator(".form-field__error")).to_have_text(
        "Choisissez la réponse la plus proche de votre expérience."
    )
    expect(rating).to_have_attribute("aria-describedby", re.compile(r"_error$"))
    expect(page.get_by_role("alert")).to_contain_text("Veuillez corriger les points suivants :")
    expect(comment).to_have_value("Rythme soutenu, exemples concrets.")
    expect(skills.get_by_label("plutôt oui", exact=True)).to_be_checked()
    assert set(FeedbackAnswer.objects.filter(session=session).values_list("pk", flat=True)) == (
        before
    )

    # Corrected and sent: thanked, the answer stored without a name, the link used up.
    rating.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Envoyer mon avis").click()
    expect(page.locator("h1")).to_have_text("Merci")
    expect(page.get_by_role("status")).to_have_text(
        "Votre réponse est enregistrée, de façon anonyme."
    )
    page.screenshot(path=artifacts_dir() / "feedback-thanks.png", full_page=True)

    new = FeedbackAnswer.objects.filter(session=session).exclude(pk__in=before)
    assert new.count() == 1
    answer = new.get()
    assert answer.rating == 4
    assert answer.useful_skills == UsefulSkills.RATHER_YES
    assert answer.will_apply == "Le publipostage pour les convocations du conseil."
    assert answer.comment == "Rythme soutenu, exemples concrets."
    assert answer.answered_on == timezone.localdate()
    invitation.refresh_from_db()
    assert invitation.answered

    # The same link again: already answered, no form, nothing stored.
    page.goto(f"{base}{path}")
    expect(page.locator("h1")).to_have_text("Déjà répondu")
    expect(page.locator("form.form")).to_have_count(0)
    expect(page.get_by_role("button", name="Envoyer mon avis")).to_have_count(0)
    assert FeedbackAnswer.objects.filter(session=session).exclude(pk__in=before).count() == 1


def test_a_tap_after_someone_else_closed_the_roll_call_shows_why(phone, demo_live_server):
    """Two facilitators, one phone each: the second one's tap comes after the first closed the
    roll call. The tap changes nothing and the page says why, in French."""
    base = demo_live_server
    session = session_under_way()
    facilitator = attendance.facilitators(session)[0]
    first, second, *_rest = attendance.roll_call(session)
    sign_in(phone, base, facilitator.email)
    phone.goto(f"{base}/seances/{session.pk}/appel/")

    attendance.mark(session.pk, first.pk, True, facilitator)  # on the other phone
    attendance.close_roll_call(session.pk, facilitator)
    phone.locator(f"#inscrit-{second.pk}").get_by_role("button", name=PRESENT).tap()

    expect(phone.get_by_role("alert")).to_have_text("L'appel de cette séance est clos.")
    expect(phone.locator(".roll-call__buttons")).to_have_count(0)
    second.refresh_from_db()
    assert second.attendance == Attendance.ABSENT  # a no-show, as the closing recorded


def test_a_tap_after_the_sign_in_expired_leads_to_sign_in_and_back(phone, demo_live_server):
    """The phone stayed on the roll call while the sign-in expired: the tap records nothing,
    and the facilitator signs in again and lands back on the roll call, not on a blank page."""
    base = demo_live_server
    session = session_under_way()
    facilitator = attendance.facilitators(session)[0]
    first, *_rest = attendance.roll_call(session)
    sign_in(phone, base, facilitator.email)
    phone.goto(f"{base}/seances/{session.pk}/appel/")

    phone.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)  # the CSRF cookie stays
    phone.locator(f"#inscrit-{first.pk}").get_by_role("button", name=PRESENT).tap()

    expect(phone).to_have_url(re.compile(rf"/connexion/\?next=/seances/{session.pk}/appel/$"))
    first.refresh_from_db()
    assert first.attendance == Attendance.UNKNOWN
