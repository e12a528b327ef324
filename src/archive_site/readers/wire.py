"""``wire``: news copy pasted from a site whose layout no other reader knows.

What a careful archivist would do with an unknown page of text:

- a leading date header (``date 2025-04-23``, ``23.04.2025 14:05``,
  ``Wednesday, 23 April 2025``...) gives the publication date and time;
- a first line that reads as a headline (one short line, not a sentence) is
  the title, and a ``By Name`` line after it the author (names joined by
  commas, "and" or "&"; a writer's affiliation after the names, on a line of its
  own or, after names in capitals, on the same line, is not part of it); a date
  stamp on a line of its own after them, when no header gave a date, the
  publication date (copy pasted from a page: headline, byline, date);
- these head lines may run into the text with no blank line between, as agency copy
  has them, when a byline or an agency's slug (``AP-AS--Azerbaijan-Rail,0412``,
  furniture) is among them;
- a dateline opening the first paragraph (``ASTANA, Kazakhstan, July 3.``,
  ``BEIJING, April 23 (Xinhua) --``, ``Baku, 24 April (AZERTAC).``) is read,
  its date too, and kept apart from the paragraph's text;
- a credit line ending the text (``(Reporting by ...; Editing by ...)``) is
  furniture, and its reporters the author when no byline names one
  (:func:`.byline.take_credits`); a news agency a credit names as a source of the text
  (``(With input from Xinhua)``, ``(AFP)``, ``Daily Sabah with AA``, at the text's end or
  above its first paragraph) is its origin;
- trailing page furniture (a run of short lines after the last paragraph:
  other headlines, ``HH:MM DD.MM.YYYY`` stamps, "Follow us", "Subscribe",
  "Related news", share and navigation words; a box of short lines under such
  a sign, though one is a sentence) is left out and listed.  A run
  of short lines with no such sign is kept, with a note: when unsure, keep.

Detected when it finds any of these; text in which it finds none is ``plain``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import Problems
from ..model import Furniture
from ..patterns import later
from .agencies import agency_of
from .base import (
    Block,
    Capture,
    Field,
    Format,
    Reading,
    join,
    reading,
    script_language,
    split_blocks,
)
from .byline import (
    closes_text,
    read_byline,
    signed,
    stamp_after_names,
    take_credits,
    take_opening_credit,
)
from .dateline import DATELINE_DAYS_BEFORE, Dateline, dateline_day, match_dateline, take_dateline
from .release import take_release_furniture
from .stamps import (
    Stamp,
    open_order_stamps,
    parse_published,
    parse_stamp,
    saved_stamp,
    says_changed,
)

if TYPE_CHECKING:
    from .mhtml import MailHead

# --- the head: date header, headline, byline ----------------------------------

_MAX_HEADLINE_WORDS = 25


def _is_headline(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_HEADLINE_WORDS
        and not re.search(r"[.:;,。：；，]$", text)
        and parse_stamp(text) is None
        and match_dateline(text + " x") is None  # (as read: "Паромная линия Баку — Актау
    )  # возобновила работу" is no place before a dash, its words in lower case)


@dataclass
class _Head:
    fields: dict[str, Field]
    rest: list[tuple[list[str], int]]  # the blocks after the head
    notes: list[tuple[int, str]]
    furniture: list[Furniture]


#: An agency's slug line, the story's code for its editors: ``AP-AS--Azerbaijan-Rail,0412``.
_SLUG = later(r"[A-Z]{2,}(?:-[A-Z]{2,})*--[\w'-]+(?:,\d{3,5})?")


def _head_apart(blocks: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """The first block with its head lines apart, when they run straight into the text with
    no blank line between (agency copy: slug, headline, byline and its affiliation, then
    the first paragraph): each short line before the first sentence a block of its own,
    a byline with the affiliation after it together; only when one of them is a byline
    or a slug."""
    if not blocks or len(blocks[0][0]) < 3:
        return blocks
    lines, first = blocks[0]
    head = 0
    while head < min(len(lines) - 1, 6) and _is_headline(lines[head]):
        head += 1
    bylines = (
        n
        for n in range(head)
        if read_byline(lines[n : n + 1]) is not None or _SLUG().fullmatch(lines[n])
    )
    if head < 2 or next(bylines, None) is None:
        return blocks  # no byline nor slug: short lines of the text itself, perhaps
    out: list[tuple[list[str], int]] = []
    n = 0
    while n < head:
        together = 2 if n + 1 < head and read_byline(lines[n : n + 2]) is not None else 1
        out.append((lines[n : n + together], first + n))
        n += together
    return [*out, (lines[head:], first + head), *blocks[1:]]


def _read_head(blocks: list[tuple[list[str], int]]) -> _Head:
    fields: dict[str, Field] = {}
    notes: list[tuple[int, str]] = []
    furniture: list[Furniture] = []
    rest = _stamps_apart(
        _head_apart(_chrome_apart(_menu_apart(list(blocks), furniture), furniture))
    )
    if rest and len(rest[0][0]) == 1 and _slug(rest[0][0][0], rest[1:]):
        name, line = rest[0][0][0], rest[0][1]
        furniture.append(Furniture("slug", name, line))
        if agency_of(name) is not None:  # the agency whose copy it is: its origin
            fields["agency"] = Field(name, line)
        rest = rest[1:]
    while rest and rest[0][0] and _head_stamp(rest[0][0][0]):  # ("Printed: ..." too)
        _stamp_line(rest[0][0][0], rest[0][1], fields, notes, furniture)
        lines, line = rest[0]
        rest = ([(lines[1:], line + 1)] if lines[1:] else []) + rest[1:]
    if len(rest) >= 3 and len(rest[0][0]) == 1 and _is_headline(rest[0][0][0]):
        fields["title"] = Field(rest[0][0][0], rest[0][1])
        rest = rest[1:]
    while len(rest) >= 2 and _byline_or_stamp(rest[0], fields, notes, furniture):
        rest = rest[1:]  # a byline and a date line after the headline, in either order
    return _Head(fields, rest, notes, furniture)


#: A link to skip a page's menu, opening the text a browser saves of a page ("Skip to main
#: content", as Firefox's "Save Page As… Text Files" writes it, and in other languages).
_SKIP_LINK = later(
    r"(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|article)"
    r"|перейти\s+к\s+(?:основному\s+)?(?:содержанию|контенту)|aller\s+au\s+contenu"
    r"|zum\s+inhalt(?:\s+springen)?|saltar\s+al\s+contenido|salta\s+al\s+contenuto)\W*",
    re.IGNORECASE,
)


def _menu_apart(
    blocks: list[tuple[list[str], int]], furniture: list[Furniture]
) -> list[tuple[list[str], int]]:
    """``blocks`` without the page's menu opening them, which goes to ``furniture``: a
    block of short lines, the first a link to skip it (:data:`_SKIP_LINK`)."""
    if len(blocks) < 3 or not _SKIP_LINK().fullmatch(blocks[0][0][0].strip()):
        return blocks
    lines, line = blocks[0]
    if not all(_is_short(x) for x in lines):
        return blocks
    furniture.append(Furniture("navigation", " ".join(lines), line))
    return blocks[1:]


#: The most blocks of a page's chrome above its headline (see :func:`_chrome_apart`).
_MOST_CHROME = 4


def _chrome_apart(
    blocks: list[tuple[list[str], int]], furniture: list[Furniture]
) -> list[tuple[list[str], int]]:
    """``blocks`` without the short lines above a headline and the byline under it, which go
    to ``furniture``: what a browser's text save of a page keeps of its head, its menu, its
    search box, the section's name over the headline ("Search" / "Subscribe", "Economy" /
    "Azerbaijan and China sign ..." / "By Leyla Hasanova" / "23 April 2025").  Only when
    the byline names a writer, the line above it reads as a headline, and every line above
    that is short; a text opening with its own paragraphs is left as it is."""
    for k in range(1, min(len(blocks) - 1, _MOST_CHROME + 1)):
        named, _ = _stamps_under(blocks[k][0])
        byline = read_byline(named) if named else None
        if byline is None or byline.author is None:
            continue
        lines, line = blocks[k - 1]
        above = [x for b in blocks[: k - 1] for x in b[0]] + lines[:-1]
        if not _is_headline(lines[-1]) or not above or not all(_chrome(x) for x in above):
            return blocks
        furniture += [Furniture("navigation", " ".join(b[0]), b[1]) for b in blocks[: k - 1]]
        if lines[:-1]:
            furniture.append(Furniture("navigation", " ".join(lines[:-1]), line))
        return [([lines[-1]], line + len(lines) - 1), *blocks[k:]]
    return blocks


#: The most words of a line of a page's chrome (a menu's item, a section's name).
_MOST_CHROME_WORDS = 4


def _chrome(text: str) -> bool:
    """Whether a line above a headline may be the page's chrome: a few words, as a menu's
    items and a section's name are (a headline above another is longer), no Markdown
    heading (a clipping's title), no date header or stamp (``date 2025-03-12``: the copy's
    date, read as such)."""
    return (
        len(text.split()) <= _MOST_CHROME_WORDS
        and _is_short(text)
        and not text.lstrip().startswith("#")
        and parse_published(text) is None
        and not _is_stamp(text)
    )


def _slug(text: str, after: list[tuple[list[str], int]]) -> bool:
    """Whether the line ``text`` opening a capture is its agency's label, not its headline:
    a slug (``AP-AS--Azerbaijan-Rail,0412``), or an agency's name alone above the date line
    (``AFP`` / ``23 April 2025 13:52 GMT``, as an agency's terminal copies it)."""
    if _SLUG().fullmatch(text):
        return True
    return (
        agency_of(text) is not None
        and bool(after)
        and bool(after[0][0])
        and parse_stamp(after[0][0][0]) is not None
    )


def _stamps_apart(blocks: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """The first block apart when it is a headline with its date stamps on the lines under
    it, as copying a page's head gives them (``Headline`` / ``23 апреля 2025, 15:12`` /
    ``Обновлено 23 апреля 2025, 16:40``): each line a block of its own."""
    if not blocks or not 2 <= len(blocks[0][0]) <= 4:
        return blocks
    lines, first = blocks[0]
    if not _is_headline(lines[0]) or not all(map(_head_stamp, lines[1:])):
        return blocks
    return [*(([x], first + n) for n, x in enumerate(lines)), *blocks[1:]]


def _head_stamp(text: str) -> bool:
    """Whether a line under a headline is a date stamp: of its publication, or of the day
    the page was saved or printed ("Printed: 27 April 2025 09:00", furniture: the capture's
    day, never the publication's)."""
    return (
        parse_published(text) is not None
        or saved_stamp(text) is not None
        or open_order_stamps(text) is not None  # "04/05/2025 14:05": a stamp, its day open
    )


def _stamp_line(
    text: str,
    line: int,
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
    furniture: list[Furniture],
) -> None:
    """A date stamp's line: the publication's date and time, when none is known yet; a
    stamp saying when the page changed (``Updated: ...``), or a second one, furniture."""
    stamp = parse_published(text)
    if stamp is None or says_changed(text) or "published" in fields:
        furniture.append(Furniture("timestamp", text, line))
    else:
        _take_stamp(stamp, line, fields, notes)


def _byline_or_stamp(
    block: tuple[list[str], int],
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
    furniture: list[Furniture],
) -> bool:
    """Take ``block`` as the byline (when no author is known yet) or, its lines stamps (at
    most three), as the date stamp (when no date is known yet: "12 March 2025" under a
    pasted headline; one saying when the page changed is furniture); False when it is
    neither, or what it would give is known already."""
    lines, line = block
    named, stamps = _stamps_under(lines)
    byline = None if "author" in fields or not named else read_byline(named)
    if byline is not None:  # its writers, else a desk's or an agency's: furniture
        if byline.author is not None:
            fields["author"] = Field(byline.author, line)
        else:
            furniture.append(Furniture("byline", " ".join(named), line))
        if byline.agency is not None and "agency" not in fields:
            fields["agency"] = Field(byline.agency, line)
        beside = stamp_after_names(named[0])  # "By Nigar Bayramli · April 24, 2025"
        for n, text in [*([(0, beside)] if beside else []), *enumerate(stamps, len(named))]:
            _stamp_line(text, line + n, fields, notes, furniture)
        return True
    if len(lines) > 3 or not all(map(_head_stamp, lines)):
        return False
    if "published" in fields and not all(says_changed(x) for x in lines):
        return False
    for n, text in enumerate(lines):
        _stamp_line(text, line + n, fields, notes, furniture)
    return True


def _stamps_under(lines: list[str]) -> tuple[list[str], list[str]]:
    """A block's lines before the date stamps ending it, and those stamps: a byline with
    its stamp under it and no blank line between, as apnews.com's head is copied ("By AYTAN
    MAMMADOVA" / "Associated Press" / "Updated 4:17 AM GMT+4, April 23, 2025")."""
    n = len(lines)
    while n > 0 and parse_published(lines[n - 1]) is not None:
        n -= 1
    return lines[:n], lines[n:]


def _take_stamp(
    stamp: Stamp, line: int, fields: dict[str, Field], notes: list[tuple[int, str]]
) -> None:
    """The fields a date stamp on ``line`` gives, and the note on its day of the week."""
    fields.update((key, Field(value, line)) for key, value in stamp.fields())
    if (note := stamp.weekday_note()) is not None:
        notes.append((line, note))


# --- the tail: page furniture -------------------------------------------------

_PROMPT = later(
    r"^(?:follow\s+(?:us|[A-Z]\w*)|subscribe|sign\s+up|join\s+(?:us|our)|share\s+(?:this|on)"
    r"|like\s+us|download\s+(?:our|the)\s+app|get\s+(?:the|our)\s+\w+\s+(?:app|newsletter)"
    r"|copy\s+link)\b"
    r"|^(?:share|tweet|whatsapp|telegram|facebook|twitter|linkedin|instagram|youtube|vk|x|e-?mail"
    r"|print|copy)\W*$",
    re.IGNORECASE,
)
#: The words of a pointer to another story, as English writes them.
_POINTER = r"read\s+(?:also|more|next)|see\s+also|also\s+read"
_NAVIGATION = later(
    rf"^(?:(?:related|suggested)\s+(?:news|articles|stories|posts|content|topics|reading)"
    rf"|{_POINTER}"
    r"|more\s+(?:news|stories)\s+(?:from|on)|latest\s+news"
    r"|most\s+(?:read|popular|viewed)|top\s+(?:news|stories)|news\s+(?:line|feed)|tags?\s*:"
    r"|topics?\s*:|categor(?:y|ies)\s*:|all\s+news|leave\s+a\s+(?:comment|reply)|©|copyright\b"
    r"|all\s+rights\s+reserved)"
    r"|^(?:related|latest|popular|recommended|trending|tags|topics|home|back|next|previous|prev"
    r"|menu|more|advertisement|ad|comments?|other\s+(?:news|stories|articles))\W*$",
    re.IGNORECASE,
)
#: A pointer to another story within the text ("Read more: ...", "Читайте также: ...").
_READ_ALSO = later(
    rf"(?:{_POINTER}|related(?:\s+(?:articles?|stories|news|coverage|content))?"
    r"|more\s+on\s+this(?:\s+story)?|discover\s+more|more\s+posts|you\s+might\s+(?:also\s+)?like"
    r"|(?:à\s+)?lire\s+(?:aussi|également)"
    r"|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lea\s+(?:también|más)|leggi\s+anche"
    r"|leia\s+(?:também|mais)|читайте\s+(?:также|тоже|ещё|еще)|смотрите\s+также|см\.\s+также"
    r"|həmçinin\s+oxuyun|daha\s+ətraflı|ayrıca\s+(?:okuyun|bakınız)|ilgili\s+haber(?:ler)?|相关(?:阅读|新闻)|延伸阅读"
    # Ukrainian, Polish, Indonesian and Malay, Vietnamese, Uzbek, Korean
    r"|читайте\s+(?:також|ще)|дивіться\s+також|czytaj\s+(?:także|też|również|więcej)"
    r"|zobacz\s+(?:także|też|również)|baca\s+(?:juga|selengkapnya)|lihat\s+juga|xem\s+thêm"
    r"|đọc\s+thêm|shuningdek\s+o[‘'’`]qing|관련\s*기사"
    # Uzbek's and Kazakh's "on the subject" (Kun.uz's "Mavzuga oid:"), Kazakh's "read also"
    r"|mavzuga\s+oid|тақырыпқа\s+(?:қатысты|орай)|сондай-ақ\s+оқыңыз"
    r"|اقرأ\s+(?:أيضا|أيضاً)|بیشتر\s+بخوانید|ראו\s+גם)\s*(?:[:：—–|-]|$)",
    re.IGNORECASE,
)
#: A label standing where an advertisement was ("Advertisement", "Story continues below").
_AD_LABEL = later(
    r"(?:advertisement|advertising|ad|sponsored(?:\s+content)?|anzeige|werbung|publicité"
    r"|publicidad|pubblicità|publicidade|реклама|reklam|reklama|إعلان|广告"
    r"|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?"
    r"(?:advertisement|ad))?)\W*",
    re.IGNORECASE,
)
#: A call to pay for the outlet: words no sentence of news says, anywhere ("Click here to
#: subscribe", "Subscribers only", "to keep reading"), and words a sentence may say, as
#: the paragraph opens ("Subscribe now", "Become a member": "Sweden applied to become a
#: member of NATO", "Investors can subscribe today to the bond" are sentences).
_PAYWALL = later(
    r"\b(?:(?:enjoying|like|liked|love)\s+this\s+(?:article|story)\?|click\s+here\s+to\s+"
    r"(?:subscribe|sign\s+up|become|support|donate)|(?:subscribe|log\s+in|sign\s+(?:up|in)"
    r"|become\s+a\s+(?:member|subscriber)|register\s+(?:for\s+free|now))(?:\s+\w+){0,3}\s+to\s+"
    r"(?:keep|continue)\s+reading\b|(?:this|the)\s+(?:article|story)\s+is\s+(?:for|available\s+to)"
    r"\s+subscribers\s+only\b"
    # as Le Monde, Die Zeit, Kommersant end a page cut short
    r"|il\s+vous\s+reste\s+[\d.,]+\s*%\s+de\s+cet\s+article\s+à\s+lire"
    r"|la\s+suite\s+est\s+réservée\s+aux\s+abonnés|réservée?\s+aux\s+abonnés\W*$"
    r"|nur\s+für\s+(?:abonnenten|abonnentinnen)|jetzt\s+weiterlesen\s+mit"
    r"|доступ(?:но|ен)\s+только\s+(?:для\s+)?подписчик\w*"
    r"|чтобы\s+(?:продолжить\s+чтение|читать\s+дальше)\W"
    # as Japanese papers cut a page short: "この記事は有料記事です。残り812文字"
    r"|この記事は有料記事です|有料会員(?:限定|になると)|残り\d+文字"
    # the outlet's newsletter, in its own voice: "... can sign up to our new Opinion newsletter"
    r"|sign\s+up\s+(?:to|for)\s+(?:our|my)\s+(?:[\w'’-]+\s+){0,4}newsletters?\b)",
    re.IGNORECASE,
)
_PAYWALL_OPENING = later(
    r"(?:subscribers?\s+only\b|subscribe\s+(?:now|today|here)\b|become\s+a\s+(?:member"
    r"|subscriber|supporter|patron)\b|support\s+(?:our|independent)\s+journalism"
    r"|donate\s+(?:now|today)\b)",
    re.IGNORECASE,
)
#: A photographer's credit in Chinese, ending a paragraph as it ends a picture's caption and
#: nothing else: "新华社记者 李学仁 摄", "新华社记者王超摄" (photographed by the reporter),
#: "（刘洋 摄）", "新华社发（人民网 杨光宇 摄）"; not the verb "拍摄" (to film) ending a clause,
#: nor a name and "摄" followed by more words ("记者王超摄制的纪录片...").
_SHOT_BY = (
    r"(?:(?:记者|攝影|摄影)\s*[^\s，。]{1,12}(?:\s+[^\s，。]{1,12})?"
    r"|[（(]\s*[^\s，。（）()]{1,12}(?:\s+[^\s，。（）()]{1,12}){0,2})\s*(?<!拍)[摄攝]\s*[)）]?\s*$"
)
#: A photograph's credit ending a paragraph, as a caption ends: "... in Beijing. Photo:
#: Xinhua", "(Photo by Jane Roe/AFP)", "Фото: ТАСС", "... April 23, 2025. (Xinhua/Li
#: Xueren)", and the Chinese credit (:data:`_SHOT_BY`).
_PHOTO_CREDIT = later(
    r"(?:^|[.!?]\s+|\(\s*|\|\s*)(?:photo(?:graph)?s?|image|picture|фото|foto|صورة)"
    r"(?:\s*:\s*|\s*/\s*|\s+by\s+)[^\s.,:;!?()]+(?:\s+[^\s.,:;!?()]+){0,5}\)?\s*$"
    # an agency and its photographer, a name of two words or more: "(Xinhua/Li Xueren)", "(AP
    # Photo/Ng Han Guan)" (not "(RFE/RL)", "(Reuters/Ipsos)": sources)
    r"|[.!?]\s*\(\s*(?-i:[A-Z][\w.-]*)(?:\s+[\w.-]+)?\s*/\s*(?-i:[A-Z])[^()/\s]*\s+[^()/]{1,40}\)\s*$"
    rf"|{_SHOT_BY}",
    re.IGNORECASE,
)
_SHOT_BY_ENDING = later(_SHOT_BY)
#: The most sentences a caption ending in the Chinese credit says before it (what the
#: picture shows, and perhaps a sentence of why): a paragraph of more, run into a credit,
#: is taken for text.
_MOST_CAPTION_SENTENCES = 2


def _sources_credited(text: str) -> bool:
    """Whether a paragraph ends naming only news agencies in brackets ("... fabricated.
    (AFP/Reuters)"): the sources of a text, not a photograph's credit."""
    last = re.search(r"\(([^()]+)\)\s*$", text)
    names = [n.strip() for n in last[1].split("/")] if last else []
    return bool(names) and all(agency_of(n) is not None for n in names)


#: A caption longer than this is taken for text.
_MAX_CAPTION_WORDS = 80
#: A call to follow the outlet somewhere ("Follow the author on X: @name", "Stay up to date:
#: subscribe to our Telegram channel"): its opening words, and the place it names.
_CALL = later(
    r"(?:follow(?!-)|subscribe|sign\s+up|join|stay\s+(?:up[\s-]to[\s-]date|tuned|informed|"
    r"connected)|download|get\s+(?:the|our)|like\s+us|find\s+us|подписывайтесь|подпишитесь"
    r"|следите\s+за|читайте\s+нас|скачайте|suivez|abonnez-vous|folgen\s+sie|abonnieren\s+sie"
    # Izvestia's "Все важные новости — в канале «Известия» в мессенджере MAX"
    r"|(?:все\s+)?(?:самые\s+)?(?:важные|главные|последние|свежие|срочные)\s+новости\s*[—–-]\s*в)\b",
    re.IGNORECASE,
)
#: The same call as Azerbaijani, Turkish, Uzbek and Kazakh put it, last: "APA-nın Telegram
#: kanalına abunə olun", "Kun.uz’ning Telegram kanaliga obuna bo‘ling", "Hürriyet'i Google
#: Haberler'de takip edin"; and Meduza's, after its pitch: "Мы рассказываем честно не только
#: про войну. Скачайте приложение.".
_CALL_LAST = later(
    r"\b(?:abunə\s+olun|izləyin|qoşulun|takip\s+edin|abone\s+olun|katılın"
    r"|obuna\s+bo[‘'’`ʻ]?ling|kuzatib\s+boring|жазылыңыз"  # Uzbek, Kazakh
    r"|(?:скачайте|установите)\s+(?:наше\s+)?приложение)\W*$",
    re.IGNORECASE,
)
_PLACE = later(
    r"\b(?:telegram|twitter|facebook|instagram|youtube|whatsapp|linkedin|tiktok|vk|threads"
    r"|bluesky|mastodon|newsletter|podcast|app|rss|apple\s+news|flipboard|dzen|дзен|дзене"
    r"|канале|мессенджере|приложение"
    r"|google\s+(?:news|haberler|xəbərlər\w*|новост\w*|nachrichten|actualités|noticias))\b"
    r"|\bon\s+x\b|(?<!\w)@\w",
    re.IGNORECASE,
)
#: A page's own buttons and asks, read as a short paragraph: "Listen to this article",
#: "Gift this article", "Have a tip? Contact us...", "Subscribe to unlock this article",
#: "Unlock this article. Subscribe to SCMP for unlimited access to award-winning journalism.",
#: "This article is also available in French",
#: "Already a subscriber? Log in",
#: "Thanks for reading! If you enjoyed this, follow me...";
#: a newsletter's notice of why it was sent, ending an e-mail: "You are receiving this email
#: because you subscribed to ...", "You received this newsletter because you signed up...".
_BUTTON = later(
    r"(?:(?:listen\s+to|gift|share|save|print|bookmark|e-?mail)\s+(?:this\s+|the\s+)?"
    r"(?:article|story)(?:\s+(?:with\s+a\s+friend|for\s+later))?\W*$"
    r"|share\s+on\s+(?:facebook|x|twitter|linkedin|whatsapp|telegram|vk)\W*$|copy\s+link\W*$"
    r"|(?:have|got)\s+a\s+(?:news\s+)?tip\s*\?"
    r"|subscribe\s+to\s+(?:unlock|read|continue|access)"
    r"|unlock\s+(?:this|the\s+full)\s+(?:article|story)\b"
    r"|subscribe\s+(?:to\s+[^\s.!?]+(?:\s+[^\s.!?]+){0,3}\s+)?for\s+(?:unlimited|full)\s+access\b"
    r"|already\s+(?:a\s+)?(?:subscriber|member|registered)\s*\?\s*(?:log|sign)\s*in\W*$"
    r"|thanks?\s+(?:you\s+)?for\s+reading\b"
    r"|you(?:['’]re|\s+are|\s+were)?\s+(?:receiving|received|getting|got)\s+this\s+"
    r"(?:e-?mail|newsletter|message|mail)\s+(?:because|as)\b"
    r"|this\s+(?:article|story)\s+is\s+(?:also\s+)?available\s+in\s+[\w-]+\W*$)",
    re.IGNORECASE,
)
_MAX_BUTTON_WORDS = 16
#: A social page's counters and buttons under a post, alone in a block, their elements' words
#: often glued as a page copies them: "1.2KLikeCommentShare84 comments211 shares", "48.2K
#: Views", "312 replies 1.2K reposts". (Each part taken whole, possessively: a run of digits
#: divided every way between repetitions took exponential time; a plural's "s" in small
#: letters only, or "CommentShare" lost its "S".)
_COUNTERS = later(
    r"(?:[\d.,]++\s*+(?-i:[KkMm](?![a-z]))?\s*+|(?:(?:like|comment|share|view|repost|retweet"
    r"|bookmark|reaction|upvote|point|quote|save)(?-i:s)?|repl(?:y|ies))\s*+|[·•|]\s*+)++",
    re.IGNORECASE,
)
#: A page's notice of its age when it was saved, as The Guardian heads an older story ("This
#: article is more than 1 year old", "Cet article a plus d'un an", "Dieser Artikel ist mehr
#: als 2 Jahre alt"): the site's words on the day it was read, none of the article's.
_AGE_NOTICE = later(
    r"(?:this\s+(?:article|story|content|page|piece)\s+(?:is\s+(?:more\s+than|over)\s+"
    r"(?:\d+|an?|one|two|three)\s+(?:years?|months?)\s+old|was\s+(?:published|written)\s+"
    r"(?:more\s+than|over)\s+(?:\d+|an?|one|two|three)\s+(?:years?|months?)\s+ago)"
    r"|cet\s+article\s+(?:a|date\s+de)\s+plus\s+d(?:'|’|e\s+)(?:un|\d+)\s+(?:an|ans|mois)"
    r"|dieser\s+artikel\s+ist\s+(?:älter\s+als|mehr\s+als)\s+(?:ein|\d+)\s+(?:jahr|jahre|monate?)"
    r"(?:\s+alt)?|este\s+artículo\s+tiene\s+más\s+de\s+(?:un|\d+)\s+(?:año|años|meses))\W*",
    re.IGNORECASE,
)
#: A copyright line: "© 2025 The Caspian Times. All rights reserved.", and as others write it.
_COPYRIGHT = later(
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})).*"
    r"|.*\b(?:all\s+rights\s+reserved|все\s+права\s+защищены|tüm\s+hakları\s+saklıdır"
    r"|bütün\s+hüquqlar\s+qorunur|tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten"
    r"|todos\s+los\s+derechos\s+reservados|direitos\s+reservados)\W*"
    # ANSA's, Yonhap's, opening the line: "Riproduzione riservata © Copyright ANSA",
    # "<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>"
    r"|\W{0,2}(?:riproduzione\s+riservata\W*|저작권자\s*)(?:©|ⓒ|\(c\)|copyright\b).{0,120}"
    # the terms of reprinting a page: "При перепечатке ссылка на ... обязательна",
    # InterPressNews' "ინფორმაციის გავრცელებისას „ინტერპრესნიუსზე“ მითითება სავალდებულოა"
    r"|\W{0,2}при\s+(?:перепечатке|использовании|цитировании)\b.{0,120}\s+ссылка\s+.{0,80}"
    r"обязательна\W*|.{0,40}(?:გავრცელებისას|გამოყენებისას).{0,80}მითითება\s+სავალდებულოა\W*",
    re.IGNORECASE | re.DOTALL,
)
#: "(c) Agencia EFE", as EFE ends its copy: the mark and a holder, no year (a copyright
#: line only when the holder is a news agency the readers know: "(c) the parties agree" is
#: a list's third item).
_C_HOLDER = later(r"\(c\)\s*(?P<holder>[^\W\d_][^.!?;:()]{1,40})", re.IGNORECASE)


