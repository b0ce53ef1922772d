"""Small hand-written pages for tests: a republished article wrapped in boilerplate."""

from __future__ import annotations

ARTICLE_PARAGRAPHS = (
    "The harbour reopened on Monday after three days of storms kept every ferry in port.",
    "Harbour master Ana Ruiz said the breakwater held, although two pontoons were lost.",
    "Fishing crews, who had waited since Thursday, left before dawn to reach the banks.",
    "The council will meet on Friday to decide how to pay for the repairs.",
)
ORIGINAL_URL = "https://original-news.example/2026/11/27/harbour-reopens"


def republished_page() -> str:
    """A WordPress-style republished story: the article, then a "Source link" footer,
    a Jetpack related-posts widget and a comment form, as the seed page has them."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after storms</title></head><body>
<article class="post"><h1 class="entry-title">Harbour reopens after storms</h1>
<div class="entry-content">
{paragraphs}
<p><a href="{ORIGINAL_URL}">Source link</a></p>
</div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">
<em>Related Posts</em></h3>
<div class="jp-relatedposts-items">
<div class="jp-relatedposts-post"><h4><a href="/a">Ferry timetable changes for winter</a></h4>
<p>Operators say the new timetable will run until March, with fewer crossings…</p></div>
<div class="jp-relatedposts-post"><h4><a href="/b">Storm damage closes coastal road</a></h4>
<p>The road between the two villages was closed after the cliff gave way…</p></div>
</div></div>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<form action="/wp-comments-post.php" method="post" id="commentform">
<p class="comment-notes">Your email address will not be published.
Required fields are marked *</p>
<p><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
<p><input name="submit" type="submit" value="Post Comment"></p></form></div>
</article></body></html>"""
