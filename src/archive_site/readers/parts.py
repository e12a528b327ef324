"""A story split over pages: whether a saved page is one of them, and what it says so.

A news site may split a long story over pages ("Page 1 of 3", a pager of numbers under the
text, ``<link rel="next">`` to ``?page=2``): a browser saves the page it shows, so the
capture's text is that page's part, and the archive must not present it as the whole
article without saying so. What the page shows of it:

- a block of its own (outside the comments, which page too) that is a page's number among
  several, ``Page 1 of 3``, ``Страница 1 из 3``, ``Seite 2 von 3``, ``共3页``, ``第2页``,
  or WordPress's ``Pages: 1 2 3``, or a pager of numbers and a next page's link, ``1 2 3
  Next page``, ``1 2 3 下一页``;
- a ``rel="next"`` link (in the head, or on a link of the page) to the page's own address
  with a page's number: another path's last part, ``/2``, ``/page/2``, ``_1.html`` (as
  Chinese sites number a story's pages), or a query's, ``?page=2``, ``?PAGEN_1=2``; a link
  to the next story, as a blog's post navigation gives it (``rel="next"`` on
  ``/2025/04/newer-story``), is none.

Nothing is guessed of the other pages: the note names what the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import parse_qsl, urljoin, urlsplit

from ..patterns import later

#: A page's number among several, a block's whole text but for the pager's links around it
#: ("« Previous Page 2 of 3 Next »"): the page's, and how many.
_PAGE_OF = later(
    r"(?:(?:page|seite|página|pagina|pag\.|страница|стр\.|sayfa|səhifə)\s*(?P<page>\d{1,2})"
    r"\s*(?:of|von|de|di|из|/)\s*(?P<pages>\d{1,2})"
    r"|共\s*(?P<zh_pages>\d{1,2})\s*页|第\s*(?P<zh_page>\d{1,2})\s*页)",
    re.IGNORECASE,
)
#: The words and signs a pager's links may hold around the page's number, and nothing else
#: (each a token of the block's text: a word, or a sign).
_PAGER_TOKEN = later(
    r"«|»|‹|›|←|→|<|>|\||[:.,]|\d{1,2}|previous|prev|next|page|pages|seite|weiter|zurück"
    r"|suivante?|précédente?|siguiente|anterior|próxima|sonraki|önceki|следующая|предыдущая"
    r"|страница|上一页|下一页|首页|尾页|末页",
    re.IGNORECASE,
)
_TOKEN = later(r"\w+|[^\w\s]")
#: WordPress's list of a post's pages (``<!--nextpage-->``): "Pages: 1 2 3".
_PAGE_LINKS = later(r"(?:pages?|seiten|страницы)\s*:\s*1(?:\s+\d{1,2}){1,30}", re.IGNORECASE)
#: A pager of numbers from 1 and a link to the next page: "1 2 3 Next page", "1 2 3 下一页".
_NUMBERS_NEXT = later(
    r"(?:«\s*|‹\s*)?1(?:\s+\d{1,2}){1,30}\s+(?:next(?:\s+page)?|weiter|suivante?|siguiente"
    r"|próxima|sonraki|следующая(?:\s+страница)?|下一页)\s*(?:»|›|→)?",
    re.IGNORECASE,
)
#: A query's names for a page's number (Bitrix's ``PAGEN_1``), and a path's last part that
#: is one: "2", "page/2", "_1" or "-2" after the path's own (before its extension).
_PAGE_PARAMETER = later(r"page|pg|paged|pagina|pagenum|seite|part|pagen_\d", re.IGNORECASE)
_PAGE_PATH = later(r"(?:/|/page/|/p/|_|-)(?P<n>\d{1,2})/?")
#: Beyond these, a block is no pager, and a number is no page's.
_PAGER_LONGEST = 120
_MOST_PAGES = 99


def split_note(
    next_links: Iterable[tuple[str, int]],
    blocks: Iterable[tuple[str, int]],
    address: str | None,
) -> tuple[int, str] | None:
    """The note on a page that shows it is one page of a story split over pages (see the
    module's docstring), on the line of what shows it; None for any other page.
    ``next_links``: the ``href`` of each ``rel="next"`` link, and its line; ``blocks``: the
    text of each block of the page, and its line, but its comments' (which page too);
    ``address``: the page's own (its canonical link's, ``og:url``)."""
    for text, line in blocks:
        if len(text) > _PAGER_LONGEST:
            continue
        said = _pager(text)
        if said is not None:
            return line, _SPLIT.format(said=said, text=text)
    for href, line in next_links:
        if _next_page(href, address):
            return line, _SPLIT.format(said="links to the next page of its story", text=href)
    return None


def _pager(text: str) -> str | None:
    """What a block that is a pager says of the page (``is page 1 of 3 of its story``);
    None for any other block, and for a page's number among none ("Page 1 of 1")."""
    found = _PAGE_OF().search(text)
    rest = text[: found.start()] + " " + text[found.end() :] if found is not None else ""
    if found is not None and all(_PAGER_TOKEN().fullmatch(t) for t in _TOKEN().findall(rest)):
        pages = int(found["pages"] or found["zh_pages"] or 0)
        page = int(found["page"] or found["zh_page"] or 0)
        if pages > 1 and page <= pages:
            return (
                f"is page {page} of {pages} of its story"
                if page
                else f"is one of {pages} pages of its story"
            )
        return f"is page {page} of its story" if not pages and page > 1 else None
    if _PAGE_LINKS().fullmatch(text) or _NUMBERS_NEXT().fullmatch(text):
        return "has a pager of its story's pages"
    return None


