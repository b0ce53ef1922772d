"""The story's lead: the paragraph a page sets right under its headline (a
standfirst, a dek), above the story's body and outside the container holding it.
A pure function of the tree, like ``cleaners.content``, which finds the headline."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import rules
from .content import comes_first, headline, holds
from .markup import link_chars, squash


def lead_of(title: LexborNode) -> LexborNode | None:
    """The element right after the headline ``title``, when it reads as a lead
    (``rules.LEAD_TAGS``, ``rules.LEAD_MIN_CHARS``, ``rules.LEAD_MAX_LINK_SHARE``)."""
    lead = title.next
    while lead is not None and not lead.is_element_node:
        lead = lead.next
    if lead is None or lead.tag not in rules.LEAD_TAGS:
        return None
    text = squash(lead.text())
    if len(text) < rules.LEAD_MIN_CHARS or link_chars(lead) > rules.LEAD_MAX_LINK_SHARE * len(text):
        return None
    return lead


def story_lead(root: LexborNode, roots: list[LexborNode], titles: tuple[str, ...]
               ) -> LexborNode | None:
    """The lead under the page's headline (``content.headline``), when it lies before
    the article's first root and outside every root (within one, it is kept already)."""
    title = headline(root, titles)
    if title is None or any(r.mem_id == title.mem_id or holds(r, title) for r in roots):
        return None
    lead = lead_of(title)
    first = roots[0]
    if lead is None or holds(first, lead) or holds(lead, first):
        return None
    common = lead.parent
    while common is not None and not holds(common, first):
        common = common.parent
    return lead if common is not None and comes_first(common, lead, first) else None
