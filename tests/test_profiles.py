"""Site profiles in a real SQLite store: counted as pages are stored, used by reclean,
listed by `crawl sites`, shown by `crawl explain`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.config import CleanConfig
from scraper.crawl.pipeline import clean_page, store_page
from scraper.crawl.reclean import reclean
from scraper.page import Page
from scraper.sites import site_host
from scraper.store import profiles
from scraper.store.database import Store
from tests.localsite import CRAWL
from tests.test_template import FOOTER, PROMO, page


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.db") as opened:
        yield opened


def fetched(url: str, html: str) -> Page:
    return Page(url=url, final_url=url, status=200, headers={}, body=html.encode(),
                content_type="text/html", charset="utf-8",
                fetched_at="2026-11-20T10:00:00+00:00", elapsed=0.1)


def crawl_site(store: Store, numbers: range, host: str = "www.gazette.example") -> None:
    """Store pages as `crawl run` does: each cleaned with the profile stored so far."""
    for n in numbers:
        url = f"https://{host}/news/{n}.html"
        store_page(store, fetched(url, page(n)),
                   clean_page(fetched(url, page(n)), CleanConfig(),
                              profile=profiles.profile_for(store, url)))


def text_of(store: Store, n: int) -> str:
    article = store.get_article(f"https://www.gazette.example/news/{n}.html")
    assert article is not None
    return str(article["text"])


def test_the_site_is_the_host_without_www() -> None:
    assert site_host("https://www.Gazette.example:8080/a") == "gazette.example"
    assert site_host("https://sport.gazette.example/a") == "sport.gazette.example"
    assert site_host("http://[::1/a") == ""  # a saved page's --url that does not parse


def test_a_site_has_no_profile_until_it_has_enough_pages(store: Store) -> None:
    crawl_site(store, range(4))
    assert profiles.profile_for(store, "https://gazette.example/x") is None
    crawl_site(store, range(4, 5))
    profile = profiles.profile_for(store, "https://gazette.example/x")
    assert profile is not None and profile.pages == 5
    # Only the blocks on most pages are read back: the template, not the articles.
    assert set(profile.counts.values()) == {5}


def test_pages_stored_later_are_cleaned_with_the_profile(store: Store) -> None:
    crawl_site(store, range(8))
    assert PROMO in text_of(store, 0) and PROMO in text_of(store, 4)
    assert PROMO not in text_of(store, 5) and FOOTER not in text_of(store, 7)
    assert "Story 7 goes on" in text_of(store, 7)


def test_storing_a_page_again_does_not_count_it_twice(store: Store) -> None:
    crawl_site(store, range(6))
    before = profiles.site_summaries(store, "gazette.example")
    crawl_site(store, range(6))
    assert profiles.site_summaries(store, "gazette.example") == before
    assert before[0].pages == 6


def test_a_profile_counts_the_latest_window_of_pages(store: Store,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profiles, "WINDOW", 6)
    crawl_site(store, range(10))
    (summary,) = profiles.site_summaries(store, "gazette.example")
    assert summary.pages == 6
    assert max(block.pages for block in summary.blocks) == 6
    stored = store.conn.execute("SELECT count(*) FROM site_pages").fetchone()[0]
    assert stored == 6


def test_reclean_applies_the_current_profiles(store: Store) -> None:
    crawl_site(store, range(8))
    assert PROMO in text_of(store, 0)
    result = reclean(store, CleanConfig())
    # Pages 0-4 had no profile yet; 5-7 said "on 5 of 5 pages" and so on: all change.
    assert (result.changed, result.failed) == (8, 0)
    for n in range(8):
        assert PROMO not in text_of(store, n)
        assert f"Story {n} goes on" in text_of(store, n)
    article = store.get_article("https://www.gazette.example/news/0.html")
    assert article is not None
    assert ("site-template", "on 8 of 8 pages") in {
        (b["kind"], b["rule"]) for b in article["removed"]}


def test_crawl_sites_and_explain_show_the_profile(store: Store, tmp_path: Path) -> None:
    crawl_site(store, range(6))
    store.close()
    db = str(tmp_path / "news.db")

    def crawl(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(CRAWL), "--db", db, *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)

    listing = crawl("sites")
    assert listing.returncode == 0, listing.stderr
    assert "gazette.example" in listing.stdout and "6×" in listing.stdout
    detail = crawl("sites", "www.gazette.example", "--format", "json")
    (row,) = [json.loads(line) for line in detail.stdout.splitlines()]
    assert row["pages"] == 6 and row["template"] == 3  # promo, sign-off, footer
    assert {"pages": 6, "excerpt": PROMO} in row["blocks"]
    missing = crawl("sites", "nowhere.example")
    assert missing.returncode != 0 and missing.stderr.count("\n") == 1
    saved = tmp_path / "page.html"
    saved.write_text(page(40))
    explained = crawl("explain", str(saved), "--url", "https://gazette.example/news/40.html")
    assert explained.returncode == 0, explained.stderr
    assert "on 6 of 6 pages" in explained.stdout
