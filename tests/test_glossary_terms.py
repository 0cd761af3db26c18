"""Tests of the matching rules in explainer_i18n.terms, one rule at a time (numbers as there)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from explainer_i18n.glossary_csv import parse_glossary_csv
from explainer_i18n.model import Concept, Glossary, Term
from explainer_i18n.terms import glossary_index, prepare

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def project() -> Glossary:
    """The project's own glossary, read once."""
    text = (REPO / "locales" / "glossary.csv").read_text(encoding="utf-8")
    return parse_glossary_csv(text, "locales/glossary.csv")


def mentioned(text: str, glossary: Glossary | None = None) -> list[str]:
    """Ids of the concepts a German text mentions, in order."""
    return [m.concept.id for m in glossary_index(glossary or project()).mentions(text)]


def verdicts(
    msgid: str, translations: str | tuple[str, ...], lang: str, glossary: Glossary | None = None
) -> dict[str, str]:
    """Outcome per mentioned concept for one entry."""
    index = glossary_index(glossary or project())
    texts = (translations,) if isinstance(translations, str) else translations
    prepared = prepare(texts, lang)
    return {m.concept.id: index.judge(m, lang, prepared).outcome for m in index.mentions(msgid)}


def outcome(msgid: str, msgstr: str, lang: str, concept: str) -> str:
    """The outcome for one concept, which must be mentioned."""
    return verdicts(msgid, msgstr, lang)[concept]


def glossary_of(*terms: Term, concept_id: str = "c") -> Glossary:
    """A one-concept glossary."""
    return Glossary((Concept(concept_id, terms),), "test.csv")


# --- rule 1: normalization -----------------------------------------------------------------


def test_rule1_nfc_makes_decomposed_accents_match() -> None:
    """A decomposed é (e + combining accent) in the translation still matches "sécurité"."""
    decomposed = "des garanties de se\u0301curite\u0301"
    assert outcome("Sicherheitsgarantien", decomposed, "fr", "sicherheitsgarantien") == "ok"


def test_rule1_invisible_characters_are_ignored() -> None:
    """A soft hyphen or zero-width space inside a word does not hide the term."""
    assert outcome("Kiew", "Ky\u00adiv", "en", "kiew") == "ok"
    assert mentioned("Waffen\u200bstillstand") == ["waffenstillstand"]


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_rule1_ukrainian_apostrophes_are_one(apostrophe: str) -> None:
    """перемир'я written with ', ’ or ʼ matches the glossary's перемирʼя."""
    text = f"Умови перемир{apostrophe}я"
    assert outcome("Waffenstillstand", text, "uk", "waffenstillstand") == "ok"


@pytest.mark.parametrize(
    "translation",
    [
        "see https://www.kyivindependent.com/kyiv",
        "see www.kyiv.example/news",
        "write to kyiv@example.org",
        "see kyiv.gov.ua",
    ],
)
def test_rule1_urls_and_addresses_do_not_count(translation: str) -> None:
    """A term only inside a URL, bare domain or e-mail address is not in the translation."""
    assert outcome("Kiew", translation, "en", "kiew") == "missing"


def test_rule1_urls_in_the_german_do_not_mention_concepts() -> None:
    """A German term inside a URL or address does not make its concept apply."""
    assert mentioned("Siehe https://www.nato.int/kiew oder kiew@example.org") == []


# --- rule 2: words --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["les pays de l'OTAN", "les pays de l’Otan", "l\u2019OTAN"])
def test_rule2_french_elision_leaves_the_term_a_word(text: str) -> None:
    """l'OTAN and l’Otan contain the word OTAN."""
    assert outcome("Nato", text, "fr", "nato") == "ok"


def test_rule2_french_elision_before_a_multiword_term() -> None:
    """d’un cessez-le-feu contains cessez-le-feu."""
    assert (
        outcome("Waffenstillstand", "après d’un cessez-le-feu", "fr", "waffenstillstand") == "ok"
    )


