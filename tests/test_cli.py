"""The `crawl` command, run through its installed entry point against a real local server.

Each test runs the real console script in a subprocess, talks HTTP to
pytest-httpserver on 127.0.0.1, and reads back a real SQLite file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCH = SHARED / "bench" / "scrapinghub"
CRAWL = Path(sys.executable).with_name("crawl")
# A WSJ page of the benchmark: its ground truth starts "Gaming used to be so simple."
PAGE_ID = "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856"
# The canonical URL the page names: on another site than 127.0.0.1, it is kept as data but
# does not key the article (a page may not claim another site's article).
CANONICAL = ("https://www.wsj.com/articles/google-stadia-microsoft-xcloud-apple-arcade-"
             "so-many-ways-to-playand-pay-11574168580")

pytestmark = pytest.mark.skipif(not BENCH.exists(), reason=f"benchmark pages not found at {BENCH}")

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    html = gzip.decompress((BENCH / "html" / f"{PAGE_ID}.html.gz").read_bytes())
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    httpserver.expect_request("/news/gaming.html").respond_with_data(
        html, content_type="text/html; charset=utf-8")
    httpserver.expect_request("/private/secret.html").respond_with_data(
        html, content_type="text/html")
    httpserver.expect_request("/missing.html").respond_with_data("gone", status=404)
    httpserver.expect_request("/broken.html").respond_with_data("oops", status=500)
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.7\n" + bytes(range(256)) * 40, content_type="application/pdf")
    httpserver.expect_request("/huge.html").respond_with_data(
        b"<html><body>" + b"<p>word </p>" * 200_000, content_type="text/html")
    httpserver.expect_request("/junk.html").respond_with_data(
        bytes(range(256)) * 100, content_type="text/html")
    return httpserver


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run `crawl ARGS` in tmp_path with a test config that allows 127.0.0.1."""
    config = tmp_path / "config.yaml"
    config.write_text("fetch:\n  delay: 0\n  max_bytes: 1000000\n  read_timeout: 5\n"
                      "  connect_timeout: 2\n")

    def invoke(*args: str, config_path: Path = config) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(CRAWL), "--config", str(config_path), "--db", str(tmp_path / "news.db"), *args],
            cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)

    return invoke


def db_digest(path: Path) -> str:
    """A digest of every row of the articles and pages tables."""
    with sqlite3.connect(path) as conn:
        rows = [conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("articles", "raw_pages")]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_fetch_then_search_then_export(site: HTTPServer, run: Run, tmp_path: Path) -> None:
    url = site.url_for("/news/gaming.html")
    fetched = run("fetch", url)
    assert fetched.returncode == 0, fetched.stderr
    assert fetched.stdout.startswith("Google Stadia, Microsoft xCloud")
    assert f"\n{url}\ncanonical: {CANONICAL}\n" in fetched.stdout
    assert "Gaming used to be so simple." in fetched.stdout

    found = run("search", "Stadia", "--format", "json")
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert len(hits) == 1 and hits[0]["url"] == url

    exported = run("export", "--format", "jsonl", "--output", "out.jsonl")
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [(row["url"], row["fetched_url"], row["canonical_url"]) for row in rows] == [
        (url, url, CANONICAL)]
    assert "Gaming used to be so simple." in rows[0]["text"]

    csv_out = run("export", "--format", "csv")
    assert csv_out.returncode == 0 and csv_out.stdout.startswith("id,url,")


def test_fetching_again_updates_never_duplicates(site: HTTPServer, run: Run,
                                                 tmp_path: Path) -> None:
    url = site.url_for("/news/gaming.html")
    assert run("fetch", url).returncode == 0
    again = run("fetch", url, "--format", "json")
    assert again.returncode == 0
    assert "unchanged:" in again.stderr
    count = run("query", "select count(*) as n from articles", "--format", "json")
    assert json.loads(count.stdout) == {"n": 1}


