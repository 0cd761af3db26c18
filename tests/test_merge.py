"""Tests of update's merge: translations kept, carried as fuzzy, or made obsolete, never dropped."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n.extract import get_field, header_fields
from explainer_i18n.fuzzy import FuzzyIndex, score
from explainer_i18n.merge import merge_catalog
from explainer_i18n.model import Catalog, Message
from explainer_i18n.po_parse import parse_po_texts
from explainer_i18n.po_serialize import serialize_po

A = "Selenskyj sagte zwar vor dem Jahreswechsel, die einzelnen Elemente einer Lösung seien zu 90 Prozent vereinbart."
B = "Doch die schwierigen Gebietsfragen sind nicht gelöst."
C = "Moskau verlangt einen Rückzug ukrainischer Truppen aus dem Teil der Gebiete Donezk und Luhansk."
D = "Russland lehnt eine mögliche Präsenz ausländischer Truppen in der Ukraine strikt ab."


def template(*texts: str) -> Catalog:
    """A template with one entry per text."""
    header = Message("", "Project-Id-Version: x\nPOT-Creation-Date: 2026-01-06 10:00+0000\n")
    return Catalog(
        header,
        tuple(Message(t, references=(f"source/x.txt:{i}",)) for i, t in enumerate(texts, 1)),
    )


def catalog(*pairs: tuple[str, str], obsolete: tuple[tuple[str, str], ...] = ()) -> Catalog:
    """A catalog with the given (msgid, msgstr) entries."""
    messages = [Message(i, s) for i, s in pairs] + [
        Message(i, s, obsolete=True) for i, s in obsolete
    ]
    return Catalog(
        Message("", "Language: en\nLast-Translator: Ann <ann@example.org>\n"), tuple(messages)
    )


def merge(tmpl: Catalog, old: Catalog | None, **kwargs: bool) -> Catalog:
    """Merge for English at a fixed time."""
    return merge_catalog(tmpl, old, "en", "2026-01-07 09:00+0000", **kwargs)[0]


def by_id(cat: Catalog) -> dict[str, Message]:
    """Active messages by msgid."""
    return {m.msgid: m for m in cat.messages if not m.obsolete}


def test_unchanged_entries_keep_translation_and_comments() -> None:
    """An unchanged segment keeps its translation, translator comments and flags."""
    old = Catalog(None, (Message(A, "a", translator_comments=("checked",), flags=("no-wrap",)),))
    new = by_id(merge(template(A), old))[A]
    assert (new.msgstr, new.translator_comments, new.flags, new.fuzzy) == (
        "a",
        ("checked",),
        ("no-wrap",),
        False,
    )
    assert new.references == ("source/x.txt:1",)


def test_edited_entry_is_carried_fuzzy_with_previous_msgid() -> None:
    """An edited segment gets the old translation, fuzzy, with the old German as #| msgid."""
    edited = A.replace("90", "95")
    new = by_id(merge(template(edited), catalog((A, "en-A"))))[edited]
    assert new.msgstr == "en-A" and new.fuzzy and new.previous_msgid == A


def test_sentence_added_at_start_or_end_is_carried() -> None:
    """Adding a sentence before or after a paragraph's text still carries its translation."""
    for edited in (f"{A} {B}", f"{B} {A}"):
        new = by_id(merge(template(edited), catalog((A, "en-A"))))[edited]
        assert new.msgstr == "en-A" and new.previous_msgid == A


def test_sentence_removed_and_paragraph_split_are_carried() -> None:
    """A paragraph cut in half gives both halves the old translation as fuzzy."""
    new = by_id(merge(template(A, f"{B} {C}"), catalog((f"{A} {B} {C}", "whole"))))
    assert new[A].msgstr == "whole" and new[f"{B} {C}"].msgstr == "whole"


def test_merged_paragraphs_take_the_longer_and_keep_the_other_obsolete() -> None:
    """Two paragraphs merged: one carries over, the other's translation stays as obsolete."""
    out = merge(template(f"{A} {D}"), catalog((A, "en-A"), (D, "en-D")))
    assert by_id(out)[f"{A} {D}"].msgstr == "en-A"
    assert [(m.msgid, m.msgstr) for m in out.messages if m.obsolete] == [(D, "en-D")]


def test_removed_entries_become_obsolete_and_prune_drops_them() -> None:
    """A removed segment is kept as #~ obsolete; --prune-obsolete removes it."""
    out = merge(template(A), catalog((A, "a"), (C, "c")))
    assert [m.msgid for m in out.messages if m.obsolete] == [C]
    assert not [
        m
        for m in merge(template(A), catalog((A, "a"), (C, "c")), prune_obsolete=True).messages
        if m.obsolete
    ]


def test_obsolete_entry_is_revived_when_its_text_returns() -> None:
    """A segment that comes back takes its translation from the obsolete entry."""
    out = merge(template(A, C), catalog((A, "a"), obsolete=((C, "c"),)))
    assert by_id(out)[C].msgstr == "c" and not [m for m in out.messages if m.obsolete]


def test_already_fuzzy_entry_keeps_the_oldest_previous_msgid() -> None:
    """Re-carrying a fuzzy entry keeps #| msgid pointing at the German the translation was made for."""
    old = Catalog(None, (Message(A + " x", "a", flags=("fuzzy",), previous_msgid=A),))
    new = by_id(merge(template(A + " xy"), old))[A + " xy"]
    assert new.previous_msgid == A and new.fuzzy


