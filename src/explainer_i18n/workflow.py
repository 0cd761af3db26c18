"""The project-level jobs behind extract, update and build: skip what is unchanged, spread the
rest, stage the writes; and extract itself."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from explainer_i18n import extract as extract_mod
from explainer_i18n import quick
from explainer_i18n.fsio import read_bytes
from explainer_i18n.merge import MergeStats
from explainer_i18n.model import Catalog, Document
from explainer_i18n.parallel import Progress, run_chunks
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po
from explainer_i18n.project import BUILD_DIR, LOCALES_DIR, Project, slug_of
from explainer_i18n.sentences import sentence_spans
from explainer_i18n.source import decode_source, parse_source
from explainer_i18n.staging import Allowance, Pending, Staging, commit, new_staging, sweep
from explainer_i18n.state import (
    STATE_DIR,
    State,
    digest,
    job_key,
    load_state,
    memo_files,
    save_state,
    wait_for_clock,
)


def now() -> datetime.datetime:
    """The time written into headers: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return datetime.datetime.now(datetime.UTC).replace(second=0, microsecond=0)


def parse_document(project: Project, path: Path, data: bytes) -> Document:
    """A source's bytes parsed in the project's segmentation mode."""
    display = project.display(path)
    text = decode_source(data, display)
    return parse_source(text, display, project.config.segmentation, sentence_spans)


def read_input(project: Project, path: Path) -> bytes:
    """A project file a job reads, refused when it resolves outside the project."""
    project.check_inside(path)
    return read_bytes(path, project.display(path))


def read_optional(project: Project, path: Path) -> bytes | None:
    """A project file's bytes, or None when it does not exist yet."""
    if not path.exists() and not path.is_symlink():
        return None
    return read_input(project, path)


T = TypeVar("T")


def read_once(
    seen: dict[Path, tuple[str, T]],
    project: Project,
    path: Path,
    parse: Callable[[Path, bytes], T],
) -> tuple[str, T]:
    """The hash and parsed form (``parse(path, data)``) of an input several jobs of a chunk
    share (a template, a source), read and parsed the first time only."""
    if path not in seen:
        data = read_input(project, path)
        seen[path] = (digest(data), parse(path, data))
    return seen[path]


def load_catalog(project: Project, path: Path) -> Catalog | None:
    """Read a catalog or template, or None when it does not exist yet."""
    data = read_optional(project, path)
    return None if data is None else parse_po(data, project.display(path))


@dataclass
class Outcome:
    """Which files a job wrote (or would write, with --check) and what update did to each."""

    key: str = ""
    """The settings key the jobs ran under."""
    changed: list[str] = field(default_factory=list)
    stats: dict[str, MergeStats] = field(default_factory=dict)
    skipped: int = 0


@dataclass(frozen=True)
class Done:
    """What one job computed: what it depends on, what it staged, what changed."""

    name: str
    files: list[Path]
    """Every file the job depends on (inputs and outputs), for the state."""
    hashes: dict[Path, str]
    """Content hashes already known, so the state need not read those files again."""
    writes: list[Pending] = field(default_factory=list)
    """The files it would write; empty with --check."""
    changed: list[str] = field(default_factory=list)
    stats: dict[str, MergeStats] = field(default_factory=dict)
    result: object = None
    """What to remember about the job (build keeps its verdict here)."""


Job = tuple[str, list[Path], Any]
"""A job's state name, the files it depends on, and what else its worker needs; the worker's
``Done`` carries the same name and files."""


def stale_jobs(state: State, jobs: Sequence[Job], key: str, outcome: Outcome) -> list[Job]:
    """The jobs whose settings, inputs or outputs changed since they last ran."""
    stale = []
    for job in jobs:
        if state.fresh(job[0], key, job[1]):
            outcome.skipped += 1
        else:
            stale.append(job)
    return stale


def run_jobs(
    project: Project,
    func: Callable[..., list[Done]],
    jobs: list[Job],
    staging: Staging | None,
    *args: Any,
    progress: Progress | None = None,
) -> list[Done]:
    """Run the jobs in chunks (``staging`` None: with --check, nothing is staged); if any
    fails, remove what the others staged and re-raise."""
    try:
        return run_chunks(func, project, jobs, staging, *args, progress=progress)
    except BaseException:
        if staging is not None:
            sweep([project.root / LOCALES_DIR, project.root / BUILD_DIR], staging.run)
        raise


