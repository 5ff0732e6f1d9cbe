"""The ``unres`` command: argument parsing and printing; the work is done by the public API.

Exit codes: 0 all good; 1 a document is invalid or could not be converted; 2 the command was
used wrongly (unknown option, missing input, unknown format).
"""

from __future__ import annotations

import argparse
import functools
import glob
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn, TextIO, TypeVar

from unres.errors import UnresError

if TYPE_CHECKING:
    from unres.model import Resolution
    from unres.problems import Problem
    from unres.validation import Selection

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXTENSIONS = {"akn": ".xml", "json": ".json", "md": ".md", "text": ".txt", "html": ".html"}
FORMAT_NAMES = {
    "akn": "akn",
    "xml": "akn",
    "json": "json",
    "md": "md",
    "markdown": "md",
    "text": "text",
    "txt": "text",
    "html": "html",
}
INPUT_SUFFIXES = (".xml", ".akn", ".json", ".md", ".markdown", ".txt")

CONVERT_EPILOG = """\
examples:
  unres convert A-RES-73-266.md -o a.xml                          text (Markdown) to AKN
  unres convert a.xml -o a.md                                     AKN to Markdown
  unres convert a.xml -o a.html --base-url https://example.org    a page to read or publish
  unres convert A_RES_73_8.txt -o a.json                          PDF layout text to JSON
  unres convert A-RES-79-275.xml -o A-RES-79-275.canonical.xml   canonical AKN4UN
  unres convert A-RES-79-275.xml -o a.json                        AKN to JSON
  unres convert a.json -o b.xml                                   JSON to AKN
  unres convert resolutions/ -o out/ --to json                    a folder, mirrored
  unres convert texts/ -o out/ --to akn --quiet                   without the repair warnings
  cat a.xml | unres convert - -o - --to json                      standard input and output
"""

VALIDATE_EPILOG = """\
examples:
  unres validate A-RES-79-275.xml
  unres validate out/ --format github
  unres validate a.xml --akn-schema akomantoso30.xsd              also against the OASIS schema
"""


