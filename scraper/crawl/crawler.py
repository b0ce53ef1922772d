"""One crawl of the configured sources: discover -> frontier -> fetch -> clean -> store.

The crawler owns no state of its own between runs: every URL's state lives in
the frontier tables, committed as it changes, so a crawl killed at any moment
(SIGKILL included) resumes where it stopped. A page is committed as soon as
it arrives, before it waits for a cleaner: a kill repeats at most the
requests under way, and the next run cleans the rest from the store. Discovery pages (feeds,
sitemaps, section pages) are fetched conditionally, so a run against
unchanged sources costs a few 304s and stores nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import signal
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from ..config import Config, FetchConfig, Source
from ..errors import (
    BlockedURL,
    CleanError,
    CorruptRowError,
    FetchError,
    HTTPStatusError,
    NetworkError,
)
from ..fetch.fetcher import Expect, Fetcher, capped_wait
from ..page import Page
from ..stop import Stopper, abandon
from ..store.database import Store
from ..store.profiles import profile_for
from . import discover as disc
from .cleanpool import CleanerPool
from .frontier import Claim, Frontier, retry_delay
from .pipeline import clean_page_to_store, keep_fetched, store_page
from .reclean import page_of

MAX_SITEMAPS = 50
"""Child sitemaps read per source and run: a news site's index can list
thousands of yearly archives; the newest few hold what is new."""

CLEAN_WORKERS = max(1, (os.cpu_count() or 2) - 1)
"""Processes that clean pages: cleaning is pure Python under the GIL, so it
gets its own cores and the event loop keeps fetching and storing meanwhile."""

RETRY_HORIZON = 60.0
"""A retry due later than this many seconds waits for the next run instead
of keeping this one alive."""

log = logging.getLogger(__name__)

T = TypeVar("T")

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


@dataclass
class Validators:
    """A discovery page's ETag and Last-Modified, for the next conditional GET,
    and the feeds or sitemaps it named, which a 304 next time stands for."""

    url: str
    etag: str | None
    last_modified: str | None
    status: int
    children: list[str] | None = None


@dataclass
class Discovery:
    """What one source's discovery pages offered, before the frontier sees it.

    ``validators`` are saved only once the items are in the frontier: a run
    killed in between asks again unconditionally instead of losing the items,
    and ``crawl discover`` (which saves nothing) leaves the next run's view
    of the feeds untouched."""

    source: Source
    items: list[disc.Discovered] = field(default_factory=list)
    skipped: list[tuple[disc.Discovered, str]] = field(default_factory=list)
    validators: list[Validators] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """Found nothing, and some page could not be read: the source is broken, not quiet."""
        return bool(self.problems) and not self.items and not self.validators_unchanged

    @property
    def validators_unchanged(self) -> bool:
        return any(seen.status == 304 for seen in self.validators)


@dataclass(frozen=True)
class Problem:
    """A discovery page that could not be read, said for a person:
    ``feed https://example.com/rss: host not found``."""

    source: str
    stage: str  # "feed", "sitemap", "section page", "home page", "robots.txt"
    url: str
    cause: str

    def __str__(self) -> str:
        return f"{self.source}: {self.stage} {self.url}: {self.cause}"


