"""The records every part of explainer-i18n passes around: sources, segments, catalogs, findings."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import Enum
from typing import Literal

# --- sources ---------------------------------------------------------------------------------

Role = Literal["question", "paragraph", "intro", "item"]
"""What a segment is in its explainer: a question, an answer paragraph, a list's introductory
line, or a list item."""

BlockKind = Literal["question", "paragraph", "list"]


@dataclass(frozen=True)
class Segment:
    """One translatable piece of a source: its German text, without the whitespace around it."""

    text: str
    """The German text; it becomes the msgid."""
    role: Role
    """Question, answer paragraph, list intro or list item."""
    line: int
    """1-based line of the source where the segment starts."""
    note: str
    """What the segment is, for the translator (becomes an extracted comment)."""


@dataclass(frozen=True)
class Unit:
    """A question, a paragraph line or a list line: what one edition element holds."""

    role: Role
    pieces: tuple[str | Segment, ...]
    """Segments and the literal text between them (in sentence mode, the spaces between
    sentences); in paragraph mode a single segment."""
    marker: str = ""
    """For list items, the marker as written in the source without its spaces ("-", "1.")."""

    @property
    def segments(self) -> tuple[Segment, ...]:
        """The unit's segments in order."""
        return tuple(p for p in self.pieces if isinstance(p, Segment))


@dataclass(frozen=True)
class Block:
    """A run of lines between blank lines: a question, a paragraph or a list."""

    kind: BlockKind
    line: int
    """1-based line where the block starts."""
    units: tuple[Unit, ...]
    """One unit per line of the block (a list's intro line and items; a paragraph's lines)."""


@dataclass(frozen=True)
class Document:
    """A parsed source: the exact text as pieces, and the same segments grouped into blocks.

    ``"".join`` of the pieces, with each segment replaced by its text, gives back the decoded
    source exactly (BOM, line endings and all); that is what makes the rebuild lossless."""

    path: str
    """The source's path relative to the project root, with forward slashes."""
    date: datetime.date | None
    """The date from the optional ``date YYYY-MM-DD`` header."""
    pieces: tuple[str | Segment, ...]
    """Literal text (kept byte for byte) and segments, in file order."""
    blocks: tuple[Block, ...]
    """The segments by block, for editions that need structure (Markdown, HTML, JSON)."""

    @property
    def segments(self) -> tuple[Segment, ...]:
        """Every segment in file order."""
        return tuple(p for p in self.pieces if isinstance(p, Segment))


# --- catalogs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One PO entry. The header is a message too: the one whose msgid is empty."""

    msgid: str
    msgstr: str = ""
    """The translation of a singular entry; empty when untranslated."""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    """The translations of a plural entry, ``msgstr[0]``, ``msgstr[1]``, ... in order."""
    flags: tuple[str, ...] = ()
    """``#,`` flags such as ``fuzzy`` or ``python-format``, in file order."""
    translator_comments: tuple[str, ...] = ()
    """``# `` lines, without the leading ``# ``."""
    extracted_comments: tuple[str, ...] = ()
    """``#.`` lines, without the leading ``#. ``."""
    references: tuple[str, ...] = ()
    """``#:`` references such as ``source/x.txt:12``, one item each."""
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    """``#| msgid``: the German this (fuzzy) translation was made for."""
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    """A ``#~`` entry: no longer in the template, kept for its translation."""
    line: int = 0
    """1-based line of the ``msgid`` keyword in the file it was read from; 0 if built."""

    @property
    def key(self) -> tuple[str | None, str]:
        """What identifies the entry in a catalog: context and msgid."""
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        """Whether the translation still needs review."""
        return "fuzzy" in self.flags

    @property
    def translations(self) -> tuple[str, ...]:
        """Every msgstr of the entry (one for singular entries)."""
        return self.msgstr_plural if self.msgid_plural is not None else (self.msgstr,)

    @property
    def has_translation(self) -> bool:
        """Whether any msgstr holds text (translated or fuzzy)."""
        return any(self.translations)

    @property
    def translated(self) -> bool:
        """Whether the entry is fully translated and not fuzzy: usable in an edition."""
        return not self.fuzzy and all(self.translations) and bool(self.translations)


@dataclass(frozen=True)
class Catalog:
    """A .po or .pot file: its header entry and its messages in file order."""

    header: Message | None
    messages: tuple[Message, ...]
    """All entries but the header, obsolete ones included, in file order."""


# --- findings --------------------------------------------------------------------------------


class Severity(Enum):
    """How bad a finding is; ordered, so that ``--fail-on`` can compare."""

    NOTE = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        """The lower-case name used in reports and options."""
        return self.name.lower()


@dataclass(frozen=True)
class Rule:
    """A check: a stable id, a default severity and a one-line reason."""

    id: str
    severity: Severity
    reason: str


@dataclass(frozen=True)
class Finding:
    """One check result at one place."""

    rule: str
    """The rule id, such as ``glossary-missing-term``."""
    severity: Severity
    message: str
    path: str
    """The PO file as given on the command line or relative to the working directory."""
    line: int
    """Line of the entry's ``msgid`` keyword."""
    lang: str = ""
    msgid: str = ""
    fuzzy: bool = False
    concept: str | None = None
    """The glossary concept id, for glossary findings."""


# --- glossary --------------------------------------------------------------------------------

TermStatus = Literal["preferred", "admitted", "forbidden"]


@dataclass(frozen=True)
class Term:
    """One term of a concept in one language."""

    text: str
    lang: str
    status: TermStatus
    case_sensitive: bool = False
    forms: tuple[str, ...] = ()
    """Extra surface forms that count as this term (what morphology cannot know)."""
    pattern: str | None = None
    """A regular expression that also counts as this term."""
    note: str = ""


@dataclass(frozen=True)
class Concept:
    """A glossary entry: one meaning with its terms in every language."""

    id: str
    terms: tuple[Term, ...]
    source: str = ""
    """Where the concept was read: ``file:line``, for glossary findings."""

    def in_lang(self, lang: str) -> tuple[Term, ...]:
        """The concept's terms in one language."""
        return tuple(t for t in self.terms if t.lang == lang)


@dataclass(frozen=True)
class Glossary:
    """A set of concepts read from TBX or CSV."""

    concepts: tuple[Concept, ...]
    path: str = ""


# --- configuration ---------------------------------------------------------------------------

Segmentation = Literal["paragraph", "sentence"]


@dataclass(frozen=True)
class Config:
    """A content project's settings, from ``explainer-i18n.toml`` or ``pyproject.toml``."""

    source_language: str = "de"
    languages: tuple[str, ...] = ("en", "uk", "fr")
    segmentation: Segmentation = "paragraph"
    glossary: str | None = None
    """Path of the glossary relative to the project root; None means the default place."""
    ignore: tuple[str, ...] = ()
    """Rule ids not reported anywhere in the project."""
