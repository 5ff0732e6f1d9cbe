"""Opening phrases in plain text: where the italic phrase of a paragraph ends.

The phrases are data (``unres/data/phrases.json``); this module only applies them.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from unres._text import known_phrase, phrases

__all__ = ["find_opening", "is_operative_start", "is_preambular_start", "opens_with_known_phrase"]


@cache
def _heads(kind: str) -> frozenset[str]:
    return frozenset(phrase.split()[0].lower() for phrase in phrases()[kind])


@cache
def _adverbs() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(a.lower().split()) for a in phrases()["adverbs"]), key=len, reverse=True))


@cache
def _modifiers() -> tuple[tuple[str, ...], ...]:
    modifiers = phrases()["modifiers"]["phrases"]
    return tuple(sorted((tuple(p.lower().split()) for p in modifiers), key=len, reverse=True))


@cache
def _continuations(head: str) -> tuple[tuple[str, ...], ...]:
    continuations = phrases()["continuations"]
    table: dict[str, list[str]] = {k.lower(): v for k, v in continuations.items() if k != "about"}
    return tuple(sorted((tuple(p.lower().split()) for p in table.get(head, [])), key=len, reverse=True))


_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


def _take(words: list[str], at: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many words from ``at`` one of ``phrases`` covers (0 when none matches)."""
    lowered = [w.lower() for w in words[at : at + 6]]
    for phrase in phrases:
        if tuple(lowered[: len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _shape(word: str, kind: str) -> bool:
    lowered = word.lower()
    if lowered in _heads(kind):
        return True
    if kind == "preambular":
        return lowered.endswith("ing") and len(lowered) > 5
    return False


@cache
def _listed(code: str, kind: str) -> tuple[str, ...]:
    """The opening phrases of a language other than English (``data/openings.json``), longest
    first."""
    with resources.files("unres").joinpath("data", "openings.json").open("rb") as stream:
        data = json.load(stream)
    return tuple(sorted(data.get(code, {}).get(kind, []), key=len, reverse=True))


_AFTER_PHRASE = ("", " ", ",", ";", ":", "\u060c", "\u061b")  # and the Arabic comma and semicolon


def find_opening(text: str, kind: str, code: str = "eng") -> tuple[str | None, str]:
    """Split plain ``text`` into its opening phrase and the rest, for a ``kind`` of paragraph.

    ``kind`` is ``"preambular"`` or ``"operative"``. In English, the phrase is any leading
    adverbs, a known first word (or, in the preamble, a participle), the words that belong to
    that word (*Calls upon*, *Taking into account*) and trailing modifiers (*also*, *with
    concern*). In another language (``code``), the longest phrase the UN's files of that
    language open paragraphs with (*Rappelant également*, *Prie*).
    """
    if code != "eng":
        for phrase in _listed(code, kind):
            # Chinese sets the rest right after the phrase; the others after a space or a mark.
            after = text[len(phrase) : len(phrase) + 1]
            if text.startswith(phrase) and (code == "zho" or after in _AFTER_PHRASE):
                return phrase, text[len(phrase) :].lstrip(" ")
        return None, text
    words = text.split(" ")
    if not words or not _WORD.fullmatch(words[0].rstrip(",;:")):
        return None, text
    at = 0
    while (size := _take(words, at, _adverbs())) and at + size < len(words):
        at += size
    if at >= len(words):
        return None, text
    head = words[at]
    bare = head.rstrip(",;:")
    if not _WORD.fullmatch(bare) or not _shape(bare, kind):
        return None, text
    if at == 0 and not bare[0].isupper():
        return None, text
    end = at + 1
    if bare == head:
        continuation = _continuations(bare.lower())
        if continuation == (("*",),):
            if end < len(words) and _WORD.fullmatch(words[end].rstrip(",;:")):
                end += 1
        else:
            end += _take(words, end, continuation)
        while not words[end - 1].endswith((",", ";", ":")) and (size := _take(words, end, _modifiers())):
            end += size
    phrase_words = words[:end]
    last = phrase_words[-1]
    trailing = ""
    while last and last[-1] in ",;:":
        trailing = last[-1] + trailing
        last = last[:-1]
    phrase = " ".join([*phrase_words[:-1], last])
    rest = " ".join(words[end:])
    if trailing:
        rest = trailing + (" " + rest if rest else "")
    return phrase, rest


def is_operative_start(text: str, code: str = "eng") -> bool:
    """Whether plain ``text`` opens like an operative paragraph (*Requests*, *Also decides*)."""
    opening, _ = find_opening(text, "operative", code)
    return opening is not None


def opens_with_known_phrase(text: str, kind: str, code: str = "eng") -> bool:
    """Whether plain ``text`` opens with a phrase ``kind`` paragraphs are known to open with: in
    English one of ``phrases.json`` (not any participle: "Missing Persons, which ..." is not one),
    in another language one the UN's files of that language open with."""
    opening, _ = find_opening(text, kind, code)
    return opening is not None and (code != "eng" or known_phrase(opening, kind))


def is_preambular_start(text: str, code: str = "eng") -> bool:
    """Whether plain ``text`` opens like a preambular paragraph (*Recalling*, *Deeply concerned*)."""
    opening, _ = find_opening(text, "preambular", code)
    return opening is not None
