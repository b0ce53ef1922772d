"""Peak RSS of a child command, its own and not its parent's.

``wait4``'s ``ru_maxrss`` of a child carries the parent's peak across fork and
exec (Linux keeps the larger of the two address spaces' high-water marks), so a
benchmark that built 5,000 pages in memory before starting ``crawl import``
reported its own peak as the import's. The command runs under a small Python
launcher instead: the launcher's peak is a fresh interpreter's (about 10 MB),
so the peak it reports is the command's unless the command stays below that.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LAUNCHER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as report:
    report.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(code)
"""


@dataclass(frozen=True)
class Usage:
    status: int
    peak_rss_mb: float  # the command's largest process (itself or one it waited for)
    cpu_seconds: float  # user + system time of the command and the processes it waited for


class Launched:
    """``command`` started under the launcher, with ``subprocess.Popen``'s ``options``."""

    def __init__(self, command: list[str], **options: Any) -> None:
        with tempfile.NamedTemporaryFile(prefix="peak-", suffix=".txt", delete=False) as report:
            self._report = Path(report.name)
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(self._report), *command], **options)

    def command_pids(self) -> list[int]:
        """The command's own process (the launcher's only child) while it runs."""
        pid = self.process.pid
        try:
            return [int(child) for child in
                    Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def wait(self) -> Usage:
        """Wait for the command; its exit status and usage (zeros if the launcher was killed)."""
        try:
            status = self.process.wait()
            fields = self._report.read_text().split() or ["0", "0"]
        finally:
            self._report.unlink(missing_ok=True)
        return Usage(status, int(fields[0]) / 1024, float(fields[1]))


def run_with_peak_rss(command: list[str], timeout: float | None = None) -> tuple[str, float]:
    """Run ``command`` to completion: its stdout and its peak RSS in MB.

    Its stderr is dropped, except in the error a failure raises."""
    launched = Launched(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = launched.process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        launched.process.kill()
        launched.wait()
        raise
    usage = launched.wait()
    if usage.status != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {usage.status}: "
                         f"{' '.join(stderr.splitlines()[-1:])}")
    return stdout, usage.peak_rss_mb
