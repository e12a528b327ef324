"""The milestone reader's pure checks, one by one (archive_site.load.milestones)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from archive_site.dates import months_stated, parse_edtf
from archive_site.load.checks import Issue
from archive_site.load.milestones import (
    Known,
    after_every_source,
    check_date_sourced,
    check_repeated_sources,
    check_source_article,
    check_status,
    check_topics,
    dated_twice,
    parse_date,
    unknown,
    unsourced_exactness,
    unsourced_precision,
)
from archive_site.model import Milestone, Published, Source

KNOWN = Known(articles={"a", "b"}, entities={"china"}, topics={"trade"}, broken={"c"})


def test_parse_date() -> None:
    assert parse_date("2019-04").value == parse_edtf("2019-04")
    assert parse_date("2019-04").issues == ()
    assert parse_date(None).value is None
    assert parse_date(None).issues == ()
    bad = parse_date("1992-13-02")
    assert bad.value is None
    assert bad.issues == (Issue("date", "month 13 does not exist in '1992-13-02'"),)


def test_check_status() -> None:
    assert check_status("planned") == ()
    assert check_status("maybe") == (
        Issue("status", "'maybe' is not one of: happened, planned, ongoing"),
    )
    assert check_status("planed") == (
        Issue(
            "status",
            "'planed' is not one of: happened, planned, ongoing (did you mean 'planned'?)",
        ),
    )


def test_topics_and_unknown_ids_on_their_lines() -> None:
    assert check_topics((("trade", 4),), KNOWN.topics) == ()
    assert check_topics((), KNOWN.topics) == (
        Issue(None, "milestone: give at least one topic under 'topics:'"),
    )
    assert check_topics((("trade", 4), ("nope", 5)), KNOWN.topics) == (
        Issue("topics", "unknown topic 'nope' (see topics.yaml)", 5),
    )
    items = (("china", 8), ("mars", 9), ("venus", 10))
    assert unknown(items, KNOWN.entities, "entities", "entity", "entities.yaml") == (
        Issue("entities", "unknown entity 'mars' (see entities.yaml)", 9),
        Issue("entities", "unknown entity 'venus' (see entities.yaml)", 10),
    )


def test_check_source_article() -> None:
    assert check_source_article("a", KNOWN) == ()
    assert check_source_article("z", KNOWN) == (
        Issue("article", "unknown article 'z' (see articles/)"),
    )


def test_date_sourced_needs_the_year_in_a_quote_or_a_note() -> None:
    year = parse_edtf("2014")
    stated = [Source("a", "a working visit to China in 2014", "p1", 0, 10)]
    silent = [Source("a", "a working visit last year", "p1", 0, 10)]
    assert check_date_sourced(year, None, stated) == ()
    assert check_date_sourced(year, "last year, in 2015", silent) == ()
    assert check_date_sourced(None, None, silent) == ()
    assert check_date_sourced(year, None, silent) == (
        Issue(
            "date", "no quote states the year (2014); say how the date was inferred in 'date_note:'"
        ),
    )
    # a year the quotes name instead, as a typo makes it (flow56); no count taken for one
    wrong = parse_edtf("2024-05-06")
    opened = [
        Source("a", "We opened it on 6 May 2025 for 200,000 boxes, 2025.5 and 1500", "p1", 0, 9)
    ]
    assert check_date_sourced(wrong, None, opened) == (
        Issue(
            "date",
            "no quote states the year (2024) (the quotes name 2025: a slip of the year?); say "
            "how the date was inferred in 'date_note:'",
        ),
    )
    interval = parse_edtf("2019/2023")
    assert check_date_sourced(interval, None, [Source("a", "from 2019", "p1", 0, 9)]) == ()
    bound = parse_edtf("[..2025-04-21]")
    assert [i.key for i in check_date_sourced(bound, None, stated)] == ["date", "date_note"]
    assert check_date_sourced(bound, None, [])[0].key == "date_note"
    # the year as a number of its own: "2014" is neither the year 14 nor 201
    for written in ("0014", "0201"):
        assert [i.key for i in check_date_sourced(parse_edtf(written), None, stated)] == ["date"]
    assert check_date_sourced(year, None, [Source("a", "in 2014-15", "p1", 0, 9)]) == ()


def test_a_passage_quoted_twice_by_one_milestone_is_one_source() -> None:
    """Three sources of one passage read as three sources: more corroboration than the
    article gives. Another passage of the paragraph, one only overlapping, or the same words
    in another paragraph or article, are sources of their own."""

    def at(article: str, paragraph: str, start: int, end: int, line: int) -> Source:
        return Source(article, "q", paragraph, start, end, line=line)

    first = at("a", "p1", 10, 40, 5)
    assert check_repeated_sources([first, at("a", "p1", 40, 60, 7), at("a", "p1", 30, 50, 9)]) == ()
    assert check_repeated_sources([first, at("a", "p2", 10, 40, 7), at("b", "p1", 10, 40, 9)]) == ()
    issues = check_repeated_sources(
        [first, at("a", "p1", 10, 40, 7), at("a", "p1", 15, 20, 9), at("a", "p1", 0, 50, 11)]
    )
    assert [(i.key, i.line) for i in issues] == [("quote", 7), ("quote", 9), ("quote", 11)]
    assert [i.message.split(" the one")[0] for i in issues] == [
        "this quote repeats",
        "this quote lies within",
        "this quote holds",
    ]
    assert issues[0].message == (
        "this quote repeats the one at line 5 (a, p1): one passage is one source; "
        "remove one of them"
    )


def _quoted(*quotes: str) -> list[Source]:
    return [Source("a", q, "p1", 0, len(q)) for q in quotes]


def test_a_month_or_a_day_no_quote_states_is_a_warning() -> None:
    """ "15 June 2023" backed by "... carried 40,000 trucks in 2023." built as a day, not
    inferred (audit 5): the quotes must state the month and the day, else a note says how
    they are known."""
    year_only = _quoted("The ferry line carried 40,000 trucks in 2023.")
    message = unsourced_precision(parse_edtf("2023-06-15"), None, year_only)
    assert message is not None and "its month, June, which no quote states" in message
    assert unsourced_precision(parse_edtf("2023-06-15"), "The ministry's report", year_only) is None
    assert unsourced_precision(parse_edtf("2023"), None, year_only) is None
    # another month named: said
    march = _quoted("The berth opened on March 11, 2024, according to port officials.")
    message = unsourced_precision(parse_edtf("2024-06-12"), None, march)
    assert message is not None and "(they name March)" in message
    # the month, not the day
    message = unsourced_precision(parse_edtf("2024-03-12"), None, march)
    assert message is not None and "its day, 12 March" in message
    assert unsourced_precision(parse_edtf("2024-03-11"), None, march) is None
    assert unsourced_precision(parse_edtf("2024-03"), None, march) is None
    # as other languages and numbers write them
    for quote, date in (
        ("Prezident aprelin 22-də Pekinə gəlib, 2025-ci il.", "2025-04-22"),
        ("Визит состоялся 23 апреля 2025 года.", "2025-04-23"),
        ("双方于2025年4月23日签署了声明。", "2025-04-23"),
        ("Signed on 23.04.2025 in Beijing.", "2025-04-23"),
        # (review 11) Azerbaijani months with their endings, Korean, dotted and slashed dates
        ("Prezident 2024-cü il martın 12-də Pekinə səfər edib.", "2024-03-12"),
        ("Müqavilə 2024-cü il iyunun 15-də imzalanıb.", "2024-06-15"),
        ("2024년 3월 12일 서명했다.", "2024-03-12"),
        ("Signed on 2024.03.12 in Astana.", "2024-03-12"),
        ("Signed on 03/12/2024 in Washington.", "2024-03-12"),
        ("２０２４年３月１２日签署。", "2024-03-12"),
    ):
        assert unsourced_precision(parse_edtf(date), None, _quoted(quote)) is None, quote
    # "Martin" names no March
    assert (
        unsourced_precision(parse_edtf("2024-03"), None, _quoted("Martin said in 2024."))
        is not None
    )


def test_an_interval_end_s_year_no_quote_states_is_a_warning() -> None:
    """Hostile review 28: "2014/2017" backed by "... a working visit to China in 2014" was
    built with no word: one year of the interval stated was enough, its end's claimed."""
    visit = _quoted("I paid a working visit to China in 2014")
    message = unsourced_precision(parse_edtf("2014/2017"), None, visit)
    assert message is not None and "its end's year, 2017, which no quote states" in message
    message = unsourced_precision(parse_edtf("2013/2014"), None, visit)
    assert message is not None and "its start's year, 2013" in message
    assert unsourced_precision(parse_edtf("2014/2017"), "The ministry's report", visit) is None
    assert unsourced_precision(parse_edtf("2014/.."), None, visit) is None
    for said in ("In 2019-2023, it chaired", "as the chair in 2019-23,", "from 2019 to 2023"):
        assert unsourced_precision(parse_edtf("2019/2023"), None, _quoted(said)) is None


