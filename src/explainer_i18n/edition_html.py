"""The HTML edition: a standalone page with hreflang links and schema.org FAQPage data."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from explainer_i18n import cldr
from explainer_i18n.edition_content import (
    Section,
    block_lines,
    item_numbers,
    list_intro,
    list_items,
    outline,
    question_text,
    unit_text,
)
from explainer_i18n.model import Block, Document

# Inside <script> the HTML parser only looks for "</script" and "<!--"; with "<" and ">" as JSON
# escapes neither can occur, whatever a translation holds. "&" and the JavaScript line separators
# are escaped too so the data also stays inert if someone pastes it into a script or attribute.
_JSON_IN_HTML = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def render_html(
    doc: Document,
    texts: Mapping[str, str],
    lang: str,
    alternates: Sequence[tuple[str, str]],
    title: str | None = None,
) -> str:
    """The edition as an HTML5 page; ``alternates`` are (lang, href) of every edition to link."""
    tag = cldr.iso_lang(lang)
    page_title = title if title is not None else _default_title(doc, texts)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(tag)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(page_title)}</title>",
        *(_alternate(alt_lang, href) for alt_lang, href in alternates),
        '<script type="application/ld+json">',
        json_for_script(faq_page(doc, texts, lang)),
        "</script>",
        "</head>",
        "<body>",
        "<article>",
        *_body(doc, texts, lang),
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


def json_for_script(data: object) -> str:
    """JSON that can stand inside a ``<script>`` element without ending or changing it."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_IN_HTML)


def faq_page(doc: Document, texts: Mapping[str, str], lang: str) -> dict[str, Any]:
    """The schema.org FAQPage data: one Question per question, answered in plain text."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": cldr.iso_lang(lang),
    }
    if doc.date is not None:
        data["datePublished"] = doc.date.isoformat()
    data["mainEntity"] = [_question(s, texts) for s in outline(doc).sections]
    return data


def _question(section: Section, texts: Mapping[str, str]) -> dict[str, Any]:
    """One FAQPage Question with its accepted Answer."""
    answer = "\n\n".join(_plain(b, texts) for b in section.answer)
    return {
        "@type": "Question",
        "name": question_text(section.question, texts),
        "acceptedAnswer": {"@type": "Answer", "text": answer},
    }


def _plain(block: Block, texts: Mapping[str, str]) -> str:
    """An answer block as plain text: a list becomes its intro and one "- item" line per item."""
    if block.kind != "list":
        return "\n".join(block_lines(block, texts))
    numbers = item_numbers(block)
    lines = [] if (intro := list_intro(block, texts)) is None else [intro]
    for index, item in enumerate(list_items(block)):
        marker = "-" if numbers is None else f"{numbers[index]}."
        lines.append(f"{marker} {unit_text(item, texts)}")
    return "\n".join(lines)


def _default_title(doc: Document, texts: Mapping[str, str]) -> str:
    """The first question, else the first line of text, else the source's path."""
    questions = [b for b in doc.blocks if b.kind == "question"]
    for block in questions or doc.blocks:
        if block.units:
            return question_text(block, texts)
    return doc.path


def _alternate(lang: str, href: str) -> str:
    """A ``<link rel="alternate">`` for one edition."""
    return f'<link rel="alternate" hreflang="{escape(cldr.iso_lang(lang))}" href="{escape(href)}">'


def _body(doc: Document, texts: Mapping[str, str], lang: str) -> list[str]:
    """The article's elements: the date, then every block."""
    lines: list[str] = []
    if doc.date is not None:
        shown = escape(cldr.long_date(doc.date, lang))
        lines.append(f'<p><time datetime="{doc.date.isoformat()}">{shown}</time></p>')
    for block in doc.blocks:
        lines.extend(_block(block, texts))
    return lines


def _block(block: Block, texts: Mapping[str, str]) -> list[str]:
    """One block as HTML lines."""
    if block.kind == "question":
        return [f"<h2>{escape(question_text(block, texts))}</h2>"]
    if block.kind == "list":
        return _list(block, texts)
    text = "\n".join(block_lines(block, texts))
    return [f"<p>{escape(text)}</p>"]


def _list(block: Block, texts: Mapping[str, str]) -> list[str]:
    """A list block: its intro as a paragraph, then a ``<ul>`` or an ``<ol>``."""
    intro = list_intro(block, texts)
    numbers = item_numbers(block)
    if numbers is None:
        opening, closing = "<ul>", "</ul>"
    else:
        start = "" if not numbers or numbers[0] == 1 else f' start="{numbers[0]}"'
        opening, closing = f"<ol{start}>", "</ol>"
    items = [f"<li>{escape(unit_text(u, texts))}</li>" for u in list_items(block)]
    return [*([] if intro is None else [f"<p>{escape(intro)}</p>"]), opening, *items, closing]
