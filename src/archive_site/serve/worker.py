"""The build worker: every build in a fresh Python process, and what it reports back.

A build process starts before it is needed and imports the libraries the
build uses, and the package too (from where the server found it), after
taking the status of each of the package's files.  Then it reads its request
(one line of JSON on stdin) and looks at them again: when any changed, or
had changed too shortly before the first look for a change to show in its
status, or the import failed, it replaces itself (``exec``) by a process that
imports the package only now, so that a build always runs the code as it is
at its request.  It never writes bytecode: an edit within the same second as
a cached ``.pyc`` must not go unseen.  It writes what happened as JSON to the
request's result file; a process that dies without one is reported from its
traceback.  A build that crashes or hangs cannot take the server down.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArchiveError, Diagnostic, display_path
from ..options import BuildOptions, SiteOptions
from ..patterns import later

#: The package the worker runs: this one, as it is on disk at each build.
PACKAGE = Path(__file__).resolve().parent.parent
#: A package file changed less than this long before a spare looked at it may change again
#: without its status showing it (the clock's tick): the spare then imports nothing early.
RECENT_S = 2.0

#: A build process that reads its request from its argument: the package is imported now.
_FRESH = """\
import json, sys
request = json.loads(sys.argv[1])
sys.path.insert(0, request["path"])
from archive_site.serve.worker import build_worker
raise SystemExit(build_worker(request))
"""

#: A spare build process (its arguments: the folder holding the package, RECENT_S, and the
#: content folder of the next build, if known), see the docstring.  It prints ``warm`` once
#: it has imported the package and read the content folder's record cache.
_BOOT = """\
import json, os, sys, time
for name in ("jinja2", "markdown", "yaml", "slugify"):
    try:
        __import__(name)
    except Exception:
        pass
path = sys.argv[1]


def look():
    \"\"\"Each file of the package and its status; None if one changed very recently
    (a change that soon may not show in it) or is gone while looked at.\"\"\"
    found, recent = [], time.time_ns() - int(float(sys.argv[2]) * 1e9)
    for folder, dirs, files in os.walk(os.path.join(path, "archive_site")):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            try:
                st = os.lstat(os.path.join(folder, name))
            except OSError:
                return None
            if max(st.st_mtime_ns, st.st_ctime_ns) > recent:
                return None
            found.append((folder, name, st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino))
    return found


before, warm = look(), False
if before is not None:
    sys.path.insert(0, path)
    try:
        from archive_site.serve.worker import build_worker, warm_up
        warm_up(sys.argv[3] if len(sys.argv) > 3 else None)
        warm = True
        print("warm", flush=True)
    except BaseException:
        pass
line = sys.stdin.readline()
if before is None:  # nothing imported yet: import it now, as it is
    sys.path.insert(0, path)
    from archive_site.serve.worker import build_worker
elif not warm or look() != before:  # imported, then changed (or failed): a new process
    os.execv(sys.executable, [sys.executable, "-B", "-P", "-c", FRESH, line])
