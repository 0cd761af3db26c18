"""Edits to the German of generated explainers, and how well translations follow them.

Each edit records the German segments it replaced and the ones that descend from them, so the
updated catalogs can be scored: was the old translation carried over at all (kept or fuzzy), and
did it land on the entry that descends from the old segment?"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from corpus_glossary import Concept
from corpus_grammar import Sentence, german_only, sentence
from corpus_model import Block, Explainer
from corpus_templates import SENTENCES
from corpus_vocab import SWAP_WORDS

from explainer_i18n.model import Catalog

EDIT_KINDS = ("word", "number", "append", "prepend", "rewrite_first", "cut_half", "merge", "split")
_WORD = re.compile(r"(?<!\w)[^\W\d_]{4,}(?!\w)")
_NUMBER_START = re.compile(r"(?<![\d.,])\d")


@dataclass(frozen=True)
class Edit:
    """One edit: the explainer, what was done, the old German segments and their descendants."""

    slug: str
    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]


def swap_word(text: str, rng: random.Random) -> str | None:
    """The text with one word (not the first) replaced by another, or None if it has none."""
    words = [m for m in _WORD.finditer(text) if m.start() > 0]
    if not words:
        return None
    word = rng.choice(words)
    other = rng.choice([w for w in SWAP_WORDS if w != word.group()])
    return text[: word.start()] + other + text[word.end() :]


def change_number(text: str, rng: random.Random) -> str | None:
    """The text with the first digit of one number changed, or None if it has no digit."""
    starts = list(_NUMBER_START.finditer(text))
    if not starts:
        return None
    digit = rng.choice(starts)
    other = rng.choice([d for d in "123456789" if d != digit.group()])
    return text[: digit.start()] + other + text[digit.end() :]


Maker = Callable[[random.Random], Sentence]
Change = Callable[[list[Block], int, random.Random, Maker], list[Block] | None]


def _in_sentence(edit: Callable[[str, random.Random], str | None]) -> Change:
    """An edit of one sentence of the paragraph at ``index`` (one that the edit applies to)."""

    def change(blocks: list[Block], i: int, rng: random.Random, _: Maker) -> list[Block] | None:
        sentences = list(blocks[i].sentences)
        order = list(range(len(sentences)))
        rng.shuffle(order)
        for n in order:
            new = edit(sentences[n].de, rng)
            if new is not None:
                sentences[n] = german_only(new)
                return [*blocks[:i], Block(blocks[i].kind, tuple(sentences)), *blocks[i + 1 :]]
        return None

    return change


def _paragraph(sentences: list[Sentence]) -> Block:
    return Block("paragraph", tuple(sentences))


def _append(blocks: list[Block], i: int, rng: random.Random, make: Maker) -> list[Block]:
    return [*blocks[:i], _paragraph([*blocks[i].sentences, make(rng)]), *blocks[i + 1 :]]


def _prepend(blocks: list[Block], i: int, rng: random.Random, make: Maker) -> list[Block]:
    return [*blocks[:i], _paragraph([make(rng), *blocks[i].sentences]), *blocks[i + 1 :]]


def _rewrite_first(
    blocks: list[Block], i: int, rng: random.Random, make: Maker
) -> list[Block] | None:
    rest = list(blocks[i].sentences[1:])
    return [*blocks[:i], _paragraph([make(rng), *rest]), *blocks[i + 1 :]] if rest else None


def _cut_half(blocks: list[Block], i: int, rng: random.Random, make: Maker) -> list[Block] | None:
    sentences = list(blocks[i].sentences)
    if len(sentences) < 2:
        return None
    return [*blocks[:i], _paragraph(sentences[: (len(sentences) + 1) // 2]), *blocks[i + 1 :]]


def _merge(blocks: list[Block], i: int, rng: random.Random, make: Maker) -> list[Block] | None:
    if i + 1 >= len(blocks) or blocks[i + 1].kind != "paragraph":
        return None
    merged = _paragraph([*blocks[i].sentences, *blocks[i + 1].sentences])
    return [*blocks[:i], merged, *blocks[i + 2 :]]


def _split(blocks: list[Block], i: int, rng: random.Random, make: Maker) -> list[Block] | None:
    sentences = list(blocks[i].sentences)
    if len(sentences) < 2:
        return None
    cut = (len(sentences) + 1) // 2
    halves = [_paragraph(sentences[:cut]), _paragraph(sentences[cut:])]
    return [*blocks[:i], *halves, *blocks[i + 1 :]]


CHANGES: dict[str, Change] = {
    "word": _in_sentence(swap_word),
    "number": _in_sentence(change_number),
    "append": _append,
    "prepend": _prepend,
    "rewrite_first": _rewrite_first,
    "cut_half": _cut_half,
    "merge": _merge,
    "split": _split,
}


def _german(blocks: list[Block]) -> set[str]:
    return {text for block in blocks for text in block.segments("de")}


def edit_paragraph(
    explainer: Explainer, kind: str, rng: random.Random, concepts: tuple[Concept, ...]
) -> tuple[Explainer, Edit] | None:
    """One edit of kind ``kind`` to a random answer paragraph it applies to, or None."""
    blocks = list(explainer.blocks)
    candidates = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    rng.shuffle(candidates)
    before = _german(blocks)
    for i in candidates:
        changed = CHANGES[kind](
            blocks, i, rng, lambda r: sentence(r, r.choice(SENTENCES), concepts)
        )
        if changed is None:
            continue
        after = _german(changed)
        old, new = tuple(sorted(before - after)), tuple(sorted(after - before))
        if old and new:
            edit = Edit(explainer.slug, kind, old, new)
            return dataclasses.replace(explainer, blocks=tuple(changed)), edit
    return None


def make_edits(
    explainers: list[Explainer], kind: str, count: int, seed: int, concepts: tuple[Concept, ...]
) -> tuple[list[Explainer], list[Edit]]:
    """``count`` edits of one kind, each in a different explainer chosen at random."""
    rng = random.Random(f"{seed}:{kind}")
    order = list(range(len(explainers)))
    rng.shuffle(order)
    changed, edits = [], []
    for number in order:
        done = edit_paragraph(explainers[number], kind, rng, concepts)
        if done is not None:
            changed.append(done[0])
            edits.append(done[1])
        if len(edits) == count:
            break
    return changed, edits


@dataclass
class Carry:
    """How many edited segments got a translation, and how many got the right one."""

    carried: int = 0
    right: int = 0
    total: int = 0


def score(
    edits: list[Edit],
    catalogs: Callable[[str, str], Catalog | None],
    tables: dict[str, dict[str, dict[str, str]]],
    langs: tuple[str, ...],
) -> Carry:
    """Score one tool's updated catalogs; ``catalogs(slug, lang)`` reads one (None: missing)."""
    result = Carry()
    for edit in edits:
        for lang in langs:
            result.total += 1
            catalog = catalogs(edit.slug, lang)
            if catalog is None:
                continue
            olds = {tables[edit.slug][text][lang] for text in edit.old}
            entries = [m for m in catalog.messages if not m.obsolete and m.msgid in edit.new]
            if any(m.msgstr for m in entries):
                result.carried += 1
            if any(m.msgstr in olds for m in entries):
                result.right += 1
    return result


