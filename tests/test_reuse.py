"""What a build takes from the previous output: pages whose keys are unchanged (what the
templates read is checked on their source, and a page whose inputs cannot all be named is
rendered by every build), and files written again with the same bytes."""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from markupsafe import Markup

from archive_site import produce
from archive_site.cache import cache_file, cache_path
from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.model import Archive
from archive_site.pipeline import Paths, build
from archive_site.render import Page, plan_site
from archive_site.render.export import STORED
from archive_site.render.keys import STORED_USES, PageKeys, TemplateUse, Unkeyable, template_use
from archive_site.write import share_unchanged
from conftest import COMMENTARY, CONTENT, TEMPLATES, TEST_BASE_URL, edit
from test_stamp import _build, _same_as_cold

GLOBALS = {"archive": None, "site": None, "partial": None, "entry": None, "secret": None}


def use(source: str) -> TemplateUse:
    env = jinja2.Environment(autoescape=True)
    return template_use(env.parse(source), {**env.globals, **GLOBALS})


@pytest.mark.parametrize(
    ("source", "safe"),
    [
        ("{{ site.title }} {{ archive.articles|length }} {{ archive.pages|length }}", True),
        ("{{ title }} {{ values|length }} {{ range(3)|list }}", True),
        ("{{ archive.articles[0].title }}", False),
        ("{% for a in archive.articles %}{{ a.title }}{% endfor %}", False),
        ("{{ archive.articles|first }}", False),
        ("{{ archive.links|length }}", False),
        ("{% set a = archive %}{{ a.articles|length }}", False),
        ("{{ secret }}", False),
    ],
)
def test_a_template_may_read_the_safe_globals_and_count_the_archive(
    source: str, safe: bool
) -> None:
    assert use(source).safe is safe


@pytest.mark.parametrize(
    ("source", "brings"),
    [
        ('{% extends "base.html" %}', ("base.html",)),
        (
            '{% include ["a.html", "b.html"] %}{% import "m.html" as m %}',
            ("a.html", "b.html", "m.html"),
        ),
        (
            '{% from "m.html" import x %}{{ partial("partials/footer.html") }}',
            ("m.html", "partials/footer.html"),
        ),
        ("{{ entry(m) }}", ("entry.html",)),
        ("{% include name %}", None),
        ("{{ partial(name) }}", None),
        ('{% set p = partial %}{{ p("partials/footer.html") }}', None),
    ],
)
def test_the_templates_a_template_brings_in_are_found_or_it_is_never_trusted(
    source: str, brings: tuple[str, ...] | None
) -> None:
    assert use(source).brings == brings


