"""Streaming export of stored articles: JSON Lines, CSV, or one Markdown file each.

Rows arrive from ``Store.iter_articles`` one at a time and leave at once, so
memory stays flat however many articles the database holds.

CSV cells that start with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) are formulas to a spreadsheet: a page title of ``=HYPERLINK(...)``
would run when the export is opened. Such cells get a leading ``'`` (OWASP's
advice), unless ``neutralise_formulas`` is off.
"""

from __future__ import annotations

import contextlib
import csv
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..errors import UsageError
from ..render import as_json, as_markdown

CSV_COLUMNS = ("id", "url", "canonical_url", "source", "title", "authors", "published",
               "language", "site_name", "description", "tags", "source_url", "text")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def export_articles(rows: Iterable[Mapping[str, Any]], fmt: str, output: str | None, *,
                    neutralise_formulas: bool = True) -> int:
    """Write ``rows`` to ``output`` (stdout when None); returns how many were written."""
    if fmt == "markdown":
        if output is None:
            raise UsageError("--format markdown writes one file per article: give -o FOLDER")
        return _markdown_files(rows, Path(output))
    with _open(output) as out:
        if fmt == "csv":
            writer = csv.DictWriter(out, CSV_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            cells = _csv_cell if neutralise_formulas else _as_is
            return _count(writer.writerow({k: cells(v) for k, v in row.items()}) for row in rows)
        return _count(out.write(as_json(row) + "\n") for row in rows)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _as_is(value: Any) -> Any:
    return value


def _count(writes: Iterator[Any]) -> int:
    return sum(1 for _ in writes)


@contextlib.contextmanager
def _open(output: str | None) -> Iterator[IO[str]]:
    if output is None or output == "-":
        yield sys.stdout
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as error:
        raise UsageError(f"{output}: cannot write ({error.strerror})") from error


def markdown_name(row: Mapping[str, Any]) -> str:
    """A stable, safe file name: the id, then a slug of the title."""
    slug = _UNSAFE.sub("-", (row.get("title") or "untitled").lower()).strip("-")[:80]
    return f"{row['id']:06d}-{slug or 'untitled'}.md"


def _markdown_files(rows: Iterable[Mapping[str, Any]], folder: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _count((folder / markdown_name(row)).write_text(as_markdown(row), encoding="utf-8")
                      for row in rows)
    except OSError as error:
        raise UsageError(f"{folder}: cannot write ({error.strerror})") from error
