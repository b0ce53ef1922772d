"""The fetcher against real servers on 127.0.0.1: pages, failures, politeness."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import itertools
import random
import socket
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import brotli
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scraper.config import FetchConfig, Seconds
from scraper.errors import (
    BlockedURL,
    HTTPStatusError,
    InvalidURL,
    NetworkError,
    NotHTMLError,
    TooLargeError,
)
from scraper.fetch.fetcher import Fetcher, fetch_pages, parse_retry_after
from scraper.page import Page, parse_content_type
from tests.localsite import CRAWL, stored_urls

# Loopback tests: private addresses allowed unless a test says otherwise, no
# delay, short timeouts so failures come fast.
CONFIG = FetchConfig(delay=Seconds(0), connect_timeout=Seconds(1), read_timeout=Seconds(1),
                     max_bytes=2_000_000, allow_private_addresses=True, concurrency=8)
SMALL = dataclasses.replace(CONFIG, max_bytes=100_000)


def fetch(url: str, config: FetchConfig = CONFIG, **kwargs: Any) -> Page:
    async def run() -> Page:
        async with Fetcher(config) as fetcher:
            return await fetcher.fetch(url, **kwargs)

    return asyncio.run(run())


def fetch_all(urls: list[str], config: FetchConfig) -> list[Page]:
    async def run() -> list[Page]:
        async with Fetcher(config) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(url) for url in urls)))

    return asyncio.run(run())


def paths_requested(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log]


# -- real pages ---------------------------------------------------------------


def test_fetches_a_real_news_page(bench_site: Any) -> None:
    page_data = bench_site.pages[0]
    url = bench_site.url_of(page_data)
    page = fetch(url, user_given=True)
    assert page.body == page_data.html
    assert (page.status, page.url, page.final_url) == (200, url, url)
    assert (page.content_type, page.charset) == ("text/html", "utf-8")
    assert datetime.fromisoformat(page.fetched_at).tzinfo is not None
    assert page.elapsed > 0


def test_fetch_pages_keeps_input_order_and_reports_each_failure(bench_site: Any) -> None:
    first, second = bench_site.pages[:2]
    urls = [bench_site.url_of(second), "ftp://example.invalid/x",
            bench_site.server.url_for("/missing.html"), bench_site.url_of(first)]
    results = fetch_pages(urls, CONFIG)
    assert isinstance(results[0], Page) and results[0].body == second.html
    assert isinstance(results[1], InvalidURL)
    assert isinstance(results[2], HTTPStatusError) and results[2].status == 404
    assert isinstance(results[3], Page) and results[3].body == first.html


MALFORMED = ["http://xn--/", "http://127.0.0.1/caf\udcff", "http://[::1/x"]
"""An empty A-label, a lone surrogate (command-line bytes that are not UTF-8), an
unclosed IPv6 bracket: each fails alone, before any request."""


def test_a_malformed_url_fails_alone_and_the_others_are_fetched(bench_site: Any) -> None:
    page = bench_site.pages[0]
    results = fetch_pages([*MALFORMED, bench_site.url_of(page)], CONFIG)
    assert [type(result) for result in results] == [InvalidURL] * len(MALFORMED) + [Page]
    assert all(len(str(error).splitlines()) == 1 for error in results[:-1])


def test_crawl_fetch_reports_each_malformed_url_in_one_line(bench_site: Any,
                                                             tmp_path: Path) -> None:
    good = bench_site.url_of(bench_site.pages[0])
    done = subprocess.run([str(CRAWL), "--db", str(tmp_path / "news.db"), "fetch", *MALFORMED,
                           good], capture_output=True, text=True, errors="replace", timeout=120,
                          check=False, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("crawl: error: ")]
    assert len(errors) == len(MALFORMED), done.stderr
    assert stored_urls(tmp_path / "news.db") == {good: 1}


def test_gzip_and_brotli_bodies_are_decoded(httpserver: HTTPServer, bench_pages: Any) -> None:
    html = bench_pages[0].html
    encoded_bodies = {"gzip": gzip.compress(html), "br": brotli.compress(html, quality=4)}
    for encoding, encoded in encoded_bodies.items():
        httpserver.expect_request(f"/{encoding}").respond_with_data(
            encoded, content_type="text/html", headers={"Content-Encoding": encoding})
        page = fetch(httpserver.url_for(f"/{encoding}"))
        assert page.body == html


# -- statuses -----------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 410, 500, 502])
def test_error_statuses_raise_with_the_status(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/page").respond_with_data("no", status=status)
    with pytest.raises(HTTPStatusError) as caught:
        fetch(httpserver.url_for("/page"))
    assert caught.value.status == status
    assert caught.value.kind == f"http-{status}"
    assert caught.value.retry_after is None


def test_retry_after_in_seconds_and_as_a_date(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"})
    later = datetime.now(UTC) + timedelta(seconds=120)
    httpserver.expect_request("/down").respond_with_data(
        "maintenance", status=503, headers={"Retry-After": format_datetime(later, usegmt=True)})
    with pytest.raises(HTTPStatusError) as busy:
        fetch(httpserver.url_for("/busy"))
    assert busy.value.retry_after == 7.0
    with pytest.raises(HTTPStatusError) as down:
        fetch(httpserver.url_for("/down"))
    assert down.value.retry_after is not None and 100 < down.value.retry_after <= 120


def test_retry_after_also_pauses_the_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"})
    arrived = request_times(httpserver, ["/next"])

    async def run() -> float:
        async with Fetcher(CONFIG) as fetcher:
            with pytest.raises(HTTPStatusError):
                await fetcher.fetch(httpserver.url_for("/busy"))
            refused = time.monotonic()
            await fetcher.fetch(httpserver.url_for("/next"))
            return refused

    refused = asyncio.run(run())
    assert arrived["/next"] - refused >= 0.9


def test_parse_retry_after() -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:01:30 GMT", now=now) == 90.0
    assert parse_retry_after("Thu, 01 Jan 2026 11:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_304_comes_back_as_a_page_keeping_the_validators(httpserver: HTTPServer) -> None:
    def conditional(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response("<rss/>", content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed").respond_with_handler(conditional)
    url = httpserver.url_for("/feed")
    fresh = fetch(url, expect="feed")
    assert (fresh.status, fresh.etag, fresh.not_modified) == (200, '"v1"', False)
    stamp = "Tue, 01 Dec 2026 00:00:00 GMT"
    unchanged = fetch(url, expect="feed", etag=fresh.etag, last_modified=stamp)
    assert unchanged.not_modified and unchanged.body == b""
    assert unchanged.etag == '"v1"'
    assert unchanged.last_modified == stamp


# -- content types and sizes --------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png",
                                          "application/octet-stream"])
def test_non_html_is_refused_without_reading_the_body(httpserver: HTTPServer,
                                                      content_type: str) -> None:
    # Larger than max_bytes: reading it would raise TooLargeError instead.
    httpserver.expect_request("/file").respond_with_data(b"%PDF-1.4" + b"x" * 300_000,
                                                         content_type=content_type)
    with pytest.raises(NotHTMLError, match=content_type):
        fetch(httpserver.url_for("/file"), SMALL)


def untyped(body: bytes) -> Callable[[Request], Response]:
    def handler(request: Request) -> Response:
        response = Response(body)
        del response.headers["Content-Type"]
        return response

    return handler


def test_a_body_without_content_type_is_sniffed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/doc").respond_with_handler(untyped(b"%PDF-1.7\n..."))
    httpserver.expect_request("/page").respond_with_handler(untyped(b"<html><p>hi</p></html>"))
    with pytest.raises(NotHTMLError):
        fetch(httpserver.url_for("/doc"))
    page = fetch(httpserver.url_for("/page"))
    assert page.content_type is None and page.body.startswith(b"<html>")


def test_feeds_accept_xml_types_and_refuse_images(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/rss").respond_with_data("<rss/>", content_type="text/xml")
    httpserver.expect_request("/sitemap.gz").respond_with_data(
        gzip.compress(b"<urlset/>"), content_type="application/x-gzip")
    httpserver.expect_request("/logo").respond_with_data(b"\x89PNG", content_type="image/png")
    assert fetch(httpserver.url_for("/rss"), expect="feed").body == b"<rss/>"
    assert fetch(httpserver.url_for("/sitemap.gz"), expect="feed").content_type == (
        "application/x-gzip")
    with pytest.raises(NotHTMLError):
        fetch(httpserver.url_for("/logo"), expect="feed")
    with pytest.raises(NotHTMLError):
        fetch(httpserver.url_for("/rss"), expect="html")


JUNK = {
    "random": random.Random(7).randbytes(2000),
    "random-without-nul": bytes(b for b in random.Random(7).randbytes(300) if b),
    "nul": b"\x00" * 64,
    "empty": b"",
    "blank": b" \r\n\t\n",
}


@pytest.mark.parametrize("name", JUNK)
def test_a_feed_that_is_empty_or_junk_is_refused(httpserver: HTTPServer, name: str) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(JUNK[name],
                                                             content_type="application/xml")
    with pytest.raises(NotHTMLError, match="not a feed or sitemap"):
        fetch(httpserver.url_for("/feed.xml"), expect="feed")


def test_a_feed_in_any_text_encoding_is_not_junk(httpserver: HTTPServer) -> None:
    feeds = {
        "/utf-16": '<?xml version="1.0" encoding="utf-16"?><rss/>'.encode("utf-16"),
        # no byte-order mark: XML tells UTF-16 by its declaration's "<?" (3C 00 3F 00)
        "/utf-16le": '<?xml version="1.0" encoding="utf-16"?><rss/>'.encode("utf-16-le"),
        "/utf-16be": "<rss><channel/></rss>".encode("utf-16-be"),
        "/iso-2022-jp": "<rss><title>ニュース</title></rss>".encode("iso-2022-jp"),  # ESC bytes
        "/stray-control": b"<rss><title>a stray \x08 from a broken CMS</title></rss>",
    }
    for path, body in feeds.items():
        httpserver.expect_request(path).respond_with_data(body, content_type="text/xml")
        assert fetch(httpserver.url_for(path), expect="feed").body == body


def test_a_body_announced_past_max_bytes_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/huge").respond_with_data(b"<p>" + b"x" * 200_000,
                                                         content_type="text/html")
    with pytest.raises(TooLargeError, match="announced"):
        fetch(httpserver.url_for("/huge"), SMALL)


def test_an_endless_body_is_cut_at_max_bytes(httpserver: HTTPServer) -> None:
    def endless() -> Iterator[bytes]:
        while True:
            yield b"<p>" + b"x" * 16_000 + b"</p>"

    httpserver.expect_request("/endless").respond_with_response(
        Response(endless(), content_type="text/html"))
    started = time.monotonic()
    with pytest.raises(TooLargeError, match="passed the limit"):
        fetch(httpserver.url_for("/endless"), SMALL)
    assert time.monotonic() - started < 3


def test_broken_gzip_is_a_bad_encoding(httpserver: HTTPServer) -> None:
    broken = gzip.compress(b"<html>" + b"x" * 5000)[:40] + b"garbage that is not deflate"
    httpserver.expect_request("/broken").respond_with_data(
        broken, content_type="text/html", headers={"Content-Encoding": "gzip"})
    with pytest.raises(NetworkError) as caught:
        fetch(httpserver.url_for("/broken"))
    assert caught.value.kind == "bad-encoding"


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_a_compressed_body_cut_short_is_not_a_page(httpserver: HTTPServer,
                                                   encoding: str) -> None:
    html = b"<html><body>" + b"<p>A paragraph of the article.</p>" * 500 + b"</body></html>"
    whole = {"gzip": gzip.compress, "deflate": zlib.compress,
             "br": lambda data: brotli.compress(data, quality=4)}[encoding](html)
    httpserver.expect_request("/half").respond_with_data(
        whole[: len(whole) // 2], content_type="text/html",
        headers={"Content-Encoding": encoding})
    with pytest.raises(NetworkError, match="cut short") as caught:
        fetch(httpserver.url_for("/half"))
    assert caught.value.kind == "bad-encoding"


def test_raw_deflate_without_a_zlib_header_is_decoded(httpserver: HTTPServer) -> None:
    html = b"<html><body><p>Raw deflate, as some servers send it.</p></body></html>"
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    httpserver.expect_request("/raw").respond_with_data(
        packer.compress(html) + packer.flush(), content_type="text/html",
        headers={"Content-Encoding": "deflate"})
    assert fetch(httpserver.url_for("/raw")).body == html


def test_a_gzip_bomb_stops_at_the_size_limit(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 200_000_000)  # 200 MB of text in ~200 KB
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    started = time.monotonic()
    with pytest.raises(TooLargeError, match="passed the limit of 1000000"):
        fetch(httpserver.url_for("/bomb"), dataclasses.replace(CONFIG, max_bytes=1_000_000))
    assert time.monotonic() - started < 5


def test_a_brotli_bomb_stops_at_the_size_limit_in_bounded_memory(
        httpserver: HTTPServer) -> None:
    bomb = brotli.compress(b"\0" * 64_000_000, quality=5)  # ~100 bytes
    httpserver.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "br"})
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError, match="passed the limit of 1000000"):
            fetch(httpserver.url_for("/bomb"), dataclasses.replace(CONFIG, max_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 24_000_000  # the whole bomb is 64 MB


def test_data_after_the_end_of_a_gzip_stream_counts_against_the_limit(
        httpserver: HTTPServer) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length to refuse it by
        yield gzip.compress(b"<p>a short page</p>")
        for _ in range(50):
            yield b"\0" * 64 * 1024

    httpserver.expect_request("/trailing").respond_with_response(Response(
        chunks(), content_type="text/html", headers={"Content-Encoding": "gzip"}))
    with pytest.raises(TooLargeError, match="passed the limit of 1000000"):
        fetch(httpserver.url_for("/trailing"), dataclasses.replace(CONFIG, max_bytes=1_000_000))


def test_an_unknown_content_encoding_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/zz").respond_with_data(
        b"\x00\x01", content_type="text/html", headers={"Content-Encoding": "compress"})
    with pytest.raises(NetworkError, match="unsupported Content-Encoding") as caught:
        fetch(httpserver.url_for("/zz"))
    assert caught.value.kind == "bad-encoding"


# -- network failures ---------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("respect_robots", [True, False])
def test_a_closed_port_is_a_connect_error(respect_robots: bool) -> None:
    # With robots.txt honoured the failure comes from asking for robots.txt:
    # it is still the host's connect error, not a robots verdict.
    config = dataclasses.replace(CONFIG, respect_robots=respect_robots)
    with pytest.raises(NetworkError) as caught:
        fetch(f"http://127.0.0.1:{closed_port()}/page.html", config, user_given=True)
    assert caught.value.kind == "connect"


def test_a_response_slower_than_the_read_timeout_times_out(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(2.0)
        return Response("<p>late</p>", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    config = dataclasses.replace(CONFIG, read_timeout=Seconds(0.3))
    started = time.monotonic()
    with pytest.raises(NetworkError) as caught:
        fetch(httpserver.url_for("/slow"), config)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 1.7  # well before the answer would have come


def test_a_slow_drip_is_cut_by_the_total_timeout(httpserver: HTTPServer) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(100):  # each byte beats the read timeout, the whole never ends
            yield b"x"
            time.sleep(0.1)

    httpserver.expect_request("/drip").respond_with_response(
        Response(drip(), content_type="text/html"))
    config = dataclasses.replace(CONFIG, connect_timeout=Seconds(0.2), read_timeout=Seconds(0.3))
    started = time.monotonic()
    with pytest.raises(NetworkError, match=r"within 1\.4s") as caught:
        fetch(httpserver.url_for("/drip"), config)
    assert caught.value.kind == "timeout"
    assert 1.3 < time.monotonic() - started < 3


def reset_server(ready: threading.Event, port: list[int]) -> None:
    """Answer one request with half its announced body, then reset the connection."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port.append(listener.getsockname()[1])
        ready.set()
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                               b"Content-Length: 1000\r\n\r\n<html><p>half")
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00"
                                  b"\x00\x00\x00\x00")


