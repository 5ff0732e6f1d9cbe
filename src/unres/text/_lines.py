"""From the characters of a text file to numbered paragraphs of the resolution's own text.

This stage knows about files, not about resolutions' parts: front matter, page furniture (job
numbers, barcodes, page numbers, running heads), footnotes at the foot of a page or after a rule,
Markdown headings and line breaks. It keeps the line number of every paragraph.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import unicodedata
from collections import Counter

from attrs import define, field

from unres._labels import LABEL_PATTERN, label_at, label_kind, position
from unres._text import MONTHS
from unres.errors import FormatError
from unres.problems import Problem, Severity

__all__ = ["Note", "Para", "Source", "split_source"]


# A page's foot in the body's lines (page furniture or a footnote rule): blank, so it ends a
# paragraph, and remembered, so that the paragraph after it is known to follow a page end.
_PAGE_END = "\f"


@define
class Para:
    """A paragraph of the source: its first line number and its text on one line."""

    line: int
    text: str
    heading: int = 0  # Markdown heading level (number of '#'), 0 for a paragraph
    depth: int = 0  # in Markdown written by unres: the depth of a sub-paragraph or closing text
    after_page: bool = False  # the first paragraph after a page's foot (its notes or furniture)


@define
class Note:
    """A footnote's text as found (at a page foot, after a rule, or as ``[^n]: ...``)."""

    marker: str
    line: int
    text: str


@define
class Source:
    """A text file split into its parts."""

    front: dict[str, object]
    masthead: list[Para]
    title: Para | None
    body: list[Para]
    notes: list[Note]
    markdown: bool
    layout: bool
    problems: list[Problem] = field(factory=list)


_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_FOOT_RULE = re.compile(r"^\s*_{5,}\s*$")
_MD_NOTE = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")
_SUP_NOTE = re.compile(r"^<sup>([^<\s]+)</sup>\s*(.*)$")
_LAYOUT_NOTE = re.compile(r"^\s*(\d{1,3}|[*\u2020\u2021\u00a7])(?:\s+(\S.*))?$")
# The number may carry a session's prefix and a part's letter in the text's script ("دإط-10/21",
# "د إ ط-11/1", "75/245 باء"); the reader turns them into Latin ones.
_TITLE = re.compile(
    r"^\s*(?:#{1,6}\s*)?\**(?P<number>(?:ES-|S-|[^\W\d_](?: ?[^\W\d_]){0,5}-)?\d{1,3}/\d{1,4}"
    r"(?: (?:[A-Z]|[^\W\d_A-Za-z]{2,8}))?)\.\**\s+(?P<title>\S.*)$"
)
# The Security Council's title line: "Resolution 242 (1967)" (unres's Markdown adds a title, if any).
_EXACT_TITLE = re.compile(
    r"^#{1,6} (?P<number>(?:[^\s\d/]{1,6}-)?\d{1,3}/\d{1,4}(?: [^\s.]{1,8})?)\. (?P<title>.*)$"
)
_COUNCIL_TITLE = re.compile(
    r"^\s*(?:#{1,6}\s*)?\**Resolution (?P<number>\d{1,4} \((?:19|20)\d\d\))\**(?:\s*(?P<title>\S.*))?$"
)
_COUNCIL_FORMULA = re.compile(r"^\s*(?:[*_]|<u>)*The Security Council\b")
# The job number, "25-18769 (E)", with the letter of the text's language (F, S, R, A, C).
_JOB = re.compile(r"^\d{2}-\d{5}(?:\s*\([EFSRAC]\))?$")
_FURNITURE_TOKEN = re.compile(
    r"^(?:\d{2}-\d{5}(?:\s*\([EFSRAC]\))?|\*\d{7}\*|\d{1,3}/\d{1,3}|\d{6}|\([EFSRAC]\))$"
)
_NUMBER_ALONE = re.compile(r"^\s*((?:\d{1,3}|(?!19|20)\d{4})\.)\s*$")  # not a year ending a sentence
_LABEL_ALONE = re.compile(r"^\s*(\((?:[a-z]{1,4}|[ivxlc]{1,6})\))\s*$")
# A paragraph number (not a year ending a sentence) or a label at the start of a line.
_PARA_START = re.compile(
    rf"^\s*(?:(?:\d{{1,3}}|(?!19|20)\d{{4}})\.\s|\((?:{LABEL_PATTERN})\)\s|[\u3220-\u3229]\s)"
)
# A label in brackets at the start of a line; it starts an item only after a line that ends a clause
# (with punctuation, or "and" / "or" after it), not in the middle of a sentence.
_LABEL_START = re.compile(r"^\s*\(")
_CLOSES = re.compile(r"(?:[.;:,!?)\]\u201d\"\u00bb\uff1a\uff1b\u3002\u061b\u060c]|\b(?:and|or))[\d\s]*$")
_ANNEX_ALONE = re.compile(r"^\s*Annex(?:es)?(?: [IVXLC]{1,5}| [A-Z]| \d{1,2})?\s*$")
_HEADING = re.compile(r"^(#{1,6})(?:\s+(.*?))?\s*#*\s*$")


