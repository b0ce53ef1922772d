"""Waits a server asks for, through ``crawl run``: capped, never fatal.

A host's robots.txt Crawl-delay and its Retry-After are its wishes, not
orders: a crawl honours them up to ``fetch.max_crawl_delay`` and
``fetch.max_retry_after``, so a hostile host cannot hold the crawl (and its
lock) for years, nor crash it with a number past what a date can hold.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.localsite import query, run_crawl, write_config

PAGE = ("<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
        + "<p>{n} A paragraph long enough to be an article, about a harbour and its boats, "
        "written out in full sentences that a reader would want to keep.</p>" * 4
        + "</article></body></html>")


def serve_sitemap(server: HTTPServer, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{server.url_for(p)}</loc></url>" for p in paths)
    server.expect_request("/sitemap.xml").respond_with_data(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        content_type="application/xml")
    return server.url_for("/sitemap.xml")


def test_a_huge_crawl_delay_is_cut_to_max_crawl_delay(httpserver: HTTPServer,
                                                       tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 100000000\n")
    paths = [f"/story-{n}.html" for n in range(3)]
    for n, path in enumerate(paths):
        httpserver.expect_request(path).respond_with_data(PAGE.format(n=n),
                                                          content_type="text/html")
    config = write_config(tmp_path, [{"name": "slowpoke",
                                      "sitemaps": [serve_sitemap(httpserver, paths)]}],
                          per_host_concurrency=1, max_crawl_delay="1s")
    started = time.monotonic()
    result = run_crawl(config, "run", "--format", "json", timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30
    assert query(tmp_path / "news.db", "SELECT count(*) FROM articles") == [(3,)]


@pytest.mark.parametrize("retry_after", ["9" * 20, "9" * 400, "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_a_retry_after_past_any_date_is_cut_to_max_retry_after(
        httpserver: HTTPServer, tmp_path: Path, retry_after: str) -> None:
    httpserver.expect_request("/busy.html").respond_with_data(
        "later", status=503, headers={"Retry-After": retry_after})
    config = write_config(tmp_path, [{"name": "busy",
                                      "sitemaps": [serve_sitemap(httpserver, ["/busy.html"])]}],
                          max_retry_after="2h")
    result = run_crawl(config, "run", "--format", "json", timeout=60)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr  # the only URL failed
    ((state, kind, next_attempt),) = query(
        tmp_path / "news.db", "SELECT state, error_kind, next_attempt_at FROM urls")
    assert (state, kind) == ("queued", "http-503")
    wait = datetime.fromisoformat(next_attempt) - datetime.now(UTC)
    assert timedelta(hours=1.9) < wait <= timedelta(hours=2)
