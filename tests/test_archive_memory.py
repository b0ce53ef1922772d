"""An import runs in flat memory: it keeps no page past its batch, and the
benchmark's peak RSS is the import's own (``benchmarks.peak``)."""

from __future__ import annotations

import gc
import io
import sys
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.peak import run_with_peak_rss
from cleaners import Article
from scraper.archive.importer import BATCH, import_archives
from scraper.config import load_config
from scraper.crawl.progress import RecordRate
from scraper.page import Page
from scraper.store.database import Store
from scraper.store.lock import RunLock
from tests.localsite import templates
from tests.warcs import site_pages, write_warc


def live(kind: type) -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, kind))


@pytest.mark.skipif(not templates(), reason="no benchmark pages in shared/bench")
def test_import_keeps_no_page_past_its_batch(tmp_path: Path) -> None:
    batches = 5
    archive = write_warc(tmp_path / "news.warc.gz", site_pages(batches * BATCH, variants=True))
    alive: list[tuple[int, int]] = []
    rate = RecordRate(io.StringIO())

    def progress(file: str, records: int, counts: Counter[str]) -> None:
        rate(file, records, counts)  # as `crawl import` reports
        alive.append((live(Page), live(Article)))

    db = tmp_path / "news.db"
    with RunLock(db, command="crawl import"), Store(db) as store:
        summary = import_archives(store, [str(archive)], load_config(None).clean,
                                  progress=progress)
    assert summary.counts["new"] == batches * BATCH
    assert len(alive) == batches
    # At most the batch just stored and the one being read: a list or cache that
    # kept every page would hold 250 of each by the last batch.
    for pages, articles in alive:
        assert pages <= 2 * BATCH and articles <= 2 * BATCH, alive


def test_peak_rss_is_the_childs_own_not_its_parents() -> None:
    ballast = b"x" * (300 << 20)  # this process's peak, well above the child's
    output, peak = run_with_peak_rss([sys.executable, "-c", "print(len(b'y' * (40 << 20)))"])
    assert output.strip() == str(40 << 20)
    assert 40 <= peak < 200, peak
    del ballast