def test_each_end_of_an_interval_is_checked_as_a_date_is() -> None:
    """``2024-03-29/2024-03-30`` backed by "29-30 January 2024" passed without a word
    (audit 6): only single dates were checked."""
    january = _quoted("Investors met in Brussels on 29-30 January 2024.")
    assert unsourced_precision(parse_edtf("2024-01-29/2024-01-30"), None, january) is None
    message = unsourced_precision(parse_edtf("2024-03-29/2024-03-30"), None, january)
    assert message is not None
    assert "its start's month, March, which no quote states (they name January)" in message
    message = unsourced_precision(parse_edtf("2024-01-29/2024-02-02"), None, january)
    assert message is not None and "its end's month, February" in message
    message = unsourced_precision(parse_edtf("2024-01-15/2024-01-30"), None, january)
    assert message is not None and "its start's day, 15 January" in message
    # (hostile review 28) an end's year no quote states is said as its month is
    message = unsourced_precision(parse_edtf("2024-01/2025"), None, january)
    assert message is not None and "its end's year, 2025, which no quote states" in message
    # a part of a year the quotes name gives its months (review 14: "first half")
    half = _quoted("Cargo grew by a fifth in the first half of 2024.")
    assert unsourced_precision(parse_edtf("2024-01/2024-06"), None, half) is None
    assert unsourced_precision(parse_edtf("2024-01/2024-07"), None, half) is not None
    q3 = _quoted("Revenue fell in the third quarter of 2024.")
    assert unsourced_precision(parse_edtf("2024-07/2024-09"), None, q3) is None
    assert unsourced_precision(parse_edtf("[2024-03-29..]"), None, january) is not None
    assert unsourced_precision(parse_edtf("2024-03-29/2024-03-30"), "a note", january) is None


