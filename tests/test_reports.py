"""Tests of the check report formats: text, JSON, SARIF, GitHub workflow commands, JUnit XML."""

from __future__ import annotations

import dataclasses
import json
import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer_i18n.model import Finding, Rule, Severity
from explainer_i18n.report_junit import render_junit
from explainer_i18n.report_sarif import FINGERPRINT_KEY, artifact_uri, fingerprint, render_sarif
from explainer_i18n.reports import (
    escape_github_data,
    escape_github_property,
    render_github,
    render_json,
    render_text,
)

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "data" / "sarif-schema-2.1.0.json"

UK = "po/uk/erklaerer.po"
FR = "po/fr/erklaerer.po"
ODD = "po/en/a, b: c.po"
"""A catalog path with the separators of workflow command properties in it."""
CLEAN = "po/en/erklaerer.po"

FINDINGS = (
    Finding(
        "glossary-forbidden-term",
        Severity.ERROR,
        'Заборонений термін «біженець» замість "особа, що шукає захисту" <див. глосарій> & ін.',
        UK,
        42,
        "uk",
        "Was bedeutet das für Geflüchtete?",
        False,
        "refugee",
    ),
    Finding(
        "glossary-missing-term",
        Severity.WARNING,
        "Термін відсутній:\nочікується «ЄС», 100% збіг",
        UK,
        7,
        "uk",
        "Die EU",
        True,
        "eu",
    ),
    Finding(
        "fuzzy-entry",
        Severity.NOTE,
        "L'entrée est « floue » : à revoir, 50 % faite",
        FR,
        3,
        "fr",
        "Wer zahlt?",
        True,
    ),
    Finding(
        "glossary-missing-term",
        Severity.ERROR,
        "Terme manquant : « UE » <b>&amp;</b>\r\nfin",
        FR,
        18,
        "fr",
        "Die EU, kurz",
        False,
        "eu",
    ),
    Finding("placeholder-mismatch", Severity.ERROR, "50%: {n}, {m}", ODD, 5, "en", "{n} von {m}"),
)
RULES = (
    Rule("glossary-forbidden-term", Severity.ERROR, "A forbidden term stands in the translation."),
    Rule("glossary-missing-term", Severity.WARNING, "The preferred term is missing."),
    Rule("fuzzy-entry", Severity.NOTE, "The translation still needs review."),
    Rule("placeholder-mismatch", Severity.ERROR, "Placeholders differ from the German."),
    Rule("untranslated", Severity.WARNING, "The entry has no translation."),
)
CATALOGS = (UK, FR, ODD, CLEAN)


def shuffled(findings: tuple[Finding, ...], seed: int) -> list[Finding]:
    """The findings in another order, the same one for the same seed."""
    rows = list(findings)
    random.Random(seed).shuffle(rows)
    return rows


# --- text ------------------------------------------------------------------------------------


def test_text_groups_findings_under_their_catalog_in_path_order() -> None:
    """Each finding line follows the heading of its own catalog, catalogs sorted by path."""
    lines = render_text(FINDINGS, color=False).splitlines()
    headings = [line for line in lines if line in CATALOGS]
    assert headings == sorted({f.path for f in FINDINGS})
    heading = None
    for line in lines:
        if line in CATALOGS:
            heading = line
        elif line.startswith("po/"):
            assert heading is not None
            assert line.startswith(f"{heading}:")


def test_text_lines_carry_location_rule_severity_and_message() -> None:
    """A finding reads ``path:line: rule severity: message``."""
    text = render_text(FINDINGS, color=False)
    first = FINDINGS[0]
    expected = f"{first.path}:{first.line}: {first.rule} {first.severity.label}: {first.message}"
    assert expected in text.splitlines()


def test_text_indents_the_continuation_of_multi_line_messages() -> None:
    """A message's later lines are indented, so no line of it poses as a finding."""
    lines = render_text(FINDINGS, color=False).splitlines()
    assert "    очікується «ЄС», 100% збіг" in lines


