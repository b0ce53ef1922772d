"""The command line's filters, checked: dates, durations, language codes, source names.

Every listing verb narrows what it shows with the same options; each value
is checked here and turned into what the store compares with (an ISO 8601
UTC time, a lower-case language code), or refused with a ``UsageError``
naming the option, so a typo never reads as "no match".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from .errors import UsageError

MAX_ARGUMENT = 200
"""Longest value shown back in an error: the rest of a hostile argument is cut."""

_DURATION = re.compile(r"(\d{1,6})\s*([smhdw])")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


def shown(value: str) -> str:
    """``value`` quoted for an error line, cut if long."""
    cut = value if len(value) <= MAX_ARGUMENT else value[:MAX_ARGUMENT] + "…"
    return repr(cut)


def shorten_message(message: str) -> str:
    """An error message on one line, with any value in it cut to a readable length."""
    flat = " ".join(message.split())
    return flat if len(flat) <= 2 * MAX_ARGUMENT else flat[: 2 * MAX_ARGUMENT] + "…"


def parse_duration(value: str, option: str) -> timedelta:
    """``90d``, ``12h``, ``30m``, ``2w`` as a duration; a ``UsageError`` otherwise."""
    match = _DURATION.fullmatch(value.strip().lower())
    if match is None:
        raise UsageError(f"{option} {shown(value)}: not a duration (use e.g. 90d, 12h, 30m, 2w)")
    return timedelta(seconds=int(match[1]) * _UNITS[match[2]])


def parse_moment(value: str, option: str, *, now: datetime | None = None) -> str:
    """A date or time given on the command line, as ISO 8601 in UTC.

    Takes an ISO date (``2026-11-01``) or time (``2026-11-01T06:00:00+01:00``,
    naive read as UTC), ``today``, ``yesterday``, or an age: ``7d`` is seven
    days before now."""
    now = now or datetime.now(UTC)
    word = value.strip().lower()
    midnight = datetime.combine(now.date(), time(), tzinfo=UTC)
    if word == "today":
        return midnight.isoformat()
    if word == "yesterday":
        return (midnight - timedelta(days=1)).isoformat()
    if _DURATION.fullmatch(word):
        return (now - parse_duration(word, option)).isoformat()
    try:
        if len(word) == 10:  # a day stays a day: it compares well with dated-only articles
            return date.fromisoformat(word).isoformat()
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} {shown(value)}: not a date (use an ISO date like "
                         "2026-11-01, a time, `today`, `yesterday`, or an age like 7d)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def parse_language(value: str) -> str:
    """A BCP 47 language code (``en``, ``pt-BR``), lower-cased as the store compares it."""
    code = value.strip().lower().replace("_", "-")
    if not _LANGUAGE.fullmatch(code):
        raise UsageError(f"--lang {shown(value)}: not a language code (use e.g. en, de, pt-br)")
    return code


def check_source(value: str, known: Iterable[str]) -> str:
    """``value`` if it names a known source; a ``UsageError`` listing them otherwise."""
    names = sorted(set(known))
    if value not in names:
        listed = ", ".join(names) or "none configured"
        raise UsageError(f"--source {shown(value)}: no such source (sources: {listed})")
    return value
