"""Shared test fixtures: the shared data folder, golden-file updating, a scratch project."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_50c63c787d68af43.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_configure(config: pytest.Config) -> None:
    """Lemma tables go to a folder of the test runs, not the user's cache (kept between runs:
    writing them takes a few seconds)."""
    folder = Path(tempfile.gettempdir()) / f"explainer-i18n-test-cache-{os.getuid()}"
    os.environ["EXPLAINER_I18N_CACHE"] = str(folder)


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites golden files from the current output instead of comparing."""
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """Compare text with a golden file, or rewrite it under --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def check(path: Path, actual: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(actual.encode("utf-8"))
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
        assert actual == path.read_bytes().decode("utf-8"), f"differs from {path}"

    return check


@pytest.fixture
def seed_text() -> str:
    """The shipped explainer from ../shared/seeds (fails if the shared folder is missing)."""
    assert SEED.exists(), f"{SEED} is missing: the shared folder must sit beside the repository"
    return SEED.read_bytes().decode("utf-8")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """A scratch content project with the given sources and optional config."""

    def make(sources: dict[str, str] | None = None, config: str | None = None) -> Path:
        root = tmp_path / "project"
        (root / "source").mkdir(parents=True)
        (root / "locales").mkdir()
        for name, text in (sources or {}).items():
            (root / "source" / name).write_bytes(text.encode("utf-8"))
        if config is not None:
            (root / "explainer-i18n.toml").write_text(config, encoding="utf-8")
        return root

    return make


def copy_repo_project(target: Path) -> Path:
    """A copy of this repository's own content project (sources, catalogs, config)."""
    for name in ("source", "locales"):
        shutil.copytree(REPO / name, target / name)
    for name in ("explainer-i18n.toml",):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    return target


_MEASURED: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Keep what measuring tests print (segmenter and glossary scores) for the summary."""
    if report.when == "call" and report.capstdout.strip():
        _MEASURED.extend(line for line in report.capstdout.splitlines() if line.strip())


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the measured scores at the end of every run, without needing -s."""
    if _MEASURED:
        terminalreporter.section("measured")
        for line in _MEASURED:
            terminalreporter.write_line(line)