def test_rule2_english_possessive_and_hyphen_compounds() -> None:
    """Kyiv's and Kyiv-based contain the word Kyiv."""
    assert outcome("Kiew", "Kyiv's mayor", "en", "kiew") == "ok"
    assert outcome("Kiew", "a Kyiv-based firm", "en", "kiew") == "ok"


# --- rule 3: whole words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang", "concept"),
    [
        ("Kiew", "Kyivstar reported", "en", "kiew"),
        ("Nato", "натомість", "uk", "nato"),
        ("Selenskyj", "Zelenskyy said", "en", "selenskyj"),
        ("Selenskyj", "Zelenskyy a dit", "fr", "selenskyj"),
        ("Kiew", "Київстар повідомив", "uk", "kiew"),
    ],
)
def test_rule3_a_longer_word_is_no_match(msgid: str, msgstr: str, lang: str, concept: str) -> None:
    """A word that merely contains the term (Kyivstar, натомість, Zelenskyy) is not the term."""
    assert outcome(msgid, msgstr, lang, concept) == "missing"


def test_rule3_german_term_must_start_a_word() -> None:
    """Senatoren does not mention Nato, Natur does not either."""
    assert mentioned("Die Senatoren lieben die Natur.") == []


# --- rule 4: inflection and case ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("die Bürger Kiews", "kiew"),
        ("die Bedingungen des Waffenstillstands", "waffenstillstand"),
        ("die Waffenstillstände", "waffenstillstand"),
        ("bei den Friedensgesprächen", "friedensgespraeche"),
        ("eine Sicherheitsgarantie", "sicherheitsgarantien"),
        ("Putins Forderungen", "putin"),
        ("Selenskyjs Berater", "selenskyj"),
        ("des Kremlchefs", "kremlchef"),
    ],
)
def test_rule4_german_inflected_forms_mention_the_concept(text: str, concept: str) -> None:
    """Genitive, plural and dative forms of German terms count, names included."""
    assert mentioned(text) == [concept]


@pytest.mark.parametrize(
    "text", ["коаліція охочих", "коаліції охочих", "коаліцію охочих", "коаліцією охочих"]
)
def test_rule4_ukrainian_cases(text: str) -> None:
    """Every case of коаліція охочих matches."""
    assert outcome("Koalition der Willigen", text, "uk", "koalition-der-willigen") == "ok"


@pytest.mark.parametrize(
    ("msgid", "msgstr", "lang", "concept"),
    [
        ("Waffenstillstand", "the ceasefires", "en", "waffenstillstand"),
        ("Sicherheitsgarantien", "a security guarantee", "en", "sicherheitsgarantien"),
        ("Sicherheitsgarantien", "la garantie de sécurité", "fr", "sicherheitsgarantien"),
        ("Friedensgespräche", "мирними переговорами", "uk", "friedensgespraeche"),
        ("Kiew", "у Києві", "uk", "kiew"),
        ("Putin", "Путіну", "uk", "putin"),
        ("Koalition der Willigen", "the Coalition of the Willing", "en", "koalition-der-willigen"),
    ],
)
def test_rule4_target_inflection_and_case(
    msgid: str, msgstr: str, lang: str, concept: str
) -> None:
    """Plural, singular, case forms and capitalization of target terms all count."""
    assert outcome(msgid, msgstr, lang, concept) == "ok"


def test_rule4_ukrainian_term_that_is_its_own_lemma_keeps_only_itself() -> None:
    """Київ (lemma київ) is not matched by кия, a form of the unrelated кий."""
    assert outcome("Kiew", "удар кия", "uk", "kiew") == "missing"


@pytest.mark.parametrize(
    ("msgstr", "expected"),
    [("Кабмін Києва", "ok"), ("Russian Киева", "forbidden"), ("Киеве", "forbidden")],
)
def test_rule4_russian_spellings_meet_their_forbidden_term(msgstr: str, expected: str) -> None:
    """Inflected Russian spellings the dictionary does not know still hit the forbidden term."""
    assert outcome("Kiew", msgstr, "uk", "kiew") == expected


