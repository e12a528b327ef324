"""The curated timeline: milestones, each sourced by quotes from articles.

A milestone is read key by key; each key's value is checked by a pure
function that returns its issues, reported before the next key is read, so
the problems come in the order of the file.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard, cast

from .. import urls
from ..cache import RecordCache, digest
from ..config import primary_language
from ..dates import (
    APPROXIMATELY,
    MONTHS,
    MONTHS_READ_IN,
    DateError,
    DateSpec,
    PartialDate,
    months_stated,
    outside_years,
    parse_edtf,
    states_month,
    with_suggestion,
)
from ..errors import Problems
from ..layout import MILESTONES_FILE, Ids
from ..model import (
    MILESTONE_STATUSES,
    Article,
    Entity,
    Milestone,
    MilestoneStatus,
    Published,
    Source,
    Topic,
    Voice,
    Withdrawal,
)
from ..patterns import later
from ..text import at_least_words, normalise_text, run_on_words
from ..yamlsrc import Record, YList, YMap
from .attribution import attribute, from_list, interpreted_words, mentions
from .checks import (
    Checked,
    Issue,
    entity_ids,
    former_of,
    near_id,
    not_one_of,
    prose,
    record_ids,
    report,
    unknown_article,
)
from .evidence import SAME_WORDS_MIN, story_chains
from .quotes import QuoteIndex
from .records import check_former_ids, former_lines, load_list, take_former_ids, take_id
from .speakers import names_of

Items = tuple[tuple[str, int], ...]  # (value, line) of each item of a list


@dataclass(frozen=True, slots=True)
class Known:
    """What milestones may refer to: the ids of the records loaded before them."""

    articles: Mapping[str, Article]  # by id
    entities: Collection[str]
    topics: Collection[str]
    broken: Collection[str]  # articles that did not load, their problems reported
    #: The names each entity is known by (see :func:`.speakers.names_of`): a transcript's
    #: turn names its speaker so.  (An entity's names are in its articles' cache keys.)
    names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: The broken articles a source was told of: each is said once, not at every source.
    told: set[str] = field(default_factory=set)
    #: The articles' ids with their former ids (for what an unknown one is told).
    article_ids: Collection[str] = frozenset()


def parse_date(text: str | None) -> Checked[DateSpec]:
    if text is None:
        return Checked(None)
    try:
        return Checked(parse_edtf(text))
    except DateError as exc:
        return Checked(None, (Issue("date", str(exc)),))


#: The most years one milestone spans without a warning. A year page lists what happens in
#: its year, and an interval happens in each year it spans: ``0001/9998``, or a typo such as
#: ``1025/2025``, would give the site a page for each of a thousand years or more.
MOST_YEARS = 100


def long_span(date: DateSpec) -> str | None:
    """Why ``date`` spans more years than the archivist likely means (see
    :data:`MOST_YEARS`); None when it does not."""
    years = len(date.years())
    if years <= MOST_YEARS:
        return None
    return (
        f"{date.edtf} spans {years:,} years, and the site gets a page for each of them (more "
        f"than {MOST_YEARS} for one milestone: is the date meant so?)"
    )


def warn_long_span(rec: Record, date: DateSpec | None) -> None:
    """A warning on the date's line when ``date`` spans too many years (:func:`long_span`)."""
    why = None if date is None else long_span(date)
    if why is not None:
        rec.problems.warning(rec.display, rec.key_line("date"), f"date: {why}")


def unsourced_precision(
    date: DateSpec | None, date_note: str | None, sources: Sequence[Source]
) -> str | None:
    """What no quote states of a date known to the month or the day (its month, its day;
    each end's, of an interval), when no note says how it is known: "15 June 2023" backed
    by "... in 2023" claims more than its sources give."""
    if date is None or date_note or not sources:
        return None
    quotes = " ".join(s.quote for s in sources)
    if not quotes.isascii():
        quotes = unicodedata.normalize("NFKC", quotes)
    for end, d in _dated_ends(date):
        what = _unstated_year(d, quotes) if date.kind == "interval" else None
        what = what or _unstated(d, quotes)
        if what is not None:
            return (
                f"the date gives {end}{what}: say how it is known in 'date_note:' (it is "
                "then shown as inferred), or give only what the quotes state"
            )
    return None


#: Words that make the date after them approximate: "circa 2010" (see :data:`.dates.APPROXIMATELY`).
_APPROXIMATE = later(rf"{APPROXIMATELY}$")


