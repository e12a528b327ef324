"""The search index: what Pagefind indexes, with which filters, and how a failure ends a build.

The browser tests (tests/browser/test_search.py) run the queries.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
import shutil
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from archive_site import searchindex
from archive_site.commands.cli import main
from archive_site.errors import ArchiveError
from archive_site.load import load_archive
from archive_site.model import Archive
from archive_site.pipeline import Paths, build
from conftest import (
    CONTENT,
    INTERVIEW,
    TEST_BASE_URL,
    BuiltSite,
    _replay_pagefind,
    cold_builds,
    edit,
)


@pytest.fixture(scope="module")
def archive() -> Archive:
    return load_archive(CONTENT, strict=True)


def _filters(root: Path) -> dict[str, Counter[str]]:
    """Each filter of the built index: value -> number of pages, read from Pagefind's files."""
    entry = json.loads((root / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    (lang,) = entry["languages"].values()
    meta = searchindex._read_index_file(root / f"pagefind/pagefind.{lang['hash']}.pf_meta")
    assert isinstance(meta, list) and isinstance(meta[3], list)
    out: dict[str, Counter[str]] = {}
    for name, file in meta[3]:  # type: ignore[misc]
        data = searchindex._read_index_file(root / f"pagefind/filter/{file}.pf_filter")
        assert isinstance(data, list) and data[0] == name
        out[str(name)] = Counter({str(v): len(pages) for v, pages in data[1]})  # type: ignore[misc,union-attr]
    return out


def test_the_index_holds_every_record_page_and_only_those(
    site: BuiltSite, archive: Archive
) -> None:
    entry = json.loads((site.root / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    records = (
        len(archive.articles)
        + len(archive.milestones)
        + len(archive.entities)
        + len(archive.topics)
        + len(archive.years)
    )
    assert entry["languages"]["en"]["page_count"] == records
    assert (site.root / "pagefind/pagefind.js").is_file()
    assert (site.root / "pagefind/wasm.en.pagefind").is_file()
    for unused in searchindex.UNUSED:  # the ready-made interfaces the site does not use
        assert not (site.root / "pagefind" / unused).exists()


def test_filters_count_what_the_archive_holds(site: BuiltSite, archive: Archive) -> None:
    filters = _filters(site.root)
    assert set(filters) == {"kind", "outlet", "year", "topic", "type"}
    assert filters["kind"] == Counter(
        article=len(archive.articles),
        milestone=len(archive.milestones),
        entity=len(archive.entities),
        topic=len(archive.topics),
        year=len(archive.years),
    )
    assert filters["outlet"] == Counter(a.outlet for a in archive.articles)
    assert filters["type"] == Counter(e.type for e in archive.entities)
    transport = [m for m in archive.milestones if "transport" in m.topics]
    cites_transport = {
        s.article for m in transport for s in m.sources
    }  # articles are filed under their milestones' topics
    assert filters["topic"]["transport"] == len(transport) + len(cites_transport) + 1
    in_2025 = [m for m in archive.milestones if 2025 in m.date.years()]
    published_2025 = [a for a in archive.articles if a.published.date.year == 2025]
    assert filters["year"]["2025"] == len(in_2025) + len(published_2025) + 1


def test_the_search_page_offers_exactly_the_indexed_values(site: BuiltSite) -> None:
    html = site.page("search.html")
    filters = _filters(site.root)
    for key, values in filters.items():
        select = re.search(
            rf'<select id="f-{key}" name="{key}" data-filter="{key}">(.*?)</select>', html
        )
        assert select, key
        offered = set(re.findall(r'<option value="([^"]*)">', select.group(1))) - {""}
        assert {v.replace("&", "&amp;") for v in values} == offered, key


def test_pages_say_what_the_index_reads(site: BuiltSite) -> None:
    html = site.page(f"articles/{INTERVIEW}.html")
    assert '<span data-pagefind-filter="kind:article"></span>' in html
    assert '<span data-pagefind-meta="date:21 April 2025"></span>' in html
    assert '<span data-pagefind-sort="date:2025-04-21"></span>' in html
    assert html.count("data-pagefind-body") == 2  # the header and the text
    # navigation, the raw capture's name and checksum, the citation: never indexed
    head, text = re.findall(
        r"<(?:header|section)[^>]* data-pagefind-body>(.*?)</(?:header|section)>", html, re.S
    )
    assert "data-pagefind-ignore>SHA-256" in head and "Cite" not in text
    for page in ("index.html", "timeline.html", "about.html", "search.html", "articles/index.html"):
        assert "data-pagefind-body" not in site.page(page), page


def _indexed_texts(root: Path) -> dict[str, str]:
    """What Pagefind indexed of each page: its fragments' ``content``, by page path."""
    out = {}
    for path in root.glob("pagefind/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        out[fragment["url"].lstrip("/")] = fragment["content"]
    return out


def test_a_quote_is_a_word_apart_from_its_speaker_in_the_index(
    site: BuiltSite, archive: Archive
) -> None:
    """The quote's last word and the speaker's first were run together in the index,
    "transport linksIlham Aliyev": the results' excerpts showed them so, one word."""
    indexed = _indexed_texts(site.root)
    checked = 0
    for m in archive.milestones:
        content = indexed[f"milestones/{m.id}.html"]
        for s in m.sources:
            para = archive.article(s.article).paragraph(s.paragraph)
            assert para is not None
            quote = " ".join(para.text[s.start : s.end].split())
            assert re.search(re.escape(quote) + r"(?:\s|$)", content), (m.id, quote)
            checked += 1
    assert checked >= 10


def test_the_marks_of_the_milestones_citing_a_paragraph_are_not_indexed(site: BuiltSite) -> None:
    """An article's text was indexed with the numbers linking its quoted passages to their
    milestones, "Xinhua News Agency.[1] Question": the excerpts showed them, and they are
    no words of the text."""
    indexed = _indexed_texts(site.root)
    html = site.page(f"articles/{INTERVIEW}.html")
    assert re.search(r'class="cite"[^>]*><sup>\[1\]</sup>', html)  # still on the page
    articles = {path: text for path, text in indexed.items() if path.startswith("articles/")}
    assert articles
    for path, text in articles.items():
        assert not re.search(r"\[\d+\]", text), (path, re.findall(r".{20}\[\d+\].{20}", text))


def _indexed_fragments(root: Path) -> dict[str, dict[str, Any]]:
    """What Pagefind indexed of each page, its fragment whole (``content``, ``anchors``)."""
    out = {}
    for path in root.glob("pagefind/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        out[fragment["url"].lstrip("/")] = fragment
    return out


def test_a_paragraph_s_result_holds_no_other_turn_s_speaker(site: BuiltSite) -> None:
    """Walk 29: a question's paragraph came up in the results as "… de la visite du
    président Aliev à Pékin ? Answer · Jeyhun Bayramov.": the label naming the next turn's
    speaker stands between one paragraph's anchor and the next, and was indexed as the
    question's last words (and a search for the interviewee found the questions)."""
    fragment = _indexed_fragments(site.root)[f"articles/{INTERVIEW}.html"]
    words = fragment["content"].split()
    anchors = [a for a in fragment["anchors"] if re.fullmatch(r"p\d+", a["id"])]
    assert len(anchors) == 41
    for here, after in zip(anchors, [*anchors[1:], None], strict=True):
        end = after["location"] if after else len(words)
        said = " ".join(words[here["location"] : end])
        assert "Question ·" not in said and "Answer ·" not in said, (here["id"], said)
    # the page still names each turn's speaker
    assert site.page(f"articles/{INTERVIEW}.html").count('<p class="who"') == 12


def test_an_article_s_facts_are_indexed_as_words_apart(site: BuiltSite) -> None:
    """Walk 29: an article's facts were indexed run together, "Published28 April 2025 ...
    OutletLe Monde.fr AuthorClaire DuvalInterviewJeyhun Bayramov": the excerpts showed them
    so, and a search for the author's family name ("Duval") found no such word."""
    articles = {p: t for p, t in _indexed_texts(site.root).items() if p.startswith("articles/")}
    assert articles
    for path, text in articles.items():
        words = text.split()
        for label in ("Published", "Outlet", "Kind"):
            assert label in words, (path, label, text[:200])
        assert not re.search(r"(?:Published|Outlet|Author|Interview|Kind)(?=[A-Z0-9])", text)
    words = articles[f"articles/{INTERVIEW}.html"].split()
    assert "Interview" in words and "Author" not in words  # (the interview names no author)


def test_a_month_or_year_sorts_after_its_days(site: BuiltSite, archive: Archive) -> None:
    """As on the timeline: "April 2019" after 30 April 2019, "2016" after 31 December 2016."""
    for m in archive.milestones:
        d = m.date.anchor
        want = f"{d.year:04d}-{d.month or 13:02d}-{d.day or 32:02d}"
        assert f'data-pagefind-sort="date:{want}"' in site.page(f"milestones/{m.id}.html")
    assert any(m.date.anchor.month is None for m in archive.milestones)


def test_every_page_has_the_search_box(site: BuiltSite) -> None:
    for path in site.html_files():
        html = path.read_text(encoding="utf-8")
        form = re.search(
            r'<form class="find" role="search"[^>]*action="([^"]+)"[^>]*>(.*?)</form>', html, re.S
        )
        assert form, path
        assert '<input type="search" name="q"' in form.group(2)
        rel = path.relative_to(site.root).as_posix()
        expected = (
            "/archive-site/search.html"
            if rel == "404.html"
            else "../" * rel.count("/") + "search.html"
        )
        assert form.group(1) == expected, rel


def test_the_search_page_without_javascript(site: BuiltSite) -> None:
    html = site.page("search.html")
    assert re.search(r'<form class="filters search" id="search"[^>]* hidden>', html)
    off = html[html.index('<div id="search-off">') :]
    off = off[: off.index("</div>")]
    assert "needs JavaScript" in off and "from disk" in off
    for target in ("timeline.html", "entities/index.html", "articles/index.html"):
        assert f'href="{target}"' in off
    assert html.count("<script") == 1 and 'src="assets/search.js"' in html
    assert "pagefind" not in site.page("index.html")  # pages without a query load no search code


def test_pagefinds_files_round_trip_through_our_reader(site: BuiltSite) -> None:
    """The canonical rewrite reads and writes the format exactly as Pagefind does."""
    files = [
        *site.root.glob("pagefind/*.pf_meta"),
        *site.root.glob("pagefind/filter/*"),
        *site.root.glob("pagefind/index/*"),
    ]
    assert len(files) > 5
    for f in files:
        raw = gzip.decompress(f.read_bytes())
        value, end = searchindex._cbor_decode(raw, len(searchindex.SIGNATURE))
        assert end == len(raw) and searchindex.SIGNATURE + searchindex._cbor_encode(value) == raw, f


def _failing_pagefind(tmp: Path, code: int, said: str) -> Path:
    script = tmp / "pagefind"
    script.write_text(f"#!/bin/sh\necho '{said}' >&2\nexit {code}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_a_failed_index_fails_the_build_and_keeps_dist(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "-q"]) == 0
    before = {p: p.read_bytes() for p in Path("dist").rglob("*") if p.is_file()}
    broken = _failing_pagefind(project_copy, 3, "Error: could not parse file")
    monkeypatch.setattr(searchindex, "executable", lambda: broken)
    (project_copy / "templates/search.html").write_text(
        (project_copy / "templates/search.html").read_text(encoding="utf-8") + "<!-- changed -->",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "search index: Pagefind failed (exit status 3): Error: could not parse file" in err
    assert "nothing was written; the output folder is unchanged" in err
    after = {p: p.read_bytes() for p in Path("dist").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in project_copy.iterdir() if p.name.startswith(".dist")] == []


def test_an_index_pagefind_could_not_write_fails_the_build(tmp_path: Path) -> None:
    """On a full disk Pagefind leaves its entry file empty and exits with 0: the index was
    then an internal error (a JSON decoding error, audit 6)."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site/a.html").write_text("<html><body data-pagefind-body>Port</body></html>")
    script = tmp_path / "pagefind"
    script.write_text(
        '#!/bin/sh\nwhile [ "$1" != "--output-path" ]; do shift; done\n'
        'mkdir -p "$2" && : > "$2/pagefind-entry.json"\necho "Writing files" >&2\n',
        encoding="utf-8",
    )
    script.chmod(0o755)
    with pytest.raises(ArchiveError) as caught:
        searchindex.index_site(tmp_path / "site", binary=script)
    assert str(caught.value).startswith(
        "1. search index: Pagefind wrote no readable index (is the disk full?): Writing files"
    )


def test_a_site_without_pages_cannot_be_indexed(tmp_path: Path) -> None:
    """The real Pagefind's own complaint reaches the user, with the stage that failed."""
    (tmp_path / "notes.txt").write_text("no page here", encoding="utf-8")
    with pytest.raises(ArchiveError) as caught:
        searchindex.index_site(tmp_path)
    assert str(caught.value).startswith(
        "1. search index: Pagefind failed (exit status 1): Error: Pagefind was not able to build"
    )


# --- reusing an unchanged index ----------------------------------------------------------


def _index_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _build_counting(project: Path, monkeypatch: pytest.MonkeyPatch, out: str = "dist") -> int:
    """Build ``project`` into ``out``; how many times Pagefind ran."""
    runs: list[Path] = []
    real = searchindex._run_pagefind

    def counted(
        site: Path, pages: list[str], program: Path, output: Path, stage: Path, **kw: Any
    ) -> None:
        runs.append(site)
        real(site, pages, program, output, stage, **kw)

    with monkeypatch.context() as m:
        m.setattr(searchindex, "_run_pagefind", counted)
        paths = Paths(project / "content", project / "templates", project / out)
        build(paths, base_url=TEST_BASE_URL)
    return len(runs)


def _cold_index(project: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    shutil.rmtree(project / "cold", ignore_errors=True)
    with monkeypatch.context() as m:
        cold_builds(m)
        assert _build_counting(project, m, "cold") == 1
    assert not searchindex.record_path(project / "cold").exists()
    return _index_tree(project / "cold/pagefind")


def test_an_index_is_reused_only_while_its_pages_are_unchanged(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(small_copy / "cache"))  # no bundle kept before
    assert _build_counting(small_copy, monkeypatch) == 1
    assert searchindex.record_path(small_copy / "dist").is_file()
    record = json.loads(searchindex.record_path(small_copy / "dist").read_text("utf-8"))
    hashed = searchindex._hashed_pages(small_copy / "dist", {})
    assert searchindex._known_pages(record) == hashed and len(hashed) > 10

    # The about page and the search page are not indexed: the index is reused, and it is
    # the very index a cold build makes.
    edit(small_copy / "content/pages/about.md", "title: ", "title: All ")
    edit(small_copy / "templates/search.html", "</form>", "</form>\n")
    assert _build_counting(small_copy, monkeypatch) == 0
    assert _index_tree(small_copy / "dist/pagefind") == _cold_index(small_copy, monkeypatch)

    # A milestone's words are indexed: Pagefind runs again.
    edit(small_copy / "content/milestones.yaml", "title: ", "title: Then, ")
    assert _build_counting(small_copy, monkeypatch) == 1
    assert _index_tree(small_copy / "dist/pagefind") == _cold_index(small_copy, monkeypatch)

    # An index touched since the build is not trusted, even with its size unchanged.
    meta = next((small_copy / "dist/pagefind").glob("*.pf_meta"))
    os.utime(meta, ns=(meta.stat().st_atime_ns, meta.stat().st_mtime_ns + 1))
    edit(small_copy / "content/pages/about.md", "title: ", "title: The ")
    assert _build_counting(small_copy, monkeypatch) == 1

    # ARCHIVE_SITE_NO_CACHE=1 never reuses
    edit(small_copy / "content/pages/about.md", "title: ", "title: Our ")
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    assert _build_counting(small_copy, monkeypatch) == 1


def test_a_shard_indexed_before_is_taken_from_the_cache_into_a_new_output_folder(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After ``rm -rf dist``, or into another folder, the bundles kept in the user's cache
    are linked in: no Pagefind run, and the very index a cold build makes."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(small_copy / "cache"))
    kept = searchindex.bundles_path()
    assert kept.is_relative_to(small_copy / "cache")
    assert _build_counting(small_copy, monkeypatch) == 1
    (record,) = kept.glob("*.json")
    bundle = kept / record.stem
    assert _index_tree(bundle) == _index_tree(small_copy / "dist/pagefind")
    cold = _cold_index(small_copy, monkeypatch)  # a cold build neither reads nor adds one
    assert sorted(p.name for p in kept.iterdir()) == sorted([bundle.name, record.name])

    assert _build_counting(small_copy, monkeypatch, "other") == 0
    shutil.rmtree(small_copy / "dist")
    assert _build_counting(small_copy, monkeypatch) == 0
    for out in ("other", "dist"):
        assert _index_tree(small_copy / out / "pagefind") == cold

    # A kept file touched since (its size unchanged), or gone, is not trusted: Pagefind
    # runs, and the bundle it makes is kept in its place.
    for n, spoil in enumerate([_touch, Path.unlink]):
        spoil(next(p for p in bundle.rglob("*.pf_fragment")))
        assert _build_counting(small_copy, monkeypatch, f"spoilt-{n}") == 1
        assert _index_tree(small_copy / f"spoilt-{n}/pagefind") == cold
        assert _build_counting(small_copy, monkeypatch, f"again-{n}") == 0

    # A link put in the cache's place is neither read nor written through.
    outside = small_copy / "outside"
    shutil.copytree(kept, outside, symlinks=True)
    shutil.rmtree(kept)
    kept.symlink_to(outside)
    before = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outside.rglob("*")}
    assert _build_counting(small_copy, monkeypatch, "linked") == 1
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in outside.rglob("*")} == before


def test_links_half_made_are_taken_back_when_a_file_is_gone(tmp_path: Path) -> None:
    """A kept bundle pruned by another build while this one links it leaves no stray file
    in the site (Pagefind then makes the shard there)."""
    source, target = tmp_path / "kept", tmp_path / "site"
    (source / "fragment").mkdir(parents=True)
    for name in ("a.pf_fragment", "b.pf_fragment"):
        (source / "fragment" / name).write_bytes(b"x")
    names = ["fragment/a.pf_fragment", "fragment/b.pf_fragment", "fragment/c.pf_fragment"]
    with pytest.raises(FileNotFoundError):
        searchindex._link_tree(source, target, names)
    assert [p for p in target.rglob("*") if not p.is_dir()] == []
    searchindex._link_tree(source, target, names[:2])
    assert sorted(f"fragment/{p.name}" for p in (target / "fragment").iterdir()) == names[:2]


def test_a_bundle_is_kept_as_links_to_the_sites_files_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, kept = tmp_path / "site", tmp_path / "kept"
    (site / "fragment").mkdir(parents=True)
    (site / "shard-1").mkdir()
    (site / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (site / "fragment/a.pf_fragment").write_bytes(b"x")
    (site / "shard-1/pagefind-entry.json").write_text("{}", encoding="utf-8")  # another's
    searchindex._keep(kept, "k", site, "")
    files = sorted(p for p in (kept / "k").rglob("*") if p.is_file())
    assert [p.relative_to(kept / "k").as_posix() for p in files] == [
        "fragment/a.pf_fragment",
        "pagefind-entry.json",
    ]
    assert all(p.stat().st_ino == (site / p.relative_to(kept / "k")).stat().st_ino for p in files)
    record = json.loads((kept / "k.json").read_text(encoding="utf-8"))
    assert record["key"] == "k" and sorted(record["files"]) == [
        "fragment/a.pf_fragment",
        "pagefind-entry.json",
    ]

    def no_link(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EXDEV, "another file system")

    monkeypatch.setattr(os, "link", no_link)  # the cache on another file system: no copies
    searchindex._keep(kept, "k2", site, "")
    assert sorted(p.name for p in kept.iterdir()) == ["k", "k.json"]


def test_the_index_serve_makes_takes_and_keeps_bundles_when_told(
    site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` started again on pages indexed before: its first index is linked from the
    bundles kept (as its indexer asks, but with ``ARCHIVE_SITE_NO_CACHE=1``)."""
    monkeypatch.setattr(searchindex, "bundles_path", lambda: tmp_path / "kept")
    runs = _counting(monkeypatch)
    searchindex.index_into(site.root, tmp_path / "first", keep=False)
    assert len(runs) == 1 and not (tmp_path / "kept").exists()
    searchindex.index_into(site.root, tmp_path / "second", keep=True)
    searchindex.index_into(site.root, tmp_path / "third", keep=True)
    assert len(runs) == 2
    first = _index_tree(tmp_path / "first")
    assert _index_tree(tmp_path / "second") == first == _index_tree(tmp_path / "third")
    assert (tmp_path / "third.json").is_file()  # its record, for serve's next index


def _touch(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))


def test_the_kept_bundles_are_pruned_to_the_index_and_the_newest_others(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    kept.mkdir()
    for n in range(6):
        (kept / f"k{n}").mkdir()
        (kept / f"k{n}" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
        (kept / f"k{n}.json").write_text("{}", encoding="utf-8")
        os.utime(kept / f"k{n}.json", ns=(n * 10**9, n * 10**9))
    (kept / "orphan").mkdir()  # its record never written: a build stopped
    (kept / "k9.123.tmp").mkdir()  # a build at work
    (kept / "k8.456.tmp").mkdir()  # a build killed long ago
    os.utime(kept / "k8.456.tmp", ns=(0, 0))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "file").write_text("kept", encoding="utf-8")
    (kept / "link").symlink_to(outside)
    searchindex._prune_bundles(kept, {"k0", "k1"}, others=2)
    assert sorted(p.name for p in kept.iterdir()) == [
        "k0", "k0.json", "k1", "k1.json", "k4", "k4.json", "k5", "k5.json", "k9.123.tmp"
    ]  # fmt: skip
    assert (outside / "file").read_text(encoding="utf-8") == "kept"
    (kept / "k4.json").unlink()
    shutil.rmtree(kept / "k0")
    linked = tmp_path / "linked"
    linked.symlink_to(kept)
    searchindex._prune_bundles(linked, set(), others=0)  # not through a link
    assert (kept / "k5").is_dir()
    searchindex._prune_bundles(kept, set(), others=1)
    assert sorted(p.name for p in kept.iterdir()) == ["k5", "k5.json", "k9.123.tmp"]
    searchindex._prune_bundles(tmp_path / "missing", set())  # nothing there: no error


def test_the_index_key_names_everything_the_index_is_made_from(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    body = '<html lang="en"><body><main data-pagefind-body><h1>{}</h1></main></body></html>'
    (site / "a/one.html").write_text(body.format("One"), encoding="utf-8")
    (site / "two.html").write_text(body.format("Two"), encoding="utf-8")
    (site / "nav.html").write_text("<html><body>no body here</body></html>", encoding="utf-8")
    program = tmp_path / "pagefind"
    program.write_bytes(b"one build of Pagefind")
    pages = searchindex.indexed_pages(site)
    assert list(pages) == ["a/one.html", "two.html"]  # marked pages only, sorted
    key = searchindex.index_key(pages, program)
    assert searchindex.index_key(searchindex.indexed_pages(site), program) == key

    (site / "nav.html").write_text("<html><body>still none</body></html>", encoding="utf-8")
    assert searchindex.index_key(searchindex.indexed_pages(site), program) == key
    (site / "two.html").write_text(body.format("Twice"), encoding="utf-8")
    changed = searchindex.index_key(searchindex.indexed_pages(site), program)
    assert changed != key
    (site / "two.html").rename(site / "three.html")
    assert searchindex.index_key(searchindex.indexed_pages(site), program) != changed
    program.write_bytes(b"another build of Pagefind")
    other = searchindex.index_key(searchindex.indexed_pages(site), program)
    assert other != changed
    # the binary's digest is kept while its size, time and inode stay: a binary replaced
    # by one of the same size is read again
    program.write_bytes(b"another build of Pagefinx")
    os.utime(program, ns=(10**18, 10**18))
    assert searchindex.index_key(searchindex.indexed_pages(site), program) != other

    # no page marked: Pagefind indexes every page's body, so every page counts
    for page in ("a/one.html", "three.html"):
        (site / page).write_text("<html><body>plain</body></html>", encoding="utf-8")
    assert list(searchindex.indexed_pages(site)) == ["a/one.html", "nav.html", "three.html"]


def test_pages_hashed_by_the_previous_index_are_read_again_only_when_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit's build hashed every page of the site again (0.6 s at 10,000 articles),
    though most are links to the files the previous index hashed: those are taken from its
    record while they are the same files (inode, device, size, modification time)."""
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    body = '<html lang="en"><body><main data-pagefind-body><h1>{}</h1></main></body></html>'
    for name in ("a/one.html", "two.html", "three.html"):
        (site / name).write_text(body.format(name), encoding="utf-8")
    (site / "nav.html").write_text("<html><body>no body here</body></html>", encoding="utf-8")
    first = searchindex._hashed_pages(site, {})
    record = {"pages": {p: [*i, d.hex(), b] for p, (i, d, b) in first.items()}}
    known = searchindex._known_pages(json.loads(json.dumps(record)))
    assert known == first and not known["nav.html"][2] and known["two.html"][2]

    opened: list[str] = []
    real_open = open

    def spy(name: str, *args: Any) -> Any:
        opened.append(name.rpartition("/site/")[2])
        return real_open(name, *args)

    monkeypatch.setattr(searchindex, "open", spy, raising=False)
    assert searchindex._hashed_pages(site, known) == first and opened == []
    new = site / "a/new.html"
    new.write_text(body.format("Changed"), encoding="utf-8")
    new.replace(site / "two.html")  # another file in its place, as a build writes one
    (site / "four.html").write_text(body.format("four"), encoding="utf-8")
    again = searchindex._hashed_pages(site, known)
    assert sorted(opened) == ["four.html", "two.html"]
    monkeypatch.undo()
    assert again == searchindex._hashed_pages(site, {})
    assert searchindex._indexed(again) == searchindex.indexed_pages(site)
    assert list(searchindex._indexed(again)) == [
        "a/one.html",
        "four.html",
        "three.html",
        "two.html",
    ]
    # a damaged record is no record
    damaged = {"pages": {"two.html": [1, 2, 3, 4, "zz", True], "x.html": "y", "a": [1]}}
    assert searchindex._known_pages(damaged) == {} and searchindex._known_pages({}) == {}


def test_the_fast_loop_replays_only_runs_made_from_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``make test-fast`` replays a Pagefind run for the same pages (conftest.REPLAY_INDEX):
    the replay is the run's output, and a page changed or added runs Pagefind again."""
    real = searchindex._run_pagefind
    ran: list[list[str]] = []

    def counted(site: Path, pages: list[str], *args: Any, **kwargs: Any) -> None:
        ran.append(list(pages))
        real(site, pages, *args, **kwargs)

    monkeypatch.setattr(searchindex, "_run_pagefind", counted)
    _replay_pagefind(tmp_path / "memo")  # over counted; monkeypatch puts the original back
    body = '<html lang="en"><body><main data-pagefind-body><h1>{}</h1></main></body></html>'

    def indexed(name: str, pages: dict[str, str]) -> dict[str, bytes]:
        site = tmp_path / name
        for page, title in pages.items():
            (site / page).parent.mkdir(parents=True, exist_ok=True)
            (site / page).write_text(body.format(title), encoding="utf-8")
        searchindex.index_site(site)
        index = site / searchindex.FOLDER
        return {str(f.relative_to(index)): f.read_bytes() for f in index.rglob("*") if f.is_file()}

    first = indexed("one", {"a.html": "Alpha", "b/c.html": "Beta"})
    assert indexed("two", {"a.html": "Alpha", "b/c.html": "Beta"}) == first
    assert ran == [["a.html", "b/c.html"]]
    assert indexed("three", {"a.html": "Alpha", "b/c.html": "Gamma"}) != first
    indexed("four", {"a.html": "Alpha", "b/c.html": "Beta", "d.html": "Delta"})
    assert len(ran) == 3


def _shuffled(folder: Path) -> None:
    """Pagefind's order of another run: every filter's values, and the filters, reversed."""
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    (lang,) = entry["languages"].values()
    meta_path = folder / f"pagefind.{lang['hash']}.pf_meta"
    meta = searchindex._read_index_file(meta_path)
    assert isinstance(meta, list) and isinstance(meta[3], list) and len(meta[3]) > 1
    for _, name in meta[3]:  # type: ignore[misc]
        path = folder / f"filter/{name}.pf_filter"
        data = searchindex._read_index_file(path)
        assert isinstance(data, list) and isinstance(data[1], list) and len(data[1]) > 1
        data[1].reverse()
        path.write_bytes(gzip.compress(searchindex.SIGNATURE + searchindex._cbor_encode(data)))
    meta[3].reverse()
    meta_path.write_bytes(gzip.compress(searchindex.SIGNATURE + searchindex._cbor_encode(meta)))


def test_filters_in_any_order_give_the_same_index(site: BuiltSite, tmp_path: Path) -> None:
    shutil.copytree(site.root / "pagefind", tmp_path / "a")
    shutil.copytree(site.root / "pagefind", tmp_path / "b")
    _shuffled(tmp_path / "b")
    assert _index_tree(tmp_path / "a") != _index_tree(tmp_path / "b")
    searchindex.canonical_filters(tmp_path / "a")
    searchindex.canonical_filters(tmp_path / "b")
    assert _index_tree(tmp_path / "a") == _index_tree(tmp_path / "b")
    assert _index_tree(tmp_path / "a") == _index_tree(site.root / "pagefind")  # already canonical


def test_search_records_are_pruned_to_the_newest(tmp_path: Path) -> None:
    """serve builds into a new folder every time, each with its index record: the cache keeps
    only the newest few, removes nothing but files (a link is left, not followed)."""
    from archive_site.files import prune_newest

    folder = tmp_path / "search"
    folder.mkdir()
    for i in range(6):
        f = folder / f"{i}.json"
        f.write_text(str(i), encoding="utf-8")
        os.utime(f, ns=(i * 10**9, i * 10**9))
    outside = tmp_path / "outside.json"
    outside.write_text("kept", encoding="utf-8")
    (folder / "link.json").symlink_to(outside)
    (folder / "sub").mkdir()
    prune_newest(folder, 2)
    assert sorted(p.name for p in folder.iterdir()) == ["4.json", "5.json", "link.json", "sub"]
    assert outside.read_text(encoding="utf-8") == "kept"
    prune_newest(tmp_path / "missing", 2)  # nothing there: nothing to do, no error


# --- an index in shards --------------------------------------------------------------------


def test_shards_are_a_power_of_two_each_within_the_limit_on_average() -> None:
    assert [searchindex.shard_count(n, 1000) for n in (0, 1, 1000)] == [1, 1, 1]
    assert [searchindex.shard_count(n, 1000) for n in (1001, 2000, 2001, 4001)] == [2, 2, 4, 8]
    assert searchindex.shard_count(20_200) == 16  # 10,000 articles: about 1,260 pages a shard
    with pytest.raises(ValueError, match="room for a page"):
        searchindex.shard_count(5, 0)


def test_a_page_keeps_its_shard_and_moves_only_to_its_twin_when_they_double() -> None:
    pages = {f"articles/{i:05d}.html": bytes([i % 256]) * 32 for i in range(3000)}
    parts = searchindex.shards(pages, 1000)
    assert [p.folder for p in parts] == ["", "shard-1", "shard-2", "shard-3"]
    assert {p.count for p in parts} == {4}
    # every page in exactly one shard, in sorted order, the shards about even
    assert sorted(page for p in parts for page in p.pages) == sorted(pages)
    assert all(list(p.pages) == sorted(p.pages) for p in parts)
    assert all(600 < len(p.pages) < 900 for p in parts), [len(p.pages) for p in parts]
    # a page's shard is its path's alone: not its bytes, nor the other pages
    fewer = dict(list(pages.items())[:2500])
    changed = dict.fromkeys(pages, b"other")
    for other in (fewer, changed):
        again = searchindex.shards(other, 1000)
        for a, b in zip(parts, again, strict=True):
            assert set(b.pages) <= set(a.pages)
    # doubled (more pages), a page stays or moves to the shard 4 places on
    doubled = {
        page: d
        for p in searchindex.shards({**pages, "x.html": b""}, 750)
        for page, d in ((pg, p.folder) for pg in p.pages)
    }
    before = {page: p.folder for p in parts for page in p.pages}
    for page, folder in before.items():
        n = int(folder.rpartition("-")[2] or 0)
        assert doubled[page] in {f"shard-{n}" if n else "", f"shard-{n + 4}"}


def test_few_pages_make_one_index_and_an_empty_shard_is_left_out() -> None:
    pages = {f"p{i}.html": b"" for i in range(10)}
    (one,) = searchindex.shards(pages, 10)
    assert one.folder == "" and one.pages == pages
    parts = searchindex.shards(pages, 1)  # 16 buckets for 10 pages: some stay empty
    assert parts[0].folder == "" and all(p.pages for p in parts) and len(parts) < 16
    assert sum(len(p.pages) for p in parts) == 10


def _relinked(site: Path, to: Path) -> None:
    """``to``: the pages of ``site`` as a new build writes them (links to unchanged files)."""
    shutil.copytree(site, to, ignore=shutil.ignore_patterns("pagefind"), copy_function=os.link)


def _rewrite(page: Path, old: bytes, new: bytes) -> None:
    data = page.read_bytes()
    assert old in data
    page.unlink()  # a new file, as a build writes one: the old output keeps its own
    page.write_bytes(data.replace(old, new, 1))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    runs: list[list[str]] = []
    real = searchindex._run_pagefind

    def counted(
        site: Path, pages: list[str], program: Path, output: Path, stage: Path, **kw: Any
    ) -> None:
        runs.append(pages)
        real(site, pages, program, output, stage, **kw)

    monkeypatch.setattr(searchindex, "_run_pagefind", counted)
    return runs


MOST = 30  # indexed pages to a shard at most on average: the seed's 110 make four


@pytest.mark.parametrize("how", ["build", "serve"])
def test_an_edit_reindexes_its_shard_alone_and_equals_a_cold_index(
    site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A build indexes into the site, linking from the last output's index; serve indexes
    outside the site, linking from the index it serves: the same shards reused either way."""

    def index(root: Path, previous: Path | None = None) -> Path:
        if how == "build":
            searchindex.index_site(root, reuse=previous or root, most=MOST)
            return root / "pagefind"
        into = tmp_path / f"index-{root.name}"
        before = None if previous is None else tmp_path / f"index-{previous.name}"
        searchindex.index_into(root, into, previous=before, most=MOST)
        return into

    first, second, cold = tmp_path / "first", tmp_path / "second", tmp_path / "cold"
    _relinked(site.root, first)
    runs = _counting(monkeypatch)
    made = index(first)
    parts = searchindex.shards(searchindex.indexed_pages(first), MOST)
    assert len(runs) == len(parts) == 4
    assert searchindex._read_entries(made).pages == len(searchindex.indexed_pages(first))
    entry = json.loads((made / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry[searchindex.SHARDS_FIELD] == [f"{p.folder}/" for p in parts[1:]]
    for p in parts:
        bundle = made / p.folder
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert entry["languages"]["en"]["page_count"] == len(p.pages)
        assert (bundle / "pagefind.js").exists() == (p.folder == "")  # merged: the first's code
        assert list(json.loads((bundle / searchindex.SORTS).read_bytes())) == ["date"]

    # a milestone edited: its shard alone is made again; the others are the same files
    _relinked(first, second)
    edited = f"milestones/{_milestones(first)[0]}"
    (shard,) = [p for p in parts if edited in p.pages]
    _rewrite(second / edited, b"</h1>", b" again</h1>")
    runs.clear()
    remade = index(second, first)
    assert runs == [list(shard.pages)]
    for p in parts:  # the shards reused are the very files (the edited one: a new entry)
        entry_file = Path(p.folder, "pagefind-entry.json")
        same = (remade / entry_file).stat().st_ino == (made / entry_file).stat().st_ino
        assert same == (p is not shard), p.folder

    # byte for byte the index a cold run makes of the same pages
    _relinked(second, cold)
    runs.clear()
    searchindex.index_site(cold, most=MOST)
    assert len(runs) == 4
    assert _index_tree(remade) == _index_tree(cold / "pagefind")
    assert _index_tree(made) != _index_tree(cold / "pagefind")


def test_shards_made_at_once_equal_those_made_one_after_another(
    site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With jobs, Pagefind runs for several shards at once (two of them meet at a barrier,
    which runs one after another never pass); the index is byte for byte the serial one,
    and no working folder is left behind."""
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    _relinked(site.root, serial)
    _relinked(site.root, parallel)
    searchindex.index_site(serial, most=MOST, jobs=1)
    met = threading.Barrier(2, timeout=30)
    real = searchindex._run_pagefind

    def meeting(
        site: Path, pages: list[str], program: Path, output: Path, stage: Path, **kw: Any
    ) -> None:
        if pages[0] in firsts:
            met.wait()  # a BrokenBarrierError here: the two runs did not overlap
        real(site, pages, program, output, stage, **kw)

    parts = searchindex.shards(searchindex.indexed_pages(parallel), MOST)
    firsts = {next(iter(parts[n].pages)) for n in (0, 1)}
    monkeypatch.setattr(searchindex, "_run_pagefind", meeting)
    searchindex.index_site(parallel, most=MOST, jobs=4)
    assert _index_tree(parallel / "pagefind") == _index_tree(serial / "pagefind")
    for root in (serial, parallel):
        assert not (root / searchindex.STAGE).exists()


def test_of_shards_failing_at_once_the_first_is_told_and_nothing_is_left(
    site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "site"
    _relinked(site.root, root)
    parts = searchindex.shards(searchindex.indexed_pages(root), MOST)
    failing = {next(iter(parts[n].pages)): n for n in (1, 3)}
    real = searchindex._run_pagefind

    def failing_some(
        site: Path, pages: list[str], program: Path, output: Path, stage: Path, **kw: Any
    ) -> None:
        real(site, pages, program, output, stage, **kw)
        if pages[0] in failing:
            raise searchindex._failure(f"shard {failing[pages[0]]} failed")

    monkeypatch.setattr(searchindex, "_run_pagefind", failing_some)
    with pytest.raises(ArchiveError, match="shard 1 failed"):
        searchindex.index_site(root, most=MOST, jobs=4)
    assert not (root / searchindex.STAGE).exists()


def _sleeping_pagefind(site: BuiltSite, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the site, a Pagefind that sleeps a minute, and the file each run of it
    writes its process id into."""
    root = tmp_path / "site"
    _relinked(site.root, root)
    started = tmp_path / "started"
    sleeper = tmp_path / "pagefind"
    sleeper.write_text(f"#!/bin/sh\necho $$ >> {started}\nexec sleep 60\n")
    sleeper.chmod(0o755)
    return root, sleeper, started


def test_an_interrupted_index_stops_the_pagefind_runs_under_way(
    site: BuiltSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while shards are indexed at once: the runs under way are killed at once (a
    Pagefind here sleeps for a minute), as is any a free thread starts meanwhile, the
    shards not yet taken are never started, and nothing is left behind."""
    root, sleeper, started = _sleeping_pagefind(site, tmp_path)
    first = next(iter(searchindex.shards(searchindex.indexed_pages(root), MOST)[0].pages))
    real = searchindex._run_pagefind

    def interrupting(
        site: Path, pages: list[str], program: Path, output: Path, stage: Path, **kw: Any
    ) -> None:
        if pages[0] != first:
            real(site, pages, program, output, stage, **kw)
            return
        deadline = time.monotonic() + 30
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        raise KeyboardInterrupt  # as Ctrl-C would, once another run is under way

    monkeypatch.setattr(searchindex, "_run_pagefind", interrupting)
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        searchindex.index_site(root, binary=sleeper, most=MOST, jobs=2)
    assert time.monotonic() - t0 < 30
    pids = [int(pid) for pid in started.read_text().split()]
    assert 1 <= len(pids) <= 3  # the interrupted shard's never; one taken meanwhile is killed
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # killed, and waited for
    assert not (root / searchindex.STAGE).exists()


def _waiting_for_a_run(thread: int) -> bool:
    """Whether ``thread`` waits for a process it started (in ``Popen.communicate``): a run
    under way.  Ctrl-C to this thread alone as Pagefind had just written its process id
    could come while ``Popen`` was still setting up, before there was a run to kill; under
    load it did, now and then (a real Ctrl-C reaches the child too, and ends it)."""
    frame = sys._current_frames().get(thread)
    while frame is not None:
        if frame.f_code.co_name == "_communicate":
            return True
        frame = frame.f_back
    return False


def test_ctrl_c_during_a_single_pagefind_run_kills_it(tmp_path: Path, site: BuiltSite) -> None:
    """One shard at a time, in this thread: Ctrl-C kills the run, as ``subprocess.run`` did."""
    root, sleeper, started = _sleeping_pagefind(site, tmp_path)

    def interrupt() -> None:
        main = threading.main_thread().ident
        assert main is not None
        deadline = time.monotonic() + 30
        while not (started.exists() and _waiting_for_a_run(main)) and time.monotonic() < deadline:
            time.sleep(0.02)
        signal.pthread_kill(main, signal.SIGINT)  # Ctrl-C, to this thread

    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("this process does not take Ctrl-C as KeyboardInterrupt")
    threading.Thread(target=interrupt, daemon=True).start()
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        searchindex.index_site(root, binary=sleeper, jobs=1)
    assert time.monotonic() - t0 < 30
    (pid,) = map(int, started.read_text().split())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert not (root / searchindex.STAGE).exists()


def _milestones(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "milestones").glob("*.html"))


def test_a_year_page_is_not_found_by_the_archive_s_subject(site: BuiltSite) -> None:
    """Every year page's lede repeated the archive's subject ("Azerbaijan–China relations in
    2024: ..."), so a search for a word of it found every year page among the results (the
    walk-through's "Zangezur": all nine): the subject is the site's, not the page's."""
    texts = _indexed_texts(site.root)
    years = {path: text for path, text in texts.items() if path.startswith("years/")}
    assert years
    for path, text in years.items():
        assert "relations" not in text.casefold(), (path, text)
        assert path.removeprefix("years/").removesuffix(".html") in text


def test_a_filter_of_many_values_is_a_box_to_type_one_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive: Archive
) -> None:
    """Each value of a filter was an option of its menu: 3,000 outlets made search.html
    619 KB.  Past ``paging.CHOICES_LISTED`` values (lowered here to 1) a filter is a box to
    type one in, whose suggestions search.js takes from the index (the seed's filters, of
    no more than 200 values, stay menus: the test above)."""
    from archive_site.render import paging
    from conftest import TEMPLATES

    monkeypatch.setattr(paging, "CHOICES_LISTED", 1)
    out = tmp_path / "dist"
    build(Paths(CONTENT, TEMPLATES, out), base_url=TEST_BASE_URL, search=False, jobs=1)
    html = (out / "search.html").read_text(encoding="utf-8")
    years = {y for m in archive.milestones for y in m.date.years()}
    years |= {a.published.date.year for a in archive.articles} | set(archive.years)
    many = {
        "kind": (5, " ids"),
        "outlet": (len({a.outlet for a in archive.articles}), ""),
        "year": (len(years), ""),
        "topic": (len(archive.topics), " ids"),
        "type": (len({e.type for e in archive.entities}), " ids"),
    }
    for key, (count, ids) in many.items():
        assert count > 1, key
        assert f'<select id="f-{key}"' not in html, key
        box = (
            f'<input type="text" id="f-{key}" name="{key}" data-filter="{key}" '
            f'list="f-{key}-values" placeholder="Any; type one of {count}{ids}" '
            f'autocomplete="off"><datalist id="f-{key}-values"></datalist>'
        )
        assert box in html, key
    assert html.count("<option") == 3  # the orders alone


def test_a_filter_of_long_values_is_a_box_however_few(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, archive: Archive
) -> None:
    """A menu's size is its values' and labels' length too: 20 outlets of 4,500-character
    names made search.html 188 KB.  Past ``paging.CHOICES_CHARS`` characters (lowered here to
    just under the seed's outlets' names, twice each: value and label) a filter is a box, as
    past ``paging.CHOICES_LISTED`` values."""
    from archive_site.render import paging
    from conftest import TEMPLATES

    outlets = {a.outlet for a in archive.articles}
    monkeypatch.setattr(paging, "CHOICES_CHARS", 2 * sum(map(len, outlets)) - 1)
    out = tmp_path / "dist"
    build(Paths(CONTENT, TEMPLATES, out), base_url=TEST_BASE_URL, search=False, jobs=1)
    html = (out / "search.html").read_text(encoding="utf-8")
    assert '<select id="f-outlet"' not in html
    assert f'placeholder="Any; type one of {len(outlets)}"' in html
    assert len(outlets) <= paging.CHOICES_LISTED


@pytest.mark.parametrize(
    ("language", "tags"),
    [
        ("en-GB", ""),  # the site's language, in a region: nothing to mark
        ("az", '<span data-pagefind-meta="lang:az"></span>'),
        (
            "ar",
            '<span data-pagefind-meta="lang:ar"></span><span data-pagefind-meta="dir:rtl"></span>',
        ),
        (
            "az-Arab",
            '<span data-pagefind-meta="lang:az-Arab"></span><span data-pagefind-meta="dir:rtl"></span>',
        ),
    ],
)
def test_an_article_in_another_language_tells_the_index_its_language(
    archive: Archive, language: str, tags: str
) -> None:
    """The index keeps an article's language (and direction) where it is not the site's, for
    search.js to mark a result's title and excerpts as the article's page marks its text
    (tests/browser/test_search.py); entities, topics and milestones are in the site's."""
    from dataclasses import replace

    from archive_site.render.facets import SearchFacets

    facets = SearchFacets(archive, {})
    article = replace(archive.articles[0], language=language)
    told = str(facets.tags(article))
    assert (
        "".join(re.findall(r'<span data-pagefind-meta="(?:lang|dir):[^"]*"></span>', told)) == tags
    )
    assert "lang:" not in str(facets.tags(archive.milestones[0]))
