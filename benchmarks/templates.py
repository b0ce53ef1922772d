"""Site profiles against the same cleaner without them, on same-template sites.

Each site is the chrome of one real page of a benchmark set (header, sidebars,
widgets, footer, forms: everything but its article container) filled with the
article text of other pages of the same set, so the truth of every page is
known. A site's profile is learnt from the fingerprints of its first N pages
(as the store learns them) and used to clean its last pages, which it never
saw. Printed per set and pages seen: F1 (the benchmark's metric, from
``extraction.py``), precision, recall and leaked boilerplate (predicted
4-token shingles not in the truth, per page); then cleaning speed with the
20-page profile against without, timed page by page in turns.

    python benchmarks/templates.py [--sites N] [--test N]
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extraction import REPO_ROOT, Page, PageScore, score_page, shingles, summarise
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean
from cleaners.decode import decode_html
from cleaners.template import SiteProfile

SETS = ("scrapinghub", "dragnet")
DATA = REPO_ROOT.parent / "shared" / "bench"
SEEN = (1, 5, 10, 20, 50)
LEARN = max(SEEN)
TOKEN = re.compile(r"\w+")
_CONTAINERS = "article, main, section, div, td"
_BODY = "@@NEWSCRAWL-BODY@@"
COVER = 0.8
"""A container holds at least this share of its page's article tokens..."""
SLACK = 1.6
"""...and at most this many times as many tokens: the article, not the page."""
GARBLED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters: a few dragnet truths are UTF-16 read as one byte a character
("F\\x00o\\x00r\\x00..."). The cleaner prints such a body without them, so every word
of it would count as leaked boilerplate; such pages fill no site."""


@dataclass(frozen=True)
class Site:
    chrome_id: str
    template: str  # the chrome page's HTML with ``_BODY`` where its article was
    url: str


def load_pages(data: Path) -> list[Page]:
    """A set's pages, decoded as the cleaner decodes them (dragnet has legacy charsets)."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return [Page(page_id, entry["url"] or "",
                 decode_html(gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())),
                 entry["articleBody"]) for page_id, entry in sorted(truth.items())]


def chrome_of(page: Page) -> Site | None:
    """The page with its article container emptied, or None when no element holds
    the article alone (then its chrome cannot be told from its article)."""
    truth = Counter(TOKEN.findall(page.truth))
    wanted = sum(truth.values())
    if wanted < 50:
        return None
    tree = LexborHTMLParser(page.html)
    best = None
    best_size = 0
    for node in tree.css(_CONTAINERS):
        tokens = Counter(TOKEN.findall(node.text(separator=" ")))
        size = sum(tokens.values())
        if size > wanted * SLACK or sum((tokens & truth).values()) < wanted * COVER:
            continue
        if best is None or size < best_size:
            best, best_size = node, size
    if best is None:
        return None
    for child in list(best.iter(include_text=True)):
        child.decompose()
    best.insert_child(_BODY)
    for node in tree.css("title"):  # each page gets its own title below
        for child in list(node.iter(include_text=True)):
            child.decompose()
        node.insert_child("@@NEWSCRAWL-TITLE@@")
    template = tree.html or ""
    if _BODY not in template:
        return None
    return Site(page.page_id, template, page.url or f"https://site-{page.page_id[:8]}.example/")


def page_of(site: Site, body: Page, number: int) -> Page:
    paragraphs = [line.strip() for line in body.truth.split("\n") if line.strip()]
    article = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
    title = " ".join(TOKEN.findall(body.truth)[:8])
    text = site.template.replace(_BODY, article).replace("@@NEWSCRAWL-TITLE@@",
                                                         html_lib.escape(title))
    url = site.url.rstrip("/") + f"/story-{number}"
    return Page(f"{site.chrome_id[:8]}-{number}", url, text, "\n".join(paragraphs))


def build_sites(pages: list[Page], sites: int, test: int) -> list[list[Page]]:
    """``sites`` sites of ``LEARN + test`` pages each; bodies taken in turn from the
    pages that are not the chrome."""
    built: list[list[Page]] = []
    for chrome in pages:
        if len(built) == sites:
            break
        site = chrome_of(chrome)
        if site is None:
            continue
        bodies = [p for p in pages if p.page_id != chrome.page_id and len(p.truth) > 200
                  and GARBLED.search(p.truth) is None]
        offset = len(built) * 7  # each site starts elsewhere in the set
        picked = [bodies[(offset + i) % len(bodies)] for i in range(LEARN + test)]
        built.append([page_of(site, body, n) for n, body in enumerate(picked)])
    return built


