"""crawl merge: shard databases into one, as if one process had stored everything.

The databases are filled by importing archives the tests write (real pages,
no network), so a direct import of the same archives into one database is
the reference a merge must reproduce.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from scraper.archive.importer import import_archives
from scraper.config import load_config
from scraper.errors import CorruptRowError
from scraper.store.database import Store
from scraper.store.merge import merge_databases
from scraper.store.schema import SCHEMA_VERSION
from tests.localsite import CRAWL, query, templates
from tests.warcs import site_pages, write_warc

pytestmark = pytest.mark.skipif(not templates(), reason="no benchmark pages in shared/bench")

SHOWN = ("SELECT a.url, a.title, a.text, a.fetched_at, a.source, o.url FROM articles a "
         "LEFT JOIN articles o ON o.id = a.duplicate_of ORDER BY a.url")
"""Each article with the URL of the original it duplicates: ids differ between databases."""


def fill(db: Path, *archives: Path, source: str | None = None) -> Path:
    with Store(db) as store:
        import_archives(store, [str(a) for a in archives], load_config(None).clean, source=source)
    return db


def crawl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CRAWL), *args], capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two shard databases that overlap: B refetched four of A's pages later, and
    holds a near copy of A's first page at another URL."""
    folder = tmp_path_factory.mktemp("shards")
    pages = site_pages(12)
    later = [(url, captured + timedelta(hours=1), body) for url, captured, body in pages[4:8]]
    url, captured, body = pages[0]
    copy_url = url.replace(".html", "-copy.html")
    paragraph_end = body.index(b"</p>", len(body) // 3) + 4
    near = body.replace(url.encode(), copy_url.encode())[:paragraph_end] + \
        body[body.index(b"</p>", paragraph_end) + 4:]
    first = write_warc(folder / "a.warc.gz", pages[:8])
    second = write_warc(folder / "b.warc.gz", [*later, *pages[8:], (copy_url, captured, near)])
    return {"a": fill(folder / "a.db", first, source="a"),
            "b": fill(folder / "b.db", second, source="b"),
            "reference": fill(folder / "reference.db", first, second, source=None)}


def test_merge_gives_what_one_database_would_hold(tmp_path: Path, shards: dict[str, Path]) -> None:
    target = tmp_path / "news.db"
    done = crawl("--db", str(target), "merge", str(shards["a"]), str(shards["b"]),
                 "--format", "json")
    assert done.returncode == 0, done.stderr
    merged = query(target, SHOWN)
    reference = query(shards["reference"], SHOWN)
    assert [row[:4] + row[5:] for row in merged] == [row[:4] + row[5:] for row in reference]
    assert any(row[5] for row in merged), "no duplicate was linked: the near copy is not one"
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first["articles new"] == len(query(shards["a"], "SELECT id FROM articles"))
    assert second.get("articles updated", 0) + second.get("articles unchanged", 0) == 4
    # The newest fetch wins whichever database comes first.
    backwards = tmp_path / "backwards.db"
    with Store(backwards) as store:
        merge_databases(store, [str(shards["b"]), str(shards["a"])])
    assert [row[:4] for row in query(backwards, SHOWN)] == [row[:4] for row in merged]
    pages = "SELECT final_url, fetched_at FROM raw_pages ORDER BY final_url"
    assert query(target, pages) == query(backwards, pages) == query(shards["reference"], pages)


def test_merging_again_changes_nothing(tmp_path: Path, shards: dict[str, Path]) -> None:
    target = tmp_path / "news.db"
    with Store(target) as store:
        merge_databases(store, [str(shards["a"]), str(shards["b"])])
        tables = {t: query(target, f"SELECT count(*) FROM {t}")
                  for t in ("articles", "raw_pages", "removed_blocks", "crawl_runs", "urls")}
        (again,) = merge_databases(store, [str(shards["b"])])
    assert {name for name, n in again.counts.items() if n} <= {
        "articles unchanged", "articles older", "pages kept"}
    assert {t: query(target, f"SELECT count(*) FROM {t}") for t in tables} == tables


def test_another_schema_version_is_refused_in_one_line(tmp_path: Path,
                                                       shards: dict[str, Path]) -> None:
    old = tmp_path / "old.db"
    shutil.copy(shards["a"], old)
    with Store(old) as store:
        store.conn.execute("PRAGMA user_version = 2")
    target = tmp_path / "news.db"
    done = crawl("--db", str(target), "merge", str(shards["b"]), str(old))
    assert done.returncode == 2  # a refused input, as the exit-code contract says
    assert done.stderr == (f"crawl: error: {old}: schema version 2, not {SCHEMA_VERSION}: "
                           f"upgrade it first: crawl stats --db {old}\n")
    assert query(target, "SELECT count(*) FROM articles") == [(0,)]  # checked before merging


def test_a_damaged_row_is_reported_and_the_others_merge(tmp_path: Path,
                                                        shards: dict[str, Path]) -> None:
    damaged = tmp_path / "damaged.db"
    shutil.copy(shards["a"], damaged)
    with closing(sqlite3.connect(damaged)) as conn, conn:
        conn.execute("UPDATE articles SET authors = 'not json{' WHERE id = 2")
        conn.execute("UPDATE raw_pages SET body = x'789c0102' WHERE id = 1")
        conn.execute("UPDATE articles SET title = CAST(x'4665727279ff' AS TEXT) WHERE id = 3")
    reported: list[CorruptRowError] = []
    with Store(tmp_path / "news.db") as store:
        (merged,) = merge_databases(store, [str(damaged)], on_corrupt=reported.append)
    assert [error.row.split(" (")[0] for error in reported] == ["page 1", "article 2"]
    assert merged.counts["rows damaged"] == 2
    articles = query(shards["a"], "SELECT url FROM articles WHERE id != 2 ORDER BY url")
    assert query(tmp_path / "news.db", "SELECT url FROM articles ORDER BY url") == articles
    assert query(tmp_path / "news.db", "SELECT count(*) FROM articles WHERE title = ?",
                 ("Ferry\ufffd",)) == [(1,)]  # undecodable bytes, read replaced


def test_another_programs_database_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE foo (x)")
    done = crawl("--db", str(tmp_path / "news.db"), "merge", str(other))
    assert done.returncode == 2
    assert done.stderr == (f"crawl: error: {other}: not a newscrawl database (another "
                           "program's tables are in it): left untouched\n")


def test_a_killed_merge_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    big = fill(tmp_path / "big.db", write_warc(tmp_path / "big.warc.gz", site_pages(150)))
    target = tmp_path / "news.db"
    fill(target, write_warc(tmp_path / "small.warc.gz", site_pages(3)))
    before = query(target, SHOWN)
    wal = Path(f"{target}-wal")
    child = subprocess.Popen([str(CRAWL), "--db", str(target), "merge", str(big)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 900  # bounds a hang, not the machine's load
    while not (wal.exists() and wal.stat().st_size > 200_000) and child.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    assert child.poll() is None, "the merge ended before the kill: make the database bigger"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert query(target, SHOWN) == before
    reference = tmp_path / "reference.db"
    fill(reference, tmp_path / "small.warc.gz")
    with Store(reference) as store:
        merge_databases(store, [str(big)])
    done = crawl("--db", str(target), "merge", str(big))
    assert done.returncode == 0, done.stderr
    assert query(target, SHOWN) == query(reference, SHOWN)
