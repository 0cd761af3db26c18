"""Tests for the date-mismatch rule and the reading of dates."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.dates import check_dates, find_dates

NBSP = "\u00a0"


def _fires(msgid: str, msgstr: str, lang: str) -> bool:
    """Whether date-mismatch reports the pair."""
    return any(rule == "date-mismatch" for rule, _ in check_dates(msgid, msgstr, lang, "de"))


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang"),
    [
        ("Am 6. Januar trafen sie sich.", "They met on January 6.", "en"),
        ("Am 6. Januar trafen sie sich.", "They met on 6 January.", "en"),
        ("Am 6. Januar trafen sie sich.", "They met on the 6th of January.", "en"),
        ("Am 6. Januar trafen sie sich.", "Вони зустрілися 6 січня.", "uk"),
        ("Am 6. Januar trafen sie sich.", "Вони зустрілися 6-го січня.", "uk"),
        ("Am 6. Januar trafen sie sich.", "Ils se sont réunis le 6 janvier.", "fr"),
        ("Am 6. Januar trafen sie sich.", f"Ils se sont réunis le 6{NBSP}janvier.", "fr"),
        ("Am 6. Januar 2026 trafen sie sich.", "They met on January 6, 2026.", "en"),
        ("Am 6. Januar 2026 trafen sie sich.", "Вони зустрілися 6 січня 2026 року.", "uk"),
        ("Am 6. Januar trafen sie sich.", "They met on January 6, 2026.", "en"),
        ("Am 1. März beginnt es.", "Cela commence le 1er mars.", "fr"),
        ("Vom 6. bis 8. Januar tagen sie.", "They meet from January 6 to 8.", "en"),
        ("Vom 6. bis 8. Januar tagen sie.", "Ils se réunissent du 6 au 8 janvier.", "fr"),
        ("Vom 6. bis 8. Januar tagen sie.", "Вони засідають з 6 по 8 січня.", "uk"),
        ("Am 06.01.2026 trafen sie sich.", "They met on January 6, 2026.", "en"),
        ("Am 06.01.2026 trafen sie sich.", "They met on 1/6/2026.", "en"),
        ("Am 06.01.2026 trafen sie sich.", "They met on 2026-01-06.", "en"),
        ("Am 06.01.2026 trafen sie sich.", "Вони зустрілися 06.01.2026.", "uk"),
        ("Am 6.1. trafen sie sich.", "Ils se sont réunis le 6 janvier.", "fr"),
        ("Seit Mitte Dezember.", "Since mid-December.", "en"),
        ("Drei Soldaten dürften kommen.", "3 may be coming.", "en"),
    ],
)
def test_same_dates_in_each_language_pass(msgid: str, msgstr: str, lang: str) -> None:
    """A date written the target language's way (ranges, ordinals, digits) agrees."""
    assert not _fires(msgid, msgstr, lang)


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang"),
    [
        ("Am 6. Januar trafen sie sich.", "They met on January 7.", "en"),
        ("Am 6. Januar trafen sie sich.", "They met on 6 February.", "en"),
        ("Am 6. Januar trafen sie sich.", "Вони зустрілися 6 лютого.", "uk"),
        ("Am 6. Januar trafen sie sich.", "Ils se sont réunis le 16 janvier.", "fr"),
        ("Am 6. Januar 2026 trafen sie sich.", "They met on January 6, 2025.", "en"),
        ("Am 6. Januar 2026 trafen sie sich.", "They met on January 6.", "en"),
        ("Am 6. Januar trafen sie sich.", "They met.", "en"),
        ("Sie trafen sich.", "They met on January 6.", "en"),
        ("Vom 6. bis 8. Januar tagen sie.", "They meet from January 6 to 9.", "en"),
    ],
)
def test_changed_missing_or_added_dates_fire(msgid: str, msgstr: str, lang: str) -> None:
    """A different day, month or year, a dropped year, or a dropped or added date is reported."""
    assert _fires(msgid, msgstr, lang)


def test_message_shows_both_dates() -> None:
    """The finding names the source's date and the translation's."""
    [(_, message)] = check_dates("Am 6. Januar.", "On January 7.", "en", "de")
    assert message == "6 Jan not in the translation; 7 Jan not in the source"


def test_may_the_verb_is_no_english_month() -> None:
    """Lower-case "may" after a number is the verb, not the month."""
    assert find_dates("the 3 may be late", "en") == ()


def test_english_slash_dates_have_both_readings() -> None:
    """1/6/2026 may be 6 January (US) or 1 June (elsewhere); the US reading comes first."""
    [mention] = find_dates("on 1/6/2026", "en")
    assert mention.dates == (((6, 1, 2026), (1, 6, 2026)),)


def test_unknown_language_reads_digit_dates_only() -> None:
    """A language CLDR does not know still gets its numeric dates read."""
    [mention] = find_dates("06.01.2026", "zz")
    assert mention.dates == (((6, 1, 2026),),)
