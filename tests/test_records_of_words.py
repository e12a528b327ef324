"""Texts that are someone's words, set down as given, on a publisher's site: a written
question and its answer (a parliament's record), a speech.  Their words are the asker's,
the answerer's, the speaker's, never the publisher's own; the speaker is read where the
source names them plainly (a speech's title, a written answer's heading), and warned of
where it does not (a speech by an office, "Minister's speech"; a record naming no one in
its text)."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import cli

FIXTURES = Path(__file__).parent / "fixtures/pages"

EP = (
    "Question for written answer E-001234/2025\n"
    "to the Commission\n"
    "Rule 144\n"
    "Jane Roe (Renew)\n\n"
    "Subject: Ferries on the Caspian Sea\n\n"
    "Does the Commission plan to fund ferries on the Caspian Sea?\n\n"
    "Answer given by High Representative/Vice-President Kallas on behalf of the European"
    " Commission (23.4.2025)\n\n"
    "The Commission will fund two ferries on the Alat-Aktau line in 2026.\n"
)


def _milestone(content: Path, article: str, quote: str, speaker: str = "") -> None:
    who = f"      speaker: {speaker}\n" if speaker else ""
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: said\n  date: 2025-04-23\n  title: Said\n  summary: x\n"
            "  date_note: The day of the record.\n  topics: [transport]\n  sources:\n"
            f"    - article: {article}\n      quote: {quote}\n{who}"
        )


def _said_page(project: Path) -> str:
    """The milestone's page as words: its markup out, its white space one space."""
    page = (project / "out/milestones/said.html").read_text()
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)))


def _source(project: Path) -> dict[str, object]:
    assert cli("-q", "-o", "out", cwd=project).returncode == 0
    data = json.loads((project / "out/data/milestones.json").read_text())
    source: dict[str, object] = next(m for m in data if m["id"] == "said")["sources"][0]
    return source


def test_a_written_answer_is_not_the_parliament_s_own_words(project_copy: Path) -> None:
    """The UK Parliament's record of a written question: the minister's answer read "UK
    Parliament, in its own words", with no warning. The names are in the page's card
    headers, not its text: a warning asks who says it."""
    content = project_copy / "content"
    shutil.copy(FIXTURES / "written-question-hansard.html", content / "articles/pq.capture.html")
    (content / "articles/pq.meta.yaml").write_text("kind: news\n", encoding="utf-8")
    quote = "The Department has made no specific assessment of ferry capacity on the Caspian Sea."
    _milestone(content, "pq", quote)
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0
    assert "is in the record of a written question and its answer" in result.stderr
    assert (_source(project_copy)["speaker"], _source(project_copy)["voice"]) == (
        None,
        "unattributed",
    )


def test_a_written_questions_cards_name_the_asker_and_the_answerer(project_copy: Path) -> None:
    """Walk 62: the UK Parliament's card headers ("Jane Hartley · Labour, Northtown" above
    the question, "Tom Ellis · Minister of State ..." above the answer) were dropped, so the
    record only warned. Where each names one entity of the archive, the words are theirs,
    quoted by the parliament; a paragraph of the answer after the first is the answerer's
    too. With no such entity, the warning stays (the test above)."""
    content = project_copy / "content"
    shutil.copy(FIXTURES / "written-question-hansard.html", content / "articles/pq.capture.html")
    (content / "articles/pq.meta.yaml").write_text("kind: news\n", encoding="utf-8")
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: jane-hartley\n  name: Jane Hartley\n  type: person\n")
        out.write("- id: tom-ellis\n  name: Tom Ellis\n  type: person\n")
    milestones = content / "milestones.yaml"
    before = milestones.read_text(encoding="utf-8")
    for quote, speaker in (
        ("what assessment she has made of the capacity of ferries", "jane-hartley"),
        ("The Government welcomed the agreement of 23 April", "tom-ellis"),
    ):
        milestones.write_text(before, encoding="utf-8")
        _milestone(content, "pq", quote)
        result = cli("check", "--strict", cwd=project_copy)
        assert result.returncode == 0, result.stderr
        source = _source(project_copy)
        assert (source["speaker"], source["voice"]) == (speaker, "reported")
    assert "Tom Ellis, quoted by UK Parliament" in _said_page(project_copy)


def _govuk_speech(content: Path, people: str) -> Path:
    """GOV.UK's speech (walk 60's page) as ``speech``, its "From:" line naming ``people``."""
    page = (FIXTURES / "speech-govuk.html").read_text(encoding="utf-8")
    said = '<a href="/government/people/tom-ellis">Tom Ellis MP</a>'
    (content / "articles/speech.capture.html").write_text(
        page.replace(said, people), encoding="utf-8"
    )
    (content / "articles/speech.meta.yaml").write_text("kind: news\n", encoding="utf-8")
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: tom-ellis\n  name: Tom Ellis\n  type: person\n")
        out.write("- id: jane-roe\n  name: Jane Roe\n  type: person\n")
        out.write("- id: dbt\n  name: Department for Business and Trade\n  type: organisation\n")
    return content / "milestones.yaml"


