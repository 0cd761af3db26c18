"""Split a paragraph of German text into sentences, as spans that leave the gaps between them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

_TERMINATORS = ".!?…‼⁇⁈⁉"
_CLOSERS = "\"'“”‘’»«›‹)]}"
_OPENERS = "\"'„“”‚‘’»«›‹([{"
_BULLETS = "•◦▪▫‣∙►▸●○■□"
# "§ 5 regelt ..." begins a sentence although it starts with neither a letter nor a digit.
_OTHER_STARTS = "§"

_LINE_BREAK = re.compile(r"[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")
_MARKS = re.escape(_TERMINATORS + _CLOSERS)
# Possessive and anchored at the start of a run of marks, so that a long run ("......") is
# scanned once: the splitter stays linear in the length of the text.
_CANDIDATE = re.compile(
    f"(?<![{_MARKS}])[{re.escape(_CLOSERS)}]*+([{re.escape(_TERMINATORS)}][{_MARKS}]*+)(\\s+)"
)
_WORD = re.compile(r"\S+")
_LEAD = re.compile(f"[\\s{re.escape(_OPENERS + _BULLETS)}]*")
_NEXT_WORD = re.compile(f"[{re.escape(_OPENERS)}]*([^\\W\\d_]+)")
_ORDINAL = re.compile(r"([-–]?)\d{1,3}")
_DAY = re.compile(r"\d{1,2}\.")
# Letters joined by dots ("z.B", "i.d.R", "U.S"): abbreviations written without spaces.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")

# Quotations and brackets are kept whole, so a translator never sees half a quotation;
# ",," is the typewriter stand-in for „. German text writes »…«, Swiss and French «…».
_SHIELD_BASE = r"„[^„“”\"]*[“”\"]|,,(?:[^“”,]|,(?!,))*[“”]|\([^()]*\)|\[[^\[\]]*\]"
_SHIELDS = {
    (guillemets, ascii_pairs): re.compile(
        _SHIELD_BASE
        + ("|»[^»«]*«" if guillemets == "»" else "|«[^«»]*»")
        + ('|"[^"]*"' if ascii_pairs else "")
    )
    for guillemets in "»«"
    for ascii_pairs in (False, True)
}


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


# Abbreviations by what may follow them, written as the text before the final period with
# inner spaces removed ("u. a." is "u.a"). Single letters ("S.", "W.") are initials and need
# no entry. A capitalized form counts only at the start of a sentence ("Vgl." but not "Sog").
_NEVER_FINAL = _words(
    "Dr Prof Hr Fr Frl Dipl Dipl.-Ing Ing Mag Doz Priv.-Doz Univ.-Prof Pfr Hl St Jr Sr jun sen"
    " Mr Mrs Ms Lt Sgt Abg med jur phil rer nat pol oec theol habil dent vet"
    " bzw bzgl ca evtl ggf inkl exkl insb vgl sog sogen bspw zzgl abzgl ggü gem gegr geb gest"
    " verh verw allg ehem urspr eigtl einschl entspr bes betr dgl dergl max min mind rd jew"
    " dt engl frz franz ital span russ ukr amerik europ kath ev evang luth vs approx lt"
    " z.B z.T z.Z z.Zt zzt zt u.U v.a d.h o.g m.E m.W i.A i.V i.d.R a.D e.g i.e"
    " Abs Nr Nrn Bd Bde Jg Kap Abb Tab Anm Sp Ziff lit Rn Rz Az Anh Fn Tz Str Pl Tel Chr Bsp"
)
_MAYBE_FINAL = _words(
    "usw etc usf ff u.a u.Ä o.Ä u.ä o.ä u.v.m v.Chr n.Chr e.V s.o s.u Hrsg Aufl Jh Jhd Jhdt"
    " Tsd Mio Mrd Mill Std Co Inc Ltd Corp Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez"
)
# "Art." is also the noun "Art" ("auf diese Art."); only a number after it makes it "Artikel".
_BEFORE_NUMBER = _words("Art")

_Kind = Literal["never final", "maybe final", "before a number"]
_ABBREVIATIONS: tuple[tuple[_Kind, frozenset[str]], ...] = (
    ("never final", _NEVER_FINAL),
    ("maybe final", _MAYBE_FINAL),
    ("before a number", _BEFORE_NUMBER),
)

# After an abbreviation that may end a sentence, these words start the next one ("usw. Die
# Lage ...") while others continue it ("3 Mio. Euro").
_STARTERS = _words(
    "Der Die Das Dem Den Des Ein Eine Einer Eines Einem Einen Kein Keine Er Sie Es Wir Ich Ihr"
    " Man Dies Diese Dieser Dieses Diesem Diesen Dann Doch Aber Auch Denn Daher Deshalb"
    " Deswegen Darum Trotzdem Zudem Außerdem Allerdings Jedoch Nun So Zwar Damit Dabei Dafür"
    " Dazu Danach Dort Hier Da Im In Am An Auf Aus Bei Mit Nach Von Vor Zum Zur Für Über Unter"
    " Gegen Ohne Seit Während Wie Was Wer Wo Warum Wann Welche Welcher Welches Bis Als Wenn Ob"
    " Weil Nicht Nur Noch Schon Bereits Jetzt Heute Gestern Alle Viele Laut Und Oder Ist Sind"
    " War Waren Hat Haben Wird Werden Kann Können Mein Unser Sein Seine Ihre"
)
# A number of up to three digits followed by a period is an ordinal ("am 6. Januar", "der 2.
# Weltkrieg") after these words, before these nouns, or at the start of a list item.
_MONTHS = _words(
    "Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November"
    " Dezember Jan Feb Mär Mrz Apr Jun Jul Aug Sep Sept Okt Nov Dez"
)
_ORDINAL_NOUNS = _words(
    "Jahrhundert Jahrhunderts Jahrtausend Jahrtausends Weltkrieg Weltkriegs Weltkrieges Mal"
    " Platz Liga Bundesliga Klasse Runde Lesung Halbzeit Quartal Halbjahr Stock Etage"
    " Geburtstag Jahrestag Todestag Spieltag Sitzung Advent FC Jh Jhd Jhdt"
)
_ORDINAL_FOLLOWERS = _MONTHS | _ORDINAL_NOUNS
_ORDINAL_CONTEXT = _words(
    "am im vom zum zur beim ins ans aufs fürs übers der die das den dem des ein eine einen"
    " einem einer eines jeder jede jedes jedem jeden sein seine seinem seinen seiner seines"
    " ihr ihre ihrem ihren ihrer"
    " ihres unser unsere unserem unseren unserer dessen deren"
)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, without the whitespace between them."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``: ordered, stripped, whitespace between."""
    spans: list[tuple[int, int]] = []
    for start, end in _lines(text):
        _split_line(text, start, end, spans)
    return spans


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) offsets of the lines of ``text``; a line break always ends a sentence."""
    start = 0
    for match in _LINE_BREAK.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the sentence spans of the line ``text[start:end]``."""
    shields = _shields(text, start, end)
    shield = 0
    sentence = start
    first = _first_word(text, sentence, end)
    for match in _CANDIDATE.finditer(text, start, end):
        gap_start, gap_end = match.span(2)
        if gap_end == end:
            break
        while shield < len(shields) and shields[shield][1] <= gap_start:
            shield += 1
        if shield < len(shields) and shields[shield][0] < gap_start:
            continue
        if _ends_sentence(text, match.start(1), gap_start, gap_end, first):
            _add(text, sentence, gap_start, spans)
            sentence = gap_end
            first = _first_word(text, sentence, end)
    _add(text, sentence, end, spans)


