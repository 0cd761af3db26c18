"""What an edition says in any format: published text of units and blocks, grouped by question."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from explainer_i18n.model import Block, Document, Segment, Unit

_ORDINAL = re.compile(r"([0-9]{1,9})[.)]")


@dataclass(frozen=True)
class Section:
    """A question and the blocks that answer it, up to the next question."""

    question: Block
    answer: tuple[Block, ...]


@dataclass(frozen=True)
class Outline:
    """A document's blocks as an edition arranges them."""

    lead: tuple[Block, ...]
    """Blocks before the first question (a teaser paragraph or list), often none."""
    sections: tuple[Section, ...]


def unit_text(unit: Unit, texts: Mapping[str, str]) -> str:
    """The unit as published: its pieces joined, each segment replaced by its text in ``texts``."""
    return "".join(texts[p.text] if isinstance(p, Segment) else p for p in unit.pieces)


def outline(doc: Document) -> Outline:
    """The document's lead blocks and its question sections, in order."""
    lead: list[Block] = []
    sections: list[tuple[Block, list[Block]]] = []
    for block in doc.blocks:
        if block.kind == "question":
            sections.append((block, []))
        elif sections:
            sections[-1][1].append(block)
        else:
            lead.append(block)
    return Outline(tuple(lead), tuple(Section(q, tuple(a)) for q, a in sections))


def block_lines(block: Block, texts: Mapping[str, str]) -> tuple[str, ...]:
    """The published text of each unit of a question or paragraph block, one per source line."""
    return tuple(unit_text(u, texts) for u in block.units)


def question_text(block: Block, texts: Mapping[str, str]) -> str:
    """A question block as one line of text (a question wrapped over lines is one heading)."""
    return " ".join(block_lines(block, texts))


def list_intro(block: Block, texts: Mapping[str, str]) -> str | None:
    """The published intro line of a list block, or None when the list has none."""
    intros = [unit_text(u, texts) for u in block.units if u.role == "intro"]
    return "\n".join(intros) if intros else None


def list_items(block: Block) -> tuple[Unit, ...]:
    """The item units of a list block, in order."""
    return tuple(u for u in block.units if u.role == "item")


def item_numbers(block: Block) -> tuple[int, ...] | None:
    """The numbers of an ordered list's items as written, or None for a bullet list."""
    matches = [_ORDINAL.fullmatch(u.marker) for u in list_items(block)]
    if not matches or not all(matches):
        return None
    return tuple(int(m.group(1)) for m in matches if m)
