"""The HTTP server: the live site at its base path, serve's own files, nothing else.

:func:`respond` decides every answer from one :class:`~.live.View` and the
request's target, without a socket; :class:`Handler` only sends it.  Every
answer is ``no-store`` (a rebuilt page must never come from the browser's
cache) and ``nosniff``.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import socket
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from ..options import UsageError
from ..urls import SEARCH, SEARCH_INDEX
from .inject import ASSETS, ENDPOINT, VERSION, asset, failure_page, inject, outside_page
from .live import LiveSite, View

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
HTML, TEXT = TYPES[".html"], TYPES[".txt"]


@dataclass(frozen=True, slots=True)
class Reply:
    """What to answer one request with."""

    status: HTTPStatus
    body: bytes
    ctype: str
    location: str | None = None  # of a redirect, already quoted


def respond(view: View, target: str, site_url: str) -> Reply:
    """The answer to a GET of ``target`` (a request's path and query).

    ``site_url`` is where the site is served, for the page a path outside the
    base path gets.
    """
    try:
        raw = urlsplit(target)
    except ValueError:  # "//[::1" as the path of a request: a bracket left open
        raw = None
    path = None if raw is None else _decoded(raw.path)
    if raw is None or path is None:
        return Reply(HTTPStatus.BAD_REQUEST, b"Bad request\n", TEXT)
    marker = "/" + ENDPOINT
    if marker in path:  # any base, so a page served before the base URL changed still reloads
        return _endpoint(path.split(marker, 1)[1], view)
    base = unquote(view.base_path)
    if base != "/" and path == base.rstrip("/"):
        return _redirect(base, raw.query)
    if not path.startswith(base):
        if path == "/":
            return _redirect(base, "")
        return Reply(HTTPStatus.NOT_FOUND, outside_page(view, site_url), HTML)
    if view.root is None:
        return Reply(HTTPStatus.INTERNAL_SERVER_ERROR, failure_page(view), HTML)
    rel = path[len(base) :]
    if view.index is not None and rel.startswith(SEARCH_INDEX):  # made apart (see .index)
        return _file(view, view.index, base + SEARCH_INDEX, rel[len(SEARCH_INDEX) :], raw.query)
    return _file(view, view.root, base, rel, raw.query)


def _decoded(path: str) -> str | None:
    """The percent-decoded path; None if it is not one a site can have."""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return None
    if not decoded.startswith("/") or "\0" in decoded or "\\" in decoded:
        return None
    return decoded


def _endpoint(name: str, view: View) -> Reply:
    if name == VERSION:
        state = {
            "version": view.version,
            "ok": not view.problems,
            "problems": [str(d) for d in view.problems],
            "index": view.index_version,
            "indexing": view.indexing,
        }
        return Reply(HTTPStatus.OK, json.dumps(state).encode(), TYPES[".json"])
    if name in ASSETS:
        return Reply(HTTPStatus.OK, asset(name), TYPES[Path(name).suffix])
    return Reply(HTTPStatus.NOT_FOUND, b"Not found\n", TEXT)


def _redirect(location: str, query: str) -> Reply:
    target = quote(location) + (f"?{query}" if query else "")
    return Reply(HTTPStatus.FOUND, b"", TEXT, location=target)


def _file(view: View, root: Path, base: str, rel: str, query: str) -> Reply:
    """A file of the build, or its folder's redirect, or the site's own 404 page."""
    found = locate(root, rel)
    if isinstance(found, str):  # a folder without its trailing slash
        return _redirect(base + found, query)
    status = HTTPStatus.OK
    if found is None:
        status, found = HTTPStatus.NOT_FOUND, root / "404.html"
    try:
        data = found.read_bytes()
    except OSError:
        return Reply(HTTPStatus.NOT_FOUND, b"Not found\n", TEXT)
    ctype = TYPES.get(found.suffix.lower(), DEFAULT_TYPE)
    if ctype.startswith("text/html"):
        data = inject(data, view, search=found.name == SEARCH and found.parent == root.resolve())
    return Reply(status, data, ctype)


def locate(root: Path, rel: str) -> Path | str | None:
    """The file a site path names; a str to redirect to (a folder's slash), or None: not found.

    ``rel`` is already percent-decoded; nothing that resolves outside ``root`` is served.
    A path the file system refuses (a name over 255 bytes, too deep) is not found either.
    """
    try:
        return _locate(root, rel)
    except (OSError, ValueError):
        return None


def _locate(root: Path, rel: str) -> Path | str | None:
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
    elif slash:  # a file named as a folder, as a static host has it: not found
        return None  # (served, ``about.html/`` had each relative link one folder too deep)
    elif not target.exists() and target.with_name(target.name + ".html").is_file():
        target = target.with_name(target.name + ".html")  # /timeline serves timeline.html
    resolved = target.resolve(strict=True)
    if not resolved.is_file() or not resolved.is_relative_to(root.resolve()):
        return None
    return resolved


class Server(ThreadingHTTPServer):
    """Answers from the live site in a thread of its own, between :meth:`start` and :meth:`stop`."""

    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not delay Ctrl-C

    def __init__(self, address: tuple[str, int], live: LiveSite, *, debug: bool) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.live = live
        self.debug = debug
        self._thread: threading.Thread | None = None
        super().__init__(address, Handler)

    @property
    def loopback(self) -> bool:
        """Whether it listens on this machine alone (127.0.0.1, ::1)."""
        return _is_loopback(str(self.server_address[0]))

    def url(self, base_path: str) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}{quote(unquote(base_path))}"  # escaped as it was, once

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="archive-site-serve",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop answering (if started) and close the socket."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join(timeout=5)
        self.server_close()

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


class Handler(BaseHTTPRequestHandler):
    server: Server
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
        bound = str(self.server.server_address[0])
        if not host_allowed(self.headers.get("Host"), bound) or not host_allowed(
            _target_host(self.path), bound
        ):
            reply = Reply(HTTPStatus.MISDIRECTED_REQUEST, MISDIRECTED, TEXT)
        else:
            reply = respond(view, self.path, self.server.url(view.base_path))
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.ctype)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        if reply.location is not None:
            self.send_header("Location", reply.location)
        if self.headers.get("Transfer-Encoding") or self.headers.get("Content-Length", "0") != "0":
            # a body a GET has no use for, never read: the connection ends with this answer,
            # rather than its bytes be taken for the next request
            self.close_connection = True
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)


#: The answer to a request naming another host than this machine's loopback names.
MISDIRECTED = (
    b"This server answers only for this machine (127.0.0.1, localhost): the request named "
    b"another host.\n"
)
_LOOPBACK_NAMES = frozenset({"localhost", "localhost."})


def host_allowed(host: str | None, bound: str) -> bool:
    """Whether a request naming ``host`` (its Host header, or the host of an absolute target;
    None: none named) may be answered by a server listening on ``bound``.  A server on a
    loopback address answers only for loopback names: a web page whose own name an attacker
    points at 127.0.0.1 (DNS rebinding) would otherwise read the site, its drafts and its
    build problems.  A server told to listen elsewhere (``--host 0.0.0.0``) answers any."""
    if not host or not _is_loopback(bound):
        return True
    try:
        name = urlsplit(f"//{host}").hostname
    except ValueError:
        return False
    return name is not None and (
        name in _LOOPBACK_NAMES or name.endswith(".localhost") or _is_loopback(name)
    )


def _is_loopback(address: str) -> bool:
    if address in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


def _target_host(target: str) -> str | None:
    """The host of a request's absolute target (``GET http://host/path``), if it names one."""
    if not target.startswith(("http://", "https://")):
        return None
    try:
        return urlsplit(target).netloc or None
    except ValueError:
        return "?"


def open_server(host: str, port: int, live: LiveSite, *, debug: bool) -> Server:
    """A server bound to ``host:port`` (not answering yet); a usage error if it cannot bind."""
    try:
        return Server((host, port), live, debug=debug)
    except OSError as exc:
        raise UsageError(_bind_problem(host, port, exc)) from None


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another server?); "
            "choose another with --port, or --port 0 for a free one"
        )
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host!r}: not an address of this machine (see --host)"
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
