"""The events' demo content: a realistic programme around today, loaded once and only once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from community.models import User
from community.roles import TRAINERS, TRAINING_TEAM
from community.tests.demo_loading import load_demo_quietly
from events.models import (
    Attendance,
    EventIndexPage,
    ExchangeEventPage,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
    WorkshopCatalogPage,
    WorkshopPage,
)
from events.services.overbooking import no_show_measure

# They load the demo content themselves: tests of the content, run on SQLite only (.ci/run).
pytestmark = [pytest.mark.django_db, pytest.mark.demo]

SERIES_NAMES = {
    "Un truc² en +",
    "Ac'Truc²",
    "Prépa'Truc²",
    "Eco'Truc²",
    "Communauté des managers",
}


def _luminance(colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_with_white(colour):
    return 1.05 / (_luminance(colour) + 0.05)


def test_load_demo_sends_no_e_mail_for_its_registrations(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_quietly()

    assert Registration.objects.count() > 100
    assert mail.outbox == []


class TestOnTheDemoSite:
    """On the demo content, loaded once for the class."""

    def test_series_workshops_and_exchange_events_are_published(self, demo_content):
        assert set(Series.objects.values_list("name", flat=True)) == SERIES_NAMES
        for series in Series.objects.all():
            assert series.description
            assert contrast_with_white(series.colour) >= 4.5, series.name

        workshops = WorkshopPage.objects.live()
        exchanges = ExchangeEventPage.objects.live()
        assert workshops.count() >= 20
        assert exchanges.count() >= 6
        assert WorkshopCatalogPage.objects.live().get().show_in_menus
        assert EventIndexPage.objects.live().get().show_in_menus
        for page in [*workshops, *exchanges]:
            assert page.latest_revision_id and page.first_published_at, page.title
            assert page.facilitators.exists(), page.title
            assert page.themes.exists(), page.title
        for workshop in workshops:
            assert workshop.series_id and workshop.objectives and workshop.audience, workshop.title
        assert workshops.filter(activities__isnull=False).distinct().count() >= 15
        assert exchanges.filter(kind="conference").exclude(speakers="").exists()
        # Any agent can facilitate, not only the trainers and the training team.
        facilitators = User.objects.filter(facilitated_events__in=workshops).distinct()
        assert facilitators.exclude(groups__name__in=[TRAINERS, TRAINING_TEAM]).count() >= 5

    def test_sessions_surround_today_with_full_and_cancelled_ones_and_monthly_meetups(
        self, demo_content
    ):
        sessions = Session.objects.with_counts()
        assert sessions.past().count() >= 20
        assert sessions.upcoming().count() >= 20
        assert not sessions.past().filter(status=SessionStatus.SCHEDULED).exists()
        assert sessions.upcoming().filter(status=SessionStatus.CANCELLED).count() == 1

        full = [
            session
            for session in sessions.upcoming().scheduled()
            if session.confirmed_count == session.capacity and session.waitlist_count
        ]
        assert full, "at least one full session with a waiting list"

        # Sessions to come went through the rules: never more seats than the capacity, and a
        # waiting list only when full.
        for session in sessions.upcoming():
            assert session.confirmed_count <= session.capacity
            if session.waitlist_count:
                assert session.confirmed_count == session.capacity
        # A seat freed by a cancellation went to the first person waiting.
        assert Registration.objects.filter(
            status=RegistrationStatus.CANCELLED, session__start__gt=timezone.now()
        ).exists()
        assert Registration.objects.filter(promoted_at__isnull=False).exists()

        # A workshop is taken once: nobody holds places in two of its sessions to come.
        coming = Registration.objects.active().filter(
            session__start__gt=timezone.now(), session__event__workshoppage__isnull=False
        )
        pairs = list(coming.values_list("user_id", "session__event_id"))
        assert len(pairs) == len(set(pairs))

        local_starts = [timezone.localtime(s.start) for s in sessions]
        assert all(start.weekday() < 5 for start in local_starts)
        assert all(8 <= start.hour <= 14 for start in local_starts)
        assert sessions.exclude(online_url="").filter(place="").exists()  # online only
        assert sessions.filter(place__startswith="Salle Jean Moulin").exists()

        # Eco'Truc² meets on the first Thursday of the month (the second after a day off).
        meetup = ExchangeEventPage.objects.get(slug="rencontre-mensuelle-eco-truc")
        starts = [timezone.localtime(s.start) for s in meetup.sessions.order_by("start")]
        assert len(starts) >= 6
        assert len({(start.year, start.month) for start in starts}) == len(starts)
        assert all(start.weekday() == 3 and start.day <= 14 for start in starts)
        assert any(start < timezone.now() for start in starts)
        assert any(start > timezone.now() for start in starts)

    def test_past_sessions_have_their_roll_call_no_shows_and_anonymous_answers(self, demo_content):
        past = Session.objects.past()
        assert not past.filter(roll_call_closed_at__isnull=True).exists()
        assert not Session.objects.upcoming().filter(roll_call_closed_at__isnull=False).exists()
        recorded = Registration.objects.filter(
            session__in=past, status=RegistrationStatus.CONFIRMED
        )
        assert not recorded.filter(attendance=Attendance.UNKNOWN).exists()
        absent = recorded.filter(attendance=Attendance.ABSENT).count()
        assert 0.15 <= absent / recorded.count() <= 0.30
        # Each series has enough history for a measured rate, and the rates differ.
        rates = {no_show_measure(series).rate for series in Series.objects.all()}
        assert None not in rates and len(rates) == Series.objects.count()
        assert all(0.10 <= rate <= 0.35 for rate in rates)

        # Only those present are invited; answers are as many as the invitations answered.
        invitations = FeedbackInvitation.objects.all()
        assert not invitations.exclude(registration__attendance=Attendance.PRESENT).exists()
        answered = invitations.filter(answered=True).count()
        assert answered == FeedbackAnswer.objects.count()
        assert 0.30 <= answered / invitations.count() <= 0.55
        answers = FeedbackAnswer.objects.all()
        useful = answers.filter(useful_skills__in=["yes", "rather_yes"]).count()
        assert 0.75 <= useful / answers.count() <= 0.95
        assert answers.filter(rating__gte=4).count() / answers.count() >= 0.7
        assert answers.exclude(comment="").exists() and answers.exclude(will_apply="").exists()
        assert any(FeedbackAnswer.objects.filter(session=session).count() >= 5 for session in past)
        # The follow-up six weeks later: only for sessions that old.
        six_weeks_ago = timezone.now() - timedelta(weeks=6)
        followups = FollowUpAnswer.objects.all()
        assert followups.exists()
        assert not followups.filter(session__end__gt=six_weeks_ago).exists()
        assert followups.count() == invitations.filter(followup_answered=True).count()

    def test_catalogue_and_a_workshop_render(self, client, demo_content):
        response = client.get("/ateliers/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Ateliers" in html
        assert "Les tableaux croisés dynamiques sur tableur" in html
        assert "Un truc² en +" in html

        filtered = client.get("/ateliers/", {"series": "prepa-truc"}).content.decode()
        assert "La note de synthèse, pas à pas" in filtered
        assert "Le publipostage" not in filtered

        response = client.get("/ateliers/les-tableaux-croises-dynamiques-sur-tableur/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Les tableaux croisés dynamiques sur tableur" in html
        assert "Nathalie Girard" in html
        assert "Tableau croisé dynamique en 30 minutes" in html

        response = client.get("/rencontres/")
        assert response.status_code == 200
        assert "Rencontre mensuelle Eco&#x27;Truc²" in response.content.decode()

    def test_a_second_load_demo_creates_nothing(self, demo_content):
        def snapshot():
            return {
                "series": sorted(Series.objects.values_list("pk", "slug")),
                "pages": sorted(WorkshopPage.objects.values_list("pk", "latest_revision_id"))
                + sorted(ExchangeEventPage.objects.values_list("pk", "latest_revision_id")),
                "sessions": sorted(
                    Session.objects.values_list("pk", "start", "status", "sequence")
                ),
                "registrations": sorted(
                    Registration.objects.values_list("pk", "status", "attendance")
                ),
                "roll calls": sorted(Session.objects.values_list("pk", "roll_call_closed_at")),
                "feedback": (
                    sorted(FeedbackInvitation.objects.values_list("pk", "answered")),
                    FeedbackAnswer.objects.count(),
                    FollowUpAnswer.objects.count(),
                ),
            }

        before = snapshot()
        out = StringIO()
        call_command("load_demo", stdout=out)

        assert snapshot() == before
        assert "Rien à faire" in out.getvalue()
        assert "25 ateliers" in out.getvalue()
        assert "Créé" not in out.getvalue()
