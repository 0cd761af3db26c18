"""Read PO text of the usual shape a whole entry at a time; anything else goes to the strict reader.

The usual shape is what msgcat and this tool write: comment lines, then optional ``#|`` lines,
then ``msgctxt``, ``msgid`` and ``msgstr`` (or ``msgid_plural`` and ``msgstr[0]``, ``msgstr[1]``,
...) with one space after each keyword, strings that use only the simple escapes, blank lines
between entries, and obsolete entries written with ``#~ `` and ``#~| ``. Every text this reader
accepts is read exactly as :mod:`explainer_i18n.po_parse` reads it line by line; for the rest
(CR characters, continued lines, octal escapes, stray text, any error) it answers ``None`` and
the strict reader takes the whole file, so that errors name the same line with the same words.
"""

from __future__ import annotations

import re

from explainer_i18n.model import Message
from explainer_i18n.po_draft import read_comments

UNESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
UNESCAPES |= {'"': '"', "\\": "\\"}
"""What each simple escape of a PO string stands for."""

_BODY = r'[^"\\\n]*(?:\\[ntrabfv"\\][^"\\\n]*)*'
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _strings(prefix: str) -> str:
    """A keyword's string and the continuation lines after it, each line with its newline."""
    return f'"{_BODY}"\\n(?:{prefix}"{_BODY}"\\n)*'


def _entry(prefix: str, previous: str) -> re.Pattern[str]:
    """One whole entry whose keyword lines start with ``prefix``, and the blank lines after it."""
    k, p = re.escape(prefix), re.escape(previous)
    return re.compile(
        r"(?P<comments>(?:#(?:[^~|\n][^\n]*)?\n)*)"
        rf"(?:(?:{p}msgctxt (?P<pctxt>{_strings(p)}))?{p}msgid (?P<pid>{_strings(p)})"
        rf"(?:{p}msgid_plural (?P<pplural>{_strings(p)}))?)?"
        rf"(?:{k}msgctxt (?P<msgctxt>{_strings(k)}))?"
        rf"(?P<at>){k}msgid (?P<msgid>{_strings(k)})"
        rf"(?:{k}msgstr (?P<msgstr>{_strings(k)})|{k}msgid_plural (?P<plural>{_strings(k)})"
        rf"(?P<forms>(?:{k}msgstr\[[0-9]+\] {_strings(k)})+))"
        r"\n*"
    )


_LIVE = _entry("", "#| ")
_OBSOLETE = _entry("#~ ", "#~| ")
_GROUPS = ("comments", "msgctxt", "msgid", "msgstr", "plural", "forms", "pctxt", "pid", "pplural")
_NO_COMMENTS = read_comments(())
_NO_PREVIOUS = (None, None, None)
# For live and obsolete entries: the msgstr[n] lines, and where one string ends and the next
# begins for the keyword and for the #| lines (in matched text a newline always stands between
# the closing and the opening quote of two strings). Indexed by obsolete, never by pattern:
# hashing a pattern hashes all of its compiled code.
_FORM = (
    re.compile(f"msgstr(\\[[0-9]+\\]) ({_strings('')})"),
    re.compile(f"#~ msgstr(\\[[0-9]+\\]) ({_strings('#~ ')})"),
)
_JOINTS = (('"\n"', '"\n#| "'), ('"\n#~ "', '"\n#~| "'))


def read_usual(text: str, texts: list[str] | None = None) -> list[Message] | None:
    """The entries of ``text`` in file order, or ``None`` when it is not of the usual shape.

    ``texts``, when given, receives the text of each entry (ending with one newline); only
    update asks for it, so a plain read does not cut the file into pieces."""
    if "\r" in text or "\\\n" in text or text.endswith("\\"):
        return None  # line ends and continued lines the strict reader handles
    if text and not text.endswith("\n"):
        text += "\n"
    messages: list[Message] = []
    pos = len(text) - len(text.lstrip("\n"))
    line, counted = 1, 0
    while pos < len(text):
        match = _LIVE.match(text, pos) or _OBSOLETE.match(text, pos)
        if match is None:
            return None
        at = match.start("at")
        line += text.count("\n", counted, at)
        counted, pos = at, match.end()
        message = _message(match, line)
        if message is None:
            return None
        messages.append(message)
        if texts is not None:
            texts.append(match.group().rstrip("\n") + "\n")
    return messages


def _message(match: re.Match[str], line: int) -> Message | None:
    comments, msgctxt, msgid, msgstr, plural, forms, *previous = match.group(*_GROUPS)
    obsolete = match.re is _OBSOLETE
    joint, previous_joint = _JOINTS[obsolete]
    translations = () if forms is None else _forms(_FORM[obsolete].findall(forms), joint)
    if translations is None:
        return None
    translator, extracted, references, flags = (
        read_comments(comments[:-1].split("\n")) if comments else _NO_COMMENTS
    )
    previous_msgctxt, previous_msgid, previous_msgid_plural = (
        _NO_PREVIOUS if previous[1] is None else (_optional(v, previous_joint) for v in previous)
    )
    return Message(
        msgid=_value(msgid, joint),
        msgstr="" if forms is not None else _value(msgstr, joint),
        msgctxt=_optional(msgctxt, joint),
        msgid_plural=_optional(plural, joint),
        msgstr_plural=translations,
        flags=flags,
        translator_comments=translator,
        extracted_comments=extracted,
        references=references,
        previous_msgctxt=previous_msgctxt,
        previous_msgid=previous_msgid,
        previous_msgid_plural=previous_msgid_plural,
        obsolete=obsolete,
        line=line,
    )


def _forms(found: list[tuple[str, str]], joint: str) -> tuple[str, ...] | None:
    """The plural translations, if they are numbered 0, 1, 2, ... as the strict reader wants."""
    if [index for index, _ in found] != [f"[{number}]" for number in range(len(found))]:
        return None
    return tuple(_value(strings, joint) for _, strings in found)


def _optional(strings: str | None, joint: str) -> str | None:
    return None if strings is None else _value(strings, joint)


def _value(strings: str, joint: str) -> str:
    """The text of a keyword's strings (as matched by ``_strings``, ``joint`` between two)."""
    body = strings[1:-2].replace(joint, "")
    if "\\" not in body:
        return body
    return _ESCAPED.sub(lambda escape: UNESCAPES[escape.group(1)], body)