def _published(*days: str) -> list[Published]:
    return [
        Published(dt.date.fromisoformat(d + "-01" * (2 - d.count("-"))), precision=p)
        for d in days
        for p in (("day", "month", "year")[2 - d.count("-")],)
    ]


def test_a_milestone_that_happened_after_every_source_is_a_warning() -> None:
    """A plan for 2029 quoted from a 2025 interview, its ``status: planned`` left out,
    showed as something that happened (audit 6)."""
    sources = _published("2025-02-12", "2024-11-03")
    message = after_every_source(parse_edtf("2029"), "happened", sources)
    assert message == (
        "2029 is after every source was published (the latest 2025-02-12), yet the "
        "milestone is 'happened': what sources foretell is 'status: planned'"
    )
    assert after_every_source(parse_edtf("2029"), "planned", sources) is None
    assert after_every_source(parse_edtf("2029"), "ongoing", sources) is not None
    # the date may be the day the latest source was published, or any day before it
    assert after_every_source(parse_edtf("2025-02-12"), "happened", sources) is None
    assert after_every_source(parse_edtf("2025-02"), "happened", sources) is None
    # a day more (the outlet's day may be behind the event's, review 13), not two
    assert after_every_source(parse_edtf("2025-02-13"), "happened", sources) is None
    assert after_every_source(parse_edtf("2025-02-14"), "happened", sources) is not None
    # a note says how the date is known (a later update of a live page): no warning
    assert after_every_source(parse_edtf("2029"), "happened", sources, "updated 2029") is None
    # a source dated to its month or year may be as late as its last day
    assert after_every_source(parse_edtf("2025-12-31"), "happened", _published("2025")) is None
    assert (
        after_every_source(parse_edtf("2025-03-02"), "happened", _published("2025-02")) is not None
    )
    # a state known by a date, an uncertain or approximate date: not said
    assert after_every_source(parse_edtf("[..2029]"), "happened", sources) is None
    assert after_every_source(parse_edtf("2029?"), "happened", sources) is None
    assert after_every_source(parse_edtf("2029~"), "happened", sources) is None
    assert after_every_source(parse_edtf("[2026..]"), "happened", sources) is not None


