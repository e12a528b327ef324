"""`archive-site suggest`: the date-mention finder on the seeds and on our fixtures."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

from archive_site.errors import Problems
from archive_site.load import load_archive
from archive_site.model import Paragraph, Published
from archive_site.readers import detect_format, read_text
from archive_site.suggest import mentions_in, mentions_in_paragraph, sentences, suggest
from archive_site.suggest.datewords import find_dates
from archive_site.text import sentence_spans
from bounds import within
from conftest import COMMENTARY, CONTENT, INTERVIEW, cli

FIXTURES = Path(__file__).parent / "fixtures"

#: Every dated milestone quote of the seeds: (milestone, article, paragraph, the date the words give).
SEED_QUOTED_DATES = [
    ("diplomatic-relations-established", INTERVIEW, "p3", "1992-04-02"),
    ("diplomatic-relations-established", COMMENTARY, "p3", "1992-04-02"),
    ("aliyev-working-visit-2014", INTERVIEW, "p39", "2014"),
    ("aliyev-state-visit-2015", INTERVIEW, "p39", "2015"),
    ("sco-dialogue-partner", INTERVIEW, "p28", "2016"),
    ("belt-and-road-forum-2019", INTERVIEW, "p17", "2019-04"),
    ("belt-and-road-forum-2019", INTERVIEW, "p39", "2019"),
    ("belt-and-road-forum-2019", INTERVIEW, "p37", "2019-04"),
    ("non-aligned-movement-chair", INTERVIEW, "p35", "2019/2023"),
    ("strategic-partnership-declaration", INTERVIEW, "p3", "2024-07-03"),
    ("strategic-partnership-declaration", COMMENTARY, "p2", "2024-07-03"),
    ("community-of-common-destiny", INTERVIEW, "p34", "2024"),
    ("sco-summit-astana-2024", INTERVIEW, "p30", "2024"),
    ("sco-summit-astana-2024", INTERVIEW, "p2", "2024-07"),
    ("first-export-train", INTERVIEW, "p10", "2024-11-24"),
    ("block-trains-2024", INTERVIEW, "p22", "2024"),
    ("chinese-officials-visit-azerbaijan", INTERVIEW, "p7", "2024"),
    ("chinese-tourists-double", INTERVIEW, "p23", "2024"),
    ("trade-2024", INTERVIEW, "p12", "2024"),
    ("transit-traffic-2024", INTERVIEW, "p22", "2024"),
    ("visa-free-regime", INTERVIEW, "p27", "2024"),
    ("china-sco-chairmanship", INTERVIEW, "p28", "2024/2025"),
    ("sco-summit-2025", INTERVIEW, "p28", "2025"),
]


@pytest.fixture(scope="module")
def seed_mentions() -> list[tuple[str, str, str, tuple[str, ...], str]]:
    archive = load_archive(CONTENT)
    return [
        (m.article, m.paragraph, m.date, m.existing, m.quote)
        for m in suggest(archive.articles, archive.milestones)
    ]


@pytest.mark.parametrize(("milestone", "article", "paragraph", "date"), SEED_QUOTED_DATES)
def test_every_date_a_milestone_quotes_is_found_with_the_milestone(
    seed_mentions: list[tuple[str, str, str, tuple[str, ...], str]],
    milestone: str,
    article: str,
    paragraph: str,
    date: str,
) -> None:
    archive = load_archive(CONTENT)
    quotes = [s.quote for m in archive.milestones if m.id == milestone for s in m.sources]
    assert quotes, milestone
    hits = [m for m in seed_mentions if m[:3] == (article, paragraph, date) and milestone in m[3]]
    assert hits, (milestone, article, paragraph, date)


def test_a_year_of_another_article_s_milestones_covers_no_mention() -> None:
    """``--new`` hid "grew by 20 percent last year" in a new article because eight milestones
    of 2024, none from that article, had its date: a year (or a month) is covered only by
    the milestones quoting the mention's paragraph; a day, by any milestone of that day."""
    from archive_site.suggest import Mention, with_existing

    archive = load_archive(CONTENT)
    of_2024 = {m.id for m in archive.milestones if m.date.edtf == "2024"}
    assert len(of_2024) > 2
    quoting = {
        m.id
        for m in archive.milestones
        if m.date.edtf == "2024"
        for s in m.sources
        if (s.article, s.paragraph) == (INTERVIEW, "p12")
    }
    day = next(m for m in archive.milestones if len(m.date.edtf) == 10)
    found = with_existing(
        [
            Mention("new-article", "p3", "2024", "Trade grew last year.", "last year"),
            Mention(INTERVIEW, "p12", "2024", "Trade grew last year.", "last year"),
            Mention(INTERVIEW, "p99", "2024", "A new event of 2024.", "2024"),
            Mention("new-article", "p4", day.date.edtf, "On that day.", "a day"),
        ],
        archive.milestones,
    )
    assert [set(m.existing) for m in found] == [set(), quoting, set(), {day.id}]
    assert quoting


def test_on_november_24_is_inferred_with_its_reasoning() -> None:
    archive = load_archive(CONTENT)
    (m,) = [m for m in suggest(archive.articles, archive.milestones) if m.date == "2024-11-24"]
    assert m.inferred and "first-export-train" in m.existing
    assert (
        m.quote
        == "On November 24, the first Azerbaijani train with export goods left Baku for China."
    )
    assert "gives no year" in m.basis and "21 April 2025" in m.basis and "2024" in m.basis


def test_nothing_is_suggested_from_furniture(
    seed_mentions: list[tuple[str, str, str, tuple[str, ...], str]],
) -> None:
    archive = load_archive(CONTENT)
    furniture = [f.text for a in archive.articles for f in a.furniture]
    assert not [m for m in seed_mentions if any(m[4] in f or f in m[4] for f in furniture)]
    # The EDnews "News line" dates (22.04.2025 ...) are furniture: never suggested.
    assert not [m for m in seed_mentions if m[2].startswith("2025-04-2")]


EXPECTED = yaml.safe_load((FIXTURES / "suggest-expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_mentions_are_exactly_the_marked_ones(name: str) -> None:
    spec = EXPECTED[name]
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    reading = read_text(text, name, Problems(), fmt=detect_format(text, path.name))
    day = spec.get("published") or reading.fields["published"].value
    published = dt.date.fromisoformat(str(day))
    found = set()
    for n, block in enumerate(reading.blocks, start=1):
        paragraph = Paragraph(f"p{n}", n, block.text, block.line)
        language = spec.get("language", "en")
        for m in mentions_in_paragraph(name, paragraph, published, language):
            assert m.quote in block.text  # verbatim
            found.add(f"{m.paragraph} {m.date}")
    assert found == set(spec["mentions"])


@pytest.mark.parametrize(
    "sentence",
    [
        "We may sign it, and the ministers may meet again.",
        "It marks the 10th anniversary of the 2nd forum and the 25th meeting.",
        "The port handled 2000 tonnes of grain in 1,992 containers.",
        "The meeting started at 20:15, the report on page 2015 said.",
        "It cost $2019 and 2024 people attended; resolution No. 2023 passed.",
        # numbers that name a thing (audit 28): an article of a code, a bus route, an ISBN,
        # a law's number with its own, a temperature, a time in hours
        "Under Article 2019 of the code, buses on route 2024 stopped.",
        "The book (ISBN 978-1-2019-2023-4) cites Law 2019-1428.",
        "It was 2019 degrees at 2030 hours.",
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert find_dates(sentence, dt.date(2025, 4, 21)) == []


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("It happened on April 2, 1992 and on 2 April 1992.", ["1992-04-02", "1992-04-02"]),
        ("In April 2019 and in 2016.", ["2019-04", "2016"]),
        ("Held on April 22-24, 2025 and 22–24 April 2025.", ["2025-04-22/2025-04-24"] * 2),
        ("In 2019-2023 and 2024-2025.", ["2019/2023", "2024/2025"]),
        ("From 2010 until 2015, and between 2016 and 2018.", ["2010/2015", "2016/2018"]),
        ("Last year, last July and this year.", ["2024", "2024-07", "2025"]),
        ("On November 24 the train left.", ["2024-11-24"]),
        ("The summit will be held on November 24.", ["2025-11-24"]),
        # A limit is no date: "by 2030" says on or before it, never 2030 itself.
        ("Exports should double by 2030, by the end of 2026.", ["[..2030]", "[..2026]"]),
        ("It opens before the end of 2025 or no later than May 2026.", ["[..2025]", "[..2026-05]"]),
        ("By July the road will be open.", ["[..2025-07]"]),
        ("It was signed by 2 countries in 2019; by 2015-2018 it grew.", ["2019", "2015/2018"]),
        # The tense of the verb nearest the date, not of the sentence ("will add" made the
        # Monday a company "said on" the next one):
        ("The company said on Monday that it will add two ferries.", ["2025-04-21"]),
        ("Talks held on Monday will go on.", ["2025-04-21"]),
        ("The talks, which were postponed, will be held on Monday.", ["2025-04-28"]),
        ("On Monday, the minister will visit Baku.", ["2025-04-28"]),
        ("The first train would leave in June, the company said.", ["2025-06"]),  # reported
        # an irregular verb's past is the past (walk-through 31: "spoke" was no verb, and
        # the deal's August 8, six days before the interview, was the next one, in 2026)
        (
            "Eurasianet spoke with him about the route the deal of April 8 would open.",
            ["2025-04-08"],
        ),
        ("The minister wrote on Monday that the line would reopen.", ["2025-04-21"]),
        ("Officials led talks on Friday on what would follow.", ["2025-04-18"]),
        # "is set to", and a passive after "expected to be": the future (the last Friday
        # and the last Thursday were read)
        ("Wang Yi is set to hold talks in Beijing on Friday.", ["2025-04-25"]),
        ("The loan agreement is expected to be signed on Thursday.", ["2025-04-24"]),
        # what one expects or intends, in the present, is to come (walk-through 30: "We
        # expect full loadings to resume in May", of April, was the May before)
        ("We expect full loadings to resume in May.", ["2025-05"]),
        ("The ministry intends to open the line in June.", ["2025-06"]),
        # ...but not in the past: "was about to", "was set to music", "had been expected"
        ("He was about to leave on Monday when the call came.", ["2025-04-21"]),
        ("The poem was set to music in March.", ["2025-03"]),
        ("The deal had been expected to be signed on Thursday.", ["2025-04-17"]),
        ("It would have opened in June.", ["2024-06"]),
        ("The line opened on April 2 and will close in September.", ["2025-04-02", "2025-09"]),
        # "Three years ago" is about then; "ten years ago today" a day.
        ("Three years ago, and 10 years ago today.", ["2022~", "2015-04-21"]),
        ("In the 1990's, trade grew.", ["1990/1999"]),  # not the year 1990 (audit 28)
        # a quarter or a half is of its year (audit 28: "Q3 2024" was no date, its "3 " a number)
        ("Revenue rose in Q3 2024 and in H1 2025.", ["2024", "2025"]),
        # news agencies' style, no "on" (audit 6): published on Monday 21 April 2025
        ("Shipping officials said Monday the ferry was full.", ["2025-04-21"]),
        ("The two leaders met Friday in Astana.", ["2025-04-18"]),
        # next week: a day of it, Sunday or Monday first (an article in English with no region)
        (
            "The talks, postponed Thursday, resume next week.",
            ["2025-04-17", "2025-04-27/2025-05-04"],
        ),
        ("Black Monday is remembered.", []),
        # a weekday before a date is the date's (audit 28: "Monday" was also the 21st)
        ("The forum opened on Monday, 28 April 2025.", ["2025-04-28"]),
        ("Officials said Monday, April 21, that it grew.", ["2025-04-21"]),
        ("On Monday the 21st of April they met.", ["2025-04-21"]),
        ("On Monday 20 people died.", ["2025-04-21"]),
        # ...and says which year a day without one is in: the one within a year of
        # publication in which it is that weekday (28 April 2024 was a Sunday), or none
        ("The forum was held on Monday, April 28.", ["2025-04-28"]),
        ("The forum was held on Sunday, April 28.", ["2024-04-28"]),
        ("The forum was held on Tuesday, April 28.", []),
    ],
)
def test_dates_at_the_precision_the_words_give(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 4, 21))] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "published", "dates"),
    [
        # A range of days is one interval, whatever joins its ends; with no year it is
        # resolved as a day with no year is (the latest such start on or before
        # publication), and inferred.
        ("en", "It was held from April 22 to 24.", "2025-04-23", [("2025-04-22/2025-04-24", True)]),
        ("en", "It was held April 22-24.", "2025-04-23", [("2025-04-22/2025-04-24", True)]),
        ("en", "It was held from April 22 to 24.", "2025-04-21", [("2024-04-22/2024-04-24", True)]),
        (
            "en",
            "It will be held from April 22 to 24.",
            "2025-04-23",
            [("2025-04-22/2025-04-24", True)],
        ),
        (
            "en",
            "It ran from April 22 to April 24, 2025.",
            "2025-04-23",
            [("2025-04-22/2025-04-24", False)],
        ),
        (
            "en",
            "It ran between 22 and 24 April 2025.",
            "2025-04-23",
            [("2025-04-22/2025-04-24", False)],
        ),
        (
            "en",
            "It ran August 31–September 1, 2025.",
            "2025-04-23",
            [("2025-08-31/2025-09-01", False)],
        ),
        (
            "en",
            "It ran August 31-September 1, 2025.",
            "2025-04-23",
            [("2025-08-31/2025-09-01", False)],
        ),
        (
            "en",
            "It ran 31 August – 1 September 2025.",
            "2025-04-23",
            [("2025-08-31/2025-09-01", False)],
        ),
        ("en", "Held on April 22-24, 2025.", "2025-04-23", [("2025-04-22/2025-04-24", False)]),
        # Two days joined by "and" are two days, not a range.
        (
            "en",
            "It met on April 2 and 24 April 2025.",
            "2025-04-23",
            [("2025-04-02", True), ("2025-04-24", False)],
        ),
        # Across the new year: the end is never before the start.
        (
            "en",
            "It ran from December 30 to January 2.",
            "2025-04-21",
            [("2024-12-30/2025-01-02", True)],
        ),
        (
            "en",
            "It ran December 30–January 2, 2025.",
            "2025-04-21",
            [("2024-12-30/2025-01-02", False)],
        ),
        ("en", "It ran from April 24 to 22.", "2025-04-23", [("2024-04-24", True)]),
        (
            "ru",
            "Форум прошёл 22–24 апреля в Баку.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", True)],
        ),
        (
            "ru",
            "Форум прошёл с 22 по 24 апреля 2025 года.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", False)],
        ),
        ("fr", "Le forum a eu lieu 22–24 avril.", "2025-04-24", [("2025-04-22/2025-04-24", True)]),
        (
            "fr",
            "Le forum a eu lieu du 22 au 24 avril 2025.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", False)],
        ),
        (
            "de",
            "Das Forum fand vom 22. bis 24. April statt.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", True)],
        ),
        (
            "de",
            "Das Forum fand 22.–24. April 2025 statt.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", False)],
        ),
        (
            "az",
            "Forum 22-24 aprel tarixində keçirilib.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", True)],
        ),
        (
            "tr",
            "Forum 22-24 Nisan tarihlerinde yapıldı.",
            "2025-04-24",
            [("2025-04-22/2025-04-24", True)],
        ),
        # "bis" and a year is a limit, as "by 2030" is.
        ("de", "Der Handel soll sich bis 2027 verdoppeln.", "2025-04-21", [("[..2027]", False)]),
        (
            "de",
            "Der Handel soll sich bis Ende 2026 verdoppeln.",
            "2025-04-21",
            [("[..2026]", False)],
        ),
        # A month of last year is one date: the words give its year, relative to publication.
        ("en", "It opened in July last year.", "2025-04-21", [("2024-07", True)]),
        ("en", "It opened in July of last year.", "2025-04-21", [("2024-07", True)]),
        ("en", "It opens in July next year.", "2025-04-21", [("2026-07", True)]),
    ],
)
def test_ranges_limits_and_months_of_a_relative_year(
    language: str, sentence: str, published: str, dates: list[tuple[str, bool]]
) -> None:
    """A range of days gave one end only, or each end separately (the first inferred even
    when the words gave its year); "bis 2027" was 2027; "in July last year" was two dates."""
    found = find_dates(sentence, dt.date.fromisoformat(published), language)
    assert [(d.edtf, d.inferred) for d in found] == dates


