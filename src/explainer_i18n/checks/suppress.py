"""Which rules to skip: per entry from a translator comment, everywhere from the configuration.

A translator comment (``# `` in the PO file; Poedit shows and edits it, ``update`` keeps it)
names the rules to skip for its entry, separated by commas or spaces::

    # check-ignore: numbers-mismatch, quotes-style
    msgid "..."

Rule ids in the configuration's ``ignore`` list are skipped for every entry.
"""

from __future__ import annotations

import re

from explainer_i18n.model import Message

PREFIX = "check-ignore:"
"""What a translator comment starts with to skip rules for its entry."""
_COMMENT = re.compile(rf"^\s*{re.escape(PREFIX)}(.*)$")
_SEPARATOR = re.compile(r"[,\s]+")


def suppressed_rules(message: Message) -> frozenset[str]:
    """The rule ids the entry's ``check-ignore:`` translator comments name."""
    names: set[str] = set()
    for comment in message.translator_comments:
        match = _COMMENT.match(comment)
        if match:
            names.update(n for n in _SEPARATOR.split(match.group(1)) if n)
    return frozenset(names)


def skipped_rules(message: Message, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The rules not to report for the entry: its own comment's plus the project's ``ignore``."""
    return ignore | suppressed_rules(message)
