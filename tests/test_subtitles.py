"""The ``subtitles`` reader: a recording's captions, WebVTT (``.vtt``) and SubRip (``.srt``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_site.errors import Problems
from archive_site.readers import Reading, detect_format, read_text
from bounds import within

FIXTURES = Path(__file__).parent / "fixtures/transcripts"


def _read(text: str, name: str = "x.capture.txt") -> tuple[Reading, list[tuple[int | None, str]]]:
    problems = Problems()
    reading = read_text(text, name, problems, fmt=detect_format(text, name))
    return reading, [(d.line, d.message) for d in problems]


def _texts(reading: Reading) -> list[tuple[int, str]]:
    return [(b.line, b.text) for b in reading.blocks]


def test_zoom_captions_are_turns_of_named_speakers() -> None:
    """Zoom's captions (walk57) were read as plain text: every cue's number and timing line
    was a paragraph. Under the name ``add`` copies them to (``.capture.txt``), they are
    known by their first line; each speaker's consecutive cues are one paragraph, their
    name said once; the line is the first cue's words'."""
    reading, problems = _read((FIXTURES / "zoom.vtt").read_text(encoding="utf-8"))
    assert reading.format == "subtitles" and problems == []
    assert _texts(reading) == [
        (5, "Aigerim Seitkali: Thank you for joining us, Minister. Let's start with the ferries."),
        (
            9,
            "Murat Nurtleu: Thank you. Since January we have added two new ferries to the "
            "Aktau line, and a third will come in the autumn. The waiting time at the port "
            "has fallen to three days.",
        ),
        (17, "Aigerim Seitkali: And the tariff dispute with Azerbaijan, is it settled?"),
        (
            21,
            "Murat Nurtleu: We signed a protocol on April 22. The new tariffs apply from the "
            "first of June.",
        ),
    ]
    assert dict(reading.fields) == {}  # no title, date or outlet: the archivist's


def test_teams_voices_open_their_turns() -> None:
    reading, problems = _read((FIXTURES / "teams.vtt").read_text(encoding="utf-8"))
    assert problems == []
    assert [t for _, t in _texts(reading)][:2] == [
        "Jane Roe: Good afternoon. Can you tell us when the new berth opens?",
        "Taleh Ziyadov: The second berth opens in June. We expect to handle one million "
        "containers a year by 2027.",
    ]


def test_subrip_cues_naming_no_speaker_are_sentences() -> None:
    """A video interview's SubRip file names no speaker: its cues join up to one ending a
    sentence (a caption breaks a sentence at any word), and no speaker is guessed."""
    reading, problems = _read((FIXTURES / "interview.srt").read_text(encoding="utf-8"))
    assert reading.format == "subtitles" and problems == []
    assert _texts(reading) == [
        (3, "Minister, thank you for talking to us."),
        (7, "It is a pleasure. The corridor is the most important project in our region today."),
        (12, "How much cargo crossed the Caspian last year?"),
        (16, "About four and a half million tonnes, twice as much as in 2022."),
    ]
    assert detect_format("1\n00:00:01,000 --> 00:00:04,200\nHi.\n", "x.srt") == "subtitles"


def test_markup_comments_and_headers_are_no_text() -> None:
    text = (
        "\ufeffWEBVTT - captions\nKind: captions\nLanguage: en\n\n"
        "NOTE made by the recorder\n\nSTYLE\n::cue { color: yellow }\n\n"
        "00:01.000 --> 00:04.000 align:start position:10%\n"
        "<c.yellow>Trade</c> <00:00:02.000><i>grew</i> &amp; ports\n"
        "<b>expanded</b>.\n"
    )
    reading, problems = _read(text)
    assert problems == []
    assert _texts(reading) == [(11, "Trade grew & ports expanded.")]


def test_subrip_cues_with_no_blank_line_between_are_parted() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:02,500 --> 00:00:03,000\nTwo.\n"
    reading, problems = _read(text, "x.srt")
    assert problems == [] and _texts(reading) == [(3, "One."), (6, "Two.")]


def test_a_block_that_is_no_cue_is_an_error_on_its_line() -> None:
    """Never a silent skip: words with no timing line are an error, on the first such
    block's line, saying what a cue is and how many more there are."""
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne.\n\n"
        "These words have no timing.\n\nNor these.\n"
    )
    reading, problems = _read(text)
    assert _texts(reading) == [(4, "One.")]
    ((line, message),) = problems
    assert line == 6
    assert message.startswith("not a cue of the subtitles: a cue is its timing line")
    assert message.endswith("(1 more blocks after it are no cue either)")


