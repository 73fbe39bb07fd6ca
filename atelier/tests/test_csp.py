"""Content-Security-Policy: a strict policy on the public site (no inline script or style), the
admin's own policy under /admin/ (Wagtail's widgets need inline scripts), report-only mode, and
Chromium loading the main pages of both with no violation while the page editor still works."""

import json
import secrets

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY
from django.apps import apps
from django.conf import settings as django_settings
from django.urls import reverse

from atelier.tests.test_settings import run_manage
from community.factories import AccessibilityStatementPageFactory
from community.tests.browser import DEFAULT_TIMEOUT_MS
from events.factories import SeriesFactory, WorkshopCatalogPageFactory, WorkshopPageFactory
from resources.factories import ActivityPageFactory, LibraryPageFactory

SITE_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def directives(header):
    """A policy header as {directive: [sources]}."""
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parts}


# --- Headers ------------------------------------------------------------------------------


@pytest.fixture
def public_urls(home_page):
    """The main public pages, built from factories (a workshop of a series, so that its
    colour mark shows)."""
    AccessibilityStatementPageFactory(parent=home_page)  # the footer links to it
    library = LibraryPageFactory(parent=home_page)
    activity = ActivityPageFactory(parent=library, title="Le jeu de l'accueil difficile")
    catalogue = WorkshopCatalogPageFactory(parent=home_page)
    workshop = WorkshopPageFactory(parent=catalogue, series=SeriesFactory(colour="#a81f5f"))
    return {
        "home": "/",
        "library": library.url,
        "activity": activity.url,
        "catalogue": catalogue.url,
        "workshop": workshop.url,
        "search": reverse("search") + "?q=accueil",
        "sign-in": reverse("login"),
    }


@pytest.mark.parametrize(
    "name", ["home", "library", "activity", "catalogue", "workshop", "search", "sign-in"]
)
def test_public_pages_get_the_strict_policy(client, public_urls, name):
    response = client.get(public_urls[name])

    assert response.status_code == 200
    assert HEADER_REPORT_ONLY not in response
    assert directives(response[HEADER]) == SITE_DIRECTIVES
    assert "unsafe" not in response[HEADER]


def test_a_series_colour_is_an_svg_fill_not_an_inline_style(client, public_urls):
    html = client.get(public_urls["workshop"]).content.decode()

    assert '<circle cx="5" cy="5" r="5" fill="#a81f5f"/>' in html
    assert " style=" not in html


def test_admin_pages_get_the_admin_policy(client, superuser):
    client.force_login(superuser)

    for url in ["/admin/", "/admin/pages/", "/admin/images/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response[HEADER])
        assert policy == {
            **SITE_DIRECTIVES,
            "script-src": ["'self'", "'unsafe-inline'"],
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:", "blob:"],
            "frame-ancestors": ["'self'"],
        }, url
        assert "'unsafe-eval'" not in response[HEADER]


def test_the_admin_sign_in_page_gets_the_admin_policy_too(client, db):
    response = client.get("/admin/login/")

    assert directives(response[HEADER])["script-src"] == ["'self'", "'unsafe-inline'"]


def test_report_only_mode_reports_and_enforces_nothing(client, superuser, home_page, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    del settings.CONTENT_SECURITY_POLICY

    public = client.get("/")
    client.force_login(superuser)
    admin = client.get("/admin/")

    assert HEADER not in public and HEADER not in admin
    assert directives(public[HEADER_REPORT_ONLY]) == SITE_DIRECTIVES
    assert directives(admin[HEADER_REPORT_ONLY])["script-src"] == ["'self'", "'unsafe-inline'"]


def test_the_environment_chooses_report_only_mode_and_the_report_address():
    """CSP_REPORT_ONLY and CSP_REPORT_URI, as a deployment sets them, with production settings
    (whose ``check --deploy`` stays clean in this mode too)."""
    deployment = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "atelier.example",
        "CSP_REPORT_ONLY": "True",
        "CSP_REPORT_URI": "https://csp.atelier.example/rapports",
    }

    shown = run_manage("diffsettings", **deployment)
    check = run_manage("check", "--deploy", "--fail-level", "WARNING", **deployment)

    assert shown.returncode == 0, shown.stderr
    assert "CONTENT_SECURITY_POLICY_REPORT_ONLY = {" in shown.stdout
    assert "\nCONTENT_SECURITY_POLICY = " not in shown.stdout
    assert "'report-uri': ['https://csp.atelier.example/rapports']" in shown.stdout
    assert check.returncode == 0, check.stderr


def test_enforcing_is_the_default():
    assert django_settings.ATELIER_CSP_REPORT_ONLY is False
    assert django_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] is None


