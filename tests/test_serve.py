"""``archive-site serve``, run as a user runs it: ``python build.py serve`` in a copy of the project
(its archive cut down, :func:`conftest.small_archive`: the server builds it again and again).

Each test starts its own server on 127.0.0.1 (``--port 0``) with a base URL
under a project path, reads the address it prints, talks HTTP to it, and
stops it with Ctrl-C (SIGINT); a ``finally`` kills whatever is still running.
Waiting for a rebuild polls with a bound (``WAIT`` seconds): no fixed sleeps.
"""

from __future__ import annotations

import fcntl
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, edit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT as Ctrl-C does")

BASE_URL = "http://127.0.0.1/archive-site/"
BASE_PATH = "/archive-site/"
WAIT = 20.0  # seconds: the bound on waiting for a rebuild (not a timing assertion)
START = 30.0  # seconds: the bound on the first build and the address line
TITLE = "Diplomatic relations established"  # a milestone's title in content/milestones.yaml
QUOTE = "our bilateral cooperation has brought about many fruitful results"  # one of its quotes
INJECTED = re.compile(r'<script src="[^"]*/__archive-site/reload\.js"[^>]*></script>\n')


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    text: str


class Served:
    """One ``serve`` process, its output collected as it comes."""

    def __init__(self, project: Path, *args: str, script: Path, env_base_url: bool) -> None:
        self.project = project
        self.tmp = project / "tmp"  # TMPDIR of the server: its temporary folders go here
        self.tmp.mkdir(exist_ok=True)
        env = dict(os.environ, TMPDIR=str(self.tmp), PYTHONUNBUFFERED="1")
        env.pop("ARCHIVE_SITE_BASE_URL", None)
        base = ["--base-url", BASE_URL]
        if env_base_url:
            env["ARCHIVE_SITE_BASE_URL"] = BASE_URL
            base = []
        self.proc = subprocess.Popen(
            [
                sys.executable,
                str(script),
                "serve",
                "--port",
                "0",
                "--interval",
                "0.1",
                *base,
                *args,
            ],
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._out: list[str] = []
        self._err: list[str] = []
        for stream, sink in ((self.proc.stdout, self._out), (self.proc.stderr, self._err)):
            threading.Thread(target=self._collect, args=(stream, sink), daemon=True).start()
        self.url = ""

    @staticmethod
    def _collect(stream: Any, sink: list[str]) -> None:
        for line in stream:
            sink.append(line)

    @property
    def stdout(self) -> str:
        return "".join(self._out)

    @property
    def stderr(self) -> str:
        return "".join(self._err)

    def output(self) -> str:
        return f"--- stdout:\n{self.stdout}\n--- stderr:\n{self.stderr}"

    def wait_until(self, check: Callable[[], bool], what: str, bound: float = WAIT) -> None:
        deadline = time.monotonic() + bound
        while not check():
            assert self.proc.poll() is None, (
                f"serve exited ({self.proc.returncode})\n{self.output()}"
            )
            assert time.monotonic() < deadline, f"not within {bound} s: {what}\n{self.output()}"
            time.sleep(0.05)

    def wait_ready(self) -> None:
        pattern = re.compile(
            r"^Serving (http://127\.0\.0\.1:\d+/archive-site/) \(Ctrl-C to stop\)$"
        )

        def ready() -> bool:
            found = [m for line in self.stdout.splitlines() if (m := pattern.match(line))]
            if found:
                self.url = found[0][1]
            return bool(found)

        self.wait_until(ready, "the 'Serving URL' line", START)

    def get(self, path: str) -> Response:
        """GET ``path``: relative to the base URL, or absolute when it starts with /."""
        parts = urlsplit(self.url)
        assert parts.hostname == "127.0.0.1" and parts.port
        target = path if path.startswith("/") else BASE_PATH + path
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            conn.request("GET", target)
            r = conn.getresponse()
            body = r.read().decode("utf-8", errors="replace")
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, body)
        finally:
            conn.close()

    def state(self) -> dict[str, Any]:
        r = self.get("__archive-site/version")
        assert r.status == 200, r
        assert r.headers["content-type"] == "application/json"
        data: dict[str, Any] = json.loads(r.text)
        return data

    def scratch(self) -> Path:
        """The server's private temporary folder."""
        found = list(self.tmp.glob("archive-site-serve-*"))
        assert len(found) == 1, found
        return found[0]

    def live_build(self) -> Path:
        """The folder of the newest build (the one served)."""
        builds = sorted(self.scratch().glob("site-*"), key=lambda p: int(p.name.split("-")[1]))
        assert builds
        return builds[-1]

    def stop(self) -> None:
        """Ctrl-C: exit 0 promptly, no traceback, temporary folders gone, port closed."""
        parts = urlsplit(self.url)
        self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"serve did not stop within 10 s of SIGINT\n{self.output()}")
        assert code == 0, self.output()
        assert "Traceback" not in self.stdout + self.stderr, self.output()
        assert "Stopped." in self.stdout
        assert list(self.tmp.iterdir()) == []
        with pytest.raises(ConnectionRefusedError):
            http.client.HTTPConnection(parts.hostname, parts.port, timeout=5).connect()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def serve(small_copy: Path) -> Iterator[Callable[..., Served]]:
    """Start ``python build.py serve`` in the project copy; every server is killed at the end."""
    started: list[Served] = []

    def start(*args: str, script: Path = ROOT / "build.py", env_base_url: bool = False) -> Served:
        s = Served(small_copy, *args, script=script, env_base_url=env_base_url)
        started.append(s)
        s.wait_ready()
        return s

    try:
        yield start
    finally:
        for s in started:
            s.kill()


