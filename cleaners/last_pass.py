"""The last pass over an article's blocks: what still reads as boilerplate goes.

The walk (``assemble``) has turned the chosen container into paragraphs, headings,
list items and rows; the rules on the markup (``blocks.Remover``) have removed every
element they name. What is left is judged block by block, on its text and its place:
a block mostly of links that is no sentence and no item of the story's own list, a
boilerplate line the phrase rules name, a line shaped like a byline or a counter, a
repeat, the headline again; then what that leaves without a purpose: a heading that
heads nothing, an author's box at the end.
"""

from __future__ import annotations

import re

from . import rules
from .article import RemovedBlock
from .assemble import Block
from .blocks import Remover
from .markup import excerpt, folded_headline
from .metadata import Metadata
from .phrases import line_rule

WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def drop_boilerplate_blocks(blocks: list[Block], metadata: Metadata, remover: Remover,
                             lead_blocks: int = 0) -> list[Block]:
    """Last pass over the article's blocks: what still reads as boilerplate goes. The
    first ``lead_blocks`` are the story's lead (``cleaners.lead``): the headline repeated
    after it still opens the body, and goes as the title."""
    kept: list[Block] = []
    seen: set[str] = set()
    title = folded_headline(metadata.title)
    in_story = [between or roundup or line for between, roundup, line in zip(
        _lists_inside_the_story(blocks), _roundup_items(blocks), _lines_of_prose(blocks),
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


def _lists_inside_the_story(blocks: list[Block]) -> list[bool]:
    """Which blocks are items of a list set between two paragraphs of prose, or
    before the story's next section (``_story_goes_on``): the story's own list (a
    reading list, the papers of an issue, the products pictured), however many links
    it holds. A related-links widget ends the story or stands apart; the story does
    not go on after it."""
    listed = [False] * len(blocks)
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind == "item":
            end += 1
        if end > start and start > 0 and end < len(blocks) \
                and _prose(blocks[start - 1], ends=rules.SENTENCE_ENDS + ":") \
                and _story_goes_on(blocks, end):
            listed[start:end] = [True] * (end - start)
        start = end + 1
    return listed


def _story_goes_on(blocks: list[Block], at: int) -> bool:
    """Whether the story goes on at ``blocks[at]``: a paragraph of prose, or the next
    section of it, headings of their own words (not links, not a widget's title) over
    two paragraphs of prose. A teaser's linked title, or an author's name over a bio,
    heads one paragraph at most."""
    if blocks[at].kind != "heading":
        return _prose(blocks[at])
    while at < len(blocks) and blocks[at].kind == "heading":
        text = blocks[at].text
        if blocks[at].link_density > rules.LINK_DENSE_BLOCK or (
                len(text) <= rules.PHRASE_MAX_CHARS and line_rule(text) is not None):
            return False
        at += 1
    return at + 1 < len(blocks) and _prose(blocks[at]) and _prose(blocks[at + 1])


def _lines_of_prose(blocks: list[Block]) -> list[bool]:
    """Which blocks are links a writer set into a paragraph as its lines, parted by
    ``<br>`` alone (``Block.paragraph``): the titles of a list typed into a paragraph
    of prose (``_listed_lines``), and the linked titles of summaries, each opening a
    short paragraph next to another of its kind. Read alone, each line is mostly link.
    A widget's links set so in a post ("Facebook", "Posted in News", a linked byline or
    breadcrumb over the post) are neither."""
    paragraphs: dict[int, list[int]] = {}  # in order, each a run of consecutive blocks
    for n, block in enumerate(blocks):
        if block.kind == "p":
            paragraphs.setdefault(block.paragraph, []).append(n)
    runs = list(paragraphs.values())
    titled = [_titles_its_summary(blocks, lines) for lines in runs]
    kept = [False] * len(blocks)
    for k, lines in enumerate(runs):
        if titled[k] and (
                (k > 0 and titled[k - 1] and runs[k - 1][-1] + 1 == lines[0])
                or (k + 1 < len(runs) and titled[k + 1] and lines[-1] + 1 == runs[k + 1][0])):
            kept[lines[0]] = True
        for n in _listed_lines(blocks, lines):
            kept[n] = True
    return kept


def _titles_its_summary(blocks: list[Block], lines: list[int]) -> bool:
    """Whether a paragraph's lines are a linked title, at most one line more (a
    place, a date) and a summary: a sentence of prose."""
    return len(lines) in (2, 3) and blocks[lines[0]].link_density > rules.LINK_DENSE_BLOCK \
        and _prose(blocks[lines[-1]])


def _listed_lines(blocks: list[Block], lines: list[int]) -> list[int]:
    """The linked lines of one paragraph of prose that are titles in a list the writer
    typed into it: each opening with the bullet or the number that the line beside it
    goes on with ("7. ..." then "8. ..."), and long enough to be a title or a sentence
    (``rules.ROUNDUP_ITEM_MIN_WORDS``), not a label ("• Facebook", "- Reply"). A list
    under a line the phrase rules name ("Lire aussi :", "Related posts:") is the
    widget's; one announced by its sentence alone ("Here are the links for:") is no
    different from a blog's promotion of its own posts ("Some popular posts:")."""
    if not any(_prose(blocks[n]) for n in lines):
        return []
    texts = [blocks[n].text for n in lines]
    listed: list[int] = []
    under_a_widget_line = False
    for at, n in enumerate(lines):
        if blocks[n].link_density > rules.LINK_DENSE_BLOCK \
                and len(WORD.findall(texts[at])) >= rules.ROUNDUP_ITEM_MIN_WORDS \
                and ((at > 0 and _list_items(texts[at - 1], texts[at]))
                     or (at + 1 < len(lines) and _list_items(texts[at], texts[at + 1]))):
            if not under_a_widget_line:
                listed.append(n)
        else:
            under_a_widget_line = len(texts[at]) <= rules.PHRASE_MAX_CHARS \
                and line_rule(texts[at]) is not None
    return listed


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
