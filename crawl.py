"""crawl: the command line of newscrawl.

Each verb is a thin call into the library (``scraper``, ``cleaners``); this
module only parses options, picks an output format and turns every
``CrawlError`` into one line on stderr with its exit code:
0 done, 1 some URLs (or stored rows) failed, 2 usage or config error,
75 another run holds the database.
"""

from __future__ import annotations

import signal
import threading

# While the (slow) imports below run, Ctrl-C ends the program as the shell expects,
# not with the traceback of an interrupted import; the handler is put back after them.
_SAVED_SIGINT = (signal.signal(signal.SIGINT, signal.SIG_DFL)
                 if threading.current_thread() is threading.main_thread() else None)

import contextlib
import dataclasses
import errno
import functools
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from scraper import filters
from scraper.config import Config, format_duration, load_config
from scraper.console import (
    Printer,
    echo,
    flatten,
    print_table,
    say,
    show_explanation,
    show_problems,
    show_pruned,
    show_rows,
    show_summary,
    show_url_states,
)
from scraper.errors import CrawlError, FetchError
from scraper.render import render

if _SAVED_SIGINT is not None:
    signal.signal(signal.SIGINT, _SAVED_SIGINT)

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_CONFIG = "config.yaml"


class CrawlGroup(click.Group):
    """Reports a ``CrawlError`` as one line, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CrawlError as error:
            echo(f"crawl: error: {error}", err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt as interrupt:
            click.echo("crawl: interrupted", err=True)
            if hasattr(interrupt, "exit_code"):  # a Stopper's second signal: the run is
                # recorded; exit now, not after joining the cleaner workers.
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(interrupt.exit_code)
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
    quiet: bool = False

    @functools.cached_property
    def config(self) -> Config:
        found = DEFAULT_CONFIG if Path(DEFAULT_CONFIG).is_file() else None
        return load_config(self.config_path or found)

    @property
    def database(self) -> str:
        return self.db_path or self.config.database

    def known_sources(self) -> set[str]:
        """Source names the config has, and those the database holds from older configs."""
        names = {source.name for source in self.config.sources}
        if is_file(self.database):
            with self.open_store() as store:
                names |= store.source_names()
        return names

    def open_store(self, *, must_exist: bool = False) -> Any:
        from scraper.errors import StoreError
        from scraper.store.database import Store

        if must_exist and not is_file(self.database):
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


def is_file(target: str) -> bool:
    """Whether ``target`` names a local file; a URL too long to be a path is not one."""
    try:
        return Path(target).is_file()
    except (OSError, ValueError):  # File name too long, an embedded NUL
        return False


class DamagedRows:
    """Says each stored row that cannot be read in one line, and counts them: the
    other rows go on (``export``, ``merge``)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: CrawlError) -> None:
        self.count += 1
        echo(f"crawl: error: {error}", err=True)


def is_url(target: str) -> bool:
    """Whether a target is a URL to fetch, not a saved page's path: it names a scheme."""
    return "://" in target and not is_file(target)


def read_saved_page(path: str, url: str | None) -> Any:
    """The saved page at ``path`` as a fetched ``Page``, or UsageError saying why not."""
    from scraper.crawl import pipeline
    from scraper.errors import UsageError

    try:
        exists = Path(path).exists()
    except (OSError, ValueError):  # a name too long, or holding a NUL
        exists = False
    if not exists:
        raise UsageError(f"{path}: no such file, and not a URL (one starts with https://)")
    return pipeline.page_from_file(path, url=url, max_bytes=settings().config.fetch.max_bytes)


def settings() -> Settings:
    """The command line's --config and --db; loading the config here means a
    typo in config.yaml stops every command, not only those that read it."""
    chosen = click.get_current_context().ensure_object(Settings)
    chosen.config  # noqa: B018 -- loaded for its checks
    return chosen


@click.group(cls=CrawlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newscrawl")
@click.option("-v", "--verbose", count=True,
              help="Log more: -v what each stage does, -vv every request (UTC times).")
@click.option("-q", "--quiet", is_flag=True,
              help="Only errors, notices and the output: no progress lines.")
@common_options
def cli(verbose: int, quiet: bool) -> None:
    """Crawl news sources, clean articles of boilerplate, store and query them.

    \b
    crawl fetch https://example.com/news/story.html
    crawl search "climate summit" --since 2026-01-01
    crawl query "select title, published from articles limit 5"
    """
    from scraper.logs import configure

    configure(-1 if quiet else verbose)
    click.get_current_context().ensure_object(Settings).quiet = quiet


format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
    show_default=True, help="How to print each article.")

