"""`crawl run --forever`: crawls what is due, sleeps, and stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

from tests.localsite import CRAWL, LocalSite, site_source, write_config


def rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(database)) as conn:
        return conn.execute(sql).fetchall()


def number(database: Path, sql: str) -> int:
    """One count, or -1 while the crawl has not yet created its database."""
    try:
        return int(rows(database, sql)[0][0])
    except sqlite3.OperationalError:
        return -1


def wait_for(predicate: object, *, seconds: float, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():  # type: ignore[operator]
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_forever_crawls_sleeps_and_stops_on_sigterm(tmp_path: Path) -> None:
    with LocalSite(6) as site:
        config = write_config(tmp_path, [site_source(site, every="1h")])
        database = tmp_path / "news.db"
        service = subprocess.Popen([str(CRAWL), "--config", str(config), "run", "--forever"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            wait_for(lambda: number(
                database, "select count(*) from crawl_runs where finished_at is not null") == 1,
                seconds=60, process=service)
            time.sleep(0.5)  # now asleep until the source is due again, in an hour
            requests_while_asleep = site.total()
            time.sleep(1.0)
            assert site.total() == requests_while_asleep, "nothing is fetched before it is due"
        finally:
            service.send_signal(signal.SIGTERM)
            _, err = service.communicate(timeout=30)
    assert service.returncode == 143, err  # stopped by SIGTERM, as the exit-code contract says
    assert "sleeping" in err
    assert rows(database, "select count(*) from articles") == [(len(site.articles),)]
    assert rows(database, "select status from crawl_runs") == [("done",)]


def test_sigterm_mid_crawl_finishes_pages_in_flight_and_the_next_run_goes_on(
        tmp_path: Path) -> None:
    with LocalSite(10, delay=0.4) as site:
        config = write_config(tmp_path, [site_source(site)], concurrency=2,
                              per_host_concurrency=2)
        database = tmp_path / "news.db"
        crawl = subprocess.Popen([str(CRAWL), "--config", str(config), "run"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_for(lambda: number(database, "select count(*) from urls where state = 'done'") >= 2,
                 seconds=60, process=crawl)
        crawl.send_signal(signal.SIGTERM)
        out, err = crawl.communicate(timeout=30)
        assert crawl.returncode == 143, err
        assert "stopping after" in err
        assert "stopped early" in out
        states = dict(rows(database, "select state, count(*) from urls group by state"))
        assert "in_flight" not in states, "pages in flight were finished and recorded"
        assert states.get("queued", 0) > 0, "the signal stopped the crawl early"
        assert rows(database, "select status from crawl_runs") == [("interrupted",)]

        again = subprocess.run([str(CRAWL), "--config", str(config), "run", "--source", "local"],
                               capture_output=True, text=True, timeout=120, check=False)
        assert again.returncode == 0, again.stderr
    stored = rows(database, "select count(*), count(distinct url) from articles")
    assert stored == [(len(site.articles), len(site.articles))]
