"""Tests for the urls-kept rule and the finding of links."""

from __future__ import annotations

import pytest

from explainer_i18n.checks.links import check_links, find_links, mask_links


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Mehr unter https://www.tagesschau.de/ausland/.", ["https://www.tagesschau.de/ausland/"]),
        ("Siehe (www.example.org/a).", ["www.example.org/a"]),
        ("Schreiben Sie an info@example.org!", ["info@example.org"]),
        ("Wie tagesschau.de berichtet", ["tagesschau.de"]),
        (
            "Laut https://de.wikipedia.org/wiki/Nato_(Begriff), so",
            ["https://de.wikipedia.org/wiki/Nato_(Begriff)"],
        ),
        ("z.B. und usw. sind keine Links.", []),
    ],
)
def test_links_found_without_trailing_punctuation(text: str, links: list[str]) -> None:
    """URLs, bare domains and e-mail addresses are found; sentence punctuation is not theirs."""
    assert [text[a:b] for a, b in find_links(text)] == links


def test_mask_keeps_positions() -> None:
    """Masking replaces each link by as many fill characters."""
    assert mask_links("a www.x.de b", "x") == "a xxxxxxxx b"


@pytest.mark.parametrize(
    ("msgstr", "fires"),
    [
        ("More at https://www.tagesschau.de/ausland/ or info@example.org.", False),
        ("Більше на https://www.tagesschau.de/ausland/ або info@example.org.", False),
        ("More at https://www.tagesschau.de/inland/ or info@example.org.", True),
        ("More at https://www.tagesschau.de/ausland/ or by e-mail.", True),
        ("More at tagesschau.de or info@example.org.", True),
    ],
)
def test_links_kept_unchanged(msgstr: str, fires: bool) -> None:
    """Every link of the source is in the translation character for character."""
    msgid = "Mehr unter https://www.tagesschau.de/ausland/ oder info@example.org."
    assert bool(list(check_links(msgid, msgstr, "en", "de"))) is fires