class UsageError(Exception):
    """The command was used wrongly: exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"unres: error: {message} (see 'unres --help')\n")


def _version() -> str:
    from unres import __version__

    return f"unres {__version__}"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="unres", description="United Nations resolutions as structured data.")
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--debug", action="store_true", help="show a traceback for unexpected errors")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    convert = commands.add_parser(
        "convert",
        help="convert resolutions between AKN4UN XML, JSON, Markdown and plain text",
        epilog=CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files or folders; '-' for standard input"
    )
    convert.add_argument(
        "-o", "--output", required=True, help="output file, folder, or '-' for standard output"
    )
    convert.add_argument(
        "--from", dest="source_format", help="input format: akn, json, md or text (default: guessed)"
    )
    convert.add_argument(
        "--to", dest="target_format", help="output format: akn, json, md, text or html (default: from -o)"
    )
    convert.add_argument(
        "--quiet", "-q", action="store_true", help="do not show the repairs made while reading text"
    )
    convert.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help="HTML output: put URL before links to Akoma Ntoso IRIs (/akn/...)",
    )
    convert.add_argument("--force", action="store_true", help="overwrite existing output files")
    convert.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="convert in N parallel processes (default: the number of cores)",
    )
    convert.add_argument(
        "--keep-unknown",
        action="store_true",
        help="keep inline markup unres does not model instead of failing (AKN input)",
    )

    validate = commands.add_parser(
        "validate",
        help="check resolutions against the bundled schemas and the rules",
        epilog=VALIDATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    validate.add_argument(
        "--format", choices=("text", "json", "github"), default="text", help="report format"
    )
    validate.add_argument("--akn-schema", metavar="XSD", help="also validate AKN files against this schema")
    validate.add_argument("--select", metavar="CODES", help="report only these codes or prefixes (R001,A)")
    validate.add_argument(
        "--ignore", metavar="CODES", help="do not report these codes or prefixes (R009,R010)"
    )
    validate.add_argument(
        "--versions",
        action="store_true",
        help="also compare the language versions of each resolution among the files (V001, V002)",
    )
    table = commands.add_parser(
        "table",
        help="write a table of the paragraphs, votes or citations of many resolutions",
        epilog=TABLE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    table.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders of resolutions")
    table.add_argument("-o", "--output", required=True, help="the table: a .csv, .jsonl or .parquet file")
    table.add_argument(
        "--what", choices=("paragraphs", "votes", "citations"), default="paragraphs", help="which table"
    )
    table.add_argument("--force", action="store_true", help="overwrite an existing table")
    table.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="read in N processes")
    parallel = commands.add_parser(
        "parallel",
        help="one HTML page with the language versions of a resolution side by side",
        epilog=(
            "example:\n  unres parallel en/A_RES_80_12.en.xml fr/A_RES_80_12.fr.xml -o 80-12.html\n\n"
            "exit status: 0 the versions agree, 1 they disagree (the page is written and says where)\n"
            "or a file cannot be read, 2 a usage error\n"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parallel.add_argument("inputs", nargs="+", metavar="INPUT", help="two or more versions of one resolution")
    parallel.add_argument("-o", "--output", required=True, help="the page: an .html file")
    parallel.add_argument("--force", action="store_true", help="overwrite an existing page")
    indexer = commands.add_parser(
        "index",
        help="make or update a searchable SQLite index of many resolutions",
        epilog="example:\n  unres index UNxml/GAresolutions/ -o ga.sqlite --jobs 2\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    indexer.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders of resolutions")
    indexer.add_argument("-o", "--output", required=True, help="the index: a SQLite file")
    indexer.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="read in N processes")

    searcher = commands.add_parser(
        "search",
        help="find paragraphs in an index",
        epilog=SEARCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    searcher.add_argument("database", metavar="INDEX", help="an index made by unres index")
    searcher.add_argument("query", help='words, "a phrase", AND, OR, NOT, prefix* (SQLite FTS5)')
    searcher.add_argument("--session", help="only this session (79, ES-10)")
    searcher.add_argument(
        "--kind",
        choices=("preambular", "operative", "subparagraph", "section", "heading", "table"),
        help="only paragraphs of this kind",
    )
    searcher.add_argument("--body", choices=("ga", "sc"), help="only the General Assembly or the Council")
    searcher.add_argument("--symbol", help="only this resolution (A/RES/79/12)")
    searcher.add_argument("--limit", type=int, default=20, metavar="N", help="at most N paragraphs (20)")
    searcher.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    return parser


SEARCH_EPILOG = """\
example:
  unres search ga.sqlite '"requests the Secretary-General" report' --session 79
"""

TABLE_EPILOG = """\
examples:
  unres table UNxml/GAresolutions/ -o ga.csv                  one row per paragraph
  unres table UNxml/GAresolutions/ -o votes.jsonl --what votes  one row per member state's vote
  unres table resolutions/ -o cites.parquet --what citations  needs pip install 'unres[tables]'