def test_a_connection_reset_mid_body_is_a_reset() -> None:
    ready, port = threading.Event(), list[int]()
    thread = threading.Thread(target=reset_server, args=(ready, port))
    thread.start()
    ready.wait(5)
    try:
        with pytest.raises(NetworkError) as caught:
            fetch(f"http://127.0.0.1:{port[0]}/story.html", user_given=True)
    finally:
        thread.join(5)
    assert caught.value.kind == "reset"


# -- URLs and redirects -------------------------------------------------------


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "page.html",
                                 "http://", "javascript:alert(1)", "http://host:99999/",
                                 "http://ex\x00ample.com/", "http://[::1/", *MALFORMED])
def test_only_absolute_http_urls_are_fetched(url: str) -> None:
    with pytest.raises(InvalidURL):
        fetch(url, user_given=True)


def test_a_redirect_chain_within_the_limit_is_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/one").respond_with_data("", status=301,
                                                        headers={"Location": "/two"})
    httpserver.expect_request("/two").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/three")})
    httpserver.expect_request("/three").respond_with_data("", status=308,
                                                          headers={"Location": "final"})
    httpserver.expect_request("/final").respond_with_data("<p>here</p>", content_type="text/html")
    page = fetch(httpserver.url_for("/one"), dataclasses.replace(CONFIG, max_redirects=3))
    assert page.url == httpserver.url_for("/one")
    assert page.final_url == httpserver.url_for("/final")
    assert page.body == b"<p>here</p>"
    with pytest.raises(NetworkError) as too_many:
        fetch(httpserver.url_for("/one"), dataclasses.replace(CONFIG, max_redirects=2))
    assert too_many.value.kind == "redirect-loop"


