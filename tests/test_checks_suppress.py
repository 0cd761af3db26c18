"""Tests for check-ignore comments and the project-wide ignore list."""

from __future__ import annotations

from explainer_i18n.checks.suppress import skipped_rules, suppressed_rules
from explainer_i18n.model import Message


def test_comment_names_rules_by_comma_or_space() -> None:
    """A check-ignore comment names rules separated by commas, spaces or both."""
    message = Message(
        "x",
        translator_comments=(
            "Bitte prüfen",
            "check-ignore: numbers-mismatch, quotes-style fr-nbsp",
        ),
    )
    assert suppressed_rules(message) == {"numbers-mismatch", "quotes-style", "fr-nbsp"}


def test_several_comments_add_up() -> None:
    """Each check-ignore line of an entry adds its rules."""
    message = Message(
        "x", translator_comments=("check-ignore: identical", " check-ignore:whitespace")
    )
    assert suppressed_rules(message) == {"identical", "whitespace"}


def test_other_comments_suppress_nothing() -> None:
    """Ordinary comments, and the keyword elsewhere in a line, skip no rule."""
    message = Message("x", translator_comments=("see check-ignore: identical", "noqa: identical"))
    assert suppressed_rules(message) == frozenset()


def test_project_ignore_joins_entry_comment() -> None:
    """The configuration's ignore list and the entry's comment are both skipped."""
    message = Message("x", translator_comments=("check-ignore: identical",))
    assert skipped_rules(message, frozenset({"fuzzy"})) == {"identical", "fuzzy"}
