"""Interview turns marked by the speakers' names (archive_site.load.speakers), and by ``Q:``
alone: who speaks is never more than the text marks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archive_site.errors import ArchiveError
from archive_site.load import load_archive
from archive_site.load.speakers import (
    interview_names,
    label_turns,
    named_though_unnamed,
    names_of,
    trailing_notes,
)
from archive_site.model import Entity
from archive_site.readers import Block
from archive_site.readers.base import label_end, label_of, speaker_label
from archive_site.readers.turns import has_qa_turns, mark_turns, turns_by_markers
from conftest import cli

JABBAROV = Entity("mikayil-jabbarov", "Mikayil Jabbarov", "person", ("Minister Jabbarov",))
WEEKLY = Entity("caspian-weekly", "Caspian Business Weekly", "organisation", ())


def blocks(*texts: str) -> list[Block]:
    return [Block(t, n) for n, t in enumerate(texts, start=1)]


def turns(out: list[Block]) -> list[tuple[str, int | None]]:
    return [(b.role, b.turn) for b in out]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jabbarov: We agreed.", "Jabbarov"),
        ("Sevinj Huseynova: And the labour?", "Sevinj Huseynova"),
        ("**Caucasus Review:** What came of it?", "Caucasus Review"),
        ("**Hikmet Hajiyev**: That is a misunderstanding.", "Hikmet Hajiyev"),
        ("Ильхам Алиев: Да.", "Ильхам Алиев"),
        ("The minister said: we agreed.", None),  # "said" is not capitalised
        ("At 10:30 the talks began.", None),
        ("Trade: up 20 percent", "Trade"),  # a name to the pattern; the entities decide
        ("Jabbarov:no space", None),
        ("One Two Three Four Five: too many words", None),
        # transcripts: the speaker's office the first time, the time before the name
        ("ILHAM ALIYEV, PRESIDENT OF AZERBAIJAN: No.", "ILHAM ALIYEV"),
        ("Ilham Aliyev, President of Azerbaijan: No.", "Ilham Aliyev"),
        ("ALIYEV (through translator): Yes.", "ALIYEV"),
        ("[00:00:41] ZAUR SHIRIYEV: It goes back to 1992.", "ZAUR SHIRIYEV"),
        ("(01:12) Eric Olander: Welcome.", "Eric Olander"),
        ("However, he said: no.", None),
        ("Moreover, Officials Said: no.", None),
        ("ILHAM ALIYEV, PRESIDENT OF AZERBAIJAN (through translator): No.", "ILHAM ALIYEV"),
        ("Ильхам Алиев, президент Азербайджана: Да.", "Ильхам Алиев"),  # an office in lower case
        ("5:30 AM: the first train left.", None),
        # Zoom's and Descript's transcripts, the time after the name (audit 12: no speaker)
        ("Jane Roe (00:00:05): Welcome to the show.", "Jane Roe"),
        ("Elnur Mammadli [01:12]: Thanks.", "Elnur Mammadli"),
        ("At 10:30: the talks began.", None),
        ("Until 12:00: the port is closed.", None),
        # Otter's: no colon, two spaces before the time, the words on the next line (walk51)
        ("Jane Roe  0:05\nWelcome to the show.", "Jane Roe"),
        ("Rustam Karimov  01:12:30 Thanks.", "Rustam Karimov"),
        ("Baku 10:30 The ministry said.", None),  # one space: a place and a time
        ("At  10:30 the talks began.", None),
    ],
)
def test_speaker_label(text: str, name: str | None) -> None:
    assert speaker_label(text) == name


def test_a_person_is_named_by_a_family_name_alone_an_organisation_not() -> None:
    assert names_of(JABBAROV) == {"mikayil jabbarov", "minister jabbarov", "jabbarov"}
    assert names_of(WEEKLY, "Sevinj Huseynova") == {"caspian business weekly", "sevinj huseynova"}
    asks, answers = interview_names(
        [JABBAROV, WEEKLY], "caspian-weekly", "mikayil-jabbarov", ("Caspian Weekly", None)
    )
    assert "caspian weekly" in asks and answers == names_of(JABBAROV)


def test_a_family_name_another_entity_bears_says_no_one() -> None:
    """Audit trust57: "Doe:" in a transcript was the interviewee John Doe's turn, though
    "Doe" is the alias of another entity (and so it would be were it another person's family
    name): the words may be that speaker's, so they are attributed to no one, with a note."""
    doe = Entity("john-doe", "John Doe", "person", ())
    minor = Entity("bob-minor", "Bob Minor", "person", ("Doe",))
    other = Entity("jane-jabbarov", "Jane Jabbarov", "person", ())
    asks, answers = interview_names([doe, minor, WEEKLY], "caspian-weekly", "john-doe")
    assert answers == {"john doe"}
    _, answers = interview_names([JABBAROV, other], None, "mikayil-jabbarov")
    assert answers == {"mikayil jabbarov", "minister jabbarov"}
    out, notes = label_turns(
        blocks("John Doe: The ferry resumes in August.", "Doe: It will not be late."),
        asks,
        interview_names([doe, minor], None, "john-doe")[1],
    )
    assert turns(out) == [("answer", 1), ("body", None)]
    assert [n for _, n in notes] and "'Doe:'" in notes[0][1]
    # not only "add the name to that entity's aliases", which another entity's alias forbids
    assert notes[0][1].endswith(
        "unless another entity has it too; either way, a quote from it may name who says it "
        "with 'speaker:')"
    )
    # with no other entity bearing it, the family name alone is still the interviewee's
    assert interview_names([doe], None, "john-doe")[1] == {"john doe", "doe"}


def test_names_start_the_turns_of_who_asks_and_who_answers() -> None:
    asks, answers = names_of(WEEKLY, "Sevinj Huseynova"), names_of(JABBAROV)
    source = blocks(
        "Jabbarov spoke to us after his return.",
        "Caspian Business Weekly: What did you agree?",
        "Jabbarov: Twenty projects.",
        "The first opens in 2026.",
        "Sevinj Huseynova: And the labour?",
        "Mikayil Jabbarov: We will train it.",
    )
    out, notes = label_turns(source, asks, answers)
    assert turns(out) == [
        ("lead", None),
        ("question", 1),
        ("answer", 2),
        ("answer", 2),
        ("question", 3),
        ("answer", 4),
    ]
    assert [b.text for b in out] == [b.text for b in source]  # the names stay in the text
    assert notes == []


def test_names_in_chinese_before_a_full_width_colon_start_turns() -> None:
    """Walk 29: Xinhua's interview of the ambassador marks its turns "记者：..." and
    "扎伊纳利：...": declared an interview, it failed the check ("needs question and
    answer turns"), a name being read only in capitals before a colon and a space. A name
    in Chinese, Japanese or Korean before a full-width colon starts a turn when the
    interview knows it; another ("他说：") is no one's name and changes nothing; the
    editor's credit ending the page is no answer."""
    source = blocks(
        "新华社记者 张三",
        "记者：阿利耶夫总统即将对中国进行国事访问，您对此访有何期待？",
        "扎伊纳利：此访将推动两国关系迈上新台阶。",
        "他说：我们期待双方签署一系列合作文件。",
        "记者：您如何看待中阿合作？",
        "扎伊纳利：阿塞拜疆是最早支持共建“一带一路”倡议的国家之一。",
        "（责任编辑：李四）",
    )
    out, notes = label_turns(source, frozenset({"记者"}), frozenset({"扎伊纳利"}))
    assert turns(trailing_notes(out)) == [
        ("lead", None),
        ("question", 1),
        ("answer", 2),
        ("answer", 2),
        ("question", 3),
        ("answer", 4),
        ("body", None),
    ]
    assert notes == []
    assert speaker_label("他说：我们期待。") == "他说"  # a name to the pattern; the entities decide
    assert speaker_label("专访：“中阿合作前景广阔”") == "专访"


