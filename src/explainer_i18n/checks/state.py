"""Translation state: untranslated and fuzzy entries, and translations that copy the source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from explainer_i18n.checks.conventions import base_lang
from explainer_i18n.checks.links import mask_links
from explainer_i18n.model import Rule, Severity

UNTRANSLATED = Rule(
    "untranslated",
    Severity.WARNING,
    "the entry has no translation yet, so editions fall back to the German",
)
FUZZY = Rule(
    "fuzzy",
    Severity.WARNING,
    "the translation was made for an older source text and needs review",
)
IDENTICAL = Rule(
    "identical",
    Severity.WARNING,
    "the translation is the source text unchanged",
)

_WORD = re.compile(r"[^\W\d_]{2,}")
# Lower-case words that belong to names ("Ursula von der Leyen") and stay as they are; shorter
# ones do not count as running words anyway.
_NAME_PARTICLES = frozenset({"von", "van", "der", "den", "dem", "zur", "des", "bin", "ibn", "ter"})


def _wants_translation(text: str) -> bool:
    """Whether the text has running words, not only names, numbers, links or one word."""
    words = _WORD.findall(mask_links(text))
    return len(words) >= 2 and any(
        w[0].islower() and len(w) >= 3 and w not in _NAME_PARTICLES for w in words
    )


def check_identical(
    msgid: str, msgstr: str, lang: str, source_lang: str
) -> Iterator[tuple[str, str]]:
    """Running text is translated, not copied (names and numbers may stay as they are)."""
    if base_lang(lang) == base_lang(source_lang) or msgstr.strip() != msgid.strip():
        return
    if _wants_translation(msgid):
        yield IDENTICAL.id, "the translation is identical to the source"
