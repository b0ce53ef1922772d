"""The reference pipeline for benchmarks/crawl.py: Scrapy + trafilatura + SQLite.

What a Scrapy user would write for the same job as ``crawl run``: a
``SitemapSpider`` that obeys robots.txt and follows the sitemap index to every
article, and an item pipeline that extracts each page with trafilatura and
commits it to SQLite in WAL mode, one transaction per article. By default
``trafilatura.extract`` (text only, its fastest usual call); ``--metadata``
asks for title, author and date too, as our cleaner always does, and costs
trafilatura about three times as much. Same concurrency as our crawler, no delay, no
AutoThrottle, no cache.

    python benchmarks/scrapy_spider.py --sitemap http://127.0.0.1:PORT/sitemap_index.xml \\
        --db scrapy.db --concurrency 8

Prints one JSON line: items stored and seconds from start to close.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import time
from typing import Any

import trafilatura
from scrapy import Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.spiders import SitemapSpider


class ArticleSpider(SitemapSpider):
    name = "articles"

    def __init__(self, sitemap: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [sitemap]

    def parse(self, response: Response) -> Any:
        yield {"url": response.url, "html": response.text}


class TrafilaturaSQLitePipeline:
    """trafilatura on each page; its text (and metadata when asked) into SQLite."""

    def __init__(self, path: str, metadata: bool) -> None:
        self.path = path
        self.metadata = metadata

    @classmethod
    def from_crawler(cls, crawler: Any) -> TrafilaturaSQLitePipeline:
        return cls(crawler.settings.get("BENCH_DB"), crawler.settings.getbool("BENCH_METADATA"))

    def open_spider(self, spider: Spider | None = None) -> None:
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY,"
                        " url TEXT UNIQUE, title TEXT, author TEXT, published TEXT, text TEXT)")

    def close_spider(self, spider: Spider | None = None) -> None:
        self.db.close()

    def process_item(self, item: dict[str, str], spider: Spider | None = None) -> dict[str, str]:
        row: tuple[str | None, ...] | None = None
        if self.metadata:
            document = trafilatura.bare_extraction(item["html"], url=item["url"],
                                                   with_metadata=True)
            if document is not None and document.text:
                row = (document.title, document.author, document.date, document.text)
        else:
            text = trafilatura.extract(item["html"], url=item["url"])
            row = (None, None, None, text) if text else None
        if row is not None:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("INSERT OR REPLACE INTO articles (url, title, author, published, text)"
                            " VALUES (?, ?, ?, ?, ?)", (item["url"], *row))
            self.db.execute("COMMIT")
        return {"url": item["url"]}  # the page itself goes no further


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sitemap", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--metadata", action="store_true", help="extract metadata too")
    args = parser.parse_args()
    started = time.monotonic()
    process = CrawlerProcess(settings={
        "BENCH_DB": args.db,
        "BENCH_METADATA": args.metadata,
        "ITEM_PIPELINES": {TrafilaturaSQLitePipeline: 300},
        "CONCURRENT_REQUESTS": args.concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "ROBOTSTXT_OBEY": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "USER_AGENT": "newscrawl-bench-scrapy",
    })
    process.crawl(ArticleSpider, sitemap=args.sitemap)
    process.start()
    db = sqlite3.connect(args.db)
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    print(json.dumps({"stored": stored, "seconds": round(time.monotonic() - started, 3)}))


if __name__ == "__main__":
    main()
