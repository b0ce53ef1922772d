"""Discovery: article URLs out of feeds, sitemaps and section pages already fetched.

Pure functions over bytes, no I/O: the crawler fetches, these read. Every URL
they return is normalised (``scraper.crawl.urls.normalize_url``) and relative links
are resolved against the page they were found on; a link that does not
normalise (mailto:, javascript:, garbage) is dropped, not raised.

Sitemaps are untrusted XML from the web: they are parsed as a stream with
entity expansion, DTD loading and network access off (no XXE, no billion
laughs), and a gzipped sitemap is decompressed only up to
``MAX_SITEMAP_BYTES`` (a gzip bomb stops with ``TooLargeError``).
"""

from __future__ import annotations

import contextlib
import http
import io
import re
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import NamedTuple
from urllib.parse import urlsplit

import feedparser
from lxml import etree
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..errors import InvalidURL, NetworkError, TooLargeError
from ..sites import same_site
from .urls import normalize_url


@dataclass(frozen=True)
class Discovered:
    """One candidate article URL and what the page that named it said about it."""

    url: str  # normalised
    published: str | None  # ISO 8601: UTC date-time, or a bare date when only that is given
    title: str | None
    via: str  # "feed" | "sitemap" | "section" | "robots"
    found_on: str  # the feed, sitemap or page URL


@dataclass(frozen=True)
class SitemapResult:
    urls: list[Discovered]  # pages listed by a urlset
    sitemaps: list[str]  # child sitemaps listed by a sitemap index


SITEMAP_PATHS = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/sitemap-index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap_news.xml",
    "/wp-sitemap.xml",  # WordPress core since 5.5
    "/sitemap.xml.gz",
)
"""Where sites usually put a sitemap, tried when robots.txt names none."""

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
"""The sitemap protocol's own limit on an uncompressed sitemap; past it a gzip is a bomb."""

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})


# -- dates -----------------------------------------------------------------------


def iso_date(value: str | time.struct_time | None) -> str | None:
    """A feed or sitemap date as ISO 8601 in UTC; a bare date stays a bare date.

    Accepts W3C datetimes (sitemaps), RFC 822 dates (RSS) and feedparser's UTC
    struct_time. A date-time without a zone is taken as UTC. Unreadable: None."""
    if value is None:
        return None
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _latest_moment(published: str) -> datetime:
    """The latest instant ``published`` can mean: a bare date counts as its last second,
    so an article dated today is never too old because its hour is unknown."""
    moment = datetime.fromisoformat(published)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if len(published) == 10:
        moment += timedelta(days=1) - timedelta(seconds=1)
    return moment


# -- feeds -----------------------------------------------------------------------


def parse_feed(body: bytes, url: str) -> list[Discovered]:
    """The items of an RSS (0.9x, 1.0, 2.0) or Atom feed that have a link.

    A broken feed still yields the items parsed before the break; a body that is
    not a feed yields nothing."""
    # A stream, never a string: feedparser fetches any string that looks like a URL.
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers={"content-location": url}, sanitize_html=False
    )
    items = []
    for entry in parsed.entries:
        # FeedBurner rewrites links through its redirector and keeps the real one here.
        link = _normalised(entry.get("feedburner_origlink") or entry.get("link"), url)
        if link is None:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        title = (entry.get("title") or "").strip() or None
        items.append(Discovered(link, iso_date(stamp), title, "feed", url))
    return _first_of_each(items)


