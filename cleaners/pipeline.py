"""``clean()``: the extraction cascade, from page bytes to an ``Article``.

1. decode (bytes only) and parse once with lexbor;
2. read metadata before anything is removed;
3. strip what never holds article text (scripts, styles, hidden elements) and, with a
   site profile, the site's template paragraphs (so they neither vote nor count);
4. apply the user's site rules, then remove boilerplate by the rules table;
5. pick the main content container and its article-like siblings;
6. walk it into blocks, drop blocks that still read as boilerplate;
7. when that is empty or holds much less than the page's article-like text, ask
   trafilatura for a second opinion and keep it if it is much longer, less the widget
   lines our phrase rules name;
8. with a site profile, drop the blocks that are the site's template;
9. render text and Markdown.

Any failure becomes an empty ``Article`` with a ``reason``: a cleaner that
raised would take a crawl down with one bad page.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from typing import Protocol

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import rules
from .article import Article, RemovedBlock, SiteRules
from .assemble import Block, blocks_of, to_markdown, to_text
from .blocks import Remover
from .content import describe, main_content, thread_posts, thread_runs
from .controls import strip_controls
from .decode import decode_html, looks_binary
from .fallback import (
    article_like_chars,
    needs_second_opinion,
    prefer_second_opinion,
    second_opinion,
    without_widget_lines,
)
from .language import reconcile as reconcile_language
from .lead import story_lead
from .markup import excerpt, squash
from .metadata import Metadata, extract_guides, extract_metadata
from .phrases import line_rule
from .template import SiteProfile, cut_before_container, cut_template

MAX_HTML_CHARS = 30_000_000
"""Beyond this a document is not a news page; refuse it rather than parse it."""

WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
MAX_DEPTH = 5_000
"""Deeper nesting is refused: lexbor's tree builder takes time growing with the square
of the depth (a minute for 100,000 nested <div>s; a tenth of a second for 5,000), and
no real page nests that deep, even one that never closes its <div>s."""
SAFE_TAG_COUNT = 10_000
"""A page with fewer tags than this cannot nest deep enough to be slow: its depth
is not measured, which keeps the check off the ordinary page's path."""
# What the HTML tokenizer skips over, then tags. A comment ends the way the
# tokenizer ends it (``<!-->`` and ``<!--->`` are whole comments, ``--!>`` ends one,
# an unclosed one runs to the end); raw text elements hold no tags, so a "<!--"
# inside a script cannot hide what follows the script from the count.
_TOKENS = re.compile(
    r"<!--(?:-?>|.*?--!?>|.*)"
    r"|<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b.*?(?:</\1[\s/>]|\Z)"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9]*)",
    re.DOTALL | re.IGNORECASE)
# Elements that never deepen the tree: void ones, and ones the parser closes itself.
_FLAT_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
})


def clean(
    html: str | bytes,
    url: str | None = None,
    *,
    charset: str | None = None,
    site_rules: SiteRules | None = None,
    fetched_at: datetime | None = None,
    profile: SiteProfile | None = None,
    fingerprints: bool = False,
    with_metadata: bool = True,
) -> Article:
    """Extract the article from one page. Never raises; an empty result has a ``reason``.

    ``fetched_at`` is when the page was read (now if not given): a publication
    date after it is a template's or a clock's mistake, not the article's. With
    the ``profile`` of the page's site, blocks on most of its pages are removed
    as its template (``cleaners.template``); with ``fingerprints``, the page's
    blocks are fingerprinted for the store to learn such a profile from. Without
    ``with_metadata``, as trafilatura's ``extract`` by default, the article has its
    text, Markdown, title and authors (the cleaner reads them) but no dates, tags or
    language: the same text, without the date search and language detection, a quarter
    to a third of the time."""
    return clean_watched(html, url, charset=charset, site_rules=site_rules,
                         fetched_at=fetched_at, profile=profile, fingerprints=fingerprints,
                         with_metadata=with_metadata)


class Watcher(Protocol):
    """Sees the parsed body before anything is removed, then each removal."""

    def parsed(self, body: LexborNode) -> None: ...

    def removed(self, node: LexborNode, kind: str, rule: str) -> None: ...


