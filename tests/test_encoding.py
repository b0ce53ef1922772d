"""Content-Encoding decoders: every encoding bounded against every bomb shape."""

from __future__ import annotations

import functools
import gzip
import tracemalloc
import zlib
from collections.abc import Callable

import brotli
import pytest

from scraper.fetch.encoding import decoder_for

BOMB_SIZE = 64 * 1024 * 1024
"""Inflated size of each bomb: big enough to see, small enough that a test
run before the fix still fits the machine."""
LIMIT = 1_000_000
SLACK = 256 * 1024
"""What a call may return past its bound (brotli stops at a buffer's edge)."""


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "raw-deflate": _raw_deflate,
    "br": lambda data: brotli.compress(data, quality=5),
}


@functools.cache
def bomb(encoding: str) -> bytes:
    return COMPRESSORS[encoding](b"\0" * BOMB_SIZE)


def header_of(encoding: str) -> str:
    return "deflate" if encoding == "raw-deflate" else encoding


def inflate_bounded(encoding: str, body: bytes, chunk_size: int) -> tuple[int, int]:
    """Feed ``body`` as the fetcher does, stopping past LIMIT: (bytes out, peak memory)."""
    decoder = decoder_for(header_of(encoding))
    assert decoder is not None
    size = 0
    tracemalloc.start()
    try:
        for start in range(0, len(body), chunk_size):
            size += len(decoder.decode(body[start:start + chunk_size], LIMIT - size + 1))
            if size > LIMIT:
                break
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return size, peak


@pytest.mark.parametrize("encoding", sorted(COMPRESSORS))
@pytest.mark.parametrize("chunk_size", [1 << 30, 16 * 1024, 7], ids=["whole", "16k", "7b"])
def test_a_bomb_inflates_no_further_than_the_bound(encoding: str, chunk_size: int) -> None:
    size, peak = inflate_bounded(encoding, bomb(encoding), chunk_size)
    assert LIMIT < size <= LIMIT + SLACK
    assert peak < 4 * LIMIT


@pytest.mark.parametrize("encoding", sorted(COMPRESSORS))
def test_small_bounds_drain_a_page_whole(encoding: str) -> None:
    page = b"<p>" + bytes(range(256)) * 400 + b"</p>"
    decoder = decoder_for(header_of(encoding))
    assert decoder is not None
    packed, out = COMPRESSORS[encoding](page), b""
    for start in range(0, len(packed), 100):
        out += decoder.decode(packed[start:start + 100], 1_000)
    while not decoder.complete:  # what is pending comes out on calls with no new input
        piece = decoder.decode(b"", 1_000)
        assert piece
        out += piece
    assert out == page


@pytest.mark.parametrize("encoding", sorted(COMPRESSORS))
def test_data_after_the_end_of_the_stream_is_not_kept(encoding: str) -> None:
    decoder = decoder_for(header_of(encoding))
    assert decoder is not None
    assert decoder.decode(COMPRESSORS[encoding](b"<p>short</p>"), LIMIT) == b"<p>short</p>"
    assert decoder.complete
    junk = b"\x01" * 64 * 1024
    tracemalloc.start()
    try:
        for _ in range(200):  # 12.8 MB after the end
            assert decoder.decode(junk, LIMIT) == b""
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000
