"""The fetcher: one polite, bounded GET per call, around one httpx client.

``Fetcher.fetch`` validates the URL, honours robots.txt, keeps per-host and
global limits, follows redirects itself (so each hop is checked by the
address guard and robots.txt), streams the body under a size cap and turns
every httpx failure into one of our ``FetchError`` kinds, once, here.

It never retries: the crawler owns the retry policy and decides from the
error's ``kind`` (and ``retry_after`` on ``HTTPStatusError``).

Time limits: httpx's connect and read timeouts bound each wait, and a total
cap per request, ``total_timeout`` = connect_timeout + 4 x read_timeout,
cuts a server that drips a byte just often enough to beat the read timeout.
The cap counts from the request's start, not the politeness wait before it.

Politeness is per origin (scheme, host, port): at most
``per_host_concurrency`` requests in flight, and request starts spaced by the
larger of ``delay`` and robots.txt's Crawl-delay; a 429 or 503 with
Retry-After holds back the host's next request too. A host cannot make us
wait longer than ``max_crawl_delay`` either way: a Crawl-delay of a year
would otherwise hold the crawl (and its lock) for a year.
``concurrency`` bounds requests in flight in all; a request waits for its
host first, so a busy host never holds the global slots.

A 3xx without a Location, or a 304 to a request that was not conditional,
is raised as ``HTTPStatusError`` like a 4xx or 5xx: there is no page in it.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import dataclasses
import email.utils
import logging
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin

import httpx
import idna

from ..config import FetchConfig
from ..errors import (
    BlockedURL,
    FetchError,
    HTTPStatusError,
    InvalidURL,
    NetworkError,
    NotHTMLError,
    TooLargeError,
)
from ..page import Page, parse_content_type
from .encoding import ACCEPT_ENCODING, DECODE_ERRORS, decoder_for
from .guard import check_url_address_async
from .robots import MAX_ROBOTS_BYTES, RobotsCache, RobotsRules, origin_of, robots_url

if TYPE_CHECKING:
    from ..stop import Stopper

log = logging.getLogger(__name__)

Expect = Literal["html", "feed", "any"]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Feeds and sitemaps arrive under many names; gzipped sitemaps often as
# octet-stream. Any text/* is accepted too (text/xml, text/plain sitemaps).
FEED_TYPES = frozenset({
    "application/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/feed+json", "application/json", "application/gzip", "application/x-gzip",
    "application/octet-stream",
})
ACCEPT = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,"
            "text/xml;q=0.9,*/*;q=0.5",
    "any": "*/*",
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# httpx builds the request of a 3xx's Location even when it will not follow it, and
# fails on a malformed one before ``check_url`` sees it: InvalidURL ("javascript:x"),
# an IDNAError, a UnicodeError ("xn--"), or a RemoteProtocolError in these words
# ("http://[::1"). Any of them is a redirect to no URL we can fetch.
BAD_LOCATION_ERRORS = (httpx.InvalidURL, UnicodeError)
BAD_LOCATION_WORDS = "Invalid URL in location header"
# First bytes of formats that are surely not a web page, for bodies that come
# without a Content-Type.
BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
    b"RIFF", b"OggS", b"\x00\x00\x01\x00", b"ID3", b"BM",
)
GZIP_MAGIC = b"\x1f\x8b"  # a gzipped sitemap: the one binary body a feed URL may send
SNIFF_BYTES = 1024  # how much of a body is looked at to tell text from binary
# Text never holds C0 control bytes but tab, LF, FF, CR and ESC (ISO-2022-JP);
# random bytes are a tenth of them. A few strays are tolerated, as broken feeds have.
CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0c\r\x1b")
MAX_CONTROL_SHARE = 0.03
# Byte-order marks of text whose ASCII characters come with NUL bytes, and markup
# opening in UTF-16 without one ("<?xml", "<rss", "<!DOCTYPE": XML tells it so).
WIDE_TEXT_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
WIDE_MARKUP = re.compile(rb"<\x00[!?A-Za-z]\x00|\x00<\x00[!?A-Za-z]")


@dataclass
class _Host:
    """Politeness state of one origin."""

    slots: asyncio.Semaphore
    next_start: float = 0.0
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass(frozen=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes
    location: str | None = None  # set for a redirect to follow
    elapsed: float = 0.0  # seconds from sending the request to the end of the body


class Fetcher:
    """Fetches pages politely; use as ``async with Fetcher(config) as fetcher``."""

    def __init__(self, config: FetchConfig, *, client: httpx.AsyncClient | None = None) -> None:
        self.config = config
        self.total_timeout = config.connect_timeout + 4 * config.read_timeout
        self._owns_client = client is None
        self._client = client or httpx.AsyncClient(
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout,
                                  pool=config.connect_timeout),
            limits=httpx.Limits(max_connections=config.concurrency,
                                max_keepalive_connections=config.concurrency),
            follow_redirects=False,
            http2=False,
            headers={"User-Agent": config.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )
        self._slots = asyncio.Semaphore(config.concurrency)
        self._stopping = asyncio.Event()
        self.in_flight = 0
        """Requests sent and not yet answered in full."""
        self._hosts: dict[str, _Host] = {}
        self._robots = RobotsCache()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def fetch(self, url: str, *, user_given: bool = False, expect: Expect = "html",
                    etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url``; raises a FetchError subclass naming what went wrong.

        ``user_given`` URLs skip the address guard on their first hop only
        (the user asked for that host); redirects are always checked. With
        ``etag``/``last_modified`` the request is conditional and a 304
        comes back as a Page with ``not_modified`` True and an empty body.
        """
        check_url(url)
        headers = {"Accept": ACCEPT[expect]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        final_url, response, elapsed = await self._follow(
            url, trusted=user_given, headers=headers, expect=expect,
            conditional=bool(etag or last_modified), check_robots=self.config.respect_robots)
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        response_headers = response.headers
        if response.status == 304:  # keep the validators if the 304 left them out
            response_headers = {**_validators(etag, last_modified), **response_headers}
        content_type, charset = parse_content_type(response_headers.get("content-type"))
        return Page(url=url, final_url=final_url, status=response.status,
                    headers=response_headers, body=response.body, content_type=content_type,
                    charset=charset, fetched_at=fetched_at, elapsed=elapsed)

    async def robots_sitemaps(self, url: str, *, user_given: bool = False) -> list[str]:
        """The ``Sitemap:`` URLs of the robots.txt of ``url``'s host."""
        check_url(url)
        if not user_given and not self.config.allow_private_addresses:
            await check_url_address_async(url)
        return (await self._robots_rules(url)).sitemaps

    def stop_new_requests(self) -> int:
        """Send no more requests (those waiting raise a FetchError of kind
        ``interrupted``); how many are in flight now."""
        self._stopping.set()
        return self.in_flight

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay robots.txt gives us for ``url``'s host, if loaded and given,
        cut to ``max_crawl_delay``."""
        rules = self._robots.get(origin_of(url))
        wish = None if rules is None else rules.crawl_delay(self.config.user_agent)
        return None if wish is None else capped_wait(wish, self.config.max_crawl_delay)

    # -- redirects, guard and robots -------------------------------------------

    async def _follow(self, url: str, *, trusted: bool, headers: dict[str, str], expect: Expect,
                      conditional: bool, check_robots: bool,
                      limit: int | None = None) -> tuple[str, _Response, float]:
        """Request ``url`` and its redirects; the final URL, response and network time."""
        current, seen, elapsed = url, {url}, 0.0
        for hop in range(self.config.max_redirects + 1):
            if not (hop == 0 and trusted) and not self.config.allow_private_addresses:
                await check_url_address_async(current)
            if check_robots:
                await self._check_robots(current)
            response = await self._request(current, headers, expect, conditional, limit)
            elapsed += response.elapsed
            if response.location is None:
                return current, response, elapsed
            try:
                target = check_url(response.location, base=current)
            except InvalidURL as error:
                raise InvalidURL(url, f"redirected to {error.url}: {error.reason}") from error
            if target in seen:
                raise NetworkError(url, f"redirect loop back to {target}", kind="redirect-loop")
            seen.add(target)
            current = target
        raise NetworkError(url, f"more than {self.config.max_redirects} redirects",
                           kind="redirect-loop")

    async def _check_robots(self, url: str) -> None:
        rules = await self._robots_rules(url)
        if rules.unavailable:
            raise BlockedURL(url, "robots.txt is unavailable (server error); try later",
                             kind="robots-unavailable")
        if not rules.allows(url, self.config.user_agent):
            raise BlockedURL(url, "disallowed by robots.txt", kind="robots")

    async def _robots_rules(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        rules = self._robots.get(origin)
        if rules is not None:
            return rules
        async with self._host(origin).robots_lock:  # one robots.txt request per origin
            rules = self._robots.get(origin)
            if rules is None:
                rules = await self._load_robots(url)
                self._robots.put(origin, rules)
        return rules

    async def _load_robots(self, url: str) -> RobotsRules:
        # The page's host was already checked, so robots.txt on it is trusted;
        # its redirects are checked like any other.
        try:
            _, response, _ = await self._follow(
                robots_url(url), trusted=True, headers={"Accept": "text/plain,*/*;q=0.5"},
                expect="any", conditional=False, check_robots=False, limit=MAX_ROBOTS_BYTES)
        except HTTPStatusError as error:
            return RobotsRules.from_response(error.status, b"")
        except NetworkError as error:
            if error.kind == "redirect-loop":
                return RobotsRules.missing()
            raise NetworkError(url, f"robots.txt: {error.reason}", kind=error.kind) from error
        except (InvalidURL, BlockedURL):  # a redirect we will not follow: as if absent
            return RobotsRules.missing()
        return RobotsRules.from_response(response.status, response.body)

    # -- one request -----------------------------------------------------------

    def _host(self, origin: str) -> _Host:
        host = self._hosts.get(origin)
        if host is None:
            host = self._hosts[origin] = _Host(asyncio.Semaphore(self.config.per_host_concurrency))
        return host

    def _delay_for(self, url: str) -> float:
        crawl_delay = self.crawl_delay(url) if self.config.respect_robots else None
        return max(self.config.delay, crawl_delay or 0.0)

    async def _request(self, url: str, headers: dict[str, str], expect: Expect,
                       conditional: bool, limit: int | None) -> _Response:
        host = self._host(origin_of(url))
        async with host.slots:
            now = time.monotonic()
            wait = host.next_start - now
            host.next_start = max(now, host.next_start) + self._delay_for(url)
            if wait > 0:  # the host's delay, cut short by a stop
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), wait)
            async with self._slots:
                if self._stopping.is_set():  # a stop signal came while this one waited
                    raise FetchError(url, "not fetched: stopping", kind="interrupted")
                started = time.monotonic()
                self.in_flight += 1
                try:
                    async with asyncio.timeout(self.total_timeout):
                        response = await self._exchange(url, headers, expect, conditional, limit)
                except TimeoutError as error:
                    raise NetworkError(url, f"no complete answer within {self.total_timeout:g}s",
                                       kind="timeout") from error
                except (httpx.HTTPError, *BAD_LOCATION_ERRORS) as error:
                    raise _network_error(url, error) from error
                except HTTPStatusError as error:
                    if error.status in (429, 503) and error.retry_after:
                        # The host asked for a pause: its other URLs wait too; a
                        # longer wish is left to the crawler's retry schedule.
                        pause = capped_wait(error.retry_after, self.config.max_crawl_delay)
                        host.next_start = max(host.next_start, time.monotonic() + pause)
                    raise
                finally:
                    self.in_flight -= 1
                elapsed = time.monotonic() - started
                log.debug("GET %s: %s in %.2fs", url, response.status, elapsed)
                return dataclasses.replace(response, elapsed=elapsed)

    async def _exchange(self, url: str, headers: dict[str, str], expect: Expect,
                        conditional: bool, limit: int | None) -> _Response:
        async with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            response_headers = {name.lower(): value for name, value in response.headers.items()}
            location = response_headers.get("location")
            if status in REDIRECT_STATUSES and location:
                return _Response(status, response_headers, b"", location.strip())
            if status == 304 and conditional:
                return _Response(status, response_headers, b"")
            if status >= 300:
                retry_after = parse_retry_after(response_headers.get("retry-after"))
                raise HTTPStatusError(url, status, retry_after=retry_after)
            content_type, _ = parse_content_type(response_headers.get("content-type"))
            _check_type(url, content_type, expect)
            body = await self._read(url, response, limit)
            _check_body(url, body, content_type, expect)
            return _Response(status, response_headers, body)

    async def _read(self, url: str, response: httpx.Response, limit: int | None) -> bytes:
        """The decoded body; past ``max_bytes`` it fails, past ``limit`` it is cut."""
        cap = self.config.max_bytes
        announced = response.headers.get("content-length", "")
        if limit is None and announced.isdigit() and int(announced) > cap:
            raise TooLargeError(url, f"{announced} bytes announced, the limit is {cap}")
        encoding = response.headers.get("content-encoding")
        decoder = decoder_for(encoding)
        if decoder is None:
            raise NetworkError(url, f"unsupported Content-Encoding {encoding!r}",
                               kind="bad-encoding")
        bound = cap if limit is None else min(cap, limit)
        chunks, size, received = [], 0, 0
        async for raw in response.aiter_raw():
            # What was sent counts too: data after the end of a compressed
            # stream decodes to nothing but still arrives.
            received += len(raw)
            try:  # inflating at most one byte past the bound stops a bomb at the limit
                chunk = decoder.decode(raw, bound - size + 1)
            except DECODE_ERRORS as error:
                raise NetworkError(url, f"broken {encoding} body ({error})",
                                   kind="bad-encoding") from error
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size >= limit:
                return b"".join(chunks)[:limit]
            if size > cap or received > cap:
                raise TooLargeError(url, f"the body passed the limit of {cap} bytes")
        if not decoder.complete:  # httpx would hand over the part that arrived as the page
            raise NetworkError(url, f"the {encoding} body was cut short", kind="bad-encoding")
        return b"".join(chunks)


def fetch_pages(urls: Sequence[str], config: FetchConfig, *, stopper: Stopper | None = None,
                notice: Callable[[str], None] = lambda message: None,
                ) -> list[Page | FetchError]:
    """Fetch URLs the user gave, politely and concurrently; results in input order.
    After a ``stopper``'s signal, the pages not fetched within its grace are
    ``Interrupted`` errors."""

    async def run() -> list[Page | FetchError]:
        async with Fetcher(config) as fetcher:
            tasks = [asyncio.ensure_future(fetcher.fetch(url, user_given=True)) for url in urls]
            if stopper is not None:
                await stopper.finish(tasks, notice, fetcher.stop_new_requests)
            await asyncio.wait(tasks)
        results: list[Page | FetchError] = []
        for url, task in zip(urls, tasks, strict=True):
            if task.cancelled():
                results.append(FetchError(url, "not fetched: stopping", kind="interrupted"))
            elif isinstance(task.exception(), FetchError):
                results.append(task.exception())  # type: ignore[arg-type]
            else:
                results.append(task.result())  # raises what is not a FetchError: a bug
        return results

    return asyncio.run(run())


def check_url(url: str, base: str | None = None) -> str:
    """``url``, resolved against ``base`` when given, if it is an absolute http(s) URL
    that httpx can request; else InvalidURL. Every URL that enters passes here: one
    the user gave, a link found on a page (via ``normalize_url``), a redirect's Location.
    """
    absolute = url
    try:  # httpx's own parser: what it accepts here is what it will request
        absolute = urljoin(base, url) if base is not None else url  # "http://[::1" raises
        parsed = httpx.URL(absolute)
        host = parsed.host  # decodes "xn--" labels, as building the request does
    except idna.IDNAError as error:
        raise InvalidURL(absolute, f"not a valid host name ({error})") from error
    except UnicodeError as error:  # a lone surrogate: command-line bytes that are not UTF-8
        raise InvalidURL(absolute, "not a valid URL (bytes that are not UTF-8)") from error
    except (httpx.InvalidURL, ValueError) as error:
        raise InvalidURL(absolute, f"not a valid URL ({error})") from error
    if parsed.scheme not in ("http", "https"):
        raise InvalidURL(absolute, "only http and https URLs can be fetched")
    if not host:
        raise InvalidURL(absolute, "the URL has no host")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise InvalidURL(absolute, f"port {parsed.port} is out of range")
    return absolute


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP-date."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return float(text)  # inf past 308 digits: callers cap it (``capped_wait``)
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def capped_wait(wish: float, cap: float) -> float:
    """A server's wish for a wait in seconds, within [0, cap]; NaN counts as the cap."""
    return min(max(wish, 0.0), cap) if not math.isnan(wish) else cap


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a body are a known binary format or junk: NULs
    (but in UTF-16 or UTF-32 text), or more control bytes than text ever holds."""
    if head.startswith(WIDE_TEXT_BOMS) or WIDE_MARKUP.match(head):
        return False
    if head.startswith(BINARY_MAGIC) or b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(head)


def _check_body(url: str, body: bytes, content_type: str | None, expect: Expect) -> None:
    """Refuse a body that cannot be what was asked for, whatever its Content-Type said."""
    if expect == "html" and content_type is None and looks_binary(body[:SNIFF_BYTES]):
        raise NotHTMLError(url, "the body is binary, not a web page")
    if expect != "feed":
        return
    # A feed or sitemap with nothing in it, or junk, would read as one listing
    # nothing: the source would look quiet when it is broken.
    if not body.strip():
        raise NotHTMLError(url, "the body is empty, not a feed or sitemap")
    if not body.startswith(GZIP_MAGIC) and looks_binary(body[:SNIFF_BYTES]):
        raise NotHTMLError(url, "the body is binary, not a feed or sitemap")


def _check_type(url: str, content_type: str | None, expect: Expect) -> None:
    if content_type is None or expect == "any":
        return
    if expect == "html" and content_type not in HTML_TYPES:
        raise NotHTMLError(url, f"{content_type} is not a web page")
    if expect == "feed" and not (content_type in FEED_TYPES or content_type.startswith("text/")
                                 or content_type.endswith("+xml")):
        raise NotHTMLError(url, f"{content_type} is not a feed or sitemap")


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    sent = {"etag": etag, "last-modified": last_modified}
    return {name: value for name, value in sent.items() if value}


# httpx failures by class, most specific first: the kind the crawler sees.
_NETWORK_KINDS: tuple[tuple[type[httpx.HTTPError], str], ...] = (
    (httpx.TimeoutException, "timeout"),
    (httpx.ConnectError, "connect"),
    (httpx.DecodingError, "bad-encoding"),
    (httpx.RemoteProtocolError, "reset"),  # peer closed mid-body or before answering
    (httpx.ReadError, "reset"),
    (httpx.WriteError, "reset"),
    (httpx.ProtocolError, "protocol"),
)


def _network_error(url: str, error: Exception) -> FetchError:
    if isinstance(error, BAD_LOCATION_ERRORS) or str(error).startswith(BAD_LOCATION_WORDS):
        return InvalidURL(url, f"redirected to an invalid URL ({error})")
    if isinstance(error, httpx.UnsupportedProtocol):
        return InvalidURL(url, str(error))
    kind = next((k for cls, k in _NETWORK_KINDS if isinstance(error, cls)), "network")
    if kind == "connect" and "name" in str(error).lower():  # resolver: "Name or service..."
        kind = "dns"
    message = str(error) or type(error).__name__
    return NetworkError(url, f"{kind}: {message}", kind=kind)
