"""Date and time stamps as web pages print them, on a line of their own.

``date 2025-04-23``, ``23.04.2025 14:05``, ``14:05 23.04.2025``,
``Wednesday, 23 April 2025, 14:05 (GMT+4)``, ``April 23, 2025 2:05 PM``,
``Last modified on Thu 24 Apr 2025 10.41 BST``...
The readers use them for a capture's date header and to recognise the time
stamps of other stories' headlines in page furniture.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from ..dates import (
    ARABIC_MONTHS,
    ARABIC_SPELLINGS,
    HAN_NUMERALS,
    JAPANESE_ERAS,
    MONTH_PATTERN,
    OTHER_MONTH_PATTERN,
    SOLAR_HIJRI_MONTHS,
    UKRAINIAN_MONTHS,
    UZBEK_MONTHS,
    WEEKDAY_NAMES,
    WEEKDAY_VARIANTS,
    in_order,
    month_in,
    normalised_digits,
    solar_hijri,
)
from ..patterns import later
from .base import Field, Reading, iso_date, read_once

_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?)"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as date.weekday() counts
#: The days of the week as Vietnamese and Indonesian sites open a stamp with them ("Thứ tư,
#: 23/4/2025, 14:35 (GMT+7)", VnExpress's; "Rabu, 23 April 2025 14:35 WIB", Antara's): read
#: over, not checked against the day.
_OTHER_WEEKDAY = (
    r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật"
    r"|Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
)


def _folded(name: str) -> str:
    """A name as the tables of days key it: case folded, the dotted and dotless i alike
    (Turkish "SALI" is "salı")."""
    return name.casefold().replace("i\u0307", "i").replace("ı", "i")


def _spellings(name: str) -> tuple[str, ...]:
    """``name`` as it is written: a Persian name with its zero-width non-joiner, also with a
    space or with neither ("سه\u200cشنبه", "سه شنبه", "سهشنبه")."""
    if "\u200c" not in name:
        return (name,)
    return name, name.replace("\u200c", " "), name.replace("\u200c", "")


#: The days of the week as the stamps of news sites in other languages open with them
#: ("Mittwoch, 23. April 2025 06:01", Outlook's German; "mercredi 23 avril 2025", "Среда, 23
#: апреля 2025", "Çarşamba, 23 Nisan 2025", "الأربعاء 23 أبريل 2025", "چهارشنبه ۳ اردیبهشت
#: ۱۴۰۴"), Monday first, each day's names in every language of :data:`WEEKDAY_NAMES`:
#: checked against the day as English ones are.
_NAMED_WEEKDAYS = tuple(
    tuple(
        dict.fromkeys(
            [spelling for names in WEEKDAY_NAMES.values() for spelling in _spellings(names[n])]
            + [name for name, number in WEEKDAY_VARIANTS.items() if number == n]
        )
    )
    for n in range(7)
)
_WEEKDAY_NUMBERS = {_folded(name): n for n, names in enumerate(_NAMED_WEEKDAYS) for name in names}
_NAMED_WEEKDAY = "|".join(
    sorted(
        (re.escape(name) for names in _NAMED_WEEKDAYS for name in names),
        key=lambda name: (-len(name), name),
    )
)


def weekday_number(written: str) -> int | None:
    """The day of the week a stamp names (as :data:`_WEEKDAY` or :data:`_NAMED_WEEKDAYS`
    write it, in any case), Monday 0; None for a name neither knows (Vietnamese's and
    Indonesian's, read over)."""
    named = _WEEKDAY_NUMBERS.get(_folded(written))
    if named is None and written[:3].lower() in _WEEKDAYS:
        return _WEEKDAYS.index(written[:3].lower())
    return named


_TIME = r"(?P<h>\d{1,2})[:.h](?P<min>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>[AaPp])\.?\s*[Mm]\.?)?"
#: A UTC offset (GMT+4, +04:00, +0400, Z, GMT), or a zone's abbreviation: read as its
#: offset when it names one zone only (:data:`ZONES`), else as no offset (BST is British
#: Summer Time and Bangladesh Standard Time, IST India's, Ireland's and Israel's).
_TZ = (
    r"\(?\s*(?:(?P<named>(?:[A-Z][a-z]+\s+){1,3}(?:Standard|Daylight|Summer|Mean|Universal)"
    r"\s+Time|(?:Central|Eastern|Western)\s+European\s+Time)"
    r"|(?P<utc>GMT|UTC)\s*(?P<tz>[+-]\d{1,2}(?::?\d{2})?)?"
    r"|(?P<tz2>[+-]\d{2}:?\d{2})|(?P<tzz>Z)|(?P<abbr>[A-Z]{2,5}))\s*\)?"
)
#: The abbreviations that name one zone only, and its offset from UTC.
ZONES = {
    "WET": "+00:00",
    "WEST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "TRT": "+03:00",
    "AZT": "+04:00",
    "UZT": "+05:00",
    "PKT": "+05:00",
    "HKT": "+08:00",
    "SGT": "+08:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "WIB": "+07:00",  # Indonesia's western, central and eastern time
    "WITA": "+08:00",
    "WIT": "+09:00",
}
#: A zone's name written out, as Business Wire stamps a release ("April 23, 2025 07:30 AM
#: Eastern Daylight Time"), and its offset, when it names one zone only (another name,
#: "Central Standard Time", America's and Australia's, is read as no offset).
NAMED_ZONES = {
    "Eastern Daylight Time": "-04:00",
    "Eastern Standard Time": "-05:00",
    "Pacific Daylight Time": "-07:00",
    "Pacific Standard Time": "-08:00",
    "Greenwich Mean Time": "+00:00",
    "Coordinated Universal Time": "+00:00",
    "British Summer Time": "+01:00",
    "Western European Time": "+00:00",
    "Western European Summer Time": "+01:00",
    "Central European Time": "+01:00",
    "Central European Summer Time": "+02:00",
    "Eastern European Time": "+02:00",
    "Eastern European Summer Time": "+03:00",
    "Moscow Standard Time": "+03:00",
    "Gulf Standard Time": "+04:00",
    "India Standard Time": "+05:30",
    "China Standard Time": "+08:00",
    "Japan Standard Time": "+09:00",
    "Korea Standard Time": "+09:00",
}
_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"),
    re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{MONTH_PATTERN}),?\s+(?P<y>\d{{4}})"),
    re.compile(rf"(?P<mn>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"),
    # 23 aprel 2025, 23. April 2025, 23 de abril de 2025, 23 апреля 2025 г.
    re.compile(
        rf"(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<on>{OTHER_MONTH_PATTERN})\.?,?\s+(?:de\s+)?"
        r"(?P<y>\d{4})(?:\s*(?:г\.?|года|il|yıl))?",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    # 24-Apr-2025 (CGTN), 2025/04/24 (year first: Yonhap, Japanese and Chinese sites)
    re.compile(rf"(?P<d>\d{{1,2}})-(?P<mn>{MONTH_PATTERN})-(?P<y>\d{{4}})"),
    re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})"),
    # 23 abr 2025 (El País), 23 set 2025: months as Spanish, Italian and Portuguese sites
    # cut them short (in a stamp only: "ago" and "set" are words of running text)
    re.compile(
        r"(?P<d>\d{1,2})\.?\s+(?:de\s+)?(?P<sh>ene|feb|abr|ago|sept?|set|oct|dic|gen|mag|giu|lug"
        r"|ott|fev|mai|out|dez)\.?,?\s+(?:de\s+)?(?P<y>\d{4})",
        re.IGNORECASE,
    ),
)
#: Months as more languages' news sites name them in a stamp (as a day's month): Ukrainian,
#: Polish, Indonesian and Malay, Arabic (as Egypt and the Gulf write them), Hindi, Hebrew,
#: Armenian, Kazakh, Uzbek.
_STAMP_LANGUAGES = (
    UKRAINIAN_MONTHS,
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "januari februari maret april mei juni juli agustus september oktober november desember",
    ARABIC_MONTHS,
    "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    # Hebrew, alone and as a day's month ("23 באפריל 2025", "in April")
    "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    "בינואר בפברואר במרץ באפריל במאי ביוני ביולי באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר",
    # Armenian, alone and as a day's month ("14:35, 23 ապրիլի, 2025", as Armenpress stamps)
    "հունվար փետրվար մարտ ապրիլ մայիս հունիս հուլիս օգոստոս սեպտեմբեր հոկտեմբեր նոյեմբեր դեկտեմբեր",
    "հունվարի փետրվարի մարտի ապրիլի մայիսի հունիսի հուլիսի օգոստոսի սեպտեմբերի հոկտեմբերի "
    "նոյեմբերի դեկտեմբերի",
    # Kazakh ("23 сәуір 2025 ж."), and Uzbek's ("23 sentabr 2025")
    "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
    UZBEK_MONTHS,
)
_STAMP_MONTHS = {
    name: n
    for names in _STAMP_LANGUAGES
    for n, name in enumerate(names.split(), start=1)
    if name != "_"
} | {**ARABIC_SPELLINGS, "फरवरी": 2, "सितम्बर": 9, "नवम्बर": 11, "दिसम्बर": 12}
#: A regular-expression fragment matching one of those months (match it ignoring case).
STAMP_MONTH_PATTERN = (
    "(?:" + "|".join(sorted(map(re.escape, _STAMP_MONTHS), key=len, reverse=True)) + ")"
)


