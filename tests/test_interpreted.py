"""Words an interpreter renders: ``NAME (through interpreter):``, ``(via interpreter)``,
``(as interpreted)``, ``(interpretation)``, ``NAME: [Translated] ...``.

The turn is the speaker's, but its words are the interpreter's rendering of theirs: the
article page, the milestone page, the entity page and the data say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_site.readers.base import interpreted
from bounds import within
from conftest import cli


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PRESIDENT XI (through interpreter): We agreed.", True),
        ("Ilham Aliyev (via interpreter): We agreed.", True),
        ("Ilham Aliyev (via an interpreter): We agreed.", True),
        ("Ilham Aliyev (as interpreted): We agreed.", True),
        ("Ilham Aliyev (interpretation): We agreed.", True),
        ("PRESIDENT XI (Through Interpreter): Yes.", True),
        ("Xi Jinping: [Translated] We agreed.", True),
        ("Ilham Aliyev, President (through interpreter): Yes.", True),
        ("Путин (через переводчика): Да.", True),
        # no note, or a note that is the words' own, not the name's
        ("Jane Roe (00:00:05): Hi.", False),
        ("Ilham Aliyev: We agreed.", False),
        ("Jane Roe: we spoke (through an interpreter) yesterday.", False),
        ("We spoke (through an interpreter) yesterday.", False),
    ],
)
def test_a_name_s_note_says_an_interpreter_renders_the_words(text: str, expected: bool) -> None:
    assert interpreted(text) is expected


INTERVIEW = (
    "Jane Roe: What did you agree with China?\n\n"
    "Ilham Aliyev (via interpreter): We agreed to build the second berth by 2026.\n\n"
    "It will double our capacity.\n\n"
    "Jane Roe: And the railway?\n\n"
    "Ilham Aliyev: The railway is finished.\n"
)


def test_interpreted_words_say_so_on_every_page_and_in_the_data(project_copy: Path) -> None:
    """Before, an answer given through an interpreter read "Ilham Aliyev, answer", as his
    own words, and the data said nothing of the interpreter."""
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: jane-roe\n  name: Jane Roe\n  type: person\n")
    (content / "articles/talk.capture.txt").write_text(INTERVIEW, encoding="utf-8")
    (content / "articles/talk.meta.yaml").write_text(
        "format: plain\ntitle: Talk\npublished: 2025-04-22\noutlet: Caspian Review\n"
        "kind: interview\ninterviewer: jane-roe\ninterviewee: ilham-aliyev\n",
        encoding="utf-8",
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: berth\n  date: 2026\n  status: planned\n  title: Berth\n  summary: x\n"
            "  date_note: Said in April 2025.\n  topics: [transport]\n  sources:\n"
            "    - article: talk\n      quote: It will double our capacity.\n"
            "    - article: talk\n      quote: The railway is finished.\n"
        )
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    berth = next(
        m for m in json.loads((out / "data/milestones.json").read_text()) if m["id"] == "berth"
    )
    assert [(s["voice"], s["interpreted"]) for s in berth["sources"]] == [
        ("answer", True),
        ("answer", False),
    ]
    talk = next(
        a for a in json.loads((out / "data/articles.json").read_text()) if a["id"] == "talk"
    )
    assert [t["interpreted"] for t in talk["turns"]] == [False, True, False, False]
    page = (out / "milestones/berth.html").read_text()
    assert page.count("answer, through an interpreter") == 1
    article = (out / "articles/talk.html").read_text()
    assert article.count(", through an interpreter</p>") == 1  # the turn's heading
    assert "answer, through an interpreter" in (out / "entities/ilham-aliyev.html").read_text()
    rows = (out / "data/milestones.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].split(",")[8:10] == ["voice", "interpreted"]
    assert [r.split(",")[8:10] for r in rows if r.startswith("berth,")] == [
        ["answer", "interpreted"],
        ["answer", ""],
    ]


def test_a_story_saying_the_words_came_through_an_interpreter(project_copy: Path) -> None:
    """A news story's '"...," Xi said through an interpreter.': the quote is the
    interpreter's rendering; a quote in the next sentence, another speaker's, is not."""
    content = project_copy / "content"
    text = (
        "The leaders met in Beijing on Wednesday.\n\n"
        '"We will open the route next year," Xi said through an interpreter.'
        ' "Our ports are ready," Aliyev said in English.\n'
    )
    (content / "articles/story.capture.txt").write_text(text, encoding="utf-8")
    (content / "articles/story.meta.yaml").write_text(
        "format: plain\ntitle: Leaders meet\npublished: 2025-04-23\noutlet: Wire\nkind: news\n",
        encoding="utf-8",
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: route\n  date: 2026\n  status: planned\n  title: Route\n  summary: x\n"
            "  date_note: Said in April 2025.\n  topics: [transport]\n  sources:\n"
            "    - article: story\n      quote: We will open the route next year\n"
            "      speaker: xi-jinping\n"
            "    - article: story\n      quote: Our ports are ready\n"
            "      speaker: ilham-aliyev\n"
        )
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    data = json.loads((project_copy / "out/data/milestones.json").read_text())
    route = next(m for m in data if m["id"] == "route")
    assert [s["interpreted"] for s in route["sources"]] == [True, False]


def test_interpreters_and_names_are_found_in_linear_time() -> None:
    """A quote at the start of a megabyte paragraph that says "through an interpreter" at its
    end: its sentences alone are read (the whole paragraph's took 1.1 s); a name looked for
    as a word in a megabyte of "taxi " (0.9 s, a match at a time)."""
    from archive_site.load.attribution import _said_through, mentions

    with within(2):
        text = "We met. " * 125_000 + "He said through an interpreter."
        assert not _said_through(text, (0, 5))
        assert _said_through(text, (len(text) - 10, len(text) - 2))
        assert not mentions("taxi " * 200_000, "xi")
        assert mentions("taxi " * 200_000 + "xi", "xi")


def test_an_interpreter_s_turn_is_an_interpreter_s_rendering(project_copy: Path) -> None:
    """A transcript's "Interpreter: ..." turn is no one's the archive names; a quote from it
    that names whose words the interpreter renders says they came through an interpreter
    (it read "Ilham Aliyev, as reported by Interpreter in ...", as if his own)."""
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: jane-roe\n  name: Jane Roe\n  type: person\n")
    text = (
        "Jane Roe: When will the route open?\n\n"
        "Interpreter: The president says the route will open in September.\n\n"
        "Jane Roe: Thank you.\n"
    )
    (content / "articles/talk.capture.txt").write_text(text, encoding="utf-8")
    (content / "articles/talk.meta.yaml").write_text(
        "format: plain\ntitle: Talk\npublished: 2025-04-22\noutlet: Caspian Review\n"
        "kind: interview\ninterviewer: jane-roe\ninterviewee: ilham-aliyev\n",
        encoding="utf-8",
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: route\n  date: 2025-09\n  status: planned\n  title: Route\n  summary: x\n"
            "  date_note: Said in April 2025.\n  topics: [transport]\n  sources:\n"
            "    - article: talk\n      quote: the route will open in September\n"
            "      speaker: ilham-aliyev\n"
        )
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    data = json.loads((project_copy / "out/data/milestones.json").read_text())
    (source,) = next(m for m in data if m["id"] == "route")["sources"]
    assert (source["speaker"], source["interpreted"]) == ("ilham-aliyev", True)
    assert "through an interpreter" in (project_copy / "out/milestones/route.html").read_text()
