"""Control characters: never part of an article, never sent to a terminal.

A page can carry ESC and the other C0/C1 controls as character references
(``&#x1b;[31m``); printed as they are, they recolour a terminal, set its
title, write hyperlinks or the clipboard (OSC 8, OSC 52). ``strip_controls``
removes whole escape sequences (so no ``[31m`` is left behind) and every other
control character except tab and newline. The cleaner applies it to what it
returns, and the command line to everything it prints from a page.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"               # CSI: colours, cursor moves
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS...: up to their end
    r"|\x1b[ -/]*[0-~]?"                      # any other escape
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]",        # C0 but tab and newline, DEL, C1
)


_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""One character class scans far faster than the alternation: most text has none."""


def strip_controls(text: str) -> str:
    """``text`` without escape sequences and control characters but tab and newline."""
    return _CONTROLS.sub("", text) if _ANY_CONTROL.search(text) else text
