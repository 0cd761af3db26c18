"""Run the benchmark suite: our pipeline and the peers on generated corpora, results to
benchmarks/results/ (JSON per run, latest.md, time_per_explainer.png).

    python benchmarks/run.py --sizes 100,1000 --repeat 3
    python benchmarks/run.py --sizes 5000 --no-peers
    python benchmarks/run.py --quick
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from bench_prepare import SNAPSHOT_VAR  # noqa: E402

SCENARIOS = ("cold", "noop", "edit10", "noop_update", "check", "build", "status", "po4a",
             "edits", "check10k")  # fmt: skip


def snapshot_and_reexec(workdir: Path) -> None:
    """Copy the tool's sources aside and restart with them first on the path, so that edits to
    the working tree during a long run cannot change what is measured halfway."""
    if os.environ.get(SNAPSHOT_VAR):
        return
    digest = hashlib.sha256()
    for path in sorted((REPO / "src").rglob("*.py")):
        digest.update(str(path.relative_to(REPO)).encode() + path.read_bytes())
    target = workdir / f"src-{digest.hexdigest()[:12]}"
    if not target.exists():
        temporary = workdir / f".src-{os.getpid()}"
        shutil.copytree(REPO / "src", temporary, ignore=shutil.ignore_patterns("__pycache__"))
        # An installed package has its bytecode compiled; without it every run would compile
        # the tool again (the environment may set PYTHONDONTWRITEBYTECODE).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(temporary)], check=True)
        temporary.rename(target)
    env = dict(os.environ, **{SNAPSHOT_VAR: str(target)})
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(target), str(HERE), env.get("PYTHONPATH")])
    )
    os.execve(sys.executable, [sys.executable, *sys.argv], env)


@dataclass(frozen=True)
class Options:
    """What to run and how hard."""

    sizes: tuple[int, ...]
    repeat: int
    peer_repeat: int
    scenarios: tuple[str, ...]
    peers: bool
    timeout: float
    peer_timeout: float
    workdir: Path
    edits: int
    check_entries: int
    quick: bool


def parse(argv: list[str] | None) -> tuple[Options, str]:
    """Options from the command line, and the results file's name."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="100,1000", help="explainers per corpus, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--peer-repeat", type=int, help="runs per peer measurement (default: --repeat)"
    )
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated")
    parser.add_argument("--peers", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per run of ours")
    parser.add_argument("--peer-timeout", type=float, default=300.0, help="seconds per peer run")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/explainer-bench"))
    parser.add_argument("--edits", type=int, default=20, help="edits per carry-over scenario")
    parser.add_argument("--check-entries", type=int, default=10_000)
    parser.add_argument("--name", help="results file name (default: date and sizes)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 20 explainers, 1 run")
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(",") if s)
    if args.quick:
        sizes, args.repeat, args.edits, args.check_entries = (20,), 1, 5, 600
    unknown = set(args.scenarios.split(",")) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    options = Options(
        sizes=sizes,
        repeat=args.repeat,
        peer_repeat=args.peer_repeat or args.repeat,
        scenarios=tuple(s for s in SCENARIOS if s in args.scenarios.split(",")),
        peers=args.peers,
        timeout=args.timeout,
        peer_timeout=args.peer_timeout,
        workdir=args.workdir,
        edits=args.edits,
        check_entries=args.check_entries,
        quick=args.quick,
    )
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M")
    name = args.name or f"{stamp}-{'quick' if args.quick else '-'.join(map(str, sizes))}"
    return options, name


def meta(options: Options, tools_versions: dict[str, str]) -> dict[str, object]:
    """Where and on what the run happened."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    return {
        "started": datetime.datetime.now().isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_src": bool(git("status", "--porcelain", "--", "src")),
        "source_snapshot": os.environ.get(SNAPSHOT_VAR, ""),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "sizes": list(options.sizes),
        "repeat": options.repeat,
        "peer_repeat": options.peer_repeat,
        "peer_timeout_s": options.peer_timeout,
        "versions": tools_versions,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the chosen scenarios at every size, then write the results and the report."""
    options, name = parse(argv)
    options.workdir.mkdir(parents=True, exist_ok=True)
    snapshot_and_reexec(options.workdir)
    from bench_report import write_report
    from bench_scenarios import run_check10k, run_edit_quality, run_size, tools_from_env
    from bench_tools import versions

    tools = tools_from_env(Path(os.environ[SNAPSHOT_VAR]))
    results: dict[str, object] = {"meta": meta(options, versions(tools)), "sizes": {}}
    began = time.perf_counter()
    for size in options.sizes:
        print(f"== {size} explainers", flush=True)
        results["sizes"][str(size)] = run_size(size, options, tools)  # type: ignore[index]
    if "edits" in options.scenarios:
        print("== carry-over after edits", flush=True)
        results["edits"] = run_edit_quality(options, tools)
    if "check10k" in options.scenarios:
        print(f"== check over {options.check_entries} entries", flush=True)
        results["check10k"] = run_check10k(options, tools)
    results["meta"]["elapsed_s"] = round(time.perf_counter() - began, 1)  # type: ignore[index]
    results["meta"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]  # type: ignore[index]
    # A smoke run must not mix its toy figures into the real results.
    folder = options.workdir / "results" if options.quick else HERE / "results"
    path = write_report(results, name, folder)
    print(f"wrote {path} and {folder / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
