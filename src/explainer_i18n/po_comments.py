"""gettext's rules for ``#,`` flags and ``#:`` references, shared by the PO reader and writer.

Flags: gettext reads a ``#,`` (or ``#!``) line as tokens separated by spaces, tabs and commas, and a
later flags line of the same entry replaces an earlier one. ``msgcat`` writes back only the flags it
knows, in its own order: ``fuzzy`` (only when the first msgstr is not empty), the ``*-format`` flags
in gettext 0.21's list order (``possible-`` written without the prefix, ``impossible-`` dropped),
``range: MIN..MAX``, and ``no-wrap``; ``wrap`` and unknown flags are dropped.

References: gettext 0.21 splits a ``#:`` line at whitespace, joins ``file:`` or ``file :`` with a
following line number, drops repeated file/line pairs, strips leading ``./`` and refills the items
so that no ``#:`` line passes the page width (counting bytes). gettext 0.22 and later also write a
file name that contains spaces between U+2068 and U+2069; the reader understands that form and the
writer produces it, filled the way gettext 0.21 (which sees the isolated name as separate items)
fills it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript", "scheme",
    "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal", "smalltalk", "qt",
    "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace", "php", "gcc-internal",
    "gfc-internal", "ycp",
)  # fmt: skip
"""The languages of gettext 0.21's ``*-format`` flags, in the order msgcat writes them."""

_FORMAT_INDEX = {lang: index for index, lang in enumerate(FORMAT_LANGUAGES)}
_SEPARATORS = re.compile(r"[\n \t\r\f\v,]+")
_RANGE = re.compile(r"(\d+)\.\.(\d+)")
_INT_MAX = 2**31 - 1
ISOLATE_START, ISOLATE_END = "\u2068", "\u2069"
_TRAILING_LINE = re.compile(r"(?<=.):(\d+)$", re.DOTALL)
_TRICKY_REFERENCES = re.compile(
    r"[\u2068\f\v\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|:\s|\s:|:$"
)
# An item that reads back as itself: a name without colons and at most a line number written
# the way it is printed (no leading zero, not long enough to be capped).
_CANONICAL_ITEM = re.compile(r"[^:]+(?::[1-9][0-9]{0,17})?")
# ... and one that is also written as itself: printable ASCII, no blank, no leading "./".
_PLAIN_ITEM = re.compile(r"(?!\./)[!-9;-~]+(?::[1-9][0-9]{0,17})?")
_ONE_PLAIN_ITEM = re.compile(r" ?([!-9;-~]+(?::[1-9][0-9]{0,17})?)")


def number(digits: str) -> int:
    """A run of decimal digits as a number; absurdly long runs are capped rather than refused."""
    return int(digits) if len(digits) <= 18 else 10**18


def flag_tokens(text: str) -> list[str]:
    """The flags of one ``#,`` line, as gettext splits them; ``range:`` keeps its value."""
    tokens: list[str] = []
    pending_range = False
    for token in _SEPARATORS.split(text):
        if not token:
            continue
        if pending_range:
            tokens[-1] = f"range: {token}"
            pending_range = False
        else:
            tokens.append(token)
            pending_range = token == "range:"
    return tokens


@dataclass(frozen=True)
class FlagState:
    """What gettext makes of an entry's flags."""

    fuzzy: bool
    flags: tuple[str, ...]
    """The flags msgcat writes, in its order, ``fuzzy`` excepted."""
    no_wrap: bool


def read_flags(flags: tuple[str, ...]) -> FlagState:
    """Interpret flags the way gettext's ``po_parse_comment_special`` does."""
    fuzzy = False
    formats: dict[int, str] = {}
    span: tuple[int, int] | None = None
    wrap: bool | None = None
    for token in flag_tokens(",".join(flags)):
        if token == "fuzzy":
            fuzzy = True
        elif token.endswith("-format") and (found := _format_flag(token)) is not None:
            formats[found[0]] = found[1]
        elif token.startswith("range: "):
            span = _range(token[7:]) or span
        elif token in ("wrap", "no-wrap"):
            wrap = token == "wrap"
    written = [formats[index] for index in sorted(formats) if formats[index]]
    if span is not None:
        written.append(f"range: {span[0]}..{span[1]}")
    if wrap is False:
        written.append("no-wrap")
    return FlagState(fuzzy, tuple(written), wrap is False)


def _format_flag(token: str) -> tuple[int, str] | None:
    name = token[: -len("-format")]
    for prefix, written in (
        ("no-", "no-{}-format"),
        ("possible-", "{}-format"),
        ("impossible-", ""),
    ):
        if name.startswith(prefix) and name[len(prefix) :] in _FORMAT_INDEX:
            lang = name[len(prefix) :]
            return _FORMAT_INDEX[lang], written.format(lang)
    if name in _FORMAT_INDEX:
        return _FORMAT_INDEX[name], token
    return None


def _range(value: str) -> tuple[int, int] | None:
    match = _RANGE.match(value)
    if match is None or match.end() != len(value):
        return None
    low, high = (min(number(group), _INT_MAX) for group in match.groups())
    return (low, high) if low <= high else None


# --- references --------------------------------------------------------------------------------


