"""Stopping a long-running command cleanly: ``Stopper`` turns SIGTERM and SIGINT into a
graceful stop for ``crawl run --forever``, ``crawl fetch`` and ``crawl reclean``: the
first signal asks them to finish the pages in flight and stop; a second one stops
them at once. The fetcher, the crawler and the command line share it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import select
import signal
from collections.abc import Callable, Iterable
from types import FrameType, TracebackType
from typing import Any


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
