"""Golden tests on real republishing and WordPress-style pages, and on synthetic ones.

The real pages live in ``../shared/bench/seedlike`` (beside the clone). For each,
the expectations below were written by reading the page: the article's first and
last paragraphs, texts of its widgets that must be gone, and the original
publisher a source footer names. The synthetic pages rebuild the markup of the
common plugins (Jetpack, YARPP, Contextual Related Posts, WordPress comments,
sharedaddy), each with its classes and with every class and id stripped, with the
widgets both beside and inside the content container.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.extraction import strip_class_and_id
from cleaners import clean
from cleaners.decode import decode_html

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "bench" / "seedlike" / "pages"
SEED_TEXT = SHARED / "seed" / "example-page-text.txt"

needs_shared = pytest.mark.skipif(
    not PAGES.is_dir(), reason=f"shared benchmark pages not found at {PAGES}"
)

# What a clean record must never contain, whatever the page (from ../shared/seed).
WIDGET_TEXTS = (
    "Related Posts", "Leave a Reply", "Your email address will not be published",
    "Required fields are marked", "Source link",
)


@dataclass(frozen=True)
class Golden:
    file: str
    first: str  # the article's first paragraph starts so
    last: str  # and its last paragraph
    gone: tuple[str, ...] = ()  # widget texts of this page
    source: str | None = None  # the source_url a footer names starts so


GOLDEN = (
    Golden("mercury__sciencefly.com.html",
           "HONOLULU, Dec. 23 (UPI) — Researchers trying to cut down",
           "Previously, Thode wrote, scientists were unsure",
           ("As video shows, mob mentality a boon to hungry hyenas", "Share This"),
           "http://www.upi.com/Science_News/2016/12/23/Video-shows-false-killer-whale"),
    Golden("mercury__westernjournalism.com.html",
           "A rookie Italian police officer shot Europe’s most wanted terrorist",
           "“What happened last night in Sesto San Giovanni",
           ("Related Stories", "Berlin Terror Suspect Had Been On U.S. No-Fly List",
            "Let us know what you think", "Via:", "Share on Facebook"),
           "http://www.foxnews.com/world/2016/12/23/islamist-terror-suspect"),
    Golden("newspaper__nypost.com2.html",
           "A surfer survived being attacked and dragged underwater",
           "A woman swimming with seals was killed by a shark in 2003",
           ("originally appeared", "Recommended For You", "Most Popular This Week"),
           "http://www.foxnews.com/us/2014/12/29/surfer-survives"),
    Golden("metascraper__entrepreneur.com-reuters-robots.html",
           "Some of the richest, smartest and most powerful humans",
           "(Reporting by Olivia Oran in Los Angeles",
           ("originally appeared on Reuters", "Latest News and Headlines",
            "HP Inc's revenue misses Wall Street", "5 Things Jeff Bezos Does"),
           "http://www.reuters.com/article/us-employment-milken-robots"),
    Golden("htmldate__tucson.com-ap-syndicated_1725250200.html",
           "LAWRENCEVILLE, Ga. (AP) — U.S. Marshals in Georgia have arrested",
           "Williams was being held in Georgia pending extradition",
           ("Related to this story", "Most Popular", "Get local news delivered")),
    Golden("readabilipy__davidwolfe.com-1_full_page.html",
           "What do nearly all mass shooters have in common",
           "A vast majority if not all of the recent mass shooters",
           ("You Might Also Like", "Obsessive Compulsive Disorder (OCD) Treatment",
            "Sources: Sun Sentinel", "Cookie Settings"),
           "http://www.sun-sentinel.com/local/broward/parkland/"),
    Golden("newspaper__uproxx.com2.html",
           "The people at the UK’s Almost Legal Productions want to turn",
           "*No relation, but if I had a British cousin",
           ("Join The Discussion", "Via Facebook", "Share This"),
           "https://www.facebook.com/almostlegalproductions/"),
    # the theme's sub-title under the headline is the story's lead
    Golden("htmldate__surgezirc.co.uk-Storm.html",
           "Furthermore, the disruption caused by Storm Ciarán",
           "By following these safety measures and heeding the warnings",
           ("RELATED ARTICLES", "MORE FROM AUTHOR", "Partner Arrested In UK")),
    Golden("htmldate__KentNews.online-prison.html",
           "Long prison sentences have been handed down to two drug suppliers",
           "Detective Sergeant Jon Saxby of the Kent and Essex",
           ("RELATED ARTICLES", "Councillors Vote To Save Four Kent Waste Disposal Sites",
            "LEAVE A COMMENT", "Please enter your comment")),
    Golden("htmldate__consettmagazine.com-Highway.html",
           "When I learned to drive I bought my very first car",
           "So for now, and most likely for the foreseeable future",
           ("RELATED ARTICLES", "A guide to getting yourself out of debt", "LEAVE A REPLY",
            "straight to your inbox")),
    Golden("htmldate__kesq.com-coachella_1606865668.html",
           "The city of Coachella passed an emergency ordinance Wednesday",
           "“We’re asking people to stay in your space",
           ("Related Articles", "California church sues Zoom", "must be logged in")),
    Golden("htmldate__breakingsoup.com-southpark_1732261760.html",
           "With laws and regulations regarding COVID-19 still in place",
           "— South Park (@SouthPark) September 27, 2020",
           ("COMIC BOOK MARKET COLLAPSES", "Read the entire article here"),
           "https://comicbook.com/tv-shows/news/south-park-denver-broncos"),
    Golden("htmldate__zitrod.com-ceos_1627298010.html",
           "Topline: In a time of national unrest, outrage and chaos",
           "As protests against racial inequity occur in every state",
           ("Further Reading", "Post Your Comment", "Submit a Guest Post",
            "Lawmakers Push Legislation In Response To George Floyd Protests")),
    Golden("fundus__GlobalNews_2026_05_24.html",
           "Russia used the powerful hypersonic Oreshnik ballistic missile",
           "—Associated Press writer John Leicester in Paris contributed",
           ("Sign up for daily National newsletter", "Leave a comment",
            "Canada and allies condemn Israeli settlement expansion",
            "delivered to your inbox", "By providing your email address")),
    Golden("fundus__TheNation_2023_05_15.html",
           "In the early morning of April 12, members of International Brotherhood",
           "“Maybe when I have some time, we can stir up some trouble"),
    Golden("readabilityphp__fortressofsolitude.html",
           "Ryan Reynolds never stops surprising fans with his Deadpool",
           "Deadpool 2 opens in theatres on May 18.",
           ("You may also like", "Robin Hood Gets Another Gritty Reboot", "Leave a Comment",
            "Connect with us on Facebook")),
    Golden("mercury__thepoliticalinsider.com.html",
           "I don’t want 2016 to end.",
           "Sadly, 2016 will come to an end shortly.",
           ("Join the Discussion", "Marilyn says", "share this post with them")),
    Golden("newspaper__pewresearch.org1.html",
           "Unauthorized immigrants from Mexico account for two-thirds",
           "Correction: This posting has been updated with a revised total",
           ("Leave a Comment", "Get Pew Research data by email")),
    Golden("htmldate__hatawtabloid.com_1523761669.html",
           "TALAGANG sunod-sunuran lamang si female star",
           "(Ed de Leon)",
           ("Related Articles", "LT, magbababu na sa Ang Probinsyano", "Posted by:")),
    Golden("fundus__DailyMaverick_2025_05_22.html",
           "Appearing before the World Court, the South African delegation",
           "“In terms of practical impact, I think that if we receive",
           ("kanu sukha says", "We use cookies on our website", "Manage consent")),
)


@needs_shared
def test_every_seedlike_page_has_a_golden_entry() -> None:
    assert {g.file for g in GOLDEN} == {p.name for p in PAGES.glob("*.html")}


@needs_shared
@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "stripped"])
@pytest.mark.parametrize("golden", GOLDEN, ids=lambda g: g.file.split(".html")[0])
def test_seedlike_page(golden: Golden, stripped: bool) -> None:
    """The same expectations hold with every class and id removed: the widgets'
    wording, shape and links must give them away where their names do not."""
    page = (PAGES / golden.file).read_bytes()
    article = clean(strip_class_and_id(decode_html(page)) if stripped else page)
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith(golden.first), paragraphs[0][:120]
    assert paragraphs[-1].startswith(golden.last), paragraphs[-1][:120]
    for widget in WIDGET_TEXTS + golden.gone:
        assert widget.casefold() not in article.text.casefold(), widget
    if golden.source is None:
        assert article.source_url is None
    else:
        assert (article.source_url or "").startswith(golden.source)
    long_ones = [p for p in paragraphs if len(p) >= 80]
    assert len(long_ones) == len(set(long_ones)), "a paragraph is repeated"


@needs_shared
@pytest.mark.parametrize("golden", GOLDEN, ids=lambda g: g.file.split(".html")[0])
def test_without_metadata_the_text_is_the_same(golden: Golden) -> None:
    """``with_metadata=False`` skips the record's fields, never a word of the text: the
    cleaner reads the headline and the authors either way, and nothing else of the
    metadata."""
    page = (PAGES / golden.file).read_bytes()
    whole, bare = clean(page), clean(page, with_metadata=False)
    assert (bare.text, bare.markdown, bare.title, bare.authors, bare.source_url,
            bare.removed) == (whole.text, whole.markdown, whole.title, whole.authors,
                              whole.source_url, whole.removed)
    assert whole.published and whole.language  # each page has both: they were skipped
    assert (bare.published, bare.language, bare.tags) == (None, None, [])


@needs_shared
def test_seed_example_text_shows_the_boilerplate_we_remove() -> None:
    """The seed record's tail is exactly the kind of text the golden tests forbid."""
    seed = SEED_TEXT.read_text(encoding="utf-8")
    for widget in WIDGET_TEXTS:
        assert widget in seed


