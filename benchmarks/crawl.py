"""Crawl benchmark: our crawler against a Scrapy + trafilatura pipeline, on loopback.

A generated site of ``--articles`` pages (the real scrapinghub pages, each copy
with its words marked so no two are duplicates) is served by its own process
(``python -m tests.localsite``), so the server never shares a GIL with a
crawler. Each crawler runs in its own process too; its peak RSS is its own
(``benchmarks.peak``: not this script's, which ``os.wait4`` would report), and
that of its whole process tree (worker processes included) comes from sampling
/proc. Both discover the articles from the same sitemap index behind
robots.txt, at the same concurrency, with no delay, and store into SQLite.

Then the memory check: our crawler with ``--articles`` URLs queued against
``--queued`` URLs queued (a site that big, ``--limit`` fetching the same
number of pages), whose peak RSS must stay flat.

    python benchmarks/crawl.py                       # 5,000 pages; 50,000 queued
    python benchmarks/crawl.py --articles 500 --queued 5000 --no-scrapy   # quick look

Targets (issue 4): articles/s at least 2x Scrapy's; peak RSS at most 250 MB at
50,000 queued and no more than 20% above the 5,000 case. Exit status 1 when
one is missed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# after ROOT is on the path (E402 is ignored in files named crawl.py: see pyproject.toml)
from benchmarks.peak import Launched
from tests.localsite import CRAWL, tree_rss_mb, write_config

SPEED_TARGET = 2.0
RSS_CEILING_MB = 250.0
RSS_GROWTH = 0.20


@dataclass(frozen=True)
class Measured:
    name: str
    queued: int
    fetched: int
    stored: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    tree_rss_mb: float  # sampled: the crawler and any worker processes it started

    @property
    def per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


@contextmanager
def served_site(articles: int) -> Iterator[str]:
    """A site of ``articles`` pages in its own process; yields its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.localsite", "--articles", str(articles), "--variants",
         "--channels", "sitemap"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


def run_measured(command: list[str], log: Path) -> tuple[str, float, float, float, float]:
    """Run ``command``; its stdout, wall seconds, CPU seconds, its own peak RSS and the
    peak RSS of its whole process tree (sampled every 0.2 s), in MB."""
    with log.open("wb") as errors, tempfile.TemporaryFile() as output:
        started = time.monotonic()
        child = Launched(command, cwd=ROOT, stdout=output, stderr=errors)
        tree_peak = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                tree = sum(tree_rss_mb(pid) for pid in child.command_pids())
                tree_peak[0] = max(tree_peak[0], tree)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        usage = child.wait()
        seconds = time.monotonic() - started
        done.set()
        sampler.join()
        output.seek(0)
        stdout = output.read().decode()
    if usage.status != 0:
        raise SystemExit(f"{command[0]} failed ({usage.status}); see {log}")
    return (stdout, seconds, usage.cpu_seconds, usage.peak_rss_mb,
            max(tree_peak[0], usage.peak_rss_mb))


def count(database: Path, sql: str) -> int:
    with closing(sqlite3.connect(database)) as db:
        return int(db.execute(sql).fetchone()[0])


def ours(base: str, directory: Path, concurrency: int, *, limit: int | None = None,
         name: str = "newscrawl") -> Measured:
    directory.mkdir(parents=True, exist_ok=True)
    config = write_config(directory, [{"name": "bench", "sitemaps": [f"{base}/sitemap_index.xml"]}],
                          concurrency=concurrency, per_host_concurrency=concurrency,
                          connect_timeout=10, read_timeout=30, max_bytes=10_000_000)
    command = [str(CRAWL), "--config", str(config), "run", "--source", "bench", "--format", "json"]
    if limit is not None:
        command += ["--limit", str(limit)]
    stdout, seconds, cpu, rss, tree = run_measured(command, directory / "crawl.log")
    summary: dict[str, Any] = json.loads(stdout)
    database = directory / "news.db"
    return Measured(name, count(database, "SELECT count(*) FROM urls"), summary["fetched"],
                    count(database, "SELECT count(*) FROM articles"), seconds, cpu, rss, tree)


