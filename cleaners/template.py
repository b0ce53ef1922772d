"""Site profiles: what repeats across a site's pages is its template, not its articles.

A single page cannot tell its site's newsletter pitch or footer from a
paragraph; the site's other pages can. Blocks get a fingerprint (their
structural position, as block kind and level, and their normalized text): the
blocks the cleaner keeps, and the page's paragraphs, list items and headings
that vote for a container, kept or not. The store counts on how many of a
site's pages each one occurred (a ``SiteProfile``), and ``clean`` drops, as
kind ``site-template``, a block found on more than half of them: once before
the container is chosen (``cut_before_container``), once on the kept blocks
(``cut_template``).

Guards, because a profile is evidence about the site and not about this page:

- whole blocks only: a paragraph that starts with the site's usual dateline
  ("WASHINGTON (AP) —") has its own fingerprint and is never matched;
- the article's title is never removed, however often it repeats;
- a repeated block *between* the page's own paragraphs stays: it is in the
  article's reading order (a stand-alone dateline, a standing note, a
  sign-off line under a section). Only the runs before the first and after
  the last of the page's own blocks go: header, widgets, a trailing standard
  sign-off or copyright line, footer;
- a profile never removes more than ``MAX_REMOVED_SHARE`` of a page's text, both
  cuts together.

Pure: the profile is an input, the fingerprints an output when the caller asks for
them (the store does; nothing else reads them); no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from . import rules
from .article import RemovedBlock
from .assemble import Block
from .markup import excerpt, folded_headline, shortened, squash, text_chars

KIND = "site-template"
MIN_PAGES = 5
"""Below this many pages a site has no profile: on two pages, whatever they share
(even a shared byline) would be "on most of them"."""
MIN_SHARE = 0.5
"""A block is the site's when it is on more than this share of the pages seen."""
MAX_REMOVED_SHARE = 0.5
"""The most of a page's text a profile may remove: a page that is mostly the
template's is more likely a page the profile misreads than an empty one."""
_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def fingerprint(block: Block) -> str:
    """The block's position (kind, level, quote depth) and its text, casefolded,
    every digit as ``0`` ("15 comments" is "27 comments", "© 2019" is "© 2020"),
    hashed to 16 hex digits."""
    return _fingerprint(block.kind, block.level, block.quote, block.text)


def _fingerprint(kind: str, level: int, quote: int, text: str) -> str:
    """``fingerprint`` of a block not built yet. It runs for every paragraph of every
    page the store counts: one bytes.translate takes a fifth of a regex's time."""
    folded = text.casefold().encode("utf-8").translate(_DIGITS_AS_ZERO)
    return hashlib.blake2b(f"{kind}:{level}:{quote}:".encode() + folded,
                           digest_size=8).hexdigest()


@dataclass(frozen=True)
class SiteProfile:
    """How many of a site's ``pages`` each block fingerprint was seen on."""

    site: str
    pages: int
    counts: Mapping[str, int] = field(default_factory=dict)

    def seen_on(self, fingerprint: str) -> int:
        """Pages holding the block, when the site has a profile and the block is
        on most of its pages; 0 otherwise."""
        count = self.counts.get(fingerprint, 0)
        if self.pages < MIN_PAGES or count <= self.pages * MIN_SHARE:
            return 0
        return count


@dataclass(frozen=True)
class EarlyCut:
    """What ``cut_before_container`` removed, and the fingerprints of the page's
    paragraphs, for the store to count."""

    removed: list[RemovedBlock]
    fingerprints: dict[str, str]
    budget: float | None = None
    """Characters the profile may still remove from the page, when it had one."""


NO_EARLY_CUT = EarlyCut([], {})
_PROSE_KINDS = {"p": ("p", 0), "dd": ("p", 0), "li": ("item", 1),
                **{f"h{level}": ("heading", level) for level in range(2, 7)}}
"""The elements that vote for a container or count as the page's article-like text,
as the block each most often becomes (so the store counts one entry for both)."""
_PROSE = ", ".join(_PROSE_KINDS)


def cut_before_container(body: LexborNode, profile: SiteProfile | None,
                         title: str | None, *, fingerprints: bool) -> EarlyCut:
    """Drop the site's template paragraphs before the main container is chosen.

    A comment thread or a blog's other posts are the site's, but when they
    outvote a short article the cleaner keeps them, and the blocks it keeps are
    too few on the site's other pages to be "on most of them". So every
    paragraph, list item and heading long enough to vote for a container is
    fingerprinted as the block it most often becomes (counted by the store
    whether kept or not), and with a profile the site's ones go before they vote
    or count as article-like text, under the guards of ``cut_template`` over
    the page's elements in order. The budget left (``MAX_REMOVED_SHARE`` of the
    page's text) goes on to ``cut_template``. Without a profile to apply and
    without ``fingerprints`` to return there is nothing to do, and nothing is
    read: fingerprinting every paragraph is a tenth of a clean's time."""
    if not _applies(profile) and not fingerprints:
        return NO_EARLY_CUT
    paragraphs: list[tuple[LexborNode, str, str]] = []
    for node in body.css(_PROSE):
        text = squash(node.text())
        if len(text) < rules.MIN_PARAGRAPH_CHARS:  # shorter ones never vote
            continue
        if paragraphs and paragraphs[-1][1] == text and node.parent is not None \
                and node.parent.mem_id == paragraphs[-1][0].mem_id:
            continue  # all of its list item: the same block
        kind, level = _PROSE_KINDS[node.tag or "p"]
        paragraphs.append((node, text, _fingerprint(kind, level, 0, text)))
    prints = {fp: shortened(text) for _, text, fp in paragraphs} if fingerprints else {}
    if profile is None or profile.pages < MIN_PAGES:
        return EarlyCut([], prints)
    budget = MAX_REMOVED_SHARE * text_chars(body)
    enclosing = _enclosing(paragraphs, profile)
    cut = _template_edges([(text, fp) for _, text, fp in paragraphs], profile, title, budget,
                          enclosing)
    outer = [i for i in sorted(cut) if not _held(i, cut, enclosing)]
    removed = [RemovedBlock(KIND, _rule(profile.seen_on(fp), profile), excerpt(text))
               for _, text, fp in (paragraphs[i] for i in outer)]
    for i in outer:  # only the outermost: a removed node's inner nodes are freed with it
        paragraphs[i][0].decompose()
        budget -= len(paragraphs[i][1])
    return EarlyCut(removed, prints, budget)


