"""Tests for the Markdown, HTML and JSON editions."""

from __future__ import annotations

import datetime
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer_i18n.edition_markdown import escape_line
from explainer_i18n.editions import render_html, render_json, render_markdown, unit_text
from explainer_i18n.model import Block, Document, Segment, Unit

DATE = datetime.date(2026, 1, 6)
LD_OPEN = '<script type="application/ld+json">\n'


# --- building documents by hand -------------------------------------------------------------


def seg(text: str, role: str = "paragraph", line: int = 1) -> Segment:
    """A segment with an empty translator note."""
    return Segment(text, role, line, "")  # type: ignore[arg-type]


def question(text: str, line: int = 1) -> Block:
    """A one-line question block."""
    return Block("question", line, (Unit("question", (seg(text, "question", line),)),))


def paragraph(*lines: str, line: int = 1) -> Block:
    """A paragraph block with one single-segment unit per line."""
    units = tuple(Unit("paragraph", (seg(t, "paragraph", line + i),)) for i, t in enumerate(lines))
    return Block("paragraph", line, units)


def bullet_list(*items: str, intro: str | None = None, markers: tuple[str, ...] = ()) -> Block:
    """A list block; ``markers`` default to "-" for every item."""
    units = [] if intro is None else [Unit("intro", (seg(intro, "intro"),))]
    for index, text in enumerate(items):
        marker = markers[index] if markers else "-"
        units.append(Unit("item", (seg(text, "item"),), marker))
    return Block("list", 1, tuple(units))


def document(*blocks: Block, date: datetime.date | None = DATE) -> Document:
    """A document of the given blocks; its pieces are the blocks' segments separated by blanks."""
    pieces: list[str | Segment] = []
    for block in blocks:
        for unit in block.units:
            pieces.extend([*unit.pieces, "\n"])
        pieces.append("\n")
    return Document("source/test.txt", date, tuple(pieces), blocks)


def identity(doc: Document) -> dict[str, str]:
    """Texts that publish every segment as its German text."""
    return {s.text: s.text for s in doc.segments}


def seed_like() -> tuple[Document, dict[str, str]]:
    """A document shaped like the seed explainer, with English texts for its segments."""
    q1 = "Wie unterscheidet sich der Pariser Gipfel vom Berliner Treffen im Dezember?"
    p1 = "Der Pariser Gipfel konzentriert sich auf die Sicherheitsgarantien für die Ukraine."
    q2 = "Was ist der derzeitige Stand der Friedensgespräche?"
    p2 = "Die vielen internationalen Treffen sind keine klassischen Friedensverhandlungen."
    p3 = "Auf russischer Seite ist bislang kein Einlenken erkennbar."
    q3 = 'Wie blickt Moskau auf die "Koalition der Willigen"?'
    p4 = 'Aus Moskauer Sicht ist die "Koalition der Willigen" ein europäisches Projekt.'
    blocks = (
        Block("question", 1, (Unit("question", ("", seg(q1, "question", 1))),)),
        paragraph(p1, line=3),
        question(q2, line=5),
        paragraph(p2, line=7),
        paragraph(p3, line=9),
        question(q3, line=11),
        paragraph(p4, line=13),
    )
    pieces = ("date 2026-01-06 ", *(p for b in blocks for u in b.units for p in u.pieces))
    doc = Document("seeds/000.txt", DATE, pieces, blocks)
    texts = {
        q1: "How does the Paris summit differ from the Berlin meeting in December?",
        p1: "The Paris summit focuses on security guarantees for Ukraine.",
        q2: "Where do the peace talks stand?",
        p2: "The many international meetings are not classic peace negotiations.",
        p3: "On the Russian side, no sign of give is visible so far.",
        q3: 'How does Moscow view the "coalition of the willing"?',
        p4: 'From Moscow\'s point of view, the "coalition of the willing" is a European project.',
    }
    return doc, texts


def json_ld(page: str) -> Any:
    """The parsed JSON-LD of an HTML page."""
    return json.loads(json_ld_raw(page))


def json_ld_raw(page: str) -> str:
    """The raw text of the page's JSON-LD script element."""
    start = page.index(LD_OPEN) + len(LD_OPEN)
    return page[start : page.index("</script>", start)]


def markdown_body(text: str) -> str:
    """The Markdown of a one-paragraph, undated document whose paragraph publishes ``text``."""
    doc = document(paragraph("Absatz"), date=None)
    return render_markdown(doc, {"Absatz": text}, "en").rstrip("\n")


