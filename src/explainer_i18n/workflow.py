"""The project-level jobs behind the commands: extract, update, build and status over all files."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from explainer_i18n import extract as extract_mod
from explainer_i18n.checking import load_glossary
from explainer_i18n.errors import UsageError
from explainer_i18n.fsio import read_bytes, write_if_changed
from explainer_i18n.glossary_check import glossary_notes
from explainer_i18n.merge import MergeStats, Notes, merge_catalog
from explainer_i18n.model import Catalog, Document
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po
from explainer_i18n.project import Project, slug_of
from explainer_i18n.sentences import sentence_spans
from explainer_i18n.source import decode_source, parse_source

NotesFor = Callable[[str], Notes | None]
"""Given a language, the glossary notes to write into its catalogs (None: no glossary)."""


def now() -> datetime.datetime:
    """The time written into headers: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(second=0, microsecond=0)


def load_document(project: Project, path: Path) -> Document:
    """Read and parse one source in the project's segmentation mode."""
    display = project.display(path)
    project.check_inside(path)
    text = decode_source(read_bytes(path, display), display)
    return parse_source(text, display, project.config.segmentation, sentence_spans)


def read_optional(project: Project, path: Path) -> bytes | None:
    """A project file's bytes, or None when it does not exist yet."""
    if not path.exists() and not path.is_symlink():
        return None
    project.check_inside(path)
    return read_bytes(path, project.display(path))


def load_catalog(project: Project, path: Path) -> Catalog | None:
    """Read a catalog or template, or None when it does not exist yet."""
    data = read_optional(project, path)
    return None if data is None else parse_po(data, project.display(path))


@dataclass
class Outcome:
    """Which files a job wrote (or would write, with --check) and what it found on the way."""

    changed: list[str] = field(default_factory=list)
    stats: dict[str, MergeStats] = field(default_factory=dict)


def extract_project(project: Project, *, check: bool = False) -> Outcome:
    """Write every source's template; a template is rewritten only when its content changes."""
    outcome = Outcome()
    stamp = extract_mod.po_timestamp(now())
    for path in project.sources():
        slug = slug_of(path)
        doc = load_document(project, path)
        target = project.template(slug)
        old = load_catalog(project, target)
        new = extract_mod.build_template(doc, slug, stamp)
        if old is not None and extract_mod.same_content(old, new):
            continue
        outcome.changed.append(project.display(target))
        if not check:
            write_if_changed(target, serialize_po(new).encode("utf-8"), project.display(target))
    return outcome


def update_project(
    project: Project,
    *,
    check: bool = False,
    prune_obsolete: bool = False,
    notes_for: NotesFor | None = None,
) -> Outcome:
    """Create or update every language's catalog from its template."""
    outcome = Outcome()
    stamp = extract_mod.po_timestamp(now())
    for path in project.sources():
        slug = slug_of(path)
        template = load_catalog(project, project.template(slug))
        if template is None:
            missing = project.display(project.template(slug))
            raise UsageError(
                f"no template {missing} for {project.display(path)}; run extract first"
            )
        for lang in project.config.languages:
            target = project.catalog(lang, slug)
            display = project.display(target)
            before = read_optional(project, target)
            old = None if before is None else parse_po(before, display)
            notes = notes_for(lang) if notes_for else None
            new, stats = merge_catalog(
                template, old, lang, stamp, prune_obsolete=prune_obsolete, notes=notes
            )
            data = serialize_po(new).encode("utf-8")
            outcome.stats[display] = stats
            if before == data:
                continue
            outcome.changed.append(display)
            if not check:
                write_if_changed(target, data, display)
    return outcome


def glossary_notes_for(project: Project) -> NotesFor | None:
    """The glossary notes update writes for translators, if the project has a glossary."""
    path = project.glossary()
    if not path.exists():
        return None
    glossary = load_glossary(path, project.display(path))
    source_lang = project.config.source_language

    def for_lang(lang: str) -> Notes:
        return lambda msgid: glossary_notes(msgid, lang, glossary, source_lang)

    return for_lang
