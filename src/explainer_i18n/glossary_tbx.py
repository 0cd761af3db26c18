"""The glossary as TBX: read TBX v2 (``martif``) and TBX 2019 (``tbx``) files, write TBX 2019.

Reading accepts both layouts, and mixes of them:
``martif/text/body/termEntry[@id]/langSet[@xml:lang]/(tig/term | ntig/termGrp/term)`` and
``tbx/text/body/conceptEntry[@id]/langSec[@xml:lang]/termSec/term``. A term's status comes from
``termNote type="administrativeStatus"`` (preferredTerm-admn-sts, admittedTerm-admn-sts,
deprecatedTerm-admn-sts, supersededTerm-admn-sts) or ``termNote type="normativeAuthorization"``
(preferred, admitted, deprecated, superseded, with or without the ``Term`` suffix; standardized,
legal and regulated count as preferred); deprecated and superseded become ``forbidden``. A term
without a status is ``admitted``: acceptable in a translation, never a reason for a finding, and
not promoted over the terms a terminologist marked preferred.

Beyond TBX-Basic, ``termNote`` types ``x-caseSensitive`` (true/false), ``x-form`` (one per extra
form) and ``x-pattern`` carry what the CSV columns of the same meaning hold; the writer emits them
only for terms that have them, so an ordinary glossary exports as plain TBX-Basic.

A TBX file is untrusted XML. It is parsed with defusedxml: entity declarations of any kind are
refused (no billion laughs, no external entities) and an external DTD named in the DOCTYPE is
never loaded. Every problem is an InputError naming the file and, where known, the line.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from xml.sax import InputSource, SAXException, SAXParseException, handler
from xml.sax.saxutils import escape, quoteattr
from xml.sax.xmlreader import AttributesImpl, Locator

from defusedxml import DefusedXmlException, expatreader

from explainer_i18n.errors import InputError
from explainer_i18n.model import Concept, Glossary, Term, TermStatus

_STATUS: dict[str, TermStatus] = {
    "preferredterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "forbidden",
    "supersededterm-admn-sts": "forbidden",
    **dict.fromkeys(("preferred", "standardized", "legal", "regulated"), "preferred"),
    **dict.fromkeys(("preferredterm", "standardizedterm", "legalterm"), "preferred"),
    "regulatedterm": "preferred",
    "admitted": "admitted",
    "admittedterm": "admitted",
    **dict.fromkeys(("deprecated", "superseded", "deprecatedterm", "supersededterm"), "forbidden"),
}
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_ADMINISTRATIVE: dict[TermStatus, str] = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_ENTRY_TAGS = ("termEntry", "conceptEntry")
_LANG_TAGS = ("langSet", "langSec")
_GROUP_TAGS = ("tig", "ntig", "termSec")


@dataclass
class _Node:
    """An element of the parsed file with the line it starts on."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    content: list[str | _Node] = field(default_factory=list)
    """Character data and child elements in document order (for mixed content)."""

    def text(self) -> str:
        """All character data inside the element, descendants included, stripped."""
        return self._raw().strip()

    def _raw(self) -> str:
        return "".join(part if isinstance(part, str) else part._raw() for part in self.content)

    def find(self, *tags: str) -> list[_Node]:
        """The children with one of the tags, in order."""
        return [child for child in self.children if child.tag in tags]

    def descendants(self, tag: str) -> list[_Node]:
        """Every element with the tag below this one, in document order."""
        found: list[_Node] = []
        for child in self.children:
            found.extend([child] if child.tag == tag else [])
            found.extend(child.descendants(tag))
        return found


class _TreeBuilder(handler.ContentHandler):
    """Builds ``_Node`` trees from SAX events, remembering the line of each start tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[_Node] = [_Node("", {}, 0)]
        self.locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        line = (self.locator.getLineNumber() or 0) if self.locator is not None else 0
        node = _Node(name.rsplit(":", 1)[-1], dict(attrs.items()), line)
        self.stack[-1].children.append(node)
        self.stack[-1].content.append(node)
        self.stack.append(node)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        self.stack[-1].content.append(content)

    def skippedEntity(self, name: str) -> None:
        # Expat skips an undefined entity when a DOCTYPE names an external DTD (which is never
        # loaded); dropping text silently would change terms, so it is an error.
        message = f"undefined entity &{name};"
        if self.locator is None:
            raise SAXException(message)
        raise SAXParseException(message, None, self.locator)


def _parse_xml(text: str, path: str) -> _Node:
    parser = expatreader.create_parser()
    parser.forbid_dtd = False  # TBX v2 files name their DTD; it is never loaded (below)
    parser.forbid_entities = True
    parser.forbid_external = False  # refused by the two features below instead of by raising
    parser.setFeature(handler.feature_external_ges, False)
    parser.setFeature(handler.feature_external_pes, False)
    builder = _TreeBuilder()
    parser.setContentHandler(builder)
    source = InputSource(path)
    source.setByteStream(io.BytesIO(text.encode("utf-8")))
    source.setEncoding("utf-8")  # the text is already decoded, whatever the declaration says
    try:
        parser.parse(source)
    except DefusedXmlException as error:
        where = parser.getLineNumber()  # expat stops on the declaration it refused
        line = where if isinstance(where, int) and where > 0 else None
        name = getattr(error, "name", None)
        what = f"entity {name!r} declared" if name else type(error).__name__
        raise InputError(f"unsafe XML refused: {what}", path, line) from None
    except SAXException as error:
        message = f"not well-formed XML: {error.getMessage()}"
        raise InputError(message, path, _line(error)) from None
    return builder.stack[0]


def _line(error: SAXException) -> int | None:
    get = getattr(error, "getLineNumber", None)
    return int(get()) if get is not None else None


def parse_tbx(text: str, path: str) -> Glossary:
    """The glossary in a TBX file's text; ``path`` names the file in errors and findings."""
    document = _parse_xml(text, path)
    root = document.children[0]
    if root.tag not in ("martif", "tbx"):
        raise InputError(f"not a TBX file: the root element is <{root.tag}>", path, root.line)
    entries = [e for t in root.find("text") for b in t.find("body") for e in b.find(*_ENTRY_TAGS)]
    concepts = tuple(_concept(entry, path) for entry in entries)
    seen: set[str] = set()
    for concept, entry in zip(concepts, entries, strict=True):
        if concept.id in seen:
            raise InputError(f"concept id {concept.id!r} is used twice", path, entry.line)
        seen.add(concept.id)
    return Glossary(concepts, path)


