"""The Nu HTML Checker on a generated archive whose lists all split in pages.

``paged_site`` (tests/conftest.py) lowers the paging limits so that a small
generated archive splits the timeline and the article index by year and the
entity, topic and year pages into pages; the real archive's pages are checked
by the other tests of this package. Links, fragments and reachability of the
paged archive are checked without a browser in tests/test_paging.py (a
Chromium crawl of its 460 pages takes minutes).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .sitecheck import vnu_html

pytestmark = [pytest.mark.browser, pytest.mark.tools]

#: The pages that list: every page of every split list (a milestone's of its sources too), and
#: the first pages.
LISTS = (
    "index.html",
    "timeline.html",
    "timeline/**/*.html",
    "articles/index.html",
    "articles/by-year/**/*.html",
    "entities/**/*.html",
    "topics/**/*.html",
    "years/**/*.html",
    "pages/**/*.html",
    "milestones/wide.html",
    "milestones/*/*.html",
)


def test_paged_lists_are_valid_html(paged_site: Path, vnu: Path, tmp_path: Path) -> None:
    pages = sorted({p for pattern in LISTS for p in paged_site.glob(pattern)})
    assert len(pages) > 100
    for page in pages:
        copy = tmp_path / page.relative_to(paged_site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page, copy)
    errors = vnu_html(tmp_path)
    print(f"\nvnu: {len(pages)} list pages of the paged archive, {len(errors)} errors")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))
