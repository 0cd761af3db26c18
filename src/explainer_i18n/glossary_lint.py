"""Checks of the glossary itself: terms that cannot match, overlaps, duplicates and conflicts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from explainer_i18n.model import Concept, Finding, Glossary, Rule, Severity, Term
from explainer_i18n.term_match import compile_term, words_of
from explainer_i18n.term_tokens import clean
from explainer_i18n.terms import pattern_is_valid, terms_in

UNMATCHED = Rule(
    "glossary-term-unmatched",
    Severity.ERROR,
    "A term or one of its forms does not match its own text, so it can never be found.",
)
OVERLAP = Rule(
    "glossary-forbidden-overlaps",
    Severity.ERROR,
    "A forbidden variant matches an allowed term of its concept: correct text would be reported.",
)
DUPLICATE = Rule(
    "glossary-duplicate-term",
    Severity.WARNING,
    "The same term is listed twice in one language.",
)
CONFLICT = Rule(
    "glossary-conflicting-status",
    Severity.ERROR,
    "The same term is allowed in one place and forbidden in another.",
)
SEVERAL_PREFERRED = Rule(
    "glossary-several-preferred",
    Severity.WARNING,
    "A concept has more than one preferred term in a language; make the others admitted.",
)
NO_SOURCE = Rule(
    "glossary-no-source-term",
    Severity.ERROR,
    "A concept has no term in the source language, so it never applies.",
)
BAD_PATTERN = Rule(
    "glossary-bad-pattern",
    Severity.ERROR,
    "A term's pattern is not a valid regular expression.",
)
LINT_RULES: tuple[Rule, ...] = (
    UNMATCHED,
    OVERLAP,
    DUPLICATE,
    CONFLICT,
    SEVERAL_PREFERRED,
    NO_SOURCE,
    BAD_PATTERN,
)


def lint_glossary(glossary: Glossary, source_lang: str = "de") -> list[Finding]:
    """Everything wrong with a glossary, concept by concept, then the duplicates across it."""
    findings: list[Finding] = []
    for concept in glossary.concepts:
        findings.extend(_concept_findings(glossary, concept, source_lang))
    findings.extend(_duplicates(glossary))
    return findings


def _finding(rule: Rule, glossary: Glossary, concept: Concept, message: str, lang: str) -> Finding:
    _, _, line = concept.source.rpartition(":")
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=message,
        path=glossary.path,
        line=int(line) if line.isdigit() else 0,
        lang=lang,
        concept=concept.id,
    )


def _concept_findings(glossary: Glossary, concept: Concept, source_lang: str) -> Iterator[Finding]:
    if not terms_in(concept, source_lang):
        message = f"concept {concept.id!r} has no {source_lang} term"
        yield _finding(NO_SOURCE, glossary, concept, message, source_lang)
    for term in concept.terms:
        if not pattern_is_valid(term):
            message = f"pattern {term.pattern!r} of {term.text!r} is not a valid expression"
            yield _finding(BAD_PATTERN, glossary, concept, message, term.lang)
        for text in (term.text, *term.forms):
            if not _matches_itself(term, text):
                message = f"{text!r} is not matched by the term {term.text!r} itself"
                yield _finding(UNMATCHED, glossary, concept, message, term.lang)
    for lang in dict.fromkeys(term.lang for term in concept.terms):
        yield from _lang_findings(glossary, concept, concept.in_lang(lang), lang)


def _finds(term: Term, text: str) -> bool:
    """Whether the term (its text, forms or pattern) occurs in ``text``."""
    return compile_term(term).find(words_of(text, term.lang)) is not None


def _matches_itself(term: Term, text: str) -> bool:
    """Whether ``text``, one spelling of the term taken alone, matches its own words."""
    return _finds(replace(term, text=text, forms=(), pattern=None), text)


def _lang_findings(
    glossary: Glossary, concept: Concept, terms: tuple[Term, ...], lang: str
) -> Iterator[Finding]:
    preferred = [term.text for term in terms if term.status == "preferred"]
    if len(preferred) > 1:
        message = f"several preferred terms: {', '.join(preferred)}"
        yield _finding(SEVERAL_PREFERRED, glossary, concept, message, lang)
    allowed = [term for term in terms if term.status != "forbidden"]
    for bad in (term for term in terms if term.status == "forbidden"):
        for good in allowed:
            hit = next((text for text in (good.text, *good.forms) if _finds(bad, text)), None)
            if hit is not None:
                message = f"forbidden {bad.text!r} matches the {good.status} term {hit!r}"
                yield _finding(OVERLAP, glossary, concept, message, lang)


def _duplicates(glossary: Glossary) -> Iterator[Finding]:
    seen: dict[tuple[str, str], tuple[Concept, Term]] = {}
    for concept in glossary.concepts:
        for term in concept.terms:
            key = (term.lang.replace("-", "_"), clean(term.text).casefold())
            first = seen.get(key)
            if first is None:
                seen[key] = (concept, term)
                continue
            where = "" if first[0] is concept else f" (also in concept {first[0].id!r})"
            if (first[1].status == "forbidden") != (term.status == "forbidden"):
                message = f"{term.text!r} is {term.status} but {first[1].status}{where}"
                yield _finding(CONFLICT, glossary, concept, message, term.lang)
            else:
                message = f"{term.text!r} is listed twice{where}"
                yield _finding(DUPLICATE, glossary, concept, message, term.lang)
