"""Time commands as child processes: wall time, peak memory, timeouts, medians over fresh copies."""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

TIME = "/usr/bin/time"
Command = Sequence[str]
Steps = Sequence[Command]
"""Commands run one after another on the same copy; their times add up."""


@dataclass
class Run:
    """One timed run of one or more commands."""

    seconds: float
    peak_mb: float
    """Largest resident set of any process of the run (ru_maxrss of the waited children)."""
    steps: list[float] = field(default_factory=list)
    returncodes: list[int] = field(default_factory=list)


@dataclass
class Measurement:
    """Median wall time over the runs, the largest peak memory, and how it went."""

    status: str = "ok"
    """``ok``, ``dnf`` (timed out), ``error`` (failed) or ``skipped``."""
    seconds: float | None = None
    peak_mb: float | None = None
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    def as_json(self) -> dict[str, object]:
        """A plain dict for the results file."""
        return asdict(self)


def run_once(
    command: Command, cwd: Path, env: dict[str, str], timeout: float, log: Path
) -> tuple[float, float, int]:
    """Run one command; return wall seconds, peak RSS in MB and the exit code (-9: timed out).

    The command runs in its own session so that a timeout kills it with all its children.
    It runs under /usr/bin/time, which reports the peak RSS of the command and of every
    descendant it waited for: reading ru_maxrss here instead would count this interpreter's
    own memory, which a forked child inherits until it execs."""
    peak_file = log.with_name(f"{log.name}.peak")
    with log.open("ab") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            [TIME, "-f", "%M", "-o", str(peak_file), *command],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            os.killpg(process.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    code = -9 if expired.is_set() else process.returncode
    return wall, _peak_mb(peak_file, usage.ru_maxrss), code


def _peak_mb(peak_file: Path, fallback_kb: int) -> float:
    """The peak RSS /usr/bin/time wrote (kB), else the wait4 figure."""
    try:
        lines = peak_file.read_text(encoding="utf-8").split()
        peak_file.unlink()
        return int(lines[-1]) / 1024.0
    except (OSError, ValueError, IndexError):
        return fallback_kb / 1024.0


def run_steps(
    steps: Steps, cwd: Path, env: dict[str, str], timeout: float, log: Path, ok: set[int]
) -> tuple[Run, str]:
    """Run the steps in order on one copy; return the run and a status."""
    run = Run(0.0, 0.0)
    for command in steps:
        wall, peak, code = run_once(command, cwd, env, timeout - run.seconds, log)
        run.seconds += wall
        run.peak_mb = max(run.peak_mb, peak)
        run.steps.append(round(wall, 4))
        run.returncodes.append(code)
        if code == -9:
            return run, "dnf"
        if code not in ok:
            return run, "error"
    return run, "ok"


def fresh_copy(base: Path, scratch: Path) -> Path:
    """A copy of a prepared project to run on (cp -a keeps times and is fast)."""
    target = Path(tempfile.mkdtemp(dir=scratch, prefix="run-"))
    target.rmdir()
    subprocess.run(["cp", "-a", str(base), str(target)], check=True)
    return target


def measure(
    base: Path,
    steps_for: Callable[[Path], Steps],
    *,
    env: dict[str, str],
    repeat: int,
    timeout: float,
    scratch: Path,
    ok: Sequence[int] = (0,),
    prepare: Callable[[Path], None] | None = None,
    keep: Callable[[Path], None] | None = None,
) -> Measurement:
    """Median over ``repeat`` runs, each on a fresh copy of ``base``.

    ``prepare`` runs untimed on each copy before the timed steps; ``keep`` sees the copy after
    the first run (to keep its output for a quality check). A run that times out or fails ends
    the measurement."""
    result = Measurement()
    log = scratch / "commands.log"
    for number in range(repeat):
        copy = fresh_copy(base, scratch)
        try:
            if prepare is not None:
                prepare(copy)
            run, status = run_steps(steps_for(copy), copy, env, timeout, log, set(ok))
            result.runs.append(run)
            if status != "ok":
                result.status = status
                result.note = (
                    _tail(log) if status == "error" else f"no result within {timeout:.0f} s"
                )
                break
            if number == 0 and keep is not None:
                keep(copy)
        finally:
            shutil.rmtree(copy, ignore_errors=True)
    if result.status == "ok" and result.runs:
        result.seconds = statistics.median(r.seconds for r in result.runs)
        result.peak_mb = max(r.peak_mb for r in result.runs)
    return result


def _tail(log: Path, size: int = 1500) -> str:
    data = log.read_bytes()[-size:]
    return data.decode("utf-8", errors="replace")