def stamp_month_number(name: str) -> int | None:
    """The number of a month :data:`STAMP_MONTH_PATTERN` matches, else None."""
    return _STAMP_MONTHS.get(name.casefold())


#: A day so written, and as Korean and Vietnamese write one ("2025년 4월 23일", "23 tháng 4,
#: 2025"), or year first with stops ("2025.04.23", as Korean and Hungarian sites do).
_MORE_DATE_FORMS = (
    re.compile(
        rf"(?P<d>\d{{1,2}})\.?\s+(?P<sm>{STAMP_MONTH_PATTERN})\.?,?\s+(?P<y>\d{{4}})"
        r"(?:\s*(?:р\.|r\.|م|ж\.))?",
        re.IGNORECASE,
    ),
    re.compile(r"(?P<y>\d{4})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일"),
    re.compile(
        r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+(?:năm\s+)?(?P<y>\d{4})", re.I
    ),
    re.compile(r"(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\.?"),
)
#: The months of those short names.
_SHORT_MONTHS = {
    **dict.fromkeys(("ene", "gen"), 1),
    **dict.fromkeys(("feb", "fev"), 2),
    "abr": 4,
    **dict.fromkeys(("mag", "mai"), 5),
    "giu": 6,
    "lug": 7,
    "ago": 8,
    **dict.fromkeys(("set", "sep", "sept"), 9),
    **dict.fromkeys(("oct", "ott", "out"), 10),
    **dict.fromkeys(("dic", "dez"), 12),
}
#: Words saying a stamp tells when the page changed, not when it was published.
CHANGED = (
    r"(?:last\s+)?(?:updated?|modified|edited|revised)|(?:последнее\s+)?обновлени[ея]"
    r"|обновлено|изменено|оновлено|(?:dernière\s+)?mise\s+à\s+jour|mis\s+à\s+jour|modifié"
    r"|(?:letzte\s+)?aktualisierung|aktualisiert|geändert|actualizado|modificado|aggiornato"
    r"|atualizado|güncellendi|(?:son\s+)?güncelleme(?:\s+tarihi)?|yenilənib|更新时间|更新日期"
    r"|aktualizacja|zaktualizowano|diperbarui|अपडेटेड|अपडेट|թարմացվել"
    r"|更新|수정|최종수정|עודכן|(?:آخر\s+)?تحديث|به‌?\s?روز\s?رسانی|ویرایش"
)
#: Words saying a stamp tells when the page was saved, printed or read, not published: a
#: browser's print header, a read-later service's ("Printed: 27 April 2025 09:00", "Saved on
#: ...", "Accessed 27 April 2025").
SAVED = (
    r"(?:saved|clipped|archived|captured|retrieved|accessed|downloaded|printed|generated"
    r"|сохранено|распечатано|enregistré|imprimé|gespeichert|gedruckt)(?:\s+(?:on|at|le|am))?"
)
_CHANGED_STAMP = later(rf"\s*(?:{CHANGED}|{SAVED})(?!\w)", re.I)


