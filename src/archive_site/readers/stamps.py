"""Date and time stamps as web pages print them, on a line of their own.

``date 2025-04-23``, ``23.04.2025 14:05``, ``14:05 23.04.2025``,
``Wednesday, 23 April 2025, 14:05 (GMT+4)``, ``April 23, 2025 2:05 PM``,
``Last modified on Thu 24 Apr 2025 10.41 BST``...
The readers use them for a capture's date header and to recognise the time
stamps of other stories' headlines in page furniture.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import MONTH_PATTERN, OTHER_MONTH_PATTERN, month_in
from .base import iso_date

_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?)"
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as date.weekday() counts
_TIME = r"(?P<h>\d{1,2})[:.h](?P<min>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>[AaPp])\.?\s*[Mm]\.?)?"
#: A UTC offset (GMT+4, +04:00, +0400, Z, GMT), or a zone's abbreviation: read as its
#: offset when it names one zone only (:data:`ZONES`), else as no offset (BST is British
#: Summer Time and Bangladesh Standard Time, IST India's, Ireland's and Israel's).
_TZ = (
    r"\(?\s*(?:(?P<utc>GMT|UTC)\s*(?P<tz>[+-]\d{1,2}(?::?\d{2})?)?"
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
    r"|更新"
)
#: Words saying a stamp tells when the page was saved, printed or read, not published: a
#: browser's print header, a read-later service's ("Printed: 27 April 2025 09:00", "Saved on
#: ...", "Accessed 27 April 2025").
SAVED = (
    r"(?:saved|clipped|archived|captured|retrieved|accessed|downloaded|printed|generated"
    r"|сохранено|распечатано|enregistré|imprimé|gespeichert|gedruckt)(?:\s+(?:on|at|le|am))?"
)
_CHANGED_STAMP = re.compile(rf"\s*(?:{CHANGED}|{SAVED})(?!\w)", re.I)


def says_changed(text: str) -> bool:
    """Whether a stamp says when the page changed (``Updated: ...``, ``Обновлено ...``), or
    was saved or printed (``Printed: ...``: see :data:`SAVED`), not when it was published."""
    return _CHANGED_STAMP.match(text) is not None


#: Words a stamp may open with: when the page was published, or changed.
_PUBLISHED = (
    r"date|(?:first\s+)?published|posted|опубликовано|дата\s+публикации|publié|"
    r"veröffentlicht|publicado|pubblicato|yayınlanma\s+tarihi|yayın\s+tarihi|dərc\s+olunub"
    r"|tarix|发布时间|发布日期|发表时间|发布于"
)
_LEAD = re.compile(
    rf"^(?:(?:{_PUBLISHED}|{CHANGED})(?:\s+(?:on|le|am|el|il|em))?(?:\s*[:：]|\s+[-–—])?\s*)?"
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?",
    re.I,
)
_TIME_FIRST = re.compile(rf"^{_TIME}\s*,?\s+(?P<rest>.+)$")
#: A time with its zone before the day, as AP stamps a story: "4:17 AM GMT+4, April 23, 2025".
_ZONED_TIME_FIRST = re.compile(rf"^{_TIME}\s*{_TZ}\s*,?\s+(?P<rest>.+)$")
_TIME_LAST = re.compile(rf"^(?P<rest>.+?)\s*(?:,|\bat\b|\bà\b|\||-|–|/)?\s*{_TIME}(?:\s*{_TZ})?$")


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
        said = _WEEKDAYS.index(self.weekday[:3].lower())
        day = dt.date.fromisoformat(self.date)
        if said == day.weekday():
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


def parse_stamp(line: str) -> Stamp | None:
    """The stamp a whole line states, or None when the line is anything else."""
    line = line.strip()
    if len(line) > MOST_STAMP:
        return None
    lead = _LEAD.match(line)
    weekday = lead["wd"] if lead is not None else None
    text = line[lead.end() :] if lead is not None else line
    time = zone = None
    m = _zoned_time_first(text) or _TIME_FIRST.match(text) or _TIME_LAST.match(text)
    if m is not None:
        time = _clock(m["h"], m["min"], m["ampm"])
        zone = _offset(m.groupdict())
        if time is None:
            return None
        text = m["rest"].strip()
    day = parse_day(text)
    return None if day is None else Stamp(day, time, zone, weekday)


def _zoned_time_first(text: str) -> re.Match[str] | None:
    """A time and its zone before a day ("4:17 AM GMT+4, April 23, 2025"); None when what
    follows the zone is no day (an abbreviation may be a month's: "10:00 APR 23, 2025")."""
    m = _ZONED_TIME_FIRST.match(text)
    return m if m is not None and parse_day(m["rest"].strip()) is not None else None


#: A stamp saying when the page was published, inside a longer text ("Par Claire Duval
#: Publié le 23 avril 2025 à 18h12, modifié le 24 avril 2025"): its label, and what follows
#: up to a stamp saying when it changed.
#: (A label may follow the byline's last word with no space between, as two elements put
#: side by side read: "Xing XiaojingPublished: Apr 23, 2025".)
_LABELLED = re.compile(
    rf"(?:(?<!\w)|(?-i:(?<=[a-z])(?=[A-Z])))(?:{_PUBLISHED})(?!\w)"
    rf".*?(?=[,;|]?\s*(?:{CHANGED})(?!\w)|$)",
    re.I,
)


def labelled(text: str) -> bool:
    """Whether a text says a date in it is when the page was published ("Published ...")."""
    return _LABELLED.search(text) is not None


#: Where a stamp's saying when the page changed begins, after the one of its publication.
_CHANGED_AFTER = re.compile(rf"\s*[-–—,;(]?\s*(?:{CHANGED})(?!\w)", re.I)


def before_changed(text: str) -> str:
    """``text`` up to where it says when the page changed ("April 23, 2025 / 3:42 PM GMT+4 /
    Updated April 24, 2025": the part before "Updated"); all of it when it does not."""
    return _CHANGED_AFTER.split(text, maxsplit=1)[0].rstrip(" /|,;-–—(•·")


def parse_published(line: str) -> Stamp | None:
    """The stamp of its publication a whole line states, perhaps followed by when the page
    changed: "March 3, 2025 11:42 AM GMT+4 Updated 2 hours ago" (as reuters.com heads a
    story, and a copy of its page keeps it), "12:15 04.07.2024 (обновлено: 13:40
    04.07.2024)": the stamp before "Updated" (the page changed after it was published, so
    that one is the publication's).  None when the line opens with when the page changed
    ("Updated 4:17 AM GMT+4, April 23, 2025" says no publication), or is anything else."""
    if len(line.strip()) > MOST_STAMP:
        return None
    stamp = parse_stamp(line)
    if stamp is not None or says_changed(line):
        return stamp
    before = before_changed(line)
    return parse_stamp(before) if before and before != line.strip() else None


#: What parts the items of a page's line of metadata ("2025年04月24日05:45 | 来源：人民网").
_BAR = re.compile(r"\s*[|｜丨]\s*")


#: Who published the page, or what else a line says, after its stamp: "Published on
#: 24/04/2025 by thediplomat.com — Exported from wallabag on 27/04/2025".
_WHO_AFTER = re.compile(r"\s+(?:by|par|von|por|—|–|·)\s+", re.IGNORECASE)


def find_published_stamp(text: str) -> Stamp | None:
    """The stamp a text holding more states: after a label saying when the page was
    published (a byline before it, when the page changed or who published it after it), or
    as one of the items of a line parted by bars."""
    for m in _LABELLED.finditer(text):
        said = m[0].strip(" ,;|")
        stamp = parse_stamp(said) or parse_stamp(_WHO_AFTER.split(said, maxsplit=1)[0])
        if stamp is not None:
            return stamp
    items = _BAR.split(text)
    if len(items) < 2:
        return None
    # an item may say when the page changed after when it was published: "23.04.2025 -
    # Update : 23.04.2025"
    return next((s for item in items if (s := parse_stamp(before_changed(item)))), None)


#: A day with slashes: day first in Europe (24/04/2025), month first in the United States
#: (04/24/2025); read only when the numbers tell which ("04/05/2025" may be either).
_SLASHED = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})")


