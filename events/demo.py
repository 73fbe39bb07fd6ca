"""Demo content of the events: the five series of an agent-to-agent school, the workshop
catalogue and the exchange events, their sessions around today and people registered; for the
sessions that took place, the roll call (some no-shows) and the anonymous questionnaires.

The data is in ``events.demo_workshops``. Idempotent like every demo loader: a series is
found by its slug, a page by its slug under its index, and an event's sessions are created
only when it has none, so a second run creates nothing even on another day (the dates are
relative to the day of the first run).
"""

import datetime
import random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from community.demo import DEMO_PASSWORD, PEOPLE
from community.demo_registry import register
from community.models import HomePage, User
from events import notifications, services
from events.demo_workshops import (
    APPLIED,
    DEFAULT_NO_SHOW_RATE,
    EXCHANGES,
    EXTRA_AGENTS,
    FEEDBACK_ANSWER_RATE,
    FEEDBACK_COMMENTS,
    FOLLOWUP_AFTER_DAYS,
    FOLLOWUP_ANSWER_RATE,
    FOLLOWUP_COMMENTS,
    MONTHLY_MEETUP_MONTHS,
    MONTHLY_MEETUP_REGISTERED,
    MONTHLY_MEETUP_SLUG,
    NO_SHOW_RATES,
    ONLINE_URL,
    PLACES,
    RATINGS,
    SERIES,
    USEFUL_SKILLS,
    WILL_APPLY,
    WORKSHOPS,
)
from events.factories import (
    EventIndexPageFactory,
    ExchangeEventPageFactory,
    WorkshopCatalogPageFactory,
    WorkshopPageFactory,
)
from events.models import (
    Attendance,
    EventFormat,
    EventIndexPage,
    FeedbackAnswer,
    FeedbackInvitation,
    FollowUpAnswer,
    Registration,
    RegistrationStatus,
    Series,
    Session,
    SessionStatus,
    WorkshopCatalogPage,
)
from resources.models import ActivityPage, Theme

DOMAIN = "atelier.example"
ORGANISER = f"karim.benali@{DOMAIN}"  # the training team publishes the programme
CATALOG_INTRO = (
    "Des ateliers d'agent à agent : chacun peut animer, chacun peut apprendre. Bureautique, "
    "accueil du public, management, préparation aux concours, développement durable."
)
INDEX_INTRO = (
    "Communautés de pratique, conférences Ac'Truc² et rencontres entre pairs : pour échanger "
    "sur nos pratiques et suivre l'actualité de la fonction publique."
)
MEETUP_START = "12:15"
MEETUP_PLACE = "gouges"


def _tally(report, kind, count, created):
    if count:  # a zero would still say “created” to the report
        (report.created if created else report.existing)[kind] += count


def _ensure_agents(report):
    """The extra agents, looked up by e-mail as community/demo.py does. Their password is
    hashed once for them all: hashing is slow on purpose, and this one is public anyway."""
    password = None
    for first_name, last_name, local_part, service, job_title in EXTRA_AGENTS:
        email = f"{local_part}@{DOMAIN}"
        exists = User.objects.filter(email__iexact=email).exists()
        if not exists:
            password = password or make_password(DEMO_PASSWORD)
            User.objects.create(
                email=email,
                first_name=first_name,
                last_name=last_name,
                service=service,
                job_title=job_title,
                password=password,
            )
        # Not “comptes”: that count is community's, and says how many accounts it creates.
        report.add("agents participants", not exists)


def _people():
    """Everyone who takes part, by e-mail local part, in a fixed order (not the admin)."""
    order = [person[2] for person in PEOPLE] + [agent[2] for agent in EXTRA_AGENTS]
    found = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__in=[f"{name}@{DOMAIN}" for name in order])
    }
    return {name: found[name] for name in order if name in found}


def _index(report, model, factory, organiser, **fields):
    page = model.objects.first()
    report.add("pages de programme", page is None)
    if page is None:
        page = factory(parent=HomePage.objects.get(), show_in_menus=True, **fields)
        page.owner = organiser
        page.save_revision(user=organiser).publish()
    return page


def _html_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""