def _front_matter(lines: list[str], source: str | None) -> tuple[dict[str, object], int]:
    """YAML-style front matter between '---' lines: ``key: value`` (values may be JSON)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, min(len(lines), 400)):
        if lines[end].strip() == "---":
            break
    else:
        return {}, 0
    front: dict[str, object] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        if not colon or not re.match(r"^[A-Za-z_][\w\-]*$", key.strip()):
            raise FormatError(
                f"front matter line {line.strip()!r} is not 'key: value'", source=source, line=number
            )
        value = value.strip()
        parsed: object = value
        if value[:1] in ('"', "[", "{"):
            try:
                parsed = json.loads(value)
            except ValueError:
                if value.startswith("'") or (value.startswith('"') and value.endswith('"')):
                    parsed = value[1:-1]
        front[key.strip()] = parsed
    return front, end + 1


# The words after a suspended hyphen ("low- and middle-income", "court- ou tribunal-"): a hyphen before
# them is printed so, not a word broken at a line's end.
SUSPENDED_WORDS = "and|or|nor|to|et|ou|y|o|e|u"
SUSPENDED = re.compile(rf"(?:{SUSPENDED_WORDS})\b")


def _tokens(line: str) -> list[str]:
    return [token for token in re.split(r"\s{2,}", line.strip()) if token]


def _words(text: str) -> str:
    return " ".join(re.sub(r"[*#]", " ", text).split())


class _Furniture:
    """Recognises page headers and footers once the symbol and title are known."""

    def __init__(self, symbol: str | None, titles: list[str]) -> None:
        self.symbol = symbol
        self.titles = [title for title in (_words(t) for t in titles) if title]

    def is_title_piece(self, text: str) -> bool:
        words = _words(text)
        if len(words.split()) < 3:
            return False
        return any(f" {words} " in f" {title} " for title in self.titles)

    def is_whole_title(self, text: str) -> bool:
        words = _words(text)
        return bool(words) and any(words == title for title in self.titles)

    def strong(self, line: str) -> bool:
        tokens = _tokens(line)
        if not tokens:
            return False
        has_marker = False
        for token in tokens:
            if _FURNITURE_TOKEN.match(token) or (self.symbol is not None and token == self.symbol):
                has_marker = True
            elif not self.is_title_piece(token):
                return False
        return has_marker


def _is_layout(lines: list[str]) -> bool:
    """Plain text laid out as on the page: page furniture, or deep indentation."""
    texts = [line for line in lines if line.strip()]
    if not texts:
        return False
    furniture = sum(1 for line in texts if _JOB.match(line.strip()) or re.match(r"^\*\d{7}\*$", line.strip()))
    indented = sum(1 for line in texts if len(line) - len(line.lstrip()) >= 8)
    return furniture > 0 or indented > len(texts) // 3


def _is_markdown(lines: list[str], front: dict[str, object], hint: bool | None) -> bool:
    if hint is not None:
        return hint
    sample = "\n".join(lines[:400])
    if re.search(r"\[\^\d+\]|<sup>|^#{1,6} |\*The General Assembly|\]\(", sample, re.MULTILINE):
        return True
    # The notes of a long text, defined at its end ("[^1]: ...") far from any call written "[^1]".
    return any(line.startswith("[^") and _MD_NOTE.match(line) for line in lines[400:])


def split_source(text: str, *, source: str | None = None, markdown: bool | None = None) -> Source:
    """Split a text file into front matter, masthead, title line, body paragraphs and notes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")  # a page break, not a line
    raw = text.split("\n")
    front, start = _front_matter(raw, source)
    lines = [""] * start + raw[start:]
    is_md = _is_markdown(lines[start:], front, markdown)
    layout = not is_md and _is_layout(lines[start:])
    problems: list[Problem] = []

    # The title line "73/266. Title" (or the Council's "Resolution 242 (1967)") divides the
    # masthead from the body.
    # In Markdown written by unres, a title's number is in the document's language ("75/245 باء").
    exact_mode = is_md and str(front.get("unres", "")) == "1"
    title_re = _EXACT_TITLE if exact_mode else _TITLE
    title_index = next(
        (i for i in range(start, len(lines)) if title_re.match(lines[i]) or _COUNCIL_TITLE.match(lines[i])),
        None,
    )
    symbol = None
    for line in lines[start : title_index if title_index is not None else len(lines)]:
        # With the letter of a part adopted apart ("A/RES/74/232 B"), as the running heads print it.
        found = re.search(
            r"\bA/RES/(?:ES-|S-)?\d{1,3}/\d{1,4}(?: [A-Z](?:-[A-Z])?\b)?|\bS/RES/\d{1,4} \(\d{4}\)", line
        )
        if found:
            symbol = found[0]
            break
    if symbol is None and isinstance(front.get("symbol"), str):
        symbol = str(front["symbol"])
    titles: list[str] = []
    title_para: Para | None = None
    body_start = len(lines)
    adoption_lines: range = range(0)  # the Council's adoption lines, between title and formula
    council = _COUNCIL_TITLE.match(lines[title_index]) if title_index is not None else None
    if title_index is not None and council is not None:
        # "Resolution 242 (1967)" is followed by "of 22 November 1967", or by "Adopted by the
        # Security Council at its 4683rd meeting, on 30 December 2002": masthead, up to the formula.
        formula = next(
            (
                i
                for i in range(title_index + 1, min(len(lines), title_index + 10))
                if _COUNCIL_FORMULA.match(lines[i])
            ),
            None,
        )
        body_start = formula if formula is not None else title_index + 1
        adoption_lines = range(title_index + 1, body_start)
        title = (council["title"] or "").strip()
        title_para = Para(title_index + 1, f"{council['number']}. {title}")
        if title:
            titles.append(title)
    elif title_index is not None:
        match = title_re.match(lines[title_index])
        assert match is not None
        parts = [match["title"]]
        body_start = title_index + 1
        while (
            not exact_mode
            and body_start < len(lines)
            and lines[body_start].strip()
            and not re.match(r"^\s*\*?The General Assembly", lines[body_start])
        ):
            parts.append(lines[body_start].strip())
            body_start += 1
        while (
            exact_mode
            and body_start < len(lines)
            and lines[body_start - 1].endswith("  ")
            and lines[body_start].strip()
        ):
            # The titles of a resolution in parts above its part, one a line (hard line breaks).
            parts.append(lines[body_start].strip())
            body_start += 1
        joined = (
            "\n".join(part.strip() for part in parts) if exact_mode else " ".join(" ".join(parts).split())
        )
        title_para = Para(title_index + 1, f"{match['number']}. {joined}")
        titles.append(" ".join(" ".join(parts).split()).strip("*# "))
    if isinstance(front.get("title"), str):
        titles.append(str(front["title"]).rstrip(" :"))
    # A running head prints the title without the call of a note on it ("... in Haiti1").
    titles += [re.sub(r"(?<=[^\W\d])\d{1,2}$", "", title) for title in titles]
    furniture = _Furniture(symbol, titles)

    masthead_end = title_index if title_index is not None else len(lines)
    masthead: list[Para] = []
    for index in [*range(start, masthead_end), *adoption_lines]:
        line = lines[index]
        if not line.strip() or _RULE.match(line):
            continue
        kept = [token for token in _tokens(line) if not _FURNITURE_TOKEN.match(token)]
        if kept:
            # Columns two spaces or more apart are lines of their own ("United Nations", the symbol).
            masthead.extend(Para(index + 1, token) for token in kept)

    notes: list[Note] = []
    body_lines: list[tuple[int, str]] = []  # (line number, text) with "" for a paragraph break
    strong = [layout and furniture.strong(line) for line in lines]
    # The running title on a line of its own: near it, another piece of the title is the text's.
    whole = [layout and furniture.is_whole_title(line) for line in lines]
    in_notes = False
    gap = False  # a blank line since the last line of a note
    # Whether the notes of this text stand a blank line apart (as the UN's PDFs set them): then a
    # line right under a note's line is that note's, even when it opens with the next number
    # ("9 Official Records ..., Supplement No." / "10 (A/74/10).").
    notes_apart: bool | None = None
    note: Note | None = None
    index = body_start
    while index < len(lines):
        line = lines[index]
        number = index + 1
        stripped = line.strip()
        title_piece = layout and _near(strong, index) and furniture.is_title_piece(stripped)
        if title_piece and not whole[index] and _near(whole, index, 6):
            title_piece = False  # "Stockpiling of ... and on Their" after the running title: text
        if strong[index] or title_piece:
            in_notes = False
            note = None
            body_lines.append((number, _PAGE_END))
            index += 1
            continue
        if not is_md and _FOOT_RULE.match(line):
            in_notes = True
            gap = False
            note = None
            body_lines.append((number, _PAGE_END))
            index += 1
            continue
        if is_md:
            md_note = _MD_NOTE.match(stripped) or (
                _SUP_NOTE.match(stripped) if not line[:1].isspace() else None
            )
            if md_note is not None and (stripped.startswith("[^") or _SUP_NOTE.match(stripped)):
                note = Note(md_note[1], number, md_note[2].strip())
                notes.append(note)
                in_notes = True
                index += 1
                continue
            if in_notes and note is not None and stripped and line[:1].isspace():
                note.text = joined_words(note.text, stripped).strip()
                index += 1
                continue
            if _RULE.match(line):
                body_lines.append((number, ""))
                index += 1
                continue
            if in_notes and not stripped:
                index += 1
                continue
            in_notes = False
            note = None
        elif in_notes:
            if not stripped:
                gap = True
                index += 1
                continue
            layout_note = _LAYOUT_NOTE.match(line)
            goes_on = note is not None and not gap and notes_apart is True
            if layout_note is not None and _next_marker(note, layout_note[1]) and not goes_on:
                if notes_apart is None:
                    notes_apart = gap
                note = Note(layout_note[1], number, (layout_note[2] or "").strip())
                notes.append(note)
                gap = False
                index += 1
                continue
            if note is not None and not gap:
                note.text = joined_words(note.text, stripped).strip()
                index += 1
                continue
            if note is None:
                problems.append(
                    Problem(
                        "T010",
                        f"text below a footnote rule is not a footnote: {stripped[:60]!r}",
                        Severity.WARNING,
                        source=source,
                        line=number,
                    )
                )
            # After a blank line, anything but the next note is the resolution's text again.
            in_notes = False
            note = None
        body_lines.append((number, line))
        index += 1

    body = _paragraphs(body_lines, layout=layout, markdown=is_md)
    exact = is_md and str(front.get("unres", "")) == "1"  # Markdown written by unres: no furniture
    page_ends = [number for number, text in body_lines if text == _PAGE_END]
    if not exact:
        body = _notes_between(body, notes, page_ends, problems, source)
    for before, para in itertools.pairwise(body):
        end = bisect.bisect_right(page_ends, before.line)
        para.after_page = end < len(page_ends) and page_ends[end] < para.line
    kept_body: list[Para] = []
    after_annex = False
    number_alone: str | None = None  # "1." whose line the running title followed, over a page end
    for index, para in enumerate(body):
        if number_alone is not None:
            para.text = f"{number_alone} {para.text}"
            number_alone = None
        numbered = _NUMBERED_TITLE.match(para.text)
        if (
            not exact
            and numbered is not None
            and furniture.is_whole_title(numbered[2])
            and index + 1 < len(body)
            and body[index + 1].after_page
        ):
            # The number stood alone at the foot of a page; the running title of the next page was
            # read as its text, and the paragraph's words come after the page's head.
            problems.append(_title_removed(source, para.line))
            number_alone = numbered[1]
            continue
        if (
            not exact
            and para.heading == 0
            and not after_annex
            and (furniture.is_whole_title(para.text) or _running_piece(furniture, para.text))
            and kept_body
            and not kept_body[-1].text.rstrip(" *").endswith(":")  # "Adopts the following declaration:"
        ):
            problems.append(_title_removed(source, para.line))
            continue
        after_annex = bool(re.match(r"^#*\s*Annex\b", para.text)) and len(para.text) < 20
        kept_body.append(para)
    return Source(front, masthead, title_para, kept_body, notes, is_md, layout, problems)


