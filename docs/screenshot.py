"""Render examples/A-RES-73-266.xml as HTML and take a screenshot of it in headless Chromium.

    python docs/screenshot.py              writes docs/A-RES-73-266.png (and docs/A-RES-73-266.html)

Needs Chromium (Debian: apt-get install chromium); set CHROMIUM to its path if it is elsewhere.
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


def main() -> int:
    resolution = unres.load(ROOT / "examples" / "A-RES-73-266.xml")
    page = ROOT / "docs" / "A-RES-73-266.html"
    html.dump(resolution, page)
    target = ROOT / "docs" / "A-RES-73-266.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                "--window-size=1000,3700",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {target.relative_to(ROOT)} and {page.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
