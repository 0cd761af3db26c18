"""Tests for the numbers-mismatch rule and the reading of numbers and clock times."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer_i18n.checks.numbers import check_numbers, quantities
from explainer_i18n.checks.times import find_times

NBSP, NNBSP = "\u00a0", "\u202f"


def _fires(msgid: str, msgstr: str, lang: str) -> bool:
    """Whether numbers-mismatch reports the pair."""
    return any(rule == "numbers-mismatch" for rule, _ in check_numbers(msgid, msgstr, lang, "de"))


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang"),
    [
        ("Es kamen 1.000 Soldaten.", "1,000 soldiers came.", "en"),
        ("Es kamen 1.000 Soldaten.", "Прийшли 1 000 солдатів.", "uk"),
        ("Es kamen 1.000 Soldaten.", f"Прийшли 1{NBSP}000 солдатів.", "uk"),
        ("Es kamen 1.000 Soldaten.", "Прийшли 1000 солдатів.", "uk"),
        ("Es kamen 1.000 Soldaten.", f"1{NNBSP}000 soldats sont venus.", "fr"),
        ("Es kamen 1.000 Soldaten.", "1 000 soldats sont venus.", "fr"),
        ("Es kamen 3.000 Soldaten.", "Прийшли 3 тисячі солдатів.", "uk"),
        ("Wir haben 1.000.000 Euro.", "We have 1,000,000 euros.", "en"),
        ("Das Wachstum lag bei 3,5 Prozent.", "Growth was 3.5 percent.", "en"),
        ("Das Wachstum lag bei 3,5 Prozent.", "Зростання становило 3,5 відсотка.", "uk"),
        ("Das Wachstum lag bei 3,5 Prozent.", f"La croissance était de 3,5{NBSP}%.", "fr"),
        ("Es kostet 1.234,50 Euro.", "It costs 1,234.50 euros.", "en"),
        ("Zu 90 Prozent vereinbart.", "90 percent agreed.", "en"),
        ("Zu 90 Prozent vereinbart.", "90% agreed.", "en"),
        ("Zu 90 Prozent vereinbart.", "Погоджено на 90 відсотків.", "uk"),
        ("Zu 90 Prozent vereinbart.", "Convenus à 90 pour cent.", "fr"),
        ("Um 14.30 Uhr beginnt es.", "It starts at 2:30 p.m.", "en"),
        ("Um 14.30 Uhr beginnt es.", "It starts at 2.30pm.", "en"),
        ("Um 14.30 Uhr beginnt es.", "It starts at 14:30.", "en"),
        ("Um 14.30 Uhr beginnt es.", "It starts at 2:30.", "en"),
        ("Um 14.30 Uhr beginnt es.", "Cela commence à 14 h 30.", "fr"),
        ("Um 14.30 Uhr beginnt es.", "Cela commence à 14h30.", "fr"),
        ("Um 14.30 Uhr beginnt es.", "Cela commence à 14.30.", "fr"),
        ("Um 14.30 Uhr beginnt es.", "Починається о 14.30.", "uk"),
        ("Um 14.30 Uhr beginnt es.", "Починається о 14:30.", "uk"),
        ("Um 14 Uhr beginnt es.", "It starts at 2 p.m.", "en"),
        ("Um 14 Uhr beginnt es.", "Починається о 14-й годині.", "uk"),
        ("Um 14 Uhr beginnt es.", "Cela commence à 14 heures.", "fr"),
        ("Es gibt 2 Optionen.", "There are two options.", "en"),
        ("Es gibt 2 Optionen.", "Є два варіанти.", "uk"),
        ("Es gibt 2 Optionen.", "Il y a deux options.", "fr"),
        ("Es gibt zwei Optionen.", "There are 2 options.", "en"),
        ("Der 2. Versuch scheiterte.", "The second attempt failed.", "en"),
        ("Am 6. Januar kamen 12 Staaten.", "On January 6, 12 states came.", "en"),
        ("Die Su-35 und die F-16.", "Су-35 і F-16.", "uk"),
        ("Ohne Zahlen.", "Without numbers.", "en"),
        ("Es kamen 1.000 Soldaten.", "Przybyło 1 000 żołnierzy.", "pl"),
    ],
)
def test_same_quantities_in_each_notation_pass(msgid: str, msgstr: str, lang: str) -> None:
    """Numbers, decimals, percentages and times written in the target's notation agree."""
    assert not _fires(msgid, msgstr, lang)


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang"),
    [
        ("Es kamen 1.000 Soldaten.", "1.000 soldiers came.", "en"),
        ("Das Wachstum lag bei 3,5 Prozent.", "Growth was 3,5 percent.", "en"),
        ("Das Wachstum lag bei 3,5 Prozent.", "Зростання становило 3.5 відсотка.", "uk"),
        ("Zu 90 Prozent vereinbart.", "9 percent agreed.", "en"),
        ("Zu 90 Prozent vereinbart.", "Convenus à 95\u00a0%.", "fr"),
        ("Um 14.30 Uhr beginnt es.", "It starts at 3:30 p.m.", "en"),
        ("Um 14.30 Uhr beginnt es.", "Cela commence à 14 h 45.", "fr"),
        ("Vertreter von 35 Staaten.", "Representatives of many states.", "en"),
        ("Vertreter vieler Staaten.", "Representatives of 35 states.", "en"),
        ("Es gibt 2 Optionen.", "There are three options.", "en"),
        ("Es gibt 13 Optionen.", "There are thirteen options.", "en"),
        ("Es kamen 3.000 Soldaten.", "Прийшли 3 солдати.", "uk"),
    ],
)
def test_changed_or_missing_quantities_fire(msgid: str, msgstr: str, lang: str) -> None:
    """A changed, dropped or added number, or one in the wrong notation, is reported."""
    assert _fires(msgid, msgstr, lang)


