"""The PO writer against GNU msgcat: its output is msgcat's, a fixed point, and passes msgfmt -c."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer_i18n.model import Catalog, Message
from explainer_i18n.po_parse import parse_po, parse_po_texts
from explainer_i18n.po_serialize import serialize_po

DATA = Path(__file__).resolve().parent / "data" / "po"
EXAMPLES = int(os.environ.get("EXPLAINER_PO_EXAMPLES", "40"))
"""Catalogs per property run; each is one msgcat call. Raise it to shake out rare cases."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: install GNU gettext")
    return found


def msgcat(text: str, tmp: Path) -> str:
    """What ``msgcat FILE`` prints for the PO text."""
    path = tmp / "in.po"
    path.write_bytes(text.encode("utf-8"))
    done = subprocess.run([_tool("msgcat"), str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode("utf-8")


def msgfmt_ok(text: str, tmp: Path) -> None:
    """Assert that ``msgfmt -c`` accepts the PO text."""
    path = tmp / "check.po"
    path.write_bytes(text.encode("utf-8"))
    command = [_tool("msgfmt"), "-c", "-o", os.devnull, str(path)]
    done = subprocess.run(command, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()


HEADER = Message(
    msgid="",
    msgstr=(
        "Project-Id-Version: explainer 1.0\nReport-Msgid-Bugs-To: \n"
        "POT-Creation-Date: 2026-01-06 10:00+0100\nPO-Revision-Date: 2026-01-07 09:30+0100\n"
        "Last-Translator: Olena <olena@example.org>\nLanguage-Team: Ukrainian\nLanguage: uk\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
    ),
    translator_comments=("Translations of the explainers.", ""),
)


def test_canonical_catalog_is_written_back_byte_for_byte() -> None:
    """A catalog in msgcat's form is parsed and written back unchanged."""
    data = (DATA / "explainer.uk.po").read_bytes()
    assert serialize_po(parse_po(data, "explainer.uk.po")).encode("utf-8") == data


def test_canonical_fixture_is_what_msgcat_prints(tmp_path: Path) -> None:
    """The fixture really is msgcat's output, so the test above compares against msgcat."""
    text = (DATA / "explainer.uk.po").read_text("utf-8")
    assert msgcat(text, tmp_path) == text


def test_messy_catalog_comes_out_as_msgcat_normalizes_it(tmp_path: Path) -> None:
    """Comment order, flags, references and obsolete entries are normalized as msgcat does."""
    text = (DATA / "messy.po").read_text("utf-8")
    ours = serialize_po(parse_po(text.encode("utf-8"), "messy.po"))
    assert ours == msgcat(msgcat(text, tmp_path), tmp_path)
    assert msgcat(ours, tmp_path) == ours
    msgfmt_ok(ours, tmp_path)


def _entry(**fields: object) -> str:
    """The text of one entry written after the header."""
    text = serialize_po(Catalog(HEADER, (Message(**fields),)))  # type: ignore[arg-type]
    return text.split("\n\n", 1)[1]


def test_flags_are_kept_only_as_msgcat_keeps_them(tmp_path: Path) -> None:
    """Unknown flags and ``wrap`` go, fuzzy stays only on a translation, the rest is ordered."""
    flags = ("unknown", "python-format", "fuzzy", "wrap", "range: 2..4", "c-format")
    text = _entry(msgid="a", msgstr="b", flags=flags)
    assert text.startswith("#, fuzzy, c-format, python-format, range: 2..4\n")
    assert "fuzzy" not in _entry(msgid="a", msgstr="", flags=("fuzzy",))
    whole = serialize_po(Catalog(HEADER, (Message(msgid="a", msgstr="b", flags=flags),)))
    assert msgcat(whole, tmp_path) == whole


def test_comments_come_in_msgcat_order() -> None:
    """Translator, extracted, reference, flag and previous lines come in that order."""
    text = _entry(
        msgid="neu",
        msgstr="new",
        flags=("fuzzy",),
        translator_comments=("eins\nzwei", ""),
        extracted_comments=("paragraph",),
        references=("source/a.txt:3", "./source/a.txt:3", "source/b b.txt:4"),
        previous_msgid="alt",
    )
    assert text.splitlines()[:7] == [
        "# eins",
        "# zwei",
        "#",
        "#. paragraph",
        "#: source/a.txt:3 \u2068source/b b.txt\u2069:4",
        "#, fuzzy",
        '#| msgid "alt"',
    ]


def test_obsolete_entries_go_last_and_untranslated_ones_vanish() -> None:
    """Obsolete entries follow the others; one without a translation is not written."""
    messages = (
        Message(msgid="old", msgstr="alt", obsolete=True),
        Message(msgid="gone", obsolete=True),
        Message(msgid="live", msgstr="lebendig"),
    )
    text = serialize_po(Catalog(None, messages))
    assert text == 'msgid "live"\nmsgstr "lebendig"\n\n#~ msgid "old"\n#~ msgstr "alt"\n'


def test_escapes_and_newlines_follow_msgcat(tmp_path: Path) -> None:
    """Control characters, quotes and backslashes are escaped and strings cut after newlines."""
    value = 'a\tb "c" \\ d\n\ne\a\r'
    whole = serialize_po(Catalog(HEADER, (Message(msgid=value, msgstr=""),)))
    assert whole.endswith('msgid ""\n"a\\tb \\"c\\" \\\\ d\\n"\n"\\n"\n"e\\a\\r"\nmsgstr ""\n')
    assert msgcat(whole, tmp_path) == whole


def test_no_wrap_entries_stay_on_one_line(tmp_path: Path) -> None:
    """A ``no-wrap`` entry is not wrapped, but still cut after newlines."""
    long = "Sehr langer Text " * 10
    text = _entry(msgid=long, msgstr=f"x\n{long}", flags=("no-wrap",))
    assert f'msgid "{long}"\n' in text
    assert f'msgstr ""\n"x\\n"\n"{long}"\n' in text
    whole = serialize_po(Catalog(HEADER, (Message(msgid=long, msgstr="y", flags=("no-wrap",)),)))
    assert msgcat(whole, tmp_path) == whole


@pytest.mark.parametrize("width", [40, 60, 79, 100])
def test_other_page_widths_match_msgcat(width: int, tmp_path: Path) -> None:
    """``width`` works like msgcat's ``--width``."""
    catalog = parse_po((DATA / "explainer.uk.po").read_bytes(), "explainer.uk.po")
    ours = serialize_po(catalog, width=width)
    path = tmp_path / "w.po"
    path.write_bytes(ours.encode("utf-8"))
    done = subprocess.run([_tool("msgcat"), f"--width={width}", str(path)], capture_output=True)
    assert done.stdout.decode("utf-8") == ours


# --- properties ---------------------------------------------------------------------------------

SAMPLE = (
    "Der Pariser Gipfel konzentriert sich auf die Sicherheitsgarantien für Waffenstillstand – "
    "1.000,5 Euro 14.30 Uhr https://example.com/a/b?c=d&e=f sagte: «Ça va» l’Ukraine ‹x› "
    "„Zitat“ ‚a‘ 'x' Україна — це мʼякий … ?! ; : / - -- Nord-Süd-Gefälle 20-30 (ca.) [x] "
    "5\u00a0% 3\u202f000 a/b z.B. §12 ÄÖÜ ÇÉÈ ёЁїЇєЄґҐ Donezk/Luhansk 1990er-Jahre 2026-01-06"
)
WORDS = [*SAMPLE.split(" "), '"q"', "a\\b", "x\ty", "\n", "\u00a0", "  "]
LETTERS = st.sampled_from(list(" -–—/«»’ʼ…?!:;.,'\"\\\t\n\u00a0\u202fabcäЖї0123456789()%&="))
PIECES = st.sampled_from(WORDS) | st.text(LETTERS, max_size=6) | st.text("abc-./", max_size=90)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\u00a0", "\n", "  "])
TEXT = st.lists(st.tuples(PIECES, SEPARATORS), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)
COMMENT = TEXT.map(lambda text: text.replace("\r", " "))
NAME = st.text("abcdefghij_-/.", min_size=1, max_size=24)
REFERENCE = st.tuples(NAME, st.integers(1, 9999), st.booleans()).map(
    lambda r: f"source/{r[0]}{' x' if r[2] else ''}.txt:{r[1]}"
)
FLAGS = st.lists(st.sampled_from(["fuzzy", "no-wrap", "wrap", "range: 1..3", "odd-flag"]))


def _ends_like(text: str, model: str) -> str:
    """msgfmt -c wants a translation to start and end with a newline exactly as its msgid."""
    text = text.strip("\n")
    if not text:
        return ""
    return ("\n" if model.startswith("\n") else "") + text + ("\n" if model.endswith("\n") else "")


@st.composite
def messages(draw: st.DrawFn, index: int) -> Message:
    msgid = f"{index} {draw(TEXT)}"
    plural = draw(st.booleans()) and index % 3 == 0
    msgid_plural = _ends_like(f"{index}s {draw(TEXT)}", msgid) if plural else None
    translation = _ends_like(draw(TEXT), msgid)
    return Message(
        msgid=msgid,
        msgstr="" if plural else translation,
        msgctxt=draw(st.none() | TEXT),
        msgid_plural=msgid_plural,
        msgstr_plural=(translation, _ends_like(draw(TEXT), msgid) or translation)
        if plural
        else (),
        flags=tuple(draw(FLAGS)),
        translator_comments=tuple(draw(st.lists(COMMENT, max_size=2))),
        extracted_comments=tuple(draw(st.lists(COMMENT, max_size=2))),
        references=tuple(draw(st.lists(REFERENCE, max_size=6))),
        previous_msgid=draw(st.none() | TEXT),
        obsolete=index > 0 and draw(st.integers(0, 9)) == 0,
    )


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    size = draw(st.integers(1, 25))
    return Catalog(HEADER, tuple(draw(messages(index)) for index in range(size)))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs())
def test_msgcat_leaves_written_catalogs_unchanged(
    catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Random catalogs rich in spaces, dashes, quotes, no-break spaces, Cyrillic, numbers and
    URLs are written exactly as msgcat prints them, and msgfmt -c accepts them."""
    tmp = tmp_path_factory.mktemp("po")
    text = serialize_po(catalog)
    assert msgcat(text, tmp) == text
    msgfmt_ok(text, tmp)


@settings(max_examples=100, deadline=None)
@given(catalog=catalogs())
def test_parse_reads_back_what_serialize_writes(catalog: Catalog) -> None:
    """Reading a written catalog and writing it again gives the same text."""
    text = serialize_po(catalog)
    again = parse_po(text.encode("utf-8"), "x.po")
    assert serialize_po(again) == text
    written = [m for m in catalog.messages if not m.obsolete or m.translations[0]]
    assert [m.key for m in again.messages] == [
        m.key for m in sorted(written, key=lambda m: m.obsolete)
    ]
    assert [m.translations for m in again.messages] == [
        m.translations for m in sorted(written, key=lambda m: m.obsolete)
    ]


@settings(max_examples=100, deadline=None)
@given(catalog=catalogs())
def test_entry_texts_read_back_are_what_serialize_writes(catalog: Catalog) -> None:
    """The text the reader keeps for each entry of a written catalog is exactly what the
    writer gives that entry alone, so writing with those texts changes no byte."""
    text = serialize_po(catalog)
    again, texts = parse_po_texts(text.encode("utf-8"), "x.po")
    assert set(texts) == {*again.messages, again.header}
    for message in again.messages:
        assert texts[message] == serialize_po(Catalog(None, (message,)))
    assert serialize_po(again, written=texts) == text


def test_written_texts_are_used_as_they_are_and_only_for_their_entries() -> None:
    """An entry found in ``written`` is written with that text; the others are worked out."""
    kept, other = Message("eins", "one", line=3), Message("zwei", "two")
    text = serialize_po(Catalog(HEADER, (kept, other)), written={kept: 'msgid "given"\n'})
    assert 'msgid "given"\n\nmsgid "zwei"\nmsgstr "two"\n' in text
    assert 'msgid "eins"' not in text


def test_a_catalog_the_entry_reader_refuses_gives_no_texts() -> None:
    """A catalog only the strict reader takes (continued lines) is read without texts."""
    data = b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a\\\nb"\nmsgstr "x"\n'
    catalog, texts = parse_po_texts(data, "x.po")
    assert [m.msgid for m in catalog.messages] == ["ab"]
    assert texts == {}
