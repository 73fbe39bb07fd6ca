"""Every row checked before anything is written: clean rows for the writer, and errors as
(line, column, French message) for the person who fixes the spreadsheet.

A row's values become model field values here, once: the writer only sets them. Lookups
(themes, series, accounts, existing titles) are loaded once for the whole file, so that
checking 10,000 rows costs a handful of queries.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from cockpit.catalogue_import.reading import normalise
from events.models import Series, WorkshopPage
from events.models.pages import MAX_DURATION_MINUTES as MAX_WORKSHOP_MINUTES
from events.models.sessions import MAX_CAPACITY
from resources.models import ActivityPage, Kind, Level, Licence, Modality, Theme
from resources.models.activities import MAX_DURATION_MINUTES, MAX_GROUP_SIZE

ACTIVITY, WORKSHOP, SESSION = "activity", "workshop", "session"
TYPE_ALIASES = {
    "activite": ACTIVITY,
    "activity": ACTIVITY,
    "atelier": WORKSHOP,
    "workshop": WORKSHOP,
    "session": SESSION,
    "seance": SESSION,
}
# Columns per type; those marked True must be in the header when the file has such a row.
COLUMNS = {
    ACTIVITY: {
        "titre": True,
        "resume": True,
        "objectifs": False,
        "duree_min": True,
        "duree_max": True,
        "modalite": True,
        "niveau": True,
        "nature": True,
        "themes": False,
        "mots_cles": False,
        "materiel": False,
        "deroule": False,
        "auteurs": False,
        "licence": False,
        "participants_min": False,
        "participants_max": False,
    },
    WORKSHOP: {
        "titre": True,
        "resume": True,
        "serie": False,
        "themes": False,
        "duree_min": True,
        "public": False,
        "prerequis": False,
        "animateurs": False,
    },
    SESSION: {"atelier": True, "debut": True, "fin": True, "lieu": False, "capacite": True},
}
TYPE_NAMES = {ACTIVITY: "activite", WORKSHOP: "atelier", SESSION: "session"}
KNOWN_COLUMNS = {"type"} | {name for columns in COLUMNS.values() for name in columns}
DEFAULT_GROUP_SIZE = (1, 30)  # when the file says nothing: the method finder still lists it
TITLE_MAX, SUMMARY_MAX, OBJECTIVE_MAX, STEP_TITLE_MAX, TAG_MAX = 255, 200, 200, 120, 100
LIST_SEPARATORS = re.compile(r"\s*[;\n]\s*")
EMAIL_SEPARATORS = re.compile(r"[\s;,]+")
DATE_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %Hh%M", "%d/%m/%Y à %H:%M")
BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
STEP_DURATION = re.compile(r"^(.*?)[\s(\[—–-]*(\d+)\s*min(?:utes?)?\s*[)\]]?\s*$", re.IGNORECASE)
EXTRA_ALIASES = {
    Modality: {"a distance": "remote", "mixte": "blended", "autonomie": "self_paced"},
    Level: {"debutant": "discovery", "initiation": "discovery", "avance": "expert"},
    Kind: {"jeu serieux": "serious_game", "e learning": "e_learning", "icebreaker": "ice_breaker"},
    Licence: {
        "cc by": "cc_by",
        "cc by sa": "cc_by_sa",
        "cc0": "cc0",
        "domaine public": "cc0",
        "usage interne": "internal",
        "interne": "internal",
    },
}


def title_key(title):
    """Two titles are the same whatever their case and spacing."""
    return " ".join(str(title).split()).casefold()


@dataclass(frozen=True)
class RowError:
    line: int | None  # None: the file as a whole
    column: str
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        if not self.column:
            return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}
        return _("Line %(line)s, column “%(column)s”: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class CleanRow:
    """What the writer needs: the model's field values (``fields`` always set, ``defaults``
    only on creation) and its many-to-many values (``relations``, a list each)."""

    kind: str
    line: int
    title: str
    fields: dict = field(default_factory=dict)
    defaults: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    workshop_title: str = ""  # a session's workshop
    start: datetime.datetime | None = None  # a session's start

    @property
    def key(self):
        if self.kind == SESSION:
            return (SESSION, title_key(self.workshop_title), self.start)
        return (self.kind, title_key(self.title))


class _Invalid(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _aliases(choices):
    """Accepted spellings of each choice: its value, its English and French labels, and a few
    words people use, compared without case or accents."""
    aliases = {}
    for choice in choices:
        aliases[normalise(choice.value)] = choice.value
        aliases[normalise(choice.label)] = choice.value
        with translation.override("fr"):
            aliases[normalise(str(choice.label))] = choice.value
            aliases[normalise(re.sub(r"\s+\d+(\.\d+)?$", "", str(choice.label)))] = choice.value
    for word, value in EXTRA_ALIASES.get(choices, {}).items():
        aliases[normalise(word)] = value
    return aliases


def _labels(choices):
    return ", ".join(f"« {choice.label} »" for choice in choices)


class Lookups:
    """Everything a row refers to, loaded once per file."""

    def __init__(self):
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[normalise(theme.name)] = theme
            self.themes[normalise(theme.slug)] = theme
        self.theme_names = sorted({theme.name for theme in self.themes.values()})
        self.series = {}
        for series in Series.objects.all():
            self.series[normalise(series.name)] = series
            self.series[normalise(series.slug)] = series
        self.series_names = sorted({series.name for series in self.series.values()})
        self.users = {
            user.email.casefold(): user for user in get_user_model().objects.exclude(email="")
        }
        self.activities = self._titles(ActivityPage.objects.filter(adapted_from__isnull=True))
        self.workshops = self._titles(WorkshopPage.objects.all())
        self.choices = {choices: _aliases(choices) for choices in (Modality, Level, Kind, Licence)}

    @staticmethod
    def _titles(pages):
        titles = {}
        for page_id, title in pages.values_list("id", "title"):
            titles.setdefault(title_key(title), []).append(page_id)
        return titles


# ---------------------------------------------------------------------------------------------
# One cell


def _text(value, maximum, *, required=False):
    text = str(value).strip() if value is not None else ""
    if required and not text:
        raise _Invalid(_("This column is required."))
    if len(text) > maximum:
        raise _Invalid(
            _("%(length)s characters, at most %(maximum)s are allowed.")
            % {"length": len(text), "maximum": maximum}
        )
    return text


def _integer(value, minimum, maximum, *, required=True, default=None):
    text = str(value).strip()
    if not text:
        if required:
            raise _Invalid(_("This column is required."))
        return default
    match = re.fullmatch(r"(-?\s*\d+)(?:[.,]0+)?\s*(?:min(?:utes?)?)?", text, re.IGNORECASE)
    number = int(match.group(1).replace(" ", "")) if match else None
    if number is None or not minimum <= number <= maximum:
        raise _Invalid(
            _("“%(value)s” is not a whole number between %(minimum)s and %(maximum)s.")
            % {"value": text, "minimum": minimum, "maximum": maximum}
        )
    return number


def _choice(value, lookups, choices, *, required=True):
    text = str(value).strip()
    if not text:
        if required:
            raise _Invalid(_("This column is required."))
        return None
    found = lookups.choices[choices].get(normalise(text))
    if found is None:
        with translation.override("fr"):
            accepted = _labels(choices)
        raise _Invalid(
            _("“%(value)s” is not a known value; accepted: %(accepted)s.")
            % {"value": text, "accepted": accepted}
        )
    return found


def _items(value):
    return [item for item in LIST_SEPARATORS.split(str(value).strip()) if item]


def _themes(value, lookups):
    themes, unknown = [], []
    for name in _items(value):
        theme = lookups.themes.get(normalise(name))
        (themes.append(theme) if theme else unknown.append(name))
    if unknown:
        raise _Invalid(
            _("Unknown theme(s): %(unknown)s. Known themes: %(known)s.")
            % {
                "unknown": ", ".join(f"« {name} »" for name in unknown),
                "known": ", ".join(f"« {name} »" for name in lookups.theme_names) or "—",
            }
        )
    return list(dict.fromkeys(themes))


def _series(value, lookups):
    text = str(value).strip()
    if not text:
        return None
    series = lookups.series.get(normalise(text))
    if series is None:
        raise _Invalid(
            _("Unknown series “%(value)s”. Known series: %(known)s.")
            % {
                "value": text,
                "known": ", ".join(f"« {name} »" for name in lookups.series_names) or "—",
            }
        )
    return series


def _people(value, lookups):
    people, problems = [], []
    for email in EMAIL_SEPARATORS.split(str(value).strip()):
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("“%(email)s” is not an e-mail address") % {"email": email})
            continue
        user = lookups.users.get(email.casefold())
        if user is None:
            problems.append(_("no account has the address “%(email)s”") % {"email": email})
        else:
            people.append(user)
    if problems:
        raise _Invalid(" ; ".join(problems) + ".")
    return list(dict.fromkeys(people))


def _tags(value):
    tags = list(dict.fromkeys(tag for tag in re.split(r"\s*[;,\n]\s*", str(value)) if tag))
    for tag in tags:
        if len(tag) > TAG_MAX:
            raise _Invalid(
                _("The keyword “%(tag)s” has more than %(maximum)s characters.")
                % {"tag": tag[:30] + "…", "maximum": TAG_MAX}
            )
    return tags


def _lines(value):
    return [BULLET.sub("", line).strip() for line in str(value).splitlines() if line.strip()]


def _objectives(value):
    objectives = _lines(value)
    for objective in objectives:
        if len(objective) > OBJECTIVE_MAX:
            raise _Invalid(
                _("An objective has %(length)s characters, at most %(maximum)s are allowed.")
                % {"length": len(objective), "maximum": OBJECTIVE_MAX}
            )
    return [("objective", objective) for objective in objectives]


def _html(value):
    """Plain text as rich text: lines starting with a dash become a list, others paragraphs."""
    html, bullets = [], []
    for line in str(value).splitlines():
        if not line.strip():
            continue
        if BULLET.match(line):
            bullets.append(f"<li>{escape(BULLET.sub('', line).strip())}</li>")
            continue
        if bullets:
            html.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
        html.append(f"<p>{escape(line.strip())}</p>")
    if bullets:
        html.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(html)


def _steps(value):
    """Steps separated by blank lines: the first line is the title, with an optional
    duration (“Débriefer (10 min)”), the next lines the instructions."""
    steps = []
    for number, block in enumerate(re.split(r"\n\s*\n", str(value).strip()), start=1):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        heading, duration = BULLET.sub("", lines[0]), None
        if match := STEP_DURATION.match(heading):
            heading, duration = match.group(1).strip(), int(match.group(2))
            if not 1 <= duration <= MAX_DURATION_MINUTES:
                raise _Invalid(
                    _("Step %(number)s lasts %(minutes)s min, at most %(maximum)s.")
                    % {"number": number, "minutes": duration, "maximum": MAX_DURATION_MINUTES}
                )
        instructions = "\n".join(lines[1:])
        if not instructions:  # one line only: it is the instruction
            heading, instructions = _("Step %(number)s") % {"number": number}, lines[0]
        if len(heading) > STEP_TITLE_MAX:
            raise _Invalid(
                _(
                    "The title of step %(number)s has %(length)s characters, at most %(maximum)s: "
                    "put the instructions on the next lines."
                )
                % {"number": number, "length": len(heading), "maximum": STEP_TITLE_MAX}
            )
        steps.append(
            ("step", {"title": heading, "duration": duration, "instructions": _html(instructions)})
        )
    return steps


def _moment(value, *, required=True):
    """ISO 8601 or JJ/MM/AAAA HH:MM; without an offset it is the site's time (Europe/Paris)."""
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        raise _Invalid(_("The date has no time: write JJ/MM/AAAA HH:MM."))
    else:
        text = " ".join(str(value).split())
        if not text:
            raise _Invalid(_("This column is required."))
        moment = None
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            for pattern in DATE_FORMATS:
                try:
                    moment = datetime.datetime.strptime(text, pattern)
                    break
                except ValueError:
                    continue
        if moment is None or not re.search(r"\d[:h]\d", text):
            raise _Invalid(
                _(
                    "“%(value)s” is not a valid date and time: write JJ/MM/AAAA HH:MM "
                    "(e.g. 14/01/2027 18:00) or AAAA-MM-JJ HH:MM."
                )
                % {"value": text}
            )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


