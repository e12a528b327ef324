"""A saved web page, scanned once with the standard library's HTML parser.

What the ``html`` reader needs besides the main text: the metadata the page
carries (JSON-LD scripts, ``<meta>`` tags, ``<link rel=canonical>``, the first
``<h1>`` and ``<time datetime>`` outside page furniture), the page furniture
itself (navigation, cookie banners, share buttons, "read also" boxes, tags,
comments, sidebars, footers, figure captions), each with its line, and the
line each block of text starts on.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..model import Furniture
from ..patterns import later
from .stamps import CHANGED, SAVED

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)
_SUBHEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_BLOCKS = frozenset(
    (  # noqa: SIM905
        "p li blockquote h1 h2 h3 h4 h5 h6 dd dt pre td th figcaption div caption summary "
        "details address section article aside header footer main figure"
    ).split()
)
#: The elements a browser shows within the line of the text around them, adding no space
#: before or after (``<b>Baku</b>,`` is "Baku,"; ``10<sup>6</sup>`` is "10⁶").
_INLINE = frozenset(
    "a abbr b bdi bdo cite code del dfn em font i ins kbd mark q s samp small strong sub "  # noqa: SIM905
    "sup u var".split()
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg"})
_HEADINGS = frozenset(("h1", *_SUBHEADINGS))


def is_permalink(href: str | None, text: str) -> bool:
    """Whether a link in a heading is the heading's own anchor, no word of it: a link to a
    place in the page (``href="#who-pays"``) or to none, showing no letter nor digit
    (Substack's and Ghost's ``§``, Sphinx's ``¶``, Hugo's ``#``, ``🔗``). "Who pays§" was a
    paragraph, no heading; a heading that is a link to its own place (MDN's) keeps its
    words."""
    return (not href or href.lstrip().startswith("#")) and not any(c.isalnum() for c in text)


def is_shadow_root(tag: str, a: dict[str, str]) -> bool:
    """Whether an element of the attributes ``a`` is a declarative shadow root: a
    ``<template shadowrootmode="open">`` (or ``"closed"``; ``shadowroot``, its first name),
    which a browser does not keep inert but shows as its parent's content (a page saved
    with its web components' shadow trees, as SingleFile saves one)."""
    mode = a.get("shadowrootmode", a.get("shadowroot", ""))
    return tag == "template" and mode.strip().lower() in ("open", "closed")


#: The elements whose start closes a paragraph left open (HTML's parsing rules): HTML's
#: blocks.
CLOSES_P = frozenset(
    (  # noqa: SIM905
        "address article aside blockquote details div dl fieldset figcaption figure footer "
        "form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul"
    ).split()
)

#: Furniture by the words of an element's class or id, tried in this order (each pattern
#: compiled on its first use).
_BY_NAME: tuple[tuple[str, Callable[[], re.Pattern[str]]], ...] = tuple(
    (kind, later(rf"(?:^|[\s_-])(?:{words})(?:$|[\s_-])", re.IGNORECASE))
    for kind, words in (
        ("cookie-banner", r"cookies?|consent|gdpr|cmp|onetrust|cerez|çerez|kvkk"),
        # a post of another site shown in the page: its words are its author's (a tweet)
        (
            "embedded-post",
            r"twitter-tweet|twitter-timeline|instagram-media|tiktok-embed|fb-post|"
            r"telegram-post|bluesky-embed|embedded-post|social-embed|embed-(?:twitter|x|"
            r"instagram|facebook|telegram|tiktok|bluesky)",
        ),
        # a pull quote: words of the text set large between its paragraphs, or the text's
        # own words set so (see html._pull_quotes)
        ("pull-quote", r"pull[\s_-]?quotes?|pull[\s_-]?out[\s_-]quotes?"),
        # a call to give money or join: the outlet's, not the text's
        ("appeal", r"donate|donations?|membership|member-box|support-us|supportus|fundraising"),
        ("comments", r"comments?|comment-list|comments-area|respond|disqus"),
        ("share", r"share|sharing|sharedaddy|social|share-buttons"),
        ("read-also", r"related|read-also|readalso|see-also|more-stories|recommended"),
        ("tags", r"tags?|tag-list|tags-links|cat-links|categories|keywords"),
        # a scholarly article's authors' institutions, under their names: no text of it
        ("affiliations", r"affiliations?|author-affiliations?|aff|affil"),
        # how to cite the work, a catalogue's or a journal's box: "Suggested Citation: ..."
        ("citation", r"suggested-citation|cite-as|cite-this(?:-article|-item)?|how-to-cite"),
        ("sidebar", r"sidebar|widget|widget-area|most-read|popular|trending"),
        # a table of contents: links to the page's own sections, their headings' words
        ("contents", r"toc|table-of-contents|ez-toc-container|lwptoc|toc-container"),
        ("newsletter", r"newsletter|subscribe|signup|newsletter-signup"),
        ("promotion", r"promo|promos|promotion|promotions"),
        ("navigation", r"breadcrumbs?|menu|nav|navigation|top-menu|skip-link|pagination"),
        ("footer", r"footer|colophon|site-info|copyright|bottom"),
        ("header", r"masthead|site-header|site-title|site-description"),
    )
)
_BY_TAG = {
    **dict.fromkeys(
        ("amp-twitter", "amp-instagram", "amp-facebook", "amp-tiktok", "amp-bluesky"),
        "embedded-post",
    ),
    "nav": "navigation",
    "aside": "sidebar",
    "footer": "footer",
    "figcaption": "caption",
    "form": "form",
    "header": "header",
}
#: The elements a box asking for money is: not a paragraph, a list item or a span.
_BOX_TAGS = frozenset(
    {"div", "aside", "section", "form", "figure", "footer", "header", "dialog", "ul", "ol"}
)
#: Where a class's words run together in camel case ("DonateBlock-root").
_CAMEL = later(r"(?<=[a-z])(?=[A-Z])")
#: Kinds a tag gives only outside the article (an article has its own header and footer).
_OUTSIDE_ARTICLE_ONLY = frozenset({"header", "footer"})
_MAX_FURNITURE_TEXT = 120

#: A page beyond any of these is not read (:attr:`PageScan.refused`). The text extractor's
#: parser (lxml) reads no element nested deeper than 256 (all the text of a page that
#: nests deeper was lost, without a word), takes time growing with the square of an
#: element's attributes (100,000 on one element: three minutes), and the extraction
#: grows faster than the elements (100,000 paragraphs: a minute). No page needs more.
MOST_DEPTH = 256
MOST_ATTRIBUTES = 1_000
MOST_ELEMENTS = 100_000
#: The most elements of text one element may hold as its children: the extractor takes
#: out such an element's tags (:data:`_UNWRAPPED`) and keeps its words as as many pieces of
#: text side by side, which its parser (libxml2's XPath) then orders in time growing with
#: their square: the page of a paragraph of 5,000 ``<span>`` took 1.2 s of CPU to read (the
#: extractor 0.8 s), of 15,000 7.5 s, of 30,000 193 s. A paragraph of 5,000 is a text of
#: 5,000 words at least, each marked up alone.
MOST_UNWRAPPED = 5_000
#: The most elements within paragraphs in all (each ``<p>`` and the elements of text in it):
#: the extractor takes the pieces of text of all the page's paragraphs at once
#: (``//p//text()``), in time growing with the square of their number (libxml2's XPath):
#: 6,000 paragraphs of ten ``<b>`` each took 14 s of CPU to read, 80,000 paragraphs of one
#: word 25 s. A long article of a wiki dense with marked-up formulas, 40,000 words (the
#: extractor's test page of one repeated), has 23,000 and is read in 1.4 s.
MOST_IN_PARAGRAPHS = 40_000
#: The elements of text the extractor unwraps, keeping their words (a link, a span, bold
#: and the other marks of text; its lists of tags stripped and of formatting).
_UNWRAPPED = frozenset(
    [
        "a",
        "span",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "sub",
        "sup",
        "kbd",
        "samp",
        "tt",
        "var",
        "small",
        "big",
        "font",
        "cite",
        "abbr",
        "acronym",
        "mark",
        "ins",
        "bdi",
        "bdo",
        "data",
        "dfn",
        "nobr",
        "ruby",
    ]
)


#: The figures Unicode writes raised and lowered: ``<sup>`` and ``<sub>`` text of these
#: alone is read in those characters (see :func:`raised_as_shown`).
_FIGURES = "0123456789+-\u2212=()"
_RAISED = {
    "sup": str.maketrans(
        _FIGURES,
        "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207b\u207c\u207d\u207e",
    ),
    "sub": str.maketrans(
        _FIGURES,
        "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208a\u208b\u208b\u208c\u208d\u208e",
    ),
}
#: The longest text of a ``<sup>`` or ``<sub>`` read so (an exponent, a footnote's number).
MOST_RAISED = 12


def quotation_marks(within: int) -> tuple[str, str]:
    """The quotation marks a browser shows around a ``<q>`` within ``within`` others: its
    words are a quotation, which the text says by them as a page writing them out does."""
    return ("\u201c", "\u201d") if within % 2 == 0 else ("\u2018", "\u2019")


def emoji_of(alt: str) -> str:
    """The emoji an image's ``alt`` text is, if it is emoji alone (symbols, with their
    joiners, skin tones and variation marks; at most :data:`MOST_EMOJI` characters), as X
    and Facebook set each emoji of a post as an ``<img alt="🇦🇿">``; else ""."""
    alt = alt.strip()
    if not alt or len(alt) > MOST_EMOJI:
        return ""
    kinds = {unicodedata.category(c) for c in alt}
    return alt if "So" in kinds and kinds <= _EMOJI_PARTS else ""


#: The most characters of an emoji set as an image (a family with its joiners: 11), and
#: the kinds of character one is made of.
MOST_EMOJI = 16
_EMOJI_PARTS = frozenset({"So", "Sk", "Mn", "Me", "Cf"})


def raised_as_shown(tag: str, text: str) -> str | None:
    """The text of a ``<sup>`` or ``<sub>`` (``tag``) in Unicode's superscript or
    subscript characters, when it is figures alone (digits, signs, brackets; at most
    :data:`MOST_RAISED` of them), each of which has one; else None (``1<sup>st</sup>``,
    a reference ``<sup>[3]</sup>``: read as written).  Read as plain figures, the page's
    ``10<sup>6</sup> tonnes`` was "106 tonnes", and a footnote's mark after a number,
    ``45<sup>2</sup> million``, "452 million": another number than the page shows."""
    table = _RAISED.get(tag)
    figures = text.strip()
    if table is None or not figures or len(figures) > MOST_RAISED:
        return None
    if any(c not in _FIGURES and c not in _SHOWN[tag] for c in figures):
        return None  # (figures already raised: a raised element's within it, as read)
    return figures.translate(table)


#: The characters each table of :data:`_RAISED` writes.
_SHOWN = {tag: frozenset(map(chr, table.values())) for tag, table in _RAISED.items()}


def _space(text: str) -> str:
    return " ".join(text.split())


# --- what a browser never shows -------------------------------------------------------

#: A style that hides its element, as :func:`css_of` gives it (trafilatura drops
#: ``display:none`` only as written so: "DISPLAY: NONE" was text).
HIDING_STYLE = later(
    r"(?:^|;)(?:display:none|visibility:(?:hidden|collapse))(?:!important)?(?:;|$)"
)
_CSS_SPACE = later(r"\s+|/\*.*?\*/", re.DOTALL)
#: A CSS escape: a code point in hexadecimal ("n\6f ne" is "none"), or a character.
_CSS_ESCAPE = later(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)


def _unescaped(match: re.Match[str]) -> str:
    if match[1] is None:
        return match[2]
    code = int(match[1], 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def css_of(style: str) -> str:
    """A style's declarations as a browser reads them: escapes resolved, white space and
    comments removed, in lower case (``DISPLAY : n\6f ne`` is ``display:none``)."""
    return _CSS_SPACE().sub("", _CSS_ESCAPE().sub(_unescaped, style)).lower()


@dataclass(frozen=True, slots=True)
class Hiding:
    """What a page's own style sheets hide: the classes and ids a rule of their own sets to
    ``display: none`` (``.sr { display: none }``, ``#note, .x { ... }``: at the top level of
    the sheet, not in ``@media`` or another rule's block, which hide on some screens or in
    some places only), and the classes and ids a rule shows (``display: block``...,
    anywhere but in ``@media print``: ``.d-md-block`` in ``@media``, a later ``.body {
    display: block }``, a compound ``.collapse.in``; not a name in ``:not()``), which an
    element hidden by a class but bearing one of those is not; nor one whose own style
    sets its display.  A rule hiding ``!important`` gives way only to one showing so."""

    classes: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    showing: frozenset[str] = frozenset()
    #: The names hidden ``!important``, and those shown ``!important``.
    important: frozenset[str] = frozenset()
    shown_important: frozenset[str] = frozenset()
    #: The classes and ids a rule of their own, at the sheet's top level, strikes through
    #: (``.c7 { text-decoration: line-through }``, as Google Docs' export sets struck words):
    #: see :func:`is_struck`.
    struck: frozenset[str] = frozenset()
    #: The other selectors such a rule strikes through with: compounds of a tag, classes
    #: and an id joined by descendant and child combinators (``.story .del``, ``p >
    #: span.x``, ``span.del``): see :func:`strike_states`.
    struck_selectors: tuple[Selector, ...] = ()
    #: Their compounds by one name each names (see :func:`by_name`).
    struck_by_name: Mapping[str, tuple[Named, ...]] = field(default_factory=dict)

    def hides(self, classes: str, ident: str, style: str) -> bool:
        """Whether an element of the ``class``, ``id`` and ``style`` attributes given is
        hidden by these rules."""
        if not (self.classes or self.ids):
            return False
        names = classes.split()
        ident = ident.strip()
        hidden = [c for c in names if c in self.classes] + ([ident] if ident in self.ids else [])
        if not hidden:
            return False
        own = css_of(style)
        if any(n in self.important for n in hidden):
            shown = self.shown_important
            own_shows = bool(_SHOWS().search(own)) and "!important" in own
        else:
            shown = self.showing | self.shown_important
            own_shows = "display:" in own
        return not (own_shows or ident in shown or any(c in shown for c in names))

    def __or__(self, other: Hiding) -> Hiding:
        selectors = (
            *self.struck_selectors,
            *(x for x in other.struck_selectors if x not in self.struck_selectors),
        )[:_MOST_SELECTORS]
        return Hiding(
            self.classes | other.classes,
            self.ids | other.ids,
            self.showing | other.showing,
            self.important | other.important,
            self.shown_important | other.shown_important,
            self.struck | other.struck,
            selectors,
            by_name(selectors),
        )

    def strikes(self, a: dict[str, str]) -> bool:
        """Whether an element of the attributes ``a`` is of a class or id these rules strike
        through (see :attr:`struck`)."""
        if not self.struck:
            return False
        names = [*a.get("class", "").split(), a.get("id", "").strip()]
        return any(n in self.struck for n in names if n)


_CSS_MARK = later(r"[{};]")
#: A class's or an id's name in a selector, its escapes as written (``.md\:block``).
_NAME = r"(?:[\w-]|\\[0-9a-fA-F]{1,6}\s?|\\[^0-9a-fA-F\n])+"
_SIMPLE_SELECTOR = later(rf"([.#])({_NAME})")
_NAMES = later(rf"[.#]({_NAME})")
_HIDES = later(r"(?:^|;)display:none(?:!important)?(?:;|$)")
_NOT = later(r":not\([^()]*\)")
_CSS_STRING = later(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'')
_SHOWS = later(r"(?:^|;)(?:display:(?!none)|visibility:visible)")
#: A declaration striking its element's words through, as :func:`css_of` gives it
#: (``text-decoration: line-through``, ``text-decoration-line: underline line-through``),
#: and one showing a struck element's words as others are (``text-decoration: none``).
_STRIKES = later(r"(?:^|;)text-decoration(?:-line)?:[^;]*line-through")
_UNSTRUCK = later(r"(?:^|;)text-decoration(?:-line)?:none(?:!important)?(?:;|$)")
#: The elements a browser shows struck through: a deletion, ``<del>``, and words no longer
#: accurate, ``<s>`` (``<strike>``, its old name).
_STRUCK_TAGS = frozenset(("del", "s", "strike"))


def is_struck(tag: str, a: dict[str, str], hiding: Hiding, selected: bool = False) -> bool:
    """Whether an element of the tag ``tag`` and attributes ``a`` shows its words struck
    through: a ``<del>``, ``<s>`` or ``<strike>`` (but one styled ``text-decoration:
    none``), or an element styled ``text-decoration: line-through``, by its own style or,
    by its class or id, the page's style sheet's (``hiding``: see :attr:`Hiding.struck`),
    or by another selector of its (``selected``: see :func:`strike_states`).
    A news page strikes through the words a correction withdrew, and shows those that
    replace them after (``<del>5 million</del> <ins>6 million</ins> tonnes``): read as
    text, the struck words stood as the page's ("5 million 6 million tonnes"), words a
    milestone could have quoted."""
    style = css_of(a["style"]) if a.get("style") else ""
    if tag in _STRUCK_TAGS:
        return _UNSTRUCK().search(style) is None
    if _UNSTRUCK().search(style) is not None:
        return False
    return _STRIKES().search(style) is not None or hiding.strikes(a) or selected


@dataclass(frozen=True, slots=True)
class Compound:
    """One compound of a CSS selector: a tag (``""``: any), classes and an id, all of which
    an element must have; ``child``: joined to the compound before it by ``>`` (its
    element's parent must match that one), else by a space (an ancestor must)."""

    tag: str
    classes: frozenset[str]
    ident: str
    child: bool

    def matches(self, tag: str, classes: frozenset[str], ident: str) -> bool:
        return (
            (not self.tag or self.tag == tag)
            and self.classes <= classes
            and (not self.ident or self.ident == ident)
        )


Selector = tuple[Compound, ...]
#: A selector's compound (``span.del``, ``.story``, ``#x``, ``p``, ``*``) and a combinator
#: between two (``>``, or white space: a descendant's).
_COMPOUND = later(rf"(?P<tag>[A-Za-z][\w-]*|\*)?(?P<names>(?:[.#]{_NAME})*)")
_COMBINATOR = later(r"\s*>\s*|\s+")
#: The compounds a selector read has at most (a page's are a few).
_MOST_COMPOUNDS = 8


def _selector(text: str) -> Selector | None:
    """The selector ``text`` as :class:`Compound` s, when it is made of compounds of a tag,
    classes and an id joined by descendant and child combinators (``.story .del``, ``p >
    span.x``); None for any other (an attribute's, a pseudo-class's, a sibling's: what is
    not understood strikes nothing), and for a class or an id alone (see
    :attr:`Hiding.struck`)."""
    text, pos, child = text.strip(), 0, False
    out: list[Compound] = []
    while pos < len(text) and len(out) < _MOST_COMPOUNDS:
        m = _COMPOUND().match(text, pos)
        if m is None or m.end() == pos:
            return None
        names = [(n[1], _css_name(n[2])) for n in _SIMPLE_SELECTOR().finditer(m["names"])]
        ids = [n for mark, n in names if mark == "#"]
        tag = "" if m["tag"] in (None, "*") else m["tag"].lower()
        classes = frozenset(n for mark, n in names if mark == ".")
        out.append(Compound(tag, classes, ids[0] if ids else "", child))
        pos = m.end()
        if pos < len(text):
            joined = _COMBINATOR().match(text, pos)
            if joined is None:
                return None
            child, pos = ">" in joined[0], joined.end()
    whole = pos >= len(text) and bool(out)
    alone = len(out) == 1 and not out[0].tag and len(out[0].classes) + bool(out[0].ident) == 1
    return tuple(out) if whole and not alone else None


#: A selector's compound, with its selector's index and its own, and whether it is the
#: selector's last (its element is the one struck).
Named = tuple[int, int, bool, Compound]


def by_name(selectors: Sequence[Selector]) -> dict[str, tuple[Named, ...]]:
    """``selectors``' compounds by one name each names, a class, else its id, else its tag
    (``""``: none, ``*``): an element is matched only against the compounds of its names,
    not every compound of the page's."""
    found: dict[str, list[Named]] = {}
    for s, selector in enumerate(selectors):
        for k, c in enumerate(selector):
            key = min(c.classes) if c.classes else c.ident or c.tag
            found.setdefault(key, []).append((s, k, k == len(selector) - 1, c))
    return {key: tuple(v) for key, v in found.items()}


#: What :func:`strike_states` gives an element: the selectors' compounds it matches, with
#: those before them matched above it, each as (selector, compound); those of it and of its
#: ancestors; whether it is struck.
States = tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]], bool]
NO_STATES: States = (frozenset(), frozenset(), False)


