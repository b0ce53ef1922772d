"""The frontier on a real SQLite file: states, retries, feed state, and SIGKILL."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cleaners.article import Article
from scraper.crawl.discover import Discovered
from scraper.crawl.frontier import MAX_BACKOFF, Frontier, retry_delay
from scraper.store.database import Store

SITE = "https://news.example.com"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    Store(path).close()  # the store's own schema: urls and feeds tables, WAL
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as store:
        yield store


@pytest.fixture
def frontier(store: Store) -> Frontier:
    return Frontier(store.db)


def items(*paths: str, published: str | None = None) -> list[Discovered]:
    return [Discovered(f"{SITE}{p}", published, None, "feed", f"{SITE}/feed") for p in paths]


def article(store: Store, url: str) -> int:
    """A real stored article, for the urls.article_id foreign key."""
    saved = store.save_article(Article(url=url, text=f"The story told at {url}."), url=url,
                               page_id=None, source="news", fetched_at=iso(NOW))
    return saved.id


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


NOW = datetime.now(UTC)


def test_add_queues_only_new_urls(frontier: Frontier) -> None:
    assert frontier.add(items("/a", "/b", "/a"), "news") == 2
    assert frontier.add(items("/b", "/c"), "news") == 1
    assert frontier.add([], "news") == 0
    assert frontier.counts() == {"queued": 3, "in_flight": 0, "fetched": 0, "done": 0,
                                 "failed": 0, "skipped": 0}


def test_claim_takes_the_oldest_due_and_marks_them_in_flight(frontier: Frontier) -> None:
    frontier.add(items("/1", "/2"), "news")
    frontier.add(items("/3"), "other")
    first = frontier.claim(2, iso(NOW))
    assert [(c.url, c.source, c.attempts) for c in first] == [
        (f"{SITE}/1", "news", 0), (f"{SITE}/2", "news", 0)]
    assert frontier.counts()["in_flight"] == 2
    assert frontier.claim(5, iso(NOW), sources=["news"]) == []
    assert [c.url for c in frontier.claim(5, iso(NOW))] == [f"{SITE}/3"]
    assert frontier.claim(0, iso(NOW)) == []


def test_finished_urls_are_never_queued_again(store: Store, frontier: Frontier) -> None:
    frontier.add(items("/done", "/failed", "/skipped"), "news")
    done, failed, skipped = frontier.claim(3, iso(NOW))
    article_id = article(store, done.url)
    frontier.done(done.url, article_id)
    frontier.failed(failed.url, "http-404", "HTTP 404", None)
    frontier.skip(skipped.url, "robots.txt disallows it")
    assert frontier.add(items("/done", "/failed", "/skipped"), "news") == 0
    assert frontier.claim(10, iso(NOW + timedelta(days=1))) == []
    rows = {r["url"].removeprefix(SITE): r for r in frontier.db["urls"].rows}
    assert (rows["/done"]["state"], rows["/done"]["article_id"]) == ("done", article_id)
    assert (rows["/failed"]["state"], rows["/failed"]["error_kind"]) == ("failed", "http-404")
    assert (rows["/skipped"]["state"], rows["/skipped"]["last_error"]) == (
        "skipped", "robots.txt disallows it")
    assert all(r["finished_at"] for r in rows.values())


def test_a_retry_waits_until_it_is_due(frontier: Frontier) -> None:
    frontier.add(items("/flaky"), "news")
    (claim,) = frontier.claim(1, iso(NOW))
    retry_at = iso(NOW + timedelta(seconds=30))
    frontier.failed(claim.url, "http-503", "HTTP 503", retry_at)
    assert frontier.counts()["queued"] == 1
    assert frontier.claim(1, iso(NOW + timedelta(seconds=29))) == []
    assert frontier.next_attempt_at() == retry_at
    (again,) = frontier.claim(1, iso(NOW + timedelta(seconds=30)))
    assert (again.url, again.attempts) == (claim.url, 1)
    frontier.done(again.url, None)
    row = frontier.db["urls"].get(claim.url)
    assert (row["attempts"], row["error_kind"], row["next_attempt_at"]) == (2, None, None)
    assert frontier.next_attempt_at() is None


def test_recover_requeues_what_was_in_flight(frontier: Frontier) -> None:
    frontier.add(items("/a", "/b", "/c"), "news")
    a, b = frontier.claim(2, iso(NOW))
    frontier.done(a.url, None)
    assert frontier.recover() == 1
    assert frontier.counts() == {"queued": 2, "in_flight": 0, "fetched": 0, "done": 1,
                                 "failed": 0, "skipped": 0}
    assert [c.url for c in frontier.claim(5, iso(NOW))] == [b.url, f"{SITE}/c"]


def test_a_fetched_url_survives_recover_and_waits_with_its_stored_page(
        store: Store, frontier: Frontier) -> None:
    frontier.add(items("/a", "/b"), "news")
    a, b = frontier.claim(2, iso(NOW))
    page_id = store.save_page(url=a.url, final_url=a.url, status=200, headers={},
                              body=b"<p>a</p>", fetched_at=iso(NOW))
    frontier.fetched(a.url, page_id)
    assert frontier.recover() == 1  # b, whose request was under way
    assert frontier.waiting() == [(a, page_id)]
    assert frontier.waiting(sources=["other"]) == []
    assert [c.url for c in frontier.claim(5, iso(NOW))] == [b.url]  # a is not fetched again
    frontier.done(a.url, None)
    assert frontier.waiting() == []
    assert frontier.db["urls"].get(a.url)["page_id"] is None


def test_a_fetched_url_whose_page_is_gone_is_queued_again(
        store: Store, frontier: Frontier) -> None:
    frontier.add(items("/a"), "news")
    (a,) = frontier.claim(1, iso(NOW))
    page_id = store.save_page(url=a.url, final_url=a.url, status=200, headers={},
                              body=b"<p>a</p>", fetched_at=iso(NOW))
    frontier.fetched(a.url, page_id)
    store.forget_page(page_id)  # kept: the URL still waits to be cleaned from it
    assert frontier.recover() == 0
    with store.transaction():  # gone all the same (a damaged or hand-edited file)
        store.conn.execute("DELETE FROM raw_pages WHERE id = ?", (page_id,))
    assert frontier.recover() == 1
    assert [c.url for c in frontier.claim(1, iso(NOW))] == [a.url]


def test_a_state_change_joins_the_callers_transaction(store: Store, frontier: Frontier) -> None:
    frontier.add(items("/a", "/b"), "news")
    a, b = frontier.claim(2, iso(NOW))
    with pytest.raises(RuntimeError), store.transaction():
        frontier.done(a.url, None)
        raise RuntimeError("the article could not be saved")
    with store.transaction():
        frontier.done(b.url, None)
    states = {r["url"]: r["state"] for r in store.db["urls"].rows}
    assert states == {a.url: "in_flight", b.url: "done"}  # rolled back together, committed together


def test_feed_state_round_trip_and_304(frontier: Frontier) -> None:
    url = f"{SITE}/feed.xml"
    assert frontier.feed_state(url) is None
    frontier.save_feed_state(url, "news", '"v1"', "Fri, 31 May 2024 10:00:00 GMT", 200)
    frontier.save_feed_state(url, "news", None, None, 304)
    state = frontier.feed_state(url)
    assert state is not None
    assert (state["etag"], state["last_modified"], state["last_status"]) == (
        '"v1"', "Fri, 31 May 2024 10:00:00 GMT", 304)
    frontier.save_feed_state(url, "news", '"v2"', None, 200)
    state = frontier.feed_state(url)
    assert state is not None and (state["etag"], state["last_modified"]) == ('"v2"', None)


def test_retry_delay_honours_retry_after_and_backs_off_with_jitter() -> None:
    rng = random.Random(3)
    assert retry_delay(1, base=2.0, retry_after=42.0, rng=rng) == 42.0
    assert retry_delay(5, base=2.0, retry_after=0.0, rng=rng) == 0.0
    for attempt in range(1, 6):
        ceiling = 2.0 * 2 ** (attempt - 1)
        delays = {retry_delay(attempt, base=2.0, retry_after=None, rng=rng) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 40  # jittered, not one value
    assert retry_delay(30, base=2.0, retry_after=None, rng=rng) <= MAX_BACKOFF


CHILD = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime
    from scraper.crawl.frontier import Frontier
    from scraper.store.database import Store
    frontier = Frontier(Store(sys.argv[1]).db)
    while claims := frontier.claim(5, datetime.now(UTC).isoformat()):
        for claim in claims:
            frontier.done(claim.url, None)
            print(claim.url, flush=True)  # after the commit: a printed URL is done on disk
""")


def test_sigkill_mid_crawl_loses_nothing_and_refetches_nothing(db_path: Path) -> None:
    with Store(db_path) as store:
        Frontier(store.db).add(items(*(f"/story-{i}" for i in range(3000))), "news")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], env=env,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    reported = [child.stdout.readline().strip() for _ in range(300)]
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    with Store(db_path) as store:
        frontier = Frontier(store.db)
        done = {r["url"] for r in store.db.query("SELECT url FROM urls WHERE state = 'done'")}
        assert set(reported) <= done  # every page reported finished stayed finished
        assert store.db["urls"].count == 3000  # no URL lost
        frontier.recover()
        counts = frontier.counts()
        assert counts["in_flight"] == 0 and counts["queued"] + counts["done"] == 3000
        resumed = {c.url for c in frontier.claim(5000, datetime.now(UTC).isoformat())}
        assert resumed.isdisjoint(done) and len(resumed) == 3000 - len(done)

