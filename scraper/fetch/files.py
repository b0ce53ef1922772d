"""Pages read from files (``crawl clean FILE|-``, ``crawl fetch FILE``): bounded like a download.

A gzipped file (``page.html.gz``, as archives and benchmark sets keep pages) is
read as its content, as the fetcher reads a gzipped response: decompressed only
up to the same bound, so a small bomb is refused before it fills the memory.

Kept apart from ``pipeline`` so that ``crawl clean`` does not import the fetcher.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from ..errors import UsageError

GZIP_MAGIC = b"\x1f\x8b"


def read_bounded(handle: BinaryIO, max_bytes: int | None, name: str) -> bytes:
    """All of ``handle``, decompressed if gzipped, or UsageError past ``max_bytes``
    (``/dev/zero`` never ends) or for a gzip that does not decompress."""
    data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    if data.startswith(GZIP_MAGIC) and (max_bytes is None or len(data) <= max_bytes):
        data = _gunzipped(data, max_bytes, name)
    if max_bytes is not None and len(data) > max_bytes:
        raise UsageError(f"{name}: larger than fetch.max_bytes ({max_bytes} bytes)")
    return data


def _gunzipped(data: bytes, max_bytes: int | None, name: str) -> bytes:
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        # one byte past the bound is enough to know it is too large
        content = inflater.decompress(data, 0 if max_bytes is None else max_bytes + 1)
    except zlib.error as error:
        raise UsageError(f"{name}: a gzip file that does not decompress ({error})") from None
    if not inflater.eof and (max_bytes is None or len(content) <= max_bytes):
        raise UsageError(f"{name}: a gzip file cut short")
    return content
