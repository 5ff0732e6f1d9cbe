"""A searchable index of a collection: the tables of ``unres.tables`` in SQLite, with full-text
search over the paragraphs (SQLite's FTS5).

``index(paths, "ga.sqlite")`` reads every resolution under ``paths`` and stores its rows;
indexing again updates only the files whose content changed (by SHA-256), removes the rows of files
that are gone or no longer read, and commits file by file, so that an interrupted run leaves a usable index.
``search("ga.sqlite", '"requests the Secretary-General" report', session="79")`` finds paragraphs.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from unres.errors import FormatError, ParseError, UnresError
from unres.tables import COLUMNS, SCHEMA_VERSION, rows

__all__ = ["Hit", "IndexReport", "index", "read_file_rows", "search"]

_SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "date": "TEXT"}


@frozen
class IndexReport:
    """What one run of ``index`` did, file by file."""

    added: int
    updated: int
    unchanged: int
    removed: int
    failed: tuple[tuple[str, str], ...]


@frozen
class Hit:
    """A paragraph found by ``search``: where it is, and its words."""

    symbol: str
    eid: str
    kind: str
    session: str
    adoption_date: str
    text: str


def _connect(database: str | Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(database))
    connection.execute("PRAGMA journal_mode=WAL")  # readers go on while a run writes
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def _create(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
    found = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if found is not None and found[0] != str(SCHEMA_VERSION):
        raise FormatError(
            f"the index was made with table schema {found[0]}; this unres writes {SCHEMA_VERSION}"
        )
    connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    connection.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL)")
    for what, columns in COLUMNS.items():
        defined = ", ".join(f"{name} {_SQL_TYPES[kind]}" for name, kind in columns)
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {what} "
            f"(file TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE, {defined})"
        )
        connection.execute(f"CREATE INDEX IF NOT EXISTS {what}_file ON {what}(file)")
        connection.execute(f"CREATE INDEX IF NOT EXISTS {what}_symbol ON {what}(symbol)")
    connection.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS paragraph_search USING fts5(text, content='paragraphs', "
        "content_rowid='rowid')"
    )
    # The full-text index follows the paragraphs table (FTS5's external content).
    connection.execute(
        "CREATE TRIGGER IF NOT EXISTS paragraphs_added AFTER INSERT ON paragraphs BEGIN "
        "INSERT INTO paragraph_search(rowid, text) VALUES (new.rowid, new.text); END"
    )
    connection.execute(
        "CREATE TRIGGER IF NOT EXISTS paragraphs_removed AFTER DELETE ON paragraphs BEGIN "
        "INSERT INTO paragraph_search(paragraph_search, rowid, text) "
        "VALUES ('delete', old.rowid, old.text); END"
    )
    connection.commit()


def read_file_rows(path: Path) -> dict[str, list[dict[str, Any]]] | str:
    """Every table's rows of one file, or why it could not be read (run in worker processes)."""
    from unres._api import load

    try:
        resolution = load(path)
        return {what: list(rows(resolution, what)) for what in COLUMNS}
    except UnresError as error:
        return str(error)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def index(
    files: Iterable[Path],
    database: str | Path,
    *,
    read: Callable[[list[Path]], Iterator[dict[str, list[dict[str, Any]]] | str]] | None = None,
    progress: Callable[[str | None], None] | None = None,
) -> IndexReport:
    """Index ``files`` into ``database`` (created if need be); see the module's docstring.

    ``read`` turns a list of files into their rows in order (by default one after the other; the
    command line passes one that reads in worker processes); ``progress`` is called once for every
    file, unchanged ones first, with a message to show, or None.
    """
    connection = _connect(database)
    try:
        _create(connection)
        known = dict(connection.execute("SELECT path, sha256 FROM files").fetchall())
        wanted = {str(path.resolve()): path for path in files}
        digests = {name: _sha256(path) for name, path in wanted.items()}
        changed = [name for name in wanted if known.get(name) != digests[name]]
        removed = [name for name in known if name not in wanted]
        if progress:
            for _ in range(len(wanted) - len(changed)):
                progress(None)  # an unchanged file is done once hashed
        for name in removed:
            with connection:
                connection.execute("DELETE FROM files WHERE path = ?", (name,))
        reader = read or (lambda paths: (read_file_rows(path) for path in paths))
        failed: list[tuple[str, str]] = []
        added = updated = 0
        for name, outcome in zip(changed, reader([wanted[name] for name in changed]), strict=True):
            if isinstance(outcome, str):
                failed.append((name, outcome))
                with connection:  # no stale rows of a file that no longer reads
                    connection.execute("DELETE FROM files WHERE path = ?", (name,))
                if progress:
                    progress(outcome)
                continue
            with connection:  # one file, one transaction: an interruption loses nothing else
                connection.execute("DELETE FROM files WHERE path = ?", (name,))
                connection.execute("INSERT INTO files VALUES (?, ?)", (name, digests[name]))
                for what, table in outcome.items():
                    names = [column for column, _ in COLUMNS[what]]
                    marks = ", ".join("?" for _ in range(len(names) + 1))
                    connection.executemany(
                        f"INSERT INTO {what} (file, {', '.join(names)}) VALUES ({marks})",
                        ([name, *(row[column] for column in names)] for row in table),
                    )
            if name in known:
                updated += 1
            else:
                added += 1
            if progress:
                progress(None)
        return IndexReport(added, updated, len(wanted) - len(changed), len(removed), tuple(failed))
    finally:
        connection.close()


def search(
    database: str | Path,
    query: str,
    *,
    session: str | None = None,
    kind: str | None = None,
    body: str | None = None,
    symbol: str | None = None,
    limit: int = 20,
) -> list[Hit]:
    """The paragraphs that match ``query`` (SQLite FTS5 syntax: words, "a phrase", AND, OR, NOT,
    prefix*), best first, with the filters given."""
    if limit < 1:
        raise ValueError(f"limit must be 1 or more, not {limit}")
    path = Path(database)
    if not path.is_file():
        raise FormatError(f"{path}: no such index (make one with unres index)")
    filters = [
        ("p.session = ?", session),
        ("p.kind = ?", kind),
        ("p.body = ?", body),
        ("p.symbol = ?", symbol),
    ]
    where = " ".join(f"AND {clause}" for clause, value in filters if value is not None)
    values = [value for _, value in filters if value is not None]
    statement = (
        "SELECT p.symbol, p.eid, p.kind, p.session, p.adoption_date, p.text FROM paragraph_search "
        "JOIN paragraphs AS p ON p.rowid = paragraph_search.rowid "
        f"WHERE paragraph_search MATCH ? {where} ORDER BY rank LIMIT ?"
    )
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = connection.execute(statement, (query, *values, limit)).fetchall()
    except sqlite3.OperationalError as error:
        raise ParseError(f"search {query!r}: {error}") from None
    except sqlite3.DatabaseError as error:
        raise FormatError(f"{path}: not an unres index ({error})") from None
    finally:
        connection.close()
    return [Hit(*(str(value or "") for value in row)) for row in found]
