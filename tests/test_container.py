"""Container choice keeps the whole article, and says which path chose it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from benchmarks.extraction import strip_class_and_id
from cleaners import clean
from cleaners.assemble import Block
from cleaners.content import headline, score_containers, thread_posts, weigh
from cleaners.explain import explain
from cleaners.fallback import article_like_chars, second_opinion, without_boilerplate_lines

URL = "https://blog.example/2026/11/story.html"
STORY = [
    f"Part {n} of the story tells, in plain words and at some length, what the council "
    f"decided about the harbour, who argued for it, and what it costs the town {n}."
    for n in range(1, 9)
]


def prose(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def whole_story(html: str) -> str:
    """The article's text, once every part of the story is found in it."""
    text = clean(html, URL).text
    for part in STORY:
        assert part in text
    return text


def sidebar_gadgets(count: int) -> str:
    """Blogger-style gadgets: each a titled box of prose-like blurbs and links."""
    blurb = ("A short note about the author of this blog, her travels along the coast, "
             "her garden and the books she read over the long winter months. ")
    return "".join(
        f'<div class="widget Text" id="Text{n}"><h2>About me {n}</h2>'
        f'<div class="widget-content">{blurb * 3}</div></div>'
        for n in range(count))


ABOUT = ("We are two scientists who write about the science of sport, the races we "
         "follow, and the research behind the headlines, every week of the year. ")


def post_beside_about_box(title: str, masthead: str, heading: str) -> str:
    """A two-paragraph post under ``heading`` beside a longer "About us" box, no classes."""
    return (f"<html><head><title>{title}</title></head><body><div>{masthead}"
            f"<div><div>{heading}<div>{prose(STORY[:2])}</div></div></div>"
            f"<div><div><h2>About us</h2><div>{prose([ABOUT] * 3)}</div></div></div>"
            "</div></body></html>")


def test_a_post_inside_a_generic_widget_wrapper_is_kept() -> None:
    """Blogger wraps the posts in <div class="widget Blog">: the word "widget" on the
    article's wrapper must not take the article with it."""
    html = (
        "<html><body><div class='main'>"
        "<div class='widget Blog' id='Blog1'><div class='post hentry'>"
        "<h3 class='post-title'>Harbour news</h3>"
        f"<div class='post-body entry-content'>{'<br>'.join(STORY)}</div>"
        "</div></div></div>"
        f"<div class='sidebar'>{sidebar_gadgets(8)}</div></body></html>"
    )
    article = clean(html, URL)
    for part in STORY:
        assert part in article.text
    assert "About me" not in article.text
    assert article.container is not None and article.container.startswith("scored <div")


def test_typepad_taxonomy_classes_are_not_a_byline() -> None:
    """``entry-author-jane`` describes the post it stands on, it is not an author box."""
    html = (
        "<html><body><div id='content'>"
        "<div class='entry-category-news entry-author-jane entry-type-post entry'>"
        f"<h3>Harbour news</h3><div class='entry-body'>{prose(STORY)}</div></div>"
        f"</div><div class='module'>{sidebar_gadgets(12)}</div></body></html>"
    )
    article = clean(html, URL)
    assert article.text.count("Part ") == len(STORY)
    assert all(block.rule != "byline" for block in article.removed)


def test_a_theme_s_feature_flag_on_the_article_wrapper_names_no_widget() -> None:
    """``penci-enable-lightbox`` says the post's images open in a lightbox: the wrapper
    is the article's, not a popup, however small its share of the page."""
    html = (
        "<html><body><div class='penci-enable-lightbox post-entry'>"
        f"<h1>Harbour news</h1>{prose(STORY[:2])}</div>"
        f"<div class='module'>{sidebar_gadgets(40)}</div></body></html>"
    )
    article = clean(html, URL)
    assert article.text.count("Part ") == 2
    assert all(block.kind != "popup" for block in article.removed)


def test_every_section_of_a_sectioned_article_is_kept() -> None:
    """Sections in their own wrappers, between figures, ads and a pull quote."""
    sections = [STORY[i:i + 2] for i in range(0, len(STORY), 2)]
    body = ""
    for n, part in enumerate(sections):
        body += f"<div class='story-section'><h2>Chapter {n + 1}</h2>{prose(part)}</div>"
        body += ("<figure><img src='/h.jpg'><figcaption>The harbour at dawn</figcaption></figure>"
                 "<div class='ad-slot'>Advertisement</div>")
        if n == 1:
            body += "<aside class='pullquote'>“The harbour is the town,” she said.</aside>"
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<div class='page'><div class='story'>{body}</div></div>"
        "<footer><a href='/about'>About</a></footer></body></html>"
    )
    assert "Advertisement" not in whole_story(html)


def test_sibling_paragraphs_without_an_article_element_are_all_kept() -> None:
    """Old templates write the article as paragraphs straight in a table cell or the
    body, between a menu and a footer, with no element of their own."""
    html = (
        "<html><body><table><tr><td><a href='/'>Home</a><br><a href='/news'>News</a></td>"
        f"<td><h1>Harbour news</h1>{prose(STORY[:4])}<img src='/x.jpg'>"
        f"<p><b>Update:</b></p>{prose(STORY[4:])}</td></tr></table>"
        "<p><a href='/about'>About us</a> | <a href='/contact'>Contact</a></p></body></html>"
    )
    assert "Contact" not in whole_story(html)


def test_explain_names_the_path_that_chose_the_container() -> None:
    html = f"<html><body><article class='story'>{prose(STORY)}</article></body></html>"
    article, _ = explain(html, URL)
    assert article.container == 'scored <article class="story">'


def test_a_second_opinion_when_our_container_holds_too_little() -> None:
    """The article sits in a block a comments rule removes whole (a theme that wraps the
    post with its reply form): what is left is one short note, far less than the
    page's article-like text, so trafilatura is asked and its longer article wins."""
    html = (
        "<html><body><div class='header'><a href='/'>Home</a></div>"
        f"<div id='respond'><article><h1>Harbour news</h1>{prose(STORY)}</article></div>"
        "<div class='box'><p>Today is a fine day for a walk by the sea, says the desk.</p></div>"
        "</body></html>"
    )
    article = clean(html, URL)
    assert article.container is not None and article.container.startswith("fallback: trafilatura")
    for part in STORY:
        assert part in article.text
    assert any(block.kind == "comments" for block in article.removed), "removals stay recorded"


def test_a_second_opinion_keeps_lines_parted_by_line_breaks_alone() -> None:
    """Its lines are checked word by word against the page's text, which joins text
    nodes: a story pasted as spans parted by ``<br>`` alone read "said 0Part" there,
    and each line that opens after a break was dropped as holding an unseen word (here
    our own container, inside a comments box, kept nothing)."""
    lines = [line for n, part in enumerate(STORY) for line in (f"What the town said {n}", part)]
    spans = "<br />".join(f"<span style='font-size: 15px'>{line}</span>" for line in lines)
    html = (
        "<html><body><div class='header'><a href='/'>Home</a></div>"
        f"<div id='respond'><div class='post-body'><h1>Harbour news</h1>{spans}</div></div>"
        "</body></html>"
    )
    article = clean(html, URL)
    assert article.container is not None and article.container.startswith("fallback: trafilatura")
    assert article.text.split("\n\n") == lines


def test_the_second_opinion_drops_the_headline_only_where_it_opens_the_article() -> None:
    """As our own article drops a heading that opens its body: the record holds the
    headline. The same words later in the story (a refrain, a section) stay."""
    lines = ["Harbour news", STORY[0], "Harbour news", STORY[1]]
    kept, dropped = without_boilerplate_lines([Block("p", line) for line in lines],
                                              "Harbour News")
    assert [block.text for block in kept] == lines[1:]
    assert [(block.kind, block.rule) for block in dropped] == [("title", "title-heading")]


def test_the_second_opinion_s_widget_lines_go_as_ours_do() -> None:
    """trafilatura keeps a share bar's titles as paragraphs; the titles our phrase rules
    name go from its article too, on the record. A line of the story that merely says a
    phrase ("“More!”", a quoted cry) stays."""
    html = (
        "<html><body><div class='header'><a href='/'>Home</a></div>"
        f"<div id='respond'><article><h1>Harbour news</h1>{prose(STORY)}<p>“More!”</p>"
        "<p>Teilen Sie dies mit:</p><p>Gefällt mir:</p></article></div>"
        "<div class='box'><p>Today is a fine day for a walk by the sea, says the desk.</p></div>"
        "</body></html>"
    )
    article = clean(html, URL)
    assert article.container is not None and article.container.startswith("fallback: trafilatura")
    assert article.text.split("\n\n") == [*STORY, "“More!”"]
    assert {(block.kind, block.rule) for block in article.removed} >= {("share", "share-title")}


def test_no_second_opinion_when_our_article_is_whole() -> None:
    html = (f"<html><body><article class='story'>{prose(STORY)}</article>"
            "<div id='respond'><p>Leave a comment about the harbour, the council and the town.</p>"
            "</div></body></html>")
    assert clean(html, URL).container == 'scored <article class="story">'


def test_no_second_opinion_on_a_page_without_class_or_id_names() -> None:
    """trafilatura tells boilerplate by class and id names: on a page with none, its
    answer is not asked for (it kept comments and columns where ours had the story)."""
    unnamed = f"<html><body><article><h1>Harbour news</h1>{prose(STORY)}</article></body></html>"
    named = unnamed.replace("<article>", "<article class='story'>")
    text = LexborHTMLParser(unnamed).text()
    assert STORY[0] in " ".join(block.text for block in second_opinion(named, text, URL))
    assert second_opinion(unnamed, text, URL) == []


