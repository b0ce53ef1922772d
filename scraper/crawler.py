"""One crawl of the configured sources: discover -> frontier -> fetch -> clean -> store.

The crawler owns no state of its own between runs: every URL's state lives in
the frontier tables, committed as it changes, so a crawl killed at any moment
(SIGKILL included) resumes where it stopped. Discovery pages (feeds,
sitemaps, section pages) are fetched conditionally, so a run against
unchanged sources costs a few 304s and stores nothing.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from . import discover as disc
from .config import Config, FetchConfig, Source
from .errors import BlockedURL, FetchError, HTTPStatusError, NetworkError
from .fetch import Fetcher, Page
from .frontier import Claim, Frontier, retry_delay
from .pipeline import clean_page, store_page
from .store import Store

MAX_SITEMAPS = 50
"""Child sitemaps read per source and run: a news site's index can list
thousands of yearly archives; the newest few hold what is new."""

RETRY_HORIZON = 60.0
"""A retry due later than this many seconds waits for the next run instead
of keeping this one alive."""

Report = Callable[[str, str], None]
"""Called with (url, outcome) as each page finishes, for progress display."""


@dataclass
class CrawlSummary:
    discovered: int = 0
    fetched: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    empty: int = 0
    not_modified: int = 0
    skipped_robots: int = 0
    skipped_age: int = 0
    skipped_filter: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    bytes: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"errors": dict(self.errors)}


@dataclass(frozen=True)
class Discovery:
    """What one source's discovery pages offered, before the frontier sees it."""

    source: Source
    items: list[disc.Discovered]
    skipped: list[tuple[disc.Discovered, str]]


def _retryable(error: FetchError) -> bool:
    if isinstance(error, HTTPStatusError):
        return error.status == 429 or error.status >= 500
    return isinstance(error, NetworkError) and error.kind != "redirect-loop"


def _now() -> datetime:
    return datetime.now(UTC)


