"""Every malformed config.yaml is one line naming the file and the key; exit 2, no traceback.

The cases are generated from the config dataclasses themselves, so a key added
later is attacked too: every key with a value of the wrong type, numbers out
of range, an unknown key at each level, bad durations, URLs, regular
expressions, cron lines and CSS selectors; then YAML syntax errors, tabs and
bytes that are not UTF-8. Each goes through ``load_config``; a sample goes
through the real ``crawl`` command.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import subprocess
import sys
import types
import typing
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from cleaners.article import SiteRules
from scraper.config import Config, FetchConfig, Seconds, Source, load_config
from scraper.errors import ConfigError

CRAWL = Path(sys.executable).with_name("crawl")

SITE = "example.com"
VALID: dict[str, Any] = {
    "database": "news.db",
    "max_age": "7d",
    "every": "1h",
    "fetch": {"delay": 1},
    "clean": {"sites": {SITE: {"drop": [".ad"], "keep": [".body"]}}},
    "sources": [{"name": "example", "home": "https://example.com/",
                 "feeds": ["https://example.com/feed.xml"], "fetch": {"delay": 2},
                 "clean": {"drop": [".promo"]}}],
}


@dataclass(frozen=True)
class Case:
    """A config that must fail, and the key its one-line error must name."""

    id: str
    text: str | bytes
    key: str | None  # None: a file-level problem (syntax, encoding), named by line


def with_value(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(VALID)
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def key_of(path: tuple[str | int, ...]) -> str:
    shown = ""
    for step in path:
        shown += f"[{step}]" if isinstance(step, int) else (f".{step}" if shown else step)
    return shown


def wrong_values(hint: Any, meta: Any) -> list[Any]:
    """Values of the wrong type (or range) for a field typed ``hint``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):  # optional: null is a right value
        (inner,) = [a for a in args if a is not type(None)]
        return [value for value in wrong_values(inner, meta) if value is not None]
    if hint is Seconds:
        return ["soon", "10 minutes", "1y", "5mm", "-5m", -1, True, [1], {"s": 1}]
    if hint is bool:
        return ["maybe", 3, [True], None]
    if hint is int:
        low, high = meta.get("min"), meta.get("max")
        out: list[Any] = ["many", 2.5, True, [1], None]
        out += [low - 1] if low is not None else []
        out += [high + 1] if high is not None else []
        return out
    if hint is str:
        return [5, ["a"], {"a": 1}, "", "   ", None, True]
    if origin is tuple:
        return [5, {"a": 1}, [5], [["nested"]], [None]]
    if origin is dict:
        return ["text", [1], 5]
    if dataclasses.is_dataclass(hint):
        return ["text", [1], 5]
    raise AssertionError(f"no wrong values for {hint!r}")


def field_cases(cls: type, path: tuple[str | int, ...]) -> list[Case]:
    hints = typing.get_type_hints(cls)
    cases = []
    for field in dataclasses.fields(cls):
        if field.metadata.get("internal"):
            continue
        for n, value in enumerate(wrong_values(hints[field.name], field.metadata)):
            where = (*path, field.name)
            cases.append(Case(f"{key_of(where)}-wrong-{n}",
                              yaml.safe_dump(with_value(where, value)), key_of(where)))
    return cases


LEVELS: list[tuple[type, tuple[str | int, ...]]] = [
    (Config, ()),
    (FetchConfig, ("fetch",)),
    (SiteRules, ("clean", "sites", SITE)),
    (Source, ("sources", 0)),
    (FetchConfig, ("sources", 0, "fetch")),
    (SiteRules, ("sources", 0, "clean")),
]


def unknown_key_cases() -> list[Case]:
    cases = []
    for _, path in [*LEVELS, (None, ("clean",))]:
        for name in ("bogus_key", "Delay", "feed", "source"):
            where = (*path, name)
            if name.lower() in {f.name for lvl, p in LEVELS if p == path and lvl is not None
                                for f in dataclasses.fields(lvl)}:
                continue
            cases.append(Case(f"unknown-{key_of(where)}", yaml.safe_dump(with_value(where, 1)),
                              key_of(where)))
    return cases


def value_cases() -> list[Case]:
    source = ("sources", 0)
    bad: list[tuple[str, tuple[str | int, ...], list[Any]]] = [
        ("url", (*source, "home"), ["ftp://example.com/", "example.com/news", "http://",
                                    "javascript:alert(1)", "file:///etc/passwd", "/relative",
                                    "http://[bad", "http://example.com:99999/", "https:///x"]),
        ("url", (*source, "feeds", 0), ["mailto:a@b.c", "http//example.com/feed",
                                        "http://[::1/feed"]),
        ("url", (*source, "sitemaps"), [["gopher://example.com/"], ["http://[bad/"]]),
        ("url", (*source, "sections"), [["news/"], ["data:text/html,x"]]),
        ("regex", (*source, "include"), [["("], ["[a-"], ["*x"], ["(?P<n>x)(?P<n>y)"]]),
        ("regex", (*source, "exclude"), [["+"], ["a{2,1}"], ["(?<=a+)b"]]),
        ("cron", (*source, "cron"), ["* * *", "61 * * * *", "every day", "* * * * 8",
                                     "*/0 * * * *", "@sometimes"]),
        ("selector", (*source, "clean", "drop"), [["div["], ["<p>"], [":nth-child("],
                                                  ["a >> b"], ["#"]]),
        ("selector", ("clean", "sites", SITE, "keep"), [["..x"], ["[=x]"], ["p:unknown-pseudo"]]),
        ("interval", (*source, "every"), [0, "0s"]),
    ]
    cases = []
    for kind, where, values in bad:
        for n, value in enumerate(values):
            key = key_of(where)
            if isinstance(value, list):
                key = f"{key}[0]"
            cases.append(Case(f"{kind}-{key_of(where)}-{n}",
                              yaml.safe_dump(with_value(where, value)), key))
    no_discovery = with_value(source, {"name": "empty"})
    cases.append(Case("source-without-discovery", yaml.safe_dump(no_discovery), "sources[0]"))
    nameless = with_value(source, {"feeds": ["https://example.com/feed.xml"]})
    cases.append(Case("source-without-name", yaml.safe_dump(nameless), "sources[0].name"))
    return cases


