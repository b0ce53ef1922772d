"""The one storage object: raw pages, articles, full-text search, runs, in SQLite.

``Store(path)`` opens (or creates) the database, upgrades its schema (see
``scraper.store.schema``) and is the only code that writes it, apart from the
frontier, which shares ``store.db``. It takes plain values and
``cleaners.Article`` records and knows nothing of HTTP or of cleaning.

Concurrency: WAL mode, so readers never block the writer nor it them; a busy
timeout makes a second writer wait instead of failing; every write
transaction starts with ``BEGIN IMMEDIATE`` so it takes the write lock before
reading, never upgrading mid-way (an upgrade cannot wait, it fails at once).

Atomicity: wrap related writes in ``with store.transaction():`` -- the page
and its article are saved together or not at all. Nested blocks become
savepoints. Every sqlite3 error that crosses this module's boundary becomes a
``StoreError``; so does one of the file's surroundings (read-only, locked, full
disk) met by code writing through ``store.conn`` (the frontier, ``prune``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypeVar

from cleaners import Article

from ..errors import CorruptRowError, QueryError, ReadOnlyError, StoreError
from ..page import article_url
from . import dedupe
from .lean_sqlite import sqlite_utils
from .schema import migrate

BUSY_TIMEOUT = 30.0
"""Seconds a connection waits for another's write lock before giving up."""

PAGE_COMPRESSION = 1
"""zlib level for raw pages: level 1 takes 2.0 ms for a 174 KB news page where the
default 6 takes 5.5 ms (a quarter of a crawl's CPU), for 0.235 of the size against 0.197."""

CHECKPOINT_SECONDS = 1.0
"""How often ``checkpoints_aside`` moves the write-ahead log into the database."""
AUTOCHECKPOINT_PAGES = 1000
"""SQLite's own default: a commit that leaves the log this long checkpoints it."""

QUERY_TIMEOUT = 30.0
"""Default seconds ``crawl query`` may run (``--timeout``): a recursive CTE never ends."""

QUERY_MAX_LENGTH = 100_000_000
"""Largest string or blob a ``crawl query`` may build (SQLite's own limit is 1 GB:
``randomblob(900000000)`` took 900 MB). The largest stored page is 10 MB."""

_PROGRESS_STEPS = 10_000
"""SQLite virtual machine steps between two looks at a query's clock."""

SNIPPET_TOKENS = 16
"""Words around the best match in a search snippet, always taken from the text
(a title-only match shows the text's opening: the title is shown anyway)."""

TITLE_WEIGHT = 10.0
"""bm25 weight of a title match against one in the text (1.0)."""

SaveStatus = Literal["new", "updated", "unchanged"]
T = TypeVar("T")

# Article fields that make up the cleaner's output: when none of them (nor
# the removed blocks) changed, saving again reports "unchanged".
_CONTENT_FIELDS = ("title", "text", "markdown", "authors", "published", "published_from",
                   "modified", "modified_from", "language", "language_from", "site_name",
                   "description", "tags", "image_url", "canonical_url", "source_url", "reason",
                   "container")
_LIST_FIELDS = ("authors", "tags")
_ARTICLE_COLUMNS = ("id", "url", "fetched_url", "page_id", "source", *_CONTENT_FIELDS,
                    "content_hash", "cleaner_version", "fetched_at", "stored_at",
                    "duplicate_of", "simhash")
PAGE_COLUMNS = "id, url, final_url, status, headers, body, fetched_at, source"


@dataclass(frozen=True)
class SaveResult:
    id: int
    status: SaveStatus
    duplicate_of: int | None = None
    """The original this article copies (exactly or nearly), when it is one."""


@dataclass(frozen=True)
class SearchHit:
    id: int
    url: str
    title: str | None
    published: str | None
    source: str | None
    snippet: str
    rank: float
    """SQLite's bm25: lower is a better match."""


def lenient_text(data: bytes) -> str:
    """TEXT that is not UTF-8 (a damaged file, another program's write) reads with
    replacement characters instead of failing the whole statement."""
    return data.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class RawPage:
    id: int
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str
    source: str | None


@dataclass
class QueryResult:
    """Columns at once, rows as they are read; the reading connection closes
    when the rows run out, at ``close()``, or when the store closes."""

    columns: list[str]
    rows: Generator[tuple[Any, ...], None, None]

    def close(self) -> None:
        self.rows.close()


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_SURROUNDINGS = frozenset({
    sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOTADB})
