"""crawl: the command line of newscrawl.

Each verb is a thin call into the library (``scraper``, ``cleaners``); this
module only parses options, picks an output format and turns every
``CrawlError`` into one line on stderr with its exit code:
0 done, 1 some URLs failed, 2 usage or config error.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from scraper.config import Config, load_config
from scraper.errors import CrawlError, FetchError
from scraper.render import render

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_CONFIG = "config.yaml"


class CrawlGroup(click.Group):
    """Reports a ``CrawlError`` as one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CrawlError as error:
            click.echo(f"crawl: error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("crawl: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # `crawl export | head`: the reader left; not an error of ours.
            sys.stderr.close()
            ctx.exit(0)


@dataclasses.dataclass
class Settings:
    """What --config and --db said, wherever they stood on the command line."""

    config_path: str | None = None
    db_path: str | None = None

    @functools.cached_property
    def config(self) -> Config:
        found = DEFAULT_CONFIG if Path(DEFAULT_CONFIG).is_file() else None
        return load_config(self.config_path or found)

    @property
    def database(self) -> str:
        return self.db_path or self.config.database

    def open_store(self, *, must_exist: bool = False) -> Any:
        from scraper.errors import StoreError
        from scraper.store import Store

        if must_exist and not Path(self.database).exists():
            raise StoreError(f"{self.database}: no such database (run `crawl fetch` or "
                             "`crawl run` first, or give --db)")
        return Store(self.database)


def common_options(command: F) -> F:
    """--config and --db, taken by every command, before or after the verb."""

    def remember(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
        def callback(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
            if value is not None:
                setattr(ctx.ensure_object(Settings), name, value)
            return value
        return callback

    command = click.option(
        "--config", "config_path", metavar="PATH", expose_value=False, is_eager=True,
        callback=remember("config_path"),
        help="Configuration file (default: ./config.yaml when present).")(command)
    command = click.option(
        "--db", "db_path", metavar="PATH", expose_value=False,
        callback=remember("db_path"),
        help="SQLite database (default: `database` in the config, news.db).")(command)
    return command


def settings() -> Settings:
    """The command line's --config and --db; loading the config here means a
    typo in config.yaml stops every command, not only those that read it."""
    chosen = click.get_current_context().ensure_object(Settings)
    chosen.config  # noqa: B018 -- loaded for its checks
    return chosen


@click.group(cls=CrawlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newscrawl")
@common_options
def cli() -> None:
    """Crawl news sources, clean articles of boilerplate, store and query them.

    \b
    crawl fetch https://example.com/news/story.html
    crawl search "climate summit" --since 2026-01-01
    crawl query "select title, published from articles limit 5"
    """


# -- output helpers ------------------------------------------------------------


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
                title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(str(column), overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(soft_wrap=False).print(table)


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: Any) -> None:
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)


def write_json_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: Any) -> None:
    for row in rows:
        out.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False,
                             default=str) + "\n")


def show_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str) -> None:
    if fmt == "json":
        write_json_rows(columns, rows, sys.stdout)
    elif fmt == "csv":
        write_csv(columns, rows, sys.stdout)
    else:
        print_table(columns, rows)


format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
    show_default=True, help="How to print each article.")

table_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True, help="A table for people, JSON Lines or CSV for programs.")


def filter_options(command: F) -> F:
    for option in reversed([
        click.option("--source", help="Only articles of this configured source."),
        click.option("--since", metavar="DATE", help="Published on or after DATE (ISO 8601)."),
        click.option("--until", metavar="DATE", help="Published before DATE (ISO 8601)."),
        click.option("--lang", "language", metavar="CODE", help="Language code, e.g. en."),
    ]):
        command = option(command)
    return command


# -- commands --------------------------------------------------------------------


@cli.command()
@click.argument("targets", nargs=-1, required=True, metavar="URL|FILE...")
@format_option
@click.option("--no-store", is_flag=True, help="Print the articles, store nothing.")
@click.option("--url", "base_url", metavar="URL",
              help="The URL a local FILE was saved from (for links and metadata).")
