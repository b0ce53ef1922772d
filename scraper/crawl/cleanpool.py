"""Cleaning under a time limit, in worker processes.

A hostile page (elements nested deep in a way no pre-check foresees, a slow
charset, a million siblings) can keep the cleaner busy for minutes, much of
it inside lexbor's C parser, which nothing in the process can interrupt. So
every clean runs in a worker process under ``clean.timeout``: a worker that
runs over is killed and replaced (pebble's pool does that for that one
worker, leaving the pages of the others alone) and the page fails with
``CleanTimeout``, kind ``cleaner-timeout``. A worker that dies otherwise (the
OOM killer) fails its page with kind ``cleaner-crashed``.

A crawl's workers start from a forkserver: a crawl runs threads, and a
process that runs threads must not fork. A command that cleans pages one at a
time (``crawl fetch``, ``clean``, ``explain``, ``reclean``) runs no thread of
its own while it cleans, so its one worker is forked: ready at once, where a
forkserver would first start and import the cleaner (seconds on a busy machine).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from ..errors import CleanError, CleanTimeout

T = TypeVar("T")


class CleanerPool:
    """``pool.run(function, *args)`` in a worker, in at most ``timeout`` seconds.

    ``function`` must be a module-level function and its arguments picklable;
    the ``url`` names the page in the error a timeout raises."""

    def __init__(self, workers: int, timeout: float, *,
                 initializer: Callable[..., Any] | None = None,
                 initargs: Iterable[Any] = (), start_method: str = "forkserver") -> None:
        self.timeout = timeout
        self._pool = ProcessPool(workers, initializer=_start_worker,
                                 initargs=(initializer, *initargs),
                                 context=multiprocessing.get_context(start_method))

    @classmethod
    def for_command(cls, timeout: float) -> CleanerPool:
        """One forked worker, for a command that cleans one page at a time."""
        return cls(1, timeout, start_method="fork")

    def __enter__(self) -> CleanerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._pool.stop()  # kills a worker still busy: nothing waits for it
        self._pool.join()

    async def run(self, url: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        future = self._pool.schedule(function, args, kwargs, timeout=self.timeout)
        try:
            return await asyncio.wrap_future(future)
        except BaseException as error:
            raise self._translated(url, error) from error

    def run_now(self, url: str, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``run`` for code outside an event loop: waits here."""
        future = self._pool.schedule(function, args, kwargs, timeout=self.timeout)
        try:
            return future.result()
        except BaseException as error:
            raise self._translated(url, error) from error

    def _translated(self, url: str, error: BaseException) -> BaseException:
        if isinstance(error, concurrent.futures.TimeoutError):
            return CleanTimeout(url, self.timeout)
        if isinstance(error, ProcessExpired):
            return CleanError(url, f"the cleaner's process died ({error})",
                              kind="cleaner-crashed")
        return error


WARM_UP_PAGE = ("<html><head><title>Warm-up</title></head><body><article>"
                + "<p>Published May 31, 2024</p><p>"
                + "A paragraph of plain English prose, long enough to be read as an article. " * 8
                + "</p></article></body></html>")


def _start_worker(initializer: Callable[..., Any] | None, *initargs: Any) -> None:
    """Worker start-up. A worker's first clean loads the cleaner's models and parsers
    (the language model, htmldate, the month names of the text-date reader: a
    second or more); cleaning a small page here, before any real one, keeps that out
    of every page's time limit."""
    from cleaners import clean

    clean(WARM_UP_PAGE, "https://example.com/warm-up")
    if initializer is not None:
        initializer(*initargs)
