"""The performance targets, judged against the merged results."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Json = dict[str, Any]
FLAT = 1.25
"""Time per explainer counts as flat while the largest corpus costs at most this much more
per explainer than the 1,000-explainer one (at 100, start-up dominates)."""


def _seconds(
    data: Json, size: int, scenario: str, tool: str, step: int | None = None
) -> float | None:
    from bench_report import seconds

    entry = data["sizes"].get(str(size), {}).get("scenarios", {}).get(scenario, {}).get(tool)
    return seconds(entry, step)


def _row(target: str, measured: str, ok: bool | None) -> str:
    verdict = "not measured" if ok is None else ("met" if ok else "**missed**")
    return f"| {target} | {measured} | {verdict} |"


def _speedup(data: Json, peer: str, factor: float) -> str:
    ours = _seconds(data, 1000, "edit10", "ours", 1)
    other = _seconds(data, 1000, "edit10", peer)
    target = f"update ≥{factor:g}× faster than {peer} (1,000 explainers, 10 % edited)"
    if ours is None or other is None:
        return _row(target, "—", None)
    return _row(
        target, f"{other / ours:.1f}× ({ours:.2f} s vs {other:.2f} s)", other / ours >= factor
    )


def _carry(data: Json) -> str:
    target = "carry-over at least as good as msgmerge in every edit scenario"
    edits = data.get("edits")
    if not edits:
        return _row(target, "—", None)
    worse = []
    for kind, entry in edits["kinds"].items():
        ours, other = entry.get("ours", {}), entry.get("msgmerge", {})
        if "carried" not in ours or "carried" not in other:
            return _row(target, f"{kind}: not measured", None)
        if ours["carried"] < other["carried"] or ours["right"] < other["right"]:
            worse.append(
                f"{kind} (ours {ours['carried']}/{ours['right']}, msgmerge {other['carried']}/{other['right']})"
            )
    return _row(target, "; ".join(worse) or "equal or better in all 8", not worse)


def _big(data: Json) -> Iterator[str]:
    noop = _seconds(data, 5000, "noop", "ours")
    yield _row("no-op rerun of extract+update+build ≤ 2 s (5,000 × 3)",
               f"{noop:.2f} s" if noop is not None else "—", None if noop is None else noop <= 2)  # fmt: skip
    cold = _seconds(data, 5000, "cold", "ours")
    yield _row("cold extract+update ≤ 60 s (5,000 × 3)",
               f"{cold:.1f} s" if cold is not None else "—", None if cold is None else cold <= 60)  # fmt: skip
    scenarios = data["sizes"].get("5000", {}).get("scenarios", {})
    peaks = {
        s: t["ours"]["peak_mb"] for s, t in scenarios.items() if t.get("ours", {}).get("peak_mb")
    }
    if peaks:
        worst = max(peaks, key=peaks.__getitem__)
        yield _row(
            "peak memory ≤ 500 MB (5,000 × 3)",
            f"{peaks[worst]:.0f} MB ({worst})",
            peaks[worst] <= 500,
        )
    else:
        yield _row("peak memory ≤ 500 MB (5,000 × 3)", "—", None)


def _check(data: Json) -> Iterator[str]:
    from bench_report import seconds

    for size in sorted({1000, *(int(s) for s in data["sizes"])}):
        ours = _seconds(data, size, "check", "ours")
        other = _seconds(data, size, "check", "pofilter")
        target = f"check ≥5× faster than pofilter ({size:,} explainers × 3 languages, cold)"
        if ours is None or other is None:
            if size == 1000:
                yield _row(target, "—", None)
            continue
        yield _row(
            target, f"{other / ours:.1f}× ({ours:.2f} s vs {other:.2f} s)", other / ours >= 5
        )
    check = data.get("check10k") or {}
    for run in ("cold", "warm"):
        ours, other = seconds(check.get(f"ours_{run}")), seconds(check.get(f"pofilter_{run}"))
        target = f"check ≥5× faster than pofilter ({check.get('entries', 0):,} entries, {run})"
        if ours is None or other is None:
            yield _row(target, "—", None)
        else:
            yield _row(
                target, f"{other / ours:.1f}× ({ours:.2f} s vs {other:.2f} s)", other / ours >= 5
            )


def _flat(data: Json) -> Iterator[str]:
    sizes = sorted(int(s) for s in data["sizes"])
    if 1000 not in sizes or sizes[-1] <= 1000:
        yield _row("time per explainer flat from 100 to 5,000", "—", None)
        return
    big = sizes[-1]
    for label, scenario, step in (("cold extract+update", "cold", None), ("update", "edit10", 1),
                                  ("no-op pipeline", "noop", None), ("check", "check", None),
                                  ("build", "build", None)):  # fmt: skip
        per = {
            s: v / s for s in sizes if (v := _seconds(data, s, scenario, "ours", step)) is not None
        }
        if 1000 not in per or big not in per:
            continue
        shown = ", ".join(f"{s:,}: {1000 * v:.2f} ms" for s, v in per.items())
        ratio = per[big] / per[1000]
        yield _row(f"time per explainer flat ({label}; {big:,} vs 1,000 ≤ {FLAT}×)",
                   f"{shown} ({ratio:.2f}×)", ratio <= FLAT)  # fmt: skip


def target_rows(data: Json) -> Iterator[str]:
    """The targets table of latest.md."""
    yield "| target | measured | verdict |"
    yield "| --- | --- | --- |"
    yield _speedup(data, "msgmerge", 10)
    yield _speedup(data, "pot2po", 2)
    yield _carry(data)
    yield from _big(data)
    yield from _check(data)
    yield from _flat(data)
