"""Tests for the check registry and run_checks over catalogs: states, plurals, suppression."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer_i18n.checks import RULES, check_message, run_checks
from explainer_i18n.model import Catalog, Finding, Message, Severity

NBSP, NNBSP = "\u00a0", "\u202f"

# Correct translations of German news text, typeset as each language wants.
CORPUS: tuple[dict[str, str], ...] = (
    {
        "de": "Wie unterscheidet sich der Pariser Gipfel vom Berliner Treffen im Dezember?",
        "en": "How does the Paris summit differ from the Berlin meeting in December?",
        "uk": "Чим паризький саміт відрізняється від берлінської зустрічі в грудні?",
        "fr": "En quoi le sommet de Paris diffère-t-il de la réunion de Berlin en "
        f"décembre{NBSP}?",
    },
    {
        "de": "Selenskyj sagte zwar vor dem Jahreswechsel, die einzelnen Elemente einer Lösung "
        "seien zu 90 Prozent vereinbart.",
        "en": "Before the turn of the year, Zelensky did say that the individual elements of a "
        "settlement were 90 percent agreed.",
        "uk": "Зеленський ще до Нового року заявив, що окремі елементи врегулювання погоджено "
        "на 90 відсотків.",
        "fr": "Avant le Nouvel An, Zelensky avait certes affirmé que les différents éléments "
        f"d’un règlement étaient convenus à 90{NBSP}%.",
    },
    {
        "de": 'Wie blickt Moskau auf die "Koalition der Willigen"?',
        "en": "How does Moscow view the “coalition of the willing”?",
        "uk": "Як у Москві дивляться на «коаліцію охочих»?",
        "fr": f"Comment Moscou perçoit-elle la «{NBSP}coalition des volontaires{NBSP}»{NBSP}?",
    },
    {
        "de": "Immer noch geht es darum, auf einer Seite eine abgestimmte Position zu finden - "
        "der angegriffenen Ukraine, ihrer Unterstützer und der USA: Wie soll ein Frieden "
        "erreicht werden, welche Garantien ihrer Sicherheit braucht sie?",
        "en": "It is still about finding a common position on one side – that of Ukraine, "
        "which was attacked, its supporters and the USA: How is peace to be achieved, what "
        "guarantees of its security does it need?",
        "uk": "Ідеться все ще про те, щоб знайти узгоджену позицію однієї сторони – України, "
        "що зазнала нападу, її прихильників і США: як досягти миру, яких гарантій безпеки "
        "вона потребує?",
        "fr": "Il s’agit toujours de trouver une position commune d’un côté – celui de "
        f"l’Ukraine agressée, de ses soutiens et des États-Unis{NBSP}: comment parvenir à la "
        f"paix, de quelles garanties de sécurité a-t-elle besoin{NBSP}?",
    },
    {
        "de": "Die vielen internationalen Treffen seit Mitte November sind keine klassischen "
        "Friedensverhandlungen - nämlich zwischen zwei Konfliktparteien.",
        "en": "The many international meetings since mid-November are not classic peace "
        "negotiations, that is, between two parties to a conflict.",
        "uk": "Численні міжнародні зустрічі від середини листопада не є класичними мирними "
        "переговорами, тобто між двома сторонами конфлікту.",
        "fr": "Les nombreuses réunions internationales depuis la mi-novembre ne sont pas des "
        "négociations de paix classiques, c’est-à-dire entre deux parties au conflit.",
    },
    {
        "de": "Am 6. Januar 2026 trafen sich in Paris Vertreter von 35 Staaten, darunter "
        "27 Staats- und Regierungschefs.",
        "en": "On January 6, 2026, representatives of 35 states met in Paris, including 27 heads "
        "of state and government.",
        "uk": "6 січня 2026 року в Парижі зустрілися представники 35 держав, серед них 27 глав "
        "держав і урядів.",
        "fr": f"Le 6{NBSP}janvier 2026, des représentants de 35{NBSP}États se sont réunis à "
        f"Paris, dont 27{NBSP}chefs d’État et de gouvernement.",
    },
    {
        "de": "Die Gespräche beginnen um 14.30 Uhr und sollen bis 18 Uhr dauern.",
        "en": "The talks begin at 2:30 p.m. and are expected to last until 6 p.m.",
        "uk": "Переговори почнуться о 14:30 і триватимуть до 18:00.",
        "fr": f"Les discussions commencent à 14{NBSP}h{NBSP}30 et doivent durer "
        f"jusqu’à 18{NBSP}h.",
    },
    {
        "de": "Seit Februar 2022 sind mehr als 3,7 Millionen Menschen innerhalb der Ukraine "
        "vertrieben worden.",
        "en": "Since February 2022, more than 3.7 million people have been displaced within "
        "Ukraine.",
        "uk": "З лютого 2022 року понад 3,7 мільйона людей стали внутрішньо переміщеними особами.",
        "fr": f"Depuis février 2022, plus de 3,7{NBSP}millions de personnes ont été déplacées "
        "à l’intérieur de l’Ukraine.",
    },
    {
        "de": "Die Front ist rund 1.200 Kilometer lang; die Inflation lag bei 2,6 Prozent.",
        "en": "The front line is around 1,200 kilometres long; inflation stood at 2.6 percent.",
        "uk": "Лінія фронту має довжину близько 1200 кілометрів; інфляція становила 2,6 відсотка.",
        "fr": f"La ligne de front mesure environ 1{NNBSP}200{NBSP}kilomètres{NNBSP}; "
        f"l’inflation s’élevait à 2,6{NBSP}%.",
    },
    {
        "de": "Putin sagte: „Wir werden die Ziele der ‚militärischen Spezialoperation‘ "
        "erreichen.“",
        "en": "Putin said: “We will achieve the goals of the ‘special military operation’.”",
        "uk": "Путін заявив: «Ми досягнемо цілей „спеціальної військової операції“».",
        "fr": f"Poutine a déclaré{NBSP}: «{NBSP}Nous atteindrons les objectifs de "
        f"l’“opération militaire spéciale”.{NBSP}»",
    },
    {
        "de": "Zwei Tage später, am 8. Januar, will Selenskyj nach Washington reisen.",
        "en": "Two days later, on January 8, Zelensky intends to travel to Washington.",
        "uk": "Через два дні, 8 січня, Зеленський планує поїхати до Вашингтона.",
        "fr": f"Deux jours plus tard, le 8{NBSP}janvier, Zelensky compte se rendre à Washington.",
    },
    {
        "de": "Die Nato (Nordatlantikpakt-Organisation) hat 32 Mitglieder, Kiew meldete "
        "12 Verletzte.",
        "en": "NATO (the North Atlantic Treaty Organization) has 32 members, Kyiv reported "
        "twelve injured.",
        "uk": "НАТО (Організація Північноатлантичного договору) має 32 члени, Київ повідомив "
        "про дванадцять поранених.",
        "fr": f"L’Otan (Organisation du traité de l’Atlantique Nord) compte 32{NBSP}membres, "
        "Kiev a fait état de douze blessés.",
    },
    {
        "de": "Weitere Informationen unter https://www.tagesschau.de/ausland/.",
        "en": "More information at https://www.tagesschau.de/ausland/.",
        "uk": "Більше інформації – на https://www.tagesschau.de/ausland/.",
        "fr": "Plus d’informations sur https://www.tagesschau.de/ausland/.",
    },
    {
        "de": "Sicherheitsgarantien",
        "en": "Security guarantees",
        "uk": "Гарантії безпеки",
        "fr": "Garanties de sécurité",
    },
    {
        "de": "Wladimir Putin",
        "en": "Vladimir Putin",
        "uk": "Володимир Путін",
        "fr": "Vladimir Poutine",
    },
)


def _catalog(*messages: Message) -> Catalog:
    """A catalog of the given entries, without a header."""
    return Catalog(header=None, messages=messages)


@pytest.mark.parametrize("lang", ["en", "uk", "fr"])
def test_no_false_alarms_on_correct_news_translations(lang: str) -> None:
    """Correct, well typeset translations of German news text raise no finding at all."""
    messages = tuple(Message(e["de"], e[lang], line=i + 1) for i, e in enumerate(CORPUS))
    assert run_checks(_catalog(*messages), "x.po", lang) == []


def test_registry_ids_are_unique_kebab_case_with_one_line_reasons() -> None:
    """Each rule has a stable kebab-case id used once and a one-line reason."""
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", i) for i in ids)
    assert all(rule.reason and "\n" not in rule.reason for rule in RULES)


def test_severities_follow_what_must_never_ship() -> None:
    """Wrong numbers, dates, links and alphabets are errors; style questions are not."""
    severity = {rule.id: rule.severity for rule in RULES}
    for rule in ("numbers-mismatch", "date-mismatch", "urls-kept", "uk-russian-letters"):
        assert severity[rule] is Severity.ERROR
    for rule in ("quotes-style", "fr-nbsp", "identical", "whitespace"):
        assert severity[rule] is not Severity.ERROR


def test_untranslated_entry_gets_only_untranslated() -> None:
    """An entry without translation reports untranslated and nothing about its text."""
    message = Message("Es kamen 90 Soldaten?", "", line=7)
    [finding] = run_checks(_catalog(message), "po/en.po", "en")
    assert finding == Finding(
        rule="untranslated",
        severity=Severity.WARNING,
        message="no translation",
        path="po/en.po",
        line=7,
        lang="en",
        msgid="Es kamen 90 Soldaten?",
        fuzzy=False,
    )


def test_fuzzy_entry_is_reported_and_still_checked() -> None:
    """A fuzzy entry reports fuzzy and its text findings, all marked fuzzy."""
    message = Message("Zu 90 Prozent.", "To 80 percent.", flags=("fuzzy",), line=3)
    findings = run_checks(_catalog(message), "x.po", "en")
    assert [f.rule for f in findings] == ["fuzzy", "numbers-mismatch"]
    assert all(f.fuzzy and f.line == 3 for f in findings)


def test_header_and_obsolete_entries_are_skipped() -> None:
    """The header entry and #~ entries produce no findings."""
    header = Message("", "Language: en\n")
    obsolete = Message("Zu 90 Prozent.", "", obsolete=True)
    assert run_checks(_catalog(header, obsolete), "x.po", "en") == []