# --------------------------------------------------------------------------------------
# Synthetic WordPress pages: plugin markup, classed and class-stripped.

ARTICLE = [
    "Ukrainian President Zelensky says Kyiv is ready to hand over captured soldiers in "
    "exchange for prisoners of war held in Russia, officials said on Sunday.",
    "South Korea made the offer hours after its intelligence service confirmed the capture "
    "of two soldiers in the Kursk region, according to a statement.",
    "Writing on social media, the president said the exchange could be organised quickly, "
    "and that more captures were only a matter of time.",
    "Neither side responded to the intelligence accounts by the time of publication, and "
    "the claims could not be independently verified.",
]
SOURCE = "https://www.example-wire.com/news/2025/1/12/soldiers-captured"
TEASERS = [
    "FBI Director Christopher Wray reveals reasons for resignation",
    "Weekend news roundup from the national desk",
    "Wildfires hit historic neighbourhoods overnight",
]


def _teasers(item: str, title: str, excerpt: str) -> str:
    return "".join(item.format(href=f"/story-{i}", title=t, excerpt=excerpt)
                   for i, t in enumerate(TEASERS))


WIDGETS = {
    "jetpack-related": (
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
        "<em>Related</em></h3><div class=\"jp-relatedposts-items jp-relatedposts-items-visual\">"
        + _teasers('<div class="jp-relatedposts-post"><a class="jp-relatedposts-post-a" '
                   'href="{href}">{title}</a><p class="jp-relatedposts-post-excerpt">'
                   "{excerpt}</p></div>", "", "A short excerpt of the teased story…")
        + "</div></div>"
    ),
    "yarpp": (
        '<div class="yarpp yarpp-related yarpp-template-list"><h3>Related posts:</h3><ol>'
        + _teasers('<li><a href="{href}" rel="bookmark">{title}</a></li>', "", "")
        + "</ol></div>"
    ),
    "crp": (
        '<div class="crp_related"><h3>You may also like</h3><ul>'
        + _teasers('<li><a href="{href}" class="crp_link"><span class="crp_title">{title}'
                   "</span></a><span class=\"crp_excerpt\"> {excerpt}</span></li>", "",
                   "In an interview on Sunday the director explained his decision…")
        + "</ul></div>"
    ),
    "comment-form": (
        '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-'
        'title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post" '
        'id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">'
        "Your email address will not be published.</span> Required fields are marked "
        '<span class="required">*</span></p><p class="comment-form-comment"><label for="comment">'
        'Comment</label><textarea id="comment" name="comment"></textarea></p><p><input '
        'name="submit" type="submit" value="Post Comment"></p></form></div>'
    ),
    "sharedaddy": (
        '<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block '
        'sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul>'
        '<li><a class="share-twitter" href="/share?tw">Click to share on Twitter (Opens in new '
        'window)</a></li><li><a class="share-facebook" href="/share?fb">Click to share on '
        "Facebook (Opens in new window)</a></li></ul></div></div></div>"
    ),
    "source-footer": f'<p><a href="{SOURCE}">Source link</a></p>',
}
WIDGET_MARKERS = {
    "jetpack-related": ("Related",),
    "yarpp": ("Related posts",),
    "crp": ("You may also like", "In an interview on Sunday"),
    "comment-form": ("Leave a Reply", "Your email address", "Required fields", "Comment"),
    "sharedaddy": ("Share this", "Click to share"),
    "source-footer": ("Source link",),
}


