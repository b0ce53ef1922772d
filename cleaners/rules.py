"""The boilerplate rules table: every selector, token, phrase and threshold the cleaner uses.

Rules are data. Code in ``markup.py``, ``phrases.py``, ``blocks.py`` and
``content.py`` applies them; it does not spell them as branches. Each rule has a
``name`` (what ``Article.removed`` and ``crawl explain`` show) and a ``kind`` (the
family of boilerplate). Three families
of evidence are kept apart so that a widget whose class names were stripped or
randomised is still caught:

* ``STRUCTURE_RULES``: class/id tokens, ARIA roles and semantic tags;
* ``TITLE_RULES`` / ``LINE_RULES`` / ``SOURCE_RULES``: what a block *says*, in
  English here and in the 22 other most used languages of the web from ``lexicon.py``;
* the shape thresholds at the end: link density, runs of short linked titles,
  forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

# --------------------------------------------------------------------------------------
# Elements that never hold article text: stripped before anything else, not recorded.
NON_CONTENT_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "link", "meta", "dialog", "map", "audio", "video", "source", "math",
)
NOSCRIPT_MIN_PROSE = 500
"""A <noscript> holding this much prose (paragraphs, as the fallback counts them) is the
story itself, printed for readers without JavaScript (Blogger's dynamic templates put
every post there, and in a script template), and is read as a browser without
JavaScript shows it; a tracking pixel or an "enable JavaScript" note holds none."""
# Form controls: stripped after the boilerplate pass, which reads them to tell a
# comment or sign-up form from a form that wraps the whole page.
FORM_CONTROL_TAGS = ("button", "select", "input", "textarea", "option", "label")
SCREEN_READER_ONLY = ("sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                      "screen-reader-only", "element-invisible", "text-hide", "assistive-text",
                      "u-visually-hidden", "hidden-visually")
"""The classes frameworks and themes (Bootstrap, WordPress, Drupal, HTML5 Boilerplate)
give text that only a screen reader reads: a "Main content" heading, a "Loading..."
under a spinner, "(link is external)" inside a sentence. A reader of the page never
sees it, so the article does not hold it."""
# Hidden by the page itself: a reader never sees them (the style is checked in code).
HIDDEN_SELECTOR = ", ".join(["[hidden], [aria-hidden=true], [style]",
                             *(f".{name}" for name in SCREEN_READER_ONLY)])


CODE_TAGS = frozenset({"pre", "code"})
"""Code is read as it is: a highlighter names its spans by the words of the language
(``<span class="comment">``, ``token tag``), not by the page's furniture, and no rule
looks inside it."""

LIVE_UPDATES = "[itemprop~=liveBlogUpdate]"
"""schema.org's mark on each update of a live blog (``LiveBlogPosting``): the updates
of a live story are its text, however much they look like a thread's posts."""

PAYWALL_FRAGMENTS = ("paywall", "piano-", "tp-modal", "regwall", "meter-", "subscriber-only",
                     "kiosq")
LOCKED = ", ".join(f'[class*="{f}"], [id*="{f}"]' for f in PAYWALL_FRAGMENTS)
OFFER_FIELDS = "input[type=email], input[type=password]"
OFFER_MAX_LINE_CHARS = 80
"""A subscription offer asks for an e-mail address or a password (a sign-up or a log-in)
and says the rest in items and short calls ("Already a subscriber? Log in", "Read on in
a moment!"); a block with a comment form (a <textarea>) or a paragraph longer than this
is no offer, whatever its name (a short paywalled story with its comment form)."""
LOCKED_STORY_MIN_PROSE = 500
STORY_HEADER_MIN_PROSE = 400
"""A story's own header (a <header>, or an element named for one, inside an <article>)
holds its title, byline and a one-line dek, which their own rules judge; one holding
this much prose (paragraphs, as the fallback counts them) holds the story's text too
(a section set beside its photo), and the page-chrome rule, which takes a page's
header, spares it. (At 100 characters it spared a theme's subtitle that repeats a
paragraph further down, and the story began with the copy.)"""
STORY_PAGE_TAGS = frozenset({"div", "section", "article"})
"""The elements a story paged by script is paged in."""
STORY_PAGE_MIN_PROSE = 200
"""A gallery or listicle paged by script shows its first page and hides the others
(``display: none``): a hidden element of ``STORY_PAGE_TAGS`` holding this much prose,
after a shown one like it that holds as much, is a page of the story."""
STORY_PAGE_CONTROLS = "form, input, select, textarea, button"
"""What a hidden dialog holds (a sign-up, a consent choice) and a page of a story does not."""
CAPTIONS = '[class*="caption" i], [id*="caption" i], figcaption'
PHOTO_STORY_MIN_CHARS = 200
"""A caption says what a photo shows; on a news page it is furniture. On a photo
story (a gallery, a slideshow's slide, a blog's picture post) the captions are the
story: where the page's captions (their unlinked text; a caption holding a heading is a
teaser's card) hold at least this much, and more than all its prose outside them, the
caption rule removes none of them."""
LOCKED_STORY_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "li"})
"""Paywall names mark the box that asks readers to subscribe, and on some sites the
story's own locked paragraphs too (``<p class="text regwalled">``, ``<div
class="article__body paywall-locker">``), printed whole in the page. Where the blocks
so named hold this much prose (paragraphs, as the fallback counts them), they are the
story: on that page the paywall's name removes no paragraph, heading or figure, nor a
wrapper holding that much prose; the box of prompts around its short lines still goes."""

WEAK = 0.4
STRONG = 0.8
"""Even a plugin's name on a block holding this share of the page's unlinked text
is on a wrapper (``<div id="page" class="cookie-bar-shown">``), not on the widget."""
ALWAYS = 1.01


@dataclass(frozen=True)
class StructureRule:
    """Match a block by its markup: tag, ARIA role, or class/id tokens.

    ``tokens`` match whole class/id words (split on spaces, ``-``, ``_`` and camel
    case);
    ``fragments`` match anywhere inside a class or id and so must be distinctive
    (plugin names). ``max_share`` is the largest share of the page's unlinked text
    a matched block may hold and still be removed: generic words (``sidebar``,
    ``post-meta``) are often on the wrapper of the whole article, so they get
    ``WEAK``; a plugin's name is trusted further (``STRONG``); a comment thread can
    outweigh the article it follows and never wraps it (``ALWAYS``). ``offer_share``
    replaces it for a block that reads as a subscription offer (``OFFER_FIELDS``), which
    can hold more text than the free teaser beside it. A rule that
    ``yields_to_locked_story`` removes none of the story's own blocks on a page whose
    blocks so named hold the story (``LOCKED_STORY_MIN_PROSE``); one that
    ``spares_story_header`` leaves a story's own header holding its text
    (``STORY_HEADER_MIN_PROSE``); one that ``spares_story_lead`` leaves the lead right
    under the story's headline (``cleaners.lead``), which newsrooms' systems name
    "teaser" as often as a box of other stories; one that ``yields_to_photo_story``
    removes nothing on a page whose captions tell the story (``PHOTO_STORY_MIN_CHARS``).
    """

    name: str
    kind: str
    tags: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    tokens: tuple[str, ...] = ()
    fragments: tuple[str, ...] = ()
    max_share: float = 0.4
    offer_share: float | None = None
    yields_to_locked_story: bool = False
    yields_to_photo_story: bool = False
    spares_story_header: bool = False
    spares_story_lead: bool = False