def _is_copyright(text: str) -> bool:
    """Whether the paragraph is a copyright line (:data:`_COPYRIGHT`, :data:`_C_HOLDER`)."""
    text = text.strip()
    if _COPYRIGHT().fullmatch(text):
        return True
    held = _C_HOLDER().fullmatch(text)
    return held is not None and agency_of(held["holder"].strip()) is not None


#: A paragraph longer than this is text, whatever it opens with.
MAX_PROMOTION_WORDS = 40


#: The holder a copyright line names after its mark and year: "Copyright © 2025 The
#: Associated Press. All rights reserved." (up to a stop, a comma or a bar).
_HOLDER = later(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*:?\s*(?:\d{4}\s*,?\s*)?(?P<holder>[^.,;|©]{2,60})",
    re.IGNORECASE,
)


def copyright_agency(text: str) -> str | None:
    """The news agency a copyright line within a story names as the text's holder ("Copyright
    © 2025 The Associated Press. All rights reserved.", "© Reuters 2025"): whose copy it is;
    None for any other line, or another holder (the outlet's own, its owner's)."""
    if not _is_copyright(text):
        return None
    held = _HOLDER().search(text)
    if held is None:
        return None
    holder = re.sub(r"\s+\d{4}$", "", held["holder"].strip())
    return holder if agency_of(holder) is not None else None