def test_serves_the_site_under_the_base_path(
    serve: Callable[..., Served], small_copy: Path
) -> None:
    s = serve(env_base_url=True)  # the base URL from ARCHIVE_SITE_BASE_URL
    built = s.live_build()

    home = s.get("")
    assert home.status == 200
    assert home.headers["content-type"] == "text/html; charset=utf-8"
    assert home.headers["cache-control"] == "no-store"
    # the reload script is added to the served page only: removed, it is the built file
    assert INJECTED.search(home.text)
    assert INJECTED.sub("", home.text) == (built / "index.html").read_text(encoding="utf-8")
    assert "__archive-site" not in (built / "index.html").read_text(encoding="utf-8")

    timeline = s.get("timeline.html")
    assert timeline.status == 200 and TITLE in timeline.text
    assert s.get("timeline").text == timeline.text  # as GitHub Pages does

    root = s.get("/")
    assert root.status == 302 and root.headers["location"] == BASE_PATH
    assert s.get("/archive-site").headers["location"] == BASE_PATH
    assert s.get("/elsewhere.html").status == 404

    listing = s.get("articles/")
    assert listing.status == 200
    assert INJECTED.sub("", listing.text) == (built / "articles/index.html").read_text("utf-8")
    folder = s.get("articles")
    assert folder.status == 302 and folder.headers["location"] == BASE_PATH + "articles/"

    missing = s.get("no-such-page.html")
    assert missing.status == 404
    assert missing.headers["content-type"] == "text/html; charset=utf-8"
    assert INJECTED.sub("", missing.text) == (built / "404.html").read_text(encoding="utf-8")
    assert s.get("articles/no-such-article.html").status == 404

    captures = sorted(p.name for p in (built / "articles").glob("*.txt"))
    assert captures
    capture = s.get(f"articles/{captures[0]}")
    assert capture.status == 200
    assert capture.headers["content-type"] == "text/plain; charset=utf-8"
    assert "<script" not in capture.text
    for path, expected in {
        "assets/style.css": "text/css; charset=utf-8",
        "assets/timeline.js": "text/javascript; charset=utf-8",
        "assets/favicon.svg": "image/svg+xml",
        "data/articles.json": "application/json",
        "feed.xml": "application/xml; charset=utf-8",
    }.items():
        r = s.get(path)
        assert (r.status, r.headers["content-type"]) == (200, expected), path

    # nothing outside the build is reachable: project/secret.txt is ../../../ from the build
    (small_copy / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    assert built.parent.parent.parent == small_copy
    for path in (
        "/archive-site/../../../secret.txt",
        "/archive-site/%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "/archive-site/..%2f..%2f..%2fsecret.txt",
        "/archive-site/%2Fetc%2Fpasswd",
    ):
        r = s.get(path)
        assert r.status in (400, 404), path
        assert "TOP SECRET" not in r.text and "root:" not in r.text

    assert not (small_copy / "dist").exists()  # serve never writes the output folder
    s.stop()


def test_an_edit_is_rebuilt_served_and_signalled(
    serve: Callable[..., Served], small_copy: Path
) -> None:
    s = serve()
    before = s.state()
    assert before["ok"] is True and before["problems"] == []
    page = s.get("timeline.html").text
    assert f'data-version="{before["version"]}"' in page
    script = s.get("__archive-site/reload.js")
    assert script.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "location.reload()" in script.text

    new_title = "Diplomatic relations established (edited while serving)"
    edit(small_copy / "content/milestones.yaml", f"title: {TITLE}\n", f"title: {new_title}\n")
    s.wait_until(lambda: new_title in s.get("timeline.html").text, "the edited title is served")

    after = s.state()
    assert after["version"] != before["version"]  # what open pages poll: they reload
    assert after["ok"] is True
    assert f'data-version="{after["version"]}"' in s.get("timeline.html").text
    s.wait_until(lambda: "rebuilt" in s.stdout, "the rebuild is reported")
    assert "content/milestones.yaml changed: rebuilt in" in s.stdout
    s.stop()


def test_a_broken_edit_keeps_the_last_good_site_and_shows_why(
    serve: Callable[..., Served], small_copy: Path
) -> None:
    s = serve()
    good = s.state()
    milestones = small_copy / "content/milestones.yaml"
    original = milestones.read_text(encoding="utf-8")

    line = edit(milestones, QUOTE, QUOTE.replace("bilateral", "<bilateral>"))
    s.wait_until(lambda: s.state()["ok"] is False, "the failed build is reported")
    where = f"content/milestones.yaml:{line}: "

    # the terminal: numbered problems naming file and line, and what happens now
    s.wait_until(lambda: where in s.stderr, "the problem in the terminal")
    assert re.search(rf"^\s*1\. {re.escape(where)}quote: ", s.stderr, re.MULTILINE)
    # (stdout is another pipe than stderr: what it says may come a moment later)
    s.wait_until(
        lambda: "the build failed; still serving the last good site" in s.stdout,
        "what happens now, in the terminal",
    )
    state = s.state()
    assert state["version"] != good["version"]
    assert any(p.startswith(where) for p in state["problems"])

    # the browser: the last good site, with the problems in a banner, escaped
    page = s.get("timeline.html")
    assert page.status == 200 and TITLE in page.text
    assert 'id="archive-site-problems"' in page.text
    assert where.rstrip(": ") in page.text
    assert "&lt;bilateral&gt;" in page.text and "<bilateral>" not in page.text
    assert 'id="archive-site-problems"' in s.get("no-such-page.html").text
    assert "archive-site-problems" not in s.get("data/articles.json").text

    # fixed: the banner goes, the pages reload
    milestones.write_text(original, encoding="utf-8")
    s.wait_until(lambda: s.state()["ok"] is True, "the fixed build is live")
    fixed = s.get("timeline.html")
    assert fixed.status == 200 and TITLE in fixed.text
    assert "archive-site-problems" not in fixed.text
    assert s.state()["version"] not in (good["version"], state["version"])
    s.wait_until(lambda: "problems fixed" in s.stdout, "the recovery is reported")
    s.stop()


def test_a_failing_first_build_serves_the_problems_until_fixed(
    serve: Callable[..., Served], small_copy: Path
) -> None:
    milestones = small_copy / "content/milestones.yaml"
    original = milestones.read_text(encoding="utf-8")
    milestones.write_text(original + "\n- id: [unclosed\n", encoding="utf-8")

    s = serve()  # still starts, and says where the problem is (as the build does)
    problem = re.compile(r"^\s*1\. (content/milestones\.yaml:\d+): YAML", re.MULTILINE)
    # stderr is read by a thread of its own: it may lag behind the "Serving" line on stdout
    s.wait_until(lambda: problem.search(s.stderr) is not None, "the problem on stderr")
    found = problem.search(s.stderr)
    assert found, s.output()
    where = found[1]
    assert "could not be built" in s.stdout

    page = s.get("timeline.html")
    assert page.status == 500
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert where in page.text and "reload.js" in page.text
    assert s.state()["ok"] is False

    milestones.write_text(original, encoding="utf-8")
    s.wait_until(lambda: s.get("timeline.html").status == 200, "the fixed site is served")
    assert TITLE in s.get("timeline.html").text
    s.stop()


def test_changes_to_the_package_code_take_effect(
    serve: Callable[..., Served], small_copy: Path
) -> None:
    # a copy of the generator too: build.py runs the package beside it, which serve watches
    # (with its bytecode, as after `make site`: only the edited module is compiled again)
    shutil.copy(ROOT / "build.py", small_copy / "build.py")
    shutil.copytree(ROOT / "src/archive_site", small_copy / "src/archive_site")
    pipeline = small_copy / "src/archive_site/pipeline.py"
    original = pipeline.read_text(encoding="utf-8")
    s = serve(script=small_copy / "build.py")
    assert s.get("probe.txt").status == 404

    # new code: every build also writes probe.txt
    pipeline.write_text(
        original
        + "\n\n_unprobed_build = build\n\n\n"
        + "def build(paths, **options):  # type: ignore[no-redef]\n"
        + "    report = _unprobed_build(paths, **options)\n"
        + '    (paths.output / "probe.txt").write_text("new code ran", encoding="utf-8")\n'
        + "    return report\n",
        encoding="utf-8",
    )
    s.wait_until(lambda: s.get("probe.txt").status == 200, "the new code's output is served")
    assert s.get("probe.txt").text == "new code ran"

    # broken code: reported with file and line, the last good site stays
    pipeline.write_text(original + "\ndef broken(:\n", encoding="utf-8")
    line = original.count("\n") + 2
    s.wait_until(lambda: s.state()["ok"] is False, "the crash is reported")
    where = f"src/archive_site/pipeline.py:{line}: "
    assert any(p.startswith(where) for p in s.state()["problems"]), s.state()
    # (the terminal's lines arrive through a pipe a thread reads: they may follow the state)
    s.wait_until(lambda: where in s.stderr, "the crash is printed with its file and line")
    assert s.get("probe.txt").text == "new code ran"

    pipeline.write_text(original, encoding="utf-8")
    s.wait_until(lambda: s.state()["ok"] is True, "the fixed code builds")
    assert s.get("probe.txt").status == 404
    s.stop()


@pytest.mark.browser
def test_open_pages_reload_and_show_the_problems(
    serve: Callable[..., Served], small_copy: Path
) -> None:
    """In Chromium: an open page reloads itself on a rebuild, and shows and hides the banner."""
    from playwright.sync_api import sync_playwright

    chrome = next(
        (
            c
            for c in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium")
            if c and Path(c).is_file()
        ),
        None,
    )
    assert chrome, "Chromium is not installed (make test installs it; or set CHROME_PATH)"
    s = serve()
    milestones = small_copy / "content/milestones.yaml"
    original = milestones.read_text(encoding="utf-8")
    wait_ms = WAIT * 1000
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chrome, args=["--headless", "--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(s.url + "timeline.html")
            assert TITLE in page.text_content("main")
            page.evaluate("window.notReloaded = true")

            new_title = "Diplomatic relations established, seen in the browser"
            edit(milestones, f"title: {TITLE}\n", f"title: {new_title}\n")
            page.wait_for_function(
                "t => document.body.textContent.includes(t)", arg=new_title, timeout=wait_ms
            )
            assert page.evaluate("window.notReloaded") is None  # it reloaded by itself

            edit(milestones, QUOTE, QUOTE.replace("bilateral", "<bilateral>"))
            banner = page.wait_for_selector("#archive-site-problems", timeout=wait_ms)
            assert banner is not None and banner.is_visible()
            assert "<bilateral>" in banner.text_content()  # shown as text, not markup
            assert new_title in page.text_content("main")  # the last good site

            milestones.write_text(original, encoding="utf-8")
            page.wait_for_selector("#archive-site-problems", state="detached", timeout=wait_ms)
            assert TITLE in page.text_content("main")
        finally:
            browser.close()
    s.stop()


def test_the_folders_of_a_serve_killed_before_its_clean_up_are_removed(tmp_path: Path) -> None:
    """A serve killed hard (SIGKILL, the OOM killer) left a whole site and its search index
    in the temporary folder, which no later serve removed."""
    from archive_site.serve import SCRATCH, SEARCH, remove_left_behind

    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(gone.stdout)
    for name in (f"{SCRATCH}{dead}-abc", f"{SEARCH}{dead}-def", f"{SCRATCH}{os.getpid()}-x"):
        (tmp_path / name / "site-1").mkdir(parents=True)
    (tmp_path / f"{SCRATCH}{dead}-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / f"{SCRATCH}²-x").mkdir()  # no process id (it made serve fail: exit 70)
    # a dead process id, but its lock held: a serve seen from another PID namespace
    held = tmp_path / f"{SCRATCH}{dead}-held"
    held.mkdir()
    lock = os.open(held / ".serve-lock", os.O_WRONLY | os.O_CREAT, 0o600)
    fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        removed = remove_left_behind(tmp_path)
    finally:
        os.close(lock)
    assert sorted(p.name for p in removed) == sorted(
        [f"{SCRATCH}{dead}-abc", f"{SEARCH}{dead}-def"]
    )
    assert {p.name for p in tmp_path.iterdir()} == {
        f"{SCRATCH}{dead}-file",
        f"{SCRATCH}{os.getpid()}-x",  # a serve still running
        f"{SCRATCH}{dead}-held",
        f"{SCRATCH}²-x",
        "elsewhere",
    }
