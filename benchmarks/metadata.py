"""Metadata you can trust: publication day on the dates set, language on every set.

    python benchmarks/metadata.py [--half even|odd] [--show-misses] [--skip-language]

Dates: on ``shared/bench/dates`` (745 pages with a hand-checked publication day),
the day of this cleaner's ``published`` (parse + metadata) beside htmldate's
``find_date(original_date=True, extensive_search=True)`` and trafilatura's
``extract_metadata``, each right / wrong / none, with ms per page, in one process.
The score is also given for each half of the set by id parity: the even half is
the one the rules were tuned on, the odd half the check.

Language: every page of every shared set (scrapinghub, dragnet, dates, seedlike) is
cleaned; of the non-empty articles, how many have a language, where it came from,
and, for texts of 200 words or more, how many agree with the detector's reading
(base language) and how many keep the page's declared language.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from htmldate import find_date
from selectolax.lexbor import LexborHTMLParser

from cleaners import clean
from cleaners.decode import decode_html
from cleaners.language import detect
from cleaners.metadata import extract_metadata

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
LONG_TEXT_WORDS = 200
WORD = re.compile(r"\w+")

Page = tuple[str, str, str | None]  # (id, html, url)
DateReader = Callable[[str, str | None], str | None]


def load_set(name: str) -> list[Page]:
    if name == "seedlike":
        return [(path.name, decode_html(path.read_bytes()), None)
                for path in sorted((BENCH / "seedlike" / "pages").glob("*.html"))]
    truth = json.loads((BENCH / name / "ground-truth.json").read_text())
    return [(page_id, decode_html(gzip.decompress(
                (BENCH / name / "html" / f"{page_id}.html.gz").read_bytes())), record.get("url"))
            for page_id, record in sorted(truth.items())]


def ours(html: str, url: str | None) -> str | None:
    return extract_metadata(LexborHTMLParser(html), url, page=html).published


def htmldate(html: str, url: str | None) -> str | None:
    return find_date(html, url=url, original_date=True, extensive_search=True)


def trafilatura_date(html: str, url: str | None) -> str | None:
    return trafilatura.extract_metadata(html, default_url=url).date


READERS: dict[str, DateReader] = {
    "newscrawl": ours, "htmldate": htmldate, "trafilatura": trafilatura_date}


def score_dates(half: str | None, show_misses: bool) -> None:
    truth = json.loads((BENCH / "dates" / "ground-truth.json").read_text())
    pages = [page for page in load_set("dates")
             if half is None or (int(page[0]) % 2 == 0) == (half == "even")]
    print(f"publication day on shared/bench/dates: {len(pages)} pages"
          + (f" ({half} ids)" if half else ""))
    print(f"{'extractor':14}{'right':>7}{'wrong':>7}{'none':>6}{'share':>8}"
          f"{'even':>7}{'odd':>7}{'ms/page':>9}")
    for name, reader in READERS.items():
        started = time.perf_counter()
        found = [reader(html, url) for _, html, url in pages]
        seconds = time.perf_counter() - started
        verdicts = [_verdict(value, truth[page_id]["date"])
                    for (page_id, _, _), value in zip(pages, found, strict=True)]
        count = Counter(verdicts)
        halves = {parity: [v for (page_id, _, _), v in zip(pages, verdicts, strict=True)
                           if int(page_id) % 2 == (parity == "odd")] for parity in ("even", "odd")}
        shares = {p: (sum(v == "right" for v in vs) / len(vs) if vs else 0.0)
                  for p, vs in halves.items()}
        print(f"{name:14}{count['right']:>7}{count['wrong']:>7}{count['none']:>6}"
              f"{count['right'] / len(pages):>8.3f}{shares['even']:>7.3f}{shares['odd']:>7.3f}"
              f"{1000 * seconds / len(pages):>9.2f}")
        if show_misses and name == "newscrawl":
            for (page_id, _, url), value, verdict in zip(pages, found, verdicts, strict=True):
                if verdict != "right":
                    print(f"  {page_id} {truth[page_id]['date']} got {value} {url}")


def _verdict(value: str | None, truth: str) -> str:
    if not value:
        return "none"
    return "right" if value[:10] == truth else "wrong"


def score_language() -> None:
    print(f"\nlanguage of the cleaned articles (agreement where the text has "
          f"{LONG_TEXT_WORDS}+ words)")
    print(f"{'set':12}{'pages':>6}{'texts':>6}{'with':>6}{'markup':>7}{'both':>6}"
          f"{'detect':>7}{'long':>6}{'=detector':>10}{'=markup':>8}{'ms/page':>9}")
    for name in ("scrapinghub", "dragnet", "dates", "seedlike"):
        pages = load_set(name)
        started = time.perf_counter()
        articles = [clean(html, url) for _, html, url in pages]
        seconds = time.perf_counter() - started
        texts = [a for a in articles if a.text.strip()]
        sources = Counter(a.language_from for a in texts)
        long_texts = [a for a in texts if len(WORD.findall(a.text)) >= LONG_TEXT_WORDS]
        with_detector = sum(_base(a.language) == _base(detect(a.text)[0]) for a in long_texts)
        with_markup = sum(a.language_from in ("markup", "markup+detector") for a in long_texts)
        print(f"{name:12}{len(pages):>6}{len(texts):>6}"
              f"{sum(bool(a.language) for a in texts):>6}{sources['markup']:>7}"
              f"{sources['markup+detector']:>6}{sources['detector']:>7}{len(long_texts):>6}"
              f"{with_detector:>10}{with_markup:>8}{1000 * seconds / len(pages):>9.2f}")


def _base(tag: str | None) -> str:
    return (tag or "").split("-")[0].lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["even", "odd"], help="score one half of the dates")
    parser.add_argument("--show-misses", action="store_true", help="list our wrong and none")
    parser.add_argument("--skip-language", action="store_true")
    args = parser.parse_args()
    score_dates(args.half, args.show_misses)
    if not args.skip_language:
        score_language()


if __name__ == "__main__":
    main()
