"""Capacity under concurrency, on PostgreSQL: the row lock on the session serialises every
registration, so a burst never overbooks and the waiting list keeps the order of arrival.

SQLite locks the whole database on write and has no SELECT … FOR UPDATE, so these tests run
only on PostgreSQL (``make test-postgres``, and CI).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from community.factories import UserFactory
from events import services
from events.factories import SessionFactory
from events.models import Registration, RegistrationStatus

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="verrou de ligne : PostgreSQL seulement"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ATTEMPTS = 60
SEATS = 10


def run_at_once(calls):
    """Run every call in its own thread and connection, all released by one barrier."""
    barrier = threading.Barrier(len(calls))

    def worker(call):
        try:
            barrier.wait()
            return call()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return [future.result() for future in [pool.submit(worker, call) for call in calls]]


def test_a_burst_of_registrations_fills_exactly_the_seats_and_queues_the_rest(workshop):
    session = SessionFactory(event=workshop, capacity=SEATS)
    agents = [UserFactory() for _ in range(ATTEMPTS)]

    results = run_at_once(
        [lambda agent=agent: services.register(session.pk, agent) for agent in agents]
    )

    assert len(results) == ATTEMPTS  # nobody refused, nothing raised
    rows = list(Registration.objects.filter(session=session).order_by("queued_at", "pk"))
    assert len(rows) == ATTEMPTS and {row.user_id for row in rows} == {a.pk for a in agents}
    confirmed = [row for row in rows if row.status == RegistrationStatus.CONFIRMED]
    waiting = [row for row in rows if row.status == RegistrationStatus.WAITLISTED]
    assert len(confirmed) == SEATS
    assert len(waiting) == ATTEMPTS - SEATS
    # Order kept: the seats went to the first arrivals, and the queue follows arrival.
    assert rows[:SEATS] == confirmed
    assert [row.pk for row in rows] == sorted(row.pk for row in rows)
    positions = list(
        Registration.objects.filter(session=session, status=RegistrationStatus.WAITLISTED)
        .with_waitlist_position()
        .order_by("queued_at", "pk")
        .values_list("waitlist_position", flat=True)
    )
    assert positions == list(range(1, ATTEMPTS - SEATS + 1))
    print(
        f"\n{ATTEMPTS} concurrent attempts for {SEATS} seats → "
        f"{len(confirmed)} confirmed, {len(waiting)} waitlisted, order kept"
    )


def test_cancellations_and_registrations_at_once_never_overbook(workshop):
    session = SessionFactory(event=workshop, capacity=SEATS)
    holders = [UserFactory() for _ in range(SEATS)]
    queued = [UserFactory() for _ in range(5)]
    newcomers = [UserFactory() for _ in range(25)]
    seats = [services.register(session.pk, person) for person in holders]
    for person in queued:
        services.register(session.pk, person)

    cancellations = [
        lambda seat=seat, person=person: services.cancel(seat.pk, user=person)
        for seat, person in zip(seats[:5], holders[:5], strict=True)
    ]
    registrations = [lambda p=p: services.register(session.pk, p) for p in newcomers]
    run_at_once(cancellations + registrations)

    active = Registration.objects.filter(session=session)
    assert active.filter(status=RegistrationStatus.CONFIRMED).count() == SEATS
    assert active.filter(status=RegistrationStatus.CANCELLED).count() == 5
    # Whatever the interleaving, no newcomer jumped ahead of someone already waiting:
    # the five freed seats went to people already queued or to the earliest arrivals.
    rows = list(active.exclude(status=RegistrationStatus.CANCELLED).order_by("queued_at", "pk"))
    assert all(row.status == RegistrationStatus.CONFIRMED for row in rows[:SEATS])
    assert all(row.status == RegistrationStatus.WAITLISTED for row in rows[SEATS:])
    assert {row.user_id for row in rows} == {p.pk for p in holders[5:] + queued + newcomers}
