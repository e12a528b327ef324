"""Bylines: who a ``By ...`` line names, for the readers of wire copy and saved pages.

A byline is ``By`` and names (words opening with a capital, joined by commas,
"and" or "&"), perhaps followed by the writer's affiliation, which is not the
author: on a line of its own, in the agencies' style after names set in
capitals (``By AIDA SULTANOVA Associated Press``), or a news agency after a
comma (``By Aida Sultanova, Reuters``).

A credit line ends an agency's story: ``(Reporting by Nailia Bagirova in Baku;
Editing by Jane Roe)``.  It is not the story's text; its reporters (or, when it
names none, its writers) are the author when nothing else names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Furniture
from ..patterns import later
from ..text import INVISIBLE_RUN
from .agencies import AGENCIES, PLACE, agency_of
from .base import Block, Field, read_once
from .dateline import DATELINE
from .stamps import parse_stamp, says_changed

#: The small words within a name: "Thomas de Waal", "Ursula von der Leyen", "Mohammed bin
#: Salman", "Bashar al-Assad".
PARTICLE = (
    r"(?:de|da|di|du|del|della|dei|der|den|van|von|zu|bin|ibn|al|el|dos|das|do|ten|ter|la|le)"
)
_PARTICLE_WORD = later(PARTICLE)
#: A name's word opening with a small word and a hyphen: "al-Sharaa", "bin-Laden".
_PARTICLE_NAME = later(rf"{PARTICLE}-[^\W\d_][\w'’-]*")
#: Words of an institution or a desk, which a name's small words may join to a place or
#: a body ("Bureau de Moscou", "Ministère de la Défense", "Redacción de El País"): no name.
_INSTITUTION_WORDS = frozenset(
    (  # noqa: SIM905
        "пресс-служба bureau service services ministère ministry ministerio ministero "
        "ministerium département "
        "department agence agency rédaction redaktion redacción redazione redação office press "
        "presse prensa stampa imprensa desk team équipe equipe staff secrétariat secretariat "
        "direction dirección direzione embassy ambassade embajada"
    ).split()
)
#: "By" and names: words opening with a capital (initials and hyphens within), joined by
#: spaces, commas, "and" or "&": "By Aida Sultanova", "By J. R. Smith and Jane Roe", a
#: name's small words within ("By Thomas de Waal").
_BYLINE = later(
    r"^By\s+(?P<author>[A-Z][^\s,;:!?&]*(?:(?:\s*,\s*|\s+)(?:[A-Z][^\s,;:!?&]*|and|&"
    rf"|{PARTICLE}-[A-Z][^\s,;:!?&]*|{PARTICLE}(?=\s+(?:[A-Z]|{PARTICLE}\s)))){{0,11}})$"
)
#: "By" as French, German, Spanish and Portuguese, and Russian ("Автор:") write it; and the
#: labels "Author:" in the other languages of the archive's sources ("Müəllif:", "Yazar:",
#: Polish "Autorka:", Indonesian "Penulis:", Uzbek "Muallif:", Vietnamese "Tác giả:",
#: Armenian "Հեղինակ՝" (its comma, U+055D, as Armenian writes the colon after a label),
#: Georgian "ავტორი:", Hindi "लेखक:", Persian "نویسنده:"), with a colon, a comma (the BBC's
#: "Автор, Кирилл Кривошеев") or a space after them.
_OTHER_BY = later(
    r"^(?:Par|Von|Por|Автор|Авторы|Author|Authors|Auteur|Autor|Autore|Müəllif|Yazar|Автори"
    r"|Autorka|Autorzy|Penulis|Muallif|Tác\s+giả|Text|Texte|Testo|Texto|Текст|作者|记者|記者"
    r"|Հեղինակ|ავტორი|लेखक|نویسنده)"
    r"(?:\s*[:：,՝]\s*|\s+)(?=\S)"
)
#: Any other label of one word before names ("Photo: Jane Roe", "Editor: John Doe"): not
#: the author's, and so no author read.
_LABEL = later(r"^[^\W\d_]+\s*[:：]\s*(?=\S)")
#: Such a label after names, and what follows it: the names end there ("Author: Aigerim
#: Abilova Editor: Kairat Seitkali", the lines of one block; "Jane Roe Photo: John Doe";
#: the BBC's "Автор, Кирилл Кривошеев Должность, Би-би-си", a writer's role after a comma).
_LABEL_AFTER = later(
    r"\s+(?:[^\W\d_]+\s*[:：]|(?:Role|Position|Должность|Vəzifə|Görev|Unvan)\s*,)(?:\s|$).*$"
)
#: Words that join names in those languages besides "and" and "&".
_OTHER_JOINERS = frozenset({"et", "und", "y", "e", "и"})
#: What ends the names in an author element: a date or a place after a separator
#: ("Nino Kapanadze | 3 July 2024", "Claire Duval, 23 avril 2025", "Jane Roe — Baku"), a
#: social network's handle.
_AFTER_NAMES = later(
    r"\s*(?:[|·•—–]|,(?=\s*\d)|\s\d{1,2}[\s.]).*$|\s+in\s+[A-Z]\S*(?:\s+[A-Z]\S*)?$"
    r"|\s+@\w{1,30}$"  # an account's handle after its name ("Hikmet Hajiyev @HikmetHajy")
)
_MAX_NAME_WORDS = 8
#: A word in capitals, as agencies set their writers' names: "AIDA", "O'NEIL"; and an initial.
_CAPITALS = later(r"[A-Z][A-Z'-]*[A-Z]\.?")
_INITIAL = later(r"[A-Z]\.")
_JOINERS = ("and", "&")
_MAX_AFFILIATION_WORDS = 6


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline names: its writers (None when it names only a desk, "By Caspian Freight
    Wire staff"; the agency when it names only an agency, "By Reuters", as citations name
    it) and the news agency it names, if any (the text's origin)."""

    author: str | None
    agency: str | None = None


#: "By" with a colon after it, as some sites write it ("By: Vasif Huseynov"), or after
#: "Story" ("Story by Interfax", as MSN credits the outlet it copies).
_BY_COLON = later(r"^(?:By\s*:|Story\s+by)\s*(?=\S)")
#: A stamp after the names, parted by a bullet or a bar: "Story by Interfax • 18 July 2025".
#: (Tried only where a run of spaces begins, its spaces taken once: from each space of a run
#: of 10,000, its spaces divided every way, a search took 3 s.)
_STAMP_AFTER = later(r"(?<!\s)\s++[•·|]\s++(?P<stamp>[^•·|]+)$")
#: A byline's names and the writer's paper or agency in brackets after them, perhaps a stamp
#: after those, as People's Daily's English pages write it: "By Li Qiao (People's Daily)
#: 16:17, April 23, 2025" (the brackets the affiliation's line of agency copy).
_BRACKETED_AFTER = later(  # (what is matched not given back: a run of spaces once)
    r"(?P<names>By\s[^()]*+)\((?P<affiliation>[^()]{1,60})\)(?:\s++(?P<stamp>[^()]++))?"
)


def read_byline(lines: Sequence[str]) -> Byline | None:
    """What a byline block names, or None when the block is no byline (see
    :func:`_read_byline`)."""
    return _read_byline(tuple(lines)) if 1 <= len(lines) <= 2 else None


@read_once
def _read_byline(lines: tuple[str, ...]) -> Byline | None:
    """What a byline block names, or None when the block is no byline.

    The block is a ``By NAMES`` line, and perhaps a line of the writer's affiliation after
    it (``Associated Press``: a few words, no digit, not a sentence).  The affiliation is
    not the author: in the agencies' style (``By AIDA SULTANOVA Associated Press``, or with
    a comma) the names in capitals are the author, and the words after them are not; nor
    is a desk or an agency among the names ("By Jane Roe and Reuters staff", "By Staff
    Reporter": see :func:`writers`), but an agency named alone is.
    """
    if not 1 <= len(lines) <= 2 or (len(lines) == 2 and not _is_affiliation(lines[1])):
        return None
    lines = (_byline_head(lines[0]), *lines[1:])
    bracketed = _BRACKETED_AFTER().fullmatch(lines[0]) if len(lines) == 1 else None
    if (
        bracketed is not None
        and bracketed["stamp"] is None  # (a stamp after it is taken off above; words are not)
        and bracketed["affiliation"][:1].isupper()
        and _is_affiliation(bracketed["affiliation"])
    ):
        lines = (bracketed["names"].rstrip(), bracketed["affiliation"])  # "By Li Qiao (People's
        # Daily)": the brackets hold the affiliation's line
    other = _OTHER_BY().match(lines[0])
    if other is not None:  # "Par Claire Duval", "Автор: Иван Петров": a line of its own
        names = _names_alone(lines[0][other.end() :], labelled=True) if len(lines) == 1 else None
        return None if names is None else Byline(names)
    if not lines[0].startswith("By "):
        return None
    names, agency, desks = writers(lines[0][3:])
    nobody = _nobody(names, agency, desks)
    if nobody is not None:
        return nobody
    by = _BYLINE().match(f"By {names}")
    if by is None or _institution(names.split()):
        return None
    author, after = _names_in_capitals(_without_agency(by["author"]))
    if len(lines) == 2:  # the affiliation's line: "Associated Press" is the text's origin
        after = after or lines[1]
    return Byline(author, agency or _agency_alone(after))