@common_options
def fetch(targets: tuple[str, ...], fmt: str, no_store: bool, base_url: str | None) -> None:
    """Fetch URLs (or read saved HTML files), clean them and store the articles.

    \b
    crawl fetch https://example.com/2026/11/27/story.html --format markdown
    crawl fetch saved-page.html --url https://example.com/story --no-store
    """
    from scraper import pipeline
    from scraper.fetch import fetch_pages

    conf = settings().config
    urls = [t for t in targets if not Path(t).is_file()]
    files = [t for t in targets if Path(t).is_file()]
    results: dict[str, Any] = {}
    for path in files:
        results[path] = pipeline.page_from_file(path, url=base_url)
    if urls:
        results.update(zip(urls, fetch_pages(urls, conf.fetch), strict=True))

    store = None if no_store else settings().open_store()
    failures = 0
    try:
        for target in targets:
            page = results[target]
            if isinstance(page, FetchError):
                failures += 1
                click.echo(f"crawl: error: {page}", err=True)
                continue
            article = pipeline.clean_page(page, conf.clean)
            if not article.text:
                failures += 1
                click.echo(f"crawl: error: {target}: {article.reason}", err=True)
                continue
            if store is not None:
                stored = pipeline.store_page(store, page, article)
                click.echo(f"{stored.outcome}: {stored.url}", err=True)
            click.echo(render(article.to_dict(), fmt), nl=False)
    finally:
        if store is not None:
            store.close()
    if failures:
        sys.exit(1)


@cli.command("clean")
@click.argument("file", type=click.File("rb"), metavar="FILE|-")
@click.option("--url", metavar="URL", help="The URL the page was saved from.")
@format_option
@common_options
def clean_command(file: Any, url: str | None, fmt: str) -> None:
    """Clean a saved HTML page (no network, nothing stored).

    \b
    crawl clean page.html --url https://example.com/story --format json
    curl -s https://example.com/story | crawl clean - --url https://example.com/story
    """
    from cleaners import clean

    conf = settings().config
    article = clean(file.read(), url, site_rules=conf.clean.rules_for(url))
    if not article.text:
        raise CrawlError(f"{file.name}: {article.reason}")
    click.echo(render(article.to_dict(), fmt), nl=False)


@cli.command()
@click.argument("target", metavar="URL|FILE")
@click.option("--url", "base_url", metavar="URL", help="The URL a local FILE was saved from.")
@click.option("--html", "html_out", metavar="OUT.html", type=click.Path(dir_okay=False),
              help="Also write a page showing every removed block highlighted by kind.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@common_options
def explain(target: str, base_url: str | None, html_out: str | None, fmt: str) -> None:
    """Show what the cleaner kept and what it removed from a page, and by which rule.

    \b
    crawl explain https://example.com/2026/11/27/story.html
    crawl explain saved.html --url https://example.com/story --html why.html
    """
    from cleaners.explain import explain as explain_page
    from cleaners.report import render_report
    from scraper import pipeline
    from scraper.fetch import fetch_pages

    conf = settings().config
    if Path(target).is_file():
        page = pipeline.page_from_file(target, url=base_url)
    else:
        (fetched,) = fetch_pages([target], conf.fetch)
        if isinstance(fetched, FetchError):
            raise fetched
        page = fetched
    article, segments = explain_page(page.body, page.final_url, charset=page.charset,
                                     site_rules=conf.clean.rules_for(page.final_url))
    if html_out:
        try:
            Path(html_out).write_text(render_report(segments, article), encoding="utf-8")
        except OSError as error:
            raise CrawlError(f"{html_out}: cannot write ({error.strerror})") from error
        click.echo(f"wrote {html_out}", err=True)
    if fmt == "json":
        click.echo(json.dumps({"article": article.to_dict(),
                               "segments": [dataclasses.asdict(s) for s in segments]},
                              ensure_ascii=False))
        return
    if article.container:
        click.echo(f"container: {article.container}\n")
    for segment in segments:
        if segment.kind is None:
            click.echo(click.style("kept", fg="green", bold=True))
            click.echo(segment.text + "\n")
        else:
            label = click.style(f"removed [{segment.kind}] {segment.rule}", fg="red")
            click.echo(f"{label}: {shorten(segment.text)}\n")
    if article.reason:
        click.echo(f"no article: {article.reason}", err=True)


def shorten(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@cli.command()
@click.argument("terms", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@filter_options
@table_format_option
@common_options
def search(terms: tuple[str, ...], limit: int, source: str | None, since: str | None,
           until: str | None, language: str | None, fmt: str) -> None:
    """Full-text search of stored articles, best match first.

    \b
    crawl search climate summit --since 2026-11-01 --limit 5
    crawl search '"north korean soldiers"' --format json
    """
    with settings().open_store(must_exist=True) as store:
        hits = store.search(" ".join(terms), limit=limit, source=source, since=since,
                            until=until, language=language)
        columns = ["id", "title", "published", "url", "snippet"]
        rows = [[getattr(hit, c) for c in columns] for hit in hits]
        if fmt == "table" and not rows:
            click.echo("no match", err=True)
            return
        show_rows(columns, rows, fmt)


@cli.command()
@click.argument("sql")
@table_format_option
@common_options
def query(sql: str, fmt: str) -> None:
    """Run a read-only SQL query; any statement that writes is refused.

    \b
    crawl query "select source, count(*) from articles group by source"
    crawl query "select url, title from articles" --format csv > titles.csv
    """
    with settings().open_store(must_exist=True) as store:
        result = store.query(sql)
        show_rows(result.columns, result.rows, fmt)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "markdown"]),
              default="jsonl", show_default=True)
