"""The PO reader: what it makes of each construct, and the line it names for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n.errors import InputError
from explainer_i18n.model import Catalog, Message
from explainer_i18n.po_parse import parse_po, read_catalog
from explainer_i18n.po_serialize import serialize_po

DATA = Path(__file__).resolve().parent / "data" / "po"
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def parse(text: str) -> Catalog:
    """The catalog of a header followed by ``text``."""
    return parse_po((HEADER + text).encode("utf-8"), "t.po")


def one(text: str) -> Message:
    """The single entry after the header."""
    catalog = parse(text)
    assert len(catalog.messages) == 1
    return catalog.messages[0]


def test_fixture_entries_and_lines() -> None:
    """The fixture's header, entries, plural forms and msgid lines are read."""
    catalog = read_catalog(DATA / "explainer.uk.po", "explainer.uk.po")
    assert catalog.header is not None and "charset=UTF-8" in catalog.header.msgstr
    assert catalog.header.translator_comments[0].startswith("Ukrainian translation")
    first = catalog.messages[0]
    assert first.msgid.startswith("Wie unterscheidet") and first.line == 21
    assert first.extracted_comments == ("question",)
    assert first.references == ("source/000_pariser-gipfel.txt:1",)
    fuzzy = catalog.messages[2]
    assert (
        fuzzy.fuzzy and fuzzy.previous_msgid is not None and "80 Prozent" in fuzzy.previous_msgid
    )
    plural = next(m for m in catalog.messages if m.msgid_plural)
    assert plural.msgctxt == "footer" and len(plural.msgstr_plural) == 3
    assert catalog.messages[-1].obsolete


def test_comment_kinds_lose_one_leading_space() -> None:
    """``# x``, ``#x``, ``#  x`` and a bare ``#`` read as gettext reads them."""
    entry = one('# a\n#b\n#  c\n#\n#. d\n#.e\n#.\nmsgid "x"\nmsgstr ""\n')
    assert entry.translator_comments == ("a", "b", " c", "")
    assert entry.extracted_comments == ("d", "e", "")


def test_later_flag_line_replaces_earlier_one() -> None:
    """As in gettext, only the last ``#,`` line of an entry counts."""
    entry = one('#, fuzzy\n#, c-format, range: 1..3\nmsgid "x"\nmsgstr "y"\n')
    assert entry.flags == ("c-format", "range: 1..3")
    assert not entry.fuzzy


def test_references_split_deduplicated_and_isolated() -> None:
    """References split at blanks, drop repeats and keep isolated names with spaces whole."""
    text = (
        '#: a.txt:1 b.txt c.txt: 3\n#: a.txt:1 \u2068my file.txt\u2069:4\nmsgid "x"\nmsgstr ""\n'
    )
    assert one(text).references == ("a.txt:1", "b.txt", "c.txt:3", "my file.txt:4")


def test_previous_fields_and_obsolete_entries() -> None:
    """``#|`` and ``#~|`` lines fill the previous fields; ``#~ #`` lines are comments."""
    text = (
        '#| msgctxt "k"\n#| msgid "a"\n#| "b"\nmsgid "x"\nmsgstr "y"\n\n'
        '#~ #, fuzzy\n#~| msgid "old"\n#~ msgid "gone"\n#~ msgstr "weg"\n'
    )
    catalog = parse(text)
    live, gone = catalog.messages
    assert (live.previous_msgctxt, live.previous_msgid) == ("k", "ab")
    assert gone.obsolete and gone.fuzzy and gone.previous_msgid == "old"
    assert (gone.msgid, gone.msgstr, gone.line) == ("gone", "weg", 14)


def test_escapes_decode() -> None:
    """C escapes, octal and hexadecimal bytes and adjacent strings decode to text."""
    entry = one('msgid "a\\tb\\"c\\\\d\\n" "e\\303\\244\\xc3\\xb6"\nmsgstr ""\n')
    assert entry.msgid == 'a\tb"c\\d\neäö'


def test_crlf_bom_and_continued_lines_read_like_plain_files() -> None:
    """CRLF line ends, a UTF-8 BOM and backslash-continued lines do not change the catalog."""
    plain = (DATA / "messy.po").read_bytes()
    crlf = b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n")
    assert parse_po(crlf, "crlf.po") == parse_po(plain, "plain.po")
    continued = plain.replace(b'msgid "Ein Satz"', b'msgid "Ein \\\nSatz"')
    assert serialize_po(parse_po(continued, "c.po")) == serialize_po(parse_po(plain, "plain.po"))


def test_serialized_fixture_is_stable_under_reparse() -> None:
    """Reading what the writer wrote gives the same catalog back."""
    catalog = parse_po((DATA / "messy.po").read_bytes(), "messy.po")
    text = serialize_po(catalog)
    assert serialize_po(parse_po(text.encode("utf-8"), "again.po")) == text


