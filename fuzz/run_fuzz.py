"""Fuzz the readers of untrusted files for a fixed time: only the tool's own errors may come out.

Targets: the PO reader (``po_parse.parse_po``), the source reader (``source.decode_source`` and
``parse_source`` in both segmentation modes) and the glossary readers
(``glossary_csv.parse_glossary_csv``, ``glossary_tbx.parse_tbx``). Inputs come from hypothesis:
grammar-shaped files built from the formats' own tokens, mutated copies of the repository's
sample files, and raw bytes. An input passes when the reader returns or raises an
``ExplainerError``; when it returns, what the tool would write from the result must read back
(and a PO catalog must be a fixed point of write + read + write). Anything else is a crash:
hypothesis shrinks it, and the minimal input is saved under ``fuzz/crashes/``.

    python fuzz/run_fuzz.py --seconds 60                 # every target, 60 s each
    python fuzz/run_fuzz.py --target po --seconds 300
"""

from __future__ import annotations

import argparse
import hashlib
import signal
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TypeVar

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisWarning

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))  # runs from a checkout without installing

from explainer_i18n.errors import ExplainerError  # noqa: E402
from explainer_i18n.extract import build_template  # noqa: E402
from explainer_i18n.glossary_csv import parse_glossary_csv, serialize_glossary_csv  # noqa: E402
from explainer_i18n.glossary_tbx import parse_tbx, serialize_tbx  # noqa: E402
from explainer_i18n.model import Glossary  # noqa: E402
from explainer_i18n.po_parse import parse_po  # noqa: E402
from explainer_i18n.po_serialize import serialize_po  # noqa: E402
from explainer_i18n.sentences import sentence_spans  # noqa: E402
from explainer_i18n.source import decode_source, parse_source, render_source  # noqa: E402

CRASHES = Path(__file__).resolve().parent / "crashes"
HANG_SECONDS = 10
"""An input that keeps a reader busy this long counts as a crash (a hang)."""
STAMP = "2026-01-06 10:00+0000"


T = TypeVar("T")
R = TypeVar("R")


class Hang(Exception):
    """A reader ran longer than HANG_SECONDS on one input."""


def _read_back(what: str, read: Callable[[T, str], R], written: T, name: str) -> R:
    """Read what the tool itself wrote: any error here, its own included, is a bug."""
    try:
        return read(written, name)
    except ExplainerError as error:
        message = f"{what} written from a parsed input does not read back: {error}"
        raise AssertionError(message) from error


# --- oracles: what must hold for every input ---------------------------------------------------


def po_oracle(data: bytes) -> bool:
    """parse_po returns or refuses; a parsed catalog written and read again is a fixed point."""
    try:
        catalog = parse_po(data, "fuzz.po")
    except ExplainerError:
        return False
    text = serialize_po(catalog)
    again = _read_back("the catalog", parse_po, text.encode("utf-8"), "fuzz.po")
    assert serialize_po(again) == text, "write(read(write(c))) differs from write(c)"
    return True


def source_oracle(data: bytes) -> bool:
    """decode_source/parse_source return or refuse; a parsed source rebuilds byte for byte and
    its template reads back."""
    try:
        text = decode_source(data, "source/fuzz.txt")
    except ExplainerError:
        return False
    accepted = False
    for mode in ("paragraph", "sentence"):
        try:
            doc = parse_source(text, "source/fuzz.txt", mode, sentence_spans)
        except ExplainerError:
            continue
        assert render_source(doc) == text, f"{mode}: the pieces do not rebuild the source"
        pot = serialize_po(build_template(doc, "fuzz", STAMP)).encode("utf-8")
        _read_back(f"{mode}: the template", parse_po, pot, "fuzz.pot")
        accepted = True
    return accepted


