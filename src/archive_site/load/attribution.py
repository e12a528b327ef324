"""Who makes each quoted statement: the speaker and the voice of a milestone's source.

An interview says it by its turns: a quote from a question is the
interviewer's, from an answer the interviewee's.  Any other text speaks in
the outlet's own voice, unless it attributes the words to someone ("According
to the deputy", "the MP said", "As the head of state stated"); who that is
cannot be read mechanically, so the archivist names the entity on the source
as ``speaker:``.  A paragraph that attributes words while its quote has no
``speaker:`` is a warning; a ``speaker:`` that is no entity, or that
contradicts the interview's turn, is an error.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from ..model import UNNAMED, Article, Citation, Milestone, Paragraph, ParagraphRole, Voice
from ..patterns import later
from ..readers.base import CARD_PARTS, interpreted, label_end, label_of
from ..readers.turns import marker_role
from ..text import in_quotation_marks, normalise_text, quotation_around, sentence_spans
from .checks import unknown_entity
from .speakers import label_names

# Words by which a text hands its sentence to someone else.
ATTRIBUTION = later(
    r"\baccording to\b"
    r"|\b(?:states|notes|claims|alleged|alleges|reported|reports|wrote|writes|mentioned"
    r"|indicated|suggested)\s+that\b"
    r"|\b(?:tweeted|replied|quoted as saying)\b"
    # a question handed on: asked in its own words, within quotation marks ("One reader
    # asks: “Will fares rise?”"), not "asked companies to bid"
    r"|\b(?:asks|asked|wonders|wondered|inquired|enquired)\b(?=\s*[:,]?\s*[\"“«„'‘])"
    r"|\b(?:said|says|stated|noted|emphasi[sz]ed|recalled|added|told|"
    r"believes|stressed|underlined|pointed out|announced|announces|declared|declares|claimed"
    r"|insisted|argued|explained|warned|confirmed|asserted|affirmed|reiterated|remarked"
    r"|commented|underscored|highlighted|promised|pledged|vowed|admitted|acknowledged|denied"
    r"|predicted|revealed|urged|assured)\b"
    r"|\bexpressed (?:these|those|his|her|their) views\b"
    r"|\bin (?:an|the|his|her) interview\b",
    re.IGNORECASE,
)

#: A word each match of :data:`ATTRIBUTION` holds, one for each of its alternatives: a text
#: holding none of them (as :func:`_folded` reads it) is not searched, which is most of a
#: text's paragraphs and saves a search over each of them a word list of many alternatives
#: tried at every place (0.2 ms a paragraph: most of a milestone's reading).
_ATTRIBUTION_WORDS = (
    "according",
    *("states", "notes", "claims", "alleged", "alleges", "reported", "reports", "wrote"),
    *("writes", "mentioned", "indicated", "suggested"),
    *("tweeted", "replied", "quoted"),
    *("asks", "asked", "wonder", "inquired", "enquired"),
    *("said", "says", "stated", "noted", "emphasi", "recalled", "added", "told", "believes"),
    *("stressed", "underlined", "pointed", "announce", "declare", "claimed", "insisted"),
    *("argued", "explained", "warned", "confirmed", "asserted", "affirmed", "reiterated"),
    *("remarked", "commented", "underscored", "highlighted", "promised", "pledged", "vowed"),
    *("admitted", "acknowledged", "denied", "predicted", "revealed", "urged", "assured"),
    "views",
    "interview",
)

#: The letters beyond ASCII that ``re.IGNORECASE`` takes for ASCII ones (the dotted and the
#: dotless i, the long s, the Kelvin sign), as the ASCII ones.
_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    """``text`` in lower case, each letter that :data:`ATTRIBUTION` reads as an ASCII one
    made that one."""
    return text.translate(_AS_ASCII).lower()


def _may_attribute(text: str) -> bool:
    """Whether ``text`` holds a word of :data:`_ATTRIBUTION_WORDS`, without which no words
    of :data:`ATTRIBUTION` are in it."""
    folded = _folded(text)
    return any(word in folded for word in _ATTRIBUTION_WORDS)


#: The same in the other languages the archive's sources are written in, as their news
#: copy hands words to someone: the verbs of saying in the past (the form reported speech
#: takes), "according to", and the phrases that quote a named source.  Whatever the
#: article's language: a capture whose language is not declared is read as the site's.
#: Each language's words are looked for only where the text holds one of its own (its
#: script, or one of the words its pattern needs): one pattern of them all took 2 ms a
#: paragraph (a 10,000-article load, 5 s more).
_ELSEWHERE: tuple[tuple[Callable[[], re.Pattern[str]] | frozenset[str], str], ...] = tuple(
    (later(gate) if isinstance(gate, str) else frozenset(gate), pattern)
    for gate, pattern in (
        (  # Russian
            "[\u0400-\u04ff]",
            r"\b(?:сказал|заявил|отметил|подчеркнул|добавил|пояснил|сообщил|указал|заверил"
            r"|рассказал|признал|напомнил)[аио]?\b"
            r"|\bпо (?:(?:его|её|ее|их) )?(?:словам|мнению|данным)\b|\bговорится в\b",
        ),
        (  # French
            [
                "déclaré",
                "affirmé",
                "dit",
                "indiqué",
                "souligné",
                "ajouté",
                "expliqué",
                "précisé",
                "assuré",
                "annoncé",
                "estimé",
                "t",
                "selon",
                "après",
            ],
            r"\b(?:a|ont) (?:déclaré|affirmé|dit|indiqué|souligné|ajouté|expliqué|précisé|assuré"
            r"|annoncé|estimé)\b|-t-(?:il|elle)\b|\bselon\b|\bd['’]après\b",
        ),
        (  # German
            [
                "sagte",
                "sagten",
                "erklärte",
                "erklärten",
                "betonte",
                "betonten",
                "unterstrich",
                "laut",
                "zufolge",
            ],
            r"\b(?:sagte|sagten|erklärte|erklärten|betonte|betonten|unterstrich|laut|zufolge)\b",
        ),
        (  # Spanish, Portuguese, Italian
            [
                "dijo",
                "afirmó",
                "declaró",
                "señaló",
                "aseguró",
                "añadió",
                "explicó",
                "agregó",
                "según",
                "disse",
                "afirmou",
                "declarou",
                "acordo",
                "detto",
                "dichiarato",
                "affermato",
                "sottolineato",
            ],
            r"\b(?:dijo|afirmó|declaró|señaló|aseguró|añadió|explicó|agregó|según|disse|afirmou"
            r"|declarou)\b|\bde acordo com\b|\bha (?:detto|dichiarato|affermato|sottolineato)\b",
        ),
        (  # Turkish ("kaydetti" is also "recorded"; "2023'e göre" is "compared with 2023")
            [
                "söyledi",
                "dedi",
                "belirtti",
                "etti",
                "açıkladı",
                "vurguladı",
                "getirdi",
                "konuştu",
                "kullandı",
                "göre",
            ],
            r"\b(?:söyledi|dedi|belirtti|ifade etti|açıkladı|vurguladı|dile getirdi|diye konuştu"
            r"|ifadelerini kullandı)\b"
            r"|\b(?:sözlerine|açıklamasına|ifadesine) göre\b|\b[^\W\d_]+['’](?:[ny]?[ae]) göre\b",
        ),
        (  # Azerbaijani
            [
                "bildirib",
                "deyib",
                "edib",
                "vurğulayıb",
                "söyləyib",
                "bildirilib",
                "çatdırıb",
                "bildirdi",
                "etdi",
                "vurğuladı",
                "verib",
                "verilib",
                "görə",
                "fikrincə",
            ],
            r"\b(?:bildirib|deyib|qeyd edib|vurğulayıb|söyləyib|bəyan edib|əlavə edib|bildirilib"
            r"|diqqətə çatdırıb|bildirdi|qeyd etdi|vurğuladı|məlumat verib|məlumat verilib)\b"
            r"|\b(?:sözlərinə|fikrinə|məlumatına) görə\b|\bfikrincə\b",
        ),
        (  # Arabic (the conjunction و may be joined to the verb)
            "[\u0600-\u06ff]",
            r"(?<!\w)و?(?:قال|قالت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|صرح|صرحت|أشار|أشارت|أعلن|أعلنت)"
            r"(?!\w)|(?<!\w)(?:وفقا|وفقاً|بحسب|حسب)(?!\w)",
        ),
        (  # Chinese, Japanese, Korean: a verb of saying before its words or after them,
            # "according to" (not 来说, 也就是说, 比如说: "for", "that is", "for example")
            "[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]",
            r"(?<![来是如])(?:说|表示|称|指出|强调|介绍|宣布)[，：,:。]|据[^，。]{1,15}(?:介绍|报道|称|说)"
            r"|と(?:述べ|語っ|話し|強調し)(?:た|ました)|によると"
            r"|(?:말했|밝혔|강조했)(?:다|습니다)|에 따르면",
        ),
    )
)
_WORDS = later(r"\w+")


def _said_elsewhere(text: str) -> str | None:
    """The words of :data:`_ELSEWHERE` by which ``text`` hands its words to someone."""
    pattern = _elsewhere(text)
    said = pattern.search(text) if pattern is not None else None
    return said.group(0) if said is not None else None


def _elsewhere(text: str) -> re.Pattern[str] | None:
    """The first pattern of :data:`_ELSEWHERE` that finds words of saying in ``text``."""
    words: set[str] | None = None
    for gate, pattern in _ELSEWHERE:
        if isinstance(gate, frozenset):
            words = set(_WORDS().findall(text.casefold())) if words is None else words
            if gate.isdisjoint(words):
                continue
        elif gate().search(text) is None:
            continue
        if _compiled(pattern).search(text) is not None:
            return _compiled(pattern)
    return None


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A language's pattern of :data:`_ELSEWHERE`, compiled when a text first needs it (an
    archive in English compiles none)."""
    return re.compile(pattern, re.IGNORECASE)


