"""Datelines: the place, often the day and the agency, opening a news story's first
paragraph (``ASTANA, Kazakhstan, July 3.``, ``BEIJING, April 23 (Xinhua) --``,
``Baku, 24 April (AZERTAC).``, ``新华社北京4月23日电``).  The readers of wire copy and of
saved pages keep one apart from the paragraph's text, and read its day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import (
    MONTH_PATTERN,
    OTHER_MONTH_PATTERN,
    SOLAR_HIJRI_MONTHS,
    in_order,
    month_number,
    normalised_digits,
    other_month_number,
    solar_hijri,
    solar_hijri_days,
)
from ..patterns import later
from .agencies import agency_of
from .base import Block, Field, iso_date
from .stamps import STAMP_MONTH_PATTERN, parse_day, stamp_month_number

#: A word of a place: a capital letter of any script (checked after the match: ``re`` has
#: no class for them), not a word that opens sentences; or two or three joined by slashes,
#: the places of a story written in several ("BAKU/BEIJING").
_PLACE_WORD = (
    r"(?!(?:On|In|At|By|The|Last|This|Since|From|According|Yesterday|Today|Tomorrow)\b)"
    r"[^\W\d_][\w'’.-]*(?:/[^\W\d_][\w'’.-]*){0,2}"  # two places: "BAKU/BEIJING"
)
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
#: Months cut short in capitals, as ANSA's datelines write them ("ROMA, 23 APR -"), and
#: English's: in capitals, no word of running text.
_ITALIAN_CAPS = ("GEN", "FEB", "MAR", "APR", "MAG", "GIU", "LUG", "AGO", "SET", "OTT", "NOV", "DIC")
_ENGLISH_CAPS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_CAPS_MONTHS = {
    name: n for names in (_ITALIAN_CAPS, _ENGLISH_CAPS) for n, name in enumerate(names, start=1)
}
#: Months cut short in lower case, as EFE's, ANSA's and Lusa's datelines write them
#: ("Pekín, 23 abr (EFE).-", "Roma, 23 apr (ANSA) -", "Lisboa, 23 out (Lusa) -"): Spanish's,
#: Italian's and Portuguese's (not the longer words they may be, "agosto", "setembro").
_LOWER_SHORT = {
    name: n
    for names in (
        "ene feb mar abr may jun jul ago sep oct nov dic",
        "gen feb mar apr mag giu lug ago set ott nov dic",
        "jan fev mar abr mai jun jul ago set out nov dez",
    )
    for n, name in enumerate(names.split(), start=1)
} | {"sept": 9}
_OTHER = (
    rf"(?:(?i:{OTHER_MONTH_PATTERN}|{STAMP_MONTH_PATTERN})"  # (Ukrainian, Polish... too)
    rf"|(?-i:{'|'.join(_CAPS_MONTHS)})(?![^\W\d_])"
    rf"|(?-i:{'|'.join(sorted(_LOWER_SHORT, key=len, reverse=True))})\.?(?![^\W\d_]))"
)
#: English's months in capitals before the day, as Armenpress writes them ("JULY 9").
_ENGLISH_UPPER = "|".join(
    (*(m.upper() for m in MONTH_PATTERN.split("|")[:12]), *(rf"{m}\.?" for m in _ENGLISH_CAPS))
).removeprefix("(?:")
#: An ordinal's ending after a day's number: "9th July, 2025" (WAM's), "July 9th".
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_MONTH = (
    rf"(?:(?P<m1>{MONTH_PATTERN}|(?:{_ENGLISH_UPPER})(?![^\W\d_]))\s+(?P<d1>\d{{1,2}}){_ORDINAL}"
    rf"|(?P<d2>\d{{1,2}}){_ORDINAL},?\s+(?P<m2>{MONTH_PATTERN})"
    rf"|(?P<d3>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m3>{_OTHER})"
    r"|(?P<num>\d{1,2}(?P<ns>[./-])\d{1,2}(?P=ns)\d{4}|\d{4}(?P<is>[./-])\d{1,2}(?P=is)\d{1,2})"
    r"(?!\d))"
    r"(?:,?\s+(?P<y>\d{4}))?"
)
_AGENCY = r"(?:\((?P<ag>[^()\n]{2,40})\)|/(?P<ag2>[^/\n]{2,40})/)"
#: ``BEIJING, April 23 (Xinhua) --``; ``BAKU, April 23. /TASS/.`` (the day ended by a stop);
#: ``New Delhi, Apr 23 (PTI) The ...``, no dash after a news agency's brackets, as PTI writes
#: it (only after a day: checked after the match);
#: ``BAKU (Reuters) -Azerbaijan's ...``, no space after the dash, as Reuters writes an
#: updated story's (only after an agency: checked after the match); ``MADRID, 23 abr (EFE).-``,
#: a stop and a dash, as EFE writes it.  The spaces after the place are taken once
#: (possessively: what follows them opens with none): a run of 10,000 spaces after a word,
#: divided every way between them and the spaces before a dash, took 10 s.
DATELINE = later(
    rf"^(?P<dateline>(?P<place>{_PLACE}(?:[,،]\s*{_PLACE}){{0,2}})(?:[,،]\s*+|\s++|(?=--\())"
    rf"(?:{_DAY_MONTH})?(?:(?:[.,]|\s*(?:--|[-–]))?\s*{_AGENCY})?"
    r"\s*(?:--|\.[—–-]|[—–:.-]|(?<=[)/])(?=\s)))"
    r"(?:\s+(?=\S)|(?<=-)(?=[^\W\d_]))"
)


#: ``تهران- ایرنا-``: a place and a news agency the readers know without brackets, each
#: ended by a dash, as IRNA's copy in Persian opens (checked after the match).
DASHED_DATELINE = later(
    r"^(?P<dateline>(?P<place>[^\W\d_]{2,20})\s?[-–]\s?(?P<ag>[^\W\d_]{2,20})\s?[-–])\s+(?=\S)"
)


#: ``Баку. 3 июня. ИНТЕРФАКС -``: place, day and agency each ended by a stop, the agency in
#: capitals (checked after the match) and no brackets, a dash or a slash after it; or with
#: no day, the place in capitals and a news agency the readers know, as Kazinform writes
#: it: ``АСТАНА. КАЗИНФОРМ -``, ``АСТАНА. ҚазАқпарат -``.
STOPPED_DATELINE = later(
    rf"^(?P<dateline>(?P<place>{_PLACE})\.\s+(?:{_DAY_MONTH}\.\s+)?"
    r"(?P<ag>[^\W\d_][^\W_]*(?:[.-][^\W_]+)*)\s*(?:--|[—–/-]))\s+(?=\S)"
)


#: ``Bakı. Trend:``: a place and a news agency the readers know (checked after the match),
#: the place ended by a stop and the agency by a colon, as Trend writes it; often a
#: paragraph of its own above the text.
COLON_DATELINE = later(
    rf"^(?P<dateline>(?P<place>{_PLACE})\.\s+(?P<ag>[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*){{0,2}}):)"
    r"(?:\s+(?=\S)|\s*$)"
)


#: ``Bakı, 23 aprel, AZƏRTAC``: place, day and agency parted by commas, the agency in
#: capitals (checked after the match), as Azerbaijani agencies write it; often a paragraph
#: of its own above the text.  Armenpress's in Armenian ends with Armenian's full stop:
#: ``ԵՐԵՎԱՆ, 23 ԱՊՐԻԼԻ, ԱՐՄԵՆՊՐԵՍ։``.
COMMA_DATELINE = later(
    rf"^(?P<dateline>(?P<place>{_PLACE}),\s+{_DAY_MONTH},\s+"
    r"(?P<ag>[^\W\d_][^\W_]*(?:[.-][^\W_]+)*))(?:[.։]?\s*$|[.։]\s+(?=\S)|\s*(?:--|[—–-])\s+(?=\S))"
)


#: ``TOKYO, April 24 Kyodo -``: place and day, then a news agency the readers know with no
#: brackets (checked after the match), as Kyodo writes it.
BARE_AGENCY_DATELINE = later(
    rf"^(?P<dateline>(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}}),\s+{_DAY_MONTH}\s+"
    r"(?P<ag>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,2})\s*(?:--|[—–-]))\s+(?=\S)"
)


#: ``Baku/23.04.25/Turan:``: place, day as numbers and agency parted by slashes, as Turan
#: writes it.
SLASHED_DATELINE = later(
    rf"^(?P<dateline>(?P<place>{_PLACE_WORD})/(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\."
    r"(?P<y>\d{2}|\d{4})/(?P<ag>[^\W\d_][\w.-]*)\s*:)\s+(?=\S)"
)


#: ``تهران، ۲۴ اردیبهشت.``, ``باکو، ۴ اردیبهشت ۱۴۰۴ -``: a place, the Arabic script's comma,
#: a day of the Solar Hijri calendar (its year perhaps), then a stop or a dash, as Persian
#: agencies' copy opens; the place in letters (the script has no capitals: the month's
#: name after the comma says it is a dateline); or standing alone as a paragraph.
SOLAR_HIJRI_DATELINE = later(
    r"^(?P<dateline>(?P<place>[^\W\d_]{2,20}(?:[\s\u200c][^\W\d_]{2,20}){0,2})\s?،\s*"
    rf"(?P<d>\d{{1,2}})\s+(?P<sh>{'|'.join(SOLAR_HIJRI_MONTHS)})"
    r"(?:\s+(?P<y>\d{4}))?\s*(?:[.][—–-]?|[—–-]))(?:\s+(?=\S)|\s*$)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # as written, e.g. "BEIJING, April 23 (Xinhua) --"
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    #: The reporters a Chinese agency's dateline names in its brackets, after 记者 ("reporter"):
    #: ``（记者王小明）``, as the text's writers are written ("王小明, 李华").
    reporters: str | None = None
    #: The calendar its month and day are of: the Gregorian (""), or "solar-hijri".
    calendar: str = ""


#: A Chinese agency's or site's dateline: ``新华社北京4月23日电（记者张三）``, ``中新网4月23日电``
#: (the agency, the place, the day, 电 or 讯, perhaps the reporters; no space after).
_HAN = "\u4e00-\u9fff"
CJK_DATELINE = later(
    rf"^(?P<dateline>(?P<ag>[{_HAN}]{{1,4}}[社网])(?P<place>[{_HAN}]{{0,10}}?)"
    rf"(?:(?P<y>(?:19|20)\d\d)年)?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日[电讯](?:[（(](?P<who>[^）)\n]{{1,40}})[）)])?)\s*(?=\S)"
)
#: The reporters in a Chinese dateline's brackets: 记者, then names of two to four
#: characters parted by 、, a space or a comma, and nothing else ("记者王小明、李华"; not
#: "记者王小明 通讯员张三": who the others are is left out, and so is the whole).
_REPORTERS = later(rf"记者\s*(?P<names>[{_HAN}]{{2,4}}(?:\s*[、，,\s]\s*[{_HAN}]{{2,4}})*)")


def _reporters(said: str | None) -> str | None:
    """The reporters a Chinese dateline's brackets name (see :data:`_REPORTERS`), if they
    name them alone."""
    found = _REPORTERS().fullmatch(said.strip()) if said else None
    names = re.split(r"[、，,\s]+", found["names"]) if found is not None else []
    if not names or any(role in name for name in names for role in _ROLES):
        return None
    return ", ".join(names)


#: Words of a role, not a name, after a reporter in a Chinese dateline's brackets: a
#: photographer's (摄影), a correspondent's or a trainee's (通讯员, 实习生, 见习), an editor's.
_ROLES = ("摄影", "报道", "通讯", "实习", "见习", "编辑", "记者")


def match_dateline(text: str, order: str = "") -> tuple[Dateline, str] | None:
    """The dateline opening a paragraph and the paragraph's text after it; ``order``, how
    the capture's declared language writes a day in numbers whose numbers leave it open
    (``dmy``, ``mdy``: see :func:`~archive_site.dates.numeric_order`; a saved page declares
    one, wire copy none), reads ``BAKU, 04/05/2025 (Xinhua) --`` as that day."""
    cjk = _cjk_dateline(text)
    if cjk is not None:
        return cjk
    bracketed = _japanese_dateline(text)
    if bracketed is not None:
        return bracketed
    slashed = SLASHED_DATELINE().match(text)
    if slashed is not None and _calendar_day(slashed):
        year = int(slashed["y"]) + (2000 if len(slashed["y"]) == 2 else 0)
        day, month = int(slashed["d"]), int(slashed["m"])
        line = Dateline(slashed["dateline"], month, day, year, slashed["ag"])
        return line, text[slashed.end() :]
    hijri = _solar_hijri_dateline(text)
    if hijri is not None:
        return hijri
    dashed = DASHED_DATELINE().match(text)
    if dashed is not None and agency_of(dashed["ag"]) is not None:
        return Dateline(dashed["dateline"], None, None, None, dashed["ag"]), text[dashed.end() :]
    colon = COLON_DATELINE().match(text)
    if colon is not None and agency_of(colon["ag"]) and _a_place(colon["place"], colon["ag"]):
        return Dateline(colon["dateline"], None, None, None, colon["ag"]), text[colon.end() :]
    for m in (
        DATELINE().match(text),
        STOPPED_DATELINE().match(text),
        COMMA_DATELINE().match(text),
        BARE_AGENCY_DATELINE().match(text),
    ):
        found = None if m is None else _dateline(m, order)
        if m is not None and found is not None:
            return _with_agency_after(found, text[m.end() :])  # (empty: standing alone)
    return _alone(text)


def _solar_hijri_dateline(text: str) -> tuple[Dateline, str] | None:
    """A dateline of the Solar Hijri calendar opening ``text`` (see
    :data:`SOLAR_HIJRI_DATELINE`), its day one its month has, and the text after it."""
    m = SOLAR_HIJRI_DATELINE().match(text)
    if m is None or not 1 <= int(m["d"]) <= 31:
        return None
    month = SOLAR_HIJRI_MONTHS.index(m["sh"]) + 1
    year = int(m["y"]) if m["y"] else None
    return Dateline(m["dateline"], month, int(m["d"]), year, None, None, "solar-hijri"), text[
        m.end() :
    ]


def _cjk_dateline(text: str) -> tuple[Dateline, str] | None:
    """A Chinese agency's dateline opening ``text`` (see :data:`CJK_DATELINE`), its month and
    day in digits or in Chinese numerals (``新华社北京四月二十四日电``, read as ``4月24日``: see
    :func:`~archive_site.dates.normalised_digits`), and the text after it."""
    read, where = text, None
    if (cjk := CJK_DATELINE().match(text)) is None:
        read, where = normalised_digits(text[:_CJK_HEAD])  # (a dateline is short)
        cjk = CJK_DATELINE().match(read) if where is not None else None
    if cjk is None:
        return None
    said, end = cjk.end("dateline"), cjk.end()
    if where is not None:  # where each character read was in the text
        said, end = where[said], where[end]
    who = _reporters(cjk["who"])
    year = int(cjk["y"]) if cjk["y"] else None
    return Dateline(text[:said], int(cjk["m"]), int(cjk["d"]), year, cjk["ag"], who), text[end:]


#: The characters of a text's opening read for a dateline in Chinese numerals.
_CJK_HEAD = 120


#: The longest paragraph read as a dateline standing alone (see :func:`_alone`).
_MOST_ALONE = 80


def _alone(text: str) -> tuple[Dateline, str] | None:
    """A dateline with its day standing alone as a paragraph, ended by a stop, as Trend sets
    it in bold above the text: ``BAKU, Azerbaijan, April 23.`` (:data:`DATELINE` asks for
    words after it; a paragraph "Paris, France." names no day, and is no dateline)."""
    if len(text) > _MOST_ALONE or not text.endswith("."):
        return None
    m = DATELINE().match(f"{text} …")  # (the words after it, as if the text went on)
    found = _dateline(m) if m is not None and m.end() == len(text) + 1 else None
    return (found, "") if found is not None and found.day is not None else None


#: A Japanese paper's dateline in lenticular brackets, the place and the agency (or the
#: paper's correspondent) after it, perhaps parted by "=": ``【北京共同】``, ``【モスクワ=時事】``.
_LENTICULAR = later(r"^(?P<dateline>【(?P<inner>[^【】\n]{2,24})】)\s*(?=\S)")
#: A Korean agency's dateline: the place and the agency in brackets parted by "=", perhaps
#: the reporter after it, up to "=": ``(서울=연합뉴스) 김철수 기자 =`` (Yonhap's).
_KOREAN = later(
    r"^(?P<dateline>\((?P<inner>[^()=\n]{1,16}=[^()=\n]{1,16})\)"
    r"(?:\s*[^\s=()]{1,6}(?:\s[^\s=()]{1,6}){0,2}\s*(?:기자|특파원)\s*=)?)\s*(?=\S)"
)


def _japanese_dateline(text: str) -> tuple[Dateline, str] | None:
    """The dateline ``【北京共同】`` (or Korean, ``(서울=연합뉴스) 김철수 기자 =``) opening
    ``text`` and the text after it, when what ends the brackets is a news agency the readers
    know (``【北京=田中太郎】``, a paper's own
    correspondent, names none, and is left as it is)."""
    m = _LENTICULAR().match(text) or _KOREAN().match(text)
    if m is None:
        return None
    inner = m["inner"]
    place, equals, agency = inner.replace("＝", "=").partition("=")
    if not equals:
        at = next((n for n in range(1, len(inner)) if agency_of(inner[n:]) is not None), None)
        place, agency = (inner[:at], inner[at:]) if at is not None else (inner, "")
    if not place.strip() or agency_of(agency.strip()) is None:
        return None
    return Dateline(m["dateline"], None, None, None, agency.strip()), text[m.end() :]


def _calendar_day(m: re.Match[str]) -> bool:
    """Whether the day and month of a :data:`SLASHED_DATELINE` are a calendar's, and its
    place's word opens with a capital."""
    return 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31 and m["place"][0].isupper()