def profile_of(site: str, fingerprints: list[list[str]]) -> SiteProfile:
    counts: Counter[str] = Counter()
    for page in fingerprints:
        counts.update(set(page))
    return SiteProfile(site, len(fingerprints), dict(counts))


def leaked(truth: str, prediction: str) -> int:
    """Predicted 4-token shingles that are not in the truth."""
    return sum((shingles(TOKEN.findall(prediction)) - shingles(TOKEN.findall(truth))).values())


@dataclass
class Row:
    name: str
    seen: int
    scores: list[PageScore]
    leaked: int
    by_site: list[int]
    """Leaked shingles of each site's held-back pages."""


Timed = list[tuple[list[Page], SiteProfile]]
"""Each site's held-back pages with its 20-page profile."""


def evaluate(name: str, sites: list[list[Page]], test: int) -> tuple[list[Row], Timed]:
    rows: list[Row] = []
    learnt = [[clean(p.html, p.url, fingerprints=True).fingerprints for p in site[:LEARN]]
              for site in sites]
    held = [site[LEARN:LEARN + test] for site in sites]
    for seen in (0, *SEEN):
        scores: list[PageScore] = []
        by_site: list[int] = []
        for site, prints, pages in zip(sites, learnt, held, strict=True):
            profile = profile_of(site[0].url, prints[:seen]) if seen else None
            by_site.append(0)
            for page in pages:
                text = clean(page.html, page.url, profile=profile).text
                scores.append(score_page(page.page_id, page.truth, text))
                by_site[-1] += leaked(page.truth, text)
        rows.append(Row(name, seen, scores, sum(by_site), by_site))
    at_20 = [(pages, profile_of(site[0].url, prints[:20]))
             for site, prints, pages in zip(sites, learnt, held, strict=True)]
    return rows, at_20


def speed(pairs: Timed, rounds: int) -> tuple[float, float]:
    """Seconds cleaning without and with the profile, in turns page by page."""
    without = with_profile = 0.0
    for _ in range(rounds):
        for pages, profile in pairs:
            for page in pages:
                start = time.perf_counter()
                clean(page.html, page.url)
                middle = time.perf_counter()
                clean(page.html, page.url, profile=profile)
                with_profile += time.perf_counter() - middle
                without += middle - start
    return without, with_profile


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=6, help="sites per benchmark set")
    parser.add_argument("--test", type=int, default=10, help="held-back pages per site")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds")
    args = parser.parse_args(argv)
    print(f"{'set':<12} {'seen':>4} {'pages':>5} {'F1':>6} {'prec':>6} {'recall':>6} "
          f"{'pageF1':>6} {'leaked/page':>11} {'vs without':>10}")
    timed: Timed = []
    for name in SETS:
        pages = load_pages(DATA / name)
        sites = build_sites(pages, args.sites, args.test)
        rows, at_20 = evaluate(name, sites, args.test)
        timed += at_20
        base = rows[0].leaked or 1
        for row in rows:
            s = summarise(name, row.scores, 1.0)
            label = "none" if row.seen == 0 else str(row.seen)
            print(f"{name:<12} {label:>4} {len(row.scores):5d} {s.f1:6.3f} {s.precision:6.3f} "
                  f"{s.recall:6.3f} {s.mean_page_f1:6.3f} {row.leaked / len(row.scores):11.1f} "
                  f"{row.leaked / base:10.2f}")
        at_20 = next(row for row in rows if row.seen == 20)
        print(f"{'':<12} leaked by site, without -> 20 pages seen: " + ", ".join(
            f"{site[0].page_id.split('-')[0][:8]} {before}->{after}" for site, before, after
            in zip(sites, rows[0].by_site, at_20.by_site, strict=True)))
    without, with_profile = speed(timed, args.rounds)
    count = sum(len(pages) for pages, _ in timed) * args.rounds
    print(f"speed over {count} cleanings: without {count / without:.1f} pages/s, "
          f"with 20-page profiles {count / with_profile:.1f} pages/s "
          f"({with_profile / without:.3f}x the time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