def test_an_interval_that_happened_to_an_end_after_every_source_is_a_warning() -> None:
    """Audit trust57: "Work began in April 2019 and will end in 2023", from a report of
    2019, dated 2019/2023 and left 'happened', said the work ran to its end in 2023: its
    sources saw it begin and foretold its end, which 'ongoing' says."""
    sources = _published("2019")
    message = after_every_source(parse_edtf("2019/2023"), "happened", sources)
    assert message == (
        "2019–2023 ends after every source was published (the latest 2019-12-31), yet the "
        "milestone is 'happened': what sources see begin and foretell the end of is "
        "'status: ongoing'"
    )
    assert after_every_source(parse_edtf("2019/2023"), "ongoing", sources) is None
    assert after_every_source(parse_edtf("2019/2023"), "planned", sources) is None
    assert after_every_source(parse_edtf("2019/2023"), "happened", sources, "see 2024") is None
    # an end the sources may have seen (a day behind too), or one only approximate: not said
    assert after_every_source(parse_edtf("2018/2019"), "happened", sources) is None
    assert after_every_source(parse_edtf("2019-03/2020-01-01"), "happened", sources) is None
    assert after_every_source(parse_edtf("2019/2023~"), "happened", sources) is None
    assert after_every_source(parse_edtf("2019/.."), "happened", sources) is None


def test_an_unknown_id_names_the_one_likely_meant() -> None:
    """An unknown id said only "unknown" (audit 6): a close spelling, or an article's file
    name given for its id, is named."""
    known = {"2025-03-20-caspian-field-notes-a-conversation-on-caspian", "alat-port"}
    (issue,) = check_source_article(
        "2025-03-20-caspian-field-notes-a-conversation-on-caspian.capture.txt",
        Known(articles=dict.fromkeys(known), entities=set(), topics=set(), broken=set()),
    )
    assert "the id is the file's name without '.capture.txt'" in issue.message
    (issue,) = unknown((("alat-prot", 3),), known, "entities", "entity", "entities.yaml")
    assert (
        issue.message == "unknown entity 'alat-prot' (did you mean 'alat-port'? see entities.yaml)"
    )
    (issue,) = unknown((("atlantis", 3),), known, "entities", "entity", "entities.yaml")
    assert issue.message == "unknown entity 'atlantis' (see entities.yaml)"


def test_months_a_text_names() -> None:
    assert months_stated("on April 2, 1992, and in Sept. 2019") == {4, 9}
    assert months_stated("Nisan'da ve Mayıs ayında, 15.06.2023, 2023-07-01") == {4, 5, 6, 7}
    assert months_stated("Martin may come; 2023") == set()
    assert months_stated("وقّع في 5 تشرين الأول، وافتتح في نيسان وفي مايو") == {10, 4, 5}
    # Arabic's "آب" (August; Persian's water) and "مارس" (March; a verb) by a number or "في"
    assert months_stated("مارس الوزير ضغوطا على آب") == set()
    assert months_stated("وقّع في 15 آب، وافتتح في مارس") == {8, 3}
    assert months_stated("مارس 2025") == {3}


def test_a_milestone_quoting_an_article_without_a_cache_key_is_not_kept(tmp_path: Path) -> None:
    """An article whose metadata was away for an instant while its key was taken (an
    editor saving it) loaded with no key, and keeping a milestone quoting it was an
    internal error (KeyError, audit 6): such a milestone is read, not kept."""
    from archive_site.cache import RecordCache
    from archive_site.errors import Problems
    from archive_site.load.milestones import Kept
    from archive_site.yamlsrc import Record, parse_yaml

    problems = Problems()
    data = parse_yaml("id: m\n", "milestones.yaml", problems)
    rec = Record(data, "milestones.yaml", problems, "milestone")
    cache = RecordCache(tmp_path, "salt")
    known = Known(articles={}, entities=set(), topics=set(), broken=set())
    kept = Kept(cache, known, {"b": "key-of-b"})
    milestone = Milestone(
        id="m",
        date=parse_edtf("2024"),
        title="t",
        summary="s",
        topics=("trade",),
        entities=(),
        sources=tuple(_quoted("in 2024")),  # article "a": no key
        status="happened",
        date_note=None,
        line=1,
        summary_line=1,
    )
    assert kept.read(rec, {}, lambda _: milestone) is milestone
    cache.save()  # nothing kept
    assert not list(tmp_path.rglob("milestones*"))


def test_an_unknown_entity_names_the_one_id_it_is_a_part_of() -> None:
    """A speaker written by family name, 'ziyadov' for 'taleh-ziyadov', was told only
    "unknown entity" (flow56): the one id holding it between hyphens is named; a part of
    two ids, or of none, names none."""
    from archive_site.load.checks import unknown_entity

    known = {"taleh-ziyadov", "alat", "alat-port", "middle-corridor", "china"}
    assert unknown_entity("ziyadov", known) == (
        "unknown entity 'ziyadov' (did you mean 'taleh-ziyadov'? see entities.yaml)"
    )
    assert unknown_entity("corridor", known) == (
        "unknown entity 'corridor' (did you mean 'middle-corridor'? see entities.yaml)"
    )
    assert unknown_entity("port", known) == (  # 'alat-port' only: a whole part
        "unknown entity 'port' (did you mean 'alat-port'? see entities.yaml)"
    )
    assert unknown_entity("taleh", known) == (
        "unknown entity 'taleh' (did you mean 'taleh-ziyadov'? see entities.yaml)"
    )
    assert unknown_entity("ziya", known) == "unknown entity 'ziya' (see entities.yaml)"
    assert unknown_entity("chinas", known).startswith(
        "unknown entity 'chinas' (did you mean 'china'?"
    )
    two = known | {"bakhtiyar-ziyadov"}
    assert unknown_entity("ziyadov", two) == "unknown entity 'ziyadov' (see entities.yaml)"


