"""robots.txt: parsed once per origin (scheme, host, port) and kept for a while.

Fetching is the fetcher's job; this module turns what came back into rules,
following Google's published handling:

- 2xx: the file's rules (only its first 500 KiB are read).
- 4xx other than 429, a redirect that cannot be followed: no robots.txt, so
  everything is allowed.
- 429 and 5xx: the site is in trouble, so nothing is fetched from it for a
  short while (``UNAVAILABLE_TTL``), after which robots.txt is asked again.
  The fetcher reports such URLs as ``BlockedURL`` of kind
  ``robots-unavailable``, which a crawler may retry later.
- A network failure (connect, timeout, reset) is not cached: the fetcher
  raises it as the page's own error, since the page would fail the same way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx
from protego import Protego

MAX_ROBOTS_BYTES = 500 * 1024  # Google reads no further
RULES_TTL = 24 * 3600.0        # Google caches a robots.txt for up to a day
UNAVAILABLE_TTL = 60.0         # ask a failing server again after a minute


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one origin; ``parser`` None means no robots.txt (all allowed)."""

    parser: Protego | None
    unavailable: bool
    expires: float  # time.monotonic() after which robots.txt is fetched again

    @classmethod
    def from_response(cls, status: int, body: bytes) -> RobotsRules:
        now = time.monotonic()
        if status == 429 or status >= 500:
            return cls(None, True, now + UNAVAILABLE_TTL)
        if 200 <= status < 300:
            text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
            return cls(Protego.parse(text), False, now + RULES_TTL)
        return cls.missing()

    @classmethod
    def missing(cls) -> RobotsRules:
        return cls(None, False, time.monotonic() + RULES_TTL)

    def allows(self, url: str, user_agent: str) -> bool:
        if self.unavailable:
            return False
        return self.parser is None or self.parser.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float | None:
        return None if self.parser is None else self.parser.crawl_delay(user_agent)

    @property
    def sitemaps(self) -> list[str]:
        return [] if self.parser is None else list(self.parser.sitemaps)


class RobotsCache:
    """Rules by origin; entries past their time are dropped on read."""

    def __init__(self) -> None:
        self._rules: dict[str, RobotsRules] = {}

    def get(self, origin: str) -> RobotsRules | None:
        rules = self._rules.get(origin)
        if rules is not None and rules.expires <= time.monotonic():
            del self._rules[origin]
            return None
        return rules

    def put(self, origin: str, rules: RobotsRules) -> None:
        self._rules[origin] = rules


def origin_of(url: str) -> str:
    """``scheme://host:port`` of ``url``: robots.txt and politeness are per origin.

    Parsed by httpx, so the origin is the one httpx connects to."""
    parsed = httpx.URL(url)
    scheme = parsed.scheme
    port = parsed.port or (443 if scheme == "https" else 80)
    host = parsed.raw_host.decode("ascii")
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


def robots_url(url: str) -> str:
    return origin_of(url) + "/robots.txt"