def test_rule4_case_sensitive_terms_need_the_same_capitalization() -> None:
    """A case-sensitive term matches inflected forms only with the same capitalization."""
    glossary = glossary_of(
        Term("Nato", "de", "preferred"), Term("NATO", "en", "preferred", case_sensitive=True)
    )
    assert verdicts("Nato", "NATO's members", "en", glossary) == {"c": "ok"}
    assert verdicts("Nato", "Nato members", "en", glossary) == {"c": "missing"}


# --- rule 5: multiword terms ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der Koalitionsvertrag der Willigen",
        "Die Koalition will, die Willigen fehlen",
        "Die Willigen der Koalition",
        "Die Koalition, der Willigen",
    ],
)
def test_rule5_multiword_terms_need_adjacent_words_in_order(text: str) -> None:
    """Koalition der Willigen is not found when a word is another, missing, moved or cut off."""
    assert "koalition-der-willigen" not in mentioned(text)


def test_rule5_multiword_term_with_inflected_words() -> None:
    """Each word of a multiword term may be inflected, in any case of the text."""
    assert mentioned("mit der „Koalition der Willigen“") == ["koalition-der-willigen"]
    assert outcome("Pendeldiplomatie", "через човникову дипломатію", "uk", "pendeldiplomatie") == (
        "ok"
    )


def test_rule5_punctuation_breaks_a_translation_term() -> None:
    """coalition, of the willing is not the term coalition of the willing."""
    msgstr = "the coalition, of the willing"
    assert outcome("Koalition der Willigen", msgstr, "en", "koalition-der-willigen") == "missing"


# --- rule 6: German compounds ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Ein Waffenstillstandsabkommen", "waffenstillstand"),
        ("Truppen aus Nato-Staaten", "nato"),
        ("Die Friedensgesprächsrunde", "friedensgespraeche"),
        ("Der Sicherheitsgarantieplan", "sicherheitsgarantien"),
        ("Die Natogipfel", "nato"),
    ],
)
def test_rule6_compounds_starting_with_a_term(text: str, concept: str) -> None:
    """A German word starting with a term (or its lemma) plus 4 or more letters mentions it."""
    assert mentioned(text) == [concept]


def test_rule6_short_tails_and_multiword_terms_are_no_compounds() -> None:
    """Kiewer (2 more letters) and Koalitionsvertrag (multiword term) are not compounds."""
    glossary = Glossary(
        (
            Concept("kiew", (Term("Kiew", "de", "preferred"),)),
            Concept("koalition", (Term("Koalition der Willigen", "de", "preferred"),)),
        )
    )
    assert mentioned("Ein Kiewer Gericht prüft den Koalitionsvertrag.", glossary) == []


def test_rule6_translations_get_no_compound_rule() -> None:
    """In a translation, ceasefireagreement is not the word ceasefire."""
    assert outcome("Waffenstillstand", "a ceasefireagreement", "en", "waffenstillstand") == (
        "missing"
    )


# --- rule 7: forms and patterns -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Донецька область", "Донецької області", "у Донецькій області", "з Донеччини"]
)
def test_rule7_forms_count_inflected(text: str) -> None:
    """The forms Донецький and Донеччина cover the adjective and the region in all cases."""
    assert outcome("Donezk", text, "uk", "donezk") == "ok"


def test_rule7_pattern_counts_as_a_match() -> None:
    """A term's regular expression matches where its words do not."""
    glossary = glossary_of(
        Term("Donezk", "de", "preferred"),
        Term("Donetsk", "en", "preferred", pattern=r"\bDonetsk-\d+\b"),
    )
    assert verdicts("Donezk", "the Donetsk-2 mine", "en", glossary) == {"c": "ok"}
    assert verdicts("Donezk", "the Donbas", "en", glossary) == {"c": "missing"}