def wordpress_page(widgets: list[str], *, inside: bool, stripped: bool) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    blocks = "".join(WIDGETS[w] for w in widgets)
    content = f'<div class="entry-content">{paragraphs}{blocks if inside else ""}</div>'
    html = (
        "<!doctype html><html><head><title>Zelensky ready to hand over soldiers</title></head>"
        '<body class="single single-post"><header id="masthead" class="site-header"><nav '
        'class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/world">World'
        '</a></li></ul></nav></header><div id="primary" class="content-area"><main id="main">'
        '<article class="post type-post hentry"><h1 class="entry-title">Zelensky ready to hand '
        f"over soldiers</h1>{content}</article>{'' if inside else blocks}</main></div>"
        '<footer class="site-footer"><p>© 2025 Example News</p></footer></body></html>'
    )
    if stripped:
        html = re.sub(r'\s(?:class|id)="[^"]*"', "", html)
    return html


CASES = [
    (widgets, inside, stripped)
    for widgets in (["source-footer", "jetpack-related", "comment-form"],
                    ["source-footer", "yarpp", "sharedaddy", "comment-form"],
                    ["sharedaddy", "source-footer", "crp", "comment-form"])
    for inside in (False, True)
    for stripped in (False, True)
]


@pytest.mark.parametrize(("widgets", "inside", "stripped"), CASES,
                         ids=[f"{'+'.join(w)}-{'inside' if i else 'beside'}-"
                              f"{'stripped' if s else 'classed'}" for w, i, s in CASES])
def test_synthetic_wordpress_page(widgets: list[str], inside: bool, stripped: bool) -> None:
    article = clean(wordpress_page(widgets, inside=inside, stripped=stripped),
                    "https://republisher.example/2025/01/12/zelensky")
    assert article.text.split("\n\n") == ARTICLE
    for widget in widgets:
        for marker in WIDGET_MARKERS[widget]:
            assert marker not in article.text, (widget, marker)
    for teaser in TEASERS:
        assert teaser not in article.text
    assert article.source_url == SOURCE
    kinds = {block.kind for block in article.removed}
    assert {"source", "comments"} <= kinds
