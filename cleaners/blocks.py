"""Find boilerplate blocks in a parsed page and take them out, saying why.

Three kinds of evidence from ``rules.py`` are applied in one top-down walk:
structure (class/id tokens, roles, tags), text (widget titles, boilerplate
lines, source footers) and shape (teaser runs, forms). Each removal is recorded
as a ``RemovedBlock`` naming its rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import rules
from .article import RemovedBlock, SiteRules

_SPLIT = re.compile(r"[\s_\-]+")
_SPACES = re.compile(r"\s+")
_NEVER_REMOVED = {"html", "body", "main"}
_FORM_FIELDS = "textarea, input[type=email], input[type=password], input[type=text], input:not([type])"
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
EXCERPT_CHARS = 160


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _token_table() -> tuple[dict[str, rules.StructureRule], re.Pattern[str] | None]:
    tokens: dict[str, rules.StructureRule] = {}
    fragments: list[tuple[str, rules.StructureRule]] = []
    for rule in rules.STRUCTURE_RULES:
        for token in rule.tokens:
            tokens.setdefault(token, rule)
        fragments.extend((f, rule) for f in rule.fragments)
    _FRAGMENT_RULE.update(dict(reversed(fragments)))
    if not fragments:  # guard: an empty alternation would match everywhere
        return tokens, None
    return tokens, re.compile("|".join(re.escape(f) for f, _ in fragments))


_FRAGMENT_RULE: dict[str, rules.StructureRule] = {}
_TOKEN_RULE, _FRAGMENTS = _token_table()
_TAG_RULE = {tag: r for r in reversed(rules.STRUCTURE_RULES) for tag in r.tags}
_ROLE_RULE = {role: r for r in reversed(rules.STRUCTURE_RULES) for role in r.roles}
_RULE_ORDER = {r.name: i for i, r in enumerate(rules.STRUCTURE_RULES)}


def _phrase_pattern(table: tuple[rules.PhraseRule, ...]) -> re.Pattern[str]:
    """One alternation for a whole table: one regex call per block, the group names the rule."""
    parts = [f"(?P<{r.name.replace('-', '_')}>{'|'.join(r.phrases)})" for r in table]
    return re.compile(r"^\W*(?:" + "|".join(parts) + r")\W*(?:\d+\W*)?$", re.IGNORECASE)


_TITLES = _phrase_pattern(rules.TITLE_RULES)
_LINES = _phrase_pattern(rules.LINE_RULES)
_SOURCES = _phrase_pattern(rules.SOURCE_RULES)
_KIND = {r.name.replace("-", "_"): r for r in rules.TITLE_RULES + rules.LINE_RULES + rules.SOURCE_RULES}


def _phrase_rule(pattern: re.Pattern[str], text: str) -> rules.PhraseRule | None:
    match = pattern.match(text)
    return _KIND[match.lastgroup] if match and match.lastgroup else None


def line_rule(text: str) -> rules.PhraseRule | None:
    """The phrase rule a short block of text matches, if any."""
    for pattern in (_SOURCES, _LINES) + ((_TITLES,) if len(text) <= 120 else ()):
        if (rule := _phrase_rule(pattern, text)) is not None:
            return rule
    return None


def structure_rule(node: LexborNode) -> rules.StructureRule | None:
    """The first structure rule (in table order) that the node's markup matches."""
    found: list[rules.StructureRule] = []
    if (rule := _TAG_RULE.get(node.tag or "")) is not None:
        found.append(rule)
    attrs = node.attributes
    role = attrs.get("role")
    if role and (rule := _ROLE_RULE.get(role.strip().lower())) is not None:
        found.append(rule)
    names = " ".join(
        name for k in ("class", "id") for name in (attrs.get(k) or "").lower().split()
        if not rules.IGNORED_CLASS_NAMES.match(name))
    if names:
        for token in _SPLIT.split(names):
            if (rule := _TOKEN_RULE.get(token)) is not None:
                found.append(rule)
        if _FRAGMENTS is not None and (m := _FRAGMENTS.search(names)):
            found.append(_FRAGMENT_RULE[m.group(0)])
    return min(found, key=lambda r: _RULE_ORDER[r.name]) if found else None


def children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def element_children(node: LexborNode) -> list[LexborNode]:
    return [c for c in children(node) if c.is_element_node]


def link_chars(node: LexborNode) -> int:
    return sum(len(squash(a.text())) for a in node.css("a"))


def link_density(node: LexborNode, text: str | None = None) -> float:
    text = squash(node.text()) if text is None else text
    return link_chars(node) / len(text) if text else 0.0


def excerpt(text: str) -> str:
    text = squash(text)
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


