"""Schedules at fixed datetimes, and the deploy/ units that run them."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from croniter import croniter
from hypothesis import given
from hypothesis import strategies as st

from scraper.config import Seconds, Source
from scraper.crawl.schedule import (
    DUE_NOW,
    due_sources,
    next_due,
    seconds_until_next,
)
from scraper.errors import ConfigError

HOUR = 3600.0
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def source(name: str = "s", *, every: float | None = None, cron: str | None = None) -> Source:
    return Source(name=name, feeds=("https://example.com/rss",),
                  every=None if every is None else Seconds(every), cron=cron)


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


# -- deploy/: the crontab line and the systemd units --------------------------------

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
UNITS = ("newscrawl.service", "newscrawl.timer", "newscrawl-forever.service")
INSTALLED_CRAWL = "/opt/newscrawl/venv/bin/crawl"


def unit_setting(unit: str, key: str) -> list[str]:
    lines = (DEPLOY / unit).read_text(encoding="utf-8").splitlines()
    return [line.split("=", 1)[1] for line in lines if line.startswith(f"{key}=")]


def crontab_entry() -> tuple[str, list[str]]:
    """The schedule and the `crawl` arguments of the one line in crontab.example."""
    (line,) = [line for line in (DEPLOY / "crontab.example").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    fields = line.split()
    command = shlex.split(" ".join(fields[5:]))
    crawl_at = next(i for i, word in enumerate(command) if word.endswith("bin/crawl"))
    end = command.index(">>") if ">>" in command else len(command)
    return " ".join(fields[:5]), command[crawl_at + 1:end]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed; cannot check the units")
def test_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    crawl = Path(sys.executable).parent / "crawl"  # the units' ExecStart must exist
    for unit in UNITS:
        text = (DEPLOY / unit).read_text(encoding="utf-8")
        (tmp_path / unit).write_text(text.replace(INSTALLED_CRAWL, str(crawl)))
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *(str(tmp_path / u) for u in UNITS)],
        capture_output=True, text=True, timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_timer_starts_the_service_and_crontab_line_is_valid() -> None:
    assert unit_setting("newscrawl.timer", "Unit") == ["newscrawl.service"]
    assert unit_setting("newscrawl.service", "Type") == ["oneshot"]
    assert unit_setting("newscrawl-forever.service", "KillSignal") == ["SIGTERM"]
    schedule, _ = crontab_entry()
    assert croniter.is_valid(schedule)


def test_deploy_commands_are_accepted_by_crawl_run() -> None:
    import crawl

    if "run" not in crawl.cli.commands:
        pytest.skip("`crawl run` is not in crawl.py yet: the deploy commands cannot be checked")
    commands = [crontab_entry()[1]]
    for unit in ("newscrawl.service", "newscrawl-forever.service"):
        (exec_start,) = unit_setting(unit, "ExecStart")
        program, *args = shlex.split(exec_start)
        assert program == INSTALLED_CRAWL
        commands.append(args)
    assert "--forever" in commands[-1] and "--forever" not in commands[1]
    for verb, *options in commands:
        assert verb == "run"
        with crawl.cli.commands["run"].make_context("run", list(options)):
            pass  # parsing alone: an unknown option raises click.UsageError
