"""Locale data: the month names written ahead of time are Babel's."""

from __future__ import annotations

import pytest

from explainer_i18n import cldr
from explainer_i18n.cldr_months import MONTHS


@pytest.mark.parametrize("lang", sorted(MONTHS))
def test_written_month_names_are_babels(lang: str) -> None:
    """The month table of each language equals what Babel's CLDR data gives now; when Babel is
    upgraded and this fails, run ``python tools/cldr_months.py``."""
    assert MONTHS[lang] == cldr.babel_month_names(lang)


def test_other_languages_read_month_names_from_babel() -> None:
    """A language outside the table still gets its months, and an unknown code none."""
    assert "stycznia" not in MONTHS.get("pl", {})
    assert cldr.month_names("pl")["stycznia"] == 1
    assert cldr.month_names("xx") == {}


def test_the_toolkit_languages_are_in_the_table() -> None:
    assert set(MONTHS) == {"de", "en", "fr", "uk"}
