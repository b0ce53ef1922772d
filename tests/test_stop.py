"""The Stopper against real signals: a graceful first stop, an immediate second."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time

import pytest

from scraper.stop import Stopper


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
