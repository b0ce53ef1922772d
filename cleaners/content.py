"""Pick the page's main content: Readability-style scoring of container elements.

Every paragraph-like block with enough text votes for its ancestors (its parent
fully, its grandparent half, farther ancestors less). A container's score is its
votes, plus hints from its tag and class/id names, times the share of its text
that is not links. The best container wins, then climbs to a parent holding
comparable candidates, and gathers siblings that look like article text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from . import rules
from .markup import (
    BLOCK_TAGS,
    HEADING_TAGS,
    among_words,
    children,
    element_children,
    first_class,
    folded_headline,
    link_chars,
    squash,
    text_chars,
)
from .phrases import line_rule

# Paragraphs vote for their ancestors. Loose text in a container (a <div> with text
# between its children, as old templates write articles) is a paragraph of that
# container, so it votes for the container itself too, and so is the text of its
# inline elements.
PARAGRAPHS = "p, pre, blockquote, dd, h2, h3, h4, h5, h6, li"
CONTAINERS = "div, section, article, main, td, center, font"
_ITEM_TAGS = ("li", "dd")
THREAD_ITEMS = ", ".join(_ITEM_TAGS)
"""Items of a list (ul, ol, dl) that hold paragraphs of their own are the posts of a
thread (comments, teasers), and so are runs of alike <div>s (``_unlisted_posts``):
their paragraphs do not vote, so a long comment list never outvotes the article,
class names or not. (Requiring two posts or more was tried: it keeps a lone article
laid out as a list item, and loses the one-comment threads and one-item teaser lists,
more of them on the stripped sets. A lone item that opens with the page's headline is
the story instead: ``_listed_story``.)"""
# A post's own blocks; older comment templates lay each post out as a <table> (avatar
# and name in one row, the text in the next).
_ITEM_BLOCKS = ("p", "div", "blockquote", "pre", "article", "section", "table")
_LISTS = ("ul", "ol", "dl")
_POST_PARENTS = ("body", "div", "section", "article", "td")
# Parents and children are checked by the CSS engine, not by reading the tags of
# hundreds of items and <div>s in Python. (One "> tag" each: lexbor reads
# ":has(> :is(p, div))" as if only the item's first child counted.)
_LISTED_POSTS = (f":is({', '.join(_LISTS)}) > :is({THREAD_ITEMS})"
                 f":has({', '.join(f'> {tag}' for tag in _ITEM_BLOCKS)})")
_POST_CANDIDATES = f":is({', '.join(_POST_PARENTS)}) > :is(div, article)"
_POST_NODES = f"{_LISTED_POSTS}, {_POST_CANDIDATES}"
_LINKED_HEADINGS = ":is(h1, h2, h3, h4, h5, h6) a[href]"
_SECTION_HEADINGS = HEADING_TAGS - {"h1"}
_UNLINKED_SECTION_HEADINGS = ("h2", "h3")
FURNITURE = frozenset({"footer", "aside", "nav"})
"""HTML's own words for what is not the article (a publisher's blurb, a comment thread in
the article's footer), which survive where class names do not: a candidate inside one
(``is_furniture``) never leads while one outside it is among the leaders."""
_TAG_BONUS = {"div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3,
              "blockquote": 3, "ol": -3, "ul": -3, "dl": -3, "li": -3, "form": -3,
              "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
_POSITIVE = re.compile(
    r"article|body|content|entry|hentry|main|page|post|text|blog|story|prose|rich-?text",
    re.IGNORECASE)
_NEGATIVE = re.compile(
    r"comment|meta|footer|footnote|sidebar|widget|related|promo|share|social|teaser|"
    r"caption|byline|author|nav|menu|ad-|sponsor", re.IGNORECASE)


@dataclass
class Candidate:
    node: LexborNode
    votes: float = 0.0
    text: int = 0
    links: int = 0
    score: float | None = None

    @property
    def link_density(self) -> float:
        return self.links / self.text if self.text else 0.0


def _class_weight(node: LexborNode) -> int:
    attrs = node.attributes
    names = " ".join(v for k in ("class", "id") if (v := attrs.get(k)))
    weight = 0
    if names:
        if _NEGATIVE.search(names):
            weight -= rules.CLASS_WEIGHT
        if _POSITIVE.search(names):
            weight += rules.CLASS_WEIGHT
    return weight


def score_containers(root: LexborNode, posts: set[int],
                     paragraphs: str = PARAGRAPHS) -> dict[int, Candidate]:
    """Every paragraph outside the thread ``posts`` votes for its ancestors."""
    candidates: dict[int, Candidate] = {}
    for paragraph in root.css(paragraphs):
        _vote(paragraph, paragraph.text(), paragraph.parent, candidates, posts)
    for container in root.css(CONTAINERS):
        _vote(container, _loose_text(container), container, candidates, posts)
    return candidates


def _loose_text(container: LexborNode) -> str:
    """The text of ``container`` outside its blocks: its own text and its inline
    elements' (a story written in <span>s between <br>s, or in an <i> beside a quote
    box). Read whole: its own text alone, often a few spaces and a "&nbsp;", would
    undercount such a story or miss it."""
    return "".join(child.text() for child in children(container) if child.tag == "-text"
                   or (child.is_element_node and child.tag not in BLOCK_TAGS))


def thread_posts(root: LexborNode, titles: tuple[str, ...] = ()) -> set[int]:
    """The posts of every thread under ``root`` (see ``THREAD_ITEMS``), by ``mem_id``,
    but for a story laid out as a list item (``_listed_story``) under one of the page's
    ``titles``, and a story's sections under their headings (``_a_story_section``)."""
    # Looking at the items' children, not their whole subtrees: most items of a page
    # are menu links, and a query per item costs a twentieth of the cleaning time.
    headlines = _headlines(titles)
    listed = {item.mem_id for item in root.css(_LISTED_POSTS)
              if not (headlines and _listed_story(item, headlines)) and not _a_story_section(item)}
    return (listed | _unlisted_posts(root)) - _live_updates(root)