def test_fetch_formats_and_no_store(site: HTTPServer, run: Run, tmp_path: Path) -> None:
    url = site.url_for("/news/gaming.html")
    as_json = run("fetch", url, "--format", "json", "--no-store")
    article = json.loads(as_json.stdout)
    assert article["title"].startswith("Google Stadia")
    assert isinstance(article["removed"], list)
    markdown = run("fetch", url, "--format", "markdown", "--no-store")
    assert markdown.stdout.startswith("---\n") and "\n# Google Stadia" in markdown.stdout
    assert not (tmp_path / "news.db").exists()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "HTTP 404"),
        ("/broken.html", "HTTP 500"),
        ("/report.pdf", "application/pdf"),
        ("/huge.html", "1000000"),
        ("/private/secret.html", "robots.txt"),
        ("/junk.html", "binary"),
    ],
)
def test_bad_pages_fail_in_one_line_and_keep_the_database(
        site: HTTPServer, run: Run, tmp_path: Path, path: str, message: str) -> None:
    assert run("fetch", site.url_for("/news/gaming.html")).returncode == 0
    before = db_digest(tmp_path / "news.db")
    failed = run("fetch", site.url_for(path))
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crawl: error:"), failed.stderr
    assert message in lines[0]
    assert "Traceback" not in failed.stderr
    assert db_digest(tmp_path / "news.db") == before


@pytest.mark.parametrize("url", ["not a url", "ftp://example.com/x", "http://"])
def test_invalid_urls(run: Run, url: str) -> None:
    failed = run("fetch", url)
    assert failed.returncode == 1
    assert failed.stderr.startswith("crawl: error:") and "Traceback" not in failed.stderr


@pytest.mark.parametrize(("target", "says"), [
    ("missing.html", "missing.html: no such file, and not a URL"),
    ("example.com/story", "example.com/story: no such file, and not a URL"),
    (".", ".: a directory, not a saved page"),
])
def test_a_target_that_is_neither_a_file_nor_a_url_says_which(
        site: HTTPServer, run: Run, target: str, says: str) -> None:
    """The error names what is wrong with it, and the other targets are still fetched."""
    failed = run("fetch", target, site.url_for("/news/gaming.html"))
    assert failed.returncode == 1
    assert failed.stderr.startswith(f"crawl: error: {says}")
    assert "Gaming used to be so simple." in failed.stdout
    explained = run("explain", target)
    assert explained.returncode == 2 and explained.stderr.startswith(f"crawl: error: {says}")


def test_closed_port(run: Run) -> None:
    with socket.socket() as sock:  # a port that was just free: nothing listens on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    failed = run("fetch", f"http://127.0.0.1:{port}/story.html")
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1


def test_partial_failure_keeps_the_good_ones(site: HTTPServer, run: Run) -> None:
    result = run("fetch", site.url_for("/news/gaming.html"), site.url_for("/missing.html"))
    assert result.returncode == 1
    assert "Gaming used to be so simple." in result.stdout
    count = run("query", "select count(*) as n from articles", "--format", "json")
    assert json.loads(count.stdout) == {"n": 1}


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to write to")
def test_a_full_disk_under_stdout_is_one_line_and_every_page_is_stored(
        site: HTTPServer, run: Run, tmp_path: Path) -> None:
    """The articles are printed once all are stored: an output that fails costs none."""
    saved = tmp_path / "saved.html"
    paragraph = "<p>The harbour reopened after the storm and the ferries ran again.</p>"
    saved.write_text(f"<html><body><article>{paragraph * 8}</article></body></html>")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(CRAWL), "--config", str(tmp_path / "config.yaml"), "--db",
             str(tmp_path / "news.db"), "fetch", str(saved), site.url_for("/news/gaming.html"),
             "--url", "https://example.com/harbour"],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            check=False)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "crawl: error: cannot write the output (No space left on device)")
    assert "Traceback" not in done.stderr
    count = run("query", "select count(*) as n from articles", "--format", "json")
    assert json.loads(count.stdout) == {"n": 2}


