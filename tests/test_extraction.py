"""The article extraction core: what is kept, in what shape, and what is removed and why."""

from __future__ import annotations

import re

import pytest

from cleaners import SiteRules, clean, phrases, rules
from cleaners.markup import structure_rule

PARAGRAPHS = [
    f"Paragraph {n} of the article explains, at some length, what happened on the day, "
    f"who said what, and why it matters for the readers of this story number {n}."
    for n in range(1, 7)
]


def page(content: str, around: str = "", *, title: str = "A headline") -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
        f"<main><article><h1>{title}</h1><div>{content}</div></article>{around}</main>"
        "<footer><a href='/about'>About us</a> <a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


def prose(paragraphs: list[str] = PARAGRAPHS) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def rule_names() -> set[str]:
    tables = rules.STRUCTURE_RULES + rules.TITLE_RULES + rules.LINE_RULES + rules.SOURCE_RULES
    return {r.name for r in tables} | {
        "form", "teaser-run", "hidden-element", "title-heading", "repeated-block",
        "link-dense-block", "thread-posts", "orphan-heading", "lone-linked-heading",
        "sign-up-box", "comment-form-box", "author-bio-line",
    }


def test_every_paragraph_is_kept_in_order_and_nothing_else() -> None:
    article = clean(page(prose()), "https://news.example/story")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert article.reason is None


def test_markdown_keeps_the_structure() -> None:
    content = (
        f"<p>{PARAGRAPHS[0]}</p><h2>What was said</h2><p>{PARAGRAPHS[1]}</p>"
        "<ul><li>First point made by the minister</li><li>Second point, with a "
        "<a href='/x'>link</a> in it</li></ul>"
        "<ol><li>Step one of the plan</li><li>Step two of the plan</li></ol>"
        f"<blockquote><p>{PARAGRAPHS[2]}</p></blockquote>"
        "<table><tr><th>Year</th><th>Votes</th></tr><tr><td>2023</td><td>1,204</td></tr></table>"
        "<pre>line one\n  line two</pre>"
        f"<p>{PARAGRAPHS[3]}</p>"
    )
    article = clean(page(content))
    md = article.markdown
    assert "## What was said" in md
    assert "- First point made by the minister\n- Second point, with a link in it" in md
    assert "1. Step one of the plan\n1. Step two of the plan" in md
    assert f"> {PARAGRAPHS[2]}" in md
    assert "| Year | Votes |\n| --- | --- |\n| 2023 | 1,204 |" in md
    assert "```\nline one\n  line two\n```" in md
    assert md.index(PARAGRAPHS[0]) < md.index("## What") < md.index(PARAGRAPHS[3])
    assert article.text.split("\n\n")[0] == PARAGRAPHS[0]
    assert "line one\n  line two" in article.text


def test_nothing_is_repeated() -> None:
    twice = prose() + f'<div class="mobile-copy">{prose()}</div>'
    article = clean(page(twice))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.rule == "repeated-block" for r in article.removed)


def test_every_removal_names_a_rule_of_the_table() -> None:
    widgets = (
        '<div class="jp-relatedposts"><h3>Related</h3><a href="/a">Another story headline</a></div>'
        '<div id="comments"><h3>3 Comments</h3><p>Reader: great piece!</p></div>'
        '<div class="sharedaddy"><a href="/s">Share on Facebook</a></div>'
    )
    article = clean(page(prose() + widgets))
    assert article.text.split("\n\n") == PARAGRAPHS
    names = rule_names()
    assert article.removed
    for block in article.removed:
        assert block.rule in names, block
    kinds = {b.kind for b in article.removed}
    assert {"related", "comments", "share", "navigation"} <= kinds


@pytest.mark.parametrize(("lang", "title", "notice"), [
    ("en", "You may also like", "Your email address will not be published."),
    ("de", "Ähnliche Artikel", "Deine E-Mail-Adresse wird nicht veröffentlicht."),
    ("fr", "Articles similaires", "Votre adresse e-mail ne sera pas publiée."),
    ("es", "Artículos relacionados", "Tu dirección de correo electrónico no será publicada."),
    ("it", "Articoli correlati", "Il tuo indirizzo email non sarà pubblicato."),
    ("pt", "Artigos relacionados", "O seu endereço de email não será publicado."),
    ("ru", "Похожие статьи", "Ваш адрес email не будет опубликован."),
    ("nl", "Gerelateerde artikelen", "Je e-mailadres wordt niet gepubliceerd."),
])
def test_widgets_without_classes_are_found_by_what_they_say(lang: str, title: str,
                                                            notice: str) -> None:
    teasers = "".join(f'<div><a href="/t{i}">Teaser headline number {i} of the widget</a></div>'
                      for i in range(4))
    widgets = f"<div><h3>{title}</h3>{teasers}</div><div><h3>Comment</h3><p>{notice}</p></div>"
    article = clean(page(prose() + widgets, widgets))
    assert article.text.split("\n\n") == PARAGRAPHS, lang
    assert "Teaser headline" not in article.text
    assert notice not in article.text


@pytest.mark.parametrize("heading", ["3 Comments", "Kommentare", "2 Responses to “A headline”"])
def test_a_flat_thread_goes_with_its_heading_up_to_the_next_heading(heading: str) -> None:
    """Posts printed one after another without a wrapper of their own read like the
    article's paragraphs: the thread's heading takes them, and stops at the next
    heading of its level."""
    thread = "".join(f"<a id='c{n}'></a><p>Reader {n} thinks this is the best story written "
                     f"about the harbour all year, and says so at length.</p>"
                     f"<p>Posted by: Reader {n} | May {n}, 2024 9:0{n} AM</p>" for n in range(3))
    after = "<h2>From the archive</h2><p>The archive holds every story since 1998, in order.</p>"
    article = clean(page(prose() + f"<h2>{heading}</h2>{thread}{after}"))
    assert article.text.split("\n\n")[:-2] == PARAGRAPHS
    assert "Reader" not in article.text
    assert "The archive holds every story" in article.text


def test_a_linked_comment_count_atop_the_post_takes_nothing_after_it() -> None:
    article = clean(page("<h3><a href='#comments'>3 Comments</a></h3>" + prose()))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert not any(r.excerpt.startswith("Paragraph") for r in article.removed)


@pytest.mark.parametrize("label", ["Comment", "Kommentar", "Commentaire"])
def test_an_opinion_column_s_label_heads_no_thread(label: str) -> None:
    article = clean(page(f"<h3>{label}</h3>" + prose()))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert not any(r.excerpt.startswith("Paragraph") for r in article.removed)


def test_a_discussion_section_of_the_article_stays() -> None:
    """"Discussion" may be a section of the article: it heads no thread."""
    article = clean(page(prose(PARAGRAPHS[:3]) + "<h2>Discussion</h2>" + prose(PARAGRAPHS[3:])))
    assert article.text.split("\n\n") == PARAGRAPHS


def test_teaser_list_shape_is_caught_without_classes_or_titles() -> None:
    teasers = "<ul>" + "".join(
        f'<li><a href="/s{i}"><h4>Another story headline number {i}</h4></a>'
        f"<p>A short excerpt of story {i}…</p></li>" for i in range(4)) + "</ul>"
    article = clean(page(prose() + teasers))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.rule == "teaser-run" for r in article.removed)


@pytest.mark.parametrize("cut", ["...", "…", " […]"])
def test_teasers_with_an_excerpt_cut_short_on_the_title_s_line_are_a_teaser_run(cut: str) -> None:
    """A ticker of linked titles each followed, on its own line, by an excerpt that
    trails off (WordPress ends an automatic excerpt with "[…]")."""
    teasers = "<ul>" + "".join(
        f'<li><a href="/s{i}">Another story headline number {i}</a> <span>NEW DELHI: The '
        f"council met on Wednesday and said that the plan would go ahead once{cut}</span></li>"
        for i in range(4)) + "</ul>"
    article = clean(page(prose() + teasers))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.rule == "teaser-run" for r in article.removed)


def test_a_list_of_linked_sentences_in_the_article_is_kept() -> None:
    items = [f'<li><a href="/n{i}">Company {i} reported results</a>, beating estimates by '
             f"a wide margin for the third quarter in a row, analysts said.</li>" for i in range(4)]
    article = clean(page(prose(PARAGRAPHS[:2]) + "<ul>" + "".join(items) + "</ul>"
                         + prose(PARAGRAPHS[2:])))
    assert article.text.count("beating estimates") == 4
    assert article.text.startswith(PARAGRAPHS[0]) and article.text.endswith(PARAGRAPHS[-1])


def test_a_list_of_links_between_two_paragraphs_is_the_story_s_and_stays() -> None:
    """The papers of a journal issue, introduced by a colon and followed by more of the
    story, are the story's list however linked; the same list ending the story, with
    no paragraph after it, is a widget's."""
    papers = "<ul>" + "".join(
        f'<li><a href="/paper{i}">“The Imagined Audience, Part {i}”</a> by E. Litt</li>'
        for i in range(1, 5)) + "</ul>"
    intro = "<p>If you would like a sense of the arguments in the issue, here they are:</p>"
    article = clean(page(prose(PARAGRAPHS[:2]) + intro + papers + prose(PARAGRAPHS[2:])))
    assert article.text.count("The Imagined Audience") == 4
    assert article.text.endswith(PARAGRAPHS[-1])
    ending = clean(page(prose() + papers))
    assert ending.text.split("\n\n") == PARAGRAPHS


