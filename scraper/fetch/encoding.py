"""Content-Encoding decoders that know when a compressed body is complete.

httpx decodes gzip, deflate and brotli itself but passes a truncated stream
off as a shorter page; a crawler would then store half an article as whole.
These decoders report truncation, and bound what one chunk may inflate to, so
a compression bomb is stopped at the size limit instead of after it: each call
returns at most ``max_length`` bytes (brotli's may pass it by one internal
buffer, a few KiB) and keeps the rest of its input for the next call. Bytes
after the end of a compressed stream are dropped, not buffered: the fetcher
counts them against its limit as it receives them.
"""

from __future__ import annotations

import zlib
from typing import Protocol

import brotli


class Decoder(Protocol):
    def decode(self, chunk: bytes, max_length: int) -> bytes:
        """Up to ``max_length`` bytes of output for ``chunk`` (more may be pending)."""
        ...

    @property
    def complete(self) -> bool:
        """Whether the stream ended where the compressed format says it ends."""
        ...


class _Identity:
    complete = True

    def decode(self, chunk: bytes, max_length: int) -> bytes:
        return chunk


class _Zlib:
    """gzip, or deflate with or without its zlib header (servers send both)."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        self._started = False

    def decode(self, chunk: bytes, max_length: int) -> bytes:
        if self._inflater.eof:
            return b""  # trailing data: neither a page nor worth keeping
        data = self._inflater.unconsumed_tail + chunk
        try:
            out = self._inflater.decompress(data, max_length)
        except zlib.error:
            if self._gzip or self._started:
                raise
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
            out = self._inflater.decompress(data, max_length)
        self._started = True
        return out

    @property
    def complete(self) -> bool:
        return self._inflater.eof


class _Brotli:
    """Bounded by the decoder's ``output_buffer_limit``: once a call stops at the
    limit, the decoder takes no new input until its pending output is drained,
    so input that arrives meanwhile waits here."""

    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()
        self._waiting = b""

    def decode(self, chunk: bytes, max_length: int) -> bytes:
        if self._decompressor.is_finished():
            return b""  # trailing data, as for gzip
        self._waiting += chunk
        data = b""
        if self._decompressor.can_accept_more_data():
            data, self._waiting = self._waiting, b""
        return self._decompressor.process(data, output_buffer_limit=max(1, max_length))

    @property
    def complete(self) -> bool:
        return self._decompressor.is_finished()


ACCEPT_ENCODING = "gzip, deflate, br"
"""What we ask servers for: exactly what ``decoder_for`` can decode."""

DECODE_ERRORS = (zlib.error, brotli.error)


def decoder_for(content_encoding: str | None) -> Decoder | None:
    """The decoder for a Content-Encoding header; None when we cannot decode it."""
    name = (content_encoding or "identity").strip().lower()
    if name in ("", "identity"):
        return _Identity()
    if name in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if name == "deflate":
        return _Zlib(gzip=False)
    if name == "br":
        return _Brotli()
    return None
