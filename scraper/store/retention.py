"""Retention: deleting what is older than the operator keeps, and giving the space back.

``prune`` deletes the articles fetched before a cutoff (their removed blocks
go with them by foreign key, their full-text rows by trigger, their URLs stay
``done`` so they are never fetched again) and the raw pages fetched before it,
or only the raw pages. Then an incremental vacuum hands the freed pages back
to the disk a batch at a time, each batch a short write transaction, so a
crawl running meanwhile waits milliseconds, not the minutes a full VACUUM takes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .database import Store

log = logging.getLogger(__name__)

VACUUM_BATCH = 2048
"""Pages one incremental-vacuum step gives back (8 MB at the default 4 KB page)."""


@dataclass(frozen=True)
class PruneResult:
    cutoff: str
    articles: int
    removed_blocks: int
    raw_pages: int
    raw_bytes: int
    """Compressed size of the raw page bodies deleted."""
    freed_bytes: int
    """How much smaller the database file became (0 on a dry run)."""
    dry_run: bool


def prune(store: Store, older_than: timedelta, *, source: str | None = None,
          raw_only: bool = False, dry_run: bool = False,
          now: datetime | None = None) -> PruneResult:
    """Delete what was fetched more than ``older_than`` ago; see the module docstring."""
    cutoff = ((now or datetime.now(UTC)) - older_than).isoformat()
    where, params = "fetched_at < ?", [cutoff]
    if source is not None:
        where, params = where + " AND source = ?", [*params, source]
    conn = store.conn
    articles = 0 if raw_only else _count(store, f"SELECT count(*) FROM articles WHERE {where}",
                                         params)
    blocks = 0 if raw_only else _count(
        store, f"SELECT count(*) FROM removed_blocks WHERE article_id IN "
               f"(SELECT id FROM articles WHERE {where})", params)
    pages, raw_bytes = conn.execute(
        f"SELECT count(*), coalesce(sum(length(body)), 0) FROM raw_pages WHERE {where}",
        params).fetchone()
    freed = 0
    if not dry_run:
        before = _file_bytes(store)
        with store.transaction():
            if not raw_only:
                conn.execute(f"DELETE FROM articles WHERE {where}", params)
            conn.execute(f"DELETE FROM raw_pages WHERE {where}", params)
        log.info("deleted what was fetched before %s; vacuuming", cutoff)
        _vacuum(store)
        freed = max(0, before - _file_bytes(store))
    return PruneResult(cutoff, articles, blocks, pages, raw_bytes, freed, dry_run)


def _count(store: Store, sql: str, params: list[str]) -> int:
    return int(store.conn.execute(sql, params).fetchone()[0])


def _file_bytes(store: Store) -> int:
    """The database's size in pages, as SQLite counts it (the WAL aside)."""
    conn = store.conn
    return int(conn.execute("PRAGMA page_count").fetchone()[0]
               * conn.execute("PRAGMA page_size").fetchone()[0])


def _vacuum(store: Store) -> None:
    """Give free pages back in batches, then fold the WAL into the file so the
    disk sees the change (a passive checkpoint: it never waits on a reader)."""
    conn = store.conn
    while int(conn.execute("PRAGMA freelist_count").fetchone()[0]) > 0:
        before = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
        conn.execute(f"PRAGMA incremental_vacuum({VACUUM_BATCH})").fetchall()
        if int(conn.execute("PRAGMA freelist_count").fetchone()[0]) >= before:
            break  # not an incremental-vacuum database: nothing more to give back
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