def test_a_range_says_how_it_was_read() -> None:
    (given,) = find_dates("It ran August 31–September 1, 2025.", dt.date(2025, 4, 23))
    assert "31 August to 1 September" in given.basis and "no year" not in given.basis
    (alone,) = find_dates("It was held from April 22 to 24.", dt.date(2025, 4, 23))
    assert "gives no year" in alone.basis and "23 April 2025" in alone.basis
    (month,) = find_dates("It opened in July last year.", dt.date(2025, 4, 21))
    assert "gives no year" not in month.basis and "July 2024" in month.basis


def test_a_day_its_month_has_not_is_its_month_saying_so() -> None:
    """Hostile66: "signed on 30 February 2025" was offered as "'February 2025': a month",
    the day the text gives dropped, as if the words named the month alone, and nothing
    said the day was none. The month is offered still, saying the day is no day of it; a
    real day, a leap year's 29 February, is the day."""
    pub = dt.date(2025, 4, 23)
    ((when, why),) = [
        (d.edtf, d.basis) for d in find_dates("It was signed on 30 February 2025.", pub)
    ]
    assert (when, why) == (
        "2025-02",
        "'30 February 2025': no such day (February 2025 has 28 days): its month",
    )
    found = find_dates("They met on April 31, 2025 and on 29 February 2024.", pub)
    assert [(d.edtf, d.basis) for d in found] == [
        ("2025-04", "'April 31, 2025': no such day (April 2025 has 30 days): its month"),
        ("2024-02-29", "'29 February 2024': a day"),
    ]


def test_sentences_keep_abbreviations_and_quotes_together() -> None:
    text = 'Trade with the U.S. grew. Dr. Smith said: "It is good." Then he left.'
    assert sentences(text) == [
        "Trade with the U.S. grew.",
        'Dr. Smith said: "It is good."',
        "Then he left.",
    ]
    # where each one is in the paragraph, white space around it left out (who says a quote
    # reads the sentences it spans: attribution)
    spaced = "  Trade grew.   Then he left. "
    assert [spaced[a:b] for a, b in sentence_spans(spaced)] == ["Trade grew.", "Then he left."]
    assert sentence_spans(spaced)[0] == (2, 13)


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        (
            "ru",
            "Отношения установлены 2 апреля 1992 года. В марте 2015 г. подписано соглашение.",
            [("2 апреля 1992", "1992-04-02"), ("марте 2015", "2015-03")],
        ),
        (
            "az",
            "Münasibətlər 2 aprel 1992-ci ildə qurulub. İyul 2015 tarixində saziş imzalanıb.",
            [("2 aprel 1992", "1992-04-02"), ("İyul 2015", "2015-07")],
        ),
        (  # as Azerbaijani news writes them: the year's ordinal, the month's genitive
            "az",
            "Əlaqələr 1992-ci il aprelin 2-də qurulub. Prezident aprelin 20-də Pekinə gedib. "
            "2024-cü ildə yükdaşıma artıb. 2019-cu ilin aprel ayında saziş imzalanıb.",
            [
                ("1992-ci il aprelin 2-də", "1992-04-02"),
                ("aprelin 20-də", "2025-04-20"),
                ("2024-cü ildə", "2024"),
                ("2019-cu ilin aprel ayında", "2019-04"),
            ],
        ),
        ("fr", "Les relations datent du 2 avril 1992.", [("2 avril 1992", "1992-04-02")]),
        ("de", "Sie wurden am 2. April 1992 aufgenommen.", [("2. April 1992", "1992-04-02")]),
        ("es", "Se establecieron el 2 de abril de 1992.", [("2 de abril de 1992", "1992-04-02")]),
        ("tr", "Anlaşma 3 Temmuz 2024 tarihinde imzalandı.", [("3 Temmuz 2024", "2024-07-03")]),
        (
            "zh",
            "两国于1992年4月2日建交。2015年12月，双方签署协议！",
            [("1992年4月2日", "1992-04-02"), ("2015年12月", "2015-12")],
        ),
        # a day without its year: the latest such day on or before publication, inferred
        ("ru", "Встреча прошла 22 апреля в Пекине.", [("22 апреля", "2024-04-22")]),
        # the next one when the verb speaks of the future, in any of these languages
        ("ru", "Встреча состоится 28 апреля.", [("28 апреля", "2025-04-28")]),
        # "kadar" is "until" and "by": on or before the next 27 April, not the past one
        ("tr", "Ziyaret 27 Nisan'a kadar sürecek.", [("27 Nisan", "[..2025-04-27]")]),
        ("az", "Forum 28 aprel tarixində keçiriləcək.", [("28 aprel", "2025-04-28")]),
        # French's future by its ending, its past by its auxiliary (audit 28: "se tiendra du
        # 28 au 30 avril" was read as the past April's days)
        (
            "fr",
            "Le forum se tiendra du 28 au 30 avril.",
            [("du 28 au 30 avril", "2025-04-28/2025-04-30")],
        ),
        ("fr", "Le sommet aura lieu le 3 mai.", [("3 mai", "2025-05-03")]),
        # the days of the week (audit 28: none was read but in English)
        ("ru", "Министр сообщил в понедельник.", [("в понедельник", "2025-04-21")]),
        ("ru", "В пятницу состоится форум.", [("В пятницу", "2025-04-25")]),
        (
            "fr",
            "Le ministre a indiqué lundi que le forum se tiendra vendredi.",
            [("lundi", "2025-04-21"), ("vendredi", "2025-04-25")],
        ),
        ("fr", "Chaque lundi, il y a marché.", []),
        # Spanish's and Italian's (session 43: none was read)
        ("es", "El presidente llegó el pasado martes.", [("el pasado martes", "2025-04-15")]),
        ("es", "Se firmó este miércoles.", [("este miércoles", "2025-04-16")]),
        ("es", "La reunión se celebrará el viernes.", [("el viernes", "2025-04-25")]),
        ("es", "Los martes hay mercado, y cada lunes también.", []),
        ("it", "Il ministro è arrivato martedì scorso.", [("martedì scorso", "2025-04-15")]),
        ("it", "Il vertice si terrà venerdì.", [("venerdì", "2025-04-25")]),
        ("it", "Il martedì c'è il mercato, e ogni lunedì.", []),
        # their future by its ending, or by "is expected"
        ("es", "Se prevé que la comisión se reúna en octubre.", [("en octubre", "2025-10")]),
        ("it", "La commissione si riunirà in ottobre.", [("in ottobre", "2025-10")]),
        ("de", "Am kommenden Freitag wird verhandelt.", [("Am kommenden Freitag", "2025-04-25")]),
        # French writes the first of the month "1er" (audit 28: "avril 2024" was read, a month)
        ("fr", "Le 1er avril 2024, l'accord a été signé.", [("1er avril 2024", "2024-04-01")]),
        (
            "fr",
            "L'accord a été signé le 3 mai, le forum se tiendra en juin.",
            [("3 mai", "2024-05-03"), ("en juin", "2025-06")],
        ),
        ("zh", "习近平4月20日会见阿利耶夫。", [("4月20日", "2025-04-20")]),
        # "last year", "this year", "next year" (audit 28: none was read but in English)
        (
            "ru",
            "В прошлом году товарооборот вырос, в этом году вырастет.",
            [("прошлом году", "2024"), ("этом году", "2025")],
        ),
        ("ru", "В прошлые годы было иначе.", []),
        (
            "az",
            "Ötən il ticarət artıb, gələn il artacaq.",
            [("Ötən il", "2024"), ("gələn il", "2026")],
        ),
        ("az", "Son illərdə ticarət artıb.", []),
        ("tr", "Geçen yıl ticaret arttı.", [("Geçen yıl", "2024")]),
        (
            "fr",
            "L’an dernier, et cette année.",
            [("L’an dernier", "2024"), ("cette année", "2025")],
        ),
        ("de", "Im vergangenen Jahr, nicht in den letzten Jahren.", [("vergangenen Jahr", "2024")]),
        ("zh", "去年贸易增长，明年将继续。", [("去年", "2024"), ("明年", "2026")]),
        # a decade is a decade (audit 28: each was the year 1990)
        (
            "ru",
            "В 1990-е годы и в 2000-х годах, а в 1990-м году.",
            [("1990-е", "1990/1999"), ("2000-х", "2000/2009"), ("1990", "1990")],
        ),
        ("az", "1990-cı illərdə əlaqələr qurulub.", [("1990-cı illərdə", "1990/1999")]),
        ("tr", "1990'lı yıllarda ticaret arttı.", [("1990'lı", "1990/1999")]),
        ("de", "In den 1990er Jahren wuchs er.", [("1990er Jahren", "1990/1999")]),
        ("fr", "Dans les années 1990, il a grandi.", [("les années 1990", "1990/1999")]),
        ("zh", "在1990年代，两国关系发展。", [("1990年代", "1990/1999")]),
        # a day of the lunar calendar is no Gregorian day (audit 28: 2024-08-15 was read)
        ("zh", "农历2024年8月15日，即2024年9月17日，是中秋节。", [("2024年9月17日", "2024-09-17")]),
        ("zh", "农历8月15日是中秋节。", []),
        # in English, other languages' month names are not months: "Mars 2020" is a rover
        (
            "en",
            "The Mars 2020 rover landed. Mai 2019 said so.",
            [("2020", "2020"), ("2019", "2019")],
        ),
    ],
)
def test_dates_in_an_article_in_another_language(
    language: str, text: str, found: list[tuple[str, str]]
) -> None:
    """suggest read dates in English only: an article in Russian, Azerbaijani or Chinese
    gave the archivist no day and no month at all."""
    paragraph = Paragraph("p1", 1, text, 1, "body", None, None)
    mentions = mentions_in_paragraph("a", paragraph, dt.date(2025, 4, 21), language)
    got = []
    for m in mentions:
        (words,) = [
            d for d in find_dates(m.quote, dt.date(2025, 4, 21), language) if d.edtf == m.date
        ]
        got.append((m.quote[words.start : words.end], m.date))
    assert got == found
    assert all(m.quote in text for m in mentions)


def test_sentences_end_as_other_scripts_end_them() -> None:
    """A sentence began only with a Latin capital: Cyrillic text was one sentence, and
    Chinese text, which ends its sentences with 。 and no space, was too."""
    assert sentences("Первое предложение. Второе! «Третье», сказал он.") == [
        "Первое предложение.",
        "Второе!",
        "«Третье», сказал он.",
    ]
    assert sentences("两国建交。双方签署协议！合作深化？好") == [
        "两国建交。",
        "双方签署协议！",
        "合作深化？",
        "好",
    ]
    assert sentences("Es war am 2. April. Dann kam 3. Danach.") == [
        "Es war am 2. April.",
        "Dann kam 3.",
        "Danach.",
    ]
    assert sentences("Trade grew 5. the rest did not.") == ["Trade grew 5. the rest did not."]


def test_suggest_command_json_and_new(project_copy: Path) -> None:
    result = cli("suggest", INTERVIEW, "--json", cwd=project_copy)
    assert (result.returncode, result.stderr) == (0, "")
    rows = json.loads(result.stdout)
    assert rows and all(
        list(r) == ["article", "paragraph", "date", "quote", "basis", "existing"] for r in rows
    )
    new = json.loads(cli("suggest", "--new", "--json", cwd=project_copy).stdout)
    assert new and all(r["existing"] == [] for r in new)
    assert len(new) < len(rows)

    # A new suggestion pasted into milestones.yaml passes the quote check.
    pick = next(r for r in new if r["date"] == "2023")
    milestones = project_copy / "content/milestones.yaml"
    with milestones.open("a", encoding="utf-8") as f:
        f.write(
            "\n- id: transit-traffic-2023\n"
            f"  date: {pick['date']}\n"
            "  title: Transit traffic between Azerbaijan and China in 2023\n"
            "  summary: The baseline the 2024 figure is compared with.\n"
            "  topics: [trade]\n"
            "  entities: [china]\n"
            "  sources:\n"
            f"    - article: {pick['article']}\n"
            f"      quote: {json.dumps(pick['quote'])}\n"
        )
    checked = cli("check", cwd=project_copy)
    assert checked.returncode == 0, checked.stderr
    again = json.loads(cli("suggest", "--new", "--json", cwd=project_copy).stdout)
    assert pick["quote"] not in [r["quote"] for r in again if r["date"] == "2023"]


def test_suggest_human_output_groups_by_article_new_first(project_copy: Path) -> None:
    result = cli("suggest", cwd=project_copy)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    heads = [line for line in lines if line and not line.startswith(" ")]
    assert [h.split(" ")[0] for h in heads] == [COMMENTARY, INTERVIEW]
    interview = lines[lines.index(heads[1]) + 1 :]
    statuses = [line.split()[2] for line in interview if line.startswith("  p")]
    assert statuses[0] == "new" and "new" not in statuses[statuses.index("on") :]


def test_suggest_reads_an_article_while_another_waits_for_its_metadata(
    project_copy: Path,
) -> None:
    """``suggest ID`` printed only the problems of another article, just added and not yet
    filled in (audit 6); without an id, or for an article with problems, it still does."""
    articles = project_copy / "content/articles"
    (articles / "new.capture.txt").write_text(
        "A story.\n\nIt happened in 2019.\n", encoding="utf-8"
    )
    (articles / "new.meta.yaml").write_text("kind:\n", encoding="utf-8")
    result = cli("suggest", INTERVIEW, "--json", cwd=project_copy)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) and {r["article"] for r in json.loads(result.stdout)} == {
        INTERVIEW
    }
    assert "problems elsewhere in the archive (run `archive-site check`)" in result.stderr
    assert cli("suggest", cwd=project_copy).returncode == 1
    assert cli("suggest", "new", cwd=project_copy).returncode == 1