def clean_watched(html: str | bytes, url: str | None = None, *, charset: str | None = None,
                  site_rules: SiteRules | None = None, profile: SiteProfile | None = None,
                  watcher: Watcher | None = None, fetched_at: datetime | None = None,
                  fingerprints: bool = False, with_metadata: bool = True) -> Article:
    """``clean`` with a ``watcher`` (``crawl explain`` uses one to show its work)."""
    try:
        return _without_controls(_clean(html, url, charset, site_rules, profile, watcher,
                                        fetched_at, fingerprints, with_metadata))
    except Exception as error:  # the promise is "never raises": report instead
        return Article(url=url, reason=f"cleaner failed: {type(error).__name__}: {error}"[:300])


def _without_controls(article: Article) -> Article:
    """Every text of ``article`` without control characters (see ``controls``)."""
    for field in dataclasses.fields(article):
        value = getattr(article, field.name)
        if isinstance(value, str):
            clear = strip_controls(value)
            if clear != value and field.name in ("text", "markdown"):
                clear = _without_empty_blocks(clear)  # a block of controls alone went
            setattr(article, field.name, clear)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            setattr(article, field.name, [strip_controls(item) for item in value])
    article.removed = [block if (clear := strip_controls(block.excerpt)) == block.excerpt
                       else dataclasses.replace(block, excerpt=clear) for block in article.removed]
    if not article.text.strip() and article.reason is None:  # it was control characters
        article.text, article.markdown, article.reason = "", "", "no article text found"
    return article


def _clean(html: str | bytes, url: str | None, charset: str | None,
           site_rules: SiteRules | None, profile: SiteProfile | None,
           watcher: Watcher | None, fetched_at: datetime | None,
           fingerprints: bool, with_metadata: bool) -> Article:
    if isinstance(html, bytes):
        if looks_binary(html):
            return Article(url=url, reason="not a text document (binary content)")
        html = decode_html(html, charset)
    if not html or html.isspace():
        return Article(url=url, reason="empty page")
    if len(html) > MAX_HTML_CHARS:
        return Article(url=url, reason=f"page too large ({len(html)} characters)")
    if html.count("<") > SAFE_TAG_COUNT and (depth := _nesting_depth(html)) > MAX_DEPTH:
        return Article(url=url, reason=f"elements nested too deep ({depth} levels)")
    tree = LexborHTMLParser(html)
    body = tree.body
    metadata = _metadata(tree, url, html, fetched_at, with_metadata)
    article = _with_metadata(Article(url=url), metadata)
    if body is None:
        article.reason = "no <body> in the page"
        return article

    if watcher is not None:
        watcher.parsed(body)
    remover = Remover(tree, url, site_rules, watcher.removed if watcher is not None else None)
    remover.strip_non_content(body)
    early = cut_before_container(body, profile, metadata.title, fingerprints=fingerprints)
    # Found once, before boilerplate goes: removing blocks only takes posts away.
    document_title = tree.css_first("title")
    titles = tuple(t for t in (metadata.title, document_title and document_title.text()) if t)
    posts = thread_posts(body, titles)
    article_like = article_like_chars(body, posts)
    remover.remove_boilerplate(body, posts, article_like, metadata.title)
    remover.strip_form_controls(body)

    photo_story = remover.story_caption_chars > 0
    choice = main_content(body, posts, titles, photo_story=photo_story)
    for post in thread_runs(choice.roots, posts, remover.posts_gone, photo_story=photo_story):
        remover.mark(post, "thread", "thread-posts")
    remover.sweep(body)
    lead = story_lead(body, choice.roots, metadata.title)
    article.container = describe(choice) + (" with the lead under its headline" if lead else "")
    opening = blocks_of([lead]) if lead is not None else []
    blocks = _drop_boilerplate_blocks(
        [*opening, *blocks_of(choice.roots, captions=photo_story)], metadata, remover,
        lead_blocks=len(opening))
    if not blocks and [r.mem_id for r in choice.roots] != [body.mem_id]:
        # The chosen container said nothing that survived: rather the rest of the
        # page, already stripped of every block a rule named, than nothing.
        blocks = _drop_boilerplate_blocks(blocks_of([body], captions=photo_story), metadata,
                                          remover)
        article.container = "whole page: the chosen container kept nothing"
    kept_chars = sum(len(block.text) for block in blocks)
    article_like = max(remover.story_caption_chars, article_like - remover.talk_chars)
    if len(html) <= rules.SECOND_OPINION_MAX_HTML and needs_second_opinion(kept_chars,
                                                                          article_like):
        theirs = second_opinion(*_pruned(html, url, site_rules), url=url)
        if prefer_second_opinion(kept_chars, theirs):
            blocks, dropped = without_widget_lines(theirs)
            remover.removed.extend(dropped)
            article.container = ("fallback: trafilatura (ours was empty)" if not kept_chars
                                 else "fallback: trafilatura (our container held too little)")
    # Last, so that a profile learns and removes only what every other rule left.
    template = cut_template(blocks, profile, metadata.title, early, fingerprints=fingerprints)
    blocks, article.fingerprints = template.kept, template.fingerprints
    article.removed = remover.removed + template.removed
    article.source_url = remover.source_url
    if not blocks:
        article.reason = "no article text found"
        return article
    article.text = to_text(blocks)
    article.markdown = to_markdown(blocks)
    if with_metadata:
        language = reconcile_language(article.language, article.text)
        article.language, article.language_from = language.language, language.language_from
    return article