def _event(report, label, parent, factory, entry, series, people, organiser, **fields):
    """The event's page, created and published through a revision if missing; and whether
    it was created."""
    slug = entry.get("slug") or slugify(entry["title"])
    page = Page.objects.child_of(parent).filter(slug=slug).first()
    report.add(label, page is None)
    if page is not None:
        return page.specific, False
    page = factory(
        parent=parent,
        title=entry["title"],
        slug=slug,
        series=series.get(entry["series"]),
        summary=entry["summary"],
        description=f"<p>{entry['description']}</p>",
        audience=entry["audience"],
        prerequisites=entry["prerequisites"],
        duration_minutes=entry["duration"],
        format=entry["format"],
        themes=list(Theme.objects.filter(slug__in=[slugify(n) for n in entry["themes"]])),
        facilitators=[people[name] for name in entry["facilitators"] if name in people],
        activities=list(
            ActivityPage.objects.live().filter(
                title__in=entry["activities"], adapted_from__isnull=True
            )
        ),
        proposed_by=people.get(entry.get("proposed_by")),
        owner=organiser,
        **fields,
    )
    # Published through a revision, as in the admin: a publication date and a history.
    page.save_revision(user=organiser).publish()
    return page, True


def _easter(year):
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _is_day_off(day):
    """Weekends, French public holidays, and the week between Christmas and New Year."""
    if day.weekday() >= 5 or (day.month, day.day) in {(5, 1), (5, 8), (7, 14), (8, 15)}:
        return True
    if (day.month, day.day) in {(11, 1), (11, 11)}:
        return True
    if (day.month == 12 and day.day >= 24) or (day.month, day.day) == (1, 1):
        return True
    easter = _easter(day.year)
    return day in {easter + datetime.timedelta(days=n) for n in (1, 39, 50)}


def _workday(today, offset):
    """``offset`` days from today, moved off days off (forward in the future, back in the
    past), so that the sessions stay on their side of today."""
    day = today + datetime.timedelta(days=offset)
    while _is_day_off(day):
        day += datetime.timedelta(days=1 if offset > 0 else -1)
    return day


def _first_thursday(today, months_ahead):
    """The first Thursday of the month, or the second when the first is a day off."""
    month_index = today.year * 12 + today.month - 1 + months_ahead
    first = datetime.date(month_index // 12, month_index % 12 + 1, 1)
    thursday = first + datetime.timedelta(days=(3 - first.weekday()) % 7)
    return thursday + datetime.timedelta(days=7) if _is_day_off(thursday) else thursday


def _at(day, clock):
    hours, minutes = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hours, minutes)))


class _Planner:
    """Creates the sessions of one run of the loader, and registers people to them."""

    def __init__(self, report, people):
        self.report = report
        self.people = list(people.values())
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.turn = 0  # rotates who registers, session after session
        self.taken = None  # for a workshop: who took or will take it

    def sessions(self, event, entry, dated_specs):
        existing = event.sessions.count()
        if existing:
            _tally(self.report, "séances", existing, created=False)
            registrations = Registration.objects.filter(session__event=event).count()
            _tally(self.report, "inscriptions", registrations, created=False)
            return
        facilitators = list(event.facilitators.all())
        # A workshop is taken once: who is registered to one of its sessions to come is not
        # registered to another, and newcomers go before those who already took it (the pool
        # of demo people is small). Regulars come back to the meetups and communities.
        self.taken = {} if "objectives" in entry else None
        for day, clock, place, registered, *particulars in dated_specs:
            options = particulars[0] if particulars else {}
            self._session(event, entry, facilitators, day, clock, place, registered, **options)

    def _session(
        self,
        event,
        entry,
        facilitators,
        day,
        clock,
        place,
        registered,
        capacity=None,
        cancelled=False,
        cancellations=0,
        opens_in=None,
        deadline=None,
    ):
        start = _at(day, clock)
        online = entry["format"] in (EventFormat.REMOTE, EventFormat.HYBRID)
        session = Session.objects.create(
            event=event,
            start=start,
            end=start + datetime.timedelta(minutes=entry["duration"]),
            place=PLACES[place] if place else "",
            online_url=ONLINE_URL.format(slug=event.slug, date=day) if online else "",
            capacity=capacity or entry["capacity"],
            registration_opens=(
                _at(self.today + datetime.timedelta(days=opens_in), "09:00") if opens_in else None
            ),
            registration_deadline=(start - datetime.timedelta(days=deadline) if deadline else None),
            status=SessionStatus.DONE if start <= self.now else SessionStatus.SCHEDULED,
        )
        session.facilitators.set(facilitators)
        self.report.add("séances", True)

        attendees = self._attendees(facilitators, registered, past=start <= self.now)
        if start <= self.now:
            self._history(session, attendees)
        else:
            self._register(session, attendees, cancellations)
        if cancelled:
            # Cancelled by the training team after people had registered (the facilitator is
            # unavailable): they see it in “Mes inscriptions”.
            session.status = SessionStatus.CANCELLED
            session.save()

    def _attendees(self, facilitators, count, past):
        candidates = [person for person in self.people if person not in facilitators]
        self.turn += 7
        shift = self.turn % len(candidates)
        candidates = candidates[shift:] + candidates[:shift]
        if self.taken is not None:
            candidates = sorted(
                (person for person in candidates if self.taken.get(person) != "coming"),
                key=lambda person: person in self.taken,
            )
        attendees = candidates[:count]
        if self.taken is not None:
            self.taken.update(dict.fromkeys(attendees, "attended" if past else "coming"))
        return attendees

    def _history(self, session, attendees):
        """Registrations to a session that took place. The rules refuse to register anyone to a
        past session (services.register), so history is written as it stands: confirmed seats,
        taken in the weeks before the session."""
        first = session.start - datetime.timedelta(days=21)
        Registration.objects.bulk_create(
            Registration(
                session=session,
                user=person,
                status=RegistrationStatus.CONFIRMED,
                queued_at=first + datetime.timedelta(hours=7 * index),
            )
            for index, person in enumerate(attendees)
        )
        _tally(self.report, "inscriptions", len(attendees), created=True)

    def _register(self, session, attendees, cancellations):
        """Registrations to a session to come go through the rules, as if made over the last
        two weeks: seats first come first served, then the waiting list."""
        moment = self.now - datetime.timedelta(days=14)
        with notifications.muted():
            registrations = []
            for person in attendees:
                registrations.append(services.register(session.pk, person, now=moment))
                moment += datetime.timedelta(hours=5)
            confirmed = [r for r in registrations if r.is_confirmed]
            for registration in confirmed[:cancellations]:
                # Someone could not come after all: the first person waiting gets the seat.
                moment += datetime.timedelta(hours=20)
                services.cancel(registration.pk, user=registration.user, now=moment)
        _tally(self.report, "inscriptions", len(attendees), created=True)


