"""Read a content project's settings from explainer-i18n.toml or pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

from explainer_i18n import cldr
from explainer_i18n.errors import ConfigError
from explainer_i18n.model import Config

CONFIG_FILE = "explainer-i18n.toml"
PYPROJECT_SECTION = "explainer-i18n"
_KEYS = ("source_language", "languages", "segmentation", "glossary", "ignore")
_LANG = re.compile(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?")
_TOML_LINE = re.compile(r"at line (\d+)")


def find_config(root: Path) -> tuple[Path | None, str]:
    """The file that holds the settings and its name for messages; (None, "") if there is none."""
    own = root / CONFIG_FILE
    if own.is_file():
        return own, CONFIG_FILE
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        return pyproject, "pyproject.toml"
    return None, ""


def load_config(root: Path) -> Config:
    """Read and validate the project's settings; defaults where there is no file or section."""
    path, name = find_config(root)
    if path is None:
        return Config()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read: {error.strerror or error}", name) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ConfigError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x})", name, line
        ) from None
    return parse_config(text, name)


def parse_config(text: str, name: str) -> Config:
    """Validate the settings in TOML text; ``name`` is the file name used in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) if found else text.rstrip("\n").count("\n") + 1
        raise ConfigError(f"not valid TOML: {error}", name, line) from None
    if name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get(PYPROJECT_SECTION, {}) if isinstance(tool, dict) else {}
    return _validate(data, text, name)


def _validate(data: Mapping[str, object], text: str, name: str) -> Config:
    """Turn the raw table into a Config, naming the line of the first bad key."""

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(message, name, _line_of(text, key))

    for key in data:
        if key not in _KEYS:
            raise fail(key, f"unknown setting {key!r} (known: {', '.join(_KEYS)})")
    source = data.get("source_language", "de")
    if not isinstance(source, str) or not _valid_lang(source):
        raise fail("source_language", f"source_language {source!r} is not a known language code")
    languages = data.get("languages", ["en", "uk", "fr"])
    if not isinstance(languages, list) or not languages:
        raise fail("languages", "languages must be a non-empty list of language codes")
    for lang in languages:
        if not isinstance(lang, str) or not _valid_lang(lang):
            raise fail("languages", f"languages: {lang!r} is not a known language code")
        if lang == source:
            raise fail("languages", f"languages: {lang!r} is the source language")
    if len(set(languages)) != len(languages):
        raise fail("languages", "languages: a language is listed twice")
    segmentation = data.get("segmentation", "paragraph")
    if segmentation not in ("paragraph", "sentence"):
        raise fail(
            "segmentation", f"segmentation must be 'paragraph' or 'sentence', not {segmentation!r}"
        )
    glossary = data.get("glossary")
    if glossary is not None and (not isinstance(glossary, str) or not _inside(glossary)):
        raise fail("glossary", "glossary must be a relative path inside the project")
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(rule, str) for rule in ignore):
        raise fail("ignore", "ignore must be a list of rule ids")
    return Config(source, tuple(languages), segmentation, glossary, tuple(ignore))


def _valid_lang(lang: str) -> bool:
    """A language code that is safe in a path and known to CLDR."""
    return bool(_LANG.fullmatch(lang)) and cldr.is_known(lang)


def _inside(relative: str) -> bool:
    """Whether a configured path stays inside the project (no absolute path, no ``..``)."""
    path = Path(relative)
    return not path.is_absolute() and ".." not in path.parts and bool(relative.strip())


def _line_of(text: str, key: str) -> int | None:
    """The first line that sets ``key``, for error messages."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None
