"""``crawl serve``: the database in Datasette, read-only, ready to browse.

Datasette is an optional extra (``pip install 'newscrawl[web]'``). It opens a
file it may see change with ``mode=ro`` and ``query_only`` connections, so a
crawl can keep writing while people browse, and nothing they do can write.
The metadata below is what makes it useful at once: full-text search on
articles, facets, the removed blocks by kind, and canned queries.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import UsageError

CANNED_QUERIES: dict[str, dict[str, str]] = {
    "latest_articles": {
        "title": "Latest articles",
        "sql": "SELECT id, title, source, language, published, url FROM articles"
               " WHERE duplicate_of IS NULL"
               " ORDER BY coalesce(published, fetched_at) DESC LIMIT 100",
    },
    "failures_of_the_last_run": {
        "title": "Failures of the last run",
        "description": "URLs that failed or were skipped since the last `crawl run` started; "
                       "`crawl retry` puts them back in the queue.",
        "sql": "SELECT url, source, state, error_kind, last_error, attempts, finished_at"
               " FROM urls WHERE state IN ('failed', 'skipped') AND finished_at >="
               " (SELECT max(started_at) FROM crawl_runs WHERE command = 'run')"
               " ORDER BY finished_at DESC",
    },
    "duplicates_of_a_site": {
        "title": "A site's duplicates",
        "description": "Articles of a source that copy an earlier article, with the original.",
        "sql": "SELECT copy.id, copy.title, copy.url, original.id AS original_id,"
               " original.url AS original_url, original.source AS original_source"
               " FROM articles AS copy JOIN articles AS original"
               " ON original.id = copy.duplicate_of"
               " WHERE copy.source = :source ORDER BY copy.id DESC",
    },
    "removed_blocks_by_kind": {
        "title": "Removed blocks by kind",
        "sql": "SELECT kind, count(*) AS blocks, count(DISTINCT article_id) AS articles"
               " FROM removed_blocks GROUP BY kind ORDER BY blocks DESC",
    },
}


def metadata(database_name: str) -> dict[str, Any]:
    """Datasette metadata for a newscrawl database named ``database_name``."""
    return {
        "title": "newscrawl",
        "description": "Articles crawled and cleaned by newscrawl (read-only).",
        "databases": {database_name: {
            "tables": {
                "articles": {
                    "fts_table": "articles_fts", "fts_pk": "id",
                    "label_column": "title",
                    "sort_desc": "published",
                    "facets": ["source", "language", {"date": "published"}],
                },
                "removed_blocks": {"facets": ["kind", "rule"]},
                "urls": {"facets": ["state", "error_kind", "source"],
                         "sort_desc": "discovered_at"},
                "crawl_runs": {"sort_desc": "id", "facets": ["command", "status"]},
                "raw_pages": {"facets": ["source", "status"]},
            },
            "queries": CANNED_QUERIES,
        }},
    }


def app(database: str | Path) -> Any:
    """The Datasette ASGI application for ``database``."""
    try:
        from datasette.app import Datasette
    except ImportError:
        raise UsageError("crawl serve needs Datasette: pip install 'newscrawl[web]'") from None
    path = Path(database)
    return Datasette([str(path)], metadata=metadata(path.stem),
                     settings={"facet_time_limit_ms": 1000, "sql_time_limit_ms": 5000})


def serve(database: str | Path, *, host: str, port: int,
          announce: Callable[[str], None] = lambda message: None) -> None:
    """Serve ``database`` until interrupted (Ctrl-C)."""
    application = app(database).app()
    import uvicorn  # Datasette's own dependency

    _check_can_listen(host, port)
    shown = f"[{host}]" if ":" in host else host
    announce(f"serving {database} read-only at http://{shown}:{port}/ (Ctrl-C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _check_can_listen(host: str, port: int) -> None:
    """Try the address before the server does: uvicorn logs a taken port or an unknown
    address after "serving ..." was said, and exits 3. As uvicorn (asyncio) listens on
    every address the host resolves to that it can, one that binds is enough ("localhost"
    where IPv6 is off). An empty host would listen on every interface, which only 0.0.0.0
    or :: should ask for."""
    if not host.strip():
        raise UsageError("--host: give an address (0.0.0.0 listens on every interface)")
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:  # socket.gaierror: an address that is no address
        raise UsageError(f"cannot listen on {host}:{port} ({error.strerror or error})") from None
    failure: OSError | None = None
    for family, kind, protocol, _, address in addresses:
        try:
            with socket.socket(family, kind, protocol) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
                probe.bind(address)
            return
        except OSError as error:
            failure = error
    reason = failure.strerror if failure is not None else "no address"
    raise UsageError(f"cannot listen on {host}:{port} ({reason})")
