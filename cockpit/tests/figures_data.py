"""A fixed data set for the cockpit's figures, with every expected value counted by hand.

Two series (“Ac'Truc²”: workshop W1, theme Bureautique; “Midi Truc”: workshop W2, theme
Management), in 2025 (Europe/Paris):

====  ===================  ======  ========  ==========================================
S1    W1  10 Mar 09:00–11:00  2 h   cap 10   done: 6 present, 2 absent, 2 still waiting
S2    W1   1 Jun 00:30–02:00  1.5 h cap 5    done: 4 present (1 promoted), 1 absent; run
                                             by fb (named on the session) — 31 May in UTC
S3    W2  15 Jun 14:00–17:00  3 h   cap 20   done: 9 present, 1 absent (all “finances”)
S4    W2  20 Sep              cancelled      3 confirmed, 1 waiting: never counted
S6    W1   5 Nov 10:00–11:00    cap 8        scheduled, roll call never closed: 4 confirmed
S5    W1  15 Dec 2024 10:00–12:00            done: 5 present (outside 2025)
====  ===================  ======  ========  ==========================================

W1's page names fa; W2's names fa and fc. Feedback: 6 invitations at S1, 9 at S3; 5 answers at
S1 (ratings 5 4 3 4 4, useful 3 of 5), 6 at S3 (ratings 5 5 5 4 4 2, useful 4 of 6).
"""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from community.factories import TrainingNeedFactory, UserFactory
from community.models import NeedStatus
from events.factories import (
    RegistrationFactory,
    SeriesFactory,
    SessionFactory,
    WorkshopCatalogPageFactory,
    WorkshopPageFactory,
)
from events.models import (
    Attendance,
    FeedbackAnswer,
    FeedbackInvitation,
    Registration,
    RegistrationStatus,
    SessionStatus,
    UsefulSkills,
)
from resources.factories import ActivityPageFactory, LibraryPageFactory, ThemeFactory
from resources.models import ActivityPage, Reuse

PARIS = ZoneInfo("Europe/Paris")
FINANCES = "Direction des finances"
HR = "Direction des ressources humaines"
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}