#: A stamp's label saying when the page was saved, printed or read ("Printed: ", "Saved on
#: ", "Retrieved "), its colon and the space after it.
_SAVED_LABEL = later(rf"\s*(?:{SAVED})(?!\w)\s*[:：]?\s*", re.I)


def saved_stamp(line: str) -> Stamp | None:
    """The stamp of a line that says when the page was saved, printed or read, not
    published ("Printed: 27 April 2025 09:00", "Saved on: ..."): a capture's own stamp."""
    label = _SAVED_LABEL().match(line)
    if label is None or len(line.strip()) > MOST_STAMP:
        return None
    return parse_stamp(_unglued(line[label.end() :].strip()))


def says_changed(text: str) -> bool:
    """Whether a stamp says when the page changed (``Updated: ...``, ``Обновлено ...``), or
    was saved or printed (``Printed: ...``: see :data:`SAVED`), not when it was published."""
    return _CHANGED_STAMP().match(text) is not None


#: Words a stamp may open with: when the page was published, or changed.
_PUBLISHED = (
    r"date|(?:first\s+)?published|posted|опубликовано|дата\s+публикации|publié|"
    r"veröffentlicht|publicado|pubblicato|yayınlanma(?:\s+tarihi)?|yayın\s+tarihi|giriş\s+tarihi"
    r"|dərc\s+olunub|publikacja|opublikowano|data\s+publikacji|diterbitkan|dipublikasikan"
    r"|प्रकाशित|опубліковано|հրապարակվել"
    r"|tarix|发布时间|发布日期|发表时间|发布于|입력|송고(?:시간)?|등록|기사입력"
    r"|פורסם|(?:تاريخ\s+)?النشر|نشر\s+في|نشر|تاریخ\s+انتشار|منتشر\s+شده"
)
_LEAD = later(
    rf"^(?:(?:{_PUBLISHED}|{CHANGED})(?:\s+(?:on|le|am|el|il|em))?(?:\s*[:：]|\s+[-–—])?\s*)?"
    rf"(?:(?:(?P<wd>{_WEEKDAY}|{_NAMED_WEEKDAY})|{_OTHER_WEEKDAY})[,،]?\s+)?",
    re.I,
)
#: (Parted from the day by a comma, a slash or a bar, "15:20 / 23.04.2025" as Kun.uz stamps a
#: story, or by a dash, "15:20-23 أبريل 2025" as Asharq Al-Awsat does.)
_TIME_FIRST = later(rf"^{_TIME}(?:\s*[-–/|,]\s*|\s+)(?P<rest>.+)$")
#: A time with its zone before the day, as AP stamps a story: "4:17 AM GMT+4, April 23, 2025".
_ZONED_TIME_FIRST = later(rf"^{_TIME}\s*{_TZ}\s*,?\s+(?P<rest>.+)$")
#: (Persian's comma, "۳ اردیبهشت ۱۴۰۴، ۱۴:۳۵", or its word for the hour, "۱۴۰۴/۰۲/۰۳ ساعت
#: ۱۴:۳۵", as Tasnim stamps a story; the spaces around them taken once, possessively: a line
#: of 400 spaces between two words took 1 s; Thai's "น.", the hour's, after the time; a
#: time in square brackets, as AZERTAC stamps a story, "23.04.2025 [15:40]"; the words for
#: "at" of German, Italian, Portuguese, Turkish and Russian before it, "um 06:01 Uhr".)
_TIME_LAST = later(
    rf"^(?P<rest>.+?)\s*+(?:,|،|\b(?:at|à|um|alle|às|saat|в)\b|\||-|–|/|ساعت)?\s*+"
    rf"(?P<open>\[)?{_TIME}(?(open)\])(?:\s*(?:น\.|Uhr\b))?(?:\s*{_TZ})?$"
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A day, perhaps with a time (HH:MM, 24-hour) and a UTC offset (+04:00)."""

    date: str  # YYYY-MM-DD
    time: str | None = None
    timezone: str | None = None
    weekday: str | None = None  # the day of the week the stamp names, as written

    def weekday_note(self) -> str | None:
        """What is wrong when the stamp names a day of the week its date was not on."""
        if self.weekday is None:
            return None
        said = weekday_number(self.weekday)
        day = dt.date.fromisoformat(self.date)
        if said is None or said == day.weekday():
            return None
        return (
            f"the date stamp says {self.weekday.rstrip('.')}, but {self.date} was a "
            f"{day.strftime('%A')}: the day or the date is wrong (the date is kept)"
        )

    def fields(self) -> list[tuple[str, str]]:
        """The capture's fields the stamp gives: ``published``, and ``time`` and
        ``timezone`` when it states them."""
        given = (("published", self.date), ("time", self.time), ("timezone", self.timezone))
        return [(key, value) for key, value in given if value is not None]


#: The longest line a stamp is looked for in whole (the longest one seen, with its labels,
#: place, time, zone and when the page changed, is under 120 characters): a paragraph
#: longer is no stamp, and is not searched as one (a page's text of one paragraph of 30 MB
#: took 23 s).
MOST_STAMP = 400


#: A year and a time, or a zone and a label, written in elements of their own and copied
#: with no space between: "April 23, 20252:15 PM GMT+4Updated 2 hours ago" (reuters.com's).
_GLUED = later(
    r"(?<!\d)((?:1[89]|20)\d\d)(\d{1,2}:\d\d)(?!\d)"
    r"|(?<=[\dMTZ])(?=(?:Updated|Modified|Edited)\b)"
)


def _unglued(line: str) -> str:
    """``line`` with a space between what a copied page's elements glued (see
    :data:`_GLUED`)."""
    return _GLUED().sub(lambda m: f"{m[1]} {m[2]}" if m[1] else " ", line)


@read_once
def parse_stamp(line: str) -> Stamp | None:
    """The stamp a whole line states, or None when the line is anything else."""
    line = line.strip()
    other = not line.isascii()  # (a line in ASCII has no other digits, marks, or Han clock)
    line = _unglued(line.translate(_DIGITS).translate(_ARABIC_MARKS) if other else line)
    if other:
        line = _HAN_CLOCK().sub(_han_clock, _KOREAN_CLOCK().sub(_korean_clock, line))
    if len(line) > MOST_STAMP:
        return None
    if _DASHED_APART().search(line) and (beside := _beside_hijri(line)) is not None:
        return beside
    line, named = _han_weekday(line)
    lead = _LEAD().match(line)
    weekday = (lead["wd"] if lead is not None else None) or named
    text = line[lead.end() :] if lead is not None else line
    time = zone = None
    m = _zoned_time_first(text) or _TIME_FIRST().match(text) or _TIME_LAST().match(text)
    if m is not None:
        time = _clock(m["h"], m["min"], m["ampm"])
        zone = _offset(m.groupdict())
        if time is None:
            return None
        text = m["rest"].strip()
    day = parse_day(text)
    if day is None and weekday is not None:
        day = _day_its_weekday_says(text, weekday)
    return None if day is None else Stamp(day, time, zone, weekday)


def _day_its_weekday_says(text: str, weekday: str) -> str | None:
    """The day of a day in numbers whose numbers leave the order open ("04/05/2025") that
    the day of the week beside it says ("Friday, 04/05/2025"): 5 April 2025 was a Saturday,
    4 May a Sunday, so "Saturday, 04/05/2025" is 5 April; None when both orders, or
    neither, give a day that was one."""
    said = weekday_number(weekday)
    days = {parse_day(in_order(text, order)) for order in ("dmy", "mdy")}
    fits = [d for d in days if d is not None and dt.date.fromisoformat(d).weekday() == said]
    return fits[0] if len(fits) == 1 else None


#: The day of the week as Japanese, Chinese and Korean write it after the day, in brackets or
#: not: "2025年4月23日（水曜日）", "（水）", "2025年4月23日 星期三", "2025년 4월 23일 (수)".
_HAN_WEEKDAY = later(
    r"(?<=[日일])\s?(?:[（(]\s?(?P<a>[月火水木金土日])(?:曜日?)?\s?[）)]"
    r"|[（(]?\s?(?:星期|周|礼拜|週)(?P<b>[一二三四五六日天])\s?[）)]?"
    r"|[（(]\s?(?P<c>[월화수목금토일])(?:요일)?\s?[）)]|(?P<d>[월화수목금토일])요일)"
)
#: Those days' names, Monday first: Japanese, Chinese (天 is 日), Korean.
_HAN_DAYS = {
    "a": "月火水木金土日",
    "b": "一二三四五六日",
    "c": "월화수목금토일",
    "d": "월화수목금토일",
}


def _han_weekday(line: str) -> tuple[str, str | None]:
    """``line`` without the day of the week written after its day (see :data:`_HAN_WEEKDAY`),
    and that day as English names it ("Wed"), so that a stamp naming another day than its
    date's is told; or ``line`` as it is, and None."""
    if "日" not in line and "일" not in line:  # (most lines: no pattern is run)
        return line, None
    m = _HAN_WEEKDAY().search(line)
    if m is None:
        return line, None
    group = next(g for g in _HAN_DAYS if m[g])
    number = _HAN_DAYS[group].index(m[group].replace("天", "日"))
    return line[: m.start()] + line[m.end() :], _WEEKDAYS[number].capitalize()