def test_plural_forms_are_each_checked_but_each_rule_reported_once() -> None:
    """Every msgstr[n] is checked against msgid or msgid_plural; a rule fires once per entry."""
    message = Message(
        "Nur 1 Soldat kam.",
        msgid_plural="Es kamen 5 Soldaten.",
        msgstr_plural=("Прийшов 1 солдат.", "Прийшли 6 солдати", "Прийшло 7 солдатів"),
    )
    hits = check_message(message, "uk")
    assert [rule for rule, _ in hits] == ["numbers-mismatch", "end-punctuation"]
    assert hits[0][1].startswith("msgstr[1]: ")


def test_partly_translated_plural_reports_missing_forms() -> None:
    """An empty plural form is reported as untranslated while the others are checked."""
    message = Message(
        "1 Soldat", msgid_plural="5 Soldaten", msgstr_plural=("1 soldier", "7 soldiers")
    )
    complete = check_message(message, "en")
    partial = check_message(
        Message("1 Soldat", msgid_plural="5 Soldaten", msgstr_plural=("1 солдат", "", "")), "uk"
    )
    assert [rule for rule, _ in complete] == ["numbers-mismatch"]
    assert partial == [("untranslated", "msgstr[1], msgstr[2] not translated")]


def test_check_ignore_comment_skips_named_rules_for_its_entry_only() -> None:
    """A check-ignore comment silences its rules on its own entry and nowhere else."""
    quiet = Message(
        'Er sagte "ja".',
        'He said "yes"',
        translator_comments=("check-ignore: quotes-style, end-punctuation",),
    )
    loud = Message('Er sagte "nein".', 'He said "no"')
    findings = run_checks(_catalog(quiet, loud), "x.po", "en")
    assert [(f.msgid, f.rule) for f in findings] == [
        ('Er sagte "nein".', "quotes-style"),
        ('Er sagte "nein".', "end-punctuation"),
    ]