"""SQLite's primary result codes that are about the file, never the statement:
another program's lock held past ``BUSY_TIMEOUT``, a read-only or damaged file, a
full disk. No caller can do anything about them but tell the user."""


def _primary_code(error: sqlite3.Error) -> int:
    """SQLite's primary result code of ``error``; 0 for one the sqlite3 module raised."""
    return int(getattr(error, "sqlite_errorcode", None) or 0) & 0xFF


def _store_error(path: Path, error: sqlite3.Error) -> StoreError:
    """``error`` as the one line the user reads, naming the database."""
    code = _primary_code(error)
    if code == sqlite3.SQLITE_NOTADB:
        return StoreError(f"{path}: not a SQLite database")
    if code == sqlite3.SQLITE_CANTOPEN:
        return StoreError(f"{path}: cannot open ({error})")
    return StoreError(f"{path}: {error}")


class _Connection(sqlite3.Connection):
    """The store's connection: an error of the file's surroundings (``_SURROUNDINGS``)
    becomes a ``StoreError`` whoever runs the statement, the store or code writing
    through ``store.conn`` and ``store.db`` (the frontier, ``prune``), so every
    verb reports it in one line. Other errors stay sqlite3's, for callers to catch."""

    def __init__(self, database: str | Path, *args: Any, **kwargs: Any) -> None:
        super().__init__(database, *args, **kwargs)
        self.path = Path(database)

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        with self._surroundings_translated():
            return super().execute(sql, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        with self._surroundings_translated():
            return super().executemany(sql, parameters)

    @contextlib.contextmanager
    def _surroundings_translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            if _primary_code(error) not in _SURROUNDINGS:
                raise
            raise _store_error(self.path, error) from error


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name), None)


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._readers: set[sqlite3.Connection] = set()
        try:
            # One thread at a time, but not necessarily the one that opened it.
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None,
                                   check_same_thread=False, factory=_Connection)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open ({error})") from error
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.text_factory = lenient_text
            # First: it refuses another program's database before anything changes it,
            # and switching to WAL would (the mode is kept in the file).
            migrate(conn, str(self.path))
            conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL in WAL mode: a kill -9 loses nothing committed; only a power
            # cut can lose the last transactions, never corrupt the file.
            conn.execute("PRAGMA synchronous = NORMAL")
            self.db = sqlite_utils.Database(conn, execute_plugins=False)
        except sqlite3.Error as error:
            conn.close()
            raise StoreError(f"{self.path}: cannot open ({error})") from error
        except BaseException:
            conn.close()
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        for reader in list(self._readers):
            self._close_reader(reader)
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise _store_error(self.path, error) from error

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all; nests as savepoints."""
        if self.conn.in_transaction:
            with self._translated(), self.db.atomic():
                yield
            return
        with self._translated():
            self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            with self._translated():
                self.conn.execute("COMMIT")
        finally:
            # Reached with a transaction open only on error (or a failed COMMIT).
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def checkpoints_aside(self, every: float = CHECKPOINT_SECONDS) -> Iterator[None]:
        """Inside, a commit never checkpoints the write-ahead log: a thread of its own
        does, on a connection of its own, every ``every`` seconds. A checkpoint syncs
        the log and the database to disk; done by the commit that crossed
        ``AUTOCHECKPOINT_PAGES``, it held a crawl's event loop (its fetches, its
        hand-offs to the cleaner) for tens of milliseconds at a time. What is
        committed is as safe either way: a checkpoint only copies it."""
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        finished = threading.Event()
        thread = threading.Thread(target=self._checkpoint_until, args=(finished, every),
                                  name="checkpoints", daemon=True)
        thread.start()
        try:
            yield
        finally:
            finished.set()
            thread.join()
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")

    def _checkpoint_until(self, finished: threading.Event, every: float) -> None:
        # PASSIVE: copies what no reader still needs, never waits for or blocks a writer
        try:
            with contextlib.closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT,
                                                    isolation_level=None)) as conn:
                while not finished.wait(every):
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # the next commit after the block checkpoints as usual

    # -- writing ---------------------------------------------------------------

    def save_page(self, *, url: str, final_url: str, status: int, headers: dict[str, str],
                  body: bytes, fetched_at: str, source: str | None = None) -> int:
        """Store a fetched page, one row per final URL; returns the row id."""
        values = {
            "url": url, "final_url": final_url, "status": status,
            "headers": json.dumps(headers, ensure_ascii=False),
            "etag": _header(headers, "etag"), "last_modified": _header(headers, "last-modified"),
            "content_type": _header(headers, "content-type"),
            "body": zlib.compress(body, PAGE_COMPRESSION), "size": len(body),
            "fetched_at": fetched_at,
            "source": source,
        }
        columns = ", ".join(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "source")
        with self._translated(), self.transaction():
            row = self.conn.execute(
                f"INSERT INTO raw_pages ({columns}) VALUES ({', '.join(':' + c for c in values)}) "
                f"ON CONFLICT(final_url) DO UPDATE SET {updates}, "
                "source = coalesce(excluded.source, raw_pages.source) RETURNING id",
                values).fetchone()
        return int(row[0])

    def forget_page(self, page_id: int) -> None:
        """Delete a page no article was cleaned from (a fetched page that turned out
        empty, too old or uncleanable is not kept), unless a URL still waits to be
        cleaned from it: two URLs that redirect to one page share its row. The caller
        moves its own URL on from ``fetched`` first."""
        with self._translated():
            self.conn.execute(
                "DELETE FROM raw_pages WHERE id = :id"
                " AND NOT EXISTS (SELECT 1 FROM articles WHERE page_id = :id)"
                " AND NOT EXISTS (SELECT 1 FROM urls WHERE page_id = :id AND state = 'fetched')",
                {"id": page_id})

    def save_article(self, article: Article, *, url: str, page_id: int | None,
                     source: str | None, fetched_at: str,
                     simhash: int | None = None) -> SaveResult:
        """Store ``article`` under its ``article_url``: its canonical URL on the site
        of ``url`` (the page's final URL), else ``url``.

        "unchanged" when the same cleaner output is already stored (only the
        fetch time, page and cleaner version are refreshed). A new or changed
        text is checked for duplicates (see ``_original_of``) by its fingerprint,
        ``simhash`` when the caller has it (``dedupe.fingerprint`` of the text)."""
        key = article_url(article.canonical_url, url)
        content = {name: getattr(article, name) for name in _CONTENT_FIELDS}
        for name in _LIST_FIELDS:
            content[name] = json.dumps(content[name], ensure_ascii=False)
        removed = [(b.kind, b.rule, b.excerpt) for b in article.removed]
        seen = {"fetched_url": url, "page_id": page_id, "fetched_at": fetched_at,
                "cleaner_version": article.cleaner_version}
        with self._translated(), self.transaction():
            cursor = self.conn.cursor()
            cursor.row_factory = _dict_row
            old = cursor.execute("SELECT * FROM articles WHERE url = ?", (key,)).fetchone()
            if old is None and article.canonical_url and article.canonical_url != key:
                # Stored before a page's canonical URL on another site stopped keying
                # it: the same page's row, found by both URLs, is this article's.
                old = cursor.execute("SELECT * FROM articles WHERE url = ? AND fetched_url = ?",
                                     (article.canonical_url, url)).fetchone()
                if old is not None:
                    self._update("articles", old["id"], {"url": key})
            if old is not None:
                old_removed = self.conn.execute(
                    "SELECT kind, rule, excerpt FROM removed_blocks WHERE article_id = ? "
                    "ORDER BY position", (old["id"],)).fetchall()
                if all(old[n] == content[n] for n in _CONTENT_FIELDS) and old_removed == removed:
                    self._update("articles", old["id"], {
                        **seen, "page_id": page_id or old["page_id"],
                        "source": source or old["source"]})
                    return SaveResult(old["id"], "unchanged", old["duplicate_of"])
            text_hash = hashlib.sha256(article.text.encode()).hexdigest()
            fingerprint = (dedupe.fingerprint(article.text) if simhash is None
                           else simhash) or None
            values = {**content, **seen, "content_hash": text_hash, "simhash": fingerprint}
            if old is None:
                article_id = self._insert_article(key, source, values)
                status: SaveStatus = "new"
            else:
                article_id = old["id"]
                self._update("articles", article_id,
                             {**values, "source": source or old["source"]})
                status = "updated"
            self.conn.execute("DELETE FROM removed_blocks WHERE article_id = ?", (article_id,))
            self.conn.executemany(
                "INSERT INTO removed_blocks (article_id, position, kind, rule, excerpt) "
                "VALUES (?, ?, ?, ?, ?)",
                [(article_id, i, *block) for i, block in enumerate(removed)])
            # A canonical URL on another site names the original as a source link does.
            foreign = article.canonical_url if article.canonical_url != key else None
            named = article.source_url or foreign
            original = self._original_of(article_id, {key, url}, named,
                                         text_hash, fingerprint) if article.text.strip() else None
            self._update("articles", article_id, {"duplicate_of": original})
        return SaveResult(article_id, status, original)

    def _insert_article(self, key: str, source: str | None, values: dict[str, Any]) -> int:
        row = {"url": key, "source": source, "stored_at": values["fetched_at"], **values}
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        cursor = self.conn.execute(
            f"INSERT INTO articles ({names}) VALUES ({marks}) RETURNING id", row)
        return int(cursor.fetchone()[0])

    def _update(self, table: str, row_id: int, values: dict[str, Any]) -> None:
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = :_id",
                          {**values, "_id": row_id})

    def _original_of(self, article_id: int, addresses: set[str], source_url: str | None,
                     text_hash: str, fingerprint: int | None) -> int | None:
        """The article this one copies, following an original's own link; None if none.

        In order: an article stored copies naming this one as their source means
        this is the original (and those copies are linked to it); else the
        article the page names as its source; else the first article with the
        same text; else the first whose fingerprint is within
        ``dedupe.MAX_DISTANCE`` bits."""
        marks = ", ".join("?" for _ in addresses)
        copies = self.conn.execute(
            f"UPDATE articles SET duplicate_of = ? WHERE source_url IN ({marks}) AND id != ?",
            (article_id, *addresses, article_id)).rowcount
        if copies:
            return None
        found: int | None = None
        if source_url is not None:
            row = self.conn.execute(
                "SELECT id FROM articles WHERE (url = ? OR fetched_url = ?) AND id != ? "
                "ORDER BY id LIMIT 1", (source_url, source_url, article_id)).fetchone()
            found = row[0] if row else None
        if found is None:
            row = self.conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND id != ? ORDER BY id LIMIT 1",
                (text_hash, article_id)).fetchone()
            found = row[0] if row else None
        if found is None and fingerprint is not None:
            bands = {f"b{i}": band for i, band in enumerate(dedupe.bands(fingerprint))}
            candidates = self.conn.execute(
                dedupe.candidate_query("articles", "simhash"), bands).fetchall()
            found = dedupe.near_duplicate(
                fingerprint, ((i, h) for i, h in candidates if i != article_id))
        if found is None:
            return None
        row = self.conn.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?",
                                (found,)).fetchone()
        return int(row[0]) if row[0] != article_id else None

    def start_run(self, *, source: str | None, command: str) -> int:
        with self._translated():
            row = self.conn.execute(
                "INSERT INTO crawl_runs (source, command, started_at) VALUES (?, ?, ?) "
                "RETURNING id", (source, command, utc_now())).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, summary: dict[str, Any], *, status: str = "done") -> None:
        with self._translated():
            self._update("crawl_runs", run_id, {
                "finished_at": utc_now(), "status": status,
                "summary": json.dumps(summary, ensure_ascii=False, default=str)})

    @contextlib.contextmanager
    def recorded_run(self, *, source: str | None, command: str,
                     ) -> Iterator[Callable[[dict[str, Any], str], None]]:
        """A run record that is always finished: by the caller's ``record(summary,
        status)``, or as ``interrupted`` when a second signal (or anything else)
        ends the run first, so no run stays ``running`` for ever."""
        run_id = self.start_run(source=source, command=command)
        finished = False

        def record(summary: dict[str, Any], status: str) -> None:
            nonlocal finished
            self.finish_run(run_id, summary, status=status)
            finished = True

        try:
            yield record
        except BaseException:
            if not finished:
                self.finish_run(run_id, {}, status="interrupted")
            raise

    def mark_source_run(self, name: str, started_at: str, next_due_at: str | None) -> None:
        """Record that source ``name`` ran (started at ``started_at``, ISO 8601)."""
        with self._translated():
            self.conn.execute(
                "INSERT INTO sources_state (name, last_run_at, next_due_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET last_run_at = excluded.last_run_at, "
                "next_due_at = excluded.next_due_at, failures = 0",
                (name, started_at, next_due_at))

    def mark_source_failed(self, name: str, backoff: Callable[[int], str]) -> None:
        """Record that source ``name`` found nothing because of errors: its last good
        run stays, and it is due again at ``backoff(failures in a row)`` (ISO 8601)."""
        with self._translated():
            row = self.conn.execute("SELECT failures FROM sources_state WHERE name = ?",
                                    (name,)).fetchone()
            failures = (row[0] if row else 0) + 1
            self.conn.execute(
                "INSERT INTO sources_state (name, next_due_at, failures) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET next_due_at = excluded.next_due_at, "
                "failures = excluded.failures", (name, backoff(failures), failures))

    def backoffs(self) -> dict[str, datetime]:
        """Sources that failed last time, with when each may run again."""
        with self._translated():
            rows = self.conn.execute(
                "SELECT name, next_due_at FROM sources_state WHERE failures > 0")
            return {name: datetime.fromisoformat(due) for name, due in rows}

    def last_runs(self) -> dict[str, datetime]:
        """When each source that ever ran last started, by name."""
        with self._translated():
            rows = self.conn.execute(
                "SELECT name, last_run_at FROM sources_state WHERE last_run_at IS NOT NULL")
            return {name: datetime.fromisoformat(started) for name, started in rows}

    # -- reading ---------------------------------------------------------------

    def source_names(self) -> set[str]:
        """Every source name the database holds an article or a URL of."""
        with self._translated():
            rows = self.conn.execute("SELECT source FROM articles WHERE source IS NOT NULL "
                                     "UNION SELECT source FROM urls WHERE source IS NOT NULL")
            return {name for (name,) in rows}

    def get_article(self, key: str | int) -> dict[str, Any] | None:
        """One article by id or URL (canonical or fetched), with its removed blocks.

        Raises CorruptRowError when the row's stored lists are not readable."""
        params: tuple[Any, ...]
        if isinstance(key, str) and key.isascii() and key.isdigit():
            key = int(key)
        if isinstance(key, int):
            if not 0 < key < 2**63:  # no such rowid, and past it SQLite overflows
                return None
            where, params = "id = ?", (key,)
        else:
            where, params = "url = ? OR fetched_url = ?", (key, key)
        with self._translated():
            cursor = self.conn.cursor()
            cursor.row_factory = _dict_row
            row = cursor.execute(
                f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE {where} "
                "ORDER BY url = ? DESC, id LIMIT 1", (*params, str(key))).fetchone()
            if row is None:
                return None
            row["removed"] = cursor.execute(
                "SELECT kind, rule, excerpt FROM removed_blocks WHERE article_id = ? "
                "ORDER BY position", (row["id"],)).fetchall()
        return read_article_row(row)

    def iter_articles(self, *, source: str | None = None, since: str | None = None,
                      until: str | None = None, language: str | None = None,
                      on_corrupt: Callable[[CorruptRowError], None] | None = None,
                      ) -> Iterator[dict[str, Any]]:
        """Every committed article matching the filters, oldest first, read row by row.

        A row that cannot be read back goes to ``on_corrupt`` and the others
        follow; without ``on_corrupt`` it raises CorruptRowError."""
        where, params = _filters(source=source, since=since, until=until, language=language)
        sql = f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE {where} ORDER BY id"
        with self._translated():
            _, rows = self._read(sql, params, as_dicts=True)
        return readable(rows, read_article_row, on_corrupt)

    def raw_pages(self, *, source: str | None = None, since: str | None = None,
                  on_corrupt: Callable[[CorruptRowError], None] | None = None,
                  ) -> Iterator[RawPage]:
        """Committed pages (bodies decompressed), to clean again without the network;
        a page that does not decompress goes to ``on_corrupt`` as in ``iter_articles``."""
        clauses, params = ["1"], list[Any]()
        if source is not None:
            clauses.append("source = ?")
            params.append(source)
        if since is not None:
            clauses.append("fetched_at >= ?")
            params.append(since)
        return self._pages(f"SELECT {PAGE_COLUMNS} FROM raw_pages "
                           f"WHERE {' AND '.join(clauses)} ORDER BY id", params, on_corrupt)

    def raw_page(self, page_id: int) -> RawPage | None:
        """One committed page by id, None if there is none; raises CorruptRowError
        if it does not decompress."""
        return next(self._pages(f"SELECT {PAGE_COLUMNS} FROM raw_pages WHERE id = ?",
                                (page_id,), None), None)

    def article_pages(self, *, source: str | None = None, since: str | None = None,
                      until: str | None = None, language: str | None = None,
                      on_corrupt: Callable[[CorruptRowError], None] | None = None,
                      ) -> Iterator[RawPage]:
        """The committed pages the articles matching the filters were cleaned from."""
        where, params = _filters(source=source, since=since, until=until, language=language)
        return self._pages(f"SELECT {PAGE_COLUMNS} FROM raw_pages WHERE id IN "
                           f"(SELECT page_id FROM articles WHERE {where}) ORDER BY id", params,
                           on_corrupt)

    def _pages(self, sql: str, params: Sequence[Any],
               on_corrupt: Callable[[CorruptRowError], None] | None) -> Iterator[RawPage]:
        with self._translated():
            _, rows = self._read(sql, params)
        return readable(rows, read_page_row, on_corrupt)

    def search(self, terms: str, *, limit: int = 20, source: str | None = None,
               since: str | None = None, until: str | None = None,
               language: str | None = None, marks: tuple[str, str] = ("**", "**"),
               ) -> list[SearchHit]:
        """Full-text search, best match first, snippets with ``marks`` around matches.

        Words must all appear; "a phrase" in double quotes; word* for a prefix.
        Anything else is taken literally, so no input is an FTS syntax error."""
        match = fts_query(terms)
        if match is None:
            return []
        where, params = _filters(source=source, since=since, until=until, language=language,
                                 table="a")
        sql = (
            "SELECT a.id, a.url, a.title, a.published, a.source, "
            f"snippet(articles_fts, 1, ?, ?, '…', {SNIPPET_TOKENS}), "
            f"bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS rank "
            "FROM articles_fts JOIN articles AS a ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where} ORDER BY rank LIMIT ?")
        with self._translated():
            rows = self.conn.execute(sql, (*marks, match, *params, max(limit, 0))).fetchall()
        return [SearchHit(*row) for row in rows]

    def query(self, sql: str, params: Sequence[Any] = (), *,
              timeout: float = QUERY_TIMEOUT) -> QueryResult:
        """Run one read-only statement on a connection that cannot write.

        Three locks: the file opened read-only, ``query_only``, and an
        authorizer that allows reading and nothing else (so ATTACH, VACUUM
        INTO, writing PRAGMAs and writes in CTEs are refused while the
        statement is prepared, before anything runs). Two bounds: the
        statement stops after ``timeout`` seconds, rows read included, and
        builds no string or blob past ``QUERY_MAX_LENGTH``."""
        guard = _ReadGuard(deadline=time.monotonic() + timeout)
        try:
            columns, rows = self._read(sql, params, guard=guard)
        except (sqlite3.Error, sqlite3.Warning) as error:
            if guard.timed_out:
                raise StoreError(f"query stopped after {timeout:g}s (see --timeout)") from error
            if guard.refused is not None:
                raise ReadOnlyError(f"read-only query: refused to {guard.refused}") from error
            if "one statement at a time" in str(error):
                raise ReadOnlyError("read-only query: one statement at a time") from error
            raise QueryError(f"query failed: {error}") from error
        return QueryResult(columns, rows)

    def _read(self, sql: str, params: Sequence[Any], *, as_dicts: bool = False,
              guard: _ReadGuard | None = None) -> tuple[list[str], Generator[Any, None, None]]:
        """Run ``sql`` on a new read-only connection: columns now, rows as read.

        Its own snapshot, so a long read neither sees nor is disturbed by the
        writes made meanwhile through ``db`` (``crawl reclean`` reads pages and
        writes articles). The connection closes when the rows run out, when the
        generator is closed, or with the store."""
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=BUSY_TIMEOUT, isolation_level=None,
                               check_same_thread=False)
        self._readers.add(conn)
        try:
            conn.text_factory = lenient_text
            if guard is not None:
                conn.execute("PRAGMA query_only = ON")
                conn.set_authorizer(guard)
                conn.set_progress_handler(guard.past_deadline, _PROGRESS_STEPS)
                conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, QUERY_MAX_LENGTH)
            cursor = conn.cursor()
            if as_dicts:
                cursor.row_factory = _dict_row
            cursor.execute(sql, params)
        except BaseException:
            self._close_reader(conn)
            raise
        return [d[0] for d in cursor.description or ()], self._stream(conn, cursor)

    def _stream(self, conn: sqlite3.Connection, cursor: sqlite3.Cursor,
                ) -> Generator[Any, None, None]:
        try:
            with self._translated():
                # Not ``yield from``: closing this generator would close the
                # cursor, which raises once Store.close() closed its connection.
                for row in cursor:  # noqa: UP028
                    yield row
        finally:
            self._close_reader(conn)

    def _close_reader(self, conn: sqlite3.Connection) -> None:
        self._readers.discard(conn)
        conn.close()

    def stats(self) -> dict[str, Any]:
        with self._translated():
            count = self._scalar
            last_run = self._grouped("SELECT id, source, command, started_at, finished_at, "
                                     "status, summary FROM crawl_runs ORDER BY id DESC LIMIT 1")
            size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal"))
                       if p.exists())
            return {
                "articles": count("SELECT count(*) FROM articles"),
                "duplicates": count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                "pages": count("SELECT count(*) FROM raw_pages"),
                "sources": self._counts("SELECT source, count(*) FROM articles GROUP BY 1"),
                "languages": self._counts("SELECT language, count(*) FROM articles GROUP BY 1"),
                "cleaner_versions": self._counts(
                    "SELECT cleaner_version, count(*) FROM articles GROUP BY 1"),
                "removed_blocks": self._counts(
                    "SELECT kind, count(*) FROM removed_blocks GROUP BY 1"),
                "urls": self._counts("SELECT state, count(*) FROM urls GROUP BY 1"),
                "db_bytes": size,
                "last_run": last_run,
            }

    def _scalar(self, sql: str) -> int:
        return int(self.conn.execute(sql).fetchone()[0])

    def _counts(self, sql: str) -> dict[str, int]:
        rows = self.conn.execute(sql + " ORDER BY 2 DESC, 1").fetchall()
        return {"(none)" if key is None else str(key): n for key, n in rows}

    def _grouped(self, sql: str) -> dict[str, Any] | None:
        cursor = self.conn.cursor()
        cursor.row_factory = _dict_row
        row = cursor.execute(sql).fetchone()
        if row is not None and row.get("summary"):
            row["summary"] = json.loads(row["summary"])
        return row