def test_text_summary_counts_severities_and_catalogs() -> None:
    """The last line counts errors, warnings and notes and the catalogs they are in."""
    last = render_text(FINDINGS, color=False).splitlines()[-1]
    assert last == "3 errors, 1 warning, 1 note in 3 catalogs"


def test_text_summary_uses_singular_for_one() -> None:
    """One finding in one catalog is counted in the singular."""
    last = render_text(FINDINGS[:1], color=False).splitlines()[-1]
    assert last == "1 error in 1 catalog"


def test_text_without_color_has_no_escape_codes_even_from_hostile_messages() -> None:
    """Without colour the output holds no ESC, even when a message carries one."""
    hostile = Finding("x", Severity.ERROR, "red \x1b[31malert\x1b[0m\x07", "po/uk/\x1b.po", 1)
    text = render_text([*FINDINGS, hostile], color=False)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "red \\x1b[31malert" in text


def test_text_with_color_paints_severities() -> None:
    """With colour the severity words and headings carry ANSI escape codes."""
    text = render_text(FINDINGS, color=True)
    assert "\x1b[1;31merror\x1b[0m" in text
    assert "\x1b[1;33mwarning\x1b[0m" in text
    assert "\x1b[1;36mnote\x1b[0m" in text
    assert f"\x1b[1m{UK}\x1b[0m" in text


def test_text_with_no_findings_says_so() -> None:
    """An empty report is the single line ``no findings``, with or without colour."""
    assert render_text([], color=False) == "no findings\n"
    assert "no findings" in render_text([], color=True)


# --- JSON ------------------------------------------------------------------------------------


def test_json_records_hold_every_finding_field() -> None:
    """Reading the JSON back gives every finding, fields intact, severity as its label."""
    records = json.loads(render_json(FINDINGS))
    rebuilt = [Finding(**{**r, "severity": Severity[r["severity"].upper()]}) for r in records]
    assert sorted(rebuilt, key=repr) == sorted(FINDINGS, key=repr)
    assert {r["severity"] for r in records} == {"error", "warning", "note"}


def test_json_is_indented_unescaped_utf8_with_a_final_newline() -> None:
    """Cyrillic and French text stays readable, indented by two, ending in a newline."""
    text = render_json(FINDINGS)
    assert "біженець" in text
    assert "« floue »" in text
    assert '\n  {\n    "rule": ' in text
    assert text.endswith("]\n")


def test_json_orders_by_path_line_rule_and_message() -> None:
    """Records come sorted by path, then line, then rule id, then message."""
    records = json.loads(render_json(shuffled(FINDINGS, 7)))
    keys = [(r["path"], r["line"], r["rule"], r["message"]) for r in records]
    assert keys == sorted(keys)


def test_json_of_no_findings_is_an_empty_array() -> None:
    """No findings give an empty JSON array."""
    assert json.loads(render_json([])) == []


# --- SARIF -----------------------------------------------------------------------------------


def sarif_validator() -> jsonschema.Draft4Validator:
    """A validator for the OASIS SARIF 2.1.0 schema kept beside the repository."""
    if not SARIF_SCHEMA.is_file():
        pytest.fail(f"the SARIF schema is missing: {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def assert_valid_sarif(text: str) -> Any:
    """Parse a SARIF log and fail with every schema error it has."""
    log = json.loads(text)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator().iter_errors(log)]
    assert errors == []
    return log


def sarif_run(text: str) -> Any:
    """The single run of a valid SARIF log."""
    runs = assert_valid_sarif(text)["runs"]
    assert len(runs) == 1
    return runs[0]


def test_sarif_validates_against_the_oasis_schema() -> None:
    """The log for findings in several catalogs is valid SARIF 2.1.0."""
    log = assert_valid_sarif(render_sarif(FINDINGS, RULES, "0.1.0"))
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"


def test_sarif_describes_every_rule_that_ran() -> None:
    """Every rule, with or without findings, is described with its reason and level."""
    driver = sarif_run(render_sarif(FINDINGS, RULES, "1.2.3"))["tool"]["driver"]
    assert driver["name"] == "explainer-i18n"
    assert driver["version"] == "1.2.3"
    described = {d["id"]: d for d in driver["rules"]}
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
    for rule in RULES:
        assert described[rule.id]["shortDescription"]["text"] == rule.reason
        assert described[rule.id]["defaultConfiguration"]["level"] == levels[rule.severity]


