"""The database schema, as an ordered list of migrations.

``PRAGMA user_version`` records how many migrations a database has had.
Opening a database runs the missing ones, each in the same transaction as
the version bump, so a database is always at some exact version: a crash
mid-upgrade leaves it at the previous one. Migrations are history: never
edit one that has shipped, append a new one.

Tables::

    raw_pages       one row per final URL: status, headers, zlib body, so any
                    article can be cleaned again without a refetch
    articles        one row per canonical URL (a page's own URL when its canonical
                    link names another site), with content hash, cleaner
                    version and duplicate link; articles_fts indexes title+text
    removed_blocks  what the cleaner dropped from each article, in page order
    crawl_runs      one row per command run, with its summary as JSON
    urls            the crawler's frontier: every discovered URL and its state
    feeds           conditional-GET state of feeds, sitemaps and section pages
    sources_state   when each configured source last ran and is next due, and
                    how many runs in a row it failed (its back-off)
    import_progress how far ``crawl import`` has read each archive file
    site_profiles   pages counted per site; site_blocks how many of them held
                    each block fingerprint; site_pages each counted page's prints
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from ..errors import StoreError
from .dedupe import band_sql, fingerprint

Migration = Callable[[sqlite3.Connection], None]

NOT_OURS = "not a newscrawl database (another program's tables are in it): left untouched"


def _statements(script: str) -> Iterator[str]:
    """The statements of ``script`` one at a time; ``executescript`` would commit."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:60]}")


def _run(conn: sqlite3.Connection, script: str) -> None:
    for statement in _statements(script):
        conn.execute(statement)


def _foundation(conn: sqlite3.Connection) -> None:
    """Version 1: pages, articles with full-text search, removed blocks, runs."""
    _run(conn, """
        CREATE TABLE raw_pages (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            final_url TEXT NOT NULL UNIQUE,
            status INTEGER NOT NULL,
            headers TEXT NOT NULL DEFAULT '{}',
            etag TEXT,
            last_modified TEXT,
            content_type TEXT,
            body BLOB NOT NULL,
            size INTEGER NOT NULL,
            fetched_at TEXT NOT NULL
        );
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            fetched_url TEXT,
            page_id INTEGER REFERENCES raw_pages(id) ON DELETE SET NULL,
            title TEXT,
            text TEXT NOT NULL,
            markdown TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_from TEXT,
            modified TEXT,
            modified_from TEXT,
            language TEXT,
            site_name TEXT,
            description TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            image_url TEXT,
            canonical_url TEXT,
            source_url TEXT,
            reason TEXT,
            content_hash TEXT NOT NULL,
            cleaner_version TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            stored_at TEXT NOT NULL
        );
        CREATE INDEX articles_fetched_url ON articles(fetched_url);
        CREATE INDEX articles_page_id ON articles(page_id);
        CREATE TABLE removed_blocks (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            rule TEXT NOT NULL,
            excerpt TEXT NOT NULL,
            PRIMARY KEY (article_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX removed_blocks_kind ON removed_blocks(kind);
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            source TEXT,
            command TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            summary TEXT
        );
        -- The form sqlite-utils' enable_fts writes, so Datasette finds the index.
        CREATE VIRTUAL TABLE [articles_fts] USING FTS5 (
            [title], [text], content=[articles],
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER [articles_ai] AFTER INSERT ON [articles] BEGIN
            INSERT INTO [articles_fts] (rowid, [title], [text])
            VALUES (new.rowid, new.[title], new.[text]);
        END;
        CREATE TRIGGER [articles_ad] AFTER DELETE ON [articles] BEGIN
            INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text])
            VALUES ('delete', old.rowid, old.[title], old.[text]);
        END;
        -- Only when indexed columns change: a refetch that changes nothing
        -- but fetched_at must not rewrite the index.
        CREATE TRIGGER [articles_au] AFTER UPDATE OF [title], [text] ON [articles] BEGIN
            INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text])
            VALUES ('delete', old.rowid, old.[title], old.[text]);
            INSERT INTO [articles_fts] (rowid, [title], [text])
            VALUES (new.rowid, new.[title], new.[text]);
        END;
    """)


