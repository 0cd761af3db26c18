"""The whole-run fast path: a rerun with nothing changed ends early, any change is still seen.

"Changed" means what the state means by it (see state.py): a file whose size or mtime moved.
An edit that keeps both is taken as unchanged, as make and git take it; one test pins that
limit and the remedy, touching the file.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from explainer_i18n import publish, quick, updating, workflow
from explainer_i18n.project import open_project
from explainer_i18n.publish import build_project
from explainer_i18n.updating import update_project
from explainer_i18n.workflow import extract_project

from .test_cli import P1, Q1, SOURCE, run, snapshot, translate

KINDS = ("extract", "update", "build")


def saved_earlier(*paths: Path) -> None:
    """Date files a second back, as saved by someone a moment before a run (a run trusts the
    signature of a file only when it is older than the run by a clock tick)."""
    moment = time.time_ns() - 1_000_000_000
    for path in paths:
        os.utime(path, ns=(moment, moment))


@pytest.fixture
def built(make_project: Callable[..., Path]) -> Path:
    """A project with one translated explainer, extracted, updated and built."""
    root = make_project({"x.txt": SOURCE}, 'languages = ["en", "uk"]\n')
    saved_earlier(root / "source/x.txt")
    assert run(root, "extract").exit_code == 0
    assert run(root, "update").exit_code == 0
    translate(root / "locales/en/LC_MESSAGES/x.po", {Q1: "What next?", P1: "Talks go on."})
    translate(root / "locales/uk/LC_MESSAGES/x.po", {Q1: "Що далі?", P1: "Переговори тривають."})
    saved_earlier(*(root / "locales").glob("*/LC_MESSAGES/x.po"))
    assert run(root, "update").exit_code == 0
    assert run(root, "build").exit_code == 0
    return root


def _looks_unchanged(root: Path, kind: str) -> bool:
    """Whether a run of ``kind`` ends on the quick answer: it never reads its state, writes
    nothing and counts every job as unchanged."""
    project = open_project(root)
    runs = {"extract": extract_project, "update": update_project}
    before = snapshot(root)
    with pytest.MonkeyPatch.context() as patch:
        for module in (workflow, updating, publish):
            patch.setattr(module, "load_state", _state_read)
        try:
            if kind == "build":
                report = build_project(project)
                skipped, wrote = report.unchanged, report.written
            else:
                outcome = runs[kind](project)
                skipped, wrote = outcome.skipped, outcome.changed
        except _StateRead:
            return False
    assert snapshot(root) == before and not wrote
    return skipped > 0


class _StateRead(Exception):
    """Raised when a run reads its state, i.e. went the ordinary way."""


def _state_read(*_: object) -> None:
    raise _StateRead


def test_a_finished_pipeline_leaves_quick_files_and_reruns_end_early(built: Path) -> None:
    """After complete runs each command's rerun ends at once and changes no byte."""
    for kind in KINDS:
        assert (built / ".explainer-i18n" / f"{kind}.quick.json").is_file()
        assert _looks_unchanged(built, kind)


def test_a_touched_file_sends_the_run_the_ordinary_way(built: Path) -> None:
    """A catalog whose mtime moved makes update look at its jobs (and find nothing to do)."""
    path = built / "locales/en/LC_MESSAGES/x.po"
    saved_earlier(path)
    assert not _looks_unchanged(built, "update")
    assert run(built, "update").exit_code == 0
    assert _looks_unchanged(built, "update")


def _same_size_edit(built: Path) -> os.stat_result:
    """Change one letter of the source (the size stays); the source's stat before the edit."""
    source = built / "source/x.txt"
    before = source.stat()
    source.write_text(SOURCE.replace("weiter", "waiter"), encoding="utf-8")
    assert source.stat().st_size == before.st_size
    return before


def test_a_source_edit_of_the_same_size_is_seen(built: Path) -> None:
    """A one-letter edit of a source (same size, a later mtime) turns the quick answer to no,
    and extract reads the source and writes the template again."""
    before = _same_size_edit(built)
    # A second later, as a save that is not in the same clock tick as the last run's read.
    later = before.st_mtime_ns + 1_000_000_000
    os.utime(built / "source/x.txt", ns=(before.st_atime_ns, later))
    assert not _looks_unchanged(built, "extract")
    assert run(built, "extract").exit_code == 0
    assert "waiter" in (built / "locales/templates/x.pot").read_text(encoding="utf-8")


