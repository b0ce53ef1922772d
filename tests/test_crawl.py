"""``crawl run`` against a real news site on 127.0.0.1 (tests/localsite.py).

The site serves real article pages (shared/bench/scrapinghub) at dated URLs,
listed by a home page, a section page, RSS, Atom and a sitemap index over a
plain and a gzipped urlset; robots.txt names the index and disallows
/private/. The site logs every request, so the tests assert what the crawler
fetched and how often, not only what it stored.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scraper.config import load_config
from scraper.crawl.service import run_due
from scraper.store.database import Store
from tests.localsite import (
    BENCH_PAGES,
    CHANNELS,
    CRAWL,
    DISALLOWED,
    NAV_ARTICLE,
    NOT_ARTICLE_LINKS,
    LocalSite,
    query,
    run_crawl,
    site_source,
    stored_urls,
    templates,
    write_config,
)

pytestmark = pytest.mark.skipif(not templates(), reason=f"no benchmark pages in {BENCH_PAGES}")

ARTICLES = 20

LEAF_DOCUMENTS = ("/news/", "/feed.rss", "/feed.atom", "/sitemap-articles-0.xml",
                  "/sitemap-more-0.xml.gz")
"""Discovery documents that list articles themselves; the home page and the
sitemap index only point at these."""


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite(ARTICLES) as served:
        yield served


@pytest.fixture
def config(tmp_path: Path, site: LocalSite) -> Path:
    return write_config(tmp_path, [site_source(site)])


def database(config: Path) -> Path:
    return config.parent / "news.db"


def summary_of(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def article_urls(site: LocalSite) -> set[str]:
    return {site.url(path) for path in site.article_paths}


def crawl_in_process(config: Path, name: str = "local") -> dict[str, Any]:
    settings = load_config(config)
    with Store(settings.database) as store:
        return run_due(settings, store, only=[name]).summary.to_dict()


# -- one crawl -------------------------------------------------------------------


class FirstRun:
    """One ``crawl run`` of a fresh site, shared by the tests that only read it."""

    def __init__(self, site: LocalSite, config: Path) -> None:
        self.site = site
        self.config = config
        self.result = run_crawl(config, "run")
        assert self.result.returncode == 0, self.result.stderr
        (recorded,) = query(database(config), "SELECT summary FROM crawl_runs")
        self.summary: dict[str, Any] = json.loads(recorded[0])


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FirstRun]:
    with LocalSite(ARTICLES) as served:
        directory = tmp_path_factory.mktemp("first-run")
        yield FirstRun(served, write_config(directory, [site_source(served)]))


def test_run_stores_every_article_once_from_every_discovery_channel(first_run: FirstRun) -> None:
    site, db = first_run.site, database(first_run.config)
    assert {a.channel for a in site.articles} == set(CHANNELS)  # each channel is exercised

    assert stored_urls(db) == Counter(dict.fromkeys(article_urls(site), 1))
    assert {path: site.count(path) for path in site.article_paths} == \
        dict.fromkeys(site.article_paths, 1)
    states = dict(query(db, "SELECT url, state FROM urls"))
    assert states == {**dict.fromkeys(article_urls(site), "done"),
                      site.url(DISALLOWED): "skipped"}


def test_summary_counts_what_happened(first_run: FirstRun) -> None:
    site, summary = first_run.site, first_run.summary
    assert (summary["discovered"], summary["fetched"], summary["new"]) == \
        (ARTICLES + 1, ARTICLES, ARTICLES)  # + the page robots.txt forbids
    assert summary["skipped_robots"] == 1
    assert summary["skipped_age"] == len(site.old)
    assert (summary["duplicates"], summary["updated"], summary["errors"]) == (0, 0, {})
    assert summary["bytes"] >= sum(len(site.article_body(a)) for a in site.articles)
    assert summary["seconds"] > 0
    assert "crawled: local" in first_run.result.stdout
    assert re.search(rf"new\s*│\s*{ARTICLES}\b", first_run.result.stdout), \
        first_run.result.stdout


def test_menus_listings_disallowed_and_old_items_are_never_fetched(first_run: FirstRun) -> None:
    site = first_run.site
    never = [*NOT_ARTICLE_LINKS, NAV_ARTICLE, DISALLOWED, *(a.path for a in site.old)]
    assert {path: site.count(path) for path in never} == dict.fromkeys(never, 0)
    # A link with tracking parameters and a fragment was fetched as the clean URL.
    assert not [hit.path for hit in site.hits if "utm_" in hit.path or "fbclid" in hit.path]
    assert site.count("/robots.txt") == 1


def test_progress_is_one_line_per_page_when_not_on_a_terminal(first_run: FirstRun) -> None:
    logged = {line.split()[-1] for line in first_run.result.stderr.splitlines()
              if " new " in line}
    assert logged == article_urls(first_run.site)


# -- the next runs ---------------------------------------------------------------


def test_second_run_asks_only_for_changes_and_stores_nothing(site: LocalSite,
                                                             config: Path) -> None:
    summary_of(run_crawl(config, "run", "--format", "json"))
    first = len(site.hits)

    summary = summary_of(run_crawl(config, "run", "--source", "local", "--format", "json"))

    later = site.hits[first:]
    asked = {hit.path for hit in later}
    assert not asked & set(site.article_paths), "a finished article was fetched again"
    assert asked >= set(LEAF_DOCUMENTS), "every feed, sitemap and section must be checked"
    for hit in later:
        if hit.path in LEAF_DOCUMENTS:
            validators = {name.lower() for name in hit.headers}
            assert "if-none-match" in validators, hit
            assert hit.status == 304, hit
    assert (summary["fetched"], summary["new"], summary["discovered"]) == (0, 0, 0)
    assert summary["not_modified"] >= len(LEAF_DOCUMENTS)
    assert stored_urls(database(config)) == Counter(dict.fromkeys(article_urls(site), 1))


def test_nothing_is_due_right_after_a_run(site: LocalSite, config: Path) -> None:
    summary_of(run_crawl(config, "run", "--format", "json"))
    requests = site.total()

    result = run_crawl(config, "run")

    assert result.returncode == 0, result.stderr
    assert "nothing is due" in result.stderr
    assert site.total() == requests


def test_a_new_feed_item_is_the_only_page_fetched_next_time(site: LocalSite,
                                                           config: Path) -> None:
    crawl_in_process(config)
    copy = site.republish(0)
    before = site.counts()

    summary = crawl_in_process(config)

    fetched = {path for path, n in site.counts().items() if n > before.get(path, 0)}
    assert fetched & {*site.article_paths, copy} == {copy}
    assert summary["fetched"] == 1
    assert site.count(copy) == 1


@pytest.mark.parametrize("near", [False, True], ids=["exact copy", "near copy"])
def test_a_republished_copy_is_stored_linked_to_the_original(tmp_path: Path, site: LocalSite,
                                                             near: bool) -> None:
    # The feed named outright, so the copy is found whatever the home page says.
    config = write_config(tmp_path, [site_source(site, feeds=[site.url("/feed.rss")])])
    crawl_in_process(config)
    copy = site.republish(3, near=near)

    summary = crawl_in_process(config)

    rows = dict(query(database(config), "SELECT url, id FROM articles"))
    links = dict(query(database(config), "SELECT url, duplicate_of FROM articles"))
    assert links[site.url(copy)] == rows[site.url(site.article_paths[3])]
    hashes = dict(query(database(config), "SELECT url, content_hash FROM articles"))
    # The near copy lacks a paragraph: only the fingerprint can link it.
    assert (hashes[site.url(copy)] != hashes[site.url(site.article_paths[3])]) == near
    assert summary["duplicates"] == 1
    assert sum(1 for value in links.values() if value is not None) == 1


# -- discovery rules ---------------------------------------------------------------


def test_max_age_skips_old_feed_and_sitemap_items_before_any_fetch(tmp_path: Path,
                                                                   site: LocalSite) -> None:
    # Article n was published n minutes ago; keep the last ten and a half minutes.
    source = {"name": "dated", "feeds": [site.url("/feed.rss"), site.url("/feed.atom")],
              "sitemaps": [site.url("/sitemap_index.xml")], "max_age": 630}
    config = write_config(tmp_path, [source])

    summary = crawl_in_process(config, "dated")

    dated = [a for a in site.articles if a.channel != "section"]
    fresh = {site.url(a.path) for a in dated if a.number <= 10}
    assert set(stored_urls(database(config))) == fresh
    stale = [a.path for a in [*dated, *site.old] if a.number > 10]
    assert {path: site.count(path) for path in stale} == dict.fromkeys(stale, 0)
    assert summary["skipped_age"] == len(stale)


def test_an_item_a_feed_dates_too_old_is_skipped_though_a_section_links_it(
        tmp_path: Path) -> None:
    with LocalSite(5, section_lists_old=True) as site:
        config = write_config(tmp_path, [site_source(site)])

        summary = crawl_in_process(config)

    # The section page links the first old item without a date; the feed dates it.
    assert site.count(site.old[0].path) == 0
    assert summary["skipped_age"] == len(site.old)


def test_an_undated_link_is_fetched_but_not_kept_when_its_page_is_too_old(
        tmp_path: Path) -> None:
    with LocalSite(5, section_lists_old=True) as site:
        # only the section page, which gives no dates: the page's own date decides
        config = write_config(tmp_path, [{"name": "local", "sections": [site.url("/news/")]}])

        summary = crawl_in_process(config)

    old = site.url(site.old[0].path)
    assert site.count(site.old[0].path) == 1
    assert old not in stored_urls(database(config))
    assert summary["skipped_age"] == 1
    assert query(database(config), "SELECT state FROM urls WHERE url = ?", (old,)) == [
        ("skipped",)]


def test_include_and_exclude_patterns_filter_before_any_fetch(tmp_path: Path,
                                                              site: LocalSite) -> None:
    include, exclude = r"[02468]\.html$", r"-1\d\.html$"
    config = write_config(tmp_path, [site_source(site, include=[include], exclude=[exclude])])

    summary = crawl_in_process(config)

    wanted = {url for url in article_urls(site)
              if re.search(include, url) and not re.search(exclude, url)}
    assert wanted == {site.url(a.path) for a in site.articles if a.number in (0, 2, 4, 6, 8)}
    assert set(stored_urls(database(config))) == wanted
    unwanted = [p for p in site.article_paths if site.url(p) not in wanted]
    assert {path: site.count(path) for path in unwanted} == dict.fromkeys(unwanted, 0)
    listed = article_urls(site) | {site.url(a.path) for a in site.old} | {site.url(DISALLOWED)}
    assert summary["skipped_filter"] == len(
        {url for url in listed if not re.search(include, url) or re.search(exclude, url)})
    assert site.count(DISALLOWED) == 0


# -- the other verbs ---------------------------------------------------------------------


def test_sources_lists_each_source_with_its_last_run(site: LocalSite, config: Path) -> None:
    def listed() -> dict[str, Any]:
        result = run_crawl(config, "sources", "--format", "json")
        assert result.returncode == 0, result.stderr
        (row,) = [json.loads(line) for line in result.stdout.splitlines()]
        return row

    before = listed()
    assert (before["name"], before["last_run"], before["next_due"]) == ("local", "never", "now")
    assert "home" in before["discovery"] and "1 sections" in before["discovery"]

    summary_of(run_crawl(config, "run", "--format", "json"))

    after = listed()
    assert after["last_run"] != "never" and after["next_due"] not in ("now", "")
    assert after["next_due"] > after["last_run"]


def test_discover_lists_what_a_run_would_fetch_and_fetches_no_article(site: LocalSite,
                                                                      config: Path) -> None:
    result = run_crawl(config, "discover", "local", "--format", "json")

    assert result.returncode == 0, result.stderr
    rows = {row["url"]: row["status"] for row in map(json.loads, result.stdout.splitlines())}
    assert rows == {**dict.fromkeys(article_urls(site), "new"), site.url(DISALLOWED): "new",
                    **{site.url(a.path): "skipped: age" for a in site.old}}
    assert not {path for path in site.counts() if path in site.article_paths}

    # Looking must not use up what the next run would find.
    summary = summary_of(run_crawl(config, "run", "--format", "json"))
    assert summary["new"] == ARTICLES
    assert set(stored_urls(database(config))) == article_urls(site)


# -- one run at a time ---------------------------------------------------------------------


def test_a_second_run_on_the_same_database_stops_at_once(tmp_path: Path) -> None:
    with LocalSite(8, delay=1.5) as slow_site:  # 12 s of crawl: room for a slow start
        config = write_config(tmp_path, [site_source(slow_site)], concurrency=1,
                              per_host_concurrency=1)
        first = subprocess.Popen([str(CRAWL), "--config", str(config), "run"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while not any(p in slow_site.counts() for p in slow_site.article_paths):
                assert time.monotonic() < deadline and first.poll() is None
                time.sleep(0.05)
            started = time.monotonic()
            second = run_crawl(config, "run", "--source", "local", timeout=30)
            took = time.monotonic() - started
        finally:
            first.send_signal(signal.SIGTERM)
            first.wait(timeout=30)

    assert second.returncode == 75  # already running: EX_TEMPFAIL
    assert took < 10
    assert "another `crawl run`" in second.stderr and f"pid {first.pid}" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1, second.stderr
    assert first.returncode == 143, "stopped by its SIGTERM"
