"""Make parallel sentences from the templates: slots filled, numbers and dates in each language's
notation, verbs agreeing, French spacing applied."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from corpus_glossary import Concept
from corpus_templates import Template
from corpus_vocab import (
    ACTORS,
    FIRST_NAMES,
    INSTITUTES,
    LANGS,
    MONTHS,
    NBSP,
    NNBSP,
    PERSONS,
    PLACES,
    QUOTES,
    ROLES,
    SURNAMES,
    Filler,
)

_SLOT = re.compile(r"\{([A-Z]+\d?)(?:\.(\w+))?\}")
_AGREE = re.compile(r"<([^|<>]*)\|([^<>]*)>")
_FR_SPACE = re.compile(r" ([?:;!%»])")
_GROUP = {"de": ".", "en": ",", "uk": NBSP, "fr": NNBSP}
_DECIMAL = {"de": ",", "en": ".", "uk": ",", "fr": ","}


@dataclass(frozen=True)
class Sentence:
    """One sentence (or question, list intro, list item) in every language."""

    texts: dict[str, str]

    @property
    def de(self) -> str:
        """The German text."""
        return self.texts["de"]


def german_only(text: str) -> Sentence:
    """A sentence known only in German (made by an edit; never translated)."""
    return Sentence({lang: text if lang == "de" else "" for lang in LANGS})


def fmt_int(value: int, lang: str) -> str:
    """An integer in the language's notation, grouped by thousands ("1.000", "1,000")."""
    return f"{value:,}".replace(",", _GROUP[lang])


def fmt_tenths(tenths: int, lang: str) -> str:
    """A number with one decimal (``35`` gives "3,5" or "3.5"); whole numbers without."""
    whole, rest = divmod(tenths, 10)
    return fmt_int(whole, lang) if rest == 0 else f"{whole}{_DECIMAL[lang]}{rest}"


def _same(text_by_lang: dict[str, str]) -> Filler:
    return Filler({lang: {"": text_by_lang[lang]} for lang in LANGS}, dict.fromkeys(LANGS, False))


def _number(value: int) -> Filler:
    return _same({lang: fmt_int(value, lang) for lang in LANGS})


def _money(rng: random.Random) -> Filler:
    if rng.random() < 0.5:
        n = rng.randrange(2, 95) * 10
        return _same({"de": f"{fmt_int(n, 'de')} Mio. Euro", "en": f"{n} million euros",
                      "uk": f"{n} млн євро", "fr": f"{n} millions d'euros"})  # fmt: skip
    tenths = rng.randrange(12, 900)
    v = {lang: fmt_tenths(tenths, lang) for lang in LANGS}
    return _same({"de": f"{v['de']} Milliarden Euro", "en": f"{v['en']} billion euros",
                  "uk": f"{v['uk']} млрд євро", "fr": f"{v['fr']} milliards d'euros"})  # fmt: skip


def _date(rng: random.Random) -> Filler:
    day, month = rng.randint(1, 28), rng.randrange(12)
    year = f" {rng.randint(2024, 2026)}" if rng.random() < 0.3 else ""
    de, en = f"{day}. {MONTHS['de'][month]}{year}", f"{MONTHS['en'][month]} {day}"
    en += f",{year}" if year else ""
    uk = f"{day} {MONTHS['uk'][month]}" + (f"{year} року" if year else "")
    fr = f"{day} {MONTHS['fr'][month]}{year}"
    forms = {
        "de": {"": f"am {de}", "bare": de, "since": f"dem {de}", "acc": f"den {de}"},
        "en": {"": f"on {en}", "bare": en},
        "uk": {"": uk, "bare": uk},
        "fr": {"": f"le {fr}", "bare": fr},
    }
    return Filler(forms, dict.fromkeys(LANGS, False))


def _time(rng: random.Random) -> Filler:
    hour, minute = rng.randint(7, 22), rng.choice((0, 0, 15, 30, 45))
    twelve, half = hour % 12 or 12, "a.m." if hour < 12 else "p.m."
    return _same(
        {
            "de": f"{hour}.{minute:02d} Uhr" if minute else f"{hour} Uhr",
            "en": f"{twelve}:{minute:02d} {half}" if minute else f"{twelve} {half}",
            "uk": f"{hour}:{minute:02d}",
            "fr": f"{hour} h {minute:02d}" if minute else f"{hour} h",
        }
    )