# --- In Chromium --------------------------------------------------------------------------

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.cspViolations.push(
    `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
));
"""


@pytest.fixture
def admin_page(browser, demo_live_server):
    """A page signed in to the admin as the demo administrator, recording CSP violations
    (the `securitypolicyviolation` events, and Chromium's console errors about the policy)."""
    from community.demo import ADMIN_EMAIL, DEMO_PASSWORD

    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console_csp_errors = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and page.console_csp_errors.append(message.text)
        ),
    )
    page.goto(f"{demo_live_server}/admin/login/")
    page.fill("#id_username", ADMIN_EMAIL)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{demo_live_server}/admin/")
    try:
        yield page
    finally:
        context.close()


def visit(page, url):
    """Load a page and let its scripts run; return the enforced policy and the violations."""
    page.console_csp_errors.clear()
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, url
    violations = page.evaluate("window.cspViolations") + page.console_csp_errors
    return response.headers.get("content-security-policy", ""), violations


def first_live(label):
    return apps.get_model(label).objects.live().order_by("path").first()


@pytest.mark.browser
def test_chromium_sees_no_violation_and_the_admin_still_works(admin_page, demo_live_server):
    base = demo_live_server
    activity = first_live("resources.ActivityPage")
    workshop = first_live("events.WorkshopPage")
    public = {
        "home": "/",
        "library": first_live("resources.LibraryPage").url,
        "activity": activity.url,
        "catalogue": first_live("events.WorkshopCatalogPage").url,
        "workshop": workshop.url,
        "event": first_live("events.ExchangeEventPage").url,
        "search": reverse("search") + "?q=accueil",
    }
    badge = apps.get_model("community.Badge").objects.order_by("pk").first()
    series = apps.get_model("events.Series").objects.order_by("pk").first()
    admin = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{activity.get_parent().pk}/",
        "activity edit": f"/admin/pages/{activity.pk}/edit/",
        "workshop edit": f"/admin/pages/{workshop.pk}/edit/",
        "badge edit": f"/admin/snippets/community/badge/edit/{badge.pk}/",
        "series edit": f"/admin/snippets/events/series/edit/{series.pk}/",
    }

    found = {}
    for name, url in {**public, **admin}.items():
        policy, violations = visit(admin_page, base + url)
        assert policy, f"{name}: no enforced policy"
        assert ("'unsafe-inline'" in directives(policy)["script-src"]) == (name in admin), name
        if violations:
            found[name] = violations

        if name == "workshop":  # JSON-LD is data: the strict policy lets it be read
            json_ld = admin_page.locator('script[type="application/ld+json"]').first
            data = json.loads(json_ld.text_content())
            assert "https://schema.org" in json.dumps(data)

    assert found == {}

    # The chooser widgets' inline scripts ran: the image chooser opens its modal.
    visit(admin_page, base + admin["badge edit"])
    admin_page.click("#id_image-chooser .w-dropdown__toggle")
    admin_page.locator("[data-chooser-action-choose]:visible").first.click()
    admin_page.locator(".modal").get_by_role("heading", name="Choisir une image").wait_for()

    # The page editor: a field takes a new value and the draft is saved.
    visit(admin_page, base + admin["activity edit"])
    admin_page.fill("#id_title", "Le titre changé sous CSP")
    admin_page.get_by_role("button", name="Enregistrer le brouillon").click()
    admin_page.locator(".messages .success").wait_for()
    assert admin_page.evaluate("window.cspViolations") == []
    activity.refresh_from_db()
    assert activity.get_latest_revision().content["title"] == "Le titre changé sous CSP"