def test_a_name_that_is_neither_speaker_is_attributed_to_no_one_with_a_note() -> None:
    """A third speaker, or "Editor's Note:", was part of the turn before it."""
    source = blocks(
        "Q: What did you agree?",
        "Jabbarov: Twenty projects.",
        "Elnur Aliyev: I would add that the port is ready.",
        "It opens in May.",
        "Q: Why Alat?",
        "Jabbarov: The port.",
        "Elnur Aliyev: Indeed.",
    )
    out, notes = label_turns(mark_turns(source), names_of(WEEKLY), names_of(JABBAROV))
    assert turns(out) == [
        ("question", 1),
        ("answer", 2),
        ("body", None),
        ("body", None),
        ("question", 3),
        ("answer", 4),
        ("body", None),
    ]
    ((line, note),) = notes  # once for each name
    assert line == 3 and note.startswith("'Elnur Aliyev:' names neither the interviewer nor")


def test_without_a_known_name_the_turns_are_the_readers() -> None:
    source = mark_turns(blocks("Q: Why?", "A: Because.", "It opens in May."))
    out, notes = label_turns(source, names_of(WEEKLY), names_of(JABBAROV))
    assert out == source and notes == []


def test_another_speaker_within_turns_marked_q_and_a_is_no_one() -> None:
    """With turns marked ``Q:`` and ``A:`` alone, "Moderator: ..." and the paragraph after
    it were the interviewee's answer, without a word; an editor's note too."""
    source = mark_turns(
        blocks(
            "Q: Why Alat?",
            "A: The port.",
            "Moderator: We have time for one last question.",
            "The port will be privatised in 2026.",
            "Q: When?",
            "A: First: the treaty.",  # its "A:" says whose it is
            "Note: the figures are the ministry's.",  # no name: the answer goes on
        )
    )
    out, notes = label_turns(source, names_of(WEEKLY), names_of(JABBAROV))
    assert turns(out) == [
        ("question", 1),
        ("answer", 2),
        ("body", None),
        ("body", None),
        ("question", 3),
        ("answer", 4),
        ("answer", 4),
    ]
    assert [n.split(":")[0] for _, n in notes] == ["'Moderator"]


def test_a_transcript_names_its_speakers_with_their_office_and_time() -> None:
    """A TV transcript names a speaker with their office the first time: the interviewee's
    first answer was read as going on with the anchor's question (and a podcast's turns,
    after their time, as no turns at all)."""
    aliyev = Entity("ilham-aliyev", "Ilham Aliyev", "person", ())
    source = blocks(
        "BECKY ANDERSON, CNN INTERNATIONAL ANCHOR: Welcome back.",
        "ANDERSON: Are you turning east?",
        "ILHAM ALIYEV, PRESIDENT OF AZERBAIJAN: No, we are not turning anywhere.",
        "[11:12:40] ANDERSON: Thank you.",
        "JOHN ROE, CNN CORRESPONDENT: Still to come.",
    )
    anderson = Entity("becky-anderson", "Becky Anderson", "person", ())
    out, notes = label_turns(source, names_of(anderson), names_of(aliyev))
    assert turns(out) == [
        ("question", 1),
        ("question", 2),
        ("answer", 3),
        ("question", 4),
        ("body", None),  # a third speaker is no one's
    ]
    # the label as written, with the office it gives (a note quotes what the source says)
    assert [n.split(":")[0] for _, n in notes] == ["'JOHN ROE, CNN CORRESPONDENT"]


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("Ilham Aliyev (via interpreter):", "Ilham Aliyev (via interpreter):"),
        ("ILHAM ALIYEV, PRESIDENT (through interpreter):", None),
        ("[00:01:12] Ilham Aliyev:", None),
        ("**Ilham Aliyev (via interpreter):**", "Ilham Aliyev (via interpreter):"),
        ("Ilham Aliyev:", None),
    ],
)
def test_a_note_on_a_name_quotes_its_label_as_written(written: str, label: str | None) -> None:
    """Under ``interviewee: unnamed``, the note on a turn naming an entity quoted
    ``'Ilham Aliyev:'`` for ``Ilham Aliyev (via interpreter):``, dropping what the source
    says of who speaks; it quotes the label as the text writes it (bold marks aside)."""
    aliyev = Entity("ilham-aliyev", "Ilham Aliyev", "person", ())
    reporter = Entity("jane-roe", "Jane Roe", "person", ())
    source = blocks("Jane Roe: Will you go?", f"{written} We will go.")
    told = named_though_unnamed([aliyev, reporter], ["interviewee"])
    _, notes = label_turns(source, names_of(reporter), frozenset(), told)
    (note,) = (n for _, n in notes)
    assert note.startswith(
        f"'{label or written}' names Ilham Aliyev ('ilham-aliyev'), and the metadata"
    )


def test_a_transcript_s_stage_directions_are_in_no_one_s_turn() -> None:
    """CNN's "(CROSSTALK)" and "(COMMERCIAL BREAK)" after an answer were the interviewee's
    words, "(BEGIN VIDEOTAPE)" the anchor's (audit 12); the answer goes on after a
    "(LAUGHTER)" within it."""
    aliyev = Entity("ilham-aliyev", "Ilham Aliyev", "person", ())
    amanpour = Entity("christiane-amanpour", "Christiane Amanpour", "person", ())
    source = blocks(
        "AMANPOUR: Welcome to the program.",
        "(BEGIN VIDEOTAPE)",
        "AMANPOUR (voice-over): The Caspian has made Baku rich.",
        "(END VIDEOTAPE)",
        "AMANPOUR: When will the treaty be signed?",
        "ALIYEV: It is not a precondition.",
        "(CROSSTALK)",
        "AMANPOUR: -- some would say --",
        "ALIYEV: No, let me finish.",
        "(LAUGHTER)",
        "The constitution holds claims against us.",
        "[inaudible]",
    )
    out, notes = label_turns(source, names_of(amanpour), names_of(aliyev))
    assert turns(out) == [
        ("question", 1),
        ("body", None),
        ("question", 2),
        ("body", None),
        ("question", 3),
        ("answer", 4),
        ("body", None),
        ("question", 5),
        ("answer", 6),
        ("body", None),
        ("answer", 6),
        ("body", None),
    ]
    assert notes == []


