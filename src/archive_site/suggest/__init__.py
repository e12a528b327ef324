"""Candidate milestones: every dated mention in the articles' text.

Pure functions over loaded records: :func:`mentions_in` reads one article's
paragraphs (never its page furniture, never the raw capture), sentence by
sentence, with :func:`~archive_site.suggest.datewords.find_dates`; each
mention carries the sentence verbatim (it passes the quote check when pasted
into ``milestones.yaml``), the paragraph's anchor, the date in EDTF, how it was
read, and ``existing``: the milestones that already cover that date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..dates import MONTHS, DateError, DateSpec, parse_edtf
from ..model import Article, Milestone, Paragraph
from ..patterns import later
from ..text import sentences
from .datewords import REACH, DateWords, days_after, find_dates
from .zones import local_days, where


@dataclass(frozen=True, slots=True)
class Mention:
    """A dated mention in an article: a candidate milestone."""

    article: str
    paragraph: str  # anchor, "p7"
    date: str  # EDTF
    quote: str  # the sentence, verbatim
    basis: str  # how the date was read
    existing: tuple[str, ...] = ()  # ids of milestones that already cover the date
    inferred: bool = False


def mentions_in_paragraph(
    article: str, paragraph: Paragraph, published: dt.date, language: str = "en"
) -> list[Mention]:
    """The dated mentions of one paragraph (in an article in ``language``), one per date
    and sentence."""
    found: list[Mention] = []
    earlier = ""  # the paragraph's words before the sentence (its last: "that year" is theirs)
    for sentence in sentences(paragraph.text):
        seen: set[str] = set()
        dates = find_dates(sentence, published, language, earlier)
        earlier = f"{earlier} {sentence}"[-REACH:]
        dates.sort(key=lambda d: d.inferred)
        for words in dates:  # a date the words state beats the same date inferred
            if words.edtf in seen or not _a_milestone_date(words.edtf):
                continue
            seen.add(words.edtf)
            quote = _quote(sentence, words)
            found.append(
                Mention(article, paragraph.id, words.edtf, quote, words.basis, (), words.inferred)
            )
    order = {m: i for i, m in enumerate(found)}
    return sorted(found, key=lambda m: (paragraph.text.find(m.quote), order[m]))


def _a_milestone_date(edtf: str) -> bool:
    """Whether a milestone may be dated ``edtf``: "last year" in an article of the year 1
    is the year 0, which no milestone can be (years 1 to 9998)."""
    try:
        parse_edtf(edtf)
    except DateError:
        return False
    return True


#: The most characters a mention quotes of its sentence either side of its date's words:
#: all of any real sentence; of a "sentence" of thousands of dates, each quoted whole, a
#: 68 KB capture made suggest print 361 MB.
QUOTE_REACH = 400


def _quote(sentence: str, words: DateWords) -> str:
    """The words of ``sentence`` a mention of ``words`` quotes: all of them, or the whole
    words within :data:`QUOTE_REACH` characters of the date's, as written."""
    first, last = max(0, words.start - QUOTE_REACH), words.end + QUOTE_REACH
    if first == 0 and last >= len(sentence):
        return sentence
    if first > 0:  # from the first word whole
        space = re.search(r"\s", sentence[first : words.start])
        first += space.end() if space is not None else 0
    if last < len(sentence):  # to the last word whole
        space = re.search(r"\s\S*$", sentence[words.end : last])
        last = words.end + space.start() if space is not None else last
    return sentence[first:last].strip()


def anchor(article: Article) -> dt.date | None:
    """The day an article's relative words ("yesterday", "on Monday") are read against: the
    day its dateline names ("BEIJING, April 23 (Xinhua) --", written the day before the
    page's 24 April), when it names one in the week up to the publication day (or in the
    month an article dated to the month was published); else the publication day. An
    article dated to the month or the year with no such dateline gives none."""
    pub = article.published
    if pub.precision == "year":
        return None
    day = _dateline_day(article)
    if day is not None:
        return day
    return pub.date if pub.precision == "day" else None


def _dateline_day(article: Article) -> dt.date | None:
    """The day an article's dateline names, when it is in the week up to the publication
    day (or in the month of an article dated to the month); else none."""
    pub = article.published
    last = pub.last_day
    for words in find_dates(article.dateline or "", last, article.language):
        if _DAY().fullmatch(words.edtf) is None:
            continue
        day = dt.date.fromisoformat(words.edtf)
        week_before = days_after(pub.date, -7) or dt.date.min
        first = week_before if pub.precision == "day" else pub.date
        if first <= day <= last:
            return day
    return None


def mentions_in(article: Article) -> list[Mention]:
    """Every dated mention in an article's paragraphs, in reading order."""
    day = anchor(article)
    if day is None:
        return [m for p in article.paragraphs for m in _mentions_in_period(article, p)]
    pub = article.published
    if day == pub.date and _dateline_day(article) is None and (local := outlet_days(article)):
        return [m for p in article.paragraphs for m in _mentions_on_days(article, p, local)]
    out: list[Mention] = []
    note = ""
    if pub.precision != "day" or day != pub.date:
        note = (
            f"; read against the day of the dateline ({article.dateline!r}), "
            f"{day.isoformat()}, not the page's ({pub.display()})"
        )
    for paragraph in article.paragraphs:
        found = mentions_in_paragraph(article.id, paragraph, day, article.language)
        out.extend(dataclasses.replace(m, basis=m.basis + note) if m.inferred else m for m in found)
    return out


