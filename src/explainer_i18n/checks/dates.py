"""Dates with month names or in digits ("6. Januar", "January 6", "6 січня", "06.01.2026")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from explainer_i18n import cldr
from explainer_i18n.checks.conventions import conventions
from explainer_i18n.model import Rule, Severity

DATE_MISMATCH = Rule(
    "date-mismatch",
    Severity.ERROR,
    "a date (day and month, and the year where the source gives one) differs in the translation",
)

Reading = tuple[int, int, int | None]
"""Day, month and year (None when not written) of one way to read a date."""


class DateMention(NamedTuple):
    """Where a text names one or more dates ("6. und 7. Januar" names two)."""

    start: int
    end: int
    dates: tuple[tuple[Reading, ...], ...]
    """Each date with its possible readings (an English 1/6/2026 has two)."""


_ORDINAL = r"(?:st|nd|rd|th|er|re|e|\.|-?(?:ого|го|е|й))?"
_RANGE = r"\s*(?:[-–—]|bis(?: zum)?|und|and|to|through|au|et|à|до|по|і|й|та)\s*"
_YEAR = r"(?:,?\s*((?:19|20)\d{2})(?!\d))?"
_ABBREVIATED = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Patterns start by taking a digit (then look behind it) rather than with a lookaround, so
# that the regex engine skips quickly to the next digit: "(\d(?<![X]\d)\d?)" reads as
# "(?<![X])(\d{1,2})", a day or month not written right after a character of X.
_DOTTED = re.compile(r"(\d(?<![\d.,/]\d)\d?)\.(\d{1,2})\.((?:19|20)?\d{2})?(?!\d)")
_SLASHED = re.compile(r"(\d(?<![\d/.]\d)\d?)/(\d{1,2})/((?:19|20)?\d{2})(?![\d/])")
_ISO = re.compile(r"(?=\d)(?<![\d-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])")
_DIGIT = re.compile(r"\d")
_START = attrgetter("start")


# A number, a word and maybe a year: the word is looked up among the month names, which is
# faster than an expression listing them all.
_DAY_FIRST = re.compile(
    rf"(\d(?<![\d.,/]\d)\d?){_ORDINAL}(?:{_RANGE}(\d{{1,2}}){_ORDINAL})?\s*(?:of\s+)?"
    rf"([^\W\d_]+\.?){_YEAR}"
)


@cache
def _month_first(lang: str) -> re.Pattern[str] | None:
    """Dates that put the month name first ("January 6"), for languages that write them so."""
    conv = conventions(lang)
    if not conv.month_first:
        return None
    names = sorted(cldr.month_names(lang), key=len, reverse=True)
    if conv.capital_months:
        names = [n[:1].upper() + n[1:] for n in names]
    months = "|".join(re.escape(n) for n in names) or "(?!)"
    days = r"(\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    flags = 0 if conv.capital_months else re.IGNORECASE
    return re.compile(rf"(?<!\w)({months})(?!\w)\.?\s+{days}(?:{_RANGE}{days})?{_YEAR}", flags)


# Most words after a number are no month: the same few are looked up again and again.
@lru_cache(maxsize=4096)
def _month(word: str, lang: str) -> int | None:
    """The month a word names in the language ("Januar", "janv.", "січня"), if it names one."""
    if conventions(lang).capital_months and not word[:1].isupper():
        return None
    names, key = cldr.month_names(lang), word.lower()
    return names.get(key) or names.get(key.rstrip("."))


def _mention(match: re.Match[str], month: int, days: tuple[str, str]) -> tuple[DateMention, ...]:
    """The dates of one match (group 4 is the year), if it names real days."""
    year = int(match[4]) if match[4] else None
    dates = tuple(((int(d), month, year),) for d in days if d and 1 <= int(d) <= 31)
    return (DateMention(match.start(), match.end(), dates),) if dates else ()


def _named(text: str, lang: str) -> list[DateMention]:
    """Dates written with a month name."""
    found: list[DateMention] = []
    for match in _DAY_FIRST.finditer(text):
        month = _month(match[3], lang)
        if month is not None:
            found += _mention(match, month, (match[1], match[2]))
    pattern = _month_first(lang)
    for match in pattern.finditer(text) if pattern else ():
        month = _month(match[1], lang)
        if month is not None:
            found += _mention(match, month, (match[2], match[3]))
    return found


def _year(text: str | None) -> int | None:
    """A written year, two-digit years read as this century."""
    if not text:
        return None
    return int(text) + (2000 if len(text) == 2 else 0)


def _numeric(text: str, lang: str) -> list[DateMention]:
    """Dates written in digits: 06.01.2026 (6.1. in German), 1/6/2026, 2026-01-06."""
    conv = conventions(lang)
    found: list[DateMention] = []
    for match in _DOTTED.finditer(text):
        if match.group(3) or conv.day_month_digits:
            day, month, year = match.groups()
            found += _valid(match, ((int(day), int(month), _year(year)),))
    for match in _SLASHED.finditer(text) if "/" in text else ():
        first, second, year = int(match[1]), int(match[2]), _year(match[3])
        readings = [(first, second, year), (second, first, year)]
        if conv.month_first:
            readings.reverse()
        found += _valid(match, tuple(readings))
    for match in _ISO.finditer(text) if "-" in text else ():
        found += _valid(match, ((int(match[3]), int(match[2]), int(match[1])),))
    return found


def _valid(match: re.Match[str], readings: tuple[Reading, ...]) -> tuple[DateMention, ...]:
    """The mention, keeping only the readings that can be calendar dates."""
    kept = tuple(r for r in readings if 1 <= r[0] <= 31 and 1 <= r[1] <= 12)
    return (DateMention(match.start(), match.end(), (kept,)),) if kept else ()


# The number check and the date check both read each text's dates.
@lru_cache(maxsize=4096)
def find_dates(text: str, lang: str) -> tuple[DateMention, ...]:
    """The dates a text names, in text order, none overlapping another."""
    if not _DIGIT.search(text):
        return ()
    found = _named(text, lang) + _numeric(text, lang)
    found.sort(key=_START)
    kept: list[DateMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return tuple(kept)


def _agree(source: Reading, target: Reading) -> bool:
    """Same day and month; a year in the source must be in the translation too."""
    return source[:2] == target[:2] and source[2] in (None, target[2])


def _show(readings: tuple[Reading, ...]) -> str:
    """A date for a finding: "6 Jan 2026"."""
    day, month, year = readings[0]
    return f"{day} {_ABBREVIATED[month - 1]}" + (f" {year}" if year else "")


def check_dates(msgid: str, msgstr: str, lang: str, source_lang: str) -> Iterator[tuple[str, str]]:
    """Every date of the source is in the translation, and the translation adds none."""
    source = [d for m in find_dates(msgid, source_lang) for d in m.dates]
    target = [d for m in find_dates(msgstr, lang) for d in m.dates]
    # The same dates in the same order pair up one by one (each agrees with itself): the usual
    # case needs no search for partners.
    if source != target:
        yield from _unpaired(source, target)


def _unpaired(
    source: list[tuple[Reading, ...]], target: list[tuple[Reading, ...]]
) -> Iterator[tuple[str, str]]:
    """The finding for the source dates without a partner in the translation and the other way
    round (each date of the translation partners one source date at most)."""
    target = list(target)
    missing = []
    for date in source:
        match = next(
            (t for t in target if any(_agree(s, r) for s in date for r in t)),
            None,
        )
        if match is None:
            missing.append(_show(date))
        else:
            target.remove(match)
    problems = [f"{', '.join(missing)} not in the translation"] if missing else []
    if target:
        problems.append(f"{', '.join(_show(t) for t in target)} not in the source")
    if problems:
        yield DATE_MISMATCH.id, "; ".join(problems)