def separator(text: str) -> str | None:
    """ "separator" for a paragraph without a letter or a digit ("___", "* * *")."""
    return None if any(c.isalnum() for c in text) else "separator"


#: Words handing a sentence to someone after a comma (", the minister joked to reporters"):
#: a paragraph opening "Subscribe now ..." or "Become a member ..." that holds them reports
#: what someone said (audit 5).
_REPORTED = later(
    r",\s+(?:[\w'’.-]+\s+){1,5}(?:said|says|joked|urged|told|added|wrote|stated|noted|asked"
    r"|declared|announced|insisted|argued|quipped|replied|warned)\b",
    re.IGNORECASE,
)


def _paywall(text: str) -> bool:
    if _PAYWALL().search(text):
        return True
    return bool(_PAYWALL_OPENING().match(text)) and _REPORTED().search(text) is None


def points_elsewhere(label: str) -> bool:
    """Whether ``label`` is alone a label pointing to other stories ("Related Stories",
    "Читайте также", "Read more:"), and nothing else ("Related-party transactions")."""
    label = label.strip()
    return _READ_ALSO().fullmatch(label) is not None and not label.endswith(("-", "–"))


def _counters(text: str) -> bool:
    """Whether a paragraph is a social page's counters and buttons alone (see
    :data:`_COUNTERS`): a number and a button's word at least."""
    text = text.strip()
    return (
        _COUNTERS().fullmatch(text) is not None
        and any(c.isdigit() for c in text)
        and any(c.isalpha() and c not in "KkMm" for c in text)
    )


