from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from cleaners.article import Article
from cleaners.report import Segment, render_report

HOSTILE = (
    '<script>alert("x")</script><img src=x onerror="alert(1)">'
    '<a href="javascript:alert(2)">click</a><style>body{display:none}</style>'
    "<iframe src=//evil.example></iframe></div></main>&amp;"
)
ARTICLE = Article(
    url="https://news.example/2024/05/31/bridge",
    title="Bridge vote <b>delayed</b>",
    authors=["Jane Doe", "<script>alert(3)</script>"],
    published="2024-05-31T09:15:00+01:00",
    published_from="json-ld",
    source_url="javascript:alert(4)",
    text="The council met.\n\nThe vote moved to June.",
)
SEGMENTS = [
    Segment("Home News Sport", "navigation", "nav-element"),
    Segment("The council met.\n\nThe vote moved to June."),
    Segment("Related Posts\nOther bridge news", "related", "related-title"),
    Segment(HOSTILE, "comments", "comment-form"),
    Segment("Source link", "source", "source-link"),
    Segment("More related", "related", "teaser-run"),
]


def parse(document: str) -> LexborHTMLParser:
    return LexborHTMLParser(document)


def assert_inert(document: str) -> None:
    """As a browser would parse it: no script, no handler, no page-controlled embed,
    and no link anywhere but http(s) or this page."""
    tree = parse(document)
    assert tree.css("script, iframe, object, embed, img, form, base") == []
    assert len(tree.css("style")) == 1
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            assert not name.lower().startswith("on"), node.html
            if name in ("href", "src", "action"):
                assert re.match(r"(https?://|#block-\d+$)", value or ""), value


def test_hostile_page_text_is_escaped_and_inert() -> None:
    document = render_report(SEGMENTS, ARTICLE)
    assert_inert(document)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in document
    assert "onerror=&quot;alert(1)&quot;" in document
    tree = parse(document)
    # the hostile text is shown to the reader as text, in the comments block
    assert tree.css(".removed .text")[2].text() == HOSTILE
    assert tree.css_first("h1").text() == "Bridge vote <b>delayed</b>"


def test_non_http_urls_are_shown_not_linked() -> None:
    tree = parse(render_report(SEGMENTS, ARTICLE))
    hrefs = [a.attributes["href"] for a in tree.css("header a")]
    assert hrefs == ["https://news.example/2024/05/31/bridge"]
    assert "javascript:alert(4)" in tree.css_first("header").text()


def test_unsplittable_urls_are_shown_as_text() -> None:
    tree = parse(render_report([], Article(url="http://[bad", canonical_url="http://ex.com/")))
    assert [a.attributes["href"] for a in tree.css("header a")] == ["http://ex.com/"]
    assert "http://[bad" in tree.css_first("header").text()


def test_no_external_resources_and_a_policy_that_forbids_them() -> None:
    document = render_report(SEGMENTS, ARTICLE)
    policy = parse(document).css_first('meta[http-equiv="Content-Security-Policy"]')
    assert policy is not None
    assert "default-src 'none'" in policy.attributes["content"]
    assert "url(" not in document
    assert "@import" not in document


def test_every_kind_is_in_the_legend_with_its_count() -> None:
    tree = parse(render_report(SEGMENTS, ARTICLE))
    legend = [item.text() for item in tree.css("nav.legend li")]
    assert legend[0].startswith("kept: 1 block,")
    assert [entry.split(":")[0] for entry in legend[1:]] == [
        "navigation", "related", "comments", "source"]
    assert "related: 2 removed" in legend[2]


def test_each_removed_block_shows_its_kind_and_rule_in_document_order() -> None:
    tree = parse(render_report(SEGMENTS, ARTICLE))
    labels = [node.text() for node in tree.css(".removed .label")]
    assert labels == [
        "removed: navigation · nav-element", "removed: related · related-title",
        "removed: comments · comment-form", "removed: source · source-link",
        "removed: related · teaser-run",
    ]
    # the two related blocks share a colour class; different kinds do not
    classes = [node.attributes["class"] for node in tree.css(".removed")]
    assert classes[1] == classes[4]
    assert len(set(classes)) == 4


def test_legend_links_jump_to_existing_blocks() -> None:
    tree = parse(render_report(SEGMENTS, ARTICLE))
    ids = {node.attributes["id"] for node in tree.css(".removed")}
    for link in tree.css("nav.legend a"):
        assert link.attributes["href"].removeprefix("#") in ids


def test_kept_text_is_plain_paragraphs() -> None:
    tree = parse(render_report(SEGMENTS, ARTICLE))
    assert [p.text() for p in tree.css("main p.kept")] == [
        "The council met.", "The vote moved to June."]


def test_metadata_is_shown_with_where_the_date_came_from() -> None:
    header = parse(render_report(SEGMENTS, ARTICLE)).css_first("header").text()
    assert "2024-05-31T09:15:00+01:00 (from json-ld)" in header
    assert "Jane Doe" in header


def test_an_empty_article_shows_its_reason() -> None:
    document = render_report([], Article(url=None, reason="not a text document"))
    tree = parse(document)
    assert "not a text document" in tree.css_first(".reason").text()
    assert "no text" in tree.css_first("main").text()


@pytest.mark.parametrize("kind", ["x</style><script>alert(1)</script>", "a b", "ümlaut"])
def test_unknown_kinds_get_a_colour_and_cannot_inject_css(kind: str) -> None:
    document = render_report([Segment("text", kind, "rule")], Article())
    assert_inert(document)
    style = parse(document).css_first("style").text()
    assert ".k0 { --c: hsl(" in style
    assert "<" not in style


@settings(max_examples=100, deadline=None)
@given(st.lists(st.builds(Segment, st.text(max_size=60),
                          st.one_of(st.none(), st.text(max_size=12)),
                          st.one_of(st.none(), st.text(max_size=12))), max_size=8),
       st.text(max_size=40))
def test_any_segments_render_an_inert_page(segments: list[Segment], title: str) -> None:
    document = render_report(segments, Article(title=title, url=title, authors=[title]))
    assert_inert(document)
    document.encode("utf-8")  # writable to a file whatever the page held