def test_a_briefing_names_its_speaker_by_title_and_marks_a_question_with_a_bare_q() -> None:
    """A State Department briefing: "MS BRUCE:" named neither speaker, and "Q Said, on the
    Caspian -- ...?" (the White House's mark of a question, no colon) went on with the
    spokesperson's answer before it: a journalist's question was hers (audit 12)."""
    bruce = Entity("tammy-bruce", "Tammy Bruce", "person", ())
    source = blocks(
        "MS BRUCE: Good afternoon, everyone.",
        "QUESTION: Can you say whether the Secretary raised the treaty?",
        "MS BRUCE: The Secretary encouraged both sides to sign it.",
        "Q Said, on the Caspian -- is there any funding for the pipeline?",
        "MS. BRUCE: We support projects that diversify Europe's supply.",
        "SECRETARY RUBIO: Thank you, Tammy.",
        "(The briefing was concluded at 2:41 p.m.)",
    )
    out, notes = label_turns(source, names_of(WEEKLY), names_of(bruce))
    assert turns(out) == [
        ("answer", 1),
        ("question", 2),
        ("answer", 3),
        ("question", 4),
        ("answer", 5),
        ("body", None),  # another speaker: no one's
        ("body", None),  # the transcriber's note
    ]
    assert [n.split(":")[0] for _, n in notes] == ["'SECRETARY RUBIO"]


@pytest.mark.parametrize(
    ("texts", "roles"),
    [
        (
            ("Q Thank you, Karine. On Iran?", "Yes, we will.", "Q And on Baku?", "Soon."),
            ["question", "answer", "question", "answer"],
        ),
        # one bare "Q" alone marks nothing: a paragraph may open "Q Street"
        (("Q Street was closed on Monday.", "Traffic resumed later."), ["body", "body"]),
    ],
)
def test_the_white_house_s_bare_q_marks_a_question(
    texts: tuple[str, ...], roles: list[str]
) -> None:
    out = mark_turns(blocks(*texts), dashes=False)
    assert [b.role for b in out] == roles


def test_a_list_before_a_colon_in_an_answer_is_no_speaker() -> None:
    """ "Azerbaijan, China and Russia: ..." opens as a name and an office would, in ordinary
    capitals: it is a speaker only when it names one the interview knows."""
    source = mark_turns(
        blocks(
            "Q: Who?",
            "A: Three states.",
            "Azerbaijan, China and Russia: all three.",
            "EU, NATO and the OSCE: all three again.",  # acronyms are no transcript's capitals
        )
    )
    out, notes = label_turns(source, names_of(WEEKLY), names_of(JABBAROV))
    assert turns(out) == [("question", 1), ("answer", 2), ("answer", 2), ("answer", 2)]
    assert notes == []


def test_a_name_of_both_speakers_decides_nothing() -> None:
    same = Entity("aliyev-2", "Elnur Aliyev", "person", ())
    asks, answers = names_of(same), names_of(Entity("x", "Ilham Aliyev", "person", ()))
    out, notes = label_turns(blocks("Aliyev: Yes.", "Elnur Aliyev: Why?"), asks, answers)
    assert turns(out) == [("body", None), ("question", 1)]
    assert "'Aliyev:' names neither" in notes[0][1]


def test_questions_marked_answers_not_each_answer_starts_after_its_question() -> None:
    """With only ``Q:`` marked, every answer was read as part of the question before it,
    and so the interviewer's words."""
    out = mark_turns(blocks("Intro.", "Q: Why Alat?", "The port.", "And the rail.", "Q: When?"))
    assert turns(out) == [
        ("lead", None),
        ("question", 1),
        ("answer", 2),
        ("answer", 2),
        ("question", 3),
    ]
    both = mark_turns(blocks("Q: Why?", "And how?", "A: Because.", "Truly."))
    assert turns(both) == [("question", 1), ("question", 1), ("answer", 2), ("answer", 2)]
    # an answer may end with a question mark (a rhetorical question): it is still the answer
    two = mark_turns(blocks("Q: Is the deal dead?", "Dead? Who told you that?", "Q: And?"))
    assert turns(two) == [("question", 1), ("answer", 2), ("question", 3)]


INTERVIEW_MD = """\
---
title: "Jabbarov: 'We want Chinese factories'"
published: 2025-05-28
outlet: Caspian Business Weekly
author: Sevinj Huseynova
kind: interview
interviewer: caspian-weekly
interviewee: mikayil-jabbarov
---

Azerbaijan's Minister of Economy spoke to us after his return from Beijing.

Q: What did you agree in Beijing?

Jabbarov: We agreed on a list of 20 projects in the Alat free economic zone.

The first of them, a solar panel factory, should open in 2026.

Sevinj Huseynova: And the labour?

Jabbarov: We will train it.

Rauf Mammadov: The centre opened last September.
"""


def test_an_interview_marked_by_names_loads_with_its_speakers(project_copy: Path) -> None:
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "- id: mikayil-jabbarov\n  name: Mikayil Jabbarov\n  type: person\n"
            "- id: caspian-weekly\n  name: Caspian Business Weekly\n  type: organisation\n"
        )
    (content / "articles/2025-05-28-jabbarov.md").write_text(INTERVIEW_MD, encoding="utf-8")
    with (content / "milestones.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "\n- id: alat-centre\n  date: 2024-09\n  title: Alat centre\n"
            "  date_note: last September, said in May 2025\n"
            "  summary: A vocational centre.\n  topics: [diplomacy]\n  sources:\n"
            "    - article: 2025-05-28-jabbarov\n      quote: The centre opened last September.\n"
        )
    run = cli("check")
    assert run.returncode == 0, run.stderr
    where = "content/articles/2025-05-28-jabbarov.md:23: warning: "
    assert f"{where}'Rauf Mammadov:' names neither" in run.stderr
    # quoted without a speaker: not the outlet's own voice unasked
    assert "paragraph p7 is in no turn of the interview (its speaker is not marked)" in run.stderr
    art = load_archive(content).article("2025-05-28-jabbarov")
    said = [(p.role, p.speaker) for p in art.paragraphs]
    assert said == [
        ("lead", None),
        ("question", "caspian-weekly"),
        ("answer", "mikayil-jabbarov"),
        ("answer", "mikayil-jabbarov"),
        ("question", "caspian-weekly"),  # the byline's author asks
        ("answer", "mikayil-jabbarov"),
        ("body", None),  # a third speaker: no one's words
    ]
    assert [(t.role, t.speaker) for t in art.turns][:2] == [
        ("question", "caspian-weekly"),
        ("answer", "mikayil-jabbarov"),
    ]


DASHED_PAGE = """<!DOCTYPE html><html lang="ru"><head><title>Интервью</title></head><body>
<article><h1>«Азербайджан и Китай — партнеры»</h1>
<p>Посол Азербайджана рассказал о визите президента в Пекин.</p>
<p>— Господин посол, каковы главные итоги переговоров в Пекине?</p>
<p>— Главный итог — подписание совместного заявления о стратегическом партнерстве.</p>
<p>Это новый этап в отношениях двух стран, и он открывает много возможностей.</p>
<p>— Какие документы еще были подписаны?</p>
<p>— Более двадцати документов: по транспорту, энергетике и образованию.</p>
</article></body></html>
"""


def _interview(project: Path, name: str, text: str) -> list[tuple[str, str | None]]:
    """Add the capture ``name`` holding ``text`` as an interview of Aliyev by Xinhua, and
    load it: its paragraphs' roles and speakers."""
    ident = name.partition(".")[0]
    articles = project / "content/articles"
    (articles / name).write_text(text, encoding="utf-8")
    (articles / f"{ident}.meta.yaml").write_text(
        "title: An interview\npublished: 2025-04-24\noutlet: Izvestia\nkind: interview\n"
        "overrides: [title]\n"
        "interviewer: xinhua\ninterviewee: ilham-aliyev\n",
        encoding="utf-8",
    )
    art = load_archive(project / "content").article(ident)
    return [(p.role, p.speaker) for p in art.paragraphs]