def _shot_by(text: str) -> bool:
    """Whether a paragraph is a picture's caption wherever it stands: ending in a Chinese
    photographer's credit (:data:`_SHOT_BY`, "...出席活动。新华社记者王超摄"), which ends
    nothing but a caption, after a sentence or two (:data:`_MOST_CAPTION_SENTENCES`)."""
    credit = _SHOT_BY_ENDING().search(text)
    if credit is None or len(text.split()) > _MAX_CAPTION_WORDS:
        return False
    said = text[: credit.start()]
    return sum(said.count(end) for end in "。！？!?") <= _MOST_CAPTION_SENTENCES


def promotion(text: str, *, first: bool = False) -> str | None:
    """The kind of furniture a paragraph inside the text is, when it points to another
    story ("read-also"), asks the reader to follow or pay for the outlet ("prompt"), marks
    an advertisement's place ("advertisement"), or, before the text (``first``), is a
    photograph's caption, ending with its credit ("caption": inside the text, a paragraph
    ending "(Photo: press service)" may be text, and is kept; one ending in a Chinese
    photographer's credit, "新华社记者王超摄", is a caption anywhere, see :func:`_shot_by`);
    else None."""
    words = len(text.split())
    caption = first and words <= _MAX_CAPTION_WORDS and _PHOTO_CREDIT().search(text)
    if (caption and not _sources_credited(text)) or _shot_by(text):
        return "caption"
    if words > MAX_PROMOTION_WORDS:
        return None
    if _AD_LABEL().fullmatch(text.strip()):
        return "advertisement"
    if _READ_ALSO().match(text):
        return "read-also"
    if ((_CALL().match(text) or _CALL_LAST().search(text)) and _PLACE().search(text)) or _paywall(
        text
    ):
        return "prompt"
    if words <= _MAX_BUTTON_WORDS and _BUTTON().match(text):
        return "prompt"
    if words <= _MAX_BUTTON_WORDS and _counters(text):
        return "navigation"
    if _AGE_NOTICE().fullmatch(text.strip()):
        return "notice"
    if _is_copyright(text):
        return "copyright"
    return None


