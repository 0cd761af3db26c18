"""Lemma and stem keys of single words in German, English, Ukrainian and French, for matching.

Two words are the same glossary word when their key sets intersect. A word from running text
gets every candidate a language tool offers (the lower-cased word, all its lemmas or its stem); a
word from a glossary term gets the lower-cased word and its lemmas, so that the comparison is a
set intersection and matching can be indexed by key.

- German and French: ``simplemma.lemmatize`` plus the word itself. German text words also drop
  a genitive or plural ending (-s, -es, -n, -en, -e, -ns, -ens), because simplemma does not know
  names ("Putins", "Selenskyjs").
- English: the Snowball stem.
- Ukrainian: ``normal_form`` of every pymorphy3 parse. A term word that is its own lemma keeps
  only itself ("Київ" is not "кий"). A term word the dictionary does not know (a Russian
  spelling such as "Киев" or "Зеленский") or one from a forbidden term also gets a crude stem key
  ``~stem``, made by cutting one case ending; text words always offer theirs, so "Киева" or
  "Зеленского" still meet their forbidden term.
- Any other language: the lower-cased word only.

Ukrainian apostrophes ʼ and ’ become ``'`` before analysis: pymorphy3 knows only that one.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from explainer_i18n.lemma_table import LemmaTable, TableError, write_table

_GERMAN_ENDINGS = ("ens", "es", "en", "ns", "s", "n", "e")

# Case endings of Ukrainian and Russian nouns and adjectives, longest first, for the crude stem.
_EAST_SLAVIC_ENDINGS = (
    *("ами", "ями", "ого", "ому", "ими", "ыми", "ові", "ием"),
    *("ою", "ею", "єю", "ах", "ях", "ам", "ям", "ів", "їв", "ий", "ій", "ої", "ая", "ое", "ые"),
    *("ых", "ым", "ую", "ие", "ия", "ию", "ии", "ем", "ом", "ой", "им", "их"),
    *("а", "я", "у", "ю", "е", "є", "и", "і", "ї", "ы", "о", "ь"),
)
_MIN_STEM = 3
# pymorphy3's dictionaries spell the Ukrainian apostrophe as ASCII ' only.
_APOSTROPHES = str.maketrans({"\u02bc": "'", "\u2019": "'"})


def primary(lang: str) -> str:
    """The language subtag of a code: ``de`` for ``de``, ``de_AT`` or ``de-AT``."""
    return lang.replace("-", "_").split("_", 1)[0].lower()


@functools.cache
def uk_analyzer() -> Any:
    """The Ukrainian pymorphy3 analyzer, built once on first use (it loads the dictionaries)."""
    import pymorphy3  # imported on first use: commands that match no terms start faster

    return pymorphy3.MorphAnalyzer(lang="uk")


@functools.cache
def _lemmatizer() -> Any:
    """simplemma's lemmatizer reading its dictionaries through ``lemma_table`` files.

    Imported on first use: the import alone costs a tenth of a second."""
    import simplemma
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    tables = TableFactory(simplemma.__version__, DefaultDictionaryFactory())
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=tables))


class TableFactory:
    """simplemma's dictionaries as lemma tables in the user's cache folder, written from
    simplemma's own data the first time a language is needed on a machine."""

    def __init__(self, version: str, shipped: Any) -> None:
        self._version = version
        self._shipped = shipped
        self._tables: dict[str, Mapping[str, str]] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang not in self._tables:
            self._tables[lang] = self._open(lang)
        return self._tables[lang]

    def _open(self, lang: str) -> Mapping[str, str]:
        path = cache_folder() / f"simplemma-{self._version}-{lang}.table"
        with contextlib.suppress(OSError, TableError):
            return LemmaTable(path)
        shipped: Mapping[str, str] = self._shipped.get_dictionary(lang)
        with contextlib.suppress(OSError, TableError):
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_table(path, shipped.items())
            return LemmaTable(path)
        return shipped  # no writable cache: the decoded dictionary serves this process


def cache_folder() -> Path:
    """Where lemma tables are kept: ``$EXPLAINER_I18N_CACHE``, else ``explainer-i18n`` in
    ``$XDG_CACHE_HOME`` or ``~/.cache``."""
    own = os.environ.get("EXPLAINER_I18N_CACHE")
    if own:
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "explainer-i18n"


@functools.cache
def _english_stemmer() -> Any:
    # PyStemmer is the Snowball project's own C build of the same algorithms: snowballstemmer,
    # its pure-Python twin, imports the stemmers of all 30 languages (15 ms in each worker).
    import Stemmer

    return Stemmer.Stemmer("english")


