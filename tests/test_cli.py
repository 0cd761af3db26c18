"""End-to-end tests of the commands through click's CliRunner: files written and exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from explainer_i18n.cli import cli

Q1 = "Wie geht es weiter?"
P1 = "Die Gespräche dauern an. Ein Ergebnis gibt es nicht."
SOURCE = f"date 2026-01-06 {Q1}\n\n{P1}\n"


def run(root: Path, *args: str) -> Result:
    """Run a command on the project at ``root``."""
    return CliRunner().invoke(cli, [*args, "-C", str(root)], catch_exceptions=False)


def translate(po: Path, mapping: dict[str, str]) -> None:
    """Fill msgstr "" after each msgid in the mapping (a translator's editor, roughly)."""
    text = po.read_text(encoding="utf-8")
    for msgid, msgstr in mapping.items():
        text = text.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"')
    po.write_text(text, encoding="utf-8")


@pytest.fixture
def project(make_project: Callable[..., Path]) -> Path:
    """A project with one short explainer, extracted and updated for en and uk."""
    root = make_project({"x.txt": SOURCE}, 'languages = ["en", "uk"]\n')
    assert run(root, "extract").exit_code == 0
    assert run(root, "update").exit_code == 0
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of a project and its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_extract_and_update_write_template_and_catalogs(project: Path) -> None:
    """extract writes locales/templates/x.pot; update writes one catalog per language."""
    pot = (project / "locales/templates/x.pot").read_text(encoding="utf-8")
    assert f'msgid "{Q1}"' in pot and "#: source/x.txt:1" in pot and "#. question" in pot
    uk = (project / "locales/uk/LC_MESSAGES/x.po").read_text(encoding="utf-8")
    assert '"Language: uk\\n"' in uk and "nplurals=3" in uk


def _project_files(root: Path) -> dict[str, bytes]:
    """The project's files but the tool's own state."""
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".explainer-i18n")}


def test_second_runs_change_no_byte_and_check_passes(project: Path) -> None:
    """Running extract and update again changes no file of the project (the state may note
    that files read just before the first run are settled now); a third run changes no byte
    at all; --check exits 0."""
    before = _project_files(project)
    for _ in range(2):
        assert run(project, "extract").exit_code == 0
        assert run(project, "update").exit_code == 0
        assert _project_files(project) == before
        settled = snapshot(project)
    assert run(project, "extract").exit_code == 0
    assert run(project, "update").exit_code == 0
    assert snapshot(project) == settled
    assert run(project, "extract", "--check").exit_code == 0
    assert run(project, "update", "--check").exit_code == 0


def test_check_modes_exit_1_without_writing(project: Path) -> None:
    """After a source edit, extract --check and update --check exit 1 and write nothing."""
    (project / "source/x.txt").write_text(SOURCE.replace("an.", "noch an."), encoding="utf-8")
    before = snapshot(project)
    result = run(project, "extract", "--check")
    assert result.exit_code == 1 and "locales/templates/x.pot" in result.output
    assert snapshot(project) == before
    run(project, "extract")
    before = snapshot(project)
    assert run(project, "update", "--check").exit_code == 1
    assert snapshot(project) == before


def test_template_date_moves_only_when_content_changes(project: Path) -> None:
    """POT-Creation-Date stays put on a rerun and moves when the German changes."""
    pot = project / "locales/templates/x.pot"
    first = pot.read_bytes()
    run(project, "extract")
    assert pot.read_bytes() == first
    (project / "source/x.txt").write_text(SOURCE + "\nNeu.\n", encoding="utf-8")
    run(project, "extract")
    assert b"Neu." in pot.read_bytes()


def test_edit_keeps_translation_as_fuzzy(project: Path) -> None:
    """A translated paragraph edited in the source comes back fuzzy with #| msgid."""
    po = project / "locales/en/LC_MESSAGES/x.po"
    translate(po, {P1: "Talks go on. There is no result."})
    (project / "source/x.txt").write_text(SOURCE.replace("an.", "weiter an."), encoding="utf-8")
    run(project, "extract")
    run(project, "update")
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" in text and f'#| msgid "{P1}"' in text and "Talks go on." in text


def test_build_blocks_incomplete_editions(project: Path) -> None:
    """With untranslated segments build writes nothing, names each segment and exits 1."""
    result = run(project, "build")
    assert result.exit_code == 1
    assert "source/x.txt:1: en: untranslated: Wie geht es weiter?" in result.output
    assert not (project / "build").exists()


def test_build_min_translated_lists_fallbacks(project: Path) -> None:
    """--min-translated allows a partial edition and lists what fell back to German."""
    translate(project / "locales/en/LC_MESSAGES/x.po", {Q1: "What next?"})
    translate(project / "locales/uk/LC_MESSAGES/x.po", {Q1: "Що далі?"})
    result = run(project, "build", "--min-translated", "50")
    assert result.exit_code == 0, result.output
    assert (
        "source/x.txt:3: en: untranslated:" in result.output
        and "published in German" in result.output
    )
    assert (project / "build/en/x.txt").read_text(
        encoding="utf-8"
    ) == f"date 2026-01-06 What next?\n\n{P1}\n"