def test_a_saved_page_said_to_be_an_interview_has_turns_by_its_dashes(
    project_copy: Path,
) -> None:
    """A Russian interview sets its turns with dashes ("— Вопрос?" "— Ответ."): a saved page
    declared an interview failed the check ("needs question and answer turns"), and as news
    every answer was the outlet's voice."""
    assert _interview(project_copy, "izvestia.capture.html", DASHED_PAGE) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("answer", "ilham-aliyev"),  # a paragraph without a dash goes on with the turn
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]
    text = load_archive(project_copy / "content").article("izvestia").paragraphs[1].text
    assert text.startswith("Господин посол")  # the dash is the marker


HYPHENED_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Interview</title></head><body>
<article><h1>Ilham Aliyev was interviewed by China Media Group</h1>
<p>President Ilham Aliyev was interviewed by China Media Group in Baku.</p>
<p><strong>- Mr. President, what are the main results of your visit to Beijing?</strong></p>
<p>- The main result is the declaration on comprehensive strategic partnership.</p>
<p>It opens a new stage in the relations between our two countries.</p>
<p><strong>- What other documents were signed?</strong></p>
<p>- More than twenty documents:</p>
<ul><li>on transport and logistics;</li><li>on energy and green technology.</li></ul>
</article></body></html>
"""


BOLD_LEAD_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Interview</title></head><body>
<article><h1>"The corridor is not a dream any more"</h1>
<p><strong>President Ilham Aliyev spoke to China Media Group in Baku.</strong></p>
<p><strong>Mr. President, what are the main results of your visit to Beijing?</strong></p>
<p>The main result is the declaration on comprehensive strategic partnership.</p>
<p>It opens a new stage in the relations between our two countries.</p>
<p><b>What other documents were signed?</b></p>
<p>More than twenty documents, on transport, logistics, energy and green technology.</p>
<p><strong>Thank you, Mr. President.</strong></p>
<p>Thank you.</p>
</article></body></html>
"""


def test_a_saved_page_s_questions_in_bold_open_the_turns_of_its_interview(
    project_copy: Path,
) -> None:
    """An interview setting its questions in bold, with no name and no mark, had no turns: a
    saved page declared an interview failed the check (audit 12).  Each paragraph in bold
    whole is a question when there are two or more and each asks (the last may thank); a
    lead in bold is the lead."""
    assert _interview(project_copy, "bold.capture.html", BOLD_LEAD_PAGE) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]
    # a paragraph in bold that asks nothing is no question: no turns at all
    stressed = BOLD_LEAD_PAGE.replace(
        "<b>What other documents were signed?</b>", "<b>Documents.</b>"
    )
    with pytest.raises(ArchiveError, match="an interview needs question and answer turns"):
        _interview(project_copy, "bold.capture.html", stressed)


def test_a_saved_page_s_own_hyphens_open_the_turns_of_its_interview(project_copy: Path) -> None:
    """president.az and AZERTAC set an interview's turns with "- " in the page itself: a
    saved page declared an interview failed the check, only long dashes opening turns there
    (the extractor marks a list's items with "- "; audit 9).  A hyphen the page wrote opens
    a turn, when the page sets no long dash and every question ends with a question mark;
    a list's items stay in their answer."""
    assert _interview(project_copy, "azertag.capture.html", HYPHENED_PAGE) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("answer", "ilham-aliyev"),  # the list's items (the extractor's "- ")
        ("answer", "ilham-aliyev"),
    ]
    # closing thanks are the last turns, though the question asks nothing
    thanked = HYPHENED_PAGE.replace(
        "</ul>", "</ul><p><strong>- Thank you, Mr. President.</strong></p><p>- Thank you.</p>"
    )
    assert _interview(project_copy, "azertag.capture.html", thanked)[-2:] == [
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]
    # a list the page sets with hyphens in an answer would be questions: no turns at all
    # (where the questions are not in bold: in bold, they are the questions, see below)
    plain = HYPHENED_PAGE.replace("<strong>", "").replace("</strong>", "")
    listed = plain.replace(
        "<ul><li>on transport and logistics;</li><li>on energy and green technology.</li></ul>",
        "<p>- on transport and logistics;</p><p>- on energy and green technology.</p>",
    )
    with pytest.raises(ArchiveError, match="an interview needs question and answer turns"):
        _interview(project_copy, "azertag.capture.html", listed)
    # two items ending the last answer, each a sentence, are no question and its answer: the
    # first was the interviewer's words (review 23)
    two = plain.replace(
        "<ul><li>on transport and logistics;</li><li>on energy and green technology.</li></ul>",
        "<p>- The agreement on the Middle Corridor.</p><p>- The agreement on green energy.</p>",
    )
    with pytest.raises(ArchiveError, match="an interview needs question and answer turns"):
        _interview(project_copy, "azertag.capture.html", two)
    # set in bold, the questions are those (audit 12): the list's items stay in the answer
    for page in (listed, two):
        bolded = page.replace("<p>- Mr.", "<p><b>- Mr.").replace("Beijing?</p>", "Beijing?</b></p>")
        bolded = bolded.replace("<p>- What", "<p><b>- What").replace(
            "signed?</p>", "signed?</b></p>"
        )
        assert _interview(project_copy, "azertag.capture.html", bolded) == [
            ("lead", None),
            *[("question", "xinhua"), ("answer", "ilham-aliyev"), ("answer", "ilham-aliyev")],
            *[("question", "xinhua"), *[("answer", "ilham-aliyev")] * 3],
        ]


