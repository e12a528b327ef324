"""The README and docs/*.md are read on GitHub: every relative link there must resolve.

A link to a file names one that exists; a ``#anchor`` names a heading of that file,
by GitHub's rule for a heading's anchor (lowercase, punctuation dropped, spaces to
hyphens, ``-1``, ``-2``... after a heading's second and later namesakes).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from conftest import ROOT

FENCE = re.compile(r"^(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+)(?:\s+\"[^\"]*\")?\)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def prose_lines(text: str) -> list[str]:
    """The lines of a Markdown text, those of its fenced code blocks left empty."""
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            line = ""
        lines.append("" if fenced else line)
    return lines


def slug(heading: str) -> str:
    """GitHub's anchor for a heading's text."""
    text = CODE_SPAN.sub(lambda m: m[2], heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link's words
    text = text.strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


@cache
def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in prose_lines(path.read_text(encoding="utf-8")):
        heading = HEADING.match(line)
        if not heading:
            continue
        base = slug(heading[2])
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def links(path: Path) -> list[tuple[int, str]]:
    """Each relative link of a document (no scheme: not http, mailto, milestone...)."""
    found = []
    prose = "\n".join(CODE_SPAN.sub("", line) for line in prose_lines(path.read_text("utf-8")))
    for match in LINK.finditer(prose):
        target = match[1].strip("<>")
        if not SCHEME.match(target):
            found.append((prose.count("\n", 0, match.start()) + 1, target))
    return found


def test_the_slug_follows_github() -> None:
    assert slug("`webarchive`: a page Safari saved") == "webarchive-a-page-safari-saved"
    assert slug("Finding milestones: `suggest`") == "finding-milestones-suggest"
    assert slug("Dates, precision and quotes") == "dates-precision-and-quotes"
    assert slug("`subtitles`: a recording's captions") == "subtitles-a-recordings-captions"


def test_links_are_found_outside_code_only(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Top\n\n![A picture\nover two lines](pic.png)\n\n```sh\n[no](code.md)\n```\n"
        "`[no](span.md)` [yes](#top) [mail](mailto:a@b.c) [record](milestone:x)\n",
        encoding="utf-8",
    )
    assert links(page) == [(3, "pic.png"), (9, "#top")]
    assert anchors(page) == {"top"}


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves(path: Path) -> None:
    broken = []
    for number, target in links(path):
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        if not dest.exists():
            broken.append(f"{number}: {target}: no file {file_part}")
        elif anchor and (dest.suffix != ".md" or anchor not in anchors(dest)):
            broken.append(f"{number}: {target}: no heading #{anchor} in {dest.name}")
    assert not broken, "\n".join(broken)