def test_sarif_results_match_the_findings() -> None:
    """One result per finding with its rule, level, message, line and properties."""
    run = sarif_run(render_sarif(shuffled(FINDINGS, 3), RULES, "0.1.0"))
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(FINDINGS)
    by_message = {f.message: f for f in FINDINGS}
    for result in results:
        finding = by_message[result["message"]["text"]]
        assert result["ruleId"] == finding.rule
        assert rules[result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == finding.severity.label
        (place,) = result["locations"]
        assert unquote(place["physicalLocation"]["artifactLocation"]["uri"]) == finding.path
        assert place["physicalLocation"]["region"]["startLine"] == finding.line
        expected = {"lang": finding.lang, "msgid": finding.msgid, "fuzzy": finding.fuzzy}
        assert result["properties"] == {**expected, "concept": finding.concept}


def test_sarif_relative_paths_stay_relative_under_the_source_root() -> None:
    """A relative catalog path becomes a relative URI resolved against %SRCROOT%."""
    run = sarif_run(render_sarif(FINDINGS[:1], RULES, "0.1.0"))
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": UK, "uriBaseId": "%SRCROOT%"}


def test_sarif_uris_encode_what_a_uri_cannot_hold() -> None:
    """Spaces, commas' neighbours, colons and Cyrillic are percent-encoded and decode back."""
    for path in (ODD, "po/uk/Пояснення 1.po", "po/fr/50%.po"):
        uri = artifact_uri(path)
        assert uri.isascii()
        assert " " not in uri
        assert ":" not in uri
        assert unquote(uri) == path


def test_sarif_absolute_and_windows_paths_become_file_uris() -> None:
    """Absolute paths become file URIs with forward slashes and no source-root base."""
    assert artifact_uri("/srv/news/po/uk.po") == "file:///srv/news/po/uk.po"
    assert artifact_uri("C:\\news\\po\\uk.po") == "file:///C:/news/po/uk.po"
    assert artifact_uri("po\\uk\\a.po") == "po/uk/a.po"
    absolute = Finding("x", Severity.ERROR, "m", "/srv/news/po/uk.po", 2)
    run = sarif_run(render_sarif([absolute], (), "0.1.0"))
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///srv/news/po/uk.po"}


def test_sarif_puts_file_level_findings_on_line_one() -> None:
    """A finding without a line still gets a valid start line of 1."""
    whole_file = Finding("header", Severity.WARNING, "no Language header", FR, 0)
    run = sarif_run(render_sarif([whole_file], RULES, "0.1.0"))
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1}


def test_sarif_describes_rules_known_only_from_findings() -> None:
    """A finding of a rule not in the list still gets a descriptor its index points to."""
    stray = Finding("po-syntax", Severity.ERROR, "bad escape", UK, 9)
    run = sarif_run(render_sarif([*FINDINGS, stray], RULES, "0.1.0"))
    rules = run["tool"]["driver"]["rules"]
    (result,) = [r for r in run["results"] if r["ruleId"] == "po-syntax"]
    assert rules[result["ruleIndex"]]["id"] == "po-syntax"


def test_sarif_fingerprint_survives_line_moves_and_tells_findings_apart() -> None:
    """The fingerprint ignores the line but changes with rule, path, msgid, lang or concept."""
    base = FINDINGS[0]
    moved = dataclasses.replace(base, line=base.line + 30, message="reworded")
    assert fingerprint(moved) == fingerprint(base)
    changes: tuple[dict[str, Any], ...] = (
        {"rule": "r"},
        {"path": FR},
        {"msgid": "m"},
        {"lang": "fr"},
        {"concept": "c"},
    )
    prints = {fingerprint(dataclasses.replace(base, **change)) for change in changes}
    assert fingerprint(base) not in prints
    assert len(prints) == len(changes)
    run = sarif_run(render_sarif([base], RULES, "0.1.0"))
    assert run["results"][0]["partialFingerprints"] == {FINGERPRINT_KEY: fingerprint(base)}