def _crawler(conn: sqlite3.Connection) -> None:
    """Version 2: sources, duplicate links and the crawler's frontier."""
    _run(conn, """
        ALTER TABLE raw_pages ADD COLUMN source TEXT;
        ALTER TABLE articles ADD COLUMN source TEXT;
        ALTER TABLE articles ADD COLUMN duplicate_of INTEGER
            REFERENCES articles(id) ON DELETE SET NULL;
        ALTER TABLE articles ADD COLUMN simhash INTEGER;
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_source_url ON articles(source_url);
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
        CREATE INDEX raw_pages_source_fetched ON raw_pages(source, fetched_at);
        CREATE TABLE urls (
            url TEXT PRIMARY KEY,
            source TEXT,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'in_flight', 'done', 'failed', 'skipped')),
            discovered_at TEXT NOT NULL,
            published TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            error_kind TEXT,
            finished_at TEXT,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL
        );
        CREATE INDEX urls_state_next_attempt ON urls(state, next_attempt_at);
        -- claim() reads queued URLs oldest first off this index; without it every
        -- claim sorted all queued rows (46 ms each at 45,000 queued).
        CREATE INDEX urls_queue ON urls(state, discovered_at);
        CREATE INDEX urls_article_id ON urls(article_id);
        CREATE TABLE feeds (
            url TEXT PRIMARY KEY,
            source TEXT,
            etag TEXT,
            last_modified TEXT,
            last_fetched_at TEXT,
            last_status INTEGER,
            children TEXT  -- JSON list: feeds a home page names, sitemaps an index lists
        );
        CREATE TABLE sources_state (
            name TEXT PRIMARY KEY,
            last_run_at TEXT,
            next_due_at TEXT
        );
    """)
    # Near-duplicate lookup: one expression index per band of the fingerprint,
    # the expressions dedupe.candidate_query repeats (see scraper/store/dedupe.py).
    for number, expression in enumerate(band_sql("simhash")):
        conn.execute(f"CREATE INDEX articles_simhash_band{number} ON articles({expression})")
    # Articles stored before fingerprints existed take part in duplicate checks too.
    conn.create_function("fingerprint", 1, fingerprint, deterministic=True)
    conn.execute("UPDATE articles SET simhash = nullif(fingerprint(text), 0)")


def _clean_decisions(conn: sqlite3.Connection) -> None:
    """Two of the cleaner's decisions, kept so a user can ask why: where the language
    came from (markup, detector, or both agreeing) and which path chose the text (the
    scored container, the whole page, trafilatura's second opinion). Empty for
    articles cleaned before, until ``crawl reclean`` fills them."""
    conn.execute("ALTER TABLE articles ADD COLUMN language_from TEXT")
    conn.execute("ALTER TABLE articles ADD COLUMN container TEXT")


def _operations(conn: sqlite3.Connection) -> None:
    """A source that failed backs off, and the file can shrink.

    ``failures`` counts a source's runs in a row that found nothing because
    of errors (its ``next_due_at`` is then its back-off); asking for
    incremental auto-vacuum lets ``crawl prune`` hand freed pages back to the
    disk a few at a time. SQLite applies that setting to an existing file
    only with a VACUUM, which cannot run inside this transaction:
    ``migrate`` runs it once, after the commit."""
    conn.execute("ALTER TABLE sources_state ADD COLUMN failures INTEGER NOT NULL DEFAULT 0")
    conn.execute("PRAGMA auto_vacuum = INCREMENTAL")


def _import_progress(conn: sqlite3.Connection) -> None:
    """Where each archive import stands, so a killed one resumes."""
    _run(conn, """
        CREATE TABLE import_progress (
            file TEXT PRIMARY KEY,          -- the archive's absolute path
            offset INTEGER NOT NULL,        -- byte offset of the next record to read
            records INTEGER NOT NULL,       -- records read and committed so far
            started_at TEXT NOT NULL,
            finished_at TEXT                -- set once the file was read to its end
        );
    """)



