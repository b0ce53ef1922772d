"""A database the crawler wrote opens in Datasette, with full-text search working.

Datasette runs in-process (its own ASGI test client), so nothing listens on a port.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from cleaners import Article
from scraper.store.database import Store

datasette_app = pytest.importorskip("datasette.app", reason="datasette is in the test extra")


def test_datasette_finds_articles_by_full_text_search(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        for number, (title, text) in enumerate([
            ("Harbour reopens", "The harbour reopened after the storm passed."),
            ("Council votes", "The council voted on the new budget for schools."),
        ]):
            url = f"https://example.com/{number}"
            store.save_article(Article(url=url, title=title, text=text), url=url, page_id=None,
                               source="demo", fetched_at="2026-11-27T00:00:00+00:00")

    async def ask() -> tuple[int, list[dict[str, object]], str]:
        datasette = datasette_app.Datasette([str(db)])
        found = await datasette.client.get(
            "/news/articles.json?_search=harbour&_shape=array&_col=title")
        page = await datasette.client.get("/news/articles")
        return found.status_code, found.json(), page.text

    status, rows, page = asyncio.run(ask())
    assert status == 200
    assert [row["title"] for row in rows] == ["Harbour reopens"]
    assert 'name="_search"' in page, "Datasette shows its search box for an FTS table"
