"""Score article extractors on every scored benchmark set, in one process.

Runs this project's cleaner (with its metadata, as a crawl stores it, and without),
trafilatura (default, with metadata, and ``favor_precision``) and readability-lxml
over each set of ``shared/bench`` (scrapinghub, dragnet), as saved and again with
every ``class`` and ``id`` attribute stripped, and prints for each run F1,
precision, recall, accuracy, empty pages, mean per-page F1 and pages/s, this
cleaner's speed as a multiple of trafilatura's (``SPEED_PAIRS``), the mean
over the runs, and this cleaner's F1 on the tuning half (even page ids) beside
the checking half (odd ids): rules are tuned on the one and confirmed on the other,
beside how far apart random halves of the same pages fall by chance.

The metric is the benchmark's own, as ``shared/bench/README.md`` defines it:
multisets of 4-token shingles over ``re.findall(r"\\w+", text)``.

    python benchmarks/extraction.py [--set NAME] [--variant classed|stripped]
        [--half tune|check] [--only ours,text,trafilatura,metadata] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cleaners.decode import decode_html

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH = REPO_ROOT.parent / "shared" / "bench"
SCORED_SETS = ("scrapinghub", "dragnet")
VARIANTS = ("classed", "stripped")
WARM_UP_SET = Path("seedlike") / "pages"
WARM_UP_DATES_STEP = 4
TOKEN = re.compile(r"\w+")
SHINGLE = 4
PASSAGE_MIN_TOKENS = 10
PASSAGE_KEPT_SHARE = 0.8
"""A passage is a line of the truth of 10 words or more (a paragraph, a list item, a
heading of a sentence's length); it is kept when 80% of its shingles are in the
output. The held-back sets are judged on the share of passages kept (99% or more):
a metric over the whole page hides a dropped paragraph in a long article."""

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
    passages: int = 0
    passages_kept: int = 0

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
    passages, kept = 0, 0
    for line in truth.splitlines():
        if len(tokens := TOKEN.findall(line)) >= PASSAGE_MIN_TOKENS:
            passage = shingles(tokens)
            passages += 1
            found = sum((passage & predicted).values())
            kept += found >= PASSAGE_KEPT_SHARE * sum(passage.values())
    return PageScore(page_id, precision, recall, not pred_tokens, pred_tokens == truth_tokens,
                     passages, kept)


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
    passages_kept: float = 0.0


def summarise(name: str, scores: list[PageScore], seconds: float) -> Summary:
    answered = [s for s in scores if not s.empty]
    passages = sum(s.passages for s in scores)
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
        passages_kept=sum(s.passages_kept for s in scores) / passages if passages else 1.0,
    )


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        # Every extractor gets the same text: the pages' bytes decoded as the crawler does.
        pages.append(Page(page_id, entry["url"], decode_html(raw), entry["articleBody"]))
    return pages


_CLASS_OR_ID = re.compile(r"""\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)""", re.I)
_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")


def strip_class_and_id(html: str) -> str:
    """The page with every ``class`` and ``id`` attribute removed from its tags."""
    return _START_TAG.sub(lambda tag: _CLASS_OR_ID.sub("", tag.group()), html)


def half_of(page_id: str) -> str:
    """The tuning half holds the even ids, the checking half the odd ones. Every id
    ends in a digit (decimal ids, "R123", hex digests): its parity is the id's."""
    return "tune" if int(page_id[-1], 16) % 2 == 0 else "check"


RANDOM_HALVES = 200