#: An agency's name ended by a stop, after a dateline's dash: "МОСКВА, 23 апр — РИА
#: Новости. ..." (RIA Novosti's form).
_AGENCY_AFTER = later(r"(?P<ag>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})\.\s+(?=\S)")


def _agency_as_written(m: re.Match[str], agency: str | None) -> bool:
    """Whether the agency of a dateline without brackets is one: in capitals, after a stop
    or a comma ("Baku. 3 June. The talks - ..." is a sentence); after the day alone, a news
    agency the readers know ("BAKU, April 24 The talks - ...": none)."""
    if m.re in (STOPPED_DATELINE(), COMMA_DATELINE()):  # (or a known one's, by country:
        known = agency is not None and agency_of(agency.split("-")[0]) is not None  # Interfax-
        return bool(agency and agency.isupper() and len(agency) > 2) or known  # AZERBAIJAN)
    if m.re is BARE_AGENCY_DATELINE():
        return agency is not None and agency_of(agency) is not None
    return True


def _with_agency_after(found: Dateline, rest: str) -> tuple[Dateline, str]:
    """The dateline and the text after it, with the news agency the text opens with, named
    and ended by a stop, taken into the dateline (only a news agency the readers know)."""
    after = _AGENCY_AFTER().match(rest)
    if found.agency is not None or after is None or agency_of(after["ag"]) is None:
        return found, rest
    text = f"{found.text} {rest[: after.end()].strip()}"
    return Dateline(text, found.month, found.day, found.year, after["ag"]), rest[after.end() :]


