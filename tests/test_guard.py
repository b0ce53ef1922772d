"""The address guard: classification only; no packet leaves 127.0.0.1.

Host names are resolved only when they are numeric spellings of an address or
``localhost``, which the system resolver answers without the network.
"""

from __future__ import annotations

import asyncio

import pytest

from scraper.errors import BlockedURL, InvalidURL
from scraper.fetch.guard import blocked_reason, check_url_address, check_url_address_async


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"),
    ("127.8.9.10", "loopback"),
    ("::1", "loopback"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"),   # cloud metadata endpoints live here
    ("fe80::1", "link-local"),
    ("fc00::1", "private"),              # IPv6 unique local
    ("fd12:3456::1", "private"),
    ("fec0::1", "site-local"),
    ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"),
    ("240.0.0.1", "private"),            # reserved class E, listed private by ipaddress
    ("100.64.0.1", "non-global"),        # carrier-grade NAT
    ("::ffff:127.0.0.1", "loopback"),    # IPv4-mapped
    ("::ffff:10.0.0.1", "private"),
    ("2002:a00:1::", "private"),         # 6to4 around 10.0.0.1
    ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
])
def test_non_public_addresses_are_named(address: str, reason: str) -> None:
    assert blocked_reason(address) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(address) is None


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8080/admin",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.7/",
    "http://[fc00::7]/",
    "https://[fe80::1%25eth0]/",
    "http://localhost/",           # a name that resolves to loopback
    "http://2130706433/",          # 127.0.0.1 as one decimal number
    "http://0x7f.0.0.1/",          # ... in hex
    "http://127.1/",               # ... shortened
    "http://a.example\\@127.0.0.1/",  # httpx reads the host after the backslash
])
def test_urls_reaching_private_hosts_are_blocked(url: str) -> None:
    with pytest.raises(BlockedURL) as caught:
        check_url_address(url)
    assert caught.value.kind == "private-address"
    with pytest.raises(BlockedURL):
        asyncio.run(check_url_address_async(url))


def test_a_public_literal_passes_without_resolving() -> None:
    check_url_address("http://93.184.216.34/page")
    asyncio.run(check_url_address_async("https://[2606:4700:4700::1111]/"))


def test_the_message_names_host_and_address() -> None:
    with pytest.raises(BlockedURL, match=r"localhost \(127\.0\.0\.1\) is a loopback address"):
        check_url_address("http://localhost:9/")


def test_a_url_without_host_is_invalid() -> None:
    with pytest.raises(InvalidURL):
        check_url_address("http:///path")
