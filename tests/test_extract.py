"""Tests of template building: golden templates of the seed, stable entries, determinism."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n.extract import build_template, same_content
from explainer_i18n.model import Message
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po
from explainer_i18n.sentences import sentence_spans
from explainer_i18n.source import parse_source

from .conftest import GOLDEN

STAMP = "2026-01-06 08:00+0000"
SLUG = "2026-01-06-pariser-gipfel-ukraine"


def template_text(text: str, mode: str = "paragraph") -> str:
    """The serialized template of a source text."""
    doc = parse_source(text, f"source/{SLUG}.txt", mode, sentence_spans)  # type: ignore[arg-type]
    return serialize_po(build_template(doc, SLUG, STAMP))


@pytest.mark.parametrize("mode", ["paragraph", "sentence"])
def test_seed_template_matches_golden(
    seed_text: str, mode: str, golden: Callable[[Path, str], None]
) -> None:
    """The seed's template in each mode is exactly the reviewed golden file."""
    golden(GOLDEN / "seed" / f"{mode}.pot", template_text(seed_text, mode))


@pytest.mark.parametrize("mode", ["paragraph", "sentence"])
def test_seed_template_is_msgcat_fixed_point(seed_text: str, mode: str, tmp_path: Path) -> None:
    """msgcat prints the seed's template unchanged and msgfmt -c accepts it."""
    assert shutil.which("msgcat"), "GNU gettext is needed (CI installs it)"
    path = tmp_path / "t.pot"
    path.write_text(template_text(seed_text, mode), encoding="utf-8")
    printed = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    assert printed == path.read_bytes()
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True, capture_output=True)


def test_entries_carry_reference_and_note(seed_text: str) -> None:
    """Every entry names its source line and says what it is; no msgctxt holds a position."""
    catalog = parse_po(template_text(seed_text).encode("utf-8"), "t.pot")
    assert all(m.msgctxt is None for m in catalog.messages)
    first = catalog.messages[0]
    assert first.references == (f"source/{SLUG}.txt:1",)
    assert first.extracted_comments == ("question",)


def test_repeated_text_is_one_entry_with_both_references() -> None:
    """The same German sentence twice gives one entry with two references."""
    text = "Frage?\n\nDas ist so.\n\nNoch eine Frage?\n\nDas ist so.\n"
    catalog = parse_po(template_text(text).encode("utf-8"), "t.pot")
    repeated = next(m for m in catalog.messages if m.msgid == "Das ist so.")
    assert repeated.references == (f"source/{SLUG}.txt:3", f"source/{SLUG}.txt:7")


def test_same_content_ignores_only_the_creation_date() -> None:
    """Two templates differing only in POT-Creation-Date count as the same; other changes do not."""
    doc = parse_source("Frage?\n", "source/x.txt")
    first, later = (
        build_template(doc, "x", STAMP),
        build_template(doc, "x", "2027-01-01 00:00+0000"),
    )
    assert same_content(first, later)
    other = build_template(parse_source("Andere Frage?\n", "source/x.txt"), "x", STAMP)
    assert not same_content(first, other)


_BLOCKS = st.lists(
    st.sampled_from(
        [
            "Wie geht es weiter?",
            "Was will Moskau?",
            "Die Gespräche dauern an.",
            "Kiew lehnt ab.",
            "Die Nato berät. Ein Ergebnis fehlt.",
            "- Erstens.\n- Zweitens.",
        ]
    ),
    min_size=1,
    max_size=6,
    unique=True,
)


def _keyed(text: str) -> dict[str, Message]:
    """Template entries by msgid, without references (line numbers move with insertions)."""
    doc = parse_source(text, "source/x.txt", "sentence", sentence_spans)
    return {m.msgid: m for m in build_template(doc, "x", STAMP).messages}


@settings(max_examples=150)
@given(
    _BLOCKS, st.integers(0, 6), st.sampled_from(["Neue Frage zu Selenskyj?", "Ein neuer Absatz."])
)
def test_inserting_a_block_elsewhere_changes_no_other_entry(
    blocks: list[str], at: int, new: str
) -> None:
    """Inserting a question or paragraph adds its entries and leaves every other entry's key as is."""
    before = _keyed("\n\n".join(blocks) + "\n")
    inserted = [*blocks[:at], new, *blocks[at:]]
    after = _keyed("\n\n".join(inserted) + "\n")
    assert set(after) == set(before) | {new}
    for msgid, entry in before.items():
        moved = after[msgid]
        assert (moved.msgctxt, moved.msgid, moved.flags) == (
            entry.msgctxt,
            entry.msgid,
            entry.flags,
        )
        if entry.extracted_comments == ("question",):
            assert moved.extracted_comments == ("question",)


def test_template_bytes_are_deterministic(seed_text: str) -> None:
    """The same source and stamp always give the same bytes."""
    assert template_text(seed_text) == template_text(seed_text)