table_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True, help="A table for people, JSON Lines or CSV for programs.")


COUNT = click.IntRange(1, 2**31 - 1)
"""A number of things (articles, rows): a bound no user reaches, and SQLite's LIMIT
takes, where a 30-digit number would overflow it."""


class Seconds(click.FloatRange):
    """A FloatRange that refuses "nan" too, which passes every comparison of a range."""

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return number


def _checked(parse: Callable[[str], Any]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback turning a filter's text into what the store compares with."""
    def callback(_ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        return None if value is None else parse(value)
    return callback


def _page_url(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A --url a saved page came from: an http(s) URL the fetcher could have asked for."""
    from scraper.errors import InvalidURL
    from scraper.fetch.fetcher import check_url

    try:
        return None if value is None else check_url(value)
    except InvalidURL as error:
        raise click.BadParameter(error.reason) from None


def _source_name(value: str) -> str:
    return filters.check_source(value, settings().known_sources())


source_option = click.option("--source", metavar="NAME", callback=_checked(_source_name),
                             help="Only this source (a name in the config or the database).")
since_option = click.option(
    "--since", metavar="DATE", callback=_checked(lambda v: filters.parse_moment(v, "--since")),
    help="On or after DATE: ISO 8601, `today`, `yesterday` or an age like 7d.")
summary_format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table",
    show_default=True, help="How to print the summary.")


def filter_options(command: F) -> F:
    for option in reversed([
        source_option,
        since_option,
        click.option("--until", metavar="DATE",
                     callback=_checked(lambda v: filters.parse_moment(v, "--until")),
                     help="Published before DATE (same forms as --since)."),
        click.option("--lang", "language", metavar="CODE",
                     callback=_checked(filters.parse_language),
                     help="Language code, e.g. en."),
    ]):
        command = option(command)
    return command


# -- commands --------------------------------------------------------------------


@cli.command()
@click.argument("targets", nargs=-1, required=True, metavar="URL|FILE...")
@format_option
@click.option("--no-store", is_flag=True, help="Print the articles, store nothing.")
@click.option("--url", "base_url", metavar="URL", callback=_page_url,
              help="The URL a local FILE was saved from (for links and metadata).")
@common_options
def fetch(targets: tuple[str, ...], fmt: str, no_store: bool, base_url: str | None) -> None:
    """Fetch URLs (or read saved HTML files), clean them and store the articles.

    \b
    crawl fetch https://example.com/2026/11/27/story.html --format markdown
    crawl fetch saved-page.html --url https://example.com/story --no-store
    """
    from scraper.crawl import pipeline
    from scraper.crawl.cleanpool import CleanerPool
    from scraper.errors import CleanError
    from scraper.fetch.fetcher import fetch_pages
    from scraper.stop import Stopper
    from scraper.store.profiles import profile_for

    conf = settings().config
    urls = [t for t in targets if is_url(t)]
    results: dict[str, Any] = {}
    for path in (t for t in targets if not is_url(t)):
        try:
            results[path] = read_saved_page(path, base_url)
        except CrawlError as error:  # said with the others' errors; they go on
            results[path] = error
    with Stopper() as stopper:
        if urls:
            results.update(zip(urls, fetch_pages(urls, conf.fetch, stopper=stopper, notice=say),
                               strict=True))
    if stopper.stopping:
        results = {t: page for t, page in results.items()
                   if getattr(page, "kind", None) != "interrupted"}
        targets = tuple(results)

    store = None if no_store else settings().open_store()
    failures = 0
    printer = Printer()  # a reader that leaves (`| head`) must not cost the pages not stored
    try:
        with CleanerPool.for_command(conf.clean.timeout) as cleaner:
            for target in targets:
                page = results[target]
                if isinstance(page, CrawlError):
                    failures += 1
                    echo(f"crawl: error: {page}", err=True)
                    continue
                profile = profile_for(store, page.final_url) if store is not None else None
                try:
                    article = cleaner.run_now(target, pipeline.clean_page, page, conf.clean,
                                              profile=profile)
                except CleanError as error:
                    failures += 1
                    echo(f"crawl: error: {error}", err=True)
                    continue
                if not article.text:
                    failures += 1
                    echo(f"crawl: error: {target}: {article.reason}", err=True)
                    continue
                if store is not None:
                    stored = pipeline.store_page(store, page, article)
                    echo(f"{stored.outcome}: {stored.url}", err=True)
                printer(render(article.to_dict(), fmt))
    finally:
        if store is not None:
            store.close()
    printer.raise_failure()
    sys.exit(stopper.exit_code or (1 if failures else 0))


@cli.command("clean")
@click.argument("file", type=click.File("rb"), metavar="FILE|-")
@click.option("--url", metavar="URL", callback=_page_url,
              help="The URL the page was saved from.")
@format_option
@common_options
def clean_command(file: Any, url: str | None, fmt: str) -> None:
    """Clean a saved HTML page (no network, nothing stored).

    \b
    crawl clean page.html --url https://example.com/story --format json
    curl -s https://example.com/story | crawl clean - --url https://example.com/story
    """
    from cleaners import clean
    from scraper.crawl.cleanpool import CleanerPool
    from scraper.fetch.files import read_bounded

    conf = settings().config
    html = read_bounded(file, conf.fetch.max_bytes, file.name)
    with CleanerPool.for_command(conf.clean.timeout) as cleaner:
        article = cleaner.run_now(file.name, clean, html, url,
                                  site_rules=conf.clean.rules_for(url))
    if not article.text:
        raise CrawlError(f"{file.name}: {article.reason}")
    echo(render(article.to_dict(), fmt), nl=False)


@cli.command()
@click.argument("target", metavar="URL|FILE")
@click.option("--url", "base_url", metavar="URL", callback=_page_url,
              help="The URL a local FILE was saved from.")
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
    from cleaners.explain import metadata_decisions
    from cleaners.report import render_report
    from scraper.crawl.cleanpool import CleanerPool
    from scraper.fetch.fetcher import fetch_pages

    conf = settings().config
    if not is_url(target):
        page = read_saved_page(target, base_url)
    else:
        (fetched,) = fetch_pages([target], conf.fetch)
        if isinstance(fetched, FetchError):
            raise fetched
        page = fetched
    fetched_at = datetime.fromisoformat(page.fetched_at)
    with CleanerPool.for_command(conf.clean.timeout) as cleaner:
        article, segments = cleaner.run_now(
            target, explain_page, page.body, page.final_url, charset=page.charset,
            site_rules=conf.clean.rules_for(page.final_url), fetched_at=fetched_at,
            profile=stored_profile(page.final_url))
        # Reading the metadata parses the page again: a page the cleaner gave up on
        # early (nested too deep) can take minutes there, so it gets the same limit.
        decisions = cleaner.run_now(target, metadata_decisions, page.body, page.final_url,
                                    article, charset=page.charset, fetched_at=fetched_at)
    if html_out:
        try:
            Path(html_out).write_text(render_report(segments, article), encoding="utf-8")
        except OSError as error:
            raise CrawlError(f"{html_out}: cannot write ({error.strerror})") from error
        click.echo(f"wrote {html_out}", err=True)
    show_explanation(article, segments, decisions, fmt)


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
@click.option("--timeout", type=Seconds(0.1, 86400), default=30.0, show_default=True,
              metavar="SECONDS", help="Stop the query after this long.")
@common_options
def query(sql: str, fmt: str, timeout: float) -> None:
    """Run a read-only SQL query; any statement that writes is refused.

    \b
    crawl query "select source, count(*) from articles group by source"
    crawl query "select url, title from articles" --format csv > titles.csv
    """
    with settings().open_store(must_exist=True) as store:
        result = store.query(sql, timeout=timeout)
        show_rows(result.columns, result.rows, fmt)


@cli.command()
@click.option("--format", "fmt",
              type=click.Choice(["jsonl", "csv", "markdown", "warc", "parquet"]),
              default="jsonl", show_default=True)
@click.option("--output", "-o", metavar="PATH",
              help="File to write (a folder for markdown and parquet); default: standard output.")
@click.option("--keep-formulas", is_flag=True,
              help="CSV: write cells starting with = + - @ as they are (by default they get "
                   "a leading ' so a spreadsheet shows them instead of running them).")
@filter_options
@common_options
def export(fmt: str, output: str | None, keep_formulas: bool, source: str | None,
           since: str | None, until: str | None, language: str | None) -> None:
    """Export stored articles as JSON Lines, CSV, one Markdown file each, the raw
    pages as a WARC file, or the articles as Parquet.

    \b
    crawl export --format jsonl -o articles.jsonl
    crawl export --format markdown -o articles/ --since 2026-11-01
    crawl export --format warc -o pages.warc.gz --source bbc-world
    crawl export --format parquet -o parquet/
    """
    from scraper.archive.export import ARCHIVE_FORMATS, export_archive
    from scraper.store.export import export_articles

    damaged = DamagedRows()
    with settings().open_store(must_exist=True) as store:
        if fmt in ARCHIVE_FORMATS:
            count = export_archive(store, fmt, output, source=source, since=since, until=until,
                                   language=language)
        else:
            rows = store.iter_articles(source=source, since=since, until=until,
                                       language=language, on_corrupt=damaged)
            count = export_articles(rows, fmt, output, neutralise_formulas=not keep_formulas)
    click.echo(f"exported {count} {'pages' if fmt == 'warc' else 'articles'}", err=True)
    sys.exit(1 if damaged.count else 0)


@cli.command()
@click.option("--source", "only", multiple=True, metavar="NAME",
              help="Crawl this source now, due or not (repeatable).")
@click.option("--limit", type=COUNT, metavar="N",
              help="Fetch at most N articles, then stop.")
@click.option("--forever", is_flag=True,
              help="Keep running: sleep until the next source is due. Stops on SIGTERM.")
@click.option("--shard", metavar="K/N",
              help="Crawl only the sources of shard K of N (a stable hash of each name).")
@summary_format_option
@common_options
def run(only: tuple[str, ...], limit: int | None, forever: bool, shard: str | None,
        fmt: str) -> None:
    """Crawl the sources in the config that are due: only new articles are fetched.

    \b
    crawl run                      # what is due, then exit (for cron)
    crawl run --source bbc-world --limit 20
    crawl run --forever            # as a service; SIGTERM finishes pages in flight
    crawl run --shard 2/3 --db shard2.db   # one of three machines sharing the config
    """
    from scraper.crawl import service
    from scraper.crawl.progress import ProgressReporter
    from scraper.crawl.shard import Shard, in_shard
    from scraper.errors import ConfigError
    from scraper.stop import Stopper
    from scraper.store.lock import RunLock

    conf = settings().config
    if shard is not None:
        if only:
            raise click.UsageError("--shard chooses the sources: drop --source")
        chosen = in_shard(conf.sources, Shard.parse(shard))
        if conf.sources and not chosen:
            click.echo(f"shard {shard} holds none of the {len(conf.sources)} sources", err=True)
            return
        conf = dataclasses.replace(conf, sources=chosen)
    if not conf.sources:
        where = conf.path or "the default configuration"
        raise ConfigError(f"{where}: no sources to crawl (add some under `sources:`)")
    if forever and (only or limit):
        raise click.UsageError("--forever runs every source on its schedule: "
                               "drop --source and --limit")

    def show(result: service.RunResult) -> None:
        show_problems(result.problems, result.failed_sources)
        show_summary(result, fmt)

    with RunLock(settings().database), settings().open_store() as store, Stopper() as stopper, \
            ProgressReporter(quiet=settings().quiet) as report:
        if forever:
            service.run_forever(conf, store, stopper, report=report, on_result=show,
                                notice=say, on_sleep=lambda s: say(f"sleeping {s:.0f}s until "
                                                                   "the next source is due"))
            sys.exit(stopper.exit_code)
        result = service.run_due(conf, store, only=only, limit=limit, report=report,
                                 stopper=stopper, notice=say)
    if not result.sources:
        say("nothing is due (use --source NAME to crawl one now)")
        return
    show(result)
    sys.exit(stopper.exit_code or (1 if result.failed else 0))


@cli.command("import")
@click.argument("patterns", nargs=-1, required=True, metavar="FILE_OR_GLOB...")
@click.option("--source", metavar="NAME", help="Source name to store the pages under.")
@since_option
@click.option("--include", metavar="REGEX", help="Only records whose URL matches REGEX.")
@click.option("--workers", type=click.IntRange(1, 1024), metavar="N",
              help="Clean on a local Dask cluster of N worker processes.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Clean on an existing Dask cluster (tcp://host:8786).")
@summary_format_option
@common_options
def import_command(patterns: tuple[str, ...], source: str | None, since: str | None,
                   include: str | None, workers: int | None, scheduler: str | None,
                   fmt: str) -> None:
    """Import pages from WARC or ARC files (plain or gzipped); a killed import resumes.

    --since compares with each record's capture time (its WARC-Date).

    \b
    crawl import CC-NEWS-20261101*.warc.gz --source cc-news
    crawl import old-crawl.arc.gz --include '/2026/' --since 2026-01-01
    crawl import big/*.warc.gz --workers 2
    """
    import time

    from scraper.archive.files import archive_paths
    from scraper.archive.importer import import_archives
    from scraper.console import show_import
    from scraper.crawl.progress import RecordRate
    from scraper.store.lock import RunLock

    conf = settings().config
    paths = archive_paths(patterns)
    started = time.monotonic()
    with RunLock(settings().database, command="crawl import"), \
            settings().open_store() as store, RecordRate() as progress:
        if workers or scheduler:
            from scraper.archive.cluster import dask_cleaner

            with dask_cleaner(conf.clean, workers=workers, scheduler=scheduler) as cleaner:
                summary = import_archives(store, paths, conf.clean, source=source, since=since,
                                          include=include, cleaner=cleaner, progress=progress)
        else:
            summary = import_archives(store, paths, conf.clean, source=source, since=since,
                                      include=include, progress=progress)
    show_import(summary, time.monotonic() - started, fmt)


@cli.command()
@click.argument("others", nargs=-1, required=True, metavar="OTHER.db...")
@click.option("--into", metavar="PATH", help="The database to merge into (default: --db, "
              "or `database` in the config).")
@summary_format_option
@common_options
def merge(others: tuple[str, ...], into: str | None, fmt: str) -> None:
    """Merge databases made by newscrawl (shards, other machines) into one.

    Articles are deduplicated by URL (the canonical one, on the page's own site), the
    newest fetch winning; each database is merged in one transaction, so a killed
    merge loses nothing.

    \b
    crawl merge shard1.db shard2.db shard3.db --into news.db
    """
    from scraper.console import show_merge
    from scraper.store.database import Store
    from scraper.store.lock import RunLock
    from scraper.store.merge import merge_databases

    target = into or settings().database
    damaged = DamagedRows()
    with RunLock(target, command="crawl merge"), Store(target) as store:
        results = merge_databases(store, others, on_corrupt=damaged)
    show_merge(results, fmt)
    sys.exit(1 if damaged.count else 0)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@common_options
def sources(fmt: str) -> None:
    """List the configured sources, with their last run and when they are next due."""
    from datetime import UTC, datetime

    from scraper.crawl.schedule import DUE_NOW, next_due

    conf = settings().config
    runs: dict[str, Any] = {}
    backoffs: dict[str, Any] = {}
    if is_file(settings().database):
        with settings().open_store() as store:
            runs, backoffs = store.last_runs(), store.backoffs()
    now = datetime.now(UTC)
    rows = []
    for source in conf.sources:
        last = runs.get(source.name)
        due = max(next_due(source, conf.every, last),
                  backoffs.get(source.name, DUE_NOW))  # a failed source waits its back-off
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
    """List the articles SOURCE offers now, each with its state, fetching no article.

    `new` is what the next run fetches; the others show where each URL stands
    (done, queued, failed: KIND, skipped: why).

    \b
    crawl discover bbc-world
    """
    import asyncio

    from scraper.crawl.crawler import Crawler

    conf = settings().config
    source = conf.source(source_name)
    with settings().open_store() as store:
        crawler = Crawler(conf, store, conditional=False)

        async def look() -> Any:
            try:
                return await crawler.discover(source)
            finally:
                await crawler.aclose()

        found = asyncio.run(look())
        states = crawler.frontier.states([item.url for item in found.items])
    columns = ["url", "published", "status"]
    rows = [[item.url, item.published or "",
             states[item.url].describe() if item.url in states else "new"]
            for item in found.items]
    rows += [[item.url, item.published or "", f"skipped: {reason}"]
             for item, reason in found.skipped]
    show_rows(columns, rows, fmt)


def url_selection(command: F) -> F:
    """The options that pick URLs of the frontier, for `crawl urls` and `crawl retry`."""
    for option in reversed([
        click.option("--state", "states", multiple=True, type=click.Choice(
            ["queued", "in_flight", "fetched", "done", "failed", "skipped"]),
            help="Only URLs in this state (repeatable)."),
        click.option("--source", "sources", multiple=True, metavar="NAME",
                     callback=lambda _c, _p, names: tuple(_source_name(n) for n in names),
                     help="Only URLs of this source (repeatable)."),
        click.option("--error", "error_kind", metavar="KIND",
                     help="Only URLs whose last error is KIND (http-404, or http for any "
                          "status; dns, connect, timeout, robots, blocked...)."),
        since_option,
    ]):
        command = option(command)
    return command


def _selection(states: tuple[str, ...], sources: tuple[str, ...], error_kind: str | None,
               since: str | None) -> Any:
    from scraper.crawl.frontier import Selection

    return Selection(states, sources, error_kind, since)


@cli.command()
@url_selection
@click.option("--limit", default=1000, show_default=True, type=COUNT)
@table_format_option
@common_options
def urls(states: tuple[str, ...], sources: tuple[str, ...], error_kind: str | None,
         since: str | None, limit: int, fmt: str) -> None:
    """List the URLs the crawler knows, with their state, attempts, last error and times.

    \b
    crawl urls --state failed
    crawl urls --state skipped --source local-news
    crawl urls --error http-404 --since 1d --format csv
    """
    from scraper.crawl.frontier import Frontier

    with settings().open_store(must_exist=True) as store:
        found = Frontier(store.db).list(_selection(states, sources, error_kind, since),
                                        limit=limit)
    show_url_states(found, fmt)


@cli.command()
@url_selection
@common_options
def retry(states: tuple[str, ...], sources: tuple[str, ...], error_kind: str | None,
          since: str | None) -> None:
    """Put failed or skipped URLs back in the queue for the next run to fetch.

    A skipped URL is judged again under the current config (robots.txt, the
    address guard) when it is fetched.

    \b
    crawl retry --state skipped            # after turning allow_private_addresses on
    crawl retry --error http-503 --source local-news && crawl run --source local-news
    """
    from scraper.crawl.frontier import Frontier

    with settings().open_store(must_exist=True) as store:
        queued = Frontier(store.db).requeue(_selection(states, sources, error_kind, since))
    click.echo(f"{queued} URLs queued again; the next `crawl run` of their sources fetches "
               "them (`crawl run --source NAME` to fetch now)", err=True)


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
        article = store.get_article(key)
    if article is None:
        raise UsageError(f"no stored article with id or URL {key!r}")
    echo(render(article, fmt), nl=False)
    if fmt != "json" and article.get("removed"):
        echo(f"\nremoved blocks ({len(article['removed'])}):")
        for block in article["removed"]:
            echo(f"  [{block['kind']}] {block['rule']}: {block['excerpt']}")


def stored_profile(url: str) -> Any:
    """The site profile the database holds for ``url``'s site, when there is a database."""
    from scraper.store.profiles import profile_for

    if not Path(settings().database).exists():
        return None
    with settings().open_store() as store:
        return profile_for(store, url)


@cli.command()
@click.argument("domain", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@common_options
def sites(domain: str | None, fmt: str) -> None:
    """List the site profiles: pages seen and the blocks their pages repeat.

    Blocks on most of a site's pages are cut from its next pages as
    `site-template` once it has 5 pages.

    \b
    crawl sites
    crawl sites example.com
    """
    from scraper.console import print_sites
    from scraper.store.profiles import site_summaries

    with settings().open_store(must_exist=True) as store:
        summaries = site_summaries(store, domain)
    if domain and not summaries:
        raise CrawlError(f"{domain}: no profile (no page of it stored)")
    print_sites(summaries, fmt, detail=domain is not None)


@cli.command()
@source_option
@since_option
@common_options
def reclean(source: str | None, since: str | None) -> None:
    """Clean the stored raw pages again with the current cleaner (no network).

    Run it after upgrading newscrawl or changing the `clean:` rules in the config;
    each page is cleaned with its site's current profile (see `crawl sites`).

    \b
    crawl reclean
    crawl reclean --source bbc-world --since 2026-11-01
    """
    from scraper.crawl.reclean import reclean as reclean_pages
    from scraper.stop import Stopper
    from scraper.store.lock import RunLock

    conf = settings().config
    rules = {s.name: s.clean for s in conf.sources}
    # A crawl refreshing an article while reclean rewrites it from an older page would
    # lose the newer text: the two take turns on a database.
    with RunLock(settings().database, command="crawl reclean"), \
            settings().open_store(must_exist=True) as store, Stopper() as stopper:
        result = reclean_pages(store, conf.clean, source=source, since=since, source_rules=rules,
                               stopper=stopper, notice=say)
    for url, reason in result.failures:
        echo(f"crawl: error: {url}: {reason}", err=True)
    click.echo(f"{result.pages} pages: {result.changed} changed, {result.unchanged} unchanged, "
               f"{result.empty} without an article, {result.failed} failed")
    sys.exit(stopper.exit_code or (1 if result.failed else 0))


@cli.command()
@click.option("--older-than", "age", required=True, metavar="AGE",
              callback=_checked(lambda v: filters.parse_duration(v, "--older-than")),
              help="Delete what was fetched longer ago than AGE: 90d, 12w, 24h.")
@source_option
@click.option("--raw-only", is_flag=True,
              help="Delete only the raw pages (articles stay, but cannot be recleaned).")
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; delete nothing.")
@common_options
def prune(age: Any, source: str | None, raw_only: bool, dry_run: bool) -> None:
    """Delete old articles (with their removed blocks) and raw pages, and free the space.

    The URLs stay known, so a pruned article is not fetched again.

    \b
    crawl prune --older-than 90d --dry-run
    crawl prune --older-than 30d --raw-only --source local-news
    """
    from scraper.store.retention import prune as prune_store

    with settings().open_store(must_exist=True) as store:
        show_pruned(prune_store(store, age, source=source, raw_only=raw_only, dry_run=dry_run))


@cli.command()
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 shows it to the whole network).")
@common_options
def serve(port: int, host: str) -> None:
    """Browse the database in Datasette, read-only (needs `pip install 'newscrawl[web]'`).

    Full-text search on articles, facets by source, language and date, the
    removed blocks by kind, and canned queries (latest articles, failures of
    the last run, a site's duplicates).

    \b
    crawl serve --port 8001     # then open http://127.0.0.1:8001/
    """
    from scraper.store.web import serve as serve_database

    with settings().open_store(must_exist=True):  # upgrades the schema; serving only reads
        pass
    serve_database(settings().database, host=host, port=port, announce=say)


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


_OUTPUT_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)
"""What writing to a full or failing disk raises, under stdout as under any file."""


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit finds nowhere to fail again."""
    with contextlib.suppress(OSError, ValueError):  # stdout closed: nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    try:
        # Not standalone: click would print its usage errors on four lines, not ours on one.
        code = cli.main(args=argv, prog_name="crawl", standalone_mode=False)
    except click.ClickException as error:  # a bad option or argument: one line, as ours
        context = getattr(error, "ctx", None)  # a UsageError's, naming the command
        where = f" (see `{context.command_path} --help`)" if context else ""
        click.echo(f"crawl: error: {filters.shorten_message(error.format_message())}{where}",
                   err=True)
        return error.exit_code
    except (click.Abort, KeyboardInterrupt):  # Ctrl-C before a verb began
        click.echo("crawl: interrupted", err=True)
        return 130
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        if error.filename:  # a file the verb itself opened
            click.echo(f"crawl: error: {error.filename}: {error.strerror}", err=True)
        else:
            click.echo(f"crawl: error: cannot write the output ({error.strerror})", err=True)
            _silence_stdout()
        return 1
    return code if isinstance(code, int) else 0  # an exit code, from ``ctx.exit``


if __name__ == "__main__":
    sys.exit(main())
