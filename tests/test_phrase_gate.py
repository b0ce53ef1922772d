"""The phrase gate only saves work: a text picks the same rule through it as it
would if every phrase of every table were tried on it at once.

The texts are drawn from the phrases themselves (each phrase's pattern, read by the
regex parser, spelt out at random: the branches, the repeats, the classes), then
written as pages write them: in capitals or title case, with a line break for a
space, punctuation before, a count after.
"""

from __future__ import annotations

import random
import re
import re._constants as sre_constants
import re._parser as sre_parser

import pytest

from cleaners import phrases

SAMPLES_PER_PHRASE = 6
_POOL = "a1 é-:'.ıİςΣ"
"""Characters tried where a pattern allows a class: the gate's hard cases among them
(a Turkish dotless and dotted i, Greek final and capital sigma)."""
_DIGITS = "0123456789"
EXTRA_ROUNDS = 8
"""Rounds a repeat may make beyond its least: a count of three digits or more is where
the starts of "\\d+ comments" once stopped short."""


def _spell(items: list, rng: random.Random) -> str:
    """One string that the parsed pattern ``items`` may match (checked by the caller)."""
    out = []
    for op, arg in items:
        if op is sre_constants.LITERAL:
            out.append(chr(arg))
        elif op is sre_constants.IN:
            literals = [chr(c) for o, c in arg if o is sre_constants.LITERAL]
            ranges = [chr(rng.randint(*c)) for o, c in arg if o is sre_constants.RANGE]
            digits = [rng.choice(_DIGITS) for o, c in arg
                      if o is sre_constants.CATEGORY and c is sre_constants.CATEGORY_DIGIT]
            out.append(rng.choice(digits or literals + ranges + list(_POOL)))
        elif op in (sre_constants.NOT_LITERAL, sre_constants.ANY):
            out.append(rng.choice(_POOL))
        elif op is sre_constants.BRANCH:
            out.append(_spell(list(rng.choice(arg[1])), rng))
        elif op is sre_constants.SUBPATTERN:
            out.append(_spell(list(arg[3]), rng))
        elif op is sre_constants.ATOMIC_GROUP:
            out.append(_spell(list(arg), rng))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
                    sre_constants.POSSESSIVE_REPEAT):
            low, high, body = arg
            rounds = rng.randint(low, min(high, low + EXTRA_ROUNDS))
            out.extend(_spell(list(body), rng) for _ in range(rounds))
    return "".join(out)


def _as_written(text: str, rng: random.Random) -> str:
    text = rng.choice((str, str.upper, str.title))(text)
    if " " in text and rng.random() < 0.3:
        text = text.replace(" ", rng.choice(("\n", " \n  ", "\t")), 1)
    return rng.choice(("", "» ", "- ", "\n")) + text + rng.choice(("", ":", " (12)", " 3"))


def _texts() -> list[str]:
    rng = random.Random(20261202)
    texts = []
    for rule in phrases._PHRASE_RULES:
        for phrase in rule.phrases:
            items = list(sre_parser.parse(phrase))
            for _ in range(SAMPLES_PER_PHRASE):
                spelt = _spell(items, rng)
                if re.fullmatch(phrase, spelt, re.IGNORECASE):
                    texts.append(_as_written(spelt, rng))
    return texts


def test_texts_spelt_from_the_phrases_cover_them() -> None:
    """Most phrases spell out a text they match: the test below is not empty."""
    phrase_count = sum(len(rule.phrases) for rule in phrases._PHRASE_RULES)
    assert len(_texts()) > 4 * phrase_count


@pytest.mark.slow
def test_the_gate_picks_the_rule_every_phrase_tried_at_once_would() -> None:
    every_phrase = phrases._alternation(tuple(
        (r, p) for r, rule in enumerate(phrases._PHRASE_RULES) for p in range(len(rule.phrases))))
    for text in _texts():
        read = " ".join(text.split())
        expected = every_phrase.match(read)
        gated = phrases._pattern_for(phrases._head(text))
        found = gated.match(read) if gated is not None else None
        assert (found and found.lastgroup) == (expected and expected.lastgroup), repr(text)
