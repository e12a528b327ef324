"""serve/http.py on its own: every answer from a view and a request target, then over a socket."""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import pytest

from archive_site.errors import Diagnostic
from archive_site.options import UsageError
from archive_site.serve.http import TYPES, Server, host_allowed, locate, open_server, respond
from archive_site.serve.inject import asset
from archive_site.serve.live import LiveSite, View

URL = "http://127.0.0.1:8123/archive-site/"
PROBLEM = Diagnostic("content/milestones.yaml", 7, "quote: <not> found")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A small built site, and a secret beside it that must never be served."""
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "index.html").write_text("<html><body>home</body></html>", encoding="utf-8")
    (site / "timeline.html").write_text("<body>timeline</body>", encoding="utf-8")
    (site / "404.html").write_text("<body>not here</body>", encoding="utf-8")
    (site / "articles/index.html").write_text("<body>articles</body>", encoding="utf-8")
    (site / "articles/a.capture.txt").write_text("<body>raw</body>", encoding="utf-8")
    (site / "data.bin").write_bytes(b"\0\1")
    (tmp_path / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    (site / "link.txt").symlink_to(tmp_path / "secret.txt")
    return site


def view(
    root: Path | None, base: str = "/archive-site/", problems: tuple[Diagnostic, ...] = ()
) -> View:
    return View(root, base, "abc-2", problems)


def test_pages_under_the_base_path_get_the_reload_script(root: Path) -> None:
    r = respond(view(root), "/archive-site/", URL)
    assert (r.status, r.ctype, r.location) == (HTTPStatus.OK, TYPES[".html"], None)
    assert r.body == (
        b"<html><body>home"
        b'<script src="/archive-site/__archive-site/reload.js" '
        b'data-endpoint="/archive-site/__archive-site/version" data-version="abc-2"></script>\n'
        b"</body></html>"
    )
    assert b"timeline" in respond(view(root), "/archive-site/timeline.html", URL).body
    # as GitHub Pages does: /timeline serves timeline.html
    assert respond(view(root), "/archive-site/timeline", URL).body == (
        respond(view(root), "/archive-site/timeline.html", URL).body
    )
    text = respond(view(root), "/archive-site/articles/a.capture.txt", URL)
    assert (text.ctype, text.body) == (TYPES[".txt"], b"<body>raw</body>")  # not HTML: as built
    assert respond(view(root), "/archive-site/data.bin", URL).ctype == "application/octet-stream"


def test_redirects_keep_the_query(root: Path) -> None:
    for target, location in {
        "/": "/archive-site/",
        "/archive-site": "/archive-site/",
        "/archive-site?q=1": "/archive-site/?q=1",
        "/archive-site/articles": "/archive-site/articles/",
        "/archive-site/articles?x=%20y": "/archive-site/articles/?x=%20y",
    }.items():
        r = respond(view(root), target, URL)
        assert (r.status, r.location, r.body) == (HTTPStatus.FOUND, location, b""), target
    spaced = respond(view(root, "/a b/"), "/", URL)
    assert spaced.location == "/a%20b/"


def test_missing_pages_get_the_sites_404_and_outside_pages_say_where_the_site_is(
    root: Path,
) -> None:
    missing = respond(view(root), "/archive-site/no-such.html", URL)
    assert missing.status == HTTPStatus.NOT_FOUND
    assert missing.body.startswith(b"<body>not here<script src=")
    outside = respond(view(root), "/elsewhere.html", URL)
    assert outside.status == HTTPStatus.NOT_FOUND and outside.ctype == TYPES[".html"]
    assert f'<a href="/archive-site/">{URL}</a>'.encode() in outside.body
    (root / "404.html").unlink()
    gone = respond(view(root), "/archive-site/no-such.html", URL)
    assert (gone.status, gone.body) == (HTTPStatus.NOT_FOUND, b"Not found\n")


def test_nothing_outside_the_build_is_served(root: Path) -> None:
    for target in (
        "/archive-site/../secret.txt",
        "/archive-site/%2e%2e/secret.txt",
        "/archive-site/..%2fsecret.txt",
        "/archive-site/articles//index.html",
        "/archive-site/./index.html",
        "/archive-site/link.txt",  # a link out of the build
        "/archive-site/%2Fetc%2Fpasswd",
    ):
        r = respond(view(root), target, URL)
        assert r.status == HTTPStatus.NOT_FOUND, target
        assert b"TOP SECRET" not in r.body
    bad = ("/archive-site/%ff.html", "/archive-site/a%00b", "/archive-site/a\\b", "x", "//[::1/a")
    for target in bad:  # the last: a bracket left open was an internal error (ValueError)
        assert respond(view(root), target, URL).status == HTTPStatus.BAD_REQUEST, target


def test_locate(root: Path) -> None:
    assert locate(root, "") == (root / "index.html").resolve()
    assert locate(root, "articles") == "articles/"
    assert locate(root, "timeline") == (root / "timeline.html").resolve()
    assert locate(root, "timeline/") is None
    assert locate(root, "timeline.html/") is None  # as on GitHub Pages: a file is no folder
    assert locate(root, "articles/index.html/") is None
    assert locate(root, "nothing") is None
    assert locate(root, "../site/index.html") is None


def test_the_endpoint_under_any_base(root: Path) -> None:
    v = view(root, problems=(PROBLEM,))
    for base in ("/archive-site/", "/old-base/", "/"):
        state = respond(v, base + "__archive-site/version", URL)
        assert state.ctype == "application/json"
        assert json.loads(state.body) == {
            "version": "abc-2",
            "ok": False,
            "problems": ["content/milestones.yaml:7: quote: <not> found"],
            "index": 0,  # no search index yet (see test_serve_index.py)
            "indexing": False,
        }
    script = respond(v, "/archive-site/__archive-site/reload.js", URL)
    assert (script.ctype, script.body) == (TYPES[".js"], asset("reload.js"))
    css = respond(v, "/archive-site/__archive-site/serve.css", URL)
    assert (css.ctype, css.body) == (TYPES[".css"], asset("serve.css"))
    for name in ("other", "http.py", "../serve.css", ""):
        assert respond(v, "/archive-site/__archive-site/" + name, URL).status == 404, name


def test_before_a_first_good_build_every_page_explains(root: Path) -> None:
    r = respond(view(None, problems=(PROBLEM,)), "/archive-site/timeline.html", URL)
    assert r.status == HTTPStatus.INTERNAL_SERVER_ERROR
    assert b"content/milestones.yaml:7" in r.body and b"&lt;not&gt;" in r.body


@contextlib.contextmanager
def serving(root: Path, base: str = "/archive-site/", *, start: bool = True) -> Iterator[Server]:
    """A server of the build in ``root`` at ``base`` on a free port, stopped after."""
    live = LiveSite(base)
    live.publish(root, base)
    server = open_server("127.0.0.1", 0, live, debug=False)
    if start:
        server.start()
    try:
        yield server
    finally:
        server.stop()


def test_the_server_sends_the_reply_with_its_headers(root: Path) -> None:
    live = LiveSite("/archive-site/")
    live.publish(root, "/archive-site/")
    server = open_server("127.0.0.1", 0, live, debug=False)
    server.start()
    try:
        port = server.server_address[1]
        assert server.url("/archive-site/") == f"http://127.0.0.1:{port}/archive-site/"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        expected = respond(live.view(), "/archive-site/timeline.html", server.url("/"))
        for method in ("GET", "HEAD"):  # one keep-alive connection
            conn.request(method, "/archive-site/timeline.html")
            r = conn.getresponse()
            body = r.read()
            assert r.status == 200
            assert r.getheader("Content-Type") == TYPES[".html"]
            assert r.getheader("Content-Length") == str(len(expected.body))
            assert r.getheader("Cache-Control") == "no-store"
            assert r.getheader("X-Content-Type-Options") == "nosniff"
            assert body == (expected.body if method == "GET" else b"")
        conn.request("GET", "/")
        r = conn.getresponse()
        r.read()
        assert (r.status, r.getheader("Location")) == (302, "/archive-site/")
        conn.close()
    finally:
        server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5)


def test_a_request_for_another_host_is_not_answered(root: Path) -> None:
    """DNS rebinding: a page at attacker.example, its name pointed at 127.0.0.1, was served
    the site, its raw captures and the build's problems as its own origin's."""
    with serving(root) as server:
        port = server.server_address[1]
        for host, target, status in [
            (f"127.0.0.1:{port}", "/archive-site/timeline.html", 200),
            (f"localhost:{port}", "/archive-site/timeline.html", 200),
            (f"attacker.example:{port}", "/archive-site/timeline.html", 421),
            (f"attacker.example:{port}", "/archive-site/__archive-site/version", 421),
            (f"127.0.0.1:{port}", "http://attacker.example/archive-site/timeline.html", 421),
        ]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.putrequest("GET", target, skip_host=True)
            conn.putheader("Host", host)
            conn.endheaders()
            r = conn.getresponse()
            body = r.read()
            assert r.status == status, (host, target)
            assert (b"timeline" in body) == (status == 200)
            conn.close()
    assert host_allowed("attacker.example", "0.0.0.0")  # told to answer the network


def test_a_body_sent_with_a_get_is_never_read_as_a_request(root: Path) -> None:
    """A GET with a body of "GET /.../version ...": two answers, the body's too."""
    with serving(root) as server:
        port = server.server_address[1]
        inner = (
            f"GET /archive-site/__archive-site/version HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        )
        outer = (
            f"GET /archive-site/timeline.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Length: {len(inner)}\r\n\r\n{inner}"
        )
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(outer.encode())
            received = b""
            while chunk := conn.recv(65536):  # the server closes the connection
                received += chunk
        assert received.count(b"HTTP/1.1 ") == 1 and b"Connection: close" in received


def test_a_base_path_escaped_is_shown_escaped_once(root: Path) -> None:
    """``--base-url http://x/a%20b/`` printed ``.../a%2520b/``, an address that gave 404."""
    with serving(root, "/a%20b/", start=False) as server:
        url = server.url("/a%20b/")
        assert url.endswith("/a%20b/")
        view = server.live.view()
        assert b'href="/a%20b/"' in respond(view, "/elsewhere", url).body
        assert respond(view, "/a%20b/timeline.html", url).status == HTTPStatus.OK


def test_a_server_that_cannot_listen_is_a_usage_error() -> None:
    live = LiveSite("/")
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        with pytest.raises(
            UsageError, match=re.escape(f"port {port} on 127.0.0.1 is already in use")
        ):
            open_server("127.0.0.1", port, live, debug=False)
    with pytest.raises(UsageError, match=re.escape("cannot listen on '192.0.2.1': not an address")):
        open_server("192.0.2.1", 0, live, debug=False)
    server = open_server("127.0.0.1", 0, live, debug=False)
    assert isinstance(server, Server)
    server.stop()  # never started: only closes the socket