"""


# ------------------------------------------------------------------------------------------------
# convert


def _format_name(name: str | None, what: str) -> str | None:
    if name is None:
        return None
    if name.lower() not in FORMAT_NAMES:
        raise UsageError(f"unknown {what} format {name!r}: expected akn, json, md, text or html")
    return FORMAT_NAMES[name.lower()]


def _walk(path: Path, suffixes: Sequence[str], ignored: Counter[str]) -> Iterator[Path]:
    """The files of a folder with one of ``suffixes`` (a file named on its own is taken as it is);
    the suffixes of the files passed over are counted in ``ignored``."""
    if not path.is_dir():
        yield path
        return
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        if file.suffix.lower() in suffixes:
            yield file
        else:
            ignored[file.suffix.lower() or "(no extension)"] += 1


def _ignored(ignored: Counter[str]) -> str:
    """ "; 3 files ignored (.png, .docx)" for the summary line, or nothing."""
    if not ignored:
        return ""
    total = sum(ignored.values())
    kinds = ", ".join(suffix for suffix, _ in ignored.most_common())
    return f"; {total} {'file' if total == 1 else 'files'} ignored ({kinds})"


class _OutputExists(Exception):
    """An output that exists already and is kept (counted as skipped)."""

    def __init__(self, message: str, source: str) -> None:
        super().__init__(f"{source}: {message}")


def _convert_one(
    source: Path | None,
    target: Path | None,
    source_format: str | None,
    target_format: str,
    keep_unknown: bool,
    force: bool,
    base_url: str = "",
) -> list[str]:
    """Convert one document; raises UnresError on failure, leaving no output behind.

    Returns the repairs made while reading a text, one line each.
    """
    from unres import akn
    from unres._api import dumps, format_of_path, parse
    from unres._io import read_bytes, write_bytes
    from unres._text import translated
    from unres.errors import UnresError

    if source is None:
        data, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        data, name = read_bytes(source)
    fmt = source_format or (format_of_path(source) if source is not None else None)
    repairs: tuple[Problem, ...] = ()
    if keep_unknown and (fmt == "akn" or (fmt is None and data.lstrip()[:1] == b"<")):
        resolution = akn.loads(data, source=name, keep_unknown=True)
    else:
        resolution, repairs = parse(data, fmt, source=name)
    notes = [str(problem) for problem in repairs]
    if resolution.language != "eng" and target_format != "json" and not translated(resolution):
        notes.append(
            f"{name}: L001 the masthead and closing line are written in English: unres does not yet "
            f"write them in the document's language ({resolution.language}); its text is kept"
        )
    output = dumps(resolution, target_format, base_url=base_url)
    if target is None:
        sys.stdout.buffer.write(output)
        sys.stdout.flush()
        return notes
    if source is not None and target.resolve() == source.resolve():
        raise UnresError("output would overwrite the input", source=str(target))
    if target.exists() and not force:
        raise _OutputExists("output exists (use --force to overwrite)", source=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UnresError(
            f"cannot create the folder {target.parent}: {error.strerror}", source=str(target)
        ) from None
    write_bytes(output, target)
    return notes


_IGNORED: Counter[str] = Counter()  # the files the last folder walk of this process passed over


def _plan(args: argparse.Namespace) -> tuple[list[tuple[Path | None, Path | None]], str]:
    """The (input, output) pairs of a conversion, and the output format."""
    from unres._api import format_of_path

    target_format = _format_name(args.target_format, "output")
    inputs: list[Path | None] = []
    for item in args.inputs:
        if item == "-":
            inputs.append(None)
        elif not Path(item).exists() and any(char in item for char in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(f"{item}: no file matches")
            inputs.extend(Path(match) for match in matches)
        else:
            inputs.append(Path(item))
    for path in inputs:
        if path is not None and not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    several = len(inputs) > 1 or any(path is not None and path.is_dir() for path in inputs)
    if not several:
        output = None if args.output == "-" else Path(args.output)
        if output is not None and output.is_dir():
            several = True
        else:
            fmt = target_format or (format_of_path(output) if output is not None else None)
            if fmt is None:
                raise UsageError(
                    f"cannot tell the output format of {args.output!r}: use --to akn, json, md, text or html"
                )
            return [(inputs[0], output)], fmt
    if args.output == "-":
        raise UsageError("several inputs need an output folder, not '-'")
    if target_format is None:
        raise UsageError("converting into a folder needs --to akn, json, md, text or html")
    folder = Path(args.output)
    pairs: list[tuple[Path | None, Path | None]] = []
    for path in inputs:
        if path is None:
            raise UsageError("'-' cannot be mixed with other inputs")
        base = path if path.is_dir() else path.parent
        for source in _walk(path, INPUT_SUFFIXES, _IGNORED):
            relative = source.relative_to(base)
            pairs.append((source, folder / relative.with_suffix(EXTENSIONS[target_format])))
    claimed: dict[Path | None, Path | None] = {}
    for origin, target in pairs:
        if target in claimed:
            raise UsageError(f"{claimed[target]} and {origin} would both be written to {target}")
        claimed[target] = origin
    return pairs, target_format


class Task(NamedTuple):
    """One conversion, as handed to a worker process."""

    source: Path | None
    target: Path | None
    source_format: str | None
    target_format: str
    keep_unknown: bool
    force: bool
    quiet: bool
    base_url: str


def _preload() -> None:
    import unres.akn
    import unres.text  # noqa: F401
    from unres import json as json_format

    json_format.warm_up()


def _ignore_interrupts() -> None:
    # Workers leave Ctrl-C to the parent, which lets running conversions finish and cancels the rest.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _convert_task(task: Task) -> tuple[str, str | None]:
    """Convert one document: ("converted", None), ("skipped", why) or ("failed", why)."""
    from unres.errors import UnresError

    source = task.source
    try:
        notes = _convert_one(
            source,
            task.target,
            task.source_format,
            task.target_format,
            task.keep_unknown,
            task.force,
            task.base_url,
        )
    except _OutputExists as kept:
        return "skipped", str(kept)
    except UnresError as error:
        return "failed", str(error.located(str(source) if source else "<stdin>"))
    return "converted", None if task.quiet or not notes else "\n".join(notes)


class _Progress:
    """A one-line progress bar on a terminal; nothing when standard error is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = total > 1 and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.active:
            filled = 30 * self.done // self.total
            print(
                f"\r[{'#' * filled}{' ' * (30 - filled)}] {self.done}/{self.total}", end="", file=sys.stderr
            )

    def say(self, message: str) -> None:
        if self.active:
            print("\r" + " " * 50 + "\r", end="", file=sys.stderr)
        print(message, file=sys.stderr)

    def close(self) -> None:
        if self.active:
            print(file=sys.stderr)