def test_suggest_unknown_article_is_a_usage_error(project_copy: Path) -> None:
    result = cli("suggest", "no-such-article", cwd=project_copy)
    assert result.returncode == 2
    assert "unknown article id: no-such-article (see content/articles/)" in result.stderr
    # an archive of one's own names its own folder, not the seed's
    (project_copy / "content").rename(project_copy / "caspian")
    result = cli("suggest", "no-such-article", "--content", "caspian", cwd=project_copy)
    assert result.returncode == 2
    assert "unknown article id: no-such-article (see caspian/articles/)" in result.stderr


def test_suggest_names_the_article_an_unknown_id_likely_means(project_copy: Path) -> None:
    """A misspelt id, and the former id of a renamed article (its ``former_ids``), were told
    only where the articles are: each is now told the id to write."""
    articles = project_copy / "content/articles"
    old, new = "2025-04-21-aliyev-xinhua-interview", "2025-04-21-xinhua-interview"
    for suffix in (".capture.txt", ".meta.yaml"):
        (articles / f"{old}{suffix}").rename(articles / f"{new}{suffix}")
    meta = articles / f"{new}.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + f"former_ids: [{old}]\n", encoding="utf-8")
    for path in (project_copy / "content/milestones.yaml", *articles.glob("*.meta.yaml")):
        text = path.read_text(encoding="utf-8").replace(f"former_ids: [{old}]", "@@")
        path.write_text(text.replace(old, new).replace("@@", f"former_ids: [{old}]"), "utf-8")
    result = cli("suggest", old, "2025-04-21-xinhua-intervew", cwd=project_copy)
    assert result.returncode == 2
    assert (
        f"unknown article id: {old} ('{old}' is a former id of '{new}', in its 'former_ids': "
        f"write '{new}'; see content/articles/); unknown article id: 2025-04-21-xinhua-intervew "
        f"(did you mean '{new}'? see content/articles/)"
    ) in result.stderr


def test_an_unknown_article_id_is_told_with_its_control_characters_escaped(
    project_copy: Path,
) -> None:
    """An id holding ESC (pasted, or from a script) reached the terminal raw in the usage
    error, where it ran as an escape sequence (``ESC[2J`` cleared the screen)."""
    result = cli("suggest", "a\x1b[2Jb\u202e", cwd=project_copy)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "unknown article id: a\\x1b[2Jb\\u202e (see content/articles/)" in result.stderr


@pytest.mark.parametrize(
    ("sentence", "language", "published", "dates"),
    [
        # the clause the date is in: "welcomed ... on Wednesday", not the visit "expected to"
        (
            "Xi Jinping welcomed Ilham Aliyev in Beijing on Wednesday for a state visit"
            " expected to seal a partnership.",
            "en",
            dt.date(2025, 4, 23),
            ["2025-04-23"],
        ),
        # a quotation's own tense is not the date's
        (
            "As Tokayev put it during his call with Aliyev on April 23, “without modern ports"
            " the corridor will remain a bottleneck.”",
            "en",
            dt.date(2025, 4, 28),
            ["2025-04-23"],
        ),
        # a participle after an article or a possessive is no verb in the past (DW: the
        # talks "will hold ... on delimiting their shared border in May" were in May 2024)
        (
            "Azerbaijan and Armenia will hold a new round of talks on delimiting their shared"
            " border in May, the foreign ministries of both countries said on Thursday.",
            "en",
            dt.date(2025, 4, 24),
            ["2025-05", "2025-04-24"],
        ),
        (
            "The ministers will sign the revised text in May.",
            "en",
            dt.date(2025, 4, 24),
            ["2025-05"],
        ),
        # the present tense up to a day: still to come (TRT: "run until May 10" in an article
        # of 6 May 2025 was 10 May 2024); in the past, gone
        (
            "The drills involve about 3,000 troops, tanks and artillery units, and run until"
            " May 10.",
            "en",
            dt.date(2025, 5, 6),
            ["../2025-05-10"],  # (dates64: a time until that day, not the day)
        ),
        ("The drills lasted until May 2.", "en", dt.date(2025, 5, 6), ["../2025-05-02"]),
        ("The drills were held until May 10.", "en", dt.date(2025, 5, 6), ["../2024-05-10"]),
        # futures in Russian, German and Chinese
        ("Визит продлится до 24 апреля.", "ru", dt.date(2025, 4, 23), ["[..2025-04-24]"]),
        ("Переговоры пройдут 24 апреля в Пекине.", "ru", dt.date(2025, 4, 23), ["2025-04-24"]),
        ("双方将于8月31日在天津举行会谈。", "zh", dt.date(2025, 4, 25), ["2025-08-31"]),
        # in traditional characters, Taiwan's; "will stay until"; Japanese "is scheduled"
        # (audit 12: the day before publication's year)
        ("雙方將於4月28日簽署協議。", "zh-TW", dt.date(2025, 4, 22), ["2025-04-28"]),
        ("代表團將停留至4月25日。", "zh-TW", dt.date(2025, 4, 22), ["../2025-04-25"]),
        ("会談は5月1日に行われる予定だ。", "ja", dt.date(2025, 4, 22), ["2025-05-01"]),
        ("双方于4月20日签署协议。", "zh", dt.date(2025, 4, 22), ["2025-04-20"]),
    ],
)
def test_the_tense_a_dates_own_words_have(
    sentence: str, language: str, published: dt.date, dates: list[str]
) -> None:
    """Past events were put a week or a year ahead by a future verb in a later clause or in
    a quotation, and future ones a year back in Russian, German and Chinese (audit 5)."""
    assert [d.edtf for d in find_dates(sentence, published, language)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # the speech is of 2019: its "last year" is 2018, not the year before publication
        ("“Last year we signed 20 agreements,” Aliyev said in a 2019 speech.", ["2019"]),
        ("In a 2019 speech, Aliyev said: “On Monday we met.”", ["2019"]),
        # said now, or the year outside the quotation not before publication: as before
        ("“Last year we signed 20 agreements,” Aliyev said on Monday.", ["2024", "2025-01-13"]),
        ("Last year, as he said in 2019, “we grew”.", ["2024", "2019"]),
    ],
)
def test_a_quotation_said_in_an_earlier_year_is_no_anchor(sentence: str, dates: list[str]) -> None:
    """Audit 28: "last year" quoted from a speech the sentence dates to 2019 was read as
    the year before publication (2024): words relative to when they were said are read
    against no day when the sentence says they were said in an earlier year."""
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 1, 15))] == dates


@pytest.mark.parametrize(
    ("published", "dateline", "dates"),
    [
        # the page is of the 24th; the story, its dateline says, of the 23rd
        (Published(dt.date(2025, 4, 24)), "BAKU, April 23 (Reuters) -", ["2025-04-22"]),
        (Published(dt.date(2025, 4, 24)), None, ["2025-04-23"]),
        # an article dated to the month: its dateline gives the day; without one, none
        (
            Published(dt.date(2025, 4, 1), precision="month"),
            "BAKU, April 23 (AP) —",
            ["2025-04-22"],
        ),
        (Published(dt.date(2025, 4, 1), precision="month"), None, []),
        # a dateline of another month than the article's is not its day
        (Published(dt.date(2025, 4, 1), precision="month"), "BAKU, May 2 (AP) —", []),
    ],
)
def test_relative_words_are_read_against_the_dateline_s_day(
    published: Published, dateline: str | None, dates: list[str]
) -> None:
    """Audit 28: "yesterday" in a story datelined "April 23" on a page of 24 April was read
    as the 23rd, against the page's day, not the day the story was written; and an article
    dated to the month gave no day though its dateline names one."""
    article = next(a for a in load_archive(CONTENT).articles if a.id == INTERVIEW)
    article = dataclasses.replace(
        article,
        published=published,
        dateline=dateline,
        paragraphs=(Paragraph("p1", 1, "The minister arrived yesterday.", 1),),
    )
    found = mentions_in(article)
    assert [m.date for m in found] == dates
    assert all(("dateline" in m.basis) == (dateline is not None) for m in found)


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("Between April and June 2024, traffic rose.", ["2024-04/2024-06"]),
        (
            "From March to May 2023 it grew, and in May-July 2024.",
            ["2023-03/2023-05", "2024-05/2024-07"],
        ),
        # the last month names the year: a range crossing one begins the year before
        ("From December to February 2025 it snowed.", ["2024-12/2025-02"]),
        ("In December–February 2025 it snowed.", ["2024-12/2025-02"]),
    ],
)
def test_a_range_of_months_is_the_months(sentence: str, dates: list[str]) -> None:
    """Audit 28: "between April and June 2024" was June 2024 (the range's last month, as if
    the text said no more), "from December to February 2025" February 2025 alone."""
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 1, 15))] == dates


@pytest.mark.parametrize(
    ("published", "dates"),
    [
        # the same whichever day of the month or the year: read; else not
        (Published(dt.date(2025, 4, 1), precision="month"), ["2024", "2025-03"]),
        (Published(dt.date(2025, 1, 1), precision="year"), ["2024"]),
    ],
)
def test_an_article_dated_to_the_month_or_year_reads_what_it_can(
    published: Published, dates: list[str]
) -> None:
    """Audit 28: "last year" in an article of 2025 is 2024 whatever its day, but an article
    dated only to the month or the year gave no relative date at all; "yesterday", "on
    Monday", "April 23" (which April 23, in an article of April 2025?) it still does not."""
    article = next(a for a in load_archive(CONTENT).articles if a.id == INTERVIEW)
    text = "Trade grew last year, and last month; yesterday, on Monday, and on April 23."
    article = dataclasses.replace(
        article, published=published, dateline=None, paragraphs=(Paragraph("p1", 1, text, 1),)
    )
    found = mentions_in(article)
    assert [m.date for m in found] == dates
    assert all(published.display() in m.basis and "whichever day" in m.basis for m in found)


