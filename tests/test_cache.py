"""The record cache and page reuse: a build that takes articles from the cache, and pages
from the previous output, equals a cold build.

Each case starts from a copy of a project built once (its archive cut down:
:func:`conftest.small_archive`; its record cache, its output with the files as that build
left them, and the record of what each page was made from), makes one kind of edit, builds
again, and compares the tree with a cold build (no stamp, no cache) of the same content
into a fresh folder.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from archive_site.cache import RecordCache, cache_file, cache_path
from archive_site.pipeline import Paths, build
from archive_site.produce import record_path
from archive_site.stamp import stamp_path
from conftest import COMMENTARY, INTERVIEW, TEST_BASE_URL, edit, small_archive
from test_stamp import MD_ARTICLE, _build, _same_as_cold, _tree

OTHER_URL = "https://example.net/elsewhere/"


def _capture(c: Path, ident: str) -> Path:
    return c / f"articles/{ident}.capture.txt"


def _add_note(c: Path) -> None:
    (c / "articles/2025-05-01-note.md").write_text(MD_ARTICLE, encoding="utf-8")


def _corrupt_cache(project: Path) -> None:
    for f in cache_path(project / "content").iterdir():
        f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])


class _Planted:
    """A pickle that would run code when loaded by an unguarded unpickler."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, ("planted-was-run",))


def _foreign_cache(project: Path) -> None:
    for f in cache_path(project / "content").iterdir():
        f.write_bytes(pickle.dumps({"format": 1, "entries": _Planted()}))


def _read_pickles(f: Path) -> tuple[object, dict[str, Any]]:
    """A cache file's head and entries (two pickles, one after the other)."""
    stream = io.BytesIO(f.read_bytes())
    return pickle.load(stream), pickle.load(stream)


def _file_of(head: object, entries: object) -> bytes:
    """A cache file of ``entries`` under the tag of ``head``, as the cache writes one."""
    assert isinstance(head, dict)
    return cache_file(head["tag"], pickle.dumps(entries))


def _forged_entry(project: Path) -> None:
    """An entry under a real key whose article claims another article's files."""
    shards = {f: _read_pickles(f) for f in _files(project, "articles")}
    where = {key: entries for _, entries in shards.values() for key in entries}
    keys = sorted(where, key=lambda k: where[k][k][0].id)
    first, second = (where[k][k] for k in keys[:2])
    where[keys[0]][keys[0]] = (second[0], first[1])
    for f, (head, entries) in shards.items():
        f.write_bytes(_file_of(head, entries))


def _files(project: Path, kind: str) -> list[Path]:
    """The files of the record cache that keep entries of ``kind``."""
    return sorted(cache_path(project / "content").glob(f"{kind}.*.pickle"))


#: An article of the project built once, which one case deletes.
EXTRA = "articles/2025-04-30-extra.md"


def _delete_extra(c: Path) -> None:
    (c / EXTRA).unlink()


def _blob_files(project: Path) -> list[Path]:
    """The files the record cache keeps the data files' parts in (see ``cache.Blobs``)."""
    found = sorted(cache_path(project / "content").glob("data-*.blob"))
    assert found
    return found


def _damaged_parts(project: Path) -> None:
    """Every kept part's bytes changed in place, their lengths kept."""
    for f in _blob_files(project):
        f.write_bytes(f.read_bytes().replace(b'"', b"'"))


def _parts_gone(project: Path) -> None:
    for f in _blob_files(project):
        f.unlink()


def _damaged_record(project: Path) -> None:
    path = record_path(project / "dist")
    path.write_bytes(path.read_bytes()[:1000])


def _foreign_record(project: Path) -> None:
    """The record of another output folder."""
    path = record_path(project / "dist")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["output"] = str(project / "elsewhere")
    path.write_text(json.dumps(data), encoding="utf-8")


def _output_changed(project: Path) -> None:
    """A page of the output replaced by another file (its bytes read back as they were,
    the other pages as the build left them): it is rendered again."""
    page = project / f"dist/articles/{INTERVIEW}.html"
    data = page.read_bytes()
    page.unlink()  # never written in place: the output is linked to the first build's
    page.write_bytes(data.replace(b"</h1>", b"!</h1>", 1))


