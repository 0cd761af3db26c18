"""Babel's catalog update over a content project in one process (what ``pybabel update`` does
per domain, through the babel.messages API so start-up is paid once, not once per explainer).

    python benchmarks/peer_babel.py PROJECT en uk fr
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def update(project: Path, langs: list[str]) -> int:
    """Update every catalog from its template with fuzzy matching on, as ``pybabel update``.

    Previous msgids (``--previous``) stay off: Babel 2.18 wraps a long previous msgid into
    lines that msgfmt and our parser reject, which would hide its carried translations."""
    count = 0
    for pot in sorted((project / "locales" / "templates").glob("*.pot")):
        with pot.open("rb") as handle:
            template = read_po(handle)
        for lang in langs:
            path = project / "locales" / lang / "LC_MESSAGES" / f"{pot.stem}.po"
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang)
            catalog.update(template, no_fuzzy_matching=False)
            temporary = path.with_suffix(".po.tmp")
            with temporary.open("wb") as handle:
                write_po(handle, catalog, width=79)
            temporary.replace(path)
            count += 1
    return count


if __name__ == "__main__":
    update(Path(sys.argv[1]), sys.argv[2:])