BOLD_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Interview</title></head><body>
<article><h1>'We will not choose between east and west': an interview</h1>
<p>Ilham Aliyev receives visitors in a wood-panelled office in Baku.</p>
<p><strong>Is Azerbaijan turning east?</strong></p>
<p>No. We will not choose between east and west.</p>
<p>Our relations with China complement those with Europe.</p>
<p><strong>How close is the peace treaty?</strong></p>
<p>The text is agreed. <strong>It is 95% done.</strong></p>
</article></body></html>
"""


def test_a_saved_page_s_bold_questions_open_the_turns_of_its_interview(
    project_copy: Path,
) -> None:
    """The Guardian and Le Monde set an interview's questions in bold paragraphs, and mark
    its answers not at all: a saved page declared an interview failed the check ("needs
    question and answer turns"), and as news the minister's answers were no one's words.
    A paragraph wholly in bold that asks opens a question, the next an answer."""
    assert _interview(project_copy, "guardian.capture.html", BOLD_PAGE) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("answer", "ilham-aliyev"),  # a paragraph not in bold goes on with the answer
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),  # a few words in bold within it are no question
    ]
    # bold paragraphs that do not all ask (subheadings set in bold) make no turns
    told = BOLD_PAGE.replace("How close is the peace treaty?", "The peace treaty")
    with pytest.raises(ArchiveError, match="an interview needs question and answer turns"):
        _interview(project_copy, "guardian.capture.html", told)
    # nor does one bold question alone
    one = BOLD_PAGE.replace("<strong>Is Azerbaijan turning east?</strong>", "Turning east?")
    with pytest.raises(ArchiveError, match="an interview needs question and answer turns"):
        _interview(project_copy, "guardian.capture.html", one)


def test_items_of_a_list_in_an_answer_are_no_turns(project_copy: Path) -> None:
    """In an interview whose turns are marked by name, an answer's list ("- a new rail
    link;") flipped the turns: its items were the interviewer's questions."""
    page = DASHED_PAGE.replace(
        "<p>— Главный итог", "<p>- новая дорога;</p><p>- таможня.</p><p>— Главный итог"
    )
    assert _interview(project_copy, "izvestia.capture.html", page)[1:5] == [
        ("question", "xinhua"),
        ("question", "xinhua"),  # "- " opens a list item, not a turn
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]
    # dashes that open no questions (two thirds of them end with "?") are no dialogue
    listed = "<p>Программа:</p><p>— дорога;</p><p>— таможня;</p><p>— фонд.</p>"
    plain = DASHED_PAGE.replace("<p>Посол", listed + "<p>Посол").replace("?</p>", ".</p>")
    with pytest.raises(ArchiveError, match="an interview needs question and answer turns"):
        _interview(project_copy, "izvestia.capture.html", plain)


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        # Q: and A: count whatever a question ends with ("tell us about ...")
        (
            "Aliyev spoke to a newspaper before his visit.\n\n"
            "Q: Mr President, tell us about the partnership with China.\n\n"
            "A: Our relations are at their highest level.\n\n"
            "Q: Your view of the Middle Corridor, please.\n\n"
            "A: It is a reliable route.\n",
            ["lead", "question", "answer", "question", "answer"],
        ),
        # a list in an answer, where Q: and A: mark the turns, is the answer's
        (
            "Aliyev spoke to a newspaper.\n\nQ: What was agreed?\n\nThere are three:\n\n"
            "- a rail link;\n\n- a customs post;\n\n- a fund.\n\nQ: And the corridor?\n\n"
            "It is a reliable route.\n",
            ["lead", "question", "answer", "answer", "answer", "answer", "question", "answer"],
        ),
        # "A. Mammadov" opens a sentence: no marker, and the dashes make the turns
        (
            "Aliyev spoke to a newspaper.\n\n- Is the partnership strong?\n\n- It is.\n\n"
            "A. Mammadov, head of the port, joined us.\n\n- And the corridor?\n\n- Reliable.\n",
            ["lead", "question", "answer", "answer", "question", "answer"],
        ),
        # the markers in the other languages of the archive's sources (audit 7)
        (
            "Лавров ответил на вопросы газеты.\n\nВопрос: Как вы оцениваете отношения?\n\n"
            "Ответ: Они на высоком уровне.\n\nВопрос: А коридор?\n\nОтвет: Надёжный.\n",
            ["lead", "question", "answer", "question", "answer"],
        ),
        (
            "阿利耶夫接受了采访。\n\n问：您如何评价两国关系？\n\n答：处于最高水平。\n",
            ["lead", "question", "answer"],
        ),
        # in text, "- " opens turns, as it did
        (
            "Aliyev spoke to a newspaper before his visit.\n\n"
            "- Is the partnership strong?\n\n- It is at its highest level.\n\n"
            "- And the Middle Corridor?\n\n- A reliable route.\n",
            ["lead", "question", "answer", "question", "answer"],
        ),
    ],
)
def test_a_text_said_to_be_an_interview_has_the_turns_its_markers_make(
    project_copy: Path, text: str, marks: list[str]
) -> None:
    """The dashes' test of questions (most end with "?") was applied to Q: and A: too, and
    to a text capture's "- ": a plain-text interview asking "tell us about ..." failed."""
    assert [role for role, _ in _interview(project_copy, "qa.capture.txt", text)] == marks


def test_bold_q_and_a_mark_turns_in_markdown() -> None:
    """A Markdown interview setting its markers in bold (``**Q:**``) had no turns: as an
    interview it failed to build."""
    from archive_site.errors import Problems
    from archive_site.readers import read_text

    text = (
        "---\ntitle: T\npublished: 2025-04-24\noutlet: O\nkind: interview\n---\n\n"
        "Aliyev spoke to us.\n\n**Q:** Why Alat?\n\n**A:** The port is deep.\n\n"
        "__Q__: And the rail?\n\n**A**: It is built.\n"
    )
    r = read_text(text, "i.md", Problems(), fmt="markdown")
    assert [(b.role, b.text) for b in r.blocks] == [
        ("lead", "Aliyev spoke to us."),
        ("question", "Why Alat?"),
        ("answer", "The port is deep."),
        ("question", "And the rail?"),
        ("answer", "It is built."),
    ]


def test_notes_ending_an_interview_are_no_ones_answer() -> None:
    """Eurasianet's "Joshua Kucera is a Eurasianet contributing editor." after the last
    answer was Farid Shafiyev's answer, and so was "This interview has been condensed and
    edited for clarity." (audit 5)."""
    blocks = [
        Block("What comes next?", 3, "question", 1),
        Block("We will open the berth in 2026.", 5, "answer", 2),
        Block("Our port is a hub for reporters from everywhere.", 7, "answer", 2),
        Block("This interview has been condensed and edited for clarity.", 9, "answer", 2),
        Block("Interview by Jane Roe.", 11, "answer", 2),
        Block("Joshua Kucera is a Eurasianet contributing editor.", 13, "answer", 2),
    ]
    out = trailing_notes(blocks)
    assert [(b.role, b.turn) for b in out] == [
        ("question", 1),
        ("answer", 2),
        ("answer", 2),  # the answer's own words, though they name reporters
        ("body", None),
        ("body", None),
        ("body", None),
    ]
    # last answers that only look like notes stay answers (review 11)
    for text in (
        "The exchange rate of the manat has been stable since then.",
        "President Aliyev spoke to President Xi by phone on Monday about the corridor.",
        "Xi Jinping spoke to President Aliyev in Beijing.",  # (review 12)
        "Interview by telephone is how we work with China now.",
        "Mr Wang is a respected analyst of the region.",
        "*But I have promises to keep, and miles to go before I sleep.*",  # (review 16)
        "Page 12 of the agreement is the one that matters.",
    ):
        assert trailing_notes([*blocks[:2], Block(text, 9, "answer", 2)])[-1].role == "answer"
    for text in (
        "Propos recueillis par Claire Duval",
        "Беседовал Иван Петров",
        "Interview by Jane Roe",
        # an editor's note, a photo's credit, a Markdown note in italics (audit 7)
        "Note: the ministry later clarified that the figure includes pledged investment.",
        "Editor's note: the figures were updated on 25 April.",
        "Photo: Ministry of Economy",
        "*Interview by Jane Roe*",
        "*Notes typed up by Jane Roe on 6 May 2025.*",
        "_Translated from Russian by the editors._",
        # a transcript saved as PDF ends with its page's number (walk 29: "Page 1 of 1" was
        # President Aliyev's answer to Euronews)
        "Page 1 of 1",
        "Page 2",
        "- 3 -",
        "Стр. 1 из 2",
    ):
        assert trailing_notes([*blocks[:2], Block(text, 9, "answer", 2)])[-1].role == "body"
    # a note before a photo's credit is the outlet's too: the credit stopped the look back
    out = trailing_notes(
        [
            *blocks[:2],
            Block("Note: the figure includes pledged investment.", 9, "answer", 2),
            Block("The interview was conducted in Russian and translated by us.", 11, "answer", 2),
            Block("Photo: Ministry of Economy", 13, "answer", 2),
        ]
    )
    assert [b.role for b in out[2:]] == ["body", "body", "body"]
    # a note inside the text, before the last turn, is left as it is
    assert trailing_notes([blocks[3], *blocks[:2]])[0].role == "answer"


