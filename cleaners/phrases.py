"""Match a short text against the rules table's phrases: what a boilerplate block says.

The phrase tables hold some nine hundred patterns in 23 languages, and every
short text of a page is checked, so a text is matched only against the phrases that
can start as it does. Each phrase's possible starts are derived from the phrase itself
("(?:\\d+ )?comments?" can start "com" or a digit). A text's first three letters look
up the phrases that may start so; its first eight rule out most of them ("sha" finds
"share this", "Shanghai" rules it out). The phrases left are compiled, once per set of
phrases picked, into one anchored alternation in table order (sources first, then
boilerplate lines, then widget titles), so one regex call names the rule. Compiling,
not matching, is what a phrase costs the first time it is picked. Most texts start as
no phrase does and cost one dictionary look-up. Adding a phrase needs nothing else.
"""

from __future__ import annotations

import functools
import re
import re._casefix as _casefix  # the letters a case-blind regex takes as one
import re._constants as sre_constants  # the regex parser is the only exact reader of a pattern
import re._parser as sre_parser
from typing import Any

from . import rules

GATE_CHARS = 3
"""A text's first letters that look up the phrases it may start as."""
PICK_CHARS = 8
"""A text's first letters that must fit a phrase's start for the phrase to be tried."""
PATTERNS_KEPT = 4096
"""Compiled alternations kept, one per distinct set of phrases picked."""
HEADS_KEPT = 16384
"""Texts' first ``PICK_CHARS`` letters kept with the phrases they pick: a crawl meets many."""

_PHRASE_RULES = rules.SOURCE_RULES + rules.LINE_RULES + rules.TITLE_RULES
_RULE_OF_GROUP = {r.name.replace("-", "_"): r for r in _PHRASE_RULES}
_LEADING = r"[^\w©]*"
"""What a text may start with before its phrase: punctuation, but not ©, the one sign
a phrase starts with ("© 2019 The Paper. All rights reserved.")."""
_LEADING_NON_WORD = re.compile(_LEADING)
_NON_SPACE = re.compile(r"\S+")


def line_rule(text: str) -> rules.PhraseRule | None:
    """The phrase rule a short block of text matches, if any (sources first, titles last).

    Runs of whitespace count as one space; only the phrases that can start as the text
    does are tried."""
    head = _head(text)
    if not any(head[:cut] in _BY_START for cut in range(1, GATE_CHARS + 1)):
        return None  # most texts: no phrase starts as they do
    pattern = _pattern_for(head)
    if pattern is None:
        return None
    match = pattern.match(" ".join(text.split()))
    if match is None or match.lastgroup is None:
        return None
    rule = _RULE_OF_GROUP[match.lastgroup]
    if len(text) > rule.max_chars or (
            rule in rules.TITLE_RULES and len(text) > rules.TITLE_MAX_CHARS):
        return None
    return rule


def _head(text: str) -> str:
    """The text's first ``PICK_CHARS`` letters as phrases' starts are written (or all
    of it, if shorter), read as the pattern reads the text: after the punctuation
    ``_LEADING`` skips, with runs of whitespace as one space."""
    if not text[:1].isalnum():
        text = text[_LEADING_NON_WORD.match(text).end():]  # type: ignore[union-attr]
    sample = text[:PICK_CHARS * 2]
    if not sample.isprintable() or "  " in sample:  # a line break or a run of spaces
        words = []
        for word in _NON_SPACE.finditer(text):  # as far as the head reaches, not the text
            words.append(word[0])
            if sum(map(len, words)) >= PICK_CHARS:
                break
        sample = " ".join(words)[:PICK_CHARS * 2]
    return _fold(sample)[:PICK_CHARS]


