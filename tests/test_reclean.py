"""reclean on a real SQLite file: pages stored as a crawl stores them, cleaned again."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cleaners import CLEANER_VERSION
from scraper.config import CleanConfig, SiteRules
from scraper.crawl.pipeline import clean_page, store_page
from scraper.crawl.reclean import reclean
from scraper.page import Page
from scraper.store.database import Store

ASIDE = "Readers also enjoyed this unrelated promotional aside about gardening tools."


def story(n: int, *, aside: bool = True) -> str:
    extra = f'<p class="aside-note">{ASIDE}</p>' if aside else ""
    return f"""<!doctype html><html><head><title>Story {n}</title></head><body>
<article><h1>Story number {n} about the harbour</h1>
<p>The harbour authority said on Monday that story {n} would change how ships dock,
after months of talks with the unions and the city council about the new quay.</p>
{extra}
<p>Officials expect the work on the quay in story {n} to take two years, and the
cost to be shared between the port, the region and the national government.</p>
</article></body></html>"""


def crawl_page(store: Store, url: str, html: str | bytes, *, source: str = "news",
               content_type: str = "text/html; charset=utf-8",
               fetched_at: str = "2026-11-20T10:00:00+00:00") -> None:
    """Store a page and its article the way `crawl run` does, with today's rules."""
    body = html.encode() if isinstance(html, str) else html
    page = Page(url=url, final_url=url, status=200, headers={"content-type": content_type},
                body=body, content_type="text/html", charset=None, fetched_at=fetched_at,
                elapsed=0.1)
    store_page(store, page, clean_page(page, CleanConfig()), source=source)


def stored_text(store: Store, url: str) -> str:
    article = store.get_article(url)
    assert article is not None
    return str(article["text"])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.db") as opened:
        yield opened


# -- a guard on every socket, from Python's audit events ------------------------------

_NETWORK_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                             "socket.gethostbyaddr", "socket.sendto", "socket.bind"})
_network_log: list[str] | None = None


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _network_log is not None and event in _NETWORK_EVENTS:
        _network_log.append(f"{event} {args!r}")


sys.addaudithook(_audit)  # audit hooks cannot be removed; it records only inside no_network


@contextmanager
def network_log() -> Iterator[list[str]]:
    global _network_log
    _network_log = []
    try:
        yield _network_log
    finally:
        _network_log = None


def test_the_network_guard_sees_a_connection() -> None:
    with network_log() as seen, socket.socket() as probe, pytest.raises(OSError):
        probe.settimeout(1)
        probe.connect(("127.0.0.1", 9))  # discard port: refused, but attempted
    assert any(event.startswith("socket.connect") for event in seen)


# -- re-cleaning ------------------------------------------------------------------------

def test_a_new_site_rule_changes_only_the_articles_it_matches(store: Store) -> None:
    for n in range(3):
        crawl_page(store, f"https://harbour.test/news/{n}.html", story(n))
    crawl_page(store, "https://harbour.test/news/plain.html", story(9, aside=False))
    crawl_page(store, "https://other.test/news/1.html", story(5), source="other")
    assert ASIDE in stored_text(store, "https://harbour.test/news/0.html")
    rules = CleanConfig(sites={"harbour.test": SiteRules(drop=(".aside-note",))})

    with network_log() as seen:
        result = reclean(store, rules)

    assert seen == []
    assert (result.changed, result.unchanged, result.failed, result.empty) == (3, 2, 0, 0)
    for n in range(3):
        url = f"https://harbour.test/news/{n}.html"
        assert ASIDE not in stored_text(store, url)
        assert "ships dock" in stored_text(store, url)
        article = store.get_article(url)
        assert article is not None and ("site", "site-drop:.aside-note") in {
            (block["kind"], block["rule"]) for block in article["removed"]}
    assert ASIDE in stored_text(store, "https://other.test/news/1.html")
    assert store.stats()["articles"] == 5, "updated in place, not stored twice"

    again = reclean(store, rules)
    assert (again.changed, again.unchanged) == (0, 5)


def test_an_article_from_an_older_cleaner_is_brought_up_to_date(store: Store) -> None:
    url = "https://harbour.test/news/old.html"
    crawl_page(store, url, story(1))
    (raw,) = store.raw_pages()
    page_id = raw.id
    current = store.get_article(url)
    assert current is not None
    old = clean_page(Page(url=url, final_url=url, status=200, headers={}, body=raw.body,
                          content_type="text/html", charset="utf-8",
                          fetched_at=raw.fetched_at, elapsed=0.0), CleanConfig())
    old.text, old.cleaner_version = "What a cleaner of long ago kept.", "0.0.1"
    store.save_article(old, url=url, page_id=page_id, source="news", fetched_at=raw.fetched_at)

    result = reclean(store, CleanConfig())

    assert (result.changed, result.unchanged) == (1, 0)
    article = store.get_article(url)
    assert article is not None
    assert article["text"] == current["text"]
    assert article["cleaner_version"] == CLEANER_VERSION


