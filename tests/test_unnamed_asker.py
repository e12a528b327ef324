"""An interview whose source names no asker: ``interviewer: unnamed``.

A press conference has many askers, and a ministry's "answer to a question of the media"
names none: its ``Question:`` turns are no one's the archive names, never the ministry's
or an outlet's, in every place a turn's speaker goes (the pages, the checks, the data).
"""

from __future__ import annotations

import json
from pathlib import Path

from archive_site.load import load_archive
from archive_site.render.views import dependency_text
from conftest import cli

QA = (
    "Question: The Kazakh side says the trans-Caspian route will carry ten million tonnes"
    " a year by 2030. What is China's comment?\n\n"
    "Answer: We welcome efforts by regional countries to boost connectivity.\n\n"
    "Question: Will the ministers meet in May?\n\n"
    "Answer: We will release information in due course.\n"
)


def _press_conference(content: Path, ident: str = "presser", interviewer: str = "unnamed") -> None:
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: guo-jiakun\n  name: Guo Jiakun\n  type: person\n"
            "- id: mfa-china\n  name: Foreign Ministry\n  type: organisation\n"
        )
    (content / f"articles/{ident}.capture.txt").write_text(QA, encoding="utf-8")
    (content / f"articles/{ident}.meta.yaml").write_text(
        "format: plain\ntitle: Regular press conference\npublished: 2025-04-24\n"
        f"outlet: Foreign Ministry\nkind: interview\ninterviewer: {interviewer}\n"
        "interviewee: guo-jiakun\n",
        encoding="utf-8",
    )


def _quoting(content: Path, *sources: str) -> None:
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: asked\n  date: 2025-04-24\n  title: Asked\n  summary: x\n"
            "  date_note: The day of the record.\n  topics: [diplomacy]\n  sources:\n"
            + "".join(sources)
        )


