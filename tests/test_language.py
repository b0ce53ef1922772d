"""cleaners.language: the declared language checked against the article's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaners import clean
from cleaners.language import LONG_TEXT_WORDS, detect, reconcile

SEEDLIKE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "seedlike" / "pages"
ENGLISH = ("The council met on Tuesday to discuss the new bridge over the river, and after "
           "a long debate the members agreed to put the plan to a public vote next spring. ")
GERMAN = ("Der Gemeinderat hat am Dienstag über die neue Brücke beraten und nach einer langen "
          "Debatte beschlossen, den Plan im Frühjahr den Bürgern zur Abstimmung vorzulegen. ")


def test_detect_reads_the_text() -> None:
    assert detect(ENGLISH)[0] == "en"
    assert detect(GERMAN)[0] == "de"
    assert detect("   ") == (None, 0.0)


def test_markup_region_is_kept_when_the_text_agrees() -> None:
    decision = reconcile("en-GB", ENGLISH)
    assert (decision.language, decision.language_from) == ("en-GB", "markup+detector")


def test_a_long_text_overrules_wrong_markup() -> None:
    text = GERMAN * 8
    assert len(text.split()) >= LONG_TEXT_WORDS
    decision = reconcile("en-US", text)
    assert (decision.language, decision.language_from) == ("de", "detector")


def test_a_short_text_does_not_overrule_the_markup() -> None:
    decision = reconcile("en-US", GERMAN)
    assert (decision.language, decision.language_from) == ("en-US", "markup")
    assert decision.reason.startswith(f"{len(GERMAN.split())} words are too few")


def test_the_words_are_counted_when_asked_whatever_the_decision() -> None:
    # an agreement never reads the count; `crawl explain` prints it all the same
    assert reconcile("en-GB", ENGLISH).words == len(ENGLISH.split())
    assert reconcile("en-US", GERMAN * 8).words == 8 * len(GERMAN.split())


def test_without_markup_the_detector_decides() -> None:
    decision = reconcile(None, GERMAN)
    assert (decision.language, decision.language_from) == ("de", "detector")


def test_norwegian_bokmal_markup_agrees_with_the_detector_s_norwegian() -> None:
    text = ("Regjeringen la fram forslaget til statsbudsjett i dag, og finansministeren sa at "
            "det blir strammere tider for kommunene neste år. ")
    assert reconcile("nb-NO", text).language == "nb-NO"


@pytest.mark.parametrize("path", sorted(SEEDLIKE.glob("*.html")), ids=lambda p: p.name[:30])
def test_every_real_article_has_a_language(path: Path) -> None:
    article = clean(path.read_bytes(), None)
    assert article.text
    assert article.language and article.language_from


def test_a_tagalog_page_marked_english_is_tagalog() -> None:
    path = next(SEEDLIKE.glob("*hatawtabloid*"))
    article = clean(path.read_bytes(), None)
    assert article.language_from == "detector"
    assert article.language in ("tl", "ceb")  # Tagalog and Cebuano are close kin