def test_a_sentence_of_thousands_of_dates_reads_each_date_near_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hostile review 28: 'April 2, ' 5,500 times in one paragraph (a 50 KB capture, no full
    stop) kept suggest busy for over a minute, as each date read the whole sentence for its
    tense several times; each is read once, in the characters around it (see REACH)."""
    from archive_site.suggest import datewords

    read: list[int] = []
    real = datewords._future

    def counted(sentence: str, start: int, end: int, french: bool) -> bool:
        read.append(len(sentence))
        return real(sentence, start, end, french)

    monkeypatch.setattr(datewords, "_future", counted)
    sentence = "April 2, " * 3000 + "it will open."
    found = find_dates(sentence, dt.date(2025, 4, 23))
    assert len(found) == 3000 and {d.edtf for d in found} == {"2025-04-02", "2026-04-02"}
    assert max(read) <= 2 * datewords.REACH + len("April 2")
    assert found[-1].edtf == "2026-04-02"  # the verb near it: the future
    assert found[0].edtf == "2025-04-02"  # no verb within reach: the latest April 2


class _Counted(str):
    """A text that counts the characters copied out of it."""

    copied = 0

    def __getitem__(self, key: int | slice) -> str:  # type: ignore[override]
        part = str.__getitem__(self, key)
        _Counted.copied += len(part)
        return part


@pytest.mark.parametrize("unit", ["Mr. A ", "1. April ", "x. Y ", "U.S. "])
def test_a_paragraph_of_thousands_of_abbreviations_is_read_once(unit: str) -> None:
    """Hostile review 28: a paragraph of 'Mr. A ' 8,000 times (48 KB), each full stop no
    end of a sentence, took 9 s to cut into sentences (32,000: minutes), in the build (a
    quote's words of saying) and in suggest: the word before each full stop was looked for
    in all the text since the last sentence's end; it is read back from the full stop."""
    text = _Counted(unit * 2000 + "End.")
    _Counted.copied = 0
    assert [(a, b) for a, b in sentence_spans(text)] == [(0, len(text))]
    assert _Counted.copied <= 4 * len(text)  # (before: 12 million for these 12 thousand)


def test_a_sentence_of_thousands_of_dates_is_not_quoted_whole_for_each() -> None:
    """Hostile review 28: a paragraph of 6,000 months ('Jan 1600, Feb 1600, ...', a 68 KB
    capture) made suggest print 361 MB (1.1 GB of memory): each mention quoted the whole
    sentence; it quotes the whole words within QUOTE_REACH characters of its date."""
    from archive_site import suggest as suggesting

    months = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    text = ", ".join(f"{m} {y}" for y in range(1700, 1900) for m in months) + " were listed."
    found = mentions_in_paragraph("a", Paragraph("p1", 1, text, 1), dt.date(2025, 4, 23))
    assert len(found) == 200 * 11
    limit = 2 * suggesting.QUOTE_REACH + len("Jan 1800")
    assert all(len(m.quote) <= limit and m.quote in text for m in found)
    (mention,) = [m for m in found if m.date == "1800-06"]
    at = text.find(" Jun 1800,") - text.find(mention.quote)
    assert 0 < at < len(mention.quote) - len(" Jun 1800,")
    assert set(mention.quote.split()) <= set(text.split())  # whole words
    short = "It opened in Jun 1800, they said."
    (whole,) = mentions_in_paragraph("a", Paragraph("p1", 1, short, 1), dt.date(2025, 4, 23))
    assert whole.quote == short


@pytest.mark.parametrize("line", [".", "!?", "…"])
def test_a_line_of_thousands_of_full_stops_is_cut_at_once(line: str) -> None:
    """Hostile review 28: a capture with a line of 20,000 dots (no space) took suggest 27 s
    to cut into sentences (the build's reading of words of saying too; 200,000: an hour):
    the end of a sentence was looked for from each dot to the line's end.  Read in a process
    of its own, bounded at 100 times what it takes now."""
    import subprocess
    import sys

    code = (
        "from archive_site.text import sentence_spans\n"
        f"assert sentence_spans({line!r} * 100_000 + 'a') == [(0, {len(line) * 100_000 + 1})]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=10)


def test_the_words_before_a_date_are_read_back_from_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hostile review 28: a capture of '© 2025 ' 28,000 times took suggest 23 s: each
    year's words before it ('No.', 'by', 'Monday,', 'Q3') were looked for from each
    character of the sentence before it (up to its reach); they are read in its last words."""
    from archive_site.suggest import datewords

    widths: list[int] = []

    class Spy:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
            widths.append(min(endpos, len(text)) - pos)
            return self.pattern.search(text, pos, endpos)

    for name in ("_BEFORE_NOT_YEAR", "_PART_OF_YEAR", "_BY", "_WEEKDAY_BEFORE", "_ABOUT"):
        monkeypatch.setattr(datewords, name, Spy(getattr(datewords, name)))
    found = find_dates("© 2025 " * 500 + "by 2030, on Monday, April 28.", dt.date(2025, 4, 23))
    assert [d.edtf for d in found[-2:]] == ["[..2030]", "2025-04-28"]
    assert widths and max(widths) <= 80, max(widths)


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # the year is the one the sentence named before, not the latest from publication
        (
            "The war in the autumn of 2020 ended with a ceasefire signed on November 9-10.",
            ["2020"],
        ),
        # ...but with "that year", the year named before it is its (dates64), and none named,
        # none
        ("The contract was terminated in 2020, in January that year.", ["2020", "2020-01"]),
        ("It was frozen in 2019 and thawed on 3 May.", ["2019"]),
        ("The talks began in 2018 and the deal came in March.", ["2018"]),
        # ...in the clause before, which its own goes on with (walk-through 30: "the 4th of
        # June" of an engineer's memory of 2006 was suggested as 4 June 2024)
        (
            "It arrived at the end of May 2006, and the first tanker sailed on the 4th of June.",
            ["2006-05"],
        ),
        ("The line opened in 2006, then closed in March.", ["2006"]),
        ("Talks collapsed in January of the following year.", []),
        ("A treaty was signed in 2021; in June the same year, troops left.", ["2021", "2021-06"]),
        # a day named first, or a year still to come, leaves the day as it was
        (
            "The ministry said on May 5 that the consulate, agreed in 2019, opened.",
            ["2025-05-05", "2019"],
        ),
        ("Traffic doubles by 2030, the report of April 30 said.", ["[..2030]", "2025-04-30"]),
        ("On Monday officials said the route, launched in 2014, grew.", ["2025-05-19", "2014"]),
        ("The road, opened in 2004, carried 1,998 trucks in July.", ["2004", "2024-07"]),
    ],
)
def test_a_day_without_its_year_after_an_earlier_year_is_not_guessed(
    sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 21))] == dates


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # the future's participle, its k softened before a vowel: "-acağını", "-eceğini",
        # Azerbaijani's "-əcəyini": a day to come, not the latest such day before publication
        ("Bakan, anlaşmanın 3 Ekim'de imzalanacağını söyledi.", "tr", ["2025-10-03"]),
        ("Bakanlık, zirvenin 12 Eylül'de yapılacağını duyurdu.", "tr", ["2025-09-12"]),
        ("Yetkililer heyetin 20 Ağustos'ta geleceğini belirtti.", "tr", ["2025-08-20"]),
        ("Nazir görüşün 3 oktyabr tarixində keçiriləcəyini bildirib.", "az", ["2025-10-03"]),
        # and a day past stays past
        ("Bakan, anlaşmanın 3 Ekim'de imzalandığını söyledi.", "tr", ["2024-10-03"]),
    ],
)
def test_a_turkish_or_azerbaijani_future_participle_is_the_future(
    sentence: str, language: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 7, 9), language)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # a year naming the goals set for it is no date of an event
        ("Our 2030 targets are realistic.", []),
        ("The ministry said its 2035 goals for rail freight would be met.", []),
        ("The 2050 objectives were set by the cabinet.", []),
        ("The 2019 target of 5 million tonnes was met in 2021.", ["2021"]),
        # and a year before other words stays a year
        ("The 2008 war shaped the region.", ["2008"]),
    ],
)
def test_a_year_naming_targets_is_no_date(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 21))] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # decades and years in words, ago: about then
        ("A decade ago, such a statement was unthinkable.", ["2015~"]),
        ("Two decades ago the border was closed.", ["2005~"]),
        ("Twenty years ago nobody would have predicted it.", ["2005~"]),
        ("Fifteen years ago the pipeline opened.", ["2010~"]),
        ("A year ago the talks stalled.", ["2024~"]),
        ("Half a century ago the dam was built.", []),
    ],
)
def test_decades_and_years_in_words_ago_are_about_then(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 21))] == dates


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # a year after a comma and a space is a year: a list of them, a clause begun by one
        ("The summits were held in 2004, 2006 and 2008.", "en", ["2004", "2006", "2008"]),
        ("In Aktau, 2019 was a record year.", "en", ["2019"]),
        ("Enerji işbirliği, 2006'da yeni bir aşamaya geçti.", "tr", ["2006"]),
        ("Отношения, 2015 год стал для них важным.", "ru", ["2015"]),
        # a comma with no space is a number's: "1,2019" is no year
        ("The fund held 1,2019 shares.", "en", []),
    ],
)
def test_a_year_after_a_comma_and_a_space_is_a_year(
    sentence: str, language: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 21), language)] == dates


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # a month alone, "in" it, as the other languages write it: the latest such month,
        # or the next when the sentence speaks of the future, as in English
        ("Le sommet se tiendra en octobre à Tachkent.", "fr", ["2025-10"]),
        ("L'accord a été signé en février.", "fr", ["2025-02"]),
        ("Im März hatte die Regierung das Gesetz verabschiedet.", "de", ["2025-03"]),
        ("В марте министры провели переговоры.", "ru", ["2025-03"]),
        ("El acuerdo se firmó en enero.", "es", ["2025-01"]),
        ("L'accord a été signé en mars 2020.", "fr", ["2020-03"]),
        ("Les travaux, lancés en 2019, ont repris en mai.", "fr", ["2019", "2025-05"]),
    ],
)
def test_a_month_alone_in_another_language_is_read_as_in_english(
    sentence: str, language: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 21), language)] == dates


def test_the_list_says_which_dates_the_words_do_not_give_whole() -> None:
    """In a list of a dozen articles' mentions, a date whose year (or day) the words do not
    give, inferred from the publication day, looked as sure as one written out in full."""
    from archive_site.commands.suggest import human

    paragraph = Paragraph("p1", 1, "Talks began on 3 May 2019 and resumed on Tuesday.", 1)
    mentions = mentions_in_paragraph("a", paragraph, dt.date(2025, 5, 21))
    lines = [line for line in human("a", "2025-05-21", mentions) if line.startswith("  p")]
    assert [line.split()[1:] for line in lines] == [
        ["2019-05-03", "new"],
        ["2025-05-20", "new,", "inferred"],
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # a limit as French and Russian write "by": on or before, never the year itself
        ("Le trafic doit doubler d'ici 2030.", "fr", ["[..2030]"]),
        ("Le port sera achevé d'ici à 2027, selon le ministre.", "fr", ["[..2027]"]),
        ("Le chantier doit finir d'ici la fin de 2026.", "fr", ["[..2026]"]),
        ("К 2030 году товарооборот достигнет 70 млрд долларов.", "ru", ["[..2030]"]),
        ("Товарооборот вырос к 2024 году вдвое.", "ru", ["[..2024]"]),
        # and a year that is no limit stays a year
        ("В 2013 году Си Цзиньпин выступил в Астане.", "ru", ["2013"]),
    ],
)
def test_a_limit_in_french_or_russian_is_a_limit(
    sentence: str, language: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 21), language)] == dates


def test_a_run_of_spaces_after_a_date_is_read_once() -> None:
    """'The talks opened on April 1', 20,000 spaces and a word took ``suggest`` 3.9 s, and
    its cost grew as the square of the run (100,000 spaces: minutes; hostile review 30): a
    date's guard against a number after it ('April 1 - 3', 'April 1, 2'), two runs of
    spaces around an optional dash or comma, divided each run every way.  Its first run is
    taken whole (possessive: what follows is no space, so the same texts are read), which
    no pattern of the grammar now lacks (counted: a pattern's runs of spaces split so), and
    a long run reads as a short one does."""
    from archive_site.suggest import datewords

    split = re.compile(r"\\s[*+](?![+?])(?:\[[^\]]*\]|\\.|[^\\(\[|)])\?\\s[*+]")
    patterns = datewords.grammar() + datewords.other_grammar()
    assert [m[0] for p, _ in patterns for m in split.finditer(p.pattern)] == []
    day = dt.date(2025, 3, 3)
    for words in ("April 1", "1 April", "April 22-24", "22-24 April", "22 апреля"):
        language = "ru" if "апреля" in words else "en"
        short = [d.edtf for d in find_dates(f"{words} x", day, language)]
        assert short  # each is read as a date
        for tail in ("x", "- 3", ", 2"):
            long = find_dates(words + " " * 20_000 + tail, day, language)
            assert [d.edtf for d in long] == [
                d.edtf for d in find_dates(f"{words} {tail}", day, language)
            ]


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # audit 61: "circa 2015", "around 2010" were the years themselves, exact; "c. 1920"
        # was no date at all (a stop before a year was a page's number's)
        ("en", "The line opened around 2010 and closed circa 2015.", ["2010~", "2015~"]),
        ("en", "Construction started in approximately 2012.", ["2012~"]),
        ("en", "The port expanded in about 2008, officials said.", ["2008~"]),
        ("en", "It was built c. 1920 and rebuilt ca. 1950.", ["1920~", "1950~"]),
        ("en", "The deal was signed around April 24, 2025.", ["2025-04-24~"]),
        ("ru", "Порт построен примерно в 2010 году, а мост около 2015 года.", ["2010~", "2015~"]),
        ("fr", "Le port a été construit vers 2010.", ["2010~"]),
        ("de", "Der Hafen wurde um 2010 gebaut.", ["2010~"]),
        ("es", "El puerto se construyó hacia 2010.", ["2010~"]),
        ("az", "Liman təxminən 2010-cu ildə tikilib.", ["2010~"]),
        # ...and what held: a year alone, a page's number, a range ("about 2019-2021": its
        # years), "etc." before a year
        ("en", "In 2010 they met; see p. 2014.", ["2010"]),
        ("en", "It ran for about 2019-2021.", ["2019/2021"]),
        ("en", "Ports, rails etc. 2014 was a good year.", []),
    ],
)
def test_an_approximate_date_is_suggested_as_approximate(
    language: str, sentence: str, dates: list[str]
) -> None:
    found = find_dates(sentence, dt.date(2025, 4, 23), language)
    assert [d.edtf for d in found] == dates
    assert all("about then" in d.basis for d in found if d.edtf.endswith("~"))


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # audit 61: "12 April '98" was 12 April 2025 (a day of no year, the latest before
        # publication), "in April ’98" April 2025: the year is there, in two digits
        ("The contract was signed on 12 April '98.", []),
        ("It opened on April 12, ’98 in Baku.", []),
        ("It opened in April ’98.", []),
        ("It opened on April 12 in Baku.", ["2025-04-12"]),
        # "by mid-2026" was 2026 itself: a limit, as "by 2026" is
        ("Work ends by mid-2026, the rest by early 2027.", ["[..2026]", "[..2027]"]),
        ("By late 2026 it will open; it opened in mid-2024.", ["[..2026]", "2024"]),
    ],
)
def test_a_two_digit_year_and_a_limit_in_part_of_a_year(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 4, 23))] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # audit 61: "4月23日至25日" (from 23 to 25 April) was the 23rd alone, one day of
        # three; Japanese writes the range with "〜"
        ("论坛于4月23日至25日举行。", [("2025-04-23/2025-04-25", True)]),
        ("论坛于2025年4月23日～25日举行。", [("2025-04-23/2025-04-25", False)]),
        ("论坛将于4月30日至5月2日举行。", [("2025-04-30/2025-05-02", True)]),
        ("会议于2024年12月30日至1月2日举行。", [("2024-12-30/2025-01-02", False)]),
        ("フォーラムは4月23日〜25日に開かれた。", [("2025-04-23/2025-04-25", True)]),
        # ...and what held: a day, a day of no year, a lunar calendar's range (none)
        (
            "双方于2025年4月22日签署协议。4月20日抵达。",
            [("2025-04-22", False), ("2025-04-20", True)],
        ),
        ("农历4月23日至25日举行。", []),
    ],
)
def test_a_range_of_days_in_chinese_and_japanese(
    sentence: str, dates: list[tuple[str, bool]]
) -> None:
    found = find_dates(sentence, dt.date(2025, 4, 23), "ja" if "フ" in sentence else "zh")
    assert [(d.edtf, d.inferred) for d in found] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # audit 62: a day in numbers was its year alone ("22/04/2025": 2025); read now when a
        # number over 12, or the article's language and region, says the order
        ("en", "It was signed on 22/04/2025 in Baku.", ["2025-04-22"]),
        ("en", "It was signed on 04/22/2025 in Baku.", ["2025-04-22"]),
        ("en", "It was signed on 22-04-2025 in Baku.", ["2025-04-22"]),
        ("en", "It was signed on 2025/4/22 in Baku.", ["2025-04-22"]),
        ("en", "It was signed on 04/05/2025 in Baku.", ["2025"]),  # which is the day?
        ("zh", "协议于 04/05/2025 签署。", ["2025"]),
        ("en-US", "It was signed on 04/05/2025 in Baku.", ["2025-04-05"]),
        ("en-GB", "It was signed on 04/05/2025 in Baku.", ["2025-05-04"]),
        ("ru", "Договор подписан 04/05/2025 в Баку.", ["2025-05-04"]),
        ("en", "It was signed on 31/02/2025.", ["2025"]),  # no such day
        ("en", "Neither 12/12/20255 nor 1/2/3/4 is a day.", []),
        ("en", "It was signed on 22.04.25 in Baku.", []),  # which century?
        # digits of other scripts, and Chinese numerals before 年, 月, 日
        ("zh", "２０２５年４月２２日签署。", ["2025-04-22"]),
        ("ja", "２０２５年４月２２日に署名された。", ["2025-04-22"]),
        ("ar", "في عام ٢٠٢٥ وقع الاتفاق.", ["2025"]),
        ("fa", "این قرارداد در سال ۲۰۲۵ امضا شد.", ["2025"]),
        ("fa", "این قرارداد در سال ۱۳۹۸ امضا شد.", []),  # Solar Hijri: no Gregorian year
        ("zh", "二〇二五年四月签署。", ["2025-04"]),
        ("zh", "二〇一五年四月二十二日签署。", ["2015-04-22"]),
        ("zh", "十年前签署，三个月后生效。", []),  # ten years, three months: counts
        # relative words in Chinese, Japanese, Russian, Azerbaijani, Turkish (the article of
        # Thursday 24 April 2025)
        ("zh", "昨天签署了协议。", ["2025-04-23"]),
        ("ja", "昨日、協定が署名された。", ["2025-04-23"]),
        ("zh", "上周三签署了协议。", ["2025-04-16"]),  # last week's Wednesday
        ("zh", "双方将于下周三签署协议。", ["2025-04-30"]),
        ("zh", "外交部发言人周三表示。", ["2025-04-23"]),
        ("zh", "每周三举行，一周一次。", []),  # every Wednesday; once a week
        ("zh", "上周签署了协议。", ["2025-04-14/2025-04-20"]),  # a day of the week before
        ("zh", "上个月签署了协议，今年生效，去年谈判。", ["2025-03", "2025", "2024"]),
        ("ja", "昨年署名され、来年発効する。", ["2024", "2026"]),
        ("ru", "Вчера подписали договор.", ["2025-04-23"]),
        ("ru", "Позавчера подписали договор.", []),
        ("ru", "В прошлом месяце подписали договор, в прошлом году начали.", ["2025-03", "2024"]),
        ("az", "Dünən müqavilə imzalanıb, keçən il danışıqlar başlayıb.", ["2025-04-23", "2024"]),
        ("az", "Keçən ay müqavilə imzalanıb.", ["2025-03"]),
        ("tr", "Dün anlaşma imzalandı.", ["2025-04-23"]),
        ("fr", "Il est arrivé hier.", ["2025-04-23"]),
        ("de", "Wir sind hier.", []),  # German's "hier" is "here"
        # a time still going on: an open interval, not the year as an event
        ("en", "The plant has operated since 1992.", ["1992/.."]),
        ("en", "The plant operated from 1992 onwards.", ["1992/.."]),
        ("en", "It has been closed ever since April 2019.", ["2019-04/.."]),
        ("en", "It opened in 1992, from which it grew.", ["1992"]),
        ("fr", "Depuis 2015, le port fonctionne.", ["2015/.."]),
        ("de", "Seit 2017 hat Usbekistan seine Wirtschaft geöffnet.", ["2017/.."]),
        ("zh", "自1992年以来，该厂一直运营。", ["1992/.."]),
        ("zh", "从2019年起，该厂一直运营。", ["2019/.."]),
        ("zh", "该法于2019年起草。", ["2019"]),  # drafted in 2019
        (
            "ru",
            "Порт работает с 2015 года, а терминал с апреля 2019 года.",
            ["2015/..", "2019-04/.."],
        ),
        ("ru", "Порт работал с 2015 года по 2020 год.", ["2015/2020"]),  # a range, not "since"
        ("ru", "Встреча с 2015 годом не связана.", ["2015"]),  # "with", not "since"
        ("az", "Liman 2015-ci ildən bəri işləyir.", ["2015/.."]),
        (
            "tr",
            "Liman 2015'ten beri, terminal 2019 yılından bu yana çalışıyor.",
            ["2015/..", "2019/.."],
        ),
        ("en", "It has grown since the 1990s.", ["1990/1999"]),  # a range as it is
        # one of two is neither, nor both; what the words do give is
        ("en", "It will open sometime in 2027 or 2028.", []),
        ("en", "The two sides met in 2019, 2020 or 2021.", []),
        ("ru", "Откроется в 2027 или 2028 году.", []),
        ("zh", "双方预计于2027或2028年开通，2019年或2020年签署。", []),
        ("zh", "2019年和2020年签署。", ["2019", "2020"]),
        ("en", "It opened in April or May 2025.", ["2025"]),
        ("en", "It opened on 22 or 23 April 2025.", ["2025-04"]),
        ("en", "It opened on April 22 or 23, 2025.", ["2025"]),
        (
            "en",
            "In 2019 or so the plant opened, in 2020 and 2021 it grew.",
            ["2019", "2020", "2021"],
        ),
    ],
)
def test_numbers_other_digits_relative_words_open_and_either_dates_are_read_as_written(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 4, 24), language)] == dates


def test_a_date_in_other_digits_is_quoted_and_explained_in_the_sentence_s_own_words() -> None:
    sentence = "据报道，协议于二〇二五年四月二十二日在北京签署。"
    [words] = find_dates(sentence, dt.date(2025, 4, 24), "zh")
    assert sentence[words.start : words.end] == "二〇二五年四月二十二日"
    assert words.basis == "'二〇二五年四月二十二日': a day"
    [words] = find_dates("签署于２０２５年４月２２日。", dt.date(2025, 4, 24), "zh")
    assert words.basis == "'２０２５年４月２２日': a day"
    [words] = find_dates("It was signed on 04/05/2025.", dt.date(2025, 4, 24), "en-US")
    assert "the month first, as the article's language and region write it" in words.basis


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "1/" * 50_000 + "2025",
        "12/12/" * 20_000,
        "2019 or " * 12_500,
        "二" * 100_000 + "年",
        "２" * 100_000,
        "上周" * 50_000,
        "since " * 20_000 + "1992",
    ],
)
def test_the_new_forms_take_linear_time_on_hostile_text(text: str) -> None:
    with within(10):
        find_dates(text, dt.date(2025, 4, 24), "zh")


@pytest.mark.parametrize(
    ("language", "order"),
    [
        ("en", ""),
        ("en-US", "mdy"),
        ("en-PH", "mdy"),
        ("en-GB", "dmy"),
        ("en-IN", "dmy"),
        ("en-CA", ""),
        ("en-Latn-US", "mdy"),
        ("ru", "dmy"),
        ("az-Latn-AZ", "dmy"),
        ("fr-CA", "dmy"),
        ("zh", ""),
        ("zh-CN", ""),
        ("ja-JP", ""),
        ("hu-HU", ""),
    ],
)
def test_the_order_of_a_day_in_numbers_is_the_language_s_or_unknown(
    language: str, order: str
) -> None:
    from archive_site.suggest.datewords import numeric_order

    assert numeric_order(language) == order


@pytest.mark.parametrize(
    ("time", "language", "url", "dates"),
    [
        # 21:30 UTC is Thursday 24 April in Tokyo: "on Thursday" is that day, not the 17th
        ("21:30", "en", "https://www.nippon-daily.jp/news/1", ["2025-04-24", "2024"]),
        ("21:30", "ja", None, ["2025-04-24", "2024"]),
        ("21:30", "en-IN", None, ["2025-04-24", "2024"]),
        # in Russia, 21:30 UTC may be the 23rd (Kaliningrad) or the 24th: "on Thursday" none
        ("21:30", "en", "https://vesti.ru/a", ["2024"]),
        # nothing says where the outlet is (an English page, a .com): the UTC day, as before
        ("21:30", "en", "https://example.com/a", ["2025-04-17", "2024"]),
        ("21:30", "en-GB", None, ["2025-04-17", "2024"]),
        # a time that is the same day in Tokyo
        ("10:00", "ja", None, ["2025-04-17", "2024"]),
    ],
)
def test_a_utc_time_is_read_against_the_outlet_s_own_day_where_its_page_says_it_is(
    time: str, language: str, url: str | None, dates: list[str]
) -> None:
    """Dates61 left it: a JSON-LD time in UTC (``2025-04-23T21:30:00Z``) from a Tokyo paper
    that prints none was read as Wednesday 23 April, and "on Thursday" as the 17th.  The
    page's moment is kept; relative words are read against the outlet's own day where its
    address or language says it is, or, when that may be either of two days, only those
    that give the same date on both."""
    article = next(a for a in load_archive(CONTENT).articles if a.id == INTERVIEW)
    article = dataclasses.replace(
        article,
        published=Published(dt.date(2025, 4, 23), time, "+00:00"),
        dateline=None,
        language=language,
        url=url,
        paragraphs=(Paragraph("p1", 1, "They met on Thursday, and first last year.", 1),),
    )
    found = mentions_in(article)
    assert [m.date for m in found] == dates
    moved = dates[0] != "2025-04-17"
    assert all(("the outlet's own day" in m.basis) == moved for m in found)


def test_a_dateline_s_day_beats_the_outlet_s_day_of_a_utc_time() -> None:
    """A story datelined "BEIJING, April 23 (Xinhua) --" was written on the 23rd: its
    relative words are read against that day, whatever day 21:30 UTC was in Beijing."""
    article = next(a for a in load_archive(CONTENT).articles if a.id == INTERVIEW)
    article = dataclasses.replace(
        article,
        published=Published(dt.date(2025, 4, 23), "21:30", "+00:00"),
        dateline="BEIJING, April 23 (Xinhua) --",
        language="zh",
        url=None,
        paragraphs=(Paragraph("p1", 1, "双方昨天签署了协议。", 1),),
    )
    [found] = mentions_in(article)
    assert found.date == "2025-04-22"
    assert "own day" not in found.basis


def test_an_article_of_the_calendar_s_first_days_is_read_without_going_before_them() -> None:
    """An article published on 1 January of the year 1 (the site takes years 1 to 9998)
    saying "yesterday" or "last Monday" stopped suggest with an internal error: the day
    before was looked for before the calendar's first. Such words give no day there; a
    day after publication, or one on it, is read as anywhere."""
    from records import article

    first = article("y1", "0001-01-01", ("Yesterday they met. Last Monday they agreed.",))
    assert [m.date for m in mentions_in(first)] == []
    assert [d.edtf for d in find_dates("They meet next Monday.", dt.date(1, 1, 1))] == [
        "0001-01-08"
    ]
    assert [d.edtf for d in find_dates("They met yesterday.", dt.date(1, 1, 2))] == ["0001-01-01"]


def test_the_readings_of_other_languages_at_the_calendar_s_ends_give_no_day_past_them() -> None:
    """Two readings merged after the calendar's ends were guarded stopped suggest with an
    internal error: a Chinese week day ("上周三", the Wednesday of the week before) in an
    article of 1 January of the year 1, and the outlet's own day of a time in UTC on the
    calendar's last day (23:30 UTC on 31 December 9999 is the next day in Beijing)."""
    from records import article

    first = dataclasses.replace(
        article("y1", "0001-01-01", ("上周三他们会面。下周三再谈。",)), language="zh"
    )
    assert [m.date for m in mentions_in(first)] == ["0001-01-10"]
    last = article("y9", "9999-12-31", ("They met yesterday.",))
    last = dataclasses.replace(
        last,
        language="zh",
        url="https://news.cn/x",
        published=Published(dt.date(9999, 12, 31), "23:30", "+00:00"),
    )
    assert [m.date for m in mentions_in(last)] == []  # (no milestone may be of 9999)


def test_no_suggestion_is_a_date_no_milestone_may_have() -> None:
    """In an article of the year 1, "last year" was suggested as the year 0 and "three years
    ago" as -2: dates no milestone may have (years 1 to 9998), which the archivist would
    copy into milestones.yaml to be refused. They are left out; the others stay."""
    from records import article

    first = article("y1", "0001-01-01", ("Last year they met. Three years ago too. In 2015.",))
    assert [m.date for m in mentions_in(first)] == ["2015"]


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # a week: a day of it, which the words do not say (the article of Thursday 24 April
        # 2025); its first day Monday, or Sunday too where weeks may begin on it
        ("en-GB", "Last week the government chose a partner.", ["2025-04-14/2025-04-20"]),
        ("en", "Last week the government chose a partner.", ["2025-04-13/2025-04-20"]),
        ("en-US", "The talks resume next week.", ["2025-04-27/2025-05-04"]),
        ("en", "Over the next week talks will go on.", []),  # seven days, no calendar week
        ("en", "In the coming weeks talks will resume.", []),
        ("ru", "На прошлой неделе порт закрыли.", ["2025-04-14/2025-04-20"]),
        ("tr", "Geçen hafta hükümet seçti.", ["2025-04-14/2025-04-20"]),
        ("az", "Gələn həftə hökumət seçəcək.", ["2025-04-28/2025-05-04"]),
        ("fr", "La semaine dernière, le gouvernement a choisi.", ["2025-04-14/2025-04-20"]),
        ("de", "Letzte Woche hat die Regierung gewählt.", ["2025-04-14/2025-04-20"]),
        ("es", "La semana pasada el gobierno eligió.", ["2025-04-14/2025-04-20"]),
        ("zh", "下周，政府将宣布。", ["2025-04-28/2025-05-04"]),
        ("zh", "本周末，政府宣布。", ["2025-04-26/2025-04-27"]),  # the weekend (dates64)
        ("ja", "先週、政府は発表した。", ["2025-04-13/2025-04-20"]),
        # Japanese weekdays, alone and of a week named; a Sunday of a week named is none
        ("ja", "木曜日に政府は発表した。", ["2025-04-24"]),
        ("ja", "先週木曜日に政府は発表した。", ["2025-04-17"]),
        ("ja", "来週の月曜日に会談する予定だ。", ["2025-04-28"]),
        ("ja", "先週日曜日に発表した。", []),
        ("ja", "毎週木曜日に会議がある。", []),  # every Thursday
        # a date's own weekday names no day of its own
        ("ja", "2025年4月24日（木曜日）に発表した。", ["2025-04-24"]),
        ("zh", "2025年4月24日（星期四），政府宣布。", ["2025-04-24"]),
        # a month or a day of last, this or next year; a month since which
        ("zh", "今年4月，贸易增长。", ["2025-04"]),
        ("zh", "去年4月22日，政府宣布。", ["2024-04-22"]),
        ("zh", "4月以来，贸易增长。", ["2025-04/.."]),
        ("zh", "4月份以来，贸易增长。", ["2025-04/.."]),
        # ranges: each end at the precision given
        ("ru", "С 2015 по 2020 год торговля выросла.", ["2015/2020"]),
        ("ru", "С 2015 до 2020 года торговля выросла.", ["2015/2020"]),
        ("ru", "С мая по июль 2025 года порт был закрыт.", ["2025-05/2025-07"]),
        ("ru", "С 1 по 3 мая 2025 года прошли переговоры.", ["2025-05-01/2025-05-03"]),
        ("zh", "2015年至2020年，贸易增长。", ["2015/2020"]),
        ("zh", "2015—2020年，贸易增长。", ["2015/2020"]),
        ("zh", "2015-2020年，贸易增长。", ["2015/2020"]),
        ("es", "De mayo a julio de 2025 el puerto estuvo cerrado.", ["2025-05/2025-07"]),
        ("en", "Between 2015 and 2020 trade doubled.", ["2015/2020"]),
        ("en", "From May to July 2025 the port was shut.", ["2025-05/2025-07"]),
        # the Solar Hijri calendar: a month is the Gregorian days it spans, a day its day
        ("fa", "در فروردین ۱۴۰۴ بندر بسته شد.", ["2025-03-21/2025-04-20"]),
        ("fa", "در ۲۲ فروردین ۱۴۰۴ بندر بسته شد.", ["2025-04-11"]),
        ("fa", "در دی ۱۴۰۳ بندر بسته شد.", ["2024-12-21/2025-01-19"]),
        ("fa", "در ۳۰ اسفند ۱۴۰۳ بندر بسته شد.", ["2025-03-20"]),  # 1403 is a leap year
        ("fa", "در ۳۰ اسفند ۱۴۰۲ بندر بسته شد.", []),  # 1402 is not: no such day
        ("fa", "در ۲۲ بهمن ۱۳۵۷ انقلاب پیروز شد.", ["1979-02-11"]),
        ("fa", "تیر ۱۴۰۴", ["2025-06-22/2025-07-22"]),
        # limits as Spanish, Italian, Turkish and Azerbaijani write them
        ("es", "El volumen debería duplicarse para 2030.", ["[..2030]"]),
        ("it", "Il progetto sarà completato entro il 2030.", ["[..2030]"]),
        ("tr", "Proje 2030 yılına kadar tamamlanacak.", ["[..2030]"]),
        ("tr", "Komisyonun 15 Eylül'e kadar toplanacağını açıkladı.", ["[..2025-09-15]"]),
        ("az", "Layihə 2030-cu ilə qədər başa çatacaq.", ["[..2030]"]),
        # a season: its year, when it is one year and the same in both hemispheres
        ("en", "It was built last spring.", ["2024"]),  # Mar-May or Sep-Nov 2024
        ("en", "It opens next spring.", []),  # 2026 in the north, 2025 in the south
        ("en", "It closed last summer.", []),  # the south's summer is two years'
        ("en", "It closed last winter.", []),
        # by the end of the year: publication's, unless a year before it says otherwise
        ("en", "A deal was expected by the end of the year.", ["[..2025]"]),
        ("en", "In 2019, a deal was expected by the end of the year.", ["2019"]),
    ],
)
def test_weeks_ranges_other_calendars_and_limits_are_read_at_the_precision_given(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 4, 24), language)] == dates