#: A time as Korean writes it, the half of the day before it: "오후 2:05" (2:05 PM).
_KOREAN_CLOCK = later(r"(오전|오후)\s*(\d{1,2}:\d{2})")


def _korean_clock(m: re.Match[str]) -> str:
    return f"{m[2]} {'AM' if m[1] == '오전' else 'PM'}"


#: A time as Japanese and Chinese write it, in hours and minutes, perhaps the half of the day
#: before it: "10時30分", "午後3時05分" (3:05 PM), "15时30分".
_HAN_CLOCK = later(r"(?:(午前|午後|上午|下午)\s*)?(\d{1,2})\s*[時时點点]\s*(\d{1,2})\s*分")


def _han_clock(m: re.Match[str]) -> str:
    half = {"午前": " AM", "上午": " AM", "午後": " PM", "下午": " PM"}.get(m[1] or "", "")
    return f" {m[2]}:{int(m[3]):02d}{half}"


#: The marks Arabic may write over or under its letters (its short vowels, the shadda): a
#: stamp's words are read without them ("نُشر:", published, as Asharq Al-Awsat labels it).
_ARABIC_MARKS = dict.fromkeys(range(0x064B, 0x0653))


def _zoned_time_first(text: str) -> re.Match[str] | None:
    """A time and its zone before a day ("4:17 AM GMT+4, April 23, 2025"); None when what
    follows the zone is no day (an abbreviation may be a month's: "10:00 APR 23, 2025")."""
    m = _ZONED_TIME_FIRST().match(text)
    return m if m is not None and parse_day(m["rest"].strip()) is not None else None