def test_malformed_config_is_exit_2_naming_the_key(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("fetch:\n  concurrncy: 3\n")
    result = run("stats", config_path=bad)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"crawl: error: {bad}: fetch.concurrncy: unknown key (did you mean 'concurrency'?); "
        "known keys: user_agent, connect_timeout, read_timeout, max_redirects, max_bytes, "
        "concurrency, per_host_concurrency, delay, max_attempts, backoff, max_crawl_delay, "
        "max_retry_after, respect_robots, "
        "allow_private_addresses")


def test_query_is_read_only(site: HTTPServer, run: Run, tmp_path: Path) -> None:
    assert run("fetch", site.url_for("/news/gaming.html")).returncode == 0
    before = db_digest(tmp_path / "news.db")
    for sql in ["delete from articles", "drop table articles",
                "select 1; delete from articles", "attach database 'x.db' as x"]:
        refused = run("query", sql)
        assert refused.returncode == 2, (sql, refused.stderr)
        assert refused.stderr.startswith("crawl: error:")
    assert db_digest(tmp_path / "news.db") == before
    table = run("query", "select title from articles")
    assert table.returncode == 0 and "Google Stadia" in table.stdout


def test_clean_a_local_file_offline(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((BENCH / "html" / f"{PAGE_ID}.html.gz").read_bytes()))
    result = run("clean", str(page), "--url", "https://www.wsj.com/articles/x", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"].startswith("Google Stadia")
    assert not (tmp_path / "news.db").exists()
    piped = subprocess.run([str(CRAWL), "clean", "-"], input=page.read_text(), text=True,
                           capture_output=True, cwd=tmp_path, check=False)
    assert piped.returncode == 0 and "Gaming used to be so simple." in piped.stdout


def test_fetch_a_local_file_stores_it(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((BENCH / "html" / f"{PAGE_ID}.html.gz").read_bytes()))
    result = run("fetch", str(page), "--url", "https://www.wsj.com/articles/stadia")
    assert result.returncode == 0, result.stderr
    stats = run("stats", "--format", "json")
    assert json.loads(stats.stdout)["articles"] == 1


def test_commands_on_a_missing_database_say_so(run: Run, tmp_path: Path) -> None:
    for args in (["search", "x"], ["query", "select 1"], ["export"], ["stats"]):
        result = run(*args)
        assert result.returncode == 1
        assert "no such database" in result.stderr
    assert not (tmp_path / "news.db").exists()


def test_help_shows_examples() -> None:
    result = subprocess.run([str(CRAWL), "fetch", "--help"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and "crawl fetch https://" in result.stdout


def test_show_prints_the_article_and_its_removed_blocks(site: HTTPServer, run: Run) -> None:
    url = site.url_for("/news/gaming.html")
    assert run("fetch", url).returncode == 0
    by_id = run("show", "1")
    assert by_id.returncode == 0 and by_id.stdout.startswith("Google Stadia")
    by_url = run("show", url, "--format", "json")
    article = json.loads(by_url.stdout)
    assert article["id"] == 1 and all({"kind", "rule", "excerpt"} <= set(block)
                                      for block in article["removed"])
    missing = run("show", "99")
    assert missing.returncode == 2 and "no stored article" in missing.stderr


def test_reclean_applies_new_rules_without_the_network(site: HTTPServer, run: Run,
                                                       tmp_path: Path) -> None:
    assert run("fetch", site.url_for("/news/gaming.html")).returncode == 0
    unchanged = run("reclean")
    assert unchanged.returncode == 0
    assert unchanged.stdout.strip() == ("1 pages: 0 changed, 1 unchanged, "
                                        "0 without an article, 0 failed")
    requests_before = len(site.log)
    rules = tmp_path / "rules.yaml"
    rules.write_text("clean:\n  sites:\n    127.0.0.1: {drop: ['p:first-of-type']}\n"
                     "    wsj.com: {drop: ['p:first-of-type']}\n")
    changed = run("reclean", config_path=rules)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.startswith("1 pages: 1 changed")
    shown = json.loads(run("show", "1", "--format", "json").stdout)
    assert any(block["kind"] == "site" for block in shown["removed"])
    assert len(site.log) == requests_before, "reclean must not touch the network"