def strike_states(hiding: Hiding, tag: str, a: dict[str, str], parent: States) -> States:
    """Whether an element of the tag ``tag`` and attributes ``a`` is selected by one of the
    selectors a page's style sheet strikes through with (see
    :attr:`Hiding.struck_selectors`), given its parent's states (``parent``; :data:`NO_STATES`
    at the top): each compound it matches whose compound before it its parent matched (``>``)
    or an ancestor did (a space), the first with none before it; its states, for its
    children.  Each element is read once, its ancestors never again (a page nested 256 deep
    of 100,000 elements), and only against the compounds naming its tag, an id or a class
    of its (see :func:`by_name`)."""
    classes = frozenset(a.get("class", "").split())
    ident = a.get("id", "").strip()
    matched = set()
    struck = False
    for name in {"", tag, ident, *classes}:
        for s, k, last, compound in hiding.struck_by_name.get(name, ()):
            if not compound.matches(tag, classes, ident):
                continue
            if k == 0 or (s, k - 1) in (parent[0] if compound.child else parent[1]):
                matched.add((s, k))
                struck = struck or last
    if not matched:
        return frozenset(), parent[1], False
    own = frozenset(matched)
    return own, parent[1] | own, struck


def _applied(a: dict[str, str]) -> bool:
    """Whether a ``<style>`` with the attributes ``a`` applies to the page on a screen (not
    ``media="print"``; nor a type other than CSS)."""
    media = a.get("media", "").strip().lower()
    kind = a.get("type", "").strip().lower()
    return media in ("", "all", "screen") and kind in ("", "text/css")


