"""The loader knows the targets of exactly the internal link schemes urls resolves."""

from __future__ import annotations

from archive_site import urls
from archive_site.load.links import known_targets
from records import article, milestone, source


def test_known_targets_cover_every_internal_scheme() -> None:
    arts = [article("a", "2023-05-01")]
    ms = [milestone("m", "2019/2021", sources=(source("a"),))]
    known = known_targets(arts, ms, [], [], [])
    assert list(known) == list(urls.INTERNAL_SCHEMES)
    assert known["year"] == {"2019", "2020", "2021", "2023"}
    assert known["article"] == {"a"}
    assert known["milestone"] == {"m"}
    assert known["site"] == urls.SITE_TARGETS
