"""SIGKILL a ``crawl run`` at random moments, restart it, and check nothing was lost or redone.

What "nothing fetched twice but the requests under way" allows: a URL's
state is committed as ``in_flight`` before its request, as ``fetched`` with
its page when the response arrives, and as ``done`` together with its
article. Only an ``in_flight`` URL at a kill is fetched again. The test
snapshots the frontier at every kill and asserts exactly that: every extra
request for an article is explained by that URL being ``in_flight`` at a
kill, and no URL ``fetched`` or ``done`` at a kill is ever requested afterwards.

CI kills 3 times; ``CRAWL_KILLS=20 pytest tests/test_crawl_kill.py`` is the
full proof (``CRAWL_KILL_SEED`` replays a run).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from scraper.crawl.crawler import CLEAN_WORKERS
from tests.localsite import (
    BENCH_PAGES,
    CRAWL,
    DISALLOWED,
    LocalSite,
    descendants,
    query,
    run_crawl,
    site_source,
    stored_urls,
    templates,
    write_config,
)
from tests.test_clean_limits import SLOW_PAGE
from tests.test_crawl_waits import PAGE, serve_sitemap

pytestmark = pytest.mark.skipif(not templates(), reason=f"no benchmark pages in {BENCH_PAGES}")

KILLS = int(os.environ.get("CRAWL_KILLS", "3"))
SEED = int(os.environ.get("CRAWL_KILL_SEED", str(time.time_ns() % 1_000_000)))
PAGES = min(160, max(60, 6 * KILLS))  # enough pages that kills spread over the crawl
CONCURRENCY = 4


@dataclass(frozen=True)
class Snapshot:
    """The frontier and the site's request counts at one kill."""

    states: dict[str, str]
    requests: dict[str, int]


