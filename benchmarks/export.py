"""Peak memory of `crawl export` as the database grows: it must stay flat.

Builds databases of N small articles, each with its raw page (through the
store's schema, FTS triggers included), then runs `crawl export` in each
format as a child process and reads its own peak RSS (``benchmarks.peak``).
The reference in the same run is a plain `crawl stats`, the cost of starting
the command at all.

    python benchmarks/export.py                  # 10,000 and 100,000 rows
    python benchmarks/export.py --rows 10000 1000000
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.peak import run_with_peak_rss
from scraper.store.database import Store

CRAWL = Path(sys.executable).with_name("crawl")
TEXT = ("The council met on Tuesday to discuss the harbour budget. " * 20).strip()


def build(path: Path, rows: int) -> None:
    page = zlib.compress(f"<html><body><p>{TEXT}</p></body></html>".encode(), 1)
    with Store(path) as store, store.transaction():
        store.conn.executemany(
            "INSERT INTO raw_pages (id, url, final_url, status, headers, body, size, fetched_at)"
            " VALUES (?, ?, ?, 200, '{\"content-type\": \"text/html\"}', ?, ?,"
            " '2026-11-27T10:00:00+00:00')",
            ((n + 1, f"https://news.example/{n}", f"https://news.example/{n}", page,
              len(TEXT) + 39) for n in range(rows)))
        store.conn.executemany(
            "INSERT INTO articles (url, title, text, published, language, source,"
            " content_hash, cleaner_version, fetched_at, stored_at, page_id)"
            " VALUES (?, ?, ?, '2026-11-27', 'en', 'bench', ?, 'bench',"
            " '2026-11-27T10:00:00+00:00', '', ?)",
            ((f"https://news.example/{n}", f"Story {n}", f"{TEXT} {n}", f"h{n}", n + 1)
             for n in range(rows)))


def peak_rss_mb(args: list[str]) -> tuple[float, float]:
    """Run one child to completion; its own peak RSS in MB and its wall time."""
    started = time.perf_counter()
    _, peak = run_with_peak_rss(args)
    return peak, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    options = parser.parse_args()
    print(f"{'rows':>10} {'command':<28} {'peak RSS MB':>12} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for rows in options.rows:
            database = Path(folder) / f"news-{rows}.db"
            build(database, rows)
            for label, extra in (("stats (reference)", ["stats"]),
                                 ("export --format jsonl", ["export", "-o", "/dev/null"]),
                                 ("export --format csv", ["export", "--format", "csv",
                                                          "-o", "/dev/null"]),
                                 ("export --format warc", ["export", "--format", "warc",
                                                           "-o", f"{folder}/out.warc.gz"]),
                                 ("export --format parquet", ["export", "--format", "parquet",
                                                              "-o", f"{folder}/parquet"])):
                rss, seconds = peak_rss_mb([str(CRAWL), "--db", str(database), *extra])
                print(f"{rows:>10,} {label:<28} {rss:>12.1f} {seconds:>8.2f}", flush=True)


if __name__ == "__main__":
    main()