def _glossary_text(data: bytes) -> str:
    """The text glossary_io.load_glossary hands the readers: strict UTF-8 (else it refuses the
    file itself, so the readers never see it; an undecodable input stands for an empty one)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return ""


def _glossary_oracle(
    data: bytes,
    read: Callable[[str, str], Glossary],
    write: Callable[[Glossary], str],
    name: str,
) -> bool:
    """A glossary reader returns or refuses; a glossary it parsed, written again, reads back."""
    try:
        glossary = read(_glossary_text(data), name)
    except ExplainerError:
        return False
    _read_back(f"the glossary {name}", read, write(glossary), name)
    return True


def csv_oracle(data: bytes) -> bool:
    """parse_glossary_csv returns or refuses; a parsed glossary written as CSV reads back."""
    return _glossary_oracle(data, parse_glossary_csv, serialize_glossary_csv, "fuzz.csv")


def tbx_oracle(data: bytes) -> bool:
    """parse_tbx returns or refuses; a parsed glossary written as TBX reads back."""
    return _glossary_oracle(data, parse_tbx, serialize_tbx, "fuzz.tbx")


# --- inputs ------------------------------------------------------------------------------------

PO_TOKENS = (
    'msgid ', 'msgstr ', 'msgctxt ', 'msgid_plural ', 'msgstr[0] ', 'msgstr[1] ', 'msgstr[2] ',
    'msgstr[9] ', 'msgstr [0] ', '"', '""', '"Text"', '"ä ё"', '"\\n"', '"\\t"', '"\\r"', '"\\""',
    '"\\\\"', '"\\x41"', '"\\xff"', '"\\xc3\\xa4"', '"\\101"', '"\\0"', '"\\x00"', '"\\q"',
    '"\\u00e4"', '"a\\', '# ', '#', '#.', '#. ', '#:', '#: ', 'a.txt:12', 'a.txt:', ':7',
    '\u2068a b.txt\u2069:3', '\u2068x', '#,', '#, fuzzy', '#, no-wrap', '#, c-format',
    '#, range: 1..5', '#, range: 9..1', '#|', '#| msgid ', '#| msgctxt ', '#| msgstr ', '#~',
    '#~ ', '#~| ', '#~ #, fuzzy', '#~ msgid ', '#~ msgstr ', '#~|msgid ', '#!', ' ', '\t', '\f',
    '\r', '\n', '\n\n', '\\\n', '\ufeff', '\x00', '\x1b', '\u2028', '\x85',
    '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Type: text/plain; charset=CHARSET\\n"',
    '"Content-Type: text/plain; charset=KOI8-U\\n"', 'charset=', '"Plural-Forms: nplurals=3; plural=0;\\n"',
    '"Plural-Forms: nplurals=0;\\n"', '"nplurals=99999999999999999999\\n"', '"Language: uk\\n"',
)  # fmt: skip
SOURCE_TOKENS = (
    "date ", "date\t", " date ", "2026-01-06", "2026-02-30", "0000-00-00", "20260106",
    "Wie geht es weiter?", "Was?", "?", '?"', "?»", "?)", "- ", "* ", "• ", "1. ", "1) ",
    "999. ", "1000. ", "-", "Ein Satz.", "Noch einer!", "z. B. ", "Dr. ", "3. ", "„Zitat.“",
    "(Klammer.) ", "… ", "...", "Ende", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\ufeff",
    "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x00", "ä", "\\", '"', "#", "msgid ",
    "%s", "\u200b", "e\u0301", "\U0001f600", "\ud7ff", ":", "§ 5 ",
)  # fmt: skip
CSV_TOKENS = (
    "concept_id", "lang", "term", "status", "note", "case_sensitive", "forms", "pattern",
    "bogus", ",", ",", ",", '"', '""', '"a,b"', '"x\ny"', "\n", "\n", "\r\n", "\r", "de", "uk",
    "en", "fr", "x-y-zz", "DE", "d", "preferred", "admitted", "forbidden", "bad", "true",
    "false", "TRUE", "a|b", "|", "||", "(", "[a-", ".*", "\\b", "(?P<x>a)", "(?i)", "(?",
    "Waffe", "Зброя", "c1", "1c", "c.d-e_f", " ", "\ufeff", "\x00", "\t", "ä",
)  # fmt: skip
TBX_TAGS = (
    "martif", "tbx", "text", "body", "termEntry", "conceptEntry", "langSet", "langSec", "tig",
    "ntig", "termGrp", "termSec", "term", "termNote", "note", "descrip", "tbx:term", "x",
)  # fmt: skip
TBX_ATTRIBUTES = (
    ' id="c1"', ' id="c2"', ' id=""', ' xml:lang="de"', ' xml:lang="uk"', ' xml:lang=""',
    ' lang="en"', ' type="administrativeStatus"', ' type="normativeAuthorization"',
    ' type="x-caseSensitive"', ' type="x-form"', ' type="x-pattern"', ' type="bogus"',
    ' xmlns="urn:iso:std:iso:30042:ed-2"', ' xmlns:tbx="urn:x"',
)  # fmt: skip
TBX_TEXT = (
    "Waffe", "Зброя", "preferredTerm-admn-sts", "deprecatedTerm-admn-sts", "admitted",
    "superseded", "bogus", "true", "false", "(a", "a+", "&amp;", "&lt;", "&#x41;", "&#0;",
    "&#xD800;", "&#1114112;", "&undefined;", "<![CDATA[x<y]]>", "<!-- c -->", "<?pi x?>", " ",
    "\n", "\x00", "\x0c", "\ufffe", "]]>",
)  # fmt: skip
TBX_PROLOGS = (
    "", '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="latin-1"?>\n',
    '<?xml version="1.1"?>\n', '<?xml version="2.0"?>\n', "\ufeff",
    '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n', '<!DOCTYPE martif [<!ENTITY e "x">]>\n',
    '<!DOCTYPE martif [<!ELEMENT martif ANY>]>\n', '<!DOCTYPE martif PUBLIC "-//x" "y.dtd">\n',
)  # fmt: skip


def _tokens(tokens: tuple[str, ...], max_size: int = 60) -> st.SearchStrategy[bytes]:
    """Files made of a format's own tokens, with now and then a stray byte."""
    piece = st.one_of(st.sampled_from(tokens), st.text(max_size=3))
    text = st.lists(piece, max_size=max_size).map("".join)
    return st.one_of(
        text.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        st.tuples(text, st.binary(min_size=1, max_size=4), text).map(
            lambda t: (
                t[0].encode("utf-8", "surrogatepass")
                + t[1]
                + t[2].encode("utf-8", "surrogatepass")
            )
        ),
    )


