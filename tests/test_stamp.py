"""The build stamp: an unchanged archive is not built again, and any change builds it anew.

One copy of the project (its archive cut down: :func:`conftest.small_archive`) goes
through every kind of edit; after each, the build into ``dist/`` (which has the stamp of
the build before) must not be skipped, and after several of them it must give exactly the
tree a cold build gives into a fresh folder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import archive_site.stamp as stamp_module
import archive_site.write as write_module
from archive_site import searchindex
from archive_site.pipeline import Paths, Report, build
from archive_site.stamp import (
    RACY_NS,
    Aside,
    Digests,
    Found,
    Stamp,
    Tree,
    combined,
    known_path,
    library_versions,
    read_known,
    stamp_path,
    write_known,
    write_stamp,
)
from conftest import COMMENTARY, ROOT, TEST_BASE_URL, cli, cold_builds, edit


@pytest.fixture(autouse=True)
def _own_search_bundles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The search index's bundles kept apart from the other tests': a build of the same
    pages by a test running meanwhile links the files of the bundles this one's output
    shares, which changes their status time, and the stamp then does not skip a build."""
    monkeypatch.setattr(searchindex, "bundles_path", lambda: tmp_path / "search-bundles")


MD_ARTICLE = """\
---
title: A hand-written note on the partnership
published: 2025-05-01
outlet: EDnews
kind: news
---

A short note on the strategic partnership between Azerbaijan and China.
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _build(project: Path, out: str, base_url: str = TEST_BASE_URL) -> Report:
    """Build ``project`` (the working folder) into ``out`` as ``archive-site build`` does there,
    with the folders named from it: the templates' compiled code, which Jinja keeps under each
    template's path, is then shared by every copy of the project."""
    assert Path.cwd() == project.resolve()
    return build(Paths(Path("content"), Path("templates"), Path(out)), base_url=base_url)


def _same_as_cold(project: Path, monkeypatch: pytest.MonkeyPatch, base_url: str) -> None:
    cold = project / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    with monkeypatch.context() as m:
        cold_builds(m)
        _build(project, "cold", base_url)
    assert not stamp_path(cold).exists()
    assert _tree(project / "dist") == _tree(cold)


def _add_article(c: Path) -> None:
    (c / "articles/2025-05-01-note.md").write_text(MD_ARTICLE, encoding="utf-8")


def _rename_article(c: Path) -> None:
    (c / "articles/2025-05-01-note.md").rename(c / "articles/2025-05-01-renamed-note.md")


def _delete_article(c: Path) -> None:
    (c / "articles/2025-05-01-renamed-note.md").unlink()


def _last_line_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[-1]


EDITS: list[tuple[str, Callable[[Path], object]]] = [
    (
        "article metadata",
        lambda c: edit(c / f"articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The"),
    ),
    ("article added", _add_article),
    ("article renamed", _rename_article),
    ("article deleted", _delete_article),
    ("milestone", lambda c: edit(c / "milestones.yaml", "title: ", "title: Then, ")),
    ("entity", lambda c: edit(c / "entities.yaml", "description: ", "description: Also ")),
    ("topic", lambda c: edit(c / "topics.yaml", "title: ", "title: The ")),
    ("page", lambda c: edit(c / "pages/about.md", "title: ", "title: All ")),
    ("settings", lambda c: edit(c / "site.yaml", "title: ", "title: The ")),
]


def test_the_digests_under_a_prefix_are_the_hashes_taken_by_path_after_it() -> None:
    """What the record cache and the page keys read: a view of the hashes, not a copy."""
    st = (0, 0, 0, 0, 0)
    hashes = {"code/a.py": (st, "1"), "content/x.txt": (st, "2"), "content/y/z.yaml": (st, "3")}
    content = Digests(hashes, "content/")
    assert dict(content) == {"x.txt": "2", "y/z.yaml": "3"}
    assert len(content) == 2
    assert content.get("a.py") is None
    assert content.get("code/a.py") is None
    assert dict(Digests(hashes, "")) == {k: v[1] for k, v in hashes.items()}
    hashes["content/new.txt"] = (st, "4")
    assert content["new.txt"] == "4"


