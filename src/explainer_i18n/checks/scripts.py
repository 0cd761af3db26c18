"""Alphabets: no Russian letters in Ukrainian, no Latin look-alikes inside Cyrillic words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from explainer_i18n.checks.conventions import base_lang
from explainer_i18n.model import Rule, Severity

UK_RUSSIAN_LETTERS = Rule(
    "uk-russian-letters",
    Severity.ERROR,
    "Ukrainian text contains a letter only Russian uses (ы, э, ъ, ё)",
)
MIXED_SCRIPT = Rule(
    "mixed-script",
    Severity.ERROR,
    "a word mixes Cyrillic and Latin letters (a look-alike typed on the wrong keyboard)",
)

_CYRILLIC = "\u0400-\u052f"
_LATIN = "A-Za-z\u00c0-\u024f"
_RUSSIAN_ONLY = re.compile("[ыэъёЫЭЪЁ]")
_SCRIPT_CHANGE = re.compile(f"[{_CYRILLIC}][{_LATIN}]|[{_LATIN}][{_CYRILLIC}]")
_WORD = re.compile(r"[^\W\d_]+")
_IS_CYRILLIC = re.compile(f"[{_CYRILLIC}]")
_IS_LATIN = re.compile(f"[{_LATIN}]")


def _word_at(text: str, index: int) -> str:
    """The run of letters around a position."""
    for match in _WORD.finditer(text):
        if match.start() <= index < match.end():
            return match.group()
    return ""


def check_russian_letters(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """Ukrainian text uses no Russian-only letters (unless the source quotes them)."""
    if base_lang(lang) != "uk":
        return
    for match in _RUSSIAN_ONLY.finditer(msgstr):
        if match.group() not in msgid:
            word = _word_at(msgstr, match.start())
            yield UK_RUSSIAN_LETTERS.id, f"Russian letter '{match.group()}' in '{word}'"
            return


def _intruders(word: str) -> str:
    """The letters of the word's minority script, and what they sit in."""
    cyrillic = [c for c in word if _IS_CYRILLIC.match(c)]
    latin = [c for c in word if not _IS_CYRILLIC.match(c)]
    if len(cyrillic) >= len(latin):
        return f"Latin {''.join(latin)!r} in the Cyrillic word {word!r}"
    return f"Cyrillic {''.join(cyrillic)!r} in the Latin word {word!r}"


def check_mixed_script(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """No word mixes Cyrillic and Latin letters (unless the source has the same word)."""
    # Most texts are in one script: two quick searches spare them the slower scan for a change.
    if _IS_CYRILLIC.search(msgstr) and _IS_LATIN.search(msgstr):
        yield from _mixed_words(msgid, msgstr)


def _mixed_words(msgid: str, msgstr: str) -> Iterator[tuple[str, str]]:
    """The first word of the translation that changes script and is not in the source."""
    for match in _SCRIPT_CHANGE.finditer(msgstr):
        word = _word_at(msgstr, match.start())
        if word not in msgid:
            yield MIXED_SCRIPT.id, _intruders(word)
            return
