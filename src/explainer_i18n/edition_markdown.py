"""The Markdown edition: CommonMark with translated text escaped so it reads as plain text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from explainer_i18n import cldr
from explainer_i18n.edition_content import (
    block_lines,
    item_numbers,
    list_intro,
    list_items,
    question_text,
    unit_text,
)
from explainer_i18n.model import Block, Document

# Characters that start inline markup wherever they stand. "_" is spared between two letters or
# digits, where CommonMark never reads it as emphasis ("snake_case" stays readable); "<" only
# when touching the next character, as a tag, comment or (e-mail) autolink needs; "&" only
# where it would form an entity.
_INLINE = re.compile(
    r"[\\`*\[\]~]"
    r"|(?<![^\W_])_|_(?![^\W_])"
    r"|<(?=\S)"
    r"|&(?=#?[A-Za-z0-9]+;)"
)
# Constructs recognised only at the start of a line; the group is the character to escape.
_LINE_START = re.compile(
    r"(#{1,6})(?=\s|$)"  # ATX heading
    r"|(>)"  # block quote
    r"|([-+])(?=\s|$)"  # bullet list item
    r"|[0-9]{1,9}([.)])(?=\s|$)"  # ordered list item
    r"|(-)[-\s]*$"  # thematic break or setext underline
    r"|(=+)\s*$"  # setext underline
)
_TABLE_DELIMITER_ROW = re.compile(r"[|:\-\s]*-[|:\-\s]*")
# CommonMark's line endings and blanks: only these, so that no-break spaces (French "?"
# spacing) and U+2028 inside a translation are kept as the text they are.
_LINE_END = re.compile(r"\r\n|\r|\n")
_BLANKS = " \t"


def escape_inline(text: str) -> str:
    """Backslash-escape the characters that would turn text into inline markup."""
    return _INLINE.sub(lambda m: "\\" + m.group(0), text)


def escape_line(line: str) -> str:
    """One line of running text, escaped so that it stays a plain paragraph line."""
    line = escape_inline(line.strip(_BLANKS))
    match = _LINE_START.match(line)
    if match:
        group = next(g for g in range(1, 7) if match.group(g) is not None)
        at = match.start(group)
        line = line[:at] + "\\" + line[at:]
    if "|" in line and _TABLE_DELIMITER_ROW.fullmatch(line):
        line = line.replace("|", "\\|")
    return line


def escape_lines(text: str) -> list[str]:
    """Running text as escaped lines; blank lines are dropped so the text stays one block."""
    return [escape_line(line) for line in _LINE_END.split(text) if line.strip(_BLANKS)]


def escape_heading(text: str) -> str:
    """Text for an ATX heading: one line, and a trailing "#" run kept as text."""
    line = escape_inline(" ".join(line.strip(_BLANKS) for line in _LINE_END.split(text)))
    line = line.strip(_BLANKS)
    return re.sub(r"(^|\s)(#+)$", r"\1\\\2", line)


@dataclass(frozen=True)
class ListStyle:
    """How a Markdown list was written, so that the list after it can be kept apart."""

    ordered: bool
    alternate: bool
    """Whether it used "*" or ")" instead of "-" or "."."""


def render_markdown(doc: Document, texts: Mapping[str, str], lang: str) -> str:
    """The edition as Markdown: date line, questions as level-2 headings, paragraphs, lists."""
    chunks: list[str] = []
    if doc.date is not None:
        chunks.append(f"*{escape_inline(cldr.long_date(doc.date, lang))}*")
    style: ListStyle | None = None
    for block in doc.blocks:
        if block.kind == "list":
            chunk, style = _list(block, texts, style)
        else:
            chunk, style = _block(block, texts), None
        if chunk:
            chunks.append(chunk)
    return "\n\n".join(chunks) + "\n"


def _block(block: Block, texts: Mapping[str, str]) -> str:
    """A question or paragraph block as Markdown, without the blank lines around it."""
    if block.kind == "question":
        return "## " + escape_heading(question_text(block, texts))
    return "\n".join(escape_lines("\n".join(block_lines(block, texts))))


def _list(
    block: Block, texts: Mapping[str, str], before: ListStyle | None
) -> tuple[str, ListStyle]:
    """A list block (its intro as a paragraph, then one Markdown item per item) and its style."""
    intro = list_intro(block, texts)
    numbers = item_numbers(block)
    # Two lists of one kind separated only by a blank line would merge into one; switching
    # between the two bullet or delimiter characters keeps them apart.
    ordered = numbers is not None
    style = ListStyle(ordered, intro is None and before == ListStyle(ordered, alternate=False))
    lines: list[str] = []
    for index, item in enumerate(list_items(block)):
        if numbers is None:
            marker = "*" if style.alternate else "-"
        else:
            marker = f"{numbers[index]}{')' if style.alternate else '.'}"
        lines.append(_item(marker, unit_text(item, texts)))
    body = "\n".join(lines)
    return (body if intro is None else "\n".join(escape_lines(intro)) + "\n\n" + body), style


def _item(marker: str, text: str) -> str:
    """A list item; its continuation lines are indented to stay inside the item."""
    lines = escape_lines(text) or [""]
    indent = "\n" + " " * (len(marker) + 1)
    return f"{marker} " + indent.join(lines)
