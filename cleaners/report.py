"""The ``crawl explain --html`` page: the page's text, every removed block marked.

One self-contained HTML document: inline CSS, no script, no external resource, and a
Content-Security-Policy that forbids both, so even a bug in escaping could not run
anything. Everything that came from the page (text, title, URLs, authors) is escaped;
the only markup is ours. Kinds get a colour from a fixed table (or one derived from
the kind's name), never from page content.
"""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .article import Article


@dataclass(frozen=True)
class Segment:
    """A run of the page's text in document order.

    ``kind`` is None for text the article kept; otherwise the kind of boilerplate
    (as in ``RemovedBlock.kind``) and ``rule`` the name of the rule that removed it.
    """

    text: str
    kind: str | None = None
    rule: str | None = None


# One hue per kind of boilerplate, far enough apart to tell blocks apart at a glance.
KIND_COLOURS = {
    "related": "#d9480f", "source": "#1971c2", "comments": "#7048e8", "share": "#0c8599",
    "newsletter": "#e67700", "cookie": "#868e96", "ads": "#c2255c", "paywall": "#a61e4d",
    "author-bio": "#5c940d", "tags": "#2b8a3e", "navigation": "#495057", "meta": "#862e9c",
    "popup": "#e8590c", "site": "#364fc7", "not-content": "#8d6e63",
}
SCROLL_AFTER_CHARS = 1200
"""Removed blocks longer than this scroll inside their box, so a huge footer does not
push the article off the screen."""

# No script, no fetch of any kind; only the inline stylesheet.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'"
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

_CSS = """
:root { color-scheme: light; }
body { margin: 0; font: 17px/1.6 Georgia, "Times New Roman", serif; color: #212529;
       background: #f8f9fa; }
header, nav.legend, main { max-width: 46rem; margin: 0 auto; padding: 1rem 1.5rem; }
header { border-bottom: 1px solid #dee2e6; }
header h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0;
     font: 14px/1.5 system-ui, sans-serif; }
dt { color: #868e96; } dd { margin: 0; overflow-wrap: anywhere; }
.reason { color: #c92a2a; font-weight: 600; }
nav.legend { font: 14px/1.5 system-ui, sans-serif; }
nav.legend ul { list-style: none; padding: 0; margin: .5rem 0 0; display: flex;
                flex-wrap: wrap; gap: .4rem; }
nav.legend li a, nav.legend li span { display: inline-block; padding: .15rem .6rem;
  border-radius: 1rem; border: 2px solid var(--c); color: #212529; text-decoration: none; }
nav.legend li a::before, nav.legend li span::before { content: ""; display: inline-block;
  width: .7em; height: .7em; border-radius: 50%; background: var(--c);
  margin-right: .4em; }
main { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
p.kept { margin: 0 0 1rem; white-space: pre-line; }
.removed { margin: 0 0 1rem; border-left: 5px solid var(--c); border-radius: 3px;
           background: #f8f9fa; background: color-mix(in srgb, var(--c) 9%, #fff);
           padding: .4rem .8rem; }
.removed .label { font: 12px/1.4 system-ui, sans-serif; color: var(--c); font-weight: 600;
                  text-transform: uppercase; letter-spacing: .03em; }
.removed .label code { text-transform: none; font-weight: 400; color: #495057; }
.removed .text { white-space: pre-line; color: #495057; font-size: 15px; }
.removed .text.long { max-height: 16rem; overflow: auto; }
.kept-swatch { --c: #adb5bd; }
"""


def render_report(segments: Sequence[Segment], article: Article) -> str:
    """The explain page for one cleaned page, as a complete HTML document."""
    kinds = _kind_classes(segments)
    body = "\n".join(_render_segment(number, segment, kinds)
                     for number, segment in enumerate(segments)
                     if segment.text.strip())
    kind_css = "\n".join(f".{css_class} {{ --c: {_colour(kind)}; }}"
                         for kind, css_class in kinds.items())
    title = article.title or article.url or "untitled page"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explain: {_escape(title)}</title>
