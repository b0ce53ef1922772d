"""Logging for the command line: ``-v`` for more, ``-q`` for less, times in UTC.

Library modules log through ``logging.getLogger(__name__)`` and never
configure anything; ``crawl`` calls ``configure`` once with the count of
``-v`` minus the count of ``-q``. Log lines go to stderr, apart from the
output a program may read on stdout.
"""

from __future__ import annotations

import logging
import sys
import time

LEVELS = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO, 2: logging.DEBUG}


class UTCFormatter(logging.Formatter):
    """``2026-11-30T01:02:03.456Z``: the time in UTC, whatever the machine's zone."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{stamp}.{int(record.msecs):03d}Z"


def configure(verbosity: int) -> None:
    """Send the ``scraper`` and ``cleaners`` loggers to stderr at the level
    ``verbosity`` asks for: -1 errors only, 0 warnings, 1 info, 2 and up debug."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(UTCFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    level = LEVELS[max(-1, min(2, verbosity))]
    for name in ("scraper", "cleaners"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level)
        logger.propagate = False
