"""Time the PO layer alone: ``parse_po`` over every catalog of a corpus, then ``serialize_po``
of the parsed catalogs, in one process with the files already in memory.

    PYTHONPATH=src python benchmarks/bench_po_layer.py --corpus DIR [--repeat 5]

``DIR`` is searched recursively for ``*.po`` and ``*.pot`` files (a built corpus's ``locales``).
The median wall and CPU times of ``--repeat`` runs are printed with the entries per second
the wall time means.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from explainer_i18n.model import Catalog
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po


def _files(corpus: Path) -> list[tuple[str, bytes]]:
    paths = sorted([*corpus.rglob("*.po"), *corpus.rglob("*.pot")])
    return [(str(path), path.read_bytes()) for path in paths]


def _medians(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeat`` runs (CPU time is steadier on a busy machine)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def _parse_all(files: list[tuple[str, bytes]]) -> list[Catalog]:
    return [parse_po(data, name) for name, data in files]


def _serialize_all(catalogs: list[Catalog]) -> list[str]:
    return [serialize_po(catalog) for catalog in catalogs]


def main(argv: list[str] | None = None) -> int:
    """Print the median parse and serialize times over the corpus's catalogs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="directory of .po/.pot files")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    options = parser.parse_args(argv)
    files = _files(options.corpus)
    if not files:
        print(f"no .po or .pot files under {options.corpus}", file=sys.stderr)
        return 1
    catalogs = _parse_all(files)
    entries = sum(len(c.messages) + (c.header is not None) for c in catalogs)
    size = sum(len(data) for _, data in files)
    print(f"{len(files)} files, {entries} entries, {size / 1e6:.1f} MB, repeat {options.repeat}")
    for label, action in (
        ("parse", lambda: _parse_all(files)),
        ("serialize", lambda: _serialize_all(catalogs)),
    ):
        wall, cpu = _medians(action, options.repeat)
        print(
            f"{label:<10} {wall:7.3f} s wall  {cpu:7.3f} s cpu  {entries / wall:10,.0f} entries/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
