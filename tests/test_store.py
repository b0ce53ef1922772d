"""Store against real SQLite files: upserts, FTS sync, search, read-only query,
streaming, migrations, WAL readers, duplicates."""

from __future__ import annotations

import dataclasses
import hashlib
import random
import sqlite3
import subprocess
import sys
import threading
import tracemalloc
import zlib
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners import Article, RemovedBlock
from scraper.crawl.frontier import Frontier, Selection
from scraper.errors import ReadOnlyError, StoreError
from scraper.store.database import Store, fts_query
from scraper.store.retention import prune
from scraper.store.schema import SCHEMA_VERSION, migrate, user_version

WORDS = ("river", "council", "budget", "vote", "school", "harbour", "storm", "energy", "price",
         "minister", "court", "festival", "bridge", "train", "museum", "election", "hospital",
         "farmers", "market", "drought", "police", "library", "airport", "tunnel", "strike",
         "union", "forest", "mayor", "ferry", "theatre")


def prose(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + ("." if i % 12 == 11 else "") for i in range(words))


def article(text: str = "The council voted on the harbour budget.", **fields: object) -> Article:
    return Article(text=text, title=str(fields.pop("title", "Harbour budget")), **fields)  # type: ignore[arg-type]


def save(store: Store, url: str, item: Article, *, source: str | None = "local",
         fetched_at: str = "2026-11-27T10:00:00+00:00"):  # -> SaveResult
    return store.save_article(item, url=url, page_id=None, source=source, fetched_at=fetched_at)


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "news.db") as opened:
        yield opened


def count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def fts_consistent(store: Store) -> None:
    """FTS5's own check that the index matches the articles table (raises if not)."""
    store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


# -- raw pages ---------------------------------------------------------------------


def test_save_page_upserts_by_final_url_and_compresses(store: Store) -> None:
    body = b"<html>" + b"news " * 2000 + b"</html>"
    first = store.save_page(url="http://x.test/a?utm=1", final_url="http://x.test/a", status=200,
                            headers={"ETag": '"v1"', "Content-Type": "text/html"},
                            body=body, fetched_at="2026-11-27T10:00:00+00:00", source="x")
    again = store.save_page(url="http://x.test/a", final_url="http://x.test/a", status=200,
                            headers={"etag": '"v2"', "last-modified": "Fri, 27 Nov 2026"},
                            body=b"<html>new</html>", fetched_at="2026-11-27T11:00:00+00:00")
    assert again == first
    assert count(store, "raw_pages") == 1
    etag, modified, size, source = store.db.execute(
        "SELECT etag, last_modified, size, source FROM raw_pages").fetchone()
    assert (etag, modified, size, source) == ('"v2"', "Fri, 27 Nov 2026", 16, "x")
    [page] = store.raw_pages()
    assert page.body == b"<html>new</html>" and page.headers["etag"] == '"v2"'
    store.save_page(url="http://x.test/a", final_url="http://x.test/a", status=200, headers={},
                    body=body, fetched_at="2026-11-27T12:00:00+00:00")
    assert store.db.execute("SELECT length(body) FROM raw_pages").fetchone()[0] < len(body) / 10


def test_raw_pages_filters_by_source_and_time(store: Store) -> None:
    for n, (source, day) in enumerate([("a", "01"), ("b", "02"), ("a", "03")]):
        store.save_page(url=f"http://x.test/{n}", final_url=f"http://x.test/{n}", status=200,
                        headers={}, body=b"x", fetched_at=f"2026-11-{day}T00:00:00+00:00",
                        source=source)
    assert [p.url for p in store.raw_pages(source="a")] == ["http://x.test/0", "http://x.test/2"]
    assert [p.url for p in store.raw_pages(since="2026-11-02")] == [
        "http://x.test/1", "http://x.test/2"]


# -- articles ----------------------------------------------------------------------


def test_save_article_new_unchanged_updated_never_duplicates(store: Store) -> None:
    removed = [RemovedBlock("share", "share-bar", "Share this"),
               RemovedBlock("related", "related-links", "Read more")]
    first = save(store, "http://x.test/a", article(removed=removed, authors=["Ann Lee"]))
    same = save(store, "http://x.test/a", article(removed=removed, authors=["Ann Lee"]),
                fetched_at="2026-11-28T10:00:00+00:00")
    changed = save(store, "http://x.test/a", article("The council rejected the budget.",
                                                     removed=removed[:1], authors=["Ann Lee"]))
    assert (first.status, same.status, changed.status) == ("new", "unchanged", "updated")
    assert first.id == same.id == changed.id
    assert count(store, "articles") == 1
    stored = store.get_article(first.id)
    assert stored is not None
    assert stored["text"] == "The council rejected the budget."
    assert stored["authors"] == ["Ann Lee"]
    assert stored["removed"] == [{"kind": "share", "rule": "share-bar", "excerpt": "Share this"}]
    assert count(store, "removed_blocks") == 1