def run_and_record(
    project: Project,
    kind: str,
    state: State,
    stale: list[Job],
    outcome: Outcome,
    quick_answer: tuple[list[str], list[str]],
    func: Callable[..., list[Done]],
    *args: Any,
    check: bool = False,
    progress: Progress | None = None,
) -> None:
    """Run the stale jobs of extract or update. With --check, only note what would change;
    otherwise put the files in place, remember the jobs, and leave the quick answer for the
    job ``names`` and ``settings`` of ``quick_answer``."""
    staging = None if check else new_staging(len(stale))
    done = run_jobs(project, func, stale, staging, *args, progress=progress)
    if staging is None:
        outcome.changed = [c for d in done for c in d.changed]
        return
    finish(project, state, done, outcome, staging)
    names, settings = quick_answer
    quick.remember(project.root, state, kind, outcome.key, names, settings)


def clear_leftovers(project: Project, check: bool) -> None:
    """Before a run that may write, remove the temporary files of runs that were killed (their
    folders changed, so no quick answer skipped this). The caller holds the lock."""
    if check:
        return
    sweep([project.root / LOCALES_DIR, project.root / BUILD_DIR, project.root / STATE_DIR])


def finish(
    project: Project, state: State, done_jobs: list[Done], outcome: Outcome, staging: Staging
) -> None:
    """Put every staged file in place (all jobs succeeded) and remember the jobs."""
    for done in done_jobs:
        outcome.changed.extend(done.changed)
        outcome.stats.update(done.stats)
    pending = [item for done in done_jobs for item in done.writes]
    commit(pending, staging.run, project.display)
    written = wait_for_clock([item.target for item in pending])
    for done in done_jobs:
        if done.result is False:
            state.forget(done.name)
            continue
        files = memo_files(project.root, done.files, done.hashes, state.since_ns, written)
        state.record(done.name, outcome.key, files, done.result)
    save_state(state)


def staged(
    project: Project,
    target: Path,
    data: bytes,
    allowance: Allowance | None,
    *,
    differs: bool = False,
) -> list[Pending]:
    """Stage ``data`` for ``target`` unless checking (no allowance) or unchanged
    (``differs``: the caller has already compared it with the file's bytes)."""
    project.check_inside(target)
    if allowance is None:
        return []
    pending = allowance.stage(target, data, project.display(target), differs=differs)
    return [pending] if pending else []


def allowance_for(staging: Staging | None, jobs: list[Job]) -> Allowance | None:
    """What a chunk of jobs may hold in memory; None with --check."""
    return None if staging is None else staging.allowance(len(jobs))


# --- extract ---------------------------------------------------------------------------------


def extract_project(
    project: Project, *, check: bool = False, progress: Progress | None = None
) -> Outcome:
    """Write every source's template; a template is rewritten only when its content changes."""
    outcome = Outcome(key=job_key("extract", project.config.segmentation))
    sources = project.sources()
    names = [f"extract:{slug_of(p)}" for p in sources]
    settings = quick.settings_lines(project.root)
    if quick.unchanged(project.root, "extract", outcome.key, names, settings):
        outcome.skipped = len(names)
        return outcome
    clear_leftovers(project, check)
    jobs: list[Job] = [
        (name, [p, project.template(slug_of(p))], None)
        for name, p in zip(names, sources, strict=True)
    ]
    state = load_state(project.root, "extract")
    stale = stale_jobs(state, jobs, outcome.key, outcome)
    stamp = extract_mod.po_timestamp(now())
    run_and_record(
        project, "extract", state, stale, outcome, (names, settings), _extract_chunk, stamp,
        check=check, progress=progress,
    )  # fmt: skip
    return outcome


def _extract_chunk(
    project: Project, jobs: list[Job], staging: Staging | None, stamp: str
) -> list[Done]:
    """Extract a share of the sources (in a worker process for large projects)."""
    allowance = allowance_for(staging, jobs)
    return [_extract_one(project, name, files, allowance, stamp) for name, files, _ in jobs]


def _extract_one(
    project: Project, name: str, files: list[Path], allowance: Allowance | None, stamp: str
) -> Done:
    """The template of one source, staged if its content changed."""
    path, target = files
    source_data = read_input(project, path)
    old_data = read_optional(project, target)
    new = extract_mod.build_template(
        parse_document(project, path, source_data), slug_of(path), stamp
    )
    data = serialize_po(new).encode("utf-8")
    hashes = {path: digest(source_data)}
    if old_data is not None and extract_mod.same_content(old_data, data):
        hashes[target] = digest(old_data)
        return Done(name, files, hashes)
    hashes[target] = digest(data)
    # Compared above (the date line apart): the old template is not read again.
    writes = staged(project, target, data, allowance, differs=True)
    return Done(name, files, hashes, writes, [project.display(target)])
