"""Opening a database does not import pandas or numpy (see ``scraper.store.lean_sqlite``),
yet leaves them importable, and leaves alone a caller that imported them first."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("pandas")  # the test extra installs it: the case being guarded


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120).stdout.strip()


def test_opening_the_store_does_not_import_pandas_and_leaves_it_importable() -> None:
    out = run("import sys; from scraper.store.database import Store; "
              "print('pandas' in sys.modules, 'numpy' in sys.modules); "
              "import pandas, numpy; print(pandas.__name__, numpy.__name__)")
    assert out.splitlines() == ["False False", "pandas numpy"]


def test_a_caller_that_imported_pandas_first_keeps_it() -> None:
    out = run("import pandas; from scraper.store.database import Store; "
              "import sqlite_utils.db as d; print(d.pd is pandas)")
    assert out == "True"