def test_article_keyed_by_canonical_url_and_found_by_any_url(store: Store) -> None:
    canonical = "http://x.test/story"
    one = save(store, "http://x.test/story?ref=home", article(canonical_url=canonical))
    two = save(store, "http://x.test/amp/story", article(canonical_url=canonical))
    assert one.id == two.id and count(store, "articles") == 1
    for key in (one.id, str(one.id), canonical, "http://x.test/amp/story"):
        found = store.get_article(key)
        assert found is not None and found["id"] == one.id
    assert store.get_article("http://x.test/nothing") is None
    assert store.get_article(999) is None


def test_a_page_cannot_take_another_sites_article_through_its_canonical_url(
        store: Store) -> None:
    real = "http://example.com/news/real-story.html"
    original = save(store, real, article("The real story.", title="Real"))
    hostile = save(store, "http://localhost:8000/evil.html",
                   article("Planted text.", title="Evil", canonical_url=real))
    republished = save(store, "http://wire.test/copy", article(
        "The real story.", title="Copy", canonical_url="http://www.example.com/news/real-story.html"))
    assert (hostile.status, republished.status) == ("new", "new")
    assert len({original.id, hostile.id, republished.id}) == 3
    kept = store.get_article(real)
    assert kept is not None and (kept["id"], kept["title"], kept["text"]) == (
        original.id, "Real", "The real story.")
    planted = store.get_article(hostile.id)
    assert planted is not None
    assert (planted["url"], planted["canonical_url"]) == ("http://localhost:8000/evil.html", real)
    assert republished.duplicate_of == original.id  # still linked as the copy it is


def test_a_canonical_url_on_the_page_s_own_site_is_its_key(store: Store) -> None:
    """``www.`` or not, upper case or not, http or https: the same site."""
    canonical = "https://x.test/story"
    one = save(store, "http://WWW.x.test/amp/story", article(canonical_url=canonical))
    two = save(store, "https://www.x.test./story?ref=home", article(canonical_url=canonical))
    assert one.id == two.id and store.get_article(canonical) is not None
    mobile = save(store, "https://m.x.test/story", article(canonical_url=canonical))
    assert mobile.id == one.id  # a mobile or AMP host is the same site


def test_a_row_keyed_by_a_foreign_canonical_before_is_the_same_page_s_article(
        store: Store) -> None:
    """Rows written while any canonical URL keyed an article: the same page saved again
    (a refetch, reclean or merge) updates its row and re-keys it, never adds one."""
    page_url, canonical = "http://wire.test/copy", "http://example.com/news/story.html"
    store.conn.execute(
        "INSERT INTO articles (url, fetched_url, canonical_url, title, text, content_hash, "
        "cleaner_version, fetched_at, stored_at) "
        "VALUES (?, ?, ?, 'Copy', 'Old text.', '', '0.7.25', '2026', '2026')",
        (canonical, page_url, canonical))
    saved = save(store, page_url, article("New text.", canonical_url=canonical))
    assert (saved.id, saved.status) == (1, "updated")
    assert [(r["url"], r["text"]) for r in store.iter_articles()] == [(page_url, "New text.")]


def test_a_copy_naming_the_original_as_canonical_is_linked_to_it_whatever_its_text(
        store: Store) -> None:
    original = save(store, "http://example.com/story", article("The story, as written."))
    copy = save(store, "http://wire.test/copy", article(
        "The story, cut and retitled by the republisher.",
        canonical_url="http://example.com/story"))
    assert copy.duplicate_of == original.id