def test_ignore_set_skips_rules_everywhere() -> None:
    """Rules in the project's ignore set are reported for no entry, untranslated included."""
    messages = (Message('Er sagte "ja".', 'He said "yes"'), Message("Noch offen.", ""))
    ignore = frozenset({"quotes-style", "untranslated"})
    findings = run_checks(_catalog(*messages), "x.po", "en", ignore=ignore)
    assert [f.rule for f in findings] == ["end-punctuation"]


def test_source_language_decides_how_the_msgid_is_read() -> None:
    """With English as the source, 1,000 in the msgid is a thousand, matching German 1.000."""
    message = Message("1,000 soldiers came.", "Es kamen 1.000 Soldaten.")
    assert run_checks(_catalog(message), "x.po", "de", source_lang="en") == []


_FRAGMENTS = (
    *"aZ7 .,:;!?%()[]«»“”„\"'’-/@\n\u00a0\u202fыоo1290",
    "6. Januar ",
    "January 6, 2026",
    "6 січня",
    "1er mars",
    "14.30 Uhr",
    "2:30 p.m.",
    "14 h 30",
    "1.000,5",
    "1/6/26",
    "2026-01-06",
    "https://x.de/a(b)",
    "a@b.fr",
    " zwei ",
    " дванадцять ",
    " тисяч",
)
_TEXT = st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join)


@given(_TEXT, _TEXT, st.sampled_from(["en", "uk", "fr", "pt_BR", "zz"]))
def test_checks_never_raise_and_use_registered_rules(msgid: str, msgstr: str, lang: str) -> None:
    """Any text in any language gives findings, never an exception, and only registered rules."""
    known = {rule.id for rule in RULES}
    hits = check_message(Message(msgid or "x", msgstr), lang)
    assert {rule for rule, _ in hits} <= known
