"""Numbers a translation must keep, each text read in its own language's notation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from explainer_i18n.checks.conventions import conventions
from explainer_i18n.checks.dates import find_dates
from explainer_i18n.checks.links import find_links
from explainer_i18n.checks.times import ClockTime, find_times
from explainer_i18n.model import Rule, Severity

NUMBERS_MISMATCH = Rule(
    "numbers-mismatch",
    Severity.ERROR,
    "a number, quantity or time of the source is missing or changed in the translation",
)

_DIGIT = re.compile(r"\d")
_SPELLED_MAX = 12
"""Numbers up to twelve may be spelled out instead of written in digits."""


@dataclass(frozen=True)
class Quantities:
    """What a text says in digits: plain numbers (normalized, "1000", "3.5") and clock times."""

    numbers: tuple[str, ...]
    times: tuple[ClockTime, ...]


_NOTHING = Quantities((), ())


@cache
def _number_pattern(lang: str) -> re.Pattern[str]:
    """A number in the language's notation, with an optional word for "thousand" after it."""
    conv = conventions(lang)
    group = "[" + re.escape(conv.groups) + "]"
    decimal = re.escape(conv.decimal)
    # Taking the first digit before looking behind it lets the regex engine skip quickly to
    # the next digit; the rest is "(?<!\d)(\d{1,3}(?:G\d{3})+(?!\d)(?:D\d+)?|\d+(?:D\d+)?)".
    return re.compile(
        rf"(\d(?<!\d\d)(?:\d{{0,2}}(?:{group}\d{{3}})+(?!\d)(?:{decimal}\d+)?|\d*(?:{decimal}\d+)?))"
        rf"(\s?(?:{conv.thousand})(?!\w))?"
    )


@cache
def _words_pattern(lang: str) -> re.Pattern[str] | None:
    """The words for 1 to 12; the number of the matching group is the value."""
    words = conventions(lang).number_words
    if not words:
        return None
    return re.compile(
        r"(?<!\w)(?:" + "|".join(f"({w})" for w in words) + r")(?!\w)", re.IGNORECASE
    )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans replaced by spaces, so nothing in them reads as a number."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            pieces += [text[last:start], " " * (end - start)]
            last = end
    return "".join([*pieces, text[last:]])


@cache
def _plain(lang: str) -> dict[int, str | None]:
    """A str.translate table that drops group separators and makes the decimal mark a dot."""
    conv = conventions(lang)
    return {**dict.fromkeys(map(ord, conv.groups)), ord(conv.decimal): "."}


# The same few numbers recur across texts, and Decimal arithmetic is slow next to a lookup.
@lru_cache(maxsize=4096)
def _value(number: str, thousand: str, lang: str) -> str:
    """The normalized value of a number as written ("1.000,5" in German gives "1000.5"), times
    1,000 when a word for "thousand" follows it."""
    value = Decimal(number.translate(_plain(lang)))
    if thousand:
        value *= 1000
    return format(value.normalize(), "f")


# Each source text is read once per language of its catalogs, and the check reads both texts.
@lru_cache(maxsize=2048)
def quantities(text: str, lang: str) -> Quantities:
    """The numbers and times of a text, leaving out dates and links (other rules see them)."""
    if not _DIGIT.search(text):
        return _NOTHING
    text = _blank(text, [*((m.start, m.end) for m in find_dates(text, lang)), *find_links(text)])
    times = find_times(text, lang)
    text = _blank(text, [(start, end) for start, end, _ in times])
    # findall gives the two groups of each number as strings, without a match object each.
    numbers = tuple([_value(n, t, lang) for n, t in _number_pattern(lang).findall(text)])
    return Quantities(numbers, tuple([t for _, _, t in times]))


def _unpaired(times: Iterable[ClockTime], others: Iterable[ClockTime]) -> list[ClockTime]:
    """The times that agree with none of the others (each other used once)."""
    rest, left = list(others), []
    for time in times:
        partner = next((t for t in rest if time.agrees(t)), None)
        if partner is None:
            left.append(time)
        else:
            rest.remove(partner)
    return left


def _counts(own: Quantities, other: Quantities) -> Counter[str]:
    """The numbers of a text, with its times that the other text lacks as plain numbers."""
    counts = Counter(own.numbers)
    for time in _unpaired(own.times, other.times):
        counts.update(time.written)
    return counts


def _spelled(counts: Counter[str], text: str, lang: str) -> Counter[str]:
    """The counts less the small numbers that the other text spells out in words."""
    pattern = _words_pattern(lang)
    if pattern is None or not counts:
        return counts
    words = Counter(str(m.lastindex) for m in pattern.finditer(text))
    small = Counter({v: n for v, n in counts.items() if v.isdigit() and int(v) <= _SPELLED_MAX})
    return counts - (small & words)


def _same_numbers(source: Quantities, target: Quantities) -> bool:
    """Whether two texts plainly agree: the same numbers and no clock times (the usual case,
    settled without the counting of ``_mismatch``)."""
    return (
        not source.times and not target.times and sorted(source.numbers) == sorted(target.numbers)
    )


def _mismatch(
    source: Quantities, target: Quantities, msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """What the translation misses or adds, counting spelled-out small numbers as written."""
    source_counts, target_counts = _counts(source, target), _counts(target, source)
    missing = _spelled(source_counts - target_counts, msgstr, lang)
    extra = _spelled(target_counts - source_counts, msgid, source_lang)
    problems = []
    if missing:
        problems.append(f"{', '.join(missing.elements())} not in the translation")
    if extra:
        problems.append(f"{', '.join(extra.elements())} not in the source")
    if problems:
        yield NUMBERS_MISMATCH.id, "; ".join(problems)


def check_numbers(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """The translation holds the same numbers as the source (as multisets of values)."""
    if not (_DIGIT.search(msgid) or _DIGIT.search(msgstr)):
        return
    source, target = quantities(msgid, source_lang), quantities(msgstr, lang)
    if not _same_numbers(source, target):
        yield from _mismatch(source, target, msgid, msgstr, lang, source_lang)