def run_convert(args: argparse.Namespace) -> int:
    pairs, target_format = _plan(args)
    source_format = _format_name(args.source_format, "input")
    if source_format == "html":
        raise UsageError("unres writes HTML but does not read it: --from akn, json, md or text")
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    if jobs < 1:
        raise UsageError("--jobs needs a number of processes of 1 or more")
    tasks: list[Task] = [
        Task(
            source,
            target,
            source_format,
            target_format,
            args.keep_unknown,
            args.force,
            args.quiet,
            args.base_url,
        )
        for source, target in pairs
    ]
    started = time.perf_counter()
    counts = {"converted": 0, "skipped": 0, "failed": 0}
    progress = _Progress(len(tasks))
    outcomes = _in_order(_convert_task, tasks, min(jobs, len(tasks)))
    interrupted = False
    try:
        for outcome, message in outcomes:
            counts[outcome] += 1
            progress.step()
            if message:
                progress.say(message)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        outcomes.close()
        progress.close()
        if len(pairs) > 1 or counts["failed"] or counts["skipped"] or interrupted or _IGNORED:
            elapsed = time.perf_counter() - started
            stopped = f", interrupted after {sum(counts.values())} of {len(tasks)}" if interrupted else ""
            print(
                f"{counts['converted']} converted, {counts['failed']} failed, {counts['skipped']} skipped "
                f"in {elapsed:.2f}s{stopped}{_ignored(_IGNORED)}",
                file=sys.stderr,
            )
    # An output kept because it exists is not a failure: re-running a batch to pick up new files
    # must not fail CI. Only a document that could not be converted is.
    return EXIT_FAILED if counts["failed"] else EXIT_OK


_In = TypeVar("_In")
_Out = TypeVar("_Out")


