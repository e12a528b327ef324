"""serve's search index: the pages are served first, the index follows in the background.

Real builds of the project's archive (cut down: :func:`conftest.small_archive`) and real
Pagefind runs: builds for serve write the pages alone;
:class:`~archive_site.serve.index.Indexer` makes the index apart and swaps it in whole;
the index served then is byte for byte the ``pagefind/`` a cold ``build`` writes.  The
server itself is run as a user runs it (the fixture of test_serve.py).  No assertion is
about time: each is about the order of events or the state reached.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from archive_site.errors import Diagnostic
from archive_site.pipeline import Paths, build
from archive_site.searchindex import FOLDER, STAGE
from archive_site.serve.http import respond
from archive_site.serve.index import KEEP, Indexer, _Job
from archive_site.serve.live import LiveSite, View
from conftest import INTERVIEW, cold_builds, edit
from test_serve import Served, serve  # noqa: F401 (the fixture)

URL = "http://127.0.0.1:1/archive-site/"
BASE = "/archive-site/"
NOTE = 'id="archive-site-indexing"'
#: The start of a paragraph of the interview (an indexed page), and an edit of it that
#: keeps the milestone quoting the paragraph sound.
SENTENCE = "At the invitation of President Xi Jinping, I paid"
EDITED = "Freshly edited. " + SENTENCE
SHOWN = "Freshly edited."  # what the edited page shows


def _get_bytes(s: Served, target: str) -> bytes:
    """The body of a GET of ``target`` from the server, as bytes (HTTP 200 only)."""
    parts = urlsplit(s.url)
    assert parts.hostname and parts.port
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request("GET", target)
        r = conn.getresponse()
        assert r.status == 200, target
        return r.read()
    finally:
        conn.close()


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _pages(project: Path, out: str) -> Path:
    """A build for serve: the pages, no index."""
    paths = Paths(project / "content", project / "templates", project / out)
    build(paths, base_url=URL, search=False)
    assert not (paths.output / FOLDER).exists()
    return paths.output


def _cold_index(project: Path, monkeypatch: pytest.MonkeyPatch, out: str) -> Path:
    """The index of a cold build (no cache, no stamp) of the project as it is now."""
    with monkeypatch.context() as m:
        cold_builds(m)
        build(Paths(project / "content", project / "templates", project / out), base_url=URL)
    return project / out / FOLDER


class Said:
    """What the indexer says, in order, from its thread."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.lock = threading.Lock()

    def say(self, text: str) -> None:
        with self.lock:
            self.lines.append(text)

    def problems(self, found: tuple[Diagnostic, ...]) -> None:
        self.say("problems: " + "; ".join(map(str, found)))


@dataclass
class Indexing:
    """A live site and its indexer, in the project copy; what the indexer said."""

    live: LiveSite
    said: Said
    indexer: Indexer

    def publish(self, root: Path) -> None:
        """Serve the pages of ``root`` (as the watcher does) and start indexing them."""
        self.live.publish(root, BASE, indexing=True)
        self.indexer.start(root)

    def done(self) -> View:
        assert self.indexer.wait(120)
        return self.live.view()


@pytest.fixture
def indexing(small_copy: Path) -> Iterator[Indexing]:
    (small_copy / "indexes").mkdir()
    live, said = LiveSite(BASE), Said()
    indexer = Indexer(live, small_copy / "indexes", said.say, said.problems, jobs=1)
    try:
        yield Indexing(live, said, indexer)
    finally:
        indexer.close()
    assert not (small_copy / "indexes").exists()


def test_the_index_process_is_given_the_jobs_of_serve(indexing: Indexing, tmp_path: Path) -> None:
    """``serve --jobs N`` bounds the Pagefind runs of its index as a build's (the fixture's
    indexer, with one job, makes every index of these tests)."""
    job = _Job(tmp_path / "site", tmp_path / "index")
    request = indexing.indexer.request(job, str(tmp_path / "before"))
    assert request["jobs"] == 1
    assert (request["site"], request["into"]) == (str(job.root), str(job.into))
    assert request["previous"] == str(tmp_path / "before")
    assert Indexer(indexing.live, tmp_path, print, print).request(job, None)["jobs"] is None