def test_a_second_opinion_keeps_soft_hyphenated_lines_whole() -> None:
    """Its lines are checked word by word against the page's text; a soft hyphen in
    the page splits a word there, and the line was dropped as holding unseen words."""
    story = [p.replace("harbour", "har\u00adbour") for p in STORY]
    html = f"<html><body><article class='story'>{prose(story)}</article></body></html>"
    text = LexborHTMLParser(html).text()
    lines = [block.text for block in second_opinion(html, text, URL)]
    assert lines and all("\u00ad" not in line for line in lines)
    assert STORY[0] in lines


def test_a_mega_menu_in_nav_is_not_article_like_text() -> None:
    """A <nav> whose menu items carry teaser paragraphs (five times the article's text)
    is not the article: counted, it sent pages whose article we had found whole to
    trafilatura, which found the same article."""
    teasers = "".join(f"<li><a href='/s{n}'>Section {n}</a><ul><li><a href='/s{n}/1'>More</a>"
                      f"</li><li><span>Teaser {n}: {part}</span></li></ul></li>"
                      for n, part in enumerate(STORY * 5))
    html = (f"<html><body><header><nav><ul>{teasers}</ul></nav></header>"
            f"<article class='story'><h1>Harbour news</h1>{prose(STORY)}</article>"
            "</body></html>")
    body = LexborHTMLParser(html).body
    assert body is not None
    assert article_like_chars(body, thread_posts(body)) == sum(map(len, STORY))


def test_a_block_inside_a_nav_holds_no_article_like_text() -> None:
    """A removed block inside a <nav> (its teasers weighed as talk) counts none of its
    prose, as a <nav> inside it would not: its prose is the menu's."""
    menu_teaser = prose(["A teaser in the menu, long enough to count as prose were it not."])
    html = (f"<html><body><nav><div id='teasers'>{prose(STORY)}</div></nav>"
            f"<div id='story'>{prose(STORY)}<nav>{menu_teaser}</nav></div></body></html>")
    tree = LexborHTMLParser(html)
    inside, story = tree.css_first("#teasers"), tree.css_first("#story")
    assert inside is not None and story is not None
    assert article_like_chars(inside, set()) == 0
    assert article_like_chars(story, set()) == sum(map(len, STORY))


def test_crawl_explain_prints_the_container(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><article class='story'>{prose(STORY)}</article></body></html>",
                    encoding="utf-8")
    crawl = str(Path(sys.executable).with_name("crawl"))
    shown = subprocess.run([crawl, "explain", str(page), "--url", URL],
                           capture_output=True, text=True, cwd=tmp_path, check=False)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith('container: scored <article class="story">\n')


COMMENTS = [
    f"Reader {n} writes, at more length than the article's own paragraphs, that the harbour "
    f"plan is wrong, that the council never listened, and that the town will pay for it {n}."
    for n in range(1, 25)
]


def comment_thread(list_tag: str, item_tag: str) -> str:
    """A long thread without class names: each post an author line and paragraphs."""
    posts = "".join(f"<{item_tag}><div>Reader {n}</div><div>November {n}, 2026 at 9:0{n % 10} am"
                    f"</div><p>{text}</p><p>{text}</p></{item_tag}>"
                    for n, text in enumerate(COMMENTS, 1))
    return f"<div><h3>24 thoughts</h3><{list_tag}>{posts}</{list_tag}></div>"


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "unclassed"])
def test_a_story_in_many_one_paragraph_sections_between_ads_is_kept_whole(
        stripped: bool) -> None:
    """A newspaper's story laid out one paragraph per section, each a few wrappers
    deep, an advertisement between each two: every section holds a leading candidate,
    however many there are (only the best eight were looked at: seven joined)."""
    parts = [*STORY, *(part.replace("Part", "Section") for part in STORY)]
    ad = "<div><div><p>Advertisement</p><a href='#skip'>SKIP ADVERTISEMENT</a></div></div>"
    sections = ad.join(f"<section name='articleBody'><div class='StoryBodyCompanionColumn'>"
                       f"<div><p>{part}</p></div></div></section>" for part in parts)
    html = ("<html><body><article><header><h1>Harbour news</h1><p>By Jane Doe</p></header>"
            f"{sections}</article></body></html>")
    text = clean(strip_class_and_id(html) if stripped else html, URL).text
    assert [part for part in parts if part not in text] == []


def test_a_long_comment_list_never_outvotes_the_article() -> None:
    """With every class name gone, a thread of comments holds more prose than the
    article; its posts, paragraphs inside list items, speak for their item only."""
    for list_tag, item_tag in (("ol", "li"), ("ul", "li"), ("dl", "dd")):
        html = ("<html><body><div><div><h1>Harbour news</h1>"
                f"<div>{prose(STORY[:5])}</div></div>{comment_thread(list_tag, item_tag)}</div>"
                "</body></html>")
        text = clean(html, URL).text
        assert all(part in text for part in STORY[:5]), list_tag
        assert "Reader 1 writes" not in text, list_tag


def test_a_thread_of_posts_laid_out_as_tables_never_outvotes_the_article() -> None:
    """Older WordPress themes lay each comment out as a table in its list item: the
    avatar and the name in one row, the text in the next, no class name left."""
    posts = "".join(f"<li><table><tr><th><img src='/avatars/{n}.jpg'></th><th><div>Reader {n}"
                    f"</div><small><a href='#comment-{n}'>November {n}, 2026</a></small></th>"
                    f"</tr><tr><td>{prose([text, text])}</td></tr></table></li>"
                    for n, text in enumerate(COMMENTS, 1))
    html = ("<html><body><div><div><h1>Harbour news</h1>"
            f"<div>{prose(STORY[:4])}</div></div>"
            f"<div><h2>24 Comments on “Harbour news”</h2><ul>{posts}</ul></div></div>"
            "</body></html>")
    assert_story_without_posts(html, 4)


LIVE_BLOG_TYPES = ['"LiveBlogPosting"', '["NewsArticle", "LiveBlogPosting"]',
                   '"https://schema.org/LiveBlogPosting"']


@pytest.mark.parametrize("declared", LIVE_BLOG_TYPES)
@pytest.mark.parametrize("strip", [False, True])
def test_a_declared_live_blog_s_updates_are_its_story(declared: str, strip: bool) -> None:
    """A live blog's updates run like a comment thread's posts (each a time linked to
    its permalink, a share link), and they are the whole story: a page that declares
    itself a LiveBlogPosting keeps every update, class names or not."""
    updates = "".join(f"<div class='update'><time><a href='#update-{n}'>1{n}:05</a></time>"
                      f"<h3>Update {n}</h3><p>{part}</p>"
                      f"<a href='https://twitter.com/intent/tweet?u=%23update-{n}'>Share</a></div>"
                      for n, part in enumerate(STORY))
    ld = f'{{"@context": "https://schema.org", "@type": {declared}, "headline": "Storm"}}'
    html = (f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
            "<h1>Storm live: the surge reaches the harbour</h1><div>By Jane Doe</div>"
            f"<div class='live'>{updates}</div></body></html>")
    whole_story(strip_class_and_id(html) if strip else html)
    assert thread_posts(LexborHTMLParser(html.replace(declared, '"NewsArticle"')).body)


@pytest.mark.parametrize("mention", [
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"relatedLink\": "
    "{\"@type\": \"LiveBlogPosting\", \"url\": \"/live/storm\"}}</script>",
    "<script type='application/ld+json'>{\"@type\": \"NotALiveBlogPostingX\"}</script>",
    "<div itemscope itemtype='https://schema.org/LiveBlogPosting'>"
    "<a href='/live/storm'>Live: the storm, hour by hour</a></div>",
], ids=["nested", "another-type", "microdata-teaser"])
def test_a_live_blog_merely_mentioned_leaves_the_comments_a_thread(mention: str) -> None:
    """Only the page's own article, at the top of its JSON-LD, makes it a live blog: a
    linked live blog, a type that only contains the name, or a teaser's microdata do
    not, and the readers' comments stay out of the story."""
    html = ("<html><head></head><body><div><div><h1>Harbour news</h1>"
            f"<div>{prose(STORY[:5])}</div></div>{mention}{comment_thread('ol', 'li')}</div>"
            "</body></html>")
    assert_story_without_posts(strip_class_and_id(html), 5)


def test_a_long_comment_thread_in_divs_never_outvotes_the_article() -> None:
    """The same thread without list markup: each post a <div> holding the author's
    linked name, a date and the text, all of one shape."""
    posts = "".join(f"<div><div><a href='/u/{n}'>Reader {n}</a></div>"
                    f"<div>November {n}, 2026 at 9:0{n % 10} am</div><div>{text}</div></div>"
                    for n, text in enumerate(COMMENTS, 1))
    assert_thread_left_out(posts)