def _applies(profile: SiteProfile | None) -> bool:
    """Whether ``profile`` knows enough pages of its site to remove anything."""
    return profile is not None and profile.pages >= MIN_PAGES


def _budget(blocks: list[Block], early: EarlyCut) -> float:
    """What is left of the page's budget after ``early``, or without it the share
    of the blocks' text."""
    if early.budget is not None:
        return early.budget
    return MAX_REMOVED_SHARE * sum(len(block.text) for block in blocks)


def _enclosing(paragraphs: list[tuple[LexborNode, str, str]],
               profile: SiteProfile) -> dict[int, int]:
    """For each of the site's paragraphs inside another of them, the nearest one
    (looked up only for the site's: the others are never cut)."""
    ours = {node.mem_id: i for i, (node, _, fp) in enumerate(paragraphs) if profile.seen_on(fp)}
    enclosing = {}
    for i, (node, _, _) in enumerate(paragraphs):
        if node.mem_id not in ours:
            continue
        up = node.parent
        while up is not None and up.mem_id not in ours:
            up = up.parent
        if up is not None:
            enclosing[i] = ours[up.mem_id]
    return enclosing


def _held(i: int, cut: set[int], enclosing: Mapping[int, int]) -> bool:
    """Whether block ``i`` is inside a block that is cut."""
    while (i := enclosing.get(i, -1)) >= 0:
        if i in cut:
            return True
    return False


def _rule(count: int, profile: SiteProfile) -> str:
    return f"on {count} of {profile.pages} pages"


def _template_edges(texts: list[tuple[str, str]], profile: SiteProfile, title: str | None,
                    budget: float, enclosing: Mapping[int, int] | None = None) -> set[int]:
    """Which of the (text, fingerprint) blocks are the site's, within the guards and
    ``budget`` characters; ``enclosing`` maps a block to the block holding it (a
    list item's paragraph), which takes it along at no cost."""
    own_title = folded_headline(title)
    seen = [0 if text.casefold() == own_title else profile.seen_on(fp) for text, fp in texts]
    own = [i for i, count in enumerate(seen) if not count]
    first, last = (own[0], own[-1]) if own else (len(texts), -1)
    edges = [i for i, count in enumerate(seen) if count and (i < first or i > last)]
    cut: set[int] = set()
    for i in sorted(edges, key=lambda i: -seen[i]):  # the surest first
        if _held(i, cut, enclosing or {}):
            cut.add(i)
        elif len(texts[i][0]) <= budget:
            budget -= len(texts[i][0])
            cut.add(i)
    return cut


@dataclass(frozen=True)
class TemplateCut:
    kept: list[Block]
    removed: list[RemovedBlock]
    fingerprints: dict[str, str]
    """The page's blocks before the cut, fingerprint -> excerpt, in page order:
    what the store counts into the site's profile."""


def cut_template(blocks: list[Block], profile: SiteProfile | None, title: str | None,
                 early: EarlyCut = NO_EARLY_CUT, *, fingerprints: bool) -> TemplateCut:
    """Drop the blocks of ``blocks`` that are the site's template, within the guards;
    ``early`` is what ``cut_before_container`` did to the same page. The page's
    fingerprints are returned when asked for (``fingerprints``)."""
    if not _applies(profile) and not fingerprints:
        return TemplateCut(blocks, list(early.removed), {})
    prints = [fingerprint(block) for block in blocks]
    distinct = _with_blocks(early.fingerprints, blocks, prints) if fingerprints else {}
    if profile is None or profile.pages < MIN_PAGES:
        return TemplateCut(blocks, list(early.removed), distinct)
    cut = _template_edges([(block.text, fp) for block, fp in zip(blocks, prints, strict=True)],
                          profile, title, _budget(blocks, early))
    removed = [RemovedBlock(KIND, _rule(profile.seen_on(prints[i]), profile),
                            excerpt(blocks[i].text)) for i in sorted(cut)]
    kept = [block for i, block in enumerate(blocks) if i not in cut]
    return TemplateCut(kept, early.removed + removed, distinct)


def _with_blocks(prints: dict[str, str], blocks: list[Block], fingerprints: list[str]
                 ) -> dict[str, str]:
    """``prints`` and the fingerprints of ``blocks`` not among them, each with its excerpt."""
    distinct = dict(prints)
    for block, fp in zip(blocks, fingerprints, strict=True):
        if fp not in distinct:
            distinct[fp] = excerpt(block.text)
    return distinct