def hiding_rules(css: str) -> Hiding:
    """What the style sheet ``css`` hides (see :class:`Hiding`)."""
    css = re.sub(r"/\*.*?\*/", " ", css.replace("<!--", " ").replace("-->", " "), flags=re.S)
    css = _CSS_STRING().sub('""', css)  # (a brace in a string, content: "}", closes nothing)
    classes: set[str] = set()
    ids: set[str] = set()
    showing: set[str] = set()
    important: set[str] = set()
    shown_important: set[str] = set()
    struck: set[str] = set()
    selectors: list[Selector] = []
    for prelude, body, top, printed in _rules(css):
        declared = css_of(body)
        if top and _STRIKES().search(declared):
            struck.update(_simple_names(prelude))
            read = (_selector(x) for x in prelude.split(","))
            selectors += [x for x in read if x is not None and x not in selectors]
        shows = _SHOWS().search(declared)
        if shows and not printed:
            names = {_css_name(n) for n in _NAMES().findall(_NOT().sub("", prelude))}
            strong = "!important" in declared[shows.start() :].lstrip(";").split(";", 1)[0]
            (shown_important if strong else showing).update(names)
        hides = _HIDES().search(declared) if top else None
        strongly = hides is not None and "!important" in hides[0]
        for selector in prelude.split(",") if hides else ():
            simple = _SIMPLE_SELECTOR().fullmatch(selector.strip())
            if simple is not None:
                name = _css_name(simple[2])
                (classes if simple[1] == "." else ids).add(name)
                if strongly:
                    important.add(name)
    kept = tuple(selectors[:_MOST_SELECTORS])
    return Hiding(
        frozenset(classes),
        frozenset(ids),
        frozenset(showing),
        frozenset(important),
        frozenset(shown_important),
        frozenset(struck),
        kept,
        by_name(kept),
    )


#: The selectors striking through that a page's style sheets are read for, at most.
_MOST_SELECTORS = 64


def _simple_names(prelude: str) -> Iterator[str]:
    """The class's or id's name of each of a rule's selectors that is one alone (``.c7``,
    ``#note``; not ``.toc .c7``)."""
    for selector in prelude.split(","):
        simple = _SIMPLE_SELECTOR().fullmatch(selector.strip())
        if simple is not None:
            yield _css_name(simple[2])


def _css_name(written: str) -> str:
    """A class's or an id's name as a selector writes it, its escapes resolved."""
    return _CSS_ESCAPE().sub(_unescaped, written)


def _rules(css: str) -> Iterator[tuple[str, str, bool, bool]]:
    """Each rule of ``css`` that holds no block of its own: its selectors, its declarations,
    whether it is at the sheet's top level (in no at-rule's block, in no other rule's), and
    whether it is for print alone (in ``@media print``)."""
    stack: list[tuple[str, int, list[bool]]] = []  # prelude, body's start, holds a block
    last = 0
    for m in _CSS_MARK().finditer(css):
        c = m[0]
        if c == "{":
            if stack:
                stack[-1][2][0] = True
            stack.append((css[last : m.start()].strip(), m.end(), [False]))
            last = m.end()
        elif c == "}":
            if stack:
                prelude, start, nested = stack.pop()
                if not nested[0] and not prelude.startswith("@"):
                    printed = any(p.startswith("@media") and "print" in p for p, _, _ in stack)
                    yield prelude, css[start : m.start()], not stack, printed
            last = m.end()
        elif not stack or stack[-1][0].startswith("@"):
            last = m.end()  # "@import ...;" between rules


#: An element naming the author: by its class or id, ``rel="author"``, ``itemprop="author"``
#: or the ``<address>`` of an article.
_AUTHOR = later(
    r"(?:^|[\s_-])(?:byline|bylines|byl|author|authors|author-name|writer|contributor"
    r"|user-name|username)(?:$|[\s_-])",  # (a post's account: X's data-testid="User-Name")
    re.IGNORECASE,
)


#: An element holding the outlet's correction of the text or its note on an update, by its
#: class or id (``aside.correction-notice``, ``div.editors-note``, ``p.clarification``):
#: the outlet's word on what its text said before, text in the article, never furniture.
_CORRECTION_BOX = later(
    r"(?:^|[\s_-])(?:corrections?|clarifications?|errat(?:um|a)|editors?[\s_-]*notes?"
    r"|update[\s_-]*notes?|update[\s_-]*notice)(?:$|[\s_-])",
    re.IGNORECASE,
)


def names_correction(a: dict[str, str]) -> bool:
    """Whether an element of the attributes ``a`` says it holds a correction or an
    editor's note (see :data:`_CORRECTION_BOX`)."""
    return bool(_CORRECTION_BOX().search(_CAMEL().sub(" ", _names(a))))