<style>{_CSS}{kind_css}
</style>
</head>
<body>
{_render_header(article)}
{_render_legend(segments, kinds)}
<main>
{body or '<p class="kept"><em>The page had no text.</em></p>'}
</main>
</body>
</html>
"""


def _kind_classes(segments: Sequence[Segment]) -> dict[str, str]:
    """A CSS class per kind, in order of first appearance: class names are ours, so a
    kind name can never inject a selector."""
    kinds: dict[str, str] = {}
    for segment in segments:
        if segment.kind is not None and segment.kind not in kinds:
            kinds[segment.kind] = f"k{len(kinds)}"
    return kinds


def _colour(kind: str) -> str:
    return KIND_COLOURS.get(kind) or f"hsl({zlib.crc32(kind.encode()) % 360} 65% 38%)"


def _render_header(article: Article) -> str:
    published = article.published and (
        f"{article.published} (from {article.published_from})"
        if article.published_from else article.published)
    modified = article.modified and (
        f"{article.modified} (from {article.modified_from})"
        if article.modified_from else article.modified)
    rows = [
        ("URL", _link(article.url)),
        ("Canonical", _link(article.canonical_url)),
        ("Site", _escape(article.site_name)),
        ("Authors", _escape(", ".join(article.authors))),
        ("Published", _escape(published)),
        ("Modified", _escape(modified)),
        ("Language", _escape(article.language)),
        ("Source", _link(article.source_url)),
        ("Cleaner", _escape(article.cleaner_version)),
        ("Container", _escape(article.container)),
    ]
    cells = "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows if value)
    reason = (f'<p class="reason">No article: {_escape(article.reason)}</p>'
              if article.reason else "")
    return (f"<header>\n<h1>{_escape(article.title or 'Untitled')}</h1>\n{reason}"
            f"<dl>\n{cells}\n</dl>\n</header>")


def _render_legend(segments: Sequence[Segment], kinds: dict[str, str]) -> str:
    kept = [s for s in segments if s.kind is None and s.text.strip()]
    items = [f'<li><span class="kept-swatch">kept: {len(kept)} '
             f'{"block" if len(kept) == 1 else "blocks"}, '
             f'{sum(len(s.text) for s in kept):,} characters</span></li>']
    for kind, css_class in kinds.items():
        of_kind = [(n, s) for n, s in enumerate(segments)
                   if s.kind == kind and s.text.strip()]
        if not of_kind:
            continue
        characters = sum(len(s.text) for _, s in of_kind)
        items.append(f'<li><a class="{css_class}" href="#block-{of_kind[0][0]}">'
                     f"{_escape(kind)}: {len(of_kind)} removed, {characters:,} characters</a></li>")
    return ('<nav class="legend" aria-label="Legend">\n<strong>Legend</strong> '
            "(each link jumps to the first block of its kind)\n<ul>\n"
            + "\n".join(items) + "\n</ul>\n</nav>")


def _render_segment(number: int, segment: Segment, kinds: dict[str, str]) -> str:
    if segment.kind is None:
        return "\n".join(f'<p class="kept">{_escape(paragraph.strip())}</p>'
                         for paragraph in _PARAGRAPH_BREAK.split(segment.text)
                         if paragraph.strip())
    long = " long" if len(segment.text) > SCROLL_AFTER_CHARS else ""
    rule = f" · <code>{_escape(segment.rule)}</code>" if segment.rule else ""
    return (f'<div class="removed {kinds[segment.kind]}" id="block-{number}">'
            f'<div class="label">removed: {_escape(segment.kind)}{rule}</div>'
            f'<div class="text{long}">{_escape(segment.text.strip())}</div></div>')


def _link(url: str | None) -> str:
    """A link only to http(s) URLs; anything else (javascript:, data:) stays as text."""
    if not url:
        return ""
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:  # "http://[bad": not a URL a browser could follow either
        scheme = ""
    if scheme in ("http", "https"):
        escaped = _escape(url.strip())
        return f'<a href="{escaped}" rel="noreferrer noopener">{escaped}</a>'
    return _escape(url)


def _escape(text: str | None) -> str:
    """Page text made safe as HTML text or a quoted attribute: controls and lone
    surrogates (which no encoder can write) become U+FFFD, markup characters entities."""
    return html.escape(_NOT_TEXT.sub("\ufffd", text or ""), quote=True)
