"""The quick paths of the quality checks give what the full work gives, on generated text.

Caches are compared with the functions they wrap, early exits with the full computation they
skip, cheap searches with the searches they stand in for, and the patterns that take a digit
before looking behind it with the lookbehind form their comments give.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n import term_tokens
from explainer_i18n.checks import (
    _empty_forms,
    _pairs,
    conventions,
    dates,
    links,
    numbers,
    punctuation,
    quotes,
    scripts,
    spacing,
)
from explainer_i18n.model import Message

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"
LANGS = ("en", "uk", "fr", "de", "pl", "pt_BR")

# Pieces of news text that the rules look at: numbers in each notation, dates, clock times,
# links, quotation marks, brackets, French spacing, Cyrillic next to Latin, odd spaces.
FRAGMENTS = (
    *("0", "1", "2", "7", "12", "14", "21", "31", "2025", "1.000", "1,000", "3,5", "3.5"),
    *(f"1{NBSP}000", f"52{NNBSP}000", f"1{THIN}000", "1 000 000", "9.5.", "06.01.2026"),
    *("1/6/2026", "2026-01-06", "2026-13-40", "14.30 Uhr", "14:30", "2:30 p.m.", "2pm"),
    *("14 h 30", "14h", "21 Uhr", "o'clock", "о 14:45", "14-й годині", " тис.", " тисячі"),
    *(" Tausend", " thousand", " mille", "zwei", "two", "deux", "два", "zwölf", "twelve"),
    *("6. Januar", "Januar", "January 6", "June", "Jan.", "janvier", "5 червня", "січня"),
    *("May", "may", "6th", "1er", " bis ", " und ", " and ", " to ", " of ", "–", "-"),
    *("https://x.de/a_(b)", "www.example.org", "mail@x.eu", "x.de/2025", "Su-35", "F-16"),
    *('"', "„", "“", "”", "«", "»", "‹", "›", "‚", "‘", "’", "'"),
    *("(", ")", "[", "]", "{", "}", "?", "!", "?!", ";", ":", "%", "…", ".", ","),
    *("Kyiv", "Kиїв", "Київ", "Pаris", "ы", "ё", "перемир'я", "l'OTAN", "ab_cd"),
    *(" ", " ", "  ", "\t", "\n", NBSP, NNBSP, THIN, "\u00ad", "\u200b"),
    *("Der", "der", "Gipfel", "summit", "sommet", "саміт", "u. a.", "z.B.", "U.S."),
)
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)
langs = st.sampled_from(LANGS)
FEW = settings(max_examples=300, deadline=None)


def _same_as_wrapped(function: Any, *arguments: Any) -> None:
    """A cached function, asked twice, answers as the function it wraps."""
    first, again = function(*arguments), function(*arguments)
    assert first == again == function.__wrapped__(*arguments)


@FEW
@given(text=texts, lang=langs)
def test_caches_answer_as_the_functions_they_wrap(text: str, lang: str) -> None:
    """Every cache of a text analysis returns what the uncached function computes."""
    _same_as_wrapped(numbers.quantities, text, lang)
    _same_as_wrapped(dates.find_dates, text, lang)
    _same_as_wrapped(links._link_spans, text)
    _same_as_wrapped(conventions.base_lang, lang)
    _same_as_wrapped(term_tokens._gap, text)
    _same_as_wrapped(punctuation.is_question, text)
    for word in re.findall(r"[^\W\d_]+\.?", text):
        _same_as_wrapped(dates._month, word, lang)
    for number, thousand in numbers._number_pattern(lang).findall(text):
        _same_as_wrapped(numbers._value, number, thousand, lang)
    assert links.find_links(text) == list(links._link_spans.__wrapped__(text))


@FEW
@given(msgid=texts, msgstr=texts, lang=langs)
def test_number_check_equals_its_full_count(msgid: str, msgstr: str, lang: str) -> None:
    """Skipping texts without digits and plainly equal numbers loses no numbers-mismatch."""
    source, target = numbers.quantities(msgid, "de"), numbers.quantities(msgstr, lang)
    full = list(numbers._mismatch(source, target, msgid, msgstr, lang, "de"))
    assert list(numbers.check_numbers(msgid, msgstr, lang, "de")) == full


@FEW
@given(msgid=texts, msgstr=texts, lang=langs)
def test_date_check_equals_its_full_pairing(msgid: str, msgstr: str, lang: str) -> None:
    """Skipping the pairing of identical date lists loses no date-mismatch."""
    source = [d for m in dates.find_dates(msgid, "de") for d in m.dates]
    target = [d for m in dates.find_dates(msgstr, lang) for d in m.dates]
    full = list(dates._unpaired(source, target))
    assert list(dates.check_dates(msgid, msgstr, lang, "de")) == full
    assert list(dates._unpaired(target, list(target))) == []


@FEW
@given(msgid=texts, msgstr=texts, lang=langs)
def test_mixed_script_check_equals_its_full_scan(msgid: str, msgstr: str, lang: str) -> None:
    """Skipping texts in one script loses no mixed-script finding."""
    full = list(scripts._mixed_words(msgid, msgstr))
    assert list(scripts.check_mixed_script(msgid, msgstr, lang, "de")) == full


@FEW
@given(msgid=texts, msgstr=texts)
def test_whitespace_check_equals_its_full_comparison(msgid: str, msgstr: str) -> None:
    """Looking at the first and last characters first loses no whitespace finding."""
    problems = []
    if spacing._leading(msgid) != spacing._leading(msgstr):
        problems.append("leading whitespace differs from the source's")
    if spacing._trailing(msgid) != spacing._trailing(msgstr):
        problems.append("trailing whitespace differs from the source's")
    if spacing._DOUBLED.search(msgstr.strip()):
        problems.append("doubled space inside the translation")
    full = [(spacing.WHITESPACE.id, "; ".join(problems))] if problems else []
    assert list(spacing.check_whitespace(msgid, msgstr, "en", "de")) == full


@FEW
@given(text=texts)
def test_quick_searches_find_what_the_full_ones_find(text: str) -> None:
    """Each quick first search says yes wherever the work it guards could find something."""
    if spacing._DOUBLED.search(text):
        assert spacing._may_double(text)
    if links._HINT.search(text):
        assert links._ROUGH_HINT.search(text)
    assert bool(quotes._ANY_QUOTE.search(text)) == bool(set(text) & set('"„‚“”«»‹›'))
    assert bool(punctuation._ANY_BRACKET.search(text)) == bool(set(text) & set("()[]{}"))


@FEW
@given(text=texts, marks=st.sampled_from(('"„‚«»‹›', '"‚‹›', "„“”", "“”‹›", "«»", "„“”")))
def test_first_mark_is_the_first_in_text_order(text: str, marks: str) -> None:
    """The search for the first quotation mark of a set finds what a walk over the text finds."""
    assert quotes._first_of(marks, text) == next((c for c in text if c in marks), None)


def _walk_balanced(text: str, opening: str, closing: str) -> bool:
    """Each opening mark closed in order, by a walk over every character."""
    depth = 0
    for char in text:
        depth += (char == opening) - (char in closing)
        if depth < 0:
            return False
    return depth == 0


@FEW
@given(text=texts)
def test_quotation_walks_skip_only_texts_without_marks(text: str) -> None:
    """Skipping texts without the marks changes neither the balance nor the outside mark."""
    for opening, closing in (("«", "»"), ("„", "“”"), ("“", "”")):
        assert quotes._pair_balanced(text, opening, closing) == _walk_balanced(
            text, opening, closing
        )
    if quotes._first_of("„“”", text) is None:
        assert quotes._outside_guillemets(text, "„“”") is None


@FEW
@given(msgid=texts, msgstrs=st.lists(texts, min_size=1, max_size=3), plural=st.booleans())
def test_only_plural_entries_have_empty_forms(
    msgid: str, msgstrs: list[str], plural: bool
) -> None:
    """A singular entry with a translation has no empty form and is checked as its one pair,
    so its check need look for neither."""
    message = (
        Message(msgid, msgid_plural=msgid + "s", msgstr_plural=tuple(msgstrs))
        if plural
        else Message(msgid, msgstrs[0])
    )
    if message.has_translation and not plural:
        assert _empty_forms(message) == []
        assert list(_pairs(message)) == [(message.msgid, message.msgstr, "")]


def _lookbehind_form(pattern: str, rewrites: dict[str, str]) -> re.Pattern[str]:
    """The pattern with each digit-first piece written back as its lookbehind form."""
    for quick, plain in rewrites.items():
        assert pattern.count(quick) == 1
        pattern = pattern.replace(quick, plain)
    return re.compile(pattern)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], Any]]:
    """Every match of the pattern with its span and groups."""
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _digit_first_patterns() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """Each pattern that takes a digit before looking behind it, with its lookbehind form."""
    pairs = []
    for quick, not_before in ((dates._DOTTED, r"\d.,/"), (dates._DAY_FIRST, r"\d.,/")):
        rewrite = {rf"(\d(?<![{not_before}]\d)\d?)": rf"(?=\d)(?<![{not_before}])(\d{{1,2}})"}
        pairs.append((quick, _lookbehind_form(quick.pattern, rewrite)))
    slashed = {r"(\d(?<![\d/.]\d)\d?)": r"(?=\d)(?<![\d/.])(\d{1,2})"}
    pairs.append((dates._SLASHED, _lookbehind_form(dates._SLASHED.pattern, slashed)))
    number = {r"(\d(?<!\d\d)(?:\d{0,2}": r"(?=\d)(?<!\d)((?:\d{1,3}", r"|\d*(?:": r"|\d+(?:"}
    for lang in LANGS:
        quick = numbers._number_pattern(lang)
        pairs.append((quick, _lookbehind_form(quick.pattern, number)))
    return pairs


DIGIT_FIRST = _digit_first_patterns()


@FEW
@given(text=texts)
def test_digit_first_patterns_match_as_their_lookbehind_forms(text: str) -> None:
    """Taking the first digit before looking behind it finds the same matches and groups."""
    for quick, plain in DIGIT_FIRST:
        assert _matches(quick, text) == _matches(plain, text)


def _pins_tokens(text: str, lang: str, tokens: tuple[term_tokens.Token, ...]) -> None:
    """The tokens are the word pattern's leftmost longest matches, each with its gap."""
    word = term_tokens._UK_WORD if lang == "uk" else term_tokens._WORD
    end = 0
    for index, token in enumerate(tokens):
        assert type(token) is term_tokens.Token
        between = text[end : token.start]
        assert not re.search(r"[^\W_]", between), "a word was skipped"
        match = word.match(text, token.start)
        assert match is not None and match.span() == (token.start, token.end)
        assert token.text == match.group()
        expected_gap = "" if index == 0 else between
        if index and (between == " " or term_tokens._SPACE_GAP.fullmatch(between)):
            expected_gap = " "
        elif index and term_tokens._APOSTROPHE_GAP.fullmatch(between):
            expected_gap = "'"
        assert token.gap == expected_gap
        end = token.end
    assert not re.search(r"[^\W_]", text[end:]), "a word was skipped at the end"