def _names_in_capitals(author: str) -> tuple[str, str]:
    """A byline's names in capitals, in the agencies' style, and the words after them
    ("AIDA SULTANOVA Associated Press": "AIDA SULTANOVA" and "Associated Press"); any other
    names whole, and nothing after them."""
    words = [m for m in re.finditer(r"[^\s,]+", author) if m[0] not in _JOINERS]
    if len(words) >= 2 and _CAPITALS().fullmatch(words[0][0]) and _in_capitals(words[1][0]):
        after = next((w for w in words if not _in_capitals(w[0])), None)
        if after is not None:
            names = re.sub(r"(?:[\s,]+(?:and|&))*[\s,]*$", "", author[: after.start()])
            return names, author[after.start() :]
    return author, ""


def _agency_alone(words: str) -> str | None:
    """``words`` when they are a news agency's name and nothing else ("Associated Press"
    after a writer's name in capitals, or on a line of its own); else None."""
    words = " ".join(words.split()).strip(" ,")
    return words if words and agency_of(words) is not None else None


def _byline_head(line: str) -> str:
    """A byline's first line, its label written "By " ("By: Vasif Huseynov", "Story by
    Interfax"), without a stamp after its names ("... • 18 July 2025"), or, on a line of
    parts parted by bars or bullets, without the parts around the names (see
    :func:`_parted`: "By CAO DESHENG | chinadaily.com.cn | Updated: 2025-04-23 07:12")."""
    line = _BY_COLON().sub("By ", line)
    parted = _parted(line)
    if parted is not None:
        return parted[0]
    after = _STAMP_AFTER().search(line)
    if after is not None and parse_stamp(after["stamp"]) is not None:
        return line[: after.start()]
    bracketed = _BRACKETED_AFTER().fullmatch(line)
    if bracketed is not None and bracketed["stamp"] and parse_stamp(bracketed["stamp"]):
        return line[: bracketed.start("stamp")].rstrip()  # "By Li Qiao (People's Daily)"
    return line


#: The bars and bullets parting a line of a byline's parts.
_PARTS_APART = later(r"(?<!\s)\s++[•·|｜]\s++")  # (from where a run of spaces begins)
#: A part telling how long the text takes to read: "3 min read", "5 minutes read".
_READING_TIME = later(r"(?i:\d{1,3}\s*(?:min(?:ute)?s?\.?)(?:\s+(?:read|reading))?)")
#: The most words of a site's, a desk's or a place's name as a part of such a line.
_MOST_PART_WORDS = 4


def _parted(line: str) -> tuple[str, list[str]] | None:
    """A line of a byline's parts parted by bars or bullets, its names in one part ("By ..."
    after :data:`_BY_COLON`) and its stamps in others, as China Daily's is, "By CAO DESHENG |
    chinadaily.com.cn | Updated: 2025-04-23 07:12": the names' part (a news agency among
    the other parts after a comma: "By Jane Roe, Reuters") and the stamps; None when the
    line is no such line: no stamp among the parts, or a part that is none of a stamp, a
    reading time, a site's address, a news agency or a name of a few words (a sentence)."""
    parts = _PARTS_APART().split(line.strip())
    named = [p for p in parts if p.startswith("By ")]
    if len(parts) < 2 or len(named) != 1:
        return None
    names, stamps, agency = named[0], [], None
    for part in parts:
        if part is names or _READING_TIME().fullmatch(part) or DOMAIN_END().search(part):
            continue
        if parse_stamp(part) is not None:
            stamps.append(part)
        elif agency_of(part) is not None:
            agency = agency or part
        elif len(part.split()) > _MOST_PART_WORDS or re.search(r"\d|[.!?:]$", part):
            return None
    if not stamps:
        return None
    return (f"{names}, {agency}" if agency else names), stamps


def _nobody(names: str, agency: str | None, desks: bool) -> Byline | None:
    """The byline that names no writer, a desk's or an agency's ("By Reuters": cited as
    its author), or a placeholder's ("By Guest Contributor", "By admin": see
    :func:`no_writer`); None when it names writers."""
    if desks and not names:
        return Byline(agency, agency)
    return Byline(None, agency) if no_writer(names) else None


def stamp_after_names(line: str) -> str | None:
    """The stamp a byline's line gives after its names and a bullet or a bar ("By Nigar
    Bayramli · April 24, 2025": "April 24, 2025"), if any (see :func:`_byline_head`)."""
    line = _BY_COLON().sub("By ", line)
    parted = _parted(line)
    if parted is not None:  # (the publication's stamp before an update's, whichever first)
        return next((x for x in parted[1] if not says_changed(x)), parted[1][0])
    after = _STAMP_AFTER().search(line) or _BRACKETED_AFTER().fullmatch(line)
    stamp = after["stamp"] if after is not None else None
    return stamp if stamp and parse_stamp(stamp) else None


def byline_author(lines: list[str]) -> str | None:
    """Who a byline block names (see :func:`read_byline`); None when it is no byline, or
    names no writer."""
    found = read_byline(lines)
    return None if found is None else found.author


#: The languages a broadcaster's service is named for ("RFE/RL's Turkmen Service"): a
#: person's name may end with "Service" (the historian Robert Service), a desk's with these.
_SERVICE_LANGUAGES = (
    "russian|ukrainian|belarus(?:ian)?|turkmen|uzbek|kazakh|kyrgyz|tajik|azerbaijani|azeri"
    "|armenian|georgian|persian|farsi|dari|pashto|urdu|tatar|bashkir|chechen|arabic|turkish"
    "|kurdish|uyghur|mongolian|chinese|mandarin|cantonese|korean|japanese|vietnamese|burmese"
    "|thai|khmer|lao|hindi|bengali|tamil|swahili|hausa|somali|amharic|english|french|spanish"
    "|portuguese|german|romanian|moldovan|hungarian|serbian|bosnian|albanian|macedonian"
    r"|bulgarian|balkan|polish|czech|slovak|world|international|foreign|central\s+asian"
)
#: A desk, not a writer: "Caspian Freight Wire staff", "Staff Reporter", "Our
#: Correspondent", "Nikkei staff writers", "News Desk", "Agencies" (its desk's words, group 1);
#: a broadcaster's service in a language, "RFE/RL's Turkmen Service", "BBC Russian Service".
_DESK = later(
    r"(?:(?:[Tt]he|[Oo]ur|[Aa])\s+)?(?:[A-Z][\w.&'’/-]*\s+){0,4}"
    r"((?i:(?:staff|news|editorial|foreign|city|web|online)\s+(?:writers?|reporters?|"
    r"correspondents?|desk|team|board)|staff|correspondents?|reporters|writers|desk|bureau"
    r"|agencies|news\s+agencies|wire\s+services|news\s+services|wires"
    rf"|(?:{_SERVICE_LANGUAGES})\s+service))"
)
#: A writer's role after their name ("LEYLA MAMMADOVA Staff Writer", "Leyla Mammadova
#: Business Correspondent", "KEN MORITSUGU AP Diplomatic Writer"): one person, named first.
_WRITER_ROLE = later(
    r"(?P<name>.+?)\s+(?:(?i:senior|chief|staff|business|political|diplomatic|foreign"
    r"|economics?|energy|defen[cs]e|security|science|health|technology|tech|sports?|culture"
    r"|investigative|special|regional|national|international|world|news|contributing"
    r"|associate|deputy|managing)\s+){0,2}"
    r"(?i:writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst)"
)
#: A writer's role alone after a comma: "Chief Political Correspondent", "Caucasus
#: Correspondent" (a place and a role).
_ROLE_ALONE = later(
    r"(?:[A-Z][\w'’.-]*\s+){0,3}"
    r"(?i:writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst)"
)
#: What a desk's role may follow: "By Staff Reporter", "By Our Correspondent".
_DESK_OWNER = later(r"(?i:our|a|the|staff|special|foreign|political)?")
#: "With" in the languages of the archive's sources, joining an outlet and the agency
#: whose copy it ran ("Le Figaro avec AFP", "ZEIT ONLINE mit dpa", "El País con EFE",
#: "Folha com Reuters", "Коммерсантъ с ТАСС", "Daily Sabah ile AA"): lower-case words
#: that no name holds.
_WITH = r"with|avec|mit|con|com|с|со|ile"
#: What joins a byline's names, a desk's or an agency's among them: "Jane Roe and Reuters
#: staff", "CISSY ZHOU, Nikkei staff writers", "Daily Sabah with AA", "Le Figaro avec AFP".
#: (in capitals too, in a line set in capitals: "DAILY SABAH WITH AA").
_WITH_ANY = rf"{_WITH}|WITH|AVEC"
_NAMES_APART = later(rf"\s*(?:,|&|\band\b|\b(?:{_WITH_ANY})\b)\s*")


def writers(names: str) -> tuple[str, str | None, bool]:
    """``names`` (a byline's, an author's name in a page's metadata) without the desks and
    the news agencies among them: the writers left, as written (one space between words);
    the first news agency
    named (see :func:`agency_of`); and whether any desk or agency was left out."""
    names = " ".join(names.split())  # (a run of spaces: see _take_credit)
    parts = _NAMES_APART().split(names)
    kept, agency, left_out = [], None, False
    for n, part in enumerate(parts):
        writer, named = _byline_part(part, first=n == 0)
        if writer is not None:
            kept.append(writer)
        left_out = left_out or writer != part
        agency = agency or named
    if not left_out:
        return names, None, False
    # the writers' part of the text as written: up to the first name left out
    first = next((p for p in parts if p not in kept), "")
    cut = names.find(first) if first else len(names)
    head = names[:cut] if kept and all(p in names[:cut] for p in kept) else ", ".join(kept)
    return re.sub(rf"(?:[\s,]+(?:and|&|{_WITH_ANY}))*[\s,]*$", "", head).strip(), agency, True


