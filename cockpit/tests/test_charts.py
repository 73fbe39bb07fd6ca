"""The dashboard's SVG charts: proportional bars, a sound scale, escaped labels, and the same
data as a table for people who cannot see the picture."""

import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from cockpit.charts import (
    NARROW_NBSP,
    bar_chart,
    column_chart,
    format_number,
    format_value,
    grouped_bar_chart,
    nice_max,
    ticks,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def parse(chart):
    """The chart's SVG as an element tree (fails if the markup is not well-formed XML)."""
    return ET.fromstring(str(chart.svg))  # noqa: S314 -- our own markup, under test


def bars(chart):
    return parse(chart).findall("svg:rect[@class='chart__bar']", NS)


def texts(chart):
    return ["".join(node.itertext()) for node in parse(chart).iter(f"{SVG}text")]


def gridlines(root):
    """The x (or y) positions of the gridlines, in the order drawn (0 first)."""
    return [(float(line.get("x1")), float(line.get("y1"))) for line in root.iter(f"{SVG}line")]


# Scale ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 1),
        (0, 1),
        (-3, 1),
        (0.07, 0.1),
        (0.3, 0.5),
        (1, 1),
        (1.2, 2),
        (2.2, 2.5),
        (3, 5),
        (7, 10),
        (10, 10),
        (11, 20),
        (24, 25),
        (26, 50),
        (1234, 2000),
        (2000, 2000),
        (2001, 2500),
    ],
)
def test_nice_max_is_the_next_1_2_2_5_or_5_times_a_power_of_ten(value, expected):
    assert nice_max(value) == expected


def test_ticks_split_the_axis_evenly_and_stay_whole_for_counts():
    assert ticks(2.5) == [0, 0.5, 1, 1.5, 2, 2.5]
    assert ticks(20) == [0, 5, 10, 15, 20]
    assert ticks(0.1) == [0, 0.02, 0.04, 0.06, 0.08, 0.1]
    assert ticks(1, integers=True) == [0, 1]
    assert ticks(2, integers=True) == [0, 1, 2]


# Numbers ----------------------------------------------------------------------------------


def test_numbers_are_written_the_french_way():
    assert format_number(12.5) == "12,5"
    assert format_number(4.25) == "4,3"  # half up, as people round
    assert format_number(0.25) == "0,25"
    assert format_number(4.0) == "4"
    assert format_number(1234567) == f"1{NARROW_NBSP}234{NARROW_NBSP}567"
    assert format_value(35.5, "%") == f"35,5{NARROW_NBSP}%"
    assert format_value(4.2, "/5") == "4,2/5"
    assert format_value(None, "%") == "—"


# Bar chart --------------------------------------------------------------------------------


def test_bar_lengths_are_proportional_to_the_values():
    chart = bar_chart("Sessions", [("A", 10), ("B", 5), ("C", 2.5)])
    widths = [float(bar.get("width")) for bar in bars(chart)]
    assert widths[0] > 0
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.01)
    assert widths[2] == pytest.approx(widths[0] / 4, abs=0.01)


def test_the_longest_bar_ends_on_the_nice_maximum_gridline():
    chart = bar_chart("Sessions", [("A", 7), ("B", 10)])  # nice max 10: ticks 0, 2, … 10
    root = parse(chart)
    lines = [x for x, _ in gridlines(root)]
    assert len(lines) == 6
    assert "10" in texts(chart) and "8" in texts(chart)
    a, b = root.findall("svg:rect[@class='chart__bar']", NS)
    assert float(a.get("x")) == pytest.approx(lines[0])
    assert float(b.get("x")) + float(b.get("width")) == pytest.approx(lines[-1], abs=0.01)
    assert float(a.get("width")) == pytest.approx(0.7 * (lines[-1] - lines[0]), abs=0.01)


def test_a_fixed_axis_max_keeps_a_score_out_of_five_honest():
    chart = bar_chart("Satisfaction", [("A", 2), ("B", 5)], unit="/5", axis_max=5)
    short, full = (float(bar.get("width")) for bar in bars(chart))
    assert short == pytest.approx(full * 2 / 5, abs=0.01)
    assert "2/5" in texts(chart)