def _next_page(href: str, address: str | None) -> bool:
    """Whether ``href`` (a ``rel="next"`` link's) is the address of the page ``address``
    (or, none known, of the page itself: a query alone, ``?page=2``) with a page's number."""
    base = address or "https://page.invalid/"
    if address is None and not href.startswith("?"):
        return False
    try:
        here, there = urlsplit(base), urlsplit(urljoin(base, href.strip()))
    except ValueError:
        return False
    if (here.scheme, here.netloc) != (there.scheme, there.netloc):
        return False
    if here.path == there.path:
        return _numbered_query(parse_qsl(here.query), parse_qsl(there.query))
    own, suffix = _without_extension(here.path.rstrip("/"))
    path, other = _without_extension(there.path)
    if suffix != other or not path.startswith(own):
        return False
    found = _PAGE_PATH().fullmatch(path[len(own) :])
    return found is not None and 1 <= int(found["n"]) <= _MOST_PAGES


def _numbered_query(own: Sequence[tuple[str, str]], other: Sequence[tuple[str, str]]) -> bool:
    """Whether the query ``other`` is ``own`` with a page's number (``page=2``) added or
    changed, nothing else."""
    added = [(k, v) for k, v in other if (k, v) not in own]
    kept = [(k, v) for k, v in own if (k, v) not in other]
    if len(added) != 1 or any(k != added[0][0] for k, _ in kept):
        return False
    name, value = added[0]
    return (
        _PAGE_PARAMETER().fullmatch(name) is not None
        and value.isdigit()
        and 1 <= int(value) <= _MOST_PAGES
    )


def _without_extension(path: str) -> tuple[str, str]:
    """``path`` and its file's extension apart (``/a/t2025_1.html``: ``/a/t2025_1``,
    ``.html``); no extension, ``""``."""
    found = re.search(r"\.[A-Za-z]{2,5}$", path)
    return (path, "") if found is None else (path[: found.start()], found.group())


def excerpt_note(blocks: Iterable[tuple[str, int]], last: int) -> tuple[int, str] | None:
    """The note on a page whose text is followed by a block that is only a link's words
    saying the story goes on elsewhere (see :data:`_READ_ON`), on or after the line
    ``last`` of the text's last paragraph (``blocks``: the page's, outside its furniture):
    its text may be an excerpt; None for any other page."""
    for text, line in blocks:
        if line >= last and len(text) <= _PAGER_LONGEST and _READ_ON().fullmatch(text):
            return line, _EXCERPT.format(text)
    return None