request = json.loads(line)
request["warm"] = warm
raise SystemExit(build_worker(request))
""".replace("FRESH", repr(_FRESH))


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one build run by the server."""

    ok: bool
    seconds: float
    summary: str = ""
    base_url: str = ""
    warnings: tuple[Diagnostic, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    traceback: str = ""
    root: Path | None = None
    what: str = "the content"  # where the problems are, for the terminal


class Workers:
    """Runs builds in subprocesses, keeping one spare process warming up between builds."""

    def __init__(self) -> None:
        self._spare: subprocess.Popen[str] | None = None

    def build(
        self,
        options: BuildOptions,
        result: Path,
        *,
        poll: float,
        stale: Callable[[], bool],
        previous: Path | None = None,
    ) -> Outcome | None:
        """Build into ``options.output``; None if ``stale()`` turned true before it finished.

        ``result`` is the worker's report file (read, then deleted); ``stale``
        is asked every ``poll`` seconds while the build runs; unchanged pages are taken
        from the build in ``previous``.
        """
        t0 = time.perf_counter()
        proc, self._spare = self._spare, None
        content = options.site.content
        if proc is None or proc.poll() is not None:
            proc = _start(content)
        try:
            stderr = _wait(proc, request(options, result, previous), poll=poll, stale=stale)
        finally:
            _end(proc)
        seconds = time.perf_counter() - t0
        self._spare = _start(content)  # warms up while nothing changes
        if stderr is None:
            return None
        try:
            data = json.loads(result.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            crash = crash_report(stderr, proc.returncode)
            return Outcome(False, seconds, problems=(crash,), what="the build")
        finally:
            result.unlink(missing_ok=True)
        return outcome(data, seconds, options.output)

    def close(self) -> None:
        if self._spare is not None:
            _end(self._spare)
            self._spare = None


def request(options: BuildOptions, result: Path, previous: Path | None = None) -> str:
    """The line of JSON a worker reads: the package to import, the build, the result file,
    and the build to take unchanged pages from."""
    site = options.site
    return json.dumps(
        {
            "path": str(PACKAGE.parent),
            "content": str(site.content),
            "templates": str(site.templates),
            "output": str(options.output),
            "base_url": site.base_url,
            "strict": site.strict,
            "jobs": options.jobs,
            "result": str(result),
            # The pages alone: serve makes the search index after they are served (.index).
            "search": False,
            "previous": None if previous is None else str(previous),
        }
    )


def read_request(data: dict[str, Any]) -> tuple[BuildOptions, Path]:
    """What :func:`request` wrote: the build's options, and where to write the result."""
    site = SiteOptions(
        Path(data["content"]), Path(data["templates"]), data["base_url"], data["strict"]
    )
    return BuildOptions(site, Path(data["output"]), data["jobs"]), Path(data["result"])


def _start(content: Path | None = None) -> subprocess.Popen[str]:
    """A spare build process; with ``content``, the folder its build will read (see
    :func:`warm_up`)."""
    args = [str(PACKAGE.parent), str(RECENT_S)] + ([] if content is None else [str(content)])
    return subprocess.Popen(
        [sys.executable, "-B", "-P", "-c", _BOOT, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        # its own process group: ending a build ends the render workers it forked too
        start_new_session=True,
    )


def _wait(
    proc: subprocess.Popen[str], line: str, *, poll: float, stale: Callable[[], bool]
) -> str | None:
    """Send the request and wait for the process to end; its stderr, or None once stale."""
    payload: str | None = line + "\n"
    while True:
        try:
            _, stderr = proc.communicate(payload, timeout=poll)
            return stderr
        except subprocess.TimeoutExpired:
            payload = None  # sent already
            if stale():
                return None


def _end(proc: subprocess.Popen[str]) -> None:
    """End a build process and every process it started (render workers, a loader): killed
    alone, it left its forked workers behind, holding its output pipes open, and the wait
    for them never ended (serve built nothing again, and said nothing)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # (a group outlives its leader while it has members)
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


def outcome(data: dict[str, Any], seconds: float, root: Path) -> Outcome:
    """The :class:`Outcome` a worker's report describes (``root``: where it built)."""
    if not data["ok"]:
        problems = tuple(Diagnostic(**d) for d in data["problems"])
        what = "the build" if data["traceback"] else "the content"
        return Outcome(False, seconds, problems=problems, traceback=data["traceback"], what=what)
    return Outcome(
        True,
        seconds,
        summary=data["summary"],
        base_url=data["base_url"],
        warnings=tuple(Diagnostic(**d) for d in data["warnings"]),
        root=root,
    )


_FRAME = later(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)', re.MULTILINE)


def crash_report(stderr: str, returncode: int | None) -> Diagnostic:
    """A build that died without a result: point at the last file and line of its traceback."""
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    frames = list(_FRAME().finditer(stderr))
    message = lines[-1].strip() if lines else f"the build process exited with code {returncode}"
    if frames:
        last = frames[-1]
        return Diagnostic(
            display_path(last["file"]), int(last["line"]), f"the build crashed: {message}"
        )
    return Diagnostic("archive-site", None, f"the build crashed: {message}")


# --- in the subprocess --------------------------------------------------------


def warm_up(content: str | None = None) -> None:
    """In a spare process, before its request: import what every build imports, and read
    the record cache of the archive in ``content`` (the last build's: what the next one
    finds unchanged there it takes from memory, see :func:`..cache.read_ahead`)."""
    from .. import cache, load, pipeline, produce, render, searchindex  # noqa: F401

    if content is not None:
        cache.read_ahead(Path(content))


def build_worker(data: dict[str, Any]) -> int:
    """In the subprocess: build, then write what happened as JSON to the request's result file."""
    options, result_path = read_request(data)
    result: dict[str, Any]
    try:
        from ..pipeline import Paths, build

        site = options.site
        paths = Paths(site.content, site.templates, options.output)
        report = build(
            paths,
            base_url=site.base_url,
            strict=site.strict,
            jobs=options.jobs,
            search=bool(data.get("search", True)),
            previous=Path(data["previous"]) if data.get("previous") else None,
        )
        assert report.archive is not None
        result = {
            "ok": True,
            "summary": report.summary(),
            "base_url": report.archive.config.base_url,
            "warnings": [_as_dict(d) for d in report.warnings],
        }
    except ArchiveError as exc:
        result = {"ok": False, "problems": [_as_dict(d) for d in exc.diagnostics], "traceback": ""}
    except Exception as exc:
        result = {
            "ok": False,
            "problems": [_as_dict(_internal(exc, options.site.templates))],
            "traceback": traceback.format_exc(),
        }
    result["warm"] = bool(data.get("warm"))  # the package was imported before the request
    result_path.write_text(json.dumps(result), encoding="utf-8")
    return 0


def _as_dict(d: Diagnostic) -> dict[str, Any]:
    return {"path": d.path, "line": d.line, "message": d.message, "severity": d.severity}


def _internal(exc: Exception, templates: Path) -> Diagnostic:
    """An exception in the package's code (being edited?), pinned to its innermost own line."""
    message = f"internal error: {type(exc).__name__}: {exc}"
    if isinstance(exc, SyntaxError) and exc.filename:
        message = f"internal error: {type(exc).__name__}: {exc.msg}"
        return Diagnostic(display_path(exc.filename), exc.lineno, message)
    ours = (str(PACKAGE), str(templates.resolve()))
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if str(Path(f.filename).resolve()).startswith(ours)
    ]
    if frames:
        return Diagnostic(display_path(frames[-1].filename), frames[-1].lineno, message)
    return Diagnostic("archive-site", None, message)
