"""Build the localized editions of every explainer, publishing no German by accident."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from explainer_i18n import cldr, quick
from explainer_i18n.editions import render_html, render_json, render_markdown
from explainer_i18n.model import Catalog, Document, Segment
from explainer_i18n.parallel import Progress
from explainer_i18n.project import Project, slug_of
from explainer_i18n.source import render_source
from explainer_i18n.staging import Allowance, Staging, new_staging
from explainer_i18n.state import digest, job_key, load_state
from explainer_i18n.workflow import (
    Done,
    Job,
    Outcome,
    allowance_for,
    clear_leftovers,
    finish,
    load_catalog,
    parse_document,
    read_once,
    run_jobs,
    staged,
    stale_jobs,
)

FORMATS = ("txt", "md", "html", "json")


@dataclass(frozen=True)
class Gap:
    """A segment with no usable translation in one language (untranslated or fuzzy)."""

    path: str
    line: int
    lang: str
    text: str
    state: str
    """``untranslated``, ``fuzzy`` or ``missing`` (not in the catalog: run update)."""


@dataclass
class BuildReport:
    """What a build did: editions written, editions blocked, segments that fell back to German."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    """Edition sets skipped because nothing they depend on changed."""
    built: list[tuple[str, str]] = field(default_factory=list)
    blocked: list[tuple[str, str, float]] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    fallbacks: list[Gap] = field(default_factory=list)


def edition_texts(
    doc: Document, catalog: Catalog | None, lang: str
) -> tuple[dict[str, str], list[Gap]]:
    """The publishable translation of each segment, and the segments that have none."""
    usable: dict[str, str] = {}
    states: dict[str, str] = {}
    for message in catalog.messages if catalog else ():
        if message.obsolete or message.msgctxt is not None or message.msgid_plural is not None:
            continue
        if message.translated:
            usable[message.msgid] = message.msgstr
        else:
            states[message.msgid] = "fuzzy" if message.fuzzy and message.msgstr else "untranslated"
    gaps = [
        Gap(doc.path, s.line, lang, s.text, states.get(s.text, "missing"))
        for s in _unique(doc.segments)
        if s.text not in usable
    ]
    return usable, gaps


def _unique(segments: tuple[Segment, ...]) -> list[Segment]:
    """Segments with their first occurrence only."""
    first: dict[str, Segment] = {}
    for segment in segments:
        first.setdefault(segment.text, segment)
    return list(first.values())


def translated_percent(doc: Document, gaps: list[Gap]) -> float:
    """Share of distinct segments with a publishable translation."""
    total = len(_unique(doc.segments))
    return 100.0 * (total - len(gaps)) / total if total else 100.0


def render_editions(
    doc: Document, texts: dict[str, str], lang: str, slug: str, langs: tuple[str, ...]
) -> dict[str, str]:
    """Every edition of one explainer in one language, by format."""
    alternates = [(cldr.iso_lang(other), f"../{other}/{quote(slug)}.html") for other in langs]
    return {
        "txt": render_source(doc, texts),
        "md": render_markdown(doc, texts, lang),
        "html": render_html(doc, texts, lang, alternates),
        "json": render_json(doc, texts, lang),
    }


def build_project(
    project: Project,
    *,
    min_translated: float = 100.0,
    langs: tuple[str, ...] | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Write every complete edition; one below ``min_translated`` percent is blocked.

    An edition set whose source and catalog are unchanged since it was last built complete,
    and whose files are still as written, is not rebuilt."""
    report = BuildReport()
    languages = langs or project.config.languages
    outcome = Outcome(
        key=job_key("build", min_translated, project.config.languages, project.config.segmentation)
    )
    sources = project.sources()
    names = [f"build:{lang}:{slug_of(p)}" for p in sources for lang in languages]
    settings = quick.settings_lines(project.root)
    if quick.unchanged(project.root, "build", outcome.key, names, settings):
        report.unchanged = len(names)
        return report
    clear_leftovers(project, check=False)
    jobs: list[Job] = []
    for path in sources:
        slug = slug_of(path)
        for lang in languages:
            outputs = [project.edition(lang, slug, fmt) for fmt in FORMATS]
            jobs.append(
                (f"build:{lang}:{slug}", [path, project.catalog(lang, slug), *outputs], lang)
            )
    state = load_state(project.root, "build")
    stale = stale_jobs(state, jobs, outcome.key, outcome)
    report.unchanged = outcome.skipped
    staging = new_staging(len(stale))
    done = run_jobs(project, _build_chunk, stale, staging, min_translated, progress=progress)
    for job in done:
        verdict = _verdict(job)
        if verdict.blocked is not None:
            report.blocked.append(verdict.blocked)
            report.gaps.extend(verdict.gaps)
        else:
            report.built.append(verdict.built)
            report.fallbacks.extend(verdict.gaps)
        report.written.extend(project.display(item.target) for item in job.writes)
    # Only complete edition sets are remembered: a partial one is rebuilt and reported each time.
    remembered = [dataclasses.replace(job, result=_verdict(job).complete) for job in done]
    finish(project, state, remembered, outcome, staging)
    quick.remember(project.root, state, "build", outcome.key, names, settings)
    return report


@dataclass(frozen=True)
class _Verdict:
    """How one edition set went: built or blocked (with its percent), and its gaps."""

    built: tuple[str, str]
    blocked: tuple[str, str, float] | None
    gaps: list[Gap]

    @property
    def complete(self) -> bool:
        """Built with every segment translated: safe to skip next time."""
        return self.blocked is None and not self.gaps


def _verdict(job: Done) -> _Verdict:
    """The verdict a build job returned."""
    assert isinstance(job.result, _Verdict)
    return job.result


def _build_chunk(
    project: Project, jobs: list[Job], staging: Staging | None, min_translated: float
) -> list[Done]:
    """Build a share of the edition sets, parsing each source once."""
    allowance = allowance_for(staging, jobs)
    docs: dict[Path, tuple[str, Document]] = {}
    done = []
    for job in jobs:
        path = job[1][0]
        doc = read_once(docs, project, path, lambda p, d: parse_document(project, p, d))
        done.append(_build_one(project, job, doc, allowance, min_translated))
    return done


def _build_one(
    project: Project,
    job: Job,
    doc: tuple[str, Document],
    allowance: Allowance | None,
    min_translated: float,
) -> Done:
    """Render one explainer's editions in one language, staged, or block them."""
    name, files, lang = job
    path, catalog_path, *outputs = files  # the outputs in the order of FORMATS
    catalog = load_catalog(project, catalog_path)
    texts, gaps = edition_texts(doc[1], catalog, lang)
    percent = translated_percent(doc[1], gaps)
    if gaps and (min_translated >= 100.0 or percent < min_translated):
        return Done(
            name,
            files,
            {},
            result=_Verdict(
                (project.display(path), lang), (project.display(path), lang, percent), gaps
            ),
        )
    published = {s.text: texts.get(s.text, s.text) for s in doc[1].segments}
    hashes = {path: doc[0]}
    writes = []
    editions = render_editions(doc[1], published, lang, slug_of(path), project.config.languages)
    for fmt, target in zip(FORMATS, outputs, strict=True):
        data = editions[fmt].encode("utf-8")
        hashes[target] = digest(data)
        writes.extend(staged(project, target, data, allowance))
    return Done(
        name, files, hashes, writes, result=_Verdict((project.display(path), lang), None, gaps)
    )
