"""Tests for the quotes-style and quotes-balance rules."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.quotes import check_quote_balance, check_quote_style

NBSP = "\u00a0"
SOURCE = 'Er sprach von der "Koalition der Willigen".'


@pytest.mark.parametrize(
    ("msgstr", "lang"),
    [
        ("He spoke of the “coalition of the willing”.", "en"),
        ("He said: “It is the ‘coalition of the willing’.”", "en"),
        ("Moscow’s view isn’t new, it's old.", "en"),
        ("Він говорив про «коаліцію охочих».", "uk"),
        ("Він сказав: «Це „коаліція охочих“».", "uk"),
        ("Він пам’ятає п'ять днів.", "uk"),
        (f"Il a parlé de la «{NBSP}coalition des volontaires{NBSP}».", "fr"),
        (f"Il a dit{NBSP}: «{NBSP}C’est la “coalition des volontaires”.{NBSP}»", "fr"),
        ('Er sprach von der "Koalition".', "pl"),
    ],
)
def test_target_quotation_style_passes(msgstr: str, lang: str) -> None:
    """Each language's own quotation marks, nested marks and apostrophes are accepted."""
    assert list(check_quote_style(SOURCE, msgstr, lang, "de")) == []


@pytest.mark.parametrize(
    ("msgstr", "lang", "mark"),
    [
        ('He spoke of the "coalition of the willing".', "en", '"'),
        ("He spoke of the „coalition of the willing“.", "en", "„"),
        ("He spoke of the «coalition of the willing».", "en", "«"),
        ('Він говорив про "коаліцію охочих".', "uk", '"'),
        ("Він говорив про “коаліцію охочих”.", "uk", "“"),
        ("Він говорив про „коаліцію охочих“.", "uk", "„"),
        ('Il a parlé de la "coalition des volontaires".', "fr", '"'),
        ("Il a parlé de la „coalition des volontaires“.", "fr", "„"),
        ("Il a parlé de la “coalition des volontaires”.", "fr", "“"),
    ],
)
def test_foreign_or_straight_quotes_fire(msgstr: str, lang: str, mark: str) -> None:
    """Straight quotes, German marks and nested-only marks at the top level are reported."""
    [(rule, message)] = check_quote_style(SOURCE, msgstr, lang, "de")
    assert rule == "quotes-style"
    assert f"quotation mark {mark} " in message


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang", "fires"),
    [
        (SOURCE, "He spoke of the “coalition of the willing”.", "en", False),
        (SOURCE, "Він сказав: «Це „коаліція охочих“».", "uk", False),
        (SOURCE, "He spoke of the “coalition of the willing.", "en", True),
        (SOURCE, "Він говорив про «коаліцію охочих.", "uk", True),
        (SOURCE, "Він сказав: «Це „коаліція охочих».", "uk", True),
        (SOURCE, f"Il a parlé de la coalition des volontaires{NBSP}».", "fr", True),
        ("„Das ist der Anfang.", "«Це початок.", "uk", False),
    ],
)
def test_quotations_close(msgid: str, msgstr: str, lang: str, fires: bool) -> None:
    """A quotation closed in the source closes in the translation; open sources are spared."""
    assert bool(list(check_quote_balance(msgid, msgstr, lang, "de"))) is fires
