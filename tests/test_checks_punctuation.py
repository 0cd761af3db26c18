"""Tests for the question-mark, end-punctuation and brackets-balance rules."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.punctuation import check_brackets, check_end, check_question

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Warum?", "Why?"),
        ("Warum?", f"Pourquoi{NBSP}?"),
        ("Warum?!", "Why?!"),
        ("Er fragte: „Warum?“", "He asked: “Why?”"),
        (
            'Wie blickt Moskau auf die "Koalition der Willigen"?',
            "Як у Москві дивляться на «коаліцію охочих»?",
        ),
        ("Er kommt.", "He is coming."),
    ],
)
def test_questions_that_stay_questions_pass(msgid: str, msgstr: str) -> None:
    """A question ending in '?' (after closing quotes or a no-break space) is kept."""
    assert list(check_question(msgid, msgstr, "en", "de")) == []


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Warum?", "Why."),
        ("Warum kommt er?", "Why he is coming"),
        ("Er kommt.", "Is he coming?"),
    ],
)
def test_question_turned_statement_or_back_fires(msgid: str, msgstr: str) -> None:
    """A question that lost its '?', or a statement that gained one, is reported."""
    assert [rule for rule, _ in check_question(msgid, msgstr, "en", "de")] == ["question-mark"]


@pytest.mark.parametrize(
    ("msgid", "msgstr", "fires"),
    [
        ("Er kommt.", "He is coming.", False),
        ("Er sagte: „Ja.“", "He said: “Yes.”", False),
        ("Sicherheitsgarantien", "Security guarantees", False),
        ("Die Punkte:", "The points.", False),
        ("Warum?", "Why", False),
        ("Er kommt.", "He is coming", True),
        ("Sicherheitsgarantien", "Security guarantees.", True),
    ],
)
def test_closing_punctuation_kept(msgid: str, msgstr: str, fires: bool) -> None:
    """Closing punctuation is on both sides or neither; questions are left to their own rule."""
    assert bool(list(check_end(msgid, msgstr, "en", "de"))) is fires


@pytest.mark.parametrize(
    ("msgid", "msgstr", "fires"),
    [
        ("Die Nato (Allianz) tagt.", "NATO (the alliance) meets.", False),
        ("Die Nato (Allianz) tagt.", "NATO meets.", False),
        ("1) Erstens", "1) First", False),
        ("Die Nato (Allianz) tagt.", "NATO (the alliance meets.", True),
        ("Die Nato tagt.", "NATO [the alliance) meets.", True),
        ("Die Nato tagt.", "NATO) meets (.", True),
    ],
)
def test_brackets_stay_balanced(msgid: str, msgstr: str, fires: bool) -> None:
    """Brackets balanced in the source must close in order in the translation."""
    assert bool(list(check_brackets(msgid, msgstr, "en", "de"))) is fires
