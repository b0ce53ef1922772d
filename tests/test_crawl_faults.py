"""``crawl run`` against a host that misbehaves every way the web does, next to a healthy one.

One crawl, shared by the tests below: the healthy site (its own origin on
127.0.0.1) and the fault site (``tests.localsite.FAULTS``, listed by a
sitemap) are crawled together with small timeouts. The crawl must end within
a bounded time, record each failure with its kind in the frontier, retry
what may pass (honouring Retry-After), give up after ``max_attempts``, and
still store every healthy article without waiting on the broken host.
"""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.localsite import (
    BENCH_PAGES,
    FAULTS,
    LocalSite,
    query,
    run_crawl,
    site_source,
    stored_urls,
    templates,
    write_config,
)

pytestmark = pytest.mark.skipif(not templates(), reason=f"no benchmark pages in {BENCH_PAGES}")

MAX_ATTEMPTS = 3
READ_TIMEOUT = 0.5
TOTAL_TIMEOUT = READ_TIMEOUT + 4 * READ_TIMEOUT  # the fetcher's cap: connect + 4 x read
RETRY_AFTER = 1.0  # what the fault site's 429 and 503 ask for

BOUND = MAX_ATTEMPTS * (TOTAL_TIMEOUT + RETRY_AFTER) + 15
"""Seconds the whole crawl may take: every retry of the slowest fault, plus
start-up and the healthy site, with room for a loaded machine."""

# kind -> (final state, error kind in the frontier, tries), None where not pinned.
EXPECTED: dict[str, tuple[str, str | None, int | None]] = {
    "retry-after-429": ("done", None, 3),       # two 429s, then the page
    "unavailable-503": ("done", None, 2),       # one 503, then the page
    "storm-503": ("failed", "http-503", MAX_ATTEMPTS),
    "slow": ("failed", "timeout", MAX_ATTEMPTS),
    "reset": ("failed", "reset", MAX_ATTEMPTS),
    "redirect-loop": ("failed", "redirect-loop", 1),  # permanent: not retried
    "redirect-chain": ("done", None, 1),
    "pdf": ("failed", "not-html", 1),
    "endless": ("failed", "too-large", 1),
    "huge": ("failed", "too-large", 1),
    "broken-gzip": ("failed", "bad-encoding", None),
    "truncated-gzip": ("failed", "bad-encoding", None),  # half a page is not the page
    "drip": ("failed", "timeout", MAX_ATTEMPTS),
    "empty": ("done", None, 1),
    "wrong-charset": ("done", None, 1),
    "not-found": ("failed", "http-404", 1),
}


@dataclass
class FaultRun:
    healthy: LocalSite
    faulty: LocalSite
    config: Path
    summary: dict[str, Any]
    seconds: float
    rows: dict[str, tuple[str, str | None, int, str | None]]  # fault kind -> frontier row

    @property
    def database(self) -> Path:
        return self.config.parent / "news.db"


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    with LocalSite(10) as healthy, \
            LocalSite(0, faults=True, old_items=0, slow_seconds=TOTAL_TIMEOUT + 1,
                      drip_seconds=0.2) as faulty:
        directory = tmp_path_factory.mktemp("faults")
        config = write_config(
            directory,
            [site_source(healthy),
             {"name": "faults", "sitemaps": [faulty.url("/faults-sitemap.xml")]}],
            connect_timeout=READ_TIMEOUT, read_timeout=READ_TIMEOUT,
            max_attempts=MAX_ATTEMPTS, max_redirects=4)
        started = time.monotonic()
        result = run_crawl(config, "run", "--format", "json", timeout=BOUND * 2)
        seconds = time.monotonic() - started
        assert result.returncode == 1, result.stderr  # some URLs failed for good
        rows = {}
        for url, state, error_kind, attempts, last_error in query(
                directory / "news.db",
                "SELECT url, state, error_kind, attempts, last_error FROM urls WHERE url LIKE ?",
                (faulty.base + "%",)):
            kind = url.removeprefix(faulty.url("/2026/11/27/fault-")).removesuffix(".html")
            rows[kind] = (state, error_kind, attempts, last_error)
        yield FaultRun(healthy, faulty, config, json.loads(result.stdout), seconds, rows)


