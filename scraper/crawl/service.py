"""Running crawls: which sources are due, the run record, and ``--forever``.

``crawl run`` from cron calls ``run_due`` once; ``crawl run --forever`` calls
``run_forever``, which sleeps until the next source is due. Both run under a
``RunLock`` taken by the caller, so two runs never share a database.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..config import Config, FetchConfig, Source
from ..fetch.fetcher import Fetcher
from ..stop import Stopper
from ..store.database import Store
from .crawler import Crawler, CrawlSummary, Problem, Report
from .schedule import backoff_of, due_sources, next_due, seconds_until_next

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    sources: list[str]
    summary: CrawlSummary
    stopped: bool
    problems: list[Problem] = field(default_factory=list)
    """Discovery pages that could not be read, said in words."""
    failed_sources: list[str] = field(default_factory=list)
    """Sources that found nothing because of errors: due again after a back-off."""

    @property
    def failed(self) -> bool:
        """Some work failed: a URL, a discovery page, a source (exit code 1)."""
        return bool(self.summary.errors or self.problems)


def choose_sources(
    config: Config, store: Store, only: Sequence[str], now: datetime
) -> list[Source]:
    """Named sources run whether due or not; otherwise those the schedule says are due."""
    if only:
        return [config.source(name) for name in only]
    return due_sources(config.sources, config.every, store.last_runs(), now, store.backoffs())


def run_due(
    config: Config,
    store: Store,
    *,
    only: Sequence[str] = (),
    limit: int | None = None,
    report: Report | None = None,
    stopper: Stopper | None = None,
    notice: Callable[[str], None] = lambda message: None,
    fetcher_for: Callable[[FetchConfig], Fetcher] = Fetcher,
) -> RunResult:
    """Crawl the due (or named) sources once and record the run."""
    started = datetime.now(UTC)
    sources = choose_sources(config, store, only, started)
    names = [s.name for s in sources]
    if not sources:
        log.info("no source is due")
        return RunResult([], CrawlSummary(), stopped=False)
    log.info("crawling %s", ", ".join(names))
    crawler = Crawler(config, store, fetcher_for=fetcher_for, report=report, stopper=stopper,
                      notice=notice)

    async def crawl() -> CrawlSummary:
        try:
            return await crawler.run(sources, limit=limit)
        finally:
            await crawler.aclose()

    with store.recorded_run(source=",".join(names), command="run") as record:
        summary = asyncio.run(crawl())
        stopped = stopper is not None and stopper.stopping
        record(summary.to_dict(), "interrupted" if stopped else "done")
    failed = {d.source.name for d in crawler.discoveries if d.failed}
    for source in sources:
        if source.name in failed:
            store.mark_source_failed(source.name, functools.partial(_retry_at, source, config))
        elif not stopped:
            store.mark_source_run(source.name, started.isoformat(),
                                  next_due(source, config.every, started).isoformat())
    problems = [p for d in crawler.discoveries for p in d.problems]
    log.info("run of %s %s: %s", ", ".join(names), "stopped" if stopped else "done",
             summary.to_dict())
    return RunResult(names, summary, stopped, problems, sorted(failed))


def _retry_at(source: Source, config: Config, failures: int) -> str:
    """When a source that failed ``failures`` times in a row is due again (ISO 8601)."""
    delay = backoff_of(source, config.every, failures)
    return (datetime.now(UTC) + timedelta(seconds=delay)).isoformat()




def run_forever(
    config: Config,
    store: Store,
    stopper: Stopper,
    *,
    report: Report | None = None,
    on_result: Callable[[RunResult], None] = lambda result: None,
    on_sleep: Callable[[float], None] = lambda seconds: None,
    notice: Callable[[str], None] = lambda message: None,
    fetcher_for: Callable[[FetchConfig], Fetcher] = Fetcher,
) -> None:
    """Crawl what is due, sleep until the next source is, until a signal stops it."""
    while not stopper.stopping:
        result = run_due(config, store, report=report, stopper=stopper, notice=notice,
                         fetcher_for=fetcher_for)
        if result.sources:
            on_result(result)
        pause = seconds_until_next(config.sources, config.every, store.last_runs(),
                                   datetime.now(UTC), store.backoffs())
        if pause > 0:
            on_sleep(pause)
            stopper.wait(pause)