#: A paragraph that opens with a quotation of four words or more is someone's words (a name
#: in quotation marks is shorter: «Газпром» увеличил..., „Die Zeit“ schrieb...).
#: (A closing mark ends it; ’ only before no letter: "It’s" and "C’est" hold one.)
QUOTATION = later(
    r"\s*(?:‘(?P<single>(?:[^’]|’(?=\w))*)(?:’|$)"
    r"|[\"“„«「『]\s*(?P<double>[^\"“”„«»「」『』]*)(?:[\"”“»」』]|$))"
)
QUOTED_WORDS = 4


class Attribution(NamedTuple):
    """Who makes a statement, and a problem with the archivist's ``speaker:`` if any."""

    speaker: str | None  # entity id; None: the outlet in its own voice
    voice: Voice
    error: str | None = None
    warning: str | None = None


def attribute(
    article: Article,
    paragraph: Paragraph,
    speaker: str | None,
    entity_ids: Collection[str],
    span: tuple[int, int] = (0, 0),
    names: Mapping[str, frozenset[str]] | None = None,
) -> Attribution:
    """The speaker and voice of a quote from ``paragraph`` (at ``span`` in its text), given
    the curated ``speaker`` (:data:`UNNAMED`: someone the source does not name).  ``names``:
    the names each entity is known by (see :func:`.speakers.names_of`), by which a
    transcript's turn in an article that is no interview says whose words it holds."""
    if speaker == UNNAMED and UNNAMED not in entity_ids:
        return _said_by_no_one_named(article, paragraph, span)
    if speaker is not None and speaker not in entity_ids:
        return Attribution(None, "own", error=unknown_entity(speaker, entity_ids))
    if paragraph.role in ("question", "answer"):
        inline = _inline_turn(article, paragraph, span, names)
        if isinstance(inline, str):
            return Attribution(None, "unattributed", error=inline)
        return _from_turn(inline, speaker, span)
    if speaker is not None and speaker != article.publisher_entity and names:
        wrong = _against_transcript(article, paragraph, speaker, names, span)
        if wrong is not None:
            return Attribution(None, "unattributed", error=wrong)
    if speaker is None:
        return _unnamed_speaker(article, paragraph, names or {})
    voice: Voice = "own" if speaker == article.publisher_entity else "reported"
    known = (names or {}).get(speaker, frozenset())
    return Attribution(speaker, voice, warning=_quoted_by(paragraph, speaker, known, span))


#: A quotation's opening mark within another's words, after a space, a colon, a dash or a
#: bracket (not an apostrophe: "Azerbaijan's"), and its closing mark before no letter.
_INNER_OPENING = later(r"(?:(?<=[\s:(\[—–])|^)['‘‹]")
_INNER_CLOSING = later(r"['’›](?![^\W\d_])")


def _quoted_by(
    paragraph: Paragraph, speaker: str, known: frozenset[str], span: tuple[int, int]
) -> str | None:
    """The warning on a quote the archivist gives to ``speaker`` (by the names ``known``)
    that is a quotation within another's: ``speaker`` is named outside the words within
    quotation marks ('Parvin Karimzade said: "The President told us that 'the terminal
    will open in June'..."'), and the quote within them is in a quotation of its own, handed
    on by words of saying ("told") that are not the first person's: the words are whoever
    ``speaker`` quotes.  None otherwise."""
    text = paragraph.text
    outer = quotation_around(text, *span) if known else None
    if outer is None:
        return None
    inner = _inner_quotation(text, outer, span)
    said = _saying(text[outer[0] : inner], inner - outer[0]) if inner is not None else None
    rest = normalise_text(text[: outer[0]] + " " + text[outer[1] :]).casefold()
    if said is None or said[1] or not any(mentions(rest, n) for n in known):
        return None
    return (
        f"paragraph {paragraph.id} names '{speaker}' outside the quotation the quote is in, "
        f"and the quote is a quotation within it, handed on ({said[0]!r}): the words are "
        f"whoever '{speaker}' quotes, not theirs; name who says them with 'speaker:' "
        f"('{speaker}' reports them)"
    )


def _inner_quotation(text: str, outer: tuple[int, int], span: tuple[int, int]) -> int | None:
    """Where the quotation within the quotation ``outer`` that the quote at ``span`` is in
    opens, if it is in one (single marks within double ones)."""
    opening = [m.start() for m in _INNER_OPENING().finditer(text, outer[0] + 1, span[0] + 1)]
    if not opening:
        return None
    closing = _INNER_CLOSING().search(text, span[1] - 1, outer[1])
    return opening[-1] if closing is not None else None


def _said_by_no_one_named(
    article: Article, paragraph: Paragraph, span: tuple[int, int]
) -> Attribution:
    """A quote whose ``speaker:`` is :data:`UNNAMED` (the source names no one): no one's
    the archive names.  In a turn whose asker, or interviewee, the source does not name
    (``interviewer: unnamed``), the turn's own words are its question or answer, as with no
    ``speaker:`` ("Asker not named, question"): the two say one thing of the same words, and
    pages say it one way, never "Speaker not named" for one and "asker not named" for the
    other.  Words the turn hands on to someone stay no one's ("Speaker not named")."""
    if paragraph.role in ("question", "answer"):
        inline = _inline_turn(article, paragraph, span)
        if not isinstance(inline, str) and inline.speaker is None:
            turn = _from_turn(inline, None, span)
            if turn.warning is None and turn.error is None:
                return turn
    return Attribution(None, "unattributed")


