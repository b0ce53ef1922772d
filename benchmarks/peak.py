"""Peak RSS of a child command, its own and not its parent's.

``wait4``'s ``ru_maxrss`` of a child carries the parent's peak across fork and
exec (Linux keeps the larger of the two address spaces' high-water marks), so a
benchmark that built 5,000 pages in memory before starting ``crawl import``
reported its own peak as the import's. The command runs under a small Python
launcher instead: the launcher's peak is a fresh interpreter's (about 10 MB),
so the peak it reports is the command's unless the command stays below that.
"""

from __future__ import annotations

import subprocess
import sys

LAUNCHER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def run_with_peak_rss(command: list[str], timeout: float | None = None) -> tuple[str, float]:
    """Run ``command`` to completion: its stdout and its peak RSS in MB.

    Its stderr is dropped, except in the error a failure raises."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *command], capture_output=True,
                          text=True, timeout=timeout, check=False)
    *errors, peak_kb = done.stderr.splitlines() or [""]
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with status {done.returncode}: "
                         f"{' '.join(errors[-1:])}")
    return done.stdout, int(peak_kb) / 1024