_RELATIVE_STAMP = later(
    r"^(?:\d+\s+(?:minutes?|mins?|hours?|days?)\s+ago|yesterday|today|just\s+now)"
    r"(?:,?\s+\d{1,2}:\d{2})?$",
    re.IGNORECASE,
)
_CLOCK = later(r"^\d{1,2}:\d{2}$")
#: A line longer than this is not page furniture unless a sign says it is.
_MAX_FURNITURE_WORDS = 16


def _is_stamp(text: str) -> bool:
    return bool(parse_stamp(text) or _RELATIVE_STAMP().match(text) or _CLOCK().match(text))


def _sign(text: str) -> str | None:
    """The kind of furniture a line says it is, if it says."""
    if _PROMPT().match(text):
        return "prompt"
    if _NAVIGATION().match(text):
        return "navigation"
    if _is_copyright(text):  # "(c) Agencia EFE"
        return "copyright"
    if _is_stamp(text):
        return "timestamp"
    return None


def navigation(text: str) -> bool:
    """Whether ``text`` says it is a page's navigation (see :data:`_NAVIGATION`: "Latest
    news", "Most read", "Top stories"), no sentence."""
    return _NAVIGATION().match(text) is not None and not _is_sentence(text)


def _signed_box(lines: list[str]) -> bool:
    """A block of several short lines under a sign ("Sign up for our newsletter", then "Get
    the latest news delivered to your inbox every morning.", "Enter your email"): a box of
    the page, though a line of it is a sentence."""
    return (
        len(lines) > 1
        and _sign(lines[0]) is not None
        and all(len(x.split()) <= _MAX_FURNITURE_WORDS for x in lines)
    )


