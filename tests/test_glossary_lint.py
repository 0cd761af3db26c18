"""Tests of the glossary lint: the project glossary is clean, each rule fires on its problem."""

from __future__ import annotations

from pathlib import Path

from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.glossary_lint import LINT_RULES, lint_glossary
from explainer_i18n.model import Concept, Glossary, Severity, Term

REPO = Path(__file__).resolve().parents[1]
HEADER = "concept_id,lang,term,status\n"


def rules_for(csv_rows: str) -> list[tuple[str, str | None, int]]:
    """Rule, concept and line of each lint finding for a CSV glossary body."""
    glossary = parse_glossary_csv(HEADER + csv_rows, "g.csv")
    return [(f.rule, f.concept, f.line) for f in lint_glossary(glossary)]


def test_project_glossary_is_clean() -> None:
    """locales/glossary.csv has no lint finding of any severity."""
    text = (REPO / "locales" / "glossary.csv").read_text(encoding="utf-8")
    assert lint_glossary(parse_glossary_csv(text, "locales/glossary.csv")) == []


def test_rule_ids_are_stable_and_unique() -> None:
    """The registry lists every lint rule once, each with a reason."""
    ids = [rule.id for rule in LINT_RULES]
    assert ids == [
        "glossary-term-unmatched",
        "glossary-forbidden-overlaps",
        "glossary-duplicate-term",
        "glossary-conflicting-status",
        "glossary-several-preferred",
        "glossary-no-source-term",
        "glossary-bad-pattern",
    ]
    assert all(rule.reason for rule in LINT_RULES)


def test_term_that_cannot_match_itself() -> None:
    """A term that is a domain name (removed from text before matching) can never match."""
    rows = "nato,de,Nato,preferred\nnato,en,nato.int,preferred\nusa,de,U.S.A.,preferred\n"
    assert rules_for(rows) == [("glossary-term-unmatched", "nato", 2)]


def test_each_form_must_match_on_its_own() -> None:
    """A form without any word is reported even though the term's own text is fine."""
    glossary = Glossary(
        (Concept("c", (Term("Kiew", "de", "preferred", forms=("Kiew", "--")),), "g.csv:4"),),
        "g.csv",
    )
    found = lint_glossary(glossary)
    assert [(f.rule, f.line) for f in found] == [("glossary-term-unmatched", 4)]
    assert "'--'" in found[0].message


def test_forbidden_variant_overlapping_an_allowed_term() -> None:
    """Forbidden Zelenski has the same English stem as Zelensky: every correct text would fail."""
    rows = "selenskyj,de,Selenskyj,preferred\nselenskyj,en,Zelensky,preferred\n"
    rows += "selenskyj,en,Zelenski,forbidden\n"
    assert rules_for(rows) == [("glossary-forbidden-overlaps", "selenskyj", 2)]


def test_duplicate_term_within_and_across_concepts() -> None:
    """The same text twice in one language is a duplicate, case and apostrophe aside."""
    rows = "a,de,Kiew,preferred\na,en,Kyiv,preferred\na,en,kyiv,admitted\n"
    rows += "b,de,kiew,preferred\n"
    assert rules_for(rows) == [
        ("glossary-duplicate-term", "a", 2),
        ("glossary-duplicate-term", "b", 5),
    ]


def test_conflicting_status() -> None:
    """A term allowed in one concept and forbidden in another is a conflict, not a duplicate."""
    rows = "a,de,Kiew,preferred\na,en,Kiev,preferred\nb,de,Kyjiw,preferred\nb,en,Kiev,forbidden\n"
    found = rules_for(rows)
    assert found == [("glossary-conflicting-status", "b", 4)]
    (finding,) = lint_glossary(parse_glossary_csv(HEADER + rows, "g.csv"))
    assert finding.severity is Severity.ERROR
    assert "also in concept 'a'" in finding.message


def test_several_preferred_terms_in_one_language() -> None:
    """Two preferred terms of one concept in one language are a warning."""
    rows = (
        "nato,de,Nato,preferred\nnato,fr,OTAN,preferred\nnato,fr,Alliance atlantique,preferred\n"
    )
    found = lint_glossary(parse_glossary_csv(HEADER + rows, "g.csv"))
    assert [(f.rule, f.lang, f.severity) for f in found] == [
        ("glossary-several-preferred", "fr", Severity.WARNING)
    ]


def test_concept_without_source_term() -> None:
    """A concept with no German term never applies."""
    assert rules_for("kiew,en,Kyiv,preferred\n") == [("glossary-no-source-term", "kiew", 2)]


def test_invalid_pattern_built_in_code() -> None:
    """A glossary built in code with an invalid regular expression is reported, not raised."""
    glossary = Glossary(
        (Concept("c", (Term("Kiew", "de", "preferred", pattern="Ki(ew"),), "g.tbx:12"),),
        "g.tbx",
    )
    (finding,) = lint_glossary(glossary)
    assert (finding.rule, finding.path, finding.line) == ("glossary-bad-pattern", "g.tbx", 12)