# ---------------------------------------------------------------------------------------------
# One row


class _RowChecker:
    """Collects every error of a row instead of stopping at the first."""

    def __init__(self, line, values, labels):
        self.line, self.values, self.labels = line, values, labels
        self.errors = []

    def __call__(self, column, parse, *args, **kwargs):
        try:
            return parse(self.values.get(column, ""), *args, **kwargs)
        except _Invalid as invalid:
            self.errors.append(
                RowError(self.line, self.labels.get(column, column), invalid.message)
            )
            return None

    def error(self, column, message):
        self.errors.append(RowError(self.line, self.labels.get(column, column), message))

    def given(self, column):
        return column in self.values


def _activity(check, lookups):
    row = CleanRow(ACTIVITY, check.line, check("titre", _text, TITLE_MAX, required=True))
    row.fields = {
        "summary": check("resume", _text, SUMMARY_MAX, required=True),
        "duration_min": check("duree_min", _integer, 1, MAX_DURATION_MINUTES),
        "duration_max": check("duree_max", _integer, 1, MAX_DURATION_MINUTES),
        "modality": check("modalite", _choice, lookups, Modality),
        "level": check("niveau", _choice, lookups, Level),
        "kind": check("nature", _choice, lookups, Kind),
    }
    low, high = row.fields["duration_min"], row.fields["duration_max"]
    if low and high and low > high:
        check.error(
            "duree_max",
            _("The maximum duration (%(high)s) is less than the minimum duration (%(low)s).")
            % {"high": high, "low": low},
        )
    optional = {
        "objectifs": ("objectives", _objectives),
        "materiel": ("materials", _html),
        "deroule": ("steps", _steps),
    }
    for column, (name, parse) in optional.items():
        if check.given(column):
            row.fields[name] = check(column, parse)
    if check.given("licence"):
        licence = check("licence", _choice, lookups, Licence, required=False)
        if licence:
            row.fields["licence"] = licence
    _group_size(check, row)
    for column, name, parse in (
        ("themes", "themes", lambda value: _themes(value, lookups)),
        ("mots_cles", "tags", _tags),
        ("auteurs", "authors", lambda value: _people(value, lookups)),
    ):
        if check.given(column):
            row.relations[name] = check(column, parse)
    return row


