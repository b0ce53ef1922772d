"""When each source is due.

The schedule functions are pure: they take the time of each source's last
run and "now" as arguments and read no clock, so a test can pin them to
fixed datetimes. All times are UTC; a naive datetime is taken to be UTC.

A source runs on its own ``cron`` expression when it has one (evaluated in
UTC), else every ``every`` seconds, else every ``Config.every`` seconds. A
source that has never run is due at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from croniter import croniter

from ..config import Source
from ..errors import ConfigError

DUE_NOW = datetime.min.replace(tzinfo=UTC)
"""What ``next_due`` gives for a source that has never run: before any "now"."""

EARLY_START_LIMIT = timedelta(seconds=60)
EARLY_START_FRACTION = 0.1
"""An interval source counts as due this much early (a tenth of its interval,
at most a minute). A cron-started ``crawl run`` records a source's run a few
seconds after the minute it was started on, so 30 minutes later that source
would miss the next start by those seconds and wait a whole cron period more.
Cron sources need no such slack: their due times fall on the minute."""


def next_due(source: Source, default_every: float, last_run_at: datetime | None) -> datetime:
    """When ``source`` is next due, given the start of its last run.

    ``DUE_NOW`` when it never ran; ``last_run_at + every`` for an interval
    source; the first cron time after ``last_run_at`` (UTC) for a cron source.
    """
    if last_run_at is None:
        return DUE_NOW
    last = as_utc(last_run_at)
    if source.cron:
        following: datetime = croniter(source.cron, last).get_next(datetime)
        return following.astimezone(UTC)
    return last + timedelta(seconds=interval_of(source, default_every))


def due_sources(
    sources: Iterable[Source],
    default_every: float,
    last_runs: Mapping[str, datetime | None],
    now: datetime,
    backoffs: Mapping[str, datetime] | None = None,
) -> list[Source]:
    """The sources due at ``now``, in their configured order.

    ``last_runs`` maps a source name to the start of its last good run; a name
    missing from it has never run. ``backoffs`` maps a source that failed since
    to when it may try again: a broken source is retried after its back-off,
    not its whole interval, and not at every start either.
    """
    now = as_utc(now)
    return [s for s in sources
            if _starts_at(s, default_every, last_runs.get(s.name), backoffs) <= now]


def seconds_until_next(
    sources: Sequence[Source],
    default_every: float,
    last_runs: Mapping[str, datetime | None],
    now: datetime,
    backoffs: Mapping[str, datetime] | None = None,
) -> float:
    """How long ``crawl run --forever`` sleeps before a source is due; 0 if one is."""
    if not sources:
        raise ConfigError("no sources configured: `crawl run --forever` has nothing to wait for")
    now = as_utc(now)
    soonest = min(_starts_at(s, default_every, last_runs.get(s.name), backoffs)
                  for s in sources)
    return max(0.0, (soonest - now).total_seconds())


def interval_of(source: Source, default_every: float) -> float:
    """The interval of a source without a cron expression, in seconds."""
    return float(source.every if source.every is not None else default_every)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is read as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _starts_at(source: Source, default_every: float, last_run_at: datetime | None,
               backoffs: Mapping[str, datetime] | None = None) -> datetime:
    retry_at = (backoffs or {}).get(source.name)
    due = next_due(source, default_every, last_run_at)
    if not (source.cron or due == DUE_NOW):
        slack = EARLY_START_FRACTION * interval_of(source, default_every)
        due -= min(EARLY_START_LIMIT, timedelta(seconds=slack))
    return due if retry_at is None else max(due, as_utc(retry_at))


FIRST_BACKOFF = 120.0
"""Seconds a source that found nothing because of errors waits before its next
try; each failure in a row doubles it, up to the source's own interval."""


def backoff_of(source: Source, default_every: float, failures: int) -> float:
    """Seconds until a source that failed ``failures`` times in a row is tried again."""
    ceiling = interval_of(source, default_every) if not source.cron else 86400.0
    return min(ceiling, FIRST_BACKOFF * 2 ** max(0, failures - 1))
