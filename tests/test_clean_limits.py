"""Every clean under a time limit (``clean.timeout``), and every read of a page bounded.

The hostile page is one the cleaner handles correctly but slowly (300,000
sibling elements: ~5 s on an idle core), so only the time limit can stop it;
for ``crawl explain``'s metadata decisions, a page nested 60,000 deep.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.localsite import CRAWL, query, run_crawl, write_config
from tests.test_crawl_waits import PAGE, serve_sitemap

SLOW_PAGE = "<html><body>" + "<span>a</span>" * 300_000 + "</body></html>"
NESTED_PAGE = ("<html><head><title>Deep</title></head><body>" + "<div>" * 60_000
               + "text</body></html>")


@pytest.mark.parametrize(("verb", "html", "bound"), [
    ("clean", SLOW_PAGE, 20),
    # The cleaner gives up on this page at once (nested too deep), but explain's metadata
    # decisions parse it whole, which takes minutes: only the time limit stops them.
    ("explain", NESTED_PAGE, 60),
])
def test_crawl_clean_and_explain_stop_a_slow_page_at_the_time_limit(
        tmp_path: Path, verb: str, html: str, bound: float) -> None:
    page = tmp_path / "slow.html"
    page.write_text(html)
    config = write_config(tmp_path, [], max_bytes=10_000_000)
    config.write_text(config.read_text() + "clean:\n  timeout: 1s\n")
    started = time.monotonic()
    result = run_crawl(config, verb, str(page), timeout=300)
    assert time.monotonic() - started < bound
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"crawl: error: {page}: the cleaner ran past its limit of 1s"]


def test_a_page_past_the_time_limit_is_a_recorded_failure_and_the_crawl_goes_on(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/slow.html").respond_with_data(SLOW_PAGE,
                                                              content_type="text/html")
    fine = [f"/story-{n}.html" for n in range(2)]
    for n, path in enumerate(fine):
        httpserver.expect_request(path).respond_with_data(PAGE.format(n=n),
                                                          content_type="text/html")
    config = write_config(tmp_path, [{"name": "mixed", "sitemaps": [
        serve_sitemap(httpserver, ["/slow.html", *fine])]}], max_bytes=10_000_000)
    config.write_text(config.read_text() + "clean:\n  timeout: 1s\n")
    result = run_crawl(config, "run", "--format", "json", timeout=120)
    assert result.returncode == 1, result.stderr  # some work failed
    assert json.loads(result.stdout.splitlines()[-1])["errors"] == {"cleaner-timeout": 1}
    states = dict(query(tmp_path / "news.db", "SELECT url, state || ' ' || "
                        "coalesce(error_kind, '') FROM urls"))
    assert states == {httpserver.url_for("/slow.html"): "failed cleaner-timeout",
                      **{httpserver.url_for(p): "done " for p in fine}}


def test_crawl_clean_of_an_endless_file_reads_no_further_than_max_bytes(
        tmp_path: Path) -> None:
    result = subprocess.run([str(CRAWL), "clean", "/dev/zero"], capture_output=True,
                            text=True, timeout=60, check=False, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "crawl: error: /dev/zero: larger than fetch.max_bytes (10000000 bytes)"]


def test_a_gzipped_page_is_cleaned_as_its_content(tmp_path: Path) -> None:
    plain, packed = tmp_path / "story.html", tmp_path / "story.html.gz"
    plain.write_text(PAGE.format(n=1))
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    outputs = [subprocess.run([str(CRAWL), "clean", str(path), "--format", "json"],
                              capture_output=True, text=True, timeout=60, check=True,
                              cwd=tmp_path).stdout for path in (plain, packed)]
    assert json.loads(outputs[1])["text"] == json.loads(outputs[0])["text"] != ""


@pytest.mark.parametrize(("content", "error"), [
    (gzip.compress(b"a" * 10_000_001), "larger than fetch.max_bytes (10000000 bytes)"),
    (gzip.compress(PAGE.format(n=1).encode())[:60], "a gzip file cut short"),
    (b"\x1f\x8bnot gzip at all", "a gzip file that does not decompress"),
])
def test_a_gzipped_page_is_bounded_and_a_broken_one_is_one_line(
        tmp_path: Path, content: bytes, error: str) -> None:
    path = tmp_path / "story.html.gz"
    path.write_bytes(content)
    result = subprocess.run([str(CRAWL), "clean", str(path)], capture_output=True, text=True,
                            timeout=60, check=False, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"crawl: error: {path}: {error}")
