"""benchmarks.peak: a child's peak RSS and CPU time are its own, with its process visible."""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks.peak import Launched

CHILD = ("import time; block = b'y' * (40 << 20); started = time.process_time()\n"
         "while time.process_time() - started < 0.3: pass\n"
         "time.sleep(1); print(len(block))")


def test_the_launched_command_reports_its_own_peak_cpu_and_pid() -> None:
    ballast = b"x" * (300 << 20)  # this process's peak, well above the child's
    child = Launched([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    seen: list[int] = []
    deadline = time.monotonic() + 30
    while not seen and time.monotonic() < deadline:
        seen = child.command_pids()
        time.sleep(0.05)
    assert child.process.stdout is not None
    with child.process.stdout as out:
        output = out.read()
    usage = child.wait()
    del ballast
    assert usage.status == 0 and output.strip() == str(40 << 20)
    assert 40 <= usage.peak_rss_mb < 200, usage
    assert usage.cpu_seconds >= 0.3, usage
    assert len(seen) == 1 and seen[0] != child.process.pid


def test_a_failed_command_gives_its_status() -> None:
    usage = Launched([sys.executable, "-c", "raise SystemExit(3)"]).wait()
    assert usage.status == 3
