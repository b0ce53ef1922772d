"""The story's lead: the paragraph a page sets right under its headline (a
standfirst, a dek), above the story's body and outside the container holding it.

The headline is the heading that reads as the story's own title (its metadata title,
``content.headline``), not as the page's <title>: that one ends with the site's name,
which a masthead's heading reads as too, and a blog's tagline under it is no lead."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import rules
from .content import comes_first, headline, holds
from .markup import link_chars, name_words, squash


def lead_of(title: LexborNode) -> LexborNode | None:
    """The element right after the headline ``title`` (or after the dated byline under
    it, ``rules.DATED_LINE_MAX_CHARS``), or the one paragraph of a box there (``<div
    class="teaser"><p>``), when it reads as a lead (``rules.LEAD_TAGS``,
    ``rules.LEAD_MIN_CHARS``, ``rules.LEAD_MAX_LINK_SHARE``)."""
    lead = _next_element(title)
    if lead is not None and _dated_line(lead):
        lead = _next_element(lead)  # the byline or dateline between headline and lead
    if lead is not None and lead.tag not in rules.LEAD_TAGS:
        lead = _paragraph_of_a_lead_box(lead)
    if lead is None or lead.tag not in rules.LEAD_TAGS or lead.css_first("img") is not None:
        return None  # a paragraph holding a picture is its caption
    text = squash(lead.text())
    if len(text) < rules.LEAD_MIN_CHARS \
            or link_chars(lead) > rules.LEAD_MAX_LINK_SHARE * len(text) \
            or rules.DATE.search(text):
        return None  # a line dated under the headline is its byline or dateline
    return lead


def _next_element(node: LexborNode) -> LexborNode | None:
    after = node.next
    while after is not None and not after.is_element_node:
        after = after.next
    return after


def _dated_line(node: LexborNode) -> bool:
    """Whether ``node`` is a short line holding a date: a byline or a dateline."""
    text = squash(node.text())
    return len(text) <= rules.DATED_LINE_MAX_CHARS and (
        node.css_first("time") is not None or rules.DATE.search(text) is not None)


def _paragraph_of_a_lead_box(box: LexborNode) -> LexborNode | None:
    """The one paragraph of a box holding nothing else, when the box is named as a lead
    (``rules.LEAD_BOX_WORDS``: "teaser", "intro", "standfirst"...) or not named at all:
    a disclosure, an audio player or a box of other stories has a name of its own."""
    inside = [child for child in box.iter() if child.is_element_node]
    names = name_words(box)
    if len(inside) != 1 or (box.text(deep=False) or "").strip() \
            or (names and names.isdisjoint(rules.LEAD_BOX_WORDS)):
        return None
    return inside[0]


def lead_under(root: LexborNode, story_title: str | None) -> LexborNode | None:
    """The lead under the heading within ``root`` that reads as ``story_title``."""
    title = headline(root, (story_title,)) if story_title else None
    return lead_of(title) if title is not None else None


def story_lead(root: LexborNode, roots: list[LexborNode], story_title: str | None
               ) -> LexborNode | None:
    """The lead under the story's headline, when it lies before the article's first
    root and outside every root (within one, it is kept already)."""
    lead = lead_under(root, story_title)
    first = roots[0]
    if lead is None or any(lead.mem_id == r.mem_id or holds(r, lead) for r in roots) \
            or holds(lead, first):
        return None
    story = _article_of(first)
    if story is not None and not holds(story, lead):
        return None  # an <article> holds its own headline: one outside it is the site's
    common = lead.parent
    while common is not None and not holds(common, first):
        common = common.parent
    return lead if common is not None and comes_first(common, lead, first) else None


def _article_of(node: LexborNode) -> LexborNode | None:
    """The <article> that is ``node`` or holds it, if any."""
    up: LexborNode | None = node
    while up is not None and up.tag != "article":
        up = up.parent
    return up