#: A year, which no agency's name holds: "(2025)", "(2024, April 3)" after a name are a
#: citation's ("Sultanova, A. (2025). Title. Journal.").
_YEAR = later(r"\b\d{4}\b")
#: A writer's initials after a comma, a citation's ("Smith, J.", "Smith, J. R."), or a
#: state's after a city's ("NEW YORK, N. Y.", "WASHINGTON, D. C.": older wire copy spaces
#: them): see :func:`_cited`.
_INITIALS = later(r"(?:[A-Z]\.\s+)*[A-Z]\.")


def _cited(m: re.Match[str], agency: str | None) -> bool:
    """Whether a dateline's match is a citation's writer and year ("Sultanova, A. (2025).",
    "Smith, J. (n.d.).", "Smith, J. (Ed.)."): a year in the brackets, which no agency's name
    holds, or initials after the comma with no news agency the readers know in the brackets
    (a citation's brackets hold none; "NEW YORK, N. Y., April 3 (AP) —" is AP's dateline,
    whose copy without it would count as independent of AP's story)."""
    if agency and _YEAR().search(agency):
        return True
    initials = any(_INITIALS().fullmatch(part.strip()) for part in m["place"].split(",")[1:])
    return initials and (agency is None or agency_of(agency) is None)


def _dateline(m: re.Match[str], order: str = "") -> Dateline | None:
    """The dateline a match of :data:`DATELINE`, :data:`STOPPED_DATELINE`,
    :data:`COMMA_DATELINE` or :data:`BARE_AGENCY_DATELINE` is, if it is one; never a
    citation's name and year ("Sultanova, A. (2025).", "Smith, J. (2024, April 3).")."""
    found = m.groupdict()
    agency = found["ag"] or found.get("ag2")
    if not _agency_as_written(m, agency) or _cited(m, agency) or not _dated(m, agency, order):
        return None
    if not m[0][-1:].isspace() and (agency is None or agency_of(agency) is None):
        return None  # "-Azerbaijan" close after the dash: only after a news agency's name
    ended = m["dateline"].endswith(")") or (m.re is DATELINE() and m["dateline"].endswith("/"))
    if ended and not _bare(m, agency):  # (no dash after the agency: "/ Trend /" as PTI's)
        return None
    if not _a_place(m["place"], agency):
        return None
    if m.groupdict().get("num"):  # "22.04.2025": read as a stamp's day, its order plain
        year, month, day = _numeric_day(m["num"], order)
        return Dateline(m["dateline"], month, day, year, agency.strip() if agency else None)
    month, named = _month_day(m)
    return Dateline(
        m["dateline"],
        month,
        int(named) if named else None,
        int(m["y"]) if m["y"] else None,
        agency.strip() if agency else None,
    )