#: A line of a page's header naming the outlet and the news agency whose copy it ran, a
#: place or a stamp perhaps after them ("DAILY SABAH WITH AA ISTANBUL Apr 25, 2025 - 2:14 pm
#: GMT+3", a print view's; "Le Figaro avec AFP"; "with AA"): a few words opening with a
#: capital (or a number after the first: "FRANCE 24 avec AFP"), or none, "with", and what
#: follows.
_WITH_AGENCY = later(
    r"(?P<names>(?:[^\W\d_][\w.'’&-]*\s+(?:(?:[^\W\d_][\w.'’&-]*|\d+)\s+){0,4}?)?)"
    rf"(?i:{_WITH})\s+(?P<rest>\S.*)"
)
_MOST_AGENCY_WORDS = 4
#: What may stand between "with" and the agency: "Global Times with input from Xinhua".
_INPUT_FROM = later(r"^(?:inputs?|(?:additional\s+)?reporting)\s+(?:from|by)\s+", re.I)
_MOST_HEADER_LINE_WORDS = 20


def with_agency(text: str) -> tuple[str, str] | None:
    """The names before "with" on a short line of a page's header, and the known news agency
    after it (the longest of its first words that :func:`writers` reads as one: "DAILY SABAH
    WITH AA ISTANBUL ..." gives "DAILY SABAH" and "AA"); None for any other line."""
    text = " ".join(text.split())
    found = _WITH_AGENCY().fullmatch(text)
    if found is None or len(text.split()) > _MOST_HEADER_LINE_WORDS:
        return None
    names = found["names"].strip()
    if not all(w[0].isupper() or w.isdigit() for w in names.split()):
        return None  # "said in an interview with Reuters": a sentence's
    words = _INPUT_FROM().sub("", found["rest"], count=1).split()  # "with input from Xinhua"
    for n in range(min(_MOST_AGENCY_WORDS, len(words)), 0, -1):
        _, agency, _ = writers(f"{names} with {' '.join(words[:n]).rstrip(',;.:')}".strip())
        if agency is not None:
            return names, agency
    return None


def _byline_part(part: str, *, first: bool) -> tuple[str | None, str | None]:
    """One of a byline's names: the writer it names (None for a desk, an agency, a role
    after a comma), and the news agency it names."""
    if not first and _ROLE_ALONE().fullmatch(part):  # "Jane Roe, Chief Political Correspondent"
        return None, None
    with_role = _writer_with_role(part)
    if with_role is not None:  # "LEYLA MAMMADOVA Staff Writer", "KEN MORITSUGU AP ..."
        return with_role
    names, after = _names_in_capitals(part)  # "DARLENE SUPERVILLE Associated Press", as
    if after and (agency := _agency_alone(after)) is not None:  # ABC's JSON-LD names her
        return names, agency
    desk = _DESK().fullmatch(part)
    named = (part[: desk.start(1)] if desk is not None and desk.lastindex else part).strip()
    known = agency_of(named) if named else None  # "Reuters staff"
    if known is not None or desk is not None or part.casefold() in AGENCIES:
        return None, (named if known is not None else None)
    return part, None


def _writer_with_role(part: str) -> tuple[str, str | None] | None:
    """A writer named with their role (see :data:`_WRITER_ROLE`): the name, and the news
    agency written between the two ("KEN MORITSUGU AP Diplomatic Writer"); None for a desk's
    role alone ("Staff Reporter", "Our Correspondent")."""
    role = _WRITER_ROLE().fullmatch(part)
    if role is None or _DESK_OWNER().fullmatch(role["name"]) or len(role["name"].split()) < 2:
        return None  # (one word before it: a name, "Tom Writer")
    words = role["name"].split()
    if len(words) > 1 and agency_of(words[-1]) is not None:
        return " ".join(words[:-1]), words[-1]
    return role["name"], None


def _without_agency(names: str) -> str:
    """The names of a byline, without an agency written after a comma ("The" before it or
    not)."""
    head, comma, tail = names.rpartition(",")
    agency = tail.strip().removeprefix("The ").casefold()
    return head.rstrip() if comma and head.strip() and agency in AGENCIES else names


def _in_capitals(word: str) -> bool:
    return bool(_CAPITALS().fullmatch(word) or _INITIAL().fullmatch(word))


def _is_affiliation(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _MAX_AFFILIATION_WORDS
        and not re.search(r"[.:;,!?]$|\d", line)
        and DATELINE().match(line + " x") is None
    )


#: Who did what for a story, in a credit line: "Reporting by", "Additional reporting by",
#: "Writing by", "Editing by", "Interviewed by" (Kyodo's, under an interview: its
#: interviewer, whom the archivist names, no author)...; in brackets, or after an asterisk
#: ("*Writing by ...").
_ROLE = (
    r"(?:additional\s+)?(?:reporting|reported|writing|written|editing|edited|compiled|interviewed"
    r"|translated|translation|production|produced|graphics|photos?)"
)
_CREDIT = later(rf"{_ROLE}\s+by:?\s+(?P<names>[^;()]+)", re.IGNORECASE)
#: An editor's credit as other languages label it, ending a text: DW's "Redaktion: Sean
#: Sinico" (its English pages' "Edited by: Sean Sinico"), "Mitarbeit:", "Редактор:".
_EDITOR_LABEL = (
    r"(?:redaktion|mitarbeit|bearbeitung|редактор|редакция|edición|rédaction|redazione)\s*:\s+"
    r"[^;():.!?]{2,80}"
)
#: The editor a page names after its text, as Xinhua's and People's Daily's do: "Editor: Liu
#: Yang", "[Editor: Wang Lei]", "（责任编辑：王磊）", "【责任编辑: 刘洋】", "(责编：杨光宇、岳弘彬)"
#: (a name: words opening with capitals, or a few characters, up to three parted by "、";
#: "Editor: Thank you." ending an interview is its last question).
_EDITOR_NAMED = (
    r"[\[(（【]?\s*(?:(?:chief\s+)?editors?\s*[:：]\s*(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3}"
    r"|(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：]\s*[^\s\]）)】、，,：:]{2,12}"
    r"(?:(?:\s+|\s*[、，,]\s*)[^\s\]）)】、，,：:]{2,12}){0,2})\s*[\])）】]?"
)
_CREDITS = later(
    rf"(?:\(|\*+)?\s*{_ROLE}\s+by:?\s+[^;()]+(?:;\s*(?:and\s+)?{_ROLE}\s+by:?\s+[^;()]+)*\)?\.?"
    rf"|\(?{_EDITOR_LABEL}\)?\.?|{_EDITOR_NAMED}",
    re.IGNORECASE,
)


def credits_author(text: str) -> str | None:
    """The author a credit line names: its reporters, else its writers (not those who gave
    additional reporting, edited or translated); None when ``text`` is no credit line or
    names neither as a byline would."""
    if _CREDITS().fullmatch(text.strip()) is None:
        return None
    roles: dict[str, str] = {}
    for credit in _CREDIT().finditer(text):
        role = credit[0].split()[0].casefold()
        roles.setdefault(role, PLACE.sub("", credit["names"]).strip())
    for role in ("reporting", "reported", "writing", "written"):
        if role in roles:
            return byline_author([f"By {roles[role]}"])
    return None


#: The names a credit line gives after "with input from": one ("Xinhua", "Reuters and AFP",
#: "agencies"), or several parted by commas, each a name's capital opening it ("Xinhua,
#: Reuters"; "officials, the ministry drafted ..." is a sentence's words).
_NAMES = r"[^.,;()]{2,40}|(?-i:[A-Z])[^.,;()]{1,40}(?:,\s*(?:and\s+)?(?-i:[A-Z])[^.,;()]{1,40})+"
#: A line ending agency copy that credits a contributor: "Associated Press writer Dake
#: Kang in Beijing contributed to this report.", in brackets or not.  Not the author; a
#: news agency named alone as the contributor ("Reuters contributed to this report") or
#: as a source of the text (group ``names``) is its origin (see :func:`_credited_agency`).
_CONTRIBUTED = re.compile(
    r"(?:[^.!?]{2,60}\s+reported\s+from\s+[^.!?]{2,60}\.\s+)?"  # "Moritsugu reported from Beijing."
    # (in brackets too: "(Azatutyun's Narine Ghalechian contributed to this report.)")
    r"\(?(?P<contributor>[^.!?]{3,160})\s+contributed(?:\s+(?:to\s+this\s+(?:report|story)"
    r"|reporting))(?:\s+from\s+[^.!?]{2,60})?\.?\)?\.?"
    # the agencies a story draws on: "(With input from Xinhua)", "With agency inputs", "—
    # With input from Reuters"
    r"|(?:\(|[—–-]+)?\s*with\s+(?:inputs?\s+from\s+(?P<names>" + _NAMES + r")|agency\s+inputs"
    r"|(?:additional\s+)?(?:reporting|input)\s+(?:from|by)\s+(?P<more>" + _NAMES + r"))\s*\)?\.?"
    # where some of the text comes from: "Some information for this report came from The
    # Associated Press and Reuters." (VOA's last line)
    r"|(?:some\s+(?:of\s+the\s+)?)?(?:information|material|details)\s+(?:for|in|used\s+in)\s+"
    r"this\s+(?:report|story|article)\s+(?:came|comes|was\s+provided|were\s+provided)\s+"
    r"(?:from|by)\s+(?P<info>[^.!?]{2,120})\.?"
    # the writers' initials and the agencies the story draws on, as Deutsche Welle ends one:
    # "jsi/wmr (AFP, Reuters)", "dh/sms (AP, dpa)", "kb/rc"; and as AFP ends its copy, its
    # bureau's and its editors' initials: "bur-ub/jm", "burs-sst/dw"
    r"|(?-i:[a-z]{1,4}(?:-[a-z]{1,4})*(?:/[a-z]{1,4})+)(?:\s*\((?P<drawn>[^()]{2,60})\))?\.?",
    re.IGNORECASE,
)
#: A credit line's roles that give the text's words, whose news agency is its origin
#: ("(Additional reporting by Reuters)"); not an editor's, a translator's, a photographer's.
_TEXT_ROLES = frozenset(("reporting", "reported", "writing", "written", "compiled"))
#: A news agency named alone on the line ending a text, as its credit: "(AFP)", "— Reuters",
#: "[Xinhua]" (group ``name``; see :func:`agency_of`: a known one only).
_AGENCY_ALONE = later(r"(?:\(|\[|[—–-]+\s*)?(?P<name>[^\W\d_][^()\[\]]{1,40}?)\s*[)\]]?\.?")


