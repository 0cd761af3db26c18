"""Write src/explainer_i18n/cldr_months.py: the month names of the toolkit's languages, from the
installed Babel's CLDR data, so that the date check does not load Babel's locale data in every
worker (30 ms a process). tests/test_cldr.py fails when the file and Babel disagree.

    python tools/cldr_months.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import babel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from explainer_i18n import cldr  # noqa: E402

LANGS = ("de", "en", "fr", "uk")
"""The source language and the translation languages the toolkit is made for."""
TARGET = ROOT / "src" / "explainer_i18n" / "cldr_months.py"


def render() -> str:
    """The module's text: one dict per language, spelling to month number."""
    lines = [
        f'"""Month names from CLDR (Babel {babel.__version__}) for {", ".join(LANGS)}: every',
        "spelling, lower-cased, mapped to its month. Written by tools/cldr_months.py, compared",
        'with Babel by tests/test_cldr.py; do not edit by hand."""',
        "",
        "from __future__ import annotations",
        "",
        "MONTHS: dict[str, dict[str, int]] = {",
    ]
    for lang in LANGS:
        lines.append(f'    "{lang}": {{')
        lines += [
            f'        "{name}": {number},' for name, number in cldr.babel_month_names(lang).items()
        ]
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
