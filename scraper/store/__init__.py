"""Storage: the SQLite database and what is done with it once written.

``database`` (the one ``Store``: raw pages, articles, full-text search, runs),
``schema`` (its migrations), ``dedupe`` (near-duplicate fingerprints), ``profiles``
(site profiles), ``lock`` (one writer per database), ``lean_sqlite``; ``export``,
``merge``, ``retention`` (prune) and ``web`` (``crawl serve``, read-only). This
stage knows nothing of fetching.
"""
