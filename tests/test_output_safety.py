"""What a page says is printed as text: never Rich markup, never terminal control.

End to end through the real console script (a page with markup and escape
sequences in its title and text, stored, then searched, shown, queried), and
property-based over every output format with random Rich markup and ANSI/OSC
sequences.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners import clean
from cleaners.controls import strip_controls
from scraper.console import print_table, write_csv, write_json_rows
from scraper.render import FORMATS, render
from tests.localsite import CRAWL

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE = ("Harbour [/i] news [link=https://evil.example/]click[/link] "
           "&#x1b;[31mred&#x1b;[0m &#x1b;]0;pwned&#x07; "
           "&#x1b;]8;;https://evil.example/&#x1b;\\hidden&#x1b;]8;;&#x1b;\\ "
           "&#x1b;]52;c;ZXZpbA==&#x07; &#x9b;2J")
PAGE = (f"<html><head><title>Storm [bold]{HOSTILE}</title></head><body><article>"
        f"<h1>Storm [/x] over the harbour</h1>"
        + f"<p>Boats were tied up early as the storm came in. {HOSTILE} The harbour master "
          "said the boats would stay in until the wind dropped, perhaps on Sunday.</p>" * 3
        + "</article></body></html>")


@pytest.fixture
def crawl(tmp_path: Path):  # type: ignore[no-untyped-def]
    config = tmp_path / "config.yaml"
    config.write_text("sources:\n  - name: '[/x]'\n    feeds: [http://127.0.0.1:9/feed]\n"
                      "  - name: \"\\e]0;title\\a[red]\"\n    feeds: [http://127.0.0.1:9/f2]\n")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(CRAWL), "--config", str(config), "--db",
                               str(tmp_path / "news.db"), *args], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120, check=False)

    return run


def assert_clean_output(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not CONTROL.search(result.stdout), result.stdout
    assert not CONTROL.search(result.stderr), result.stderr


def test_page_markup_and_escapes_reach_no_terminal(crawl, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "storm.html"
    page.write_text(PAGE)
    fetched = crawl("fetch", str(page), "--url", "https://news.example/storm")
    assert_clean_output(fetched)
    assert "[/i]" in fetched.stdout and "[link=https://evil.example/]" in fetched.stdout
    for args in (("search", "harbour"), ("search", "harbour", "--format", "json"),
                 ("search", "harbour", "--format", "csv"), ("show", "1"),
                 ("show", "1", "--format", "markdown"), ("show", "1", "--format", "json"),
                 ("query", "select '[/x]' as a, title from articles"),
                 ("query", "select char(27) || '[31m' || '[/x]' as a"),
                 ("explain", str(page)), ("clean", str(page)), ("sources",)):
        result = crawl(*args)
        assert_clean_output(result)
        assert "[/" in result.stdout, args  # the brackets are text, shown as they are


# -- every output format, random markup and escapes -----------------------------------

MARKUP = st.sampled_from(["[", "]", "[/]", "[/i]", "[bold]", "[link=http://x/]", "\\[",
                          "\x1b", "\x1b[31m", "\x1b]0;t\x07", "\x1b]8;;http://x/\x1b\\",
                          "\x9b", "\x07", "\r", "\x00", "\u0085", "é", "a", " ", "\n", "\t"])
HOSTILE_TEXT = st.lists(MARKUP | st.text(max_size=5), max_size=12).map("".join)


@settings(max_examples=60, deadline=None)
@given(cells=st.lists(HOSTILE_TEXT, min_size=2, max_size=2), title=HOSTILE_TEXT)
def test_tables_print_any_text_literally(cells: list[str], title: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        print_table(["a", "b"], [cells], title=title)
    out = printed.getvalue()
    assert not CONTROL.search(out)
    for cell in cells:  # every word of a cell is shown, however Rich folds the lines
        for word in strip_controls(cell).split():
            assert word[:1] in out


@settings(max_examples=60, deadline=None)
@given(cells=st.lists(HOSTILE_TEXT, min_size=2, max_size=2))
def test_json_and_csv_rows_round_trip_without_controls(cells: list[str]) -> None:
    as_json, as_csv = io.StringIO(), io.StringIO()
    write_json_rows(["a", "b"], [cells], as_json)
    write_csv(["a", "b"], [cells], as_csv)
    assert not CONTROL.search(as_json.getvalue().replace("\n", ""))
    assert json.loads(as_json.getvalue()) == {"a": strip_controls(cells[0]),
                                              "b": strip_controls(cells[1])}
    assert list(csv.reader(io.StringIO(as_csv.getvalue())))[1] == [strip_controls(c)
                                                                     for c in cells]


@settings(max_examples=40, deadline=None)
@given(text=HOSTILE_TEXT, data=st.binary(max_size=200))
def test_cleaned_articles_hold_no_control_characters(text: str, data: bytes) -> None:
    html = (f"<title>{text}</title><article><p>{text} " + "words of a story " * 20
            + "</p></article>").encode() + data
    article = clean(html, "https://news.example/a")
    for fmt in FORMATS:
        assert not CONTROL.search(render(article.to_dict(), fmt).replace("\n", "")
                                  .replace("\t", ""))
