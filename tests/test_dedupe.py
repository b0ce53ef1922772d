"""Near-duplicate fingerprints, measured on the real scrapinghub article texts."""

from __future__ import annotations

import itertools
import json
import random
import sqlite3
from pathlib import Path

import pytest

from scraper.store.dedupe import (
    BANDS,
    MAX_DISTANCE,
    band_sql,
    bands,
    candidate_query,
    fingerprint,
    hamming,
    near_duplicate,
)

TRUTH = Path(__file__).resolve().parents[2] / "shared/bench/scrapinghub/ground-truth.json"
BOILERPLATE = (
    "Share this article on Facebook, Twitter and by email. Sign up for our newsletter to get "
    "the latest news delivered to your inbox every morning. Copyright 2024, all rights reserved."
)
REWRITTEN = "This paragraph was rewritten by the republisher and now says something else entirely."


@pytest.fixture(scope="module")
def texts() -> list[str]:
    if not TRUTH.exists():
        pytest.skip(f"{TRUTH} is not here")
    return [entry["articleBody"] for entry in json.loads(TRUTH.read_text()).values()]


@pytest.fixture(scope="module")
def prints(texts: list[str]) -> list[int]:
    return [fingerprint(text) for text in texts]


def test_different_articles_are_never_near_duplicates(prints: list[int]) -> None:
    distances = [hamming(a, b) for a, b in itertools.combinations(prints, 2)]
    assert len(distances) == 181 * 180 // 2
    # No false positive over all 16,290 pairs, with a wide margin (measured minimum: 16).
    assert min(distances) > 2 * MAX_DISTANCE
    assert 28 < sum(distances) / len(distances) < 36  # unrelated texts: about half the bits


def test_boilerplate_appended_stays_within_the_threshold(
    texts: list[str], prints: list[int]
) -> None:
    distances = [
        (len(text.split()), hamming(original, fingerprint(f"{text}\n\n{BOILERPLATE}")))
        for text, original in zip(texts, prints, strict=True)
    ]
    long = [d for words, d in distances if words >= 400]
    medium = [d for words, d in distances if words >= 200]
    assert len(long) > 100 and len(medium) > 140
    # Measured: every 400+ word article and all but one of 154 200+ word ones.
    assert max(long) <= MAX_DISTANCE
    assert sum(d <= MAX_DISTANCE for d in medium) / len(medium) >= 0.98


def test_a_rewritten_paragraph_mostly_stays_within_the_threshold(
    texts: list[str], prints: list[int]
) -> None:
    distances = []
    for text, original in zip(texts, prints, strict=True):
        words = len(text.split())
        paragraphs = text.split("\n\n")
        small = [i for i, p in enumerate(paragraphs) if 0.02 < len(p.split()) / words <= 0.10]
        if words < 300 or not small:
            continue
        paragraphs[small[0]] = REWRITTEN
        distances.append(hamming(original, fingerprint("\n\n".join(paragraphs))))
    assert len(distances) > 80
    # One paragraph of 2-10 % replaced in a 300+ word article (measured recall 0.93).
    assert sum(d <= MAX_DISTANCE for d in distances) / len(distances) >= 0.9


def test_fingerprints_are_stable_signed_64_bit_integers(texts: list[str]) -> None:
    for text in texts[:20]:
        h = fingerprint(text)
        assert -(1 << 63) <= h < (1 << 63)
        assert fingerprint(text) == h
    assert fingerprint(texts[0].upper()) == fingerprint(texts[0])  # case is not content
    assert fingerprint("") == 0
    assert fingerprint("Two words") == fingerprint("two words")


def test_near_duplicate_picks_the_closest_then_the_first() -> None:
    h = 0b1011
    assert near_duplicate(h, [(1, h ^ 0b111), (2, h ^ 0b1), (3, h ^ 0b10)]) == 2
    assert near_duplicate(h, [(7, h ^ 0b1), (8, h ^ 0b10)]) == 7
    assert near_duplicate(h, [(1, ~h)]) is None
    assert near_duplicate(h, []) is None
    assert near_duplicate(h, [(1, h ^ 0b111)], max_distance=2) is None


def test_bands_cover_the_64_bits_and_outnumber_the_threshold() -> None:
    assert sum(width for _, width in BANDS) == 64
    assert len(BANDS) == MAX_DISTANCE + 1
    assert bands(-1) == tuple((1 << width) - 1 for _, width in BANDS)


@pytest.fixture
def fingerprint_db(tmp_path: Path):
    db = sqlite3.connect(tmp_path / "prints.db")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, fingerprint INTEGER)")
    for i, expression in enumerate(band_sql()):
        db.execute(f"CREATE INDEX articles_band{i} ON articles(({expression}))")
    yield db
    db.close()


def test_sqlite_band_expressions_equal_python_bands(fingerprint_db: sqlite3.Connection) -> None:
    rng = random.Random(4)
    values = [rng.getrandbits(64) - (1 << 63) for _ in range(300)] + [-1, 0, -(1 << 63)]
    _insert(fingerprint_db, values)
    rows = fingerprint_db.execute(f"SELECT fingerprint, {', '.join(band_sql())} FROM articles")
    for value, *sql_bands in rows:
        assert tuple(sql_bands) == bands(value)


def test_candidate_query_finds_every_close_print_through_the_indexes(
    fingerprint_db: sqlite3.Connection,
) -> None:
    rng = random.Random(9)
    stored = [rng.getrandbits(64) - (1 << 63) for _ in range(5000)]
    _insert(fingerprint_db, stored)
    query = candidate_query()
    plan = " ".join(row[-1] for row in fingerprint_db.execute(f"EXPLAIN QUERY PLAN {query}",
                                                              _params(0)))
    assert "SCAN articles" not in plan and "articles_band" in plan
    for article_id in rng.sample(range(1, 5001), 50):
        original = stored[article_id - 1]
        flipped = rng.sample(range(64), MAX_DISTANCE)
        copy = original ^ sum(1 << bit for bit in flipped)
        candidates = fingerprint_db.execute(query, _params(copy)).fetchall()
        assert near_duplicate(copy, candidates) == article_id
        assert len(candidates) < 50  # a few index hits, not a scan of 5,000


def _params(h: int) -> dict[str, int]:
    return {f"b{i}": band for i, band in enumerate(bands(h))}


def _insert(db: sqlite3.Connection, values: list[int]) -> None:
    db.executemany("INSERT INTO articles (fingerprint) VALUES (?)", [(v,) for v in values])
