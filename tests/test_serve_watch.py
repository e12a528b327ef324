"""serve/watch.py on its own: snapshots, debouncing, and what each build outcome switches and says.

The builds here are stand-ins (:class:`FakeWorkers`) that write a folder and
return the outcome a test asks for: the real worker is tested in
test_serve_worker.py, the whole server in test_serve.py.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from archive_site.errors import Diagnostic
from archive_site.options import BuildOptions, ServeOptions, SiteOptions
from archive_site.serve import notify, watch
from archive_site.serve.live import LiveSite
from archive_site.serve.watch import Watcher, changed_files, describe, snapshot
from archive_site.serve.worker import Outcome

PROBLEM = Diagnostic("content/milestones.yaml", 4, "quote: not found")
WARNING = Diagnostic("content/entities.yaml", 2, "unused entity", "warning")


class Stop(Exception):
    """Ends Watcher.watch (which otherwise runs until Ctrl-C) from the printer."""


class Lines:
    """A printer that keeps what it is told; ``stop_on`` raises :class:`Stop` after such a line."""

    def __init__(self, stop_on: str | None = None) -> None:
        self.lines: list[str] = []
        self.stop_on = stop_on

    def _add(self, line: str) -> None:
        self.lines.append(line)
        if self.stop_on and self.stop_on in line:
            raise Stop

    def info(self, text: str) -> None:
        self._add(f"info: {text}")

    def say(self, text: str) -> None:
        self._add(f"say: {text}")

    def problems(self, diagnostics: Sequence[Diagnostic], what: str) -> None:
        self._add(f"problems in {what}: {', '.join(map(str, diagnostics))}")


class FakeWorkers:
    """Builds that write ``index.html`` and return the next of the outcomes given."""

    def __init__(self, *outcomes: Outcome | None) -> None:
        self.outcomes = list(outcomes)
        self.built: list[BuildOptions] = []
        self.previous: list[Path | None] = []  # the live build when each build started

    def build(
        self,
        options: BuildOptions,
        result: Path,
        *,
        poll: float,
        stale: Callable[[], bool],
        previous: Path | None = None,
    ) -> Outcome | None:
        self.built.append(options)
        self.previous.append(previous)
        options.output.mkdir()
        (options.output / "index.html").write_text("x", encoding="utf-8")
        planned = self.outcomes.pop(0)
        if planned is None or not planned.ok:
            return planned
        return Outcome(
            True,
            planned.seconds,
            planned.summary,
            planned.base_url,
            planned.warnings,
            root=options.output,
        )

    def close(self) -> None:
        pass


def ok(base_url: str = "https://example.org/archive-site/", **kw: object) -> Outcome:
    return Outcome(True, 0.25, summary="5 pages", base_url=base_url, **kw)


def failed(*problems: Diagnostic) -> Outcome:
    return Outcome(False, 0.5, problems=problems or (PROBLEM,))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder in ("content", "templates", "scratch"):
        (tmp_path / folder).mkdir()
    (tmp_path / "content/site.yaml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def watcher(project: Path, workers: FakeWorkers, out: Lines, *, debug: bool = False) -> Watcher:
    site = SiteOptions(Path("content"), Path("templates"), None, False)
    options = ServeOptions(site, host="127.0.0.1", port=0, interval=0.01, debug=debug)
    live = LiveSite("/archive-site/")
    return Watcher(
        options,
        out,
        live,
        workers,
        project / "scratch",
        lambda base: f"http://h:1{base}",
    )


def test_snapshot_sees_files_not_droppings(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("1", encoding="utf-8")
    (tmp_path / "sub/__pycache__").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for dropping in ("x.pyc", "a.yaml~", ".a.yaml.swp", "#a.yaml#", "x.tmp", ".hidden"):
        (tmp_path / dropping).write_text("", encoding="utf-8")
    (tmp_path / "sub/__pycache__/m.cpython.pyc").write_text("", encoding="utf-8")
    (tmp_path / ".git/HEAD").write_text("", encoding="utf-8")
    (tmp_path / "sub/b.html").write_text("22", encoding="utf-8")
    seen = snapshot([tmp_path])
    assert sorted(seen) == [str(tmp_path / "a.yaml"), str(tmp_path / "sub/b.html")]
    assert seen[str(tmp_path / "sub/b.html")][1] == 2  # the size
    os.utime(tmp_path / "a.yaml", ns=(1, 1))
    assert snapshot([tmp_path]) != seen  # a new modification time is a change


def test_changed_files_and_how_they_are_described(project: Path) -> None:
    before = {"content/a.yaml": (1, 1), "content/b.yaml": (1, 1), "templates/x.html": (1, 1)}
    after = {"content/a.yaml": (2, 1), "templates/x.html": (1, 1), "content/c.md": (1, 1)}
    changed = changed_files(before, after)
    assert changed == ["content/a.yaml", "content/b.yaml", "content/c.md"]
    assert describe(changed) == "content/a.yaml, content/b.yaml, content/c.md changed"
    assert describe([*changed, "d"]) == "content/a.yaml, content/b.yaml and 2 more files changed"
    assert describe([]) == "files changed"


def test_settle_waits_for_a_burst_to_end(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    w = watcher(project, FakeWorkers(), Lines())
    target = project / "content/a.yaml"
    writes = iter(range(3))

    real = watch.snapshot

    def snapshot_while_saving(folders: Sequence[Path]) -> watch.Snapshot:
        n = next(writes, None)  # an editor saving three times, once per look
        if n is not None:
            target.write_text("x" * (n + 1), encoding="utf-8")
        return real(folders)

    monkeypatch.setattr(watch, "snapshot", snapshot_while_saving)
    settled = w.settle({})
    assert settled[str(Path("content/a.yaml"))][1] == 3  # after the last save


def test_the_first_build_is_published_and_reported(project: Path) -> None:
    out = Lines()
    workers = FakeWorkers(None, ok(warnings=(WARNING,)))  # the first is overtaken by a change
    w = watcher(project, workers, out)
    w.first()
    assert len(workers.built) == 2
    view = w.live.view()
    assert view.root == project / "scratch/site-2" and view.problems == ()
    assert out.lines == [
        f"problems in the content: {WARNING}",
        "info: Built 5 pages in 0.25 s",
    ]
    assert sorted(p.name for p in (project / "scratch").iterdir()) == ["site-2"]


class StaleWorkers(FakeWorkers):
    """Builds given up whenever ``stale()`` says the files changed meanwhile."""

    def build(
        self,
        options: BuildOptions,
        result: Path,
        *,
        poll: float,
        stale: Callable[[], bool],
        previous: Path | None = None,
    ) -> Outcome | None:
        if stale():
            self.built.append(options)
            return None
        self.outcomes = [ok()]
        return super().build(options, result, poll=poll, stale=stale, previous=previous)


def test_a_file_that_never_stops_changing_does_not_stop_every_build(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changing more often than a build takes (a capture being downloaded, a log)
    had every build given up, and nothing built, without a word."""
    ticks = iter(range(10**6))
    monkeypatch.setattr(watch, "snapshot", lambda folders: {"content/log.txt": next(ticks)})
    monkeypatch.setattr(watch, "MAX_SETTLE_SECONDS", 0.01)
    out = Lines()
    workers = StaleWorkers()
    w = watcher(project, workers, out)
    w.first()
    assert len(workers.built) == watch.MOST_SUPERSEDED + 1
    assert w.live.view().root is not None  # published
    assert out.lines[0] == (
        "say: note: files changed during each of the last 3 builds (content/log.txt changed); "
        "this one is let finish, and what changed meanwhile is built next"
    )


