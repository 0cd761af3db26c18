"""The quick paths of the PO layer give what the general ones give: the whole-entry reader against
the line-by-line reader (catalogs, line numbers and errors), the quick reference and line-break
answers against the ones found item by item, and the written text against GNU msgcat."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer_i18n import linebreak, po_comments
from explainer_i18n.errors import InputError
from explainer_i18n.model import Catalog
from explainer_i18n.po_fastread import read_usual
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po
from tests.test_po_parse import PIECES as BYTE_PIECES
from tests.test_po_serialize import REFERENCE, catalogs, msgcat, msgfmt_ok

DATA = Path(__file__).resolve().parent / "data"
CORPUS = max(
    Path("/tmp/explainer-bench").glob("corpus-1000-*/built/locales"), default=Path("/nonexistent")
)
"""A 1,000-explainer benchmark corpus (4,000 catalogs) in the benchmarks' default work folder,
compared file by file when one has been built (its name carries a fingerprint of the tool)."""
HEADER = (
    '# head\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
)

Reading = Catalog | tuple[str, str | None, int | None]


def reading(data: bytes, strict: bool) -> Reading:
    """The catalog read from ``data``, or the message, path and line of the error."""
    try:
        return parse_po(data, "t.po", strict=strict)
    except InputError as error:
        return (error.message, error.path, error.line)


def assert_same_reading(data: bytes) -> Reading:
    """Both readers give the same catalog or the same error; returns it."""
    quick = reading(data, strict=False)
    assert quick == reading(data, strict=True)
    return quick


def test_usual_shapes_take_the_whole_entry_reader() -> None:
    """Every construct of the usual shape is read by the whole-entry reader, as the line
    reader reads it (so the comparisons below do compare two readers)."""
    text = (
        "\n\n"
        + HEADER
        + "\n#  spaced\n#\n#.x\n#. y\n#:a.txt:1 b.txt c.txt:07\n#: a.txt:1\n#! wrap\n"
        '#, fuzzy, c-format\n#| msgctxt "pk"\n#| msgid "old"\n#| "er"\n#| msgid_plural "olds"\n'
        'msgctxt "k"\nmsgid "a\\tb\\"c\\\\"\n"d"\nmsgid_plural "p"\nmsgstr[0] "x"\n"y"\n'
        'msgstr[1] ""\nmsgid "next"\nmsgstr "without a blank line"\n\n\n'
        '#. kept\n#~| msgid "older"\n#~ msgctxt "k"\n#~ msgid "gone"\n#~ "!"\n#~ msgstr "weg"\n'
        '#~ msgid "n"\n#~ msgid_plural "ns"\n#~ msgstr[0] "a"\n#~ msgstr[1] "b"'
    )
    messages = read_usual(text)
    assert messages is not None and len(messages) == 5
    catalog = assert_same_reading(text.encode("utf-8"))
    assert isinstance(catalog, Catalog)
    keyword_lines = [
        number
        for number, line in enumerate(text.split("\n"), start=1)
        if line.startswith(("msgid ", "#~ msgid "))
    ]
    assert [m.line for m in catalog.messages] == keyword_lines[1:]


@pytest.mark.parametrize(
    "text",
    [
        'msgid "x"\r\nmsgstr ""\r\n',
        'msgid "a\\\nb"\nmsgstr ""\n',
        'msgid "\\303\\244"\nmsgstr ""\n',
        'msgid  "x"\nmsgstr ""\n',
        'msgid "x" "y"\nmsgstr ""\n',
        'msgid "x"\n\nmsgstr ""\n',
        '#~ #, fuzzy\n#~ msgid "x"\n#~ msgstr "y"\n',
        'msgid "x"\nmsgid_plural "y"\nmsgstr[0] "a"\nmsgstr[00] "b"\n',
        "# dangling comment\n",
    ],
)
def test_unusual_shapes_go_to_the_line_reader(text: str) -> None:
    """Text outside the usual shape is left to the line reader, which reads it as before."""
    assert read_usual(text) is None
    assert_same_reading((HEADER + "\n" + text).encode("utf-8"))


# --- generated catalogs -------------------------------------------------------------------------

GOOD_STRING = st.sampled_from(['"x"', '""', '"ä b"', '"q\\"uote\\\\"', '"tab\\t\\n"', '"\\a\\v"'])
ODD_STRING = st.sampled_from(
    ['"\\303\\244"', '"\\xc3"', '"\\q"', '"a" "b"', '"x" ', '"open', '"x" tail', '"\t"']
)
ANY_STRING = st.one_of(GOOD_STRING, GOOD_STRING, ODD_STRING)
GOOD_COMMENT = st.sampled_from(
    [
        "# note",
        "#note",
        "#",
        "#  two",
        "#. auto",
        "#.auto",
        "#.",
        "#: a.txt:1 b.txt",
        "#: ./a.txt:01 c.txt :2",
        "#: \u2068my file.txt\u2069:4",
        "#, fuzzy",
        "#, no-wrap, range: 1..3",
        "#! c-format",
    ]
)
ODD_COMMENT = st.sampled_from(
    ["#~ #, fuzzy", '#| msgid "old"', '#| msgctxt "k"', '#~| msgid "old"', '#| "more"', "#~", "#|"]
)
ANY_COMMENT = st.one_of(GOOD_COMMENT, GOOD_COMMENT, ODD_COMMENT)
STRAY = st.sampled_from(
    ["", " ", "\t", '"stray"', "msgstr[1] " + '"b"', "garbage", "msgid", "#", "#~ " + '"c"', "\\"]
)


@st.composite
def entry_lines(draw: st.DrawFn, index: int, odd: bool) -> list[str]:
    """The lines of one entry in the shapes the readers know, odd ones too if ``odd``; ``index``
    makes its msgid differ from the others' (most of the time)."""
    string, comment = (ANY_STRING, ANY_COMMENT) if odd else (GOOD_STRING, GOOD_COMMENT)
    keyword = draw(st.sampled_from(["", "", "#~ "] + (["#~", " "] if odd else [])))
    space = draw(st.sampled_from([" ", " ", " "] + (["  ", ""] if odd else [])))
    lines = draw(st.lists(comment, max_size=4))
    if draw(st.booleans()):
        previous = "#~| " if keyword.startswith("#~") else "#| "
        for name in draw(st.sampled_from([["msgid"], ["msgctxt", "msgid", "msgid_plural"]])):
            lines.append(f"{previous}{name} {draw(string)}")
            lines += [previous + line for line in draw(st.lists(string, max_size=1))]
    if draw(st.booleans()):
        lines.append(f"{keyword}msgctxt{space}{draw(string)}")
    msgid = draw(st.sampled_from([f'"m{index}"', f'"m{index}\\n"']) | string)
    lines.append(f"{keyword}msgid{space}{msgid}")
    lines += [keyword + line for line in draw(st.lists(string, max_size=2))]
    forms = draw(st.sampled_from([None, None, ["0", "1"]] + ([["0"], ["00", "1"]] if odd else [])))
    if forms is None:
        lines.append(f"{keyword}msgstr{space}{draw(string)}")
        lines += [keyword + line for line in draw(st.lists(string, max_size=2))]
        return lines
    lines.append(f"{keyword}msgid_plural{space}{draw(string)}")
    lines += [f"{keyword}msgstr[{index}]{space}{draw(string)}" for index in forms]
    return lines