def _keys(content: Path, templates: Path) -> tuple[list[str], PageKeys]:
    archive = load_archive(content, base_url=TEST_BASE_URL, problems=Problems())
    site = plan_site(archive, templates, content)
    files = {
        f"{name}/{p.relative_to(root).as_posix()}": hashlib.sha256(p.read_bytes()).hexdigest()
        for name, root in (("content", content), ("templates", templates))
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
    keys = PageKeys(archive, site.renderer.env, files, "salt")
    return [p.path for p in site.pages if keys.of(p) is None], keys


def test_only_the_pages_that_read_the_whole_archive_are_rendered_every_build() -> None:
    never, _ = _keys(CONTENT, TEMPLATES)
    # the home page and the feed read the archive in their templates; the data files are
    # made from all of it
    assert [p for p in never if not p.startswith("data/")] == [
        "index.html",
        "feed.xml",
    ]
    assert [p for p in never if p.startswith("data/")]


def test_a_template_that_reads_the_archive_is_rendered_every_build(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    edit(
        project_copy / "templates/page.html",
        "{% block main %}",
        "{% block main %}<p>Latest: {{ archive.articles[0].short_title }}</p>",
    )
    never, _ = _keys(project_copy / "content", project_copy / "templates")
    assert "about.html" in never
    _build(project_copy, "dist")
    edit(project_copy / f"content/articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The")
    again = _build(project_copy, "dist")
    assert "about.html" not in again.reused and "topics/index.html" in again.reused
    assert b"EDnews: The" in (project_copy / "dist/about.html").read_bytes()
    _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)


def test_what_each_template_reads_is_kept_and_found_again_when_it_changes(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    meta = small_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    first = _build(small_copy, "dist")
    assert first.cache is not None and not first.cache.hits[STORED_USES]
    parsed = first.cache.misses[STORED_USES]
    assert parsed > 10  # every template a keyed page uses, each once
    edit(meta, "EDnews: the", "EDnews: The")
    again = _build(small_copy, "dist")
    assert again.cache is not None and not again.cache.misses[STORED_USES]
    assert again.cache.hits[STORED_USES] == parsed and "about.html" in again.reused
    # A template edited to read the archive is parsed again (the others are not), and
    # its pages are rendered by every build from then on.
    edit(
        small_copy / "templates/page.html",
        "{% block main %}",
        "{% block main %}<p>Latest: {{ archive.articles[0].short_title }}</p>",
    )
    third = _build(small_copy, "dist")
    assert third.cache is not None and third.cache.misses[STORED_USES] == 1
    edit(meta, "EDnews: The", "EDnews: THE")
    fourth = _build(small_copy, "dist")
    assert "about.html" not in fourth.reused and "topics/index.html" in fourth.reused
    assert b"EDnews: THE" in (small_copy / "dist/about.html").read_bytes()
    _same_as_cold(small_copy, monkeypatch, TEST_BASE_URL)


def test_files_written_again_unchanged_become_links_to_the_previous_ones(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, changed in ((old, b"before"), (new, b"after!")):
        (folder / "sub").mkdir(parents=True)
        (folder / "same.txt").write_bytes(b"same bytes")
        (folder / "sub/same.bin").write_bytes(b"\x00same")
        (folder / "sub/changed.txt").write_bytes(changed)  # same size, other bytes
    (new / "only-new.txt").write_bytes(b"new")
    (old / "sub/link.txt").symlink_to(old / "same.txt")
    (new / "sub/link.txt").write_bytes(b"same bytes")
    assert share_unchanged(new, old, ["sub/same.bin", "only-new.txt"]) == 1  # those alone
    assert (new / "same.txt").stat().st_nlink == 1
    assert share_unchanged(new, old) == 1  # the rest
    for name in ("same.txt", "sub/same.bin"):
        assert (new / name).stat().st_ino == (old / name).stat().st_ino, name
    for name in ("sub/changed.txt", "sub/link.txt"):
        assert (new / name).stat().st_nlink == 1, name
    assert (new / "sub/changed.txt").read_bytes() == b"after!"
    assert sorted(p.name for p in new.rglob("*")) == [
        "changed.txt",
        "link.txt",
        "only-new.txt",
        "same.bin",
        "same.txt",
        "sub",
    ]


def test_an_edit_keeps_the_pages_and_index_files_it_does_not_change(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(project_copy, "dist")
    dist = project_copy / "dist"
    inodes = {p: p.stat().st_ino for p in dist.rglob("*") if p.is_file()}
    # a paragraph of the commentary: its page, and so the search index, change
    edit(
        project_copy / f"content/articles/{COMMENTARY}.capture.txt",
        "In recent years,",
        "As Xinhua wrote, in recent years,",
    )
    again = _build(project_copy, "dist")
    kept = {p for p, ino in inodes.items() if p.exists() and p.stat().st_ino == ino}
    assert {dist / p for p in again.reused} <= kept
    index = [p for p in inodes if p.is_relative_to(dist / "pagefind")]
    assert index and sum(p in kept for p in index) > len(index) // 2
    assert dist / f"articles/{COMMENTARY}.html" not in kept
    assert dist / "pagefind/pagefind-entry.json" not in kept  # a new index
    # the old site, deleted while the build made its records, is gone when it returns
    assert not [
        p.name for p in project_copy.iterdir() if p.name.startswith((".dist.new", ".dist.old"))
    ]
    _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)


def _render_nothing(r: object) -> dict[str, object]:
    return {}


def test_values_are_told_apart_and_what_cannot_be_named_makes_no_key() -> None:
    _, keys = _keys(CONTENT, TEMPLATES)
    t = keys.token
    empties = [(), [], {}, "", None, 0, False, 0.0, Markup("")]
    assert len({t(v) for v in empties}) == len(empties)
    assert t((1, "a")) != t([1, "a"]) and t(("a,b",)) != t(("a", "b"))
    assert t({"a": 1}) != t({"a": "1"}) and t([1] * 20) != t([1] * 21)
    n = 3

    def closure(r: object) -> int:
        return n

    for bad in (lambda r: None, closure, object(), {1, 2}, keys.archive, b"bytes"):
        with pytest.raises(Unkeyable):
            t(bad)
    view = functools.partial(_render_nothing)
    assert keys.of(Page("about.html", "page.html", {}, view=view, reads=())) is not None
    assert keys.of(Page("about.html", "page.html", {}, view=view)) is None  # reads not declared
    assert keys.of(Page("x.txt", make=lambda r: b"")) is None


def test_the_pages_to_render_again_are_shared_by_workers(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers render the pages left after the reused ones are linked: the same output."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setattr(produce, "MIN_PAGES", 0)  # the seed is small: force workers
    paths = Paths(Path("content"), Path("templates"), Path("dist"))
    build(paths, base_url=TEST_BASE_URL, jobs=2)
    edit(project_copy / f"content/articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The")
    again = build(paths, base_url=TEST_BASE_URL, jobs=2)
    assert again.reused and len(again.reused) < again.files
    _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)


@pytest.mark.parametrize("change", ["none", "a page edited", "pages removed", "all removed"])
def test_unchanged_pages_linked_by_a_process_of_their_own_give_the_same_output(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """With jobs, a build links the unchanged pages in from a forked process while it renders
    the others; a page whose file was changed or removed since the last build is rendered
    anew (by workers too); with the previous output gone, nothing is forked to link."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setattr(produce, "MIN_LINKS", 1)  # the seed is small: force the process
    monkeypatch.setattr(produce, "MIN_PAGES", 1)  # and the workers
    forked: list[int] = []
    rendered: list[tuple[int, int]] = []
    real, real_render = produce._Linker.__init__, produce._render

    def counted(self: Any, *args: Any) -> None:
        forked.append(len(args[1]))
        real(self, *args)

    def render(site: Any, pages: Any, folder: Path, jobs: int) -> Any:
        rendered.append((len(pages), jobs))
        return real_render(site, pages, folder, jobs)

    monkeypatch.setattr(produce._Linker, "__init__", counted)
    monkeypatch.setattr(produce, "_render", render)
    paths = Paths(Path("content"), Path("templates"), Path("dist"))
    build(paths, base_url=TEST_BASE_URL, jobs=2)
    assert forked == []  # nothing to link the first time
    dist = project_copy / "dist"
    about = dist / "about.html"
    if change == "a page edited":  # its file is no longer as recorded
        about.write_bytes(about.read_bytes().replace(b"</body>", b"<!-- x --></body>"))
    elif change == "pages removed":
        shutil.rmtree(dist / "entities")
    elif change == "all removed":
        shutil.rmtree(dist)
    edit(project_copy / f"content/articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The")
    rendered.clear()
    again = build(paths, base_url=TEST_BASE_URL, jobs=2)
    assert bool(forked) is (change != "all removed")
    assert again.reused or change == "all removed"
    assert ("about.html" in again.reused) is (change in ("none", "pages removed"))
    assert not any(p.startswith("entities/") for p in again.reused) or change != "pages removed"
    assert all(jobs == 2 for _, jobs in rendered)  # what could not be linked: by workers too
    assert b"<!-- x -->" not in about.read_bytes()
    _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)


def _quoting(archive: Archive, article: str) -> set[str]:
    """The milestones whose key names ``article``: they quote it, or their evidence does."""
    named = {
        m.id
        for m in archive.milestones
        for d in archive.evidence[m.id].dependencies
        if article in (d.article, d.on)
    }
    return named | {
        m.id for m in archive.milestones if any(s.article == article for s in m.sources)
    }


def test_the_data_files_take_the_parts_of_unchanged_records_from_the_cache(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each article's and milestone's parts of the data files are kept under their key:
    after an edit of one article, only its parts and those of the milestones naming it are
    made again, whether the pages render in this process or in workers (the parts are made
    here, where they are kept); a kept entry that is no parts is made again."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setattr(produce, "MIN_PAGES", 0)  # the seed is small: force workers
    paths = Paths(Path("content"), Path("templates"), Path("dist"))
    first = build(paths, base_url=TEST_BASE_URL, jobs=2, search=False)
    assert first.cache is not None and first.archive is not None
    records = len(first.archive.articles) + len(first.archive.milestones)
    assert first.cache.misses["data"] == records and not first.cache.hits["data"]
    edit(project_copy / f"content/articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The")
    for jobs in (2, 1):
        again = build(paths, base_url=TEST_BASE_URL, jobs=jobs, search=False)
        assert again.cache is not None and again.archive is not None
        made = 1 + len(_quoting(again.archive, COMMENTARY)) if jobs == 2 else 0
        assert 1 < made < records or jobs == 1
        assert again.cache.misses["data"] == made
        assert again.cache.hits["data"] == records - made
    assert b"EDnews: The" in (project_copy / "dist/data/articles.json").read_bytes()
    for f in cache_path(project_copy / "content").glob(f"{STORED}.*.pickle"):
        stream = io.BytesIO(f.read_bytes())
        head, entries = pickle.load(stream), pickle.load(stream)  # a head, then the entries
        planted = pickle.dumps(dict.fromkeys(entries, (b"planted",)))
        f.write_bytes(cache_file(head["tag"], planted))
    build(paths, base_url=TEST_BASE_URL, jobs=1)  # with its search index, as the cold one
    assert b"planted" not in b"".join(p.read_bytes() for p in Path("dist/data").iterdir())
    kept = cache_path(project_copy / "content").glob(f"{STORED}.*.pickle")
    assert b"planted" not in b"".join(f.read_bytes() for f in kept)  # made again, and kept
    _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)