#: A line naming the agencies a story comes from, ending it: "Source: Reuters, AFP",
#: "Source: Al Jazeera and news agencies", "Sources: TASS, Interfax", "Source(s): Xinhua
#: News Agency".
_SOURCE = later(
    r"(?:source(?:s|\(s\))?|источник|джерело|quelle|fuente|fonte|kaynak|mənbə|źródło|sumber"
    r"|nguồn|manba|منبع|المصدر|स्रोत|출처|来源|來源|出典)\s*[:：]\s*(?P<names>[^.!?:;。]{2,60})[.。]?",
    re.IGNORECASE,
)
_AGENCIES_APART = later(r"\s*(?:,|/|\+|\band\b|\bи\b|\bet\b|\bund\b|\bve\b|\bvə\b)\s*")


#: The labels of a Chinese page's line of metadata over its text, "2025年4月23日 来源：人民日报
#: 作者：王磊": its source (来源, the paper or agency a portal's copy comes from), its writer
#: (作者, 记者), its editors, when it was published.
_ITEM_LABEL = later(r"(来源|作者|记者|责任编辑|编辑|发布时间|时间)\s*[:：]\s*")


def labelled_items(text: str) -> tuple[str, dict[str, str]] | None:
    """The words before the first label of a line of labelled items (a date stamp, or
    nothing), and each label's value, its first word ("来源：新华网 字号：大 中 小": 新华网);
    None when the line labels neither a source nor a writer, or is longer than such a line
    (a paragraph quoting "来源：" is text)."""
    parts = _ITEM_LABEL().split(text.strip())
    if len(parts) < 3 or len(text) > 80:
        return None
    items = {
        parts[n]: value.split()[0].strip("|｜丨")
        for n in range(1, len(parts), 2)
        if (value := parts[n + 1].strip(" |｜丨\u3000"))
    }
    lead = parts[0].strip(" |｜丨\u3000")
    if not items.keys() & {"来源", "作者", "记者"} or not all(map(_item_value, items.values())):
        return None
    if not lead and len(items) < 2:
        return None  # an interview's question, "记者：请问..." (the journalist's), is no such line
    return lead, items


def _item_value(value: str) -> bool:
    """Whether a labelled item's value is a name (a source's, a writer's, a date), not the
    words of a sentence."""
    return len(value) <= 20 and not re.search(r"[，。？！；,?!;]", value)


_AGENCY_NAME = later(r"[^\W\d_][\w.'’&-]*(?:\s+[\w.'’&-]+){0,3}")
_AGENCIES_WORD = later(r"(?:news\s+)?(?:agencies|wires|agences|agenturen)", re.IGNORECASE)


def source_agencies(text: str) -> list[str] | None:
    """The news agencies a line "Source: Reuters, AFP" names (known ones: see
    :func:`agency_of`; "news agencies" names none); None when it is no such line: a
    sentence ("Source: the ministry said..."), or a source that is no news agency ("Source:
    State Customs Committee", the outlet's own words about its figures)."""
    source = _SOURCE().fullmatch(text.strip())
    if source is None:
        return None
    parts = [p.strip() for p in _AGENCIES_APART().split(source["names"]) if p.strip()]
    agencies = [p for p in parts if agency_of(p) is not None]
    unnamed = any(_AGENCIES_WORD().fullmatch(p) for p in parts)
    if not parts or not (agencies or unnamed):
        return None
    if not all(
        _AGENCIES_WORD().fullmatch(p) or (_AGENCY_NAME().fullmatch(p) and not p[0].islower())
        for p in parts  # (a capital, or a letter of a script with none: "رويترز", "路透社")
    ):
        return None
    return agencies


def take_credits(body: list[Block], fields: dict[str, Field]) -> list[Furniture]:
    """The credit lines ending the text, taken out of ``body`` (which keeps at least one
    paragraph) as furniture, the last first (see :func:`_take_credit`)."""
    taken = []
    while (credit := _take_credit(body, fields) or _take_signature(body, fields)) is not None:
        taken.append(credit)
    end = _END_MARK().search(body[-1].text) if body else None
    if end is not None and end.start() > 0:  # "... cooperation documents. Enditem"
        last = body.pop()
        body.append(replace(last, text=last.text[: end.start()]))
        taken.append(Furniture("credits", end[0].strip(), last.line))
    return taken


def closes_text(text: str) -> bool:
    """Whether ``text``, a line after a text's last paragraph, is one of the lines that end
    a story (a credit line, its sources, a signature, a closing note: what
    :func:`take_credits` takes), not the furniture that follows it (another story's
    headline, "Related news")."""
    probe = [Block("", 0), Block(text, 1)]
    return bool(take_credits(probe, {}))


#: A writer's role on a line of its own, in the languages of the archive's sources:
#: "Special correspondent", "Xüsusi müxbir", "Özel muhabir", "Собственный корреспондент",
#: "Envoyée spéciale", "Korrespondentin".
_ROLE_LINE = later(
    r"(?:[^\W\d_][\w'’-]*\s+){0,2}(?:writer|reporter|correspondent|editor|journalist|columnist"
    r"|müxbir(?:i)?|jurnalist|muhabir(?:i)?|корреспондент|спецкор|журналист|обозреватель"
    r"|correspondant(?:e)?|envoyée?\s+spéciale?|journaliste|korrespondent(?:in)?|reporter(?:in)?"
    r"|corresponsal|enviad[oa]\s+especial|periodista|correspondente)\.?",
    re.IGNORECASE,
)
#: A place on a line of its own after a signature: one to three words opening with a
#: capital ("Pekin", "New York").
_PLACE_LINE = later(r"[A-ZÀ-ÞА-ЯЁƏÇĞİÖŞÜ][\w'’.-]*(?:\s+[A-ZÀ-ÞА-ЯЁƏÇĞİÖŞÜ][\w'’.-]*){0,2}")


def signed(body: Sequence[Block]) -> bool:
    """Whether ``body`` ends with a signature on lines of its own (see
    :func:`_take_signature`)."""
    return _take_signature(list(body), {}) is not None


def _take_signature(body: list[Block], fields: dict[str, Field]) -> Furniture | None:
    """A signature ending the text on lines of their own, taken out of ``body`` (which keeps
    at least one paragraph) as a byline: the writer's name, their role, and perhaps the
    place they write from (AZERTAC's "Qoşqar Hüseynov" / "Xüsusi müxbir" / "Pekin"); the
    name is the author when ``fields`` names none."""
    texts = [" ".join(b.text.split()) for b in body[-3:]]
    placed = len(texts) == 3 and _PLACE_LINE().fullmatch(texts[-1]) is not None
    name, role = texts[-3:-1] if placed else texts[-2:] if len(texts) >= 2 else ("", "")
    signed = _names_alone(name) if _ROLE_LINE().fullmatch(role) else None
    count = 3 if placed else 2
    if signed is None or len(body) <= count or len(name.split()) > 4:
        return None
    lines = body[-count:]
    del body[-count:]
    if "author" not in fields:
        fields["author"] = Field(signed, lines[0].line)
    return Furniture("byline", " / ".join(b.text for b in lines), lines[0].line)


#: An agency's end mark on the last line of its text (Xinhua's "Enditem").
_END_MARK = later(r"(?<=[.!?\"”»])\s+Enditem\s*$")


