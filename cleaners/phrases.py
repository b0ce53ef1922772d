"""Match a short text against the rules table's phrases: what a boilerplate block says.

All phrase tables are compiled into one anchored alternation (sources first, then
boilerplate lines, then widget titles), so one regex call names the rule. That call
is the costly part of scanning every short text of a page, so a cheap gate runs
first: the text's first three characters must be ones some phrase can start with. The
gate is derived from the phrases themselves, so adding a phrase needs nothing else.
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # the regex parser is the only exact reader of a pattern
import re._parser as sre_parser

from . import rules

GATE_CHARS = 3

_PHRASE_RULES = rules.SOURCE_RULES + rules.LINE_RULES + rules.TITLE_RULES
_RULE_OF_GROUP = {r.name.replace("-", "_"): r for r in _PHRASE_RULES}
_PATTERN = re.compile(
    r"^\W*(?:"
    + "|".join(f"(?P<{r.name.replace('-', '_')}>{'|'.join(r.phrases)})" for r in _PHRASE_RULES)
    + r")\W*(?:\d+\W*)?$",
    re.IGNORECASE,
)
_LEADING_NON_WORD = re.compile(r"\W*")


def line_rule(text: str) -> rules.PhraseRule | None:
    """The phrase rule a short block of text matches, if any (sources first, titles last).

    Runs of whitespace count as one space; the gate looks only at the first letters."""
    if _GATE is not None and not _may_match(text):
        return None
    match = _PATTERN.match(" ".join(text.split()))
    if match is None or match.lastgroup is None:
        return None
    rule = _RULE_OF_GROUP[match.lastgroup]
    if rule in rules.TITLE_RULES and len(text) > rules.TITLE_MAX_CHARS:
        return None
    return rule


def _may_match(text: str) -> bool:
    """The gate: can a phrase start where the text's words start?"""
    if not text[:1].isalnum():  # skip what the pattern's leading \\W* skips
        text = text[_LEADING_NON_WORD.match(text).end():]  # type: ignore[union-attr]
    head = text[:GATE_CHARS].lower()
    return head in _GATE or head.startswith(_SHORT_STARTS)  # type: ignore[operator]


def _starts(items: list, width: int) -> set[str] | None:
    """Every way a parsed pattern can begin, cut to ``width`` characters; None if unbounded
    (a class like ``\\w`` or ``.``): the gate is then left open rather than guessed."""
    found = {""}
    for op, arg in items:
        if all(len(s) >= width for s in found):
            break
        if op is sre_constants.LITERAL:
            options: set[str] | None = {chr(arg).lower()}
        elif op is sre_constants.IN and all(o is sre_constants.LITERAL for o, _ in arg):
            options = {chr(c).lower() for _, c in arg}
        elif op is sre_constants.IN and arg == [(sre_constants.CATEGORY,
                                                 sre_constants.CATEGORY_DIGIT)]:
            options = set("0123456789")
        elif op is sre_constants.SUBPATTERN:
            options = _starts(list(arg[3]), width)
        elif op is sre_constants.BRANCH:
            branches = [_starts(list(b), width) for b in arg[1]]
            options = None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, body = arg
            once = _starts(list(body), width)
            if once is None:
                return None
            options = set(once)
            for _ in range(min(max(low, 1), width) - 1):  # the rounds it must make
                options = {(a + b)[:width] for a in options for b in once}
            if high > low:  # one more round can fill what the others left short
                options |= {(a + b)[:width] for a in options for b in once}
            if low == 0:
                options.add("")
        else:
            return None
        if options is None:
            return None
        found = {(s + o)[:width] if len(s) < width else s for s in found for o in options}
    return found


def _gate() -> tuple[frozenset[str] | None, tuple[str, ...]]:
    """The starts every phrase can have, and the phrases shorter than the gate ("ad")."""
    starts: set[str] = set()
    for rule in _PHRASE_RULES:
        for phrase in rule.phrases:
            begins = _starts(list(sre_parser.parse(phrase)), GATE_CHARS)
            if begins is None or "" in begins:
                return None, ()  # a phrase the gate cannot describe: check every text
            starts |= begins
    return (frozenset(s for s in starts if len(s) == GATE_CHARS),
            tuple(sorted(s for s in starts if len(s) < GATE_CHARS)))


_GATE, _SHORT_STARTS = _gate()