def _a_place(place: str, agency: str | None) -> bool:
    """Whether a dateline's words before its day or agency are a place's: capitalised (in a
    script with no capitals, before a news agency the readers know), and in capitals with
    no agency ("Baku, 24 April." could open a sentence; "BAKU, 24 April." cannot)."""
    words = place.replace(",", " ").replace("،", " ").split()
    known = agency is not None and agency_of(agency) is not None
    if not _capital(words[0], known) or not all(
        _place_word(w) or _capital(w, known) for w in words
    ):
        return False
    return agency is not None or (words[0].isupper() and len(words[0]) > 1)


def _bare(m: re.Match[str], agency: str | None) -> bool:
    """Whether a dateline with no dash after its agency's brackets is one, as PTI writes it
    ("New Delhi, Apr 23 (PTI) The government ..."): a news agency the readers know, after a
    day ("Jane Roe (Reuters) said ..." is a sentence)."""
    return (
        agency is not None
        and agency_of(agency) is not None
        and m.re is DATELINE()
        and bool(m["m1"] or m["m2"] or m["m3"] or m["num"])
    )


def _numeric_day(written: str, order: str) -> tuple[int | None, int | None, int | None]:
    """The year, month and day of a dateline's day in numbers (``22.04.2025``), read as a
    stamp's is, or, its order open (``04/05/2025``), in ``order``; none, when neither."""
    read = parse_day(written) or parse_day(in_order(written, order))
    if read is None:
        return None, None, None
    year, month, day = (int(n) for n in read.split("-"))
    return year, month, day


