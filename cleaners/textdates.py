"""Dates written in a page's visible text: "Published May 31, 2024", "31. Mai 2024",
"31 de mayo de 2024", "31.05.2024", "2024年5月31日", and short years ("28.09.19").

The last resort of ``cleaners.dates`` when no structured date can be trusted. It
reads the page's text lines in document order and takes the date nearest the
page's first ``<h1>`` (after it rather than before it): a byline or dateline sits by the
title, while the header far above it is where sites print today's date, and the
lists far below it hold other articles' dates. A page without a heading gives its
first date. A date with a two-digit year ("28.09.19", "14 Gennaio 20") is taken only
when no line of the page holds a date with four: "May 31, 20" may be a count.

It replaces htmldate's extensive search, which hands every date-like line to
dateparser: dateparser first tries each of its 200 locales on the line, which
took 87 % of the cleaning time of pages without a structured date. Here the
month names come from dateparser's own locale data, loaded once for the
``MONTH_LANGUAGES`` below, and every line is read by one regular expression.

Reading is bounded and starts where the date is: the page around its heading, at
most ``MAX_REACH`` characters on either side (menus of half a million characters
come before some titles), widened in ``REACHES`` steps only while a date nearer
the heading could lie outside what was read; and the first ``MAX_LINE_CHARS`` of
each line (a paragraph may open with its date).
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import cache
from html import unescape
from pathlib import Path
from typing import Any

MONTH_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "sk",
    "hu", "ro", "sl", "ca", "tr", "id", "ru", "uk", "bg", "el", "lt", "lv", "et", "hr",
    "ar", "fa", "he",
)
"""Languages whose month names are read, in order of precedence: where one word names
different months in two languages (Polish and Croatian "listopad"), the first wins."""
MAX_HEADING_AT = 1_000_000
"""Where the first heading is looked for: after this many characters the page is
read from its start."""
REACHES = (6_000, 40_000, 150_000)
"""Characters read on either side of the heading, widening: most datelines are
within the first, and a page without a date is read to the last."""
MAX_REACH = REACHES[-1]
_FAR = 1 << 62
MAX_LINE_CHARS = 120
EARLIEST_YEAR = 1995

HIDDEN_ELEMENTS = ("script", "style", "noscript", "template", "svg", "select", "head")
"""Elements whose text is not the page's text."""
# Tag names are matched as HTML matches them, ignoring ASCII case only: Unicode case
# folding (re's default) read every tag a third slower.
_TAG_NAME_FLAGS = re.IGNORECASE | re.ASCII
BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th",
    "table", "article", "section", "header", "footer", "aside", "nav", "main", "figure",
    "figcaption", "blockquote", "dd", "dt", "dl", "form", "button", "option", "hr",
)
"""Tags that end a line of text."""


def _by_first_letter(names: tuple[str, ...]) -> str:
    """An alternation of ``names`` grouped by their first letter ("d(?:iv|d|t|l)"): re
    tries alternatives in turn, and at every "<" of a page one flat alternation of
    thirty names took 1.4 times as long."""
    rests: dict[str, list[str]] = {}
    for name in names:
        rests.setdefault(name[0], []).append(re.escape(name[1:]))
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in rests.items())


