"""Import speed of web archives: readers, cleaning vs storing, and Dask workers.

Writes one gzipped WARC of N real pages (the shared benchmark pages, every
word marked per copy so no two are duplicates: ``tests.warcs``), then:

1. reads it with warcio and with FastWARC (every response's HTTP headers
   parsed and payload read), and with ``scraper.archive.read`` (warcio plus
   the import's checks): records/s; warcio is the reference;
2. splits a one-process import into its parts: read, clean, store (seconds
   each, on the same pages), which decides single writer vs shard per worker;
3. runs ``crawl import`` as a child process in one process (the reference),
   then with ``--workers 1`` and ``--workers 2``: records/s and the peak RSS
   of the import's largest process (a Dask worker may be it), its own and not
   this script's (``benchmarks.peak``).

    python benchmarks/archive.py                 # 5,000 pages
    python benchmarks/archive.py --pages 1000 --skip-import
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.peak import run_with_peak_rss
from cleaners import Article
from scraper.archive.importer import BATCH
from scraper.archive.read import read_archive
from scraper.config import load_config
from scraper.crawl.pipeline import clean_page, store_page
from scraper.page import Page
from scraper.store.database import Store
from tests.warcs import site_pages, write_warc

CRAWL = Path(sys.executable).with_name("crawl")


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                record.content_stream().read()
                count += 1
    return count


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response,
                                      parse_http=True):
            record.reader.read()
            count += 1
    return count


def read_ours(path: Path) -> int:
    return sum(1 for entry in read_archive(path) if isinstance(entry.item, Page))


def timed(function: object, *args: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)  # type: ignore[operator]
    return time.perf_counter() - started, result


def store_batches(store: Store, pages: list[Page], articles: list[Article]) -> None:
    """As the importer stores: one transaction per ``BATCH`` pages."""
    for start in range(0, len(pages), BATCH):
        with store.transaction():
            for page, article in zip(pages[start:start + BATCH], articles[start:start + BATCH],
                                     strict=True):
                store_page(store, page, article)


def import_child(db: Path, archive: Path, *options: str) -> tuple[float, float, dict]:
    """records/s and peak RSS (MB) of one ``crawl import`` child, and its summary."""
    started = time.perf_counter()
    output, peak = run_with_peak_rss([str(CRAWL), "--db", str(db), "import", str(archive),
                                      "--format", "json", *options])
    seconds = time.perf_counter() - started
    summary = json.loads(output)
    return summary["records"] / seconds, peak, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5_000)
    parser.add_argument("--skip-import", action="store_true",
                        help="Only the readers and the split of one import.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        archive = write_warc(Path(folder) / "news.warc.gz",
                             site_pages(options.pages, variants=True))
        size = archive.stat().st_size / 1e6
        print(f"archive: {options.pages:,} pages, {size:.1f} MB gzipped\n")

        print(f"{'reader':<28} {'records':>8} {'seconds':>8} {'records/s':>10} {'ratio':>6}")
        reference = 0.0
        for label, reader in (("warcio (reference)", read_warcio), ("FastWARC", read_fastwarc),
                              ("scraper.archive.read", read_ours)):
            seconds, count = timed(reader, archive)
            reference = reference or seconds
            print(f"{label:<28} {count:>8,} {seconds:>8.2f} {count / seconds:>10,.0f} "
                  f"{reference / seconds:>6.2f}", flush=True)

        clean = load_config(None).clean
        read_s, pages = timed(lambda: [e.item for e in read_archive(archive)
                                       if isinstance(e.item, Page)])
        clean_s, articles = timed(lambda: [clean_page(p, clean) for p in pages])
        with Store(Path(folder) / "split.db") as store:
            store_s, _ = timed(store_batches, store, pages, articles)
        total = read_s + clean_s + store_s
        print(f"\none process, by part ({len(pages):,} pages):")
        for label, seconds in (("read", read_s), ("clean", clean_s), ("store", store_s)):
            print(f"  {label:<6} {seconds:>8.2f} s  {100 * seconds / total:>5.1f} %")

        if options.skip_import:
            return
        print(f"\n{'crawl import':<28} {'records/s':>10} {'ratio':>6} {'peak RSS MB':>12}")
        base = 0.0
        for label, extra in (("one process (reference)", ()), ("--workers 1", ("--workers", "1")),
                             ("--workers 2", ("--workers", "2"))):
            db = Path(folder) / f"{label.split()[0]}{len(extra)}{extra[-1] if extra else ''}.db"
            rate, rss, _ = import_child(db, archive, *extra)
            base = base or rate
            print(f"{label:<28} {rate:>10,.1f} {rate / base:>6.2f} {rss:>12.1f}", flush=True)


if __name__ == "__main__":
    main()
