"""Schedules at fixed datetimes, and the Stopper against real signals."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper.config import Source
from scraper.errors import ConfigError
from scraper.schedule import (
    DUE_NOW,
    Stopper,
    due_sources,
    next_due,
    seconds_until_next,
)

HOUR = 3600.0
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def source(name: str = "s", *, every: float | None = None, cron: str | None = None) -> Source:
    return Source(name=name, feeds=("https://example.com/rss",), every=every, cron=cron)


# -- next_due -------------------------------------------------------------------

def test_a_source_that_never_ran_is_due_now() -> None:
    assert next_due(source(every=60), HOUR, None) == DUE_NOW
    assert due_sources([source()], HOUR, {}, T0) == [source()]


def test_interval_source_is_due_its_interval_after_the_last_run() -> None:
    assert next_due(source(every=1800), HOUR, T0) == T0 + timedelta(minutes=30)


def test_source_without_interval_takes_the_default() -> None:
    assert next_due(source(), 2 * HOUR, T0) == T0 + timedelta(hours=2)


def test_cron_source_is_due_at_the_next_cron_time_after_its_last_run() -> None:
    every_three_hours = source(cron="15 */3 * * *")
    assert next_due(every_three_hours, HOUR, T0) == datetime(2026, 3, 1, 12, 15, tzinfo=UTC)
    on_the_mark = datetime(2026, 3, 1, 12, 15, tzinfo=UTC)
    assert next_due(every_three_hours, HOUR, on_the_mark) == datetime(2026, 3, 1, 15, 15,
                                                                      tzinfo=UTC)


def test_cron_is_read_in_utc_whatever_zone_the_last_run_is_given_in() -> None:
    paris_noon = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=1)))  # 11:00 UTC
    due = next_due(source(cron="30 * * * *"), HOUR, paris_noon)
    assert due == datetime(2026, 3, 1, 11, 30, tzinfo=UTC)
    assert due.utcoffset() == timedelta(0)


def test_cron_wins_over_every_when_a_source_has_both() -> None:
    both = source(every=60, cron="0 0 * * *")
    assert next_due(both, HOUR, T0) == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)


def test_naive_datetimes_are_utc() -> None:
    naive = T0.replace(tzinfo=None)
    assert next_due(source(every=60), HOUR, naive) == T0 + timedelta(seconds=60)
    assert due_sources([source(every=60)], HOUR, {"s": naive}, naive + timedelta(minutes=2))


# -- due_sources ------------------------------------------------------------------

def test_only_due_sources_are_returned_in_config_order() -> None:
    fast, slow, fresh = source("fast", every=600), source("slow", every=HOUR), source("new")
    last = {"fast": T0, "slow": T0}
    now = T0 + timedelta(minutes=20)
    assert due_sources([slow, fresh, fast], HOUR, last, now) == [fresh, fast]
    assert due_sources([slow, fast], HOUR, last, T0 + timedelta(minutes=5)) == []


def test_a_cron_started_run_a_few_seconds_late_does_not_skip_a_period() -> None:
    # cron starts `crawl run` at :00 and :30; the run recorded at 12:00:04 must
    # be due again at 12:30:01, not at 13:00.
    half_hourly = source(every=1800)
    last = {"s": T0 + timedelta(seconds=4)}
    assert due_sources([half_hourly], HOUR, last, T0 + timedelta(minutes=30, seconds=1))
    assert not due_sources([half_hourly], HOUR, last, T0 + timedelta(minutes=28))


def test_a_short_interval_is_not_due_again_right_after_its_run() -> None:
    every_30s = source(every=30)
    assert not due_sources([every_30s], HOUR, {"s": T0}, T0 + timedelta(seconds=20))
    assert due_sources([every_30s], HOUR, {"s": T0}, T0 + timedelta(seconds=30))


# -- seconds_until_next -----------------------------------------------------------

def test_seconds_until_the_soonest_source() -> None:
    sources = [source("a", every=HOUR), source("b", cron="0 13 * * *")]
    last = {"a": T0, "b": T0}
    now = T0 + timedelta(minutes=10)
    # "a" may start a minute early (EARLY_START_LIMIT); "b" is due at 13:00
    assert seconds_until_next(sources, HOUR, last, now) == pytest.approx(49 * 60)
    assert seconds_until_next(sources, HOUR, {"a": T0}, now) == 0.0


def test_seconds_until_next_with_no_sources_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no sources"):
        seconds_until_next([], HOUR, {}, T0)


@given(
    every=st.floats(min_value=1, max_value=7 * 86400),
    ran_ago=st.floats(min_value=0, max_value=14 * 86400),
    cron=st.sampled_from([None, "*/5 * * * *", "15 */3 * * *", "0 6 * * 1"]),
)
def test_sleeping_seconds_until_next_always_lands_on_a_due_source(
    every: float, ran_ago: float, cron: str | None
) -> None:
    s = source(every=every, cron=cron)
    last = {"s": T0 - timedelta(seconds=ran_ago)}
    wait = seconds_until_next([s], HOUR, last, T0)
    assert wait >= 0
    assert due_sources([s], HOUR, last, T0 + timedelta(seconds=wait)) == [s]
    if wait > 0.001:
        assert due_sources([s], HOUR, last, T0 + timedelta(seconds=wait - 0.001)) == []


# -- Stopper ----------------------------------------------------------------------

def send_later(signum: signal.Signals, delay: float) -> threading.Timer:
    timer = threading.Timer(delay, os.kill, (os.getpid(), signum))
    timer.start()
    return timer


def test_first_signal_sets_stopping_and_wakes_wait_early() -> None:
    with Stopper() as stopper:
        assert not stopper.stopping
        assert stopper.wait(0.01) is False
        timer = send_later(signal.SIGTERM, 0.1)
        started = time.monotonic()
        assert stopper.wait(10) is True
        timer.join()
        assert time.monotonic() - started < 5
        assert stopper.received == signal.SIGTERM
        assert stopper.wait(10) is True, "once stopping, every wait returns at once"


def test_sigint_stops_gracefully_instead_of_raising() -> None:
    with Stopper() as stopper:
        os.kill(os.getpid(), signal.SIGINT)
        assert stopper.wait(5) is True
        assert stopper.received == signal.SIGINT


def test_second_signal_stops_at_once() -> None:
    with Stopper() as stopper:
        os.kill(os.getpid(), signal.SIGTERM)
        stopper.wait(5)
        with pytest.raises(KeyboardInterrupt, match="second SIGTERM"):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler raises here at the latest


def test_previous_handlers_come_back_on_exit() -> None:
    seen: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, _frame: seen.append(signum))
    try:
        with Stopper() as stopper:
            os.kill(os.getpid(), signal.SIGTERM)
            stopper.wait(5)
        assert seen == []
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.01)
        assert seen == [signal.SIGTERM]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_async_sleep_returns_early_on_a_signal_while_the_loop_is_idle() -> None:
    async def crawl_forever(stopper: Stopper) -> tuple[bool, float]:
        assert await stopper.sleep(0.01) is False
        started = time.monotonic()
        stopped = await stopper.sleep(10)
        return stopped, time.monotonic() - started

    with Stopper() as stopper:
        timer = send_later(signal.SIGTERM, 0.1)
        stopped, slept = asyncio.run(crawl_forever(stopper))
        timer.join()
    assert stopped is True
    assert slept < 5
