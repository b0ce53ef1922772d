from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaners.decode import decode_html
from cleaners.metadata import (
    DATED_PARTS,
    HEAD_PARTS,
    Metadata,
    _has_itemprop,
    _held_by,
    _page_elements,
    extract_metadata,
)

SEEDLIKE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "seedlike" / "pages"
ARTICLE_BODY = "<p>The council met on Tuesday to discuss the new bridge.</p>"
STRUCTURED = ("json-ld", "meta", "time")


def meta_of(html: str, url: str | None = None) -> Metadata:
    return extract_metadata(LexborHTMLParser(html), url)


def page(head: str = "", body: str = ARTICLE_BODY, lang: str = "") -> str:
    lang_attribute = f' lang="{lang}"' if lang else ""
    return f"<html{lang_attribute}><head>{head}</head><body>{body}</body></html>"


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


YOAST_GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "https://ex.com/#website", "name": "Example Times"},
        {"@type": "WebPage", "@id": "https://ex.com/a/#webpage", "inLanguage": "en-GB"},
        {
            "@type": ["NewsArticle"],
            "headline": "Bridge vote delayed again",
            "author": {"@id": "https://ex.com/#/person/1"},
            "datePublished": "2024-05-31T09:15:00+01:00",
            "dateModified": "2024-06-01T10:00:00Z",
            "keywords": "bridges, council,Bridges",
            "image": {"@type": "ImageObject", "url": "/img/bridge.jpg"},
            "publisher": {"@type": "Organization", "name": "Example Times Ltd"},
            "inLanguage": "en-GB",
        },
        {"@type": "Person", "@id": "https://ex.com/#/person/1", "name": "Jane Doe"},
    ],
}


def test_json_ld_graph_with_references() -> None:
    meta = meta_of(page(json_ld(YOAST_GRAPH)), "https://ex.com/a/")
    assert meta.title == "Bridge vote delayed again"
    assert meta.authors == ["Jane Doe"]
    assert (meta.published, meta.published_from) == ("2024-05-31T09:15:00+01:00", "json-ld")
    # the same moment, in the zone the page gives its other date in
    assert (meta.modified, meta.modified_from) == ("2024-06-01T11:00:00+01:00", "json-ld")
    assert meta.tags == ["bridges", "council"]
    assert meta.image_url == "https://ex.com/img/bridge.jpg"
    assert meta.site_name == "Example Times Ltd"
    assert meta.language == "en-GB"


def test_json_ld_author_lists_strings_and_by_prefixes() -> None:
    data = [{"@type": "BlogPosting", "headline": "H",
             "author": [{"@type": "Person", "name": "By Ann Lee"}, "Bo Chen and ann lee",
                        {"@type": "Person", "name": "https://ex.com/staff/ann"}]}]
    assert meta_of(page(json_ld(data))).authors == ["Ann Lee", "Bo Chen"]


def test_author_on_the_web_page_node_when_there_is_no_article_node() -> None:
    data = {"@graph": [
        {"@type": "WebPage", "datePublished": "2018-04-09T16:02:25+00:00",
         "author": {"@id": "https://ex.com/#/person/9"}},
        {"@type": ["Person"], "@id": "https://ex.com/#/person/9", "name": "Josh Poe"}]}
    meta = meta_of(page(json_ld(data)))
    assert meta.authors == ["Josh Poe"]
    assert (meta.published, meta.published_from) == ("2018-04-09T16:02:25+00:00", "json-ld")


def test_articles_listed_inside_another_node_are_not_the_page_article() -> None:
    data = {"@type": "ItemList", "itemListElement": [
        {"@type": "NewsArticle", "headline": "Other story", "datePublished": "2020-01-01"}]}
    meta = meta_of(page(json_ld(data) + "<title>Real story</title>"))
    assert meta.title == "Real story"
    assert meta.published_from not in STRUCTURED  # a search of the page may still date it


NESTED = "[" * 600 + '"x"' + "]" * 600  # deep enough to overflow a naive walk
DEEP_NAME = '{"name": ' * 900 + '"x"' + "}" * 900


