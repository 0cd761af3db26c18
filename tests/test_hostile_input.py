"""Hostile input through the command line: one clear error line and exit 2, or correct work.

Every failing case asserts the same contract: exit code 2, exactly one line on stderr of the form
``explainer-i18n: error: PATH[:LINE]: message`` naming the file (and line where there is one), no
traceback, and every file of the project byte for byte as it was. The fixture files live in
``tests/data/hostile/``; each test copies what it needs into a scratch project.
"""

from __future__ import annotations

import dataclasses
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from explainer_i18n.cli import cli
from explainer_i18n.model import Catalog
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
SRC = Path(__file__).resolve().parents[1] / "src"
EPOCH = "1767693600"
"""SOURCE_DATE_EPOCH of the fixture catalogs (2026-01-06 10:00 UTC), so reruns change no byte."""
SLUG = "explainer"
STATE = ".explainer-i18n/"
ERROR_LINE = re.compile(
    r"explainer-i18n: error: (?P<path>.+?)(?::(?P<line>\d+))?: (?P<message>.+)"
)


@dataclasses.dataclass(frozen=True)
class Run:
    """What one command did: exit code, the two output streams, an escaped exception."""

    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def invoke(*args: str | Path) -> Run:
    """Run the command line in this process (click's CliRunner)."""
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH, "CI": "1"})
    result = runner.invoke(cli, [str(a) for a in args])
    escaped = None if isinstance(result.exception, SystemExit) else result.exception
    return Run(result.exit_code, result.stdout, result.stderr, escaped)


HANG_GUARD = 120
"""Seconds after which a spawned run counts as hung. Only a guard against a run that never
ends (a read blocked on a pipe, work that grows with the square of the input): the tests
assert what a run did, never how long it took."""


def spawn(*args: str | Path, prefix: tuple[str, ...] = ()) -> Run:
    """Run ``python -m explainer_i18n`` as its own process (``prefix`` may drop privileges);
    fail the test if it is still running after ``HANG_GUARD`` seconds."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPATH": str(SRC),
        "SOURCE_DATE_EPOCH": EPOCH,
        "CI": "1",
        "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "explainer-i18n-tests-pycache"),
    }
    command = [*prefix, sys.executable, "-m", "explainer_i18n", *map(str, args)]
    try:
        done = subprocess.run(
            command, capture_output=True, env=env, timeout=HANG_GUARD, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(map(str, args))}: still running after {HANG_GUARD} s (hung)")
    return Run(done.returncode, done.stdout.decode(), done.stderr.decode())


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file of a tree with its bytes, and every symbolic link with its target."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, files in os.walk(root):
        for name in files + [d for d in dirs if Path(folder, d).is_symlink()]:
            path = Path(folder, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = f"-> {path.readlink()}"
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = "special file"
    return found


def ok(run: Run, *codes: int) -> Run:
    """Assert that a command worked (exit 0, or one of ``codes``) and return it."""
    assert run.exception is None, run.exception
    assert run.exit_code in (codes or (0,)), run.stderr
    return run


def assert_fails_cleanly(
    run: Run, path: str, line: int | None, words: str, root: Path, before: dict[str, bytes | str]
) -> None:
    """Exit 2, one error line naming ``path`` (and ``line``), no traceback, no file changed."""
    assert run.exception is None, f"escaped {run.exception!r}"
    assert "Traceback" not in run.stderr + run.stdout
    assert run.exit_code == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    found = ERROR_LINE.fullmatch(lines[0])
    assert found, lines[0]
    assert found["path"] == path or found["path"].endswith("/" + path), lines[0]
    assert found["line"] == (None if line is None else str(line)), lines[0]
    assert words in found["message"], lines[0]
    assert snapshot(root) == before


def catalog_path(root: Path, lang: str, slug: str = SLUG) -> Path:
    """``locales/<lang>/LC_MESSAGES/<slug>.po`` of a project."""
    return root / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"


def new_project(root: Path, *, edited: bool = True) -> Path:
    """The fixture explainer with its translated en and uk catalogs and its template.

    With ``edited`` the source changes after the catalogs were made, so update and build have
    something to write: a run that fails half-way would show in the files."""
    (root / "source").mkdir(parents=True)
    shutil.copy(HOSTILE / "project" / "explainer.txt", root / "source" / f"{SLUG}.txt")
    (root / "explainer-i18n.toml").write_text('languages = ["en", "uk"]\n', encoding="utf-8")
    for lang in ("en", "uk"):
        catalog_path(root, lang).parent.mkdir(parents=True)
        shutil.copy(HOSTILE / "project" / f"{lang}.po", catalog_path(root, lang))
    ok(invoke("extract", "-C", root))
    if edited:
        source = root / "source" / f"{SLUG}.txt"
        text = source.read_text(encoding="utf-8").replace("noch nicht", "bisher nicht")
        source.write_text(text, encoding="utf-8")
        ok(invoke("extract", "-C", root))
    return root


def translations(lang: str) -> dict[str, str]:
    """msgid → msgstr of a fixture catalog."""
    data = (HOSTILE / "project" / f"{lang}.po").read_bytes()
    return {m.msgid: m.msgstr for m in parse_po(data, f"{lang}.po").messages}


def fill(path: Path, texts: Callable[[str], str]) -> None:
    """Translate every entry of a catalog, as a translator's editor would save it."""
    catalog = parse_po(path.read_bytes(), path.name)
    messages = tuple(dataclasses.replace(m, msgstr=texts(m.msgid)) for m in catalog.messages)
    path.write_bytes(serialize_po(Catalog(catalog.header, messages)).encode("utf-8"))


