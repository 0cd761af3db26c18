"""Where msgcat breaks a long PO string: gnulib's UAX #14 line breaking as gettext 0.21 runs it.

gettext's ``wrap()`` (write-po.c) escapes each ``\\n``-terminated portion of a string, then asks
libunistring's ``ulc_width_linebreaks_v2`` where to break it so that no line passes the page width,
forbidding breaks inside escape sequences and before a final ``\\n``. This module reproduces that
computation exactly for libunistring 1.0 (the library gettext 0.21 uses on Debian 12): the UAX #14
classes and pair table come from its tables (``linebreak_data``), display widths from its
``uc_width``, and the greedy fill from ``u8_width_linebreaks``. Ordinary text takes a fast path
that looks only at the few characters around each line end; text with combining marks, joiners,
regional indicators or mandatory-break characters takes a direct port of the library's loop.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from explainer_i18n.linebreak_data import PAIR_TABLE, PAIRS, RUNS

# libunistring 1.0's class numbers; 0..32 index PAIR_TABLE, the rest are handled by rules.
HY, BA, NU, HL, RI, ZWJ = 5, 3, 16, 28, 29, 30
AL, H2, H3 = 20, 21, 22
BK, CR, LF, CM, ZW, SP = 33, 34, 35, 36, 37, 38
_HL_BA = 100  # runtime-only state: a Hebrew letter followed by a hyphen or break-after
_MANDATORY = frozenset((BK, CR, LF))
_COMPLEX = frozenset((BK, CR, LF, CM, ZWJ, RI))
_PAIR_TABLE = tuple(tuple(row) for row in PAIR_TABLE)
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _decode_runs() -> tuple[list[int], list[tuple[int, int]]]:
    starts: list[int] = []
    pairs: list[tuple[int, int]] = []
    for entry in "".join(RUNS).split():
        starts.append(int(entry[:-1], 16))
        pairs.append(PAIRS[_DIGITS.index(entry[-1])])
    return starts, pairs


_STARTS, _PAIRS = _decode_runs()


def _characters(wanted: Callable[[int, int], bool]) -> re.Pattern[str]:
    """A character class of the BMP characters whose class and width (as libunistring's tables
    give them, before the Hangul rule) are ``wanted``, and of every character beyond the BMP
    (which a caller looks up one by one): that shape keeps the class a fast bitmap."""
    ranges: list[list[int]] = []
    for start, end, (cls, width) in zip(_STARTS, [*_STARTS[1:], 0x110000], _PAIRS, strict=True):
        if start >= 0x10000 or not wanted(cls, width):
            continue
        if ranges and ranges[-1][1] == start:
            ranges[-1][1] = min(end, 0x10000)
        else:
            ranges.append([start, min(end, 0x10000)])
    bmp = "".join(f"\\u{low:04x}-\\u{high - 1:04x}" for low, high in ranges)
    return re.compile(f"[{bmp}\\U00010000-\\U0010ffff]")


# Which path a text takes (see _path), and whether it may hold wide characters.
_NOT_PLAIN = _characters(lambda cls, width: cls in _COMPLEX or width != 1)
_NEEDS_FULL = _characters(lambda cls, width: cls in _COMPLEX)
_WIDE = _characters(lambda cls, width: width == 2)


def _properties(code: int) -> tuple[int, int]:
    cls, width = _PAIRS[bisect_right(_STARTS, code) - 1]
    if 0xAC00 <= code <= 0xD7A3:  # Hangul syllables: LV every 28th code point, LVT otherwise
        cls = H2 if (code - 0xAC00) % 28 == 0 else H3
    return cls, width


class _ClassOf(dict[str, int]):
    """Line-break class of a character, remembered once looked up."""

    def __missing__(self, char: str) -> int:
        value = self[char] = _properties(ord(char))[0]
        return value


class _WidthOf(dict[str, int]):
    """Display width of a character as libunistring counts it (control characters: 0)."""

    def __missing__(self, char: str) -> int:
        value = self[char] = max(_properties(ord(char))[1], 0)
        return value


_CLASS_OF = _ClassOf()
_WIDTH_OF = _WidthOf()


class _Kind(dict[str, int]):
    """Which path a character needs: 0 the plain one (width 1, pair rules only), 1 the plain one
    with widths counted, 2 the full algorithm."""

    def __missing__(self, char: str) -> int:
        cls, width = _properties(ord(char))
        value = self[char] = 2 if cls in _COMPLEX else int(width != 1)
        return value


_KIND_OF = _Kind()
_WORDS = frozenset((AL, NU, HL))  # no break between two of these without a space


def break_positions(
    text: str, start_column: int, width: int, final_newline: bool, first_only: bool = False
) -> list[int]:
    """Indices of ``text`` before which msgcat starts a new line.

    ``text`` is a string body as written between quotes (a backslash and the character after it
    are never split); ``start_column`` is the column the first line starts at and ``width`` the
    columns a line may fill, both counted the way gettext's ``wrap()`` passes them;
    ``final_newline`` keeps a closing ``\\n`` escape on the line before it. With ``first_only``
    the list may stop after its first index, which tells whether the text is broken at all."""
    if not text or _fits(text, start_column, width):
        return []
    kind = _path(text)
    if kind == 0:
        return _greedy(text, start_column, width, final_newline, None, first_only)
    if kind == 1:
        prefix = [0, *accumulate(_WIDTH_OF[c] for c in text)]
        return _greedy(text, start_column, width, final_newline, prefix, first_only)
    return _full(text, start_column, width, final_newline)


def _path(text: str) -> int:
    """The path ``text`` needs, the highest of its characters' (``_Kind``); two searches in C
    settle it for text within the BMP."""
    if _NOT_PLAIN.search(text) is None:
        return 0
    if _NEEDS_FULL.search(text) is None:
        return 1
    return max(map(_KIND_OF.__getitem__, set(text)))


def _fits(text: str, start_column: int, width: int) -> bool:
    """Whether ``text`` fits in ``width`` columns from ``start_column`` on, so that msgcat
    breaks it nowhere; a quick test that may answer False for some text that fits."""
    if start_column + len(text) > width:
        return False
    return text.isascii() or _WIDE.search(text) is None


def _greedy(
    text: str,
    column: int,
    width: int,
    final_newline: bool,
    prefix: list[int] | None,
    first_only: bool,
) -> list[int]:
    """Fill lines greedily, testing break opportunities only near each line end."""
    size = len(text)
    guard = size - 2 if final_newline else -1
    breaks: list[int] = []
    start = 0
    while True:
        room = width - column
        if prefix is None:
            if size - start <= room:
                return breaks
            limit = start + room
        else:
            if prefix[size] - prefix[start] <= room:
                return breaks
            limit = bisect_right(prefix, prefix[start] + room) - 1
        found = _last_opportunity(text, max(limit, start), start, guard)
        if found is None:
            found = _first_opportunity(text, max(limit, start) + 1, size, guard)
            if found is None:
                return breaks
        breaks.append(found)
        if first_only:
            return breaks
        start, column = found, 0


def _last_opportunity(text: str, high: int, low: int, guard: int) -> int | None:
    return _scan(text, range(min(high, len(text) - 1), low, -1), guard)


def _first_opportunity(text: str, low: int, size: int, guard: int) -> int | None:
    return _scan(text, range(low, size), guard)


def _scan(text: str, indices: range, guard: int) -> int | None:
    """The first of ``indices`` where a break is allowed; spaces and letters inside a word are
    skipped cheaply because most candidates are."""
    class_of, words = _CLASS_OF, _WORDS
    for index in indices:
        cls = class_of[text[index]]
        if cls == SP or (cls in words and class_of[text[index - 1]] in words):
            continue
        if _is_opportunity(text, index, guard):
            return index
    return None


def _is_opportunity(text: str, index: int, guard: int) -> bool:
    """Whether libunistring allows a break before ``text[index]``, for text without classes
    that need the full algorithm (combining marks, joiners, regional indicators, line ends)."""
    if index == guard or (text[index - 1] == "\\" and _escaped(text, index)):
        return False
    cls = _CLASS_OF[text[index]]
    if cls in (SP, ZW):
        return False
    before = index - 1
    while before >= 0 and _CLASS_OF[text[before]] == SP:
        before -= 1
    if before < 0:
        return False
    last = _CLASS_OF[text[before]]
    if last == ZW:
        return True
    if index >= 2 and _CLASS_OF[text[index - 1]] in (HY, BA) and _CLASS_OF[text[index - 2]] == HL:
        return False
    rule = _PAIR_TABLE[last][cls]
    return rule == "D" or (rule == "I" and before < index - 1)


def _escaped(text: str, index: int) -> bool:
    """Whether ``text[index]`` is the second character of a backslash escape."""
    count = 0
    while index > 0 and text[index - 1] == "\\":
        count += 1
        index -= 1
    return count % 2 == 1


def _full(text: str, column: int, width: int, final_newline: bool) -> list[int]:
    """Port of ``u8_width_linebreaks`` over every character, for text the fast path cannot take."""
    opportunities = possible_breaks(text)
    for index in _forced_together(text, final_newline):
        opportunities[index] = 0
    breaks: list[int] = []
    last: int | None = None
    piece = 0
    for index, char in enumerate(text):
        kind = opportunities[index]
        if kind and last is not None and column + piece > width:
            breaks.append(last)
            column = 0
        if kind == 2:
            last, column, piece = None, 0, 0
            continue
        if kind == 1:
            last, column, piece = index, column + piece, 0
        piece += _WIDTH_OF[char]
    if last is not None and column + piece > width:
        breaks.append(last)
    return breaks


def _forced_together(text: str, final_newline: bool) -> list[int]:
    indices = [i for i in range(1, len(text)) if text[i - 1] == "\\" and _escaped(text, i)]
    if final_newline:
        indices.append(len(text) - 2)
    return indices


def possible_breaks(text: str) -> list[int]:
    """Port of ``u8_possible_linebreaks_v2``: per character 1 if a break before it is allowed,
    2 if the character is a mandatory line break, 0 otherwise."""
    result = [0] * len(text)
    prev = last = BK
    spaces = False
    regional = 0
    for index, char in enumerate(text):
        cls = _CLASS_OF[char]
        if cls in _MANDATORY:
            result[index], prev, last, spaces = 2, cls, BK, False
        else:
            if cls == SP:
                spaces = True
            elif cls == ZW:
                last, spaces = ZW, False
            elif cls in (CM, ZWJ):
                if last == BK:
                    last, spaces = AL, False
                elif last == ZW or spaces:
                    result[index], last, spaces = 1, AL, False
            else:
                result[index] = _pair_break(last, cls, prev, spaces, regional)
                last, spaces = cls, False
            prev = _HL_BA if prev == HL and cls in (HY, BA) else cls
        regional = regional + 1 if cls == RI else 0
    return result


def _pair_break(last: int, cls: int, prev: int, spaces: bool, regional: int) -> int:
    if last == BK:
        return 0
    if last == ZW:
        return 1
    if prev == ZWJ:
        return 0
    if last == RI and cls == RI:
        return 1 if spaces or regional % 2 == 0 else 0
    if prev == _HL_BA:
        return 0
    rule = _PAIR_TABLE[last][cls]
    return 1 if rule == "D" or (rule == "I" and spaces) else 0
