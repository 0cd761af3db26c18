"""Update a catalog from its template without losing a translator's work."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from explainer_i18n import cldr
from explainer_i18n.extract import get_field, header_fields, header_text, set_field
from explainer_i18n.fuzzy import FuzzyIndex
from explainer_i18n.model import Catalog, Message

Notes = Callable[[str], list[str]]
"""Extra extracted comments for a msgid (the glossary's terms for the catalog's language)."""

_OWN_NOTE = "glossary: "
"""Extracted comments starting with this are ours to rewrite on every update."""


@dataclass(frozen=True)
class MergeStats:
    """What an update did to one catalog."""

    kept: int = 0
    fuzzy: int = 0
    new: int = 0
    obsolete: int = 0
    pruned: int = 0


def merge_catalog(
    template: Catalog,
    old: Catalog | None,
    lang: str,
    created: str,
    *,
    prune_obsolete: bool = False,
    notes: Notes | None = None,
    reuse_notes: bool = False,
) -> tuple[Catalog, MergeStats]:
    """The catalog for ``lang`` updated to ``template``, carrying every translation over.

    Unchanged entries keep their translation; an edited entry gets the closest old translation,
    marked fuzzy with the old German as ``#| msgid``; old entries nobody took become obsolete.
    With ``reuse_notes`` (the glossary is the one the old catalog was written with), unchanged
    entries keep their glossary notes instead of having them looked up again."""
    previous = old.messages if old else ()
    active = {m.key: m for m in previous if not m.obsolete}
    retired = {m.key: m for m in previous if m.obsolete}
    used: set[tuple[str | None, str]] = set()
    exact = [active.get(t.key) or retired.get(t.key) for t in template.messages]
    used.update(m.key for m in exact if m is not None)
    candidates = [m for m in previous if m.key not in used and m.has_translation]
    index = FuzzyIndex([m.msgid for m in candidates])
    messages: list[Message] = []
    kept = carried = 0
    for entry, match in zip(template.messages, exact, strict=True):
        known = _notes_of(match) if reuse_notes and match and not match.obsolete else None
        comments = _comments(entry, notes, known)
        if match is not None:
            messages.append(_keep(entry, match, lang, comments))
            kept += 1
            continue
        found = index.best(entry.msgid)
        if found is None:
            messages.append(_fresh(entry, lang, comments))
            continue
        source = candidates[found]
        used.add(source.key)
        messages.append(_carry(entry, source, lang, comments))
        carried += 1
    leftovers = [_retire(m) for m in previous if m.key not in used and _worth_keeping(m)]
    kept_obsolete = [] if prune_obsolete else leftovers
    messages.extend(kept_obsolete)
    header = _header(template, old, lang, created)
    stats = MergeStats(
        kept=kept,
        fuzzy=carried,
        new=len(template.messages) - kept - carried,
        obsolete=len(kept_obsolete),
        pruned=len(leftovers) - len(kept_obsolete),
    )
    return Catalog(header, tuple(messages)), stats


def _keep(entry: Message, old: Message, lang: str, comments: tuple[str, ...]) -> Message:
    """The template entry with the old translation, flags and translator comments; the old
    entry itself when that is what it already was, so its written text can be used again."""
    was = (old.previous_msgctxt, old.previous_msgid, old.previous_msgid_plural)
    previous = was if old.fuzzy else (None, None, None)
    plural = _plural_strings(entry, old.msgstr_plural, lang)
    flags = _flags(entry.flags, old.flags, fuzzy=old.fuzzy)
    if (
        not old.obsolete
        and comments == old.extracted_comments
        and entry.references == old.references
        and flags == old.flags
        and plural == old.msgstr_plural
        and previous == was
        and entry.msgid_plural == old.msgid_plural
    ):
        return old
    return dataclasses.replace(
        entry,
        msgstr=old.msgstr,
        msgstr_plural=plural,
        flags=flags,
        translator_comments=old.translator_comments,
        extracted_comments=comments,
        previous_msgctxt=previous[0],
        previous_msgid=previous[1],
        previous_msgid_plural=previous[2],
        line=0,
    )


def _carry(entry: Message, old: Message, lang: str, comments: tuple[str, ...]) -> Message:
    """The template entry with a similar old entry's translation, marked fuzzy."""
    # The translation was made for the oldest German the translator saw, so an entry that was
    # already fuzzy keeps pointing at that.
    was = old if not (old.fuzzy and old.previous_msgid is not None) else None
    return dataclasses.replace(
        entry,
        msgstr=old.msgstr,
        msgstr_plural=_plural_strings(entry, old.msgstr_plural, lang),
        flags=_flags(entry.flags, old.flags, fuzzy=True),
        translator_comments=old.translator_comments,
        extracted_comments=comments,
        previous_msgctxt=was.msgctxt if was else old.previous_msgctxt,
        previous_msgid=was.msgid if was else old.previous_msgid,
        previous_msgid_plural=was.msgid_plural if was else old.previous_msgid_plural,
        line=0,
    )