def _without_empty_blocks(text: str) -> str:
    """``text`` without the separators and spaces left by what went: a block, or a
    line's end."""
    return "\n\n".join(block for block in text.split("\n\n") if block.strip()).strip()


def _pruned(html: str, url: str | None, site_rules: SiteRules | None) -> tuple[str, str]:
    """The page as the second opinion may see it, and its text: the user's site drops,
    hidden blocks and scripts gone, as they went before our own container was chosen
    (parsed again: the first tree has lost its boilerplate by now)."""
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return html, ""
    Remover(tree, url, site_rules).strip_non_content(tree.body)
    return tree.html or "", tree.body.text()


def _nesting_depth(html: str) -> int:
    """How deep the page's elements nest, counted from its tags without parsing.

    Counted as the parser builds: an end tag closes the innermost open element of
    its name and everything opened inside it; an end tag that closes nothing, or
    one inside a comment or a script, changes nothing; an ``<a>`` straight inside
    an ``<a>`` closes it (links do not nest).
    """
    open_names: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0
    for _, closing, name in _TOKENS.findall(html):
        if not name:  # a comment or a raw text element
            continue
        name = name.lower()
        if name in _FLAT_TAGS:
            continue
        if not closing and name == "a" and open_names and open_names[-1] == "a":
            continue  # this link replaces the open one at the same depth
        if not closing:
            open_names.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            deepest = max(deepest, len(open_names))
        elif open_count.get(name):
            while open_names:
                closed = open_names.pop()
                open_count[closed] -= 1
                if closed == name:
                    break
    return deepest


def _metadata(tree: LexborHTMLParser, url: str | None, html: str,
              fetched_at: datetime | None, with_metadata: bool) -> Metadata:
    try:
        if not with_metadata:
            return extract_guides(tree, url)  # the headline and bylines guide the cleaner
        return extract_metadata(tree, url, page=html, fetched_at=fetched_at)
    except Exception:  # metadata is a bonus: its failure must not lose the text
        return Metadata()


def _with_metadata(article: Article, metadata: Metadata) -> Article:
    for field in dataclasses.fields(Metadata):  # an Article is a Metadata and more
        setattr(article, field.name, getattr(metadata, field.name))
    return article


