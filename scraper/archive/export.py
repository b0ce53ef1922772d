"""``crawl export --format warc|parquet``: the archive formats, beside scraper.store.export's."""

from __future__ import annotations

from ..errors import UsageError
from ..store.database import Store

ARCHIVE_FORMATS = ("warc", "parquet")


def export_archive(store: Store, fmt: str, output: str | None, *, source: str | None = None,
                   since: str | None = None, until: str | None = None,
                   language: str | None = None) -> int:
    """Write the matching articles' pages (warc) or the articles (parquet); returns the count."""
    if output is None or output == "-":
        where = "FILE.warc.gz" if fmt == "warc" else "FOLDER"
        raise UsageError(f"--format {fmt} writes a file: give -o {where}")
    if fmt == "warc":
        from .write import write_warc

        return write_warc(store.article_pages(source=source, since=since, until=until,
                                              language=language), output)
    from .parquet import write_parquet

    return write_parquet(store.iter_articles(source=source, since=since, until=until,
                                             language=language), output)