STRUCTURE_RULES: tuple[StructureRule, ...] = (
    # Plugin and vendor widgets: their names are unmistakable.
    StructureRule("related-plugin", "related", fragments=(
        "jp-relatedposts", "yarpp", "crp_related", "crp-list", "rp4wp", "related-posts",
        "relatedposts", "related_posts", "outbrain", "taboola", "zergnet", "revcontent",
        "mgid", "td-related", "tdb_single_related", "related-articles", "related_articles",
        "relatedarticles", "related-stories", "related-content", "more-stories",
        "read-more-links", "recommended", "you-may-like", "popular-posts", "most-popular",
        "mostpopular", "most-read", "trending",
    ), max_share=STRONG),
    StructureRule("comments-plugin", "comments", fragments=(
        "disqus", "wpdiscuz", "commentlist", "comment-list", "comment-respond", "comments-area",
        "comments-section", "comment-form", "commentform", "fb-comments", "vuukle", "coral-",
        "viafoura", "spot-im", "openweb",
    ), max_share=ALWAYS),
    StructureRule("comments-id", "comments", tokens=("respond", "comments", "reply-title"),
                  max_share=ALWAYS),
    # One post of a thread: weak, as an opinion section may name its article "comment".
    StructureRule("comment-post", "comments", tokens=("comment",)),
    StructureRule("share-plugin", "share", fragments=(
        "sharedaddy", "jp-sharing", "addtoany", "a2a_kit", "addthis", "ctt-btn",
        "shareaholic", "social-share", "share-buttons", "sharing-buttons", "sharethis",
        "ssba", "heateor", "essb_", "mashsb", "td-post-sharing", "shariff",
    ), max_share=STRONG),
    StructureRule("cookie-banner", "cookie", fragments=(
        "cookie", "gdpr", "consent", "onetrust", "cmp-", "cc-banner", "cc-window",
        # the placeholders of embeds awaiting consent: Embed Privacy, Borlabs, Complianz
        "embed-privacy-overlay", "brlbs-content-blocker", "cmplz-blocked-content-notice",
    ), max_share=STRONG),
    StructureRule("newsletter-box", "newsletter", fragments=(
        "newsletter", "subscribe", "signup", "sign-up", "mailchimp", "mc4wp", "optin",
        "sailthru",
    )),
    StructureRule("paywall", "paywall", fragments=PAYWALL_FRAGMENTS, offer_share=STRONG,
                  yields_to_locked_story=True),
    # STRONG: the box about the author can hold more text than a short post above it
    StructureRule("author-bio", "author-bio", fragments=(
        "author-bio", "authorbio", "about-author", "author-box", "authorbox", "author-info",
        "author-description", "author-card", "saboxplugin", "td-author", "author-details",
    ), max_share=STRONG),
    StructureRule("ad-slot", "ads", tokens=(
        "ad", "ads", "advert", "adv", "advertisement", "adsense", "adslot", "adunit",
        "dfp", "sponsored", "sponsor", "promo", "banner", "gpt",
    ), fragments=("ad-slot", "ad-container", "ad-wrapper", "adsbygoogle", "advertis")),
    StructureRule("breadcrumbs", "navigation", tokens=("crumbs", "crumb"),
                  fragments=("breadcrumb",)),
    StructureRule("tag-list", "tags", tokens=(
        "tags", "tag", "tagcloud", "categories", "category", "post-tags", "entry-tags",
        "taglist", "cat-links", "tags-links", "topics",
    )),
    StructureRule("share-bar", "share", tokens=(
        "share", "sharing", "social", "socials", "follow", "print", "email", "toolbar",
        "tools", "utility", "actions",
    )),
    StructureRule("related-widget", "related", tokens=(
        "related", "recirc", "more", "teaser", "teasers", "widget", "popular", "suggested",
    ), spares_story_lead=True),
    StructureRule("photo-caption", "meta", tags=("figcaption",),
                  tokens=("caption", "figcaption"), yields_to_photo_story=True),
    StructureRule("byline", "meta", tokens=(
        "byline", "dateline", "author", "date", "timestamp", "posted-on", "meta",
        "entry-meta", "post-meta", "credit", "credits", "postmetadata",
    )),
    StructureRule("popup", "popup", tokens=("modal", "popup", "overlay", "lightbox")),
    # a table of contents (Easy Table of Contents', TOC+'s, LuckyWP's, Rank Math's, Yoast's
    # block): links to the article's own headings. Not the word "toc" alone: sites name
    # the sections it links to by it (id="TOC_TITLE_2").
    StructureRule("table-of-contents", "navigation", fragments=(
        "ez-toc-container", "toc-container", "lwptoc", "rank-math-toc", "table-of-contents",
        "tableofcontents")),
    StructureRule("page-chrome", "navigation", tags=("nav", "header", "footer", "aside", "menu"),
                  roles=("navigation", "banner", "contentinfo", "complementary", "search",
                         "menu", "menubar"),
                  tokens=("nav", "navbar", "navigation", "menu", "header", "footer",
                          "sidebar", "masthead", "skip", "pagination", "pager"),
                  spares_story_header=True),
)
"""Checked in this order; the first rule that matches names the removal."""


IGNORED_CLASS_NAMES = re.compile(
    r"^(?:entry[-_])?(?:category|tag|author|format|status|type|post|postid|page|single"
    r"|archive|term|has|no|with|without|is|hentry)[-_]"
    r"|^(?:[a-z0-9]+[-_])?(?:has|no|with|without|is|enable|enabled|disable|disabled)[-_]"
)
"""Class names that describe the page, not a block: the taxonomy classes WordPress
(``category-news tag-ukraine author-paul``) and TypePad (``entry-category-news
entry-author-paul``) put on the article itself, and layout flags on wrappers
(``has-sidebar``), also behind a theme's prefix (``penci-enable-lightbox``: the post's
images open in a lightbox). Their words would otherwise match widget tokens; a plugin's
name (a rule's fragment) inside a taxonomy-shaped one (``TAXONOMY_CLASS_NAMES``) still
counts (``author-bio``, ``author-box``), except on the article itself
(``POST_CLASSES``), where "tag-trending" is a tag, not a widget."""
NEGATED_WORDS = re.compile(r"(?:^|[-_])no[nt][-_][a-z0-9]+", re.IGNORECASE)
"""A word a class name negates names nothing: ``non-paywall`` is the free part of a
paywalled page, which holds the story's open paragraphs; ``non-amp-related-posts`` is
still related posts, and ``ad-non-personalized`` an ad."""
TAXONOMY_CLASS_NAMES = re.compile(r"^(?:entry-)?(?:category|tag|author|term)-")
POST_CLASSES = re.compile(
    r"(?:^|\s)(?:hentry|(?:entry-)?type-post|status-publish|post-\d+)(?:\s|$)")
"""What marks the article's own element in WordPress and TypePad: its post classes, or
its id (``post-5899``)."""

ARTICLE_BODY_MARKERS = (
    "[itemprop=articleBody], [itemprop=articlebody], .post-body, .entry-content, "
    ".article-body, .story-body"
)
"""What marks the article's own text in the common themes and schema.org. A block
holding one is the article's wrapper, whatever generic word names it (Blogger puts
every post in ``<div class="widget Blog">``): only a rule trusted beyond ``WEAK``
(a plugin's name, a comment thread) may remove it."""

ARTICLE_WRAPPER_SHARE = 0.5
ARTICLE_WRAPPER_MIN_CHARS = 200
WRAPPER_TAGS = frozenset({"div", "section", "article", "td", "span"})
"""A wrapper holding more than half of the page's article-like text (paragraphs of
prose, at least ``ARTICLE_WRAPPER_MIN_CHARS`` of them on the page) is the article's,
whatever generic word (``WEAK``) names it: a photo story's slides in ``<div
class="caption">``, a post in ``<div class="print-this-content">``. Only a wrapper:
a paragraph named ``postmetadata`` is a line, and an ``<aside>`` is furniture by
HTML's own word, however much prose it holds."""

CONTENT_CLASS_NAMES = re.compile(
    r"embed|twitter-tweet|instagram-media|tiktok|pullquote|^(?:entry-)?more$"
    r"|(?:theme|tone|section|type|kind|category)-comment|--comment$"
    r"|(?:^|-)print-(?:this-)?(?:content|area|section|step)$|^printable$")
"""Class names of content inside an article: an embedded post quoted by the story
(``social-media-embed``, ``twitter-tweet``) is part of it, though its words
("social", "media") would otherwise name a share bar; Movable Type and TypePad put
the rest of a post, after its "continue reading" jump, in ``entry-more`` (older
templates: ``<div id="more">``). "more" on its own names that continuation; a box of
more stories says what it holds (``more-stories``, ``related``). An opinion section
marks its pieces ``theme-comment``, ``tone-comment``, ``article--comment``: the
section's name, not a reader's post. What a page offers to print is its content too
(``print-this-content``, a recipe's ``print-step``, ``printable``), though "print" on
its own names a share bar's button."""

# --------------------------------------------------------------------------------------
# Text rules. Patterns are case-insensitive and match a block's whole (short) text.

SHORT_TEXT = 200
"""Phrase rules judge blocks up to this many characters: a longer block is prose
that merely mentions the phrase."""
AUTHOR_BIO_MAX_CHARS = 400
"""A paragraph ending the article that opens with the author's name is the author box's
up to this long; a longer one is the story's own last word."""
FORM_BOX_MAX_CHARS = 400
"""A box around a comment form, or a form that asks for an e-mail address, is the
form's own as far out as it holds a heading and no more text than this: the heading, a
notice or a pitch, the form's labels and its consent line."""
FORM_BOX_MAX_LINK_CHARS = 40
"""...and no more linked text than this: a link to the privacy policy..."""
FORM_BOX_MAX_PITCH_CHARS = 120
"""...and besides the form at most one paragraph, this long: WordPress's "Your email
address will not be published. Required fields are marked *", a newsletter's pitch."""
NOTICE_MAX_CHARS = 400
"""Except a notice a site prints whole under every article (a comment policy, a
cookie banner, a reprint or copyright notice): its rule judges blocks up to this long."""


