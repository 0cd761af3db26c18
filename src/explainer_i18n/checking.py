"""Run the quality and glossary checks over catalogs given as paths or found in a project."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from explainer_i18n.checks import RULES, run_checks
from explainer_i18n.checks.suppress import skipped_rules
from explainer_i18n.errors import InputError, UsageError
from explainer_i18n.extract import get_field, header_fields
from explainer_i18n.fsio import read_bytes
from explainer_i18n.glossary_check import GLOSSARY_RULES, glossary_findings
from explainer_i18n.glossary_io import cached_glossary
from explainer_i18n.model import Catalog, Finding, Glossary, Rule, Severity
from explainer_i18n.parallel import Progress, run_chunks
from explainer_i18n.po_parse import parse_po
from explainer_i18n.project import Project, slug_of
from explainer_i18n.state import (
    FileMemo,
    digest,
    job_key,
    load_state,
    memo_files,
    relative,
    save_state,
    signature,
    trusted,
)

ALL_RULES: tuple[Rule, ...] = (*RULES, *GLOSSARY_RULES)


@dataclass(frozen=True)
class Target:
    """A catalog to check: where it is and how to name it in findings."""

    path: Path
    display: str


def display_path(path: Path) -> str:
    """A path as findings name it: relative to the working directory where possible."""
    near = os.path.relpath(path)
    return Path(near).as_posix() if not near.startswith("..") else path.as_posix()


def targets_from_paths(paths: tuple[str, ...]) -> list[Target]:
    """PO files given directly, and every .po below folders given, sorted per folder."""
    targets: list[Target] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            targets.extend(Target(p, display_path(p)) for p in sorted(path.rglob("*.po")))
        elif path.exists():
            targets.append(Target(path, given))
        else:
            raise UsageError(f"{given}: no such file or folder")
    return targets


def targets_from_project(project: Project) -> list[Target]:
    """Every catalog of the project, explainer by explainer, language by language."""
    targets = []
    for source in project.sources():
        for lang in project.config.languages:
            path = project.catalog(lang, slug_of(source))
            if path.exists():
                targets.append(Target(path, display_path(path)))
    return targets


def catalog_lang(catalog: Catalog, target: Target) -> str:
    """The catalog's language: its Language header, else the folder above LC_MESSAGES."""
    lang = get_field(header_fields(catalog.header), "Language")
    if lang:
        return lang
    parts = target.path.parts
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES":
        return parts[-3]
    raise InputError("cannot tell the catalog's language: no Language header", target.display)


def check_catalog(
    catalog: Catalog,
    target: Target,
    glossary: Glossary | None,
    ignore: frozenset[str],
    source_lang: str,
) -> list[Finding]:
    """Quality and glossary findings of one catalog, honouring ignores and suppressions."""
    lang = catalog_lang(catalog, target)
    findings = run_checks(catalog, target.display, lang, ignore, source_lang)
    if glossary is not None:
        lines = {m.line: m for m in catalog.messages}
        for finding in glossary_findings(catalog, target.display, lang, glossary, source_lang):
            message = lines.get(finding.line)
            if finding.rule not in (skipped_rules(message, ignore) if message else ignore):
                findings.append(finding)
    return findings


@dataclass(frozen=True)
class CheckRun:
    """What every check job needs: the glossary file, the settings, the project root if any."""

    glossary: tuple[Path, str] | None
    """The glossary's path and display name; each worker reads it once."""
    ignore: frozenset[str]
    source_lang: str
    root: Path | None
    """The project root, where the results of unchanged catalogs are remembered."""


def check_targets(
    targets: list[Target], run: CheckRun, progress: Progress | None = None
) -> list[Finding]:
    """The findings of every target, in order; unchanged catalogs replay their last findings."""
    if run.root is None:
        return [
            f
            for _, found, _ in run_chunks(_check_chunk, run, targets, progress=progress)
            for f in found
        ]
    state = load_state(run.root, "check")
    key = job_key("check", sorted(run.ignore), run.source_lang, [r.id for r in ALL_RULES])
    extra = [run.glossary[0]] if run.glossary else []
    results: dict[int, list[Finding]] = {}
    stale: list[tuple[int, Target]] = []
    for number, target in enumerate(targets):
        memo = state.fresh(_job_name(run.root, target), key, [target.path, *extra])
        if memo is not None and isinstance(memo.result, list):
            results[number] = [_finding_from(record, target.display) for record in memo.result]
        else:
            stale.append((number, target))
    checked = run_chunks(_check_chunk, run, [t for _, t in stale], progress=progress)
    for (number, _), (target, found, seen) in zip(stale, checked, strict=True):
        results[number] = found
        records = [_record(f) for f in found]
        files = memo_files(run.root, extra, {}, state.since_ns)
        if seen is not None:  # the catalog as the check read it, not read again here
            sig = None if seen.sig is None else trusted(seen.sig, state.since_ns)
            files[relative(run.root, target.path)] = FileMemo(sig, seen.hash)
        state.record(_job_name(run.root, target), key, files, records)
    save_state(state)
    return [f for number in range(len(targets)) for f in results[number]]


def _job_name(root: Path, target: Target) -> str:
    """The state name of a catalog's check."""
    return f"check:{relative(root, target.path)}"


def _check_chunk(
    run: CheckRun, targets: list[Target]
) -> list[tuple[Target, list[Finding], FileMemo | None]]:
    """Check a share of the catalogs (in a worker process for large projects); each comes back
    with its findings and what the file was when read (its signature taken before reading)."""
    glossary = cached_glossary(*run.glossary) if run.glossary else None
    done = []
    for target in targets:
        sig = signature(target.path)
        data = read_bytes(target.path, target.display)
        catalog = parse_po(data, target.display)
        found = check_catalog(catalog, target, glossary, run.ignore, run.source_lang)
        done.append((target, found, None if sig is None else FileMemo(sig, digest(data))))
    return done


def _record(finding: Finding) -> dict[str, object]:
    """A finding as remembered in the state, without its path (the display may differ)."""
    record = dataclasses.asdict(finding)
    record["severity"] = finding.severity.value
    del record["path"]
    return record


def _finding_from(record: dict[str, object], path: str) -> Finding:
    """A remembered finding, for the catalog as named in this run."""
    fields = dict(record)
    fields["severity"] = Severity(fields["severity"])
    return Finding(path=path, **fields)  # type: ignore[arg-type]


def failing(findings: list[Finding], fail_on: Severity | None) -> bool:
    """Whether any finding is at or above the --fail-on severity."""
    return fail_on is not None and any(f.severity.value >= fail_on.value for f in findings)
