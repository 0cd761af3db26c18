"""The glossary as a CSV file people edit: one term a row, read and written as pure functions.

Columns: ``concept_id,lang,term,status`` (status ``preferred``, ``admitted`` or ``forbidden``),
then optionally ``note``, ``case_sensitive`` (``true``/``false``, empty is false), ``forms``
(further spellings separated by ``|``) and ``pattern`` (a regular expression), in any order.
Rows of a concept need not be adjacent; concepts keep the order of their first row, terms the
order of their rows. Blank lines are skipped. Any bad row is an InputError naming its line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from explainer_i18n.errors import InputError
from explainer_i18n.model import Concept, Glossary, Term, TermStatus

REQUIRED = ("concept_id", "lang", "term", "status")
OPTIONAL = ("note", "case_sensitive", "forms", "pattern")
COLUMNS = REQUIRED + OPTIONAL
STATUSES: tuple[TermStatus, ...] = ("preferred", "admitted", "forbidden")
_BOOLEANS = {"": False, "false": False, "true": True}
_CONCEPT_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_LANG = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def parse_glossary_csv(text: str, path: str) -> Glossary:
    """The glossary in a CSV file's text; ``path`` names the file in errors and findings."""
    rows = _rows(text, path)
    columns = _header(next(rows, None), path)
    terms: dict[str, list[Term]] = {}
    sources: dict[str, str] = {}
    for line, cells in rows:
        concept_id, term = _row(cells, columns, path, line)
        terms.setdefault(concept_id, []).append(term)
        sources.setdefault(concept_id, f"{path}:{line}")
    concepts = tuple(Concept(cid, tuple(ts), sources[cid]) for cid, ts in terms.items())
    return Glossary(concepts, path)


def _rows(text: str, path: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as error:
        raise InputError(f"malformed CSV: {error}", path, line) from None


def _header(first: tuple[int, list[str]] | None, path: str) -> dict[str, int]:
    if first is None:
        raise InputError("glossary CSV is empty: it needs the header " + ",".join(REQUIRED), path)
    line, cells = first
    header = [cell.strip() for cell in cells]
    unknown = sorted(set(header) - set(COLUMNS))
    if unknown:
        raise InputError(f"unknown glossary column(s): {', '.join(unknown)}", path, line)
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(f"glossary CSV lacks column(s): {', '.join(missing)}", path, line)
    if len(set(header)) != len(header):
        raise InputError("glossary CSV repeats a column", path, line)
    return {name: header.index(name) for name in header}


def _row(cells: list[str], columns: dict[str, int], path: str, line: int) -> tuple[str, Term]:
    if len(cells) != len(columns):
        raise InputError(f"expected {len(columns)} cells, found {len(cells)}", path, line)

    def cell(name: str) -> str:
        return cells[columns[name]].strip() if name in columns else ""

    concept_id = cell("concept_id")
    if not _CONCEPT_ID.fullmatch(concept_id):
        raise InputError(f"bad concept_id {concept_id!r}", path, line)
    lang, text, status = cell("lang"), cell("term"), cell("status")
    if not _LANG.fullmatch(lang):
        raise InputError(f"bad lang {lang!r}", path, line)
    if not text:
        raise InputError("empty term", path, line)
    if status not in STATUSES:
        raise InputError(f"bad status {status!r} (use {', '.join(STATUSES)})", path, line)
    term = Term(
        text=text,
        lang=lang,
        status=status,
        case_sensitive=_boolean(cell("case_sensitive"), path, line),
        forms=tuple(form.strip() for form in cell("forms").split("|") if form.strip()),
        pattern=_pattern(cell("pattern"), path, line),
        note=cell("note"),
    )
    return concept_id, term


def _boolean(value: str, path: str, line: int) -> bool:
    if value.lower() not in _BOOLEANS:
        raise InputError(f"bad case_sensitive {value!r} (use true or false)", path, line)
    return _BOOLEANS[value.lower()]


def _pattern(value: str, path: str, line: int) -> str | None:
    if not value:
        return None
    try:
        re.compile(value)
    except re.error as error:
        raise InputError(f"bad pattern {value!r}: {error}", path, line) from None
    return value


def serialize_glossary_csv(glossary: Glossary) -> str:
    """The glossary as CSV text, every column present, concepts and terms in glossary order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for concept in glossary.concepts:
        for term in concept.terms:
            writer.writerow(
                (
                    concept.id,
                    term.lang,
                    term.text,
                    term.status,
                    term.note,
                    "true" if term.case_sensitive else "",
                    "|".join(term.forms),
                    term.pattern or "",
                )
            )
    return out.getvalue()
