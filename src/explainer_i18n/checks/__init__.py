"""Translation quality checks: the rule registry and the run over a catalog's entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from explainer_i18n.checks.dates import DATE_MISMATCH, check_dates
from explainer_i18n.checks.links import URLS_KEPT, check_links
from explainer_i18n.checks.numbers import NUMBERS_MISMATCH, check_numbers
from explainer_i18n.checks.punctuation import (
    BRACKETS_BALANCE,
    END_PUNCTUATION,
    QUESTION_MARK,
    check_brackets,
    check_end,
    check_question,
)
from explainer_i18n.checks.quotes import (
    QUOTES_BALANCE,
    QUOTES_STYLE,
    check_quote_balance,
    check_quote_style,
)
from explainer_i18n.checks.scripts import (
    MIXED_SCRIPT,
    UK_RUSSIAN_LETTERS,
    check_mixed_script,
    check_russian_letters,
)
from explainer_i18n.checks.spacing import (
    FR_NBSP,
    WHITESPACE,
    check_french_spacing,
    check_whitespace,
)
from explainer_i18n.checks.state import FUZZY, IDENTICAL, UNTRANSLATED, check_identical
from explainer_i18n.checks.suppress import skipped_rules
from explainer_i18n.model import Catalog, Finding, Message, Rule

Hit = tuple[str, str]
"""What a check yields: the rule id and a one-line message."""

TextCheck = Callable[[str, str, str, str], Iterator[Hit]]
"""A check of one source text and its translation: (msgid, msgstr, lang, source_lang)."""

RULES: tuple[Rule, ...] = (
    UNTRANSLATED,
    FUZZY,
    NUMBERS_MISMATCH,
    DATE_MISMATCH,
    URLS_KEPT,
    UK_RUSSIAN_LETTERS,
    MIXED_SCRIPT,
    QUESTION_MARK,
    QUOTES_STYLE,
    QUOTES_BALANCE,
    BRACKETS_BALANCE,
    FR_NBSP,
    WHITESPACE,
    IDENTICAL,
    END_PUNCTUATION,
)
"""Every rule of the quality checks, for ``check --list``, in reporting order."""

CHECKS: tuple[TextCheck, ...] = (
    check_numbers,
    check_dates,
    check_links,
    check_russian_letters,
    check_mixed_script,
    check_question,
    check_quote_style,
    check_quote_balance,
    check_brackets,
    check_french_spacing,
    check_whitespace,
    check_identical,
    check_end,
)
"""The text checks run on each translation, in reporting order."""

_SEVERITY = {rule.id: rule.severity for rule in RULES}
_ORDER = {rule.id: index for index, rule in enumerate(RULES)}


def _pairs(message: Message) -> Iterator[tuple[str, str, str]]:
    """Each non-empty translation with its source text and a label for plural forms."""
    if message.msgid_plural is None:
        yield message.msgid, message.msgstr, ""
        return
    for index, text in enumerate(message.msgstr_plural):
        source = message.msgid if index == 0 else message.msgid_plural
        if text:
            yield source, text, f"msgstr[{index}]: "


def check_message(message: Message, lang: str, source_lang: str = "de") -> list[Hit]:
    """The findings of one entry as (rule id, message), each rule at most once."""
    if not message.has_translation:
        return [(UNTRANSLATED.id, "no translation")]
    hits: dict[str, str] = {}
    if message.fuzzy:
        hits[FUZZY.id] = "marked fuzzy: the translation needs review"
    # A singular entry with a translation has no empty msgstr: only plural forms may lack one.
    singular = message.msgid_plural is None
    empty = [] if singular else _empty_forms(message)
    if empty:
        hits[UNTRANSLATED.id] = f"{', '.join(empty)} not translated"
    pairs = ((message.msgid, message.msgstr, ""),) if singular else _pairs(message)
    for source, target, label in pairs:
        for check in CHECKS:
            for rule, text in check(source, target, lang, source_lang):
                hits.setdefault(rule, label + text)
    if not hits:
        return []
    return sorted(hits.items(), key=lambda hit: _ORDER.get(hit[0], len(_ORDER)))


def _empty_forms(message: Message) -> list[str]:
    """The msgstr forms of an entry that hold no text, as the PO file names them."""
    return [f"msgstr[{i}]" for i, text in enumerate(message.translations) if not text]


def run_checks(
    catalog: Catalog,
    path: str,
    lang: str,
    ignore: frozenset[str] = frozenset(),
    source_lang: str = "de",
) -> list[Finding]:
    """The findings of every current entry of a catalog, in file order.

    The header and obsolete entries are skipped; rules in ``ignore`` and those an entry's
    ``check-ignore:`` comment names are not reported."""
    findings = []
    for message in catalog.messages:
        if message.obsolete or not message.msgid:
            continue
        hits = check_message(message, lang, source_lang)
        # Most entries have no findings: only those need their comments read.
        skipped = skipped_rules(message, ignore) if hits else ignore
        for rule, text in hits:
            if rule not in skipped:
                findings.append(_finding(rule, text, message, path, lang))
    return findings


def _finding(rule: str, text: str, message: Message, path: str, lang: str) -> Finding:
    """A hit as a finding at the entry's place."""
    return Finding(
        rule=rule,
        severity=_SEVERITY[rule],
        message=text,
        path=path,
        line=message.line,
        lang=lang,
        msgid=message.msgid,
        fuzzy=message.fuzzy,
    )
