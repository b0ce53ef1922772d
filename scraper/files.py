"""Pages read from files (``crawl clean FILE|-``, ``crawl fetch FILE``): bounded like a download.

Kept apart from ``pipeline`` so that ``crawl clean`` does not import the fetcher.
"""

from __future__ import annotations

from typing import BinaryIO

from .errors import UsageError


def read_bounded(handle: BinaryIO, max_bytes: int | None, name: str) -> bytes:
    """All of ``handle``, or UsageError past ``max_bytes`` (``/dev/zero`` never ends)."""
    data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise UsageError(f"{name}: larger than fetch.max_bytes ({max_bytes} bytes)")
    return data