def find_feeds(html: str | bytes, url: str) -> list[str]:
    """The RSS and Atom feeds a page announces with ``<link rel="alternate" type=...>``."""
    tree = LexborHTMLParser(html)
    base = _base_url(tree, url)
    feeds = []
    for link in tree.css("link[rel][href][type]"):
        attributes = link.attributes
        rels = (attributes.get("rel") or "").lower().split()
        kind = (attributes.get("type") or "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_TYPES:
            feed = _normalised(attributes.get("href"), base)
            if feed is not None:
                feeds.append(feed)
    return list(dict.fromkeys(feeds))


# -- sitemaps --------------------------------------------------------------------


def parse_sitemap(body: bytes, url: str) -> SitemapResult:
    """A sitemap index, a urlset (with lastmod and Google News dates and titles),
    gzipped or not, a plain-text sitemap of one URL per line, or a feed.

    Raises TooLargeError past ``MAX_SITEMAP_BYTES`` decompressed, and NetworkError
    for a gzip body that does not decompress (kind ``bad-encoding``, the fetcher's
    name for a broken Content-Encoding)."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, url)
    content = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not content.startswith(b"<"):
        return _parse_text_sitemap(content, url)
    if _FEED_ROOT.search(content[:4096]):  # the sitemap protocol accepts RSS and Atom too
        return SitemapResult(parse_feed(content, url), [])
    urls: list[Discovered] = []
    sitemaps: list[str] = []
    for entry in _sitemap_entries(content):
        loc = _normalised(entry.loc, url)
        if loc is None:
            continue
        if entry.kind == "sitemap":
            sitemaps.append(loc)
        else:
            published = iso_date(entry.news_date) or iso_date(entry.lastmod)
            urls.append(Discovered(loc, published, entry.news_title, "sitemap", url))
    return SitemapResult(_first_of_each(urls), list(dict.fromkeys(sitemaps)))


_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


class _SitemapEntry(NamedTuple):
    kind: str  # "url" or "sitemap"
    loc: str | None
    lastmod: str | None
    news_date: str | None
    news_title: str | None


def _sitemap_entries(content: bytes) -> Iterator[_SitemapEntry]:
    # Untrusted XML: no entity expansion (XXE, billion laughs), no DTD, no network.
    # recover=True keeps the entries before a syntax error, as feeds do.
    events = etree.iterparse(
        io.BytesIO(content), events=("end",), tag=("{*}url", "{*}sitemap"),
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, recover=True,
    )
    try:
        for _, element in events:
            fields = _children_text(element)
            news: dict[str, str | None] = {}
            for block in element.iterchildren("{*}news"):
                news |= _children_text(block)
            yield _SitemapEntry(_local_name(element), fields.get("loc"),
                                fields.get("lastmod"), news.get("publication_date"),
                                news.get("title"))
            # Streaming: drop what has been read so a 50,000-URL sitemap stays small.
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError:
        return  # nothing parseable (empty body, not XML): the entries so far stand


def _local_name(element: etree._Element) -> str:
    return str(element.tag).rpartition("}")[2]


def _children_text(element: etree._Element) -> dict[str, str | None]:
    """Child elements by local name (namespaces vary between sitemaps); comments skipped."""
    return {_local_name(child): _plain_text(child) for child in element
            if isinstance(child.tag, str)}


def _plain_text(element: etree._Element) -> str | None:
    """The element's text, or None when it holds markup or an unexpanded entity
    (``&xxe;`` is kept as a child node, never resolved)."""
    if len(element):
        return None
    return (element.text or "").strip() or None


def _gunzip(body: bytes, url: str) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, MAX_SITEMAP_BYTES + 1)
    except zlib.error as error:
        raise NetworkError(url, f"broken gzip body ({error})", kind="bad-encoding") from error
    if len(data) > MAX_SITEMAP_BYTES:
        raise TooLargeError(url, f"gzipped sitemap inflates past {MAX_SITEMAP_BYTES:,} bytes")
    if not inflater.eof:
        raise NetworkError(url, "broken gzip body (truncated)", kind="bad-encoding")
    return data


def _parse_text_sitemap(content: bytes, url: str) -> SitemapResult:
    lines = content.decode("utf-8", errors="replace").splitlines()
    urls = [Discovered(loc, None, None, "sitemap", url)
            for loc in (_normalised(line.strip(), url) for line in lines
                        if line.strip().lower().startswith(("http://", "https://")))
            if loc is not None]
    return SitemapResult(_first_of_each(urls), [])


def sitemaps_in_robots(robots_txt: str, url: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt, normalised against its URL."""
    lines = re.findall(r"^\s*sitemap\s*:\s*(\S+)", robots_txt, flags=re.I | re.M)
    return list(dict.fromkeys(u for u in (_normalised(line, url) for line in lines) if u))


def sitemap_guesses(home: str) -> list[str]:
    """``SITEMAP_PATHS`` on the home page's site, for a site whose robots.txt names none."""
    return [u for u in (_normalised(path, home) for path in SITEMAP_PATHS) if u]


# -- section pages -----------------------------------------------------------------


class Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    why: str


def _rule(name: str, pattern: str, why: str) -> Rule:
    return Rule(name, re.compile(pattern), why)


_NAMED_SEGMENT = r"/(?:{words})(?:/|\.\w{{2,5}}(?:$|\?)|$|\?)"  # one of the words is a segment
# The word, then at most a name (/tag/economy); a name holding a story id is a story.
_LISTING = r"/(?:{words})(?:/(?![^/?]*\d{{5}})[^/?]+)?/?(?:$|\?)"

NOT_ARTICLE: tuple[Rule, ...] = (
    _rule("tag", _LISTING.format(words="tags?|tagged|keywords?"), "lists articles by tag"),
    _rule("author", _LISTING.format(words="authors?|by|people|profiles?|contributors?"
                                    "|columnists?|writers?|staff"),
          "an author's page lists their articles"),
    _rule("category", _LISTING.format(words="category|categories"), "a category index"),
    _rule("topic", _LISTING.format(words="topics?|themes?|subjects?|series"), "a topic index"),
    _rule("section", _LISTING.format(words="sections?|rubrik|ressort"), "a section index"),
    _rule("search", r"/search(?:/|$|\?)|[?&](?:q|s|query|search)=", "search results"),
    _rule("account", _NAMED_SEGMENT.format(
        words="log-?in|log-?out|sign-?in|sign-?out|sign-?up|register|account|my-account"
              "|subscribe|subscriptions?|newsletters?|preferences|settings"),
          "login and subscription pages"),
    _rule("pagination", r"/page/\d+/?(?:$|\?)|[?&](?:page|pg|paged|offset|start)=\d+",
          "page N of a listing"),
    _rule("feed", _NAMED_SEGMENT.format(words="feeds?|rss|atom") + r"|\.(?:rss|xml)(?:$|\?)",
          "feeds are read as feeds, not as pages"),
    _rule("about", _NAMED_SEGMENT.format(
        words=r"about(?:-us)?|contact(?:-us)?|privacy[\w-]*|terms[\w-]*|cookies?[\w-]*|impressum"
              r"|imprint|legal|disclaimer|advertis(?:e|ing)|careers|jobs|help|faq|corrections"
              r"|ethics|accessibility|sitemap"),
          "the publisher's own pages"),
    _rule("video index", r"/(?:videos?|watch|live|podcasts?|galleries|photos)/?(?:$|\?)",
          "an index of media, not a story"),
    _rule("date archive", r"/(?:19|20)\d{2}(?:/\d{1,2}){0,2}/?(?:$|\?)",
          "a date with nothing after it is that day's archive"),
    _rule("file", r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp3|mp4|m4a|webm|css|js|json)"
                  r"(?:$|\?)", "not a web page"),
)
"""A URL matching any of these is not an article, whatever else it looks like."""