def test_rule7_source_forms_and_patterns_mention_the_concept() -> None:
    """German forms (Kreml-Chef, Kiewer) and patterns also make a concept apply."""
    assert mentioned("Kreml-Chef Putin") == ["kremlchef", "putin"]
    assert mentioned("die Kiewer Regierung") == ["kiew"]
    glossary = glossary_of(Term("Kiew", "de", "preferred", pattern=r"\bKyjiw\w*"))
    assert mentioned("in Kyjiws Zentrum", glossary) == ["c"]


# --- rule 8: which German terms apply -------------------------------------------------------


def test_rule8_admitted_and_forbidden_german_terms_apply() -> None:
    """Friedensverhandlungen (admitted) and a forbidden German spelling name their concept."""
    assert mentioned("keine Friedensverhandlungen") == ["friedensgespraeche"]
    glossary = glossary_of(Term("Kiew", "de", "preferred"), Term("Kyjiw", "de", "forbidden"))
    assert mentioned("in Kyjiw", glossary) == ["c"]


def test_rule8_mentions_are_in_text_order() -> None:
    """Concepts come in the order they first occur in the German."""
    text = "Selenskyj sprach in Kiew über Donezk und Luhansk."
    assert mentioned(text) == ["selenskyj", "kiew", "donezk", "luhansk"]


# --- rule 9: do-not-translate ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("msgstr", "expected"),
    [
        ("Putin said", "ok"),
        ("Putin's demands", "ok"),
        ("putin said", "missing"),
        ("PUTIN SAID", "missing"),
        ("Putinism", "missing"),
    ],
)
def test_rule9_term_equal_to_german_must_appear_literally(msgstr: str, expected: str) -> None:
    """English Putin equals the German term: only the exact spelling, as a whole word, counts."""
    assert outcome("Putin", msgstr, "en", "putin") == expected


# --- rule 10: language codes ----------------------------------------------------------------


def test_rule10_regional_catalogs_use_their_language_terms() -> None:
    """An en_GB catalog is checked against the en terms."""
    assert outcome("Kiew", "Kiev", "en_GB", "kiew") == "forbidden"


def test_rule10_exact_regional_terms_win() -> None:
    """Terms for exactly the catalog's code are used when present, regional tags accepted."""
    glossary = glossary_of(
        Term("Kiew", "de", "preferred"),
        Term("Kyiv", "en", "preferred"),
        Term("Kiev", "en-US", "preferred"),
    )
    assert verdicts("Kiew", "Kiev", "en_US", glossary) == {"c": "ok"}
    assert verdicts("Kiew", "Kiev", "en", glossary) == {"c": "missing"}
    assert verdicts("Kiew", "Kyiv", "en_GB", glossary) == {"c": "ok"}


# --- rule 11: verdicts ----------------------------------------------------------------------


def test_rule11_forbidden_wins_over_missing() -> None:
    """A forbidden variant makes the outcome forbidden even if the preferred term is absent."""
    assert outcome("Kiew", "Kiev", "en", "kiew") == "forbidden"
    assert outcome("Kiew", "Kyiv, formerly Kiev", "en", "kiew") == "forbidden"


def test_rule11_every_plural_form_is_checked_and_empty_ones_skipped() -> None:
    """One plural form without the term makes it missing; empty forms are not judged."""
    assert verdicts("Kiew", ("Kyiv", "in Kyiv", ""), "uk_UA", _plural()) == {"c": "ok"}
    assert verdicts("Kiew", ("Kyiv", "there"), "uk_UA", _plural()) == {"c": "missing"}


def test_rule11_concept_without_target_terms_is_never_missing() -> None:
    """With no allowed term in the language, a translation cannot miss it."""
    glossary = glossary_of(Term("Kiew", "de", "preferred"), Term("Kiev", "en", "forbidden"))
    assert verdicts("Kiew", "the capital", "en", glossary) == {"c": "ok"}
    assert verdicts("Kiew", "the Kiev court", "en", glossary) == {"c": "forbidden"}


def _plural() -> Glossary:
    return glossary_of(Term("Kiew", "de", "preferred"), Term("Kyiv", "uk_UA", "preferred"))
