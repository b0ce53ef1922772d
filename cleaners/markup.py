"""Reading one element: which structure rule its markup names, and how much text it holds.

Structure rules (``rules.STRUCTURE_RULES``) are matched against an element's tag,
ARIA role and class/id names. A class name matches a rule's token when one of its
words (split on ``-``, ``_`` and camel case: ``commentsDiv``) is the token, and a
fragment when it contains it.
This runs for nearly every element of every page, so whole attribute values and
single names are cached across pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from . import rules

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "center", "caption", "html",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_UNSEEN = object()
EXCERPT_CHARS = 160


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space (str.split is far faster than a regex)."""
    return " ".join(text.split())


def folded_headline(title: str | None) -> str:
    """A headline as a block's text is compared with it (``text.casefold() == ...``):
    runs of whitespace as one space, case folded; "" for none, which no block equals."""
    return squash(title or "").casefold()


def _structure_index() -> tuple[dict[str, rules.StructureRule],
                                dict[str, list[tuple[str, rules.StructureRule]]]]:
    """Whole-word tokens by word; fragments by the first four letters of their first word.

    A fragment is looked up only for the words of a class string that start like it,
    so a class string costs a few dictionary lookups instead of a scan for every
    fragment (the regex alternation this replaces was the cleaner's hottest spot).
    """
    tokens: dict[str, rules.StructureRule] = {}
    fragments: dict[str, list[tuple[str, rules.StructureRule]]] = {}
    for rule in rules.STRUCTURE_RULES:
        for token in rule.tokens:
            tokens.setdefault(token, rule)
        for fragment in rule.fragments:
            normal = fragment.replace("_", "-")
            first = normal.strip("-").split("-")[0]
            fragments.setdefault(first[:4], []).append((normal, rule))
    return tokens, fragments


_TOKEN_RULE, _FRAGMENT_RULES = _structure_index()
_TAG_RULE = {tag: r for r in reversed(rules.STRUCTURE_RULES) for tag in r.tags}
MARKED_TAGS = frozenset({*_TAG_RULE, "form"})
"""Tags judged even without attributes: a rule names them, or their shape is judged."""
_ROLE_RULE = {role: r for r in reversed(rules.STRUCTURE_RULES) for role in r.roles}
_RULE_ORDER = {r.name: i for i, r in enumerate(rules.STRUCTURE_RULES)}


# Where a camel-cased name starts its next word: "commentsDiv", "relatedPosts".
_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")

_Ranked = tuple[int, rules.StructureRule]
_NAME_CACHE: dict[tuple[str, bool], _Ranked | None] = {}
_POST_CACHE: dict[str, bool] = {}
_VALUE_CACHE: dict[tuple[str, bool], _Ranked | None] = {}
_CACHE_SIZE = 100_000


def element_rule(tag: str, attrs: dict[str, str | None]) -> rules.StructureRule | None:
    """The first structure rule (in table order) an element's tag or attributes match."""
    rule = structure_rule(attrs.get("class"), attrs.get("id"), attrs.get("role")) \
        if attrs else None
    if (tag_rule := _TAG_RULE.get(tag)) is not None:
        rule = _earliest(rule, tag_rule)
    elif custom_element(tag) and not _names_content(attrs.get("class") if attrs else None):
        # a web component is named as a class is, by its author: <ps-promo>, <share-bar>
        rule = _earliest(rule, structure_rule(tag, None, None))
    return rule


def _names_content(classes: str | None) -> bool:
    """Whether a class names content inside an article (``rules.CONTENT_CLASS_NAMES``):
    ``<twitter-widget class="twitter-tweet">`` is an embedded post, whatever its tag says."""
    return classes is not None and any(map(rules.CONTENT_CLASS_NAMES.search, classes.split()))


def custom_element(tag: str) -> bool:
    """Whether ``tag`` names a custom element (a web component): a hyphen in its name."""
    return "-" in tag and tag[:1].isalpha()


def structure_rule(classes: str | None, ids: str | None,
                   role: str | None) -> rules.StructureRule | None:
    """The first structure rule (in table order) that an element's attributes match.

    This runs for nearly every element of every page, so it is written for speed:
    whole attribute values, and the names within them, are looked up in caches
    shared across pages.
    """
    # WordPress names the post by its classes or its id ("post-5899")
    on_a_post = (classes is not None and _names_a_post(classes)) \
        or (ids is not None and _names_a_post(ids))
    best = _value_rank(classes, on_a_post) if classes else None
    if ids and (ranked := _value_rank(ids, on_a_post)) is not None \
            and (best is None or ranked[0] < best[0]):
        best = ranked
    if role and (rule := _ROLE_RULE.get(role.strip().lower())) is not None:
        ranked = (_RULE_ORDER[rule.name], rule)
        if best is None or ranked[0] < best[0]:
            best = ranked
    return best[1] if best is not None else None


