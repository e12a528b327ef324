"""A translation of another article (``origin: article:ID``): one story's words in another
language, one line of evidence with it, and the claim checked (trust66)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cli

ARTICLES = Path("content/articles")
ORIGINAL = "2025-05-02-caspian-wire-ferry"
TRANSLATION = "2025-05-04-baku-vesti-ferry"

_ORIGINAL = """---
title: Ferry line to Turkmenbashi opens
published: 2025-05-02
outlet: Caspian Wire
kind: news
language: en
---

The new ferry line between Alat and Turkmenbashi carried its first forty wagons on Thursday.

The port plans two sailings a week from June.
"""

_TRANSLATION = """---
title: Паромная линия до Туркменбаши открыта
published: {published}
outlet: Baku Vesti
kind: news
language: {language}
{origin}---

Новая паромная линия между Алятом и Туркменбаши в четверг перевезла первые сорок вагонов.

С июня порт планирует два рейса в неделю.
"""

_MILESTONE = """
- id: alat-turkmenbashi-ferry
  date: 2025-05
  date_note: The first sailing was on the Thursday before the report of 2 May 2025.
  title: Ferry line to Turkmenbashi opens
  summary: The ferry line from Alat to Turkmenbashi carries its first wagons.
  topics: [transport]
  entities: [azerbaijan]
  sources:
    - article: 2025-05-02-caspian-wire-ferry
      quote: The new ferry line between Alat and Turkmenbashi carried its first forty wagons on Thursday.
    - article: 2025-05-04-baku-vesti-ferry
      quote: Новая паромная линия между Алятом и Туркменбаши в четверг перевезла первые сорок вагонов.
"""


def _archive(
    project: Path, origin: str = "", published: str = "2025-05-04", language: str = "ru"
) -> Path:
    """The seed with a news story, a translation of it published another day by another
    outlet (its metadata's ``origin`` line ``origin``), and a milestone quoting both (added
    once)."""
    (project / ARTICLES / f"{ORIGINAL}.md").write_text(_ORIGINAL, encoding="utf-8")
    translation = project / ARTICLES / f"{TRANSLATION}.md"
    text = _TRANSLATION.format(published=published, origin=origin, language=language)
    translation.write_text(text, encoding="utf-8")
    milestones = project / "content/milestones.yaml"
    if _MILESTONE not in milestones.read_text(encoding="utf-8"):
        with milestones.open("a", encoding="utf-8") as f:
            f.write(_MILESTONE)
    return translation


def _milestone(out: Path) -> dict[str, object]:
    data = json.loads((out / "data/milestones.json").read_text(encoding="utf-8"))
    found: dict[str, object] = next(m for m in data if m["id"] == "alat-turkmenbashi-ferry")
    return found


def test_a_translation_its_metadata_names_is_one_line_with_its_original(
    project_copy: Path,
) -> None:
    """A translation published two days later by another outlet counted as a second
    independent line of evidence: the two outlets' own words, no text in common."""
    _archive(project_copy)
    result = cli("build", "-q", "-o", "before")
    assert result.returncode == 0, result.stderr
    assert _milestone(project_copy / "before")["independent_sources"] == 2  # type: ignore[index]

    _archive(project_copy, origin=f"origin: article:{ORIGINAL}\n")
    result = cli("build", "-q", "-o", "out")
    assert result.returncode == 0, result.stderr
    out = project_copy / "out"
    evidence = _milestone(out)
    assert evidence["independent_sources"] == 1
    said = (
        "Паромная линия до Туркменбаши открыта is a translation of Ferry line to Turkmenbashi opens"
    )
    assert [
        (d["article"], d["depends_on"], d["reason"], d["text"]) for d in evidence["dependencies"]
    ] == [  # type: ignore[index]
        (TRANSLATION, ORIGINAL, "translation", said)
    ]
    page = (out / "milestones/alat-turkmenbashi-ferry.html").read_text(encoding="utf-8")
    assert "1 independent line of evidence" in page
    assert said in page
    # each article's page names the other as one line of evidence with it
    for one, other in ((ORIGINAL, "Паромная линия"), (TRANSLATION, "Ferry line to Turkmenbashi")):
        html = (out / f"articles/{one}.html").read_text(encoding="utf-8")
        assert "One line of evidence with this article" in html
        assert other in html
    records = json.loads((out / "data/articles.json").read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in records}
    assert by_id[TRANSLATION]["translates"] == ORIGINAL
    assert "translates" not in by_id[ORIGINAL]
    # the translation's chain names no outlet 'article:...'
    assert [c["name"] for c in by_id[TRANSLATION]["chain"]] == ["Baku Vesti"]


@pytest.mark.parametrize(
    ("origin", "published", "language", "problem"),
    [
        (
            "article:2025-05-02-caspian-wire-fery",
            "2025-05-04",
            "ru",
            "error: origin: unknown article '2025-05-02-caspian-wire-fery'",
        ),
        (
            f"article:{TRANSLATION}",
            "2025-05-04",
            "ru",
            "error: origin: an article is no translation of itself",
        ),
        (
            "'article:'",
            "2025-05-04",
            "ru",
            "error: origin: 'article:' names no article: give the id of the one translated",
        ),
        (
            f"article:{ORIGINAL}",
            "2025-05-01",
            "ru",
            f"error: origin: '{ORIGINAL}' was published on 2025-05-02, after this article "
            "(2025-05-01): a translation is made from words already published",
        ),
        (
            f"article:{ORIGINAL}",
            "2025-05-04",
            "en-GB",
            f"warning: origin: '{ORIGINAL}' is in this article's language (en-GB): a "
            "translation is in another; a copy names its original's outlet ('origin: OUTLET')",
        ),
        # the same day, or a month that holds the original's day, may be the later
        (f"article:{ORIGINAL}", "2025-05-02", "ru", None),
        (f"article:{ORIGINAL}", "2025-05", "ru", None),
    ],
)
def test_what_a_translation_names_as_its_origin_is_checked(
    project_copy: Path, origin: str, published: str, language: str, problem: str | None
) -> None:
    meta = _archive(project_copy, f"origin: {origin}\n", published, language)
    line = meta.read_text(encoding="utf-8").splitlines().index(f"origin: {origin}") + 1
    assert line == 7
    result = cli("check")
    if problem is None:
        assert result.returncode == 0, result.stderr
        assert "origin:" not in result.stderr
        return
    assert result.returncode == (1 if problem.startswith("error") else 0), result.stderr
    shown = problem.removeprefix("error: ")
    assert f"{ARTICLES.as_posix()}/{TRANSLATION}.md:{line}: {shown}" in result.stderr


def test_two_articles_each_naming_the_other_as_their_original_are_an_error(
    project_copy: Path,
) -> None:
    _archive(project_copy, f"origin: article:{ORIGINAL}\n", "2025-05-02")
    original = project_copy / ARTICLES / f"{ORIGINAL}.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(
        text.replace("language: en\n", f"language: en\norigin: article:{TRANSLATION}\n")
    )
    result = cli("check")
    assert result.returncode == 1
    assert (
        f"{ORIGINAL}' says it is a translation of this article: only one is the original"
        in result.stderr
    )