@dataclass(frozen=True)
class PhraseRule:
    """A block recognised by what it says.

    ``TITLE_RULES`` match a widget's title ("Related Posts"): the widget it heads
    is removed with it. ``LINE_RULES`` match one boilerplate line wherever it is.
    A heading that ``heads_thread`` ("24 Comments") takes with it everything after
    it up to the next heading of its level, read or not: a thread printed without a
    wrapper is prose, and its posts read like the article's paragraphs. A rule for
    ``controls_only`` names a line only where it holds a control, a link or a button (the
    word beside an icon's), as the page's markup shows it: a share bar's "Печать" (print)
    is also a seal on a list of documents, and "E-Mail" linked to an address a contact's.
    One that ``stands_alone`` names only a line of its own, not a list's item or a
    table's cell, where its word is data ("Reklama" in a table of revenues); it is judged
    on the markup, in the walk.
    """

    name: str
    kind: str
    phrases: tuple[str, ...]
    max_chars: int = SHORT_TEXT
    heads_thread: bool = False
    controls_only: bool = False
    stands_alone: bool = False


_PLATFORM = (r"\b(?:facebook|twitter|instagram|x|linkedin|youtube|tiktok|threads|mastodon|bluesky"
             r"|whatsapp|telegram|apple news|google news)\b")
# who a photo's copyright names: up to six words, the first capitalised or an agency's
_CREDITED = (r"(?:(?-i:[A-ZÀ-ÖØ-Þ0-9])|(?:dpa|ddp|epd|kna|imago|istock|afp|ap)\b)"
             r"\S*(?: \S+){0,5}(?<![.!?])")
QUOTE_MARKS = "“”\"„«»‘"
"""Marks that open or close a quotation (not the apostrophe: "Don't miss...")."""
# a sentence's words, up to its end, outside any quotation
_UNQUOTED = rf"[^.!?{QUOTE_MARKS}]"
SENTENCE_ENDS = ".!?。！？؟।"
"""The stops that end a sentence: the stops of Chinese and Japanese, Arabic's question
mark and Hindi's danda too."""
# A link to a post's neighbour, its label alone ("« Previous Post", Blogger's "Newer Post
# Older Post Home") or before the neighbour's title and a colon ("Previous post: Title"):
# without the colon, "Previous posts in the series" heads a story's own list. A title
# is short and ends without a sentence's stop: a line that ends with one is a sentence
# ("Next post: will the fund pay for it too?", "前の記事：...紹介しました。"), or holds one
# (an excerpt under the link, read with it as one line). A list's item or a table's
# cell is data: a law's "Artículo siguiente", a timeline's "Previous article".
_NEIGHBOUR = ("(?:(?:previous|next|older|newer) (?:post|entry|article|story)s?"
              "|(?:older|newer) entries|" + "|".join(lexicon.phrases(lexicon.POST_NAVIGATION))
              + ")")
# A multilingual blog's notice before the links to a post's translations: WPML's "This
# post is also available in: %s", and themes' for Polylang. A line, not a title: a
# bilingual post may head its translation so. The colon, the names that follow it
# ("Deutsch, Français", each capitalised or in another script) and their links tell it
# from a sentence ("This post is also available in video form", "...in: Braille, Large
# Print and Audio").
_TRANSLATION_NOTICES = (
    r"this (?:post|article|page|entry) is also available in",
    r"diese[rs]? (?:beitrag|artikel|seite) ist auch (?:verfügbar|erhältlich) (?:in|auf)",
    r"est[ae] (?:entrada|página|publicación|artículo|post) también está disponible en",
    r"cet(?:te)? (?:article|page|publication) est (?:aussi|également) disponible en",
    r"quest[oa] (?:articolo|post|pagina) è (?:disponibile anche|anche disponibile) in",
    r"est[ae] (?:post|artigo|página|publicação) também está disponível em",
    r"(?:dit|deze) (?:bericht|artikel|pagina) is ook beschikbaar in",
)
_LANGUAGE = r"(?:(?-i:[A-ZÀ-ÖØ-Þ])|[^\x00-\x7f])[^\W\d_]*(?: \(?[^\W\d_]+\)?){0,2}"
# between two names: "Deutsch, Français", "Deutsch and Français", "Deutsch / Français",
# and a space before the comma where each name is a link of its own
_NAME_SEPARATOR = r"(?: ?[,/|] (?:(?:and|und|et|e|y|en|&) )?| (?:and|und|et|e|y|en|&) )"
_LANGUAGE_NAMES = rf"(?: {_LANGUAGE}(?:{_NAME_SEPARATOR}{_LANGUAGE}){{0,9}})?"
_RECIPE_BUTTON = (r"(?:(?:jump to|print|pin|save) recipe|zum rezept(?: springen)?|rezept drucken"
                  r"|pinnen|bei pinterest speichern)")

TITLE_RULES: tuple[PhraseRule, ...] = (
    PhraseRule("related-title", "related", (
        r"related(?: posts?| articles?| stories| news| content| reading| coverage| links"
        r"| videos?| recipes)?",
        r"(?:you )?(?:may|might|will) also (?:like|enjoy|be interested in)",
        r"more (?:from|on|in|about|stories|news|articles|like this)(?: .{0,40})?",
        r"recommended(?: for you| stories| articles| reading)?",
        r"(?:today.s |this week.s )?most (?:popular|read|viewed|shared|commented)"
        r"(?: posts| stories| articles| news| videos)?(?: today| this week| now)?",
        r"(?:read|see|watch) (?:more|also|next)", r"also (?:read|see)", r"see also",
        # a box's "Read more in Politics", not a sentence's "Read more on his quote here."
        r"read more (?:in|on|from|about) (?:(?!here\b).){1,40}", r"what to (?:read|watch) next",
        r"continue reading(?: [\"“][^\"”]{1,120}[\"”])?",  # WordPress's more link
        r"trending(?: now| stories)?", r"explore (?:further|more)",
        r"popular (?:posts|stories|articles|now|today|this week)",
        r"recent (?:posts|articles|stories|news|comments)",
        r"latest (?:news|posts?|stories|articles?|videos|headlines)(?: (?:and|&) \w+)?"
        r"(?: (?:from|on|in) .{0,40})?",
        r"more stories like this(?: one)?", r"further reading", r"more great .{1,40} stories",
        r"popular on .{1,40}", r"more", r"trending news", r"related on .{1,40}:",
        r"related (?:post|article|story|roundup|coverage|reading)s?:.{0,120}",
        r"top stories", r"don'?t miss", r"editor'?s picks?", r"what to read next", r"up next",
        r"other (?:stories|articles|news)", r"around the web", r"from the web", r"promoted stories",
        *lexicon.phrases(lexicon.RELATED_TITLES),
    )),
    PhraseRule("comments-title", "comments", (
        r"leave a (?:reply|comment|response)", r"post (?:a|your) comment",
        r"add (?:a|your) comment", r"write (?:a )?comment", r"(?:\d+ )?comments?",
        r"(?:\d+ )?(?:responses?|replies|thoughts?) (?:to|on) .{0,120}",
        r"comment(?:s)? (?:policy|guidelines)",
        r"reader(?:s|['’]s|s['’])? comments|comments from (?:our )?readers|show comments",
        r"(?:there are )?no comments yet\.?",
        r"(?:\d+ )?comments? (?:leave a (?:reply|comment)|add (?:a|your) comment)",
        *lexicon.phrases(lexicon.COMMENT_TITLES),
    ), heads_thread=True),
    # Not heading a thread: "Discussion" may be a section of the article itself.
    PhraseRule("comments-prompt", "comments", (
        r"join the (?:discussion|conversation)", r"discussion", r"be part of the conversation",
        r"what do you think\??(?: scroll down to comment(?: below)?\.?)?",
        r"tell us what you think.{0,10}",
        r"let us know what you think!?", r"scroll down to comment(?: below)?",
        # the Thesis theme's link to its thread, under the headline and after the post
        r"\d+ comments?(?:…|\.\.\.)? (?:read them below or add one|add one now) ?\}?",
    )),
    PhraseRule("share-title", "share", (
        r"share(?: this(?: article| story| post| page)?| on \w+| via)?:?", r"like this:?", r"tweet",
        r"sharing is caring!?",
        r"follow us(?: on .{0,30})?", r"spread the (?:word|news)",
        # rating widgets: kk Star Ratings' and Rate my Post's calls, GD Star Rating's name,
        # Jetpack Ratings' title ("Rate this:", in German "Bewerten:")
        r"rate this (?:post|article|story|recipe)!?", r"rate this:", r"bewerten:",
        r"click (?:on a star )?to rate (?:it|this (?:post|article))!?", r"gd star rating",
        *lexicon.phrases(lexicon.SHARE_TITLES),
    )),
    PhraseRule("newsletter-title", "newsletter", (
        r"(?:subscribe|sign up)(?: to| for)?(?: our| the)? (?:free )?(?:daily |weekly )?"
        r"newsletters?.{0,60}",
        r"newsletter(?: sign[ -]?up)?", r"get (?:our|the) .{0,40} newsletter", r"keep in touch!?",
        r"stay (?:informed|updated|in the loop)",
        r"get (?:the )?(?:daily|weekly) .{1,40} (?:news|updates|headlines)",
        *lexicon.phrases(lexicon.NEWSLETTER_TITLES),
    )),
    PhraseRule("tags-title", "tags", (
        r"(?:post |article |entry )?tags?", r"tagged", r"topics",
        # the SEO SearchTerms Tagging plugin's list of the searches that found the post
        r"incoming search terms:?", r"besucher haben diese seite mit folgenden suchbegriffen"
        r" gefunden:?",
        *lexicon.phrases(lexicon.TAG_TITLES),
    )),
    PhraseRule("author-bio-title", "author-bio", (
        r"about the authors?", *lexicon.phrases(lexicon.AUTHOR_TITLES),
        r"latest posts by .{1,60} \(see all\)",  # an author box's list of the writer's posts
    )),
    PhraseRule("toc-title", "navigation", (
        r"table of contents", *lexicon.phrases(lexicon.TOC_TITLES),
    )),
)

