"""A failure nothing foresaw, inside one URL's work, fails that URL and only that one.

Real parts: a local server, the installed ``crawl`` command, and a real SQLite file
whose trigger refuses one article, as a database refuses a write (a full disk, a
constraint a migration added): the crawl stores the other article, records the
refused URL as failed with kind ``internal``, says so in one line and exits 1.
"""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from scraper.store.database import Store
from tests.localsite import query, run_crawl, write_config
from tests.test_crawl_waits import PAGE, serve_sitemap


def test_an_unforeseen_failure_fails_its_url_and_the_run_goes_on(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    for n, path in enumerate(["/a.html", "/b.html"], start=1):
        httpserver.expect_request(path).respond_with_data(PAGE.format(n=n),
                                                          content_type="text/html")
    config = write_config(tmp_path, [{"name": "wire", "sitemaps": [
        serve_sitemap(httpserver, ["/a.html", "/b.html"])]}])
    db = tmp_path / "news.db"
    with Store(db) as store:  # the schema, then a trigger that refuses one article
        store.db.execute("CREATE TRIGGER refuse_b BEFORE INSERT ON articles"
                         " WHEN NEW.url LIKE '%/b.html'"
                         " BEGIN SELECT RAISE(ABORT, 'the disk refused it'); END")
    result = run_crawl(config, "run", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["errors"] == {"internal": 1} and summary["new"] == 1, summary
    assert any("/b.html" in line and "the disk refused it" in line
               for line in result.stderr.splitlines()), result.stderr
    assert query(db, "SELECT url FROM articles") == [(httpserver.url_for("/a.html"),)]
    assert query(db, "SELECT state, error_kind FROM urls WHERE url LIKE '%/b.html'") == [
        ("failed", "internal")]
