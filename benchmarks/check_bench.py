"""``check`` over about 10,000 catalog entries with the 500-concept glossary, in a new process
(cold) and rerun on the same files (warm), next to pofilter on the same catalogs.

    python benchmarks/check_bench.py [--entries 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bench_measure import Measurement
from bench_prepare import prepare, segment_count, snapshot_src
from bench_tools import LANGS, Tools, pofilter_steps
from corpus import SEED
from corpus_glossary import concepts
from corpus_model import make_explainer

if TYPE_CHECKING:
    from bench_scenarios import Runner
    from run import Options

REPORT = ".bench-check.json"


def explainers_for(entries: int) -> int:
    """How many explainers of the corpus hold at least ``entries`` entries in three languages."""
    all_concepts = concepts()
    total, count = 0, 0
    while total * len(LANGS) < entries:
        explainer = make_explainer(count, SEED, all_concepts)
        total += sum(len(block.segments("de")) for block in explainer.blocks)
        count += 1
    return count


def _ours_findings(copy: Path, found: dict[str, int]) -> None:
    found["ours"] = len(json.loads((copy / REPORT).read_text(encoding="utf-8")))


def _pofilter_findings(copy: Path, found: dict[str, int]) -> None:
    found["pofilter"] = sum(
        path.read_text(encoding="utf-8").count("# (pofilter)")
        for path in (copy / "pofilter").rglob("*.po")
    )


def _concept_count(glossary: Path) -> int:
    rows = csv.reader(io.StringIO(glossary.read_text(encoding="utf-8")))
    return len({row[0] for row in list(rows)[1:] if row})


def check_scenario(entries: int, options: Options, tools: Tools, run: Runner) -> dict[str, object]:
    """Cold and warm check, ours and pofilter's, on the same prepared catalogs."""
    size = explainers_for(entries)
    prep = prepare(size, options.workdir, tools, snapshot_src(tools.env))
    base = prep.state("built")
    found: dict[str, int] = {}

    def ours(copy: Path) -> list[list[str]]:
        return [tools.ours(copy, "check", "--fail-on", "never", "--format", "json", "-o", REPORT)]

    def once(steps: list[list[str]], copy: Path) -> None:
        for command in steps:
            subprocess.run(command, cwd=copy, env=tools.env, capture_output=True, check=False)

    results: dict[str, Measurement] = {
        "ours_cold": run(
            "check10k ours cold", base, ours, keep=lambda c: _ours_findings(c, found)
        ),
        "ours_warm": run("check10k ours warm", base, ours, prepare=lambda c: once(ours(c), c)),
    }
    if options.peers:
        steps = lambda c: pofilter_steps(tools, c)  # noqa: E731
        results["pofilter_cold"] = run(
            "check10k pofilter cold",
            base,
            steps,
            peer=True,
            keep=lambda c: _pofilter_findings(c, found),
        )
        results["pofilter_warm"] = run(
            "check10k pofilter warm", base, steps, peer=True, prepare=lambda c: once(steps(c), c)
        )
    segments = segment_count(prep.explainers)
    return {
        "explainers": size,
        "entries": segments * len(LANGS),
        "glossary_concepts": _concept_count(base / "locales" / "glossary.csv"),
        "findings": found,
        "problems": prep.problems,
        **{name: m.as_json() for name, m in results.items()},
    }


def main(argv: list[str] | None = None) -> int:
    """Run only this scenario through run.py (same snapshot, results and report); other
    flags (``--repeat``, ``--no-peers``, ``--workdir`` ...) are passed on."""
    import run

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", default="10000")
    args, rest = parser.parse_known_args(argv)
    return run.main(
        ["--sizes", "", "--scenarios", "check10k", "--check-entries", args.entries,
         "--name", f"check-{args.entries}", *rest]
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