def test_sarif_of_no_findings_is_valid_and_still_lists_the_rules() -> None:
    """An empty check gives a valid log with no results and every rule described."""
    run = sarif_run(render_sarif([], RULES, "0.1.0"))
    assert run["results"] == []
    assert len(run["tool"]["driver"]["rules"]) == len(RULES)


# --- GitHub workflow commands ----------------------------------------------------------------


def unescape(text: str) -> str:
    """Undo the runner's escaping (the inverse of what the Actions toolkit applies)."""
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the runner does: command, properties, message."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    command, _, props = head.partition(" ")
    pairs = (p.split("=", 1) for p in props.split(","))
    return command, {k: unescape(v) for k, v in pairs}, unescape(message)


def test_github_commands_round_trip_through_the_runner_syntax() -> None:
    """Each line parses back to the finding's severity, file, line, rule and message."""
    lines = render_github(FINDINGS).removesuffix("\n").split("\n")
    assert len(lines) == len(FINDINGS)
    commands = {"error": Severity.ERROR, "warning": Severity.WARNING, "notice": Severity.NOTE}
    parsed = []
    for line in lines:
        command, props, message = parse_command(line)
        parsed.append(
            (commands[command], props["file"], int(props["line"]), props["title"], message)
        )
    expected = [(f.severity, f.path, f.line, f.rule, f.message) for f in FINDINGS]
    assert sorted(parsed, key=repr) == sorted(expected, key=repr)


def test_github_escapes_data_and_properties() -> None:
    """Messages escape %, CR and LF; properties also escape colon and comma."""
    assert escape_github_data("50%\r\nа: б, в") == "50%25%0D%0Aа: б, в"
    assert escape_github_property("po/a, b: c%.po") == "po/a%2C b%3A c%25.po"
    line = render_github([FINDINGS[-1]])
    assert (
        line
        == "::error file=po/en/a%2C b%3A c.po,line=5,title=placeholder-mismatch::50%25: {n}, {m}\n"
    )


def test_github_leaves_out_the_line_of_file_level_findings() -> None:
    """A finding without a line annotates the file, not a line 0."""
    whole_file = Finding("header", Severity.NOTE, "no Language header", FR, 0)
    assert render_github([whole_file]) == f"::notice file={FR},title=header::no Language header\n"


def test_github_of_no_findings_is_empty() -> None:
    """No findings give no commands at all."""
    assert render_github([]) == ""


@given(st.text(), st.text(min_size=1))
def test_github_escaping_is_reversible(message: str, path: str) -> None:
    """Any message and path survive escaping and the runner's unescaping."""
    finding = Finding("rule", Severity.WARNING, message, path, 1)
    output = render_github([finding])
    assert output.endswith("\n")
    line = output.removesuffix("\n")
    assert "\n" not in line
    assert "\r" not in line
    _, props, parsed_message = parse_command(line)
    assert (props["file"], parsed_message) == (path, message)


# --- JUnit XML -------------------------------------------------------------------------------


def parse_junit(text: str) -> ET.Element:
    """Parse a JUnit report from its UTF-8 bytes, as a CI server reads the file."""
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def failing_pairs(threshold: Severity) -> set[tuple[str, str]]:
    """The (catalog, rule) test cases that must fail at a threshold."""
    return {(f.path, f.rule) for f in FINDINGS if f.severity.value >= threshold.value}


@pytest.mark.parametrize("threshold", list(Severity))
def test_junit_fails_exactly_the_rules_with_findings_at_the_threshold(threshold: Severity) -> None:
    """A case fails when its catalog has findings of its rule at or above ``fail_on``."""
    root = parse_junit(render_junit(FINDINGS, RULES, CATALOGS, fail_on=threshold))
    failed = {
        (case.get("classname"), case.get("name"))
        for case in root.iter("testcase")
        if case.find("failure") is not None
    }
    assert failed == failing_pairs(threshold)