class Crawler:
    def __init__(
        self,
        config: Config,
        store: Store,
        *,
        fetcher_for: Callable[[FetchConfig], Fetcher] = Fetcher,
        report: Report | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self.config = config
        self.store = store
        self.frontier = Frontier(store.db)
        self._fetcher_for = fetcher_for
        self._fetchers: dict[FetchConfig, Fetcher] = {}
        self._report = report or (lambda url, outcome: None)
        self._should_stop = should_stop
        self._rng = random.Random()

    def fetcher(self, source: Source) -> Fetcher:
        """One fetcher per distinct fetch setting: sources with overrides get their own."""
        settings = self.config.fetch_for(source)
        if settings not in self._fetchers:
            self._fetchers[settings] = self._fetcher_for(settings)
        return self._fetchers[settings]

    async def aclose(self) -> None:
        for fetcher in self._fetchers.values():
            await fetcher.aclose()

    # -- discovery -------------------------------------------------------------

    async def discover(self, source: Source, summary: CrawlSummary | None = None) -> Discovery:
        summary = summary or CrawlSummary()
        fetcher = self.fetcher(source)
        feeds, sitemaps, sections = list(source.feeds), list(source.sitemaps), list(source.sections)
        if source.home:
            sections.append(source.home)
            if not sitemaps:
                sitemaps = await self._sitemaps_of(fetcher, source.home)
        items: list[disc.Discovered] = []
        for url in sections:
            page = await self._discovery_page(fetcher, source, url, "html", summary)
            if page is not None:
                items += disc.parse_section(page.body, page.final_url)
                if url == source.home and not source.feeds:
                    feeds += disc.find_feeds(page.body, page.final_url)
        for url in dict.fromkeys(feeds):
            page = await self._discovery_page(fetcher, source, url, "feed", summary)
            if page is not None:
                items += disc.parse_feed(page.body, page.final_url)
        items += await self._read_sitemaps(fetcher, source, sitemaps, summary)
        kept, skipped = disc.filter_items(
            _unique(items), include=source.include, exclude=source.exclude,
            max_age=source.max_age if source.max_age is not None else self.config.max_age,
            now=_now())
        return Discovery(source, kept, skipped)

    async def _sitemaps_of(self, fetcher: Fetcher, home: str) -> list[str]:
        try:
            return await fetcher.robots_sitemaps(home)
        except FetchError:
            return []

    async def _read_sitemaps(self, fetcher: Fetcher, source: Source, urls: list[str],
                             summary: CrawlSummary) -> list[disc.Discovered]:
        queue, seen, found = list(urls), set[str](), list[disc.Discovered]()
        while queue and len(seen) < MAX_SITEMAPS:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            page = await self._discovery_page(fetcher, source, url, "feed", summary)
            if page is not None:
                result = disc.parse_sitemap(page.body, page.final_url)
                found += result.urls
                queue += result.sitemaps
        return found

    async def _discovery_page(self, fetcher: Fetcher, source: Source, url: str, expect: str,
                              summary: CrawlSummary) -> Page | None:
        """A feed, sitemap or section page, fetched conditionally; None when
        unchanged since last time or failed (the failure is counted)."""
        state = self.frontier.feed_state(url) or {}
        configured = url in (source.home, *source.feeds, *source.sitemaps, *source.sections)
        try:
            page = await fetcher.fetch(url, user_given=configured, expect=expect,  # type: ignore[arg-type]
                                       etag=state.get("etag"),
                                       last_modified=state.get("last_modified"))
        except FetchError as error:
            summary.errors[f"discovery:{error.kind}"] += 1
            self._report(url, f"error: {error.reason}")
            return None
        self.frontier.save_feed_state(url, source.name, page.etag, page.last_modified,
                                      page.status)
        summary.bytes += len(page.body)
        if page.not_modified:
            summary.not_modified += 1
            return None
        return page

    # -- the crawl ---------------------------------------------------------------

    async def run(self, sources: Sequence[Source], *, limit: int | None = None) -> CrawlSummary:
        summary = CrawlSummary()
        started = time.monotonic()
        self.frontier.recover()
        by_name = {s.name: s for s in sources}
        for discovery in await asyncio.gather(*(self.discover(s, summary) for s in sources)):
            summary.discovered += self.frontier.add(discovery.items, discovery.source.name)
            for _, reason in discovery.skipped:
                if reason == "age":
                    summary.skipped_age += 1
                else:
                    summary.skipped_filter += 1
        await self._fetch_queued(by_name, summary, limit)
        summary.seconds = round(time.monotonic() - started, 3)
        return summary

    async def _fetch_queued(self, sources: dict[str, Source], summary: CrawlSummary,
                            limit: int | None) -> None:
        slots = asyncio.Semaphore(self.config.fetch.concurrency)
        pending: set[asyncio.Task[None]] = set()
        budget = limit if limit is not None else float("inf")
        while not self._should_stop():
            room = min(self.config.fetch.concurrency - len(pending), budget)
            claims = self.frontier.claim(int(room), _now().isoformat(),
                                         sources=list(sources)) if room > 0 else []
            budget -= len(claims)
            for claim in claims:
                task = asyncio.create_task(self._crawl_one(claim, sources[claim.source],
                                                           slots, summary))
                pending.add(task)
                task.add_done_callback(pending.discard)
            if pending:
                await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                continue
            if budget <= 0:
                break
            wait = self._seconds_to_next_retry(list(sources))
            if wait is None or wait > RETRY_HORIZON:
                break
            await asyncio.sleep(max(wait, 0.05))
        if pending:  # stopping: let the pages in flight finish and be recorded
            await asyncio.wait(pending)

    def _seconds_to_next_retry(self, sources: list[str]) -> float | None:
        due = self.frontier.next_attempt_at(sources=sources)
        if due is None:
            return None
        return (datetime.fromisoformat(due) - _now()).total_seconds()

    async def _crawl_one(self, claim: Claim, source: Source, slots: asyncio.Semaphore,
                         summary: CrawlSummary) -> None:
        async with slots:
            try:
                page = await self.fetcher(source).fetch(claim.url)
            except FetchError as error:
                self._record_failure(claim, error, summary)
                return
        summary.fetched += 1
        summary.bytes += len(page.body)
        article = clean_page(page, self.config.clean, source.clean)
        stored = store_page(self.store, page, article, source=source.name,
                            frontier=self.frontier, claimed_url=claim.url)
        outcome = stored.outcome
        if stored.duplicate_of is not None:
            summary.duplicates += 1
            outcome = "duplicate"
        elif outcome in ("new", "updated", "unchanged", "empty"):
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        self._report(claim.url, outcome)

    def _record_failure(self, claim: Claim, error: FetchError, summary: CrawlSummary) -> None:
        if isinstance(error, BlockedURL):
            self.frontier.skip(claim.url, error.reason)
            summary.skipped_robots += "robots" in error.kind
            summary.errors[error.kind] += "robots" not in error.kind
            self._report(claim.url, f"skipped: {error.reason}")
            return
        summary.errors[error.kind] += 1
        retry_at = None
        if _retryable(error) and claim.attempts + 1 < self.config.fetch.max_attempts:
            delay = retry_delay(claim.attempts + 1, base=self.config.fetch.backoff,
                                retry_after=getattr(error, "retry_after", None), rng=self._rng)
            retry_at = (_now() + timedelta(seconds=delay)).isoformat()
        self.frontier.failed(claim.url, error.kind, error.reason, retry_at)
        self._report(claim.url, f"error: {error.reason}" + (" (will retry)" if retry_at else ""))


def _unique(items: list[disc.Discovered]) -> list[disc.Discovered]:
    """First sighting of each URL wins, in discovery order."""
    first: dict[str, disc.Discovered] = {}
    for item in items:
        first.setdefault(item.url, item)
    return list(first.values())
