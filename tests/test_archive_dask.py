"""crawl import on a local Dask cluster gives the articles an import in one process gives.

Each run starts a real LocalCluster (worker processes, 127.0.0.1 only), so
this is one of the slower tests; the archive is small.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.localsite import CRAWL, query, templates
from tests.warcs import NOISE, site_pages, write_warc

pytestmark = [pytest.mark.skipif(not templates(), reason="no benchmark pages in shared/bench"),
              pytest.mark.slow]
pytest.importorskip("distributed")

SHOWN = ("SELECT a.url, a.title, a.text, a.authors, a.published, a.fetched_at, o.url "
         "FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of ORDER BY a.url")


def imported(db: Path, archive: Path, *options: str) -> dict[str, object]:
    done = subprocess.run([str(CRAWL), "--db", str(db), "import", str(archive), "--format",
                           "json", *options], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_one_and_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    pages = site_pages(16)
    # A page twice under two URLs, so duplicate links depend on the order of storing.
    url, captured, body = pages[0]
    copy = url.replace(".html", "-copy.html")
    archive = write_warc(tmp_path / "news.warc.gz",
                         [*pages, (copy, captured, body.replace(url.encode(), copy.encode()))],
                         noise=True)
    results = {}
    for label, options in (("here", ()), ("one", ("--workers", "1")), ("two", ("--workers", "2"))):
        db = tmp_path / f"{label}.db"
        summary = imported(db, archive, *options)
        assert summary["counts"] == {"new": len(pages) + 1, **NOISE}
        results[label] = query(db, SHOWN)
    assert results["one"] == results["here"]
    assert results["two"] == results["here"]
    assert any(row[-1] for row in results["here"])


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "junk"])  # refused; no port
def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, address: str) -> None:
    archive = write_warc(tmp_path / "news.warc.gz", site_pages(1))
    done = subprocess.run([str(CRAWL), "--db", str(tmp_path / "news.db"), "import", str(archive),
                           "--scheduler", address], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"crawl: error: cannot reach the Dask scheduler {address}")
    assert len(done.stderr.strip().splitlines()) == 1