def test_an_edit_keeping_size_and_mtime_is_missed_until_touched(built: Path) -> None:
    """The stat contract's limit: a same-size edit whose mtime is put back by hand (os.utime)
    to one older than the last run is taken as unchanged by the quick path and by the state
    alike, as by make and git; touching the file makes the next run see it."""
    before = _same_size_edit(built)
    source = built / "source/x.txt"
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    template = built / "locales/templates/x.pot"
    assert _looks_unchanged(built, "extract")
    (built / ".explainer-i18n" / "extract.quick.json").unlink()
    assert run(built, "extract").exit_code == 0
    assert "waiter" not in template.read_text(encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert run(built, "extract").exit_code == 0
    assert "waiter" in template.read_text(encoding="utf-8")


def test_a_deleted_edition_is_written_again(built: Path) -> None:
    """An edition removed by hand is rebuilt on the next run."""
    (built / "build/uk/x.html").unlink()
    assert run(built, "build").exit_code == 0
    assert (built / "build/uk/x.html").is_file()


def test_a_translator_edit_is_seen_by_build(built: Path) -> None:
    """A changed translation reaches the editions."""
    po = built / "locales/en/LC_MESSAGES/x.po"
    po.write_text(po.read_text(encoding="utf-8").replace("What next?", "What now?"), "utf-8")
    assert run(built, "build").exit_code == 0
    assert "What now?" in (built / "build/en/x.txt").read_text(encoding="utf-8")


def test_settings_change_sends_runs_down_the_ordinary_path(built: Path) -> None:
    """Editing the settings file, even to the same meaning, turns the fast path off."""
    key = extract_project(open_project(built)).key
    assert quick.unchanged(built, "extract", key, ["extract:x"], quick.settings_lines(built))
    config = built / "explainer-i18n.toml"
    config.write_text('languages = ["en", "uk"]  # two\n', encoding="utf-8")
    assert not quick.unchanged(built, "extract", key, ["extract:x"], quick.settings_lines(built))


def test_quick_answer_depends_on_every_recorded_file(built: Path) -> None:
    """Each file the jobs depend on, touched alone, makes the quick answer no."""
    project = open_project(built)
    key = update_project(project).key
    names = ["update:en:x", "update:uk:x"]
    settings = quick.settings_lines(built, "locales/glossary.csv")  # as update watches it
    assert quick.unchanged(built, "update", key, names, settings)
    assert not quick.unchanged(built, "update", key, names[:1], settings)
    assert not quick.unchanged(built, "update", key + "0", names, settings)
    assert not quick.unchanged(built, "update", key, names, [*settings, "other"])
    for rel in ("locales/templates/x.pot", "locales/uk/LC_MESSAGES/x.po"):
        path = built / rel
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert not quick.unchanged(built, "update", key, names, settings), rel
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert quick.unchanged(built, "update", key, names, settings)


def test_blocked_build_keeps_no_quick_file(built: Path) -> None:
    """When an edition is blocked, the next build looks at every job again."""
    po = built / "locales/uk/LC_MESSAGES/x.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Що далі?", ""), "utf-8")
    assert run(built, "build").exit_code == 1
    assert not (built / ".explainer-i18n" / "build.quick.json").exists()
    assert run(built, "build").exit_code == 1


def test_a_new_source_is_extracted(built: Path) -> None:
    """A source added after a finished run is extracted by the next one."""
    (built / "source/y.txt").write_text(SOURCE, encoding="utf-8")
    assert run(built, "extract").exit_code == 0
    assert (built / "locales/templates/y.pot").is_file()


def test_a_state_folder_linked_elsewhere_is_still_refused(built: Path, tmp_path: Path) -> None:
    """The fast path never hides the refusal of a state folder that points outside."""
    elsewhere = tmp_path / "elsewhere"
    (built / ".explainer-i18n").rename(elsewhere)
    (built / ".explainer-i18n").symlink_to(elsewhere)
    result = run(built, "update")
    assert result.exit_code == 2 and "points outside the project" in result.output


@pytest.mark.parametrize("kind", KINDS)
def test_leftovers_of_a_killed_run_are_swept_by_the_next(built: Path, kind: str) -> None:
    """A temporary file left beside an output changes its folder, so the next run sweeps it."""
    folder = {"extract": "locales/templates", "update": "locales/uk/LC_MESSAGES"}
    left = built / folder.get(kind, "build/uk") / ".x.out.4242-0badcafe.tmp"
    left.write_bytes(b"half a file")
    other = built / "locales/templates/.notes.txt"  # not ours: stays
    other.write_bytes(b"a translator's file")
    assert run(built, kind).exit_code == 0
    assert not left.exists() and other.exists()


def test_a_copied_project_keeps_its_quick_answers(built: Path, tmp_path: Path) -> None:
    """A copy that keeps sizes and mtimes (cp -a, a restored cache) still reruns at once."""
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(built), str(copy)], check=True)
    for kind in KINDS:
        assert _looks_unchanged(copy, kind), kind


def test_a_glossary_added_after_a_finished_update_is_used(built: Path) -> None:
    """A glossary that did not exist at the last update makes the next one write its notes."""
    assert _looks_unchanged(built, "update")
    (built / "locales/glossary.csv").write_text(
        "concept_id,lang,term,status\ntalks,de,Gespräche,preferred\ntalks,en,talks,preferred\n",
        encoding="utf-8",
    )
    assert run(built, "update").exit_code == 0
    notes = (built / "locales/en/LC_MESSAGES/x.po").read_text(encoding="utf-8")
    assert "#. glossary: Gespräche → talks" in notes


def test_an_edit_in_the_clock_tick_of_the_last_read_is_seen(built: Path) -> None:
    """A source saved twice within one clock tick (same size, same mtime), the first version
    read by a run in between, is still seen: a file that recent at the start of a run is
    compared by content next time, and no quick answer is left to skip that."""
    source = built / "source/x.txt"
    template = built / "locales/templates/x.pot"
    source.write_text(SOURCE.replace("weiter", "wieder"), encoding="utf-8")
    first = source.stat()
    assert run(built, "extract").exit_code == 0
    assert "wieder" in template.read_text(encoding="utf-8")
    assert not (built / ".explainer-i18n" / "extract.quick.json").exists()
    source.write_text(SOURCE.replace("weiter", "waiter"), encoding="utf-8")
    os.utime(source, ns=(first.st_atime_ns, first.st_mtime_ns))  # the same tick
    assert source.stat().st_size == first.st_size
    assert run(built, "extract").exit_code == 0
    assert "waiter" in template.read_text(encoding="utf-8")