def unsourced_exactness(
    date: DateSpec | None, date_note: str | None, sources: Sequence[Source]
) -> str | None:
    """What the quotes say of a date given as exact, a single one, when each time they
    state its year they say it is about then ("circa 2010", "around 2010"), and no note
    says how it is known exactly: ``2010`` backed by "circa 2010" claims a certainty its
    sources do not give, which ``2010~`` does not."""
    if date is None or date_note or not sources or date.kind != "single":
        return None
    d = date.anchor
    if d.approximate or d.uncertain:
        return None
    quotes = " ".join(s.quote for s in sources)
    stated = [m.start() for m in re.finditer(rf"(?<!\d)0*{d.year}(?!\d)", quotes)]
    about = [_APPROXIMATE().search(quotes, max(0, at - 64), at) for at in stated]
    if not about or None in about:
        return None
    said = f"{about[0][0].strip() if about[0] else ''} {d.year}"
    return (
        f"the quotes say it is about then ('{said}'), the date that it is exact: write "
        f"'{d.iso}~', or say how it is known in 'date_note:'"
    )


def _dated_ends(date: DateSpec) -> list[tuple[str, PartialDate]]:
    """The dates ``date`` is made of, each with what to call it ("its start's "): an
    interval's two ends, else its one date."""
    if date.kind != "interval":
        return [("its ", date.anchor)]
    return [
        (f"{name}'s ", d) for name, d in (("its start", date.start), ("its end", date.end)) if d
    ]


def _unstated_year(d: PartialDate, quotes: str) -> str | None:
    """The year of an interval's end ``d``, said, when ``quotes`` do not state it (as a
    number of its own, or its last two digits after a dash: "2024-25"): "2014/2017"
    backed by "in 2014" claims the years to 2017, which its sources do not give."""
    if re.search(rf"(?<!\d)0*{d.year}(?!\d)|[-–/]\s*{d.year % 100:02d}(?!\d)", quotes):
        return None
    return f"year, {d.year}, which no quote states"


def _unstated(d: PartialDate, quotes: str) -> str | None:
    """The month or the day of ``d`` that ``quotes`` do not state, said; None when they do
    (or ``d`` is a year)."""
    if d.month is None:
        return None
    if d.day is None and d.month in _period_ends(quotes):
        return None  # "in the first half of 2024": from January, to June
    if not states_month(quotes, d.month):
        months = months_stated(quotes)
        named = ", ".join(MONTHS[m - 1] for m in sorted(months))
        said = f" (they name {named})" if months else ""
        return f"month, {MONTHS[d.month - 1]}, which no quote states{said}"
    if d.day is not None and not re.search(rf"(?<!\d)0?{d.day}(?!\d)", quotes):
        return f"day, {d.day} {MONTHS[d.month - 1]}, which no quote states"
    return None


#: Parts of a year the quotes may name, and the months they run from and to.
_PERIODS = tuple(
    (later(pattern, re.IGNORECASE), first, last)
    for pattern, first, last in (
        (r"\b(?:first|1st)\s+half\b|\bH1\b", 1, 6),
        (r"\b(?:second|2nd|latter)\s+half\b|\bH2\b", 7, 12),
        (r"\b(?:first|1st)\s+quarter\b|\bQ1\b", 1, 3),
        (r"\b(?:second|2nd)\s+quarter\b|\bQ2\b", 4, 6),
        (r"\b(?:third|3rd)\s+quarter\b|\bQ3\b", 7, 9),
        (r"\b(?:fourth|4th|last)\s+quarter\b|\bQ4\b", 10, 12),
    )
)


def _period_ends(quotes: str) -> set[int]:
    """The months the parts of a year the quotes name run from and to."""
    return {m for p, first, last in _PERIODS if p().search(quotes) for m in (first, last)}


def after_every_source(
    date: DateSpec | None, status: str, published: Sequence[Published], date_note: str | None = None
) -> str | None:
    """A milestone said to have happened (or be under way) on a date after every source
    was published: the sources can only have foretold it, which ``status: planned`` says."""
    if date is None or status == "planned" or not published or date_note:
        return None  # (a note says how the date is known: a later update, another zone)
    latest = max(p.last_day for p in published)
    first = date.start if date.kind != "before" else None
    if _later(first, latest):
        return (
            f"{date.display()} is after every source was published (the latest "
            f"{latest.isoformat()}), yet the milestone is '{status}': what sources "
            "foretell is 'status: planned'"
        )
    if status == "happened" and date.kind == "interval" and _later(date.end, latest):
        assert date.end is not None
        return (  # (began, "and will end in 2023": the end is foretold, not seen)
            f"{date.display()} ends after every source was published (the latest "
            f"{latest.isoformat()}), yet the milestone is 'happened': what sources see "
            "begin and foretell the end of is 'status: ongoing'"
        )
    return None


def _later(date: PartialDate | None, latest: dt.date) -> bool:
    """Whether ``date`` (a certain one) begins more than a day after ``latest`` (the
    outlet's day may be behind the event's)."""
    if date is None or date.uncertain or date.approximate:
        return False
    try:  # (a year the calendar module does not take)
        earliest = dt.date(date.year, date.month or 1, date.day or 1)
    except ValueError:
        return False
    return earliest > latest + dt.timedelta(days=1)