@pytest.mark.parametrize("question", ["Question", "Вопрос", "Frage"])
def test_markers_of_questions_among_the_speakers_names_open_questions(
    project_copy: Path, question: str
) -> None:
    """A transcript naming its interviewee ("ILHAM ALIYEV:") and marking its questions
    "Question:" (Russian ministries: "Вопрос:") gave the second question to the interviewee,
    the first to no one (audit 7)."""
    text = (
        "Aliyev spoke to a newspaper before his visit.\n\nThe talks went on all day.\n\n"
        f"{question}: What was agreed?\n\nILHAM ALIYEV: Three things.\n\nWe are glad.\n\n"
        f"{question}: And the corridor?\n\nAliyev: It is a reliable route.\n\n"
        f"{question}: Thank you.\n\nAliyev: Thank you.\n"
    )
    assert _interview(project_copy, "qn.capture.txt", text)[2:] == [
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]


def test_a_marker_in_an_answer_where_names_mark_who_asks_is_the_answer_s() -> None:
    """Where the transcript names who asks, "Question: can we afford it?" inside the
    minister's answer opened a question turn, and so did the paragraph after it (review
    16)."""
    minister = Entity("mikayil-jabbarov", "Mikayil Jabbarov", "person", ())
    weekly = Entity("caspian-weekly", "Caspian Business Weekly", "organisation", ())
    said = [
        "Caspian Business Weekly: What is the main risk for the budget?",
        "Jabbarov: Oil prices. We plan for sixty dollars a barrel.",
        "Question: can we afford the new port if prices fall? Yes, the fund covers it.",
        "That is why the fund exists.",
        "Caspian Business Weekly: And the labour?",
        "Jabbarov: We will train it.",
    ]
    blocks = [Block(t, n) for n, t in enumerate(said, 1)]
    out = label_turns(blocks, names_of(weekly), names_of(minister))[0]
    assert [(b.role, b.turn) for b in out] == [
        ("question", 1),
        ("answer", 2),
        ("answer", 2),
        ("answer", 2),
        ("question", 3),
        ("answer", 4),
    ]


def test_turns_by_markers_in_other_languages_and_a_box_of_questions_after_news() -> None:
    """``turns_by_markers`` took a question for one only when its marker began with "Q":
    "Вопрос:" made the answers questions (review 16)."""
    said = ["Вопрос: Что дальше?", "Мы подпишем договор в июне.", "Вопрос: А порт?", "Порт готов."]
    out = turns_by_markers([Block(t, n) for n, t in enumerate(said, 1)], long_dashes=True)
    assert out is not None
    assert [b.role for b in out] == ["question", "answer", "question", "answer"]
    news = [
        Block("Die Regierung hat am Dienstag ein neues Gesetz beschlossen.", 1),
        Block("Es tritt im Juni in Kraft, sagte ein Sprecher.", 2),
        Block("Die Opposition kritisierte den Zeitplan.", 3),
        Block("Frage: Muss ich etwas tun?", 4),
        Block("Antwort: Nein.", 5),
    ]
    # (a box of questions and answers after a story makes it an interview, as it did: no
    # place in the text tells such a box from an interview after a long introduction)
    assert has_qa_turns(news)


def test_a_journalist_s_question_marked_as_such_where_the_host_is_named() -> None:
    """At a press conference whose host is named, each journalist's "Question: ...?" was
    filed as the minister's answer (review 17)."""
    host = Entity("host", "Ayxan Hajizada", "person", ())
    minister = Entity("mikayil-jabbarov", "Mikayil Jabbarov", "person", ())
    said = [
        "Ayxan Hajizada: Welcome. The minister will take questions.",
        "Jabbarov: Thank you. We signed twenty documents.",
        "Question: When will the port open?",
        "Jabbarov: Next year.",
        "Question: Please comment on the deal with China.",  # no question mark (review 18)
        "Jabbarov: It is a good deal.",
        "Question: What about the port? And the railway?",  # two questions (review 19)
        "Jabbarov: Both are ready.",
    ]
    blocks = [Block(t, n) for n, t in enumerate(said, 1)]
    out = label_turns(blocks, names_of(host), names_of(minister))[0]
    assert [b.role for b in out] == ["question", "answer"] * 4


def test_an_interview_after_a_long_introduction_of_short_paragraphs() -> None:
    """Seven one-line paragraphs of introduction, then three questions and answers: the
    first-half test counted paragraphs, and the interview lost its turns (review 17)."""
    intro = [Block(f"Line {n} of the introduction.", n) for n in range(1, 8)]
    qa = [
        Block(f"{m}: " + "a long turn of the interview with many words in it " * 3, 10 + n)
        for n, m in enumerate(["Q", "A", "Q", "A", "Q", "A"])
    ]
    assert has_qa_turns([*intro, *qa])


@pytest.mark.parametrize(
    "note", ["*Entrevista realizada por Juan Pérez.*", "*Беседовал Иван Петров*"]
)
def test_a_note_in_italics_in_another_language_ends_an_interview(note: str) -> None:
    blocks = [
        Block("What comes next?", 3, "question", 1),
        Block("We will open the berth in 2026.", 5, "answer", 2),
        Block(note, 7, "answer", 2),
    ]
    assert trailing_notes(blocks)[-1].role == "body"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("Q: Will the port double its capacity by 2027?", "A: We will see next year."),
        (
            "Xinhua (00:00:05): Will the port double its capacity by 2027?",
            "Ilham Aliyev (00:00:09): We will see next year.",
        ),
        (
            "[00:00:05] XINHUA: Will the port double its capacity by 2027?",
            "[00:00:09] ALIYEV: We will see next year.",
        ),
    ],
    ids=["q-a", "name-then-time", "time-then-name"],
)
def test_a_turn_on_the_line_after_another_s_is_a_turn_of_its_own(
    project_copy: Path, question: str, answer: str
) -> None:
    """A transcript whose turns follow one another with no blank line between them
    (``Q: ...?`` / ``A: ...``, as Zoom's and Descript's, or an archivist's paste, write them)
    was one paragraph, the question: the interviewee's answer was built as the interviewer's
    words (a milestone quoting it, with no ``speaker:``, was Xinhua's question)."""
    text = f"The president spoke to Xinhua about the port.\n\n{question}\n{answer}\n"
    assert _interview(project_copy, "talk.capture.txt", text) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]


def test_a_wrapped_line_opening_with_an_initial_or_a_small_question_stays_in_its_paragraph() -> (
    None
):
    """Only a role's marker with its colon, capitalised, or a speaker with the time opens a
    paragraph of its own: a line of wrapped text may open ``A. Petrov`` or ``question:``."""
    from archive_site.readers.base import split_blocks

    lines = ["The treaty was signed by", "A. Petrov and raised the", "question: who pays?"]
    assert split_blocks(lines) == [(lines, 1)]
    assert split_blocks(["Q: Is it so?", "A: It is."]) == [
        (["Q: Is it so?"], 1),
        (["A: It is."], 2),
    ]