def test_an_unnamed_asker_s_question_is_no_one_s_in_every_place(project_copy: Path) -> None:
    """Filed as the interviewer's before (the ministry the archivist had to name): the
    milestone page said "Foreign Ministry, question", milestones.json its id, the
    ministry's page called it the interviewer, JSON-LD its author, citations its
    interviewer."""
    content = project_copy / "content"
    _press_conference(content)
    _quoting(
        content,
        "    - article: presser\n      quote: Will the ministers meet in May?\n",
        "    - article: presser\n      quote: We will release information in due course.\n",
    )
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    (asked, answered) = next(
        m for m in json.loads((out / "data/milestones.json").read_text()) if m["id"] == "asked"
    )["sources"]
    assert (asked["speaker"], asked["voice"]) == (None, "question")
    assert (answered["speaker"], answered["voice"]) == ("guo-jiakun", "answer")
    record = next(
        a for a in json.loads((out / "data/articles.json").read_text()) if a["id"] == "presser"
    )
    assert record["interviewer"] is None
    assert [(t["role"], t["speaker"]) for t in record["turns"]] == [
        ("question", None),
        ("answer", "guo-jiakun"),
        ("question", None),
        ("answer", "guo-jiakun"),
    ]
    page = (out / "milestones/asked.html").read_text()
    assert "Asker not named, question" in page and "Foreign Ministry, question" not in page
    article_page = (out / "articles/presser.html").read_text()
    assert "questions by askers not named" in article_page
    assert article_page.count("Question · asker not named") == 2
    assert "Guo Jiakun, interview. " in article_page  # the citation names no interviewer
    ld = json.loads(article_page.split('<script type="application/ld+json">')[1].split("</")[0])
    assert ld["about"]["name"] == "Guo Jiakun" and "author" not in ld
    ministry = (out / "entities/mfa-china.html").read_text()
    assert "Interviewer" not in ministry and "Asked" not in ministry
    csl = next(
        c for c in json.loads((out / "data/citations.json").read_text()) if "presser" in c["id"]
    )
    assert "interviewer" not in csl
    assert "Interview by" not in (out / "data/citations.bib").read_text().split("presser")[1]
    rows = (out / "data/milestones.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(",question," in r and "Will the ministers" in r and "Foreign" not in r for r in rows)


def test_a_speaker_for_an_unnamed_asker_s_own_words_is_an_error(project_copy: Path) -> None:
    """A milestone may not say who asked when the source does not; it may name whom the
    question quotes (the asker reports their words), and with no speaker such a quote is a
    warning, as in any turn."""
    content = project_copy / "content"
    _press_conference(content)
    _quoting(
        content,
        "    - article: presser\n      quote: Will the ministers meet in May?\n"
        "      speaker: mfa-china\n",
    )
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "'mfa-china' does not agree with the interview" in result.stderr
    assert "an asker the source does not name ('interviewer: unnamed')" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unnamed_asker_reports_whom_the_question_quotes(project_copy: Path) -> None:
    content = project_copy / "content"
    _press_conference(content)
    quote = "the trans-Caspian route will carry ten million tonnes a year by 2030"
    _quoting(content, f"    - article: presser\n      quote: {quote}\n")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0
    assert "the question of an asker the source does not name" in result.stderr
    assert "reports someone ('says')" in result.stderr
    (content / "milestones.yaml").write_text(
        (content / "milestones.yaml")
        .read_text()
        .replace(f"quote: {quote}\n", f"quote: {quote}\n      speaker: kazakhstan\n")
    )
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    page = (project_copy / "out/milestones/asked.html").read_text()
    assert "as reported by an asker not named in Foreign Ministry" in page


def test_records_of_one_day_s_questions_by_unnamed_askers_are_one_line(
    project_copy: Path,
) -> None:
    """Two records of questions to one spokesperson on one day, their askers unnamed (a
    press conference's English and Chinese transcripts), are one line, as those of one
    named interviewer are: said as what is known."""
    content = project_copy / "content"
    _press_conference(content, "en")
    zh = "问：部长们会在五月会晤吗？\n\n答：我们会及时发布消息。\n"
    (content / "articles/zh.capture.txt").write_text(zh, encoding="utf-8")
    (content / "articles/zh.meta.yaml").write_text(
        (content / "articles/en.meta.yaml").read_text().replace("conference", "conference (zh)")
    )
    _quoting(
        content,
        "    - article: en\n      quote: Will the ministers meet in May?\n",
        "    - article: zh\n      quote: 部长们会在五月会晤吗？\n",
    )
    archive = load_archive(content)
    evidence = archive.evidence["asked"]
    assert evidence.independent == 1
    assert [dependency_text(archive, d) for d in evidence.dependencies] == [
        "Regular press conference (zh) and Regular press conference record questions to"
        " Guo Jiakun by askers not named on one day"
    ]


def test_a_named_interviewer_is_as_it_was(project_copy: Path) -> None:
    content = project_copy / "content"
    _press_conference(content, interviewer="mfa-china")
    _quoting(content, "    - article: presser\n      quote: Will the ministers meet in May?\n")
    archive = load_archive(content)
    source = archive.milestone("asked").sources[0]
    assert (source.speaker, source.voice) == ("mfa-china", "question")
    assert archive.article("presser").interviewer == "mfa-china"


PRESSER = (
    "Reuters: Will China invest in the port of Alat?\n\n"
    "Guo Jiakun: We welcome cooperation.\n\n"
    "AFP: Will the ministers meet in May?\n\n"
    "Guo Jiakun: We will release information in due course.\n\n"
    "Question: What is China's comment on the trans-Caspian route?\n\n"
    "Guo Jiakun: We welcome efforts to boost connectivity.\n"
)


def test_a_bare_question_among_named_askers_warns(project_copy: Path) -> None:
    """A press conference's transcript naming its askers by their outlets, and one question
    by none: filed as the interviewer the archivist had to name, silently."""
    content = project_copy / "content"
    _press_conference(content, interviewer="mfa-china")
    (content / "articles/presser.capture.txt").write_text(PRESSER, encoding="utf-8")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0
    warned = [line for line in result.stderr.splitlines() if "several askers" in line]
    assert len(warned) == 1 and "presser.capture.txt:9: warning" in warned[0]
    assert "say 'interviewer: unnamed'" in warned[0]
    # one outlet's questions alone (an interview by Reuters) make no press conference
    one = PRESSER.replace("AFP:", "Reuters:")
    (content / "articles/presser.capture.txt").write_text(one, encoding="utf-8")
    assert "several askers" not in cli("check", cwd=project_copy).stderr
    # and with the askers unnamed, nothing to warn of
    (content / "articles/presser.capture.txt").write_text(PRESSER, encoding="utf-8")
    meta = content / "articles/presser.meta.yaml"
    meta.write_text(meta.read_text().replace("interviewer: mfa-china", "interviewer: unnamed"))
    assert "several askers" not in cli("check", cwd=project_copy).stderr


def test_an_unnamed_interviewee_s_answers_are_no_one_s(project_copy: Path) -> None:
    """An interview with an official who asked not to be named: the archive had to name an
    entity as interviewee, and every answer was filed as theirs. ``interviewee: unnamed``
    makes the answers no one's the archive names, on the pages and in the data."""
    content = project_copy / "content"
    _press_conference(content, interviewer="mfa-china")
    meta = content / "articles/presser.meta.yaml"
    meta.write_text(meta.read_text().replace("interviewee: guo-jiakun", "interviewee: unnamed"))
    _quoting(
        content,
        "    - article: presser\n      quote: We will release information in due course.\n",
    )
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    source = next(
        m for m in json.loads((out / "data/milestones.json").read_text()) if m["id"] == "asked"
    )["sources"][0]
    assert (source["speaker"], source["voice"]) == (None, "answer")
    assert "Interviewee not named, answer" in (out / "milestones/asked.html").read_text()
    page = (out / "articles/presser.html").read_text()
    assert "interviewee not named, questions by" in page
    assert page.count("Answer · interviewee not named") == 2
    ld = json.loads(page.split('<script type="application/ld+json">')[1].split("</")[0])
    assert "about" not in ld and ld["author"]["name"] == "Foreign Ministry"
    csl = next(
        c for c in json.loads((out / "data/citations.json").read_text()) if c["id"] == "presser"
    )
    assert "author" not in csl and csl["interviewer"]
    assert "Interviewee" not in (out / "entities/guo-jiakun.html").read_text()
    # a speaker for the answer's own words would name who answered: an error
    milestones = content / "milestones.yaml"
    milestones.write_text(
        milestones.read_text().replace(
            "in due course.\n", "in due course.\n      speaker: guo-jiakun\n"
        )
    )
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert "an interviewee the source does not name ('interviewee: unnamed')" in result.stderr


def test_speaker_unnamed_on_an_unnamed_asker_s_question_says_what_no_speaker_says(
    project_copy: Path,
) -> None:
    """``speaker: unnamed`` and no ``speaker:`` say one thing of an unnamed asker's own
    words: both "Asker not named, question" (it said "Speaker not named" for one, "asker not
    named" for the other). Words the question hands on, ``speaker: unnamed``, stay no one's
    the archive names, as before."""
    content = project_copy / "content"
    _press_conference(content)
    handed = "the trans-Caspian route will carry ten million tonnes a year by 2030"
    _quoting(
        content,
        "    - article: presser\n      quote: Will the ministers meet in May?\n"
        "      speaker: unnamed\n",
        f"    - article: presser\n      quote: {handed}\n      speaker: unnamed\n",
    )
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert cli("-q", "-o", "out", cwd=project_copy).returncode == 0
    out = project_copy / "out"
    own, other = next(
        m for m in json.loads((out / "data/milestones.json").read_text()) if m["id"] == "asked"
    )["sources"]
    assert (own["speaker"], own["voice"]) == (None, "question")
    assert (other["speaker"], other["voice"]) == (None, "unattributed")
    page = (out / "milestones/asked.html").read_text()
    assert page.count("Asker not named, question") == 1
    assert page.count("Speaker not named") == 1


def test_interviewee_unnamed_with_a_known_name_in_the_text_says_they_disagree(
    project_copy: Path,
) -> None:
    """``interviewee: unnamed`` over a text whose turns name an entity of the archive
    ("Guo Jiakun: ..."): the name's warning said "add the name to that entity's aliases",
    which would not help. It now says what disagrees and the remedy (naming the
    interviewee); the words stay no one's until the archivist decides. A name no entity
    has is told as before."""
    content = project_copy / "content"
    _press_conference(content, interviewer="xinhua")
    (content / "articles/presser.capture.txt").write_text(
        "Xinhua: Will the ministers meet in May?\n\nGuo Jiakun: We will release information "
        "in due course.\n\nXinhua: And the route?\n\nWang Lei: It opens in June.\n",
        encoding="utf-8",
    )
    meta = content / "articles/presser.meta.yaml"
    meta.write_text(
        meta.read_text().replace("interviewee: guo-jiakun", "interviewee: unnamed"), "utf-8"
    )
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert (
        "presser.capture.txt:3: warning: 'Guo Jiakun:' names Guo Jiakun ('guo-jiakun'), and "
        "the metadata says 'interviewee: unnamed' (the source names no one): what follows "
        "it, to the next turn, is attributed to no one. If the source names who speaks here, "
        "say so ('interviewee: guo-jiakun'); if not, a quote from it may name who says it "
        "with 'speaker:'"
    ) in result.stderr
    assert "'Wang Lei:' names neither the interviewer nor the interviewee" in result.stderr


def test_an_entity_may_not_take_the_word_for_someone_not_named(project_copy: Path) -> None:
    """An entity given the id ``unnamed`` (a band of that name, say) silently became the
    speaker of every ``speaker: unnamed`` quote, the seed's Xinhua question shown as its
    words ("Unnamed, as reported by Xinhua News Agency") and listed on its page, and the
    asker of every ``interviewer: unnamed`` record. Its id is an error on its line, which
    says what to do; the build writes nothing."""
    content = project_copy / "content"
    entities = content / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(
        text + "- id: unnamed\n  name: Unnamed\n  type: organisation\n", encoding="utf-8"
    )
    line = text.count("\n") + 1
    result = cli("build", "-o", str(project_copy / "site"), cwd=project_copy)
    assert result.returncode == 1
    assert f"entities.yaml:{line}: id: 'unnamed' is the word for someone a source" in (
        result.stderr
    )
    assert "give it another id (its name may stay as it is)" in result.stderr
    assert "1 error" in result.stderr and "Traceback" not in result.stderr
    assert not (project_copy / "site").exists()
    entities.write_text(
        text + "- id: unnamed-band\n  name: Unnamed\n  type: organisation\n", encoding="utf-8"
    )
    assert cli("check", cwd=project_copy).returncode == 0