def reference_items(lines: list[str]) -> tuple[str, ...]:
    """The items of all ``#:`` lines of an entry, each file/line pair once as gettext keeps them.
    The lines are read as one text because gettext 0.21 may fill an isolated file name over two
    lines."""
    if len(lines) == 1 and (single := _ONE_PLAIN_ITEM.fullmatch(lines[0])):
        return (single.group(1),)
    text = " ".join(lines)
    tokens = text.split()
    if _TRICKY_REFERENCES.search(text) is None and all(map(_CANONICAL_ITEM.fullmatch, tokens)):
        return tuple(dict.fromkeys(tokens))  # each token reads back as itself
    return _items_read(text)


def _items_read(text: str) -> tuple[str, ...]:
    """What ``reference_items`` answers, found item by item."""
    items = (name if line is None else f"{name}:{line}" for name, line in read_references(text))
    return tuple(dict.fromkeys(items))


def read_references(text: str) -> list[tuple[str, int | None]]:
    """The file/line pairs of a ``#:`` line, as gettext 0.22 reads them (isolated names too)."""
    return _references(text, isolates=True)


def _references(text: str, isolates: bool) -> list[tuple[str, int | None]]:
    if _TRICKY_REFERENCES.search(text) is None:
        return [_plain_reference(token) for token in text.split()]
    found: list[tuple[str, int | None]] = []
    pos = _skip_blanks(text, 0)
    while pos < len(text):
        isolated = isolates and text.startswith(ISOLATE_START, pos)
        end = text.find(ISOLATE_END, pos + 1) if isolated else -1
        if end > 0 and ISOLATE_START not in text[pos + 1 : end] and "\n" not in text[pos:end]:
            name, pos = text[pos + 1 : end], end + 1
        else:
            # without its closing mark, an isolated name reads as gettext 0.21 reads it
            isolated, end = False, pos + 1
            while end < len(text) and text[end] not in " \t\n":
                end += 1
            name, pos = text[pos:end], end
        name, line, pos = _line_number(text, name, pos, isolated)
        found.append((name, line))
        pos = _skip_blanks(text, pos)
    return found


def _plain_reference(token: str) -> tuple[str, int | None]:
    """A lone ``file`` or ``file:line`` item (the common case, checked by the caller); the same
    as ``_TRAILING_LINE`` for a token without blanks, whose digits are the ones ``\\d`` takes."""
    name, colon, digits = token.rpartition(":")
    if colon and name and digits.isdecimal():
        return name, number(digits)
    return token, None


def _line_number(text: str, name: str, pos: int, isolated: bool) -> tuple[str, int | None, int]:
    """gettext's three ways of attaching a line number to a file name."""
    after = _skip_blanks(text, pos)
    if after < len(text) and text[after] == ":":
        digits = _digits_at(text, _skip_blanks(text, after + 1))
        if digits is not None:
            return name, digits[0], digits[1]
    if name.endswith(":") and not isolated:
        digits = _digits_at(text, _skip_blanks(text, pos))
        if digits is not None:
            return name[:-1], digits[0], digits[1]
    if not isolated:
        match = _TRAILING_LINE.search(name)
        if match is not None and match.start() > 0:
            return name[: match.start()], number(match.group(1)), pos
    return name, None, pos


def _skip_blanks(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _digits_at(text: str, pos: int) -> tuple[int, int] | None:
    end = pos
    while end < len(text) and "0" <= text[end] <= "9":
        end += 1
    if end == pos or (end < len(text) and text[end] not in " \t\n"):
        return None
    return number(text[pos:end]), end


def reference_lines(references: tuple[str, ...], page_width: int) -> list[str]:
    """The ``#:`` lines msgcat writes for these references (none for none)."""
    if len(references) == 1 and _PLAIN_ITEM.fullmatch(references[0]):
        return [f"#: {references[0]}"]  # the first item goes on its line whatever its size
    if all(map(_PLAIN_ITEM.fullmatch, references)):
        return _fill(list(dict.fromkeys(references)), page_width)  # each is written as it is
    return _lines_written(references, page_width)


def _lines_written(references: tuple[str, ...], page_width: int) -> list[str]:
    """What ``reference_lines`` answers, found item by item."""
    rendered = " ".join(_render(item) for item in references if item)
    seen: set[tuple[str, int | None]] = set()
    items: list[str] = []
    for name, line in _references(rendered, isolates=False):
        while name.startswith("./"):
            name = name[2:]
        if (name, line) not in seen:
            seen.add((name, line))
            items.append(name if line is None else f"{name}:{line}")
    return _fill(items, page_width)


def _render(item: str) -> str:
    """A reference as it goes on a ``#:`` line: a name with blanks between isolate marks."""
    item = item.replace("\r", " ").replace("\n", " ")
    match = re.fullmatch(r"(.*):(\d+)", item, re.DOTALL)
    name, line = (match.group(1), f":{match.group(2)}") if match else (item, "")
    if (" " in name or "\t" in name) and not name.startswith(ISOLATE_START):
        name = f"{ISOLATE_START}{name}{ISOLATE_END}"
    return name + line


def _fill(items: list[str], page_width: int) -> list[str]:
    lines: list[str] = []
    current = "#:"
    column = 2
    for item in items:
        size = len(item.encode("utf-8")) + 1
        if column > 2 and column + size > page_width:
            lines.append(current)
            current, column = "#:", 2
        current += " " + item
        column += size
    if items:
        lines.append(current)
    return lines
