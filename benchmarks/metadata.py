"""Metadata coverage and speed: cleaners.metadata against trafilatura, on the bench pages.

    python benchmarks/metadata.py [--pages DIR_OR_GLOB ...] [--show FIELD]

There is no metadata ground truth, so this counts how many pages get each field from
each extractor and how often the two agree (titles equal, same publication day), and
times both (parse + metadata, one process, same pages). ``--show published`` prints
the pages where the two disagree on that field, for reading by eye.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from cleaners.decode import decode_html
from cleaners.metadata import Metadata, extract_metadata

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
FIELDS = ("title", "published", "published+time", "authors", "language", "site_name",
          "description", "tags", "image_url", "canonical_url")


def load_pages() -> list[tuple[str, str, str | None]]:
    """(name, html, url) for the scrapinghub set (with URLs) and the seed-like pages."""
    truth = json.loads((BENCH / "scrapinghub" / "ground-truth.json").read_text())
    pages = []
    for path in sorted((BENCH / "scrapinghub" / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        pages.append((page_id, decode_html(gzip.decompress(path.read_bytes())),
                      truth[page_id]["url"]))
    for path in sorted((BENCH / "seedlike" / "pages").glob("*.html")):
        pages.append((path.name, decode_html(path.read_bytes()), None))
    return pages


def ours(html: str, url: str | None) -> dict[str, object]:
    meta: Metadata = extract_metadata(LexborHTMLParser(html), url)
    return {
        "title": meta.title, "published": meta.published, "authors": meta.authors,
        "language": meta.language, "site_name": meta.site_name,
        "description": meta.description, "tags": meta.tags, "image_url": meta.image_url,
        "canonical_url": meta.canonical_url, "published_from": meta.published_from,
    }


def theirs(html: str, url: str | None) -> dict[str, object]:
    doc = trafilatura.extract_metadata(html, default_url=url)
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {
        "title": doc.title, "published": doc.date, "authors": authors,
        "language": doc.language, "site_name": doc.sitename, "description": doc.description,
        "tags": list(doc.tags or []), "image_url": doc.image, "canonical_url": doc.url,
    }


def has(record: dict[str, object], name: str) -> bool:
    if name == "published+time":
        return "T" in str(record.get("published") or "")
    return bool(record.get(name))


def run(pages: list[tuple[str, str, str | None]], extractor) -> tuple[list[dict], float]:
    started = time.perf_counter()
    results = [extractor(html, url) for _, html, url in pages]
    return results, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print disagreements on this field")
    args = parser.parse_args()
    pages = load_pages()
    sets = {"scrapinghub": [i for i, p in enumerate(pages) if p[2] is not None],
            "seedlike": [i for i, p in enumerate(pages) if p[2] is None]}
    mine, my_seconds = run(pages, ours)
    other, their_seconds = run(pages, theirs)
    for set_name, indexes in sets.items():
        print(f"\n{set_name}: {len(indexes)} pages")
        print(f"{'field':16}{'ours':>8}{'trafilatura':>13}")
        for name in FIELDS:
            a = sum(has(mine[i], name) for i in indexes)
            b = sum(has(other[i], name) for i in indexes)
            print(f"{name:16}{a:>8}{b:>13}")
        both = [i for i in indexes if mine[i]["published"] and other[i]["published"]]
        same_day = sum(str(mine[i]["published"])[:10] == str(other[i]["published"])[:10]
                       for i in both)
        same_title = sum(mine[i]["title"] == other[i]["title"] for i in indexes)
        print(f"same publication day where both have one: {same_day}/{len(both)}")
        print(f"identical titles: {same_title}/{len(indexes)}")
        sources: dict[str, int] = {}
        for i in indexes:
            source = str(mine[i]["published_from"])
            sources[source] = sources.get(source, 0) + 1
        print("published_from:", ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    print(f"\nms/page (parse + metadata): ours {1000 * my_seconds / len(pages):.2f}, "
          f"trafilatura {1000 * their_seconds / len(pages):.2f} "
          f"({their_seconds / my_seconds:.1f}x)")
    if args.show:
        for i, (name, _, url) in enumerate(pages):
            a, b = mine[i].get(args.show), other[i].get(args.show)
            if (str(a)[:10] != str(b)[:10]) if args.show == "published" else (a != b):
                print(f"{name[:20]:20} {url or ''}\n    ours: {a!r}\n    traf: {b!r}")


if __name__ == "__main__":
    main()