def test_failures_keep_the_last_good_site_and_are_shown_once(project: Path) -> None:
    out = Lines()
    w = watcher(project, FakeWorkers(ok(), failed(), failed(), ok()), out, debug=True)
    w.first()
    good = w.live.view()
    w.report(w.build({}) or failed(), ["content/milestones.yaml"], first=False)
    view = w.live.view()
    assert (view.root, view.problems) == (good.root, (PROBLEM,))
    assert view.version != good.version  # open pages reload to show the banner
    assert re.fullmatch(
        r"say: \d\d:\d\d:\d\d content/milestones.yaml changed: the build failed; "
        r"still serving the last good site",
        out.lines[-2],
    )
    assert out.lines[-1] == f"problems in the content: {PROBLEM}"
    assert not (project / "scratch/site-2").exists()  # a failed build's folder goes

    w.report(w.build({}) or failed(), [], first=False)
    assert w.live.view().version == view.version  # the same problems: nothing to reload
    assert out.lines[-1].endswith("files changed: the build still fails with the same problems")

    w.report(w.build({}) or failed(), ["a", "b", "c", "d"], first=False)
    assert w.live.view().problems == () and w.live.view().root == project / "scratch/site-4"
    # each build takes unchanged pages from the live one: none before the first
    first = project / "scratch/site-1"
    assert w.workers.previous == [None, first, first, first]  # type: ignore[attr-defined]
    assert re.fullmatch(
        r"say: \S+ a, b and 2 more files changed: rebuilt in 0.25 s; problems fixed; "
        r"open pages reload",
        out.lines[-1],
    )