def _is_sentence(text: str) -> bool:
    return bool(re.search(r"[.!?…。！？][\"'”’)\]」』）]*$", text))


def _is_short(text: str) -> bool:
    return len(text.split()) <= _MAX_FURNITURE_WORDS and not _is_sentence(text)


@dataclass(frozen=True, slots=True)
class Tail:
    """Where the body ends, what follows it, and a note when unsure."""

    end: int  # index of the first block after the body
    furniture: tuple[Furniture, ...]
    note: tuple[int, str] | None


def split_tail(blocks: list[tuple[list[str], int]]) -> Tail:
    """Find the trailing run of furniture after the last body paragraph.

    Walking back from the end, a block belongs to the run when each of its
    lines is a sign (a prompt, a navigation word, a stamp) or a short line
    that is not a sentence.  The run is cut only when it holds a sign; a run
    of short lines alone is kept and noted.  A sentence that carries no sign
    ends the run: a real last paragraph, even of one sentence, stays.  The
    lines that end the story itself opening the run (a credit line, "(Reporting
    by ...)", before "Related news") are left to the text, whose credits they are.
    """
    start = len(blocks)
    while start > 1:
        lines = blocks[start - 1][0]
        if not (all(_sign(x) or _is_short(x) for x in lines) or _signed_box(lines)):
            break
        start -= 1
    while start < len(blocks) and closes_text(join(blocks[start][0])):
        start += 1
    run = blocks[start:]
    if not run:
        return Tail(len(blocks), (), None)
    if not any(_sign(x) for bl, _ in run for x in bl):
        first, last = run[0][1], run[-1][1] + len(run[-1][0]) - 1
        where = f"line {first}" if first == last else f"lines {first}-{last}"
        note = (
            f"{where}, after the last full sentence, may be page furniture (short lines, "
            "not sentences), but nothing marks them as such: kept as text; compare with the page"
        )
        return Tail(len(blocks), (), (first, note))
    return Tail(start, tuple(_furniture(run)), None)


