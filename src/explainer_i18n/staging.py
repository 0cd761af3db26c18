"""A run's writes: held until every job has succeeded, then put in place one file at a time.

Each file is replaced atomically, so a reader (or a killed run) sees the old file or the new,
never a mix. Writes that replace a file wait in memory up to a budget; new files, and what
exceeds the budget, wait in temporary files beside their targets. Held writes go in place
through one spare file per folder, swapped with each target (``renameat2(RENAME_EXCHANGE)``):
the spare then holds the old bytes and is overwritten with the next file's. A run therefore
creates and deletes one file per folder instead of one per file it writes; on ext4 without a
journal each new file must skip the inodes deleted in the last minutes, which made creating
them the largest cost of an update.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from explainer_i18n.errors import InputError
from explainer_i18n.fsio import mode_of, new_run_id, read_regular, write_beside, write_new

MEMORY_BUDGET = 64 << 20
"""Bytes of a run's writes held in memory; the rest wait in temporary files."""

TEMPORARY = re.compile(r"\..+\.\d+-[0-9a-f]{8}\.tmp")
"""The name of a temporary file of ours: ``.NAME.<pid>-<8 hex digits>.tmp``."""


@dataclass(frozen=True)
class Pending:
    """A file a run will write: its bytes held in memory, or waiting in ``temp``."""

    target: Path
    data: bytes | None = None
    temp: Path | None = None


@dataclass(frozen=True)
class Staging:
    """How a run stages: its id (part of its temporary files' names) and its memory per job."""

    run: str
    per_job: int

    def allowance(self, jobs: int) -> Allowance:
        """What a chunk of ``jobs`` jobs may hold in memory."""
        return Allowance(self.run, self.per_job * jobs)


def new_staging(jobs: int) -> Staging:
    """The staging of a run of ``jobs`` jobs, which share the memory budget."""
    return Staging(new_run_id(), MEMORY_BUDGET // max(1, jobs))


@dataclass
class Allowance:
    """The memory a chunk of jobs has left for its writes."""

    run: str
    left: int

    def stage(
        self, path: Path, data: bytes, display: str, *, differs: bool = False
    ) -> Pending | None:
        """``data`` to be written to ``path``, or None when the file holds it already
        (``differs``: the caller has compared them, so the file is not read again).

        A file that does not exist yet needs a new file anyway, so it is written beside its
        target at once (by the worker, in parallel), as is what exceeds the memory allowance."""
        try:
            if not differs and read_regular(path) == data:
                return None
            exists = not differs or os.path.lexists(path)
        except FileNotFoundError:
            exists = False
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", display) from None
        if exists and len(data) <= self.left:
            self.left -= len(data)
            return Pending(path, data=data)
        try:
            return Pending(path, temp=write_beside(path, data, self.run))
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror or error}", display) from None


def commit(pending: list[Pending], run: str, display: Callable[[Path], str]) -> None:
    """Put every pending file in place. The spares are made first, in every folder, so a
    folder that cannot be written stops the run before any file has changed."""
    spares = _Spares(run)
    try:
        spares.prepare([p.target for p in pending if p.data is not None], display)
        for item in pending:
            try:
                if item.temp is not None:
                    item.temp.replace(item.target)
                elif item.data is not None:
                    spares.put(item.target, item.data)
            except OSError as error:
                message = f"cannot write: {error.strerror or error}"
                raise InputError(message, display(item.target)) from None
    finally:
        spares.remove()


def spare_for(folder: Path, run: str) -> Path:
    """The name of a run's spare in a folder: ``.staging.<run>.tmp``, a temporary file of ours
    (so the sweep removes one that a killed run left)."""
    return folder / f".staging.{run}.tmp"


class _Spares:
    """One spare file per folder, swapped with each target written there."""

    def __init__(self, run: str) -> None:
        self.run = run
        self.spares: dict[Path, Path] = {}

    def prepare(self, targets: list[Path], display: Callable[[Path], str]) -> None:
        """Make a spare (and the folder when missing) in each folder of ``targets``; an error
        names the first target in the folder."""
        first: dict[Path, Path] = {}
        for target in targets:
            first.setdefault(target.parent, target)
        for target in first.values():
            spare = spare_for(target.parent, self.run)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_new(spare, b"", 0o600)
            except OSError as error:
                message = f"cannot write: {error.strerror or error}"
                raise InputError(message, display(target)) from None
            self.spares[target.parent] = spare

    def put(self, target: Path, data: bytes) -> None:
        """Replace ``target`` with ``data`` through its folder's spare."""
        folder = target.parent
        spare = self.spares.get(folder) or spare_for(folder, self.run)
        try:
            info: os.stat_result | None = target.lstat()
        except FileNotFoundError:
            info = None
        _refill(spare, data, stat.S_IMODE(info.st_mode) if info else mode_of(target))
        if info is not None and stat.S_ISREG(info.st_mode) and _exchange(spare, target, info):
            self.spares[folder] = spare  # it now holds the old file, to be overwritten next
            return
        spare.replace(target)
        self.spares.pop(folder, None)

    def remove(self) -> None:
        """Delete the spares (they hold old files or nothing)."""
        for spare in self.spares.values():
            with contextlib.suppress(OSError):
                spare.unlink()
        self.spares.clear()


def _refill(spare: Path, data: bytes, mode: int) -> None:
    """Overwrite the spare with ``data``; a spare that is not a plain file of its own (it
    took the place of a hard-linked target) is left alone and a new one is made."""
    try:
        handle = os.open(spare, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        handle = -1
    if handle >= 0:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            os.close(handle)
            handle = -1
    if handle < 0:
        with contextlib.suppress(FileNotFoundError):
            spare.unlink()
        write_new(spare, data, mode)
        return
    try:
        # Written over, then cut to length: ext4 flushes a file truncated to zero when it is
        # closed (its guard for truncate-and-rewrite), which would cost a disk write per file.
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        os.ftruncate(handle, len(data))
        os.fchmod(handle, mode)
    finally:
        os.close(handle)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _load_renameat2() -> Callable[..., int] | None:
    """glibc's renameat2, or None where the C library has none."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()
_NO_EXCHANGE: set[int] = set()
"""The devices (file systems) that refused an exchange: plain renames there from then on."""


def _exchange(spare: Path, target: Path, info: os.stat_result) -> bool:
    """Swap two files atomically; False when the system or the target's file system (``info``
    is the target's) cannot, and the caller renames instead."""
    if _renameat2 is None or info.st_dev in _NO_EXCHANGE:
        return False
    done = _renameat2(
        _AT_FDCWD, os.fsencode(spare), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOENT):
        if code != errno.ENOENT:
            _NO_EXCHANGE.add(info.st_dev)
        return False
    raise OSError(code, os.strerror(code), str(target))


def sweep(folders: list[Path], run: str | None = None) -> None:
    """Remove the temporary files of one run (``run``: it failed), or of every run: those that
    killed or interrupted runs left, which only a run holding the project lock may do, since
    then no other run is writing."""
    ours = re.compile(rf"\..+\.{re.escape(run)}\.tmp") if run else TEMPORARY
    for folder in folders:
        for parent, _, names in os.walk(folder):  # links to folders are not followed
            for name in names:
                if name.startswith(".") and ours.fullmatch(name):
                    with contextlib.suppress(OSError):
                        Path(parent, name).unlink()
