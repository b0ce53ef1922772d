"""A real news site on 127.0.0.1 for crawler tests and benchmarks.

``LocalSite`` serves article pages built from the real pages in
``shared/bench/scrapinghub`` (each at its own dated URL, its canonical link
rewritten to that URL so every copy is its own article), a home page, a
section page with navigation, tag and author links that are not articles, an
RSS and an Atom feed, a sitemap index over a plain and a gzipped urlset, and a
robots.txt with a ``Sitemap:`` line and a ``Disallow`` rule. Feeds, sitemaps
and listing pages answer conditional requests with 304. Every request is
logged, so a test asserts what was fetched and how often.

Fault routes (``FAULTS``) misbehave the ways the web does: 429 and 503 with
Retry-After, a response slower than any timeout, a connection reset
mid-body, a redirect loop, a PDF, an endless body, broken and truncated gzip,
a one-byte drip, an empty page, a lying charset.

In a test, use it as a context manager in the test process (a ``crawl run``
subprocess fetches from it). A benchmark runs it in its own process, so the
server does not share the crawler's GIL::

    python -m tests.localsite --articles 5000 --variants   # prints the port, serves until killed
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import hashlib
import html
import itertools
import json
import re
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCH_PAGES = SHARED / "bench" / "scrapinghub" / "html"

CHANNELS = ("section", "rss", "atom", "sitemap", "sitemap-gz")
"""Where an article is listed: article n is in ``channels[n % len(channels)]``."""

SECTION_EXTRA = ("rss",)
"""Channels whose articles the section page lists too, so one URL reaches the
crawler from two places (and, once, with tracking parameters and a fragment)."""

NOT_ARTICLE_LINKS = ("/tag/economy", "/author/jane-doe", "/category/world", "/news/page/2",
                     "/about", "/login", "/search?q=storm")
"""Links on the section page that name listings and the publisher's own pages."""

NAV_ARTICLE = "/2026/11/27/menu-featured-story-of-the-week.html"
"""An article-like link that sits only in the site menu: menus are never followed."""

DISALLOWED = "/private/2026/11/27/members-only-story-here.html"
"""An article-like link robots.txt forbids."""

LAST_MODIFIED = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
SITEMAP_CHUNK = 5_000
"""URLs per child sitemap of the index (the protocol allows 50,000)."""

FAULTS = (
    "retry-after-429",   # 429 Retry-After: 1 twice, then the article
    "unavailable-503",   # 503 Retry-After: 1 once, then the article
    "storm-503",         # 503 Retry-After: 1 every time: the crawler gives up
    "slow",              # headers only after ``slow_seconds``: slower than the timeout
    "reset",             # half the body, then a TCP reset
    "redirect-loop",     # a -> b -> a ...
    "redirect-chain",    # three hops, then the article: followed
    "pdf",               # application/pdf
    "endless",           # a chunked body that never ends
    "huge",              # 50 MB announced, streamed until the client hangs up
    "broken-gzip",       # Content-Encoding: gzip over bytes that are not gzip
    "truncated-gzip",    # a gzip stream cut in half
    "drip",              # one byte every ``drip_seconds``: no single read times out
    "empty",             # 200 with no body
    "wrong-charset",     # UTF-8 bytes labelled ISO-8859-1
    "not-found",         # 404: permanent, never retried
)


@cache
def templates() -> tuple[bytes, ...]:
    """The benchmark pages, decompressed, in file-name order; empty when shared/ is absent."""
    if not BENCH_PAGES.is_dir():
        return ()
    return tuple(gzip.decompress(path.read_bytes())
                 for path in sorted(BENCH_PAGES.glob("*.html.gz")))


@cache
def _slugs() -> tuple[str, ...]:
    """A slug per template from its original URL, so paths read like a news site's."""
    truth_file = BENCH_PAGES.parent / "ground-truth.json"
    names = sorted(p.name.removesuffix(".html.gz") for p in BENCH_PAGES.glob("*.html.gz"))
    truth = json.loads(truth_file.read_text()) if truth_file.is_file() else {}
    slugs = []
    for name in names:
        path = (truth.get(name) or {}).get("url", "")
        segments = [s for s in re.split(r"[/?#=&]", path.split("://", 1)[-1])[1:] if s]
        longest = max(segments, key=len, default="")
        words = re.findall(r"[a-z]+", longest.lower())[:6]
        slugs.append("-".join(words) if len(words) >= 2 else "news-story")
    return tuple(slugs)


