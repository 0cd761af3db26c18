"""Glossary concepts for the benchmark corpus: the project's own plus generated compounds."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from corpus_vocab import LANGS, Filler

PROJECT_GLOSSARY = Path(__file__).resolve().parent.parent / "locales" / "glossary.csv"
SIZE = 500
"""Concepts in the benchmark glossary."""


@dataclass(frozen=True)
class Concept:
    """A glossary concept as the text generator uses it: its id and its forms in text."""

    id: str
    filler: Filler
    rows: tuple[tuple[str, str, str, str], ...]
    """Glossary rows (lang, term, status, forms) for generated concepts; empty for the project's
    own, whose rows are copied from its glossary file."""


_DE_ARTICLES = {"m": ("der", "den", "dem"), "f": ("die", "die", "der"), "n": ("das", "das", "dem")}

# de nom/acc/dat with article | en | uk nom/acc/gen | fr le/de/à forms
_OWN = (
    ("waffenstillstand", ("der Waffenstillstand", "den Waffenstillstand", "dem Waffenstillstand"),
     "the ceasefire", ("перемирʼя", "перемирʼя", "перемирʼя"),
     ("le cessez-le-feu", "du cessez-le-feu", "au cessez-le-feu")),
    ("sicherheitsgarantien", ("die Sicherheitsgarantien", "die Sicherheitsgarantien",
     "den Sicherheitsgarantien"), "the security guarantees",
     ("гарантії безпеки", "гарантії безпеки", "гарантій безпеки"),
     ("les garanties de sécurité", "des garanties de sécurité", "aux garanties de sécurité")),
    ("friedensgespraeche", ("die Friedensgespräche", "die Friedensgespräche",
     "den Friedensgesprächen"), "the peace talks",
     ("мирні переговори", "мирні переговори", "мирних переговорів"),
     ("les pourparlers de paix", "des pourparlers de paix", "aux pourparlers de paix")),
    ("pendeldiplomatie", ("die Pendeldiplomatie", "die Pendeldiplomatie", "der Pendeldiplomatie"),
     "shuttle diplomacy", ("човникова дипломатія", "човникову дипломатію", "човникової дипломатії"),
     ("la diplomatie de la navette", "de la diplomatie de la navette",
      "à la diplomatie de la navette")),
    ("koalition-der-willigen", ("die Koalition der Willigen", "die Koalition der Willigen",
     "der Koalition der Willigen"), "the coalition of the willing",
     ("коаліція охочих", "коаліцію охочих", "коаліції охочих"),
     ("la coalition des volontaires", "de la coalition des volontaires",
      "à la coalition des volontaires")),
)  # fmt: skip

# de head, gender | en | uk nom, acc, gen | fr head, gender ("m", "f", "v" for l')
_HEADS = (
    ("Abkommen", "n", "agreement", ("угода", "угоду", "угоди"), ("accord", "v")),
    ("Korridor", "m", "corridor", ("коридор", "коридор", "коридору"), ("corridor", "m")),
    ("Fonds", "m", "fund", ("фонд", "фонд", "фонду"), ("fonds", "m")),
    ("Mission", "f", "mission", ("місія", "місію", "місії"), ("mission", "f")),
    ("Programm", "n", "programme", ("програма", "програму", "програми"), ("programme", "m")),
    ("Plan", "m", "plan", ("план", "план", "плану"), ("plan", "m")),
    ("Reform", "f", "reform", ("реформа", "реформу", "реформи"), ("réforme", "f")),
    ("Gipfel", "m", "summit", ("саміт", "саміт", "саміту"), ("sommet", "m")),
    ("Paket", "n", "package", ("пакет", "пакет", "пакета"), ("paquet", "m")),
    ("Strategie", "f", "strategy", ("стратегія", "стратегію", "стратегії"), ("stratégie", "f")),
    ("Behörde", "f", "authority", ("відомство", "відомство", "відомства"), ("autorité", "v")),
    ("Rat", "m", "council", ("рада", "раду", "ради"), ("conseil", "m")),
    ("Gesetz", "n", "law", ("закон", "закон", "закону"), ("loi", "f")),
    ("Initiative", "f", "initiative", ("ініціатива", "ініціативу", "ініціативи"),
     ("initiative", "v")),
    ("Register", "n", "register", ("реєстр", "реєстр", "реєстру"), ("registre", "m")),
    ("Zentrum", "n", "centre", ("центр", "центр", "центру"), ("centre", "m")),
    ("Kommission", "f", "commission", ("комісія", "комісію", "комісії"), ("commission", "f")),
    ("Vertrag", "m", "treaty", ("договір", "договір", "договору"), ("traité", "m")),
    ("Konferenz", "f", "conference", ("конференція", "конференцію", "конференції"),
     ("conférence", "f")),
    ("Garantie", "f", "guarantee", ("гарантія", "гарантію", "гарантії"), ("garantie", "f")),
    ("Netz", "n", "network", ("мережа", "мережу", "мережі"), ("réseau", "m")),
    ("Hilfe", "f", "aid", ("допомога", "допомогу", "допомоги"), ("aide", "v")),
)  # fmt: skip

# de compound prefix | en | uk genitive | fr complement
_MODIFIERS = (
    ("Energie", "energy", "енергетики", "énergétique"),
    ("Getreide", "grain", "зерна", "des céréales"),
    ("Wiederaufbau", "reconstruction", "відбудови", "de reconstruction"),
    ("Sicherheits", "security", "безпеки", "de sécurité"),
    ("Flüchtlings", "refugee", "біженців", "pour les réfugiés"),
    ("Grenz", "border", "кордону", "de la frontière"),
    ("Rüstungs", "arms", "озброєнь", "d'armement"),
    ("Sanktions", "sanctions", "санкцій", "de sanctions"),
    ("Minenräum", "demining", "розмінування", "de déminage"),
    ("Luftverteidigungs", "air defence", "протиповітряної оборони", "de défense aérienne"),
    ("Gefangenen", "prisoner", "полонених", "de prisonniers"),
    ("Wirtschafts", "economic", "економіки", "économique"),
    ("Handels", "trade", "торгівлі", "de commerce"),
    ("Hafen", "port", "порту", "portuaire"),
    ("Militär", "military", "військових", "militaire"),
    ("Finanz", "financing", "фінансування", "de financement"),
    ("Krisen", "crisis", "кризи", "de crise"),
    ("Beitritts", "accession", "вступу", "d'adhésion"),
    ("Friedens", "peace", "миру", "de paix"),
    ("Schutz", "protection", "захисту", "de protection"),
    ("Export", "export", "експорту", "d'exportation"),
    ("Nuklear", "nuclear", "ядерної безпеки", "nucléaire"),
    ("Medien", "media", "медіа", "des médias"),
)
_CLASHES = {"Sicherheitsgarantie"}
"""Compounds that would be a form of one of the project's own concepts."""