@pytest.mark.parametrize(
    "text",
    [
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + " " * 100_000 + "x\n",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nJane Roe: " + "a" * 1_000_000 + "\n",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000" + " " * 1_000_000 + "\nx\n",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + "<v a>" * 10_000 + "x" + "</v>" * 10_000,
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + "." * 500_000 + "'" * 500_000 + "\n",
    ],
)
def test_hostile_captions_are_read_in_linear_time(text: str) -> None:
    with within(1.0):
        _read(text)


def test_each_voice_of_a_cue_says_its_own_words() -> None:
    """A cue may hold two voices (WebVTT's own example: ``<v Roger>...</v>`` then ``<v
    Neil>...</v>``): the second's words were the first's, another speaker than the source
    gives. Each voice's words are now its own turn, on the line its voice opens."""
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n"
        "<v Roger Bingham>We are in New York City</v>\n<v Neil Tyson>Hi, Roger.</v>\n\n"
        "00:00:02.000 --> 00:00:04.000\n<v Neil Tyson>The port will close in July.\n"
    )
    reading, problems = _read(text)
    assert problems == []
    assert _texts(reading) == [
        (4, "Roger Bingham: We are in New York City"),
        (5, "Neil Tyson: Hi, Roger. The port will close in July."),
    ]


def test_a_voice_whose_name_holds_a_colon_is_said_once_whole() -> None:
    """The label said once of a speaker's next cues is the voice's whole name: a name
    holding a colon left its rest in the words ("Roe: ...")."""
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Dr: Roe>The port is open.\n\n"
        "00:00:02.000 --> 00:00:04.000\n<v Dr: Roe>It closes at 10:30 in July.\n"
    )
    reading, _ = _read(text)
    assert [t for _, t in _texts(reading)] == [
        "Dr: Roe: The port is open. It closes at 10:30 in July."
    ]


def test_an_article_whose_title_opens_with_webvtt_is_no_subtitles() -> None:
    """A plain-text article headed "WEBVTT at twenty: ..." was taken for subtitles and
    refused (every paragraph "not a cue"): a WebVTT file with words after its first word
    is subtitles only with a cue's arrow below; "WEBVTT" alone is still one."""
    text = (
        "WEBVTT at twenty: how captions reached every newsroom\n\nBy Jane Roe\n\n"
        "Broadcasters began publishing captions for their bulletins this year.\n"
    )
    reading, problems = _read(text)
    assert reading.format != "subtitles" and problems == []
    assert "Broadcasters began publishing captions" in reading.blocks[-1].text
    assert detect_format("WEBVTT\n\n", "x.capture.txt") == "subtitles"
    assert detect_format("WEBVTT - x\n\n00:01.000 --> 00:02.000\nHi.\n", "x.txt") == "subtitles"


def test_a_cue_of_two_speakers_by_dashes_gives_each_their_own_words() -> None:
    """Subtitles write two speakers in one cue as two lines, each opening with a dash: they
    were joined, ``- When will it open? - In May, but``, a quote of the cue across both
    speakers. Each dashed line is now a turn of its own (its dash kept, the mark of a turn
    the loader reads; its speaker unnamed, as the captions name none); the next cue goes on
    with the last. And SubRip's override tags (``{\\an8}``: the top of the picture), which
    players read as styles, are no words."""
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\n{\\an8}- When will the terminal open?\n"
        "-In May, but\n\n2\n00:00:04,000 --> 00:00:06,000\nonly for freight.\n\n"
        "3\n00:00:06,000 --> 00:00:08,000\nThe first ferry - the Baku - sails on the 5th.\n"
        "- with 40 trucks.\n\n4\n00:00:08,000 --> 00:00:09,000\n– Thank you.\n– Thanks.\n"
    )
    reading, problems = _read(srt, "x.srt")
    assert problems == []
    assert _texts(reading) == [
        (3, "- When will the terminal open?"),
        (4, "-In May, but only for freight."),
        # a first line with no dash: the cue is not read as two speakers'
        (12, "The first ferry - the Baku - sails on the 5th. - with 40 trucks."),
        (17, "– Thank you."),
        (18, "– Thanks."),
    ]
