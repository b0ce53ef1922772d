"""Hosts and sites: which site a URL belongs to, for every stage.

Discovery keeps the links of a page's own site (``same_site``); the store keys an
article by the canonical URL its page names only on the page's own site
(``page.article_url``), and groups template profiles by host (``page.site_host``).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

import idna

from .errors import InvalidURL


def host_of(url: str) -> str:
    """The lower-case, IDNA-encoded host name of ``url`` (no port)."""
    try:
        hostname = urlsplit(url.strip()).hostname
    except ValueError as error:
        raise InvalidURL(url, f"not a valid URL ({error})") from error
    return mapped_host(url, hostname)


def site_of(url: str) -> str:
    """The registrable domain of ``url``'s host, by heuristic (see ``same_site``)."""
    host = host_of(url)
    if _is_ip(host):
        return host
    labels = host.split(".")
    keep = 3 if _has_second_level_suffix(labels) else 2
    return ".".join(labels[-keep:])


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on one site: the same registrable domain.

    A heuristic instead of the Public Suffix List: the last two labels of the
    host, or three under a country code's generic second level (co.uk,
    com.au, ne.jp...). It errs towards "same" for hosting platforms
    (a.blogspot.com and b.blogspot.com), which for picking article links
    costs little; the PSL (tldextract) would download its list at run time by
    default, and a bundled snapshot goes stale silently.
    """
    try:
        return site_of(a) == site_of(b)
    except InvalidURL:
        return False


# Generic second-level labels under which country codes register names
# (example.co.uk, example.com.au, example.ne.jp, example.gob.mx...).
_SECOND_LEVEL = frozenset({
    "ac", "co", "com", "edu", "gob", "gov", "go", "govt", "ltd", "mil", "ne", "net",
    "nhs", "nic", "nom", "or", "org", "plc", "sch", "gv", "web",
})


def _has_second_level_suffix(labels: list[str]) -> bool:
    return len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL


def mapped_host(url: str, hostname: str | None) -> str:
    """``url``'s ``hostname`` as browsers map it: lower case, no trailing dot, IDNA."""
    if not hostname:
        raise InvalidURL(url, "the URL has no host")
    host = hostname.rstrip(".").lower()
    if _is_ip(host) or (host.isascii() and "xn--" not in host):
        return host
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise InvalidURL(url, f"not a valid host name ({error})") from error


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def site_host(url: str) -> str:
    """``url``'s host, lowercased, without a leading ``www.`` or a trailing dot: the
    site a template profile belongs to (a section on a host of its own has its own
    templates); "" for an address without one."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed address (``http://[bad``) has no site
        return ""
    return host.rstrip(".").removeprefix("www.")
