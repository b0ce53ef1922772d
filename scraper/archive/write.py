"""Stored raw pages as a WARC/1.1 file of response records (``crawl export --format warc``).

Each record carries WARC-Target-URI, WARC-Date (the fetch time) and the
block and payload digests warcio computes, so pywb and other WARC tools
open it, and ``crawl import`` reads it back into the same articles.
"""

from __future__ import annotations

import http
from collections.abc import Iterable
from datetime import datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ..errors import UsageError
from ..store.database import RawPage

LENGTH_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
"""Headers that described the bytes on the wire: the stored body is decoded, so
they are dropped and Content-Length is written for the body as stored."""


def write_warc(pages: Iterable[RawPage], output: str) -> int:
    """Write ``pages`` to ``output`` (gzipped per record when it ends in .gz); returns
    how many were written."""
    count = 0
    try:
        with open(output, "wb") as out:
            writer = WARCWriter(out, gzip=output.endswith(".gz"), warc_version="1.1")
            writer.write_record(writer.create_warcinfo_record(
                Path(output).name, {"software": "newscrawl", "format": "WARC File Format 1.1"}))
            for page in pages:
                writer.write_record(_response(writer, page))
                count += 1
    except OSError as error:
        raise UsageError(f"{output}: cannot write ({error.strerror})") from error
    return count


def _response(writer: WARCWriter, page: RawPage) -> object:
    headers = [(name, value) for name, value in page.headers.items()
               if name.lower() not in LENGTH_HEADERS]
    if not any(name.lower() == "content-type" for name, _ in headers):
        headers.append(("Content-Type", "text/html"))
    headers.append(("Content-Length", str(len(page.body))))
    try:
        reason = http.HTTPStatus(page.status).phrase
    except ValueError:
        reason = "Unknown"
    status = StatusAndHeaders(f"{page.status} {reason}", headers, protocol="HTTP/1.1")
    date = datetime.fromisoformat(page.fetched_at).strftime("%Y-%m-%dT%H:%M:%SZ")
    return writer.create_warc_record(
        page.final_url, "response", payload=BytesIO(page.body), length=len(page.body),
        http_headers=status, warc_headers_dict={"WARC-Date": date})
