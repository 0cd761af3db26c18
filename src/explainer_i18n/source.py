"""Parse a German explainer into segments and the literal text around them, losslessly."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from explainer_i18n.errors import InputError
from explainer_i18n.model import Block, BlockKind, Document, Role, Segment, Segmentation, Unit

BOM = "\ufeff"
_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")
_DATE_HEADER = re.compile(r"([ \t]*date[ \t]+)(\S+)([ \t]*)(.*)", re.DOTALL)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ITEM = re.compile(r"(-|\*|•|\d{1,3}[.)])([ \t]+)(?=\S)")
_QUESTION_END = re.compile(r"\?[\"'“”„»«›‹’)\]]*$")

Splitter = Callable[[str], list[tuple[int, int]]]
"""Sentence splitter: text -> (start, end) spans of its sentences."""


@dataclass(frozen=True)
class _Line:
    """A source line cut into literal prefix, content and literal suffix."""

    number: int
    prefix: str
    content: str
    suffix: str


def decode_source(data: bytes, path: str) -> str:
    """Decode a source file strictly as UTF-8, keeping a BOM as a leading U+FEFF."""
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError("binary file (NUL byte), expected UTF-8 text", path, line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise InputError(f"not valid UTF-8 (byte 0x{byte:02x})", path, line) from None


def parse_source(
    text: str,
    path: str,
    segmentation: Segmentation = "paragraph",
    splitter: Splitter | None = None,
) -> Document:
    """Parse decoded source text into a Document whose pieces rebuild ``text`` exactly."""
    if not text.strip(BOM + " \t\r\n"):
        raise InputError("empty source: no date header, question or paragraph", path, 1)
    if segmentation == "sentence" and splitter is None:
        raise ValueError("sentence segmentation needs a splitter")
    builder = _Builder(path, segmentation, splitter)
    lines = list(_split_lines(text))
    date, first = _read_date(lines, builder, path)
    for block in _group_blocks(lines[first:], builder):
        builder.add_block(block)
    return Document(path, date, builder.finish(), tuple(builder.blocks))


def render_source(doc: Document, texts: Mapping[str, str] | None = None) -> str:
    """The txt edition: the source with each segment replaced by its translation."""
    texts = texts or {}
    return "".join(p if isinstance(p, str) else texts.get(p.text, p.text) for p in doc.pieces)


def _split_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield (number, line without ending, ending) for every line, the last one too."""
    for number, match in enumerate(_LINE.finditer(text), start=1):
        if match.start() == len(text) and number > 1 and not match.group(0):
            return
        yield number, match.group(1), match.group(2)


def _read_date(
    lines: list[tuple[int, str, str]], builder: _Builder, path: str
) -> tuple[datetime.date | None, int]:
    """Consume a leading ``date YYYY-MM-DD`` header; return the date and the next line index."""
    index = 0
    while index < len(lines) and not lines[index][1].strip(BOM + " \t"):
        builder.literal(lines[index][1] + lines[index][2])
        index += 1
    number, content, ending = lines[index]
    bom = BOM if content.startswith(BOM) else ""
    match = _DATE_HEADER.fullmatch(content[len(bom) :])
    if match is None:
        return None, index
    value = match.group(2)
    if not _ISO_DATE.fullmatch(value):
        raise InputError(f"date header {value!r} is not a YYYY-MM-DD date", path, number)
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"date header {value!r} is not a valid date", path, number) from None
    head = bom + match.group(1) + value + match.group(3)
    builder.literal(head)
    rest = match.group(4)
    if rest.strip():
        lines[index] = (number, rest, ending)
        return date, index
    builder.literal(rest + ending)
    return date, index + 1


def _group_blocks(lines: list[tuple[int, str, str]], builder: _Builder) -> Iterator[list[_Line]]:
    """Yield blocks (runs of non-blank lines), writing blank lines and line endings as literals."""
    block: list[_Line] = []
    for number, content, ending in lines:
        body = content.strip(BOM + " \t")
        if not body:
            if block:
                yield block
                block = []
            builder.literal(content + ending)
            continue
        start = content.index(body)
        block.append(_Line(number, content[:start], body, content[start + len(body) :] + ending))
    if block:
        yield block