def _title_removed(source: str | None, line: int) -> Problem:
    message = "running page title removed from the text"
    return Problem("T001", message, Severity.WARNING, source=source, line=line)


_NUMBERED_TITLE = re.compile(r"^(\d{1,4}\.) (.+)$")


def _running_piece(furniture: _Furniture, text: str) -> bool:
    """A long piece of the title standing alone without punctuation: a shortened running title."""
    words = _words(text)
    if len(words.split()) < 6 or words.endswith((".", ",", ";", ":")):
        return False
    return furniture.is_title_piece(text)


# A note's paragraph: its number and a space, then not the words of a number in a sentence.
_NOTE_PARAGRAPH = re.compile(
    r"^(\d{1,3}) (?=[^\s\-\u2013])(?!(?:and|to|or|per|of|" + "|".join(MONTHS) + r")\b|%|per cent|percent)"
)


def _notes_between(
    body: list[Para], notes: list[Note], page_ends: list[int], problems: list[Problem], source: str | None
) -> list[Para]:
    """Notes left between paragraphs where a page ended, with no rule above them (text extracted
    with its lines joined): a paragraph "1 A/50/426, annex." is a note when its number is the next
    note's and the text before it calls that number ("in Cairo on 11 April 1996,1"), or calls the
    number of a later note of the run of notes it opens. Each ends a page: the paragraph after the
    notes may go on with the one before them."""
    kept: list[Para] = []
    found: list[Note] = []
    expected = int(notes[-1].marker) + 1 if notes and notes[-1].marker.isdigit() else 1
    run = 0  # the notes still to take of a run of notes whose calls were found
    for index, para in enumerate(body):
        match = _note_paragraph(para)
        if match is not None and int(match[1]) == expected and not run:
            # The call stands in the text before the note (joined only for a paragraph that may be
            # one); or, for a call the extraction glued to a number ("2014,130/4"), the call of a
            # later note of the same run of notes numbered in sequence.
            before = " ".join(p.text for p in kept)
            length = _run_of_notes(body, index, expected)
            if any(_called(before, str(expected + offset)) for offset in range(length)):
                run = length
        if match is not None and int(match[1]) == expected and run:
            found.append(Note(match[1], para.line, para.text[match.end() :].strip()))
            page_ends.append(para.line)
            expected += 1
            run -= 1
            continue
        run = 0
        kept.append(para)
    if found:
        notes.extend(found)
        notes.sort(key=lambda note: note.line)
        page_ends.sort()
        lines = ", ".join(str(note.line) for note in found)
        message = f"{len(found)} footnotes found between paragraphs where pages ended (lines {lines})"
        problems.append(Problem("T026", message, Severity.WARNING, source=source, line=found[0].line))
    return kept


