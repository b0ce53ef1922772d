"""Hostile inputs: peak memory of a compression bomb, time of the slow pages.

Each case runs in a child process (its own peak RSS, its own clock) with the
code of the checkout named by ``--repo`` (default: this one), so the same
script measures a branch before and after a change:

    python benchmarks/hostile.py
    python benchmarks/hostile.py --repo /path/to/other/checkout
    python benchmarks/hostile.py reference-clean comment-hidden-nesting

The reference in the same run is an ordinary bench page through the same
path (``reference`` rows): compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import brotli

REPO = Path(__file__).resolve().parents[1]

# A child: builds its input, runs one case, prints {"seconds": ..., "rss_mb": ...}.
CHILD = r"""
import gzip, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
case, bench, bomb_file = sys.argv[1], sys.argv[2], sys.argv[3]

def serve(body, headers):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args): pass
        def do_GET(self):
            payload = b"" if self.path == "/robots.txt" else body
            self.send_response(404 if self.path == "/robots.txt" else 200)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/page.html"

def fetch(body, headers):
    from scraper.config import FetchConfig
    from scraper.fetch.fetcher import fetch_pages
    url = serve(body, {"Content-Type": "text/html", **headers})
    (result,) = fetch_pages([url], FetchConfig(allow_private_addresses=True))
    return type(result).__name__

def clean(html):
    from cleaners import clean as run
    article = run(html, "https://news.example/story")
    return article.reason or "article"

page = gzip.decompress(open(bench, "rb").read())
if case == "brotli-bomb":
    bomb = open(bomb_file, "rb").read()
    started = time.perf_counter(); outcome = fetch(bomb, {"Content-Encoding": "br"})
elif case == "reference-fetch":
    started = time.perf_counter(); outcome = fetch(page, {})
elif case == "comment-hidden-nesting":
    html = "<body><!-->" + "<div>" * 40_000 + "deep<!-- -->"
    started = time.perf_counter(); outcome = clean(html)
elif case == "punycode-page":
    html = b'<meta charset="punycode">-' + b"abcdefghij" * 10_000
    started = time.perf_counter(); outcome = clean(html)
elif case == "unclosed-links":
    html = "<body><p>" + "<a href='/x'>a link that never closes " * 20_000
    started = time.perf_counter(); outcome = clean(html)
elif case == "reference-clean":
    started = time.perf_counter(); outcome = clean(page)
seconds = time.perf_counter() - started
# VmHWM, not ru_maxrss: the latter carries the parent's peak across fork and exec
rss = next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM")) / 1024
print(json.dumps({"seconds": round(seconds, 3), "rss_mb": round(rss, 1), "outcome": outcome[:60]}))
"""

CASES = ("reference-fetch", "brotli-bomb", "reference-clean", "comment-hidden-nesting",
         "punycode-page", "unclosed-links")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("cases", nargs="*", default=CASES, metavar="CASE",
                        help=f"some of: {', '.join(CASES)}")
    args = parser.parse_args()
    bench = next((REPO.parent / "shared" / "bench" / "scrapinghub" / "html").glob("*.html.gz"))
    env = {**os.environ, "PYTHONPATH": str(args.repo.resolve())}
    bomb = Path(tempfile.mkdtemp()) / "bomb.br"
    # 1 GB of zeros in a few hundred bytes, made here so the children's peaks
    # measure the fetch alone
    bomb.write_bytes(brotli.compress(b"\0" * 1_000_000_000, quality=5))
    print(f"{'case':<24} {'seconds':>8} {'peak MB':>8}  outcome")
    for case in args.cases:
        try:
            child = subprocess.run([sys.executable, "-c", CHILD, case, str(bench), str(bomb)],
                                   env=env, capture_output=True, text=True,
                                   timeout=args.timeout, check=False, cwd=args.repo)
        except subprocess.TimeoutExpired:
            print(f"{case:<24} {'>' + format(args.timeout, 'g'):>8} {'-':>8}  still running")
            continue
        if child.returncode != 0:
            print(f"{case:<24} {'-':>8} {'-':>8}  failed: "
                  f"{child.stderr.strip().splitlines()[-1][:80]}")
            continue
        found = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{case:<24} {found['seconds']:>8} {found['rss_mb']:>8}  {found['outcome']}")


if __name__ == "__main__":
    main()
