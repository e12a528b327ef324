"""Where an outlet's page says it is, and the UTC offsets its clocks keep there.

A page that gives its time in UTC (``2025-04-23T21:30:00Z``) and prints none of its own
gives a true moment, but not the outlet's day: in Tokyo that moment is 06:30 on 24 April,
and "on Thursday" in its text is Thursday the 24th.  :func:`outlet_offsets` says which
offsets the outlet's clocks may keep, from what its page says of where it is: its
address's country (``.jp``, ``.az``), its language's region (``en-IN``), or a language
written in one country's zones (``ja``, ``az``); never from English, Spanish, French,
Arabic, Portuguese, Russian with no region: each spoken across many zones.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..config import primary_language

#: The offsets from UTC, in hours, that a country's clocks keep, summer time included
#: (the least and the most; a country over several zones, all between).
_COUNTRY_OFFSETS: dict[str, tuple[float, float]] = {
    "jp": (9, 9),
    "kr": (9, 9),
    "cn": (8, 8),
    "hk": (8, 8),
    "mo": (8, 8),
    "tw": (8, 8),
    "sg": (8, 8),
    "my": (8, 8),
    "ph": (8, 8),
    "mn": (7, 8),
    "vn": (7, 7),
    "th": (7, 7),
    "kh": (7, 7),
    "la": (7, 7),
    "id": (7, 9),
    "mm": (6.5, 6.5),
    "bd": (6, 6),
    "kg": (6, 6),
    "np": (5.75, 5.75),
    "in": (5.5, 5.5),
    "lk": (5.5, 5.5),
    "pk": (5, 5),
    "kz": (5, 5),
    "uz": (5, 5),
    "tj": (5, 5),
    "tm": (5, 5),
    "af": (4.5, 4.5),
    "az": (4, 4),
    "ge": (4, 4),
    "am": (4, 4),
    "ae": (4, 4),
    "om": (4, 4),
    "ir": (3.5, 3.5),
    "tr": (3, 3),
    "sa": (3, 3),
    "qa": (3, 3),
    "kw": (3, 3),
    "bh": (3, 3),
    "iq": (3, 3),
    "by": (3, 3),
    "ru": (2, 12),
    "ua": (2, 3),
    "il": (2, 3),
    "eg": (2, 3),
    "au": (8, 11),
    "nz": (12, 13),
}
#: Languages written in one country's zones (or in countries of the same offsets).
_LANGUAGE_COUNTRY = {
    "ja": "jp",
    "ko": "kr",
    "zh": "cn",
    "mn": "mn",
    "vi": "vn",
    "th": "th",
    "km": "kh",
    "lo": "la",
    "id": "id",
    "my": "mm",
    "bn": "bd",
    "ky": "kg",
    "ne": "np",
    "si": "lk",
    "ur": "pk",
    "kk": "kz",
    "uz": "uz",
    "tg": "tj",
    "tk": "tm",
    "ps": "af",
    "az": "az",
    "ka": "ge",
    "hy": "am",
    "fa": "ir",
    "tr": "tr",
    "uk": "ua",
    "he": "il",
    "be": "by",
}


def outlet_offsets(language: str, url: str | None) -> tuple[float, float] | None:
    """The least and the most UTC offsets (hours) an outlet's clocks may keep, as its page
    says where it is: its address's country code, else its language's region, else a
    language written in one country's zones; None when nothing says (``en``, a ``.com``)."""
    host = (urlsplit(url).hostname or "") if url else ""
    country = host.rpartition(".")[2].lower()
    if country in _COUNTRY_OFFSETS:
        return _COUNTRY_OFFSETS[country]
    _, *rest = language.lower().split("-")
    regions = [part for part in rest if len(part) == 2]
    if regions:
        return _COUNTRY_OFFSETS.get(regions[0])
    country = _LANGUAGE_COUNTRY.get(primary_language(language), "")
    return _COUNTRY_OFFSETS.get(country)


def where(language: str, url: str | None) -> str:
    """What said where the outlet is, for a suggestion's basis."""
    host = (urlsplit(url).hostname or "") if url else ""
    if host.rpartition(".")[2].lower() in _COUNTRY_OFFSETS:
        return f"its address, {host}"
    return f"its language, {language}"


def local_days(day: dt.date, time: str, language: str, url: str | None) -> tuple[dt.date, ...]:
    """The days a moment given in UTC (``day`` at ``time``, ``HH:MM``) is where the outlet
    is, when its page says where (see :func:`outlet_offsets`) and one of them is not the
    UTC day: 21:30 UTC is 24 April in Tokyo (``(24 April,)``); 22:30 UTC for a Russian
    address, 23 or 24 April.  Else none."""
    offsets = outlet_offsets(language, url)
    if offsets is None:
        return ()
    clock = dt.time.fromisoformat(time)
    minutes = clock.hour * 60 + clock.minute
    # (by the day's number, not a datetime: the calendar's last day plus hours overflowed)
    ordinals = {day.toordinal() + int((minutes + h * 60) // 1440) for h in offsets}
    last = dt.date.max.toordinal()
    days = tuple(dt.date.fromordinal(n) for n in sorted(ordinals) if 1 <= n <= last)
    return () if days in ((day,), ()) else days
