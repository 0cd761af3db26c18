"""The glossary check of a catalog, and the glossary notes for translators."""

from __future__ import annotations

from explainer_i18n.model import Catalog, Finding, Glossary, Message, Rule, Severity, Term
from explainer_i18n.terms import (
    GlossaryIndex,
    Mention,
    Verdict,
    glossary_index,
    prepare,
)

MISSING = Rule(
    "glossary-missing-term",
    Severity.ERROR,
    "The German mentions a glossary concept and the translation uses none of its terms.",
)
FORBIDDEN = Rule(
    "glossary-forbidden-term",
    Severity.ERROR,
    "The translation uses a variant the glossary forbids for a concept the German mentions.",
)
GLOSSARY_RULES: tuple[Rule, ...] = (MISSING, FORBIDDEN)


def glossary_findings(
    catalog: Catalog, path: str, lang: str, glossary: Glossary, source_lang: str = "de"
) -> list[Finding]:
    """Missing and forbidden glossary terms in a catalog's translations, in file order.

    Untranslated entries, obsolete entries and the header are skipped; fuzzy entries are checked
    and marked; each entry gets at most one finding per concept."""
    index = glossary_index(glossary, source_lang)
    findings: list[Finding] = []
    for message in catalog.messages:
        if message.obsolete or not message.msgid or not message.has_translation:
            continue
        findings.extend(_entry_findings(message, path, lang, index))
    return findings


def _source_text(message: Message) -> str:
    # The bar is not a word character, so no term can span from msgid into msgid_plural.
    plural = message.msgid_plural
    return message.msgid if plural is None else f"{message.msgid} | {plural}"


def _entry_findings(message: Message, path: str, lang: str, index: GlossaryIndex) -> list[Finding]:
    mentions = index.mentions(_source_text(message))
    if not mentions:
        return []
    prepared = prepare(message.translations, lang)
    findings = []
    for mention in mentions:
        verdict = index.judge(mention, lang, prepared)
        if verdict.outcome == "ok":
            continue
        rule = FORBIDDEN if verdict.outcome == "forbidden" else MISSING
        text = _describe(mention, verdict) + (" (fuzzy)" if message.fuzzy else "")
        findings.append(
            Finding(
                rule=rule.id,
                severity=rule.severity,
                message=text,
                path=path,
                line=message.line,
                lang=lang,
                msgid=message.msgid,
                fuzzy=message.fuzzy,
                concept=mention.concept.id,
            )
        )
    return findings


def _quoted(terms: tuple[Term, ...]) -> str:
    return " or ".join(f'"{term.text}"' for term in terms)


def _describe(mention: Mention, verdict: Verdict) -> str:
    source = f'"{mention.source_term}"'
    use = f"; use {_quoted(verdict.expected)}" if verdict.expected else ""
    if verdict.forbidden is not None:
        variant = f'"{verdict.found}"'
        if verdict.found.casefold() != verdict.forbidden.text.casefold():
            variant += f' ("{verdict.forbidden.text}")'
        return f"forbidden variant {variant} for {source}{use}"
    return f"{source} is not translated as {_quoted(verdict.expected)}"


def glossary_notes(
    msgid: str, lang: str, glossary: Glossary, source_lang: str = "de"
) -> list[str]:
    """Notes for translators on the concepts a German text mentions, in order of occurrence.

    One line per concept, such as ``glossary: Kiew → Київ (not: Киев)``: preferred terms first,
    admitted ones after `` / ``, forbidden ones in parentheses."""
    index = glossary_index(glossary, source_lang)
    notes = []
    for mention in index.mentions(msgid):
        allowed, forbidden = index.note_terms(mention.number, lang)
        if not allowed and not forbidden:
            continue
        line = f"glossary: {mention.source_term}"
        line += f" → {allowed}" if allowed else ""
        line += f" (not: {forbidden})" if forbidden else ""
        notes.append(line)
    return notes
