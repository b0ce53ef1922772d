"""Shared fixtures: a loopback HTTP server and the real news pages of the bench."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "scrapinghub"


@dataclass(frozen=True)
class BenchPage:
    """One page of ../shared/bench/scrapinghub: its HTML and the annotated article text."""

    id: str
    html: bytes         # UTF-8, as a browser saw it
    truth: str          # the human-annotated article body
    original_url: str   # where the page was published


@dataclass(frozen=True)
class BenchSite:
    """Bench pages served by ``server`` at ``/news/<id>.html`` as text/html; charset=utf-8."""

    server: HTTPServer
    pages: tuple[BenchPage, ...]

    def url_of(self, page: BenchPage) -> str:
        return self.server.url_for(f"/news/{page.id}.html")


@cache
def _load_bench() -> tuple[BenchPage, ...]:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    return tuple(
        BenchPage(id=key, html=gzip.decompress((BENCH / "html" / f"{key}.html.gz").read_bytes()),
                  truth=entry["articleBody"], original_url=entry["url"])
        for key, entry in sorted(truth.items())
    )


@pytest.fixture(scope="session")
def bench_pages() -> tuple[BenchPage, ...]:
    """All 181 bench pages, sorted by id; skips the test when the bench is absent."""
    if not (BENCH / "ground-truth.json").is_file():
        pytest.skip(f"no benchmark pages at {BENCH}")
    return _load_bench()


@pytest.fixture(scope="session")
def make_httpserver() -> Iterator[HTTPServer]:
    """pytest-httpserver's server, on 127.0.0.1 (never a name that may mean ::1)
    and threaded, so concurrency and slow-response tests see real parallel requests."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    if server.is_running():
        server.stop()


@pytest.fixture
def httpserver(make_httpserver: HTTPServer) -> HTTPServer:
    """The shared server, emptied; a path with no handler answers 404 as a real
    site would (so robots.txt is absent unless a test serves one)."""
    make_httpserver.clear()
    make_httpserver.no_handler_status_code = 404
    return make_httpserver


@pytest.fixture
def bench_site(httpserver: HTTPServer, bench_pages: tuple[BenchPage, ...]) -> BenchSite:
    """The ``httpserver`` serving every bench page (cleared after each test)."""
    for page in bench_pages:
        httpserver.expect_request(f"/news/{page.id}.html").respond_with_data(
            page.html, content_type="text/html; charset=utf-8")
    return BenchSite(httpserver, bench_pages)
