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
from .article import Article, SiteRules
from .assemble import blocks_of, to_markdown, to_text
from .blocks import Remover
from .content import describe, main_content, marked_as_posts, thread_posts, thread_runs
from .controls import strip_controls
from .decode import decode_html, looks_binary
from .fallback import (
    article_like_chars,
    needs_second_opinion,
    prefer_second_opinion,
    second_opinion,
    without_boilerplate_lines,
)
from .language import reconcile as reconcile_language
from .last_pass import drop_boilerplate_blocks
from .lead import story_lead
from .metadata import Metadata, declares_live_blog, extract_guides, extract_metadata
from .template import SiteProfile, cut_before_container, cut_template

MAX_HTML_CHARS = 30_000_000
"""Beyond this a document is not a news page; refuse it rather than parse it."""

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
    """Sees the parsed body before anything is removed, then each removal; sees it
    parsed again when the cleaner starts over (a page said nothing but a thread's posts)."""

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
           fingerprints: bool, with_metadata: bool, threads: bool = True) -> Article:
    if isinstance(html, bytes):
        if looks_binary(html, charset):
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
    # read before the scripts go; most pages never name the type, and skip the parse
    live_blog = "LiveBlogPosting" in html and declares_live_blog(tree)
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
    posts = thread_posts(body, titles) if threads and not live_blog else set()
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
    blocks = drop_boilerplate_blocks(
        [*opening, *blocks_of(choice.roots, captions=photo_story)], metadata, remover,
        lead_blocks=len(opening))
    if not blocks and [r.mem_id for r in choice.roots] != [body.mem_id]:
        # The chosen container said nothing that survived: rather the rest of the
        # page, already stripped of every block a rule named, than nothing.
        blocks = drop_boilerplate_blocks(blocks_of([body], captions=photo_story), metadata,
                                          remover)
        article.container = "whole page: the chosen container kept nothing"
    kept_chars = sum(len(block.text) for block in blocks)
    article_like = max(remover.story_caption_chars, article_like - remover.talk_chars)
    if len(html) <= rules.SECOND_OPINION_MAX_HTML and needs_second_opinion(kept_chars,
                                                                          article_like):
        theirs = second_opinion(*_pruned(html, url, site_rules), url=url)
        if prefer_second_opinion(kept_chars, theirs):
            blocks, dropped = without_boilerplate_lines(theirs, metadata.title)
            remover.removed.extend(dropped)
            article.container = ("fallback: trafilatura (ours was empty)" if not kept_chars
                                 else "fallback: trafilatura (our container held too little)")
    # Last, so that a profile learns and removes only what every other rule left.
    template = cut_template(blocks, profile, metadata.title, early, fingerprints=fingerprints)
    blocks, article.fingerprints = template.kept, template.fingerprints
    article.removed = remover.removed + template.removed
    article.source_url = remover.source_url
    if not blocks:
        if posts and not _a_thread_of_comments(html, titles):
            return _read_without_a_thread(html, url, charset, site_rules, profile, watcher,
                                          fetched_at, fingerprints, with_metadata)
        article.reason = "no article text found"
        return article
    article.text = to_text(blocks)
    article.markdown = to_markdown(blocks)
    if with_metadata:
        language = reconcile_language(article.language, article.text)
        article.language, article.language_from = language.language, language.language_from
    return article


def _a_thread_of_comments(html: str, titles: tuple[str, ...]) -> bool:
    """Whether the page's thread posts (found on a fresh parse: the first tree lost them)
    carry a comment's marks (``content.marked_as_posts``): a thread of comments is no
    story, though nothing else is left of the page."""
    body = LexborHTMLParser(html).body
    return body is not None and marked_as_posts(body, thread_posts(body, titles))


def _read_without_a_thread(html: str, url: str | None, charset: str | None,
                           site_rules: SiteRules | None, profile: SiteProfile | None,
                           watcher: Watcher | None, fetched_at: datetime | None,
                           fingerprints: bool, with_metadata: bool) -> Article:
    """The page cleaned again without a thread, when what read as a thread's posts (a
    gallery's slides, each a picture linked to its file and a credit) was all it said.
    Its answer stands either way, so that a watcher's second reading is the one
    reported; less than ``rules.THREAD_STORY_MIN_CHARS`` of text is no story."""
    article = _clean(html, url, charset, site_rules, profile, watcher, fetched_at,
                     fingerprints, with_metadata, threads=False)
    if len(article.text) < rules.THREAD_STORY_MIN_CHARS:
        article.text, article.markdown = "", ""
        article.reason = "no article text found (read again without a thread: too little)"
    else:
        article.container = f"{article.container} (no thread: nothing else was left)"
    return article


def _without_empty_blocks(text: str) -> str:
    """``text`` without the separators and spaces left by what went: a block, or a
    line's end."""
    return "\n\n".join(block for block in text.split("\n\n") if block.strip()).strip()


def _pruned(html: str, url: str | None, site_rules: SiteRules | None) -> tuple[str, str]:
    """The page as the second opinion may see it, and its text: the user's site drops,
    hidden blocks and scripts gone, as they went before our own container was chosen
    (parsed again: the first tree has lost its boilerplate by now). The text is read
    twice, its nodes joined and apart: a word may be split by inline tags
    (``<b>W</b>hen``), and two words may touch across a ``<br>`` ("time<br>Our")."""
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return html, ""
    Remover(tree, url, site_rules).strip_non_content(tree.body)
    return tree.html or "", f"{tree.body.text()}\n{tree.body.text(separator=' ')}"


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