def outlet_days(article: Article) -> tuple[dt.date, ...]:
    """The days an article given a time in UTC (``21:30``, ``+00:00``: a page's ``Z``) may
    have been published on where its outlet is, when its page says where (see
    :func:`.zones.outlet_offsets`) and one of them is not the UTC day: 21:30 UTC is 24 April
    in Tokyo (``(24 April,)``); 23:30 UTC for a Russian address, 24 April from Kaliningrad
    to Kamchatka; 22:30 UTC for one in Russia, 23 or 24 April.  Else none."""
    pub = article.published
    if pub.precision != "day" or pub.time is None or pub.timezone != "+00:00":
        return ()
    return local_days(pub.date, pub.time, article.language, article.url)


def _mentions_on_days(
    article: Article, paragraph: Paragraph, days: tuple[dt.date, ...]
) -> list[Mention]:
    """The mentions of a paragraph of an article whose outlet's day is one of ``days`` (see
    :func:`outlet_days`), not its UTC day: words relative to it read against that day, or,
    when it may be either of two, only those that give the same date on both ("on
    Thursday" is none; "last year", most often, is the same)."""
    pub = article.published
    readings = [mentions_in_paragraph(article.id, paragraph, d, article.language) for d in days]
    same = {(m.quote, m.date) for m in readings[-1] if m.inferred}
    shown = " or ".join(f"{d.day} {MONTHS[d.month - 1]} {d.year}" for d in days)
    note = (
        f"; read against {shown}, the outlet's own day where {where(article.language, article.url)}"
        f" says it is: its page gives the time in UTC only ({pub.display()})"
    )
    return [
        m if not m.inferred else dataclasses.replace(m, basis=m.basis + note)
        for m in readings[0]
        if not m.inferred or (m.quote, m.date) in same
    ]


def _mentions_in_period(article: Article, paragraph: Paragraph) -> list[Mention]:
    """The mentions of a paragraph of an article dated only to the month or the year: words
    read against the publication day ("last year", "yesterday", "April 23") only when they
    give the same date whichever day of that month or year it was ("last year" in an article
    of 2025 is 2024; "yesterday", or "April 23" in one of April 2025, is none)."""
    pub = article.published
    first = mentions_in_paragraph(article.id, paragraph, pub.date, article.language)
    last = mentions_in_paragraph(article.id, paragraph, pub.last_day, article.language)
    same = {(m.quote, m.date) for m in last if m.inferred}
    shown = f"{pub.date.day} {MONTHS[pub.date.month - 1]} {pub.date.year}"
    return [
        m
        if not m.inferred
        else dataclasses.replace(
            m,
            basis=m.basis.replace(shown, pub.display())
            + f" (whichever day of {pub.display()} it was published)",
        )
        for m in first
        if not m.inferred or (m.quote, m.date) in same
    ]


# --- existing milestones -------------------------------------------------------------


def _span(spec: DateSpec) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    if spec.kind in ("before", "after") or spec.start is None:
        return None
    return spec.start.first_day(), (spec.end or spec.start).last_day()


#: A date that names a day (the same day in two articles is likely one event).
_DAY = later(r"-?\d{4}-\d{2}-\d{2}")


def _plain(edtf: str) -> str:
    return re.sub(r"[?~%]", "", edtf)


def _nested(a: DateSpec, b: DateSpec) -> bool:
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    return (sa[0] <= sb[0] and sb[1] <= sa[1]) or (sb[0] <= sa[0] and sa[1] <= sb[1])


def with_existing(mentions: Iterable[Mention], milestones: Sequence[Milestone]) -> list[Mention]:
    """Each mention with the milestones that cover its date.

    A milestone covers a mention when its date is the same day (a month or a year only when
    the milestone quotes the mention's paragraph: "last year" in one paragraph is not that
    year's other events), or when it quotes the mention's paragraph and one date lies
    within the other (the paragraph says "last year"; the milestone, from another sentence,
    is in July of it).
    """
    by_date: dict[str, list[Milestone]] = {}
    by_paragraph: dict[tuple[str, str], list[Milestone]] = {}
    for ms in milestones:
        by_date.setdefault(_plain(ms.date.edtf), []).append(ms)
        for source in ms.sources:
            by_paragraph.setdefault((source.article, source.paragraph), []).append(ms)
    out = []
    for m in mentions:
        day = _DAY().fullmatch(_plain(m.date)) is not None
        ids = [
            ms.id
            for ms in by_date.get(_plain(m.date), ())
            if day or any((s.article, s.paragraph) == (m.article, m.paragraph) for s in ms.sources)
        ]
        try:
            spec = parse_edtf(_plain(m.date))
        except DateError:
            spec = None
        for ms in by_paragraph.get((m.article, m.paragraph), ()):
            if spec is not None and ms.id not in ids and _nested(spec, ms.date):
                ids.append(ms.id)
        out.append(
            Mention(
                m.article, m.paragraph, m.date, m.quote, m.basis, tuple(sorted(ids)), m.inferred
            )
        )
    return out


def suggest(articles: Sequence[Article], milestones: Sequence[Milestone]) -> list[Mention]:
    """The dated mentions of the articles, each with the milestones that cover it."""
    found = [m for a in articles for m in mentions_in(a)]
    return with_existing(found, milestones)
