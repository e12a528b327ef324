"""A page gives words to no one their source does not: a ``speaker:`` the article never
names, and the same words two outlets give to two people, are warned of (trust66)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import cli

ARTICLES = Path("content/articles")

_ENTITIES = """
- id: hikmat-hajiyev
  name: Hikmat Hajiyev
  type: person
- id: jeyhun-bayramov
  name: Jeyhun Bayramov
  type: person
- id: foreign-ministry-az
  name: Ministry of Foreign Affairs of Azerbaijan
  type: organisation
  aliases: [Foreign Ministry]
"""

_ARTICLE = """---
title: {title}
published: 2025-05-0{day}
outlet: {outlet}
kind: news
---

“The talks in Beijing were productive and will continue next year,” {who} said on Friday.

{more}
"""

_SOURCE = """    - article: {article}
      quote: The talks in Beijing were productive and will continue next year
      speaker: {speaker}
"""


def _archive(project: Path, sources: list[tuple[str, str, str, str]]) -> Path:
    """The seed with the entities above, an article for each of ``sources`` (its id, its
    outlet, who its text says spoke, and the ``speaker:`` the milestone gives), and a
    milestone quoting the same words from each; the milestones file."""
    with (project / "content/entities.yaml").open("a", encoding="utf-8") as f:
        f.write(_ENTITIES)
    listed = []
    for n, (ident, outlet, who, speaker) in enumerate(sources):
        text = _ARTICLE.format(
            title=f"On the talks ({outlet})",
            day=2 + n,
            outlet=outlet,
            who=who,
            more="He spoke after meeting the ambassador." if n else "No details were given.",
        )
        (project / ARTICLES / f"{ident}.md").write_text(text, encoding="utf-8")
        listed.append(_SOURCE.format(article=ident, speaker=speaker))
    milestones = project / "content/milestones.yaml"
    with milestones.open("a", encoding="utf-8") as f:
        f.write(
            "\n- id: beijing-talks\n  date: 2025-05\n"
            "  date_note: The words were said on the Friday before the reports.\n"
            "  title: Talks in Beijing\n  summary: Baku calls the talks productive.\n"
            "  topics: [diplomacy]\n  entities: [azerbaijan]\n  sources:\n" + "".join(listed)
        )
    return milestones


def _line(milestones: Path, article: str) -> int:
    lines = milestones.read_text(encoding="utf-8").splitlines()
    return lines.index(f"    - article: {article}") + 2  # the quote's line


def _warned(milestones: Path, article: str, warning: str) -> str:
    """What ``check`` printed, having passed with ``warning`` on the quote of ``article``."""
    result = cli("check")
    assert result.returncode == 0, result.stderr
    line = _line(milestones, article)
    assert f"content/milestones.yaml:{line}: warning: speaker: {warning}" in result.stderr
    return result.stderr


def test_a_speaker_the_article_never_names_is_warned_of(project_copy: Path) -> None:
    """A story saying "the Foreign Ministry said", its quote given to the ministry's
    spokesman by name, was shown as "Hikmat Hajiyev, quoted by Caspian Wire", with no
    warning: a speaker the source does not give."""
    milestones = _archive(
        project_copy,
        [
            ("2025-05-02-wire-a", "Caspian Wire", "the Foreign Ministry", "hikmat-hajiyev"),
            ("2025-05-03-paper-b", "Baku Daily", "the Foreign Ministry", "foreign-ministry-az"),
        ],
    )
    said = _warned(
        milestones,
        "2025-05-02-wire-a",
        "the article never names 'hikmat-hajiyev' (hajiyev, hikmat hajiyev): the page would "
        "show them saying words their source gives no one so named",
    )
    # the ministry, which the second names by its alias, is no warning
    assert said.count("never names") == 1


@pytest.mark.parametrize(
    ("who", "warned"),
    [
        ("Foreign Ministry spokesman Hikmat Hajiyev", False),
        ("Hajiyev", False),  # a person by the family name alone
        ("a senior official", True),
    ],
)
def test_a_speaker_is_named_by_any_of_their_names(
    project_copy: Path, who: str, warned: bool
) -> None:
    _archive(project_copy, [("2025-05-02-wire-a", "Caspian Wire", who, "hikmat-hajiyev")])
    result = cli("check")
    assert result.returncode == 0, result.stderr
    assert ("never names 'hikmat-hajiyev'" in result.stderr) is warned


def test_the_same_words_two_outlets_give_two_people_are_warned_of(project_copy: Path) -> None:
    """One outlet gives the words to the spokesman, another to the minister: the page
    showed two statements, one line of evidence, and no one was told the sources disagree."""
    milestones = _archive(
        project_copy,
        [
            ("2025-05-02-wire-a", "Caspian Wire", "Hikmat Hajiyev", "hikmat-hajiyev"),
            ("2025-05-03-paper-b", "Baku Daily", "Jeyhun Bayramov", "jeyhun-bayramov"),
            ("2025-05-04-site-c", "Caspian Daily", "Hajiyev", "hikmat-hajiyev"),
        ],
    )
    said = _warned(
        milestones,
        "2025-05-03-paper-b",
        "these words are 'jeyhun-bayramov's here and 'hikmat-hajiyev's in 2025-05-02-wire-a "
        f"(line {_line(milestones, '2025-05-02-wire-a')}): the sources disagree on who said them",
    )
    # the third agrees with the first, and is told it disagrees with the second
    assert said.count("disagree on who said them") == 2


@pytest.mark.parametrize(
    ("quote", "warned"),
    [
        ("productive and will continue next year” and would be resumed", True),
        ("productive and will continue next year”", False),
        ("The talks in Beijing were productive", False),
    ],
)
def test_a_quote_running_on_from_a_quotation_into_the_outlet_s_words_is_warned_of(
    project_copy: Path, quote: str, warned: bool
) -> None:
    """A quote cut from inside a quotation into the outlet's words after it is shown "as
    reported" (trust66), and the archivist is told why: one that ends within the
    quotation, or with the words handing it on, is no warning."""
    milestones = _archive(
        project_copy,
        [("2025-05-02-wire-a", "Caspian Wire", "Hikmat Hajiyev", "hikmat-hajiyev")],
    )
    story = project_copy / ARTICLES / "2025-05-02-wire-a.md"
    text = story.read_text(encoding="utf-8").replace(",” Hikmat", "” and would be resumed, Hikmat")
    story.write_text(text, encoding="utf-8")
    text = milestones.read_text(encoding="utf-8")
    old = "      quote: The talks in Beijing were productive and will continue next year\n"
    milestones.write_text(text.replace(old, f"      quote: {quote}\n"), encoding="utf-8")
    result = cli("check")
    assert result.returncode == 0, result.stderr
    said = (
        "the quote runs on from words within quotation marks into the outlet's own "
        "('and would be resumed')"
    )
    assert (said in result.stderr) is warned, result.stderr
