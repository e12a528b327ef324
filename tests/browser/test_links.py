"""Crawl the served site in Chromium, at the domain root and under a project path."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .sitecheck import CrawlReport, Server, crawl, unreached

pytestmark = [pytest.mark.browser, pytest.mark.tools]

#: A deep URL that does not exist: GitHub Pages answers it with 404.html.
MISSING = "no/such/page.html"


def check(report: CrawlReport, root: Path, *, orphans_allowed: tuple[str, ...]) -> None:
    orphans = unreached(report, root, except_=orphans_allowed)
    print(
        f"\ncrawl of {report.base}: {len(report.pages)} pages, {len(report.assets)} other files, "
        f"{report.links} same-host links, {len(report.requests)} browser requests; "
        f"{len(report.problems)} broken, {len(report.foreign)} requests to other hosts, "
        f"{len(orphans)} pages not reached"
    )
    assert not report.problems, "\n".join(map(str, report.problems))
    assert not report.foreign, "requests to other hosts:\n" + "\n".join(report.foreign)
    assert not orphans, f"pages no link reaches from the home page: {orphans}"
    kinds = {Path(u).suffix for u in report.assets}
    assert {".css", ".js", ".svg", ".txt", ".json"} <= kinds, kinds


def test_crawl_under_project_path(browser: Browser, served_sub: Server, site_root: Path) -> None:
    """As GitHub Pages serves a project: the build's base path, so 404.html is checked too."""
    report = crawl(browser, served_sub.base, start=("", MISSING), expect_status={MISSING: 404})
    assert served_sub.base + MISSING in report.pages  # the 404 page was served and crawled
    check(report, site_root, orphans_allowed=("404.html",))


def test_crawl_at_domain_root(browser: Browser, served_root: Server, site_root: Path) -> None:
    """The same folder at /. Its 404.html is left out here: its links start with the
    build's base path (/archive-site/), which is right only where that path is the
    site's, as in the crawl above; under / it is served for no URL of the site."""
    report = crawl(browser, served_root.base, start=("",))
    assert served_root.base + "404.html" not in report.pages
    check(report, site_root, orphans_allowed=("404.html",))
