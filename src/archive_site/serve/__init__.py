"""``archive-site serve``: build, serve on 127.0.0.1, rebuild on changes, reload the browser.

How it works:

* Every build runs in a fresh Python subprocess (the same interpreter and the
  same ``archive_site`` package as this process), so edits to the package's
  own code take effect at the next build, and a build that crashes or hangs
  cannot take the server down.  Each build writes into a new folder under a
  private temporary directory; only a complete, successful build is switched
  in as the served root, so the server never shows a half-written site.  The
  output folder (``dist/``) is never touched.
* The site is mounted at the base URL's path (``/archive-site/`` for
  ``https://example.github.io/archive-site/``), as GitHub Pages serves a
  project site; ``/`` redirects there, and missing pages get the site's own
  ``404.html``.
* ``content/``, ``templates/`` and the package source are polled for changes
  (modification times and sizes: no dependencies); a burst of changes is
  debounced into one rebuild.
* Served HTML (never the built files) gets a small script that polls
  ``BASE__archive-site/version`` and reloads the page when a new build is live.
  Polling, rather than a held-open connection, keeps any number of open tabs
  within the browser's connection limit.
* A failed build keeps the last good site and shows the problems in the
  terminal and, escaped, in a banner on every served page, until a build
  succeeds.  If the first build fails, every page explains the problems.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any, Protocol
from urllib.parse import quote, unquote, urlsplit

from ..config import base_path_of, normalise_base_url
from ..errors import ArchiveError, Diagnostic, display_path
from ..options import ServeOptions, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
QUIET_SECONDS = 0.3  # a burst of changes is over when nothing changed for this long
MAX_SETTLE_SECONDS = 3.0  # ...or when it has lasted this long (a file that never stops changing)
KEEP_ROOTS = 2  # the live build and the one before (a request may still be reading it)
ENDPOINT = "__archive-site/"  # under the base path; no site path can start with "__"
PACKAGE = Path(__file__).resolve().parent.parent

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".bib": "text/plain; charset=utf-8",
    ".ris": "text/plain; charset=utf-8",
    ".md": "text/plain; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}
DEFAULT_TYPE = "application/octet-stream"


class Printer(Protocol):
    """What serve needs of ``cli.Printer``."""

    def info(self, text: str) -> None: ...

    def problems(self, diagnostics: Sequence[Diagnostic], what: str) -> None: ...


# --- the command ------------------------------------------------------------


def serve(options: ServeOptions, out: Printer) -> int:
    """Run the server until Ctrl-C; returns the exit code."""
    site = options.site
    missing = [
        Diagnostic(display_path(p), None, f"{what} folder not found")
        for p, what in ((site.content, "content"), (site.templates, "templates"))
        if not p.is_dir()
    ]
    if missing:
        raise ArchiveError(missing)
    base_path = _initial_base_path(site.content, site.base_url)  # ArchiveError on a bad URL

    live = LiveSite(base_path)
    try:
        server = _Server((options.host, options.port), live, debug=options.debug)
    except OSError as exc:
        raise UsageError(_bind_problem(options.host, options.port, exc)) from None
    scratch = Path(tempfile.mkdtemp(prefix="archive-site-serve-"))
    watcher: Watcher | None = None
    try:
        with _stop_on_sigterm():
            watcher = Watcher(options=options, out=out, live=live, server=server, scratch=scratch)
            with contextlib.suppress(KeyboardInterrupt):
                watcher.run()
    finally:
        with _ignoring_sigint():
            if watcher is not None:
                watcher.stop()
            server.server_close()
            shutil.rmtree(scratch, ignore_errors=True)
    _say("Stopped.")
    return EXIT_OK


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    import errno

    if exc.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another server?); "
            "choose another with --port, or --port 0 for a free one"
        )
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host!r}: not an address of this machine (see --host)"
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"


def _initial_base_path(content: Path, base_url: str | None) -> str:
    """The mount path before the first build: from the option, else site.yaml, else "/"."""
    from ..config import load_config
    from ..errors import Problems

    if base_url:
        try:
            return base_path_of(normalise_base_url(base_url))
        except ValueError as exc:
            raise ArchiveError([Diagnostic("--base-url", None, str(exc))]) from None
    try:
        config = load_config(content, Problems())
    except Exception:
        config = None
    return config.base_path if config is not None else "/"


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C, so that ``kill`` also cleans up."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _ignoring_sigint() -> Iterator[None]:
    """A second Ctrl-C must not interrupt the clean-up."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _say(text: str) -> None:
    """Lines printed even with -q: the address, rebuilds, stopping."""
    print(text, flush=True)


