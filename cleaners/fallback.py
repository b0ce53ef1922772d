"""A second opinion for pages whose chosen container holds too little of the article.

Our container choice fails in one way that matters: it keeps a part (a sidebar
note, one section, a comment wrapper's header) while the page plainly holds a
long article, or finds nothing. ``article_like_chars`` measures the text that
reads as article prose anywhere in the page, cheaply, before boilerplate is
removed; when our result is empty or holds much less than that, trafilatura,
whose cascade of extractors fails in other ways than ours, is asked, and its
answer wins when it is much longer. On the benchmark sets it is asked for about
one page in 140 (22 of the 3,124 pages of the four runs). On a page without
class or id names it is not asked (``second_opinion``).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from . import rules
from .article import RemovedBlock
from .assemble import Block, visible
from .content import in_thread_post
from .controls import strip_controls
from .markup import excerpt, folded_headline, link_chars, squash
from .phrases import line_rule

_PROSE_TAGS = ("p", "pre", "blockquote", "dd", "li")
# Prose outside every <nav>, told by the CSS engine: reading each block's tag and
# querying each <nav> in Python cost more.
_PROSE_OUTSIDE_NAVIGATION = f":is({', '.join(_PROSE_TAGS)}):not(nav *)"
WORD = re.compile(r"\w+")
_NAMED_ELEMENT = re.compile(r"<[a-zA-Z][^>]*?\s(?:class|id)\s*=", re.IGNORECASE)
_QUOTED = re.compile(f"[{re.escape(rules.QUOTE_MARKS)}]")


def article_like_chars(body: LexborNode, posts: set[int]) -> int:
    """Characters of unlinked text in the page's prose-like blocks (paragraphs long
    enough to vote for a container, mostly unlinked), counted once each. The thread
    ``posts`` (comments, teasers) are not the article, as they do not vote for one;
    nor is a <nav>'s text (a mega menu's teasers: 50,000 characters on some pages).
    <footer> and <aside> stay counted: one blog post's lone line was in them."""
    total = 0
    seen: set[str] = set()  # a repeated paragraph is dropped from ours: count it once here
    # Prose in a <nav> is skipped before its text is read: a walk up to <body> from
    # every block cost more, and a mega menu's nested lists had every item read its
    # sublists' text again.
    if _inside_navigation(body):
        return 0
    for node in body.css(_PROSE_OUTSIDE_NAVIGATION):
        text = node.text().strip()
        if len(text) < rules.MIN_PARAGRAPH_CHARS or text in seen or in_thread_post(node, posts):
            continue
        seen.add(text)
        linked = link_chars(node)
        if linked < rules.ARTICLE_LIKE_MAX_LINK_SHARE * len(text):
            total += len(text) - linked
    return total


def _inside_navigation(node: LexborNode) -> bool:
    """Whether ``node`` is inside a <nav> (a removed block may be): all its prose is."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "nav":
            return True
        parent = parent.parent
    return False


def needs_second_opinion(kept_chars: int, article_like: int) -> bool:
    """Whether our result is empty, or holds too little of the page's article-like text."""
    return kept_chars == 0 or (article_like >= rules.SECOND_OPINION_MIN_CHARS
                               and kept_chars < rules.SECOND_OPINION_SHARE * article_like)


def prefer_second_opinion(kept_chars: int, theirs: list[Block]) -> bool:
    """Theirs wins only when much longer: when both found a part, ours is the surer."""
    return sum(len(block.text) for block in theirs) > rules.SECOND_OPINION_GAIN * kept_chars


def second_opinion(html: str, page_text: str, url: str | None) -> list[Block]:
    """trafilatura's article as paragraph blocks; none when it finds nothing or fails.

    A line holding a word the page does not show is dropped: trafilatura drops control
    characters and so joins words ("Posts\x1f0" becomes "Posts0"), and an article keeps
    only words of its page as the reader gets it, escape sequences gone ("\x1bRelated"
    shows "elated").

    A page whose elements carry no class or id name gets none: trafilatura tells
    boilerplate mostly by those names, and without them keeps a page's comments and
    columns (on the benchmark pages stripped of them, each of its answers that won
    was worse than ours)."""
    if _NAMED_ELEMENT.search(html) is None:
        return []
    try:
        import trafilatura  # imported here: most pages never need it

        # fast: without its own jusText/readability rescue, which was slower and no
        # better here (F1 equal or higher on every benchmark set and half)
        text = trafilatura.extract(html, url=url, include_comments=False, fast=True) or ""
    except Exception:  # a second opinion that fails leaves the first one standing
        return []
    shown = set(WORD.findall(visible(strip_controls(page_text))))
    return [Block("p", line) for raw in text.split("\n")
            if (line := squash(visible(raw))) and shown.issuperset(WORD.findall(line))]


def without_boilerplate_lines(blocks: list[Block], title: str | None
                              ) -> tuple[list[Block], list[RemovedBlock]]:
    """The second opinion's blocks without the headline that opens them (the record
    holds it, and our own article drops a heading that opens its body the same way)
    and without the widget titles our phrase rules name (a share bar's "Share
    this:", a thread's "Kommentare"), which trafilatura keeps as paragraphs; and what
    went. Only titles and short lines (``rules.SECOND_OPINION_LINE_CHARS``), not
    quoted: its sentences, bylines and datelines stay, as it reads them with the
    story, and its lines are not the markup our rules were written to read."""
    kept, dropped = [], []
    if blocks and blocks[0].text.casefold() == folded_headline(title):
        dropped.append(RemovedBlock("title", "title-heading", excerpt(blocks[0].text)))
        blocks = blocks[1:]
    for block in blocks:
        text = block.text
        rule = line_rule(text) if len(text) <= rules.PHRASE_MAX_CHARS else None
        if rule is None or rule.kind == "meta" or rule.controls_only or rule.stands_alone \
                or _QUOTED.search(text) is not None or (
                    rule not in rules.TITLE_RULES
                    and len(text) > rules.SECOND_OPINION_LINE_CHARS):
            kept.append(block)
        else:
            dropped.append(RemovedBlock(rule.kind, rule.name, excerpt(text)))
    return kept, dropped
