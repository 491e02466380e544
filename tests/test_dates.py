"""Tests for mdlint.dates: reading unambiguous dates and rewriting them canonically."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdlint.dates import (
    AmbiguousDate,
    DateError,
    DateRewrite,
    FieldWouldBeLost,
    MissingZone,
    NotADate,
    ParsedDate,
    ZoneWouldBeLost,
    canonical_example,
    format_has_zone,
    parse_date,
    rewrite_date,
)

HUGO = "%Y-%m-%d %H:%M:%S"
HUGO_ZONED = "%Y-%m-%dT%H:%M:%S%z"
DATE_ONLY = "%Y-%m-%d"

UTC = timezone.utc
CET = timezone(timedelta(hours=1))
PST = timezone(timedelta(hours=-8))


def d(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    microsecond: int = 0,
    tz: timezone | None = None,
) -> datetime:
    """Shorthand for a datetime (naive unless ``tz`` is given)."""
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=tz)


# ---------------------------------------------------------------------------
# parse_date: accepted spellings
# ---------------------------------------------------------------------------

ACCEPTED: list[tuple[str, datetime, bool, bool]] = [
    # ISO-like, date only
    ("2025-02-08", d(2025, 2, 8), False, False),
    ("2025/02/08", d(2025, 2, 8), False, False),
    ("2025.02.08", d(2025, 2, 8), False, False),
    ("2025-2-8", d(2025, 2, 8), False, False),
    ("2025/2/08", d(2025, 2, 8), False, False),
    ("  2025-02-08 \n", d(2025, 2, 8), False, False),
    # ISO-like with a time
    ("2025-02-08 16:00", d(2025, 2, 8, 16, 0), True, False),
    ("2025-02-08 16:00:00", d(2025, 2, 8, 16, 0, 0), True, False),
    ("2025-02-08T16:00:00", d(2025, 2, 8, 16, 0, 0), True, False),
    ("2025-02-08t16:00", d(2025, 2, 8, 16, 0), True, False),
    ("2025-02-08 16:00:00.123456", d(2025, 2, 8, 16, 0, 0, 123456), True, False),
    ("2025-02-08T16:00:00.5", d(2025, 2, 8, 16, 0, 0, 500000), True, False),
    ("2025-02-08 16:00:00,25", d(2025, 2, 8, 16, 0, 0, 250000), True, False),
    ("2025-02-08 16:00:00.123456000", d(2025, 2, 8, 16, 0, 0, 123456), True, False),
    ("2025/02/08 7:05", d(2025, 2, 8, 7, 5), True, False),
    # ISO-like with a zone
    ("2025-02-08T16:00:00Z", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("2025-02-08T16:00:00z", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("2025-02-08T16:00:00.5Z", d(2025, 2, 8, 16, 0, 0, 500000, tz=UTC), True, True),
    ("2025-02-08T16:00:00+01:00", d(2025, 2, 8, 16, tz=CET), True, True),
    ("2025-02-08T16:00:00+0100", d(2025, 2, 8, 16, tz=CET), True, True),
    ("2025-02-08T16:00:00-08", d(2025, 2, 8, 16, tz=PST), True, True),
    ("2016-03-10 10:10:10 -0800", d(2016, 3, 10, 10, 10, 10, tz=PST), True, True),
    (
        "2025-02-08 16:00 +05:30",
        d(2025, 2, 8, 16, tz=timezone(timedelta(hours=5, minutes=30))),
        True,
        True,
    ),
    ("2025-02-08 16:00:00 UTC", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("2025-02-08 16:00:00 GMT", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("2025-02-08 16:00:00 utc", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("2025-02-08T16:00:00+00:00", d(2025, 2, 8, 16, tz=UTC), True, True),
    # Month names, month first
    ("Feb 8, 2025", d(2025, 2, 8), False, False),
    ("February 8 2025", d(2025, 2, 8), False, False),
    ("february 8, 2025", d(2025, 2, 8), False, False),
    ("FEB 08 2025", d(2025, 2, 8), False, False),
    ("Feb. 8, 2025", d(2025, 2, 8), False, False),
    ("Sept 8, 2025", d(2025, 9, 8), False, False),
    ("Sep 8, 2025", d(2025, 9, 8), False, False),
    ("September 8, 2025", d(2025, 9, 8), False, False),
    ("May 1, 2025", d(2025, 5, 1), False, False),
    # Month names, day first
    ("8 February 2025", d(2025, 2, 8), False, False),
    ("8 Feb, 2025", d(2025, 2, 8), False, False),
    ("08-Feb-2025", d(2025, 2, 8), False, False),
    ("08-feb-2025", d(2025, 2, 8), False, False),
    ("8 Sept 2025", d(2025, 9, 8), False, False),
    # Weekdays
    ("Saturday, February 8, 2025", d(2025, 2, 8), False, False),
    ("Sat, Feb 8, 2025", d(2025, 2, 8), False, False),
    ("saturday 8 February 2025", d(2025, 2, 8), False, False),
    ("Sat, 08 Feb 2025 16:00:00 +0000", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("Sat, 08 Feb 2025 16:00:00 GMT", d(2025, 2, 8, 16, tz=UTC), True, True),
    ("Sat, 08 Feb 2025 16:00:00 -0800", d(2025, 2, 8, 16, tz=PST), True, True),
    # Month names followed by a time
    ("Feb 8, 2025 4:00 PM", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025 4:00 pm", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025 4:00PM", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025 4:00 p.m.", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025 4 PM", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025 16:00", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025, 16:00", d(2025, 2, 8, 16, 0), True, False),
    ("Feb 8, 2025 at 4:30 PM", d(2025, 2, 8, 16, 30), True, False),
    ("8 February 2025 09:15:30", d(2025, 2, 8, 9, 15, 30), True, False),
    ("08-Feb-2025 16:00 UTC", d(2025, 2, 8, 16, tz=UTC), True, True),
    # Numeric day/month, unambiguous
    ("13/04/2025", d(2025, 4, 13), False, False),
    ("04/13/2025", d(2025, 4, 13), False, False),
    ("04/04/2025", d(2025, 4, 4), False, False),
    ("13.04.2025", d(2025, 4, 13), False, False),
    ("13-04-2025", d(2025, 4, 13), False, False),
    ("4/13/2025", d(2025, 4, 13), False, False),
    ("31/12/2025", d(2025, 12, 31), False, False),
    ("13/04/2025 16:00", d(2025, 4, 13, 16, 0), True, False),
    ("04/13/2025 4:00 PM", d(2025, 4, 13, 16, 0), True, False),
    ("13.04.2025 16:00:00 +01:00", d(2025, 4, 13, 16, tz=CET), True, True),
]


@pytest.mark.parametrize(
    ("text", "value", "has_time", "has_zone"), ACCEPTED, ids=[row[0] for row in ACCEPTED]
)
def test_parse_accepted_spellings(
    text: str, value: datetime, has_time: bool, has_zone: bool
) -> None:
    parsed = parse_date(text)
    assert parsed == ParsedDate(value=value, has_time=has_time, has_zone=has_zone)
    # Naive exactly when no zone was given; the offset is the one written.
    assert (parsed.value.tzinfo is not None) == has_zone
    assert parsed.value.utcoffset() == value.utcoffset()


# ---------------------------------------------------------------------------
# parse_date: 12-hour clock
# ---------------------------------------------------------------------------

TWELVE_HOUR = [
    ("12:00 AM", 0, 0),
    ("12:30 AM", 0, 30),
    ("12:59 am", 0, 59),
    ("1:00 AM", 1, 0),
    ("11:59 AM", 11, 59),
    ("12:00 PM", 12, 0),
    ("12:30 PM", 12, 30),
    ("1:00 PM", 13, 0),
    ("11:59 PM", 23, 59),
    ("12 AM", 0, 0),
    ("12 PM", 12, 0),
    ("12:30:15 a.m.", 0, 30),
]


@pytest.mark.parametrize(
    ("clock", "hour", "minute"), TWELVE_HOUR, ids=[row[0] for row in TWELVE_HOUR]
)
def test_twelve_hour_clock(clock: str, hour: int, minute: int) -> None:
    value = parse_date(f"Feb 8, 2025 {clock}").value
    assert (value.hour, value.minute) == (hour, minute)


@pytest.mark.parametrize("clock", ["0:30 AM", "13:00 PM", "00:00 pm", "16:00 AM"], ids=lambda c: c)
def test_twelve_hour_clock_rejects_impossible_hours(clock: str) -> None:
    with pytest.raises(NotADate, match="12-hour"):
        parse_date(f"Feb 8, 2025 {clock}")


# ---------------------------------------------------------------------------
# parse_date: ambiguity
# ---------------------------------------------------------------------------

AMBIGUOUS = [
    ("03/04/2025", "3 April", "4 March", "2025"),
    ("03.04.2025", "3 April", "4 March", "2025"),
    ("03-04-2025", "3 April", "4 March", "2025"),
    ("3/4/2025", "3 April", "4 March", "2025"),
    ("12/01/2024", "12 January", "1 December", "2024"),
    ("01/02/2025 16:00", "1 February", "2 January", "2025"),
]


@pytest.mark.parametrize(
    ("text", "day_first", "month_first", "year"), AMBIGUOUS, ids=[row[0] for row in AMBIGUOUS]
)
def test_ambiguous_day_month(text: str, day_first: str, month_first: str, year: str) -> None:
    with pytest.raises(AmbiguousDate) as caught:
        parse_date(text)
    message = str(caught.value)
    assert "ambiguous" in message
    assert f"{day_first} or {month_first} {year}?" in message
    assert text.strip() in message


def test_ambiguous_message_suggests_both_year_first_spellings() -> None:
    with pytest.raises(AmbiguousDate) as caught:
        parse_date("03/04/2025")
    assert "2025-04-03" in str(caught.value)
    assert "2025-03-04" in str(caught.value)


def test_ambiguous_is_a_date_error_and_value_error() -> None:
    with pytest.raises(DateError):
        parse_date("03/04/2025")
    with pytest.raises(ValueError):
        parse_date("03/04/2025")


# ---------------------------------------------------------------------------
# parse_date: rejected text
# ---------------------------------------------------------------------------

REJECTED = [
    ("", "empty"),
    ("   ", "empty"),
    ("tomorrow", "not a date"),
    ("2025", "not a date"),
    ("Feb 2025", "not a date"),
    ("2025-02", "not a date"),
    ("Foo 8, 2025", "not a date"),
    ("2025-02-08 junk", "not a date"),
    ("2025-02-08Z", "not a date"),
    ("2025-13-01", "no month 13"),
    ("2025-00-10", "no month 0"),
    ("2025-02-30", "no day 30"),
    ("2025-04-31", "no day 31"),
    ("31/02/2025", "no day 31"),
    ("2025-02-00", "no day 0"),
    ("13/13/2025", "neither 13 nor 13 is a month"),
    ("14/13/2025", "neither 14 nor 13 is a month"),
    ("03/04/25", "two-digit year"),
    ("13/04/25", "two-digit year"),
    ("Feb 8, 25", "two-digit year"),
    ("08-Feb-25", "two-digit year"),
    ("0000-01-01", "not a year"),
    ("Feb 8, 20250", "not a year"),
    ("2025-02-08 25:00", "not a real time"),
    ("2025-02-08 16:60", "not a real time"),
    ("2025-02-08 16:00:60", "not a real time"),
    ("2025-02-08 16", "bare hour"),
    ("2025-02-08T16:00:00.1234567", "finer than a microsecond"),
    ("2025-02-08T16:00:00+24:00", "impossible UTC offset"),
    ("2025-02-08T16:00:00+01:60", "impossible UTC offset"),
]


@pytest.mark.parametrize(("text", "words"), REJECTED, ids=[row[0] or "<empty>" for row in REJECTED])
def test_not_a_date(text: str, words: str) -> None:
    with pytest.raises(NotADate) as caught:
        parse_date(text)
    assert words in str(caught.value)


def test_unreadable_message_shows_accepted_spelling() -> None:
    with pytest.raises(NotADate) as caught:
        parse_date("tomorrow")
    message = str(caught.value)
    assert "'tomorrow'" in message
    assert "2025-02-08" in message


WEEKDAY_MISMATCH = [
    ("Friday, February 8, 2025", "Saturday", "Friday"),
    ("Fri, 08 Feb 2025 16:00:00 +0000", "Saturday", "Friday"),
    ("Monday 2025-02-08", "Saturday", "Monday"),
]


@pytest.mark.parametrize(
    ("text", "actual", "claimed"), WEEKDAY_MISMATCH, ids=[row[0] for row in WEEKDAY_MISMATCH]
)
def test_weekday_must_match_the_date(text: str, actual: str, claimed: str) -> None:
    with pytest.raises(NotADate) as caught:
        parse_date(text)
    message = str(caught.value)
    assert "2025-02-08" in message
    assert f"is a {actual}, not a {claimed}" in message


LEAP_DAYS = [
    ("2024-02-29", True),
    ("2000-02-29", True),
    ("Feb 29, 2028", True),
    ("29/02/2024", True),
    ("2025-02-29", False),
    ("1900-02-29", False),
    ("2100-02-29", False),
    ("Feb 29, 2025", False),
    ("29 February 2023", False),
    ("29/02/2025", False),
]


@pytest.mark.parametrize(("text", "exists"), LEAP_DAYS, ids=[row[0] for row in LEAP_DAYS])
def test_february_29(text: str, exists: bool) -> None:
    if exists:
        value = parse_date(text).value
        assert (value.month, value.day) == (2, 29)
    else:
        with pytest.raises(NotADate, match="not a leap year"):
            parse_date(text)


# ---------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------

ZONE_FORMATS = [
    (HUGO, False),
    (HUGO_ZONED, True),
    ("%Y-%m-%d %H:%M:%S %Z", True),
    ("%Y-%m-%dT%H:%M:%S%:z", True),
    ("%Y-%m-%d %H:%M:%S %%z", False),
    ("%Y-%m-%dT%H:%M:%SZ", False),
    (DATE_ONLY, False),
]


@pytest.mark.parametrize(("fmt", "expected"), ZONE_FORMATS, ids=[row[0] for row in ZONE_FORMATS])
def test_format_has_zone(fmt: str, expected: bool) -> None:
    assert format_has_zone(fmt) is expected


EXAMPLES = [
    (HUGO, "2025-02-08 16:00:00"),
    (DATE_ONLY, "2025-02-08"),
    (HUGO_ZONED, "2025-02-08T16:00:00+0000"),
    ("%b %d, %Y %I:%M %p", "Feb 08, 2025 04:00 PM"),
]


@pytest.mark.parametrize(("fmt", "expected"), EXAMPLES, ids=[row[0] for row in EXAMPLES])
def test_canonical_example(fmt: str, expected: str) -> None:
    assert canonical_example(fmt) == expected


# ---------------------------------------------------------------------------
# rewrite_date
# ---------------------------------------------------------------------------

SAFE_REWRITES = [
    ("Feb 8, 2025 4:00 PM", HUGO, "2025-02-08 16:00:00"),
    ("Saturday, February 8, 2025", DATE_ONLY, "2025-02-08"),
    ("8 Feb, 2025", DATE_ONLY, "2025-02-08"),
    ("2025/2/8 16:00", HUGO, "2025-02-08 16:00:00"),
    ("13/04/2025", DATE_ONLY, "2025-04-13"),
    ("04/13/2025 12:30 AM", HUGO, "2025-04-13 00:30:00"),
    ("2025-02-08T16:00:00.000", HUGO, "2025-02-08 16:00:00"),
    ("2025-02-08 00:00:00", DATE_ONLY, "2025-02-08"),
    ("2025-02-08 16:00:00.25", "%Y-%m-%d %H:%M:%S.%f", "2025-02-08 16:00:00.250000"),
    # zone kept when the format has one
    ("2016-03-10 10:10:10 -0800", HUGO_ZONED, "2016-03-10T10:10:10-0800"),
    ("2025-02-08T16:00:00+01:00", HUGO_ZONED, "2025-02-08T16:00:00+0100"),
    ("2025-02-08T16:00:00Z", HUGO_ZONED, "2025-02-08T16:00:00+0000"),
    ("Sat, 08 Feb 2025 16:00:00 GMT", "%Y-%m-%d %H:%M:%S %Z", "2025-02-08 16:00:00 UTC"),
    # a format ending in a literal Z writes UTC
    ("2025-02-08 16:00:00 UTC", "%Y-%m-%dT%H:%M:%SZ", "2025-02-08T16:00:00Z"),
    ("2025-02-08T16:00:00+00:00", "%Y-%m-%dT%H:%M:%SZ", "2025-02-08T16:00:00Z"),
]


@pytest.mark.parametrize(
    ("text", "fmt", "expected"), SAFE_REWRITES, ids=[f"{r[0]} -> {r[1]}" for r in SAFE_REWRITES]
)
def test_safe_rewrite(text: str, fmt: str, expected: str) -> None:
    result = rewrite_date(text, fmt)
    assert result.text == expected
    assert result.safe is True


UNCHANGED = [
    ("2025-02-08 16:00:00", HUGO),
    ("2025-02-08", DATE_ONLY),
    ("2016-03-10 10:10:10 -0800", "%Y-%m-%d %H:%M:%S %z"),
    ("2025-02-08T16:00:00Z", "%Y-%m-%dT%H:%M:%SZ"),
    ("  2025-02-08 16:00:00  ", HUGO),
]


@pytest.mark.parametrize(("text", "fmt"), UNCHANGED, ids=[f"{r[0]!r} {r[1]}" for r in UNCHANGED])
def test_canonical_input_is_unchanged(text: str, fmt: str) -> None:
    assert rewrite_date(text, fmt) == DateRewrite(text=text.strip(), safe=True, note="")


def test_date_only_into_datetime_format_is_midnight_and_safe() -> None:
    result = rewrite_date("Feb 8, 2025", HUGO)
    assert result.text == "2025-02-08 00:00:00"
    assert result.safe is True
    assert "midnight" in result.note


ZERO_OFFSET_DROPS = [
    ("2025-02-08T16:00:00Z", "Z"),
    ("2025-02-08T16:00:00z", "z"),
    ("2025-02-08T16:00:00+00:00", "+00:00"),
    ("2025-02-08 16:00:00 UTC", "UTC"),
    ("Sat, 08 Feb 2025 16:00:00 GMT", "GMT"),
    ("Sat, 08 Feb 2025 16:00:00 +0000", "+0000"),
]


@pytest.mark.parametrize(
    ("text", "zone"), ZERO_OFFSET_DROPS, ids=[row[0] for row in ZERO_OFFSET_DROPS]
)
def test_utc_zone_dropped_with_a_note(text: str, zone: str) -> None:
    result = rewrite_date(text, HUGO)
    assert result.text == "2025-02-08 16:00:00"
    assert result.safe is False
    assert f"dropped the UTC zone ({zone})" in result.note
    assert "time zone" in result.note


NONZERO_OFFSET_DROPS = [
    ("2025-02-08T16:00:00+01:00", HUGO, "+01:00"),
    ("2016-03-10 10:10:10 -0800", HUGO, "-08:00"),
    ("2025-02-08T16:00:00-08", DATE_ONLY, "-08:00"),
    ("2025-02-08 16:00 +05:30", HUGO, "+05:30"),
    ("2025-02-08 16:00 +01:00", "%Y-%m-%dT%H:%M:%SZ", "+01:00"),
]


@pytest.mark.parametrize(
    ("text", "fmt", "offset"),
    NONZERO_OFFSET_DROPS,
    ids=[f"{r[0]} -> {r[1]}" for r in NONZERO_OFFSET_DROPS],
)
def test_non_utc_zone_is_never_dropped(text: str, fmt: str, offset: str) -> None:
    with pytest.raises(ZoneWouldBeLost) as caught:
        rewrite_date(text, fmt)
    message = str(caught.value)
    assert offset in message
    assert "by hand" in message
    assert "%z" in message


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("2025-02-08 16:00:00", HUGO_ZONED),
        ("Feb 8, 2025", HUGO_ZONED),
        ("2025-02-08 16:00:00", "%Y-%m-%d %H:%M:%S %Z"),
        ("2025-02-08 16:00:00", "%Y-%m-%dT%H:%M:%SZ"),
    ],
    ids=["naive->%z", "date-only->%z", "naive->%Z", "naive->literal-Z"],
)
def test_missing_zone(text: str, fmt: str) -> None:
    with pytest.raises(MissingZone) as caught:
        rewrite_date(text, fmt)
    message = str(caught.value)
    assert "no zone" in message
    assert "unknown" in message
    assert isinstance(caught.value, DateError)


LOSSY = [
    ("2025-02-08 16:00:00.5", HUGO, "fraction of a second"),
    ("2025-02-08T16:00:00.123456Z", HUGO_ZONED, "fraction of a second"),
    ("2025-02-08 16:00", DATE_ONLY, "hour"),
    ("2025-02-08 00:30", DATE_ONLY, "minutes"),
    ("2025-02-08 16:00:30", "%Y-%m-%d %H:%M", "seconds"),
    ("2025-02-08 16:00", "%Y-%m-%d %I:%M", "hour"),
    ("2025-02-08", "%d/%m/%y", "year"),
]


@pytest.mark.parametrize(("text", "fmt", "part"), LOSSY, ids=[f"{r[0]} -> {r[1]}" for r in LOSSY])
def test_data_is_never_dropped(text: str, fmt: str, part: str) -> None:
    with pytest.raises(FieldWouldBeLost) as caught:
        rewrite_date(text, fmt)
    message = str(caught.value)
    assert f"has no {part}" in message
    assert "lose" in message
    assert isinstance(caught.value, DateError)


def test_twelve_hour_format_with_am_pm_is_fine() -> None:
    assert rewrite_date("2025-02-08 16:00", "%Y-%m-%d %I:%M %p").text == "2025-02-08 04:00 PM"


@pytest.mark.parametrize(
    ("text", "error"),
    [("03/04/2025", AmbiguousDate), ("tomorrow", NotADate), ("2025-02-29", NotADate)],
    ids=["ambiguous", "not-a-date", "impossible"],
)
def test_rewrite_propagates_parse_errors(text: str, error: type[DateError]) -> None:
    with pytest.raises(error):
        rewrite_date(text, HUGO)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

_Truncate = Callable[[datetime], datetime]


def _to_day(value: datetime) -> datetime:
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


def _to_minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _to_second(value: datetime) -> datetime:
    return value.replace(microsecond=0)


def _exact(value: datetime) -> datetime:
    return value


ROUND_TRIP_FORMATS: list[tuple[str, _Truncate]] = [
    (DATE_ONLY, _to_day),
    (HUGO, _to_second),
    ("%Y/%m/%d %H:%M", _to_minute),
    ("%Y-%m-%dT%H:%M:%S.%f", _exact),
    ("%d %B %Y", _to_day),
    ("%B %d, %Y", _to_day),
    ("%b %d, %Y %I:%M %p", _to_minute),
    ("%A, %B %d, %Y", _to_day),
    ("%a, %d %b %Y %H:%M:%S", _to_second),
    ("%d-%b-%Y %H:%M:%S", _to_second),
]

datetimes_1900_2100 = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31))
fixed_offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@given(value=datetimes_1900_2100, fmt_index=st.integers(0, len(ROUND_TRIP_FORMATS) - 1))
def test_round_trip_unambiguous_formats(value: datetime, fmt_index: int) -> None:
    fmt, truncate = ROUND_TRIP_FORMATS[fmt_index]
    assert parse_date(value.strftime(fmt)).value == truncate(value)


@given(value=datetimes_1900_2100, zone=fixed_offsets)
def test_round_trip_with_offset(value: datetime, zone: timezone) -> None:
    aware = value.replace(microsecond=0, tzinfo=zone)
    parsed = parse_date(aware.strftime(HUGO_ZONED))
    assert parsed.has_zone
    assert parsed.value == aware
    assert parsed.value.utcoffset() == aware.utcoffset()


@given(value=datetimes_1900_2100)
def test_canonical_hugo_text_is_a_fixed_point(value: datetime) -> None:
    text = value.strftime(HUGO)
    assert rewrite_date(text, HUGO) == DateRewrite(text=text, safe=True, note="")


@given(value=datetimes_1900_2100, day_first=st.booleans())
def test_numeric_day_month_is_read_or_refused_never_guessed(
    value: datetime, day_first: bool
) -> None:
    text = value.strftime("%d/%m/%Y" if day_first else "%m/%d/%Y")
    if value.day <= 12 and value.day != value.month:
        with pytest.raises(AmbiguousDate):
            parse_date(text)
    else:
        assert parse_date(text).value == _to_day(value)
