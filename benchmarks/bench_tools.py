"""The command lines of our tool and of the peers, as steps for bench_measure."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench_measure import Steps

HERE = Path(__file__).resolve().parent
LANGS = ("en", "uk", "fr")


@dataclass(frozen=True)
class Tools:
    """Where the tools are and how they run."""

    python: str
    """The interpreter of the benchmark venv (runs our tool and Babel)."""
    env: dict[str, str]
    """Environment for every command (PYTHONPATH to the tool's sources, SOURCE_DATE_EPOCH)."""

    def bin(self, name: str) -> str:
        """A console script of the benchmark venv, else one on PATH."""
        local = Path(self.python).parent / name
        return str(local) if local.exists() else (shutil.which(name) or name)

    def ours(self, project: Path, *args: str) -> list[str]:
        """``python -m explainer_i18n ARGS -C PROJECT``."""
        return [self.python, "-m", "explainer_i18n", *args, "-C", str(project)]

    def run_ours(self, project: Path, *args: str) -> None:
        """Run our tool untimed (to prepare a state); fail loudly on an error exit."""
        done = subprocess.run(
            self.ours(project, *args), env=self.env, capture_output=True, text=True, check=False
        )
        if done.returncode >= 2:
            raise RuntimeError(f"explainer-i18n {' '.join(args)}: {done.stderr[-2000:]}")


def slugs(project: Path) -> list[str]:
    """The explainers of a project, by its templates."""
    return sorted(p.stem for p in (project / "locales" / "templates").glob("*.pot"))


def _script(project: Path, name: str, lines: list[str]) -> list[str]:
    """Write a shell script into the copy (untimed) and return the command that runs it."""
    folder = project / ".bench"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["sh", str(path)]


def msgmerge_steps(project: Path) -> Steps:
    """GNU msgmerge --previous, one call per catalog, updating in place (like a Makefile)."""
    lines = [
        f"msgmerge --quiet --previous --update --backup=none "
        f"{shlex.quote(f'locales/{lang}/LC_MESSAGES/{slug}.po')} "
        f"{shlex.quote(f'locales/templates/{slug}.pot')} || exit 1"
        for slug in slugs(project)
        for lang in LANGS
    ]
    return [_script(project, "msgmerge.sh", lines)]


def msgfmt_steps(project: Path) -> Steps:
    """``msgfmt -c`` on every catalog, one call each; a catalog it rejects fails the run."""
    lines = [
        f"msgfmt -c -o /dev/null {shlex.quote(f'locales/{lang}/LC_MESSAGES/{slug}.po')} || exit 1"
        for slug in slugs(project)
        for lang in LANGS
    ]
    return [_script(project, "msgfmt.sh", lines)]


def pot2po_steps(tools: Tools, project: Path) -> Steps:
    """translate-toolkit pot2po with the old catalogs as templates (fuzzy matching on), one call
    per language over the whole folder; it writes new catalogs to pot2po/<lang>/."""
    (project / "pot2po").mkdir(exist_ok=True)
    return [
        [tools.bin("pot2po"), "--progress=none", "-t", f"locales/{lang}/LC_MESSAGES",
         "-i", "locales/templates", "-o", f"pot2po/{lang}"]
        for lang in LANGS
    ]  # fmt: skip


def pofilter_steps(tools: Tools, project: Path) -> Steps:
    """translate-toolkit pofilter with its standard checks, one call per language."""
    (project / "pofilter").mkdir(exist_ok=True)
    return [
        [tools.bin("pofilter"), "--progress=none", f"--language={lang}",
         "-i", f"locales/{lang}/LC_MESSAGES", "-o", f"pofilter/{lang}"]
        for lang in LANGS
    ]  # fmt: skip


def babel_steps(tools: Tools, project: Path) -> Steps:
    """Babel's Catalog.update over every catalog in one process (see peer_babel.py)."""
    return [[tools.python, str(HERE / "peer_babel.py"), str(project), *LANGS]]


def po4a_config(project: Path) -> Path:
    """A po4a configuration doing what extract + update + build do: one template and one catalog
    per explainer and language, and a translated text per explainer and language."""
    lines = [
        "[po4a_langs] " + " ".join(LANGS),
        "[po4a_paths] po4a/templates/$master.pot $lang:po4a/$lang/$master.po",
    ]
    for source in sorted((project / "source").glob("*.txt")):
        lines.append(
            f"[type: text] source/{source.name} $lang:po4a-build/$lang/{source.name} "
            f"pot={source.stem}"
        )
    for folder in ("templates", *LANGS):
        (project / "po4a" / folder).mkdir(parents=True, exist_ok=True)
    path = project / ".bench" / "po4a.cfg"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def po4a_steps(project: Path) -> Steps:
    """po4a over the whole project in one call (it runs msgmerge itself for each catalog)."""
    config = po4a_config(project)
    return [
        ["po4a", "--no-backups", "--master-charset", "UTF-8", "--localized-charset", "UTF-8",
         "--keep", "0", str(config)]
    ]  # fmt: skip


def versions(tools: Tools) -> dict[str, str]:
    """Versions of everything measured, for the results file."""

    def first_line(command: list[str]) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as error:
            return f"unavailable ({error})"
        return (
            (done.stdout or done.stderr).strip().splitlines()[0]
            if done.stdout or done.stderr
            else ""
        )

    return {
        "python": sys.version.split()[0],
        "msgmerge": first_line(["msgmerge", "--version"]),
        "pot2po": first_line([tools.bin("pot2po"), "--version"]),
        "pofilter": first_line([tools.bin("pofilter"), "--version"]),
        "babel": first_line([tools.python, "-c", "import babel; print(babel.__version__)"]),
        "po4a": first_line(["po4a", "--version"]),
    }
