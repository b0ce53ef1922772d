"""Score article extractors on the ScrapingHub benchmark, in one process.

Runs this project's cleaner, trafilatura (default and ``favor_precision``) and
readability-lxml over ``shared/bench/scrapinghub`` and prints, for each, F1,
precision, recall, accuracy, empty pages, mean per-page F1 and pages/s, then
this cleaner's speed as a multiple of trafilatura default's.

The metric is the benchmark's own, as ``shared/bench/README.md`` defines it:
multisets of 4-token shingles over ``re.findall(r"\\w+", text)``.

    python benchmarks/extraction.py [--data DIR] [--only ours] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "bench" / "scrapinghub"
TOKEN = re.compile(r"\w+")
SHINGLE = 4

Extractor = Callable[[str, str], str]


@dataclass(frozen=True)
class Page:
    page_id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True)
class PageScore:
    page_id: str
    precision: float
    recall: float
    empty: bool
    exact: bool

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingles(tokens: list[str]) -> Counter[tuple[str, ...]]:
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def score_page(page_id: str, truth: str, prediction: str) -> PageScore:
    truth_tokens, pred_tokens = TOKEN.findall(truth), TOKEN.findall(prediction)
    expected, predicted = shingles(truth_tokens), shingles(pred_tokens)
    tp = sum((expected & predicted).values())
    fp = sum((predicted - expected).values())
    fn = sum((expected - predicted).values())
    # The README divides each count by tp + fp + fn; the ratios below are unchanged by it.
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return PageScore(page_id, precision, recall, not pred_tokens, pred_tokens == truth_tokens)


@dataclass(frozen=True)
class Summary:
    name: str
    f1: float
    precision: float
    recall: float
    accuracy: float
    empty: int
    mean_page_f1: float
    pages_per_s: float


def summarise(name: str, scores: list[PageScore], seconds: float) -> Summary:
    answered = [s for s in scores if not s.empty]
    precision = sum(s.precision for s in answered) / len(answered) if answered else 0.0
    recall = sum(s.recall for s in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(
        name=name,
        f1=f1,
        precision=precision,
        recall=recall,
        accuracy=sum(s.exact for s in scores) / len(scores),
        empty=len(scores) - len(answered),
        mean_page_f1=sum(s.f1 for s in scores) / len(scores),
        pages_per_s=len(scores) / seconds if seconds else float("inf"),
    )


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append(Page(page_id, entry["url"], raw.decode("utf-8"), entry["articleBody"]))
    return pages


def run(extractors: dict[str, Extractor], pages: list[Page]
        ) -> dict[str, tuple[list[PageScore], float]]:
    """Score every extractor; only the extraction calls are timed.

    Extractors take turns page by page, so a machine that gets busier or quieter
    during the run slows them alike and the speed ratios stay fair. Each makes one
    untimed call first, so imports and compiled patterns are not charged to a page.
    """
    for extract in extractors.values():
        extract(pages[0].html, pages[0].url)
    scores: dict[str, list[PageScore]] = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for page in pages:
        for name, extract in extractors.items():
            start = time.perf_counter()
            try:
                text = extract(page.html, page.url) or ""
            except Exception:  # a failed page counts as empty, as the README says
                text = ""
            seconds[name] += time.perf_counter() - start
            scores[name].append(score_page(page.page_id, page.truth, text))
    return {name: (scores[name], seconds[name]) for name in extractors}


def ours(html: str, url: str) -> str:
    from cleaners import clean

    return clean(html, url).text


# Comments are not article text: the README's reference figures for trafilatura
# (0.960 default, 0.964 favor_precision) are reproduced with include_comments=False.
def trafilatura_default(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def trafilatura_precision(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, favor_precision=True) or ""


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
               "pre", "table", "ul", "ol", "section", "article", "figure", "figcaption", "dd", "dt"}


def readability(html: str, url: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return root.text_content()


EXTRACTORS: dict[str, Extractor] = {
    "newscrawl": ours,
    "trafilatura default": trafilatura_default,
    "trafilatura favor_precision": trafilatura_precision,
    "readability-lxml": readability,
}


def print_table(summaries: list[Summary]) -> None:
    print(f"{'extractor':<28} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} "
          f"{'empty':>5} {'pageF1':>6} {'pages/s':>8}")
    for s in summaries:
        print(f"{s.name:<28} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f} "
              f"{s.empty:5d} {s.mean_page_f1:6.3f} {s.pages_per_s:8.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--only", choices=["ours"], help="skip the reference extractors")
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"extraction: no ground-truth.json in {args.data}", file=sys.stderr)
        return 2
    pages = load_pages(args.data)
    names = ["newscrawl"] if args.only else list(EXTRACTORS)
    results = run({name: EXTRACTORS[name] for name in names}, pages)
    summaries = [summarise(name, *results[name]) for name in names]
    our_scores = results["newscrawl"][0]
    print(f"{len(pages)} pages from {args.data}")
    print_table(summaries)
    by_name = {s.name: s for s in summaries}
    if "trafilatura default" in by_name:
        ratio = by_name["newscrawl"].pages_per_s / by_name["trafilatura default"].pages_per_s
        print(f"newscrawl speed: {ratio:.1f}x trafilatura default")
    for s in sorted(our_scores, key=lambda s: s.f1)[: args.worst]:
        print(f"  {s.page_id[:12]}  f1={s.f1:.3f} p={s.precision:.3f} r={s.recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
