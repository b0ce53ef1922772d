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
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from ..config import CleanConfig, SiteRules
from ..errors import CleanError, CorruptRowError
from ..page import Page, parse_content_type
from ..store.database import RawPage, Store
from ..store.profiles import count_page, profile_for
from .cleanpool import CleanerPool
from .pipeline import clean_page

if TYPE_CHECKING:
    from ..stop import Stopper


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
    stopped: bool = False
    """A signal stopped it before every page was cleaned again."""

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
    stopper: Stopper | None = None,
    notice: Callable[[str], None] = lambda message: None,
) -> RecleanResult:
    """Clean the stored pages again and save the articles whose output changed.

    ``source`` and ``since`` (an ISO 8601 date or time, compared with each
    page's fetch time) narrow the pages; ``source_rules`` gives each
    configured source's own cleaning rules by name, as the crawl applies
    them. ``progress`` is called with the number of pages done after each.
    Each page is cleaned under ``clean_config.timeout``; a stored page that
    cannot be read back fails alone.
    """
    result = RecleanResult()

    def unreadable(error: CorruptRowError) -> None:
        result.failed += 1
        result.failures.append((error.row, error.reason))

    pages = store.raw_pages(source=source, since=since, on_corrupt=unreadable)
    with store.recorded_run(source=source, command="reclean") as record, \
            CleanerPool.for_command(clean_config.timeout) as cleaner:
        for done, raw in enumerate(pages, start=1):
            if stopper is not None and stopper.stopping:
                notice("stopping after 0 pages in flight")  # pages are cleaned one at a time
                result.stopped = True
                break
            _reclean_one(store, cleaner, clean_config, raw, result, source_rules)
            if progress is not None:
                progress(done)
        record(asdict(result), "interrupted" if result.stopped else "done")
    return result


def _reclean_one(store: Store, cleaner: CleanerPool, clean_config: CleanConfig, raw: RawPage,
                 result: RecleanResult, source_rules: Mapping[str, SiteRules] | None) -> None:
    extra = source_rules.get(raw.source) if source_rules and raw.source else None
    try:
        article = cleaner.run_now(raw.final_url, clean_page, page_of(raw), clean_config, extra,
                                  profile_for(store, raw.final_url))
    except Exception as error:  # a cleaner bug on one page must not stop thousands
        result.failed += 1
        reason = error.reason if isinstance(error, CleanError) else \
            f"{type(error).__name__}: {error}"
        result.failures.append((raw.final_url, reason))
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


def page_of(raw: RawPage) -> Page:
    """A stored page in the shape the fetcher hands to the cleaning step."""
    content_type, charset = parse_content_type(
        next((v for k, v in raw.headers.items() if k.lower() == "content-type"), None))
    return Page(url=raw.url, final_url=raw.final_url, status=raw.status, headers=raw.headers,
                body=raw.body, content_type=content_type, charset=charset,
                fetched_at=raw.fetched_at, elapsed=0.0)
