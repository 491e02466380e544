"""Read dates written in any unambiguous spelling and rewrite them canonically.

The fixer uses this module to turn a front-matter date such as ``Feb 8, 2025
4:00 PM`` into the format a schema names as a strftime pattern, for example
``%Y-%m-%d %H:%M:%S`` (Hugo's ``2025-02-08 16:00:00``).

Ambiguity policy
    A date is only rewritten when it has exactly one reading; nothing is ever
    guessed.  Year-first numeric dates (``2025-02-08``, ``2025/2/8``) are read
    as year-month-day.  Dates with a month name are unambiguous.  Day/month
    dates (``03/04/2025``) are read only when one of the first two numbers is
    greater than 12 (it can only be the day) or both are equal; otherwise
    :class:`AmbiguousDate` names both readings.  Two-digit years are refused
    (which century?), as are impossible dates (``2025-02-30``) and weekdays
    that contradict the date.

Zone policy
    A zone is never dropped silently.  When both the input and the format
    carry a zone, the offset is kept.  A UTC input (``Z``, ``+00:00``,
    ``UTC``, ``GMT``) rewritten into a zoneless format is returned with
    ``safe=False`` and a note, because static-site generators read a zoneless
    date in the site's time zone.  Any other offset is refused with
    :class:`ZoneWouldBeLost`: converting is a decision for a human.  A zoneless
    input cannot be written into a format that needs a zone
    (:class:`MissingZone`).  A format that ends in a literal ``Z``/``UTC``/
    ``GMT`` (``%Y-%m-%dT%H:%M:%SZ``) is treated as a UTC format.

Other data is never dropped either: if the format cannot hold a part of the
input (a time of day, seconds, a non-zero fraction of a second, ...),
:class:`FieldWouldBeLost` is raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

__all__ = [
    "AmbiguousDate",
    "DateError",
    "DateRewrite",
    "FieldWouldBeLost",
    "MissingZone",
    "NotADate",
    "ParsedDate",
    "ZoneWouldBeLost",
    "canonical_example",
    "format_has_zone",
    "parse_date",
    "rewrite_date",
]


# --------------------------------------------------------------------------
# Public data types and errors
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedDate:
    """A date read from text.

    ``value`` is naive when the text had no zone and aware (with a fixed
    ``timezone`` offset) when it had one.
    """

    value: datetime
    has_time: bool
    has_zone: bool


@dataclass(frozen=True)
class DateRewrite:
    """The canonical spelling of a date, and whether producing it assumed anything."""

    text: str
    safe: bool
    note: str


class DateError(ValueError):
    """Base class: the text cannot be (re)written as a date."""


class AmbiguousDate(DateError):
    """The text has more than one reading, e.g. ``03/04/2025``."""


class NotADate(DateError):
    """No known spelling matches, or the date does not exist."""


class ZoneWouldBeLost(DateError):
    """The input has a non-UTC offset and the format has no zone."""


class MissingZone(DateError):
    """The format needs a zone but the input does not say which."""


class FieldWouldBeLost(DateError):
    """The format cannot hold part of the input (time, seconds, fraction...)."""


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}

_WEEKDAY_NAMES = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_WEEKDAYS: dict[str, int] = {
    **{name: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{name[:3]: number for number, name in enumerate(_WEEKDAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}

# --------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------

# An optional leading weekday: "Saturday, ", "Sat, ", "Sat. ".
_WEEKDAY_PREFIX = re.compile(r"(?P<weekday>[a-z]+)\.?,?\s+", re.IGNORECASE)

# Year first, numeric: 2025-02-08, 2025/2/8, 2025.02.08.
_ISO_DATE = re.compile(r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})")

# Day and month first, numeric, order unknown: 03/04/2025, 13.04.2025, 4-13-2025.
_NUMERIC_DATE = re.compile(
    r"(?P<first>\d{1,2})(?P<sep>[-/.])(?P<second>\d{1,2})(?P=sep)(?P<year>\d+)"
)

# Month name first: "Feb 8, 2025", "February 8 2025", "Feb. 8th, 2025".
_NAMED_MONTH_FIRST = re.compile(
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d+)",
    re.IGNORECASE,
)

# Day first, month name: "8 February 2025", "8 Feb, 2025", "08-Feb-2025".
_NAMED_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(?P<month>[a-z]+)\.?(?:,?\s+|-)"
    r"(?P<year>\d+)",
    re.IGNORECASE,
)

# What may follow a date: nothing, or a time of day with an optional zone.
_TIME_TAIL = re.compile(
    r"""
    (?:
        (?: \s*T\s* | ,?\s+ (?:at\s+)? )              # "T", " ", ", ", " at "
        (?P<hour>\d{1,2})
        (?: :(?P<minute>\d{2})
            (?: :(?P<second>\d{2}) (?: [.,](?P<fraction>\d+) )? )?
        )?
        (?: \s*(?P<ampm>[ap])\.?m\.? )?               # PM, pm, p.m.
        (?: \s*(?P<zone> z | utc | gmt
                       | (?P<sign>[+-])(?P<zh>\d{2})(?::?(?P<zm>\d{2}))? ) )?
    )?
    """,
    re.IGNORECASE | re.VERBOSE,
)

# One strftime directive, with an optional glibc flag; "%%" is a literal.
_DIRECTIVE = re.compile(r"%[-_0^#]?(:?[A-Za-z%])")

# A format whose literal text ends in one of these writes UTC times.
_LITERAL_UTC_SUFFIX = re.compile(r"(?:Z|UTC|GMT)\s*\Z")

# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

_ACCEPTED = (
    "write it year-first, e.g. 2025-02-08 or 2025-02-08 16:00:00, "
    "or with a month name, e.g. Feb 8, 2025"
)


@dataclass(frozen=True)
class _Reading:
    """A parsed date plus what the text literally said (for messages)."""

    parsed: ParsedDate
    text: str
    zone_text: str | None


def _build_date(year: int, month: int, day: int, text: str) -> date:
    if not 1 <= month <= 12:
        raise NotADate(f"{text!r} is not a date: there is no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:
            reason = f"{year} is not a leap year, so February has no 29th"
        else:
            reason = f"{_MONTH_NAMES[month - 1].capitalize()} {year} has no day {day}"
        raise NotADate(f"{text!r} is not a real date: {reason}") from None


def _year(digits: str, text: str) -> int:
    if len(digits) == 2:
        raise NotADate(
            f"{text!r} has a two-digit year ({digits}), so the century is unknown; "
            "write all four digits"
        )
    if len(digits) != 4 or int(digits) == 0:
        raise NotADate(f"{text!r} is not a date: {digits!r} is not a year")
    return int(digits)


def _day_month_order(first: int, second: int, year: int, text: str) -> tuple[int, int]:
    """Return (month, day) for a day/month date, refusing to guess."""
    if first > 12 and second > 12:
        raise NotADate(f"{text!r} is not a date: neither {first} nor {second} is a month")
    if first > 12 or first == second:
        return second, first
    if second > 12:
        return first, second
    day_first = f"{first} {_MONTH_NAMES[second - 1].capitalize()}"
    month_first = f"{second} {_MONTH_NAMES[first - 1].capitalize()}"
    raise AmbiguousDate(
        f"{text!r} is ambiguous: {day_first} or {month_first} {year}? "
        f"Write it year-first: {year:04d}-{second:02d}-{first:02d} "
        f"or {year:04d}-{first:02d}-{second:02d}"
    )


def _month_and_day(match: re.Match[str], year: int, text: str) -> tuple[int, int] | None:
    """Return (month, day) from a date match; None if a month name is unknown."""
    groups = match.groupdict()
    if "first" in groups:
        return _day_month_order(int(groups["first"]), int(groups["second"]), year, text)
    month_text = groups["month"]
    if month_text.isdigit():
        return int(month_text), int(groups["day"])
    month = _MONTHS.get(month_text.lower())
    if month is None:
        return None
    return month, int(groups["day"])


def _microseconds(fraction: str | None, text: str) -> int:
    if fraction is None:
        return 0
    if len(fraction) > 6 and fraction[6:].strip("0"):
        raise NotADate(f"{text!r} has a time finer than a microsecond, which cannot be kept")
    return int(fraction[:6].ljust(6, "0"))


def _hour_24(hour: int, ampm: str | None, text: str) -> int:
    if ampm is None:
        return hour
    if not 1 <= hour <= 12:
        raise NotADate(f"{text!r} is not a time: a 12-hour clock has no hour {hour}")
    if ampm.lower() == "a":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def _time_of_day(tail: re.Match[str], text: str) -> time | None:
    """Return the time in a tail match, None when the tail is empty."""
    if tail["hour"] is None:
        return None
    if tail["minute"] is None and tail["ampm"] is None:
        raise NotADate(f"{text!r} is not a date: a bare hour needs minutes or AM/PM")
    hour = _hour_24(int(tail["hour"]), tail["ampm"], text)
    try:
        return time(
            hour,
            int(tail["minute"] or 0),
            int(tail["second"] or 0),
            _microseconds(tail["fraction"], text),
        )
    except ValueError as error:
        raise NotADate(f"{text!r} is not a real time: {error}") from None


def _zone(tail: re.Match[str], text: str) -> timezone | None:
    if tail["zone"] is None:
        return None
    if tail["sign"] is None:
        return timezone.utc
    hours, minutes = int(tail["zh"]), int(tail["zm"] or 0)
    if hours > 23 or minutes > 59:
        raise NotADate(f"{text!r} has an impossible UTC offset {tail['zone']}")
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if tail["sign"] == "-" else offset)


def _split_weekday(text: str) -> tuple[int | None, str]:
    """Split off a leading weekday name; (None, text) when there is none."""
    match = _WEEKDAY_PREFIX.match(text)
    if match is None:
        return None, text
    weekday = _WEEKDAYS.get(match["weekday"].lower())
    if weekday is None:
        return None, text
    return weekday, text[match.end() :]


def _check_weekday(weekday: int | None, day: date, text: str) -> None:
    if weekday is not None and weekday != day.weekday():
        raise NotADate(
            f"{text!r} contradicts itself: {day.isoformat()} is a "
            f"{_WEEKDAY_NAMES[day.weekday()].capitalize()}, "
            f"not a {_WEEKDAY_NAMES[weekday].capitalize()}"
        )


_DATE_PATTERNS = (_ISO_DATE, _NUMERIC_DATE, _NAMED_MONTH_FIRST, _NAMED_DAY_FIRST)


def _read(text: str) -> _Reading:
    stripped = text.strip()
    if not stripped:
        raise NotADate(f"the date is empty; {_ACCEPTED}")
    weekday, body = _split_weekday(stripped)
    for pattern in _DATE_PATTERNS:
        match = pattern.match(body)
        if match is None:
            continue
        tail = _TIME_TAIL.fullmatch(body, match.end())
        if tail is None:
            continue
        year = _year(match["year"], stripped)
        month_day = _month_and_day(match, year, stripped)
        if month_day is None:
            continue
        day = _build_date(year, month_day[0], month_day[1], stripped)
        _check_weekday(weekday, day, stripped)
        clock = _time_of_day(tail, stripped)
        zone = _zone(tail, stripped)
        value = datetime.combine(day, clock or time(), zone)
        return _Reading(
            parsed=ParsedDate(value=value, has_time=clock is not None, has_zone=zone is not None),
            text=stripped,
            zone_text=tail["zone"],
        )
    raise NotADate(f"{stripped!r} is not a date mdlint can read; {_ACCEPTED}")


def parse_date(text: str) -> ParsedDate:
    """Read a date written in any unambiguous spelling.

    Raises :class:`AmbiguousDate` when the text has two readings and
    :class:`NotADate` when it has none (or names a day that does not exist).
    """
    return _read(text).parsed


# --------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------

_EXAMPLE = datetime(2025, 2, 8, 16, 0, 0)


def _directives(fmt: str) -> set[str]:
    """The directive letters used in a strftime pattern ("z", ":z", "Y"...)."""
    return {match.group(1) for match in _DIRECTIVE.finditer(fmt)} - {"%"}


def format_has_zone(fmt: str) -> bool:
    """Whether the strftime pattern writes a zone (%z or %Z)."""
    return bool(_directives(fmt) & {"z", ":z", "Z"})


def _format_is_literal_utc(fmt: str) -> bool:
    """Whether the pattern ends in a literal UTC marker, as in ``...%SZ``."""
    return _LITERAL_UTC_SUFFIX.search(_DIRECTIVE.sub("\0", fmt)) is not None


def canonical_example(fmt: str) -> str:
    """The pattern applied to 2025-02-08 16:00:00 (UTC if it has a zone)."""
    example = _EXAMPLE.replace(tzinfo=timezone.utc) if format_has_zone(fmt) else _EXAMPLE
    return example.strftime(fmt)


# --------------------------------------------------------------------------
# Rewriting
# --------------------------------------------------------------------------

_Getter = Callable[[datetime], int]

# (what the part is called, how to read it, directives that write it in full).
# Date parts always matter; time parts only when non-zero.
_PARTS: tuple[tuple[str, _Getter, frozenset[str]], ...] = (
    ("year", lambda v: v.year, frozenset("YGFc")),
    ("month", lambda v: v.month, frozenset("mbBhFDxcj")),
    ("day", lambda v: v.day, frozenset("deFDxcj")),
    ("hour", lambda v: v.hour, frozenset("HkRTXcr")),
    ("minutes", lambda v: v.minute, frozenset("MRTXcr")),
    ("seconds", lambda v: v.second, frozenset("STXcr")),
    ("fraction of a second", lambda v: v.microsecond, frozenset("f")),
)
_DATE_PARTS = frozenset({"year", "month", "day"})


def _format_directives(fmt: str) -> set[str]:
    """Directives, counting a 12-hour hour (%I, %l) only when %p is present."""
    found = _directives(fmt)
    if "p" in found and found & {"I", "l"}:
        found.add("H")
    return found


def _format_has_time(fmt: str) -> bool:
    return bool(_format_directives(fmt) & _PARTS[3][2])


def _lost_part(value: datetime, fmt: str) -> str | None:
    """The first part of ``value`` that ``fmt`` cannot write, or None."""
    found = _format_directives(fmt)
    for name, get, writers in _PARTS:
        matters = name in _DATE_PARTS or get(value) != 0
        if matters and not found & writers:
            return name
    return None


def _format_offset(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _check_zone(reading: _Reading, fmt: str) -> str:
    """Apply the zone policy; return a note ("" when the zone is kept)."""
    parsed, example = reading.parsed, canonical_example(fmt)
    format_zone = format_has_zone(fmt)
    literal_utc = not format_zone and _format_is_literal_utc(fmt)
    if not parsed.has_zone:
        if format_zone or literal_utc:
            raise MissingZone(
                f"{reading.text!r} has no zone but the format ({example}) needs one; "
                "the UTC offset is unknown, so add it by hand"
            )
        return ""
    if format_zone:
        return ""
    offset = parsed.value.utcoffset() or timedelta(0)
    if offset:
        if literal_utc:
            problem, target = "writes every date as UTC", "UTC"
        else:
            problem, target = "has no zone", "the site's time zone"
        raise ZoneWouldBeLost(
            f"{reading.text!r} is at UTC offset {_format_offset(offset)} but the format "
            f"({example}) {problem}; convert it to {target} by hand, "
            "or use a format with %z"
        )
    if literal_utc:
        return ""
    return (
        f"dropped the UTC zone ({reading.zone_text}); Hugo reads a zoneless date "
        "in the site's time zone"
    )


def rewrite_date(text: str, fmt: str) -> DateRewrite:
    """Rewrite ``text`` into the strftime pattern ``fmt``.

    Raises :class:`AmbiguousDate` or :class:`NotADate` when the text cannot
    be read, :class:`ZoneWouldBeLost` / :class:`MissingZone` when the zone
    cannot be carried over, and :class:`FieldWouldBeLost` when the format
    cannot hold part of the input.
    """
    reading = _read(text)
    value = reading.parsed.value
    canonical = value.strftime(fmt)
    if canonical == reading.text:
        return DateRewrite(text=canonical, safe=True, note="")
    zone_note = _check_zone(reading, fmt)
    lost = _lost_part(value, fmt)
    if lost is not None:
        raise FieldWouldBeLost(
            f"the format ({canonical_example(fmt)}) has no {lost}; rewriting "
            f"{reading.text!r} as {canonical!r} would lose it"
        )
    if zone_note:
        return DateRewrite(text=canonical, safe=False, note=zone_note)
    if not reading.parsed.has_time and _format_has_time(fmt):
        return DateRewrite(text=canonical, safe=True, note="no time of day given; wrote midnight")
    return DateRewrite(text=canonical, safe=True, note="")