class Remover:
    """Takes blocks out of one page's tree and keeps the record of what went and why."""

    def __init__(self, tree: LexborHTMLParser, url: str | None, site_rules: SiteRules | None):
        self.tree = tree
        self.url = url
        self.removed: list[RemovedBlock] = []
        self.source_url: str | None = None
        self._kept: set[int] = set()  # site "keep" matches and their ancestors
        self._kept_roots: set[int] = set()
        self._page_chars = 1
        if site_rules is not None:
            self._protect(site_rules.keep)
            for selector in site_rules.drop:
                for node in self._select(selector):
                    self.remove(node, "site", f"site-drop {selector}")

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

    def remove(self, node: LexborNode, kind: str, rule: str, text: str | None = None) -> bool:
        if node.tag in _NEVER_REMOVED or self.protected(node):
            return False
        text = squash(node.text(separator=" ")) if text is None else text
        if text:
            self.removed.append(RemovedBlock(kind, rule, excerpt(text)))
        node.decompose()
        return True

    # -- the walk --------------------------------------------------------------------------
    def strip_non_content(self, root: LexborNode) -> None:
        for node in root.css(", ".join(rules.NON_CONTENT_TAGS[:11])):
            if not self.protected(node):
                node.decompose()

    def strip_hidden(self, root: LexborNode) -> None:
        for node in root.css(rules.HIDDEN_SELECTOR):
            self.remove(node, "hidden", "hidden-element")

    def strip_form_controls(self, root: LexborNode) -> None:
        for node in root.css(", ".join(rules.NON_CONTENT_TAGS[11:])):
            node.decompose()

    def remove_boilerplate(self, root: LexborNode) -> None:
        """One top-down walk; a removed block's subtree is not visited."""
        self._page_chars = max(1, len(squash(root.text())) - link_chars(root))
        stack = [root]
        while stack:
            node = stack.pop()
            if not self._judge(node):
                stack.extend(reversed(element_children(node)))

    def _judge(self, node: LexborNode) -> bool:
        """Remove the node if a rule says so; True when it is gone."""
        tag = node.tag or ""
        if tag in _NEVER_REMOVED or node.mem_id in self._kept:
            return False
        rule = structure_rule(node)
        if rule is not None and (rule.strong or self._small(node)):
            return self.remove(node, rule.kind, rule.name)
        text = squash(node.text())
        if not text:
            return False
        if tag == "form" and self._small(node) and (
                len(text) < rules.SHORT_TEXT or node.css_first(_FORM_FIELDS)):
            return self.remove(node, "comments" if node.css_first("textarea") else "form",
                               "form", text)
        if len(text) <= rules.SHORT_TEXT and self._phrases(node, text):
            return True
        if self._teaser_run(node, text):
            return self.remove(node, "related", "teaser-run", text)
        return False

    def _small(self, node: LexborNode) -> bool:
        text = squash(node.text())
        return len(text) - link_chars(node) < rules.WEAK_RULE_MAX_SHARE * self._page_chars

    # -- text evidence ---------------------------------------------------------------------
    def _phrases(self, node: LexborNode, text: str) -> bool:
        if (rule := _phrase_rule(_SOURCES, text)) is not None:
            self._take_source(node)
            return self.remove(node, rule.kind, rule.name, text)
        if (rule := _phrase_rule(_LINES, text)) is not None:
            return self.remove(node, rule.kind, rule.name, text)
        if len(text) <= 120 and (rule := _phrase_rule(_TITLES, text)) is not None:
            return self._remove_widget(node, rule, text)
        return False

    def _remove_widget(self, title: LexborNode, rule: rules.PhraseRule, text: str) -> bool:
        """Remove a widget from its title: the container it heads, or the run that follows it."""
        if title.tag == "a" or (title.css_first("a") is not None and title.tag not in _HEADING_TAGS):
            return False  # "3 Comments" as a link in a byline is a link, not a widget title
        container = title
        while (parent := container.parent) is not None and parent.tag not in _NEVER_REMOVED:
            first = next((c for c in children(parent) if c.is_element_node
                          or (c.text_content or "").strip()), None)
            if first is None or first.mem_id != container.mem_id \
                    or not self._widget_like(parent) or not self._small(parent):
                break
            container = parent
        if container.mem_id == title.mem_id:
            following = []
            sibling = title.next
            while sibling is not None:
                if sibling.is_element_node:
                    if not self._widget_like(sibling):
                        break
                    following.append(sibling)
                elif (sibling.text_content or "").strip():
                    break
                sibling = sibling.next
            for node in following:
                self.remove(node, rule.kind, rule.name)
        return self.remove(container, rule.kind, rule.name)

    def _widget_like(self, node: LexborNode) -> bool:
        text = squash(node.text())
        if not text or node.css_first("form, textarea"):
            return True
        linked = link_chars(node)
        return (linked / len(text) >= rules.WIDGET_TAIL_LINK_DENSITY
                or len(text) - linked < 300 or self._teaser_run(node, text))

    def _take_source(self, node: LexborNode) -> None:
        if self.source_url is not None:
            return
        links = [node] if node.tag == "a" else list(node.css("a[href]"))
        if not links and (sibling := node.next) is not None and sibling.is_element_node:
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
    def _teaser_run(self, node: LexborNode, text: str) -> bool:
        """At least three sibling items, each a linked title with at most a short excerpt."""
        items = element_children(node)
        if len(items) < rules.TEASER_MIN_ITEMS or len(text) > len(items) * rules.TEASER_MAX_ITEM_CHARS:
            return False
        teasers = 0
        for item in items:
            item_text = squash(item.text())
            if not item_text:
                continue
            if len(item_text) > rules.TEASER_MAX_ITEM_CHARS:
                return False
            titles = [t for a in item.css("a") if len(t := squash(a.text())) >= rules.TEASER_MIN_TITLE_CHARS]
            if not titles or sum(map(len, titles)) < rules.TEASER_MIN_LINKED_SHARE * len(item_text):
                return False
            teasers += 1
        return teasers >= rules.TEASER_MIN_ITEMS
