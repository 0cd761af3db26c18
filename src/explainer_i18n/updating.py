"""update over a project: each language's catalog merged with its template, in parallel."""

from __future__ import annotations

from pathlib import Path

from explainer_i18n import extract as extract_mod
from explainer_i18n import quick
from explainer_i18n.errors import UsageError
from explainer_i18n.fsio import read_bytes
from explainer_i18n.glossary_io import glossary_for, glossary_notes_for
from explainer_i18n.merge import merge_catalog
from explainer_i18n.model import Catalog, Glossary, Message
from explainer_i18n.parallel import Progress
from explainer_i18n.po_parse import parse_po, parse_po_texts
from explainer_i18n.po_serialize import serialize_po
from explainer_i18n.project import Project, slug_of
from explainer_i18n.staging import Allowance, Staging
from explainer_i18n.state import State, digest, job_key, load_state, relative
from explainer_i18n.workflow import (
    Done,
    Job,
    Outcome,
    allowance_for,
    clear_leftovers,
    now,
    read_once,
    read_optional,
    run_and_record,
    staged,
    stale_jobs,
)


def update_project(
    project: Project,
    *,
    check: bool = False,
    prune_obsolete: bool = False,
    progress: Progress | None = None,
) -> Outcome:
    """Create or update every language's catalog from its template."""
    outcome = Outcome(key=job_key("update", prune_obsolete, project.config.source_language))
    sources = project.sources()
    languages = project.config.languages
    names = [f"update:{lang}:{slug_of(p)}" for p in sources for lang in languages]
    glossary = [project.glossary()] if project.glossary().exists() else []
    # A glossary may appear after the last run: it is watched like the settings files.
    settings = quick.settings_lines(project.root, relative(project.root, project.glossary()))
    if quick.unchanged(project.root, "update", outcome.key, names, settings):
        outcome.skipped = len(names)
        return outcome
    clear_leftovers(project, check)
    jobs: list[Job] = []
    for path in sources:
        slug = slug_of(path)
        template = project.template(slug)
        if not template.exists():
            raise UsageError(
                f"no template {project.display(template)} for {project.display(path)}; run extract first"
            )
        for lang in languages:
            files = [template, project.catalog(lang, slug), *glossary]
            jobs.append((f"update:{lang}:{slug}", files, (lang, False, None)))
    state = load_state(project.root, "update")
    jobs = _mark_known(project, state, jobs, outcome.key)
    stale = stale_jobs(state, jobs, outcome.key, outcome)
    stamp = extract_mod.po_timestamp(now())
    run_and_record(
        project, "update", state, stale, outcome, (names, settings), _update_chunk, stamp,
        prune_obsolete, check=check, progress=progress,
    )  # fmt: skip
    return outcome


def _mark_known(project: Project, state: State, jobs: list[Job], key: str) -> list[Job]:
    """Add to each job what its last run knew: whether the catalog was written with the
    current glossary (its unchanged entries keep their notes, so the German need not be
    analysed again), and the hash of the catalog it wrote (a catalog that still has it is
    this tool's own output, so the text of its unchanged entries can be used again)."""
    path = project.glossary()
    glossary = digest(read_bytes(path, project.display(path))) if path.exists() else None
    rel = relative(project.root, path)
    marked: list[Job] = []
    for name, files, (lang, _, _) in jobs:
        memo = state.jobs.get(name)
        if memo is None or memo.key != key:
            marked.append((name, files, (lang, False, None)))
            continue
        notes = memo.files.get(rel)
        written = memo.files.get(relative(project.root, files[1]))
        same_glossary = glossary is not None and notes is not None and notes.hash == glossary
        marked.append((name, files, (lang, same_glossary, written.hash if written else None)))
    return marked


def _update_chunk(
    project: Project, jobs: list[Job], staging: Staging | None, stamp: str, prune: bool
) -> list[Done]:
    """Update a share of the catalogs, reading each template once."""
    glossary = glossary_for(project)
    allowance = allowance_for(staging, jobs)
    templates: dict[Path, tuple[str, Catalog]] = {}
    done = []
    for name, files, (lang, reuse, written) in jobs:
        path = files[0]
        template = read_once(
            templates, project, path, lambda p, d: parse_po(d, project.display(p))
        )
        merging = (stamp, prune, reuse)
        job = (name, files, (lang, written))
        done.append(_update_one(project, job, template, allowance, merging, glossary))
    return done


def _update_one(
    project: Project,
    job: Job,
    template: tuple[str, Catalog],
    allowance: Allowance | None,
    merging: tuple[str, bool, bool],
    glossary: Glossary | None,
) -> Done:
    """One catalog merged with its template, staged if it changed."""
    name, files, (lang, written) = job
    target = files[1]
    display = project.display(target)
    before = read_optional(project, target)
    old, texts = _read_old(before, display, written)
    notes = glossary_notes_for(glossary, lang, project.config.source_language)
    stamp, prune, reuse = merging
    new, stats = merge_catalog(
        template[1], old, lang, stamp, prune_obsolete=prune, notes=notes, reuse_notes=reuse
    )
    data = serialize_po(new, written=texts).encode("utf-8")
    hashes = {files[0]: template[0], target: digest(data)}
    if before == data:
        return Done(name, files, hashes, stats={display: stats})
    writes = staged(project, target, data, allowance, differs=True)
    return Done(name, files, hashes, writes, [display], {display: stats})


def _read_old(
    before: bytes | None, display: str, written: str | None
) -> tuple[Catalog | None, dict[Message, str]]:
    """The old catalog, with the text of its entries when it is still the catalog this tool
    wrote last time (same hash), so that text is what the writer would give them."""
    if before is None:
        return None, {}
    if written is not None and digest(before) == written:
        return parse_po_texts(before, display)
    return parse_po(before, display), {}