def test_turns_marked_by_names_on_consecutive_lines_are_turns_of_their_own(
    project_copy: Path,
) -> None:
    """A transcript pasted with no blank line between turns marked by names alone
    (``Xinhua: ...?`` / ``Ilham Aliyev: ...``, no time, no ``Q:``) was one paragraph per
    exchange, opening with Xinhua's name: the answer was built as Xinhua's question.  A
    line opening with a speaker's name that opens other lines too, in a paragraph opening
    with one, is the next turn; a turn wrapped over two lines stays one paragraph."""
    text = (
        "The president spoke to Xinhua about the port.\n\n"
        "Xinhua: Will the port double its capacity\nby 2027?\n"
        "Ilham Aliyev: We will see next year.\n\n"
        "Xinhua: And the railway?\n"
        "Ilham Aliyev: It is being doubled.\n"
    )
    assert _interview(project_copy, "talk.capture.txt", text) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]
    text = load_archive(project_copy / "content").article("talk").paragraphs[1].text
    assert text == "Xinhua: Will the port double its capacity by 2027?"


def test_a_name_and_colon_opening_a_wrapped_line_once_stays_in_its_paragraph() -> None:
    """Only a name that opens two lines or more splits a paragraph, and only one opening
    with a name: prose wrapped at ``Baku:`` or a one-off label stays whole."""
    from archive_site.readers.base import split_blocks

    once = ["Note: the treaty signed in", "Baku: the capital, was ratified."]
    assert split_blocks(once) == [(once, 1)]
    prose = ["The treaty was signed in", "Baku: the capital.", "", "Baku: a city.", "More."]
    assert split_blocks(prose) == [(prose[:2], 1), (prose[3:], 4)]
    turns = ["Xinhua: Why?", "Aliyev: Because.", "", "Xinhua: When?", "Aliyev: Soon."]
    assert split_blocks(turns) == [
        (["Xinhua: Why?"], 1),
        (["Aliyev: Because."], 2),
        (["Xinhua: When?"], 4),
        (["Aliyev: Soon."], 5),
    ]


def test_an_otter_transcript_s_turns_are_marked_by_names_with_no_colon(
    project_copy: Path,
) -> None:
    """Otter's transcript (walk51): each turn opens with the speaker's name and the time on
    a line of their own, two spaces between, and no colon ("Xinhua  0:05" / its words): no
    turns were found, and the check said an interview needs them."""
    text = (
        "The president spoke to Xinhua about the port.\n\n"
        "Xinhua  0:05\nWill the port double its capacity by 2027?\n\n"
        "Ilham Aliyev  0:09\nWe will see next year.\n\n"
        "Xinhua  0:15\nAnd the railway?\n\n"
        "Ilham Aliyev  0:18\nIt opens in 2026.\n\n"
        "Transcribed by https://otter.ai\n"
    )
    assert _interview(project_copy, "otter.capture.txt", text) == [
        ("lead", None),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("body", None),  # the service's mark, not the last answer's words
    ]


def test_a_teams_caption_file_s_voices_are_the_interview_s_speakers(
    project_copy: Path,
) -> None:
    """A recorded interview's captions as Teams writes them (WebVTT, walk57), each cue's
    speaker its voice, ``<v Name>``: read as plain text, the cues' numbers and timing lines
    were paragraphs and no turn was found. Each voice's consecutive cues are one turn."""
    text = (
        "WEBVTT\n\n"
        "b5c1/12-0\n00:00:03.520 --> 00:00:08.140\n<v Xinhua>Will the port double?</v>\n\n"
        "b5c1/13-0\n00:00:09.020 --> 00:00:15.880\n<v Ilham Aliyev>By 2027, yes.</v>\n\n"
        "b5c1/14-0\n00:00:16.000 --> 00:00:18.000\n<v Ilham Aliyev>And more.</v>\n\n"
        "b5c1/15-0\n00:00:18.300 --> 00:00:20.700\n<v Xinhua>And the railway?</v>\n\n"
        "b5c1/16-0\n00:00:21.100 --> 00:00:29.000\n<v Ilham Aliyev>It opens in 2026.</v>\n"
    )
    assert _interview(project_copy, "teams.capture.txt", text) == [
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
        ("question", "xinhua"),
        ("answer", "ilham-aliyev"),
    ]
    article = load_archive(project_copy / "content").article("teams")
    assert article.format == "subtitles"
    assert article.paragraphs[1].text == "Ilham Aliyev: By 2027, yes. And more."


def test_a_reporter_named_in_chinese_at_a_press_conference_is_no_answer() -> None:
    """Walk 61: a Chinese foreign ministry press conference names its askers by their
    outlets ("法新社记者：..."), its host by name ("林剑：..."). A Chinese name before a
    full-width colon counts only when the interview knows it ("他说：" may open an answer's
    sentence), so each reporter's question after the first ran on as the spokesperson's
    answer. A name that is a reporter's, or opens a question, is a speaker no one names."""
    source = blocks(
        "总台央视记者：阿塞拜疆总统正在中国进行国事访问。你能否介绍访问成果？",
        "林剑：两国元首宣布将中阿关系提升为全面战略伙伴关系。",
        "他说：我们期待双方签署一系列合作文件。",  # an answer's sentence, as before
        "法新社记者：有报道称双方讨论了中间走廊。",  # a reporter's, though it asks nothing
        "林剑：建议你向主管部门询问。",
        "彭博社：经阿塞拜疆的中欧班列有无时间表？",  # a question
        "林剑：我目前没有掌握这方面的信息。",
    )
    out, notes = label_turns(source, frozenset({"记者"}), frozenset({"林剑"}))
    assert turns(out) == [
        ("body", None),
        ("answer", 1),
        ("answer", 1),
        ("body", None),
        ("answer", 2),
        ("body", None),
        ("answer", 3),
    ]
    assert [line for line, _ in notes] == [1, 4, 6]


def test_a_japanese_press_conference_s_names_in_brackets_mark_its_turns() -> None:
    """Japan's foreign ministry sets down a press conference's speakers in black lenticular
    brackets ("【NHK 山田記者】...", "【岩屋外務大臣】..."), which opened no turn: the
    reporter's question and the minister's answer before the first turn marked with a colon
    were the interview's lead, the ministry's own words (a quote from either shown as
    "外務省, in its own words", with no warning). The minister's name is now his answer, the
    reporter's (an outlet and a name ending in 記者) no one's; a heading so set, 【概要】,
    names no one."""
    source = blocks(
        "令和7年4月23日（水曜日）15時10分 於：本省会見室",
        "【NHK 山田記者】日本政府としての受け止めをお聞かせください。",
        "【岩屋外務大臣】コメントは差し控えたいと思います。",
        "【概要】両国は協力文書に署名しました。",
        "記者：中央回廊への日本の関与はありますか。",
        "岩屋外務大臣：連結性強化を支援しています。",
    )
    out, notes = label_turns(source, frozenset({"nhk"}), frozenset({"岩屋外務大臣"}))
    assert turns(out) == [
        ("lead", None),
        ("body", None),
        ("answer", 1),
        ("answer", 1),
        ("body", None),
        ("answer", 2),
    ]
    assert [line for line, _ in notes] == [2, 5]
    assert label_of("【NHK 山田記者】日本政府として") == ("NHK 山田記者", False)
    assert label_end("【岩屋外務大臣】コメント") == len("【岩屋外務大臣】")


