"""The checkers of the real-browser suite, as plain functions.

The tests of the real site and the planted-fault tests (which prove each
checker notices what it should) call the same code, and ``tests/audit.py``
reuses the test server. Nothing here skips: a missing tool raises
``MissingTool``, which the fixtures turn into a failure.

* ``vnu_html`` / ``vnu_css``: the Nu HTML Checker, errors only.
* ``axe_check`` / ``axe_pages``: axe-core's WCAG 2.0/2.1 A and AA rules and best practices.
* ``serve``: a threaded HTTP server on 127.0.0.1 that serves a built folder at
  ``/`` or under a sub-path (as GitHub Pages serves a project site).
* ``crawl``: follows every ``href`` and ``src`` from the home page in Chromium;
  reports broken links, missing fragments, failed assets, links that leave the
  placement's path, and every request to another host.
* ``tab_walk``: presses Tab through a page; reports links and controls it never
  reaches and focused elements without a visible focus indicator.
* ``horizontal_overflow``: whether a page scrolls sideways, and what sticks out.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Request, Response

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"
SCREENSHOTS = ROOT / "test-output" / "screenshots"

#: Flags for every Chromium this suite starts (Playwright or Lighthouse).
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: The project path the site is served under, as GitHub Pages serves a project
#: site; the test build's base URL (tests/conftest.py) has the same path.
SUB_PATH = "/archive-site/"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
SETUP_HINT = "run `make tools` (tests/setup-tools.sh) to install it"


class MissingTool(RuntimeError):
    """A tool the suite needs is not installed: a failure, never a skip."""


def chromium() -> str:
    """Debian's Chromium (or $CHROME_PATH); never a Playwright browser download."""
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise MissingTool(f"Chromium is not installed (looked for /usr/bin/chromium); {SETUP_HINT}")


def require(path: Path, what: str) -> Path:
    if not path.is_file():
        raise MissingTool(f"{what} is missing: {path.relative_to(ROOT)}; {SETUP_HINT}")
    return path


def program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise MissingTool(f"`{name}` is not on PATH; {SETUP_HINT}")
    return found


# --------------------------------------------------------------------------- Nu HTML Checker


@dataclass(frozen=True)
class VnuMessage:
    file: str
    line: int
    column: int
    kind: str
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.kind}: {self.message}\n    {self.extract!r}"


def _vnu(args: list[str], relative_to: Path) -> list[VnuMessage]:
    java = program("java")
    jar = require(VNU_JAR, "The Nu HTML Checker (vnu-jar)")
    proc = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:  # the report is on stderr, maybe after a line from the JVM
        report, _ = json.JSONDecoder().raw_decode(proc.stderr, max(proc.stderr.find('{"'), 0))
    except json.JSONDecodeError as e:
        raise RuntimeError(
            f"vnu gave no JSON report (exit {proc.returncode}):\n{proc.stderr}\n{proc.stdout}"
        ) from e
    messages = []
    for m in report["messages"]:
        url = str(m.get("url", ""))
        path = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)) if url else Path("?")
        try:
            shown = str(path.relative_to(relative_to))
        except ValueError:
            shown = str(path)
        messages.append(
            VnuMessage(
                file=shown,
                line=int(m.get("lastLine", m.get("firstLine", 0))),
                column=int(m.get("firstColumn", m.get("lastColumn", 0))),
                kind=str(m.get("subType") or m["type"]),
                message=str(m["message"]),
                extract=str(m.get("extract", "")),
            )
        )
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not messages):
        raise RuntimeError(f"vnu failed (exit {proc.returncode}):\n{proc.stderr}\n{proc.stdout}")
    return messages


def vnu_html(folder: Path) -> list[VnuMessage]:
    """Every error the Nu HTML Checker finds in the HTML files under ``folder`` (one JVM)."""
    return _vnu(["--errors-only", "--skip-non-html", str(folder)], folder)


def vnu_css(css: Path) -> list[VnuMessage]:
    """Every error in one stylesheet, checked on its own."""
    return _vnu(["--errors-only", "--css", str(css)], css.parent)


# --------------------------------------------------------------------------- axe-core


@dataclass(frozen=True)
class Violation:
    page: str
    scheme: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        targets = ", ".join(self.targets[:8]) + (" …" if len(self.targets) > 8 else "")
        return (
            f"{self.page} [{self.scheme}] {self.rule} ({self.impact}): {self.help}\n    {targets}"
        )