def test_content_hash_cleaner_version_and_every_field_stored(store: Store) -> None:
    item = article(authors=["A", "B"], tags=["port", "city"], published="2026-11-27T08:00:00+01:00",
                   language="en", site_name="X", description="d", image_url="http://x.test/i.jpg",
                   source_url="http://y.test/original", markdown="# Harbour")
    saved = save(store, "http://x.test/a", item)
    row = store.get_article(saved.id)
    assert row is not None
    for name in ("title", "text", "markdown", "authors", "tags", "published", "language",
                 "site_name", "description", "image_url", "source_url", "cleaner_version"):
        assert row[name] == getattr(item, name), name
    assert row["content_hash"] == hashlib.sha256(item.text.encode()).hexdigest()
    assert row["source"] == "local" and row["stored_at"] == row["fetched_at"]


# -- transactions ------------------------------------------------------------------


def test_transaction_rolls_back_page_and_article_together(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        page_id = store.save_page(url="http://x.test/a", final_url="http://x.test/a",
                                  status=200, headers={}, body=b"x", fetched_at="2026")
        store.save_article(article(), url="http://x.test/a", page_id=page_id, source=None,
                           fetched_at="2026")
        raise RuntimeError("killed between page and commit")
    assert count(store, "raw_pages") == count(store, "articles") == 0
    with store.transaction():
        with pytest.raises(RuntimeError), store.transaction():
            save(store, "http://x.test/inner", article())
            raise RuntimeError("inner block fails")
        save(store, "http://x.test/outer", article("Another text."))
    assert [r["url"] for r in store.iter_articles()] == ["http://x.test/outer"]


def test_sigkill_inside_a_transaction_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    script = (
        "import os, signal\n"
        "from scraper.store.database import Store\n"
        f"store = Store({str(path)!r})\n"
        "with store.transaction():\n"
        "    store.save_page(url='http://x.test/a', final_url='http://x.test/a', status=200,\n"
        "                    headers={}, body=b'x', fetched_at='2026')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n")
    result = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert result.returncode == -9
    with Store(path) as reopened:
        assert count(reopened, "raw_pages") == 0
        assert reopened.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- full-text search --------------------------------------------------------------


def test_fts_follows_updates_and_deletes(store: Store) -> None:
    saved = save(store, "http://x.test/a", article("Ferry strike halts harbour traffic."))
    assert [h.id for h in store.search("ferry")] == [saved.id]
    save(store, "http://x.test/a", article("Tunnel opening delayed again."))
    assert store.search("ferry") == []
    assert [h.id for h in store.search("tunnel")] == [saved.id]
    fts_consistent(store)
    store.db.execute("DELETE FROM articles WHERE id = ?", [saved.id])
    assert store.search("tunnel") == []
    assert count(store, "removed_blocks") == 0
    fts_consistent(store)


def test_search_ranks_phrases_prefixes_and_filters(store: Store) -> None:
    save(store, "http://x.test/1", article("The mayor spoke about the storm damage at length.",
                                           title="Storm damage", published="2026-11-01",
                                           language="en"), source="a")
    save(store, "http://x.test/2", article("Storm clouds: damage storm costs rise, storm.",
                                           title="Costs", published="2026-11-20",
                                           language="de"), source="b")
    save(store, "http://x.test/3", article("Nothing relevant here about elections.",
                                           title="Election", published="2026-10-01"))
    hits = store.search("storm damage")
    assert [h.url for h in hits] == ["http://x.test/1", "http://x.test/2"]  # title weighs more
    assert hits[0].rank <= hits[1].rank
    assert "**" in hits[1].snippet and "**storm**" in hits[1].snippet.lower()
    assert [h.url for h in store.search('"storm damage"')] == ["http://x.test/1"]
    assert [h.url for h in store.search("elect*")] == ["http://x.test/3"]
    assert [h.url for h in store.search("storm", source="b")] == ["http://x.test/2"]
    assert [h.url for h in store.search("storm", language="en")] == ["http://x.test/1"]
    assert [h.url for h in store.search("storm", since="2026-11-10")] == ["http://x.test/2"]
    assert [h.url for h in store.search("storm", until="2026-11-10")] == ["http://x.test/1"]
    assert len(store.search("storm", limit=1)) == 1
    assert store.search("storms damaged")  # stemmed: porter tokenizer


WEIRD_TERMS = ['"', '""', '"unclosed phrase', "AND", "OR", "NOT", "NEAR(a b)", "a AND", "*",
               "storm*", "**", "^start", "title:storm", "(", ")", "-storm", "+", "'", "a'b",
               "x\"y", "über straße", "日本語", "🙂", "", "   ", "\x00", "a:b:c", "{col}: x",
               "NEAR", "storm NOT", "\\", "%_", ";DROP TABLE articles;--", "_"]


@pytest.mark.parametrize("terms", WEIRD_TERMS)
def test_search_never_raises_on_weird_input(store: Store, terms: str) -> None:
    save(store, "http://x.test/a", article("Storm over the harbour; über straße 日本語 or not."))
    assert isinstance(store.search(terms), list)
    assert count(store, "articles") == 1


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory):
    with Store(tmp_path_factory.mktemp("fts") / "news.db") as opened:
        save(opened, "http://x.test/a", article(prose(1)))
        yield opened


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_search_never_raises_on_any_text(shared_store: Store, terms: str) -> None:
    shared_store.search(terms)


