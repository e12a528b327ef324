"""Dates as running text writes them, read against the day the text was published.

:func:`find_dates` returns each dated expression of a sentence with its date
in EDTF, at exactly the precision the words give (``in 2024`` is ``2024``,
``April 2019`` is ``2019-04``, ``April 22-24, 2025``, ``from April 22 to
April 24, 2025`` and ``August 31–September 1, 2025`` are intervals such as
``2025-04-22/2025-04-24``) and how it was read.  Relative expressions
(``last year``, ``last July``, ``in July last year``, ``On November 24``,
``from April 22 to 24``, ``on Wednesday``) are resolved against the
publication day, and say so.  Not dates: ``may`` the
verb, ordinals (``the 10th anniversary``), quantities (``2000 tonnes``),
times of day, page numbers.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..config import primary_language
from ..dates import (
    APPROXIMATELY,
    JAPANESE_ERAS,
    MONTH_PATTERN,
    MONTHS,
    OTHER_MONTH_PATTERN,
    SOLAR_HIJRI_MONTHS,
    WEEKDAY_NAMES,
    WEEKDAY_VARIANTS,
    WEEKDAYS_AFTER_ON,
    month_in,
    month_number,
    normalised_digits,
    numeric_order,
    other_month_number,
    solar_hijri_days,
    solar_hijri_month,
)
from ..patterns import later

_M = MONTH_PATTERN
_D = (
    r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|1er|1[°º])"  # "1er avril", "1° agosto": the first
)
_Y = r"(?:1[6-9]\d\d|20\d\d)"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        start=1,
    )
} | {"a": 1, "thirty": 30, "forty": 40, "fifty": 50}
#: The verbs after "due to" that make it scheduled ("due to open"), not a cause ("due to the
#: storm").
_DUE_VERB = (
    r"(?:be|open|start|begin|take|hold|close|resume|arrive|launch|sign|meet|visit|end|finish"
    r"|complete|run|enter|reopen|return)\b"
)
#: The words of a verb of the future (read with case ignored: see :data:`_FUTURE_VERB`).
_FUTURE = (
    r"\b(?:will|shall|would(?!\s+have\b)|expected|planned|plans?|scheduled|upcoming|next"
    # "due" to come ("due to open", "due in May"), not "due to the storm", nor Italian's two,
    # nor a cause with a word of how much between ("due in part to", "due in large part to",
    # "due at least in part to", "due largely to a strike": "to" and no verb after it)
    rf"|due(?!(?:\s+(?:in\s+(?:[a-z]+\s+){{0,2}}(?:part|measure)|at\s+least|[a-z]+ly))+"
    rf"\s+to\s+(?!{_DUE_VERB}))(?=\s+(?:in|on|by|at|for|next|this|to\s+{_DUE_VERB}))"
    # what one looks to now, in the present: "we expect loadings to resume in May"
    r"|expects?|intends?|anticipates?"
    r"|is to|are to|(?:is|are|am|'s)\s+(?:set|slated|poised|about)\s+to(?!\s*\d)"
    # the future in the archive's other languages: Turkish and Azerbaijani by its suffix
    # ("sürecek", "keçiriləcək"; its k softened before a vowel: "imzalanacağını", "geleceğini",
    # "keçiriləcəyini"), Russian, German, French by their auxiliaries
    r"|[^\W\d_]+(?:acak|ecek|acağ|eceğ|acaq|əcək|əcəy|əcəğ)[^\W\d_]*|будет|будут|состоится|состоятся|пройд[её]т"
    r"|пройдут|продлится|продлятся|начн[её]тся|откроется|откроются|заверш[иа]тся|wird"
    r"|werden|sera|seront|findet|finden|خواهد|خواهند"
    # Russian's and Ukrainian's "is expected", "is planned", Ukrainian's "will"
    r"|ожида[ею]тся|планиру[ею]тся|буде|будуть|відбудеться|відбудуться|очіку[ює]ться"
    r"|очікуються|плану[ює]ться|плануються"
    # Spanish, Italian and Portuguese: their future's endings ("celebrará", "firmarán",
    # "sarà", "firmeranno", "assinarão"), "is expected", "next"
    r"|[^\W\d_]+(?:rá|rán|rà|ranno|rão)|se\s+prevé|previst[oaie]s?|prevé"
    r"|próxim[oa]s?|prossim[oa]|prossimi|prossime)\b"
    # Chinese: "will" (将于, 将在, 即将), "is expected to" (预计), "plans to" (计划), "is
    # scheduled" (预定), in simplified and in traditional characters (將於, 預計: Taiwan's,
    # Hong Kong's); "will stay until" (将停留至); Japanese: "is scheduled" (予定)
    r"|[将將](?:于|於|在|要|会|會|停留至|持续至|持續至|延续至|延續至)|即[将將]|[预預][计計定]"
    r"|[计計][划劃]于|[计計][划劃]於|予定"
)
_UNIT_AFTER = later(
    r"\s*(?:%|percent\b|per\s+cent\b|tons?\b|tonnes?\b|people\b|persons\b|participants\b|km\b|"
    r"kilomet\w+|met(?:er|re)s\b|containers\b|trains\b|companies\b|units\b|vehicles\b|dollars\b|"
    r"euros\b|manats?\b|yuan\b|TEU\b|barrels\b|hectares\b|MW\b|students\b|tourists\b|jobs\b|"
    r"cars\b|wagons\b|times\b|million\b|billion\b|thousand\b|delegates\b|members\b|workers\b|"
    r"degrees\b|°|hours\b|hrs\b|"
    r"employees\b|visitors\b|passengers\b|flights\b|ships\b|projects\b|items\b|copies\b)"
)
#: How far before the white space that ends a text words that end it are looked for
#: ("No.", "by the end of the year", "Monday, the"): far more than any of them takes.
_BACK = 64


def _ending(pattern: re.Pattern[str], text: str, end: int | None = None) -> re.Match[str] | None:
    """``pattern`` (one anchored at the end by ``$``) found ending ``text[:end]``: looked for
    in its last words alone, not from each of its characters (each date of a sentence of
    thousands read all those before it: 23 s for a capture of '© 2025' 28,000 times)."""
    end = len(text) if end is None else end
    first = end
    while first > 0 and text[first - 1].isspace():
        first -= 1
    return pattern.search(text, max(0, first - _BACK), end)


_BEFORE_NOT_YEAR = re.compile(
    # (a number's comma has no space after it: "1,2019"; "in 2004, 2006 and 2008" are years)
    # (not "c. 1920", "ca. 1950": circa, see _ABOUT)
    r"(?:[$€£¥#§]|\bNo\.?|\bpage|\bp\.|\bpp\.|\bnumber|\bflight|\bResolution|\d"
    r"|(?<!\b[Cc])(?<!\b[Cc]a)\.|,(?!\s)"
    r"|\bUS\$"
    # a number that names a thing, not a time: "Article 2019", "route 2024", "ISBN ..."
    r"|\b(?:article|art\.|section|sec\.|clause|chapter|paragraph|rule|route|bus|room|gate"
    r"|platform|highway|ISBN|ISSN|tel\.?|phone|ext\.|code|item|ref\.?"
    # a programme's name: "Vision 2030", "Piano 2030", "Horizon 2020", "Strategy 2050"
    r"|plan|piano|plano|vision|visión|visione|vizyon|agenda|strategy|strateg(?:ia|ie|y)"
    r"|estrategia|stratégie|programme|program|programma|horizon|horizonte|orizzonte"
    r"|(?<![^\W\d_])رؤية(?:\s+[^\W\d_]+)?))\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateWords:
    """A dated expression found in a sentence."""

    start: int
    end: int  # character offsets in the sentence
    edtf: str
    basis: str  # how the date was read
    inferred: bool = False  # True when a part (the year) is not in the words


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def days_after(day: dt.date, n: int) -> dt.date | None:
    """The day ``n`` days after ``day`` (before it, ``n`` below zero); None past the
    calendar's first or last day (the day before 1 January of the year 1: an article
    dated so stopped ``suggest`` with an internal error)."""
    ordinal = day.toordinal() + n
    return dt.date.fromordinal(ordinal) if 1 <= ordinal <= dt.date.max.toordinal() else None


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _shown(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _num(day: str) -> int:
    return int(re.sub(r"\D", "", day))


Handler = Callable[[re.Match[str], "Context"], tuple[str, str, bool] | None]


#: A verb in the past: "said", "was", "signed"...  (lowercase: "United" is no verb; nor
#: is a participle after an article or a possessive, an adjective: "their shared border",
#: "the planned route", "its renewed push").  The irregular verbs' past forms that are no
#: present's too ("spoke", "wrote", "led"; not "set", "put", "cut", "read"): without them
#: "Eurasianet spoke with him about the route the deal of August 8 would open" had only a
#: future, and its August 8 was the next one, a year after the interview.  Not "won" in
#: "won't", nor a participle after "be" or "been" ("can be made", "have been told": the
#: auxiliary's tense), or after a present "is", "are", "stays", "remains" ("stays closed
#: until Sunday": a state now, still to end).
_PAST = later(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)"
    r"(?<!\btheir\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)"
    r"(?<!\bstays\s)(?<!\bstay\s)(?<!\bremains\s)(?<!\bremain\s)"
    r"\b(?:said|told|was|were|had|did|took|met|held|began|left|came|went|made|gave"
    r"|won(?!['’]t)|spoke|wrote|sent|brought|bought|found|saw|got|kept|ran|rose|fell|led|paid|sold"
    r"|built|struck|became|chose|drove|flew|grew|knew|stood|thought|caught|taught|felt"
    r"|heard|meant|lost|sought|fought|broke|spent|lent|sank|sat|swore|threw|understood"
    r"|withdrew|undertook|oversaw|forgot|froze|hid|hung|laid|rang|shook|shot|stole|stuck"
    r"|tore|wore|drew|arose|dealt|dug|fed|forgave|[a-z]{2,}ed)\b"
)
#: Words before a date that make it the last day, month or year of a time that lasts until
#: it ("the drills run until May 10", "valid till 2030", "rates apply through 31 August",
#: "until the end of July"; French "jusqu'au 31 mai", "jusqu'en 2030", "jusqu'à la fin de
#: 2026"; Spanish "hasta el 31 de mayo"; Italian "fino al 31 maggio", "fino a maggio";
#: Russian "по 28 февраля", a day only: "по 2024 году" is "for 2024"; Chinese 至, 直至, 直到,
#: not 截至, "as of"), or, Russian "до", its limit, "until" and "by" both ("до 2027 года"),
#: and so German "bis", "bis zum" ("bleibt bis zum 30. Juni geschlossen", "soll bis zum 30.
#: Juni fertig sein": on or before it, true of both).
_UNTIL_BEFORE = later(
    r"(?:\b(?:[Uu]ntil|[Tt]ill|[Tt]hrough)(?:\s+the(?:\s+end\s+of(?:\s+the)?)?)?"
    r"|\b[Jj]usqu['’](?:au|aux|en|à|a)(?:\s+(?:la\s+)?fin\s+(?:de|d['’]))?"
    r"|\b[Hh]asta(?:\s+(?:el|la|finales\s+de|fines\s+de))?"
    r"|\b[Ff]ino\s+(?:al|a|alla\s+fine\s+del?|all['’])"
    r"|(?<![^\W\d_])(?:(?P<ru>[Пп]о)|(?P<limit>[Дд]о(?:\s+(?:конца|кінця))?|[Bb]is(?:\s+(?:zum|zur))?))"
    r"|(?<!截)(?:直至|直到|至))\s*$"
)
_UNTIL_FIRST = later(
    r"(?:[Uu]ntil|[Tt]ill|[Tt]hrough)(?=\s)"
)  # a date's own first word: "until May"
#: The stems of the verbs that move an event to a later date in the other languages read
#: (see :data:`_MOVED`).
_MOVED_STEMS = (
    r"reporté|reportera|reporteront|repouss|ajourn|aplaz|pospu[se]|posterg|rinvi[aoò]|posticip"
    r"|перенес|перенос|отлож"
)
#: A word before "until" saying what lasts until it does not, so that what it says of
#: happens on or after it: "were not renewed until February 2024", "не откроется до 10 мая".
_NOT = later(r"(?:\b(?:not|never)|n['’]t|(?<![^\W\d_])не)(?:\s+[^\s,;:]+){0,3}\s*$", re.I)
#: A verb before "until" that moves what it says of to the date: "the vote was postponed until
#: May 20", "delayed until next year", "put off until 2026": the date is then the event's own.
#: So too in the other languages read: French "reporté", "repoussé", "ajourné", Spanish
#: "aplazaron", "pospuesto", "postergado", Italian "rinviato", "posticipato", Russian
#: "перенесли", "отложено" (their participles' and verbs' stems).
_MOVED = later(
    rf"(?:\b(?:postpon|delay|defer|adjourn|reschedul|put\s+off|push(?:ed|es)?\s+back)[a-z]*"
    rf"|(?<![^\W\d_])(?:{_MOVED_STEMS})[^\W\d_]*)"
    r"(?:\s+[^\s,;:]+){0,2}\s*$",
    re.I,
)
#: A verb after a date that moves something to it, as German, Turkish and Azerbaijani put
#: it after the date: "auf September verschoben", "20 Ocak'a ertelendi", "yanvarın 20-nə
#: təxirə salındı".
_MOVED_AFTER = later(
    r"(?:['’]?[^\W\d_]{1,4}|-[^\W\d_]{1,4})?\s+(?:verschoben|vertagt|verlegt|ertelen[^\W\d_]*"
    r"|təxirə\s+salın[^\W\d_]*)(?![^\W\d_])",
    re.I,
)
#: What a thing is moved to after one of :data:`_MOVED`'s verbs: "postponed until", "delayed
#: to", "reporté au", "a reporté jusqu'au", "aplazaron hasta el", "rinviato al", "перенесли
#: на" (not "delayed on May 2": the day of the delay).
_MOVED_TO = later(
    rf"(?:\b(?:postpon|delay|defer|adjourn|reschedul|put\s+off|push(?:ed|es)?\s+back)[a-z]*"
    rf"|(?<![^\W\d_])(?:{_MOVED_STEMS})[^\W\d_]*)"
    r"(?:\s+[^\s,;:]+){0,2}?\s+(?:until|till|to|into|for|jusqu['’](?:au|à|en)|au|à|en|hasta|al|a"
    r"|para|на|до)(?:\s+(?:the|el|la|le|il|l['’]))?\s*$",
    re.I,
)
#: A verb in the past as Russian and German put it ("был", "закрылся", "сообщили", "war",
#: "wurde", "blieb"), and Chinese's
#: marks of what is done (已, 曾, 了): read only before a date after "until" (see :func:`_future`).
_OTHER_PAST = later(
    r"(?<![^\W\d_])(?:[а-яё]+(?:ал|ял|ил|ел|ыл|ул|ёл)(?:а|о|и)?(?:сь|ся)?"
    r"|war|waren|wurde|wurden|hatte|hatten|blieb|blieben)(?![^\W\d_])|[已曾了]",
    re.I,
)
#: A verb of the future with the verb it governs ("will be held", "is expected to open").
_FUTURE_VERB = later(
    rf"(?<!been\s)(?:{_FUTURE})(?:\s+(?:not\s+)?(?:to\s+be\s+|be\s+|to\s+)?[a-z]+)?",
    re.IGNORECASE,
)


#: French tenses, read in a French article only (in English, "camera" is no future): the
#: future by its ending ("se tiendra", "aura lieu", "pourra", "fera"), the past by its
#: auxiliary and participle ("a été signé", "s'est tenu", "ont signé").
_FRENCH_FUTURE = later(
    r"\b[^\W\d_]+(?:era|erai|erons|erez|eront|ira|iront|dra|dront|ura|uront|rra|rront|vra"
    r"|vront)\b"
)
_FRENCH_PAST = later(
    r"\b(?:a|ont|avait|avaient|s['’]est|se\s+sont|est|sont|était|étaient)\s+(?:été\s+)?"
    r"[^\W\d_]+(?:é|ée|és|ées|i|is|ie|u|ue|us|t)\b"
)


#: A quotation within a sentence: “...”, «...», „...“, "...".
_QUOTATION = later(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"]*\"")


@dataclass(frozen=True, slots=True)
class Context:
    published: dt.date
    sentence: str
    start: int = 0  # where the date's words are in the sentence
    end: int = 0
    french: bool = False  # the sentence's language: French's tenses are read too
    order: str = ""  # the order its language writes a day in numbers: "dmy", "mdy" or ""
    week: str = "monday"  # the day its language's weeks begin on: "monday", or "either"
    earlier: str = ""  # its paragraph's words before it (their last): "that year" may be theirs
    language: str = ""  # its language's primary subtag: "tr", "az" ("bu yaz": summer, spring)
    label: int = 0  # the year its paragraph, a chronology's entry, opens with ("2017: ..."), or 0

    @property
    def future(self) -> bool:
        """Whether the date's words speak of the future: as the verb nearest to them says
        ("said on Monday that it will add": said), when the sentence has both tenses; a
        verb before them first (the clause they are in: "welcomed Aliyev on Wednesday for
        a visit expected to...": welcomed), and none within quotation marks they are not
        in ("on April 23, “... will remain a bottleneck”": the quotation's own tense); and
        a day "until" which something lasts with no verb in the past before it ("the drills
        run until May 10, the union said")."""
        return _future(self.sentence, self.start, self.end, self.french)

    @property
    def which(self) -> str:
        """Which of the days the words may name, by :attr:`future`: "next" or "latest"."""
        return "next" if self.future else "latest"

    @property
    def how(self) -> str:
        """Where that day is from publication, by :attr:`future`."""
        return "on or after" if self.future else "on or before"


@functools.lru_cache(maxsize=16)  # a date's words are read for their tense more than once
def _future(sentence: str, start: int, end: int, french: bool) -> bool:
    """Whether the words at ``start:end`` speak of the future (see :attr:`Context.future`)."""
    text = _outside_quotations(sentence, start, end)
    if _moved_to(text, start, end):
        return True  # "postponed until Monday", "auf September verschoben": still to come
    ahead = [m.span() for m in _FUTURE_VERB().finditer(text)]
    if french:
        ahead += [m.span() for m in _FRENCH_FUTURE().finditer(text)]
    until = _ending(_UNTIL_BEFORE(), text, start) or _UNTIL_FIRST().match(text, start)
    if until and not _past_around(text, start, end, french):
        return True  # "the drills run until May 10": a time still to come, no verb past
    if not ahead:
        return False
    past = [
        m.span()
        for m in [*_PAST().finditer(text), *(_FRENCH_PAST().finditer(text) if french else ())]
        if not any(a <= m.start() < b for a, b in ahead)  # "will be held": the future
    ]
    if not past:
        return True

    def gap(span: tuple[int, int]) -> int:  # how far the words at ``span`` are from the date's
        return max(span[0] - end, start - span[1], 0)

    before = [(s, "future") for s in ahead if s[0] < start]
    before += [(s, "past") for s in past if s[0] < start]
    if before:  # the nearest before; a tie: the past
        return min(before, key=lambda v: (gap(v[0]), v[1] == "future"))[1] == "future"
    return min(map(gap, ahead)) < min(map(gap, past))  # a tie: the past


def _moved_to(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` in ``text`` is one a thing is moved to (see
    :data:`_MOVED_TO`, :data:`_MOVED_AFTER`): a weekday or a month to come; a day with no
    year the one nearest publication (see :func:`_start_no_year`)."""
    own = re.match(r"\S+\s+", text[start:end])  # a date's own first word: "for Monday"
    ends = (start,) if own is None else (start, start + own.end())
    moved = any(_ending(_MOVED_TO(), text, at) for at in ends)
    return moved or _MOVED_AFTER().match(text, end) is not None


#: The verbs that report what is said ("said", "told", "announced", "сообщили"): after a
#: date "until" which something lasts, the reporter's time, not its.
_SAID = later(
    r"\b(?:said|says|told|announced|reported|added|stated|noted|confirmed|explained)\b"
    r"|(?<![^\W\d_])(?:сообщ|заяв|рассказ|отмет|подчеркн|уточн)[а-яё]*(?![^\W\d_])",
    re.I,
)


def _past_around(text: str, start: int, end: int, french: bool) -> bool:
    """Whether the words around a date after "until" (at ``start:end`` in ``text``) have a
    verb in the past, before it or after it but one that reports what was said ("run until
    May 10, the union said" is still to come; "Until May 2, the port was closed" is gone)."""
    return _past_before(text[:start], french) or _past_before(_SAID().sub(" ", text[end:]), french)


def _past_before(text: str, french: bool) -> bool:
    """Whether ``text`` has a verb in the past (as English, Russian, Chinese or, in French,
    French put it)."""
    if _PAST().search(text) or _OTHER_PAST().search(text):
        return True
    return french and _FRENCH_PAST().search(text) is not None


def _outside_quotations(sentence: str, start: int, end: int) -> str:
    """The sentence, quotations that do not hold the words at ``start:end`` blanked out."""

    def blank(m: re.Match[str]) -> str:
        inside = m.start() <= start and end <= m.end()
        return m[0] if inside else " " * len(m[0])

    return _QUOTATION().sub(blank, sentence)


# --- absolute dates -------------------------------------------------------------


def _month_of(g: Mapping[str, str | None]) -> int:
    """The month a match names: in English (``m``), another language (``om``), or digits."""
    return month_in(g, "m", "om", "mo")


def _full(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    g = m.groupdict()
    year, month = int(g["y"]), _month_of(g)
    day = _day(year, month, _num(g["d"]))
    if day is None:
        return _no_such_day(m[0], year, month)
    return _iso(day), f"'{m[0]}': a day", False


def _no_such_day(words: str, year: int, month: int) -> tuple[str, str, bool] | None:
    """The month of a day its month has not (``30 February 2025``, ``31 April``), saying so:
    the month was offered as if the words named it alone ("'February 2025': a month"), the
    day the text gives dropped, and nothing said it was no day; None past the calendar's
    years."""
    first = _day(year, month, 1)
    if first is None:
        return None
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    why = f"no such day ({MONTHS[month - 1]} {year} has {last.day} days): its month"
    return f"{year:04d}-{month:02d}", f"'{words}': {why}", False


def _named_month(g: Mapping[str, str | None], end: str) -> int | None:
    """The month a range names at its ``end`` ("1" or "2"), if it names one there."""
    english, other, number = f"m{end}", f"om{end}", f"mo{end}"
    named = g.get(english) or g.get(other) or g.get(number)
    return month_in(g, english, other, number) if named else None


def _from_to(g: Mapping[str, str | None]) -> tuple[int, int, int, int]:
    """A range's first and last days as (month, day, month, day): a month named at one
    end only ("April 22 to 24", "22-24 April") is the other end's too."""
    first, last = _named_month(g, "1"), _named_month(g, "2")
    m1 = first or last or 1  # the grammar names at least one
    return m1, _num(str(g["d1"])), last or m1, _num(str(g["d2"]))


def _days_between(a: dt.date, b: dt.date) -> str:
    if a.month == b.month:
        return f"the days from {a.day} to {b.day}"
    return f"the days from {a.day} {MONTHS[a.month - 1]} to {b.day} {MONTHS[b.month - 1]}"


def _days(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A range of days: its year is in the words (the last end's: "December 30–January 2,
    2025" begins in 2024), or is inferred as a day's with no year is."""
    m1, d1, m2, d2 = _from_to(m.groupdict())
    if m1 == m2 and d2 <= d1:
        return None  # "April 24 to 22": no range
    if m.groupdict().get("both") and (m1, d2) != (m2, d1 + 1):
        return None  # "on 2 and 3 July": both days, a range; "on 2 and 9 July": two days
    if m["y"] is None:
        return _days_no_year(m, c, (m1, d1, m2, d2))
    year = int(m["y"])
    a, b = _day(year - int(m2 < m1), m1, d1), _day(year, m2, d2)
    if a is None or b is None:
        return None
    return f"{_iso(a)}/{_iso(b)}", f"'{m[0]}': {_days_between(a, b)}", False


def _cjk_days(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A range of days as Chinese and Japanese write it, its year, if any, before it
    ("2024年12月30日至2025年1月2日" aside: "4月23日至25日", "2025年4月23日～25日"): the
    year is its first day's, and the next one's too unless its month comes before."""
    if m["y"] is None:
        return _days(m, c)
    m1, d1, m2, d2 = _from_to(m.groupdict())
    year = int(m["y"])
    last = int(m["y2"]) if m["y2"] else year + int(m2 < m1)
    a, b = _day(year, m1, d1), _day(last, m2, d2)
    if a is None or b is None or b <= a:
        return None
    return f"{_iso(a)}/{_iso(b)}", f"'{m[0]}': {_days_between(a, b)}", False


def _numeric(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A day written in numbers, its year last ("22/04/2025", "04/22/2025"): read when a
    number over 12 says which is the day, or both are the same, or the article's language
    says the order ("04/05/2025": 4 May in ``ru`` or ``en-GB``, 5 April in ``en-US``);
    else none (its year is then read alone)."""
    a, b = int(m["a"]), int(m["b"])
    if a == b or (a > 12 and b <= 12):
        order, how = "dmy", "the day first (its first number is over 12)" if a != b else ""
    elif b > 12 and a <= 12:
        order, how = "mdy", "the month first (its second number is over 12)"
    elif c.order:
        first = "the day" if c.order == "dmy" else "the month"
        order, how = c.order, f"{first} first, as the article's language and region write it"
    else:
        return None
    day = _day(int(m["y"]), b if order == "dmy" else a, a if order == "dmy" else b)
    if day is None:
        return None
    return _iso(day), f"'{m[0]}': a day" + (f", {how}" if how else ""), False


def _month_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    return f"{int(m['y']):04d}-{_month_of(m.groupdict()):02d}", f"'{m[0]}': a month", False


def _month_range(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A range of months whose last names the year ("December 2024 to February 2025" of
    "from December to February 2025", as a range of days crossing a year is read)."""
    a, b, y = month_number(m["m1"]), month_number(m["m2"]), int(m["y"])
    if b == a:
        return None
    first = y - int(b < a)
    return f"{first:04d}-{a:02d}/{y:04d}-{b:02d}", f"'{m[0]}': the months", False


def _season(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    return m["y"], f"'{m[0]}': a season, dated by its year", False


def _year_range(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    a = int(m["y1"])
    b = int(m["y2"]) if len(m["y2"]) == 4 else a // 100 * 100 + int(m["y2"])
    if not a < b <= a + 100:
        return None
    return f"{a}/{b}", f"'{m[0]}': the years from {a} to {b}", False


def _decade(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    start = int(m["dec"]) * 10
    return f"{start}/{start + 9}", f"'{m[0]}': a decade", False


#: A part of a year before it: "Q3 2024", "H1 2025" (the year, which is all EDTF here says).
#: So too Turkish's and Azerbaijani's: "2030 hedefleri", "2030 yılı hedefleri", "2030 hədəfləri".
_TARGETS_AFTER = later(
    r"\s+(?:targets?|goals?|objectives?|(?:yılı\s+)?(?:hedef|hədəf)[^\W\d_]*)(?![^\W\d_])",
    re.IGNORECASE,
)
#: The aims set for a year, the noun before it: "our targets for 2030", "los objetivos para
#: 2030", "gli obiettivi per il 2030", "les objectifs pour 2030", "die Ziele für 2030",
#: "цели на 2030 год", "the plan for 2026", "the budget for 2025": no event of the year,
#: as "2030 targets" is none, nor a limit ("para 2030" after a verb is: "by 2030").
_AIMS_FOR = later(
    r"(?<![^\W\d_])(?:targets?|goals?|objectives?|plans?|strategy|agenda|vision|budget|forecasts?"
    r"|objetivos?|metas?|planes|estrategia|visión|presupuesto|previsiones|obiettivi|obiettivo"
    r"|piano|strategia|previsioni|objectifs?|cibles?|Ziele?|Plan|Haushalt|цел(?:ь|и|ей|ям)"
    r"|задачи|план(?:ы|ов)?|прогноз(?:ы|ов)?|стратеги[яи]|бюджет)"
    r"\s+(?:for|para|per|pour|für|на)(?:\s+(?:the|el|il|l['’]|le|das))?\s*$",
    re.IGNORECASE,
)
_PART_OF_YEAR = re.compile(r"\b(?:Q[1-4]|H[12])\s*$")
#: A fiscal year, which is not the calendar year of its number ("fiscal 2024", "FY 2025",
#: "the 2024 fiscal year", Japanese "２０２４年度": April 2024 to March 2025 in Japan, October
#: 2024 to September 2025 in the United States' "FY2025"): the words do not say its months.
_FISCAL_BEFORE = later(r"(?:\b(?i:fiscal|financial)(?:\s+(?i:year))?|\bFY)\s*$")
_FISCAL_AFTER = later(r"\s*(?i:fiscal|financial)\s+(?i:year)\b")


def _year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    before = c.sentence[: m.start()]
    after = c.sentence[m.end() :]
    part = _ending(_PART_OF_YEAR, before)
    if (
        part is not None
        and not re.match(r"[,.]?\d|[-–]\d", after)
        and not _UNIT_AFTER().match(after)
    ):
        return m["y"], f"'{part[0].strip()} {m[0]}': a part of a year, dated by its year", False
    if _ending(_BEFORE_NOT_YEAR, before) or re.match(r"[,.]\d|:\d|\d|[-–]\d", after):
        return None
    if _UNIT_AFTER().match(after) or _TARGETS_AFTER().match(after) or _ending(_AIMS_FOR(), before):
        return None  # a quantity: "2000 tonnes"; the goals set for a year: "2030 targets"
    if _fiscal(before, after, c.language) or _named(before, after):
        return None
    return m["y"], f"'{m[0]}': a year", False


#: A name in quotation marks of a word or two and a year: «Україна 2030», “Kazakhstan 2050”.
_NAME_BEFORE = later(r"[«“„\"][^\W\d_]+(?:[\s-][^\W\d_]+)?\s+$")
_NAME_AFTER = later(r"[»”“\"]")


def _named(before: str, after: str) -> bool:
    """Whether the year between ``before`` and ``after`` ends a name in quotation marks (see
    :data:`_NAME_BEFORE`): a programme's, a strategy's, not a time."""
    return bool(_NAME_AFTER().match(after) and _ending(_NAME_BEFORE(), before))


def _fiscal(before: str, after: str, language: str) -> bool:
    """Whether the year between ``before`` and ``after`` is a fiscal year's (see
    :data:`_FISCAL_BEFORE`); 年度 only in Japanese (in Chinese "2024年度报告" is the calendar
    year's annual report)."""
    if language == "ja" and after.startswith("度"):
        return True
    return bool(_ending(_FISCAL_BEFORE(), before) or _FISCAL_AFTER().match(after))


# --- relative dates -------------------------------------------------------------


def _nearest(c: Context, month: int, day: int | None) -> dt.date | None:
    """The latest such day (or month) on or before publication; the next one if the
    sentence speaks of the future."""
    pub = c.published
    for year in (pub.year, pub.year - 1, pub.year + 1):
        when = _day(year, month, day or 1)
        if when is None:
            continue
        ref = pub if day else pub.replace(day=1)
        if c.future and when >= ref and year <= pub.year + 1 and year >= pub.year:
            return when
        if not c.future and when <= ref and year <= pub.year:
            return when
    return None


#: Words after a day or a month that give it a year the text names elsewhere: "in January
#: that year", "in June of the following year".
_THAT_YEAR = later(
    r"\s*,?\s*(?:of\s+)?(?:that|the\s+same|(?P<next>the\s+following|the\s+next)"
    r"|(?P<prev>the\s+previous|the\s+preceding))\s+year\b",
    re.IGNORECASE,
)


def _year_named_before(c: Context) -> int | None:
    """The last year the sentence names before the date's words, as a year (not a number
    of something, "1,200 wagons", "No. 2019", nor an end of a range, "2019-2021")."""
    for before in (c.sentence[: c.start][-REACH:], c.earlier[-REACH:]):
        for y in reversed(list(re.finditer(rf"\b{_Y}\b", before))):
            head, tail = before[: y.start()], before[y.end() :]
            if _ending(_BEFORE_NOT_YEAR, head) or re.search(r"[-–/]\s*$", head):
                continue
            if _UNIT_AFTER().match(tail) or re.match(r"\s*[-–/]?\s*\d", tail):
                continue
            return int(y[0])
    return None


def _in_that_year(
    words: str, c: Context, month: int, day: int | None
) -> tuple[str, str, bool] | None:
    """A day or a month whose year the words after it give as one the sentence names
    before it ("terminated in January that year", "closed in June the following year"):
    in that year, inferred, and said so; none when the sentence names none before it."""
    that = _THAT_YEAR().match(c.sentence, c.end)
    named = _year_named_before(c)
    if that is None or named is None:
        return None
    year = named + (1 if that["next"] else -1 if that["prev"] else 0)
    said = f"{words}{c.sentence[c.end : that.end()]}"
    how = "the year after it" if that["next"] else "the year before it" if that["prev"] else "it"
    return _in_year(
        year, month, day, f"'{said}': {how}, of the year the sentence names before ({named})"
    )


def _in_year(year: int, month: int, day: int | None, why: str) -> tuple[str, str, bool] | None:
    """A day or a month in ``year``, which ``why`` (the basis's first words) says the text
    gives elsewhere than in its words: inferred."""
    when = _day(year, month, day or 1)
    if when is None:
        return None
    name = f"{day} {MONTHS[month - 1]}" if day else MONTHS[month - 1]
    return (_iso(when) if day else f"{year:04d}-{month:02d}"), f"{why}: {name} {year}", True


#: A chronology's entry, opening with the year it is of (perhaps with its month) before a
#: colon or a spaced dash: "2017: The railway opens on Oct. 30.", "- Sept. 2013 – Xi proposes".
_ENTRY_LABEL = later(rf"[^\w\s]?\s*(?:{_M}\.?\s+)?(?P<y>{_Y})\s*(?::|\s[-–—])\s")


def _of_the_entry(
    words: str, c: Context, month: int, day: int | None
) -> tuple[str, str, bool] | None:
    """A day or a month with no year in a chronology's entry (see :data:`_ENTRY_LABEL`):
    of the year the entry opens with ("2017: The railway opens on Oct. 30": 30 October
    2017), not the publication's, inferred and said so."""
    return _in_year(
        c.label,
        month,
        day,
        f"'{words}' gives no year: the entry it is in opens with its year ({c.label})",
    )


_CLAUSE = later(r"[,;:(—–](?!\d)")
#: A clause that goes on with the one before it, in its time: "..., and", "..., then".
_GOES_ON = later(r"\s*(?:and|then|but|before|after|until|when)\b", re.IGNORECASE)


def _year_told_elsewhere(c: Context, year: int) -> bool:
    """Whether a day or month with no year, inferred to be in ``year``, may be in another
    the sentence tells of: one it names before it, earlier ("a war in the autumn of 2020
    ended with a ceasefire signed on November 9-10": 2020's, not the latest November's), or
    one its own words point to ("in January that year"), in its own clause (after the last
    comma, semicolon, colon, dash or parenthesis before it; with the clause before, when
    its own goes on with it: "It arrived in May 2006, and the tanker sailed on 4 June").
    Its year is then not the publication's to give: better no suggestion than a wrong
    year."""
    if _THAT_YEAR().match(c.sentence, c.end):
        return True
    clauses = _CLAUSE().split(c.sentence[: c.start])  # its own clause: "opened in 2004,
    before = clauses.pop()  # carried 1,998 trucks in July" is July's
    while clauses and _GOES_ON().match(before):  # "arrived in May 2006, and ... on 4 June"
        before = f"{clauses.pop()},{before}"
    for y in re.finditer(rf"\b{_Y}\b", before):
        if int(y[0]) >= year or _BEFORE_NOT_YEAR.search(before[: y.start()]):
            continue
        if not _UNIT_AFTER().match(before[y.end() :]) and not re.match(
            r"[-–]?\d", before[y.end() :]
        ):
            return True
    return False


def _no_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    month, day = _month_of(m.groupdict()), _num(m["d"])
    if _THAT_YEAR().match(c.sentence, c.end):
        return _in_that_year(m[0], c, month, day)
    if c.label:
        return _of_the_entry(m[0], c, month, day)
    named = _ending(_WEEKDAY_BEFORE, c.sentence, c.start)
    if named is not None:
        return _no_year_of_weekday(m[0], month, day, named["wd"], c)
    starting = _ending(_STARTING(), c.sentence, c.start)
    if starting and not _ending(_WAS(), c.sentence, starting.start()):
        return _start_no_year(m[0], month, day, c, "a day something starts from")
    if _moved_to(c.sentence, c.start, c.end):
        return _start_no_year(m[0], month, day, c, "a day something is moved to")
    when = _nearest(c, month, day)
    if when is None or _year_told_elsewhere(c, when.year):
        return None
    which, how = c.which, c.how
    basis = (
        f"'{m[0]}' gives no year: the {which} {day} {MONTHS[month - 1]} {how} publication "
        f"({_shown(c.published)}) is in {when.year}"
    )
    return _iso(when), basis, True


#: Words before a day that make it when something starts, whatever the tense of the verb
#: that tells of it ("announced a service starting on 16 June", "effective 1 July", "the
#: strike, beginning on May 2, has..."): a participle, not the sentence's time.
#: So too "à compter du 1er avril", "à partir du", "dès le", "ab dem 1. Juli", "ab 1. Juli", "a
#: partir del 1 de abril", "a partire dal 1° aprile", "с 1 июля"; and a start told in the
#: present, "takes effect on", "comes into force on", "entre en vigueur le", "entra en vigor
#: el", "tritt am 1. Dezember in Kraft", "вступает в силу" (not "took effect": the past).
_STARTING = later(
    r"(?:\b(?:starting|beginning|commencing|effective|taking\s+effect|takes?\s+effect"
    r"|comes?\s+into\s+(?:force|effect)|enters?\s+into\s+force|goes\s+into\s+effect)"
    r"(?:\s+(?:on|from|as\s+of))?"
    r"|\b(?:entre\s+en\s+vigueur(?:\s+le)?|entra\s+en\s+vigor(?:\s+el)?"
    r"|entra\s+in\s+vigore(?:\s+il)?|tritt\s+(?:am|zum|ab)|вступает\s+в\s+силу(?:\s+с)?)"
    r"|\b(?:[àa]\s+(?:compter|partir)\s+du|dès\s+le|ab(?:\s+dem)?|a\s+partir\s+del?"
    r"|a\s+partire\s+dal|(?<![^\W\d_])с))\s+$",
    re.IGNORECASE,
)


#: A verb in the past of being just before the words of a start ("der Abschnitt war ab 1.
#: Dezember gesperrt", "the rule was effective 1 December"): the state it tells of began in
#: the past, and the day is read as any day with no year is (the latest, unless the sentence
#: speaks of the future), not the one nearest publication. Not with a participle between
#: ("tariffs were announced effective 1 December": the announcing is past, not the start).
_WAS = later(
    r"(?<![^\W\d_])(?:was|were|had\s+been|war|waren|wurde|wurden|était|étaient|era|eran|erano"
    r"|fue|fueron|был[аио]?|были)\s*$",
    re.IGNORECASE,
)


def _start_no_year(
    words: str, month: int, day: int, c: Context, what: str
) -> tuple[str, str, bool] | None:
    """A day with no year from which something starts (see :data:`_STARTING`), or to which
    it is moved (see :func:`_moved_to`): the one nearest publication, before or after it
    (the verb's tense is the telling's, not the start's: "announced ... starting on 16 June"
    on 2 June is 16 June 2025; "postponed until January 20" in November, the next January,
    in May, after it, the May 20 just over)."""
    pub = c.published
    days = [_day(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)]
    fits = [d for d in days if d is not None]
    if not fits:
        return None
    when = min(fits, key=lambda d: (abs((d - pub).days), d))
    if _year_told_elsewhere(c, when.year):
        return None
    basis = (
        f"'{words}' gives no year: the {day} {MONTHS[month - 1]} nearest publication "
        f"({_shown(pub)}), {what}, is in {when.year}"
    )
    return _iso(when), basis, True


def _no_year_of_weekday(
    words: str, month: int, day: int, weekday: str, c: Context
) -> tuple[str, str, bool] | None:
    """A day with no year its weekday names ("Monday, April 28"): the one within a year of
    publication that is that weekday, the nearest; none when none is (the words, or they
    and the publication day, contradict each other)."""
    wanted = _WEEKDAYS.index(weekday.title()) if weekday.title() in _WEEKDAYS else None
    wanted = _OTHER_WEEKDAYS[weekday.lower()] if wanted is None else wanted
    pub = c.published
    days = [_day(y, month, day) for y in (pub.year - 1, pub.year, pub.year + 1)]
    fits = [
        d for d in days if d is not None and d.weekday() == wanted and abs((d - pub).days) <= 366
    ]
    if not fits:
        return None
    when = min(fits, key=lambda d: abs((d - pub).days))
    basis = (
        f"'{words}' gives no year: {day} {MONTHS[month - 1]} is a {_WEEKDAYS[wanted]}, as the "
        f"text says, in {when.year}, the nearest such year to publication ({_shown(pub)})"
    )
    return _iso(when), basis, True


def _days_no_year(
    m: re.Match[str], c: Context, ends: tuple[int, int, int, int]
) -> tuple[str, str, bool] | None:
    """A range of days with no year: the latest such range begun on or before publication;
    the next one not over by then if the sentence speaks of the future."""
    if _UNIT_AFTER().match(c.sentence[m.end() :]):
        return None  # a quantity: "from April 22 to 24 percent"
    m1, d1, m2, d2 = ends
    crossing = int(m2 < m1)  # "December 30 to January 2"
    if c.future:
        end = _nearest(c, m2, d2)
        start = None if end is None else _day(end.year - crossing, m1, d1)
    else:
        start = _nearest(c, m1, d1)
        end = None if start is None else _day(start.year + crossing, m2, d2)
    if start is None or end is None or _year_told_elsewhere(c, start.year):
        return None
    which = "next such days not over" if c.future else "latest such days begun"
    how = c.how
    basis = (
        f"'{m[0]}' gives no year: the {which} {how} publication ({_shown(c.published)}) "
        f"are {_shown(start)} to {_shown(end)}"
    )
    return f"{_iso(start)}/{_iso(end)}", basis, True


def _relative_year(rel: str, c: Context) -> int:
    return c.published.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]


def _day_rel_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    year = _relative_year(m["rel"], c)
    day = _day(year, month_number(m["m"]), _num(m["d"]))
    if day is None:
        return None
    basis = f"'{m[0]}' in an article published {_shown(c.published)}: {_shown(day)}"
    return _iso(day), basis, True


def _month_rel_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    year, month = _relative_year(m["rel"], c), month_number(m["m"])
    basis = f"'{m[0]}' in an article published {_shown(c.published)}: {MONTHS[month - 1]} {year}"
    return f"{year:04d}-{month:02d}", basis, True


def _rel_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    return _rel_year_read(m[0], m["rel"], c)


def _rel_year_read(words: str, rel: str, c: Context) -> tuple[str, str, bool]:
    year = _relative_year(rel, c)
    return str(year), f"'{words}' in an article published {_shown(c.published)}: {year}", True


def _rel_month(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    return _rel_month_named(m[0], month_number(m["m"]), None, m["rel"].lower(), c)


def _rel_month_named(
    words: str, month: int, day: int | None, rel: str, c: Context
) -> tuple[str, str, bool] | None:
    """The ``month`` (or its ``day``) ``rel`` ("last", "this", "next") names from publication:
    the latest before publication's month (or day), of its year, or the next after it."""
    pub = c.published
    when, now = (month, day or 0), (pub.month, pub.day if day else 0)
    if rel == "this":
        year = pub.year
    elif rel == "last":
        year = pub.year if when < now else pub.year - 1
    else:
        year = pub.year if when > now else pub.year + 1
    said = f"'{words}' in an article published {_shown(pub)}"
    if day is None:
        return f"{year:04d}-{month:02d}", f"{said}: {MONTHS[month - 1]} {year}", True
    date = _day(year, month, day)
    return None if date is None else (_iso(date), f"{said}: {_shown(date)}", True)


#: "Last", "this", "next" after a month or a day as Arabic says them ("مايو الماضي", "15 أبريل
#: المقبل", "مارس الجاري"), and after a weekday ("الأحد الماضي", "الجمعة المقبلة").
_AR_REL = (
    r"\s+(?:(?P<last>الماضي|الماضية|المنصرم|المنصرمة)|(?P<this>الجاري|الحالي)"
    r"|(?P<next>المقبل|المقبلة|القادم|القادمة))(?![^\W\d_])"
)


def _ar_rel_month(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A month or a day of it with Arabic's "last", "this", "next" after it (see
    :data:`_AR_REL`): read as "last May" is, a day the latest before publication or the next
    after it."""
    rel = next(k for k in ("last", "this", "next") if m[k])
    return _rel_month_named(
        m[0], _month_of(m.groupdict()), _num(m["d"]) if m["d"] else None, rel, c
    )


#: Words before a month alone that make it a date only after a verb that moves a thing to it
#: ("put off to March", "rescheduled for May", Spanish "aplazado a mayo"), or in Italian, where
#: "a", "ad" and "per" say "in" and "for" ("a dicembre", "prevista per ottobre"): "from April
#: to June", "a plan for May Day" are none.
_TO_A_MONTH = {"to": "", "for": "", "a": "it", "ad": "it", "per": "it"}


def _month_alone(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    month = _month_of(m.groupdict())
    word = m[0].split(None, 1)[0].lower()
    if word in _TO_A_MONTH and not (
        _TO_A_MONTH[word] == c.language != "" or _moved_to(c.sentence, c.start, c.end)
    ):
        return None
    if _THAT_YEAR().match(c.sentence, c.end):
        return _in_that_year(m[0], c, month, None)
    if c.label:
        return _of_the_entry(m[0], c, month, None)
    when = _nearest(c, month, None)
    if when is None or _year_told_elsewhere(c, when.year):
        return None
    which = c.which
    basis = (
        f"'{m[0]}' gives no year: the {which} {MONTHS[month - 1]} from publication "
        f"({_shown(c.published)}) is in {when.year}"
    )
    return f"{when.year:04d}-{month:02d}", basis, True


def _rel_month_word(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    return _rel_month_read(m[0], m["rel"], c)


def _rel_month_read(words: str, rel: str, c: Context) -> tuple[str, str, bool]:
    """The month before, of, or after publication's (``rel``: "last", "this", "next")."""
    pub = c.published
    shift = {"last": -1, "this": 0, "next": 1}[rel.lower()]
    index = pub.year * 12 + pub.month - 1 + shift
    year, month = divmod(index, 12)
    basis = f"'{words}' in an article published {_shown(pub)}: {MONTHS[month]} {year}"
    return f"{year:04d}-{month + 1:02d}", basis, True


def _years_ago(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    n = _NUMBER_WORDS.get(m["n"].lower()) or (int(m["n"]) if m["n"].isdigit() else 0)
    n *= 10 if m["unit"].startswith("decade") else 1
    if not 0 < n < 200 or (m["unit"] == "year") != (n == 1):  # "a years ago", "two year ago"
        return None
    pub = c.published
    if m["today"]:
        day = _day(pub.year - n, pub.month, pub.day)
        if day is None:
            return None
        return _iso(day), f"'{m[0]}' in an article published {_shown(pub)}: {_shown(day)}", True
    # "Three years ago" is about then: a year early or late as often as not.
    basis = f"'{m[0]}' in an article published {_shown(pub)}: about {pub.year - n}"
    return f"{pub.year - n}~", basis, True


def _yesterday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    day = days_after(c.published, -1)
    if day is None:
        return None
    return _iso(day), f"'{m[0]}' in an article published {_shown(c.published)}", True


#: A date right after a weekday's name ("on Monday, 28 April 2025", "lundi 28 avril", "am
#: Montag, 28. April"): the weekday is the date's, and names no day of its own.
_ANY_MONTH = rf"(?:{_M}|(?i:{OTHER_MONTH_PATTERN}))"
_DATE_AFTER = later(
    rf"\s*,?\s*(?:the\s+)?(?:{_D}\.?\s+(?:of\s+|de\s+)?{_ANY_MONTH}|{_ANY_MONTH}\s+{_D}\b)"
)


def _weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    if _DATE_AFTER().match(c.sentence, m.end()):
        return None
    return _weekday_read(m[0], _WEEKDAYS.index(m["wd"]), (m["rel"] or "").lower(), c)


#: The days of the week as Russian (after "в", "во": the accusative), French, German,
#: Spanish and Italian name them, Monday first.
def _week_of_names(*weeks: tuple[str, ...]) -> dict[str, int]:
    """Each name of the ``weeks`` (each its days' names, Monday first) to its day's number
    (Monday is 0)."""
    return {name: n for names in weeks for n, name in enumerate(names)}


_OTHER_WEEKDAYS = _week_of_names(
    WEEKDAYS_AFTER_ON["ru"],
    *(WEEKDAY_NAMES[language] for language in ("fr", "de", "es", "it")),
    WEEKDAYS_AFTER_ON["uk"],
    WEEKDAY_NAMES["ar"],
) | {
    "sonnabend": WEEKDAY_VARIANTS["sonnabend"],
    "п’ятницю": 4,
    "الإثنين": WEEKDAY_VARIANTS["الإثنين"],
}
#: Arabic's weekdays (see :data:`_OTHER_WEEKDAYS`).
_ARABIC_WEEKDAYS = "|".join([*WEEKDAY_NAMES["ar"], "الإثنين"])
#: Spanish's and Italian's weekdays (see :data:`_OTHER_WEEKDAYS`).
_SPANISH_WEEKDAYS = "|".join(WEEKDAY_NAMES["es"])
_ITALIAN_WEEKDAYS = "|".join(WEEKDAY_NAMES["it"])
_OWD = "|".join(_OTHER_WEEKDAYS)


#: A weekday's name right before a date ("Monday, April 28", "lundi 28 avril").
_WEEKDAY_BEFORE = re.compile(
    rf"(?i:\b(?P<wd>{'|'.join(_WEEKDAYS)}|{_OWD}))\s*,?\s*(?:the\s+|le\s+)?$"
)


def _other_weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    if _DATE_AFTER().match(c.sentence, m.end()):
        return None
    rel = "last" if m["last"] or m["dlast"] or m["flast"] else ""
    rel = "next" if m["next"] or m["dnext"] or m["fnext"] else rel
    return _weekday_read(m[0], _OTHER_WEEKDAYS[m["wd"].lower()], rel, c)


def _latin_weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "el martes", "el pasado martes", "el martes pasado", "este miércoles", "il martedì
    scorso", "martedì prossimo" (see :data:`_LATIN_WEEKDAYS`)."""
    if _DATE_AFTER().match(c.sentence, m.end()):
        return None
    rel = "last" if m["last"] or m["flast"] else "next" if m["next"] or m["fnext"] else ""
    return _weekday_read(m[0], _OTHER_WEEKDAYS[m["wd"].lower()], rel, c)


_AR_IN = later(r"(?<![^\W\d_])في\s+$")  # "in" just before a month: "في أبريل/نيسان"


def _ar_two_names(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A month Arabic names twice, as Egypt's and the Levant's names of it ("15 أبريل/نيسان
    2024", "في مايو/أيار الماضي"): one month, read as one name of it is; two months
    ("أبريل/مايو 2024") their year, with none none (a month alone or a day is not read
    before "/" and a month); a month alone only after "في" (in), as one name is."""
    if other_month_number(m["om"]) != other_month_number(m["om2"]):
        return (
            (m["y"], f"'{m[0]}': one of two months, dated by its year", False) if m["y"] else None
        )
    if m["y"]:
        return _full(m, c) if m["d"] else _month_year(m, c)
    if m["last"] or m["this"] or m["next"]:
        return _ar_rel_month(m, c)
    if m["d"]:
        return _no_year(m, c)
    return _month_alone(m, c) if _AR_IN().search(c.sentence, 0, c.start) else None


#: A date after an Arabic weekday, perhaps after "corresponding to" ("الأحد، الموافق 9 مارس").
_AR_DATE_AFTER = later(rf"\s*[،,]?\s*(?:الموافق\s+(?:لـ?\s*)?)?{_D}\s+{_ANY_MONTH}")


def _ar_weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A weekday as Arabic says it, after "day", "morning", "evening" ("يوم الأحد", "مساء
    الخميس") or before "last", "next" ("الأحد الماضي", "الجمعة المقبلة"): as "on Sunday",
    "last Sunday" are read; a weekday alone ("الأحد" is also "the one") none, nor one a date
    follows."""
    rel = "last" if m["last"] else "next" if m["next"] else ""
    if not (m["on"] or rel) or _AR_DATE_AFTER().match(c.sentence, m.end()):
        return None
    return _weekday_read(m[0], _OTHER_WEEKDAYS[m["wd"]], rel, c)


def _weekday_read(words: str, wanted: int, rel: str, c: Context) -> tuple[str, str, bool] | None:
    """The day a weekday's name (``wanted``: Monday is 0) names: the latest such day on or
    before publication, or the next one after when ``rel`` is "next" or the words speak of
    the future (but never when ``rel`` is "last")."""
    pub = c.published
    if rel == "next" or (c.future and rel != "last"):
        day = days_after(pub, (wanted - pub.weekday()) % 7 or 7)
        which = "the next"
    else:
        back = (pub.weekday() - wanted) % 7
        if rel == "last" and back == 0:
            back = 7
        day = days_after(pub, -back)
        which = "the latest" if back else "the day of"
    if day is None:
        return None
    name = _WEEKDAYS[wanted]
    basis = f"'{words}': {which} {name} from publication ({_shown(pub)}), {_shown(day)}"
    return _iso(day), basis, True


#: The regions whose weeks begin on Sunday (the United States, Canada, Japan...): "last
#: week" there may begin a day before a week of Monday's.
_SUNDAY_REGIONS = frozenset("us ca ph jp br il sa mx".split())  # noqa: SIM905


def week_start(language: str) -> str:
    """The day an article in ``language`` begins its weeks on: ``monday`` (ISO 8601's, and
    Europe's, China's, Russia's, Türkiye's...), or ``either`` when it may be Sunday (English
    with no region or of one that counts from Sunday, ``en-US``; Japanese, Portuguese of
    Brazil)."""
    primary, *rest = language.lower().split("-")
    regions = {part for part in rest if len(part) == 2}
    if regions & _SUNDAY_REGIONS or primary == "ja" or (primary == "en" and not regions):
        return "either"
    return "monday"


def _week_read(words: str, shift: int, c: Context) -> tuple[str, str, bool] | None:
    """The week before, of, or after publication's (``shift``: -7, 0, 7 days), as the
    interval of its days: the words say the day was one of them, not which (EDTF's one-of
    set is not among the archive's forms); a day earlier when weeks may begin on Sunday."""
    pub = c.published
    monday = shift - pub.weekday()  # its first day, in days from publication
    sunday = shift - (pub.weekday() + 1) % 7 if c.week == "either" else monday
    first = days_after(pub, min(monday, sunday))
    last = days_after(pub, max(monday, sunday) + 6)
    if first is None or last is None:
        return None
    week = {-7: "the week before", 0: "the week of", 7: "the week after"}[shift]
    begins = "Sunday or Monday" if c.week == "either" else "Monday"
    basis = (
        f"'{words}': {week} publication ({_shown(pub)}), a week begun on {begins}: a day "
        f"from {_shown(first)} to {_shown(last)}, which the words do not say"
    )
    return f"{_iso(first)}/{_iso(last)}", basis, True


def _rel_week(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "last week", "this week", "next week" and as the other languages read say them."""
    g = m.groupdict()
    shift = -7 if g["last"] or g.get("zlast") else 7 if g["next"] or g.get("znext") else 0
    return _week_read(m[0], shift, c)


def _cjk_month_rel_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A month, or a day, of last, this or next year as Chinese and Japanese write it:
    "去年4月", "今年4月22日", "明年3月"."""
    rel = "last" if m["last"] else "next" if m["next"] else "this"
    year, month = _relative_year(rel, c), int(m["mo"])
    if m["mo2"] is not None:  # "今年1月至3月"
        last = int(m["mo2"])
        if last <= month:
            return None
        basis = (
            f"'{m[0]}' in an article published {_shown(c.published)}: {MONTHS[month - 1]} to "
            f"{MONTHS[last - 1]} {year}"
        )
        return f"{year:04d}-{month:02d}/{year:04d}-{last:02d}", basis, True
    if m["d"] is None:
        basis = (
            f"'{m[0]}' in an article published {_shown(c.published)}: {MONTHS[month - 1]} {year}"
        )
        return f"{year:04d}-{month:02d}", basis, True
    day = _day(year, month, int(m["d"]))
    if day is None:
        return None
    return _iso(day), f"'{m[0]}' in an article published {_shown(c.published)}: {_shown(day)}", True


def _months(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A range of months whose last names the year, in any language read ("с мая по июль
    2025 года"), as :func:`_month_range` reads English's."""
    g = m.groupdict()
    a, b, y = _named_month(g, "1"), _named_month(g, "2"), int(m["y"])
    if a is None or b is None or a == b:
        return None
    first = y - int(b < a)
    return f"{first:04d}-{a:02d}/{y:04d}-{b:02d}", f"'{m[0]}': the months", False


def _solar_hijri(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A day or a month of the Solar Hijri calendar ("۲۲ فروردین ۱۴۰۴", "فروردین ۱۴۰۴"):
    a day is the Gregorian day it is; a month the interval of the Gregorian days it spans
    (Farvardin 1404 is 21 March to 20 April 2025), never a Gregorian month it is not."""
    month = SOLAR_HIJRI_MONTHS.index(m["sh"]) + 1
    if m["y"] is None:
        return _solar_hijri_no_year(m[0], month, int(m["d"]), c)
    span = solar_hijri_month(int(m["y"]), month)
    if span is None:
        return None
    first, last = span
    if m["d"] is None:
        basis = (
            f"'{m[0]}': a month of the Solar Hijri calendar, the days from {_shown(first)} to "
            f"{_shown(last)}"
        )
        return f"{_iso(first)}/{_iso(last)}", basis, False
    day = days_after(first, int(m["d"]) - 1)
    if day is None or day > last:
        return None
    return _iso(day), f"'{m[0]}': a day of the Solar Hijri calendar, {_shown(day)}", False


def _solar_hijri_no_year(
    words: str, month: int, day: int, c: Context
) -> tuple[str, str, bool] | None:
    """A day of the Solar Hijri calendar with no year ("باکو، ۴ اردیبهشت", a dateline): the
    latest such day on or before publication, or the next one if the sentence speaks of
    the future, as a Gregorian day with no year is inferred."""
    pub = c.published
    days = solar_hijri_days(month, day, pub)
    fits = [d for d in days if (d[1] >= pub if c.future else d[1] <= pub)]
    if not fits:
        return None
    year, when = min(fits, key=lambda d: abs((d[1] - pub).days))
    which, how = c.which, c.how
    basis = (
        f"'{words}' gives no year: the {which} such day of the Solar Hijri calendar {how} "
        f"publication ({_shown(pub)}) is in its year {year}, {_shown(when)}"
    )
    return _iso(when), basis, True


def _end_of_the_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "by the end of the year", "by year-end" (and as the other languages read say it:
    "d'ici la fin de l'année", "bis Jahresende", "до конца года", "yıl sonuna kadar"): on or
    before the end of publication's year, unless the sentence names a year before them,
    which the words may be of; "by the end of that year", "of the same year": of the year
    named before them, in the sentence or its paragraph, none when none is."""
    if m.groupdict().get("that"):
        named = _year_named_before(c)
        if named is None:
            return None
        basis = f"'{m[0]}': on or before the end of the year named before it, {named}"
        return f"[..{named}]", basis, True
    year = c.published.year
    if re.search(rf"\b{_Y}\b", c.sentence[: c.start]):
        return None  # "In 2019, a deal was expected by the end of the year": 2019's
    basis = (
        f"'{m[0]}' in an article published {_shown(c.published)}: on or before the end of {year}"
    )
    return f"[..{year}]", basis, True


#: "By the end of the year" as the other languages read say it (see :func:`_end_of_the_year`).
_OTHER_END_OF_THE_YEAR = (
    r"(?<![^\W\d_])(?i:(?:antes\s+de|para)\s+(?:(?:finales|fines)\s+del?|fin\s+de)"
    r"(?:\s+este)?\s+año"
    r"|(?:d['’]ici|avant)(?:\s+à)?\s+la\s+fin\s+de\s+(?:l['’]année|cette\s+année)"
    r"|bis\s+(?:zum\s+)?(?:Jahresende|Ende\s+(?:des|dieses)\s+Jahres)"
    r"|entro\s+(?:la\s+)?fine\s+(?:dell['’]anno|di\s+quest['’]anno|anno)"
    r"|(?:até|antes\s+d)[oa]?\s+(?:o\s+)?fi(?:m|nal)\s+(?:do|deste)\s+ano"
    r"|(?:до|к)\s+конц[уа]\s+(?:(?:этого|текущего)\s+)?года"
    r"|(?:bu\s+)?yıl\s+sonuna\s+kadar|(?:bu\s+)?(?:ilin|il)\s+sonuna\s*(?:dək|qədər))"
    r"(?![^\W\d_])"
)


#: A season's first month (meteorological) in the northern and the southern hemisphere.
_SEASON_FIRST = {"spring": (3, 9), "summer": (6, 12), "autumn": (9, 3), "fall": (9, 3)}
_SEASON_FIRST |= {"winter": (12, 6)}


def _season_years(first: int, rel: str, pub: dt.date) -> set[int]:
    """The years of the months of the season beginning in month ``first`` that ``rel``
    ("last", "next") names from ``pub``: the next one begun after publication's month, or
    the latest one over before it."""
    now = pub.year * 12 + pub.month - 1
    start = now + 1 + (first - 1 - now - 1) % 12  # the first such start after ``now``
    if rel == "last":
        start -= 12 * ((start + 2 - now) // 12 + 1)  # the latest one over before ``now``
    return {(start + k) // 12 for k in range(3)}


def _this_season_years(first: int, pub: dt.date) -> set[int]:
    """The years of the months of "this" season beginning in month ``first`` from ``pub``:
    the one publication's month is in; else the one over before it and the next, those of
    them in publication's year ("this spring" in April is this year's, in either
    hemisphere: not last September's)."""
    now = pub.year * 12 + pub.month - 1
    start = now - (now - (first - 1)) % 12  # the latest such start on or before ``now``
    spans = [range(start, start + 3)]
    if now >= start + 3:  # over: the one before and the next, in publication's year
        spans = [r for r in (spans[0], range(start + 12, start + 15)) if now // 12 in _years(r)]
    return set().union(*map(_years, spans))


def _years(months: range) -> set[int]:
    return {k // 12 for k in months}


def _season_of_tense(first: int, pub: dt.date, future: bool) -> set[int]:
    """The years of the months of the season beginning in month ``first`` that "in the
    autumn" names from ``pub``: the one publication's month is in; else the next one, in
    words of the future, or the latest one over."""
    now = pub.year * 12 + pub.month - 1
    start = now - (now - (first - 1)) % 12  # the latest such start on or before ``now``
    if now >= start + 3 and future:
        start += 12
    return _years(range(start, start + 3))


def _season_alone(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "in the autumn" with no year, where neither its sentence nor its paragraph names one
    before it (it may be that year's): the season the publication's month is in, or the
    next (the future) or the latest over, dated by its year when that is one and the same
    in both hemispheres ("would open in the autumn" in March 2025: September to November
    2025 in the north, March to May 2025 in the south); else none."""
    if _year_named_before(c) is not None:
        return None
    north, south = _SEASON_FIRST[m["season"].lower()]
    years = _season_of_tense(north, c.published, c.future)
    if len(years) != 1 or years != _season_of_tense(south, c.published, c.future):
        return None
    [year] = years
    which = c.which
    basis = (
        f"'{m[0]}' gives no year: the season of publication ({_shown(c.published)}) or the "
        f"{which}, in {year} in either hemisphere, dated by its year"
    )
    return str(year), basis, True


#: The seasons as Russian names them, in the instrumental ("весной": in spring).
_RU_SEASONS = {"весной": "spring", "летом": "summer", "осенью": "autumn", "зимой": "winter"}


def _rel_season(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "next spring", "last summer", "this autumn" (and so in Russian, "следующей весной",
    "этой осенью"): the year of that season when it lies in one year, and the same, in both
    hemispheres (the words do not say which: "next spring" in April 2025 is 2026's in the
    north, September 2025 in the south); else none."""
    season = m["season"].lower()
    rel = _SEASON_REL.get(m["rel"].lower()[:4], "last" if m.groupdict().get("past") else "this")
    return _season_read(m[0], _RU_SEASONS.get(season, season), rel, c)


def _season_read(words: str, season: str, rel: str, c: Context) -> tuple[str, str, bool] | None:
    """The year of the ``season`` ("spring") ``rel`` ("last", "this", "next") names from
    publication, when it lies in one year, and the same, in both hemispheres; else none."""
    north, south = _SEASON_FIRST[season]
    if rel == "this":
        years = _this_season_years(north, c.published)
        other = _this_season_years(south, c.published)
    else:
        years = _season_years(north, rel, c.published)
        other = _season_years(south, rel, c.published)
    if len(years) != 1 or years != other:
        return None
    [year] = years
    basis = (
        f"'{words}' in an article published {_shown(c.published)}: in {year} in either "
        "hemisphere, dated by its year"
    )
    return str(year), basis, True


#: The seasons as Turkish, Azerbaijani, French, German, Spanish, Italian and Portuguese
#: name them ("yaz" is Turkish's summer and Azerbaijani's spring: see
#: :func:`_other_rel_season`).
_OTHER_SEASONS = {
    "spring": "ilkbahar bahar yaz printemps frühling frühjahr primavera",
    "summer": "yay été sommer verano estate verão",
    "autumn": "sonbahar güz payız automne herbst otoño autunno outono",
    "winter": "kış qış hiver winter invierno inverno",
}
_OTHER_SEASON = {word: season for season, words in _OTHER_SEASONS.items() for word in words.split()}
#: "Last", "next" before a season as Azerbaijani says them ("yaz" after them is spring).
_AZ_REL = ("keçən", "ötən", "gələn", "növbəti")


def _other_rel_season(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "geçen sonbahar", "bu bahar", "keçən payız", "au printemps dernier", "cet automne",
    "im vergangenen Herbst", "el pasado otoño", "esta primavera", "la primavera scorsa": as
    "last autumn", "this spring" are (see :func:`_season_read`); "yaz", summer in Turkish
    and spring in Azerbaijani, by the word before it or the article's language (none in
    another)."""
    g = {k: v for k, v in m.groupdict().items() if v}
    word = next(v for k, v in g.items() if k.startswith("s")).lower()
    rel = "last" if any(k.startswith("last") for k in g) else "this"
    rel = "next" if any(k.startswith("next") for k in g) else rel
    season = _OTHER_SEASON.get(word)
    if word == "yaz":
        said = m[0].lower().split()[0]
        az = said in _AZ_REL or (said == "bu" and c.language == "az")
        tr = not az and (said != "bu" or c.language == "tr")
        season = "spring" if az else "summer" if tr else None
    return None if season is None else _season_read(m[0], season, rel, c)


#: The words of "last", "next" as a season's (their first four letters) in English and Russian.
_SEASON_REL = {"last": "last", "next": "next", "прош": "last", "мину": "last"}
_SEASON_REL |= {"след": "next", "буду": "next"}


def _cjk_season(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A season of last, this or next year as Chinese writes it ("今年春天", "去年秋季",
    "明年夏天", "今年冬天"): dated by the year the words name, as "spring 2025" and "winter
    2025" are."""
    rel = "last" if m["last"] else "next" if m["next"] else "this"
    year = _relative_year(rel, c)
    basis = (
        f"'{m[0]}' in an article published {_shown(c.published)}: a season of {year}, "
        "dated by its year"
    )
    return str(year), basis, True


def _weekend(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """ "last weekend", "this weekend", "next weekend", "over the weekend" (and as the other
    languages read say them: "на прошлых выходных", "geçen hafta sonu", 上周末, 本周末): the
    Saturday and Sunday of the week before publication's (a week begun on Monday), of its
    own, or of the next, as an interval (which day the words do not say): "this weekend"
    in a sentence in the past, on a weekday, none (the one just over, or the next?); "next
    weekend" on a weekday, but in Chinese (下周末, next week's), this week's or the next
    week's; "over the weekend" this week's if the words speak of the future, else the
    latest one begun."""
    g = m.groupdict()
    pub, weekday = c.published, c.published.weekday()
    if g.get("over"):
        shift = 0 if c.future or weekday >= 5 else -7
    else:
        last = g["last"] or g.get("tlast") or g.get("zlast")
        shift = -7 if last else 7 if g["next"] or g.get("tnext") or g.get("znext") else 0
    if shift == 0 and weekday < 5 and not c.future and _past_before(c.sentence, c.french):
        return None  # "this weekend's talks were...": the one over, or the next?
    either = shift == 7 and weekday < 5 and not g.get("cjk")
    first = days_after(pub, 5 - weekday + (0 if either else shift))
    last = days_after(pub, 6 - weekday + shift)
    if first is None or last is None:
        return None
    week = {-7: "the week before", 0: "the week of", 7: "the week after"}[shift]
    which = f"{week} publication ({_shown(pub)})"
    if either:
        which = f"the week of publication ({_shown(pub)}) or the week after, which they do not say"
    basis = (
        f"'{m[0]}': the Saturday and Sunday of {which}: a day from {_shown(first)} to "
        f"{_shown(last)}, which the words do not say"
    )
    return f"{_iso(first)}/{_iso(last)}", basis, True


#: The days of the week as Turkish, Azerbaijani and Persian name them, Monday first (their
#: spaces and zero-width non-joiners left out: "bazar ertəsi", "سه‌شنبه").
_TR_AZ_FA_WEEKDAYS = _week_of_names(
    *(
        tuple(re.sub(r"[\s\u200c]", "", name) for name in WEEKDAY_NAMES[lang])
        for lang in ["tr", "az", "fa"]
    )
)


def _tr_az_fa_weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A day of the week as Turkish, Azerbaijani and Persian name it ("çarşamba günü",
    "geçen cuma günü", "bazar ertəsi", "روز سه‌شنبه"): as "on Wednesday" is read."""
    g = m.groupdict()
    word = g["wd"] or g["wd2"] or g["wd3"]
    wanted = _TR_AZ_FA_WEEKDAYS[re.sub(r"[\s\u200c]", "", word.lower())]
    rel = "last" if g["last"] or g["last3"] else "next" if g["next"] or g["next3"] else ""
    return _weekday_read(m[0], wanted, rel, c)


#: Turkish's and Azerbaijani's with "günü" (day) after them ("pazar" alone is a market, "cuma"
#: a prayer), Azerbaijani's of two words alone, Persian's after "روز" (day); not every one
#: ("her çarşamba günü", "hər cümə günü", "هر روز شنبه").
_TR_AZ_FA_WEEKDAY = (
    r"(?<![^\W\d_])(?<![Hh]er\s)(?<![Hh]ər\s)(?i:(?:(?P<last>geçen|geçtiğimiz|keçən|ötən)|(?P<next>gelecek|önümüzdeki"
    r"|gələn|növbəti)|bu)\s+)?(?P<wd>(?i:pazartesi|salı|çarşamba|perşembe|cumartesi|cuma|pazar"
    r"|bazar\s+ertəsi|çərşənbə\s+axşamı|çərşənbə|cümə\s+axşamı|cümə|şənbə|bazar))\s+(?i:günü)"
    r"(?![^\W\d_])"
    r"|(?<![^\W\d_])(?<![Hh]ər\s)(?P<wd2>(?i:bazar\s+ertəsi|çərşənbə\s+axşamı|cümə\s+axşamı))"
    r"(?![^\W\d_])|(?<!هر\s)روز\s+(?P<wd3>(?:یک|دو|سه|چهار|پنج)?\u200c?\s?شنبه|جمعه)(?![^\W\d_])"
    r"(?:\s+(?P<last3>گذشته)|\s+(?P<next3>آینده))?"
)


_JAPANESE_WEEKDAYS = "月火水木金土日"


def _ja_weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A day of the week as Japanese names it, "木曜日" (Thursday), and of last, this or
    next week, "先週木曜日", "今週の木曜日", "来週木曜日": as Chinese's are read (see
    :func:`_cjk_weekday`); a Sunday of a week named, none (a Japanese week may begin on it
    or end with it)."""
    wanted = _JAPANESE_WEEKDAYS.index(m["wd"])
    shift = -7 if m["last"] else 7 if m["next"] else 0 if m["this"] else None
    if shift is None:
        return _weekday_read(m[0], wanted, "", c)
    if wanted == 6:
        return None
    return _week_day(m[0], wanted, shift, c)


# --- the grammar, most specific first --------------------------------------------------

_REL = r"(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)"
#: A year written in two digits after a day or a month: "12 April '98", "in April ’98"
#: (which century's the words do not say: the day is not read as one of no year).
_YY = r",?\s*['’‘]\d\d\b"
#: What joins the two ends of a range of days: a dash, or "to", "until", "through" (and
#: "and" after "between", see :data:`_DAYS_MONTH_FIRST`).
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through)\s+(?:the\s+)?)"
#: A range of days, the month before the day: "April 22-24, 2025", "from April 22 to 24",
#: "between April 22 and April 24, 2025", "August 31–September 1, 2025"; with no year, not
#: followed by a number, a time's minutes or a month ("to 24:00", "April 22 to 24 May").
_DAYS_MONTH_FIRST = (
    rf"\b(?:(?:(?P<between>[Bb]etween)|[Ff]rom)\s+)?(?P<m1>{_M})\s+(?P<d1>{_D})"
    rf"(?(between)\s+and\s+(?:the\s+)?|(?:{_TO}|\s+(?P<both>and)\s+))(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})"
    rf"(?:,?\s+(?P<y>{_Y})\b|\b(?!\s*+[-–,]?\s*\d|[:.]\d|\s+(?:of\s+)?{_M}))"
)
#: A range of days, the day before the month: "22–24 April 2025", "between 22 and 24 April
#: 2025", "from 22 to 24 April", "31 August – 1 September 2025".
_DAYS_DAY_FIRST = (
    rf"(?<![\d,.])\b(?:(?:(?P<between>[Bb]etween)|[Ff]rom)\s+)?(?:the\s+)?(?P<d1>{_D})"
    rf"(?:\s+(?:of\s+)?(?P<m1>{_M}))?(?(between)\s+and\s+(?:the\s+)?|(?:{_TO}|\s+(?P<both>and)\s+))"
    rf"(?P<d2>{_D})\s+(?:of\s+)?(?P<m2>{_M})(?:,?\s+(?P<y>{_Y})\b|\b(?!\s*+,?\s*\d))"
)


@functools.cache
def grammar() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """The patterns of dates as English writes them, most specific first, each with its
    reader: compiled when first used (see :mod:`archive_site.patterns`)."""
    return tuple((re.compile(pattern), handler) for pattern, handler in _GRAMMAR)


_GRAMMAR: tuple[tuple[str, Handler], ...] = (
    (_DAYS_MONTH_FIRST, _days),
    (_DAYS_DAY_FIRST, _days),
    (rf"\b(?P<m>{_M})\s+(?P<d>{_D}),?\s+(?P<y>{_Y})\b", _full),
    (rf"\b(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M}),?\s+(?P<y>{_Y})\b", _full),
    (rf"\b(?P<y>{_Y})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", _full),
    (rf"\b(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<mo>0?[1-9]|1[0-2])\.(?P<y>{_Y})\b", _full),
    # in numbers, the year first ("2025/4/22", as Chinese, Japanese and Korean sites
    # write it) or last ("22/04/2025", "04/22/2025", "22-04-2025")
    (
        rf"(?<![\d/.-])(?P<y>{_Y})(?P<sep>[/-])(?P<mo>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<d>0?[1-9]|[12]\d|3[01])(?![/.-]?\d)",
        _full,
    ),
    (
        r"(?<![\d/.-])(?P<a>0?[1-9]|[12]\d|3[01])(?P<sep>[/-])(?P<b>0?[1-9]|[12]\d|3[01])"
        rf"(?P=sep)(?P<y>{_Y})(?![/.-]?\d)",
        _numeric,
    ),
    (rf"\b(?P<m>{_M})\s+(?P<d>{_D})\s+{_REL}\s+year\b", _day_rel_year),
    (rf"\b(?P<d>{_D})\s+(?P<m>{_M})\s+{_REL}\s+year\b", _day_rel_year),
    (rf"\b(?P<m>{_M})\s+(?:of\s+)?{_REL}\s+year\b", _month_rel_year),  # "July last year"
    (rf"\b(?P<m1>{_M})\s*[-–]\s*(?P<m2>{_M}),?\s+(?P<y>{_Y})\b", _month_range),
    # "between April and June 2024", "from April to June 2024": the months, not June
    (
        rf"\b(?:(?P<between>[Bb]etween)|[Ff]rom)\s+(?P<m1>{_M})\s+"
        rf"(?(between)and|(?:to|until|till|through))\s+(?P<m2>{_M}),?\s+(?P<y>{_Y})\b",
        _month_range,
    ),
    (rf"\b(?P<m>{_M}),?\s+(?:of\s+)?(?P<y>{_Y})\b", _month_year),
    (
        rf"\b(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?(?P<y>{_Y})\b",
        _season,
    ),
    (
        rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<y1>{_Y})\s+(?:to|and|until|till|through)\s+(?P<y2>{_Y})\b",
        _year_range,
    ),
    (rf"(?<![\d,.])\b(?P<y1>{_Y})\s*[-–/]\s*(?P<y2>{_Y}|\d\d)\b(?![-–/]?\d)", _year_range),
    (r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d)0['’]?s\b", _decade),
    (rf"\b(?P<m>{_M})\s+(?P<d>{_D})\b(?!\s*+[-–,]?\s*\d|{_YY})", _no_year),
    (rf"\b(?P<d>{_D})\s+(?:of\s+)?(?P<m>{_M})\b(?!\s*+,?\s*\d|{_YY})", _no_year),
    (rf"\b{_REL}\s+year\b", _rel_year),
    # "last week", "this week", "next week" (not "the last week", "the next week": the
    # seven days before or after, nor "last week's" alone... which is the same week)
    (
        r"(?<!\bthe\s)(?<!\bThe\s)\b(?:(?P<last>[Ll]ast)|[Tt]his|(?P<next>[Nn]ext))\s+week\b",
        _rel_week,
    ),
    (
        r"\b(?:[Bb]y|[Bb]efore)\s+(?:the\s+)?(?:end\s+of\s+(?:the|(?P<that>that|the\s+same))"
        r"\s+year|year[-\s]end)\b",
        _end_of_the_year,
    ),
    (
        r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?:\s+(?P<past>past))?)\s+"
        r"(?P<season>(?i:spring|summer|autumn|fall|winter))\b",
        _rel_season,
    ),
    # "in the autumn", no year after it ("in the autumn of 2020" is 2020's, above)
    (
        r"\b(?:[Ii]n|[Dd]uring)\s+the\s+(?P<season>(?i:spring|summer|autumn|fall|winter))\b"
        r"(?!['’]s|\s+(?:of\b|\d|['’]\d))",
        _season_alone,
    ),
    # "last weekend", "this weekend", "next weekend", "over the weekend" (not "the last
    # weekend", nor "the weekend of 24-25 May": its days)
    (
        r"(?<!\bthe\s)(?<!\bThe\s)\b(?:(?P<last>[Ll]ast)|[Tt]his|(?P<next>[Nn]ext))\s+week-?end\b"
        r"|\b(?P<over>[Oo]ver|[Aa]t|[Oo]n|[Dd]uring)\s+the\s+week-?end\b(?!['’]s|\s+of\b)",
        _weekend,
    ),
    (rf"\b{_REL}\s+(?P<m>{_M})\b(?!\s*\d)", _rel_month),
    (rf"\b{_REL}\s+month\b", _rel_month_word),
    (
        # "three years ago", "a decade ago", "two decades ago", "twenty years ago"
        rf"(?<!\bhalf\s)(?<!\bHalf\s)\b(?P<n>\d{{1,3}}|(?i:{'|'.join(_NUMBER_WORDS)}))\s+"
        r"(?P<unit>years?|decades?)\s+ago(?P<today>\s+today)?\b",
        _years_ago,
    ),
    (r"\b[Yy]esterday\b", _yesterday),
    (
        rf"\b(?:(?:[Oo]n|{_REL}|[Uu]ntil|[Tt]ill|[Ff]or)\s+)(?P<wd>{'|'.join(_WEEKDAYS)})\b",
        _weekday,
    ),
    # news agencies' style, no "on": "officials said Monday", "the leaders met Tuesday"
    (
        rf"\b(?:said|says|told|met|held|began|signed|opened|agreed|announced|left|"
        rf"[a-z]{{3,}}ed)\s+(?P<rel>)(?P<wd>{'|'.join(_WEEKDAYS)})\b",
        _weekday,
    ),
    (
        rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Bb]y|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]nd\s+of|"
        rf"[Bb]eginning\s+of|[Tt]o|[Ff]or)\s+(?P<m>{_M})\b(?!\s*\d|{_YY})",
        _month_alone,
    ),
    (rf"\b(?P<y>{_Y})\b", _year),
)


#: Dates written as other languages write them (see :data:`~archive_site.dates.
#: OTHER_MONTH_PATTERN`: French, German, Spanish, Italian, Portuguese, Russian,
#: Azerbaijani, Turkish), and as Chinese and Japanese do: read in an article whose language
#: is not English (in English text "Mars 2020" is a rover, "Mai" a name).
_OM = rf"(?i:{OTHER_MONTH_PATTERN})"
_WORD_END = r"(?![^\W\d_])"  # the month's word ends there (not "maint", "marsh")
#: A range of days as other languages write it, the day before the month: "22–24 апреля",
#: "22.–24. April 2025", "22-24 Nisan", "du 22 au 24 avril", "vom 22. bis 24. April", "del
#: 22 al 24 de abril", "de 22 a 24 de abril", "с 22 по 24 апреля"; the words between the
#: days ("au", "al", "по") only after the word that opens the range ("du", "del", "с").
_OTHER_DAYS = (
    rf"(?<![\w.])(?:(?P<lead>(?i:du|vom|von|del|dal|de|с|со))\s+)?(?P<d1>{_D})\.?"
    rf"(?:\s+(?:de\s+)?(?P<om1>{_OM}){_WORD_END}\.?)?"
    r"(?:\s*[-–—]\s*|\s+bis\s+(?:zum\s+)?|\s+(?P<both>(?i:e|et|y|und|и|і|ve|və))\s+"
    r"|(?(lead)\s+(?i:au|al|a|по|до)\s+|(?!)))"
    rf"(?P<d2>{_D})\.?\s+(?:de\s+)?(?P<om2>{_OM}){_WORD_END}"
    rf"(?:\.?,?\s+(?:de\s+)?(?P<y>{_Y})\b|(?!\.?,?\s*(?:de\s+)?\d))"
)
#: Azerbaijani writes a year with its ordinal suffix and "il" (year), a day after the month
#: in the genitive, the day with its case's suffix: "1992-ci il aprelin 2-də", "aprelin
#: 22-də", "2024-cü ildə", "2019-cu ilin aprel ayında".
_AZ_YEAR = rf"(?P<y>{_Y})-(?:ci|cı|cu|cü)\s+(?i:il)"
_AZ_DAY = rf"(?P<om>{_OM})(?:ın|in|un|ün|nın|nin|nun|nün)\s+(?P<d>{_D})-[^\W\d_]{{1,4}}"
#: "Last year", "this year", "next year" as the other languages read write them (a year in
#: the singular: "в прошлые годы", "son illərdə", "in den letzten Jahren" are no year).
_A = "['’]"
_OTHER_REL_YEAR = (
    r"(?i:(?P<last>(?:прошл|минувш)(?:ом|ого|ем|его|ый|ий)\s+год(?:у|а)?|торік"
    r"|минул(?:ого|ому)\s+ро(?:ку|ці)|o[ʻ'’‘]tgan\s+yil(?:i|da|gi)?"
    r"|(?:ötən|keçən)\s+il(?:in|də|dən|ki)?|(?:geçen|geçtiğimiz)\s+yıl(?:ın|ında|da|ki)?"
    rf"|l{_A}ann[ée]e\s+(?:derni[èe]re|pass[ée]e)|l{_A}an\s+(?:dernier|pass[ée])"
    r"|(?:vergangen|letzt)(?:en|es)\s+Jahr(?:es)?"
    rf"|d?el\s+año\s+pasado|(?:(?:de|ne|a|da)l)?l{_A}anno\s+(?:scorso|passato)"
    r"|(?:lo|dello|nello|allo|dallo)\s+scorso\s+anno|(?:o|no|do)\s+ano\s+passado)"
    r"|(?P<this>(?:этом|этого|текущем|текущего|нынешнем|нынешнего)\s+год(?:у|а)?|цьогоріч"
    r"|(?:цього|цьому|поточного|поточному)\s+ро(?:ку|ці)|(?:shu|joriy)\s+yil(?:i|da|gi)?"
    r"|(?:bu|cari)\s+il(?:in|də|dən|ki)?|bu\s+yıl(?:ın|ında|da|ki)?|cette\s+année"
    rf"|diese[mns]?\s+Jahr(?:es)?|este\s+año|quest{_A}anno|(?:este|neste)\s+ano)"
    r"|(?P<next>(?:следующ|будущ)(?:ем|его|ий)\s+год(?:у|а)?|наступн(?:ого|ому)\s+ро(?:ку|ці)"
    r"|(?:kelgusi|keyingi)\s+yil(?:i|da|gi)?"
    r"|(?:gələn|növbəti)\s+il(?:in|də|dən)?|(?:gelecek|önümüzdeki)\s+yıl(?:ın|ında|da)?"
    rf"|l{_A}ann[ée]e\s+prochaine|l{_A}an\s+prochain|nächste[ns]?\s+Jahr(?:es)?"
    rf"|d?el\s+próximo\s+año|(?:(?:de|ne|a|da)l)?l{_A}anno\s+prossimo"
    r"|(?:il|del|nel|al|dal)\s+prossimo\s+anno|(?:o|no|do)\s+próximo\s+ano))"
)


def _other_rel_year(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    rel = next(k for k in ("last", "this", "next") if m[k])
    return _rel_year_read(m[0], rel, c)


#: "Last month", "this month", "next month" as the other languages read write them: "в
#: прошлом месяце", "keçən ay", "geçen ay", "le mois dernier", "上个月", "本月", "下个月".
_OTHER_REL_MONTH = (
    r"(?i:(?P<last>(?:прошл|минувш)(?:ом|ого)\s+месяц(?:е|а)|(?:keçən|ötən)\s+ay(?:ın|da|dan)?"
    r"|(?:geçen|geçtiğimiz)\s+ay(?:ın|da)?|le\s+mois\s+(?:dernier|passé)"
    r"|(?:vergangen|letzt)(?:en|es)\s+Monat(?:s|es)?|el\s+mes\s+pasado|il\s+mese\s+scorso"
    r"|(?:o|no)\s+mês\s+passado)"
    r"|(?P<this>(?:этом|этого|текущем|текущего)\s+месяц(?:е|а)|(?:bu|cari)\s+ay(?:ın|da)?"
    r"|ce\s+mois-ci|diese[mns]?\s+Monat(?:s|es)?|este\s+mes|questo\s+mese|(?:este|neste)\s+mês)"
    r"|(?P<next>(?:следующ|будущ)(?:ем|его)\s+месяц(?:е|а)|(?:gələn|növbəti)\s+ay(?:ın|da)?"
    r"|(?:gelecek|önümüzdeki)\s+ay(?:ın|da)?|le\s+mois\s+prochain|nächste[nm]?\s+Monat(?:s|es)?"
    r"|el\s+próximo\s+mes|il\s+mese\s+prossimo|o\s+próximo\s+mês))"
)


def _other_rel_month(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    rel = next(k for k in ("last", "this", "next") if m[k])
    return _rel_month_read(m[0], rel, c)


#: "Yesterday" as the other languages read write it (French's "hier" only in French: in
#: German it is "here"); "позавчера", 前天, the day before, is not it.
_OTHER_YESTERDAY = (
    r"(?<![^\W\d_])(?i:вчера|dünən(?:ki)?|dün(?:kü)?|gestern|ayer|ieri|ontem|(?P<fr>hier))"
    rf"{_WORD_END}|昨天|昨日"
)


def _other_yesterday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    return None if m["fr"] and not c.french else _yesterday(m, c)


#: A day of the week as Chinese writes it: 星期三, 礼拜三, 周三 (Wednesday), and of last,
#: this or next week, 上周三, 本周三, 下周三 (not 每周三, every Wednesday, nor 一周一次,
#: once a week: a numeral before 周 counts weeks).
_CJK_WEEKDAY = (
    r"(?<!每)(?<![日号號])(?<![日号號][（(])(?:(?P<last>上)|(?P<this>本|这|這)|(?P<next>下))?(?:个|個)?"
    r"(?:(?<![一二三四五六七八九十两兩几幾\d])[周週]|星期|礼拜|禮拜)(?P<wd>[一二三四五六日天])(?![次个個遍年曜])"
)


#: A day of the week as Japanese writes it: 木曜日, 木曜 (Thursday), 先週木曜日, 今週の木曜日,
#: 来週木曜日 (not 毎週木曜日, every Thursday, nor a date's own weekday: "4月24日（木曜日）").
_JA_WEEKDAY = (
    r"(?<!毎週)(?<!毎週の)(?<!日)(?<!日（)(?<!日\()(?:(?P<last>先週)|(?P<this>今週)|(?P<next>来週))?の?"
    r"(?P<wd>[月火水木金土日])曜日?(?!ごと|毎)"
)
#: "Last week", "this week", "next week" as the other languages read say them: "на прошлой
#: неделе", "keçən həftə", "geçen hafta", "la semaine dernière", "letzte Woche", "la semana
#: pasada", "la settimana scorsa", "na semana passada", 上周, 本周, 下周, 先週, 今週, 来週 (not
#: 上周三: a day of it, see :data:`_CJK_WEEKDAY`).
_OTHER_REL_WEEK = (
    r"(?<![^\W\d_])(?i:(?P<last>на\s+(?:прошлой|минувшей)\s+неделе|(?:keçən|ötən)\s+həftə"
    r"|(?:geçen|geçtiğimiz)\s+hafta|la\s+semaine\s+(?:dernière|passée)"
    r"|(?:letzte|vergangene)\s+Woche|la\s+semana\s+pasada|la\s+settimana\s+scorsa"
    r"|(?:na\s+)?semana\s+passada)"
    r"|(?P<this>на\s+этой\s+неделе|bu\s+həftə|bu\s+hafta|cette\s+semaine|diese\s+Woche"
    r"|esta\s+semana|questa\s+settimana)"
    r"|(?P<next>на\s+следующей\s+неделе|(?:gələn|növbəti)\s+həftə"
    r"|(?:gelecek|önümüzdeki)\s+hafta|la\s+semaine\s+prochaine|(?:nächste|kommende)\s+Woche"
    r"|la\s+(?:próxima\s+semana|semana\s+(?:próxima|que\s+viene))|la\s+settimana\s+prossima"
    r"|(?:na\s+)?próxima\s+semana))(?![^\W\d_])"
    r"|(?<!每)(?:(?P<zlast>上[周週]|上个?星期|上個星期|先週)|(?P<zthis>本[周週]|这[周週]|這[週周]|今週)"
    r"|(?P<znext>下[周週]|下个?星期|下個星期|来週))(?![一二三四五六日天月火水木金土末])"
)


#: "Last weekend", "this weekend", "next weekend" as the other languages read say them:
#: "на прошлых выходных", "в эти выходные", "в следующие выходные", "geçen hafta sonu", "bu
#: hafta sonu", "keçən həftəsonu", 上周末, 本周末, 这周末, 下周末 (Chinese's next one is the
#: next week's: ``cjk``).
_OTHER_WEEKEND = (
    r"(?<![^\W\d_])(?i:(?:на|в)\s+(?:(?P<last>прошл|минувш)|эт|(?P<next>следующ|ближайш))"
    r"(?:их|ых|ие|ые|и)\s+выходн(?:ых|ые)"
    r"|(?:(?P<tlast>geçen|geçtiğimiz|keçən|ötən)|bu|(?P<tnext>gelecek|önümüzdeki|gələn))\s+"
    r"(?:hafta\s*sonu|həftə\s*sonu)[^\W\d_]*)(?![^\W\d_])"
    r"|(?P<cjk>(?P<zlast>上[周週]末)|本[周週]末|这个?周末|這個?週末|(?P<znext>下[周週]末))"
)


def _cjk_weekday(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A day of the week as Chinese names it (see :data:`_CJK_WEEKDAY`): of the week before
    the publication day's (its weeks begin on Monday), that week, or the next, when the
    words say which; else read as "on Wednesday" is."""
    wanted = "一二三四五六日".find(m["wd"]) if m["wd"] != "天" else 6
    shift = -7 if m["last"] else 7 if m["next"] else 0 if m["this"] else None
    if shift is None:
        return _weekday_read(m[0], wanted, "", c)
    return _week_day(m[0], wanted, shift, c)


def _cjk_day_alone(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A day of the month alone, or two as a range, as Chinese and Japanese news give an
    event's day ("１５日、発表した", "外交部发言人21日表示", "20日至22日"): of publication's
    month, when it is on or before publication's day, inferred; a later day is none (this
    month's still to come, or last month's? the tense would say, which is not read here)."""
    pub, first, last = c.published, int(m["d"]), int(m["d2"] or m["d"])
    if not first <= pub.day or last < first:
        return None
    start, end = pub.replace(day=first), _day(pub.year, pub.month, last)
    if end is None:
        return None
    how = f"of publication's month, on or before publication ({_shown(pub)})"
    if m["d2"]:
        said = f"{_shown(start)} to {_shown(end)}"
        return f"{_iso(start)}/{_iso(end)}", f"'{m[0]}' give no month: {said}, {how}", True
    return _iso(start), f"'{m[0]}' gives no month: {_shown(start)}, {how}", True


def _ja_era(m: re.Match[str], c: Context) -> tuple[str, str, bool] | None:
    """A year of a Japanese era, with its month and day perhaps ("令和6年11月", "平成元年"):
    the Gregorian year, month or day it is; none outside the era (a day of "令和元年4月"
    was still Heisei's), nor a fiscal year ("令和6年度")."""
    before, begun, ended = JAPANESE_ERAS[m["era"]]
    year = before + (1 if m["n"] == "元" else int(m["n"]))
    if c.sentence.startswith("度", m.end()):
        return None
    month, day = int(m["mo"] or 0), int(m["d"] or 0)
    first = _day(year, month or 1, day or 1)
    last = _day(year, month or 12, day or (31 if month in (0, 12) else 28))
    if first is None or last is None or last < begun or first > ended:
        return None
    edtf = _iso(first) if day else f"{year:04d}-{month:02d}" if month else f"{year:04d}"
    return edtf, f"'{m[0]}': the year {year - before} of the {m['era']} era, {year}", False


def _week_day(words: str, wanted: int, shift: int, c: Context) -> tuple[str, str, bool] | None:
    """The day ``wanted`` (Monday is 0) of the week ``shift`` days from publication's (its
    weeks begun on Monday)."""
    pub = c.published
    day = days_after(pub, wanted + shift - pub.weekday())
    if day is None:  # (past the calendar's first or last day)
        return None
    week = {-7: "the week before", 0: "the same week as", 7: "the week after"}[shift]
    basis = (
        f"'{words}': the {_WEEKDAYS[wanted]} of {week} publication ({_shown(pub)}), {_shown(day)}"
    )
    return _iso(day), basis, True


#: A decade as the other languages write it: "1990-е", "1990-х годах", "1990-cı illərdə",
#: "1990'lı yıllarda", "2000'lerde", "1990er Jahre", "les années 1990", "la década de
#: 1990", "gli anni 1990", "1990年代" (each of them once read as the year 1990).
_OTHER_DECADE = (
    r"(?P<dec>(?:1[6-9]|20)\d)0"
    r"(?:(?:-(?:е|х|ми)|-(?:cı|ci|cu|cü)\s+(?i:illər)[^\W\d_]*|['’](?:l[ıi]|lar|ler)[^\W\d_]*"
    rf"|er(?:[\s-]Jahre[n]?)?){_WORD_END}|\s*年代)"
)
#: Not after the name of the lunar calendar: "农历2024年8月15日" (the Mid-Autumn Festival,
#: 17 September 2024) is no day of the Gregorian calendar, "农历8月15日" no day of any year.
_SOLAR = "".join(
    f"(?<!{name})" for name in ("农历", "阴历", "旧历", "夏历", "農曆", "陰曆", "舊曆", "旧暦")
)


#: A season named from publication as Turkish, Azerbaijani, French, German, Spanish,
#: Italian and Portuguese say it (see :func:`_other_rel_season`); Turkish and Azerbaijani
#: with the suffixes of "in", "of" ("baharda", "payızın"), not "bu yazı" ("this text").
_OTHER_REL_SEASON = (
    r"(?<![^\W\d_])(?i:(?:(?P<last1>geçen|geçtiğimiz|keçən|ötən)|(?P<next1>gelecek|önümüzdeki"
    r"|gələn|növbəti)|bu)\s+(?P<s1>ilkbahar|bahar|sonbahar|güz|yaz|kış|yay|payız|qış)"
    r"(?:da|de|də|ta|te|ki|dan|den|dən|ın|in|un|ün)?"
    r"|(?:im\s+|in\s+)?(?:(?P<last2>vergangenen|letzten)|(?P<next2>nächsten|kommenden)"
    r"|diese[mns]?)\s+(?P<s2>Frühling|Frühjahr|Sommer|Herbst|Winter)s?"
    r"|(?:ce|cet)\s+(?P<s3>printemps|été|automne|hiver)"
    r"|(?:(?:au|le|l['’]|en)\s*)?(?P<s4>printemps|été|automne|hiver)\s+(?:(?P<last4>dernier|passé)"
    r"|(?P<next4>prochain))"
    r"|(?:est[ae]|(?:el|la)\s+(?:(?P<last5>pasad[oa])|(?P<next5>próxim[oa])))\s+"
    r"(?P<s5>primavera|verano|otoño|invierno)"
    r"|(?:en\s+)?(?:el|la)\s+(?P<s6>primavera|verano|otoño|invierno)\s+(?:(?P<last6>pasad[oa])"
    r"|(?P<next6>próxim[oa]|que\s+viene))"
    r"|(?:quest[ao]\s+|quest['’])(?P<s7>primavera|estate|autunno|inverno)"
    r"|(?:la\s+|l['’])(?P<s8>primavera|estate|autunno|inverno)\s+(?:(?P<last8>scors[ao])"
    r"|(?P<next8>prossim[ao]))"
    r"|(?:il|lo|la)\s+(?:(?P<last9>scors[ao])|(?P<next9>prossim[ao]))\s+"
    r"(?P<s9>primavera|estate|autunno|inverno)"
    r"|(?:n?est[ae]|n?[oa]\s+(?:(?P<last10>passad[oa])|(?P<next10>próxim[oa])))\s+"
    r"(?P<s10>primavera|verão|outono|inverno)"
    r"|n?[oa]\s+(?P<s11>primavera|verão|outono|inverno)\s+(?:(?P<last11>passad[oa])"
    r"|(?P<next11>que\s+vem)))(?![^\W\d_])"
)


@functools.cache
def other_grammar() -> tuple[tuple[re.Pattern[str], Handler], ...]:
    """The patterns of dates as the other languages write them (see :data:`_OTHER_GRAMMAR`),
    compiled when first used."""
    return tuple((re.compile(pattern), handler) for pattern, handler in _OTHER_GRAMMAR)


_OTHER_GRAMMAR: tuple[tuple[str, Handler], ...] = (
    (rf"(?<![\d.]){_OTHER_DECADE}", _decade),
    (
        r"(?i:\b(?:les\s+)?années|\bdécada\s+de|\bgli\s+anni)\s+(?P<dec>(?:1[6-9]|20)\d)0\b",
        _decade,
    ),
    (_OTHER_END_OF_THE_YEAR, _end_of_the_year),  # before "this year": "до конца этого года"
    (rf"(?<![^\W\d_]){_OTHER_REL_YEAR}{_WORD_END}", _other_rel_year),
    # a season of last, this or next year: "今年春天", "去年秋季"
    (
        r"(?:(?P<last>去年)|(?P<this>今年)|(?P<next>明年|来年|來年))\s*的?"
        r"(?P<season>[春夏秋冬])(?:天|季)",
        _cjk_season,
    ),
    # a month or a day of one: "去年4月", "今年4月22日"
    (
        rf"{_SOLAR}(?:(?P<last>去年|昨年)|(?P<this>今年)|(?P<next>明年|来年|來年))\s*"
        r"(?P<mo>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日"
        r"|\s*(?:至|到|[-–—~～〜])\s*(?P<mo2>1[0-2]|0?[1-9])\s*月(?!\s*\d))?",
        _cjk_month_rel_year,
    ),
    # Chinese's and Japanese's (昨年, 来年: Japanese last and next year)
    (r"(?P<last>去年|昨年)|(?P<this>今年)|(?P<next>明年|来年|來年)", _other_rel_year),
    (rf"(?<![^\W\d_]){_OTHER_REL_MONTH}{_WORD_END}", _other_rel_month),
    (
        r"(?P<last>上个?月|上個月)|(?P<this>本月|这个月|這個月)|(?P<next>下个?月|下個月)",
        _other_rel_month,
    ),
    (_OTHER_YESTERDAY, _other_yesterday),
    # a month Arabic names twice: "15 أبريل/نيسان 2024", "مايو/أيار الماضي"
    (
        rf"(?<![\w.])(?:(?P<d>{_D})\s+)?(?P<om>{_OM})\s*/\s*(?P<om2>{_OM}){_WORD_END}"
        rf"(?:\s+(?P<y>{_Y})\b|{_AR_REL})?",
        _ar_two_names,
    ),
    # Arabic's month or day "last", "this", "next": "مايو الماضي", "15 أبريل المقبل"
    (rf"(?<![\w.])(?:(?P<d>{_D})\s+)?(?P<om>{_OM}){_WORD_END}{_AR_REL}", _ar_rel_month),
    # Arabic's weekdays: "يوم الأحد", "الأحد الماضي" (not "كل يوم أحد", every Sunday)
    (
        r"(?<![^\W\d_])(?<!كل\s)(?:(?P<on>[وف]?(?:يوم|صباح|مساء))\s+)?"
        rf"(?P<wd>{_ARABIC_WEEKDAYS}){_WORD_END}(?:{_AR_REL})?",
        _ar_weekday,
    ),
    (_CJK_WEEKDAY, _cjk_weekday),
    (_JA_WEEKDAY, _ja_weekday),
    (_TR_AZ_FA_WEEKDAY, _tr_az_fa_weekday),
    (_OTHER_WEEKEND, _weekend),
    (_OTHER_REL_WEEK, _rel_week),
    # "прошлой весной", "этим летом", "следующей осенью"
    (
        r"(?<![^\W\d_])(?i:(?P<rel>прошл|минувш|эт|следующ|будущ)(?:ой|ей|им|ым)\s+"
        r"(?P<season>весной|летом|осенью|зимой))(?![^\W\d_])",
        _rel_season,
    ),
    # "geçen sonbahar", "bu baharda", "keçən payız", "au printemps dernier", "cet automne",
    # "im vergangenen Herbst", "el pasado otoño", "esta primavera", "l'estate scorsa"
    (_OTHER_REL_SEASON, _other_rel_season),
    # "в понедельник", "в прошлую пятницу", "lundi", "lundi dernier", "am Montag", "am
    # kommenden Freitag" (not "chaque lundi", "les lundis": no day)
    (
        r"(?i:\b(?:(?:во?|у)\s+(?:(?P<last>прошл(?:ый|ую|ое))\s+|(?P<next>следующ(?:ий|ую|ее))\s+)?"
        r"|(?<!chaque\s)(?<!les\s)(?<!tous\s)(?=(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)"
        r"|(?:am\s+)?(?:(?P<dlast>vergangenen|letzten)|(?P<dnext>kommenden|nächsten))\s+|am\s+)"
        rf"(?P<wd>{_OWD}))(?:\s+(?P<flast>dernier)|\s+(?P<fnext>prochain))?{_WORD_END}",
        _other_weekday,
    ),
    # Spanish's with its article ("el martes", "el pasado martes", "el martes pasado",
    # "este miércoles"; not "los martes": every one)
    (
        r"(?i:\b(?:el\s+(?:(?P<last>pasado)\s+|(?P<next>próximo)\s+)?|este\s+)"
        rf"(?P<wd>{_SPANISH_WEEKDAYS})(?:\s+(?P<flast>pasado)|\s+(?P<fnext>próximo"
        rf"|que\s+viene))?){_WORD_END}",
        _latin_weekday,
    ),
    # Italian's alone or after "this", "last", "next" ("martedì", "martedì scorso", "lo
    # scorso martedì", "il prossimo martedì"; not "il martedì", "ogni martedì": every one)
    (
        r"(?i:(?:\b(?:lo\s+(?P<last>scorso)\s+|il\s+(?P<next>prossimo)\s+|questo\s+)"
        r"|(?<!\bogni\s)(?<!\bil\s)(?<!\bi\s)(?<![^\W\d_]))"
        rf"(?P<wd>{_ITALIAN_WEEKDAYS})(?:\s+(?P<flast>scorso)|\s+(?P<fnext>prossimo))?)"
        rf"{_WORD_END}",
        _latin_weekday,
    ),
    (rf"(?<![\w.]){_AZ_YEAR}(?:in)?\s+{_AZ_DAY}{_WORD_END}", _full),
    # Uzbek's, the year first, then the day and its month: "2024-yil 6-iyunda"
    (
        rf"(?<![\w.])(?P<y>{_Y})-(?i:yil)(?:ning|da)?\s+(?P<d>{_D})-(?P<om>{_OM})[^\W\d_]{{0,4}}"
        rf"{_WORD_END}",
        _full,
    ),
    (rf"(?<![\w.]){_AZ_YEAR}in\s+(?P<om>{_OM}){_WORD_END}\s+(?i:ay)[^\W\d_]*", _month_year),
    # a range of years as Russian and Chinese write it: "с 2015 по 2020 год", "с 2015 года
    # до 2020 года", "2015年至2020年", "2015—2020年"
    (
        rf"(?<![^\W\d_])(?i:с|со)\s+(?P<y1>{_Y})\s+(?:(?i:года|г\.)\s+)?(?i:по|до)\s+"
        rf"(?P<y2>{_Y})\s*(?i:год[аыу]?|годах|гг?\.)(?![^\W\d_])",
        _year_range,
    ),
    (
        rf"{_SOLAR}(?<![\d年])(?P<y1>{_Y})(?:\s*+年)?\s*+(?:至|到|[-–—~～〜])\s*(?P<y2>{_Y})\s*年(?!\s*\d)",
        _year_range,
    ),
    # a range of months: "с мая по июль 2025 года", "de mayo a julio de 2025"
    (
        rf"(?<![\w.])(?i:с|со|du|de|von|dal|da)\s+(?P<om1>{_OM}){_WORD_END}\s+"
        rf"(?i:по|до|au|à|a|bis|al)\s+(?P<om2>{_OM}){_WORD_END}\s+(?:de\s+)?(?P<y>{_Y})\b",
        _months,
    ),
    # the Solar Hijri calendar's days and months, its year given: "۲۲ فروردین ۱۴۰۴"
    (
        r"(?<![^\W_])(?:(?P<d>[12]\d|3[01]|0?[1-9])\s+)?"
        rf"(?P<sh>{'|'.join(SOLAR_HIJRI_MONTHS)})(?![^\W\d_])(?:\s+(?:ماه\s+)?(?:سال\s+)?"
        r"(?P<y>1[2-4]\d\d)(?!\d)|(?(d)(?!\s*(?:ماه\s+)?(?:سال\s+)?\d)|(?!)))",
        _solar_hijri,
    ),
    (_OTHER_DAYS, _days),
    (
        rf"(?<![\w.])(?P<d>{_D})\.?\s+(?:de\s+)?(?P<om>{_OM}){_WORD_END}\.?,?\s+(?:de\s+)?"
        rf"(?P<y>{_Y})\b",
        _full,
    ),
    # a range of days: "4月23日至25日", "2025年4月23日～25日", "4月30日至5月2日",
    # "2024年1月1日至2025年12月31日"
    (
        rf"{_SOLAR}(?<![\d年月])(?:(?P<y>{_Y})\s*年\s*)?(?P<mo1>1[0-2]|0?[1-9])\s*月\s*"
        rf"(?P<d1>[12]\d|3[01]|0?[1-9])\s*+日?\s*(?:至|到|[-–—~～〜])\s*"
        rf"(?:(?(y)(?:(?P<y2>{_Y})\s*年\s*)?|)(?P<mo2>1[0-2]|0?[1-9])\s*月\s*)?"
        rf"(?P<d2>[12]\d|3[01]|0?[1-9])\s*日",
        _cjk_days,
    ),
    (
        rf"{_SOLAR}(?P<y>{_Y})\s*年\s*(?P<mo>1[0-2]|0?[1-9])\s*月\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日",
        _full,
    ),
    (rf"(?<![\w.])(?P<om>{_OM}){_WORD_END}\.?,?\s+(?:de\s+)?(?P<y>{_Y})\b", _month_year),
    (rf"{_SOLAR}(?P<y>{_Y})\s*年\s*(?P<mo>1[0-2]|0?[1-9])\s*月(?!\s*\d)", _month_year),
    (rf"{_SOLAR}(?P<y>{_Y})\s*年(?!\s*\d)", _year),
    (rf"(?<![\w.]){_AZ_YEAR}[^\W\d_]*", _year),  # after "2 aprel 1992-ci ildə" (a day)
    (rf"(?<![\w.]){_AZ_DAY}{_WORD_END}", _no_year),
    # a month alone, "in" it: "en octobre", "im März", "в марте", "en enero", "em maio"; or
    # "to" it as German moves a thing to a month: "auf September verschoben"
    (
        rf"(?<![\w.])(?i:en|im|in|em|во?|у|auf|a|ad|per|في)\s+(?P<om>{_OM}){_WORD_END}"
        rf"(?!\.?,?\s*(?:de\s+)?\d|\s*/\s*{_OM})",
        _month_alone,
    ),
    (
        rf"(?<![\w.])(?P<d>{_D})\.?\s+(?:de\s+)?(?P<om>{_OM}){_WORD_END}"
        rf"(?!\.?,?\s*(?:de\s+)?\d|\s*/\s*{_OM})",
        _no_year,
    ),
    (
        rf"{_SOLAR}(?<![\d年])(?P<mo>1[0-2]|0?[1-9])\s*月\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日",
        _no_year,
    ),
    # a year of a Japanese era: "令和6年11月", "平成元年"
    (
        r"(?P<era>令和|平成|昭和)\s*(?P<n>元|[1-9]\d?)\s*年(?:\s*(?P<mo>1[0-2]|0?[1-9])\s*月"
        r"(?:\s*(?P<d>[12]\d|3[01]|0?[1-9])\s*日)?)?",
        _ja_era,
    ),
    # a day of the month alone, as Chinese and Japanese news give an event's day: "１５日",
    # "21日表示" (not "15日間", fifteen days, "3日後", "毎月15日", every month's, "第3日")
    (
        rf"{_SOLAR}(?<![\d年月毎每第数數])(?<!月\s)(?P<d>[12]\d|3[01]|0?[1-9])\s*日"
        r"(?:\s*(?:至|到|[-–—~～〜])\s*(?P<d2>[12]\d|3[01]|0?[1-9])\s*日)?"
        r"(?![間间後后前目内內連连当以分ぶ])",
        _cjk_day_alone,
    ),
    # a month alone since which a time goes on: "4月以来", "4月份以来", "4月以降"
    (
        rf"{_SOLAR}(?<![\d年])(?P<mo>1[0-2]|0?[1-9])\s*月份?(?=\s*(?:以来|以來|以降))",
        _month_alone,
    ),
)


#: Words that make a date a limit: "by 2030", "by the end of 2024", "no later than June";
#: in German "bis 2027", "bis Ende 2026" ("bis zum 24. April" is not read as one); in French
#: "d'ici 2030"; in Russian "к 2030 году".
_BY = re.compile(
    r"(?:\b[Bb]y|\b[Nn]o\s+later\s+than|\b(?:[Bb]y|[Bb]efore)\s+the\s+end\s+of"
    r"|\b[Bb]is(?:\s+Ende)?"
    # French "d'ici 2030", "d'ici à 2027", "d'ici la fin de 2026"; Russian "к 2030 году"
    r"|\b[Dd]['’]ici(?:\s+(?:à|a))?(?:\s+la\s+fin\s+(?:de|d['’]))?|(?<!\w)[Кк]"
    # Spanish "para 2030" (by 2030; "hasta", until, is not one), Italian "entro il 2030"
    r"|\b[Pp]ara(?:\s+(?:finales|fines)\s+de)?|\b[Ee]ntro(?:\s+(?:il|la|i|le|l['’]))?"
    # Arabic "بحلول 2030", "بحلول نهاية 2026", "بحلول عام 2030" (by)
    r"|(?<![^\W\d_])بحلول(?:\s+(?:نهاية|أواخر))?(?:\s+(?:عام|العام))?)"
    # "by mid-2026", "by early 2027", "by late 2026": on or before that year's end too
    r"(?:\s+(?:the\s+(?:year\s+)?)?|\s+(?:[Ee]arly|[Mm]id|[Ll]ate)(?:\s+|-))$"
)


#: Words after a date that make it a limit as Turkish and Azerbaijani put them: "15
#: Eylül'e kadar", "2030 yılına kadar", "2026 yılı sonuna kadar", "2030-cu ilə qədər",
#: "sentyabrın 15-dək".
_UNTIL_AFTER = later(
    r"(?:['’]?(?:[ae]|y[ae]|n[ae]|[ıiuü]n[ae])|\s+(?i:yılına|yılının\s+sonuna|yılı\s+sonuna))"
    r"\s+(?i:kadar)(?![^\W\d_])"
    r"|(?:-(?:[əa]|y[əa])|\s+(?i:ilə|ilin\s+sonuna))?\s+(?i:qədər)(?![^\W\d_])|-(?:dək|dak)(?![^\W\d_])"
    r"|\s*までに"  # Japanese "２０２７年３月までに", by March 2027
    # Uzbek: "2030-yilgacha", "2027-yil oxirigacha" (by the end of 2027)
    r"|-(?i:yil)(?:gacha|\s+(?i:oxiri)gacha)(?![^\W\d_])"
)


_BY_FIRST = later(r"[Bb]y(?=\s)")  # a date's own first word: "By July"


def _bounded(
    read: tuple[str, str, bool], before: str, words: str, after: str = ""
) -> tuple[str, str, bool]:
    """``read`` as the limit it is when the words before it (``before``, or the first of
    its own ``words``: "By July"), or after it (``after``: "15 Eylül'e kadar"), make it
    one: on or before (``[..2030]``), never the date itself, which the text does not say."""
    edtf, basis, inferred = read
    limit = _ending(_BY, before) or _BY_FIRST().match(words) or _UNTIL_AFTER().match(after)
    if any(c in edtf for c in "/~[") or limit is None:
        return read
    return f"[..{edtf}]", f"{basis}; '{limit[0].strip()}': on or before it", inferred


def _until(read: tuple[str, str, bool], before: str, own: str) -> tuple[str, str, bool]:
    """``read`` as the end of a time that lasts until it, when the words before it say so
    ("until May 10": ``../2025-05-10``, the day it ends, its start not said; never the day
    itself, which the text does not give as the event's), or, "not ... until", the day on
    or after which what the words say of happens (``[2024-02..]``); Russian "до" ("until",
    "by") on or before it (``[..2027]``); a range, a limit or an approximate date as it is.
    The words may be the date's ``own`` first: "until May"."""
    edtf, basis, inferred = read
    if any(c in edtf for c in "/~?[]"):
        return read
    words = _ending(_UNTIL_BEFORE(), before) or _UNTIL_FIRST().match(own)
    if words is None or (words.groupdict().get("ru") and len(edtf) != len("2025-05-10")):
        return read
    said = words[0].strip()
    where = words.start() if words.string is before else len(before)
    if _ending(_MOVED(), before, where) is not None:
        return read  # "postponed until May 20": the vote's day
    if _ending(_NOT(), before, where) is not None:
        return f"[{edtf}..]", f"{basis}; 'not ... {said}': on or after it", inferred
    if words.groupdict().get("limit"):
        return f"[..{edtf}]", f"{basis}; '{said}': on or before it", inferred
    basis = f"{basis}; '{said}': the end of a time that lasts until it, its start not said"
    return f"../{edtf}", basis, inferred


#: The words before a date that make it approximate (see :data:`.dates.APPROXIMATELY`).
_ABOUT = re.compile(rf"{APPROXIMATELY}$")


def _approximate(read: tuple[str, str, bool], before: str) -> tuple[str, str, bool]:
    """``read`` as the approximate date it is when the words just before it (``before``)
    say so ("circa 2015", "around 2010": ``2015~``), never the date itself, which the text
    does not give; a range, a limit or a date already approximate as it is."""
    edtf, basis, inferred = read
    about = _ending(_ABOUT, before)
    if about is None or any(c in edtf for c in "/~?[]"):
        return read
    return f"{edtf}~", f"{basis}; '{about[0].strip()}': about then", inferred


#: Words before a date that make it the start of a time still going on: "since 1992", "ever
#: since April 2019", "depuis 2015", "seit 2015", "desde 2015", "с 2015 года" is no
#: event of 1992 but all the time from then (``1992/..``); Russian's "с" (also "with")
#: only before a year's or a month's words, and not as a range's start ("с 2015 по 2020").
_SINCE = later(
    r"(?:\b(?:[Ee]ver\s+)?[Ss]ince|\b[Dd]epuis|\b[Ss]eit|\b[Dd]esde|(?<![^\W\d_])(?P<ru>[Сс]))"
    r"\s+(?:the\s+)?$"
)
_RU_SINCE_AFTER = later(r"\s*(?:года|г\.)(?![^\W\d_])(?!\s*(?:по|до)(?![^\W\d_]))")
#: Words before and after a date that say so too: "from 1992 onwards", "from 2019 on".
_FROM = later(r"\b[Ff]rom\s+(?:the\s+)?$")
_ONWARDS = later(r"\s+(?:on(?:wards?)?|and\s+(?:beyond|after|since))\b(?!\s*\d)")
#: After a date as Chinese and Japanese write it, "1992年以来", "2019年以降", "从2019年起，"
#: (not 起草, drafted), and as Azerbaijani and Turkish do: "2015-ci ildən bəri", "2015'ten
#: beri", "2015 yılından bu yana".
_SINCE_AFTER = later(
    r"\s*(?:以来|以來|以降|起(?=[，,、。；\s]|$))"
    r"|(?:['’][^\W\d_]+)?(?:\s+(?i:yılından|ilindən))?\s+(?i:bəri|beri|bu\s+yana)(?![^\W\d_])"
)


def _open(read: tuple[str, str, bool], before: str, after: str) -> tuple[str, str, bool]:
    """``read`` as the open interval it begins when the words around it say it is a time
    still going on ("since 1992", "from 1992 onwards", "1992年以来": ``1992/..``), never the
    date alone, which the text does not give as an event; a range, a limit or a date
    already approximate as it is."""
    edtf, basis, inferred = read
    if any(c in edtf for c in "/[]~?"):
        return read
    words = _ending(_SINCE(), before)
    if words is not None and words["ru"] and _RU_SINCE_AFTER().match(after) is None:
        words = None  # "с 2015 по 2020 год": a range's start, not "since"
    if words is None and _ending(_FROM(), before) is not None:
        words = _ONWARDS().match(after)
    if words is None:
        words = _SINCE_AFTER().match(after)
    if words is None:
        return read
    return f"{edtf}/..", f"{basis}; '{words[0].strip()}': from then on", inferred


#: "Or" between two dates, in the languages read: "2027 or 2028", "April or May 2025",
#: "22 or 23 April" give one of two, not both, nor the one the words end on.
_OR = r"(?:\s+(?:or|или|либо|ou|oder|o|veya|ya\s+da|və\s+ya|yaxud)\s+|\s*(?:或者?|或是)\s*)"
_OR_BEFORE = later(rf"(?:[\d年月日号]|\b{_M}|(?i:{OTHER_MONTH_PATTERN})){_OR}$")
_OR_LAST = later(rf"{_OR}$")
_OR_AFTER = later(rf"(?:,\s*(?:\d+|{_M})\b){{0,5}}{_OR}(?:\d|{_M}\b)")  # "2019, 2020 or 2021"


def _either(read: tuple[str, str, bool], before: str, after: str) -> bool:
    """Whether the date ``read`` is one of two the words give ("in 2027 or 2028"): neither
    is then the date, nor both (a less precise reading of the same words may be: "April or
    May 2025" is 2025)."""
    if "/" in read[0]:
        return False
    if _OR_AFTER().match(after) is not None:
        return True
    tail = before[-_BACK:]  # the words before looked for only after "or" (each date: fast)
    return _OR_LAST().search(tail) is not None and _ending(_OR_BEFORE(), tail) is not None


def _said_earlier(sentence: str, start: int, end: int, published: dt.date) -> bool:
    """Whether the words at ``start:end`` are within a quotation that the sentence dates to
    a year before publication ("“Last year we signed 20 agreements,” he said in a 2019
    speech"): words relative to the day they were said ("last year", "on Monday", "April
    23") are then not relative to the publication day, and are read against no day."""
    if not any(mark in sentence for mark in '“«„"'):
        return False  # (no quotation: each inferred date of a long text read it again)
    spans = [m.span() for m in _QUOTATION().finditer(sentence)]
    if not any(a <= start and end <= b for a, b in spans):
        return False
    outside = _QUOTATION().sub(lambda m: " " * len(m[0]), sentence)
    return any(int(y[0]) < published.year for y in re.finditer(rf"\b{_Y}\b", outside))


#: How many characters either side of a date's words are read for what they say of it
#: (its tense, a weekday or a limit before it, a quotation holding it): all of a sentence
#: of any real length; of a "sentence" of thousands of dates (no paragraph breaks, no
#: full stops) only these, or each date would read all the others again (minutes).
REACH = 1000


def _near(pattern: re.Pattern[str], m: re.Match[str]) -> re.Match[str]:
    """``m`` (of ``pattern``) found again in its sentence's characters within :data:`REACH`
    of it; ``m`` itself when that is the whole sentence (or its words read otherwise there)."""
    first, last = max(0, m.start() - REACH), m.end() + REACH
    if first == 0 and last >= len(m.string):
        return m
    near = pattern.match(m.string[first:last], m.start() - first)
    if near is None or near.span() != (m.start() - first, m.end() - first):
        return m
    return near


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a span of ``taken`` (in order, none overlapping)."""
    i = bisect.bisect_left(taken, (end,))  # the first that begins at ``end`` or after
    return i > 0 and taken[i - 1][1] > start


def find_dates(
    sentence: str, published: dt.date, language: str = "en", earlier: str = ""
) -> list[DateWords]:
    """The dated expressions of a sentence, in the order they appear; in an article in
    ``language`` (a BCP 47 tag: one not English also reads :func:`other_grammar` first),
    ``earlier`` the words of its paragraph before it (a year "that year" may be).
    Digits of other scripts ("２０２５年４月２２日", "۲۰۲۵", "٢٠٢٥") and Chinese numerals
    before 年, 月, 日 ("二〇二五年四月") are read as the digits they are; each date's
    offsets and words are the sentence's own."""
    text, where = normalised_digits(sentence)
    primary = primary_language(language)
    entry = _ENTRY_LABEL().match((earlier or sentence).lstrip()) if len(earlier) < REACH else None
    context = Context(
        published,
        text,
        french=primary == "fr",
        order=numeric_order(language),
        week=week_start(language),
        earlier=earlier[-REACH:],
        language=primary,
        label=int(entry["y"]) if entry else 0,
    )
    found = _read(text, context, grammar() if primary == "en" else other_grammar() + grammar())
    if text == sentence:
        return found
    where = where or list(range(len(sentence) + 1))
    out = []
    for d in found:
        start, end = where[d.start], where[d.end]
        basis = d.basis.replace(f"'{text[d.start : d.end]}'", f"'{sentence[start:end]}'", 1)
        out.append(dataclasses.replace(d, start=start, end=end, basis=basis))
    return out


def _read(
    sentence: str, context: Context, patterns: tuple[tuple[re.Pattern[str], Handler], ...]
) -> list[DateWords]:
    """The dated expressions ``patterns`` find in ``sentence``, the first to read words
    taking them, in the order they appear."""
    taken: list[tuple[int, int]] = []
    found: list[DateWords] = []
    for pattern, handler in patterns:
        for m in pattern.finditer(sentence):
            if _overlaps(taken, m.start(), m.end()):
                continue
            near = _near(pattern, m)  # the same words, in the part of the sentence around them
            local = Context(  # (not dataclasses.replace: a tenth of a long text's time)
                context.published,
                near.string,
                near.start(),
                near.end(),
                context.french,
                context.order,
                context.week,
                context.earlier,
                context.language,
                context.label,
            )
            read = handler(near, local)
            if read is None or (
                read[2] and _said_earlier(near.string, *near.span(), context.published)
            ):
                continue
            before, after = near.string[: near.start()], near.string[near.end() :]
            if _either(read, before, after):
                continue
            read = _approximate(read, before)
            read = _bounded(read, before, m[0], after)
            read = _until(read, before, m[0])
            read = _open(read, before, after)
            bisect.insort(taken, (m.start(), m.end()))
            found.append(DateWords(m.start(), m.end(), *read))
    return sorted(found, key=lambda d: d.start)