@pytest.mark.parametrize(
    "broken",
    ['{"@type": "NewsArticle", "headline": ', "[[[[" * 2000, "null", '"text"', "{}",
     f'{{"@type": "NewsArticle", "keywords": {NESTED}, "image": {NESTED}}}',
     f'{{"@type": "NewsArticle", "author": {DEEP_NAME}, "publisher": {DEEP_NAME}}}'],
    ids=["truncated", "too-deep", "null", "string", "empty", "nested-lists", "nested-names"],
)
def test_malformed_json_ld_falls_back_to_meta(broken: str) -> None:
    head = (f'<script type="application/ld+json">{broken}</script>'
            '<meta property="og:title" content="From OpenGraph">'
            '<meta property="article:published_time" content="2024-05-31">')
    meta = meta_of(page(head))
    assert meta.title == "From OpenGraph"
    assert (meta.published, meta.published_from) == ("2024-05-31", "meta")


def test_opengraph_and_article_meta() -> None:
    head = """
        <meta property="og:title" content="Bridge vote delayed | Example Times">
        <meta property="og:site_name" content="Example Times">
        <meta property="og:description" content="The vote moves to June.">
        <meta property="og:image" content="https://cdn.ex.com/b.jpg">
        <meta property="article:published_time" content="2024-05-31T09:15:00-04:00">
        <meta property="article:modified_time" content="2024-05-31T11:00:00">
        <meta property="article:author" content="https://www.facebook.com/jane">
        <meta name="author" content="Jane Doe">
        <meta property="article:tag" content="Bridges">
        <meta property="article:tag" content="Council">
        <meta name="keywords" content="council, transport">"""
    meta = meta_of(page(head))
    assert meta.title == "Bridge vote delayed"
    assert meta.site_name == "Example Times"
    assert meta.description == "The vote moves to June."
    assert meta.image_url == "https://cdn.ex.com/b.jpg"
    assert (meta.published, meta.published_from) == ("2024-05-31T09:15:00-04:00", "meta")
    assert (meta.modified, meta.modified_from) == ("2024-05-31T11:00:00", "meta")
    assert meta.authors == ["Jane Doe"]
    assert meta.tags == ["Bridges", "Council", "transport"]


def test_a_day_from_the_best_source_takes_the_time_a_later_source_gives() -> None:
    head = (json_ld({"@type": "NewsArticle", "datePublished": "2024-05-31"})
            + '<meta property="article:published_time" content="2024-05-31T09:15:00">'
            + '<meta name="date" content="2024-05-30T20:00:00Z">')
    body = '<time itemprop="datePublished" datetime="2024-05-31T09:15:00+02:00">x</time>'
    meta = meta_of(page(head, body))
    assert (meta.published, meta.published_from) == ("2024-05-31T09:15:00+02:00", "json-ld")


def test_other_meta_vocabularies() -> None:
    head = """<meta name="parsely-author" content="Sam Roe">
        <meta name="sailthru.date" content="2024-05-31 08:00:00">
        <meta name="dc.title" content="Dublin Core title">"""
    meta = meta_of(page(head))
    assert (meta.authors, meta.title) == (["Sam Roe"], "Dublin Core title")
    assert (meta.published, meta.published_from) == ("2024-05-31T08:00:00", "meta")


def test_marked_time_element_beats_earlier_unmarked_ones() -> None:
    body = """<aside class="related"><time datetime="2020-01-01">old</time></aside>
        <nav><time datetime="2024-06-10">today</time></nav>
        <article><header><time itemprop="datePublished" datetime="2024-05-31T08:00">May 31</time>
        </header>""" + ARTICLE_BODY + "</article>"
    meta = meta_of(page(body=body))
    assert (meta.published, meta.published_from) == ("2024-05-31T08:00:00", "time")


def test_wordpress_published_and_updated_times() -> None:
    body = """<article><div class="entry-meta">
        <time class="entry-date published" datetime="2024-05-31T08:00:00+00:00">May 31</time>
        <time class="updated" datetime="2024-06-02T09:30:00+00:00">June 2</time></div>
        """ + ARTICLE_BODY + "</article>"
    meta = meta_of(page(body=body))
    assert meta.published == "2024-05-31T08:00:00+00:00"
    assert (meta.modified, meta.modified_from) == ("2024-06-02T09:30:00+00:00", "time")