#: What else ends a story, not its text: who helped ("— With assistance from Jane Roe"), a
#: note of what an update added ("(Updates with details in fourth paragraph.)"), how to
#: reach its writers ("To contact the reporters on this story:", "Jane Roe in Baku at
#: jroe@bloomberg.net;", an address alone), the print edition's line ("Published in Dawn,
#: April 24th, 2025"), Yonhap's send stamp and tip line ("2025/04/23 21:05 송고"), Reuters'
#: line on its principles, an agency's end mark ("(END)", "-END-", "Enditem", "-0-",
#: "انتهای پیام/").
_CLOSING = later(
    r"[—–-]\s*with\s+(?:additional\s+)?assistance\s+from\s+[^.;()]{2,120}\.?"
    r"|\(\s*updates?\s+(?:with|to|throughout|for|adding)\s+[^()]{2,160}\)\.?"
    r"|to\s+contact\s+the\s+(?:reporters?|editors?|authors?|writers?)\s+(?:on|of|responsible"
    r"\s+for|for)\s+this\s+(?:story|article|report)\s*:?.{0,200}"
    r"|[^@\s]+@[\w-]+(?:\.[\w-]+)+\W*"
    r"|(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?:\s+in\s+(?-i:[A-Z])[\w-]+(?:\s+"
    r"(?-i:[A-Z])[\w-]+)?)?\s+at\s+[^@\s]+@[\w-]+(?:\.[\w-]+)+\s*[;.,]?"
    r"|published\s+in\s+[^,.]{2,40},\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}\.?"
    r"|\d{4}/\d{2}/\d{2}\s+\d{2}:\d{2}\s+송고|제보는\s+카카오톡.{0,60}"
    r"|(?:photo|photos|foto|фото)\s*[:：]\s*[^.!?]{2,80}"
    r"|our\s+standards\s*:\s*the\s+thomson\s+reuters\s+trust\s+principles\.?(?:,?\s*opens\s+new"
    r"\s+tab)?|\(\s*end\s*\)|-+\s*end\s*-+|enditem|-0-"
    # the Iranian agencies' end mark, "the message's end" (Tasnim's, ISNA's, Mehr's)
    r"|انتهای\s+پیام\s*/?"
    # an agency's desk code ending the text: IRNA's "اروپام/ ۳۳۲۱"; Kyodo's "==Kyodo"
    r"|[^\W\d_]{2,12}\s*/\s*[\d۰-۹٠-٩]{2,6}|={2,}\s*[^\W\d_][\w-]*\s*=*",
    re.IGNORECASE,
)
#: A disclaimer ending a commentary: "Carnegie does not take institutional positions on
#: public policy issues; the views represented herein are those of the author(s)...";
#: the United Nations' on its press releases: "For information media. Not an official
#: record."; an outlet's that it may not share a piece's views.
_DISCLAIMER = later(
    r"\bdoes\s+not\s+take\s+institutional\s+positions\b"
    r"|^\W*for\s+information\s+media\W+not\s+an\s+official\s+record\W*$"
    r"|\b(?:the\s+)?(?:views|opinions)\s+(?:expressed|represented)\s+(?:here(?:in)?|in\s+this\s+"
    r"(?:article|commentary|piece|publication))\s+are\s+(?:solely\s+)?(?:those\s+of\s+the\s+"
    r"author|the\s+author)|\bviews\s+are\s+the\s+author(?:'|’)?s?\s+own\b"
    # what the outlet does not stand behind, not whose words they are: "Opinions expressed in
    # this article may not reflect the position of the editorial board" (JAMnews)
    r"|^\W*(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:here(?:in)?|in\s+this\s+(?:article"
    r"|commentary|piece|publication|material))\s+(?:may\s+not|do\s+not(?:\s+necessarily)?)"
    r"\s+reflect\s+the\s+(?:views?|position|opinion)\s+of\s+the\s+(?:editorial|editors|publisher)"
    # an agency's notice that its site carries its subscribers' stories in part or summed up:
    # Anadolu's "Anadolu Agency website contains only a portion of the news stories offered
    # to subscribers in the AA News Broadcasting System (HAS), and in summarized form.", and
    # in Turkish, "... üzerinden abonelere sunulan haberler, özetlenerek yayımlanmaktadır."
    r"|\bweb\s*sites?(?:inde)?\b.{0,120}\b(?:subscribers|abonelere)\b.{0,120}"
    r"\b(?:summari[sz]ed|özetlenerek)\b"
    # an opinion section's note on its pieces: "Arguments are written by outside
    # contributors and do not necessarily reflect the views of Foreign Policy."
    r"|^\W*(?:arguments|opinions?|op-?eds|commentar(?:y|ies)|columns|perspectives|views"
    r"|(?:these|such|this|the)\s+(?:articles?|pieces?|commentar(?:y|ies)|columns?|op-?eds?))"
    r"\s+(?:are|is)\s+(?:written|contributed)\s+by\s+(?:outside|external|guest|independent)"
    r"\s+(?:contributors|writers|authors|experts)\b",
    re.IGNORECASE,
)


#: A paper's notice that the story ran in its print edition, and under what headline: The New
#: York Times' "A version of this article appears in print on Aug. 9, 2025, Section A, Page
#: 1 of the New York edition with the headline: ... Order Reprints | Today's Paper |
#: Subscribe", the South China Morning Post's "This article appeared in the South China
#: Morning Post print edition as: ...".
_PRINT_NOTICE = later(
    r"^\W*(?:a\s+version\s+of\s+)?this\s+(?:article|story|report|column|interview)\s+"
    r"(?:appears|appeared|ran|was\s+published)\s+in\s+(?:print\b|the\s+(?:[^.,;]{2,60}?\s+)?"
    r"print\s+edition\b|the\s+[^.,;]{2,60}?\s+edition\s+of\b)",
    re.IGNORECASE,
)


def print_notice(text: str) -> bool:
    """Whether a paragraph is a paper's notice that the story ran in print (see
    :data:`_PRINT_NOTICE`): the paper's words on where it ran, none of the story's."""
    return len(text) <= 600 and _PRINT_NOTICE().search(text) is not None


def disclaimer(text: str) -> bool:
    """Whether a paragraph is an outlet's disclaimer, its words on every piece of its, not
    one (see :data:`_DISCLAIMER`), and not a sentence reporting one ("the embassy said that
    the views expressed in this article are those of the author")."""
    return len(text) <= 600 and bool(_DISCLAIMER().search(text)) and not _REPORTS().search(text)


#: Words by which a story reports what someone said or wrote: a last paragraph holding
#: them and a disclaimer's words is the story's ("the embassy said that the views expressed
#: in this article are those of the author alone"), not the outlet's disclaimer.
_REPORTS = later(
    r"\b(?:said|says|told|stated|statement|wrote|noted|added|according\s+to)\b", re.IGNORECASE
)


_PIECE = r"(?:article|piece|story|post|commentary|analysis|op-?ed|report|essay|column|interview)"
#: What "the" names as the text itself in a notice ("The article was originally published
#: by ..."): "the report", "the interview" or "the analysis" ending a story is the one it
#: reports on ("The report was first published by the World Bank in 2023.").
_THE_PIECE = r"(?:article|piece|post)"
#: The languages a notice may say the text was first published in ("Originally published
#: in Russian by Kommersant"), which name no outlet.
_LANGUAGES = (
    r"(?:english|russian|azerbaijani|chinese|french|german|spanish|turkish|arabic|persian|"
    r"japanese|korean|italian|portuguese|georgian|armenian|kazakh|uzbek)"
)
#: A site's address's ending ("Trend.Az", "Eurasianet.org").
_DOMAIN_ENDING = r"\.(?:com|az|ru|net|org|co\.uk|kz|uz|ge|tr|cn|am|info|news)"
#: A site's address ending a name: the site's name is what comes before it.
DOMAIN_END = later(rf"{_DOMAIN_ENDING}$", re.IGNORECASE)
#: Words of an outlet's name, not a person's ("The Caspian Times", "OC Media", "Daily
#: Sabah").
OUTLET_WORDS = frozenset(
    (  # noqa: SIM905
        "the times post daily herald tribune journal gazette media press news weekly magazine "
        "review observer telegraph express network radio tv television channel agency service"
    ).split()
)
#: A notice ending a text that another outlet published it first: "Source: This article was
#: published by the Jamestown Foundation", "This article originally appeared on
#: Eurasianet", "This article is republished from The Conversation under a Creative Commons
#: license. Read the original article.", "Republished with permission from The Diplomat",
#: "Originally published in Kommersant", "Originally published in Russian by Kommersant".
_REPUBLISHED = later(
    rf"(?:source\s*:\s*)?(?:(?:a\s+version\s+of\s+)?(?:this\s+{_PIECE}|the\s+{_THE_PIECE})\s+"
    r"(?:(?:was|is|has\s+been)\s+(?:(?:originally|first)\s+)?(?:published|republished|reprinted"
    r"|posted)|(?:originally|first)\s+appeared)|(?:originally|first)\s+(?:published|appeared|posted)"
    r"|(?:republished|reprinted)(?:\s+with\s+(?:kind\s+)?permission)?)"
    rf"(?:\s+in\s+{_LANGUAGES}(?=\s+by\b))?"
    r"\s+(?:by|in|on|at|from|of)\s+(?:(?-i:the)\s+)?"
    rf"(?P<name>(?-i:[A-Z\d])(?:[^.;:()]|{_DOMAIN_ENDING}\b){{1,78}}?)"
    r"(?:\s+(?:on|under|as|in|with)\b[^;:]{0,160}?)?\.?\s*(?:read\s+the\s+original\s+(?:article|"
    r"story)\.?)?",
    re.IGNORECASE,
)
#: What a name after "published in" may be that is no outlet: a language, a month, a day,
#: a year.
_NO_OUTLET = later(
    rf"(?:{_LANGUAGES}|print|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|\d)",
    re.IGNORECASE,
)


def republished_from(text: str) -> str | None:
    """The outlet a notice ending a text names as where it was first published (see
    :data:`_REPUBLISHED`); None for no such notice, or one naming a language or a date
    ("Originally published in Russian", "first published in April 2025").  What follows a
    comma is said of it ("by Xinhua, the state news agency, on ..."), or names others
    ("by Eurasianet, Trend and APA"); of outlets named together, the first is the origin
    (see :func:`_first_outlet`)."""
    if len(text.split()) > 40:
        return None
    found = _REPUBLISHED().fullmatch(text.strip())
    if found is None or _NO_OUTLET().match(found["name"]):
        return None
    return _first_outlet(found["name"].partition(",")[0])


_AND = later(r"\s+and\s+")