def test_the_pages_are_served_before_the_index_which_then_equals_a_cold_builds(
    indexing: Indexing, small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _pages(small_copy, "site-1")
    indexing.live.publish(root, BASE, indexing=True)
    # Served at once: the pages; the search page says its index is being made.
    before = indexing.live.view()
    assert before.indexing and before.index is None
    search = respond(before, BASE + "search.html", URL).body.decode()
    assert NOTE in search and "The search index is being made" in search
    assert 'data-index="0"' in search
    assert NOTE not in respond(before, BASE + "timeline.html", URL).body.decode()
    assert respond(before, BASE + "pagefind/pagefind-entry.json", URL).status == 404

    indexing.indexer.start(root)
    after = indexing.done()
    assert not after.indexing and after.index is not None and after.index_version == 1
    assert after.version == before.version  # the pages do not reload for the index...
    search = respond(after, BASE + "search.html", URL).body.decode()
    assert NOTE not in search and 'data-index="1"' in search  # ...the search page does
    assert indexing.said.lines[-1].startswith("search index updated in ")

    cold = _cold_index(small_copy, monkeypatch, "cold")
    assert _tree(after.index) == _tree(cold)
    for rel, data in _tree(cold).items():  # served as the site's pagefind/
        assert respond(after, f"{BASE}pagefind/{rel}", URL).body == data, rel
    state = json.loads(respond(after, BASE + "__archive-site/version", URL).body)
    assert (state["index"], state["indexing"]) == (1, False)


def test_a_newer_build_supersedes_the_index_under_way(
    indexing: Indexing, small_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    indexing.publish(_pages(small_copy, "site-1"))
    edit(small_copy / f"content/articles/{INTERVIEW}.capture.txt", SENTENCE, EDITED)
    indexing.indexer.cancel()  # the watcher does this when it sees the change
    indexing.publish(_pages(small_copy, "site-2"))
    view = indexing.done()
    assert not view.indexing and view.index is not None
    assert _tree(view.index) == _tree(_cold_index(small_copy, monkeypatch, "cold"))
    # nothing of a cancelled run is left: no stage, at most the index served and one before,
    # with their records (which shards they were made from: see searchindex.index_into)
    found = sorted(p.name for p in (small_copy / "indexes").iterdir())
    left = [n for n in found if not n.endswith(".json")]
    assert len(left) <= KEEP and not [n for n in left if n.endswith(STAGE)], found
    assert [n for n in found if n.endswith(".json")] == [f"{n}.json" for n in left], found
    assert view.index.name == left[-1]

    # The same pages again (a change no indexed page shows): the index is not made again.
    indexing.publish(_pages(small_copy, "site-3"))
    again = indexing.done()
    assert (again.index, again.index_version) == (view.index, view.index_version)
    assert not again.indexing


@pytest.mark.parametrize("cached", [True, False])
def test_the_index_is_kept_in_the_users_cache_unless_caches_are_off(
    indexing: Indexing, small_copy: Path, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    """The indexer's process keeps its bundles where a build does (see there), so that a
    server started again has its index at once; never with ``ARCHIVE_SITE_NO_CACHE=1``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(small_copy / "cache"))
    if cached:
        monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    else:
        monkeypatch.setenv("ARCHIVE_SITE_NO_CACHE", "1")
    indexing.publish(_pages(small_copy, "site-1"))
    view = indexing.done()
    assert view.index is not None
    kept = list((small_copy / "cache/archive-site/search-bundles").glob("*.json"))
    assert len(kept) == int(cached)


def test_an_index_that_cannot_be_made_keeps_the_last_and_says_why(
    indexing: Indexing, small_copy: Path
) -> None:
    root = _pages(small_copy, "site-1")
    for page in root.rglob("*.html"):  # no page for Pagefind to index
        page.unlink()
    indexing.publish(root)
    view = indexing.done()
    assert not view.indexing and view.index is None
    assert indexing.said.lines[-1].startswith(
        "problems: search index: the search index could not be made"
    )


def test_serve_reloads_pages_before_the_index_is_done(
    serve: Callable[..., Served],  # noqa: F811 (the fixture)
    small_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = serve()
    s.wait_until(lambda: s.state()["index"] == 1, "the first index is served")
    page = f"articles/{INTERVIEW}.html"
    assert SENTENCE in s.get(page).text
    before, first = s.state(), s.live_build()
    edit(small_copy / f"content/articles/{INTERVIEW}.capture.txt", SENTENCE, EDITED)
    s.wait_until(lambda: SHOWN in s.get(page).text, "the edited article is served")
    # a page the edit does not change is taken from the build before, not rendered again
    second = s.live_build()
    assert second != first
    assert (second / "about.html").stat().st_ino == (first / "about.html").stat().st_ino
    s.wait_until(lambda: s.state()["index"] == 2, "the new index is served")
    assert s.state()["version"] != before["version"]
    # In the order the server did them: the pages went live (open pages reload), then the
    # index was swapped in.
    lines = s.stdout.splitlines()
    rebuilt = next(
        n
        for n, ln in enumerate(lines)
        if re.search(r"changed: rebuilt in .*; open pages reload", ln)
    )
    updated = [n for n, ln in enumerate(lines) if "search index updated in" in ln]
    assert len(updated) == 2 and updated[0] < rebuilt < updated[1], s.output()
    # The index served is the one a cold build of the edited archive writes.
    cold = _cold_index(small_copy, monkeypatch, "cold")
    for rel, data in _tree(cold).items():
        assert _get_bytes(s, f"{BASE}pagefind/{rel}") == data, rel
    search = s.get("search.html").text
    assert NOTE not in search and 'data-index="2"' in search
    s.stop()


def test_a_ctrl_c_before_the_index_s_thread_started_ends_serve_cleanly(
    indexing: Indexing, tmp_path: Path
) -> None:
    """A Ctrl-C between a job's thread being made and started (or within its start) left
    a job whose thread was never started: serve's end joined it, and exited 70 ("cannot join
    thread before it is started", seen once in CI).  Such a thread is not waited for."""
    indexer = Indexer(indexing.live, tmp_path / "indexes", print, print)
    job = _Job(tmp_path / "site", tmp_path / "indexes/index-1")
    job.thread = threading.Thread(target=lambda: None)  # made, never started
    indexer._job = job
    assert indexer.wait(timeout=1) is True
    indexer.close()  # cancels it: no RuntimeError
    assert job.cancelled and not (tmp_path / "indexes").exists()