def test_a_thread_whose_names_link_nowhere_is_told_by_its_avatars() -> None:
    """A comment plugin that shows each writer's name unlinked beside an avatar
    (wpDiscuz for guests): the avatar is the post's mark, as a linked name is."""
    avatar = "https://secure.gravatar.com/avatar/{n}?s=64"
    posts = "".join(f"<div><div><img alt='Reader {n}' src='{avatar.format(n=n)}'></div>"
                    f"<div><div>Reader {n}</div><div>{prose([text] * 3)}</div>"
                    "<div>1 month ago</div></div></div>" for n, text in enumerate(COMMENTS, 1))
    assert_story_without_posts("<html><body><div><div><h1>Harbour news</h1>"
                               f"<div>{prose(STORY[:2])}</div></div>"
                               f"<div><h3>24 thoughts</h3>{posts}</div></div></body></html>", 2)


def test_sections_whose_photos_are_named_avatar_are_no_thread() -> None:
    """A review of a film called Avatar: each section a still and two paragraphs. A
    picture is a writer's mark only when served from an avatar folder, as Gravatar's are."""
    sections = "".join(f"<div><div><img src='/uploads/avatar-fire-and-ash-still-{n}.jpg'>"
                       f"</div><div>{prose(STORY[n:n + 2])}</div></div>" for n in range(0, 8, 2))
    whole_story(f"<html><body><article><h1>Avatar, reviewed</h1>{sections}</article></body></html>")


def assert_thread_left_out(posts: str) -> None:
    """The article above a thread of <div> ``posts`` is kept whole, without them."""
    assert_story_without_posts("<html><body><div><div><h1>Harbour news</h1>"
                               f"<div>{prose(STORY[:5])}</div></div>"
                               f"<div><h3>24 thoughts</h3>{posts}</div></div></body></html>", 5)


def assert_story_without_posts(html: str, parts: int) -> None:
    """The first ``parts`` of the story are kept, and no reader's post."""
    text = clean(html, URL).text
    assert all(part in text for part in STORY[:parts])
    assert "Reader 1 writes" not in text


def teaser_cards(count: int, cut: str = "…") -> str:
    """A section front's cards, each an <article>: a picture, a linked title and an
    excerpt, cut short but for the last (an excerpt short enough to show whole)."""
    return "".join(
        f"<article><div><a href='/s{i}'><img src='/s{i}.jpg' alt=''></a></div><div>"
        f"<h3><a href='/s{i}'>Ferry timetable changes, part {i}</a></h3><p>The ferry company "
        f"said on Monday that the winter timetable would cut two sailings a day, and "
        f"islanders who travel to work on the mainland say the new{cut if i < count else '.'}"
        f"</p></div></article>" for i in range(1, count + 1))


@pytest.mark.parametrize("cut", ["…", " […]"], ids=["ellipsis", "wordpress"])
def test_a_run_of_teaser_cards_as_articles_is_a_thread(cut: str) -> None:
    """Cards written as <article>s, as a section front or a sidebar sets them, are posts
    whose paragraphs do not vote: beside a short story, their excerpts together took
    the container up to the wrapper holding both."""
    tree = LexborHTMLParser(f"<html><body><section>{teaser_cards(8, cut)}</section></body></html>")
    cards = tree.css("article")
    assert thread_posts(tree.body) == {card.mem_id for card in cards}


def test_a_forum_thread_of_articles_keeps_its_posts() -> None:
    """A forum writes each post as an <article>, signed by its member's link: whole
    posts, not cards cut short, and the page's text."""
    posts = "".join(
        f"<article><div><h4><a href='/members/m{i}'>Member {i}</a></h4></div>"
        f"<div><p>{STORY[i]}</p></div></article>" for i in range(4))
    html = f"<html><body><h1>Harbour vote thread</h1><div>{posts}</div></body></html>"
    assert thread_posts(LexborHTMLParser(html).body) == set()
    text = clean(html, URL).text
    assert all(part in text for part in STORY[:4])


def test_an_article_in_sections_of_one_shape_still_wins() -> None:
    """Sections alike in shape but without links are the article's, not a thread's."""
    sections = "".join(f"<div><h2>Chapter {n}</h2><p>{part}</p></div>"
                       for n, part in enumerate(STORY, 1))
    html = (f"<html><body><div><a href='/'>Home</a></div><div>{sections}</div>"
            f"<div>{sidebar_gadgets(3)}</div></body></html>")
    whole_story(html)


def test_sections_whose_headings_carry_anchors_are_the_article_s() -> None:
    """A table of contents' targets (<a name>) and a heading's permalink (href="#...")
    go nowhere off the page: they are no post's link of its own."""
    for anchor in ("<a name='part-{n}'></a>", "<a href='#part-{n}'>#</a>"):
        sections = "".join(
            f"<div><h2><div>{anchor.format(n=n)}Chapter {n}</div></h2><p>{part}</p></div>"
            for n, part in enumerate(STORY, 1))
        body = LexborHTMLParser(f"<html><body>{sections}</body></html>").body
        assert body is not None and not thread_posts(body)
        whole_story(f"<html><body><div><a href='/'>Home</a></div><div>{sections}</div>"
                    f"<div>{sidebar_gadgets(3)}</div></body></html>")


def test_an_accordion_s_panels_are_the_article_s_and_a_reply_toggle_still_makes_posts() -> None:
    """An accordion item opens with its title, a toggle that goes nowhere (href="#"): no
    link of its own. A comment whose only link is a "reply" toggle after its text is a
    post still."""
    panels = "".join(f"<li><a href='#'>{n}. Chapter {n}</a><div><p>{part}</p></div></li>"
                     for n, part in enumerate(STORY, 1))
    html = (f"<html><body><div><a href='/'>Home</a></div><div><ul>{panels}</ul></div>"
            f"<div>{sidebar_gadgets(3)}</div></body></html>")
    whole_story(html)
    posts = "".join(f"<div><div><b>Reader {n}</b></div><div>{text}</div>"
                    f"<div><a href='#'>reply to this comment</a></div></div>"
                    for n, text in enumerate(COMMENTS, 1))
    body = LexborHTMLParser(f"<html><body><div>{posts}</div></body></html>").body
    assert body is not None and len(thread_posts(body)) == len(COMMENTS)


def test_a_comment_s_named_permalink_and_its_toggles_are_still_its_own_links() -> None:
    """A heading's permalink that holds words (the author's name), "Like" and "Reply"
    toggles in a row atop the comment, and a teaser's title toggled by script are a
    post's own links: those threads are still threads."""
    shapes = (
        "<div><h4><a href='#comment-{n}'>Reader {n}</a></h4><div>May {n}, 2024</div>"
        "<p>{text}</p></div>",
        "<div><div><b>Reader {n}</b> <a href='#'>Like</a> <a href='#'>Reply</a></div>"
        "<p>{text}</p></div>",
        "<div><h2><a href='#' data-href='/story-{n}'>Story {n}</a></h2><p>{text}</p></div>",
    )
    for shape in shapes:
        posts = "".join(shape.format(n=n, text=text) for n, text in enumerate(COMMENTS, 1))
        body = LexborHTMLParser(f"<html><body><div>{posts}</div></body></html>").body
        assert body is not None and len(thread_posts(body)) == len(COMMENTS), shape


def test_a_citation_in_a_sentence_is_the_sentence_s_link() -> None:
    """A footnote's link in <sup>, or in a custom element a browser lays out inline
    (<hl-trusted-source>), belongs to its sentence: the sections holding one are no posts."""
    for cite in ("<sup><a href='https://doi.example/{n}'>{n}</a></sup>",
                 "(<hl-trusted-source><a href='https://doi.example/{n}'>{n}</a>"
                 "</hl-trusted-source>)"):
        sections = "".join(f"<div><h2>Chapter {n}</h2><p>{part}{cite.format(n=n)}</p></div>"
                           for n, part in enumerate(STORY, 1))
        body = LexborHTMLParser(f"<html><body>{sections}</body></html>").body
        assert body is not None and not thread_posts(body)


def test_a_bulleted_article_still_wins() -> None:
    """List items that are the article's own points (text, no paragraphs of their own)
    still vote for the list and the article around it."""
    points = "".join(f"<li>{part}</li>" for part in STORY)
    html = (f"<html><body><div><a href='/'>Home</a></div><div><h1>Ten points</h1>"
            f"<p>{STORY[0]}</p><ul>{points}</ul></div>"
            f"<div>{sidebar_gadgets(3)}</div></body></html>")
    whole_story(html)


def test_a_long_footer_blurb_never_outvotes_a_short_article() -> None:
    """HTML's own <footer> survives where class names do not: the publisher's long
    "about us" prose there is not the article, however many commas it holds."""
    blurb = ("The publisher, an independent house, runs sites on fashion, travel, food, "
             "design, music, art, film, cars, watches, sport and culture, from offices in "
             "three cities, with writers, editors, photographers and producers. ")
    html = ("<html><body><div><div><section><article><h1>Harbour news</h1>"
            f"<div>{prose(STORY[:2])}</div></article></section></div>"
            f"<footer><div><div>{blurb * 3}</div></div></footer></div></body></html>")
    text = clean(html, URL).text
    assert all(part in text for part in STORY[:2])
    assert "The publisher" not in text


def test_sections_in_wrappers_of_their_own_are_one_article() -> None:
    """Each half of the story in a wrapper of its own beside a photo credit, an ad box
    between them, the second half longer: the element holding both is the article."""
    credit = "<div><img src='/p.jpg'>Photo: the harbour</div>"
    html = ("<html><body><nav><a href='/'>Home</a></nav><main><div>"
            f"<div>{credit}<div>{prose(STORY[:3])}</div></div>"
            "<div><div>Advertisement</div></div>"
            f"<div>{credit}<div>{prose(STORY[3:])}</div></div>"
            "</div></main><footer><a href='/about'>About</a></footer></body></html>")
    whole_story(html)
    assert "(climbed: sections" in clean(html, URL).container


