"""Tests of the project settings: defaults, both files, and clear errors naming the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer_i18n.config import load_config, parse_config
from explainer_i18n.errors import ConfigError
from explainer_i18n.model import Config


def test_defaults_without_any_file(tmp_path: Path) -> None:
    """No config file means German source, en/uk/fr targets, paragraph segments."""
    assert load_config(tmp_path) == Config("de", ("en", "uk", "fr"), "paragraph")


def test_own_file_wins_over_pyproject(tmp_path: Path) -> None:
    """explainer-i18n.toml is read in preference to pyproject.toml."""
    (tmp_path / "pyproject.toml").write_text('[tool.explainer-i18n]\nlanguages = ["fr"]\n')
    (tmp_path / "explainer-i18n.toml").write_text(
        'languages = ["uk"]\nsegmentation = "sentence"\n'
    )
    config = load_config(tmp_path)
    assert config.languages == ("uk",) and config.segmentation == "sentence"


def test_pyproject_section(tmp_path: Path) -> None:
    """Settings can live in pyproject.toml under [tool.explainer-i18n]."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.explainer-i18n]\nlanguages = ["fr", "en"]\n'
    )
    assert load_config(tmp_path).languages == ("fr", "en")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('languages = ["en"]\ncolour = "red"\n', 2, "unknown setting 'colour'"),
        ('segmentation = "word"\n', 1, "segmentation must be"),
        ('languages = ["en", "xx"]\n', 1, "'xx' is not a known language code"),
        ('languages = ["../../etc"]\n', 1, "not a known language code"),
        ('languages = ["de"]\n', 1, "is the source language"),
        ("languages = []\n", 1, "non-empty list"),
        ("\n\nlanguages = [\n", 3, "not valid TOML"),
        ('glossary = "../outside.csv"\n', 1, "inside the project"),
        ('ignore = "fuzzy"\n', 1, "list of rule ids"),
    ],
)
def test_bad_settings_name_the_line(text: str, line: int, words: str) -> None:
    """Every bad setting is a ConfigError naming the file, the line and what is wrong."""
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "explainer-i18n.toml")
    assert caught.value.line == line
    assert words in str(caught.value)
    assert str(caught.value).startswith(f"explainer-i18n.toml:{line}: ")
