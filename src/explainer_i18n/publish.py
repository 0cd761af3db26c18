"""Build the localized editions of every explainer, publishing no German by accident."""

from __future__ import annotations

from dataclasses import dataclass, field

from explainer_i18n import cldr
from explainer_i18n.editions import render_html, render_json, render_markdown
from explainer_i18n.fsio import write_if_changed
from explainer_i18n.model import Catalog, Document, Segment
from explainer_i18n.project import Project, slug_of
from explainer_i18n.source import render_source
from explainer_i18n.workflow import load_catalog, load_document

FORMATS = ("txt", "md", "html", "json")


@dataclass(frozen=True)
class Gap:
    """A segment with no usable translation in one language (untranslated or fuzzy)."""

    path: str
    line: int
    lang: str
    text: str
    state: str
    """``untranslated``, ``fuzzy`` or ``missing`` (not in the catalog: run update)."""


@dataclass
class BuildReport:
    """What a build did: editions written, editions blocked, segments that fell back to German."""

    written: list[str] = field(default_factory=list)
    built: list[tuple[str, str]] = field(default_factory=list)
    blocked: list[tuple[str, str, float]] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    fallbacks: list[Gap] = field(default_factory=list)


def edition_texts(
    doc: Document, catalog: Catalog | None, lang: str
) -> tuple[dict[str, str], list[Gap]]:
    """The publishable translation of each segment, and the segments that have none."""
    usable: dict[str, str] = {}
    states: dict[str, str] = {}
    for message in catalog.messages if catalog else ():
        if message.obsolete or message.msgctxt is not None or message.msgid_plural is not None:
            continue
        if message.translated:
            usable[message.msgid] = message.msgstr
        else:
            states[message.msgid] = "fuzzy" if message.fuzzy and message.msgstr else "untranslated"
    gaps = [
        Gap(doc.path, s.line, lang, s.text, states.get(s.text, "missing"))
        for s in _unique(doc.segments)
        if s.text not in usable
    ]
    return usable, gaps


def _unique(segments: tuple[Segment, ...]) -> list[Segment]:
    """Segments with their first occurrence only."""
    first: dict[str, Segment] = {}
    for segment in segments:
        first.setdefault(segment.text, segment)
    return list(first.values())


def translated_percent(doc: Document, gaps: list[Gap]) -> float:
    """Share of distinct segments with a publishable translation."""
    total = len(_unique(doc.segments))
    return 100.0 * (total - len(gaps)) / total if total else 100.0


def render_editions(
    doc: Document, texts: dict[str, str], lang: str, slug: str, langs: tuple[str, ...]
) -> dict[str, str]:
    """Every edition of one explainer in one language, by format."""
    alternates = [(cldr.iso_lang(other), f"../{other}/{slug}.html") for other in langs]
    return {
        "txt": render_source(doc, texts),
        "md": render_markdown(doc, texts, lang),
        "html": render_html(doc, texts, lang, alternates),
        "json": render_json(doc, texts, lang),
    }


def build_project(
    project: Project, *, min_translated: float = 100.0, langs: tuple[str, ...] | None = None
) -> BuildReport:
    """Write every complete edition; one below ``min_translated`` percent is blocked."""
    report = BuildReport()
    languages = langs or project.config.languages
    for path in project.sources():
        slug = slug_of(path)
        doc = load_document(project, path)
        for lang in languages:
            catalog = load_catalog(project, project.catalog(lang, slug))
            texts, gaps = edition_texts(doc, catalog, lang)
            percent = translated_percent(doc, gaps)
            if gaps and (min_translated >= 100.0 or percent < min_translated):
                report.blocked.append((project.display(path), lang, percent))
                report.gaps.extend(gaps)
                continue
            report.fallbacks.extend(gaps)
            report.built.append((project.display(path), lang))
            published = {s.text: texts.get(s.text, s.text) for s in doc.segments}
            for fmt, text in render_editions(
                doc, published, lang, slug, project.config.languages
            ).items():
                target = project.edition(lang, slug, fmt)
                if write_if_changed(target, text.encode("utf-8"), project.display(target)):
                    report.written.append(project.display(target))
    return report