def _first_word(text: str, start: int, end: int) -> int:
    """The offset of the first word from ``start`` on, after whitespace, quotes and bullets."""
    lead = _LEAD.match(text, start, end)
    return lead.end() if lead else start


def _shields(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations and bracketed passages of a line, inside which no sentence ends."""
    line = text[start:end]
    opening, closing = line.find("«"), line.find("»")
    french = opening != -1 and (closing == -1 or opening < closing)
    pattern = _SHIELDS[("«" if french else "»", line.count('"') % 2 == 0)]
    return [match.span() for match in pattern.finditer(text, start, end)]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the span of ``text[start:end]`` without the whitespace around it, if not empty."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        first = start + len(piece) - len(piece.lstrip())
        spans.append((first, first + len(stripped)))


def _ends_sentence(text: str, mark: int, gap: int, following: int, first: int) -> bool:
    """Whether the punctuation ``text[mark:gap]``, followed by whitespace, ends a sentence.

    ``first`` is the offset of the current sentence's first word, after quotes and bullets.
    """
    if not _can_start(text, following):
        return False
    if mark > 0 and text[mark - 1] in "([":
        return False  # "(!)", "(…)", "[...]" mark an emphasis or an omission inside a sentence
    if text[mark:gap] != ".":
        return True  # "?", "!", an ellipsis, or a period inside or after quotes or brackets
    return not _period_continues(text, mark, following, first)


def _can_start(text: str, pos: int) -> bool:
    """Whether a sentence can begin at ``pos`` (capital, digit, bullet, quote or bracket)."""
    char = text[pos]
    if char.isupper() or char.isdecimal() or char in _BULLETS or char in _OTHER_STARTS:
        return True
    if char not in _OPENERS:
        return False
    rest = text[pos : pos + 4].lstrip(_OPENERS)
    return not rest or not rest[0].islower()


def _period_continues(text: str, dot: int, following: int, first: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation, initial or ordinal."""
    if dot <= first or text[dot - 1].isspace():
        return False
    words = _last_words(text, first, dot)
    if words[-1][1][-1:] in ("", *_CLOSERS):
        return False
    kind = _abbreviation(words, first)
    if kind == "maybe final":
        return _next_word(text, following) not in _STARTERS
    if kind == "before a number":
        return text[following].isdecimal()
    if kind == "never final":
        return True
    ordinal = _ORDINAL.fullmatch(words[-1][1])
    return ordinal is not None and _is_ordinal(text, words, following, first, ordinal)


def _last_words(text: str, first: int, end: int) -> list[tuple[int, str]]:
    """Up to three words of the sentence before ``end``, with their offsets, quotes stripped.

    Only the last 40 characters are read; a word cut there is left out ("Programm" must not
    count as "am"), unless it is the last: so long a word is no abbreviation or ordinal anyway.
    """
    start = max(first, end - 40)
    words: list[tuple[int, str]] = []
    for match in _WORD.finditer(text, start, end):
        word = match.group().lstrip(_OPENERS)
        words.append((match.end() - len(word), word))
    if len(words) > 1 and start > first and not text[start - 1].isspace():
        del words[0]
    return words[-3:]


def _abbreviation(words: list[tuple[int, str]], first: int) -> _Kind | None:
    """What kind of abbreviation the words before a period end with, if they end with one."""
    for count in (3, 2, 1):
        tail = words[-count:]
        if len(tail) < count or not all(word.endswith(".") for _, word in tail[:-1]):
            continue
        key = "".join(word for _, word in tail)
        keys = [key]
        if tail[0][0] <= first and key:
            keys.append(key[0].lower() + key[1:])
        for lookup in keys:
            for kind, abbreviations in _ABBREVIATIONS:
                if lookup in abbreviations:
                    return kind
    return "never final" if _INITIALS.fullmatch(words[-1][1]) else None


def _is_ordinal(
    text: str, words: list[tuple[int, str]], following: int, first: int, number: re.Match[str]
) -> bool:
    """Whether a short number before a period is an ordinal or a list number."""
    if number.group(1) or words[-1][0] <= first:
        return True  # "1. -3. Jahrhundert"; "1. Dies ist eine Punkteliste."
    if _next_word(text, following) in _ORDINAL_FOLLOWERS:
        return True
    if len(words) < 2:
        return False
    before = words[-2][1]
    if before.endswith(":") or _DAY.fullmatch(before):
        return True  # "Die Regeln: 1. Keine Gewalt."; "am 1. 2. 2024"
    return before.lower() in _ORDINAL_CONTEXT


def _next_word(text: str, pos: int) -> str:
    """The letters of the word starting at ``pos``, after any opening quotes or brackets."""
    match = _NEXT_WORD.match(text, pos)
    return match.group(1) if match else ""
