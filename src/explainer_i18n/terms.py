"""Glossary matching: which concepts a German text mentions, and how a translation renders them.

The rules, each tested on its own in tests/test_glossary_terms.py:

1. Text is NFC-normalized, invisible characters (soft hyphen, zero-width) are dropped, the
   apostrophes ' ’ ʼ ‘ are one character, and URLs, bare domain names and e-mail addresses are
   taken out before matching, so "kyiv.ua" or "https://nato.int" never count as a term.
2. Words are runs of letters and digits. Ukrainian words keep an apostrophe between letters
   (перемир'я); in other languages an apostrophe separates words, so French elision (l'OTAN,
   d'un) and the English possessive (Kyiv's) leave the term as a word of its own. A hyphen
   separates words too (Nato-Staaten, Kyiv-based).
3. A term matches whole words only: "Kyivstar" is not "Kyiv", "натомість" is not "НАТО",
   "Zelenskyy" is not "Zelensky", "Senatoren" is not "Nato" (the term must start a word).
4. Each word of a term matches any inflected form of itself (see morphology: German and French
   lemmas, English Snowball stems, Ukrainian pymorphy3 lemmas), ignoring case unless the term
   is case-sensitive, in which case capitalization (all upper, title, lower) must agree too.
   Ukrainian words of forbidden terms, and words the dictionary does not know, also match by a
   crude stem, so inflected Russian spellings (Киева, Зеленского) meet their forbidden term.
5. A multiword term needs all its words, in order, adjacent: only spaces or hyphens between them
   (or an apostrophe where the term has one, or exactly the term's own punctuation, as in
   "U.S."); any other character breaks it. So "Koalitionsvertrag" is not "Koalition der
   Willigen", nor is "Koalition, der Willigen".
6. German compounds: a single-word German term of at least four letters also matches a word that
   starts with the term word or its lemma and goes on for at least four more letters (a linking
   s/es/n/en included): "Waffenstillstandsabkommen", "Friedensgesprächsrunde". A hyphenated
   compound ("Nato-Staaten") is covered by rule 2. Translations get no compound rule.
7. A term's ``forms`` are further texts matched the same way as its text (rules 2 to 6), and its
   ``pattern`` is a regular expression searched in the normalized text (ignoring case unless the
   term is case-sensitive).
8. A concept applies to a German text when any of its source-language terms matches it (any
   status: a deprecated German spelling still names the concept).
9. A target term whose text equals one of the concept's German terms is do-not-translate: it
   matches only literally (same spelling and case, whole word), with its forms, without
   inflection ("Putin" must stay "Putin").
10. Terms of a catalog language are those with exactly that code (``-`` and ``_`` alike); when
    there are none, those of the same primary language (``en`` or ``en-US`` terms serve an
    ``en_GB`` catalog, ``en-US`` terms an ``en`` one).
11. For an applicable concept, a translation is ``forbidden`` when any non-empty msgstr holds a
    forbidden term of the language, otherwise ``missing`` when some non-empty msgstr holds none of
    its preferred or admitted terms (only if the concept has such terms), otherwise ``ok``.
    Concepts the German does not mention are not judged: a forbidden variant alone is no
    finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Literal, TypeVar

from explainer_i18n.model import Concept, Glossary, Term
from explainer_i18n.morphology import compound_heads, primary
from explainer_i18n.term_match import (
    TermMatcher,
    Variant,
    Words,
    compile_pattern,
    compile_term,
    words_of,
)
from explainer_i18n.term_tokens import clean

COMPOUND_MIN_HEAD = 4
"""Shortest German term word that may start a compound (shorter ones would hit too many words)."""
COMPOUND_MIN_REST = 4
"""Letters a compound needs after the term word, a linking s/es/n/en included."""

_MAX_TEXTS = 100_000
"""German texts whose mentions an index remembers (a large project has a few thousand)."""

_MAX_WORDS = 200_000
"""Distinct words (or other keys) whose answers an index remembers."""

Outcome = Literal["ok", "missing", "forbidden"]
Candidate = tuple[int, "Variant", str]
"""A concept number, one variant of its German term, and the term's text."""
Prepared = tuple[Words, ...]
"""Non-empty translations of one entry, prepared once for all its concepts."""