def _dated(m: re.Match[str], agency: str | None, order: str = "") -> bool:
    """Whether a dateline's match names its day, or, with no day, an agency: a place alone
    is no dateline; nor, stopped, a place and words ("Baku. The talks - ...": with no day,
    only "АСТАНА. КАЗИНФОРМ -", see :func:`_known_in_capitals`)."""
    if m["m1"] or m["m2"] or m["m3"]:
        return True
    if m["num"]:  # a day in numbers whose order is open ("04/05/2025"): only beside an agency
        return parse_day(in_order(m["num"], order)) is not None or agency is not None
    if m.re is STOPPED_DATELINE():
        return _known_in_capitals(m["place"], agency)
    return agency is not None


def _known_in_capitals(place: str, agency: str | None) -> bool:
    """Whether a dateline without a day names its place in capitals and a news agency the
    readers know ("АСТАНА. КАЗИНФОРМ -")."""
    return place.isupper() and agency is not None and agency_of(agency) is not None


#: The small words of places' names: "Rio de Janeiro", "Côte d'Ivoire", "Den Haag".
_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "el"}
    | {"al", "van", "von", "der", "den", "y"}
)


def _capital(word: str, known: bool) -> bool:
    """Whether a place's word opens with a capital, or, before a news agency the readers know
    (``known``), with a letter of a script that has none ("القاهرة (رويترز) -")."""
    return word[0].isupper() or (known and word[0].isalpha() and not word[0].islower())


