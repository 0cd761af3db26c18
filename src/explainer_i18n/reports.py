"""Check reports for people and CI logs: plain text, JSON records and GitHub workflow commands."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable
from itertools import groupby

from explainer_i18n.model import Finding, Severity

SEVERITIES_WORST_FIRST = (Severity.ERROR, Severity.WARNING, Severity.NOTE)

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_SEVERITY_STYLE = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.NOTE: "\x1b[1;36m",
}

# Messages quote translations from the catalogs, so a hostile or broken catalog could otherwise
# move the cursor or recolour the terminal through the text report.
_CONTROLS = (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))
_SHOW_CONTROLS = {c: f"\\x{c:02x}" for c in _CONTROLS}
_SHOW_CONTROLS_BUT_LINES = {c: s for c, s in _SHOW_CONTROLS.items() if chr(c) not in "\t\n"}

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """The findings in report order: by path, line, rule id and message, then the other fields."""
    return sorted(findings, key=_order_key)


def _order_key(f: Finding) -> tuple[str, int, str, str, str, str, int, str, bool]:
    return (
        f.path,
        f.line,
        f.rule,
        f.message,
        f.lang,
        f.msgid,
        -f.severity.value,
        f.concept or "",
        f.fuzzy,
    )


def at_or_above(finding: Finding, threshold: Severity | None) -> bool:
    """Whether a finding reaches a ``--fail-on`` threshold; None means nothing does."""
    return threshold is not None and finding.severity.value >= threshold.value


def location(finding: Finding) -> str:
    """``path:line`` of a finding, or just the path when the finding has no line."""
    return f"{finding.path}:{finding.line}" if finding.line > 0 else finding.path


# --- text ------------------------------------------------------------------------------------


def render_text(findings: Iterable[Finding], color: bool) -> str:
    """A report for people: the findings grouped under their catalog, then a summary line."""
    rows = ordered(findings)
    lines: list[str] = []
    for path, group in groupby(rows, key=lambda f: f.path):
        if lines:
            lines.append("")
        lines.append(_paint(_BOLD, path.translate(_SHOW_CONTROLS), color))
        lines.extend(_text_line(f, color) for f in group)
    if lines:
        lines.append("")
    lines.append(_paint(_BOLD, summary(rows), color))
    return "\n".join(lines) + "\n"


def summary(findings: Iterable[Finding]) -> str:
    """One line counting the findings by severity and the catalogs they are in."""
    rows = list(findings)
    if not rows:
        return "no findings"
    counts = Counter(f.severity for f in rows)
    parts = [plural(counts[s], s.label) for s in SEVERITIES_WORST_FIRST if counts[s]]
    catalogs = len({f.path for f in rows})
    return f"{', '.join(parts)} in {plural(catalogs, 'catalog')}"


def _text_line(f: Finding, color: bool) -> str:
    where = location(f).translate(_SHOW_CONTROLS)
    severity = _paint(_SEVERITY_STYLE[f.severity], f.severity.label, color)
    # Continuation lines are indented so that every line starting with a path is a finding.
    message = f.message.translate(_SHOW_CONTROLS_BUT_LINES).replace("\n", "\n    ")
    rule = f.rule.translate(_SHOW_CONTROLS)
    return f"{where}: {rule} {severity}: {message}"


def _paint(style: str, text: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``: a count with its noun, for nouns with a regular plural."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# --- JSON ------------------------------------------------------------------------------------


def render_json(findings: Iterable[Finding]) -> str:
    """Every finding as a JSON record with all its fields, the severity as its label."""
    records = [_record(f) for f in ordered(findings)]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _record(f: Finding) -> dict[str, object]:
    record: dict[str, object] = dataclasses.asdict(f)
    record["severity"] = f.severity.label
    return record


# --- GitHub workflow commands ----------------------------------------------------------------


def render_github(findings: Iterable[Finding]) -> str:
    """One GitHub Actions annotation command per finding, for the log of a workflow run."""
    return "".join(_github_line(f) + "\n" for f in ordered(findings))


def _github_line(f: Finding) -> str:
    properties = [f"file={escape_github_property(f.path)}"]
    if f.line > 0:
        properties.append(f"line={f.line}")
    properties.append(f"title={escape_github_property(f.rule)}")
    command = _GITHUB_COMMAND[f.severity]
    return f"::{command} {','.join(properties)}::{escape_github_data(f.message)}"


def escape_github_data(text: str) -> str:
    """The message of a workflow command, escaped as the Actions runner decodes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """A workflow command property value: data escaping plus the separators ``:`` and ``,``."""
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")
