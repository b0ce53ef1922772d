"""Discovery parses big feeds and sitemaps off the event loop, so fetching goes on."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from pytest_httpserver import HTTPServer

from scraper.config import Config, FetchConfig, Seconds, Source
from scraper.crawl.crawler import Crawler
from scraper.store.database import Store

ENTRIES = 20_000
PADDING = "-and-a-long-slug-as-news-sites-write-them" * 4  # 5 MB in all: seconds to parse


def big_sitemap(server: HTTPServer) -> bytes:
    urls = "".join(f"<url><loc>{server.url_for(f'/2026/11/27/story-{n}{PADDING}.html')}</loc>"
                   f"<lastmod>2026-11-27T10:00:00Z</lastmod></url>\n" for n in range(ENTRIES))
    return (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}'
            "</urlset>").encode()


def test_a_big_sitemap_does_not_stall_the_event_loop(httpserver: HTTPServer,
                                                      tmp_path: Path) -> None:
    body = big_sitemap(httpserver)
    assert len(body) > 5_000_000
    httpserver.expect_request("/sitemap.xml").respond_with_data(body,
                                                                content_type="application/xml")
    source = Source(name="big", sitemaps=(httpserver.url_for("/sitemap.xml"),))
    config = Config(sources=(source,), max_age=Seconds(3650 * 86400.0),
                    fetch=FetchConfig(allow_private_addresses=True, delay=Seconds(0)))

    async def discover_while_ticking() -> tuple[int, float]:
        longest, last, done = 0.0, time.monotonic(), False

        async def tick() -> None:
            nonlocal longest, last
            while not done:
                await asyncio.sleep(0.01)
                now = time.monotonic()
                longest, last = max(longest, now - last), now

        with Store(tmp_path / "news.db") as store:
            crawler = Crawler(config, store)
            ticker = asyncio.create_task(tick())
            try:
                found = await crawler.discover(source)
            finally:
                done = True
                await ticker
                await crawler.aclose()
        return len(found.items), longest

    found, longest_stall = asyncio.run(discover_while_ticking())
    assert found == ENTRIES
    assert longest_stall < 1  # parsed on the loop, it stalled it for 10-40 s
