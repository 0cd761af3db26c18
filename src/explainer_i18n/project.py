"""Where a content project keeps its sources, templates, catalogs and editions."""

from __future__ import annotations

import contextlib
import functools
from dataclasses import dataclass
from pathlib import Path

from explainer_i18n.config import load_config
from explainer_i18n.errors import InputError, UsageError
from explainer_i18n.model import Config

SOURCE_DIR = "source"
LOCALES_DIR = "locales"
BUILD_DIR = "build"
DEFAULT_GLOSSARY = "locales/glossary.csv"


@dataclass(frozen=True)
class Project:
    """A content project: a folder with ``source/`` and ``locales/`` and its settings."""

    root: Path
    config: Config

    def display(self, path: Path) -> str:
        """A path as users see it in messages and references: relative to the project root."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def sources(self) -> list[Path]:
        """The German explainers, sorted by file name."""
        folder = self.root / SOURCE_DIR
        try:
            paths = sorted(
                p for p in folder.iterdir() if p.suffix == ".txt" and not p.name.startswith(".")
            )
        except OSError as error:
            raise InputError(f"cannot list: {error.strerror or error}", SOURCE_DIR) from None
        self.check_inside(folder)
        for path in paths:
            # Resolving every one of thousands of files is slow; only a link can lead outside.
            if path.is_symlink():
                self.check_inside(path)
        return paths

    def template(self, slug: str) -> Path:
        """``locales/templates/<slug>.pot``."""
        return self.root / LOCALES_DIR / "templates" / f"{slug}.pot"

    def catalog(self, lang: str, slug: str) -> Path:
        """``locales/<lang>/LC_MESSAGES/<slug>.po``."""
        return self.root / LOCALES_DIR / lang / "LC_MESSAGES" / f"{slug}.po"

    def edition(self, lang: str, slug: str, fmt: str) -> Path:
        """``build/<lang>/<slug>.<fmt>``."""
        return self.root / BUILD_DIR / lang / f"{slug}.{fmt}"

    def glossary(self) -> Path:
        """The project's glossary file."""
        return self.root / (self.config.glossary or DEFAULT_GLOSSARY)

    def check_inside(self, path: Path) -> None:
        """Refuse a file that resolves outside the project (a symbolic link elsewhere)."""
        try:
            # A file that is no link is where its folder is; folders are resolved once each,
            # which spares thousands of files a walk over every part of their path.
            link = path.is_symlink()
            resolved = Path(path.resolve() if link else _resolved(str(path.parent)))
            inside = resolved.is_relative_to(_resolved(str(self.root)))
        except RuntimeError:  # Python 3.11's way of saying ELOOP
            raise InputError("a loop of symbolic links", self.display(path)) from None
        except OSError as error:
            raise InputError(
                f"cannot resolve: {error.strerror or error}", self.display(path)
            ) from None
        if not inside:
            link_at = self._first_link(path)
            if link_at == path:
                raise InputError(
                    "points outside the project; refusing to use it", self.display(path)
                )
            raise InputError(
                f"points outside the project; refusing to use {self.display(path)} through it",
                self.display(link_at),
            )

    def _first_link(self, path: Path) -> Path:
        """The first folder on the way from the root to ``path`` that is a symbolic link (the
        one a user has to fix), or ``path`` itself."""
        current = self.root
        with contextlib.suppress(ValueError, OSError):
            for part in path.relative_to(self.root).parts[:-1]:
                current = current / part
                if current.is_symlink():
                    return current
        return path


def open_project(directory: str | Path) -> Project:
    """Find the project in ``directory`` (``-C``) and read its settings."""
    root = Path(directory)
    if not root.is_dir():
        raise UsageError(f"project folder {str(root)!r} does not exist")
    if not (root / SOURCE_DIR).is_dir():
        raise UsageError(
            f"no {SOURCE_DIR}/ folder in {str(root)!r}: a project needs source/ and locales/"
        )
    _resolved.cache_clear()  # folders may have moved since an earlier run in this process
    return Project(root.absolute(), load_config(root))


@functools.lru_cache(maxsize=1024)
def _resolved(folder: str) -> str:
    """A folder's real path (remembered: the folders of a project do not move during a run)."""
    return str(Path(folder).resolve())


def slug_of(path: Path) -> str:
    """The explainer's slug: its file name without ``.txt``."""
    return path.stem
