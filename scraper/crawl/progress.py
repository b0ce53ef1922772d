"""Progress of a crawl: a live line on a terminal, plain log lines otherwise.

A crawl reports each finished page as ``(url, outcome)``; cron and systemd
journals want one timestamped line per page, a person at a terminal wants
running counts.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from datetime import UTC, datetime
from types import TracebackType
from typing import Self, TextIO

from rich.console import Console
from rich.live import Live
from rich.text import Text

from cleaners.controls import strip_controls


class LiveLine:
    """A line redrawn in place on a terminal (``_live``), None elsewhere; a context manager."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        """Count, print nothing (``crawl -q``)."""
        self._live: Live | None = None
        if self.stream.isatty() and not quiet:
            self._live = Live(Text("starting..."), console=Console(file=self.stream),
                              refresh_per_second=4, transient=True)

    def __enter__(self) -> Self:
        if self._live is not None:
            self._live.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._live is not None:
            self._live.stop()


class ProgressReporter(LiveLine):
    """Callable as the crawler's ``report``; use as a context manager."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        super().__init__(stream, quiet=quiet)
        self.counts: Counter[str] = Counter()

    def __call__(self, url: str, outcome: str) -> None:
        url, outcome = strip_controls(url), strip_controls(outcome)  # both may be a server's
        self.counts[outcome.split(":")[0]] += 1
        if self.quiet:
            return
        if self._live is None:
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            print(f"{stamp} {outcome} {url}", file=self.stream, flush=True)
            return
        counts = "  ".join(f"{name} {n}" for name, n in sorted(self.counts.items()))
        self._live.update(Text(f"{counts}\n{outcome}: {url}", overflow="ellipsis", no_wrap=True))


class RecordRate(LiveLine):
    """Progress of an archive import: records read and records/s, per batch.

    A live line on a terminal; otherwise a log line at most every ``every``
    seconds, so a journal is not flooded."""

    def __init__(self, stream: TextIO | None = None, every: float = 10.0) -> None:
        super().__init__(stream)
        self.every = every
        self._started = time.monotonic()
        self._last_line = 0.0

    def __call__(self, file: str, records: int, counts: Counter[str]) -> None:
        done = sum(counts.values())
        rate = done / max(time.monotonic() - self._started, 1e-9)
        stored = counts["new"] + counts["updated"] + counts["unchanged"]
        line = f"{file}: record {records}, {done} read, {stored} stored, {rate:.0f} records/s"
        if self._live is not None:
            self._live.update(Text(line, overflow="ellipsis", no_wrap=True))
        elif time.monotonic() - self._last_line >= self.every:
            self._last_line = time.monotonic()
            stamp = datetime.now(UTC).isoformat(timespec="seconds")
            print(f"{stamp} {line}", file=self.stream, flush=True)
