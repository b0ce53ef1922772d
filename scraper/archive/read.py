"""WARC and ARC files, plain or gzipped, as a stream of pages and skipped records.

Each record read is reported with the offset just past it, so an import can
keep its place and start again there (a gzipped archive is one gzip member
per record, so any record offset is a place to start reading).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..errors import UsageError
from ..page import Page, parse_content_type

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class Skip:
    """A record that is not an HTML page to keep, and why (a count's name)."""

    url: str | None
    reason: str


@dataclass(frozen=True)
class Entry:
    """One record read: a page or a skip, and the offset of the next record."""

    item: Page | Skip
    next_offset: int


def read_archive(path: str | Path, *, start: int = 0) -> Iterator[Entry]:
    """The records of the archive at ``path`` from byte ``start`` (a record's offset)."""
    try:
        handle: IO[bytes] = open(path, "rb")  # noqa: SIM115 -- closed below, generator-wide
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror})") from error
    with handle:
        if not _looks_like_archive(handle.read(4096)):
            raise UsageError(f"{path}: not a WARC or ARC file")
        handle.seek(start + _blank_lines(handle, start))
        records = ArchiveIterator(handle, arc2warc=True)
        try:
            for record in records:
                item = _page_or_skip(record)
                yield Entry(item, records.get_record_offset() + records.get_record_length())
        except ArchiveLoadFailed as error:
            raise UsageError(f"{path}: not a readable WARC or ARC file ({error})") from error
        except (EOFError, OSError, ValueError) as error:
            # A gzip member or a record cut short: the archive ends here.
            raise UsageError(f"{path}: damaged after byte {start} ({error})") from error


def _looks_like_archive(head: bytes) -> bool:
    """Whether a file's first bytes open a WARC or ARC record, gzipped or not: warcio
    reads any line of five words as an ARC header, so plain text would pass."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _blank_lines(handle: IO[bytes], start: int) -> int:
    """How many CR/LF bytes are at ``start``: in a plain WARC a record's length
    leaves out the blank lines after it, which a reader must not take for a record."""
    handle.seek(start)
    head = handle.read(64)
    return len(head) - len(head.lstrip(b"\r\n"))


def _page_or_skip(record: ArcWarcRecord) -> Page | Skip:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    kind = record.rec_type
    if kind != "response":
        return Skip(url, kind or "unknown")
    if headers.get_header("WARC-Truncated"):
        return Skip(url, "truncated")
    http = record.http_headers
    if http is None or not url:
        return Skip(url, "not-http")
    status = http.get_statuscode()
    if status != "200":
        return Skip(url, f"status-{status}")
    media_type, charset = parse_content_type(http.get_header("Content-Type"))
    if media_type not in HTML_TYPES:
        return Skip(url, "not-html")
    try:
        body = record.content_stream().read()
    except (OSError, ValueError, EOFError):
        return Skip(url, "truncated")
    length = http.get_header("Content-Length")
    if length and length.isdigit() and not http.get_header("Content-Encoding") \
            and len(body) < int(length):
        return Skip(url, "truncated")
    names = {name.lower(): value for name, value in http.headers}
    return Page(url=url, final_url=url, status=200, headers=names, body=body,
                content_type=media_type, charset=charset,
                fetched_at=warc_date(headers.get_header("WARC-Date")), elapsed=0.0)


def warc_date(value: str | None) -> str:
    """A WARC-Date (ISO 8601, ``Z``) in the store's form: UTC, to the second."""
    if not value:
        return datetime.now(UTC).isoformat(timespec="seconds")
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")
