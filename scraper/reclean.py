"""Re-cleaning: the current cleaner over the raw pages the store kept.

After a change to the cleaner or to the cleaning rules in config.yaml,
``reclean`` brings the stored articles up to date without a request: each
raw page is cleaned again exactly as the crawler cleans a fetched one
(``pipeline.clean_page``: the page's charset from its stored Content-Type,
the site's rules, the source's own rules over them, the site's current
profile) and saved through
``Store.save_article``, which tells whether the output changed. Every
article saved again records the cleaner version that made it, changed or
not, and counts into its site's profile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .config import CleanConfig, SiteRules
from .fetch import Page, parse_content_type
from .pipeline import clean_page
from .profiles import count_page, profile_for
from .store import RawPage, Store


@dataclass
class RecleanResult:
    changed: int = 0
    """Articles whose text, title, metadata or removed blocks changed (or that are new)."""
    unchanged: int = 0
    failed: int = 0
    empty: int = 0
    """Pages in which the current cleaner finds no article; their stored article stays."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(URL, reason) of each failed page."""

    @property
    def pages(self) -> int:
        return self.changed + self.unchanged + self.failed + self.empty


def reclean(
    store: Store,
    clean_config: CleanConfig,
    *,
    source: str | None = None,
    since: str | None = None,
    source_rules: Mapping[str, SiteRules] | None = None,
    progress: Callable[[int], None] | None = None,
) -> RecleanResult:
    """Clean the stored pages again and save the articles whose output changed.

    ``source`` and ``since`` (an ISO 8601 date or time, compared with each
    page's fetch time) narrow the pages; ``source_rules`` gives each
    configured source's own cleaning rules by name, as the crawl applies
    them. ``progress`` is called with the number of pages done after each.
    """
    result = RecleanResult()
    for done, raw in enumerate(store.raw_pages(source=source, since=since), start=1):
        extra = source_rules.get(raw.source) if source_rules and raw.source else None
        try:
            article = clean_page(page_of(raw), clean_config, extra,
                                 profile_for(store, raw.final_url))
        except Exception as error:  # a cleaner bug on one page must not stop thousands
            result.failed += 1
            result.failures.append((raw.final_url, f"{type(error).__name__}: {error}"))
        else:
            if not article.text:
                result.empty += 1
            else:
                with store.transaction():
                    saved = store.save_article(article, url=raw.final_url, page_id=raw.id,
                                               source=raw.source, fetched_at=raw.fetched_at)
                    count_page(store, raw.final_url, article.fingerprints)
                if saved.status == "unchanged":
                    result.unchanged += 1
                else:
                    result.changed += 1
        if progress is not None:
            progress(done)
    return result


def page_of(raw: RawPage) -> Page:
    """A stored page in the shape the fetcher hands to the cleaning step."""
    content_type, charset = parse_content_type(
        next((v for k, v in raw.headers.items() if k.lower() == "content-type"), None))
    return Page(url=raw.url, final_url=raw.final_url, status=raw.status, headers=raw.headers,
                body=raw.body, content_type=content_type, charset=charset,
                fetched_at=raw.fetched_at, elapsed=0.0)