def _note_paragraph(para: Para) -> re.Match[str] | None:
    return _NOTE_PARAGRAPH.match(para.text) if para.heading == 0 else None


def _run_of_notes(body: list[Para], index: int, first: int) -> int:
    """How many paragraphs from ``index`` on read as notes numbered ``first``, ``first + 1`` ..."""
    length = 0
    while index + length < len(body):
        match = _note_paragraph(body[index + length])
        if match is None or int(match[1]) != first + length:
            break
        length += 1
    return length


def _called(text: str, marker: str) -> bool:
    """Whether ``text`` may call note ``marker``: the number on its own, glued to a word or to
    punctuation or set apart ("1996,1", "Treaty4", "in 2014, 3"), not inside a number or a
    symbol ("A/80/3", "3.5"); or glued to a year ("12 August 19492", the call of note 2)."""
    if re.search(rf"(?<![\d/.\-]){marker}(?![\d/]|\.\d)", text) is not None:
        return True
    return re.search(rf"(?<![\d/])(?:19|20)\d\d{marker}(?![\d/])", text) is not None


def _next_marker(note: Note | None, marker: str) -> bool:
    """Whether ``marker`` can open the next note: the first, or one more than the last."""
    if note is None or not marker.isdigit() or not note.marker.isdigit():
        return True
    return int(marker) == int(note.marker) + 1


