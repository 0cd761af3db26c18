"""Spread independent per-explainer jobs over the machine's cores."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from explainer_i18n.fsio import release_inherited_locks

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1
"""Linux prctl option: the signal a process gets when its parent dies."""
R = TypeVar("R")

SERIAL_BELOW = 48
"""Fewer jobs than this run in this process: starting workers would cost more than it saves."""


def workers() -> int:
    """How many processes to use: EXPLAINER_I18N_JOBS, else every core."""
    wanted = os.environ.get("EXPLAINER_I18N_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


Progress = Callable[[int, int], None]
"""Told (done, total) as chunks of jobs finish."""


def run_chunks(
    func: Callable[..., list[R]],
    project: Any,
    items: Sequence[T],
    *args: Any,
    progress: Progress | None = None,
) -> list[R]:
    """``func(project, chunk, *args)`` over chunks of ``items``, results in order.

    The first error raised by any chunk is raised here after the others are cancelled, so a
    caller that writes only after this returns writes nothing when any input is bad."""
    if not items:
        return []
    count = workers()
    parallel = len(items) >= SERIAL_BELOW and count > 1
    size = (
        max(8, len(items) // (count * 8) + 1)
        if parallel
        else max(SERIAL_BELOW, len(items) // 20 + 1)
    )
    chunks = [list(items[start : start + size]) for start in range(0, len(items), size)]
    results: list[R] = []
    if not parallel:
        for chunk in chunks:
            results.extend(func(project, chunk, *args))
            _tell(progress, len(results), len(items))
        return results
    with ProcessPoolExecutor(
        max_workers=count, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        futures = [pool.submit(func, project, chunk, *args) for chunk in chunks]
        try:
            for future in futures:
                results.extend(future.result())
                _tell(progress, len(results), len(items))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return results


def _start_worker(parent: int) -> None:
    """Set a worker up: it must not keep the project lock, nor outlive the run that forked it
    (``parent``). A run killed before the death signal was asked for sends none, so the worker
    then looks whether its parent is still the run."""
    release_inherited_locks()
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
