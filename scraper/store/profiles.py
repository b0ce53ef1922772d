"""Site profiles in the store: which blocks a site's pages share.

The cleaner fingerprints the blocks of every page it cleans
(``Article.fingerprints``); storing the page counts them here, per site, over
the site's latest ``WINDOW`` pages. Cleaning the next page of the site takes
that count as its ``SiteProfile`` (``cleaners.template``), so the crawl, a
fetch, an import and ``crawl reclean`` all learn and all use the same profile.

The site is the URL's host without ``www.``, not its registrable domain:
sections on their own subdomains (sport.example.com) often have a template of
their own, and blog hosts (example.blogspot.com, example.substack.com) put
unrelated sites under one registrable domain.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cleaners.template import MIN_PAGES, MIN_SHARE, SiteProfile

from ..sites import site_host
from .database import Store

WINDOW = 200
"""Pages counted per site; the oldest leaves as a new one comes. Enough to tell
a template from a coincidence, small enough to follow a redesign."""


def count_page(store: Store, url: str, fingerprints: Mapping[str, str]) -> None:
    """Count one stored page's blocks into its site's profile; a page counted
    before replaces its old count. Runs inside the caller's transaction."""
    site = site_host(url)
    if not site or not fingerprints:
        return
    conn = store.conn
    old = conn.execute("SELECT fingerprints FROM site_pages WHERE site = ? AND url = ?",
                       (site, url)).fetchone()
    if old is not None:
        _uncount(store, site, url, old[0])
    else:
        conn.execute("INSERT INTO site_profiles (site, pages) VALUES (?, 1) "
                     "ON CONFLICT (site) DO UPDATE SET pages = pages + 1", (site,))
    counted = conn.execute("SELECT coalesce(max(counted), 0) + 1 FROM site_pages WHERE site = ?",
                           (site,)).fetchone()[0]
    conn.execute("INSERT INTO site_pages (site, url, counted, fingerprints) VALUES (?, ?, ?, ?)",
                 (site, url, counted, " ".join(fingerprints)))
    conn.executemany(
        "INSERT INTO site_blocks (site, fingerprint, pages, excerpt) VALUES (?, ?, 1, ?) "
        "ON CONFLICT (site, fingerprint) DO UPDATE SET pages = pages + 1",
        [(site, fp, excerpt) for fp, excerpt in fingerprints.items()])
    pages = conn.execute("SELECT pages FROM site_profiles WHERE site = ?", (site,)).fetchone()[0]
    if pages > WINDOW:
        oldest = conn.execute("SELECT url, fingerprints FROM site_pages WHERE site = ? "
                              "ORDER BY counted LIMIT 1", (site,)).fetchone()
        _uncount(store, site, oldest[0], oldest[1])
        conn.execute("UPDATE site_profiles SET pages = pages - 1 WHERE site = ?", (site,))


def _uncount(store: Store, site: str, url: str, fingerprints: str) -> None:
    conn = store.conn
    conn.executemany("UPDATE site_blocks SET pages = pages - 1 "
                     "WHERE site = ? AND fingerprint = ?",
                     [(site, fp) for fp in fingerprints.split()])
    conn.execute("DELETE FROM site_blocks WHERE site = ? AND pages <= 0", (site,))
    conn.execute("DELETE FROM site_pages WHERE site = ? AND url = ?", (site, url))


def profile_for(store: Store, url: str) -> SiteProfile | None:
    """The profile of the URL's site, or None while it has too few pages. Only the
    blocks on most of its pages are read: the others can never be cut."""
    site = site_host(url)
    row = store.conn.execute("SELECT pages FROM site_profiles WHERE site = ?",
                             (site,)).fetchone()
    if row is None or row[0] < MIN_PAGES:
        return None
    pages = int(row[0])
    counts = dict(store.conn.execute(
        "SELECT fingerprint, pages FROM site_blocks WHERE site = ? AND pages > ?",
        (site, int(pages * MIN_SHARE))).fetchall())
    return SiteProfile(site, pages, counts)


@dataclass(frozen=True)
class SiteBlock:
    pages: int
    excerpt: str


@dataclass(frozen=True)
class SiteSummary:
    site: str
    pages: int
    template: int
    """Blocks on most of its pages: what the cleaner cuts once it has a profile."""
    blocks: list[SiteBlock]
    """Its most repeated blocks, most pages first (all of them for one site)."""


def site_summaries(store: Store, site: str | None = None, *, top: int = 3) -> list[SiteSummary]:
    """Every site's profile (``top`` blocks each), or one site's with all its template
    blocks and the blocks on at least two pages; most pages first."""
    rows = store.conn.execute(
        "SELECT site, pages FROM site_profiles WHERE ? IS NULL OR site = ? "
        "ORDER BY pages DESC, site", (site, site_host(f"//{site}") if site else None)).fetchall()
    summaries = []
    for name, pages in rows:
        floor = int(pages * MIN_SHARE)
        template = store.conn.execute("SELECT count(*) FROM site_blocks WHERE site = ? "
                                      "AND pages > ?", (name, floor)).fetchone()[0]
        limit = -1 if site else top
        blocks = [SiteBlock(count, excerpt) for count, excerpt in store.conn.execute(
            "SELECT pages, excerpt FROM site_blocks WHERE site = ? AND pages > 1 "
            "ORDER BY pages DESC, excerpt LIMIT ?", (name, limit))]
        summaries.append(SiteSummary(name, pages, template if pages >= MIN_PAGES else 0, blocks))
    return summaries
