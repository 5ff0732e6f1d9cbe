"""Hostile and broken input: every reader fails with an UnresError, in bounded time, leaving no file."""

from __future__ import annotations

import copy
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import unres
from unres import akn, text
from unres import json as unres_json
from unres.validation import validate_bytes

from .conftest import EXAMPLES, SHARED

SOURCES = [EXAMPLES / "A-RES-73-266.xml"] + [
    path
    for path in (
        SHARED / "examples" / "A-RES-79-275.un-production-trimmed.xml",
        SHARED / "examples" / "template-ga-resolution.xml",
    )
    if path.exists()
]
DOCUMENTS = [path.read_bytes() for path in SOURCES]
JSON_TEXT = unres_json.dumps(akn.loads(DOCUMENTS[0])).encode()


def only_unres_errors(data: bytes) -> None:
    """Every reader and the validator either succeed or raise an UnresError."""
    readers: list[Callable[[bytes], object]] = [
        akn.loads,
        unres.loads,
        unres_json.loads,
        lambda raw: text.loads(raw, markdown=True),
        lambda raw: text.loads(raw, markdown=False),
    ]
    for read in readers:
        try:
            read(data)
        except unres.UnresError as error:
            assert "\n" not in str(error)
    validate_bytes(data)


@st.composite
def mutated_xml(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(DOCUMENTS))
    kind = draw(st.sampled_from(["truncate", "flip", "delete", "duplicate"]))
    if kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if kind == "flip":
        raw = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return bytes(raw)
    root = etree.fromstring(data)
    elements = [e for e in root.iter() if isinstance(e.tag, str) and e.getparent() is not None]
    target = draw(st.sampled_from(elements))
    parent = target.getparent()
    assert parent is not None
    if kind == "delete":
        parent.remove(target)
    else:
        parent.insert(parent.index(target), copy.deepcopy(target))
    return bytes(etree.tostring(root))


@given(mutated_xml())
def test_damaged_akn_never_escapes_as_another_exception(data: bytes) -> None:
    only_unres_errors(data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


# Texts: the example written as Markdown and as plain text, and the shared texts when present.
TEXTS = [text.dumps(akn.loads(DOCUMENTS[0]), "md"), text.dumps(akn.loads(DOCUMENTS[0]), "text")] + [
    path.read_text(encoding="utf-8") for path in sorted((SHARED / "examples" / "text").glob("A_RES_*"))
]


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate"]))
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "delete":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            lines.insert(at, draw(st.text(max_size=40)))
        else:
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@given(mutated_text())
def test_damaged_texts_give_a_resolution_or_an_unres_error(data: str) -> None:
    only_unres_errors(data.encode("utf-8"))


@given(JSON_VALUES)
def test_random_json_values_never_escape(value: Any) -> None:
    only_unres_errors(json.dumps(value).encode())


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


BASE_DATA = json.loads(JSON_TEXT)
JSON_PATHS = [path for path in _paths(BASE_DATA) if path]


@given(st.sampled_from(JSON_PATHS), JSON_VALUES)
def test_a_wrong_value_anywhere_in_json_is_named_by_its_path(path: tuple[Any, ...], value: Any) -> None:
    data = json.loads(JSON_TEXT)
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    if holder[path[-1]] == value:
        return
    holder[path[-1]] = value
    try:
        unres_json.loads(json.dumps(data))
    except unres.UnresError as error:
        assert "\n" not in str(error)
        assert error.path is not None or "$" in error.message or error.message


@given(st.binary(max_size=2000))
def test_random_bytes_never_escape(data: bytes) -> None:
    only_unres_errors(data)


@given(st.text(max_size=2000))
def test_random_text_never_escapes(text: str) -> None:
    only_unres_errors(text.encode("utf-8"))


# -- XML attacks ------------------------------------------------------------------------------


# Nine levels of ten references each: a billion "lol"s once expanded.
_LAUGHS = b"".join(b'<!ENTITY l%d "%s">' % (n, b"&l%d;" % (n - 1) * 10) for n in range(1, 10))

ATTACKS = {
    "external-file-entity": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    "network-entity": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><a>&x;</a>',
    "external-dtd": b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://127.0.0.1:9/a.dtd"><a/>',
    "parameter-entity": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">%p;]><a/>',
    "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY l0 "lol">' + _LAUGHS + b"]><a>&l9;</a>",
    "quadratic-blowup": b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "'
    + b"x" * 100_000
    + b'">]><a>'
    + b"&x;" * 1000
    + b"</a>",
}


@pytest.mark.parametrize("name", list(ATTACKS))
def test_entity_and_dtd_attacks_are_refused(name: str) -> None:
    started = time.perf_counter()
    with pytest.raises(unres.ParseError, match=r"^evil\.xml:1: a DOCTYPE is not allowed"):
        akn.loads(ATTACKS[name], source="evil.xml")
    assert time.perf_counter() - started < 2


def test_xinclude_and_processing_instructions_are_refused() -> None:
    with pytest.raises(unres.ParseError, match="XInclude is not allowed"):
        akn.loads(
            b'<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd"/></a>'
        )
    with pytest.raises(unres.ParseError, match="processing instructions are not allowed"):
        akn.loads(b"<a><?php echo 1; ?></a>")