ARTICLE: tuple[Rule, ...] = (
    _rule("dated path", r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?:(?:0?[1-9]|[12]\d|3[01])/)?[^/?]+",
          "/2024/05/31/slug: news CMSs file stories by date"),
    _rule("date in slug", r"[/_-](?:19|20)\d{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])[/_.-]",
          "/news/20240531-slug or /slug-2024-05-31.html"),
    _rule("long slug", r"/(?:[^/?.-]+-){3,}[^/?-]+",
          "a headline turned into a path segment: four or more hyphenated words"),
    _rule("numeric id", r"(?:^|[/_.-])\d{5,}(?:$|[/_.?-])|[?&](?:id|idx|p|story|article)=\d+",
          "a story id in the path or query"),
    _rule("article id", r"/(?:articles?|stor(?:y|ies)|posts?|a|p)/\d{3,}(?:$|[/?.-])",
          "/article/3834: a shorter id after a word that says what it is"),
    _rule("page file", r"/[^/?]*[-_\d][^/?]*\.(?:s?html?|php|aspx?|cms)(?:$|\?)",
          "a page named by several words or a number (a bare /sport.html is a section)"),
)
"""A URL matching none of ``NOT_ARTICLE`` and any of these looks like an article."""

NAVIGATION = "nav, [role=navigation], [role=contentinfo], body > footer"
"""Containers of site navigation: a link in a menu or the site footer is never a story."""


def is_article_url(url: str) -> bool:
    """Whether ``url`` looks like an article: see ``ARTICLE`` and ``NOT_ARTICLE``."""
    return article_rule(url) is not None