def _group_size(check, row):
    """Not in the issue's columns but required by the model: optional columns, else 1 to 30
    people on creation (left as they are on update)."""
    if not (check.given("participants_min") or check.given("participants_max")):
        row.defaults = {
            "group_size_min": DEFAULT_GROUP_SIZE[0],
            "group_size_max": DEFAULT_GROUP_SIZE[1],
        }
        return
    low = check("participants_min", _integer, 1, MAX_GROUP_SIZE, required=False, default=1)
    high = check(
        "participants_max",
        _integer,
        1,
        MAX_GROUP_SIZE,
        required=False,
        default=max(low or 1, DEFAULT_GROUP_SIZE[1]),
    )
    if low and high and low > high:
        check.error(
            "participants_max",
            _("The maximum group size (%(high)s) is less than the minimum (%(low)s).")
            % {"high": high, "low": low},
        )
    row.fields.update(group_size_min=low, group_size_max=high)


def _workshop(check, lookups):
    row = CleanRow(WORKSHOP, check.line, check("titre", _text, TITLE_MAX, required=True))
    row.fields = {
        "summary": check("resume", _text, SUMMARY_MAX, required=True),
        "duration_minutes": check("duree_min", _integer, 15, MAX_WORKSHOP_MINUTES),
    }
    if check.given("serie"):
        row.fields["series"] = check("serie", _series, lookups)
    for column, name in (("public", "audience"), ("prerequis", "prerequisites")):
        if check.given(column):
            row.fields[name] = check(column, _text, 300)
    if check.given("themes"):
        row.relations["themes"] = check("themes", _themes, lookups)
    if check.given("animateurs"):
        row.relations["facilitators"] = check("animateurs", _people, lookups)
    return row