class TagCollector(HTMLParser):
    """Records the start and end tags an HTML parser sees, and the script contents."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.tags.append("/" + tag)
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse_tags(page: str) -> TagCollector:
    """The tags and script contents of a page as Python's HTML parser reads it."""
    collector = TagCollector()
    collector.feed(page)
    collector.close()
    return collector


# --- unit text ------------------------------------------------------------------------------


def test_unit_text_replaces_segments_and_keeps_literal_pieces() -> None:
    """A unit's text is its pieces joined, segments replaced by their texts, spaces kept."""
    unit = Unit("paragraph", (seg("Satz eins."), "  ", seg("Satz zwei.")))
    texts = {"Satz eins.": "Sentence one.", "Satz zwei.": "Sentence two."}
    assert unit_text(unit, texts) == "Sentence one.  Sentence two."


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "January 6, 2026"), ("uk", "6 січня 2026\u202fр."), ("fr", "6 janvier 2026")],
)
def test_date_is_shown_in_the_languages_long_format(lang: str, shown: str) -> None:
    """Every format shows the date in CLDR's long form for the edition's language."""
    doc = document(question("Frage?"))
    texts = identity(doc)
    assert render_markdown(doc, texts, lang).splitlines()[0] == f"*{shown}*"
    assert f'<time datetime="2026-01-06">{shown}</time>' in render_html(doc, texts, lang, ())
    data = json.loads(render_json(doc, texts, lang))
    assert (data["date"], data["date_display"]) == ("2026-01-06", shown)


def test_undated_document_has_no_date_anywhere() -> None:
    """Without a date header, no format invents one."""
    doc = document(question("Frage?"), paragraph("Antwort."), date=None)
    texts = identity(doc)
    assert render_markdown(doc, texts, "en").startswith("## Frage?\n")
    page = render_html(doc, texts, "en", ())
    assert "<time" not in page
    assert "datePublished" not in json_ld(page)
    data = json.loads(render_json(doc, texts, "en"))
    assert data["date"] is None
    assert data["date_display"] is None


# --- the seed-shaped explainer --------------------------------------------------------------


def test_seed_markdown_has_date_then_question_headings_and_paragraphs() -> None:
    """The seed becomes a date line, "## " questions and paragraphs, separated by blank lines."""
    doc, texts = seed_like()
    expected = ["*January 6, 2026*"]
    for block in doc.blocks:
        text = unit_text(block.units[0], texts)
        expected.append(("## " if block.kind == "question" else "") + text)
    assert render_markdown(doc, texts, "en") == "\n\n".join(expected) + "\n"


def test_seed_html_has_one_heading_per_question_and_escaped_quotes() -> None:
    """Questions become <h2>, paragraphs <p>, and double quotes in text are escaped."""
    doc, texts = seed_like()
    page = render_html(doc, texts, "en", ())
    headings = re.findall(r"<h2>(.*)</h2>", page)
    assert len(headings) == 3
    assert headings[2] == "How does Moscow view the &quot;coalition of the willing&quot;?"
    assert page.count("<p>") == 4 + 1  # four paragraphs and the date line
    assert page.endswith("</html>\n")
    assert "\n\n" not in page


def test_seed_json_groups_paragraphs_under_their_question() -> None:
    """The JSON edition has one section per question with its answer paragraphs in order."""
    doc, texts = seed_like()
    data = json.loads(render_json(doc, texts, "en"))
    assert data["lead"] == []
    sections = [(s["question"], [a["text"] for a in s["answer"]]) for s in data["sections"]]
    blocks = doc.blocks
    english = [unit_text(b.units[0], texts) for b in blocks]
    assert sections == [
        (english[0], [english[1]]),
        (english[2], [english[3], english[4]]),
        (english[5], [english[6]]),
    ]


def test_seed_faq_page_structure() -> None:
    """The JSON-LD is a FAQPage: one Question per question, answer blocks joined by blank lines."""
    doc, texts = seed_like()
    data = json_ld(render_html(doc, texts, "en", ()))
    english = [unit_text(b.units[0], texts) for b in doc.blocks]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2026-01-06"
    assert [q["@type"] for q in data["mainEntity"]] == ["Question"] * 3
    assert [q["name"] for q in data["mainEntity"]] == [english[0], english[2], english[5]]
    answers = [q["acceptedAnswer"] for q in data["mainEntity"]]
    assert {a["@type"] for a in answers} == {"Answer"}
    assert answers[1]["text"] == english[3] + "\n\n" + english[4]