def test_fts_query_quotes_everything() -> None:
    assert fts_query('storm AND "harbour traffic" elect* x"y') == (
        '"storm" "AND" "harbour traffic" "elect"* "x""y"')
    assert fts_query(' " * ') is None


# -- read-only query ---------------------------------------------------------------


REFUSED = [
    "INSERT INTO crawl_runs (command, started_at) VALUES ('x', 'y')",
    "UPDATE articles SET title = 'x'",
    "DELETE FROM articles",
    "DROP TABLE articles",
    "CREATE TABLE t (x)",
    "ALTER TABLE articles ADD COLUMN x",
    "ATTACH DATABASE 'other.db' AS other",
    "DETACH DATABASE main",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA user_version = 99",
    "PRAGMA writable_schema = ON",
    "WITH x AS (SELECT 1) INSERT INTO crawl_runs (command, started_at) SELECT 1, 2 FROM x",
    "SELECT 1; DELETE FROM articles",
    "SELECT 1; SELECT 2",
    "VACUUM",
    "VACUUM INTO 'copy.db'",
    "REINDEX",
    "ANALYZE",
    "BEGIN",
    "SAVEPOINT x",
    "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')",
    "SELECT load_extension('x')",
    "CREATE TEMP VIEW v AS SELECT 1",
    "REPLACE INTO feeds (url) VALUES ('x')",
    "/* comment */ delete from articles",
]


@pytest.mark.parametrize("sql", REFUSED)
def test_query_refuses_every_write(store: Store, sql: str, tmp_path: Path) -> None:
    save(store, "http://x.test/a", article())
    before = store.db.execute("PRAGMA user_version").fetchone()
    with pytest.raises(ReadOnlyError) as refused:
        store.query(sql)
    assert "\n" not in str(refused.value)
    assert count(store, "articles") == 1 and count(store, "crawl_runs") == 0
    assert store.db.execute("PRAGMA user_version").fetchone() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("news.db")) == []
    assert store.search("harbour")


@pytest.mark.parametrize("sql", [
    "SELECT title FROM articles",
    "select title from articles;",
    "WITH t AS (SELECT title FROM articles) SELECT * FROM t",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) "
    "SELECT title FROM articles, n WHERE i = 1",
    "SELECT title FROM articles_fts WHERE articles_fts MATCH 'harbour'",
    "SELECT a.title FROM articles a JOIN pragma_table_info('articles') p ON p.name = 'id'",
    "PRAGMA table_info(articles)",
])
def test_query_allows_reads(store: Store, sql: str) -> None:
    save(store, "http://x.test/a", article())
    result = store.query(sql)
    rows = list(result.rows)
    assert rows and result.columns
    if "table_info" not in sql:
        assert rows == [("Harbour budget",)]


def test_query_streams_and_reports_errors_in_one_line(store: Store) -> None:
    for n in range(50):
        save(store, f"http://x.test/{n}", article(f"Text number {n}."))
    result = store.query("SELECT id, url FROM articles WHERE id > ? ORDER BY id", [10])
    assert result.columns == ["id", "url"]
    assert next(result.rows) == (11, "http://x.test/10")
    assert len(list(result.rows)) == 39
    with pytest.raises(StoreError, match="no such table: nope"):
        store.query("SELECT * FROM nope")
    closed = store.query("SELECT * FROM articles")
    next(closed.rows)
    closed.close()
    assert list(closed.rows) == []
    unfinished = store.query("SELECT * FROM articles")
    next(unfinished.rows)  # left open: Store.close() closes it


# -- streaming ---------------------------------------------------------------------


