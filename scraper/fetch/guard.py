"""The address guard: a page must not steer the crawler into a private network.

Every URL the user did not give directly (discovered links, redirect hops) is
checked before the request: its host, or every address its name resolves
to, must be a public unicast address. One bad address among several blocks
the URL, since the connection may use any of them.

Known gap, DNS rebinding: the name is resolved here and again by httpx when
it connects, so a hostile DNS server answering a public address first and a
private one a moment later gets through. Closing it means connecting to the
address checked here (pinning), which httpx's transport does not offer
without replacing its connection pool; a firewall rule for the crawler's
user is the robust fix where that matters.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any

import httpx

from ..errors import BlockedURL, InvalidURL, NetworkError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# Why an address is refused, in the order checked: the first that applies names it.
_CLASSES: tuple[tuple[str, str], ...] = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_private", "private"),
    ("is_reserved", "reserved"),
)


def blocked_reason(address: str | Address) -> str | None:
    """Why ``address`` must not be fetched (e.g. ``"loopback"``), or None if public."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address inside IPv6 (::ffff:a.b.c.d, 6to4, Teredo, NAT64)
        # reaches the IPv4 host: judge that one.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return blocked_reason(embedded)
        if ip.is_site_local:
            return "site-local"
    for attribute, reason in _CLASSES:
        if getattr(ip, attribute):
            return reason
    if not ip.is_global:  # e.g. 100.64.0.0/10, carrier-grade NAT
        return "non-global"
    return None


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def check_url_address(url: str) -> None:
    """Raise BlockedURL unless ``url``'s host is, and resolves only to, public addresses.

    Resolves the name with the system resolver (blocking); use
    ``check_url_address_async`` inside an event loop.
    """
    host, port = _host_port(url)
    literal = _literal(host)
    if literal is not None:
        _check(url, host, [literal])
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise NetworkError(url, f"cannot resolve {host} ({error})", kind="dns") from error
    _check(url, host, _addresses(infos))


async def check_url_address_async(url: str) -> None:
    """``check_url_address`` resolving through the running event loop."""
    host, port = _host_port(url)
    literal = _literal(host)
    if literal is not None:
        _check(url, host, [literal])
        return
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise NetworkError(url, f"cannot resolve {host} ({error})", kind="dns") from error
    _check(url, host, _addresses(infos))


def _host_port(url: str) -> tuple[str, int]:
    """The host and port exactly as httpx will connect to them: parsing the URL
    another way (backslashes, IDNA 2003 against 2008) could check one host and
    let httpx reach another."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise InvalidURL(url, f"not a valid URL ({error})") from error
    host = parsed.raw_host.decode("ascii")
    if not host:
        raise InvalidURL(url, "the URL has no host")
    return host, parsed.port or (443 if parsed.scheme == "https" else 80)


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return None


def _addresses(infos: list[tuple[Any, ...]]) -> list[Address]:
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _check(url: str, host: str, addresses: list[Address]) -> None:
    for address in addresses:
        reason = blocked_reason(address)
        if reason is not None:
            shown = host if str(address) == host else f"{host} ({address})"
            raise BlockedURL(url, f"{shown} is a {reason} address", kind="private-address")