# --- HTML page ------------------------------------------------------------------------------


def test_html_head_declares_language_charset_title_and_alternates() -> None:
    """The page has lang, charset, the first question as title, and a hreflang link per edition."""
    doc = document(question("Frage?"), paragraph("Antwort."))
    texts = {"Frage?": "Питання?", "Antwort.": "Відповідь."}
    alternates = [("de", "../de/x.html"), ("uk", "x.html"), ("pt_BR", "../pt/x.html?a=1&b=2")]
    page = render_html(doc, texts, "uk", alternates)
    assert page.startswith('<!DOCTYPE html>\n<html lang="uk">\n<head>\n<meta charset="utf-8">\n')
    assert "<title>Питання?</title>" in page
    assert re.findall(r"<link [^>]*>", page) == [
        '<link rel="alternate" hreflang="de" href="../de/x.html">',
        '<link rel="alternate" hreflang="uk" href="x.html">',
        '<link rel="alternate" hreflang="pt-BR" href="../pt/x.html?a=1&amp;b=2">',
    ]


def test_html_lang_is_a_bcp47_tag_and_title_can_be_given() -> None:
    """A region variant is written with a hyphen, and a given title replaces the question."""
    doc = document(question("Frage?"))
    page = render_html(doc, identity(doc), "pt_BR", (), title='Guerra & "paz"')
    assert '<html lang="pt-BR">' in page
    assert "<title>Guerra &amp; &quot;paz&quot;</title>" in page
    assert json_ld(page)["inLanguage"] == "pt-BR"


HOSTILE = "</script><script>alert('x & \"y\"')</script><!-- -->"


def test_html_escapes_hostile_text_in_body_and_keeps_it_inert_in_json_ld() -> None:
    """Markup in translations is escaped in the page and survives intact in the JSON-LD."""
    doc = document(question("Frage?"), paragraph("Antwort."))
    texts = {"Frage?": "Q " + HOSTILE, "Antwort.": "A " + HOSTILE}
    page = render_html(doc, texts, "en", ())
    escaped = (
        "&lt;/script&gt;&lt;script&gt;alert(&#x27;x &amp; &quot;y&quot;&#x27;)"
        "&lt;/script&gt;&lt;!-- --&gt;"
    )
    assert f"<h2>Q {escaped}</h2>" in page
    assert f"<p>A {escaped}</p>" in page
    assert f"<title>Q {escaped}</title>" in page
    raw = json_ld_raw(page)
    assert not {"<", ">", "&"} & set(raw)
    entity = json.loads(raw)["mainEntity"][0]
    assert entity["name"] == texts["Frage?"]
    assert entity["acceptedAnswer"]["text"] == texts["Antwort."]
    assert page.lower().count("</script") == 1


def test_json_ld_escapes_javascript_line_separators() -> None:
    """U+2028 and U+2029 are written as escapes in the JSON-LD and read back unchanged."""
    doc = document(question("Frage?"))
    text = "eins\u2028zwei\u2029drei"
    raw = json_ld_raw(render_html(doc, {"Frage?": text}, "en", ()))
    assert "\u2028" not in raw
    assert "\u2029" not in raw
    assert json.loads(raw)["mainEntity"][0]["name"] == text


def test_lead_blocks_are_on_the_page_but_not_in_the_faq() -> None:
    """Blocks before the first question are rendered but answer no question."""
    doc = document(paragraph("Vorspann."), question("Frage?"), paragraph("Antwort."))
    page = render_html(doc, identity(doc), "en", ())
    assert page.index("<p>Vorspann.</p>") < page.index("<h2>Frage?</h2>")
    entities = json_ld(page)["mainEntity"]
    assert [e["acceptedAnswer"]["text"] for e in entities] == ["Antwort."]


def test_multi_line_paragraph_stays_one_paragraph() -> None:
    """A paragraph's lines stay one paragraph, line breaks kept as soft breaks or newlines."""
    doc = document(paragraph("Zeile eins", "Zeile zwei"), date=None)
    texts = identity(doc)
    assert render_markdown(doc, texts, "en") == "Zeile eins\nZeile zwei\n"
    assert "<p>Zeile eins\nZeile zwei</p>" in render_html(doc, texts, "en", ())
    lead = json.loads(render_json(doc, texts, "en"))["lead"]
    assert lead == [{"type": "paragraph", "text": "Zeile eins\nZeile zwei"}]


