"""Crawling: which URLs to fetch, when, and what becomes of each page.

``crawler`` (one crawl of the configured sources), ``discover`` and ``urls`` (article
URLs out of feeds, sitemaps and section pages), ``frontier`` (every URL's crawl state),
``schedule`` and ``service`` (when each source is due; ``--forever``), ``shard`` and
``progress``; ``pipeline`` (where a fetched page meets the cleaner and the store),
``cleanpool`` (cleaning under a time limit) and ``reclean``.
"""
