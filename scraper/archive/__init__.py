"""Web archives in and out: WARC/ARC reading and writing, Parquet, a Dask cluster.

Pages read from an archive go through the same cleaner and store as crawled
ones (``scraper.crawl.pipeline``); this package only turns archive records into
``Page`` records and stored pages back into archive records. The heavy
libraries (pyarrow, dask) are imported only by the modules that need them,
so the ordinary crawl path never loads them.
"""

from __future__ import annotations

from .importer import ImportSummary, import_archives
from .read import Skip, read_archive

__all__ = ["ImportSummary", "Skip", "import_archives", "read_archive"]