def test_a_list_of_links_before_the_story_s_next_section_stays() -> None:
    """The story goes on after its list under headings of its own (two, here) over
    more prose: the list is the story's. A teaser's linked title over its summary, or
    an author's name over a bio, is no section of the story."""
    papers = "<ul>" + "".join(
        f'<li><a href="/paper{i}">“The Imagined Audience, Part {i}”</a> by E. Litt</li>'
        for i in range(1, 5)) + "</ul>"
    intro = "<p>If you would like a sense of the arguments in the issue, here they are:</p>"
    section = "<h2>Part two</h2><h3>What the papers have in common</h3>"
    article = clean(page(prose(PARAGRAPHS[:2]) + intro + papers + section
                         + prose(PARAGRAPHS[2:])))
    assert article.text.count("The Imagined Audience") == 4
    assert article.text.endswith(PARAGRAPHS[-1])
    summary = "<p>The council met on Wednesday and said the ferry plan would go ahead.</p>"
    teasers = "".join(f"<h3><a href='/news/{n}'>Ferry fares to rise, part {n}</a></h3>{summary}"
                      for n in range(2))
    author = ("<h3>Jane Doe</h3><p>Jane Doe is a senior reporter who has covered the ferry"
              " and the council for the paper since 2009.</p>")
    for after in (teasers, author):
        ending = clean(page(prose() + papers + after))
        assert "The Imagined Audience" not in ending.text


@pytest.mark.parametrize("intro", [
    "<p>如果你想了解本期杂志的论点，下面就是本期发表的全部文章。</p>",
    "<p>今号の論点を知りたい方のために、掲載された論文をすべて以下に挙げる。</p>",
], ids=["chinese", "japanese"])
def test_a_story_s_list_follows_a_sentence_in_its_own_script(intro: str) -> None:
    """The paragraph before the story's list ends as a sentence with a Chinese or
    Japanese full stop ("。") as an English one does with its own."""
    papers = "<ul>" + "".join(
        f'<li><a href="/paper{i}">“The Imagined Audience, Part {i}”</a> by E. Litt</li>'
        for i in range(1, 5)) + "</ul>"
    article = clean(page(prose(PARAGRAPHS[:2]) + intro + papers + prose(PARAGRAPHS[2:])))
    assert article.text.count("The Imagined Audience") == 4


@pytest.mark.parametrize("sentence", [
    'The engineers\' verdict, <a href="/r">in the council\'s report on the harbour wall</a>:'
    ' “<a href="/q">the wall held, but only just</a>.”',
    'Le maire a résumé <a href="/r">le rapport des ingénieurs sur la digue du port</a> :'
    ' « <a href="/q">la digue a tenu, mais de justesse</a>. »',
], ids=["english", "french"])
def test_a_linked_sentence_ends_inside_its_closing_quote(sentence: str) -> None:
    """A sentence mostly of links stays when its full stop sits inside a quotation."""
    article = clean(page(prose(PARAGRAPHS[:2]) + f"<p>{sentence}</p>" + prose(PARAGRAPHS[2:])))
    assert "held, but only just" in article.text or "mais de justesse" in article.text


def test_links_after_a_quotation_are_no_list_of_the_story() -> None:
    """The box of links a site sets after a quoted paragraph is not introduced by it."""
    quote = ('<p>Mayor Ann Holt said after the vote: "We have waited long enough, and the'
             ' people of this town deserve an answer."</p>')
    links = ("<ul><li><a href='/a'>Ferry timetable changes for the winter season</a></li>"
             "<li><a href='/b'>School roof repairs delayed again after storm damage</a></li></ul>")
    article = clean(page(prose(PARAGRAPHS[:2]) + quote + links + prose(PARAGRAPHS[2:])))
    assert "Ferry timetable" not in article.text and "We have waited" in article.text


@pytest.mark.parametrize("name", ["meta-loc", "tag", "author", "share"])
def test_a_link_inside_a_sentence_stays_whatever_its_class(name: str) -> None:
    """Sites link names and topics in the story with classes of their own; a byline
    paragraph, with little text of its own besides its spans, still goes."""
    sentence = (f'<p>The islands, which both <a class="{name}" href="/t/vn">Vietnam</a> and '
                f'<a class="{name}" href="/t/cn">China</a> claim, lie far off the coast.</p>')
    article = clean(page(prose(PARAGRAPHS[:3]) + sentence + prose(PARAGRAPHS[3:])))
    assert "which both Vietnam and China claim, lie far off" in article.text
    # a word processor wraps the paragraph's words in a span of its own
    wrapped = sentence.replace("<p>", '<p><span class="s1">').replace("</p>", "</span></p>")
    article = clean(page(prose(PARAGRAPHS[:3]) + wrapped + prose(PARAGRAPHS[3:])))
    assert "which both Vietnam and China claim, lie far off" in article.text
    # Cloudflare hides an address in a span of its own inside the link
    address = ('<p>Register by 12 November at <a href="/cdn-cgi/l/email-protection">'
               '<span class="__cf_email__">[email protected]</span></a>. The link follows.</p>')
    article = clean(page(prose(PARAGRAPHS[:3]) + address + prose(PARAGRAPHS[3:])))
    assert "Register by 12 November at [email protected]. The link follows." in article.text
    byline = '<p><span class="byline">By Jane Perlez and John F. Burns</span></p>'
    bylined = clean(page(byline + prose()))
    assert "Jane Perlez" not in bylined.text


def test_a_post_made_of_its_list_of_links_keeps_the_list() -> None:
    """A roundup (the week's links, the day's deals) is its list, however linked; menu
    labels in the same share of the text are not titles, and go."""
    intro = "<p>Here are the stories that caught our eye this week, in case you missed them:</p>"
    roundup = "<ul>" + "".join(
        f'<li><strong>Budget:</strong> <a href="/s{i}">How the city council voted on plan {i}</a>'
        "</li>" for i in range(6)) + "</ul>"
    article = clean(page(intro + roundup))
    assert article.text.count("How the city council voted") == 6
    assert not any(r.rule == "link-dense-block" for r in article.removed)
    labels = "<ul>" + "".join(f'<li><a href="/m{i}">May {2010 + i}</a></li>'
                              for i in range(12)) + "</ul>"
    archive = clean(page("<p>A short note from the editor, as the week ends.</p>" + labels))
    assert "May 2012" not in archive.text


def test_a_sentence_mostly_of_links_is_kept_and_a_line_of_links_goes() -> None:
    sentence = ('Visit <a href="/a">Boy Mama Teacher Mama</a> to see how to create the '
                '<a href="/b">interesting textures on this Indian corn craft</a>.')
    menu = ('<a href="/w">World news and analysis</a> <a href="/s">Sport results today</a> '
            '<a href="/c">Culture and the arts</a>')
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<p>{sentence}</p><p>{menu}</p>"
                         + prose(PARAGRAPHS[3:])))
    assert "Visit Boy Mama Teacher Mama to see how" in article.text
    assert "Culture and the arts" not in article.text
    assert any(r.rule == "link-dense-block" and "World news" in r.excerpt
               for r in article.removed)


TALKS = [("Vanessa Berlowitz: How to survive filming extreme nature documentaries",
          "Producer Vanessa Berlowitz has spent 22 years making wildlife films for the BBC."),
         ("Rupinder Bains: Living with Crohn's disease",
          "In 2011, Rupinder Bains was supposed to die; in this talk she says how she did not."),
         ("Hyeonseo Lee: Escaping North Korea",
          "Hyeonseo Lee calls growing up in North Korea like living in a virtual prison.")]


@pytest.mark.parametrize("strip", [False, True])
def test_linked_lines_a_writer_set_into_a_paragraph_are_kept(strip: bool) -> None:
    """A blog sets its links into its paragraphs with ``<br>``: a linked title over the
    lines that sum it up, a numbered reading list under its introduction. Each line is
    mostly link, but the paragraph is the writer's."""
    titled = "".join(f'<p><a href="/t{n}">{title}<br></a>TED@London<br>{summary}</p>'
                     for n, (title, summary) in enumerate(TALKS))
    reading = ("<div>For ease of reference, we have grouped together our posts on the "
               "case, and we update the list as new posts are written.<br><br>" + "".join(
                   f'{n}. <a href="/p{n}">The court hears the case, part {n}</a> (May {n}, 2004)'
                   "<br><br>" for n in range(1, 7)) + "</div>")
    html = page(prose(PARAGRAPHS[:3]) + titled + reading)
    if strip:
        html = re.sub(r'\s(?:class|id)="[^"]*"', "", html)
    article = clean(html)
    for title, summary in TALKS:
        assert f"{title}\n\nTED@London\n\n{summary}" in article.text
    assert article.text.count("The court hears the case, part") == 6
    assert not any(r.rule == "link-dense-block" for r in article.removed)


