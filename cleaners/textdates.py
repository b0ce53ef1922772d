"""Dates written in a page's visible text: "Published May 31, 2024", "31. Mai 2024",
"31 de mayo de 2024", "31.05.2024", "2024年5月31日".

The last resort of ``cleaners.dates`` when no structured date can be trusted. It
reads the page's text lines in document order and takes the date nearest the
page's first ``<h1>`` (after it rather than before it): a byline or dateline sits by the
title, while the header far above it is where sites print today's date, and the
lists far below it hold other articles' dates. A page without a heading gives its
first date.

It replaces htmldate's extensive search, which hands every date-like line to
dateparser: dateparser first tries each of its 200 locales on the line, which
took 87 % of the cleaning time of pages without a structured date. Here the
month names come from dateparser's own locale data, loaded once for the
``MONTH_LANGUAGES`` below, and every line is read by one regular expression.

Reading is bounded: the first ``MAX_PAGE_CHARS`` of the page, and the first
``MAX_LINE_CHARS`` of each line (a paragraph may open with its date).
"""

from __future__ import annotations

import importlib
import re
from datetime import date
from functools import cache
from html import unescape

MONTH_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk",
    "hu", "ro", "sl", "ca", "tr", "id", "ru", "uk", "bg", "el", "lt", "lv", "et", "hr",
    "ar", "fa", "he",
)
"""Languages whose month names are read, in order of precedence: where one word names
different months in two languages (Polish and Croatian "listopad"), the first wins."""
MAX_PAGE_CHARS = 300_000
MAX_LINE_CHARS = 120
EARLIEST_YEAR = 1995

_HIDDEN = re.compile(
    r"<(script|style|noscript|template|svg|select|head)\b.*?</\1\s*>|<!--.*?-->",
    re.DOTALL | re.IGNORECASE)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|h[1-6]|br|tr|td|th|table|article|section|header|footer|aside|"
    r"nav|main|figure|figcaption|blockquote|dd|dt|dl|form|button|option|hr)\b[^>]*>",
    re.IGNORECASE)
_H1 = re.compile(r"<h1\b", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_LINE_BREAK = "\n"
_H1_MARK = "\x00"
_SPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\s*\n\s*")
_LINE_WITH_DIGIT = re.compile(rf"^[^\n\d{_H1_MARK}]*[\d{_H1_MARK}].*$", re.MULTILINE)
_ARTICLE = re.compile(r"^(?:de |d')")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A month written as a word is any word here, looked up in the month names after the
# match: one alternation of 750 names made every line ten times slower to read.
_DATE = re.compile("|".join((
    # 2024-05-31, 2024/05/31, 2024.05.31
    r"(?<![\d.])(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>[01]?\d)[-/.](?P<d1>[0-3]?\d)(?!\d)",
    # 31.05.2024: day first wherever dots separate
    r"(?<![\d.])(?P<d2>[0-3]?\d)\.\s?(?P<m2>[01]?\d)\.\s?(?P<y2>(?:19|20)\d\d)(?!\d)",
    # 2024年5月31日 (Chinese, Japanese), 2024년 5월 31일 (Korean)
    r"(?P<y3>(?:19|20)\d\d)\s*[年년]\s*(?P<m3>[01]?\d)\s*[月월]\s*(?P<d3>[0-3]?\d)\s*[日일]",
    # 31 May 2024, 31. Mai 2024, 31 de mayo de 2024, 31 мая 2024 г.
    r"(?<!\d)(?P<d4>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|d['’]|of\s+)?"
    r"(?P<m4>[^\W\d_]{3,})\.?,?\s*(?:de\s+)?(?P<y4>(?:19|20)\d\d)(?!\d)",
    # May 31, 2024 and May 31st 2024
    r"(?<!\w)(?P<m5>[^\W\d_]{3,})\.?\s+(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*"
    r"(?P<y5>(?:19|20)\d\d)(?!\d)",
)))


def date_in_text(page: str) -> str | None:
    """The ISO day of the date line nearest the page's first ``<h1>`` (the first date
    line of the page when it has no heading), or None."""
    lines = _numbered_lines(page)
    heading = next((number for number, line in lines if line == _H1_MARK), -1)

    def distance(item: tuple[int, str]) -> int:
        """Lines between a line and the heading (whose title is the line after the mark);
        at the same distance a line after the title wins: bylines follow titles."""
        number = item[0]
        return (number - heading - 2) * 2 if number > heading else (heading - number - 1) * 2 + 1

    for _, line in sorted(lines, key=distance):
        day = _read_date(line)
        if day:
            return day
    return None


def _numbered_lines(page: str) -> list[tuple[int, str]]:
    """The page's text lines that hold a digit, by their number among the lines that
    hold any text (a block of the page is a line), with a mark line where the first
    heading begins."""
    body = page[:MAX_PAGE_CHARS]
    body = _HIDDEN.sub(" ", body)
    body = _H1.sub(f"{_LINE_BREAK}{_H1_MARK}{_LINE_BREAK}<h1", body, count=1)
    text = _BLANK_LINES.sub(_LINE_BREAK, unescape(_TAG.sub(" ", _BLOCK_TAG.sub(_LINE_BREAK, body))))
    lines = []
    number, counted_to = 0, 0
    for found in _LINE_WITH_DIGIT.finditer(text):
        number += text.count(_LINE_BREAK, counted_to, found.start())
        counted_to = found.start()
        line = _SPACE.sub(" ", found.group()).strip()
        if line == _H1_MARK or len(line) >= 6:
            lines.append((number, line[:MAX_LINE_CHARS]))
    return lines


def _read_date(line: str) -> str | None:
    if not _YEAR.search(line):
        return None  # most lines with digits are prices, counts and times
    for match in _DATE.finditer(line):
        # each form names its groups y<n>, m<n>, d<n>: only one form's are set
        parts = {name[0]: value for name, value in match.groupdict().items() if value}
        month = parts["m"]
        number = int(month) if month.isdigit() else _month_numbers().get(
            month.casefold(), 0)
        try:
            day = date(int(parts["y"]), number, int(parts["d"]))
        except ValueError:
            continue
        if day.year >= EARLIEST_YEAR:
            return day.isoformat()
    return None


@cache
def _month_numbers() -> dict[str, int]:
    """Month name (casefolded, as one word) -> 1..12, in ``MONTH_LANGUAGES``."""
    names = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")
    numbers: dict[str, int] = {}
    for language in MONTH_LANGUAGES:
        data = importlib.import_module(
            f"dateparser.data.date_translation_data.{language}").info
        for number, name in enumerate(names, start=1):
            for written in data.get(name, ()):
                # as a word of the text: Catalan's "de gener" is "gener" after "de"
                word = _ARTICLE.sub("", written.casefold().rstrip(".׳"))
                if len(word) >= 3 and word.isalpha():
                    numbers.setdefault(word, number)
    return numbers
