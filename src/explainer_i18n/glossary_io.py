"""Load the project's glossary once per process, and the notes update writes from it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from explainer_i18n.errors import InputError, UsageError
from explainer_i18n.fsio import read_bytes
from explainer_i18n.glossary_check import glossary_notes
from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.model import Glossary
from explainer_i18n.project import Project
from explainer_i18n.state import signature

if TYPE_CHECKING:  # merge (and its fuzzy matcher) is needed by update only
    from explainer_i18n.merge import Notes

_LOADED: dict[tuple[str, object], Glossary] = {}


def load_glossary(path: Path, display: str) -> Glossary:
    """Read a CSV or TBX glossary, by its extension."""
    data = read_bytes(path, display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError("glossary is not valid UTF-8", display, line) from None
    if path.suffix.lower() == ".csv":
        return parse_glossary_csv(text, display)
    if path.suffix.lower() in (".tbx", ".xml"):
        from explainer_i18n.glossary_tbx import parse_tbx  # its XML parser loads only for TBX

        return parse_tbx(text, display)
    raise UsageError(f"{display}: glossary must be .csv or .tbx")


def cached_glossary(path: Path, display: str) -> Glossary:
    """A glossary read once per process while the file is unchanged (workers reuse it)."""
    key = (str(path.resolve()), signature(path))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = load_glossary(path, display)
    return _LOADED[key]


def glossary_for(project: Project) -> Glossary | None:
    """The project's glossary, or None when it has none."""
    path = project.glossary()
    if not path.exists():
        return None
    project.check_inside(path)
    return cached_glossary(path, project.display(path))


def glossary_notes_for(glossary: Glossary | None, lang: str, source_lang: str) -> Notes | None:
    """The glossary notes for one language's catalogs, or None without a glossary; the notes
    of a msgid are worked out once per process and language (most catalogs of a project share
    sentences, and each template has a catalog per language)."""
    if glossary is None:
        return None
    key = (lang, source_lang)
    cached = _NOTES.get(key)
    if cached is None or cached[0] is not glossary:
        notes = functools.lru_cache(maxsize=65_536)(
            lambda msgid: tuple(glossary_notes(msgid, lang, glossary, source_lang))
        )
        cached = _NOTES[key] = (glossary, notes)
    remembered = cached[1]
    return lambda msgid: list(remembered(msgid))


_NOTES: dict[tuple[str, str], tuple[Glossary, Callable[[str], tuple[str, ...]]]] = {}