@st.composite
def _mutated(draw: st.DrawFn, seeds: tuple[bytes, ...], tokens: tuple[str, ...]) -> bytes:
    """A sample file with a few lines dropped, doubled or swapped and a few tokens spliced in."""
    lines = draw(st.sampled_from(seeds)).splitlines(keepends=True) or [b""]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "double", "swap", "splice", "cut", "byte"]))
        lines = _mutate(lines, at, action, draw(st.sampled_from(tokens)), draw(st.integers(0, 80)))
        lines = lines or [b""]
    return b"".join(lines)


def _mutate(lines: list[bytes], at: int, action: str, token: str, offset: int) -> list[bytes]:
    """One mutation of a file's lines."""
    line = lines[at]
    if action == "drop":
        return lines[:at] + lines[at + 1 :]
    if action == "double":
        return lines[: at + 1] + lines[at:]
    if action == "swap":
        return lines[:at] + lines[at + 1 : at + 2] + [line] + lines[at + 2 :]
    cut = min(offset, len(line))
    if action == "cut":
        return [*lines[:at], line[:cut]]
    middle = (
        token.encode("utf-8", "surrogatepass") if action == "splice" else bytes([offset + 128])
    )
    return [*lines[:at], line[:cut] + middle + line[cut:], *lines[at + 1 :]]


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """An element with a tag and attributes from TBX, around some children."""
    return st.tuples(
        st.sampled_from(TBX_TAGS),
        st.lists(st.sampled_from(TBX_ATTRIBUTES), max_size=3),
        st.lists(children, max_size=4),
    ).map(lambda t: f"<{t[0]}{''.join(t[1])}>{''.join(t[2])}</{t[0]}>")


def _tbx_documents() -> st.SearchStrategy[bytes]:
    """Well-formed and broken TBX-shaped documents."""
    tree = st.recursive(st.sampled_from(TBX_TEXT), _element, max_leaves=25)
    return st.tuples(st.sampled_from(TBX_PROLOGS), tree).map(
        lambda t: (t[0] + t[1]).encode("utf-8", "surrogatepass")
    )


