"""Tests of the TBX reader (both layouts, untrusted input) and the TBX 2019 writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer_i18n.errors import InputError
from explainer_i18n.glossary_csv import parse_glossary_csv, serialize_glossary_csv
from explainer_i18n.glossary_tbx import parse_tbx, serialize_tbx
from explainer_i18n.model import Concept, Glossary, Term

DATA = Path(__file__).resolve().parent / "data" / "glossary"
REPO = Path(__file__).resolve().parents[1]


def read(name: str) -> str:
    """A fixture file's text."""
    return (DATA / name).read_text(encoding="utf-8")


def wrap_2019(entries: str) -> str:
    """A TBX 2019 document around some conceptEntry elements."""
    return (
        '<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" xml:lang="de">'
        f"<text><body>{entries}</body></text></tbx>"
    )


def one_term(status_note: str) -> Term:
    """The single English term of a one-concept TBX 2019 document with the given termNote."""
    entry = (
        '<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>Kyiv</term>'
        f"{status_note}</termSec></langSec></conceptEntry>"
    )
    return parse_tbx(wrap_2019(entry), "g.tbx").concepts[0].terms[0]


def test_reads_martif_layout_with_tig_and_ntig() -> None:
    """TBX v2 termEntry/langSet with both tig and ntig/termGrp terms, statuses mapped."""
    glossary = parse_tbx(read("martif_v2.tbx"), "martif_v2.tbx")
    kiew, talks = glossary.concepts
    assert kiew.id == "kiew"
    assert [(t.lang, t.text, t.status) for t in kiew.terms] == [
        ("de", "Kiew", "preferred"),
        ("en", "Kyiv", "preferred"),
        ("en", "Kiev", "forbidden"),
        ("uk", "Київ", "preferred"),
        ("uk", "Киев", "forbidden"),
    ]
    assert kiew.terms[1].note == "Ukrainian-based spelling"
    assert [(t.text, t.status) for t in talks.terms] == [
        ("Friedensgespräche", "admitted"),
        ("peace talks", "preferred"),
        ("peace negotiations", "admitted"),
    ]
    assert kiew.source == "martif_v2.tbx:11"


def test_reads_tbx_2019_layout_with_forms() -> None:
    """TBX 2019 conceptEntry/langSec/termSec, x-form notes becoming forms."""
    glossary = parse_tbx(read("tbx2019.tbx"), "tbx2019.tbx")
    nato, donezk = glossary.concepts
    assert [(t.lang, t.text, t.status) for t in nato.terms] == [
        ("de", "Nato", "preferred"),
        ("fr", "OTAN", "preferred"),
        ("fr", "NATO", "forbidden"),
    ]
    assert nato.terms[1].note == "also written Otan"
    assert donezk.terms[1].forms == ("Донецький", "Донеччина")
    assert donezk.terms[0].status == "admitted"


@pytest.mark.parametrize(
    ("kind", "value", "status"),
    [
        ("administrativeStatus", "preferredTerm-admn-sts", "preferred"),
        ("administrativeStatus", "admittedTerm-admn-sts", "admitted"),
        ("administrativeStatus", "deprecatedTerm-admn-sts", "forbidden"),
        ("administrativeStatus", "supersededTerm-admn-sts", "forbidden"),
        ("normativeAuthorization", "preferred", "preferred"),
        ("normativeAuthorization", "admitted", "admitted"),
        ("normativeAuthorization", "deprecated", "forbidden"),
        ("normativeAuthorization", "superseded", "forbidden"),
        ("normativeAuthorization", "deprecatedTerm", "forbidden"),
        ("normativeAuthorization", "standardizedTerm", "preferred"),
    ],
)
def test_status_mapping(kind: str, value: str, status: str) -> None:
    """Each administrativeStatus and normativeAuthorization value maps to one status."""
    assert one_term(f'<termNote type="{kind}">{value}</termNote>').status == status


