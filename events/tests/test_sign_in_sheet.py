"""The sign-in sheet: a PDF that opens, lists exactly the confirmed registrants by last name
with their accents, repeats its header on every page, and is only for the people who run the
session."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from pypdf import PdfReader

from community.factories import UserFactory
from events.factories import RegistrationFactory, SeriesFactory, SessionFactory
from events.models import RegistrationStatus
from events.services.attendance import by_name as sort_key
from events.sign_in_sheet import pdf_text

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def sheet_url(session):
    return reverse("events:sign_in_sheet", args=[session.pk])


def text_of(response):
    reader = PdfReader(io.BytesIO(response.content))
    return [page.extract_text() for page in reader.pages]


@pytest.fixture
def session(workshop, trainer):
    workshop.series = SeriesFactory(name="Un truc² en +", slug="truc")
    workshop.save()
    start = datetime(2027, 1, 14, 18, 0, tzinfo=PARIS)
    session = SessionFactory(
        event=workshop,
        start=start,
        end=start + timedelta(minutes=90),
        place="Salle « Olympe de Gouges »",
        capacity=12,
    )
    session.facilitators.add(trainer)
    people = [
        ("Zoé", "Zola", "Direction de l’eau", RegistrationStatus.CONFIRMED),
        ("Hélène", "Bézier", "Médiathèque", RegistrationStatus.CONFIRMED),
        ("Élodie", "Écuyer", "Crèche « Les Lutins »", RegistrationStatus.CONFIRMED),
        ("François", "Abadie", "Service propreté", RegistrationStatus.CONFIRMED),
        ("Wanda", "Waiting", "", RegistrationStatus.WAITLISTED),
        ("Cédric", "Cancelled", "", RegistrationStatus.CANCELLED),
    ]
    for first, last, service, status in people:
        user = UserFactory(first_name=first, last_name=last, service=service)
        RegistrationFactory(session=session, user=user, status=status)
    return session


def test_the_sheet_lists_exactly_the_confirmed_by_last_name_with_accents(client, session, trainer):
    client.force_login(trainer)
    response = client.get(sheet_url(session))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="emargement-les-tableaux-croises-dynamiques-2027-01-14.pdf"'
    )
    text = "\n".join(text_of(response))
    names = ["ABADIE François", "BÉZIER Hélène", "ÉCUYER Élodie", "ZOLA Zoé"]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)  # É sorts with E, not after Z
    assert "WAITING" not in text and "CANCELLED" not in text
    # The table: its heading with the signature column, then one row per confirmed person.
    table = text.split("Nom Service Signature\n")[1].split("\nPage 1/1")[0]
    assert [row.split(" ", 2)[:2] for row in table.splitlines()] == [
        name.split(" ") for name in names
    ]
    assert "Inscrits : 4" in text
    for fact in (
        "Les tableaux croisés dynamiques",
        "Un truc² en +",
        "18h00",
        "19h30",
        "Salle « Olympe de Gouges »",
        "Nathalie Girard",
        "Direction de l’eau",
        "Crèche « Les Lutins »",
        "12",
    ):
        assert fact in text


def test_a_long_list_breaks_pages_with_the_header_and_page_numbers_repeated(
    client, session, team_member
):
    for n in range(40):
        RegistrationFactory(session=session, user=UserFactory(last_name=f"Nom{n:02d}"))
    client.force_login(team_member)

    pages = text_of(client.get(sheet_url(session)))

    assert len(pages) >= 2
    heading = pages[0].split("ABADIE")[0].strip().splitlines()[-1]  # the table's heading row
    for number, page in enumerate(pages, start=1):
        assert heading in page
        assert f"{number}/{len(pages)}" in page
    listed = sum(page.count("NOM") for page in pages)
    assert listed == 40


def test_only_the_people_who_run_the_session_get_the_sheet(client, session, agent):
    client.force_login(agent)
    assert client.get(sheet_url(session)).status_code == 403
    client.logout()
    assert client.get(sheet_url(session)).status_code in (302, 403)


def test_an_empty_session_still_gives_a_sheet(client, workshop, team_member):
    client.force_login(team_member)
    response = client.get(sheet_url(SessionFactory(event=workshop)))
    assert response.status_code == 200
    assert len(text_of(response)) == 1


def test_characters_the_font_cannot_draw_are_replaced_not_lost():
    assert pdf_text("l’été « TRUC² » — œuvre 5 €") == "l’été « TRUC² » — œuvre 5 €"
    assert pdf_text("Dvořák Erdős") == "Dvorák Erdos"  # á is drawable, ř and ő are not
    assert pdf_text("Bravo 🎉") == "Bravo ?"


def test_names_sort_without_regard_to_accents_or_case():
    people = [
        UserFactory.build(last_name=last, first_name="A")
        for last in ("zola", "Écuyer", "Eco", "abadie")
    ]
    assert [p.last_name for p in sorted(people, key=sort_key)] == [
        "abadie",
        "Eco",
        "Écuyer",
        "zola",
    ]