def _check_sources(
    rec: Record,
    date: DateSpec | None,
    date_note: str | None,
    status: str,
    sources: Sequence[Source],
    known: Known,
    *,
    all_read: bool,
) -> None:
    """Report sources repeating one another, and a date its quotes do not state: its year
    (an error), its month or its day (a warning, see :func:`unsourced_precision`); the
    date only when every source was read (one that was not may be the one stating it), its
    month and day only in languages whose months the build reads (:data:`MONTHS_READ_IN`:
    "12 березня" names March, which no rule here reads); and a date after every source
    (a warning, see :func:`after_every_source`)."""
    sourced = check_date_sourced(date, date_note, sources) if all_read else ()
    report(rec, check_repeated_sources(sources), sourced)
    for issue in speakers_disagree(sources, known.articles):
        rec.problems.warning(rec.display, issue.line, f"{issue.key}: {issue.message}")
    articles = [known.articles[s.article] for s in sources]
    published = [a.published for a in articles]
    late = after_every_source(date, status, published, date_note) if all_read else None
    if late is not None:
        rec.problems.warning(rec.display, rec.key_line("date"), f"date: {late}")
    readable = all(primary_language(a.language) in MONTHS_READ_IN for a in articles)
    unsourced = (
        unsourced_precision(date, date_note, sources)
        if all_read and not sourced and readable
        else None
    )
    if unsourced is None and all_read and not sourced:
        unsourced = unsourced_exactness(date, date_note, sources)
    if unsourced is not None:
        rec.problems.warning(rec.display, rec.key_line("date"), f"date: {unsourced}")


#: How ``withdrawn:`` is written, for what a value of another shape is told.
WITHDRAWN_SHAPE = "withdrawn: {date: YYYY-MM-DD, reason: why it is withdrawn}"


def check_withdrawal_day(text: str | None) -> Checked[dt.date]:
    """The day a milestone was withdrawn: a real day, ``YYYY-MM-DD`` (a withdrawal is an
    act on a day, not in a month or a year)."""
    if text is None:
        return Checked(None)
    if _ISO_MONTH_OR_YEAR().match(text):
        why = f"a withdrawal is dated to the day, as YYYY-MM-DD, not {text!r}"
        return Checked(None, (Issue("date", why),))
    if not _ISO_DAY().match(text):
        why = f"expected the day it was withdrawn as YYYY-MM-DD, got {text!r}"
        return Checked(None, (Issue("date", with_suggestion(why, text)),))
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return Checked(None, (Issue("date", f"{text!r} is not a real date"),))
    outside = outside_years(day.year, text)
    return Checked(None, (Issue("date", outside),)) if outside else Checked(day)