def test_build_complete_writes_four_formats_per_language(project: Path) -> None:
    """A fully translated catalog gives txt, md, html and json editions; exit 0."""
    translate(project / "locales/en/LC_MESSAGES/x.po", {Q1: "What next?", P1: "Talks go on."})
    translate(
        project / "locales/uk/LC_MESSAGES/x.po", {Q1: "Що далі?", P1: "Переговори тривають."}
    )
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    for lang in ("en", "uk"):
        assert sorted(p.suffix for p in (project / "build" / lang).iterdir()) == [
            ".html",
            ".json",
            ".md",
            ".txt",
        ]
    assert "January 6, 2026" in (project / "build/en/x.md").read_text(encoding="utf-8")


def test_fuzzy_is_never_published(project: Path) -> None:
    """A fuzzy translation blocks the edition like an untranslated one."""
    po = project / "locales/en/LC_MESSAGES/x.po"
    translate(po, {Q1: "What next?", P1: "Talks go on."})
    po.write_text(
        po.read_text(encoding="utf-8").replace(f'msgid "{P1}"', f'#, fuzzy\nmsgid "{P1}"'),
        encoding="utf-8",
    )
    result = run(project, "build", "--lang", "en")
    assert result.exit_code == 1 and "en: fuzzy:" in result.output


def test_status_text_and_json(project: Path) -> None:
    """status counts entries and words per catalog, with totals, as a table or JSON."""
    translate(project / "locales/en/LC_MESSAGES/x.po", {Q1: "What next?"})
    data = json.loads(run(project, "status", "--format", "json").output)
    en = next(r for r in data["catalogs"] if r["lang"] == "en")
    assert (en["translated"], en["untranslated"], en["translated_words"]) == (1, 1, 4)
    assert data["totals"][-1]["lang"] == "all"
    assert "total" in run(project, "status").output


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (
            lambda r: (r / "source/y.txt").write_bytes(b"Fr\xfcher?\n"),
            "source/y.txt:1: not valid UTF-8",
        ),
        (
            lambda r: (r / "source/y.txt").write_text("date 2026-02-31 Frage?\n"),
            "source/y.txt:1: date header",
        ),
        (
            lambda r: (r / "explainer-i18n.toml").write_text('languages = ["zz"]\n'),
            "explainer-i18n.toml:1:",
        ),
        (lambda r: shutil.rmtree(r / "source"), "no source/ folder"),
        (
            lambda r: (r / "locales/en/LC_MESSAGES/x.po").write_text('msgid "a"\nmsgstr "b\n'),
            "x.po:2:",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_file_changed(
    project: Path, setup: Callable[[Path], object], words: str
) -> None:
    """Bad input: one clear line on stderr naming file (and line), exit 2, every file as it was
    before the command that found it."""
    setup(project)
    for command in ("extract", "update", "build"):
        before = snapshot(project)
        result = CliRunner().invoke(cli, [command, "-C", str(project)])
        if result.exit_code == 0:
            continue
        assert result.exit_code == 2, result.output
        assert words in result.output
        assert "Traceback" not in result.output
        assert len([line for line in result.output.splitlines() if "error" in line]) == 1
        assert snapshot(project) == before
        return
    pytest.fail("no command reported the bad input")


def test_written_files_are_msgcat_fixed_points_and_pass_msgfmt(project: Path) -> None:
    """Every .pot and .po the tool writes comes back unchanged from msgcat and passes msgfmt -c."""
    assert shutil.which("msgcat"), "GNU gettext is needed (CI installs it)"
    translate(project / "locales/uk/LC_MESSAGES/x.po", {Q1: "Що далі?"})
    (project / "source/x.txt").write_text(
        SOURCE.replace("an.", "weiter an.") + "\nNeu dazu.\n", encoding="utf-8"
    )
    run(project, "extract")
    run(project, "update")
    for path in sorted((project / "locales").rglob("*.po*")):
        printed = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
        assert printed == path.read_bytes(), path
        subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


def test_repository_project_builds_all_twelve_editions(tmp_path: Path) -> None:
    """The repository's own explainer builds 3 languages x 4 formats with no fallback."""
    from .conftest import copy_repo_project

    root = copy_repo_project(tmp_path)
    result = run(root, "build")
    assert result.exit_code == 0, result.output
    assert len(list((root / "build").rglob("*.*"))) == 12
    assert "German" not in result.output


def test_help_lists_every_command_and_extract_loads_no_checks(project: Path) -> None:
    """--help names all six commands; a pipeline command runs without importing the checks."""
    listed = CliRunner().invoke(cli, ["--help"]).output
    for name in ("extract", "update", "build", "status", "check", "glossary"):
        assert f"  {name} " in listed
    code = (
        "import sys\n"
        "from explainer_i18n.cli import cli\n"
        f"cli(['extract', '-q', '-C', {str(project)!r}], standalone_mode=False)\n"
        "print('explainer_i18n.checking' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
