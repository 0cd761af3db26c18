"""SARIF 2.1.0 logs of check findings, for GitHub code scanning and other SARIF readers."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from explainer_i18n.model import Finding, Rule, Severity
from explainer_i18n.reports import ordered

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "explainer-i18n"
FINGERPRINT_KEY = "explainer-i18n/v1"
"""Versioned, as SARIF asks of fingerprint names, so a change of recipe cannot collide."""

# GitHub code scanning resolves paths against this base: the repository checkout.
SOURCE_ROOT = "%SRCROOT%"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note"}
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:/")

Json = dict[str, object]


def render_sarif(findings: Iterable[Finding], rules: Sequence[Rule], tool_version: str) -> str:
    """A SARIF log with one run: every rule that ran, and one result per finding."""
    rows = ordered(findings)
    descriptors = _descriptors(rules, rows)
    index = {str(d["id"]): i for i, d in enumerate(descriptors)}
    driver: Json = {"name": TOOL_NAME, "version": tool_version, "rules": descriptors}
    run: Json = {
        "tool": {"driver": driver},
        "results": [_result(f, index[f.rule]) for f in rows],
    }
    log: Json = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _descriptors(rules: Sequence[Rule], findings: Sequence[Finding]) -> list[Json]:
    """The rules that ran, by id, plus any rule a finding names that was not in the list."""
    known = {r.id: r for r in reversed(rules)}
    extra = {f.rule for f in findings} - known.keys()
    described = [_descriptor(known[rule_id]) for rule_id in sorted(known)]
    return described + [_bare_descriptor(rule_id) for rule_id in sorted(extra)]


def _descriptor(rule: Rule) -> Json:
    # Code scanning wants all three texts non-empty; the reason is the one text a rule has.
    text = {"text": rule.reason or rule.id}
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": text,
        "fullDescription": text,
        "help": text,
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _bare_descriptor(rule_id: str) -> Json:
    text = {"text": rule_id}
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": text,
        "fullDescription": text,
        "help": text,
    }


def _result(f: Finding, rule_index: int) -> Json:
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": _physical_location(f)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        "properties": {
            "lang": f.lang,
            "msgid": f.msgid,
            "fuzzy": f.fuzzy,
            "concept": f.concept,
        },
    }


def _physical_location(f: Finding) -> Json:
    uri = artifact_uri(f.path)
    artifact: Json = {"uri": uri}
    if not _is_absolute_uri(uri):
        artifact["uriBaseId"] = SOURCE_ROOT
    # SARIF lines start at 1; a finding about a whole file is put on its first line.
    return {"artifactLocation": artifact, "region": {"startLine": max(1, f.line)}}


def artifact_uri(path: str) -> str:
    """The URI reference of a path: relative paths stay relative, absolute ones become file URIs.

    Characters a URI cannot hold (spaces, non-ASCII letters, ``%``, ``:``) are percent-encoded,
    which GitHub and other readers decode again."""
    slashed = path.replace("\\", "/")
    if _WINDOWS_DRIVE.match(slashed):
        return "file:///" + slashed[:2] + _quote(slashed[2:])
    if slashed.startswith("/"):
        return "file://" + _quote(slashed)
    return _quote(slashed)


def _quote(path: str) -> str:
    # surrogatepass: a path the file system could not decode must not crash the report.
    return quote(path, safe="/", errors="surrogatepass")


def _is_absolute_uri(uri: str) -> bool:
    return uri.startswith("file:")


def fingerprint(f: Finding) -> str:
    """A hash of what makes a finding the same one across runs, whatever line it moved to."""
    identity = "\x00".join((f.rule, artifact_uri(f.path), f.msgid, f.lang, f.concept or ""))
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32]
