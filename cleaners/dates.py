"""Dates as pages write them, read into ISO 8601.

``normalize_date`` reads a declared value (a meta tag's content, a ``datetime``
attribute); ``date_in_text`` finds one in prose; ``date_after_phrase`` finds the one
that follows "Published"/"Updated"; ``date_in_url`` reads ``/2024/05/31/``;
``best_date`` picks among the dates a page's sources give. Nothing is
guessed: a date without time stays a date, a time without zone gets none, and a day
and month that could be either way round (05/06/2024) give no date at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone

# Month names in the major news languages; several languages share spellings.
MONTHS = {
    number: names.split()
    for number, names in {
        1: "january jan januar janvier enero gennaio janeiro januari",
        2: "february feb februar février fevrier febrero febbraio fevereiro februari",
        3: "march mar märz maerz mars marzo março maart",
        4: "april apr avril abril aprile",
        5: "may mai mayo maggio maio mei",
        6: "june jun juni juin junio giugno junho",
        7: "july jul juli juillet julio luglio julho",
        8: "august aug août aout agosto augustus",
        9: "september sep sept septembre septiembre setiembre settembre setembro",
        10: "october oct oktober octobre octubre ottobre outubro okt",
        11: "november nov novembre noviembre novembro",
        12: "december dec dezember décembre decembre diciembre dicembre dezembro dez",
    }.items()
}
MONTH_NUMBER = {name: number for number, names in MONTHS.items() for name in names}
_MONTH = "(?P<month>" + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True)) + r")\.?"
# Zone abbreviations that name one offset in news use; others (IST, ET) are ambiguous
# and leave the time without a zone.
ZONES = {"Z": 0, "UTC": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
         "MDT": -6, "PST": -8, "PDT": -7, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2}
_TIME = (
    r"(?:\s*(?:T|,|at|à|um|a las|alle|às|-|–|—|\|)?\s*(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:[.,]\d+)?)?\s*(?P<ampm>[ap]\.?\s?m\b\.?)?\s*"
    r"(?P<zone>Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{3,4}\b)?)?"
)
DATE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})(?P<sep>[-/.]?)(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
               r"(?!\d)" + _TIME),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME,
               re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.|º)?\s+(?:de\s+)?" + _MONTH
               + r",?\s+(?:de\s+)?(?P<year>\d{4})" + _TIME, re.I),
    re.compile(r"(?<!\d)(?P<first>\d{1,2})(?P<sep>[./])(?P<second_num>\d{1,2})(?P=sep)"
               r"(?P<year>\d{4})(?!\d)" + _TIME),
)
YEARS = range(1990, 2100)

URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/_-](?:(?P<mnum>0?[1-9]|1[0-2])|(?P<month>[a-z]{3}))[/_-]"
    r"(?P<day>0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.I,
)  # /2024/05/31/, /2024-05-31-, and /2024/may/31/ (The Guardian and others)


class DatePhrase:
    """Visible words that introduce a date ("Published on", "Mis à jour le").

    The pattern is built from the words, so that the words alone, found with
    ``str.find``, tell where the first match can start: a regex of twenty
    alternatives tried at every word boundary of a long page costs more than all
    the rest of the metadata.
    """

    def __init__(self, lead: str, words: tuple[str, ...],
                 by_line: tuple[str, ...] = ()) -> None:
        # ``by_line``: words that introduce a date only after a name ("written by X on")
        alternatives = [re.escape(word) for word in words]
        if by_line:
            alternatives.append(rf"(?:{'|'.join(by_line)})\s+by\s+[^\n]{{1,60}}?\s+on")
        self.pattern = re.compile(
            rf"\b(?:{lead}\s+)?(?:{'|'.join(alternatives)})"
            r"(?:\s+(?:on|le|am|el|em|il|op))?\s*:?\s*", re.I
        )
        # lower case, as _first_start compares them
        self.starts = (lead, *words, *by_line)

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(text)`` gives, trying the pattern only where a match
        can start: at one of the words."""
        # The only characters IGNORECASE matches to these words' letters that
        # str.lower() does not turn into them (İ also makes the text longer).
        if "İ" in text or "ı" in text or "ſ" in text:
            yield from self.pattern.finditer(text)
            return
        resume = 0
        for start in self._word_positions(text.lower()):
            if start >= resume and (match := self.pattern.match(text, start)):
                resume = match.end()
                yield match

    def _word_positions(self, lowered: str) -> list[int]:
        positions: set[int] = set()
        for word in self.starts:
            at = lowered.find(word)
            while at >= 0:
                positions.add(at)
                at = lowered.find(word, at + 1)
        return sorted(positions)


