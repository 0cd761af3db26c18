"""Tests of template building: golden templates of the seed, stable entries, determinism."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    """Two written templates differing only in POT-Creation-Date count as the same; another
    entry, or another header field, does not."""

    def written(text: str, stamp: str = STAMP) -> bytes:
        doc = parse_source(text, "source/x.txt")
        return serialize_po(build_template(doc, "x", stamp)).encode("utf-8")

    first, later = written("Frage?\n"), written("Frage?\n", "2027-01-01 00:00+0000")
    assert first != later
    assert same_content(first, later)
    assert not same_content(first, written("Andere Frage?\n"))
    renamed = first.replace(b"Project-Id-Version: x", b"Project-Id-Version: y")
    assert renamed != first
    assert not same_content(first, renamed)


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


SRC = Path(__file__).resolve().parents[1] / "src"
EPOCH = "1767686400"
"""SOURCE_DATE_EPOCH for ``STAMP`` (2026-01-06 08:00 UTC)."""


def extract_in_own_process(root: Path, hash_seed: str) -> bytes:
    """The template ``python -m explainer_i18n extract`` writes, run with a hash seed."""
    env = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "PYTHONHASHSEED": hash_seed,
        "SOURCE_DATE_EPOCH": EPOCH,
        "CI": "1",
    }
    command = [sys.executable, "-m", "explainer_i18n", "extract", "-C", str(root)]
    subprocess.run(command, env=env, capture_output=True, timeout=120, check=True)
    template = root / "locales" / "templates" / f"{SLUG}.pot"
    data = template.read_bytes()
    template.unlink()  # the next run must write it anew, not find it unchanged
    shutil.rmtree(root / ".explainer-i18n", ignore_errors=True)
    return data


@pytest.mark.parametrize("mode", ["paragraph", "sentence"])
def test_template_bytes_are_deterministic(seed_text: str, mode: str, tmp_path: Path) -> None:
    """The same source and stamp give the same bytes: twice in this process, and in separate
    processes with other string hash seeds (so no set or dict order leaks into the file)."""
    here = template_text(seed_text, mode)
    assert template_text(seed_text, mode) == here
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / f"{SLUG}.txt").write_text(seed_text, encoding="utf-8")
    config = f'languages = ["en"]\nsegmentation = "{mode}"\n'
    (tmp_path / "explainer-i18n.toml").write_text(config, encoding="utf-8")
    runs = [extract_in_own_process(tmp_path, seed) for seed in ("1", "2", "3")]
    assert runs == [here.encode("utf-8")] * 3