def msgcat_output(path: Path) -> bytes:
    """What GNU msgcat prints for a PO file."""
    tool = shutil.which("msgcat")
    if tool is None:
        pytest.fail("msgcat is missing: install GNU gettext")
    return subprocess.run([tool, str(path)], capture_output=True, check=True).stdout


# --- malformed catalogs ------------------------------------------------------------------------

MALFORMED = [
    # fixture in tests/data/hostile/po, the catalog it stands for, the line named, the message
    pytest.param("unterminated.po", "uk", 33, "unterminated string", id="unterminated-string"),
    pytest.param("bad_escape.po", "uk", 43, "invalid escape sequence \\q", id="bad-escape"),
    pytest.param("msgstr_before_msgid.po", "uk", 2, "msgstr before any msgid", id="msgstr-first"),
    pytest.param("duplicate.po", "uk", 56, "duplicate entry", id="duplicate-entry"),
    pytest.param("plural_mismatch.po", "uk", 55, "nplurals=3", id="plural-count"),
    pytest.param("latin1.po", "en", 12, "charset=ISO-8859-1", id="latin1-charset"),
    pytest.param("nul.po", "uk", 48, "NUL byte", id="nul-byte"),
    pytest.param("truncated.po", "uk", 42, "the file ends", id="truncated"),
]
PROJECT_COMMANDS = [
    pytest.param(("update",), id="update"),
    pytest.param(("build", "--min-translated", "0"), id="build"),
    pytest.param(("status",), id="status"),
    pytest.param(("check",), id="check"),
]


@pytest.mark.parametrize("command", PROJECT_COMMANDS)
@pytest.mark.parametrize(("fixture", "lang", "line", "words"), MALFORMED)
def test_malformed_project_catalog_fails_cleanly(
    tmp_path: Path, fixture: str, lang: str, line: int, words: str, command: tuple[str, ...]
) -> None:
    """A malformed catalog in the project: one line naming it and the line, nothing written."""
    root = new_project(tmp_path / "project")
    shutil.copy(HOSTILE / "po" / fixture, catalog_path(root, lang))
    before = snapshot(root)
    run = invoke(*command, "-C", root)
    where = f"locales/{lang}/LC_MESSAGES/{SLUG}.po"
    assert_fails_cleanly(run, where, line, words, root, before)


@pytest.mark.parametrize(("fixture", "lang", "line", "words"), MALFORMED)
def test_malformed_catalog_given_to_check_fails_cleanly(
    tmp_path: Path, fixture: str, lang: str, line: int, words: str
) -> None:
    """``check PATH`` on a malformed catalog names PATH as given and the bad line."""
    given = tmp_path / "given" / fixture
    given.parent.mkdir()
    shutil.copy(HOSTILE / "po" / fixture, given)
    before = snapshot(tmp_path)
    assert_fails_cleanly(invoke("check", given), str(given), line, words, tmp_path, before)


# --- a BOM, CRLF line ends and an empty file are accepted --------------------------------------


