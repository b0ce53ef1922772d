"""URL normalisation: one spelling per page, so one article is stored once.

``normalize_url`` applies the RFC 3986 equivalences (case of scheme and host,
default ports, percent-encoding case, dot segments) plus the web's own: the
fragment never reaches the server, and tracking parameters name the campaign
that brought a reader, not the page.

Query parameters keep their order. Sorting would merge a few more spellings,
but it invents URLs the site never linked to, and some servers (signed or
ordered parameters, old CGI scripts) answer them differently; a site writes
its own links consistently, and canonical links catch the rest.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from ..errors import InvalidURL
from ..fetch.fetcher import check_url
from ..sites import mapped_host

DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only say how a reader arrived; dropped by name
# (case-insensitive). Prefixes cover families such as utm_source, utm_medium...
TRACKING_PARAMETERS = frozenset({
    "fbclid",     # Facebook click id
    "gclid",      # Google Ads click id
    "gbraid",     # Google Ads (iOS app) click id
    "wbraid",     # Google Ads (web-to-app) click id
    "dclid",      # Google Display click id
    "msclkid",    # Microsoft Ads click id
    "yclid",      # Yandex click id
    "twclid",     # Twitter/X click id
    "igshid",     # Instagram share id
    "mc_cid",     # Mailchimp campaign id
    "mc_eid",     # Mailchimp subscriber id
    "ref_src",    # Twitter/X embed referrer
    "ref_url",    # Twitter/X embed referrer
    "_ga",        # Google Analytics cross-domain linker
    "_gl",        # Google tag linker
    "_hsenc",     # HubSpot email tracking
    "_hsmi",      # HubSpot email tracking
    "mkt_tok",    # Marketo email tracking
    "oly_anon_id",  # Omeda newsletter tracking
    "oly_enc_id",   # Omeda newsletter tracking
    "vero_id",    # Vero email tracking
    "wickedid",   # Wicked Reports click id
    "li_fat_id",  # LinkedIn click id
    "s_cid",      # Adobe Analytics campaign id
})
TRACKING_PREFIXES = ("utm_",)  # Google Analytics campaign parameters

# RFC 3986 2.3: percent-encoded unreserved characters mean the character itself.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
# Characters left as they are when quoting a path or query: reserved ones keep
# their meaning and an existing %XX escape is not escaped twice.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


def normalize_url(url: str, base: str | None = None) -> str:
    """The one spelling of ``url`` (resolved against ``base`` when relative).

    Raises InvalidURL for anything but an absolute http(s) URL the fetcher can
    request (``check_url``, once normalised: a host is mapped as browsers map it).
    """
    # A link is untrusted text: "http://[::1/x" does not split, a lone surrogate
    # (bytes that were not UTF-8) does not quote.
    try:
        normal = _normal_form(url.strip(), base)
    except ValueError as error:
        raise InvalidURL(url, f"not a valid URL ({error})") from error
    # A URL the fetcher cannot request ("0.0.0.00", an "xn--" that does not decode)
    # is no URL to keep.
    return check_url(normal)


def _normal_form(url: str, base: str | None) -> str:
    """``normalize_url`` before the fetcher's check; ValueError where ``url`` does not parse."""
    parts = urlsplit(url if base is None else urljoin(base.strip(), url))
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidURL(url, "only http and https URLs can be fetched")
    host = mapped_host(url, parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    if parts.port is not None and parts.port != DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    path = _remove_dot_segments(_percent(quote(parts.path, safe=_PATH_SAFE))) or "/"
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), ""))


def _percent(text: str) -> str:
    """Upper-case escapes; decode the ones that stand for unreserved characters."""

    def one(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else f"%{match.group(1).upper()}"

    return _PERCENT.sub(one, text)


def _clean_query(query: str) -> str:
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name = unquote(pair.partition("=")[0].replace("+", " ")).lower()
        if name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES):
            continue
        kept.append(_percent(quote(pair, safe=_QUERY_SAFE)))
    return "&".join(kept)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4, so /a/./b/../c and /a/c are one path."""
    if "." not in path:
        return path
    output: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    if path.endswith(("/.", "/..")):
        output.append("")
    return "/" + "/".join(output)
