"""Reading and writing project files safely: regular files only, atomic replace, a project lock."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from explainer_i18n.errors import InputError, LockError

LOCK_FILE = ".explainer-i18n.lock"
_HELD: set[int] = set()
"""Descriptors of the project locks this process holds."""


def read_bytes(path: Path, display: str) -> bytes:
    """Read a whole file, turning OS errors into a one-line InputError naming it."""
    try:
        data = read_regular(path)
    except IsADirectoryError:
        raise InputError("is a folder, expected a file", display) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", display) from None
    if data is None:
        raise InputError("not a regular file (a pipe or a device), expected a file", display)
    return data


def read_regular(path: Path) -> bytes | None:
    """A regular file's bytes, or None for anything else without waiting on it: reading a
    named pipe nobody writes to would block forever, a device might never end."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(info.st_mode):
            return None
        # Plain reads on the descriptor: a buffered file object would add system calls
        # (isatty, seek) to each of the thousands of files a run reads.
        chunks = [os.read(handle, info.st_size + 1)]
        while chunks[-1]:
            chunks.append(os.read(handle, 1 << 20))
        return b"".join(chunks)
    finally:
        os.close(handle)


def write_atomic(path: Path, data: bytes, display: str) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new, never a mix."""
    try:
        temp = write_beside(path, data, new_run_id())
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}", display) from None
    try:
        temp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise InputError(f"cannot write: {error.strerror or error}", display) from None


def write_beside(path: Path, data: bytes, run: str) -> Path:
    """``data`` in a new temporary file ``.NAME.<run>.tmp`` beside ``path``, with its
    permissions; the folder is made when missing. No fsync: a rename gives readers the old or
    the new file when a process is killed, and an fsync per file would make a 15,000-catalog
    run wait on the disk."""
    temp = path.parent / f".{path.name}.{run}.tmp"
    try:
        write_new(temp, data, mode_of(path))
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new(temp, data, mode_of(path))
    return temp


def new_run_id() -> str:
    """A name part unique to this run, for its temporary files."""
    return f"{os.getpid()}-{os.urandom(4).hex()}"  # secrets would cost 5 ms of start-up


def mode_of(original: Path) -> int:
    """The permissions of the file being replaced, or a new file's under the umask."""
    try:
        return original.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_new(temp: Path, data: bytes, mode: int) -> None:
    """Create ``temp`` (never an existing file, never through a link) holding ``data``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    handle = os.open(temp, flags, 0o600)
    try:
        os.fchmod(handle, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    except BaseException:
        os.close(handle)
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    os.close(handle)


@contextlib.contextmanager
def project_lock(
    root: Path, timeout: float, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the project's lock so that two runs never interleave their writes."""
    path = root / LOCK_FILE
    try:
        # O_NOFOLLOW: a lock file that is a symbolic link (say, committed to the repository)
        # must not make us create a file wherever it points.
        handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        reason = "it is a symbolic link" if error.errno == errno.ELOOP else error.strerror
        raise InputError(f"cannot create the lock file: {reason}", LOCK_FILE) from None
    _HELD.add(handle)
    try:
        _acquire(handle, timeout, on_wait)
        yield
    finally:
        _HELD.discard(handle)
        os.close(handle)


def release_inherited_locks() -> None:
    """In a forked worker: close the lock's descriptor, so that the lock ends with the run that
    took it even if a worker outlives it."""
    for handle in list(_HELD):
        with contextlib.suppress(OSError):
            os.close(handle)
    _HELD.clear()


def _acquire(handle: int, timeout: float, on_wait: Callable[[str], None] | None) -> None:
    """Take the lock, waiting up to ``timeout`` seconds for another run to finish."""
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            raise LockError(
                f"another explainer-i18n run still holds the lock after {timeout:g} s; "
                "try again when it has finished",
                LOCK_FILE,
            )
        if not told and on_wait:  # after the deadline test: --lock-timeout 0 never waits
            on_wait("another explainer-i18n run holds the project lock; waiting for it")
            told = True
        time.sleep(0.05)
