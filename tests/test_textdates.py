"""cleaners.textdates: dates written in a page's text, read without dateparser."""

from __future__ import annotations

import pytest

from cleaners.dates import date_in_url
from cleaners.textdates import MAX_PAGE_CHARS, date_in_text


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Published May 31, 2024 at 10:30 a.m. EDT", "2024-05-31"),
        ("Updated: Sept. 3rd 2021", "2021-09-03"),
        ("Veröffentlicht am 31. Mai 2024, 14:05 Uhr", "2024-05-31"),
        ("Publié le 3 mars 2023 à 08h00", "2023-03-03"),
        ("31 de mayo de 2024", "2024-05-31"),
        ("Pubblicato il 14 gennaio 2020", "2020-01-14"),
        ("3 listopada 2020", "2020-11-03"),  # Polish: November (Croatian would say October)
        ("31 мая 2024 г.", "2024-05-31"),
        ("12 Ιουνίου 2019", "2019-06-12"),
        ("31.05.2024 | Pressemitteilung", "2024-05-31"),
        ("27.1.2022 - Bei der Erinnerung an die Opfer", "2022-01-27"),
        ("2024/05/31 10:00", "2024-05-31"),
        ("2024年5月31日 18時25分", "2024-05-31"),
        ("2024년 5월 31일", "2024-05-31"),
    ],
)
def test_a_date_line_in_many_languages_and_forms(line: str, day: str) -> None:
    assert date_in_text(f"<html><body><h1>Title</h1><p>{line}</p></body></html>") == day


@pytest.mark.parametrize(
    "line",
    ["Call 0800 123 4567", "31.02.2024", "May 31, 1950", "Version 2.10.3",
     "in 2024 and 2025", "May be 31 or 2024"],
)
def test_no_date_where_there_is_none(line: str) -> None:
    assert date_in_text(f"<p>{line}</p>") is None


def test_the_date_nearest_the_heading_wins_over_the_header_and_the_lists() -> None:
    page = ("<header><div>Heute ist der 1. Juni 2024</div></header>"
            "<nav><a>Archiv: 28.02.2017</a></nav>"
            "<p class=category>24. April 2020 | Pressemitteilungen</p>"
            "<h1>Titel</h1><p>Text ohne Datum.</p>"
            "<aside><li>Älter: 3. März 2019</li></aside>")
    assert date_in_text(page) == "2020-04-24"
    after = page.replace("<p>Text ohne Datum.</p>", "<p>Von Jane Doe, 25. April 2020</p>")
    assert date_in_text(after) == "2020-04-25"  # after the title rather than before it


def test_a_long_paragraph_is_read_only_at_its_start() -> None:
    opening = "<h1>T</h1><p>01.02.2022 Der Arbeitsmarkt " + "erholt sich. " * 20 + "</p>"
    assert date_in_text(opening) == "2022-02-01"
    inside = "<h1>T</h1><p>" + "Der Arbeitsmarkt erholt sich. " * 20 + "seit 01.02.2020</p>"
    assert date_in_text(inside) is None


def test_scripts_styles_and_comments_are_not_text() -> None:
    page = ("<h1>T</h1><script>var d = 'May 31, 2024';</script><style>/* 1.1.2020 */</style>"
            "<!-- 2 June 2021 --><p>Nothing dated here.</p>")
    assert date_in_text(page) is None


def test_reading_is_bounded() -> None:
    late = "<h1>T</h1>" + "<p>filler</p>" * (MAX_PAGE_CHARS // 13) + "<p>May 31, 2024</p>"
    assert len(late) > MAX_PAGE_CHARS
    assert date_in_text(late) is None


def test_a_date_split_by_inline_markup_is_one_line() -> None:
    assert date_in_text("<h1>T</h1><p><b>May</b> <span>31</span>, 2024</p>") == "2024-05-31"


@pytest.mark.parametrize(
    ("url", "day"),
    [("https://www.ex.se/20200428/a-story", "2020-04-28"),
     ("https://ex.de/meldungen/29-10-2021", "2021-10-29"),
     ("https://ex.jp/news/20190619_k1001.html", "2019-06-19"),
     ("https://ex.com/story/12345678/a", None),  # not a day
     ("https://ex.com/story/20241399/a", None),
     ("https://ex.com/a?from=20200428", None),  # a query is not the article's address
     ("https://ex.de/2023/10/3-fragen-an-sie/", None),  # a slug's number, not a day
     ("https://ex.com/2023/10/3/story", "2023-10-03"),
     ("https://ex.com/2023/10/03/3-things", "2023-10-03")],
)
def test_days_written_in_a_url(url: str, day: str | None) -> None:
    assert date_in_url(url) == day