def parse_day(text: str) -> str | None:
    """``YYYY-MM-DD`` for a text that is exactly one written-out day, else None."""
    for form in _DATE_FORMS:
        m = form.fullmatch(text.strip())
        if m is not None:
            groups = m.groupdict()
            if groups.get("sh"):
                return iso_date(m["y"], _SHORT_MONTHS[m["sh"].casefold()], m["d"])
            return iso_date(m["y"], month_in(groups, "mn", "on", "m"), m["d"])
    slashed = _SLASHED.fullmatch(text.strip())
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
        return ZONES.get(groups.get("abbr") or "")
    sign, digits = tz[0], tz[1:].replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    return f"{sign}{int(hours):02d}:{int(minutes):02d}"


#: A day as machines write it, in an attribute, a URL or the text: ``2025-04-23``.
_ISO_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")
#: A label before a stamp ("Updated:", "Stand:", "Last updated:", "Дата:").
_STAMP_LABEL = re.compile(r"^[^\W\d][^:：\d]{0,30}[:：]\s*")
_TAG_OR_TEXT = re.compile(r"<[^>]*>|[^<]+")
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


def _days_on(line: str) -> list[str]:
    """The days a line of a capture shows, in its order: in a tag's attributes, written for
    machines (``content="2025-04-23T16:47:02+02:00"``), or in a text between the tags as
    short as a stamp (a sentence of the text, "relations established on January 3, 1992",
    says no day of the capture's)."""
    days: list[str] = []
    for part in _TAG_OR_TEXT.findall(line):
        if part.startswith("<"):
            days += [d for m in _ISO_DAY.finditer(part) if (d := iso_date(m["y"], m["m"], m["d"]))]
            continue
        said = _STAMP_LABEL.sub("", part.strip())
        if not said or len(said) > _STAMP_LINE:
            continue
        stamp = parse_stamp(said) or parse_published(said) or find_published_stamp(said)
        iso = _ISO_DAY.search(said)
        if stamp is not None:
            days.append(stamp.date)
        elif iso is not None and (day := iso_date(iso["y"], iso["m"], iso["d"])):
            days.append(day)
    return days
