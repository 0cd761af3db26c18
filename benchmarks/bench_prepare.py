"""The prepared project states the scenarios copy: translated, sources only, built, edited."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench_edits import edit_share
from bench_tools import Tools
from corpus import SEED, write_project
from corpus_glossary import Concept, concepts
from corpus_model import Explainer, make_corpus

HERE = Path(__file__).resolve().parent
EDIT_SHARE = 0.10
_MAKERS = ("bench_prepare.py", "bench_edits.py", "bench_tools.py")
"""Besides corpus*.py, the modules whose changes change a prepared state."""
_TOOL_STATE = (".explainer-i18n", ".explainer-i18n.lock", "build")


SNAPSHOT_VAR = "EXPLAINER_BENCH_SRC"
"""Where run.py's copy of the tool's sources is (set in the environment of the restarted run)."""


def snapshot_src(env: dict[str, str] | None = None) -> Path:
    """The tool's sources being measured: run.py's snapshot, else the working tree's."""
    return Path((os.environ if env is None else env).get(SNAPSHOT_VAR, "src"))


def fingerprint(src: Path) -> str:
    """A hash of the generator and of the tool's sources: a prepared state is reused only while
    neither changed (the catalogs are written by the tool, so its version matters)."""
    digest = hashlib.sha256()
    makers = [*HERE.glob("corpus*.py"), *(HERE / n for n in _MAKERS)]
    for path in sorted(makers) + sorted(src.rglob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def copy_tree(source: Path, target: Path) -> None:
    """cp -a, replacing the target."""
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-a", str(source), str(target)], check=True)


@dataclass
class Prepared:
    """The states of one corpus size, made once and copied for every run."""

    size: int
    root: Path
    tools: Tools
    explainers: list[Explainer]
    concepts: tuple[Concept, ...]
    problems: list[str]
    """What went wrong while preparing (reported, never fixed)."""

    def state(self, name: str) -> Path:
        """The folder of a prepared state, made on first use."""
        path = self.root / name
        if not (path / ".bench-ready").exists():
            getattr(self, f"_make_{name}")(path)
            (path / ".bench-ready").write_text("", encoding="utf-8")
        return path

    def _make_translated(self, path: Path) -> None:
        if path.exists():
            shutil.rmtree(path)
        problem = write_project(self.explainers, path, self.tools.python, self.tools.env)
        if problem:
            self.problems.append(f"{self.size}: update not a no-op after translating: {problem}")

    def _make_sources(self, path: Path) -> None:
        copy_tree(self.state("translated"), path)
        for name in (*_TOOL_STATE, "locales/templates", "locales/en", "locales/uk", "locales/fr"):
            target = path / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()

    def _make_built(self, path: Path) -> None:
        copy_tree(self.state("translated"), path)
        for command in ("extract", "update", "build"):
            self.tools.run_ours(path, command, "-q")

    def _make_edited(self, path: Path) -> None:
        """10 % of the segments edited in the sources; templates and catalogs as before."""
        copy_tree(self.state("translated"), path)
        edited = edit_share(self.explainers, EDIT_SHARE, SEED, self.concepts)
        for old, new in zip(self.explainers, edited, strict=True):
            if new is not old:
                (path / "source" / f"{new.slug}.txt").write_text(new.source(), encoding="utf-8")

    def _make_extracted(self, path: Path) -> None:
        """The edited sources with templates extracted: what every updater starts from."""
        copy_tree(self.state("edited"), path)
        self.tools.run_ours(path, "extract", "-q")

    def _make_po4a(self, path: Path) -> None:
        """Sources after one po4a run, for po4a's own no-op rerun."""
        from bench_tools import po4a_steps

        copy_tree(self.state("sources"), path)
        for command in po4a_steps(path):
            subprocess.run(command, cwd=path, capture_output=True, check=False)


def prepare(size: int, workdir: Path, tools: Tools, src: Path) -> Prepared:
    """The prepared states of one corpus size (states made lazily, cached across runs)."""
    all_concepts = concepts()
    root = workdir / f"corpus-{size}-{fingerprint(src)}"
    root.mkdir(parents=True, exist_ok=True)
    explainers = make_corpus(size, SEED, all_concepts)
    return Prepared(size, root, tools, explainers, all_concepts, [])


def segment_count(explainers: list[Explainer]) -> int:
    """Segments of the corpus in paragraph segmentation (entries per language)."""
    return sum(len(block.segments("de")) for e in explainers for block in e.blocks)