BAD = [
    ('msgid "x\nmsgstr ""\n', 6, "unterminated string"),
    ('msgid "a\\qb"\nmsgstr ""\n', 6, "invalid escape sequence \\q"),
    ('# note\nmsgstr "x"\n', 7, "msgstr before any msgid"),
    ('msgid "x"\nmsgid_plural "y"\nmsgstr "z"\n', 8, "plural entry needs msgstr[0]"),
    ('msgid "x"\nmsgstr "y"\nmsgid_plural "z"\n', 8, "out of order"),
    (
        'msgid "x"\nmsgstr "y"\n\nmsgid "x"\nmsgstr "z"\n',
        9,
        "duplicate entry, first defined at line 6",
    ),
    ('msgid "x"\nmsgstr "y"\n\n#~ msgid "x"\n#~ msgstr "z"\n', 9, "duplicate entry"),
    ('msgid "x"\nmsgid_plural "y"\nmsgstr[0] "a"\n', 6, "1 msgstr[n] forms"),
    ('msgid "x"\nmsgid_plural "y"\nmsgstr[0] "a"\nmsgstr[2] "b"\n', 9, "msgstr[1] was expected"),
    ('msgid "x"\nmsgstr[0] "a"\n', 7, "msgid_plural is missing"),
    ('garbage here\nmsgid "x"\nmsgstr ""\n', 6, "unexpected text 'garbage here'"),
    ('msgid "x"\n', 6, "file ends where a msgstr"),
    ('msgid "x"\n# note\nmsgstr ""\n', 7, "comment line where a msgstr"),
    ('#~ msgid "x"\nmsgstr "y"\n', 7, "inconsistent use of #~"),
    ('msgid "x" junk\nmsgstr ""\n', 6, "unexpected text after a string"),
    ('msgid\nmsgstr ""\n', 6, "must be followed by a string"),
    ('# note\n"x"\n', 7, "a string without a keyword"),
    ('msgid "\\303"\nmsgstr ""\n', 6, "do not form UTF-8"),
]


@pytest.mark.parametrize(("text", "line", "fragment"), BAD)
def test_bad_input_names_its_line(text: str, line: int, fragment: str) -> None:
    """Each kind of malformed input raises InputError with the file, line and reason."""
    with pytest.raises(InputError) as caught:
        parse(text)
    assert (caught.value.path, caught.value.line) == ("t.po", line)
    assert fragment in caught.value.message


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (
            b'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n',
            1,
            "must be UTF-8",
        ),
        (b'msgid ""\nmsgstr "charset=latin1\\n"\n\nmsgid "\xe4"\nmsgstr ""\n', 2, "must be UTF-8"),
        (b'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "\xe4"\n', 5, "not UTF-8 (0xe4)"),
        (b'msgid "a"\nmsgstr "b"\n\x00\n', 3, "NUL byte"),
        (b'msgid "\xc3\xa4"\nmsgstr ""\n', 1, "no header declaring charset=UTF-8"),
    ],
)
def test_encoding_problems_name_their_line(data: bytes, line: int, fragment: str) -> None:
    """Catalogs must be UTF-8: other charsets, stray bytes and NUL are reported by line."""
    with pytest.raises(InputError) as caught:
        parse_po(data, "enc.po")
    assert caught.value.line == line and fragment in caught.value.message


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    """An unreadable path becomes an InputError naming it, not an OSError."""
    with pytest.raises(InputError) as caught:
        read_catalog(tmp_path / "absent.po", "absent.po")
    assert caught.value.path == "absent.po"


# --- fuzzing ------------------------------------------------------------------------------------

VALID = (DATA / "explainer.uk.po").read_bytes()
PIECES = [
    b'"',
    b"\\",
    b"\n",
    b"\r\n",
    b"#~",
    b"#|",
    b"#,",
    b"#:",
    b"msgid",
    b"msgstr[",
    b"]",
    b" ",
]


def _accepts_or_input_error(data: bytes) -> None:
    try:
        parse_po(data, "fuzz.po")
    except InputError as error:
        assert error.path == "fuzz.po" and "\n" not in error.message


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_a_catalog_or_an_input_error(data: bytes) -> None:
    """No byte string makes the reader fail with anything but InputError."""
    _accepts_or_input_error(data)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(VALID)),
            st.integers(0, 12),
            st.sampled_from(PIECES) | st.binary(max_size=4),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_catalogs_give_a_catalog_or_an_input_error(
    edits: list[tuple[int, int, bytes]],
) -> None:
    """Cutting and splicing a valid catalog never leads to anything but InputError."""
    data = VALID
    for position, cut, piece in edits:
        data = data[:position] + piece + data[position + cut :]
    _accepts_or_input_error(data)
