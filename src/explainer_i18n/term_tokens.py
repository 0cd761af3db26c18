"""Text made comparable for glossary matching: normalized, without URLs, cut into word tokens."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, repeat
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
# The same, as one group for re.split: the pieces alternate text between words and words.
_UK_SPLIT = re.compile(f"({_UK_WORD.pattern})")
_SPLIT = re.compile(f"({_WORD.pattern})")
_SPACE_GAP = re.compile(r"[\s\-\u2010\u2011]*")
_APOSTROPHE_GAP = re.compile(r"[\s\-\u2010\u2011']*")
# Cheap test first: most texts hold no URL, and the full expression is slow to scan. Every
# branch starts with a plain character, so the engine skips to the next ":", "@" or "."
# ("www." is found at its dot): 1.5 µs a sentence instead of 3.9 with a leading \bwww.
_URL_HINT = re.compile(rf"://|@|\.(?:(?:{_TLDS})\b|(?<=\bwww\.))", re.IGNORECASE)

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


# The same few strings stand between words again and again (" ", ", ", ". ").
@lru_cache(maxsize=1024)
def _gap(between: str) -> Gap:
    """How a word is joined to the one before it, from the characters between them."""
    if not between:
        return ""
    if between == " " or _SPACE_GAP.fullmatch(between):
        return " "
    return "'" if _APOSTROPHE_GAP.fullmatch(between) else between


class Columns(NamedTuple):
    """The word tokens of a text as columns: ``words[i]`` spans ``starts[i]:ends[i]`` and is
    joined to the word before it by ``gaps[i]``. Matching reads these without a Token each."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    gaps: list[Gap]


_NO_COLUMNS = Columns([], [], [], [])


def columns(text: str, lang: str) -> Columns:
    """The word tokens of already normalized text, in order, as columns."""
    # Splitting at the words (kept by the group) gives the text between them too; building the
    # columns from those pieces with C-level map and slices is faster than a loop over matches.
    pieces = (_UK_SPLIT if primary(lang) == "uk" else _SPLIT).split(text)
    words = pieces[1::2]
    if not words:
        return _NO_COLUMNS
    ends = list(accumulate(map(len, pieces)))
    return Columns(words, ends[0:-1:2], ends[1::2], ["", *map(_gap, pieces[2:-1:2])])


def tokenize(text: str, lang: str) -> tuple[Token, ...]:
    """The word tokens of already normalized text, in order."""
    return tuple(map(tuple.__new__, repeat(Token), zip(*columns(text, lang), strict=True)))


def case_shape(word: str) -> str:
    """How a word is capitalized: ``upper``, ``title``, ``lower`` or ``mixed``."""
    if word.isupper():
        return "upper"
    if word.islower():
        return "lower"
    return "title" if word[:1].isupper() and word[1:].islower() else "mixed"