def test_very_deep_nesting_is_refused() -> None:
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    started = time.perf_counter()
    with pytest.raises(unres.ParseError, match="malformed XML: elements nested deeper than 256 levels"):
        akn.loads(data)
    assert time.perf_counter() - started < 5
    with pytest.raises(unres.ParseError, match="JSON nested too deeply"):
        unres_json.loads(b"[" * 200_000 + b"]" * 200_000)


def test_a_50_mb_document_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as stream:
        stream.write(b"<akomaNtoso>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</akomaNtoso>")
    started = time.perf_counter()
    with pytest.raises(unres.UnresError, match=r"big\.xml: larger than 32 MB"):
        unres.load(big)
    assert time.perf_counter() - started < 1
    with pytest.raises(unres.ParseError, match="larger than 32 MB"):
        unres_json.loads(b" " * (33 * 1024 * 1024))


# -- files passed by mistake ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (
            b"%PDF-1.7\n%\xe2\xe3",
            "this is a PDF document, not Akoma Ntoso XML, unres JSON or text: extract its text first",
        ),
        (b"PK\x03\x04\x14\x00", "this is a ZIP archive, such as a Word (.docx) document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "this is a Word 97-2003 (.doc) document"),
        (b"\x7fELF\x02\x01\x01\x00", "binary data"),
        (b"Recalling its resolution 53/70,", "no resolution found: no title line such as '73/266. Title'"),
    ],
    ids=["empty", "blank", "pdf", "docx", "doc", "binary", "plain-text"],
)
def test_files_passed_by_mistake_say_what_they_are(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.dat"
    path.write_bytes(content)
    with pytest.raises(unres.UnresError) as caught:
        unres.load(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:")
    (problem,) = unres.validate_file(path)
    assert problem.code == "E001" and message in problem.message


# -- files and folders ------------------------------------------------------------------------


def test_missing_file_and_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(unres.UnresError, match="no such file"):
        unres.load(tmp_path / "missing.xml")
    with pytest.raises(unres.UnresError, match="is a directory, not a file"):
        unres.load(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes regardless of permissions")
def test_unreadable_input_and_read_only_folder(tmp_path: Path) -> None:
    source = tmp_path / "a.xml"
    source.write_bytes(DOCUMENTS[0])
    source.chmod(0)
    with pytest.raises(unres.UnresError, match="cannot read: permission denied"):
        unres.load(source)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    with pytest.raises(unres.UnresError, match="cannot write"):
        unres.dump(akn.loads(DOCUMENTS[0]), folder / "out.xml")


def test_permissions_refused_by_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as the test above, simulated so that it also runs as root (as CI does)."""
    import errno
    import tempfile

    source = tmp_path / "a.xml"
    source.write_bytes(DOCUMENTS[0])
    resolution = akn.loads(DOCUMENTS[0])

    def refuse(*args: object, **kwargs: object) -> Any:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(unres.UnresError, match=r"a\.xml: cannot read: permission denied"):
        unres.load(source)
    monkeypatch.undo()
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(unres.UnresError, match=r"out\.xml: cannot write: Permission denied"):
        unres.dump(resolution, tmp_path / "out.xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xml"]


def test_an_output_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(unres.UnresError, match=r"not-a-folder/out\.xml: cannot write: Not a directory"):
        unres.dump(akn.loads(DOCUMENTS[0]), blocker / "out.xml")


def test_an_output_folder_that_is_a_file_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("x")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "unres",
            "convert",
            str(EXAMPLES / "A-RES-73-266.xml"),
            "-o",
            str(tmp_path / "blocker" / "sub" / "out.xml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "cannot create the folder" in result.stderr.splitlines()[0]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            self.stream = real_fdopen(fd, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            self.stream.write(data[:100])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", FullDisk)
    with pytest.raises(unres.UnresError, match="cannot write: No space left on device"):
        unres.dump(akn.loads(DOCUMENTS[0]), tmp_path / "out.xml")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_during_a_batch_leaves_only_whole_files(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for number in range(400):
        (source / f"r{number:03}.xml").write_bytes(DOCUMENTS[0])
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "unres", "convert", str(source), "-o", str(out), "--to", "json"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not (out.exists() and len(list(out.iterdir())) >= 5) and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "unres: interrupted"
    assert "Traceback" not in stderr
    # The summary says how far the batch got before it was stopped.
    summary = stderr.strip().splitlines()[-2]
    assert re.fullmatch(
        r"\d+ converted, 0 failed, 0 skipped in [\d.]+s, interrupted after \d+ of 400", summary
    )
    written = sorted(out.iterdir())
    assert 5 <= len(written) < 400
    for path in written:
        assert path.suffix == ".json" and not path.name.startswith(".")
        assert unres_json.loads(path.read_bytes()) == akn.loads(DOCUMENTS[0])
    assert sorted(p.name for p in source.iterdir())[:1] == ["r000.xml"]
    assert all(p.read_bytes() == DOCUMENTS[0] for p in source.iterdir())
