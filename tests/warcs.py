"""Web archives for tests and benchmarks, written from the real benchmark pages.

``write_warc`` writes each article of a ``LocalSite`` (real news pages, each
under its own URL and canonical link; ``variants`` marks every word so no two
copies are duplicates) as a request and a 200 response record, plus, with
``noise``, one record of every kind an import must count and skip. Nothing is
served: the site object only lends its pages and URLs.
"""

from __future__ import annotations

import gzip
from collections import Counter
from datetime import datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.localsite import LocalSite

NOISE = Counter({"request": 1, "warcinfo": 1, "revisit": 1, "metadata": 1, "status-404": 1,
                 "not-html": 1, "truncated": 1})
"""What ``noise=True`` adds beyond the articles (and their request records)."""


def warc_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def site_pages(articles: int, *, variants: bool = False) -> list[tuple[str, datetime, bytes]]:
    """(url, capture time, html) for ``articles`` pages of a local news site."""
    site = LocalSite(articles=articles, variants=variants, old_items=0)
    try:
        return [(site.url(a.path), a.published, site.article_body(a)) for a in site.articles]
    finally:
        site.close()


def write_warc(path: Path, pages: list[tuple[str, datetime, bytes]], *, noise: bool = False,
               gzipped: bool = True) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped, warc_version="1.1")
        if noise:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for number, (url, captured, body) in enumerate(pages):
            date = warc_date(captured)
            if noise and number == 0:
                request = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                writer.write_record(writer.create_warc_record(
                    url, "request", payload=BytesIO(request), length=len(request),
                    warc_headers_dict={"WARC-Date": date}))
            _response(writer, url, date, body)
        if noise:
            url, captured, body = pages[0]
            date = warc_date(captured)
            writer.write_record(writer.create_revisit_record(
                url, "sha1:AAAA", url, date, warc_headers_dict={"WARC-Date": date}))
            writer.write_record(writer.create_warc_record(
                url, "metadata", payload=BytesIO(b"fetchTimeMs: 12\r\n"), length=17,
                warc_headers_dict={"WARC-Date": date}))
            _response(writer, url + "?missing", date, b"<html>gone</html>", status="404 Not Found")
            _response(writer, url + ".pdf", date, b"%PDF-1.4 ...", content_type="application/pdf")
            _response(writer, url + "?cut", date, body, truncated=True)
    return path


def _response(writer: WARCWriter, url: str, date: str, body: bytes, *,
              status: str = "200 OK", content_type: str = "text/html; charset=utf-8",
              truncated: bool = False) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type),
                                     ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    extra = {"WARC-Date": date}
    if truncated:
        extra["WARC-Truncated"] = "length"
        body = body[: len(body) // 2]
    writer.write_record(writer.create_warc_record(
        url, "response", payload=BytesIO(body), length=len(body), http_headers=http,
        warc_headers_dict=extra))


def write_arc(path: Path, pages: list[tuple[str, datetime, bytes]]) -> Path:
    """An ARC (version 1) file, gzipped per record as Internet Archive wrote them."""
    header = b"1 0 tests\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [_arc_record(f"filedesc://{path.name}", "0.0.0.0", "20261101000000",
                           "text/plain", header)]
    for url, captured, body in pages:
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        records.append(_arc_record(url, "127.0.0.1", captured.strftime("%Y%m%d%H%M%S"),
                                   "text/html", http))
    path.write_bytes(b"".join(gzip.compress(record) for record in records))
    return path


def _arc_record(url: str, address: str, date: str, content_type: str, block: bytes) -> bytes:
    line = f"{url} {address} {date} {content_type} {len(block)}\n".encode()
    return line + block + b"\n"
