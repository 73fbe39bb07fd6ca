"""The dashboard's figures against the hand-counted data set of ``figures_data``.

Must hold on SQLite and PostgreSQL alike (months are cut in Europe/Paris on both)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cockpit.figures import compute, yearly_report
from cockpit.filters import CockpitFilterForm, Filters, this_year
from cockpit.tests import figures_data
from cockpit.tests.figures_data import FINANCES, YEAR_2025, add_registrations

dataset = figures_data.dataset

pytestmark = pytest.mark.django_db


def year_2025(**kwargs):
    return Filters(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31), **kwargs)


def test_key_figures(dataset):
    figures = compute(year_2025())

    assert figures.sessions_held == 3  # S1, S2, S3: not the cancelled S4, not S6 still open
    assert figures.capacity_held == 35  # 10 + 5 + 20
    assert figures.registrations == 27  # 8 + 5 + 10 + 4 (S6); S4 is cancelled
    assert figures.attendees == 19  # 6 + 4 + 9
    assert figures.agents_trained == 17  # two people came twice
    assert figures.training_hours == 45.0  # 6 × 2 h + 4 × 1.5 h + 9 × 3 h
    assert (figures.present_at_closed, figures.absent_at_closed) == (19, 4)
    assert figures.no_show_rate == 17.4  # 4 / 23
    assert figures.fill_rate == 54.3  # 19 / 35
    assert (figures.waitlist_waiting, figures.waitlist_promoted) == (2, 1)
    assert figures.waitlist_demand == 3


def test_feedback_figures(dataset):
    figures = compute(year_2025())

    assert (figures.feedback_invited, figures.feedback_answers) == (15, 11)
    assert figures.response_rate == 73.3  # 11 / 15
    assert figures.satisfaction == 4.1  # (20 + 25) / 11 = 4.09
    assert figures.useful_share == 63.6  # 7 / 11
    assert figures.feedback_hidden_reason is None


def test_feedback_hidden_below_five_answers(dataset):
    # March holds S1 alone: 5 answers, shown. 1 June holds S2 alone: no answer, hidden.
    march = Filters(start=datetime.date(2025, 3, 1), end=datetime.date(2025, 3, 31))
    assert compute(march).satisfaction == 4.0
    first_june = Filters(start=datetime.date(2025, 6, 1), end=datetime.date(2025, 6, 1))
    figures = compute(first_june)
    assert figures.feedback_answers == 0
    assert figures.satisfaction is None and figures.response_rate is None
    assert "5" in figures.feedback_hidden_reason


def test_facilitators_and_the_cap(dataset, settings):
    settings.ATELIER_FACILITATION_HOURS_CAP = 4
    figures = compute(year_2025())

    rows = [(row.user, row.hours, row.over_cap) for row in figures.facilitators]
    # fa: S1 (page, 2 h) + S3 (page, 3 h); fb: S2 (named on the session); fc: S3.
    assert rows == [
        (dataset.fa, 5.0, True),
        (dataset.fc, 3.0, False),
        (dataset.fb, 1.5, False),
    ]
    assert figures.active_facilitators == 3
    assert figures.facilitators_over_cap == figures.facilitators[:1]


def test_library_figures(dataset):
    figures = compute(year_2025())
    assert figures.activities_published == 2
    assert figures.activities_adapted == 1
    assert (figures.reuses, figures.activities_reused) == (3, 2)

    office = compute(year_2025(theme=dataset.office))
    assert (office.activities_published, office.activities_adapted) == (1, 0)
    assert (office.reuses, office.activities_reused) == (2, 1)


def test_per_month_in_paris_time(dataset):
    months = compute(year_2025()).months

    assert [row.month for row in months] == [datetime.date(2025, m, 1) for m in range(1, 13)]
    counts = {row.month.month: (row.registrations, row.attendees) for row in months}
    assert counts[3] == (8, 6)
    # S2 starts at 00:30 on 1 June in Paris (22:30 on 31 May in UTC): it belongs to June.
    assert counts[5] == (0, 0)
    assert counts[6] == (15, 13)
    assert counts[9] == (0, 0)  # S4 was cancelled
    assert counts[11] == (4, 0)
    assert sum(r for r, _a in counts.values()) == 27


def test_per_series(dataset):
    figures = compute(year_2025())

    assert [
        (row.name, row.present, row.absent, row.rate) for row in figures.no_shows_by_series
    ] == [
        ("Ac'Truc²", 10, 3, 23.1),
        ("Midi Truc", 9, 1, 10.0),
    ]
    assert [
        (row.name, row.answers, row.satisfaction, row.useful_share)
        for row in figures.satisfaction_by_series
    ] == [("Ac'Truc²", 5, 4.0, 60.0), ("Midi Truc", 6, 4.2, 66.7)]


def test_a_series_with_few_answers_hides_the_smallest_shown_too(dataset):
    from events.models import FeedbackAnswer

    FeedbackAnswer.objects.filter(session=dataset.s1).order_by("pk").first().delete()
    rows = compute(year_2025()).satisfaction_by_series
    # Ac'Truc² has 4 answers, hidden; showing Midi Truc would let the total reveal it.
    assert [(row.name, row.satisfaction) for row in rows] == [
        ("Ac'Truc²", None),
        ("Midi Truc", None),
    ]
    assert all(row.hidden_reason for row in rows)


def test_demand_and_offer(dataset):
    rows = compute(year_2025()).demand_by_theme
    # Votes of the open needs (the closed one's five are not demand any more); sessions not
    # cancelled in the period.
    assert [(row.name, row.needs, row.votes, row.sessions) for row in rows] == [
        ("Bureautique", 2, 4, 3),
        ("Management", 1, 2, 1),
    ]


@pytest.mark.parametrize(
    "filters, held, registrations, attendees, no_show_rate, fill_rate",
    [
        ({"series": "b"}, 1, 10, 9, 10.0, 45.0),
        ({"theme": "office"}, 2, 17, 10, 23.1, 66.7),
        ({"service": FINANCES}, 3, 10, 9, 10.0, 25.7),
        (
            {"start": datetime.date(2025, 6, 1), "end": datetime.date(2025, 6, 30)},
            2,
            15,
            13,
            13.3,
            52.0,
        ),
    ],
)
def test_filters_change_the_figures(
    dataset, filters, held, registrations, attendees, no_show_rate, fill_rate
):
    values = {"start": datetime.date(2025, 1, 1), "end": datetime.date(2025, 12, 31), **filters}
    if "series" in values:
        values["series"] = dataset.series_b
    if "theme" in values:
        values["theme"] = dataset.office
    figures = compute(Filters(**values))
    assert (
        figures.sessions_held,
        figures.registrations,
        figures.attendees,
        figures.no_show_rate,
        figures.fill_rate,
    ) == (held, registrations, attendees, no_show_rate, fill_rate)


def test_rates_without_denominator_are_none(dataset):
    # May in Paris: S2 starts on 1 June, nothing was held.
    may = Filters(start=datetime.date(2025, 5, 1), end=datetime.date(2025, 5, 31))
    figures = compute(may)
    assert figures.sessions_held == 0
    assert figures.no_show_rate is None
    assert figures.fill_rate is None
    assert figures.response_rate is None
    assert [row.rate for row in figures.no_shows_by_series] == []


def test_yearly_report(dataset):
    reports = yearly_report(
        Filters(start=datetime.date(2024, 1, 1), end=datetime.date(2025, 12, 31))
    )

    assert [report.year for report in reports] == [2024, 2025]
    assert [
        (r.series, r.sessions, r.participants, r.facilitators, r.session_hours, r.training_hours)
        for r in reports[1].rows
    ] == [("Ac'Truc²", 2, 10, 2, 3.5, 18.0), ("Midi Truc", 1, 9, 2, 3.0, 27.0)]
    assert [(r.series, r.sessions, r.participants) for r in reports[0].rows] == [("Ac'Truc²", 1, 5)]
    assert reports[1].sentence == (
        "2025 : Ac'Truc² : 2 séances (10 participants), Midi Truc : 1 séance (9 participants)."
    )
    assert reports[0].sentence == "2024 : Ac'Truc² : 1 séance (5 participants)."


def test_the_query_count_does_not_grow_with_registrations(dataset):
    filters = year_2025()
    compute(filters)
    with CaptureQueriesContext(connection) as few:
        compute(filters)
        yearly_report(filters)
    add_registrations(dataset.s3, 500)
    with CaptureQueriesContext(connection) as many:
        figures = compute(filters)
        yearly_report(filters)
    assert figures.attendees == 519
    assert len(few) == len(many) <= 30


# ---------------------------------------------------------------------------------------------
# The filter form


def test_the_form_defaults_to_this_calendar_year(db):
    form = CockpitFilterForm({}, today=datetime.date(2026, 3, 4))
    filters = form.filters()
    assert (filters.start, filters.end) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert not form.errors
    assert this_year(datetime.date(2026, 3, 4))[0] == datetime.date(2026, 1, 1)


def test_the_period_starts_and_ends_at_local_midnight(db):
    filters = year_2025()
    assert filters.since.isoformat() == "2025-01-01T00:00:00+01:00"
    assert filters.until.isoformat() == "2026-01-01T00:00:00+01:00"


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"start": "31/02/2025"}, "start", "Saisissez une date de début valide"),
        ({"end": "demain"}, "end", "Saisissez une date de fin valide"),
        ({"start": "2025-06-01", "end": "2025-01-01"}, "end", "Le début de la période"),
        ({"start": "1990-01-01", "end": "2025-01-01"}, "end", "dépasser 10 ans"),
        ({"series": "999999"}, "series", "Cette série n’existe pas"),
        ({"theme": "abc"}, "theme", "Ce thème n’existe pas"),
        ({"service": "Nulle part"}, "service", "Personne ne travaille dans ce service"),
    ],
)
def test_invalid_input_gives_a_french_error_and_the_defaults(db, data, field, message):
    form = CockpitFilterForm(YEAR_2025 | data, today=datetime.date(2026, 3, 4))
    filters = form.filters()
    assert message in " ".join(form.errors[field])
    if field in ("start", "end"):
        assert (filters.start, filters.end) == (
            datetime.date(2026, 1, 1),
            datetime.date(2026, 12, 31),
        )
    else:
        assert (filters.start, filters.end) == (
            datetime.date(2025, 1, 1),
            datetime.date(2025, 12, 31),
        )
        assert getattr(filters, field) in (None, "")


def test_the_service_choices_are_the_declared_services(dataset):
    form = CockpitFilterForm({})
    values = [value for value, _label in form.fields["service"].choices]
    assert values == ["", "Direction des finances", "Direction des ressources humaines"]