def _fresh(entry: Message, lang: str, comments: tuple[str, ...]) -> Message:
    """A new, untranslated entry."""
    plural = ("",) * cldr.nplurals(lang) if entry.msgid_plural is not None else ()
    return dataclasses.replace(
        entry, msgstr="", msgstr_plural=plural, extracted_comments=comments, line=0
    )


def _retire(old: Message) -> Message:
    """An entry no longer in the template, kept obsolete for its translation."""
    return dataclasses.replace(old, obsolete=True, references=(), extracted_comments=(), line=0)


def _worth_keeping(message: Message) -> bool:
    """Whether an unused old entry holds translator work (a translation or a comment)."""
    return message.has_translation or bool(message.translator_comments)


def _flags(template: Iterable[str], old: Iterable[str], *, fuzzy: bool) -> tuple[str, ...]:
    """Fuzzy first when set, then the template's flags, then the translator's own."""
    flags = ["fuzzy"] if fuzzy else []
    for flag in [*template, *old]:
        if flag != "fuzzy" and flag not in flags:
            flags.append(flag)
    return tuple(flags)


def _plural_strings(entry: Message, old: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The old plural translations, padded to the language's number of forms."""
    if entry.msgid_plural is None:
        return ()
    count = cldr.nplurals(lang)
    return tuple(old[:count]) + ("",) * max(0, count - len(old))


def _notes_of(message: Message) -> tuple[str, ...]:
    """The glossary notes an entry carries."""
    return tuple(c for c in message.extracted_comments if c.startswith(_OWN_NOTE))


def _comments(
    entry: Message, notes: Notes | None, known: tuple[str, ...] | None
) -> tuple[str, ...]:
    """The template's extracted comments with our glossary notes: the known ones, else the
    current ones for its msgid."""
    if notes is None:
        return entry.extracted_comments
    own = [c for c in entry.extracted_comments if not c.startswith(_OWN_NOTE)]
    current = known if known is not None else tuple(notes(entry.msgid))
    return (*own, *current)


def _header(template: Catalog, old: Catalog | None, lang: str, created: str) -> Message:
    """The catalog header: the translator's fields kept, ours set from the template and CLDR."""
    fields = header_fields(old.header if old else None) or header_fields(template.header)
    if old is None or old.header is None:
        fields = set_field(fields, "PO-Revision-Date", created)
        fields = set_field(fields, "Language-Team", cldr.language_name(lang, "en"))
        fields = set_field(fields, "Last-Translator", "")
    pot_date = get_field(header_fields(template.header), "POT-Creation-Date") or created
    fields = set_field(
        fields,
        "Project-Id-Version",
        get_field(header_fields(template.header), "Project-Id-Version") or "",
    )
    fields = set_field(fields, "POT-Creation-Date", pot_date)
    fields = set_field(fields, "Language", lang)
    fields = set_field(fields, "MIME-Version", "1.0")
    fields = set_field(fields, "Content-Type", "text/plain; charset=UTF-8")
    fields = set_field(fields, "Content-Transfer-Encoding", "8bit")
    fields = set_field(fields, "Plural-Forms", cldr.plural_forms(lang))
    if old is not None and old.header is not None:
        comments, flags = (
            old.header.translator_comments,
            tuple(f for f in old.header.flags if f != "fuzzy"),
        )
    else:
        slug = get_field(fields, "Project-Id-Version") or ""
        comments = (f"{cldr.language_name(lang, 'en')} translation of the explainer {slug}.",)
        flags = ()
    return Message(msgid="", msgstr=header_text(fields), flags=flags, translator_comments=comments)
