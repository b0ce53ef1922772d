"""``crawl import``: archive records cleaned and stored as crawled pages, resumably.

Records are taken in batches; each batch's pages, articles and the file's
new offset (``import_progress``) commit in one transaction, so an import
killed at any moment starts again at the first record not committed and
stores nothing twice. A file read to its end is marked finished and skipped
by later imports.

Cleaning is a step the caller may hand elsewhere (``BatchCleaner``): in this
process by default, on a Dask cluster with ``scraper.archive.cluster``. The
store is written here only, by one writer, in the archive's order, so the
result does not depend on who cleaned.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from cleaners import Article

from ..config import CleanConfig
from ..crawl.pipeline import clean_page, store_page
from ..errors import UsageError
from ..page import Page
from ..store.database import Store, utc_now
from .read import Entry, Skip, read_archive

BATCH = 50
"""Records per transaction: a commit per record would cost more than cleaning
small pages; a kill redoes at most this many."""

Tag = TypeVar("Tag")
BatchCleaner = Callable[[Iterable[tuple[Tag, Sequence[Page]]]], Iterator[tuple[Tag, list[Article]]]]
"""Cleans batches of pages in order, passing each batch's tag through."""

Progress = Callable[[str, int, Counter[str]], None]
"""Told (file, records read so far in this file, this import's counts) after each batch."""


@dataclass
class ImportSummary:
    files: list[str] = field(default_factory=list)
    finished_before: list[str] = field(default_factory=list)
    """Files an earlier import read to the end: skipped."""
    resumed: dict[str, int] = field(default_factory=dict)
    """Files taken up where a killed import stopped, with the records it had done."""
    counts: Counter[str] = field(default_factory=Counter)
    """Stored outcomes (new, updated, unchanged, empty) and skip reasons."""

    @property
    def records(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, object]:
        return {"files": len(self.files), "finished_before": len(self.finished_before),
                "resumed": len(self.resumed), "records": self.records,
                "counts": dict(sorted(self.counts.items()))}


def clean_here(clean_config: CleanConfig) -> BatchCleaner:
    """Clean in this process, one batch after another."""
    def run(batches: Iterable[tuple[Tag, Sequence[Page]]]) -> Iterator[tuple[Tag, list[Article]]]:
        for tag, pages in batches:
            yield tag, [clean_page(page, clean_config) for page in pages]
    return run


def import_archives(
    store: Store,
    paths: Sequence[str],
    clean_config: CleanConfig,
    *,
    source: str | None = None,
    since: str | None = None,
    include: str | None = None,
    cleaner: BatchCleaner | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import every file of ``paths`` in order; see the module docstring.

    ``since`` is in the stored form (UTC ISO 8601, as ``scraper.filters.parse_moment``
    gives it): records captured before it are counted and skipped."""
    wanted = _compiled(include)
    clean_batches = cleaner or clean_here(clean_config)
    summary = ImportSummary()
    run_id = store.start_run(source=source, command="import")
    places = ImportPlaces(store)
    status = "stopped"
    try:
        for path in paths:
            key = str(Path(path).resolve())
            offset, records, finished = places.get(key)
            if finished:
                summary.finished_before.append(path)
                continue
            if records:
                summary.resumed[path] = records
            summary.files.append(path)
            entries = (_filtered(e, since, wanted) for e in read_archive(path, start=offset))
            batches = ((batch, [e.item for e in batch if isinstance(e.item, Page)])
                       for batch in _chunks(entries, BATCH))
            for batch, articles in clean_batches(batches):
                with store.transaction():
                    outcomes = _store_batch(store, batch, iter(articles), source)
                    records += len(batch)
                    places.advance(key, batch[-1].next_offset, records)
                summary.counts.update(outcomes)
                if progress is not None:
                    progress(path, records, summary.counts)
            places.finish(key)
        status = "done"
    finally:
        store.finish_run(run_id, summary.to_dict(), status=status)
    return summary


def _store_batch(store: Store, batch: list[Entry], articles: Iterator[Article],
                 source: str | None) -> Counter[str]:
    outcomes: Counter[str] = Counter()
    for entry in batch:
        if isinstance(entry.item, Skip):
            outcomes[entry.item.reason] += 1
        else:
            outcomes[store_page(store, entry.item, next(articles), source=source).outcome] += 1
    return outcomes


def _compiled(include: str | None) -> re.Pattern[str] | None:
    """--include compiled, or a UsageError."""
    try:
        return re.compile(include) if include else None
    except re.error as error:
        raise UsageError(f"--include {include}: not a regular expression ({error})") from error


def _filtered(entry: Entry, since: str | None, wanted: re.Pattern[str] | None) -> Entry:
    page = entry.item
    if not isinstance(page, Page):
        return entry
    if since is not None and page.fetched_at < since:
        return Entry(Skip(page.url, "before-since"), entry.next_offset)
    if wanted is not None and not wanted.search(page.url):
        return Entry(Skip(page.url, "excluded"), entry.next_offset)
    return entry


T = TypeVar("T")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class ImportPlaces:
    """Where each archive file's import stands (the ``import_progress`` table)."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn

    def get(self, file: str) -> tuple[int, int, bool]:
        """(offset of the next record, records done, read to the end?)"""
        row = self.conn.execute("SELECT offset, records, finished_at FROM import_progress "
                                "WHERE file = ?", (file,)).fetchone()
        return (0, 0, False) if row is None else (row[0], row[1], row[2] is not None)

    def advance(self, file: str, offset: int, records: int) -> None:
        self.conn.execute(
            "INSERT INTO import_progress (file, offset, records, started_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(file) DO UPDATE SET offset = excluded.offset, records = excluded.records",
            (file, offset, records, utc_now()))

    def finish(self, file: str) -> None:
        self.conn.execute(
            "INSERT INTO import_progress (file, offset, records, started_at, finished_at) "
            "VALUES (?, 0, 0, ?, ?) ON CONFLICT(file) DO UPDATE SET finished_at = "
            "excluded.finished_at", (file, utc_now(), utc_now()))