Edit = Callable[[Path], object]
# (what, edit of the content folder, edit of the project folder, base URL of the build after)
CASES: list[tuple[str, Edit, Edit, str]] = [
    (
        "capture text",
        lambda c: edit(_capture(c, INTERVIEW), "Azernews presents", "Azernews now presents"),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "an entity named in a capture",
        lambda c: edit(
            _capture(c, COMMENTARY), "In recent years,", "As Xinhua wrote, in recent years,"
        ),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "article metadata",
        lambda c: edit(c / f"articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The"),
        lambda p: None,
        TEST_BASE_URL,
    ),
    ("article added", _add_note, lambda p: None, TEST_BASE_URL),
    (
        "article renamed",
        lambda c: (c / f"articles/{COMMENTARY}.meta.yaml").rename(c / "articles/x.meta.yaml"),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "milestone",
        lambda c: edit(c / "milestones.yaml", "title: ", "title: Then, "),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "a quoted passage moves in its paragraph",  # milestones.yaml unchanged
        lambda c: edit(
            _capture(c, INTERVIEW),
            "At the invitation of President Xi Jinping, I paid",
            "Well. At the invitation of President Xi Jinping, I paid",
        ),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "milestones moved down a line",
        lambda c: edit(
            c / "milestones.yaml", "- id: diplomatic-relations", "\n- id: diplomatic-relations"
        ),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "milestone withdrawn",  # its page says so; it leaves every list and count
        lambda c: edit(
            c / "milestones.yaml",
            "working visit to China in 2014\n",
            "working visit to China in 2014\n"
            "  withdrawn: {date: 2026-03-02, reason: It was a state visit.}\n",
        ),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "milestone summary link",
        lambda c: edit(
            c / "milestones.yaml",
            "    Azerbaijan and China establish",
            "    [Azerbaijan](entity:xinhua) and China establish",
        ),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "entity alias",
        lambda c: edit(
            c / "entities.yaml", "aliases: [Xinhua]", "aliases: [Xinhua, mutual respect]"
        ),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "settings",
        lambda c: edit(c / "site.yaml", "title: ", "title: The "),
        lambda p: None,
        TEST_BASE_URL,
    ),
    (
        "template",
        lambda c: None,
        lambda p: edit(p / "templates/page.html", "{% block main %}", "{% block main %}<!-- x -->"),
        TEST_BASE_URL,
    ),
    ("base URL", lambda c: None, lambda p: None, OTHER_URL),
    (
        "template partial",
        lambda c: None,
        lambda p: edit(
            p / "templates/partials/footer.html",
            "<p>",
            "<p>Footer: ",
        ),
        TEST_BASE_URL,
    ),
    (
        "template macro",
        lambda c: None,
        lambda p: edit(p / "templates/macros.html", "← {{ prev_text }}", "⇐ {{ prev_text }}"),
        TEST_BASE_URL,
    ),
    (
        "static file",
        lambda c: None,
        lambda p: edit(
            p / "templates/static/style.css",
            "{",
            "{ ",
        ),
        TEST_BASE_URL,
    ),
    (
        "page",
        lambda c: edit(c / "pages/about.md", "\n\n", "\n\nEdited.\n\n"),
        lambda p: None,
        TEST_BASE_URL,
    ),
    ("article deleted", _delete_extra, lambda p: None, TEST_BASE_URL),
    ("damaged page record", lambda c: None, _damaged_record, TEST_BASE_URL),
    ("foreign page record", lambda c: None, _foreign_record, TEST_BASE_URL),
    ("output file changed", lambda c: None, _output_changed, TEST_BASE_URL),
    ("corrupt cache", lambda c: None, _corrupt_cache, TEST_BASE_URL),
    ("foreign cache", lambda c: None, _foreign_cache, TEST_BASE_URL),
    ("forged entry", lambda c: None, _forged_entry, TEST_BASE_URL),
    ("damaged data parts", lambda c: None, _damaged_parts, TEST_BASE_URL),
    ("data parts gone", lambda c: None, _parts_gone, TEST_BASE_URL),
]