SECTION_LIKE_TITLES = re.compile(
    r"comment|kommentar|commentaire|commento|comentario|comentário|reactie|komentarz|komentář"
    r"|комментарий|обсуждение|lesermeinungen|réactions des lecteurs|ý kiến bạn đọc",
    re.IGNORECASE)
"""Comment titles that may also name a part of the page that is not a thread: a lone
"Comment" (German "Kommentar", French "Commentaire") labels an opinion column above its
headline, "Обсуждение" ("Discussion") may be a section of the article. As a heading
such a title is removed, but heads no thread; so are the names of a paper's
readers'-letters page ("Lesermeinungen", "Réactions des lecteurs")."""

LINE_RULES: tuple[PhraseRule, ...] = (
    PhraseRule("comment-notice", "comments", (
        r"your email address will not be published\.?.{0,80}",
        r"required fields are marked.{0,10}", r"you must be logged in to post a comment\.?",
        r"comments are closed\.?", r"log ?in to reply", r"cancel reply",
        r"post reply", r"link to this comment", r"report (?:abuse|this comment)",
        r"this site uses akismet to reduce spam\..{0,120}",
        # WordPress's classic themes, under every post ("Kubrick" and its many children)
        r"you can follow any responses to this entry through the .{1,40} feed\.?.{0,160}",
        r"you can (?:leave a response|skip to the end and leave a response)"
        r"(?:, or trackback from your own site)?\.?.{0,80}",
        r"(?:both comments and pings|comments and pings|responses) are currently closed.{0,100}",
        r"pinging is currently not allowed\.?",
        # Sandbox's and Thematic's post footer, a line of its own each
        r"post a comment or leave a trackback\b.{0,80}",
        r"(?:comments are closed, but you can leave a trackback|both comments and trackbacks are"
        r" currently closed)\b.{0,80}",
        # TypePad's comment form, printed with every post and shown by its script
        r"as a final step before posting your comment, enter the letters and numbers you see"
        r" in the image below\..{0,200}",
        r"the letters and numbers you entered did not match the image\..{0,80}",
        r"your comment has been (?:saved|received)\..{0,200}",
        r"this is only a preview\. your comment has not yet been posted\..{0,80}",
        # and its trackbacks' header, under every post
        r"listed below are links to (?:weblogs|blogs|sites) that reference .{1,200}",
        r"trackback url for this entry:?.{0,200}",
        r"the comments to this entry are closed\.?",
        # a trackback link or list header, in every blog engine's post footer
        r"trackbacks?(?: uri| url| ?/ ?pingbacks?)?",
        # the gravatar line of WordPress's classic themes' comment form
        r"(?:and oh, )?if you want a pic to show with your comment, go get a gravatar!?",
        # WordPress.com's comment form, and a paper's moderation note
        r"fill in your details below or click an icon to log in:?",
        r"please read our (?:comment(?:ing)? policy|community guidelines).{0,120}",
        r"we reserve the right to (?:edit|remove|delete|moderate) .{0,40}comments.{0,300}",
        # a thread's disclaimer: the readers' comments are not the paper's view, said as
        # such (not a study's finding about them)
        r"(?:the )?(?:views|opinions) expressed (?:in (?:the |these |reader )?comments(?: below)?"
        r"|by (?:commenters|readers)) (?:are (?:solely )?(?:those of|their own)|do(?:es)? not"
        rf" (?:necessarily )?(?:reflect|represent))\b{_UNQUOTED}{{0,160}}[.!]?",
        r"(?:reader )?comments do not (?:necessarily )?(?:reflect|represent) the (?:views|opinions)"
        rf" of{_UNQUOTED}{{1,80}}[.!]?",
        r"(?:die )?(?:leser)?kommentare(?: (?:von lesern|der (?:leser(?:innen)?(?: und leser)?"
        r"|nutzer(?:innen)?|user)))? (?:stellen|geben|spiegeln) [^.!?„“\"]{0,60}\bmeinung der"
        r" [^.!?„“\"]{0,40}redaktion (?:dar|wieder|wider)[.!]?",
        r"um (?:selbst )?kommentare (?:zu )?(?:verfassen|schreiben) zu können,? müssen sie sich"
        r" .{0,30}(?:einloggen|anmelden|registrieren)\.?",
        *lexicon.phrases(lexicon.COMMENT_NOTICES),
    ), max_chars=NOTICE_MAX_CHARS),
    PhraseRule("cookie-notice", "cookie", (
        rf"(?:we|this (?:web)?site|our (?:web)?site) uses? cookies{lexicon.NOTICE_TAIL}",
        r"by (?:using|continuing to (?:use|browse)) (?:this|our) (?:web)?site.{0,200}",
        # a banner that opens with its purpose, and Google's "Cookies help us deliver..."
        r"(?:in order )?to (?:give|offer|provide|ensure) you [^.]{1,150}?"
        rf"(?:we|this (?:web)?site) uses? cookies{lexicon.NOTICE_TAIL}",
        rf"cookies help us deliver our services\.{lexicon.NOTICE_TAIL}",
        r"accept (?:all )?cookies",
        # the IAB's consent framework (TCF), as its banners open in every locale
        r"we and our (?:partners|vendors) (?:use|store|process).{0,300}",
        # the placeholder of an embedded post, until the reader consents to load it
        r"allow (?:instagram|twitter|x|facebook|youtube|tiktok|spotify|google|soundcloud"
        r"|vimeo|bluesky|threads|third[- ]party) content\?",
        r"external content",
        # the placeholders of Embed Privacy ("Click here to display content from YouTube.")
        # and Borlabs Cookie ("Click on the button to load the content from YouTube.")
        r"click (?:here|on the button) to (?:display|load|show) (?:the )?content from .{1,80}",
        r"(?:always )?(?:display|load|unblock) (?:the )?content from .{1,40}",
        r"learn more in .{1,40}['’]s privacy policy\.?", r"load (?:the )?(?:content|video)",
        r"by loading the (?:video|content|post|map|tweet), you (?:agree to|accept) .{1,60}"
        r" privacy policy\.?",
        r"click to accept (?:marketing|statistics|preferences) cookies and enable this"
        r" content\.?",
        r"this article (?:contains|includes) content provided by .{1,80}\. we ask for your"
        r" permission.{0,300}",
        *lexicon.phrases(lexicon.COOKIE_NOTICES),
    ), max_chars=NOTICE_MAX_CHARS),
    PhraseRule("ad-label", "ads", (
        r"advertisements?", r"advertorial", r"sponsored(?: content| post)?",
        r"paid (?:content|post)", r"promoted",
        r"(?:advertisement\W+)?(?:story|article) continues below(?: advertisement)?",
        r"(?:advertisement\W+)?scroll to continue(?: with content| reading)?",
        r"skip advertisement",
        r"continue reading (?:the main story|below)",
        r"advert", r"ads?", r"sponsored (?:links?|by)", r"brought to you by",
        *lexicon.phrases(lexicon.AD_LABELS),
    ), stands_alone=True),
    PhraseRule("paywall-prompt", "paywall", (
        r"(?:subscribe|sign in|log in|register) to (?:continue|read|keep) reading.{0,80}",
        r"already a subscriber\?.{0,80}", r"create (?:a )?free account.{0,80}",
        # a reader-revenue appeal's heading and its ask
        r"while you(?:['’]re| are) here", r"we have a small favou?r to ask",
        r"if you (?:enjoyed|liked|value) (?:reading )?(?:this|our) (?:post|article|story|journalism"
        r"|work)\W+(?:would|could|will|please)? ?(?:you )?(?:consider )?(?:support(?:ing)?"
        r"|donat(?:e|ing))\b.{1,160}",
        r"this (?:content|article) is (?:only )?(?:available )?(?:for|to) subscribers"
        r"(?: only)?.{0,80}",
        r"this is a preview of subscription content.{0,120}",  # Springer's
        *lexicon.phrases(lexicon.PAYWALL_PROMPTS),
    )),
    PhraseRule("byline-line", "meta", (
        r"posted (?:by|on)\b.{0,150}", r"\d+ min(?:ute)?s? read(?: \w+)?",
        # WordPress's German "Posted by %s" / "View all posts by %s" (theme and core)
        r"veröffentlicht (?:von|am)\b.{0,150}",
        r"(?:zeige alle beiträge von .{1,80}|alle beiträge von .{1,80} anzeigen)",
        # WordPress's classic themes: "This entry was posted on <date> and is filed under";
        # Sandbox's "This entry was written by <author>, posted on <date> ..." (not a
        # diary's "This entry was written on June 12, 1942, ...")
        r"this entry (?:was posted (?:on|in|by)|is filed under)\b.{1,250}",
        r"this entry was written by .{1,80}?, posted on\b.{0,200}",
        r"bookmark the permalink\.?(?: follow any comments here with the rss feed for this"
        r" post\.?)?",
        # the same footer of the classic themes as their locales print it ("Dieser Eintrag
        # wurde veröffentlicht in ... Setze ein Lesezeichen auf den Permalink.")
        r"(?:dieser eintrag wurde|esta entrada (?:fue|foi) publicada|cette entrée a été publiée"
        r"|questa voce è stata pubblicata|запись (?:была )?опубликована в рубрике"
        r"|ten wpis (?:został opublikowany|opublikowano)|dit (?:bericht|item) (?:werd|is)"
        r" geplaatst in)\b.{1,250}",
        r"(?:setze ein lesezeichen (?:auf|für) den permalink|guarda el enlace permanente"
        r"|vous pouvez la mettre en favoris avec ce permalien|contrassegna il permalink"
        r"|guarde o link permanente|добавьте в закладки постоянную ссылку"
        r"|dodaj zakładkę do bezpośredniego odnośnika|bookmark de permalink)\.?",
        # "By Jane Doe", "By REUTERS - 2019-04-10": a capitalised name, not "By noon, ..."
        r"by (?-i:[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|and|&|de|van|von)){0,5}"
        r"(?:,\s*[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3})?)(?:\s*[-–|]\s*.{0,40})?",
        # "Updated at 1:23 p.m."; lines with a date are datelines (``LINE_SHAPES``).
        r"(?:published|updated|last updated|posted|modified)(?: on| at)?:?\s+"
        r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?",
        r"(?:hits|post views):? [\d.,]+",  # Joomla's view counter, WordPress's Post Views Counter
        r"\(?visited [\d.,]+ times?,? [\d.,]+ visits? today\)?",  # WordPress's Page Views Count
        r"\d[\d.,]* (?:views?|aufrufe)",
        lexicon.reading_time(r"(?:estimated )?reading time"),
        *lexicon.phrases(lexicon.READING_TIME),
    )),
    PhraseRule("credit-line", "meta", (
        r"(?:image|photo|picture|video)s? (?:copyright|credit|courtesy|source)s?:? .{0,80}",
        r"(?:caption|close|expand|collapse|loading(?: slideshow| gallery| video)?\.*"
        r"|enlarge this image"
        r"|(?:toggle|hide|show) caption)",
        r"(?:back to (?:the )?gallery|view (?:the )?(?:full )?gallery|play video|\d+ photos)\W*",
        rf"(?:{'|'.join(lexicon.phrases(lexicon.LOADING))})\s*(?:\.+|…)",
        r"this (?:slideshow|video|content|feature|page) requires javascript.{0,60}",
        r"media playback is unsupported on your device",
        # a photo's credit on a line of its own: "Фото: личный архив", "[사진=JTBC]"
        r"(?:photo|foto|фото|bild|imagem|imagen|immagine|zdjęcie|fotoğraf|사진|写真|图片|圖片)"
        r"s?\s*[:=：]\s*.{0,80}",
        # a credit's label and the name it gives: a name, not a sentence about image rights
        r"(?:bildquelle|bildnachweis|crédits? photos?|图片来源|圖片來源)\s*[:=：]\s*(?![^?]*\?)"
        r"(?:(?:\S+ ){0,3}\S+)?",
        r"(?-i:Fot\. [A-ZĄĆĘŁŃÓŚŹŻ])\S*(?: \S+){0,3}",  # Polish "Fot. PAP"
        r"(?:please )?enable javascript.{0,80}",
        # the caption Instagram's embed code prints under a quoted post, in its locales
        r"view this post on instagram", r"sieh dir diesen beitrag auf instagram an",
        r"voir cette publication sur instagram", r"ver esta publicación en instagram",
        r"visualizza questo post su instagram",
        r"ver (?:essa|esta) (?:foto|publicação) no instagram",
        r"(?:a post shared by|ein beitrag geteilt von) .{1,80}\(@[\w.]+\).{0,60}",
    )),
    # A photo's copyright on a line of its own: "© Markus Leitner", "© Getty Images", "©
    # dpa". With a year it is the site's notice (``copyright-line``). A name, not a
    # sentence: capitalised or an agency's lowercase name, ending without a stop ("©
    # means copyright."); never a list's item ("© Copyright, for the text and artwork").
    PhraseRule("photo-copyright", "meta", (
        rf"©\s*(?!.*\b(?:19|20)\d\d\b){_CREDITED}",
        # German credit labels before the sign: "Rubriklistenbild: © dpa", "Textquelle: © ..."
        r"(?:(?:rubriklisten|beitrags|titel|vorschau|symbol|teaser|header|aufmacher)bild"
        rf"|(?:bild|text|foto)quelle|bild|foto)\s*[:：]\s*©\s*{_CREDITED}",
    ), stands_alone=True),
    # A notice to readers of old browsers, printed whole on every page of a site.
    PhraseRule("browser-notice", "meta", (
        r"this (?:page|site|website) is best viewed (?:in|with) .{1,350}",
        r"you are using an? (?:outdated|old|older|unsupported) (?:web )?browser.{0,300}",
        r"please (?:upgrade|update) your (?:web )?browser.{0,300}",
        r"your (?:web )?browser (?:does not|doesn['’]t|is not able to|cannot) "
        r"(?:support|display|play) (?:the |this )?(?:video|audio|iframes?|javascript|html5|"
        r"(?:this )?(?:page|content|media)).{0,300}",
        # an embedded player's fallback for browsers without its plugin or script
        r"(?:get|install|download) (?:the )?(?:latest )?(?:adobe )?flash player to "
        r"(?:see|view|watch|play) this (?:player|video|content).{0,100}",
        r"(?:you need|this (?:video|content|player) requires) (?:the )?(?:adobe )?flash"
        r"(?: player)?.{0,200}",
        r"(?:please )?(?:enable|turn on) javascript to (?:view|watch|see|play) .{1,200}",
        r"your (?:web )?browser(?: \(.{1,40}\))? is (?:out of date|outdated|not supported"
        rf"|no longer supported){lexicon.AFTER_A_STOP}",
        *lexicon.phrases(lexicon.BROWSER_NOTICES),
    ), max_chars=NOTICE_MAX_CHARS),
    PhraseRule("copyright-line", "meta", (
        r"(?:copyright|©) ?(?:\(c\)|©|@)? ?\d{4}.{0,250}", r"all rights reserved\.?",
        # the print edition's note: NYT "appears in print on ...", WSJ "appeared July 24, 2012,
        # on page A2 in the U.S. edition ..., with the headline: ..."
        r"a version of this (?:article|story|review) appear(?:s|ed) (?:in print )?.{1,250}",
        r"(?:(?:dow jones )?reprints: )?this copy is for your personal,? non-?commercial use"
        r" only.{0,300}",
    ), max_chars=NOTICE_MAX_CHARS),
    PhraseRule("tag-line", "tags", (
        r"(?:(?:post |article |entry )?tags?|tagged(?: with)?|filed under|categories|category"
        r"|posted in|(?:related )?topics?|"
        + "|".join(lexicon.phrases(lexicon.TAG_LABELS)) + r")\s*[:：].{0,200}",
    )),
    PhraseRule("share-line", "share", (
        r"(?:share|click to share) on (?:facebook|twitter|x|linkedin|whatsapp|reddit|"
        r"pinterest|email|telegram)(?: \(opens in new window\))?",
        r"(?:click to )?(?:print|email)(?: this)?(?: article| page)?(?: \(opens in new window\))?",
        r"(?:send|e-?mail)(?: this)?(?: article| story| page)? to a friend:?",
        r"be sure to .{0,80}share this (?:post|article|story).{0,60}",
        r"(?:connect with|follow) us on .{0,120}",
        rf"follow us: .{{0,40}}?{_PLATFORM}.{{0,160}}",
        rf"(?:folgt|folgen sie|folge) (?:uns|mir) (?:\w+ ){{0,5}}?auf .{{0,40}}?{_PLATFORM}"
        r".{0,120}",
        r"follow .{1,80} on (?:facebook|twitter|instagram|x|linkedin|youtube|tiktok).{0,120}",
        r"like (?:it|this(?: story| article| post)?)\? share it.{0,40}",
        r"if you (?:enjoyed|liked) this (?:post|article), (?:please )?consider .{1,200}",
        # the Sociable plugin's label, a bookmarking bar's, a share sheet's control
        r"be sociable,? share!?", r"bookmark (?:to|this|and share):?", r"(?:close|open) share",
        # a saved story's toast, and the button that saves it (Reach plc's papers)
        r"you can find this (?:story|article) in my bookmarks\..{0,100}",
        r"(?:story|article) saved!?", r"bookmark",
        # Jetpack's likes, whose count a script fills in: "%d bloggers like this:" (the
        # "%" goes with the punctuation a text may open with)
        r"(?:a %)?(?-i:d) (?:blog|блог)\w* .{1,30}", r"d人のブロガー.{1,30}",
        # WP Recipe Maker's call under a recipe ("Tried this recipe? Mention @x or tag #x!")
        r"tried this recipe\?.{0,160}", r"hast du (?:dieses|das) rezept ausprobiert\?.{0,160}",
        # the tallies under a rating widget (GD Star Rating, kk Star Ratings, Rate my Post)
        r"total: \d+ +average: [\d.,]+",
        r"average rating [\d.,]+ ?/ ?\d+\.? vote count: \d+\.?",
        r"no votes so far! be the first to rate this post\.?", r"\d[\d.,]* from \d+ votes?",
        # WP Recipe Maker's buttons over a recipe, in a row
        rf"{_RECIPE_BUTTON}(?:\W+{_RECIPE_BUTTON}){{0,3}}",
        r"if you (?:found|find) this (?:post|article) (?:useful|helpful|interesting)"
        r".{0,100}\b(?:share|like|tweet)\b.{0,100}",
    )),
    PhraseRule("page-numbers", "navigation", (
        # a post split in pages, WordPress's "Pages: 1 2 3" under it, as its locales print it:
        # links from the first page on (a report's "Pages: 12, 14" cites). The label alone,
        # or with the page shown, unlinked, is the text the walk meets beside the links.
        r"(?:article |post )?(?:pages?|seiten|páginas|pagine|pagina's|strony|страницы)\s*[:：]"
        r"(?:\s*1(?:\s*\|?\s+\d{1,2})*|(?!\W*\d))",
    ), controls_only=True),
    PhraseRule("post-navigation", "navigation", (
        rf"{_NEIGHBOUR}(?:\W+{_NEIGHBOUR})*(?:\W+home)?",
        rf"{_NEIGHBOUR} ?[:：] ?(?!.*[{SENTENCE_ENDS}…]\W*$).{{1,100}}",
    ), controls_only=True, stands_alone=True),
    PhraseRule("translations-line", "navigation", tuple(
        rf"{notice} ?:{_LANGUAGE_NAMES}" for notice in _TRANSLATION_NOTICES),
        controls_only=True),
    # A rating widget's tally and a "was it helpful?" box, which print their lines in the
    # page's text: GD Star Rating's "Rating: 6.0/6 (1 vote cast)" and "Rating: +1 (from 1
    # vote)", WP-PostRatings' "(No ratings yet)" (in its brackets: an app round-up's table
    # says "No ratings yet").
    PhraseRule("rating-line", "share", (
        r"rating: [\d.,]+/\d+ \(\d+ votes? cast\)", r"rating: [+-]?\d+ \(from \d+ votes?\)",
        r"(?:no ratings yet|noch keine bewertungen)\)",  # its "(" goes as leading punctuation
        r"(?:was this|did you find this|is this) (?:article |post |page |story )?helpful\??"
        r"(?: (?:yes|no)){0,2}",
        r"(?:(?:war|ist) (?:dieser|der) (?:artikel|beitrag)"
        r"|fanden sie (?:diesen|den) (?:artikel|beitrag))"
        r" (?:hilfreich|nützlich)\??(?: (?:ja|nein)){0,2}",
    )),
    # the other locales' print and e-mail buttons, whose words also name other things
    PhraseRule("share-button", "share", lexicon.phrases(lexicon.PRINT_AND_EMAIL),
               controls_only=True),
    PhraseRule("newsletter-line", "newsletter", (
        r"subscribe(?: now| today| here)?!?", r"(?:click here to )?subscribe to .{1,100}",
        r"get the latest .{0,80} (?:in|to) your inbox.{0,120}",
        r"get .{1,60} delivered (?:to|in) your inbox.{0,160}", r"be the first to know",
        # the consent note under a sign-up form
        r"by (?:providing|entering|submitting) your e-?mail(?: address)?,? you .{1,250}",
        # the form's own message when the address is wrong, shown in the page's text
        r"please enter (?:a )?valid e-?mail(?: address)?\.?",
        r"bitte (?:geben sie|gib) eine gültige e-?mail[- ]?adresse (?:an|ein)\.?",
        r"veuillez (?:saisir|entrer|indiquer) une adresse (?:e-?mail|mail|électronique|courriel)"
        r" valide\.?",
        # and its thanks once the address is sent (Mailchimp's, CleverReach's, a French
        # paper's), shown in the text of a page read without its scripts
        r"(?:thank you|thanks) for (?:subscribing|signing up)!?",
        r"please check your (?:inbox|e-?mail) to confirm your subscription\.?",
        r"bitte (?:klicke|klicken sie) auf den link in der bestätigungs-?(?:e-?)?mail,? um"
        r" (?:deine|ihre) anmeldung (?:abzuschließen|zu bestätigen)\.?",
        r"vielen dank für (?:deine|ihre) anmeldung[.!]?",
        r"(?:merci ?! )?votre inscription (?:a|à) bien été (?:prise en compte|enregistrée)"
        r"[^.!?]{0,80}[.:!]?",
        r"subscribe to: (?:posts|post comments|comments)(?: \(atom\))?",  # Blogger's feeds
        r"(?:if you (?:enjoyed|liked) this (?:post|article),? )?enter your e-?mail"
        r" (?:address )?(?:below|here) .{0,100}",
        r"don.t miss (?:a|another|any) (?:post|article|story|update)s?!? .{0,200}",
        r"(?:sign[ -]?up|subscribe|register)(?: now| today| here)? (?:to|for) (?:our|the|my)"
        r" .{0,40}?(?:e-?)?newsletters?\b.{0,200}",
        r"join (?:our|my) (?:[\w-]+ ){0,3}?(?:e-?)?newsletters?"
        r"(?: (?:for|to|and|today|now)\b.{0,160})?",
        r"sign[ -]?up (?:for|to receive) (?:our )?(?:free )?e-?mail updates.{0,200}",
        r"sign[ -]?up for (?:our )?(?:breaking )?news (?:updates|alerts)",
        r"by (?:signing up|subscribing),? you (?:agree|consent) to .{1,200}",
        # a publisher's line under every story, pointing to its newsletter or its channel
        # ("Don't miss the latest news from around Scotland - Sign up to our daily
        # newsletter here."): one sentence, not quoted (a story quoting or weighing such a
        # line goes on after it)
        r"(?:(?:for all|never miss|don.t miss|get|stay up to date with) the latest"
        r" (?:news|stories|updates)|never miss a story)\b"
        rf"{_UNQUOTED}{{0,160}}\b(?:newsletters?|whatsapp|telegram|inbox)\b{_UNQUOTED}{{0,60}}[.!]?",
        r"want more .{1,80} (?:in|to) your inbox\? (?:subscribe|sign up) (?:to|for)"
        rf"{_UNQUOTED}{{1,80}}\bnewsletters?\b{_UNQUOTED}{{0,40}}[.!]?",
        rf"get .{{1,80}} (?:in|to) your inbox\. sign up for{_UNQUOTED}{{1,60}}\bnewsletters?\.?",
        r"(?:abonnieren sie|abonniere) (?:jetzt )?(?:den|unseren) [^.!?“”\"„]{0,40}"
        r"(?:newsletter|whatsapp-kanal|telegram-kanal)\b[:!.]?(?: https?://\S+)?",
        r"jetzt (?:den |unseren )?(?:kostenlosen )?newsletter abonnieren!?",
        # a news site's channel on a messenger ("Join the Daily Record WhatsApp community!")
        r"join (?:our|the) .{1,60} (?:whatsapp|telegram) (?:community|channel|group|service)!?",
        r"join (?:our|the) .{1,60} on (?:whatsapp|telegram)!?",
        # Google's notice under a form its invisible reCAPTCHA guards (a sign-up box's)
        r"this site is protected by recaptcha and the google privacy policy and terms of"
        r" service apply\.?",
    ), max_chars=NOTICE_MAX_CHARS),
)

