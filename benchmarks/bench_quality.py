"""Carry-over quality: after each kind of edit, which tool keeps the translators' work, and on
the right entry."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from bench_edits import EDIT_KINDS, Carry, make_edits, score
from bench_measure import Steps, fresh_copy, run_steps
from bench_prepare import Prepared, copy_tree
from bench_tools import LANGS, Tools, babel_steps, msgmerge_steps, pot2po_steps
from corpus import SEED

from explainer_i18n.errors import InputError
from explainer_i18n.model import Catalog
from explainer_i18n.po_parse import parse_po

if TYPE_CHECKING:
    from run import Options

CatalogPath = Callable[[Path, str, str], Path]


def _in_locales(root: Path, slug: str, lang: str) -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"


def _in_pot2po(root: Path, slug: str, lang: str) -> Path:
    return root / "pot2po" / lang / f"{slug}.po"


def _updaters(tools: Tools) -> dict[str, tuple[Callable[[Path], Steps], CatalogPath]]:
    return {
        "ours": (lambda p: [tools.ours(p, "update", "-q")], _in_locales),
        "msgmerge": (msgmerge_steps, _in_locales),
        "pot2po": (lambda p: pot2po_steps(tools, p), _in_pot2po),
        "babel": (lambda p: babel_steps(tools, p), _in_locales),
    }


def _reader(
    root: Path, where: CatalogPath, errors: list[str]
) -> Callable[[str, str], Catalog | None]:
    def read(slug: str, lang: str) -> Catalog | None:
        path = where(root, slug, lang)
        if not path.exists():
            errors.append(f"missing {path.relative_to(root)}")
            return None
        try:
            return parse_po(path.read_bytes(), str(path.relative_to(root)))
        except InputError as error:
            errors.append(str(error))
            return None

    return read


def _edited_state(prep: Prepared, kind: str, count: int) -> tuple[Path, list]:  # type: ignore[type-arg]
    """The translated corpus with ``count`` edits of one kind and templates re-extracted."""
    changed, edits = make_edits(prep.explainers, kind, count, SEED, prep.concepts)
    state = prep.root / f"edits-{kind}"
    copy_tree(prep.state("translated"), state)
    for explainer in changed:
        (state / "source" / f"{explainer.slug}.txt").write_text(
            explainer.source(), encoding="utf-8"
        )
    prep.tools.run_ours(state, "extract", "-q")
    return state, edits


def carry_over(prep: Prepared, options: Options, tools: Tools) -> dict[str, object]:
    """For every edit kind and tool: translations carried, and carried to the right entry."""
    tables = {e.slug: e.translations() for e in prep.explainers}
    scratch = options.workdir / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    updaters = _updaters(tools) if options.peers else {"ours": _updaters(tools)["ours"]}
    kinds: dict[str, dict[str, object]] = {}
    for kind in EDIT_KINDS:
        state, edits = _edited_state(prep, kind, options.edits)
        kinds[kind] = {"edits": len(edits)}
        for name, (steps_for, where) in updaters.items():
            copy = fresh_copy(state, scratch)
            try:
                run, status = run_steps(
                    steps_for(copy), copy, tools.env, 600.0, scratch / "quality.log", {0}
                )
                errors: list[str] = []
                result = (
                    score(edits, _reader(copy, where, errors), tables, LANGS)
                    if status == "ok"
                    else Carry()
                )
                entry = {**asdict(result), "status": status, "seconds": round(run.seconds, 3)}
                if errors:
                    entry["errors"] = errors[:5]
                if name == "ours" and status == "ok":
                    again = run_steps(
                        [tools.ours(copy, "update", "--check")],
                        copy,
                        tools.env,
                        600.0,
                        scratch / "quality.log",
                        {0, 1},
                    )
                    entry["second_update_noop"] = again[0].returncodes == [0]
                kinds[kind][name] = entry
                print(
                    f"  {kind:14} {name:9} carried {result.carried}/{result.total} right {result.right}",
                    flush=True,
                )
            finally:
                shutil.rmtree(copy, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
    return {"explainers": prep.size, "langs": list(LANGS), "kinds": kinds}
