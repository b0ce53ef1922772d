"""cleaners.textdates: dates written in a page's text, read without dateparser."""

from __future__ import annotations

import pytest

from cleaners.dates import date_in_url
from cleaners.textdates import MAX_REACH, REACHES, date_in_text, month_and_day_in_text


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
        ("26 | 01 | 2022 Schweiz | Praxis", "2022-01-26"),
        ("Erstellt 28.09.19 12:44", "2019-09-28"),  # two-digit years
        ("( Pescasseroli, 14 Gennaio 20 )", "2020-01-14"),
        ("14 Mar 98", "1998-03-14"),
    ],
)
def test_a_date_line_in_many_languages_and_forms(line: str, day: str) -> None:
    assert date_in_text(f"<html><body><h1>Title</h1><p>{line}</p></body></html>") == day


@pytest.mark.parametrize(
    "line",
    ["Call 0800 123 4567", "31.02.2024", "May 31, 1950", "Version 2.10.3",
     "in 2024 and 2025", "May be 31 or 2024", "Version 12.04.15.2", "on 3 May 20:15"],
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


def test_a_two_digit_year_only_where_the_page_has_no_other_date() -> None:
    page = "<h1>T</h1><p>Posted 28.09.19 12:44</p><footer>{}</footer>"
    assert date_in_text(page.format("Letzte Änderung 3. Juli 2020")) == "2020-07-03"
    assert date_in_text(page.format("Impressum")) == "2019-09-28"


def test_a_long_paragraph_is_read_only_at_its_start() -> None:
    opening = "<h1>T</h1><p>01.02.2022 Der Arbeitsmarkt " + "erholt sich. " * 20 + "</p>"
    assert date_in_text(opening) == "2022-02-01"
    inside = "<h1>T</h1><p>" + "Der Arbeitsmarkt erholt sich. " * 20 + "seit 01.02.2020</p>"
    assert date_in_text(inside) is None


def test_scripts_styles_and_comments_are_not_text() -> None:
    page = ("<h1>T</h1><script>var d = 'May 31, 2024';</script><style>/* 1.1.2020 */</style>"
            "<!-- 2 June 2021 --><p>Nothing dated here.</p>")
    assert date_in_text(page) is None


def test_reading_is_bounded_around_the_heading() -> None:
    filler = "<p>filler</p>" * (MAX_REACH // 13)
    assert date_in_text("<h1>T</h1>" + filler + "<p>May 31, 2024</p>") is None
    assert date_in_text("<p>May 31, 2024</p>" + filler + "<h1>T</h1>") is None
    # a title after half a million characters of menus still has its dateline read
    menus = "<nav><a>Menu</a></nav>" * (4 * MAX_REACH // 22)
    assert date_in_text(menus + "<h1>T</h1><p>Von A. 4.&thinsp;2.&thinsp;2022</p>") == "2022-02-04"


def test_the_heading_and_the_bounds_of_a_read_are_never_inside_a_script() -> None:
    script = "<script>var h = '<h1>x</h1><p>1 May 2020</p>';</script>"
    assert date_in_text(script + "<h1>T</h1><p>2 June 2021</p>") == "2021-06-02"
    # a read that starts inside a long script skips to its end, never reading it as text
    long_script = "<script>" + "var x = '3 March 2019';" * (MAX_REACH // 20) + "</script>"
    assert date_in_text(long_script + "<h1>T</h1><p>No date.</p>") is None


def test_the_nearest_date_is_the_same_whatever_the_reads_widen_to() -> None:
    # one line before the title, wider than the first read; five short lines after it
    page = ("<p>1 May 2020</p><p>" + "words " * 2_000 + "</p><h1>T</h1>" + "<p>a</p>" * 5
            + "<p>2 June 2021</p>")
    assert date_in_text(page) == "2020-05-01"  # nearer by lines, though further in characters


def test_a_date_split_by_inline_markup_is_one_line() -> None:
    assert date_in_text("<h1>T</h1><p><b>May</b> <span>31</span>, 2024</p>") == "2024-05-31"


def test_tag_names_in_capitals_are_read_as_in_lower_case() -> None:
    # old pages write tags in capitals: the heading and the script are found
    page = ("<P>1 May 2020</P><P>Menu</P><H1>T</H1><SCRIPT>x = '2 June 2021'</SCRIPT>"
            "<DIV>More</DIV><DIV>3 March 2019</DIV>")
    assert date_in_text(page) == date_in_text(page.lower()) == "2019-03-03"
    # and the lines: the date two lines above the title is nearer than five below it
    lines = "<P>1 May 2020</P><P>a</P><H1>T</H1>" + "<DIV>x</DIV>" * 3 + "<DIV>3 March 2019</DIV>"
    assert date_in_text(lines) == date_in_text(lines.lower()) == "2020-05-01"


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


def test_a_read_that_ends_inside_the_head_never_reads_the_title() -> None:
    # a script inside the head comes before the head's end: the read must know that
    # where it ends is still inside the head
    head = ("<head><title>Roundup for October 19, 2012</title>"
            + '<meta name="keywords" content="scalability">' * 150
            + "<script>var a = 1;</script></head>")
    page = f"<html>{head}<body><p>Posted 26 October 2012</p></body></html>"
    assert date_in_text(page) == "2012-10-26"


@pytest.mark.parametrize(
    ("line", "month_and_day"),
    [("[06月24日 11時30分]", (6, 24)), ("6월 24일", (6, 24)),
     ("Aktualisiert 24. Juni, 11:30", (6, 24)), ("Posted June 24th at 9:00", (6, 24)),
     ("24 de junio", (6, 24)), ("Jan 04", (1, 4)),
     ("29 February", (2, 29)), ("on 3 May 20:15", (5, 3))],
)
def test_a_date_line_without_its_year(line: str, month_and_day: tuple[int, int]) -> None:
    page = f"<html><body><h1>Title</h1><p>{line}</p><p>Text.</p></body></html>"
    assert date_in_text(page) is None
    assert month_and_day_in_text(page) == month_and_day


@pytest.mark.parametrize("line", ["3 comments", "Call 0800 123", "31 February", "Page 2 of 5",
                                  "Chapter 3"])
def test_no_month_and_day_where_there_is_none(line: str) -> None:
    assert month_and_day_in_text(f"<h1>T</h1><p>{line}</p>") is None


def test_a_date_without_a_year_is_read_only_beside_the_heading() -> None:
    far = "<p>Words.</p>" * (REACHES[0] // 12 + 10)
    assert month_and_day_in_text(f"<h1>T</h1>{far}<p>24. Juni</p>") is None
    assert month_and_day_in_text(f"<h1>T</h1><p>24. Juni</p>{far}") == (6, 24)