def test_term_with_inline_markup_keeps_text_order() -> None:
    """Character data around and inside inline elements is read in document order."""
    assert one_term("").text == "Kyiv"
    entry = (
        '<conceptEntry id="c"><langSec xml:lang="en"><termSec>'
        "<term>Ky<hi>iv</hi> city</term></termSec></langSec></conceptEntry>"
    )
    assert parse_tbx(wrap_2019(entry), "g.tbx").concepts[0].terms[0].text == "Kyiv city"


def test_term_without_status_is_admitted() -> None:
    """A term with no status note is admitted (acceptable, never reported)."""
    assert one_term('<termNote type="partOfSpeech">noun</termNote>').status == "admitted"


def test_unknown_status_value_is_an_error_at_its_line() -> None:
    """An administrativeStatus value the reader does not know is an InputError, not a guess."""
    entry = (
        '<conceptEntry id="c">\n<langSec xml:lang="en">\n<termSec><term>Kyiv</term>'
        '<termNote type="administrativeStatus">maybe</termNote></termSec></langSec></conceptEntry>'
    )
    with pytest.raises(InputError, match="unknown administrativeStatus") as caught:
        parse_tbx(wrap_2019(entry), "g.tbx")
    assert (caught.value.path, caught.value.line) == ("g.tbx", 4)


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ('<conceptEntry><langSec xml:lang="de"/></conceptEntry>', "without an id"),
        ('<conceptEntry id="c"><langSec><termSec/></langSec></conceptEntry>', "without xml:lang"),
        (
            '<conceptEntry id="c"><langSec xml:lang="de"><termSec/></langSec></conceptEntry>',
            "term",
        ),
        (
            '<conceptEntry id="c"><langSec xml:lang="de"><termSec><term> </term></termSec>'
            "</langSec></conceptEntry>",
            "without a term",
        ),
        ('<conceptEntry id="c"/><conceptEntry id="c"/>', "used twice"),
    ],
)
def test_structural_problems_are_errors(entries: str, words: str) -> None:
    """Missing ids, languages or terms and repeated ids are InputErrors naming the file."""
    with pytest.raises(InputError, match=words) as caught:
        parse_tbx(wrap_2019(entries), "g.tbx")
    assert caught.value.path == "g.tbx"


def test_bad_pattern_note_is_an_error() -> None:
    """An x-pattern that is not a regular expression is refused when reading."""
    with pytest.raises(InputError, match="bad x-pattern"):
        one_term('<termNote type="x-pattern">Ky(iv</termNote>')


def test_not_well_formed_xml_names_the_line() -> None:
    """Broken XML is an InputError with the line expat stopped on."""
    with pytest.raises(InputError, match="not well-formed") as caught:
        parse_tbx('<?xml version="1.0"?>\n<tbx>\n<text>\n</tbx>\n', "g.tbx")
    assert (caught.value.path, caught.value.line) == ("g.tbx", 4)


def test_other_xml_is_not_a_glossary() -> None:
    """A well-formed file with another root element is refused."""
    with pytest.raises(InputError, match="root element is <html>"):
        parse_tbx("<html><body/></html>", "page.tbx")


def test_external_entity_is_refused() -> None:
    """An entity pointing at a local file (XXE) is an InputError; nothing is read."""
    with pytest.raises(InputError, match="unsafe XML refused") as caught:
        parse_tbx(read("xxe.tbx"), "xxe.tbx")
    assert caught.value.path == "xxe.tbx"


def test_external_parameter_entity_is_refused() -> None:
    """A parameter entity fetching a remote DTD is refused before any fetch."""
    with pytest.raises(InputError, match="unsafe XML refused"):
        parse_tbx(read("xxe_parameter.tbx"), "xxe_parameter.tbx")


def test_billion_laughs_is_refused_at_the_declaration() -> None:
    """Nested entity declarations are refused at the first one, with its line, never expanded."""
    with pytest.raises(InputError, match=r"unsafe XML refused: entity '.+' declared") as caught:
        parse_tbx(read("billion_laughs.tbx"), "billion_laughs.tbx")
    assert caught.value.path == "billion_laughs.tbx"
    first = (
        read("billion_laughs.tbx")
        .split("\n")
        .index(next(x for x in read("billion_laughs.tbx").split("\n") if "<!ENTITY" in x))
    )
    assert caught.value.line == first + 1


