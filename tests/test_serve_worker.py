"""serve/worker.py on its own: the request, the build in a subprocess, what it reports back."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from archive_site.errors import Diagnostic
from archive_site.options import BuildOptions, SiteOptions
from archive_site.serve import worker
from archive_site.serve.worker import Outcome, Workers
from conftest import ROOT, edit

BASE_URL = "https://example.org/archive-site/"
SUMMARY = r"\d+ pages \(\d+ files\): \d+ articles, .* years"


def options(project: Path, output: str = "out", strict: bool = False) -> BuildOptions:
    site = SiteOptions(project / "content", project / "templates", BASE_URL, strict)
    return BuildOptions(site, project / output)


def test_the_request_carries_the_options_and_the_package(tmp_path: Path) -> None:
    sent = options(tmp_path, strict=True)
    line = worker.request(sent, tmp_path / "r.json")
    assert "\n" not in line  # the worker reads one line
    data = json.loads(line)
    assert data["path"] == str(worker.PACKAGE.parent)
    assert (worker.PACKAGE / "serve" / "worker.py").is_file()
    assert worker.read_request(data) == (sent, tmp_path / "r.json")
    nobase = BuildOptions(SiteOptions(Path("c"), Path("t"), None, False), Path("o"))
    assert worker.read_request(json.loads(worker.request(nobase, Path("r"))))[0] == nobase


def test_what_a_worker_reports_becomes_an_outcome(tmp_path: Path) -> None:
    warning = {"path": "a.yaml", "line": 2, "message": "w", "severity": "warning"}
    good = {"ok": True, "summary": "3 pages", "base_url": BASE_URL, "warnings": [warning]}
    assert worker.outcome(good, 1.5, tmp_path) == Outcome(
        True,
        1.5,
        summary="3 pages",
        base_url=BASE_URL,
        warnings=(Diagnostic("a.yaml", 2, "w", "warning"),),
        root=tmp_path,
    )
    error = {"path": "b.yaml", "line": None, "message": "e", "severity": "error"}
    bad = worker.outcome({"ok": False, "problems": [error], "traceback": ""}, 2.0, tmp_path)
    assert (bad.ok, bad.problems, bad.what, bad.root) == (
        False,
        (Diagnostic("b.yaml", None, "e"),),
        "the content",
        None,
    )
    crashed = worker.outcome({"ok": False, "problems": [error], "traceback": "T"}, 2.0, tmp_path)
    assert (crashed.what, crashed.traceback) == ("the build", "T")


def test_a_crash_points_at_the_last_frame_of_its_traceback() -> None:
    stderr = (
        "Traceback (most recent call last):\n"
        '  File "<string>", line 9, in <module>\n'
        '  File "/x/src/archive_site/pipeline.py", line 41, in build\n'
        "    boom()\n"
        "MemoryError: out of it\n"
    )
    assert worker.crash_report(stderr, -9) == Diagnostic(
        "/x/src/archive_site/pipeline.py", 41, "the build crashed: MemoryError: out of it"
    )
    assert worker.crash_report("", -9) == Diagnostic(
        "archive-site", None, "the build crashed: the build process exited with code -9"
    )


def test_build_worker_writes_the_result(project_copy: Path) -> None:
    result = project_copy / "result.json"
    data = json.loads(worker.request(options(project_copy), result))
    assert worker.build_worker(data) == 0
    report = json.loads(result.read_text(encoding="utf-8"))
    assert report["ok"] is True and report["base_url"] == BASE_URL
    assert re.fullmatch(SUMMARY, report["summary"]), report["summary"]
    assert (project_copy / "out/index.html").is_file()

    line = edit(project_copy / "content/milestones.yaml", "date: 1992-04-02", "date: 1992-04-31")
    data = json.loads(worker.request(options(project_copy, "out2"), result))
    assert worker.build_worker(data) == 0
    report = json.loads(result.read_text(encoding="utf-8"))
    assert report["ok"] is False and report["traceback"] == ""
    assert report["problems"][0]["path"] == "content/milestones.yaml"
    assert report["problems"][0]["line"] == line
    assert not (project_copy / "out2").exists()


def test_an_internal_error_is_pinned_to_the_packages_own_line(tmp_path: Path) -> None:
    from archive_site.errors import display_path

    try:
        display_path(None)
    except TypeError as exc:
        found = worker._internal(exc, tmp_path)
    assert found.path.endswith("archive_site/errors.py") and found.line
    assert found.message.startswith("internal error: TypeError: ")
    try:
        json.loads("{")
    except ValueError as exc:
        elsewhere = worker._internal(exc, tmp_path)
    assert (elsewhere.path, elsewhere.line) == ("archive-site", None)
    broken = SyntaxError("invalid syntax", ("src/archive_site/x.py", 7, 3, "def (:"))
    assert worker._internal(broken, tmp_path) == Diagnostic(
        "src/archive_site/x.py", 7, "internal error: SyntaxError: invalid syntax"
    )


def test_workers_build_in_a_subprocess_and_keep_a_spare(project_copy: Path) -> None:
    workers = Workers()
    try:
        result = project_copy / "result.json"
        done = workers.build(options(project_copy), result, poll=0.05, stale=lambda: False)
        assert done is not None and done.ok, done
        assert done.root == project_copy / "out" and (done.root / "timeline.html").is_file()
        assert re.fullmatch(SUMMARY, done.summary), done.summary
        assert not result.exists()  # read, then deleted
        spare = workers._spare
        assert spare is not None and spare.poll() is None  # warming up for the next build

        abandoned = workers.build(
            options(project_copy, "out2"), result, poll=0.01, stale=lambda: True
        )
        assert abandoned is None
        assert spare.poll() is not None  # the spare ran that build, and was ended

        edit(project_copy / "content/milestones.yaml", "date: 1992-04-02", "date: 1992-04-31")
        failed = workers.build(
            options(project_copy, "out3"), result, poll=0.05, stale=lambda: False
        )
        assert failed is not None and not failed.ok and failed.root is None
        assert failed.problems[0].path == "content/milestones.yaml"
    finally:
        workers.close()
    assert workers._spare is None


def _children(parent: int) -> list[int]:
    """The living processes whose parent is ``parent``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[1]) == parent and fields[0] != "Z":  # ppid; not a zombie
                found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_build_given_up_ends_the_processes_it_started_too() -> None:
    """A save while a large archive rendered killed the build alone: its forked render
    workers lived on, blocked sending their figures into a pipe no one read, holding the
    build's output pipes open, and serve waited for them for ever (rebuilding nothing).
    A build runs in a process group of its own, and ending it ends the group."""
    spare = worker._start()
    try:
        assert os.getpgid(spare.pid) == spare.pid  # a group of its own
    finally:
        worker._end(spare)
    # a process that forked a child holding its output pipes, as a build's workers do
    forks = "import os, time\nif os.fork() == 0:\n    time.sleep(120)\ntime.sleep(120)\n"
    proc = subprocess.Popen(
        [sys.executable, "-c", forks],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not _children(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    (child,) = _children(proc.pid)
    ending = threading.Thread(target=worker._end, args=(proc,), daemon=True)
    ending.start()
    ending.join(timeout=30)
    try:
        assert not ending.is_alive(), "waited for the build's output without end"
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not _alive(child)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def test_a_spare_imports_the_package_early_and_runs_it_only_while_unchanged(
    small_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A spare imports the package before its request comes (its build is "warm"); a package
    file changed after that makes it replace itself by a new process, which runs the new
    code; a file changed too shortly before the spare looked makes it import nothing early."""
    package = tmp_path / "pkg/archive_site"
    shutil.copytree(
        ROOT / "src/archive_site", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(worker, "PACKAGE", package)
    monkeypatch.setattr(worker, "RECENT_S", 0.2)
    time.sleep(0.3)  # the copy is no longer recent
    pipeline = package / "pipeline.py"
    original = pipeline.read_text(encoding="utf-8")
    probe = original + (
        "\n\n_unprobed_build = build\n\n\n"
        "def build(paths, **options):  # type: ignore[no-redef]\n"
        "    report = _unprobed_build(paths, **options)\n"
        '    (paths.output / "probe.txt").write_text("new code ran", encoding="utf-8")\n'
        "    return report\n"
    )

    def run(proc: subprocess.Popen[str], output: str) -> dict[str, object]:
        result = tmp_path / f"{output}.json"
        line = worker.request(options(small_copy, output), result)
        worker._wait(proc, line, poll=0.05, stale=lambda: False)
        data: dict[str, object] = json.loads(result.read_text(encoding="utf-8"))
        assert data["ok"] is True, data
        return data

    spare = worker._start()
    assert spare.stdout is not None and spare.stdout.readline() == "warm\n"
    assert run(spare, "one")["warm"] is True and not (small_copy / "one/probe.txt").exists()

    spare = worker._start()
    assert spare.stdout is not None and spare.stdout.readline() == "warm\n"
    pipeline.write_text(probe, encoding="utf-8")  # after the warm-up, before the request
    assert run(spare, "two")["warm"] is False
    assert (small_copy / "two/probe.txt").read_text(encoding="utf-8") == "new code ran"

    pipeline.write_text(original, encoding="utf-8")
    monkeypatch.setattr(worker, "RECENT_S", 60.0)  # every file is recent: none imported early
    spare = worker._start()
    assert run(spare, "three")["warm"] is False and not (small_copy / "three/probe.txt").exists()
