"""End-to-end tests of `check` and `glossary`: exit codes, formats, suppression, the project's own catalogs."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from explainer_i18n.cli import cli
from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.glossary_tbx import parse_tbx
from explainer_i18n.model import Concept, Glossary

from .conftest import REPO, SHARED, copy_repo_project

CATALOG = "locales/uk/LC_MESSAGES/2026-01-06-pariser-gipfel-ukraine.po"
HEADER = 'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'


def invoke(*args: str) -> Result:
    """Run the command line."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's content project."""
    return copy_repo_project(tmp_path)


@pytest.fixture
def bad_po(tmp_path: Path) -> Path:
    """A standalone Ukrainian catalog (no project around it) with a forbidden term and a Russian letter."""
    path = tmp_path / "loose" / "bad.po"
    path.parent.mkdir()
    path.write_text(
        HEADER + 'msgid "Kiew lehnt ab."\nmsgstr "Киев відмовляється."\n\n'
        'msgid "Die Ukraine lehnt dies ab."\nmsgstr "Україна это відкидає."\n',
        encoding="utf-8",
    )
    return path


def test_project_catalogs_have_no_findings(project: Path) -> None:
    """The project's own finished translations raise no finding at all (no false alarms)."""
    result = invoke("check", "-C", str(project), "--fail-on", "warning")
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output


def test_forbidden_term_and_exit_1(bad_po: Path) -> None:
    """A forbidden variant is a glossary-forbidden-term error with file and line; exit 1."""
    result = invoke("check", str(bad_po), "--glossary", str(REPO / "locales/glossary.csv"))
    assert result.exit_code == 1
    assert f"{bad_po}:7: glossary-forbidden-term error:" in result.output
    assert "glossary-missing-term" not in result.output
    assert "uk-russian-letters" in result.output


def test_fail_on_never_and_warning(bad_po: Path, tmp_path: Path) -> None:
    """--fail-on never exits 0 with findings; a catalog with only warnings fails only --fail-on warning."""
    assert invoke("check", str(bad_po), "--fail-on", "never").exit_code == 0
    warn = tmp_path / "warn.po"
    warn.write_text(HEADER + 'msgid "Wer?"\nmsgstr "Хто"\n', encoding="utf-8")
    assert invoke("check", str(warn)).exit_code == 0
    assert invoke("check", str(warn), "--fail-on", "warning").exit_code == 1