#: A stamp saying when the page was published, inside a longer text ("Par Claire Duval
#: Publié le 23 avril 2025 à 18h12, modifié le 24 avril 2025"): its label, and what follows
#: up to a stamp saying when it changed.
#: (A label may follow the byline's last word with no space between, as two elements put
#: side by side read: "Xing XiaojingPublished: Apr 23, 2025".)
_LABELLED = later(
    rf"(?:(?<!\w)|(?-i:(?<=[a-z])(?=[A-Z])))(?:{_PUBLISHED})(?!\w)"
    rf".*?(?=[,;|]?\s*(?:{CHANGED})(?!\w)|$)",
    re.I,
)


def labelled(text: str) -> bool:
    """Whether a text says a date in it is when the page was published ("Published ...")."""
    return _LABELLED().search(text) is not None


#: Where a stamp's saying when the page changed begins, after the one of its publication:
#: only where a run of spaces begins (tried from each of its spaces, a run of 1,000 spaces
#: took 98 s), and its spaces taken once, before or after a mark.
_CHANGED_AFTER = later(rf"(?:^|(?<=\S))\s*(?:[-–—,;(]\s*)?(?:{CHANGED})(?!\w)", re.I)


def before_changed(text: str) -> str:
    """``text`` up to where it says when the page changed ("April 23, 2025 / 3:42 PM GMT+4 /
    Updated April 24, 2025": the part before "Updated"); all of it when it does not."""
    return _CHANGED_AFTER().split(text, maxsplit=1)[0].rstrip(" /|,;-–—(•·")


#: A digit, in any script, or a Chinese numeral before 年, 月, 日 or 号: a stamp's day has
#: one (``元年``, an era's first year, has none, but its month and day have;
#: ``二〇二五年四月二十二日`` has numerals alone).
_A_DIGIT = later(rf"\d|[{HAN_NUMERALS}][年月日号號]")


@read_once
def parse_published(line: str) -> Stamp | None:
    """The stamp of its publication a whole line states, perhaps followed by when the page
    changed: "March 3, 2025 11:42 AM GMT+4 Updated 2 hours ago" (as reuters.com heads a
    story, and a copy of its page keeps it), "12:15 04.07.2024 (обновлено: 13:40
    04.07.2024)": the stamp before "Updated" (the page changed after it was published, so
    that one is the publication's).  None when the line opens with when the page changed
    ("Updated 4:17 AM GMT+4, April 23, 2025" says no publication), or is anything else."""
    if len(line.strip()) > MOST_STAMP or _A_DIGIT().search(line) is None:
        return None  # (a day has digits: a line of words alone was searched for "Updated")
    line = _unglued(line)
    stamp = parse_stamp(line)
    if stamp is not None or says_changed(line):
        return stamp
    before = before_changed(line)
    return parse_stamp(before) if before and before != line.strip() else None


@read_once
def open_order_stamps(line: str) -> tuple[Stamp, Stamp] | None:
    """The two stamps a line of publication gives whose day in numbers leaves the order
    of day and month open ("04/05/2025 14:05": 4 May, day first, and 5 April), when it
    gives no stamp as it is; else None."""
    if parse_published(line) is not None:
        return None
    first, second = parse_published(in_order(line, "dmy")), parse_published(in_order(line, "mdy"))
    if first is None or second is None or first.date == second.date:
        return None
    return first, second


