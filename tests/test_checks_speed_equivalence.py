"""The quick paths of the quality checks give what the full work gives, on generated text.

Caches are compared with the functions they wrap and with emptied caches, early exits with the
full computation they skip, cheap searches with the searches they stand in for, the patterns
that take a digit before looking behind it with the lookbehind form their comments give, and
the shortcut for singular entries with the full run over every form of an entry. Source and
translation are drawn as pairs that often share their numbers, dates and marks, so that the
early exits taken when the two agree are taken, and compared, often.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from explainer_i18n import term_tokens
from explainer_i18n.checks import (
    CHECKS,
    RULES,
    check_message,
    conventions,
    dates,
    links,
    numbers,
    punctuation,
    quotes,
    scripts,
    spacing,
)
from explainer_i18n.checks.state import FUZZY, UNTRANSLATED
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
fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=14)
texts = fragments.map("".join)
langs = st.sampled_from(LANGS)
FEW = settings(max_examples=300, deadline=None)


@st.composite
def source_and_translation(draw: st.DrawFn) -> tuple[str, str]:
    """A source text and a translation that is the same pieces, reordered, edited or unrelated:
    the first two agree in their numbers, dates and marks more often than not."""
    pieces = draw(fragments)
    kind = draw(st.sampled_from(("same", "reordered", "edited", "unrelated")))
    if kind == "same":
        other = pieces
    elif kind == "reordered":
        other = draw(st.permutations(pieces))
    elif kind == "edited":
        kept = draw(st.permutations(pieces))[draw(st.integers(0, 1)) :]
        other = [*kept, *draw(st.lists(st.sampled_from(FRAGMENTS), max_size=2))]
    else:
        other = draw(fragments)
    return "".join(pieces), "".join(other)


pairs = source_and_translation()

TEXT_CACHES: tuple[Any, ...] = (
    numbers.quantities,
    numbers._value,
    dates.find_dates,
    dates._month,
    links._link_spans,
    punctuation.is_question,
    conventions.base_lang,
    term_tokens._gap,
)
"""The caches of per-text (and per-language) answers that the checks share."""


def _run_every_check(msgid: str, msgstr: str) -> list[list[tuple[str, str]]]:
    """What every text check reports on the pair, in every language."""
    return [list(check(msgid, msgstr, lang, "de")) for lang in LANGS for check in CHECKS]


@FEW
@given(pair=pairs, lang=langs)
def test_caches_answer_as_the_functions_they_wrap(pair: tuple[str, str], lang: str) -> None:
    """Every cache of a text analysis, once the checks have used it on these texts in every
    language (and on earlier texts), returns what the uncached function computes."""
    _run_every_check(*pair)
    for text in pair:
        assert numbers.quantities(text, lang) == numbers.quantities.__wrapped__(text, lang)
        assert dates.find_dates(text, lang) == dates.find_dates.__wrapped__(text, lang)
        assert links._link_spans(text) == links._link_spans.__wrapped__(text)
        assert links.find_links(text) == list(links._link_spans.__wrapped__(text))
        assert term_tokens._gap(text) == term_tokens._gap.__wrapped__(text)
        assert punctuation.is_question(text) == punctuation.is_question.__wrapped__(text)
        for word in re.findall(r"[^\W\d_]+\.?", text):
            assert dates._month(word, lang) == dates._month.__wrapped__(word, lang)
        for number, thousand in numbers._number_pattern(lang).findall(text):
            value = numbers._value(number, thousand, lang)
            assert value == numbers._value.__wrapped__(number, thousand, lang)
    assert conventions.base_lang(lang) == conventions.base_lang.__wrapped__(lang)


@FEW
@given(pair=pairs)
def test_checks_with_warm_caches_answer_as_with_empty_ones(pair: tuple[str, str]) -> None:
    """Every text check in every language, its caches full of answers for other texts and
    languages, reports what it reports when each cache is emptied before it runs."""
    warm = _run_every_check(*pair)
    cold = []
    for lang in LANGS:
        for check in CHECKS:
            for cache in TEXT_CACHES:
                cache.cache_clear()
            cold.append(list(check(*pair, lang, "de")))
    assert warm == cold


@FEW
@given(pair=pairs, lang=langs)
@example(
    pair=("Am 6. Januar kamen 1.000 Menschen.", "On 6 January, 1,000 people came."), lang="en"
)
@example(pair=("3,5 Prozent von 12", "12 and 3.5 percent"), lang="en")
@example(pair=("um 14.30 Uhr", "at 2:30 p.m."), lang="en")
def test_number_check_equals_its_full_count(pair: tuple[str, str], lang: str) -> None:
    """Skipping texts without digits and plainly equal numbers loses no numbers-mismatch."""
    msgid, msgstr = pair
    source = numbers.quantities.__wrapped__(msgid, "de")
    target = numbers.quantities.__wrapped__(msgstr, lang)
    full = list(numbers._mismatch(source, target, msgid, msgstr, lang, "de"))
    assert list(numbers.check_numbers(msgid, msgstr, lang, "de")) == full


def _dates_of(text: str, lang: str) -> list[tuple[dates.Reading, ...]]:
    """The date readings of a text, without the cache."""
    return [d for m in dates.find_dates.__wrapped__(text, lang) for d in m.dates]


@FEW
@given(pair=pairs, lang=langs)
@example(pair=("am 6. Januar 2026", "on 6 January 2026"), lang="en")
@example(pair=("06.01.2026 und 7. Januar", "06.01.2026 і 7 січня"), lang="uk")
def test_date_check_equals_its_full_pairing(pair: tuple[str, str], lang: str) -> None:
    """Skipping the pairing of identical date lists loses no date-mismatch."""
    msgid, msgstr = pair
    full = list(dates._unpaired(_dates_of(msgid, "de"), _dates_of(msgstr, lang)))
    assert list(dates.check_dates(msgid, msgstr, lang, "de")) == full


@FEW
@given(pair=pairs, lang=langs)
@example(pair=("Kyiv", "Kиїв"), lang="uk")
@example(pair=("Pаris", "Pаris"), lang="uk")
def test_mixed_script_check_equals_its_full_scan(pair: tuple[str, str], lang: str) -> None:
    """Skipping texts in one script loses no mixed-script finding."""
    msgid, msgstr = pair
    full = list(scripts._mixed_words(msgid, msgstr))
    assert list(scripts.check_mixed_script(msgid, msgstr, lang, "de")) == full


@FEW
@given(pair=pairs)
@example(pair=(" a ", " b  c\t"))
def test_whitespace_check_equals_its_full_comparison(pair: tuple[str, str]) -> None:
    """Looking at the first and last characters first loses no whitespace finding."""
    msgid, msgstr = pair
    problems = []
    if msgid[: len(msgid) - len(msgid.lstrip())] != msgstr[: len(msgstr) - len(msgstr.lstrip())]:
        problems.append("leading whitespace differs from the source's")
    if msgid[len(msgid.rstrip()) :] != msgstr[len(msgstr.rstrip()) :]:
        problems.append("trailing whitespace differs from the source's")
    if re.search(r"[ \t\u00a0\u202f\u2009]{2,}", msgstr.strip()):
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


def _walk_outside(text: str, marks: str) -> str | None:
    """The first of the marks outside any «…», each mark judged by the text before it."""
    found = (c for i, c in enumerate(text) if c in marks and _open_before(text[:i]) == 0)
    return next(found, None)


def _open_before(prefix: str) -> int:
    """How many «…» are open at the end of ``prefix`` (a stray » closes nothing)."""
    opened = 0
    for char in prefix:
        opened = opened + 1 if char == "«" else max(opened - (char == "»"), 0)
    return opened


@FEW
@given(text=texts)
@example(text="«„a“» „b“")
def test_quotation_walks_skip_only_texts_without_marks(text: str) -> None:
    """Skipping texts without the marks changes neither the balance nor the outside mark."""
    for opening, closing in (("«", "»"), ("„", "“”"), ("“", "”")):
        assert quotes._pair_balanced(text, opening, closing) == _walk_balanced(
            text, opening, closing
        )
    for marks in ("„“”", "“”‹›"):
        assert quotes._outside_guillemets(text, marks) == _walk_outside(text, marks)


_ORDER = {rule.id: index for index, rule in enumerate(RULES)}


def _check_message_in_full(message: Message, lang: str) -> list[tuple[str, str]]:
    """check_message without its shortcut for singular entries: the empty forms and the pairs
    of every entry worked out from its forms, as before the shortcut."""
    if not any(message.translations):
        return [(UNTRANSLATED.id, "no translation")]
    plural = message.msgid_plural is not None
    forms = message.msgstr_plural if plural else (message.msgstr,)
    hits: dict[str, str] = {}
    if message.fuzzy:
        hits[FUZZY.id] = "marked fuzzy: the translation needs review"
    empty = [f"msgstr[{index}]" for index, text in enumerate(forms) if not text]
    if empty:
        hits[UNTRANSLATED.id] = f"{', '.join(empty)} not translated"
    for index, text in enumerate(forms):
        source = (message.msgid_plural or "") if plural and index else message.msgid
        label = f"msgstr[{index}]: " if plural else ""
        for check in CHECKS if text else ():
            for rule, said in check(source, text, lang, "de"):
                hits.setdefault(rule, label + said)
    return sorted(hits.items(), key=lambda hit: _ORDER.get(hit[0], len(_ORDER)))


@st.composite
def entries(draw: st.DrawFn) -> Message:
    """A singular or plural entry, fuzzy or not, with forms that may be empty."""
    msgid, msgstr = draw(pairs)
    flags = ("fuzzy",) if draw(st.booleans()) else ()
    if draw(st.booleans()):
        return Message(msgid, msgstr, flags=flags)
    plural, other = draw(pairs)
    forms = draw(st.permutations([msgstr, other, *draw(st.lists(texts, max_size=2))]))
    return Message(msgid, msgid_plural=plural, msgstr_plural=tuple(forms), flags=flags)


@FEW
@given(message=entries(), lang=langs)
@example(
    message=Message("1 Tag", msgid_plural="2 Tage", msgstr_plural=("1 day", "", "3 days")),
    lang="uk",
)
@example(message=Message("Am 6. Januar?", "On 7 January.", flags=("fuzzy",)), lang="en")
def test_entry_check_equals_its_full_run_over_every_form(message: Message, lang: str) -> None:
    """The shortcut for singular entries (no empty forms to seek, one pair) reports what the
    full run over the forms reports, and plural entries name their empty and faulty forms."""
    assert check_message(message, lang) == _check_message_in_full(message, lang)


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