def test_a_govuk_speech_is_its_from_lists_one_person_s(project_copy: Path) -> None:
    """Walk 62 (trust62's milestone ``wait``): "Minister's speech at ..." names an office, and
    GOV.UK's "From: Department for Business and Trade and Tom Ellis MP" was dropped, listed
    nowhere, so the speech only warned. The line is furniture the page lists ("lines of the
    page's details"), and the one person of the archive it names is the speaker, quoted by
    GOV.UK (the department, an entity too, is no speaker). The lead, "Speech by the Minister
    for Trade at ...", GOV.UK's words on the speech, is not his."""
    content = project_copy / "content"
    milestones = _govuk_speech(content, '<a href="/people/tom-ellis">Tom Ellis MP</a>')
    before = milestones.read_text(encoding="utf-8")
    _milestone(content, "speech", "Today the wait is closer to three days")
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert (_source(project_copy)["speaker"], _source(project_copy)["voice"]) == (
        "tom-ellis",
        "reported",
    )
    assert "Tom Ellis, quoted by GOV.UK" in _said_page(project_copy)
    article = (project_copy / "out/articles/speech.html").read_text(encoding="utf-8")
    assert "4 lines of the page’s details (From:, Location:)" in html.unescape(article).replace(
        "'", "’"
    )
    milestones.write_text(before, encoding="utf-8")
    _milestone(content, "speech", "Speech by the Minister for Trade")
    assert "its title says is someone's words" in cli("check", cwd=project_copy).stderr


def test_a_from_list_of_two_people_or_none_names_no_speaker(project_copy: Path) -> None:
    """A "From:" line naming two persons of the archive, or none, says no one speaks: the
    warning stays."""
    content = project_copy / "content"
    milestones = _govuk_speech(content, "Tom Ellis MP and Jane Roe MP")
    before = milestones.read_text(encoding="utf-8")
    _milestone(content, "speech", "Today the wait is closer to three days")
    assert "its title says is someone's words" in cli("check", cwd=project_copy).stderr
    _govuk_speech(content, "Lord Smith of Leigh")
    milestones.write_text(before, encoding="utf-8")
    _milestone(content, "speech", "Today the wait is closer to three days")
    assert "its title says is someone's words" in cli("check", cwd=project_copy).stderr


def test_a_written_answer_s_heading_names_its_answerer(project_copy: Path) -> None:
    """The European Parliament's record: "Answer given by High Representative/Vice-President
    Kallas on behalf of the European Commission" names who answers, plainly: the answer is
    hers, quoted; the question, whose asker no heading names, is warned of."""
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: kaja-kallas\n  name: Kaja Kallas\n  type: person\n")
    (content / "articles/ep.capture.txt").write_text(EP, encoding="utf-8")
    (content / "articles/ep.meta.yaml").write_text(
        "format: plain\ntitle: Ferries on the Caspian Sea\npublished: 2025-04-23\n"
        "outlet: European Parliament\nkind: news\n",
        encoding="utf-8",
    )
    _milestone(content, "ep", "The Commission will fund two ferries")
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    source = _source(project_copy)
    assert (source["speaker"], source["voice"]) == ("kaja-kallas", "reported")
    assert "Kaja Kallas, quoted by European Parliament" in _said_page(project_copy)
    milestones = content / "milestones.yaml"
    milestones.write_text(
        milestones.read_text().replace(
            "quote: The Commission will fund two ferries", "quote: Does the Commission plan"
        )
    )
    result = cli("check", cwd=project_copy)
    assert "is in the record of a written question and its answer" in result.stderr
    assert _source(project_copy)["voice"] == "unattributed"


@pytest.mark.parametrize(
    ("record", "speaker"),
    [
        (EP, "jane-roe"),  # the heading's lines joined: "... Rule 144 Jane Roe (Renew)"
        (EP.replace("Rule 144\n", "Rule 144\n\n"), "jane-roe"),  # a paragraph of its own
        # no answer's heading read after it: an answer in another language may follow
        (EP.replace("Answer given by", "Réponse donnée par"), None),
        # the name after the addressee with no line between: "Commission Jane Roe"
        (EP.replace("Rule 144\n", ""), None),
        (EP.replace("Jane Roe (Renew)", "Jane Roe (Renew), John Doe (EPP)"), None),  # two
    ],
)
def test_a_written_question_s_asker_on_a_line_of_its_own(
    project_copy: Path, record: str, speaker: str | None
) -> None:
    """Walk 62 (trust62's left-alone): the European Parliament names the asker on a line of
    their own with their group, "Jane Roe (Renew)", under "Question for written answer ...",
    with no "Question from" heading: the question warned. Read where the record's shape
    makes it plain (its head, one name of the archive, an answer's heading after it)."""
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: jane-roe\n  name: Jane Roe\n  type: person\n")
    (content / "articles/ep.capture.txt").write_text(record, encoding="utf-8")
    (content / "articles/ep.meta.yaml").write_text(
        "format: plain\ntitle: Ferries on the Caspian Sea\npublished: 2025-04-23\n"
        "outlet: European Parliament\nkind: news\n",
        encoding="utf-8",
    )
    _milestone(content, "ep", "Does the Commission plan to fund ferries")
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    warned = "is in the record of a written question and its answer" in result.stderr
    assert warned == (speaker is None)
    assert _source(project_copy)["speaker"] == speaker


