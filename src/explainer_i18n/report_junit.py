"""JUnit XML reports of a check: one suite per catalog, one test case per rule."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence

from explainer_i18n.model import Finding, Rule, Severity
from explainer_i18n.reports import at_or_above, location, ordered, plural

SUITES_NAME = "explainer-i18n check"

# XML 1.0 cannot carry these characters even as references, and a parser turns a raw carriage
# return into a line feed; all of them are shown as escapes instead.
_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render_junit(
    findings: Iterable[Finding],
    rules: Sequence[Rule],
    catalogs: Iterable[str],
    *,
    fail_on: Severity | None,
) -> str:
    """JUnit XML in which a rule's test case fails for a catalog with findings at ``fail_on``.

    Findings below the threshold go to the test case's ``<system-out>``; with ``fail_on``
    None nothing fails. Catalogs and rules that only appear in findings get suites and cases
    too, so no finding is left out."""
    rows = ordered(findings)
    reasons = {r.id: r.reason for r in reversed(rules)}
    rule_ids = sorted(reasons.keys() | {f.rule for f in rows})
    paths = sorted(set(catalogs) | {f.path for f in rows})
    root = ET.Element("testsuites", name=SUITES_NAME)
    for path in paths:
        mine = [f for f in rows if f.path == path]
        root.append(_suite(path, rule_ids, mine, reasons, fail_on))
    suites = root.findall("testsuite")
    tests = sum(int(s.get("tests", "0")) for s in suites)
    _set_counts(root, tests, sum(int(s.get("failures", "0")) for s in suites))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _suite(
    path: str,
    rule_ids: Sequence[str],
    findings: Sequence[Finding],
    reasons: dict[str, str],
    fail_on: Severity | None,
) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml_text(path))
    for rule_id in rule_ids:
        mine = [f for f in findings if f.rule == rule_id]
        suite.append(_case(path, rule_id, mine, reasons.get(rule_id, ""), fail_on))
    cases = suite.findall("testcase")
    _set_counts(suite, len(cases), sum(c.find("failure") is not None for c in cases))
    suite.set("skipped", "0")
    return suite


def _case(
    path: str, rule_id: str, findings: Sequence[Finding], reason: str, fail_on: Severity | None
) -> ET.Element:
    case = ET.Element("testcase", classname=_xml_text(path), name=_xml_text(rule_id))
    failing = [f for f in findings if at_or_above(f, fail_on)]
    passing = [f for f in findings if not at_or_above(f, fail_on)]
    if failing:
        count = plural(len(failing), "finding")
        message = f"{count}: {reason}" if reason else count
        failure = ET.SubElement(
            case, "failure", message=_xml_text(message), type=_xml_text(rule_id)
        )
        failure.text = _details(failing)
    if passing:
        ET.SubElement(case, "system-out").text = _details(passing)
    return case


def _set_counts(element: ET.Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")


def _details(findings: Sequence[Finding]) -> str:
    lines = (f"{location(f)}: {f.severity.label}: {f.message}" for f in findings)
    return _xml_text("\n".join(lines))


def _xml_text(text: str) -> str:
    """Text XML 1.0 can hold: characters it forbids become visible ``\\xNN`` escapes."""
    return _NOT_XML.sub(_show, text)


def _show(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