def _own(row: tuple[object, ...]) -> Concept:
    cid, de, en, uk, fr = row
    assert isinstance(cid, str) and isinstance(en, str)
    assert isinstance(de, tuple) and isinstance(uk, tuple) and isinstance(fr, tuple)
    forms = {
        "de": dict(zip(("", "acc", "dat"), de, strict=True)),
        "en": {"": en},
        "uk": dict(zip(("", "acc", "gen"), uk, strict=True)),
        "fr": dict(zip(("", "de", "a"), fr, strict=True)),
    }
    return Concept(cid, Filler(forms, dict.fromkeys(LANGS, False)), ())


def _french(head: str, kind: str) -> dict[str, str]:
    if kind == "v":
        return {"": f"l'{head}", "de": f"de l'{head}", "a": f"à l'{head}"}
    if kind == "f":
        return {"": f"la {head}", "de": f"de la {head}", "a": f"à la {head}"}
    return {"": f"le {head}", "de": f"du {head}", "a": f"au {head}"}


def _generated(head: tuple[object, ...], mod: tuple[str, str, str, str]) -> Concept | None:
    de_head, gender, en_head, uk_head, (fr_head, fr_kind) = head  # type: ignore[misc]
    word = f"{mod[0]}{str(de_head).lower()}"
    if word in _CLASHES:
        return None
    articles = _DE_ARTICLES[str(gender)]
    en = f"{mod[1]} {en_head}"
    uk = tuple(f"{form} {mod[2]}" for form in uk_head)  # type: ignore[attr-defined]
    fr_term = f"{fr_head} {mod[3]}"
    forms = {
        "de": {
            key: f"{art} {word}" for key, art in zip(("", "acc", "dat"), articles, strict=True)
        },
        "en": {"": f"the {en}"},
        "uk": dict(zip(("", "acc", "gen"), uk, strict=True)),
        "fr": {k: f"{v} {mod[3]}" for k, v in _french(str(fr_head), str(fr_kind)).items()},
    }
    cid = word.lower().replace("ü", "ue").replace("ä", "ae").replace("ö", "oe").replace("ß", "ss")
    rows = (("de", word, "preferred", ""), ("en", en, "preferred", ""),
            ("uk", uk[0], "preferred", ""), ("fr", fr_term, "preferred", ""))  # fmt: skip
    return Concept(cid, Filler(forms, dict.fromkeys(LANGS, False)), rows)


def concepts() -> tuple[Concept, ...]:
    """The project's five text concepts and generated ones, 500 glossary concepts in all
    together with the project's names and places (Kiew, Selenskyj, Nato, ...)."""
    own_ids = {row[0] for row in _project_rows()}
    wanted = SIZE - len(own_ids)
    made: list[Concept] = []
    for mod in _MODIFIERS:
        for head in _HEADS:
            concept = _generated(head, mod)
            if concept is not None and len(made) < wanted:
                made.append(concept)
    return tuple(_own(row) for row in _OWN) + tuple(made)


def _project_rows() -> list[list[str]]:
    reader = csv.reader(io.StringIO(PROJECT_GLOSSARY.read_text(encoding="utf-8")))
    return [row for row in list(reader)[1:] if row]


def glossary_csv(all_concepts: tuple[Concept, ...]) -> str:
    """The glossary file: the project's rows, then the generated concepts' rows.

    Every fourth generated concept also gets a forbidden Ukrainian spelling and every fifth an
    admitted English variant, so forbidden and admitted terms are checked as in real glossaries."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    project = list(csv.reader(io.StringIO(PROJECT_GLOSSARY.read_text(encoding="utf-8"))))
    writer.writerows(row for row in project if row)
    generated = [c for c in all_concepts if c.rows]
    for number, concept in enumerate(generated):
        for lang, term, status, forms in concept.rows:
            writer.writerow((concept.id, lang, term, status, "", "", forms, ""))
        if number % 4 == 0:
            russianish = concept.rows[2][1].replace("і", "и")
            if russianish != concept.rows[2][1]:
                writer.writerow((concept.id, "uk", russianish, "forbidden", "Russian spelling",
                                 "", "", ""))  # fmt: skip
        if number % 5 == 0:
            en = concept.rows[1][1].split(" ", 1)
            writer.writerow((concept.id, "en", f"{en[1]} for {en[0]}", "admitted", "", "", "", ""))
    return out.getvalue()