def _furniture(run: list[tuple[list[str], int]]) -> list[Furniture]:
    """The run's lines as furniture; a headline followed by its stamp is one entry."""
    lines = [(text, line + i) for bl, line in run for i, text in enumerate(bl)]
    out: list[Furniture] = []
    i = 0
    while i < len(lines):
        text, line = lines[i]
        kind = _sign(text)
        if kind is None and i + 1 < len(lines) and _is_stamp(lines[i + 1][0]):
            out.append(Furniture("headline", f"{text} ({lines[i + 1][0]})", line))
            i += 2
            continue
        out.append(Furniture(kind or "headline", text, line))
        i += 1
    return out


# --- the reader ---------------------------------------------------------------


def _under_mail_head(capture: Capture) -> tuple[Capture, MailHead | None]:
    """``capture`` with the head a mail program writes atop an e-mail saved as text (see
    :func:`.mhtml.text_mail_head`) blanked, each line kept (every line named stays the
    file's), and that head; ``capture`` as it is, and None, when it opens with none: an
    agency's story sent by e-mail and saved as text is news copy under its head."""
    from .mhtml import text_mail_head  # (see .plain: the module reads saved pages too)

    head = text_mail_head(capture.lines)
    if head is None:
        return capture, None
    lines = ("",) * head.end + (head.lines or capture.lines)[head.end :]
    return Capture(capture.text, lines, capture.display), head


def detect(capture: Capture) -> bool:
    capture, _ = _under_mail_head(capture)
    blocks = split_blocks(capture.lines)
    if len(blocks) < 2:
        return False
    head = _read_head(blocks)
    if "published" in head.fields:
        return True
    if head.rest and match_dateline(join(head.rest[0][0])) is not None:
        return True
    if any(
        f.kind == "timestamp" and ("title" in head.fields or saved_stamp(f.text))
        for f in head.furniture
    ):
        return True  # a headline with the day the page was saved under it, or that day
        # opening the text ("Printed: 27 April 2025 09:00"): a page's copy
    tail = split_tail(head.rest)
    return bool(tail.furniture) or _credited(head.rest[: tail.end])