# With ``colourOnly``, only the rules axe files under colour (``cat.color``:
# color-contrast, link-in-text-block): see ``axe_pages``.
_AXE_START = """([tags, colourOnly]) => {
    const colour = axe.getRules(tags).filter(r => r.tags.includes('cat.color')).map(r => r.ruleId);
    if (colourOnly && !colour.includes('color-contrast')) throw new Error('no colour rules');
    window.__axeRun = axe.run(document, {
        runOnly: colourOnly ? {type: 'rule', values: colour} : {type: 'tag', values: tags},
        resultTypes: ['violations'],
    });
}"""


def _axe_start(page: Page, *, colour_only: bool = False) -> None:
    """Start axe on the page as it is (axe runs in the page while Python carries on)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(require(AXE_JS, "axe-core")))
    page.evaluate(_AXE_START, [list(AXE_TAGS), colour_only])


def _axe_collect(page: Page, label: str, scheme: str) -> list[Violation]:
    results: dict[str, Any] = page.evaluate("() => window.__axeRun")
    return [
        Violation(
            page=label,
            scheme=scheme,
            rule=v["id"],
            impact=str(v.get("impact")),
            help=v["help"],
            targets=tuple(" ".join(map(str, n["target"])) for n in v["nodes"]),
        )
        for v in results["violations"]
    ]


def axe_check(page: Page, label: str, scheme: str) -> list[Violation]:
    """axe-core's violations on the page as loaded, in the colour scheme already emulated."""
    _axe_start(page)
    return _axe_collect(page, label, scheme)


def axe_pages(
    context: BrowserContext,
    urls: list[tuple[str, str]],
    schemes: tuple[str, ...] = ("light", "dark"),
    *,
    tabs: int = 4,
) -> list[Violation]:
    """axe on every (label, url), each page loaded once and checked in every scheme.

    ``tabs`` pages are checked side by side (Chromium runs each in its own
    process), the same checks as ``axe_check``, only faster.  Every rule runs
    in the first scheme; the others run only the colour rules, which is all a
    colour scheme can change: the stylesheet's dark scheme sets colours and
    nothing else (tests/browser/test_axe.py checks that it stays so).
    """
    context.add_init_script(path=str(require(AXE_JS, "axe-core")))
    pages = [context.new_page() for _ in range(min(tabs, len(urls)))]
    found: list[Violation] = []
    try:
        for i in range(0, len(urls), len(pages)):
            batch = list(zip(pages, urls[i : i + len(pages)], strict=False))
            for page, (_, url) in batch:
                page.emulate_media(color_scheme="light")
                page.goto(url, wait_until="load")
            for n, scheme in enumerate(schemes):
                for page, _ in batch:
                    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
                    _axe_start(page, colour_only=n > 0)
                for page, (label, _) in batch:
                    found += _axe_collect(page, label, scheme)
    finally:
        for page in pages:
            page.close()
    return found


# --------------------------------------------------------------------------- the test server