#: The record of what each page of the project built once was made from, as that build left it.
SAVED_RECORD = "pages-record.json"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built once with its cache (each case starts from a copy of it)."""
    project = small_archive(tmp_path_factory.mktemp("built"))
    (project / "content" / EXTRA).write_text(
        MD_ARTICLE.replace("2025-05-01", "2025-04-30"), encoding="utf-8"
    )
    with pytest.MonkeyPatch.context() as m:
        m.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
        m.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
        m.chdir(project)
        _build(project, "dist")
        _same_as_cold(
            project, m, TEST_BASE_URL
        )  # into cold/: the cases in UNEDITED compare with it
    assert _files(project, "articles")
    # kept beside the project: the cache folder keeps only the newest records, and the
    # session's other builds would push this one out
    shutil.copy(record_path(project / "dist"), project / SAVED_RECORD)
    stamp_path(project / "dist").unlink()  # the stamp would skip the unchanged cases
    return project


def _copy_built(built: Path, copy: Path) -> None:
    """The project, its record cache, and its output as the build left it: each file a hard
    link (its size, time and inode kept), so that the record of what each page was made
    from holds for the copy too; a build never writes a file of its output in place."""
    ignored = shutil.ignore_patterns("dist", "cold", SAVED_RECORD)
    shutil.copytree(built, copy, symlinks=True, ignore=ignored)
    shutil.copytree(built / "dist", copy / "dist", copy_function=os.link)
    shutil.copytree(cache_path(built / "content"), cache_path(copy / "content"))
    record = json.loads((built / SAVED_RECORD).read_text(encoding="utf-8"))
    record["output"] = str((copy / "dist").absolute())
    record_path(copy / "dist").write_text(json.dumps(record), encoding="utf-8")


#: The cases after which no page can be taken from the previous output.
RENDERS_ALL = {
    "milestone",
    "milestones moved down a line",
    "milestone summary link",
    "milestone withdrawn",
    "entity alias",
    "settings",
    "template",
    "base URL",
    "template partial",
    "template macro",
    "static file",
    "page",
    "article added",
    "article renamed",
    "article deleted",
    "damaged page record",
    "foreign page record",
}
#: The cases that leave the content, the templates and the base URL as they were built: the
#: cold build they are compared with is the project's own, made once.
UNEDITED = {
    "damaged page record",
    "foreign page record",
    "output file changed",
    "corrupt cache",
    "foreign cache",
    "forged entry",
    "damaged data parts",
    "data parts gone",
}
#: The page each case changes, which is never taken from the previous output.
CHANGED = {
    "capture text": f"articles/{INTERVIEW}.html",
    "an entity named in a capture": f"articles/{COMMENTARY}.html",
    "article metadata": f"articles/{COMMENTARY}.html",
    "output file changed": f"articles/{INTERVIEW}.html",
}


@pytest.mark.xdist_group("built")  # the module fixture made once, by one worker
@pytest.mark.parametrize("change", CASES, ids=[c[0] for c in CASES])
def test_a_cached_build_equals_a_cold_build(
    built: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: tuple[str, Edit, Edit, str],
) -> None:
    what, edit_content, edit_project, base_url = change
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
    project_copy = tmp_path / "project"
    _copy_built(built, project_copy)
    monkeypatch.chdir(project_copy)
    edit_content(project_copy / "content")
    edit_project(project_copy)
    if what == "article renamed":  # the capture too, and every reference to the article
        articles = project_copy / "content/articles"
        _capture(project_copy / "content", COMMENTARY).rename(articles / "x.capture.txt")
        (articles / "x.meta.yaml").rename(articles / "2025-04-23-renamed.meta.yaml")
        (articles / "x.capture.txt").rename(articles / "2025-04-23-renamed.capture.txt")
        for f in project_copy.joinpath("content").rglob("*.*"):
            if f.suffix in (".yaml", ".md") and COMMENTARY in f.read_text(encoding="utf-8"):
                f.write_text(
                    f.read_text(encoding="utf-8").replace(COMMENTARY, "2025-04-23-renamed")
                )
    report = _build(project_copy, "dist", base_url)
    assert report.unchanged is None and report.cache is not None
    if what in RENDERS_ALL:
        assert not report.reused, what
    else:  # pages that do not depend on the edit are taken from the previous output
        assert report.reused, what
    assert CHANGED.get(what, "-") not in report.reused
    if what not in ("entity alias", "base URL", "corrupt cache", "foreign cache"):
        assert report.cache.hits["articles"] > 0, what  # the case ran with entries from the cache
    if what in UNEDITED:
        assert _tree(project_copy / "dist") == _tree(built / "cold")
    else:
        _same_as_cold(project_copy, monkeypatch, base_url)
    assert not (project_copy / "planted-was-run").exists()
    assert not Path("planted-was-run").exists()


def test_unchanged_articles_come_from_the_cache(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    first = _build(small_copy, "dist")
    assert first.cache is not None and not first.cache.hits and first.cache.misses["articles"] == 2
    edit(_capture(small_copy / "content", INTERVIEW), "Azernews presents", "Azernews now presents")
    again = _build(small_copy, "dist")
    assert again.cache is not None
    # the commentary and its mentions from the cache, the interview read again, and its
    # mentions found as it was read (they are kept under what it was read from)
    assert again.cache.hits["articles"] == 1 and again.cache.misses["articles"] == 1
    assert again.cache.hits["mentions"] == 1 and again.cache.misses["mentions"] == 1
    assert again.cache.hits["links"] > 0
    # site.yaml, entities.yaml, topics.yaml and milestones.yaml, unchanged
    assert again.cache.hits["yaml"] == 4
    # the load's results were kept and let go before the pages rendered, and nothing asked
    # for them after
    for report in (first, again):
        assert report.cache is not None and report.cache.late == 0
        assert {"articles", "mentions", "links", "yaml", "milestones"} <= report.cache.finished
    # serve builds each time into a new folder: the cache is the content folder's
    elsewhere = _build(small_copy, "serve-site-2")
    assert elsewhere.cache is not None and elsewhere.cache.hits["articles"] == 2
    assert _tree(small_copy / "serve-site-2") == _tree(small_copy / "dist")


def test_the_long_paragraphs_of_the_articles_unchanged_come_from_the_cache(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which paragraphs of an article the evidence compares (its long ones, normalised) is
    kept under the article's cache key: an edit finds them again for the article edited
    alone, and its evidence is a cold build's (see test_a_cached_build_equals_a_cold_build)."""
    from archive_site.load import evidence

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    first = _build(small_copy, "dist")
    assert first.cache is not None and first.cache.misses["long-texts"] == 2
    edit(
        _capture(small_copy / "content", INTERVIEW),
        "At the invitation of President Xi Jinping, I paid",
        "Well. At the invitation of President Xi Jinping, I paid",
    )
    normalised: list[str] = []
    norm = evidence.normalise_text
    with monkeypatch.context() as m:
        m.setattr(evidence, "normalise_text", lambda t: normalised.append(t) or norm(t))
        again = _build(small_copy, "dist")
    assert again.cache is not None and again.archive is None  # (let go: see Report.let_go)
    assert again.cache.hits["long-texts"] == 1 and again.cache.misses["long-texts"] == 1
    assert any(t.startswith("Well. At the invitation") for t in normalised)  # read again