@click.option("--output", "-o", metavar="PATH",
              help="File to write (a folder for markdown); default: standard output.")
@filter_options
@common_options
def export(fmt: str, output: str | None, source: str | None, since: str | None,
           until: str | None, language: str | None) -> None:
    """Export stored articles as JSON Lines, CSV, or one Markdown file each.

    \b
    crawl export --format jsonl -o articles.jsonl
    crawl export --format markdown -o articles/ --since 2026-11-01
    """
    from scraper.export import export_articles

    with settings().open_store(must_exist=True) as store:
        rows = store.iter_articles(source=source, since=since, until=until, language=language)
        count = export_articles(rows, fmt, output)
    click.echo(f"exported {count} articles", err=True)


@cli.command()
@click.option("--source", "only", multiple=True, metavar="NAME",
              help="Crawl this source now, due or not (repeatable).")
@click.option("--limit", type=click.IntRange(1), metavar="N",
              help="Fetch at most N articles, then stop.")
@click.option("--forever", is_flag=True,
              help="Keep running: sleep until the next source is due. Stops on SIGTERM.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="How to print the summary.")
@common_options
def run(only: tuple[str, ...], limit: int | None, forever: bool, fmt: str) -> None:
    """Crawl the sources in the config that are due: only new articles are fetched.

    \b
    crawl run                      # what is due, then exit (for cron)
    crawl run --source bbc-world --limit 20
    crawl run --forever            # as a service; SIGTERM finishes pages in flight
    """
    from scraper import service
    from scraper.errors import ConfigError
    from scraper.lock import RunLock
    from scraper.progress import ProgressReporter
    from scraper.schedule import Stopper

    conf = settings().config
    if not conf.sources:
        where = conf.path or "the default configuration"
        raise ConfigError(f"{where}: no sources to crawl (add some under `sources:`)")
    if forever and (only or limit):
        raise click.UsageError("--forever runs every source on its schedule: "
                               "drop --source and --limit")

    def show(result: service.RunResult) -> None:
        show_summary(result, fmt)

    with RunLock(settings().database), settings().open_store() as store, Stopper() as stopper, \
            ProgressReporter() as report:
        if forever:
            service.run_forever(conf, store, stopper, report=report, on_result=show,
                                on_sleep=lambda s: click.echo(f"sleeping {s:.0f}s until the "
                                                              "next source is due", err=True))
            return
        result = service.run_due(conf, store, only=only, limit=limit, report=report,
                                 stopper=stopper)
    if not result.sources:
        click.echo("nothing is due (use --source NAME to crawl one now)", err=True)
        return
    show_summary(result, fmt)
    if result.summary.errors and not (result.summary.new or result.summary.updated
                                      or result.summary.unchanged):
        sys.exit(1)


def show_summary(result: Any, fmt: str) -> None:
    numbers = result.summary.to_dict()
    if fmt == "json":
        click.echo(json.dumps({"sources": result.sources, "stopped": result.stopped} | numbers,
                              ensure_ascii=False))
        return
    rows = [(k.replace("_", " "), v) for k, v in numbers.items() if k != "errors"]
    rows += [(f"errors: {kind}", n) for kind, n in sorted(numbers["errors"].items())]
    title = ("stopped early: " if result.stopped else "crawled: ") + ", ".join(result.sources)
    print_table(["", "count"], rows, title=title)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@common_options
def sources(fmt: str) -> None:
    """List the configured sources, with their last run and when they are next due."""
    from datetime import UTC, datetime

    from scraper.schedule import next_due

    conf = settings().config
    runs: dict[str, Any] = {}
    if Path(settings().database).exists():
        with settings().open_store() as store:
            runs = store.last_runs()
    now = datetime.now(UTC)
    rows = []
    for source in conf.sources:
        last = runs.get(source.name)
        due = next_due(source, conf.every, last)
        rows.append({
            "name": source.name,
            "schedule": f"cron {source.cron}" if source.cron else
                        f"every {format_duration(source.every or conf.every)}",
            "last_run": last.isoformat(timespec="seconds") if last else "never",
            "next_due": "now" if due <= now else due.isoformat(timespec="seconds"),
            "discovery": ", ".join(
                label for label, present in (
                    ("home", source.home), (f"{len(source.feeds)} feeds", source.feeds),
                    (f"{len(source.sitemaps)} sitemaps", source.sitemaps),
                    (f"{len(source.sections)} sections", source.sections))
                if present),
        })
    columns = ["name", "schedule", "last_run", "next_due", "discovery"]
    show_rows(columns, [[row[c] for c in columns] for row in rows], fmt)


@cli.command()
@click.argument("source_name", metavar="SOURCE")
@table_format_option
@common_options
def discover(source_name: str, fmt: str) -> None:
    """List what a run of SOURCE would fetch, without fetching any article.

    \b
    crawl discover bbc-world
    """
    import asyncio

    from scraper.crawler import Crawler

    conf = settings().config
    source = conf.source(source_name)
    with settings().open_store() as store:
        crawler = Crawler(conf, store)

        async def look() -> Any:
            try:
                return await crawler.discover(source)
            finally:
                await crawler.aclose()

        found = asyncio.run(look())
        known = crawler.frontier.known([item.url for item in found.items])
    columns = ["url", "published", "status"]
    rows = [[item.url, item.published or "", "stored" if item.url in known else "new"]
            for item in found.items]
    rows += [[item.url, item.published or "", f"skipped: {reason}"]
             for item, reason in found.skipped]
    show_rows(columns, rows, fmt)


@cli.command()
@click.argument("key", metavar="URL|ID")
@format_option
@common_options
def show(key: str, fmt: str) -> None:
    """Print one stored article with its metadata and the blocks removed from it.

    \b
    crawl show 42
    crawl show https://example.com/2026/11/27/story.html --format json
    """
    from scraper.errors import UsageError

    with settings().open_store(must_exist=True) as store:
        article = store.get_article(int(key) if key.isdigit() else key)
    if article is None:
        raise UsageError(f"no stored article with id or URL {key!r}")
    click.echo(render(article, fmt), nl=False)
    if fmt != "json" and article.get("removed"):
        click.echo(f"\nremoved blocks ({len(article['removed'])}):")
        for block in article["removed"]:
            click.echo(f"  [{block['kind']}] {block['rule']}: {block['excerpt']}")


@cli.command()
@click.option("--source", help="Only pages of this configured source.")
@click.option("--since", metavar="DATE", help="Only pages fetched on or after DATE.")
@common_options
def reclean(source: str | None, since: str | None) -> None:
    """Clean the stored raw pages again with the current cleaner (no network).

    Run it after upgrading newscrawl or changing the `clean:` rules in the config.

    \b
    crawl reclean
    crawl reclean --source bbc-world --since 2026-11-01
    """
    from scraper.lock import RunLock
    from scraper.reclean import reclean as reclean_pages

    conf = settings().config
    rules = {s.name: s.clean for s in conf.sources}
    # A crawl refreshing an article while reclean rewrites it from an older page would
    # lose the newer text: the two take turns on a database.
    with RunLock(settings().database, command="crawl reclean"), \
            settings().open_store(must_exist=True) as store:
        result = reclean_pages(store, conf.clean, source=source, since=since, source_rules=rules)
    for url, reason in result.failures:
        click.echo(f"crawl: error: {url}: {reason}", err=True)
    click.echo(f"{result.pages} pages: {result.changed} changed, {result.unchanged} unchanged, "
               f"{result.empty} without an article, {result.failed} failed")
    if result.failed:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@common_options
def stats(fmt: str) -> None:
    """Counts of what the database holds."""
    with settings().open_store(must_exist=True) as store:
        numbers = store.stats()
    if fmt == "json":
        click.echo(json.dumps(numbers, ensure_ascii=False, indent=2, default=str))
        return
    print_table(["", "value"], flatten(numbers))


def format_duration(seconds: float) -> str:
    """1800 -> "30m": the way config.yaml writes durations."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:.0f}{unit}"
    return f"{seconds:g}s"


def flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def main(argv: Sequence[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="crawl", standalone_mode=True)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
