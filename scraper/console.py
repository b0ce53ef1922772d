"""What the command line prints: tables for people, JSON Lines and CSV for programs.

``crawl.py`` decides what to show; this module decides how it looks, so every
verb prints a table, a summary or a duration the same way.

Everything printed here may come from a page, a server or a config file, so
it is never read as Rich markup (a title holding ``[/i]`` or ``[link=...]`` is
text) and it reaches the terminal without control characters or escape
sequences (``strip_controls``).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import click

from cleaners.controls import strip_controls

if TYPE_CHECKING:
    from rich.text import Text


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print text that came from a page or a server: controls stripped."""
    click.echo(strip_controls(text), err=err, nl=nl)


def _cell(value: Any) -> Text:
    """A table cell as literal text: Rich reads no markup in a ``Text``."""
    from rich.text import Text

    return Text("" if value is None else strip_controls(str(value)))


class Printer:
    """Prints to stdout until stdout fails (a reader that left, a full disk), then keeps
    quiet, so the work goes on; ``raise_failure`` raises that error once it is done."""

    def __init__(self) -> None:
        self.failure: OSError | None = None

    def __call__(self, text: str) -> None:
        if self.failure is None:
            try:
                echo(text, nl=False)
            except OSError as error:
                self.failure = error

    def raise_failure(self) -> None:
        if self.failure is not None:
            raise self.failure


def print_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
                title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=None if title is None else _cell(title), show_lines=False,
                  header_style="bold")
    for column in columns:
        table.add_column(_cell(column), overflow="fold")
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    Console(soft_wrap=False).print(table)


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: Any) -> None:
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_plain(v) for v in row] for row in rows)


def write_json_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: Any) -> int:
    """One JSON object a line; how many lines."""
    written = 0
    for row in rows:
        values = (_plain(v) for v in row)
        out.write(json.dumps(dict(zip(columns, values, strict=True)), ensure_ascii=False,
                             default=str) + "\n")
        written += 1
    return written


def _plain(value: Any) -> Any:
    return strip_controls(value) if isinstance(value, str) else value


def show_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str) -> None:
    """A table, JSON Lines or CSV. No row at all still prints something a reader
    can tell from a crash: ``[]``, the CSV header, an empty table."""
    if fmt == "json":
        if not write_json_rows(columns, rows, sys.stdout):
            sys.stdout.write("[]\n")
    elif fmt == "csv":
        write_csv(columns, rows, sys.stdout)
    else:
        print_table(columns, rows)


def say(message: str) -> None:
    """A line for the operator on stderr, apart from the output."""
    click.echo(f"crawl: {message}", err=True)


def show_problems(problems: Sequence[Any], failed_sources: Sequence[str]) -> None:
    """Discovery pages that could not be read, one line each on stderr."""
    for problem in problems:
        click.echo(f"crawl: error: {problem}", err=True)
    for name in failed_sources:
        click.echo(f"crawl: error: {name}: nothing discovered because of the errors above; "
                   "it is due again after a back-off", err=True)


def show_url_states(states: Sequence[Any], fmt: str) -> None:
    """``crawl urls``: one row per URL of the frontier."""
    if fmt == "table":  # what fits a terminal; the state says the error kind or skip reason
        show_rows(["url", "source", "state", "attempts", "last try"],
                  [[s.url, s.source, s.describe(), s.attempts, (s.finished_at or "")[:19]]
                   for s in states], fmt)
        return
    columns = ["url", "source", "state", "error_kind", "attempts", "last_error",
               "discovered_at", "finished_at", "next_attempt_at"]
    show_rows(columns, [[s.url, s.source, s.state, s.error_kind, s.attempts, s.last_error,
                         s.discovered_at, s.finished_at, s.next_attempt_at] for s in states], fmt)