def test_a_speech_s_title_names_its_speaker(project_copy: Path) -> None:
    """ "Speech by Ilham Aliyev at ..." on the president's own site was warned of, and with
    no speaker shown as someone not named: the title names him plainly. A family name two
    entities bear, or an office ("Minister's speech"), names no one: still a warning; and a
    paragraph handing its words to someone else is theirs, as anywhere."""
    content = project_copy / "content"
    text = (
        "Dear friends,\n\nThe volume of cargo from China through Azerbaijan grew 2.5 times.\n\n"
        "The minister said the port will be expanded next year.\n"
    )
    (content / "articles/speech.capture.txt").write_text(text, encoding="utf-8")
    meta = content / "articles/speech.meta.yaml"
    meta.write_text(
        "format: plain\ntitle: Speech by Ilham Aliyev at the Business Forum\n"
        "published: 2025-04-23\noutlet: President.az\nkind: news\n",
        encoding="utf-8",
    )
    _milestone(content, "speech", "grew 2.5 times")
    assert cli("check", "--strict", cwd=project_copy).returncode == 0
    source = _source(project_copy)
    assert (source["speaker"], source["voice"]) == ("ilham-aliyev", "reported")
    assert "Ilham Aliyev, quoted by President.az" in _said_page(project_copy)
    for title in ("Speech by Aliyev at the Business Forum", "Minister's speech at the Forum"):
        meta.write_text(
            meta.read_text().replace("Speech by Ilham Aliyev at the Business Forum", title)
        )
        with (content / "entities.yaml").open("a", encoding="utf-8") as out:
            out.write("- id: heydar-aliyev\n  name: Heydar Aliyev\n  type: person\n")
        result = cli("check", cwd=project_copy)
        assert "its title says is someone's words" in result.stderr, title
        meta.write_text(
            meta.read_text().replace(title, "Speech by Ilham Aliyev at the Business Forum")
        )
        (content / "entities.yaml").write_text(
            (content / "entities.yaml")
            .read_text()
            .replace("- id: heydar-aliyev\n  name: Heydar Aliyev\n  type: person\n", "")
        )
    milestones = content / "milestones.yaml"
    milestones.write_text(
        milestones.read_text().replace("quote: grew 2.5 times", "quote: the port will be expanded")
    )
    result = cli("check", cwd=project_copy)
    assert "attributes words to someone ('said')" in result.stderr


def test_a_paragraph_naming_the_speaker_is_not_read_as_theirs(project_copy: Path) -> None:
    """A speech's page opens with the site's words about it ("President Ilham Aliyev
    delivered a speech ..."), in the third person: not his words, so not read as his, and
    warned of as before; a written answer's heading is the record's own words too."""
    content = project_copy / "content"
    text = (
        "President Ilham Aliyev delivered a speech at the Business Forum in Beijing.\n\n"
        "Dear friends, the volume of cargo grew 2.5 times.\n"
    )
    (content / "articles/speech.capture.txt").write_text(text, encoding="utf-8")
    (content / "articles/speech.meta.yaml").write_text(
        "format: plain\ntitle: Speech by Ilham Aliyev at the Business Forum\n"
        "published: 2025-04-23\noutlet: President.az\nkind: news\n",
        encoding="utf-8",
    )
    _milestone(content, "speech", "delivered a speech at the Business Forum")
    result = cli("check", cwd=project_copy)
    assert "its title says is someone's words" in result.stderr
    assert _source(project_copy)["voice"] == "unattributed"


def test_a_card_header_s_name_in_letters_beyond_ascii_names_the_asker(project_copy: Path) -> None:
    """Walk 63 (walk62's left-alone): a card's header naming "Ülkər Məmmədova" was kept as a
    heading but named no one (its name was read with [A-Z] only), so the record warned."""
    content = project_copy / "content"
    page = (FIXTURES / "written-question-hansard.html").read_text(encoding="utf-8")
    (content / "articles/pq.capture.html").write_text(
        page.replace("Jane Hartley", "Ülkər Məmmədova"), encoding="utf-8"
    )
    (content / "articles/pq.meta.yaml").write_text("kind: news\n", encoding="utf-8")
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: ulker-mammadova\n  name: Ülkər Məmmədova\n  type: person\n")
    _milestone(content, "pq", "what assessment she has made of the capacity of ferries")
    result = cli("check", "--strict", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    source = _source(project_copy)
    assert (source["speaker"], source["voice"]) == ("ulker-mammadova", "reported")