def random_halves_gap(scores: list[PageScore], quantile: float = 0.95) -> float:
    """How far apart two halves of the set fall by chance: this quantile of the F1 gap
    between the halves of ``RANDOM_HALVES`` seeded random splits. A tuning/checking gap
    within it says nothing of over-fitting; one far beyond it does."""
    gaps = []
    for seed in range(RANDOM_HALVES):
        picked = set(random.Random(seed).sample(range(len(scores)), len(scores) // 2))
        one = [s for i, s in enumerate(scores) if i in picked]
        other = [s for i, s in enumerate(scores) if i not in picked]
        gaps.append(abs(summarise("", one, 0).f1 - summarise("", other, 0).f1))
    return sorted(gaps)[min(len(gaps) - 1, int(quantile * len(gaps)))]


def run(extractors: dict[str, Extractor], pages: list[Page]
        ) -> dict[str, tuple[list[PageScore], float]]:
    """Score every extractor; only the extraction calls are timed.

    Extractors take turns page by page, so a machine that gets busier or quieter
    during the run slows them alike and the speed ratios stay fair. Each makes one
    untimed call first, so imports and compiled patterns are not charged to a page
    (``warm_up`` before the first run does more).

    This cleaner's full record runs first on each page, and pays, as in a crawl, for
    what a new page's texts need once (phrase patterns, class names ranked). Its text
    alone runs after it and finds that done: about 0.87 of the time it takes when it
    runs first. ``--only text,trafilatura`` runs it alone, for its own figure.
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


def ours_text_only(html: str, url: str) -> str:
    """The same text without the record's dates, authors and language, as trafilatura's
    default ``extract`` returns its text alone."""
    from cleaners import clean

    return clean(html, url, with_metadata=False).text


# Comments are not article text: the README's reference figures for trafilatura
# (0.960 default, 0.964 favor_precision) are reproduced with include_comments=False.
def trafilatura_default(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def trafilatura_metadata(html: str, url: str) -> str:
    """trafilatura's text with its metadata (title, author, date...), which it prints as
    YAML front matter above the text: scored without it."""
    import trafilatura

    text = trafilatura.extract(html, url=url, include_comments=False, with_metadata=True) or ""
    return _FRONT_MATTER.sub("", text, count=1)


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
    "newscrawl text only": ours_text_only,
    "trafilatura default": trafilatura_default,
    "trafilatura with metadata": trafilatura_metadata,
    "trafilatura favor_precision": trafilatura_precision,
    "readability-lxml": readability,
}


SHORT_NAMES = {"ours": "newscrawl", "text": "newscrawl text only",
               "trafilatura": "trafilatura default", "metadata": "trafilatura with metadata",
               "precision": "trafilatura favor_precision", "readability": "readability-lxml"}

SPEED_PAIRS = (
    ("newscrawl", "trafilatura default"),
    ("newscrawl text only", "trafilatura default"),
    ("newscrawl", "trafilatura with metadata"),
)
"""Speeds compared: the record a crawl stores against trafilatura's default text; then
like for like, text alone against text alone, and text and metadata against both."""


def print_speeds(summaries: dict[str, Summary]) -> None:
    for ours_name, theirs in SPEED_PAIRS:
        if ours_name in summaries and theirs in summaries:
            ratio = summaries[ours_name].pages_per_s / summaries[theirs].pages_per_s
            print(f"{ours_name + ' speed:':<26} {ratio:.1f}x {theirs}")


def print_table(summaries: list[Summary]) -> None:
    print(f"{'extractor':<28} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} "
          f"{'empty':>5} {'pageF1':>6} {'pages/s':>8} {'passages':>8}")
    for s in summaries:
        print(f"{s.name:<28} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f} "
              f"{s.empty:5d} {s.mean_page_f1:6.3f} {s.pages_per_s:8.1f} {s.passages_kept:8.3f}")


def mean_summary(name: str, summaries: list[Summary]) -> Summary:
    """Each run counts once, whatever its number of pages: a mean over sets."""
    count = len(summaries)
    return Summary(
        name=name,
        f1=sum(s.f1 for s in summaries) / count,
        precision=sum(s.precision for s in summaries) / count,
        recall=sum(s.recall for s in summaries) / count,
        accuracy=sum(s.accuracy for s in summaries) / count,
        empty=sum(s.empty for s in summaries),
        mean_page_f1=sum(s.mean_page_f1 for s in summaries) / count,
        pages_per_s=sum(s.pages_per_s for s in summaries) / count,
        passages_kept=sum(s.passages_kept for s in summaries) / count,
    )


def warm_up(extractors: dict[str, Extractor], bench: Path) -> None:
    """Run every extractor, untimed, over pages no run scores for text (the pages of
    ``seedlike/`` and every ``WARM_UP_DATES_STEP``th page of ``dates/``, which is scored
    for its dates only), and read trafilatura's jusText stoplists, before any run is
    timed.

    A crawl cleans thousands of pages in one process: what a process pays once
    (imports, jusText's stoplists, two seconds; a phrase pattern compiled when a text
    first picks it, a class name ranked when first met) belongs to no page, yet it
    would all land on whichever set runs first, and on whichever extractor meets a
    page first. After the twenty seedlike pages alone, scrapinghub (the first set) paid
    for 88 compiled phrase patterns, more than any later set; after these 207 pages it
    pays for 43, as the later sets pay for 17 to 51. No scored page is among them,
    though some come from the same sites (11 scrapinghub pages share a site with a
    warm-up page), as a crawl's pages do."""
    from trafilatura.external import jt_stoplist_init

    jt_stoplist_init()
    pages = [page.read_bytes() for page in sorted((bench / WARM_UP_SET).glob("*.html"))]
    pages += [gzip.decompress(page.read_bytes()) for page in
              sorted((bench / "dates" / "html").glob("*.html.gz"))[::WARM_UP_DATES_STEP]]
    for page in pages:
        html = decode_html(page)
        for extract in extractors.values():
            extract(html, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=BENCH, help="folder of the scored sets")
    parser.add_argument("--set", action="append", choices=SCORED_SETS, dest="sets",
                        help="score only this set (repeatable; default: every set)")
    parser.add_argument("--variant", choices=VARIANTS,
                        help="only the pages as saved, or only with class/id stripped")
    parser.add_argument("--half", choices=("tune", "check"),
                        help="only the even (tune) or odd (check) page ids")
    parser.add_argument("--only", type=lambda v: v.split(","),
                        help="run only these, comma-separated: ours, text (ours without "
                             "metadata), trafilatura (default), metadata (trafilatura with "
                             "metadata), precision (favor_precision), readability; ours "
                             "runs unless text is named")
    parser.add_argument("--worst", type=int, default=0, help="list our N worst pages per run")
    args = parser.parse_args(argv)
    # this cleaner runs in one form at least: the halves are read from its scores
    only = args.only if args.only is None or {"ours", "text"} & set(args.only) \
        else [*args.only, "ours"]
    names = [name for short, name in SHORT_NAMES.items() if only is None or short in only]
    ours_name = next(name for name in names if name.startswith("newscrawl"))
    runs: list[tuple[str, dict[str, Summary], dict[str, list[PageScore]]]] = []
    warm_up({name: EXTRACTORS[name] for name in names}, args.bench)
    for set_name in args.sets or SCORED_SETS:
        data = args.bench / set_name
        if not (data / "ground-truth.json").is_file():
            print(f"extraction: no ground-truth.json in {data}", file=sys.stderr)
            return 2
        pages = [p for p in load_pages(data) if args.half in (None, half_of(p.page_id))]
        for variant in [args.variant] if args.variant else VARIANTS:
            if variant == "stripped":
                pages_run = [Page(p.page_id, p.url, strip_class_and_id(p.html), p.truth)
                             for p in pages]
            else:
                pages_run = pages
            label = f"{set_name}, {variant}"
            results = run({name: EXTRACTORS[name] for name in names}, pages_run)
            summaries = {name: summarise(name, *results[name]) for name in names}
            print(f"\n== {label}: {len(pages_run)} pages")
            print_table(list(summaries.values()))
            print_speeds(summaries)
            our_scores = results[ours_name][0]
            for s in sorted(our_scores, key=lambda s: s.f1)[: args.worst]:
                print(f"  {s.page_id[:12]:<12}  f1={s.f1:.3f} p={s.precision:.3f} "
                      f"r={s.recall:.3f}{'  EMPTY' if s.empty else ''}")
            runs.append((label, summaries, {name: results[name][0] for name in names}))
    if len(runs) > 1:
        print(f"\n== mean of {len(runs)} runs (each run counts once)")
        print_table([mean_summary(name, [r[1][name] for r in runs]) for name in names])
    if args.half is None:
        print_halves(runs, ours_name)
    return 0


def halves_gap(scores: list[PageScore]) -> tuple[Summary, Summary]:
    """The summaries of the tuning half and the checking half of one run's scores."""
    return (summarise("tune", [s for s in scores if half_of(s.page_id) == "tune"], 0),
            summarise("check", [s for s in scores if half_of(s.page_id) == "check"], 0))


def print_halves(runs: list[tuple[str, dict[str, Summary], dict[str, list[PageScore]]]],
                 ours_name: str) -> None:
    """This cleaner's tuning and checking halves, beside the gap random halves show by
    chance and the gap of trafilatura, which was never tuned on either half: how much
    harder one half is than the other for any extractor."""
    print("\n== newscrawl, tuning half (even ids) vs checking half (odd ids)")
    print(f"{'run':<24} {'tune F1':>8} {'check F1':>8} {'gap':>6} {'empty t/c':>9} "
          f"{'random |gap| 95%':>16} {'trafilatura gap':>15}")
    for label, _, scores in runs:
        tune, check = halves_gap(scores[ours_name])
        reference = ""
        if "trafilatura default" in scores:
            theirs = halves_gap(scores["trafilatura default"])
            reference = f"{theirs[0].f1 - theirs[1].f1:+15.3f}"
        print(f"{label:<24} {tune.f1:8.3f} {check.f1:8.3f} {tune.f1 - check.f1:+6.3f} "
              f"{tune.empty:>4}/{check.empty:<4} {random_halves_gap(scores[ours_name]):16.3f} "
              f"{reference}")


if __name__ == "__main__":
    sys.exit(main())