def test_a_week_read_says_it_is_a_day_of_it_and_which_days() -> None:
    [week] = find_dates("Last week the deal was signed.", dt.date(2025, 4, 24), "en")
    assert week.inferred
    assert "a week begun on Sunday or Monday" in week.basis
    assert "from 13 April 2025 to 20 April 2025, which the words do not say" in week.basis
    [sunday] = find_dates("Last week the deal was signed.", dt.date(2025, 4, 27), "en")
    assert sunday.edtf == "2025-04-14/2025-04-26"  # on a Sunday its own week may begin


@pytest.mark.parametrize(
    ("year", "month", "first", "last"),
    [
        (1404, 1, "2025-03-21", "2025-04-20"),
        (1403, 1, "2024-03-20", "2024-04-19"),
        (1403, 12, "2025-02-19", "2025-03-20"),  # a leap year's Esfand: 30 days
        (1402, 12, "2024-02-20", "2024-03-19"),
        (1404, 7, "2025-09-23", "2025-10-22"),
    ],
)
def test_a_solar_hijri_month_is_the_gregorian_days_it_spans(
    year: int, month: int, first: str, last: str
) -> None:
    from archive_site.dates import solar_hijri_month

    span = solar_hijri_month(year, month)
    assert span is not None
    assert (span[0].isoformat(), span[1].isoformat()) == (first, last)
    assert solar_hijri_month(year, 13) is None
    assert solar_hijri_month(1500, 1) is None  # outside 1300 to 1499


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "上周" * 50_000),
        ("ja", "先週木曜" * 25_000),
        ("en", "last week " * 10_000),
        ("ru", "с 2015 по " * 10_000),
        ("zh", "2015年至" * 14_000),
        ("zh", "2015" + " " * 100_000 + "年"),
        ("fa", "۲۲ فروردین " * 10_000),
        ("es", "para " * 20_000 + "2030"),
        ("tr", "2030'a " * 5_000),  # (5,000 years, each its own date: 10 s under load at 15,000)
        ("tr", "'a kadar " * 12_000),
        ("zh", "4月以" * 30_000),
    ],
)
def test_weeks_ranges_and_limits_take_linear_time_on_hostile_text(language: str, text: str) -> None:

    with within(10):
        find_dates(text, dt.date(2025, 4, 24), language)


