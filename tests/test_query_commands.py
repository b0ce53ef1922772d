"""Every query command on a database of a few thousand articles, with every filter.

The articles go in through the store's own connection in one transaction (the
FTS triggers index them as they would a crawl's); the commands run through
the installed `crawl` script.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from scraper.store.database import Store

CRAWL = Path(sys.executable).with_name("crawl")
ARTICLES = 3000
SOURCES = ("wire", "local", "science")
LANGUAGES = ("en-GB", "en-US", "de", "fr")
WORDS = ("harbour", "election", "vaccine", "budget", "storm", "museum")


def article_row(n: int) -> dict[str, object]:
    word = WORDS[n % len(WORDS)]
    return {
        "url": f"https://news.example/{n}", "title": f"Story {n} about the {word}",
        "text": f"Paragraph one of story {n} mentions the {word}.\n\nParagraph two ends it.",
        "published": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T08:00:00+00:00",
        "language": LANGUAGES[n % len(LANGUAGES)], "source": SOURCES[n % len(SOURCES)],
        "content_hash": f"hash-{n}", "cleaner_version": "test",
        "fetched_at": "2026-11-27T00:00:00+00:00", "stored_at": "2026-11-27T00:00:00+00:00",
    }


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "news.db"
    rows = [article_row(n) for n in range(ARTICLES)]
    with Store(path) as store, store.transaction():
        columns = list(rows[0])
        store.conn.executemany(
            f"INSERT INTO articles ({', '.join(columns)}) "
            f"VALUES ({', '.join(':' + c for c in columns)})", rows)
    return path


def crawl(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(CRAWL), "--db", str(database), *args], capture_output=True,
                            text=True, timeout=120, check=False, cwd=database.parent)
    assert result.returncode == 0, result.stderr
    return result


def expected(*, word: str | None = None, source: str | None = None, since: str | None = None,
             until: str | None = None, lang: str | None = None) -> set[str]:
    found = set()
    for n in range(ARTICLES):
        row = article_row(n)
        if ((word is None or word in str(row["text"]))
                and (source is None or row["source"] == source)
                and (since is None or str(row["published"]) >= since)
                and (until is None or str(row["published"]) < until)
                and (lang is None or str(row["language"]).split("-")[0] == lang)):
            found.add(str(row["url"]))
    return found


@pytest.mark.parametrize("filters", [
    {},
    {"source": "wire"},
    {"since": "2026-06-01", "until": "2026-09-01"},
    {"lang": "en"},
    {"source": "science", "lang": "de", "since": "2026-03-01"},
])
def test_search_and_export_honour_every_filter(database: Path, filters: dict[str, str]) -> None:
    options = [part for key, value in filters.items() for part in (f"--{key}", value)]
    hits = crawl(database, "search", "harbour", "--limit", "10000", "--format", "json", *options)
    found = [json.loads(line) for line in hits.stdout.splitlines()]
    if found == [[]]:  # no match prints an empty array, not nothing
        found = []
    assert {hit["url"] for hit in found} == expected(word="harbour", **filters)
    assert all("**harbour**" in hit["snippet"] for hit in found)

    exported = crawl(database, "export", "--format", "csv", *options)
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert {row["url"] for row in rows} == expected(**filters)


def test_search_ranks_and_limits(database: Path) -> None:
    hits = crawl(database, "search", "storm", "--limit", "7", "--format", "json")
    assert len(hits.stdout.splitlines()) == 7
    table = crawl(database, "search", "storm", "--limit", "3")
    assert "Story" in table.stdout and "┃" in table.stdout


def test_query_formats(database: Path) -> None:
    sql = "select source, count(*) as n from articles group by source order by source"
    as_json = [json.loads(line) for line in crawl(database, "query", sql, "--format",
                                                  "json").stdout.splitlines()]
    assert as_json == [{"source": s, "n": ARTICLES // len(SOURCES)} for s in sorted(SOURCES)]
    as_csv = crawl(database, "query", sql, "--format", "csv").stdout.splitlines()
    assert as_csv[0] == "source,n" and len(as_csv) == 1 + len(SOURCES)
    assert "science" in crawl(database, "query", sql).stdout


def test_export_markdown_writes_one_file_per_article(database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "md"
    crawl(database, "export", "--format", "markdown", "-o", str(folder), "--source", "local")
    files = sorted(folder.glob("*.md"))
    assert len(files) == len(expected(source="local"))
    first = files[0].read_text(encoding="utf-8")
    assert first.startswith("---\nurl: ") and "\n# Story " in first


def test_show_and_stats(database: Path) -> None:
    shown = json.loads(crawl(database, "show", "https://news.example/42", "--format",
                             "json").stdout)
    assert shown["title"] == "Story 42 about the harbour"
    stats = json.loads(crawl(database, "stats", "--format", "json").stdout)
    assert stats["articles"] == ARTICLES
    assert Counter(stats["sources"]) == Counter({s: ARTICLES // len(SOURCES) for s in SOURCES})