def _place_word(word: str) -> bool:
    return word[0].isupper() or word in _PARTICLES or word.startswith(("d'", "d’", "al-"))


def _month_day(m: re.Match[str]) -> tuple[int | None, str | None]:
    """The month and the day (as written) the dateline names, if it names them."""
    if m["m1"]:
        return month_number(m["m1"]), m["d1"]
    if m["m2"]:
        return month_number(m["m2"]), m["d2"]
    if m["m3"]:
        name = m["m3"].rstrip(".")
        month = _CAPS_MONTHS.get(name) or stamp_month_number(name) or _LOWER_SHORT.get(name)
        return month or other_month_number(name), m["d3"]
    return None, None


def dateline_day(line: Dateline, published: str | None) -> tuple[str | None, bool]:
    """The day a dateline names, and whether its year was inferred from ``published``.

    A dateline without a year is the latest such day on or before publication.
    """
    if line.month is None or line.day is None:
        return None, False
    if line.calendar == "solar-hijri":
        return _solar_hijri_day(line.month, line.day, line.year, published)
    if line.year is not None:
        return iso_date(line.year, line.month, line.day), False
    if published is None:
        return None, False
    pub = dt.date.fromisoformat(published)
    year = pub.year if (line.month, line.day) <= (pub.month, pub.day) else pub.year - 1
    return iso_date(year, line.month, line.day), True