def _first_outlet(name: str) -> str:
    """The first of two outlets a notice names together ("Eurasianet and The Diplomat":
    "Eurasianet"; never the two as one: see :func:`_two_outlets`), its address's ending
    aside ("Eurasianet.org"); a name with a word in lower case but its parts' first is one
    outlet's ("Institute for War and Peace Reporting", "Center for Strategic and
    International Studies"), and so is a name whose "and" joins no two outlets ("Stars and
    Stripes", "Caspian News and Analysis"); an "and" before a word in lower case ends it
    ("Eurasianet and is republished with permission")."""
    clause = next((m for m in _AND().finditer(name) if name[m.end() : m.end() + 1].islower()), None)
    if clause is not None:
        name = name[: clause.start()]
    parts = _AND().split(name.strip())
    later = [word for part in parts for word in part.split()[1:]]
    if len(parts) > 1 and all(word[:1].isupper() for word in later):
        name = parts[0]
        for part in parts[1:]:
            if _two_outlets(name, part):
                break
            name = f"{name} and {part}"
    return DOMAIN_END().sub("", name.strip())  # an outlet's address: its name


#: A name's article, which opens an outlet's name of its own after "and" ("... and The
#: Diplomat").
_ARTICLE = later(r"(?:The|A|An|Le|La|Les|Il|El|Die|Der|Das)\b")
#: A name in capitals, an outlet's initials ("RFE/RL", "BBC"): a name of its own.
_ACRONYM = later(r"[A-Z\d][A-Z\d/&.-]+")


def _two_outlets(before: str, after: str) -> bool:
    """Whether the capitalised names ``before`` and ``after`` "and" in a notice are two
    outlets, not one name's parts ("Stars and Stripes", "Caspian News and Analysis"): the
    second opens with its own article ("Eurasianet and The Diplomat"), either is an address
    ("Eurasianet.org") or a news agency the readers know ("Eurasianet and Trend"), or
    initials ("Eurasianet and RFE/RL", "RFE/RL and Eurasianet": no word of another name's
    is written so), or each is a name of two words or more
    ("Financial Times and Nikkei Asia").  Two names of one word each are one ("Stars and
    Stripes"): a name of one word after "and" is a word of the first's, as far as the
    words tell."""
    return bool(
        _ARTICLE().match(after)
        or any(DOMAIN_END().search(p) or agency_of(p) is not None for p in (before, after))
        or any(_ACRONYM().fullmatch(p) for p in (before, after))
        or (len(before.split()) >= 2 and len(after.split()) >= 2)
    )


