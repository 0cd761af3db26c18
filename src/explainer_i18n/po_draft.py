"""The PO entry being read: its comments, keywords and strings, with gettext's order rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from explainer_i18n.model import Message
from explainer_i18n.po_comments import flag_tokens, number, reference_items

_FOLLOWS = {
    "msgctxt": (None,),
    "msgid": (None, "msgctxt"),
    "msgid_plural": ("msgid",),
    "msgstr": ("msgid",),
}
_PREVIOUS_FOLLOWS = {"msgctxt": (None,), "msgid": (None, "msgctxt"), "msgid_plural": ("msgid",)}


CommentParts = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
"""An entry's translator comments, extracted comments, references and flags."""


def read_comments(lines: Iterable[str]) -> CommentParts:
    """Read an entry's comment lines (``#~`` and ``#|`` lines are the caller's) as gettext does:
    ``# x`` and ``#. x`` lose one leading space, a later flags line replaces an earlier one, and
    the ``#:`` lines are read together."""
    translator: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    flags: list[str] = []
    for line in lines:
        kind = line[1:2]
        if kind == ".":
            extracted.append(line[3:] if line[2:3] == " " else line[2:])
        elif kind == ":":
            references.append(line[2:])
        elif kind in (",", "!"):
            flags = flag_tokens(line[2:])
        else:
            translator.append(line[2:] if kind == " " else line[1:])
    return tuple(translator), tuple(extracted), reference_items(references), tuple(flags)


@dataclass
class Draft:
    """One entry while its lines are read; ``message()`` turns it into a record."""

    comments: list[str] = field(default_factory=list)
    """The comment lines other than ``#|`` ones, read when the entry is finished."""
    keywords: list[tuple[str, int]] = field(default_factory=list)
    """Keywords read so far (``msgstr[1]`` with its index) and their lines."""
    values: dict[str, list[str]] = field(default_factory=dict)
    previous: dict[str, list[str]] = field(default_factory=dict)
    """``#|`` keywords and their strings, in order."""
    obsolete: bool | None = None
    previous_obsolete: bool | None = None

    @property
    def complete(self) -> bool:
        """Whether the entry has its msgstr (so a new keyword or comment starts the next one)."""
        return bool(self.keywords) and self.keywords[-1][0].startswith("msgstr")

    def keyword(
        self, keyword: str, index: str | None, line: int, obsolete: bool, previous: bool
    ) -> str | None:
        """Start a keyword's value; returns what is wrong with it there, if anything."""
        if previous:
            return self._previous_keyword(keyword, index, obsolete)
        last = self.keywords[-1][0] if self.keywords else None
        if self.obsolete is not None and obsolete != self.obsolete:
            return "inconsistent use of #~ within an entry"
        if self.previous_obsolete is not None and obsolete != self.previous_obsolete:
            return "inconsistent use of #~ between the #| lines and the entry"
        problem = _order_problem(keyword, index, last, self.keywords)
        if problem:
            return problem
        name = keyword if index is None else f"msgstr[{index}]"
        self.keywords.append((name, line))
        self.values[name] = []
        self.obsolete = obsolete
        return None

    def _previous_keyword(self, keyword: str, index: str | None, obsolete: bool) -> str | None:
        last = next(reversed(self.previous), None)
        if keyword not in _PREVIOUS_FOLLOWS or index is not None:
            return f"#| lines hold msgctxt, msgid and msgid_plural, not {keyword}"
        if last not in _PREVIOUS_FOLLOWS[keyword]:
            return f"#| {keyword} cannot follow #| {last or 'nothing'}"
        if self.previous_obsolete is not None and obsolete != self.previous_obsolete:
            return "inconsistent use of #~ within the #| lines"
        self.previous[keyword] = []
        self.previous_obsolete = obsolete
        return None

    def extend(self, value: str, obsolete: bool, previous: bool) -> str | None:
        """Append a string to the keyword read last; returns a problem if there is none."""
        if previous:
            if not self.previous:
                return "a #| string without a #| keyword before it"
            if obsolete != self.previous_obsolete:
                return "inconsistent use of #~ within the #| lines"
            self.previous[next(reversed(self.previous))].append(value)
            return None
        if not self.keywords:
            return "a string without a keyword before it"
        if obsolete != self.obsolete:
            return "inconsistent use of #~ within an entry"
        self.values[self.keywords[-1][0]].append(value)
        return None

    def message(self) -> Message:
        """The finished entry (the caller has checked that it is complete)."""
        values = {name: "".join(parts) for name, parts in self.values.items()}
        previous = {name: "".join(parts) for name, parts in self.previous.items()}
        plural = values.get("msgid_plural")
        forms = tuple(v for k, v in values.items() if k.startswith("msgstr["))
        translator, extracted, references, flags = read_comments(self.comments)
        return Message(
            msgid=values["msgid"],
            msgstr=values.get("msgstr", ""),
            msgctxt=values.get("msgctxt"),
            msgid_plural=plural,
            msgstr_plural=forms,
            flags=flags,
            translator_comments=translator,
            extracted_comments=extracted,
            references=references,
            previous_msgctxt=previous.get("msgctxt"),
            previous_msgid=previous.get("msgid"),
            previous_msgid_plural=previous.get("msgid_plural"),
            obsolete=bool(self.obsolete),
            line=next(line for name, line in self.keywords if name == "msgid"),
        )


def _order_problem(
    keyword: str, index: str | None, last: str | None, keywords: list[tuple[str, int]]
) -> str | None:
    """gettext's grammar: [msgctxt] msgid (msgstr | msgid_plural msgstr[0] msgstr[1] ...)."""
    if index is not None:
        if keyword != "msgstr":
            return f"{keyword} takes no [index]"
        expected = 0 if last == "msgid_plural" else None
        if last is not None and last.startswith("msgstr["):
            expected = number(last[7:-1]) + 1
        if expected is None:
            return f"msgstr[{index}] outside a plural entry (msgid_plural is missing)"
        if number(index) != expected:
            return f"msgstr[{index}] where msgstr[{expected}] was expected"
        return None
    if last in _FOLLOWS[keyword]:
        return None
    if keyword == "msgstr" and last == "msgid_plural":
        return "a plural entry needs msgstr[0], msgstr[1], ... instead of msgstr"
    if last is None:
        return f"{keyword} before any msgid"
    where = next(line for name, line in reversed(keywords) if name == last)
    return f"{keyword} out of order: it cannot follow the {last} at line {where}"