#: What parts the items of a page's line of metadata ("2025年04月24日05:45 | 来源：人民网").
_BAR = later(r"[|｜丨]")  # (spaces around it taken off each item: "\s*" before it
# scanned a run of spaces from each of its starts)


#: Who published the page, or what else a line says, after its stamp: "Published on
#: 24/04/2025 by thediplomat.com — Exported from wallabag on 27/04/2025".
_WHO_AFTER = later(r"\s+(?:by|par|von|por|—|–|·)\s+", re.IGNORECASE)


#: A day of the Hijri calendar, its year marked so ("24 شوال 1446 هـ", "1446 AH"), beside
#: the Gregorian day, parted from it by a dash ("الثلاثاء 24 شوال 1446 هـ - 22 أبريل 2025 م",
#: as Saudi papers date a story).
_HIJRI_DAY = later(r"\d{3,4}\s*(?:هـ|ه\.?ق|ق|AH)\.?\s*$")
#: (Or the tatweel, which Arabic draws a letter out with, standing alone for a dash: "23 أبريل
#: 2025 م ـ 25 شوّال 1446 هـ".)
_DASHED_APART = later(r"\s+[-–—ـ]\s+")


def _beside_hijri(text: str) -> Stamp | None:
    """The Gregorian stamp of a line giving it beside a day of the Hijri calendar (see
    :data:`_HIJRI_DAY`), before or after it; None for any other line."""
    parts = _DASHED_APART().split(text.strip())
    if len(parts) < 2:
        return None
    if _HIJRI_DAY().search(parts[0].translate(_DIGITS)):
        return parse_stamp(text.strip()[len(parts[0]) :].lstrip(" -–—ـ"))
    if _HIJRI_DAY().search(parts[-1].translate(_DIGITS)):
        return parse_stamp(text.strip()[: -len(parts[-1])].rstrip(" -–—ـ"))
    return None


#: The label of the first item after the stamp of a Chinese page's line of metadata, parted
#: from it by spaces alone: "2025-04-21 10:30:15 来源：新华网", "发布时间：2025-04-21 来源：外交部"
#: (its source, writer, editor, the size of its type, its count of readers; the type's size
#: in brackets too, as government sites set it: "2025-04-01 19:30【字体：大 中 小】").
_ITEM_AFTER = later(
    r"\s*(?:【\s*)?(?:来源|來源|作者|记者|記者|责任编辑|责编|编辑|編輯|字号|字體|字体|浏览|阅读)\s*[:：]"
)


def find_published_stamp(text: str) -> Stamp | None:
    """The stamp a text holding more states: after a label saying when the page was
    published (a byline before it, when the page changed or who published it after it), or
    before the items of a Chinese page's line of metadata (see :data:`_ITEM_AFTER`), or as
    one of the items of a line parted by bars."""
    for m in _LABELLED().finditer(text):
        said = m[0].strip(" ,;|")
        stamp = parse_stamp(said) or parse_stamp(_WHO_AFTER().split(said, maxsplit=1)[0])
        if stamp is not None:
            return stamp
    before = _ITEM_AFTER().split(text[:MOST_STAMP], maxsplit=1)
    if len(before) == 2 and (stamp := parse_stamp(before[0])) is not None:
        return stamp
    items = [item.strip() for item in _BAR().split(text)]
    if len(items) < 2:
        return None
    # an item may say when the page changed after when it was published: "23.04.2025 -
    # Update : 23.04.2025"
    return next((s for item in items if (s := parse_stamp(before_changed(item)))), None)


#: A day with slashes or dashes: day first in Europe (24/04/2025, 24-04-2025), month first
#: in the United States (04/24/2025); read only when the numbers tell which ("04/05/2025"
#: may be either).
_SLASHED = later(r"(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})")


def parse_day(text: str) -> str | None:
    """``YYYY-MM-DD`` for a text that is exactly one written-out day, else None (one of
    another calendar, in the Gregorian: see :func:`_other_calendar_day`)."""
    if not text.isascii():
        text = normalised_digits(text.translate(_DIGITS))[0]  # "二〇二五年四月二十二日" too
    other = _other_calendar_day(text.strip())
    if other is not None:
        return other
    for form in _DATE_FORMS:
        m = form.fullmatch(text.strip())
        if m is not None:
            groups = m.groupdict()
            if groups.get("sh"):
                return iso_date(m["y"], _SHORT_MONTHS[m["sh"].casefold()], m["d"])
            return iso_date(m["y"], month_in(groups, "mn", "on", "m"), m["d"])
    for form in _MORE_DATE_FORMS:
        m = form.fullmatch(text.strip())
        if m is not None:
            month = _STAMP_MONTHS[m["sm"].casefold()] if m.groupdict().get("sm") else m["m"]
            return iso_date(m["y"], month, m["d"])
    slashed = _SLASHED().fullmatch(text.strip())
    if slashed is not None:
        a, b = int(slashed["a"]), int(slashed["b"])
        if a == b or a > 12:
            return iso_date(slashed["y"], b, a)
        if b > 12:
            return iso_date(slashed["y"], a, b)
    return None