def _expert(rng: random.Random) -> Filler:
    first, first_uk, sex = rng.choice(FIRST_NAMES)
    surname, surname_uk = rng.choice(SURNAMES)
    role = rng.choice(ROLES)
    f = sex == "f"
    texts = {
        "de": f"{role[1] if f else role[0]} Dr. {first} {surname}",
        "en": f"{role[2]} Dr {first} {surname}",
        "uk": f"{role[4] if f else role[3]} д-р {first_uk} {surname_uk}",
        "fr": f"{role[6] if f else role[5]} {first} {surname}",
    }
    if rng.random() < 0.5:
        institute = rng.choice(INSTITUTES)
        texts = {lang: f"{texts[lang]} {institute[i]}" for i, lang in enumerate(LANGS)}
    return _same(texts)


def _tenths(rng: random.Random) -> Filler:
    value = rng.randrange(11, 99)
    return _same({lang: fmt_tenths(value, lang) for lang in LANGS})


def _pick(rng: random.Random, options: tuple[Filler, ...], taken: list[Filler]) -> Filler:
    """A filler not used yet in the sentence (S and S2 differ)."""
    while True:
        choice = rng.choice(options)
        if choice not in taken:
            taken.append(choice)
            return choice


def make_fillers(
    rng: random.Random, slots: list[str], concepts: tuple[Concept, ...]
) -> dict[str, Filler]:
    """A filler for every slot name a template uses."""
    taken: list[Filler] = []
    made: dict[str, Filler] = {}
    for slot in slots:
        kind = slot.rstrip("0123456789")
        if kind == "N" and slot == "N2":
            made[slot] = _number(rng.choice([*range(5, 21), *range(25, 31), *range(35, 41)]))
        elif kind in ("S", "P", "L"):
            pool = {"S": ACTORS, "P": PERSONS, "L": PLACES}[kind]
            made[slot] = _pick(rng, pool, taken)
        elif kind == "C":
            own = rng.random() < 0.35
            made[slot] = rng.choice(concepts[:5] if own else concepts[5:]).filler
        else:
            made[slot] = _simple(kind, rng)
    return made


def _simple(kind: str, rng: random.Random) -> Filler:
    """Numbers, dates, times, experts and quotations."""
    if kind == "N":
        return _number(
            rng.choice(
                (
                    rng.randrange(2, 100) * 10,
                    rng.randrange(1, 100) * 100,
                    rng.randrange(1, 60) * 1000,
                )
            )
        )
    makers = {
        "M": _money,
        "D": _date,
        "T": _time,
        "E": _expert,
        "Q": lambda r: _number(r.randrange(1, 20) * 5),
        "PCT": _tenths,
        "Y": lambda r: _same(dict.fromkeys(LANGS, str(r.randint(2019, 2027)))),
        "K": lambda r: _number(r.randrange(5, 120) * 10),
        "R": lambda r: _same(dict.fromkeys(LANGS, str(r.randrange(1000, 2800)))),
        "X": lambda r: _same(dict(zip(LANGS, r.choice(QUOTES), strict=True))),
    }
    return makers[kind](rng)


def realize(template: Template, fillers: dict[str, Filler]) -> Sentence:
    """The template's text in every language with its slots filled."""
    agree = fillers.get(template[0]) or fillers.get("S") or fillers.get("P")
    texts = {}
    for lang, pattern in zip(LANGS, template[1:], strict=True):
        plural = agree.plural[lang] if agree else False
        text = _AGREE.sub(lambda m, p=plural: m.group(2) if p else m.group(1), pattern)
        text = _SLOT.sub(lambda m, lg=lang: _form(fillers[m.group(1)], lg, m.group(2)), text)
        texts[lang] = _finish(text, lang)
    return Sentence(texts)


def _form(filler: Filler, lang: str, key: str | None) -> str:
    forms = filler.forms[lang]
    return forms.get(key or "", forms[""])


def _finish(text: str, lang: str) -> str:
    """Capitalize the first letter; French no-break spaces."""
    if text[:1].isalpha():
        text = text[0].upper() + text[1:]
    if lang == "fr":
        text = _FR_SPACE.sub(NBSP + r"\1", text).replace("« ", "«" + NBSP)
    return text


def slots_of(template: Template) -> list[str]:
    """The slot names a template uses, in order of first use."""
    names: list[str] = []
    for text in template[1:]:
        for match in _SLOT.finditer(text):
            if match.group(1) not in names:
                names.append(match.group(1))
    return names


def sentence(rng: random.Random, template: Template, concepts: tuple[Concept, ...]) -> Sentence:
    """One parallel sentence from a template."""
    return realize(template, make_fillers(rng, slots_of(template), concepts))
