"""Server-side SVG charts for the training team's dashboard.

No JavaScript and no asset from another host: each chart is inline SVG markup built with
ElementTree (which escapes every label), plus the same data as a table for people who cannot
see the picture. Values are expected to be zero or more; ``None`` means "no data".
"""

import math
import re
import uuid
import xml.etree.ElementTree as ET
from collections import namedtuple
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

SVG_NS = "http://www.w3.org/2000/svg"
NARROW_NBSP = "\u202f"
NO_DATA = "—"

WIDTH = 640
FONT_SIZE = 13
CHAR_WIDTH = 8  # average advance of a character at FONT_SIZE, to size the label columns
LABEL_CHARS = 26  # longer labels are cut in the picture; the table keeps them whole
INK = "#1b1b1f"
GRID = "#d8dce3"
AXIS = "#8a8f98"
PAPER = "#ffffff"
# Each colour has at least 3:1 contrast against white (WCAG 1.4.11); patterns tell the series
# apart without relying on colour.
PALETTE = ("#1d4f7c", "#b3401a", "#1e6b34", "#6b3fa0", "#a3316f", "#5c5f66")
PATTERNS = ("solid", "diagonal", "dots", "horizontal", "crosshatch", "vertical")

ChartTable = namedtuple("ChartTable", ["headings", "rows"])
"""The chart's data as text: ``rows`` are tuples (label, cell, ...), a cell being the formatted
value or ``None`` when there is no data."""

_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Chart:
    """What the include ``cockpit/includes/chart.html`` renders."""

    title: str
    svg: SafeString
    table: ChartTable
    summary: str = ""

    @property
    def is_empty(self):
        return not self.svg


# Scale ------------------------------------------------------------------------------------


def nice_max(value):
    """The smallest 1, 2, 2.5 or 5 × 10^n at or above ``value`` (1 when there is nothing)."""
    if value is None or not value > 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * magnitude
        # Rounding keeps 0.3 → 0.5 from becoming 0.5000000001 or missing 1000 by a hair.
        if round(candidate, 12) >= round(value, 12):
            return _tidy(candidate)
    return _tidy(10 * magnitude)  # pragma: no cover -- the loop always returns


def ticks(axis_max, integers=False):
    """Gridline values from 0 to ``axis_max`` (4 or 5 intervals; whole steps for counts)."""
    magnitude = 10 ** math.floor(math.log10(axis_max))
    leading = round(axis_max / magnitude, 6)
    step = {1: 0.2, 2: 0.5, 2.5: 0.5, 5: 1}.get(leading, leading / 5) * magnitude
    if integers and step < 1:
        step = 1
    count = round(axis_max / step)
    return [_tidy(step * index) for index in range(count + 1)]


def _tidy(number):
    """Drop floating-point dust (0.30000000000000004) and turn whole floats into ints."""
    number = round(number, 10)
    return int(number) if float(number).is_integer() else number


# Text ------------------------------------------------------------------------------------


def format_number(value, decimals=None):
    """French-style number: "12,5", "1 234" (narrow no-break space), rounded half up
    (4,25 → 4,3) to one decimal, two below 1 (0,25), unless ``decimals`` says otherwise."""
    if decimals is None:
        if isinstance(value, int):
            decimals = 0
        else:
            places = 2 if abs(value) < 1 else 1
            quantum = Decimal(1).scaleb(-places)
            value = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP).normalize()
            decimals = max(0, -value.as_tuple().exponent)
    text = number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return text.replace("\xa0", NARROW_NBSP)


