"""The records a cleaner returns: the article it kept and the blocks it removed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CLEANER_VERSION = "0.4.0"
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
    """What a page says about itself; ``*_from`` names where a date was found
    (``json-ld``, ``meta``, ``time``, ``url`` or ``text``)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_from: str | None = None
    modified: str | None = None
    modified_from: str | None = None
    language: str | None = None
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
    cleaner_version: str = CLEANER_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