@st.composite
def po_texts(draw: st.DrawFn) -> str:
    """A catalog text: a header, entries with blank lines or none between them, and, in odd
    ones, odd entries, stray lines and CRLF line ends."""
    odd = draw(st.booleans())
    lines = HEADER.splitlines() if draw(st.integers(0, 3)) else []
    for index in range(draw(st.integers(0, 5))):
        lines += [""] * draw(st.integers(0, 2)) + draw(entry_lines(index, odd))
    for _ in range(draw(st.integers(0, 2)) if odd else 0):
        lines.insert(draw(st.integers(0, len(lines))), draw(STRAY))
    end = draw(st.sampled_from(["\n", "\r\n"])) if odd else "\n"
    return end.join(lines) + draw(st.sampled_from([end, "", end + end]))


@settings(max_examples=600, deadline=None)
@given(text=po_texts())
def test_readers_agree_on_generated_catalogs(text: str) -> None:
    """On catalogs of every shape, well formed or not, both readers give the same catalog (every
    field and line number) or the same error at the same line."""
    assert_same_reading(text.encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(catalog=catalogs())
def test_written_catalogs_take_the_whole_entry_reader(catalog: Catalog) -> None:
    """What the writer writes is of the usual shape, and both readers read it alike."""
    text = serialize_po(catalog)
    assert read_usual(text) is not None
    assert_same_reading(text.encode("utf-8"))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4000),
            st.integers(0, 12),
            st.sampled_from([*BYTE_PIECES, b"#~ ", b"#| msgid ", b"\n\n", b"\\303", b"\t"])
            | st.binary(max_size=4),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_readers_agree_on_mutated_catalogs(edits: list[tuple[int, int, bytes]]) -> None:
    """Cutting and splicing a real catalog leaves both readers agreeing, errors included."""
    data = (DATA / "po" / "explainer.uk.po").read_bytes()
    for position, cut, piece in edits:
        data = data[:position] + piece + data[position + cut :]
    assert_same_reading(data)