def _live_updates(root: LexborNode) -> set[int]:
    """The updates of a live blog, as schema.org marks them (``rules.LIVE_UPDATES``),
    and the list items or <div>s that wrap each one: they run like a thread, each with
    its time and a link, but they are the story. A wrapper that says nothing more is the
    update's too."""
    updates: set[int] = set()
    for update in root.css(rules.LIVE_UPDATES):
        updates.add(update.mem_id)
        if (parent := update.parent) is not None and text_chars(parent) == text_chars(update):
            updates.add(parent.mem_id)
    return updates


def _headlines(titles: tuple[str, ...]) -> list[str]:
    """The page's ``titles`` long enough to be a headline (a word or two is a section)."""
    return [w for t in titles if len(w := folded_headline(t)) >= rules.HEADLINE_MIN_CHARS]


def _listed_story(item: LexborNode, headlines: list[str]) -> bool:
    """Whether list ``item`` is the article, laid out as a list item (a blog engine
    listing the one post it shows): it opens with the page's headline, and it, like
    every list item holding it, is its list's only item with text. (A reply deep in a
    thread is its list's only item too, but the thread above it has many.)"""
    opening = squash(item.text()).casefold()
    if not any(opening.startswith(h[:rules.HEADLINE_MAX_CHARS]) for h in headlines):
        return False
    up: LexborNode | None = item
    while up is not None and up.tag not in ("body", "html"):
        if up.tag in _ITEM_TAGS and (parent := up.parent) is not None and any(
                sibling.mem_id != up.mem_id and text_chars(sibling)
                for sibling in children(parent) if sibling.is_element_node):
            return False
        up = up.parent
    return True


def _unlisted_posts(root: LexborNode) -> set[int]:
    """The posts of threads written in <div>s (comments without list markup): at least
    ``rules.THREAD_MIN_POSTS`` sibling <div>s of one shape (the tags of their children
    and grandchildren, two children or more: a name, a date, the text...), each signed
    by its writer (``_signed``: the author's linked name, a reply link, an avatar); and
    runs of teaser cards written as <article>s (``_teaser_cards``)."""
    siblings: dict[int, list[LexborNode]] = {}
    for div in root.css(_POST_CANDIDATES):
        if (parent := div.parent) is not None:
            siblings.setdefault(parent.mem_id, []).append(div)
    posts: set[int] = set()
    for divs in siblings.values():
        if len(divs) < rules.THREAD_MIN_POSTS:
            continue  # most <div>s: no shape to compare
        for group in _alike(divs):
            if all(_signed(post) for post in group) and (
                    group[0].tag == "div" or _teaser_cards(group)):
                posts.update(post.mem_id for post in group)
    return posts


def _teaser_cards(run: list[LexborNode]) -> bool:
    """Whether a run of <article>s are teaser cards: each titled by a linked heading,
    and most of their texts excerpts cut short ("...the new…", WordPress's "[…]"). A
    forum's posts are <article>s too, signed like cards, but they are the page's text,
    whole."""
    cut_short = sum(squash(post.text()).endswith(rules.EXCERPT_ENDS) for post in run)
    return 2 * cut_short >= len(run) \
        and all(post.css_first(_LINKED_HEADINGS) is not None for post in run)


_AVATARS = ", ".join(f"img[{attr}*='/{folder}/']" for attr in ("src", "data-src", "data-lazy-src")
                     for folder in ("avatar", "avatars"))


def _signed(post: LexborNode) -> bool:
    """Whether ``post`` carries its writer's mark: a link of its own (``_links_of_its_own``)
    or an avatar, the picture a comment system shows beside a name it does not link
    (Gravatar's and comment plugins' images are served from an ``/avatar/`` folder; a
    photo merely named "avatar-fire-and-ash-still.jpg" is no writer's mark). A section
    of the story under its heading (``_a_story_section``) is no post."""
    return (_links_of_its_own(post) and not _a_story_section(post)) \
        or post.css_first(_AVATARS) is not None


def _a_story_section(post: LexborNode) -> bool:
    """Whether ``post`` is a section of the story under a heading it opens with, saying
    more after it than a teaser's excerpt does, and not cut short as an excerpt is:
    - under a heading of the story's own (``_UNLINKED_SECTION_HEADINGS``, no link):
      two paragraphs and ``rules.STORY_SECTION_MIN_CHARS``, whatever else it links (its
      picture's file, a video, a shop, a "click to tweet"), but for a post's marks
      (``_marks_a_post``): a comment whose writer's name is set as a heading still has
      its permalink or its reply link, a teaser its "Read more";
    - under a linked heading ("<h3><a>The Harbour Museum</a></h3><p>...</p>", a
      listicle's item): two paragraphs or ``rules.STORY_SECTION_MIN_CHARS``, ending as
      a sentence ends, no link but from its sentences, and no whole story before it
      (``_story_told_before``)."""
    heading = next(iter(element_children(post)), None)
    if heading is None or heading.tag not in _SECTION_HEADINGS:
        return False
    linked = heading.css_first("a[href]") is not None
    if not linked and heading.tag not in _UNLINKED_SECTION_HEADINGS:
        return False
    said, title = squash(post.text()), squash(heading.text())
    long_enough = len(said) - len(title) >= rules.STORY_SECTION_MIN_CHARS
    paragraphs = sum(text_chars(p) >= rules.MIN_PARAGRAPH_CHARS for p in post.css("p")) >= 2
    if not said.startswith(title) or not ((long_enough or paragraphs) if linked
                                          else (long_enough and paragraphs)):
        return False
    if said.endswith(rules.EXCERPT_ENDS):
        return False
    if not linked:  # its pictures' and videos' links and credits may close it
        return not any(map(_marks_a_post, post.css("a[href]")))
    return said.rstrip(rules.CLOSING_MARKS)[-1:] in rules.SENTENCE_ENDS \
        and not _links_of_its_own(post, besides=heading) and not _story_told_before(post)


