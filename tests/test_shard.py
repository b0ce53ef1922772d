"""crawl run --shard K/N: every source in exactly one shard, the same one everywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.crawl.shard import Shard, in_shard, shard_of
from scraper.errors import UsageError
from tests.localsite import CRAWL, LocalSite, query, run_crawl, site_source, templates, write_config

NAMES = [f"source-{n}" for n in range(60)]


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_every_source_is_in_exactly_one_shard(count: int) -> None:
    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

    sources = [Named(name) for name in NAMES]
    shards = [{s.name for s in in_shard(sources, Shard(k, count))} for k in range(1, count + 1)]
    assert sorted(name for shard in shards for name in shard) == sorted(NAMES)
    assert all(shards), "a shard of 60 sources is empty: the hash does not spread"


def test_the_shard_of_a_name_does_not_change_between_processes() -> None:
    script = "from scraper.crawl.shard import shard_of; print([shard_of(f'source-{n}', 7) " \
             "for n in range(60)])"
    seen = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True, env=os.environ | {"PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert seen == {str([shard_of(name, 7) for name in NAMES]) + "\n"}


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "1/0", ""])
def test_a_bad_shard_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match="expected K/N"):
        Shard.parse(text)


@pytest.mark.skipif(not templates(), reason="no benchmark pages in shared/bench")
def test_run_crawls_only_the_sources_of_its_shard(tmp_path: Path) -> None:
    names = [f"desk-{n}" for n in range(6)]
    with LocalSite(articles=6) as site:
        config = write_config(tmp_path, [site_source(site, name) for name in names])
        for number in (1, 2):
            done = run_crawl(config, "run", "--shard", f"{number}/2", "--limit", "1",
                             "--db", str(tmp_path / f"shard{number}.db"))
            assert done.returncode == 0, done.stderr
    ran = [{name for (name,) in query(tmp_path / f"shard{n}.db", "SELECT name FROM sources_state")}
           for n in (1, 2)]
    assert ran == [{name for name in names if shard_of(name, 2) == n} for n in (1, 2)]


def test_a_bad_shard_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    config = write_config(tmp_path, [{"name": "one", "home": "http://127.0.0.1:9/"}])
    done = subprocess.run([str(CRAWL), "--config", str(config), "run", "--shard", "3/2"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr == "crawl: error: --shard 3/2: expected K/N with 1 <= K <= N, e.g. 2/3\n"