def test_next_spring_is_a_year_where_both_hemispheres_give_it() -> None:
    [spring] = find_dates("It opens next spring.", dt.date(2025, 1, 15))
    assert (spring.edtf, spring.inferred) == ("2025", True)
    assert "in either hemisphere" in spring.basis


@pytest.mark.parametrize(
    ("language", "sentence", "published", "dates"),
    [
        # "until": a time that lasts until the day, not the day (dates63 left "the drills run
        # until May 10" as 10 May); its year inferred as any day's, the present still to come
        ("en", "The drills run until May 10.", dt.date(2025, 4, 24), ["../2025-05-10"]),
        ("en", "They run until May 10, the union said.", dt.date(2025, 4, 24), ["../2025-05-10"]),
        ("en", "The drills ran until May 10.", dt.date(2025, 4, 24), ["../2024-05-10"]),
        ("en", "Until May 2, the port was closed.", dt.date(2025, 4, 24), ["../2024-05-02"]),
        (
            "en",
            "Drills run through May 18, and ships have been told to wait.",
            dt.date(2025, 5, 14),
            ["../2025-05-18"],
        ),
        (
            "ru",
            "Обстановка сохранится по 28 февраля, сообщили в порту.",
            dt.date(2025, 2, 19),
            ["../2025-02-28"],
        ),
        ("en", "Rates apply through 31 August.", dt.date(2025, 6, 2), ["../2025-08-31"]),
        ("en", "Bookings can be made until the end of July.", dt.date(2025, 6, 2), ["../2025-07"]),
        ("en", "The permits are valid until 31 December 2026.", None, ["../2026-12-31"]),
        ("en", "Until 2019, he was minister.", None, ["../2019"]),
        ("en", "He will stay till the end of 2026.", None, ["../2026"]),
        # a verb that moves the event to it: its day, as before
        ("en", "The link will be delayed until next year.", None, ["2026"]),
        ("en", "The vote was postponed until May 20.", dt.date(2025, 5, 24), ["2025-05-20"]),
        # "not ... until": on or after it
        ("en", "The permits were not renewed until February 2024.", None, ["[2024-02..]"]),
        ("en", "The port won't reopen until May 20.", dt.date(2025, 4, 24), ["[2025-05-20..]"]),
        ("fr", "Les exercices dureront jusqu'au 31 mai.", dt.date(2025, 4, 24), ["../2025-05-31"]),
        ("fr", "Le contrat court jusqu'en 2030.", None, ["../2030"]),
        ("es", "El contrato es válido hasta el 31 de mayo de 2026.", None, ["../2026-05-31"]),
        ("it", "Il cantiere resterà aperto fino al 31 maggio 2026.", None, ["../2026-05-31"]),
        (
            "ru",
            "Ледовая обстановка сохранится по 28 февраля.",
            dt.date(2025, 2, 19),
            ["../2025-02-28"],
        ),
        ("ru", "Данные по 2024 году опубликованы.", None, ["2024"]),  # "for 2024"
        ("ru", "Новый паром будет построен до 2027 года.", None, ["[..2027]"]),
        ("ru", "Порт не откроется до 10 мая.", dt.date(2025, 4, 24), ["[2025-05-10..]"]),
        ("ru", "Порт был закрыт до 2 мая.", dt.date(2025, 4, 24), ["[..2024-05-02]"]),
        ("zh", "有效期至2027年12月31日。", None, ["../2027-12-31"]),
        ("zh", "截至2024年12月31日，共开行。", None, ["2024-12-31"]),  # "as of"
        ("zh", "2024年1月1日至2025年12月31日", None, ["2024-01-01/2025-12-31"]),
        ("en", "Stocks will last till May.", None, ["../2025-05"]),
        # ranges keep their words
        ("en", "The talks ran from April 22 until May 10.", None, ["2025-04-22/2025-05-10"]),
        ("ru", "с 2015 по 2020 год", None, ["2015/2020"]),
        # the aims for a year are no event of it, nor a limit; "para" after a verb is one
        ("es", "Los objetivos para 2030 son realistas.", None, []),
        ("es", "Kazajistán quiere duplicar el tránsito para 2030.", None, ["[..2030]"]),
        ("en", "Our targets for 2030 are realistic.", None, []),
        ("ru", "Цели на 2030 год амбициозны.", None, []),
        ("it", "Gli obiettivi per il 2030 sono realistici.", None, []),
        # "this spring": the year, when it is one in either hemisphere
        ("en", "It opens this spring.", dt.date(2025, 4, 24), ["2025"]),
        ("en", "It opened this past spring.", dt.date(2025, 4, 24), ["2024"]),
        ("en", "It opens this autumn.", dt.date(2025, 3, 12), ["2025"]),
        ("en", "It opens this summer.", dt.date(2025, 4, 24), []),  # December 2024 in the south?
        ("en", "It opens this winter.", dt.date(2025, 4, 24), []),
        # "in the autumn", no year named before it: this season or the next (the future) or
        # the latest (the past), when one year in both hemispheres
        (
            "en",
            "Officials said the section would open in the autumn.",
            dt.date(2025, 3, 7),
            ["2025"],
        ),
        ("en", "The talks failed in the spring.", dt.date(2025, 4, 24), []),  # 2024 in the south
        ("en", "In 2019 the port closed, and it reopened in the autumn.", None, ["2019"]),
        ("ru", "Этой весной линия откроется.", dt.date(2025, 2, 19), ["2025"]),
        ("ru", "Прошлой осенью порт обработал рекорд.", dt.date(2025, 2, 19), ["2024"]),
        ("ru", "Следующей весной линия откроется.", dt.date(2025, 4, 24), []),
        ("zh", "今年春天以来货源充足。", None, ["2025/.."]),
        ("zh", "明年春天，港站二期工程将投入使用。", None, ["2026"]),
        ("zh", "去年秋天开通。", None, ["2024"]),
        # weekends: the Saturday and Sunday, a day of them the words do not say
        ("zh", "上周末，政府宣布。", None, ["2025-04-19/2025-04-20"]),
        ("zh", "下周末，政府将宣布。", None, ["2025-05-03/2025-05-04"]),
        ("en", "The government said last weekend it would act.", None, ["2025-04-19/2025-04-20"]),
        ("en", "The minister is due to visit this weekend.", None, ["2025-04-26/2025-04-27"]),
        ("en", "The minister will visit next weekend.", None, ["2025-04-26/2025-05-04"]),
        (
            "en",
            "The minister will visit next weekend.",
            dt.date(2025, 4, 26),
            ["2025-05-03/2025-05-04"],
        ),
        (
            "en",
            "Officials said over the weekend that talks failed.",
            None,
            ["2025-04-19/2025-04-20"],
        ),
        ("en", "This weekend's talks were long.", None, []),  # the one over, or the next?
        ("en", "It ran over the weekend of 24-25 April.", None, ["2025-04-24/2025-04-25"]),
        ("ru", "На прошлых выходных прошли учения.", None, ["2025-04-19/2025-04-20"]),
        ("tr", "Geçen hafta sonu tatbikat yapıldı.", None, ["2025-04-19/2025-04-20"]),
        # a Solar Hijri day with no year: the latest such day, or the next in the future
        ("fa", "باکو، ۴ اردیبهشت. خط بازگشایی شد.", None, ["2025-04-24"]),
        ("fa", "۳۰ اسفند خط بازگشایی شد.", None, ["2025-03-20"]),
        ("fa", "۵ خرداد خط بازگشایی خواهد شد.", None, ["2025-05-26"]),
        ("fa", "فروردین", None, []),
        # a month of this year to another: "今年1月至3月"
        ("zh", "今年1月至3月，共开行1012列。", None, ["2025-01/2025-03"]),
        # a day something starts from: the nearest, whatever the telling's tense
        ("en", "It announced a service starting on 16 June.", dt.date(2025, 6, 2), ["2025-06-16"]),
        (
            "en",
            "The strike, beginning on May 2, has cost millions.",
            dt.date(2025, 5, 14),
            ["2025-05-02"],
        ),
        ("en", "The rules apply effective 1 December.", dt.date(2025, 4, 24), ["2024-12-01"]),
        # "that year": the year named before it
        (
            "en",
            "It was frozen since 2020, after a ban in January that year.",
            None,
            ["2020/..", "2020-01"],
        ),
        (
            "en",
            "It opened in 2019 and closed in June the following year.",
            None,
            ["2019", "2020-06"],
        ),
        ("en", "It closed in June the following year.", None, []),
    ],
)
def test_until_seasons_weekends_that_year_and_solar_hijri_days_are_read_as_the_words_give(
    language: str, sentence: str, published: dt.date | None, dates: list[str]
) -> None:
    found = find_dates(sentence, published or dt.date(2025, 4, 24), language)
    assert [d.edtf for d in found] == dates


def test_until_and_that_year_say_how_they_were_read() -> None:
    [until] = find_dates("The drills run until May 10.", dt.date(2025, 4, 24))
    assert "'until': the end of a time that lasts until it, its start not said" in until.basis
    assert until.inferred
    [_, january] = find_dates(
        "It opened in 2019 and closed in June the following year.", dt.date(2025, 4, 24)
    )
    assert january.basis == (
        "'in June the following year': the year after it, of the year the sentence names "
        "before (2019): June 2020"
    )
    [weekend] = find_dates("The minister will visit next weekend.", dt.date(2025, 4, 24))
    assert "a day from 26 April 2025 to 4 May 2025, which the words do not say" in weekend.basis


def test_that_year_may_be_one_an_earlier_sentence_of_its_paragraph_names() -> None:
    text = (
        "Traffic fell 12 percent in 2024. The operator said in January that year it would invest."
    )
    found = mentions_in_paragraph("a", Paragraph("p1", 1, text, 1), dt.date(2025, 5, 14))
    assert [(m.date, m.inferred) for m in found] == [("2024", False), ("2024-01", True)]
    alone = "The operator said in January that year it would invest."
    assert mentions_in_paragraph("a", Paragraph("p1", 1, alone, 1), dt.date(2025, 5, 14)) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "until May 10 " * 10_000),
        ("en", "not " * 25_000 + "until May 10"),
        ("fa", "۴ اردیبهشت " * 10_000),
        ("zh", "上周末" * 30_000),
        ("en", "over the weekend " * 8_000),
        ("en", "this spring " * 10_000),
        ("ru", "Этой весной " * 10_000),
        ("zh", "今年春天" * 25_000),
        ("es", "objetivos para " * 10_000 + "2030"),
        ("en", "2020 " + "in January that year " * 5_000),
        ("en", "2019 " * 20_000 + "in January that year"),
        ("ru", "по 28 февраля " * 8_000),
        ("zh", "今年1月至3月" * 15_000),
        ("fr", "jusqu'au " * 20_000 + "31 mai"),
        ("en", "would open in the autumn " * 4_000),
        ("en", "till May " * 10_000),
    ],
)
def test_until_seasons_weekends_and_that_year_take_linear_time_on_hostile_text(
    language: str, text: str
) -> None:
    with within(10):
        find_dates(text, dt.date(2025, 4, 24), language)