def _unnamed_speaker(
    article: Article, paragraph: Paragraph, names: Mapping[str, frozenset[str]]
) -> Attribution:
    """A quote with no ``speaker:`` from a paragraph in no turn: the outlet's own words,
    unless the paragraph says they are someone's (:func:`_cue`: a warning, and no one's
    the archive names), or the text is someone's words set down as given (a speech, a
    written question's record: :func:`_record_cue`), theirs where the source names them
    plainly (:func:`record_speaker`), else a warning."""
    cue = _cue(article, paragraph)
    if cue is None and (cue := _record_cue(article)) is not None:
        said_by = record_speaker(article, paragraph, names)
        if said_by is not None:  # ("Speech by Ilham Aliyev at ...": his words)
            return Attribution(said_by, "reported")
    if cue is None and paragraph.number == 1:
        cue = _headline_cue(article, names)
    if cue is None:
        return Attribution(None, "own")
    return Attribution(
        None,
        "unattributed",
        warning=(
            f"paragraph {paragraph.id} {cue}: name who makes this statement with "
            "'speaker:' (an entity id; the outlet's own entity if it is the "
            f"outlet's voice; '{UNNAMED}' if the source names no one)"
        ),
    )


def _cue(article: Article, paragraph: Paragraph) -> str | None:
    """How the paragraph says its words are someone else's than the outlet's, if it does:
    words of attribution, or, in an interview, being in no turn after the lead (a speaker
    the turns do not know: see :mod:`.speakers`)."""
    said = _said(paragraph.text)
    if said is not None:
        return f"attributes words to someone ({said!r})"
    before = article.paragraph(f"p{paragraph.number - 1}") if paragraph.number > 1 else None
    if before is not None and before.text.rstrip().endswith(":"):
        said = _said(before.text)
        if said is not None:  # "..., the minister told reporters:" then the words
            return f"follows one that hands it to someone ({said!r} and a colon)"
    label = _transcript_label(article, paragraph)
    if label is not None:
        return f"opens with a speaker's name ({label + ':'!r}, as a transcript's turn)"
    quoted = QUOTATION().match(paragraph.text)
    words = (quoted["single"] or quoted["double"] or "").split() if quoted is not None else []
    if len(words) >= QUOTED_WORDS:
        return "is a quotation (it opens with a quotation mark)"
    if article.kind == "interview" and paragraph.role == "body":
        return "is in no turn of the interview (its speaker is not marked)"
    return None


def _headline_cue(article: Article, names: Mapping[str, frozenset[str]]) -> str | None:
    """How a story's headline gives its claim to a person the archive knows, if it does: it
    opens with their name and a colon ("Aliyev: Middle Corridor capacity to double by
    2027", "Алиев: ..."), as news headlines give a claim to who made it; its lead, which
    restates the claim, is then theirs as the headline says, not the outlet's own words,
    though no words of saying are in it.  None in an interview (its turns say who speaks)
    and for a label naming no person ("Azerbaijan: ...", "Analysis: ...")."""
    named = None if article.kind == "interview" else _named_at(article.title, 0)
    if named is None:
        return None
    keys = label_names(named[0])
    if not any(keys & known and _a_person(known) for known in names.values()):
        return None
    label = article.title[: named[1]].strip()
    return f"is the lead of a story whose headline gives its claim to someone ({label!r})"


def _record_cue(article: Article) -> str | None:
    """How an article that is no interview says its text is someone's words, set down as
    said, if it does: its title names a speech (:data:`_SPOKEN`), or it records a written
    question and its answer (:data:`_WRITTEN`)."""
    if article.kind == "interview":
        return None
    if (spoken := _SPOKEN().search(article.title)) is not None:
        return f"is in a text its title says is someone's words ({spoken[0].strip()!r})"
    if (asked := _written_question(article)) is not None:
        return (
            f"is in the record of a written question and its answer ({asked!r}): the "
            "question is its asker's words, the answer its answerer's"
        )
    return None


#: A text recording a written question and its answer (a parliament's, a ministry's answer
#: to a written request), as its title or its first paragraphs say: the question and the
#: answer are their askers' and answerers' words, not the publisher's ("To ask the
#: Secretary of State for Transport, what ...", as the UK Parliament records one; "Question
#: for Department for Transport"; "Question for written answer E-001234/2025", the
#: European Parliament's; "Answer given by ...", "Written question ...", "Письменный вопрос").
_WRITTEN = later(
    r"^(?:to ask (?:the|his majesty['’]s|her majesty['’]s)\s"
    r"|question for (?:written answer|(?:the )?(?:department|ministry|minister|secretary"
    r"|commission|council|government|cabinet|office)\b)"
    r"|written (?:parliamentary )?(?:question|request|answer)s?\b"
    r"|(?:answer|reply) (?:given |provided )?(?:by|from)\s"
    r"|письменный (?:вопрос|запрос)|депутатский запрос|ответ на (?:письменный )?(?:вопрос|запрос))",
    re.IGNORECASE,
)
#: The paragraphs that may say so: a record's heading, number and question come first.
_WRITTEN_PARAGRAPHS = 6


def _written_question(article: Article) -> str | None:
    """The words by which ``article`` says it records a written question and its answer (see
    :data:`_WRITTEN`), in its title or its first paragraphs; None when it does not."""
    for text in (article.title, *(p.text for p in article.paragraphs[:_WRITTEN_PARAGRAPHS])):
        found = _WRITTEN().match(text.strip())
        # (a heading, a few words, but the question itself: "To ask the Secretary ...")
        if found is not None and (
            found[0].casefold().startswith("to ask") or len(text.split()) <= _HEADING_WORDS
        ):
            return found[0].strip()
    return None


#: The most words of a paragraph that heads a written question's record.
_HEADING_WORDS = 20


def record_speaker(
    article: Article, paragraph: Paragraph, names: Mapping[str, frozenset[str]]
) -> str | None:
    """Who speaks ``paragraph`` of a text that is someone's words, where the source names
    them plainly (see :func:`record_name`) and the name is one entity's of the archive."""
    name = record_name(article, paragraph)
    if name is not None:
        found = []
        for keys in name_keys(name):  # the fullest first: "Ильхама Алиева" before "Алиева"
            found = [e for e, known in names.items() if keys & known]
            if found:
                break
    else:
        found = from_list(article, names)  # "Minister's speech at ...", "From: ... Tom Ellis MP"
    if len(found) != 1:
        return None
    # a paragraph naming the speaker is about them, not theirs: the site's lead ("President
    # Ilham Aliyev delivered a speech at ..."), a written answer's heading; so is one saying
    # what the speech is, as its title does ("Speech by the Minister for Trade at ...")
    if _SPOKEN().match(paragraph.text.strip()) is not None:
        return None
    text = normalise_text(paragraph.text).casefold()
    return None if any(mentions(text, n) for n in names[found[0]]) else found[0]


def from_list(article: Article, names: Mapping[str, frozenset[str]]) -> list[str]:
    """The persons among ``names`` (entities' names, see :func:`.speakers.names_of`) a
    speech's saved page says it is from, in its list of details (its line ``From:``, page
    furniture: GOV.UK's "From: Department for Business and Trade and Tom Ellis MP" under
    "Minister's speech at ..."), each named in full (a name of two words or more): a
    person, as the archive knows one, by their family name too; an organisation it names
    is no speaker. None in an article that is no speech (its title, :data:`_SPOKEN`)."""
    if article.kind == "interview" or _SPOKEN().search(article.title) is None:
        return []
    for item in article.furniture:
        found = _FROM().match(item.text) if item.kind == "details" else None
        if found is not None:
            said = normalise_text(found["said"]).casefold()
            return [
                e
                for e, known in names.items()
                if _a_person(known) and any(" " in n and mentions(said, n) for n in known)
            ]
    return []


#: A page's line of details saying whom it is from.
_FROM = later(r"from:\s*(?P<said>.+)", re.IGNORECASE)


