"""sqlite-utils, imported without pandas and numpy.

sqlite-utils imports pandas and numpy when they are installed, to convert values of
their types on insert. This tool never inserts such values, and the import made
every command that opens a database a second slower and about 120 MB bigger on a
machine with pandas (a data team's usual machine): ``crawl stats`` peaked at 148 MB
there, and 30 MB is what the command itself needs. Modules a caller has imported
already are left as they are.
"""

from __future__ import annotations

import sys

_UNNEEDED = ("pandas", "numpy")
_blocked = [name for name in _UNNEEDED if name not in sys.modules]
for _name in _blocked:
    sys.modules[_name] = None  # type: ignore[assignment]  # importing it fails: sqlite-utils does without
try:
    import sqlite_utils
finally:
    for _name in _blocked:
        if _name in sys.modules and sys.modules[_name] is None:
            del sys.modules[_name]

__all__ = ["sqlite_utils"]