def _drop_boilerplate_blocks(blocks: list[Block], metadata: Metadata, remover: Remover,
                             lead_blocks: int = 0) -> list[Block]:
    """Last pass over the article's blocks: what still reads as boilerplate goes. The
    first ``lead_blocks`` are the story's lead (``cleaners.lead``): the headline repeated
    after it still opens the body, and goes as the title."""
    kept: list[Block] = []
    seen: set[str] = set()
    title = squash(metadata.title or "").casefold()
    in_story = [between or roundup or line for between, roundup, line in zip(
        _lists_between_paragraphs(blocks), _roundup_items(blocks), _lines_of_prose(blocks),
        strict=True)]
    over_removed: set[int] = set()  # kept headings right over a block that went
    for block, listed in zip(blocks, in_story, strict=True):
        reason = _block_rule(block, title, seen, len(kept) <= lead_blocks, listed)
        if reason is None:
            kept.append(block)
            seen.add(block.text)
        else:
            kind, rule = reason
            remover.removed.append(RemovedBlock(kind, rule, excerpt(block.text)))
            if kept and kept[-1].kind == "heading":
                over_removed.add(id(kept[-1]))
    orphans: dict[int, tuple[str, str]] = {}  # headings that head nothing: kind, rule
    for n, block in enumerate(kept):
        following = kept[n + 1] if n + 1 < len(kept) else None
        if not (_widget_heading_left(block) and _section_ends(block, following)):
            continue
        if id(block) in over_removed:
            orphans[id(block)] = ("widget", "orphan-heading")
        elif block.link_density > rules.LINK_DENSE_BLOCK and following is not None \
                and following.level < block.level and not _picks_before(kept, n):
            # a heading that is a link, right over a section of the story above its rank:
            # a teaser card's title between two sections, a linked byline over the story.
            # One over the next of its own rank, or after one of its rank, is an item of
            # the story's list (a round-up's pick, shown by a picture or a video that
            # makes no block).
            orphans[id(block)] = ("links", "lone-linked-heading")
    for block in kept:
        if id(block) in orphans:
            remover.removed.append(RemovedBlock(*orphans[id(block)], excerpt(block.text)))
    kept = [block for block in kept if id(block) not in orphans]
    for _ in range(_author_box(kept, metadata.authors)):
        remover.removed.append(RemovedBlock("author-bio", "author-bio-line",
                                            excerpt(kept.pop().text)))
    while len(kept) > 1 and _widget_heading_left(kept[-1]):
        remover.removed.append(RemovedBlock("widget", "orphan-heading", excerpt(kept.pop().text)))
    return kept


def _author_box(blocks: list[Block], authors: list[str]) -> int:
    """How many of the last ``blocks`` are author boxes, their class names gone: each a
    paragraph that opens with an author's name as the subject of a sentence ("Ana Ruiz
    is a reporter who...", "Ana Ruiz, 41, covers...", and "Ana Ruiz is..." under the
    byline "Ana"), with that name above it as a heading or not, in any language; laid
    out apart from the story (``Block.box``), whose last two paragraphs share a box.
    The story's own last line about someone of that name stands among its paragraphs,
    and where each paragraph has a box of its own the layout tells nothing; a name that
    runs on into more capitalized words is not the subject ("Associated Press Writer Ana
    Ruiz contributed to this report.": the wire story's credit)."""
    size = 0
    while size < len(blocks):
        block = blocks[-1 - size]
        if _about_an_author(block, authors) or (
                size and block.kind == "heading" and block.text in authors
                and _about_an_author(blocks[-size], authors)):
            size += 1
        else:
            break
    story = blocks[:len(blocks) - size]
    if not size or len(story) < 2 or story[-1].box != story[-2].box:
        return 0
    return size if all(block.box != story[-1].box for block in blocks[-size:]) else 0


def _about_an_author(block: Block, authors: list[str]) -> bool:
    """A paragraph of at most ``rules.AUTHOR_BIO_MAX_CHARS`` that opens with one of the
    ``authors`` as its subject (``_subject_ends``)."""
    return block.kind == "p" and len(block.text) <= rules.AUTHOR_BIO_MAX_CHARS and any(
        block.text.startswith(author) and _subject_ends(block.text[len(author):])
        for author in authors)


def _subject_ends(rest: str) -> bool:
    """Whether a sentence's subject ends where ``rest`` starts, or one capitalized word
    (a surname) later: at a comma, or at a lowercase word (its verb)."""
    words = rest[:80].split(" ")
    if words[0]:  # the name runs on inside a word ("Anaïs", "Ana's") unless a comma ends it
        return words[0][:1] == ","
    for position, word in enumerate(words[1:3]):
        if word.endswith(",") or word[:1].islower():
            return True
        if position == 1 or not word[:1].isupper():
            return False
    return False


