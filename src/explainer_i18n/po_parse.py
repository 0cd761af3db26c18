"""Read PO files into catalogs: a strict single-pass reader that names the line of any bad input.

It follows gettext 0.21's reading where the two could differ: ``# x`` and ``#. x`` lose one
leading space; a later ``#,`` line of an entry replaces an earlier one; ``#~ #...`` lines are the
comments of an obsolete entry; repeated references are dropped; strings accept C escapes (octal and
hex ones must form UTF-8). It is stricter in a few places: the file must be UTF-8 (a BOM is
dropped, CRLF line ends are accepted), a keyword and its first string share a line, entries may
not repeat a context and msgid (obsolete ones included, as gettext also refuses), and plural
entries must have as many ``msgstr[n]`` as the header's ``nplurals``.

Catalogs of the usual shape are read by :mod:`explainer_i18n.po_fastread` a whole entry at a
time, with the same result; any file it does not take is read here line by line.
"""

from __future__ import annotations

import re
from pathlib import Path

from explainer_i18n.errors import InputError
from explainer_i18n.model import Catalog, Message
from explainer_i18n.po_comments import number
from explainer_i18n.po_draft import Draft
from explainer_i18n.po_fastread import UNESCAPES, read_usual

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"]|$)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"[ \t\f\v]*', re.DOTALL)
_ESCAPE = re.compile(r'\\(?:([ntrabfv"\\])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))', re.DOTALL)
_CHARSET_BYTES = re.compile(rb"charset=([^\s\"\\]+)")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def read_catalog(path: Path, display: str) -> Catalog:
    """Read and parse the PO file at ``path``; ``display`` names it in errors."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the catalog: {error.strerror or error}", display) from None
    return parse_po(data, display)


def parse_po(data: bytes, path: str, *, strict: bool = False) -> Catalog:
    """Parse PO bytes; ``path`` names the file in errors. ``strict`` reads every file line by
    line, even one the whole-entry reader would take (the result is the same)."""
    text = _decode(data, path)
    messages = None if strict else read_usual(text)
    if messages is None:
        messages = _read_lines(text, path)
    return _catalog(messages, path, ascii_only=text.isascii())


def parse_po_texts(data: bytes, path: str) -> tuple[Catalog, dict[Message, str]]:
    """Parse PO bytes as ``parse_po`` does, with the text of each entry (ending with one
    newline) where the whole-entry reader took the file; an empty mapping where it did not."""
    text = _decode(data, path)
    texts: list[str] = []
    messages = read_usual(text, texts)
    if messages is None:
        return _catalog(_read_lines(text, path), path, ascii_only=text.isascii()), {}
    catalog = _catalog(messages, path, ascii_only=text.isascii())
    return catalog, dict(zip(messages, texts, strict=True))


def _read_lines(text: str, path: str) -> list[Message]:
    reader = _Reader(path)
    lines = text.split("\n")
    carried, first = "", 0
    for index, line in enumerate(lines, start=1):
        if line.endswith("\\") and index < len(lines):
            # gettext's lexer joins a line ending in a backslash with the next one
            carried, first = carried + line[:-1], first or index
            continue
        line, carried = carried + line, ""
        reader.feed(line[:-1] if line.endswith("\r") else line, first or index)
        first = 0
    return reader.finish()


def _decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError("NUL byte in the catalog", path, data.count(b"\n", 0, nul) + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = _CHARSET_BYTES.search(data)
        if declared and declared.group(1).upper() != b"UTF-8":
            line = data.count(b"\n", 0, declared.start()) + 1
            raise _charset_error(declared.group(1).decode("latin-1"), path, line) from None
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"bytes that are not UTF-8 (0x{data[error.start]:02x})", path, line
        ) from None


def _charset_error(charset: str, path: str, line: int) -> InputError:
    return InputError(
        f"catalogs must be UTF-8, but the header declares charset={charset}", path, line
    )


class _Reader:
    """The reading state: finished messages and the entry being read."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.messages: list[Message] = []
        self.draft = Draft()

    def error(self, message: str, line: int) -> InputError:
        return InputError(message, self.path, line)

    def feed(self, line: str, number: int) -> None:
        first = line[:1]
        if first == '"' and line[-1] == '"' and line.count('"') == 2 and "\\" not in line:
            problem = self.draft.extend(line[1:-1], obsolete=False, previous=False)
            if problem:
                raise self.error(problem, number)
        elif first == "#":
            self.comment(line, number)
        elif first in (" ", "\t", "\f", "\v"):
            stripped = line.lstrip(" \t\f\v")
            if stripped:
                self.feed(stripped, number)
        elif first:
            self.keyword_or_string(line, number, obsolete=False, previous=False)

    def comment(self, line: str, number: int, obsolete_comment: bool = False) -> None:
        kind = line[1:2]
        if kind == "~":
            if obsolete_comment:
                raise self.error("#~ inside a #~ line", number)
            self.obsolete(line[2:], number)
            return
        self.start_comments(number)
        if kind == "|":
            self.keyword_or_string(line[2:], number, obsolete_comment, previous=True)
        else:
            self.draft.comments.append(line)

    def obsolete(self, rest: str, number: int) -> None:
        if rest[:1] == "|":
            self.start_comments(number)
            self.keyword_or_string(rest[1:], number, obsolete=True, previous=True)
            return
        stripped = rest.lstrip(" \t\f\v")
        if stripped[:1] == "#":
            self.comment(stripped, number, obsolete_comment=True)
        elif stripped:
            self.keyword_or_string(stripped, number, obsolete=True, previous=False)

    def start_comments(self, number: int) -> None:
        """A comment closes a complete entry; inside an unfinished one it is out of place."""
        if self.draft.complete:
            self.close()
        elif self.draft.keywords:
            keyword, line = self.draft.keywords[-1]
            raise self.error(
                f"comment line where a msgstr for the {keyword} at line {line} was expected",
                number,
            )

    def keyword_or_string(self, text: str, number: int, obsolete: bool, previous: bool) -> None:
        text = text.lstrip(" \t\f\v")
        if text[:1] == '"':
            value = self.strings(text, number)
            problem = self.draft.extend(value, obsolete, previous)
            if problem:
                raise self.error(problem, number)
            return
        match = _KEYWORD.match(text)
        if match is None:
            shown = text if len(text) <= 40 else text[:40] + "..."
            raise self.error(f"unexpected text {shown!r}", number)
        rest = text[match.end() :].lstrip(" \t\f\v")
        if rest[:1] != '"':
            raise self.error(f"{match.group(0)} must be followed by a string", number)
        keyword, index = match.group(1), match.group(2)
        if not previous and self.draft.complete and keyword in ("msgctxt", "msgid"):
            self.close()
        problem = self.draft.keyword(keyword, index, number, obsolete, previous)
        if problem:
            raise self.error(problem, number)
        self.draft.extend(self.strings(rest, number), obsolete, previous)

    def strings(self, text: str, number: int) -> str:
        """The value of one or more adjacent string literals."""
        text = text.rstrip(" \t\f\v")
        if text.count('"') == 2 and text[-1] == '"' and "\\" not in text:
            return text[1:-1]
        parts: list[str] = []
        pos = 0
        while pos < len(text):
            match = _STRING.match(text, pos)
            if match is None:
                if text[pos] == '"':
                    raise self.error("unterminated string", number)
                raise self.error(
                    f"unexpected text after a string: {text[pos : pos + 40]!r}", number
                )
            parts.append(self.unescape(match.group(1), number))
            pos = match.end()
        return "".join(parts)

    def unescape(self, body: str, number: int) -> str:
        if "\\" not in body:
            return body
        if _ESCAPE.search(body) and any(m.group(2) or m.group(3) for m in _ESCAPE.finditer(body)):
            return self.unescape_bytes(body, number)

        def replace(match: re.Match[str]) -> str:
            if match.group(4) is not None:
                raise self.error(f"invalid escape sequence \\{match.group(4)}", number)
            return UNESCAPES[match.group(1)]

        return _ESCAPE.sub(replace, body)

    def unescape_bytes(self, body: str, number: int) -> str:
        """Octal and hexadecimal escapes stand for bytes, which must form UTF-8 with the rest."""
        out = bytearray()
        pos = 0
        for match in _ESCAPE.finditer(body):
            out += body[pos : match.start()].encode("utf-8")
            pos = match.end()
            simple, octal, hexadecimal, other = match.groups()
            if other is not None:
                raise self.error(f"invalid escape sequence \\{other}", number)
            if simple is not None:
                out += UNESCAPES[simple].encode("ascii")
                continue
            value = int(octal, 8) if octal else int(hexadecimal, 16)
            if value & 0xFF == 0:
                raise self.error("escape sequence for a NUL byte", number)
            out.append(value & 0xFF)
        out += body[pos:].encode("utf-8")
        try:
            return out.decode("utf-8")
        except UnicodeDecodeError:
            raise self.error("escape sequences that do not form UTF-8", number) from None

    def close(self) -> None:
        self.messages.append(self.draft.message())
        self.draft = Draft()

    def finish(self) -> list[Message]:
        if self.draft.complete:
            self.close()
        elif self.draft.keywords:
            keyword, line = self.draft.keywords[-1]
            raise self.error(f"the file ends where a msgstr for the {keyword} was expected", line)
        return self.messages