def test_microdata_of_related_stories_is_not_the_article_s() -> None:
    body = ARTICLE_BODY + """<section class="related-posts"><div itemscope>
        <meta itemprop="datePublished" content="2020-01-01"><a href="/x">Old story</a>
        </div></section>"""
    assert meta_of(page(body=body)).published_from not in STRUCTURED
    assert meta_of(page(body=body.replace("related-posts", "story"))).published == "2020-01-01"


def test_comment_dates_and_authors_are_not_the_article_s() -> None:
    body = ARTICLE_BODY + """<div id="comments"><div class="comment">
        <span class="author">Troll Person</span><time datetime="2024-07-01">July 1</time>
        </div></div>"""
    meta = meta_of(page(body=body))
    assert meta.authors == []
    assert meta.published_from not in STRUCTURED  # a search of the page may still date it


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ex.com/news/2024/05/31/bridge-vote/", "2024-05-31"),
        ("https://ex.com/2024-05-31-bridge-vote.html", "2024-05-31"),
        ("https://ex.com/2024/13/31/bridge", None),
        ("https://ex.com/story/12345678", None),
    ],
)
def test_date_from_url(url: str, expected: str | None) -> None:
    meta = meta_of(page(), url)
    assert meta.published == expected
    assert meta.published_from == ("url" if expected else None)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Published May 31, 2024 at 10:30 a.m. EDT", "2024-05-31"),
        ("Veröffentlicht am 31. Mai 2024, 14:05 Uhr", "2024-05-31"),
    ],
)
def test_without_structured_dates_the_page_is_searched(text: str, published: str) -> None:
    meta = meta_of(page(body=f"<article><p>{text}</p>{ARTICLE_BODY}</article>"))
    assert (meta.published, meta.published_from) == (published, "text")


def test_title_prefers_heading_over_title_tag_and_strips_site_suffix() -> None:
    assert meta_of(page("<title>Bridge vote - Ex News</title>", "<h1>Bridge  vote</h1>")
                   ).title == "Bridge vote"
    assert meta_of(page("<title>Bridge vote delayed - Ex</title>"), "https://www.ex.com/a"
                   ).title == "Bridge vote delayed"
    assert meta_of(page("<title>Ex.com | Bridge vote</title>"), "https://ex.com/a"
                   ).title == "Bridge vote"


def test_title_keeps_a_part_that_only_starts_with_the_site_name() -> None:
    head = ('<meta property="og:site_name" content="The Guardian">'
            '<meta property="og:title" content="The Guardian view on bridges | Editorial">')
    assert meta_of(page(head)).title == "The Guardian view on bridges | Editorial"


def test_title_that_is_only_the_site_name_is_skipped() -> None:
    head = '<meta property="og:site_name" content="Ex News"><title>Bridge vote</title>'
    assert meta_of(page(head, "<h1>Ex News</h1>" + ARTICLE_BODY)).title == "Bridge vote"


@pytest.mark.parametrize(
    ("lang", "head", "expected"),
    [
        ("en-us", "", "en-US"),
        ("", '<meta property="og:locale" content="pt_BR">', "pt-BR"),
        ("", '<meta http-equiv="Content-Language" content="de, en">', "de"),
        ("", "", None),
        ("not a language!", "", None),
    ],
)
def test_language_is_read_never_guessed(lang: str, head: str, expected: str | None) -> None:
    assert meta_of(page(head, lang=lang)).language == expected


def test_canonical_url_is_resolved_and_must_be_http() -> None:
    canonical = '<link rel="Canonical" href="{}">'
    assert meta_of(page(canonical.format("/a?x=1")), "https://ex.com/b/"
                   ).canonical_url == "https://ex.com/a?x=1"
    assert meta_of(page(canonical.format("javascript:alert(1)")), "https://ex.com/"
                   ).canonical_url is None
    assert meta_of(page(canonical.format("/relative"))).canonical_url is None


@pytest.mark.parametrize(
    ("href", "url"),
    [("http://[bad", None), ("/a", "http://[::1/2024/01/01/"), ("/a", "http://ex.com:99999/"),
     ("http://[x", "https://ex.com/")],
)
def test_unsplittable_urls_are_ignored(href: str, url: str | None) -> None:
    head = f'<link rel="canonical" href="{href}"><meta property="og:image" content="{href}">'
    meta = meta_of(page(head + "<title>Story - Ex</title>"), url)
    assert (meta.canonical_url, meta.image_url) == (None, None)


