"""The build stamp: an unchanged archive is not built again, and any change builds it anew.

One copy of the project goes through every kind of edit; after each, the build
into ``dist/`` (which has the stamp of the build before) must not be skipped,
and after several of them (a cold build takes a second or two) it must give
exactly the tree a cold build gives into a fresh folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from archive_site.pipeline import Paths, Report, build
from archive_site.stamp import stamp_path
from conftest import COMMENTARY, INTERVIEW, TEST_BASE_URL, edit

MD_ARTICLE = """\
---
title: A hand-written note on the partnership
published: 2025-05-01
outlet: EDnews
kind: news
---

A short note on the strategic partnership between Azerbaijan and China.
"""


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _build(project: Path, out: str, base_url: str = TEST_BASE_URL) -> Report:
    paths = Paths(project / "content", project / "templates", project / out)
    return build(paths, base_url=base_url)


def _same_as_cold(project: Path, monkeypatch: pytest.MonkeyPatch, base_url: str) -> None:
    cold = project / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    with monkeypatch.context() as m:
        m.setenv("ARCHIVE_SITE_NO_CACHE", "1")
        _build(project, "cold", base_url)
    assert not stamp_path(cold).exists()
    assert _tree(project / "dist") == _tree(cold)


def _add_article(c: Path) -> None:
    (c / "articles/2025-05-01-note.md").write_text(MD_ARTICLE, encoding="utf-8")


def _rename_article(c: Path) -> None:
    (c / "articles/2025-05-01-note.md").rename(c / "articles/2025-05-01-renamed-note.md")


def _delete_article(c: Path) -> None:
    (c / "articles/2025-05-01-renamed-note.md").unlink()


def _last_line_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[-1]


EDITS: list[tuple[str, Callable[[Path], object]]] = [
    (
        "article metadata",
        lambda c: edit(c / f"articles/{COMMENTARY}.meta.yaml", "EDnews: the", "EDnews: The"),
    ),
    ("article added", _add_article),
    ("article renamed", _rename_article),
    ("article deleted", _delete_article),
    ("milestone", lambda c: edit(c / "milestones.yaml", "title: ", "title: Then, ")),
    ("entity", lambda c: edit(c / "entities.yaml", "description: ", "description: Also ")),
    ("topic", lambda c: edit(c / "topics.yaml", "title: ", "title: The ")),
    ("page", lambda c: edit(c / "pages/about.md", "title: ", "title: All ")),
    ("settings", lambda c: edit(c / "site.yaml", "title: ", "title: The ")),
]


def test_unchanged_is_skipped_and_every_edit_rebuilds(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    monkeypatch.delenv("ARCHIVE_SITE_BASE_URL", raising=False)
    content = project_copy / "content"
    first = _build(project_copy, "dist")
    assert first.unchanged is None and stamp_path(project_copy / "dist").is_file()
    again = _build(project_copy, "dist")
    assert again.unchanged == first.summary() and [s for s, _ in again.stages] == ["unchanged"]
    assert (again.pages, again.files) == (first.pages, first.files)

    for n, (what, change) in enumerate(EDITS):
        change(content)
        report = _build(project_copy, "dist")
        assert report.unchanged is None, what
        if n % 3 == 1:  # article added, entity, settings
            _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)

    # A template, and the base URL given on the command line.
    edit(project_copy / "templates/page.html", "{% block main %}", "{% block main %}\n<!-- x -->")
    assert _build(project_copy, "dist").unchanged is None
    other = "https://example.net/elsewhere/"
    assert _build(project_copy, "dist", other).unchanged is None
    _same_as_cold(project_copy, monkeypatch, other)
    assert _build(project_copy, "dist", other).unchanged is not None


def test_a_touched_output_is_built_again(
    project_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARCHIVE_SITE_NO_CACHE", raising=False)
    _build(project_copy, "dist")
    page = project_copy / "dist" / f"articles/{INTERVIEW}.html"
    original = page.read_bytes()
    page.write_bytes(b"changed by hand")
    assert _build(project_copy, "dist").unchanged is None
    assert page.read_bytes() == original
    (project_copy / "dist/index.html").unlink()
    assert _build(project_copy, "dist").unchanged is None
    _same_as_cold(project_copy, monkeypatch, TEST_BASE_URL)