def _credited(blocks: list[tuple[list[str], int]]) -> bool:
    """Whether a text's last paragraph is a credit naming whose story it is, as news copy
    ends ("This story was published by The Associated Press.", "(Reporting by Jane Roe;
    Editing by John Doe)", "Source: AP"): an agency's story copied as text, with no date
    header or dateline, is news copy, its credit furniture and its agency the origin."""
    if len(blocks) < 2:
        return False
    fields: dict[str, Field] = {}
    probe = [Block("", 0), Block(join(blocks[-1][0]), 1)]
    return bool(take_credits(probe, fields)) and bool(
        fields.keys() & {"agency", "origin", "author"}
    )


def read(capture: Capture, problems: Problems) -> Reading:
    capture, mail = _under_mail_head(capture)
    found = read_blocks(split_blocks(capture.lines))
    if mail is None:
        return found
    # what the copy says of itself (its date header, headline) before what its e-mail's
    # head says (when it was sent, its subject)
    return reading(
        "wire",
        mail.fields | dict(found.fields),
        found.blocks,
        sorted([*mail.furniture, *found.furniture], key=lambda f: f.line),
        [*mail.notes, *found.notes],
    )


def read_blocks(blocks: list[tuple[list[str], int]], fmt: str = "wire") -> Reading:
    """What :func:`read` finds in a text's blocks (each its lines and the number of its
    first): another reader's blocks, made from a text with its own marks of paragraphs
    (:mod:`.clipping`'s Markdown)."""
    head = _read_head(blocks)
    fields, notes = head.fields, head.notes
    tail = split_tail(head.rest)
    body: list[Block] = []
    inside: list[Furniture] = []  # pointers and calls between the paragraphs
    for bl, at in head.rest[: tail.end]:
        kind = promotion(join(bl)) or separator(join(bl))
        if kind is not None and body:
            inside.append(Furniture(kind, join(bl), at))
        else:
            body.append(Block(join(bl), at))
    _signature_lines(body, head.rest[: tail.end])
    release = take_release_furniture(body, fields)  # ("News provided by", "About ...")
    credits = release + take_credits(body, fields)
    opening = take_opening_credit(body, fields)  # "Daily Sabah with AA" above the text
    credits += [opening] if opening is not None else []
    if tail.note is not None and any(b.line >= tail.note[0] for b in body):
        notes.append(tail.note)  # (not when the credits took those lines, which it says kept)
    if body:
        found = match_dateline(body[0].text)
        if found is not None and "published" not in fields:
            _dated_by_dateline(head.furniture, found[0], fields, notes)
        take_dateline(body, 0, found, fields, notes)
    if credits and body and separator(body[-1].text):  # "___" before them
        inside.append(Furniture("separator", body[-1].text, body.pop().line))
    furniture = [*head.furniture, *inside, *tail.furniture, *credits]
    copyright_origin([*inside, *tail.furniture], fields)
    if "language" not in fields and body and (written := script_language(body)) is not None:
        fields["language"] = Field(written, body[0].line)
    return reading(fmt, fields, body, sorted(furniture, key=lambda f: f.line), notes)


def _dated_by_dateline(
    furniture: list[Furniture],
    dateline: Dateline,
    fields: dict[str, Field],
    notes: list[tuple[int, str]],
) -> None:
    """The publication's stamp under the headline whose day in numbers leaves its order
    open ("04/05/2025 14:05"), read in the one order that puts the dateline's day ("BAKU,
    April 4.") a story's usual delay before it (0 to :data:`DATELINE_DAYS_BEFORE` days:
    5 April, not 4 May, a month after), with a note saying so; left as it is (page
    furniture, no day) when both orders do, or neither."""
    for n, item in enumerate(furniture):
        pair = open_order_stamps(item.text) if item.kind == "timestamp" else None
        if pair is None:
            continue
        late = [_days_late(dateline, stamp.date) for stamp in pair]
        fits = [stamp for stamp, days in zip(pair, late, strict=True) if days is not None]
        if len(fits) == 1:
            del furniture[n]
            _take_stamp(fits[0], item.line, fields, notes)
            other = pair[1] if fits[0] is pair[0] else pair[0]
            notes.append(
                (
                    item.line,
                    f"the stamp '{item.text}' leaves the order of its day and month open: "
                    f"read as {fits[0].date}, the dateline's day ({dateline.text.strip()}) "
                    f"a story's usual delay before it, not as {other.date}",
                )
            )
        return


def _days_late(dateline: Dateline, day: str) -> int | None:
    """How many days the publication ``day`` is after the dateline's day (its year the
    latest on or before ``day``), when it is 0 to :data:`DATELINE_DAYS_BEFORE`; else None."""
    named, _ = dateline_day(dateline, day)
    if named is None:
        return None
    late = (dt.date.fromisoformat(day) - dt.date.fromisoformat(named)).days
    return late if 0 <= late <= DATELINE_DAYS_BEFORE else None


def _signature_lines(body: list[Block], blocks: list[tuple[list[str], int]]) -> None:
    """The text's last paragraph, when its two or three lines are a signature (AZERTAC's
    "Qoşqar Hüseynov" / "Xüsusi müxbir" / "Vaşinqton", copied with no blank line between
    them), as a paragraph a line (see :func:`.byline.take_credits`), in place in ``body``."""
    if len(body) < 2 or not blocks or blocks[-1][1] != body[-1].line:
        return
    lines, at = blocks[-1]
    if not 2 <= len(lines) <= 3:
        return
    apart = [Block(" ".join(x.split()), at + n) for n, x in enumerate(lines)]
    if signed([*body[:-1], *apart]):
        body[-1:] = apart


def copyright_origin(furniture: list[Furniture], fields: dict[str, Field]) -> None:
    """When nothing named the text's news agency: the one a copyright line within the story
    names as its holder (see :func:`copyright_agency`: AP's line ending its story on a local
    station's page)."""
    for item in furniture:
        agency = None if "agency" in fields else copyright_agency(item.text)
        if agency is not None:
            fields["agency"] = Field(agency, item.line)


FORMAT = Format("wire", read, detect, order=80)
