"""`crawl prune` on a real database, the migration to incremental auto-vacuum, and logging."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cleaners import Article
from cleaners.article import RemovedBlock
from scraper.store.database import Store
from scraper.store.schema import migrate
from tests.localsite import CRAWL

NOW = datetime.now(UTC)


def fill(database: Path, days: int) -> None:
    """One article a day for ``days`` days, each with its raw page and a removed block."""
    with Store(database) as store:
        for day in range(days):
            url = f"https://example.com/{day}"
            fetched = (NOW - timedelta(days=day, hours=1)).isoformat()
            page = store.save_page(url=url, final_url=url, status=200,
                                   headers={"content-type": "text/html"},
                                   body=f"<p>page {day}</p>".encode() * 2000,
                                   fetched_at=fetched, source="wire")
            article = Article(url=url, title=f"Harbour day {day}",
                              text=f"The harbour story of day {day}. " * 200,
                              removed=[RemovedBlock("share", "share-bar", "Share this")])
            store.save_article(article, url=url, page_id=page, source="wire", fetched_at=fetched)


def crawl(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CRAWL), "--db", str(database), *args], capture_output=True,
                          text=True, timeout=120, check=False)


def count(database: Path, sql: str) -> int:
    with closing(sqlite3.connect(database)) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_prune_deletes_old_articles_with_their_blocks_and_search_rows(tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    fill(database, 120)
    dry = crawl(database, "prune", "--older-than", "90d", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("would delete 30 articles (30 removed blocks) and 30 raw pages")
    assert count(database, "select count(*) from articles") == 120, "a dry run deletes nothing"

    size_before = database.stat().st_size
    pruned = crawl(database, "prune", "--older-than", "90d")
    assert pruned.returncode == 0, pruned.stderr
    assert pruned.stdout.startswith("deleted 30 articles (30 removed blocks) and 30 raw pages")
    freed = re.search(r"freed ([\d.]+) (KB|MB)", pruned.stdout)
    assert freed is not None, pruned.stdout
    assert count(database, "select count(*) from articles") == 90
    assert count(database, "select count(*) from removed_blocks") == 90
    assert count(database, "select count(*) from raw_pages") == 90
    assert count(database, "select count(*) from articles_fts "
                           "where articles_fts match 'harbour'") == 90
    assert database.stat().st_size < size_before, "the file gave the space back"


def test_prune_raw_only_keeps_the_articles(tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    fill(database, 40)
    result = crawl(database, "prune", "--older-than", "30d", "--raw-only", "--source", "wire")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("deleted 10 raw pages")
    assert count(database, "select count(*) from articles") == 40
    assert count(database, "select count(*) from articles where page_id is null") == 10


def test_an_existing_database_is_moved_to_incremental_auto_vacuum(tmp_path: Path) -> None:
    database = tmp_path / "old.db"
    with closing(sqlite3.connect(database, isolation_level=None)) as conn:
        migrate(conn, "old.db", upto=2)  # a database made before this migration
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 0
    Store(database).close()
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2


def test_verbose_logs_in_utc_and_quiet_hides_progress(tmp_path: Path) -> None:
    database = tmp_path / "news.db"
    fill(database, 3)
    loud = crawl(database, "-vv", "prune", "--older-than", "1d")
    assert re.search(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO scraper\.store\.retention: ",
                     loud.stderr, re.MULTILINE), loud.stderr
    quiet = crawl(database, "-q", "prune", "--older-than", "1d")
    assert quiet.stderr == ""