def marked_as_posts(root: LexborNode, posts: set[int]) -> bool:
    """Whether any of the ``posts`` under ``root`` carries a post's mark
    (``_marks_a_post``) or an avatar: a comment's, not a slide's or a section's."""
    return any(post.mem_id in posts and (post.css_first(_AVATARS) is not None or any(
        map(_marks_a_post, post.css("a[href]")))) for post in root.css(_POST_NODES))


def _marks_a_post(link: LexborNode) -> bool:
    """Whether ``link`` is a post's mark (``rules.POST_LINKS``: a comment's permalink or
    reply link) or a teaser's call to read on ("Read more", a related-title phrase)."""
    if rules.POST_LINKS.search(link.attributes.get("href") or ""):
        return True
    rule = line_rule(squash(link.text()))
    return rule is not None and rule.kind == "related"


def _story_told_before(post: LexborNode) -> bool:
    """Whether a story's worth of paragraphs (``rules.STORY_TOLD_PARAGRAPHS``) comes
    before ``post``'s run: teaser cards and comments hang under the story they follow, a
    listicle's sections follow its intro at most. Read from the paragraphs before the
    post in its own list (not its fellow posts) and before each wrapper up from it."""
    told = sum(_a_paragraph(node) for node in _before(post))
    up = post.parent
    for _ in range(rules.THREAD_DEPTH):
        if told >= rules.STORY_TOLD_PARAGRAPHS or up is None or up.tag in ("body", "html"):
            break
        told += sum(map(_paragraphs_in, _before(up)))
        up = up.parent
    return told >= rules.STORY_TOLD_PARAGRAPHS


def _before(node: LexborNode) -> Iterator[LexborNode]:
    """The elements before ``node`` among its siblings, nearest first."""
    sibling = node.prev
    while sibling is not None:
        if sibling.is_element_node:
            yield sibling
        sibling = sibling.prev


def _a_paragraph(node: LexborNode) -> bool:
    return node.tag == "p" and text_chars(node) >= rules.MIN_PARAGRAPH_CHARS


def _paragraphs_in(node: LexborNode) -> int:
    """How many paragraphs ``node`` is or holds."""
    return _a_paragraph(node) if node.tag == "p" else sum(map(_a_paragraph, node.css("p")))


def _links_of_its_own(post: LexborNode, besides: LexborNode | None = None) -> bool:
    """Whether ``post`` holds a link outside its sentences (``_unlinked_line_chars``):
    a comment's author or reply link, a teaser's title. A section of an article links
    only from its sentences. Links inside ``besides`` are not counted.

    Unlike the Remover's test of a link among a paragraph's own words (which reads the
    inline elements between the link and its paragraph), this one reads the words in all
    the paragraph's spans: it looks for a post's own link, and a section's sentences are
    often written as a run of spans."""
    lines: dict[int, int] = {}  # a paragraph of many links is read once
    for link in post.css("a"):
        if besides is not None and _inside(link, besides, post):
            continue
        href = link.attributes.get("href")
        if (href is None or href.startswith("#")) and _goes_nowhere_of_its_own(link, href, post):
            continue
        block = link.parent
        while block is not None and among_words(block.tag):
            block = block.parent
        if block is None or block.tag not in rules.SENTENCE_PARENT_TAGS:
            return True
        if block.mem_id not in lines:
            lines[block.mem_id] = _unlinked_line_chars(block)
        if lines[block.mem_id] < rules.SENTENCE_MIN_PROSE:
            return True
    return False


def _inside(node: LexborNode, box: LexborNode, top: LexborNode) -> bool:
    """Whether ``node`` is inside ``box``, looking up no farther than ``top``."""
    up = node.parent
    while up is not None and up.mem_id != top.mem_id:
        if up.mem_id == box.mem_id:
            return True
        up = up.parent
    return False


def _goes_nowhere_of_its_own(link: LexborNode, href: str | None, post: LexborNode) -> bool:
    """Whether ``link``, going nowhere off the page (no ``href``, or one to a fragment),
    is no link of the ``post``'s own:
    - a heading's target, as a long article's sections carry one: the anchor a table of
      contents points at (``<a name>``), or the heading's permalink, a sign without words
      (``<a href="#usage">#</a>``). A permalink holding words (a comment's heading's
      "<a href="#c1">Jane</a>") is the post's own;
    - a script's toggle (``href="#"``) that is the post's first element: an accordion
      item's title, which shows the item's text. A comment's "Like" and "Reply"
      toggles sit in a row of their own or after its text."""
    if href == "#":
        opening = next(iter(element_children(post)), None)
        if opening is not None and opening.mem_id == link.mem_id:
            return True
    if href is not None and any(map(str.isalnum, link.text())):
        return False
    up = link.parent
    while up is not None and up.mem_id != post.mem_id:
        if up.tag in HEADING_TAGS:
            return True
        up = up.parent
    return False


