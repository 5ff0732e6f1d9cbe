"""Extract the opening phrases of each language from the UN's own Akoma Ntoso files.

    python docs/openings.py      writes src/unres/data/openings.json from ../shared/unxml/ga/*

The UN's files mark the opening phrase of each paragraph: in italics ("*Rappelant*", "*Prie*"),
in bold italics in Arabic and in bold in Chinese; unres reads it as the paragraph's ``opening``.
This script collects them, per language and kind (preambular, operative), from the translated files
beside the repository, so that the text reader recognises them in plain text of that language.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import unres
from unres.model import OperativeParagraph, PreambularParagraph

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}


def _phrase(opening: str) -> bool:
    """An opening phrase: a few words of letters and their marks only ("Prie", "Accueille avec
    satisfaction", the Arabic vowel marks)."""
    words = opening.split()
    return 0 < len(words) <= 5 and all(
        word and all(unicodedata.category(c)[0] in "LM" for c in word.replace("-", "")) for word in words
    )


def main() -> int:
    shared = ROOT.parent / "shared" / "unxml" / "ga"
    out: dict[str, object] = {
        "_source": "The opening phrases of the UN's Akoma Ntoso files of General Assembly "
        "resolutions of sessions 74, 75 and 80 in each language, collected by docs/openings.py.",
    }
    for folder, code in FOLDERS.items():
        kinds: dict[str, Counter[str]] = {"preambular": Counter(), "operative": Counter()}
        for path in sorted((shared / folder).glob("*.xml")):
            try:
                resolution = unres.load(path)
            except unres.UnresError:
                continue
            for _, para in resolution.iter_paragraphs():
                opening = getattr(para, "opening", None)
                if not opening or not _phrase(opening):
                    continue  # an italic heading set as a paragraph ("Abréviations :")
                if isinstance(para, PreambularParagraph):
                    kinds["preambular"][opening] += 1
                elif isinstance(para, OperativeParagraph):
                    kinds["operative"][opening] += 1
        out[code] = {kind: sorted(found) for kind, found in kinds.items()}
    target = ROOT / "src" / "unres" / "data" / "openings.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