@pytest.mark.parametrize(
    ("language", "sentence", "published", "dates"),
    [
        # a day with no year something is moved to is still to come, whatever the tense of
        # the verb that moved it, in each language read, the verb before it or after it
        (
            "en",
            "The summit has been postponed until January 20, the ministry said on Wednesday.",
            dt.date(2025, 11, 12),
            ["2026-01-20", "2025-11-12"],
        ),
        ("en", "The vote was delayed to May 20.", dt.date(2025, 4, 24), ["2025-05-20"]),
        ("en", "The talks were rescheduled for Monday.", dt.date(2025, 4, 24), ["2025-04-28"]),
        (
            "fr",
            "Le port a reporté jusqu'au 15 juin l'ouverture du terminal.",
            dt.date(2025, 3, 5),
            ["2025-06-15"],
        ),
        ("fr", "Le vote a été repoussé au 3 mai.", dt.date(2025, 3, 5), ["2025-05-03"]),
        (
            "es",
            "Aplazaron hasta el 3 de noviembre la cumbre.",
            dt.date(2025, 9, 17),
            ["2025-11-03"],
        ),
        ("it", "Il vertice è stato rinviato al 3 marzo.", dt.date(2025, 9, 17), ["2026-03-03"]),
        ("ru", "Саммит перенесли на 20 января.", dt.date(2025, 11, 12), ["2026-01-20"]),
        ("de", "Die Linie ist auf September verschoben worden.", dt.date(2025, 6, 25), ["2025-09"]),
        ("tr", "Zirve 20 Ocak'a ertelendi.", dt.date(2025, 11, 12), ["2026-01-20"]),
        ("az", "Sammit yanvarın 20-nə təxirə salındı.", dt.date(2025, 11, 12), ["2026-01-20"]),
        # not a day something is moved to: the day of a delay, a report, a time until
        ("en", "The ferry was delayed on May 2 by a storm.", dt.date(2025, 11, 12), ["2025-05-02"]),
        (
            "en",
            "Cases reported until May 2 were counted.",
            dt.date(2025, 11, 12),
            ["../2025-05-02"],
        ),
        ("en", "The drills ran until May 10.", dt.date(2025, 4, 24), ["../2024-05-10"]),
        ("fr", "Le ministre a signé le 3 mai.", dt.date(2025, 3, 5), ["2024-05-03"]),
        ("es", "El reporte del 3 de mayo fue publicado.", dt.date(2025, 3, 5), ["2024-05-03"]),
        ("de", "Die Zahl stieg im September.", dt.date(2025, 6, 25), ["2024-09"]),
    ],
)
def test_a_date_something_is_moved_to_is_still_to_come(
    language: str, sentence: str, published: dt.date, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, published, language)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # a weekday "until" which a time lasts ends it; a participle after a present "is",
        # "stays", "remains" is a state now, no verb in the past
        (
            "The port has been closed since November 8 and stays closed until Sunday, "
            "the port authority said.",
            ["2025-11-08/..", "../2025-11-16"],
        ),
        ("The border is closed until Friday.", ["../2025-11-14"]),
        ("The border remains shut till Monday.", ["../2025-11-17"]),
        ("The talks are planned for Monday.", ["2025-11-17"]),
        # gone: a verb in the past before it
        ("The border was closed until Sunday.", ["../2025-11-09"]),
        ("Until Sunday, the port closed at night.", ["../2025-11-09"]),
        # no weekday: "Sunday" alone, a name
        ("Sunday Times reporters were there until 2019.", ["../2019"]),
    ],
)
def test_a_weekday_until_which_a_time_lasts_ends_it(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 11, 12))] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "published", "dates"),
    [
        # a season named from publication, in the other languages read: its year when it
        # is one in both hemispheres, as "last autumn", "this spring" are (a summer or a
        # winter seldom is: December to February in the south, or across two years)
        ("tr", "Hat bu bahar rekor kırdı.", dt.date(2025, 4, 16), ["2025"]),
        ("tr", "Önümüzdeki sonbaharda hat açılacak.", dt.date(2025, 1, 16), ["2025"]),
        ("tr", "Hat geçen sonbahar kapalı kalmıştı.", dt.date(2025, 4, 16), ["2024"]),
        ("tr", "Geçen kışın liman kapandı.", dt.date(2025, 7, 16), []),
        (
            "az",
            "Tikinti keçən payız başlayıb və bu yaz başa çatıb.",
            dt.date(2025, 4, 8),
            ["2024", "2025"],
        ),
        ("az", "Gələn yay yeni xətt açılacaq.", dt.date(2025, 2, 8), []),
        (
            "fr",
            "Le chantier, lancé au printemps dernier, a pris du retard.",
            dt.date(2025, 3, 5),
            ["2024"],
        ),
        ("fr", "Cet automne, le port ouvrira.", dt.date(2025, 3, 5), ["2025"]),
        ("fr", "L'été dernier, le port a fermé.", dt.date(2025, 1, 5), []),
        ("de", "In diesem Frühjahr stieg der Verkehr.", dt.date(2025, 6, 25), ["2025"]),
        ("de", "Im letzten Sommer fiel der Pegel.", dt.date(2025, 1, 25), []),
        ("es", "Esta primavera, la sequía redujo el caudal.", dt.date(2025, 9, 17), ["2025"]),
        ("es", "El otoño pasado firmaron un memorando.", dt.date(2025, 4, 17), ["2024"]),
        ("it", "Quest'estate il porto ha chiuso.", dt.date(2025, 9, 17), []),
        ("it", "Il prossimo autunno il porto riaprirà.", dt.date(2025, 1, 17), ["2025"]),
        ("de", "Im kommenden Frühling öffnet die Linie.", dt.date(2025, 1, 17), ["2025"]),
        ("pt", "No outono passado, o porto fechou.", dt.date(2025, 4, 17), ["2024"]),
        ("pt", "Nesta primavera o porto abriu.", dt.date(2025, 4, 17), ["2025"]),
        # none: the hemisphere gives another year ("bu yaz", Turkish's summer, in April: June
        # 2025 in the north, December 2024 or 2025 in the south), or no season is named
        ("tr", "Bu yaz hatta ek seferler planlanıyor.", dt.date(2025, 4, 16), []),
        ("de", "Bereits im vergangenen Herbst hatten sie unterzeichnet.", dt.date(2025, 6, 25), []),
        ("es", "El pasado otoño firmaron un memorando.", dt.date(2025, 9, 17), []),
        ("it", "La primavera scorsa il porto ha chiuso.", dt.date(2025, 9, 17), []),
        ("tr", "Bu yazıda bahar yok.", dt.date(2025, 4, 16), []),  # "this text"
        ("es", "La primavera árabe cambió la región.", dt.date(2025, 4, 16), []),
        ("de", "Der Sommer war heiß.", dt.date(2025, 9, 16), []),
        ("fr", "Le Printemps de Bourges a lieu chaque année.", dt.date(2025, 4, 16), []),
        # "bu yaz" in an article in neither Turkish nor Azerbaijani: which season?
        ("ru", "bu yaz", dt.date(2025, 4, 16), []),
    ],
)
def test_a_season_named_from_publication_in_the_other_languages(
    language: str, sentence: str, published: dt.date, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, published, language)] == dates


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("tr", "geçen sonbahar " * 10_000),
        ("fr", "au printemps dernier " * 8_000),
        ("es", "el " * 30_000 + "otoño"),
        ("en", "postponed " * 20_000 + "until May 20"),
        ("de", "September " * 20_000 + "verschoben"),
        ("tr", "geçen cuma günü " * 8_000),
        ("fa", "روز سه‌شنبه " * 10_000),
        ("az", "hər " * 20_000 + "bazar ertəsi"),
    ],
)
def test_seasons_and_moved_dates_take_linear_time_on_hostile_text(language: str, text: str) -> None:
    with within(10):
        find_dates(text, dt.date(2025, 4, 24), language)


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # "by the end of that year": of the year named before it
        (
            "en",
            "It was proposed in March 2023 and was to be approved by the end of that year.",
            ["2023-03", "[..2023]"],
        ),
        (
            "en",
            "Talks began in 2019 and ended before the end of the same year.",
            ["2019", "[..2019]"],
        ),
        ("en", "It was to be approved by the end of that year.", []),  # which year?
        # "by the end of the year" as the other languages read say it: publication's
        ("es", "Las partes quieren firmar uno nuevo antes de finales de año.", ["[..2025]"]),
        ("fr", "Le terminal ouvrira d'ici la fin de l'année.", ["[..2025]"]),
        ("de", "Der Anleger soll bis Jahresende fertig sein.", ["[..2025]"]),
        ("de", "Der Anleger soll bis Ende des Jahres fertig sein.", ["[..2025]"]),
        ("ru", "Паром будет построен до конца этого года.", ["[..2025]"]),
        ("ru", "Паром будет построен к концу года.", ["[..2025]"]),
        ("tr", "Hat bu yıl sonuna kadar tamamlanacak.", ["[..2025]"]),
        ("az", "Terminal ilin sonunadək tikiləcək.", ["[..2025]"]),
        ("it", "Il porto riaprirà entro la fine dell'anno.", ["[..2025]"]),
        ("pt", "O porto abre até o final do ano.", ["[..2025]"]),
        # a year named before them: that year's, perhaps, so none
        ("ru", "В 2019 году паром должны были построить до конца года.", ["2019"]),
        # not the end of a year: the end of a month, of a school year
        ("ru", "Паром будет построен до конца мая.", []),
        ("de", "Bis Ende des Schuljahres bleibt es so.", []),
    ],
)
def test_the_end_of_the_year_is_the_year_s_its_words_name(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 4, 24), language)] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "published", "dates"),
    [
        # a day something starts from, as the other languages say it: the one nearest
        # publication, whatever the tense of the telling
        (
            "fr",
            "Les nouveaux tarifs, en vigueur à compter du 1er avril, visent les exportateurs.",
            dt.date(2025, 3, 5),
            ["2025-04-01"],
        ),
        ("de", "Die neue Tarifordnung gilt ab dem 1. Juli.", dt.date(2025, 6, 25), ["2025-07-01"]),
        (
            "es",
            "Las tarifas rigen a partir del 1 de octubre.",
            dt.date(2025, 9, 17),
            ["2025-10-01"],
        ),
        ("it", "Le tariffe valgono a partire dal 1 ottobre.", dt.date(2025, 9, 17), ["2025-10-01"]),
        ("ru", "Переправа, закрытая с 10 января, откроется.", dt.date(2025, 2, 19), ["2025-01-10"]),
        # its year given: that year's
        ("de", "Er war ab dem 1. Juli 2024 Minister.", dt.date(2025, 6, 25), ["2024-07-01"]),
        # no start: a day the tense places ("le 1er avril" in the past), a range's first day
        ("fr", "Le terminal a ouvert le 1er avril.", dt.date(2025, 3, 5), ["2024-04-01"]),
        ("ru", "Учения пройдут с 22 по 24 апреля.", dt.date(2025, 4, 2), ["2025-04-22/2025-04-24"]),
        # Turkish's limit of a year's end and its aims for a year
        ("tr", "Merkez 2026 yılı sonuna kadar tamamlanacak.", dt.date(2025, 4, 16), ["[..2026]"]),
        ("tr", "Toplantıda 2030 hedefleri ele alındı.", dt.date(2025, 4, 16), []),
        ("tr", "2030 yılı hedefleri açıklandı.", dt.date(2025, 4, 16), []),
        ("az", "2030 hədəfləri açıqlandı.", dt.date(2025, 4, 16), []),
        ("tr", "Hedefler 2030 yılında açıklanacak.", dt.date(2025, 4, 16), ["2030"]),
    ],
)
def test_start_days_limits_and_aims_in_the_other_languages(
    language: str, sentence: str, published: dt.date, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, published, language)] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "published", "dates"),
    [
        # the days of the week as Turkish, Azerbaijani and Persian name them, read as "on
        # Wednesday" is: the latest such day, or the next in words of the future
        ("tr", "Bakanlık çarşamba günü açıkladı.", dt.date(2025, 4, 16), ["2025-04-16"]),
        ("tr", "Geçen cuma günü toplantı yapıldı.", dt.date(2025, 4, 16), ["2025-04-11"]),
        ("tr", "Toplantı gelecek salı günü yapılacak.", dt.date(2025, 4, 16), ["2025-04-22"]),
        ("az", "Nazir bazar ertəsi bəyanat verib.", dt.date(2025, 4, 8), ["2025-04-07"]),
        ("az", "Görüş cümə günü keçiriləcək.", dt.date(2025, 4, 8), ["2025-04-11"]),
        ("fa", "پایانه روز سه‌شنبه افتتاح شد.", dt.date(2025, 5, 14), ["2025-05-13"]),
        ("fa", "روز شنبه گذشته جلسه برگزار شد.", dt.date(2025, 5, 14), ["2025-05-10"]),
        ("fa", "جلسه روز یکشنبه برگزار خواهد شد.", dt.date(2025, 5, 14), ["2025-05-18"]),
        # not a day: a market, a prayer, every one
        ("tr", "Pazar yerinde cuma namazı kılındı.", dt.date(2025, 4, 16), []),
        ("tr", "Tren her çarşamba günü kalkıyor.", dt.date(2025, 4, 16), []),
        ("az", "Qatar hər cümə günü yola düşür.", dt.date(2025, 4, 8), []),
        ("fa", "قطار هر روز شنبه حرکت می‌کند.", dt.date(2025, 5, 14), []),
    ],
)
def test_a_weekday_in_turkish_azerbaijani_and_persian(
    language: str, sentence: str, published: dt.date, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, published, language)] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # a start told in the present is a day something starts from: the nearest
        ("en", "The new rules take effect on December 1.", ["2025-12-01"]),
        ("en", "The decree comes into force on 1 December.", ["2025-12-01"]),
        ("fr", "Le décret entre en vigueur le 1er décembre.", ["2025-12-01"]),
        ("de", "Die Verordnung tritt am 1. Dezember in Kraft.", ["2025-12-01"]),
        ("es", "La ley entra en vigor el 1 de diciembre.", ["2025-12-01"]),
        ("it", "La legge entra in vigore il 1 dicembre.", ["2025-12-01"]),
        ("ru", "Закон вступает в силу 1 декабря.", ["2025-12-01"]),
        # told in the past: the latest
        ("en", "The decree took effect on 1 December.", ["2024-12-01"]),
        ("de", "Die Verordnung trat am 1. Dezember in Kraft.", ["2024-12-01"]),
    ],
)
def test_a_start_told_in_the_present_is_the_day_nearest_publication(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 11, 12), language)] == dates