@st.composite
def _tbx_shaped(draw: st.DrawFn) -> bytes:
    """Documents in the two TBX layouts the reader knows, with odd ids, languages, statuses,
    notes and text: many of them are read, so the reader's later steps run too."""
    v2 = draw(st.booleans())
    entry, lang_tag, group = (
        ("termEntry", "langSet", "tig") if v2 else ("conceptEntry", "langSec", "termSec")
    )
    words = st.sampled_from(("Waffe", "Зброя", "arme", "weapon", "a+", "(a", " ", "ä ö"))
    text = st.lists(words, min_size=1, max_size=3).map("".join)
    statuses = st.sampled_from(("preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecated"))
    note = st.one_of(
        statuses.map(lambda s: f'<termNote type="administrativeStatus">{s}</termNote>'),
        st.tuples(st.sampled_from([a for a in TBX_ATTRIBUTES if "type=" in a]), text).map(
            lambda n: f"<termNote{n[0]}>{n[1]}</termNote>"
        ),
    )
    term = st.tuples(text, st.lists(note, max_size=3)).map(
        lambda g: f"<{group}><term>{g[0]}</term>{''.join(g[1])}</{group}>"
    )
    langs = st.sampled_from([' xml:lang="de"', ' xml:lang="uk"', ' lang="fr"'] * 4 + [""])
    lang = st.tuples(langs, st.lists(term, max_size=3)).map(
        lambda s: f"<{lang_tag}{s[0]}>{''.join(s[1])}</{lang_tag}>"
    )
    ids = st.sampled_from([f' id="c{n}"' for n in range(12)] + [' id=" "', ""])
    concept = st.tuples(ids, st.lists(lang, max_size=3)).map(
        lambda c: f"<{entry}{c[0]}>{''.join(c[1])}</{entry}>"
    )
    root = "martif" if v2 else "tbx"
    body = "".join(draw(st.lists(concept, max_size=3)))
    prolog = draw(st.sampled_from(TBX_PROLOGS[:2]))
    document = f"{prolog}<{root}><text><body>{body}</body></text></{root}>"
    if draw(st.booleans()):  # one entity, control character, CDATA... somewhere
        at = draw(st.integers(0, len(document)))
        document = document[:at] + draw(st.sampled_from(TBX_TEXT)) + document[at:]
    return document.encode("utf-8", "surrogatepass")


def _seeds(*patterns: str) -> tuple[bytes, ...]:
    """The repository's sample files for a format."""
    found = sorted({p for pattern in patterns for p in REPO.glob(pattern) if p.is_file()})
    return tuple(p.read_bytes() for p in found) or (b"",)


@dataclass
class Target:
    """A reader to fuzz: its inputs and the property every input must keep."""

    name: str
    inputs: st.SearchStrategy[bytes]
    oracle: Callable[[bytes], bool]
    """Checks one input; says whether the reader accepted it (False: refused it cleanly)."""
    examples: int = 0
    accepted: int = 0
    crashes: list[tuple[bytes, str]] = field(default_factory=list)


def targets() -> list[Target]:
    """Every target, with its input strategies."""
    po_seeds = _seeds(
        "tests/data/po/*.po",
        "tests/data/hostile/po/*.po",
        "tests/data/hostile/project/*.po",
        "locales/*/LC_MESSAGES/*.po",
        "locales/templates/*.pot",
    )
    source_seeds = _seeds(
        "source/*.txt", "tests/data/hostile/project/*.txt", "tests/data/hostile/source/*.txt"
    )
    csv_seeds = _seeds("locales/*.csv", "tests/data/glossary/*.csv")
    tbx_seeds = _seeds("tests/data/glossary/*.tbx", "tests/data/hostile/tbx/ok.tbx")
    return [
        Target(
            "po",
            st.one_of(_tokens(PO_TOKENS), _mutated(po_seeds, PO_TOKENS), st.binary(max_size=300)),
            po_oracle,
        ),
        Target(
            "source",
            st.one_of(
                _tokens(SOURCE_TOKENS),
                _mutated(source_seeds, SOURCE_TOKENS),
                st.binary(max_size=300),
            ),
            source_oracle,
        ),
        Target(
            "glossary-csv",
            st.one_of(_tokens(CSV_TOKENS, 120), _mutated(csv_seeds, CSV_TOKENS)),
            csv_oracle,
        ),
        Target(
            "glossary-tbx",
            st.one_of(
                _tbx_shaped(), _tbx_documents(), _mutated(tbx_seeds, TBX_TEXT + TBX_ATTRIBUTES)
            ),
            tbx_oracle,
        ),
    ]