def format_value(value, unit="", value_format=None):
    """The label written at the end of a bar and in the table; ``—`` when there is no data."""
    if value is None:
        return NO_DATA
    text = value_format(value) if value_format else format_number(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit.startswith("/") else f"{text}{NARROW_NBSP}{unit}"


def _clean_value(value):
    """None for missing or non-finite values (a rate over zero sessions), else a number."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _clean_label(label):
    """A label as text that XML accepts (control characters removed)."""
    return _UNSAFE_CHARS.sub("", str(label))


def _short(label, limit=LABEL_CHARS):
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _num(number):
    """A coordinate for an SVG attribute: at most two decimals, no trailing zeros."""
    return f"{number:.2f}".rstrip("0").rstrip(".")


# SVG building ----------------------------------------------------------------------------


class _Svg:
    """A responsive SVG canvas with its accessible name (title) and description (desc)."""

    def __init__(self, title, summary, height):
        self.id = f"chart-{uuid.uuid4().hex[:10]}"
        self.root = ET.Element(
            "svg",
            {
                "xmlns": SVG_NS,
                "class": "chart__svg",
                "viewBox": f"0 0 {WIDTH} {_num(height)}",
                "width": "100%",
                "role": "img",
                "aria-labelledby": f"{self.id}-title {self.id}-desc",
                "font-size": str(FONT_SIZE),
                "fill": INK,
            },
        )
        ET.SubElement(self.root, "title", {"id": f"{self.id}-title"}).text = title
        ET.SubElement(self.root, "desc", {"id": f"{self.id}-desc"}).text = summary
        self.defs = ET.SubElement(self.root, "defs")
        # A white ground keeps the contrast right on a dark admin theme too.
        self.rect(0, 0, WIDTH, height, fill=PAPER)

    def element(self, tag, attrs, text=None, tooltip=None):
        node = ET.SubElement(self.root, tag, {key: str(value) for key, value in attrs.items()})
        if tooltip:
            ET.SubElement(node, "title").text = tooltip
        if text is not None:
            if tooltip:
                node[0].tail = text
            else:
                node.text = text
        return node

    def rect(self, x, y, width, height, **attrs):
        geometry = {"x": _num(x), "y": _num(y), "width": _num(width), "height": _num(height)}
        return self.element("rect", geometry | attrs)

    def line(self, x1, y1, x2, y2, stroke, **attrs):
        coords = {"x1": _num(x1), "y1": _num(y1), "x2": _num(x2), "y2": _num(y2)}
        return self.element("line", coords | {"stroke": stroke} | attrs)

    def text(self, x, y, text, anchor="start", tooltip=None, **attrs):
        position = {"x": _num(x), "y": _num(y), "text-anchor": anchor}
        return self.element("text", position | attrs, text=text, tooltip=tooltip)

    def fill(self, index):
        """The fill of series ``index``: a palette colour, with a white pattern past the first."""
        colour = PALETTE[index % len(PALETTE)]
        pattern = PATTERNS[index % len(PATTERNS)]
        if pattern == "solid":
            return colour
        pattern_id = f"{self.id}-p{index}"
        node = ET.SubElement(
            self.defs,
            "pattern",
            {"id": pattern_id, "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"},
        )
        ET.SubElement(node, "rect", {"width": "8", "height": "8", "fill": colour})
        white = {"stroke": PAPER, "stroke-width": "2"}
        shapes = {
            "diagonal": [("path", {"d": "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4"} | white)],
            "dots": [("circle", {"cx": "4", "cy": "4", "r": "1.6", "fill": PAPER})],
            "horizontal": [("path", {"d": "M0,4 h8"} | white)],
            "crosshatch": [("path", {"d": "M0,0 l8,8 M8,0 l-8,8"} | white)],
            "vertical": [("path", {"d": "M4,0 v8"} | white)],
        }[pattern]
        for tag, attrs in shapes:
            ET.SubElement(node, tag, attrs)
        return f"url(#{pattern_id})"

    def markup(self):
        # Every text and attribute went through ElementTree's escaping.
        return mark_safe(ET.tostring(self.root, encoding="unicode"))  # noqa: S308


def _label_x_and_anchor():
    label_width = LABEL_CHARS * CHAR_WIDTH + 8
    return label_width, label_width - 8


def _vertical_grid(svg, x0, plot_width, axis_max, top, bottom, values):
    """Gridlines and their values under a horizontal-bar plot."""
    tick_values = ticks(axis_max, _all_integers(values))
    for tick in tick_values:
        x = x0 + plot_width * tick / axis_max
        svg.line(x, top, x, bottom, GRID if tick else AXIS)
        svg.text(x, bottom + FONT_SIZE + 4, _tick_label(tick, tick_values), "middle")


def _tick_label(tick, tick_values):
    """A tick's value with as many decimals as the step needs ("0,05"), none for whole ones."""
    step = _tidy(tick_values[1] - tick_values[0])
    if float(tick).is_integer() or float(step).is_integer():
        return format_number(tick, 0)
    return format_number(tick, -math.floor(math.log10(step)))


def _all_integers(values):
    return all(isinstance(value, int) for value in values if value is not None)


def _empty(title, headings):
    return Chart(title=str(title), svg=SafeString(""), table=ChartTable(tuple(headings), []))


# Summaries -------------------------------------------------------------------------------


def _extremes_summary(pairs, unit, value_format):
    """'Highest: X (v). Lowest: Y (w).' over (label, value) pairs that have a value."""
    known = [(label, value) for label, value in pairs if value is not None]
    high = max(known, key=lambda pair: pair[1])
    low = min(known, key=lambda pair: pair[1])
    text = gettext("Highest: %(label)s (%(value)s).") % {
        "label": high[0],
        "value": format_value(high[1], unit, value_format),
    }
    if high[1] != low[1]:
        text += " " + gettext("Lowest: %(label)s (%(value)s).") % {
            "label": low[0],
            "value": format_value(low[1], unit, value_format),
        }
    return text


def _missing_summary(count):
    if not count:
        return ""
    return " " + ngettext("%(count)s without data.", "%(count)s without data.", count) % {
        "count": count
    }


# Charts ----------------------------------------------------------------------------------


def bar_chart(title, rows, unit="", value_format=None, *, axis_max=None, headings=None):
    """Horizontal bars, one per (label, value) row: rates, scores, counts per item.

    ``axis_max`` fixes the scale (5 for a score out of 5, 100 for a percentage); by default it
    is the nice maximum of the data. ``headings`` names the table's two columns.
    """
    title = str(title)
    headings = tuple(headings or (gettext("Item"), gettext("Value")))
    rows = [(_clean_label(label), _clean_value(value)) for label, value in rows]
    values = [value for _, value in rows if value is not None]
    if not values:
        return _empty(title, headings)

    summary = " ".join(
        [
            ngettext("%(count)s item.", "%(count)s items.", len(rows)) % {"count": len(rows)},
            _extremes_summary(rows, unit, value_format),
        ]
    ) + _missing_summary(len(rows) - len(values))
    scale = axis_max or nice_max(max(values))
    row_height, bar_height, top = 28, 18, 8
    label_width, label_x = _label_x_and_anchor()
    value_width = 84
    plot_width = WIDTH - label_width - value_width
    bottom = top + row_height * len(rows)
    svg = _Svg(title, summary, bottom + FONT_SIZE + 12)
    _vertical_grid(svg, label_width, plot_width, scale, top, bottom, values)

    for index, (label, value) in enumerate(rows):
        y = top + row_height * index
        middle = y + row_height / 2 + FONT_SIZE * 0.35
        short = _short(label)
        svg.text(label_x, middle, short, "end", tooltip=label if short != label else None)
        length = plot_width * min(max(value, 0), scale) / scale if value is not None else 0
        if value is not None:
            svg.rect(
                label_width,
                y + (row_height - bar_height) / 2,
                length,
                bar_height,
                fill=PALETTE[0],
                **{"class": "chart__bar", "data-value": str(value)},
            )
        svg.text(label_width + length + 6, middle, format_value(value, unit, value_format))

    table_rows = [
        (label, None if value is None else format_value(value, unit, value_format))
        for label, value in rows
    ]
    return Chart(title, svg.markup(), ChartTable(headings, table_rows), summary)


def grouped_bar_chart(
    title, categories, series, unit="", value_format=None, *, axis_max=None, heading=None
):
    """Horizontal bars grouped by category, one bar per series (e.g. demand vs offer per theme).

    ``series`` is a list of (name, values aligned with ``categories``). Each series has its own
    colour and pattern, named in a legend. ``heading`` names the table's category column.
    """
    title = str(title)
    categories = [_clean_label(category) for category in categories]
    series = [
        (_clean_label(name), [_clean_value(value) for value in values]) for name, values in series
    ]
    headings = (heading or gettext("Category"), *(name for name, _ in series))
    for name, values in series:
        if len(values) != len(categories):
            raise ValueError(f"Series {name!r} has {len(values)} values for {len(categories)}")
    values = [value for _, row in series for value in row if value is not None]
    if not categories or not values:
        return _empty(title, headings)

    parts = [
        ngettext("%(count)s category.", "%(count)s categories.", len(categories))
        % {"count": len(categories)}
    ]
    for name, row in series:
        if any(value is not None for value in row):
            extremes = _extremes_summary(zip(categories, row, strict=True), unit, value_format)
            parts.append(f"{name} — {extremes}")
    summary = " ".join(parts)

    scale = axis_max or nice_max(max(values))
    label_width, label_x = _label_x_and_anchor()
    value_width = 84
    plot_width = WIDTH - label_width - value_width
    bar_height, gap, group_gap = 14, 2, 14
    group_height = len(series) * (bar_height + gap) - gap

    # The legend: a swatch with the series' colour and pattern, then its name; wraps lines.
    legend_lines, x = [[]], 0
    for index, (name, _) in enumerate(series):
        shown = _short(name, 30)
        width = 18 + len(shown) * CHAR_WIDTH + 20
        if x and x + width > WIDTH:
            legend_lines.append([])
            x = 0
        legend_lines[-1].append((index, shown, name, x))
        x += width
    legend_height = 22 * len(legend_lines) + 6
    top = legend_height + 6
    bottom = top + len(categories) * (group_height + group_gap)
    svg = _Svg(title, summary, bottom + FONT_SIZE + 12)
    fills = [svg.fill(index) for index in range(len(series))]
    for line_index, line in enumerate(legend_lines):
        y = 4 + 22 * line_index
        for index, shown, name, x in line:
            svg.rect(x, y, 14, 14, fill=fills[index], stroke=INK, **{"class": "chart__swatch"})
            tooltip = name if shown != name else None
            svg.text(x + 20, y + 11.5, shown, tooltip=tooltip)

    _vertical_grid(svg, label_width, plot_width, scale, top, bottom, values)
    for category_index, category in enumerate(categories):
        y0 = top + group_gap / 2 + category_index * (group_height + group_gap)
        short = _short(category)
        tooltip = category if short != category else None
        svg.text(label_x, y0 + group_height / 2 + FONT_SIZE * 0.35, short, "end", tooltip=tooltip)
        for index, (_, row) in enumerate(series):
            value = row[category_index]
            y = y0 + index * (bar_height + gap)
            length = plot_width * min(max(value, 0), scale) / scale if value is not None else 0
            if value is not None:
                attrs = {"class": "chart__bar", "data-value": str(value), "data-series": index}
                svg.rect(label_width, y, length, bar_height, fill=fills[index], **attrs)
            text = format_value(value, unit, value_format)
            svg.text(label_width + length + 6, y + bar_height / 2 + 4, text, **{"font-size": "12"})

    table_rows = [
        (
            category,
            *(
                None if row[i] is None else format_value(row[i], unit, value_format)
                for _, row in series
            ),
        )
        for i, category in enumerate(categories)
    ]
    return Chart(title, svg.markup(), ChartTable(headings, table_rows), summary)


def column_chart(title, rows, unit="", value_format=None, *, axis_max=None, headings=None):
    """Vertical columns for a time series, one per (period label, value), oldest first."""
    title = str(title)
    headings = tuple(headings or (gettext("Period"), gettext("Value")))
    rows = [(_clean_label(label), _clean_value(value)) for label, value in rows]
    values = [value for _, value in rows if value is not None]
    if not values:
        return _empty(title, headings)

    known = [(label, value) for label, value in rows if value is not None]
    summary = (
        ngettext(
            "%(count)s period, from %(first)s to %(last)s.",
            "%(count)s periods, from %(first)s to %(last)s.",
            len(rows),
        )
        % {"count": len(rows), "first": rows[0][0], "last": rows[-1][0]}
        + " "
        + _extremes_summary(rows, unit, value_format)
        + " "
        + gettext("Latest: %(label)s (%(value)s).")
        % {"label": known[-1][0], "value": format_value(known[-1][1], unit, value_format)}
        + _missing_summary(len(rows) - len(values))
    )

    scale = axis_max or nice_max(max(values))
    tick_values = ticks(scale, _all_integers(values))
    tick_labels = [_tick_label(tick, tick_values) for tick in tick_values]
    axis_width = max(len(label) for label in tick_labels) * CHAR_WIDTH + 10
    x0, top, plot_height = axis_width, 22, 200
    plot_width = WIDTH - x0 - 8
    bottom = top + plot_height
    slot = plot_width / len(rows)
    column_width = slot * 0.7
    label_limit = 12
    longest = max(len(_short(label, label_limit)) for label, _ in rows) * CHAR_WIDTH * 0.9 + 6
    label_every = max(1, math.ceil(longest / slot))
    svg = _Svg(title, summary, bottom + FONT_SIZE + 14)

    for tick, tick_label in zip(tick_values, tick_labels, strict=True):
        y = bottom - plot_height * tick / scale
        svg.line(x0, y, x0 + plot_width, y, GRID if tick else AXIS)
        svg.text(x0 - 6, y + FONT_SIZE * 0.35, tick_label, "end")
    for index, (label, value) in enumerate(rows):
        x = x0 + slot * index + (slot - column_width) / 2
        centre = x + column_width / 2
        height = plot_height * min(max(value, 0), scale) / scale if value is not None else 0
        if value is not None:
            attrs = {"class": "chart__bar", "data-value": str(value)}
            svg.rect(x, bottom - height, column_width, height, fill=PALETTE[0], **attrs)
        text = format_value(value, unit, value_format)
        if len(text) * CHAR_WIDTH * 0.85 <= slot:  # values too wide for their column: table only
            svg.text(centre, bottom - height - 5, text, "middle", **{"font-size": "12"})
        if index % label_every == 0:
            short = _short(label, label_limit)
            tooltip = label if short != label else None
            svg.text(centre, bottom + FONT_SIZE + 4, short, "middle", tooltip=tooltip)

    table_rows = [
        (label, None if value is None else format_value(value, unit, value_format))
        for label, value in rows
    ]
    return Chart(title, svg.markup(), ChartTable(headings, table_rows), summary)


__all__ = [
    "Chart",
    "ChartTable",
    "bar_chart",
    "column_chart",
    "format_number",
    "format_value",
    "grouped_bar_chart",
    "nice_max",
    "ticks",
]
