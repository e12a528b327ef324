"""The HTML cached per folder (render/context.py): built once per folder, and only the
folders rendered into last kept."""

from __future__ import annotations

from collections import Counter

import pytest
from markupsafe import escape

from archive_site import urls
from archive_site.model import Archive, Source
from archive_site.render.context import FOLDERS_KEPT, FolderCache, Where
from archive_site.render.views import Speaker, speaker


def at(path: str, rooted: bool = False) -> Where:
    return Where(path, rooted, "/base/")


class Counting:
    """A cache and how many times each (folder, key) was built."""

    def __init__(self) -> None:
        self.cache = FolderCache()
        self.built: Counter[tuple[str, str]] = Counter()

    def get(self, page: str, key: str, rooted: bool = False) -> str:
        where = at(page, rooted)

        def build() -> str:
            self.built[where.folder[1], key] += 1
            return f"<a href='{where.href('x.html')}'>{key}</a>"

        return str(self.cache.get(where, (key,), build))


def test_a_fragment_is_built_once_per_folder() -> None:
    c = Counting()
    first = c.get("articles/a.html", "k")
    assert c.get("articles/b.html", "k") == first  # the same folder: the same links
    assert first == "<a href='../x.html'>k</a>"
    assert c.get("years/2001.html", "k") == first  # built again: another folder
    assert c.get("index.html", "k") == "<a href='x.html'>k</a>"
    assert c.get("404.html", "k", rooted=True) == "<a href='/base/x.html'>k</a>"
    assert c.built == {("articles", "k"): 1, ("years", "k"): 1, ("", "k"): 2}


def test_only_the_folders_rendered_into_last_are_kept() -> None:
    c = Counting()
    c.get("index.html", "nav")
    folders = [f"f{n}" for n in range(FOLDERS_KEPT - 1)]
    for _ in range(3):  # the top folder's pages come between the others': kept throughout
        for folder in folders:
            c.get(f"{folder}/p.html", "k")
            c.get("index.html", "nav")
    assert c.built[("", "nav")] == 1
    assert all(c.built[(folder, "k")] == 1 for folder in folders)
    c.get("one-more/p.html", "k")  # FOLDERS_KEPT + 1 folders: the least recent is dropped
    c.get("index.html", "nav")
    c.get(f"{folders[0]}/p.html", "k")
    assert c.built[(folders[0], "k")] == 2
    assert c.built[("", "nav")] == 1


def test_memory_follows_the_folders_kept_not_the_site() -> None:
    c = Counting()
    for n in range(50):
        for k in range(20):
            c.get(f"folder-{n}/p.html", f"k{k}")
    kept = c.cache._folders  # what the cache holds is the point
    assert len(kept) == FOLDERS_KEPT
    assert sorted(kept) == [(False, f"folder-{n}") for n in range(50 - FOLDERS_KEPT, 50)]
    assert all(len(html) == 20 for html in kept.values())


def test_a_fragment_built_from_another_folder_is_kept_under_its_own() -> None:
    cache = FolderCache()
    inner = cache.get(at("years/2001.html"), ("inner",), lambda: "years")

    def outer() -> str:  # a fragment whose making renders into another folder
        return "outer:" + cache.get(at("topics/t.html"), ("inner",), lambda: "topics")

    assert cache.get(at("articles/a.html"), ("outer",), outer) == "outer:topics"
    assert cache.get(at("articles/b.html"), ("outer",), lambda: "built again") == "outer:topics"
    assert cache.get(at("years/2002.html"), ("inner",), lambda: "built again") == inner


def test_an_article_s_text_is_marked_with_its_language_when_it_is_another() -> None:
    from archive_site.render.views import text_language

    assert text_language("az", "en") == "az" and text_language("ru-RU", "en-GB") == "ru-RU"
    assert text_language("en-US", "en") is None and text_language("EN", "en-GB") is None


def test_who_makes_a_source_s_statement_is_worked_out_once_however_many_pages_list_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A milestone's sources are listed on its page and in its entries of the timeline, its
    year, its topics and its entities, in as many folders: the speaker of each is found
    once, and every list names the one found."""
    from archive_site.load import load_archive
    from archive_site.render import fragments, render_site
    from conftest import CONTENT, TEMPLATES

    archive = load_archive(CONTENT)
    asked: Counter[Source] = Counter()

    def counted(a: Archive, s: Source) -> Speaker:
        asked[s] += 1
        return speaker(a, s)

    monkeypatch.setattr(fragments, "speaker", counted)
    outputs = render_site(archive, TEMPLATES, CONTENT)
    sources = {s for m in archive.milestones for s in m.sources}
    assert set(asked) == sources
    assert max(asked.values()) == 1
    lists = [o for o in outputs if o.path.endswith(".html") and b'class="srcs"' in o.data]
    assert len({o.path.rpartition("/")[0] for o in lists}) >= 4  # listed in many folders
    pages = {o.path: o.data.decode() for o in lists}
    for m in archive.milestones:
        page = pages[urls.milestone(m.id)]
        for s in m.sources:
            who = speaker(archive, s)
            name = escape(who.name)
            assert f'<span class="by">{"<a " if who.entity else ""}' in page
            assert f"{name}</a>, {escape(who.words)}</span>" in page or (
                f'<span class="by">{name}, {escape(who.words)}</span>' in page
            )