BLOG_POST = "<br><br>".join(PARAGRAPHS[:4])
WIDGET_LINES = "".join(f'<br><a href="/r{n}">The court hears the case, part {n}</a>'
                       for n in range(1, 4))


@pytest.mark.parametrize("body", [
    # a Blogger post is one paragraph set with <br>: its related links after the story,
    # announced by a sentence or not, and a breadcrumb or a linked byline over it
    BLOG_POST + "<br><br>Articles similaires :" + WIDGET_LINES,
    BLOG_POST + "<br><br>Some of the popular posts on this little blog:" + WIDGET_LINES,
    BLOG_POST + '<br><br><a href="/s1">Auf Facebook teilen</a><br><a href="/s2">Twittern</a>',
    '<a href="/">Strona główna</a> » <a href="/n">Wiadomości</a><br><br>' + BLOG_POST,
    # bullets on labels, not titles; and on titles under a line a phrase rule names
    BLOG_POST + '<br><br>• <a href="/s1">Facebook</a><br>• <a href="/s2">Twitter</a>',
    BLOG_POST + "<br><br>Lire aussi :" + WIDGET_LINES.replace("<br>", "<br>- "),
    # an author's box: one sentence, then the links to the author
    prose(PARAGRAPHS[:4]) + "<div>Jane Doe is a reporter covering city hall for the paper."
    '<br><a href="/t">Twitter</a><br><a href="/e">Email Jane</a></div>',
    # a linked title over a summary, alone: a breadcrumb over the lead, far from another
    '<p><a href="/">Home</a> › <a href="/n">News</a><br>' + PARAGRAPHS[0] + "</p>"
    + prose(PARAGRAPHS[1:4]) + '<p><a href="/t">Twitter</a><br>Follow the city desk.</p>',
], ids=["related", "announced", "share", "breadcrumb", "bulleted-labels", "lire-aussi",
        "author-box", "lone-titles"])
def test_a_widget_s_links_set_with_breaks_into_a_post_still_go(body: str) -> None:
    """The lines a blog's template or its writer's habit sets into the post with <br>
    are no list of the story's: only bullets or numbers that go on from line to line,
    or linked titles over summaries, make one."""
    article = clean(page(f"<div>{body}</div>"))
    for paragraph in PARAGRAPHS[:4]:
        assert paragraph in article.text
    assert not any(word in article.text for word in (
        "The court hears", "Facebook", "Twitter", "Wiadomości", "Email Jane", "News"))


def test_one_linked_line_after_a_paragraphs_sentence_goes() -> None:
    """A call to act set into the story's paragraph, after its sentence ("» Downloads:
    the fixtures", "Send us your tips!"), is no part of it; nor is a widget's list of
    links in elements of its own."""
    promo = (f"<p>{PARAGRAPHS[3]}<br>"
             '<a href="/downloads">» Football downloads: fixtures, table and tipping game</a><br>'
             "The other side has shown some good form in the last few league matches.</p>")
    widget = "<div>" + "".join(f'<p><a href="/r{n}">The court hears the case, part {n}</a></p>'
                               for n in range(1, 4)) + "</div>"
    article = clean(page(prose(PARAGRAPHS[:3]) + promo + widget))
    assert "Football downloads" not in article.text
    assert "The other side has shown some good form" in article.text
    assert "The court hears the case" not in article.text


@pytest.mark.parametrize("wrapper", ["<div id='more'>", "<div class='entry-more'>"])
def test_the_text_after_a_posts_jump_is_kept(wrapper: str) -> None:
    """Older Movable Type templates put the rest of a post in ``<div id="more">``: the
    word names the post's continuation there, not a "more stories" box."""
    comments = "<div id='comments'>" + prose(PARAGRAPHS * 2) + "</div>"  # outweighs the rest
    html = page(prose(PARAGRAPHS[:4]) + wrapper + prose(PARAGRAPHS[4:]) + "</div>", comments)
    assert clean(html).text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("footer", [
    '<p><a href="{src}">Source link</a></p>',
    '<p>Source: <a href="{src}">The Wire</a></p>',
    '<p>Originally published at <a href="{src}">The Wire</a>.</p>',
    '<p>The post <a href="https://republisher.example/p/1">Title</a> appeared first on '
    '<a href="{src}">The Wire</a>.</p>',
    '<p><a href="{src}">Read the original article</a></p>',
    '<p>Via: <a href="{src}">The Wire</a></p>',
    '<p>This article <a href="{src}">originally appeared</a> on <a href="https://wire.example">'
    "The Wire</a>.</p>",
    '<p>Quelle: <a href="{src}">Die Agentur</a></p>',
    '<p>Publicado originalmente en <a href="{src}">La Agencia</a></p>',
])
def test_source_footer_becomes_source_url(footer: str) -> None:
    src = "https://wire.example/2025/01/story"
    article = clean(page(prose() + footer.format(src=src)),
                    "https://republisher.example/2025/01/story")
    assert article.source_url == src
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.kind == "source" for r in article.removed)


def test_site_rules_drop_and_keep() -> None:
    content = (prose(PARAGRAPHS[:3]) + '<div class="magazine-box"><p>Buy our new magazine today, '
               "now with twice the pages and half the price of last year.</p></div>"
               + prose(PARAGRAPHS[3:]) + '<div class="related-posts"><p>Keep me, says the '
               "site owner, this box is really part of the article.</p></div>")
    plain = clean(page(content))
    assert "Buy our new magazine" in plain.text
    assert "Keep me" not in plain.text
    ruled = clean(page(content), site_rules=SiteRules(drop=(".magazine-box",),
                                                      keep=(".related-posts",)))
    assert "Buy our new magazine" not in ruled.text
    assert "Keep me, says the site owner" in ruled.text
    assert any(r.kind == "site" and ".magazine-box" in r.rule for r in ruled.removed)


def test_structure_roles_hidden_and_forms() -> None:
    around = (
        '<div role="navigation"><a href="/1">Section one</a><a href="/2">Section two</a></div>'
        '<div role="complementary"><p>Sidebar text that is not the article at all.</p></div>'
        '<div style="display: none"><p>Hidden text a reader never sees on the page.</p></div>'
        "<form><label>Subscribe to our newsletter</label><input type=email></form>"
    )
    article = clean(page(prose() + around, around))
    assert article.text.split("\n\n") == PARAGRAPHS
    for gone in ("Section one", "Sidebar text", "Hidden text", "Subscribe"):
        assert gone not in article.text


@pytest.mark.parametrize(("name", "rule"), [
    ("commentsDiv", "comments-id"), ("postMeta", "byline"), ("sidebarRight", "page-chrome"),
])
def test_camel_cased_class_and_id_names_are_read_word_by_word(name: str, rule: str) -> None:
    block = (f'<div id="{name}"><p>Great story, thanks for writing it up, said a reader.</p>'
             "<p>I disagree with most of it, said another one.</p></div>")
    article = clean(page(prose() + block))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.rule == rule and "Great story" in r.excerpt for r in article.removed)