def test_a_build_after_an_edit_is_skipped_however_late_the_old_site_goes(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old site is deleted while the build writes its records.  Its links to the new
    site's files go with it, which changes those files' status: the stamp is taken only
    once it is gone (at 10,000 articles, it was not yet, and no build was ever skipped)."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)

    def late(folder: Path | None) -> Callable[[], None]:  # gone only when waited for
        return lambda: shutil.rmtree(folder, ignore_errors=True) if folder else None

    monkeypatch.setattr(write_module, "_deleting", late)
    _build(small_copy, "dist")
    edit(
        small_copy / f"content/articles/{COMMENTARY}.capture.txt",
        "In recent years,",
        "As Xinhua wrote, in recent years,",
    )
    edited = _build(small_copy, "dist")
    assert edited.unchanged is None and len(edited.reused) > 10  # linked from the old site
    again = _build(small_copy, "dist")
    assert again.unchanged == edited.summary()


def test_unchanged_is_skipped_and_every_edit_rebuilds(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
    content = small_copy / "content"
    first = _build(small_copy, "dist")
    assert first.unchanged is None and stamp_path(small_copy / "dist").is_file()
    again = _build(small_copy, "dist")
    assert again.unchanged == first.summary() and [s for s, _ in again.stages] == ["unchanged"]
    assert (again.pages, again.files) == (first.pages, first.files)

    for n, (what, change) in enumerate(EDITS):
        change(content)
        report = _build(small_copy, "dist")
        assert report.unchanged is None, what
        if n % 3 == 1:  # article added, entity, settings
            _same_as_cold(small_copy, monkeypatch, TEST_BASE_URL)

    # A template, and the base URL given on the command line.
    edit(small_copy / "templates/page.html", "{% block main %}", "{% block main %}\n<!-- x -->")
    assert _build(small_copy, "dist").unchanged is None
    other = "https://example.net/elsewhere/"
    assert _build(small_copy, "dist", other).unchanged is None
    _same_as_cold(small_copy, monkeypatch, other)
    assert _build(small_copy, "dist", other).unchanged is not None


def test_a_build_with_warnings_is_stamped_and_says_them_again_when_unchanged(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build with a warning left no stamp: every later build started from scratch; and an
    unchanged build said "Built ... in 0.00 s", as if it had built."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
    (small_copy / "content/notes.txt").write_text("to do\n", encoding="utf-8")  # a stray file
    first = cli("build", cwd=small_copy)
    assert first.returncode == 0 and "warning:" in first.stderr, first.stderr
    assert stamp_path(small_copy / "dist").is_file()
    again = cli("build", cwd=small_copy)
    assert again.returncode == 0 and again.stderr == first.stderr  # said again, the same
    assert again.stdout.startswith("Nothing changed since the last build: ")
    # from another folder the warnings name the files otherwise: built again, said so
    elsewhere = cli(
        "build",
        "--content",
        "../content",
        "--templates",
        "../templates",
        "-o",
        "../dist",
        cwd=small_copy / "templates",
    )
    assert elsewhere.stdout.startswith("Built ") and "../content/notes.txt" in elsewhere.stderr
    strict = cli("build", "--strict", cwd=small_copy)  # other settings: built, and failing
    assert strict.returncode == 1 and "notes.txt" in strict.stderr


@pytest.mark.parametrize("aside", [False, True], ids=["here", "aside"])
def test_a_touched_output_is_built_again(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch, aside: bool
) -> None:
    """Whether this process looks at the whole output or another one looks at some of its
    folders meanwhile (:class:`Aside`, for a large output), a page changed or removed by
    hand builds the site again: in a folder looked at aside, or here."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setattr(stamp_module, "ASIDE_MIN_FILES", 0 if aside else 10**9)
    monkeypatch.setattr(stamp_module, "_spare_core", lambda: True)
    started: list[Aside | None] = []
    start = Aside.start

    def starting(root: Path, names: list[str]) -> Aside | None:
        started.append(start(root, names))
        return started[-1]

    monkeypatch.setattr(Aside, "start", starting)
    _build(small_copy, "dist")
    dist = small_copy / "dist"
    recorded = Stamp.read(dist)
    assert recorded is not None and bool(recorded.output_aside) == aside
    # the folders of the small site are all looked at aside, the page at its top here
    folders = [p.name for p in sorted(dist.iterdir()) if p.is_dir()]
    for folder in recorded.output_aside[:1] or folders[:1]:
        page = min((dist / folder).rglob("*.*"))
        original = page.read_bytes()
        page.write_bytes(b"changed by hand")
        assert _build(small_copy, "dist").unchanged is None, folder
        assert page.read_bytes() == original
    (dist / "index.html").unlink()
    assert _build(small_copy, "dist").unchanged is None
    assert _build(small_copy, "dist").unchanged is not None
    assert len(started) == (3 if aside else 0) and all(a is not None for a in started)
    _same_as_cold(small_copy, monkeypatch, TEST_BASE_URL)


def test_the_output_looked_at_aside_has_the_digest_taken_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamp_module, "_spare_core", lambda: True)
    out = tmp_path / "dist"
    (out / "sub/deeper").mkdir(parents=True)
    for name in ("index.html", "sub/a.html", "sub/deeper/b.txt"):
        (out / name).write_text(name)
    (out / "link").symlink_to("sub")
    (out / "other").mkdir()
    tree = Tree.of(out)
    assert Tree.digest_of(out) == tree.digest == tree.digest_apart([])
    apart = tree.digest_apart(["sub"])
    assert apart != tree.digest
    assert combined(Tree.digest_of(out, ["sub"]), Tree.aside_digest_of(out, ["sub"])) == apart
    aside = Aside.start(out, ["sub"])
    assert aside is not None and aside.digest() == Tree.aside_digest_of(out, ["sub"])
    assert aside.digest() is None  # once; the process is gone
    # a file changed in the folder looked at aside changes that part alone, and the whole
    here, there = Tree.digest_of(out, ["sub"]), Tree.aside_digest_of(out, ["sub"])
    (out / "sub/deeper/b.txt").write_text("changed")
    assert Tree.digest_of(out, ["sub"]) == here
    assert Tree.aside_digest_of(out, ["sub"]) != there
    assert Tree.of(out).digest_apart(["sub"]) != apart
    aside = Aside.start(out, ["sub"])
    assert aside is not None and aside.digest() == Tree.aside_digest_of(out, ["sub"])
    # and one changed outside it, the other part alone
    there = Tree.aside_digest_of(out, ["sub"])
    (out / "index.html").write_text("changed")
    assert Tree.digest_of(out, ["sub"]) != here
    assert Tree.aside_digest_of(out, ["sub"]) == there
    # a folder given aside that is no folder any more is no longer the one recorded
    empty = Tree.aside_digest_of(out, ["other"])
    (out / "other").rmdir()
    (out / "other").write_text("a file now")
    assert Tree.aside_digest_of(out, ["other"]) != empty
    # nor is one made a link to a folder elsewhere, which is never looked into
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "other").unlink()
    (out / "other").symlink_to(outside)
    linked = Tree.aside_digest_of(out, ["other"])
    assert linked != empty
    (outside / "new.html").write_text("elsewhere")
    assert Tree.aside_digest_of(out, ["other"]) == linked


def test_the_folders_looked_at_aside_are_the_largest_that_fit_in_half_the_work(
    tmp_path: Path,
) -> None:
    out = tmp_path / "dist"
    for name, files in {"big": 60, "mid": 30, "small": 8, "tiny": 1}.items():
        (out / name).mkdir(parents=True)
        for n in range(files):
            (out / name / f"{n}.html").write_text("x")
    (out / "index.html").write_text("x")
    tree = Tree.of(out)
    # the folders' entries (each folder and what it holds): 61, 31, 9 and 2; 103 in all
    assert tree.split(0) == ["mid", "small", "tiny"]  # 51 is half of 103: "big" is too many
    assert tree.split(100) == ["big", "mid", "small"]  # half of 203 is 101: inputs here too
    assert tree.split(20) == ["big"]  # half of 123 is 61


def test_a_spare_core_is_one_no_task_runs_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loadavg = tmp_path / "loadavg"
    monkeypatch.setattr(stamp_module, "LOADAVG", loadavg)
    cores = len(os.sched_getaffinity(0))
    for running, spare in [
        (cores, False),
        (cores + 3, False),
        (max(cores - 1, 1), cores > 1),
        (1, cores > 1),
    ]:
        loadavg.write_text(f"0.50 0.40 0.30 {running}/480 12345\n")
        assert stamp_module._spare_core() == spare, running
    loadavg.write_text("")
    assert not stamp_module._spare_core()
    loadavg.unlink()
    assert not stamp_module._spare_core()


def _died_aside() -> Aside:
    """An :class:`Aside` whose process died without a word."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover
        os._exit(1)
    os.close(write)
    return Aside(pid, read)


def test_without_a_digest_from_aside_the_output_is_looked_at_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamp_module, "_spare_core", lambda: True)
    content, out = tmp_path / "content", tmp_path / "dist"
    monkeypatch.setattr(stamp_module, "ASIDE_MIN_FILES", 0)
    content, out = tmp_path / "content", tmp_path / "dist"
    content.mkdir()
    for name in ("a.md", "b.md", "c.md"):  # inputs this process looks at meanwhile
        (content / name).write_text(name)
    (out / "pages").mkdir(parents=True)
    (out / "pages/index.html").write_text("site")
    stamp = _stamp_of(content, out)
    assert stamp.output_aside == ["pages"]
    assert _died_aside().digest() is None
    assert stamp.output_unchanged(out, _died_aside())
    (out / "pages/index.html").write_text("SITE")
    assert not stamp.output_unchanged(out, _died_aside())
    aside = Aside.start(out, stamp.output_aside)
    assert aside is not None
    os.kill(aside.pid, signal.SIGKILL)  # killed before it wrote its digest, or after
    assert not stamp.output_unchanged(out, aside)
    monkeypatch.setattr(stamp_module, "_spare_core", lambda: False)
    assert Aside.start(out, ["pages"]) is None  # no idle core: it would only slow it
    monkeypatch.setattr(stamp_module, "_spare_core", lambda: True)
    waiting = threading.Event()
    thread = threading.Thread(target=waiting.wait)
    thread.start()
    try:
        assert Aside.start(out, ["pages"]) is None  # forking with threads may deadlock
    finally:
        waiting.set()
        thread.join()


def test_a_file_saved_unchanged_builds_nothing_and_renews_the_stamp(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(small_copy, "dist")
    meta = small_copy / f"content/articles/{COMMENTARY}.meta.yaml"
    meta.write_bytes(meta.read_bytes())  # saved again: new times, same bytes
    before = stamp_path(small_copy / "dist").read_bytes()
    assert _build(small_copy, "dist").unchanged is not None
    renewed = stamp_path(small_copy / "dist").read_bytes()
    assert renewed != before  # the new statuses are recorded: next time no file is read

    def no_hashing(*args: object) -> None:
        raise AssertionError("a file was hashed")

    monkeypatch.setattr(Found, "hashed", no_hashing)
    assert _build(small_copy, "dist").unchanged is not None


@pytest.mark.parametrize(
    "change",
    ["same size, same modification time", "replaced by rename", "empty folder", "link"],
)
def test_changes_that_keep_sizes_and_times_build_again(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(small_copy, "dist")
    page = small_copy / "templates/page.html"
    st = page.stat()
    text = page.read_text(encoding="utf-8")
    assert "doc prose" in text
    if change == "same size, same modification time":
        page.write_text(text.replace("doc prose", "doc PROSE"), encoding="utf-8")
    elif change == "replaced by rename":
        tmp = page.with_name("page.html.tmp")
        tmp.write_text(text.replace("doc prose", "doc PROSE"), encoding="utf-8")
        tmp.replace(page)
    elif change == "empty folder":
        (small_copy / "templates/partials-unused").mkdir()
    else:
        (small_copy / "templates/linked.html").symlink_to(page)
    if page.exists():
        os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert page.stat().st_size == st.st_size
    assert _build(small_copy, "dist").unchanged is None


_SETTINGS = {"base_url": None}


def _stamp_of(folder: Path, out: Path) -> Stamp:
    found = Found.look({"content": folder}, _SETTINGS)
    write_stamp(out, found.hashed(None), {"summary": "", "pages": 0, "files": 0})
    stamp = Stamp.read(out)
    assert stamp is not None
    return stamp


def test_the_stamp_is_a_line_of_json_then_a_line_for_each_file(tmp_path: Path) -> None:
    """The hashes of the files follow the JSON line, so that an unchanged build, which has no
    use for them, parses none of them; a damaged line of them trusts no recorded hash. The
    stamp that versions before this format left beside the output is removed, no other file."""
    content, out = tmp_path / "content", tmp_path / "dist"
    (content / "sub").mkdir(parents=True)
    out.mkdir()
    (tmp_path / ".dist.stamp.json").write_text("{}")  # an earlier version's stamp
    (tmp_path / ".dist.stamp.json.keep").write_text("{}")
    (content / "a.txt").write_text("aaa")
    (content / "sub/b\u00e9.txt").write_text("bbb")
    stamp = _stamp_of(content, out)
    head, _, rest = stamp_path(out).read_bytes().partition(b"\n")
    assert json.loads(head)["output"] == stamp.output and "hashes" not in json.loads(head)
    lines = [line.split("\t") for line in rest.decode().splitlines()]
    assert [(key, digest) for key, _, digest in lines] == [
        ("content/a.txt", hashlib.sha256(b"aaa").hexdigest()),
        ("content/sub/b\u00e9.txt", hashlib.sha256(b"bbb").hexdigest()),
    ]
    st = (content / "a.txt").lstat()
    assert lines[0][1] == f"{st.st_mode} {st.st_size} {st.st_mtime_ns} {st.st_ino} {st.st_ctime_ns}"
    assert stamp.file_hashes()["content/a.txt"][1] == hashlib.sha256(b"aaa").hexdigest()
    damaged = dataclasses.replace(stamp, hashes=rest.replace(b"\t", b" ", 1))
    assert damaged.file_hashes() == {}
    assert sorted(p.name for p in tmp_path.glob(".*")) == [".dist.stamp", ".dist.stamp.json.keep"]


def test_a_file_changed_just_before_it_was_hashed_is_never_trusted_by_its_status(
    tmp_path: Path,
) -> None:
    """Git's "racily clean" rule: a file changed within the same clock tick as it was hashed
    (and again within that tick, after the hash) keeps its status; it must be read again."""
    content, out = tmp_path / "content", tmp_path / "dist"
    content.mkdir()
    out.mkdir()
    (out / "index.html").write_text("site")
    (content / "old.txt").write_text("old text")
    long_ago = time.time_ns() - 3 * RACY_NS
    os.utime(content / "old.txt", ns=(long_ago, long_ago))
    (content / "new.txt").write_text("one")
    found = Found.look({"content": content}, _SETTINGS)
    stamp = _stamp_of(content, out)
    assert set(stamp.recent) == {"content/new.txt", "content/old.txt"}  # ctime: both now
    assert stamp.inputs_unchanged(found)

    (content / "new.txt").write_text("two")  # the same size
    # As if the clock had not moved: the statuses found before the change still hold.
    assert found.listing == stamp.listing
    assert not stamp.inputs_unchanged(found)
    assert found.hashed(stamp).fingerprint != stamp.fingerprint


def test_a_file_hashed_long_after_its_last_change_is_trusted_by_its_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content, out = tmp_path / "content", tmp_path / "dist"
    content.mkdir()
    out.mkdir()
    (content / "a.txt").write_text("aaa")
    later = time.time_ns() + 3 * RACY_NS  # as if hashed three seconds after its change
    monkeypatch.setattr(time, "time_ns", lambda: later)
    stamp = _stamp_of(content, out)
    assert stamp.recent == {}
    monkeypatch.undo()
    found = Found.look({"content": content}, _SETTINGS)
    assert stamp.inputs_unchanged(found)  # no file read
    (content / "a.txt").write_text("bbb")  # a change after the hash: a new change time
    found = Found.look({"content": content}, _SETTINGS)
    assert not stamp.inputs_unchanged(found)
    assert found.hashed(stamp).fingerprint != stamp.fingerprint


def test_the_hashes_kept_apart_vouch_for_the_files_unchanged_since_by_their_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build without a stamp of its output (serve's, each into a new folder) reads again
    only the files whose status changed since the last build from the same folders, or
    that changed too shortly before it looked (git's "racily clean" rule)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.txt").write_text("aaa")
    (content / "b.txt").write_text("bbb")
    found = Found.look({"content": content}, _SETTINGS)
    assert read_known(found) is None
    racy = found.hashed(None)
    write_known(racy)  # every file changed within the tick before the look: none trusted
    assert found.hashed(read_known(found)).read == 2
    later = time.time_ns() + 3 * RACY_NS  # as if looked at three seconds after the changes
    monkeypatch.setattr(time, "time_ns", lambda: later)
    first = Found.look({"content": content}, _SETTINGS).hashed(None)
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    write_known(first)
    found = Found.look({"content": content}, _SETTINGS)
    again = found.hashed(read_known(found))
    assert again.read == 0 and again.fingerprint == first.fingerprint
    (content / "b.txt").write_text("BBB")  # the same size
    found = Found.look({"content": content}, _SETTINGS)
    edited = found.hashed(read_known(found))
    assert edited.read == 1
    assert edited.fingerprint == found.hashed(None).fingerprint != first.fingerprint
    other = tmp_path / "other"
    shutil.copytree(content, other)
    assert read_known(Found.look({"content": other}, _SETTINGS)) is None  # others' folders
    known_path(found).write_bytes(b"{damaged\n")
    assert read_known(found) is None


def test_a_build_into_a_new_folder_reads_only_the_files_changed_and_builds_as_cold(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``serve`` builds (into a new folder each time, taking unchanged pages from the last,
    no search index, no stamp): after an edit only the edited file is read to be hashed,
    and the site is the one a cold build makes."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.setattr(stamp_module, "RACY_NS", 0)  # (the copy was made just now)
    paths = [Paths(Path("content"), Path("templates"), Path(f"out{n}")) for n in range(3)]
    build(paths[0], base_url=TEST_BASE_URL, search=False)
    meta = f"content/articles/{COMMENTARY}.meta.yaml"
    edit(small_copy / meta, "EDnews: the", "EDnews: The")
    read: list[str] = []
    sha = stamp_module._sha
    with monkeypatch.context() as m:
        m.setattr(stamp_module, "_sha", lambda path: read.append(path) or sha(path))
        build(paths[1], base_url=TEST_BASE_URL, search=False, previous=paths[0].output)
    assert read == [meta]
    with monkeypatch.context() as m:
        cold_builds(m)
        build(paths[2], base_url=TEST_BASE_URL, search=False)
    assert _tree(small_copy / "out1") == _tree(small_copy / "out2")


def test_the_output_is_looked_at_by_status_and_recent_files_by_hash(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "dist"
    content.mkdir()
    (out / "sub").mkdir(parents=True)
    (out / "sub/page.html").write_text("page")
    stamp = _stamp_of(content, out)
    assert stamp.output_unchanged(out)
    tree = Tree.of(out)
    assert tree.changed_since(0) == {"sub/page.html": hashlib.sha256(b"page").hexdigest()}
    assert tree.changed_since(time.time_ns() + RACY_NS) == {}
    st = (out / "sub/page.html").stat()
    (out / "sub/page.html").write_text("PAGE")
    os.utime(out / "sub/page.html", ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not stamp.output_unchanged(out)
    assert not tree.still({"sub/page.html": hashlib.sha256(b"page").hexdigest()})


def test_the_code_is_its_source_files(tmp_path: Path) -> None:
    code = tmp_path / "code"
    (code / "__pycache__").mkdir(parents=True)
    (code / "a.py").write_text("x = 1\n")
    (code / "notes.txt").write_text("not code")
    first = Tree.of(code, code=True)
    (code / "__pycache__/a.cpython-311.pyc").write_bytes(b"compiled")
    (code / "notes.txt").write_text("still not code")
    assert Tree.of(code, code=True).digest == first.digest
    assert [rel for rel, _ in first.entries()] == ["a.py"]
    (code / "b.py").write_text("")
    assert Tree.of(code, code=True).digest != first.digest


def test_library_versions_are_the_installed_ones() -> None:
    for line in library_versions():
        name = line.split("==")[0].split(" ")[0]
        try:
            assert line == f"{name}=={importlib.metadata.version(name)}"
        except importlib.metadata.PackageNotFoundError:
            assert line == f"{name} missing"


#: What an unchanged build has no use for: the libraries of the stages it skips.
STAGE_LIBRARIES = ("jinja2", "markdown", "yaml", "slugify", "trafilatura", "lxml", "pagefind_bin")


def _imported_by_build(folder: Path, args: list[str], modules: Sequence[str]) -> str:
    """What ``build.py ARGS`` run in ``folder``, in a process of its own, returns, and which of
    ``modules`` it imported: ``"0 []"`` for a build that succeeded importing none."""
    probe = (
        "import sys; from archive_site.commands.cli import build_py_main; "
        f"code = build_py_main({[*args, '-q', '--base-url', TEST_BASE_URL]!r}); "
        f"print(code, [m for m in {tuple(modules)!r} if m in sys.modules])"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return run.stdout.strip() or run.stderr


def test_an_unchanged_build_imports_none_of_the_stages_libraries(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing them costs more than finding that nothing changed."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(small_copy, "dist")
    assert _imported_by_build(small_copy, [], STAGE_LIBRARIES) == "0 []"
    assert (small_copy / "dist/index.html").is_file()


#: What a build whose records all come from the cache has no use for: the modules that read
#: captures and milestones' sources, and those that start processes (a small archive's
#: pages are made in one).
CACHED_BUILD_UNUSED = ("multiprocessing", "archive_site.readers.byline", "yaml")


def test_a_build_from_the_cache_imports_no_reader_and_no_processes(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Into a new output folder, with every record in the cache: the pages are made, and
    what reading and forking need is not imported (it took tens of milliseconds)."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(small_copy, "dist")
    assert _imported_by_build(small_copy, ["-o", "other"], CACHED_BUILD_UNUSED) == "0 []"
    assert (small_copy / "other/index.html").is_file()


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo", "too large"])
def test_a_stamp_that_is_no_small_regular_file_is_none(tmp_path: Path, kind: str) -> None:
    """A link to /dev/zero planted as the stamp beside the output ran the build out of
    memory (exit 70), and a FIFO made it wait for ever (audit 5): such a stamp is none."""
    output = tmp_path / "dist"
    place = stamp_path(output)
    if kind == "fifo":
        os.mkfifo(place)
    elif kind == "too large":
        with place.open("wb") as f:
            f.truncate(64 * 1024 * 1024)
    else:
        place.symlink_to("/dev/zero")
    done: list[object] = []
    reader = threading.Thread(target=lambda: done.append(Stamp.read(output)), daemon=True)
    reader.start()
    reader.join(timeout=20)
    assert done == [None]


def test_a_stamp_whose_line_of_json_is_damaged_is_not_used(
    small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged build prints the summary, and the warnings, the stamp recorded: a
    stamp damaged there (a changed figure, a warning gone) was believed, and printed."""
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(small_copy, "dist")
    place = stamp_path(small_copy / "dist")
    stamp = place.read_bytes()
    assert _build(small_copy, "dist").unchanged is not None
    place.write_bytes(stamp.replace(b'"summary":"', b'"summary":"9', 1))
    again = _build(small_copy, "dist")
    assert again.unchanged is None  # built, not told from the stamp
    assert _build(small_copy, "dist").unchanged is not None  # the new stamp is used
