"""The cleaner under bad input: no exception, no hang, bounded memory.

``clean`` promises never to raise: it turns an internal error into an empty
article whose reason starts "cleaner failed". So "no exception" here means
no such reason either: a swallowed crash is still a crash.

Three sources of input: hypothesis (any text, any bytes, and HTML built from
nested tags, attributes and entities); mutations of the real pages of
``../shared/bench/scrapinghub`` (truncation, byte flips, tags deleted or
duplicated, other encodings); and pathological pages (100,000-deep nesting,
20 MB, a real page's paragraphs repeated to 1 MB), each run in a child process
with a wall-clock limit, so a quadratic path fails the test instead of hanging
CI, and the child's peak RSS is the memory figure.

Fuzz cases per run: see ``FUZZ_CASES`` (hypothesis examples + mutations +
pathological pages).
"""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners import Article, clean

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCH_HTML = SHARED / "bench" / "scrapinghub" / "html"

NORMAL_LIMIT = 2.0
"""Seconds one ordinary page (a bench page or a mutation of one) may take."""
HUGE_MEMORY_MB = 500
"""Peak RSS growth one pathological page may cause."""

EXAMPLES = 100
"""Hypothesis examples per property: enough to find the usual crash, quick in CI."""
MUTATED_PAGES = 12
"""Bench pages each mutation is applied to (a fixed, seeded sample)."""

FUZZ_CASES = {"hypothesis": 4 * EXAMPLES, "mutations": MUTATED_PAGES * 14, "pathological": 6}
"""How many inputs one run feeds the cleaner (at most: hypothesis may stop early)."""


def assert_survives(page: str | bytes, url: str | None = "http://news.test/2026/11/27/a.html",
                    limit: float = NORMAL_LIMIT) -> Article:
    started = time.perf_counter()
    article = clean(page, url)
    took = time.perf_counter() - started
    assert isinstance(article, Article)
    assert not (article.reason or "").startswith("cleaner failed"), article.reason
    assert isinstance(article.text, str) and isinstance(article.markdown, str)
    assert article.text or article.reason, "an empty article must say why"
    assert took < limit, f"{took:.2f}s for a {len(page):,}-character page"
    return article


# -- hypothesis ------------------------------------------------------------------------------

FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                         suppress_health_check=[HealthCheck.too_slow,
                                                HealthCheck.data_too_large])


@FUZZ_SETTINGS
@given(st.text(max_size=3000))
def test_any_text(text: str) -> None:
    assert_survives(text)


@FUZZ_SETTINGS
@given(st.binary(max_size=3000), st.sampled_from([None, "http://news.test/a", "not a url",
                                                  "http://[bad", ""]))
def test_any_bytes_and_url(body: bytes, url: str | None) -> None:
    assert_survives(body, url)


TAGS = ["html", "head", "body", "title", "meta", "link", "base", "div", "p", "span", "a", "b",
        "article", "main", "section", "aside", "nav", "header", "footer", "h1", "h2", "ul",
        "ol", "li", "table", "tr", "td", "th", "blockquote", "pre", "code", "br", "img",
        "script", "style", "noscript", "template", "iframe", "svg", "math", "form", "input",
        "select", "option", "textarea", "figure", "figcaption", "time", "frameset", "x-y"]
ATTRIBUTES = ["class", "id", "style", "href", "src", "content", "property", "name", "rel",
              "itemprop", "datetime", "hidden", "aria-hidden", "charset", "http-equiv", "lang",
              "onclick", "type", "data-x"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&nbsp", "&#0;", "&#x110000;", "&#xD800;",
            "&#99999999999;", "&unknown;", "&", "&#", "&#x;", "&copy", "\x00", "\ufeff",
            "\u202e", "\ud800"]
ATTRIBUTE_VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["display:none", "visibility:hidden", "javascript:alert(1)",
                     "http://news.test/x", "//x", "application/ld+json", "canonical",
                     "og:title", "article:published_time", "2026-13-45T99:99", "author",
                     "utf-16", "x-bogus-charset", "content-type", "text/html; charset=utf-7",
                     '{"@type": "NewsArticle", "headline": 1, "author": [null, {}]}']))
WORDS = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["The council met on Tuesday to discuss the harbour budget. ",
                     "Related stories", "Share this article", "Source: Reuters",
                     "Subscribe to our newsletter", "Advertisement", "Read more"]),
    st.sampled_from(ENTITIES))


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(st.dictionaries(st.sampled_from(ATTRIBUTES), ATTRIBUTE_VALUES,
                                      max_size=3))
    quote = draw(st.sampled_from(['"', "'", ""]))
    rendered = "".join(f" {name}={quote}{value}{quote}" for name, value in attributes.items())
    children = []
    if depth < 6:
        children = draw(st.lists(st.one_of(WORDS, html_trees(depth + 1)), max_size=5))
    closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>", "</p"]))
    return f"<{tag}{rendered}>" + "".join(children) + closing


