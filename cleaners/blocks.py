"""Find boilerplate blocks in a parsed page and take them out, saying why.

Three kinds of evidence from ``rules.py`` are applied: structure (class/id tokens,
roles, tags, forms) and text (widget titles, boilerplate lines, source footers) in
one top-down walk, then shape (teaser lists). Each removal is recorded as a
``RemovedBlock`` naming its rule, and a source footer's link becomes the source URL.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import rules
from .article import RemovedBlock, SiteRules
from .fallback import article_like_chars
from .lead import lead_under
from .markup import (
    BLOCK_TAGS,
    EXCERPT_CHARS,
    HEADING_TAGS,
    MARKED_TAGS,
    among_words,
    children,
    custom_element,
    element_children,
    element_rule,
    first_class,
    link_chars,
    name_words,
    shortened,
    squash,
    text_chars,
)
from .phrases import line_rule

_NEVER_REMOVED = {"html", "body", "main"}
_FORM_FIELDS = (
    "textarea, input[type=email], input[type=password], input[type=text], input:not([type])"
)
_SIGN_UP_FIELD = "input[type=email]"
_BOX_HEADINGS = "h2, h3, h4, h5, h6"
_DATA_TAGS = frozenset({"li", "dt", "dd", "td", "th"})
# A mailto: link carrying an address is a contact's, not a share bar's e-mail button
# (which writes a message, "mailto:?subject=...").
_CONTROL_SELECTOR = "a[href]:not([href^='mailto:'][href*='@']), button, [role=button], [onclick]"
_LIST_CANDIDATES = "ul, ol"
_DROP = "data-newscrawl-drop"
_DROPS = f"[{_DROP}]"
_NESTED_DROPS = f"[{_DROP}] [{_DROP}]"
_NON_CONTENT_TAGS = frozenset(rules.NON_CONTENT_TAGS)
_STRIPPED = ", ".join([*rules.NON_CONTENT_TAGS, rules.HIDDEN_SELECTOR])
_FORM_CONTROLS = ", ".join(rules.FORM_CONTROL_TAGS)
_HEADINGS = ", ".join(sorted(HEADING_TAGS))
_SOURCE_LINES = "p, div, span, li, dd, footer, section, h4, h5, h6"


def noscript_story(noscript: LexborNode) -> bool:
    """Whether a <noscript> holds the story itself (``rules.NOSCRIPT_MIN_PROSE``)."""
    return article_like_chars(noscript, set()) >= rules.NOSCRIPT_MIN_PROSE


def _nearest_block(node: LexborNode | None) -> LexborNode | None:
    """``node``, or its nearest ancestor, that is a block-level element."""
    while node is not None and node.tag not in BLOCK_TAGS:
        node = node.parent
    return node


def _in_data(holder: LexborNode) -> bool:
    """Whether the text ``holder`` holds is a list's item or a table's cell: its nearest
    block is one of ``_DATA_TAGS``, or a paragraph straight inside one."""
    block = _nearest_block(holder)
    if block is not None and block.tag in ("p", "div") and block.parent is not None:
        block = block.parent if block.parent.tag in _DATA_TAGS else block
    return block is not None and block.tag in _DATA_TAGS


def _story_body(box: LexborNode) -> bool:
    """Whether ``box`` is a short story's body: beside it, its parent holds the headline
    and nothing more to read (a brief whose last word is a sign-up form)."""
    parent = box.parent
    if parent is None or (headline := parent.css_first("h1")) is None:
        return False
    besides = text_chars(parent) - text_chars(box) - text_chars(headline)
    return besides < rules.MIN_PARAGRAPH_CHARS


def _at_most_a_pitch(box: LexborNode, form: LexborNode) -> bool:
    """Whether ``box`` holds, besides ``form``, at most one paragraph, and a short one
    (``rules.FORM_BOX_MAX_PITCH_CHARS``): a notice or a pitch, not a section of the story.
    A paragraph that says a boilerplate line of its own ("By signing up you agree to our
    privacy policy.") is the box's too, and is not counted."""
    paragraphs = [p for p in box.css("p") if text_chars(p)]
    inside = {p.mem_id for p in form.css("p")}
    outside = [p for p in paragraphs if p.mem_id not in inside and not _says_a_line(p)]
    return len(outside) <= 1 and all(text_chars(p) <= rules.FORM_BOX_MAX_PITCH_CHARS
                                     for p in outside)


def _says_a_line(block: LexborNode) -> bool:
    """Whether ``block``'s whole text is a line a phrase rule names."""
    text = squash(block.text())
    return len(text) <= rules.PHRASE_MAX_CHARS and line_rule(text) is not None


def _a_control(block: LexborNode) -> bool:
    """Whether ``block`` holds a control: a link or a button (its label, or the word
    beside its icon: "<strong>Imprimer</strong> <a class="icon print">")."""
    return block.css_first(_CONTROL_SELECTOR) is not None


def _an_offer(node: LexborNode) -> bool:
    """Whether ``node`` reads as a subscription offer (``rules.OFFER_FIELDS``): a sign-up
    or log-in field, no comment form, no paragraph of prose."""
    return node.css_first(rules.OFFER_FIELDS) is not None \
        and node.css_first("textarea") is None \
        and all(len(squash(p.text())) <= rules.OFFER_MAX_LINE_CHARS for p in node.css("p"))


def _enclosing_block(holder: LexborNode) -> tuple[LexborNode | None, str]:
    """The block a line of text stands in (``holder`` holds the text itself): its
    nearest block-level element, widened to the largest ancestor that says nothing more."""
    block = _nearest_block(holder)
    if block is None or block.tag in _NEVER_REMOVED:
        return None, ""
    text = squash(block.text(separator=" "))
    for _ in range(rules.MAX_WIDENING):
        up = block.parent
        if up is None or up.tag in _NEVER_REMOVED or _says_more(up, block):
            break
        block = up
    return block, text


_LABELLED_KINDS = ("related", "share")


def _labelled_link(holder: LexborNode, block: LexborNode, text: str
                   ) -> rules.PhraseRule | None:
    """The rule of a line that is a widget's title and links: to another story ("Lesen
    Sie auch: <a>Bahnstrecke wird teurer</a>", "LEIA TAMBÉM: <a>...</a>"), set in the
    story between its paragraphs, or to the networks a share bar offers ("Share this
    article <a>Facebook</a> <a>X</a>"): ``holder``'s own text is the title, and nothing
    but links follows it. (Link density alone tells it only when the links are long
    beside the label.)"""
    if len(text) > rules.TITLE_MAX_CHARS + rules.LABELLED_LINK_MAX_CHARS:
        return None
    label = squash(holder.text(deep=False))
    rule = line_rule(label) if label and text.startswith(label) else None
    if rule is None or rule.kind not in _LABELLED_KINDS or rule not in rules.TITLE_RULES:
        return None
    rest = _without_spaces(text[len(label):])
    linked = sum(_without_spaces(squash(link.text())) for link in block.css("a[href]"))
    return rule if linked and abs(rest - linked) <= rules.LABELLED_LINK_SLACK else None


def _without_spaces(text: str) -> int:
    """Characters of a squashed text but its spaces."""
    return len(text) - text.count(" ")


def _says_more(parent: LexborNode, child: LexborNode) -> bool:
    """Whether ``parent`` holds text besides ``child``'s. Its siblings are looked at
    one by one and the first with words ends the look, so widening a line inside a
    long article costs a paragraph, not the article's whole text."""
    for sibling in parent.iter(include_text=True):
        if sibling.mem_id == child.mem_id:
            continue
        tag = sibling.tag or ""
        if tag == "-text":
            if (sibling.text_content or "").strip():
                return True
        elif tag[:1] != "-" and sibling.text(strip=True):
            return True
    return False


# What ends a word besides whitespace. A class of re, not a str.translate table:
# translate looks each character up in a dict, three times as slow on a short line.
_NOT_WORD = re.compile(r"[:;,.!?()\[\]«»\"'|\-–—]")


def _may_say_a_phrase(text: str) -> bool:
    """Whether a text node can be (part of) a boilerplate line: cheap tests first."""
    if len(text) > rules.PHRASE_MAX_CHARS or not (text := text.strip()):
        return False
    return line_rule(text) is not None or (
        len(text) <= rules.SOURCE_HINT_CHARS and _has_source_word(text))  # "Via: <a>Fox</a>"


def _has_source_word(text: str) -> bool:
    """``rules.SOURCE_HINT`` for a short text, by set lookup: this runs for every one."""
    return not rules.SOURCE_HINT_WORDS.isdisjoint(_NOT_WORD.sub(" ", text.lower()).split())


def _really_hidden(node: LexborNode) -> bool:
    """``[style]`` is matched broadly by the CSS engine; the style must really hide."""
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = (attrs.get("style") or "").lower().replace(" ", "")
    return "display:none" in style or "visibility:hidden" in style


_SCREEN_READER_ONLY = frozenset(rules.SCREEN_READER_ONLY)


def _for_screen_readers(node: LexborNode) -> bool:
    """Whether a class of ``node`` hides it from sight for screen readers alone."""
    return not _SCREEN_READER_ONLY.isdisjoint((node.attributes.get("class") or "").split())


def _hidden_page_of_story(node: LexborNode) -> bool:
    """Whether hidden ``node`` is a later page of a story paged by script (a gallery's
    slides, a listicle's items): hidden by its style, not a dialog, it holds prose
    (``rules.STORY_PAGE_MIN_PROSE``) and no control (``rules.STORY_PAGE_CONTROLS``),
    and so does the shown element that opens its run of siblings, of its tag and its
    first class name. A reader pages through them all."""
    attrs = node.attributes
    if node.tag not in rules.STORY_PAGE_TAGS or "hidden" in attrs or "aria-hidden" in attrs \
            or attrs.get("role") == "dialog" or "aria-modal" in attrs \
            or node.css_first(rules.STORY_PAGE_CONTROLS) is not None \
            or article_like_chars(node, set()) < rules.STORY_PAGE_MIN_PROSE:
        return False  # a dialog or a form hidden until asked for
    shown = node.prev
    while shown is not None and (not shown.is_element_node
                                 or (_alike_pages(shown, node) and _really_hidden(shown))):
        shown = shown.prev
    return shown is not None and _alike_pages(shown, node) \
        and article_like_chars(shown, set()) >= rules.STORY_PAGE_MIN_PROSE


def _alike_pages(one: LexborNode, other: LexborNode) -> bool:
    """Same tag, same first class name (or none): the pages of one story."""
    return one.tag == other.tag and first_class(one) == first_class(other)


def _story_header(node: LexborNode, posts: set[int], story_title: str | None) -> bool:
    """Whether ``node`` is a story's own header holding its text: a <header> (or an
    element named for one) without a menu, that holds the story's headline and its
    lead (``cleaners.lead``), or lies inside an <article> with prose of its own
    (``rules.STORY_HEADER_MIN_PROSE``)."""
    if node.tag != "header" and "header" not in name_words(node):
        return False
    if node.css_first("nav") is not None:
        return False
    if lead_under(node, story_title) is not None:
        return True
    up = node.parent
    while up is not None and up.tag != "article":
        up = up.parent
    return up is not None and article_like_chars(node, posts) >= rules.STORY_HEADER_MIN_PROSE


def _cut(node: LexborNode) -> None:
    """Remove a node and free it, leaving a space: the words on either side of it
    must not run together ("end<span>ad</span>start" is not "endstart")."""
    node.insert_before(" ")
    node.decompose()


RemovalObserver = Callable[[LexborNode, str, str], None]
"""Told of each block just before it is removed: (node, kind, rule)."""


class Remover:
    """Takes blocks out of one page's tree and keeps the record of what went and why."""

    def __init__(self, tree: LexborHTMLParser, url: str | None, site_rules: SiteRules | None,
                 on_remove: RemovalObserver | None = None):
        self.tree = tree
        self.url = url
        self.on_remove = on_remove  # `crawl explain` watches removals; cleaning does not
        self.removed: list[RemovedBlock] = []
        self.talk_chars = 0  # article-like text removed as readers' talk: rules.TALK_RULES
        self.posts_gone: Counter[int] = Counter()  # thread posts removed, by their parent
        self._posts: set[int] = set()
        self._story_title: str | None = None
        self.source_url: str | None = None
        self._kept: set[int] = set()  # site "keep" matches and their ancestors
        self._kept_roots: set[int] = set()
        self._page_chars: int | None = None
        self._article_like = 0
        self._marked = 0
        self._root: LexborNode | None = None
        if site_rules is not None:
            self._protect(site_rules.keep)
            for selector in site_rules.drop:
                for node in self._select(selector):
                    self.mark(node, "site", f"site-drop:{selector}")

    # -- protection and removal -------------------------------------------------------
    def _select(self, selector: str) -> list[LexborNode]:
        try:
            return list(self.tree.css(selector))
        except Exception:  # a user's bad selector must not break cleaning
            return []

    def _protect(self, selectors: tuple[str, ...]) -> None:
        for selector in selectors:
            for node in self._select(selector):
                self._kept_roots.add(node.mem_id)
                up: LexborNode | None = node
                while up is not None:
                    self._kept.add(up.mem_id)
                    up = up.parent

    def protected(self, node: LexborNode) -> bool:
        if not self._kept:
            return False
        if node.mem_id in self._kept:
            return True
        up = node.parent
        while up is not None:
            if up.mem_id in self._kept_roots:
                return True
            up = up.parent
        return False

    def mark(self, node: LexborNode, kind: str, rule: str) -> bool:
        """Condemn a block; ``sweep`` removes it. Marking never frees a node, so the
        handles a pass still holds stay valid however its blocks nest."""
        if node.tag in _NEVER_REMOVED or self.protected(node):
            return False
        node.attrs[_DROP] = f"{kind} {rule}"
        self._marked += 1
        return True

    def sweep(self, root: LexborNode) -> None:
        """Remove the outermost marked blocks (inner marks go with them), recording each."""
        if not self._marked:
            return
        self._marked = 0
        nested = {n.mem_id for n in root.css(_NESTED_DROPS)}
        outermost = [n for n in root.css(_DROPS) if n.mem_id not in nested]
        for node in outermost:
            kind, rule = (node.attributes.get(_DROP) or "unknown unknown").split(" ", 1)
            self._decompose(node, kind, rule)

    def _decompose(self, node: LexborNode, kind: str, rule: str) -> None:
        if self.on_remove is not None:
            self.on_remove(node, kind, rule)
        if rule in rules.TALK_RULES:
            self.talk_chars += article_like_chars(node, self._posts)
        if node.mem_id in self._posts and (parent := node.parent) is not None:
            self.posts_gone[parent.mem_id] += 1
        raw = node.text(separator=" ")
        # The excerpt needs the start only: a huge footer's text is not squashed whole.
        if head := squash(raw[: EXCERPT_CHARS * 4]):
            self.removed.append(RemovedBlock(kind, rule, shortened(head)))
            if len(raw) <= 4 * rules.SOURCE_BOX_CHARS:
                text = squash(raw)
                if len(text) <= rules.SOURCE_BOX_CHARS and _has_source_word(text):
                    self._find_source(node)  # a "Via:" line inside a removed byline box
        _cut(node)

    def _find_source(self, box: LexborNode) -> None:
        """The source line in a box about to go: a block of its own, or a line that
        starts at a source word ("May 4, 2016 This story originally appeared on ...")."""
        for block in [box, *box.css(_SOURCE_LINES)]:
            text = squash(block.text(separator=" "))
            if len(text) <= rules.SHORT_TEXT and (rule := line_rule(text)) is not None \
                    and rule.kind == "source":
                self._take_source(block)
                return
        text = squash(box.text(separator=" "))
        for hint in rules.SOURCE_HINT.finditer(text):
            line = text[hint.start():]
            rule = line_rule(line)
            if rule is not None and rule.kind == "source":
                self._take_source(box, line)
                return

    # -- the passes ------------------------------------------------------------------------
    def strip_non_content(self, root: LexborNode) -> None:
        """Scripts, styles and the like go silently; hidden blocks go on the record.

        One query finds both. Inner nodes come first, so a node is freed only after
        every node inside it was dealt with, and none is touched once freed.
        """
        self.sweep(root)  # the user's site drops go first: they know the site
        for node in reversed(root.css(_STRIPPED)):
            if node.tag == "noscript" and noscript_story(node):
                node.unwrap()  # the story as a browser without JavaScript shows it
            elif node.tag in _NON_CONTENT_TAGS:
                node.decompose()  # never rendered: the words around it join as a browser shows them
            elif _for_screen_readers(node):
                if not self.protected(node):
                    self._decompose(node, "hidden", "screen-reader-only")
            elif _really_hidden(node) and not self.protected(node) \
                    and not _hidden_page_of_story(node):
                self._decompose(node, "hidden", "hidden-element")

    def strip_form_controls(self, root: LexborNode) -> None:
        for node in reversed(root.css(_FORM_CONTROLS)):
            _cut(node)

    def remove_boilerplate(self, root: LexborNode, posts: set[int], article_like: int,
                           story_title: str | None) -> None:
        """Structure and text in one top-down walk, then shape. ``posts`` are the page's
        thread posts: what is removed as talk is weighed without them, as the page's
        ``article_like`` text is (``fallback.article_like_chars``); the ``story_title``
        finds the story's headline in its header.

        The walk judges each element by its markup as it meets it: a removed
        block's subtree is never visited, and the walk holds no handle inside the
        node it frees. Short texts that say a phrase are collected on the way and
        judged after the walk; what they condemn is only marked, and one sweep
        removes the outermost marked blocks.
        """
        self._root, self._page_chars, self._posts = root, None, posts
        self._story_title = story_title
        self._article_like = article_like
        self._locked_story: bool | None = None  # asked when a paywall's name is met
        self._photo_story: int | None = None  # asked when a caption is met
        self._judge_texts(self._walk(root))
        self.sweep(root)
        self._shape_pass(root)

    def _walk(self, root: LexborNode) -> list[LexborNode]:
        """Judge elements top-down; return the elements whose own text may say a phrase.

        An element's own text (its text nodes, not its children's) is read in one
        call, so text nodes are never visited one by one.
        """
        said: list[LexborNode] = []
        stack = list(root.iter())
        stack.reverse()
        while stack:
            node = stack.pop()
            tag = node.tag or ""
            if self._judge_markup(node, tag) or tag in rules.CODE_TAGS:
                continue
            own = node.text(deep=False)
            if own and len(own) <= rules.PHRASE_MAX_CHARS and _may_say_a_phrase(own):
                said.append(node)
            children_first_last = list(node.iter())
            children_first_last.reverse()
            stack.extend(children_first_last)
        return said

    def _judge_markup(self, node: LexborNode, tag: str) -> bool:
        """Remove the node if its tag, role or class/id names boilerplate; True if gone."""
        attrs = node.attributes
        if not attrs and tag not in MARKED_TAGS and not custom_element(tag):
            return False  # nothing to read: most elements of a page
        rule = element_rule(tag, attrs)
        if rule is None:
            return tag == "form" and self._judge_form(node)
        if rule.yields_to_locked_story and self._story_is_locked() and (
                tag in rules.LOCKED_STORY_TAGS
                or article_like_chars(node, self._posts) >= rules.LOCKED_STORY_MIN_PROSE):
            return False  # the story's own locked paragraphs, or the wrapper holding them
        if rule.yields_to_photo_story and self._is_photo_story():
            return False  # the captions tell the story
        if among_words(tag) and _inside_sentence(node):
            return False  # a name linked in a sentence, not a block of its own
        chars = text_chars(node)
        share = rule.offer_share if rule.offer_share is not None and _an_offer(node) \
            else rule.max_share
        if not self._small(node, share, chars) or self.protected(node):
            return False
        if rule.spares_story_header and _story_header(node, self._posts, self._story_title):
            return False  # the story's text, beside its title and byline (their own rules)
        if rule.spares_story_lead and self._is_story_lead(node):
            return False  # the standfirst under the headline
        if rule.max_share <= rules.WEAK and (node.css_first(rules.ARTICLE_BODY_MARKERS)
                                             or self._holds_the_article(node, chars)):
            return False  # a generic word on the article's wrapper
        title = _widget_title(node, rule) if chars <= rules.TITLE_MAX_CHARS else None
        if title is not None and self._mark_widget(node, title):
            return False  # marked with its widget; the sweep takes them together
        self._decompose(node, rule.kind, rule.name)
        return True

    def _is_story_lead(self, node: LexborNode) -> bool:
        """Whether ``node`` is the story's lead, or the box holding it alone."""
        parent = node.parent
        lead = lead_under(parent, self._story_title) if parent is not None else None
        return lead is not None and (lead.mem_id == node.mem_id or (
            lead.parent is not None and lead.parent.mem_id == node.mem_id))

    def _story_is_locked(self) -> bool:
        if self._locked_story is None:
            root = self._root
            self._locked_story = root is not None and _locked_story(root, self._posts)
        return self._locked_story

    def _is_photo_story(self) -> bool:
        if self._photo_story is None:
            root = self._root
            self._photo_story = 0 if root is None else _photo_story(root, self._posts,
                                                                    self._article_like)
        return self._photo_story > 0

    @property
    def story_caption_chars(self) -> int:
        """The text of a photo story's captions (0 on other pages, or before any caption
        was met): article-like text, though not in paragraphs."""
        return self._photo_story or 0

    def _holds_the_article(self, node: LexborNode, chars: int) -> bool:
        """Whether ``node`` (``chars`` of text), a wrapper or a web component, holds most
        of the page's article-like text (``rules.ARTICLE_WRAPPER_SHARE``): the article,
        whatever generic word its class or its tag (``<read-more>``) names it by."""
        share = rules.ARTICLE_WRAPPER_SHARE * self._article_like
        if (node.tag not in rules.WRAPPER_TAGS and not custom_element(node.tag or "")) \
                or chars < share \
                or self._article_like < rules.ARTICLE_WRAPPER_MIN_CHARS:
            return False
        return article_like_chars(node, self._posts) >= share

    def _judge_form(self, form: LexborNode) -> bool:
        """Comment, search and sign-up forms go; a form wrapping the whole page stays.
        A comment form or one asking for an e-mail address takes its box with it."""
        text = squash(form.text())
        if self._small(form) and (len(text) < rules.SHORT_TEXT or form.css_first(_FORM_FIELDS)):
            comment_form = form.css_first("textarea") is not None
            if comment_form:
                self._mark_form_box(form, "comments", "comment-form-box")
            elif form.css_first(_SIGN_UP_FIELD) is not None:
                self._mark_form_box(form, "newsletter", "sign-up-box")
            self._decompose(form, "comments" if comment_form else "form", "form")
            return True
        return False

    def _mark_form_box(self, form: LexborNode, kind: str, rule: str) -> None:
        """The box a form stands in with its heading, as far out as it holds little text
        and few links (``rules.FORM_BOX_MAX_CHARS``, ``..._LINK_CHARS``) and no more than
        a line besides: WordPress's "Leave a Reply" over its notice ("Your email address
        will not be published."), a newsletter's heading and pitch, in whatever language.
        The menu or forum link beside it stays, and so does a short story that holds the
        form (its headline, its paragraphs). Only marked: the walk is inside it."""
        if form.css_first(_BOX_HEADINGS) is not None:
            return  # the form holds its heading: it is the box, and goes whole
        box, parent = None, form.parent
        while parent is not None and parent.tag not in _NEVER_REMOVED \
                and parent.tag not in ("article", "main") \
                and text_chars(parent) <= rules.FORM_BOX_MAX_CHARS \
                and link_chars(parent) <= rules.FORM_BOX_MAX_LINK_CHARS \
                and parent.css_first("h1") is None and _at_most_a_pitch(parent, form):
            box, parent = parent, parent.parent
            if box.css_first(_BOX_HEADINGS) is not None:
                break  # the smallest box with a heading: a story holding it lies further out
        if box is not None and box.css_first(_BOX_HEADINGS) is not None and self._small(box) \
                and not _story_body(box):
            self.mark(box, kind, rule)

    def _small(self, node: LexborNode, share: float = rules.WIDGET_MAX_SHARE,
               chars: int | None = None) -> bool:
        """Whether the block holds less than ``share`` of the page's unlinked text
        (``chars``: its text, when the caller counted it already)."""
        if share > 1:
            return True
        limit = share * self._page_unlinked()
        chars = text_chars(node) if chars is None else chars
        # Unlinked text is at most all the text: count links only when it matters.
        return chars < limit or chars - link_chars(node) < limit

    def _page_unlinked(self) -> int:
        if self._page_chars is None:
            root = self._root
            self._page_chars = max(1, text_chars(root) - link_chars(root)) if root else 1
        return self._page_chars

    # -- text evidence ---------------------------------------------------------------------
    def _judge_texts(self, matches: list[LexborNode]) -> None:
        """Judge each phrase on the block that holds it, and mark what it condemns."""
        for node in matches:
            block, text = _enclosing_block(node)
            if block is not None and (label := _labelled_link(node, block, text)) is not None:
                self.mark(block, label.kind, label.name)  # "Read also: <a>headline</a>"
                continue
            if block is None or len(text) > rules.PHRASE_MAX_CHARS \
                    or (rule := line_rule(text)) is None \
                    or (rule.controls_only and not _a_control(block)) \
                    or (rule.stands_alone and _in_data(node)):
                self._source_within(node)
                continue  # the phrase is part of longer prose, or a word of the story
            if rule.kind == "source":
                self._take_source(block)
                self.mark(block, rule.kind, rule.name)
            elif rule in rules.TITLE_RULES:
                self._mark_widget(block, rule)
            else:
                self.mark(block, rule.kind, rule.name)

    def _source_within(self, holder: LexborNode) -> None:
        """A source line set apart inside a longer block, in an inline element of its own
        ("May 4, 2016 <small>This story originally appeared on <a>Reuters</a></small>"):
        its link is the source, and the line goes."""
        if holder.tag in BLOCK_TAGS or holder.tag == "a" or holder.css_first("a[href]") is None:
            return  # a source line without a link ("Originally published on May 4:") is a date
        text = squash(holder.text(separator=" "))
        if len(text) <= rules.SHORT_TEXT and (rule := line_rule(text)) is not None \
                and rule.kind == "source":
            self._take_source(holder)
            self.mark(holder, rule.kind, rule.name)

    def _mark_widget(self, title: LexborNode,
                     rule: rules.PhraseRule | rules.StructureRule) -> bool:
        """Remove a widget from its title: the container it heads, or the run that follows it."""
        level = _heading_level(title)
        linked = title.css_first("a[href]") is not None or (
            title.tag == "a" and "href" in title.attributes)
        if linked and level is None:
            return False  # "3 Comments" as a link in a byline is a link, not a widget title
        container = title
        for _ in range(rules.MAX_WIDENING):
            parent = container.parent
            if parent is None or parent.tag in _NEVER_REMOVED:
                break
            first = next((c for c in children(parent) if c.is_element_node
                          or (c.text_content or "").strip()), None)
            if first is None or first.mem_id != container.mem_id:
                break
            if not (self._widget_like(parent) and self._small(parent)) and not (
                    _cards_after(container) and self._small(parent, rules.STRONG)):
                break
            container = parent
        # a heading that is a link ("<a href='#comments'>3 Comments</a>", atop some
        # themes' posts) points to the thread: what follows it may be the post
        said = squash(title.text())
        following: list[LexborNode] = []
        if level is not None and isinstance(rule, rules.PhraseRule) and rule.heads_thread \
                and 2 * link_chars(title, "a[href]") < text_chars(title) \
                and not rules.SECTION_LIKE_TITLES.fullmatch(said):
            # the thread follows the heading, or the box that holds only the heading
            # ("<div class="secthead"><h2>Leserkommentare</h2></div><ul>...posts...</ul>");
            # what follows a box holding more may be the story (a "Comments (0)" box
            # atop a column beside it)
            if container.mem_id == title.mem_id or squash(container.text()) == said:
                following = _thread_after(container, level)
        elif container.mem_id == title.mem_id:
            following = self._widget_run_after(title)
        for node in following:
            self.mark(node, rule.kind, rule.name)
        return self.mark(container, rule.kind, rule.name)

    def _widget_run_after(self, title: LexborNode) -> list[LexborNode]:
        """The blocks after a title that read as its widget's, up to the first that does not."""
        following = []
        sibling = title.next
        while sibling is not None:
            if sibling.is_element_node:
                if not self._widget_like(sibling, prose_allowed=False):
                    break
                following.append(sibling)
            elif (sibling.text_content or "").strip():
                break
            sibling = sibling.next
        return following

    def _widget_like(self, node: LexborNode, *, prose_allowed: bool = True) -> bool:
        """Whether a block reads as part of a widget: links, a form, teasers, or (for
        the box a title heads, ``prose_allowed``) little unlinked text. A paragraph
        after a widget title is not taken for the widget's just because it is short."""
        chars = text_chars(node)
        if self._holds_the_article(node, chars):
            return False  # links or a form inside the story do not make it a widget's
        if not chars or node.css_first("form, textarea"):
            return True
        linked = link_chars(node)
        return (linked / chars >= rules.WIDGET_TAIL_LINK_DENSITY
                or (prose_allowed and chars - linked < rules.WIDGET_MAX_PROSE)
                or self._teaser_run(node, squash(node.text())))

    def _take_source(self, node: LexborNode, line: str | None = None) -> None:
        """The footer's link becomes the source URL; ``line`` narrows a box to the links
        named in its source line."""
        if self.source_url is not None:
            return
        links = [node] if node.tag == "a" else list(node.css("a[href]"))
        if line is not None:
            links = [a for a in links if (name := squash(a.text())) and name in line]
        if not links and len(squash(node.text())) <= rules.SOURCE_HINT_CHARS \
                and (sibling := node.next) is not None and sibling.is_element_node:
            # a label whose link follows it ("Source:" then <p><a>Reuters</a></p>); a
            # sentence without a link names no site the next paragraph links to
            links = [sibling] if sibling.tag == "a" else list(sibling.css("a[href]"))
        page_host = urlsplit(self.url or "").hostname
        candidates = []
        for link in links:
            href = (link.attributes.get("href") or "").strip()
            absolute = urljoin(self.url or "", href) if href else ""
            if urlsplit(absolute).scheme in ("http", "https"):
                candidates.append(absolute)
        foreign = [c for c in candidates if urlsplit(c).hostname != page_host]
        if foreign or candidates:
            self.source_url = (foreign or candidates)[0]

    # -- shape evidence ----------------------------------------------------------------------
    def _shape_pass(self, root: LexborNode) -> None:
        for node in root.css(_LIST_CANDIDATES):
            if self._teaser_run(node, squash(node.text())):
                self.mark(node, "related", "teaser-run")
        self.sweep(root)

    def _teaser_run(self, node: LexborNode, text: str) -> bool:
        """At least three sibling items, each a linked title with at most a short excerpt."""
        items = element_children(node)
        if (len(items) < rules.TEASER_MIN_ITEMS
                or len(text) > len(items) * rules.TEASER_MAX_ITEM_CHARS):
            return False
        teasers = 0
        for item in items:
            item_text = squash(item.text(separator=" "))
            if not item_text:
                continue
            if len(item_text) > rules.TEASER_MAX_ITEM_CHARS or not _is_teaser(item, item_text):
                return False
            teasers += 1
        return teasers >= rules.TEASER_MIN_ITEMS


def _locked_story(root: LexborNode, posts: set[int]) -> bool:
    """Whether the page's paywall-named blocks hold the story itself
    (``rules.LOCKED_STORY_MIN_PROSE``), counting each paragraph once."""
    prose = 0
    for node in _outermost(root.css(rules.LOCKED)):  # each paragraph counted once
        prose += article_like_chars(node, posts)
        if prose >= rules.LOCKED_STORY_MIN_PROSE:
            return True
    return False


def _photo_story(root: LexborNode, posts: set[int], article_like: int) -> int:
    """The unlinked text of the page's captions when they hold more than its prose
    outside them, and at least ``rules.PHOTO_STORY_MIN_CHARS`` (a photo story's); else 0."""
    # a caption holding a heading is a card (a teaser's title and excerpt), not a photo's
    captions = [node for node in _outermost(root.css(rules.CAPTIONS))
                if node.css_first(_HEADINGS) is None]
    said = sum(text_chars(node) - link_chars(node) for node in captions)
    if said < rules.PHOTO_STORY_MIN_CHARS:
        return 0
    inside = sum(article_like_chars(node, posts) for node in captions)
    return said if said > article_like - inside else 0


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """The nodes not inside another of them."""
    ids = {node.mem_id for node in nodes}
    outermost = []
    for node in nodes:
        up = node.parent
        while up is not None and up.mem_id not in ids:
            up = up.parent
        if up is None:
            outermost.append(node)
    return outermost


_ARIA_LEVELS = frozenset("123456")


def _heading_level(node: LexborNode) -> str | None:
    """The tag of the heading ``node`` is ("h2"): by its tag, its ARIA role and level,
    or the one heading it holds and says nothing beside (``<div><h2>...</h2></div>``);
    None for a block that is no heading."""
    if node.tag in HEADING_TAGS:
        return node.tag
    attrs = node.attributes
    if attrs.get("role") == "heading":
        level = attrs.get("aria-level") or ""
        return f"h{level}" if level in _ARIA_LEVELS else "h2"
    inner = node.css_first(_HEADINGS)
    if inner is not None and squash(inner.text()) == squash(node.text()):
        return inner.tag
    return None


def _thread_after(start: LexborNode, level: str) -> list[LexborNode]:
    """The blocks after a thread's heading (or the box holding only it) up to the next
    heading of its ``level`` or higher: a flat thread (posts without a wrapper of their
    own, as TypePad prints them) is prose, so it cannot be told from the article by how
    it reads."""
    following = []
    sibling = start.next
    while sibling is not None:
        if sibling.is_element_node:
            if sibling.tag in HEADING_TAGS and (sibling.tag or "") <= level:  # "h2" <= "h3"
                break
            following.append(sibling)
        sibling = sibling.next
    return following


def _cards_after(title: LexborNode) -> bool:
    """A title followed by a run of like cards (entries, list items), each with a link."""
    cards = []
    sibling = title.next
    while sibling is not None:
        if sibling.is_element_node:
            cards.append(sibling)
        sibling = sibling.next
    alike = [c for c in cards if c.tag == cards[0].tag] if cards else []
    return (len(alike) >= 2 and len(alike) >= 0.6 * len(cards)
            and alike[0].tag in rules.CARD_TAGS and all(c.css_first("a") for c in alike))


def _widget_title(node: LexborNode, rule: rules.StructureRule
                  ) -> rules.PhraseRule | rules.StructureRule | None:
    """When a structure rule names a widget's heading, not the widget, the rule for
    the whole widget: the title phrase it says, or the rule itself for a heading of a
    related or comments block ("<h3 class="related-title">You might like</h3>")."""
    text = squash(node.text(separator=" "))
    if len(text) > rules.TITLE_MAX_CHARS or node.css_first("a") is not None:
        return None
    phrase = line_rule(text)
    if phrase in rules.TITLE_RULES:
        return phrase
    if rule.kind in rules.WIDGET_HEADING_KINDS and node.tag in HEADING_TAGS:
        return rule
    return None


def _is_teaser(item: LexborNode, item_text: str) -> bool:
    """A linked title standing on its own line, not a link inside a sentence of prose.

    A list item in an article may start with a link ("<a>WeWork is investigated</a>.
    The company said..."); a teaser's title is a block of its own (a heading, a
    line), followed at most by a short excerpt, byline or date.
    """
    for link in item.css("a"):
        title = squash(link.text(separator=" "))
        if len(title) < rules.TEASER_MIN_TITLE_CHARS:
            continue
        if len(title) < rules.TEASER_MIN_LINKED_SHARE * len(item_text):
            return False
        if link.css_first(_HEADINGS) is not None:
            return True  # <a><h3>Title</h3></a>
        line = _nearest_block(link.parent)
        if line is None:
            return True
        said = squash(line.text(separator=" "))
        return said == title or (line.mem_id != item.mem_id and line.tag in HEADING_TAGS) \
            or (said.startswith(title) and said.endswith(rules.EXCERPT_ENDS))
    return False


def _inside_sentence(node: LexborNode) -> bool:
    """Whether ``node``, an element that runs among words (``markup.among_words``), stands
    among a paragraph's own words: those of the paragraph and of the inline elements
    between them (a word processor's ``<p><span class="s1">The <a>Band</a> will tour``,
    an obfuscated address's ``<a><span class="__cf_email__">``)."""
    words = 0
    up = node.parent
    while up is not None and among_words(up.tag):
        words += len(squash(up.text(deep=False)))
        up = up.parent
    return up is not None and up.tag in rules.SENTENCE_PARENT_TAGS \
        and words + len(squash(up.text(deep=False))) >= rules.SENTENCE_MIN_PROSE
