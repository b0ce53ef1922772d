"""When each source is due, and stopping a long-running crawl cleanly.

The schedule functions are pure: they take the time of each source's last
run and "now" as arguments and read no clock, so a test can pin them to
fixed datetimes. All times are UTC; a naive datetime is taken to be UTC.

A source runs on its own ``cron`` expression when it has one (evaluated in
UTC), else every ``every`` seconds, else every ``Config.every`` seconds. A
source that has never run is due at once.

``Stopper`` turns SIGTERM and SIGINT into a graceful stop for
``crawl run --forever``: the first signal asks the crawler to finish the
pages in flight and stop; a second one stops it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import select
import signal
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import FrameType, TracebackType
from typing import Any

from croniter import croniter

from ..config import Source
from ..errors import ConfigError

DUE_NOW = datetime.min.replace(tzinfo=UTC)
"""What ``next_due`` gives for a source that has never run: before any "now"."""

EARLY_START_LIMIT = timedelta(seconds=60)
EARLY_START_FRACTION = 0.1
"""An interval source counts as due this much early (a tenth of its interval,
at most a minute). A cron-started ``crawl run`` records a source's run a few
seconds after the minute it was started on, so 30 minutes later that source
would miss the next start by those seconds and wait a whole cron period more.
Cron sources need no such slack: their due times fall on the minute."""


def next_due(source: Source, default_every: float, last_run_at: datetime | None) -> datetime:
    """When ``source`` is next due, given the start of its last run.

    ``DUE_NOW`` when it never ran; ``last_run_at + every`` for an interval
    source; the first cron time after ``last_run_at`` (UTC) for a cron source.
    """
    if last_run_at is None:
        return DUE_NOW
    last = as_utc(last_run_at)
    if source.cron:
        following: datetime = croniter(source.cron, last).get_next(datetime)
        return following.astimezone(UTC)
    return last + timedelta(seconds=interval_of(source, default_every))


def due_sources(
    sources: Iterable[Source],
    default_every: float,
    last_runs: Mapping[str, datetime | None],
    now: datetime,
    backoffs: Mapping[str, datetime] | None = None,
) -> list[Source]:
    """The sources due at ``now``, in their configured order.

    ``last_runs`` maps a source name to the start of its last good run; a name
    missing from it has never run. ``backoffs`` maps a source that failed since
    to when it may try again: a broken source is retried after its back-off,
    not its whole interval, and not at every start either.
    """
    now = as_utc(now)
    return [s for s in sources
            if _starts_at(s, default_every, last_runs.get(s.name), backoffs) <= now]


def seconds_until_next(
    sources: Sequence[Source],
    default_every: float,
    last_runs: Mapping[str, datetime | None],
    now: datetime,
    backoffs: Mapping[str, datetime] | None = None,
) -> float:
    """How long ``crawl run --forever`` sleeps before a source is due; 0 if one is."""
    if not sources:
        raise ConfigError("no sources configured: `crawl run --forever` has nothing to wait for")
    now = as_utc(now)
    soonest = min(_starts_at(s, default_every, last_runs.get(s.name), backoffs)
                  for s in sources)
    return max(0.0, (soonest - now).total_seconds())


def interval_of(source: Source, default_every: float) -> float:
    """The interval of a source without a cron expression, in seconds."""
    return float(source.every if source.every is not None else default_every)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is read as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _starts_at(source: Source, default_every: float, last_run_at: datetime | None,
               backoffs: Mapping[str, datetime] | None = None) -> datetime:
    retry_at = (backoffs or {}).get(source.name)
    due = next_due(source, default_every, last_run_at)
    if not (source.cron or due == DUE_NOW):
        slack = EARLY_START_FRACTION * interval_of(source, default_every)
        due -= min(EARLY_START_LIMIT, timedelta(seconds=slack))
    return due if retry_at is None else max(due, as_utc(retry_at))


FIRST_BACKOFF = 120.0
"""Seconds a source that found nothing because of errors waits before its next
try; each failure in a row doubles it, up to the source's own interval."""


def backoff_of(source: Source, default_every: float, failures: int) -> float:
    """Seconds until a source that failed ``failures`` times in a row is tried again."""
    ceiling = interval_of(source, default_every) if not source.cron else 86400.0
    return min(ceiling, FIRST_BACKOFF * 2 ** max(0, failures - 1))


class Interrupted(KeyboardInterrupt):
    """A second stop signal: stop at once. ``exit_code`` is 128 + the signal's number."""

    def __init__(self, signum: signal.Signals) -> None:
        super().__init__(f"second {signum.name}: stopping now")
        self.exit_code = 128 + signum


