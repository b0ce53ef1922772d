"""Site profiles: what repeats across a site's pages is its template, not its articles.

A single page cannot tell its site's newsletter pitch or footer from a
paragraph; the site's other pages can. Each block the cleaner is about to keep
gets a fingerprint (its structural position, as block kind and level, and its
normalized text); the store counts on how many of a site's pages each one
occurred (a ``SiteProfile``), and ``clean`` drops, as kind ``site-template``, a
block found on more than half of them.

Guards, because a profile is evidence about the site and not about this page:

- whole blocks only: a paragraph that starts with the site's usual dateline
  ("WASHINGTON (AP) —") has its own fingerprint and is never matched;
- the article's title is never removed, however often it repeats;
- a repeated block *between* the page's own paragraphs stays: it is in the
  article's reading order (a stand-alone dateline, a standing note, a
  sign-off line under a section). Only the runs before the first and after
  the last of the page's own blocks go: header, widgets, a trailing standard
  sign-off or copyright line, footer;
- a profile never removes more than ``MAX_REMOVED_SHARE`` of a page's text.

Pure: the profile is an input, the fingerprints are an output; no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from .article import RemovedBlock
from .assemble import Block
from .markup import excerpt, squash

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
    hashed to 16 hex digits. It runs for every block of every page: one
    bytes.translate takes a fifth of a regex's time."""
    text = block.text.casefold().encode("utf-8").translate(_DIGITS_AS_ZERO)
    position = f"{block.kind}:{block.level}:{block.quote}:".encode()
    return hashlib.blake2b(position + text, digest_size=8).hexdigest()


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
class TemplateCut:
    kept: list[Block]
    removed: list[RemovedBlock]
    fingerprints: dict[str, str]
    """The page's blocks before the cut, fingerprint -> excerpt, in page order:
    what the store counts into the site's profile."""


def cut_template(blocks: list[Block], profile: SiteProfile | None,
                 title: str | None) -> TemplateCut:
    """Drop the blocks of ``blocks`` that are the site's template, within the guards."""
    prints = [fingerprint(block) for block in blocks]
    distinct: dict[str, str] = {}
    for block, fp in zip(blocks, prints, strict=True):
        if fp not in distinct:
            distinct[fp] = excerpt(block.text)
    if profile is None or profile.pages < MIN_PAGES:
        return TemplateCut(blocks, [], distinct)
    own_title = squash(title or "").casefold()
    seen = [0 if block.text.casefold() == own_title else profile.seen_on(fp)
            for block, fp in zip(blocks, prints, strict=True)]
    own = [i for i, count in enumerate(seen) if not count]
    first, last = (own[0], own[-1]) if own else (len(blocks), -1)
    edges = [i for i, count in enumerate(seen) if count and (i < first or i > last)]
    budget = MAX_REMOVED_SHARE * sum(len(block.text) for block in blocks)
    cut: set[int] = set()
    for i in sorted(edges, key=lambda i: -seen[i]):  # the surest first
        if len(blocks[i].text) <= budget:
            budget -= len(blocks[i].text)
            cut.add(i)
    removed = [RemovedBlock(KIND, f"on {seen[i]} of {profile.pages} pages",
                            excerpt(blocks[i].text)) for i in sorted(cut)]
    kept = [block for i, block in enumerate(blocks) if i not in cut]
    return TemplateCut(kept, removed, distinct)