def _session(check, lookups):
    workshop = check("atelier", _text, TITLE_MAX, required=True)
    start, end = check("debut", _moment), check("fin", _moment)
    row = CleanRow(SESSION, check.line, workshop or "", workshop_title=workshop or "", start=start)
    row.fields = {
        "start": start,
        "end": end,
        "capacity": check("capacite", _integer, 1, MAX_CAPACITY),
    }
    if check.given("lieu"):
        row.fields["place"] = check("lieu", _text, 250)
    if start and end and end <= start:
        check.error("fin", _("The end must come after the start of the session."))
    return row


PARSERS = {ACTIVITY: _activity, WORKSHOP: _workshop, SESSION: _session}


# ---------------------------------------------------------------------------------------------
# The whole file


@dataclass
class Checked:
    """The valid rows in file order, every error, and how many rows are invalid."""

    rows: list
    errors: list
    invalid_lines: set
    blocking: bool  # an error in the header: nothing can be imported

    @property
    def is_valid(self):
        return not self.errors


def _header_errors(table, kinds):
    labels = table.labels
    errors = []
    if "type" not in table.columns:
        return [
            RowError(1, "type", _("The “type” column is missing (activite, atelier, session)."))
        ]
    for column in table.columns:
        if column and column not in KNOWN_COLUMNS:
            errors.append(
                RowError(1, labels[column], _("Unknown column: check its spelling in the format."))
            )
    seen = set()
    for column in table.columns:
        if column and column in seen:
            errors.append(RowError(1, labels[column], _("This column appears twice.")))
        seen.add(column)
    for kind in kinds:
        for column, required in COLUMNS[kind].items():
            if required and column not in table.columns:
                errors.append(
                    RowError(
                        1,
                        column,
                        _("This column is missing; the file has rows of type “%(kind)s”.")
                        % {
                            "kind": {ACTIVITY: "activite", WORKSHOP: "atelier", SESSION: "session"}[
                                kind
                            ]
                        },
                    )
                )
    return errors


