"""Remember what each job last read and wrote, so a rerun touches only what changed.

A job (extract one source, update one catalog, build one edition set, check one catalog) is
skipped when its settings are the same as last time, every input has the same content, and
every output is still the file it wrote. Content is compared by hash; a file whose size and
mtime (in nanoseconds) are unchanged is taken as unchanged without reading it, as make and git
(with ``core.checkStat=minimal``) do. The inode is left out: a copied project or a restored CI
cache (``cp -a``, tar) keeps sizes and mtimes but not inodes.

File times come from a coarse clock, so an edit within one clock tick of an earlier one can
keep the size and the mtime. A signature is therefore trusted only when the file's mtime is at
least a tick older than the moment its content was known (git's "racy clean" rule): for what a
run read, the moment the run started; for what it wrote, the moment after its writes (it waits
a tick first). A file edited during a run, or just before it, is compared by content next time.
The state lives in ``.explainer-i18n/<command>.json``; losing it costs one full run, nothing else."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from explainer_i18n import __version__
from explainer_i18n.errors import InputError
from explainer_i18n.fsio import read_regular, write_atomic

STATE_DIR = ".explainer-i18n"
_FORMAT = 3

TICK_NS = 20_000_000
"""How far apart two edits of a file must be to get different mtimes, with room to spare:
Linux stamps files from a clock that moves in steps of 1 to 10 ms."""
COARSE_TICK_NS = 2_000_000_000
"""The same for file systems that keep whole seconds (FAT keeps even ones)."""

Signature = tuple[int, int]
"""A file's size and mtime in nanoseconds."""


def _whole_seconds(mtime_ns: int) -> bool:
    """Whether an mtime looks like one from a file system that keeps whole seconds."""
    return mtime_ns % 1_000_000_000 == 0


def trusted(sig: Signature, moment_ns: int) -> Signature | None:
    """The signature, if any edit of the file after ``moment_ns`` must change its mtime (the
    mtime is at least a clock tick older than that moment); None when only the content can
    tell next time."""
    tick = COARSE_TICK_NS if _whole_seconds(sig[1]) else TICK_NS
    return sig if sig[1] < moment_ns - tick else None


def wait_for_clock(paths: list[Path]) -> frozenset[Path]:
    """After writing ``paths``: wait a clock tick, so that any later edit of them changes their
    mtime, and answer the paths whose signatures may be trusted (none where file times keep
    whole seconds: that wait would be too long, so they are compared by content next time).
    One file tells whether to wait; ``memo_files`` still looks at each file's own mtime."""
    sig = signature(paths[-1]) if paths else None
    if sig is None or _whole_seconds(sig[1]):
        return frozenset()
    time.sleep(TICK_NS / 1e9)
    return frozenset(paths)


def signature(path: Path) -> Signature | None:
    """The file's stat signature, or None when it does not exist."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def digest(data: bytes) -> str:
    """A short content hash."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass
class FileMemo:
    """What a file was when a job last saw it."""

    sig: Signature | None
    """None when it was not settled (see ``trusted``): the content is compared next time."""
    hash: str


@dataclass
class JobMemo:
    """One job's settings key, inputs, outputs and a small result to replay."""

    key: str
    files: dict[str, FileMemo]
    result: object = None