@pytest.mark.parametrize("line", [
    "Advertisement", "Story continues below advertisement", "Share this:",
    "We use cookies to improve your experience. By using this site you agree.",
    "Already a subscriber? Sign in to continue reading.", "Tags: politics, europe",
    "Posted by: Jane Doe on May 4, 2025 in News",
    "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under "
    '<a href="/c/news">News</a>.',
    'You can follow any responses to this entry through the <a href="/feed">RSS 2.0</a> feed. '
    'You can leave a response, or <a href="/tb">trackback</a> from your own site.',
    "Both comments and pings are currently closed.",
    "This entry is filed under <a href='/c/news'>News</a>. You can skip to the end and leave "
    "a response. Pinging is currently not allowed.",
    'Subscribe to: <a href="/feeds/comments">Post Comments (Atom)</a>',
    'If you enjoyed this post, please consider <a href="#respond">leaving a comment</a> or '
    "subscribing to the RSS feed to have future articles delivered to your feed reader.",
    "A version of this article appeared in print on 11/08/2012, on page B9 of the New York "
    "edition with the headline: Newfangled Audio.",
    "A version of this article appeared July 24, 2012, on page A2 in the U.S. edition of The "
    "Wall Street Journal, with the headline: Colorado Suspect Appears in Court.",
    "If you enjoyed this article, enter your email below to get free updates!",
    "Don't miss a post! Subscribe to our newsletter and get weekly tips in your inbox.",
    "If you found this post useful, please take a moment and like it on Facebook or share "
    "with your friends.",
    "Dow Jones Reprints: This copy is for your personal, non-commercial use only.",
    "Login to reply", "Link to this comment", "Report abuse", "Sharing is caring!",
    "Hide caption", "Back to Gallery", "View the Full Gallery \u00bb", "12 Photos",
    "Media playback is unsupported on your device", "Related Topics: Financial Reform",
    "Brought to you by",
    "Sign up for free email updates and be entered to win our monthly giveaway!",
    "Фото: личный архив", "[사진=JTBC]", "Foto: Reuters",
    "ATENÇÃO: Comentários ofensivos ao usuário não serão aprovados pelo moderador.",
    "©1999-2012 The Paper, Inc. All Rights Reserved. Terms of Use & Privacy Policy",
    "Copyright © 2019 The Paper. All rights reserved.",
    "As a final step before posting your comment, enter the letters and numbers you see in "
    "the image below. This prevents automated programs from posting comments.",
    "This is only a preview. Your comment has not yet been posted.",
    "Listed below are links to weblogs that reference The Morning Wrap:",
    "TrackBack URL for this entry: https://www.typepad.com/services/trackback/6a00d8",
    "Sign up for our e-newsletter all about the high court. It's delivered every week to "
    "your mailbox and features exclusive news and analysis.",
    "Sign-up to the Daily Tips newsletter and you will be able to download our e-book.",
    "Your comment has been saved. Comments are moderated and will not appear until approved "
    "by the author.",
    # Notices printed whole run longer than a phrase line (``rules.NOTICE_MAX_CHARS``).
    "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order "
    "presentation-ready copies for distribution to your colleagues, clients or customers, use "
    "the Order Reprints tool at the bottom of any article or visit our reprints page.",
    "We use cookies to give you the best experience on our website. By continuing to browse "
    "you agree to our use of cookies; you can change your cookie settings at any time, and "
    "read how we use them and how to turn them off in our privacy and cookie policy.",
    "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. "
    "While you will be able to view the content of this page in your current browser, you "
    "will not be able to get the full visual experience.",
    "You are using an outdated browser. Please upgrade your browser to improve your "
    "experience.",
    "Get the Flash Player to see this player.", "You need Adobe Flash Player to watch this video.",
    "Be Sociable, Share!", "Bookmark to:", "{ 5 comments… read them below or add one }",
    "The comments to this entry are closed.", "TrackBack", "Trackbacks/Pingbacks",
    "And oh, if you want a pic to show with your comment, go get a gravatar!",
    "Hits: 3747", "Like it? Share it!", "Sponsored by",
    "Also See", "LATEST ARTICLE",
    # a theme's "Continue reading" link, in a few of the lexicon's languages
    "Continue reading “A headline” →", "(more…)", "Weiterlesen »", "Lire la suite",
    "Leer más", "Czytaj dalej", "Читать далее", "続きを読む", "Teilen Sie dies mit:",
    "Post Views: 1.432", "Join our Newsletter for the latest news right to your inbox",
    "Advertorial",
    # the placeholder of an embedded post, until the reader consents to load it
    "Allow Instagram content?", "Empfohlener redaktioneller Inhalt",
    "This article contains content provided by Instagram. We ask for your permission before "
    "anything is loaded, as they may be using cookies and other technologies.",
    "An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der den Artikel ergänzt.",
    "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können "
    "personenbezogene Daten an Drittplattformen übermittelt werden.",
])
def test_boilerplate_lines_inside_the_article_go(line: str) -> None:
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<p>{line}</p>" + prose(PARAGRAPHS[3:])))
    assert article.text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("line", [
    "Also see the council's report on the harbour wall, which the engineers signed in May.",
    "If you enjoyed this story, share your own memories of the old harbour with us below.",
])
def test_sentences_opening_as_a_widget_s_phrase_stay(line: str) -> None:
    """A phrase names a widget's line whole ("Also see", "please share it on:"); a
    sentence of the story that merely opens with its words is the story's."""
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<p>{line}</p>" + prose(PARAGRAPHS[3:])))
    assert line in article.text


def test_a_classic_wordpress_themes_post_metadata_goes_however_long() -> None:
    """Kubrick and its many children print a post's date, categories, feed and trackback
    links in one ``postmetadata`` paragraph, too long for a phrase line."""
    categories = ", ".join(f'<a href="/c/{n}">Category number {n}</a>' for n in range(8))
    meta = ('<p class="postmetadata alt"><small>This entry was posted on Saturday, August 25th, '
            f"2012 at 12:23 am and is filed under {categories}. You can follow any responses to "
            'this entry through the <a href="/feed">RSS 2.0</a> feed.</small></p>')
    article = clean(page(prose() + meta))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.rule == "byline" and r.excerpt.startswith("This entry") for r in article.removed)


def test_when_unsure_a_block_stays() -> None:
    """Prose that merely mentions a phrase is not boilerplate."""
    mentions = ("<p>The minister said the source of the leak was unknown, and related posts on "
                "social media were being examined by the police, who declined to comment.</p>")
    article = clean(page(prose(PARAGRAPHS[:2]) + mentions + prose(PARAGRAPHS[2:])))
    assert "related posts on social media" in article.text


def test_phrase_gate_covers_every_phrase() -> None:
    """A phrase with no known start would be tried on every text of every page."""
    for table in (rules.TITLE_RULES, rules.LINE_RULES, rules.SOURCE_RULES):
        for rule in table:
            for phrase in rule.phrases:
                re.compile(phrase)
                assert "" not in phrases.phrase_starts(phrase), phrase


@pytest.mark.parametrize(("text", "rule"), [
    ("13\ncomments:", "comments-title"),  # Blogger breaks the count from its word
    ("Share \n\n   this", "share-title"),
    ("BIR YANIT YAZ", "comments-title"),  # a case-blind regex reads "I" as Turkish "ı"
    ("ΧΡΌΝΟΣ ΑΝΆΓΝΩΣΗΣ: 3 λεπτά", "byline-line"),
])
def test_the_phrase_gate_reads_a_text_as_its_pattern_does(text: str, rule: str) -> None:
    """The gate that picks phrases by a text's first letters sees runs of spaces and
    letters as the case-blind pattern does, or a phrase would go untried."""
    found = phrases.line_rule(text)
    assert found is not None and found.name == rule


@pytest.mark.parametrize("text", ["Shanghai stocks closed higher", "Commerce secretary said"])
def test_a_text_whose_first_letters_fit_no_phrase_compiles_none(text: str) -> None:
    """"Sha" and "com" start phrases ("share this", "comments"); the next letters rule
    them out, so no pattern is compiled for these texts."""
    assert phrases._pattern_for(phrases._head(text)) is None


def test_a_heading_whose_section_went_heads_nothing_whatever_its_language() -> None:
    """A box in the middle of the story (here a table of contents, in Finnish, which no
    phrase list holds) loses its links as a block of links; its heading would be left
    over the next section. A heading whose whole section went heads nothing."""
    sections = ("What the council decided", "Who pays for it")
    links = "".join(f"<li><a href='#s{n}'>{name}</a></li>" for n, name in enumerate(sections))
    content = (prose(PARAGRAPHS[:2]) + f"<h3>Sisällysluettelo</h3><ul>{links}</ul>"
               + f"<h3 id='s0'>{sections[0]}</h3>" + prose(PARAGRAPHS[2:4])
               + f"<h3 id='s1'>{sections[1]}</h3>" + prose(PARAGRAPHS[4:]))
    article = clean(page(content), "https://news.example/story")
    assert article.text.split("\n\n") == [*PARAGRAPHS[:2], sections[0], *PARAGRAPHS[2:4],
                                          sections[1], *PARAGRAPHS[4:]]
    assert any(r.rule == "orphan-heading" and r.excerpt == "Sisällysluettelo"
               for r in article.removed)


@pytest.mark.parametrize("after", ["<p>{p}</p>", "<h4>Who argued for it</h4><p>{p}</p>"],
                         ids=["prose", "subsection"])
def test_a_heading_over_more_than_what_went_stays(after: str) -> None:
    """A section whose first block went as links but that goes on, in prose or in a
    subsection, keeps its heading."""
    links = "<p><a href='/a'>The first report</a> <a href='/b'>The second report</a></p>"
    content = (prose(PARAGRAPHS[:2]) + "<h3>Background</h3>" + links
               + after.format(p=PARAGRAPHS[2]) + prose(PARAGRAPHS[3:]))
    text = clean(page(content), "https://news.example/story").text
    assert "Background" in text and PARAGRAPHS[2] in text


@pytest.mark.parametrize("card", [
    "<div><a href='/ferry'><img src='/ferry.jpg'><h4>Ferry timetable changes</h4></a></div>",
    "<h4><a href='/ferry'>Ferry timetable changes</a></h4>"], ids=["card", "heading"])
def test_a_linked_heading_that_heads_nothing_is_a_teaser(card: str) -> None:
    """A teaser card between two sections of the story, without a class to name it: its
    title, a heading that is a link, heads nothing (the next section's heading follows).
    A linked heading over a section of its own (a product in a list of picks) stays."""
    content = (prose(PARAGRAPHS[:2]) + card + "<h3>What the council decided</h3>"
               + prose(PARAGRAPHS[2:4]) + "<h3><a href='/pick'>The pick of the harbour</a></h3>"
               + prose(PARAGRAPHS[4:]))
    article = clean(page(content), "https://news.example/story")
    assert article.text.split("\n\n") == [
        *PARAGRAPHS[:2], "What the council decided", *PARAGRAPHS[2:4],
        "The pick of the harbour", *PARAGRAPHS[4:]]
    assert ("links", "lone-linked-heading", "Ferry timetable changes") in {
        (r.kind, r.rule, r.excerpt) for r in article.removed}


FORUM_NOTE = ("Satamasta keskustellaan <a href='/forum'>lukijoiden foorumilla ja kaupungin "
              "omilla sivuilla</a> koko viikon, ja toimitus vastaa kysymyksiin perjantaina.")


