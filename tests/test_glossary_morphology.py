"""Tests of the word keys behind glossary matching (explainer_i18n.morphology)."""

from __future__ import annotations

import pytest

from explainer_i18n.morphology import (
    compound_heads,
    crude_stem,
    primary,
    term_keys,
    text_keys,
    uk_lemmas,
)


def test_ukrainian_text_words_offer_every_candidate_lemma() -> None:
    """All pymorphy3 normal forms are kept: Києві may be київ or кий."""
    assert {"київ", "кий"} <= uk_lemmas("києві")
    assert {"київ", "кий"} <= text_keys("Києві", "uk")


@pytest.mark.parametrize("apostrophe", ["\u02bc", "\u2019"])
def test_ukrainian_apostrophes_become_ascii_before_analysis(apostrophe: str) -> None:
    """перемирʼя and перемир’я get the dictionary's lemma перемир'я."""
    assert "перемир'я" in text_keys(f"перемир{apostrophe}ям", "uk")
    assert term_keys(f"перемир{apostrophe}я", "uk") == frozenset({"перемир'я"})


def test_ukrainian_term_word_that_is_its_own_lemma_keeps_only_itself() -> None:
    """Київ as a term is only київ (not кий); охочих as a term also offers its lemma."""
    assert term_keys("Київ", "uk") == frozenset({"київ"})
    assert "охочий" in term_keys("охочих", "uk")


def test_unknown_or_forbidden_ukrainian_term_words_get_a_crude_stem() -> None:
    """Russian Киев (unknown) and any forbidden word carry a ~stem key; known words do not."""
    assert "~киев" in term_keys("Киев", "uk")
    assert "~бажаюч" in term_keys("бажаючих", "uk", loose=True)
    assert not any(key.startswith("~") for key in term_keys("НАТО", "uk"))
    assert "~киев" in text_keys("Киевом", "uk")


@pytest.mark.parametrize(
    ("word", "stem"),
    [("зеленского", "зеленск"), ("киева", "киев"), ("луганской", "луганск"), ("ми", "ми")],
)
def test_crude_stem_cuts_one_ending_and_keeps_three_letters(word: str, stem: str) -> None:
    """The longest case ending goes, unless fewer than three letters would remain."""
    assert crude_stem(word) == stem


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Kiews", "kiew"),
        ("Putins", "putin"),
        ("Waffenstillstandes", "waffenstillstand"),
        ("Friedensgesprächen", "friedensgespräch"),
    ],
)
def test_german_text_words_lose_inflection(word: str, key: str) -> None:
    """simplemma lemmas plus stripped endings cover German cases, names included."""
    assert key in text_keys(word, "de")


def test_english_uses_snowball_stems() -> None:
    """Plural and singular English words share their stem; Zelenskyy keeps its own."""
    assert term_keys("guarantees", "en") & text_keys("guarantee", "en")
    assert not term_keys("Zelensky", "en") & text_keys("Zelenskyy", "en")


def test_french_uses_simplemma_lemmas() -> None:
    """garanties and garantie share the lemma garantie."""
    assert term_keys("garanties", "fr") & text_keys("garantie", "fr")


def test_other_languages_compare_lower_case_words() -> None:
    """Without a language tool, a word is only its lower-cased self."""
    assert text_keys("Kyiv", "pl") == frozenset({"kyiv"})
    assert term_keys("Kyiv", "pt_BR") == frozenset({"kyiv"})


def test_primary_language_subtag() -> None:
    """Regional codes reduce to their language, with - or _."""
    assert [primary(code) for code in ("de", "de_AT", "en-GB", "PT_br")] == [
        "de",
        "de",
        "en",
        "pt",
    ]


def test_compound_heads_leave_enough_letters() -> None:
    """Heads start at the minimum length and leave at least the minimum rest."""
    assert compound_heads("Natogipfel", 4, 4) == ("nato", "natog", "natogi")
    assert compound_heads("Natur", 4, 4) == ()