#: A postal address on a line of its own, as a newsletter ends its e-mail (the sender's, as
#: the law of the United States asks of it): a house's number and a street's word, commas
#: between its parts, a postcode ("Caspian Brief, 12 Dostyk Ave, Almaty 050000, Kazakhstan",
#: "548 Market Street PMB 72296, San Francisco, CA 94104").
_STREET = later(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[^\W\d_][\w'’.-]*\s+){0,4}(?i:street|st|avenue|ave|road|rd"
    r"|boulevard|blvd|lane|ln|drive|dr|way|square|sq|place|pl|suite|floor|prospekt|prospect"
    r"|küçəsi|prospekti|cad(?:desi)?|sok(?:ak)?|straße|strasse|str|rue|avenida|calle|via)\b"
)
_POSTCODE = later(r"\b(?:[A-Z]{1,2}[\s-]?)?\d{4,6}(?:-\d{4})?\b")
_MOST_ADDRESS_WORDS = 16


def postal_address(text: str) -> bool:
    """Whether a paragraph is a postal address alone (see :data:`_STREET`): a few words
    with commas, a street and a postcode, not ending as a sentence does."""
    words = text.split()
    if not 3 <= len(words) <= _MOST_ADDRESS_WORDS or "," not in text:
        return False
    if text.rstrip()[-1:] in ".!?:;":
        return False
    return _STREET().search(text) is not None and _POSTCODE().search(text) is not None


def _take_credit(body: list[Block], fields: dict[str, Field]) -> Furniture | None:
    """The credit line ending the text, taken out of ``body`` (which keeps at least one
    paragraph) as furniture; its author (:func:`credits_author`) is the author when
    ``fields`` names none.  A line crediting a contributor ends the text too, and names
    no author; so does what else ends a story (see :data:`_CLOSING`)."""
    if len(body) < 2:
        return None
    # (its words with one space between them: a run of spaces is no part of a credit's
    # grammar, and the patterns, tried over a run of thousands, took minutes)
    text = " ".join(body[-1].text.split())
    contributed = _CONTRIBUTED.fullmatch(text.strip())
    drawn = _drawn_on(text)
    if contributed is not None or drawn is not None or _CLOSING().fullmatch(text.strip()):
        last = body.pop()
        agency = drawn if contributed is None else _credited_agency(contributed)
        _credit_origin(fields, agency, last.line)
        return Furniture("credits", last.text, last.line)
    if postal_address(text):
        last = body.pop()  # a newsletter's sender's address
        return Furniture("footer", last.text, last.line)
    if _author_bio(text, fields.get("author")):
        last = body.pop()  # the outlet's words on its writer, not the story's
        return Furniture("boilerplate", last.text, last.line)
    if disclaimer(text) or print_notice(text):
        last = body.pop()  # the outlet's words on every piece of its, not this one's
        return Furniture("boilerplate", last.text, last.line)
    sourced = _take_source(body, fields)
    if sourced is not None:
        return sourced
    if (signed_drawn := _signed_drawn(text)) is not None:  # "Minh Anh (theo Reuters)"
        last = body.pop()
        fields.setdefault("author", Field(signed_drawn[0], last.line))
        _credit_origin(fields, signed_drawn[1], last.line)
        return Furniture("byline", last.text, last.line)
    signed = _signed(text)
    if signed is not None:  # "Автор: Иван Петров", "Müəllif: Elnur Məmmədov" ending the text
        last = body.pop()
        if "author" not in fields:
            fields["author"] = Field(signed, last.line)
        return Furniture("byline", last.text, last.line)
    if _CREDITS().fullmatch(text.strip()) is None:
        return None
    last = body.pop()
    author = credits_author(last.text)
    if author is not None and "author" not in fields:
        fields["author"] = Field(author, last.line)
    _credit_origin(fields, _credits_agency(last.text), last.line)
    return Furniture("credits", last.text, last.line)


#: A line naming the agencies a story draws on, as other languages write it: "По материалам
#: РИА Новости", "С использованием материалов ТАСС", "Mit Material von dpa und Reuters", "Con
#: información de EFE", "Com informações da Reuters", "(Avec AFP)", "(With agencies)",
#: Vietnamese "(Theo Reuters)" ("after Reuters", as VnExpress ends a story it translated).
_DRAWN_ON = later(
    r"[(\[*]?\s*(?:[—–-]+\s*)?(?:по\s+материалам|с\s+использованием\s+материалов|mit\s+material"
    r"\s+(?:von|der|des)|con\s+informaci(?:ón|ones)\s+de|com\s+informações\s+d[aeo]s?|avec|with"
    r"|theo)"
    r"\s+(?P<names>[^.;()\[\]]{2,60}?)\s*[)\]]?\.?",
    re.IGNORECASE,
)
#: Agencies unnamed, as those lines may say it: "(With agencies)", "По материалам агентств".
_AGENCIES_UNNAMED = later(
    r"(?:news\s+)?agencies|agences|agenturen|agencias|agências|агентств\w*|информагентств\w*",
    re.IGNORECASE,
)


#: A writer's name and, in brackets after it, the agencies the story draws on, as VnExpress
#: signs a story it translated: "Minh Anh (theo Reuters)".
_SIGNED_DRAWN = later(r"(?P<names>[^()\[\]]{3,60}?)\s*(?P<drawn>\((?i:theo)\s[^()]{2,70}\))")


def _signed_drawn(text: str) -> tuple[str, str] | None:
    """The writer and the news agency a line signing the text and naming the agency it draws
    on names (see :data:`_SIGNED_DRAWN`); None for any other line, or when the brackets name
    no news agency the readers know, or what is before them no one."""
    m = _SIGNED_DRAWN().fullmatch(text)
    if m is None:
        return None
    agency = _drawn_on(m["drawn"])
    names = _names_alone(m["names"]) if agency else None
    return None if names is None or agency is None else (names, agency)


def _drawn_on(text: str) -> str | None:
    """The first news agency a line naming the agencies a story draws on names (see
    :data:`_DRAWN_ON`), or "" when it names them unnamed ("(With agencies)"); None for any
    other line ("По материалам следствия, ...": a sentence, no agency's)."""
    drawn = _DRAWN_ON().fullmatch(" ".join(text.split()))
    if drawn is None:
        return None
    if _AGENCIES_UNNAMED().fullmatch(drawn["names"].strip()):
        return ""
    return _known_agency(drawn["names"])


def _credit_origin(fields: dict[str, Field], agency: str | None, line: int) -> None:
    """The news agency a credit line names as a source of the text, as its ``agency`` (whose
    copy it is: see ``load.articles.copied_from``), when nothing named one before."""
    if agency and "agency" not in fields:
        fields["agency"] = Field(agency, line)


def _known_agency(names: str) -> str | None:
    """The first news agency the readers know among ``names`` (parted by commas, "and",
    slashes: "Xinhua", "Reuters and AFP", "Jane Roe in Baku and Reuters"), as written; None
    when they name none: a person, an outlet no list holds, "agencies"."""
    for part in _AGENCIES_APART().split(PLACE.sub("", names)):
        if agency_of(part.strip()) is not None:
            return part.strip()
    return None


def _credited_agency(contributed: re.Match[str] | None) -> str | None:
    """The news agency a contributor's line names as a source of the text: after "with
    input(s) from" or "with (additional) reporting from/by" ("(With input from Xinhua)"), or
    as one of the contributors ("Reuters contributed to this report", "Reuters and AFP
    contributed ...", "Jane Roe and Reuters contributed ...", as "(Additional reporting by
    Jane Roe and Reuters)" names it; not "Associated Press writer Dake Kang": a writer,
    whose agency is the dateline's)."""
    if contributed is None:
        return None
    names = next(
        (
            contributed[k]
            for k in ("names", "more", "info", "drawn", "contributor")
            if contributed[k]
        ),
        None,
    )
    return None if names is None else _known_agency(names)  # (None: "With agency inputs")


def _credits_agency(text: str) -> str | None:
    """The news agency a credit line names among those who gave the text's words
    ("(Additional reporting by Reuters)", "(Reporting by Reuters; Editing by Jane Roe)";
    see :data:`_TEXT_ROLES`); never a person ("Additional reporting by Jane Roe")."""
    for credit in _CREDIT().finditer(text):
        role = credit[0].casefold().removeprefix("additional").split()[0]
        if role in _TEXT_ROLES:  # ("Additional reporting by", "Additional editing by")
            found = _known_agency(credit["names"])
            if found is not None:
                return found
    return None


def agency_credit(text: str) -> str | None:
    """The news agency a line of its own credits as the text's source, the whole line: named
    alone, in brackets or after a dash ("(AFP)", "— Reuters"), or after the outlet's name and
    "with" ("Daily Sabah with AA", "Le Figaro avec AFP", "DAILY SABAH WITH AA": see
    :func:`with_agency`, and :func:`_outlet_s_name`), or after "with" alone ("with AA");
    None for any other line: a kicker before "with" ("Interview with Reuters", "Talks with
    Xinhua", "In Conversation With Reuters", "Prime Minister With Reuters": the agency is the
    one interviewed or met, not the text's source)."""
    text = " ".join(text.split())
    alone = _AGENCY_ALONE().fullmatch(text)
    if alone is not None and text[:1] in "([—–-" and agency_of(alone["name"]) is not None:
        return alone["name"]
    if (slashed := _slashed_credit(text)) is not None:
        return slashed
    found = with_agency(text)
    if found is None or not text.rstrip(" .").endswith(found[1]):
        return None  # ("DAILY SABAH WITH AA ISTANBUL ...": a page's header, its own reader's)
    names = found[0]
    if re.search(rf"\b(?:{_PIECE}|{_MEETING}|{_OFFICE})$", names, re.IGNORECASE):
        return None
    return found[1] if not names or _outlet_s_name(names) else None


#: A credit line as German papers end a story, the editor's initials and the agencies it
#: draws on set apart by slashes ("ala/Reuters/dpa", "kle/dpa/AFP", "cst/AFP"; DER SPIEGEL,
#: Die Zeit, tagesschau.de), in brackets or not.
_SLASHED = later(r"\(?(?P<parts>[^\W\d_]{2,12}(?:/[^\W\d_]{2,12})+)\)?")
#: An editor's initials in such a line: two to four small letters.
_INITIALS = later(r"[^\W\d_A-Z]{2,4}")


def _slashed_credit(text: str) -> str | None:
    """The first news agency a credit line of initials and agencies set apart by slashes
    names (see :data:`_SLASHED`): each part an agency the readers know or an editor's
    initials in small letters, one an agency at least; None for any other line ("and/or",
    "Reuters/Ipsos": a poll's, whose other part is neither)."""
    found = _SLASHED().fullmatch(text.strip().rstrip("."))
    if found is None:
        return None
    parts = found["parts"].split("/")
    agencies = [p for p in parts if agency_of(p) is not None]
    if not agencies or not all(p in agencies or _INITIALS().fullmatch(p) for p in parts):
        return None
    return agencies[0]


#: What a kicker before "with" names, the agency the one met: "News Conference With
#: Reuters", "Press Briefing With AFP" (an outlet's word among its words).
_MEETING = r"(?:conference|briefing|meeting|talks|conversation|chat|debate|session)"
#: A kicker's office before "with", the one who spoke to the agency: "The Prime Minister With
#: Reuters", "THE FOREIGN MINISTER WITH AFP" (an outlet's word, "The", among its words).
_OFFICE = (
    r"(?:minister|president|premier|chancellor|ambassador|envoy|secretary|governor|mayor"
    r"|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|ceo|king|queen|emir|leader)"
)
#: The articles an outlet's name may open with in another language ("Le Figaro", "La
#: Stampa", "Die Welt"); "The" is among :data:`OUTLET_WORDS`.
_ARTICLES = frozenset(("le", "la", "les", "il", "lo", "el", "los", "die", "der", "das"))


def _outlet_s_name(names: str) -> bool:
    """Whether the names before "with" on a credit line are written as an outlet's: a word
    of an outlet's name among them ("Daily Sabah", "DAILY SABAH", "Hürriyet Daily News"), an
    article of another language opening them ("Le Figaro"), or an address ("Le Point.fr").
    Capitalised words alone tell an outlet from nothing else: a kicker's ("Talks", "In
    Conversation", "FACE TO FACE", "Prime Minister", "Middle East") and a person's ("Jane
    Roe with Reuters", a byline) are written as an outlet's one-word or two-word name is
    ("Dawn", "Daily Sabah"), and a credit taken for one would give the text an origin and
    drop the line: one of those ("Dawn with AFP") is left as text, naming none."""
    words = names.casefold().split()
    return bool(
        OUTLET_WORDS.intersection(words) or words[0] in _ARTICLES or DOMAIN_END().search(names)
    )


def take_opening_credit(body: list[Block], fields: dict[str, Field]) -> Furniture | None:
    """A line opening the text that credits a news agency as its source (see
    :func:`agency_credit`: "Daily Sabah with AA" above the first paragraph), taken out of
    ``body`` (which keeps at least one paragraph) as furniture; the agency is the text's
    when nothing named one before.  So is a note on its writer opening it, as one may end it
    (see :func:`_author_bio`: "Elnur Mammadli is a PhD candidate at ...")."""
    if len(body) < 2:
        return None
    if _author_bio(body[0].text, fields.get("author")):
        first = body.pop(0)  # a note on the writer over an opinion piece, the outlet's words
        return Furniture("boilerplate", first.text, first.line)
    agency = agency_credit(body[0].text)
    if agency is None:
        return None
    first = body.pop(0)
    _credit_origin(fields, agency, first.line)
    return Furniture("credits", first.text, first.line)


#: A note on the text's writer ending it, labelled so: "About the author: Fuad Shahbazov is
#: a policy analyst ...", "About the authors", "Об авторе", "À propos de l'auteur".
_ABOUT_THE_AUTHOR = later(
    r"\W*(?:about\s+the\s+(?:authors?|writers?|contributors?)|об\s+авторе|об\s+авторах"
    r"|à\s+propos\s+de\s+l['’]auteur|über\s+(?:den|die)\s+autor(?:in)?|sobre\s+el\s+autor"
    r"|müəllif\s+haqqında|yazar\s+hakkında)\b\W*\S",
    re.IGNORECASE,
)
#: What a writer's name opens a note on them with: "Kenji Kawase is Nikkei Asia's China
#: business news editor", "Jane Roe was a correspondent ...", "... is a senior fellow".
_IS_SOMEONE = later(
    r"\s+(?:is|was|has\s+been)\s+(?:a|an|the|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}['’]s?)\s"
)
_MOST_BIO_WORDS = 80


def _author_bio(text: str, author: Field | None) -> bool:
    """Whether the paragraph ``text`` ending (or opening) a story is a note on its writer:
    labelled so ("About the author: ..."), or opening with the name of one of its writers
    (``author``, the byline's) and what they are ("Kenji Kawase is Nikkei Asia's China
    business news editor."); a short one, not the story's."""
    text = " ".join(text.split())
    if len(text.split()) > _MOST_BIO_WORDS:
        return False
    if _ABOUT_THE_AUTHOR().match(text):
        return True
    if author is None:
        return False
    names = [n.strip() for n in _NAMES_APART().split(author.value) if len(n.split()) >= 2]
    # a byline in capitals names the writer the note names as written: "CISSY ZHOU" and
    # "Cissy Zhou is a Nikkei Asia correspondent"
    return any(
        text[: len(name)].casefold() == name.casefold()
        and _IS_SOMEONE().match(text, len(name)) is not None
        for name in names
    )


def _take_source(body: list[Block], fields: dict[str, Field]) -> Furniture | None:
    """A line ending the text that says where it comes from, taken out of ``body`` as
    furniture: a notice that another outlet published it first, which is its ``origin``
    (:func:`republished_from`), or one naming its sources, whose first news agency is its
    ``agency`` (:func:`source_agencies`: "Source: Reuters, AFP")."""
    origin = republished_from(body[-1].text)
    if origin is not None:
        last = body.pop()
        fields.setdefault("origin", Field(origin, last.line))
        return Furniture("credits", last.text, last.line)
    agencies = source_agencies(body[-1].text)
    if agencies is None:
        credited = agency_credit(body[-1].text)  # "(AFP)", "Daily Sabah with AA"
        agencies = None if credited is None else [credited]
    if agencies is None:
        return None
    last = body.pop()
    if agencies and "agency" not in fields:
        fields["agency"] = Field(agencies[0], last.line)
    return Furniture("credits", last.text, last.line)


#: A Korean byline: the writers' names (two to four syllables each), then their title,
#: reporter or correspondent ("김민수 기자", "김민수·이지은 기자", "박정호 베이징 특파원"), and
#: perhaps an address to write to, as Korean papers end a story ("김민수 기자
#: minsu@example.kr").
_KOREAN_BYLINE = later(
    r"(?P<names>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4}){0,3})\s+(?:[가-힣]{2,6}\s+)?"
    r"(?:선임|수석|전문|객원)?\s*(?:기자|특파원)"
    r"(?:\s*[(<]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>]?)?"
)


def korean_byline(text: str) -> str | None:
    """The writers a Korean byline names (see :data:`_KOREAN_BYLINE`), parted by commas;
    None for any other text."""
    m = _KOREAN_BYLINE().fullmatch(" ".join(text.split()))
    return None if m is None else ", ".join(re.split(r"\s*[·,]\s*", m["names"]))


def _signed(text: str) -> str | None:
    """The writer a line naming the author after a label names ("Автор: Иван Петров",
    "Author: Jane Roe"), or a Korean byline ("김민수 기자 minsu@example.kr"), or None."""
    text = " ".join(text.split())
    if (korean := korean_byline(text)) is not None:
        return korean
    label = _OTHER_BY().match(text)
    if label is None or not label[0].rstrip().endswith((":", "：", "՝")):
        return None  # ("Text Messages Seen By Reuters" is a headline, not a label)
    text = text[: label.end()] + _LABEL_AFTER().sub("", text[label.end() :])
    if len(text.split()) > _MAX_NAME_WORDS:
        return None
    found = read_byline([text])
    if found is None or found.author is None:
        return None
    names, _, desks = writers(found.author)
    if desks or not names or any(w.casefold() in _INSTITUTION_WORDS for w in names.split()):
        return None  # a desk, a press service: no writer
    return names


def named_author(text: str) -> str | None:
    """Who an element of a saved page that names the author names (its class says
    "byline" or "author", or it links with ``rel="author"``): a byline (``By ...``, ``Par
    ...``, ``Автор: ...``), or names alone, before a date or a place after a separator;
    None when it is no such thing (a biography, a date alone)."""
    text = re.sub(r"^by\s+(?=[A-Z])", "By ", " ".join(text.split()))  # "by Kenji Kawase"
    found = byline_author([text]) or _names_alone(text) or korean_byline(text)
    if found is None:
        return None
    names, _, _ = writers(found)  # "Al-Monitor Staff": a desk, as in a byline
    return names or None


def named_agency(text: str) -> str | None:
    """The news agency an element naming the author names beside its writers ("Jane Roe,
    Reuters", "By Jane Roe, AFP"): the text's origin; None when it names none."""
    text = re.sub(r"^by\s+(?=[A-Z])", "By ", " ".join(text.split()))
    byline = read_byline([text])
    if byline is not None:
        return byline.agency
    found = _names_alone(text)
    return None if found is None else writers(found)[1]


#: Where one of several reporters was: "Finbarr Bermingham in Brussels and Dewey Sim".
_PLACE_BEFORE_NEXT = later(PLACE.pattern + r"(?=\s*,|\s+(?:and|&)\s)")


def _without_stamp_ending(text: str) -> str:
    """``text`` without the date stamp that ends it after a space alone, written as it may
    be ("Almaz Kumenov Apr 23, 2025", "Jane Roe 2025-04-23 14:05": a date whose month comes
    first, or in numbers, which :data:`_AFTER_NAMES` does not end the names at); all of it
    when no stamp ends it."""
    words = text.split()
    for n in range(1, len(words)):
        if len(words) - n <= 6 and parse_stamp(" ".join(words[n:])) is not None:
            return " ".join(words[:n])
    return text


def _names_alone(text: str, labelled: bool = False) -> str | None:
    """The names a text gives before a date or a place: two or more words opening with a
    capital, joined as bylines join them; None for anything else.  After a label naming
    the author (``labelled``, or one opening the text), words of a script that has no
    capitals (Georgian, Devanagari, Arabic) are names too: "ავტორი: ნინო ბერიძე"."""
    text = _without_stamp_ending(text)
    names = _AFTER_NAMES().sub("", _PLACE_BEFORE_NEXT().sub("", text)).strip(" ,")
    if (other := _OTHER_BY().match(names)) is not None:
        names, labelled = names[other.end() :], True  # "Müəllif: Aygün Əliyeva | 23 aprel 2025"
    elif _LABEL().match(names) is not None:
        return None  # "Photo: Jane Roe", "Editor: John Doe": someone else than the author
    names = _LABEL_AFTER().sub("", names)  # "Aigerim Abilova Editor: Kairat Seitkali"
    if names.startswith("By "):
        return byline_author([names])
    words = [w for w in re.split(r"[\s,]+", names) if w]
    named = [w for w in words if w.lower() not in (*_JOINERS, *_OTHER_JOINERS)]
    if len(named) < 2 or len(words) > _MAX_NAME_WORDS or any(c.isdigit() for c in names):
        return None  # one word: "Staff", "Follow", a first name alone
    if " ".join(names.split()).casefold() in AGENCIES:
        return None
    if (
        not _capitalised(named, caseless=labelled)
        or _institution(names.split())
        or re.search(r"[.!?:;]$", names)
    ):
        return None
    return names


#: A place and a name in quotes after a colon, as the Arabic press fills its author's slot:
#: "بكين: «الشرق الأوسط»" (Beijing: «Asharq Al-Awsat»), "London: 'The Outlet'": the
#: outlet's, a quoted name being no person's.
_PLACE_AND_QUOTED = later(r"[^\W\d_][\w\s'’.-]{0,40}?\s*[:：]\s*[«\"“„‘'].{1,80}[»\"”“’']")


#: Who an author's slot may name that wrote no story: a site's placeholder account
#: ("admin", "Webmaster"), its desk or office in other words ("Редакция", "Redaktion", "Xəbər
#: xidməti", "Press Office", "Online Editor", "Guest Author"), a paid piece's label
#: ("Sponsored", "Partner Content"), a photographer ("Photo: John Doe", "John Doe (photos)").
_NO_WRITER = later(
    r"(?:admin(?:istrator)?|web\s*master|(?:site|web|online|news|digital)\s+(?:editors?|team"
    r"|admin)|editors?|(?:guest|staff)\s+(?:authors?|writers?|posts?|contributors?)|contributors?"
    r"|sponsored(?:\s+(?:content|post))?|partner(?:\s+content)?|paid\s+(?:post|content)"
    r"|advertorial|promoted(?:\s+content)?|(?:press|news|information|media)\s+(?:office|service"
    r"|centre|center)|редакция(?:\s+\S+){0,2}|пресс-служба(?:\s+\S+){0,3}|редакція|redaktion"
    r"|rédaction|redacción|redazione|redação|redakcja|xəbər\s+xidməti|mətbuat\s+xidməti"
    r"|haber\s+merkezi|(?:photos?|photographs?|фото|foto)\s*(?::|by)\s*.+"
    r"|.+?\s*\((?:photos?|photographs?|photographer|фото|foto)\))",
    re.IGNORECASE,
)


def no_writer(name: str) -> bool:
    """Whether an author's slot names no writer (see :data:`_NO_WRITER`): "admin",
    "Редакция", "Sponsored", "Photo: John Doe"; nor does one holding markup (see
    :data:`_MARKUP`)."""
    return _NO_WRITER().fullmatch(" ".join(name.split())) is not None or (
        "<" in name and _MARKUP().search(name) is not None
    )


#: A tag in an author's name as a page's metadata gives it (``<a href="/x">Jane Roe</a>``,
#: ``<script>...``): what a reader would see of it is not said (a browser never shows a
#: ``<meta>`` or JSON-LD), so no writer is read from it rather than a guess.
_MARKUP = later(r"<[/!?]?[A-Za-z]")


def no_person(name: str) -> bool:
    """Whether ``name``, an author a page's metadata gives, is one word in capitals and no
    news agency: a place ("ANKARA", the dateline's city in the author's slot), or a
    body's initials, never a person's name, which has two words or more (see
    :func:`_names_alone`); or a place and a name in quotes after a colon (see
    :data:`_PLACE_AND_QUOTED`)."""
    words = name.split()
    if _PLACE_AND_QUOTED().fullmatch(INVISIBLE_RUN().sub("", name).strip()):
        return True
    return (
        len(words) == 1
        and sum(c.isalpha() for c in name) >= 2
        and name.isupper()
        and agency_of(name) is None
    )


def _capitalised(named: list[str], caseless: bool = False) -> bool:
    """Whether ``named`` (a text's words, but the joiners) are names: two or more opening
    with a capital (``al-Sharaa`` too), a name's small words between ("de", "von der");
    with ``caseless``, or all opening with a letter of a script that has no capitals."""
    capitalised = [w for w in named if not _PARTICLE_WORD().fullmatch(w)]
    if caseless and len(capitalised) >= 2 and all(_caseless(w[0]) for w in capitalised):
        return True  # "ნინო ბერიძე", "राहुल शर्मा" after "ავტორი:", "लेखक:"
    return len(capitalised) >= 2 and all(
        w[0].isupper() or _PARTICLE_NAME().fullmatch(w) for w in capitalised
    )


def _caseless(letter: str) -> bool:
    """Whether ``letter`` is a letter of a script that writes no capitals (Georgian's
    Mkhedruli too, which Unicode counts as small letters of Mtavruli's capitals, that
    names are not written in)."""
    if "\u10d0" <= letter <= "\u10ff":
        return True
    return letter.isalpha() and not letter.isupper() and not letter.islower()


def _institution(words: list[str]) -> bool:
    """Whether one of the names ``words`` give (parted by commas, "and", "&") joins its
    words by a name's small words to name an institution or a desk ("Service de Presse"),
    or is such words alone ("Press Office"), not a person (see :data:`_INSTITUTION_WORDS`);
    "Thomas de Waal and Robert Service" is two people."""
    for name in _NAMES_APART().split(" ".join(words)):
        parts = name.split()
        body = [w.casefold() in _INSTITUTION_WORDS for w in parts]
        if parts and all(body):  # "Press Office", "Press Service"
            return True
        if any(_PARTICLE_WORD().fullmatch(w) for w in parts) and any(body):
            return True
    return False