def test_malformed_po_is_exit_2_naming_file_and_line(tmp_path: Path) -> None:
    """A malformed catalog is a usage/input error: exit 2 and one line naming file and line."""
    path = tmp_path / "broken.po"
    path.write_text(HEADER + 'msgid "a"\nmsgstr "b\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:8: unterminated string" in result.output and "Traceback" not in result.output


def test_sarif_output_validates_against_the_oasis_schema(bad_po: Path, tmp_path: Path) -> None:
    """--format sarif -o writes SARIF 2.1.0 valid against the schema, with our properties."""
    out = tmp_path / "report.sarif"
    result = invoke(
        "check",
        str(bad_po),
        "--glossary",
        str(REPO / "locales/glossary.csv"),
        "--format",
        "sarif",
        "-o",
        str(out),
    )
    assert result.exit_code == 1
    sarif = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((SHARED / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    forbidden = next(r for r in results if r["ruleId"] == "glossary-forbidden-term")
    assert forbidden["properties"]["concept"] == "kiew"
    assert forbidden["properties"]["lang"] == "uk" and forbidden["properties"]["fuzzy"] is False
    assert forbidden["locations"][0]["physicalLocation"]["region"]["startLine"] == 7


@pytest.mark.parametrize("fmt", ["json", "github", "junit", "text"])
def test_every_format_reports_the_findings(bad_po: Path, fmt: str) -> None:
    """Each report format names the forbidden-term finding."""
    result = invoke(
        "check", str(bad_po), "--glossary", str(REPO / "locales/glossary.csv"), "--format", fmt
    )
    assert result.exit_code == 1
    assert "glossary-forbidden-term" in result.output


def test_list_rules() -> None:
    """--list names every rule with its severity and reason."""
    result = invoke("check", "--list")
    assert result.exit_code == 0
    assert "glossary-missing-term" in result.output and "numbers-mismatch" in result.output


def test_suppression_comment_survives_update(project: Path) -> None:
    """A check-ignore translator comment silences a rule and is kept by update."""
    po = project / CATALOG
    text = po.read_text(encoding="utf-8")
    text = text.replace("Україна це відкидає.", "Україна  це відкидає.")
    po.write_text(text, encoding="utf-8")
    assert invoke("check", "-C", str(project), "--fail-on", "warning").exit_code == 1
    marked = text.replace(
        "#. paragraph 2 of the answer to: Was ist",
        "# check-ignore: whitespace\n#. paragraph 2 of the answer to: Was ist",
    )
    po.write_text(marked, encoding="utf-8")
    assert invoke("update", "-C", str(project)).exit_code == 0
    assert "# check-ignore: whitespace" in po.read_text(encoding="utf-8")
    assert invoke("check", "-C", str(project), "--fail-on", "warning").exit_code == 0


def check_ignoring(project: Path, *rules: str) -> tuple[int, list[dict[str, Any]]]:
    """Exit code and JSON findings of ``check`` with the repository's config ignoring ``rules``
    (its other settings, the glossary among them, kept)."""
    config = (REPO / "explainer-i18n.toml").read_text(encoding="utf-8")
    assert "\nignore = []\n" in config
    ignore = f"\nignore = {json.dumps(list(rules))}\n"
    (project / "explainer-i18n.toml").write_text(
        config.replace("\nignore = []\n", ignore), encoding="utf-8"
    )
    result = invoke("check", "-C", str(project), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_project_ignore_list(project: Path, bad_po: Path) -> None:
    """Rules named in the config's ignore list are not reported, and only they: the catalog
    reports both rules with an empty list, the other one with one ignored, none with both."""
    shutil.copy(bad_po, project / CATALOG)
    code, every = check_ignoring(project)
    assert code == 1
    assert sorted(f["rule"] for f in every) == ["glossary-forbidden-term", "uk-russian-letters"]
    code, some = check_ignoring(project, "uk-russian-letters")
    assert code == 1
    assert some == [f for f in every if f["rule"] != "uk-russian-letters"]
    both = check_ignoring(project, "uk-russian-letters", "glossary-forbidden-term")
    assert both == (0, [])


def test_rerun_replays_the_same_findings(project: Path, bad_po: Path) -> None:
    """A second check of unchanged catalogs reports exactly the same findings."""
    shutil.copy(bad_po, project / CATALOG)
    first = invoke("check", "-C", str(project), "--format", "json").stdout
    assert invoke("check", "-C", str(project), "--format", "json").stdout == first
    assert json.loads(first)


def unplaced(glossary: Glossary) -> list[Concept]:
    """A glossary's concepts without where they were read from (file and line differ by format)."""
    return [dataclasses.replace(concept, source="") for concept in glossary.concepts]


def test_glossary_lint_and_export(project: Path, bad_po: Path, tmp_path: Path) -> None:
    """The project glossary lints clean; its TBX and CSV exports read back to the same concepts,
    and checking with the TBX gives exactly the findings checking with the CSV gives."""
    lint = invoke("glossary", "lint", "-C", str(project))
    assert (lint.exit_code, lint.stdout) == (0, "no findings\n")
    glossary = project / "locales" / "glossary.csv"
    original = unplaced(parse_glossary_csv(glossary.read_text(encoding="utf-8"), "csv"))
    assert original, "the project glossary must have concepts to export"
    out = tmp_path / "glossary.tbx"
    assert invoke("glossary", "export", "-C", str(project), "-o", str(out)).exit_code == 0
    assert unplaced(parse_tbx(out.read_text(encoding="utf-8"), "tbx")) == original
    as_csv = invoke("glossary", "export", "-C", str(project), "--format", "csv")
    assert as_csv.exit_code == 0
    assert unplaced(parse_glossary_csv(as_csv.stdout, "csv")) == original
    with_csv = invoke("check", str(bad_po), "--glossary", str(glossary), "--format", "json")
    with_tbx = invoke("check", str(bad_po), "--glossary", str(out), "--format", "json")
    assert with_csv.exit_code == with_tbx.exit_code == 1
    assert with_tbx.stdout == with_csv.stdout
    assert "glossary-forbidden-term" in {f["rule"] for f in json.loads(with_tbx.stdout)}
    result = invoke("check", "-C", str(project), "--glossary", str(out), "--fail-on", "warning")
    assert result.exit_code == 0, result.output
