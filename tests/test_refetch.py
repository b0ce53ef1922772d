"""Pages stored again before their URL was finished: two URLs that redirect to one page,
and a page fetched again while a killed crawl's copy waits to be cleaned.

Real parts only: a local server, the installed ``crawl`` command, a real SQLite file.
"""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scraper.config import load_config
from scraper.crawl.discover import Discovered
from scraper.crawl.frontier import Frontier
from scraper.crawl.pipeline import keep_fetched
from scraper.fetch.fetcher import fetch_pages
from scraper.page import Page
from scraper.store.database import Store
from tests.localsite import query, run_crawl, write_config
from tests.test_crawl_waits import PAGE, serve_sitemap

# A page with no article, slow enough to clean that the second URL is fetched meanwhile.
NO_ARTICLE = ("<html><head><title>Moved</title></head><body><ul>"
              + "".join(f'<li><a href="/x{n}">x{n}</a></li>' for n in range(3000))
              + "</ul></body></html>")


def redirect_to(server: HTTPServer, path: str) -> None:
    server.expect_request(path).respond_with_response(
        Response(status=302, headers={"Location": server.url_for("/final.html")}))


def test_two_urls_redirecting_to_one_page_the_first_empty_store_the_second(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    answers = itertools.chain([NO_ARTICLE], itertools.repeat(PAGE.format(n=1)))

    def final(_request: Request) -> Response:
        return Response(next(answers), content_type="text/html")

    httpserver.expect_request("/final.html").respond_with_handler(final)
    redirect_to(httpserver, "/a.html")
    redirect_to(httpserver, "/b.html")
    config = write_config(tmp_path, [{"name": "moved", "sitemaps": [
        serve_sitemap(httpserver, ["/a.html", "/b.html"])]}])
    result = run_crawl(config, "run", "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.splitlines()[-1])
    assert summary["errors"] == {} and summary["new"] == 1 and summary["empty"] == 1, summary
    assert "Traceback" not in result.stderr, result.stderr
    db = tmp_path / "news.db"
    assert query(db, "SELECT url FROM articles") == [(httpserver.url_for("/final.html"),)]
    assert query(db, "SELECT state, count(*) FROM urls GROUP BY state") == [("done", 2)]
    (page_id,) = query(db, "SELECT page_id FROM articles")[0]
    assert query(db, "SELECT id FROM raw_pages") == [(page_id,)]


def test_a_page_stored_again_before_it_was_cleaned_is_cleaned_once(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    versions = itertools.chain([PAGE.format(n=1)], itertools.repeat(PAGE.format(n=2)))
    httpserver.expect_request("/story.html").respond_with_handler(
        lambda _request: Response(next(versions), content_type="text/html"))
    sitemap = serve_sitemap(httpserver, ["/story.html"])
    config = write_config(tmp_path, [{"name": "wire", "sitemaps": [sitemap]}])
    url, db = httpserver.url_for("/story.html"), tmp_path / "news.db"
    # A crawl killed after it kept the page and before it cleaned it, as its calls leave it.
    with Store(db) as store:
        frontier = Frontier(store.db)
        frontier.add([Discovered(url, None, None, "sitemap", sitemap)], "wire")
        (claim,) = frontier.claim(1, datetime.now(UTC).isoformat())
        (page,) = fetch_pages([url], load_config(config).fetch)
        assert isinstance(page, Page)
        keep_fetched(store, page, source="wire", frontier=frontier, claimed_url=claim.url)
    fetched = run_crawl(config, "fetch", url, "--format", "json")  # the same page, changed
    assert fetched.returncode == 0, fetched.stderr
    resumed = run_crawl(config, "run", "--format", "json")
    assert resumed.returncode == 0, resumed.stderr
    assert "Traceback" not in resumed.stderr
    summary = json.loads(resumed.stdout.splitlines()[-1])
    assert (summary["fetched"], summary["unchanged"], summary["errors"]) == (0, 1, {}), summary
    assert query(db, "SELECT url, substr(text, 1, 2) FROM articles") == [(url, "2 ")]
    assert query(db, "SELECT state FROM urls") == [("done",)]
    assert query(db, "SELECT count(*) FROM raw_pages") == [(1,)]