def check_table(table, lookups=None):
    """Check every row; nothing is written."""
    lookups = lookups or Lookups()
    errors, rows, invalid = [], [], set()
    kinds = {TYPE_ALIASES.get(normalise(values.get("type", ""))) for _line, values in table.rows}
    header = _header_errors(table, kinds - {None})
    if header:
        return Checked([], header, set(), blocking=True)
    first_line = {}
    for line, values in table.rows:
        kind = TYPE_ALIASES.get(normalise(values.get("type", "")))
        check = _RowChecker(line, values, table.labels)
        if None in values:
            check.error("", _("This row has more cells than the header has columns."))
        if kind is None:
            check.error(
                "type",
                _("“%(value)s” is not a type: write activite, atelier or session.")
                % {"value": values.get("type", "")},
            )
        else:
            known = COLUMNS[kind]
            relevant = {c: v for c, v in values.items() if c in known or c == "type" or c is None}
            check.values = relevant
            row = PARSERS[kind](check, lookups)
            if not check.errors:
                if row.key in first_line:
                    check.error(
                        "",
                        _("Duplicate of line %(line)s.") % {"line": first_line[row.key]},
                    )
                else:
                    first_line[row.key] = line
                    rows.append(row)
        if check.errors:
            errors.extend(check.errors)
            invalid.add(line)
    rows = _check_references(rows, lookups, table.labels, errors, invalid)
    errors.sort(key=lambda error: error.line)
    return Checked(rows, errors, invalid, blocking=False)


def _check_references(rows, lookups, labels, errors, invalid):
    """Titles that name more than one existing page, and sessions whose workshop is neither
    in the site nor among the file's valid workshops."""
    kept = []
    in_file = set()
    # Pages first, so that a session only counts on a workshop row that is itself valid.
    for row in sorted(rows, key=lambda row: row.kind == SESSION):
        problem, column = None, "titre"
        if row.kind in (ACTIVITY, WORKSHOP):
            existing = (lookups.activities if row.kind == ACTIVITY else lookups.workshops).get(
                title_key(row.title), []
            )
            if len(existing) > 1:
                problem = _(
                    "%(count)s pages of the site already have this title: rename them first."
                ) % {"count": len(existing)}
        else:
            column = "atelier"
            key = title_key(row.workshop_title)
            existing = lookups.workshops.get(key, [])
            if len(existing) > 1:
                problem = _(
                    "%(count)s workshops of the site have this title: rename them first."
                ) % {"count": len(existing)}
            elif not existing and key not in in_file:
                problem = _(
                    "No workshop “%(title)s”, neither in the site nor among the valid rows of "
                    "the file."
                ) % {"title": row.workshop_title}
        if problem:
            errors.append(RowError(row.line, labels.get(column, column), problem))
            invalid.add(row.line)
        else:
            kept.append(row)
            if row.kind == WORKSHOP:
                in_file.add(title_key(row.title))
    return sorted(kept, key=lambda row: row.line)