def _concept(entry: _Node, path: str) -> Concept:
    concept_id = entry.attrs.get("id", "").strip()
    if not concept_id:
        raise InputError(f"<{entry.tag}> without an id", path, entry.line)
    terms: list[Term] = []
    for lang_set in entry.find(*_LANG_TAGS):
        lang = lang_set.attrs.get("xml:lang", lang_set.attrs.get("lang", "")).strip()
        if not lang:
            raise InputError(f"<{lang_set.tag}> without xml:lang", path, lang_set.line)
        terms.extend(_term(group, lang, path) for group in lang_set.find(*_GROUP_TAGS))
    return Concept(concept_id, tuple(terms), f"{path}:{entry.line}")


def _term(group: _Node, lang: str, path: str) -> Term:
    holder = group.find("termGrp")[0] if group.find("termGrp") else group
    term_nodes = holder.find("term")
    if not term_nodes or not term_nodes[0].text():
        raise InputError(f"<{group.tag}> without a term", path, group.line)
    notes = {(n.attrs.get("type", ""), n.text()) for n in group.descendants("termNote")}
    pattern = next((value for kind, value in sorted(notes) if kind == "x-pattern"), None)
    if pattern is not None:
        _check_pattern(pattern, path, group.line)
    return Term(
        text=term_nodes[0].text(),
        lang=lang,
        status=_status(notes, path, group.line),
        case_sensitive=("x-caseSensitive", "true") in notes,
        forms=tuple(n.text() for n in group.descendants("termNote") if _is_form(n)),
        pattern=pattern or None,
        note="\n".join(n.text() for n in group.descendants("note") if n.text()),
    )


def _is_form(node: _Node) -> bool:
    return node.attrs.get("type") == "x-form" and bool(node.text())


def _status(notes: set[tuple[str, str]], path: str, line: int) -> TermStatus:
    for kind in _STATUS_TYPES:
        for note_kind, value in sorted(notes):
            if note_kind != kind:
                continue
            status = _STATUS.get(value.lower())
            if status is None:
                raise InputError(f"unknown {kind} {value!r}", path, line)
            return status
    return "admitted"


def _check_pattern(pattern: str, path: str, line: int) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise InputError(f"bad x-pattern {pattern!r}: {error}", path, line) from None


def serialize_tbx(glossary: Glossary, source_lang: str = "de") -> str:
    """The glossary as a TBX 2019 (TBX-Basic) document; the same glossary gives the same text."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang={quoteattr(source_lang)}'
        ' xmlns="urn:iso:std:iso:30042:ed-2">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <sourceDesc>",
        "        <p>explainer-i18n glossary</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for concept in glossary.concepts:
        lines.extend(_concept_lines(concept))
    lines.extend(["    </body>", "  </text>", "</tbx>", ""])
    return "\n".join(lines)


def _concept_lines(concept: Concept) -> list[str]:
    lines = [f"      <conceptEntry id={quoteattr(concept.id)}>"]
    langs = list(dict.fromkeys(term.lang for term in concept.terms))
    for lang in langs:
        lines.append(f"        <langSec xml:lang={quoteattr(lang)}>")
        for term in concept.in_lang(lang):
            lines.extend(_term_lines(term))
        lines.append("        </langSec>")
    lines.append("      </conceptEntry>")
    return lines


def _term_lines(term: Term) -> list[str]:
    notes = [("administrativeStatus", _ADMINISTRATIVE[term.status])]
    notes += [("x-caseSensitive", "true")] if term.case_sensitive else []
    notes += [("x-form", form) for form in term.forms]
    notes += [("x-pattern", term.pattern)] if term.pattern else []
    inner = [f"            <term>{escape(term.text)}</term>"]
    inner += [f'            <termNote type="{k}">{escape(v)}</termNote>' for k, v in notes]
    inner += [f"            <note>{escape(term.note)}</note>"] if term.note else []
    return ["          <termSec>", *inner, "          </termSec>"]