def read_article_row(row: dict[str, Any]) -> dict[str, Any]:
    for name in _LIST_FIELDS:
        try:
            row[name] = json.loads(row[name] or "[]")
        except (ValueError, TypeError) as error:
            raise CorruptRowError(f"article {row['id']}",
                                  f"its {name} are not readable ({error})") from error
    return row


def read_page_row(row: tuple[Any, ...]) -> RawPage:
    page_id, url, final_url, status, headers, body, fetched_at, source = row
    try:
        return RawPage(page_id, url, final_url, status, json.loads(headers),
                       zlib.decompress(body), fetched_at, source)
    except (ValueError, TypeError, zlib.error) as error:
        raise CorruptRowError(f"page {page_id} ({final_url})",
                              f"not readable ({error})") from error


def readable(rows: Iterator[Any], read: Callable[[Any], T],
             on_corrupt: Callable[[CorruptRowError], None] | None) -> Iterator[T]:
    for row in rows:
        try:
            yield read(row)
        except CorruptRowError as error:
            if on_corrupt is None:
                raise
            on_corrupt(error)


def _filters(*, source: str | None, since: str | None, until: str | None,
             language: str | None, table: str = "articles") -> tuple[str, list[Any]]:
    """A WHERE clause for the filters every listing shares: ``since`` is
    inclusive and ``until`` exclusive, compared with the ISO 8601 dates; a
    language matches its regional variants too (``en`` finds ``en-GB``)."""
    clauses, params = ["1"], list[Any]()
    for clause, values in (
            (f"{table}.source = ?", (source,)),
            (f"{table}.published >= ?", (since,)),
            (f"{table}.published < ?", (until,)),
            (f"({table}.language = ? OR {table}.language LIKE ?)", (language, f"{language}-%"))):
        if values[0] is not None:
            clauses.append(clause)
            params += values
    return " AND ".join(clauses), params


