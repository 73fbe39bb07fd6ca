"""Rules found in review: restricted events, sign-in-only sites, waiting list in calendars,
cancelled and deleted sessions, what “past sessions” means, when registration opens."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from community.factories import UserFactory
from events import services
from events.factories import RegistrationFactory, SessionFactory
from events.models import CalendarToken, Registration, Session, SessionStatus
from events.tests.test_admin import session_form_data

pytestmark = pytest.mark.django_db


def test_a_restricted_event_takes_no_registration(client, workshop, agent):
    session = SessionFactory(event=workshop)
    PageViewRestriction.objects.create(page=workshop, restriction_type="login")
    with pytest.raises(services.RegistrationError, match="n'existe pas"):
        services.register(session.pk, agent)
    assert not Registration.objects.exists()
    # …nor does a listing or a public feed show it.
    assert workshop.title not in client.get(workshop.get_parent().url).content.decode()
    assert str(session.uid) not in client.get("/agenda.ics").content.decode()


def test_the_page_says_when_registration_opens(client, workshop, agent):
    SessionFactory(event=workshop, registration_opens=timezone.now() + timedelta(days=3))
    client.force_login(agent)
    page = client.get(workshop.url).content.decode()
    assert "Les inscriptions ouvrent le" in page
    assert "S'inscrire" not in page


def test_registration_cannot_open_after_the_start(workshop):
    session = SessionFactory.build(
        event=workshop,
        start=timezone.now() + timedelta(days=2),
        end=timezone.now() + timedelta(days=2, hours=1),
        registration_opens=timezone.now() + timedelta(days=3),
    )
    with pytest.raises(ValidationError) as refusal:
        session.full_clean()
    assert "registration_opens" in refusal.value.message_dict


@override_settings(ATELIER_SIGN_IN_REQUIRED=True)
def test_a_sign_in_only_site_still_serves_the_secret_links(client, workshop, agent):
    registration = services.register(SessionFactory(event=workshop).pk, agent)
    token = CalendarToken.objects.create(user=agent)
    assert client.get(f"/agenda/moi/{token.token}.ics").status_code == 200
    assert client.get(f"/inscriptions/annuler/{registration.token}/").status_code == 200
    # Everything else asks to sign in, the public feed included.
    assert client.get("/agenda.ics").status_code == 302
    assert client.get("/mes-inscriptions/").status_code == 302


def test_a_place_on_the_waiting_list_is_tentative_in_my_calendar(client, workshop, agent):
    full = SessionFactory(event=workshop, capacity=1)
    services.register(full.pk, UserFactory())
    services.register(full.pk, agent)
    token = CalendarToken.objects.create(user=agent)
    calendar = Calendar.from_ical(client.get(f"/agenda/moi/{token.token}.ics").content)
    (event,) = calendar.walk("VEVENT")
    assert event["STATUS"] == "TENTATIVE"
    assert not event.walk("VALARM")


def test_past_sessions_are_the_ones_taken_part_in(client, workshop, agent):
    earlier = timezone.now() - timedelta(days=10)

    def past_session(title_hint, **changes):
        return SessionFactory(
            event=workshop,
            start=earlier,
            end=earlier + timedelta(hours=1),
            place=title_hint,
            **changes,
        )

    RegistrationFactory(user=agent, session=past_session("Salle A"))
    RegistrationFactory(user=agent, session=past_session("Salle B"), status="waitlisted")
    RegistrationFactory(user=agent, session=past_session("Salle C", status=SessionStatus.CANCELLED))
    client.force_login(agent)
    past = client.get("/mes-inscriptions/").context["past"]
    assert [registration.session.place for registration in past] == ["Salle A"]


def admin_edit(client, session, **changes):
    return client.post(
        f"/admin/events/sessions/edit/{session.pk}/", session_form_data(session, **changes)
    )


def test_cancelling_a_session_in_the_admin_tells_everyone_registered(
    client, workshop, team_member, django_capture_on_commit_callbacks
):
    session = SessionFactory(event=workshop, capacity=1)
    seated, waiting = UserFactory(), UserFactory()
    services.register(session.pk, seated)
    services.register(session.pk, waiting)
    mail.outbox.clear()
    client.force_login(team_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_edit(client, session, status=SessionStatus.CANCELLED)
    assert response.status_code == 302, response.context["form"].errors
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    assert sorted(message.to[0] for message in mail.outbox) == sorted([seated.email, waiting.email])
    assert "annulée" in mail.outbox[0].subject


def test_a_session_with_registrations_is_never_deleted(client, workshop, team_member):
    session = SessionFactory(event=workshop)
    services.register(session.pk, UserFactory())
    empty = SessionFactory(event=workshop)
    client.force_login(team_member)
    response = client.post(f"/admin/events/sessions/delete/{session.pk}/", follow=True)
    assert Session.objects.filter(pk=session.pk).exists()
    assert "ne peut pas être supprimée" in response.content.decode()
    client.post(f"/admin/events/sessions/delete/{empty.pk}/")
    assert not Session.objects.filter(pk=empty.pk).exists()
