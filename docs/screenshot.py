"""Render examples/A-RES-73-266.xml as HTML and take a screenshot of it in headless Chromium;
with the UN's files beside the repository (../shared/unxml), also the French, Arabic and
Chinese versions of A/RES/74/132.

    python docs/screenshot.py              writes docs/A-RES-73-266.png (and docs/A-RES-73-266.html)
                                           and docs/A-RES-74-132.{fr,ar,zh}.png

Needs Chromium (Debian: apt-get install chromium) and fonts that cover Arabic and Chinese (Debian:
fonts-noto-core, fonts-noto-cjk); set CHROMIUM to Chromium's path if it is elsewhere. The pages
of the UN's files are not kept in the repository, only their screenshots.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unres
from unres import html

ROOT = Path(__file__).resolve().parents[1]


def chromium() -> str:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and (found := shutil.which(name)):
            return found
    sys.exit("screenshot.py: Chromium not found (apt-get install chromium, or set CHROMIUM)")


def shoot(page: Path, target: Path, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--window-size=1000,{height}",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {target.relative_to(ROOT)}")


def main() -> int:
    resolution = unres.load(ROOT / "examples" / "A-RES-73-266.xml")
    page = ROOT / "docs" / "A-RES-73-266.html"
    html.dump(resolution, page)
    shoot(page, ROOT / "docs" / "A-RES-73-266.png", 3700)
    shared = ROOT.parent / "shared" / "unxml" / "ga"
    for language in ("fr", "ar", "zh"):
        source = shared / language / f"A_RES_74_132.unxml.{language}.xml"
        if source.exists():
            with tempfile.TemporaryDirectory() as folder:
                version = Path(folder) / f"A-RES-74-132.{language}.html"
                html.dump(unres.load(source), version)
                shoot(version, ROOT / "docs" / f"A-RES-74-132.{language}.png", 1900)
    return 0


if __name__ == "__main__":
    sys.exit(main())
