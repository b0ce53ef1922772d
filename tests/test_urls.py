"""URL normalisation: one spelling per page, and the site heuristic."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.crawl.urls import TRACKING_PARAMETERS, normalize_url
from scraper.errors import InvalidURL
from scraper.sites import host_of, same_site, site_of


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTP://WWW.Example.COM/News", "http://www.example.com/News"),  # path keeps its case
    ("https://example.com", "https://example.com/"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    ("https://example.com/a?", "https://example.com/a"),
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
    ("https://example.com/café story", "https://example.com/caf%C3%A9%20story"),
    ("https://bücher.example/", "https://xn--bcher-kva.example/"),
    ("https://ＥＸＡＭＰＬＥ.com/", "https://example.com/"),  # mapped (UTS 46) as browsers do
    ("https://example.com./x", "https://example.com/x"),
    ("http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ("  https://example.com/padded  ", "https://example.com/padded"),
])
def test_equivalent_spellings_become_one(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_tracking_parameters_go_and_the_rest_keep_their_order() -> None:
    url = ("https://example.com/story?utm_source=tw&page=2&UTM_Medium=social&fbclid=abc"
           "&b=1&gclid=x&a=&mc_cid=1&mc_eid=2&igshid=3&ref_src=4&_ga=5&yclid=6&msclkid=7")
    assert normalize_url(url) == "https://example.com/story?page=2&b=1&a="


def test_a_query_of_tracking_parameters_only_disappears() -> None:
    assert normalize_url("https://example.com/x?utm_source=a&&fbclid=b#top") == (
        "https://example.com/x")


@pytest.mark.parametrize(("link", "expected"), [
    ("../world/story", "https://news.example.com/world/story"),
    ("/politics/", "https://news.example.com/politics/"),
    ("//cdn.example.com/a", "https://cdn.example.com/a"),
    ("?page=2", "https://news.example.com/section/index.html?page=2"),
    ("#top", "https://news.example.com/section/index.html"),
    ("http://other.example.org", "http://other.example.org/"),
])
def test_relative_links_resolve_against_the_base(link: str, expected: str) -> None:
    base = "https://news.example.com/section/index.html#x"
    assert normalize_url(link, base) == expected


@pytest.mark.parametrize("url", ["ftp://example.com/", "mailto:a@example.com", "javascript:x()",
                                 "/relative/only", "http://", "https://example.com:99999/",
                                 "data:text/html,hi", "https://xn--/"])
def test_anything_but_absolute_http_is_invalid(url: str) -> None:
    with pytest.raises(InvalidURL):
        normalize_url(url)


@pytest.mark.parametrize("link", [
    "http://[::1/2026/12/01/story-two-long-slug.html",  # an unclosed IPv6 bracket
    "//[::1/2026/12/01/story-two-long-slug.html",
    "https://xn--/2026/12/01/story-two-long-slug.html",  # an A-label with nothing in it
    "https://xn--n3h.example/",  # an A-label IDNA 2008 disallows: httpx cannot send it
    "/2026/12/01/caf\udcff-story",  # a lone surrogate: bytes that were not UTF-8
])
def test_a_malformed_link_is_invalid_not_a_crash(link: str) -> None:
    with pytest.raises(InvalidURL):
        normalize_url(link, "https://news.example.com/world/")


def test_host_of() -> None:
    assert host_of("https://WWW.Bücher.example:8080/x") == "www.xn--bcher-kva.example"
    with pytest.raises(InvalidURL):
        host_of("/no/host")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("https://www.example.com/a", "https://example.com/b", True),
    ("https://news.example.com/", "http://m.example.com:8080/", True),
    ("https://example.com/", "https://example.org/", False),
    ("https://www.bbc.co.uk/news", "https://news.bbc.co.uk/x", True),
    ("https://www.bbc.co.uk/news", "https://www.itv.co.uk/news", False),
    ("https://www.abc.net.au/", "https://www.smh.com.au/", False),
    ("https://a.example.de/", "https://b.example.de/", True),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/b", True),
    ("http://127.0.0.1/a", "http://127.0.0.2/b", False),
    ("https://example.com/", "not a url", False),
])
def test_same_site(a: str, b: str, same: bool) -> None:
    assert same_site(a, b) is same


def test_site_of_keeps_a_country_second_level() -> None:
    assert site_of("https://www.theguardian.co.uk/x") == "theguardian.co.uk"
    assert site_of("https://edition.cnn.com/x") == "cnn.com"


# Generated URLs: awkward hosts, paths, queries and fragments.
_label = st.from_regex(r"[a-zA-Z0-9]([a-zA-Z0-9-]{0,8}[a-zA-Z0-9])?", fullmatch=True)
_host = st.lists(_label, min_size=1, max_size=4).map(".".join) | st.sampled_from(
    ["bücher.de", "EXAMPLE.com", "127.0.0.1", "[::1]", "例え.jp"])
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
_param = st.sampled_from([*sorted(TRACKING_PARAMETERS), "utm_campaign", "id", "page", "q", "é"])
_query = st.lists(st.tuples(_param, _text), max_size=5).map(
    lambda pairs: "&".join(f"{name}={value}" for name, value in pairs))


def accepted_by_httpx(url: str) -> bool:
    try:
        httpx.URL(url)
    except httpx.InvalidURL:
        return False
    return True


@given(scheme=st.sampled_from(["http", "HTTPS"]), host=_host,
       port=st.sampled_from(["", ":80", ":443", ":8080"]),
       path=st.lists(_text, max_size=4).map("/".join), query=_query, fragment=_text)
def test_normalising_is_stable_and_strips_what_it_should(scheme: str, host: str, port: str,
                                                         path: str, query: str,
                                                         fragment: str) -> None:
    url = f"{scheme}://{host}{port}/{path}?{query}#{fragment}"
    if not accepted_by_httpx(f"http://{host}/"):  # "0.0.0.00": not a host anywhere
        with pytest.raises(InvalidURL):
            normalize_url(url)
        return
    once = normalize_url(url)
    assert normalize_url(once) == once
    parts = urlsplit(once)
    assert parts.scheme in ("http", "https") and parts.hostname and not parts.fragment
    assert once.isascii()
    names = {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
    assert not names & TRACKING_PARAMETERS
    assert not any(name.startswith("utm_") for name in names)
    assert httpx.URL(once).host  # httpx accepts what we produce