def test_header_gets_language_plural_forms_and_keeps_translator_fields() -> None:
    """Language and Plural-Forms come from CLDR; the translator's own fields stay."""
    out, _ = merge_catalog(template(A), catalog((A, "a")), "uk", "2026-01-07 09:00+0000")
    fields = header_fields(out.header)
    assert get_field(fields, "Language") == "uk"
    assert get_field(
        fields,
        "Plural-Forms",
    ).startswith("nplurals=3;")  # type: ignore[union-attr]
    assert get_field(fields, "Last-Translator") == "Ann <ann@example.org>"
    assert get_field(fields, "POT-Creation-Date") == "2026-01-06 10:00+0000"


def test_glossary_notes_are_replaced_not_accumulated() -> None:
    """Our own glossary comments are rewritten each run; other extracted comments stay."""
    tmpl = Catalog(None, (Message(A, extracted_comments=("paragraph 1",)),))
    once = merge_catalog(tmpl, None, "en", "t", notes=lambda m: ["glossary: Kiew → Kyiv"])[0]
    twice = merge_catalog(tmpl, once, "en", "t", notes=lambda m: ["glossary: Kiew → Kyiv"])[0]
    assert twice.messages[0].extracted_comments == ("paragraph 1", "glossary: Kiew → Kyiv")


def test_fuzzy_index_shortlists_in_large_sets() -> None:
    """With thousands of candidates the index still finds the right old text."""
    texts = [f"Satz Nummer {i} über Thema {i * 7 % 1000} und Ort {i % 97}." for i in range(5000)]
    texts.append(A)
    index = FuzzyIndex(texts)
    assert index.best(A.replace("90", "80")) == 5000
    assert index.best("Völlig anderer Inhalt ohne gemeinsame Wörter hier.") is None


def test_score_prefers_close_supersets() -> None:
    """An old text one sentence longer scores higher than one holding only a third of the new."""
    assert score(f"{A} {B}", f"{A} {B} {C}") > score(f"{A} {B}", B)
    assert score(A, D) < 60


# --- properties ------------------------------------------------------------------------------

_TEXTS = st.sampled_from(
    [A, B, C, D, f"{A} {B}", f"{B} {C}", A.replace("90", "80"), "Kurz.", "Kurz!"]
)


@settings(max_examples=200)
@given(
    st.lists(_TEXTS, unique=True, max_size=6),
    st.lists(_TEXTS, unique=True, max_size=6),
    st.booleans(),
)
def test_no_translation_is_ever_dropped(
    old_ids: list[str], new_ids: list[str], fuzzy: bool
) -> None:
    """Every old translation is kept, carried as fuzzy, or obsolete; a second merge changes nothing."""
    old = Catalog(
        None, tuple(Message(t, f"T:{t}", flags=("fuzzy",) if fuzzy else ()) for t in old_ids)
    )
    once = merge(template(*new_ids), old)
    kept = {m.msgstr for m in once.messages if m.msgstr}
    assert {f"T:{t}" for t in old_ids} <= kept
    for message in once.messages:
        if message.msgstr and not message.obsolete and message.msgstr != f"T:{message.msgid}":
            assert message.fuzzy and message.previous_msgid is not None
    twice = merge(template(*new_ids), once)
    assert [dataclasses.replace(m, line=0) for m in twice.messages] == list(once.messages)
    assert twice.header == once.header


def _notes(msgid: str) -> list[str]:
    """Glossary notes that depend on the text, as the real ones do."""
    return [f"glossary: {msgid.split()[0]}"] if "Truppen" in msgid else []


def _new_notes(msgid: str) -> list[str]:
    """The notes of a glossary that has changed since: other words, other entries."""
    return [f"glossary: {msgid.split()[-1]}"] if "die" in msgid else []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_TEXTS, unique=True, max_size=6),
    st.lists(_TEXTS, unique=True, max_size=6),
    st.lists(st.sampled_from(["fuzzy", "no-wrap", "python-format"]), unique=True, max_size=2),
    st.sampled_from(["same glossary", "reuse notes", "new glossary"]),
)
def test_reused_entry_texts_give_the_bytes_of_a_full_write(
    first_ids: list[str], second_ids: list[str], flags: list[str], glossary: str
) -> None:
    """Updating a catalog this tool wrote, with its entries' texts used again where the merge
    left an entry as it was, writes the same bytes as working every entry out afresh (with the
    same glossary, with its notes reused, or with a glossary that changed since)."""
    notes = _new_notes if glossary == "new glossary" else _notes
    reuse_notes = glossary == "reuse notes"
    translated = Catalog(None, tuple(Message(t, f"T:{t}", flags=tuple(flags)) for t in first_ids))
    written = serialize_po(
        merge_catalog(template(*first_ids), translated, "uk", "x", notes=_notes)[0]
    )
    old, texts = parse_po_texts(written.encode("utf-8"), "uk.po")
    new = merge_catalog(
        template(*second_ids), old, "uk", "y", notes=notes, reuse_notes=reuse_notes
    )[0]
    assert serialize_po(new, written=texts) == serialize_po(new)
    expected = {m.msgid: m.references for m in template(*second_ids).messages}
    for message in (m for m in new.messages if not m.obsolete):
        assert message.references == expected[message.msgid]
        if not reuse_notes:
            assert message.extracted_comments == tuple(notes(message.msgid))
    unchanged = [m for m in new.messages if m in texts]
    if first_ids == second_ids and first_ids and notes is _notes:
        assert unchanged  # the same template: the entries are the old ones, texts and all


def test_an_entry_whose_references_moved_is_not_the_old_one() -> None:
    """A kept entry whose template references changed is a new entry with the new ones."""
    old = merge(template(A, B), None)
    moved = merge(template(B, A), old)
    assert by_id(moved)[A].references == ("source/x.txt:2",)
    assert by_id(moved)[A] is not by_id(old)[A]
    assert by_id(merge(template(A, B), old))[A] is by_id(old)[A]