def test_a_sign_up_box_goes_with_its_form_in_any_language() -> None:
    """A box around a form asking for an e-mail address is a sign-up box: its heading and
    pitch (here Finnish, which no phrase list holds) go with the form; a note with links
    beside the box, outside it, stays."""
    box = ("<div><div><h3>Tilaa uutiskirje</h3><p>Saat parhaat jutut sähköpostiisi joka aamu."
           "</p><form><input type='email'><button>Tilaa</button></form></div>"
           f"<p>{FORUM_NOTE}</p></div>")
    article = clean(page(prose() + box), "https://news.example/story")
    assert article.text.split("\n\n") == [*PARAGRAPHS, re.sub("<[^>]*>", "", FORUM_NOTE)]
    assert ("newsletter", "sign-up-box") in {(r.kind, r.rule) for r in article.removed}


def test_a_sign_up_box_with_its_privacy_note_goes_whole_mid_story() -> None:
    """The box a news site sets between a story's paragraphs: its heading, its pitch,
    the form and a privacy note under it. The note is a boilerplate line of its own, no
    second paragraph of story: the box goes whole, heading too."""
    box = ("<div><h3>Get our morning briefing</h3><p>The biggest local stories in your "
           "inbox every morning, free.</p><form><input type='email'><button>Subscribe"
           "</button></form><p><small>By signing up you agree to our privacy policy.</small>"
           "</p></div>")
    article = clean(page(prose(PARAGRAPHS[:2]) + box + prose(PARAGRAPHS[2:])),
                    "https://news.example/story")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert ("newsletter", "sign-up-box") in {(r.kind, r.rule) for r in article.removed}


def test_a_comment_form_goes_with_its_heading_and_notice_in_any_language() -> None:
    """WordPress's reply box in a locale no phrase list holds (Norwegian), class names
    gone: its heading and notice go with the form."""
    box = ("<div><h3>Legg igjen en kommentar</h3><p>Din e-postadresse vil ikke bli "
           "publisert. Obligatoriske felt er merket med *</p><form><textarea></textarea>"
           "<input type=email><input type=submit value='Publiser kommentar'></form></div>")
    article = clean(page(prose() + box), "https://news.example/story")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert ("comments", "comment-form-box") in {(r.kind, r.rule) for r in article.removed}


def test_a_short_story_holding_a_sign_up_form_stays() -> None:
    """A brief of two short paragraphs with a newsletter form in its body, beside a
    sidebar that outweighs it: the climb from the form stops at the story (its
    headline, its paragraphs)."""
    brief = ["The harbour will reopen to small boats on Monday, the council said.",
             "Crews must register with the port office first. Fees are unchanged."]
    html = ("<html><body><main><article><h1>Harbour reopens</h1><div>" + prose(brief)
            + "<form><input type=email><button>Sign up</button></form></div></article>"
            "<aside>" + "".join(f"<p>Sidebar note {n} on what else is on in town this week, "
                                f"with words enough to weigh on the page.</p>" for n in range(6))
            + "</aside></main></body></html>")
    article = clean(html, "https://news.example/story")
    assert all(line in article.text for line in brief)
    assert "sign-up-box" not in {r.rule for r in article.removed}


def test_a_round_up_of_linked_picks_shown_by_videos_keeps_its_headings() -> None:
    """Each pick a linked heading over a video (no block of its own): a heading over the
    next of its own rank is the story's list, not a teaser between sections."""
    picks = ["Blue Harbour Smokehouse", "The Pier Cafe", "Anchor and Oar"]
    content = prose(PARAGRAPHS[:2]) + "".join(
        f"<h3>{n}. <a href='https://picks.example/{n}'>{pick}</a></h3>"
        f"<iframe src='https://www.youtube.com/embed/{n}'></iframe>"
        for n, pick in enumerate(picks, 1)) + prose(PARAGRAPHS[2:])
    text = clean(page(content), "https://news.example/story").text
    assert text.split("\n\n") == [*PARAGRAPHS[:2],
                                   *(f"{n}. {pick}" for n, pick in enumerate(picks, 1)),
                                   *PARAGRAPHS[2:]]


@pytest.mark.parametrize("body", [
    # a brief whose body is a subheading, two lines and an alerts form
    "<div><h3>Reopening on Monday</h3><div>The harbour will reopen to small boats on Monday."
    "<br>Crews must register with the port office first.</div>"
    "<form><input type=email><button>Get harbour alerts</button></form></div>",
    # a section of a story: its heading, a paragraph of substance, a response form
    f"{prose(PARAGRAPHS[:2])}<section><h2>How to respond</h2><p>The consultation runs until "
    "30 June. Residents can respond online, by post to the town hall, or in person at the "
    "library on Saturdays.</p><form><textarea></textarea><input type=email>"
    "<button>Submit</button></form></section>",
], ids=["brief", "section"])
def test_a_form_inside_the_story_takes_no_story_with_it(body: str) -> None:
    html = f"<html><body><article><h1>Harbour brief</h1>{body}</article></body></html>"
    article = clean(html, "https://news.example/story")
    assert not {"sign-up-box", "comment-form-box"} & {r.rule for r in article.removed}
    assert ("Reopening on Monday" in article.text) or ("How to respond" in article.text)


def test_the_last_pick_of_a_round_up_group_keeps_its_heading() -> None:
    """Picks grouped under <h2> categories, each a linked <h3> over a picture: the last
    of a group stands right over the next category, and is a pick all the same."""
    groups = {"Breakfast": ["Blue Harbour Smokehouse", "The Pier Cafe"],
              "Dinner": ["Anchor and Oar", "Saltwater Bakery"]}
    content = prose(PARAGRAPHS[:2]) + "".join(
        f"<h2>{group}</h2>" + "".join(f"<h3><a href='https://picks.example/{n}'>{pick}</a></h3>"
                                      f"<figure><img src='/{n}.jpg'></figure>"
                                      for n, pick in enumerate(picks))
        for group, picks in groups.items()) + prose(PARAGRAPHS[2:])
    text = clean(page(content), "https://news.example/story").text
    assert all(pick in text for picks in groups.values() for pick in picks)


BIO = ("Ana Ruiz is a reporter who has covered the harbour, the council and the fishing "
       "fleet for the Daily since 2019.")


@pytest.mark.parametrize("last", [
    f"<div><img src='/ana.jpg'><h4>Ana Ruiz</h4><p>{BIO}</p></div>",
    f"<div><p>{BIO.replace('Ana Ruiz is', 'Ana Ruiz, 41, is')}</p></div>"], ids=["box", "line"])
def test_a_paragraph_about_the_author_ends_no_article(last: str) -> None:
    """The author box under the story, without a class to name it: a paragraph in a box
    of its own that opens with the byline's name as its subject ends the article, and
    goes (with the name set as its heading)."""
    html = ("<html><head><meta name='author' content='Ana Ruiz'></head><body><article>"
            f"<h1>Harbour reopens</h1>{prose()}{last}</article></body></html>")
    article = clean(html, "https://news.example/story")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert ("author-bio", "author-bio-line") in {(r.kind, r.rule) for r in article.removed}


@pytest.mark.parametrize(("story", "line"), [
    (prose(), "<div><p>Associated Press Writer Ana Ruiz contributed to this report.</p></div>"),
    (prose(), "<p>Associated Press has reached out to the port authority for comment.</p>"),
    (prose(), "<p>Ana Ruiz says she will be first out on Monday.</p>"),
    ("".join(f"<div><p>{p}</p></div>" for p in PARAGRAPHS),
     "<div><p>Associated Press could not verify the footage independently.</p></div>"),
], ids=["credit", "wire", "story", "boxed-paragraphs"])
def test_the_author_named_in_the_story_stays(story: str, line: str) -> None:
    """A wire story's credit runs on past the name; the story's own last line about a
    namesake, or its wire service's, stands among its paragraphs; where each paragraph
    has a box of its own, the layout tells no author's box apart."""
    html = ("<html><head><meta name='author' content='Associated Press'>"
            "<meta name='author' content='Ana Ruiz'></head><body><article>"
            f"<h1>Harbour reopens</h1>{story}{line}</article></body></html>")
    text = clean(html, "https://news.example/story").text
    assert text.split("\n\n") == [*PARAGRAPHS, re.sub("<[^>]*>", "", line)]


def test_title_heading_is_not_article_text() -> None:
    article = clean(page(prose(), title="Zelensky ready to hand over soldiers"))
    assert "Zelensky ready" not in article.text
    assert article.title == "Zelensky ready to hand over soldiers"


def test_a_heading_left_at_the_end_is_a_widget_title_whatever_its_language() -> None:
    """A widget's list goes by its links; its heading, in a language no phrase list
    holds, is left heading nothing at the article's end, and goes too."""
    teasers = "".join(f"<li><a href='/s/{n}'>Toinen juttu numero {n} satamasta</a></li>"
                      for n in range(4))
    content = f"{prose()}<h3>Kaverit lukivat myös</h3><ul>{teasers}</ul>"
    article = clean(page(content), "https://news.example/story")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert any(r.rule == "orphan-heading" and r.excerpt == "Kaverit lukivat myös"
               for r in article.removed)


