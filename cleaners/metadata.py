"""An article's metadata, read from the parsed page without changing it.

Each field is taken from the most reliable source that has it, in this order:
JSON-LD (what publishers give search engines), OpenGraph and other ``<meta>`` tags,
the page's markup (``<time>``, bylines, ``<h1>``), the URL, and last the visible
text. Dates say where they came from (``published_from``: ``json-ld``, ``meta``,
``time``, ``url`` or ``text``), since a date read from a URL or from prose is a
weaker claim than one the publisher declared. Nothing is guessed: a field no source
gives stays empty, a date without time stays a date, a time without zone gets none.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any
from urllib.parse import SplitResult, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .article import Metadata
from .dates import DateDecision, reconcile

# --- Where each field is looked for, best first -------------------------------------

# schema.org types whose node describes the article itself (NewsArticle and its subtypes).
ARTICLE_TYPES = frozenset((
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle",
    "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "TechArticle", "Report",
))
# Yoast and similar plugins put the dates on the page node when the article node lacks them.
PAGE_TYPES = frozenset(("WebPage", "ItemPage"))

# <meta> keys (property, name, itemprop or http-equiv, lower-cased), best first.
META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title",
              "sailthru.title", "headline"),
    "description": ("og:description", "description", "twitter:description", "dc.description",
                    "dcterms.description"),
    "site_name": ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher"),
    "image": ("og:image", "og:image:url", "og:image:secure_url", "twitter:image",
              "twitter:image:src", "parsely-image-url", "sailthru.image.full", "thumbnail"),
    "published": ("article:published_time", "og:article:published_time", "datepublished",
                  "article.published", "dc.date.issued", "dcterms.issued", "dc.date",
                  "dcterms.date", "dc.date.created", "dcterms.created", "parsely-pub-date",
                  "sailthru.date", "pubdate", "publishdate", "publish-date", "date",
                  "citation_publication_date", "og:pubdate", "release_date"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified",
                 "article.updated", "dc.date.modified", "dcterms.modified", "last-modified",
                 "lastmod"),
    # twitter:creator is a handle, not a name; article:author is often a profile URL,
    # which the name filter drops.
    "authors": ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "citation_author"),
    "tags": ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"),
    "language": ("og:locale", "content-language", "dc.language", "dcterms.language"),
}

# Bylines in markup, best first; the first that yields a name wins. First microdata: the
# name inside an author ('[itemprop~="author"] [itemprop~="name"]'), then the author
# ('[itemprop~="author"]'), read from the elements with an itemprop the page's one query
# found (``_PageElements``); then these selectors.
AUTHOR_SELECTORS = (
    'a[rel~="author"]',
    ".byline a, .byline__name, .byline-name, .author-name, .author_name, .entry-author-name, "
    ".author-link",
    ".byline, .author, .post-author, .entry-author, .article-author, .article__author",
    '[class*="byline"]',  # themes' own prefixes: "ap-story-byline", "c-byline"
)
_ANY_AUTHOR_SELECTOR = ", ".join(AUTHOR_SELECTORS)
# Bylines and dates inside these belong to comments or other articles, not this one.
# Whole words of a class or id ("related-posts", not "commentary"); "widget" and
# "footer" are absent on purpose: page builders wrap everything in widgets, and many
# themes print the date in the entry footer.
FOREIGN_CONTAINER = re.compile(
    r"(?:^|[\s_-])(?:comments?|related|recommended|sidebar|teasers?)(?:$|[\s_-])", re.I
)

# <time> elements: which class words say published or modified.
PUBLISHED_HINT = re.compile(r"publish|pubdate|entry-date|post-date|posted|dateline", re.I)
MODIFIED_HINT = re.compile(r"updat|modif", re.I)

MAX_DATE_ELEMENTS = 100
"""An article's dates come early in its markup; a page with thousands of <time>
elements (an archive, a feed) is not read past this many."""
MAX_META_ELEMENTS = 1_000
"""A page's own <meta> tags number dozens; thousands are the microdata of listed
items, each checked for a foreign container, and are not read past this many."""

# "By", "Analysis by", "Text:", "Interview:", "Autor:"; the short particles only with a
# colon, since they also start names ("von der Leyen", "De Niro").
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:(?:[^\W\d_]+\s+)?by|von|par|por|door|text|texto|текст|автор|author|autor)\b"
    r"\s*:?|(?:de|di|av)\s*:|[^\W\d_]+\s*:)\s*", re.I
)
# Always separates names; "and" and its kin only between names (see _split_and).
AUTHOR_SEPARATOR = re.compile(r"\s*(?:,|;|\|)\s*")
AND = re.compile(r"\s+(?:and|und|et|e|y|en|i|og|och)\s+|\s*&\s*", re.I)
# Where a byline's date or age starts: "on 10.29.12", "– 1 hour ago", "| Aug 9, 2012".
DATE_TAIL = re.compile(r"\s+(?:on|am|le|el|il|–|—|-)\s+[^|,;]*\d[^|,;]*")
# A byline fragment that is a role, a date, a placeholder or boilerplate, not a name.
NOT_A_NAME = re.compile(
    r"https?:|www\.|@|/|\d|[{}()\[\]\"=<>+#]|\b(?:staff|reporter|correspondent|editor|"
    r"writer|contributor|columnist|photo|photos|photographer|foto|fotos|manager|founder|"
    r"engineer|engineering|scientist|lead|producer|intern|analyst|president|director|"
    r"published|updated|posted|minutes?|read|more|follow|email|share|tweet|print|"
    r"permalink|comments?|archive|diary|about|admin|unknown|publisher|uncategori[sz]ed|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag)\b", re.I
)
MAX_BYLINE_CHARS = 200
"""Longer text where a byline is looked for is an author's biography, not a byline."""
# Lower-case words that belong inside a person's name.
NAME_PARTICLES = frozenset((
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "la", "le",
    "bin", "ibn", "al", "el", "ten", "ter", "zu",
))
MAX_NAME_WORDS = 5
# Letters after a name ("Jane Doe, MS, RD"): dropped when they follow a name, kept when
# they are the whole byline (an agency such as "AP" or "PTI").
CREDENTIALS = re.compile(r"[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?")
# Publishers' internal tags: "@hp-top-stories", "_no-apple-news", "autoplay_video".
INTERNAL_TAG = re.compile(r"[@_].*|\S+_\S+")

TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|»|«|·|•)\s+")


def extract_metadata(tree: LexborHTMLParser, url: str | None, *, page: str | None = None,
                     fetched_at: datetime | None = None) -> Metadata:
    """Read the metadata of ``tree`` (fetched from ``url`` at ``fetched_at``, now if not
    given); the tree is not changed. ``page`` is the HTML the tree was parsed from, for
    the date search when the structured dates are missing or in doubt."""
    return explain_metadata(tree, url, page=page, fetched_at=fetched_at)[0]


def extract_guides(tree: LexborHTMLParser, url: str | None) -> Metadata:
    """The headline and the authors alone, read as ``extract_metadata`` reads them, for a
    caller that wants an article's text and not its record: the cleaner finds the
    headline by the one and the author's box by the others. The search for the date is
    most of what the rest of the record costs."""
    elements, metas, ld, site_name = _head_of(tree)
    return Metadata(title=_title(tree, elements.headings, metas, ld, site_name, url),
                    authors=next((names for names in _author_candidates(tree, elements, metas, ld)
                                  if names), []))


def explain_metadata(tree: LexborHTMLParser, url: str | None, *, page: str | None = None,
                     fetched_at: datetime | None = None) -> tuple[Metadata, DateDecision]:
    """``extract_metadata``, and the date candidates and why one won."""
    elements, metas, ld, site_name = _head_of(tree)
    links = _link_index(elements.head.get("link", []))
    article, page_node = ld.article or {}, ld.page or {}
    dated = _DatedElements(elements.dated)
    dates = reconcile(
        _published_candidates(metas, ld, dated), _modified_candidates(metas, ld, dated),
        url=url, html=lambda: page if page is not None else _source(tree),
        fetched_at=fetched_at)
    language = _first(_language_tag(value) for value in (
        _attr(tree.root, "lang"), _meta(metas, "language"),
        ld.text(article.get("inLanguage") or page_node.get("inLanguage")),
    ))
    metadata = Metadata(
        title=_title(tree, elements.headings, metas, ld, site_name, url),
        authors=next((names for names in _author_candidates(tree, elements, metas, ld)
                      if names), []),
        published=dates.published,
        published_from=dates.published_from,
        modified=dates.modified,
        modified_from=dates.modified_from,
        language=language,
        language_from="markup" if language else None,
        site_name=site_name,
        description=_first((_meta(metas, "description"), ld.text(article.get("description")))),
        tags=_unique(_split_tags([*_meta_all(metas, "tags"), *ld.texts(article.get("keywords"))])),
        image_url=_first(_http_url(value, url) for value in (
            *_meta_all(metas, "image"), *ld.urls(article.get("image")),
            *links.get("image_src", ()),
        )),
        canonical_url=_first(_http_url(href, url) for href in links.get("canonical", ())),
    )
    return metadata, dates


