"""The extract/update cycle under random editing: no translation is ever lost, reruns are no-ops.

A hypothesis state machine edits a German explainer (words, sentences, paragraphs, questions,
splits and merges), runs extract + update as the commands do (template and catalog as bytes,
through the same parse, build, merge and serialize functions), and plays a translator
(translate, revise, mark and unmark fuzzy, comment). After every update it checks that every
translation the catalog held before is still there: kept on its entry, carried to an edited
entry as fuzzy with the German it was made for in ``#| msgid``, or kept as an obsolete ``#~``
entry; that a second extract + update changes no byte; and that msgcat leaves both files as
they are. ``EXPLAINER_PIPELINE_EXAMPLES`` sets how many random histories run (default 100).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from explainer_i18n.cli import cli
from explainer_i18n.extract import build_template, same_content
from explainer_i18n.merge import merge_catalog
from explainer_i18n.model import Catalog, Message, Segmentation
from explainer_i18n.po_parse import parse_po
from explainer_i18n.po_serialize import serialize_po
from explainer_i18n.sentences import sentence_spans
from explainer_i18n.source import parse_source

EXAMPLES = int(os.environ.get("EXPLAINER_PIPELINE_EXAMPLES", "100"))
STAMP = "2026-01-06 10:00+0000"
EPOCH = "1767693600"
"""SOURCE_DATE_EPOCH for the commands: the same moment as STAMP."""
LANG = "uk"
SLUG = "erklaerung"
MSGCAT = shutil.which("msgcat")

# Word lists read better as text.
NOUNS = (  # noqa: SIM905
    "Gipfel Paris Ukraine Sicherheit Garantie Verhandlung Waffenstillstand Europa Kiew Berlin "
    "Treffen Ergebnis Frieden Truppen Gebiet Staaten Rückzug Druck Moskau Lösung"
).split()
WORDS = [*NOUNS, *"die der und mit für über nach noch nicht ein eine ist sind hat wird".split()]  # noqa: SIM905
TRANSLATION = st.text(
    alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВҐ .,:;!?\"'\\-–«»%()\n\t0123456789",
    min_size=1,
    max_size=40,
).filter(str.strip)
COMMENT = st.text(alphabet="abcxyzäöü ÄÖÜ-,.!?0123456789", min_size=1, max_size=30)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A German-looking sentence: a noun, a few more words, a full stop."""
    words = [draw(st.sampled_from(NOUNS)), *draw(st.lists(st.sampled_from(WORDS), max_size=8))]
    return " ".join(words) + "."


@st.composite
def questions(draw: st.DrawFn) -> str:
    """A question line."""
    opener = draw(st.sampled_from(["Was", "Wie", "Warum", "Wer", "Wann"]))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6))
    return f"{opener} {' '.join(words)}?"


PARAGRAPH = st.lists(sentences(), min_size=1, max_size=4)
BLOCK = st.one_of(
    questions().map(lambda q: ("question", [q])), PARAGRAPH.map(lambda p: ("paragraph", p))
)


def render(blocks: list[tuple[str, list[str]]], dated: bool) -> str:
    """The source text of the blocks (a question is one line, a paragraph its sentences)."""
    body = "\n\n".join(" ".join(parts) for _, parts in blocks)
    return ("date 2026-01-06\n\n" if dated else "") + body + "\n"


def extract(text: str, old: bytes | None, mode: Segmentation) -> bytes:
    """What ``extract`` leaves in the template file."""
    doc = parse_source(text, f"source/{SLUG}.txt", mode, sentence_spans)
    new = serialize_po(build_template(doc, SLUG, STAMP)).encode("utf-8")
    if old is not None and same_content(old, new):
        return old
    return new


def update(template: bytes, old: bytes | None) -> bytes:
    """What ``update`` leaves in the catalog file."""
    previous = None if old is None else parse_po(old, "c.po")
    new, _ = merge_catalog(parse_po(template, "t.pot"), previous, LANG, STAMP)
    return serialize_po(new).encode("utf-8")