def test_a_heading_inside_the_article_or_ending_as_a_sentence_stays() -> None:
    content = (f"<p>{PARAGRAPHS[0]}</p><h2>What was said</h2>{prose(PARAGRAPHS[1:])}"
               "<h4>So for now, the council will meet in the old library!</h4>")
    text = clean(page(content), "https://news.example/story").text
    assert "What was said" in text
    assert text.endswith("So for now, the council will meet in the old library!")


def test_markdown_shows_markup_in_the_text_as_text() -> None:
    shown = ("<p>The payload &lt;script&gt;alert(1)&lt;/script&gt; and [a link](javascript:x) "
             "were on her slides, she said, along with many other examples of attacks.</p>")
    article = clean(page(prose(PARAGRAPHS[:2]) + shown))
    assert "<script>alert(1)</script>" in article.text
    assert "<script>" not in article.markdown
    assert "\\<script\\>" in article.markdown
    assert "\\[a link\\](javascript:x)" in article.markdown


@pytest.mark.parametrize("line", [
    "Nov. 20, 2019, 9:28 AM UTC", "sexta-feira, 22 de outubro de 2010 às 20:13",
    "Chris Davies - Nov 19, 2019, 10:31 pm CST", "1 of 6", "jane.doe@news.example",
    "twitter.com/janedoe", "Image 1 of 8", "Image 1 of / 23", "Slide 2 / 10", "3K Shares",
    "1,204 likes", "Published 3:41 PM EST Nov 26, 2018",
    "Posted at 10/24/12 9:05 AM | Updated as of 10/24/12 9:05 AM",
])
def test_datelines_counters_and_contacts_go(line: str) -> None:
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<p>{line}</p>" + prose(PARAGRAPHS[3:])))
    assert article.text.split("\n\n") == PARAGRAPHS


def test_headings_of_a_quotation_ending_the_story_are_kept() -> None:
    """A blockquote set as headings (a call to readers) is the quoted text, however
    short its lines: no widget's title stands in a quotation."""
    quote = ("<blockquote><h2>The poster contest for children</h2>"
             "<h4>Draw a poster: keep our waters clean<br>Send it by April 3</h4></blockquote>")
    article = clean(page(prose() + quote))
    assert article.text.split("\n\n")[-3:] == [
        "The poster contest for children", "Draw a poster: keep our waters clean",
        "Send it by April 3"]


def test_a_story_printed_for_readers_without_javascript_is_read() -> None:
    """Blogger's dynamic templates put each post in a script template and again in a
    <noscript>; a crawler reads the page as a browser without JavaScript shows it."""
    story = prose()
    html = page(f'<script type="text/template">{story}</script><noscript>{story}</noscript>')
    assert clean(html).text.split("\n\n") == PARAGRAPHS


def test_a_noscript_note_or_pixel_is_not_read() -> None:
    note = ('<noscript><p>Please enable JavaScript to view the comments powered by the '
            'comment service.</p><img src="/pixel.gif"></noscript>')
    article = clean(page(prose(PARAGRAPHS[:3]) + note + prose(PARAGRAPHS[3:])))
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_story_whose_locked_paragraphs_are_named_for_the_paywall_is_kept() -> None:
    """Some sites print the whole story and name its locked paragraphs for the paywall
    (``<p class="text regwalled">``); the prompt box beside them still goes."""
    locked = "".join(f'<p class="text regwalled">{p}</p>' for p in PARAGRAPHS[2:])
    prompt = ('<div class="paywall-prompt"><p>Continue reading for free</p>'
              "<p>Already a subscriber? Sign in</p></div>")
    article = clean(page(prose(PARAGRAPHS[:2]) + locked + prompt))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert ("paywall", "paywall") in {(r.kind, r.rule) for r in article.removed}


def test_a_paywall_box_goes_where_no_story_is_locked() -> None:
    prompt = ('<div class="paywall"><p>You have read all of your free articles this month. '
              "Subscribe today for unlimited access to our journalism.</p></div>")
    article = clean(page(prose() + prompt))
    assert article.text.split("\n\n") == PARAGRAPHS


BENEFITS = [
    "Read every article on our site, on every device, wherever you are in the region",
    "Our editorial newsletter with the most important news from the region every morning",
    "Quality journalism from 150 editors and 1,500 freelance journalists. Rooted in the region.",
    "The e-paper and our news app included, and you can cancel at any time after three months",
]


ABOUT_US_RAIL = ('<div class="rail"><h3>About us</h3>' + prose([
    "The Harbour Gazette has covered the town's council, courts, schools and port since "
    "1889, and is owned by a trust that keeps it independent of any party or company.",
    "Our newsroom of nine reporters and editors works from the old customs house on the "
    "quay, and welcomes letters, tips and corrections from readers at any time."]) + "</div>")
"""A rail whose blurb holds more prose than a short story beside it."""
SIGN_UP = ('<form action="/register"><label>E-mail: <input type="email" name="email"></label>'
           "<button>Continue</button></form>")


def test_a_paywall_offer_that_outweighs_the_free_paragraphs_goes() -> None:
    """A story's free part named for what it is not (``non-paywall``) is no paywall box,
    and the offer beside it, a sign-up form under its benefits, goes though it holds
    more of the page's text than a widget's name otherwise removes (``rules.WEAK``)."""
    free = f'<section class="row non-paywall"><article>{prose(PARAGRAPHS[:3])}</article></section>'
    offer = "".join(f"<li>{benefit}</li>" for benefit in BENEFITS)
    box = (f'<section class="row paywall"><div class="offer"><p>You can read on in a moment!</p>'
           f"<ul>{offer}</ul>{SIGN_UP}</div></section>")
    article = clean(page(free + box))
    assert article.text.split("\n\n") == PARAGRAPHS[:3]
    assert ("paywall", "paywall") in {(r.kind, r.rule) for r in article.removed}


@pytest.mark.parametrize("name", ["story isPaywall", "article paywall-active"])
def test_a_short_teaser_named_for_its_paywall_stays_beside_a_longer_rail(name: str) -> None:
    """Without a form, a paywall's name removes no more than a widget's (``rules.WEAK``):
    the free teaser of a locked story is named so, and a rail's blurb can outweigh it."""
    teaser = f'<div class="{name}">{prose(PARAGRAPHS[:2])}</div>'
    article = clean(page(teaser, ABOUT_US_RAIL))
    assert article.text.split("\n\n")[:2] == PARAGRAPHS[:2]


@pytest.mark.parametrize("name", ["ad-non-personalized", "non-amp-related-posts"])
def test_a_box_named_beside_a_negated_word_is_still_named(name: str) -> None:
    """A class name's negation takes the word it negates (``non-paywall`` names no
    paywall), not the box's own word: an ad's or a related-posts box stays one."""
    box = (f'<div class="{name}"><p>Local reporting like this is paid for by our readers. '
           '<a href="/offers">See the offers</a></p></div>')
    article = clean(page(prose(PARAGRAPHS[:3]) + box + prose(PARAGRAPHS[3:])))
    assert article.text.split("\n\n") == PARAGRAPHS


def test_a_short_paywalled_story_with_its_comment_form_stays() -> None:
    """A comment form's fields are no offer's: the paywall's name on a short story with
    its comments removes no more than a widget's name."""
    comments = ('<div id="respond"><h3>Leave a comment</h3><form action="/c">'
                '<input type="email" name="email"><textarea name="comment"></textarea>'
                "<button>Post</button></form></div>")
    story = f'<div class="post meter-article">{prose(PARAGRAPHS[:2])}{comments}</div>'
    article = clean(page(story, ABOUT_US_RAIL))
    assert article.text.split("\n\n")[:2] == PARAGRAPHS[:2]


def test_a_story_named_for_its_paywall_state_is_kept() -> None:
    """The element of a paywalled story can be named for it (``isPaywall``): it holds
    the story's free paragraphs, and is no box to remove, however short they are."""
    teaser = f'<div id="article" class="story isPaywall">{prose(PARAGRAPHS[:2])}</div>'
    others = "".join(f'<li><a href="/story-{n}">Another story of the day, number {n}</a></li>'
                     for n in range(8))
    about = ("<p>This site is written by a team of local reporters and editors who have "
             "covered the region's councils, courts and schools since the paper began.</p>")
    article = clean(page(teaser, f"<aside>{about}<ul>{others}</ul></aside>"))
    assert article.text.split("\n\n") == PARAGRAPHS[:2]
    assert not any(r.kind == "paywall" for r in article.removed)


def test_the_updates_of_a_live_blog_are_the_story() -> None:
    """Each update of a live story has its time and a link, like a comment; schema.org's
    liveBlogUpdate says it is the story."""
    updates = "".join(
        f'<li><div itemprop="liveBlogUpdate"><span>21:0{n} (IST)</span>'
        f"<p>{p} Stay with <a href='/live'>our live coverage</a> for more.</p></div></li>"
        for n, p in enumerate(PARAGRAPHS))
    article = clean(page(f'<ul itemscope itemtype="https://schema.org/LiveBlogPosting">'
                         f"{updates}</ul>"))
    assert all(p in article.text for p in PARAGRAPHS)
    assert not any(r.kind == "thread" for r in article.removed)