@pytest.mark.parametrize(
    ("sentence", "published", "dates"),
    [
        # German "bis", "bis zum": "until" and "by" both, so on or before it, as Russian's
        # "до" is; a day with no year still to come unless a verb before it is past
        (
            "Der Hafen Kuryk bleibt bis zum 30. Juni wegen Bauarbeiten geschlossen.",
            dt.date(2025, 6, 25),
            ["[..2025-06-30]"],
        ),
        ("Bis zum 30. Juni soll der Bericht vorliegen.", dt.date(2025, 6, 25), ["[..2025-06-30]"]),
        ("Der Hafen war bis zum 2. Mai geschlossen.", dt.date(2025, 4, 24), ["[..2024-05-02]"]),
        ("Der Vertrag gilt bis 2030.", dt.date(2025, 4, 24), ["[..2030]"]),
        # a range's "bis" is the range's
        (
            "Die Gespräche dauerten vom 22. bis 24. April.",
            dt.date(2025, 4, 24),
            ["2025-04-22/2025-04-24"],
        ),
    ],
)
def test_german_bis_is_on_or_before_it(sentence: str, published: dt.date, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, published, "de")] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a chronology's entry: a day or a month with no year is of the year it opens with
        (
            "- 2017: The Baku–Tbilisi–Kars railway opens on Oct. 30.",
            [("2017", False), ("2017-10-30", True)],
        ),
        (
            "2022 – After the invasion of Ukraine in February, volumes triple. "
            "Tariffs fall on 1 July.",
            [("2022", False), ("2022-02", True), ("2022-07-01", True)],
        ),
        (
            "• Sept. 2013: Xi proposes the Belt in Astana on Sept. 7.",
            [("2013-09", False), ("2013-09-07", True)],
        ),
        # guards: no entry, or a year not opening the paragraph, is no label
        ("The railway opens on Oct. 30.", [("2024-10-30", True)]),
        ("In 2017 the railway opened on Oct. 30.", [("2017", False)]),
        (
            "Traffic rose in 2017: the railway opens on Oct. 30.",
            [("2017", False), ("2024-10-30", True)],
        ),
        ("2017-2019: a railway opens on Oct. 30.", [("2017/2019", False), ("2024-10-30", True)]),
    ],
)
def test_a_day_in_a_chronology_s_entry_is_of_the_year_the_entry_opens_with(
    text: str, dates: list[tuple[str, bool]]
) -> None:
    found = mentions_in_paragraph("a", Paragraph("p1", 1, text, 1), dt.date(2025, 8, 14))
    assert [(m.date, m.inferred) for m in found] == dates
    if len(dates) > 1 and dates[1][1] and not text.startswith(("The", "In ", "Traffic", "2017-")):
        assert "the entry it is in opens with its year" in found[1].basis


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        # a fiscal year is not the calendar year of its number
        ("Its fiscal 2024 report, published in March, showed a loss.", "en", ["2025-03"]),
        ("Revenue rose in FY 2025 and in the 2024 fiscal year.", "en", []),
        ("The financial year 2023 closed with a surplus.", "en", []),
        ("事業は２０２４年度に始まった。", "ja", []),
        # guards: the calendar year beside fiscal words, and Chinese 年度 (the calendar year's)
        ("In 2024 the fiscal deficit fell.", "en", ["2024"]),
        ("In fiscal terms, 2024 was a hard year.", "en", ["2024"]),
        ("Q3 2024 was the best quarter of the fiscal year.", "en", ["2024"]),
        ("事業は２０２４年に始まった。", "ja", ["2024"]),
        ("公司发布了2024年度报告。", "zh", ["2024"]),
    ],
)
def test_a_fiscal_year_is_not_the_calendar_year_of_its_number(
    sentence: str, language: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 8, 14), language)] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # a day of the month alone, as Japanese and Chinese news give an event's day: of
        # publication's month, on or before its day
        ("ja", "国際協力機構（ＪＩＣＡ）は１５日、円借款を供与すると発表した。", ["2025-10-15"]),
        ("zh", "外交部发言人16日表示，会谈取得成果。", ["2025-10-16"]),
        ("zh", "会议于13日至15日在北京举行。", ["2025-10-13/2025-10-15"]),
        # a year of a Japanese era, its month and day perhaps
        ("ja", "円借款の契約は令和６年１１月に結ばれていた。", ["2024-11"]),
        ("ja", "平成元年に設立された。", ["1989"]),
        ("ja", "昭和６４年１月５日に", ["1989-01-05"]),
        # Japanese "までに": by
        ("ja", "事業は２０２７年３月までに完了する予定だ。", ["[..2027-03]"]),
        # guards: a day after publication's (to come, or last month's?), a count of days,
        # every month's, a fiscal year of an era, a day outside its era, the lunar calendar
        ("ja", "２５日に会議が開かれる。", []),
        ("ja", "工事は１５日間続き、３日後に再開した。", []),
        ("ja", "毎月１５日に会合がある。", []),
        ("zh", "须在30日内完成。", []),
        ("ja", "令和６年度の予算", []),
        ("ja", "令和元年４月に", []),
        ("ja", "昭和６４年２月に", []),
        ("zh", "农历8日", []),
    ],
)
def test_a_day_alone_and_an_era_s_year_in_japanese_and_chinese(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 10, 16), language)] == dates


def test_a_day_alone_says_which_month_it_was_given() -> None:
    [day] = find_dates("外交部发言人16日表示", dt.date(2025, 10, 16), "zh")
    assert day.inferred
    assert day.basis == (
        "'16日' gives no month: 16 October 2025, of publication's month, on or before "
        "publication (16 October 2025)"
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ja", "１５日" * 20_000),
        ("zh", "13日至" * 20_000),
        ("ja", "令和６年１１月" * 10_000),
        ("en", "- 2017: on Oct. 30 " * 5_000),
        ("en", "fiscal " * 20_000 + "2024"),
    ],
)
def test_days_alone_eras_entries_and_fiscal_years_take_linear_time_on_hostile_text(
    language: str, text: str
) -> None:
    with within(10):
        find_dates(text, dt.date(2025, 10, 16), language)


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # last and next year after a contracted article: Italian, Spanish, Portuguese
        ("it", "Il 18% in più rispetto allo stesso periodo dello scorso anno.", ["2024"]),
        ("it", "Dell'anno scorso restano i debiti; nel prossimo anno si vedrà.", ["2024", "2026"]),
        ("es", "Las ventas del año pasado crecieron.", ["2024"]),
        ("pt", "As vendas do ano passado cresceram.", ["2024"]),
        # the first of a month as Italian and Portuguese write it
        ("it", "Dal 1° agosto entreranno in vigore le nuove tariffe.", ["2025-08-01"]),
        ("pt", "A lei entra em vigor em 1º de agosto de 2025.", ["2025-08-01"]),
        # "previsto", "prevista": expected, the future
        (
            "it",
            "L'inaugurazione, prevista per il 15 settembre, è stata rinviata a dicembre.",
            ["2025-09-15", "2025-12"],
        ),
        # a month "to" which a thing is moved; Italian's "a" month, "in" it
        ("en", "The vote was put off to March.", ["2026-03"]),
        ("en", "Talks were rescheduled for May.", ["2026-05"]),
        ("es", "La reunión fue aplazada a octubre.", ["2025-10"]),
        ("it", "A marzo il porto ha chiuso.", ["2025-03"]),
        # two days in a row joined by "and" are one interval
        (
            "it",
            "Durante la visita del 2 e 3 luglio le due parti hanno discusso.",
            ["2025-07-02/2025-07-03"],
        ),
        ("en", "Talks were held on 2 and 3 July 2024.", ["2024-07-02/2024-07-03"]),
        ("fr", "Les 2 et 3 juillet, le sommet s'est tenu à Bakou.", ["2025-07-02/2025-07-03"]),
        ("ru", "Переговоры прошли 2 и 3 июля.", ["2025-07-02/2025-07-03"]),
        # a programme's name is no date
        ("it", "Secondo il Piano 2030 del governo, entro il 2028 il porto crescerà.", ["[..2028]"]),
        ("en", "Saudi Vision 2030 and Horizon 2020 funds paid for it.", []),
        ("uk", "Стратегія «Україна 2030» передбачає подвоєння експорту.", []),
        # guards: "to" or "for" a month with no verb moving a thing; two days not in a row;
        # "due" to a cause, and Italian's two; a quotation ending with a year; "plan," apart
        ("en", "Sales rose from April to June.", ["2025-04"]),
        ("en", "They drew up a plan for May Day.", []),
        ("en", "Strikes were held on 2 and 9 July.", ["2025-07-09"]),
        ("en", "It was cancelled due to the storm on May 2.", ["2025-05-02"]),
        ("en", "The line is due to open on 2 August.", ["2025-08-02"]),
        ("it", "Le due parti si sono incontrate il 2 luglio.", ["2025-07-02"]),
        ("uk", "Він сказав: «Ми відкриємо лінію у 2030».", ["2030"]),
        ("en", "Under the plan, 2026 is when it opens.", ["2026"]),
        ("it", "Il 1° posto in classifica.", []),
        # a month named with another after "/": one of two (their year), not the first alone
        ("fr", "Le chantier reprendra en avril/mai 2026.", ["2026"]),
        ("fr", "Le 15 avril/mai, le chantier a repris.", []),
    ],
)
def test_italian_forms_moved_months_days_in_a_row_and_names(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 7, 9), language)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # "due" to a cause, a word of how much between: the past day, not next year's
        ("The delay was due in part to a strike on May 2.", ["2025-05-02"]),
        ("The drop was due in large part to the strike on May 2.", ["2025-05-02"]),
        ("The delay was due at least in part to a strike on May 2.", ["2025-05-02"]),
        ("Rates were high due in part to a strike in May.", ["2025-05"]),
        ("The vote, due in no small measure to pressure, was held on May 2.", ["2025-05-02"]),
        ("The delay was due largely to a strike on May 2.", ["2025-05-02"]),
        # guards: "due" to come, by a day, to a verb, for a thing
        ("It is due in May.", ["2026-05"]),
        ("Payment is due on May 2.", ["2026-05-02"]),
        ("The report is due by May 2.", ["[..2026-05-02]"]),
        ("The line is due to open on 2 August.", ["2026-08-02"]),
        ("The ship is due for repairs in May.", ["2026-05"]),
        ("The plant is due in part to reopen on May 2.", ["2026-05-02"]),
    ],
)
def test_due_to_a_cause_is_no_future(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 8, 14), "en")] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # a past "was" just before the words of a start: the state began then, the latest day
        ("de", "Der Abschnitt war ab 1. Dezember gesperrt.", ["2024-12-01"]),
        ("de", "Die Strecke wurde ab 1. Dezember gesperrt.", ["2024-12-01"]),
        ("en", "The new tariff was effective 1 December.", ["2024-12-01"]),
        # guards: a present or a future state, and a past report of a start, are the nearest
        ("de", "Der Abschnitt ist ab 1. Dezember gesperrt.", ["2025-12-01"]),
        ("de", "Die Strecke wird ab 1. Dezember gesperrt.", ["2025-12-01"]),
        ("en", "Tariffs were announced effective 1 December.", ["2025-12-01"]),
        ("en", "The ministry announced a service starting on December 1.", ["2025-12-01"]),
    ],
)
def test_a_start_after_a_past_was_is_the_latest_day(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 11, 25), language)] == dates


@pytest.mark.parametrize(
    ("language", "sentence", "dates"),
    [
        # Ukrainian: its months, last, this and next year, its weekdays, "by the end of"
        ("uk", "Угоду сторони підписали ще 24 липня 1995 року.", ["1995-07-24"]),
        ("uk", "Україна та Азербайджан у середу підписали меморандум.", ["2025-03-19"]),
        ("uk", "У п’ятницю відбулася зустріч.", ["2025-03-14"]),
        ("uk", "Торік експорт зріс, а цього року впаде.", ["2024", "2025"]),
        ("uk", "Наступного року обсяги зростуть.", ["2026"]),
        ("uk", "Перші поставки очікуються у травні.", ["2025-05"]),
        ("uk", "Хаб запрацює до кінця 2026 року.", ["[..2026]"]),
        ("uk", "Зустріч відбудеться 25 квітня.", ["2025-04-25"]),
        # and so Russian's "до конца" and "ожидается"
        ("ru", "Хаб заработает до конца 2026 года.", ["[..2026]"]),
        ("ru", "Поставки ожидаются в мае.", ["2025-05"]),
        # guards: "лютий", fierce, alone; the past May; every Wednesday is none
        ("uk", "Він був лютий.", []),
        ("uk", "Поставки почалися у травні.", ["2024-05"]),
        ("ru", "Мы встречаемся по средам.", []),
    ],
)
def test_ukrainian_dates_and_russian_by_the_end_of(
    language: str, sentence: str, dates: list[str]
) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 3, 20), language)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # Uzbek in the Latin script: a day after its year, last, this and next year, limits
        ("Bitim 2024-yil 6-iyunda Pekinda imzolangan.", ["2024-06-06"]),
        ("Bitim 2024-yil 23-sentabrda imzolangan.", ["2024-09-23"]),
        ("O'tgan yili tranzit hajmi oshdi.", ["2024"]),
        ("Oʻtgan yili tranzit hajmi oshdi.", ["2024"]),
        ("Kelgusi yili yo'l ochiladi.", ["2026"]),
        ("Birinchi bosqich 2027-yil oxirigacha tayyor bo'ladi.", ["[..2027]"]),
        ("Butun yo'l 2030-yilgacha ishga tushadi.", ["[..2030]"]),
        # guards: a year alone, and since a year, as before
        ("2024-yilda 8,5 million tonna yuk tashidik.", ["2024"]),
        ("2017-yildan beri hajm ikki baravar oshdi.", ["2017"]),
    ],
)
def test_uzbek_dates_in_the_latin_script(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 5, 28), "uz")] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # Arabic "by" (بحلول) a year is a limit; "Vision" (رؤية) a year is a programme's name
        ("على أن تكتمل المرحلة الأولى من المشروع بحلول نهاية 2026.", ["[..2026]"]),
        ("بحلول عام 2030 سيتضاعف الإنتاج.", ["[..2030]"]),
        ("وعُقد الاجتماع ضمن رؤية السعودية 2030.", []),
        ("أطلقت المملكة رؤية 2030 قبل سنوات.", []),
        # guards: a year after "in", and "the government's vision in 2030"
        ("بلغ 120 مليون دولار في عام 2024.", ["2024"]),
        ("ناقشوا رؤية الحكومة في 2030.", ["2030"]),
    ],
)
def test_arabic_by_a_year_and_vision_2030(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 3, 10), "ar")] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # weekdays after "day", "morning", "evening", or before "last", "next"
        ("أعلنت الهيئة يوم الأحد توقيع اتفاقية مع أذربيجان.", ["2025-03-09"]),
        ("التقى الوزيران الأربعاء الماضي في باكو.", ["2025-03-05"]),
        ("ستعقد القمة الجمعة المقبلة.", ["2025-03-14"]),
        ("قال الوزير مساء الخميس إن الخط جاهز.", ["2025-03-06"]),
        ("وفي يوم الإثنين القادم تبدأ الرحلات.", ["2025-03-17"]),
        # months as Egypt and the Gulf name them and as the Levant and Iraq do, "last",
        # "this", "next" after a month or a day
        ("ووقّع البلدان مذكرة تفاهم في مايو الماضي.", ["2024-05"]),
        ("تنطلق أولى الرحلات في 15 أبريل المقبل.", ["2025-04-15"]),
        ("افتتح الخط في نيسان الماضي.", ["2024-04"]),
        ("وقّع الاتفاق في 5 تشرين الأول 2024.", ["2024-10-05"]),
        ("وصلت الشحنة في 3 تشرين الثاني الماضي.", ["2024-11-03"]),
        ("تنتهي الأعمال في مارس الجاري.", ["2025-03"]),
        ("انطلقت الرحلة الأولى في 15 إبريل 2024.", ["2024-04-15"]),
        # a month named twice, Egypt's and the Levant's names; two months, their year
        ("وقع الاتفاق في 15 أبريل/نيسان 2024.", ["2024-04-15"]),
        ("افتتح في مايو/أيار الماضي.", ["2024-05"]),
        ("افتتح في أبريل / نيسان.", ["2024-04"]),
        ("في 3 تشرين الأول/أكتوبر المقبل.", ["2025-10-03"]),
        ("يبدأ التشغيل في أبريل/مايو 2024.", ["2024"]),
        ("يبدأ التشغيل في أبريل/مايو.", []),
        # guards: every Sunday; "the one"; a weekday a date follows; a month with no "in"; a
        # month with no year after a year the sentence names (which year is it of?)
        ("افتتحت المحطة في أكتوبر 2023، وتوسعت في فبراير.", ["2023-10"]),
        ("يعقد الاجتماع كل يوم أحد.", []),
        ("يعقد الاجتماع كل يوم الأحد.", []),
        ("الأحد هو أول أيام الأسبوع.", []),
        ("يوم الأحد الموافق 9 مارس وقع الاتفاق.", ["2025-03-09"]),
        ("اشترى سيارة نيسان جديدة.", []),
    ],
)
def test_arabic_weekdays_months_and_last_and_next(sentence: str, dates: list[str]) -> None:
    assert [d.edtf for d in find_dates(sentence, dt.date(2025, 3, 10), "ar")] == dates