_FTS_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w")


def fts_query(terms: str) -> str | None:
    """An FTS5 MATCH expression from what a user typed; None when it has no words.

    Every token is quoted, so FTS5 reads none of it as syntax (AND, NEAR,
    column:, ^, parentheses...); "quoted phrases" stay phrases; a bare token
    ending in * becomes a prefix query."""
    parts = []
    # FTS5 reads NUL as the end of the query, inside quotes or not.
    for found in _FTS_TOKEN.finditer(terms.replace("\0", " ")):
        phrase, word = found.groups()
        prefix = word is not None and word.endswith("*")
        text = phrase if phrase is not None else word.rstrip("*")
        if _WORD.search(text):
            parts.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts) or None


_READ_ACTIONS = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_RECURSIVE,
                           sqlite3.SQLITE_FUNCTION})

_INTROSPECTION_PRAGMAS = frozenset({
    "table_info", "table_xinfo", "table_list", "index_info", "index_xinfo", "index_list",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
    "database_list", "collation_list", "function_list", "module_list", "pragma_list",
    "compile_options",
})
"""PRAGMAs that only report, whatever their argument (a table or index name)."""

_SETTING_PRAGMAS = frozenset({
    "user_version", "schema_version", "application_id", "data_version", "page_count",
    "page_size", "freelist_count", "encoding", "journal_mode", "foreign_keys",
    "auto_vacuum", "cache_size", "busy_timeout", "query_only", "synchronous",
})
"""PRAGMAs that read a setting without an argument and change it with one.
``data_version`` is also read by FTS5 on every query."""