def shorten(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def show_explanation(article: Any, segments: Sequence[Any], decisions: Any, fmt: str) -> None:
    """``crawl explain``: the container, each kept or removed block with its kind and
    rule, and the metadata decisions; or all of them as one JSON object."""
    if fmt == "json":
        echo(json.dumps({"article": article.to_dict(),
                         "segments": [dataclasses.asdict(s) for s in segments],
                         "metadata": dataclasses.asdict(decisions)},
                        ensure_ascii=False))
        return
    if article.container:
        click.echo(f"container: {article.container}\n")
    for segment in segments:
        if segment.kind is None:
            click.echo(click.style("kept", fg="green", bold=True))
            echo(segment.text + "\n")
        else:
            label = click.style(f"removed [{segment.kind}] {segment.rule}", fg="red")
            click.echo(f"{label}: ", nl=False)
            echo(f"{shorten(segment.text)}\n")
    click.echo(click.style("metadata", bold=True))
    echo("\n".join(decisions.lines()))
    if article.reason:
        echo(f"no article: {article.reason}", err=True)


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
    # Discovery pages are reported line by line as they fail; the URLs are in `crawl urls`.
    url_errors = {kind: n for kind, n in numbers["errors"].items()
                  if not kind.startswith("discovery:")}
    if url_errors:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(url_errors.items()))
        click.echo(f"{sum(url_errors.values())} URLs failed ({kinds}): list them with "
                   "`crawl urls --state failed` or `--error KIND`, put them back in the queue "
                   "with `crawl retry` and the same options", err=True)


def show_pruned(result: Any) -> None:
    """What ``crawl prune`` deleted and freed, or would on a dry run."""
    verb = "would delete" if result.dry_run else "deleted"
    what = [f"{result.raw_pages} raw pages ({format_bytes(result.raw_bytes)} compressed)"]
    if result.articles or not result.raw_pages:
        what.insert(0, f"{result.articles} articles ({result.removed_blocks} removed blocks)")
    click.echo(f"{verb} {' and '.join(what)} fetched before {result.cutoff[:19]}Z")
    if not result.dry_run:
        click.echo(f"freed {format_bytes(result.freed_bytes)} of the database file")


def format_bytes(size: float) -> str:
    """1536 -> "1.5 KB"."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


STORED_OUTCOMES = ("new", "updated", "unchanged", "empty")


def show_import(summary: Any, seconds: float, fmt: str) -> None:
    """The closing table of ``crawl import``: what was stored, what was skipped and why."""
    numbers = summary.to_dict()
    rate = summary.records / seconds if seconds > 0 else 0.0
    if fmt == "json":
        click.echo(json.dumps(numbers | {"seconds": round(seconds, 2),
                                         "records_per_second": round(rate, 1)}))
        return
    counts = summary.counts
    rows: list[tuple[str, Any]] = [("files read", len(summary.files))]
    rows += [(f"resumed: {name}", f"after {n} records") for name, n in summary.resumed.items()]
    rows += [(f"already imported: {name}", "skipped") for name in summary.finished_before]
    rows += [("records", summary.records), ("records/s", f"{rate:.0f}")]
    rows += [(name, counts[name]) for name in STORED_OUTCOMES if counts[name]]
    rows += [(f"skipped: {name}", n) for name, n in sorted(counts.items())
             if name not in STORED_OUTCOMES]
    print_table(["", "count"], rows, title="imported")


def show_merge(results: Sequence[Any], fmt: str) -> None:
    """One column per merged database: what each brought into the target."""
    if fmt == "json":
        for result in results:
            click.echo(json.dumps({"database": result.path} | dict(sorted(result.counts.items()))))
        return
    names = sorted({name for result in results for name in result.counts})
    print_table(["", *(result.path for result in results)],
                [(name, *(result.counts[name] for result in results)) for name in names],
                title="merged")
def print_sites(summaries: Sequence[Any], fmt: str, *, detail: bool = False) -> None:
    """``crawl sites``: one row per site or, in ``detail``, every repeated block of each."""
    if fmt == "json":
        from dataclasses import asdict

        for summary in summaries:
            click.echo(json.dumps(asdict(summary), ensure_ascii=False))
    elif detail:
        for site in summaries:
            title = f"{site.site}: {site.pages} pages, {site.template} template blocks"
            print_table(["pages", "block"],
                        ((f"{b.pages} of {site.pages}", shorten(b.excerpt, 70))
                         for b in site.blocks), title=title)
    else:
        print_table(["site", "pages", "template blocks", "most repeated"],
                    ((s.site, s.pages, s.template,
                      "\n".join(f"{b.pages}× {shorten(b.excerpt, 50)}" for b in s.blocks))
                     for s in summaries))
