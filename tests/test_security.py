"""Attacks on the crawler's trust boundaries; no packet leaves 127.0.0.1.

* the address guard: private, loopback, link-local and IPv6-local addresses,
  redirects into them and names that resolve to them are refused before any
  connection; a listening "canary" socket on 127.0.0.1 proves nothing was sent
  to the loopback targets, and a loopback-only transport (which refuses any
  other destination itself) stands between the fetcher and every other one,
  so even a broken guard could not send a packet to 10.0.0.1;
* only http and https are fetched;
* ``crawl query`` refuses writes however they are dressed, and leaves the
  database file byte-identical;
* the explain report and the exports carry no script, event handler or
  ``javascript:`` URL from a hostile page, checked in the parsed DOM.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import ipaddress
import json
import re
import select
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from markdown_it import MarkdownIt
from pytest_httpserver import HTTPServer
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean
from cleaners.article import Article
from cleaners.report import Segment, render_report
from crawl import main as crawl_main
from scraper.config import Config, FetchConfig, Seconds, Source
from scraper.crawl.crawler import Crawler
from scraper.errors import BlockedURL, InvalidURL
from scraper.fetch.fetcher import Fetcher, check_url
from scraper.fetch.guard import blocked_reason, check_url_address
from scraper.store.database import Store

CRAWL = Path(sys.executable).with_name("crawl")

GUARDED = FetchConfig(delay=Seconds(0), connect_timeout=Seconds(2), read_timeout=Seconds(2),
                      max_redirects=5, allow_private_addresses=False)


# -- the loopback-only network ----------------------------------------------------------


class LoopbackOnly(httpx.AsyncBaseTransport):
    """A real transport that only ever connects to the test server's port on
    127.0.0.1; any other destination is recorded and refused here, so a guard
    that failed shows up as a test failure, never as a packet on the network."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sent: list[str] = []
        self.refused: list[str] = []
        self._inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if request.url.host != "127.0.0.1" or request.url.port != self.port:
            self.refused.append(url)
            raise httpx.ConnectError(f"test network: {url} is not the test server",
                                     request=request)
        self.sent.append(url)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def guarded_fetch(url: str, port: int, *, user_given: bool = True,
                  respect_robots: bool = True) -> tuple[Any, LoopbackOnly]:
    """Fetch ``url`` with the guard on; the page or the exception, and the network."""
    network = LoopbackOnly(port)
    config = dataclasses.replace(GUARDED, respect_robots=respect_robots)

    async def go() -> Any:
        async with httpx.AsyncClient(transport=network) as client, \
                Fetcher(config, client=client) as fetcher:
            try:
                return await fetcher.fetch(url, user_given=user_given)
            except Exception as error:  # returned for the test to inspect
                return error

    return asyncio.run(go()), network


