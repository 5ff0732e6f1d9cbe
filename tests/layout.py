"""Text laid out as the text extracted from the UN's PDFs is, made from a resolution: the measure
of the text reader on resolutions whose text it has never seen (tests/test_languages.py,
tests/test_text_vs_un.py)."""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata

import unres
from unres import text
from unres._text import from_superscript

_SUPERSCRIPT = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
_LANGUAGE_JOB = {"fr": "F", "es": "S", "ru": "R", "en": "E", "ar": "A", "zh": "C"}


def _wrapped(line: str) -> list[str]:
    if not any(_wide(char) for char in line):
        pieces = textwrap.wrap(line, 84, break_long_words=False, break_on_hyphens=False)
        return [piece + " " for piece in pieces]
    # Chinese: a page's line holds 42 characters, and breaks between any two of them (not inside a
    # run of Latin letters or digits, nor before a space it drops).
    tokens: list[tuple[str, bool]] = []  # each piece, and whether a space stands before it
    space = False
    for char in line:
        if char.isspace():
            space = True
        elif _wide(char) or not tokens or space or _wide(tokens[-1][0][-1]):
            tokens.append((char, space))
            space = False
        else:
            tokens[-1] = (tokens[-1][0] + char, tokens[-1][1])
    lines: list[str] = []
    current, width = "", 0
    for piece, spaced in tokens:
        size = sum(2 if _wide(char) else 1 for char in piece) + (1 if spaced and current else 0)
        if current and width + size > 84:
            lines.append(current)
            current, width, spaced = "", 0, False
            size = sum(2 if _wide(char) else 1 for char in piece)
        current += (" " if spaced and current else "") + piece
        width += size
    return [piece + " " for piece in [*lines, current] if piece]


def _joined_lines(lines: list[str]) -> str:
    """A paragraph's lines on one line: a space between them, none where Chinese text broke (between
    two of its characters, or one and a digit)."""
    out = ""
    for line in lines:
        before, after = out[-1:], line[0]
        broken = (_wide(after) and (_wide(before) or before.isdigit())) or (_wide(before) and after.isdigit())
        out += line if not out or broken else f" {line}"
    return out


def _wide(char: str) -> bool:
    return len(char) == 1 and unicodedata.east_asian_width(char) in ("W", "F")


def laid_out(res: unres.Resolution, code: str) -> str:
    """The plain text unres writes of ``res``, laid out as the text extracted from the UN's PDF is
    (see ../shared/examples/text/*.railcar-*.txt): masthead columns on lines of their own with the
    job number and barcode, lines wrapped at 84 characters with a space at their end (a table's
    rows are not: each is a line of the page), paragraph
    numbers alone on their line, footnote calls as plain digits, and pages of 40 lines, each ending
    with the notes called on it under a rule and followed by the running head."""
    written = text.dumps(res, "text")
    body, _, notes_block = written.partition("\n__________\n")
    notes = dict(line.split(" ", 1) for line in notes_block.splitlines() if line.strip())
    masthead, *blocks = body.strip("\n").split("\n\n")
    lines = [
        column + " "
        for line in masthead.splitlines()
        for column in re.split(r"\s{2,}", line.strip())
        if column
    ]
    lines += [f"25-18769 ({_LANGUAGE_JOB[code]}) ", "*2518769* ", " "]
    for block in blocks:
        numbered = re.match(r"^(\d+)\. (.*)$", block, re.DOTALL)
        if numbered:
            lines.append(f"{numbered[1]}. ")
            block = numbered[2]
        for line in block.splitlines():
            # A table's row is one line of the page, its cells side by side.
            lines += [f"{line} "] if line.startswith("|") else (_wrapped(line) or [""])
        lines.append(" ")
    pages = [lines[at : at + 40] for at in range(0, len(lines), 40)]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        called = [from_superscript(found) for found in _SUPERSCRIPT.findall("".join(page))]
        out += [_SUPERSCRIPT.sub(lambda found: from_superscript(found[0]), line) for line in page]
        if any(marker in notes for marker in called):
            out += ["_______________ ", " "]
            for marker in called:
                out += [*_wrapped(f"{marker} {notes[marker]}"), " "] if marker in notes else []
        if number < len(pages):
            out += ["", f"{res.symbol} ", res.title, " ", "25-18769", f"{number + 1}/{len(pages)} ", " "]
    return "\n".join(out) + "\n"


def extracted_markdown(res: unres.Resolution, code: str) -> str:
    """The same pages as Markdown extracted from the PDF (../shared/examples/text/A_RES_80_*.md): as
    ``joined``, but the notes of every page gathered at the end as "[^1]: ..." under a rule, while
    the calls stay digits set against their word."""
    body, notes = _joined_paragraphs(res, code)
    listed = "".join(f"[^{note.split(' ', 1)[0]}]: {note.split(' ', 1)[1]}\n\n" for note in notes)
    return _front(res, code) + "\n\n".join(body) + ("\n\n---\n\n" + listed if notes else "\n")


def joined(res: unres.Resolution, code: str) -> str:
    """The same pages extracted the later way (../shared/examples/text/*.railcar-v1.1.0.txt): a front
    matter, each paragraph on one line (its number before it), no page furniture, and the notes of
    each page left as paragraphs where the page ended, so that a paragraph a page divides goes on
    after them."""
    paragraphs, _ = _joined_paragraphs(res, code, keep_notes=True)
    return _front(res, code) + "\n\n".join(paragraphs) + "\n"


def _joined_paragraphs(
    res: unres.Resolution, code: str, *, keep_notes: bool = False
) -> tuple[list[str], list[str]]:
    """The paragraphs of the pages, each on one line (the notes among them with ``keep_notes``),
    and the notes."""
    symbol = f"{res.symbol} "
    furniture = re.compile(r"^(?:25-18769(?: \(\w\))? |25-18769|\*2518769\* |\d+/\d+ )$")
    groups: list[tuple[list[str], bool]] = [([], False)]  # the lines of each paragraph, and if a note
    in_notes = False
    for line in laid_out(res, code).splitlines():
        if line.startswith("____"):
            in_notes = True  # the notes of the page, under its rule
            continue
        if line == symbol:
            in_notes = False  # the next page's head
        if furniture.match(line) or line in (symbol, res.title):
            continue
        if not line.strip():
            if groups[-1][0]:
                groups.append(([], in_notes))
            continue
        if not groups[-1][0]:
            groups[-1] = ([], in_notes)
        groups[-1][0].append(line.strip())
    paragraphs: list[str] = []
    notes: list[str] = []
    number: str | None = None
    for lines, note in groups:
        if not lines:
            continue
        # A table's rows stay one a line, as a pipe table in Markdown; a paragraph's lines join.
        words = "\n".join(lines) if all(line.startswith("|") for line in lines) else _joined_lines(lines)
        if re.fullmatch(r"\d+\.", words):
            number = words
            continue
        if note:
            notes.append(words)
            if keep_notes:
                paragraphs.append(words)
        elif number is None:
            paragraphs.append(words)
        else:
            paragraphs.append(f"{number} {words}")  # a number alone at a page's foot waits for its words
            number = None
    return paragraphs, notes


def _front(res: unres.Resolution, code: str) -> str:
    title = json.dumps(res.title, ensure_ascii=False)
    return f"---\nsymbol: {res.symbol}\ntitle: {title}\nlanguage: {code.upper()}\n---\n\n"
