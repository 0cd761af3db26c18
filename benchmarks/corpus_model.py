"""Explainers of the benchmark corpus as records: generated, rendered as sources, edited."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from typing import Literal

from corpus_glossary import Concept
from corpus_grammar import Sentence, sentence
from corpus_templates import INTROS, ITEMS, QUESTIONS, SENTENCES
from corpus_vocab import LANGS

Kind = Literal["question", "paragraph", "list"]

_TOPICS = ("waffenruhe", "sicherheitsgarantien", "friedensgespraeche", "wiederaufbau",
           "energie", "getreide", "sanktionen", "gipfel", "front", "fluechtlinge", "nato",
           "eu-beitritt", "luftverteidigung", "gefangenenaustausch")  # fmt: skip
_FIRST_DAY = datetime.date(2024, 1, 1)


@dataclass(frozen=True)
class Block:
    """A question, an answer paragraph (its sentences) or a list (intro and items)."""

    kind: Kind
    sentences: tuple[Sentence, ...] = ()
    """The question, or the paragraph's sentences."""
    intro: Sentence | None = None
    items: tuple[Sentence, ...] = ()
    ordered: bool = False

    def segments(self, lang: str) -> list[str]:
        """The block's segments in paragraph segmentation, in ``lang``."""
        if self.kind == "list":
            head = [self.intro.texts[lang]] if self.intro else []
            return head + [item.texts[lang] for item in self.items]
        return [" ".join(s.texts[lang] for s in self.sentences)]


@dataclass(frozen=True)
class Explainer:
    """One explainer: slug, optional date header and blocks."""

    slug: str
    date: datetime.date | None
    date_inline: bool
    """Whether the first question follows the date header on the same line."""
    blocks: tuple[Block, ...]

    def source(self) -> str:
        """The explainer in the source format."""
        parts = [_block_text(block) for block in self.blocks]
        if self.date is None:
            return "\n\n".join(parts) + "\n"
        if self.date_inline:
            parts[0] = f"date {self.date.isoformat()} {parts[0]}"
        else:
            parts.insert(0, f"date {self.date.isoformat()}")
        return "\n\n".join(parts) + "\n"

    def translations(self) -> dict[str, dict[str, str]]:
        """German segment → language → translation, for every segment."""
        table: dict[str, dict[str, str]] = {}
        for block in self.blocks:
            per_lang = {lang: block.segments(lang) for lang in LANGS}
            for i, german in enumerate(per_lang["de"]):
                table[german] = {lang: per_lang[lang][i] for lang in LANGS if lang != "de"}
        return table


def _block_text(block: Block) -> str:
    if block.kind != "list":
        return block.segments("de")[0]
    lines = [block.intro.de] if block.intro else []
    for number, item in enumerate(block.items, start=1):
        lines.append(f"{number}. {item.de}" if block.ordered else f"- {item.de}")
    return "\n".join(lines)


@dataclass
class _Maker:
    """Draws sentences for one explainer, never repeating a segment within it."""

    rng: random.Random
    concepts: tuple[Concept, ...]
    seen: set[str] = field(default_factory=set)

    def draw(self, templates: tuple[tuple[str, str, str, str, str], ...]) -> Sentence:
        while True:
            made = sentence(self.rng, self.rng.choice(templates), self.concepts)
            if made.de not in self.seen:
                self.seen.add(made.de)
                return made

    def paragraph(self) -> Block:
        count = self.rng.randint(2, 5)
        while True:
            sentences = tuple(self.draw(SENTENCES) for _ in range(count))
            text = " ".join(s.de for s in sentences)
            if text not in self.seen:
                self.seen.add(text)
                return Block("paragraph", sentences)

    def listing(self) -> Block:
        intro = self.draw(INTROS) if self.rng.random() < 0.8 else None
        items = tuple(self.draw(ITEMS) for _ in range(self.rng.randint(3, 5)))
        return Block("list", intro=intro, items=items, ordered=self.rng.random() < 0.3)


def make_explainer(index: int, seed: int, concepts: tuple[Concept, ...]) -> Explainer:
    """Explainer number ``index`` of the corpus with this seed (the same at every corpus size)."""
    rng = random.Random(f"{seed}:{index}")
    maker = _Maker(rng, concepts)
    blocks: list[Block] = []
    for _ in range(rng.randint(3, 7)):
        blocks.append(Block("question", (maker.draw(QUESTIONS),)))
        for _ in range(rng.choice((1, 1, 2, 2, 2, 3))):
            blocks.append(maker.paragraph())
            if rng.random() < 0.15:
                blocks.append(maker.listing())
    day = _FIRST_DAY + datetime.timedelta(days=rng.randrange(900))
    dated = rng.random() < 0.85
    slug = f"{day.isoformat()}-{rng.choice(_TOPICS)}-{index:05d}"
    return Explainer(slug, day if dated else None, dated and rng.random() < 0.3, tuple(blocks))


def make_corpus(count: int, seed: int, concepts: tuple[Concept, ...]) -> list[Explainer]:
    """The first ``count`` explainers of the corpus."""
    return [make_explainer(index, seed, concepts) for index in range(count)]