def test_a_box_deep_inside_the_story_does_not_take_its_place() -> None:
    """A post that quotes a press release in full, in a box three wrappers down: the
    box outvotes the post's own paragraphs by a little, but the post around it, which
    holds the box, is the article."""
    release = [f"Release {n}: the harbour authority, in a statement issued today, said "
               f"that the works, the dredging and the new quay will finish by spring {n}."
               for n in range(1, 6)]
    html = ("<html><body><nav><a href='/'>Home</a></nav>"
            f"<div class='entry-content'>{prose(STORY[:4])}"
            f"<div><div><div class='release-text'>{prose(release)}</div></div></div></div>"
            "<footer><a href='/about'>About</a></footer></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:4] + release)
    assert article.container.startswith('scored <div class="entry-content"> (climbed: ')
    assert article.container.endswith("holder)")


def test_sections_shaped_alike_far_apart_are_one_article_without_class_names() -> None:
    """A page builder's sections, their class names gone: each part of the story under
    its heading, four wrappers down in a row of its own, an ad between sections. The
    parts are shaped alike and as deep: the element holding them is the article."""
    def section(heading: str, paragraphs: list[str]) -> str:
        return (f"<div><h2>{heading}</h2><div><div><div><div>{prose(paragraphs)}"
                "</div></div></div></div></div>")
    html = ("<html><body><nav><a href='/'>Home</a></nav><main><h1>Harbour news</h1><div>"
            + section("The plan", STORY[:3]) + "<div><div>Advertisement</div></div>"
            + section("The vote", STORY[3:6]) + section("The cost", STORY[6:])
            + f"</div></main><div>{sidebar_gadgets(2)}</div></body></html>")
    whole_story(html)
    assert "same-shape sections" in (clean(html, URL).container or "")


def test_a_near_best_block_after_the_story_is_not_its_section() -> None:
    """Readers' letters after the story, no class names and no links, their wrappers
    meeting the story's as two sections' would, scoring near it: what follows an
    article is not its part (an opening section before it would be)."""
    letters = [f"Reader {n} wrote, at some length and with feeling, that the council's "
               f"plan for the harbour will cost more than anyone has said so far {n}."
               for n in range(1, 8)]
    html = ("<html><body><nav><a href='/'>Home</a></nav><main><div>"
            f"<div><h1>Harbour news</h1><div>{prose(STORY)}</div>"
            "<div>Filed under <a href='/t/harbour'>harbour</a></div></div>"
            f"<div><h3>Letters</h3><div>{prose(letters)}</div></div>"
            "</div></main></body></html>")
    text = whole_story(html)
    assert "Reader 1 wrote" not in text


def test_a_container_chosen_without_climbing_names_no_climb() -> None:
    html = (f"<html><body><div><article class='story'>{prose(STORY)}</article>"
            f"<p>A short note.</p></div></body></html>")
    assert "climbed" not in (clean(html, URL).container or "")


def test_a_parent_outscoring_the_story_by_its_sidebar_s_votes_is_not_climbed_to() -> None:
    """The page's column holds the post and an <aside id="sidebar"> of notes. The notes
    vote for the column too, and it outscores the post's wrapper, but the sidebar weighs
    below zero: the column is the page's layout, not the article."""
    notes = [f"Note {n}: the old lighthouse, now a museum of the coast, opens its doors "
             f"to visitors again on Sunday {n}." for n in range(1, 5)]
    html = ("<html><body><div>"
            f"<div><div>{prose(STORY[:3])}</div></div>"
            f"<aside id='sidebar'>{prose(notes[:3])}"
            f"<div><h3>Compare</h3><p>{notes[3]}</p></div></aside>"
            "</div></body></html>")
    text = clean(html, URL).text
    assert all(part in text for part in STORY[:3])
    assert "Note" not in text


def test_the_rest_of_a_post_after_its_jump_is_kept() -> None:
    """Movable Type and TypePad print a post's text after its "continue reading" jump
    in ``entry-more``: the word "more" there names no "more stories" widget."""
    html = ("<html><body><div class='entry'><h3>Harbour news</h3>"
            f"<div class='entry-body'>{prose(STORY[:3])}</div><a id='more'></a>"
            f"<div class='entry-more'>{prose(STORY[3:])}</div></div>"
            f"<div class='module'>{sidebar_gadgets(3)}</div></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY)
    assert not any(block.excerpt.startswith("Part ") for block in article.removed)


def test_a_story_written_in_spans_between_line_breaks_votes_whole() -> None:
    """A post pasted from a word processor: each paragraph a <span> between <br>s, the
    container's own text only the line breaks' whitespace. Its spans are its
    paragraph; the whitespace alone must not stand for it and lose it the vote."""
    spans = "<br />\n    <span><br /></span>\n    ".join(
        f"<span style='font-family: Georgia'>{part}</span>" for part in STORY)
    html = (
        "<html><body><div><div><h3>Harbour news</h3>"
        f"<div><div dir='ltr'>\n{spans}\n</div></div></div>"
        f"<div><h2>Who are we?</h2><div>{prose([ABOUT] * 3)}</div></div>"
        "</div></body></html>"
    )
    text = whole_story(html)
    assert "Who are we" not in text


def test_a_masthead_whose_menu_carries_teasers_is_not_the_article() -> None:
    """A <header> holding a <nav> is the masthead and its menu: its teasers, even when
    they outweigh a short article, neither win the container nor join it."""
    teaser = ("A longer read from our archive on the fishing fleet, the new ferry timetable "
              "and what the storms of last winter did to the sea wall and the beach huts. ")
    menu = "".join(f"<p><a href='/s{n}'>Section {n}</a> {teaser}</p>" for n in range(12))
    html = ("<html><body><header><div><a href='/'>The Town Paper</a></div>"
            f"<nav>{menu}</nav></header>"
            f"<main><h1>Harbour news</h1>{prose(STORY[:3])}</main></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:3])
    assert "archive" not in article.text
    assert article.container == "scored <main>"


def test_explain_names_the_chosen_container_not_the_first_sibling() -> None:
    """An article-like sibling before the chosen container (a lead paragraph outside
    the story's wrapper) joins the article; ``crawl explain`` still names the container
    the scores chose, and counts the sibling."""
    html = (f"<html><body><div><p>{STORY[0]}</p>"
            f"<div class='story'>{prose(STORY[1:])}</div></div></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY)
    assert article.container == 'scored <div class="story"> and 1 article-like siblings'


def test_a_short_article_under_its_headline_beats_a_longer_about_blurb() -> None:
    """Without class names, a sidebar's "About" blurb can outvote a two-paragraph post;
    the heading that reads as the page's title tops the article, so a candidate under
    it that scores close leads, and ``crawl explain`` names that climb."""
    html = post_beside_about_box("The harbour vote, explained", "",
                                 "<h1>The harbour vote, explained</h1>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:2])
    assert "scientists" not in article.text
    assert article.container == "scored <div> (climbed: headline)"


def test_the_comments_heading_that_quotes_the_title_is_not_the_headline() -> None:
    """WordPress heads the comments "2 thoughts on “<title>”": a heading that holds the
    title and is longer than the post's own. The post's heading is the headline; one
    that holds the title is taken only where no heading reads as (a part of) it."""
    title = "The harbour vote, explained"
    comments = f"<h2>2 thoughts on “{title}”</h2><p>Readers said little.</p>"
    page = LexborHTMLParser(post_beside_about_box(title, "", f"<h1>{title}</h1>").replace(
        "</div></body>", f"<div>{comments}</div></div></body>"))
    assert page.body is not None
    found = headline(page.body, (title,))
    assert found is not None and found.tag == "h1"
    alone = LexborHTMLParser(f"<html><body><div>{comments}</div></body></html>")
    assert alone.body is not None
    found = headline(alone.body, (title,))
    assert found is not None and found.tag == "h2"


def test_a_blog_name_linking_home_is_not_the_headline() -> None:
    """A blog's name in its masthead, linking to the home page, can read as the page's
    title; the blurb under it, scoring close to the post, is not the article."""
    blurb = ("Every day I write about life in the world of hospital computing, the doctors "
             "and patients it serves, and the farm I keep on weekends, in plain words. ")
    html = ("<html><head><title>Life as a Harbour Master</title></head><body>"
            "<div><div><h1><a href='https://blog.example/'>Life as a Harbour Master</a></h1>"
            f"<div><p>{blurb}</p><p>{blurb}</p></div></div></div>"
            f"<div><div><div><h3>Harbour news</h3><div>{prose(STORY[:3])}</div></div></div></div>"
            "</body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:3])
    assert "farm I keep" not in article.text
    assert "headline" not in (article.container or "")


def test_the_headline_is_found_by_the_page_s_own_title_too() -> None:
    """A blog's <title> reads "Blog name: Post title", and the headline read from the
    metadata may be the blog's name; the post's heading is still found in the <title>."""
    html = post_beside_about_box(
        "Harbour Notes: The harbour vote, explained",
        "<div><h1><a href='https://blog.example/'>Harbour Notes</a></h1></div>",
        "<h3>The harbour vote, explained</h3>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:2])
    assert "scientists" not in article.text


def test_comments_of_one_or_several_paragraphs_are_one_thread() -> None:
    """Posts of a thread whose texts run to different numbers of paragraphs still
    share a shape: the tags their parts hold, each counted once."""
    posts = "".join(f"<div><div><a href='/u/{n}'>Reader {n}</a></div>"
                    f"<div>{''.join(f'<p>{text}</p>' for _ in range(n))}</div></div>"
                    for n, text in enumerate(COMMENTS[:6], 1))
    assert_thread_left_out(posts)


def test_a_thread_inside_the_article_s_own_container_goes() -> None:
    """Comments printed in the article's own wrapper, after its last paragraph and
    without a class name: alike posts with a link each are a thread, not the story."""
    posts = "".join(f"<div><div><a href='/u/{n}'>Reader {n}</a></div>"
                    f"<div>November {n}, 2026</div><p>{text}</p></div>"
                    for n, text in enumerate(COMMENTS[:4], 1))
    html = f"<html><body><div><h1>Harbour news</h1>{prose(STORY)}{posts}</div></body></html>"
    article = clean(html, URL)
    assert all(part in article.text for part in STORY)
    assert "Reader 1 writes" not in article.text
    assert [r.kind for r in article.removed if r.rule == "thread-posts"] == ["thread"] * 4


def test_the_story_s_own_lists_and_a_story_in_one_list_item_stay() -> None:
    """Items without links (a gallery's captions, the story's points) are the story's;
    a story laid out as a list's only item is a post of no thread."""
    points = "".join(f"<li><p>{part}</p></li>" for part in STORY[2:])
    whole_story(f"<html><body><div><h1>Harbour news</h1>{prose(STORY[:2])}<ol>{points}</ol>"
                f"</div></body></html>")
    whole_story(f"<html><body><ul><li><div><h1>Harbour news</h1>{prose(STORY)}</div>"
                "<a href='/share'>Share</a></li></ul></body></html>")


def test_a_flat_thread_does_not_call_for_a_second_opinion() -> None:
    """A short post under a long thread printed without wrappers: the thread's heading
    takes the thread, and its text, readers' talk, is not article-like text that the
    short post would be too little of (trafilatura, asked, would keep the talk)."""
    thread = "".join(f"<p>{text}</p><p>Posted by: Reader {n} | May {n}, 2024</p>"
                     for n, text in enumerate(COMMENTS, 1))
    html = (f"<html><body><div><h1>Harbour news</h1>{prose(STORY[:2])}"
            f"<h2>24 Comments</h2>{thread}</div></body></html>")
    article = clean(html, URL)
    assert article.container is not None and not article.container.startswith("fallback")
    assert all(part in article.text for part in STORY[:2])
    assert "Reader 1 writes" not in article.text


SHORT_PARTS = [f"Part {n} of the story, told short: the harbour, the council, the cost {n}."
               for n in range(9, 21)]
"""More parts of a story than the leading candidates counted (``rules.TOP_CANDIDATES``)."""


def story_page(body: str, gadgets: int) -> str:
    """A page of ``body`` between a menu and a sidebar of Blogger-style gadgets."""
    return ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"{body}<div class='module'>{sidebar_gadgets(gadgets)}</div></body></html>")


def test_paragraphs_each_in_a_bare_wrapper_are_all_kept() -> None:
    """Script-built portals wrap each paragraph (``<div class="article--text">``) in a
    bare <div> of its own, with ads between: every wrapper of that class is the story's."""
    paragraphs = "".join(
        f"<div><div class='article--text'>{part}</div></div>"
        + ("<div><div class='ad'>Advertisement</div></div>" if n % 3 == 2 else "")
        for n, part in enumerate(STORY + SHORT_PARTS))
    html = story_page(f"<article><h1>Harbour news</h1><div>{paragraphs}</div></article>", 3)
    text = whole_story(html)
    assert all(part in text for part in SHORT_PARTS) and "Advertisement" not in text


def test_sections_of_one_class_in_separate_rows_are_all_kept() -> None:
    """Page builders set each section of a story in a row of its own, several wrappers
    deep, between rows of images: sections of one class are one article."""
    def row(inner: str) -> str:
        return (f"<section class='band'><div class='row'><div class='column'>"
                f"<div class='wrapper'>{inner}</div></div></div></section>")
    parts = [*STORY, *SHORT_PARTS[:6]]
    body = "".join(row(f"<div class='text-column'><h2>Chapter {n}</h2>{prose([part])}</div>")
                   + row("<img src='/h.jpg'><a href='/visit'>Plan your visit to the harbour</a>")
                   for n, part in enumerate(parts))
    html = story_page(f"<div class='page'><h1>Harbour news</h1>{body}</div>", 2)
    text = whole_story(html)
    assert all(part in text for part in parts) and "About me" not in text
    assert "same-class sections" in clean(html, URL).container


def test_teasers_of_the_story_s_class_are_not_its_sections() -> None:
    """A blog lists other posts under the story, each excerpt in the story's own class
    (``entry-content``) under a linked title: teasers, not sections of the story."""
    teasers = "".join(  # one with a thumbnail, one without: no two cards of one shape
        f"<div class='small-post'>{'<p><img src=/t.jpg></p>' * n}"
        f"<h2><a href='/post-{n}'>Another post {n}</a></h2>"
        f"<div class='entry-content'>{prose(STORY[:3]).replace('Part', 'An excerpt')}"
        "</div></div>" for n in range(2))
    html = (
        "<html><body><div class='page'><div class='post'><h1>Harbour news</h1>"
        f"<div class='entry-content'>{prose(STORY)}</div></div>{teasers}</div></body></html>"
    )
    assert "Another post" not in whole_story(html)
    assert "An excerpt" not in whole_story(html)


SLIDES = [f"Slide {n}: a fisherman mends his nets on the harbour wall at dawn, as the "
          f"boats come in with the night's catch and the gulls circle, photo {n}."
          for n in range(1, 7)]


def gallery(slide: str, caption_attrs: str) -> str:
    """A photo story: a line of introduction, then each slide's photo and caption."""
    slides = "".join(f"<div><img src='/{n}.jpg'><div {caption_attrs}>{text}</div></div>"
                     for n, text in enumerate(SLIDES) if slide)
    return (
        "<html><body><nav><a href='/'>Home</a> <a href='/photos'>Photos</a></nav>"
        "<div><h1>A morning at the harbour</h1><p>Pictures from the quay.</p>"
        f"{slides}</div><div>{sidebar_gadgets(1)}</div></body></html>")


def further_paragraphs(count: int, repeat: int = 1) -> list[str]:
    """``count`` more paragraphs of the story, ``repeat`` times as long as one."""
    return [f"Further on, the story goes into detail {n}, about the harbour, the council, the "
            f"budget, the ferry and the town, at length, with figures, names and places. "
            * repeat for n in range(count)]


def test_opening_paragraphs_beside_a_read_all_wrapper_are_the_story_s() -> None:
    """A news site puts the story's first paragraphs before a "Read more" button and the
    rest in a wrapper it unfolds: the paragraphs beside the wrapper, named as its own
    paragraphs are (the first one inside a media box of its own), are the story's."""
    rest = "".join(f'<div class="body__paragraph speakable">{part}</div>'
                   for part in STORY[2:] + further_paragraphs(30))
    whole_story(
        '<html><body><div><h1>Harbour news</h1><div class="l-container">'
        f'<div class="leafmedia"><p class="body__paragraph">{STORY[0]}</p></div>'
        f'<div class="body__paragraph">{STORY[1]}</div>'
        '<div class="read-more"><div class="read-more-link">Read More</div></div>'
        f'<div class="read-all">{rest}</div></div></div>'
        f"<div>{sidebar_gadgets(3)}</div></body></html>")


def test_bare_div_paragraphs_beside_a_read_all_wrapper_are_the_story_s() -> None:
    """The same page without class names: each paragraph a bare <div>, before and inside
    the wrapper. A bare <div> beside the wrapper that reads as prose and holds no block
    is a paragraph, as the bare <div>s inside it are."""
    rest = "".join(f"<div>{part}</div>" for part in STORY[2:] + further_paragraphs(30))
    whole_story(
        "<html><body><div><h1>Harbour news</h1><div>"
        f"<div>{STORY[0]}</div><div>{STORY[1]}</div>"
        "<div><div>Read More</div></div>"
        f"<div>{rest}</div></div></div>"
        f"<div>{sidebar_gadgets(3)}</div></body></html>")


def test_a_section_shaped_as_the_container_is_the_story_s_without_class_names() -> None:
    """No class names: the story's opening paragraphs, a photo and the rest, each in
    wrappers of its own (``div > div > p``). The opening scores under the sibling floor,
    but it is shaped as the container is, as a section of its class would be named."""
    def wrapped(inner: str) -> str:
        return f"<div><div>{inner}</div></div>"
    html = ("<html><body><nav><a href='/'>Home</a></nav><article>"
            "<header><h1>Harbour news</h1></header><div>"
            + wrapped(prose(STORY[:2]))
            + wrapped("<figure><img src='/p.jpg'><figcaption>The harbour at dawn"
                      "</figcaption></figure>")
            + wrapped(prose(STORY[2:] + further_paragraphs(4)))
            + f"</div></article><div>{sidebar_gadgets(2)}</div></body></html>")
    whole_story(html)


def test_a_bare_div_beside_a_named_container_is_no_paragraph_of_it() -> None:
    """Bare <div> paragraphs name nothing inside a container that has a class: a bare
    <div> beside it (an author's bio) stays out."""
    story = "".join(f"<div>{part}</div>" for part in STORY)
    bio = ("<div>Jane Doe is a freelance writer who covers the harbour, the council and the "
           "town's budget for the paper.</div>")
    text = whole_story(f"<html><body><div><div class='entry-content'>{story}</div>{bio}</div>"
                       "</body></html>")
    assert "Jane Doe" not in text


def test_a_bio_beside_the_story_named_by_a_utility_class_stays_out() -> None:
    """On a utility-CSS page the paragraphs' first class is a spacing class (``mb-4``):
    a box of that class holding a block of its own (an author's bio) is no paragraph."""
    bio = ("Jane Doe has covered the harbour, the council and the town's budget for the "
           "paper since 2009, and lives by the sea with two cats.")
    story = "".join(f"<p class='mb-4 text-lg'>{part}</p>" for part in STORY)
    text = whole_story(f"<html><body><main><div class='prose'>{story}</div>"
                       f"<div class='mb-4 flex'><div class='p-4'><p>{bio}</p></div></div>"
                       "</main></body></html>")
    assert "Jane Doe" not in text


def test_sections_of_the_container_s_class_nested_deep_are_all_kept() -> None:
    """A page built with styled components nests each paragraph four wrappers down, in
    sections of one generated class: beyond the reach of the paragraphs' votes, each
    section is still the story's."""
    sections = "".join(f'<div class="sc-futREh fFuqBR"><div class="sc-dGCmGc eWOMTO"><div><div>'
                       f"<p>{part}</p></div></div></div></div>"
                       for part in STORY + further_paragraphs(12, repeat=2))
    whole_story(f"<html><body><div>{sections}</div><div>{sidebar_gadgets(3)}</div></body></html>")


def test_a_photo_story_s_captions_are_its_story() -> None:
    """A gallery's captions hold more text than the prose beside them: they are the
    story, every slide in order, though a caption on a news page is furniture."""
    for attrs in ("class='caption'", "class='slideCaption'"):
        text = clean(gallery("slide", attrs), URL).text
        assert [line for line in text.splitlines() if line.startswith("Slide")] == SLIDES
    _, segments = explain(gallery("slide", "class='caption'"), URL)
    assert not any(segment.rule == "photo-caption" for segment in segments)


def test_a_photo_story_s_photos_linked_to_their_files_are_no_thread() -> None:
    """WordPress links each photo to its image file, so a gallery of captioned photos
    runs like signed posts; on a photo story they are still the story, in order."""
    slides = "".join(
        f"<div id='attachment_{n}' class='wp-caption aligncenter'><a href='/files/hk{n}.jpg'>"
        f"<img src='/files/hk{n}.jpg'></a><p class='wp-caption-text'>{text}</p></div>"
        "<p>&nbsp;</p>" for n, text in enumerate(SLIDES))
    html = ("<html><body><div class='entry-content'><p>Pictures from the quay, where the "
            f"boats came in at dawn.</p>{slides}</div><div>{sidebar_gadgets(1)}</div>"
            "</body></html>")
    article = clean(html, URL)
    assert [line for line in article.text.splitlines() if line.startswith("Slide")] == SLIDES
    assert not any(block.rule == "thread-posts" for block in article.removed)


def test_teaser_cards_named_for_their_caption_are_still_a_thread_on_a_photo_story() -> None:
    """A card whose class names its caption ("card--caption-below") links its title to
    another story: on a brief that its cards' excerpts outweigh, still a thread."""
    cards = "".join(
        f"<div class='card card--caption-below'><a href='/news/{n}'><img src='/t{n}.jpg'></a>"
        f"<a href='/news/{n}'>Another story {n}</a><p>An excerpt of another story {n}, about "
        "the ferry, the weather on the coast and the timetable that changes.</p></div>"
        for n in range(6))
    html = ("<html><body><div class='entry-content'>" + prose(STORY[:3])
            + f"<div class='row'>{cards}</div></div></body></html>")
    article = clean(html, URL)
    assert "An excerpt" not in article.text
    assert all(part in article.text for part in STORY[:3])


def test_a_caption_beside_a_longer_story_still_goes() -> None:
    html = (f"<html><body><div>{prose(STORY[:4])}<figure><img src='/h.jpg'><figcaption>"
            f"{SLIDES[0]} {SLIDES[1]}</figcaption></figure></div></body></html>")
    article = clean(html, URL)
    assert "Slide" not in article.text
    assert any(block.rule == "photo-caption" for block in article.removed)


def test_teaser_cards_named_caption_make_no_photo_story() -> None:
    """Bootstrap's thumbnails put each teaser's title and excerpt in a ``.caption``:
    cards, not a photo's words, however little of the story is in paragraphs."""
    cards = "".join(
        f"<div class='thumbnail'><img src='/{n}.jpg'><div class='caption'><h3><a href='/s{n}'>"
        f"Another story {n}</a></h3><p>An excerpt of another story {n}, about the ferry, the "
        "weather on the coast and the new timetable.</p></div></div>" for n in range(4))
    story = "<br><br>".join(STORY)
    html = (f"<html><body><div class='story'><h1>Harbour news</h1>{story}</div>"
            f"<div class='grid'>{cards}</div></body></html>")
    text = whole_story(html)
    assert "An excerpt" not in text and "Another story" not in text
    assert "photo-caption" in {block.rule for block in clean(html, URL).removed}


def test_a_photo_story_told_in_figcaptions_needs_no_class_names() -> None:
    slides = "".join(f"<figure><img src='/{n}.jpg'><figcaption>{text}</figcaption></figure>"
                     for n, text in enumerate(SLIDES))
    html = f"<html><body><div><h1>A morning at the harbour</h1>{slides}</div></body></html>"
    assert clean(html, URL).text.count("Slide ") == len(SLIDES)


def test_a_wrapper_named_by_a_generic_word_that_holds_most_prose_is_the_article() -> None:
    """A photo story's slides in ``<div class="caption">``: the article, though the page's
    menus (unlinked, not prose) hold more text. A short byline box still goes, and so
    does a paragraph named ``postmetadata``: a line, not a wrapper."""
    menus = "".join(f"<div><span>Section {n}</span> <span>Topic {n}</span></div>"
                    for n in range(300))
    html = (
        f"<html><body><div>{menus}</div><div class='story'>"
        "<div class='byline'>By Jane Doe</div>"
        f"<div class='caption slide'>{prose(STORY[:3])}</div>"
        "<p class='postmetadata'>This entry was posted on Monday and is filed under News, "
        "Harbour and Town, and you can follow any responses to this entry.</p>"
        f"</div><div>{menus}</div></body></html>"
    )
    article = clean(html, URL)
    assert article.text.count("Part ") == 3
    assert "Jane Doe" not in article.text and "This entry was posted" not in article.text
    assert not any(block.rule == "byline" and "Part 1" in block.excerpt
                   for block in article.removed)


def test_a_widget_title_does_not_take_the_story_in_its_box() -> None:
    """A "Share" title atop the box of a paywalled story's first paragraphs, among the
    author's and the share links: the box reads as the share widget's by its links,
    but it holds most of the page's article-like text, so it is no widget."""
    menus = "".join(f"<div><span>Section {n}</span> <span>Topic {n}</span></div>"
                    for n in range(300))
    links = "".join(f"<a href='/s/{n}'>Share this story on network number {n}</a> "
                    for n in range(6))
    html = (f"<html><body><div>{menus}</div><div><h4>Share</h4><div>{links}</div>"
            f"<div><a href='/by/jane'>By Jane Doe, the harbour correspondent</a></div>"
            f"{prose(STORY[:2])}</div></body></html>")
    text = clean(html, URL).text
    assert STORY[0] in text and STORY[1] in text


def test_sections_nested_deep_in_sibling_wrappers_are_one_article() -> None:
    """A script framework's page: each section of the story sits eight wrappers down
    in a wrapper of its own, with a video box between them."""
    def deep(inner: str) -> str:
        return "<div>" * 8 + inner + "</div>" * 8
    html = (f"<html><body><div id='post'>{deep(prose(STORY[:3]))}"
            "<div><a href='/video'>Watch the harbour video</a></div>"
            f"{deep(prose(STORY[3:]))}</div></body></html>")
    whole_story(html)



def test_a_list_item_is_a_post_when_a_block_of_its_own_is_its_child() -> None:
    """An item of a list (ul, ol, dl) with a paragraph-like child, first or not, is a
    post; a menu item, an item whose paragraph sits deeper, and an item outside any
    list are not."""
    body = LexborHTMLParser(
        "<ul><li id=p><p>A comment.</p></li><li id=menu><a href='/x'>Home</a></li>"
        "<li id=later><a href='/u'>A reader</a><div>A reply.</div></li>"
        "<li id=deep><span><p>Deeper.</p></span></li></ul>"
        "<dl><dd id=dd><div>A post in a definition list.</div></dd></dl>"
        "<ol><li id=section><section>A teaser.</section></li></ol>"
        "<div><li id=loose><p>Not in a list.</p></li></div>").body
    assert body is not None
    posts = thread_posts(body)
    assert {node.attributes["id"] for node in body.css("li, dd")
            if node.mem_id in posts} == {"p", "later", "dd", "section"}


def test_a_story_laid_out_as_its_list_s_only_item_under_the_headline_is_no_post() -> None:
    """A blog engine listing the one post it shows: the item opens with the page's
    headline, and no item of its list (or of the list holding it) has other text; a
    "like" button's item beside it has none. The newsroom box beside it must not win."""
    story = (f"<li><div><a href='/blog.php?post=1'>Harbour council approves the new pier</a>"
             f"</div><div>by A. Writer on Wednesday</div><div><div>{prose(STORY)}</div></div></li>"
             "<li><iframe src='/plugins/like.php'></iframe></li>")
    html = ("<html><head><title>Harbour council approves the new pier</title></head><body>"
            f"<div><div><ul><li><div><ul>{story}</ul></div></li></ul></div>"
            "<div><h3>Newsroom</h3><p>Visit the newsroom for the latest updates from us.</p>"
            "</div></div></body></html>")
    assert "Newsroom" not in whole_story(html)


def test_a_lone_comment_is_a_post_though_its_list_has_no_other_item() -> None:
    """The one comment under a short post: its list's only item, but it does not open
    with the headline, so its paragraphs do not outvote the post."""
    comment = f"<ol><li><div><a href='/u/1'>Reader 1</a></div>{prose(COMMENTS[:4])}</li></ol>"
    html = ("<html><head><title>Harbour news for the week</title></head><body><div>"
            f"<div><h1>Harbour news for the week</h1><div>{prose(STORY[:2])}</div></div>"
            f"<div><h3>One thought</h3>{comment}</div></div></body></html>")
    assert_story_without_posts(html, 2)


LEAD = ("The council voted to rebuild the harbour wall, and the town will pay for most of "
        "it over ten years.")


def story_under_a_header(header: str, lead_tag: str = "p") -> str:
    """A CNET-style story: its title, lead and byline in a <header>, its body apart."""
    return ("<html><head><title>The harbour vote, explained</title></head><body>"
            "<div class='post'><header>"
            f"{header}<{lead_tag}>{LEAD}</{lead_tag}>"
            "<div class='byline'>by Ann Smith</div></header>"
            f"<div class='postBody'>{prose(STORY)}</div></div></body></html>")


def assert_story_opens_without_a_lead(html: str) -> None:
    article = clean(html, URL)
    assert article.text.startswith(STORY[0])
    assert "lead" not in (article.container or "")


@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "unclassed"])
def test_the_lead_under_the_headline_opens_the_article(stripped: bool) -> None:
    """The lead a page sets under its headline, in the story's <header> above the body,
    is the article's first paragraph; the headline and the byline beside it are not
    text, and ``crawl explain`` says the lead joined the container."""
    html = story_under_a_header("<h1>The harbour vote, explained</h1>")
    article = clean(strip_class_and_id(html) if stripped else html, URL)
    assert article.text.startswith(LEAD)
    assert all(part in article.text for part in STORY)
    assert "Ann Smith" not in article.text
    assert article.text.count("harbour vote, explained") == 0
    assert (article.container or "").endswith(" with the lead under its headline")


def test_a_block_named_as_the_article_s_header_keeps_its_stand_first() -> None:
    """The Guardian's layout: the headline and its stand-first in a block whose id names
    it the article's header; page chrome by that name, it stays for the lead, and
    joins the article beside the body's column."""
    html = ("<html><head><title>The harbour vote, explained</title></head><body>"
            "<div id='article-header'><div id='main-article-info'>"
            "<h1>The harbour vote, explained</h1>"
            f"<p id='stand-first'>{LEAD}</p></div></div>"
            f"<div id='content'><div id='article-body'>{prose(STORY)}</div></div></body></html>")
    assert clean(html, URL).text.startswith(f"{LEAD}\n\n{STORY[0]}")


@pytest.mark.parametrize("box", ["<div class='eventbox__teaser'>", "<div class='intro'>",
                                 "<div>"], ids=["teaser", "intro", "unnamed"])
def test_a_lead_in_a_box_of_its_own_opens_the_article(box: str) -> None:
    """Newsrooms' systems set the lead in a box of its own under the headline, and
    German ones name it the "Teaser": it is the story's lead, not a box of other
    stories' teasers, which still goes after the story."""
    teasers = ("<div class='teaser'><p><a href='/ferry'>Ferry timetable changes for the "
               "winter season, and what they mean for the islands</a></p></div>")
    html = ("<html><head><title>The harbour vote, explained</title></head><body>"
            f"<div class='post'><h1>The harbour vote, explained</h1>{box}<p>{LEAD}</p></div>"
            f"<div class='postBody'>{prose(STORY)}</div>{teasers}</div></body></html>")
    article = clean(html, URL)
    assert article.text.split("\n\n") == [LEAD, *STORY]


@pytest.mark.parametrize("box", [
    "<div class='disclosure'><p>This article contains affiliate links; we may earn a"
    " commission on purchases made through them.</p></div>",
    "<div class='audio-player'><p>Listen to this article, read aloud by our narrator, in"
    " about four minutes.</p></div>",
    "<div class='popular'><p>Most read today: the ferry timetable, the school roof and the"
    " storm that closed the coastal road.</p></div>",
    "<div><p><img src='/wall.jpg' alt=''>The harbour wall at high tide, seen from the"
    " ferry terminal (Ann Smith / Daily Coast)</p></div>",
    "<div>Note: <p>The harbour wall at high tide, seen from the ferry terminal on the"
    " morning of the vote.</p></div>",
], ids=["disclosure", "player", "popular", "picture", "loose-text"])
def test_a_box_under_the_headline_named_otherwise_is_no_lead(box: str) -> None:
    """A box with a name of its own (a disclosure, a player, other stories), a picture's
    caption or a box with words of its own beside its paragraph is not the lead."""
    html = ("<html><head><title>The harbour vote, explained</title></head><body><main>"
            f"<div class='story'><h1>The harbour vote, explained</h1>{box}"
            f"<div class='article-body'>{prose(STORY)}</div></div></main></body></html>")
    assert_story_opens_without_a_lead(html)


def test_the_headline_repeated_over_the_body_still_goes_after_the_lead() -> None:
    html = ("<html><head><title>The harbour vote, explained</title></head><body>"
            "<div class='post'><header><h1>The harbour vote, explained</h1>"
            f"<p>{LEAD}</p></header><div class='postBody'><h1>The harbour vote, explained</h1>"
            f"{prose(STORY)}</div></div></body></html>")
    article = clean(html, URL)
    assert article.text.split("\n\n") == [LEAD, *STORY]
    assert ("title", "title-heading") in {(b.kind, b.rule) for b in article.removed}


def test_a_paragraph_under_a_headline_after_the_story_is_no_lead() -> None:
    html = ("<html><head><title>The harbour vote, explained</title></head><body>"
            f"<div class='postBody'>{prose(STORY)}</div>"
            f"<div><h1>The harbour vote, explained</h1><p>{LEAD}</p></div></body></html>")
    assert_story_opens_without_a_lead(html)


@pytest.mark.parametrize("after_the_title", [
    f"<div>{LEAD}</div>",  # not a paragraph: a box beside the title
    f"<p><a href='/a'>{LEAD}</a></p>",  # a link: a teaser
], ids=["not-a-paragraph", "linked"])
def test_what_follows_the_headline_is_a_lead_only_as_a_paragraph_of_prose(
        after_the_title: str) -> None:
    assert_story_opens_without_a_lead(story_under_a_header(
        "<h1>The harbour vote, explained</h1>" + after_the_title, lead_tag="div"))


@pytest.mark.parametrize("byline", [
    "<p>by Ann Smith, 3 May 2026</p>",
    "<p>By Ann Smith on Monday 4 May 2026 3:10 pm in Harbour News and Council Affairs</p>",
    "<div>By <a href='/author/ann'>Ann Smith</a> <time datetime='2026-05-04'>Monday</time></div>",
], ids=["short", "long", "time"])
@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "unclassed"])
def test_the_lead_after_a_dated_byline_under_the_headline_opens_the_article(
        byline: str, stripped: bool) -> None:
    """A dated byline between the headline and the lead is no lead, and does not hide
    the lead after it: the story's header goes as page chrome, its lead stays."""
    html = story_under_a_header("<h1>The harbour vote, explained</h1>" + byline)
    article = clean(strip_class_and_id(html) if stripped else html, URL)
    assert article.text.split("\n\n") == [LEAD, *STORY]


def test_a_blog_s_tagline_under_its_name_is_no_lead() -> None:
    """A masthead's unlinked <h1>, the blog's name, reads as the page's title where the
    page has no other (its <title> ends with the name); the tagline under it is not
    the story's lead: the story is in its <article>, and the masthead outside."""
    tagline = ("Notes on harbours, boats and the people who keep them afloat, written from "
               "a small town on the coast.")
    html = ("<html><head><title>Storm update | Harbour Notes Weekly</title></head><body>"
            f"<header><h1>Harbour Notes Weekly</h1><p>{tagline}</p></header>"
            f"<article><h2>Storm update</h2>{prose(STORY)}</article></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY)
    assert "small town on the coast" not in article.text
    assert "lead" not in (article.container or "")



CLAUSES = "，".join(["市议会昨天讨论了港口的扩建计划"] * 6) + "。"
NOTICE = "本站公告：本周末系统维护期间部分栏目暂停更新敬请各位读者谅解并留意后续通知安排"


@pytest.mark.parametrize("comma", ["，", "،"])
def test_commas_of_every_script_vote_as_readability_counts_them(comma: str) -> None:
    """A Chinese (or Arabic) story's clauses count as an English one's commas do: three
    paragraphs of them outscore a box of six comma-less notices."""
    story = prose([CLAUSES.replace("，", comma)] * 3)
    tree = LexborHTMLParser(f"<div id=first>{story}</div>"
                            f"<div id=second>{prose([NOTICE] * 6)}</div>")
    scores = {candidate.node.id: weigh(candidate)
              for candidate in score_containers(tree.body, set()).values()}
    assert scores["first"] > scores["second"]


def test_a_thread_post_another_rule_took_still_counts_in_its_run() -> None:
    """Three boxes of one shape after the story, each a linked title and an excerpt: a
    run of teasers. A "Related stories" title takes the third box first; the two left
    are still the run's, and go with it."""
    boxes = "".join(
        f"<div><h3>{title}</h3><p>{excerpt}</p><a href='/more/{n}'>More</a></div>"
        for n, (title, excerpt) in enumerate([
            ("Publications", "The harbour authority's yearly report on freight and ferries."),
            ("Events", "An open day at the shipyard, with tours of the new dry dock."),
            ("Related stories", "Ferries, fares and the winter timetable.")]))
    html = (f"<html><body><div><h1>Harbour news</h1>{prose(STORY[:5])}{boxes}</div>"
            "</body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:5])
    assert "yearly report" not in article.text and "open day" not in article.text
    assert ("thread", "thread-posts") in {(block.kind, block.rule) for block in article.removed}


def listicle_sections(wrapper: str, read_more: bool = False) -> str:
    """A listicle's sections, each under a heading that links to the place it is about:
    two parts of the story each (a "Read more" link after them, with ``read_more``)."""
    more = "<p><a href='/more'>Read more</a></p>" if read_more else ""
    return "".join(f"<{wrapper}><h3><a href='/places/{n}'>Place number {n}</a></h3>"
                   f"{prose(STORY[n - 1:n + 1])}{more}</{wrapper}>" for n in range(1, 6))


@pytest.mark.parametrize(("outer", "wrapper"), [("div", "div"), ("ol", "li")])
def test_a_listicle_s_sections_under_linked_headings_are_the_story(outer: str,
                                                                   wrapper: str) -> None:
    """Sections of one shape, each a linked heading and two paragraphs: a comment's or a
    teaser's mark is a link of its own, but a section that says this much after its
    heading, ending as a sentence ends, is the story's."""
    html = (f"<html><body><article><h1>Five places to see</h1><{outer}>"
            f"{listicle_sections(wrapper)}</{outer}></article></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY[:6])
    assert "Place number 5" in article.text and article.container.startswith("scored")


SECTION_CLOSERS = {
    "picture": "<p><a href='/uploads/harbour-{n}.jpg'><img src='/uploads/h-{n}.jpg'></a></p>",
    "video": "<div><a href='https://video.example/watch?v={n}'>Watch the video</a></div>",
    "document": "<p><a href='/docs/report-{n}.pdf'>Download the report (PDF)</a></p>",
    "tweet": "<div><a href='https://twitter.com/intent/tweet?text={n}'>Click to tweet</a></div>",
    "shop": "<a href='https://shop.example/{n}'>Buy now</a>",
    "back-to-top": "<p><a href='#top'>Back to top</a></p>",
}


@pytest.mark.parametrize("closer", SECTION_CLOSERS, ids=list(SECTION_CLOSERS))
@pytest.mark.parametrize("stripped", [False, True], ids=["classed", "unclassed"])
def test_sections_under_their_own_headings_are_the_story_whatever_they_link(
        closer: str, stripped: bool) -> None:
    """A long piece in sibling <div>s, each under an unlinked <h2> with its paragraphs
    and closing on a link of its own (its picture's file, a video, a report, a "click
    to tweet", a shop, "back to top": an anchor on the page, but no comment's): alike
    and each with a link, they looked like comments, and the story was lost but for its
    intro. A section heading opens no comment."""
    sections = "".join(f"<div><h2>Part {n} of the story</h2>{prose(STORY[n:n + 2])}"
                       f"<p>The harbour master added, in section {n}, that the work would "
                       "take three winters and close the quay to the larger boats.</p>"
                       f"{SECTION_CLOSERS[closer].format(n=n)}</div>" for n in (1, 3, 5))
    html = (f"<html><body><div class='entry-content'><h1>Harbour news</h1><p>{STORY[0]}</p>"
            f"{sections}<p>{STORY[7]}</p></div></body></html>")
    whole_story(strip_class_and_id(html) if stripped else html)


def test_a_page_that_says_nothing_but_a_thread_s_posts_keeps_them_as_its_story() -> None:
    """A gallery's slides, each a picture linked to its file, a paragraph and the
    photographer's linked name, run like signed posts; when they are all the page
    says, the story is not left empty: the cleaner starts over without a thread, and
    ``crawl explain`` shows that second reading."""
    slides = "".join(f"<div><a href='/img/{n}-full.jpg'><img src='/img/{n}.jpg'></a>"
                     f"<p>{part}</p><p><a href='/photographers/ann'>Ann Smith</a></p></div>"
                     for n, part in enumerate(STORY))
    html = ("<html><body><div><h1>Harbour news</h1><div>By Jane Doe, 3 May 2026</div>"
            f"<div>{slides}</div></div></body></html>")
    article = clean(html, URL)
    assert all(part in article.text for part in STORY)
    assert (article.container or "").endswith("(no thread: nothing else was left)")
    explained, segments = explain(html, URL)
    assert explained.container == article.container
    assert "Ann Smith" not in article.text
    assert sum(STORY[0] in segment.text for segment in segments) == 1


@pytest.mark.parametrize("mark", [
    "<p><a href='#reply-{n}'>Reply</a></p>",
    "<p><a href='/2026/05/story?replytocom={n}#respond'>Reply</a></p>",
    "<p><a href='/2026/05/story#comment-{n}'>May {n}, 2026 at 10:01 am</a></p>",
    "<p><a href='/ferry/{n}'>Read more</a></p>",
], ids=["reply-toggle", "reply-link", "permalink", "read-more"])
def test_posts_headed_by_a_name_stay_a_thread_by_their_marks(mark: str) -> None:
    """Comments whose writer's name is set as an <h3>, three long paragraphs each, or
    teasers with excerpts as long: an unlinked heading over them is no section
    heading while they carry a comment's permalink or reply link, or a "Read more"."""
    posts = "".join(f"<div><h3>Reader {n} Smith says:</h3>{prose([text, text, text])}"
                    f"{mark.format(n=n)}</div>" for n, text in enumerate(COMMENTS[:6], 1))
    assert_thread_left_out(posts)


def test_a_page_of_nothing_but_a_thread_of_comments_stays_empty() -> None:
    """A story that failed to load under its comments: the comments, marked as such
    (each a permalink and a reply link), are not read as its story."""
    posts = "".join(f"<div><div><a href='https://reader{n}.example/'>Reader {n}</a> says:</div>"
                    f"<p><a href='#comment-{n}'>May {n}, 2026</a></p><p>{text}</p>"
                    f"<p><a href='?replytocom={n}#respond'>Reply</a></p></div>"
                    for n, text in enumerate(COMMENTS[:6], 1))
    article = clean(f"<html><body><h1>Harbour news</h1><div>{posts}</div></body></html>", URL)
    assert article.text == "" and article.reason == "no article text found"


def test_a_page_read_again_without_a_thread_with_too_little_left_stays_empty() -> None:
    """Read again without a thread, five short slots are no story."""
    slots = "".join(f"<div><a href='/ads/{n}'><img src='/ads/{n}.jpg'></a><p>Advertisement</p>"
                    f"<p><a href='/ads/about'>About our ads</a></p></div>" for n in range(5))
    article = clean(f"<html><body><h1>Harbour news</h1><div>{slots}</div></body></html>", URL)
    assert article.text == ""
    assert article.reason == "no article text found (read again without a thread: too little)"


def test_teasers_with_a_read_more_link_stay_a_thread() -> None:
    """The same cards with a "Read more" link of their own are teasers."""
    posts = listicle_sections("div", read_more=True)
    tree = LexborHTMLParser(f"<html><body><section>{posts}</section></body></html>")
    assert thread_posts(tree.body) == {div.mem_id for div in tree.css("section > div")}


def test_posts_under_linked_headings_after_a_story_stay_a_thread() -> None:
    """Comments whose writers' names are linked headings, or teasers whose excerpts run
    two paragraphs, hang under a story already told: they are no sections of it."""
    posts = "".join(
        f"<div><h4><a href='https://reader{n}.example/'>Reader {n}</a></h4>"
        f"<p>Reader {n} writes that the harbour was always the heart of the town, and that"
        f" the council should have acted years ago.</p><p>My only worry is the parking on"
        f" market days, which was already hard before the works began, reader {n} adds.</p>"
        "</div>" for n in range(1, 4))
    html = (f"<html><body><div><article><h1>Harbour news</h1>{prose(STORY[:5])}</article>"
            f"<div>{posts}</div></div></body></html>")
    text = clean(html, URL).text
    assert all(part in text for part in STORY[:5])
    assert "Reader 1 writes" not in text
