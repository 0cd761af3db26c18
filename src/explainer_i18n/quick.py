"""Tell in one look that nothing changed since a command last finished every one of its jobs.

After a run in which every job is remembered in the state, the command writes a small file,
``.explainer-i18n/<command>.quick.json``: its settings key, a digest of its job names, and the
stat signatures (size and mtime) of every file those jobs read or wrote, as the jobs saw them,
the mtimes of the folders holding those files, and the signatures of the project's settings
files. A run that was
killed or failed created or removed temporary files in those folders, which changes their
signatures, so the run after it goes the ordinary way and sweeps them.

The next run lists its jobs' names, stats those files and folders and compares digests; when
all agree there is nothing to do, and the run ends before it builds its jobs or reads the larger
state. Any difference, or a missing or unreadable file, sends the run down the ordinary path,
which looks at each job on its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from explainer_i18n.fsio import write_atomic
from explainer_i18n.state import STATE_DIR, State

SETTINGS_FILES = ("explainer-i18n.toml", "pyproject.toml")
"""Project files whose change sends every command down the ordinary path."""


def settings_lines(root: Path, *also: str) -> list[str]:
    """The signatures of the settings files as the run starts (read before its settings are),
    and of ``also``: files a command reads when they exist (update's glossary), so that one
    appearing, changing or going away sends the next run the ordinary way."""
    lines = []
    for name in (*SETTINGS_FILES, *also):
        with contextlib.suppress(OSError):
            stat = (root / name).stat()
            lines.append(_line(name, stat.st_size, stat.st_mtime_ns))
    return lines


def unchanged(root: Path, kind: str, key: str, names: list[str], settings: list[str]) -> bool:
    """Whether the last run of this command finished every one of these jobs and no file they
    depend on, nor any settings file, has changed since."""
    if (root / STATE_DIR).is_symlink():
        return False  # the ordinary path refuses it with a clear message
    try:
        memo = json.loads(_path(root, kind).read_text(encoding="utf-8"))
        if memo["names"] != _digest([key, *names]):
            return False
        files = _stat_lines(root, [str(rel) for rel in memo["files"]])
        folders = _stat_lines(root, [str(rel) for rel in memo["folders"]], folders=True)
        if files is None or folders is None:
            return False
        return bool(_digest(files + folders + settings) == memo["stats"])
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remember(
    root: Path, state: State, kind: str, key: str, names: list[str], settings: list[str]
) -> None:
    """Write the quick file when every job is remembered under ``key`` (build: complete);
    otherwise remove it, so that the next run looks at each job again."""
    path = _path(root, kind)
    seen: dict[str, tuple[int, ...]] = {}
    for name in names:
        memo = state.jobs.get(name)
        if memo is None or memo.key != key or (kind == "build" and memo.result is not True):
            forget(root, kind)
            return
        if any(f.sig is None for f in memo.files.values()):
            forget(root, kind)  # a file to compare by content next time (see state.trusted)
            return
        seen.update((rel, tuple(f.sig)) for rel, f in memo.files.items() if f.sig)
    files = sorted(seen)
    folders = sorted({str(Path(rel).parent) for rel in files})
    now = _stat_lines(root, folders, folders=True)
    if now is None:
        return
    lines = [_line(rel, *seen[rel]) for rel in files] + now
    data = {
        "names": _digest([key, *names]),
        "files": files,
        "folders": folders,
        "stats": _digest(lines + settings),
    }
    with contextlib.suppress(Exception):
        write_atomic(path, json.dumps(data, separators=(",", ":")).encode("utf-8"), path.name)


def forget(root: Path, kind: str) -> None:
    """Remove the quick file: the next run looks at every job."""
    with contextlib.suppress(OSError):
        _path(root, kind).unlink()


def _path(root: Path, kind: str) -> Path:
    return root / STATE_DIR / f"{kind}.quick.json"


def _line(rel: str, *sig: int) -> str:
    return "\0".join([rel, *map(str, sig)])


def _stat_lines(root: Path, files: list[str], folders: bool = False) -> list[str] | None:
    """The files' signatures now (of folders, the mtime alone: a copied folder may take less
    room); None if one of them is missing."""
    base = str(root)
    lines = []
    for rel in files:
        try:
            # Plain strings: a Path per file would cost more than the stat on 80,000 files.
            stat = os.stat(os.path.join(base, rel))  # noqa: PTH116, PTH118
        except OSError:
            return None
        sig = (stat.st_mtime_ns,) if folders else (stat.st_size, stat.st_mtime_ns)
        lines.append(_line(rel, *sig))
    return lines


def _digest(lines: list[str]) -> str:
    return hashlib.blake2b("\n".join(lines).encode("utf-8"), digest_size=16).hexdigest()