def _picks_before(blocks: list[Block], n: int) -> bool:
    """Whether the heading ``blocks[n]`` follows a linked heading of its level, with no
    heading of higher rank between: the last pick of a round-up's group."""
    level = blocks[n].level
    for block in reversed(blocks[:n]):
        if block.kind == "heading" and block.level <= level:
            return block.level == level and block.link_density > rules.LINK_DENSE_BLOCK
    return False


def _section_ends(heading: Block, following: Block | None) -> bool:
    """Whether the block ``following`` a heading (None: the article's end) ends its
    section: a heading of its level or above. A heading whose section held only what
    went as boilerplate (a box's list of links, a teaser) heads nothing, as one left at
    the article's end does: a widget's title, in any language."""
    return following is None or (following.kind == "heading" and following.level <= heading.level)


def _widget_heading_left(block: Block) -> bool:
    """A heading that ends the article heads nothing: the title of a widget that went
    ("Related Training", "Like Our Site?"), in whatever language. A sentence ("So for
    now, I'll be relying on Shanks's pony!") is a line of the article set as a heading,
    and a heading inside a quotation is the quoted text's (a blockquote of headings, as
    some editors set a call to readers), never a widget's."""
    return block.kind == "heading" and not block.quote and not (
        _ends_a_sentence(block.text)
        and len(WORD.findall(block.text)) >= rules.SENTENCE_MIN_WORDS)


def _lists_between_paragraphs(blocks: list[Block]) -> list[bool]:
    """Which blocks are items of a list set between two paragraphs of prose: the
    story's own list (a reading list, the papers of an issue, the products pictured),
    however many links it holds. A related-links widget ends the story or stands
    apart; the story does not go on after it."""
    listed = [False] * len(blocks)
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind == "item":
            end += 1
        if end > start and start > 0 and end < len(blocks) \
                and _prose(blocks[start - 1], ends=rules.SENTENCE_ENDS + ":") \
                and _prose(blocks[end]):
            listed[start:end] = [True] * (end - start)
        start = end + 1
    return listed


def _lines_of_prose(blocks: list[Block]) -> list[bool]:
    """Which blocks are links a writer set into a paragraph as its lines, parted by
    ``<br>`` alone (``Block.paragraph``): the items of a list typed into it
    (``_listed_lines``), and the linked titles of two or more summaries, each opening
    a short paragraph of its own. Read alone, each line is mostly link. A widget's
    links set so in a post ("Share on Facebook", "Posted in News", a linked byline or
    breadcrumb over the post) are neither."""
    paragraphs: dict[int, list[int]] = {}
    for n, block in enumerate(blocks):
        if block.kind == "p":
            paragraphs.setdefault(block.paragraph, []).append(n)
    kept = [False] * len(blocks)
    titles = [lines[0] for lines in paragraphs.values() if _titles_its_summary(blocks, lines)]
    for n in titles if len(titles) >= rules.TITLED_SUMMARIES_MIN else ():
        kept[n] = True
    for lines in paragraphs.values():
        for n in _listed_lines(blocks, lines):
            kept[n] = True
    return kept


def _titles_its_summary(blocks: list[Block], lines: list[int]) -> bool:
    """Whether a paragraph's lines are a linked title, at most one line more (a
    place, a date) and a summary: a sentence of prose."""
    return len(lines) in (2, 3) and blocks[lines[0]].link_density > rules.LINK_DENSE_BLOCK \
        and _prose(blocks[lines[-1]])


def _listed_lines(blocks: list[Block], lines: list[int]) -> list[int]:
    """The linked lines of one paragraph of prose that are items of a list the writer
    typed into it: each opening with the bullet or the number that the line beside it
    goes on with ("7. ..." then "8. ..."). A list announced by its sentence alone ("Here
    are the links for:") is no different from a blog's promotion of its own posts
    ("Some of the popular funny posts:")."""
    if not any(_prose(blocks[n]) for n in lines):
        return []
    texts = [blocks[n].text for n in lines]
    return [n for at, n in enumerate(lines) if blocks[n].link_density > rules.LINK_DENSE_BLOCK
            and ((at > 0 and _list_items(texts[at - 1], texts[at]))
                 or (at + 1 < len(lines) and _list_items(texts[at], texts[at + 1])))]


