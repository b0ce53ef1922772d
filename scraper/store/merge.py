"""``crawl merge``: databases made by this tool (shards, other machines) into one.

Each source database is read on its own read-only connection and written
into the target in ONE transaction, so a merge killed at any moment leaves
the target as it was before that database (a second merge of the same
database changes nothing it already holds). Articles go through
``Store.save_article`` like freshly cleaned ones: keyed by canonical URL
(``article_url``), the newest fetch wins, and exact and near duplicates are
linked as in a crawl. Pages, URL states, runs, feed and schedule state come along.

A damaged page or article (a body that does not decompress, lists that are not
JSON) goes to ``on_corrupt`` as in ``Store.iter_articles``, counted as
``rows damaged``, and the others merge; without ``on_corrupt`` it raises
``CorruptRowError`` and that database's merge rolls back.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaners import Article
from cleaners.article import RemovedBlock

from ..errors import CorruptRowError, UsageError
from ..page import article_url
from .database import (
    PAGE_COLUMNS,
    Store,
    lenient_text,
    read_article_row,
    read_page_row,
    readable,
)
from .schema import NOT_OURS, SCHEMA_VERSION, is_newscrawl, user_version

_ARTICLE_FIELDS = frozenset(f.name for f in dataclasses.fields(Article)) - {"removed", "url"}
_STATE_RANK = "CASE {0} WHEN 'done' THEN 3 WHEN 'failed' THEN 2 WHEN 'skipped' THEN 1 ELSE 0 END"


@dataclass
class Merged:
    """What one source database brought."""

    path: str
    counts: Counter[str] = field(default_factory=Counter)
    on_corrupt: Callable[[CorruptRowError], None] | None = field(default=None, repr=False,
                                                                 compare=False)

    def skip(self, error: CorruptRowError) -> None:
        """A damaged row: counted and handed on, or raised without ``on_corrupt``."""
        if self.on_corrupt is None:
            raise error
        self.counts["rows damaged"] += 1
        self.on_corrupt(error)


def merge_databases(target: Store, paths: Sequence[str], *,
                    on_corrupt: Callable[[CorruptRowError], None] | None = None,
                    ) -> list[Merged]:
    """Merge each database of ``paths`` into ``target``, one transaction each;
    damaged rows go to ``on_corrupt`` (see the module's docstring)."""
    for path in paths:  # every one checked before the first is merged
        with _reader(path, target):
            pass
    results = []
    for path in paths:
        with _reader(path, target) as other, target.transaction():
            results.append(_merge_one(target, other, Merged(path, on_corrupt=on_corrupt)))
    return results


@contextlib.contextmanager
def _reader(path: str, target: Store) -> Iterator[sqlite3.Connection]:
    if not Path(path).is_file():
        raise UsageError(f"{path}: no such database")
    if Path(path).resolve() == target.path.resolve():
        raise UsageError(f"{path}: is the database being merged into")
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                               isolation_level=None)
        # One read transaction: every table read from the same snapshot, even
        # while a crawl is writing that database.
        conn.execute("BEGIN")
        version, ours = user_version(conn), is_newscrawl(conn)
    except sqlite3.DatabaseError as error:
        raise UsageError(f"{path}: not a SQLite database") from error
    try:
        if not ours:
            raise UsageError(f"{path}: {NOT_OURS}")
        if version != SCHEMA_VERSION:
            fix = (f"upgrade it first: crawl stats --db {path}" if version < SCHEMA_VERSION
                   else "upgrade newscrawl to merge it")
            raise UsageError(f"{path}: schema version {version}, not {SCHEMA_VERSION}: {fix}")
        conn.row_factory = sqlite3.Row
        conn.text_factory = lenient_text  # a damaged text reads, as in the store
        yield conn
    finally:
        conn.close()


def _merge_one(target: Store, other: sqlite3.Connection, merged: Merged) -> Merged:
    pages = _merge_pages(target, other, merged)
    articles = _merge_articles(target, other, pages, merged)
    _merge_urls(target, other, articles, merged.counts)
    _merge_schedule(target, other)
    _merge_runs(target, other, merged.counts)
    return merged


