"""An article's publication and modification dates: read, checked and reconciled.

A page offers its dates in several places: structured data (JSON-LD, OpenGraph and
other ``<meta>`` tags, ``<time>``), its URL (``/2024/05/31/``) and its visible text.
``reconcile`` takes what ``cleaners.metadata`` read from the structured sources, in
order of trust, and keeps the first published date that is not suspicious:

- after the fetch (a page cannot be published after it was read);
- before ``EARLIEST``, or the first of January of the page's copyright year (what a
  template prints as a date when it knows none);
- later than the page's "modified" date;
- on a different day than the date in the URL.

A suspicious or missing date is settled by a search of the page: the date
written in its text nearest its title (``cleaners.textdates``), else htmldate's
quick search of the markup (meta tags, JSON, ``<time>``, timestamps), else a date by
the title written without its year ("06月24日"), given the year of a full date of that
day in the markup, of the URL, of the copyright notice or of the fetch; the page is read
only then. The search's day wins over a structured date it contradicts. Every
candidate is kept with its verdict, so ``crawl explain`` can show why one won.

Values are read without guessing: an ISO 8601 value keeps its time and zone; any
other form goes through htmldate's parser and gives a day.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from .textdates import date_in_text, month_and_day_in_text

if TYPE_CHECKING:
    from htmldate.utils import Extractor

# htmldate is imported where it is used: it takes half a second to import, which
# commands that never clean a page (search, query, a refused second run) need not pay.

EARLIEST = datetime(1995, 1, 1)
"""No news page is older than the web's first news sites."""
CLOCK_SKEW = timedelta(days=1)
"""A date this far past the fetch is still allowed: zones and servers' clocks differ."""
DAY = "%Y-%m-%d"
COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})",
                       re.I)
ISO_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")
# "Fri, 31 May 2024 10:00:00 GMT": the e-mail parser reads anything with a comma, and
# "July 31, 2012, 2:30 pm" as 02:30 (it knows no "pm")
RFC2822_START = re.compile(r"[^\W\d_]{3,9},\s*\d{1,2}\s+[^\W\d_]{3}")
# "/2023/10/3-fragen-an/": a slug that opens with a number after the year and month;
# dated paths write the day with two digits or end it with a slash.
SLUG_NUMBER = re.compile(r"(?:19|20)\d\d[/_-][01]?\d[/_-]\d[-_][^\W\d_]")
# Days htmldate does not read from a URL: a path segment written 20240531 or 31-05-2024.
URL_DAY = re.compile(r"(?<![^/_-])(?:(?P<y1>(?:19|20)\d\d)(?P<m1>[01]\d)(?P<d1>[0-3]\d)"
                     r"|(?P<d2>[0-3]\d)-(?P<m2>[01]\d)-(?P<y2>(?:19|20)\d\d))(?![^/_.-])")
# "/2019/" or "/2019/06/" in a URL's path: a year, with its month or not.
URL_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|$)")
MAX_SEARCH_CHARS = 500_000
"""A date is near the top of a page: 95% of the shared pages are under half a million
characters. Searching a 20 MB page whole took minutes, its first million 3 to 7 s."""
MAX_OFFSET = timedelta(hours=14)
"""The widest offset of any time zone (Kiribati's)."""


@dataclass(frozen=True)
class Candidate:
    """One date a source gave, as ISO 8601, and what the reconciliation made of it."""

    field: str  # "published" or "modified"
    source: str  # json-ld, meta, time, url, htmldate, text
    value: str
    verdict: str = ""  # "chosen", or why it was not


@dataclass
class DateDecision:
    published: str | None = None
    published_from: str | None = None
    modified: str | None = None
    modified_from: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    reason: str = ""