def declares_live_blog(tree: LexborHTMLParser) -> bool:
    """Whether the page's own article, as its JSON-LD names it (the first article node
    at the top of its documents, not one nested in another's properties), is a
    schema.org ``LiveBlogPosting``: its updates run like a thread's posts (a time
    linked to each, a share link), and they are the story."""
    article = _LinkedData.from_scripts(tree.css("script[type]")).article
    return article is not None and "LiveBlogPosting" in _types(article)


def _head_of(tree: LexborHTMLParser
             ) -> tuple[_PageElements, dict[str, list[str]], _LinkedData, str | None]:
    """The page's elements that carry metadata, its <meta> values, its JSON-LD and the
    site's name: what every field is read from."""
    elements = _page_elements(tree)
    metas = _meta_index(elements.head.get("meta", []))
    ld = _LinkedData.from_scripts(elements.head.get("script", []))
    site_name = _first((_meta(metas, "site_name"), ld.text((ld.article or {}).get("publisher")),
                        ld.site_name))
    return elements, metas, ld, site_name


# --- JSON-LD ------------------------------------------------------------------------


MAX_JSON_LD_DEPTH = 8


class _LinkedData:
    """The JSON-LD nodes of a page: the article node, the page node, and the rest by @id."""

    def __init__(self, nodes: list[dict[str, Any]]) -> None:
        self.by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
        self.article = next((n for n in nodes if _types(n) & ARTICLE_TYPES), None)
        self.page = next((n for n in nodes if _types(n) & PAGE_TYPES), None)
        site = next((n for n in nodes if "WebSite" in _types(n)), None)
        self.site_name = self.text(site.get("name")) if site else None

    @classmethod
    def from_scripts(cls, scripts: list[LexborNode]) -> _LinkedData:
        nodes: list[dict[str, Any]] = []
        for script in scripts:
            if "ld+json" not in (_attr(script, "type") or "").lower():
                continue
            try:
                data = json.loads(_unwrap_script(script.text()), strict=False)
            except (ValueError, RecursionError):
                continue  # publishers' JSON-LD is often broken; the other sources remain
            nodes.extend(_top_level_nodes(data))
        return cls(nodes)

    def resolve(self, value: Any) -> Any:
        """A ``{"@id": ...}`` reference replaced by the node it names, if the page has it."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            return self.by_id.get(value.get("@id"), value)
        return value

    def texts(self, value: Any, depth: int = 0) -> list[str]:
        """Every string in ``value``: itself, a list's items, or a node's name. Real
        values nest two or three deep; hostile ones a thousand, which would overflow."""
        value = self.resolve(value)
        if isinstance(value, str):
            # script text is not entity-decoded by the parser, and CMSs escape it anyway
            value = html.unescape(value).strip()
            return [value] if value else []
        if depth > MAX_JSON_LD_DEPTH:
            return []
        if isinstance(value, list):
            return [text for item in value[:50] for text in self.texts(item, depth + 1)]
        if isinstance(value, dict):
            return self.texts(value.get("name"), depth + 1)
        return []

    def text(self, value: Any) -> str | None:
        return next(iter(self.texts(value)), None)

    def urls(self, value: Any) -> list[str]:
        value = self.resolve(value)
        if isinstance(value, list):  # a list of images holds strings or ImageObjects
            return [url for item in value[:20] for url in self.texts(
                item.get("url") or item.get("contentUrl") if isinstance(item, dict) else item)]
        if isinstance(value, dict):
            return self.texts(value.get("url") or value.get("contentUrl"))
        return self.texts(value)


def _unwrap_script(text: str) -> str:
    """JSON-LD as it is served: strip the HTML comment and CDATA wrappers some CMSs add."""
    text = text.strip()
    for opener, closer in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
        if text.startswith(opener) and text.endswith(closer):
            text = text[len(opener) : -len(closer)].strip()
    return text


def _top_level_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Nodes at the top of a JSON-LD document: in lists and @graph, not nested properties
    (an ItemList of other articles is not this page's article)."""
    pending = [data]
    while pending:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                pending[:0] = item["@graph"]


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    # "https://schema.org/NewsArticle" and "schema:NewsArticle" name the same type
    return {re.split(r"[/:#]", value)[-1] for value in values if isinstance(value, str)}