#: A link alone after a page's text saying the story goes on elsewhere, as a teaser or a
#: republished opening ends: "Continue reading →", "Read the full article", "Lire la
#: suite", "Читать далее", "Devamını oku", "阅读全文", "続きを読む".
_READ_ON = later(
    r"(?:continue reading|keep reading|read (?:the )?(?:full|whole|rest of the) "
    r"(?:article|story|piece|report)|read more|lire la suite|weiterlesen|seguir leyendo"
    r"|continua a leggere|leia mais|читать (?:далее|полностью)|devamını oku|davamını oxu"
    r"|阅读全文|查看全文|全文を読む|続きを読む)\s*(?:»|›|→|…|\.\.\.)?",
    re.IGNORECASE,
)
_EXCERPT = (
    "the page's text is followed by a link to read on ({!r}): its text may be only an "
    "excerpt of the story (a teaser, a republished opening); add the story's own page, or "
    "compare with it"
)


_SPLIT = (
    "the page {said} ({text!r}): its text may be only that page's; add the "
    "story's whole text (its other pages' too, or its single-page or print view), or say "
    "in the summary that this is a part"
)


def pagers(blocks: Iterable[tuple[str, int]], last: int) -> list[tuple[str, int]]:
    """The blocks (``blocks``: the page's, outside its furniture, each with its line) that
    are a story's pager (see :func:`_pager`), or a link to read on at or after the line
    ``last`` of the text's last paragraph (see :func:`excerpt_note`): the page's
    navigation, no text, which the notes name; the first :data:`_MOST_PAGERS`, and not one
    within another of them ("Страница 1 из 3" within its pager's "Страница 1 из 3
    Следующая страница →")."""
    found: list[tuple[str, int]] = []
    for text, line in blocks:
        if len(text) > _PAGER_LONGEST or len(found) >= _MOST_PAGERS:
            continue
        if _pager(text) is not None or (line >= last and _READ_ON().fullmatch(text)):
            found.append((text, line))
    return [(t, n) for t, n in found if not any(t != u and t in u for u, _ in found)]


#: The most pagers listed (a page's pager at its head and at its foot: two).
_MOST_PAGERS = 10


def load_more(html: str) -> tuple[int, str] | None:
    """The first button or link of a page (``html``) loading more of a live blog's entries,
    "Load earlier posts", "Show more updates", "Показать ещё", "加载更多" (see
    :data:`_LOAD_MORE`): its line and words; None when it holds none."""
    found = _LOAD_MORE().search(html)
    if found is None:
        return None
    return html.count("\n", 0, found.start("words")) + 1, " ".join(found["words"].split())


def earlier_entries_note(button: tuple[int, str]) -> tuple[int, str]:
    """The note on a live blog's page holding a button to load more of its entries (see
    :func:`load_more`: its line and words): a browser saves the entries it showed, the
    latest, and the blog's earlier ones may be missing from the capture."""
    return button[0], _EARLIER_ENTRIES.format(button[1])


#: A button's or a link's words loading more of a live blog's entries, its element's whole
#: text (within an inner element, a ``<span>``, too).
_MORE_WORDS = (
    r"(?:load|show|see|view)\s+(?:more|earlier|older|previous)"
    r"(?:\s+(?:posts|updates|entries|news))?|(?:load|show|see|view)\s+all\s+(?:posts|updates)"
    r"|(?:earlier|older|previous)\s+(?:posts|updates|entries)|more\s+(?:posts|updates)"
    r"|charger\s+plus|voir\s+plus|afficher\s+plus|mehr\s+(?:laden|anzeigen)"
    r"|cargar\s+más|ver\s+más|carregar\s+mais|daha\s+fazla\s+(?:yükle|göster)"
    r"|(?:показать|загрузить)\s+(?:ещё|еще|больше)|ещё\s+(?:записи|новости)"
    r"|加载更多|查看更多|更多内容|もっと見る|さらに読み込む"
)
_LOAD_MORE = later(
    r"<(?P<tag>button|a)\b[^<>]{0,1000}>\s*(?:<(?:span|i|strong|b)\b[^<>]{0,300}>\s*)?"
    rf"(?P<words>(?i:{_MORE_WORDS}))\s*(?:…|\.\.\.|»|›|→|↓)?\s*"
    r"(?:</(?:span|i|strong|b)>\s*)?</(?P=tag)\s*>",
)
_EARLIER_ENTRIES = (
    "the live blog's page holds a button or a link to load more of its entries ({!r}): a "
    "browser saves the entries it showed, the latest, and the blog's earlier ones may be "
    "missing from the capture; add them (a capture of the whole blog), or say in the "
    "summary that this is its latest entries"
)