def test_values_are_written_at_the_end_of_each_bar():
    chart = bar_chart("No-show rate", [("A", 12.5), ("B", 1234)], unit="%")
    shown = texts(chart)
    assert f"12,5{NARROW_NBSP}%" in shown
    assert f"1{NARROW_NBSP}234{NARROW_NBSP}%" in shown


def test_none_means_no_data_a_dash_and_no_bar():
    chart = bar_chart("No-show rate", [("A", 10), ("B", None), ("C", float("nan"))])
    assert [bar.get("data-value") for bar in bars(chart)] == ["10"]
    assert texts(chart).count("—") == 2
    assert chart.table.rows == [("A", "10"), ("B", None), ("C", None)]
    assert "2 sans donnée" in chart.summary


def test_all_zero_values_draw_without_dividing_by_zero():
    chart = bar_chart("Votes", [("A", 0), ("B", 0)])
    assert [float(bar.get("width")) for bar in bars(chart)] == [0, 0]
    assert texts(chart).count("0") >= 2
    assert not chart.is_empty


@pytest.mark.parametrize("rows", [[], [("A", None), ("B", None)]])
def test_no_data_gives_no_picture(rows):
    chart = bar_chart("No-show rate", rows)
    assert chart.is_empty
    assert chart.svg == ""
    html = render_to_string("cockpit/includes/chart.html", {"chart": chart})
    assert "Pas de données pour cette période" in html
    assert "<svg" not in html and "<table" not in html
    assert "No-show rate" in html


def test_the_table_rows_equal_the_data():
    rows = [("Bureautique", 35.5), ("Droit", 5), ("Management", None)]
    chart = bar_chart("No-show rate", rows, unit="%")
    assert chart.table.rows == [
        ("Bureautique", f"35,5{NARROW_NBSP}%"),
        ("Droit", f"5{NARROW_NBSP}%"),
        ("Management", None),
    ]
    assert chart.table.headings == ("Élément", "Valeur")


def test_value_format_writes_the_labels_of_the_bars_and_the_table():
    chart = bar_chart("Hours", [("A", 90)], value_format=lambda value: f"{value} h")
    assert "90 h" in texts(chart)
    assert chart.table.rows == [("A", "90 h")]


def test_long_labels_are_cut_in_the_picture_and_whole_in_the_table():
    label = "Préparation au concours de rédacteur territorial principal"
    chart = bar_chart("Votes", [(label, 3)])
    root = parse(chart)
    label_node = next(node for node in root.iter(f"{SVG}text") if node.get("text-anchor") == "end")
    assert "".join(label_node.itertext()).endswith("…")
    assert label_node.find("svg:title", NS).text == label  # the tooltip keeps it whole
    assert chart.table.rows[0][0] == label


def test_labels_and_titles_from_users_are_escaped():
    evil = '<script>alert("x")</script>'
    charts = [
        bar_chart(evil, [(evil, 1)]),
        grouped_bar_chart(evil, [evil], [(evil, [1])]),
        column_chart(evil, [(evil, 1)]),
    ]
    for chart in charts:
        assert "<script" not in chart.svg
        assert "&lt;script&gt;" in chart.svg
        assert any(evil in text for text in texts(chart))  # escaped, not dropped
        html = render_to_string("cockpit/includes/chart.html", {"chart": chart})
        assert "<script" not in html
        assert "&lt;script&gt;" in html


def test_the_svg_is_well_formed_labelled_and_responsive():
    chart = bar_chart("Sessions", [("A", 3), ("B", 1)])
    root = parse(chart)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox").startswith("0 0 640 ")
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"svg:title[@id='{title_id}']", NS).text == "Sessions"
    desc = root.find(f"svg:desc[@id='{desc_id}']", NS).text
    assert desc == chart.summary
    assert desc.startswith("2 éléments.")
    assert "A (3)" in desc and "B (1)" in desc


def test_two_charts_on_one_page_have_distinct_ids():
    first, second = bar_chart("A", [("A", 1)]), bar_chart("A", [("A", 1)])
    assert parse(first).get("aria-labelledby") != parse(second).get("aria-labelledby")


# Grouped bar chart ------------------------------------------------------------------------


