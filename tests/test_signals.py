"""Ctrl-C and SIGTERM on `crawl run`, `crawl fetch` and `crawl reclean`: said at once,
no new request, in-flight pages done or abandoned within 5 s, the run recorded, 130/143."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from scraper.config import CleanConfig
from scraper.crawl.reclean import reclean
from scraper.stop import STOP_GRACE, Stopper
from tests.localsite import CRAWL, LocalSite, query, site_source, write_config


class Watched:
    """A `crawl` subprocess whose stderr lines are timestamped as they come."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen([str(CRAWL), *args], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        self.lines: list[tuple[float, str]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, predicate: object, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not predicate():  # type: ignore[operator]
            if self.process.poll() is not None:
                self.finish()
                raise AssertionError(self.text())
            assert time.monotonic() < deadline, self.text()
            time.sleep(0.05)

    def finish(self, seconds: float = 30) -> int:
        code = self.process.wait(timeout=seconds)
        self._reader.join(timeout=5)
        assert self.process.stderr is not None
        self.process.stderr.close()
        return code

    def stop(self, signum: signal.Signals) -> tuple[int, float]:
        """Send ``signum``; the exit code and the seconds the process took to end."""
        sent = time.monotonic()
        self.process.send_signal(signum)
        self.process.wait(timeout=30)
        took = time.monotonic() - sent  # not the wait for stderr's end: workers hold it a while
        return self.finish(), took

    def said(self, words: str) -> float | None:
        return next((at for at, line in self.lines if words in line), None)

    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)


def article_requests(site: LocalSite, after: float) -> int:
    paths = set(site.article_paths)
    return sum(1 for hit in site.hits if hit.path in paths and hit.at > after)


def stalling(site: LocalSite, directory: Path) -> Path:
    """Every article of ``site`` answers only after 30 s; the config to crawl it."""
    for article in site.articles:
        site.hold[article.path] = 30.0
    return write_config(directory, [site_source(site)], read_timeout=60)


def test_first_sigint_stops_a_slow_run_within_the_grace(tmp_path: Path) -> None:
    with LocalSite(8) as site:
        config = write_config(tmp_path, [site_source(site)], delay=2, concurrency=2,
                              per_host_concurrency=1)
        crawl = Watched("--config", str(config), "run")
        crawl.wait_for(lambda: " new " in crawl.text())
        signalled = time.monotonic()
        crawl.process.send_signal(signal.SIGINT)
        crawl.wait_for(lambda: crawl.said("stopping after") is not None, seconds=10)
        said = crawl.said("stopping after")
        code = crawl.finish()
        stopped = time.monotonic()
        started_after = article_requests(site, signalled + 0.2)
    assert said is not None and said - signalled < 2.5, "said at once (give a busy machine 2 s)"
    assert code == 130, crawl.text()
    assert stopped - signalled < STOP_GRACE + 3
    assert started_after <= 2, "no new request after the signal, beyond those in flight"
    database = tmp_path / "news.db"
    assert query(database, "select status from crawl_runs") == [("interrupted",)]
    assert query(database, "select count(*) from urls where state = 'in_flight'") == [(0,)]


def test_a_second_signal_stops_at_once_and_still_records_the_run(tmp_path: Path) -> None:
    with LocalSite(8) as site:
        config = stalling(site, tmp_path)
        crawl = Watched("--config", str(config), "run")
        crawl.wait_for(lambda: any(h.path in site.hold for h in site.hits))
        crawl.process.send_signal(signal.SIGTERM)
        crawl.wait_for(lambda: crawl.said("stopping after") is not None, seconds=10)
        code, took = crawl.stop(signal.SIGTERM)
        site.hold.clear()
    assert code == 143, crawl.text()
    assert took < STOP_GRACE, "without the grace the first signal gives"
    assert "Traceback" not in crawl.text()
    assert query(tmp_path / "news.db", "select status from crawl_runs") == [("interrupted",)]


def test_sigint_stops_crawl_fetch(tmp_path: Path) -> None:
    with LocalSite(5) as site:
        config = stalling(site, tmp_path)
        crawl = Watched("--config", str(config), "fetch",
                        *[site.url(a.path) for a in site.articles])
        crawl.wait_for(lambda: sum(h.path in site.hold for h in site.hits) >= 1)
        code, took = crawl.stop(signal.SIGINT)
        site.hold.clear()
    assert code == 130, crawl.text()
    assert "stopping after" in crawl.text()
    # the grace, then the pages fetched before the signal are cleaned and stored (a
    # cleaner worker starts for them, loading its models): nothing fetched is lost
    assert took < STOP_GRACE + 6


def test_reclean_stops_on_a_signal_and_records_the_run(tmp_path: Path) -> None:
    from scraper.store.database import Store

    with Store(tmp_path / "news.db") as store:
        for n in range(3):
            url = f"https://example.com/{n}"
            store.save_page(url=url, final_url=url, status=200,
                            headers={"content-type": "text/html"}, body=b"<p>x</p>",
                            fetched_at="2026-11-27T00:00:00+00:00")
        said: list[str] = []
        with Stopper() as stopper:
            os.kill(os.getpid(), signal.SIGINT)
            stopper.wait(5)
            result = reclean(store, CleanConfig(), stopper=stopper, notice=said.append)
        runs = store.conn.execute("select command, status from crawl_runs").fetchall()
    assert result.stopped and result.pages == 0
    assert said == ["stopping after 0 pages in flight"]
    assert runs == [("reclean", "interrupted")]
    assert stopper.exit_code == 130


def test_ctrl_c_while_the_command_starts_prints_no_traceback(tmp_path: Path) -> None:
    """Ctrl-C in the first instants, while Python imports the program, ends it as the
    shell expects; afterwards it is our one line. Never an interrupted import's traceback."""
    checked = 0
    for delay in (0.1, 0.15, 0.2, 0.3, 0.5):
        started = subprocess.Popen([str(CRAWL), "--db", str(tmp_path / "news.db"), "stats"],
                                   cwd=tmp_path, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        started.send_signal(signal.SIGINT)
        _, err = started.communicate(timeout=60)
        if "init_import_site" in err:
            continue  # a loaded machine: the interpreter itself was starting, before our code
        assert "Traceback" not in err, (delay, err[-1000:])
        assert started.returncode in (0, 1, 2, 130, -signal.SIGINT), (delay, started.returncode)
        checked += started.returncode in (130, -signal.SIGINT)  # Ctrl-C came in time
    assert checked, "no Ctrl-C arrived while the command ran"


def test_importing_the_command_line_leaves_ctrl_c_as_it_was() -> None:
    """Ctrl-C quits quietly only while crawl.py's own imports run: a program or a
    test run that imports it keeps its own handler."""
    probe = ("import signal; before = signal.getsignal(signal.SIGINT); import crawl; "
             "assert signal.getsignal(signal.SIGINT) is before")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=False, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr[-1000:]
