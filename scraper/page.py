"""A page as a server sent it, whoever brought it: the fetcher, an archive, a file.

The record every source hands to the cleaner and the store; it knows nothing of how
it was fetched, so reading an archive does not load the HTTP client.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sites import same_site


@dataclass(frozen=True)
class Page:
    """One fetched response, as the server sent it (body decoded from gzip/br only)."""

    url: str            # the URL asked for
    final_url: str      # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    content_type: str | None  # media type, lower-case, without parameters
    charset: str | None       # from Content-Type
    fetched_at: str           # ISO 8601 UTC
    elapsed: float            # seconds spent on the network, redirects included

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``"text/html; charset=UTF-8"`` -> ``("text/html", "utf-8")``."""
    if not value or not value.strip():
        return None, None
    media_type, *params = value.split(";")
    charset = None
    for param in params:
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = param_value.strip().strip("\"'").lower() or None
    return media_type.strip().lower() or None, charset


def article_url(canonical_url: str | None, url: str) -> str:
    """The URL an article is stored under: the canonical URL its page names when that
    is on the page's own site (``sites.same_site``: a mobile or AMP host's page names
    the desktop one), else the page's own (final) URL ``url``.

    A page cannot claim another site's article: a republished copy names the
    original publisher's URL, a hostile page anyone's, and either would have
    overwritten that record. The foreign canonical URL is still kept, as data."""
    if canonical_url and same_site(canonical_url, url):
        return canonical_url
    return url
