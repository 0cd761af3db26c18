"""Locale data from CLDR through Babel: plural forms, long dates, month and language names."""

from __future__ import annotations

import datetime
from functools import cache

# Babel is imported where it is used: a check of the toolkit's own languages never needs it,
# and importing it cost every command 12 ms of start-up.


@cache
def is_known(lang: str) -> bool:
    """Whether CLDR knows the language code (``en``, ``uk``, ``fr``, ``pt_BR``...)."""
    from explainer_i18n.cldr_months import MONTHS

    if lang in MONTHS:
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


@cache
def plural_forms(lang: str) -> str:
    """The gettext ``Plural-Forms`` header value for a language (uk: three forms)."""
    from babel.messages.plurals import get_plural

    return str(get_plural(lang))


@cache
def nplurals(lang: str) -> int:
    """How many ``msgstr[n]`` a plural entry has in this language."""
    from babel.messages.plurals import get_plural

    return int(get_plural(lang).num_plurals)


def long_date(date: datetime.date, lang: str) -> str:
    """The date in the language's long format: en "January 6, 2026", fr "6 janvier 2026"."""
    from babel import dates

    return str(dates.format_date(date, "long", locale=lang))


def iso_lang(lang: str) -> str:
    """The BCP 47 tag for HTML ``lang`` and ``hreflang`` (``pt_BR`` becomes ``pt-BR``)."""
    return lang.replace("_", "-")


@cache
def language_name(lang: str, in_lang: str | None = None) -> str:
    """The language's name, in its own language unless ``in_lang`` is given."""
    from babel import Locale

    name = Locale.parse(lang).get_display_name(in_lang or lang)
    return str(name) if name else lang


@cache
def month_names(lang: str) -> dict[str, int]:
    """Every CLDR spelling of a month in the language, lower-cased, mapped to its number, or
    none for a language CLDR does not know.

    Format and stand-alone forms, wide and abbreviated (so Ukrainian "січня" and "січень", French
    "janv." and "janvier"). The toolkit's own languages come from ``cldr_months``, written from
    Babel ahead of time: loading Babel's locale data costs 30 ms in each worker of a check."""
    from explainer_i18n.cldr_months import MONTHS

    if lang in MONTHS:
        return MONTHS[lang]
    return babel_month_names(lang) if is_known(lang) else {}


def babel_month_names(lang: str) -> dict[str, int]:
    """``month_names`` read from Babel's locale data (for a language CLDR knows)."""
    from babel import dates

    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in dates.get_month_names(width, context, lang).items():
                names[str(name).lower()] = int(number)
                names[str(name).lower().rstrip(".")] = int(number)
    return names