def _site_profiles(conn: sqlite3.Connection) -> None:
    """Site profiles: on how many of a site's last pages each block fingerprint was.

    ``site_pages`` keeps the fingerprints of each counted page (the latest
    ``scraper.store.profiles.WINDOW`` per site), so a page stored again replaces its
    own count instead of adding to it, and the oldest page leaves the count
    when a new one comes: a profile follows a site's redesign and stays bounded."""
    _run(conn, """
        CREATE TABLE site_profiles (
            site TEXT PRIMARY KEY,
            pages INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE site_pages (
            site TEXT NOT NULL,
            url TEXT NOT NULL,
            counted INTEGER NOT NULL,  -- order of counting: the smallest leaves first
            fingerprints TEXT NOT NULL,  -- space-separated
            PRIMARY KEY (site, url)
        ) WITHOUT ROWID;
        CREATE INDEX site_pages_counted ON site_pages(site, counted);
        CREATE TABLE site_blocks (
            site TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            pages INTEGER NOT NULL,
            excerpt TEXT NOT NULL,
            PRIMARY KEY (site, fingerprint)
        ) WITHOUT ROWID;
        CREATE INDEX site_blocks_pages ON site_blocks(site, pages);
    """)


def _fetched_state(conn: sqlite3.Connection) -> None:
    """A URL can be ``fetched``: its page committed (``page_id``), waiting to be
    cleaned, so a crawl killed then cleans it from the store instead of asking
    the publisher again. SQLite cannot widen a CHECK in place: the table is rebuilt."""
    columns = ("url, source, state, discovered_at, published, attempts, next_attempt_at,"
               " last_error, error_kind, finished_at, article_id")
    _run(conn, f"""
        CREATE TABLE urls_with_fetched (
            url TEXT PRIMARY KEY,
            source TEXT,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'in_flight', 'fetched', 'done', 'failed',
                                 'skipped')),
            discovered_at TEXT NOT NULL,
            published TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            error_kind TEXT,
            finished_at TEXT,
            article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            page_id INTEGER REFERENCES raw_pages(id) ON DELETE SET NULL
        );
        INSERT INTO urls_with_fetched ({columns}) SELECT {columns} FROM urls;
        DROP TABLE urls;
        ALTER TABLE urls_with_fetched RENAME TO urls;
        CREATE INDEX urls_state_next_attempt ON urls(state, next_attempt_at);
        CREATE INDEX urls_queue ON urls(state, discovered_at);
        CREATE INDEX urls_article_id ON urls(article_id);
        CREATE INDEX urls_page_id ON urls(page_id);
    """)


MIGRATIONS: tuple[Migration, ...] = (
    _foundation, _crawler, _clean_decisions, _operations, _import_progress, _site_profiles,
    _fetched_state)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


_FIRST_TABLES = frozenset({"raw_pages", "articles"})
"""Made by the first migration and dropped by none: every database of ours past
version 0 holds them."""


def is_newscrawl(conn: sqlite3.Connection) -> bool:
    """Whether the database on ``conn`` is one of ours, or empty (a new one).

    Ours holds nothing at version 0 (the first migration commits with its version
    bump), so tables at version 0, or a later version without the first
    migration's tables, are another program's: upgrading would write ours among them."""
    names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    if user_version(conn) == 0:
        return not names
    return _FIRST_TABLES.issubset(names)


def migrate(conn: sqlite3.Connection, name: str, *, upto: int = SCHEMA_VERSION) -> None:
    """Bring the database on ``conn`` (autocommit mode) to version ``upto``.

    ``name`` labels errors. A database newer than this code, or another
    program's, is refused, not touched: an older program cannot know what the
    newer schema means, and the other program's is none of ours."""
    if user_version(conn) > SCHEMA_VERSION:
        raise StoreError(
            f"{name}: made by a newer newscrawl (schema version {user_version(conn)}; "
            f"this one knows up to {SCHEMA_VERSION}): upgrade newscrawl to open it")
    if not is_newscrawl(conn):
        raise StoreError(f"{name}: {NOT_OURS}")
    if user_version(conn) >= upto:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have upgraded.
        for version in range(user_version(conn), upto):
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    _turn_on_incremental_vacuum(conn, upto)


def _turn_on_incremental_vacuum(conn: sqlite3.Connection, upto: int) -> None:
    """The VACUUM ``_operations`` asks for: once per database (a big one takes a
    while, once), never when it already shrinks incrementally."""
    if upto <= MIGRATIONS.index(_operations):
        return
    if int(conn.execute("PRAGMA auto_vacuum").fetchone()[0]) != INCREMENTAL:
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.execute("VACUUM")


INCREMENTAL = 2
"""``PRAGMA auto_vacuum``'s value for incremental auto-vacuum."""
