"""Tests for the identical rule (untranslated and fuzzy are tested through run_checks)."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.state import check_identical


@pytest.mark.parametrize(
    ("text", "lang", "fires"),
    [
        ("Die Ukraine lehnt dies ab.", "en", True),
        ("Koalition gegen Russland", "fr", True),
        ("Ursula von der Leyen", "en", False),
        ("Wladimir Putin", "en", False),
        ("Sicherheitsgarantien", "en", False),
        ("2026", "uk", False),
        ("https://www.tagesschau.de/ausland/", "en", False),
        ("Die Ukraine lehnt dies ab.", "de_AT", False),
    ],
)
def test_copied_running_text_fires(text: str, lang: str, fires: bool) -> None:
    """Running text copied unchanged is reported; names, numbers, links and single words not."""
    assert bool(list(check_identical(text, text, lang, "de"))) is fires


def test_changed_text_is_not_identical() -> None:
    """A translation that differs from the source is never reported as identical."""
    assert (
        list(check_identical("Die Ukraine lehnt dies ab.", "Ukraine rejects this.", "en", "de"))
        == []
    )
