"""The frontier: every URL's crawl state in SQLite, committed at each change.

A URL moves ``queued -> in_flight -> fetched -> done | failed | skipped``
(a fetch that fails goes from ``in_flight`` to ``failed``, or back to
``queued`` with a ``next_attempt_at`` when it may pass: a 503, a reset).
``fetched`` means the page is committed in the store (``page_id``) and waits
to be cleaned. Each change is its own committed transaction, so a crawl
killed at any moment (SIGKILL included) leaves at worst some rows
``in_flight``, whose requests were under way: ``recover`` puts them back in
the queue at the next start. A ``fetched`` row is cleaned from its stored
page (``waiting``), and no ``done`` row is ever fetched again because ``add``
never touches a URL it already knows.

The frontier also keeps the conditional-GET state of feeds and sitemaps (the
``feeds`` table). It knows nothing of HTTP: the crawler decides what failed
and when to retry (with ``retry_delay``); this module records it.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..store.lean_sqlite import sqlite_utils

if TYPE_CHECKING:
    from .discover import Discovered

STATES = ("queued", "in_flight", "fetched", "done", "failed", "skipped")

MAX_BACKOFF = 600.0
"""Longest wait between two tries of one URL without a Retry-After: ten minutes."""


@dataclass(frozen=True)
class Claim:
    """A URL handed to the crawler to fetch now."""

    url: str
    source: str
    attempts: int  # tries before this one
    published: str | None


_STATE_COLUMNS = ("url, source, state, attempts, error_kind, last_error, discovered_at,"
                  " finished_at, next_attempt_at")


@dataclass(frozen=True)
class UrlState:
    """One row of the frontier, as ``crawl urls`` shows it."""

    url: str
    source: str | None
    state: str
    attempts: int
    error_kind: str | None
    last_error: str | None
    discovered_at: str
    finished_at: str | None
    next_attempt_at: str | None

    def describe(self) -> str:
        """The state in words: ``failed: http-404``, ``skipped: disallowed by robots.txt``."""
        if self.state == "skipped" and self.last_error:
            return f"skipped: {self.last_error}"
        if self.state in ("failed", "queued") and self.error_kind:
            retry = " (will retry)" if self.state == "queued" else ""
            return f"{self.state}: {self.error_kind}{retry}"
        return self.state


@dataclass(frozen=True)
class Selection:
    """Which URLs an operator means: any of ``states``, of ``sources``, failed with
    ``error_kind`` (``http-404``, or a family such as ``http``), seen since ``since``
    (ISO 8601: the last try, or the discovery of a URL never tried)."""

    states: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    error_kind: str | None = None
    since: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["1"], list[Any]()
        for column, values in (("state", self.states), ("source", self.sources)):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                params += values
        if self.error_kind is not None:
            clauses.append("(error_kind = ? OR error_kind LIKE ?)")
            params += [self.error_kind, f"{self.error_kind}-%"]
        if self.since is not None:
            clauses.append("coalesce(finished_at, discovered_at) >= ?")
            params.append(self.since)
        return " AND ".join(clauses), params


def retry_delay(attempt: int, *, base: float, retry_after: float | None,
                rng: random.Random) -> float:
    """Seconds to wait before try ``attempt + 1`` after try ``attempt`` (1-based) failed.

    The server's Retry-After wins when it gave one: it knows when it will
    recover. Otherwise exponential backoff, ``base * 2**(attempt - 1)`` capped
    at ``MAX_BACKOFF``, with equal jitter (half fixed, half random) so many URLs
    failing together do not return together, yet the wait still grows."""
    if retry_after is not None:
        return max(0.0, retry_after)
    ceiling = min(MAX_BACKOFF, base * 2 ** max(0, attempt - 1))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


def _now() -> str:
    return datetime.now(UTC).isoformat()


class Frontier:
    """The ``urls`` and ``feeds`` tables of a store's database."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction, taking the write lock up front so a claim's read
        and its update cannot interleave with another writer. Inside a transaction
        the caller opened (the store saving an article and marking its URL done),
        it joins that one, so both commit or neither does."""
        conn = self.db.conn
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:  # only on error
                conn.execute("ROLLBACK")

    def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement in its own committed transaction; rows changed."""
        with self._transaction() as conn:
            return conn.execute(sql, params).rowcount

    # -- the queue -------------------------------------------------------------------

    def add(self, items: Iterable[Discovered], source: str) -> int:
        """Queue the URLs not seen before; how many were new. Known URLs, in any
        state, are left as they are: a finished page is never queued again."""
        now = _now()
        rows = [(item.url, source, now, item.published) for item in items]
        with self._transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO urls"
                " (url, source, state, discovered_at, published, attempts)"
                " VALUES (?, ?, 'queued', ?, ?, 0)", rows)
            return conn.total_changes - before

    def recover(self) -> int:
        """Put back in the queue the URLs a killed crawl left in flight, and those
        fetched whose stored page is gone; how many."""
        return self._write("UPDATE urls SET state = 'queued', page_id = NULL"
                           " WHERE state = 'in_flight' OR (state = 'fetched' AND page_id IS NULL)")

    def waiting(self, *, sources: Sequence[str] | None = None) -> list[tuple[Claim, int]]:
        """The URLs fetched but not yet cleaned, each with its stored page's id,
        oldest first: what a killed crawl left between fetching and storing."""
        clauses, params = ["state = 'fetched'", "page_id IS NOT NULL"], list[Any]()
        if sources is not None:
            clauses.append(f"source IN ({', '.join('?' * len(sources))})")
            params += sources
        rows = self.db.conn.execute(
            "SELECT url, source, attempts, published, page_id FROM urls"
            f" WHERE {' AND '.join(clauses)} ORDER BY discovered_at, rowid", params)
        return [(Claim(url, source, attempts - 1, published), page_id)
                for url, source, attempts, published, page_id in rows]

    def claim(self, n: int, now: str, *, sources: Sequence[str] | None = None) -> list[Claim]:
        """Up to ``n`` queued URLs due at ``now`` (ISO 8601 UTC), oldest first, marked
        in flight in one transaction. ``attempts`` in the table counts tries started,
        so a page that kills the crawler every time still runs out of attempts."""
        if n <= 0:
            return []
        where, params = self._due(now, sources)
        with self._transaction() as conn:
            rows = conn.execute(
                f"SELECT url, source, attempts, published FROM urls WHERE {where}"
                " ORDER BY discovered_at, rowid LIMIT ?", [*params, n]).fetchall()
            conn.executemany(
                "UPDATE urls SET state = 'in_flight', attempts = attempts + 1 WHERE url = ?",
                [(row[0],) for row in rows])
        return [Claim(url, source, attempts, published)
                for url, source, attempts, published in rows]

    def next_attempt_at(self, *, sources: Sequence[str] | None = None) -> str | None:
        """When the next queued URL falls due (ISO 8601), None if nothing is queued."""
        where, params = self._due(None, sources)
        row = self.db.conn.execute(
            f"SELECT min(coalesce(next_attempt_at, discovered_at)) FROM urls WHERE {where}",
            params).fetchone()
        return row[0]

    @staticmethod
    def _due(now: str | None, sources: Sequence[str] | None) -> tuple[str, list[Any]]:
        clauses, params = ["state = 'queued'"], list[Any]()
        if now is not None:
            clauses.append("(next_attempt_at IS NULL OR next_attempt_at <= ?)")
            params.append(now)
        if sources is not None:
            clauses.append(f"source IN ({', '.join('?' * len(sources))})")
            params += sources
        return " AND ".join(clauses), params

    # -- outcomes --------------------------------------------------------------------

    def fetched(self, url: str, page_id: int) -> None:
        """Fetched, its page committed as ``page_id``: to be cleaned, never fetched again."""
        self._write("UPDATE urls SET state = 'fetched', page_id = ? WHERE url = ?",
                    (page_id, url))

    def done(self, url: str, article_id: int | None) -> None:
        """Fetched and stored (``article_id`` None: fetched, nothing worth storing)."""
        self._write(
            "UPDATE urls SET state = 'done', article_id = ?, finished_at = ?, page_id = NULL,"
            " next_attempt_at = NULL, last_error = NULL, error_kind = NULL WHERE url = ?",
            (article_id, _now(), url))

    def failed(self, url: str, error_kind: str, message: str, retry_at: str | None) -> None:
        """A try failed: back in the queue from ``retry_at`` (ISO 8601 UTC), or for good."""
        if retry_at is not None:
            self._write(
                "UPDATE urls SET state = 'queued', next_attempt_at = ?, error_kind = ?,"
                " last_error = ?, page_id = NULL WHERE url = ?",
                (retry_at, error_kind, message, url))
        else:
            self._write(
                "UPDATE urls SET state = 'failed', next_attempt_at = NULL, error_kind = ?,"
                " last_error = ?, finished_at = ?, page_id = NULL WHERE url = ?",
                (error_kind, message, _now(), url))

    def skip(self, url: str, reason: str, kind: str | None = None) -> None:
        """Not to be fetched (robots.txt, the address guard): not retried until
        ``requeue`` puts it back."""
        self._write(
            "UPDATE urls SET state = 'skipped', next_attempt_at = NULL, last_error = ?,"
            " error_kind = ?, finished_at = ?, page_id = NULL WHERE url = ?",
            (reason, kind, _now(), url))

    def known(self, urls: Sequence[str]) -> set[str]:
        """Which of ``urls`` the frontier already has, in any state."""
        return set(self.states(urls))

    def states(self, urls: Sequence[str]) -> dict[str, UrlState]:
        """The state of each of ``urls`` the frontier has; unknown ones are left out."""
        found: dict[str, UrlState] = {}
        for start in range(0, len(urls), 500):  # SQLite caps bound parameters per statement
            chunk = urls[start:start + 500]
            rows = self.db.conn.execute(
                f"SELECT {_STATE_COLUMNS} FROM urls"
                f" WHERE url IN ({', '.join('?' * len(chunk))})", chunk)
            found.update((row[0], UrlState(*row)) for row in rows)
        return found

    # -- the operator's view -------------------------------------------------------

    def list(self, selection: Selection, *, limit: int | None = None) -> list[UrlState]:
        """The URLs ``selection`` picks, most recently finished or discovered first."""
        where, params = selection.where()
        rows = self.db.conn.execute(
            f"SELECT {_STATE_COLUMNS} FROM urls WHERE {where}"
            " ORDER BY coalesce(finished_at, discovered_at) DESC, url LIMIT ?",
            [*params, -1 if limit is None else limit])
        return [UrlState(*row) for row in rows]

    def requeue(self, selection: Selection) -> int:
        """Put the failed or skipped URLs ``selection`` picks back in the queue, with
        their attempts and error cleared; how many. A skip is judged again when the
        URL is fetched, under the configuration of that run."""
        retryable = replace(selection, states=tuple(
            s for s in (selection.states or ("failed", "skipped"))
            if s in ("failed", "skipped")))
        if not retryable.states:
            return 0
        where, params = retryable.where()
        return self._write(
            "UPDATE urls SET state = 'queued', attempts = 0, next_attempt_at = NULL,"
            f" last_error = NULL, error_kind = NULL, finished_at = NULL WHERE {where}", params)

    def counts(self, *, sources: Sequence[str] | None = None) -> dict[str, int]:
        """How many URLs are in each state (every state listed, zeros included)."""
        where, params = "1", list[Any]()
        if sources is not None:
            where, params = f"source IN ({', '.join('?' * len(sources))})", list(sources)
        rows = self.db.conn.execute(
            f"SELECT state, count(*) FROM urls WHERE {where} GROUP BY state", params)
        return {state: 0 for state in STATES} | dict(rows.fetchall())

    # -- feeds and sitemaps ------------------------------------------------------------

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """What the last fetch of a feed, sitemap or section page left for the next;
        ``children`` is the list of feeds or sitemaps it named then."""
        cursor = self.db.conn.execute(
            "SELECT url, source, etag, last_modified, last_fetched_at, last_status, children"
            " FROM feeds WHERE url = ?", (url,))
        row = cursor.fetchone()
        if row is None:
            return None
        state = dict(zip([c[0] for c in cursor.description], row, strict=True))
        state["children"] = json.loads(state["children"] or "[]")
        return state

    def save_feed_state(self, url: str, source: str, etag: str | None,
                        last_modified: str | None, status: int,
                        children: Sequence[str] | None = None) -> None:
        """Record a fetch of a feed. A 304 keeps the stored validators it does not
        repeat, and the stored children (an unchanged page names the same ones)."""
        keep = ", ".join(
            f"{column} = coalesce(excluded.{column}, feeds.{column})" if status == 304
            else f"{column} = excluded.{column}" for column in ("etag", "last_modified",
                                                               "children"))
        self._write(
            "INSERT INTO feeds (url, source, etag, last_modified, last_fetched_at, last_status,"
            " children) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
            f" source = excluded.source, {keep}, last_fetched_at = excluded.last_fetched_at,"
            " last_status = excluded.last_status",
            (url, source, etag, last_modified, _now(), status,
             None if children is None else json.dumps(list(children))))
