"""Keep the lemmas a project's words were given, in .explainer-i18n/lemmas/, across runs.

Every process (the main one and each worker) loads the merged file once and drops the lemmas
it computed into a file of its own; the main process merges those after the run. Losing the
folder only costs the time to load the lemmatizer's data again."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path

from explainer_i18n.fsio import write_atomic
from explainer_i18n.morphology import learned_lemmas, remember_lemmas

FOLDER = Path(".explainer-i18n") / "lemmas"
MERGED = "lemmas.json"
_LOADED: set[str] = set()


def recall(root: Path) -> None:
    """Load the project's remembered lemmas into this process (once per process)."""
    key = f"{os.getpid()}:{root.resolve()}"
    if key in _LOADED:
        return
    _LOADED.add(key)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        data = json.loads((root / FOLDER / MERGED).read_text(encoding="utf-8"))
        remember_lemmas({lang: dict(words) for lang, words in data.items()})


def keep_learned(root: Path) -> None:
    """Write the lemmas this process learned to a part file (merged later by ``merge``)."""
    learned = learned_lemmas()
    if not learned:
        return
    with contextlib.suppress(Exception):
        part = root / FOLDER / f"part-{os.getpid()}-{secrets.token_hex(4)}.json"
        write_atomic(part, json.dumps(learned, ensure_ascii=False).encode("utf-8"), str(part))


def merge(root: Path) -> None:
    """Fold every part file into the merged file (in the main process, after a run)."""
    keep_learned(root)
    folder = root / FOLDER
    parts = sorted(folder.glob("part-*.json")) if folder.is_dir() else []
    if not parts:
        return
    merged: dict[str, dict[str, str]] = {}
    with contextlib.suppress(OSError, ValueError):
        merged = json.loads((folder / MERGED).read_text(encoding="utf-8"))
    for part in parts:
        with contextlib.suppress(OSError, ValueError):
            for lang, words in json.loads(part.read_text(encoding="utf-8")).items():
                merged.setdefault(lang, {}).update(words)
    with contextlib.suppress(Exception):
        data = json.dumps(merged, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        write_atomic(folder / MERGED, data.encode("utf-8"), MERGED)
        for part in parts:
            part.unlink()