# --- <meta> and <link> ----------------------------------------------------------------


# Only the rels read here: pages carry dozens of preload and alternate links. The
# selector only narrows (ASCII case, substrings); _link_index's split decides.
LINK_RELS = ("canonical", "image_src")
HEAD_PARTS = ("meta", "script[type]", *(f'link[rel*="{rel}" i]' for rel in LINK_RELS))
DATE_ITEMPROPS = ("datePublished", "dateModified")
DATED_PARTS = ("time", *(f'[itemprop~="{name}"]' for name in DATE_ITEMPROPS))
# One query finds the elements this module reads: each query walks the whole page. The
# dated elements' itemprops are told apart in Python (``_dated_part``): one part
# "[itemprop]" costs lexbor half of what each "[itemprop~=...]" does.
PAGE_SELECTOR = ", ".join((*HEAD_PARTS, "time", "[itemprop]", "h1"))
# What CSS counts as whitespace between the words of an attribute (``~=``).
CSS_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class _PageElements:
    """The elements read from the markup, in page order: the <meta>, <link> and
    <script> elements by tag (``HEAD_PARTS``), those that may give a date
    (``DATED_PARTS``), the <h1>s, and the elements with an itemprop (microdata)."""

    head: dict[str, list[LexborNode]] = field(default_factory=dict)
    dated: list[LexborNode] = field(default_factory=list)
    headings: list[LexborNode] = field(default_factory=list)
    itemprops: list[LexborNode] = field(default_factory=list)


def _page_elements(tree: LexborHTMLParser) -> _PageElements:
    """One query for ``PAGE_SELECTOR``, each node sorted to what it matched, as the
    selector's parts match (checked by ``_head_part`` and ``_dated_part``)."""
    found = _PageElements()
    seen: set[int] = set()
    for node in tree.css(PAGE_SELECTOR):
        if node.mem_id in seen:  # a node matching two parts of the group comes twice
            continue
        seen.add(node.mem_id)
        tag = node.tag or ""
        if _head_part(node, tag):
            found.head.setdefault(tag, []).append(node)
        microdata = "itemprop" in node.attrs
        if microdata:
            found.itemprops.append(node)
        if tag == "time" or (microdata and _dated_part(node)):
            found.dated.append(node)
        if tag == "h1":
            found.headings.append(node)
    return found


def _head_part(node: LexborNode, tag: str) -> bool:
    """Whether ``node`` matches one of ``HEAD_PARTS``."""
    if tag == "meta":
        return True
    if tag == "script":
        return "type" in node.attrs
    if tag == "link":
        # the rels are ASCII letters: lower() folds them as the selector's "i" does
        rel = (_attr(node, "rel") or "").lower()
        return any(wanted in rel for wanted in LINK_RELS)
    return False


def _dated_part(node: LexborNode) -> bool:
    """Whether ``node`` matches one of the itemprop parts of ``DATED_PARTS``."""
    return any(_has_itemprop(node, name) for name in DATE_ITEMPROPS)


def _has_itemprop(node: LexborNode, name: str) -> bool:
    """Whether ``node`` matches ``[itemprop~="name"]``."""
    return name in CSS_WHITESPACE.split(_attr(node, "itemprop") or "")