@pytest.mark.parametrize("fixture", ["bom.po", "crlf.po"])
def test_bom_and_crlf_catalogs_are_read_as_their_plain_text(tmp_path: Path, fixture: str) -> None:
    """A catalog saved with a BOM or CRLF is read like its plain UTF-8/LF twin (which gettext
    writes): update rewrites it to exactly that twin, check reports the same findings, build
    publishes the same editions. (GNU gettext 0.21 rejects the BOM; Windows editors add it.)"""
    plain = (HOSTILE / "project" / "uk.po").read_bytes()
    raw = (HOSTILE / "po" / fixture).read_bytes()
    assert raw.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n") == plain
    twin = new_project(tmp_path / "twin", edited=False)
    ok(invoke("build", "-C", twin))
    root = new_project(tmp_path / "project", edited=False)
    catalog_path(root, "uk").write_bytes(raw)
    ok(invoke("build", "-C", root))
    assert snapshot(root / "build") == snapshot(twin / "build")
    found = ok(invoke("check", catalog_path(root, "uk")), 0, 1)
    expected = ok(invoke("check", catalog_path(twin, "uk")), 0, 1)
    assert found.exit_code == expected.exit_code
    assert found.stdout.replace(str(root), "") == expected.stdout.replace(str(twin), "")
    ok(invoke("update", "-C", root))
    assert catalog_path(root, "uk").read_bytes() == plain


def test_empty_catalog_in_a_project_is_filled_like_a_missing_one(tmp_path: Path) -> None:
    """An empty .po (gettext reads it as an empty catalog) is filled by update exactly as a
    missing catalog would be created."""
    root = new_project(tmp_path / "project")
    shutil.copy(HOSTILE / "po" / "empty.po", catalog_path(root, "uk"))
    missing = new_project(tmp_path / "missing")
    catalog_path(missing, "uk").unlink()
    ok(invoke("update", "-C", root))
    ok(invoke("update", "-C", missing))
    assert catalog_path(root, "uk").read_bytes() == catalog_path(missing, "uk").read_bytes()
    assert b'msgid "Wer nimmt teil?"' in catalog_path(root, "uk").read_bytes()


def test_empty_catalog_outside_a_project_fails_cleanly(tmp_path: Path) -> None:
    """``check`` on an empty PO file outside LC_MESSAGES cannot know its language: it says so."""
    given = tmp_path / "empty.po"
    shutil.copy(HOSTILE / "po" / "empty.po", given)
    before = snapshot(tmp_path)
    run = invoke("check", given)
    assert_fails_cleanly(run, str(given), None, "language", tmp_path, before)


# --- bad sources -------------------------------------------------------------------------------

BAD_SOURCES = [
    pytest.param("latin1.txt", 3, "not valid UTF-8", id="latin1"),
    pytest.param("binary.txt", 3, "binary file", id="binary"),
    pytest.param("nul.txt", 5, "NUL byte", id="nul-byte"),
    pytest.param("empty.txt", 1, "empty source", id="empty"),
    pytest.param("blank.txt", 1, "empty source", id="blank"),
    pytest.param("bad_date.txt", 1, "not a valid date", id="bad-date"),
]


@pytest.mark.parametrize("command", [("extract",), ("build", "--min-translated", "0")])
@pytest.mark.parametrize(("fixture", "line", "words"), BAD_SOURCES)
def test_bad_source_fails_cleanly(
    tmp_path: Path, fixture: str, line: int, words: str, command: tuple[str, ...]
) -> None:
    """A source that is not UTF-8 text, is empty or has a bad date, next to a good one whose
    template and editions are out of date: one line naming it, nothing written."""
    root = new_project(tmp_path / "project")
    (root / "source" / "explainer.txt").write_text(
        (HOSTILE / "project" / "explainer.txt").read_text(encoding="utf-8") + "\nNeu.\n",
        encoding="utf-8",
    )
    shutil.copy(HOSTILE / "source" / fixture, root / "source" / fixture)
    before = snapshot(root)
    assert_fails_cleanly(
        invoke(*command, "-C", root), f"source/{fixture}", line, words, root, before
    )