_DENIED_FUNCTIONS = frozenset({"load_extension", "fts3_tokenizer", "readfile", "writefile",
                               "edit"})

_ACTION_NAMES = {
    getattr(sqlite3, f"SQLITE_{name}"): name.lower().replace("_", " ")
    for name in (
        "CREATE_INDEX", "CREATE_TABLE", "CREATE_TEMP_INDEX", "CREATE_TEMP_TABLE",
        "CREATE_TEMP_TRIGGER", "CREATE_TEMP_VIEW", "CREATE_TRIGGER", "CREATE_VIEW", "DELETE",
        "DROP_INDEX", "DROP_TABLE", "DROP_TEMP_INDEX", "DROP_TEMP_TABLE", "DROP_TEMP_TRIGGER",
        "DROP_TEMP_VIEW", "DROP_TRIGGER", "DROP_VIEW", "INSERT", "PRAGMA", "TRANSACTION",
        "UPDATE", "ATTACH", "DETACH", "ALTER_TABLE", "REINDEX", "ANALYZE", "CREATE_VTABLE",
        "DROP_VTABLE", "FUNCTION", "SAVEPOINT")
}
"""Authorizer action codes, named for the refusal message."""


class _ReadGuard:
    """An sqlite3 authorizer allowing reads only; remembers what it refused first.
    Its ``past_deadline`` is the progress handler that stops a statement in time."""

    def __init__(self, deadline: float) -> None:
        self.refused: str | None = None
        self.deadline = deadline
        self.timed_out = False

    def past_deadline(self) -> int:
        self.timed_out = time.monotonic() > self.deadline
        return int(self.timed_out)  # non-zero interrupts the statement

    def __call__(self, action: int, arg1: str | None, arg2: str | None, _db: str | None,
                 _trigger: str | None) -> int:
        if self._allowed(action, arg1, arg2):
            return sqlite3.SQLITE_OK
        if self.refused is None:
            target = " ".join(a for a in (arg1, arg2) if a)
            self.refused = f"{_ACTION_NAMES.get(action, action)} {target}".strip()
        return sqlite3.SQLITE_DENY

    @staticmethod
    def _allowed(action: int, arg1: str | None, arg2: str | None) -> bool:
        if action == sqlite3.SQLITE_FUNCTION:
            return (arg2 or "").lower() not in _DENIED_FUNCTIONS
        if action in _READ_ACTIONS:
            return True
        if action == sqlite3.SQLITE_PRAGMA:
            name = (arg1 or "").lower()
            return name in _INTROSPECTION_PRAGMAS or (name in _SETTING_PRAGMAS and arg2 is None)
        # Opening a virtual table (FTS5, pragma_* functions) asks to update
        # sqlite_master while parsing its schema; SQLite itself refuses every
        # real write to that table, and the file is read-only anyway.
        return action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master"