def test_bylines_in_markup() -> None:
    body = ('<article><p class="byline">By JANE DOE and John Roe, Staff Writer</p>'
            '<a href="mailto:x@ex.com" class="author">x@ex.com</a>' + ARTICLE_BODY + "</article>")
    assert meta_of(page(body=body)).authors == ["Jane Doe", "John Roe"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Analysis by Chris Doe", ["Chris Doe"]),
        ("Ilana Roe, MS, RDN", ["Ilana Roe"]),
        ("PTI", ["PTI"]),
        ("November 20, 2019", []),
        ("Ursula von der Leyen", ["Ursula von der Leyen"]),
        ("Text: Anna Ivanova", ["Anna Ivanova"]),
        # real bylines of the shared bench pages
        ("Interview: Julia Lauter", ["Julia Lauter"]),
        ("Bundesministerium für Wirtschaft und Klimaschutz",
         ["Bundesministerium für Wirtschaft und Klimaschutz"]),
        ("Kirche und Leben, Münster, Germany", ["Kirche und Leben"]),
        ("Markus M. Haefliger, London, Beat Bumbacher", ["Markus M. Haefliger", "Beat Bumbacher"]),
        ("David Marshall and Wade A. Reynolds, VMblog.com", ["David Marshall", "Wade A. Reynolds"]),
        ("By Ben Bowers on 10.29.12 | Photo by Google", ["Ben Bowers"]),
        ("Reuters – 1 hour 24 minutes ago", ["Reuters"]),
        ("Posted by Scott Zuccarino, Product Manager", ["Scott Zuccarino"]),
        ("Monday, November 12, 2012, by Matthew Kang", ["Matthew Kang"]),
        ("Jobs &amp; Hire", ["Jobs & Hire"]),
        ("admin", []),
        ("Author Archive", []),
    ],
)
def test_byline_cleaning(byline: str, expected: list[str]) -> None:
    assert meta_of(page(f'<meta name="author" content="{byline}">')).authors == expected


def test_json_ld_text_is_entity_decoded_and_internal_tags_dropped() -> None:
    data = {"@type": "NewsArticle", "headline": "PG&amp;E shuts power",
            "keywords": ["PG&amp;E", "@hp-top-stories", "_no-apple-news", "autoplay_video",
                         "E", "Power cuts"]}
    meta = meta_of(page(json_ld(data)))
    assert meta.title == "PG&E shuts power"
    assert meta.tags == ["PG&E", "Power cuts"]


def test_byline_with_a_theme_prefixed_class_and_a_nested_match() -> None:
    body = ('<div class="ap-story-byline"><div class="field-byline">By ANN LEE and BO CHEN'
            "</div></div>" + ARTICLE_BODY)
    assert meta_of(page(body=body)).authors == ["Ann Lee", "Bo Chen"]


def test_rel_author_link() -> None:
    body = '<p>Story by <a rel="author" href="/u/ann">Ann Lee</a></p>' + ARTICLE_BODY
    assert meta_of(page(body=body)).authors == ["Ann Lee"]


@pytest.mark.parametrize("path", sorted(SEEDLIKE.glob("*.html")), ids=lambda p: p.name[:30])
def test_real_pages_get_a_title_and_are_not_changed(path: Path) -> None:
    tree = LexborHTMLParser(decode_html(path.read_bytes()))
    before = tree.html
    meta = extract_metadata(tree, None)
    assert tree.html == before
    assert meta.title
    assert meta.published is None or meta.published[:4].isdigit()


FRAGMENTS = st.sampled_from([
    "<html lang=", "<meta property=og:title content=", "<meta name=author content=",
    '<script type="application/ld+json">', "</script>", '{"@type":"NewsArticle",',
    '"author":[{"name":', '"datePublished":"', '"@graph":[', "<time datetime=", "<h1>",
    "<title>", "<link rel=canonical href=", "Published ", "May 31, 2024", "2024-13-45T99:99",
    "<div class=byline>By ", "</div>", "<article>", "\x00", "&#0;", '"', "'", ">", "<",
    "http://[", "http://ex.com:99999/",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40),
       st.one_of(st.none(), st.text(max_size=30), st.just("https://ex.com/2024/05/31/a"),
                 st.just("http://[::1/"), st.just("http://ex.com:99999/")))