def test_grouped_bars_follow_each_series_and_category():
    chart = grouped_bar_chart(
        "Demand and offer per theme",
        ["Droit", "Numérique"],
        [("Votes", [12, 6]), ("Sessions", [3, None])],
    )
    drawn = [(bar.get("data-series"), float(bar.get("width"))) for bar in bars(chart)]
    assert [series for series, _ in drawn] == ["0", "1", "0"]
    votes_droit, sessions_droit, votes_numerique = (width for _, width in drawn)
    assert votes_numerique == pytest.approx(votes_droit / 2, abs=0.01)
    assert sessions_droit == pytest.approx(votes_droit / 4, abs=0.01)
    assert chart.table.headings == ("Catégorie", "Votes", "Sessions")
    assert chart.table.rows == [("Droit", "12", "3"), ("Numérique", "6", None)]
    assert "—" in texts(chart)


def test_the_legend_tells_series_apart_by_pattern_not_colour_alone():
    chart = grouped_bar_chart("Demand", ["A"], [("Votes", [1]), ("Sessions", [2]), ("Need", [3])])
    root = parse(chart)
    swatches = root.findall("svg:rect[@class='chart__swatch']", NS)
    fills = [swatch.get("fill") for swatch in swatches]
    assert len(set(fills)) == 3
    patterns = {pattern.get("id") for pattern in root.iter(f"{SVG}pattern")}
    assert {fill[len("url(#") : -1] for fill in fills[1:]} == patterns
    assert {"Votes", "Sessions", "Need"} <= set(texts(chart))
    # the bars use the same fills as their legend
    assert [bar.get("fill") for bar in bars(chart)] == fills


def test_grouped_chart_without_data_is_empty_and_misaligned_series_are_refused():
    assert grouped_bar_chart("Demand", [], [("Votes", [])]).is_empty
    assert grouped_bar_chart("Demand", ["A"], [("Votes", [None])]).is_empty
    with pytest.raises(ValueError):
        grouped_bar_chart("Demand", ["A", "B"], [("Votes", [1])])


# Column chart -----------------------------------------------------------------------------


def test_column_heights_are_proportional_and_stand_on_the_baseline():
    chart = column_chart("Participation", [("janv.", 40), ("févr.", 20), ("mars", 0)])
    columns = bars(chart)
    heights = [float(column.get("height")) for column in columns]
    assert heights[1] == pytest.approx(heights[0] / 2, abs=0.01)
    assert heights[2] == 0
    baseline = {float(c.get("y")) + float(c.get("height")) for c in columns}
    assert len({round(y, 2) for y in baseline}) == 1
    months = [label for label in texts(chart) if label in {"janv.", "févr.", "mars"}]
    assert months == ["janv.", "févr.", "mars"]
    assert chart.table.rows == [("janv.", "40"), ("févr.", "20"), ("mars", "0")]
    assert chart.table.headings == ("Période", "Valeur")


def test_a_long_series_keeps_its_axis_labels_from_overlapping():
    rows = [(f"sept. {2000 + index}", index) for index in range(36)]
    chart = column_chart("Participation", rows)
    shown = [label for label in texts(chart) if label.startswith("sept.")]
    assert 1 < len(shown) < 36
    assert len(chart.table.rows) == 36  # the table keeps every period
    assert len(bars(chart)) == 36


# Template ---------------------------------------------------------------------------------


def test_the_include_renders_a_figure_with_its_caption_picture_and_table():
    chart = bar_chart("Taux d’absence", [("Bureautique", 35.5), ("Droit", None)], unit="%")
    html = render_to_string("cockpit/includes/chart.html", {"chart": chart})
    assert '<figure class="chart">' in html
    assert '<figcaption class="chart__title">Taux d’absence</figcaption>' in html
    assert "<svg" in html and 'role="img"' in html
    assert "<summary>Voir les données</summary>" in html
    assert "<caption>Taux d’absence</caption>" in html
    assert '<th scope="col">Élément</th><th scope="col">Valeur</th>' in html
    assert f'<th scope="row">Bureautique</th><td>35,5{NARROW_NBSP}%</td>' in html
    assert '<th scope="row">Droit</th><td><span aria-hidden="true">—</span>' in html
    assert "pas de donnée" in html
