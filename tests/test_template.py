"""Site profiles: a site's template learnt from its own pages and cut from the next one."""

from __future__ import annotations

from collections import Counter

from cleaners import clean
from cleaners.assemble import Block
from cleaners.template import KIND, MAX_REMOVED_SHARE, MIN_PAGES, SiteProfile, fingerprint

PROMO = "Get our morning briefing in your inbox every weekday, free for our readers."
FOOTER = "Harbour Gazette is an independent paper owned by its readers since 1921."
SIGN_OFF = "Reporting by the Gazette newsroom team, edited by the night desk staff."
NOTE = "Editor's note: this story is part of our series on the coast."
DATELINE = "PORTSMOUTH (HG) —"

TOPICS = ["ferries", "pontoons", "tides", "lighthouses", "trawlers", "gulls", "quays",
          "buoys", "cranes", "nets", "dunes", "jetties"]


def page(n: int, *, note: bool = False, title_heading: str | None = None) -> str:
    """A page of the Harbour Gazette: one template, an article of its own."""
    topic = TOPICS[n % len(TOPICS)]
    paragraphs = [
        f"{DATELINE} The council spent the morning of day {n} arguing about {topic}, "
        f"and the harbour master told them the {topic} had never been in worse shape.",
        f"Story {n} goes on: residents who depend on the {topic} wrote forty letters, "
        f"and the mayor promised an answer on the {topic} before the spring tides.",
        f"Nobody at the meeting about {topic} could say who would pay for the repairs "
        f"this time, story {n} reports, so the vote on the {topic} was put off.",
    ]
    if note:
        paragraphs.insert(2, NOTE)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    heading = title_heading or f"Council argues about {topic} on day {n}"
    return f"""<!doctype html><html><head><title>{heading}</title></head><body>
<div class="wrap"><div class="story"><h1>{heading}</h1>
<p>{PROMO}</p>
{body}
<p>{SIGN_OFF}</p>
<p>{FOOTER}</p></div></div></body></html>"""


def learn(pages: list[str]) -> SiteProfile:
    counts: Counter[str] = Counter()
    for html in pages:
        counts.update(set(clean(html, "https://gazette.example/x", fingerprints=True).fingerprints))
    return SiteProfile("gazette.example", len(pages), dict(counts))


def template_removals(article_removed: list) -> list[str]:
    return [b.excerpt for b in article_removed if b.kind == KIND]


def test_blocks_on_most_pages_are_cut_and_say_how_often() -> None:
    profile = learn([page(n) for n in range(10)])
    before = clean(page(40), "https://gazette.example/40")
    # The rules alone leak them; the sign-off closes every article of the site.
    assert PROMO in before.text and FOOTER in before.text and SIGN_OFF in before.text
    after = clean(page(40), "https://gazette.example/40", profile=profile)
    assert PROMO not in after.text and FOOTER not in after.text and SIGN_OFF not in after.text
    rules = {b.rule for b in after.removed if b.kind == KIND}
    assert rules == {"on 10 of 10 pages"}
    # The article's own paragraphs stay, the one opening with the site's dateline too.
    assert after.text.startswith(f"{DATELINE} The council spent the morning of day 40")
    assert "Story 40 goes on" in after.text and "story 40 reports" in after.text


def test_a_repeated_line_between_the_articles_paragraphs_stays() -> None:
    profile = learn([page(n, note=True) for n in range(10)])
    after = clean(page(40, note=True), "https://gazette.example/40", profile=profile)
    assert NOTE in after.text
    assert PROMO not in after.text


def test_the_title_is_never_cut_however_often_it_repeats() -> None:
    same = "Harbour Gazette live coverage"
    profile = learn([page(n, title_heading=same) for n in range(10)])
    after = clean(page(40, title_heading=same), "https://gazette.example/40", profile=profile)
    assert not any(same in excerpt for excerpt in template_removals(after.removed))


def test_too_few_pages_is_no_profile() -> None:
    pages = [page(n) for n in range(MIN_PAGES - 1)]
    after = clean(page(40), "https://gazette.example/40", profile=learn(pages))
    assert template_removals(after.removed) == []
    assert PROMO in after.text


def test_a_block_on_half_the_pages_or_fewer_is_not_the_sites() -> None:
    counts = learn([page(n) for n in range(10)]).counts
    halved = SiteProfile("gazette.example", 20, counts)  # 10 of 20 pages: not most
    after = clean(page(40), "https://gazette.example/40", profile=halved)
    assert template_removals(after.removed) == []


def test_a_profile_never_removes_more_than_its_share_of_the_page() -> None:
    # Learnt from copies of one page: every block of it is "on every page".
    copies = [page(7)] * 10
    without = clean(page(7), "https://gazette.example/7")
    after = clean(page(7), "https://gazette.example/7", profile=learn(copies))
    cut = sum(len(b) for b in template_removals(after.removed))
    assert cut > 0
    assert len(after.text) >= (1 - MAX_REMOVED_SHARE) * len(without.text) - 2


