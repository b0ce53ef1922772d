"""Fetching: one polite, bounded GET per call, and what it rests on.

``fetcher`` (the Fetcher, around one httpx client, returning ``scraper.page.Page``),
``robots`` (robots.txt per origin), ``guard`` (no private addresses), ``encoding``
(Content-Encoding decoders), ``files`` (pages read from files, bounded as downloads).
This stage knows nothing of cleaning or of the store.
"""