# --- what is being served ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    """One consistent look at the served state, taken at the start of a request."""

    root: Path | None  # the last good build; None until one succeeds
    base_path: str  # "/" or "/archive-site/"
    version: str  # changes whenever what a page shows changes
    problems: tuple[Diagnostic, ...]  # of the last build, when it failed


class LiveSite:
    """The served root, the base path and the build problems, switched atomically."""

    def __init__(self, base_path: str) -> None:
        self._lock = threading.Lock()
        self._token = uuid.uuid4().hex[:8]  # a restarted server reloads every open page
        self._count = 1
        self._view = View(None, base_path, self._version(), ())

    def _version(self) -> str:
        return f"{self._token}-{self._count}"

    def view(self) -> View:
        with self._lock:
            return self._view

    def publish(self, root: Path, base_path: str) -> None:
        with self._lock:
            self._count += 1
            self._view = View(root, base_path, self._version(), ())

    def fail(self, problems: tuple[Diagnostic, ...]) -> bool:
        """Show these problems over the last good site; False if they were already shown."""
        with self._lock:
            if self._view.problems == problems:
                return False
            self._count += 1
            v = self._view
            self._view = View(v.root, v.base_path, self._version(), problems)
            return True


# --- the HTTP server --------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not delay Ctrl-C

    def __init__(self, address: tuple[str, int], live: LiveSite, *, debug: bool) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.live = live
        self.debug = debug
        super().__init__(address, _Handler)

    def url(self, base_path: str) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}{quote(base_path)}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            return  # the browser went away: nothing to report
        if self.debug:
            super().handle_error(request, client_address)
        else:
            print(
                f"archive-site: internal error while answering a request: "
                f"{type(exc).__name__}: {exc} (--debug shows the traceback)",
                file=sys.stderr,
                flush=True,
            )


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "archive-site-serve"
    sys_version = ""
    timeout = 60  # close idle keep-alive connections

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # no log line per request

    def _answer(self, *, head: bool) -> None:
        view = self.server.live.view()
        raw = urlsplit(self.path)
        try:
            path = unquote(raw.path, errors="strict")
        except UnicodeDecodeError:
            path = "\0"
        if not path.startswith("/") or "\0" in path or "\\" in path:
            self._send(HTTPStatus.BAD_REQUEST, b"Bad request\n", TYPES[".txt"], head)
            return
        base = unquote(view.base_path)
        marker = "/" + ENDPOINT
        if marker in path:  # any base, so a page served before the base URL changed still reloads
            self._endpoint(path.split(marker, 1)[1], view, head)
            return
        if base != "/" and path == base.rstrip("/"):
            self._redirect(base, raw.query, head)
            return
        if not path.startswith(base):
            if path == "/":
                self._redirect(base, "", head)
            else:
                body = _outside_page(view, self.server.url(view.base_path))
                self._send(HTTPStatus.NOT_FOUND, body, TYPES[".html"], head)
            return
        if view.root is None:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, _failure_page(view), TYPES[".html"], head)
            return
        found = _locate(view.root, path[len(base) :])
        if isinstance(found, str):  # a folder without its trailing slash
            self._redirect(base + found, raw.query, head)
            return
        status = HTTPStatus.OK
        if found is None:
            status, found = HTTPStatus.NOT_FOUND, view.root / "404.html"
        try:
            data = found.read_bytes()
        except OSError:
            self._send(HTTPStatus.NOT_FOUND, b"Not found\n", TYPES[".txt"], head)
            return
        ctype = TYPES.get(found.suffix.lower(), DEFAULT_TYPE)
        if ctype.startswith("text/html"):
            data = inject(data, view)
        self._send(status, data, ctype, head)

    def _endpoint(self, name: str, view: View, head: bool) -> None:
        if name == "version":
            state = {
                "version": view.version,
                "ok": not view.problems,
                "problems": [str(d) for d in view.problems],
            }
            self._send(HTTPStatus.OK, json.dumps(state).encode(), TYPES[".json"], head)
        elif name == "reload.js":
            self._send(HTTPStatus.OK, RELOAD_JS.encode(), TYPES[".js"], head)
        elif name == "serve.css":
            self._send(HTTPStatus.OK, SERVE_CSS.encode(), TYPES[".css"], head)
        else:
            self._send(HTTPStatus.NOT_FOUND, b"Not found\n", TYPES[".txt"], head)

    def _redirect(self, location: str, query: str, head: bool) -> None:
        target = quote(location) + (f"?{query}" if query else "")
        self._send(HTTPStatus.FOUND, b"", TYPES[".txt"], head, location=target)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        ctype: str,
        head: bool,
        *,
        location: str | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if location is not None:
            self.send_header("Location", location)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _locate(root: Path, rel: str) -> Path | str | None:
    """The file a site path names; a str to redirect to (a folder's slash), or None: not found.

    ``rel`` is already percent-decoded; nothing that resolves outside ``root`` is served.
    """
    slash = rel == "" or rel.endswith("/")
    parts = rel.split("/")
    if slash:
        parts = parts[:-1]
    if any(p in ("", ".", "..") for p in parts):
        return None
    target = root.joinpath(*parts)
    if target.is_dir():
        if not slash:
            return rel + "/"
        target = target / "index.html"
    elif not slash and not target.exists() and target.with_name(target.name + ".html").is_file():
        target = target.with_name(target.name + ".html")  # /timeline serves timeline.html
    try:
        resolved = target.resolve(strict=True)
    except OSError:
        return None
    if not resolved.is_file() or not resolved.is_relative_to(root.resolve()):
        return None
    return resolved


