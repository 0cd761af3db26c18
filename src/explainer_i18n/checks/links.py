"""URLs and e-mail addresses: found, kept unchanged in translations, masked for other checks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from explainer_i18n.model import Rule, Severity

URLS_KEPT = Rule(
    "urls-kept",
    Severity.ERROR,
    "a URL or e-mail address of the source is missing or altered in the translation",
)

_TLDS = "de|com|org|net|eu|fr|ua|uk|gov|int|info|io|ch|at"
_LINK = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"«»“”„]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    rf"|(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})(?:/[^\s<>\"«»“”„]*)?(?![\w])",
    re.IGNORECASE,
)
# Most text has no link; this cheap search spares it the full expression.
_HINT = re.compile(rf"://|www\.|@|\.(?:{_TLDS})(?!\w)", re.IGNORECASE)
# Cheaper still, and wider: every text _HINT finds holds an "@", a ":/", a "." after a "w" or a
# "." before a letter. Starting each branch with a plain character lets the engine skip ahead.
_ROUGH_HINT = re.compile(r"@|:/|\.(?:(?<=[wW]\.)|[^\W\d_])")
# Sentence punctuation right after a link belongs to the sentence, not to the link.
_TRAILING = ".,;:!?'’)]"


def find_links(text: str) -> list[tuple[int, int]]:
    """The spans of the URLs and e-mail addresses in the text, without trailing punctuation."""
    return list(_link_spans(text))


# The link rule reads each source text once per language, and the number rule reads it too.
@lru_cache(maxsize=1024)
def _link_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``find_links``, kept for the next check of the same text."""
    if not (_ROUGH_HINT.search(text) and _HINT.search(text)):
        return ()
    spans = []
    for match in _LINK.finditer(text):
        raw = match.group()
        link = raw.rstrip(_TRAILING)
        # A closing bracket belongs to the link when the link opened it (Wikipedia titles).
        while link.count("(") > link.count(")") and raw.startswith(link + ")"):
            link += ")"
        spans.append((match.start(), match.start() + len(link)))
    return tuple(spans)


def mask_links(text: str, fill: str = " ") -> str:
    """The text with every link replaced by as many fill characters, so positions stay put."""
    for start, end in find_links(text):
        text = text[:start] + fill * (end - start) + text[end:]
    return text


def check_links(msgid: str, msgstr: str, lang: str, source_lang: str) -> Iterator[tuple[str, str]]:
    """Each link of the source appears unchanged in the translation."""
    missing = [msgid[a:b] for a, b in find_links(msgid) if msgid[a:b] not in msgstr]
    if missing:
        yield URLS_KEPT.id, f"not kept in the translation: {', '.join(missing)}"
