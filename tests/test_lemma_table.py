"""Lemma tables: what is written is read back, broken files are refused, lemmas are simplemma's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import simplemma
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer_i18n import morphology
from explainer_i18n.lemma_table import LemmaTable, TableError, write_table

from .conftest import SHARED

_WORDS = st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(pairs=st.dictionaries(_WORDS, _WORDS, max_size=400), absent=st.lists(_WORDS, max_size=20))
def test_every_written_word_is_read_back(
    tmp_path_factory: pytest.TempPathFactory, pairs: dict[str, str], absent: list[str]
) -> None:
    """Each stored word gives its lemma, others give nothing, and the table knows its size."""
    path = tmp_path_factory.mktemp("table") / "t.table"
    write_table(path, pairs.items())
    table = LemmaTable(path)
    storable = {w: v for w, v in pairs.items() if not any(c in w + v for c in "\t\n")}
    assert {w: table.get(w) for w in storable} == storable
    assert len(table) == len(storable)
    assert sorted(table, key=str.encode) == list(table) == sorted(storable, key=str.encode)
    for word in absent:
        assert table.get(word) == storable.get(word)
        assert (word in table) == (word in storable)


def test_missing_word_raises_key_error_on_index(tmp_path: Path) -> None:
    """Indexing with an unknown word raises KeyError, as a dict does."""
    path = tmp_path / "t.table"
    write_table(path, [("Häuser", "Haus")])
    table = LemmaTable(path)
    assert table["Häuser"] == "Haus"
    with pytest.raises(KeyError):
        table["Haus"]


@pytest.mark.parametrize("cut", [0, 10, 60, -5])
def test_a_file_cut_short_or_foreign_is_refused(tmp_path: Path, cut: int) -> None:
    """An empty, truncated or foreign file is a TableError, never a table with wrong lemmas."""
    path = tmp_path / "t.table"
    write_table(path, [(f"wort{n}", f"lemma{n}") for n in range(300)])
    data = path.read_bytes()
    path.write_bytes(data[:cut] if cut else b"")
    with pytest.raises(TableError):
        LemmaTable(path)


def test_foreign_file_is_refused(tmp_path: Path) -> None:
    """A file that is not a lemma table is refused."""
    path = tmp_path / "t.table"
    path.write_bytes(b"just some text\n" * 20)
    with pytest.raises(TableError):
        LemmaTable(path)


def _sentence_words(lang: str) -> list[str]:
    golden = json.loads((SHARED / "data" / "sentence_golden_de.json").read_text("utf-8"))
    text = json.dumps(golden, ensure_ascii=False)
    words = {w for w in simplemma.simple_tokenizer(text) if w.isalpha()}
    return sorted(words)[:3000] if lang == "de" else sorted(words)[:500]


@pytest.mark.parametrize("lang", ["de", "fr"])
def test_lemmas_through_tables_are_simplemmas_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Over hundreds of words, lemmas read through a fresh table equal simplemma.lemmatize."""
    monkeypatch.setenv("EXPLAINER_I18N_CACHE", str(tmp_path / "cache"))
    lemmatizer = _fresh_lemmatizer()
    words = _sentence_words(lang)
    assert len(words) > 300
    ours = [lemmatizer.lemmatize(w, lang=lang) for w in words]
    assert ours == [simplemma.lemmatize(w, lang=lang) for w in words]
    assert (tmp_path / "cache" / f"simplemma-{simplemma.__version__}-{lang}.table").is_file()


def _fresh_lemmatizer() -> Any:
    morphology._lemmatizer.cache_clear()
    try:
        return morphology._lemmatizer()
    finally:
        morphology._lemmatizer.cache_clear()


def test_a_broken_cached_table_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cut-short table in the cache is replaced by a whole one on first use."""
    monkeypatch.setenv("EXPLAINER_I18N_CACHE", str(tmp_path))
    path = tmp_path / f"simplemma-{simplemma.__version__}-fr.table"
    path.write_bytes(b"explainer-i18n lemma table 1\t")
    assert _fresh_lemmatizer().lemmatize("chevaux", lang="fr") == "cheval"
    assert len(LemmaTable(path)) > 1000


def test_an_unwritable_cache_still_gives_lemmas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the cache folder cannot be made, the shipped dictionary serves the process."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EXPLAINER_I18N_CACHE", str(blocker / "cache"))
    assert _fresh_lemmatizer().lemmatize("chevaux", lang="fr") == "cheval"
    assert not (blocker / "cache").exists()


def test_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without the variable of its own, tables go to $XDG_CACHE_HOME/explainer-i18n."""
    monkeypatch.delenv("EXPLAINER_I18N_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert morphology.cache_folder() == tmp_path / "explainer-i18n"