def scrapy(base: str, directory: Path, concurrency: int, articles: int,
           metadata: bool) -> Measured:
    directory.mkdir(parents=True, exist_ok=True)
    database = directory / "scrapy.db"
    command = [sys.executable, str(ROOT / "benchmarks" / "scrapy_spider.py"),
               "--sitemap", f"{base}/sitemap_index.xml", "--db", str(database),
               "--concurrency", str(concurrency), *(["--metadata"] if metadata else [])]
    _, seconds, cpu, rss, tree = run_measured(command, directory / "scrapy.log")
    stored = count(database, "SELECT count(*) FROM articles")
    name = "scrapy+trafilatura" + (" (metadata)" if metadata else "")
    return Measured(name, articles, articles, stored, seconds, cpu, rss, tree)


def table(results: list[Measured]) -> str:
    head = (f"{'crawler':<32} {'queued':>7} {'fetched':>7} {'stored':>7} {'seconds':>8} "
            f"{'cpu s':>7} {'articles/s':>10} {'peak RSS MB':>11} {'tree MB':>7}")
    lines = [head, "-" * len(head)]
    lines += [f"{r.name:<32} {r.queued:>7} {r.fetched:>7} {r.stored:>7} {r.seconds:>8.1f} "
              f"{r.cpu_seconds:>7.1f} {r.per_second:>10.1f} {r.peak_rss_mb:>11.1f} "
              f"{r.tree_rss_mb:>7.1f}"
              for r in results]
    return "\n".join(lines)


def verdicts(base: Measured, rivals: list[Measured],
             big: Measured | None) -> list[tuple[str, bool]]:
    checks = []
    for rival in rivals:
        ratio = base.per_second / rival.per_second if rival.per_second else float("inf")
        checks.append((f"articles/s vs {rival.name}: {ratio:.2f}x (target >= {SPEED_TARGET}x)",
                       ratio >= SPEED_TARGET))
    if big is not None:
        growth = big.tree_rss_mb / base.tree_rss_mb - 1
        checks.append((f"peak RSS at {big.queued:,} queued: {big.tree_rss_mb:.0f} MB, workers "
                       f"included (target <= {RSS_CEILING_MB:.0f})",
                       big.tree_rss_mb <= RSS_CEILING_MB))
        checks.append((f"RSS growth {base.queued:,} -> {big.queued:,} queued: {growth:+.0%} "
                       f"(target <= +{RSS_GROWTH:.0%})", growth <= RSS_GROWTH))
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--queued", type=int, default=50_000,
                        help="URLs queued in the memory check (0: skip it)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--no-scrapy", action="store_true")
    parser.add_argument("--scrapy-metadata", action="store_true",
                        help="also run Scrapy with trafilatura's metadata extraction")
    parser.add_argument("--keep", metavar="DIR", help="keep databases and logs in DIR")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as scratch:
        work = Path(args.keep or scratch)
        results: list[Measured] = []
        rivals: list[Measured] = []
        with served_site(args.articles) as base:
            ours_result = ours(base, work / "ours", args.concurrency)
            results.append(ours_result)
            print(table(results[-1:]).splitlines()[-1], flush=True)
            if not args.no_scrapy:
                variants = [False, True] if args.scrapy_metadata else [False]
                for metadata in variants:
                    rivals.append(scrapy(base, work / f"scrapy-{metadata}", args.concurrency,
                                         args.articles, metadata))
                    print(table(rivals[-1:]).splitlines()[-1], flush=True)
                results += rivals
        big = None
        if args.queued:
            with served_site(args.queued) as base:
                big = ours(base, work / "queued", args.concurrency, limit=args.articles,
                           name=f"newscrawl, --limit {args.articles}")
            results.append(big)
        print()
        print(table(results))
        print()
        checks = verdicts(ours_result, rivals, big)
        for text, ok in checks:
            print(("PASS " if ok else "MISS ") + text)
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