# --- what serve adds to HTML ------------------------------------------------

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)


def inject(page: bytes, view: View) -> bytes:
    """The served copy of a page: the reload script, and the problems banner when a build failed."""
    script = _reload_tag(view).encode()
    closes = list(_BODY_CLOSE.finditer(page))
    if closes:
        at = closes[-1].start()
        page = page[:at] + script + b"\n" + page[at:]
    else:
        page = page + b"\n" + script
    if view.problems:
        banner = _banner(view).encode()
        opened = _BODY_OPEN.search(page)
        at = opened.end() if opened else 0
        page = page[:at] + b"\n" + banner + page[at:]
    return page


def _reload_tag(view: View) -> str:
    base = html.escape(view.base_path + ENDPOINT)
    return (
        f'<script src="{base}reload.js" data-endpoint="{base}version" '
        f'data-version="{html.escape(view.version)}"></script>'
    )


def _problem_items(problems: Sequence[Diagnostic]) -> str:
    items = []
    for d in problems:
        where = d.path if d.line is None else f"{d.path}:{d.line}"
        kind = "warning: " if d.severity == "warning" else ""
        items.append(f"<li><code>{html.escape(where)}</code>: {kind}{html.escape(d.message)}</li>")
    return "\n".join(items)


def _count(problems: Sequence[Diagnostic]) -> str:
    n = len(problems)
    return f"{n} problem{'s' if n != 1 else ''}"


def _banner(view: View) -> str:
    css = html.escape(view.base_path + ENDPOINT + "serve.css")
    return (
        f'<link rel="stylesheet" href="{css}">'
        '<details open id="archive-site-problems" role="alert">'
        f"<summary>The last build failed with {_count(view.problems)}; "
        "this is the last good version of the site.</summary>\n"
        f"<ol>\n{_problem_items(view.problems)}\n</ol>\n"
        "<p>Fix them and save: this page reloads when a build succeeds. "
        "(Shown by <code>archive-site serve</code> only.)</p></details>\n"
    )