def test_a_quoted_posts_credit_line_stays() -> None:
    credit = "— Jane Doe (@janedoe) November 18, 2019"
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<p>{credit}</p>" + prose(PARAGRAPHS[3:])))
    assert credit in article.text


@pytest.mark.parametrize("line", [
    "By Monday, the Senate had voted on the measure.",
    "Published in 1998, the book sold millions.",
    "Subscribers to the theory were few.",
    "Follow-up talks are planned for March.",
    "Update your browser today, security researchers urged after the flaw was found.",
    "Mail for Exchange was upgraded from 2.9.158 to 2.9.176.",
    "Continue reading to learn why the storm hit the coast so hard.",
    "Join our newsletter debate, the editor told the staff on Monday.",
])
def test_prose_that_starts_like_boilerplate_stays(line: str) -> None:
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<p>{line}</p>" + prose(PARAGRAPHS[3:])))
    assert line in article.text.split("\n\n")


def test_a_sentence_starting_with_via_is_not_a_source_footer() -> None:
    line = '<p>Via <a href="https://maps.example/appia">Appia</a> was the first Roman road.</p>'
    article = clean(page(prose(PARAGRAPHS[:3]) + line + prose(PARAGRAPHS[3:])))
    assert "Via Appia was the first Roman road." in article.text
    assert article.source_url is None


def test_text_outside_any_container_is_still_found() -> None:
    html = ("<html><body>" + "".join(f"{p}<br><br>" for p in PARAGRAPHS)
            + "</body></html>")
    article = clean(html)
    assert article.text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("classed", [True, False])
def test_a_click_to_tweet_quote_is_the_article_s_sentence(classed: bool) -> None:
    """Social Warfare's box links a sentence of the story to a tweet form: the sentence
    stays; its "Click To Tweet" button goes where its class names it."""
    quote = "Small steps, taken every week, build a business that lasts for decades."
    box = ("<a href='https://twitter.com/intent/tweet?text=Small+steps'>"
           f"<span class='sw-click-to-tweet'><span class='sw-ctt-text'>{quote}</span>"
           "<span class='sw-ctt-btn'>Click To Tweet</span></span></a>")
    html = page(prose(PARAGRAPHS[:3]) + box + prose(PARAGRAPHS[3:]))
    if not classed:
        html = re.sub(r" class='[^']*'", "", html)
    text = clean(html, "https://blog.example/post").text
    assert quote in text
    assert text.index(PARAGRAPHS[2]) < text.index(quote) < text.index(PARAGRAPHS[3])
    if classed:
        assert "Click To Tweet" not in text


def test_a_share_bar_without_class_names_goes_with_its_counter() -> None:
    """The same tweet form behind a share bar's "Twitter" is a link, not a sentence of
    the story; "3K Shares" is the bar's counter."""
    bar = ("<ul><li><a href='https://twitter.com/intent/tweet?url=x'>Twitter</a></li>"
           "<li><a href='https://www.facebook.com/sharer.php?u=x'>Facebook</a></li></ul>"
           "<div><span>3K <span>Shares</span></span></div>")
    text = clean(page(bar + prose() + bar), "https://blog.example/post").text
    assert text.split("\n\n") == PARAGRAPHS


def test_a_source_line_inside_a_dateline_gives_the_source() -> None:
    """ "May 4, 2016 <small>This story originally appeared on <a>Reuters</a></small>":
    the publisher's link is the source, and neither line is article text."""
    dateline = ("<div><time>May 4, 2016</time> <small>This story originally appeared on "
                "<a href='https://www.reuters.com/article/robots'>Reuters</a></small></div>")
    article = clean(page(dateline + prose()), "https://www.entrepreneur.com/article/1")
    assert article.source_url == "https://www.reuters.com/article/robots"
    assert article.text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("classed", [True, False])
def test_sections_linking_only_from_their_sentences_are_the_story(classed: bool) -> None:
    """A listicle's sections have the shape of a thread's posts, each with a link; but a
    post has a link of its own (an author, a title), and a section links only from its
    sentences. Teasers with linked titles after the story still go."""
    sections = "".join(
        f"<div class='news-article'><h2>Reason number {n}</h2><figure><img src='/{n}.jpg'>"
        f"</figure><div class='columns'><p><span>{p} </span><a href='https://source.example/{n}'>"
        f"<span>The study</span></a><span> says so.</span></p></div></div>"
        for n, p in enumerate(PARAGRAPHS))
    teasers = "".join(
        f"<div class='card'><h3><a href='/story/{n}'>Another story number {n}</a></h3>"
        f"<p>A short excerpt of another story, number {n}, to draw readers in.</p></div>"
        for n in range(4))
    html = f"<html><body><main><article>{sections}</article><section>{teasers}</section>" \
           "</main></body></html>"
    if not classed:
        html = re.sub(r" class='[^']*'", "", html)
    text = clean(html, "https://news.example/listicle").text
    for n, p in enumerate(PARAGRAPHS):
        assert f"Reason number {n}" in text and f"{p} The study says so." in text
    assert "Another story" not in text


def test_the_pages_of_a_story_shown_one_at_a_time_are_read() -> None:
    """A gallery or listicle paged by script hides every page but the first
    (``display: none``): a reader pages through them all. A hidden form or menu is
    still not read."""
    pages_ = "".join(f"<div style='display: none'>{prose(PARAGRAPHS[n:n + 2])}</div>"
                     for n in (2, 4))
    signup = ("<div style='display:none'><form><p>Sign up to our newsletter: every story of "
              "the week in your inbox, every Friday, free of charge and free of ads, forever."
              "</p><input name='email'></form></div>")
    consent = ("<div class='consent' style='display:none'><p>We and our partners store and "
               "access information on your device, such as cookies, and process personal "
               "data for personalised ads and content, and for measuring audiences.</p>"
               "<p>You may click to consent to our processing as described above, or to "
               "access more detailed information about it.</p></div>")
    html = page(f"<div>{prose(PARAGRAPHS[:2])}</div>{pages_}{signup}", around=consent)
    text = clean(html, "https://news.example/gallery").text
    assert text.split("\n\n") == PARAGRAPHS


def test_soft_hyphens_and_zero_width_spaces_leave_words_whole() -> None:
    """A browser shows neither; in the stored text they would hide a word from search."""
    html = page(prose(PARAGRAPHS[:2]) + "<p>Der St. Mag\u00adda\u00adle\u00adner ist ein "
                "Rot\u00adwein aus Bozen, seit\u200bjeher be\ufeffliebt und viel getrunken.</p>")
    text = clean(html).text
    assert "Der St. Magdalener ist ein Rotwein aus Bozen, seitjeher beliebt" in text


def test_icon_font_glyphs_are_no_text() -> None:
    """An icon font's stars and arrows are private-use characters: a rating's row of them
    is no line of the article, and one beside a word is not part of it."""
    stars = "<p>\ue838 \ue838 \ue838 \ue838 \ue839</p>"
    html = page(prose(PARAGRAPHS[:3]) + stars + f"<p>\uf061 {PARAGRAPHS[3]}</p>"
                + prose(PARAGRAPHS[4:]))
    assert clean(html).text.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("header", ["<header>", "<div class='article__header'>"])
def test_a_story_s_own_header_holding_its_text_is_kept(header: str) -> None:
    """A block of a story set beside its photo puts its text in the <article>'s
    header: the title and byline go by their own rules, the text stays. A page's
    header, outside the article, goes, and so does a header holding only a dek."""
    told = ["Storm Ciarán brought record gusts to the coast overnight, and the clean-up in "
            "the harbour towns will take the rest of the week, the council said.",
            "Crews worked through the night to clear the quay, where two fishing boats broke "
            "their moorings and a crane toppled onto the road by the ferry terminal.",
            "The ferry to the islands stays in port until the swell drops, and the school "
            "bus runs on the inland road until the coast road is cleared of debris."]
    end = "</header>" if header == "<header>" else "</div>"
    page_header = ("<header><a href='/'>The Paper</a><p>Independent news from the coast since "
                   "1901, every day of the year, in print and online.</p></header>")

    def page(header_text: list[str]) -> str:
        return ("<html><head><title>Storm hits the coast</title></head><body>"
                f"{page_header}<main><article>{header}<h1>Storm hits the coast</h1>"
                f"<p class='byline'>By Jane Doe</p>{prose(header_text)}{end}{prose()}"
                "</article></main></body></html>")

    url = "https://news.example/storm"
    assert clean(page(told), url).text.split("\n\n") == [*told, *PARAGRAPHS]
    assert clean(page(told[:1]), url).text.split("\n\n") == PARAGRAPHS


def test_text_only_a_screen_reader_reads_is_not_the_article() -> None:
    """Themes label a page for screen readers ("Main content", "Loading..." under a
    spinner, "(link is external)" after a link): a reader never sees it."""
    html = ("<html><body><h2 class='text-hide'>Hauptinhalt</h2><article>"
            "<div class='spinner'><span class='sr-only'>Loading...</span></div>"
            f"<p>{PARAGRAPHS[0][:-1]} <a href='https://ext.example/'>report<span "
            "class='element-invisible'> (link is external)</span></a> today.</p>"
            f"{prose(PARAGRAPHS[1:])}</article></body></html>")
    article = clean(html, "https://news.example/storm")
    assert article.text.split("\n\n") == [f"{PARAGRAPHS[0][:-1]} report today.",
                                          *PARAGRAPHS[1:]]
    assert [r.rule for r in article.removed].count("screen-reader-only") == 3


