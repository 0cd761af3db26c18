"""Tests for the uk-russian-letters and mixed-script rules."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.scripts import check_mixed_script, check_russian_letters


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang", "fires"),
    [
        ("Russland", "Росія", "uk", False),
        ("Russland", "Россия", "uk", False),
        ("Russland", "Росія ы", "en", False),
        ("Russland", "Сьогодні пізнього вечора", "uk", False),
        ("Der Slogan „Вперёд“", "Гасло «Вперёд»", "uk", False),
        ("Russland", "Русскый", "uk", True),
        ("Russland", "Это Росія", "uk", True),
        ("Russland", "Обʼєднаний ъ", "uk", True),
        ("Russland", "Всё", "uk", True),
    ],
)
def test_russian_only_letters_in_ukrainian(
    msgid: str, msgstr: str, lang: str, fires: bool
) -> None:
    """ы, э, ъ and ё are reported in Ukrainian, unless the source quotes them."""
    assert bool(list(check_russian_letters(msgid, msgstr, lang, "de"))) is fires


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang"),
    [
        ("Moskau", "Москва", "uk"),
        ("Die F-16 der Nato", "F-16 НАТО", "uk"),
        ("Kiew (Kyjiw)", "Київ (Kyiv)", "uk"),
        ("Moskau", "Moscow", "en"),
        ("iPhone-Nutzer", "користувачі iPhone-ів", "uk"),
    ],
)
def test_words_in_one_script_pass(msgid: str, msgstr: str, lang: str) -> None:
    """Cyrillic and Latin words side by side (or joined by a hyphen) are fine."""
    assert list(check_mixed_script(msgid, msgstr, lang, "de")) == []


@pytest.mark.parametrize(
    ("msgstr", "lang", "message"),
    [
        ("Як у Мoскві", "uk", "Latin 'o' in the Cyrillic word 'Мoскві'"),
        ("Рішення прийнятo", "uk", "Latin 'o' in the Cyrillic word 'прийнятo'"),
        ("Cелo", "uk", "Latin 'Co' in the Cyrillic word 'Cелo'"),
        ("The Nаto summit", "en", "Cyrillic 'а' in the Latin word 'Nаto'"),
        ("Le sommet de l’Otаn", "fr", "Cyrillic 'а' in the Latin word 'Otаn'"),
    ],
)
def test_look_alike_letters_fire(msgstr: str, lang: str, message: str) -> None:
    """A Latin letter in a Cyrillic word (or the reverse) is reported with the word."""
    assert list(check_mixed_script("Moskau", msgstr, lang, "de")) == [("mixed-script", message)]