def at(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def _session(event, start, minutes, capacity, status=SessionStatus.DONE, facilitators=()):
    closed = status == SessionStatus.DONE
    session = SessionFactory(
        event=event,
        start=start,
        end=start + datetime.timedelta(minutes=minutes),
        capacity=capacity,
        status=status,
        roll_call_closed_at=start + datetime.timedelta(hours=4) if closed else None,
    )
    if facilitators:
        session.facilitators.set(facilitators)
    return session


def _register(session, users, attendance="", status=RegistrationStatus.CONFIRMED, **extra):
    return [
        RegistrationFactory(
            session=session,
            user=user,
            status=status,
            attendance=attendance,
            queued_at=session.start - datetime.timedelta(days=10),
            **extra,
        )
        for user in users
    ]


def _answers(session, ratings, useful):
    for rating, skills in zip(ratings, useful, strict=True):
        FeedbackAnswer.objects.create(
            session=session,
            rating=rating,
            useful_skills=skills,
            answered_on=timezone.localdate(session.end),
        )


def _people(prefix, count, service=HR):
    return [
        UserFactory(email=f"{prefix}{n}@atelier.example", service=service, last_name=f"{prefix}{n}")
        for n in range(count)
    ]


@pytest.fixture
def dataset(home_page):
    series_a = SeriesFactory(name="Ac'Truc²", slug="ac-truc")
    series_b = SeriesFactory(name="Midi Truc", slug="midi-truc")
    office = ThemeFactory(name="Bureautique", slug="bureautique")
    management = ThemeFactory(name="Management", slug="management")
    fa = UserFactory(email="fa@atelier.example", first_name="Anne", last_name="Fabre")
    fb = UserFactory(email="fb@atelier.example", first_name="Bruno", last_name="Blanc")
    fc = UserFactory(email="fc@atelier.example", first_name="Chloé", last_name="Caron")

    catalog = WorkshopCatalogPageFactory(parent=home_page)
    w1 = WorkshopPageFactory(parent=catalog, title="Tableur", series=series_a)
    w1.themes.set([office])
    w1.facilitators.set([fa])
    w1.save()
    w2 = WorkshopPageFactory(parent=catalog, title="Manager", series=series_b)
    w2.themes.set([management])
    w2.facilitators.set([fa, fc])
    w2.save()

    s1 = _session(w1, at(2025, 3, 10, 9), 120, 10)
    s2 = _session(w1, at(2025, 6, 1, 0, 30), 90, 5, facilitators=[fb])
    s3 = _session(w2, at(2025, 6, 15, 14), 180, 20)
    s4 = _session(w2, at(2025, 9, 20, 10), 120, 12, status=SessionStatus.CANCELLED)
    s6 = _session(w1, at(2025, 11, 5, 10), 60, 8, status=SessionStatus.SCHEDULED)
    s5 = _session(w1, at(2024, 12, 15, 10), 120, 10)

    hr = _people("rh", 12)  # rh0…rh5 at S1, rh0 and rh1 again at S2
    finances = _people("fin", 10, service=FINANCES)
    others = _people("autre", 20)

    s1_present = _register(s1, hr[:6], Attendance.PRESENT)
    _register(s1, hr[6:8], Attendance.ABSENT)
    _register(s1, hr[8:10], status=RegistrationStatus.WAITLISTED)
    _register(s2, [hr[0], hr[1], others[0]], Attendance.PRESENT)
    _register(
        s2, [others[1]], Attendance.PRESENT, promoted_at=at(2025, 5, 30, 12)
    )  # came from the waiting list
    _register(s2, [others[2]], Attendance.ABSENT)
    s3_present = _register(s3, finances[:9], Attendance.PRESENT)
    _register(s3, finances[9:], Attendance.ABSENT)
    _register(s4, others[3:6])
    _register(s4, others[6:7], status=RegistrationStatus.WAITLISTED)
    _register(s6, others[7:11])
    _register(s5, others[11:16], Attendance.PRESENT)
    # Cancelled registrations count nowhere.
    _register(s1, others[16:17], status=RegistrationStatus.CANCELLED)

    for registration in [*s1_present, *s3_present]:
        FeedbackInvitation.objects.create(registration=registration, sent_at=s1.end)
    y, ry, n, rn = (
        UsefulSkills.YES,
        UsefulSkills.RATHER_YES,
        UsefulSkills.NO,
        UsefulSkills.RATHER_NO,
    )
    _answers(s1, [5, 4, 3, 4, 4], [y, ry, n, y, rn])
    _answers(s3, [5, 5, 5, 4, 4, 2], [y, y, ry, rn, n, y])

    library = LibraryPageFactory(parent=home_page)
    spreadsheet = ActivityPageFactory(parent=library, title="Tableur express", themes=[office])
    adapted = ActivityPageFactory(parent=library, title="Tableur adapté", themes=[management])
    older = ActivityPageFactory(parent=library, title="Photolangage", themes=[management])
    ActivityPage.objects.filter(pk=spreadsheet.pk).update(first_published_at=at(2025, 2, 1, 10))
    ActivityPage.objects.filter(pk=adapted.pk).update(
        first_published_at=at(2025, 4, 1, 10), adapted_from=spreadsheet
    )
    ActivityPage.objects.filter(pk=older.pk).update(first_published_at=at(2024, 6, 1, 10))
    Reuse.objects.create(activity=older, user=hr[0], used_on=datetime.date(2025, 3, 1))
    Reuse.objects.create(activity=spreadsheet, user=hr[1], used_on=datetime.date(2025, 5, 1))
    Reuse.objects.create(activity=spreadsheet, user=hr[2], used_on=datetime.date(2025, 5, 2))
    Reuse.objects.create(activity=spreadsheet, user=hr[3], used_on=datetime.date(2024, 12, 1))

    TrainingNeedFactory(theme=office, voters=hr[:3])
    TrainingNeedFactory(theme=office, voters=hr[3:4])
    TrainingNeedFactory(theme=management, voters=hr[4:6])
    TrainingNeedFactory(theme=management, voters=others[:5], status=NeedStatus.CLOSED)

    return SimpleNamespace(
        series_a=series_a,
        series_b=series_b,
        office=office,
        management=management,
        fa=fa,
        fb=fb,
        fc=fc,
        w1=w1,
        w2=w2,
        s1=s1,
        s2=s2,
        s3=s3,
        s4=s4,
        s5=s5,
        s6=s6,
    )


def add_registrations(session, count, start=0):
    """``count`` more attendees at ``session``, written in bulk (volume tests)."""
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"volume{start + n}@atelier.example", password="!", service=HR)
        for n in range(count)
    )
    if users[0].pk is None:  # a database that does not return primary keys from bulk_create
        users = list(User.objects.filter(email__startswith="volume").order_by("-pk")[:count])
    Registration.objects.bulk_create(
        Registration(
            session=session,
            user=user,
            status=RegistrationStatus.CONFIRMED,
            attendance=Attendance.PRESENT,
            queued_at=session.start,
        )
        for user in users
    )
