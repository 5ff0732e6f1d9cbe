"""The pre-commit hook, run by the real pre-commit tool on a scratch repository, as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, ROOT


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@x"
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_hook_checks_resolutions_and_nothing_else(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("the hook is installed from a git checkout of unres")
    # The hook as committed: a clean copy of this checkout's files at a commit of its own.
    copy = tmp_path / "unres"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "*.egg-info", "site", "__pycache__")
    )
    _git("init", "-q", cwd=copy)
    _git("add", "-A", cwd=copy)
    _git("commit", "-q", "-m", "unres", cwd=copy)
    rev = _git("rev-parse", "HEAD", cwd=copy)

    project = tmp_path / "project"
    project.mkdir()
    _git("init", "-q", cwd=project)
    (project / "package.json").write_text('{"name": "site"}\n')
    (project / "pom.xml").write_text("<project/>\n")
    resolutions = project / "resolutions"
    resolutions.mkdir()
    shutil.copy(EXAMPLES / "A-RES-73-266.xml", resolutions / "A-RES-73-266.xml")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {copy}\n    rev: {rev}\n    hooks:\n      - id: unres-validate\n"
    )
    _git("add", "-A", cwd=project)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    good = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "unres validate" in good.stdout and "Passed" in good.stdout

    broken = (
        (EXAMPLES / "A-RES-73-266.xml").read_text(encoding="utf-8").replace("<num>2.</num>", "<num>4.</num>")
    )
    (resolutions / "A-RES-73-266.xml").write_text(broken, encoding="utf-8")
    _git("add", "-A", cwd=project)
    bad = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "R001 operative paragraph 4 follows 1" in bad.stdout
    assert "package.json" not in bad.stdout and "pom.xml" not in bad.stdout