# --- lists ----------------------------------------------------------------------------------


def list_document() -> tuple[Document, dict[str, str]]:
    """A question answered by a bullet list with an intro and an ordered list from 3."""
    doc = document(
        question("Was folgt?"),
        bullet_list("Waffenruhe", "Garantien", intro="Zwei Punkte:"),
        bullet_list("dritter", "vierter", markers=("3.", "4.")),
    )
    texts = {
        "Was folgt?": "What follows?",
        "Zwei Punkte:": "Two points:",
        "Waffenruhe": "ceasefire",
        "Garantien": "guarantees",
        "dritter": "third",
        "vierter": "fourth",
    }
    return doc, texts


def test_lists_in_markdown() -> None:
    """Bullet lists use "-", ordered lists keep their numbers, the intro is its own paragraph."""
    doc, texts = list_document()
    assert render_markdown(doc, texts, "en") == (
        "*January 6, 2026*\n\n## What follows?\n\nTwo points:\n\n- ceasefire\n- guarantees\n\n"
        "3. third\n4. fourth\n"
    )


def test_adjacent_lists_of_one_kind_stay_apart_in_markdown() -> None:
    """A list right after a list of its kind switches character, so the two do not merge."""
    doc = document(
        bullet_list("a", "b"),
        bullet_list("c"),
        bullet_list("d"),
        bullet_list("e", markers=("1.",)),
        bullet_list("f", markers=("1.",)),
        bullet_list("g", intro="Intro"),
        date=None,
    )
    assert render_markdown(doc, identity(doc), "en") == (
        "- a\n- b\n\n* c\n\n- d\n\n1. e\n\n1) f\n\nIntro\n\n- g\n"
    )


def test_lists_in_html() -> None:
    """Bullet lists become <ul>, ordered lists <ol> with their start number, intros <p>."""
    doc, texts = list_document()
    page = render_html(doc, texts, "en", ())
    assert "<p>Two points:</p>\n<ul>\n<li>ceasefire</li>\n<li>guarantees</li>\n</ul>\n" in page
    assert '<ol start="3">\n<li>third</li>\n<li>fourth</li>\n</ol>\n' in page
    answer = json_ld(page)["mainEntity"][0]["acceptedAnswer"]["text"]
    assert answer == "Two points:\n- ceasefire\n- guarantees\n\n3. third\n4. fourth"


def test_ordered_list_from_one_has_no_start_attribute() -> None:
    """An ordered list numbered from 1 is a plain <ol>."""
    doc = document(bullet_list("a", "b", markers=("1)", "2)")), date=None)
    page = render_html(doc, identity(doc), "en", ())
    assert "<ol>\n<li>a</li>\n<li>b</li>\n</ol>" in page


def test_lists_in_json() -> None:
    """Lists are JSON blocks with their intro (or null), ordering and items."""
    doc, texts = list_document()
    answer = json.loads(render_json(doc, texts, "en"))["sections"][0]["answer"]
    assert answer == [
        {
            "type": "list",
            "ordered": False,
            "intro": "Two points:",
            "items": ["ceasefire", "guarantees"],
        },
        {"type": "list", "ordered": True, "intro": None, "items": ["third", "fourth"]},
    ]


def test_json_keeps_non_ascii_text_and_ends_with_a_newline() -> None:
    """The JSON edition writes Cyrillic as is, indented, with one final newline."""
    doc = document(question("Frage?"))
    out = render_json(doc, {"Frage?": "Що далі?"}, "uk")
    assert '"question": "Що далі?"' in out
    assert out.endswith("}\n")
    assert out.startswith('{\n  "lang": "uk",\n')


# --- Markdown escaping ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# keine Überschrift", "\\# keine Überschrift"),
        ("#hashtag bleibt", "#hashtag bleibt"),
        ("1986. Das Jahr", "1986\\. Das Jahr"),
        ("3) Punkt", "3\\) Punkt"),
        ("- kein Punkt", "\\- kein Punkt"),
        ("+ plus", "\\+ plus"),
        ("-5 Grad", "-5 Grad"),
        ("> kein Zitat", "\\> kein Zitat"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("| --- | --- |", "\\| --- \\| --- \\|"),
        ("*fett* und _kursiv_", "\\*fett\\* und \\_kursiv\\_"),
        ("snake_case bleibt", "snake_case bleibt"),
        ("`code` und ~~weg~~", "\\`code\\` und \\~\\~weg\\~\\~"),
        ("[Link](https://x.de)", "\\[Link\\](https://x.de)"),
        ("a < b und <b>fett</b>", "a < b und \\<b>fett\\</b>"),
        ("AT&T und &amp; und &#169;", "AT&T und \\&amp; und \\&#169;"),
        ("C:\\Pfad\\", "C:\\\\Pfad\\\\"),
        ("    eingerückt  ", "eingerückt"),
        ("Qu'est-ce que c'est\u00a0?", "Qu'est-ce que c'est\u00a0?"),
    ],
)
def test_markdown_escapes_only_what_would_change_meaning(text: str, markdown: str) -> None:
    """Markdown-significant characters are backslash-escaped; ordinary text is left alone."""
    assert markdown_body(text) == markdown