class _Folds(dict[int, int | None]):
    """Each character as starts are written, worked out when first met: lowercase (done
    before), every digit as "0" (so "\\d+" is one start, not a thousand), the letters a
    case-blind regex takes for one another as one ("σ" and the final "ς", "ı" and
    "i"), and without the combining dot that "İ" lowercases to."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        folded = (ord("0") if char.isdigit() else None if char == "\u0307"
                  else _CASE_TWIN.get(code, code))
        self[code] = folded
        return folded


_CASE_TWIN = {twin: min(code, *twins)
              for code, twins in _casefix._EXTRA_CASES.items() for twin in twins}
_FOLDS = _Folds()


def _fold(text: str) -> str:
    return text.lower().translate(_FOLDS)


@functools.lru_cache(maxsize=HEADS_KEPT)
def _pattern_for(head: str) -> re.Pattern[str] | None:
    """One alternation of the phrases that can start as ``head`` does, in table order:
    those with a start that ``head`` begins with (a start cut short by a class, or a
    whole short phrase, is shorter than ``head``)."""
    said: set[tuple[int, int]] = set()
    for cut in range(1, min(len(head), GATE_CHARS) + 1):
        if head[:cut] in _BY_START and (by_start := _by_long_start(head[:cut])):
            said.update(at for end in range(cut, len(head) + 1)
                        for at in by_start.get(head[:end], ()))
    return _alternation(tuple(sorted(said))) if said else None


@functools.cache
def _by_long_start(gate: str) -> dict[str, list[tuple[int, int]]]:
    """The phrases that can start with ``gate``, by their ``PICK_CHARS`` starts: read
    when a text first needs them, not for all phrases at import."""
    index: dict[str, list[tuple[int, int]]] = {}
    for at in _BY_START.get(gate, ()):
        for start in _long_starts(at):
            index.setdefault(start, []).append(at)
    return index


@functools.cache
def _long_starts(at: tuple[int, int]) -> frozenset[str]:
    rule, phrase = at
    return phrase_starts(_PHRASE_RULES[rule].phrases[phrase], PICK_CHARS)


@functools.lru_cache(maxsize=PATTERNS_KEPT)
def _alternation(said: tuple[tuple[int, int], ...]) -> re.Pattern[str]:
    """The phrases at ``said`` (rule, phrase) as one anchored pattern: compiled once for
    all the heads that pick the same phrases (scrapinghub's texts have 5,900 heads that
    pick 88 sets), since compiling, not matching, is the cost of a head seen first."""
    groups = []
    for r, rule in enumerate(_PHRASE_RULES):
        if phrases := [_possessive_tail(rule.phrases[p]) for at_rule, p in said if at_rule == r]:
            groups.append(f"(?P<{rule.name.replace('-', '_')}>{'|'.join(phrases)})")
    return re.compile("^" + _LEADING + "(?:" + "|".join(groups) + r")\W*(?:\d+\W*)?$",
                      re.IGNORECASE)


_OPEN_TAIL = re.compile(r"(?<!\\)(\.\{\d*,\d+\})$")


def _possessive_tail(phrase: str) -> str:
    """A phrase that ends in any characters (``posted by .{0,150}``) takes them without
    giving any back: handed back one at a time to the closing ``\\W*``, a line of
    dashes after "Posted by" took 3 ms. Only a line longer than the tail allows reads
    otherwise, and such a line is no phrase."""
    return _OPEN_TAIL.sub(r"\1+", phrase)


def _phrases_by_start() -> dict[str, list[tuple[int, int]]]:
    """Each start a phrase can have -> where the phrases that can begin so stand
    (rule, phrase)."""
    index: dict[str, list[tuple[int, int]]] = {}
    for r, rule in enumerate(_PHRASE_RULES):
        for p, phrase in enumerate(rule.phrases):
            for start in phrase_starts(phrase):
                index.setdefault(start, []).append((r, p))
    return index


_CUT = "\0"
"""Ends a start where the pattern goes on with a class (``\\s``, ``.``): the gate checks
the letters before it only."""


def _done(start: str, width: int) -> bool:
    return len(start) >= width or start.endswith(_CUT)


def _join(head: str, tail: str, width: int) -> str:
    return head if _done(head, width) else (head + tail)[:width]


def _starts(items: list, width: int) -> set[str]:
    """Every way a parsed pattern can begin, cut to ``width`` characters. A class like
    ``\\s`` or ``.`` ends a start (marked ``_CUT``) rather than being guessed."""
    found = {""}
    for op, arg in items:
        if all(_done(s, width) for s in found):
            break
        options = _options(op, arg, width)
        found = {_join(s, o, width) for s in found for o in options}
    return found


def _options(op: object, arg: Any, width: int) -> set[str]:
    """The starts of one parsed item of a pattern."""
    if op is sre_constants.LITERAL:
        return {_fold(chr(arg))}
    if op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in arg):
        return {_fold(chr(c)) for _, c in arg}
    if op is sre_constants.IN and arg == [(sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)]:
        return {"0"}
    if op is sre_constants.SUBPATTERN:
        return _starts(list(arg[3]), width)
    if op is sre_constants.BRANCH:
        return set().union(*(_starts(list(b), width) for b in arg[1]))
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, high, body = arg
        once = _starts(list(body), width)
        options = set(once)
        for _ in range(min(max(low, 1), width) - 1):  # the rounds it must make
            options = {_join(a, b, width) for a in options for b in once}
        more = options  # the rounds it may make, while they reach further into the start
        for _ in range(min(high - max(low, 1), width)):  # ("127 comments": three rounds)
            more = {_join(a, b, width) for a in more for b in once} - options
            if not more:
                break
            options |= more
        if low == 0:
            options.add("")
        return options
    return {_CUT}


def phrase_starts(phrase: str, width: int = GATE_CHARS) -> frozenset[str]:
    """How a phrase can begin: its first ``width`` characters, folded, or fewer for a
    phrase that short ("ad") or cut short by a class ("出典\\s*:"). An empty start would
    mean a phrase tried on every text."""
    return frozenset(s.rstrip(_CUT) for s in _starts(list(sre_parser.parse(phrase)), width))


_BY_START = _phrases_by_start()
