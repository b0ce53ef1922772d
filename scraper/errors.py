"""The errors a user can meet, in one tree.

Every failure the CLI reports is one of these; anything else is a bug and
shows a traceback. Lower-level errors (httpx, sqlite3, yaml) are translated
once, where they cross into our code, with ``raise ... from``::

    CrawlError                  base of every user-facing failure
    ├── ConfigError             config.yaml unreadable, unknown key, wrong type or value
    ├── UsageError              a bad argument on the command line
    ├── PageError               one URL failed (carries ``url``, ``reason`` and ``kind``)
    │   ├── FetchError          it could not be fetched
    │   │   ├── InvalidURL      not an absolute http(s) URL
    │   │   ├── BlockedURL      refused before any request: robots.txt or the address guard
    │   │   ├── HTTPStatusError the server answered with a 4xx or 5xx status
    │   │   ├── NotHTMLError    the body is not a web page (PDF, image, binary)
    │   │   ├── TooLargeError   the body passed the configured size limit
    │   │   └── NetworkError    DNS, connect, reset, timeout, redirect loop, broken encoding
    │   └── CleanError          the cleaner could not finish it (its worker died)
    │       └── CleanTimeout    the cleaner ran past ``clean.timeout`` on it
    └── StoreError              the database cannot do what was asked
        ├── CorruptRowError     one stored row cannot be read back (the others can)
        ├── ReadOnlyError       ``crawl query`` was given a statement that writes
        ├── QueryError          ``crawl query`` was given SQL that does not run
        └── LockedError         another ``crawl run`` holds the database (exit code 75)
"""

from __future__ import annotations


class CrawlError(Exception):
    """Base of every failure that is the user's input or the web's, not ours."""

    exit_code = 1


class ConfigError(CrawlError):
    exit_code = 2


class UsageError(CrawlError):
    exit_code = 2


class PageError(CrawlError):
    """One URL that failed; ``kind`` names the failure for summaries."""

    kind = "page"

    def __init__(self, url: str, message: str, *, kind: str | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        if kind is not None:
            self.kind = kind


class FetchError(PageError):
    """A URL that could not be fetched."""

    kind = "fetch"


class InvalidURL(FetchError):
    kind = "invalid-url"


class BlockedURL(FetchError):
    kind = "blocked"


class HTTPStatusError(FetchError):
    kind = "http-status"

    def __init__(self, url: str, status: int, *, retry_after: float | None = None) -> None:
        super().__init__(url, f"HTTP {status}", kind=f"http-{status}")
        self.status = status
        self.retry_after = retry_after


class NotHTMLError(FetchError):
    kind = "not-html"


class TooLargeError(FetchError):
    kind = "too-large"


class NetworkError(FetchError):
    kind = "network"


class CleanError(PageError):
    """A page whose cleaning failed outside the cleaner's own control (its
    worker killed or dead)."""

    kind = "cleaner-failed"


class CleanTimeout(CleanError):
    kind = "cleaner-timeout"

    def __init__(self, url: str, seconds: float) -> None:
        super().__init__(url, f"the cleaner ran past its limit of {seconds:g}s")


class StoreError(CrawlError):
    pass


class CorruptRowError(StoreError):
    def __init__(self, row: str, reason: str) -> None:
        super().__init__(f"{row}: {reason}")
        self.row = row
        self.reason = reason


class ReadOnlyError(StoreError):
    exit_code = 2


class QueryError(StoreError):
    exit_code = 2  # the user's SQL is input, like a bad option


class LockedError(StoreError):
    exit_code = 75  # EX_TEMPFAIL: cron and systemd can tell "already running" from a failure
