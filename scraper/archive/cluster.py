"""Cleaning archive records on a Dask cluster (``crawl import --workers/--scheduler``).

The cleaner is a pure function of (html, url), so it ships to the workers as
is: the importer reads records and sends batches of pages out; the cleaned
articles come back in the order sent and the one writer stores them. A
bounded number of batches is in flight, so memory stays flat whatever the
archive's size.

Why one writer rather than a shard database per worker merged at the end:
measured by ``benchmarks/archive.py`` (see the README), storing is a small
share of an import next to cleaning, and one writer keeps the resume offset
exact and the articles' order (and so duplicate links) the same as with no
cluster at all.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from cleaners import Article

from ..config import CleanConfig
from ..crawl.pipeline import clean_page
from ..errors import UsageError
from ..page import Page
from .importer import BatchCleaner, Tag

BATCHES_PER_WORKER = 4
"""Batches queued per worker thread: enough that none waits for the next."""


def clean_pages(pages: Sequence[Page], clean_config: CleanConfig) -> list[Article]:
    """What a worker runs: one batch, cleaned as a crawl would."""
    return [clean_page(page, clean_config) for page in pages]


@contextlib.contextmanager
def dask_cleaner(clean_config: CleanConfig, *, workers: int | None = None,
                 scheduler: str | None = None) -> Iterator[BatchCleaner]:
    """A ``BatchCleaner`` on an existing cluster (``scheduler``) or a local one of
    ``workers`` single-threaded processes, listening on 127.0.0.1 only, no dashboard."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise UsageError("--workers and --scheduler need Dask: "
                         "pip install 'newscrawl[dask]'") from error
    with contextlib.ExitStack() as stack:
        try:
            if scheduler:
                client = stack.enter_context(Client(scheduler, timeout="10s"))
            else:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=workers or 1, threads_per_worker=1, processes=True,
                    # The scheduler serves HTTP (health, metrics) even without a
                    # dashboard, on 8787 or, given only a port, on every interface.
                    host="127.0.0.1", dashboard_address="127.0.0.1:0",
                    scheduler_kwargs={"dashboard": False}))
                client = stack.enter_context(Client(cluster))
        except (OSError, TimeoutError, ValueError) as error:  # ValueError: no address
            raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {error}") from error
        config = client.scatter(clean_config, broadcast=True)
        window = BATCHES_PER_WORKER * max(sum(client.nthreads().values()), 1)

        def run(batches: Iterable[tuple[Tag, Sequence[Page]]],
                ) -> Iterator[tuple[Tag, list[Article]]]:
            pending: deque[tuple[Tag, Any]] = deque()
            for tag, pages in batches:
                pending.append((tag, client.submit(clean_pages, list(pages), config, pure=False)))
                if len(pending) >= window:
                    done_tag, future = pending.popleft()
                    yield done_tag, future.result()
            while pending:
                done_tag, future = pending.popleft()
                yield done_tag, future.result()

        yield run