def test_extract_metadata_never_raises(parts: list[str], url: str | None) -> None:
    meta = extract_metadata(LexborHTMLParser("".join(parts)), url)
    assert isinstance(meta, Metadata)
    assert all(isinstance(author, str) and author for author in meta.authors)


NESTED_SHAPES = {
    "bylines": ('<div class="byline">By Ann ', "</div>"),
    "microdata-authors": ('<div itemprop="author"><span itemprop="name">Ann ', "</span></div>"),
    "date-classes": ('<div class="post-date">Posted ', "</div>"),
    "microdata-dates": ('<div><meta itemprop="datePublished" content="2024-05-31">', "</div>"),
}


def seconds_to_read(opening: str, closing: str, depth: int) -> float:
    tree = LexborHTMLParser(opening * depth + closing * depth)  # parsing is not ours to time
    started = time.perf_counter()
    extract_metadata(tree, None)
    return time.perf_counter() - started


@pytest.mark.parametrize("shape", NESTED_SHAPES)
def test_deeply_nested_bylines_and_dates_are_read_in_linear_time(shape: str) -> None:
    """Ten times the depth must cost about ten times as much, not a hundred: a ratio
    holds on a busy machine where a wall-clock bound does not. Best of three each;
    linear reads measure 4 to 21 here (caches miss on deep trees), quadratic 100."""
    opening, closing = NESTED_SHAPES[shape]
    shallow = min(seconds_to_read(opening, closing, 1_500) for _ in range(3))
    deep = min(seconds_to_read(opening, closing, 15_000) for _ in range(3))
    assert deep < 40 * max(shallow, 0.001), (shallow, deep)


EDGE_ELEMENTS = """<html><head>
<meta name="a" content="1"><script>var x;</script><script type="application/ld+json">{}</script>
<link rel="CANONICAL" href="/c"><link rel="preload image_src" href="/i">
<link rel="alternate" href="/a">
<link itemprop="datePublished" href="/d"><script itemprop="dateModified">2</script>
</head><body>
<h1 itemprop="datePublished headline">T</h1><time>x</time>
<span itemprop="name\tdateModified">y</span><span itemprop="datePublished\u00a0x">z</span>
<span itemprop="DatePublished">w</span><meta itemprop="datePublished" content="2020-01-01">
<div><h1>Second</h1><p itemprop=" dateModified ">v</p></div>
<div itemprop="reviewedBy author"><span itemprop="name">Jane Doe</span></div>
<span itemprop="name">Not an author</span><b itemprop="author x">no</b>
</body></html>"""


def _ids(nodes: list[LexborNode]) -> list[int]:
    return [node.mem_id for node in nodes]


SOME_PAGES = [decode_html(path.read_bytes()) for path in sorted(SEEDLIKE.glob("*.html"))[:5]]


@pytest.mark.parametrize("html", [EDGE_ELEMENTS, *SOME_PAGES])
def test_one_walk_finds_what_each_selector_finds(html: str) -> None:
    """The page's elements are sorted out of one query as each part of it matches, as
    the parser's own selector engine says (duplicates of a node come once)."""
    tree = LexborHTMLParser(html)
    found = _page_elements(tree)
    head: dict[str, list[int]] = {}
    for node in tree.css(", ".join(HEAD_PARTS)):
        if node.mem_id not in head.get(node.tag or "", []):
            head.setdefault(node.tag or "", []).append(node.mem_id)
    assert {tag: _ids(nodes) for tag, nodes in found.head.items()} == head
    assert _ids(found.dated) == list(dict.fromkeys(_ids(tree.css(", ".join(DATED_PARTS)))))
    assert _ids(found.headings) == _ids(tree.css("h1"))
    authors = [node for node in found.itemprops if _has_itemprop(node, "author")]
    assert _ids(authors) == _ids(tree.css('[itemprop~="author"]'))
    names = [node for node in found.itemprops if _has_itemprop(node, "name")]
    assert _ids(_held_by(names, authors)) == _ids(tree.css(
        '[itemprop~="author"] [itemprop~="name"]'))