PUBLISHED_PHRASE = DatePhrase(
    "first",
    ("published", "posted", "publication date", "veröffentlicht", "publié", "publicado",
     "pubblicato", "gepubliceerd", "opublikowano", "기사입력", "입력", "公開日", "掲載日",
     "投稿日", "发布时间", "发表于"),
    by_line=("written", "posted", "published"),
)
MODIFIED_PHRASE = DatePhrase(
    "last",
    ("updated", "modified", "aktualisiert", "mis à jour", "actualizado", "atualizado",
     "aggiornato", "bijgewerkt"),
)
PHRASE_DATE_OFFSET = 4
"""The date must start right after its phrase (a space or a bracket away)."""
PHRASE_DATE_CHARS = 80


def date_after_phrase(text: str, phrase: DatePhrase) -> str | None:
    """The first date in ``text`` that directly follows ``phrase``, as ISO 8601."""
    for match in phrase.matches(text):
        window = text[match.end() : match.end() + PHRASE_DATE_CHARS]
        found = date_in_text(window, max_offset=PHRASE_DATE_OFFSET)
        if found:
            return found
    return None


def normalize_date(value: str) -> str | None:
    """An ISO 8601 date or date-time from a date as pages write it, or None."""
    return date_in_text(value.strip()[:100])


def date_in_text(text: str, *, max_offset: int | None = None) -> str | None:
    """The first date in ``text`` (starting within ``max_offset`` characters), as ISO 8601."""
    matches = [m for pattern in DATE_PATTERNS if (m := pattern.search(text))]
    for match in sorted(matches, key=lambda m: m.start()):
        if max_offset is not None and match.start() > max_offset:
            break
        iso = _iso_from_match(match)
        if iso:
            return iso
    return None


def date_in_url(path: str) -> str | None:
    """The date in a URL path such as ``/2024/05/31/`` or ``/2024/may/31/``."""
    match = URL_DATE.search(path)
    return _iso_from_match(match) if match else None


FULL_PRECISION = 2


def precision(iso: str) -> int:
    """0 for a date, 1 for a local time, ``FULL_PRECISION`` for a time with its zone."""
    if "T" not in iso:
        return 0
    return FULL_PRECISION if re.search(r"[+-]\d{2}:\d{2}$", iso) else 1


def best_date(candidates: Iterable[tuple[str | None, str]]) -> tuple[str | None, str | None]:
    """The ISO date of the first (value, source) that has one, and its source; if it
    lacks a time or zone, a later source's value for the same day that has them
    (JSON-LD often gives the day, a meta tag the minute). Lazy: stops at a full one."""
    best: tuple[str, str] | None = None
    for value, source in candidates:
        normalized = normalize_date(value) if value else None
        if not normalized:
            continue
        if best is None or (normalized[:10] == best[0][:10]
                            and precision(normalized) > precision(best[0])):
            best = normalized, source
        if precision(best[0]) == FULL_PRECISION:
            break
    return best if best is not None else (None, None)


def _iso_from_match(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    year, day = int(parts["year"]), int(parts.get("day") or 0)
    if parts.get("month"):
        # case-insensitive matching also accepts look-alikes ("ſept"), which lower() keeps
        month = MONTH_NUMBER.get(parts["month"].lower(), 0)
    elif parts.get("mnum"):
        month = int(parts["mnum"])
    else:
        first, second = int(parts["first"]), int(parts["second_num"])
        if parts["sep"] == "/" and first <= 12 and second <= 12:
            return None  # 05/06/2024: June or May depends on the country
        us_order = parts["sep"] == "/" and second > 12
        month, day = (first, second) if us_order else (second, first)
    try:
        day_only = date(year, month, day)
    except ValueError:
        return None
    if year not in YEARS:
        return None
    if parts.get("hour") is None:
        return day_only.isoformat()
    hour, minute = int(parts["hour"]), int(parts["minute"])
    if parts.get("ampm"):
        hour = hour % 12 + (12 if parts["ampm"].lower().startswith("p") else 0)
    try:
        moment = datetime(year, month, day, hour, minute, int(parts.get("second") or 0),
                          tzinfo=_zone(parts.get("zone")))
    except ValueError:
        return day_only.isoformat()
    return moment.isoformat(timespec="seconds")


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() in ZONES:
        return timezone(timedelta(hours=ZONES[text.upper()]))
    digits = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", text)
    if not digits:
        return None
    sign = -1 if digits.group(1) == "-" else 1
    offset = timedelta(hours=int(digits.group(2)), minutes=int(digits.group(3) or 0))
    return timezone(sign * offset) if offset < timedelta(hours=15) else None
