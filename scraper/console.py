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


def write_json_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: Any) -> None:
    for row in rows:
        values = (_plain(v) for v in row)
        out.write(json.dumps(dict(zip(columns, values, strict=True)), ensure_ascii=False,
                             default=str) + "\n")


def _plain(value: Any) -> Any:
    return strip_controls(value) if isinstance(value, str) else value


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


def flatten(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
