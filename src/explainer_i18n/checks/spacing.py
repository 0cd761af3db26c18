"""Spaces: whitespace around and inside a translation, and French no-break spaces."""

from __future__ import annotations

import re
from collections.abc import Iterator

from explainer_i18n.checks.conventions import NO_BREAK_SPACES, base_lang
from explainer_i18n.checks.links import mask_links
from explainer_i18n.model import Rule, Severity

WHITESPACE = Rule(
    "whitespace",
    Severity.WARNING,
    "leading or trailing whitespace differs from the source's, or spaces are doubled",
)
FR_NBSP = Rule(
    "fr-nbsp",
    Severity.WARNING,
    "French needs a no-break space before ; : ! ? % » and after «",
)

_DOUBLED = re.compile(r"[ \t\u00a0\u202f\u2009]{2,}")
# The same, written so that the engine can skip to the next space: a quick first search.
_TWO_SPACES = re.compile(r"[ \t\u00a0\u202f\u2009][ \t\u00a0\u202f\u2009]")
_OTHER_SPACE = re.compile(r"[\t\u00a0\u202f\u2009]")
_FRENCH_MARK = re.compile(r"[;:!?%»«]")
# A mark may follow another one directly ("?!", "…?") and an opening bracket ("(?)").
_MAY_PRECEDE = frozenset("?!…;:.([")
_SPACES = " " + NO_BREAK_SPACES


def _leading(text: str) -> str:
    """The whitespace the text starts with."""
    return text[: len(text) - len(text.lstrip())]


def _may_double(text: str) -> bool:
    """Whether the text may hold a doubled space: a quick test that is never wrong when it says
    no (with only plain spaces, a doubled one is two plain spaces)."""
    if _OTHER_SPACE.search(text):
        return _TWO_SPACES.search(text) is not None
    return "  " in text


def _trailing(text: str) -> str:
    """The whitespace the text ends with."""
    return text[len(text.rstrip()) :]


def check_whitespace(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """The translation keeps the source's outer whitespace and has no doubled spaces."""
    problems = []
    # Most texts neither start nor end with whitespace nor double a space: one look at the
    # first and last characters and a search of the whole text settle them.
    if (msgid[:1].isspace() or msgstr[:1].isspace()) and _leading(msgid) != _leading(msgstr):
        problems.append("leading whitespace differs from the source's")
    if (msgid[-1:].isspace() or msgstr[-1:].isspace()) and _trailing(msgid) != _trailing(msgstr):
        problems.append("trailing whitespace differs from the source's")
    if _may_double(msgstr) and _DOUBLED.search(msgstr.strip()):
        problems.append("doubled space inside the translation")
    if problems:
        yield WHITESPACE.id, "; ".join(problems)


def _between_digits(text: str, index: int) -> bool:
    """Whether digits stand on both sides of the position: a time (14:30) or a ratio (3 : 1)."""
    left = text[:index].rstrip(_SPACES)[-1:]
    right = text[index + 1 :].lstrip(_SPACES)[:1]
    return left.isdigit() and right.isdigit()


def _space_before(text: str, index: int) -> str | None:
    """What is wrong before the mark at index, or None when the spacing is right."""
    mark, before = text[index], text[index - 1 : index]
    if not before or before in NO_BREAK_SPACES:
        return None
    if before in _MAY_PRECEDE and mark != "»":
        return None
    if mark == ":" and _between_digits(text, index):
        return None
    what = "a plain space" if before.isspace() else "no space"
    return f"{what} before '{mark}'"


def _space_after(text: str, index: int) -> str | None:
    """What is wrong after the « at index, or None when the spacing is right."""
    after = text[index + 1 : index + 2]
    if not after or after in NO_BREAK_SPACES:
        return None
    what = "a plain space" if after.isspace() else "no space"
    return f"{what} after '«'"


def french_spacing(text: str) -> list[str]:
    """Every place where French typography wants a no-break space and does not get one."""
    text = mask_links(text, "x")
    problems = []
    for match in _FRENCH_MARK.finditer(text):
        index = match.start()
        check = _space_after if text[index] == "«" else _space_before
        problem = check(text, index)
        if problem is not None:
            problems.append(problem)
    return problems


def check_french_spacing(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """French punctuation ; : ! ? % and guillemets are set off by no-break spaces."""
    if base_lang(lang) != "fr" or not _FRENCH_MARK.search(msgstr):
        return
    problems = french_spacing(msgstr)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        yield FR_NBSP.id, problems[0] + more