def test_check_and_suggest_read_the_record_cache_and_keep_it(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check`` and ``suggest`` read every article afresh on every run (at 10,000 articles,
    12 s of CPU where a build with its record cache loads in 2.6 s).  They read the record
    cache a build reads, and keep it as a build keeps it; ``check --strict`` too (strict
    only makes a warning fail: its records are a build's)."""
    from archive_site import pipeline
    from archive_site.commands import suggest as suggest_command
    from archive_site.commands.cli import main

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
    made: list[RecordCache | None] = []
    real = pipeline.record_cache

    def spied(content: Path, *, base_url: str | None, strict: bool) -> RecordCache | None:
        made.append(real(content, base_url=base_url, strict=strict))
        return made[-1]

    monkeypatch.setattr(pipeline, "record_cache", spied)
    monkeypatch.setattr(suggest_command, "record_cache", spied)

    def articles_read(*argv: str) -> tuple[int, int]:
        assert main(list(argv)) == 0
        cache = made[-1]
        assert cache is not None
        return cache.hits["articles"], cache.misses["articles"]

    assert articles_read("check") == (0, 2)  # the first: both read
    assert articles_read("check") == (2, 0)  # kept by the first
    assert articles_read("check", "--strict") == (2, 0)
    assert articles_read("suggest", "--json") == (2, 0)
    edit(_capture(small_copy / "content", INTERVIEW), "Azernews presents", "Azernews now presents")
    assert articles_read("suggest", INTERVIEW) == (1, 1)  # the edited one read again
    capsys.readouterr()
    built = build(Paths(Path("content"), Path("templates"), Path("dist")))  # as `build` does
    assert built.cache is not None and built.cache.hits["articles"] == 2
    monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    assert main(["check"]) == 0 and made[-1] is None


def test_a_cache_is_never_followed_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    place = cache_path(tmp_path / "content")
    place.parent.mkdir(parents=True)
    place.symlink_to(elsewhere)
    cache = RecordCache.of(tmp_path / "content", "salt")
    cache.put("articles", cache.key("x"), ("a", "b"))
    cache.save()
    assert cache.folder is None and list(elsewhere.iterdir()) == []


def test_entries_are_kept_under_the_bytes_they_were_read_from(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is looked up by the hashes the build's fingerprint took; an article read
    again is kept under the hash of its bytes as read, never under a hash it was handed."""
    from archive_site.errors import Problems
    from archive_site.load import load_archive

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    content = project_copy / "content"
    rel = f"articles/{INTERVIEW}.capture.txt"
    stale = {rel: "0" * 64}  # a hash the file does not have (changed since it was taken)
    first = RecordCache.of(content, "salt", stale)
    cold = load_archive(content, problems=Problems(), cache=first)
    first.save()
    assert first.misses["articles"] == 2 and not first.hits
    by_bytes = RecordCache.of(content, "salt")  # no hashes given: the files are read
    again = load_archive(content, problems=Problems(), cache=by_bytes)
    assert by_bytes.hits["articles"] == 2 and again == cold
    handed = RecordCache.of(content, "salt", stale)  # the stale hash finds no entry
    load_archive(content, problems=Problems(), cache=handed)
    assert handed.hits["articles"] == 1 and handed.misses["articles"] == 1


def test_a_capture_saved_while_it_is_read_is_kept_under_the_bytes_read(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article read again was kept under the hash of its files taken just before they
    were read: a save between the two (serve builds as the archivist saves) kept the new
    text under the old bytes' key, and once the save was undone a build took the new text
    for the old. It is kept under the hashes of the bytes it was read from."""
    from archive_site.errors import Problems
    from archive_site.load import articles, load_archive

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    content = project_copy / "content"
    capture = content / "articles" / f"{INTERVIEW}.capture.txt"
    original = capture.read_bytes()
    saved = original.replace(b"Azernews presents", b"Azernews now presents", 1)
    assert saved != original
    real = articles.read_bytes

    def a_save_just_after(path: Path) -> bytes:
        data = real(path)
        if path == capture and data == original:
            capture.write_bytes(saved)
        return data

    first = RecordCache.of(content, "salt")
    with monkeypatch.context() as m:
        m.setattr(articles, "read_bytes", a_save_just_after)
        load_archive(content, problems=Problems(), cache=first)
    first.save()
    capture.write_bytes(original)  # the save undone
    cold = load_archive(content, problems=Problems())
    kept = RecordCache.of(content, "salt")
    assert load_archive(content, problems=Problems(), cache=kept) == cold
    assert kept.hits["articles"] == 2


def test_milestones_from_the_cache_keep_their_lines(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A milestone is kept with the lines it was read from (problems found later name them):
    when milestones.yaml moves down a line, the cached check names the lines a cold one does."""
    from archive_site.pipeline import Paths, check

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    content = project_copy / "content"
    paths = Paths(content, project_copy / "templates", project_copy / "dist")
    first = RecordCache.of(content, "salt")
    check(paths, single_voice=True, cache=first)
    first.save()
    again = RecordCache.of(content, "salt")
    check(paths, single_voice=True, cache=again)
    assert again.hits["milestones"] > 0 and not again.misses["milestones"]
    edit(content / "milestones.yaml", "- id: diplomatic-relations", "\n- id: diplomatic-relations")
    moved = check(paths, single_voice=True, cache=RecordCache.of(content, "salt"))
    cold = check(paths, single_voice=True)
    assert moved.warnings and moved.warnings == cold.warnings


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {f.name: (f.stat().st_ino, f.stat().st_mtime_ns) for f in folder.iterdir()}


def test_a_save_writes_only_the_files_whose_entries_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries are kept in shards: replacing one entry rewrites the shard that held it and
    the one that holds its successor; the others stay as they were, and read back equal."""
    from archive_site.cache import shard, width
    from archive_site.dates import PartialDate
    from archive_site.model import Paragraph

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    first = RecordCache.of(content, "salt")
    records = {
        first.key(str(n)): (Paragraph(f"p{n}", n, f"text {n}", n, turn=None), PartialDate(2000 + n))
        for n in range(300)
    }
    for key, value in records.items():
        first.put("articles", key, value)
    first.save()
    folder = cache_path(content)
    files = width(300)
    assert files == 4 and len(list(folder.iterdir())) == len({shard(k, 4) for k in records}) == 4
    before = _stats(folder)
    second = RecordCache.of(content, "salt")
    gone, kept = next(iter(records)), list(records)[1:]
    assert all(second.get("articles", k) == records[k] for k in kept)
    added = next(k for n in range(1000) if shard(k := second.key(f"new {n}"), 4) != shard(gone, 4))
    second.put("articles", added, ("new",))
    second.save()
    after = _stats(folder)
    changed = {name for name in before if after.get(name) != before[name]}
    assert changed == {
        f"articles.{shard(gone, 4)}-of-4.pickle",
        f"articles.{shard(added, 4)}-of-4.pickle",
    }
    third = RecordCache.of(content, "salt")
    assert third.get("articles", gone) is None and third.get("articles", added) == ("new",)
    assert all(third.get("articles", k) == records[k] for k in kept)
    # a file left without entries is removed, and so are the files of the layouts before
    (folder / "articles.pickle").write_bytes(b"old")
    (folder / "articles.3f.pickle").write_bytes(b"old")
    fourth = RecordCache.of(content, "salt")
    fourth.get("articles", added)
    fourth.save()
    assert [f.name for f in folder.iterdir()] == [f"articles.{shard(added, 1)}-of-1.pickle"]


def test_a_kind_is_kept_in_more_files_as_it_grows_and_fewer_as_it_shrinks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One file per kind for a small archive (the seed's whole cache in a few files), twice as
    many each time a kind passes a power of two of PER_FILE entries, up to MOST_FILES; what
    was kept is found again whatever the number of files it was written in."""
    from archive_site.cache import MOST_FILES, PER_FILE, width

    assert [width(n) for n in (0, 1, PER_FILE, PER_FILE + 1, 4 * PER_FILE)] == [1, 1, 1, 2, 4]
    assert width(10**6) == MOST_FILES
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    folder = cache_path(content)
    kept: dict[str, object] = {}
    for size in (3, 3 * PER_FILE, PER_FILE // 2):
        reader = RecordCache.of(content, "salt")  # what was kept is found (and not saved)
        assert all(reader.get("articles", k) == v for k, v in kept.items())
        cache = RecordCache.of(content, "salt")
        cache.put("other", "one", 1)  # a kind in one file whatever the other's size
        kept = {cache.key(str(n)): ("record", n) for n in range(size)}
        for key, value in kept.items():
            cache.put("articles", key, value)
        cache.save()
        names = sorted(f.name for f in folder.iterdir())
        files = width(size)
        assert names == sorted(
            ["other.0-of-1.pickle", *(f"articles.{n}-of-{files}.pickle" for n in range(files))]
        )
    again = RecordCache.of(content, "salt")
    assert all(again.get("articles", k) == v for k, v in kept.items())
    assert again.hits["articles"] == PER_FILE // 2 and again.misses["articles"] == 0


def test_the_seed_archive_is_cached_in_a_file_per_kind(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(small_copy, "dist")
    found = [f.name for f in cache_path(small_copy / "content").iterdir()]
    names = [name for name in found if name.endswith(".pickle")]
    kinds = {name.partition(".")[0] for name in names}
    assert len(kinds) >= 5 and sorted(names) == sorted(f"{k}.0-of-1.pickle" for k in kinds)
    blobs = sorted(name for name in found if name not in names)  # data parts, YAML trees
    assert [re.fullmatch(r"(data|yaml)-[0-9a-f]{16}\.blob", b)[1] for b in blobs] == [  # type: ignore[index]
        "data",
        "yaml",
    ]


class _Forged:
    """Pickles as the cache's record maker applied to a type that is no record."""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        from archive_site.cache import _record

        return (_record, (Path, ("planted-was-run",)))


def test_the_record_maker_makes_only_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archive_site.cache import FORMAT

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = RecordCache.of(tmp_path / "content", "salt")
    key = cache.key("x")
    folder = cache_path(tmp_path / "content")
    folder.mkdir(parents=True)
    head = {"format": FORMAT, "tag": cache.tag}
    (folder / "articles.0-of-1.pickle").write_bytes(_file_of(head, {key: _Forged()}))
    assert cache.get("articles", key) is None


def test_a_file_written_under_other_settings_is_not_read_past_its_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key hashes the program and the settings (the salt): after an upgrade, or with
    another base URL, no entry of the old files can be used, so they are not unpickled."""
    from archive_site import cache as cache_module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    old = RecordCache.of(content, "old program")
    for n in range(300):  # four files
        old.put("articles", old.key(str(n)), (f"entry {n}",))
    old.save()
    loads: list[str] = []
    real = cache_module._Unpickler.load

    def load(self: Any) -> Any:
        found = real(self)
        loads.append("head" if isinstance(found, dict) and "tag" in found else "entries")
        return found

    monkeypatch.setattr(cache_module._Unpickler, "load", load)
    new = RecordCache.of(content, "new program")
    assert new.get("articles", new.key("1")) is None
    assert loads == ["head"] * 4
    loads.clear()
    again = RecordCache.of(content, "old program")
    assert again.get("articles", again.key("1")) == ("entry 1",)
    assert loads == ["head", "entries"] * 4
    new.save()  # none of the old files is kept: no entry of them was used
    assert list(cache_path(content).iterdir()) == []


def test_the_links_of_an_edited_markdown_text_are_checked_again(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The links each Markdown text makes are kept under the text's hash: a link edited to
    name what does not exist is reported by a cached check as by a cold one, and a kept
    entry that is no list of links is found again (never trusted)."""
    from archive_site.errors import ArchiveError
    from archive_site.load.links import _LINKS
    from archive_site.pipeline import Paths, check

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    content = project_copy / "content"
    paths = Paths(content, project_copy / "templates", project_copy / "dist")
    first = RecordCache.of(content, "salt")
    check(paths, cache=first)
    first.save()
    about = content / "pages/about.md"
    edit(about, "(site:timeline.html)", "(site:timeline-of-nothing.html)")
    with pytest.raises(ArchiveError) as cold:
        check(paths)
    cached = RecordCache.of(content, "salt")
    with pytest.raises(ArchiveError) as warm:
        check(paths, cache=cached)
    assert str(warm.value) == str(cold.value) and "timeline-of-nothing" in str(cold.value)
    assert cached.hits[_LINKS] > 0 and cached.misses[_LINKS] == 1
    # the entry of the broken text, planted under the text that is fixed again: not a list
    # of links, so it is found again, and kept in its place
    edit(about, "(site:timeline-of-nothing.html)", "(site:timeline.html)")
    for f in _files(project_copy, _LINKS):
        head, entries = _read_pickles(f)
        entries = {k: ["site:timeline-of-nothing.html"] for k in entries}
        f.write_bytes(_file_of(head, entries))
    planted = RecordCache.of(content, "salt")
    check(paths, cache=planted)
    planted.save()
    assert not any(b"timeline-of-nothing" in f.read_bytes() for f in _files(project_copy, _LINKS))


def test_a_parsed_yaml_file_is_kept_as_bytes_and_unpacked_with_the_record_maker(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed milestones.yaml was kept as its objects from the load to the build's end
    (15 MB at 10,000 milestones); it is kept pickled, in the cache's files, out of memory
    (7 MB), and made again only of records."""
    from archive_site.cache import packed, unpacked
    from archive_site.errors import Problems
    from archive_site.load import load_archive
    from archive_site.yamlsrc import YList

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    content = project_copy / "content"
    cache = RecordCache.of(content, "salt")
    cold = load_archive(content, problems=Problems(), cache=cache)
    # site.yaml's tree, and entities.yaml's, topics.yaml's and milestones.yaml's
    refs = list(cache._new["yaml"].values())
    blobs = cache.blobs("yaml")
    assert len(refs) == 4 and all(blobs.valid(ref) == ref for ref in refs)
    entries = [blobs.read(ref, 0) for ref in refs]
    assert sum(isinstance(unpacked(entry), YList) for entry in entries) == 3
    cache.save()
    again = RecordCache.of(content, "salt")
    assert load_archive(content, problems=Problems(), cache=again) == cold
    assert again.hits["yaml"] == 4 and again.hits["pages"] == 1
    assert unpacked(pickle.dumps(_Forged())) is None and unpacked("text") is None
    assert unpacked(packed({"a": [1, "b"]})) == {"a": [1, "b"]}
    assert not Path("planted-was-run").exists()


def test_a_cache_read_ahead_is_taken_while_its_files_are_the_ones_read(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """serve's spare build process reads the record cache while it waits: the build it then
    runs takes each file's entries from memory, unless the file was replaced since."""
    from archive_site import cache as cache_module
    from archive_site.errors import Problems
    from archive_site.load import load_archive

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setattr(cache_module, "_AHEAD", {})
    content = project_copy / "content"
    first = RecordCache.of(content, "salt")
    cold = load_archive(content, problems=Problems(), cache=first)
    first.save()
    files = sorted(f for f in cache_path(content).iterdir() if f.suffix == ".pickle")
    assert cache_module.read_ahead(content) == len(files) >= 4

    opened: list[str] = []
    real = cache_module._read_file
    monkeypatch.setattr(
        cache_module, "_read_file", lambda p, tag=None: opened.append(p) or real(p, tag)
    )
    ahead = RecordCache.of(content, "salt")
    assert load_archive(content, problems=Problems(), cache=ahead) == cold
    assert ahead.hits["articles"] == 2 and opened == [] and cache_module._AHEAD == {}

    # read ahead, then one file replaced (an edit's build saved it): that one is read again
    assert cache_module.read_ahead(content) == len(files)
    edit(_capture(content, INTERVIEW), "Azernews presents", "Azernews now presents")
    edited = RecordCache.of(content, "salt")
    load_archive(content, problems=Problems(), cache=edited)
    edited.save()
    assert cache_module.read_ahead(content) == len(files)  # the one replaced read anew
    replaced = next(f for f in files if f.name.startswith("articles."))
    shutil.copyfile(replaced, replaced.with_name("copy"))
    replaced.with_name("copy").replace(replaced)  # another file in its place, as a save puts
    again = RecordCache.of(content, "salt")
    opened.clear()
    assert load_archive(content, problems=Problems(), cache=again) == load_archive(content)
    assert opened == [os.fspath(replaced)] and again.hits["articles"] == 2
    assert cache_module.read_ahead(project_copy / "no-such-content") == 0
    # what serve's spare build process runs before its request
    from archive_site.serve.worker import warm_up

    cache_module._AHEAD.clear()
    warm_up(str(content))
    assert sorted(cache_module._AHEAD) == sorted(os.fspath(f) for f in files)


# --- the data files' parts, kept in files of their own ------------------------------------


def test_kept_byte_strings_are_read_back_checked(tmp_path: Path) -> None:
    from archive_site.cache import Blobs, Unreadable

    blobs = Blobs(tmp_path / "c", "data")
    first, second = blobs.add((b"one", None, b"")), blobs.add((b"two", b"three"))
    assert first is not None and second is not None and first[0] == second[0]
    assert blobs.whole(first) == (b"one", None, b"") and blobs.read(second, 1) == b"three"
    assert blobs.valid(first) == first and blobs.valid(list(first)) is None
    for forged in ((f"../{first[0]}", *first[1:]), ("other-0123456789abcdef.blob", *first[1:])):
        assert blobs.valid(forged) is None  # no path, and only this kind's files
    assert blobs.valid((first[0], -1, *first[2:])) is None
    # the sizes and checksums packed in one byte string (see cache.Ref), checked as read
    assert type(first[2]) is bytes and len(first[2]) == 3 * 8
    assert blobs.valid((*first[:2], first[2][:-1])) is None  # not whole numbers of them
    minus_two = (-2).to_bytes(4, "little", signed=True)
    assert blobs.valid((*first[:2], minus_two + first[2][4:])) is None  # no such length
    kept = (tmp_path / "c" / first[0]).read_bytes()
    (tmp_path / "c" / first[0]).unlink()  # by another build's cache, saved meanwhile
    assert blobs.read(second, 0) == b"two"  # a build reads what it made all the same
    (tmp_path / "c" / first[0]).write_bytes(kept)
    blobs.close()
    (path,) = (tmp_path / "c").iterdir()
    path.write_bytes(path.read_bytes().replace(b"three", b"thr3e"))
    again = Blobs(tmp_path / "c", "data")
    assert again.read(second, 0) == b"two"
    with pytest.raises(Unreadable):
        again.read(second, 1)  # the same length, another CRC
    path.write_bytes(b"one")
    with pytest.raises(Unreadable):
        again.read(second, 0)  # cut short
    assert Blobs(None, "data").add((b"x",)) is None  # no folder: nothing kept


def test_kept_byte_strings_settle_into_few_files(tmp_path: Path) -> None:
    """Each build writes what it made into a file of its own; the entries of a file less than
    half of which is used, and of all but the largest when there are too many files, are
    copied into the new one."""
    from archive_site.cache import MOST_BLOB_FILES, Blobs

    folder = tmp_path / "c"
    refs = []
    for n in range(MOST_BLOB_FILES + 2):  # as many builds, each making one entry
        blobs = Blobs(folder, "data")
        refs.append(blobs.add((bytes([65 + n]) * (1000 + n), None)))
        blobs.close()
    assert len(list(folder.iterdir())) == MOST_BLOB_FILES + 2
    blobs = Blobs(folder, "data")
    settled = blobs.settle(refs)
    assert settled[-1] == refs[-1]  # the largest stays where it is
    assert len({r[0] for r in settled if r is not None}) == 2
    assert [blobs.whole(r) for r in settled if r is not None] == [
        (bytes([65 + n]) * (1000 + n), None) for n in range(MOST_BLOB_FILES + 2)
    ]
    blobs.close()
    two = Blobs(folder, "data")
    kept, dropped = two.add((b"k" * 100,)), two.add((b"d" * 101,))
    two.close()
    assert kept is not None and dropped is not None
    three = Blobs(folder, "data")
    assert three.settle([kept]) != [kept]  # less than half of its file is used: moved
    assert three.settle([dropped, kept]) == [dropped, kept]


def test_the_files_of_parts_no_entry_uses_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    first = RecordCache.of(tmp_path / "content", "salt")
    first.put("data", first.key("a"), first.blobs("data").add((b"a",)))
    first.put("data", first.key("b"), first.blobs("data").add((b"b",)))
    first.save()
    (made,) = cache_path(tmp_path / "content").glob("data-*.blob")
    second = RecordCache.of(tmp_path / "content", "salt")
    assert second.blobs("data").valid(second.get("data", second.key("a"))) is not None
    second.put("data", second.key("c"), second.blobs("data").add((b"c",)))
    second.save()  # "b" is dropped; "a" is in the first build's file, "c" in the second's
    assert len(list(cache_path(tmp_path / "content").glob("data-*.blob"))) == 2
    third = RecordCache.of(tmp_path / "content", "salt")
    third.put("data", third.key("c"), third.blobs("data").add((b"c",)))
    third.save()  # "a" is dropped: its file goes
    assert not made.exists()
    assert len(list(cache_path(tmp_path / "content").glob("data-*.blob"))) == 1
    fourth = RecordCache.of(tmp_path / "content", "salt")
    assert fourth.blobs("data").valid(()) is None
    fourth.put("data", fourth.key("e"), ())  # no reference: kept, but refers to no file
    fourth.save()
    assert not list(cache_path(tmp_path / "content").glob("data-*.blob"))


def test_the_parts_of_the_data_files_are_not_held_in_memory(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the cache, each part is read from its file as a data file is written; a part
    not as kept there is made again, and kept again (the damaged file then goes)."""
    from archive_site.load import load_archive
    from archive_site.render import plan_site
    from archive_site.render.export import STORED

    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    first = _build(small_copy, "dist")
    # the records were let go before the search index, the summary kept
    assert first.archive is None and first.cache is not None
    assert first.summary().endswith(" years") and " articles, " in first.summary()
    archive = load_archive(Path("content"))
    (damaged,) = _blob_files(small_copy)
    parts = plan_site(archive, Path("templates"), Path("content"), None).renderer.data
    parts.keep(lambda kind, args: repr(args), RecordCache.of(Path("content"), "salt"))
    held = parts.articles() + parts.milestones()
    assert held and all(h.values is None and h.ref is not None for h in held)
    assert all(h.values is not None for h in _unkept(archive))
    _damaged_parts(small_copy)  # each record's JSON line
    second = _build(small_copy, "elsewhere")
    assert second.cache is not None and second.cache.hits[STORED]  # found, but not as kept
    assert _tree(small_copy / "elsewhere") == _tree(small_copy / "dist")
    assert not damaged.exists()
    third = _build(small_copy, "third")
    assert _tree(small_copy / "third") == _tree(small_copy / "dist")
    assert third.cache is not None and not third.cache.misses[STORED]


def test_the_page_keys_are_let_go_once_the_parts_of_the_data_files_are_made(
    small_copy: Path,
) -> None:
    """The key function the parts are looked up with (the build's page keys, which keep a
    digest of every record) was held, and everything it held, while every page rendered:
    it goes once the parts are found or made, and the parts read back the same."""
    import gc
    import weakref

    from archive_site.load import load_archive
    from archive_site.render import plan_site

    archive = load_archive(Path("content"))
    parts = plan_site(archive, Path("templates"), Path("content"), None).renderer.data

    class Keys:  # (a stand-in for PageKeys: an object whose going can be seen)
        def key(self, kind: str, args: tuple[object, ...]) -> str:
            return repr(args)

    keys = Keys()
    gone = weakref.ref(keys)
    parts.keep(keys.key, RecordCache.of(Path("content"), "salt"))
    del keys
    assert gone() is not None  # held while the parts are to be looked up
    held = parts.articles()
    gc.collect()
    assert gone() is None
    unkept = _unkept(archive)[: len(archive.articles)]
    for n in range(len(unkept[0].values)):
        assert list(parts.part(held, n)) == [u.values[n] for u in unkept]


def _unkept(archive: Any) -> list[Any]:
    """The parts of the data files of ``archive`` made without a store: in memory."""
    from archive_site.render.export import DataParts

    parts = DataParts(archive, lambda text: text)
    return parts.articles() + parts.milestones()


def test_with_no_cache_the_data_files_parts_are_kept_out_of_memory(
    small_copy: Path, tmp_path: Path
) -> None:
    """A build with no cache (ARCHIVE_SITE_NO_CACHE=1, or none to be had) held every part of
    the data files in memory, 110 MB at 10,000 articles (peak 360 MiB, 297 with the cache):
    they are kept in a file of no name in the build's own folder, read back the same, and
    go with it."""
    from archive_site.load import load_archive
    from archive_site.render.export import DataParts

    archive = load_archive(Path("content"))
    folder = tmp_path / "building"
    folder.mkdir()
    spilled = DataParts(archive, lambda text: text)
    spilled.spill(folder)
    for held, unkept in (
        (spilled.articles(), _unkept(archive)[: len(archive.articles)]),
        (spilled.milestones(), _unkept(archive)[len(archive.articles) :]),
    ):
        assert held and all(h.values is None and h.ref is not None for h in held)
        for n in range(len(unkept[0].values)):
            assert list(spilled.part(held, n)) == [u.values[n] for u in unkept]
    assert list(folder.iterdir()) == []  # the file has no name in it
    spilled.end_spill()
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("cache", ["a-file", "relative"])
def test_a_cache_folder_that_cannot_be_one_builds_the_site_all_the_same(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    """XDG_CACHE_HOME naming a file made the build fail (exit 1) after writing the whole
    site; a relative one made a cache in the working folder (audit 5)."""
    from conftest import cli

    (project_copy / "a-file").write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(project_copy / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", cache)
    result = cli("build", "-o", "out")
    assert result.returncode == 0, result.stderr
    assert (project_copy / "out/index.html").is_file()
    assert not (project_copy / "relative").exists()
    if cache == "relative":  # ignored, as the XDG specification says: ~/.cache
        assert (project_copy / "home/.cache/archive-site").is_dir()


@pytest.mark.parametrize("damage", ["a letter", "a block of zeros", "cut short", "bytes after"])
def test_a_file_damaged_in_place_is_read_as_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """A bit flipped on the disk, or a block lost in a crash, can leave a pickle that still
    loads, as other values: an entry is never taken from a file whose bytes are not the
    ones its head counts."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    kept = RecordCache.of(content, "salt")
    kept.put("articles", kept.key("x"), ("Baku talks resume", "2025-04-21"))
    kept.save()
    (f,) = _files(tmp_path, "articles")
    data = f.read_bytes()
    at = data.index(b"2025-04-21")
    f.write_bytes(
        {
            "a letter": data.replace(b"talks", b"walks"),
            "a block of zeros": data[:at] + b"\0" * 4 + data[at + 4 :],
            "cut short": data[:-1],
            "bytes after": data + b".",
        }[damage]
    )
    again = RecordCache.of(content, "salt")
    assert again.get("articles", again.key("x")) is None
    again.put("articles", again.key("x"), ("Baku talks resume", "2025-04-21"))
    again.save()
    assert f.read_bytes() == data  # written again whole


def test_a_kind_finished_is_kept_at_once_and_let_go(tmp_path: Path) -> None:
    cache = RecordCache(tmp_path / "cache", "salt")
    cache.put("mentions", "k1", ("p1", 1))
    cache.put("articles", "k2", "an article")
    cache.finish(["mentions"])
    assert cache.kinds() == {"articles"}  # the entries of "mentions" are no longer held
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["mentions.0-of-1.pickle"]
    # asked for after: nothing found, nothing kept, and counted (a build asks nothing late)
    assert cache.get("mentions", "k1") is None and cache.late == 1
    cache.put("mentions", "k3", ("p2", 2))
    assert cache.late == 2
    cache.save()  # the rest; the finished kind's file is left as finish wrote it
    again = RecordCache(tmp_path / "cache", "salt")
    assert again.get("mentions", "k1") == ("p1", 1) and again.get("mentions", "k3") is None
    assert again.get("articles", "k2") == "an article"