def _meta_index(metas: list[LexborNode]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for meta in metas[:MAX_META_ELEMENTS]:
        # one dict per tag: cheaper than six lookups of attributes a tag mostly lacks
        attributes = meta.attributes
        # some CMSs (and pages saved through Mercury) write value= where content= belongs
        content = (attributes.get("content") or attributes.get("value") or "").strip()
        # microdata <meta itemprop> in the body may describe a related story's card
        if not content or ("itemprop" in attributes and _in_foreign_container(meta)):
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = attributes.get(attribute)
            if key:
                index.setdefault(key.strip().lower(), []).append(content)
    return index


def _meta_all(metas: dict[str, list[str]], field_name: str) -> list[str]:
    return [value for key in META_KEYS[field_name] for value in metas.get(key, ())]


def _meta(metas: dict[str, list[str]], field_name: str) -> str | None:
    return next(iter(_meta_all(metas, field_name)), None)


def _link_index(links: list[LexborNode]) -> dict[str, list[str | None]]:
    """The href of each ``<link>`` under each of its rel words, in page order."""
    index: dict[str, list[str | None]] = {}
    for link in links:
        href = _attr(link, "href")
        for rel in dict.fromkeys((_attr(link, "rel") or "").lower().split()):
            index.setdefault(rel, []).append(href)
    return index


# --- Title ---------------------------------------------------------------------------


def _title(tree: LexborHTMLParser, headings: list[LexborNode], metas: dict[str, list[str]],
           ld: _LinkedData, site_name: str | None, url: str | None) -> str | None:
    """The headline: the first candidate that is more than the site's own name."""
    keys = [key for key in (_alnum(site_name or ""), _alnum(_domain_name(url) or "")) if key]
    for candidate in _title_candidates(tree, headings, metas, ld):
        title = _strip_site_name(_clean_space(candidate or ""), keys)
        if title and not _names_site(title, keys):
            return title
    return None


def _title_candidates(tree: LexborHTMLParser, headings: list[LexborNode],
                      metas: dict[str, list[str]], ld: _LinkedData) -> Iterator[str | None]:
    yield _meta(metas, "title")
    article = ld.article or {}
    yield ld.text(article.get("headline") or article.get("name"))
    heading = next((node for scope in ("article h1", "main h1") for node in headings
                    if node.css_matches(scope)), headings[0] if headings else None)
    yield heading.text(separator=" ") if heading else None
    title_tag = tree.css_first("title")
    yield title_tag.text() if title_tag else None


SITE_NAME_SLACK = 10
"""A title part names the site when it is the site's name or domain give or take a few
characters ("CNN Politics", "SpaceNews.com"), not when it merely starts with it
("The Guardian view on Hong Kong")."""


def _names_site(part: str, keys: list[str]) -> bool:
    key = _alnum(part)
    return bool(key) and any(
        (key.startswith(name) or name.startswith(key))
        and abs(len(key) - len(name)) <= SITE_NAME_SLACK
        for name in keys
    )


def _strip_site_name(title: str, keys: list[str]) -> str:
    """Drop a " | Site" suffix or "Site - " prefix when it names the site."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if _names_site(parts[-1], keys):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:»«·•")
    if _names_site(parts[0], keys):
        return title[len(parts[0]) :].lstrip(" |-–—:»«·•")
    return title


# The generic second levels under country domains: bbc.co.uk, abc.net.au, folha.com.br.
COUNTRY_SECOND_LEVELS = frozenset(("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or"))


def _domain_name(url: str | None) -> str | None:
    """The registrable name of a URL's host: "bbc" for www.bbc.co.uk."""
    parts = _split_url(url)
    labels = (parts.hostname or "").split(".") if parts else []
    if len(labels) < 2:
        return None
    country_second_level = (len(labels) >= 3 and len(labels[-1]) == 2
                            and labels[-2] in COUNTRY_SECOND_LEVELS)
    return labels[-3] if country_second_level else labels[-2]


# --- Authors and tags ----------------------------------------------------------------


def _author_candidates(tree: LexborHTMLParser, elements: _PageElements,
                       metas: dict[str, list[str]], ld: _LinkedData) -> Iterator[list[str]]:
    for node in (ld.article or {}, ld.page or {}):  # Yoast puts it on WebPage without Article
        yield _names(ld.texts(node.get("author") or node.get("creator")))
    yield _names(_meta_all(metas, "authors"))
    authors = [node for node in elements.itemprops if _has_itemprop(node, "author")]
    if authors:
        names = [node for node in elements.itemprops if _has_itemprop(node, "name")]
        yield _names(_byline_texts(_held_by(names, authors)))
        yield _names(_byline_texts(authors))
    # Each query walks the whole page: most pages that get this far (a third of them)
    # match none of the selectors, and one query of them all tells so.
    if tree.css_first(_ANY_AUTHOR_SELECTOR) is None:
        return
    for selector in AUTHOR_SELECTORS:
        yield _names(_byline_texts(tree.css(selector)))


def _held_by(nodes: list[LexborNode], holders: list[LexborNode]) -> list[LexborNode]:
    """The ``nodes`` inside one of ``holders``. Each climb towards the root stops where
    an earlier one went, so that nested bylines are read in linear time."""
    inside = {holder.mem_id: True for holder in holders}  # element -> whether a holder
    held = []  # is it or holds it
    for node in nodes:
        path, parent = [], node.parent
        while parent is not None and parent.mem_id not in inside:
            path.append(parent.mem_id)
            parent = parent.parent
        answer = parent is not None and inside[parent.mem_id]
        inside.update(dict.fromkeys(path, answer))
        if answer:
            held.append(node)
    return held


def _byline_texts(matches: list[LexborNode]) -> list[str]:
    """The texts of the first few matches; a match nested in an earlier one (a byline
    wrapper and its inner field both match) adds nothing."""
    texts: list[str] = []
    for node in matches[:8]:
        text = _clean_space(node.text(separator=" "))
        if text and not _in_foreign_container(node) and not any(text in t for t in texts):
            texts.append(text)
    return texts


def _names(raw: Iterable[str]) -> list[str]:
    """Names from bylines: "By A and B, Staff Writer" gives ["A", "B"]; an
    organisation's byline ("Ministerium für Wirtschaft und Klimaschutz") stays whole."""
    names = []
    for text in raw:
        text = _clean_space(text)
        if len(text) > MAX_BYLINE_CHARS:
            continue
        text = DATE_TAIL.sub("", BYLINE_PREFIX.sub("", text))
        parts = [BYLINE_PREFIX.sub("", part).strip(" .:-–—") for part in
                 AUTHOR_SEPARATOR.split(text)]
        for position, part in enumerate(parts):
            if position and (CREDENTIALS.fullmatch(part) or _is_place(part, parts[0])):
                continue
            for name in _split_and(part):
                words = name.split()
                if words and len(words) <= MAX_NAME_WORDS and not NOT_A_NAME.search(name):
                    # wire bylines shout ("TOM KRISHER"); the name is the same in title case
                    names.append(name.title() if name.isupper() and len(name) > 3 else name)
    return _unique(names)


def _split_and(part: str) -> list[str]:
    """"A and B" as two names when both sides read as a person's name."""
    sides = [side.strip() for side in AND.split(part)]
    if len(sides) > 1 and all(_looks_like_person(side) for side in sides):
        return sides
    return [part]


def _looks_like_person(text: str) -> bool:
    """Two to four words, each capitalised or a name particle ("Ursula von der Leyen"),
    or all in lower case, as some type names ("ann lee")."""
    words = text.split()
    return 2 <= len(words) <= 4 and (text.islower() or all(
        word[:1].isupper() or word in NAME_PARTICLES for word in words))


def _is_place(part: str, first: str) -> bool:
    """One word after a comma, behind a name or an organisation: a place or an
    affiliation ("Olympia-Verlag GmbH, Nürnberg, Germany"), not another author."""
    return len(part.split()) == 1 and len(first.split()) > 1


def _split_tags(raw: Iterable[str]) -> list[str]:
    return [tag for text in raw for tag in (t.strip() for t in text.split(","))
            if 2 <= len(tag) <= 100 and not INTERNAL_TAG.fullmatch(tag)]


# --- Dates ---------------------------------------------------------------------------


def _published_candidates(metas: dict[str, list[str]], ld: _LinkedData,
                          dated: _DatedElements) -> Iterator[tuple[str | None, str]]:
    """Publication dates the page declares, best source first."""
    for node in (ld.article, ld.page):
        yield ld.text((node or {}).get("datePublished")), "json-ld"
    for value in _meta_all(metas, "published"):
        yield value, "meta"
    yield dated.best(PUBLISHED_HINT, "datePublished"), "time"


def _modified_candidates(metas: dict[str, list[str]], ld: _LinkedData,
                         dated: _DatedElements) -> Iterator[tuple[str | None, str]]:
    for node in (ld.article, ld.page):
        yield ld.text((node or {}).get("dateModified")), "json-ld"
    for value in _meta_all(metas, "modified"):
        yield value, "meta"
    yield dated.best(MODIFIED_HINT, "dateModified"), "time"


class _DatedElements:
    """The page's ``<time>`` elements and those marked with a date's itemprop
    (``DATED_PARTS``), for the publication and modification date."""

    def __init__(self, nodes: list[LexborNode]) -> None:
        self.nodes = nodes

    def best(self, hint: re.Pattern[str], itemprop: str) -> str | None:
        """The best element for a date: marked by itemprop, then by class, then the
        first in the article's header, then the first outside comments and widgets."""
        nodes = (node for node in self.nodes if node.tag == "time" or (
            node.tag != "meta" and itemprop in (_attr(node, "itemprop") or "").split()))
        ranked: list[tuple[int, str]] = []
        for position, node in enumerate(islice(nodes, MAX_DATE_ELEMENTS)):
            rank = _date_element_rank(node, hint, itemprop)
            value = (_attr(node, "datetime") or _attr(node, "content")
                     or _clean_space(node.text())[:100])
            if rank is not None and value and not _in_foreign_container(node):
                ranked.append((rank * 10_000 + position, value))
        return min(ranked)[1] if ranked else None


def _date_element_rank(node: LexborNode, hint: re.Pattern[str], itemprop: str) -> int | None:
    """0 (best) to 4, or None for an element that gives no such date."""
    attrs = f"{_attr(node, 'class') or ''} {'pubdate' if 'pubdate' in node.attrs else ''}"
    if itemprop.lower() in (_attr(node, "itemprop") or "").lower():
        return 0
    if hint.search(attrs):
        return 1
    if itemprop == "dateModified":
        return None  # an unmarked <time> is a publication date, never a modification date
    if MODIFIED_HINT.search(attrs):
        return 4  # hAtom themes mark their only date "updated"; better than no date
    return 2 if _has_ancestor(node, ("header", "article")) else 3


# --- Small helpers -------------------------------------------------------------------


def _source(tree: LexborHTMLParser) -> str:
    """The HTML the tree was parsed from, as the parser read it (UTF-8): a quarter of
    the time of serializing the tree again."""
    return tree.raw_html.decode("utf-8", "replace")


def _attr(node: LexborNode | None, name: str) -> str | None:
    # attrs.get reads one attribute; .attributes would build the whole dict
    return node.attrs.get(name) if node is not None else None


def _has_ancestor(node: LexborNode, tags: tuple[str, ...], depth: int = 30) -> bool:
    parent = node.parent
    while parent is not None and depth:
        if parent.tag in tags:
            return True
        parent, depth = parent.parent, depth - 1
    return False


def _in_foreign_container(node: LexborNode, depth: int = 30) -> bool:
    current: LexborNode | None = node
    # <body> classes describe the page ("has-sidebar"), not where the node sits
    while current is not None and current.tag not in ("body", "html") and depth:
        attributes = current.attributes
        if current.tag == "aside" or FOREIGN_CONTAINER.search(
            f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
        ):
            return True
        current, depth = current.parent, depth - 1
    return False


def _http_url(value: str | None, base: str | None) -> str | None:
    """``value`` resolved against ``base`` if the result is an http(s) URL."""
    if not value:
        return None
    try:
        resolved = urljoin(base or "", value.strip())
    except ValueError:  # either side unsplittable ("http://[bad")
        return None
    parts = _split_url(resolved)
    return resolved if parts and parts.scheme in ("http", "https") else None


def _split_url(url: str | None) -> SplitResult | None:
    """``urlsplit`` that answers None for what it cannot split ("http://[bad")."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises for a port out of range)
    except ValueError:
        return None
    return parts


LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_]([a-z0-9]{2,8}))*", re.I)


def _language_tag(value: str | None) -> str | None:
    """A BCP 47 tag ("en", "pt-BR") from lang, og:locale ("pt_BR") or a header list."""
    first = value.split(",")[0].strip() if value else ""
    if not LANGUAGE_TAG.fullmatch(first):
        return None
    primary, *rest = first.replace("_", "-").split("-")
    return "-".join([primary.lower(), *(p.upper() if len(p) == 2 else p for p in rest)])


def _clean_space(text: str) -> str:
    return " ".join(text.split())


NOT_ALNUM = re.compile(r"[\W_]+")  # \w is isalnum() and "_"


def _alnum(text: str) -> str:
    return NOT_ALNUM.sub("", text.lower())


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def _first(values: Iterable[str | None]) -> str | None:
    """The first non-blank value; lazily, as resolving a URL costs more than reading it."""
    return next((value.strip() for value in values if value and value.strip()), None)