def _clock(hour: str, minute: str, ampm: str | None) -> str | None:
    h = int(hour)
    if ampm is not None:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm in "Pp" else 0)
    return f"{h:02d}:{int(minute):02d}" if h < 24 else None  # ASCII digits: "1٢:3٠" is 12:30


def _offset(groups: dict[str, str | None]) -> str | None:
    """The UTC offset, +HH:MM, the matched zone names (none for an abbreviation that names
    more than one zone)."""
    tz = groups.get("tz") or groups.get("tz2")
    if tz is None:
        if groups.get("tzz") or groups.get("utc"):
            return "+00:00"
        if groups.get("named"):
            return NAMED_ZONES.get(" ".join((groups["named"] or "").split()))
        return ZONES.get(groups.get("abbr") or "")
    sign, digits = tz[0], tz[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    return f"{sign}{int(hours):02d}:{int(minutes):02d}"


#: A day as machines write it, in an attribute, a URL or the text: ``2025-04-23``.
_ISO_DAY = later(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
#: A label before a stamp ("Updated:", "Stand:", "Last updated:", "Дата:").
_STAMP_LABEL = later(r"^[^\W\d][^:：\d]{0,30}[:：]\s*")
_TAG_OR_TEXT = later(r"<[^>]*>|[^<]+")
#: The longest text a stamp is looked for in (the longest seen, with its labels, place,
#: time, zone and when the page changed, is under 120 characters).
_STAMP_LINE = 120
#: How many of a capture's lines are looked through for the days it shows.
_SHOWN_LINES = 2000


def days_shown(text: str, most: int = 3) -> list[tuple[int, str]]:
    """The first ``most`` days a capture shows (each with its line), in any of its forms: a
    ``<meta name="date">``, an address holding one, "Updated: 2025-04-23 21:45", "Stand:
    23.04.2025 16:47 Uhr": for a capture whose day of publication its reader did not read,
    the places where the archivist may find it (or find that it is another day)."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines()[:_SHOWN_LINES], start=1):
        for day in _days_on(line):
            found.setdefault(day, number)
            if len(found) >= most:
                return [(n, d) for d, n in found.items()]
    return [(n, d) for d, n in found.items()]


#: A place before a day on a line of its own, as a press release dates itself ("Tehran, 9
#: August 2025", "Brussels, 29 January 2024"): a few capitalised words and a comma.
_PLACE_BEFORE = later(r"[^\W\d_][\w.'’-]*(?:[ -][^\W\d_][\w.'’-]*){0,3},\s+")


def _days_on(line: str) -> list[str]:
    """The days a line of a capture shows, in its order: in a tag's attributes, written for
    machines (``content="2025-04-23T16:47:02+02:00"``), or in a text between the tags as
    short as a stamp (a sentence of the text, "relations established on January 3, 1992",
    says no day of the capture's; nor does "Printed: 27 April 2025", the day it was saved)."""
    days: list[str] = []
    for part in _TAG_OR_TEXT().findall(line):
        if part.startswith("<"):
            days += [
                d for m in _ISO_DAY().finditer(part) if (d := iso_date(m["y"], m["m"], m["d"]))
            ]
            continue
        said = _STAMP_LABEL().sub("", part.strip())
        if not said or len(said) > _STAMP_LINE or saved_stamp(part.strip()) is not None:
            continue  # (the day the page was saved or printed is none it was published)
        stamp = parse_stamp(said) or parse_published(said) or find_published_stamp(said)
        placed = _PLACE_BEFORE().match(said)
        if stamp is None and placed is not None:  # a release's "Tehran, 9 August 2025"
            stamp = parse_stamp(said[placed.end() :])
        iso = _ISO_DAY().search(said)
        if stamp is not None:
            days.append(stamp.date)
        elif iso is not None and (day := iso_date(iso["y"], iso["m"], iso["d"])):
            days.append(day)
    return days


# --- days of other calendars, as exact as the Gregorian ----------------------------------
#: Digits of other scripts, as ASCII's: Arabic-Indic (٢٣), Persian (۲۳), Thai (๒๓), and
#: full-width (２３): a stamp's numbers in any of them are read alike.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹๐๑๒๓๔๕๖๗๘๙０１２３４５６７８９", "0123456789" * 4)
#: The Solar Hijri (Iranian) calendar's months, in Persian.
#: Thai months, in full and cut short ("22 เมษายน 2568", "22 เม.ย. 2568"): its year in the
#: Buddhist era (543 years after the Gregorian), where it is more than 2400.
_THAI_MONTHS = [
    *("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม"),
    *("กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"),
]
_THAI_SHORT = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()  # noqa: SIM905
_THAI_MONTH = {
    **{m: n for n, m in enumerate(_THAI_MONTHS, 1)},
    **{m.rstrip("."): n for n, m in enumerate(_THAI_SHORT, 1)},
}
_OTHER_CALENDAR_DAY = later(
    r"(?P<era>令和|平成|昭和)\s*(?P<ey>\d{1,2}|元)\s*年\s*(?P<em>\d{1,2})\s*月\s*(?P<ed>\d{1,2})\s*日"
    r"|(?:民國|民国|中華民國|中华民国)\s*(?P<ry>\d{2,3})\s*年\s*(?P<rm>\d{1,2})\s*月\s*(?P<rd>\d{1,2})\s*日"
    rf"|(?P<sd>\d{{1,2}})\s+(?P<sm>{'|'.join(SOLAR_HIJRI_MONTHS)})\s+(?P<sy>\d{{4}})"
    r"|(?P<td>\d{1,2})\s+(?P<tm>"
    + "|".join(re.escape(m) for m in sorted(_THAI_MONTH, key=len, reverse=True))
    + r")\.?\s+(?:พ\.ศ\.\s*)?(?P<ty>\d{4})"
)


def _other_calendar_day(text: str) -> str | None:
    """``YYYY-MM-DD`` for a day written in a calendar whose days are the Gregorian's, its
    year counted otherwise: a Japanese era's (``令和7年4月22日``), the Republic of China's
    (``民國114年4月22日``), the Solar Hijri's with its month named (``۳ اردیبهشت ۱۴۰۴``), or a
    Thai one in the Buddhist era (``22 เมษายน 2568``); None otherwise, or when it is no day."""
    m = _OTHER_CALENDAR_DAY().fullmatch(text)
    if m is None:
        return None
    if m["era"]:
        before, first, last = JAPANESE_ERAS[m["era"]]
        year = before + (1 if m["ey"] == "元" else int(m["ey"]))
        day = iso_date(year, m["em"], m["ed"])
        return day if day is not None and first <= dt.date.fromisoformat(day) <= last else None
    if m["ry"]:
        return iso_date(1911 + int(m["ry"]), m["rm"], m["rd"])
    if m["sm"]:
        return solar_hijri(int(m["sy"]), SOLAR_HIJRI_MONTHS.index(m["sm"]) + 1, int(m["sd"]))
    year = int(m["ty"])
    return iso_date(year - 543 if year > 2400 else year, _THAI_MONTH[m["tm"]], m["td"])


# --- years of other calendars ----------------------------------------------------------
# A page in Persian dates itself in the Solar Hijri calendar (``۱۴۰۴/۰۲/۰۳``, 23 April
# 2025), an Arabic one may in the Hijri calendar (``1446-10-24``), a Thai one in the
# Buddhist era (``2568-04-22``): read as Gregorian days, their numbers are days centuries
# before the first printed newspaper, or after today.  A capture's publication date in one
# of the years these calendars write in the age of the web is no date (a wrong day is worse
# than none), with a warning naming the calendars it may be of.

#: The years other calendars write in the age of the web (and a century around it), and
#: which: no news story or interview was published in them in the Gregorian calendar.
OTHER_YEARS = (
    (1300, 1499, "the Solar Hijri (Iranian) or the Hijri calendar"),
    (2400, 2699, "the Buddhist era (Thai)"),
)
#: The fields a publication date brings, which go with it.
_DATED = ("published", "time", "timezone")


def other_calendar(year: int) -> str | None:
    """The calendars whose years of the age of the web ``year`` is among, else None."""
    return next((name for low, high, name in OTHER_YEARS if low <= year <= high), None)


def gregorian(reading: Reading) -> Reading:
    """``reading`` without its publication date when its year is another calendar's
    (:data:`OTHER_YEARS`), with a warning saying so, or, in a page in Persian or Thai, with
    the Gregorian day of the one it gives in its calendar (:func:`_page_calendar_day`);
    unchanged otherwise."""
    published = reading.fields.get("published")
    if published is None or not published.value[:4].isdigit():
        return reading
    named = other_calendar(int(published.value[:4]))
    if named is None:
        return reading
    fields = dict(reading.fields)
    found = _page_calendar_day(published.value, reading.fields.get("language"))
    if found is not None:
        fields["published"] = Field(found[0], published.line)
        note = (
            f"the publication date {published.value} read as {found[1]}'s, the calendar of "
            f"the page's language: {found[0]}"
        )
    else:
        fields = {k: v for k, v in fields.items() if k not in _DATED}
        note = (
            f"the publication date {published.value} is no Gregorian day a capture was "
            f"published on: its year is one {named} writes now; not read (give "
            "'published' in the metadata file)"
        )
    return dataclasses.replace(
        reading, fields=fields, notes=(*reading.notes, (published.line, note))
    )


#: The Solar Hijri years of the age of the web (1990 to 2031) that are no Hijri year of it,
#: and the Buddhist era's (1990 to 2057).
_PERSIAN_YEARS = range(1369, 1410)
_THAI_YEARS = range(2533, 2601)


def _page_calendar_day(day: str, language: Field | None) -> tuple[str, str] | None:
    """The Gregorian day of a day, ``YYYY-MM-DD``, that a page gives in its language's
    calendar, and the calendar's name: a page in Persian (Iran's, or Afghanistan's Dari or
    Pashto) in the Solar Hijri calendar, its year one of :data:`_PERSIAN_YEARS` (the Hijri
    calendar's years of the web's age are after them); a page in Thai in the Buddhist era
    (the Gregorian year and 543: the Thai year begins on 1 January); None otherwise."""
    tongue = "" if language is None else language.value.split("-")[0].casefold()
    year, month, date = (int(n) for n in day.split("-"))
    if tongue in ("fa", "prs", "ps") and year in _PERSIAN_YEARS:
        found = solar_hijri(year, month, date)
        return None if found is None else (found, "the Solar Hijri calendar")
    if tongue == "th" and year in _THAI_YEARS:
        found = iso_date(year - 543, month, date)
        return None if found is None else (found, "the Buddhist era")
    return None