def test_a_thread_s_posts_named_comment_go_but_an_opinion_named_so_stays() -> None:
    """``<div class="comment">`` is one reader's post after the story; an opinion
    section that names its whole article "comment" keeps it."""
    posts = "".join(f"<div class='comment'><div class='comment_header'>Reader {n} writes "
                    f"11/07/12</div><p>What a lovely day it was at the harbour, reader {n} "
                    "says, and the boats looked wonderful.</p></div>" for n in range(4))
    html = (f"<html><body><div class='blog'><div class='post'>{prose()}</div>{posts}</div>"
            "</body></html>")
    article = clean(html, "https://news.example/storm")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert [r.rule for r in article.removed].count("comment-post") == 4
    opinion = f"<html><body><div class='comment'>{prose()}</div></body></html>"
    assert clean(opinion, "https://news.example/opinion").text.split("\n\n") == PARAGRAPHS


def test_code_is_read_as_it_is() -> None:
    """A highlighter's span classes are words of the language (``comment``, ``tag``):
    no rule removes them from a code block."""
    code = ("<pre><code><span class='token keyword'>import</span> re "
            "<span class='comment'># the standard library</span>\n"
            "<span class='token tag'>&lt;div&gt;</span></code></pre>")
    html = f"<html><body><article>{prose(PARAGRAPHS[:3])}{code}{prose(PARAGRAPHS[3:])}"
    text = clean(html + "</article></body></html>", "https://news.example/code").text
    assert "import re # the standard library" in text and "<div>" in text


@pytest.mark.parametrize("box", ["author-bio", "author-box", "author_info"])
def test_an_author_box_named_author_something_goes(box: str) -> None:
    """``author-paul`` on a post names its author; ``author-bio`` names the theme's box
    about the author, which goes."""
    bio = ("Jane Doe has covered the coast for the paper since 2009 and writes about "
           "harbours, ferries and the people who work on them.")
    html = (f"<html><body><article class='post-7 post type-post hentry author-jane'>{prose()}"
            f"<div class='{box}'><p>{bio}</p></div></article></body></html>")
    article = clean(html, "https://news.example/storm")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert [r.rule for r in article.removed] == ["author-bio"]


def test_an_author_box_longer_than_a_short_post_goes() -> None:
    """A plugin's author box under a two-paragraph post can hold more text than the
    post: its name (``authorsure-author-box``) says what it is, whatever its share."""
    bio = ("Jane Doe founded this blog after years of reading tech news that ignored the "
           "country she lives in, and she has written about phones, games and the people "
           "who make them ever since, from a small office by the sea. ") * 3
    html = (f"<html><body><article class='post'>{prose(PARAGRAPHS[:2])}"
            f"<div class='authorsure-author-box'><h3>About</h3><p>{bio}</p></div>"
            "</article></body></html>")
    article = clean(html, "https://news.example/storm")
    assert "Jane Doe" not in article.text
    assert article.text.split("\n\n") == PARAGRAPHS[:2]
    assert "author-bio" in [r.rule for r in article.removed]


@pytest.mark.parametrize(("component", "rule_name"), [
    ("ps-promo", "ad-slot"), ("share-bar", "share-bar"), ("related-articles", "related-plugin"),
    ("newsletter-signup", "newsletter-box"),
])
def test_a_web_component_goes_by_its_name(component: str, rule_name: str) -> None:
    """A custom element is named by its author as a class is (LA Times' <ps-promo>, a
    teaser card inside the story), and its name survives where class names do not."""
    box = (f"<{component}><div><a href='/elsewhere'>Another page of the site</a></div>"
           "<div>A line of the box's own, which reads like the opening of a story.</div>"
           f"</{component}>")
    article = clean(page(prose(PARAGRAPHS[:3]) + f"<div>{box}</div>" + prose(PARAGRAPHS[3:])))
    assert article.text.split("\n\n") == PARAGRAPHS
    assert rule_name in [r.rule for r in article.removed]


@pytest.mark.parametrize("component", ["read-more", "article-tools"])
def test_a_web_component_holding_most_of_the_story_stays(component: str) -> None:
    """A generic word in a web component's name no more removes the story's wrapper than
    it does in a class name, however much short text the rest of the page holds."""
    notices = "".join(f"<div>Harbour notice number {n} for the town</div>" for n in range(40))
    html = (f"<html><body><article><h1>Storm</h1>{prose(PARAGRAPHS[:2])}<{component}>"
            f"{prose(PARAGRAPHS[2:])}</{component}></article><div>{notices}</div></body></html>")
    text = clean(html, "https://news.example/storm").text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_an_embedded_post_s_class_outweighs_its_tag() -> None:
    """A saved page's <twitter-widget class="twitter-tweet">: the quoted post is the
    story's, as the class says, though "widget" in its tag names a box."""
    tweet = ('<twitter-widget class="twitter-tweet twitter-tweet-rendered"><p>The harbour '
             "reopened today after the storm, the mayor wrote this morning.</p></twitter-widget>")
    article = clean(page(prose(PARAGRAPHS[:3]) + tweet + prose(PARAGRAPHS[3:])))
    assert "the mayor wrote this morning" in article.text


def test_a_post_tagged_like_a_widget_is_still_the_post() -> None:
    """WordPress puts a post's tags and categories on its element: "tag-trending" and
    "category-newsletter" there name the post's topics, not widgets."""
    html = ("<html><body><article class='post-7 post type-post hentry tag-trending "
            f"category-newsletter'>{prose()}</article></body></html>")
    text = clean(html, "https://news.example/storm").text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_a_layout_flag_naming_a_widget_keeps_the_article() -> None:
    """``no-related-posts`` says the page shows none: a flag, not the related box."""
    about = ("<div class='about-box'><p>We are a small newsroom on the coast, funded by our "
             "readers, with five reporters and a photographer since 1998.</p></div>")
    html = ("<html><body><div id='page'><header><a href='/'>The Paper</a></header>"
            f"<div class='content-area no-related-posts'><article>{prose()}</article></div>"
            f"{about * 3}</div></body></html>")
    text = clean(html, "https://news.example/storm").text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_an_opinion_section_s_theme_class_removes_none_of_its_piece() -> None:
    """Papers mark their opinion pieces ``theme-comment``: the section, not a thread."""
    html = ("<html><body><article><p class='standfirst theme-comment'>The harbour deserves "
            "better than a council that waits for the next storm to act on it.</p>"
            f"<div class='body-text theme-comment'>{prose()}</div></article></body></html>")
    text = clean(html, "https://news.example/opinion").text
    assert text.startswith("The harbour deserves better") and PARAGRAPHS[-1] in text


def test_what_a_page_offers_to_print_is_content_its_print_button_is_not() -> None:
    """A recipe in ``print-this-content`` (the Print This Section plugin) is the
    post's; the "Print This" button before it is a share bar's."""
    recipe = ("<p>Ingredients</p><ul><li>2 tablespoons of olive oil from the coast</li>"
              "<li>1 pound of Italian sausage meat, taken out of the casings</li></ul>")
    html = ("<html><body><article>"
            f"{prose()}<div class='print-this-button-shell'><button>Print This</button>"
            f"<a class='print-link' href='?print=1'>Print this page</a></div>"
            f"<div class='print-this-content'>{recipe}</div></article></body></html>")
    text = clean(html, "https://news.example/recipe").text
    assert "Italian sausage meat" in text and PARAGRAPHS[0] in text
    assert "Print this page" not in text
    # only names of what is printed, whole: a print button's or an imprint's are not
    for content in ("print-this-content", "kb-tip-print-step", "printable"):
        assert structure_rule(content, None, None) is None, content
    for furniture in ("print-section-button", "footer-imprint-section", "social-printable"):
        assert structure_rule(furniture, None, None) is not None, furniture


def test_a_comment_count_box_beside_the_story_takes_none_of_it() -> None:
    """A "Comments (0)" box atop a column is no thread's heading for what follows it."""
    html = ("<html><body><div id='wrap'><div id='left'><div class='w'><h3>Comments</h3>"
            f"<span>(0)</span></div></div><div id='content'>{prose()}</div></div></body></html>")
    text = clean(html, "https://news.example/storm").text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_a_rating_widget_s_tally_goes_by_its_shape() -> None:
    """GD Star Rating prints its tally after the post's title, so no phrase can start
    it: "<title>, 5.0 out of 5 based on 2 ratings" goes by its shape."""
    tally = "<p>Harbour reopens after the storm, 5.0 out of 5 based on 2 ratings</p>"
    article = clean(page(prose() + tally), "https://blog.example/post")
    assert article.text.split("\n\n") == PARAGRAPHS
    assert ("share", "rating-tally") in {(b.kind, b.rule) for b in article.removed}