SOURCE_RULES: tuple[PhraseRule, ...] = (
    PhraseRule("source-link", "source", (
        r"source link", r"sources?\s*:.{0,200}", r"via\s*:\s*.{1,80}",
        r"via (?-i:[A-Z][\w.'’&\-]*(?: [A-Z][\w.'’&\-]*){0,3})",  # "Via Fox News", a name
        r"(?:" + "|".join(lexicon.phrases(lexicon.SOURCE_LABELS)) + r")\s*[:：].{0,120}",
        r"read the (?:original|entire|full|complete) (?:article|story|post)"
        r"(?: (?:here|at|on))?(?:\W+.{0,80})?",
    )),
    PhraseRule("originally-published", "source", (
        r"(?:this (?:article|story|post|piece) (?:was )?)?originally (?:published|appeared|posted)"
        r" (?:at|on|in|by) .{1,200}",
        r"the post .{1,300} appeared first on .{1,120}",
        r"(?:this (?:article|story) )?(?:is )?republished (?:with permission )?from .{1,200}",
        *lexicon.phrases(lexicon.ORIGINALLY_PUBLISHED),
    )),
)
"""A source footer: removed from the text, its link becomes ``Article.source_url``."""

PHRASE_MAX_CHARS = max(r.max_chars for r in (*TITLE_RULES, *LINE_RULES, *SOURCE_RULES))
"""No phrase rule judges a longer block: longer texts are not looked up at all."""

