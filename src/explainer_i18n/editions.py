"""Localized editions of a source as Markdown, HTML and JSON; the entry point for every format."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from explainer_i18n import cldr
from explainer_i18n.edition_content import (
    block_lines,
    item_numbers,
    list_intro,
    list_items,
    outline,
    question_text,
    unit_text,
)
from explainer_i18n.edition_html import render_html
from explainer_i18n.edition_markdown import render_markdown
from explainer_i18n.model import Block, Document

__all__ = ("render_html", "render_json", "render_markdown", "unit_text")


def render_json(doc: Document, texts: Mapping[str, str], lang: str) -> str:
    """The edition as JSON for a CMS: date, lead blocks, and question sections with answers.

    ``lead`` is always present (empty when the source starts with a question), so that a
    consumer sees the same keys for every edition."""
    view = outline(doc)
    data = {
        "lang": cldr.iso_lang(lang),
        "date": None if doc.date is None else doc.date.isoformat(),
        "date_display": None if doc.date is None else cldr.long_date(doc.date, lang),
        "lead": [_block(b, texts) for b in view.lead],
        "sections": [
            {
                "question": question_text(s.question, texts),
                "answer": [_block(b, texts) for b in s.answer],
            }
            for s in view.sections
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _block(block: Block, texts: Mapping[str, str]) -> dict[str, Any]:
    """An answer or lead block: a paragraph (its lines joined by newlines) or a list."""
    if block.kind != "list":
        return {"type": "paragraph", "text": "\n".join(block_lines(block, texts))}
    return {
        "type": "list",
        "ordered": item_numbers(block) is not None,
        "intro": list_intro(block, texts),
        "items": [unit_text(u, texts) for u in list_items(block)],
    }