@pytest.mark.parametrize("threshold", [*Severity, None])
def test_junit_counts_are_right(threshold: Severity | None) -> None:
    """tests and failures add up per suite and overall; one case per catalog and rule."""
    root = parse_junit(render_junit(FINDINGS, RULES, CATALOGS, fail_on=threshold))
    suites = root.findall("testsuite")
    assert sorted(s.get("name", "") for s in suites) == sorted(CATALOGS)
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases)) == str(len(RULES))
        failures = sum(c.find("failure") is not None for c in cases)
        assert suite.get("failures") == str(failures)
    assert root.get("tests") == str(len(CATALOGS) * len(RULES))
    expected = len(failing_pairs(threshold)) if threshold else 0
    assert root.get("failures") == str(expected)


@pytest.mark.parametrize("threshold", [*Severity, None])
def test_junit_reports_every_finding_once(threshold: Severity | None) -> None:
    """Each finding is in its case's failure or system-out, with its escaped text intact."""
    root = parse_junit(render_junit(FINDINGS, RULES, CATALOGS, fail_on=threshold))
    for finding in FINDINGS:
        (case,) = [
            c
            for c in root.iter("testcase")
            if (c.get("classname"), c.get("name")) == (finding.path, finding.rule)
        ]
        failing = threshold is not None and finding.severity.value >= threshold.value
        holder = case.find("failure" if failing else "system-out")
        assert holder is not None
        line = f"{finding.path}:{finding.line}: {finding.severity.label}: "
        shown = finding.message.replace("\r", "\\x0d")
        assert (holder.text or "").count(line + shown) == 1


def test_junit_failure_names_the_rule_and_its_reason() -> None:
    """A failure's type is the rule id and its message gives the count and the reason."""
    root = parse_junit(render_junit(FINDINGS, RULES, CATALOGS, fail_on=Severity.ERROR))
    failures = {f.get("type"): f.get("message") for f in root.iter("failure")}
    assert failures["glossary-forbidden-term"] == "1 finding: " + RULES[0].reason


def test_junit_survives_characters_xml_cannot_hold() -> None:
    """Control characters in a message do not make the report unparseable."""
    broken = Finding("x", Severity.ERROR, "bell\x07 esc\x1b nul\x00 «ok»", UK, 1)
    root = parse_junit(render_junit([broken], (), [UK], fail_on=Severity.ERROR))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.text == f"{UK}:1: error: bell\\x07 esc\\x1b nul\\x00 «ok»"


def test_junit_of_no_findings_passes_every_case() -> None:
    """A clean check gives one passing case per catalog and rule."""
    root = parse_junit(render_junit([], RULES, CATALOGS, fail_on=Severity.NOTE))
    assert root.get("tests") == str(len(CATALOGS) * len(RULES))
    assert root.get("failures") == "0"
    assert root.find(".//failure") is None
    empty = parse_junit(render_junit([], (), [], fail_on=None))
    assert (empty.tag, empty.get("tests")) == ("testsuites", "0")


@given(st.text())
def test_junit_is_well_formed_for_any_message(message: str) -> None:
    """Whatever a message holds, the report parses and keeps the case failing."""
    finding = Finding("rule", Severity.ERROR, message, UK, 1)
    root = parse_junit(render_junit([finding], (), [UK], fail_on=Severity.ERROR))
    assert root.get("failures") == "1"


# --- every format ----------------------------------------------------------------------------


def test_every_format_is_deterministic_whatever_the_input_order() -> None:
    """The same findings in any order give the same bytes in every format."""

    def everything(rows: list[Finding]) -> tuple[str, ...]:
        return (
            render_text(rows, color=True),
            render_json(rows),
            render_sarif(rows, RULES, "0.1.0"),
            render_github(rows),
            render_junit(rows, RULES, CATALOGS, fail_on=Severity.WARNING),
        )

    assert everything(shuffled(FINDINGS, 1)) == everything(shuffled(FINDINGS, 2))
    assert everything(list(FINDINGS)) == everything(list(reversed(FINDINGS)))