def test_a_redirect_loop_fails(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with pytest.raises(NetworkError, match="loop") as caught:
        fetch(httpserver.url_for("/a"))
    assert caught.value.kind == "redirect-loop"
    assert paths_requested(httpserver).count("/a") == 1


class VerbatimRedirect(Response):
    """A 302 whose Location goes out as written: werkzeug would refuse a malformed one."""

    def __init__(self, location: str) -> None:
        super().__init__(status=302)
        self.location_as_written = location

    def get_wsgi_headers(self, environ: Any) -> Any:
        headers = super().get_wsgi_headers(environ)
        headers["Location"] = self.location_as_written
        return headers


@pytest.mark.parametrize("location", ["http://xn--/a", "http://[::1/x", "//xn--n3h.example/"])
def test_a_redirect_to_a_malformed_url_is_an_invalid_url(httpserver: HTTPServer,
                                                          location: str) -> None:
    httpserver.expect_request("/go").respond_with_response(VerbatimRedirect(location))
    with pytest.raises(InvalidURL, match="redirected") as caught:
        fetch(httpserver.url_for("/go"), expect="feed")
    assert caught.value.kind == "invalid-url"
    assert len(str(caught.value).splitlines()) == 1


def test_a_redirect_to_another_scheme_is_refused(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(InvalidURL, match="redirected"):
        fetch(httpserver.url_for("/go"))


# -- the address guard --------------------------------------------------------


GUARDED = dataclasses.replace(CONFIG, allow_private_addresses=False)


def test_loopback_is_blocked_unless_the_user_gave_the_url(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data("<p>hi</p>", content_type="text/html")
    url = httpserver.url_for("/page")
    with pytest.raises(BlockedURL) as caught:
        fetch(url, GUARDED)
    assert caught.value.kind == "private-address"
    assert paths_requested(httpserver) == []
    assert fetch(url, GUARDED, user_given=True).body == b"<p>hi</p>"
    assert fetch(url, CONFIG).body == b"<p>hi</p>"  # allow_private_addresses


def test_a_redirect_into_a_private_address_is_blocked(httpserver: HTTPServer) -> None:
    port = httpserver.port
    httpserver.expect_request("/out").respond_with_data(
        "", status=302, headers={"Location": f"http://localhost:{port}/admin"})
    with pytest.raises(BlockedURL, match="loopback"):
        fetch(httpserver.url_for("/out"), GUARDED, user_given=True)
    assert "/admin" not in paths_requested(httpserver)


# -- robots.txt and politeness ------------------------------------------------


def test_robots_disallow_blocks_before_any_request(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml\n"
        "Sitemap: https://example.com/news.xml\n", content_type="text/plain")
    httpserver.expect_request("/private/page").respond_with_data("secret",
                                                                 content_type="text/html")
    httpserver.expect_request("/public").respond_with_data("<p>ok</p>", content_type="text/html")
    with pytest.raises(BlockedURL) as caught:
        fetch(httpserver.url_for("/private/page"))
    assert caught.value.kind == "robots"
    assert "/private/page" not in paths_requested(httpserver)
    assert fetch(httpserver.url_for("/public")).body == b"<p>ok</p>"
    unbound = dataclasses.replace(CONFIG, respect_robots=False)
    assert fetch(httpserver.url_for("/private/page"), unbound).body == b"secret"


def test_robots_sitemaps_lists_the_sitemap_lines(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\nSitemap: https://example.com/news.xml\n")

    async def run() -> list[str]:
        async with Fetcher(CONFIG) as fetcher:
            return await fetcher.robots_sitemaps(httpserver.url_for("/"))

    assert asyncio.run(run()) == ["https://example.com/news.xml"]


def test_robots_txt_server_error_blocks_for_now(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=503)
    httpserver.expect_request("/page").respond_with_data("<p>ok</p>", content_type="text/html")
    with pytest.raises(BlockedURL) as caught:
        fetch(httpserver.url_for("/page"))
    assert caught.value.kind == "robots-unavailable"
    assert "/page" not in paths_requested(httpserver)


def test_missing_robots_txt_allows_everything_and_is_asked_once(httpserver: HTTPServer) -> None:
    for path in ("/a", "/b", "/c"):
        httpserver.expect_request(path).respond_with_data("<p/>", content_type="text/html")
    fetch_all([httpserver.url_for(p) for p in ("/a", "/b", "/c")], CONFIG)
    assert paths_requested(httpserver).count("/robots.txt") == 1


def request_times(server: HTTPServer, paths: list[str], pause: float = 0.0) -> dict[str, float]:
    """Serve ``paths``, recording when each request arrived."""
    arrived: dict[str, float] = {}

    def handler(request: Request) -> Response:
        arrived[request.path] = time.monotonic()
        time.sleep(pause)
        return Response("<p>ok</p>", content_type="text/html")

    for path in paths:
        server.expect_request(path).respond_with_handler(handler)
    return arrived


def test_crawl_delay_spaces_requests_to_a_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 0.4\n")
    arrived = request_times(httpserver, ["/a", "/b", "/c"])
    urls = [httpserver.url_for(p) for p in ("/a", "/b", "/c")]

    async def run() -> float | None:
        async with Fetcher(CONFIG) as fetcher:
            await asyncio.gather(*(fetcher.fetch(url) for url in urls))
            return fetcher.crawl_delay(urls[0])

    assert asyncio.run(run()) == 0.4
    starts = sorted(arrived.values())
    gaps = [later - earlier for earlier, later in itertools.pairwise(starts)]
    assert len(gaps) == 2 and min(gaps) >= 0.35


def in_flight_peak(server: HTTPServer, config: FetchConfig, path: str = "/slow") -> int:
    lock, current, peak = threading.Lock(), [0], [0]

    def handler(request: Request) -> Response:
        with lock:
            current[0] += 1
            peak[0] = max(peak[0], current[0])
        time.sleep(0.15)
        with lock:
            current[0] -= 1
        return Response("<p>ok</p>", content_type="text/html")

    server.expect_request(path).respond_with_handler(handler)
    fetch_all([server.url_for(f"{path}?n={n}") for n in range(4)], config)
    return peak[0]


def test_per_host_concurrency_is_honoured(httpserver: HTTPServer) -> None:
    assert in_flight_peak(httpserver, CONFIG) == 1  # per_host_concurrency defaults to 1
    wider = dataclasses.replace(CONFIG, per_host_concurrency=4)
    assert in_flight_peak(httpserver, wider, "/wider") > 1


def test_global_concurrency_bounds_all_hosts(httpserver: HTTPServer) -> None:
    config = dataclasses.replace(CONFIG, per_host_concurrency=4, concurrency=2)
    assert in_flight_peak(httpserver, config) == 2


def test_parse_content_type() -> None:
    assert parse_content_type('Text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert parse_content_type("application/xhtml+xml") == ("application/xhtml+xml", None)
    assert parse_content_type("") == (None, None)

