"""Soak: one ``crawl run`` over 50,000 loopback pages, with throughput and RSS every 5,000.

The site (``python -m tests.localsite``, its own process) lists ``--pages``
distinct articles in a sitemap index. The crawler runs as a user runs it,
``crawl run``, logging one line per finished page (its output when not on a
terminal); this script counts those lines and, at every ``--every`` pages,
prints the pages per second since the last mark and the crawler's RSS from
/proc. Steady throughput and flat RSS are the claim; the last lines say
whether they held.

    python benchmarks/soak.py                     # 50,000 pages, a mark every 5,000
    python benchmarks/soak.py --pages 5000 --every 500 --max-seconds 120
"""

from __future__ import annotations

import argparse
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.crawl import served_site  # noqa: E402 -- needs ROOT on the path
from tests.localsite import CRAWL, write_config  # noqa: E402

STEADY = 0.25
"""Each mark's throughput after the first (which includes start-up and reading
the sitemaps) stays within this share of their median."""

FLAT_MB = 25.0
"""RSS may grow this much between the second mark and the end (the first mark
includes the sitemap parse and start-up)."""


@dataclass(frozen=True)
class Mark:
    pages: int
    seconds: float
    per_second: float
    rss_mb: float
    peak_mb: float


def memory_mb(pid: int) -> tuple[float, float]:
    """Current and peak resident set size of ``pid``, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def soak(base: str, directory: Path, *, every: int, concurrency: int,
         max_seconds: float) -> tuple[list[Mark], int]:
    config = write_config(directory, [{"name": "soak", "sitemaps": [f"{base}/sitemap_index.xml"]}],
                          concurrency=concurrency, per_host_concurrency=concurrency,
                          connect_timeout=10, read_timeout=30)
    crawl = subprocess.Popen([str(CRAWL), "--config", str(config), "run", "--source", "soak"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    timer = threading.Timer(max_seconds, crawl.send_signal, [signal.SIGTERM])  # stops cleanly
    timer.start()
    marks: list[Mark] = []
    started = last = time.monotonic()
    pages = 0
    assert crawl.stderr is not None
    try:
        for _ in crawl.stderr:  # one line per finished page
            pages += 1
            if pages % every == 0:
                now = time.monotonic()
                rss, peak = memory_mb(crawl.pid)
                marks.append(Mark(pages, now - started, every / (now - last), rss, peak))
                last = now
                print(f"{pages:>8,} {now - started:>9.0f} {marks[-1].per_second:>9.1f} "
                      f"{rss:>8.1f} {peak:>8.1f}", flush=True)
    finally:
        timer.cancel()
        crawl.stderr.close()
        crawl.wait()
    return marks, pages


def verdict(marks: list[Mark]) -> list[tuple[str, bool]]:
    if len(marks) < 3:
        return [("too few marks to judge", False)]
    later = [m.per_second for m in marks[1:]]
    middle = statistics.median(later)
    growth = marks[-1].rss_mb - marks[1].rss_mb
    return [
        (f"throughput after the first mark: {min(later):.1f}-{max(later):.1f} pages/s, "
         f"median {middle:.1f} (steady: all within {STEADY:.0%} of it)",
         all(abs(x - middle) <= STEADY * middle for x in later)),
        (f"RSS from {marks[1].pages:,} to {marks[-1].pages:,} pages: {growth:+.1f} MB "
         f"(flat: within {FLAT_MB:.0f} MB); peak {marks[-1].peak_mb:.0f} MB", growth <= FLAT_MB),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50_000)
    parser.add_argument("--every", type=int, default=5_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=3600,
                        help="stop the crawl (SIGTERM) after this long")
    args = parser.parse_args()
    print(f"{'pages':>8} {'seconds':>9} {'pages/s':>9} {'RSS MB':>8} {'peak MB':>8}", flush=True)
    with tempfile.TemporaryDirectory(prefix="soak-") as scratch, \
            served_site(args.pages) as base:
        marks, pages = soak(base, Path(scratch), every=args.every,
                            concurrency=args.concurrency, max_seconds=args.max_seconds)
    print(f"\n{pages:,} pages crawled")
    checks = verdict(marks)
    for text, ok in checks:
        print(("PASS " if ok else "MISS ") + text)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
