"""Articles as a person or a program reads them: text, Markdown, JSON, CSV rows.

Every function takes an article as a plain mapping (``Article.to_dict()`` or
a stored row), so a freshly cleaned article and one read back from the
database print the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cleaners.assemble import escape_markdown

from .page import article_url

FORMATS = ("text", "markdown", "json")


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return [str(v) for v in value or []]


def byline(article: Mapping[str, Any]) -> str:
    """One line: authors, date, site, language; whichever the page gave."""
    parts = [
        ", ".join(_as_list(article.get("authors"))),
        article.get("published") or "",
        article.get("site_name") or "",
        article.get("language") or "",
    ]
    return " · ".join(p for p in parts if p)


def _addresses(article: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The URL the article is known by (its canonical one, on its page's own site),
    and the canonical URL its page names on another site (a republished copy's)."""
    url, canonical = article.get("url"), article.get("canonical_url")
    known = article_url(canonical, url) if url else None
    return known, canonical if canonical != known else None


def as_text(article: Mapping[str, Any]) -> str:
    lines = [article.get("title") or "(untitled)"]
    if line := byline(article):
        lines.append(line)
    url, elsewhere = _addresses(article)
    if url:
        lines.append(url)
    if elsewhere:
        lines.append(f"canonical: {elsewhere}")
    if source := article.get("source_url"):
        lines.append(f"source: {source}")
    return "\n".join(lines) + "\n\n" + (article.get("text") or "").strip() + "\n"


def as_markdown(article: Mapping[str, Any]) -> str:
    url, elsewhere = _addresses(article)
    meta = {
        "url": url,
        "canonical": elsewhere,
        "authors": ", ".join(_as_list(article.get("authors"))) or None,
        "published": article.get("published"),
        "site": article.get("site_name"),
        "language": article.get("language"),
        "source": article.get("source_url"),
        "tags": ", ".join(_as_list(article.get("tags"))) or None,
    }
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                    for key, value in meta.items() if value)
    title = escape_markdown(article.get("title") or "(untitled)")
    body = (article.get("markdown") or article.get("text") or "").strip()
    return f"---\n{front}---\n\n# {title}\n\n{body}\n"


def as_json(article: Mapping[str, Any], *, indent: int | None = None) -> str:
    return json.dumps(dict(article), ensure_ascii=False, indent=indent, default=str)


def render(article: Mapping[str, Any], fmt: str) -> str:
    if fmt == "markdown":
        return as_markdown(article)
    if fmt == "json":
        return as_json(article) + "\n"
    return as_text(article)
