"""Write a benchmark content project: generated German explainers, fully translated catalogs for
en, uk and fr, and a 500-concept glossary. Deterministic for a given size and seed.

    python benchmarks/corpus.py --explainers 1000 --out /tmp/corpus-1000
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
from pathlib import Path

from corpus_glossary import concepts, glossary_csv
from corpus_model import Explainer, make_corpus

from explainer_i18n.model import Catalog
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po

TARGETS = ("en", "uk", "fr")
SEED = 20260106
EPOCH = "1767657600"
"""SOURCE_DATE_EPOCH for every run of the tool on a corpus (2026-01-06), so bytes repeat."""

CONFIG = """\
source_language = "de"
languages = ["en", "uk", "fr"]
segmentation = "paragraph"
glossary = "locales/glossary.csv"
ignore = []
"""


def tool_env() -> dict[str, str]:
    """The environment the tool runs in: reproducible stamps, the repository's sources first."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    src = str(Path(__file__).resolve().parent.parent / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def tool(
    project: Path, *args: str, python: str = sys.executable, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run one explainer-i18n command on a project; raise with its stderr when it fails hard."""
    command = [python, "-m", "explainer_i18n", *args, "-C", str(project)]
    done = subprocess.run(
        command, env=env or tool_env(), capture_output=True, text=True, check=False
    )
    if done.returncode >= 2:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    return done


def write_sources(explainers: list[Explainer], project: Path) -> None:
    """Write source/<slug>.txt for every explainer, the settings and the glossary."""
    (project / "source").mkdir(parents=True, exist_ok=True)
    (project / "locales").mkdir(exist_ok=True)
    (project / "explainer-i18n.toml").write_text(CONFIG, encoding="utf-8")
    (project / "locales" / "glossary.csv").write_text(glossary_csv(concepts()), encoding="utf-8")
    for explainer in explainers:
        path = project / "source" / f"{explainer.slug}.txt"
        path.write_text(explainer.source(), encoding="utf-8")


def fill_catalog(catalog: Catalog, table: dict[str, dict[str, str]], lang: str) -> Catalog:
    """Every entry of the catalog translated (the generator's parallel text), none fuzzy."""
    messages = []
    for message in catalog.messages:
        if message.obsolete or message.msgid not in table:
            messages.append(message)
            continue
        flags = tuple(f for f in message.flags if f != "fuzzy")
        messages.append(
            dataclasses.replace(
                message, msgstr=table[message.msgid][lang], flags=flags, previous_msgid=None
            )
        )
    return Catalog(catalog.header, tuple(messages))


def fill_catalogs(explainers: list[Explainer], project: Path) -> None:
    """Translate every catalog of the project from the explainers' parallel text."""
    for explainer in explainers:
        table = explainer.translations()
        for lang in TARGETS:
            path = project / "locales" / lang / "LC_MESSAGES" / f"{explainer.slug}.po"
            catalog = parse_po(path.read_bytes(), str(path))
            path.write_bytes(serialize_po(fill_catalog(catalog, table, lang)).encode("utf-8"))


def write_project(
    explainers: list[Explainer],
    project: Path,
    python: str = sys.executable,
    env: dict[str, str] | None = None,
) -> str:
    """A complete, fully translated project: sources, templates and catalogs made by the tool.

    After the catalogs are filled, ``update`` runs once more as it would after translators'
    work; returns what ``update --check`` then says (empty when the catalogs are in step)."""
    write_sources(explainers, project)
    tool(project, "extract", "-q", python=python, env=env)
    tool(project, "update", "-q", python=python, env=env)
    fill_catalogs(explainers, project)
    tool(project, "update", "-q", python=python, env=env)
    again = tool(project, "update", "--check", python=python, env=env)
    return "" if again.returncode == 0 else (again.stdout + again.stderr).strip()


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--explainers N --out DIR [--seed S] [--sources-only]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--explainers", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--sources-only", action="store_true", help="no templates or catalogs")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} exists and is not empty")
    explainers = make_corpus(args.explainers, args.seed, concepts())
    if args.sources_only:
        write_sources(explainers, args.out)
    else:
        problem = write_project(explainers, args.out)
        if problem:
            print(f"warning: update is not a no-op on the filled catalogs: {problem[:500]}")
    print(f"wrote {len(explainers)} explainers to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