def test_iter_articles_streams_row_by_row(store: Store) -> None:
    """Fetching all rows would hold every text at once (~8 MB); streaming holds one."""
    big = "x" * 4000
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO articles (url, title, text, content_hash, cleaner_version, fetched_at, "
            "stored_at, published, language, source) VALUES (?, 't', ?, 'h', 'v', 'f', 's', ?, "
            "'en', 'a')", ((f"http://x.test/{n}", f"{big} {n}", f"2026-11-{n % 28 + 1:02d}")
                           for n in range(2000)))
    tracemalloc.start()
    try:
        seen = sum(1 for _ in store.iter_articles(source="a", language="en"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == 2000
    assert peak < 1_000_000, peak
    days = [f"2026-11-{n % 28 + 1:02d}" for n in range(2000)]
    expected = sum(1 for day in days if "2026-11-10" <= day < "2026-11-20")
    assert sum(1 for _ in store.iter_articles(since="2026-11-10", until="2026-11-20")) == expected


# -- schema and opening ------------------------------------------------------------


def test_version_1_database_upgrades_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, str(path), upto=1)
    conn.execute("INSERT INTO articles (url, title, text, content_hash, cleaner_version, "
                 "fetched_at, stored_at) VALUES ('http://x.test/old', 'Old', "
                 "'An old harbour story.', 'h', '0.0.1', 'f', 's')")
    conn.execute("INSERT INTO raw_pages (url, final_url, status, body, size, fetched_at) "
                 "VALUES ('http://x.test/old', 'http://x.test/old', 200, ?, 3, 'f')",
                 [zlib.compress(b"old")])
    assert user_version(conn) == 1
    conn.close()
    with Store(path) as store:
        assert user_version(store.db.conn) == SCHEMA_VERSION
        assert [h.url for h in store.search("harbour")] == ["http://x.test/old"]
        assert [p.body for p in store.raw_pages()] == [b"old"]
        assert {"urls", "feeds", "sources_state"} <= set(store.db.table_names())
        assert {"source", "duplicate_of", "simhash"} <= set(store.db["articles"].columns_dict)
        assert store.get_article("http://x.test/old")["simhash"] not in (None, 0)  # backfilled
        saved = save(store, "http://x.test/old", article("An old harbour story, updated."))
        assert saved.status == "updated"


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer newscrawl"):
        Store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    conn.close()


@pytest.mark.parametrize("version", [0, 3])
def test_another_programs_database_is_refused_untouched(tmp_path: Path, version: int) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE foo (x)")
        conn.execute(f"PRAGMA user_version = {version}")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"other\.db: not a newscrawl database"):
        Store(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_an_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    path.touch()
    with Store(path) as store:
        assert user_version(store.conn) == SCHEMA_VERSION


def test_not_a_database_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not a SQLite database$"):
        Store(path)
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path)


def test_every_article_field_has_a_column(store: Store) -> None:
    # url: fetched_url and the key; removed: its table; fingerprints: the site profiles
    kept_elsewhere = {"url", "removed", "fingerprints"}
    names = {f.name for f in dataclasses.fields(Article)} - kept_elsewhere
    assert names <= set(store.db["articles"].columns_dict)


def test_datasette_finds_the_full_text_index(store: Store) -> None:
    assert store.db["articles"].detect_fts() == "articles_fts"


def test_frontier_tables_check_states(store: Store) -> None:
    store.db.execute("INSERT INTO urls (url, source, discovered_at) VALUES ('u', 's', 'now')")
    assert store.db.execute("SELECT state, attempts FROM urls").fetchone() == ("queued", 0)
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute("UPDATE urls SET state = 'lost'")
    plan = store.db.execute("EXPLAIN QUERY PLAN SELECT url FROM urls WHERE state = 'queued' "
                            "AND next_attempt_at <= 'x'").fetchall()
    assert "urls_state_next_attempt" in str(plan)


# -- concurrency -------------------------------------------------------------------