@contextlib.contextmanager
def canary() -> Iterator[tuple[int, Any]]:
    """A listening socket on 127.0.0.1; ``touched()`` says whether anyone connected."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)

        def touched() -> bool:
            readable, _, _ = select.select([listener], [], [], 0.2)
            return bool(readable)

        yield listener.getsockname()[1], touched


def hosts_file_loopback_names() -> list[str]:
    """Names /etc/hosts maps to 127.x, besides localhost (read, never edited)."""
    try:
        lines = Path("/etc/hosts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    names = []
    for line in lines:
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2:
            continue
        with contextlib.suppress(ValueError):
            if ipaddress.ip_address(fields[0]).version == 4 and \
                    ipaddress.ip_address(fields[0]).is_loopback:
                names += [n for n in fields[1:] if n != "localhost" and "." not in n]
    return sorted(set(names))


# -- the address guard --------------------------------------------------------------------


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1",
    "172.31.255.255", "192.168.0.1", "169.254.169.254", "169.254.0.1", "0.0.0.0",
    "::1", "::", "fc00::1", "fdff:ffff::1", "fe80::1", "febf::1", "fec0::1",
    "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:192.168.1.1",
])
def test_every_non_public_address_is_refused(address: str) -> None:
    assert blocked_reason(address) is not None
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(BlockedURL) as refused:
        check_url_address(f"http://{host}:8080/admin")
    assert refused.value.kind == "private-address"


@pytest.mark.parametrize("name", ["localhost", "LOCALHOST",
                                  *hosts_file_loopback_names()])
def test_names_resolving_to_loopback_are_refused(name: str) -> None:
    """Names answered by /etc/hosts alone: resolving them sends nothing."""
    with pytest.raises(BlockedURL, match="loopback"):
        check_url_address(f"http://{name}:8080/")


def test_a_hosts_file_name_is_among_the_names_checked() -> None:
    """The machine maps more names than localhost to 127.x; the guard sees through them."""
    names = hosts_file_loopback_names()
    if not names:
        pytest.skip("/etc/hosts maps no other name to 127.x")
    for name in names:
        assert socket.gethostbyname(name).startswith("127.")


LOOPBACK_TARGETS = [
    "http://127.0.0.1:{port}/admin",
    "http://localhost:{port}/admin",
    "//127.0.0.1:{port}/protocol-relative",
    "http://[::ffff:127.0.0.1]:{port}/mapped",
    "http://2130706433:{port}/decimal",
    "http://0x7f.1:{port}/hex",
    "http://0.0.0.0:{port}/unspecified",
    "http://[::1]:{port}/v6",
    *(f"http://{name}:{{port}}/hosts-file" for name in hosts_file_loopback_names()),
]


@pytest.mark.parametrize("template", LOOPBACK_TARGETS)
def test_a_redirect_into_loopback_is_refused_and_sends_nothing(httpserver: HTTPServer,
                                                               template: str) -> None:
    with canary() as (port, touched):
        target = template.format(port=port)
        httpserver.expect_request("/start").respond_with_data(
            "", status=302, headers={"Location": target})
        result, network = guarded_fetch(httpserver.url_for("/start"), httpserver.port)
        assert isinstance(result, BlockedURL), result
        assert result.kind == "private-address"
        assert not touched(), f"a connection reached the canary for {target}"
    assert network.refused == []
    assert [p.split("?")[0] for p in network.sent] == [
        httpserver.url_for("/robots.txt"), httpserver.url_for("/start")]


@pytest.mark.parametrize("target", [
    "http://10.0.0.1/", "http://10.1.2.3:8080/internal", "http://172.16.5.4/",
    "http://192.168.1.1/router", "http://169.254.169.254/latest/meta-data/",
    "http://[fd00::1]/", "http://[fc00::5]:8443/", "http://[fe80::1%25eth0]/",
    "http://[::ffff:10.0.0.1]/", "http://[::ffff:169.254.169.254]/",
    "http://[64:ff9b::a9fe:a9fe]/", "http://167772161/",  # 10.0.0.1 as a number
])
def test_a_redirect_into_a_private_network_is_refused_before_connecting(
        httpserver: HTTPServer, target: str) -> None:
    httpserver.expect_request("/start").respond_with_data(
        "", status=301, headers={"Location": target})
    result, network = guarded_fetch(httpserver.url_for("/start"), httpserver.port)
    assert isinstance(result, BlockedURL), result
    assert result.kind == "private-address"
    assert network.refused == []  # the guard refused it, not the test network


def test_a_relative_redirect_on_a_user_given_loopback_host_is_refused(
        httpserver: HTTPServer) -> None:
    """Only the first hop is the user's: a second hop to the same loopback host is not."""
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": "/admin"})
    httpserver.expect_request("/admin").respond_with_data("secret", content_type="text/html")
    result, network = guarded_fetch(httpserver.url_for("/start"), httpserver.port)
    assert isinstance(result, BlockedURL)
    assert httpserver.url_for("/admin") not in network.sent
    assert not [r for r, _ in httpserver.log if r.path == "/admin"]


def test_crawl_fetch_refuses_a_redirect_into_loopback(httpserver: HTTPServer,
                                                      tmp_path: Path) -> None:
    """Through the real command: exit 1, one line, the canary untouched."""
    config = tmp_path / "config.yaml"
    config.write_text("fetch:\n  delay: 0\n  connect_timeout: 2\n  read_timeout: 2\n")
    with canary() as (port, touched):
        httpserver.expect_request("/start").respond_with_data(
            "", status=307, headers={"Location": f"http://localhost:{port}/admin"})
        done = subprocess.run(
            [str(CRAWL), "--config", str(config), "--db", str(tmp_path / "news.db"), "fetch",
             httpserver.url_for("/start")], capture_output=True, text=True, timeout=60,
            check=False)
        assert not touched()
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "loopback" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


