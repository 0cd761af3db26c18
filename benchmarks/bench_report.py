"""Results files, the Markdown summary (latest.md) and the time-per-explainer plot."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench_targets import target_rows

Json = dict[str, Any]

LINES = (
    ("ours: cold extract+update", "cold", "ours", None),
    ("ours: update (10% edited)", "edit10", "ours", 1),
    ("ours: no-op extract+update+build", "noop", "ours", None),
    ("ours: check", "check", "ours", None),
    ("ours: build", "build", "ours", None),
    ("msgmerge: update (10% edited)", "edit10", "msgmerge", None),
    ("pot2po: update (10% edited)", "edit10", "pot2po", None),
    ("babel: update (10% edited)", "edit10", "babel", None),
    ("pofilter: check", "check", "pofilter", None),
    ("msgfmt -c: check", "check", "msgfmt", None),
    ("po4a: cold (extract+update+build)", "po4a_cold", "po4a", None),
)
"""Plot lines and table rows: label, scenario, tool, step (None: the whole run)."""


def seconds(entry: Json | None, step: int | None = None) -> float | None:
    """A measurement's median seconds, or one step's median; None when it did not finish."""
    if not entry or entry.get("status") != "ok":
        return None
    if step is None:
        return entry.get("seconds")
    values = [run["steps"][step] for run in entry["runs"] if len(run["steps"]) > step]
    return statistics.median(values) if values else None


def merged(folder: Path) -> Json:
    """The newest figure for every size, scenario and tool over all results files."""
    runs = []
    for path in folder.glob("*.json"):
        try:
            runs.append(json.loads(path.read_text(encoding="utf-8")))
        except json.JSONDecodeError:
            continue
    runs.sort(key=lambda r: r["meta"]["started"])
    out: Json = {"sizes": {}, "meta": runs[-1]["meta"] if runs else {}}
    out["runs"] = [_run_line(r) for r in runs]
    for run in runs:
        for size, data in run.get("sizes", {}).items():
            target = out["sizes"].setdefault(size, {"scenarios": {}})
            target.update({k: v for k, v in data.items() if k != "scenarios"})
            for scenario, tools in data["scenarios"].items():
                for tool, entry in tools.items():
                    entry = {**entry, "from": run["meta"]["started"]}
                    target["scenarios"].setdefault(scenario, {})[tool] = entry
        for key in ("edits", "check10k"):
            if key in run:
                out[key] = {**run[key], "from": run["meta"]["started"]}
    return out


def _run_line(run: Json) -> str:
    meta = run["meta"]
    parts = [
        f"{key} ({run[key].get('explainers', '')} explainers)"
        for key in ("edits", "check10k")
        if key in run
    ]
    sizes = ", ".join([*(f"{int(s):,}" for s in run.get("sizes", {})), *parts])
    return (
        f"- {meta['started']}: {sizes or 'nothing'}; commit {meta.get('commit')}, tool sources "
        f"{Path(meta.get('source_snapshot', '')).name}, {meta.get('repeat')} runs (peers "
        f"{meta.get('peer_repeat')}), load average {meta.get('load_average_at_start')} at start, "
        f"{meta.get('load_average_at_end')} at end, {meta.get('elapsed_s')} s"
    )


def _cell(entry: Json | None, step: int | None) -> str:
    if entry is None:
        return ""
    if entry.get("status") != "ok":
        return "did not finish" if entry.get("status") == "dnf" else str(entry.get("status"))
    value = seconds(entry, step)
    return f"{value:.2f} s · {entry['peak_mb']:.0f} MB" if value is not None else ""


def _time_table(data: Json) -> Iterator[str]:
    sizes = sorted(data["sizes"], key=int)
    yield "| measurement | " + " | ".join(f"{int(s):,} explainers" for s in sizes) + " |"
    yield "| --- |" + " --- |" * len(sizes)
    rows = [*LINES, ("ours: status", "status", "ours", None),
            ("po4a: no-op rerun", "po4a_noop", "po4a", None),
            ("msgmerge: no-op update", "noop_update", "msgmerge", None),
            ("pot2po: no-op update", "noop_update", "pot2po", None),
            ("babel: no-op update", "noop_update", "babel", None)]  # fmt: skip
    for label, scenario, tool, step in rows:
        cells = [
            _cell(data["sizes"][s]["scenarios"].get(scenario, {}).get(tool), step) for s in sizes
        ]
        if any(cells):
            yield f"| {label} | " + " | ".join(cells) + " |"


def _per_explainer_table(data: Json) -> Iterator[str]:
    sizes = sorted(data["sizes"], key=int)
    yield "| ms per explainer | " + " | ".join(f"{int(s):,}" for s in sizes) + " |"
    yield "| --- |" + " --- |" * len(sizes)
    for label, scenario, tool, step in LINES:
        values = [
            seconds(data["sizes"][s]["scenarios"].get(scenario, {}).get(tool), step) for s in sizes
        ]
        if any(v is not None for v in values):
            cells = [
                f"{1000 * v / int(s):.2f}" if v is not None else "—"
                for v, s in zip(values, sizes, strict=True)
            ]
            yield f"| {label} | " + " | ".join(cells) + " |"


def _ratio_table(data: Json) -> Iterator[str]:
    yield "| size | comparison | ours | peer | ours/peer | speed-up |"
    yield "| --- | --- | --- | --- | --- | --- |"
    pairs = (("edit10", 1, "msgmerge"), ("edit10", 1, "pot2po"), ("edit10", 1, "babel"),
             ("noop_update", None, "msgmerge"), ("noop_update", None, "pot2po"),
             ("noop_update", None, "babel"), ("check", None, "pofilter"), ("check", None, "msgfmt"))  # fmt: skip
    for size in sorted(data["sizes"], key=int):
        scen = data["sizes"][size]["scenarios"]
        for scenario, step, peer in pairs:
            if scenario == "noop_update":
                ours = seconds(scen.get("noop", {}).get("ours"), 1)
            else:
                ours = seconds(scen.get(scenario, {}).get("ours"), step)
            other_entry = scen.get(scenario, {}).get(peer)
            if ours is None or other_entry is None:
                continue
            other = seconds(other_entry)
            if other is None:
                yield f"| {int(size):,} | {scenario} vs {peer} | {ours:.2f} s | did not finish | — | — |"
                continue
            yield (f"| {int(size):,} | {scenario} vs {peer} | {ours:.2f} s | {other:.2f} s | "
                   f"{ours / other:.3f} | {other / ours:.1f}× |")  # fmt: skip


def _edits_table(data: Json) -> Iterator[str]:
    edits = data.get("edits")
    if not edits:
        return
    tools = [
        t
        for t in ("ours", "msgmerge", "pot2po", "babel")
        if any(t in k for k in edits["kinds"].values())
    ]
    yield f"Corpus of {edits['explainers']} explainers; each scenario edits one answer paragraph in "
    yield "each of N explainers; counted over en, uk and fr (carried = the entry that descends from "
    yield "the edited segment has a translation, kept or fuzzy; right = it is the old translation of "
    yield "that segment).\n"
    yield "| edit | N | " + " | ".join(f"{t} carried | {t} right" for t in tools) + " |"
    yield "| --- | --- |" + " --- | --- |" * len(tools)
    for kind, entry in edits["kinds"].items():
        cells = []
        for tool in tools:
            r = entry.get(tool, {})
            if r.get("status") != "ok":
                cells += [str(r.get("status", "")), ""]
            else:
                cells += [f"{r['carried']}/{r['total']}", f"{r['right']}/{r['total']}"]
        yield f"| {kind} | {entry['edits']} | " + " | ".join(cells) + " |"


def _check10k(data: Json) -> Iterator[str]:
    check = data.get("check10k")
    if not check:
        return
    yield f"{check['entries']:,} entries ({check['explainers']} explainers × 3 languages), "
    yield f"glossary of {check['glossary_concepts']} concepts; findings: {check.get('findings')}.\n"
    yield "| run | ours | pofilter | speed-up |"
    yield "| --- | --- | --- | --- |"
    for run in ("cold", "warm"):
        ours, peer = check.get(f"ours_{run}"), check.get(f"pofilter_{run}")
        a, b = seconds(ours), seconds(peer)
        ratio = f"{b / a:.1f}×" if a and b else "—"
        yield f"| {run} | {_cell(ours, None)} | {_cell(peer, None)} | {ratio} |"


def render(data: Json) -> str:
    """latest.md."""
    meta = data.get("meta", {})
    parts = [
        "# Benchmark results\n",
        f"Machine: {meta.get('machine')}. Each figure is the median wall time of its runs on "
        f"fresh copies, with the peak RSS of the measured processes; peers time out after "
        f"{meta.get('peer_timeout_s')} s. See README.md for what each scenario does.\n",
        f"Versions: {meta.get('versions')}\n",
        "Runs merged here (newest figure per size, scenario and tool):\n",
        *data.get("runs", []),
        "",
        "## Targets\n", *target_rows(data), "",
        "## Wall time and peak memory\n", *_time_table(data), "",
        "## Time per explainer\n", *_per_explainer_table(data), "",
        "## Ours against the peers\n", *_ratio_table(data), "",
        "## Carry-over after edits\n", *_edits_table(data), "",
        "## check over 10,000 entries with the 500-concept glossary\n", *_check10k(data), "",
    ]  # fmt: skip
    return "\n".join(parts)


def plot(data: Json, path: Path) -> None:
    """Milliseconds per explainer against corpus size, log-log, one line per tool."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(data["sizes"], key=int)
    figure, axes = plt.subplots(figsize=(11, 6))
    dnf: list[tuple[int, str]] = []
    for label, scenario, tool, step in LINES:
        points = []
        for size in sizes:
            entry = data["sizes"][size]["scenarios"].get(scenario, {}).get(tool)
            value = seconds(entry, step)
            if value is not None:
                points.append((int(size), 1000 * value / int(size)))
            elif entry is not None and entry.get("status") == "dnf":
                dnf.append((int(size), tool))
        if points:
            style = "-o" if label.startswith("ours") else "--s"
            axes.plot(*zip(*points, strict=True), style, label=label)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("explainers in the corpus (3 languages each)")
    axes.set_ylabel("milliseconds per explainer (log)")
    axes.set_title("Time per explainer against corpus size")
    axes.grid(True, which="both", alpha=0.3)
    for number, (size, tool) in enumerate(dict.fromkeys(dnf)):
        axes.annotate(
            f"{tool}: did not finish",
            (size, 0.97 - 0.04 * number),
            xycoords=("data", "axes fraction"),
            fontsize=7,
            ha="right",
        )
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def write_report(results: Json, name: str, folder: Path) -> Path:
    """Write results/<name>.json, then latest.md and the plot from every results file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    data = merged(folder)
    (folder / "latest.md").write_text(render(data), encoding="utf-8")
    if data["sizes"]:
        plot(data, folder / "time_per_explainer.png")
    return path