_CANONICAL = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.I)
_HEAD = re.compile(rb"<head\b[^>]*>", re.I)
_PARAGRAPH = re.compile(rb"<p\b[^>]*>.*?</p\s*>", re.I | re.S)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_TEXT = re.compile(r">([^<]+)<")
_WORD_END = re.compile(r"(?<=\w)(?=\W)")
_URL_MARK = b"\x00URL\x00"


def _with_canonical_mark(page: bytes) -> bytes:
    """The page with its canonical links replaced by one naming ``_URL_MARK``."""
    page = _CANONICAL.sub(b"", page)
    link = b'<link rel="canonical" href="' + _URL_MARK + b'">'
    head = _HEAD.search(page)
    if head is None:
        return link + page
    return page[:head.end()] + link + page[head.end():]


def _word_chunks(page: bytes) -> tuple[bytes, ...]:
    """The page cut after each word of its body text, so ``tag.join(chunks)``
    marks every such word: a copy whose words all differ is a different article
    to any duplicate detector, yet keeps the page's size and shape."""
    html_text = page.decode("utf-8", errors="surrogateescape")  # lossless, any bytes
    body = _BODY.search(html_text)
    start = body.end() if body else 0
    hidden = [m.span() for m in _SCRIPT.finditer(html_text, start)]
    starts = [low for low, _ in hidden]
    cuts = []
    for text in _TEXT.finditer(html_text, start):  # only text between tags, never attributes
        inside = bisect.bisect_right(starts, text.start()) - 1
        if inside < 0 or text.start() >= hidden[inside][1]:  # not script or style source
            cuts += [text.start(1) + end.start() for end in _WORD_END.finditer(text.group(1))]
    pieces = [html_text[low:high] for low, high in zip([0, *cuts], [*cuts, None], strict=True)]
    return tuple(piece.encode("utf-8", errors="surrogateescape") for piece in pieces)


def _variant_tag(number: int) -> bytes:
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += chr(ord("a") + digit)
        if not number:
            return b"q" + letters.encode()


@dataclass(frozen=True)
class SiteArticle:
    number: int
    path: str
    published: datetime
    channel: str
    template: int


@dataclass(frozen=True)
class Hit:
    path: str
    at: float  # time.monotonic() when the request arrived
    status: int
    headers: dict[str, str] = field(default_factory=dict)