def _classify(block: list[_Line]) -> BlockKind:
    """Question, paragraph or list, from the block's lines."""
    items = [bool(_ITEM.match(line.content)) for line in block]
    if all(items[1:]) and (items[0] or len(block) > 1):
        return "list"
    if len(block) == 1 and _QUESTION_END.search(block[0].content):
        return "question"
    return "paragraph"


class _Builder:
    """Accumulates pieces and blocks while the parser walks the source."""

    def __init__(self, path: str, segmentation: Segmentation, splitter: Splitter | None) -> None:
        self.path = path
        self.segmentation = segmentation
        self.splitter = splitter
        self.pieces: list[str | Segment] = []
        # Literal text since the last segment, joined once: adding to a string held in a list
        # copies it each time, which made a run of 100,000 blank lines take seconds.
        self.pending: list[str] = []
        self.blocks: list[Block] = []
        self.question = ""
        self.answer_paragraphs = 0
        self.lists = 0

    def literal(self, text: str) -> None:
        """Append literal text, merged with a literal before it."""
        if text:
            self.pending.append(text)

    def segment(self, segment: Segment) -> None:
        """Append a segment after the literal text before it."""
        self._flush()
        self.pieces.append(segment)

    def finish(self) -> tuple[str | Segment, ...]:
        """Every piece, the trailing literal text included."""
        self._flush()
        return tuple(self.pieces)

    def _flush(self) -> None:
        """Turn the pending literal text into one piece."""
        if self.pending:
            self.pieces.append("".join(self.pending))
            self.pending = []

    def add_block(self, lines: list[_Line]) -> None:
        """Turn one block of lines into units and pieces."""
        kind = _classify(lines)
        units = []
        for index, line in enumerate(lines):
            self.literal(line.prefix)
            units.append(self._unit(kind, index, line))
            self.literal(line.suffix)
        self.blocks.append(Block(kind, lines[0].number, tuple(units)))

    def _unit(self, kind: BlockKind, index: int, line: _Line) -> Unit:
        """Make the unit of one line of a block, with its segments."""
        content, marker = line.content, ""
        if kind == "list" and (match := _ITEM.match(content)):
            marker = match.group(1)
            self.literal(match.group(0))
            content = content[match.end() :]
        role = self._role(kind, bool(marker))
        note = self._note(role)
        pieces = self._segments(content, role, line.number, note)
        return Unit(role, pieces, marker)

    def _role(self, kind: BlockKind, is_item: bool) -> Role:
        """The role of a unit from its block's kind."""
        if kind == "question":
            return "question"
        if kind == "list":
            return "item" if is_item else "intro"
        return "paragraph"

    def _note(self, role: Role) -> str:
        """Describe the segment for the translator without naming positions in the file."""
        if role == "question":
            self.question, self.answer_paragraphs, self.lists = "", 0, 0
            return "question"
        where = (
            f"the answer to: {self.question}" if self.question else "the lead, before any question"
        )
        if role == "paragraph":
            self.answer_paragraphs += 1
            return f"paragraph {self.answer_paragraphs} of {where}"
        return f"list {'introduction' if role == 'intro' else 'item'} in {where}"

    def _segments(
        self, content: str, role: Role, number: int, note: str
    ) -> tuple[str | Segment, ...]:
        """Split a unit's content into segments (sentences in sentence mode) and gaps."""
        if role == "question":
            self.question = content
        spans = [(0, len(content))]
        if self.segmentation == "sentence" and role != "question" and self.splitter:
            spans = self.splitter(content) or spans
        pieces: list[str | Segment] = []
        end = 0
        for index, (start, stop) in enumerate(spans):
            if start > end:
                pieces.append(content[end:start])
                self.literal(content[end:start])
            label = note if len(spans) == 1 else f"sentence {index + 1} of {note}"
            segment = Segment(content[start:stop], role, number, label)
            pieces.append(segment)
            self.segment(segment)
            end = stop
        if end < len(content):
            pieces.append(content[end:])
            self.literal(content[end:])
        return tuple(pieces)