def _unlinked_line_chars(block: LexborNode) -> int:
    """Characters of ``block``'s own line outside its links: its text and its inline
    elements' text. A list item's nested list or paragraphs are not its line (a
    teaser's title above its excerpt), and a comment's "Posted by: <a>Jane</a> |
    <a>May 4</a>" is links, not words around them."""
    inline = [child for child in children(block) if among_words(child.tag)]
    linked = sum(text_chars(child) for child in inline if child.tag == "a") + sum(
        link_chars(child) for child in inline if child.tag != "a")
    return len(squash(block.text(deep=False))) + sum(map(text_chars, inline)) - linked


def _alike(divs: list[LexborNode]) -> list[list[LexborNode]]:
    """The groups of at least ``rules.THREAD_MIN_POSTS`` of ``divs`` that share a shape.

    Grouped by their children's tags first: most sibling <div>s differ there already,
    and their grandchildren need not be read."""
    by_children: dict[tuple[str, ...], list[LexborNode]] = {}
    for div in divs:
        if len(tags := tuple(child.tag or "" for child in div.iter())) >= 2:
            by_children.setdefault(tags, []).append(div)
    groups = []
    for outlined in by_children.values():
        if len(outlined) < rules.THREAD_MIN_POSTS:
            continue
        alike: dict[tuple[tuple[str, tuple[str, ...]], ...], list[LexborNode]] = {}
        for div in outlined:
            alike.setdefault(_shape(div), []).append(div)
        groups += [group for group in alike.values() if len(group) >= rules.THREAD_MIN_POSTS]
    return groups