_BLOCK_TAG = re.compile(rf"</?(?:{_by_first_letter(BLOCK_TAGS)})\b[^>]*>", _TAG_NAME_FLAGS)
# Where a hidden element or comment opens; its end is found by a pattern of its own or
# str.find: one pattern reading each element whole (a lazy .*?) took 2.5 times as long.
_HIDDEN_START = re.compile(rf"<(/?)({_by_first_letter(HIDDEN_ELEMENTS)})\b|<!--", _TAG_NAME_FLAGS)
_HIDDEN_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in HIDDEN_ELEMENTS}
_COMMENT_END = "-->"
_H1 = re.compile(r"<h1\b", _TAG_NAME_FLAGS)
_TAG = re.compile(r"<[^>]*>")
_LINE_BREAK = "\n"
_H1_MARK = "\x00"
# a line break and the blank lines after it (a line's trailing space stays: lines are
# stripped when read; a leading \s* made this ten times slower)
_BLANK_LINES = re.compile(r"\n\s*")
# A line holding a digit is found from its digit: a pattern anchored at line starts
# (^...$, MULTILINE) is tried at every position of the text, and took twice as long.
_DIGIT_OR_MARK = re.compile(rf"[\d{_H1_MARK}]")
_ARTICLE = re.compile(r"^(?:de |d')")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A two-digit year, where a form allows one: not a time ("May 31, 20:15") nor part of a
# version ("2.10.19.3").
_SHORT_YEAR = r"\d\d(?![\d:]|\.\d)"
# A month written as a word is any word here, looked up in the month names after the
# match: one alternation of 750 names made every line ten times slower to read.
_DATE = re.compile("|".join((
    # 2024-05-31, 2024/05/31, 2024.05.31
    r"(?<![\d.])(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>[01]?\d)[-/.](?P<d1>[0-3]?\d)(?!\d)",
    # 31.05.2024, 28.09.19, 26 | 01 | 2022: day first wherever dots or bars separate
    r"(?<![\d.])(?P<d2>[0-3]?\d)(?:\.\s?|\s?\|\s?)(?P<m2>[01]?\d)(?:\.\s?|\s?\|\s?)"
    rf"(?P<y2>(?:19|20)\d\d(?!\d)|{_SHORT_YEAR})",
    # 2024年5月31日 (Chinese, Japanese), 2024년 5월 31일 (Korean)
    r"(?P<y3>(?:19|20)\d\d)\s*[年년]\s*(?P<m3>[01]?\d)\s*[月월]\s*(?P<d3>[0-3]?\d)\s*[日일]",
    # 31 May 2024, 31. Mai 2024, 31 de mayo de 2024, 31 мая 2024 г., 14 Gennaio 20
    r"(?<!\d)(?P<d4>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|d['’]|of\s+)?"
    rf"(?P<m4>[^\W\d_]{{3,}})\.?,?\s*(?:de\s+)?(?P<y4>(?:19|20)\d\d(?!\d)|{_SHORT_YEAR})",
    # May 31, 2024 and May 31st 2024
    r"(?<!\w)(?P<m5>[^\W\d_]{3,})\.?\s+(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*"
    r"(?P<y5>(?:19|20)\d\d)(?!\d)",
)))

# The same forms without a year, read only where no date with one is found.
_MONTH_AND_DAY = re.compile("|".join((
    # 06月24日, 6월 24일
    r"(?<![\d年년])(?P<m1>[01]?\d)\s*[月월]\s*(?P<d1>[0-3]?\d)\s*[日일]",
    # 24 June, 24. Juni, 24 de junio
    r"(?<![\d.])(?P<d2>[0-3]?\d)(?:\.|st|nd|rd|th|er|º)?\s*(?:de\s+|d['’]|of\s+)?"
    r"(?P<m2>[^\W\d_]{3,})(?!\w)",
    # June 24, June 24th
    r"(?<!\w)(?P<m3>[^\W\d_]{3,})\.?\s+(?P<d3>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])",
)))


def date_in_text(page: str) -> str | None:
    """The ISO day of the date line nearest the page's first ``<h1>`` (the first date
    line of the page when it has no heading), or None."""
    hidden = _Hidden(page)
    heading = _first_heading(page, hidden)
    lines: list[str] = []
    for reach in REACHES:
        lines, certain, whole = _lines_near(page, hidden, heading, reach)
        day = _first_date(lines if whole or reach == MAX_REACH else lines[:certain],
                          short_years=False)
        if day:
            return day
        if whole:
            break
    # a two-digit year is taken only when the page, read to its bound, has no other date
    return _first_date(lines, short_years=True)


def month_and_day_in_text(page: str) -> tuple[int, int] | None:
    """The month and day of the date written without a year ("[06月24日 11時30分]",
    "24. Juni", "June 24") nearest the page's first ``<h1>``, within ``REACHES[0]`` of
    it: where a dateline sits. Sites that print the year only for older pieces write
    this; ``date_in_text`` finds nothing on such a page, and the caller finds the year."""
    hidden = _Hidden(page)
    lines, _, _ = _lines_near(page, hidden, _first_heading(page, hidden), REACHES[0])
    return next((found for line in lines if (found := _read_month_and_day(line))), None)