def _near(strong: list[bool], index: int, distance: int = 3) -> bool:
    low, high = max(0, index - distance), min(len(strong), index + distance + 1)
    return any(strong[low:high])


def _paragraphs(lines: list[tuple[int, str]], *, layout: bool, markdown: bool) -> list[Para]:
    """Join lines into paragraphs: blank lines, first-line indents and paragraph numbers divide."""
    indents = Counter(len(text) - len(text.lstrip()) for _, text in lines if text.strip())
    base = min((indent for indent, count in indents.most_common(3)), default=0) if layout else 0
    paras: list[Para] = []
    current: list[tuple[int, str]] = []

    def close() -> None:
        if current:
            paras.append(_join(current, markdown))
            current.clear()

    pending_number: tuple[int, str] | None = None
    for number, text in lines:
        if not text.strip():
            if pending_number is None:
                close()
            continue
        if markdown and _HEADING.match(text.strip()):
            close()
            paras.append(_join([(number, text)], markdown))
            continue
        if (
            not markdown
            and _ANNEX_ALONE.match(text)
            and (not current or current[-1][1].rstrip().endswith((".", ";", ":")))
        ):
            # "Annex B" on a line of its own heads an annex, its title on the next line.
            close()
            paras.append(_join([(number, text)], markdown))
            continue
        alone = _NUMBER_ALONE.match(text) or _LABEL_ALONE.match(text)
        if alone is not None:
            close()
            pending_number = (number, alone[1] + " ")
            continue
        if pending_number is not None:
            current.append((pending_number[0], pending_number[1] + text.strip()))
            pending_number = None
            continue
        indent = len(text) - len(text.lstrip())
        starts = bool(_PARA_START.match(text))
        if starts and current and _LABEL_START.match(text) and not _CLOSES.search(current[-1][1]):
            starts = False  # "... paragraphs 3" / "(a) to (f) of resolution 51/210": the line goes on
        if starts and current and _inline_item_goes_on(text, current):
            starts = False  # "... to (a) assist ...; and" / "(b) assist ...": items within the sentence
        if current and (starts or (layout and indent >= base + 3)):
            close()
        current.append((number, text))
    close()
    return paras


