"""crawl import and crawl export --format warc|parquet, on archives the tests write.

The pages are the real benchmark pages (``tests.warcs``); every run goes
through the installed ``crawl`` command and a real SQLite file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from scraper.archive.importer import import_archives
from scraper.config import load_config
from scraper.store.database import Store
from tests.localsite import CRAWL, query, templates
from tests.warcs import NOISE, site_pages, write_arc, write_warc

pytestmark = pytest.mark.skipif(not templates(), reason="no benchmark pages in shared/bench")

ARTICLE_COLUMNS = "url, title, text, authors, published, language, tags, fetched_at"


def crawl(db: Path, *args: str) -> dict[str, object]:
    """``crawl --db DB ARGS... --format json``: the printed summary."""
    import subprocess

    done = subprocess.run([str(CRAWL), "--db", str(db), *args], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip().startswith("{") else {}


def articles(db: Path) -> list[tuple[object, ...]]:
    return query(db, f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY url")


@pytest.fixture(scope="module")
def pages() -> list:
    return site_pages(12)


@pytest.mark.parametrize("gzipped", [True, False])
def test_import_stores_html_responses_and_counts_the_rest(tmp_path: Path, pages: list,
                                                          gzipped: bool) -> None:
    name = "pages.warc.gz" if gzipped else "pages.warc"
    archive = write_warc(tmp_path / name, pages, noise=True, gzipped=gzipped)
    db = tmp_path / "news.db"
    summary = crawl(db, "import", str(archive), "--source", "archive", "--format", "json")
    assert summary["counts"] == {"new": len(pages), **NOISE}
    stored = query(db, "SELECT a.url, a.fetched_at, a.source, p.status, p.source, "
                       "p.content_type FROM articles a JOIN raw_pages p ON p.id = a.page_id")
    by_url = {row[0]: row for row in stored}
    for url, captured, _ in pages:
        assert by_url[url][1:] == (captured.isoformat(timespec="seconds"), "archive", 200,
                                   "archive", "text/html; charset=utf-8")


def test_arc_files_import_like_warc(tmp_path: Path, pages: list) -> None:
    warc_db, arc_db = tmp_path / "warc.db", tmp_path / "arc.db"
    crawl(warc_db, "import", str(write_warc(tmp_path / "p.warc.gz", pages)))
    summary = crawl(arc_db, "import", str(write_arc(tmp_path / "p.arc.gz", pages)),
                    "--format", "json")
    assert summary["counts"] == {"new": len(pages), "warcinfo": 1}
    assert articles(arc_db) == articles(warc_db)


def test_since_and_include_filter_records(tmp_path: Path, pages: list) -> None:
    archive = write_warc(tmp_path / "p.warc.gz", pages)
    cutoff = sorted(captured for _, captured, _ in pages)[len(pages) // 2]
    wanted = pages[0][0].rsplit("/", 1)[-1]
    db = tmp_path / "news.db"
    summary = crawl(db, "import", str(archive), "--since", cutoff.isoformat(),
                    "--include", "x-not-there|" + wanted, "--format", "json")
    expected = {url for url, captured, _ in pages if captured >= cutoff and url.endswith(wanted)}
    assert {row[0] for row in articles(db)} == expected
    counts = summary["counts"]
    assert isinstance(counts, dict)
    assert counts["before-since"] == sum(1 for _, c, _ in pages if c < cutoff)
    assert sum(counts.values()) == len(pages)


def test_a_finished_file_is_not_read_again(tmp_path: Path, pages: list) -> None:
    archive = write_warc(tmp_path / "p.warc.gz", pages)
    db = tmp_path / "news.db"
    crawl(db, "import", str(archive))
    again = crawl(db, "import", str(tmp_path / "*.warc.gz"), "--format", "json")
    assert again["finished_before"] == 1 and again["records"] == 0
    assert len(articles(db)) == len(pages)


def test_warc_export_round_trips_to_the_same_articles(tmp_path: Path, pages: list) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    crawl(first, "import", str(write_warc(tmp_path / "in.warc.gz", pages, noise=True)))
    exported = tmp_path / "out.warc.gz"
    crawl(first, "export", "--format", "warc", "-o", str(exported))
    with exported.open("rb") as handle:
        records = list(_checked_records(handle))
    assert Counter(kind for kind, _ in records) == {"warcinfo": 1, "response": len(pages)}
    assert {uri for kind, uri in records if kind == "response"} == {url for url, _, _ in pages}
    crawl(second, "import", str(exported))
    assert articles(second) == articles(first)


def _checked_records(handle: object) -> list[tuple[str, str | None]]:
    """(type, target URI) of each record, every digest verified as it is read."""
    found = []
    records = ArchiveIterator(handle, check_digests="raise")
    for record in records:
        headers = record.rec_headers
        assert headers.protocol == "WARC/1.1"
        if record.rec_type == "response":
            assert headers.get_header("WARC-Payload-Digest")
            assert headers.get_header("WARC-Date")
        record.content_stream().read()
        found.append((record.rec_type, headers.get_header("WARC-Target-URI")))
    return found


def test_parquet_export_is_typed_and_readable(tmp_path: Path, pages: list) -> None:
    duckdb = pytest.importorskip("duckdb")
    pandas = pytest.importorskip("pandas")
    db = tmp_path / "news.db"
    crawl(db, "import", str(write_warc(tmp_path / "in.warc.gz", pages)))
    crawl(db, "export", "--format", "parquet", "-o", str(tmp_path / "parquet"))
    path = tmp_path / "parquet" / "articles.parquet"
    frame = pandas.read_parquet(path)
    stored = query(db, "SELECT url, authors, tags, fetched_at FROM articles ORDER BY id")
    assert list(frame["url"]) == [row[0] for row in stored]
    assert [list(a) for a in frame["authors"]] == [json.loads(row[1]) for row in stored]
    assert str(frame["fetched_at"].dtype).startswith("datetime64")
    types = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{path}'").fetchall()}
    assert types["published"] == "TIMESTAMP WITH TIME ZONE"
    assert types["tags"] == "VARCHAR[]"
    assert duckdb.sql(f"SELECT count(*) FROM '{path}'").fetchall() == [(len(stored),)]


def test_export_to_an_archive_format_needs_an_output(tmp_path: Path, pages: list) -> None:
    import subprocess

    db = tmp_path / "news.db"
    crawl(db, "import", str(write_warc(tmp_path / "in.warc.gz", pages[:2])))
    done = subprocess.run([str(CRAWL), "--db", str(db), "export", "--format", "warc"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == "crawl: error: --format warc writes a file: give -o FILE.warc.gz"


@pytest.mark.parametrize("content", [b"not an archive at all\n" * 20, b""])
def test_a_file_that_is_no_archive_is_one_line_and_keeps_the_store(
        tmp_path: Path, pages: list, content: bytes) -> None:
    import subprocess

    db = tmp_path / "news.db"
    crawl(db, "import", str(write_warc(tmp_path / "good.warc.gz", pages[:3])))
    bad = tmp_path / "bad.warc"
    bad.write_bytes(content)
    done = subprocess.run([str(CRAWL), "--db", str(db), "import", str(bad)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == f"crawl: error: {bad}: not a WARC or ARC file\n"
    assert len(articles(db)) == 3


def test_import_in_process_uses_the_same_pipeline(tmp_path: Path, pages: list) -> None:
    archive = write_warc(tmp_path / "in.warc.gz", pages)
    with Store(tmp_path / "news.db") as store:
        seen: list[int] = []
        summary = import_archives(store, [str(archive)], load_config(None).clean,
                                  progress=lambda _file, records, _counts: seen.append(records))
    assert summary.counts == {"new": len(pages)}
    assert seen == [len(pages)]


@pytest.mark.parametrize("since", ["7d", "yesterday"])
def test_since_takes_the_relative_dates_of_every_verb(tmp_path: Path, pages: list,
                                                      since: str) -> None:
    now = datetime.now(UTC)
    aged = [(url, now - timedelta(days=10 * (number % 2), minutes=number), body)
            for number, (url, _, body) in enumerate(pages[:4])]
    archive = write_warc(tmp_path / "aged.warc.gz", aged)
    db = tmp_path / "news.db"
    summary = crawl(db, "import", str(archive), "--since", since, "--format", "json")
    assert {row[0] for row in articles(db)} == {url for url, captured, _ in aged
                                                 if captured > now - timedelta(days=2)}
    assert summary["counts"] == {"new": 2, "before-since": 2}


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--include", "(", "--include (: not a regular expression"),
    ("--since", "last tuesday", "--since 'last tuesday': not a date (use an ISO date"),
    ("--since", "2016-13-45", "--since '2016-13-45': not a date (use an ISO date"),
])
def test_a_bad_filter_is_one_line(tmp_path: Path, pages: list, option: str, value: str,
                                  message: str) -> None:
    import subprocess

    archive = write_warc(tmp_path / "in.warc.gz", pages[:1])
    done = subprocess.run([str(CRAWL), "--db", str(tmp_path / "news.db"), "import",
                           str(archive), option, value],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"crawl: error: {message}")
    assert len(done.stderr.splitlines()) == 1


def test_reading_and_importing_archives_loads_no_http_client() -> None:
    """A page is a page whoever brought it (``scraper.page``): an import fetches
    nothing, and pays nothing for the fetcher's client."""
    code = ("import sys, scraper.archive.importer, scraper.archive.read; "
            "print('httpx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.strip()
    assert out == "False"