def _dated(today, specs):
    return [(_workday(today, offset), *rest) for offset, *rest in specs]


def _monthly_meetups(today):
    return [
        (_first_thursday(today, months), MEETUP_START, MEETUP_PLACE, registered)
        for months, registered in zip(MONTHLY_MEETUP_MONTHS, MONTHLY_MEETUP_REGISTERED, strict=True)
    ]


@register
def load(report):
    with transaction.atomic():
        _ensure_agents(report)
        people = _people()
        organiser = User.objects.filter(email=ORGANISER).first()

        series = {}
        for name, slug, description, colour in SERIES:
            series[slug], created = Series.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "colour": colour}
            )
            report.add("séries", created)

        catalog = _index(
            report,
            WorkshopCatalogPage,
            WorkshopCatalogPageFactory,
            organiser,
            title="Ateliers",
            slug="ateliers",
            intro=CATALOG_INTRO,
        )
        index = _index(
            report,
            EventIndexPage,
            EventIndexPageFactory,
            organiser,
            title="Rencontres",
            slug="rencontres",
            intro=INDEX_INTRO,
        )

        planner = _Planner(report, people)
        for entry in WORKSHOPS:
            page, _created = _event(
                report,
                "ateliers",
                catalog,
                WorkshopPageFactory,
                entry,
                series,
                people,
                organiser,
                objectives=_html_list(entry["objectives"]),
            )
            planner.sessions(page, entry, _dated(planner.today, entry["sessions"]))
        for entry in EXCHANGES:
            page, _created = _event(
                report,
                "rencontres",
                index,
                ExchangeEventPageFactory,
                entry,
                series,
                people,
                organiser,
                kind=entry["kind"],
                speakers=entry["speakers"],
            )
            if entry.get("slug") == MONTHLY_MEETUP_SLUG:
                dated = _monthly_meetups(planner.today)
            else:
                dated = _dated(planner.today, entry["sessions"])
            planner.sessions(page, entry, dated)
        _Aftermath(report, organiser).run()


