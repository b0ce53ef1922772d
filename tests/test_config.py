"""config.yaml: the shipped file loads, and every mistake is one line naming the key."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scraper.config import Config, load_config, parse_duration
from scraper.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_loads_with_sources() -> None:
    config = load_config(REPO / "config.yaml")
    assert config.sources, "the example config lists real sources"
    assert all(s.feeds or s.sitemaps or s.home or s.sections for s in config.sources)
    assert config.path == str(REPO / "config.yaml")


def test_no_file_means_defaults() -> None:
    assert load_config(None) == Config()


def test_empty_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "# nothing\n")).fetch == Config().fetch


def test_durations_and_overrides(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, """
fetch: {delay: 2s, read_timeout: 1m}
sources:
  - name: one
    feeds: [https://example.com/feed.xml]
    every: 30m
    max_age: 2d
    fetch: {delay: 10}
"""))
    source = config.source("one")
    assert config.fetch.delay == 2.0 and config.fetch.read_timeout == 60.0
    assert source.every == 1800.0 and source.max_age == 2 * 86400.0
    assert config.fetch_for(source).delay == 10.0
    assert config.fetch_for(source).read_timeout == 60.0


def test_site_rules_apply_to_subdomains(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, """
clean:
  sites:
    example.com: {drop: [".promo"], keep: [".summary"]}
"""))
    rules = config.clean.rules_for("https://news.example.com/a")
    assert rules is not None and rules.drop == (".promo",) and rules.keep == (".summary",)
    assert config.clean.rules_for("https://example.org/a") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fetch:\n  delai: 3\n", "fetch.delai: unknown key (did you mean 'delay'?)"),
        ("fetch:\n  concurrency: 0\n", "fetch.concurrency: expected a number from 1 to 256"),
        ("fetch:\n  concurrency: two\n", "fetch.concurrency: expected a whole number"),
        ("fetch:\n  delay: soon\n", "fetch.delay: expected a duration"),
        ("fetch:\n  respect_robots: maybe\n", "fetch.respect_robots: expected true or false"),
        ("fetch: [1, 2]\n", "fetch: expected a mapping"),
        ("sources:\n  - name: x\n", "sources[0]: expected at least one of home"),
        ("sources:\n  - feeds: [https://a.com/f]\n", "sources[0].name: expected a value"),
        ("sources:\n  - name: x\n    feeds: [ftp://a.com/f]\n",
         "sources[0].feeds[0]: expected an absolute http(s) URL"),
        ("sources:\n  - name: x\n    home: https://a.com\n    include: ['(']\n",
         "sources[0].include[0]: expected a regular expression"),
        ("sources:\n  - name: x\n    home: https://a.com\n    cron: 'every day'\n",
         "sources[0].cron: expected a cron expression"),
        ("sources:\n  - name: x\n    home: https://a.com\n    every: 0\n",
         "sources[0].every: expected a duration from 1m to 3650d"),
        ("sources:\n  - name: x\n    home: https://a.com\n    every: 1h\n    cron: '0 * * * *'\n",
         "sources[0].every: expected either `every` or `cron`, not both"),
        ("sources:\n  - name: x\n    home: https://a.com\n    fetch: {dealy: 1}\n",
         "sources[0].fetch.dealy: unknown key"),
        ("clean:\n  sites:\n    a.com: {drop: ['<<<']}\n",
         "clean.sites.a.com.drop[0]: expected a CSS selector"),
        ("fetch: [1\n", "line 2"),
        ("- just\n- a list\n", "top level: expected a mapping"),
    ],
)
def test_mistakes_are_one_line_naming_the_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:")
    assert expected in message
    assert "\n" not in message


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "absent.yaml")
    with pytest.raises(ConfigError, match="cannot read it"):
        load_config(tmp_path)
    with pytest.raises(ConfigError, match="too large to be a configuration"):
        load_config("/dev/zero")  # read no further than a configuration can be long
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00junk\x00")
    with pytest.raises(ConfigError, match=r"binary\.yaml"):
        load_config(binary)


def test_unknown_source_lists_known_ones(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "sources:\n  - name: a\n    home: https://a.com\n"))
    with pytest.raises(ConfigError, match=r"no source named 'b' \(sources: a\)"):
        config.source("b")


@pytest.mark.parametrize(("value", "seconds"),
                         [(5, 5.0), ("90s", 90.0), ("30m", 1800.0), ("2h", 7200.0),
                          ("1.5d", 129600.0), ("1w", 604800.0)])
def test_parse_duration(value: str | int, seconds: float) -> None:
    assert parse_duration(value) == seconds


@pytest.mark.parametrize("value", ["", "5 minutes", "-3m", True])
def test_parse_duration_rejects(value: object) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(value)  # type: ignore[arg-type]


SOURCE = "sources:\n  - name: x\n    home: https://a.com\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fetch:\n  read_timeout: .nan\n", "fetch.read_timeout: expected a duration from"),
        ("fetch:\n  connect_timeout: .inf\n", "fetch.connect_timeout: expected a duration from"),
        ("fetch:\n  delay: -.inf\n", "fetch.delay: expected a duration from"),
        ("clean:\n  timeout: .nan\n", "clean.timeout: expected a duration from 0.1s to 1h"),
        ("max_age: .inf\n", "max_age: expected a duration from 0s to 3650d"),
        ("every: 100000000000000w\n", "every: expected a duration from 1m to 3650d"),
        ("every: 30s\n", "every: expected a duration from 1m"),
        (SOURCE + "    every: 10s\n", "sources[0].every: expected a duration from 1m"),
        (SOURCE + "    cron: '0 0 30 2 *'\n",
         "sources[0].cron: expected a cron expression that fires (this one never does)"),
        (SOURCE + "    cron: '* * * * * */5'\n",
         "sources[0].cron: expected a cron expression of five fields"),
        ("fetch:\n  max_bytes: 100000000000000000000000000\n",
         "fetch.max_bytes: expected a number from 1024 to 1000000000"),
        (SOURCE + "  - name: x\n    feeds: [https://b.com/f]\n",
         "sources[1].name: expected a name no other source has, got 'x'"),
        ("fetch:\n  max_crawl_delay: 2d\n", "fetch.max_crawl_delay: expected a duration"),
        ("fetch: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deep"),
        ("fetch: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n", "nested too deep"),
        ("fetch:\n  user_agent: 'bot \u00e9'\n", "fetch.user_agent: expected printable ASCII"),
        ('fetch:\n  user_agent: "bot\\r\\nX-Evil: 1"\n',
         "fetch.user_agent: expected printable ASCII"),
    ],
    ids=lambda value: value[:40],
)
def test_values_that_would_crash_later_are_refused_naming_the_key(
        tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "\n" not in message
    assert expected in message


ALIAS_BOMB = "[&a [x, x, x, x, x, x, x, x, x], " + ", ".join(
    f"&{level} [{', '.join([f'*{prev}'] * 9)}]"
    for prev, level in zip("abcdefgh", "bcdefghi", strict=True)) + "]"
"""9 levels of 9 aliases: 300 bytes that write out as 9^9 items."""


@pytest.mark.parametrize("where", ["fetch:\n  user_agent: BOMB\n", "sources: BOMB\n",
                                   "clean:\n  sites: {a.com: {drop: BOMB}}\n", "every: BOMB\n",
                                   "sources:\n  - name: BOMB\n"])
def test_a_yaml_alias_bomb_is_one_short_line(tmp_path: Path, where: str) -> None:
    path = write(tmp_path, where.replace("BOMB", ALIAS_BOMB))
    started = time.monotonic()
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
