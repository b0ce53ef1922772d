"""SIGKILL a ``crawl import`` mid-file, start it again, and check nothing was lost or stored twice.

Each batch of records commits with the file's new offset, so at a kill the
stored articles are exactly those of the records before that offset, and
the next import starts there: a record stored again would show in its
summary as "unchanged".
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from scraper.archive.importer import BATCH, import_archives
from scraper.archive.read import read_archive
from scraper.config import load_config
from scraper.page import Page
from scraper.store.database import Store
from tests.localsite import CRAWL, query, templates
from tests.warcs import site_pages, write_warc

pytestmark = pytest.mark.skipif(not templates(), reason="no benchmark pages in shared/bench")

PAGES = 3 * BATCH


def progress(db: Path) -> tuple[int, int]:
    if not db.exists():
        return 0, 0
    try:
        rows = query(db, "SELECT offset, records FROM import_progress")
    except Exception:  # the first migration not committed yet
        return 0, 0
    return rows[0] if rows else (0, 0)


def test_a_killed_import_resumes_without_loss_or_repeat(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "news.warc.gz", site_pages(PAGES))
    urls_in_order = [e.item.url for e in read_archive(archive) if isinstance(e.item, Page)]
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        import_archives(store, [str(archive)], load_config(None).clean)
    expected = query(reference, "SELECT url, title, text FROM articles ORDER BY url")

    db = tmp_path / "news.db"
    command = [str(CRAWL), "--db", str(db), "import", str(archive), "--format", "json"]
    kills = 0
    for target in (BATCH, 2 * BATCH):
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 900  # bounds a hang; a busy machine is slow, not stuck
        while progress(db)[1] < target and child.poll() is None:
            assert time.monotonic() < deadline, "the import made no progress"
            time.sleep(0.01)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            kills += 1
        child.wait(timeout=30)
        offset, records = progress(db)
        stored = {url for (url,) in query(db, "SELECT fetched_url FROM articles")}
        # Exactly the articles of the committed records: nothing past the offset.
        reference_urls = {url for (url,) in query(reference, "SELECT fetched_url FROM articles")}
        assert stored == set(urls_in_order[:records]) & reference_urls
        assert offset > 0

    assert kills >= 1, "the import ended before any kill: make the archive bigger"
    before = len(query(db, "SELECT id FROM articles"))
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["resumed"] == 1
    assert summary["counts"].get("unchanged", 0) == 0
    assert summary["counts"]["new"] == len(expected) - before
    assert query(db, "SELECT url, title, text FROM articles ORDER BY url") == expected
    assert query(db, "SELECT count(*) FROM raw_pages") == query(
        reference, "SELECT count(*) FROM raw_pages")