SOURCE_HINT_WORDS = frozenset((
    "source", "sources", "via", "originally", "appeared", "republished", "original", "entire",
    "full", *lexicon.phrases(lexicon.SOURCE_LABELS),
    *lexicon.first_words(lexicon.ORIGINALLY_PUBLISHED),
))
SOURCE_HINT = re.compile(r"\b(?:" + "|".join(sorted(SOURCE_HINT_WORDS)) + r")\b", re.IGNORECASE)
"""A word every source footer holds. A text node with one has its whole line checked
against ``SOURCE_RULES``, since a footer is often split across links
("This article <a>originally appeared</a> on <a>Fox News</a>")."""

SOURCE_HINT_CHARS = 60
"""The text nodes of a split footer are short ("Via: ", "This article ")."""

SOURCE_BOX_CHARS = 600
"""A removed byline or meta box this short is searched for a source line first."""

# --------------------------------------------------------------------------------------
# Lines judged only in the last pass over the article's paragraphs (their patterns
# start with digits or names, which the phrase gate cannot look for).

_MONTHS = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|januar\w*|februar\w*|märz|mai|juni|juli|oktober|dezember"
    r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|januari|februari|maart|juni|augustus|oktober"
)
_TIME = r"\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?"
_DATE = (
    rf"(?:{_TIME},?\s+)?"  # "3:41 PM EST Nov 26, 2018"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{_MONTHS})\s+(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    # numeric dates stand alone: "2.9.176" and "9.0/40.0" are a version and a measure
    r"|(?<![\d.])(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}))(?![.,]?\d))"
    rf"(?:,?\s+(?:at|às|à|um|a las|alle|в|om)?\s*{_TIME})?"
)


