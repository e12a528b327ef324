"""Partial and uncertain dates, after the Extended Date/Time Format (EDTF, ISO 8601-2).

The archive states a date with exactly the precision its source supports.
Supported forms (a subset of EDTF levels 0-2):

=====================  ==========================================
``1992-04-02``         a day                    "2 April 1992"
``2019-04``            a month                  "April 2019"
``2016``               a year                   "2016"
``2014~`` ``2014?``    approximate / uncertain  "c. 2014", "2014?"
``2019/2023``          an interval              "2019–2023"
``2019/..``            an open-ended interval   "2019 onwards"
``[..2019-04]``        one day, on or before    "by April 2019"
``[2025-04-21..]``     one day, on or after     "on or after 21 April 2025"
=====================  ==========================================

A year is shown as a year, never as 1 January.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .patterns import later

Precision = Literal["year", "month", "day"]
SpecKind = Literal["single", "interval", "before", "after"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: Month names as running text writes them: in full, or cut short ("Sept.", "Apr").
MONTH_NUMBERS: dict[str, int] = {
    **{name.casefold(): n for n, name in enumerate(MONTHS, start=1)},
    **{name[:3].casefold(): n for n, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
#: A regular-expression fragment matching one month name (match case-insensitively
#: only where lower-case month names are wanted; "may" is also a verb).
#: Words just before a date that make it approximate ("circa 2015", "c. 1920", "around
#: 2010", "about 2008", "approximately 2012", "roughly 2000"; "около 2010 года", "примерно в
#: 2010 году", "vers 2010", "environ", "um 2010", "etwa", "hacia 2010", "alrededor de",
#: "cerca de", "intorno al 2010", "por volta de 2010", "yaklaşık", "təxminən"), and the
#: space after them: a pattern to be anchored after it, where the date begins.
APPROXIMATELY = (
    r"(?<![^\W\d_])(?:[Cc]irca|[Cc]\.|[Cc]a\.|[Aa]round|[Aa]bout|[Aa]pproximately|[Rr]oughly"
    r"|[Ss]ome\s*time\s+around|in\s+or\s+around"
    r"|[Оо]коло|[Пп]римерно|[Пп]риблизительно|[Vv]ers|[Ee]nviron|[Aa]ux\s+alentours\s+de"
    r"|[Uu]m|[Ee]twa|[Uu]ngefähr|[Zz]irka|[Hh]acia|[Aa]lrededor\s+de|[Aa]proximadamente"
    r"|[Cc]erca\s+de|[Ee]n\s+torno\s+a|[Ii]ntorno\s+al|[Pp]or\s+volta\s+de|[Ee]m\s+torno\s+de"
    r"|[Yy]aklaşık|[Tt]əxminən)"
    # a preposition or article between: "around the year 2010", "примерно в 2010"
    r"(?:\s+(?:the\s+year|in|в|en|in\s+the\s+year))?\s+"
)

MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)


# --- days in numbers ---------------------------------------------------------------------

#: The regions where English writes a day in numbers month first (04/22/2025): the United
#: States, the Philippines, and the Pacific islands the United States' usage rules; Canada
#: writes either.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi"})
_EITHER_REGIONS = frozenset({"ca"})
#: The languages that write it day first (22/04/2025) wherever they are written (English
#: is not among them, nor those that write the year first: Chinese, Japanese, Korean,
#: Hungarian, Lithuanian, Swedish, Persian).
_DAY_FIRST_LANGUAGES = frozenset(
    "ru az tr fr de es it pt uk be kk uz ky tg ka hy ro pl cs sk nl el bg sr hr bs sl mk sq"  # noqa: SIM905
    " lv et fi da no nb nn is ar he id ms vi".split()
)


def numeric_order(language: str) -> str:
    """How an article in ``language`` (a BCP 47 tag) orders a day written in numbers with
    its year last: ``dmy`` in a language that always writes it day first (``ru``, ``fr``)
    and in English of a region that does (``en-GB``, ``en-IN``), ``mdy`` in English of one
    that writes it month first (``en-US``), else ``""``: its order unknown (``en`` with no
    region, which may be British or American; ``en-CA``; ``zh``)."""
    primary, *rest = language.lower().split("-")
    if primary in _DAY_FIRST_LANGUAGES:
        return "dmy"
    regions = [part for part in rest if len(part) == 2 or part.isdigit()]
    if primary != "en" or not regions or regions[0] in _EITHER_REGIONS:
        return ""
    return "mdy" if regions[0] in _MONTH_FIRST_REGIONS else "dmy"


#: A day in numbers, its year last, that its numbers alone may not say the order of:
#: "04/05/2025", "04-05-2025" (see :func:`in_order`).
_NUMERIC_DAY = later(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/-])"
)


def in_order(text: str, order: str) -> str:
    """``text`` with its first day in numbers whose numbers are both 12 or less
    ("04/05/2025") written ``YYYY-MM-DD`` as ``order`` ("dmy", "mdy": see
    :func:`numeric_order`) reads it; ``text`` as it is with no order or no such day."""
    m = _NUMERIC_DAY().search(text) if order else None
    if m is None or int(m["a"]) > 12 or int(m["b"]) > 12:
        return text
    day, month = (m["a"], m["b"]) if order == "dmy" else (m["b"], m["a"])
    return f"{text[: m.start()]}{m['y']}-{int(month):02d}-{int(day):02d}{text[m.end() :]}"


# --- digits of other scripts -------------------------------------------------------------

#: Chinese numerals, as a year writes them digit by digit ("二〇二五年") and a month or a
#: day with ten ("十二月", "二十二日").
_HAN_DIGITS = "〇零一二三四五六七八九"
#: The numerals a day written in Chinese numerals is made of (``二〇二五年四月二十二日``).
HAN_NUMERALS = _HAN_DIGITS + "十"
#: A run of Chinese numerals before 年, 月, 日 or 号 (a run's first numeral only: linear).
_HAN_NUMBER = later(rf"(?<![{_HAN_DIGITS}十])[{_HAN_DIGITS}十]{{1,4}}(?=[年月日号號])")


def _han_digit(numeral: str) -> int:
    return max(0, _HAN_DIGITS.index(numeral) - 1)  # 〇 and 零 are 0


def _han_value(run: str, unit: str) -> str | None:
    """The digits a run of Chinese numerals before ``unit`` writes: a year digit by digit
    ("二〇二五" before 年: 2025), a month (1 to 12) or a day (1 to 31) with ten ("十二", "二十
    二"); None for any other (a count: "十年", ten years, is no year)."""
    if unit == "年":
        if len(run) != 4 or "十" in run:
            return None
        return "".join(str(_han_digit(c)) for c in run)
    tens, ten, units = run.partition("十")
    if ten:
        if len(tens) > 1 or len(units) > 1 or "〇" in run or "零" in run:
            return None
        value = (_han_digit(tens) if tens else 1) * 10 + (_han_digit(units) if units else 0)
    elif len(run) == 1:
        value = _han_digit(run)
    else:
        return None
    return str(value) if 1 <= value <= (12 if unit == "月" else 31) else None


def normalised_digits(sentence: str) -> tuple[str, list[int] | None]:
    """``sentence`` with its digits of other scripts in ASCII, and Chinese numerals before
    年, 月, 日 (see :func:`_han_value`) in digits; with, when that changed its length, where
    each of its characters (and its end) was in ``sentence``."""
    text = sentence
    if not sentence.isascii():
        text = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in sentence)
    if not any(c in text for c in _HAN_DIGITS + "十"):
        return text, None
    out: list[str] = []
    where: list[int] = []
    last = 0
    for m in _HAN_NUMBER().finditer(text):
        value = _han_value(m[0], text[m.end()])
        if value is None:
            continue
        out.append(text[last : m.start()])
        where.extend(range(last, m.start()))
        out.append(value)
        where.extend([m.start()] * len(value))
        last = m.end()
    out.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(out), where