def test_the_charset_comes_from_the_stored_content_type(store: Store) -> None:
    # 0xA4 is the euro sign in ISO-8859-15 but a currency sign in windows-1252:
    # only the header tells them apart.
    html = story(2).replace("two years", "two years for 5 \u20ac each").encode("iso-8859-15")
    url = "https://harbour.test/news/euro.html"
    crawl_page(store, url, html, content_type="text/html; charset=ISO-8859-15")
    rules = CleanConfig(sites={"harbour.test": SiteRules(drop=(".aside-note",))})

    assert reclean(store, rules).changed == 1
    assert "5 \u20ac each" in stored_text(store, url)


def test_source_and_since_narrow_the_pages(store: Store) -> None:
    crawl_page(store, "https://harbour.test/a.html", story(1), source="harbour",
               fetched_at="2026-11-01T08:00:00+00:00")
    crawl_page(store, "https://harbour.test/b.html", story(2), source="harbour",
               fetched_at="2026-11-21T08:00:00+00:00")
    crawl_page(store, "https://harbour.test/c.html", story(3), source="wire",
               fetched_at="2026-11-21T09:00:00+00:00")
    rules = CleanConfig(sites={"harbour.test": SiteRules(drop=(".aside-note",))})

    result = reclean(store, rules, source="harbour", since="2026-11-15")

    assert (result.pages, result.changed) == (1, 1)
    assert ASIDE not in stored_text(store, "https://harbour.test/b.html")
    assert ASIDE in stored_text(store, "https://harbour.test/a.html")
    assert ASIDE in stored_text(store, "https://harbour.test/c.html")


def test_a_source_keeps_its_own_rules(store: Store) -> None:
    crawl_page(store, "https://harbour.test/a.html", story(1), source="harbour")
    crawl_page(store, "https://harbour.test/b.html", story(2), source="wire")

    result = reclean(store, CleanConfig(),
                     source_rules={"harbour": SiteRules(drop=(".aside-note",))})

    assert (result.changed, result.unchanged) == (1, 1)
    assert ASIDE not in stored_text(store, "https://harbour.test/a.html")
    assert ASIDE in stored_text(store, "https://harbour.test/b.html")


def test_a_page_left_without_article_counts_as_empty_and_keeps_its_article(
    store: Store,
) -> None:
    crawl_page(store, "https://harbour.test/a.html", story(1))
    crawl_page(store, "https://other.test/b.html", story(2))
    drop_everything = CleanConfig(sites={"other.test": SiteRules(drop=("article",))})
    done: list[int] = []

    result = reclean(store, drop_everything, progress=done.append)

    assert (result.unchanged, result.empty, result.pages) == (1, 1, 2)
    assert ASIDE in stored_text(store, "https://other.test/b.html")
    assert done == [1, 2]


class RulesThatBreakOn(CleanConfig):
    """Cleaning rules that fail for one URL, as a cleaner bug would."""

    def __init__(self, broken_url: str) -> None:
        super().__init__()
        object.__setattr__(self, "broken_url", broken_url)

    def rules_for(self, url: str | None) -> SiteRules | None:
        if url == self.broken_url:  # type: ignore[attr-defined]
            raise ValueError("rules table is inconsistent")
        return super().rules_for(url)


def test_a_page_that_fails_is_counted_named_and_the_rest_go_on(store: Store) -> None:
    for name in ("a", "b", "c"):
        crawl_page(store, f"https://harbour.test/{name}.html", story(ord(name)))

    result = reclean(store, RulesThatBreakOn("https://harbour.test/b.html"))

    assert (result.failed, result.unchanged) == (1, 2)
    assert result.failures == [("https://harbour.test/b.html",
                                "ValueError: rules table is inconsistent")]


def test_reclean_brings_dates_and_language_up_to_date(store: Store) -> None:
    """An article stored before language_from existed gets it, and its date is checked
    against the time its page was fetched, not the time of the reclean."""
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2026-11-25T08:00:00Z"}</script>'
            '<meta property="article:published_time" content="2026-11-18T09:30:00+01:00">')
    html = story(1).replace("<title>", head + "<title>")
    crawl_page(store, "https://ex.com/s1", html, fetched_at="2026-11-20T10:00:00+00:00")
    store.db.conn.execute("UPDATE articles SET language_from = NULL, published = NULL")

    result = reclean(store, CleanConfig())

    assert result.changed == 1
    article = store.get_article("https://ex.com/s1")
    assert article is not None
    assert (article["published"], article["published_from"]) == ("2026-11-18T09:30:00+01:00",
                                                                  "meta")
    assert (article["language"], article["language_from"]) == ("en", "detector")