def _list_items(first: str, second: str) -> bool:
    """Whether two lines open as items of one typed list: with the same bullet, or with
    a number and the next."""
    one, two = rules.LIST_MARK.match(first), rules.LIST_MARK.match(second)
    if one is None or two is None:
        return False
    if one[2] and two[2]:
        return int(two[2]) == int(one[2]) + 1
    return one[1] == two[1]


def _roundup_items(blocks: list[Block]) -> list[bool]:
    """Which blocks are items of a post made of its list (``rules.ROUNDUP_MIN_SHARE``):
    the items long enough to be titles or sentences, where they are most of the post."""
    titled = [block.kind == "item"
              and len(WORD.findall(block.text)) >= rules.ROUNDUP_ITEM_MIN_WORDS
              for block in blocks]
    listed = sum(len(block.text) for block, title in zip(blocks, titled, strict=True) if title)
    if sum(titled) >= rules.ROUNDUP_MIN_ITEMS \
            and listed >= rules.ROUNDUP_MIN_SHARE * sum(len(block.text) for block in blocks):
        return titled
    return [False] * len(blocks)


def _prose(block: Block, ends: str = rules.SENTENCE_ENDS) -> bool:
    """A paragraph of the story: a sentence's worth of mostly unlinked text, ending
    as a sentence does (or as one that introduces a list: ``ends``)."""
    return (block.kind == "p" and block.link_density < rules.PROSE_MAX_LINK_DENSITY
            and len(block.text) - block.links >= rules.SENTENCE_MIN_PROSE
            and _ends_a_sentence(block.text, ends, past_quotes=False))


def _ends_a_sentence(text: str, ends: str = rules.SENTENCE_ENDS, past_quotes: bool = True
                     ) -> bool:
    """Whether ``text`` ends as a sentence does (``ends``); with ``past_quotes``, also
    where its stop sits inside closing quotes. The paragraph that introduces a story's
    list is read without: it is the writer's own sentence, and a box of links often
    follows a quotation's close."""
    text = text.rstrip()
    last = (text.rstrip(rules.CLOSING_MARKS) if past_quotes else text)[-1:]
    return last != "" and last in ends


def _block_rule(block: Block, title: str, seen: set[str], opens_the_body: bool,
                in_story_list: bool) -> tuple[str, str] | None:
    if block.text in seen and len(block.text) >= rules.REPEAT_MIN_CHARS:
        return "duplicate", "repeated-block"
    if block.kind == "heading" and opens_the_body and (
            block.level == 1 or block.text.casefold() == title):
        return "title", "title-heading"
    if block.kind != "heading" and not in_story_list \
            and block.link_density > rules.LINK_DENSE_BLOCK \
            and len(block.text) - block.links < rules.LINK_DENSE_MAX_PROSE \
            and not block.text.startswith(("http://", "https://", "www.")) \
            and not _linked_sentence(block):
        return "links", "link-dense-block"
    if len(block.text) <= rules.PHRASE_MAX_CHARS and (rule := line_rule(block.text)) is not None \
            and not (rule.controls_only or rule.stands_alone):  # judged on the markup
        return rule.kind, rule.name
    if block.kind in ("p", "item") and len(block.text) <= rules.TITLE_MAX_CHARS:
        return _line_shape(block.text)
    return None


def _linked_sentence(block: Block) -> bool:
    """A sentence of prose whose words are mostly links (``rules.SENTENCE_MIN_WORDS``)."""
    text = block.text.rstrip()
    return (_ends_a_sentence(text)
            and len(text) - block.links >= rules.SENTENCE_MIN_PROSE
            and len(WORD.findall(text)) >= rules.SENTENCE_MIN_WORDS)


def _line_shape(text: str) -> tuple[str, str] | None:
    if _DIGIT.search(text) is None and "@" not in text and ".com/" not in text:
        return None  # every line shape holds a number, an address or a profile
    for shape in rules.LINE_SHAPES:
        if shape.pattern.fullmatch(text):
            return shape.kind, shape.name
    rest, dates = rules.DATE.subn(" ", text)
    if dates and len(WORD.findall(rest)) <= rules.DATELINE_MAX_WORDS * dates and "@" not in rest:
        return "meta", "dateline"
    return None