@FUZZ_SETTINGS
@given(st.lists(html_trees(), min_size=1, max_size=4),
       st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0'?>", "\ufeff", "<!--"]))
def test_generated_html(trees: list[str], prologue: str) -> None:
    page = prologue + "".join(trees)
    assert_survives(page)
    assert_survives(page.encode("utf-8", "surrogatepass"))


@FUZZ_SETTINGS
@given(st.lists(html_trees(), min_size=1, max_size=3), st.sampled_from(
    ["utf-8", "utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r"]))
def test_generated_html_in_other_encodings(trees: list[str], encoding: str) -> None:
    page = f'<meta charset="{encoding}">' + "".join(trees)
    assert_survives(page.encode(encoding, "replace"))


# -- mutations of real pages --------------------------------------------------------------------


@cache
def bench_sample() -> tuple[bytes, ...]:
    paths = sorted(BENCH_HTML.glob("*.html.gz"))
    chosen = random.Random(20261127).sample(paths, min(MUTATED_PAGES, len(paths)))
    return tuple(gzip.decompress(path.read_bytes()) for path in chosen)


needs_bench = pytest.mark.skipif(not BENCH_HTML.is_dir(), reason=f"no bench pages at {BENCH_HTML}")

_TAG = re.compile(rb"<[^<>]{1,200}>")


def truncate(page: bytes, rng: random.Random) -> bytes:
    return page[:rng.randrange(len(page))]


def truncate_inside_a_tag(page: bytes, rng: random.Random) -> bytes:
    tags = list(_TAG.finditer(page))
    tag = rng.choice(tags)
    return page[:tag.start() + rng.randrange(1, max(2, tag.end() - tag.start()))]


def flip_bytes(page: bytes, rng: random.Random) -> bytes:
    mutated = bytearray(page)
    for _ in range(200):
        mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
    return bytes(mutated)


def random_bytes_spliced(page: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(page))
    return page[:at] + rng.randbytes(2000) + page[at:]


def delete_tags(page: bytes, rng: random.Random) -> bytes:
    return _TAG.sub(lambda m: b"" if rng.random() < 0.3 else m.group(0), page)


def delete_closing_tags(page: bytes, rng: random.Random) -> bytes:
    return re.sub(rb"</[a-zA-Z][^>]*>", b"", page)


def duplicate_tags(page: bytes, rng: random.Random) -> bytes:
    return _TAG.sub(lambda m: m.group(0) * (3 if rng.random() < 0.2 else 1), page)


def shuffle_tags(page: bytes, rng: random.Random) -> bytes:
    tags = [m.group(0) for m in _TAG.finditer(page)]
    rng.shuffle(tags)
    replacement = iter(tags)
    return _TAG.sub(lambda m: next(replacement), page)


def as_utf16(page: bytes, rng: random.Random) -> bytes:
    return page.decode("utf-8", "replace").encode("utf-16")


def as_utf16_without_bom_labelled_utf8(page: bytes, rng: random.Random) -> bytes:
    return page.decode("utf-8", "replace").encode("utf-16-le")


def as_latin1(page: bytes, rng: random.Random) -> bytes:
    return page.decode("utf-8", "replace").encode("latin-1", "replace")


def double_encoded(page: bytes, rng: random.Random) -> bytes:
    return page.decode("latin-1").encode("utf-8")


def lying_charset(page: bytes, rng: random.Random) -> bytes:
    declared = rng.choice([b"utf-16", b"utf-32", b"utf-7", b"x-nonsense", b"iso-2022-jp"])
    return b'<meta charset="' + declared + b'">' + page


def nul_bytes_sprinkled(page: bytes, rng: random.Random) -> bytes:
    return b"".join(page[i:i + 1000] + b"\x00" for i in range(0, len(page), 1000))


MUTATIONS = [truncate, truncate_inside_a_tag, flip_bytes, random_bytes_spliced, delete_tags,
             delete_closing_tags, duplicate_tags, shuffle_tags, as_utf16,
             as_utf16_without_bom_labelled_utf8, as_latin1, double_encoded, lying_charset,
             nul_bytes_sprinkled]
assert len(MUTATIONS) * MUTATED_PAGES == FUZZ_CASES["mutations"]


@needs_bench
@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda f: f.__name__)
def test_mutated_real_pages(mutate: object) -> None:
    rng = random.Random(f"{mutate.__name__}")  # type: ignore[attr-defined]
    for number, page in enumerate(bench_sample()):
        mutated = mutate(page, rng)  # type: ignore[operator]
        try:
            assert_survives(mutated)
        except AssertionError as failure:
            raise AssertionError(f"sample page {number}: {failure}") from None


@needs_bench
def test_unmutated_pages_still_give_articles() -> None:
    """The control: the sample cleans to real articles, so the mutations start from pages
    that exercise the whole cascade, not from pages rejected at once."""
    with_text = [page for page in bench_sample() if len(assert_survives(page).text) > 500]
    assert len(with_text) >= MUTATED_PAGES - 1


# -- pathological pages, each in a child process with a wall-clock limit --------------------------