@functools.lru_cache(maxsize=262_144)
def uk_lemmas(word: str) -> frozenset[str]:
    """Every candidate lemma pymorphy3 gives for a lower-cased Ukrainian word."""
    return frozenset(str(parse.normal_form) for parse in uk_analyzer().parse(word))


@functools.lru_cache(maxsize=65_536)
def uk_known(word: str) -> bool:
    """Whether the Ukrainian dictionary knows the lower-cased word (rather than guessing)."""
    return bool(uk_analyzer().word_is_known(word))


def crude_stem(word: str) -> str:
    """The word without its longest East Slavic case ending, keeping at least three letters."""
    for ending in _EAST_SLAVIC_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


@functools.lru_cache(maxsize=262_144)
def _simplemma_lemma(word: str, lang: str) -> str:
    return str(_lemmatizer().lemmatize(word, lang=lang)).lower()


@functools.lru_cache(maxsize=262_144)
def english_stem(word: str) -> str:
    """The Snowball stem of a lower-cased English word."""
    return str(_english_stemmer().stemWord(word))


def _german_text_keys(word: str) -> frozenset[str]:
    lower = word.lower()
    keys = {lower, _simplemma_lemma(word, "de")}
    for ending in _GERMAN_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= _MIN_STEM:
            keys.add(lower[: -len(ending)])
    return frozenset(keys)


_MAX_TEXT_WORDS = 262_144
"""Distinct words per language whose text keys a process remembers."""


class TextKeys(dict[str, frozenset[str]]):
    """The text keys of words in one language, worked out on first lookup: ``keys[word]``.

    A dict that fills itself, so that ``map(keys.__getitem__, words)`` runs without a Python
    call per known word (an ``lru_cache`` lookup cost a third of the keying of a text)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, word: str) -> frozenset[str]:
        if len(self) >= _MAX_TEXT_WORDS:
            self.clear()
        keys = self[word] = _text_keys(word, self.lang)
        return keys


_TEXT_KEYS: dict[str, TextKeys] = {}


def text_keys_table(lang: str) -> TextKeys:
    """The process's table of text keys for a language."""
    table = _TEXT_KEYS.get(lang)
    if table is None:
        table = _TEXT_KEYS[lang] = TextKeys(lang)
    return table


def text_keys(word: str, lang: str) -> frozenset[str]:
    """Keys of a word as it occurs in running text (a msgid or a msgstr)."""
    return text_keys_table(lang)[word]


def _text_keys(word: str, lang: str) -> frozenset[str]:
    language = primary(lang)
    lower = word.lower()
    if language == "de":
        return _german_text_keys(word)
    if language == "fr":
        return frozenset({lower, _simplemma_lemma(word, "fr")})
    if language == "en":
        return frozenset({lower, english_stem(lower)})
    if language == "uk":
        lower = lower.translate(_APOSTROPHES)
        return uk_lemmas(lower) | {lower, "~" + crude_stem(lower)}
    return frozenset({lower})


@functools.lru_cache(maxsize=65_536)
def term_keys(word: str, lang: str, loose: bool = False) -> frozenset[str]:
    """Keys of a word as it occurs in a glossary term; ``loose`` adds the crude Ukrainian stem."""
    language = primary(lang)
    lower = word.lower()
    if language in ("de", "fr"):
        return frozenset({lower, _simplemma_lemma(word, language)})
    if language == "en":
        return frozenset({lower, english_stem(lower)})
    if language == "uk":
        return _uk_term_keys(lower.translate(_APOSTROPHES), loose)
    return frozenset({lower})


def _uk_term_keys(lower: str, loose: bool) -> frozenset[str]:
    lemmas = uk_lemmas(lower)
    known = uk_known(lower)
    keys = {lower} if known and lower in lemmas else {*lemmas, lower}
    if loose or not known:
        keys.add("~" + crude_stem(lower))
    return frozenset(keys)


def compound_heads(word: str, min_head: int, min_rest: int) -> tuple[str, ...]:
    """Lower-cased prefixes of a word that leave at least ``min_rest`` letters after them.

    These are the candidate first elements of a German compound ("waffenstillstand" in
    "Waffenstillstandsabkommen"); the glossary index looks each one up."""
    lower = word.lower()
    return tuple(lower[:end] for end in range(min_head, len(lower) - min_rest + 1))