def msgcat(data: bytes, folder: Path) -> bytes:
    """What GNU msgcat prints for a PO file's bytes."""
    assert MSGCAT is not None
    path = folder / "file.po"
    path.write_bytes(data)
    return subprocess.run([MSGCAT, str(path)], capture_output=True, check=True).stdout


def carried_previous(old: Message) -> str:
    """The ``#| msgid`` an old entry's translation carries when its German was edited: the
    German the translation was made for."""
    return old.previous_msgid if old.fuzzy and old.previous_msgid is not None else old.msgid


class Pipeline(RuleBasedStateMachine):
    """A German explainer, its template and one catalog, edited and updated at random."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, list[str]]] = []
        self.dated = False
        self.mode: Segmentation = "paragraph"
        self.template: bytes | None = None
        self.catalog: bytes | None = None
        self.updates = 0
        self.folder = Path(tempfile.mkdtemp(prefix="explainer-pipeline-"))

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # --- the pipeline ---

    @initialize(
        blocks=st.lists(BLOCK, min_size=1, max_size=6),
        dated=st.booleans(),
        mode=st.sampled_from(["paragraph", "sentence"]),
    )
    def start(self, blocks: list[tuple[str, list[str]]], dated: bool, mode: Segmentation) -> None:
        """A first version of the explainer, extracted and updated."""
        self.blocks, self.dated, self.mode = blocks, dated, mode
        self.extract_and_update()

    @rule()
    def extract_and_update(self) -> None:
        """Run extract and update; check that they kept every translation and are idempotent."""
        text = render(self.blocks, self.dated)
        before = parse_po(self.catalog, "c.po").messages if self.catalog else ()
        self.template = extract(text, self.template, self.mode)
        self.catalog = update(self.template, self.catalog)
        after = parse_po(self.catalog, "c.po")
        template = parse_po(self.template, "t.pot")
        assert [m.msgid for m in after.messages if not m.obsolete] == [
            m.msgid for m in template.messages
        ]
        for old in before:
            if old.msgstr:
                self.assert_kept(old, after.messages, {m.msgid for m in template.messages})
        assert extract(text, self.template, self.mode) == self.template
        assert update(self.template, self.catalog) == self.catalog
        self.updates += 1
        if self.updates % 2 == 1:
            assert msgcat(self.template, self.folder) == self.template
            assert msgcat(self.catalog, self.folder) == self.catalog

    def assert_kept(self, old: Message, now: tuple[Message, ...], german: set[str]) -> None:
        """The old entry's translation is still in the catalog, where the rules put it."""
        if old.msgid in german:
            entry = next(m for m in now if m.msgid == old.msgid and not m.obsolete)
            assert (entry.msgstr, entry.fuzzy) == (old.msgstr, old.fuzzy), old
            assert entry.translator_comments == old.translator_comments
            return
        obsolete = [m for m in now if m.obsolete and m.msgid == old.msgid]
        carried = [
            m
            for m in now
            if not m.obsolete and m.fuzzy and m.previous_msgid == carried_previous(old)
        ]
        kept = [m.msgstr for m in obsolete + carried]
        assert old.msgstr in kept, f"translation dropped: {old}"

    # --- the German editor ---

    def paragraphs(self) -> list[int]:
        return [i for i, (kind, _) in enumerate(self.blocks) if kind == "paragraph"]

    @rule(data=st.data())
    def edit_word(self, data: st.DataObject) -> None:
        """Replace one word of a question or paragraph."""
        index = data.draw(st.integers(0, len(self.blocks) - 1))
        kind, parts = self.blocks[index]
        part = data.draw(st.integers(0, len(parts) - 1))
        words = parts[part].split(" ")
        at = data.draw(st.integers(0, len(words) - 2)) if len(words) > 1 else 0
        ending = words[at][-1] if words[at][-1] in ".?" else ""
        words[at] = data.draw(st.sampled_from(NOUNS)) + ending
        self.blocks[index] = (kind, [*parts[:part], " ".join(words), *parts[part + 1 :]])

    @precondition(lambda self: self.paragraphs())
    @rule(data=st.data(), sentence=sentences(), at_start=st.booleans())
    def add_sentence(self, data: st.DataObject, sentence: str, at_start: bool) -> None:
        """Add a sentence at the start or end of a paragraph."""
        index = data.draw(st.sampled_from(self.paragraphs()))
        parts = self.blocks[index][1]
        self.blocks[index] = ("paragraph", [sentence, *parts] if at_start else [*parts, sentence])

    @precondition(lambda self: any(len(self.blocks[i][1]) > 1 for i in self.paragraphs()))
    @rule(data=st.data(), first=st.booleans())
    def remove_sentence(self, data: st.DataObject, first: bool) -> None:
        """Drop the first or last sentence of a paragraph of several."""
        index = data.draw(
            st.sampled_from([i for i in self.paragraphs() if len(self.blocks[i][1]) > 1])
        )
        parts = self.blocks[index][1]
        self.blocks[index] = ("paragraph", parts[1:] if first else parts[:-1])

    @rule(data=st.data(), block=BLOCK)
    def insert_block(self, data: st.DataObject, block: tuple[str, list[str]]) -> None:
        """Insert a paragraph or a question anywhere."""
        self.blocks.insert(data.draw(st.integers(0, len(self.blocks))), block)

    @precondition(lambda self: len(self.blocks) > 1)
    @rule(data=st.data())
    def remove_block(self, data: st.DataObject) -> None:
        """Remove a paragraph or a question."""
        del self.blocks[data.draw(st.integers(0, len(self.blocks) - 1))]

    @precondition(lambda self: len(self.blocks) > 1)
    @rule(data=st.data())
    def move_block(self, data: st.DataObject) -> None:
        """Move a paragraph or a question elsewhere."""
        block = self.blocks.pop(data.draw(st.integers(0, len(self.blocks) - 1)))
        self.blocks.insert(data.draw(st.integers(0, len(self.blocks))), block)

    @precondition(lambda self: any(len(self.blocks[i][1]) > 1 for i in self.paragraphs()))
    @rule(data=st.data())
    def split_paragraph(self, data: st.DataObject) -> None:
        """Cut a paragraph of several sentences in two."""
        index = data.draw(
            st.sampled_from([i for i in self.paragraphs() if len(self.blocks[i][1]) > 1])
        )
        parts = self.blocks[index][1]
        cut = data.draw(st.integers(1, len(parts) - 1))
        self.blocks[index : index + 1] = [("paragraph", parts[:cut]), ("paragraph", parts[cut:])]

    @precondition(
        lambda self: any(
            a[0] == b[0] == "paragraph" for a, b in zip(self.blocks, self.blocks[1:], strict=False)
        )
    )
    @rule(data=st.data())
    def merge_paragraphs(self, data: st.DataObject) -> None:
        """Join a paragraph with the one after it."""
        pairs = [
            i
            for i in range(len(self.blocks) - 1)
            if self.blocks[i][0] == self.blocks[i + 1][0] == "paragraph"
        ]
        index = data.draw(st.sampled_from(pairs))
        joined = self.blocks[index][1] + self.blocks[index + 1][1]
        self.blocks[index : index + 2] = [("paragraph", joined)]

    # --- the translator ---

    def entries(self, want: str) -> list[int]:
        """Indexes of the catalog's active entries: untranslated, translated or any."""
        messages = parse_po(self.catalog, "c.po").messages if self.catalog else ()
        return [
            i
            for i, m in enumerate(messages)
            if not m.obsolete and (want == "any" or bool(m.msgstr) == (want == "translated"))
        ]

    def change(self, index: int, **fields: object) -> None:
        """Save the catalog with one entry changed, as a translator's editor would."""
        assert self.catalog is not None
        catalog = parse_po(self.catalog, "c.po")
        messages = list(catalog.messages)
        messages[index] = dataclasses.replace(messages[index], **fields)  # type: ignore[arg-type]
        self.catalog = serialize_po(Catalog(catalog.header, tuple(messages))).encode("utf-8")

    def message(self, index: int) -> Message:
        assert self.catalog is not None
        return parse_po(self.catalog, "c.po").messages[index]

    @precondition(lambda self: self.entries("untranslated"))
    @rule(data=st.data(), text=TRANSLATION)
    def translate(self, data: st.DataObject, text: str) -> None:
        """Translate an untranslated entry."""
        self.change(data.draw(st.sampled_from(self.entries("untranslated"))), msgstr=text)

    @precondition(lambda self: self.entries("translated"))
    @rule(data=st.data(), text=TRANSLATION)
    def revise(self, data: st.DataObject, text: str) -> None:
        """Rewrite a translation."""
        self.change(data.draw(st.sampled_from(self.entries("translated"))), msgstr=text)

    @precondition(lambda self: self.entries("translated"))
    @rule(data=st.data())
    def toggle_fuzzy(self, data: st.DataObject) -> None:
        """Mark a translation fuzzy, or review a fuzzy one (which drops its ``#|`` lines)."""
        index = data.draw(st.sampled_from(self.entries("translated")))
        old = self.message(index)
        if old.fuzzy:
            flags = tuple(f for f in old.flags if f != "fuzzy")
            self.change(index, flags=flags, previous_msgid=None, previous_msgctxt=None)
        else:
            self.change(index, flags=("fuzzy", *old.flags))

    @precondition(lambda self: self.entries("any"))
    @rule(data=st.data(), text=COMMENT)
    def comment(self, data: st.DataObject, text: str) -> None:
        """Add a translator comment."""
        index = data.draw(st.sampled_from(self.entries("any")))
        self.change(index, translator_comments=(*self.message(index).translator_comments, text))

    @invariant()
    def catalog_is_its_own_fixed_point(self) -> None:
        """Whatever was last saved reads back to the same bytes (what every editor relies on)."""
        if self.catalog is not None:
            assert serialize_po(parse_po(self.catalog, "c.po")).encode("utf-8") == self.catalog


