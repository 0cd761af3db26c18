"""Write a catalog as PO text exactly as GNU ``msgcat`` (gettext 0.21, default options) prints it.

The output is a fixed point of ``msgcat FILE`` and passes ``msgfmt -c``. What this copies from
gettext's write-po.c: comment order (``#``, ``#.``, ``#:``, ``#,``, ``#|``); a translator comment
with line breaks becomes several ``#`` lines and an empty one a bare ``#``; strings are escaped
with ``\\a \\b \\f \\n \\r \\t \\v \\\\ \\"`` (other control characters stay raw), cut after every
``\\n`` and wrapped by :mod:`explainer_i18n.linebreak`; a string that needs more than one line
starts with ``""`` on the keyword line; ``no-wrap`` entries are not wrapped; obsolete entries come
after all others with ``#~ `` / ``#~| `` prefixes, and those whose (first) msgstr is empty are
dropped, as msgcat drops them. Flags and references follow :mod:`explainer_i18n.po_comments`.

Where msgcat's own output would not be a fixed point of msgcat, this writes the fixed point:
the header goes first (msgcat keeps it where it was), ``./`` is stripped before duplicate
references are dropped, extracted comments with line breaks become several ``#.`` lines, line
breaks inside a reference become spaces, a comment line ending with a backslash gets a space
after it (gettext would join it with the next line), and the output never starts with a blank
line. A catalog with nothing to write but its header comes out empty, as msgcat writes nothing
for it. A plural entry without any msgstr gets two empty ones, as xgettext writes templates.

Not copied: for entries flagged with a ``*-format`` flag, msgcat also refuses to break inside a
format directive (``% d`` in ``c-format``); such entries may wrap differently where a directive
holds a break opportunity. The tool itself never sets these flags.
"""

from __future__ import annotations

import re
from functools import lru_cache

from explainer_i18n.linebreak import break_positions
from explainer_i18n.model import Catalog, Message
from explainer_i18n.po_comments import read_flags, reference_lines

_ESCAPES = str.maketrans(
    {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}
    | {"\\": "\\\\", '"': '\\"'}
)
_NEEDS_ESCAPE = re.compile(r'[\a\b\f\n\r\t\v\\"]')
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")
_UNWRAPPED = 2**31 - 1  # INT_MAX, what gettext uses as the width of a no-wrap entry


def serialize_po(catalog: Catalog, width: int = 79) -> str:
    """The PO text of ``catalog``: header first, then entries, then obsolete entries."""
    entries: list[Message] = [] if catalog.header is None else [catalog.header]
    entries += [m for m in catalog.messages if not m.obsolete]
    entries += [m for m in catalog.messages if m.obsolete and _first_msgstr(m)]
    if len(entries) == (catalog.header is not None):
        return ""  # msgcat writes nothing for a catalog that holds nothing but its header
    return "\n".join(_entry(message, width) for message in entries)


def _first_msgstr(message: Message) -> str:
    if message.msgid_plural is None:
        return message.msgstr
    return message.msgstr_plural[0] if message.msgstr_plural else ""


def _entry(message: Message, width: int) -> str:
    lines = _comment_lines(message, width)
    state = read_flags(message.flags)
    flags = (("fuzzy",) if state.fuzzy and _first_msgstr(message) else ()) + state.flags
    if message.obsolete:  # msgcat keeps no range on obsolete entries
        flags = tuple(flag for flag in flags if not flag.startswith("range: "))
    if flags:
        lines.append("#, " + ", ".join(flags))
    wrap_width = _UNWRAPPED if state.no_wrap else width
    previous = "#~| " if message.obsolete else "#| "
    for name, value in (
        ("msgctxt", message.previous_msgctxt),
        ("msgid", message.previous_msgid),
        ("msgid_plural", message.previous_msgid_plural),
    ):
        if value is not None:
            lines += _field(previous, name, value, wrap_width)
    prefix = "#~ " if message.obsolete else ""
    for name, value in _fields(message):
        lines += _field(prefix, name, value, wrap_width)
    lines.append("")
    return "\n".join(lines)


def _comment_lines(message: Message, width: int) -> list[str]:
    lines = [
        f"# {_keep_line(line)}" if line else "#"
        for comment in message.translator_comments
        for line in comment.split("\n")
    ]
    lines += [
        f"#. {_keep_line(line)}" if line else "#."
        for comment in message.extracted_comments
        for line in comment.split("\n")
    ]
    return lines + reference_lines(message.references, width)


def _keep_line(line: str) -> str:
    """gettext joins a line that ends with a backslash to the next; a space prevents that."""
    return line + " " if line.endswith("\\") else line


def _fields(message: Message) -> list[tuple[str, str]]:
    fields = [] if message.msgctxt is None else [("msgctxt", message.msgctxt)]
    fields.append(("msgid", message.msgid))
    if message.msgid_plural is None:
        return [*fields, ("msgstr", message.msgstr)]
    fields.append(("msgid_plural", message.msgid_plural))
    forms = message.msgstr_plural or ("", "")
    return fields + [(f"msgstr[{index}]", form) for index, form in enumerate(forms)]


@lru_cache(maxsize=1 << 16)
def _field(prefix: str, name: str, value: str, width: int) -> tuple[str, ...]:
    """gettext's ``wrap()``: one keyword and its string, cut at newlines and wrapped."""
    room = width - 1 - (len(prefix) + 1)
    portions = _PORTION.findall(value) or [""]
    lines: list[str] = []
    first = True
    for index, portion in enumerate(portions):
        text = portion.translate(_ESCAPES) if _NEEDS_ESCAPE.search(portion) else portion
        final_newline = portion.endswith("\n")
        breaks: list[int] = []
        if first:
            breaks = break_positions(text, len(name) + 1, room, final_newline)
            if text and (index < len(portions) - 1 or len(name) + 1 > room or breaks):
                lines.append(f'{prefix}{name} ""')
                first = False
        if not first:
            breaks = break_positions(text, 0, room, final_newline)
        starts = [0, *breaks]
        pieces = [text[a:b] for a, b in zip(starts, [*breaks, len(text)], strict=True)]
        head = f"{prefix}{name} " if first else prefix
        lines.append(f'{head}"{pieces[0]}"')
        lines += [f'{prefix}"{piece}"' for piece in pieces[1:]]
        first = False
    return tuple(lines)