# --- running -----------------------------------------------------------------------------------


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"no answer after {HANG_SECONDS} s")


def _checked(target: Target, data: bytes) -> None:
    """Run the oracle on one input under the hang alarm, remembering the last failing input
    (hypothesis replays the minimal one last)."""
    target.examples += 1
    signal.alarm(HANG_SECONDS)
    try:
        target.accepted += target.oracle(data)
    except Exception:
        target.crashes.append((data, traceback.format_exc()))
        raise
    finally:
        signal.alarm(0)


def fuzz(target: Target, seconds: float) -> Iterator[tuple[bytes, str]]:
    """Run batches of examples until the time is up; yield each minimal crash found."""
    deadline = time.monotonic() + seconds
    batch = settings(
        max_examples=200,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )

    @batch
    @given(target.inputs)
    def run(data: bytes) -> None:
        _checked(target, data)

    while time.monotonic() < deadline:
        try:
            run()
        except Exception:  # the crash is in target.crashes; hypothesis shrank it
            yield target.crashes[-1]
            target.crashes.clear()


def _signature(oracle: Callable[[bytes], bool], data: bytes) -> tuple[str, str, int] | None:
    """Which failure an input causes: the exception type and the line that raised it."""
    signal.alarm(HANG_SECONDS)
    try:
        oracle(data)
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return type(error).__name__, frame.filename, frame.lineno or 0
    finally:
        signal.alarm(0)
    return None


def minimize(oracle: Callable[[bytes], bool], data: bytes) -> bytes:
    """Cut a crashing input down while it fails the same way (hypothesis shrinks what it
    generated, but a mutated sample file stays whole): drop ever smaller chunks."""
    failure = _signature(oracle, data)
    chunk = max(1, len(data) // 2)
    while failure is not None and chunk >= 1:
        start, shrunk = 0, False
        while start < len(data):
            candidate = data[:start] + data[start + chunk :]
            if _signature(oracle, candidate) == failure:
                data, shrunk = candidate, True
            else:
                start += chunk
        chunk = chunk if shrunk and chunk > 1 else chunk // 2
    return data


def save(target: str, data: bytes, report: str) -> Path:
    """Keep a crash's minimal input and its traceback under fuzz/crashes/."""
    CRASHES.mkdir(exist_ok=True)
    name = f"{target}-{hashlib.sha256(data).hexdigest()[:12]}"
    (CRASHES / f"{name}.bin").write_bytes(data)
    (CRASHES / f"{name}.txt").write_text(f"{data!r}\n\n{report}", encoding="utf-8")
    return CRASHES / f"{name}.bin"


def main(argv: list[str] | None = None) -> int:
    """Fuzz the chosen targets; exit 1 if any crash was found."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget per target")
    parser.add_argument(
        "--target", choices=["all", "po", "source", "glossary-csv", "glossary-tbx"], default="all"
    )
    options = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _on_alarm)
    warnings.filterwarnings("ignore", category=HypothesisWarning)  # "overly large repr"
    found = 0
    for target in targets():
        if options.target not in ("all", target.name):
            continue
        started = time.monotonic()
        crashes = {}
        for data, report in fuzz(target, options.seconds):
            small = minimize(target.oracle, data)
            crashes[save(target.name, small, report)] = small
        found += len(crashes)
        took = time.monotonic() - started
        print(
            f"{target.name}: {target.examples} inputs in {took:.0f} s ({target.examples / took:.0f}/s), "
            f"{target.accepted} read, {target.examples - target.accepted} refused, {len(crashes)} crash(es)"
        )
        for path, data in crashes.items():
            print(f"  {path.relative_to(REPO)}: {data[:200]!r}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