class CommandPipeline(Pipeline):
    """The same histories through the ``extract`` and ``update`` commands on a project folder,
    with their run state (which skips unchanged work), staging and lock: the files they leave
    must be byte for byte what the pipeline above computes."""

    def __init__(self) -> None:
        super().__init__()
        self.root = self.folder / "project"
        (self.root / "source").mkdir(parents=True)

    @rule()  # an override is a step only with the decorator again
    def extract_and_update(self) -> None:
        """Write the source and the translator's catalog, run the commands, compare."""
        config = f'languages = ["{LANG}"]\nsegmentation = "{self.mode}"\n'
        (self.root / "explainer-i18n.toml").write_text(config, encoding="utf-8")
        (self.root / "source" / f"{SLUG}.txt").write_text(
            render(self.blocks, self.dated), encoding="utf-8"
        )
        catalog = self.root / "locales" / LANG / "LC_MESSAGES" / f"{SLUG}.po"
        if self.catalog is not None and catalog.read_bytes() != self.catalog:
            catalog.write_bytes(self.catalog)
        runner = CliRunner(env={"SOURCE_DATE_EPOCH": EPOCH, "CI": "1"})
        for command in ("extract", "update"):
            result = runner.invoke(cli, [command, "-q", "-C", str(self.root)])
            assert result.exit_code == 0, (result.stderr, result.exception)
        super().extract_and_update()
        assert (self.root / "locales" / "templates" / f"{SLUG}.pot").read_bytes() == self.template
        assert catalog.read_bytes() == self.catalog


def _run(machine: type[RuleBasedStateMachine], examples: int) -> None:
    """Run a state machine's random histories."""
    if MSGCAT is None:
        pytest.fail("msgcat is missing: install GNU gettext")
    case = machine.TestCase
    case.settings = settings(
        max_examples=examples,
        stateful_step_count=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    case().runTest()


def test_random_editing_histories_keep_every_translation() -> None:
    """Random source edits, updates and translator edits never drop a translation; extract and
    update are idempotent; every file written is a msgcat fixed point."""
    _run(Pipeline, EXAMPLES)


def test_the_commands_write_what_the_pipeline_computes() -> None:
    """The same random histories through the commands (whose run state skips work it thinks
    unchanged) leave exactly the files the pipeline computes."""
    _run(CommandPipeline, max(1, EXAMPLES // 2))