def _a_person(known: frozenset[str]) -> bool:
    """Whether an entity's names (see :func:`.speakers.names_of`) are a person's: the
    family name of a name in full among them."""
    return any(" " in n and n.rsplit(" ", 1)[1] in known for n in known)


#: A letter of an alphabetic script, which a name's own letters must not run on into ("Xi"
#: is not in "taxi"; "习近平" is in "习近平在...").
_LETTER = "a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"


def mentions(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as a word or words of its own (both casefolded)."""
    return name in text and re.search(_AS_WORDS.format(re.escape(name)), text) is not None


_AS_WORDS = f"(?<![{_LETTER}]){{}}(?![{_LETTER}])"


def record_name(article: Article, paragraph: Paragraph) -> str | None:
    """The name of who speaks ``paragraph`` of a text that is someone's words, where the
    source gives it plainly, an office before it aside: a speech's title, "Speech by Ilham
    Aliyev at ...", "习近平在...上的讲话"; in a written question's record, the heading above
    it, "Answer given by Commissioner Kos on behalf of the Commission" ("Kos"), "Question
    from Jane Roe" (the nearest of the :data:`_TURN_PARAGRAPHS` before it, or it). None
    where the source names them by office alone ("Minister's speech"), or not at all."""
    if article.kind == "interview":
        return None
    titled = _title_name(article.title)
    if titled is not None:
        return titled
    if _written_question(article) is None:
        return None
    first = max(1, paragraph.number - _TURN_PARAGRAPHS)
    for number in range(paragraph.number, first - 1, -1):
        above = article.paragraph(f"p{number}")
        if above is None:
            continue
        heading = _RECORD_HEADING().match(above.text.strip())
        if heading is not None:
            return _without_office(heading["name"])
        if number < paragraph.number and (carded := _card_name(above)) is not None:
            return carded
        head = number < min(paragraph.number, _WRITTEN_PARAGRAPHS + 1)
        if head and (asker := _asker_line(above)) is not None:  # ("Jane Roe (Renew)")
            return asker if _answer_after(article, paragraph) else None
    return None


def _title_name(title: str) -> str | None:
    """The name of who speaks a speech a title names (see :func:`record_name`); an inflected
    one's (Russian, Azerbaijani) marked :data:`_INFLECTED`."""
    found = _SPEAKER_IN_TITLE().search(title)
    if found is not None:
        return _without_office(found["name"] or found["own"] or found["han"])
    inflected = _INFLECTED_IN_TITLE().search(title)
    return None if inflected is None else _INFLECTED + (inflected["ru"] or inflected["az"])


def _answer_after(article: Article, paragraph: Paragraph) -> bool:
    """Whether a heading naming who answers ("Answer given by ...", see
    :data:`_RECORD_HEADING`) follows ``paragraph`` within :data:`_TURN_PARAGRAPHS`: the
    question ends there, and an answer whose heading is not read (another language's) is
    not taken for its asker's words."""
    last = paragraph.number + _TURN_PARAGRAPHS
    for after in article.paragraphs[paragraph.number : last]:
        heading = _RECORD_HEADING().match(after.text.strip())
        if heading is not None and not heading[0].casefold().startswith(
            ("question", "asked", "tabled")
        ):
            return True
    return False


def _asker_line(above: Paragraph) -> str | None:
    """The asker a written question's record names in its head as the European Parliament
    does, a name and a political group in brackets on a line of their own ("Jane Roe
    (Renew)"), where its shape makes it plain: the paragraph that name alone, or the
    record's heading ending with it ("Question for written answer E-001234/2025 to the
    Commission Rule 144 Jane Roe (Renew)", its lines joined), one pair of brackets, the
    name two to four capitalised words after none ("... to the Commission Jane Roe
    (Renew)" gives "Commission Jane Roe", which names no one of the archive)."""
    text = above.text.strip()
    bracket = _GROUP().search(text)
    if bracket is None or text.count("(") != 1:
        return None
    words = text[: bracket.start()].split()
    run: list[str] = []
    while words and words[-1][:1].isupper() and len(run) <= _MOST_NAME_WORDS:
        run.insert(0, words.pop())
    if not 2 <= len(run) <= _MOST_NAME_WORDS:
        return None
    alone = not words
    return " ".join(run) if alone or _WRITTEN().match(text) is not None else None


#: A political group in brackets ending a paragraph: "(Renew)", "(S&D)", "(PPE)".
_GROUP = later(r"\((?P<group>[^()\n]{2,40})\)\s*$")
#: The most words of an asker's name on a line of its own.
_MOST_NAME_WORDS = 4


def _card_name(above: Paragraph) -> str | None:
    """The name a card's header opens with, as a saved page's reader sets it (a heading, its
    lines parted by :data:`CARD_PARTS`: "Tom Ellis · Minister of State (Department for
    Transport) · Answered on 23 April 2025" above the answer), when it is a name's shape: two
    to five capitalised words."""
    if above.role != "heading" or CARD_PARTS not in above.text:
        return None
    first = above.text.split(CARD_PARTS)[0].strip()
    words = first.split()
    named = 2 <= len(words) <= _MOST_CARD_WORDS and all(
        w[:1].isupper() and _CARD_WORD().fullmatch(w) for w in words
    )
    return " ".join(words) if named else None


#: A word of a person's name as a card's header gives it, of two to five such words, each
#: opening with a capital of any alphabet ("Ülkər Məmmədova", "Łukasz Nowak", "Ольга
#: Петрова"; not "[A-Z]" alone, walk63): a letter, then letters, digits or a name's signs.
_CARD_WORD = later(r"[^\W\d_][\w'’.-]*")
_MOST_CARD_WORDS = 5


#: A speech's speaker named in its title (see :data:`_SPOKEN`): "Speech by Ilham Aliyev at
#: the Business Forum", "Remarks of Jane Roe to ...", "Ilham Aliyev's speech at ...",
#: "习近平在...上的讲话".
_SPEAKER_IN_TITLE = later(
    r"^(?:(?:full )?text of |transcript of )?(?:the )?(?:opening |closing |keynote )?"
    r"(?:speech|remarks|address|lecture|toast)\s+(?:by|of|delivered by)\s+"
    r"(?P<name>(?-i:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,5}))(?=\s+(?:at|to|on|in|during"
    r"|before|for)\b|\s*[,:(–—-]|\s*$)"
    r"|^(?P<own>(?-i:[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){1,4}))['’]s?\s+(?:opening |closing "
    r"|keynote )?(?:speech|remarks|address|lecture|toast)\b"
    r"|^(?P<han>[\u4e00-\u9fff·]{2,8})在.{1,60}(?:讲话|致辞|演讲)(?:（全文）|\(全文\))?$",
    re.IGNORECASE,
)
#: A heading in a written question's record naming who asks or answers what follows:
#: "Answer given by High Representative/Vice-President Kallas on behalf of the European
#: Commission", "Answer from Tom Ellis", "Question from Jane Roe (Labour)", "Asked by ...".
_RECORD_HEADING = later(
    r"(?:(?:answer|reply)(?: given| provided)? (?:by|from)|answered by|question (?:from|by)"
    r"|asked by|tabled by)\s+(?P<name>[^\n,;()]{2,80}?)"
    r"(?=\s+on behalf\b|\s*[,;(]|\s+(?:on|in)\s+\d|\s*\.?$)",
    re.IGNORECASE,
)


#: A speech's title in Russian or Azerbaijani, the speaker's name in the genitive, as
#: written ("Выступление Президента Ильхама Алиева на ...", "Prezident İlham Əliyevin ...
#: nitqi"): the name a capitalised run of words, in Azerbaijani ending in a genitive's
#: ending ("-in", "-nın", "-un", "-nün"...).  Such a name is read only as its forms are
#: declared, or, in Azerbaijani, with its regular ending taken off (see :func:`name_keys`).
_INFLECTED_IN_TITLE = later(
    r"^(?:выступление|речь|обращение|слово)\s+(?P<ru>(?-i:[А-ЯЁ][а-яё-]*(?:\s[А-ЯЁ][а-яё-]*){0,4}))"
    r"(?=\s+(?-i:[а-яё])|\s*[,:(–—-]|\s*$)"
    r"|^(?P<az>(?-i:(?:[A-ZÇƏĞİÖŞÜ][a-zçəğıöşü-]*\s){0,4}?[A-ZÇƏĞİÖŞÜ][a-zçəğıöşü-]*?"
    r"[’']?n?[ıiuü]n))\s(?:[^\n]{0,80}\s)?(?:nitqi|çıxışı|müraciəti)\b",
    re.IGNORECASE,
)
#: What opens the name :func:`record_name` gives of an inflected title (never a name's own
#: character): :func:`name_keys` reads it by its declared forms alone.
_INFLECTED = "\x00"
#: The words of an office before a name in a Russian or Azerbaijani title, in the forms
#: they take there ("Президента", "Prezident", "Baş naziri").
_OFFICE_INFLECTED = frozenset(
    "президента премьер-министра министра председателя главы госсекретаря генерального"  # noqa: SIM905
    " секретаря вице-президента prezident prezidenti baş nazir naziri sədr sədri"
    " azərbaycan respublikasının".split()
)
#: Azerbaijani's genitive endings, the longest first: the name as declared is what is left.
_GENITIVE_AZ = ("nın", "nin", "nun", "nün", "ın", "in", "un", "ün")


def name_keys(name: str) -> list[frozenset[str]]:
    """The keys a name in a record (see :func:`record_name`) may be known by, in the order
    they are tried, the fullest first (see :func:`.speakers.label_names`).  A name of an
    inflected title (``Ильхама Алиева``) is read only as written, its office aside, and
    by its last two words or more (never a family name alone, nor a given name left out):
    it says an entity whose names or aliases hold that form ("Ильхама Алиева"); an
    Azerbaijani one ("İlham Əliyevin") also without its genitive's
    regular ending ("İlham Əliyev"), after an apostrophe too ("Si Cinpin'in")."""
    if not name.startswith(_INFLECTED):
        return [label_names(name)]
    words = name[1:].split()
    while len(words) > 1 and words[0].casefold() in _OFFICE_INFLECTED:
        words = words[1:]
    last = words[-1]
    stems = [last] + [
        last[: -len(end)].rstrip("’'") for end in _GENITIVE_AZ if last.casefold().endswith(end)
    ]
    tried: list[frozenset[str]] = []
    for n in range(len(words), 1, -1):  # (a family name alone, never: "Алиева" is his, in
        head = " ".join(words[len(words) - n : -1])
        # the genitive, and hers, Mehriban Aliyeva's, in the nominative)
        tried.append(frozenset().union(*(label_names(f"{head} {s}".strip()) for s in stems if s)))
    return tried


def _without_office(name: str) -> str:
    """``name`` without the words of an office before it ("High Representative/Vice-President
    Kallas": "Kallas")."""
    words = name.replace("/", " ").split()
    while len(words) > 1 and all(w in _OFFICE_WORDS for w in words[0].casefold().split("-")):
        words = words[1:]
    return " ".join(words)


#: The words of an office before a name in a record's heading ("High Representative/Vice-
#: President Kallas", "Commissioner Kos", "Minister of State Tom Ellis").
_OFFICE_WORDS = frozenset(
    "high representative vice president commissioner executive minister secretary state"  # noqa: SIM905
    " deputy prime first chancellor member mr ms mrs dr lord lady baroness sir of the"
    " parliamentary under".split()
)


#: A title saying the text is someone's words, set down as said: a speech's, remarks' or an
#: address's ("Speech by Ilham Aliyev at ...", "Minister's speech at ...", "Выступление Ильхама
#: Алиева", "İlham Əliyevin nitqi", "习近平在...上的讲话"): not the outlet's own words, even on
#: the speaker's own site (president.az, GOV.UK). (Not "Reactions to Aliyev's speech": the
#: possessive opens the title, in capitalised words; nor a statement, often the outlet's own.)
_SPOKEN = later(
    r"^(?:(?:full )?text of |transcript of )?(?:the )?(?:opening |closing |keynote )?"
    r"(?:speech|remarks|address|lecture|toast)\s+(?:by|of|delivered by)\s"
    r"|^(?-i:(?:[A-Z][\w.-]*\s){0,4}[A-Z][\w.-]*)['’]s?\s+(?:opening |closing |keynote )?"
    r"(?:speech|remarks|address|lecture|toast)\b"
    r"|^(?:выступление|речь|обращение)\s|\b(?:nitqi|çıxışı|müraciəti)\b"
    r"|(?:讲话|致辞|演讲)(?:（全文）|\(全文\))?$",
    re.IGNORECASE,
)


def interpreted_words(
    article: Article, paragraph: Paragraph, span: tuple[int, int] = (0, 0)
) -> bool:
    """Whether the words of ``paragraph`` (at ``span``) are an interpreter's rendering of its
    speaker's: its interview turn's name says so (see :attr:`..model.Turn.interpreted`),
    or, in no turn, the transcript's name opening it ("PRESIDENT ALIYEV (through
    interpreter): ..."), or the turn no one is named for being an interpreter's
    ("Interpreter: ...", see :func:`unnamed_turn`), or the sentences of the quote ('"We
    will open it," Xi said through an interpreter.')."""
    if paragraph.turn is None:
        turn = unnamed_turn(article, paragraph, span[0])
        return (
            interpreted(paragraph.text)
            or _said_through(paragraph.text, span)
            or (turn is not None and turn[0].casefold() in _INTERPRETERS)
        )
    at = bisect.bisect_left(article.turns, paragraph.turn, key=lambda t: t.number)
    turns = article.turns
    return at < len(turns) and turns[at].number == paragraph.turn and turns[at].interpreted


#: The names by which a transcript gives an interpreter's turn ("Interpreter: ..."): its
#: words, no one's the archive names, are an interpreter's rendering of whoever a quote's
#: ``speaker:`` names.
_INTERPRETERS = frozenset(
    ("interpreter", "translator", "interpretation", "переводчик", "翻译", "翻訳", "通訳", "통역")
)

#: Words saying that someone speaks through an interpreter, in a story's prose.
_THROUGH_INTERPRETER = later(
    r"\b(?:through|via|with the help of|speaking through) (?:an? |his |her |their |the )?"
    r"(?:interpreter|translator)s?\b|\bчерез переводчика\b",
    re.IGNORECASE,
)


def _said_through(text: str, span: tuple[int, int]) -> bool:
    """Whether the sentences the quote at ``span`` of ``text`` spans say its words come
    through an interpreter (:data:`_THROUGH_INTERPRETER`): '"We will open it," Xi said
    through an interpreter.' (Not another sentence's: it may be another speaker's.)"""
    if _THROUGH_INTERPRETER().search(text) is None:  # (most paragraphs: no sentence is found)
        return False
    # the sentences around the quote alone, not a long paragraph's every one (a sentence
    # longer than the window is read as far as it reaches: no more is said)
    at = max(0, span[0] - _NEAR)
    near = text[at : span[1] + _NEAR]
    quote = (span[0] - at, span[1] - at)
    within = [(s, e) for s, e in sentence_spans(near) if s < quote[1] and quote[0] < e]
    if not within:
        return False
    return _THROUGH_INTERPRETER().search(near, within[0][0], within[-1][1]) is not None


#: How many characters either side of a quote its sentences are looked for in.
_NEAR = 2000


def transcript_words(article: Article, paragraph: Paragraph) -> int | None:
    """Where the words said begin in a transcript's turn of an article that is no interview
    (see :func:`_transcript_label`: "PRESIDENT ALIYEV: I think..."), if ``paragraph`` is one:
    they are the speaker's own words, set down as said."""
    if _transcript_label(article, paragraph) is None:
        return None
    return label_end(paragraph.text)


#: How far back a turn no one is named for is looked for its name: so many paragraphs (a
#: long text in no turn costs no more per quote), and so many characters of a sentence.
_TURN_PARAGRAPHS = 50
_LABEL_CHARS = 200

#: Where a sentence within a paragraph may open with a speaker's name: after a sentence's
#: end, a colon within the next 80 characters of its line, or a name in brackets ("...?
#: Guo Jiakun: In the first quarter ..."). Looked for so, not sentence by sentence: a
#: megabyte of short sentences is read in a tenth of a second.
_SENTENCE_LABEL = later(r"[.?!…。？！][\"'”’»)]*\s*(?=【|[^\n:：]{1,80}[:：])")


def unnamed_turn(article: Article, paragraph: Paragraph, at: int) -> tuple[str, int] | None:
    """The name opening the turn no one is named for that the words at ``at`` of
    ``paragraph`` of an interview are in (a press conference's "Reuters: The Azerbaijani side
    said ...": "Reuters"; see :mod:`.speakers`), with where in ``paragraph`` its words begin
    (0: the name opens an earlier paragraph), if they are in one: the last name opening a
    sentence of ``paragraph`` before ``at`` (a turn run on into another's paragraph,
    "...? Guo Jiakun: In the first quarter ..."), else the one opening the nearest paragraph
    before it in no turn. None in a turn (its speaker says who), the lead, or a paragraph
    in no turn that no name opens (a closing note: the outlet's)."""
    if article.kind != "interview" or paragraph.role != "body":
        return None
    found = _named_at(paragraph.text, 0)
    for m in _SENTENCE_LABEL().finditer(paragraph.text, 0, at):
        found = _named_at(paragraph.text, m.end()) or found
    if found is not None:
        return found
    for number in range(paragraph.number - 1, max(paragraph.number - _TURN_PARAGRAPHS - 1, 0), -1):
        before = article.paragraph(f"p{number}")
        if before is None or before.role != "body":
            return None
        named = _named_at(before.text, 0)
        if named is not None:
            return named[0], 0
    return None


def _named_at(text: str, start: int) -> tuple[str, int] | None:
    """The speaker's name ``text`` opens with at ``start`` (see
    :func:`..readers.base.label_of`), with where the words after it begin; None at once
    where no colon or bracket is near (as in most sentences)."""
    opening = text[start : start + _LABEL_CHARS]
    if ":" not in opening and "：" not in opening and "】" not in opening:
        return None
    label, end = label_of(opening), label_end(opening)
    return None if label is None or end is None else (label[0], start + end)


def _against_transcript(
    article: Article,
    paragraph: Paragraph,
    speaker: str,
    names: Mapping[str, frozenset[str]],
    span: tuple[int, int],
) -> str | None:
    """Why ``speaker`` is not who speaks a quote from a transcript's turn in an article that
    is no interview (the White House's remarks: "PRESIDENT ALIYEV: I think..."), when the
    turn's name is another entity's and no words of saying in it hand the quote on to
    someone else (as in an interview's turn: see :func:`_from_turn`); None when it agrees,
    or the name is no entity's (the archivist may know who it is)."""
    label = _transcript_label(article, paragraph)
    end = label_end(paragraph.text)
    if label is None or end is None or span[0] < end:
        return None
    keys = label_names(label)
    if keys & names.get(speaker, frozenset()):
        return None
    named = [e for e, known in sorted(names.items()) if keys & known]
    if not named:
        return None
    # (a family name two entities bear, "PRESIDENT ALIYEV:" of Ilham and Heydar: either)
    turn = " or ".join(f"'{e}'" for e in named)
    saying = _reported(paragraph.text, *span)
    if saying is not None and not saying[1]:
        return None  # the turn quotes someone: "As President Aliyev said, “...”"
    why = (
        f"the words of saying, {saying[0]!r}, are the turn's own, in the first person"
        if saying is not None
        else _why_own(paragraph.text, in_quotation_marks(paragraph.text, *span), "turn")
    )
    return (
        f"'{speaker}' does not agree with the transcript: paragraph {paragraph.id} is the "
        f"turn of {label + ':'!r}, {turn} (and the quote is no one else's words: {why})"
    )


#: How many speakers named so, each once, make an article's paragraphs a transcript's
#: turns: a dateline ("NEW DELHI:") and a heading ("Key Takeaways:") are two.
_TRANSCRIPT_SPEAKERS = 3


def _transcript_label(article: Article, paragraph: Paragraph) -> str | None:
    """The speaker's name a paragraph of an article that is no interview opens with, as a
    transcript's turns do (a name of two words or more, surely a speaker's: see
    :mod:`.speakers`), when a speaker so named speaks twice or more in it, or three or more
    named in capitals speak in it, once each (the press statements of a summit's five
    presidents);
    a dateline, "NEW DELHI:", or a heading, "Key Takeaways:", opens one paragraph."""
    if article.kind == "interview":
        return None
    found = label_of(paragraph.text)
    if found is None or not found[1] or len(found[0].split()) < 2:
        return None
    seen: set[str] = set()
    shouted: set[str] = set()  # the names in capitals, as transcripts set them
    for p in article.paragraphs:
        other = label_of(p.text)
        if other is None or not other[1] or len(other[0].split()) < 2:
            continue
        if other[0].casefold() in seen:
            return found[0]
        seen.add(other[0].casefold())
        if other[0].isupper():
            shouted.add(other[0])
    # once each: only names in capitals ("VLADIMIR PUTIN:"), never headings in title case
    # ("Why It Matters:", "The Big Picture:", "What Comes Next:")
    once = found[0].isupper() and len(shouted) >= _TRANSCRIPT_SPEAKERS
    return found[0] if once else None


def _said(text: str) -> str | None:
    """The words by which ``text`` hands its words to someone, in any language, if any."""
    said = ATTRIBUTION().search(text) if _may_attribute(text) else None
    return said.group(0) if said is not None else _said_elsewhere(text)


#: What says that words of saying are the speaker's own, just before them: "I told him
#: that ...", "as I have always said", "we stated", "я сказал" (not "I was told").
_FIRST_PERSON = later(
    r"(?<!\w)(?:I|we|я|мы)(?:['’](?:ve|d))?"
    r"(?:\s+(?:have|had|would|already|always|also|again|repeatedly|once|then|just|often"
    r"|publicly|clearly|recently|personally|previously|never|ever|уже|всегда|не раз))*\s+$",
    re.IGNORECASE,
)


def _saying(text: str, at: int = 0) -> tuple[str, bool] | None:
    """The words of saying of ``text`` (see :func:`_said`) that hand on what it holds at
    ``at`` (a quote's start), if any, and whether they are in the first person: the
    speaker's own words, not someone else's they report.  They are the last before ``at``,
    else the first after it: in "When I met President Xi, I told him that we are ready, and
    he said that China supports ...", "said", not "I told", hands on what China supports."""
    found = list(ATTRIBUTION().finditer(text)) if _may_attribute(text) else []
    if not found:
        elsewhere = _elsewhere(text)
        found = list(elsewhere.finditer(text)) if elsewhere is not None else []
    if not found:
        return None
    before = [m for m in found if m.start() < at]
    said = before[-1] if before else found[0]
    return said.group(0), _FIRST_PERSON().search(text[: said.start()]) is not None


#: A turn's marker within a paragraph, after a sentence's end: "Q: Will it open? A: Yes."
#: (a capture whose paragraphs were run together holds two turns in one).
_INLINE_MARKER = later(r"(?<=[.?!\u2026\"'\u201d\u2019\u00bb)])\s+(?P<who>[^\W\d_]{1,12})\s?:\s")


#: A turn's marker opening a paragraph ("Q: ...", "Вопрос. ...").
_OPENING_MARKER = later(r"\s*(?P<who>[^\W\d_]{1,12})\s?[:.]\s")


def _turn_markers(article: Article) -> frozenset[str]:
    """The markers the interview's turns open with (``q`` and ``a``), casefolded: a marker
    within a paragraph is one only where the text marks its turns so (an English interview's
    "... in 2019. S: the second berth ..." is no Turkish "Soru", nor its "Question: when
    will it open?" a turn where the turns open "Q:")."""
    found = (
        _OPENING_MARKER().match(p.text)
        for p in article.paragraphs
        if p.role in ("question", "answer")
    )
    return frozenset(m["who"].casefold() for m in found if m and marker_role(m["who"]))


def _marks(who: str, role: str, markers: frozenset[str]) -> bool:
    """Whether ``who`` (casefolded, a marker of ``role``) marks a turn in an interview whose
    turns open with ``markers``: one of them; or, where none of them marks ``role`` (an
    interview run together, "Soru: ...? Cevap: ..."), one written as they are, a letter
    where they are letters ("Q" then "A"), a word where they are words; any, where its
    turns open with none (their speakers' names, or no label)."""
    if who in markers or not markers:
        return True
    if any(marker_role(m) == role for m in markers):
        return False
    return any((len(m) == 1) == (len(who) == 1) for m in markers)


def _inline_turn(
    article: Article,
    paragraph: Paragraph,
    span: tuple[int, int],
    names: Mapping[str, frozenset[str]] | None = None,
) -> Paragraph | str:
    """``paragraph`` as the turn the quote at ``span`` is in: a paragraph of one turn
    ("Q: Will it open?") as it is; one holding another turn after a sentence, by its
    marker ("Q: Will it open? A: Yes, in June."; a marker the interview's turns open with,
    see :func:`_turn_markers`) or by the name of who asks or answers (``names``: "Xinhua:
    Will it open? Ilham Aliyev: Yes, in June."), of the last turn before the quote, with its
    speaker ("Yes, in June." is the interviewee's answer, not the question's); or why the
    quote cannot be one turn's words (a marker or a name within it)."""
    found = [
        _inline_marker(article, paragraph, span),
        _inline_name(article, paragraph, span, names),
    ]
    for f in found:
        if isinstance(f, str):
            return f
    opened = [f for f in found if isinstance(f, tuple)]
    role: ParagraphRole = max(opened, key=lambda f: f[1])[0] if opened else paragraph.role
    if role == paragraph.role:
        return paragraph
    speaker = article.interviewer if role == "question" else article.interviewee
    return dataclasses.replace(paragraph, role=role, speaker=speaker)


def _across(paragraph: Paragraph, label: str) -> str:
    return (
        f"the quote runs across two turns: paragraph {paragraph.id} holds {label!r} within "
        "it; quote each turn as a source of its own"
    )


def _inline_marker(
    article: Article, paragraph: Paragraph, span: tuple[int, int]
) -> tuple[ParagraphRole, int] | str | None:
    """The role of the last turn's marker within ``paragraph`` before the quote at ``span``
    (see :func:`_inline_turn`) and where it is; or why the quote is no one turn's."""
    last = None
    for said, start, label in _markers_within(article, paragraph, span[1]):
        if start >= span[0]:
            return _across(paragraph, label)
        last = (said, start)
    return last


def _markers_within(
    article: Article, paragraph: Paragraph, end: int, markers: frozenset[str] | None = None
) -> Iterator[tuple[ParagraphRole, int, str]]:
    """Each turn's marker within ``paragraph`` before ``end`` after a sentence (see
    :func:`_inline_turn`): its role, where it is, and the marker as written ("A:");
    ``markers``: the interview's (see :func:`_turn_markers`), found here when not given."""
    for m in _INLINE_MARKER().finditer(paragraph.text, 0, end):
        said = marker_role(m["who"]) if m["who"][:1].isupper() else None
        if said is not None and markers is None:
            markers = _turn_markers(article)
        if said is not None and markers is not None and _marks(m["who"].casefold(), said, markers):
            yield said, m.start(), m["who"] + ":"


def _inline_name(
    article: Article,
    paragraph: Paragraph,
    span: tuple[int, int],
    names: Mapping[str, frozenset[str]] | None,
) -> tuple[ParagraphRole, int] | str | None:
    """The role of the last name of who asks or answers (by the ``names`` of the interview's
    interviewer and interviewee) opening a sentence within ``paragraph`` before the quote at
    ``span`` ("...? Ilham Aliyev: No, ..."), and where it is; or why the quote is no one
    turn's (such a name within it, "...? Ilham Aliyev: No...": two speakers' words)."""
    last = None
    for role, start, label in _names_within(article, paragraph, span[1], names):
        if start >= span[0]:
            return _across(paragraph, label)
        last = (role, start)
    return last


def _names_within(
    article: Article, paragraph: Paragraph, end: int, names: Mapping[str, frozenset[str]] | None
) -> Iterator[tuple[ParagraphRole, int, str]]:
    """Each name of who asks or answers opening a sentence within ``paragraph`` before
    ``end`` (see :func:`_inline_name`): the role of its turn, where the name is, and the
    name and its colon as written ("Ilham Aliyev:")."""
    who_is: tuple[tuple[ParagraphRole, str | None], ...] = (
        ("question", article.interviewer),
        ("answer", article.interviewee),
    )
    roles = [
        (role, names[who]) for role, who in who_is if names and who is not None and who in names
    ]
    for m in _SENTENCE_LABEL().finditer(paragraph.text) if roles else ():
        if m.end() >= end:
            return
        named = _named_at(paragraph.text, m.end())
        keys = label_names(named[0]) if named is not None else frozenset()
        role = next((r for r, known in roles if keys & known), None)
        if named is not None and role is not None:
            yield role, m.end(), paragraph.text[m.end() : named[1]].strip()


def run_in_turns(
    article: Article, names: Mapping[str, frozenset[str]]
) -> dict[str, tuple[tuple[ParagraphRole, str | None, str], ...]]:
    """The turns each paragraph of an interview's turns runs into its own after a sentence,
    by the paragraph's id, as the quotes in it are attributed (see :func:`_inline_turn`:
    "Xinhua: Will fares rise? Ilham Aliyev: No, not before 2026."): each one's role,
    speaker (an entity id; None for one the source does not name) and marker or name as
    written, in order; a marker or a name of the turn already speaking is no new turn.  The
    markers its turns open with are found once for the whole interview (once a paragraph,
    an interview of 4,000 paragraphs each holding a marker took 8 s)."""
    out: dict[str, tuple[tuple[ParagraphRole, str | None, str], ...]] = {}
    if article.kind != "interview":
        return out
    markers = _turn_markers(article)
    for p in article.paragraphs:
        if p.role not in ("question", "answer"):
            continue
        end = len(p.text)
        found = [*_markers_within(article, p, end, markers), *_names_within(article, p, end, names)]
        turns: list[tuple[ParagraphRole, str | None, str]] = []
        role: ParagraphRole = p.role
        for said, _, label in sorted(found, key=lambda f: f[1]):
            if said != role:
                turns.append(
                    (
                        said,
                        article.interviewer if said == "question" else article.interviewee,
                        label,
                    )
                )
                role = said
        if turns:
            out[p.id] = tuple(turns)
    return out


def _from_turn(paragraph: Paragraph, speaker: str | None, span: tuple[int, int]) -> Attribution:
    """A quote from a turn of an interview is its speaker's question or answer; or, when the
    turn quotes someone ("As President Aliyev said in Beijing, “...”") and ``speaker`` names
    them, their words, which the turn's speaker reports (without ``speaker``, a warning).
    The words of saying must hand on the quote itself (see :func:`_reported`): "I noted
    that ..." in one sentence makes no other sentence of the answer someone else's."""
    role: Voice = "question" if paragraph.role == "question" else "answer"
    turn_speaker = paragraph.speaker
    quoted = in_quotation_marks(paragraph.text, *span)
    saying = _reported(paragraph.text, *span)
    said, own = saying if saying is not None else (None, False)
    if turn_speaker is None:
        return _from_unnamed(paragraph, speaker, (said, own), quoted)
    if speaker is not None and speaker != turn_speaker:
        # within quotation marks words of saying introduce; or words of saying in the
        # quote's own sentence ("The minister told us the berth will open in 2026"); not
        # the turn's speaker's own ("I told him that ...": their words, not his)
        if said is not None and not own:
            return Attribution(speaker, "reported")
        why = _why_the_turn_s(paragraph, (said, own), quoted, role)
        return Attribution(
            turn_speaker,
            role,
            error=(
                f"'{speaker}' does not agree with the interview: paragraph {paragraph.id} "
                f"is the {role} of turn {paragraph.turn}, by '{turn_speaker}' (and the quote is "
                f"no one else's words: {why})"
            ),
        )
    if speaker is None and said is not None and not own:
        return Attribution(turn_speaker, role, warning=_someone_else_s(paragraph, said, quoted))
    return Attribution(turn_speaker, role)


def _why_the_turn_s(
    paragraph: Paragraph, saying: tuple[str | None, bool], quoted: bool, role: Voice
) -> str:
    """Why a quote from a turn is the turn's own words, not ones it reports: its words of
    saying are in the first person, or see :func:`_why_own`."""
    said, own = saying
    if own:
        return f"the words of saying, {said!r}, are the {role}'s own, in the first person"
    return _why_own(paragraph.text, quoted, role)


def _from_unnamed(
    paragraph: Paragraph, speaker: str | None, saying: tuple[str | None, bool], quoted: bool
) -> Attribution:
    """A quote from a turn whose speaker the source does not name (a question of an
    interview with ``interviewer: unnamed``: a press conference's "Question: ..."): the
    words of no one the archive names; or, when the turn quotes someone and ``speaker``
    names them, their words, which the unnamed asker reports (without ``speaker``, a
    warning).  A ``speaker`` for the turn's own words would name who asked, which the
    source does not: an error."""
    role: Voice = "question" if paragraph.role == "question" else "answer"
    said, own = saying
    handed = said is not None and not own
    if speaker is None:
        warning = _someone_else_s(paragraph, said, quoted) if handed and said else None
        return Attribution(None, role, warning=warning)
    if handed:
        return Attribution(speaker, "reported")
    why = _why_the_turn_s(paragraph, saying, quoted, role)
    return Attribution(
        None,
        role,
        error=(
            f"'{speaker}' does not agree with the interview: paragraph {paragraph.id} is the "
            f"{role} of turn {paragraph.turn}, by {_NOT_NAMED[role]} (and the quote is no one "
            f"else's words: {why}): the archive may not name who {_NOT_NAMED_WHO[role]}; give "
            "no 'speaker:'"
        ),
    )


#: Who asks or answers, in an interview whose metadata says ``interviewer: unnamed`` or
#: ``interviewee: unnamed``.
_NOT_NAMED = {
    "question": f"an asker the source does not name ('interviewer: {UNNAMED}')",
    "answer": f"an interviewee the source does not name ('interviewee: {UNNAMED}')",
}
_NOT_NAMED_WHO = {"question": "asked", "answer": "answered"}


def _someone_else_s(paragraph: Paragraph, said: str, quoted: bool) -> str:
    """The warning on a quote with no ``speaker:`` from a turn that hands it to someone
    else: within quotation marks, or reported speech ("The president told me that the
    bridge is finished")."""
    how = f"{said!r} and quotation marks around the quote" if quoted else f"{said!r}"
    role = "question" if paragraph.role == "question" else "answer"
    by = f"'{paragraph.speaker}'" if paragraph.speaker is not None else _NOT_NAMED[role]
    own = f"'{paragraph.speaker}'" if paragraph.speaker is not None else "no 'speaker:'"
    return (
        f"paragraph {paragraph.id}, the {paragraph.role} of {by}, "
        f"{'quotes' if quoted else 'reports'} someone ({how}): if the words are theirs, "
        f"name them with 'speaker:' (or {own} if they are the "
        f"{paragraph.role}'s own)"
    )


def _why_own(text: str, quoted: bool, role: str) -> str:
    """Why a quote from a turn is the words of the turn's speaker, for an error."""
    why = (
        "within quotation marks no words of saying introduce"
        if quoted
        else "not within quotation marks, nor reported speech"
    )
    elsewhere = _said(text)
    if elsewhere is None:
        return why
    return f"{why}; {elsewhere!r} hands on another sentence of the {role}, not the quote's"


def _reported(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """The words of saying by which ``text`` hands the quote ``text[start:end]`` to someone,
    if any, and whether they are the speaker's own (see :func:`_saying`): in the sentences
    the quote spans ("The minister told us the berth will open",
    "“The berth will open,” he said"); for a quote within quotation marks, in the sentences
    the whole quotation spans, marks included, so in what introduces it ("He told us: “The
    berth will open. It doubles our capacity.”"), and, when no words of saying are there,
    in the sentence just before or after the quotation (a quotation continued, one
    introduced: '"The berth will open," he said. "It doubles our capacity."').  Words of
    saying in another sentence of the paragraph hand on that sentence, not the quote."""
    at, quotation = start, quotation_around(text, start, end)
    if quotation is not None:
        start, end = min(start, quotation[0]), max(end, quotation[1])
    sentences = sentence_spans(text)
    within = [n for n, (s, e) in enumerate(sentences) if s < end and start < e]
    if within:
        start, end = min(start, sentences[within[0]][0]), max(end, sentences[within[-1]][1])
    said = _saying(text[start:end], at - start)
    if said is not None or quotation is None or not within:
        return said
    first, last = sentences[within[0]], sentences[within[-1]]
    if quotation[0] > first[0] or quotation[1] < last[1] - 1:
        return None  # a term within a sentence of the turn's own ("Our motto is “...”")
    # a quotation of its own sentences takes the words of saying of the sentence next to
    # it: '"The berth will open," the minister said. "It doubles our capacity."', 'He told
    # us the following. "The berth will open."'
    return _said_next_to(text, sentences, within[0] - 1, within[-1] + 1)


def _said_next_to(
    text: str, sentences: list[tuple[int, int]], *around: int
) -> tuple[str, bool] | None:
    """The words of saying (see :func:`_saying`) of the first of the sentences numbered
    ``around`` of ``text`` that has some: the quote's words are after the one before
    (whose last words of saying hand them on) and before the one after (its first)."""
    for n in around:
        if 0 <= n < len(sentences):
            sentence = text[slice(*sentences[n])]
            at = len(sentence) if n < around[-1] else 0
            if (said := _saying(sentence, at)) is not None:
                return said
    return None


def quotes_by_speaker(
    articles: Sequence[Article], milestones: Sequence[Milestone]
) -> Mapping[str, tuple[Citation, ...]]:
    """Each entity's statements among the source quotes, in the timeline's order."""
    by_id = {a.id: a for a in articles}
    out: dict[str, list[Citation]] = defaultdict(list)
    for m in milestones:
        for n, s in enumerate(m.sources):
            who = by_id[s.article].speaker_id(s.speaker, s.voice)
            if who is not None:  # words no one is named for are no one's statement
                out[who].append(Citation(m.id, n, s.article, s.paragraph))
    return MappingProxyType({k: tuple(v) for k, v in sorted(out.items())})