def _failure_page(view: View) -> bytes:
    css = html.escape(view.base_path + ENDPOINT + "serve.css")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Build failed · archive-site serve</title>\n"
        f'<link rel="stylesheet" href="{css}">\n</head>\n<body class="archive-site-failed">\n'
        f"<main>\n<h1>The site could not be built</h1>\n"
        f"<p>The build found {_count(view.problems)}:</p>\n"
        f'<ol id="archive-site-problems-list">\n{_problem_items(view.problems)}\n</ol>\n'
        "<p>Fix them and save: this page reloads when the build succeeds.</p>\n</main>\n"
        f"{_reload_tag(view)}\n</body>\n</html>\n"
    ).encode()


def _outside_page(view: View, url: str) -> bytes:
    base = html.escape(quote(view.base_path))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Not found · archive-site serve</title>\n</head>\n<body>\n"
        "<h1>Not found</h1>\n"
        f'<p>The site is served at <a href="{base}">{html.escape(url)}</a>, '
        "the path of its base URL, as it will be once published.</p>\n"
        f"{_reload_tag(view)}\n</body>\n</html>\n"
    ).encode()


RELOAD_JS = """\
// Added by `archive-site serve` (never part of a built site): reload the page
// when a new build is live, or when the build's problems change.
(function () {
  "use strict";
  var me = document.currentScript;
  var endpoint = me.getAttribute("data-endpoint");
  var version = me.getAttribute("data-version");
  var delay = 1000, timer = 0;
  function later(ms) { clearTimeout(timer); timer = setTimeout(check, ms); }
  function check() {
    fetch(endpoint, { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (state) {
        if (state.version !== version) { location.reload(); return; }
        delay = 1000;
        later(delay);
      })
      .catch(function () { delay = Math.min(delay * 2, 10000); later(delay); });
  }
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { later(0); }
  });
  later(delay);
})();
"""

SERVE_CSS = """\
/* Added by `archive-site serve`: the problems of a failed build. */
#archive-site-problems {
  position: fixed; left: 0; right: 0; bottom: 0; z-index: 2147483647;
  max-height: 50vh; overflow: auto; margin: 0; padding: .75rem 1rem;
  background: #fff1f0; color: #4d0000; border-top: 4px solid #c5221f;
  box-shadow: 0 -2px 12px rgba(0, 0, 0, .3); font: 15px/1.45 system-ui, sans-serif;
}
#archive-site-problems summary { cursor: pointer; font-weight: 700; }
#archive-site-problems ol { margin: .5rem 0; padding-left: 2rem; }
#archive-site-problems p { margin: .5rem 0 0; }
#archive-site-problems code, .archive-site-failed code {
  font: 13px/1.4 ui-monospace, monospace; color: inherit; background: none;
}
.archive-site-failed {
  margin: 0; padding: 2rem 1rem; background: #fff1f0; color: #4d0000;
  font: 16px/1.5 system-ui, sans-serif;
}
.archive-site-failed main { max-width: 60rem; margin: 0 auto; }
.archive-site-failed li { margin: .4rem 0; overflow-wrap: anywhere; }
"""


# --- watching and building --------------------------------------------------

Snapshot = dict[str, tuple[int, int]]
_IGNORED_SUFFIXES = (".pyc", ".pyo", ".swp", ".swx", ".swo", ".tmp", "~")


def snapshot(folders: Sequence[Path]) -> Snapshot:
    """Every file's modification time and size; editors' and Python's droppings left out."""
    seen: Snapshot = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
            for name in filenames:
                if name.startswith((".", "#")) or name.endswith(_IGNORED_SUFFIXES):
                    continue
                path = Path(dirpath, name)
                try:
                    st = path.stat()
                except OSError:
                    continue  # deleted meanwhile
                seen[str(path)] = (st.st_mtime_ns, st.st_size)
    return seen


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    names = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return sorted(display_path(p) for p in names)


@dataclass(slots=True)
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