# -- schemes ------------------------------------------------------------------------------


SCHEMES = ["file:///etc/passwd", "FILE:///etc/passwd", "file://localhost/etc/passwd",
           "ftp://127.0.0.1/pub/file", "gopher://127.0.0.1:70/1", "data:text/html,<p>hi</p>",
           "javascript:alert(1)", "JaVaScRiPt:alert(1)", "ws://127.0.0.1/", "dict://127.0.0.1:11211/",
           "ldap://127.0.0.1/", "sftp://127.0.0.1/", "jar:file:///x!/y", "view-source:http://x/",
           "/etc/passwd", "127.0.0.1/page", "//127.0.0.1/page"]


@pytest.mark.parametrize("url", SCHEMES)
def test_only_http_and_https_are_fetched_with_no_io(url: str) -> None:
    with pytest.raises(InvalidURL):
        check_url(url)
    result, network = guarded_fetch(url, 9)
    assert isinstance(result, InvalidURL), result
    assert network.sent == [] and network.refused == []


@pytest.mark.parametrize("target", [
    "file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_x",
    "data:text/html,hi", "javascript:alert(1)", "mailto:editor@news.test",
])
def test_a_redirect_to_another_scheme_is_invalid(httpserver: HTTPServer, target: str) -> None:
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": target})
    result, network = guarded_fetch(httpserver.url_for("/start"), httpserver.port,
                                    respect_robots=False)
    assert isinstance(result, InvalidURL), repr(result)
    assert network.sent == [httpserver.url_for("/start")]


def test_a_crawl_survives_a_page_redirecting_to_javascript(httpserver: HTTPServer,
                                                          tmp_path: Path) -> None:
    """One hostile article must cost one failed URL, not the crawl or a stuck row."""
    bad = httpserver.url_for("/2026/11/27/redirects-to-javascript.html")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss([bad]), content_type="application/rss+xml")
    httpserver.expect_request("/2026/11/27/redirects-to-javascript.html").respond_with_data(
        "", status=302, headers={"Location": "javascript:alert(1)"})
    source = Source(name="hostile", feeds=(httpserver.url_for("/feed.xml"),))
    config = Config(fetch=dataclasses.replace(GUARDED, allow_private_addresses=True),
                    sources=(source,))

    async def crawl(store: Store) -> Any:
        crawler = Crawler(config, store)
        try:
            return await crawler.run([source])
        finally:
            await crawler.aclose()

    with Store(tmp_path / "news.db") as store:
        summary = asyncio.run(crawl(store))
        (state,) = store.conn.execute("SELECT state FROM urls WHERE url = ?", [bad]).fetchone()
    assert state == "failed"
    assert summary.errors["invalid-url"] == 1


def test_crawl_fetch_file_url_is_one_line_and_prints_nothing_of_the_file(tmp_path: Path) -> None:
    done = subprocess.run([str(CRAWL), "--db", str(tmp_path / "news.db"), "fetch",
                           "file:///etc/passwd"], capture_output=True, text=True, timeout=60,
                          check=False, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "http" in done.stderr, done.stderr
    assert "root:" not in done.stdout + done.stderr and done.stdout == ""
    assert not (tmp_path / "news.db").exists() or _article_count(tmp_path / "news.db") == 0


def _article_count(database: Path) -> int:
    with Store(database) as store:
        return int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0])


# -- discovered links into private networks -------------------------------------------------


PRIVATE_LINKS = ["http://169.254.169.254/2026/11/27/latest-meta-data-story.html",
                 "http://10.0.0.1/2026/11/27/internal-news-story.html",
                 "http://192.168.1.1/2026/11/27/router-admin-story.html",
                 "http://[fd00::1]/2026/11/27/unique-local-story.html",
                 "http://[::ffff:10.0.0.1]/2026/11/27/mapped-address-story.html",
                 "http://localhost:9/2026/11/27/loopback-name-story.html"]