def test_the_crawl_ends_within_a_bounded_time(fault_run: FaultRun) -> None:
    assert fault_run.seconds < BOUND
    assert set(fault_run.rows) == set(FAULTS)
    assert not [kind for kind, row in fault_run.rows.items() if row[0] in ("queued", "in_flight")]


@pytest.mark.parametrize("kind", FAULTS)
def test_each_fault_ends_in_the_right_state_with_its_kind(fault_run: FaultRun, kind: str) -> None:
    state, error_kind, attempts, last_error = fault_run.rows[kind]
    want_state, want_kind, want_attempts = EXPECTED[kind]
    assert (state, error_kind) == (want_state, want_kind), last_error
    assert attempts <= MAX_ATTEMPTS
    if want_attempts is not None:
        assert attempts == want_attempts
    if state == "failed":
        assert last_error


def test_every_healthy_article_is_stored_once_without_waiting_on_the_broken_host(
        fault_run: FaultRun) -> None:
    healthy = fault_run.healthy
    stored = stored_urls(fault_run.database)
    assert {url: n for url, n in stored.items() if url.startswith(healthy.base)} == \
        {healthy.url(path): 1 for path in healthy.article_paths}
    fetches = [hit.at for hit in healthy.hits if hit.path in healthy.article_paths]
    assert max(fetches) - min(fetches) < 5  # a few timeouts' worth at most, not every retry
    assert max(fetches) < max(hit.at for hit in fault_run.faulty.hits)


RETRIED = ["retry-after-429", "unavailable-503", "storm-503"]


def retry_gaps(fault_run: FaultRun, kind: str) -> list[float]:
    arrivals = [hit.at for hit in fault_run.faulty.requests(fault_run.faulty.fault_path(kind))]
    return [later - earlier for earlier, later in itertools.pairwise(arrivals)]


@pytest.mark.parametrize("kind", RETRIED)
def test_retries_wait_as_long_as_retry_after_asks(fault_run: FaultRun, kind: str) -> None:
    gaps = retry_gaps(fault_run, kind)
    assert gaps and min(gaps) >= RETRY_AFTER - 0.05, gaps


def test_what_the_faults_served_is_stored_only_when_it_is_a_whole_page(
        fault_run: FaultRun) -> None:
    faulty = fault_run.faulty
    texts = dict(query(fault_run.database, "SELECT url, text FROM articles WHERE url LIKE ?",
                       (faulty.base + "%",)))
    expected = {faulty.url(faulty.fault_path(k)) for k in
                ("retry-after-429", "unavailable-503", "wrong-charset")}
    expected.add(faulty.url(faulty.fault_path("redirect-chain-3")))  # stored at the final URL
    assert set(texts) == expected
    charset_text = texts[faulty.url(faulty.fault_path("wrong-charset"))]
    assert "’" in charset_text and "â€" not in charset_text  # UTF-8 read as UTF-8


def test_the_summary_counts_errors_by_kind(fault_run: FaultRun) -> None:
    errors = fault_run.summary["errors"]
    kinds = {kind for _, kind, _ in EXPECTED.values() if kind}
    assert kinds <= set(errors)
    assert errors["http-429"] == 2
    assert errors["http-503"] == 1 + MAX_ATTEMPTS
    assert all(n > 0 for n in errors.values()), errors
    assert fault_run.summary["empty"] == 1


# -- hostile discovery pages: one bad link, redirect or feed costs itself, not the run -------

MALFORMED_LINK = "http://[::1/2026/12/01/story-two-long-slug.html"  # an unclosed IPv6 bracket
GOOD_ARTICLE = "/2026/12/01/story-one-long-slug-here.html"
MOVED_ARTICLE = "/2026/12/01/story-three-moved-to-a-bad-host.html"
BAD_HOST = "http://xn--/a"  # an empty A-label: no request can be built for it
JUNK = {
    "random": random.Random(7).randbytes(2000),
    "nul": b"\x00" * 64,
    "empty": b"",
    "blank": b" \r\n\t\n",
}
"""Bodies a feed or sitemap URL answers 200 with, that list nothing because they are nothing."""