@dataclass
class Watcher:
    options: ServeOptions
    out: Printer
    live: LiveSite
    server: _Server
    scratch: Path
    _count: int = 0
    _roots: list[Path] = field(default_factory=list)
    _thread: threading.Thread | None = None
    _warnings: tuple[Diagnostic, ...] = ()
    _spare: subprocess.Popen[str] | None = None  # a build process, waiting for its request

    @property
    def folders(self) -> list[Path]:
        return [self.options.site.content, self.options.site.templates, PACKAGE]

    def run(self) -> None:
        built = snapshot(self.folders)
        outcome = self.build(built)
        while outcome is None:  # superseded by a change during the build
            built = self.settle(snapshot(self.folders))
            outcome = self.build(built)
        self.report(outcome, [], first=True)
        self._thread = threading.Thread(
            target=self.server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="archive-site-serve",
            daemon=True,
        )
        self._thread.start()
        view = self.live.view()
        _say(f"Serving {self.server.url(view.base_path)} (Ctrl-C to stop)")
        shown = ", ".join(f"{display_path(p)}/" for p in self.folders[:-1])
        self.out.info(
            f"Watching {shown} and {display_path(PACKAGE)}/ for changes; "
            "builds go to a temporary folder (the output folder is left alone)."
        )
        while True:
            current = snapshot(self.folders)
            if current == built:
                time.sleep(self.options.interval)
                continue
            current = self.settle(current)
            outcome = self.build(current)
            if outcome is None:
                continue  # changed again while building: build again, naming all the changes
            self.report(outcome, changed_files(built, current), first=False)
            built = current

    def settle(self, current: Snapshot) -> Snapshot:
        """Wait until nothing has changed for QUIET_SECONDS (an editor saving several files)."""
        started = quiet_since = time.monotonic()
        step = min(self.options.interval, 0.1)
        while time.monotonic() - quiet_since < QUIET_SECONDS:
            if time.monotonic() - started > MAX_SETTLE_SECONDS:
                break
            time.sleep(step)
            latest = snapshot(self.folders)
            if latest != current:
                current, quiet_since = latest, time.monotonic()
        return current

    def build(self, started_from: Snapshot) -> Outcome | None:
        """Build in a subprocess into a fresh folder; None if files changed meanwhile."""
        self._count += 1
        root = self.scratch / f"site-{self._count}"
        result = self.scratch / f"result-{self._count}.json"
        request = {
            "path": str(PACKAGE.parent),
            "content": str(self.options.site.content),
            "templates": str(self.options.site.templates),
            "output": str(root),
            "base_url": self.options.site.base_url,
            "strict": self.options.site.strict,
            "result": str(result),
        }
        t0 = time.perf_counter()
        proc, self._spare = self._spare, None
        if proc is None or proc.poll() is not None:
            proc = _start_worker()
        payload: str | None = json.dumps(request) + "\n"
        try:
            while True:
                try:
                    _, stderr = proc.communicate(payload, timeout=self.options.interval)
                    break
                except subprocess.TimeoutExpired:
                    payload = None  # sent already
                    if snapshot(self.folders) != started_from:
                        return None
        finally:
            _end(proc)
            self.sweep(keep=[root] if result.exists() else [])
        seconds = time.perf_counter() - t0
        self._spare = _start_worker()  # warms up while nothing changes
        try:
            data = json.loads(result.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            crash = _crash(stderr, proc.returncode)
            return Outcome(False, seconds, problems=(crash,), what="the build")
        finally:
            result.unlink(missing_ok=True)
        if not data["ok"]:
            problems = tuple(Diagnostic(**d) for d in data["problems"])
            what = "the build" if data["traceback"] else "the content"
            return Outcome(
                False, seconds, problems=problems, traceback=data["traceback"], what=what
            )
        return Outcome(
            True,
            seconds,
            summary=data["summary"],
            base_url=data["base_url"],
            warnings=tuple(Diagnostic(**d) for d in data["warnings"]),
            root=root,
        )

    def sweep(self, keep: Sequence[Path]) -> None:
        """Delete every build but the newest few, and anything a killed build left."""
        wanted = {*self._roots[-KEEP_ROOTS:], *keep}
        for p in self.scratch.iterdir():
            if p not in wanted and not p.name.startswith("result-"):
                if p.is_dir():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)

    def report(self, outcome: Outcome, changed: list[str], *, first: bool) -> None:
        """Switch to a good build, or show the problems of a failed one."""
        when = time.strftime("%H:%M:%S")
        what = _describe(changed)
        had_problems = bool(self.live.view().problems)
        if outcome.ok:
            assert outcome.root is not None
            old_base = self.live.view().base_path
            base_path = base_path_of(outcome.base_url)
            self.live.publish(outcome.root, base_path)
            self._roots.append(outcome.root)
            del self._roots[:-KEEP_ROOTS]
            self.sweep(keep=())
            if outcome.warnings and outcome.warnings != self._warnings:
                self.out.problems(outcome.warnings, "the content")
            self._warnings = outcome.warnings
            if first:
                self.out.info(f"Built {outcome.summary} in {outcome.seconds:.2f} s")
                return
            fixed = "; problems fixed" if had_problems else ""
            _say(f"{when} {what}: rebuilt in {outcome.seconds:.2f} s{fixed}; open pages reload")
            if base_path != old_base:
                _say(f"Serving {self.server.url(base_path)} (the base URL changed)")
            return
        shown = self.live.fail(outcome.problems)
        if first:
            self.out.problems(outcome.problems, outcome.what)
            _say("The site could not be built: the browser shows why until it is fixed.")
        elif shown:
            _say(f"{when} {what}: the build failed; still serving the last good site")
            self.out.problems(outcome.problems, outcome.what)
        else:
            _say(f"{when} {what}: the build still fails with the same problems")
        if self.options.debug and outcome.traceback:
            print(outcome.traceback, file=sys.stderr, flush=True)

    def stop(self) -> None:
        if self._spare is not None:
            _end(self._spare)
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=5)