def test_ten_megabyte_single_line_source_works(tmp_path: Path) -> None:
    """A 10 MB source on one line goes through extract, update and build: one segment, and the
    txt edition with that segment translated as itself gives the source back."""
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    words = ("Waffenstillstand", "Sicherheitsgarantien", "für", "die", "Ukraine")
    line = " ".join(words[i % len(words)] for i in range(10 * 1024 * 1024 // 9)) + "."
    (root / "source" / "long.txt").write_text(line, encoding="utf-8")
    (root / "explainer-i18n.toml").write_text('languages = ["uk"]\n', encoding="utf-8")
    ok(spawn("extract", "-C", root))
    ok(spawn("update", "-C", root))
    catalog = catalog_path(root, "uk", "long")
    assert [m.msgid for m in parse_po(catalog.read_bytes(), "long.po").messages] == [line]
    fill(catalog, lambda msgid: msgid)
    ok(spawn("build", "-C", root))
    assert (root / "build" / "uk" / "long.txt").read_text(encoding="utf-8") == line


def test_megabytes_of_blank_lines_around_a_paragraph_extract_to_it(tmp_path: Path) -> None:
    """A source of one paragraph between 4 MB of blank lines extracts to that paragraph alone.
    (Merging each blank line into the text before it once copied that text every time: work
    growing with the square of the length, which at this size outlasts the hang guard.)"""
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    text = "\n" * 2_000_000 + "Ein Absatz.\n" + "\n" * 2_000_000
    (root / "source" / "blank.txt").write_text(text, encoding="utf-8")
    ok(spawn("extract", "-C", root))
    template = (root / "locales" / "templates" / "blank.pot").read_bytes()
    assert [m.msgid for m in parse_po(template, "blank.pot").messages] == ["Ein Absatz."]


def test_one_long_line_of_a_repeated_sentence_extracts_every_sentence(tmp_path: Path) -> None:
    """A 4 MB line repeating one sentence, in sentence mode, extracts to that sentence, noted
    once for each of its places. (Rescanning the line for every sentence once made the work
    grow with the square of the length, which at this size outlasts the hang guard.)"""
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    count = 4 * 1024 * 1024 // len("Das ist ein Satz. ")
    (root / "source" / "long.txt").write_text("Das ist ein Satz. " * count, encoding="utf-8")
    (root / "explainer-i18n.toml").write_text('segmentation = "sentence"\n', encoding="utf-8")
    ok(spawn("extract", "-C", root))
    template = (root / "locales" / "templates" / "long.pot").read_bytes()
    [message] = parse_po(template, "long.pot").messages
    assert message.msgid == "Das ist ein Satz."
    lead = "of paragraph 1 of the lead, before any question"
    assert message.extracted_comments == tuple(
        f"sentence {number} {lead}" for number in range(1, count + 1)
    )


# --- file names with spaces and non-Latin letters ----------------------------------------------

ODD_NAME = "Was ist los – Київ"


@pytest.fixture
def odd_project(tmp_path: Path) -> Path:
    """A project whose explainer is called ``Was ist los – Київ.txt``, translated and built."""
    root = tmp_path / "project"
    (root / "source").mkdir(parents=True)
    shutil.copy(HOSTILE / "project" / "explainer.txt", root / "source" / f"{ODD_NAME}.txt")
    (root / "explainer-i18n.toml").write_text('languages = ["en", "uk"]\n', encoding="utf-8")
    ok(invoke("extract", "-C", root))
    ok(invoke("update", "-C", root))
    for lang in ("en", "uk"):
        fill(catalog_path(root, lang, ODD_NAME), translations(lang).__getitem__)
    ok(invoke("build", "-C", root))
    return root


def test_file_names_with_spaces_and_cyrillic_work(odd_project: Path) -> None:
    """extract, update and build work on such a name: references name the file (in gettext's
    isolates), read back whole, msgcat leaves every file as it is, editions exist, reruns
    change nothing."""
    root = odd_project
    template = root / "locales" / "templates" / f"{ODD_NAME}.pot"
    text = template.read_text(encoding="utf-8")
    assert f"#: \u2068source/{ODD_NAME}.txt\u2069:1\n" in text
    references = [m.references for m in parse_po(template.read_bytes(), "t").messages]
    assert references[0] == (f"source/{ODD_NAME}.txt:1",)
    assert all(r[0].startswith(f"source/{ODD_NAME}.txt:") for r in references)
    for path in [template, catalog_path(root, "en", ODD_NAME), catalog_path(root, "uk", ODD_NAME)]:
        assert msgcat_output(path) == path.read_bytes(), path
    for fmt in ("txt", "md", "html", "json"):
        assert (root / "build" / "uk" / f"{ODD_NAME}.{fmt}").is_file()
    before = snapshot(root)
    for command in ("extract", "update", "build"):
        ok(invoke(command, "-C", root))
    after = snapshot(root)
    # The tool's own memo of what it last saw may change; the project's files may not.
    assert {k: v for k, v in after.items() if not k.startswith(STATE)} == {
        k: v for k, v in before.items() if not k.startswith(STATE)
    }


def test_alternate_links_of_odd_file_names_are_valid_urls(odd_project: Path) -> None:
    """The hreflang links of an explainer whose file name has spaces are valid URLs."""
    page = (odd_project / "build" / "uk" / f"{ODD_NAME}.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<link rel="alternate"[^>]* href="([^"]*)"', page)
    assert hrefs
    assert all(" " not in href for href in hrefs), hrefs


# --- files that cannot be read or written ------------------------------------------------------


@pytest.fixture(scope="module")
def unprivileged() -> tuple[str, ...]:
    """A command prefix under which file permissions hold. As root they do not (root reads and
    writes mode-000 files), so there the run drops the capabilities that bypass them."""
    if os.geteuid() != 0:
        return ()
    prefix = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bite")
    return prefix


@pytest.mark.parametrize(
    ("command", "target", "where"),
    [
        pytest.param("extract", "source/explainer.txt", "source/explainer.txt", id="source"),
        pytest.param("update", f"locales/uk/LC_MESSAGES/{SLUG}.po", None, id="catalog"),
        pytest.param("update", f"locales/templates/{SLUG}.pot", None, id="template"),
        pytest.param("build", f"locales/en/LC_MESSAGES/{SLUG}.po", None, id="build-catalog"),
        pytest.param("extract", "source", "source", id="source-folder"),
        pytest.param("update", "explainer-i18n.toml", None, id="config"),
    ],
)
def test_unreadable_file_fails_cleanly(
    tmp_path: Path, unprivileged: tuple[str, ...], command: str, target: str, where: str | None
) -> None:
    """A file (or the source folder) the user may not read: one line naming it, exit 2."""
    root = new_project(tmp_path / "project")
    with (root / "source" / "explainer.txt").open("a", encoding="utf-8") as source:
        source.write("\nNeu.\n")  # else extract skips the unchanged source without reading it
    before = snapshot(root)
    mode = (root / target).stat().st_mode
    (root / target).chmod(0)
    try:
        run = spawn(command, "-C", root, prefix=unprivileged)
    finally:
        (root / target).chmod(mode)
    assert_fails_cleanly(run, where or target, None, "Permission denied", root, before)


ODD_FILES = [
    ("folder", "is a folder"),
    ("dangling-link", "No such file"),
    ("link-loop", "loop of symbolic links"),
    ("named-pipe", "not a regular file"),
]
CATALOG = f"locales/uk/LC_MESSAGES/{SLUG}.po"
ODD_CASES = [
    pytest.param(
        command,
        target,
        kind,
        words,
        id=f"{command}-{kind}",
    )
    for command, target in [
        ("extract", "source/explainer.txt"),
        ("update", CATALOG),
        ("build", CATALOG),
        ("check", CATALOG),
    ]
    for kind, words in ODD_FILES
    # check skips a catalog that does not exist yet, and a broken link is such a catalog
    if not (command == "check" and "link" in kind)
]


@pytest.mark.parametrize(("command", "target", "kind", "words"), ODD_CASES)
def test_something_else_where_a_file_is_expected_fails_cleanly(
    tmp_path: Path, command: str, target: str, kind: str, words: str
) -> None:
    """A folder, a dangling or looping symbolic link, or a named pipe (which would block a
    plain read forever: the hang guard stops such a run) where a source or catalog should be:
    one line naming it, exit 2."""
    root = new_project(tmp_path / "project", edited=False)
    path = root / target
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "dangling-link":
        path.symlink_to("nowhere.txt")
    elif kind == "link-loop":
        path.symlink_to(path.name)
    else:
        os.mkfifo(path)
    before = snapshot(root)
    run = spawn(command, "-C", root)
    assert_fails_cleanly(run, target, None, words, root, before)


def test_read_only_locales_fails_cleanly(tmp_path: Path, unprivileged: tuple[str, ...]) -> None:
    """update into a write-protected locales/ tree: one line naming the catalog, no file
    changed, no temporary file left."""
    root = new_project(tmp_path / "project")
    folders = [root / "locales", *(p for p in (root / "locales").rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        before = snapshot(root)
        run = spawn("update", "-C", root, prefix=unprivileged)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert_fails_cleanly(run, f"locales/en/LC_MESSAGES/{SLUG}.po", None, "cannot", root, before)
    assert "Permission denied" in run.stderr


def test_read_only_build_folder_fails_cleanly(
    tmp_path: Path, unprivileged: tuple[str, ...]
) -> None:
    """build into a write-protected build/en: one line naming the edition, nothing written."""
    root = new_project(tmp_path / "project", edited=False)
    (root / "build" / "en").mkdir(parents=True)
    (root / "build" / "en").chmod(0o555)
    try:
        before = snapshot(root)
        run = spawn("build", "-C", root, prefix=unprivileged)
    finally:
        (root / "build" / "en").chmod(0o755)
    assert_fails_cleanly(run, f"build/en/{SLUG}.txt", None, "Permission denied", root, before)


@pytest.mark.parametrize(
    ("command", "blocker", "where"),
    [
        pytest.param(("update",), "locales/uk", f"locales/uk/LC_MESSAGES/{SLUG}.po", id="update"),
        pytest.param(
            ("build", "--min-translated", "0"), "build/uk", f"build/uk/{SLUG}.txt", id="build"
        ),
        pytest.param(
            ("extract",), "locales/templates", f"locales/templates/{SLUG}.pot", id="extract"
        ),
    ],
)
def test_write_under_a_regular_file_fails_cleanly(
    tmp_path: Path, command: tuple[str, ...], blocker: str, where: str
) -> None:
    """A regular file where a folder of outputs should be makes every write there fail, as root
    too: one line naming the output, no file changed."""
    root = new_project(tmp_path / "project")
    shutil.rmtree(root / blocker, ignore_errors=True)
    (root / blocker).parent.mkdir(parents=True, exist_ok=True)
    (root / blocker).write_text("not a folder\n", encoding="utf-8")
    before = snapshot(root)
    run = invoke(*command, "-C", root)
    assert_fails_cleanly(run, where, None, "Not a directory", root, before)


# --- glossaries with XML entities --------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with an empty DTD and remembers its path."""

    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY fromdtd "pwned">')

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def _server() -> Iterator[tuple[int, list[str]]]:
    """A local web server that an XML parser fetching a DTD or entity would reach."""
    requests: list[str] = []
    handler = type("Handler", (_Recorder,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1], requests
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def web_server(_server: tuple[int, list[str]]) -> tuple[int, list[str]]:
    """The local web server, with no requests recorded yet."""
    _server[1].clear()
    return _server


TBX = [
    pytest.param("external_entity.tbx", "entity 'secret' declared", id="external-entity"),
    pytest.param("parameter_entity.tbx", "entity 'remote' declared", id="parameter-entity"),
    pytest.param("entity_bomb.tbx", "entity 'lol' declared", id="billion-laughs"),
    pytest.param("quadratic_blowup.tbx", "entity 'big' declared", id="quadratic-blowup"),
    pytest.param("external_dtd.tbx", "undefined entity &fromdtd;", id="external-dtd"),
]


def _tbx(name: str, port: int, target: Path, secret: Path = Path("/dev/null")) -> Path:
    """A TBX fixture with the local web server's port and a secret file's path filled in."""
    text = (HOSTILE / "tbx" / name).read_text(encoding="utf-8")
    text = text.replace("PORT", str(port)).replace("SECRET", secret.as_posix())
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(("fixture", "words"), TBX)
def test_hostile_tbx_given_to_check_is_refused(
    tmp_path: Path, web_server: tuple[int, list[str]], fixture: str, words: str
) -> None:
    """``check --glossary X.tbx`` refuses entities in one line, fetches nothing, leaks nothing."""
    port, requests = web_server
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cr3t-7f1d", encoding="utf-8")
    tbx = _tbx(fixture, port, tmp_path / fixture, secret)
    catalog = tmp_path / "uk.po"
    shutil.copy(HOSTILE / "project" / "uk.po", catalog)
    before = snapshot(tmp_path)
    run = invoke("check", "--glossary", tbx, catalog)
    line = 7 if fixture == "external_dtd.tbx" else 3  # the first entity declaration
    assert_fails_cleanly(run, str(tbx), line, words, tmp_path, before)
    assert requests == []
    assert "s3cr3t" not in run.stdout + run.stderr


@pytest.mark.parametrize(
    "command", [("check",), ("update",), ("glossary", "lint"), ("glossary", "export")]
)
@pytest.mark.parametrize(("fixture", "words"), TBX)
def test_hostile_tbx_as_project_glossary_is_refused(
    tmp_path: Path,
    web_server: tuple[int, list[str]],
    fixture: str,
    words: str,
    command: tuple[str, ...],
) -> None:
    """The same TBX files as the project's glossary: every command that reads it refuses it."""
    port, requests = web_server
    root = new_project(tmp_path / "project")
    (root / "explainer-i18n.toml").write_text(
        'languages = ["en", "uk"]\nglossary = "locales/glossary.tbx"\n', encoding="utf-8"
    )
    _tbx(fixture, port, root / "locales" / "glossary.tbx")
    before = snapshot(root)
    run = invoke(*command, "-C", root)
    line = 7 if fixture == "external_dtd.tbx" else 3  # the first entity declaration
    assert_fails_cleanly(run, "locales/glossary.tbx", line, words, root, before)
    assert requests == []


def test_plain_tbx_is_accepted(tmp_path: Path) -> None:
    """The control case: the same TBX without entities is read and its term checked (so the
    refusals are about the entities): clean where Ukraine is Україна, two findings where not."""
    catalog = tmp_path / "uk.po"
    shutil.copy(HOSTILE / "project" / "uk.po", catalog)
    tbx = HOSTILE / "tbx" / "ok.tbx"
    assert ok(invoke("check", "--glossary", tbx, catalog)).stdout == "no findings\n"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("Україн", "Країн"), encoding="utf-8")
    run = ok(invoke("check", "--glossary", tbx, catalog), 1)
    missing = re.findall(r":(\d+): glossary-missing-term error: \"Ukraine\"", run.stdout)
    assert missing == ["24", "52"], run.stdout


# --- translations that try to break out of the HTML --------------------------------------------


class _Page(HTMLParser):
    """Collects the elements of a page, the text in script elements and outside them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _strings(value: object) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_script_tags_in_translations_stay_inert(tmp_path: Path) -> None:
    """Translations holding ``</script>``, ``<script>``, ``<!--`` and ``]]>`` build; the HTML
    edition has only its own JSON-LD script, which parses back to the translations, the page
    text shows them literally, the JSON edition round-trips them and Markdown escapes them."""
    root = new_project(tmp_path / "project", edited=False)
    shutil.copy(HOSTILE / "project" / "script.uk.po", catalog_path(root, "uk"))
    hostile = list(translations("script.uk").values())
    ok(invoke("build", "-C", root))
    page = _Page()
    page.feed((root / "build" / "uk" / f"{SLUG}.html").read_text(encoding="utf-8"))
    page.close()
    assert [tag for tag, _ in page.tags].count("script") == 1
    assert [attrs for tag, attrs in page.tags if tag == "script"] == [
        {"type": "application/ld+json"}
    ]
    assert "img" not in [tag for tag, _ in page.tags]
    assert page.comments == []
    in_json_ld = set(_strings(json.loads(page.scripts[0])))
    shown = "".join(page.text)
    for text in hostile:
        assert text.strip() in shown
        assert any(text.strip() in value for value in in_json_ld), text
    edition = json.loads((root / "build" / "uk" / f"{SLUG}.json").read_text(encoding="utf-8"))
    values = set(_strings(edition))
    assert all(text in values for text in hostile)
    markdown = (root / "build" / "uk" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert re.search(r"(?<!\\)<\s*/?\s*script", markdown, re.IGNORECASE) is None


# --- settings and links that point outside the project -----------------------------------------

CONFIGS = [
    pytest.param("glossary_parent.toml", 3, "glossary must be a relative path", id="glossary-up"),
    pytest.param(
        "glossary_absolute.toml", 2, "glossary must be a relative path", id="glossary-abs"
    ),
    pytest.param("glossary_dotdot_inside.toml", 2, "glossary must be", id="glossary-dotdot"),
    pytest.param("languages_parent.toml", 2, "'../../etc' is not a known", id="languages-up"),
    pytest.param("languages_nested.toml", 1, "is not a known language", id="languages-nested"),
    pytest.param("source_language_parent.toml", 1, "is not a known", id="source-language-up"),
]


@pytest.mark.parametrize("command", ["update", "build", "check"])
@pytest.mark.parametrize(("fixture", "line", "words"), CONFIGS)
def test_config_pointing_outside_the_project_fails_cleanly(
    tmp_path: Path, fixture: str, line: int, words: str, command: str
) -> None:
    """A glossary or language that would lead out of the project: one line naming the setting."""
    root = new_project(tmp_path / "project")
    shutil.copy(HOSTILE / "config" / fixture, root / "explainer-i18n.toml")
    before = snapshot(root)
    run = invoke(command, "-C", root)
    assert_fails_cleanly(run, "explainer-i18n.toml", line, words, root, before)


def test_pyproject_language_outside_the_project_fails_cleanly(tmp_path: Path) -> None:
    """The same in a pyproject.toml's [tool.explainer-i18n] table names pyproject.toml."""
    root = new_project(tmp_path / "project")
    (root / "explainer-i18n.toml").unlink()
    shutil.copy(HOSTILE / "config" / "pyproject_languages_parent.toml", root / "pyproject.toml")
    before = snapshot(root)
    run = invoke("update", "-C", root)
    assert_fails_cleanly(run, "pyproject.toml", 5, "'../../etc' is not a known", root, before)


@pytest.mark.parametrize("absolute", [True, False], ids=["absolute", "relative"])
@pytest.mark.parametrize(
    ("command", "link"),
    [
        pytest.param("extract", "source/outside.txt", id="extract-source"),
        pytest.param("build", "source/outside.txt", id="build-source"),
        pytest.param("update", f"locales/uk/LC_MESSAGES/{SLUG}.po", id="update-catalog"),
        pytest.param("build", f"locales/uk/LC_MESSAGES/{SLUG}.po", id="build-catalog"),
        pytest.param(
            "update",
            f"locales/templates/{SLUG}.pot",
            id="update-template",
        ),
        pytest.param("update", "locales/glossary.csv", id="update-glossary"),
        pytest.param("check", "locales/glossary.csv", id="check-glossary"),
    ],
)
def test_symbolic_link_to_a_file_outside_is_refused(
    tmp_path: Path, command: str, link: str, absolute: bool
) -> None:
    """A source, catalog, template or glossary that links to a file outside the project is
    refused before it is read, and the outside file is left alone."""
    root = new_project(tmp_path / "project", edited=False)
    outside = tmp_path / "outside" / Path(link).name
    outside.parent.mkdir()
    if (root / link).exists():
        shutil.move(root / link, outside)
    else:
        outside.write_text("concept_id,lang,term,status\n", encoding="utf-8")
    target = outside if absolute else Path(os.path.relpath(outside, (root / link).parent))
    (root / link).symlink_to(target)
    before = snapshot(tmp_path)
    run = invoke(command, "-C", root)
    assert_fails_cleanly(run, link, None, "points outside the project", tmp_path, before)


@pytest.mark.parametrize(
    ("command", "folder", "where"),
    [
        pytest.param("update", "locales/uk", "locales/uk", id="update"),
        pytest.param("build", "build/uk", "build/uk", id="build"),
        pytest.param("extract", ".explainer-i18n", ".explainer-i18n", id="state"),
    ],
)
def test_output_folder_linked_outside_is_refused(
    tmp_path: Path, command: str, folder: str, where: str
) -> None:
    """A locales/<lang>, build/<lang> or .explainer-i18n folder that is a link to a folder
    outside the project (say, committed to a repository): exit 2, one line naming the link
    (the thing to fix), nothing written there or anywhere else."""
    root = new_project(tmp_path / "project", edited=False)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(root / folder, ignore_errors=True)
    (root / folder).parent.mkdir(parents=True, exist_ok=True)
    (root / folder).symlink_to(outside)
    before = snapshot(tmp_path)
    run = invoke(command, "-C", root)
    assert_fails_cleanly(run, where, None, "points outside the project", tmp_path, before)
    assert list(outside.iterdir()) == []


def test_lock_file_that_is_a_symbolic_link_is_not_followed(tmp_path: Path) -> None:
    """A ``.explainer-i18n.lock`` committed as a link elsewhere creates no file where it points."""
    root = new_project(tmp_path / "project", edited=False)
    planted = tmp_path / "planted"
    (root / ".explainer-i18n.lock").unlink()
    (root / ".explainer-i18n.lock").symlink_to(planted)
    before = snapshot(tmp_path)
    run = invoke("update", "-C", root)
    assert_fails_cleanly(run, ".explainer-i18n.lock", None, "symbolic link", tmp_path, before)
    assert not planted.exists()


# --- where the output goes ---------------------------------------------------------------------


def test_output_to_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    """``explainer-i18n check --list | head -0``: the reader is gone; the run stops with the
    status a SIGPIPE gives (141) and prints no traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "explainer_i18n", "check", "--list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=HANG_GUARD)
    assert proc.returncode == 141
    assert stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_to_a_full_disk_fails_cleanly(tmp_path: Path) -> None:
    """stdout on a full disk (/dev/full): one error line and exit 2, not a traceback."""
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "explainer_i18n", "check", "--list"],
            stdout=full,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            timeout=HANG_GUARD,
            check=False,
        )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == ["explainer-i18n: error: No space left on device"]
