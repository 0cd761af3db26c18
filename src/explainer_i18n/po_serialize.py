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
from collections.abc import Mapping
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


def serialize_po(
    catalog: Catalog, width: int = 79, written: Mapping[Message, str] | None = None
) -> str:
    """The PO text of ``catalog``: header first, then entries, then obsolete entries.

    ``written``: the text this function gave entries before (read back from a catalog it
    wrote, at this width), which is used as it is instead of being worked out again."""
    entries: list[Message] = [] if catalog.header is None else [catalog.header]
    entries += [m for m in catalog.messages if not m.obsolete]
    entries += [m for m in catalog.messages if m.obsolete and _first_msgstr(m)]
    if len(entries) == (catalog.header is not None):
        return ""  # msgcat writes nothing for a catalog that holds nothing but its header
    if written:
        return "\n".join(written.get(m) or _entry(m, width) for m in entries)
    return "\n".join(_entry(message, width) for message in entries)


def _first_msgstr(message: Message) -> str:
    if message.msgid_plural is None:
        return message.msgstr
    return message.msgstr_plural[0] if message.msgstr_plural else ""


def _entry(message: Message, width: int) -> str:
    lines = _comment_lines(message, width)
    flags, no_wrap = _flags_line(message.flags, bool(_first_msgstr(message)), message.obsolete)
    if flags:
        lines.append(flags)
    wrap_width = _UNWRAPPED if no_wrap else width
    lines += _previous_lines(message, wrap_width)
    prefix = "#~ " if message.obsolete else ""
    if message.msgctxt is not None:
        lines += _field(prefix, "msgctxt", message.msgctxt, wrap_width)
    lines += _field(prefix, "msgid", message.msgid, wrap_width)
    if message.msgid_plural is None:
        lines += _field(prefix, "msgstr", message.msgstr, wrap_width)
    else:
        lines += _field(prefix, "msgid_plural", message.msgid_plural, wrap_width)
        for index, form in enumerate(message.msgstr_plural or ("", "")):
            lines += _field(prefix, f"msgstr[{index}]", form, wrap_width)
    lines.append("")
    return "\n".join(lines)


def _previous_lines(message: Message, wrap_width: int) -> list[str]:
    """The ``#|`` lines: the msgctxt, msgid and msgid_plural this translation was made for."""
    previous = "#~| " if message.obsolete else "#| "
    lines: list[str] = []
    for name, value in (
        ("msgctxt", message.previous_msgctxt),
        ("msgid", message.previous_msgid),
        ("msgid_plural", message.previous_msgid_plural),
    ):
        if value is not None:
            lines += _field(previous, name, value, wrap_width)
    return lines


@lru_cache(maxsize=1024)
def _flags_line(flags: tuple[str, ...], translated: bool, obsolete: bool) -> tuple[str, bool]:
    """The ``#,`` line msgcat writes for these flags (empty for none), and whether it is no-wrap.
    Entries share a few sets of flags, so each is read once."""
    state = read_flags(flags)
    written = (("fuzzy",) if state.fuzzy and translated else ()) + state.flags
    if obsolete:  # msgcat keeps no range on obsolete entries
        written = tuple(flag for flag in written if not flag.startswith("range: "))
    return ("#, " + ", ".join(written) if written else ""), state.no_wrap


def _comment_lines(message: Message, width: int) -> list[str]:
    lines: list[str] = []
    for mark, comments in (
        ("#", message.translator_comments),
        ("#.", message.extracted_comments),
    ):
        for comment in comments:
            if "\n" in comment or comment.endswith("\\"):
                lines += [
                    f"{mark} {_keep_line(line)}" if line else mark for line in comment.split("\n")
                ]
            else:
                lines.append(f"{mark} {comment}" if comment else mark)
    return lines + reference_lines(message.references, width)


def _keep_line(line: str) -> str:
    """gettext joins a line that ends with a backslash to the next; a space prevents that."""
    return line + " " if line.endswith("\\") else line


@lru_cache(maxsize=1 << 16)
def _field(prefix: str, name: str, value: str, width: int) -> tuple[str, ...]:
    """gettext's ``wrap()``: one keyword and its string, cut at newlines and wrapped."""
    room = width - 1 - (len(prefix) + 1)
    portions = (_PORTION.findall(value) or [""]) if "\n" in value else [value]
    lines: list[str] = []
    for index, portion in enumerate(portions):
        text = portion.translate(_ESCAPES) if _NEEDS_ESCAPE.search(portion) else portion
        final_newline = portion.endswith("\n")
        if index == 0:
            if not text or (
                len(portions) == 1
                and len(name) + 1 <= room
                and not break_positions(text, len(name) + 1, room, final_newline, first_only=True)
            ):
                return (f'{prefix}{name} "{text}"',)  # all of it on the keyword line
            lines.append(f'{prefix}{name} ""')
        start = 0
        for end in break_positions(text, 0, room, final_newline):
            lines.append(f'{prefix}"{text[start:end]}"')
            start = end
        lines.append(f'{prefix}"{text[start:]}"')
    return tuple(lines)
