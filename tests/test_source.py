"""Tests of the source parser: block kinds, segments, notes, errors and the lossless rebuild."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n.errors import InputError
from explainer_i18n.model import Document
from explainer_i18n.sentences import sentence_spans
from explainer_i18n.source import decode_source, parse_source, render_source

from .conftest import GOLDEN


def parse(text: str, mode: str = "paragraph") -> Document:
    """Parse text as source/x.txt in the given mode."""
    return parse_source(text, "source/x.txt", mode, sentence_spans)  # type: ignore[arg-type]


def dump(doc: Document) -> str:
    """A readable listing of a document's segments for golden files."""
    lines = [f"date: {doc.date}"]
    for block in doc.blocks:
        lines.append(f"[{block.kind} at line {block.line}]")
        for unit in block.units:
            marker = f" {unit.marker}" if unit.marker else ""
            for segment in unit.segments:
                lines.append(f"  {segment.line} {unit.role}{marker} | {segment.note}")
                lines.append(f"    {segment.text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("mode", ["paragraph", "sentence"])
def test_seed_segments_match_golden(
    seed_text: str, mode: str, golden: Callable[[Path, str], None]
) -> None:
    """The shipped explainer segments as recorded in the golden listing, in both modes."""
    doc = parse(seed_text, mode)
    golden(GOLDEN / "seed" / f"{mode}.segments.txt", dump(doc))
    assert render_source(doc) == seed_text


def test_seed_structure(seed_text: str) -> None:
    """The seed has its date, three questions and six answer paragraphs; question 1 is on line 1."""
    doc = parse(seed_text)
    assert doc.date == datetime.date(2026, 1, 6)
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("question") == 3 and kinds.count("paragraph") == 6
    first = doc.segments[0]
    assert (first.line, first.role) == (1, "question")
    assert first.text.startswith("Wie unterscheidet sich")


def test_sentence_mode_splits_paragraphs_not_questions(seed_text: str) -> None:
    """Sentence mode cuts answer paragraphs into sentences and leaves questions whole."""
    doc = parse(seed_text, "sentence")
    questions = [s for s in doc.segments if s.role == "question"]
    assert len(questions) == 3
    assert len(doc.segments) > 20
    assert any(s.text == "Die Ukraine lehnt dies ab." for s in doc.segments)


def test_question_mark_inside_paragraph_is_not_a_heading() -> None:
    """A paragraph with a ? in the middle stays a paragraph; a one-line block ending in ? is a question."""
    doc = parse("Was nun? Das ist offen.\n\nWie weiter?\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "question"]


def test_question_with_closing_quote() -> None:
    """A question may end in ? followed by a closing quote."""
    doc = parse('Was heißt "Frieden?"\n')
    assert doc.blocks[0].kind == "question"


def test_list_blocks_with_intro_and_markers() -> None:
    """A list block has an optional intro line and one segment per item; markers stay literal."""
    text = "Die Punkte:\n- Erstens das.\n- Zweitens jenes.\n\n1. Eins\n2. Zwei\n"
    doc = parse(text)
    assert [b.kind for b in doc.blocks] == ["list", "list"]
    roles = [(u.role, u.marker) for b in doc.blocks for u in b.units]
    assert roles == [("intro", ""), ("item", "-"), ("item", "-"), ("item", "1."), ("item", "2.")]
    assert [s.text for s in doc.segments][1] == "Erstens das."
    assert render_source(doc) == text


def test_notes_name_the_question_not_positions() -> None:
    """Notes say which question a paragraph answers, so inserting a block elsewhere changes no note."""
    doc = parse("Frage eins?\n\nAntwort A.\n\nAntwort B.\n")
    notes = [s.note for s in doc.segments]
    assert notes == [
        "question",
        "paragraph 1 of the answer to: Frage eins?",
        "paragraph 2 of the answer to: Frage eins?",
    ]


def test_lead_paragraph_before_any_question() -> None:
    """A paragraph before the first question is described as part of the lead."""
    doc = parse("date 2026-01-06\nEin Vorspann.\n")
    assert doc.segments[0].note == "paragraph 1 of the lead, before any question"


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffdate 2026-01-06 Frage?\r\n\r\nAntwort.  \r\n",
        "  date 2026-01-06\n\n\n\nFrage?\n\n\n\nAntwort.",
        "Frage?\t\n \nAntwort eins.\nAntwort zwei.\n\n",
        "\n\nFrage?\rAntwort.\r",
        "- a\n- b",
    ],
)
def test_real_world_layouts_rebuild_exactly(text: str) -> None:
    """BOM, CRLF, trailing spaces, blank-line runs, no final newline: all rebuild byte for byte."""
    for mode in ("paragraph", "sentence"):
        doc = parse(text, mode)
        assert render_source(doc) == text
        assert all(s.text == s.text.strip() and s.text for s in doc.segments)


