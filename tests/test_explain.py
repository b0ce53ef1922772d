"""cleaners.explain and `crawl explain`: every part of the page, kept or removed and why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cleaners import clean
from cleaners.explain import OUTSIDE, explain
from tests.pages import ARTICLE_PARAGRAPHS, ORIGINAL_URL, republished_page

URL = "https://republisher.example/2026/11/27/harbour-reopens/"


def test_segments_are_the_page_in_order_with_the_article_kept() -> None:
    article, segments = explain(republished_page(), URL)
    assert article == clean(republished_page(), URL), "explain shows what clean does"
    kept = "\n\n".join(s.text for s in segments if s.kind is None)
    assert kept == article.text
    assert all(p in kept for p in ARTICLE_PARAGRAPHS)
    kinds = [s.kind for s in segments]
    assert kinds.index("source") < kinds.index("related") < kinds.index("comments")
    removed = {s.kind: s for s in segments if s.kind is not None}
    assert "Source link" in removed["source"].text
    assert "Ferry timetable changes for winter" in removed["related"].text
    assert "Your email address will not be published." in removed["comments"].text
    assert all(s.rule for s in segments if s.kind is not None)
    assert article.source_url == ORIGINAL_URL


def test_text_outside_the_article_is_labelled_not_hidden() -> None:
    page = republished_page().replace(
        "<article", "<div>Breaking: markets open higher</div><article", 1)
    article, segments = explain(page, URL)
    (holding,) = [s for s in segments if "markets open higher" in s.text]
    assert (holding.kind, holding.rule) == OUTSIDE
    assert "markets" not in article.text


def test_a_story_in_a_noscript_is_explained_as_kept() -> None:
    paragraphs = [f"{p} The harbour master gave the figures for day {n} of the storm."
                  for n, p in enumerate(ARTICLE_PARAGRAPHS)]
    story = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html><body><main><h1>Harbour reopens</h1><noscript>{story}</noscript>"
            '<noscript><img src="/pixel.gif">Enable JavaScript</noscript></main></body></html>')
    article, segments = explain(page, URL)
    kept = "\n\n".join(s.text for s in segments if s.kind is None)
    assert kept == article.text == "\n\n".join(paragraphs)
    assert not any("Enable JavaScript" in s.text for s in segments)


def test_a_soft_hyphenated_paragraph_is_explained_as_kept() -> None:
    """The article drops soft hyphens; the page's own text still holds them."""
    page = republished_page().replace(ARTICLE_PARAGRAPHS[1][:12],
                                      "\u00ad".join(ARTICLE_PARAGRAPHS[1][:12]), 1)
    article, segments = explain(page, URL)
    assert ARTICLE_PARAGRAPHS[1] in article.text
    (holding,) = [s for s in segments if ARTICLE_PARAGRAPHS[1][20:60] in s.text]
    assert holding.kind is None


def test_explain_on_junk_says_why() -> None:
    article, segments = explain(b"\x00\x01\x02" * 100)
    assert segments == [] and article.reason


def test_crawl_explain_prints_kept_and_removed_and_writes_html(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(republished_page(), encoding="utf-8")
    crawl = str(Path(sys.executable).with_name("crawl"))
    shown = subprocess.run([crawl, "explain", str(page), "--url", URL, "--html", "why.html"],
                           capture_output=True, text=True, cwd=tmp_path, check=False)
    assert shown.returncode == 0, shown.stderr
    assert "kept" in shown.stdout and ARTICLE_PARAGRAPHS[0] in shown.stdout
    assert "removed [related]" in shown.stdout and "removed [source]" in shown.stdout
    report = (tmp_path / "why.html").read_text(encoding="utf-8")
    assert "<script" not in report and "Ferry timetable" in report
    as_json = subprocess.run([crawl, "explain", str(page), "--url", URL, "--format", "json"],
                             capture_output=True, text=True, cwd=tmp_path, check=False)
    data = json.loads(as_json.stdout)
    assert data["article"]["source_url"] == ORIGINAL_URL
    assert {"text", "kind", "rule"} <= set(data["segments"][0])