def test_message_names_missing_and_extra_values() -> None:
    """The finding says which value is missing and which one is new."""
    [(_, message)] = check_numbers("Zu 90 Prozent.", "To 9 percent.", "en", "de")
    assert "90 not in the translation" in message
    assert "9 not in the source" in message


def test_dates_and_links_are_not_numbers() -> None:
    """Days in dates and digits in URLs are left to their own rules."""
    found = quantities("Am 6. Januar 2026 auf https://x.de/2025 sahen 40 Leute.", "de")
    assert found.numbers == ("40",)


@pytest.mark.parametrize(
    ("text", "lang", "hour", "minute"),
    [
        ("um 14.30 Uhr", "de", 14, 30),
        ("um 9 Uhr", "de", 9, 0),
        ("at 2:30 p.m.", "en", 14, 30),
        ("at 12 a.m.", "en", 0, 0),
        ("à 14 h 30", "fr", 14, 30),
        ("о 08:15", "uk", 8, 15),
    ],
)
def test_clock_times_are_read_as_24_hour_times(
    text: str, lang: str, hour: int, minute: int
) -> None:
    """Each notation of a time gives its hour and minute on the 24-hour clock."""
    [(_, _, time)] = find_times(text, lang)
    assert (time.hour, time.minute) == (hour, minute)


def test_german_thousands_are_no_clock_time() -> None:
    """1.000 in German is a thousand, not one o'clock."""
    assert find_times("Es kamen 1.000 Soldaten.", "de") == []


def _format(value: int, cents: int, group: str, decimal: str) -> str:
    """A number with thousands grouped and two decimals, in the given notation."""
    grouped = f"{value:,}".replace(",", group)
    return f"{grouped}{decimal}{cents:02d}"


@given(st.lists(st.tuples(st.integers(0, 10**9), st.integers(1, 99)), min_size=1, max_size=4))
def test_numbers_in_each_locale_notation_agree(values: list[tuple[int, int]]) -> None:
    """Any amounts written in German, English, French and Ukrainian notation compare equal."""
    german = " und ".join(_format(v, c, ".", ",") for v, c in values)
    notations = {"en": (",", "."), "fr": (NNBSP, ","), "uk": (NBSP, ",")}
    for lang, (group, decimal) in notations.items():
        target = " and ".join(_format(v, c, group, decimal) for v, c in values)
        assert not _fires(f"Es sind {german} Euro.", f"It is {target} euros.", lang)