def test_a_paragraph_after_a_question_that_asks_nothing_is_not_the_question_s() -> None:
    """A press conference's transcript names its spokesperson's answers, but leaves the name
    out once ("Reuters: Does China have any comment?" then "China's position is consistent
    and clear."): the answer ran on as Reuters' question, and Reuters' page listed the
    spokesperson's words as its own. A paragraph with no name after a question that asked,
    and asking nothing itself, is no one's to the next turn; a question set over two
    paragraphs ("Follow-up on that." "Will China retaliate?"), or asking twice, is one."""
    source = blocks(
        "Reuters: Does China have any comment on the tariffs?",
        "China's position on this is consistent and clear.",
        "There is no winner in a tariff war.",
        "Lin Jian: We have stated our position many times.",
        "Reuters: Follow-up on that.",
        "Will China retaliate?",
        "And will it file a case at the WTO?",
        "Lin Jian: I would refer you to the competent authorities.",
        "On the second question, we will keep you posted.",
    )
    out, notes = label_turns(source, frozenset({"reuters"}), frozenset({"lin jian"}))
    assert turns(out) == [
        ("question", 1),
        ("body", None),
        ("body", None),
        ("answer", 2),
        ("question", 3),
        ("question", 3),
        ("question", 3),
        ("answer", 4),
        ("answer", 4),
    ]
    assert [line for line, _ in notes] == [2]


def test_a_chinese_press_conference_page_gives_no_question_to_its_spokesperson(
    project_copy: Path,
) -> None:
    """The saved page of the press conference (fixture), said to be an interview of its
    spokesperson: the reporters' questions are no one's, never the spokesperson's."""
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: lin-jian\n  name: Lin Jian\n  type: person\n  aliases: [林剑]\n")
    page = Path(__file__).parent / "fixtures/pages/press-conference-zh-reporters.html"
    shutil.copy(page, content / "articles/mfa.capture.html")
    (content / "articles/mfa.meta.yaml").write_text(
        "kind: interview\ninterviewer: xinhua\ninterviewee: lin-jian\n", encoding="utf-8"
    )
    art = load_archive(content).article("mfa")
    said = [(p.text[:6], p.role, p.speaker) for p in art.paragraphs]
    assert said == [
        ("总台央视记者", "body", None),
        ("林剑：今天上", "answer", "lin-jian"),
        ("双方签署了共", "answer", "lin-jian"),
        ("法新社记者：", "body", None),
        ("林剑：中阿是", "answer", "lin-jian"),
        ("彭博社记者：", "body", None),
        ("林剑：我目前", "answer", "lin-jian"),
    ]


#: trust65: an agency's report of what a newspaper quoted the president as saying.
_RELAYED = (
    "President Ilham Aliyev told the French newspaper Le Monde that the Middle Corridor "
    "“will double its capacity by 2027”, Xinhua reported on Friday.\n\n"
    "The corridor carried 4.5 million tonnes last year, officials said.\n"
)


def _relayed(content: Path, *source_keys: str) -> None:
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: le-monde\n  name: Le Monde\n  type: organisation\n"
            "- id: jane-roe\n  name: Jane Roe\n  type: person\n"
        )
    (content / "articles/relayed.capture.txt").write_text(_RELAYED, encoding="utf-8")
    (content / "articles/relayed.meta.yaml").write_text(
        "format: plain\ntitle: Aliyev on the corridor\npublished: 2025-04-25\n"
        "outlet: Xinhua\nkind: news\n",
        encoding="utf-8",
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: corridor-doubling\n  date: 2027\n  status: planned\n  title: Doubling\n"
            "  summary: x\n  date_note: Said in April 2025.\n  topics: [transport]\n"
            "  sources:\n    - article: relayed\n      quote: will double its capacity by 2027\n"
            + "".join(f"      {k}\n" for k in source_keys)
        )


def test_words_an_article_has_through_another_outlet_say_through_whom(
    project_copy: Path,
) -> None:
    """trust65: agency A reporting that newspaper B quoted C: the page said "C, quoted by
    A", and the metadata had no way to say B ('via' was an unknown key). ``via:`` names B,
    where the article's text names it: "C, via B, quoted by A", in the data too."""
    content = project_copy / "content"
    _relayed(content, "speaker: ilham-aliyev", "via: le-monde")
    result = cli("-q", "-o", "out", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    page = (project_copy / "out/milestones/corridor-doubling.html").read_text(encoding="utf-8")
    assert "Ilham Aliyev</a>, via Le Monde, quoted by Xinhua</span>" in page
    aliyev = (project_copy / "out/entities/ilham-aliyev.html").read_text(encoding="utf-8")
    assert "via Le Monde, quoted by Xinhua" in aliyev
    data = json.loads((project_copy / "out/data/milestones.json").read_text(encoding="utf-8"))
    (source,) = next(m for m in data if m["id"] == "corridor-doubling")["sources"]
    assert (source["speaker"], source["voice"], source["via"]) == (
        "ilham-aliyev",
        "reported",
        "le-monde",
    )
    # a source with no 'via' has no such key (the seed's data are as they were)
    assert all("via" not in s for m in data if m["id"] != "corridor-doubling" for s in m["sources"])


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        (("speaker: ilham-aliyev", "via: jane-roe"), "the article never names 'jane-roe'"),
        (("via: le-monde",), "'le-monde' relays someone's words: it names whom, for words"),
        (("speaker: ilham-aliyev", "via: ilham-aliyev"), "'ilham-aliyev' is the speaker"),
        (("speaker: ilham-aliyev", "via: xinhua"), "'xinhua' is the article's outlet"),
        (("speaker: ilham-aliyev", "via: le-mond"), "unknown entity 'le-mond' (did you mean"),
    ],
    ids=["not-named", "no-speaker", "the-speaker", "the-outlet", "unknown"],
)
def test_a_via_the_source_does_not_say_is_an_error(
    project_copy: Path, keys: tuple[str, ...], said: str
) -> None:
    content = project_copy / "content"
    _relayed(content, *keys)
    result = cli("check", cwd=project_copy)
    assert result.returncode == 1
    assert said in result.stderr and "milestones.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_via_named_in_chinese_is_found_as_a_speaker_s_name_is(project_copy: Path) -> None:
    """trust65: a via's name is looked for as attribution looks for a speaker's; a name in
    Chinese, which no space parts from the words after it, is found."""
    content = project_copy / "content"
    with (content / "entities.yaml").open("a", encoding="utf-8") as out:
        out.write("- id: renmin-ribao\n  name: 人民日报\n  type: organisation\n")
    text = "据人民日报报道，阿利耶夫总统表示“中间走廊运力将在2027年翻番”。\n"
    (content / "articles/zh-relayed.capture.txt").write_text(text, encoding="utf-8")
    (content / "articles/zh-relayed.meta.yaml").write_text(
        "format: plain\ntitle: 中间走廊\npublished: 2025-04-25\noutlet: Xinhua\nkind: news\n",
        encoding="utf-8",
    )
    with (content / "milestones.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "- id: zh-doubling\n  date: 2027\n  status: planned\n  title: Doubling\n"
            "  summary: x\n  date_note: Said in April 2025.\n  topics: [transport]\n"
            "  sources:\n    - article: zh-relayed\n      quote: 中间走廊运力将在2027年翻番\n"
            "      speaker: ilham-aliyev\n      via: renmin-ribao\n"
        )
    result = cli("check", cwd=project_copy)
    assert result.returncode == 0, result.stderr