FILE_CASES = [
    Case("unclosed-list", "fetch: [1, 2\n", None),
    Case("unclosed-quote", 'database: "news.db\n', None),
    Case("bad-indent", "sources:\n  - name: a\n   feeds: x\n", None),
    Case("two-colons", "database: a: b\n", None),
    Case("tab-indent", "fetch:\n\tdelay: 1\n", None),
    Case("tab-after-key", "fetch:\n  delay:\t1\n  \tconcurrency: 2\n", None),
    Case("python-object", "database: !!python/object/apply:os.system ['echo pwned']\n", None),
    Case("unknown-tag", "database: !include other.yaml\n", None),
    Case("undefined-alias", "database: *nowhere\n", None),
    Case("duplicate-anchor-merge", "fetch:\n  <<: 5\n", None),
    Case("latin-1", "database: caf\xe9.db\n".encode("latin-1"), None),
    Case("utf-16", "database: news.db\n".encode("utf-16"), None),
    Case("binary", b"\x00\xff\xfe\x80garbage\x9c", None),
    Case("nul-byte", "database: news\x00.db\n", None),
    Case("top-level-list", "- database: news.db\n", None),
    Case("top-level-scalar", "just some words\n", None),
    Case("top-level-number", "42\n", None),
]

CASES = [case for cls, path in LEVELS for case in field_cases(cls, path)]
CASES += unknown_key_cases() + value_cases() + FILE_CASES


def write(tmp_path: Path, case: Case) -> Path:
    path = tmp_path / "config.yaml"
    if isinstance(case.text, bytes):
        path.write_bytes(case.text)
    else:
        path.write_text(case.text, encoding="utf-8")
    return path


def test_the_base_config_is_valid(tmp_path: Path) -> None:
    """Every case is one change away from this valid file, so each error is that change's."""
    config = load_config(write(tmp_path, Case("valid", yaml.safe_dump(VALID), None)))
    assert config.sources[0].fetch == {"delay": 2.0}
    assert len(CASES) > 250


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
def test_every_malformed_config_is_one_line_naming_file_and_key(tmp_path: Path,
                                                               case: Case) -> None:
    path = write(tmp_path, case)
    try:
        load_config(path)
    except ConfigError as error:
        message = str(error)
    else:
        pytest.fail(f"accepted:\n{case.text!r}")
    assert "\n" not in message and message.strip() == message, message
    assert message.startswith(str(path)), message
    if case.key is not None:
        assert re.search(rf": {re.escape(case.key)}[:.\[]", message), message
    assert len(message) < 600, message


CLI_CASES = ["fetch.delay-wrong-0", "unknown-sources[0].fetch.bogus_key", "tab-indent",
             "latin-1", "regex-sources[0].include-0", "cron-sources[0].cron-1",
             "python-object", "selector-sources[0].clean.drop-0"]


def run_cli(tmp_path: Path, case_ids: list[str]) -> list[tuple[str, Any]]:
    """``crawl stats`` with each case's config, two at a time, in its own folder."""
    by_id = {case.id: case for case in CASES}

    def run(case_id: str) -> tuple[str, subprocess.CompletedProcess[str]]:
        folder = tmp_path / str(case_ids.index(case_id))
        folder.mkdir()
        path = write(folder, by_id[case_id])
        return case_id, subprocess.run(
            [str(CRAWL), "--config", str(path), "--db", str(folder / "news.db"), "stats"],
            capture_output=True, text=True, timeout=60, check=False, cwd=folder)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(run, case_ids))


def test_the_command_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    assert_exit_2(run_cli(tmp_path, CLI_CASES), tmp_path)


def test_an_unsplittable_url_is_exit_2_not_a_traceback(tmp_path: Path) -> None:
    assert_exit_2(run_cli(tmp_path, ["url-sources[0].home-6"]), tmp_path)


def assert_exit_2(results: list[tuple[str, Any]], tmp_path: Path) -> None:
    for case_id, done in results:
        assert done.returncode == 2, (case_id, done.stderr)
        assert "Traceback" not in done.stderr, (case_id, done.stderr)
        assert done.stderr.count("\n") == 1, (case_id, done.stderr)
        assert done.stderr.startswith("crawl: error: ") and "config.yaml" in done.stderr
        assert done.stdout == "" and not (tmp_path / "news.db").exists()
