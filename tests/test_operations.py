"""Running newscrawl as an operator: see failures, retry them, loud discovery, filters.

Real servers on 127.0.0.1 (the local site, pytest-httpserver), real SQLite files,
the installed `crawl` in a subprocess, as a user runs it.
"""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from scraper.config import load_config
from scraper.crawl.schedule import FIRST_BACKOFF
from scraper.crawl.service import choose_sources
from scraper.store.database import Store
from tests.localsite import LocalSite, query, run_crawl, site_source, write_config


def set_private(config: Path, allowed: bool) -> None:
    data = yaml.safe_load(config.read_text())
    data["fetch"]["allow_private_addresses"] = allowed
    config.write_text(yaml.safe_dump(data, sort_keys=False))


def test_skipped_urls_are_listed_and_retried_under_the_new_config(tmp_path: Path) -> None:
    with LocalSite(5) as site:
        config = write_config(tmp_path, [site_source(site)], allow_private_addresses=False)
        first = run_crawl(config, "run")
        assert first.returncode == 1, first.stderr  # the guard refused every article
        database = tmp_path / "news.db"
        assert query(database, "select count(*) from articles") == [(0,)]

        listed = run_crawl(config, "urls", "--state", "skipped", "--format", "json")
        skipped = [json.loads(line) for line in listed.stdout.splitlines()]
        assert skipped and all(row["state"] == "skipped" for row in skipped)
        assert any("loopback" in row["last_error"] for row in skipped)
        shown = run_crawl(config, "discover", "local", "--format", "json")
        states = {json.loads(line)["status"] for line in shown.stdout.splitlines()}
        assert "stored" not in states and any(s.startswith("skipped: ") for s in states)

        set_private(config, True)
        retried = run_crawl(config, "retry", "--state", "skipped", "--source", "local")
        assert retried.returncode == 0, retried.stderr
        assert f"{len(skipped)} URLs queued again" in retried.stderr
        again = run_crawl(config, "run", "--source", "local")
        assert again.returncode == 0, again.stderr
    assert query(database, "select count(*) from articles") == [(len(site.articles),)]
    # Judged again: the guard lets the local links through now; robots.txt still says no.
    assert query(database, "select state, error_kind, count(*) from urls group by 1, 2") == [
        ("done", None, len(site.articles)), ("skipped", "robots", 1)]


def feed(server: HTTPServer, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{server.url_for(p)}</link></item>"
                    for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def page(title: str) -> str:
    words = " ".join(["The harbour reopened after the storm and the ferries ran again."] * 12)
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{words}</p><p>{words}</p></article></body></html>")


def test_failures_are_named_listed_and_retried(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed(httpserver, ["/good.html", "/gone.html"]), content_type="application/rss+xml")
    httpserver.expect_request("/good.html").respond_with_data(page("Good"),
                                                              content_type="text/html")
    config = write_config(tmp_path, [{"name": "wire", "feeds": [httpserver.url_for("/feed.xml")]}])
    first = run_crawl(config, "run")
    assert first.returncode == 1, "a URL failed"
    assert "1 URLs failed (http-404 1)" in first.stderr
    assert "crawl urls --state failed" in first.stderr

    failed = run_crawl(config, "urls", "--error", "http-404", "--format", "csv")
    assert failed.stdout.splitlines()[0].startswith("url,source,state,error_kind,attempts")
    assert [line.split(",")[:4] for line in failed.stdout.splitlines()[1:]] == [
        [httpserver.url_for("/gone.html"), "wire", "failed", "http-404"]]
    table = run_crawl(config, "urls", "--state", "failed")
    assert "failed: http-404" in table.stdout

    httpserver.expect_request("/gone.html").respond_with_data(page("Back"),
                                                              content_type="text/html")
    assert "1 URLs queued again" in run_crawl(config, "retry", "--error", "http").stderr
    again = run_crawl(config, "run", "--source", "wire")
    assert again.returncode == 0, again.stderr
    empty = run_crawl(config, "urls", "--state", "failed", "--format", "json")
    assert empty.stdout == "[]\n", "an empty result prints an empty array, not nothing"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_discovery_failures_are_loud_and_the_source_backs_off(
        tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/news/").respond_with_data(page("Section"),
                                                          content_type="text/html")
    refused = f"http://127.0.0.1:{closed_port()}/feed.xml"
    config = write_config(tmp_path, [{"name": "broken", "feeds": [
        refused, httpserver.url_for("/missing.xml"), httpserver.url_for("/news/")]}])
    result = run_crawl(config, "run")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"crawl: error: broken: feed {refused}: connection refused" in lines
    assert (f"crawl: error: broken: feed {httpserver.url_for('/missing.xml')}: "
            "HTTP 404 (not found)") in lines
    assert (f"crawl: error: broken: feed {httpserver.url_for('/news/')}: is HTML, not a feed: "
            "did you mean `sections:` or `home:`?") in lines
    assert "robots.txt" not in result.stderr
    assert "crawl urls" not in result.stderr, "no URL failed: the pages were named above"
    listed = run_crawl(config, "sources", "--format", "json")
    assert '"next_due": "now"' not in listed.stdout, "sources shows the back-off"

    conf = load_config(str(config))
    with Store(tmp_path / "news.db") as store:
        now = datetime.now(UTC)
        assert choose_sources(conf, store, (), now) == [], "not at every start"
        later = now + timedelta(seconds=FIRST_BACKOFF + 1)
        assert [s.name for s in choose_sources(conf, store, (), later)] == ["broken"], \
            "due again after its back-off, long before its hour"


@pytest.mark.parametrize(("args", "message"), [
    (["search", "x", "--since", "2016-13-45"], "--since '2016-13-45': not a date"),
    (["export", "--until", "soon"], "--until 'soon': not a date"),
    (["search", "x", "--lang", "english"], "--lang 'english': not a language code"),
    (["search", "x", "--source", "nosuch"], "--source 'nosuch': no such source"),
    (["urls", "--source", "nosuch"], "--source 'nosuch': no such source"),
    (["prune", "--older-than", "ninety"], "--older-than 'ninety': not a duration"),
])
def test_bad_filters_are_refused_in_one_line(tmp_path: Path, args: list[str],
                                             message: str) -> None:
    config = write_config(tmp_path, [{"name": "wire", "feeds": ["http://127.0.0.1:9/f"]}])
    Store(tmp_path / "news.db").close()
    result = run_crawl(config, *args)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"crawl: error: {result.stderr[13:].strip()}"]
    assert message in result.stderr


@pytest.mark.parametrize("since", ["yesterday", "today", "7d", "2026-11-01",
                                   "2026-11-01T06:00:00+01:00"])
def test_good_filters_are_taken(tmp_path: Path, since: str) -> None:
    config = write_config(tmp_path, [{"name": "wire", "feeds": ["http://127.0.0.1:9/f"]}])
    Store(tmp_path / "news.db").close()
    result = run_crawl(config, "search", "harbour", "--since", since, "--lang", "en-GB",
                       "--source", "wire", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["id,title,published,url,snippet"]
