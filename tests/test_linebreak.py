"""The line breaker against libunistring itself, the library gettext 0.21's msgcat wraps with."""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n import linebreak, linebreak_data

# libunistring's unilbrk.h values
_UNDEFINED, _PROHIBITED, _POSSIBLE, _MANDATORY, _CR_BEFORE_LF = 0, 1, 2, 3, 5


def _library() -> ctypes.CDLL:
    name = ctypes.util.find_library("unistring")
    if name is None:
        pytest.fail("libunistring is missing: install gettext (it ships with it)")
    library = ctypes.CDLL(name)
    library.u8_possible_linebreaks_v2.argtypes = [
        *(ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p)
    ]
    library.u8_width_linebreaks_v2.argtypes = [
        *(ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int),
        *(ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p),
    ]
    library.u8_width_linebreaks_v2.restype = ctypes.c_int
    library.uc_width.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    library.uc_width.restype = ctypes.c_int
    return library


LIB = _library()


def _per_char(text: str, raw: bytes) -> list[int]:
    """One value per character from a per-byte libunistring result."""
    values, offset = [], 0
    for char in text:
        values.append(raw[offset])
        offset += len(char.encode("utf-8"))
    return values


def library_possible(text: str) -> list[int]:
    data = text.encode("utf-8")
    out = ctypes.create_string_buffer(len(data))
    LIB.u8_possible_linebreaks_v2(data, len(data), b"UTF-8", out)
    codes = {_PROHIBITED: 0, _POSSIBLE: 1, _MANDATORY: 2, _CR_BEFORE_LF: 2}
    return [codes[value] for value in _per_char(text, out.raw)]


def library_breaks(text: str, start: int, width: int, final_newline: bool) -> list[int]:
    """Where ``ulc_width_linebreaks`` breaks an escaped string, with write-po.c's overrides."""
    data = text.encode("utf-8")
    overrides = bytearray(len(data))
    offset = 0
    for index, char in enumerate(text):
        if index and text[index - 1] == "\\" and linebreak._escaped(text, index):
            overrides[offset] = _PROHIBITED
        if final_newline and index == len(text) - 2:
            overrides[offset] = _PROHIBITED
        offset += len(char.encode("utf-8"))
    out = ctypes.create_string_buffer(len(data))
    LIB.u8_width_linebreaks_v2(data, len(data), width, start, 0, bytes(overrides), b"UTF-8", out)
    return [i for i, value in enumerate(_per_char(text, out.raw)) if value == _POSSIBLE]


def _pool() -> list[str]:
    """Characters from every run of the table, plus the ones our languages use most."""
    starts, _ = linebreak._decode_runs()
    ends = [*starts[1:], 0x110000]
    chars = set()
    for start, end in zip(starts, ends, strict=True):
        for code in (start, (start + end) // 2, end - 1):
            if not 0xD800 <= code <= 0xDFFF:
                chars.add(chr(code))
    return sorted(chars)


POOL = _pool()
COMMON = list(" \u00a0\u202f-–—/«»‹›’ʼ…?!:;.,0123456789aZäßЖї\"'()[]{}%$€+=#@&\\\t„“”‚‘")
CHARS = st.sampled_from(COMMON) | st.sampled_from(POOL)
TEXTS = st.text(alphabet=CHARS, min_size=1, max_size=90)


def test_width_table_matches_uc_width() -> None:
    """Every run of the generated table has libunistring's display width at its ends."""
    starts, pairs = linebreak._decode_runs()
    ends = [*starts[1:], 0x110000]
    for start, end, (_, width) in zip(starts, ends, pairs, strict=True):
        for code in (start, end - 1):
            assert LIB.uc_width(code, b"UTF-8") == width, hex(code)


def test_data_module_has_a_full_pair_table() -> None:
    """The pair table is square over the 33 classes libunistring 1.0 looks up in it."""
    assert len(linebreak_data.PAIR_TABLE) == 33
    assert {len(row) for row in linebreak_data.PAIR_TABLE} == {33}


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_possible_breaks_match_library(text: str) -> None:
    """The port of u8_possible_linebreaks_v2 allows exactly the library's breaks."""
    assert linebreak.possible_breaks(text) == library_possible(text)


@settings(max_examples=600, deadline=None)
@given(TEXTS, st.integers(0, 12), st.integers(1, 40), st.booleans())
def test_break_positions_match_library(text: str, start: int, width: int, newline: bool) -> None:
    """Fast and full paths both place line breaks where ulc_width_linebreaks does."""
    final_newline = newline and text.endswith("\\n") and linebreak._escaped(text, len(text) - 1)
    expected = library_breaks(text, start, width, final_newline)
    assert linebreak.break_positions(text, start, width, final_newline) == expected
    assert linebreak._full(text, start, width, final_newline) == expected


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Die Ukraine lehnt dies ab – Russland nicht.", 20),
        ("Il a dit\u00a0: «\u00a0Ça va\u00a0?\u00a0» — c’est 1\u202f000,5\u00a0€.", 18),
        ("Україна — це «мʼякий» компроміс, 14.30 Uhr.", 15),
        ("https://example.com/path/to/a-very-long-page?x=1&y=2 and more", 25),
        ("Nord-Süd-Gefälle, 20-30 Prozent, 1.000,5 Euro / Jahr!", 12),
        ('say \\"hi\\" \\\\ then\\tgo\\n', 9),
    ],
)
def test_language_samples_match_library(text: str, width: int) -> None:
    """German, French, Ukrainian, URL and escape samples break where the library breaks them."""
    for start in (0, 6):
        expected = library_breaks(text, start, width, text.endswith("\\n"))
        assert linebreak.break_positions(text, start, width, text.endswith("\\n")) == expected