def test_only_the_newest_builds_are_kept(project: Path) -> None:
    w = watcher(project, FakeWorkers(*[ok() for _ in range(4)]), Lines())
    w.first()
    for _ in range(3):
        w.report(w.build({}) or failed(), [], first=False)
    (project / "scratch/result-9.json").write_text("{}", encoding="utf-8")  # a build's, running
    (project / "scratch/left-by-a-killed-build").write_text("", encoding="utf-8")
    w.sweep(keep=())
    kept = sorted(p.name for p in (project / "scratch").iterdir())
    assert kept == ["result-9.json", *[f"site-{n}" for n in range(5 - watch.KEEP_ROOTS, 5)]]


def test_a_new_base_url_is_announced(project: Path) -> None:
    out = Lines()
    w = watcher(project, FakeWorkers(ok(), ok("https://example.org/moved/")), out)
    w.first()
    w.report(w.build({}) or failed(), [], first=False)
    assert w.live.view().base_path == "/moved/"
    assert out.lines[-1] == "say: Serving http://h:1/moved/ (the base URL changed)"


def test_a_crash_shows_its_traceback_with_debug(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crash = Outcome(False, 0.1, problems=(PROBLEM,), traceback="Traceback: here", what="the build")
    out = Lines()
    w = watcher(project, FakeWorkers(crash), out, debug=True)
    w.first()
    assert out.lines == [
        f"problems in the build: {PROBLEM}",
        "say: The site could not be built: the browser shows why until it is fixed.",
    ]
    assert w.live.view().root is None
    assert capsys.readouterr().err == "Traceback: here\n"


def test_watch_rebuilds_when_a_file_changes(project: Path) -> None:
    out = Lines(stop_on="rebuilt")
    workers = FakeWorkers(ok(), ok())
    w = watcher(project, workers, out)
    built = w.first()
    (project / "content/site.yaml").write_text("title: changed\n", encoding="utf-8")
    with pytest.raises(Stop):
        w.watch(built)
    assert out.lines[1].startswith("info: Watching content/, templates/ and ")
    assert re.fullmatch(
        r"say: \S+ content/site.yaml changed: rebuilt in 0.25 s; open pages reload", out.lines[-1]
    )
    assert [o.output.name for o in workers.built] == ["site-1", "site-2"]
    assert workers.built[1].site == w.options.site


def _soon(action: Callable[[], None]) -> threading.Timer:
    """``action`` done in 0.2 s, in another thread."""
    timer = threading.Timer(0.2, action)
    timer.start()
    return timer


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_the_notifier_wakes_on_a_save_and_watches_new_folders(tmp_path: Path) -> None:
    """A look every --interval (0.5 s) made a save wait 0.25 s on average before the
    watcher saw it; inotify ends the wait at once (here each wait would last 60 s)."""
    notifier = notify.open_notifier()
    assert notifier is not None
    try:
        notifier.watch([str(tmp_path / "gone"), str(tmp_path)])
        assert not notifier.complete  # a folder it could not watch
        notifier.watch([str(tmp_path)])
        assert notifier.complete
        assert not notifier.wait(0.05)  # nothing changed
        _soon(lambda: (tmp_path / "a.txt").write_text("x", encoding="utf-8")).join()
        assert notifier.wait(60)
        assert not notifier.wait(0.05)  # the events were read
        (tmp_path / "sub").mkdir()
        assert notifier.wait(60)
        notifier.watch([str(tmp_path), str(tmp_path / "sub")])  # a folder made since
        _soon(lambda: (tmp_path / "sub/b.txt").write_text("x", encoding="utf-8"))
        assert notifier.wait(60)
    finally:
        notifier.close()
    assert not notifier.wait(0.01)  # closed: no wait, no error


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux's")
def test_watch_sees_a_save_before_its_next_look(project: Path) -> None:
    """With looks 60 s apart, a save 0.2 s after watching starts is built at once."""
    out = Lines(stop_on="rebuilt")
    w = watcher(project, FakeWorkers(ok(), ok()), out)
    w.options = dataclasses.replace(w.options, interval=60)
    built = w.first()
    started = time.monotonic()
    saving = _soon(lambda: (project / "content/site.yaml").write_text("t: 2\n", "utf-8"))
    with pytest.raises(Stop):
        w.watch(built)
    saving.join()
    assert time.monotonic() - started < 30  # not at the next look, 60 s on
    assert "content/site.yaml changed: rebuilt" in out.lines[-1]


def test_a_wake_up_for_nothing_makes_the_next_wait_a_whole_interval(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's dropping saved over and over woke the watcher each time, for a look that
    found no change: after such a wake-up the watcher waits the interval without it."""
    used: list[bool] = []

    class Busy:
        """A notifier that always reports a change."""

        complete = True

        def watch(self, folders: list[str]) -> None:
            assert os.path.abspath("content") in map(os.path.abspath, folders)

        def wait(self, timeout: float) -> bool:
            used.append(True)
            return True

        def close(self) -> None:
            pass

    def sleep(seconds: float) -> None:
        used.append(False)
        if len(used) >= 6:
            raise Stop

    monkeypatch.setattr(watch, "open_notifier", Busy)
    monkeypatch.setattr(watch.time, "sleep", sleep)
    w = watcher(project, FakeWorkers(ok()), Lines())
    built = w.first()
    with pytest.raises(Stop):
        w.watch(built)
    assert used == [True, False, True, False, True, False]


def test_a_build_looks_for_changes_only_when_inotify_tells_of_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build asked every half second whether files changed under it, each time with a
    look at every file (0.1 s at 10,000 articles): where inotify watches, only once it
    tells of a change; and between builds the wait lasts TOLD_INTERVALS intervals."""
    told: list[bool] = []
    waits: list[float] = []

    class Told:
        complete = True

        def watch(self, folders: list[str]) -> None:
            pass

        def wait(self, timeout: float) -> bool:
            waits.append(timeout)
            return told.pop(0) if told else False

        def close(self) -> None:
            pass

    looks: list[int] = []
    real = watch.snapshot
    monkeypatch.setattr(watch, "snapshot", lambda *a: looks.append(1) or real(*a))
    w = watcher(project, FakeWorkers(ok()), Lines())
    started = real(w.folders)
    w._notifier = Told()  # type: ignore[assignment]
    assert not w._stale(started) and not looks  # nothing told: no look
    told.append(True)
    assert not w._stale(started) and len(looks) == 1  # told: a look, which finds nothing
    (project / "content/site.yaml").write_text("t: 3\n", encoding="utf-8")
    told.append(True)
    assert w._stale(started) and w._changing == ["content/site.yaml"]
    assert not w._pause(Told(), [])  # type: ignore[arg-type]
    assert waits[-1] == w.options.interval * watch.TOLD_INTERVALS
    # A folder it could not watch (no watch left): a change may come untold, so the looks
    # are as without inotify.
    partial = Told()
    partial.complete = False
    w._notifier = partial  # type: ignore[assignment]
    looks.clear()
    assert w._stale(started) and len(looks) == 1
    assert not w._pause(partial, [])  # type: ignore[arg-type]
    assert waits[-1] == w.options.interval
    assert w.settle(started) != started and len(looks) >= 2


def test_a_burst_settles_as_inotify_tells(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settling looked at every file every 0.1 s until nothing changed for QUIET_SECONDS:
    where inotify watches, it waits until it tells of nothing for that long, then looks
    once (or not at all when it told of nothing)."""
    told = [True, True, False]

    class Told:
        complete = True

        def wait(self, timeout: float) -> bool:
            assert timeout == watch.QUIET_SECONDS
            return told.pop(0)

    looks: list[int] = []
    real = watch.snapshot
    monkeypatch.setattr(watch, "snapshot", lambda *a: looks.append(1) or real(*a))
    w = watcher(project, FakeWorkers(), Lines())
    w._notifier = Told()  # type: ignore[assignment]
    before = real(w.folders)
    (project / "content/site.yaml").write_text("t: 4\n", encoding="utf-8")
    assert w.settle(before) == real(w.folders) and len(looks) == 1 and not told
    told.append(False)
    assert w.settle(before) == before and len(looks) == 1  # nothing told: no look