class LocalSite:
    """The site; ``with LocalSite(articles=20) as site:`` serves it on a free port."""

    def __init__(
        self,
        articles: int = 20,
        *,
        channels: tuple[str, ...] = CHANNELS,
        old_items: int = 2,
        spacing: float = 60.0,
        delay: float = 0.0,
        variants: bool = False,
        faults: bool = False,
        section_lists_old: bool = False,
        slow_seconds: float = 5.0,
        drip_seconds: float = 0.5,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        pages = templates()
        if not pages:
            raise FileNotFoundError(f"no benchmark pages in {BENCH_PAGES}")
        if articles > len(pages) and not variants:
            raise ValueError(f"only {len(pages)} distinct pages: pass variants=True for more")
        self.delay = delay
        self.slow_seconds = slow_seconds
        self.drip_seconds = drip_seconds
        self.variants = variants
        self.faults = faults
        self.section_lists_old = section_lists_old
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._arrivals: Counter[str] = Counter()
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base = f"http://{host}:{self.port}"
        now = datetime.now(UTC).replace(microsecond=0)
        slugs = _slugs()
        # Article n was published n x ``spacing`` seconds ago.
        self.articles = [
            SiteArticle(n, _article_path(now - timedelta(seconds=n * spacing),
                                         slugs[n % len(pages)], n),
                        now - timedelta(seconds=n * spacing), channels[n % len(channels)],
                        n % len(pages))
            for n in range(articles)]
        self.old = [SiteArticle(articles + i,
                                _article_path(now - timedelta(days=30 + i), "archived-old-story",
                                              articles + i),
                                now - timedelta(days=30 + i), "rss", i % len(pages))
                    for i in range(old_items)]
        self.extra: list[SiteArticle] = []  # added by ``republish``
        self.hold: dict[str, float] = {}  # path -> seconds to stall before answering
        self._near: set[str] = set()
        self._by_path = {a.path: a for a in (*self.articles, *self.old)}
        self._marked = [_with_canonical_mark(page) for page in pages]
        self._chunks: dict[int, tuple[bytes, ...]] = {}
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True)

    # -- lifecycle -------------------------------------------------------------------

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()

    def serve_forever(self) -> None:
        self._server.serve_forever(poll_interval=0.2)

    # -- what the tests ask -------------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        """Requests that arrived for ``path`` (query string included when it had one)."""
        with self._lock:
            return self._arrivals[path]

    def counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self._arrivals)

    def requests(self, path: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.hits if hit.path == path]

    def total(self) -> int:
        with self._lock:
            return sum(self._arrivals.values())

    @property
    def article_paths(self) -> list[str]:
        return [a.path for a in (*self.articles, *self.extra)]

    def fault_path(self, kind: str) -> str:
        return f"/2026/11/27/fault-{kind}.html"

    def fault_article(self, kind: str) -> SiteArticle:
        """The article a fault route serves when it serves one: a page from the end
        of the templates, so it duplicates none of the site's articles."""
        base = kind if kind in FAULTS else re.sub(r"-(?:b|\d+)$", "", kind)
        index = FAULTS.index(base) if base in FAULTS else len(FAULTS)
        return SiteArticle(100_000 + index, self.fault_path(kind), LAST_MODIFIED, "faults",
                           len(self._marked) - 1 - index)

    def republish(self, number: int, *, near: bool = False) -> str:
        """Publish article ``number`` again at a new URL, listed in the RSS feed (whose
        ETag changes); ``near``: without its first long paragraph. Returns the path."""
        original = self.articles[number]
        path = f"/2026/11/28/republished-{'near-' if near else ''}copy-{number}.html"
        copy = SiteArticle(-1 - len(self.extra), path, datetime.now(UTC).replace(microsecond=0),
                           "rss", original.template)
        with self._lock:
            self.extra.append(copy)
            self._by_path[path] = copy
            if near:
                self._near.add(path)
        return path

    # -- documents -----------------------------------------------------------------------

    def warm(self) -> None:
        """Prepare every page now, so the first crawler does not pay for it."""
        for article in self.articles[:len(self._marked)]:
            self.article_body(article)

    def article_body(self, article: SiteArticle) -> bytes:
        url = self.url(article.path).encode()
        if self.variants:
            chunks = self._chunks.get(article.template)
            if chunks is None:
                chunks = self._chunks[article.template] = _word_chunks(
                    self._marked[article.template])
            page = _variant_tag(article.number).join(chunks)
        else:
            page = self._marked[article.template]
        if article.path in self._near:
            long_paragraph = next((m for m in _PARAGRAPH.finditer(page)
                                   if len(m.group()) > 300), None)
            if long_paragraph is not None:
                page = page[:long_paragraph.start()] + page[long_paragraph.end():]
        return page.replace(_URL_MARK, url)

    def _listed(self, channel: str) -> list[SiteArticle]:
        return [a for a in (*self.articles, *self.old, *self.extra) if a.channel == channel]

    def home_page(self) -> bytes:
        links = "".join(f'<li><a href="{a.path}">Story {a.number}</a></li>'
                        for a in self._listed("section")[:5])
        return _page("Local News", """
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.rss">
<link rel="alternate" type="application/atom+xml" title="Atom" href="/feed.atom">""",
                     f'<nav><a href="/news/">News</a> <a href="/about">About</a></nav>'
                     f'<h1>Local News</h1><ul>{links}</ul>')

    def section_page(self) -> bytes:
        listed = [*self._listed("section"), *(a for a in self.articles
                                              if a.channel in SECTION_EXTRA)]
        if self.section_lists_old:  # undated here: only the feed tells its age
            listed += self.old[:1]
        items = []
        for i, article in enumerate(listed):
            # One link dressed up the way newsletters and social sites do.
            href = article.path + ("?utm_source=newsletter&fbclid=abc#comments" if i == 1 else "")
            items.append(f'<li><a href="{html.escape(href)}">Story number {article.number}</a>'
                         f'<a href="/author/jane-doe">Jane Doe</a></li>')
        others = "".join(f'<a href="{html.escape(p)}">{html.escape(p)}</a> '
                         for p in NOT_ARTICLE_LINKS)
        return _page("News", "", f"""
<nav><a href="/">Home</a> <a href="{NAV_ARTICLE}">Featured story of the week</a></nav>
<main><h1>News</h1><ul>{''.join(items)}</ul>
<p><a href="{DISALLOWED}">A story for members only</a></p>
<p class="tags">{others}</p></main>
<footer><a href="/about">About us</a></footer>""")

    def rss(self) -> bytes:
        items = "".join(
            f"<item><title>Story {a.number}</title><link>{self.url(a.path)}</link>"
            f"<guid>{self.url(a.path)}</guid><pubDate>{format_datetime(a.published)}</pubDate>"
            "</item>" for a in self._listed("rss"))
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>Local News</title><link>{self.base}/</link>{items}</channel></rss>"
                ).encode()

    def atom(self) -> bytes:
        entries = "".join(
            f'<entry><title>Story {a.number}</title><id>{self.url(a.path)}</id>'
            f'<link rel="alternate" href="{self.url(a.path)}"/>'
            f"<published>{a.published.isoformat()}</published>"
            f"<updated>{a.published.isoformat()}</updated></entry>"
            for a in self._listed("atom"))
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Local News</title><id>{self.base}/</id>"
                f"<updated>{LAST_MODIFIED.isoformat()}</updated>{entries}</feed>").encode()

    def sitemap_index(self) -> bytes:
        children = [*(f"/sitemap-articles-{i}.xml"
                      for i in range(self._sitemap_chunks("sitemap"))),
                    *(f"/sitemap-more-{i}.xml.gz"
                      for i in range(self._sitemap_chunks("sitemap-gz")))]
        entries = "".join(f"<sitemap><loc>{self.url(c)}</loc></sitemap>" for c in children)
        return ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
                ).encode()

    def _sitemap_chunks(self, channel: str) -> int:
        listed = sum(1 for a in self.articles if a.channel == channel)
        return -(-listed // SITEMAP_CHUNK)

    def urlset(self, channel: str, chunk: int) -> bytes:
        listed = self._listed(channel)[chunk * SITEMAP_CHUNK:(chunk + 1) * SITEMAP_CHUNK]
        entries = "".join(f"<url><loc>{self.url(a.path)}</loc>"
                          f"<lastmod>{a.published.isoformat()}</lastmod></url>" for a in listed)
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>').encode()

    def fault_sitemap(self) -> bytes:
        entries = "".join(f"<url><loc>{self.url(self.fault_path(k))}</loc></url>" for k in FAULTS)
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset '
                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>').encode()

    def robots(self) -> bytes:
        return (f"User-agent: *\nDisallow: /private/\n\nSitemap: {self.base}/sitemap_index.xml\n"
                ).encode()

    def discovery_document(self, path: str) -> tuple[bytes, str] | None:
        """A listing, feed or sitemap at ``path`` with its content type, or None."""
        if path == "/":
            return self.home_page(), "text/html; charset=utf-8"
        if path == "/news/":
            return self.section_page(), "text/html; charset=utf-8"
        if path == "/feed.rss":
            return self.rss(), "application/rss+xml"
        if path == "/feed.atom":
            return self.atom(), "application/atom+xml"
        if path == "/sitemap_index.xml":
            return self.sitemap_index(), "application/xml"
        if path == "/faults-sitemap.xml" and self.faults:
            return self.fault_sitemap(), "application/xml"
        if match := re.fullmatch(r"/sitemap-articles-(\d+)\.xml", path):
            return self.urlset("sitemap", int(match[1])), "application/xml"
        if match := re.fullmatch(r"/sitemap-more-(\d+)\.xml\.gz", path):
            return gzip.compress(self.urlset("sitemap-gz", int(match[1])), mtime=0), \
                "application/gzip"
        return None

    # -- bookkeeping for the handler -------------------------------------------------------

    def _arrived(self, path: str) -> int:
        with self._lock:
            self._arrivals[path] += 1
            return self._arrivals[path]

    def _log(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def stopping(self, seconds: float) -> bool:
        """Wait ``seconds``; True when the site is shutting down."""
        return self._stop.wait(seconds)


def _article_path(published: datetime, slug: str, number: int) -> str:
    return f"/{published:%Y/%m/%d}/{slug}-{number}.html"


def _page(title: str, head: str, body: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>{head}</head><body>{body}</body></html>"
            ).encode()


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:16] + '"'


def _handler_for(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        pass

    Handler.site = site
    return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every response sends its length
    site: LocalSite

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the site keeps its own log; stderr stays quiet

    def do_GET(self) -> None:
        site = self.site
        path = self.path
        if path == "/_counts":  # for a site in another process; not counted
            self._send(200, json.dumps(site.counts()).encode(), "application/json")
            return
        attempt = site._arrived(path)
        started = time.monotonic()
        if site.hold.get(path) and site.stopping(site.hold[path]):
            return
        status = self._route(path, attempt)
        site._log(Hit(path, started, status, dict(self.headers.items())))

    def _route(self, path: str, attempt: int) -> int:
        site = self.site
        if path == "/robots.txt":
            return self._send(200, site.robots(), "text/plain")
        document = site.discovery_document(path)
        if document is not None:
            return self._conditional(*document)
        bare = path.split("?", 1)[0]
        if bare.startswith("/2026/11/27/fault-") and site.faults:
            return self._fault(bare.removeprefix("/2026/11/27/fault-").removesuffix(".html"),
                               attempt)
        article = site._by_path.get(bare)
        if article is not None:
            if site.delay and site.stopping(site.delay):
                return self._send(503, b"shutting down", "text/plain")
            return self._send(200, site.article_body(article), "text/html; charset=utf-8")
        if bare in (*NOT_ARTICLE_LINKS, NAV_ARTICLE, DISALLOWED) or bare.startswith("/tag/"):
            return self._send(200, _page("Listing", "", "<p>A listing page.</p>"), "text/html")
        return self._send(404, b"not found", "text/plain")

    def _conditional(self, body: bytes, content_type: str) -> int:
        tag = _etag(body)
        headers = {"ETag": tag, "Last-Modified": format_datetime(LAST_MODIFIED, usegmt=True)}
        if self.headers.get("If-None-Match") == tag or (
                self.headers.get("If-None-Match") is None
                and _not_modified_since(self.headers.get("If-Modified-Since"))):
            return self._send(304, b"", None, headers)
        return self._send(200, body, content_type, headers)

    # -- faults ------------------------------------------------------------------------------

    def _fault(self, kind: str, attempt: int) -> int:
        site = self.site
        body = site.article_body(site.fault_article(kind))
        if kind == "retry-after-429" and attempt <= 2:
            return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
        if kind == "unavailable-503" and attempt <= 1:
            return self._send(503, b"back soon", "text/plain", {"Retry-After": "1"})
        if kind == "storm-503":
            return self._send(503, b"down", "text/plain", {"Retry-After": "1"})
        if kind == "slow" and site.stopping(site.slow_seconds):
            return 0
        if kind == "reset":
            return self._reset(body)
        if kind in ("redirect-loop", "redirect-loop-b"):
            other = "redirect-loop-b" if kind == "redirect-loop" else "redirect-loop"
            return self._send(302, b"", None, {"Location": site.fault_path(other)})
        if kind.startswith("redirect-chain"):
            hop = int(kind.removeprefix("redirect-chain").lstrip("-") or 0)
            if hop < 3:
                return self._send(301, b"", None,
                                  {"Location": site.fault_path(f"redirect-chain-{hop + 1}")})
        if kind == "pdf":
            return self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 64,
                              "application/pdf")
        if kind == "endless":
            return self._endless()
        if kind == "huge":
            return self._huge()
        if kind == "broken-gzip":
            return self._send(200, b"\x1f\x8b\x08\x00" + bytes(range(256)) * 64,
                              "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if kind == "truncated-gzip":
            packed = gzip.compress(body)
            return self._send(200, packed[:len(packed) // 2], "text/html; charset=utf-8",
                              {"Content-Encoding": "gzip"})
        if kind == "drip":
            return self._drip(body[:4000])
        if kind == "empty":
            return self._send(200, b"", "text/html; charset=utf-8")
        if kind == "wrong-charset":
            return self._send(200, body, "text/html; charset=iso-8859-1")
        if kind == "not-found":
            return self._send(404, b"gone", "text/plain")
        return self._send(200, body, "text/html; charset=utf-8")

    def _reset(self, body: bytes) -> int:
        self._head(200, "text/html; charset=utf-8", {"Content-Length": str(len(body))})
        self.wfile.write(body[:len(body) // 2])
        # SO_LINGER 0: close() sends RST, not FIN -- a reset, not a short body.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True
        return 200

    def _endless(self) -> int:
        self._head(200, "text/html; charset=utf-8", {"Transfer-Encoding": "chunked"})
        chunk = b"<p>" + b"and on " * 9000 + b"</p>\n"
        self.close_connection = True
        try:
            for data in itertools.chain([b"<html><body>"], itertools.repeat(chunk)):
                if self.site.stopping(0):
                    break
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        except OSError:
            pass  # the client hung up, as it should
        return 200

    def _huge(self) -> int:
        size = 50_000_000
        self._head(200, "text/html; charset=utf-8", {"Content-Length": str(size)})
        self.close_connection = True
        chunk = b"<p>" + b"more " * 13000 + b"</p>\n"
        try:
            for _ in range(size // len(chunk)):
                if self.site.stopping(0):
                    break
                self.wfile.write(chunk)
        except OSError:
            pass
        return 200

    def _drip(self, body: bytes) -> int:
        self._head(200, "text/html; charset=utf-8", {"Content-Length": str(len(body))})
        self.close_connection = True
        try:
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                if self.site.stopping(self.site.drip_seconds):
                    break
        except OSError:
            pass
        return 200

    # -- plumbing --------------------------------------------------------------------------

    def _head(self, status: int, content_type: str | None, headers: dict[str, str]) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, content_type: str | None,
              headers: dict[str, str] | None = None) -> int:
        try:
            self._head(status, content_type, {**(headers or {}), "Content-Length": str(len(body))})
            if status != 304:
                self.wfile.write(body)
        except OSError:
            self.close_connection = True  # the crawler gave up on us (timeout, size limit)
        return status


def _not_modified_since(header: str | None) -> bool:
    if not header:
        return False
    try:
        return parsedate_to_datetime(header) >= LAST_MODIFIED
    except (TypeError, ValueError):
        return False


# -- configuration for a crawl of the site ----------------------------------------------------


def site_source(site: LocalSite, name: str = "local", **extra: Any) -> dict[str, Any]:
    """A source reaching every discovery channel: the home page (its feeds are
    announced there, its sitemaps in robots.txt) and the section page."""
    return {"name": name, "home": site.url("/"), "sections": [site.url("/news/")], **extra}


FAST_FETCH: dict[str, Any] = {
    "allow_private_addresses": True,  # the site is on 127.0.0.1
    "delay": 0,
    "connect_timeout": 2,
    "read_timeout": 2,
    "max_attempts": 3,
    "backoff": 0.2,
    "concurrency": 4,
    "per_host_concurrency": 4,
    "max_bytes": 3_000_000,
    "max_redirects": 4,
}


def write_config(directory: Path, sources: list[dict[str, Any]], *, database: str = "news.db",
                 max_age: str = "7d", **fetch: Any) -> Path:
    """config.yaml in ``directory`` for ``sources``, with ``FAST_FETCH`` settings
    (``fetch`` overrides them); the database sits next to it."""
    config = {"database": str(directory / database), "max_age": max_age, "every": "1h",
              "fetch": FAST_FETCH | fetch, "sources": sources}
    path = directory / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


# -- running crawls and reading what they left ---------------------------------------------

CRAWL = Path(sys.executable).with_name("crawl")
"""The installed console script, as a user runs it."""


def run_crawl(config: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``crawl --config CONFIG ARGS...`` in a subprocess, output captured."""
    return subprocess.run([str(CRAWL), "--config", str(config), *args], capture_output=True,
                          text=True, timeout=timeout, check=False)


def query(database: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of one statement on its own connection (closed before returning)."""
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute(sql, params).fetchall()


def stored_urls(database: Path) -> Counter[str]:
    """How many article rows each URL has."""
    return Counter(url for (url,) in query(database, "SELECT url FROM articles"))


def descendants(pid: int) -> set[int]:
    """Processes below ``pid`` (children, grandchildren...), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and every process below it, in MB (0 when gone)."""
    total = 0
    for member in {pid, *descendants(pid)}:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines()
                       if line.startswith("VmRSS:")), 0)
    return total / 1024


# -- as a process, for benchmarks -------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--channels", default="sitemap",
                        help="comma-separated channels articles are listed in")
    parser.add_argument("--variants", action="store_true",
                        help="mark each copy's words so no two articles are duplicates")
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    site = LocalSite(args.articles, channels=tuple(args.channels.split(",")), old_items=0,
                     spacing=1.0, delay=args.delay, variants=args.variants, port=args.port)
    site.warm()
    print(site.port, flush=True)
    try:
        site.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        site.close()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
