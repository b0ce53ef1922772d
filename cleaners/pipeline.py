"""Provisional cleaner: trafilatura behind the final API, until the real one lands."""

from __future__ import annotations

import trafilatura

from .article import Article, SiteRules


def clean(
    html: str | bytes,
    url: str | None = None,
    *,
    charset: str | None = None,
    site_rules: SiteRules | None = None,
) -> Article:
    if isinstance(html, bytes):
        html = html.decode(charset or "utf-8", errors="replace")
    if not html.strip():
        return Article(url=url, reason="empty page")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None or not doc.text:
        return Article(url=url, reason="no article text found")
    return Article(
        url=url,
        text=doc.text,
        markdown=doc.text,
        title=doc.title,
        authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        published=doc.date,
        language=doc.language,
        site_name=doc.sitename,
        description=doc.description,
        tags=list(doc.tags or []),
        image_url=doc.image,
        canonical_url=doc.url,
    )