def _weighted(rng, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


class _Aftermath:
    """The roll call and the questionnaires of the sessions that took place, so that the
    no-show rate, the response rate, satisfaction and what was applied six weeks later show
    real numbers. Drawn from a generator seeded by the session (same data on every machine);
    written in bulk; only for sessions marked done whose roll call is still open, so a second
    run, or a session that went by since the first, adds nothing."""

    def __init__(self, report, organiser):
        self.report = report
        self.organiser = organiser
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.invitations, self.answers, self.followups = [], [], []

    def run(self):
        sessions = list(
            Session.objects.filter(
                status=SessionStatus.DONE, roll_call_closed_at__isnull=True, start__lte=self.now
            )
            .select_related("event__series")
            .prefetch_related("facilitators")
        )
        if not sessions:
            closed = Session.objects.filter(roll_call_closed_at__isnull=False).count()
            _tally(self.report, "appels clos", closed, created=False)
            _tally(
                self.report, "réponses aux questionnaires", FeedbackAnswer.objects.count(), False
            )
            return
        confirmed = {}
        for registration in Registration.objects.filter(
            session__in=sessions, status=RegistrationStatus.CONFIRMED
        ).order_by("pk"):
            confirmed.setdefault(registration.session_id, []).append(registration)
        marked = []
        for session in sessions:
            marked += self._roll_call(session, confirmed.get(session.pk, []))
        Registration.objects.bulk_update(marked, ["attendance"])
        Session.objects.bulk_update(sessions, ["roll_call_closed_at", "roll_call_closed_by"])
        FeedbackInvitation.objects.bulk_create(self.invitations)
        FeedbackAnswer.objects.bulk_create(self.answers)
        FollowUpAnswer.objects.bulk_create(self.followups)
        _tally(self.report, "appels clos", len(sessions), created=True)
        _tally(self.report, "réponses aux questionnaires", len(self.answers), created=True)
        _tally(self.report, "réponses à 6 semaines", len(self.followups), created=True)

    def _roll_call(self, session, registrations):
        day = timezone.localdate(session.start)
        rng = random.Random(f"{session.event.slug}/{day.isoformat()}")  # noqa: S311 (demo data)
        series = session.event.series
        rate = NO_SHOW_RATES.get(series.slug if series else None, DEFAULT_NO_SHOW_RATE)
        count = len(registrations)
        absent = min(count, max(0, round(count * (rate + rng.uniform(-0.07, 0.07)))))
        absentees = {registration.pk for registration in rng.sample(registrations, absent)}
        for registration in registrations:
            present = registration.pk not in absentees
            registration.attendance = Attendance.PRESENT if present else Attendance.ABSENT
            if present:
                self._feedback(rng, session, registration, series, day)
        facilitators = list(session.facilitators.all())
        session.roll_call_closed_at = session.end + datetime.timedelta(minutes=15)
        session.roll_call_closed_by = facilitators[0] if facilitators else self.organiser
        return registrations

    def _feedback(self, rng, session, registration, series, day):
        sent = session.end + datetime.timedelta(hours=1)
        answered = rng.random() < FEEDBACK_ANSWER_RATE
        reminder = sent + datetime.timedelta(days=3)
        followup_sent = sent + datetime.timedelta(days=FOLLOWUP_AFTER_DAYS)
        has_followup = followup_sent <= self.now
        followup_answered = has_followup and rng.random() < FOLLOWUP_ANSWER_RATE
        self.invitations.append(
            FeedbackInvitation(
                registration=registration,
                sent_at=sent,
                reminder_sent_at=reminder if not answered and reminder <= self.now else None,
                answered=answered,
                followup_sent_at=followup_sent if has_followup else None,
                followup_answered=followup_answered,
            )
        )
        if answered:
            will_apply = WILL_APPLY.get(series.slug if series else None, [])
            self.answers.append(
                FeedbackAnswer(
                    session=session,
                    rating=_weighted(rng, RATINGS),
                    useful_skills=_weighted(rng, USEFUL_SKILLS),
                    will_apply=rng.choice(will_apply) if will_apply and rng.random() < 0.7 else "",
                    comment=rng.choice(FEEDBACK_COMMENTS) if rng.random() < 0.6 else "",
                    answered_on=self._day(day, rng.randint(0, 4)),
                )
            )
        if followup_answered:
            self.followups.append(
                FollowUpAnswer(
                    session=session,
                    applied=_weighted(rng, APPLIED),
                    comment=rng.choice(FOLLOWUP_COMMENTS) if rng.random() < 0.5 else "",
                    answered_on=self._day(day, FOLLOWUP_AFTER_DAYS + rng.randint(0, 7)),
                )
            )

    def _day(self, day, offset):
        return min(day + datetime.timedelta(days=offset), self.today)


# Loaders that build on the sessions and their roll calls register after them.
import events.demo_paths  # noqa: E402,F401
