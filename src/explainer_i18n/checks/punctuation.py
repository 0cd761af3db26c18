"""Sentence punctuation a translation keeps: questions, closing punctuation, balanced brackets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from explainer_i18n.model import Rule, Severity

QUESTION_MARK = Rule(
    "question-mark",
    Severity.WARNING,
    "a question in the source is no question in the translation, or the other way round",
)
END_PUNCTUATION = Rule(
    "end-punctuation",
    Severity.NOTE,
    "the source ends with closing punctuation and the translation not, or the other way round",
)
BRACKETS_BALANCE = Rule(
    "brackets-balance",
    Severity.WARNING,
    "the translation opens or closes a bracket it does not close or open",
)

# Quotation marks and brackets may follow the final punctuation: 'Er fragte: "Warum?"'.
_AFTER_END = "\"'»«“”‘’„›‹)]} \t\n\u00a0\u202f"
_TERMINAL = ".!…:;"
# A tuple, not a string: the empty string is in every string but in no tuple of marks.
_QUESTION = tuple("?？؟")
_OPENING = {")": "(", "]": "[", "}": "{"}
_ANY_BRACKET = re.compile(r"[()\[\]{}]")


def _last(text: str) -> str:
    """The last character before any closing quotes, brackets and spaces."""
    return text.rstrip(_AFTER_END)[-1:]


# Two rules ask it of both texts, and of the same source in each language's catalog.
@lru_cache(maxsize=1024)
def is_question(text: str) -> bool:
    """Whether the text ends as a question ("Warum?", "Warum?!", '„Warum?“')."""
    return text.rstrip(_AFTER_END).rstrip("!")[-1:] in _QUESTION


def check_question(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """A question stays a question, and a statement does not become one."""
    asked, asks = is_question(msgid), is_question(msgstr)
    if asked and not asks:
        yield QUESTION_MARK.id, "the source is a question; the translation does not end with '?'"
    elif asks and not asked:
        yield QUESTION_MARK.id, "the translation ends with '?'; the source is no question"


def check_end(msgid: str, msgstr: str, lang: str, source_lang: str) -> Iterator[tuple[str, str]]:
    """Closing punctuation (other than '?', which its own rule covers) on both sides or neither."""
    if is_question(msgid) or is_question(msgstr):
        return
    source, target = _last(msgid), _last(msgstr)
    if (source in _TERMINAL) == (target in _TERMINAL):
        return
    if source in _TERMINAL:
        yield END_PUNCTUATION.id, f"the source ends with '{source}'; the translation does not"
    else:
        yield END_PUNCTUATION.id, f"the translation ends with '{target}'; the source does not"


def balanced(text: str) -> bool:
    """Whether every bracket is closed by its partner, in order."""
    stack: list[str] = []
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in _OPENING and (not stack or stack.pop() != _OPENING[char]):
            return False
    return not stack


def check_brackets(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """Brackets balanced in the source stay balanced in the translation."""
    if _ANY_BRACKET.search(msgstr) and not balanced(msgstr) and balanced(msgid):
        yield BRACKETS_BALANCE.id, "brackets are not balanced in the translation"