@dataclass(frozen=True)
class Mention:
    """A concept found in a German text: which German term and where."""

    concept: Concept
    number: int
    """The concept's position in the glossary."""
    source_term: str
    """The glossary text of the German term that occurs."""
    offset: int
    """Character offset of the occurrence in the normalized text (for ordering)."""


@dataclass(frozen=True)
class Verdict:
    """How one translation renders one applicable concept."""

    outcome: Outcome
    expected: tuple[Term, ...]
    """The concept's preferred, then admitted terms in the language."""
    forbidden: Term | None = None
    found: str = ""
    """The forbidden variant as written in the translation."""


def terms_in(concept: Concept, lang: str) -> tuple[Term, ...]:
    """A concept's terms for a language code (rule 10)."""
    code = lang.replace("-", "_")
    exact = tuple(t for t in concept.terms if t.lang.replace("-", "_") == code)
    return exact or tuple(t for t in concept.terms if primary(t.lang) == primary(lang))


def allowed_first(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """Preferred terms, then admitted ones, each in glossary order."""
    return tuple(t for s in ("preferred", "admitted") for t in terms if t.status == s)


class GlossaryIndex:
    """A glossary indexed by the keys of the first word of every German term."""

    def __init__(self, glossary: Glossary, source_lang: str) -> None:
        self.glossary = glossary
        self.source_lang = source_lang
        self._by_key: dict[str, list[Candidate]] = {}
        self._by_head: dict[str, list[tuple[int, str]]] = {}
        self._patterns: list[tuple[int, re.Pattern[str], str]] = []
        self._targets: dict[tuple[int, str], tuple[tuple[TermMatcher, ...], ...]] = {}
        # Every language's check and every note asks about the same German texts again.
        self._mentions: dict[str, tuple[Mention, ...]] = {}
        self._word_candidates: dict[str, tuple[Candidate, ...]] = {}
        self._note_terms: dict[tuple[int, str], tuple[str, str]] = {}
        self._word_compounds: dict[str, tuple[tuple[int, str], ...]] = {}
        for number, concept in enumerate(glossary.concepts):
            for term in terms_in(concept, source_lang):
                self._add_source(number, term)

    def _add_source(self, number: int, term: Term) -> None:
        matcher = compile_term(term)
        german = primary(self.source_lang) == "de"
        for variant in matcher.variants:
            for key in variant.keys[0]:
                self._by_key.setdefault(key, []).append((number, variant, term.text))
            compound = german and len(variant.keys) == 1 and variant.mode == "inflected"
            if compound and len(variant.surfaces[0]) >= COMPOUND_MIN_HEAD:
                for key in variant.keys[0]:
                    self._by_head.setdefault(key, []).append((number, term.text))
        if matcher.pattern is not None:
            self._patterns.append((number, matcher.pattern, term.text))

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """The concepts a German text mentions, in order of first occurrence (rules 1-8)."""
        return _remember(self._mentions, text, lambda: self._find_mentions(text), _MAX_TEXTS)

    def _find_mentions(self, text: str) -> tuple[Mention, ...]:
        words = words_of(text, self.source_lang)
        found: dict[int, tuple[int, str]] = {}
        for i, word in enumerate(words.words):
            for number, variant, term_text in self._candidates(word, words.keys[i]):
                if number not in found and variant.matches_at(words, i):
                    found[number] = (words.starts[i], term_text)
            for number, term_text in self._compounds(word):
                found.setdefault(number, (words.starts[i], term_text))
        for number, pattern, term_text in self._patterns:
            match = pattern.search(words.text)
            if match is not None and number not in found:
                found[number] = (match.start(), term_text)
        ordered = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
        concepts = self.glossary.concepts
        return tuple(Mention(concepts[n], n, term, offset) for n, (offset, term) in ordered)

    # The two lookups below run for every word of every German text: written out, without the
    # closure _remember would take, the notes of 20,556 msgids took 0.72 s instead of 0.84 s.

    def _candidates(self, word: str, keys: frozenset[str]) -> tuple[Candidate, ...]:
        """The variants whose first word shares a key with a text word (the same for every
        occurrence of the word, so worked out once)."""
        cached = self._word_candidates.get(word)
        if cached is None:
            if len(self._word_candidates) >= _MAX_WORDS:
                self._word_candidates.clear()
            by_key = self._by_key
            cached = tuple(c for key in sorted(keys) for c in by_key.get(key, ()))
            self._word_candidates[word] = cached
        return cached

    def _compounds(self, word: str) -> tuple[tuple[int, str], ...]:
        """The concepts whose German term starts a compound word (rule 6), once per word."""
        cached = self._word_compounds.get(word)
        if cached is None:
            if len(self._word_compounds) >= _MAX_WORDS:
                self._word_compounds.clear()
            by_head = self._by_head
            heads = compound_heads(word, COMPOUND_MIN_HEAD, COMPOUND_MIN_REST) if by_head else ()
            cached = tuple(hit for head in heads for hit in by_head.get(head, ()))
            self._word_compounds[word] = cached
        return cached

    def matchers(self, number: int, lang: str) -> tuple[tuple[TermMatcher, ...], ...]:
        """The allowed and forbidden terms of concept ``number`` in a language (rule 9)."""
        concept = self.glossary.concepts[number]
        return _remember(
            self._targets,
            (number, lang),
            lambda: _target_matchers(concept, lang, self.source_lang),
        )

    def note_terms(self, number: int, lang: str) -> tuple[str, str]:
        """Concept ``number``'s preferred then admitted terms in a language, joined by `` / ``,
        and its forbidden ones, joined by ``, `` (for the notes update writes)."""

        def compute() -> tuple[str, str]:
            terms = terms_in(self.glossary.concepts[number], lang)
            allowed = " / ".join(term.text for term in allowed_first(terms))
            forbidden = ", ".join(term.text for term in terms if term.status == "forbidden")
            return allowed, forbidden

        return _remember(self._note_terms, (number, lang), compute)

    def judge(self, mention: Mention, lang: str, prepared: Prepared) -> Verdict:
        """How the prepared translations of one entry render a mentioned concept (rule 11)."""
        allowed, forbidden = self.matchers(mention.number, lang)
        expected = tuple(m.term for m in allowed)
        for matcher in forbidden:
            for words in prepared:
                found = matcher.find(words)
                if found is not None:
                    return Verdict("forbidden", expected, matcher.term, found)
        for words in prepared:
            if allowed and all(m.find(words) is None for m in allowed):
                return Verdict("missing", expected)
        return Verdict("ok", expected)


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _remember(cache: dict[K, V], key: K, compute: Callable[[], V], limit: int = _MAX_WORDS) -> V:
    """``cache[key]``, computed and kept on first use; a full cache starts over."""
    value = cache.get(key)
    if value is None:
        if len(cache) >= limit:
            cache.clear()
        value = cache[key] = compute()
    return value


def _target_matchers(
    concept: Concept, lang: str, source_lang: str
) -> tuple[tuple[TermMatcher, ...], ...]:
    german = {clean(t.text) for t in terms_in(concept, source_lang)}
    terms = terms_in(concept, lang)
    allowed = tuple(compile_term(t, clean(t.text) in german) for t in allowed_first(terms))
    forbidden = tuple(compile_term(t) for t in terms if t.status == "forbidden")
    return (allowed, forbidden)


def prepare(translations: tuple[str, ...], lang: str) -> Prepared:
    """The non-empty translations of an entry, prepared for ``judge``."""
    return tuple(words_of(text, lang) for text in translations if text)


_INDEXES: dict[tuple[int, str], GlossaryIndex] = {}
_MAX_INDEXES = 8


def glossary_index(glossary: Glossary, source_lang: str = "de") -> GlossaryIndex:
    """The index of a glossary, built once per glossary object.

    Cached by identity, not by value: hashing a frozen 500-concept glossary on every call would
    cost more than the lookup it saves, and ``update`` asks once per catalog entry. The index
    holds its glossary, so an id in the cache cannot be reused by another object."""
    index = _INDEXES.get((id(glossary), source_lang))
    if index is not None and index.glossary is glossary:
        return index
    if len(_INDEXES) >= _MAX_INDEXES:
        _INDEXES.clear()
    index = GlossaryIndex(glossary, source_lang)
    _INDEXES[(id(glossary), source_lang)] = index
    return index


def pattern_is_valid(term: Term) -> bool:
    """Whether a term's pattern, if it has one, is a valid regular expression."""
    return term.pattern is None or term.pattern == "" or compile_pattern(term) is not None