@FEW
@given(text=texts, lang=st.sampled_from(("uk", "fr", "en", "de")))
def test_tokens_are_the_words_of_the_text(text: str, lang: str) -> None:
    """tokenize gives each word of the normalized text once, where it is, with its gap."""
    normalized = term_tokens.normalize(text)
    _pins_tokens(normalized, lang, term_tokens.tokenize(normalized, lang))


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("Kyiv's l'OTAN", "fr", ["Kyiv", "s", "l", "OTAN"]),
        ("перемир'я, 'так'", "uk", ["перемир'я", "так"]),
        ("", "en", []),
        ("…!", "en", []),
    ],
)
def test_tokens_of_known_texts(text: str, lang: str, words: list[str]) -> None:
    """Apostrophes join Ukrainian words only, and text without words has no tokens."""
    tokens = term_tokens.tokenize(text, lang)
    assert [t.text for t in tokens] == words
    _pins_tokens(text, lang, tokens)


CHECK_FUNCTIONS: tuple[Callable[..., Any], ...] = (
    numbers.check_numbers,
    dates.check_dates,
    scripts.check_mixed_script,
    spacing.check_whitespace,
)


@FEW
@given(msgid=texts, msgstr=texts, lang=langs)
def test_cached_checks_answer_the_same_twice(msgid: str, msgstr: str, lang: str) -> None:
    """A check asked again (now from the caches) reports what it reported the first time."""
    for check in CHECK_FUNCTIONS:
        assert list(check(msgid, msgstr, lang, "de")) == list(check(msgid, msgstr, lang, "de"))