class _Handler(SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix``; anything else is a 404.

    A missing URL under the prefix gets the site's ``404.html`` with status
    404, at whatever depth it was asked for, as GitHub Pages does.
    """

    prefix = "/"
    log: list[tuple[str, int]]
    compress = False

    def do_GET(self) -> None:
        """With ``compress``, text files go gzip-encoded to a client that accepts it, as
        GitHub Pages sends them (Pagefind's own files are compressed already)."""
        path = Path(self.translate_path(self.path))
        kind = self.guess_type(path)
        textual = kind.startswith(("text/", "application/json", "application/xml", "image/svg"))
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepted and textual and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        clean = urllib.parse.urlsplit(path).path
        if clean + "/" == self.prefix:
            clean = self.prefix  # /archive-site → the folder, which redirects to /archive-site/
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix" / "missing")
        return super().translate_path("/" + clean[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
        in_prefix = urllib.parse.urlsplit(self.path).path.startswith(self.prefix)
        if code == 404 and in_prefix and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.log.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Server:
    origin: str  # http://127.0.0.1:PORT
    prefix: str  # "/" or "/archive-site/"
    log: list[tuple[str, int]]  # (path, status) of every request it answered

    @property
    def base(self) -> str:
        return self.origin + self.prefix


@contextmanager
def serve(root: Path, prefix: str = "/", *, compress: bool = False) -> Iterator[Server]:
    """Serve ``root`` on 127.0.0.1 (a free port) under ``prefix``; stopped on exit.

    ``compress`` sends text files gzip-encoded, as GitHub Pages does.
    """
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    log: list[tuple[str, int]] = []
    attributes = {"prefix": prefix, "log": log, "extensions_map": _TYPES, "compress": compress}
    handler: type[_Handler] = type("Handler", (_Handler,), attributes)

    def make(*args: Any, **kwargs: Any) -> _Handler:
        return handler(*args, directory=str(root), **kwargs)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve {prefix}", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", prefix, log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


_TYPES = {
    **SimpleHTTPRequestHandler.extensions_map,
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".bib": "text/plain",
    ".ris": "text/plain",
}

_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch_status(url: str) -> int:
    """The HTTP status of a GET, from the test process (not the browser)."""
    try:
        with _NO_PROXY.open(url, timeout=30) as r:
            r.read()
            return int(r.status)
    except urllib.error.HTTPError as e:
        return int(e.code)


# --------------------------------------------------------------------------- the crawler

#: Every URL-bearing attribute of the page, resolved against the document's base URL.
_LINKS_JS = """() => {
  const out = [];
  const resolve = v => { try { return new URL(v, document.baseURI).href; } catch (e) { return 'invalid:' + v; } };
  for (const el of document.querySelectorAll('*')) {
    for (const name of ['href', 'src', 'xlink:href', 'poster', 'data', 'action']) {
      const v = el.getAttribute(name);
      if (v === null || (name === 'data' && el.localName !== 'object')) continue;
      out.push({tag: el.localName, attr: name, raw: v, url: resolve(v), rel: el.getAttribute('rel') || ''});
    }
    const set = el.getAttribute('srcset');
    if (set) for (const part of set.split(',')) {
      const v = part.trim().split(/\\s+/)[0];
      if (v) out.push({tag: el.localName, attr: 'srcset', raw: v, url: resolve(v), rel: ''});
    }
  }
  return out;
}"""
_IDS_JS = """() => [...document.querySelectorAll('[id], a[name]')].map(e => e.id || e.getAttribute('name'))"""


@dataclass(frozen=True)
class Problem:
    where: str  # the page (or placement) it was found on
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class CrawlReport:
    base: str
    pages: dict[str, set[str]] = field(default_factory=dict)  # page URL -> its ids
    assets: dict[str, int] = field(default_factory=dict)  # non-HTML URL -> status
    problems: list[Problem] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every request the browser made
    foreign: list[str] = field(default_factory=list)  # ... of which to another host
    links: int = 0  # links followed (same host)

    def short(self, url: str) -> str:
        return url[len(self.base) :] if url.startswith(self.base) else url


def _is_page(url: str) -> bool:
    path = urllib.parse.urlsplit(url).path
    return path.endswith((".html", "/"))


def crawl(
    browser: Browser,
    base: str,
    *,
    start: tuple[str, ...] = ("index.html",),
    expect_status: dict[str, int] | None = None,
) -> CrawlReport:
    """Open every page reachable from ``start`` (relative to ``base``) in Chromium.

    Links to the same host are followed: pages are opened in the browser,
    other files are fetched and must answer 200; a link with a fragment needs
    an element with that id on its target page. A link to the same host but
    outside ``base`` is a problem (the site would break under a sub-path).
    Links to other hosts are not followed, and the browser must request
    nothing from them. ``expect_status`` maps start URLs (relative) to the
    status they should answer with, such as 404 for a deep missing page.
    """
    host = urllib.parse.urlsplit(base).netloc
    report = CrawlReport(base)
    expected = {urllib.parse.urljoin(base, k): v for k, v in (expect_status or {}).items()}
    queue = [urllib.parse.urljoin(base, s) for s in start]
    seen_pages: set[str] = set(queue)
    fragments: list[tuple[str, str, str]] = []  # (from page, target page URL, fragment)

    context = browser.new_context()
    page = context.new_page()

    def on_request(request: Request) -> None:
        report.requests.append(request.url)
        netloc = urllib.parse.urlsplit(request.url).netloc
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if netloc != host:
            report.foreign.append(f"{request.url} (from {page.url})")

    def on_response(response: Response) -> None:
        url = response.url
        if response.request.resource_type != "document" and response.status not in (200, 304):
            report.problems.append(
                Problem(report.short(page.url), f"browser got {response.status} for {url}")
            )

    def on_failed(request: Request) -> None:
        # A subresource still loading (the favicon, say) when the crawl moves on
        # is aborted; every file a page links to is fetched and checked anyway.
        if request.failure != "net::ERR_ABORTED":
            report.problems.append(
                Problem(
                    report.short(page.url), f"request failed: {request.url} ({request.failure})"
                )
            )

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    try:
        while queue:
            url = queue.pop(0)
            response = page.goto(url, wait_until="load")
            status = response.status if response else 0
            want = expected.get(url, 200)
            here = report.short(url)
            if status != want:
                report.problems.append(Problem(here, f"answered {status}, expected {want}"))
                if status != 200:
                    continue
            report.pages[url] = set(page.evaluate(_IDS_JS))
            for link in page.evaluate(_LINKS_JS):
                target: str = link["url"]
                parts = urllib.parse.urlsplit(target)
                if parts.scheme not in ("http", "https") or parts.netloc != host:
                    if target.startswith("invalid:"):
                        report.problems.append(Problem(here, f"invalid URL {link['raw']!r}"))
                    continue  # another host (or mailto:, data:): not followed
                report.links += 1
                bare = urllib.parse.urlunsplit(parts._replace(fragment=""))
                if not bare.startswith(base):
                    report.problems.append(
                        Problem(
                            here,
                            f"<{link['tag']} {link['attr']}={link['raw']!r}> leaves the site's "
                            f"path {urllib.parse.urlsplit(base).path}",
                        )
                    )
                    continue
                if parts.fragment:
                    fragments.append((here, bare, urllib.parse.unquote(parts.fragment)))
                if _is_page(bare):
                    if bare not in seen_pages:
                        seen_pages.add(bare)
                        queue.append(bare)
                elif bare not in report.assets:
                    report.assets[bare] = fetch_status(bare)
                    if report.assets[bare] != 200:
                        report.problems.append(
                            Problem(
                                here,
                                f"<{link['tag']} {link['attr']}={link['raw']!r}> answered "
                                f"{report.assets[bare]}",
                            )
                        )
    finally:
        context.close()
    for here, target, fragment in fragments:
        ids = report.pages.get(target)
        if ids is None:
            if _is_page(target):
                continue  # the page itself is broken: reported above
            report.problems.append(Problem(here, f"#{fragment} points into {target}, not a page"))
        elif fragment not in ids and fragment != "top":
            report.problems.append(
                Problem(here, f"broken fragment: {report.short(target)}#{fragment} has no such id")
            )
    return report


def unreached(report: CrawlReport, root: Path, *, except_: tuple[str, ...] = ()) -> list[str]:
    """The HTML files of ``root`` that the crawl never opened (orphans)."""
    opened = {urllib.parse.unquote(urllib.parse.urlsplit(u).path) for u in report.pages}
    prefix = urllib.parse.urlsplit(report.base).path
    out = []
    for f in sorted(root.rglob("*.html")):
        rel = f.relative_to(root).as_posix()
        forms = {prefix + rel}
        if rel == "index.html" or rel.endswith("/index.html"):
            forms.add(prefix + rel[: -len("index.html")])
        if rel not in except_ and not forms & opened:
            out.append(rel)
    return out


# --------------------------------------------------------------------------- reading: keyboard, width

_DESCRIBE_JS = """const describe = e => {
  const text = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('href') || '').trim().replace(/\\s+/g, ' ');
  const cls = e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\\s+/).join('.') : '';
  return '<' + e.localName + cls + (e.getAttribute('href') ? ' href=' + e.getAttribute('href') : '') + '> ' + JSON.stringify(text.slice(0, 50));
};
"""
_FOCUSABLE = (
    'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, '
    '[tabindex]:not([tabindex="-1"]), [contenteditable]:not([contenteditable="false"])'
)
_TAB_SETUP = (
    """selector => {
"""
    + _DESCRIBE_JS
    + """
  const visible = e => e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0;
  const all = [...document.querySelectorAll(selector)].filter(e => !e.disabled && visible(e));
  const seen = [];
  document.addEventListener('focusin', ev => {
    const e = ev.target;
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    seen.push({index: all.indexOf(e), what: describe(e), indicator: outline || shadow,
               style: 'outline: ' + s.outlineStyle + ' ' + s.outlineWidth + '; box-shadow: ' + s.boxShadow});
  });
  window.__tabWalk = {all: all.map(describe), seen};
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  return all.length;
}"""
)


@dataclass
class TabWalk:
    page: str
    candidates: list[str]  # every visible link and control, in document order
    reached: list[str]  # what Tab focused, in order (with repeats once it wraps)
    distinct: int  # how many of the candidates it focused
    missed: list[str]  # candidates Tab never reached
    unmarked: list[str]  # focused elements with no outline or box-shadow
    presses: int

    @property
    def problems(self) -> list[str]:
        return [f"{self.page}: Tab never reaches {m}" for m in self.missed] + [
            f"{self.page}: no visible focus indicator on {u}" for u in self.unmarked
        ]


def tab_walk(page: Page, label: str) -> TabWalk:
    """Press Tab from the top of the loaded page until every element had its turn.

    Every visible link and control must receive focus, and every element that
    does must show a focus indicator (a computed outline or box-shadow).
    """
    page.evaluate("() => window.scrollTo(0, 0)")
    n = int(page.evaluate(_TAB_SETUP, _FOCUSABLE))
    presses = n + 2
    for _ in range(presses):
        page.keyboard.press("Tab")
    walk: dict[str, Any] = page.evaluate("() => window.__tabWalk")
    candidates: list[str] = walk["all"]
    seen: list[dict[str, Any]] = walk["seen"]
    got = {s["index"] for s in seen}
    unmarked: dict[str, None] = {}
    for s in seen:
        if not s["indicator"]:
            unmarked[f"{s['what']} ({s['style']})"] = None
    return TabWalk(
        page=label,
        candidates=candidates,
        reached=[s["what"] for s in seen],
        distinct=len(got - {-1}),
        missed=[c for i, c in enumerate(candidates) if i not in got],
        unmarked=list(unmarked),
        presses=presses,
    )


_OVERFLOW_JS = (
    """() => {
"""
    + _DESCRIBE_JS
    + """
  const d = document.documentElement;
  if (d.scrollWidth <= d.clientWidth) return null;
  const wide = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (!r.width) continue;
    const spill = getComputedStyle(e).overflowX === 'visible' ? r.left + e.scrollWidth : r.right;
    const right = Math.max(r.right, spill);
    if (right > d.clientWidth + 0.5) wide.push([e, describe(e) + ' reaches ' + Math.round(right) + ' px']);
  }
  // the innermost culprits: elements that hold no other culprit
  const leaves = wide.filter(([e]) => !wide.some(([o]) => o !== e && e.contains(o)));
  return {scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, wide: leaves.slice(0, 8).map(w => w[1])};
}"""
)


def horizontal_overflow(page: Page, label: str) -> str | None:
    """None when the page needs no horizontal scrolling, else what sticks out."""
    found: dict[str, Any] | None = page.evaluate(_OVERFLOW_JS)
    if found is None:
        return None
    wide = "\n      ".join(found["wide"])
    return (
        f"{label}: scrollWidth {found['scrollWidth']} > clientWidth {found['clientWidth']}; "
        f"sticking out:\n      {wide}"
    )


def first_search(page: Page, base: str, word: str) -> list[Request]:
    """Search for ``word`` from the header box of the home page at ``base``: every request
    finished from pressing Enter until the results show and the network is idle."""
    page.goto(base + "index.html")
    finished: list[Request] = []
    page.on("requestfinished", lambda r: finished.append(r))
    box = page.locator('header.site input[name="q"]')
    box.fill(word)
    box.press("Enter")
    page.locator("#search-results > li").first.wait_for()
    page.wait_for_load_state("networkidle")
    return finished


def transferred(requests: list[Request]) -> dict[str, int]:
    """Bytes each request moved over the wire (headers and the body as sent), by URL."""
    sizes = {r.url: r.sizes() for r in requests}
    return {u: s["responseBodySize"] + s["responseHeadersSize"] for u, s in sizes.items()}
