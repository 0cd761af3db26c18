"""How each language writes numbers, clock times and dates, for the checks that compare them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

NO_BREAK_SPACES = "\u00a0\u202f"
"""The no-break space and the narrow no-break space: the spaces French typography needs."""

_THIN = "\u2009"


@dataclass(frozen=True)
class Conventions:
    """One language's ways of writing quantities, as regular-expression pieces where needed."""

    decimal: str
    """The decimal separator: "," or "."."""
    groups: str
    """Every character that may separate groups of three digits."""
    clock_words: str
    """What may follow an hour to make it a clock time (``Uhr``, ``h``), as an alternation."""
    twelve_hour: bool
    """Whether times are written on a 12-hour clock with a.m. and p.m."""
    minutes_after_word: bool
    """Whether minutes may follow the clock word ("14 h 30"); in German "14 Uhr 25 Menschen"
    the number after the word is not a minute."""
    month_first: bool
    """Whether dates put the month before the day ("January 6")."""
    capital_months: bool
    """Whether month names are capitalized, so that "may" (the verb) is no month."""
    day_month_digits: bool
    """Whether "6.1." without a year is a date (German); elsewhere it may end a sentence."""
    number_words: tuple[str, ...]
    """Patterns for the words meaning 1 to 12 (cardinal or ordinal), index 0 meaning 1."""
    thousand: str
    """The word that multiplies the number before it by 1,000, as an alternation."""


# Ukrainian words are inflected, so their patterns are stems; an over-wide stem only makes
# the number check more lenient, never stricter.
_UK_APOSTROPHE = "[’'ʼ]?"
_NOT_TEEN = "(?!надц|дес|ист|сот)"
"""Keeps 4, 5, 6 and 9 apart from 14, 50, 400, 500 and the like that share their stem."""

_TABLE: dict[str, Conventions] = {
    "de": Conventions(
        decimal=",",
        groups="." + NO_BREAK_SPACES + _THIN,
        clock_words="Uhr",
        twelve_hour=False,
        minutes_after_word=False,
        month_first=False,
        capital_months=True,
        day_month_digits=True,
        number_words=(
            "eins|eine?[mnrs]?|erste[mnrs]?",
            "zwei|zweite[mnrs]?",
            "drei|dritte[mnrs]?",
            "vier|vierte[mnrs]?",
            "fünf|fünfte[mnrs]?",
            "sechs|sechste[mnrs]?",
            "sieben|siebte[mnrs]?",
            "acht|achte[mnrs]?",
            "neun|neunte[mnrs]?",
            "zehn|zehnte[mnrs]?",
            "elf|elfte[mnrs]?",
            "zwölf|zwölfte[mnrs]?",
        ),
        thousand="[Tt]ausend",
    ),
    "en": Conventions(
        decimal=".",
        groups="," + NO_BREAK_SPACES + _THIN,
        clock_words="o['’]clock",
        twelve_hour=True,
        minutes_after_word=False,
        month_first=True,
        capital_months=True,
        day_month_digits=False,
        number_words=(
            "one|first|single",
            "two|second|both|twice",
            "three|third",
            "four|fourth",
            "five|fifth",
            "six|sixth",
            "seven|seventh",
            "eight|eighth",
            "nine|ninth",
            "ten|tenth",
            "eleven|eleventh",
            "twelve|twelfth",
        ),
        thousand="thousand",
    ),
    "fr": Conventions(
        decimal=",",
        groups=" ." + NO_BREAK_SPACES + _THIN,
        clock_words="h|heures?",
        twelve_hour=False,
        minutes_after_word=True,
        month_first=False,
        capital_months=False,
        day_month_digits=False,
        number_words=(
            "une?|premi[eè]re?",
            "deux|deuxième|seconde?",
            "trois|troisième",
            "quatre|quatrième",
            "cinq|cinquième",
            "six|sixième",
            "sept|septième",
            "huit|huitième",
            "neuf|neuvième",
            "dix|dixième",
            "onze|onzième",
            "douze|douzième",
        ),
        thousand="mille|milliers",
    ),
    "uk": Conventions(
        decimal=",",
        groups=" " + NO_BREAK_SPACES + _THIN,
        clock_words=r"год(?:ин[аиі]?|\.)?",
        twelve_hour=False,
        minutes_after_word=False,
        month_first=False,
        capital_months=False,
        day_month_digits=False,
        number_words=(
            r"один|одн\w*|перш\w*",
            r"два|дві|двох|двом|двома|друг\w*",
            r"три|трь\w*|трет\w*",
            rf"чотир{_NOT_TEEN}\w*|четверт\w*",
            rf"п{_UK_APOSTROPHE}ят{_NOT_TEEN}\w*",
            rf"шіст{_NOT_TEEN}\w*|шест\w*|шост\w*",
            r"сім|семи\w*|сьом\w*",
            r"вісім|вісьм\w*|восьм\w*",
            rf"дев{_UK_APOSTROPHE}ят{_NOT_TEEN}\w*",
            r"десят\w*",
            r"одинадцят\w*",
            r"дванадцят\w*",
        ),
        thousand=r"тис(?:яч[аіи]?|\.)?",
    ),
}

# Most languages without an entry write a decimal comma and group with dots or spaces.
_DEFAULT = Conventions(
    decimal=",",
    groups=" ." + NO_BREAK_SPACES + _THIN,
    clock_words="h",
    twelve_hour=False,
    minutes_after_word=False,
    month_first=False,
    capital_months=False,
    day_month_digits=False,
    number_words=(),
    thousand="(?!)",
)


# Every check asks for the language of every entry; a catalog has one.
@lru_cache(maxsize=256)
def base_lang(lang: str) -> str:
    """The base language of a code: ``pt`` for ``pt_BR`` or ``pt-BR``."""
    return lang.replace("-", "_").split("_")[0].lower()


@cache
def conventions(lang: str) -> Conventions:
    """The conventions of a language code such as ``fr`` or ``pt_BR`` (by its base language)."""
    return _TABLE.get(base_lang(lang), _DEFAULT)
