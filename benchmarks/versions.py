"""Cleaning speed of this checkout against an earlier version of the cleaner.

    python benchmarks/versions.py --base 535dd24 [--set dragnet] [--pages 300] [--rounds 3]
                                  [--step clean|metadata] [--fingerprints]

The earlier version is checked out in a temporary git worktree; each version
cleans the same pages in its own fresh process (imports and a first untimed page
are not timed), the two taking turns for ``--rounds`` rounds, so a machine that
gets busier or quieter slows both alike. The best round of each is compared: the
least disturbed measure of what the code costs. ``--step metadata`` times the
parse and ``extract_metadata`` alone (title, authors, dates; not the language,
which is read from the cleaned text), the step the cleaner runs first.
``--fingerprints`` cleans as the store does, asking for the page's fingerprints
(``clean(..., fingerprints=True)``) from a version that takes the option; a
version before it fingerprinted every page.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = ("scrapinghub", "dragnet")

_CHILD = r"""
import functools, gzip, inspect, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from cleaners import clean
from cleaners.metadata import extract_metadata
from selectolax.lexbor import LexborHTMLParser
if sys.argv[4] == "metadata":
    def clean(html, url):
        return extract_metadata(LexborHTMLParser(html), url)
elif sys.argv[5] == "fingerprints" and "fingerprints" in inspect.signature(clean).parameters:
    clean = functools.partial(clean, fingerprints=True)
bench = Path(sys.argv[2])
truth = json.loads((bench / "ground-truth.json").read_text())
ids = sorted(truth)[: int(sys.argv[3])]
pages = [(gzip.decompress((bench / "html" / f"{i}.html.gz").read_bytes()), truth[i].get("url"))
         for i in ids]
clean(*pages[0])
started = time.perf_counter()
for html, url in pages:
    clean(html, url)
print(json.dumps({"pages": len(pages), "seconds": time.perf_counter() - started}))
"""


def timed(repo: Path, bench: Path, pages: int, step: str, fingerprints: bool
          ) -> tuple[int, float]:
    """Pages done and seconds taken by ``step`` of the cleaner of ``repo``, in a fresh
    process."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(repo), str(bench), str(pages), step,
                           "fingerprints" if fingerprints else "plain"],
                          capture_output=True, text=True, check=True, cwd=repo)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["pages"], result["seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the earlier commit (any git revision)")
    parser.add_argument("--set", choices=SETS, action="append", help="default: every set")
    parser.add_argument("--pages", type=int, default=300, help="first N pages of each set")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--step", choices=("clean", "metadata"), default="clean")
    parser.add_argument("--fingerprints", action="store_true",
                        help="clean as the store does, asking for the page's fingerprints")
    args = parser.parse_args()
    bench_root = ROOT.parent / "shared" / "bench"
    with tempfile.TemporaryDirectory(prefix="versions-") as scratch:
        base = Path(scratch) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base),
                        args.base], check=True)
        try:
            step = f"{args.step}, fingerprints" if args.fingerprints else args.step
            print(f"{step}: {args.base} (base) vs this checkout")
            print(f"{'set':<12} {'pages':>5} {'base pages/s':>12} {'this pages/s':>12} "
                  f"{'time vs base':>12}")
            for name in args.set or SETS:
                best = {"base": float("inf"), "this": float("inf")}
                for _ in range(args.rounds):
                    for side, repo in (("base", base), ("this", ROOT)):
                        count, seconds = timed(repo, bench_root / name, args.pages, args.step,
                                               args.fingerprints)
                        best[side] = min(best[side], seconds)
                print(f"{name:<12} {count:>5} {count / best['base']:>12.1f} "
                      f"{count / best['this']:>12.1f} {best['this'] / best['base']:>11.2f}x")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                           check=False)


if __name__ == "__main__":
    main()
