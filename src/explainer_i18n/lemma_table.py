"""A word-to-lemma dictionary on disk that opens at once and looks words up in microseconds.

simplemma ships each language's dictionary as one compressed stream that has to be decoded
whole before the first lookup: a second for German, in every process. The same dictionary,
written once as a sorted table with a sparse index, is mapped into memory instead; a lookup
bisects the index and reads one block of about a hundred records.

File layout (UTF-8): a header line ``MAGIC <TAB> records <TAB> index offset``, the records
``word <TAB> lemma <NEWLINE>`` sorted by the word's UTF-8 bytes, then the index (every
``_BLOCK``-th record's offset and word, one per line) and the closing ``_END`` line, whose absence
marks a file cut short.
"""

from __future__ import annotations

import mmap
import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

MAGIC = b"explainer-i18n lemma table 1"
_END = b"\nend of lemma table\n"
_BLOCK = 128


class TableError(Exception):
    """A table file that is not one, or was cut short."""


def write_table(path: Path, pairs: Iterable[tuple[str, str]]) -> None:
    """Write the pairs as a table at ``path``, atomically (a reader sees no file or a whole one).

    Words or lemmas holding a tab or a line break cannot be stored and are left out."""
    records = sorted(
        (word.encode(), lemma.encode())
        for word, lemma in pairs
        if not any(c in word + lemma for c in "\t\n")
    )
    body = bytearray()
    keys: list[bytes] = []
    offsets: list[int] = []
    for number, (word, lemma) in enumerate(records):
        if number % _BLOCK == 0:
            keys.append(word)
            offsets.append(len(body))
        body += word + b"\t" + lemma + b"\n"
    start = len(_header(0, 0))
    index = b"".join(b"%d\t%s\n" % (start + o, k) for k, o in zip(keys, offsets, strict=True))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as out:
            out.write(_header(len(records), start + len(body)))
            out.write(body)
            out.write(index)
            out.write(_END)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _header(count: int, index_at: int) -> bytes:
    """The first line, of the same length whatever the numbers."""
    return MAGIC + b"\t%012d\t%012d\n" % (count, index_at)


class LemmaTable(Mapping[str, str]):
    """A read-only mapping from words to lemmas over a table file written by ``write_table``."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            try:
                self._data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except ValueError:  # an empty file cannot be mapped
                raise TableError(f"{path}: empty") from None
        try:
            self._count, self._index_at, self._keys, self._offsets = _read_index(self._data)
        except (ValueError, EOFError, TypeError) as error:
            self._data.close()
            raise TableError(f"{path}: {error}") from None

    def _block(self, word: bytes) -> bytes:
        block = bisect_right(self._keys, word) - 1
        if block < 0:
            return b""
        end = self._offsets[block + 1] if block + 1 < len(self._offsets) else self._index_at
        return self._data[self._offsets[block] : end]

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        word = key.encode()
        block = self._block(word)
        needle = word + b"\t"
        if block.startswith(needle):
            start = len(needle)
        else:
            at = block.find(b"\n" + needle)
            if at < 0:
                return default
            start = at + 1 + len(needle)
        return block[start : block.index(b"\n", start)].decode()

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        start = self._data.find(b"\n") + 1
        for line in self._data[start : self._index_at - 1].split(b"\n"):
            if line:
                yield line.split(b"\t", 1)[0].decode()

    def __len__(self) -> int:
        return self._count


def _read_index(data: mmap.mmap) -> tuple[int, int, list[bytes], list[int]]:
    """The record count, index offset and sparse index of a mapped table; ValueError if the
    file is not a whole table."""
    first = data.find(b"\n")
    magic, count, index_at = data[:first].split(b"\t")
    if magic != MAGIC:
        raise ValueError("not a lemma table")
    if data[len(data) - len(_END) :] != _END:
        raise ValueError("cut short")
    lines = data[int(index_at) : len(data) - len(_END)].split(b"\n")
    pairs = [line.split(b"\t", 1) for line in lines if line]
    offsets = [int(offset) for offset, _ in pairs]
    return int(count), int(index_at), [key for _, key in pairs], offsets
