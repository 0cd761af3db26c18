"""Count translated, fuzzy, untranslated and obsolete entries and words per catalog."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from explainer_i18n.model import Catalog, Message

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
STATES = ("translated", "fuzzy", "untranslated", "obsolete")


@dataclass(frozen=True)
class Counts:
    """Entries and German words in each state, for one catalog or a total."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0
    obsolete_words: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(_values(self), _values(other), strict=True)))

    @property
    def percent(self) -> float:
        """Share of active entries that are translated."""
        active = self.translated + self.fuzzy + self.untranslated
        return 100.0 * self.translated / active if active else 100.0


def _values(counts: Counts) -> tuple[int, ...]:
    return tuple(asdict(counts).values())


def state(message: Message) -> str:
    """The entry's state: translated, fuzzy, untranslated or obsolete."""
    if message.obsolete:
        return "obsolete"
    if message.translated:
        return "translated"
    return "fuzzy" if message.fuzzy and message.has_translation else "untranslated"


def words(text: str) -> int:
    """Words in a German text, as translators count them."""
    return len(_WORD.findall(text))


def count(catalog: Catalog) -> Counts:
    """The counts of one catalog (the header is not an entry)."""
    entries = dict.fromkeys(STATES, 0)
    word_counts = dict.fromkeys(STATES, 0)
    for message in catalog.messages:
        name = state(message)
        entries[name] += 1
        word_counts[name] += words(message.msgid)
    return Counts(*entries.values(), *word_counts.values())


@dataclass(frozen=True)
class Row:
    """One line of the status table."""

    explainer: str
    lang: str
    counts: Counts


def render_table(rows: list[Row]) -> str:
    """A plain-text table with a total per language and overall."""
    head = f"{'explainer':<32} {'lang':<5} {'done':>6} {'transl.':>8} {'fuzzy':>6} {'untr.':>6} {'obs.':>5} {'words left':>10}"
    lines = [head, "-" * len(head)]
    for row in [*rows, *_totals(rows)]:
        c = row.counts
        left = c.fuzzy_words + c.untranslated_words
        lines.append(
            f"{row.explainer[:32]:<32} {row.lang:<5} {c.percent:>5.1f}% {c.translated:>8} "
            f"{c.fuzzy:>6} {c.untranslated:>6} {c.obsolete:>5} {left:>10}"
        )
    return "\n".join(lines) + "\n"


def _totals(rows: list[Row]) -> list[Row]:
    """A total row per language, then the grand total."""
    langs = sorted({row.lang for row in rows})
    totals = []
    for lang in langs:
        totals.append(
            Row("total", lang, sum((r.counts for r in rows if r.lang == lang), Counts()))
        )
    totals.append(Row("total", "all", sum((r.counts for r in rows), Counts())))
    return totals


def render_json(rows: list[Row]) -> str:
    """The status as JSON: one record per catalog and the totals."""

    def record(row: Row) -> dict[str, object]:
        return {
            "explainer": row.explainer,
            "lang": row.lang,
            **asdict(row.counts),
            "percent": round(row.counts.percent, 2),
        }

    data = {"catalogs": [record(r) for r in rows], "totals": [record(r) for r in _totals(rows)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
