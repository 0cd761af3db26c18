"""One glossary term compiled for matching, and text prepared once for matching many terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

from explainer_i18n.model import Term
from explainer_i18n.morphology import term_keys, text_keys_table
from explainer_i18n.term_tokens import Gap, case_shape, clean, columns, normalize, tokenize

Mode = Literal["inflected", "cased", "literal"]
"""How a term's words are compared with text words: by lemma keys ignoring case, by lemma keys
with the same capitalization, or as the exact surface."""


class Words(NamedTuple):
    """A normalized text with its word tokens as columns (see ``term_tokens.Columns``) and each
    token's keys (every token offers its lower case among them)."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    gaps: list[Gap]
    keys: tuple[frozenset[str], ...]
    every: frozenset[str]
    """The keys of all tokens, so that a term whose first word is not there is passed over
    without a look at each token (most terms looked for are not there)."""


def words_of(text: str, lang: str) -> Words:
    """Running text (a msgid or msgstr) normalized, tokenized and keyed for matching."""
    normalized = normalize(text)
    found = columns(normalized, lang)
    keys = tuple(map(text_keys_table(lang).__getitem__, found.words))
    return Words(normalized, *found, keys, frozenset().union(*keys))


@dataclass(frozen=True)
class Variant:
    """One written shape of a term (its text or one of its forms) as a sequence of words."""

    keys: tuple[frozenset[str], ...]
    """Per word, the keys a text word must share with it."""
    surfaces: tuple[str, ...]
    """Per word, the normalized spelling (for literal and case-sensitive comparison)."""
    gaps: tuple[Gap, ...]
    """Per word, how it joins the word before it (the first entry is not used)."""
    mode: Mode

    def starts(self, words: Words) -> list[int]:
        """Indexes of the tokens that may begin this variant (a superset, by first-word keys),
        ascending."""
        if self.mode == "literal":
            lower = self.surfaces[0].lower()
            if lower not in words.every:
                return []
            return [i for i, keys in enumerate(words.keys) if lower in keys]
        first = self.keys[0]
        if first.isdisjoint(words.every):
            return []
        return [i for i, keys in enumerate(words.keys) if not first.isdisjoint(keys)]

    def matches_at(self, words: Words, i: int) -> bool:
        """Whether the variant's words are the text tokens starting at index ``i``."""
        if i + len(self.keys) > len(words.words):
            return False
        for k in range(len(self.keys)):
            if k and words.gaps[i + k] != self.gaps[k]:
                return False
            if not self._word_matches(k, words.words[i + k], words.keys[i + k]):
                return False
        return True

    def _word_matches(self, k: int, word: str, keys: frozenset[str]) -> bool:
        if self.mode == "literal":
            return word == self.surfaces[k]
        if self.keys[k].isdisjoint(keys):
            return False
        return self.mode == "inflected" or case_shape(word) == case_shape(self.surfaces[k])


@dataclass(frozen=True)
class TermMatcher:
    """A term ready to be looked for in prepared text."""

    term: Term
    variants: tuple[Variant, ...]
    pattern: re.Pattern[str] | None

    def find(self, words: Words) -> str | None:
        """The term's first occurrence in the text, as written there; None if it is not there."""
        starts = sorted((i, n) for n, v in enumerate(self.variants) for i in v.starts(words))
        for i, n in starts:
            variant = self.variants[n]
            if variant.matches_at(words, i):
                return words.text[words.starts[i] : words.ends[i + len(variant.keys) - 1]]
        if self.pattern is not None:
            match = self.pattern.search(words.text)
            if match is not None:
                return match.group()
        return None


def compile_variant(text: str, lang: str, mode: Mode, loose: bool = False) -> Variant | None:
    """A term text or form as a variant; None when it holds no word at all."""
    tokens = tokenize(clean(text), lang)
    if not tokens:
        return None
    return Variant(
        keys=tuple(term_keys(t.text, lang, loose) for t in tokens),
        surfaces=tuple(t.text for t in tokens),
        gaps=tuple(t.gap for t in tokens),
        mode=mode,
    )


def compile_pattern(term: Term) -> re.Pattern[str] | None:
    """The term's regular expression, compiled; None if it has none or it is invalid."""
    if not term.pattern:
        return None
    flags = 0 if term.case_sensitive else re.IGNORECASE
    try:
        return re.compile(clean(term.pattern), flags)
    except re.error:
        return None


def compile_term(term: Term, literal: bool = False) -> TermMatcher:
    """A term compiled for matching; ``literal`` for do-not-translate terms."""
    mode: Mode = "literal" if literal else ("cased" if term.case_sensitive else "inflected")
    loose = term.status == "forbidden"
    variants = (compile_variant(t, term.lang, mode, loose) for t in (term.text, *term.forms))
    return TermMatcher(
        term=term,
        variants=tuple(v for v in variants if v is not None),
        pattern=compile_pattern(term),
    )