def _lines_near(page: str, hidden: _Hidden, heading: int | None, reach: int
                ) -> tuple[list[str], int, bool]:
    """The lines read within ``reach`` of the heading (``_lines_by_distance``), and
    whether that read the whole page."""
    centre = heading if heading is not None else 0
    start = _bound(page, hidden, centre - reach) if centre > reach else 0
    end = _bound(page, hidden, centre + reach)
    lines, certain = _lines_by_distance(
        hidden.visible(start, centre) if heading is not None else None,
        hidden.visible(centre, end), before_cut=start > 0, after_cut=end < len(page))
    return lines, certain, start == 0 and end == len(page)


class _Hidden:
    """Where a page's scripts, styles and comments lie, found from the page's start as
    far as asked (a read that starts or ends inside one must know it is inside)."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.spans: list[tuple[int, int]] = []
        self.scanned = 0

    def end_of(self, position: int) -> int:
        """The end of the hidden span ``position`` falls in, or ``position``."""
        self._scan(position + 1)
        index = bisect_right(self.spans, (position, len(self.page))) - 1
        return max(position, self.spans[index][1]) if index >= 0 else position

    def visible(self, start: int, end: int) -> str:
        """The page from ``start`` to ``end`` (both outside hidden spans), each hidden
        span a space."""
        self._scan(end)
        pieces: list[str] = []
        for span_start, span_end in self.spans[bisect_left(self.spans, (start, 0)):]:
            if span_start >= end:
                break
            pieces += (self.page[start:span_start], " ")
            start = span_end
        pieces.append(self.page[start:end])
        return "".join(pieces)

    def _scan(self, position: int) -> None:
        while self.scanned < position:
            opening = _HIDDEN_START.search(self.page, self.scanned)
            if opening is None:
                self.scanned = len(self.page)
                return
            self.scanned = opening.end()
            if opening[1]:
                continue  # a closing tag without its opening is markup
            if opening[2]:
                closing = _HIDDEN_END[opening[2].lower()].search(self.page, opening.end())
                end = closing.end() if closing else -1
            else:
                end = self.page.find(_COMMENT_END, opening.end())
                end = end + len(_COMMENT_END) if end >= 0 else -1
            if end >= 0:  # one that never closes is text
                self.spans.append((opening.start(), end))
                self.scanned = end


def _first_heading(page: str, hidden: _Hidden) -> int | None:
    """Where the first ``<h1>`` outside scripts and comments opens."""
    return next((match.start() for match in _H1.finditer(page, 0, MAX_HEADING_AT)
                 if hidden.end_of(match.start()) == match.start()), None)


def _bound(page: str, hidden: _Hidden, position: int) -> int:
    """A bound of a read near ``position``: outside any script, style or comment, at
    the start of a tag (not inside one)."""
    tag = page.find("<", hidden.end_of(position))
    return tag if tag >= 0 else len(page)


def _lines_by_distance(before: str | None, after: str, *, before_cut: bool, after_cut: bool
                       ) -> tuple[list[str], int]:
    """The lines that hold a digit of the text read ``before`` and ``after`` the
    heading, nearest it first, and how many of them are certainly nearer than any line
    beyond what was read (its first and last
    lines may be cut by the bound of the read: what lies beyond is no nearer).
    A line after the title wins over one before it at the same distance: bylines
    follow titles."""
    lines, heading, last = _numbered_lines(before, after)

    def distance(number: int) -> int:
        """Lines between a line and the heading (whose title is the line after the mark)."""
        return (number - heading - 2) * 2 if number > heading else (heading - number - 1) * 2 + 1

    edge = min(distance(0) if before_cut else _FAR, distance(last) if after_cut else _FAR)
    ordered = sorted(lines, key=lambda item: distance(item[0]))
    certain = next((index for index, (number, _) in enumerate(ordered)
                    if distance(number) >= edge), len(ordered))
    return [line for _, line in ordered], certain


def _first_date(lines: list[str], *, short_years: bool) -> str | None:
    for line in lines:
        # most lines with digits are prices, counts and times
        if short_years or _YEAR.search(line):
            day = _read_date(line, short_years=short_years)
            if day:
                return day
    return None


def _numbered_lines(before: str | None, after: str) -> tuple[list[tuple[int, str]], int, int]:
    """The text lines that hold a digit, by their number among the lines that hold any
    text, of the markup ``before`` and ``after`` the heading (``before`` is None on a
    page without one); the heading's number (-1 without one) and the number of the
    last line."""
    body = after if before is None else f"{before}{_LINE_BREAK}{_H1_MARK}{_LINE_BREAK}{after}"
    text = _BLANK_LINES.sub(_LINE_BREAK, unescape(_TAG.sub(" ", _BLOCK_TAG.sub(_LINE_BREAK, body))))
    lines = []
    heading = -1
    number, counted_to = 0, 0
    position = 0
    while (digit := _DIGIT_OR_MARK.search(text, position)) is not None:
        start = text.rfind(_LINE_BREAK, 0, digit.start()) + 1
        end = text.find(_LINE_BREAK, digit.start())
        position = end + 1 if end >= 0 else len(text)
        number += text.count(_LINE_BREAK, counted_to, start)
        counted_to = start
        line = " ".join(text[start:position].split())  # \s+ -> " " and strip(), faster
        if line == _H1_MARK:
            heading = number
        elif len(line) >= 6:
            lines.append((number, line[:MAX_LINE_CHARS]))
    return lines, heading, number + text.count(_LINE_BREAK, counted_to)


def _read_date(line: str, *, short_years: bool) -> str | None:
    """The first date of a line; with ``short_years``, years of two digits too."""
    for match in _DATE.finditer(line):
        # each form names its groups y<n>, m<n>, d<n>: only one form's are set
        parts = {name[0]: value for name, value in match.groupdict().items() if value}
        month, year = parts["m"], parts["y"]
        if len(year) == 2 and not short_years:
            continue
        number = int(month) if month.isdigit() else _month_numbers().get(
            month.casefold(), 0)
        try:
            day = date(_full_year(year), number, int(parts["d"]))
        except ValueError:
            continue
        if day.year >= EARLIEST_YEAR:
            return day.isoformat()
    return None


def _read_month_and_day(line: str) -> tuple[int, int] | None:
    # matches may overlap: "Aktualisiert 24" is no date, "24. Juni" after it is
    match = _MONTH_AND_DAY.search(line)
    while match:
        parts = {name[0]: value for name, value in match.groupdict().items() if value}
        month = parts["m"]
        number = int(month) if month.isdigit() else _month_numbers().get(month.casefold(), 0)
        try:
            date(2000, number, int(parts["d"]))  # a leap year: 29 February is a day
            return number, int(parts["d"])
        except ValueError:
            match = _MONTH_AND_DAY.search(line, match.start() + 1)
    return None


def _full_year(year: str) -> int:
    """A two-digit year in this century, else the last (a page is older than today)."""
    if len(year) > 2:
        return int(year)
    this_century = 2000 + int(year)
    return this_century if this_century <= date.today().year else this_century - 100


@cache
def _month_numbers() -> dict[str, int]:
    """Month name (casefolded, as one word) -> 1..12, in ``MONTH_LANGUAGES``."""
    names = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")
    numbers: dict[str, int] = {}
    for language in MONTH_LANGUAGES:
        data = _locale_data(language)
        for number, name in enumerate(names, start=1):
            for written in data.get(name, ()):
                # as a word of the text: Catalan's "de gener" is "gener" after "de"
                word = _ARTICLE.sub("", written.casefold().rstrip(".׳"))
                if len(word) >= 3 and word.isalpha():
                    numbers.setdefault(word, number)
    return numbers


def _locale_data(language: str) -> dict[str, Any]:
    """dateparser's data for one language, read without importing dateparser itself:
    its ``__init__`` loads its parser (0.1 s of every process that reads a date from
    a page's text; these 31 files take 0.01 s)."""
    package = importlib.util.find_spec("dateparser")
    if package is None or not package.submodule_search_locations:
        raise ModuleNotFoundError("dateparser")
    path = Path(package.submodule_search_locations[0], "data", "date_translation_data",
                f"{language}.py")
    spec = importlib.util.spec_from_file_location(f"_dateparser_months_{language}", path)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"dateparser's data for {language!r}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    info: dict[str, Any] = module.info
    return info
