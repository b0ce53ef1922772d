"""`crawl serve`: Datasette over the database with newscrawl's metadata, read-only.

The metadata is checked in-process (Datasette's own ASGI client); the whole
thing is driven in headless Chromium against `crawl serve` on 127.0.0.1 when a
Chromium is installed (skipped, saying why, otherwise).
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from cleaners import Article
from cleaners.article import RemovedBlock
from scraper.store.database import Store
from tests.localsite import CRAWL

web = pytest.importorskip("scraper.store.web")
pytest.importorskip("datasette.app", reason="datasette is in the test extra")

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                "google-chrome"))), None)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Store(path) as store:
        for number, (title, source, language) in enumerate([
                ("Harbour reopens after the storm", "wire", "en"),
                ("Council votes on the budget", "wire", "en"),
                ("Hafen wieder offen", "science", "de")]):
            url = f"https://example.com/{number}"
            article = Article(url=url, title=title, language=language,
                              published=f"2026-11-2{number}T08:00:00+00:00",
                              text=f"{title}. The harbour and the council, story {number}. " * 20,
                              removed=[RemovedBlock("share", "share-bar", "Share this"),
                                       RemovedBlock("related", "related-posts", "Read more")])
            store.save_article(article, url=url, page_id=None, source=source,
                               fetched_at="2026-11-27T00:00:00+00:00")
        store.conn.execute("INSERT INTO crawl_runs (command, started_at) "
                           "VALUES ('run', '2026-11-27T00:00:00+00:00')")
        store.conn.execute("INSERT INTO urls (url, source, state, discovered_at, error_kind, "
                           "last_error, finished_at) VALUES ('https://example.com/gone', 'wire',"
                           " 'failed', '2026-11-27', 'http-404', 'HTTP 404', "
                           "'2026-11-27T00:01:00+00:00')")
    return path


def test_the_metadata_gives_search_facets_blocks_and_canned_queries(database: Path) -> None:
    datasette = web.app(database)

    async def get(path: str) -> object:
        response = await datasette.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    async def ask() -> list[object]:
        return await asyncio.gather(
            get("/news/articles.json?_search=harbour&_shape=array&_col=title"),
            get("/news/articles.json?_facet=source&_facet=language"),
            get("/news/removed_blocks_by_kind.json?_shape=array"),
            get("/news/failures_of_the_last_run.json?_shape=array"),
            get("/news/duplicates_of_a_site.json?source=wire&_shape=array"))

    found, faceted, kinds, failures, duplicates = asyncio.run(ask())
    assert {row["title"] for row in found} == {  # type: ignore[attr-defined]
        "Harbour reopens after the storm", "Council votes on the budget", "Hafen wieder offen"}
    facets = faceted["facet_results"]  # type: ignore[index]
    assert {"source", "language", "published"} <= set(facets.get("results", facets))
    assert sorted(kinds, key=lambda row: row["kind"]) == [  # type: ignore[arg-type,index]
        {"kind": "related", "blocks": 3, "articles": 3},
        {"kind": "share", "blocks": 3, "articles": 3}]
    assert [row["url"] for row in failures] == ["https://example.com/gone"]  # type: ignore[attr-defined]
    assert duplicates == []


def test_nothing_can_write_through_it(database: Path) -> None:
    datasette = web.app(database)

    async def ask() -> int:
        response = await datasette.client.get(
            "/news.json?sql=delete+from+articles")
        return response.status_code

    assert asyncio.run(ask()) >= 400
    with Store(database) as store:
        assert store.stats()["articles"] == 3


@pytest.mark.parametrize("host", ["", "256.1.1.1", "taken"])
def test_an_address_it_cannot_listen_on_is_one_line_before_serving(
        database: Path, host: str) -> None:
    """An empty host would listen on every interface; a taken port or an address that is
    none made uvicorn log its own error after "serving ..." and exit 3."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([str(CRAWL), "--db", str(database), "serve", "--port", str(port),
                               "--host", "127.0.0.1" if host == "taken" else host],
                              capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("crawl: error: ")
    assert len(done.stderr.strip().splitlines()) == 1
    assert "serving" not in done.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def dump_dom(url: str) -> str:
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
               "--virtual-time-budget=5000", "--dump-dom", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          check=False).stdout


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine: "
                    "install Debian's `chromium` package (.ci/run does it in CI)")
def test_search_open_an_article_and_see_its_removed_blocks_in_chromium(database: Path) -> None:
    port = free_port()
    server = subprocess.Popen([str(CRAWL), "--db", str(database), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        searched = dump_dom(f"{base}/news/articles?_search=storm")
        assert "Harbour reopens after the storm" in searched
        assert "Council votes" not in searched
        article = dump_dom(f"{base}/news/articles/1")
        assert "removed_blocks" in article, "the article links to its removed blocks"
        blocks = dump_dom(f"{base}/news/removed_blocks?article_id=1")
        assert "share-bar" in blocks and "related-posts" in blocks
    finally:
        server.terminate()
        server.communicate(timeout=30)