def _catalog(messages: list[Message], path: str, ascii_only: bool) -> Catalog:
    seen: dict[tuple[str | None, str], int] = {}
    header: Message | None = None
    for message in messages:
        first = seen.setdefault(message.key, message.line)
        if first != message.line:
            raise InputError(f"duplicate entry, first defined at line {first}", path, message.line)
        if header is None and not message.obsolete and message.key == (None, ""):
            header = message
    rest = tuple(m for m in messages if m is not header)
    _check_header(header, rest, path, ascii_only)
    return Catalog(header, rest)


def _check_header(
    header: Message | None, messages: tuple[Message, ...], path: str, ascii_only: bool
) -> None:
    text = "" if header is None else header.msgstr
    start = text.find("charset=")
    charset = re.split(r"[ \t\n]", text[start + 8 :], maxsplit=1)[0] if start >= 0 else None
    line = 1 if header is None else header.line
    if charset is not None and charset.upper() != "UTF-8":
        if charset != "CHARSET" or not ascii_only:
            raise _charset_error(charset, path, line)
    elif charset is None and not ascii_only:
        raise InputError("non-ASCII text, but no header declaring charset=UTF-8", path, line)
    found = _NPLURALS.search(text)
    if found is None:
        return
    expected = number(found.group(1))
    for message in messages:
        count = len(message.msgstr_plural)
        if message.msgid_plural is not None and not message.obsolete and count != expected:
            raise InputError(
                f"{count} msgstr[n] forms, but the header's Plural-Forms has nplurals={expected}",
                path,
                message.line,
            )