_SHARE_KINDS = ("word", "number", "append", "prepend", "rewrite_first")


def _edit_list(block: Block, sub: int, rng: random.Random) -> Block:
    """A word changed in the list's intro (``sub`` 0 when it has one) or in one item."""
    if block.intro is not None and sub == 0:
        new = swap_word(block.intro.de, rng)
        return dataclasses.replace(block, intro=german_only(new)) if new else block
    items = list(block.items)
    n = sub - (block.intro is not None)
    new = swap_word(items[n].de, rng)
    if new:
        items[n] = german_only(new)
    return dataclasses.replace(block, items=tuple(items))


def _edit_block(
    blocks: list[Block], i: int, sub: int, rng: random.Random, concepts: tuple[Concept, ...]
) -> list[Block]:
    block = blocks[i]
    if block.kind == "list":
        return [*blocks[:i], _edit_list(block, sub, rng), *blocks[i + 1 :]]
    if block.kind == "question":
        new = swap_word(block.sentences[0].de, rng)
        edited = Block("question", (german_only(new),)) if new else block
        return [*blocks[:i], edited, *blocks[i + 1 :]]
    for kind in (rng.choice(_SHARE_KINDS), "word"):
        changed = CHANGES[kind](
            blocks, i, rng, lambda r: sentence(r, r.choice(SENTENCES), concepts)
        )
        if changed is not None:
            return changed
    return blocks


def edit_share(
    explainers: list[Explainer], share: float, seed: int, concepts: tuple[Concept, ...]
) -> list[Explainer]:
    """The corpus with ``share`` of all segments edited: answer paragraphs by a word, a number
    or a sentence added, removed or rewritten; questions and list lines by one word."""
    rng = random.Random(f"{seed}:share")
    places = [
        (e, b, sub)
        for e, explainer in enumerate(explainers)
        for b, block in enumerate(explainer.blocks)
        for sub in range(len(block.segments("de")))
    ]
    picked = sorted(rng.sample(places, round(share * len(places))))
    result = list(explainers)
    for e, b, sub in picked:
        blocks = _edit_block(list(result[e].blocks), b, sub, rng, concepts)
        result[e] = dataclasses.replace(result[e], blocks=tuple(blocks))
    return result