# The line under a pipe table's header row: "|---|:--:|".
_PIPE_DELIMITER = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")


_INLINE_LABEL = re.compile(rf"^\s*\(({LABEL_PATTERN})\)\s")


def _inline_item_goes_on(text: str, current: list[tuple[int, str]]) -> bool:
    """Whether a line opening with a label ("(b) assist ...") goes on with items set within the
    sentence of the paragraph in hand, which holds the label before it after its first words
    ("Encourages ... to (a) assist ...; and"), not at its start."""
    found = _INLINE_LABEL.match(text)
    if found is None:
        return False
    kind = label_kind(found[1])
    place = position(found[1], kind)
    if place is None or place < 2:
        return False
    before = f" ({label_at(kind, place - 1)}) "
    return before in " ".join(line.strip() for _, line in current)


def is_pipe_table(lines: list[str]) -> bool:
    """Whether ``lines`` are a pipe table (GitHub Markdown, and unres's plain text): rows between
    bars, the second the line under the header row, with as many cells."""
    rows = [line.strip() for line in lines]
    if len(rows) < 2 or not _PIPE_DELIMITER.match(rows[1]):
        return False
    return all(len(row) > 1 and row.startswith("|") and row.endswith("|") for row in rows)


def _join(lines: list[tuple[int, str]], markdown: bool) -> Para:
    first, text = lines[0]
    if markdown and text.startswith("<!-- table "):
        return Para(first, "\n".join(line.strip() for _, line in lines))  # a table of unres: its rows
    if is_pipe_table([line for _, line in lines]):
        return Para(first, "\n".join(line.strip() for _, line in lines))  # its rows, read as a table
    heading = 0
    head = _HEADING.match(text.strip()) if markdown else None
    if head is not None:
        heading = len(head[1])
        text = head[2] or ""
    joined = text.strip()
    for _, more in lines[1:]:
        more = more.strip()
        broken = joined.endswith("-") and not joined.endswith(" -") and more[:1].islower()
        if broken and not SUSPENDED.match(more):
            joined += more  # a word broken at the line's end (but "low-" / "and middle-income" is printed so)
        else:
            joined = joined_words(joined, more)
    return Para(first, " ".join(joined.split()), heading)


