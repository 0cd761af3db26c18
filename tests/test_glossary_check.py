"""Tests of the glossary check of catalogs and of the glossary notes for translators."""

from __future__ import annotations

import functools
from pathlib import Path

from explainer_i18n.glossary_check import GLOSSARY_RULES, glossary_findings, glossary_notes
from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.model import Catalog, Concept, Glossary, Message, Severity, Term

REPO = Path(__file__).resolve().parents[1]
KIEW = "Die USA üben Druck auf Kiew aus."


@functools.cache
def project() -> Glossary:
    """The project's own glossary, read once."""
    text = (REPO / "locales" / "glossary.csv").read_text(encoding="utf-8")
    return parse_glossary_csv(text, "locales/glossary.csv")


def check(*messages: Message, lang: str = "en") -> list[tuple[str, str | None, int]]:
    """Rule, concept and line of each finding for a catalog of the given messages."""
    catalog = Catalog(Message("", "Language: en\n"), messages)
    findings = glossary_findings(catalog, "locales/en/x.po", lang, project())
    return [(f.rule, f.concept, f.line) for f in findings]


def test_rules_have_the_documented_ids_and_are_errors() -> None:
    """The registry holds exactly the two glossary rules, both errors, with a reason each."""
    assert [r.id for r in GLOSSARY_RULES] == ["glossary-missing-term", "glossary-forbidden-term"]
    assert all(r.severity is Severity.ERROR and r.reason for r in GLOSSARY_RULES)


def test_missing_term_finding_has_every_field() -> None:
    """A missing term names the expected translation and carries path, line, lang and concept."""
    catalog = Catalog(None, (Message(KIEW, "The US is pressuring the government.", line=7),))
    (finding,) = glossary_findings(catalog, "locales/en/x.po", "en", project())
    assert finding.rule == "glossary-missing-term"
    assert finding.severity is Severity.ERROR
    assert (finding.path, finding.line, finding.lang) == ("locales/en/x.po", 7, "en")
    assert (finding.msgid, finding.concept, finding.fuzzy) == (KIEW, "kiew", False)
    assert finding.message == '"Kiew" is not translated as "Kyiv"'


def test_missing_term_message_lists_admitted_terms() -> None:
    """The message names preferred and admitted terms."""
    catalog = Catalog(None, (Message("Friedensgespräche", "talks", line=3),))
    (finding,) = glossary_findings(catalog, "x.po", "en", project())
    assert (
        finding.message
        == '"Friedensgespräche" is not translated as "peace talks" or "peace negotiations"'
    )


def test_forbidden_term_finding_names_the_variant_found() -> None:
    """A forbidden variant is reported as written, with the term it matched and what to use."""
    catalog = Catalog(None, (Message(KIEW, "США тиснуть на Киева.", line=4),))
    (finding,) = glossary_findings(catalog, "x.po", "uk", project())
    assert finding.rule == "glossary-forbidden-term"
    assert finding.message == 'forbidden variant "Киева" ("Киев") for "Kiew"; use "Київ"'


def test_forbidden_suppresses_missing_for_the_same_concept() -> None:
    """An entry with a forbidden variant gets one forbidden finding and no missing one."""
    assert check(Message(KIEW, "The US is pressuring Kiev.", line=2)) == [
        ("glossary-forbidden-term", "kiew", 2)
    ]


def test_correct_translation_gives_no_finding() -> None:
    """Using the preferred terms, inflected, is fine."""
    message = Message(
        "Selenskyj sprach mit Kremlchef Putin.", "Zelensky spoke with Kremlin chief Putin."
    )
    assert check(message) == []


def test_forbidden_variant_of_an_unmentioned_concept_is_no_finding() -> None:
    """Only concepts the German mentions are judged."""
    assert check(Message("Heute regnet es.", "It is raining in Kiev.")) == []


def test_untranslated_entries_get_no_finding() -> None:
    """Empty msgstr (singular or every plural form) is left to the untranslated check."""
    plural = Message(KIEW, msgid_plural=KIEW, msgstr_plural=("", ""))
    assert check(Message(KIEW, ""), plural) == []