def _merge_pages(target: Store, other: sqlite3.Connection, merged: Merged) -> dict[int, int]:
    """Copy pages newer than the target's of the same final URL; their id in the target."""
    ids: dict[int, int] = {}
    rows = other.execute(f"SELECT {PAGE_COLUMNS} FROM raw_pages ORDER BY id")
    for page in readable(rows, read_page_row, merged.skip):
        mine = target.conn.execute("SELECT id, fetched_at FROM raw_pages WHERE final_url = ?",
                                   (page.final_url,)).fetchone()
        if mine is not None and mine[1] >= page.fetched_at:
            ids[page.id] = mine[0]
            merged.counts["pages kept"] += 1
            continue
        ids[page.id] = target.save_page(
            url=page.url, final_url=page.final_url, status=page.status, headers=page.headers,
            body=page.body, fetched_at=page.fetched_at, source=page.source)
        merged.counts["pages copied"] += 1
    return ids


def _merge_articles(target: Store, other: sqlite3.Connection, pages: dict[int, int],
                    merged: Merged) -> dict[int, int]:
    """Save each article unless the target's under the same key was fetched later."""
    ids: dict[int, int] = {}
    rows = (dict(row) for row in other.execute("SELECT * FROM articles ORDER BY id"))
    for row in readable(rows, read_article_row, merged.skip):
        url = row["fetched_url"] or row["url"]
        mine = target.conn.execute("SELECT id, fetched_at FROM articles WHERE url = ?",
                                   (article_url(row["canonical_url"], url),)).fetchone()
        if mine is not None and mine[1] > row["fetched_at"]:
            ids[row["id"]] = mine[0]
            merged.counts["articles older"] += 1
            continue
        removed = [RemovedBlock(*block) for block in other.execute(
            "SELECT kind, rule, excerpt FROM removed_blocks WHERE article_id = ? "
            "ORDER BY position", (row["id"],))]
        values: dict[str, Any] = {name: row[name] for name in _ARTICLE_FIELDS & row.keys()}
        article = Article(**values, url=row["fetched_url"], removed=removed)
        saved = target.save_article(article, url=url, source=row["source"],
                                    page_id=pages.get(row["page_id"]),
                                    fetched_at=row["fetched_at"])
        ids[row["id"]] = saved.id
        merged.counts[f"articles {saved.status}"] += 1
    return ids


def _merge_urls(target: Store, other: sqlite3.Connection, articles: dict[int, int],
                counts: Counter[str]) -> None:
    """URL states: a URL new to the target comes as it is; a known one takes the
    other's state only when that is further along (done > failed > skipped > queued)."""
    columns = ("url", "source", "state", "discovered_at", "published", "attempts",
               "next_attempt_at", "last_error", "error_kind", "finished_at", "article_id")
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    sql = (f"INSERT INTO urls ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT(url) DO UPDATE SET {updates} "
           f"WHERE {_STATE_RANK.format('excluded.state')} > {_STATE_RANK.format('urls.state')}")
    for row in other.execute(f"SELECT {', '.join(columns)} FROM urls"):
        values = dict(row)
        values["article_id"] = articles.get(values["article_id"])
        # That crawl was killed mid-page (its page, if fetched, is not merged): fetch it again.
        if values["state"] in ("in_flight", "fetched"):
            values["state"] = "queued"
        counts["urls"] += target.conn.execute(sql, [values[c] for c in columns]).rowcount


def _merge_schedule(target: Store, other: sqlite3.Connection) -> None:
    """Feed validators the target lacks, and each source's latest run."""
    for row in other.execute("SELECT * FROM feeds"):
        target.conn.execute(f"INSERT OR IGNORE INTO feeds ({', '.join(row.keys())}) "
                            f"VALUES ({', '.join('?' * len(row))})", tuple(row))
    for name, last, due in other.execute("SELECT name, last_run_at, next_due_at "
                                         "FROM sources_state"):
        target.conn.execute(
            "INSERT INTO sources_state (name, last_run_at, next_due_at) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET last_run_at = excluded.last_run_at, "
            "next_due_at = excluded.next_due_at "
            "WHERE coalesce(excluded.last_run_at, '') > coalesce(last_run_at, '')",
            (name, last, due))


def _merge_runs(target: Store, other: sqlite3.Connection, counts: Counter[str]) -> None:
    """Runs, once each: a run is known by its command, sources and start."""
    for row in other.execute("SELECT source, command, started_at, finished_at, status, summary "
                             "FROM crawl_runs ORDER BY id"):
        counts["runs"] += target.conn.execute(
            "INSERT INTO crawl_runs (source, command, started_at, finished_at, status, summary) "
            "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM crawl_runs WHERE "
            "source IS ? AND command = ? AND started_at = ?)",
            (*tuple(row), row["source"], row["command"], row["started_at"])).rowcount