def rss(items: list[str]) -> str:
    now = format_datetime(datetime.now(UTC), usegmt=True)
    entries = "".join(f"<item><title>Story {n}</title><link>{url}</link>"
                      f"<pubDate>{now}</pubDate></item>" for n, url in enumerate(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<link>http://x/</link>{entries}</channel></rss>")


def test_discovered_links_into_private_networks_are_skipped_unsent(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    """The configured feed, section and home page are the user's (allowed on
    127.0.0.1); every link they name is not. The section page links an article
    on its own loopback host; robots.txt names sitemaps on private hosts; the
    home page announces a feed on one: all are refused by the guard."""
    own_article = "/2026/11/27/same-host-loopback-story.html"
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\nSitemap: http://169.254.169.254/sitemap.xml\n"
        f"Sitemap: {httpserver.url_for('/internal-sitemap.xml')}\n",
        content_type="text/plain")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(PRIVATE_LINKS), content_type="application/rss+xml")
    httpserver.expect_request("/news/").respond_with_data(
        f'<html><body><a href="{own_article}">A story on the same loopback host</a>'
        "</body></html>", content_type="text/html")
    httpserver.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" '
        'href="http://10.0.0.1/feed.xml"></head><body>Home</body></html>',
        content_type="text/html")
    listed = Source(name="listed", feeds=(httpserver.url_for("/feed.xml"),),
                    sections=(httpserver.url_for("/news/"),))
    home = Source(name="home", home=httpserver.url_for("/"))
    config = Config(fetch=GUARDED, sources=(listed, home))
    network = LoopbackOnly(httpserver.port)

    async def crawl(store: Store) -> Any:
        async with httpx.AsyncClient(transport=network) as client:
            crawler = Crawler(config, store,
                              fetcher_for=lambda settings: Fetcher(settings, client=client))
            try:
                return await crawler.run([listed, home])
            finally:
                await crawler.aclose()

    with Store(tmp_path / "news.db") as store:
        summary = asyncio.run(crawl(store))
        rows = store.conn.execute("SELECT url, state, last_error FROM urls").fetchall()
        articles = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    assert network.refused == []  # the guard stopped everything before the test network
    assert len(rows) == len(PRIVATE_LINKS) + 1
    assert httpserver.url_for(own_article) in {url for url, _, _ in rows}
    for url, state, error in rows:
        assert state == "skipped", (url, state)
        assert re.search(r"is a (loopback|private|link-local) address", error), (url, error)
    assert summary.errors["private-address"] == len(rows)
    # two sitemaps robots.txt names, the feed the home page announces
    assert summary.errors["discovery:private-address"] == 3
    assert summary.fetched == 0 and articles == 0
    served = sorted({request.path for request, _ in httpserver.log})
    assert served == ["/", "/feed.xml", "/news/", "/robots.txt"]


# -- crawl query stays read-only ------------------------------------------------------------


HOSTILE_PAGE = b"""<!doctype html><html><head>
<title>Harbour &lt;script&gt;alert(9)&lt;/script&gt;</title>
<link rel="canonical" href="javascript:alert(1)">
<meta property="og:image" content="javascript:alert(2)">
<meta property="og:url" content="JaVaScRiPt:alert(21)">
<meta name="author" content="&lt;img src=x onerror=alert(22)&gt;">
<style>p { background: expression(alert(23)) }</style>
<base href="javascript:alert(24)//">
</head><body onload="alert(25)"><article>
<h1 onmouseover="alert(26)">Harbour budget vote</h1>
<p>The council met on Tuesday to discuss the harbour budget and the new bridge across
the river, which had been delayed for years by disputes over who would pay.</p>
<p onclick="alert(7)">A paragraph with a <a href="javascript:alert(5)">link that runs code</a>,
an <svg onload="alert(8)"><circle r="2"/></svg> image, an
<iframe srcdoc="&lt;script&gt;alert(10)&lt;/script&gt;"></iframe> frame and a
<img src="x" onerror="alert(4)"> picture, all inside otherwise ordinary prose here.</p>
<p style="width: expression(alert(11))">A styled paragraph, with enough ordinary words in it
to read as the body of the article rather than as page furniture.</p>
<script>document.write('<p>written by script</p>'); alert(12)</script>
<form action="javascript:alert(27)"><input onfocus="alert(28)" autofocus></form>
<p>Source: <a href="javascript:alert(13)">the original publisher</a></p>
</article></body></html>"""

