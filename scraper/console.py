"""What the command line prints: tables for people, JSON Lines and CSV for programs.

``crawl.py`` decides what to show; this module decides how it looks, so every
verb prints a table, a summary or a duration the same way.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import click


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


def shorten(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


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
