"""Precision and recall of the glossary check on a labelled set, against an exact-regex baseline.

tests/data/glossary/cases.jsonl holds one case a line: a German msgid, a translation, its
language and, for every concept the German mentions, the expected outcome (``ok``, ``missing``
or ``forbidden``); concepts not listed must not apply. A finding is a positive: it is a true
positive when its rule matches the expected outcome, a false positive otherwise; an expected
``missing`` or ``forbidden`` without that finding is a false negative. Run with ``pytest -s`` to
see the figures.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explainer_i18n.glossary_check import glossary_findings
from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.model import Catalog, Glossary, Message
from explainer_i18n.terms import glossary_index, terms_in

REPO = Path(__file__).resolve().parents[1]
CASES = Path(__file__).resolve().parent / "data" / "glossary" / "cases.jsonl"
PRECISION_MIN = 0.97
RECALL_MIN = 0.98
APPLIES_MIN = 0.98
OUTCOMES = {"glossary-missing-term": "missing", "glossary-forbidden-term": "forbidden"}


@dataclass(frozen=True)
class Case:
    """One labelled translation."""

    lang: str
    msgid: str
    msgstr: str
    expect: dict[str, str]


@functools.cache
def project() -> Glossary:
    """The project's own glossary, read once."""
    text = (REPO / "locales" / "glossary.csv").read_text(encoding="utf-8")
    return parse_glossary_csv(text, "locales/glossary.csv")


@functools.cache
def cases() -> tuple[Case, ...]:
    """The labelled set."""
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return tuple(Case(**json.loads(line)) for line in lines if line.strip())


def checker(case: Case) -> dict[str, str]:
    """Outcome per concept with a finding, from glossary_findings."""
    catalog = Catalog(None, (Message(case.msgid, case.msgstr, line=1),))
    findings = glossary_findings(catalog, "cases.po", case.lang, project())
    return {str(f.concept): OUTCOMES[f.rule] for f in findings}


def _exact(term_text: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term_text)}(?!\w)", text, re.IGNORECASE) is not None


def baseline(case: Case) -> dict[str, str]:
    """Outcome per concept with a finding when every term is an exact whole-word regex."""
    found = {}
    for concept in project().concepts:
        if not any(_exact(t.text, case.msgid) for t in terms_in(concept, "de")):
            continue
        terms = terms_in(concept, case.lang)
        allowed = [t for t in terms if t.status != "forbidden"]
        if any(_exact(t.text, case.msgstr) for t in terms if t.status == "forbidden"):
            found[concept.id] = "forbidden"
        elif allowed and not any(_exact(t.text, case.msgstr) for t in allowed):
            found[concept.id] = "missing"
    return found


def scores(predict: Callable[[Case], dict[str, str]]) -> tuple[float, float]:
    """Precision and recall of a predictor (case -> outcome per concept) over the set."""
    counts: Counter[str] = Counter()
    for case in cases():
        got = predict(case)
        for concept in project().concepts:
            expected = case.expect.get(concept.id, "none")
            wanted = expected if expected in ("missing", "forbidden") else None
            predicted = got.get(concept.id)
            if wanted is not None and predicted == wanted:
                counts["tp"] += 1
                continue
            counts["fp"] += predicted is not None
            counts["fn"] += wanted is not None
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    return precision, recall


def test_labelled_set_is_large_and_well_formed() -> None:
    """At least 200 cases over en, uk and fr, with known concepts and outcomes only."""
    ids = {c.id for c in project().concepts}
    assert len(cases()) >= 200
    assert {case.lang for case in cases()} == {"en", "uk", "fr"}
    for case in cases():
        assert set(case.expect) <= ids, case
        assert set(case.expect.values()) <= {"ok", "missing", "forbidden"}, case
    outcomes = Counter(v for case in cases() for v in case.expect.values())
    assert min(outcomes.values()) >= 30


def test_checker_precision_and_recall() -> None:
    """The checker reaches the precision and recall thresholds on the labelled set."""
    precision, recall = scores(checker)
    print(
        f"\nglossary check on {len(cases())} cases: precision {precision:.3f} recall {recall:.3f}"
    )
    assert precision >= PRECISION_MIN
    assert recall >= RECALL_MIN


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_exact_regex_baseline_is_weaker() -> None:
    """Whole-word exact regex matching (printed for comparison) has a lower F1 than the check."""
    precision, recall = scores(baseline)
    print(f"\nexact-regex baseline: precision {precision:.3f} recall {recall:.3f}")
    assert f1(precision, recall) < f1(*scores(checker))


def test_concept_detection_in_the_german() -> None:
    """The concepts found in each msgid are the labelled ones in nearly every case."""
    index = glossary_index(project())
    right = sum(
        {m.concept.id for m in index.mentions(case.msgid)} == set(case.expect) for case in cases()
    )
    share = right / len(cases())
    print(f"\nconcepts detected exactly in {right} of {len(cases())} msgids ({share:.3f})")
    assert share >= APPLIES_MIN
