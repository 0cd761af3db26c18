"""Quotation marks in the target language's style (en “…”, uk «…», fr « … ») and balanced."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from explainer_i18n.checks.conventions import base_lang
from explainer_i18n.model import Rule, Severity

QUOTES_STYLE = Rule(
    "quotes-style",
    Severity.WARNING,
    "the translation uses quotation marks of another language or straight quotes",
)
QUOTES_BALANCE = Rule(
    "quotes-balance",
    Severity.WARNING,
    "the translation opens or closes a quotation it does not close or open",
)


@dataclass(frozen=True)
class QuoteStyle:
    """A language's quotation marks."""

    expected: str
    """How a quotation looks, for the finding's message."""
    foreign: str
    """Marks that never belong in the language."""
    nested: str
    """Marks allowed only inside guillemets (quotations within quotations)."""
    pairs: tuple[tuple[str, str], ...]
    """Opening marks and the marks that may close them."""


_STYLES = {
    "en": QuoteStyle("“…” (‘…’ inside)", '"„‚«»‹›', "", (("“", "”"),)),
    "uk": QuoteStyle("«…» („…“ inside)", '"‚‹›', "„“”", (("«", "»"), ("„", "“”"))),
    "fr": QuoteStyle("« … » (“…” inside)", '"„‚', "“”‹›", (("«", "»"),)),
}
# A regular-expression search for any quotation mark is much faster than a set of the text.
_ANY_QUOTE = re.compile('["„‚“”«»‹›]')


def _style(lang: str) -> QuoteStyle | None:
    """The quotation style of a language code, by its base language."""
    return _STYLES.get(base_lang(lang))


@cache
def _any_of(marks: str) -> re.Pattern[str]:
    """A search for any of the marks."""
    return re.compile(f"[{re.escape(marks)}]")


def _first_of(marks: str, text: str) -> str | None:
    """The first of the marks in the text, if any is there."""
    match = _any_of(marks).search(text)
    return match.group() if match else None


def _outside_guillemets(text: str, marks: str) -> str | None:
    """The first of the marks that stands outside any «…», if one does."""
    # Where none of the marks is in the text, none can stand outside: skip the walk.
    if _first_of(marks, text) is None:
        return None
    depth = 0
    for char in text:
        if char == "«":
            depth += 1
        elif char == "»":
            depth = max(depth - 1, 0)
        elif char in marks and depth == 0:
            return char
    return None


def check_quote_style(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """The translation quotes in its own language's style."""
    style = _style(lang)
    if style is None or not _ANY_QUOTE.search(msgstr):
        return
    wrong = _first_of(style.foreign, msgstr)
    if wrong is None and style.nested:
        wrong = _outside_guillemets(msgstr, style.nested)
    if wrong is not None:
        yield (
            QUOTES_STYLE.id,
            f"quotation mark {wrong} in the translation; {lang} uses {style.expected}",
        )


def _pair_balanced(text: str, opening: str, closing: str) -> bool:
    """Whether each opening mark is closed, in order."""
    # A text without any of the marks is balanced: skip the walk.
    if _first_of(opening + closing, text) is None:
        return True
    depth = 0
    for char in text:
        if char == opening:
            depth += 1
        elif char in closing:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _source_balanced(text: str) -> bool:
    """Whether the source's quotations all close (German writes „…“, "…", »…« or «…»)."""
    curly = sum(text.count(c) for c in "„“”")
    return (
        text.count('"') % 2 == 0
        and curly % 2 == 0
        and text.count("«") == text.count("»")
        and text.count("‹") == text.count("›")
    )


def check_quote_balance(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """Quotations that close in the source close in the translation."""
    style = _style(lang)
    if style is None or not _ANY_QUOTE.search(msgstr) or not _source_balanced(msgid):
        return
    for opening, closing in style.pairs:
        if not _pair_balanced(msgstr, opening, closing):
            yield QUOTES_BALANCE.id, f"{opening}…{closing[0]} not balanced in the translation"
            return
