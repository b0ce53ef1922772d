"""Readers during a crawl never meet "database is locked"; a second run refuses cleanly.

One real ``crawl run`` writes the local news site (tests/localsite.py, slowed
so the crawl lasts seconds) into a database while, in parallel, ``crawl
search``, ``crawl query`` and ``crawl stats`` run in loops as subprocesses and
a Datasette-style reader holds a read-only sqlite3 connection running SELECTs
and full-text MATCH queries. Every reader's every answer must be a success.
Meanwhile a second ``crawl run`` on the same database must stop at once with
one line naming the run that holds it.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.localsite import BENCH_PAGES, CRAWL, LocalSite, site_source, stored_urls, write_config

pytestmark = pytest.mark.skipif(not BENCH_PAGES.is_dir(), reason=f"no bench pages at {BENCH_PAGES}")

ARTICLES = 40
SERVER_DELAY = 0.15
"""Seconds the site takes per answer: with two requests at a time the crawl lasts
three seconds alone, and longer beside the readers: each runs several times."""

READER_COMMANDS = {
    "search": [["search", "the", "--limit", "5", "--format", "json"],
               ["search", '"the council"', "--format", "csv"]],
    "query": [["query", "SELECT a.id, a.title, count(r.position) FROM articles a LEFT JOIN "
               "removed_blocks r ON r.article_id = a.id GROUP BY a.id ORDER BY a.id DESC "
               "LIMIT 20", "--format", "json"],
              ["query", "SELECT state, count(*) FROM urls GROUP BY state"]],
    "stats": [["stats", "--format", "json"], ["stats"]],
}
"""Each reader loops over its commands in turn."""

DATASETTE_QUERIES = [
    "SELECT count(*) FROM articles",
    "SELECT id, url, title, published FROM articles ORDER BY id DESC LIMIT 50",
    "SELECT rowid, snippet(articles_fts, -1, '<b>', '</b>', '...', 10) FROM articles_fts "
    "WHERE articles_fts MATCH 'the' ORDER BY rank LIMIT 10",
    "SELECT title FROM articles_fts WHERE articles_fts MATCH '\"new\" OR \"said\"' LIMIT 10",
    "SELECT state, count(*) FROM urls GROUP BY state",
    "SELECT count(*), sum(size) FROM raw_pages",
    "SELECT name FROM sqlite_master WHERE type = 'table'",
    "PRAGMA table_info(articles)",
]


class Readers:
    """Reader loops in threads until ``stop``; every failure is kept with its output."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.runs: Counter[str] = Counter()
        self.failures: list[str] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def start(self, name: str, once: Callable[[], None]) -> None:
        def loop() -> None:
            while not self.stop.is_set():
                try:
                    once()
                except Exception as error:  # every failure is the finding
                    with self._lock:
                        self.failures.append(f"{name}: {type(error).__name__}: {error}")
                with self._lock:
                    self.runs[name] += 1

        thread = threading.Thread(target=loop, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def join(self) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(timeout=60)


def command_reader(config: Path, commands: list[list[str]]) -> Callable[[], None]:
    turns = itertools.cycle(commands)

    def once() -> None:
        done = subprocess.run([str(CRAWL), "--config", str(config), *next(turns)],
                              capture_output=True, text=True, timeout=60, check=False)
        complaint = done.stderr.strip()
        if done.returncode != 0 or (complaint and complaint != "no match"):
            raise AssertionError(f"exit {done.returncode}: {complaint[-500:]}")
    return once


def datasette_reader(database: Path) -> tuple[Callable[[], None], Callable[[], None]]:
    """One long-lived read-only connection, as Datasette keeps, plus a fresh one per round."""
    uri = f"file:{database}?mode=ro"
    held = sqlite3.connect(uri, uri=True, check_same_thread=False)

    def once() -> None:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as fresh:
            for conn in (held, fresh):
                for sql in DATASETTE_QUERIES:
                    conn.execute(sql).fetchall()

    return once, held.close


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_readers_during_a_crawl_never_fail_and_a_second_run_refuses(tmp_path: Path) -> None:
    with LocalSite(ARTICLES, delay=SERVER_DELAY) as site:
        config = write_config(tmp_path, [site_source(site)], concurrency=2,
                              per_host_concurrency=2)
        database = tmp_path / "news.db"
        stderr_path = tmp_path / "run.stderr"
        with stderr_path.open("w") as stderr:
            first = subprocess.Popen([str(CRAWL), "--config", str(config), "run"],
                                     stdout=subprocess.DEVNULL, stderr=stderr)
        readers = Readers()
        close_held = None
        try:
            wait_until(lambda: any(site.count(p) for p in site.article_paths) or
                       first.poll() is not None, "the first article request")
            assert first.poll() is None, stderr_path.read_text()
            started = time.monotonic()
            second = subprocess.run([str(CRAWL), "--config", str(config), "run", "--source",
                                     "local"], capture_output=True, text=True, timeout=60,
                                    check=False)
            second_took = time.monotonic() - started
            assert first.poll() is None, "the first run ended before the second was refused"

            started = time.monotonic()
            for name, commands in READER_COMMANDS.items():
                readers.start(name, command_reader(config, commands))
            datasette, close_held = datasette_reader(database)
            readers.start("datasette", datasette)
            first.wait(timeout=120)
            crawl_ended = time.monotonic()
        finally:
            readers.join()
            if close_held is not None:
                close_held()
            if first.poll() is None:
                first.kill()
                first.wait()

    assert readers.failures == [], "\n".join(readers.failures[:10])
    assert first.returncode == 0, stderr_path.read_text()[-2000:]
    assert "locked" not in stderr_path.read_text()
    # Every reader ran while the crawl was writing, several times each.
    assert all(readers.runs[name] >= 2 for name in (*READER_COMMANDS, "datasette")), readers.runs
    assert crawl_ended - started > 1.0, "the crawl ended before the readers got going"

    assert second.returncode != 0
    assert second_took < 10
    assert second.stderr.count("\n") == 1, second.stderr
    assert "another `crawl run`" in second.stderr and f"pid {first.pid}" in second.stderr
    assert "Traceback" not in second.stderr and second.stdout == ""

    stored = stored_urls(database)
    assert len(stored) >= ARTICLES - 2 and set(stored.values()) == {1}
    print(f"reads during the crawl: {dict(readers.runs)}; crawl took "
          f"{crawl_ended - started:.1f}s after the readers started")