def test_date_header_with_question_on_same_line() -> None:
    """The first question may follow the date on the header line; the header stays literal."""
    doc = parse(" date 2026-01-06 Wie geht es?\n\nGut.\n")
    assert doc.pieces[0] == " date 2026-01-06 "
    assert doc.segments[0].text == "Wie geht es?"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("date 2026-02-30 Frage?\n", "not a valid date"),
        ("\n\ndate 06.01.2026\nFrage?\n", "not a YYYY-MM-DD date"),
        ("", "empty source"),
        (" \n\t\n", "empty source"),
    ],
)
def test_bad_sources_name_file_and_line(text: str, message: str) -> None:
    """A date that is not a date, or an empty file, is an InputError naming the file and line."""
    with pytest.raises(InputError) as caught:
        parse(text)
    assert message in str(caught.value)
    assert str(caught.value).startswith("source/x.txt:")


def test_date_error_names_its_line() -> None:
    """The date error points at the header's own line."""
    with pytest.raises(InputError) as caught:
        parse("\n\ndate 2026-13-01\n")
    assert caught.value.line == 3


@pytest.mark.parametrize(
    ("data", "line"), [(b"Frage?\n\n\xff\xfe kaputt\n", 3), (b"a\nb\x00c\n", 2)]
)
def test_non_utf8_and_binary_sources(data: bytes, line: int) -> None:
    """Bytes that are not UTF-8, or NUL bytes, are one clear error naming the line."""
    with pytest.raises(InputError) as caught:
        decode_source(data, "source/x.txt")
    assert caught.value.line == line


# --- properties ------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "Die",
        "Ukraine",
        "lehnt",
        "ab",
        "z. B.",
        "am 6. Januar",
        "1.000",
        "3,5",
        "Dr. Meier",
        "„Frieden“",
        '"Koalition der Willigen"',
        "Nato-Staaten",
        "https://example.org/a.b",
        "-",
        "?",
    ]
)
_SENTENCE = st.builds(
    lambda w, end: " ".join(w) + end,
    st.lists(_WORDS, min_size=1, max_size=8),
    st.sampled_from([".", "!", "?", "…", ""]),
)
_PARAGRAPH = st.builds(" ".join, st.lists(_SENTENCE, min_size=1, max_size=4))
_QUESTION = st.builds(lambda w: " ".join(w) + "?", st.lists(_WORDS, min_size=1, max_size=6))
_ITEM = st.builds(lambda m, s: m + s, st.sampled_from(["- ", "1. ", "2. ", "-\t"]), _SENTENCE)
_LIST = st.builds(
    lambda intro, items: "\n".join(([intro] if intro else []) + items),
    st.one_of(st.none(), _SENTENCE),
    st.lists(_ITEM, min_size=1, max_size=4),
)
_BLOCK = st.one_of(_PARAGRAPH, _QUESTION, _LIST)
_GAP = st.builds(
    lambda n, ws: "\n" + "".join(w + "\n" for w in ws[:n]),
    st.integers(1, 3),
    st.lists(st.sampled_from(["", " ", "\t", "  "]), min_size=3, max_size=3),
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Explainer-like documents with every layout quirk real files arrive with."""
    blocks = draw(st.lists(_BLOCK, min_size=1, max_size=6))
    gaps = [draw(_GAP) for _ in blocks[1:]]
    body = blocks[0] + "".join(g + b for g, b in zip(gaps, blocks[1:], strict=True))
    head = draw(
        st.sampled_from(["", "date 2026-01-06 ", " date 2026-01-06\n\n", "date 2025-12-31\n"])
    )
    text = head + body + draw(st.sampled_from(["", "\n", "  \n", "\n\n\n"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return ("\ufeff" if draw(st.booleans()) else "") + text


@settings(max_examples=300)
@given(documents(), st.sampled_from(["paragraph", "sentence"]))
def test_identity_translation_rebuilds_generated_documents(text: str, mode: str) -> None:
    """Translating every segment with itself gives back the document exactly, in both modes."""
    doc = parse(text, mode)
    assert render_source(doc) == text
    rebuilt = render_source(doc, {s.text: s.text for s in doc.segments})
    assert rebuilt.encode("utf-8") == text.encode("utf-8")


@settings(max_examples=300)
@given(st.text())
def test_any_text_rebuilds_or_is_refused(text: str) -> None:
    """Any string either parses and rebuilds exactly or is refused with an InputError."""
    for mode in ("paragraph", "sentence"):
        try:
            doc = parse(text, mode)
        except InputError:
            continue
        assert render_source(doc) == text


@settings(max_examples=200)
@given(documents())
def test_segments_partition_the_text(text: str) -> None:
    """Pieces are literal text and segments in order: no overlap, nothing outside them."""
    doc = parse(text, "sentence")
    assert "".join(p if isinstance(p, str) else p.text for p in doc.pieces) == text
    unit_segments = [s for b in doc.blocks for u in b.units for s in u.segments]
    assert unit_segments == list(doc.segments)
