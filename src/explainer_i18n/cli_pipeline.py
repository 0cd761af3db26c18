"""The pipeline commands: extract, update, build and status."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from explainer_i18n import status as status_mod
from explainer_i18n.cli_options import (
    EXIT_FOUND,
    EXIT_OK,
    lock_option,
    locked,
    progress_for,
    project_option,
    quiet_option,
    reports_errors,
    say,
)
from explainer_i18n.errors import UsageError
from explainer_i18n.project import open_project, slug_of
from explainer_i18n.updating import update_project
from explainer_i18n.workflow import (
    Outcome,
    extract_project,
    load_catalog,
)

if TYPE_CHECKING:
    from explainer_i18n.publish import Gap


def _report_check(outcome: Outcome, what: str) -> None:
    """For --check: name each file that would change, then exit 1 if any would."""
    for path in outcome.changed:
        click.echo(f"{path}: would be {what}")
    sys.exit(EXIT_FOUND if outcome.changed else EXIT_OK)


@click.command()
@project_option
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a template is out of date.")
@quiet_option
@lock_option
@reports_errors
def extract(project_dir: Path, check: bool, quiet: bool, lock_timeout: float) -> None:
    """Write a template (locales/templates/<slug>.pot) for every source."""
    project = open_project(project_dir)
    with locked(project, lock_timeout):
        outcome = extract_project(project, check=check, progress=progress_for("extract", quiet))
    if check:
        _report_check(outcome, "rewritten by extract")
    for path in outcome.changed:
        say(f"wrote {path}", quiet)
    say(f"extract: {len(outcome.changed)} template(s) written", quiet)


@click.command()
@project_option
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if a catalog is out of date.")
@click.option(
    "--prune-obsolete", is_flag=True, help="Drop obsolete (#~) entries instead of keeping them."
)
@quiet_option
@lock_option
@reports_errors
def update(
    project_dir: Path, check: bool, prune_obsolete: bool, quiet: bool, lock_timeout: float
) -> None:
    """Create or update each language's catalog from its template, keeping every translation."""
    project = open_project(project_dir)
    with locked(project, lock_timeout):
        outcome = update_project(
            project,
            check=check,
            prune_obsolete=prune_obsolete,
            progress=progress_for("update", quiet),
        )
    if check:
        _report_check(outcome, "changed by update")
    for path in outcome.changed:
        s = outcome.stats[path]
        say(
            f"wrote {path}: {s.kept} kept, {s.fuzzy} fuzzy, {s.new} new, {s.obsolete} obsolete",
            quiet,
        )
    say(f"update: {len(outcome.changed)} catalog(s) written", quiet)


def _gap_line(gap: Gap) -> str:
    """``source/x.txt:7: uk: untranslated: Die vielen …``."""
    text = gap.text if len(gap.text) <= 60 else gap.text[:59] + "…"
    return f"{gap.path}:{gap.line}: {gap.lang}: {gap.state}: {text}"


@click.command()
@project_option
@click.option(
    "--min-translated",
    type=click.FloatRange(0, 100),
    default=100.0,
    show_default=True,
    help="Build an edition with at least this percent of segments translated; the rest falls back to German and is listed.",
)
@click.option("--lang", "langs", multiple=True, help="Build only this language (repeatable).")
@quiet_option
@lock_option
@reports_errors
def build(
    project_dir: Path,
    min_translated: float,
    langs: tuple[str, ...],
    quiet: bool,
    lock_timeout: float,
) -> None:
    """Render the txt, md, html and json editions of every explainer in every language."""
    project = open_project(project_dir)
    unknown = [lang for lang in langs if lang not in project.config.languages]
    if unknown:
        raise UsageError(f"--lang {unknown[0]!r} is not one of the project's languages")
    from explainer_i18n.publish import build_project  # the editions load only for build

    with locked(project, lock_timeout):
        report = build_project(
            project,
            min_translated=min_translated,
            langs=langs or None,
            progress=progress_for("build", quiet),
        )
    for path, lang, percent in report.blocked:
        click.echo(
            f"{path}: {lang}: blocked, {percent:.1f}% translated; untranslated or fuzzy segments:",
            err=True,
        )
    for gap in report.gaps:
        click.echo(_gap_line(gap), err=True)
    for gap in report.fallbacks:
        click.echo(f"{_gap_line(gap)} (published in German)", err=True)
    say(
        f"build: {len(report.built)} edition set(s) built, {report.unchanged} unchanged, "
        f"{len(report.written)} file(s) written, {len(report.blocked)} blocked",
        quiet,
    )
    sys.exit(EXIT_FOUND if report.blocked else EXIT_OK)


@click.command()
@project_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@reports_errors
def status(project_dir: Path, fmt: str) -> None:
    """Translated, fuzzy, untranslated and obsolete entries and words per explainer and language."""
    project = open_project(project_dir)
    rows = []
    for path in project.sources():
        slug = slug_of(path)
        for lang in project.config.languages:
            catalog = load_catalog(project, project.catalog(lang, slug))
            if catalog is None:
                raise UsageError(f"no catalog for {slug} in {lang}; run extract and update first")
            rows.append(status_mod.Row(slug, lang, status_mod.count(catalog)))
    render = status_mod.render_json if fmt == "json" else status_mod.render_table
    click.echo(render(rows), nl=False)