def test_external_dtd_in_doctype_is_never_loaded(tmp_path: Path) -> None:
    """A DOCTYPE naming a real DTD file that defines an entity leaves the entity undefined."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY leaked "secret">', encoding="utf-8")
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE tbx SYSTEM "{dtd.as_uri()}">\n'
        '<tbx><text><body><conceptEntry id="c"><langSec xml:lang="de"><termSec>'
        "<term>&leaked;</term></termSec></langSec></conceptEntry></body></text></tbx>"
    )
    with pytest.raises(InputError, match="undefined entity &leaked;") as caught:
        parse_tbx(text, "g.tbx")
    assert caught.value.line == 3


def test_declared_encoding_does_not_matter_for_decoded_text() -> None:
    """The text is already decoded: a latin-1 declaration does not garble Cyrillic terms."""
    text = read("martif_v2.tbx").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    terms = parse_tbx(text, "g.tbx").concepts[0].terms
    assert "Київ" in [t.text for t in terms]


def test_serialized_tbx_reads_back_the_same_terms() -> None:
    """Every field, the private x- notes included, survives writing and reading TBX."""
    glossary = Glossary(
        (
            Concept(
                "donezk",
                (
                    Term("Donezk", "de", "preferred"),
                    Term("Донецьк", "uk", "preferred", True, ("Донецький",), r"Донецьк\w*", "<&>"),
                    Term("Донецк", "uk", "forbidden"),
                    Term("Donetsk", "en", "admitted"),
                ),
            ),
        )
    )
    again = parse_tbx(serialize_tbx(glossary), "g.tbx")
    assert again.concepts[0].terms == glossary.concepts[0].terms


def test_serialized_tbx_is_deterministic_tbx_2019() -> None:
    """The project glossary exports to the same TBX 2019 text twice, with the 2019 namespace."""
    csv_text = (REPO / "locales" / "glossary.csv").read_text(encoding="utf-8")
    glossary = parse_glossary_csv(csv_text, "locales/glossary.csv")
    text = serialize_tbx(glossary)
    assert text == serialize_tbx(parse_tbx(text, "g.tbx"))
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in text
    assert [c.terms for c in parse_tbx(text, "g.tbx").concepts] == [
        c.terms for c in glossary.concepts
    ]


WORDS = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="|"),
    min_size=1,
    max_size=12,
).map(str.strip)
TERMS = st.builds(
    Term,
    text=WORDS.filter(bool),
    lang=st.sampled_from(["de", "en", "uk", "fr", "pt_BR"]),
    status=st.sampled_from(["preferred", "admitted", "forbidden"]),
    case_sensitive=st.booleans(),
    forms=st.lists(WORDS.filter(bool), max_size=2).map(tuple),
    pattern=st.sampled_from([None, r"\w+", "Ky(iv)?"]),
    note=WORDS,
)
GLOSSARIES = st.lists(
    st.tuples(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), st.lists(TERMS, max_size=4)),
    max_size=4,
    unique_by=lambda pair: pair[0],
).map(lambda pairs: Glossary(tuple(Concept(cid, tuple(terms)) for cid, terms in pairs)))


def grouped(glossary: Glossary) -> list[tuple[str, list[Term]]]:
    """Concepts with their terms grouped by language, as TBX stores them."""
    result = []
    for concept in glossary.concepts:
        langs = dict.fromkeys(t.lang for t in concept.terms)
        result.append((concept.id, [t for lang in langs for t in concept.in_lang(lang)]))
    return result


@given(GLOSSARIES)
def test_any_glossary_survives_tbx_and_csv(glossary: Glossary) -> None:
    """Writing TBX or CSV and reading it back keeps every concept and term."""
    from_tbx = parse_tbx(serialize_tbx(glossary), "g.tbx")
    assert grouped(from_tbx) == grouped(glossary)
    with_terms = [(c.id, list(c.terms)) for c in glossary.concepts if c.terms]
    from_csv = parse_glossary_csv(serialize_glossary_csv(glossary), "g.csv")
    assert [(c.id, list(c.terms)) for c in from_csv.concepts] == with_terms
