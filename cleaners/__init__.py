"""Article extraction and boilerplate removal.

``clean(html, url)`` is a pure function: no I/O, never raises, never returns
``None``. Its ``Article`` says what was kept and, in ``removed``, every block
that was dropped with the kind and the rule that dropped it.
"""

from __future__ import annotations

from .article import CLEANER_VERSION, Article, RemovedBlock, SiteRules
from .pipeline import clean

__all__ = ["CLEANER_VERSION", "Article", "RemovedBlock", "SiteRules", "clean"]
