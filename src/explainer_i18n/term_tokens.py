"""Text made comparable for glossary matching: normalized, without URLs, cut into word tokens."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from explainer_i18n.morphology import primary

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'", "\u00b4": "'"})
# Invisible characters that would split or glue words without being seen.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ODD = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u2019\u02bc\u2018\u00b4]")
_TLDS = "com|org|net|info|io|eu|de|at|ch|fr|be|ua|uk|ru|us|gov|edu|int"
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})\b(?:/\S*)?",
    re.IGNORECASE,
)
# What a removed URL becomes: not a letter, not a space, so no term can match across it.
_URL_STANDIN = " | "
# Ukrainian keeps an apostrophe between letters inside the word (перемир'я); elsewhere it splits
# words (French elision l'OTAN, English possessive Kyiv's).
_UK_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_WORD = re.compile(r"[^\W_]+")
_SPACE_GAP = re.compile(r"[\s\-\u2010\u2011]*")
_APOSTROPHE_GAP = re.compile(r"[\s\-\u2010\u2011']*")
# Cheap test first: most texts hold no URL, and the full expression is slow to scan.
_URL_HINT = re.compile(rf"://|@|\bwww\.|\.(?:{_TLDS})\b", re.IGNORECASE)

Gap = str
"""How a token is joined to the one before it: ``" "`` (spaces or hyphens), ``"'"`` (an
apostrophe, as in French elision), or the exact characters between them when anything else is
there (punctuation, a removed URL), so that a term like "U.S." still matches its own spelling."""


class Token(NamedTuple):
    """A word of normalized text, where it is, and how it is joined to the word before it."""

    text: str
    start: int
    end: int
    gap: Gap


def clean(text: str) -> str:
    """NFC, one apostrophe character (the ASCII one), no invisible characters."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _ODD.search(text):  # most text has none of them: skip the slower rewrites
        text = _INVISIBLE.sub("", text).translate(_APOSTROPHES)
    return text


def normalize(text: str) -> str:
    """Running text made ready for matching: cleaned, URLs and e-mail addresses taken out."""
    text = clean(text)
    return _URL.sub(_URL_STANDIN, text) if _URL_HINT.search(text) else text


def _gap(between: str) -> Gap:
    if between == " " or _SPACE_GAP.fullmatch(between):
        return " "
    return "'" if _APOSTROPHE_GAP.fullmatch(between) else between


def tokenize(text: str, lang: str) -> tuple[Token, ...]:
    """The word tokens of already normalized text, in order."""
    word = _UK_WORD if primary(lang) == "uk" else _WORD
    tokens: list[Token] = []
    end = -1
    for match in word.finditer(text):
        start = match.start()
        between = text[end:start] if end >= 0 else ""
        gap = " " if between == " " else (_gap(between) if between else "")
        end = match.end()
        tokens.append(Token(match.group(), start, end, gap))
    return tuple(tokens)


def case_shape(word: str) -> str:
    """How a word is capitalized: ``upper``, ``title``, ``lower`` or ``mixed``."""
    if word.isupper():
        return "upper"
    if word.islower():
        return "lower"
    return "title" if word[:1].isupper() and word[1:].islower() else "mixed"
