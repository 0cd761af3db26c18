"""Per-entry quality checks and glossary tokenizing over a built corpus, timed in one process.

    PYTHONPATH=src python benchmarks/bench_checks.py --corpus DIR [--repeat 5]

DIR holds ``locales/<lang>/LC_MESSAGES/*.po`` (a built corpus from ``benchmarks/corpus.py``).
Every catalog is parsed once, in the order ``check`` takes them; then ``run_checks`` runs over
all of them, and ``normalize`` and ``tokenize`` over every translation. The caches of the timed
modules are emptied before each repeat, so that each repeat is a cold run. Printed: the median,
lowest and highest wall seconds and the median CPU seconds of each part.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from explainer_i18n import checks, term_tokens
from explainer_i18n.checks import run_checks
from explainer_i18n.model import Catalog
from explainer_i18n.po_parse import parse_po

Loaded = list[tuple[Catalog, str, str]]


def load(corpus: Path) -> Loaded:
    """Every catalog of the corpus with its display path and language, in the order ``check``
    takes them: explainer by explainer, language by language."""
    loaded = []
    paths = corpus.glob("locales/*/LC_MESSAGES/*.po")
    for path in sorted(paths, key=lambda p: (p.name, p.parent.parent.name)):
        display = str(path.relative_to(corpus))
        loaded.append((parse_po(path.read_bytes(), display), display, path.parent.parent.name))
    return loaded


def timed_modules() -> list[ModuleType]:
    """The modules whose caches a cold run starts without."""
    names = [f"{checks.__name__}.{m.name}" for m in pkgutil.iter_modules(checks.__path__)]
    return [checks, term_tokens, *(importlib.import_module(n) for n in names)]


def clear_caches(modules: list[ModuleType]) -> None:
    """Empty every functools cache at the top level of the modules."""
    for module in modules:
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def texts(loaded: Loaded) -> list[tuple[str, str]]:
    """Every translation of a current entry, with its language."""
    return [
        (text, lang)
        for catalog, _, lang in loaded
        for message in catalog.messages
        if message.msgid and not message.obsolete
        for text in message.translations
        if text
    ]


def each(function: Callable[..., object], calls: Sequence[tuple[Any, ...]]) -> Callable[[], None]:
    """Work that calls the function with each tuple of arguments, dropping the results as the
    commands do once an entry is done."""

    def work() -> None:
        for arguments in calls:
            function(*arguments)

    return work


def seconds(
    work: Callable[[], None], repeat: int, modules: list[ModuleType]
) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each cold run of the work."""
    wall, cpu = [], []
    for _ in range(repeat):
        clear_caches(modules)
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    """Parse the arguments, time each part and print a table of medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a built corpus directory")
    parser.add_argument("--repeat", type=int, default=5, help="cold runs per measurement")
    options = parser.parse_args()
    loaded = load(options.corpus)
    pairs = texts(loaded)
    normalized = [(term_tokens.normalize(text), lang) for text, lang in pairs]
    modules = timed_modules()
    parts: dict[str, Callable[[], None]] = {
        "run_checks": each(run_checks, loaded),
        "normalize": each(term_tokens.normalize, [(text,) for text, _ in pairs]),
        "tokenize": each(term_tokens.tokenize, normalized),
    }
    entries = sum(len(c.messages) for c, _, _ in loaded)
    print(f"{len(loaded)} catalogs, {entries} entries, {len(pairs)} texts, {options.repeat} runs")
    print(f"{'part':<12} {'median s':>9} {'min s':>9} {'max s':>9} {'median cpu s':>13}")
    for name, work in parts.items():
        wall, cpu = seconds(work, options.repeat, modules)
        print(
            f"{name:<12} {statistics.median(wall):>9.3f} {min(wall):>9.3f} {max(wall):>9.3f}"
            f" {statistics.median(cpu):>13.3f}"
        )


if __name__ == "__main__":
    main()
