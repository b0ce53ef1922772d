"""One exit-code contract for every verb (0 done, 1 some work failed, 2 usage, config
or input error, 75 already running), and no traceback for any argument however strange.

130/143 (stopped by a signal) is tested in tests/test_signals.py and test_service.py.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from cleaners import Article
from scraper.store.database import Store
from scraper.store.lock import RunLock
from tests.localsite import CRAWL, write_config

STORY = ("<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour</h1>"
         + "<p>The harbour reopened after the storm and the ferries ran again.</p>" * 12
         + "</article></body></html>")


@pytest.fixture
def world(tmp_path: Path, httpserver: HTTPServer) -> dict[str, str]:
    """A config with one source, a database with one article, a saved page, a server."""
    httpserver.expect_request("/story.html").respond_with_data(STORY, content_type="text/html")
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<rss version="2.0"><channel><item><link>{httpserver.url_for("/story.html")}</link>'
        "</item></channel></rss>", content_type="application/rss+xml")
    config = write_config(tmp_path, [{"name": "wire",
                                      "feeds": [httpserver.url_for("/feed.xml")]}])
    with Store(tmp_path / "news.db") as store:
        url = "https://example.com/harbour"
        store.save_article(Article(url=url, title="Harbour reopens", text="The harbour."),
                           url=url, page_id=None, source="wire",
                           fetched_at="2026-11-27T00:00:00+00:00")
    saved = tmp_path / "saved.html"
    saved.write_text(STORY)
    return {"config": str(config), "db": str(tmp_path / "news.db"), "saved": str(saved),
            "good": httpserver.url_for("/story.html"), "gone": httpserver.url_for("/gone.html"),
            "dir": str(tmp_path)}


def crawl(world: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CRAWL), "--config", world["config"], *args],
                          capture_output=True, text=True, timeout=120, check=False,
                          cwd=world["dir"])


CASES: list[tuple[str, list[str], int]] = [
    ("fetch", ["fetch", "{good}"], 0),
    ("fetch", ["fetch", "{gone}"], 1),
    ("fetch", ["fetch", "--format", "yaml", "{good}"], 2),
    ("clean", ["clean", "{saved}", "--url", "https://example.com/s"], 0),
    ("clean", ["clean", "/no/such/file.html"], 2),
    ("explain", ["explain", "{saved}", "--url", "https://example.com/s"], 0),
    ("explain", ["explain", "{gone}"], 1),
    ("explain", ["explain", "{saved}", "--url", "http://[::1/story"], 2),
    ("fetch", ["fetch", "{saved}", "--url", "http://xn--/story"], 2),
    ("clean", ["clean", "{saved}", "--url", "story.html"], 2),
    ("search", ["search", "harbour"], 0),
    ("search", ["search", "harbour", "--since", "2016-13-45"], 2),
    ("query", ["query", "select count(*) from articles"], 0),
    ("query", ["query", "delete from articles"], 2),
    ("query", ["query", "select nonsense from nowhere"], 2),
    ("export", ["export", "--format", "csv"], 0),
    ("export", ["export", "--lang", "english"], 2),
    ("run", ["run", "--source", "wire"], 0),
    ("run", ["run", "--source", "nosuch"], 2),
    ("sources", ["sources"], 0),
    ("sources", ["sources", "--format", "xml"], 2),
    ("discover", ["discover", "wire"], 0),
    ("discover", ["discover", "nosuch"], 2),
    ("show", ["show", "1"], 0),
    ("show", ["show", "999"], 2),
    ("reclean", ["reclean"], 0),
    ("reclean", ["reclean", "--source", "nosuch"], 2),
    ("stats", ["stats"], 0),
    ("stats", ["stats", "--nope"], 2),
    ("urls", ["urls", "--state", "failed"], 0),
    ("urls", ["urls", "--state", "broken"], 2),
    ("retry", ["retry", "--state", "failed"], 0),
    ("retry", ["retry", "--since", "last tuesday"], 2),
    ("prune", ["prune", "--older-than", "90d", "--dry-run"], 0),
    ("prune", ["prune"], 2),
    ("import", ["import", "{saved}"], 2),
    ("import", ["import", "/no/such/*.warc.gz"], 2),
    ("merge", ["merge", "{db}", "--into", "{dir}/merged.db"], 0),
    ("merge", ["merge", "/no/such.db"], 2),
    ("merge", ["merge", "{saved}", "--into", "{dir}/merged.db"], 2),
    ("sites", ["sites"], 0),
    ("sites", ["sites", "--format", "xml"], 2),
]


@pytest.mark.parametrize(("verb", "args", "code"), CASES,
                         ids=[f"{verb}-{code}-{n}" for n, (verb, _, code) in enumerate(CASES)])
def test_every_verb_keeps_the_exit_code_contract(world: dict[str, str], verb: str,
                                                 args: list[str], code: int) -> None:
    result = crawl(world, *[arg.format(**world) for arg in args])
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    if code == 2:
        assert len(result.stderr.strip().splitlines()) <= 3, result.stderr  # click's usage


def test_every_command_is_in_the_contract() -> None:
    from crawl import cli

    assert set(cli.commands) - {"serve"} <= {verb for verb, _, _ in CASES}


@pytest.mark.parametrize("verb", ["run", "reclean"])
def test_a_second_writer_exits_75_so_cron_can_tell_it_apart(world: dict[str, str],
                                                           verb: str) -> None:
    with RunLock(world["db"]):
        result = crawl(world, verb)
    assert result.returncode == 75, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


HOSTILE = [
    "x" * 5000,
    "http://example.com/" + "a" * 5000,
    "../../../../etc/passwd",
    "-",
    "--",
    "'; drop table articles; --",
    "\x1b[31mred\x1b[0m",
    "[bold]rich[/bold]",
    "%s%n%x",
    "ünïcödé ✓ 日本語",
    "\t\n ",
    "9" * 400,
    "-1",
    "nan",
]

ARGUMENT_SLOTS = [
    ["fetch", "{}"], ["fetch", "{}", "--url", "{}"], ["clean", "{}"], ["explain", "{}"],
    ["search", "{}"], ["search", "x", "--since", "{}"], ["search", "x", "--until", "{}"],
    ["search", "x", "--lang", "{}"], ["search", "x", "--source", "{}"],
    ["search", "x", "--limit", "{}"], ["query", "{}"], ["export", "--since", "{}"],
    ["export", "--format", "{}"], ["run", "--source", "{}"], ["run", "--limit", "{}"],
    ["discover", "{}"], ["show", "{}"], ["reclean", "--since", "{}"],
    ["urls", "--error", "{}"], ["urls", "--since", "{}"], ["urls", "--state", "{}"],
    ["retry", "--source", "{}"], ["prune", "--older-than", "{}"],
    ["--db", "{}", "stats"], ["--config", "{}", "sources"], ["urls", "--limit", "{}"],
    ["query", "select 1", "--timeout", "{}"],
]


@pytest.mark.parametrize("slot", ARGUMENT_SLOTS, ids=[" ".join(s) for s in ARGUMENT_SLOTS])
def test_hostile_arguments_give_one_line_never_a_traceback(
        world: dict[str, str], slot: list[str], capfd: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with contextlib.ExitStack() as stack:
        run_hostile(world, slot, capfd, monkeypatch, stack)


def run_hostile(world: dict[str, str], slot: list[str], capfd: pytest.CaptureFixture[str],
                monkeypatch: pytest.MonkeyPatch, stack: contextlib.ExitStack) -> None:
    """In-process (`crawl.main`, as the console script calls it), so an exception
    that escapes is a failure here, and 325 runs take seconds, not minutes."""
    from crawl import main

    monkeypatch.chdir(world["dir"])
    null_input = stack.enter_context(open(os.devnull))  # noqa: SIM115 -- closed by the stack
    for hostile in HOSTILE:
        monkeypatch.setattr(sys, "stdin", null_input)  # for `crawl clean -`
        args = [part.replace("{}", hostile) for part in slot]
        code = main(["--config", world["config"], *args])
        err = capfd.readouterr().err
        assert code in (0, 1, 2), (args[:3], err[-500:])
        if code != 0:
            assert err.strip(), "a failure says why"
            assert len(err.strip().splitlines()) <= 2, err[-2000:]