def _solar_hijri_day(
    month: int, day: int, year: int | None, published: str | None
) -> tuple[str | None, bool]:
    """The Gregorian day a Solar Hijri dateline names ("۲۴ اردیبهشت ۱۴۰۴": 2025-05-14);
    without its year, the latest such day on or before publication, its year inferred."""
    if year is not None:
        return solar_hijri(year, month, day), False
    if published is None:
        return None, False
    pub = dt.date.fromisoformat(published)
    days = [when for _, when in solar_hijri_days(month, day, pub) if when <= pub]
    return (max(days).isoformat(), True) if days else (None, False)


def take_dateline(
    body: list[Block],
    at: int,
    found: tuple[Dateline, str] | None,
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
    dated_by: str = "the date header",
) -> None:
    """Take the dateline ``found`` opening paragraph ``at`` of ``body`` apart from its text
    (the whole paragraph, when it stands alone above the text: "Bakı, 23 aprel, AZƏRTAC";
    not the text's only paragraph) and into ``fields`` (see :func:`dateline_fields`)."""
    if found is None or not (found[1] or len(body) > 1):
        return
    dateline, text = found
    line = body[at].line
    if text:
        body[at] = Block(text, line)
    else:
        body.pop(at)
    dateline_fields(fields, dateline, line, notes, dated_by)


#: Days a story's dateline may come before its publication without a word: filed one day,
#: published the next, or copied by another outlet a day or two later.
DATELINE_DAYS_BEFORE = 2


def _far(dateline: str, published: str) -> bool:
    """Whether a dateline's day is more than a story's usual delay from the publication's:
    after it, or more than :data:`DATELINE_DAYS_BEFORE` days before it (a misread?)."""
    late = (dt.date.fromisoformat(published) - dt.date.fromisoformat(dateline)).days
    return not 0 <= late <= DATELINE_DAYS_BEFORE


def dateline_fields(
    fields: dict[str, Field],
    line: Dateline,
    at: int,
    notes: list[tuple[int, str]],
    dated_by: str = "the date header",
) -> None:
    """Add the dateline (on line ``at``) to ``fields``, and its day as the publication day
    when they have none; a day that differs from theirs (from ``dated_by``) is noted."""
    # (its white space as a page shows it: a dateline of 100,000 spaces between the place
    # and the day was kept whole, the article's page holding them all)
    fields["dateline"] = Field(" ".join(line.text.split()), at)
    if line.agency is not None:  # whose text it is, unless it is the outlet's own
        fields["agency"] = Field(line.agency, at)
    if line.reporters is not None and "author" not in fields:
        fields["author"] = Field(line.reporters, at)  # （记者王小明）: its writer
    published = fields.get("published")
    day, inferred = dateline_day(line, published.value if published else None)
    if published is None and day is not None:
        fields["published"] = Field(day, at)
    elif published is not None and day is not None and _far(day, published.value):
        how = " (its year inferred)" if inferred else ""
        notes.append(
            (at, f"the dateline says {day}{how}, {dated_by} {published.value}: {dated_by} kept")
        )