def normalize_date(value: str | None, latest: datetime | None = None) -> str | None:
    """An ISO 8601 date or date-time from a declared value, or None.

    ISO values keep their time and zone (a time without zone gets none, an offset no
    zone has is dropped); e-mail style dates (RSS, HTTP) too; any other form is read
    by htmldate's fast parser (not dateparser: seconds per page), to the day."""
    text = (value or "").strip()[:100]
    if not text:
        return None
    latest = latest or _far_future()
    if ISO_LIKE.match(text):
        moment = _iso(text)
    elif (moment := _rfc2822(text)) is None:
        from htmldate.extractors import try_date_expr

        return try_date_expr(text, DAY, False, EARLIEST, latest)
    if moment is None:
        return None
    if not isinstance(moment, datetime):  # a day
        return moment.isoformat() if EARLIEST.date() <= moment <= latest.date() else None
    if not EARLIEST <= moment.replace(tzinfo=None) <= latest:
        return None
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET:
        moment = moment.replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def _iso(text: str) -> datetime | date | None:
    """An ISO 8601 value: its time and zone if they read whole, else its day."""
    try:
        return datetime.fromisoformat(text.replace("z", "Z")) if len(text) > 10 \
            else date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    if not RFC2822_START.match(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def date_in_url(url: str | None) -> str | None:
    """The day in a URL such as ``/2024/05/31/``, ``/20240531/`` or ``/31-05-2024``."""
    from htmldate.extractors import extract_url_date

    if not url:
        return None
    found = extract_url_date(url, _options(_far_future()))
    if found and not SLUG_NUMBER.search(url):
        return found
    for match in URL_DAY.finditer(url.partition("?")[0].partition("#")[0]):
        year, month, day = (match["y1"], match["m1"], match["d1"]) if match["y1"] else (
            match["y2"], match["m2"], match["d2"])
        try:
            found_day = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if EARLIEST.date() <= found_day <= _far_future().date():
            return found_day.isoformat()
    return None


def copyright_year(html: str) -> int | None:
    """The year of the page's copyright notice (the last one: footers come last)."""
    found = COPYRIGHT.findall(html[-50_000:])
    return int(found[-1]) if found else None


def reconcile(
    published: Iterable[tuple[str | None, str]],
    modified: Iterable[tuple[str | None, str]],
    *,
    url: str | None,
    html: Callable[[], str],
    fetched_at: datetime | None = None,
) -> DateDecision:
    """Settle the page's dates from the structured sources' ``(value, source)`` pairs,
    best first; ``html`` gives the page for htmldate's search, asked only if needed."""
    latest = _latest(fetched_at)
    decision = DateDecision()
    # only the first modified date is used: the rest (a <time> query) are not read
    found_modified = _normalized(modified, "modified", latest, decision, first_only=True)
    found_published = _normalized(published, "published", latest, decision)
    zone = _page_zone([value for value, _ in (*found_published, *found_modified)])
    found_modified = [(_in_zone(value, zone), source) for value, source in found_modified]
    found_published = [(_in_zone(value, zone), source) for value, source in found_published]
    decision.candidates = [replace(c, value=_in_zone(c.value, zone)) for c in decision.candidates]
    url_day = date_in_url(url)
    if url_day:
        decision.candidates.append(Candidate("published", "url", url_day))
    if found_modified:
        decision.modified, decision.modified_from = found_modified[0]
        _mark(decision, "modified", found_modified[0], "chosen")

    page = ""

    def page_html() -> str:
        nonlocal page
        page = page or html()
        return page

    trusted, scheduled = [], []
    for value, source in found_published:
        doubt = _doubt(value, decision.modified, page_html)
        if doubt == LATER_THAN_MODIFIED:
            scheduled.append((value, source))  # marked once the search has spoken
        elif doubt:
            _mark(decision, "published", (value, source), doubt)
        else:
            trusted.append((value, source))
    days = {value[:10] for value, _ in found_published}
    if trusted and len(days) == 1 and url_day in (None, trusted[0][0][:10]):
        _choose(decision, _with_time(trusted[0], found_published),
                "the structured dates agree" if len(found_published) > 1
                else "the only structured date")
        return decision

    # a URL's date is the search's first answer: no need to read the page then
    found = (url_day, "url", "") if url_day else _search(page_html(), url, latest)
    searched, searched_by, searched_how = found or (None, "", "")
    if searched and not url_day:
        decision.candidates.append(Candidate("published", searched_by, searched))
    agreeing = [pair for pair in found_published if pair[0][:10] == searched]
    if agreeing:
        _choose(decision, _with_time(agreeing[0], found_published),
                "the search of the page agrees with it")
    elif searched and searched == url_day:
        _choose(decision, (url_day, "url"), "the URL's date (the search gives it first)"
                + (", against the structured dates" if found_published else ""))
    elif trusted:
        _choose(decision, _with_time(trusted[0], found_published),
                "the first structured date without doubt; the search agrees with none")
    elif scheduled:
        # a post scheduled after its last edit is published after it was modified
        _choose(decision, _with_time(scheduled[0], found_published),
                "the first structured date, though later than the modified date; the search"
                " agrees with none")
    elif searched:
        _choose(decision, (searched, searched_by), f"no structured date to trust; {searched_how}")
    elif found_published:
        _choose(decision, _with_time(found_published[0], found_published),
                "the search found nothing; the first structured date, though in doubt")
    else:
        decision.reason = "no source gives a date"
    for pair in scheduled:
        _mark(decision, "published", pair, LATER_THAN_MODIFIED)
    return decision


def _search(page: str, url: str | None, latest: datetime) -> tuple[str, str, str] | None:
    """The page searched for a date, by what, and how it was read: the date written in
    its text nearest
    its title (``cleaners.textdates``), else htmldate's quick search of the markup
    (meta tags, JSON, ``<time>``, ``<abbr>``, timestamps). The text goes first: on the
    dates set that is one page less right on the half the reader was tuned on and four
    more on the other (684 right against 681 the other way round), and most pages
    then skip htmldate's second parse of the page. The text is read around the title
    (``cleaners.textdates`` bounds its reading), htmldate the page's first
    ``MAX_SEARCH_CHARS``. Last, a date written without its year (``_with_year``)."""
    from htmldate import find_date

    written = date_in_text(page)
    if written and EARLIEST.date().isoformat() <= written <= latest.date().isoformat():
        return written, "text", "the date written nearest the title"
    if _read_as_an_address(page):
        return None
    found = find_date(page[:MAX_SEARCH_CHARS], extensive_search=False, original_date=True,
                      url=url, max_date=latest, min_date=EARLIEST)
    if found:
        return found, "htmldate", "htmldate's search of the markup"
    month_and_day = month_and_day_in_text(page)
    dated = _with_year(*month_and_day, page, url, latest) if month_and_day else None
    return (dated[0], "text", f"the date written nearest the title without a year; {dated[1]}"
            ) if dated else None


def _with_year(month: int, day: int, page: str, url: str | None, latest: datetime
               ) -> tuple[str, str] | None:
    """A day written without its year, dated, and how. The year is the first of these
    that puts the day between ``EARLIEST`` and the fetch: that of a full date of that
    month and day elsewhere in the markup ("news20190624" beside "06月24日"), of the
    URL, of the page's copyright notice (the year the page was made: a page read from
    an archive is read years later), else the last such day up to the fetch (a site
    that leaves the year out does so for this year's pieces)."""
    shown = re.compile(rf"(?<!\d)((?:19|20)\d\d)(?:{month:02}{day:02}|[-/.]0?{month}[-/.]0?{day})"
                       r"(?!\d)")
    in_markup = Counter(match[1] for match in shown.finditer(page, 0, MAX_SEARCH_CHARS))
    in_url = URL_YEAR.search((url or "").partition("?")[0].partition("#")[0])
    noticed = copyright_year(page)
    years = [
        *([(int(in_markup.most_common(1)[0][0]), "its year from a full date in the markup")]
          if in_markup else []),
        *([(int(in_url[1]), "its year from the URL")] if in_url else []),
        *([(noticed, "its year from the copyright notice")] if noticed else []),
        # back to a leap year for 29 February
        *((year, "the last such day up to the fetch")
          for year in range(latest.year, latest.year - 8, -1)),
    ]
    for year, how in years:
        try:
            dated = date(year, month, day)
        except ValueError:
            continue
        if EARLIEST.date() <= dated <= latest.date():
            return dated.isoformat(), how
    return None


def _read_as_an_address(page: str) -> bool:
    """Whether htmldate would take the page for a URL and download it: a cleaner does
    no I/O, and a body that is one address has no date to find."""
    return page.startswith("http") and " " not in page


def _normalized(pairs: Iterable[tuple[str | None, str]], field_name: str, latest: datetime,
                decision: DateDecision, *, first_only: bool = False) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for raw, source in pairs:
        if first_only and found:
            break
        value = normalize_date(raw, _far_future())
        if not value:
            continue
        if any(value == v and source == s for v, s in found):
            continue
        if _moment(value) > latest:
            decision.candidates.append(Candidate(field_name, source, value, "after the fetch"))
            continue
        decision.candidates.append(Candidate(field_name, source, value))
        found.append((value, source))
    return found


def _page_zone(values: list[str]) -> timezone | None:
    """The page's own time zone: the offset its local-time values give most often.
    A value in UTC is shown in it, so that its day is the page's day."""
    offsets = Counter(offset for value in values
                      if (offset := datetime.fromisoformat(value).utcoffset()) is not None)
    offsets.pop(timedelta(0), None)
    return timezone(offsets.most_common(1)[0][0]) if offsets else None


def _in_zone(value: str, zone: timezone | None) -> str:
    if zone is None or _precision(value) < FULL_PRECISION:
        return value
    moment = datetime.fromisoformat(value)
    if moment.utcoffset() != timedelta(0):
        return value
    return moment.astimezone(zone).isoformat(timespec="seconds")


LATER_THAN_MODIFIED = "later than the modified date"


def _doubt(value: str, modified: str | None, page_html: Callable[[], str]) -> str:
    """Why a structured publication date is suspicious, or ""."""
    if modified and _moment(value) - _moment(modified) > CLOCK_SKEW:
        return LATER_THAN_MODIFIED
    if value[5:10] == "01-01" and "T" not in value and copyright_year(page_html()) == int(
            value[:4]):
        return "the copyright year"
    return ""


def _with_time(chosen: tuple[str, str], found: list[tuple[str, str]]) -> tuple[str, str]:
    """A chosen day without time or zone takes them from a later source of the same day
    (JSON-LD often gives the day, a meta tag the minute)."""
    value, source = chosen
    for other, _ in found:
        if other[:10] == value[:10] and _precision(other) > _precision(value):
            value = other
    return value, source


FULL_PRECISION = 2


def _precision(iso: str) -> int:
    """0 for a day, 1 for a local time, ``FULL_PRECISION`` for a time with its zone."""
    if "T" not in iso:
        return 0
    return FULL_PRECISION if re.search(r"(?:[+-]\d{2}:\d{2}|Z)$", iso) else 1


def _choose(decision: DateDecision, chosen: tuple[str, str], reason: str) -> None:
    decision.published, decision.published_from = chosen
    decision.reason = reason
    _mark(decision, "published", chosen, "chosen")


def _mark(decision: DateDecision, field_name: str, pair: tuple[str, str], verdict: str) -> None:
    value, source = pair
    for index, candidate in enumerate(decision.candidates):
        if candidate.field == field_name and candidate.source == source \
                and candidate.value[:10] == value[:10] and not candidate.verdict:
            decision.candidates[index] = Candidate(field_name, source, candidate.value, verdict)
            return


def _moment(iso: str) -> datetime:
    """A naive UTC moment to compare dates of any precision by."""
    moment = datetime.fromisoformat(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _latest(fetched_at: datetime | None) -> datetime:
    moment = fetched_at or datetime.now(UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment + CLOCK_SKEW


def _far_future() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None) + timedelta(days=3650)


def _options(latest: datetime) -> Extractor:
    from htmldate.utils import Extractor

    return Extractor(extensive=False, max=latest, min=EARLIEST, original=True, format=DAY)
