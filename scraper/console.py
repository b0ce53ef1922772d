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
