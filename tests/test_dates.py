"""cleaners.dates: reading declared dates, and reconciling the page's sources."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from cleaners.dates import copyright_year, date_in_url, normalize_date, reconcile

FETCHED = datetime(2024, 6, 10, 12, 0, tzinfo=UTC)
ARTICLE = "<html><body><article><h1>Bridge vote</h1><p>{}</p></article>{}</body></html>"


def page(text: str = "The council met.", footer: str = "") -> str:
    return ARTICLE.format(text, footer)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-31T09:15:00Z", "2024-05-31T09:15:00+00:00"),
        ("2024-05-31T09:15:00.000+0200", "2024-05-31T09:15:00+02:00"),  # time and zone kept
        ("2024-05-31 08:00:00", "2024-05-31T08:00:00"),  # no zone: none invented
        ("2024-05-31", "2024-05-31"),
        ("Fri, 31 May 2024 10:00:00 GMT", "2024-05-31T10:00:00+00:00"),
        ("July 31, 2012, 2:30 pm", "2012-07-31"),  # not e-mail style: not 02:30
        ("2024-05-31 10:00 IST", "2024-05-31"),  # not ISO 8601 whole: the day
        ("2024-05-31T10:00:00+23:00", "2024-05-31T10:00:00"),  # no zone has that offset
        ("Veröffentlicht am 31. Mai 2024", "2024-05-31"),
        ("1850-01-01", None),
        ("2024-02-30", None),
        ("", None),
    ],
)
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.text(max_size=60),
    st.from_regex(r"\d{1,4}[-/. ]\w{1,9}[-/. ,]+\d{1,4}(T| )?\d{0,2}:?\d{0,2} ?\w{0,4}"),
))
def test_normalize_date_gives_iso_or_none(value: str) -> None:
    normalized = normalize_date(value)
    assert normalized is None or re.fullmatch(
        r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?", normalized)


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://ex.com/2024/05/31/a", "2024-05-31"), ("https://ex.com/2024_5_3.html",
                                                    "2024-05-03"),
     ("https://ex.com/2024/02/30/a", None), ("https://ex.com/12024/05/31", None), (None, None)],
)
def test_date_in_url(url: str | None, expected: str | None) -> None:
    assert date_in_url(url) == expected


def test_copyright_year_is_the_last_notice() -> None:
    assert copyright_year("<p>© 2009 Old</p><footer>Copyright 2012-2024 Ex</footer>") == 2024
    assert copyright_year("<p>no notice</p>") is None


def settle(published: list[tuple[str | None, str]], modified: list[tuple[str | None, str]]
           | None = None, *, url: str | None = None, html: str | None = None):
    asked: list[bool] = []

    def page_html() -> str:
        asked.append(True)
        return html if html is not None else page()

    decision = reconcile(published, modified or [], url=url, html=page_html,
                         fetched_at=FETCHED)
    return decision, bool(asked)


def test_agreeing_structured_dates_win_without_searching_the_page() -> None:
    decision, searched = settle([("2024-05-31", "json-ld"), ("2024-05-31T09:15:00", "meta"),
                                 ("2024-05-31T09:15:00+02:00", "time")])
    assert (decision.published, decision.published_from) == ("2024-05-31T09:15:00+02:00",
                                                              "json-ld")
    assert not searched
    assert [c.verdict for c in decision.candidates if c.source == "json-ld"] == ["chosen"]


def test_a_date_after_the_fetch_is_dropped() -> None:
    decision, _ = settle([("2024-07-01T00:00:00Z", "json-ld"), ("2024-05-31", "meta")])
    assert (decision.published, decision.published_from) == ("2024-05-31", "meta")
    assert decision.candidates[0].verdict == "after the fetch"


def test_a_date_later_than_the_modified_one_is_checked_against_the_page() -> None:
    text = "Published on May 20, 2024. The council met."
    decision, searched = settle([("2024-06-01", "json-ld"), ("2024-05-20", "time")],
                                [("2024-05-21", "json-ld")], html=page(text))
    assert searched
    assert (decision.published, decision.published_from) == ("2024-05-20", "time")
    assert decision.modified == "2024-05-21"
    assert "later than the modified date" in [c.verdict for c in decision.candidates]


def test_a_post_scheduled_after_its_last_edit_keeps_its_date() -> None:
    """Published two days after its last edit, with no date in the page to agree or
    disagree: the page's other dates (a sidebar's, an archive's) do not overrule it."""
    archive = "<aside>Archive: 3 April 2023</aside>"
    decision, searched = settle([("2024-06-01T09:00:00", "meta")], [("2024-05-30", "meta")],
                                html=page("The council met.", archive))
    assert searched
    assert (decision.published, decision.published_from) == ("2024-06-01T09:00:00", "meta")
    assert decision.reason.startswith("the first structured date, though later than")
    assert [c.verdict for c in decision.candidates if c.source == "text"] == [""]


