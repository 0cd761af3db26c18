"""Tests of the glossary CSV reader and writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer_i18n.errors import InputError
from explainer_i18n.glossary_csv import parse_glossary_csv, serialize_glossary_csv
from explainer_i18n.model import Concept, Glossary, Term

REPO = Path(__file__).resolve().parents[1]
HEADER = "concept_id,lang,term,status\n"


def test_minimal_columns_give_concepts_in_first_row_order() -> None:
    """Rows become terms of concepts; concepts keep the order of their first row."""
    text = HEADER + "kiew,de,Kiew,preferred\nnato,de,Nato,preferred\nkiew,en,Kiev,forbidden\n"
    glossary = parse_glossary_csv(text, "g.csv")
    assert [c.id for c in glossary.concepts] == ["kiew", "nato"]
    assert glossary.concepts[0].terms == (
        Term("Kiew", "de", "preferred"),
        Term("Kiev", "en", "forbidden"),
    )
    assert glossary.path == "g.csv"


def test_concept_source_names_the_line_of_its_first_row() -> None:
    """Concept.source is path:line of the concept's first row, blank lines counted."""
    text = HEADER + "\nkiew,de,Kiew,preferred\n\nnato,de,Nato,preferred\n"
    glossary = parse_glossary_csv(text, "g.csv")
    assert [c.source for c in glossary.concepts] == ["g.csv:3", "g.csv:5"]


def test_optional_columns_in_any_order() -> None:
    """note, case_sensitive, forms (split on |) and pattern are read, in any column order."""
    text = (
        "pattern,forms,term,status,lang,concept_id,case_sensitive,note\n"
        "Донецьк\\w*,Донецький| Донеччина ,Донецьк,preferred,uk,donezk,true,adjective too\n"
    )
    term = parse_glossary_csv(text, "g.csv").concepts[0].terms[0]
    assert term == Term(
        "Донецьк",
        "uk",
        "preferred",
        case_sensitive=True,
        forms=("Донецький", "Донеччина"),
        pattern="Донецьк\\w*",
        note="adjective too",
    )


def test_byte_order_mark_and_crlf_are_accepted() -> None:
    """A BOM before the header and CRLF line ends (spreadsheet exports) are fine."""
    text = "\ufeff" + HEADER.replace("\n", "\r\n") + "kiew,de,Kiew,preferred\r\n"
    assert parse_glossary_csv(text, "g.csv").concepts[0].id == "kiew"


@pytest.mark.parametrize(
    ("row", "line", "words"),
    [
        ("kiew,de,Kiew,best", 3, "bad status"),
        ("kiew,de,,preferred", 3, "empty term"),
        ("kiew,,Kiew,preferred", 3, "bad lang"),
        ("kiew,Deutsch,Kiew,preferred", 3, "bad lang"),
        ("1kiew,de,Kiew,preferred", 3, "bad concept_id"),
        (",de,Kiew,preferred", 3, "bad concept_id"),
        ("kiew,de,Kiew", 3, "expected 4 cells"),
        ("kiew,de,Kiew,preferred,extra", 3, "expected 4 cells"),
    ],
)
def test_bad_rows_name_their_line(row: str, line: int, words: str) -> None:
    """Each kind of bad row is an InputError with the file and the row's line."""
    text = HEADER + "nato,de,Nato,preferred\n" + row + "\n"
    with pytest.raises(InputError) as caught:
        parse_glossary_csv(text, "g.csv")
    assert (caught.value.path, caught.value.line) == ("g.csv", line)
    assert words in caught.value.message


def test_bad_optional_cells_name_their_line() -> None:
    """A case_sensitive that is not true/false and an invalid pattern are errors at their line."""
    header = "concept_id,lang,term,status,case_sensitive,pattern\n"
    with pytest.raises(InputError, match="bad case_sensitive") as caught:
        parse_glossary_csv(header + "kiew,de,Kiew,preferred,ja,\n", "g.csv")
    assert caught.value.line == 2
    with pytest.raises(InputError, match="bad pattern") as caught:
        parse_glossary_csv(header + "kiew,de,Kiew,preferred,,Ki(ew\n", "g.csv")
    assert caught.value.line == 2


def test_line_numbers_count_lines_inside_quoted_cells() -> None:
    """A note spanning two lines shifts the line reported for later rows."""
    text = HEADER.replace("status", "status,note") + (
        'kiew,de,Kiew,preferred,"two\nlines"\nkiew,en,Kyiv,sometimes,\n'
    )
    with pytest.raises(InputError) as caught:
        parse_glossary_csv(text, "g.csv")
    assert caught.value.line == 4


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        ("concept_id,lang,term\n", "lacks column(s): status"),
        ("concept_id,lang,term,status,colour\n", "unknown glossary column(s): colour"),
        ("concept_id,lang,term,status,lang\n", "repeats a column"),
    ],
)
def test_bad_headers_are_errors(text: str, words: str) -> None:
    """A missing, incomplete, unknown or repeated header column is an InputError."""
    with pytest.raises(InputError, match=words.replace("(", r"\(").replace(")", r"\)")):
        parse_glossary_csv(text, "g.csv")


def test_malformed_quoting_is_an_error_with_a_line() -> None:
    """Text after a closing quote is reported as malformed CSV at its row."""
    text = HEADER + 'kiew,de,"Kiew"x,preferred\n'
    with pytest.raises(InputError, match="malformed CSV") as caught:
        parse_glossary_csv(text, "g.csv")
    assert caught.value.line == 2


def test_serialize_round_trips_every_field() -> None:
    """Writing then reading gives back the same concepts and terms."""
    glossary = Glossary(
        (
            Concept(
                "donezk",
                (
                    Term("Donezk", "de", "preferred"),
                    Term(
                        "Донецьк",
                        "uk",
                        "preferred",
                        case_sensitive=True,
                        forms=("Донецький", "Донеччина"),
                        pattern=r"Донецьк\w*",
                        note='quotes " and, commas',
                    ),
                    Term("Донецк", "uk", "forbidden", note="two\nlines"),
                ),
            ),
        )
    )
    again = parse_glossary_csv(serialize_glossary_csv(glossary), "g.csv")
    assert [(c.id, c.terms) for c in again.concepts] == [
        (c.id, c.terms) for c in glossary.concepts
    ]


def test_serialize_is_deterministic_and_canonical() -> None:
    """Serializing a parsed serialization gives the same text again."""
    text = HEADER + "nato,en,NATO,preferred\nkiew,de,Kiew,preferred\nnato,de,Nato,preferred\n"
    once = serialize_glossary_csv(parse_glossary_csv(text, "g.csv"))
    assert serialize_glossary_csv(parse_glossary_csv(once, "g.csv")) == once
    assert once.splitlines()[0] == "concept_id,lang,term,status,note,case_sensitive,forms,pattern"


def test_project_glossary_is_in_canonical_form() -> None:
    """locales/glossary.csv reads cleanly and is written back byte for byte."""
    text = (REPO / "locales" / "glossary.csv").read_text(encoding="utf-8")
    assert serialize_glossary_csv(parse_glossary_csv(text, "locales/glossary.csv")) == text