def test_readers_work_during_a_write_transaction(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as writer:
        save(writer, "http://x.test/a", article("Committed harbour story."))
        with writer.transaction():
            save(writer, "http://x.test/b", article("Uncommitted harbour story."))
            with Store(path) as reader:  # opening runs the schema check: no lock taken
                assert [h.url for h in reader.search("harbour")] == ["http://x.test/a"]
                assert list(reader.query("SELECT url FROM articles").rows) == [
                    ("http://x.test/a",)]
                assert [r["url"] for r in reader.iter_articles()] == ["http://x.test/a"]
                assert reader.stats()["articles"] == 1
        assert writer.stats()["articles"] == 2


def test_sqlite_utils_writes_join_the_store_transaction(store: Store) -> None:
    """The frontier writes through ``store.db``; its writes commit or roll back with ours."""
    with pytest.raises(RuntimeError), store.transaction():
        store.db["urls"].insert({"url": "u", "source": "s", "discovered_at": "now"})
        store.db["feeds"].upsert({"url": "f", "etag": "e"}, pk="url")
        raise RuntimeError
    assert count(store, "urls") == count(store, "feeds") == 0
    store.db["urls"].insert({"url": "u", "source": "s", "discovered_at": "now"})
    assert count(store, "urls") == 1


def test_recleaning_reads_pages_while_writing_articles(store: Store) -> None:
    for n in range(30):
        store.save_page(url=f"http://x.test/{n}", final_url=f"http://x.test/{n}", status=200,
                        headers={}, body=f"page {n}".encode(), fetched_at="2026")
    outcomes = []
    for page in store.raw_pages():
        with store.transaction():
            store.save_page(url=page.url, final_url=page.final_url, status=200, headers={},
                            body=page.body + b"!", fetched_at="2027")
            outcomes.append(save(store, page.final_url, article(prose(page.id))).status)
    assert outcomes == ["new"] * 30
    assert count(store, "raw_pages") == 30
    assert {p.body[-1:] for p in store.raw_pages()} == {b"!"}


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    outcome: list[object] = []

    def write_from_another_connection() -> None:
        try:
            with Store(path) as other:
                outcome.append(save(other, "http://x.test/second", article("Second.")).status)
        except Exception as error:  # reported by the assertion below
            outcome.append(error)

    with Store(path) as first:
        with first.transaction():
            save(first, "http://x.test/first", article("First."))
            writer = threading.Thread(target=write_from_another_connection)
            writer.start()
            writer.join(0.5)
            assert writer.is_alive() and outcome == []  # waiting on the lock, not failing
        writer.join(30)
        assert outcome == ["new"]
        assert count(first, "articles") == 2


def failed_url(store: Store) -> Selection:
    store.db.execute("INSERT INTO urls (url, source, state, discovered_at) "
                     "VALUES ('http://x.test/gone', 's', 'failed', 'now')")
    return Selection(states=("failed",))


def test_writes_through_the_connection_to_a_read_only_database_are_store_errors(
        store: Store) -> None:
    """``crawl retry`` and ``crawl prune`` write through ``store.db`` and ``store.conn``:
    a read-only database is one line for them too."""
    selection = failed_url(store)
    store.conn.execute("PRAGMA query_only = ON")  # as a read-only file answers
    with pytest.raises(StoreError, match=r"news\.db: attempt to write a readonly database$"):
        Frontier(store.db).requeue(selection)
    with pytest.raises(StoreError, match="readonly"):
        prune(store, timedelta(days=1))
    store.conn.execute("PRAGMA query_only = OFF")
    assert Frontier(store.db).requeue(selection) == 1  # the connection still works


def test_writes_through_the_connection_to_a_locked_database_are_store_errors(
        store: Store) -> None:
    selection = failed_url(store)
    store.conn.execute("PRAGMA busy_timeout = 50")  # not the 30 s a command waits
    with closing(sqlite3.connect(store.path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match=r"news\.db: database is locked$"):
            Frontier(store.db).requeue(selection)
        with pytest.raises(StoreError, match="database is locked"):
            prune(store, timedelta(days=1))
        other.execute("ROLLBACK")
    assert Frontier(store.db).requeue(selection) == 1


def test_a_statement_s_own_errors_stay_sqlite_errors(store: Store) -> None:
    """Only the file's surroundings are translated on the connection: callers
    still catch a constraint or syntax error as sqlite3's."""
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("SELEC 1")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.executemany("INSERT INTO urls (url) VALUES (?)", [("u",)])


# -- duplicates --------------------------------------------------------------------


def test_exact_and_near_copies_link_to_the_first(store: Store) -> None:
    original = save(store, "http://a.test/1", article(prose(1)))
    exact = save(store, "http://b.test/1", article(prose(1)))
    near = save(store, "http://c.test/1", article(prose(1) + " Reporting by the wire desk."))
    other = save(store, "http://d.test/1", article(prose(2)))
    assert original.duplicate_of is None and other.duplicate_of is None
    assert exact.duplicate_of == near.duplicate_of == original.id
    assert store.stats()["duplicates"] == 2
    blank = [save(store, f"http://e.test/{n}", article("  ")) for n in range(2)]
    assert [b.duplicate_of for b in blank] == [None, None]


def test_a_named_source_is_the_original_whichever_arrives_first(store: Store) -> None:
    copy = save(store, "http://copy.test/1", article(prose(3), source_url="http://orig.test/1"))
    assert copy.duplicate_of is None  # its original is not stored yet
    original = save(store, "http://orig.test/1", article(prose(3)))
    assert original.duplicate_of is None
    found = store.get_article(copy.id)
    assert found is not None and found["duplicate_of"] == original.id
    later = save(store, "http://copy2.test/1", article("Short rewrite.",
                                                        source_url="http://orig.test/1"))
    assert later.duplicate_of == original.id


# -- runs and stats ----------------------------------------------------------------


def test_runs_and_stats(store: Store) -> None:
    run = store.start_run(source="a", command="run")
    assert store.stats()["last_run"]["status"] == "running"
    save(store, "http://x.test/a", article(language="en",
                                           removed=[RemovedBlock("ads", "ad-slot", "Buy")]))
    store.finish_run(run, {"new": 1, "errors": {"http-500": 2}})
    numbers = store.stats()
    assert numbers["articles"] == 1 and numbers["pages"] == 0
    assert numbers["sources"] == {"local": 1} and numbers["languages"] == {"en": 1}
    assert numbers["removed_blocks"] == {"ads": 1}
    assert numbers["last_run"]["summary"] == {"new": 1, "errors": {"http-500": 2}}
    assert numbers["last_run"]["finished_at"] and numbers["db_bytes"] > 0


def test_source_runs_are_remembered_per_source(store: Store) -> None:
    assert store.last_runs() == {}
    store.mark_source_run("a", "2026-11-27T10:00:00+00:00", "2026-11-27T10:30:00+00:00")
    store.mark_source_run("b", "2026-11-27T09:00:00+00:00", None)
    store.mark_source_run("a", "2026-11-27T11:00:00+00:00", "2026-11-27T11:30:00+00:00")
    runs = store.last_runs()
    assert runs == {"a": datetime(2026, 11, 27, 11, tzinfo=UTC),
                    "b": datetime(2026, 11, 27, 9, tzinfo=UTC)}
    assert count(store, "sources_state") == 2


def _save_incompressible_pages(store: Store, count: int, size: int = 100_000) -> None:
    rng = random.Random(7)
    for i in range(count):
        store.save_page(url=f"http://x.test/{i}", final_url=f"http://x.test/{i}", status=200,
                        headers={}, body=rng.randbytes(size), fetched_at="2024-01-01T00:00:00")


def test_commits_inside_checkpoints_aside_leave_the_log_to_its_thread(tmp_path: Path) -> None:
    """5 MB of pages, more than a commit would let the log grow before checkpointing:
    with the thread asleep, the database file stays as it was and the log holds them."""
    with Store(tmp_path / "news.db") as store:
        before = (tmp_path / "news.db").stat().st_size
        with store.checkpoints_aside(every=3600):
            _save_incompressible_pages(store, 50)
            assert (tmp_path / "news.db").stat().st_size == before
            assert (tmp_path / "news.db-wal").stat().st_size > 4_000_000
        assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


def test_the_checkpoint_thread_moves_the_log_into_the_database(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store, store.checkpoints_aside(every=0.05):
        _save_incompressible_pages(store, 20)
        for _ in range(200):  # up to 10 s on a busy machine
            if (tmp_path / "news.db").stat().st_size > 2_000_000:
                break
            threading.Event().wait(0.05)
        assert (tmp_path / "news.db").stat().st_size > 2_000_000
    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT count(*) FROM raw_pages").fetchone()[0] == 20


def test_an_article_s_fingerprint_is_computed_unless_given(store: Store) -> None:
    """A crawl's worker computes it beside the cleaner; other callers leave it to the store."""
    from scraper.store.dedupe import fingerprint

    store.save_article(article(prose(11)), url="http://x.test/given", page_id=None, source=None,
                       fetched_at="2026-11-27T10:00:00+00:00", simhash=12345)
    save(store, "http://x.test/computed", article(prose(12)))
    assert [row[0] for row in store.db.execute("SELECT simhash FROM articles ORDER BY id")] \
        == [12345, fingerprint(prose(12))]
