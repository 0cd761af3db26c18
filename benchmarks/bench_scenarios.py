"""The scenarios: what is run on which prepared state, for us and for the peers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench_measure import Measurement, Steps, measure
from bench_prepare import Prepared, prepare, segment_count, snapshot_src
from bench_tools import (
    Tools,
    babel_steps,
    msgfmt_steps,
    msgmerge_steps,
    po4a_steps,
    pofilter_steps,
    pot2po_steps,
)
from corpus import EPOCH

if TYPE_CHECKING:
    from run import Options

StepsFor = Callable[[Path], Steps]


def tools_from_env(src: Path) -> Tools:
    """Our tool and Babel run with this interpreter; PYTHONPATH already puts ``src`` first."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    # Lemma tables are written once per machine, on first use (see morphology.cache_folder);
    # write them now, as any earlier run on the machine would have, so no measurement pays it.
    warm = "from explainer_i18n.morphology import text_keys as k; k('Verträge', 'de'); k('lois', 'fr')"
    subprocess.run([sys.executable, "-c", warm], env=env, check=True)
    return Tools(sys.executable, env)


class Runner:
    """Measures on fresh copies with the options' repeats and timeouts, and prints progress."""

    def __init__(self, options: Options, tools: Tools) -> None:
        self.options = options
        self.tools = tools
        self.scratch = options.workdir / "scratch"
        self.scratch.mkdir(parents=True, exist_ok=True)

    def __call__(
        self,
        label: str,
        base: Path,
        steps_for: StepsFor,
        *,
        peer: bool = False,
        repeat: int | None = None,
        **extra: object,
    ) -> Measurement:
        """One measurement; peers get their own repeat count and timeout."""
        result = measure(
            base,
            steps_for,
            env=self.tools.env,
            repeat=repeat or (self.options.peer_repeat if peer else self.options.repeat),
            timeout=self.options.peer_timeout if peer else self.options.timeout,
            scratch=self.scratch,
            **extra,  # type: ignore[arg-type]
        )
        shown = (
            f"{result.seconds:8.2f} s {result.peak_mb:7.0f} MB"
            if result.seconds
            else result.status
        )
        print(f"  {label:34} {shown}", flush=True)
        return result


def _ours(tools: Tools, *commands: tuple[str, ...]) -> StepsFor:
    return lambda p: [tools.ours(p, *command) for command in commands]


def run_size(size: int, options: Options, tools: Tools) -> dict[str, object]:
    """Every scenario chosen for one corpus size."""
    prep = prepare(size, options.workdir, tools, snapshot_src())
    segments = segment_count(prep.explainers)
    run = Runner(options, tools)
    chosen = options.scenarios
    scenarios: dict[str, dict[str, dict[str, object]]] = {}

    def record(scenario: str, tool: str, result: Measurement) -> None:
        scenarios.setdefault(scenario, {})[tool] = result.as_json()

    if "cold" in chosen:
        steps = _ours(tools, ("extract", "-q"), ("update", "-q"))
        record("cold", "ours", run(f"{size} cold extract+update", prep.state("sources"), steps))
    if "noop" in chosen:
        steps = _ours(tools, ("extract", "-q"), ("update", "-q"), ("build", "-q"))
        record(
            "noop", "ours", run(f"{size} no-op extract+update+build", prep.state("built"), steps)
        )
    if "edit10" in chosen:
        _edit10(size, prep, run, tools, options.peers, record)
    if "noop_update" in chosen and options.peers:
        _updaters(f"{size} no-op update", prep.state("built"), run, tools, "noop_update", record)
    if "check" in chosen:
        _check(size, prep, run, tools, options.peers, record)
    if "build" in chosen:
        record(
            "build",
            "ours",
            run(f"{size} build", prep.state("translated"), _ours(tools, ("build", "-q"))),
        )
    if "status" in chosen:
        record(
            "status", "ours", run(f"{size} status", prep.state("built"), _ours(tools, ("status",)))
        )
    if "po4a" in chosen and options.peers:
        # po4a is slow and only indicative (it does not split lists into items), so one run.
        po4a_cold = run(
            f"{size} po4a cold", prep.state("sources"), po4a_steps, peer=True, repeat=1
        )
        record("po4a_cold", "po4a", po4a_cold)
        if po4a_cold.status == "ok":
            po4a_noop = run(
                f"{size} po4a no-op", prep.state("po4a"), po4a_steps, peer=True, repeat=1
            )
            record("po4a_noop", "po4a", po4a_noop)
    return {
        "explainers": size,
        "segments": segments,
        "entries": segments * 3,
        "catalogs": size * 3,
        "problems": prep.problems,
        "scenarios": scenarios,
    }


Record = Callable[[str, str, Measurement], None]


def _updaters(
    label: str, base: Path, run: Runner, tools: Tools, scenario: str, record: Record
) -> None:
    record(scenario, "msgmerge", run(f"{label} msgmerge", base, msgmerge_steps, peer=True))
    record(
        scenario,
        "pot2po",
        run(f"{label} pot2po", base, lambda p: pot2po_steps(tools, p), peer=True),
    )
    record(
        scenario, "babel", run(f"{label} babel", base, lambda p: babel_steps(tools, p), peer=True)
    )


def _edit10(
    size: int, prep: Prepared, run: Runner, tools: Tools, peers: bool, record: Record
) -> None:
    """10 % of segments edited: ours extract+update, the peers' update from the same templates."""
    steps = _ours(tools, ("extract", "-q"), ("update", "-q"))
    record("edit10", "ours", run(f"{size} 10% edited extract+update", prep.state("edited"), steps))
    if peers:
        _updaters(f"{size} 10% edited", prep.state("extracted"), run, tools, "edit10", record)


def _check(
    size: int, prep: Prepared, run: Runner, tools: Tools, peers: bool, record: Record
) -> None:
    base = prep.state("built")
    steps = _ours(tools, ("check", "--fail-on", "never", "-o", ".bench-check.txt"))
    record("check", "ours", run(f"{size} check", base, steps))
    if peers:
        record(
            "check",
            "pofilter",
            run(f"{size} check pofilter", base, lambda p: pofilter_steps(tools, p), peer=True),
        )
        record("check", "msgfmt", run(f"{size} check msgfmt -c", base, msgfmt_steps, peer=True))


def run_edit_quality(options: Options, tools: Tools) -> dict[str, object]:
    """Carry-over after each kind of edit (see bench_quality)."""
    from bench_quality import carry_over

    size = 100 if not options.sizes or min(options.sizes) >= 100 else min(options.sizes)
    prep = prepare(size, options.workdir, tools, snapshot_src())
    return carry_over(prep, options, tools)


def run_check10k(options: Options, tools: Tools) -> dict[str, object]:
    """check over about 10,000 entries with the 500-concept glossary (see check_bench)."""
    from check_bench import check_scenario

    return check_scenario(options.check_entries, options, tools, Runner(options, tools))