def _retryable(error: FetchError | CleanError) -> bool:
    """Failures that may pass: overload, server errors, the network, and a
    robots.txt that could not be read (which forbids the host only for now)."""
    if isinstance(error, HTTPStatusError):
        return error.status == 429 or error.status >= 500
    if isinstance(error, BlockedURL):
        return error.kind == "robots-unavailable"
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
        stopper: Stopper | None = None,
        notice: Callable[[str], None] = lambda message: None,
        conditional: bool = True,
    ) -> None:
        self.config = config
        self.store = store
        self.frontier = Frontier(store.db)
        self._fetcher_for = fetcher_for
        self._fetchers: dict[FetchConfig, Fetcher] = {}
        self._report = report or (lambda url, outcome: None)
        self._conditional = conditional
        """Ask for discovery pages with their validators; off, every page is read whole
        (``crawl discover`` lists all a source offers, not only what changed)."""
        self._stopper = stopper
        self._notice = notice
        """Tells the operator what the crawl is doing about a signal, as it happens."""
        self._rng = random.Random()
        self._cleaners: CleanerPool | None = None
        self.discoveries: list[Discovery] = []
        """What the last ``run`` found per source, problems included."""

    def _cleaner_pool(self) -> CleanerPool:
        if self._cleaners is None:
            self._cleaners = CleanerPool(CLEAN_WORKERS, self.config.clean.timeout,
                                         initializer=_exit_with, initargs=(os.getpid(),))
        return self._cleaners

    def fetcher(self, source: Source) -> Fetcher:
        """One fetcher per distinct fetch setting: sources with overrides get their own."""
        settings = self.config.fetch_for(source)
        if settings not in self._fetchers:
            self._fetchers[settings] = self._fetcher_for(settings)
        return self._fetchers[settings]

    async def aclose(self) -> None:
        for fetcher in self._fetchers.values():
            await fetcher.aclose()
        if self._cleaners is not None:
            # close() kills a busy worker rather than wait for it: stopping on a
            # signal, a second Ctrl-C must not sit through the workers' shutdown.
            self._cleaners.close()

    # -- discovery -------------------------------------------------------------

    async def discover(self, source: Source, summary: CrawlSummary | None = None) -> Discovery:
        """Read the source's discovery pages; saves nothing (``run`` does)."""
        summary = summary or CrawlSummary()
        found = Discovery(source)
        fetcher = self.fetcher(source)
        feeds, sitemaps, sections = list(source.feeds), list(source.sitemaps), list(source.sections)
        if source.home:
            sections.append(source.home)
            if not sitemaps:
                sitemaps = await self._sitemaps_of(fetcher, source.home)
        items: list[disc.Discovered] = []
        for url in sections:
            stage = "home page" if url == source.home else "section page"
            page, seen = await self._discovery_page(fetcher, found, url, stage, summary)
            wants_feeds = url == source.home and not source.feeds
            if page is not None:
                items += await _parsed(disc.parse_section, page)
                if wants_feeds:
                    seen.children = await _parsed(disc.find_feeds, page)
            if wants_feeds:
                feeds += seen.children or []
        for url in dict.fromkeys(feeds):
            page, _ = await self._discovery_page(fetcher, found, url, "feed", summary)
            if page is not None:
                items += await _parsed(disc.parse_feed, page)
                if disc.looks_like_html(page.body):
                    self._problem(found, "feed", url, "is HTML, not a feed: did you mean "
                                  "`sections:` or `home:`?", summary, kind="not-a-feed")
        items += await self._read_sitemaps(fetcher, found, sitemaps, summary)
        found.items, found.skipped = disc.filter_items(
            _unique(items), include=source.include, exclude=source.exclude,
            max_age=source.max_age if source.max_age is not None else self.config.max_age,
            now=_now())
        log.info("%s: %d URLs discovered, %d filtered out, %d pages unreadable", source.name,
                 len(found.items), len(found.skipped), len(found.problems))
        return found

    async def _sitemaps_of(self, fetcher: Fetcher, home: str) -> list[str]:
        try:
            return await fetcher.robots_sitemaps(home, user_given=True)
        except FetchError:
            return []

    async def _read_sitemaps(self, fetcher: Fetcher, found: Discovery, urls: list[str],
                             summary: CrawlSummary) -> list[disc.Discovered]:
        queue, visited, listed = list(urls), set[str](), list[disc.Discovered]()
        while queue and len(visited) < MAX_SITEMAPS:
            url = queue.pop(0)
            if url in visited:
                continue
            visited.add(url)
            page, seen = await self._discovery_page(fetcher, found, url, "sitemap", summary)
            if page is not None:
                if disc.looks_like_html(page.body):
                    self._problem(found, "sitemap", url, "is HTML, not a sitemap: did you "
                                  "mean `sections:` or `home:`?", summary, kind="not-a-sitemap")
                    continue
                try:
                    result = await _parsed(disc.parse_sitemap, page)
                except FetchError as error:  # a gzip bomb or broken gzip: skip this one only
                    self._problem(found, "sitemap", url,
                                  disc.cause_in_words(error.kind, error.reason), summary,
                                  kind=error.kind)
                    continue
                listed += result.urls
                seen.children = result.sitemaps
            # An index that did not change still lists children that may have.
            queue += seen.children or []
        return listed

    def _problem(self, found: Discovery, stage: str, url: str, cause: str,
                 summary: CrawlSummary, *, kind: str) -> None:
        summary.errors[f"discovery:{kind}"] += 1
        found.problems.append(Problem(found.source.name, stage, url, cause))
        log.debug("%s %s: %s (%s)", stage, url, cause, kind)
        self._report(url, f"error: {cause}")

    async def _discovery_page(self, fetcher: Fetcher, found: Discovery, url: str, stage: str,
                              summary: CrawlSummary) -> tuple[Page | None, Validators]:
        """A feed, sitemap or section page, fetched conditionally. The page is None
        when unchanged since last time (the validators then carry the children it
        named last time) or when it failed (counted in the summary)."""
        source = found.source
        state = (self.frontier.feed_state(url) if self._conditional else None) or {}
        seen = Validators(url, state.get("etag"), state.get("last_modified"), 0,
                          state.get("children"))
        configured = url in (source.home, *source.feeds, *source.sitemaps, *source.sections)
        expect: Expect = "html" if stage.endswith("page") else "feed"
        try:
            page = await fetcher.fetch(url, user_given=configured, expect=expect,
                                       etag=seen.etag, last_modified=seen.last_modified)
        except FetchError as error:
            self._problem(found, stage, url, disc.cause_in_words(error.kind, error.reason),
                          summary, kind=error.kind)
            return None, seen
        summary.bytes += len(page.body)
        seen.status = page.status
        found.validators.append(seen)
        if page.not_modified:
            summary.not_modified += 1
            return None, seen
        seen.etag, seen.last_modified, seen.children = page.etag, page.last_modified, None
        return page, seen

    # -- the crawl ---------------------------------------------------------------

    async def run(self, sources: Sequence[Source], *, limit: int | None = None) -> CrawlSummary:
        summary = CrawlSummary()
        started = time.monotonic()
        self.frontier.recover()
        by_name = {s.name: s for s in sources}
        discoveries = await self._unless_stopped(
            asyncio.gather(*(self.discover(s, summary) for s in sources)))
        if discoveries is None:
            self._notice("stopping after 0 pages in flight (during discovery)")
            summary.seconds = round(time.monotonic() - started, 3)
            return summary
        self.discoveries = discoveries
        for discovery in discoveries:
            summary.discovered += self.frontier.add(discovery.items, discovery.source.name)
            for seen in discovery.validators:
                self.frontier.save_feed_state(seen.url, discovery.source.name, seen.etag,
                                              seen.last_modified, seen.status, seen.children)
            for _, reason in discovery.skipped:
                if reason == "age":
                    summary.skipped_age += 1
                else:
                    summary.skipped_filter += 1
        with self.store.checkpoints_aside():
            await self._fetch_queued(by_name, summary, limit)
        summary.seconds = round(time.monotonic() - started, 3)
        return summary

    def _stopping(self) -> bool:
        return self._stopper is not None and self._stopper.stopping

    async def _unless_stopped(self, work: Awaitable[T]) -> T | None:
        """``work``'s result, or None (``work`` cancelled) if a signal comes first."""
        job = asyncio.ensure_future(work)
        signal_came = asyncio.ensure_future(self._until_signal())
        try:
            await asyncio.wait({job, signal_came}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            signal_came.cancel()
        if job.done():
            return job.result()
        job.cancel()
        await asyncio.gather(job, return_exceptions=True)
        return None

    async def _until_signal(self) -> None:
        if self._stopper is None:
            await asyncio.Event().wait()  # no stopper: never
            return
        await self._stopper.until_stopped()

    async def _fetch_queued(self, sources: dict[str, Source], summary: CrawlSummary,
                            limit: int | None) -> None:
        slots = asyncio.Semaphore(self.config.fetch.concurrency)
        pending: set[asyncio.Task[None]] = set()
        budget = limit if limit is not None else float("inf")
        for claim, page_id in self.frontier.waiting(sources=list(sources)):
            _start(pending, self._guarded(
                claim, self._clean_stored(claim, sources[claim.source], page_id, summary),
                summary))
        signal_came = asyncio.ensure_future(self._until_signal())
        try:
            await self._claim_and_fetch(sources, summary, slots, pending, budget, signal_came)
        finally:
            signal_came.cancel()
        # Stopping: pages still waiting on a host's delay or a slow server after
        # the grace are abandoned and go back to the queue for the next run.
        if pending:
            await abandon(set(pending), self._notice, self._stop_new_requests)
            self.frontier.recover()  # the claims that never got their request

    def _stop_new_requests(self) -> int:
        return sum(fetcher.stop_new_requests() for fetcher in self._fetchers.values())

    async def _claim_and_fetch(self, sources: dict[str, Source], summary: CrawlSummary,
                               slots: asyncio.Semaphore, pending: set[asyncio.Task[None]],
                               budget: float, signal_came: asyncio.Future[None]) -> None:
        while not self._stopping():
            room = min(self.config.fetch.concurrency - len(pending), budget)
            claims = self.frontier.claim(int(room), _now().isoformat(),
                                         sources=list(sources)) if room > 0 else []
            budget -= len(claims)
            for claim in claims:
                _start(pending, self._guarded(
                    claim, self._crawl_one(claim, sources[claim.source], slots, summary),
                    summary))
            if pending:
                await asyncio.wait({*pending, signal_came}, return_when=asyncio.FIRST_COMPLETED)
                continue
            if budget <= 0:
                break
            wait = self._seconds_to_next_retry(list(sources))
            if wait is None or wait > RETRY_HORIZON:
                break
            await asyncio.wait({signal_came}, timeout=max(wait, 0.05))

    def _seconds_to_next_retry(self, sources: list[str]) -> float | None:
        due = self.frontier.next_attempt_at(sources=sources)
        if due is None:
            return None
        return (datetime.fromisoformat(due) - _now()).total_seconds()

    async def _guarded(self, claim: Claim, work: Awaitable[None],
                       summary: CrawlSummary) -> None:
        """``work`` on one URL. A failure nothing foresaw (a bug, a database that refuses
        a write) fails that URL for good with kind ``internal``, counts in the summary
        (the run exits 1) and leaves the other URLs going: a task's exception would
        otherwise vanish with the task, and the article with it."""
        try:
            await work
        except Exception as error:  # reported, recorded and counted
            reason = f"{type(error).__name__}: {error}"[:300]
            log.error("%s: internal error: %s", claim.url, reason)
            summary.errors["internal"] += 1
            try:
                self.frontier.failed(claim.url, "internal", reason, None)
            except Exception as unrecorded:  # the store itself is failing
                log.error("%s: could not record the failure: %s", claim.url, unrecorded)
            self._report(claim.url, f"error: internal: {reason}")

    async def _crawl_one(self, claim: Claim, source: Source, slots: asyncio.Semaphore,
                         summary: CrawlSummary) -> None:
        async with slots:
            try:
                page = await self.fetcher(source).fetch(claim.url)
            except FetchError as error:
                if error.kind != "interrupted":  # else it stays in flight, to be queued again
                    self._record_failure(claim, error, summary)
                return
        summary.fetched += 1
        summary.bytes += len(page.body)
        page_id = keep_fetched(self.store, page, source=source.name, frontier=self.frontier,
                               claimed_url=claim.url)
        await self._clean_and_store(claim, source, page, page_id, summary)

    async def _clean_stored(self, claim: Claim, source: Source, page_id: int,
                            summary: CrawlSummary) -> None:
        """A page a killed crawl fetched but did not clean, cleaned from the store."""
        try:
            raw = self.store.raw_page(page_id)
        except CorruptRowError as error:
            log.warning("%s", error)
            raw = None
        if raw is None:  # nothing readable left to clean: fetch it again
            self.frontier.failed(claim.url, "unreadable-page", "its stored page is unreadable",
                                 _now().isoformat())
            return
        await self._clean_and_store(claim, source, page_of(raw), page_id, summary)

    async def _clean_and_store(self, claim: Claim, source: Source, page: Page, page_id: int,
                               summary: CrawlSummary) -> None:
        """Clean a committed page and store its article, or drop the page with the
        URL's outcome (too old, not cleanable) in one transaction."""
        profile = profile_for(self.store, page.final_url)  # workers never open the store
        try:
            article, simhash = await self._cleaner_pool().run(
                page.final_url, clean_page_to_store, page, self.config.clean, source.clean,
                profile)
        except CleanError as error:  # past clean.timeout, or its worker died
            with self.store.transaction():
                self._record_failure(claim, error, summary)
                self.store.forget_page(page_id)
            return
        max_age = source.max_age if source.max_age is not None else self.config.max_age
        if disc.is_too_old(article.published, max_age, datetime.fromisoformat(page.fetched_at)):
            # the feed gave no date, or a later one than the page's reconciled date
            with self.store.transaction():
                self.frontier.skip(claim.url,
                                   f"published {article.published}: older than max_age")
                self.store.forget_page(page_id)
            summary.skipped_age += 1
            self._report(claim.url, "skipped: older than max_age")
            return
        stored = store_page(self.store, page, article, source=source.name,
                            frontier=self.frontier, claimed_url=claim.url, page_id=page_id,
                            simhash=simhash)
        if stored.duplicate_of is not None:
            summary.duplicates += 1
            self._report(claim.url, "duplicate")
            return
        setattr(summary, stored.outcome, getattr(summary, stored.outcome) + 1)
        self._report(claim.url, stored.outcome)

    def _record_failure(self, claim: Claim, error: FetchError | CleanError,
                        summary: CrawlSummary) -> None:
        if isinstance(error, BlockedURL) and not _retryable(error):
            self.frontier.skip(claim.url, error.reason, error.kind)
            if "robots" in error.kind:
                summary.skipped_robots += 1
            else:  # the address guard: worth an error line in the summary
                summary.errors[error.kind] += 1
            self._report(claim.url, f"skipped: {error.reason}")
            return
        summary.errors[error.kind] += 1
        retry_at = None
        settings = self.config.fetch
        if _retryable(error) and claim.attempts + 1 < settings.max_attempts:
            asked = getattr(error, "retry_after", None)
            retry_after = None if asked is None else capped_wait(asked, settings.max_retry_after)
            delay = retry_delay(claim.attempts + 1, base=settings.backoff,
                                retry_after=retry_after, rng=self._rng)
            retry_at = (_now() + timedelta(seconds=delay)).isoformat()
        self.frontier.failed(claim.url, error.kind, error.reason, retry_at)
        self._report(claim.url, f"error: {error.reason}" + (" (will retry)" if retry_at else ""))


def _start(pending: set[asyncio.Task[None]], work: Awaitable[None]) -> None:
    """Run ``work`` as a task that stays in ``pending`` until it ends."""
    task = asyncio.ensure_future(work)
    pending.add(task)
    task.add_done_callback(pending.discard)


async def _parsed(parse: Callable[[bytes, str], T], page: Page) -> T:
    """A discovery page parsed in a thread: a 9 MB feed or sitemap takes seconds
    to parse, and the event loop meanwhile keeps other fetches going."""
    return await asyncio.to_thread(parse, page.body, page.final_url)


def _exit_with(crawl_pid: int) -> None:
    """Cleaner worker start-up: exit when the crawl is gone, kill -9 included; a
    worker would otherwise wait for work forever on a queue it half owns. Ctrl-C
    reaches the whole process group: the crawl handles it, the workers must not."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(crawl_pid, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-crawl", daemon=True).start()


def _unique(items: list[disc.Discovered]) -> list[disc.Discovered]:
    """One item per URL, in discovery order; a date any sighting gave is kept,
    so a link on a section page cannot smuggle in an item a feed dates too old."""
    first: dict[str, disc.Discovered] = {}
    for item in items:
        seen = first.setdefault(item.url, item)
        if seen.published is None and item.published is not None:
            first[item.url] = replace(seen, published=item.published)
    return list(first.values())