_ISO_DAY = later(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MONTH_OR_YEAR = later(r"^\d{4}(?:-\d{2})?$")


def _withdrawn_after(
    rec: Record, read: tuple[Withdrawal | None, bool], sources: Sequence[Source], known: Known
) -> bool:
    """Whether the milestone's withdrawal as read (``read``: see :func:`read_withdrawal`) is
    well formed and, if any, dated after the articles it cites were published (see
    :func:`withdrawn_before`; if not, reported on its line)."""
    withdrawn, well_formed = read
    cited = [(s.article, known.articles[s.article].published) for s in sources]
    early = withdrawn_before(withdrawn, cited)
    if early is not None:
        rec.problems.error(rec.display, rec.key_line("withdrawn"), early)
    return well_formed and early is None


def withdrawn_before(
    withdrawn: Withdrawal | None, cited: Sequence[tuple[str, Published]]
) -> str | None:
    """A withdrawal dated before a source the milestone cites was published (``cited``: each
    source's article and when it was published), more than a day before (the outlet's day
    may be ahead of the archivist's): a milestone is made from its sources, and withdrawn
    after, so the day is a slip (2016 for 2026)."""
    if withdrawn is None:
        return None
    after = [(p.date, article, p) for article, p in cited if p.date > withdrawn.date]
    after = [a for a in after if (a[0] - withdrawn.date).days > 1]
    if not after:
        return None
    _, article, published = max(after, key=lambda a: (a[0], a[1]))
    return (
        f"withdrawn: date: {withdrawn.date.isoformat()} is before the article it cites, "
        f"{article}, was published ({published.day}): a milestone is withdrawn after it is "
        "made from its sources; write the day it was withdrawn"
    )


#: The most characters a withdrawal's reason may hold: the page shows it in its notice and
#: says it again in its description, Open Graph's and its data (JSON-LD), so a reason of
#: 1 MB made a page of 4 MB.  A reason is a sentence or a paragraph.
MOST_REASON = 2000


def _long_reason(size: int) -> str:
    return (
        f"withdrawn: reason: {size:,} characters long; say why it is withdrawn in at most "
        f"{MOST_REASON:,} (the page repeats it in its description and its data)"
    )


def read_withdrawal(rec: Record) -> tuple[Withdrawal | None, bool]:
    """The milestone's ``withdrawn:`` (a day and a reason, both required), and whether it
    is well formed (absent, it is: the milestone is current).  Its problems are said as
    ``withdrawn: date: ...``, on their own lines."""
    sub = rec.record("withdrawn", what="withdrawn", shape=WITHDRAWN_SHAPE)
    if sub is None:
        return None, "withdrawn" not in rec.data
    day = check_withdrawal_day(sub.text("date", required=True))
    reason = sub.text("reason", required="reason" not in sub.data)
    sub.finish()
    for issue in day.issues:
        sub.problems.error(sub.display, sub.key_line("date"), f"withdrawn: date: {issue.message}")
    if reason is None and "reason" in sub.data:
        message = "withdrawn: reason: empty; say why it is withdrawn"
        sub.problems.error(sub.display, sub.key_line("reason"), message)
    if reason is not None and len(reason) > MOST_REASON:
        sub.problems.error(sub.display, sub.key_line("reason"), _long_reason(len(reason)))
        reason = None
    if day.value is None or reason is None:
        return None, False
    return Withdrawal(day.value, reason, rec.key_line("withdrawn")), True


def check_status(status: str) -> tuple[Issue, ...]:
    if status in MILESTONE_STATUSES:
        return ()
    return (Issue("status", not_one_of(status, MILESTONE_STATUSES)),)


def check_topics(items: Items, known: Collection[str]) -> tuple[Issue, ...]:
    """At least one topic, and each one known."""
    none = () if items else (Issue(None, "milestone: give at least one topic under 'topics:'"),)
    return none + unknown(items, known, "topics", "topic", "topics.yaml")


def unknown(
    items: Items, known: Collection[str], key: str, what: str, where: str
) -> tuple[Issue, ...]:
    """An issue on its line for each item that is not a known id."""
    return tuple(
        Issue(key, f"unknown {what} '{value}' ({near_id(value, known)}see {where})", line)
        for value, line in items
        if value not in known
    )


def check_source_article(article: str, known: Known) -> tuple[Issue, ...]:
    if article not in known.articles:
        return (Issue("article", unknown_article(article, known.article_ids or known.articles)),)
    return ()


def _broken(src: Record, article: str, known: Known) -> bool:
    """Whether ``article`` did not load: said at the first source quoting it, not again."""
    if article not in known.broken:
        return False
    if article not in known.told:
        known.told.add(article)
        message = (
            f"article '{article}' did not load (its problems are listed); no source quoting "
            "it is checked until it does"
        )
        src.error("article", message)
    return True


#: A number a quote holds that can be a recent year (1800 to 2099, standing alone: not of
#: "200,000" or "2025.5"), named when no quote states the milestone's own year.
_MODERN_YEAR = later(r"(?<![\d.,])(?:18|19|20)\d\d(?![\d]|[.,]\d)")


def check_date_sourced(
    date: DateSpec | None, date_note: str | None, sources: Sequence[Source]
) -> tuple[Issue, ...]:
    """Without a note on how the date was inferred, a quote must state its year and not a bound."""
    if date is None or date_note:
        return ()
    issues = []
    years = {str(y) for y in date.years()}
    quotes = " ".join(s.quote for s in sources)
    # the year as a number of its own: "2014" states neither 14 nor 201
    if sources and not any(re.search(rf"(?<!\d)0*{y}(?!\d)", quotes) for y in years):
        named = sorted(set(_MODERN_YEAR().findall(quotes)))
        said = f" (the quotes name {', '.join(named)}: a slip of the year?)" if named else ""
        message = (
            f"no quote states the year ({', '.join(sorted(years))}){said}; say how the date "
            "was inferred in 'date_note:'"
        )
        issues.append(Issue("date", message))
    if date.kind in ("before", "after"):
        message = "a date known only as a bound ('by ...', 'after ...') needs a note saying why"
        issues.append(Issue("date_note", message))
    return tuple(issues)


def read_source(src: Record, known: Known, index: QuoteIndex) -> Source | None:
    """One ``sources:`` item: an article that loaded and a quote found once in its text."""
    article = src.text("article", required=True)
    quote = src.text("quote", required=True)
    prefix = src.text("prefix")
    suffix = src.text("suffix")
    speaker = src.text("speaker")
    via = src.text("via")
    src.finish()
    if article is None or quote is None or _broken(src, article, known):
        return None
    if not report(src, check_source_article(article, known)):
        return None
    found = index.locate(article, quote, prefix, suffix)
    if isinstance(found, str):
        src.error("quote", found)
        return None
    para, start, end = found
    who = attribute(
        known.articles[article], para, speaker, known.entities, (start, end), known.names
    )
    if who.error:
        src.error("speaker", who.error)
        return None
    line = src.key_line("quote")
    warning = (
        who.warning
        or _named_nowhere(who[:2], known.articles[article], known)
        or _run_on(para.text, (start, end), who.voice)
    )
    if warning:
        src.problems.warning(src.display, line, f"speaker: {warning}")
    if via is not None and not report(src, check_via(via, who[:2], known.articles[article], known)):
        return None
    rendered = interpreted_words(known.articles[article], para, (start, end))
    return Source(
        article, quote, para.id, start, end, prefix, suffix, line, *who[:2], rendered, via
    )


def check_via(
    via: str, said: tuple[str | None, Voice], article: Article, known: Known
) -> tuple[Issue, ...]:
    """``via:``, whom the article has the speaker's words from (agency A reports that
    newspaper B quoted C): an entity, another than the speaker and the article's outlet,
    for a quote of someone's words (``reported``), that the article's title or text names:
    a page says "C, via B" only where the source does."""
    speaker, voice = said
    if via not in known.entities:
        hint = near_id(via, known.entities)
        return (Issue("via", f"unknown entity '{via}' ({hint}see entities.yaml)"),)
    if voice != "reported" or speaker is None:
        why = "words the article reports, with their 'speaker:'"
        return (Issue("via", f"'{via}' relays someone's words: it names whom, for {why}"),)
    if via in (speaker, article.publisher_entity):
        who = "the speaker" if via == speaker else "the article's outlet"
        return (
            Issue("via", f"'{via}' is {who}: 'via' names a third, whom the words came through"),
        )
    names = known.names.get(via, frozenset())
    if not _names_any(article, names):
        message = (
            f"the article never names '{via}' ({', '.join(sorted(names)) or 'no name'}): a "
            "source relays words through whom its text says, and no one else"
        )
        return (Issue("via", message),)
    return ()


def _run_on(text: str, span: tuple[int, int], voice: Voice) -> str | None:
    """The warning on a quote of someone's words (``reported``) that runs on from a
    quotation into the outlet's own words: the page says "as reported" of it all."""
    words = run_on_words(text, *span) if voice == "reported" else None
    if words is None:
        return None
    return (
        f"the quote runs on from words within quotation marks into the outlet's own "
        f"({words[:60]!r}): the page shows it all as reported, not quoted; quote the "
        "words within the marks alone to show them as the speaker's"
    )


def _names_any(article: Article, names: Collection[str], *more: str) -> bool:
    """Whether the article's title or text, or ``more``, names any of ``names``
    (casefolded)."""
    own = (article.title, *more, *(p.text for p in article.paragraphs))
    texts = (normalise_text(t).casefold() for t in own)
    return any(mentions(t, n) for t in texts for n in names)


def _named_nowhere(said: tuple[str | None, Voice], article: Article, known: Known) -> str | None:
    """The warning on a quote whose ``speaker:`` the article names nowhere, in its title, its
    byline, its text or the "From:" line of a speech's page (:func:`.attribution.from_list`),
    when it reports their words (not a turn's speaker, nor its outlet): the page
    would give the words to someone the source does not say said them (a spokesman by
    name for "the ministry said"); None otherwise."""
    speaker, voice = said
    if voice != "reported" or speaker is None or speaker == article.publisher_entity:
        return None
    names = known.names.get(speaker, frozenset())
    byline = article.author or ""
    if not names or _names_any(article, names, byline) or from_list(article, {speaker: names}):
        return None
    return (
        f"the article never names '{speaker}' ({', '.join(sorted(names))}): the page would "
        "show them saying words their source gives no one so named; name whom its text "
        "says says them, or 'speaker: unnamed' for someone it does not name"
    )


def speakers_disagree(sources: Sequence[Source], articles: Mapping[str, Article]) -> list[Issue]:
    """Each source giving the words of an earlier source of the milestone (the same words,
    white space and quotation marks aside, or words within them) to another speaker: two
    outlets that disagree on who said them, which the page would show as two statements."""
    said: list[tuple[str, str, Source]] = []
    issues = []
    for s in sources:
        who = articles[s.article].speaker_id(s.speaker, s.voice)
        words = normalise_text(s.quote).casefold().strip(" \"'.,;:")
        if who is None:
            continue
        other = next((o for w, k, o in said if k != who and _same_words(words, w)), None)
        if other is not None:
            first = articles[other.article].speaker_id(other.speaker, other.voice)
            issues.append(
                Issue(
                    "speaker",
                    f"these words are '{who}'s here and '{first}'s in {other.article} (line "
                    f"{other.line}): the sources disagree on who said them; say so in the "
                    "summary, or quote only the source you follow",
                    s.line,
                )
            )
        said.append((words, who, s))
    return issues


def _same_words(one: str, other: str) -> bool:
    """Whether one of two (normalised) quotes holds the other, of eight words or more (as
    the evidence counts words a milestone quotes from two articles)."""
    short, long_ = (one, other) if len(one) <= len(other) else (other, one)
    return short in long_ and at_least_words(short, SAME_WORDS_MIN)


def _nested(s: Source, other: Source) -> str | None:
    """How the passage of ``s`` is the same as that of ``other``: it "repeats" it, "lies
    within" it or "holds" it; None when they are apart, or only overlap."""
    if (s.article, s.paragraph) != (other.article, other.paragraph):
        return None
    if (s.start, s.end) == (other.start, other.end):
        return "repeats"
    if other.start <= s.start and s.end <= other.end:
        return "lies within"
    if s.start <= other.start and other.end <= s.end:
        return "holds"
    return None


def check_repeated_sources(sources: Sequence[Source]) -> tuple[Issue, ...]:
    """Each source whose passage is, holds or lies within an earlier source's of the same
    milestone: one passage counted as two sources."""
    issues = []
    for n, s in enumerate(sources):
        how, earlier = next(((h, e) for e in sources[:n] if (h := _nested(s, e))), (None, s))
        if how is not None:
            message = (
                f"this quote {how} the one at line {earlier.line} ({s.article}, "
                f"{s.paragraph}): one passage is one source; remove one of them"
            )
            issues.append(Issue("quote", message, s.line))
    return tuple(issues)


def read_milestone(
    rec: Record, seen: dict[str, int], known: Known, index: QuoteIndex
) -> Milestone | None:
    """One milestone, or None when it has a problem (reported)."""
    ident = take_id(rec, seen)
    date = parse_date(rec.text("date", required=True))
    report(rec, date.issues)
    warn_long_span(rec, date.value)
    date_note = rec.text("date_note")
    title = rec.text("title", required=True)
    summary = prose(rec, "summary", required=True)
    status = rec.text("status") or "happened"
    report(rec, check_status(status))
    topics = rec.text_items("topics")
    report(rec, check_topics(topics, known.topics))
    entities = rec.text_items("entities")
    report(rec, unknown(entities, known.entities, "entities", "entity", "entities.yaml"))
    source_recs = rec.records("sources", required=True, what="source")
    sources = [s for s in (read_source(src, known, index) for src in source_recs) if s is not None]
    former = take_former_ids(rec, ident, urls.milestone)
    withdrawn, well_formed = read_withdrawal(rec)
    rec.finish()
    all_read = len(sources) == len(source_recs)
    _check_sources(rec, date.value, date_note, status, sources, known, all_read=all_read)
    well_formed = _withdrawn_after(rec, (withdrawn, well_formed), sources, known)
    if ident is None or date.value is None or title is None or summary is None:
        return None
    if not sources or not all_read or check_status(status) or not well_formed:
        return None
    return Milestone(
        id=ident,
        date=date.value,
        title=title,
        summary=summary,
        topics=tuple(t for t, _ in topics),
        entities=tuple(dict.fromkeys(e for e, _ in entities)),
        sources=tuple(sources),
        status=cast(MilestoneStatus, status),
        date_note=date_note,
        line=rec.line,
        summary_line=rec.key_line("summary"),
        former_ids=former,
        withdrawn=withdrawn,
    )


def load_milestones(
    content: Path,
    articles: Sequence[Article],
    entities: Sequence[Entity],
    topics: Sequence[Topic],
    problems: Problems,
    broken: Collection[str] = (),
    cache: RecordCache | None = None,
    article_keys: Mapping[str, str] | None = None,
    declared: dict[str, int] | None = None,
    failed: Mapping[str, Collection[str]] | None = None,
) -> tuple[Milestone, ...]:
    """The milestones that are valid, in date order (then by id), the withdrawn ones too.

    With ``cache`` and the articles' cache keys (``article_keys``, see
    :func:`.articles.load_articles`), a milestone read without a problem is kept, and
    taken from the cache while its YAML (lines included), the entities' and topics' ids
    and the articles it quotes are unchanged.  ``declared`` receives the id of every
    milestone the file declares (and its line), those with a problem too.  ``failed``: by
    kind (``entity``, ``topic``), the ids declared with a problem of their own (see
    :func:`.records.not_loaded`): naming one is no second problem; a milestone is read as
    it would be were they loaded (so its cache entry holds either way)."""
    display, records = load_list(content / MILESTONES_FILE, problems, "milestone", cache)
    failed = failed or {}
    known = Known(
        articles={a.id: a for a in articles},
        entities=entity_ids(entities, failed.get("entity", ())),
        topics=record_ids(topics, failed.get("topic", ())),
        broken=broken,
        names={e.id: names_of(e) for e in entities},
        article_ids=Ids({a.id for a in articles}, former_of(articles)),
    )
    index = QuoteIndex(articles)
    kept = None if cache is None or article_keys is None else Kept(cache, known, article_keys)
    seen: dict[str, int] = {} if declared is None else declared
    loaded = (
        read_milestone(rec, seen, known, index)
        if kept is None
        else kept.read(rec, seen, lambda r: read_milestone(r, seen, known, index))
        for rec in records
    )
    milestones = tuple(
        sorted((m for m in loaded if m is not None), key=lambda m: (m.date.sort_key(), m.id))
    )
    check_former_ids(milestones, seen, former_lines(records), (display, problems))
    # a withdrawn milestone is compared with no other, and kept as it was cited: its words
    # changed in a later capture are no reason to edit it (its quotes are still located)
    current = [m for m in milestones if m.withdrawn is None]
    told = dated_twice(current) + changed_later(current, articles)
    for line, message in told + withdrawn_before_its_sources(milestones, articles):
        problems.warning(display, line, message)
    return milestones


def withdrawn_before_its_sources(
    milestones: Sequence[Milestone], articles: Sequence[Article]
) -> list[tuple[int, str]]:
    """A warning, on the line of ``withdrawn:``, for a milestone withdrawn on a day before
    one of its sources was published, or captured, as far as the source says (all of a
    month or a year after it: a source of "2026" is never told it is later than 2 March
    2026): no milestone quotes words before they are published, nor is withdrawn before it
    quotes them, and a capture made after the withdrawal is not what readers of the
    milestone were shown.  Nothing is compared with the day of the build, on which the
    output must never depend."""
    by_id = {a.id: a for a in articles}
    out: list[tuple[int, str]] = []
    for m in milestones:
        w = m.withdrawn
        if w is None:
            continue
        for aid in dict.fromkeys(s.article for s in m.sources):
            a = by_id.get(aid)
            if a is None:
                continue
            for what, when in (("published", a.published), ("captured", a.captured)):
                if when is not None and when.date > w.date:
                    out.append((w.line, _WITHDRAWN_EARLY[what].format(w.date, aid, when.day)))
                    break
    return out


_WITHDRAWN_EARLY = {
    "published": "withdrawn: date: {0} is before its source '{1}' was published ({2}): no "
    "milestone quotes words before they are published, nor is withdrawn before it quotes "
    "them; is the day of the withdrawal, or the source's date, mistyped?",
    "captured": "withdrawn: date: {0} is before its source '{1}' was captured ({2}): the "
    "milestone's page shows words from a capture made after it was withdrawn, not the one "
    "its readers saw; is the day of the withdrawal, or the capture's date, mistyped? (A "
    "capture made again later belongs beside the first, with 'updates:', not in its place.)",
}


def _days_of(date: DateSpec) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The first and the last day a date may be, when it is one or an interval of two ends
    (a bound, or an open interval, has no last day)."""
    if date.kind not in ("single", "interval") or date.start is None:
        return None
    if date.kind == "interval" and date.end is None:
        return None
    return date.start.first_day(), (date.end or date.start).last_day()


def _within(a: DateSpec, b: DateSpec) -> bool:
    """Whether one of two dates lies within the other (or they are one)."""
    x, y = _days_of(a), _days_of(b)
    if x is None or y is None:
        return False
    return (x[0] <= y[0] and y[1] <= x[1]) or (y[0] <= x[0] and x[1] <= y[1])


def dated_twice(milestones: Sequence[Milestone]) -> list[tuple[int, str]]:
    """A warning, on the source's line, for a milestone quoting the very words an earlier
    one in the file quotes when one's date lies within the other's (the same day; a day and
    its month): one event made two milestones, dated twice (20 April 2025, and April 2025,
    of "The ferry resumed service on April 20, 2025"). Words telling two events at dates
    apart ("opened in 2019 and expanded in 2021") are no such thing."""
    first: dict[tuple[str, str, int, int], Milestone] = {}
    out: list[tuple[int, str]] = []
    for m in sorted(milestones, key=lambda m: (m.line, m.id)):
        for s in m.sources:
            other = first.setdefault((s.article, s.paragraph, s.start, s.end), m)
            if other.id != m.id and _within(other.date, m.date):
                out.append((s.line, _DATED_TWICE.format(other.id, other.date.display())))
                break  # (one warning a milestone)
    return out


def changed_later(
    milestones: Sequence[Milestone], articles: Sequence[Article]
) -> list[tuple[int, str]]:
    """A warning, on the source's line, for a quote from a capture of a story whose words its
    latest capture (``updates``, one after another) no longer holds (the outlet corrected
    "will open in 2026" to "2027", or took the sentence out), when the milestone cites no
    later capture of the story: its page would give words the outlet has since changed, and
    say nothing of it. The latest captures are the story's ends (of a story saved many
    times over, the first :data:`CAPTURES_COMPARED`), each compared once a quote."""
    story = _stories(articles)
    if not story:
        return []
    ends = _Ends(story, articles)
    out: list[tuple[int, str]] = []
    for m in milestones:
        shown = {story[s.article] for s in m.sources if s.article in story}
        for s in m.sources:
            root, depth = story.get(s.article, (s.article, -1))
            if depth < 0 or any(r == root and d > depth for r, d in shown):
                continue  # no later capture, or the milestone cites one
            changed = ends.without(s, root)
            if changed is not None:
                out.append((s.line, _CHANGED_LATER.format(changed, s.article)))
    return out


class _Ends:
    """The latest captures of each story (see :func:`changed_later`), their texts made once."""

    def __init__(self, story: Mapping[str, tuple[str, int]], articles: Sequence[Article]):
        earlier = {a.updates for a in articles if a.id in story}
        self.ends: dict[str, list[Article]] = defaultdict(list)
        for a in articles:
            if a.id in story and a.id not in earlier:
                self.ends[story[a.id][0]].append(a)
        self.by_id = {a.id: a for a in articles}
        self.texts: dict[str, str] = {}

    def without(self, s: Source, root: str) -> str | None:
        """The first of the latest captures of story ``root`` that lacks the words ``s``
        quotes, if one does."""
        para = self.by_id[s.article].paragraph(s.paragraph)
        words = normalise_text(para.text[s.start : s.end]) if para is not None else ""
        for a in self.ends[root][:CAPTURES_COMPARED]:
            if a.id not in self.texts:
                self.texts[a.id] = "\n".join(normalise_text(p.text) for p in a.paragraphs)
            if a.id != s.article and words and words not in self.texts[a.id]:
                return a.id
        return None


#: How many of a story's latest captures a quote from an earlier one is compared with.
CAPTURES_COMPARED = 16


def _stories(articles: Sequence[Article]) -> dict[str, tuple[str, int]]:
    """Each capture of a story saved more than once (``updates``), by id: the story's first
    capture and how many captures came before it (see :func:`.evidence.story_chains`; a
    ring, an error of its own, is none)."""
    updated = {a.updates for a in articles}
    return {
        aid: (first, before)
        for aid, (first, before) in story_chains(articles).items()
        if before > 0 or (before == 0 and aid in updated)
    }


_CHANGED_LATER = (
    "quote: '{}', a later capture of the story of '{}', no longer holds these words (the "
    "outlet changed them, or took them out): quote what it says instead, or cite it too, "
    "so that the milestone shows both"
)


_DATED_TWICE = (
    "date: the milestone '{}' quotes these words too, dated {}: one event dated twice? Merge "
    "them (the sources of each in one), or quote of each the words that tell its own event"
)


_KIND = "milestones"


class Kept:
    """Milestones in the record cache: each under a hash of its YAML with every line, and of
    the ids it may name; with the cache keys of the articles it quotes, which must be
    those of this build's articles for the entry to be used (a cache is never trusted)."""

    def __init__(self, cache: RecordCache, known: Known, article_keys: Mapping[str, str]) -> None:
        self.cache = cache
        self.article_keys = article_keys
        self.context = digest(repr(sorted(known.entities)), repr(sorted(known.topics)))

    def read(
        self, rec: Record, seen: dict[str, int], read: Callable[[Record], Milestone | None]
    ) -> Milestone | None:
        """The milestone of ``rec``: from the cache, else by ``read`` (and kept when reading
        it raised no problem at all)."""
        key = self.cache.key(self.context, repr(tree_shape(rec.data)))
        found = self._valid(self.cache.get(_KIND, key))
        if found is not None and found.id not in seen:  # a repeated id is reported by ``read``
            seen[found.id] = rec.key_line("id")
            return found
        before = len(rec.problems)
        milestone = read(rec)
        if milestone is not None and len(rec.problems) == before:
            quoted = dict.fromkeys(s.article for s in milestone.sources)
            keys = tuple((a, self.article_keys.get(a)) for a in quoted)
            # an article whose files changed while its key was taken has none: not kept
            if all(k is not None for _, k in keys):
                self.cache.put(_KIND, key, (milestone, keys))
        return milestone

    def _valid(self, entry: object) -> Milestone | None:
        """The milestone of an entry whose quoted articles are unchanged."""
        if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], Milestone)):
            return None
        milestone, quoted = entry
        if not (isinstance(quoted, tuple) and all(_pair(q) for q in quoted)):
            return None
        if {s.article for s in milestone.sources} != {a for a, _ in quoted}:
            return None
        keys = self.article_keys
        return milestone if all(keys.get(a) == k for a, k in quoted) else None


def _pair(item: object) -> TypeGuard[tuple[str, str]]:
    return isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item)


def tree_shape(value: object) -> object:
    """A YAML tree (see :mod:`archive_site.yamlsrc`) with the line of every key and item,
    as plain tuples: its ``repr`` changes whenever what a record says or where changes."""
    if isinstance(value, YMap):
        lines = value.key_lines
        items = tuple((k, lines.get(k), tree_shape(v)) for k, v in value.items())
        return ("map", value.line, items)
    if isinstance(value, YList):
        pairs = zip(value.item_lines, value, strict=True)
        return ("list", value.line, tuple((n, tree_shape(v)) for n, v in pairs))
    return value