@dataclass(frozen=True)
class LineShape:
    """A paragraph recognised by its whole shape, not by what it says."""

    name: str
    kind: str
    pattern: re.Pattern[str]


DATELINE_MAX_WORDS = 4
"""A short paragraph that is a date with at most this many other words per date (a
weekday, a byline name; "Posted at ... | Updated as of ...") is a dateline, not prose;
unless it credits a quoted post ("— Jane Doe (@jane) May 4, 2019" closes an embedded
tweet, which is content)."""
DATE = re.compile(_DATE, re.IGNORECASE)
DATED_LINE_MAX_CHARS = 160
"""A line under the headline this short that holds a date (or a <time>) is its byline
or dateline, and the lead may follow it."""

LINE_SHAPES: tuple[LineShape, ...] = (
    # "1 of 6", "1 - 5 of 36": gallery and pager counters; "Image 1 of / 23" where the
    # gallery's script fills in the word and the slash both (Hearst's papers).
    LineShape("counter", "navigation", re.compile(
        r"(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine)\s*)?"
        r"\d+\s*(?:[-–]\s*\d+\s*)?(?:of|/|von|de|di|sur|из|van)(?:\s*/)?\s*\d+",
        re.IGNORECASE)),
    # "3K Shares", "1,204 likes": a share bar's counter, its buttons gone with their links.
    LineShape("share-count", "share", re.compile(
        r"[\d.,]+\s*[km]?\+?\s*(?:shares?|likes?|tweets?|pins?)", re.IGNORECASE)),
    # GD Star Rating's tally under a post, which starts with the post's title: "<title>,
    # 5.0 out of 5 based on 2 ratings".
    LineShape("rating-tally", "share", re.compile(
        r".{1,200}, \d(?:\.\d)? out of \d+ based on \d+ ratings?", re.IGNORECASE)),
    # An author's e-mail address or social profile on a line of its own.
    LineShape("contact-line", "author-bio", re.compile(
        r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:www\.)?(?:twitter|x|facebook"
        r"|instagram|linkedin)\.com/\S+|@\w{2,30})", re.IGNORECASE)),
)

# --------------------------------------------------------------------------------------
# Shape thresholds.

CARD_TAGS = ("article", "div", "li", "section", "ul", "ol")
"""Under a widget title, a run of two or more of these, alike and each with a link,
is the widget's list of teasers however much excerpt text they carry."""

WIDGET_HEADING_KINDS = ("related", "comments")
"""A heading whose class names one of these kinds heads the widget below it."""

TITLE_MAX_CHARS = 120
"""Phrase rules look only at blocks up to this many characters: a longer block
is prose that merely mentions the phrase."""

WIDGET_MAX_SHARE = WEAK
"""A widget found by its title or shape never spans this share of the page's text."""

EXCERPT_ENDS = ("...", "…", "[…]", "[...]")
"""How a teaser's excerpt is cut short: a title followed on its line by text ending so
("<a>Title</a> <span>WASHINGTON: The council said...</span>") is a teaser's, not a
sentence of the story that opens with a link."""

TEASER_MIN_ITEMS = 3
TEASER_MAX_ITEM_CHARS = 400
TEASER_MIN_TITLE_CHARS = 12
LABELLED_LINK_MAX_CHARS = 200
"""A "Read also: <a>headline</a>" line's links say at most this much (a headline or two)."""
LABELLED_LINK_SLACK = 4
"""Characters besides the links, spaces aside, that a labelled line may hold after its
label: a colon, the separators between its links ("|", "·")."""
STORY_TOLD_PARAGRAPHS = 4
"""Paragraphs before a run of posts under linked headings that tell a story already: the
run is the teasers or comments after it, not the story's own sections."""
STORY_SECTION_MIN_CHARS = 400
"""A listicle's section under a linked heading says at least this much after it; a
teaser's excerpt (WordPress cuts one at 55 words, some 350 characters) says less."""
TEASER_MIN_LINKED_SHARE = 0.2
"""A run of at least three sibling items, each mostly a linked title with at most
a short excerpt, is a teaser list (related posts, "most read") whatever its classes."""

SHARE_INTENT = re.compile(
    r"(?:twitter|x)\.com/(?:intent/tweet|share)|clicktotweet\.com|ctt\.(?:ec|ac)/", re.I)
"""Links that offer the article's own words for sharing: a click-to-tweet box (Social
Warfare, Better Click To Tweet, CoSchedule) links a sentence of the story to a tweet
form. Its text is counted as the article's, not as linked text: linked, the sentence
went as a link-dense block. The box's "Click To Tweet" button goes (``ctt-btn``)."""

THREAD_STORY_MIN_CHARS = 200
"""A page read again without a thread (its posts were all it said) has a story only if
this much text is left: five "Advertisement" slots are none."""
POST_LINKS = re.compile(r"replytocom|#(?:comment|respond|reply|c\d)", re.IGNORECASE)
"""A comment's links: its permalink on the page ("#comment-12", Blogger's "#c12") and its
reply link (WordPress's "?replytocom=12#respond", "#reply-12"). Not any link within the
page: a section's footnote ("#fn1") or "back to top" is no comment's."""

PROSE_MAX_LINK_DENSITY = 0.25
"""A paragraph with at most this share of its text in links reads as prose."""

LINK_DENSE_BLOCK = 0.6
LINK_DENSE_MAX_PROSE = 80
"""An article block whose text is mostly links is navigation, not prose, unless it
still carries this much unlinked text (hover-card links that repeat names)."""

INLINE_WORD_TAGS = frozenset({"a", "span", "em", "strong", "b", "i", "sup", "sub", "u", "mark",
                              "abbr", "q", "font"})
SENTENCE_PARENT_TAGS = frozenset({"p", "li", "dd"})
"""A link or span among a paragraph's own words (``SENTENCE_MIN_PROSE`` of them, not
counting its other elements) is part of a sentence, whatever its class says: sites
link names and topics inside the story with classes of their own (the New York
Times' ``meta-loc``/``meta-per``, tag auto-linkers' ``tag``), and removing them cut
words out of sentences ("which both and the claim"). A byline paragraph holds
little text of its own besides its spans, and its lines go by what they say."""

