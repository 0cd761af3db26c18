"""Run the quality and glossary checks over catalogs given as paths or found in a project."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from explainer_i18n.checks import RULES, run_checks
from explainer_i18n.checks.suppress import skipped_rules
from explainer_i18n.errors import InputError, UsageError
from explainer_i18n.extract import get_field, header_fields
from explainer_i18n.fsio import read_bytes
from explainer_i18n.glossary_check import GLOSSARY_RULES, glossary_findings
from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.glossary_tbx import parse_tbx
from explainer_i18n.model import Catalog, Finding, Glossary, Rule, Severity
from explainer_i18n.po_parse import parse_po
from explainer_i18n.project import Project, slug_of

ALL_RULES: tuple[Rule, ...] = (*RULES, *GLOSSARY_RULES)


@dataclass(frozen=True)
class Target:
    """A catalog to check: where it is and how to name it in findings."""

    path: Path
    display: str


def display_path(path: Path) -> str:
    """A path as findings name it: relative to the working directory where possible."""
    relative = os.path.relpath(path)
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


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


def load_glossary(path: Path, display: str) -> Glossary:
    """Read a CSV or TBX glossary, by its extension."""
    data = read_bytes(path, display)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("glossary is not valid UTF-8", display) from None
    if path.suffix.lower() == ".csv":
        return parse_glossary_csv(text, display)
    if path.suffix.lower() in (".tbx", ".xml"):
        return parse_tbx(text, display)
    raise UsageError(f"{display}: glossary must be .csv or .tbx")


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


def check_targets(
    targets: list[Target], glossary: Glossary | None, ignore: frozenset[str], source_lang: str
) -> list[Finding]:
    """The findings of every target, in order."""
    findings: list[Finding] = []
    for target in targets:
        catalog = parse_po(read_bytes(target.path, target.display), target.display)
        findings.extend(check_catalog(catalog, target, glossary, ignore, source_lang))
    return findings


def failing(findings: list[Finding], fail_on: Severity | None) -> bool:
    """Whether any finding is at or above the --fail-on severity."""
    return fail_on is not None and any(f.severity.value >= fail_on.value for f in findings)
