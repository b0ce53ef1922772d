"""``explain``: the page's text in order, each part marked kept or removed, and why.

It runs the real cleaner with a watcher, so what it shows is what ``clean``
did, not a re-enactment: every line of visible text is labelled with the
rule that removed the block it stood in, or found in the article's text
(kept), or, failing both, left outside the container the cleaner chose as
the article (kind ``not-content``). Lines a last-pass rule dropped after the
article was assembled are matched to their recorded excerpt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .article import Article, RemovedBlock, SiteRules
from .assemble import visible
from .blocks import BLOCK_TAGS, noscript_story, squash
from .dates import DateDecision
from .decode import decode_html
from .language import LanguageDecision
from .language import reconcile as reconcile_language
from .markup import excerpt
from .metadata import explain_metadata
from .pipeline import clean_watched
from .report import Segment
from .template import SiteProfile

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head", "title", "svg"})
OUTSIDE = ("not-content", "main-content")
"""Text no rule removed that is not in the article: outside the chosen container."""


@dataclass(frozen=True)
class _Line:
    """One text node of the page, and the block element it stands in."""

    node: int
    block: int
    text: str


class _Recorder:
    """The watcher: the page's lines before cleaning, then who removed which."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self.labels: dict[int, tuple[str, str]] = {}
        self.observed: list[str] = []  # excerpts of the blocks removed while watched

    def parsed(self, body: LexborNode) -> None:
        self.lines, self.labels, self.observed = [], {}, []  # the cleaner may start over
        stack: list[tuple[LexborNode, int]] = [(body, body.mem_id)]
        while stack:  # iterative: pages nest deeper than Python recurses
            node, block = stack.pop()
            if node.tag == "-text":
                if text := squash(node.text_content or ""):
                    self.lines.append(_Line(node.mem_id, block, text))
                continue
            if node.tag in _INVISIBLE and not (node.tag == "noscript" and noscript_story(node)):
                continue
            inner = node.mem_id if node.tag in BLOCK_TAGS else block
            child, children = node.child, []
            while child is not None:
                children.append((child, inner))
                child = child.next
            stack.extend(reversed(children))

    def removed(self, node: LexborNode, kind: str, rule: str) -> None:
        self.observed.append(excerpt(node.text(separator=" ")))
        for inner in node.traverse(include_text=True):
            if inner.tag == "-text":
                self.labels.setdefault(inner.mem_id, (kind, rule))


def explain(
    html: str | bytes,
    url: str | None = None,
    *,
    charset: str | None = None,
    site_rules: SiteRules | None = None,
    fetched_at: datetime | None = None,
    profile: SiteProfile | None = None,
) -> tuple[Article, list[Segment]]:
    """Clean the page and return the article with the page's text as segments."""
    recorder = _Recorder()
    article = clean_watched(html, url, charset=charset, site_rules=site_rules,
                            watcher=recorder, fetched_at=fetched_at, profile=profile)
    kept_text = _bare(article.text)
    late = _late_removals(article.removed, recorder.observed)
    labelled: list[tuple[tuple[str, str] | None, str, int]] = []
    for block, lines in groupby(recorder.lines, key=lambda line: line.block):
        unlabelled: list[_Line] = []
        for line in lines:
            label = recorder.labels.get(line.node)
            if label is None:
                unlabelled.append(line)
            else:
                labelled.append((label, line.text, block))
        if unlabelled:
            text = " ".join(line.text for line in unlabelled)
            labelled.append((_judge(text, kept_text, late), text, block))
    return article, _segments(labelled)


def _late_removals(removed: list[RemovedBlock], observed: list[str]) -> list[RemovedBlock]:
    """The removed blocks the watcher did not see go: the last pass's, over blocks."""
    pending = list(observed)
    late = []
    for block in removed:
        if block.excerpt in pending:
            pending.remove(block.excerpt)
        else:
            late.append(block)
    return late


def _bare(text: str) -> str:
    """Text without white space or invisible characters: the page's text nodes and the
    assembled article space inline elements differently, and the article drops what a
    browser does not show (``assemble.visible``), but they share every other character."""
    return "".join(visible(text).split())


def _judge(text: str, kept_text: str, late: list[RemovedBlock]) -> tuple[str, str] | None:
    bare = _bare(text)
    if bare in kept_text:
        return None
    for block in late:
        if bare.startswith(_bare(block.excerpt.rstrip("…"))):
            return block.kind, block.rule
    return OUTSIDE


def _segments(labelled: list[tuple[tuple[str, str] | None, str, int]]) -> list[Segment]:
    """Runs of one label become one segment, a block a line: kept blocks are the
    article's paragraphs (blank lines between), removed ones are kept compact."""
    segments = []
    for label, run in groupby(labelled, key=lambda item: item[0]):
        lines = [" ".join(text for _, text, _ in block)
                 for _, block in groupby(run, key=lambda item: item[2])]
        kind, rule = label if label is not None else (None, None)
        segments.append(Segment(("\n\n" if kind is None else "\n").join(lines), kind, rule))
    return segments


@dataclass(frozen=True)
class MetadataDecisions:
    """How the cleaner settled the article's dates and language."""

    dates: DateDecision
    language: LanguageDecision

    def lines(self) -> list[str]:
        dates, language = self.dates, self.language
        lines = [f"published {dates.published or '-'}"
                 + (f" from {dates.published_from}" if dates.published_from else "")
                 + f": {dates.reason}",
                 f"modified {dates.modified or '-'}"
                 + (f" from {dates.modified_from}" if dates.modified_from else "")]
        lines += [f"  {c.field:9} {c.source:8} {c.value:25} {c.verdict}".rstrip()
                  for c in dates.candidates]
        detected = (f"{language.detected} ({language.confidence:.2f})"
                    if language.detected else "-")
        lines.append(f"language {language.language or '-'}"
                     + (f" from {language.language_from}" if language.language_from else "")
                     + f": {language.reason} (declared {language.declared or '-'}, "
                     f"detected {detected}, {language.words} words)")
        return lines


def metadata_decisions(html: str | bytes, url: str | None, article: Article, *,
                       charset: str | None = None,
                       fetched_at: datetime | None = None) -> MetadataDecisions:
    """The date candidates and why one won, and the language decision, for the page
    ``article`` was cleaned from (the same inputs ``clean`` had)."""
    page = decode_html(html, charset) if isinstance(html, bytes) else html
    metadata, dates = explain_metadata(LexborHTMLParser(page), url, page=page,
                                       fetched_at=fetched_at)
    return MetadataDecisions(dates, reconcile_language(metadata.language, article.text))
