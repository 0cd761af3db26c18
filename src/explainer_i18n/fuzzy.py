"""Find the old German text closest to an edited segment: a word index, then rapidfuzz scores."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

THRESHOLD = 60.0
"""Lowest score (0-100) that still carries a translation over, as fuzzy."""

SHORTLIST = 24
"""How many candidates sharing the most words are scored exactly."""

_WORD = re.compile(r"\w{3,}")
_COMMON = 512
"""A word in more candidates than this says nothing about which one matches."""


@lru_cache(maxsize=65_536)  # each language's catalog asks about the same pairs of German texts
def score(new: str, old: str) -> float:
    """Similarity of two segments, 0-100.

    The plain edit ratio, raised when one text holds the other almost verbatim (a sentence
    added or removed at the start or end, a paragraph cut in half or merged with its
    neighbour): then the score grows with how much of the longer text the shorter covers."""
    ratio = float(fuzz.ratio(new, old))
    short, long_ = (new, old) if len(new) <= len(old) else (old, new)
    coverage = len(short) / len(long_) if long_ else 0.0
    if coverage < 0.2 or ratio >= 100.0:
        return ratio
    partial = float(fuzz.partial_ratio(short, long_, score_cutoff=90.0))
    if partial < 90.0:
        return ratio
    return max(ratio, 60.0 + 40.0 * coverage * partial / 100.0)


class FuzzyIndex:
    """Old msgids indexed by word, so each lookup scores a short list, never every pair."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, text in enumerate(texts):
            for word in set(_WORD.findall(text.lower())):
                self.postings[word].append(number)

    def shortlist(self, text: str) -> list[int]:
        """Candidates sharing the most words with ``text``."""
        if len(self.texts) <= SHORTLIST:
            return list(range(len(self.texts)))
        shared: Counter[int] = Counter()
        for word in set(_WORD.findall(text.lower())):
            posting = self.postings.get(word, ())
            if len(posting) <= _COMMON:
                shared.update(posting)
        return [number for number, _ in shared.most_common(SHORTLIST)]

    def best(self, text: str) -> int | None:
        """The index of the closest old text at or above THRESHOLD, or None."""
        best_score, best_number = THRESHOLD, None
        for number in self.shortlist(text):
            value = score(text, self.texts[number])
            if value > best_score or (value == best_score and best_number is None):
                best_score, best_number = value, number
        return best_number
