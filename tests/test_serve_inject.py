"""serve/inject.py on its own: what serve adds to a page, its own pages, and its two files.

The script and the stylesheet are real files of the package: checked by the
tools that know their languages (Node's parser, the Nu validator's CSS
checker), and listed as package data so that an installed serve has them.
"""

from __future__ import annotations

import fnmatch
import html.parser
import subprocess
import tomllib

import pytest

from archive_site.errors import Diagnostic
from archive_site.serve import inject as inj
from archive_site.serve.live import View
from conftest import ROOT

PACKAGE = ROOT / "src/archive_site"
TAG = (
    b'<script src="/a/__archive-site/reload.js" data-endpoint="/a/__archive-site/version" '
    b'data-version="v-1"></script>'
)
PROBLEMS = (
    Diagnostic("content/x.yaml", 3, "quote: <b>not</b> & 'found'"),
    Diagnostic("templates/page.html", None, "unused", "warning"),
)


def view(problems: tuple[Diagnostic, ...] = (), base: str = "/a/") -> View:
    return View(None, base, "v-1", problems)


def test_the_reload_script_goes_before_the_last_body_end() -> None:
    page = b"<html><body><p>x</p><!-- </body> --></BODY >\n</html>\n"
    assert inj.inject(page, view()) == (
        b"<html><body><p>x</p><!-- </body> -->" + TAG + b"\n</BODY >\n</html>\n"
    )
    assert inj.inject(b"no body", view()) == b"no body\n" + TAG  # appended when there is none


def test_the_banner_opens_the_body_and_escapes_the_problems() -> None:
    served = inj.inject(b'<body class="x"><main>m</main></body>', view(PROBLEMS))
    start = b'<body class="x">\n<link rel="stylesheet" href="/a/__archive-site/serve.css">'
    assert served.startswith(start + b'<details open id="archive-site-problems" role="alert">')
    assert served.endswith(b"</details>\n<main>m</main>" + TAG + b"\n</body>")
    text = served.decode()
    assert "The last build failed with 2 problems;" in text
    assert "<li><code>content/x.yaml:3</code>: quote: &lt;b&gt;not&lt;/b&gt; &amp; " in text
    assert "<li><code>templates/page.html</code>: warning: unused</li>" in text
    assert "<b>" not in text
    one = inj.inject(b"<body></body>", view(PROBLEMS[:1])).decode()
    assert "failed with 1 problem;" in one
    assert inj.inject(b"x", view(PROBLEMS)).startswith(b"\n<link rel=")  # no <body>: first


def test_the_banner_and_the_failure_page_show_two_hundred_problems() -> None:
    """50,000 problems put 50,000 items in every page served: past MOST_SHOWN (200), the
    first errors, then the warnings, and an item counting the others."""
    many = tuple(Diagnostic("content/t.yaml", n, f"unknown key {n}") for n in range(1, 302))
    problems = (Diagnostic("content/x", None, "stray", "warning"), *many)
    for page in (inj.inject(b"<body></body>", view(problems)), inj.failure_page(view(problems))):
        text = page.decode()
        assert "302 problems" in text
        assert text.count("<li><code>") == 200
        assert "content/t.yaml:200</code>" in text and "content/t.yaml:201</code>" not in text
        assert '<li class="more">... and 101 errors and 1 warning more, not shown' in text


def test_attributes_are_escaped() -> None:
    odd = View(None, '/a"b/', 'v"<', ())
    served = inj.inject(b"", odd).decode()
    assert 'src="/a&quot;b/__archive-site/reload.js"' in served
    assert 'data-version="v&quot;&lt;"' in served


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)


def test_the_failure_page_and_the_outside_page() -> None:
    page = inj.failure_page(view(PROBLEMS)).decode()
    assert page.startswith("<!DOCTYPE html>\n") and page.endswith("</html>\n")
    assert "The build found 2 problems:" in page
    assert '<link rel="stylesheet" href="/a/__archive-site/serve.css">' in page
    assert TAG.decode() in page and "&lt;b&gt;" in page
    outside = inj.outside_page(view(base="/a b/"), "http://127.0.0.1:1/a%20b/").decode()
    assert '<a href="/a%20b/">http://127.0.0.1:1/a%20b/</a>' in outside
    for text in (page, outside):
        parser = _Elements()
        parser.feed(text)
        assert parser.seen[:3] == ["html", "head", "meta"] and "script" in parser.seen


def test_the_assets_are_the_package_files() -> None:
    for name in inj.ASSETS:
        assert inj.asset(name) == (PACKAGE / "serve" / name).read_bytes()
        assert inj.asset(name).endswith(b"\n")
    with pytest.raises(ValueError, match="not a file serve adds"):
        inj.asset("http.py")


def test_every_data_file_of_the_package_is_package_data() -> None:
    """What is not Python must be listed in pyproject.toml, or an installed copy lacks it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["archive_site"]
    data = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert {"serve/reload.js", "serve/serve.css"} <= set(data)
    unlisted = [f for f in data if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert not unlisted, f"not in [tool.setuptools.package-data]: {unlisted}"


@pytest.mark.tools
def test_the_reload_script_parses() -> None:
    script = PACKAGE / "serve" / inj.RELOAD_SCRIPT
    result = subprocess.run(
        ["node", "--check", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    broken = subprocess.run(
        ["node", "--check", "-"],
        input=script.read_text(encoding="utf-8") + "\n})(",
        capture_output=True,
        text=True,
        check=False,
    )
    assert broken.returncode != 0  # the check can fail


@pytest.mark.tools
def test_the_stylesheet_is_valid_css() -> None:
    from browser.sitecheck import vnu_css

    css = PACKAGE / "serve" / inj.STYLESHEET
    errors = vnu_css(css)
    assert not errors, "\n".join(map(str, errors))