def test_the_copyright_year_is_no_publication_day() -> None:
    html = page("Published on May 20, 2024.", "<footer>© 2024 Example Times</footer>")
    decision, _ = settle([("2024-01-01", "meta")], html=html)
    assert (decision.published, decision.published_from) == ("2024-05-20", "text")
    assert decision.candidates[0].verdict == "the copyright year"


def test_a_date_in_utc_is_read_in_the_page_s_own_zone() -> None:
    decision, _ = settle([("2023-11-09T06:35:29Z", "json-ld"),
                          ("2023-11-08T23:05:04-08:00", "time")])
    assert decision.published == "2023-11-08T22:35:29-08:00"
    assert decision.published_from == "json-ld"


def test_structured_dates_that_disagree_are_settled_by_the_page_search() -> None:
    decision, searched = settle([("2020-01-03", "json-ld"), ("2020-01-06", "meta")],
                                html=page("Published on January 6, 2020."))
    assert searched
    assert (decision.published, decision.published_from) == ("2020-01-06", "meta")


def test_the_url_with_the_page_search_beats_a_structured_day() -> None:
    decision, _ = settle([("2020-02-25T02:25:54Z", "json-ld")],
                         url="https://ex.com/2020/02/24/story",
                         html=page("Posted February 24, 2020"))
    assert (decision.published, decision.published_from) == ("2020-02-24", "url")


def test_without_any_date_nothing_is_guessed() -> None:
    decision, _ = settle([(None, "json-ld"), ("not a date", "meta")])
    assert (decision.published, decision.published_from) == (None, None)
    assert decision.reason == "no source gives a date"


def test_a_page_that_reads_as_an_address_is_never_fetched(httpserver: HTTPServer) -> None:
    """htmldate downloads a string that looks like a URL; the page search must not."""
    httpserver.expect_request("/story").respond_with_data(
        "<html><body><p>Published May 31, 2024</p></body></html>", content_type="text/html")
    decision, searched = settle([], html=httpserver.url_for("/story"))
    assert searched
    assert decision.published is None
    assert not httpserver.log


@pytest.mark.parametrize(
    ("markup", "url", "day", "how"),
    [
        # a full date of that month and day elsewhere in the page gives the year
        ('<body id="news20190624_k1">', None, "2019-06-24", "a full date in the markup"),
        ("<body>", "https://ex.jp/news/2019/story.html", "2019-06-24", "the URL"),
        # a page saved in 2021 and read now: its notice says when it was made
        ("<body><footer>© 2021 Ex</footer>", None, "2021-06-24", "the copyright notice"),
        # a notice of this year would put the day after the fetch: the year before
        ("<body><footer>© 2024 Ex</footer>", None, "2023-06-24", "up to the fetch"),
        # else the last 24 June up to the fetch (10 June 2024): a year before
        ("<body>", None, "2023-06-24", "the last such day up to the fetch"),
    ],
)
def test_a_date_written_without_its_year_gets_one(markup: str, url: str | None, day: str,
                                                   how: str) -> None:
    html = f"<html>{markup}<h1>T</h1><p>[06月24日 11時30分]</p><p>Text.</p></body></html>"
    decision, _ = settle([], url=url, html=html)
    assert (decision.published, decision.published_from) == (day, "text")
    assert how in decision.reason


def test_a_29_february_without_its_year_is_dated_in_a_leap_year() -> None:
    decision, _ = settle([], html="<h1>T</h1><p>Posted February 29</p><p>Text.</p>")
    assert decision.published == "2024-02-29"
