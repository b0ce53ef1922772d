"""Near-duplicate detection: a 64-bit MinHash fingerprint over word 3-shingles.

The fingerprint is a one-permutation MinHash reduced to one bit per bin
(b-bit MinHash, b = 1): each shingle is hashed once, the top 6 bits of the
hash pick one of 64 bins, each bin keeps its smallest hash, and the lowest bit
of that minimum becomes the bin's bit. Two texts whose shingle sets have
Jaccard similarity J agree on each bit with probability (1 + J) / 2, so a copy
with boilerplate appended or one paragraph rewritten differs in a few bits and
unrelated texts in about 32. Measured on the 181 scrapinghub articles this
keeps more copies within ``MAX_DISTANCE`` than a SimHash of the same width
(whose distance grows with the angle between the texts, not with what they
share) and no two different articles come closer than 16 bits.

Finding candidates without scanning every article: the 64 bits are cut into
``MAX_DISTANCE + 1`` bands. Two fingerprints within ``MAX_DISTANCE`` bits
differ in at most that many bands, so they share at least one band exactly
(pigeonhole). ``BAND_SQL`` gives each band as an SQL expression over the
stored column; SQLite indexes expressions, and ``candidate_query`` is the
lookup those indexes serve. Fingerprints are signed so SQLite's INTEGER holds
them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

MAX_DISTANCE = 5
"""Bits two fingerprints may differ in and still be one article. On the 181 bench articles
(tests/test_dedupe.py) every 400+ word copy with boilerplate appended is within it, and 93 %
of copies with one short paragraph rewritten; no two different articles come closer than 16.
Two unrelated fingerprints fall within 5 bits with probability 4.5e-13."""

SHINGLE_WORDS = 3
_BITS = 64
_BIN_BITS = 6  # 2**6 = 64 bins, one per fingerprint bit
_RANK_BITS = _BITS - _BIN_BITS
_RANK_MASK = (1 << _RANK_BITS) - 1
_MASK = (1 << _BITS) - 1
_WORD = re.compile(r"\w+")


def _band_layout(count: int) -> tuple[tuple[int, int], ...]:
    """``(shift, width)`` of ``count`` bands covering 64 bits, high bits first."""
    widths = [_BITS // count + (1 if i < _BITS % count else 0) for i in range(count)]
    shifts = [_BITS - sum(widths[: i + 1]) for i in range(count)]
    return tuple(zip(shifts, widths, strict=True))


BANDS = _band_layout(MAX_DISTANCE + 1)
"""``(shift, width)`` of each band: six bands of 11 or 10 bits."""


def band_sql(column: str = "fingerprint") -> tuple[str, ...]:
    """The SQL expressions of the bands of ``column``, equal to ``bands(h)`` row by row.

    Index each one (``CREATE INDEX ... ON articles((("fingerprint" >> 53) & 2047))``);
    SQLite uses an expression index when the query repeats the expression exactly."""
    return tuple(f'(("{column}" >> {shift}) & {(1 << width) - 1})' for shift, width in BANDS)


def bands(h: int) -> tuple[int, ...]:
    """The bands of a fingerprint, high bits first, as ``band_sql`` computes them."""
    return tuple((h >> shift) & ((1 << width) - 1) for shift, width in BANDS)


def candidate_query(table: str = "articles", column: str = "fingerprint") -> str:
    """SQL for ``(id, fingerprint)`` of rows sharing a band with ``:b0``, ``:b1``, ...

    Each branch of the UNION is served by one band's index; rows come oldest id
    first so ``near_duplicate`` links a copy to the first article stored."""
    branches = " UNION ".join(
        f'SELECT id, "{column}" FROM [{table}] WHERE {expression} = :b{i}'
        for i, expression in enumerate(band_sql(column))
    )
    return f"SELECT * FROM ({branches}) ORDER BY 1"


def fingerprint(text: str) -> int:
    """The 64-bit fingerprint of ``text`` (signed), from its lowercased word 3-shingles."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)}
    values = [int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest())
              for shingle in shingles]
    minima: list[int | None] = [None] * _BITS
    # largest first, so that each bin is left holding its smallest: the bin is the
    # value's top bits, its rank the rest
    for value in sorted(values, reverse=True):
        minima[value >> _RANK_BITS] = value & _RANK_MASK
    result = 0
    for slot in range(_BITS):
        result = (result << 1) | _bin_bit(minima, slot)
    return result - (1 << _BITS) if result >> (_BITS - 1) else result


def _bin_bit(minima: list[int | None], slot: int) -> int:
    """A bin's bit; an empty bin (short texts) borrows from the next filled bin.

    Reading the borrowed minimum at a bit given by the distance keeps borrowed
    bits from repeating their neighbour's, and two texts with the same minima
    still agree. The caller has made sure some bin is filled."""
    offset, minimum = next(
        (offset, minima[(slot + offset) % _BITS])
        for offset in range(_BITS)
        if minima[(slot + offset) % _BITS] is not None
    )
    return (int(minimum or 0) >> (offset % _RANK_BITS)) & 1


def hamming(a: int, b: int) -> int:
    """How many of the 64 bits differ between two fingerprints (signed or not)."""
    return ((a ^ b) & _MASK).bit_count()


def near_duplicate(
    h: int, candidates: Iterable[tuple[int, int]], max_distance: int = MAX_DISTANCE
) -> int | None:
    """The id of the closest candidate ``(id, fingerprint)`` within ``max_distance``, else None.

    Ties go to the first candidate seen: pass them oldest first to link a copy
    to the first article stored."""
    best: tuple[int, int] | None = None
    for candidate_id, candidate in candidates:
        distance = hamming(h, candidate)
        if distance <= max_distance and (best is None or distance < best[0]):
            best = (distance, candidate_id)
            if distance == 0:
                break
    return None if best is None else best[1]
