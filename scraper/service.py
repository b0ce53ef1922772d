"""Running crawls: which sources are due, the run record, and ``--forever``.

``crawl run`` from cron calls ``run_due`` once; ``crawl run --forever`` calls
``run_forever``, which sleeps until the next source is due. Both run under a
``RunLock`` taken by the caller, so two runs never share a database.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from .config import Config, FetchConfig, Source
from .crawler import Crawler, CrawlSummary, Report
from .fetch import Fetcher
from .schedule import Stopper, due_sources, next_due, seconds_until_next
from .store import Store


@dataclass(frozen=True)
class RunResult:
    sources: list[str]
    summary: CrawlSummary
    stopped: bool


def choose_sources(
    config: Config, store: Store, only: Sequence[str], now: datetime
) -> list[Source]:
    """Named sources run whether due or not; otherwise those the schedule says are due."""
    if only:
        return [config.source(name) for name in only]
    return due_sources(config.sources, config.every, store.last_runs(), now)


def run_due(
    config: Config,
    store: Store,
    *,
    only: Sequence[str] = (),
    limit: int | None = None,
    report: Report | None = None,
    stopper: Stopper | None = None,
    fetcher_for: Callable[[FetchConfig], Fetcher] = Fetcher,
) -> RunResult:
    """Crawl the due (or named) sources once and record the run."""
    started = datetime.now(UTC)
    sources = choose_sources(config, store, only, started)
    names = [s.name for s in sources]
    if not sources:
        return RunResult([], CrawlSummary(), stopped=False)
    run_id = store.start_run(source=",".join(names), command="run")
    crawler = Crawler(config, store, fetcher_for=fetcher_for, report=report,
                      should_stop=lambda: stopper is not None and stopper.stopping)

    async def crawl() -> CrawlSummary:
        try:
            return await crawler.run(sources, limit=limit)
        finally:
            await crawler.aclose()

    summary = asyncio.run(crawl())
    stopped = stopper is not None and stopper.stopping
    store.finish_run(run_id, summary.to_dict(), status="stopped" if stopped else "done")
    for source in sources:
        store.mark_source_run(source.name, started.isoformat(),
                              next_due(source, config.every, started).isoformat())
    return RunResult(names, summary, stopped)


def run_forever(
    config: Config,
    store: Store,
    stopper: Stopper,
    *,
    report: Report | None = None,
    on_result: Callable[[RunResult], None] = lambda result: None,
    on_sleep: Callable[[float], None] = lambda seconds: None,
    fetcher_for: Callable[[FetchConfig], Fetcher] = Fetcher,
) -> None:
    """Crawl what is due, sleep until the next source is, until a signal stops it."""
    while not stopper.stopping:
        result = run_due(config, store, report=report, stopper=stopper, fetcher_for=fetcher_for)
        if result.sources:
            on_result(result)
        pause = seconds_until_next(config.sources, config.every, store.last_runs(),
                                   datetime.now(UTC))
        if pause > 0:
            on_sleep(pause)
            stopper.wait(pause)
