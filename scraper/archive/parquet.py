"""Articles as a Parquet file with typed columns (``crawl export --format parquet``).

Timestamps are timestamps (UTC), authors and tags are lists of strings. Rows
are written a row group at a time, so memory stays flat however many
articles there are. pyarrow is an optional extra (``newscrawl[parquet]``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import UsageError

ROW_GROUP = 10_000
"""Articles per row group: a few tens of MB of text, read back a group at a time."""

FILE_NAME = "articles.parquet"

_TEXT = ("url", "fetched_url", "canonical_url", "source", "title", "text", "markdown",
         "language", "site_name", "description", "image_url", "source_url", "cleaner_version")
_TIMES = ("published", "modified", "fetched_at", "stored_at")
_LISTS = ("authors", "tags")
_INTEGERS = ("id", "duplicate_of")


def write_parquet(rows: Iterable[Mapping[str, Any]], folder: str) -> int:
    """Write ``rows`` (``Store.iter_articles``) to ``folder``/articles.parquet; returns
    how many."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise UsageError("--format parquet needs pyarrow: "
                         "pip install 'newscrawl[parquet]'") from error
    timestamp = pa.timestamp("us", tz="UTC")
    schema = pa.schema(
        [(name, pa.int64()) for name in _INTEGERS] + [(name, pa.string()) for name in _TEXT]
        + [(name, timestamp) for name in _TIMES] + [(name, pa.list_(pa.string()))
                                                    for name in _LISTS])
    path = Path(folder) / FILE_NAME
    count = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(path, schema, compression="zstd") as writer:
            iterator = iter(rows)
            while group := list(itertools.islice(iterator, ROW_GROUP)):
                columns = {name: [row.get(name) for row in group] for name in schema.names}
                for name in _TIMES:
                    columns[name] = [as_time(value) for value in columns[name]]
                writer.write_table(pa.table(columns, schema=schema))
                count += len(group)
    except OSError as error:
        raise UsageError(f"{path}: cannot write ({error.strerror or error})") from error
    return count


def as_time(value: str | None) -> datetime | None:
    """An ISO 8601 date or time as a UTC moment (a bare date at midnight); None when
    there is none or it does not parse (the text column keeps what the page said)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