def test_fuzzy_entries_are_checked_and_marked() -> None:
    """A fuzzy entry's finding has fuzzy=True and says (fuzzy)."""
    catalog = Catalog(None, (Message(KIEW, "pressure on Kiev", flags=("fuzzy",), line=9),))
    (finding,) = glossary_findings(catalog, "x.po", "en", project())
    assert finding.fuzzy
    assert finding.message.endswith(" (fuzzy)")


def test_obsolete_entries_and_header_are_ignored() -> None:
    """#~ entries and an entry with an empty msgid are not checked."""
    obsolete = Message(KIEW, "pressure on Kiev", obsolete=True)
    header_like = Message("", "Kiev")
    assert check(obsolete, header_like) == []


def test_plural_entry_gives_one_finding_per_concept() -> None:
    """Two plural forms without the term make one finding, not two."""
    message = Message(
        "Ein Tag in Kiew", msgid_plural="%d Tage in Kiew", msgstr_plural=("a day", "days"), line=5
    )
    assert check(message) == [("glossary-missing-term", "kiew", 5)]


def test_plural_entry_checks_every_form() -> None:
    """A term missing from the second plural form only is still found."""
    message = Message(
        "Ein Tag in Kiew",
        msgid_plural="%d Tage in Kiew",
        msgstr_plural=("a day in Kyiv", "%d days there"),
        line=5,
    )
    assert check(message) == [("glossary-missing-term", "kiew", 5)]


def test_findings_follow_file_order_then_text_order() -> None:
    """Findings come entry by entry, concepts in the order the German mentions them."""
    first = Message("Selenskyj reiste nach Kiew.", "He travelled to the capital.", line=3)
    second = Message("Die Nato tagte.", "The alliance met.", line=8)
    assert check(first, second) == [
        ("glossary-missing-term", "selenskyj", 3),
        ("glossary-missing-term", "kiew", 3),
        ("glossary-missing-term", "nato", 8),
    ]


def test_notes_list_preferred_admitted_and_forbidden_terms() -> None:
    """Notes read "glossary: German → preferred / admitted (not: forbidden)"."""
    assert glossary_notes("Der Waffenstillstand hält.", "uk", project()) == [
        "glossary: Waffenstillstand → перемирʼя / припинення вогню (not: перемирие)"
    ]
    assert glossary_notes("Die Koalition der Willigen", "uk", project()) == [
        "glossary: Koalition der Willigen → коаліція охочих (not: коаліція бажаючих)"
    ]
    assert glossary_notes("Kremlchef", "fr", project()) == [
        "glossary: Kremlchef → chef du Kremlin"
    ]


def test_notes_name_the_german_term_that_occurs_in_text_order() -> None:
    """The note quotes the German term found (an admitted one too), concepts in text order."""
    notes = glossary_notes("Friedensverhandlungen in Kiew", "en", project())
    assert notes == [
        "glossary: Friedensverhandlungen → peace talks / peace negotiations",
        "glossary: Kiew → Kyiv (not: Kiev)",
    ]


def test_notes_skip_concepts_without_terms_in_the_language() -> None:
    """A concept with no term at all in the language yields no note; none for plain text."""
    glossary = Glossary((Concept("c", (Term("Kiew", "de", "preferred"),)),))
    assert glossary_notes("Kiew", "en", glossary) == []
    assert glossary_notes("Heute regnet es.", "en", project()) == []


def test_a_rebuilt_equal_glossary_gives_the_same_findings() -> None:
    """Findings depend on the glossary's content, not on which object holds it."""
    copy = Glossary(tuple(Concept(c.id, c.terms, c.source) for c in project().concepts))
    catalog = Catalog(None, (Message(KIEW, "Kiev", line=1),))
    assert glossary_findings(catalog, "x.po", "en", copy) == glossary_findings(
        catalog, "x.po", "en", project()
    )