def names_author(a: dict[str, str]) -> bool:
    """Whether an element of the attributes ``a`` says it names an author: ``rel="author"``,
    ``itemprop="author"``, or a class, id or label saying so (see :data:`_AUTHOR`)."""
    if "author" in a.get("rel", "").lower().split() or a.get("itemprop") == "author":
        return True
    return bool(_AUTHOR().search(_names(a)))


def _names(a: dict[str, str]) -> str:
    """The names an element of the attributes ``a`` is known by: its class, its id, the id
    of what labels it (``aria-labelledby="article-byline"``: the BBC's hashed classes say
    nothing) and its name for tests (``data-testid="byline-new-contributors"``)."""
    return " ".join(
        a[k] for k in ("class", "id", "aria-labelledby", "data-testid") if a.get(k)
    ).strip()


def _stamp(tag: str, a: dict[str, str]) -> str:
    """The date and time an element gives machines: a ``<time>``'s ``datetime``; microdata's
    ``datePublished``, in an element's ``datetime``, ``content`` or, in an ``<abbr>``, as
    Blogger and other microformats write it, ``title``."""
    if tag == "time":
        return a.get("datetime", "").strip()
    if a.get("itemprop", "").strip().lower() != "datepublished":
        return ""
    keys = ("datetime", "content", "title") if tag == "abbr" else ("datetime", "content")
    return next((a[k].strip() for k in keys if a.get(k, "").strip()), "")


#: The words saying a stamp is when the page changed, just before it (see
#: :meth:`_Scanner._changed`).
_CHANGED_BEFORE = later(rf"(?<!\w)(?:{CHANGED}|{SAVED})(?:\s+(?:on|at|le|am))?\W*$", re.IGNORECASE)
#: How many characters of the text before a ``<time>`` those words are looked for in (the
#: element's whole text, joined and searched again before each of 2,000 ``<time>`` in one
#: element, took 22 s for a page of 140 KB; 8,000, four and a half minutes).
_MOST_BEFORE_TIME = 200


def _ending(parts: list[str], most: int) -> str:
    """The last ``most`` characters (all, when fewer) of the text ``parts`` make, read from
    its end: never the whole text joined."""
    taken: list[str] = []
    size = 0
    for part in itertools.islice(reversed(parts), most):
        left = most - size
        taken.append(part[len(part) - left :] if len(part) > left else part)
        size += len(taken[-1])
        if size >= most:
            break
    return "".join(reversed(taken))


#: The most characters of an element's text before its first ``<br>`` taken as a block of
#: its own (a paragraph; a whole page's text nested in elements that each hold a ``<br>``
#: after it, joined at each, made a page of 1 MB in 200 levels 50% slower).
_MOST_BEFORE_BREAK = 10_000

#: A block's text holds those of the blocks within it (a ``<div>``'s, its paragraphs'), so
#: a page's blocks hold its words as many times as they are nested: 1 MB of words in a list
#: nested 120 deep, on one line, made 121 MB of blocks, read by each reader (51 s). The
#: blocks holding others are kept while all the blocks' text is at most this many times
#: the page's length, plus :data:`_MOST_HELD_MORE` characters (a page's, as saved, holds
#: its text along with its markup: the pages we know hold at most 3 times their length);
#: past it, only the blocks holding none (each word of the page once).
_MOST_HELD_TIMES = 4
_MOST_HELD_MORE = 1_000_000


@dataclass
class _Open:
    tag: str
    line: int
    furniture: str | None  # the kind, when this element opens a piece of furniture
    text: list[str] = field(default_factory=list)
    author: bool = False  # the element names the author (see _AUTHOR)
    authors_in: int = 0  # the elements naming the author among its children
    skipped: bool = False  # a browser shows nothing of it (see _Scanner._never_shown)
    href: str = ""  # a link's address
    item: bool = False  # the element is a microdata item of an article (see _ARTICLE_ITEM)
    bold: list[str] = field(default_factory=list)  # its text set in bold (<b>, <strong>)
    first_line: int = 0  # the line its first word is on, once one is
    broken: bool = False  # a <br> has parted its text
    title: bool = False  # a document's paragraph in its Title style (see _DOCUMENT_TITLE)
    item_author: bool = False  # the element is an article item's ``itemprop="author"``
    nested: bool = False  # it holds an element whose text is kept (a block, furniture's)
    words: bool = False  # its text so far is more than white space
    element_last: bool = False  # an element closed within it last, no text after it yet
    stamp: str = ""  # a <time>'s datetime
    struck: bool = False  # its words are shown struck through (see is_struck): no text
    unwrapped: int = 0  # the elements of text among its children (see MOST_UNWRAPPED)
    paragraph: bool = False  # a <p>, or within one (see MOST_IN_PARAGRAPHS)
    raised_within: str = ""  # a raised element's figures within it, as read (see _raised)
    states: States = NO_STATES  # what the selectors striking through match (strike_states)
    inserted: bool = False  # an <ins>: words the page marks as inserted (PageScan.inserted)


#: The type of a microdata item that is an article: ``itemtype="https://schema.org/NewsArticle"``.
_ARTICLE_ITEM = later(
    r"schema\.org/(?:\w*NewsArticle|Article|BlogPosting|Report|SatiricalArticle)/?(?:\s|$)",
    re.IGNORECASE,
)


#: A word processor's HTML export: Word's ("Web Page, Filtered": ``<meta name=Generator
#: content="Microsoft Word 15">``), LibreOffice's (``<meta name="generator"
#: content="LibreOffice 24.2...">``), Google Docs' (``<body class="c4 doc-content">``).
_DOCUMENT_GENERATOR = later(r"(?:Microsoft\s+Word|LibreOffice|OpenOffice)\b", re.IGNORECASE)
#: The class of a paragraph in such a document's Title style: Word's ``MsoTitle``, Google
#: Docs' and LibreOffice's ``title``: the document's headline, as a page's ``<h1>`` is.
_DOCUMENT_TITLE = frozenset(("MsoTitle", "title"))


#: The classes Chrome's translation gives the ``<html>`` of a page it translated.
_TRANSLATED = frozenset(("translated-ltr", "translated-rtl"))


@dataclass(frozen=True, slots=True)
class ArticleItem:
    """A microdata item of an article's type (see :data:`_ARTICLE_ITEM`), as a page marks a
    post with no ``<article>`` (classic Blogger's ``div.post``): its text (white space
    collapsed), and the first ``datePublished`` and ``author`` it gives, wherever in it
    (Blogger's are in the post's footer, furniture), each with its line."""

    text: str
    published: tuple[str, int] | None
    author: tuple[str, int] | None


@dataclass
class _OpenItem:
    """An article item open in the scan (see :class:`ArticleItem`)."""

    published: tuple[str, int] | None = None
    author: tuple[str, int] | None = None


@dataclass
class PageScan:
    """What :func:`scan` found."""

    meta: dict[str, tuple[str, int]] = field(default_factory=dict)  # property/name -> (value, line)
    #: Each value of a ``<meta>`` a page gives twice or more, in its order (Bloomberg's
    #: ``parsely-author``, one for each writer); its first is in ``meta``.
    meta_repeated: dict[str, list[str]] = field(default_factory=dict)
    json_ld: list[tuple[str, int]] = field(default_factory=list)  # (script text, line)
    canonical: tuple[str, int] | None = None
    bookmark: tuple[str, int] | None = None  # <link rel=bookmark>: archive.today's full address
    #: The ``href`` of each ``rel="next"`` link (``<link>``, ``<a>``; the first ten), and its
    #: line: a story split over pages links to its next (see :mod:`.parts`).
    next_links: list[tuple[str, int]] = field(default_factory=list)
    #: Each ``<time>`` with a ``datetime`` outside the furniture (the first 2,000): its
    #: ``datetime``, its text and its line (a live blog's entries' times).
    times: list[tuple[str, str, int]] = field(default_factory=list)
    h1: tuple[str, int] | None = None
    time: tuple[str, int] | None = None
    lang: tuple[str, int] | None = None  # the language the page declares (<html lang>)
    title: tuple[str, int] | None = None  # the <title>'s text
    authors: list[tuple[str, int]] = field(default_factory=list)  # elements naming the author
    #: Elements holding two or more links that name the author, one name each ("By <a>Jane
    #: Roe</a> and <a>John Doe</a>"): the whole byline.
    author_groups: list[tuple[str, int]] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    #: The words the page marks as inserted (``<ins>``) outside its furniture, with their
    #: lines: a correction's new words, shown beside those it struck through.
    inserted: list[tuple[str, int]] = field(default_factory=list)
    #: Each ``<sup>`` or ``<sub>`` of figures holding another's beside its own, read in one
    #: level of raised figures, with its line (see ``_Scanner._raised``).
    raised_within: list[tuple[str, int]] = field(default_factory=list)
    furniture_text: list[str] = field(default_factory=list)  # the whole text of each
    #: The text of each element within furniture, with the furniture's kind ("appeal": a
    #: box's heading, "Support OC Media", or its link, as the extractor may give it alone).
    furniture_blocks: list[tuple[str, str, int]] = field(default_factory=list)  # (and its line)
    blocks: list[tuple[str, int]] = field(default_factory=list)  # text of each block, line
    headings: list[tuple[str, int]] = field(default_factory=list)  # <h2>...<h6> outside furniture
    refused: tuple[str, int] | None = None  # why the page is not read further, and the line
    #: The address a browser saved the page from, as its comment says (see _SAVED_FROM).
    saved_from: tuple[str, int] | None = None
    #: When SingleFile saved the page, as its comment says (``saved date: Wed Apr 23 2025
    #: 14:05:12 GMT+0400 (...)``): the day, ``2025-04-23``, and its line.
    saved_on: tuple[str, int] | None = None
    #: The addresses the page's furniture prints after a label, as a print view's footer
    #: does ("URL: https://..."), each with its line (see _PRINTED_ADDRESS).
    printed_addresses: list[tuple[str, int]] = field(default_factory=list)
    #: A link before the page's first paragraph showing the host of the page it points to
    #: (a read-later export's ``<a class="domain" href="https://asia.nikkei.com/...">
    #: asia.nikkei.com</a>``): the address the page was saved from (see shows_its_host).
    source_link: tuple[str, int] | None = None
    #: What the page's own style sheets hide (see :class:`Hiding`).
    hiding: Hiding = field(default_factory=Hiding)
    #: The texts of the paragraphs set in bold whole (``<p><strong>...</strong></p>``): an
    #: interview's questions, where nothing else marks them.
    bold: list[str] = field(default_factory=list)
    #: The line of the ``<html>`` whose class says a browser translated the page before it
    #: was saved (Chrome's ``translated-ltr``: see _TRANSLATED).
    translated: int | None = None
    #: The outermost microdata items of an article's type, in the page's order: which one is
    #: the page's own is told by the text it holds (a ticker's item is another story's).
    items: list[ArticleItem] = field(default_factory=list)


