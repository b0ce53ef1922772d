"""Which archive files a command line names: paths and shell-style globs."""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path

from ..errors import UsageError


def archive_paths(patterns: Sequence[str]) -> list[str]:
    """Every file the patterns name, in the order given (each glob sorted), once each.

    A glob is expanded here too, so a quoted one works and so does a shell
    without globbing (cron, Windows)."""
    found: list[str] = []
    for pattern in patterns:
        matches = sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
        if not matches:
            raise UsageError(f"{pattern}: no file matches")
        for match in matches:
            if not Path(match).is_file():
                raise UsageError(f"{match}: no such file")
            if match not in found:
                found.append(match)
    return found