def _names_a_post(value: str) -> bool:
    found = _POST_CACHE.get(value)
    if found is None:
        if len(_POST_CACHE) > _CACHE_SIZE:
            _POST_CACHE.clear()
        found = _POST_CACHE[value] = rules.POST_CLASSES.search(value) is not None
    return found


def _value_rank(value: str, on_a_post: bool) -> _Ranked | None:
    ranked = _VALUE_CACHE.get((value, on_a_post), _UNSEEN)
    if ranked is not _UNSEEN:
        return ranked  # type: ignore[return-value]
    best: _Ranked | None = None
    for name in value.split():
        found = _NAME_CACHE.get((name, on_a_post), _UNSEEN)
        if found is _UNSEEN:
            found = _NAME_CACHE[(name, on_a_post)] = _rank(_name_rule(name, on_a_post))
        if found is not None and (best is None or found[0] < best[0]):  # type: ignore[index]
            best = found  # type: ignore[assignment]
    if len(_VALUE_CACHE) > _CACHE_SIZE:
        _VALUE_CACHE.clear()
        _NAME_CACHE.clear()
    _VALUE_CACHE[(value, on_a_post)] = best
    return best


def _rank(rule: rules.StructureRule | None) -> _Ranked | None:
    return (_RULE_ORDER[rule.name], rule) if rule is not None else None


def _name_rule(name: str, on_a_post: bool) -> rules.StructureRule | None:
    """The rule one class name or id matches, by its words and fragments (``on_a_post``:
    the name sits among the article's own post classes)."""
    name = rules.NEGATED_WORDS.sub("", name)
    words = _CAMEL_HUMP.sub("-", name).lower().replace("_", "-").split("-")
    name = name.lower().replace("_", "-")
    by_word: list[rules.StructureRule] = []
    by_fragment: list[rules.StructureRule] = []
    for word in words:
        if (rule := _TOKEN_RULE.get(word)) is not None:
            by_word.append(rule)
        for fragment, rule in _FRAGMENT_RULES.get(word[:4], ()):
            if fragment in name:
                by_fragment.append(rule)
    if rules.CONTENT_CLASS_NAMES.search(name):
        return None
    if rules.IGNORED_CLASS_NAMES.match(name):
        # "author-paul" describes the post; "author-bio" is a plugin's box, but not
        # among a post's own classes ("tag-trending"); a flag ("no-related-posts")
        # never names a block
        if on_a_post or not rules.TAXONOMY_CLASS_NAMES.match(name):
            return None
        return _earliest(*by_fragment)
    return _earliest(*by_word, *by_fragment)


def _earliest(*found: rules.StructureRule | None) -> rules.StructureRule | None:
    present = [r for r in found if r is not None]
    return min(present, key=lambda r: _RULE_ORDER[r.name]) if present else None


def among_words(tag: str | None) -> bool:
    """Whether an element of ``tag`` runs among a line's words (``rules.INLINE_WORD_TAGS``).
    A custom element (``<hl-trusted-source>``, a hyphen in its name) does too: browsers
    lay out an element they do not know inline, as a sentence's citation wrapper."""
    return tag is not None and (tag in rules.INLINE_WORD_TAGS or custom_element(tag))


def children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def element_children(node: LexborNode) -> list[LexborNode]:
    return [c for c in children(node) if c.is_element_node]


_NAME_WORDS = re.compile(r"[-_\s]+")


def name_words(node: LexborNode) -> set[str]:
    """The words of an element's class and id, lowercased ("eventbox__teaser" gives
    "eventbox" and "teaser")."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return set(_NAME_WORDS.split(names)) - {""}


def first_class(node: LexborNode) -> str:
    """The first word of the class: the component's name, before its variants and the
    ids a page builder appends (``wpb_text_column ... vc_custom_1570185518034``)."""
    return next(iter((node.attributes.get("class") or "").split()), "")


def link_chars(node: LexborNode, links: str = "a") -> int:
    """Characters of linked text (whitespace between words not counted); ``links``
    selects what counts as a link (``"a[href]"``: not a bare anchor)."""
    return sum(len(a.text(strip=True, skip_empty=True)) for a in node.css(links))


def text_chars(node: LexborNode) -> int:
    """Characters of text, counted the way ``link_chars`` counts them."""
    # Text nodes of whitespace alone (the markup's indentation, half of a page's text
    # nodes) count nothing once stripped: skipped, they are not even decoded.
    return len(node.text(strip=True, skip_empty=True))


def excerpt(text: str) -> str:
    return shortened(squash(text))


def shortened(text: str) -> str:
    """An excerpt of a text whose whitespace is squashed already."""
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"