@dataclass
class State:
    """Every job's memo, by job name (``extract:<slug>``, ``update:<lang>:<slug>``...)."""

    root: Path
    kind: str
    """Which command's jobs: each command keeps its own file and reads no other."""
    jobs: dict[str, JobMemo] = field(default_factory=dict)
    dirty: bool = False
    since_ns: int = field(default_factory=time.time_ns)
    """When the run began (before it read any file): files older than that by a clock tick
    cannot have changed unseen while it read them."""

    def fresh(self, name: str, key: str, files: list[Path]) -> JobMemo | None:
        """The job's memo if nothing it depends on changed since, else None."""
        memo = self.jobs.get(name)
        if memo is None or memo.key != key or len(memo.files) != len(files):
            return None
        for path in files:
            seen = memo.files.get(self._rel(path))
            if seen is None or not self._same(path, seen):
                return None
        return memo

    def record(
        self, name: str, key: str, files: dict[str, FileMemo], result: object = None
    ) -> None:
        """Remember a job's files (from ``memo_files``) after it ran."""
        self.jobs[name] = JobMemo(key, files, result)
        self.dirty = True

    def forget(self, name: str) -> None:
        """Drop a job's memo (it failed or was blocked)."""
        if self.jobs.pop(name, None) is not None:
            self.dirty = True

    def _rel(self, path: Path) -> str:
        return relative(self.root, path)

    def _same(self, path: Path, seen: FileMemo) -> bool:
        """Whether the file still has the content the job saw."""
        sig = signature(path)
        if sig is None:
            return False
        if seen.sig is not None and tuple(sig) == tuple(seen.sig):
            return True
        try:
            data = read_regular(path)
        except OSError:
            return False
        same = data is not None and digest(data) == seen.hash
        if same:
            seen.sig = trusted(sig, self.since_ns)
            self.dirty = True
        return same


def relative(root: Path, path: Path) -> str:
    """A path relative to the project root, as the state names files."""
    # Paths are built under the root, so a prefix test is enough and much faster than relpath,
    # which a 5,000-explainer project calls tens of thousands of times per run.
    text, base = str(path), str(root)
    if text.startswith(base + os.sep):
        return text[len(base) + 1 :]
    return os.path.relpath(path, root)


def memo_files(
    root: Path,
    files: list[Path],
    hashes: dict[Path, str],
    since_ns: int,
    written: frozenset[Path] = frozenset(),
) -> dict[str, FileMemo]:
    """What the files are now, for ``State.record``; ``hashes`` saves rereading known content,
    and a file many jobs share (the glossary) is read once while its signature holds. The
    signatures of files older than ``since_ns`` by a tick, and of the files the run ``written``
    (it has waited a tick since), are trusted next time."""
    memos = {}
    for path in files:
        sig = signature(path)
        if sig is None:
            continue
        known = hashes.get(path) or _SHARED_HASHES.get((path, sig))
        if known is None:
            data = read_regular(path)
            if data is None:
                continue
            known = _SHARED_HASHES[(path, sig)] = digest(data)
        settled = path in written and not _whole_seconds(sig[1])
        memos[relative(root, path)] = FileMemo(sig if settled else trusted(sig, since_ns), known)
    return memos


_SHARED_HASHES: dict[tuple[Path, Signature], str] = {}


def job_key(*parts: object) -> str:
    """A settings key for a job: the tool version and whatever else shapes its output."""
    return digest(json.dumps([__version__, *parts], sort_keys=True, default=str).encode("utf-8"))


def _file(kind: str) -> str:
    return f"{kind}.json"


def load_state(root: Path, kind: str) -> State:
    """The project's state, or an empty one when it is missing or unreadable."""
    folder = root / STATE_DIR
    if folder.is_symlink() or (
        folder.exists() and not folder.resolve().is_relative_to(root.resolve())
    ):
        raise InputError("points outside the project; refusing to write through it", STATE_DIR)
    path = folder / _file(kind)
    state = State(root, kind)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT:
            return state
        for name, job in data["jobs"].items():
            files = {
                rel: FileMemo(None if f[0] is None else tuple(f[0]), f[1])
                for rel, f in job["files"].items()
            }
            state.jobs[name] = JobMemo(job["key"], files, job.get("result"))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return State(root, kind)
    return state


def save_state(state: State) -> None:
    """Write the state if it changed; a failure to write it is not an error worth stopping for."""
    if not state.dirty:
        return
    jobs = {
        name: {
            "key": job.key,
            "files": {
                rel: [None if f.sig is None else list(f.sig), f.hash]
                for rel, f in sorted(job.files.items())
            },
            "result": job.result,
        }
        for name, job in sorted(state.jobs.items())
    }
    data = json.dumps({"format": _FORMAT, "jobs": jobs}, separators=(",", ":"))
    with contextlib.suppress(Exception):
        name = _file(state.kind)
        write_atomic(state.root / STATE_DIR / name, data.encode("utf-8"), name)
    state.dirty = False
