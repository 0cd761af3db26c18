"""Clock times in running text (14.30 Uhr, 14:30, 2:30 p.m., 14 h 30), read in any language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from explainer_i18n.checks.conventions import Conventions, conventions


@dataclass(frozen=True)
class ClockTime:
    """A time of day as written: its 24-hour reading and the numbers a reader sees."""

    hour: int
    minute: int
    loose: bool
    """Written on a 12-hour clock without a.m. or p.m., so ``hour`` may be 12 hours off."""
    written: tuple[str, ...]
    """The hour (and minute, when written) as plain numbers, for comparing with a text that
    writes the same time in a way these patterns do not read."""

    def agrees(self, other: ClockTime) -> bool:
        """Whether two times may be the same time of day."""
        if self.minute != other.minute:
            return False
        if self.loose or other.loose:
            return self.hour % 12 == other.hour % 12
        return self.hour % 24 == other.hour % 24


_HOUR = r"(?<![\d.,:])([01]?\d|2[0-4])"
_MINUTE = r"([0-5]\d)"
_AMPM = r"\s?([ap])\.?\s?m\.?(?!\w)"
_NO_MARKER = "()"


def _alternatives(conv: Conventions) -> tuple[str, ...]:
    """The ways to write a time, each with exactly three groups: hour, minute, a/p marker."""
    ampm = f"(?:{_AMPM})?" if conv.twelve_hour else _NO_MARKER
    word = rf"\s?(?:{conv.clock_words})(?!\w)"
    after_word = rf"(?:\s?{_MINUTE}(?!\d))?" if conv.minutes_after_word else "()"
    found = [
        rf"{_HOUR}:{_MINUTE}(?![\d:]){ampm}",
        rf"{_HOUR}{word}{after_word}{_NO_MARKER}",
    ]
    if conv.decimal != ".":
        # A dot between hour and minute makes a time only where the dot is no decimal mark
        # (German 14.30 Uhr, Ukrainian 14.30); English needs a.m. or p.m. after it.
        found.append(rf"{_HOUR}\.{_MINUTE}(?!\d|[.,]\d)(?:{word})?{_NO_MARKER}")
    if conv.twelve_hour:
        found.append(rf"{_HOUR}(?:[.:]{_MINUTE})?{_AMPM}")
    return tuple(found)


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    """Every way of writing a time in this language, as one expression."""
    # (?=\d) lets the regex engine skip quickly to the next digit.
    return re.compile(
        "(?=\\d)(?:" + "|".join(_alternatives(conventions(lang))) + ")", re.IGNORECASE
    )


def _read(groups: tuple[str | None, ...], twelve_hour: bool) -> ClockTime | None:
    """The time from one match's groups, three per alternative."""
    first = next(i for i in range(0, len(groups), 3) if groups[i] is not None)
    hour_text, minute_text, marker = groups[first : first + 3]
    hour, minute = int(hour_text or 0), int(minute_text or 0)
    written = (str(hour), str(minute)) if minute_text else (str(hour),)
    if marker:
        if hour == 0 or hour > 12:
            return None
        hour = hour % 12 + (12 if marker.lower() == "p" else 0)
        return ClockTime(hour, minute, False, written)
    return ClockTime(hour, minute, twelve_hour and 1 <= hour <= 12, written)


def find_times(text: str, lang: str) -> list[tuple[int, int, ClockTime]]:
    """The clock times in the text, with their spans."""
    twelve_hour = conventions(lang).twelve_hour
    found = []
    for match in _pattern(lang).finditer(text):
        time = _read(match.groups(), twelve_hour)
        if time is not None:
            found.append((match.start(), match.end(), time))
    return found