def article_rule(url: str) -> str | None:
    """The name of the ``ARTICLE`` rule that makes ``url`` an article, or None;
    for ``crawl discover`` and tests to say why a link was kept."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    path = path.lower()
    if any(rule.pattern.search(path) for rule in NOT_ARTICLE):
        return None
    return next((rule.name for rule in ARTICLE if rule.pattern.search(path)), None)


def parse_section(html: str | bytes, url: str) -> list[Discovered]:
    """Links on a section or home page that look like articles on the same site,
    once each, in page order; menus and the site footer are left out."""
    tree = LexborHTMLParser(html)
    base = _base_url(tree, url)
    for container in tree.css(NAVIGATION):
        container.decompose()
    page = _normalised(url, url)
    titles: dict[str, str | None] = {}
    for anchor in tree.css("a[href]"):
        link = _normalised(anchor.attributes.get("href"), base)
        if link is None or link == page or not same_site(link, url) or not is_article_url(link):
            continue
        if titles.get(link) is None:  # a photo link first, its headline link later
            titles[link] = _anchor_title(anchor)
    return [Discovered(link, None, title, "section", url) for link, title in titles.items()]


def _anchor_title(anchor: LexborNode) -> str | None:
    text = " ".join(anchor.text(deep=True, separator=" ", strip=True).split())
    return text or (anchor.attributes.get("title") or "").strip() or None


# -- filtering ---------------------------------------------------------------------


def filter_items(
    items: Iterable[Discovered],
    *,
    include: Sequence[str],
    exclude: Sequence[str],
    max_age: float | None,
    now: datetime,
) -> tuple[list[Discovered], list[tuple[Discovered, str]]]:
    """Split items into (kept, skipped with a reason) before anything is fetched.

    Reasons, checked in this order: ``exclude`` (a pattern in ``exclude``
    matches the URL), ``include`` (patterns are given and none matches), ``age``
    (published more than ``max_age`` seconds before ``now``). An item with no
    date is kept: its age is unknown until the page is read."""
    excluded = [re.compile(p) for p in exclude]
    included = [re.compile(p) for p in include]
    kept: list[Discovered] = []
    skipped: list[tuple[Discovered, str]] = []
    for item in items:
        if any(p.search(item.url) for p in excluded):
            skipped.append((item, "exclude"))
        elif included and not any(p.search(item.url) for p in included):
            skipped.append((item, "include"))
        elif is_too_old(item.published, max_age, now):
            skipped.append((item, "age"))
        else:
            kept.append(item)
    return kept, skipped


def is_too_old(published: str | None, max_age: float | None, now: datetime) -> bool:
    """Whether ``published`` is more than ``max_age`` seconds before ``now``; an
    unknown date or age is never too old."""
    if not published or max_age is None:
        return False
    return _latest_moment(published) < _aware(now) - timedelta(seconds=max_age)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# -- shared helpers ----------------------------------------------------------------


def _normalised(link: str | None, base: str) -> str | None:
    if not link or not link.strip():
        return None
    try:
        return normalize_url(link.strip(), base)
    except InvalidURL:
        return None


def _base_url(tree: LexborHTMLParser, url: str) -> str:
    """The page's ``<base href>`` resolved against its URL, else the URL itself."""
    base = tree.css_first("base[href]")
    return _normalised(base.attributes.get("href"), url) or url if base else url


def _first_of_each(items: list[Discovered]) -> list[Discovered]:
    first: dict[str, Discovered] = {}
    for item in items:
        first.setdefault(item.url, item)
    return list(first.values())


# -- what went wrong, in words -------------------------------------------------------

_CAUSES = {
    "dns": "host not found",
    "connect": "connection refused",
    "timeout": "no answer in time",
    "reset": "the connection was cut",
    "protocol": "the server broke the HTTP protocol",
    "bad-encoding": "the body could not be decoded",
    "redirect-loop": "redirects in a loop",
    "robots": "disallowed by robots.txt",
    "robots-unavailable": "robots.txt is unavailable (server error)",
    "too-large": "too large",
}  # "invalid-url" is left to the fetcher's reason: "redirected to http://xn--/: ..."
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)",
                         re.IGNORECASE | re.DOTALL)


def cause_in_words(kind: str, reason: str) -> str:
    """Why a discovery page could not be read, for a person: ``host not found``,
    ``HTTP 404 (not found)``; the fetcher's own reason when nothing better fits."""
    if kind.startswith("http-") and kind[5:].isdigit():
        status = int(kind[5:])
        with contextlib.suppress(ValueError):
            return f"HTTP {status} ({http.HTTPStatus(status).phrase.lower()})"
        return f"HTTP {status}"
    return _CAUSES.get(kind, reason)


def looks_like_html(body: bytes) -> bool:
    """Whether a body that should be a feed or sitemap is a web page instead."""
    return _HTML_START.match(body[:4096]) is not None