@pytest.mark.parametrize(
    "path", sorted(p for p in DATA.rglob("*") if p.suffix in (".po", ".pot")), ids=str
)
def test_readers_agree_on_fixture_files(path: Path) -> None:
    """Every PO fixture of the test suite is read alike by both readers."""
    assert_same_reading(path.read_bytes())


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the benchmark corpus has not been built")
def test_readers_and_writer_agree_on_the_benchmark_corpus(tmp_path: Path) -> None:
    """All 4,000 corpus catalogs read alike by both readers, each through the whole-entry
    reader, and are written back byte for byte; a sample is what msgcat prints too."""
    paths = sorted([*CORPUS.rglob("*.po"), *CORPUS.rglob("*.pot")])
    for path in paths:
        data = path.read_bytes()
        assert read_usual(data.decode("utf-8")) is not None, path
        catalog = assert_same_reading(data)
        assert isinstance(catalog, Catalog)
        assert serialize_po(catalog).encode("utf-8") == data, path
    for path in paths[:: max(1, len(paths) // 8)]:
        text = path.read_text("utf-8")
        assert msgcat(text, tmp_path) == text


# --- the writer's quick paths -------------------------------------------------------------------

ITEM = REFERENCE | st.sampled_from(
    ["a.txt", "./a.txt:3", "a.txt:03", "a:", ":4", "a b.txt:2", "x:1:2", "Straße.txt:5", ""]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(ITEM, max_size=6), st.sampled_from([20, 40, 79]))
def test_reference_lines_match_the_item_by_item_answer(items: list[str], width: int) -> None:
    """Written ``#:`` lines are the same whether the references take the quick path or not."""
    references = tuple(items)
    assert po_comments.reference_lines(references, width) == po_comments._lines_written(
        references, width
    )


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.text(st.sampled_from(list(" \t:./01a\u2068\u2069\xa0ä")), max_size=12), max_size=3)
)
def test_reference_items_match_the_item_by_item_answer(lines: list[str]) -> None:
    """Read ``#:`` items are the same whether the lines take the quick path or not."""
    expected = po_comments._items_read(" ".join(lines))
    assert po_comments.reference_items(lines) == expected


def test_character_searches_match_the_per_character_tables() -> None:
    """For every code point, the searches that pick a line-break path and spot wide characters
    agree with libunistring's tables as looked up one character at a time."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert linebreak._path(char) == linebreak._KIND_OF[char], hex(code)
        if linebreak._WIDTH_OF[char] == 2:
            assert linebreak._WIDE.search(char), hex(code)


LINE_TEXT = st.text(
    st.sampled_from(list('ab Ж-–/.,\\"\u00a0\u3042\u0301\u200d\U0001f600')), max_size=120
)


@settings(max_examples=500, deadline=None)
@given(LINE_TEXT, st.integers(0, 20), st.integers(10, 80), st.booleans())
def test_quick_line_break_answers_match_the_full_algorithm(
    text: str, column: int, width: int, final_newline: bool
) -> None:
    """Text that the quick test says fits is not broken by the full algorithm either, and asking
    for the first break only gives the first breaks of all (at least one if there are any)."""
    everything = linebreak.break_positions(text, column, width, final_newline)
    first = linebreak.break_positions(text, column, width, final_newline, first_only=True)
    assert first == everything[: max(1, len(first))]
    if text and linebreak._fits(text, column, width):
        assert linebreak._full(text, column, width, final_newline) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs(), width=st.sampled_from([40, 79]))
def test_written_catalogs_are_what_msgcat_prints(
    catalog: Catalog, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """At two page widths the writer's text is msgcat's fixed point and passes msgfmt -c."""
    tmp = tmp_path_factory.mktemp("po")
    text = serialize_po(catalog, width=width)
    path = tmp / "w.po"
    path.write_bytes(text.encode("utf-8"))
    if width == 79:
        assert msgcat(text, tmp) == text
    else:
        done = subprocess.run(["msgcat", f"--width={width}", str(path)], capture_output=True)
        assert done.stdout.decode("utf-8") == text
    msgfmt_ok(text, tmp)