class Stopper:
    """SIGTERM and SIGINT handlers for a graceful stop, restored on exit.

    Inside ``with Stopper() as stopper:`` the first signal sets
    ``stopper.stopping`` (the crawler checks it between pages, finishes the
    pages in flight, records the run and returns) and wakes ``wait`` and
    ``sleep``; a second signal raises ``KeyboardInterrupt`` where the main
    thread is, to stop at once. Enter it from the main thread (a rule of
    Python's ``signal`` module).

    The handlers touch no lock: a signal handler runs between two bytecodes
    of the main thread and would deadlock on a lock that thread holds (as in
    ``threading.Event.set``). So it flips a flag, writes a byte to a pipe
    that ``wait`` selects on, and wakes ``sleep`` through the event loop's
    thread-safe call, as asyncio's own SIGINT handler does. (Linux hands a
    signal sent to the process to its main thread, so a sleeping main thread
    is the one interrupted.)
    """

    def __init__(self, signals: Iterable[signal.Signals] = (signal.SIGTERM, signal.SIGINT)):
        self.signals = tuple(signals)
        self.received: signal.Signals | None = None
        """The first signal received, for the log line; ``None`` until then."""
        self._previous: dict[signal.Signals, object] = {}
        self._wake_pipe: tuple[int, int] | None = None
        self._async_wakers: set[Callable[[], object]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def stopping(self) -> bool:
        return self.received is not None

    @property
    def exit_code(self) -> int:
        """What a command stopped by the signal exits with: 130 (SIGINT), 143 (SIGTERM)."""
        return 0 if self.received is None else 128 + self.received

    def __enter__(self) -> Stopper:
        read_end, write_end = os.pipe()
        os.set_blocking(write_end, False)
        self._wake_pipe = (read_end, write_end)
        for signum in self.signals:
            self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()
        if self._wake_pipe is not None:
            for fd in self._wake_pipe:
                os.close(fd)
            self._wake_pipe = None

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, less if a signal comes; True when stopping."""
        if self._wake_pipe is None:
            raise RuntimeError("Stopper.wait outside its `with` block")
        if not self.stopping:
            # The pipe stays readable once written, so every later wait returns at once.
            select.select([self._wake_pipe[0]], [], [], max(0.0, seconds))
        return self.stopping

    async def sleep(self, seconds: float) -> bool:
        """``wait`` for asyncio code: the event loop keeps running meanwhile."""
        loop = asyncio.get_running_loop()
        self._loop = loop
        woken = asyncio.Event()
        waker = functools.partial(loop.call_soon_threadsafe, woken.set)
        self._async_wakers.add(waker)
        try:
            if not self.stopping:  # checked after registering, so no signal slips between
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(max(0.0, seconds)):
                        await woken.wait()
        finally:
            self._async_wakers.discard(waker)
        return self.stopping

    async def until_stopped(self) -> None:
        """Return when the first signal comes."""
        while not await self.sleep(3600):
            pass

    async def finish(self, tasks: Iterable[asyncio.Future[Any]],
                     notice: Callable[[str], None],
                     stop_new_requests: Callable[[], int] | None = None,
                     ) -> set[asyncio.Future[Any]]:
        """Wait for ``tasks``; on a signal, ``abandon`` those still running. The
        abandoned (cancelled) ones are returned."""
        remaining = {task for task in tasks if not task.done()}
        stop = asyncio.ensure_future(self.until_stopped())
        try:
            while remaining and not stop.done():
                _, remaining = await asyncio.wait({*remaining, stop},
                                                  return_when=asyncio.FIRST_COMPLETED)
                remaining.discard(stop)
        finally:
            stop.cancel()
        return await abandon(remaining, notice, stop_new_requests) if remaining else set()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.stopping:
            interrupted = Interrupted(signal.Signals(signum))
            if self._loop is not None and self._loop.is_running():
                # Raised from a loop callback it leaves the loop as is; raised here it
                # could land in any task and be reported there as never retrieved.
                self._loop.call_soon_threadsafe(_raise, interrupted)
                return
            raise interrupted
        self.received = signal.Signals(signum)
        if self._wake_pipe is not None:
            with contextlib.suppress(BlockingIOError):
                os.write(self._wake_pipe[1], b"\0")
        for waker in list(self._async_wakers):
            waker()


def _raise(error: BaseException) -> None:
    raise error


STOP_GRACE = 5.0
"""Seconds the pages in flight get to finish after a stop signal."""


async def abandon(in_flight: set[asyncio.Future[Any]], notice: Callable[[str], None],
                  stop_new_requests: Callable[[], int] | None = None,
                  ) -> set[asyncio.Future[Any]]:
    """A stop signal came: stop new requests (``stop_new_requests`` says how many
    are in flight), say so at once, give the pages in flight ``STOP_GRACE``
    seconds to finish (and be recorded), cancel the rest; the cancelled ones."""
    pages = stop_new_requests() if stop_new_requests is not None else len(in_flight)
    notice(f"stopping after {pages} pages in flight")
    _, late = await asyncio.wait(in_flight, timeout=STOP_GRACE)
    for task in late:
        task.cancel()
    await asyncio.gather(*late, return_exceptions=True)
    return late
