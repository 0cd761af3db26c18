"""The check and glossary commands: findings for CI in text, JSON, SARIF, GitHub or JUnit form."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from explainer_i18n import __version__
from explainer_i18n.checking import (
    ALL_RULES,
    CheckRun,
    Target,
    check_targets,
    display_path,
    failing,
    targets_from_paths,
    targets_from_project,
)
from explainer_i18n.cli_options import (
    EXIT_FOUND,
    EXIT_OK,
    progress_for,
    project_option,
    quiet_option,
    reports_errors,
    say,
)
from explainer_i18n.errors import UsageError
from explainer_i18n.fsio import write_atomic
from explainer_i18n.glossary_csv import serialize_glossary_csv
from explainer_i18n.glossary_io import cached_glossary
from explainer_i18n.glossary_lint import lint_glossary
from explainer_i18n.model import Finding, Glossary, Rule, Severity
from explainer_i18n.project import Project, open_project
from explainer_i18n.report_sarif import render_sarif
from explainer_i18n.reports import render_github, render_json, render_text, summary

FORMATS = ("text", "json", "sarif", "github", "junit")
FAIL_ON = {"error": Severity.ERROR, "warning": Severity.WARNING, "never": None}


def _render(
    fmt: str,
    findings: list[Finding],
    rules: tuple[Rule, ...],
    catalogs: list[str],
    fail_on: Severity | None,
    color: bool,
) -> str:
    """The report in the chosen format."""
    if fmt == "json":
        return render_json(findings)
    if fmt == "sarif":
        return render_sarif(findings, rules, __version__)
    if fmt == "github":
        return render_github(findings)
    if fmt == "junit":
        # Loaded only for this format: its XML modules would slow every other check's start.
        from explainer_i18n.report_junit import render_junit

        return render_junit(findings, rules, catalogs, fail_on=fail_on)
    return render_text(findings, color)


def _emit(text: str, output: Path | None) -> None:
    """Write the report to -o FILE (atomically) or stdout."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n") and bool(text))
    else:
        write_atomic(output, text.encode("utf-8"), str(output))


def _project_or_none(project_dir: Path, explicit: bool) -> Project | None:
    """The project around the check, if there is one (PATHs may be outside any project)."""
    if not explicit and not (project_dir / "source").is_dir():
        return None
    return open_project(project_dir)


def _glossary_file(glossary: Path | None, project: Project | None) -> tuple[Path, str] | None:
    """The --glossary file, else the project's glossary if it has one, with its display name."""
    if glossary is not None:
        return glossary, str(glossary)
    if project is not None and project.glossary().exists():
        project.check_inside(project.glossary())
        return project.glossary(), display_path(project.glossary())
    return None


def _glossary(glossary: Path | None, project: Project | None) -> Glossary | None:
    """The glossary itself (read once per process)."""
    found = _glossary_file(glossary, project)
    return cached_glossary(*found) if found else None


@click.command()
@click.argument("paths", nargs=-1)
@project_option
@click.option(
    "--glossary",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Glossary (.csv or .tbx); default: the project's.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(tuple(FAIL_ON)),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here instead of stdout.",
)
@quiet_option
@click.option(
    "--list",
    "list_rules",
    is_flag=True,
    help="List the rules with id, severity and reason, and exit.",
)
@reports_errors
def check(
    paths: tuple[str, ...],
    project_dir: Path,
    glossary: Path | None,
    fmt: str,
    fail_on: str,
    output: Path | None,
    quiet: bool,
    list_rules: bool,
) -> None:
    """Check translations: glossary terms, numbers, dates, punctuation, scripts and more.

    PATHS are PO files or folders; by default every catalog of the project is checked."""
    if list_rules:
        for rule in ALL_RULES:
            click.echo(f"{rule.id:<26} {rule.severity.label:<8} {rule.reason}")
        sys.exit(EXIT_OK)
    explicit = project_dir != Path()
    project = _project_or_none(project_dir, explicit or not paths)
    targets: list[Target] = targets_from_paths(paths) if paths else targets_from_project(project)  # type: ignore[arg-type]
    if not targets:
        raise UsageError("no catalogs to check")
    _glossary(glossary, project)  # a bad glossary is reported once, before any catalog is read
    run = CheckRun(
        _glossary_file(glossary, project),
        frozenset(project.config.ignore) if project else frozenset(),
        project.config.source_language if project else "de",
        project.root if project else None,
    )
    findings = check_targets(targets, run, progress_for("check", quiet))
    threshold = FAIL_ON[fail_on]
    color = fmt == "text" and output is None and sys.stdout.isatty()
    _emit(
        _render(fmt, findings, ALL_RULES, [t.display for t in targets], threshold, color), output
    )
    if fmt != "text":
        say(summary(findings), quiet)
    sys.exit(EXIT_FOUND if failing(findings, threshold) else EXIT_OK)


@click.group()
def glossary() -> None:
    """Lint the glossary or export it to another format."""


@glossary.command("lint")
@project_option
@click.option(
    "--glossary",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Glossary file; default: the project's.",
)
@reports_errors
def lint(project_dir: Path, path: Path | None) -> None:
    """Each term matches itself, no forbidden variant matches an allowed term, no duplicates."""
    project = None if path else open_project(project_dir)
    terms = _glossary(path, project)
    if terms is None:
        raise UsageError("the project has no glossary file")
    findings = lint_glossary(terms)
    click.echo(render_text(findings, sys.stdout.isatty()), nl=False)
    sys.exit(EXIT_FOUND if failing(findings, Severity.WARNING) else EXIT_OK)


@glossary.command("export")
@project_option
@click.option(
    "--format", "fmt", type=click.Choice(["tbx", "csv"]), default="tbx", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of stdout.",
)
@reports_errors
def export(project_dir: Path, fmt: str, output: Path | None) -> None:
    """Write the project's glossary as TBX (ISO 30042:2019, TBX-Basic) or CSV."""
    project = open_project(project_dir)
    terms = _glossary(None, project)
    if terms is None:
        raise UsageError("the project has no glossary file")
    if fmt == "tbx":
        from explainer_i18n.glossary_tbx import serialize_tbx  # its XML modules load only here

        text = serialize_tbx(terms, project.config.source_language)
    else:
        text = serialize_glossary_csv(terms)
    _emit(text, output)
