"""Turn the chosen content elements into blocks, then into text and Markdown.

The walk is iterative (pages nest deep) and emits one block per paragraph,
heading, list item, quotation paragraph, preformatted block or table row, in
document order. Blocks that read as boilerplate (mostly links, a boilerplate
line, a repeat) are dropped and reported back to the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import count, repeat

from selectolax.lexbor import LexborNode

from . import rules
from .markup import BLOCK_TAGS, squash

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BREAKS = BLOCK_TAGS
_UNREAD = frozenset({"script", "style", "noscript", "template", "head", "title"})
_SKIPPED = _UNREAD | {"figcaption"}  # a caption is furniture, but on a photo story
_NO_TAG = repeat("")  # endless: zip stops at the children
_NO_RESTORE = repeat(None)
_PARAGRAPHS = count(1)  # one numbering for every walk: a lead's and its story's blocks meet
_BOX_TAGS = frozenset({"div", "section", "article", "aside", "header", "footer", "main",
                       "td", "form", "details", "center"})
"""Elements that lay blocks out together: a block's ``box`` is the nearest one (a list's
items share the box the list is in)."""
_CONTEXT_TAGS = frozenset({*_HEADINGS, *_BOX_TAGS, "ul", "ol", "li", "blockquote", "pre", "a",
                           "tr", "th"})
"""Elements that change how the text inside them is rendered, or where it is laid out;
others share the context."""
_WORD = re.compile(r"\w+")
_LAYOUT_INSIDE = "p, div, table, ul, ol, blockquote, h1, h2, h3, h4, h5, h6, section, article"


@dataclass(frozen=True)
class Block:
    """One unit of the article: ``kind`` is p, heading, item, pre or row."""

    kind: str
    text: str
    links: int = 0
    level: int = 0  # heading level, or list depth for items
    ordered: bool = False
    quote: int = 0  # blockquote depth
    cells: tuple[str, ...] = ()
    header_row: bool = False
    box: int = field(default=0, compare=False)
    """The element the block is laid out in (its nearest ``_BOX_TAGS`` ancestor, by
    ``mem_id``): an author's box apart from the story's paragraphs has one of its own."""
    paragraph: int = field(default=0, compare=False)
    """Blocks that only a ``<br>`` parts share it: the lines of one paragraph."""

    @property
    def link_density(self) -> float:
        return self.links / len(self.text) if self.text else 0.0


@dataclass
class _Context:
    heading: int = 0
    lists: tuple[bool, ...] = ()  # one entry per open list: ordered?
    in_item: int = 0
    quote: int = 0
    pre: int = 0
    link: int = 0
    cell: int = 0
    box: int = 0


_INVISIBLE = re.compile("[\u00ad\u200b\ufeff\ue000-\uf8ff]")


def visible(text: str) -> str:
    """``text`` without soft hyphens, zero-width spaces and byte-order marks: a browser
    shows none of them, and inside a word they hide it from search (a "Magdalener"
    hyphenated for narrow screens is not found as "Magdalener"). Joiners stay: emoji and
    Persian need them. Nor the private use area's characters: icon fonts draw their
    stars, arrows and logos there, which as text are no letter of any language. (A regex:
    ``str.translate`` with a table cost 2% of the cleaning time.)"""
    return _INVISIBLE.sub("", text)


class _Walker:
    def __init__(self, skipped: frozenset[str]) -> None:
        self.skipped = skipped
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links = 0
        self.row: list[str] | None = None
        self.row_is_header = False
        self.ctx = _Context()
        self.paragraph = next(_PARAGRAPHS)

    def flush(self) -> None:
        if not self.parts:
            return
        raw = visible("".join(self.parts))
        text = raw.strip("\n") if self.ctx.pre else squash(raw)
        self.parts, links = [], self.links
        self.links = 0
        if not text.strip():
            return
        if self.ctx.cell and self.row is not None:
            self.row.append(text)
            return
        ctx, paragraph = self.ctx, self.paragraph
        if ctx.pre:
            self.blocks.append(Block("pre", text, links, quote=ctx.quote, box=ctx.box,
                                     paragraph=paragraph))
        elif ctx.heading:
            self.blocks.append(Block("heading", text, links, level=ctx.heading, quote=ctx.quote,
                                     box=ctx.box, paragraph=paragraph))
        elif ctx.in_item and ctx.lists:
            self.blocks.append(Block("item", text, links, level=len(ctx.lists),
                                     ordered=ctx.lists[-1], quote=ctx.quote, box=ctx.box,
                                     paragraph=paragraph))
        else:
            self.blocks.append(Block("p", text, links, quote=ctx.quote, box=ctx.box,
                                     paragraph=paragraph))

    def end_block(self, paragraph_ends: bool = True) -> None:
        """End the block at an element that starts or ends one; past any but a ``<br>``,
        the next block opens a new paragraph."""
        self.flush()
        if paragraph_ends:
            self.paragraph = next(_PARAGRAPHS)

    def walk(self, root: LexborNode) -> None:
        stack: list[tuple[LexborNode, str, _Context | None]] = [(root, "", None)]
        while stack:
            node, tag, restore = stack.pop()
            if restore is not None:  # leaving an element: close what it opened
                if tag in _BREAKS:
                    self.end_block(tag != "br")
                if tag == "tr" and self.row is not None:
                    self._end_row()
                self.ctx = restore
                continue
            tag = node.tag or ""
            if tag == "-text":
                text = node.text_content or ""
                self.parts.append(text)
                if self.ctx.link:
                    self.links += len(visible(text).strip())
                continue
            if tag[:1] == "-" or tag in self.skipped:  # comments, doctype; captions
                continue
            if tag in _BREAKS:
                self.end_block(tag != "br")
            stack.append((node, tag, self.ctx))
            if tag in _CONTEXT_TAGS:
                self.ctx = self._enter(node, tag)
            kids = list(node.iter(include_text=True))
            kids.reverse()
            stack.extend(zip(kids, _NO_TAG, _NO_RESTORE, strict=False))
        self.flush()

    def _enter(self, node: LexborNode, tag: str) -> _Context:
        ctx = self.ctx
        new = _Context(ctx.heading, ctx.lists, ctx.in_item, ctx.quote, ctx.pre, ctx.link, ctx.cell,
                       node.mem_id if tag in _BOX_TAGS else ctx.box)
        if tag in _HEADINGS:
            new.heading = _HEADINGS[tag]
        elif tag in ("ul", "ol"):
            new.lists = (*ctx.lists, tag == "ol")
            new.in_item = 0
        elif tag == "li":
            new.in_item = 1
        elif tag == "blockquote":
            new.quote += 1
        elif tag == "pre":
            new.pre = 1
        elif tag == "a":
            new.link = 0 if _quoted_for_sharing(node) else 1
        elif tag == "tr" and node.parent is not None and self._data_table(node):
            self.row = []
            self.row_is_header = node.css_first("th") is not None
        elif tag in ("td", "th") and self.row is not None:
            new.cell = 1
        return new

    @staticmethod
    def _data_table(row: LexborNode) -> bool:
        """Layout tables (cells holding paragraphs or tables) read as ordinary blocks."""
        return row.css_first(_LAYOUT_INSIDE) is None

    def _end_row(self) -> None:
        cells, self.row = self.row or [], None
        if cells:
            text = "\t".join(cells)
            self.blocks.append(Block("row", text, 0, quote=self.ctx.quote,
                                     cells=tuple(cells), header_row=self.row_is_header))


def _quoted_for_sharing(link: LexborNode) -> bool:
    """A sentence of the story linked to a share form (``rules.SHARE_INTENT``): the
    article's words. A share bar's "Twitter" links to the same form, and is a link."""
    return rules.SHARE_INTENT.search(link.attributes.get("href") or "") is not None \
        and len(_WORD.findall(link.text())) >= rules.SENTENCE_MIN_WORDS


def blocks_of(roots: list[LexborNode], *, captions: bool = False) -> list[Block]:
    """The blocks of text under ``roots``, in order; <figcaption>s only with ``captions``
    (a photo story's)."""
    walker = _Walker(_UNREAD if captions else _SKIPPED)
    for root in roots:
        walker.walk(root)
        walker.end_block()
    return walker.blocks


def to_text(blocks: list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)


def escape_markdown(text: str) -> str:
    """Page text as Markdown text, never as markup: a page that shows "<script>" or
    "[x](javascript:...)" in its words must not become live HTML or a link."""
    if _HAS_SPECIAL.search(text) is not None:  # most prose has none: one scan, no copy
        text = text.translate(_MARKDOWN_SPECIAL)
    if "\n" in text or text.lstrip()[:1] in _LINE_STARTS:
        text = _LINE_START_MARKER.sub(r"\g<1>\\\g<2>", text)
        text = _LINE_START_NUMBER.sub(r"\g<1>\\\g<2>", text)
    return text


_HAS_SPECIAL = re.compile(r"[\\`*_\[\]<>|&]")
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|&"})
_LINE_STARTS = frozenset("#+=-0123456789")
# What would start a heading, quotation, list item or rule at the start of a line.
_LINE_START_MARKER = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_LINE_START_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks inside the code."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def to_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        prefix = "> " * block.quote
        text = escape_markdown(block.text)
        if block.kind == "heading":
            line = "#" * block.level + " " + text
        elif block.kind == "item":
            marker = "1." if block.ordered else "-"
            line = "  " * (block.level - 1) + marker + " " + text
        elif block.kind == "pre":
            fence = _fence(block.text)
            line = fence + "\n" + block.text + "\n" + fence
        elif block.kind == "row":
            line = "| " + " | ".join(escape_markdown(c) for c in block.cells) + " |"
            if previous is None or previous.kind != "row":
                # Markdown tables need a header separator after their first row.
                line += "\n|" + " --- |" * len(block.cells)
        else:
            line = text
        line = "\n".join(prefix + part for part in line.split("\n"))
        joiner = "\n" if previous is not None and _tight(previous, block) else "\n\n"
        out.append((joiner if out else "") + line)
        previous = block
    return "".join(out)


def _tight(previous: Block, block: Block) -> bool:
    """List items and table rows sit on consecutive lines."""
    return previous.kind == block.kind and block.kind in ("item", "row")