def _shape(node: LexborNode) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The tags of ``node``'s children, each with the tags its own children have, each
    tag once: a comment of three paragraphs has the shape of a comment of one."""
    return tuple((child.tag or "", tuple(dict.fromkeys(grandchild.tag or ""
                                                        for grandchild in child.iter())))
                 for child in node.iter())


def thread_runs(roots: list[LexborNode], posts: set[int],
                gone: Mapping[int, int] | None = None, *,
                photo_story: bool = False) -> list[LexborNode]:
    """The posts inside the chosen containers that run as a thread: at least
    ``rules.THREAD_MIN_POSTS`` siblings, each signed (``_signed``: an author's linked
    name, a teaser's title, an avatar). A container that holds the article often holds
    the comments or the teaser cards after it; one list item or a list without links (a
    gallery's captions, a list in the story) is the article's own. A container that is
    itself a post is left whole. The posts a rule already removed still count in their
    run (``gone``: how many, by the parent's ``mem_id``): the two boxes left of a run of
    three whose third a "Related topics" title took are still the thread's. On a
    ``photo_story`` the captioned photos (``_a_captioned_photo``) tell the story, though
    each, linked to its image file, runs like a signed post."""
    runs: dict[int, list[LexborNode]] = {}
    for root in roots:
        if in_thread_post(root, posts):
            continue
        for node in root.traverse():
            if node.mem_id in posts and node.parent is not None \
                    and not (photo_story and _a_captioned_photo(node)):
                runs.setdefault(node.parent.mem_id, []).append(node)
    gone = gone or {}
    return [post for parent, run in runs.items()
            if len(run) + gone.get(parent, 0) >= rules.THREAD_MIN_POSTS
            and all(_signed(p) for p in run)
            for post in run]


def _a_captioned_photo(post: LexborNode) -> bool:
    """Whether ``post`` is a photo and its caption (``rules.CAPTIONS``), whose links only
    open the photo: each holds an image and no words. A teaser card named for its
    caption links its title to another story."""
    links = post.css("a[href]")
    return bool(links) and post.css_matches(rules.CAPTIONS) and all(
        link.css_first("img") is not None and not any(map(str.isalnum, link.text()))
        for link in links)


def in_thread_post(node: LexborNode, posts: set[int]) -> bool:
    """Whether ``node`` is one of ``posts`` or inside one."""
    if not posts:
        return False  # a page without threads (a third of scrapinghub's): nothing to climb to
    up: LexborNode | None = node
    for _ in range(rules.THREAD_DEPTH + 1):
        if up is None:
            return False
        if up.mem_id in posts:
            return True
        up = up.parent
    return False


def weigh(candidate: Candidate) -> float:
    """The candidate's score: votes and hints, discounted by its link density.

    Computed on demand: counting text and links is the costly part, and only the
    leading candidates and their relatives are ever weighed."""
    if candidate.score is None:
        node = candidate.node
        bonus = _TAG_BONUS.get(node.tag or "", 0) + _class_weight(node)
        candidate.text, candidate.links = text_chars(node), link_chars(node)
        candidate.score = (candidate.votes + bonus) * (1 - candidate.link_density)
    return candidate.score


def _vote(paragraph: LexborNode, text: str, first: LexborNode | None,
          candidates: dict[int, Candidate], posts: set[int]) -> None:
    """Readability's vote: 1, plus its commas, plus a point per 100 characters (up to 3).
    A paragraph of a thread post does not vote (looked up last: most paragraphs of a
    page, menu items, are too short to vote anyway)."""
    size = len(text.strip())
    if size < rules.MIN_PARAGRAPH_CHARS or in_thread_post(paragraph, posts):
        return
    vote = 1 + _commas(text) + min(size / 100, 3)
    node, level = first, 0
    while node is not None and level < rules.ANCESTOR_LEVELS and node.tag != "html":
        key = node.mem_id
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = Candidate(node)
        candidate.votes += vote if level == 0 else vote / 2 if level == 1 else vote / (level * 3)
        node, level = node.parent, level + 1


def _commas(text: str) -> int:
    """The commas of ``text`` in any script, as Readability counts them (``rules.COMMAS``):
    a Chinese or Arabic paragraph's clauses count as an English one's do."""
    commas = text.count(",")
    return commas if text.isascii() else commas + sum(map(text.count, rules.COMMAS))


@dataclass(frozen=True)
class Choice:
    """The chosen content, in order: the ``container`` and its article-like siblings,
    and the climbs that led from the best-scored candidate to the container
    (``CLIMBS``), as ``crawl explain`` names them."""

    roots: list[LexborNode]
    container: LexborNode
    climbs: tuple[str, ...] = ()


CLIMBS = ("headline", "sections", "same-class sections", "same-shape sections",
          "parent-scores", "holder")
"""The climbs from the best candidate, in the order they are tried: to a close one
under the page's headline, when the best lies apart from it (``_under_headline``); to
the element holding two sections (``_climb_to_sections``); to the element holding the
sections of its class (``_climb_to_classmates``) or, without class names, of its shape
(``_climb_to_cousins``); to a parent that scores higher, unless it also holds a block
weighed as not content (``_holds_non_content``), or that holds nothing else; to a
leader that holds it and scores nearly as high (``_climb_to_holder``).
(A climb to the ancestor of any three near-best candidates was dropped: on pages
without class names, a short story's near-best candidates were teasers, and their
ancestor the whole page.)"""


def main_content(root: LexborNode, posts: set[int], titles: tuple[str, ...] = (),
                 photo_story: bool = False) -> Choice:
    """The main content: the best container and its article-like siblings, in order.
    The paragraphs of the thread ``posts`` (``thread_posts``) do not vote; the page's
    ``titles`` (its headline as read from its metadata, its <title>) find the headline
    above the article (``_under_headline``). On a ``photo_story`` each caption votes as
    a paragraph: a gallery's slides are its paragraphs."""
    candidates = score_containers(
        root, posts, f"{PARAGRAPHS}, {rules.CAPTIONS}" if photo_story else PARAGRAPHS)
    if not candidates:
        return Choice([root], root)
    ordered = sorted(candidates.values(), key=lambda c: c.votes, reverse=True)
    leading = [c for c in ordered[:rules.TOP_CANDIDATES * 2] if not is_furniture(c.node)]
    leading = leading[:rules.TOP_CANDIDATES] or ordered[:rules.TOP_CANDIDATES]
    ranked = sorted(leading, key=weigh, reverse=True)
    top = ranked[0]
    climbs = []
    for name, climb in zip(CLIMBS, (
            lambda t: _under_headline(ranked, root, titles) or t,
            lambda t: _climb_to_sections(t, ranked, candidates),
            lambda t: _climb_to_classmates(t, ranked, candidates),
            lambda t: _climb_to_cousins(t, ranked, candidates),
            lambda t: _climb_while_parent_scores(t, candidates),
            lambda t: _climb_to_holder(t, ranked)), strict=True):
        climbed = climb(top)
        if climbed.node.mem_id != top.node.mem_id:
            climbs.append(name)
        top = climbed
    return Choice(_with_siblings(top, candidates, ranked), top.node, tuple(climbs))


def _under_headline(ranked: list[Candidate], root: LexborNode,
                    titles: tuple[str, ...]) -> Candidate | None:
    """The best candidate under the article's headline (``_headline_scope``), when the
    best of all lies apart from it and this one scores close (``rules.HEADLINE_SHARE``).

    The headline tops its article where no class name says so; a sidebar's "About"
    blurb or a comment form, which can outvote a short article, lies elsewhere."""
    scope = _headline_scope(root, titles)
    if scope is None:
        return None
    best = ranked[0]
    if best.node.mem_id == scope.mem_id or holds(best.node, scope) or holds(scope, best.node):
        return None  # the best one holds the headline, or lies under it
    for candidate in ranked[1:]:
        if weigh(candidate) < rules.HEADLINE_SHARE * weigh(best):
            break
        if holds(scope, candidate.node):
            return candidate
    return None


def _headline_scope(root: LexborNode, titles: tuple[str, ...]) -> LexborNode | None:
    """The element ``rules.HEADLINE_LEVELS`` up from the article's ``headline``."""
    scope = headline(root, titles)
    for _ in range(rules.HEADLINE_LEVELS):
        if scope is None or scope.parent is None or scope.parent.tag in ("body", "html"):
            break
        scope = scope.parent
    return scope


def headline(root: LexborNode, titles: tuple[str, ...]) -> LexborNode | None:
    """The article's headline: the longest <h1>-<h3> that reads as (a part of) one of
    the page's ``titles`` and is not the site's name linking home; failing that, the
    shortest that holds one. A heading that holds the title and says more is most often
    the comments' ("3 thoughts on “<title>”", WordPress's default), below the story."""
    wanted = _headlines(titles)
    if not wanted:
        return None
    part, holder = None, None
    for heading in root.css("h1, h2, h3"):
        text = squash(heading.text()).casefold()
        if len(text) < rules.HEADLINE_MIN_CHARS or _links_home(heading):
            continue
        if any(text in w for w in wanted):
            if part is None or len(text) > len(squash(part.text())):
                part = heading
        elif any(w in text for w in wanted) and (
                holder is None or len(text) < len(squash(holder.text()))):
            holder = heading
    return part or holder


def holds(ancestor: LexborNode, node: LexborNode) -> bool:
    """Whether ``node`` lies inside ``ancestor``."""
    return any(up.mem_id == ancestor.mem_id for up in _ancestors(node))


def _links_home(heading: LexborNode) -> bool:
    """Whether ``heading`` links to a site's home page: the masthead's site name (a blog
    named like its post's page title), not a headline."""
    link = heading.css_first("a[href]")
    return link is not None and urlsplit(link.attributes.get("href") or "").path in ("", "/")


def is_furniture(node: LexborNode) -> bool:
    """Whether ``node`` is, or is inside, a piece of the page's furniture
    (``furniture_element``)."""
    return any(furniture_element(up) for up in _self_and_ancestors_in_body(node))


def _self_and_ancestors_in_body(node: LexborNode) -> Iterator[LexborNode]:
    up: LexborNode | None = node
    while up is not None and up.tag not in ("body", "html"):
        yield up
        up = up.parent


def furniture_element(node: LexborNode) -> bool:
    """Whether ``node`` is furniture: a ``FURNITURE`` element, or a <header> that holds a
    <nav> (the masthead and its menu, whose teasers can outweigh a short article; an
    article's own <header>, its title and byline, holds no menu)."""
    return node.tag in FURNITURE or (node.tag == "header" and node.css_first("nav") is not None)


def describe(choice: Choice) -> str:
    """Which container was chosen and by which climbs, as ``crawl explain`` shows it."""
    node = choice.container
    if node.tag == "body":
        return "whole page: no container scored"
    attrs = node.attributes
    names = "".join(f' {k}="{v}"' for k in ("id", "class") if (v := attrs.get(k)))
    climbs = f" (climbed: {', '.join(choice.climbs)})" if choice.climbs else ""
    more = f" and {len(choice.roots) - 1} article-like siblings" if len(choice.roots) > 1 else ""
    return f"scored <{node.tag}{names}>{climbs}{more}"


def _ancestors(node: LexborNode) -> list[LexborNode]:
    found, up = [], node.parent
    while up is not None and up.is_element_node:
        found.append(up)
        up = up.parent
    return found


def _climb_to_sections(top: Candidate, ranked: list[Candidate],
                       candidates: dict[int, Candidate]) -> Candidate:
    """A near-best candidate close by and before the top one, neither inside it nor
    holding it, is the article's opening section (each section in wrappers of its own,
    the later one outvoting it): the article is the element holding both. One after it
    is what follows an article (its comments, its author's bio, a promotion), and a
    later section of the article is its sibling, which ``_with_siblings`` finds."""
    top_score = weigh(top)
    near = _ancestors(top.node)[:rules.SECTION_LEVELS]
    near_ids = {a.mem_id for a in near}
    for other in ranked:
        if other is top or weigh(other) < rules.SECTION_SHARE * top_score:
            continue
        theirs = {a.mem_id for a in _ancestors(other.node)[:rules.SECTION_LEVELS]}
        if top.node.mem_id in theirs or other.node.mem_id in near_ids:
            continue  # one holds the other: the same section
        for ancestor in near:
            if ancestor.tag in ("body", "html"):
                break
            if ancestor.mem_id in theirs:
                if not comes_first(ancestor, other.node, top.node):
                    break
                return candidates.get(ancestor.mem_id) or Candidate(ancestor, score=top_score)
    return top


def _climb_to_classmates(top: Candidate, ranked: list[Candidate],
                         candidates: dict[int, Candidate]) -> Candidate:
    """Candidates of the top one's class scoring ``rules.CLASSMATE_SHARE`` of it,
    neither inside it nor holding it nor a teaser under a linked title, are the
    article's other sections, however far apart their wrappers (a page builder's rows,
    each with its own column of text): the article is the element holding them all.
    The class is its first word (``first_class``), a component's name; a grid's column
    (``rules.LAYOUT_CLASS_NAMES``) must match whole, the story's own column layout."""
    component = first_class(top.node)
    if not component:
        return top
    if rules.LAYOUT_CLASS_NAMES.fullmatch(component):
        def class_of(node: LexborNode) -> str:
            return squash(node.attributes.get("class") or "")
    else:
        class_of = first_class
    names = class_of(top.node)
    top_score = weigh(top)
    around = top.node
    for other in ranked:
        if other is top or class_of(other.node) != names \
                or weigh(other) < rules.CLASSMATE_SHARE * top_score \
                or holds(top.node, other.node) or holds(other.node, top.node) \
                or _titled_by_a_link(other.node):
            continue
        while not holds(around, other.node):
            parent = around.parent
            if parent is None or parent.tag in ("body", "html"):
                return top
            around = parent
    if around is top.node:
        return top
    return candidates.get(around.mem_id) or Candidate(around, score=top_score)


def _climb_to_cousins(top: Candidate, ranked: list[Candidate],
                      candidates: dict[int, Candidate]) -> Candidate:
    """Without class names, what stands for the same-class climb: two or more near-best
    candidates (``rules.SECTION_SHARE``) shaped as the top one (``_outline``), as deep
    in the page, not under a linked title (a teaser's), and meeting it within
    ``rules.COUSIN_LEVELS``, are the article's other sections (a CMS's paragraphs
    components, a page builder's rows): the article is the element holding them."""
    if first_class(top.node) or (shape := _outline(top.node)) is None:
        return top
    top_score = weigh(top)
    lineage = _ancestors(top.node)
    near = lineage[:rules.COUSIN_LEVELS]
    cousins = [other for other in ranked
               if other is not top and weigh(other) >= rules.SECTION_SHARE * top_score
               and len(_ancestors(other.node)) == len(lineage)
               and _outline(other.node) == shape and not _titled_by_a_link(other.node)]
    for ancestor in near:
        if ancestor.tag in ("body", "html"):
            break
        if sum(holds(ancestor, other.node) for other in cousins) >= rules.COUSIN_MIN:
            return candidates.get(ancestor.mem_id) or Candidate(ancestor, score=top_score)
    return top


def _titled_by_a_link(node: LexborNode) -> bool:
    """Whether ``node`` opens with a heading that links away, or comes right after one:
    a teaser of another story (its title over its excerpt), however much it shares the
    story's class (``entry-content`` under each teaser's ``<h2><a>``)."""
    heading = node.css_first(_TITLES)
    if heading is None:
        heading = node.prev
        while heading is not None and not heading.is_element_node:
            heading = heading.prev
        if heading is None or heading.tag not in _TITLE_TAGS:
            return False
    return heading.css_first("a[href]") is not None


_TITLE_TAGS = ("h1", "h2", "h3", "h4")
_TITLES = ", ".join(_TITLE_TAGS)


def comes_first(ancestor: LexborNode, first: LexborNode, second: LexborNode) -> bool:
    """Whether, under their common ``ancestor``, ``first`` comes before ``second``."""
    branches = {_branch(ancestor, first).mem_id: True, _branch(ancestor, second).mem_id: False}
    return next(branches[child.mem_id] for child in children(ancestor)
                if child.mem_id in branches)


def _branch(ancestor: LexborNode, node: LexborNode) -> LexborNode:
    """The child of ``ancestor`` that holds ``node``."""
    while node.parent is not None and node.parent.mem_id != ancestor.mem_id:
        node = node.parent
    return node


def _climb_to_holder(top: Candidate, ranked: list[Candidate]) -> Candidate:
    """A leading candidate that holds the top one, with nearly as many votes and as high
    a score (``rules.HOLDER_SHARE``), is the article, and the top one a box inside it (a
    press release under the post, a long quote): the article's own paragraphs around
    the box vote nearly as much as the box's, and the wrappers between them too little
    for the parent-scores climb to get past. (Votes too: a page's wrapper named "main"
    scores by its name alone.)"""
    if not top.votes:
        return top  # an ancestor an earlier climb made up: no votes of its own to weigh
    top_score = weigh(top)
    holders = [c for c in ranked if c is not top and holds(c.node, top.node)
               and c.votes >= rules.HOLDER_SHARE * top.votes
               and weigh(c) >= rules.HOLDER_SHARE * top_score]
    return max(holders, key=lambda c: len(_ancestors(c.node)), default=top)


def _climb_while_parent_scores(top: Candidate, candidates: dict[int, Candidate]) -> Candidate:
    last = weigh(top)
    threshold = last * rules.PARENT_FLOOR
    for ancestor in _ancestors(top.node):
        if ancestor.tag in ("body", "html"):
            break
        parent = candidates.get(ancestor.mem_id)
        if parent is None:
            continue
        score = weigh(parent)
        if score < threshold:
            break
        if score > last:
            if _holds_non_content(ancestor, top.node, candidates):
                break
            return parent
        last = score
    # A lone child says nothing its parent does not: widen to the parent.
    while (up := top.node.parent) is not None and up.tag not in ("body", "html") \
            and len([c for c in children(up) if c.is_element_node]) == 1:
        widened = candidates.get(up.mem_id) or Candidate(up)
        widened.score = max(weigh(widened), weigh(top))  # the same content, the same worth
        top = widened
    return top


def _holds_non_content(ancestor: LexborNode, top: LexborNode,
                       candidates: dict[int, Candidate]) -> bool:
    """Whether ``ancestor`` holds, beside ``top``, a block its paragraphs voted for that
    weighs below zero (a comment template, an <aside>, a list of links): their votes
    reach the ancestor too, and may be all that makes it outscore the article."""
    stack = element_children(ancestor)
    while stack:
        node = stack.pop()
        if node.mem_id == top.mem_id:
            continue
        candidate = candidates.get(node.mem_id)
        if candidate is not None and weigh(candidate) < 0:
            return True
        stack.extend(element_children(node))
    return False


def _with_siblings(top: Candidate, candidates: dict[int, Candidate],
                   ranked: list[Candidate]) -> list[LexborNode]:
    """Readability's sibling rule, plus: a sibling holding one of the leading
    candidates (any candidate with a quarter of the most votes and the siblings'
    threshold, not only the ``ranked`` few: a story in fourteen sections had only seven)
    is article too (an article split into sections by figures or ads, each in its own
    wrapper), and so is one reading like prose that is named as the
    container's own paragraphs are (``_ParagraphClasses``) or bears the
    container's own class where no vote reached it."""
    parent = top.node.parent
    if parent is None or top.node.tag in ("body", "html"):
        return [top.node]
    top_score = weigh(top)
    threshold = max(rules.SIBLING_MIN_SCORE, top_score * rules.SIBLING_SHARE)
    top_class = _class_within(top.node)
    top_outline = _outline(top.node) if top_class is None else None
    own_class = top.node.attributes.get("class")
    if own_class and rules.LAYOUT_CLASS_NAMES.fullmatch(first_class(top.node)):
        own_class = None  # a grid's row or container names no section of the story
    most_votes = max(c.votes for c in ranked)
    leaders = [c for c in candidates.values()
               if c.votes >= rules.LEADER_VOTES * most_votes and weigh(c) >= threshold
               and not is_furniture(c.node)]
    holds_leader = _siblings_holding(parent, leaders)
    paragraphs = _ParagraphClasses(top.node)
    chosen = []
    for sibling in children(parent):
        if sibling.mem_id == top.node.mem_id:
            chosen.append(sibling)
            continue
        if not sibling.is_element_node or furniture_element(sibling):
            continue  # the masthead or a footer beside the article is not its part
        if sibling.mem_id in holds_leader:
            chosen.append(sibling)
            continue
        candidate = candidates.get(sibling.mem_id)
        same_class = _class_within(sibling) == top_class if top_class \
            else top_outline is not None and _outline(sibling) == top_outline
        bonus = top_score * rules.SIBLING_SHARE if same_class else 0
        votes_enough = candidate is not None and weigh(candidate) + bonus >= threshold
        # a paragraph, or a section of the container's own class that no vote reached
        # (nested deeper than ANCESTOR_LEVELS) and no linked title heads (a teaser)
        paragraph = sibling.tag == "p" or paragraphs.names(sibling) \
            or (candidate is None and own_class and sibling.attributes.get("class") == own_class
                and not _titled_by_a_link(sibling))
        if votes_enough or (paragraph and _reads_like_prose(sibling)):
            chosen.append(sibling)
    return chosen


class _ParagraphClasses:
    """The names of a container's own paragraphs: its children that read like prose and
    hold no block (a section's or a grid's class names no paragraph). A name is a first
    class; in a container without one, where class names are gone, a bare <div> goes by
    its tag (a story written one bare <div> per paragraph). Each name is judged once,
    when a sibling bears it."""

    def __init__(self, container: LexborNode) -> None:
        self._bare = not container.attributes.get("class")
        self._children: dict[str, list[LexborNode]] = {}
        for child in element_children(container):
            name = self._name(child)
            if name and not rules.LAYOUT_CLASS_NAMES.fullmatch(name):
                self._children.setdefault(name, []).append(child)
        self._verdicts: dict[str, bool] = {}

    def names(self, node: LexborNode) -> bool:
        """Whether ``node``, or the lone element it wraps (however deep), is a paragraph
        named as the container's are: a story's opening paragraphs may lie beside the
        wrapper holding the rest of them (a "read all" wrapper)."""
        if not self._children:
            return False
        while True:
            name = self._name(node)
            if name in self._children and self._names_paragraphs(name) \
                    and _is_a_paragraph(node):
                return True
            inner = _lone_child(node)
            if inner is None:
                return False
            node = inner

    def _name(self, node: LexborNode) -> str:
        return first_class(node) or ("<div>" if self._bare and node.tag == "div" else "")

    def _names_paragraphs(self, name: str) -> bool:
        if name not in self._verdicts:
            self._verdicts[name] = any(map(_is_a_paragraph, self._children[name]))
        return self._verdicts[name]


def _is_a_paragraph(node: LexborNode) -> bool:
    """Prose that holds no block of its own."""
    return not any(child.tag in BLOCK_TAGS for child in element_children(node)) \
        and _reads_like_prose(node)


def _outline(node: LexborNode) -> tuple[str, ...] | None:
    """Without class names, what stands for one: the tags down the lone elements
    ``node`` wraps, then those of the children of the last, each once (a story's
    sections as ``div > div > p``, a photo's as ``div > div > figure``)."""
    tags = []
    while (inner := _lone_child(node)) is not None:
        tags.append(node.tag or "")
        node = inner
    kids = tuple(dict.fromkeys(child.tag or "" for child in element_children(node)))
    return (*tags, node.tag or "", "/", *kids) if kids else None


def _class_within(node: LexborNode) -> str | None:
    """The class of ``node``, or of the lone child it wraps (however deep): a page that
    wraps each paragraph of the story (``<div class="article--text">``) in a bare
    ``<div>`` of its own names its paragraphs one level down."""
    while not (names := node.attributes.get("class")):
        inner = _lone_child(node)
        if inner is None:
            return None
        node = inner
    return names


def _lone_child(node: LexborNode) -> LexborNode | None:
    """The one element ``node`` wraps with no text beside it; None if it wraps more."""
    elements = element_children(node)
    return elements[0] if len(elements) == 1 and not node.text(deep=False).strip() else None


def _siblings_holding(parent: LexborNode, leaders: list[Candidate]) -> set[int]:
    """Which children of ``parent`` hold one of ``leaders``, however deep: pages built
    by script frameworks nest each section of an article a dozen wrappers down."""
    held = set()
    for leader in leaders:
        node = leader.node
        while (up := node.parent) is not None:
            if up.mem_id == parent.mem_id:
                held.add(node.mem_id)
                break
            node = up
    return held


def _reads_like_prose(node: LexborNode) -> bool:
    chars = text_chars(node)
    if not chars:
        return False
    density = link_chars(node) / chars
    if chars > 80:
        return density < rules.PROSE_MAX_LINK_DENSITY
    return density == 0 and squash(node.text()).endswith((".", "!", "?", "»", "”", '"'))
