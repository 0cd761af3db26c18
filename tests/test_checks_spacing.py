"""Tests for the whitespace and fr-nbsp rules."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.spacing import check_french_spacing, check_whitespace, french_spacing

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("msgid", "msgstr", "fires"),
    [
        ("Er kommt.", "He is coming.", False),
        (" Er kommt.\n", " He is coming.\n", False),
        ("Er kommt.", f"Il vient{NBSP}!", False),
        (" Er kommt.", "He is coming.", True),
        ("Er kommt.", "He is coming. ", True),
        ("Er kommt.\n", "He is coming.", True),
        ("Er kommt.", "He  is coming.", True),
        ("Er kommt.", f"Il vient {NBSP}!", True),
    ],
)
def test_outer_whitespace_and_doubled_spaces(msgid: str, msgstr: str, fires: bool) -> None:
    """Outer whitespace matches the source's and no spaces are doubled inside."""
    assert bool(list(check_whitespace(msgid, msgstr, "en", "de"))) is fires


@pytest.mark.parametrize(
    "msgstr",
    [
        f"Comment Moscou perçoit-elle la «{NBSP}coalition des volontaires{NBSP}»{NBSP}?",
        f"Pourquoi{NNBSP}? Parce que{NNBSP}; ensuite{NNBSP}: 90{NNBSP}%{NNBSP}!",
        "Voir https://www.example.org/a?b=c pour plus.",
        "La réunion commence à 14:30 précises.",
        "Le rapport est de 3:1, ou 2 : 1 selon eux.",
        f"Vraiment{NBSP}?!",
        "Le cas (?) reste ouvert.",
        "Sans ponctuation particulière.",
    ],
)
def test_french_spacing_passes(msgstr: str) -> None:
    """No-break spaces where needed; URLs, times, ratios and '?!' are left alone."""
    assert french_spacing(msgstr) == []


@pytest.mark.parametrize(
    ("msgstr", "problem"),
    [
        ("Comment Moscou perçoit-elle cela ?", "a plain space before '?'"),
        ("Comment Moscou perçoit-elle cela?", "no space before '?'"),
        ("Convenus à 90%.", "no space before '%'"),
        ("Convenus à 90 %.", "a plain space before '%'"),
        ("Il a dit : non.", "a plain space before ':'"),
        ("Non; jamais.", "no space before ';'"),
        ("Quelle surprise !", "a plain space before '!'"),
        (f"La « coalition{NBSP}».", "a plain space after '«'"),
        (f"La «{NBSP}coalition ».", "a plain space before '»'"),
        (f"La «{NBSP}coalition»", "no space before '»'"),
    ],
)
def test_french_spacing_fires(msgstr: str, problem: str) -> None:
    """A plain space or no space where French wants a no-break space is reported."""
    assert french_spacing(msgstr) == [problem]


def test_french_spacing_reports_once_with_count() -> None:
    """Several problems in one entry give one finding that counts the rest."""
    [(rule, message)] = check_french_spacing("", "La « coalition » ?", "fr", "de")
    assert (rule, message) == ("fr-nbsp", "a plain space after '«' (and 2 more)")


def test_french_spacing_only_for_french() -> None:
    """English text with '?' right after a word is not held to French rules."""
    assert list(check_french_spacing("Warum?", "Why?", "en", "de")) == []