# Text the page *shows*, written as entities: it reads like markup once unescaped.
MARKUP_AS_TEXT_PAGE = b"""<!doctype html><html><head><title>Security talk</title></head>
<body><article><h1>Security talk</h1>
<p>The council met on Tuesday to discuss the harbour budget and the new bridge across
the river, which had been delayed for years by disputes over who would pay.</p>
<p>The researcher showed the payload &lt;script&gt;alert(3)&lt;/script&gt; and the tag
&lt;img src=x onerror=alert(4)&gt; on her slides, with many details of the attack.</p>
<p>She also wrote [a link](javascript:alert(6)) and &lt;javascript:alert(14)&gt; and
&lt;iframe srcdoc="&amp;lt;script&amp;gt;alert(15)&amp;lt;/script&amp;gt;"&gt; in plain words.</p>
</article></body></html>"""


@pytest.fixture
def database(tmp_path: Path, capsys: pytest.CaptureFixture[str],
             monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database holding one article, made by ``crawl fetch FILE`` (no network); the
    commands run in its folder, so no config.yaml but the test's own is read."""
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.html"
    page.write_bytes(HOSTILE_PAGE)
    config = tmp_path / "config.yaml"
    config.write_text("fetch:\n  delay: 0\n")
    db = tmp_path / "news.db"
    assert crawl_main(["--config", str(config), "--db", str(db), "fetch", str(page),
                       "--url", "http://news.test/2026/11/27/harbour.html"]) == 0
    capsys.readouterr()
    return db


def directory_state(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with the SHA-256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


WRITES = [
    "INSERT INTO feeds (url) VALUES ('x')",
    "insert into feeds(url) values('x') on conflict do nothing",
    "INSERT INTO feeds (url) VALUES ('x') ON CONFLICT(url) DO UPDATE SET etag = 'y'",
    "REPLACE INTO feeds (url) VALUES ('x')",
    "INSERT OR REPLACE INTO feeds (url) VALUES ('x')",
    "UPDATE articles SET title = 'pwned'",
    "UPDATE articles SET title = 'x' FROM feeds",
    "DELETE FROM articles",
    "DELETE FROM articles RETURNING id",
    "DROP TABLE articles",
    "DROP TABLE IF EXISTS articles",
    "ALTER TABLE articles RENAME TO gone",
    "ALTER TABLE articles ADD COLUMN evil TEXT",
    "CREATE TABLE evil (x)",
    "CREATE TEMP TABLE evil (x)",
    "CREATE VIEW evil AS SELECT 1",
    "CREATE INDEX evil ON articles(title)",
    "CREATE TRIGGER evil AFTER INSERT ON feeds BEGIN DELETE FROM articles; END",
    "CREATE VIRTUAL TABLE evil USING fts5(x)",
    "ATTACH DATABASE 'evil.db' AS evil",
    "ATTACH 'file:evil.db?mode=rwc' AS evil",
    "ATTACH ':memory:' AS evil",
    "DETACH DATABASE main",
    "PRAGMA writable_schema = 1",
    "PRAGMA writable_schema=ON",
    "pragma main.writable_schema = true",
    "PRAGMA journal_mode = delete",
    "PRAGMA main.journal_mode=DELETE",
    "PRAGMA journal_mode = OFF",
    "PRAGMA user_version = 99",
    "PRAGMA application_id = 1",
    "PRAGMA query_only = 0",
    "PRAGMA wal_checkpoint(TRUNCATE)",
    "PRAGMA optimize",
    "PRAGMA incremental_vacuum",
    "PRAGMA auto_vacuum = FULL",
    "PRAGMA page_size = 1024",
    "PRAGMA locking_mode = EXCLUSIVE",
    "VACUUM",
    "vacuum main",
    "VACUUM INTO 'copy.db'",
    "VACUUM main INTO '/tmp/../tmp/newscrawl-copy.db'",
    "REINDEX",
    "ANALYZE",
    "BEGIN IMMEDIATE",
    "SAVEPOINT s",
    "EXPLAIN DELETE FROM articles",
    "WITH x AS (SELECT 1) INSERT INTO feeds (url) SELECT 'x' FROM x",
    "WITH RECURSIVE n(i) AS (SELECT 1) DELETE FROM articles WHERE id IN (SELECT i FROM n)",
    "SELECT 1; DELETE FROM articles",
    "select 1;delete from articles;",
    "SELECT 1;/* hidden */DELETE FROM articles",
    "SELECT 1 /* ; */ ; DROP TABLE articles",
    "/* a comment */ DELETE FROM articles",
    "-- a comment\nDELETE FROM articles",
    "-- SELECT\nDROP TABLE articles",
    "\n\t  DeLeTe\tFROM\narticles",
    "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libc.so.6')",
    "SELECT load_extension('evil', 'sqlite3_evil_init')",
    "SELECT fts3_tokenizer('simple')",
    "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
    "UPDATE sqlite_master SET sql = 'CREATE TABLE articles (x)' WHERE name = 'articles'",
]


@pytest.mark.parametrize("sql", WRITES)
def test_crawl_query_refuses_every_disguised_write(database: Path, sql: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = directory_state(database.parent)
    code = crawl_main(["--db", str(database), "query", "--", sql])
    out, err = capsys.readouterr()
    assert code != 0, out
    assert err.count("\n") == 1 and err.startswith("crawl: error: "), err
    assert "Traceback" not in err
    assert directory_state(database.parent) == before
    assert not Path("/tmp/newscrawl-copy.db").exists()
    if "sqlite_master" not in sql:  # SQLite itself refuses that one first
        assert "read-only query" in err, err
    assert code == 2 or "sqlite_master" in sql


def test_crawl_query_still_reads_and_refuses_through_the_real_command(database: Path) -> None:
    before = directory_state(database.parent)
    read = subprocess.run([str(CRAWL), "--db", str(database), "query",
                           "SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH "
                           "'harbour'", "--format", "json"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert read.returncode == 0 and json.loads(read.stdout) == {"n": 1}
    for sql in ("select 1; delete from articles", "ATTACH 'x.db' AS x",
                "PRAGMA writable_schema=1"):
        refused = subprocess.run([str(CRAWL), "--db", str(database), "query", sql],
                                 capture_output=True, text=True, timeout=60, check=False)
        assert refused.returncode == 2, refused.stderr
        assert refused.stderr.count("\n") == 1 and "read-only" in refused.stderr
    assert directory_state(database.parent) == before


# -- nothing from a hostile page runs in what we write --------------------------------------


JAVASCRIPT = re.compile(r"^\s*(java|vb)script:|^\s*data:text/html", re.I)


def assert_inert_dom(document: str) -> None:
    """No script, no handler, no embed, no javascript:/data: URL, as a browser parses it."""
    tree = LexborHTMLParser(document)
    active = tree.css("script, iframe, object, embed, frame, frameset, svg, math, base, form, "
                      "input, button, link, img")
    assert active == [], [node.html for node in active]
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            assert not name.lower().startswith("on"), node.html
            assert name.lower() != "srcdoc", node.html
            cleaned = re.sub(r"[\x00-\x20]", "", value or "")
            assert not JAVASCRIPT.search(cleaned), node.html
            if name.lower() == "style":
                assert "expression(" not in (value or "").lower(), node.html
        if node.tag == "meta":
            assert (node.attributes.get("http-equiv") or "").lower() != "refresh", node.html
    for style in tree.css("style"):
        assert "expression(" not in style.text().lower()


HOSTILE_TEXTS = [
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(2)">click</a>',
    '<a href=" JaVa\tScRiPt:alert(2)">click</a>',
    "<svg onload=alert(3)><circle/></svg>",
    '<iframe srcdoc="<script>alert(4)</script>"></iframe>',
    "<div style=\"width: expression(alert(5))\">x</div>",
    "</style><script>alert(6)</script>",
    "</title><script>alert(7)</script>",
    "</textarea></pre></code><script>alert(8)</script>",
    '"><script>alert(9)</script>',
    "'><svg/onload=alert(10)>",
    "<!--<script>alert(11)</script>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(13)\">",
    "\x00<script>\ud800alert(14)</script>",
]


def test_the_explain_report_of_a_hostile_page_is_inert() -> None:
    hostile = "\n\n".join(HOSTILE_TEXTS)
    article = Article(
        url="javascript:alert(20)", canonical_url=" javascript:alert(21)",
        source_url="data:text/html,<script>alert(22)</script>",
        title="</title><script>alert(23)</script>", site_name='"><svg onload=alert(24)>',
        authors=["<img src=x onerror=alert(25)>"], published="<script>alert(26)</script>",
        published_from="<b onclick=alert(27)>x</b>", language="en\"><script>",
        reason="<script>alert(28)</script>", text=hostile)
    segments = [Segment(hostile)]
    segments += [Segment(text, kind, rule) for text, kind, rule in [
        (hostile, "comments", "<script>alert(29)</script>"),
        ("x", "</style><script>alert(30)</script>", "rule"),
        ("y", "a} body { background: url(javascript:alert(31)) } .b {", "expression(alert(32))"),
        ("z", "onerror=alert(33)", '" onmouseover="alert(34)'),
    ]]
    document = render_report(segments, article)
    assert_inert_dom(document)
    tree = LexborHTMLParser(document)
    assert len(tree.css("style")) == 1
    # the hostile markup is shown to the reader as text, not dropped
    assert tree.body is not None and '<script>alert("x")</script>' in tree.body.text()


def markdown_dom(markdown: str) -> str:
    """Markdown rendered as a permissive renderer would: raw HTML passed through and
    every link scheme allowed, so whatever is safe comes from our output alone."""
    renderer = MarkdownIt("commonmark", {"html": True})
    renderer.validateLink = lambda url: True  # type: ignore[method-assign]
    return renderer.render(markdown)


def export(database: Path, fmt: str, output: Path) -> None:
    assert crawl_main(["--db", str(database), "export", "--format", fmt,
                       "-o", str(output)]) == 0


def test_markup_in_a_hostile_page_does_not_reach_the_exports(
        database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Script elements, handlers, javascript: links and CSS in the page's markup."""
    export(database, "markdown", tmp_path / "md")
    export(database, "jsonl", tmp_path / "articles.jsonl")
    capsys.readouterr()
    (markdown_file,) = (tmp_path / "md").iterdir()
    markdown = markdown_file.read_text(encoding="utf-8")
    assert "Harbour budget" in markdown and "council met" in markdown
    assert_inert_dom(markdown_dom(markdown))
    assert not re.search(r"javascript:|onerror|onload|onclick|expression\(|<script", markdown,
                         re.I), markdown
    (row,) = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text().splitlines()]
    assert_inert_dom(markdown_dom(row["markdown"]))
    for name in ("url", "canonical_url", "image_url", "source_url"):
        assert row[name] is None or re.match(r"https?://", row[name]), (name, row[name])
    assert "javascript:" not in json.dumps(row).lower()


def test_text_that_reads_as_markup_is_escaped_in_markdown() -> None:
    article = clean(MARKUP_AS_TEXT_PAGE, "http://news.test/2026/11/27/talk.html")
    assert "<script>alert(3)</script>" in article.text  # the text itself says so
    assert_inert_dom(markdown_dom(article.markdown))


def test_a_title_that_reads_as_markup_is_escaped_in_markdown() -> None:
    from scraper.render import as_markdown

    document = as_markdown({"title": "<img src=x onerror=alert(1)>", "text": "Body."})
    assert_inert_dom(markdown_dom(document))


@pytest.mark.parametrize("page", [HOSTILE_PAGE, MARKUP_AS_TEXT_PAGE], ids=["markup", "as-text"])
def test_crawl_explain_html_of_a_hostile_page_is_inert(
        tmp_path: Path, page: bytes, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The real command, from a saved hostile page to the written report."""
    monkeypatch.chdir(tmp_path)
    saved = tmp_path / "page.html"
    saved.write_bytes(page)
    report = tmp_path / "why.html"
    assert crawl_main(["--db", str(tmp_path / "news.db"), "explain", str(saved), "--url",
                       "http://news.test/2026/11/27/harbour.html", "--html", str(report)]) == 0
    capsys.readouterr()
    document = report.read_text(encoding="utf-8")
    assert_inert_dom(document)
    body = LexborHTMLParser(document).body
    assert body is not None and "council met" in body.text()
