"""Staged writes: held or on disk, put in place whole, with permissions and other links kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explainer_i18n import staging
from explainer_i18n.errors import InputError
from explainer_i18n.staging import (
    TEMPORARY,
    Pending,
    Staging,
    commit,
    new_staging,
    spare_for,
    sweep,
)


def _stage(allowance: staging.Allowance, files: dict[Path, bytes]) -> list[Pending]:
    staged = [allowance.stage(path, data, path.name) for path, data in files.items()]
    return [item for item in staged if item is not None]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


@pytest.fixture(params=[True, False], ids=["exchange", "rename"])
def exchange(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each test runs with swaps and, as on systems without them, with plain renames."""
    if not request.param:
        monkeypatch.setattr(staging, "_renameat2", None)
    return bool(request.param)


def test_held_writes_replace_files_and_keep_their_permissions(
    tmp_path: Path, exchange: bool
) -> None:
    """A file that is replaced is held in memory, a new one waits in a temporary file; both
    land whole, the replaced file keeps its mode, the new one gets the umask's, and no spare or
    temporary file remains."""
    old = tmp_path / "en" / "a.po"
    old.parent.mkdir()
    old.write_bytes(b"old a\n")
    old.chmod(0o640)
    files = {old: b"new a\n", tmp_path / "fr" / "b.po": b"new b\n", tmp_path / "en" / "c.po": b"c"}
    run = new_staging(3)
    pending = _stage(run.allowance(3), files)
    held = {item.target: item.data is not None and item.temp is None for item in pending}
    assert held == {old: True, tmp_path / "fr" / "b.po": False, tmp_path / "en" / "c.po": False}
    commit(pending, run.run, str)
    assert {p: p.read_bytes() for p in files} == files
    assert old.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "fr" / "b.po").stat().st_mode & 0o777 == 0o666 & ~umask
    assert _leftovers(tmp_path) == []


def test_unchanged_file_is_not_staged(tmp_path: Path) -> None:
    """A file that already holds the bytes is left alone (its mtime is kept)."""
    path = tmp_path / "a.po"
    path.write_bytes(b"same\n")
    assert new_staging(1).allowance(1).stage(path, b"same\n", "a.po") is None
    assert new_staging(1).allowance(1).stage(path, b"other\n", "a.po") is not None


def test_other_names_of_a_hard_linked_file_keep_the_old_bytes(
    tmp_path: Path, exchange: bool
) -> None:
    """A target with a second hard link is replaced, and the spare that then holds it is never
    overwritten: the other name still reads the old bytes after later writes in the folder."""
    first, second, elsewhere = tmp_path / "a.po", tmp_path / "b.po", tmp_path / "keep.po"
    first.write_bytes(b"old a\n")
    os.link(first, elsewhere)
    second.write_bytes(b"old b\n")
    run = new_staging(2)
    commit(_stage(run.allowance(2), {first: b"new a\n", second: b"new b\n"}), run.run, str)
    assert (first.read_bytes(), second.read_bytes()) == (b"new a\n", b"new b\n")
    assert elsewhere.read_bytes() == b"old a\n"
    assert _leftovers(tmp_path) == []


def test_writes_beyond_the_budget_wait_in_temporary_files(tmp_path: Path, exchange: bool) -> None:
    """Past the memory allowance, writes go to temporary files at once; all land at commit."""
    files = {tmp_path / f"{n}.po": bytes([65 + n]) * 10 for n in range(4)}
    for path in files:
        path.write_bytes(b"old")
    run = Staging("123-abcdef01", per_job=10)
    pending = _stage(run.allowance(2), files)  # room for two files of ten bytes
    assert [item.temp is None for item in pending] == [True, True, False, False]
    assert len(_leftovers(tmp_path)) == 2
    commit(pending, run.run, str)
    assert {p: p.read_bytes() for p in files} == files
    assert _leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_made_stops_the_run_before_any_change(tmp_path: Path) -> None:
    """Where one target's folder cannot be written, the error names that target and no other
    file has changed, even one in a folder that comes first."""
    first = tmp_path / "a" / "1.po"
    first.parent.mkdir()
    first.write_bytes(b"old\n")
    (tmp_path / "b").write_bytes(b"a file where a folder should be")
    blocked = tmp_path / "b" / "2.po"
    run = new_staging(2)
    pending = [Pending(first, data=b"new\n"), Pending(blocked, data=b"new\n")]
    with pytest.raises(InputError) as raised:
        commit(pending, run.run, lambda p: p.relative_to(tmp_path).as_posix())
    assert raised.value.path == "b/2.po"
    assert first.read_bytes() == b"old\n"
    assert _leftovers(tmp_path) == []


def test_a_linked_target_is_replaced_by_a_file_and_its_destination_kept(
    tmp_path: Path, exchange: bool
) -> None:
    """A target that is a symbolic link becomes a plain file; what it pointed to is untouched."""
    destination = tmp_path / "outside.po"
    destination.write_bytes(b"theirs\n")
    link = tmp_path / "en" / "a.po"
    link.parent.mkdir()
    link.symlink_to(destination)
    after = tmp_path / "en" / "b.po"
    run = new_staging(2)
    pending = [Pending(link, data=b"ours\n"), Pending(after, data=b"next\n")]
    commit(pending, run.run, str)
    assert not link.is_symlink() and link.read_bytes() == b"ours\n"
    assert after.read_bytes() == b"next\n"
    assert destination.read_bytes() == b"theirs\n"


def test_spares_and_temporary_files_are_named_for_the_sweep(tmp_path: Path) -> None:
    """A run killed mid-commit leaves a spare named like every temporary file of ours, so the
    next run's sweep removes it; files of other names stay."""
    run = new_staging(1)
    spare = spare_for(tmp_path, run.run)
    spare.write_bytes(b"")
    kept = tmp_path / ".notes.tmp"
    kept.write_bytes(b"")
    assert TEMPORARY.fullmatch(spare.name)
    sweep([tmp_path])
    assert not spare.exists() and kept.exists()


def test_a_file_system_that_refuses_exchanges_gets_plain_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the file system answers an exchange with EINVAL (as some network and FUSE file
    systems do), the file is renamed into place instead, and that file system is not asked
    again; every file still lands whole."""
    import ctypes
    import errno

    asked: list[str] = []

    def refuse(*args: object) -> int:
        asked.append(os.fsdecode(args[3]))  # type: ignore[arg-type]
        ctypes.set_errno(errno.EINVAL)
        return -1

    monkeypatch.setattr(staging, "_renameat2", refuse)
    monkeypatch.setattr(staging, "_NO_EXCHANGE", set())
    files = {tmp_path / f"{name}.po": f"new {name}\n".encode() for name in "abc"}
    for path in files:
        path.write_bytes(b"old\n")
    run = new_staging(1)
    commit(_stage(run.allowance(1), files), run.run, str)
    assert {p: p.read_bytes() for p in files} == files
    assert len(asked) == 1
    assert {tmp_path.stat().st_dev} == staging._NO_EXCHANGE
    assert _leftovers(tmp_path) == []