def _in_order(
    function: Callable[[_In], _Out], items: Sequence[_In], jobs: int
) -> Generator[_Out, None, None]:
    """``function`` of each item, in order: here, or in ``jobs`` worker processes."""
    if jobs <= 1 or len(items) < 2:
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    _preload()  # workers forked after this start with the readers and writers loaded
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        yield from executor.map(function, items, chunksize=max(1, min(16, len(items) // (jobs * 4))))
    finally:
        # On Ctrl-C (or any early exit) the items under way finish and the rest are cancelled.
        executor.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------------------------------------
# validate


def run_validate(args: argparse.Namespace) -> int:
    from unres.validation import Selection, Severity, checked_file, find_selection, unknown_codes

    paths = [Path(item) for item in args.paths]
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    if args.akn_schema is not None:
        _check_schema(Path(args.akn_schema))
    configured = find_selection()
    select = tuple(_split(args.select)) if args.select else configured.select
    selection = Selection(select, configured.ignore + tuple(_split(args.ignore)))
    for option, codes in (("--select", _split(args.select)), ("--ignore", _split(args.ignore))):
        unknown = unknown_codes(tuple(codes))
        if unknown:
            raise UsageError(
                f"{option}: no rule or problem code starts with {', '.join(unknown)} (see docs/rules.md)"
            )
    ignored: Counter[str] = Counter()
    files = [file for path in paths for file in _walk(path, (".xml", ".akn", ".json"), ignored)]
    if not files:
        # Checking nothing is a mistake (a wrong folder, a pattern that matched nothing), not a pass.
        raise UsageError(f"no .xml, .akn or .json file to check in {', '.join(map(str, paths))}")
    reports: list[tuple[Path, tuple[Problem, ...]]] = []
    read: dict[Path, Resolution] = {}  # kept for --versions, which compares them
    for file in files:
        problems, resolution = checked_file(file, akn_schema=args.akn_schema, selection=selection)
        reports.append((file, problems))
        if args.versions and resolution is not None:
            read[file] = resolution
    if args.versions:
        reports = _with_versions(reports, read, selection)
    errors = sum(1 for _, problems in reports for p in problems if p.severity is Severity.ERROR)
    warnings = sum(1 for _, problems in reports for p in problems if p.severity is Severity.WARNING)
    _print_report(reports, args.format, sys.stdout)
    invalid = sum(1 for _, problems in reports if any(p.severity is Severity.ERROR for p in problems))
    if args.format != "json":
        noun = "file" if len(reports) == 1 else "files"
        print(
            f"{len(reports)} {noun} checked: {len(reports) - invalid} valid, {invalid} invalid, "
            f"{_count(errors, 'error')}, {_count(warnings, 'warning')}{_ignored(ignored)}",
            file=sys.stderr,
        )
    return EXIT_FAILED if invalid else EXIT_OK


def _with_versions(
    reports: list[tuple[Path, tuple[Problem, ...]]], read: dict[Path, Resolution], selection: Selection
) -> list[tuple[Path, tuple[Problem, ...]]]:
    """The reports with what the language versions of each resolution disagree on, reported on the
    file of the first version (V001), and files of one language beyond the first (V002). ``read``
    holds the resolutions the check read (a file that cannot be read has said so)."""
    from unres._align import align
    from unres.problems import Problem, Severity

    groups: dict[str, dict[str, list[tuple[Path, Resolution]]]] = {}
    for path, _ in reports:
        res = read.get(path)
        if res is not None:
            groups.setdefault(str(res.symbol), {}).setdefault(res.language, []).append((path, res))
    found: dict[Path, list[Problem]] = {}
    for by_language in groups.values():
        if len(by_language) < 2:
            continue
        # English first (the versions are compared with it), then the others by language code.
        order = sorted(by_language, key=lambda code: (code != "eng", code))
        firsts = [by_language[code][0] for code in order]
        first_path = firsts[0][0]
        for language, files in by_language.items():
            for path, _ in files[1:]:
                message = f"another {language} file of {files[0][1].symbol}: {files[0][0].name} is compared"
                found.setdefault(path, []).append(
                    Problem("V002", message, Severity.WARNING, source=str(path))
                )
        names = ", ".join(path.name for path, _ in firsts[1:])
        for disagreement in align([res for _, res in firsts]).problems:
            message = f"{disagreement} (compared with {names})"
            found.setdefault(first_path, []).append(
                Problem("V001", message, Severity.ERROR, source=str(first_path))
            )
    return [(path, problems + selection(found.get(path, []))) for path, problems in reports]


def _check_schema(path: Path) -> None:
    """A schema given with --akn-schema must exist and be a schema, or the command is misused."""
    from lxml import etree

    if not path.is_file():
        raise UsageError(f"{path}: no such schema file")
    try:
        etree.XMLSchema(etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)))
    except (etree.XMLSyntaxError, etree.XMLSchemaParseError) as error:
        message = str(error).splitlines()[0] if str(error) else "not an XML Schema"
        raise UsageError(f"{path}: not a usable XML Schema: {message}") from None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _split(codes: str | None) -> list[str]:
    return [code.strip().upper() for code in (codes or "").split(",") if code.strip()]


def _print_report(reports: list[tuple[Path, tuple[Problem, ...]]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        data = [
            {
                "path": str(path),
                "valid": not any(p.severity.value == "error" for p in problems),
                "problems": [_problem_data(p) for p in problems],
            }
            for path, problems in reports
        ]
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    for path, problems in reports:
        for problem in problems:
            if fmt == "github":
                where = (
                    f"file={_github_property(str(path))}"
                    + (f",line={problem.line}" if problem.line else "")
                    + (f",col={problem.column}" if problem.column else "")
                )
                level = "error" if problem.severity.value == "error" else "warning"
                message = problem.message + (f" [{problem.location}]" if problem.location else "")
                title = _github_property(problem.code)
                print(f"::{level} {where},title={title}::{_github_escape(message)}", file=out)
            else:
                position = ":".join(str(part) for part in (path, problem.line, problem.column) if part)
                location = f" [{problem.location}]" if problem.location else ""
                print(f"{position}: {problem.code} {problem.message}{location}", file=out)


def _github_escape(text: str) -> str:
    """The message of a GitHub workflow command: '%', CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A property value of a GitHub workflow command (file=, title=): ':' and ',' escaped too."""
    return _github_escape(text).replace(":", "%3A").replace(",", "%2C")


def _problem_data(problem: Problem) -> dict[str, object]:
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "message": problem.message,
        "line": problem.line,
        "column": problem.column,
        "location": problem.location,
    }


# ------------------------------------------------------------------------------------------------


def _input_files(inputs: Sequence[str], doing: str) -> tuple[list[Path], Counter[str]]:
    """The resolution files in ``inputs`` (files and folders), and the files a walk ignored."""
    ignored: Counter[str] = Counter()
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        files.extend(_walk(path, INPUT_SUFFIXES, ignored))
    if not files:
        raise UsageError(f"no resolution to {doing} in {', '.join(inputs)}")
    return files, ignored


def _table_rows(task: tuple[Path, str]) -> tuple[str, list[dict[str, object]] | str]:
    """The rows of one file, or why it could not be read (run in a worker process)."""
    from unres import tables

    path, what = task
    try:
        return str(path), list(tables.rows(_api_load(path), what))
    except UnresError as error:
        return str(path), str(error)


def _api_load(path: Path) -> Resolution:
    from unres._api import load

    return load(path)


def run_table(args: argparse.Namespace) -> int:
    from unres import tables

    output = Path(args.output)
    try:
        fmt = tables.format_of(output)
    except UnresError as error:
        raise UsageError(str(error)) from None
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError("Parquet needs pyarrow: pip install 'unres[tables]'") from None
    if output.exists() and not args.force:
        raise UsageError(f"{output}: the table exists (use --force to overwrite)")
    files, ignored = _input_files(args.inputs, "read")
    jobs = max(1, min(args.jobs or (os.cpu_count() or 1), len(files)))
    started = time.perf_counter()
    failed = 0

    def stream() -> Iterator[dict[str, object]]:
        nonlocal failed
        progress = _Progress(len(files))
        try:
            for name, outcome in _in_order(_table_rows, [(file, args.what) for file in files], jobs):
                progress.step()
                if isinstance(outcome, str):
                    failed += 1
                    progress.say(outcome if outcome.startswith(name) else f"{name}: {outcome}")
                    continue
                yield from outcome
        finally:
            progress.close()

    written = tables.write(stream(), output, args.what)
    elapsed = time.perf_counter() - started
    print(
        f"{written} rows of {args.what} from {len(files) - failed} files, {failed} failed, "
        f"in {elapsed:.2f}s{_ignored(ignored)}",
        file=sys.stderr,
    )
    return EXIT_FAILED if failed else EXIT_OK


_Rows = dict[str, list[dict[str, object]]] | str  # a file's rows by table, or why it could not be read


def _read_in_processes(jobs: int) -> Callable[[list[Path]], Iterator[_Rows]]:
    """A reader of files into table rows, in ``jobs`` worker processes, in order."""
    from unres._index import read_file_rows

    return functools.partial(_in_order, read_file_rows, jobs=jobs)


def run_index(args: argparse.Namespace) -> int:
    from unres._index import index

    files, ignored = _input_files(args.inputs, "index")
    jobs = max(1, min(args.jobs or (os.cpu_count() or 1), len(files)))
    started = time.perf_counter()
    progress = _Progress(len(files))

    def step(message: str | None) -> None:
        progress.step()
        if message:
            progress.say(message)

    try:
        report = index(files, args.output, read=_read_in_processes(jobs), progress=step)
    finally:
        progress.close()
    print(
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.removed} removed, {len(report.failed)} failed "
        f"in {time.perf_counter() - started:.2f}s{_ignored(ignored)}",
        file=sys.stderr,
    )
    return EXIT_FAILED if report.failed else EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    from unres._index import search

    if not Path(args.database).is_file():
        raise UsageError(f"{args.database}: no such index (make one with unres index)")
    if args.limit < 1:
        raise UsageError("--limit needs a number of paragraphs of 1 or more")
    hits = search(
        args.database,
        args.query,
        session=args.session,
        kind=args.kind,
        body=args.body,
        symbol=args.symbol,
        limit=args.limit,
    )
    if args.format == "json":
        import attrs

        json.dump([attrs.asdict(hit) for hit in hits], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for hit in hits:
            text = " ".join(hit.text.split())
            text = text if len(text) <= 90 else text[:87] + "..."
            print(f"{hit.symbol:<18} {hit.eid:<28} {text}")
    sys.stdout.flush()  # the count comes after the rows, also on a terminal
    print(f"{len(hits)} {'paragraph' if len(hits) == 1 else 'paragraphs'} found", file=sys.stderr)
    return EXIT_OK


def run_parallel(args: argparse.Namespace) -> int:
    """The versions side by side in one page; what they disagree on, one line each."""
    from unres import load
    from unres._align import align
    from unres._io import write_bytes
    from unres.html import parallel

    if len(args.inputs) < 2:
        raise UsageError("parallel needs two versions of a resolution or more")
    target = Path(args.output)
    if target.exists() and not args.force:
        raise UsageError(f"{target}: exists (use --force to overwrite)")
    sources = [Path(name) for name in args.inputs]
    if target.resolve() in {source.resolve() for source in sources}:
        raise UsageError(f"{target}: would overwrite an input")
    versions = [load(source) for source in sources]
    alignment = align(versions)
    write_bytes(parallel(versions, alignment).encode("utf-8"), target)
    for problem in alignment.problems:
        print(f"{target}: {problem}", file=sys.stderr)
    counts = f"{len(alignment.rows)} rows, {len(alignment.problems)} disagreements"
    print(f"{len(versions)} versions, {counts}", file=sys.stderr)
    return EXIT_FAILED if alignment.problems else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            return run_convert(args)
        if args.command == "table":
            return run_table(args)
        if args.command == "index":
            return run_index(args)
        if args.command == "search":
            return run_search(args)
        if args.command == "parallel":
            return run_parallel(args)
        return run_validate(args)
    except UsageError as error:
        print(f"unres: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except UnresError as error:  # a failure of the input, said in one line
        print(f"unres: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("unres: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # an unexpected failure: one line, unless --debug
        if args.debug:
            raise
        print(
            f"unres: internal error: {type(error).__name__}: {error} (run with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
