"""The one place where a fetched page meets the cleaner and the store.

The fetcher hands over a ``Page``; in a crawl it is committed first, with its
URL's ``fetched`` state (``keep_fetched``). This module cleans it and stores
the article with its page in one transaction, so a crash never leaves an
article without the page it came from (``crawl reclean`` needs that page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from cleaners import Article, clean
from cleaners.template import SiteProfile

from ..config import CleanConfig, SiteRules
from ..errors import UsageError
from ..fetch.files import read_bounded
from ..page import Page
from ..store import dedupe
from ..store.database import Store
from ..store.profiles import count_page
from .frontier import Frontier

Outcome = Literal["new", "updated", "unchanged", "empty"]


@dataclass(frozen=True)
class Stored:
    url: str
    article: Article
    outcome: Outcome
    article_id: int | None
    duplicate_of: int | None = None


def clean_page(page: Page, clean_config: CleanConfig, extra: SiteRules | None = None,
               profile: SiteProfile | None = None) -> Article:
    """``profile`` is the page's site's (``profiles.profile_for``): an input, so a
    worker process cleans without the store. The article comes with its
    fingerprints, which ``store_page`` counts into the site's profile."""
    rules = clean_config.rules_for(page.final_url)
    if extra and (extra.drop or extra.keep):
        rules = extra
    return clean(page.body, page.final_url, charset=page.charset, site_rules=rules,
                 fetched_at=datetime.fromisoformat(page.fetched_at), profile=profile,
                 fingerprints=True)


def clean_page_to_store(page: Page, clean_config: CleanConfig, extra: SiteRules | None = None,
                        profile: SiteProfile | None = None) -> tuple[Article, int]:
    """``clean_page``, and its text's near-duplicate fingerprint (``dedupe.fingerprint``)
    for ``store_page``: computed where the page is cleaned, a crawl's worker, not by
    the event loop that stores it (3 ms of a page's 25 there)."""
    article = clean_page(page, clean_config, extra, profile)
    return article, dedupe.fingerprint(article.text)


def keep_fetched(store: Store, page: Page, *, source: str | None, frontier: Frontier,
                 claimed_url: str) -> int:
    """Commit a fetched page with its URL's ``fetched`` state, before it waits to be
    cleaned: a crawl killed meanwhile cleans it from the store, and never asks the
    publisher for it again. Returns the stored page's id, for ``store_page``."""
    with store.transaction():
        page_id = _save_page(store, page, source)
        frontier.fetched(claimed_url, page_id)
    return page_id


def store_page(
    store: Store,
    page: Page,
    article: Article,
    *,
    source: str | None = None,
    frontier: Frontier | None = None,
    claimed_url: str | None = None,
    page_id: int | None = None,
    simhash: int | None = None,
) -> Stored:
    """Keep the page and its article together, or nothing when it had no article.

    With a ``frontier``, ``claimed_url`` is marked done in the same
    transaction: a crash either keeps both or neither, so a finished URL is
    never fetched again and an unfinished one is never lost. A page without
    an article (an index page, a video, junk) is marked done but not kept:
    ``page_id``, the page ``keep_fetched`` committed, is then deleted. ``simhash`` is
    the text's fingerprint if ``clean_page_to_store`` computed it.
    A kept page's blocks count into its site's profile in the same transaction."""
    stored = Stored(page.final_url, article, "empty", None)
    with store.transaction():
        if article.text:
            if page_id is None:
                page_id = _save_page(store, page, source)
            saved = store.save_article(
                article, url=page.final_url, page_id=page_id, source=source,
                fetched_at=page.fetched_at, simhash=simhash,
            )
            count_page(store, page.final_url, article.fingerprints)
            stored = Stored(page.final_url, article, saved.status, saved.id, saved.duplicate_of)
        if frontier is not None and claimed_url is not None:
            frontier.done(claimed_url, stored.article_id)
        if not article.text and page_id is not None:
            store.forget_page(page_id)
    return stored


def _save_page(store: Store, page: Page, source: str | None) -> int:
    return store.save_page(url=page.url, final_url=page.final_url, status=page.status,
                           headers=page.headers, body=page.body, fetched_at=page.fetched_at,
                           source=source)


def page_from_file(path: str | Path, *, url: str | None = None,
                   max_bytes: int | None = None) -> Page:
    """A saved HTML file, shaped as if fetched from ``url`` (or its file: URL)."""
    file = Path(path)
    try:
        stamp = datetime.fromtimestamp(file.stat().st_mtime, UTC).isoformat(timespec="seconds")
        with file.open("rb") as handle:
            body = read_bounded(handle, max_bytes, str(path))
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: a directory, not a saved page") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read it ({error.strerror or error})") from error
    address = url or file.resolve().as_uri()
    return Page(url=address, final_url=address, status=200, headers={},
                body=body, content_type="text/html", charset=None,
                fetched_at=stamp, elapsed=0.0)
