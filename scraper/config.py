"""Configuration: config.yaml loaded once into frozen dataclasses.

Nothing reads configuration at import time. ``load_config`` returns a
``Config``; callers pass the parts they need down explicitly. Precedence is
defaults (the dataclass fields below) < the file < command-line options,
which the CLI applies with ``dataclasses.replace``.

Every key is checked: an unknown key, a wrong type or an impossible value
raises ``ConfigError`` with one line naming the file, the key and what was
expected.
"""

from __future__ import annotations

import dataclasses
import re
import reprlib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cleaners.article import SiteRules

from .errors import ConfigError

Seconds = typing.NewType("Seconds", float)
"""A duration: a number of seconds or a string such as ``90s``, ``30m``, ``2h``, ``7d``."""

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(value: str | int | float) -> float:
    """``"30m"`` -> 1800.0; a bare number is seconds. Raises ValueError."""
    if isinstance(value, bool):
        raise ValueError("a duration such as 90s, 30m, 2h or 7d")
    if isinstance(value, int | float):
        return float(value)
    if not isinstance(value, str):  # str() of a YAML alias bomb never ends
        raise ValueError("a duration such as 90s, 30m, 2h or 7d")
    match = _DURATION.match(value)
    if not match:
        raise ValueError("a duration such as 90s, 30m, 2h or 7d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


MAX_DURATION = 3650 * 86400.0
"""Ten years: longer than any wait or age means anything, and short enough that a
date that far ahead still exists (10^14 weeks overflowed every date sum)."""
MIN_INTERVAL = 60.0
"""Schedules are checked once a minute at most: a shorter interval means nothing."""


def format_duration(seconds: float) -> str:
    """1800 -> "30m": the way config.yaml writes durations."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:.0f}{unit}"
    return f"{seconds:g}s"


def _check(minimum: float | None = None, maximum: float | None = None) -> dict[str, Any]:
    return {"min": minimum, "max": maximum}


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl)"
    connect_timeout: Seconds = field(default=Seconds(10.0), metadata=_check(0.1, 3600))
    read_timeout: Seconds = field(default=Seconds(30.0), metadata=_check(0.1, 3600))
    max_redirects: int = field(default=5, metadata=_check(0, 30))
    max_bytes: int = field(default=10_000_000, metadata=_check(1024, 1_000_000_000))
    concurrency: int = field(default=8, metadata=_check(1, 256))
    per_host_concurrency: int = field(default=1, metadata=_check(1, 64))
    delay: Seconds = field(default=Seconds(1.0), metadata=_check(0, 3600))
    max_attempts: int = field(default=4, metadata=_check(1, 20))
    backoff: Seconds = field(default=Seconds(2.0), metadata=_check(0, 3600))
    # The longest a server can make us wait: robots.txt's Crawl-delay and a
    # 429/503's pause of its host are cut to ``max_crawl_delay``, a URL's own
    # retry is put off by Retry-After at most ``max_retry_after``.
    max_crawl_delay: Seconds = field(default=Seconds(60.0), metadata=_check(0, 86400))
    max_retry_after: Seconds = field(default=Seconds(6 * 3600.0),
                                     metadata=_check(0, 30 * 86400))
    respect_robots: bool = True
    allow_private_addresses: bool = False


@dataclass(frozen=True)
class CleanConfig:
    sites: dict[str, SiteRules] = field(default_factory=dict)
    # Longest one page may take to clean; past it the page fails (kind
    # cleaner-timeout). A 10 MB page (fetch.max_bytes) takes ~3 s on one core.
    timeout: Seconds = field(default=Seconds(10.0), metadata=_check(0.1, 3600))

    def rules_for(self, url: str | None) -> SiteRules | None:
        """The rules of the most specific configured domain that ``url`` is on."""
        if not url or not self.sites:
            return None
        from urllib.parse import urlsplit

        host = (urlsplit(url).hostname or "").lower()
        while host:
            if host in self.sites:
                return self.sites[host]
            _, _, host = host.partition(".")
        return None


@dataclass(frozen=True)
class Source:
    name: str
    home: str | None = None
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    max_age: Seconds | None = None
    every: Seconds | None = field(default=None, metadata=_check(MIN_INTERVAL))
    cron: str | None = None
    fetch: dict[str, Any] = field(default_factory=dict)
    clean: SiteRules = field(default_factory=SiteRules)


@dataclass(frozen=True)
class Config:
    database: str = "news.db"
    max_age: Seconds = Seconds(7 * 86400.0)
    every: Seconds = field(default=Seconds(3600.0), metadata=_check(MIN_INTERVAL))
    fetch: FetchConfig = field(default_factory=FetchConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    sources: tuple[Source, ...] = ()
    path: str | None = field(default=None, metadata={"internal": True})

    def source(self, name: str) -> Source:
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in self.sources) or "none configured"
        raise ConfigError(f"no source named {name!r} (sources: {known})")

    def fetch_for(self, source: Source) -> FetchConfig:
        """The fetch settings of ``source``: the global ones with its overrides."""
        return dataclasses.replace(self.fetch, **source.fetch) if source.fetch else self.fetch


MAX_CONFIG_BYTES = 16_000_000
"""Thousands of sources take a few megabytes."""


def load_config(path: str | Path | None) -> Config:
    """Read and check a config file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    where = str(path)
    try:
        with Path(path).open("rb") as file:
            raw = file.read(MAX_CONFIG_BYTES + 1)  # --config /dev/zero must not fill memory
        if len(raw) > MAX_CONFIG_BYTES:
            raise ConfigError(f"{where}: over {MAX_CONFIG_BYTES // 1_000_000} MB, "
                              "too large to be a configuration")
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{where}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{where}: cannot read it ({error})") from error
    try:
        data = yaml.safe_load(text)
        if data is None:
            data = {}
        config = _build(Config, data, _Where(where, ""))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise ConfigError(f"{where}:{line}: {problem}") from error
    except RecursionError:  # PyYAML builds nested collections recursively
        raise ConfigError(f"{where}: nested too deep to be a configuration") from None
    return dataclasses.replace(config, path=where)


@dataclass(frozen=True)
class _Where:
    file: str
    key: str

    def child(self, name: str | int) -> _Where:
        if isinstance(name, int):
            return _Where(self.file, f"{self.key}[{name}]")
        return _Where(self.file, f"{self.key}.{name}" if self.key else name)

    def fail(self, expected: str, got: Any = dataclasses.MISSING) -> ConfigError:
        shown = "" if got is dataclasses.MISSING else f", got {_SHOWN.repr(got)}"
        return ConfigError(f"{self.file}: {self.key or 'top level'}: expected {expected}{shown}")


_SHOWN = reprlib.Repr()
"""Values quoted in an error, cut short: a YAML alias bomb is small as a file
but billions of items long once written out."""
_SHOWN.maxlevel, _SHOWN.maxlist, _SHOWN.maxdict, _SHOWN.maxstring, _SHOWN.maxother = \
    2, 4, 4, 60, 60


def _build(cls: type, data: Any, where: _Where) -> Any:
    if cls is SiteRules:
        data = _coerce_site_rules(data, where)
    if not isinstance(data, dict):
        raise where.fail("a mapping of keys", data)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    hints = typing.get_type_hints(cls)
    unknown = sorted(set(map(str, data)) - set(fields))
    if unknown:
        close = _closest(unknown[0], fields)
        hint = f" (did you mean {close!r}?)" if close else ""
        raise ConfigError(
            f"{where.file}: {where.child(unknown[0]).key}: unknown key{hint}; "
            f"known keys: {', '.join(fields)}"
        )
    values = {}
    for name, value in data.items():
        values[name] = _value(hints[name], value, where.child(name), fields[name].metadata)
    missing = [
        f.name
        for f in fields.values()
        if f.name not in values
        and f.default is dataclasses.MISSING
        and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise where.child(missing[0]).fail("a value (this key is required)")
    if cls is Source:
        _check_source(values, where)
    if cls is FetchConfig and "user_agent" in values:
        _check_header_value(values["user_agent"], where.child("user_agent"))
    if cls is Config:
        _check_unique_names(values.get("sources", ()), where.child("sources"))
    return cls(**values)


def _check_unique_names(sources: tuple[Source, ...], where: _Where) -> None:
    seen: set[str] = set()
    for i, source in enumerate(sources):
        if source.name in seen:  # runs and articles are kept by source name
            raise where.child(i).child("name").fail("a name no other source has",
                                                    source.name)
        seen.add(source.name)


def _value(hint: Any, value: Any, where: _Where, meta: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _value(inner, value, where, meta)
    if hint is Seconds:
        try:
            seconds = parse_duration(value)
        except ValueError as error:
            raise where.fail(str(error), value) from None
        low, high = meta.get("min") or 0.0, meta.get("max") or MAX_DURATION
        if not low <= seconds <= high:  # NaN fails both
            raise where.fail(f"a duration from {format_duration(low)} to "
                             f"{format_duration(high)}", value)
        return Seconds(seconds)
    if hint is bool:
        if not isinstance(value, bool):
            raise where.fail("true or false", value)
        return value
    if hint in (int, float):
        number_ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not number_ok or (hint is int and not isinstance(value, int)):
            raise where.fail("a whole number" if hint is int else "a number", value)
        low, high = meta.get("min"), meta.get("max")
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"from {low}" + (f" to {high}" if high is not None else " up")
            raise where.fail(f"a number {bounds}", value)
        return value
    if hint is str:
        if not isinstance(value, str) or not value.strip():
            raise where.fail("a non-empty string", value)
        return value
    if origin is tuple:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            raise where.fail("a list", value)
        return tuple(_value(args[0], item, where.child(i), {}) for i, item in enumerate(items))
    if origin is dict:
        if not isinstance(value, dict):
            raise where.fail("a mapping", value)
        if hint == dict[str, Any]:
            return _fetch_overrides(value, where)
        return {str(k): _value(args[1], v, where.child(str(k)), {}) for k, v in value.items()}
    if dataclasses.is_dataclass(hint):
        return _build(typing.cast(type, hint), value, where)
    raise TypeError(f"config field type {hint!r} has no loader")  # a bug, not user input


def _coerce_site_rules(value: Any, where: _Where) -> Any:
    if isinstance(value, dict):
        for key in ("drop", "keep"):
            if key in value:
                selectors = _value(tuple[str, ...], value[key], where.child(key), {})
                for i, selector in enumerate(selectors):
                    _check_selector(selector, where.child(key).child(i))
    return value


def _check_selector(selector: str, where: _Where) -> None:
    from selectolax.lexbor import LexborHTMLParser

    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception:  # selectolax raises several types for a bad selector
        raise where.fail("a CSS selector", selector) from None


def _fetch_overrides(value: dict[str, Any], where: _Where) -> dict[str, Any]:
    """Per-source fetch overrides: checked against FetchConfig's own fields."""
    checked = _build(FetchConfig, value, where)
    return {name: getattr(checked, name) for name in value}


def _check_source(values: dict[str, Any], where: _Where) -> None:
    if not (values.get("home") or values.get("feeds") or values.get("sitemaps")
            or values.get("sections")):
        raise where.fail("at least one of home, feeds, sitemaps or sections")
    for key in ("home",):
        if values.get(key):
            _check_url(values[key], where.child(key))
    for key in ("feeds", "sitemaps", "sections"):
        for i, url in enumerate(values.get(key, ())):
            _check_url(url, where.child(key).child(i))
    for key in ("include", "exclude"):
        for i, pattern in enumerate(values.get(key, ())):
            try:
                re.compile(pattern)
            except re.error as error:
                raise where.child(key).child(i).fail(f"a regular expression ({error})",
                                                     pattern) from None
    if values.get("cron"):
        _check_cron(values["cron"], where.child("cron"))
    if values.get("cron") and values.get("every") is not None:
        raise where.child("every").fail("either `every` or `cron`, not both")


def _check_header_value(value: str, where: _Where) -> None:
    """An HTTP header holds printable ASCII: httpx refuses anything else, or a line
    break would start a header of its own."""
    if not (value.isascii() and value.isprintable()):
        raise where.fail("printable ASCII (it is sent as an HTTP header)", value)


def _check_cron(expression: str, where: _Where) -> None:
    from croniter import CroniterBadDateError, croniter

    # Five fields: croniter reads a sixth as seconds, a schedule finer than a minute.
    if len(expression.split()) != 5 or not croniter.is_valid(expression):
        raise where.fail("a cron expression of five fields such as '*/30 * * * *'",
                         expression)
    try:  # "0 0 30 2 *" is valid but never comes
        croniter(expression).get_next(float)
    except CroniterBadDateError:
        raise where.fail("a cron expression that fires (this one never does)",
                         expression) from None


def _check_url(url: str, where: _Where) -> None:
    from urllib.parse import urlsplit

    try:  # "http://[bad" does not split, and .port raises past 65535
        parts = urlsplit(url)
        valid = (parts.scheme in ("http", "https") and bool(parts.hostname)
                 and parts.port != 0)
    except ValueError:
        valid = False
    if not valid:
        raise where.fail("an absolute http(s) URL", url)


def _closest(name: str, known: dict[str, Any]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None
