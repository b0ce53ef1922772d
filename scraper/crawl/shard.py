"""Shards of the configured sources: ``crawl run --shard K/N`` on N machines or cron entries.

A source belongs to shard ``hash(name) mod N``, with a hash that is the same
in every process and on every machine (Python's ``hash`` of a string is
not), so N runs of one config never crawl the same source twice and each
source always lands in the same shard.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..errors import UsageError

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    number: int
    """1 to ``count``."""
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        found = _SHARD.match(text)
        if not found or not 1 <= int(found[1]) <= int(found[2]):
            raise UsageError(f"--shard {text}: expected K/N with 1 <= K <= N, e.g. 2/3")
        return cls(int(found[1]), int(found[2]))

    def holds(self, name: str) -> bool:
        return shard_of(name, self.count) == self.number


def shard_of(name: str, count: int) -> int:
    """The shard (1 to ``count``) of a source named ``name``."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


Named = TypeVar("Named")


def in_shard(items: Iterable[Named], shard: Shard, name: str = "name") -> tuple[Named, ...]:
    """The items (sources) whose ``name`` attribute falls in ``shard``."""
    return tuple(item for item in items if shard.holds(getattr(item, name)))