def start(config: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as stderr:  # the child keeps its own copy of the descriptor
        return subprocess.Popen([str(CRAWL), "--config", str(config), "run", "--source", "local"],
                                stdout=subprocess.DEVNULL, stderr=stderr)


def wait_for(site: LocalSite, crawl: subprocess.Popen[bytes], target: int, *,
             articles_only: bool) -> bool:
    """Wait until the site has seen ``target`` requests (for articles only, or any);
    False if the crawl ended first."""
    deadline = time.monotonic() + 60
    while _requests(site, articles_only) < target:
        if crawl.poll() is not None:
            return False
        assert time.monotonic() < deadline, "the crawl stopped making requests"
        time.sleep(0.005)
    return True


def _requests(site: LocalSite, articles_only: bool) -> int:
    if not articles_only:
        return site.total()
    counts = site.counts()
    return sum(counts.get(path, 0) for path in site.article_paths)


def wait_gone(pids: set[int], seconds: float = 5.0) -> set[int]:
    """Those of ``pids`` still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    while (alive := {pid for pid in pids if _running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing


def frontier_states(database: Path) -> dict[str, str]:
    return dict(query(database, "SELECT url, state FROM urls"))


def test_sigkill_at_random_moments_loses_nothing_and_redoes_nothing_finished(
        tmp_path: Path) -> None:
    rng = random.Random(SEED)
    with LocalSite(PAGES, delay=0.05) as site:
        config = write_config(tmp_path, [site_source(site)], concurrency=CONCURRENCY,
                              per_host_concurrency=CONCURRENCY)
        database = tmp_path / "news.db"
        log = tmp_path / "crawl.log"
        snapshots: list[Snapshot] = []
        discovery_kills = 0
        # Kill points spread over the whole crawl, counted in article requests; about
        # one in five lands in a restart's discovery instead (robots.txt, feeds, sitemaps).
        for target in sorted(rng.sample(range(1, PAGES), KILLS)):
            crawl = start(config, log)
            in_discovery = rng.random() < 0.2
            if in_discovery:
                reached = wait_for(site, crawl, site.total() + rng.randint(1, 8),
                                   articles_only=False)
            else:
                reached = wait_for(site, crawl, target, articles_only=True)
            time.sleep(rng.uniform(0, 0.05))
            if not reached or crawl.poll() is not None:
                crawl.wait()
                break
            helpers = descendants(crawl.pid)
            crawl.send_signal(signal.SIGKILL)
            assert crawl.wait(timeout=10) == -signal.SIGKILL
            # Nothing the crawl started may outlive it (worker processes, servers...).
            assert not wait_gone(helpers), f"left running after kill -9: {helpers}"
            snapshots.append(Snapshot(frontier_states(database), site.counts()))
            discovery_kills += in_discovery
        final = run_crawl(config, "run", "--source", "local")
        assert final.returncode == 0, final.stderr
        requests = site.counts()
        articles = {site.url(path): path for path in site.article_paths}

    context = f"seed {SEED}, {len(snapshots)} kills; log {log}"
    assert len(snapshots) == KILLS, f"the crawl finished before every kill ({context})"
    assert query(database, "PRAGMA integrity_check") == [("ok",)]
    # Every article stored exactly once, nothing else stored.
    assert stored_urls(database) == Counter(dict.fromkeys(articles, 1)), context
    # Nothing discovered was lost: every URL is in the frontier and finished.
    assert frontier_states(database) == {**dict.fromkeys(articles, "done"),
                                         site.url(DISALLOWED): "skipped"}, context
    # No URL done at a kill was requested afterwards.
    for number, snapshot in enumerate(snapshots):
        for url, state in snapshot.states.items():
            if state in ("fetched", "done") and url in articles:
                path = articles[url]
                assert requests[path] == snapshot.requests[path], \
                    f"{path} was fetched again after kill {number} found it {state} ({context})"
    # Every repeat is a page in flight at a kill: never more than a kill's worth.
    for url, path in articles.items():
        in_flight = sum(1 for s in snapshots if s.states.get(url) == "in_flight")
        assert requests[path] <= 1 + in_flight, f"{path}: {requests[path]} requests ({context})"
    repeats = sum(requests[path] - 1 for path in articles.values())
    assert repeats <= KILLS * CONCURRENCY
    print(f"{KILLS} kills ({discovery_kills} in a restart's discovery), {PAGES} pages, "
          f"{repeats} fetched again while in flight at a kill; {context}")


def test_a_kill_during_discovery_loses_no_feed_item(tmp_path: Path) -> None:
    with LocalSite(10, channels=("rss", "sitemap")) as site:
        source = {"name": "local", "feeds": [site.url("/feed.rss")],
                  "sitemaps": [site.url("/sitemap_index.xml")]}
        config = write_config(tmp_path, [source])
        # The feed is read; the sitemap stalls; the kill comes before anything is queued.
        site.hold["/sitemap_index.xml"] = 30
        crawl = start(config, tmp_path / "crawl.log")
        try:
            assert _arrived(site, "/sitemap_index.xml", crawl)
        finally:
            crawl.send_signal(signal.SIGKILL)
            crawl.wait(timeout=10)
        assert site.count("/feed.rss") == 1
        site.hold.clear()

        result = run_crawl(config, "run", "--source", "local")

        assert result.returncode == 0, result.stderr
        assert set(stored_urls(tmp_path / "news.db")) == {site.url(p) for p in site.article_paths}


def _arrived(site: LocalSite, path: str, crawl: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 30
    while site.count(path) == 0:
        if crawl.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_pages_waiting_for_a_cleaner_at_a_kill_are_not_fetched_again(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    """Each cleaner is busy with a slow page while stories arrive and wait for one;
    the kill comes then. A page is committed as it arrives (``fetched``), so the
    next run cleans the waiting ones from the store: no page is requested twice."""
    slow = [f"/slow-{n}.html" for n in range(CLEAN_WORKERS)]
    stories = [f"/story-{n}.html" for n in range(6)]
    for path in slow:
        httpserver.expect_request(path).respond_with_data(SLOW_PAGE, content_type="text/html")
    for n, path in enumerate(stories):
        httpserver.expect_request(path).respond_with_data(PAGE.format(n=n),
                                                          content_type="text/html")
    concurrency = CLEAN_WORKERS + 3  # room for three stories beside the slow pages
    config = write_config(tmp_path, [{"name": "local", "sitemaps": [
        serve_sitemap(httpserver, [*slow, *stories])]}], max_bytes=10_000_000,
        concurrency=concurrency, per_host_concurrency=concurrency)
    base = config.read_text()
    config.write_text(base + "clean:\n  timeout: 60s\n")
    database = tmp_path / "news.db"

    crawl = start(config, tmp_path / "crawl.log")
    try:
        deadline = time.monotonic() + 60
        while not set(slow) <= set(_paths_requested(httpserver)):
            assert crawl.poll() is None and time.monotonic() < deadline, "slow pages not fetched"
            time.sleep(0.01)
        # Let the responses that arrived be committed (a request under way at the
        # kill may be repeated); a slow page takes seconds to clean.
        settle = time.monotonic() + 2
        while time.monotonic() < settle and any(
                state == "in_flight" for state in frontier_states(database).values()):
            time.sleep(0.01)
        at_kill = frontier_states(database)
        requested = Counter(_paths_requested(httpserver))
    finally:
        crawl.send_signal(signal.SIGKILL)
        crawl.wait(timeout=10)
    waiting = [p for p in stories if requested[p] and at_kill[httpserver.url_for(p)] != "done"]
    assert waiting, f"no story was waiting for a cleaner at the kill: {at_kill}"

    config.write_text(base + "clean:\n  timeout: 1s\n")  # the slow pages fail fast now
    result = run_crawl(config, "run", timeout=120)

    assert result.returncode == 1, result.stderr  # the slow pages failed
    assert f"cleaner-timeout {len(slow)}" in result.stderr
    assert Counter(_paths_requested(httpserver)) == Counter(dict.fromkeys([*slow, *stories], 1))
    assert frontier_states(database) == {**{httpserver.url_for(p): "failed" for p in slow},
                                         **{httpserver.url_for(p): "done" for p in stories}}
    assert query(database, "SELECT count(*) FROM raw_pages WHERE id NOT IN"
                 " (SELECT page_id FROM articles WHERE page_id IS NOT NULL)") == [(0,)]


def _paths_requested(server: HTTPServer) -> list[str]:
    """The article pages requested so far, once per request."""
    return [request.path for request, _ in server.log
            if request.path.startswith(("/slow-", "/story-"))]
