"""Speed of unres against baselines measured in the same run.

Each measure is the median time of several interleaved rounds; the table shows it as a ratio to
its baseline (lower is better):

- akn_read:   AKN bytes -> model,      against lxml.etree.fromstring of the same bytes
- akn_write:  model -> AKN bytes,      against lxml.etree.tostring of the parsed tree
- json_read:  JSON text -> model,      against json.loads of the same text
- json_write: model -> JSON text,      against json.dumps of the same JSON values
- text_read:  plain text -> model (the layout unres writes, read with recognition and repairs),
              against akn_read of the same resolution
- md_read:    Markdown written by unres -> model, against akn_read of the same resolution
- validate:   unres.validation on AKN, against lxml validation with the official OASIS schema
- validate_vs_read: the same, against reading the document plus lxml validation with the OASIS schema

Documents are generated here with a seeded generator (10, 200 and 2,000 operative paragraphs, with
sub-paragraphs, footnotes and references in proportion), plus the shipped A/RES/73/266.

Then, on the 200-paragraph document and the whole program:

- xsdata_read / xsdata_write: unres against xsdata, the generic binding, with models generated
  from ../shared/schemas/akomantoso30.xsd into a temporary folder at run time (needs xsdata[cli]:
  pip install -e '.[bench]'); the target is a ratio of 0.1 or less
- import: python -c "import unres" against python -c "pass" (ms is the time added)
- version: unres --version against python -c "pass" (ms is the time added)
- batch: unres convert of 1,000 copies of A/RES/73/266 to JSON, --jobs 2 against --jobs 1
  (ratio of throughputs)

And on the UN's own production files, when ../shared/unxml is present:

- un_read: unres.akn.loads of the largest English GA file against lxml.etree.fromstring of it
- un_batch: unres convert of every English GA file to JSON with --jobs 2, against --jobs 1 (ratio
  of throughputs), with files per second
- un_index: unres index of every English GA file into a new SQLite file with --jobs 2, against
  unres convert of them to JSON with --jobs 2 (ratio of times), with files per second, and the
  time of indexing again when nothing changed
- un_batch_memory: the peak memory of converting every file, against converting a tenth of them
  (flat, 1.0, when memory does not grow with the number of files)

    python benchmarks/run.py            a table
    python benchmarks/run.py --json     one JSON object {name: {"ratio": r, "ms": m}}
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import unres
from unres import akn
from unres import json as unres_json
from unres import text as unres_text
from unres._text import format_date
from unres.validation import validate_bytes

ROOT = Path(__file__).resolve().parents[1]
OASIS = ROOT / ".." / "shared" / "schemas" / "akomantoso30.xsd"
UN_FILES = ROOT / ".." / "shared" / "unxml" / "ga" / "en"
BATCH = 1000
WORDS = [
    "the",
    "General",
    "Assembly",
    "Member",
    "States",
    "Secretary-General",
    "report",
    "international",
    "cooperation",
    "development",
    "security",
    "human",
    "rights",
    "implementation",
    "session",
    "programme",
    "mandate",
    "peace",
]


def _sentence(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def synthetic(paragraphs: int, seed: int = 7) -> unres.Resolution:
    """A resolution with ``paragraphs`` operative paragraphs in realistic proportions."""
    rng = random.Random(seed)
    footnotes: list[unres.Footnote] = []

    def text(words: int) -> unres.Text:
        pieces: list[unres.Inline] = [_sentence(rng, words)]
        if rng.random() < 0.3:
            date = dt.date(rng.randint(1990, 2024), rng.randint(1, 12), rng.randint(1, 28))
            symbol = unres.Symbol(str(rng.randint(45, 79)), rng.randint(1, 300))
            href = f"/akn/un/statement/deliberation/un-ga/{date.isoformat()}/{symbol.iri_number}"
            pieces += [" resolution ", unres.Reference(href, (symbol.resolution_number,)), " of "]
            pieces.append(unres.Date(date, format_date(date)))
        if rng.random() < 0.1:
            marker = str(len(footnotes) + 1)
            footnotes.append(unres.Footnote(marker, (f"A/{rng.randint(50, 79)}/{rng.randint(1, 900)}.",)))
            pieces.append(unres.FootnoteCall(marker))
        return (*pieces, ";")

    preamble = [unres.PreambularParagraph(text(25), "Recalling") for _ in range(max(3, paragraphs // 3))]
    operative: list[unres.OperativeItem] = []
    for number in range(1, paragraphs + 1):
        subs: tuple[unres.SubParagraph, ...] = ()
        if number % 5 == 0:
            subs = tuple(unres.SubParagraph(label, text(15)) for label in "abc")
        operative.append(unres.OperativeParagraph(number, text(40), "Requests", subs))
    return unres.Resolution(
        symbol=unres.Symbol("80", 500 + paragraphs),
        title=_sentence(rng, 8),
        adoption_date=dt.date(2025, 12, 15),
        agenda_items=[unres.AgendaItem(68, "b")],
        origin=unres.Origin("A/80/500", "Third Committee"),
        preamble=preamble,
        operative=operative,
        footnotes=footnotes,
        meeting=unres.Meeting(60),
    )


def median_ms(function: Callable[[], object], rounds: int, repeat: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times) * 1000


def measure(
    name: str, document: unres.Resolution, rounds: int, oasis: etree.XMLSchema | None
) -> dict[str, float]:
    """The ms of each measure and of its baseline, interleaved round by round."""
    xml = akn.dumps(document)
    tree = etree.fromstring(xml)
    text = unres_json.dumps(document)
    values = json.loads(text)
    size = len(list(document.iter_paragraphs()))
    repeat = max(1, 2000 // max(size, 1))
    plain = unres_text.dumps(document, "text")
    markdown = unres_text.dumps(document, "md")
    pairs: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "akn_read": (lambda: akn.loads(xml), lambda: etree.fromstring(xml)),
        "text_read": (lambda: unres_text.loads(plain, markdown=False), lambda: akn.loads(xml)),
        "md_read": (lambda: unres_text.loads(markdown), lambda: akn.loads(xml)),
        "akn_write": (lambda: akn.dumps(document), lambda: etree.tostring(tree)),
        "json_read": (lambda: unres_json.loads(text), lambda: json.loads(text)),
        "json_write": (
            lambda: unres_json.dumps(document),
            lambda: json.dumps(values, ensure_ascii=False, indent=2),
        ),
    }
    if oasis is not None:
        pairs["validate"] = (
            lambda: validate_bytes(xml, "akn"),
            lambda: oasis.validate(etree.fromstring(xml)),
        )
        pairs["validate_vs_read"] = (
            lambda: validate_bytes(xml, "akn"),
            lambda: (akn.loads(xml), oasis.validate(etree.fromstring(xml))),
        )
    samples: dict[str, list[tuple[float, float]]] = {key: [] for key in pairs}
    for _ in range(rounds):
        for key, (ours, base) in pairs.items():
            samples[key].append((median_ms(ours, 1, repeat), median_ms(base, 1, repeat)))
    result = {}
    for key, runs in samples.items():
        ours_ms = statistics.median(r[0] for r in runs)
        base_ms = statistics.median(r[1] for r in runs)
        result[key] = ours_ms
        result[key + "_baseline"] = base_ms
    return result


def xsdata_peer(xml: bytes, rounds: int) -> dict[str, float]:
    """unres against xsdata bindings generated now from the OASIS schema (empty if unavailable)."""
    import importlib
    import shutil
    import subprocess
    import tempfile

    generator = shutil.which("xsdata", path=str(Path(sys.executable).parent))
    if generator is None or not OASIS.exists():
        return {}
    folder = tempfile.mkdtemp(prefix="unres-bench-")
    # xsdata formats the code it generates with ruff, found on PATH: the one beside this Python.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    generated = subprocess.run(
        [generator, "generate", str(OASIS.resolve()), "--package", "aknbench"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path},
    )
    if generated.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        last = (generated.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"(xsdata not measured: generating the bindings failed: {last})", file=sys.stderr)
        return {}
    sys.path.insert(0, folder)
    try:
        from xsdata.formats.dataclass.parsers import XmlParser
        from xsdata.formats.dataclass.serializers import XmlSerializer

        binding = importlib.import_module("aknbench.akomantoso30").AkomaNtoso
        parser, serializer = XmlParser(), XmlSerializer()
        document = parser.from_bytes(xml, binding)
        resolution = akn.loads(xml)
        repeat = 3
        read, read_base, write, write_base = [], [], [], []
        for _ in range(rounds):
            read.append(median_ms(lambda: akn.loads(xml), 1, repeat))
            read_base.append(median_ms(lambda: parser.from_bytes(xml, binding), 1, repeat))
            write.append(median_ms(lambda: akn.dumps(resolution), 1, repeat))
            write_base.append(median_ms(lambda: serializer.render(document), 1, repeat))
    finally:
        sys.path.remove(folder)
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "xsdata_read": statistics.median(read),
        "xsdata_read_baseline": statistics.median(read_base),
        "xsdata_write": statistics.median(write),
        "xsdata_write_baseline": statistics.median(write_base),
    }


def _run_ms(command: list[str], rounds: int) -> float:
    import subprocess

    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def program(rounds: int) -> dict[str, float]:
    """Start-up and batch conversion, measured on whole processes."""
    import shutil
    import tempfile

    python = sys.executable
    script = shutil.which("unres", path=str(Path(python).parent)) or "unres"
    empty = _run_ms([python, "-c", "pass"], rounds)
    result = {
        "import": _run_ms([python, "-c", "import unres"], rounds),
        "import_baseline": empty,
        "version": _run_ms([script, "--version"], rounds),
        "version_baseline": empty,
    }
    folder = Path(tempfile.mkdtemp(prefix="unres-batch-"))
    try:
        source = folder / "in"
        source.mkdir()
        data = (ROOT / "examples" / "A-RES-73-266.xml").read_bytes()
        for number in range(BATCH):
            (source / f"r{number:03}.xml").write_bytes(data)
        for jobs in ("1", "2"):
            command = [
                script,
                "convert",
                str(source),
                "-o",
                str(folder / f"out{jobs}"),
                "--to",
                "json",
                "--force",
                "--jobs",
                jobs,
            ]
            result[f"batch_jobs{jobs}"] = _run_ms(command, max(1, rounds // 3))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def un_files(rounds: int) -> dict[str, float]:
    """The UN's own files: the largest read against lxml, the whole folder converted (empty if
    ../shared/unxml is absent)."""
    import shutil
    import tempfile

    files = sorted(UN_FILES.glob("*.xml"), key=lambda path: path.stat().st_size)
    if not files:
        return {}
    largest = files[-1].read_bytes()
    read = [median_ms(lambda: akn.loads(largest), 1, 3) for _ in range(rounds)]
    parse = [median_ms(lambda: etree.fromstring(largest), 1, 3) for _ in range(rounds)]
    result = {
        "un_read": statistics.median(read),
        "un_read_baseline": statistics.median(parse),
        "un_read_kb": len(largest) / 1024,
        "un_files": len(files),
    }
    script = shutil.which("unres", path=str(Path(sys.executable).parent)) or "unres"
    folder = Path(tempfile.mkdtemp(prefix="unres-un-"))
    try:
        tenth = folder / "tenth"
        tenth.mkdir()
        for path in files[::10]:  # every tenth file, small and large alike
            shutil.copy(path, tenth / path.name)
        for jobs in ("1", "2"):
            command = [script, "convert", str(UN_FILES), "-o", str(folder / jobs), "--to", "json"]
            runs = max(1, rounds // 3)
            result[f"un_batch_jobs{jobs}"] = _run_ms([*command, "--force", "--jobs", jobs, "--quiet"], runs)
        database = folder / "index.sqlite"
        made = []
        for _ in range(max(1, rounds // 3)):
            database.unlink(missing_ok=True)
            made.append(_run_ms([script, "index", str(UN_FILES), "-o", str(database), "--jobs", "2"], 1))
        result["un_index"] = statistics.median(made)
        result["un_reindex"] = _run_ms([script, "index", str(UN_FILES), "-o", str(database)], 3)
        whole = [script, "convert", str(UN_FILES), "-o", str(folder / "peak"), "--to", "json", "--quiet"]
        part = [script, "convert", str(tenth), "-o", str(folder / "peak10"), "--to", "json", "--quiet"]
        result["un_batch_peak_mb"] = _peak_mb(whole)
        result["un_batch_peak_tenth_mb"] = _peak_mb(part)
        result["un_tenth_files"] = len(list(tenth.iterdir()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _peak_mb(command: list[str]) -> float:
    """The peak resident memory of ``command``, in MB, measured by a fresh process that runs it."""
    import subprocess

    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds per measure (default 7)")
    args = parser.parse_args(argv)
    oasis = etree.XMLSchema(etree.parse(str(OASIS))) if OASIS.exists() else None
    documents = {
        "A/RES/73/266": akn.load(ROOT / "examples" / "A-RES-73-266.xml"),
        "10 paragraphs": synthetic(10),
        "200 paragraphs": synthetic(200),
        "2000 paragraphs": synthetic(2000),
    }
    results = {name: measure(name, doc, args.rounds, oasis) for name, doc in documents.items()}
    measures = [key for key in results["200 paragraphs"] if not key.endswith("_baseline")]
    headline = results["200 paragraphs"]
    per_paragraph = {
        name: results[name]["akn_read"] / int(name.split()[0])
        for name in ("200 paragraphs", "2000 paragraphs")
    }
    growth = per_paragraph["2000 paragraphs"] / per_paragraph["200 paragraphs"]
    peer = xsdata_peer(akn.dumps(documents["200 paragraphs"]), args.rounds)
    whole = program(max(5, args.rounds))
    extra: dict[str, dict[str, float]] = {}
    for key in ("xsdata_read", "xsdata_write"):
        if key in peer:
            extra[key] = {"ratio": peer[key] / peer[key + "_baseline"], "ms": peer[key]}
    for key in ("import", "version"):
        extra[key] = {
            "ratio": whole[key] / whole[key + "_baseline"],
            "ms": whole[key] - whole[key + "_baseline"],
        }
    throughput = {jobs: BATCH / (whole[f"batch_jobs{jobs}"] / 1000) for jobs in (1, 2)}
    extra["batch"] = {"ratio": throughput[2] / throughput[1], "ms": whole["batch_jobs2"]}
    un = un_files(args.rounds)
    un_rate: dict[int, float] = {}
    if un:
        extra["un_read"] = {"ratio": un["un_read"] / un["un_read_baseline"], "ms": un["un_read"]}
        un_rate = {jobs: un["un_files"] / (un[f"un_batch_jobs{jobs}"] / 1000) for jobs in (1, 2)}
        extra["un_batch"] = {"ratio": un_rate[2] / un_rate[1], "ms": un["un_batch_jobs2"]}
        extra["un_index"] = {"ratio": un["un_index"] / un["un_batch_jobs2"], "ms": un["un_index"]}
    if args.json:
        out = {
            key: {
                "ratio": round(headline[key] / headline[key + "_baseline"], 2),
                "ms": round(headline[key], 3),
            }
            for key in measures
        }
        out["akn_read_growth"] = {
            "ratio": round(growth, 2),
            "ms": round(results["2000 paragraphs"]["akn_read"], 3),
        }
        out.update(
            {key: {"ratio": round(v["ratio"], 2), "ms": round(v["ms"], 3)} for key, v in extra.items()}
        )
        print(json.dumps(out, indent=2))
        return 0
    print(f"unres {unres.__version__}, Python {sys.version.split()[0]}, lxml {etree.__version__}")
    print("ratio = unres time / baseline time in the same run (lower is better); ms = unres time")
    header = f"{'measure':<18}" + "".join(f"{name:>22}" for name in documents)
    print(header)
    print("-" * len(header))
    for key in measures:
        cells = []
        for name in documents:
            ours, base = results[name][key], results[name][key + "_baseline"]
            cells.append(f"{ours / base:>8.2f}x {ours:>9.3f} ms")
        print(f"{key:<18}" + "".join(f"{cell:>22}" for cell in cells))
    print(f"\nakn_read growth, per-paragraph cost at 2000 / at 200 paragraphs: {growth:.2f}")
    if oasis is None:
        print("(validate not measured: ../shared/schemas/akomantoso30.xsd is absent)")
    print()
    for key, label in (
        ("xsdata_read", "unres read / xsdata read, 200 paragraphs"),
        ("xsdata_write", "unres write / xsdata write, 200 paragraphs"),
    ):
        if key in extra:
            print(f"{key:<18}{extra[key]['ratio']:>8.2f}x {extra[key]['ms']:>9.3f} ms   {label}")
        else:
            print(f"{key:<18}  not measured: install xsdata[cli] (pip install -e '.[bench]')")
    print(
        f"{'import':<18}{extra['import']['ratio']:>8.2f}x {extra['import']['ms']:>9.1f} ms   "
        "python -c 'import unres' / python -c 'pass'; ms added"
    )
    print(
        f"{'version':<18}{extra['version']['ratio']:>8.2f}x {extra['version']['ms']:>9.1f} ms   "
        "unres --version / python -c 'pass'; ms added"
    )
    print(
        f"{'batch':<18}{extra['batch']['ratio']:>8.2f}x {'':>12}   "
        f"{BATCH} files: {throughput[1]:.0f} docs/s with --jobs 1, {throughput[2]:.0f} with --jobs 2"
    )
    if not un:
        print("(un_read and un_batch not measured: ../shared/unxml is absent)")
        return 0
    print(
        f"{'un_read':<18}{extra['un_read']['ratio']:>8.2f}x {extra['un_read']['ms']:>9.3f} ms   "
        f"the largest UN file ({un['un_read_kb']:.0f} KB) / lxml.etree.fromstring of it"
    )
    print(
        f"{'un_batch':<18}{extra['un_batch']['ratio']:>8.2f}x {'':>12}   "
        f"{un['un_files']:.0f} UN files to JSON: {un_rate[1]:.0f} files/s with --jobs 1, "
        f"{un_rate[2]:.0f} with --jobs 2"
    )
    index_rate = un["un_files"] / (un["un_index"] / 1000)
    print(
        f"{'un_index':<18}{un['un_index'] / un['un_batch_jobs2']:>8.2f}x {un['un_index']:>9.1f} ms   "
        f"unres index of {un['un_files']:.0f} files / convert to JSON (both --jobs 2): "
        f"{index_rate:.0f} files/s; again unchanged {un['un_reindex']:.0f} ms"
    )
    growth_mb = un["un_batch_peak_mb"] / un["un_batch_peak_tenth_mb"]
    print(
        f"{'un_batch_memory':<18}{growth_mb:>8.2f}x {un['un_batch_peak_mb']:>9.1f} MB   "
        f"peak memory converting {un['un_files']:.0f} files / converting {un['un_tenth_files']:.0f} of them"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