ROUNDUP_MIN_ITEMS = 5
ROUNDUP_ITEM_MIN_WORDS = 4
ROUNDUP_MIN_SHARE = 0.5
"""A post made of a list (a links roundup, a week's deals, a reading list) is its
list: where this many items of this many words or more (titles or sentences, not
menu labels like "Home" or "May 2012") hold this share of the article's text, those
items are the story, however linked. A related-links widget follows a story longer
than itself, and the teaser and widget rules have taken it before this pass."""

LIST_MARK = re.compile(r"([•·▪*—–-]|(\d{1,3})[.)])\s")
"""How a line typed as a list's item opens: a bullet, or its number ("7. ", "7) ")."""

SENTENCE_MIN_WORDS = 6
SENTENCE_MIN_PROSE = 20
"""Nor is a sentence with inline links: a block of this many words that ends as a
sentence ends (``SENTENCE_ENDS``), with this much unlinked text around its links
("Visit <a>Boy Mama Teacher Mama</a> to see how to make the textures."). A menu item
or a teaser title is all link, and neither ends with a full stop."""
CLOSING_MARKS = "\"'”’“»」』 \u00a0"
"""What may follow a sentence's stop: its closing quotes ("...he said.”", German
„...“, French « ... »). Not brackets: "[...]" ends a truncated excerpt."""

WIDGET_TAIL_LINK_DENSITY = 0.3
WIDGET_MAX_PROSE = 300
"""After a widget title, following siblings this link-dense, or with less unlinked
text than this, belong to the widget."""

REPEAT_MIN_CHARS = 80
"""A paragraph this long met twice is the page repeating itself (a mobile and a
desktop copy); shorter lines ("Eat every 2-3 hours") legitimately recur in tables."""

MAX_WIDENING = 12
"""A line or widget title is widened to at most this many enclosing elements: enough
for any theme's wrappers, and a bound on the work a pathologically deep page costs."""

MIN_PARAGRAPH_CHARS = 25
"""Readability's floor: shorter paragraphs do not vote for a content container."""
COMMAS = ("\u060c", "\ufe50", "\ufe10", "\ufe11", "\u2e41", "\u2e34", "\u2e32", "\uff0c")
"""Commas other than ","  that a paragraph's vote counts: Arabic "،", Chinese "，" and
the rest of Mozilla Readability's list (its ``REGEXPS.commas``)."""

# --------------------------------------------------------------------------------------
# Container choice (``content.py``): how paragraphs vote, and when the choice climbs.

ANCESTOR_LEVELS = 3
"""A paragraph votes for this many ancestors: its parent fully, its grandparent half,
farther ones a third of a share per level."""

CLASS_WEIGHT = 25
"""Points a container gains (or loses) for an article-like (or widget-like) class name."""

TOP_CANDIDATES = 8
"""Only the candidates with the most votes are weighed (text and links counted)."""

THREAD_DEPTH = 6
"""How far up a paragraph looks for the thread post (comment, teaser) holding it."""

TALK_RULES = ("comments-title", "thread-posts", "comment-post")
"""Text these rules removed is readers' talk, not the article: a thread its heading
introduces, or posts of a thread's shape. It does not count in the article-like text
that a short result is weighed against before a second opinion is asked (a flat
thread reads as prose, and trafilatura, asked, keeps it). A block removed for its
class name is not counted out: "respond" or "comments" may name the article's wrapper."""

THREAD_MIN_POSTS = 3
"""Sibling <div>s of one shape, each signed (a link of its own, an avatar), this many or
more, are the posts of a thread (comments written without list markup)."""

SECTION_LEVELS = 2
SECTION_SHARE = 0.5
"""Two candidates with at least this share of the best score, their wrappers meeting
within this many levels, are sections of one article."""

LAYOUT_CLASS_NAMES = re.compile(
    r"(?:col(?:-[a-z]+)*(?:-\d+)?|columns?|row|container(?:-fluid)?|span\d+|pure-u-\S+"
    r"|uk-width-\S+|elementor-(?:column|section|container|widget-wrap)|vc_column\S*|vc_row\S*"
    r"|wpb_wrapper)", re.IGNORECASE)
"""A grid's class names (Bootstrap's ``col-md-8``, Elementor's and WPBakery's columns):
they name where a block sits, not what it is; blocks are sections of one story by such
a name only when their whole class strings agree (the story's own column layout)."""
CLASSMATE_SHARE = 0.25
"""A candidate of the best one's class (its first word) scoring at least this share of
it is another section of the article: the class says as much as the score."""

COUSIN_LEVELS = 6
COUSIN_MIN = 2
"""Without class names, this many near-best candidates shaped as the best one, meeting it
within this many levels, are the article's other sections (``content._climb_to_cousins``)."""

HOLDER_SHARE = 0.9
"""A leading candidate holding the best one, with this share of its votes and of its
score, is the article around a box (``content._climb_to_holder``)."""

PARENT_FLOOR = 1 / 3
"""Climbing to a parent that scores higher stops at an ancestor scoring under this
share of the chosen one (a page wrapper far from the article)."""

SIBLING_SHARE = 0.2
SIBLING_MIN_SCORE = 10.0
"""A sibling of the chosen container scoring this share of it (and at least this
much) is article too; a sibling with the container's class name gets this share free."""

HEADLINE_LEVELS = 2
HEADLINE_SHARE = 0.6
HEADLINE_MIN_CHARS = 15
"""The best candidate within this many levels under the heading that reads as the
page's title (at least this many characters: shorter ones are section names) leads
instead of a better one lying apart from the headline (a sidebar's "About" blurb, a
comment form), when it scores at least this share of it. The share was chosen on the
even ids of all four runs and confirmed on the odd ones: at 0.5, two pages whose
headline sat apart from the article lost (0.54 and 0.58 of the best); no page gained
below 0.62."""

LEAD_TAGS = ("p",)
LEAD_BOX_WORDS = frozenset({"teaser", "intro", "lead", "lede", "standfirst", "strapline",
                            "summary", "dek", "deck", "excerpt", "abstract", "subtitle",
                            "subline", "subhead", "subheadline", "vorspann"})
"""Words that name a box holding a story's lead, in newsrooms' systems and themes."""
LEAD_MIN_CHARS = 60
LEAD_MAX_LINK_SHARE = 0.5
"""The story's lead (standfirst, dek) is the paragraph right after its headline, of at
least this many characters, mostly unlinked, and without a date (a dated line under the
headline is its byline or dateline). A page sets it above the story's body,
often in the story's <header>, where the container does not reach. It is kept: it is
the newsroom's copy, read first. Not when the body is in an <article> and the lead
outside it: HTML's article holds its own headline, and a masthead's heading (a blog's
name, read as the page's title) with its tagline lies outside. The lead's own effect on
the scored sets: dragnet classed +0.0005, stripped +0.0008, on both halves (dragnet's
truth keeps the lead, and bylines, which the date condition leaves out: three stripped
pages lose 0.04-0.06 by it); scrapinghub classed -0.0002, stripped 0.0000 (its truth
leaves the lead out, as it leaves out the headline; its leads mostly lie outside the
<article>, where trafilatura leaves them out too). (A subheading, <h2>, as lead was
tried: a paywalled story's <h2> dek made its header the container.)"""

HEADLINE_MAX_CHARS = 60
"""A list item is compared with at most this many first characters of the page's
headline (its metadata title or <title>): enough to tell one story from another."""

LEADER_VOTES = 0.25
"""A candidate with this share of the best one's paragraph votes is a part of the
article (class hints alone, as on a breadcrumb named "entry-crumbs", do not count)."""

# --------------------------------------------------------------------------------------
# The second opinion (``fallback.py``).

ARTICLE_LIKE_MAX_LINK_SHARE = 0.3
"""A paragraph with more of its text in links than this is navigation, not article prose,
when the page's article-like text is measured."""

SECOND_OPINION_SHARE = 0.1
SECOND_OPINION_MIN_CHARS = 200
SECOND_OPINION_GAIN = 1.5
"""When our article is empty, or holds less than this share of the page's article-like
text (on a page holding at least this much), the container we chose is a part of the
article or the wrong block: trafilatura is asked, and its article replaces ours when it
is this many times longer. Chosen on all four benchmark runs at once (share 0.05 to 0.5,
gain 1 to 2): the mean F1 is flat from 0.05 to 0.2 while each doubling of the share
doubles the pages that pay for trafilatura (0.1: one page in twenty); a gain of 1 loses
scrapinghub precision to trafilatura's longer, looser answers."""

SECOND_OPINION_LINE_CHARS = 40
"""A line of the second opinion this short that a line rule names goes ("Share this
post"); a longer one is its sentence, kept as it read it."""

SECOND_OPINION_MAX_HTML = 3_000_000
"""Pages larger than this (characters) get no second opinion: trafilatura's time and
memory on a 20 MB page are many times ours, and no news page is that large."""