# What follows a number in Chinese: its unit, a date's parts, "No.", "per cent" ...
CHINESE_UNITS = (
    "\u5e74\u6708\u65e5\u4e2a\u540d\u9879\u6b21\u5c4a\u53f7\u6761\u6bb5\u6b3e\u7ae0\u8282"
    "\u65f6\u5206\u70b9\u4f4d\uff05%"
)
# The Chinese texts' fullwidth stops and closing brackets, which a call is set against.
FULLWIDTH_STOPS = "\uff0c\uff1b\uff1a\u3002\uff09\u3001\u300d\u300b\u3009"
_CALL_AT_END = re.compile(rf"[{FULLWIDTH_STOPS}]\d{{1,3}}$")


def joined_words(before: str, after: str) -> str:
    """Words that a line's or a page's end divided, joined again: with a space, but none where
    Chinese text was divided (it breaks its lines between any two characters), unless after a
    call (digits against a stop: the UN's Chinese texts set a space after a call)."""
    if before and after and (wide(before[-1]) or wide(after[0])):
        call = wide(after[0]) and after[0] not in CHINESE_UNITS and _CALL_AT_END.search(before)
        return f"{before} {after}" if call else before + after
    return f"{before} {after}"


def wide(char: str) -> bool:
    """Whether ``char`` is a Chinese character or a fullwidth stop (which no space separates)."""
    return unicodedata.east_asian_width(char) in ("W", "F")