def test_markdown_escapes_every_line_of_a_multi_line_translation() -> None:
    """A line break inside a translation cannot start a heading or list on the next line."""
    assert markdown_body("Erste Zeile\n# zweite\r\n\n- dritte") == (
        "Erste Zeile\n\\# zweite\n\\- dritte"
    )


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Was kostet C#?", "## Was kostet C#?"),
        ("Frage Nummer #", "## Frage Nummer \\#"),
        ("Zwei\nZeilen *hier*", "## Zwei Zeilen \\*hier\\*"),
    ],
)
def test_markdown_heading_stays_one_line_with_its_text(text: str, heading: str) -> None:
    """A question heading is one line, and a trailing "#" is not taken as a closing sequence."""
    doc = document(question("Frage?"), date=None)
    assert render_markdown(doc, {"Frage?": text}, "en") == heading + "\n"


def test_markdown_list_item_text_cannot_nest_blocks() -> None:
    """Item text that looks like a list or heading is escaped; continuation lines are indented."""
    doc = document(bullet_list("a", "b", markers=("1.", "2.")), date=None)
    texts = {"a": "1. nested", "b": "# two\n- lines"}
    assert render_markdown(doc, texts, "en") == "1. 1\\. nested\n2. \\# two\n   \\- lines\n"


def unescape(markdown: str) -> str:
    """CommonMark's reading of backslash escapes: a backslash before ASCII punctuation goes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@given(st.text(alphabet=st.characters(exclude_characters="\r\n")))
def test_markdown_escaping_loses_no_text(text: str) -> None:
    """Removing the backslash escapes gives back the line, without its outer spaces and tabs."""
    assert unescape(escape_line(text)) == text.strip(" \t")


# --- the JSON-LD stays inert ----------------------------------------------------------------

# Plain random text almost never spells a closing tag; mixing in the fragments that matter makes
# the properties below meet them in every run.
HTML_FRAGMENTS = ("</script>", "</SCRIPT ", "<script>", "<!--", "-->", "&", '"', "'", "\u2028")
translation = st.lists(st.one_of(st.text(), st.sampled_from(HTML_FRAGMENTS))).map("".join)
three_translations = st.lists(translation, min_size=3, max_size=3)


@given(three_translations)
def test_json_ld_is_inert_for_any_translation(translations: list[str]) -> None:
    """Whatever the texts, the page has one script element whose JSON gives them back intact."""
    doc = document(question("Frage?"), paragraph("Antwort."), bullet_list("Punkt"))
    texts = dict(zip(("Frage?", "Antwort.", "Punkt"), translations, strict=True))
    page = render_html(doc, texts, "fr", (("fr", "x.html"),))
    assert page.lower().count("</script") == 1
    assert page.lower().count("<script") == 1
    assert "<!--" not in json_ld_raw(page)
    entity = json_ld(page)["mainEntity"][0]
    assert entity["name"] == texts["Frage?"]
    assert entity["acceptedAnswer"]["text"] == f"{texts['Antwort.']}\n\n- {texts['Punkt']}"


@given(three_translations)
def test_translations_cannot_add_or_remove_html_elements(translations: list[str]) -> None:
    """An HTML parser sees the same tags, and the same script data, as with harmless texts."""
    doc = document(question("Frage?"), paragraph("Antwort."), bullet_list("Punkt"))
    texts = dict(zip(("Frage?", "Antwort.", "Punkt"), translations, strict=True))
    parsed = parse_tags(render_html(doc, texts, "en", ()))
    plain = parse_tags(render_html(doc, dict.fromkeys(texts, "x"), "en", ()))
    assert parsed.tags == plain.tags
    assert json.loads("".join(parsed.scripts))["mainEntity"][0]["name"] == texts["Frage?"]
