"""Pick the page's main content: Readability-style scoring of container elements.

Every paragraph-like block with enough text votes for its ancestors (its parent
fully, its grandparent half, farther ancestors less). A container's score is its
votes, plus hints from its tag and class/id names, times the share of its text
that is not links. The best container wins, then climbs to a parent holding
comparable candidates, and gathers siblings that look like article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from . import rules
from .blocks import children, squash

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "center",
})
# Blocks that are paragraphs themselves; loose text in any other block (a <div> with
# text between its children) is a paragraph of that block.
PARAGRAPH_TAGS = frozenset({"p", "pre", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                            "address", "figcaption", "summary", "th"})
_TAG_BONUS = {"div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3,
              "blockquote": 3, "ol": -3, "ul": -3, "dl": -3, "li": -3, "form": -3,
              "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
_POSITIVE = re.compile(
    r"article|body|content|entry|hentry|main|page|post|text|blog|story|prose|rich-?text",
    re.IGNORECASE)
_NEGATIVE = re.compile(
    r"comment|meta|footer|footnote|sidebar|widget|related|promo|share|social|teaser|"
    r"caption|byline|author|nav|menu|ad-|sponsor", re.IGNORECASE)
CLASS_WEIGHT = 25
ANCESTOR_LEVELS = 5


@dataclass
class _Frame:
    node: LexborNode
    is_block: bool
    text: int = 0
    links: int = 0
    own_text: int = 0
    own_links: int = 0
    commas: int = 0
    in_link: bool = False


@dataclass
class Candidate:
    node: LexborNode
    votes: float = 0.0
    text: int = 0
    links: int = 0
    score: float = 0.0
    kids: list[int] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        return self.links / self.text if self.text else 0.0


def _class_weight(node: LexborNode) -> int:
    attrs = node.attributes
    names = " ".join(v for k in ("class", "id") if (v := attrs.get(k)))
    weight = 0
    if names:
        if _NEGATIVE.search(names):
            weight -= CLASS_WEIGHT
        if _POSITIVE.search(names):
            weight += CLASS_WEIGHT
    return weight


def score_containers(root: LexborNode) -> dict[int, Candidate]:
    """Walk the tree once (iteratively: pages nest deep), voting paragraphs up."""
    candidates: dict[int, Candidate] = {}
    totals: dict[int, tuple[int, int]] = {}
    path: list[_Frame] = []
    blocks: list[_Frame] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            frame = path.pop()
            if frame.is_block:
                blocks.pop()
                _vote(frame, path, candidates)
            totals[node.mem_id] = (frame.text, frame.links)
            if path:
                path[-1].text += frame.text
                path[-1].links += frame.links
            continue
        if node.is_text_node:
            text = (node.text_content or "").strip()
            if text and path:
                size = len(text) + 1
                path[-1].text += size
                in_link = path[-1].in_link
                if in_link:
                    path[-1].links += size
                if blocks:
                    blocks[-1].own_text += size
                    blocks[-1].commas += text.count(",")
                    if in_link:
                        blocks[-1].own_links += size
            continue
        if not node.is_element_node:
            continue
        tag = node.tag or ""
        in_link = tag == "a" or (bool(path) and path[-1].in_link)
        frame = _Frame(node, tag in BLOCK_TAGS, in_link=in_link)
        path.append(frame)
        if frame.is_block:
            blocks.append(frame)
        stack.append((node, True))
        stack.extend((c, False) for c in reversed(list(children(node))))
    for key, candidate in candidates.items():
        candidate.text, candidate.links = totals.get(key, (0, 0))
        bonus = _TAG_BONUS.get(candidate.node.tag or "", 0) + _class_weight(candidate.node)
        candidate.score = (candidate.votes + bonus) * (1 - candidate.link_density)
    return candidates


def _vote(frame: _Frame, ancestors: list[_Frame], candidates: dict[int, Candidate]) -> None:
    if frame.own_text < rules.MIN_PARAGRAPH_CHARS or frame.own_links > frame.own_text / 2:
        return
    vote = 1 + frame.commas + min(frame.own_text / 100, 3)
    voters = ancestors[-ANCESTOR_LEVELS:]
    if frame.node.tag not in PARAGRAPH_TAGS:
        voters = [*ancestors[-ANCESTOR_LEVELS + 1:], frame]
    for level, ancestor in enumerate(reversed(voters)):
        key = ancestor.node.mem_id
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = Candidate(ancestor.node)
        candidate.votes += vote if level == 0 else vote / 2 if level == 1 else vote / (level * 3)


def main_content(root: LexborNode) -> list[LexborNode]:
    """The main content: the best container and its article-like siblings, in order."""
    candidates = score_containers(root)
    if not candidates:
        return [root]
    ranked = sorted(candidates.values(), key=lambda c: c.score, reverse=True)
    top = ranked[0]
    top = _climb_to_shared_parent(top, ranked[1:6], candidates)
    top = _climb_while_parent_scores(top, candidates)
    return _with_siblings(top, candidates)


def _ancestors(node: LexborNode) -> list[LexborNode]:
    found, up = [], node.parent
    while up is not None and up.is_element_node:
        found.append(up)
        up = up.parent
    return found


def _climb_to_shared_parent(top: Candidate, others: list[Candidate],
                            candidates: dict[int, Candidate]) -> Candidate:
    """When several near-best candidates share an ancestor, the article spans them."""
    close = [c for c in others if c.score >= 0.75 * top.score]
    if len(close) < 3:
        return top
    close_ancestors = [{a.mem_id for a in _ancestors(c.node)} for c in close]
    for ancestor in _ancestors(top.node):
        if ancestor.tag == "body":
            break
        if sum(ancestor.mem_id in ids for ids in close_ancestors) >= 3:
            return candidates.get(ancestor.mem_id) or Candidate(ancestor, score=top.score)
    return top


def _climb_while_parent_scores(top: Candidate, candidates: dict[int, Candidate]) -> Candidate:
    last = top.score
    threshold = last / 3
    for ancestor in _ancestors(top.node):
        if ancestor.tag in ("body", "html"):
            break
        parent = candidates.get(ancestor.mem_id)
        if parent is None:
            continue
        if parent.score < threshold:
            break
        if parent.score > last:
            return parent
        last = parent.score
    # A lone child says nothing its parent does not: widen to the parent.
    while (parent := top.node.parent) is not None and parent.tag not in ("body", "html") \
            and len([c for c in children(parent) if c.is_element_node]) == 1:
        top = candidates.get(parent.mem_id) or Candidate(parent, score=top.score)
    return top


def _with_siblings(top: Candidate, candidates: dict[int, Candidate]) -> list[LexborNode]:
    parent = top.node.parent
    if parent is None or top.node.tag in ("body", "html"):
        return [top.node]
    threshold = max(10.0, top.score * 0.2)
    top_class = top.node.attributes.get("class")
    chosen = []
    for sibling in children(parent):
        if not sibling.is_element_node:
            continue
        if sibling.mem_id == top.node.mem_id:
            chosen.append(sibling)
            continue
        candidate = candidates.get(sibling.mem_id)
        bonus = top.score * 0.2 if top_class and sibling.attributes.get("class") == top_class else 0
        if (candidate is not None and candidate.score + bonus >= threshold) or (sibling.tag == "p" and _reads_like_prose(sibling)):
            chosen.append(sibling)
    return chosen


def _reads_like_prose(node: LexborNode) -> bool:
    text = squash(node.text())
    if not text:
        return False
    density = sum(len(squash(a.text())) for a in node.css("a")) / len(text)
    if len(text) > 80:
        return density < 0.25
    return density == 0 and text.endswith((".", "!", "?", "»", "”", '"'))
