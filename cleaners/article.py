"""The records a cleaner returns: the article it kept and the blocks it removed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CLEANER_VERSION = "0.7.41"
"""Bumped whenever a change to the cleaner can change its output, so that
``crawl reclean`` knows which stored articles were made by an older cleaner."""


@dataclass(frozen=True)
class RemovedBlock:
    """One block the cleaner dropped, and why.

    ``kind`` is the family of boilerplate (``related``, ``source``, ``comments``,
    ``share``, ``newsletter``, ``cookie``, ``ads``, ``author-bio``, ``tags``,
    ``navigation``, ...); ``rule`` is the name of the rule that matched, as it
    stands in the rules table, so ``crawl explain`` can point at it.
    """

    kind: str
    rule: str
    excerpt: str


@dataclass(frozen=True)
class SiteRules:
    """Extra rules a user gives for one domain in config.yaml.

    ``drop`` selectors remove matching blocks (recorded with kind ``site``);
    ``keep`` selectors protect matching blocks from every removal rule.
    """

    drop: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


@dataclass
class Metadata:
    """What a page says about itself. ``published_from`` and ``modified_from`` name
    the source whose date won (``json-ld``, ``meta``, ``time``, ``url`` or
    ``htmldate``, the search of the whole page); ``language_from`` says whether the
    language is the page's declared one (``markup``), the detector's reading of the
    text (``detector``), or both agreeing (``markup+detector``)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_from: str | None = None
    modified: str | None = None
    modified_from: str | None = None
    language: str | None = None
    language_from: str | None = None
    site_name: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    canonical_url: str | None = None


@dataclass
class Article(Metadata):
    """A cleaned article: the page's metadata, its text, and what was removed.
    Empty ``text`` always comes with a ``reason``; ``container`` says which path
    chose the text (the scored container, the whole page, or the fallback)."""

    url: str | None = None
    text: str = ""
    markdown: str = ""
    source_url: str | None = None
    removed: list[RemovedBlock] = field(default_factory=list)
    reason: str | None = None
    container: str | None = None
    fingerprints: dict[str, str] = field(default_factory=dict)
    """The page's blocks as ``cleaners.template`` fingerprints them, each with an
    excerpt: what the store counts into the site's profile, without knowing HTML.
    Empty unless ``clean`` was asked for them (``fingerprints=True``)."""
    cleaner_version: str = CLEANER_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The article as printed and stored; fingerprints are the store's plumbing."""
        data = asdict(self)
        del data["fingerprints"]
        return data