def test_fingerprints_ignore_numbers_and_case_but_not_position() -> None:
    assert fingerprint(Block("p", "12 comments so far, join in")) == \
        fingerprint(Block("p", "35 Comments so far, join in"))
    assert fingerprint(Block("heading", "Our picks", level=2)) != \
        fingerprint(Block("heading", "Our picks", level=3))
    assert fingerprint(Block("p", "Our picks")) != fingerprint(Block("item", "Our picks"))


def test_fingerprints_stay_out_of_the_printed_article() -> None:
    article = clean(page(1), fingerprints=True)
    assert article.fingerprints
    assert "fingerprints" not in article.to_dict()


def test_fingerprints_only_when_asked_for_and_never_change_the_article() -> None:
    asked = clean(page(1), "https://gazette.example/1", fingerprints=True)
    plain = clean(page(1), "https://gazette.example/1")
    assert asked.fingerprints and not plain.fingerprints
    assert asked.to_dict() == plain.to_dict()
    profile = learn([page(n) for n in range(10)])
    with_profile = clean(page(40), "https://gazette.example/40", profile=profile)
    assert not with_profile.fingerprints
    assert with_profile.to_dict() == clean(page(40), "https://gazette.example/40",
                                           profile=profile, fingerprints=True).to_dict()


COMMENTS = [
    "I have lived by this harbour for forty years, and I can tell you, the council has "
    "never once listened to the people who actually work on the water, not once.",
    "Every winter the same promises, every spring the same excuses, and meanwhile the "
    "boats keep getting older, the insurance keeps going up, and nobody is accountable.",
    "My grandfather fished these waters, my father fished them, and I would like my "
    "daughter to have the chance, but at this rate there will be nothing left to fish.",
    "Whoever wrote this, thank you, it is rare to read something that takes the harbour "
    "seriously, with the figures, the dates, and the names of those who voted.",
    "The marina project was supposed to bring money in, and instead, as far as I can "
    "see, it has brought traffic, noise, parking fines, and empty shops on the quay.",
    "Write to your councillor, all of you, because letters, calls and visits are the "
    "only thing that works, and they count them, believe me, they count them.",
]


def commented_page(n: int, paragraphs: int) -> str:
    """A Gazette page under a reader thread that the site shows on every page."""
    topic = TOPICS[n % len(TOPICS)]
    story = "".join(
        f"<p>Part {i} of story {n}: the council argued about the {topic} again, "
        f"and the harbour master said the {topic} needed work before the tides.</p>"
        for i in range(paragraphs))
    thread = "".join(f'<div class="c_text"><p>{c}</p></div>' for c in COMMENTS)
    return f"""<!doctype html><html><head><title>Council and the {topic}, day {n}</title>
</head><body><div class="wrap"><div class="main"><div class="story">
<h1>Council and the {topic}, day {n}</h1>{story}</div></div>
<aside><div class="thread"><h3>Readers' views</h3>{thread}</div></aside></div></body></html>"""


def test_a_thread_the_cleaner_never_kept_is_known_to_the_profile() -> None:
    # The cleaner keeps the story and never the thread (in an <aside>: it never leads)...
    learnt = [commented_page(n, paragraphs=12) for n in range(10)]
    assert not any(COMMENTS[0] in clean(html).text for html in learnt)
    # ...yet the profile counts the thread's paragraphs on every page, kept or not, and
    # cuts them before the container is chosen: on a short story, before they can vote.
    profile = learn(learnt)
    short = commented_page(40, paragraphs=4)
    after = clean(short, "https://gazette.example/40", profile=profile)
    assert "Part 0 of story 40" in after.text and "Part 1 of story 40" in after.text
    assert not any(comment in after.text for comment in COMMENTS)
    assert {b.rule for b in after.removed if b.kind == KIND} == {"on 10 of 10 pages"}


def test_a_template_list_item_is_removed_once_with_what_it_holds() -> None:
    # Items of two paragraphs each: the item is a block of the page and so is each
    # paragraph; the item goes, and its paragraphs with it, recorded once.
    items = [(COMMENTS[0], COMMENTS[1]), (COMMENTS[2], COMMENTS[3])]
    markup = "".join(f"<li><p>{first}</p><p>{second}</p></li>" for first, second in items)
    pages = [page(n).replace('<div class="wrap">', f'<div class="wrap"><ul>{markup}</ul>')
             for n in range(10)]
    after = clean(pages[3], "https://gazette.example/3", profile=learn(pages))
    removed = template_removals(after.removed)
    for first, second in items:
        assert first not in after.text and second not in after.text
        assert sum(excerpt.startswith(first[:60]) for excerpt in removed) == 1
        assert not any(excerpt.startswith(second[:60]) for excerpt in removed)
    assert "Story 3 goes on" in after.text