#: Japan's eras: the Gregorian year before each's first, and its first and last days
#: ("令和7年" is 2025; a day of "令和元年4月" was still Heisei's).
JAPANESE_ERAS = {
    "令和": (2018, dt.date(2019, 5, 1), dt.date.max),
    "平成": (1988, dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    "昭和": (1925, dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
}

#: The Solar Hijri calendar's (Iran's, Afghanistan's) months, in Persian, Farvardin first.
SOLAR_HIJRI_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
#: The years of the Solar Hijri calendar (jalaali-js's breaks, after Borkowski) at which its
#: cycle of leap years changes: the arithmetic that follows them gives the Iranian
#: calendar's days, which astronomy sets, for the years 1 to 3177.
_BREAKS = (
    -61,
    9,
    38,
    199,
    426,
    686,
    756,
    818,
    1111,
    1181,
    1210,
    1635,
    2060,
    2097,
    2192,
    2262,
    2324,
    2394,
    2456,
    3178,
)


def solar_hijri(year: int, month: int, day: int) -> str | None:
    """The Gregorian ``YYYY-MM-DD`` of a Solar Hijri day (3 Ordibehesht 1404: 2025-04-23);
    None for no such day, or a year outside 1300 to 1499."""
    if not (1300 <= year <= 1499 and 1 <= month <= 12):
        return None  # the year first: a leap year's arithmetic runs past 9999 ('۹۹۹۹')
    last = 31 if month <= 6 else 30 if month <= 11 else 30 if _solar_leap(year) else 29
    if not 1 <= day <= last:
        return None
    first = dt.date(year + 621, 3, _nowruz(year))
    offset = (month - 1) * 31 - (month // 7) * (month - 7) + day - 1
    return (first + dt.timedelta(days=offset)).isoformat()


def _nowruz(year: int) -> int:
    """The day of March on which the Solar Hijri ``year`` begins."""
    leap_j, start, jump = -14, _BREAKS[0], 0
    for end in _BREAKS[1:]:
        jump = end - start
        if year < end:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        start = end
    n = year - start
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gy = year + 621
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    return 20 + leap_j - leap_g


def _solar_leap(year: int) -> bool:
    """Whether the Solar Hijri ``year`` has 366 days (its Esfand 30)."""
    this = dt.date(year + 621, 3, _nowruz(year))
    return (dt.date(year + 622, 3, _nowruz(year + 1)) - this).days == 366


def solar_hijri_days(month: int, day: int, near: dt.date) -> list[tuple[int, dt.date]]:
    """The Solar Hijri years that may hold the Gregorian days around ``near`` whose ``month``
    has the ``day`` (a dateline's "۴ اردیبهشت", its year not written), each with that
    day in the Gregorian calendar."""
    out = []
    for year in (near.year - 622, near.year - 621, near.year - 620):
        when = solar_hijri(year, month, day)
        if when is not None:
            out.append((year, dt.date.fromisoformat(when)))
    return out


def solar_hijri_month(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """The first and last Gregorian days of the Solar Hijri ``year``'s ``month`` (1 is
    Farvardin: 1404's is 21 March to 20 April 2025), or None where :func:`solar_hijri`
    gives no day."""
    first = solar_hijri(year, month, 1)
    if first is None:
        return None
    length = 31 if month <= 6 else 30 if month <= 11 or _solar_leap(year) else 29
    day = dt.date.fromisoformat(first)
    return day, day + dt.timedelta(days=length - 1)


def month_number(name: str) -> int:
    """The number of a month named as :data:`MONTH_PATTERN` matches it."""
    return MONTH_NUMBERS[name.rstrip(".").casefold()]


#: The days of the week, Monday first, as each language names one on its own (a stamp's
#: "Mittwoch, 23. April 2025", "Среда, 23 апреля"; "le mardi 22 avril" in running text): the
#: stamps' and ``suggest``'s.  Persian's are written with the zero-width non-joiner of their
#: standard spelling ("سه‌شنبه"), also met with a space or with neither.
WEEKDAY_NAMES: dict[str, tuple[str, ...]] = {
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": (
        "segunda-feira",
        "terça-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "sábado",
        "domingo",
    ),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "tr": ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"),
    "az": ("bazar ertəsi", "çərşənbə axşamı", "çərşənbə", "cümə axşamı", "cümə", "şənbə", "bazar"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
    "fa": ("دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنج\u200cشنبه", "جمعه", "شنبه", "یک\u200cشنبه"),
}
#: Other spellings of a day's name (its number, Monday 0): German's other Saturday, Arabic's
#: Monday with its hamza.
WEEKDAY_VARIANTS = {"sonnabend": 5, "الإثنين": 0}
#: Russian's and Ukrainian's days as they are named after "в", "во", "у" (the accusative:
#: "в среду", "у п'ятницю"), Monday first.
WEEKDAYS_AFTER_ON = {
    "ru": ("понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"),
    "uk": ("понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"),
}


#: Ukrainian's months as a day's (the genitive: "23 квітня 2025"), in the stamps' months too.
UKRAINIAN_MONTHS = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
)
#: Uzbek's months in the Latin script ("6-iyun", "23 sentabr 2025"): the stamps' too.
UZBEK_MONTHS = "yanvar fevral mart aprel may iyun iyul avgust sentabr oktabr noyabr dekabr"
#: Arabic's months as Egypt and the Gulf name them ("23 أبريل 2025"): the stamps' too.
ARABIC_MONTHS = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
#: Their other spellings: April without its hamza or with it below, June's and July's in -يه.
ARABIC_SPELLINGS = {"ابريل": 4, "إبريل": 4, "يونيه": 6, "يوليه": 7}
#: Month names in other languages, as news sites' date stamps and datelines write them (a
#: day's month: the genitive, in Russian; its month alone, in the nominative, and "in" a
#: month, the prepositional, in running text); also read in the running text of an article in
#: another language than English (see :mod:`archive_site.suggest`).
_LANGUAGES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
    # Ukrainian: a day's month (the genitive), a month alone, "in" it ("у травні")
    UKRAINIAN_MONTHS,
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад "
    "грудень",
    "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",
    "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
    # Uzbek's in the Latin script, where they are not Azerbaijani's ("23 sentabr 2025")
    UZBEK_MONTHS,
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    # Arabic, as Egypt and the Gulf name them and as the Levant and Iraq do ("15 نيسان",
    # "تشرين الأول": a name of two words is written with "_" between them here)
    ARABIC_MONTHS,
    "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول",
    # Georgian, as a day's month and its genitive ("23 აპრილი 2025", "23 აპრილის")
    "იანვარი თებერვალი მარტი აპრილი მაისი ივნისი ივლისი აგვისტო სექტემბერი ოქტომბერი ნოემბერი "
    "დეკემბერი",
    "იანვრის თებერვლის მარტის აპრილის მაისის ივნისის ივლისის აგვისტოს სექტემბრის ოქტომბრის "
    "ნოემბრის დეკემბრის",
)
#: As their sites cut them short, where that is not the English short name.
_SHORT = {
    **dict.fromkeys(("janv", "jänner", "янв"), 1),
    **dict.fromkeys(("févr", "фев"), 2),
    **dict.fromkeys(("mrz", "мар"), 3),
    **dict.fromkeys(("avr", "апр"), 4),
    "июн": 6,
    **dict.fromkeys(("juil", "июл"), 7),
    "авг": 8,
    **dict.fromkeys(("sept", "сен"), 9),
    **dict.fromkeys(("okt", "окт"), 10),
    "ноя": 11,
    **dict.fromkeys(("dez", "déc", "дек"), 12),
}


def _fold(name: str) -> str:
    """A month name as the table keys it: case folded, dotted and dotless i alike (the
    Turkish and Azerbaijani İ and ı; a regular expression that ignores case matches them),
    the words of a name of two one space apart ("تشرين  الأول")."""
    return " ".join(name.casefold().replace("i\u0307", "i").replace("ı", "i").split())


def _names(line: str) -> list[str]:
    """A line of :data:`_LANGUAGES`'s names, a name of two words ("تشرين_الأول") as written."""
    return [name.replace("_", " ") for name in line.split()]


_ALL_NAMES = [name for names in _LANGUAGES for name in _names(names)]
_OTHER_MONTHS: dict[str, int] = {
    _fold(name): n
    for name, n in [
        *((name, n) for names in _LANGUAGES for n, name in enumerate(_names(names), start=1)),
        *_SHORT.items(),
        *ARABIC_SPELLINGS.items(),
    ]
}
#: A regular-expression fragment matching one of those names (match it ignoring case; the
#: words of a name of two with any white space between them).
OTHER_MONTH_PATTERN = (
    "(?:"
    + "|".join(
        sorted(
            {
                re.escape(w).replace("\\ ", r"\s+")
                for w in (*_ALL_NAMES, *_SHORT, *ARABIC_SPELLINGS)
            },
            key=lambda m: (-len(m), m),
        )
    )
    + ")"
)


def other_month_number(name: str) -> int:
    """The number of a month named as :data:`OTHER_MONTH_PATTERN` matches it."""
    return _OTHER_MONTHS[_fold(name.rstrip("."))]


#: The languages whose months :func:`months_stated` reads, by their primary subtags.
MONTHS_READ_IN = frozenset("en fr de es it pt ru az tr zh ja ko".split())  # noqa: SIM905
_ENGLISH_MONTH = later(rf"\b{MONTH_PATTERN}(?!\w)")
#: Azerbaijani's months of four letters or fewer with an ending: "martın 12-də", "iyunda".
_AZERBAIJANI_MONTH = later(
    r"(?<!\w)(mart|may|iyun|iyul)(?:ın|in|un|ün|da|də|dan|dən|a|ə|ı|i|u|ü)(?!\w)"
)  # (in lower case, as Azerbaijani writes them: "Martin" is no March)
#: Another language's month name, whole or, five letters or more, with an ending
#: (Azerbaijani "aprelin", Turkish "Nisan'da"); "Mart" is no "Martin".
_LONG_OTHER_MONTHS = "|".join(
    sorted({re.escape(w) for w in _ALL_NAMES if len(w) >= 5 and " " not in w}, key=len)[::-1]
)
_OTHER_MONTH = later(
    rf"(?<!\w)(?:{OTHER_MONTH_PATTERN}(?!\w)|(?:{_LONG_OTHER_MONTHS})(?=\w))", re.I
)
#: Arabic's month names that are also common words: "آب", August, is Persian's "water";
#: "مارس", March, is "practised", a verb.
_ALSO_WORDS = frozenset(("آب", "مارس"))
_NUMBER_OR_IN_BEFORE = later(r"(?:\d|(?<![^\W\d_])في)\s*$")
_NUMBER_AFTER = later(r"\s*\d")


def _dated(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` of ``text`` is a date's month: after a number or
    "في" (in), or before a number ("15 آب", "في مارس", "مارس 2025")."""
    before = text[max(0, start - 8) : start]
    return bool(_NUMBER_OR_IN_BEFORE().search(before) or _NUMBER_AFTER().match(text, end))


_NUMBERED_MONTH = later(
    r"(?<!\d)\d{4}[-./](?P<a>\d{1,2})[-./]\d{1,2}(?!\d)"
    r"|(?<!\d)\d{1,2}\.(?P<b>\d{1,2})\.(?:\d{4}|\d{2})(?!\d)"
    r"|(?<!\d)(?P<s1>\d{1,2})/(?P<s2>\d{1,2})/\d{4}(?!\d)"  # either may be the month
    r"|(?<!\d)(?P<c>\d{1,2})\s*[月월]"
)


def states_month(text: str, month: int) -> bool:
    """Whether ``text`` names ``month`` (see :func:`months_stated`): by its English name
    first, which most quotes give (the other languages' names are many more patterns)."""
    if any(month_number(m[0]) == month for m in _ENGLISH_MONTH().finditer(text)):
        return True
    return month in months_stated(text)


def months_stated(text: str) -> set[int]:
    """The months a text names: by name (in English, capitalised; in the other languages
    of :data:`OTHER_MONTH_PATTERN`), in a date of numbers (``2023-06-15``, ``15.06.2023``),
    or in Chinese and Japanese (``6月``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # ３月: 3月
    found = {month_number(m[0]) for m in _ENGLISH_MONTH().finditer(text)}
    found |= {other_month_number(m[1]) for m in _AZERBAIJANI_MONTH().finditer(text)}
    # (not "may" in lower case, Azerbaijani's May and English's verb)
    found |= {
        other_month_number(m[0])
        for m in _OTHER_MONTH().finditer(text)
        if m[0] != "may" and (m[0] not in _ALSO_WORDS or _dated(text, m.start(), m.end()))
    }
    for m in _NUMBERED_MONTH().finditer(text):
        for number in (int(g) for g in (m["a"], m["b"], m["c"], m["s1"], m["s2"]) if g):
            if 1 <= number <= 12:
                found.add(number)
    return found


def month_in(groups: Mapping[str, str | None], english: str, other: str, number: str) -> int:
    """The month a regular expression's match names: by the group ``english`` (a name as
    :data:`MONTH_PATTERN` matches it), else ``other`` (:data:`OTHER_MONTH_PATTERN`), else
    ``number`` (its digits)."""
    if groups.get(english):
        return month_number(str(groups[english]))
    if groups.get(other):
        return other_month_number(str(groups[other]))
    return int(str(groups[number]))


_DATE = later(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?(?P<q>[?~%])?")
#: The years a date may fall in: the overview picture draws up to the start of the
#: year after a date, and an open interval sorts as if it ended after every real date.
MIN_YEAR, MAX_YEAR = 1, 9998


class DateError(ValueError):
    """A date string that is not in a supported EDTF form."""


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, perhaps uncertain or approximate."""

    year: int
    month: int | None = None
    day: int | None = None
    uncertain: bool = False
    approximate: bool = False

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str:
        """The date without qualifiers: valid in HTML ``<time datetime>`` and schema.org."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def edtf(self) -> str:
        qualifier = ""
        if self.uncertain and self.approximate:
            qualifier = "%"
        elif self.uncertain:
            qualifier = "?"
        elif self.approximate:
            qualifier = "~"
        return self.iso + qualifier

    def display(self) -> str:
        if self.month is None:
            text = str(self.year)
        elif self.day is None:
            text = f"{MONTHS[self.month - 1]} {self.year}"
        else:
            text = f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        return text

    def key(self) -> tuple[int, int, int]:
        """Sort position: a year or month without finer detail sorts after the dated days in it."""
        return (self.year, self.month or 13, self.day or 32)

    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    def last_day(self) -> tuple[int, int, int]:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)


def outside_years(year: int, text: str) -> str | None:
    """What is wrong with ``year`` (of the date written ``text``): None when the site can
    show and sort it."""
    if MIN_YEAR <= year <= MAX_YEAR:
        return None
    return (
        f"year {year:04d} is outside the years the site can show and sort "
        f"(years {MIN_YEAR} to {MAX_YEAR}), in {text!r}"
    )


#: Dates as people write them, which the content's fields do not take: a day and a month in
#: either order with the year after them (``21/04/2025``, ``21.04.2025``), the year first
#: with other separators or digits left out (``2025/04/21``, ``2025-4-21``), or a month by
#: its English name (``April 2025``, ``21 April 2025``, ``April 21, 2025``).
_NUMBERS_YEAR_LAST = later(r"(?P<a>[0-9]{1,2})[./-](?P<b>[0-9]{1,2})[./-](?P<y>[0-9]{4})")
_NUMBERS_YEAR_FIRST = later(r"(?P<y>[0-9]{4})[./-](?P<m>[0-9]{1,2})(?:[./-](?P<d>[0-9]{1,2}))?")
_NAMED_MONTH = later(
    rf"(?:(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_PATTERN})"
    r"(?:\s+(?P<d2>[0-9]{1,2})(?:st|nd|rd|th)?,?)?,?\s+(?P<y>[0-9]{4})",
    re.IGNORECASE,
)


def _iso(year: int, month: int, day: int | None) -> str | None:
    """``year``, ``month`` and ``day`` written YYYY-MM-DD (YYYY-MM without a day), or None
    when no such day is."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is not None and day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _day_and_month(a: int, b: int, year: int) -> str | None:
    """How to write the date ``a``/``b``/``year``: the day first as most of the world writes
    it, or the month first when only that reading is a date; both when both are."""
    day_first, month_first = _iso(year, b, a), _iso(year, a, b)
    if day_first and month_first and day_first != month_first:
        return f"{day_first} if {a} is the day, {month_first} if it is the month"
    return day_first or month_first


def written_as_people_do(text: str) -> bool:
    """Whether ``text`` is a date in one of the forms :func:`iso_suggestion` reads (a day
    that does not exist too: ``31/04/2025``), not in the content's own (``2024-13``)."""
    text = text.strip()
    if _DATE().fullmatch(text):
        return False
    patterns = (_NUMBERS_YEAR_LAST, _NUMBERS_YEAR_FIRST, _NAMED_MONTH)
    return any(pattern().fullmatch(text) for pattern in patterns)


def iso_suggestion(text: str) -> str | None:
    """How to write ``text``, a date in a form people write but the content does not take,
    as YYYY-MM-DD (or YYYY-MM); None when it is no such date."""
    text = text.strip()
    m = _NUMBERS_YEAR_LAST().fullmatch(text)
    if m:
        return _day_and_month(int(m["a"]), int(m["b"]), int(m["y"]))
    m = _NUMBERS_YEAR_FIRST().fullmatch(text)
    if m:
        return _iso(int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else None)
    m = _NAMED_MONTH().fullmatch(text)
    if m and not (m["d1"] and m["d2"]):
        day = m["d1"] or m["d2"]
        return _iso(int(m["y"]), month_number(m["month"]), int(day) if day else None)
    return None


def with_suggestion(message: str, text: str) -> str:
    """``message`` on the date ``text``, with how to write it when it is a date written as
    people write them (``21/04/2025``: "write it 2025-04-21")."""
    suggestion = iso_suggestion(text)
    return f"{message}: write it {suggestion}" if suggestion else message


#: EDTF's seasons, written as months 21 to 24 (``2025-21``: spring 2025).
_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


def parse_partial(text: str) -> PartialDate:
    m = _DATE().fullmatch(text)
    if not m:
        raise DateError(
            f"expected YYYY, YYYY-MM or YYYY-MM-DD (optionally ending in ?, ~ or %), got {text!r}"
        )
    year = int(m["y"])
    outside = outside_years(year, text)
    if outside is not None:
        raise DateError(outside)
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"]) if m["d"] else None
    if month is not None and not 1 <= month <= 12:
        season = _SEASONS.get(month) if day is None else None
        raise DateError(
            f"month {month:02d} does not exist in {text!r}"
            + (
                f" (EDTF's {season} {year}, which the site does not show: give the year, or "
                f"the months the sources state as an interval, {year}-03/{year}-05)"
                if season
                else ""
            )
        )
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(
                f"day {day:02d} does not exist in {MONTHS[month - 1]} {year} ({text!r})"
            )
    q = m["q"]
    return PartialDate(year, month, day, uncertain=q in ("?", "%"), approximate=q in ("~", "%"))


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A milestone's date: one partial date, an interval, or a bound ("on or before")."""

    kind: SpecKind
    start: PartialDate | None
    end: PartialDate | None

    @property
    def edtf(self) -> str:
        if self.kind == "single":
            assert self.start is not None
            return self.start.edtf
        if self.kind == "before":
            assert self.end is not None
            return f"[..{self.end.edtf}]"
        if self.kind == "after":
            assert self.start is not None
            return f"[{self.start.edtf}..]"
        left = self.start.edtf if self.start else ".."
        right = self.end.edtf if self.end else ".."
        return f"{left}/{right}"

    @property
    def anchor(self) -> PartialDate:
        """The date this spec is filed under on a timeline."""
        if self.kind == "before":
            assert self.end is not None
            return self.end
        if self.start is not None:
            return self.start
        assert self.end is not None
        return self.end

    @property
    def precision(self) -> Precision:
        return self.anchor.precision

    @property
    def is_state(self) -> bool:
        """Known only by an end bound ("by 21 April 2025": "already operating", "to date"):
        a state as of that date, not an event of its year."""
        return self.kind == "before"

    @property
    def year(self) -> int:
        return self.anchor.year

    def sort_key(self) -> tuple[int, int, int, int, tuple[int, int, int]]:
        rank = {"before": 0, "single": 1, "interval": 2, "after": 3}[self.kind]
        end = self.end.key() if self.end is not None else (MAX_YEAR + 1, 13, 32)
        return (*self.anchor.key(), rank, end)

    def years(self) -> tuple[int, ...]:
        """The calendar years this date falls in (every year of a closed interval)."""
        if self.kind == "interval" and self.start is not None and self.end is not None:
            return tuple(range(self.start.year, self.end.year + 1))
        return (self.anchor.year,)

    def display(self) -> str:
        if self.kind == "single":
            assert self.start is not None
            return self.start.display()
        if self.kind == "before":
            assert self.end is not None
            return f"by {self.end.display()}"
        if self.kind == "after":
            assert self.start is not None
            return f"{self._on_or_after()}{self.start.display()}"
        if self.start is None:
            assert self.end is not None
            return f"until {self.end.display()}"
        if self.end is None:
            return f"{self.start.display()} onwards"
        return f"{self.start.display()}{self._separator()}{self.end.display()}"

    def _on_or_after(self) -> str:
        """How a lower bound reads: EDTF's ``[2025-04-21..]`` holds the day itself."""
        assert self.start is not None
        return "on or after " if self.start.precision == "day" else "in or after "

    def _separator(self) -> str:
        """An en dash, closed up between two plain years ("2019–2023"), spaced otherwise."""
        a, b = self.start, self.end
        plain = all(
            d is not None and d.precision == "year" and not (d.uncertain or d.approximate)
            for d in (a, b)
        )
        return "–" if plain else " – "

    def parts(self) -> tuple[tuple[str, PartialDate | None], ...]:
        """Display pieces for templates: literal text and dates to wrap in ``<time>``."""
        if self.kind == "single":
            return (("", self.start),)
        if self.kind == "before":
            return (("by ", self.end),)
        if self.kind == "after":
            return ((self._on_or_after(), self.start),)
        if self.start is None:
            return (("until ", self.end),)
        if self.end is None:
            return (("", self.start), (" onwards", None))
        return (("", self.start), (self._separator(), self.end))


def parse_edtf(text: str) -> DateSpec:
    """Parse the supported EDTF forms; raises :class:`DateError` with a readable reason (for
    a date written as people write them, ``21/04/2025``, ``April 2025``, how to write it)."""
    text = text.strip()
    try:
        return _parse_edtf(text)
    except DateError:
        if not written_as_people_do(text):
            raise
        message = (
            f"expected YYYY, YYYY-MM or YYYY-MM-DD (optionally ending in ?, ~ or %), got {text!r}"
        )
        raise DateError(with_suggestion(message, text)) from None


def _parse_edtf(text: str) -> DateSpec:
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1]
        if inner.startswith("..") and not inner.endswith(".."):
            return DateSpec("before", None, parse_partial(inner[2:]))
        if inner.endswith("..") and not inner.startswith(".."):
            return DateSpec("after", parse_partial(inner[:-2]), None)
        raise DateError(
            f"expected [..YYYY-MM-DD] (on or before) or [YYYY-MM-DD..] (on or after), got {text!r}"
        )
    if "/" in text:
        left, _, right = text.partition("/")
        if not left or not right:
            raise DateError(
                f"interval {text!r} has no {'start' if not left else 'end'}: write '..' for "
                f"an end not known ({(left or '..')}/{(right or '..')})"
            )
        start = None if left == ".." else parse_partial(left)
        end = None if right == ".." else parse_partial(right)
        if start is None and end is None:
            raise DateError("an interval needs at least one known end, got '../..'")
        if start is not None and end is not None and start.first_day() > end.last_day():
            raise DateError(f"interval {text!r} ends before it starts")
        return DateSpec("interval", start, end)
    return DateSpec("single", parse_partial(text), None)