@dataclass
class HostileRun:
    server: HTTPServer
    result: subprocess.CompletedProcess[str]
    database: Path

    def failures(self, source: str) -> int:
        ((failures,),) = query(self.database, "SELECT failures FROM sources_state WHERE name = ?",
                               (source,))
        return int(failures)

    def problem(self, source: str, stage: str, path: str) -> str:
        """The one stderr line about the discovery page at ``path``."""
        start = f"crawl: error: {source}: {stage} {self.server.url_for(path)}: "
        (line,) = [ln for ln in self.result.stderr.splitlines() if ln.startswith(start)]
        return line.removeprefix(start)


def _redirect_to_bad_host(request: Request) -> Response:
    return Response(status=302, headers={"Location": BAD_HOST})


@pytest.fixture(scope="module")
def hostile_run(make_httpserver: HTTPServer, bench_pages: Any,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileRun]:
    server = make_httpserver
    server.clear()
    server.no_handler_status_code = 404
    section = f'<a href="{MALFORMED_LINK}">bad</a><a href="{GOOD_ARTICLE}">good</a>' \
              f'<a href="{MOVED_ARTICLE}">moved</a>'
    server.expect_request("/news/").respond_with_data(section, content_type="text/html")
    server.expect_request(GOOD_ARTICLE).respond_with_data(bench_pages[0].html,
                                                          content_type="text/html")
    server.expect_request(MOVED_ARTICLE).respond_with_handler(_redirect_to_bad_host)
    server.expect_request("/moved-feed.xml").respond_with_handler(_redirect_to_bad_host)
    sources: list[dict[str, Any]] = [
        {"name": "links", "sections": [server.url_for("/news/")]},
        {"name": "moved", "feeds": [server.url_for("/moved-feed.xml")]},
    ]
    for name, body in JUNK.items():
        for path in (f"/junk/{name}-feed.xml", f"/junk/{name}-sitemap.xml"):
            server.expect_request(path).respond_with_data(body, content_type="application/xml")
        sources.append({"name": f"junk-{name}", "feeds": [server.url_for(f"/junk/{name}-feed.xml")],
                        "sitemaps": [server.url_for(f"/junk/{name}-sitemap.xml")]})
    directory = tmp_path_factory.mktemp("hostile")
    config = write_config(directory, sources, max_attempts=1)
    result = run_crawl(config, "run", "--format", "json")
    yield HostileRun(server, result, directory / "news.db")
    server.clear()


def test_a_hostile_source_never_breaks_the_run(hostile_run: HostileRun) -> None:
    result = hostile_run.result
    assert result.returncode == 1, result.stderr  # the problems below are failures
    assert "Traceback" not in result.stderr, result.stderr
    ((status,),) = query(hostile_run.database, "SELECT status FROM crawl_runs")
    assert status == "done"


def test_a_malformed_link_is_skipped_and_the_page_s_other_links_crawled(
        hostile_run: HostileRun) -> None:
    assert stored_urls(hostile_run.database) == {hostile_run.server.url_for(GOOD_ARTICLE): 1}
    assert hostile_run.failures("links") == 0
    urls = {url for (url,) in query(hostile_run.database, "SELECT url FROM urls")}
    assert not [url for url in urls if "story-two" in url]


def test_a_redirect_to_a_malformed_host_fails_that_fetch_as_an_invalid_url(
        hostile_run: HostileRun) -> None:
    ((state, kind),) = query(hostile_run.database, "SELECT state, error_kind FROM urls WHERE "
                             "url = ?", (hostile_run.server.url_for(MOVED_ARTICLE),))
    assert (state, kind) == ("failed", "invalid-url")
    assert hostile_run.problem("moved", "feed", "/moved-feed.xml").startswith(
        "redirected to an invalid URL")
    assert hostile_run.failures("moved") == 1  # backs off like any source that found nothing


@pytest.mark.parametrize("name", JUNK)
def test_a_junk_feed_or_sitemap_is_a_problem_and_its_source_backs_off(
        hostile_run: HostileRun, name: str) -> None:
    source = f"junk-{name}"
    for stage in ("feed", "sitemap"):
        assert hostile_run.problem(source, stage, f"/junk/{name}-{stage}.xml").endswith(
            "not a feed or sitemap")
    assert hostile_run.failures(source) == 1