PATHOLOGICAL_LIMITS = {
    "huge-article": 40.0,        # 20 MB of distinct paragraphs: 13 s alone, 25 s on a busy host
    "deep-div": 3.0,             # 100,000 nested <div>, closed
    "deep-unclosed-mixed": 3.0,  # 102,000 nested blocks, never closed
    "deep-stray-closers": 3.0,   # 100,000 <div>s, each with an end tag that closes nothing
    "deep-commented-closers": 3.0,  # 100,000 <div>s, each with its end tag in a comment
    "real-paragraphs": 8.0,      # 1 MB of a real page's paragraphs, dateless: htmldate searches it
}
"""Seconds each page may take once built: generous (the cleaner takes about 1 s per MB on a
busy core), and the wait a failing case costs, so the cases that were quadratic stay small."""

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from tests.test_fuzz_cleaner import pathological
from cleaners import clean
from scraper.crawl.cleanpool import WARM_UP_PAGE
clean(WARM_UP_PAGE, "http://news.test/warm-up")  # models load here, as in a worker
page = pathological(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("built", flush=True)
started = time.perf_counter()
article = clean(page, "http://news.test/huge.html")
took = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": took, "before_mb": before / 1024, "peak_mb": peak / 1024,
                  "size": len(page), "text": len(article.text), "reason": article.reason}))
"""


def run_pathological(name: str) -> dict[str, Any]:
    """Clean one page in a child; killed ``limit`` seconds after its page is built (lexbor
    holds the GIL while parsing, so no signal inside the child could stop it)."""
    root = str(Path(__file__).resolve().parents[1])
    limit = PATHOLOGICAL_LIMITS[name]
    with subprocess.Popen([sys.executable, "-c", _CHILD, root, name], text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        assert child.stdout is not None
        try:
            if child.stdout.readline().strip() != "built":
                return {"crashed": child.communicate(timeout=60)[1][-2000:]}
            out, err = child.communicate(timeout=limit + 1)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return {"timeout": True}
    if child.returncode != 0:
        return {"crashed": err[-2000:]}
    return dict(json.loads(out))


@pytest.fixture(scope="module")
def pathological_results() -> Iterator[dict[str, Future[dict[str, Any]]]]:
    """The huge page in one worker, the others in the second: a failing case costs its
    limit, so side by side the wait is about the huge page's alone."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {name: pool.submit(run_pathological, name) for name in PATHOLOGICAL_LIMITS}


def pathological(name: str) -> str | bytes:
    """The page a child process cleans (built there, so the parent stays small)."""
    words = "deep text here, enough words to read as a sentence. " * 20
    if name == "deep-div":
        return "<html><body>" + "<div>" * 100_000 + words + "</div>" * 100_000 + "</body></html>"
    if name == "deep-unclosed-mixed":
        return "<html><body>" + "<div><span><b><ul><li><blockquote>" * 17_000 + words
    if name == "deep-stray-closers":
        # the parser ignores an end tag that closes nothing: 100,000 divs deep
        return "<html><body>" + "<div></span>" * 100_000 + words + "</body></html>"
    if name == "deep-commented-closers":
        return "<html><body>" + "<div><!--</div>-->" * 100_000 + words + "</body></html>"
    if name == "huge-article":
        paragraphs = "".join(
            f"<p>Paragraph {n}: the council met on Tuesday to discuss the harbour budget, and "
            f"the vote moved to June after debate number {n * 7919 % 100_003}.</p>\n"
            for n in range(20_000_000 // 140))
        return (f"<html><head><title>Huge</title></head><body><article>{paragraphs}"
                "</article></body></html>")
    if name == "real-paragraphs":
        real = gzip.decompress(sorted(BENCH_HTML.glob("*.html.gz"))[0].read_bytes())
        kept = b"".join(re.findall(rb"<p\b[^>]*>.*?</p>", real, re.S)[:50])
        return (b"<html><head><title>Real</title></head><body><article>"
                + kept * (1_000_000 // len(kept) + 1) + b"</article></body></html>")
    raise ValueError(name)


@pytest.mark.parametrize("name", [
    "deep-div",
    "deep-unclosed-mixed",
    "deep-stray-closers",  # evaded the depth check until 4bc3b1b: ~50 s
    "deep-commented-closers",  # likewise
    "huge-article",
    pytest.param("real-paragraphs", marks=needs_bench),  # quadratic until 4bc3b1b: 35 s
])
def test_pathological_page_in_bounded_time_and_memory(
        name: str, pathological_results: dict[str, Future[dict[str, Any]]]) -> None:
    result = pathological_results[name].result()
    assert "crashed" not in result, result.get("crashed")
    assert not result.get("timeout"), f"{name}: over {PATHOLOGICAL_LIMITS[name]}s"
    assert not str(result["reason"] or "").startswith("cleaner failed"), result
    assert result["seconds"] < PATHOLOGICAL_LIMITS[name], result
    assert result["peak_mb"] - result["before_mb"] < HUGE_MEMORY_MB, result
    print(f"{name}: {result['size']:,} chars in {result['seconds']:.2f}s, "
          f"RSS +{result['peak_mb'] - result['before_mb']:.0f} MB")
