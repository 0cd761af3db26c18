"""Update uses the written text of unchanged entries only for catalogs it wrote itself."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po

from .test_cli import P1, Q1, run, translate

LONG = (
    "Die Verhandlungen über einen Waffenstillstand ziehen sich hin, weil beide Seiten auf "
    "Bedingungen bestehen, die die andere Seite ablehnt."
)
SOURCE = f"date 2026-01-06 {Q1}\n\n{P1} {LONG}\n"
LONG_EN = (
    "The talks on a ceasefire drag on because each side insists on conditions that the other "
    "side rejects, and neither is ready to give way first."
)


def _project(make_project: Callable[..., Path]) -> Path:
    """A project extracted and updated once, its English and Ukrainian catalogs translated."""
    root = make_project({"x.txt": SOURCE}, 'languages = ["en", "uk"]\n')
    assert run(root, "extract").exit_code == 0
    assert run(root, "update").exit_code == 0
    translate(root / "locales/en/LC_MESSAGES/x.po", {Q1: "What next?"})
    translate(root / "locales/uk/LC_MESSAGES/x.po", {Q1: "Що далі?"})
    assert run(root, "update").exit_code == 0
    return root


def _edit_source(root: Path) -> None:
    """Change the question, so that every catalog is merged again."""
    source = root / "source" / "x.txt"
    source.write_text(SOURCE.replace(Q1, "Wie geht es nun weiter?"), encoding="utf-8")


def test_a_catalog_a_translator_edited_is_written_out_in_full(
    make_project: Callable[..., Path],
) -> None:
    """A translation typed on one long line (as a text editor leaves it) is wrapped by the next
    update, even in entries the update does not change: the text read is not reused."""
    root = _project(make_project)
    catalog = root / "locales/en/LC_MESSAGES/x.po"
    text = catalog.read_text(encoding="utf-8")
    end = 'die andere Seite ablehnt."\nmsgstr ""'
    assert end in text
    catalog.write_text(text.replace(end, f'{end[:-2]}"{LONG_EN}"'), encoding="utf-8")
    _edit_source(root)
    assert run(root, "update").exit_code == 0
    text = catalog.read_text(encoding="utf-8")
    assert f'msgstr "{LONG_EN}"' not in text
    assert LONG_EN.split()[-1] in text
    assert serialize_po(parse_po(text.encode("utf-8"), "x.po")) == text


def test_catalogs_written_with_reused_texts_match_a_run_without_state(
    make_project: Callable[..., Path], tmp_path: Path
) -> None:
    """After a source edit, the catalogs an update writes are byte for byte those of an update
    in a copy without the state that lets it reuse the written text."""
    root = _project(make_project)
    _edit_source(root)
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    shutil.rmtree(copy / ".explainer-i18n")
    for project in (root, copy):
        assert run(project, "extract").exit_code == 0
        assert run(project, "update").exit_code == 0
    for lang in ("en", "uk"):
        ours = (root / f"locales/{lang}/LC_MESSAGES/x.po").read_bytes()
        assert ours == (copy / f"locales/{lang}/LC_MESSAGES/x.po").read_bytes()
        assert b"#| msgid" in ours  # the edited question's translation was carried over