#: The ``rel="next"`` links kept: a page has one, a blog's post navigation two.
_MOST_NEXT_LINKS = 10
#: The ``<time>`` elements kept: a live blog of a thousand entries has as many.
_MOST_TIMES = 2000

#: The elements a page's ``<head>`` holds, before its body begins: a comment after any other
#: (or after ``<body>``) is no browser's or extension's note on the page, which opens it
#: (Chrome's before ``<html>``, SingleFile's before ``<head>``), but the text's, whoever wrote it.
_HEAD_ONLY = frozenset(("html", "head", "title", "meta", "link", "base", "style", "script"))
#: The comment in which a browser or an extension names the address it saved a page from:
#: Chrome's, Edge's and Internet Explorer's "Save as" (``<!-- saved from
#: url=(0077)https://... -->``), SingleFile's (``Page saved with SingleFile`` and on a line
#: of its own ``url: https://...``).
_SAVED_FROM = later(
    r"(?:\A\s*saved from url=\(\d{1,5}\)"
    r"|\A\s*Page saved with SingleFile\s*\n(?:.*\n){0,3}?\s*url:\s*)(?P<url>\S+)",
    re.IGNORECASE,
)
#: SingleFile's line saying when it saved the page, as a script's ``Date`` writes a time
#: (``saved date: Wed Apr 23 2025 14:05:12 GMT+0400 (Gulf Standard Time)``): in the zone
#: the saving browser kept, whose day it is.
_SAVED_DATE = later(
    r"\A\s*Page saved with SingleFile\s*\n(?:.*\n){0,4}?[ \t]*saved date:[ \t]*"
    r"(?:[A-Z][a-z]{2}[ \t]+)?(?P<month>[A-Z][a-z]{2})[ \t]+(?P<day>\d{1,2})[ \t]+(?P<year>\d{4})\b"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _saved_day(m: re.Match[str], line: int) -> tuple[str, int] | None:
    """The day SingleFile's ``saved date`` line (matched: ``m``) gives, if a real one."""
    if m["month"] not in _MONTHS:
        return None
    try:
        day = dt.date(int(m["year"]), _MONTHS.index(m["month"]) + 1, int(m["day"]))
    except ValueError:
        return None
    return day.isoformat(), line


#: The labels saying that the address after them is the page's own: "Article URL",
#: Russian sites' "Адрес материала", and those of French, German, Spanish, Turkish and
#: Chinese print views.
_OWN_LABEL = (
    r"(?:article|page|story)\s++url|адрес\s++(?:материала|страницы|статьи)"
    r"|ссылка\s++на\s++(?:материал|статью|новость)|постоянная\s++ссылка"
    r"|url\s++de\s++l['’]article|adresse\s++de\s++l['’]article|lien\s++permanent|artikel-url"
    r"|enlace\s++permanente|kalıcı\s++bağlantı|haber\s++(?:linki|adresi)"
    r"|本文链接|原文链接|文章链接|本文地址"
)
_ADDRESS_AFTER = r"\s*+[:：]\s*+(?P<url>https?://\S++)?\s*+"
#: A page's own address printed in its furniture after a label, as a print view's footer
#: gives it (``URL: https://...``, ``Permalink: https://...``, or one of :data:`_OWN_LABEL`):
#: the label, and the address after it or in the link that follows. ("Source:" is not one:
#: it may name another's.)
_PRINTED_ADDRESS = later(rf"\s*+(?:url|permalink|{_OWN_LABEL}){_ADDRESS_AFTER}", re.IGNORECASE)
#: An address printed in a block of the text after a label saying it is the page's own
#: (in the text, "URL: https://..." is a reference's).
_OWN_ADDRESS = later(rf"\s*+(?:{_OWN_LABEL}){_ADDRESS_AFTER}", re.IGNORECASE)


def printed_address(text: str) -> str | None:
    """The address a block gives after a label saying it is the page's own, and nothing
    else (see :data:`_OWN_ADDRESS`: a print view's "Адрес материала: https://..." after its
    text); None for any other."""
    found = _OWN_ADDRESS().fullmatch(text) if len(text) <= _MOST_PRINTED else None
    return None if found is None else found["url"]


#: The longest text a printed address is looked for in (an address is at most 2,000
#: characters, as browsers take it).
_MOST_PRINTED = 2100


#: A web address's host and what follows it.
_WEB_ADDRESS = later(
    r"https?://(?:www\.)?(?P<host>[^/\s?#:]+)(?::\d+)?(?P<rest>[/?][^\s#]*)?", re.I
)


def shows_its_host(text: str, href: str) -> bool:
    """Whether a link's ``text`` is the host of the address it points to, ``href``, which
    names a page of that site, not its home ("asia.nikkei.com" pointing to
    "https://asia.nikkei.com/Politics/..."; not a site's logo pointing to its home)."""
    address = _WEB_ADDRESS().fullmatch(href)
    shown = text.strip().lower().removeprefix("www.")
    if address is None or not address["rest"] or address["rest"] in ("/", "/?"):
        return False
    return "." in shown and shown == address["host"].lower()


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = PageScan()
        self.stack: list[_Open] = []
        self.skip = 0
        # a JSON-LD script's or a style sheet's text being read ("style": the latter), with
        # its line
        self.script: tuple[str, int, list[str]] | None = None
        # what the page's style sheets hide, so far (see Hiding)
        self.hiding = Hiding()
        self.in_furniture = 0
        self.in_struck = 0  # within elements shown struck through (see is_struck)
        # a label of a printed address just read, its address to follow (see _printed)
        self.address_label = False
        self.in_article = 0
        self.in_heading = 0  # within an <h1>...<h6> (see is_permalink)
        self.in_item = 0  # within microdata items of an article's type (see _ARTICLE_ITEM)
        #: the outermost article item open: its first block, its datePublished and author
        self.item: _OpenItem | None = None
        # a <time> above the headline, outside an article, with the number of blocks before
        # it: the page's date only when it is in the block just above the headline (see
        # _take_stamp)
        self.early: tuple[str, int, int] | None = None
        self.headline = False  # an <h1> outside the furniture has opened
        self.document = False  # the page is a word processor's export (_DOCUMENT_GENERATOR)
        self.paragraphs = 0  # the <p> elements of text closed so far
        self.elements = 0
        self.in_paragraphs = 0  # the elements within paragraphs (see MOST_IN_PARAGRAPHS)
        # the characters of the blocks' texts kept so far, and the most (see _MOST_HELD_TIMES)
        self.held = 0
        self.most_held = _MOST_HELD_MORE
        self.in_body = False  # the page's body has begun (see _HEAD_ONLY)
        # The text after a <br> to the next one or its element's end, with its line: a block
        # of its own, so that a paragraph of a page that parts them by <br> has its line.
        self.run: tuple[_Open, list[int], list[str]] | None = None

    # the element stack --------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.out.refused is not None or self._refused(tag, attrs):
            raise _Refused  # nothing after it is read: the parse stops there
        a = {k: v or "" for k, v in attrs}
        line = self.getpos()[0]
        self.in_body = self.in_body or tag not in _HEAD_ONLY
        self._head(tag, a, line)
        self._note_document(tag, a)
        if tag == "br" and self.stack and not (self.in_furniture or self.skip):
            self._end_run()
            self._before_break(self.stack[-1])
            self.run = (self.stack[-1], [], [])
        if tag == "meta" and self._in_article() and not self.in_furniture:
            # microdata's <meta itemprop="datePublished" content="..."> in the article
            self._take_stamp(tag, a, line)
        if tag in _VOID:
            self._void(tag, a)
            return
        self._close_hidden_paragraph(tag)
        self._start_script(tag, a, line)
        skipped = self._skipped(tag, a)
        self.skip += skipped
        states = self._strike_states(tag, a)
        kind, struck = self._kind_of(tag, a, states[2])
        self.in_struck += struck
        if kind is not None:
            self.in_furniture += 1
        if tag in ("article", "main"):
            self.in_article += 1
        self.in_heading += tag in _HEADINGS
        item = self._item_opens(tag, a, line)
        if not self.in_furniture:
            self._headline_opens(tag)
            self._take_stamp(tag, a, line)
        opened = _Open(tag, line, kind, author=self._names_author(tag, a), skipped=skipped)
        opened.struck, opened.states = struck, states
        opened.inserted = self._inserted(tag)
        opened.title = self._document_title(tag, a)
        opened.paragraph = self._in_paragraph(tag)
        opened.href = a.get("href", "").strip() if tag == "a" else ""
        opened.stamp = a.get("datetime", "").strip() if tag == "time" else ""
        opened.item, opened.item_author = item, self._item_author(a)
        self.stack.append(opened)

    def _inserted(self, tag: str) -> bool:
        """Whether an element opening is words the page marks as inserted (an ``<ins>``),
        outside its furniture and words struck through (see :attr:`PageScan.inserted`)."""
        return tag == "ins" and not (self.in_furniture or self.in_struck)

    def _take_inserted(self, top: _Open, text: str) -> None:
        """The words of an ``<ins>`` closed (``top``, its ``text``), with its line, when a
        browser shows them and they hold a letter or a digit (an advertisement's is empty)."""
        if top.inserted and not top.skipped and any(c.isalnum() for c in text):
            self.out.inserted.append((text, top.first_line or top.line))

    def _strike_states(self, tag: str, a: dict[str, str]) -> States:
        """What the page's selectors striking through match of an element (see
        :func:`strike_states`); nothing when its style sheets have none."""
        if not self.hiding.struck_selectors:
            return NO_STATES
        parent = self.stack[-1].states if self.stack else NO_STATES
        return strike_states(self.hiding, tag, a, parent)

    def _kind_of(self, tag: str, a: dict[str, str], selected: bool) -> tuple[str | None, bool]:
        """The kind of furniture an element opens, if it opens one; and whether its words
        are shown struck through (see :func:`is_struck`; ``selected``: by a selector of the
        page's style sheet, see :func:`strike_states`): furniture of its own, "struck",
        outside other furniture (in one, its words are no text either way)."""
        kind = None if self.in_furniture else self._furniture_kind(tag, a)
        struck = is_struck(tag, a, self.hiding, selected)
        if struck and kind is None and not self.in_furniture:
            kind = "struck"
        return kind, struck

    def _void(self, tag: str, a: dict[str, str]) -> None:
        """An element with no content: an image that is an emoji is its text (see
        :func:`emoji_of`)."""
        if tag == "img" and (alt := emoji_of(a.get("alt", ""))):
            self.handle_data(alt)

    def _take_stamp(self, tag: str, a: dict[str, str], line: int) -> None:
        """The date and time an element gives machines (see :func:`_stamp`), when it is the
        first, and one the page states (see :meth:`_stated`); microdata's only in the
        article (a ticker's item above it says when it was published)."""
        stamp = _stamp(tag, a)
        if not stamp or self.out.time is not None or (tag != "time" and not self._in_article()):
            return
        if not self._stated(a) or self._changed(a):
            return
        if tag == "time" and not self.in_article and not self.headline:
            if self.early is None and not any(o.tag == "li" for o in self.stack):
                self.early = (stamp, line, len(self.out.blocks))  # (a list's: another story's)
            return
        self.out.time = (stamp, line)

    def _item_opens(self, tag: str, a: dict[str, str], line: int) -> bool:
        """Whether the element is a microdata item of an article's type (see
        :data:`_ARTICLE_ITEM`); the outermost one is opened, and its date taken."""
        item = "itemscope" in a and _ARTICLE_ITEM().search(a.get("itemtype", "")) is not None
        self.in_item += item
        if item and self.item is None:
            self.item = _OpenItem()
        self._item_stamp(tag, a, line)
        return item

    def _item_author(self, a: dict[str, str]) -> bool:
        """Whether the element is an open article item's ``itemprop="author"``."""
        return self.item is not None and a.get("itemprop", "").strip().lower() == "author"

    def _item_stamp(self, tag: str, a: dict[str, str], line: int) -> None:
        """The first ``datePublished`` the open article item gives (see :class:`ArticleItem`),
        in its furniture too, not one in an inert ``<template>``."""
        if self.item is None or self.item.published is not None:
            return
        if a.get("itemprop", "").strip().lower() != "datepublished" or not self._stated(a):
            return
        stamp = _stamp(tag, a)
        if stamp:
            self.item.published = (stamp, line)

    def _item_closed(self, top: _Open, text: str) -> None:
        """An article item's author named, or the outermost item closed, with its text
        (see :class:`ArticleItem`)."""
        if self.item is None:
            return
        if top.item_author and text and self.item.author is None:
            self.item.author = (text, top.line)
        if top.item and not self.in_item:
            found = self.item
            self.out.items.append(ArticleItem(text, found.published, found.author))
            self.item = None

    def _in_article(self) -> bool:
        """Whether the scan is in the article: an ``<article>`` or ``<main>``, or, below the
        headline, a microdata item of an article's type (``<div itemscope
        itemtype="https://schema.org/NewsArticle">``, as a page with no ``<article>`` marks
        it; above the headline, such an item is another story's, in a list of the latest)."""
        return bool(self.in_article or (self.in_item and self.headline))

    def _headline_opens(self, tag: str) -> None:
        """When the headline opens (the first ``<h1>`` outside the furniture): a ``<time>``
        above it outside an article (see :meth:`_take_stamp`) is the page's date when it is
        in the block just above it ("<div class=date><time>...</time></div><h1>"), not a
        bar's further up saying what day it is when the page is read ("Sunday, 27 April
        2025" over the site's name)."""
        if tag != "h1" or self.headline:
            return
        self.headline = True
        if self.early is not None and self.out.time is None:
            stamp, line, blocks = self.early
            if len(self.out.blocks) - blocks <= 1:
                self.out.time = (stamp, line)
        self.early = None

    def _changed(self, a: dict[str, str]) -> bool:
        """Whether a ``<time>`` says when the page changed (or was saved or printed), not when
        it was published: its microdata's ``dateModified``, or the words just before it in
        the nearest element holding some ("Last updated: <time>", "Printed on <time>")."""
        if a.get("itemprop", "").strip().lower() in ("datemodified", "dateupdated"):
            return True
        for o in reversed(self.stack[-3:]):
            end = _ending(o.text, _MOST_BEFORE_TIME + 1)
            if end.strip():  # (its first character, of a text longer, for the look behind)
                start = 1 if len(end) > _MOST_BEFORE_TIME else 0
                return _CHANGED_BEFORE().search(end.rstrip(), start) is not None
        return False

    def _stated(self, a: dict[str, str]) -> bool:
        """Whether a ``<time>`` of the attributes ``a`` states the page's date: one shown, or
        one hidden that says it is the publication's (``itemprop="datePublished"``, a
        statement of the page's, as its ``<meta>`` are; not one of a hidden card of
        another story, nor one in an inert ``<template>``)."""
        if not self.skip:
            return True
        if any(o.tag == "template" for o in self.stack):
            return False
        return a.get("itemprop", "").strip().lower() == "datepublished"

    def _close_hidden_paragraph(self, tag: str) -> None:
        """A hidden ``<p>`` left open ends where a browser ends it, at the start of a block
        (else all that follows it is hidden from the scan)."""
        if tag in CLOSES_P and self.skip and any(o.tag == "p" and o.skipped for o in self.stack):
            self.handle_endtag("p")

    def _start_script(self, tag: str, a: dict[str, str], line: int) -> None:
        """A JSON-LD script's or a style sheet's text is read from here to its end."""
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.script = ("", line, [])
        elif tag == "style" and self.script is None and not self.skip and _applied(a):
            self.script = ("style", line, [])  # (a sheet in <noscript>, <template>: not)

    def _end_script(self, tag: str) -> None:
        """A JSON-LD script read, or a style sheet, whose rules hiding classes and ids
        then hide the elements of those after it."""
        if tag not in ("script", "style") or self.script is None:
            return
        kind, line, said = self.script
        if kind == "style" and tag == "style":
            self.hiding = self.hiding | hiding_rules("".join(said))
        elif kind != "style" and tag == "script":
            self.out.json_ld.append(("".join(said), line))
        self.script = None

    def _skipped(self, tag: str, a: dict[str, str]) -> bool:
        """Whether an element of the tag ``tag`` and attributes ``a`` is no text: one a
        browser does not show, or a wiki's link to edit a section, in its heading
        (MediaWiki's ``<span class="mw-editsection">[edit]</span>``: the wiki's tool, no
        word of the heading)."""
        if "mw-editsection" in a.get("class", "").split():
            return True
        return (tag in _SKIP and not is_shadow_root(tag, a)) or self._never_shown(a)

    def _never_shown(self, a: dict[str, str]) -> bool:
        """Whether an element with the attributes ``a`` shows nothing: ``hidden`` (but
        ``hidden="until-found"``), styled ``display: none`` or ``visibility: hidden``
        however written, or of a class or id the page's style sheet hides so (see
        :func:`hiding_rules`)."""
        if "hidden" in a and a["hidden"].strip().lower() != "until-found":
            return True
        if "style" in a and HIDING_STYLE().search(css_of(a["style"])):
            return True
        return self.hiding.hides(a.get("class", ""), a.get("id", ""), a.get("style", ""))

    def _head(self, tag: str, a: dict[str, str], line: int) -> None:
        """What the page says about itself: its metadata, canonical address and language."""
        if tag == "meta":
            self._meta(a, line)
        elif tag == "html" and self.out.lang is None and (a.get("lang") or a.get("xml:lang")):
            self.out.lang = ((a.get("lang") or a["xml:lang"]).strip(), line)
        if tag == "html" and _TRANSLATED.intersection(a.get("class", "").split()):
            self.out.translated = line
        elif self._is_canonical(tag, a):
            self.out.canonical = (a["href"].strip(), line)
        elif tag == "link" and "bookmark" in a.get("rel", "").lower().split():
            self.out.bookmark = self.out.bookmark or (a.get("href", "").strip(), line)
        if self._is_next(tag, a):
            self.out.next_links.append((a["href"].strip(), line))

    def _refused(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether this element takes the page beyond a limit (see :data:`MOST_DEPTH`)."""
        self.elements += 1
        why = None
        slow = "the text extractor would take minutes over it"
        if len(attrs) > MOST_ATTRIBUTES:
            why = (
                f"an element with {len(attrs):,} attributes (more than {MOST_ATTRIBUTES:,}): {slow}"
            )
        elif self.elements > MOST_ELEMENTS:
            why = f"more than {MOST_ELEMENTS:,} elements: {slow}"
        elif self._in_paragraph(tag) and self._counted_in_paragraphs():
            why = (
                f"more than {MOST_IN_PARAGRAPHS:,} elements within paragraphs (<p> and the "
                f"elements of text in them): {slow}"
            )
        elif tag in _UNWRAPPED and self.stack and self._unwrapped(self.stack[-1]):
            held = self.stack[-1]
            why = (
                f"an element (<{held.tag}>, of line {held.line:,}) holding more than "
                f"{MOST_UNWRAPPED:,} elements of text (<a>, <span>, <b>...) side by side: {slow}"
            )
        elif len(self.stack) >= MOST_DEPTH and tag not in _VOID:
            why = (
                f"elements nested more than {MOST_DEPTH} deep: the text extractor reads "
                "no deeper, and would lose the text"
            )
        if why is not None:
            self.out.refused = (why, self.getpos()[0])
        return why is not None

    def _in_paragraph(self, tag: str) -> bool:
        """Whether an element opening is a paragraph or within one, as the extractor's parser
        builds the page: a block (:data:`CLOSES_P`) ends a paragraph left open."""
        if tag == "p":
            return True
        return bool(self.stack) and self.stack[-1].paragraph and tag not in CLOSES_P

    def _counted_in_paragraphs(self) -> bool:
        """Whether one more element within paragraphs is too many (MOST_IN_PARAGRAPHS)."""
        self.in_paragraphs += 1
        return self.in_paragraphs > MOST_IN_PARAGRAPHS

    @staticmethod
    def _unwrapped(held: _Open) -> bool:
        """Whether ``held``, opening one more element of text, holds too many (see
        :data:`MOST_UNWRAPPED`)."""
        held.unwrapped += 1
        return held.unwrapped > MOST_UNWRAPPED

    def handle_comment(self, data: str) -> None:
        if self.in_body:
            return  # a browser's or SingleFile's note opens the page: one in its body is text's
        if self.out.saved_from is None and (m := _SAVED_FROM().search(data)) is not None:
            self.out.saved_from = (m["url"], self.getpos()[0] + data.count("\n", 0, m.start()))
        if self.out.saved_on is None and (m := _SAVED_DATE().search(data)) is not None:
            self.out.saved_on = _saved_day(m, self.getpos()[0] + data.count("\n", 0, m.end()))

    def handle_endtag(self, tag: str) -> None:
        if self.out.refused is not None:
            return
        if tag in _VOID or not any(o.tag == tag for o in self.stack):
            return
        while self.stack:
            top = self.stack.pop()
            self._close(top)
            if top.tag == tag:
                break

    def close(self) -> None:
        if self.rawdata.startswith("<") and not self.cdata_elem:
            # What the feed left is a tag, a comment or a declaration that never ends: HTML's
            # parsers (a browser's, and Python's from 3.13.4, gh-135462) take all the rest
            # into it, as no text. Python 3.11's read it again from each "<" in it, in time
            # growing with the square of its length: "<a" 50,000 times, 100 KB, took 6.4 s.
            self.rawdata = ""
        super().close()
        while self.stack:
            self._close(self.stack.pop())
        if self.early is not None and self.out.time is None:  # no headline: a print view's
            self.out.time = self.early[:2]

    def _before_break(self, top: _Open) -> None:
        """At the first ``<br>`` in an element, its text before it as a block of its own, as
        each run after a ``<br>`` is one (see ``run``): a paragraph of an old page's text in
        one ``<font>``, parted by ``<br><br>``, whose first was lost when the extractor found
        no text and the page's innermost blocks were read."""
        if top.broken:
            return
        top.broken = True
        if sum(map(len, top.text)) > _MOST_BEFORE_BREAK:
            return  # (the text of elements within elements, each joined again, took seconds)
        text = _space("".join(top.text))
        if text and top.first_line:
            self.out.blocks.append((text, top.first_line))

    def _end_run(self) -> None:
        if self.run is not None:
            _, line, parts = self.run
            text = _space("".join(parts))
            if text and line:
                self.out.blocks.append((text, line[0]))
            self.run = None

    def _close(self, top: _Open) -> None:
        if self.run is not None and self.run[0] is top:
            self._end_run()
        text = _space("".join(top.text)) if top.words and self._needs_text(top) else ""
        if self.stack:
            self._to_parent(top, self.stack[-1])
        if top.skipped:
            self.skip -= 1
        self.in_struck -= top.struck
        self._end_script(top.tag)
        if top.tag in ("article", "main"):
            self.in_article -= 1
        self.in_heading -= top.tag in _HEADINGS
        self.in_item -= top.item
        self._item_closed(top, text)
        self._take_inserted(top, text)
        if top.furniture is not None:
            self.in_furniture -= 1
            if text:
                shown = (
                    text if len(text) <= _MAX_FURNITURE_TEXT else text[:_MAX_FURNITURE_TEXT] + "…"
                )
                self.out.furniture.append(Furniture(top.furniture, shown, top.line))
                self.out.furniture_text.append(text)
            return
        if not self.in_furniture and text:
            self._text_of(top, text)
        elif text and self._holds_within(top, text):
            box = next(o for o in reversed(self.stack) if o.furniture is not None)
            assert box.furniture is not None
            self.out.furniture_blocks.append((box.furniture, text, box.line))

    def _raised(self, top: _Open, own: str, parent: _Open) -> str:
        """The text of a ``<sup>`` or ``<sub>`` closed (``top``, its text ``own``) as the
        extractor's tree reads it (see :func:`raised_as_shown`); one of figures of its own
        beside those of a raised element within it (``x<sup>2<sup>3</sup></sup>``, a
        footnote's mark on an exponent) kept with its line (:attr:`PageScan.raised_within`):
        Unicode's raised figures have one level, and the two read as one number."""
        shown = raised_as_shown(top.tag, own)
        if shown is None:
            return own
        if top.raised_within and shown.strip() != top.raised_within:
            self.out.raised_within.append((shown, top.line))
        held = next((o for o in reversed(self.stack) if o.tag in _RAISED), None)
        if held is not None:
            held.raised_within = shown.strip()
        return shown

    def _needs_text(self, top: _Open) -> bool:
        """Whether what an element's words are is read, not only whether it has some: the
        page's furniture and what is in it, a block, the headline, the title, a paragraph,
        an author, a link, an article item's (but not the text of a block holding others
        past their bound: see :data:`_MOST_HELD_TIMES`). A span's text, joined again and
        parted into words at each level of 120 nested around 1 MB of words, took 3 s."""
        if top.furniture is not None or top.tag in ("h1", "title", "p") or top.stamp:
            return True
        if top.inserted:
            return True
        if self.in_furniture or top.tag in _BLOCKS:
            return not (top.nested and self.held >= self.most_held)
        if top.title or top.author or top.authors_in > 1 or top.href:
            return True
        return self.item is not None and (top.item or top.item_author)

    def _to_parent(self, top: _Open, parent: _Open) -> None:
        """What an element closed (``top``) gives the element holding it: its text (with a
        space before and after, but an element shown within the line of the text around it,
        :data:`_INLINE`, only a space before when an element came just before it: a menu's
        links stand apart on the page, but ``<b>Baku</b>,`` read "Baku ,", which was no
        paragraph the extractor gave, so that the paragraph took the line of the article
        holding it), its first line, its bold, a link to a writer, whether it holds words,
        and a block."""
        if top.struck:  # (its line is where its block starts, still)
            parent.first_line = parent.first_line or top.first_line
            return
        own = "".join(top.text)
        if top.tag == "a" and self.in_heading and is_permalink(top.href, own):
            return  # (its heading's anchor, "§": no word of it)
        if top.tag in _RAISED and sum(map(len, top.text)) <= 4 * MOST_RAISED:
            own = self._raised(top, own, parent)
        if top.tag == "q":
            opens, closes = quotation_marks(sum(o.tag == "q" for o in self.stack))
            own = opens + own + closes
        if top.tag not in _INLINE:
            own = " " + own + " "
        elif parent.element_last:  # (two links side by side, a menu's, stand apart)
            own = " " + own
        parent.text.append(own)
        parent.element_last = True
        parent.first_line = parent.first_line or top.first_line
        within = top.text if top.tag in ("b", "strong") else top.bold
        parent.bold.append(" " + "".join(within) + " ")
        parent.authors_in += top.author and top.tag == "a"  # a link to a writer
        parent.words |= top.words
        parent.nested |= top.nested or (top.words and self._kept_as_block(top))

    def _kept_as_block(self, top: _Open) -> bool:
        """Whether an element's text is one the scan keeps as a block's (or, in the page's
        furniture, as a furniture block's: any element's there)."""
        return top.tag in _BLOCKS or (bool(self.in_furniture) and top.furniture is None)

    def _holds_within(self, top: _Open, text: str) -> bool:
        """Whether a block's ``text`` is kept: always when it holds no other block, else
        while the blocks' texts are within their bound (see :data:`_MOST_HELD_TIMES`):
        once one is not, none holding others after it is (nor is its text made)."""
        if top.nested and self.held + len(text) > self.most_held:
            self.held = max(self.held, self.most_held)
            return False
        self.held += len(text)
        return True

    def _note_document(self, tag: str, a: dict[str, str]) -> None:
        """Whether the page is a word processor's export (see :data:`_DOCUMENT_GENERATOR`)."""
        if tag == "meta" and a.get("name", "").lower() == "generator":
            self.document = self.document or bool(_DOCUMENT_GENERATOR().match(a.get("content", "")))
        elif tag == "body" and "doc-content" in a.get("class", "").split():
            self.document = True  # Google Docs'

    def _document_title(self, tag: str, a: dict[str, str]) -> bool:
        """Whether the element is a word processor's export's paragraph in its Title style
        (see :data:`_DOCUMENT_TITLE`)."""
        classes = a.get("class", "").split()
        return self.document and tag == "p" and not _DOCUMENT_TITLE.isdisjoint(classes)

    def _text_of(self, top: _Open, text: str) -> None:
        """What the text of an element outside the furniture is: the headline (an ``<h1>``,
        or a document's paragraph in its Title style), the title, the author's name, a
        block."""
        if (top.tag == "h1" or top.title) and self.out.h1 is None:
            self.out.h1 = (text, top.line)
        if top.tag == "title" and self.out.title is None:
            self.out.title = (text, top.line)
        if top.stamp and len(self.out.times) < _MOST_TIMES:
            self.out.times.append((top.stamp, text, top.line))
        if top.authors_in > 1:
            self.out.author_groups.append((text, top.line))
        if top.author:  # an element inside another: the inner one first
            self.out.authors.append((text, top.line))
        if top.tag in _BLOCKS and self._holds_within(top, text):
            self._block(top, text)
        if top.tag == "p":
            self.paragraphs += 1
            if _space("".join(top.bold)) == text:  # a paragraph in bold whole
                self.out.bold.append(text)
        elif top.href and not self.paragraphs and self._first_link_to_host(text, top.href):
            self.out.source_link = (top.href, top.line)

    def _block(self, top: _Open, text: str) -> None:
        """A block of the text, outside the furniture: a heading too, or a paragraph of the
        page's own address after its label (see :func:`printed_address`)."""
        self.out.blocks.append((text, top.line))
        if top.tag in _SUBHEADINGS:
            self.out.headings.append((text, top.line))
        if top.tag == "p" and (url := printed_address(text)) is not None:
            self.out.printed_addresses.append((url, top.first_line or top.line))

    def _first_link_to_host(self, text: str, href: str) -> bool:
        """Whether a link showing the host of its address is the first (see
        :func:`shows_its_host`)."""
        return self.out.source_link is None and shows_its_host(text, href)

    def handle_data(self, data: str) -> None:
        if self.out.refused is not None:
            return
        if self.script is not None:
            self.script[2].append(data)
            return
        if self.skip or not self.stack:
            return
        self.stack[-1].text.append(data)
        self.stack[-1].element_last = False
        self.stack[-1].words = self.stack[-1].words or (bool(data) and not data.isspace())
        if self.in_furniture:
            self._printed(data)
        if not self.stack[-1].first_line and data.strip():
            lead = data[: len(data) - len(data.lstrip())]
            self.stack[-1].first_line = self.getpos()[0] + lead.count("\n")
        if self.run is not None and not self.in_struck:
            _, line, parts = self.run
            if not line and data.strip():  # the line the run's first word is on
                line.append(self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n"))
            parts.append(data)

    def _printed(self, data: str) -> None:
        """Keep the address a text of the page's furniture prints after a label, or the
        link after a label gives (see :data:`_PRINTED_ADDRESS`)."""
        if self.address_label and data.strip():
            self.address_label = False
            url = data.strip()
            if _WEB_ADDRESS().fullmatch(url) is not None:
                self.out.printed_addresses.append((url, self.getpos()[0]))
            return
        found = _PRINTED_ADDRESS().fullmatch(data) if len(data) <= _MOST_PRINTED else None
        if found is not None and found["url"]:
            line = self.getpos()[0] + data[: found.start("url")].count("\n")
            self.out.printed_addresses.append((found["url"], line))
        elif found is not None:
            self.address_label = True

    # what an element is --------------------------------------------------------

    def _furniture_kind(self, tag: str, a: dict[str, str]) -> str | None:
        if tag in ("html", "body", "main", "article"):
            return None
        if self.in_article and names_correction(a):
            return None  # (an <aside> too: the outlet's correction is the text's)
        names = _CAMEL().sub(" ", _names(a))
        if names:
            for kind, pattern in _BY_NAME:
                if pattern().search(names):
                    if kind in _OUTSIDE_ARTICLE_ONLY and self.in_article:
                        break
                    if kind == "appeal" and tag not in _BOX_TAGS:
                        continue  # a paragraph "donations-chart" is text; a box asks
                    if kind == "share" and _AUTHOR().search(names):
                        break  # "author_share": the byline and its share buttons, each its own
                    return kind
        by_tag = _BY_TAG.get(tag)
        if by_tag in _OUTSIDE_ARTICLE_ONLY and self.in_article:
            return None
        return by_tag

    def _names_author(self, tag: str, a: dict[str, str]) -> bool:
        """Whether the element names the author, outside the page's furniture."""
        if self.in_furniture or tag in ("html", "body", "main", "article", "meta", "link"):
            return False
        if tag == "address" and self.in_article:
            return True
        return names_author(a)

    def _is_next(self, tag: str, a: dict[str, str]) -> bool:
        """Whether the element is a ``rel="next"`` link with an address, one of the first
        :data:`_MOST_NEXT_LINKS`."""
        return (
            tag in ("link", "a")
            and "next" in a.get("rel", "").lower().split()
            and bool(a.get("href"))
            and len(self.out.next_links) < _MOST_NEXT_LINKS
        )

    def _is_canonical(self, tag: str, a: dict[str, str]) -> bool:
        rel = a.get("rel", "").lower().split()
        return (
            tag == "link"
            and "canonical" in rel
            and self.out.canonical is None
            and bool(a.get("href"))
        )

    def _meta(self, a: dict[str, str], line: int) -> None:
        key = (a.get("property") or a.get("name") or "").strip().lower()
        value = a.get("content", "").strip()
        if key and value and key not in self.out.meta:
            self.out.meta[key] = (value, line)
        elif key and value:
            first = self.out.meta[key][0]
            self.out.meta_repeated.setdefault(key, [first]).append(value)


class _Refused(Exception):
    """The page is beyond a limit (see :data:`MOST_ELEMENTS`): its parse stops there (it
    went on to the page's end, 15 s for 1.4 million elements, a page a WARC file of 75 KB
    decompresses to)."""


def scan(html: str) -> PageScan:
    """Scan a page's HTML (any HTML: the parser never fails on bad markup)."""
    scanner = _Scanner()
    scanner.most_held = _MOST_HELD_TIMES * len(html) + _MOST_HELD_MORE
    try:
        scanner.feed(html)
        scanner.close()
    except _Refused:
        pass
    scanner.out.furniture.sort(key=lambda f: f.line)
    scanner.out.hiding = scanner.hiding
    return scanner.out