def test_an_unknown_id_written_as_a_name_names_the_id_it_reads_as() -> None:
    """``speaker: Taleh Ziyadov``, ``entities: [Middle Corridor]``: the entity's name
    for its id (flow56)."""
    from archive_site.load.checks import unknown_entity

    known = {"taleh-ziyadov", "middle-corridor", "alat"}
    assert unknown_entity("Taleh Ziyadov", known) == (
        "unknown entity 'Taleh Ziyadov' (did you mean 'taleh-ziyadov'? see entities.yaml)"
    )
    assert unknown_entity("Middle Corridor", known).startswith(
        "unknown entity 'Middle Corridor' (did you mean 'middle-corridor'?"
    )
    assert unknown_entity("Baku", known) == "unknown entity 'Baku' (see entities.yaml)"


def test_an_exact_date_its_quotes_say_is_about_then_is_a_warning() -> None:
    """Audit 61: "2010" backed only by "handled 5 million tonnes circa 2010" was shown as
    2010, not c. 2010, without a word: the date claimed a certainty its source does not give."""
    about = _quoted("The port handled about 5 million tonnes circa 2010.")
    message = unsourced_exactness(parse_edtf("2010"), None, about)
    assert message == (
        "the quotes say it is about then ('circa 2010'), the date that it is exact: write "
        "'2010~', or say how it is known in 'date_note:'"
    )
    for said in ("It opened around 2010.", "Построен примерно в 2010 году.", "Vers 2010."):
        assert unsourced_exactness(parse_edtf("2010"), None, _quoted(said)) is not None
    # approximate already, a note, a quote stating the year plainly too, a range, a bound
    assert unsourced_exactness(parse_edtf("2010~"), None, about) is None
    assert unsourced_exactness(parse_edtf("2010"), "The port's records", about) is None
    plain = _quoted("It opened around 2010.", "The port opened in 2010.")
    assert unsourced_exactness(parse_edtf("2010"), None, plain) is None
    assert unsourced_exactness(parse_edtf("2010/2012"), None, about) is None
    assert unsourced_exactness(parse_edtf("2010"), None, _quoted("Talks about 2011.")) is None


def _milestone(id_: str, date: str, line: int, *quotes: tuple[str, int, int]) -> Milestone:
    sources = tuple(
        Source("a", "q", para, start, start + 10, line=line + 5 + n)
        for n, (para, start, _) in enumerate(quotes)
    )
    return Milestone(id_, parse_edtf(date), id_, "s", ("t",), (), sources, line=line)


def test_one_passage_dated_twice_by_two_milestones_is_a_warning() -> None:
    """Audit 61: three milestones quoting "The ferry resumed service on April 20, 2025",
    dated 2025-04-20, 2025-04-20 and 2025-04, were three events on the timeline, without a
    word: one event made three, dated twice."""
    day = _milestone("ferry-resumes", "2025-04-20", 1, ("p1", 0, 0))
    again = _milestone("ferry-back", "2025-04-20", 10, ("p2", 5, 0), ("p1", 0, 0))
    month = _milestone("ferry-april", "2025-04", 20, ("p1", 0, 0))
    found = dated_twice([month, again, day])
    said = (
        "date: the milestone 'ferry-resumes' quotes these words too, dated 20 April 2025: one "
        "event dated twice? Merge them (the sources of each in one), or quote of each the "
        "words that tell its own event"
    )
    assert found == [(16, said), (25, said)]
    # words telling two events at dates apart, other words, a bound: no warning
    later = _milestone("ferry-expands", "2025-05", 30, ("p1", 0, 0))
    other = _milestone("ferry-other", "2025-04-20", 40, ("p1", 20, 0))
    bound = _milestone("ferry-by", "[..2025-04-30]", 50, ("p1", 0, 0))
    assert dated_twice([day, later, other, bound]) == []