def _describe(changed: list[str]) -> str:
    if not changed:
        return "files changed"
    if len(changed) <= 3:
        return ", ".join(changed) + " changed"
    return f"{', '.join(changed[:2])} and {len(changed) - 2} more files changed"


_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)', re.MULTILINE)


def _crash(stderr: str, returncode: int | None) -> Diagnostic:
    """A build that died without a result: point at the last file and line of its traceback."""
    lines = [ln for ln in stderr.strip().splitlines() if ln.strip()]
    frames = list(_FRAME.finditer(stderr))
    message = lines[-1].strip() if lines else f"the build process exited with code {returncode}"
    if frames:
        last = frames[-1]
        return Diagnostic(
            display_path(last["file"]), int(last["line"]), f"the build crashed: {message}"
        )
    return Diagnostic("archive-site", None, f"the build crashed: {message}")


# --- the build subprocess ---------------------------------------------------

# A build process starts before it is needed and imports the libraries the
# build uses; then it reads its request (one line of JSON on stdin), and only
# then imports the package, from where this process found it, so that it runs
# the code as it is now.  It never writes bytecode: an edit within the same
# second as a cached .pyc must not go unseen.
_BOOT = """\
import json, sys
for name in ("jinja2", "markdown", "yaml", "slugify"):
    try:
        __import__(name)
    except Exception:
        pass
request = json.loads(sys.stdin.readline())
sys.path.insert(0, request["path"])
from archive_site.serve import build_worker
raise SystemExit(build_worker(request))
"""


def _start_worker() -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-B", "-P", "-c", _BOOT],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )


def _end(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.communicate()


def build_worker(request: dict[str, Any]) -> int:
    """In the subprocess: build, then write what happened as JSON to ``request["result"]``."""
    result: dict[str, Any]
    try:
        from ..pipeline import Paths, build

        paths = Paths(Path(request["content"]), Path(request["templates"]), Path(request["output"]))
        report = build(paths, base_url=request["base_url"], strict=request["strict"])
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
            "problems": [_as_dict(_internal(exc, Path(request["templates"])))],
            "traceback": traceback.format_exc(),
        }
    Path(request["result"]).write_text(json.dumps(result), encoding="utf-8")
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
