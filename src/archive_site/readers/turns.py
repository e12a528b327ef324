"""Interview turns: paragraphs opening with ``- `` or ``Q:``/``A:``."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence

from ..model import ParagraphRole
from ..patterns import later
from .base import ANSWER_WORDS as _ANSWER_WORDS
from .base import QA_TURN as _QA_TURN
from .base import QUESTION_WORDS as _QUESTION_WORDS
from .base import Block, Field

_DASH_TURN = re.compile(r"^[-–—]\s+")
#: A turn of dialogue as Russian and French set it, with a long dash; "- " opens list items too.
_LONG_DASH_TURN = re.compile(r"^[–—]\s+")
#: A question as the White House's transcripts mark it, ``Q`` and no colon ("Q Thank you,
#: Karine. On Iran..."): a marker only where the text marks questions so twice or more, or
#: marks some otherwise (a paragraph may open "Q Street"); see :func:`marker_of`.
_BARE_Q = later(r"(?-i:(?P<who>Q))[ \u00a0]+(?=[A-Z“\"'‘«])")
Marker = Callable[[str], "re.Match[str] | None"]


def marker_of(blocks: Sequence[Block]) -> Marker:
    """What finds a paragraph's marker of its role (``Q:``, ``A.``, ``Вопрос:``), in
    ``blocks``: also a bare ``Q`` (:data:`_BARE_Q`) where the text marks questions so twice
    or more, or also marks questions otherwise; and the initial of a marker the text spells
    out (``P.`` after ``Pregunta.``, ``R.`` after ``Respuesta.``, as Spanish papers mark
    an interview's turns after its first two; ``В:`` after ``Вопрос:``), see
    :func:`_initials_of`."""
    bare = sum(1 for b in blocks if _BARE_Q().match(b.text))
    asked = any((m := _QA_TURN().match(b.text)) and _role(m["who"]) == "q" for b in blocks)
    finders: list[Marker] = [_QA_TURN().match]
    if bare >= 2 or (bare and asked):
        finders.append(_BARE_Q().match)
    if (initials := _initials_of(blocks)) is not None:
        finders.append(initials.match)
    if len(finders) == 1:
        return _QA_TURN().match
    return lambda text: next((m for find in finders if (m := find(text))), None)


def _initials_of(blocks: Sequence[Block]) -> re.Pattern[str] | None:
    """What finds the initial of a marker word the text spells out as a marker (``P.`` where
    a paragraph opens ``Pregunta.``), a capital followed by a full stop or a colon and the
    words said; None where the text spells out none (a paragraph opening "P. Smith said" is
    no question)."""
    letters = {
        m["who"][0].upper()
        for b in blocks
        if (m := _QA_TURN().match(b.text)) and len(m["who"]) > 1 and not m["who"][0].islower()
    } - {"Q", "A"}  # (markers of their own)
    if not letters:
        return None
    return _initials_pattern("".join(sorted(letters)))


@functools.cache
def _initials_pattern(letters: str) -> re.Pattern[str]:
    """The pattern of :func:`_initials_of` for the initials ``letters``."""
    return re.compile(rf"(?P<who>[{re.escape(letters)}])[.:][ \u00a0]+(?=[^\W\d_]|[¿¡“\"'‘«—–-])")


def _role(who: str) -> str:
    """ "q" or "a": whether a marker (``Q``, ``Вопрос``...) opens a question or an answer."""
    return "q" if marker_role(who) == "question" else "a"


def marker_role(word: str) -> ParagraphRole | None:
    """ "question" or "answer" when ``word`` is a marker of one (``Q``, ``Вопрос``, ``A``,
    ``Ответ``...), whatever its case; else None."""
    word = word.casefold()
    if word == "q" or word in _QUESTION_WORDS or word in _QUESTION_INITIALS:
        return "question"
    if word == "a" or word in _ANSWER_WORDS or word == "答" or word in _ANSWER_INITIALS:
        return "answer"
    return None


#: The initials of the words marking questions and answers (``P`` of ``Pregunta``), each of
#: one role alone: markers where the text spells out their words (see :func:`marker_of`).
_QUESTION_INITIALS = frozenset(w[0] for w in _QUESTION_WORDS if w[0].isalpha()) - {
    w[0] for w in _ANSWER_WORDS
}
_ANSWER_INITIALS = frozenset(w[0] for w in _ANSWER_WORDS) - {w[0] for w in _QUESTION_WORDS}


def mark_turns(
    blocks: list[Block],
    *,
    dashes: bool = True,
    long_dashes: bool = False,
    dashed: Collection[str] = (),
) -> list[Block]:
    """Give interview roles to paragraphs.

    A paragraph opening with ``- `` starts a turn (unless ``dashes`` is False); turns
    alternate question, answer, question, ...  ``Q:`` and ``A:`` say the role outright.
    With ``long_dashes``, only an en or em dash opens a turn (``— Вопрос?``), not ``- ``,
    but in the paragraphs ``dashed`` (their texts: a page's own, see
    :attr:`.base.Reading.dashed`).
    A paragraph without a marker continues the current turn; but where questions are
    marked ``Q:`` and answers not at all, the paragraph after a question starts the
    answer (a question was its answer's speaker's too).  Paragraphs before
    the first turn are the lead.  The markers are removed from the text.
    """
    dash_turn = (_LONG_DASH_TURN if long_dashes else _DASH_TURN) if dashes else None

    def dash_of(b: Block) -> re.Match[str] | None:
        if dash_turn is None:
            return None
        return dash_turn.match(b.text) or (_DASH_TURN.match(b.text) if b.text in dashed else None)

    marker_in = marker_of(blocks)
    if not any(dash_of(b) or marker_in(b.text) for b in blocks):
        return blocks
    unmarked_answers = _answers_unmarked(blocks, dash_of, marker_in)
    out: list[Block] = []
    turn = 0
    role: ParagraphRole = "lead"
    for b in blocks:
        if b.role == "heading":  # a section's heading, in no turn
            out.append(b)
            continue
        dash = dash_of(b)
        qa = marker_in(b.text)
        if qa:
            role = "question" if _role(qa["who"]) == "q" else "answer"
        elif dash or (unmarked_answers and role == "question"):
            role = "answer" if role == "question" else "question"
        else:
            out.append(Block(b.text, b.line, role, turn or None))
            continue
        turn += 1
        marker = qa or dash
        out.append(Block(b.text[marker.end() :] if marker else b.text, b.line, role, turn))
    return out


def _answers_unmarked(
    blocks: list[Block], dash_of: Callable[[Block], object], marker_in: Marker
) -> bool:
    """Whether the questions are marked ``Q:`` (or ``Question:``) and the answers not at all."""
    said = {_role(m["who"]) for b in blocks if (m := marker_in(b.text))}
    return said == {"q"} and not any(dash_of(b) for b in blocks)


def has_qa_turns(blocks: list[Block]) -> bool:
    """Whether some paragraphs open with ``Q:`` (or ``Question:``) and some with ``A:`` (or
    ``Answer:``): an interview that says who asks and who answers outright."""
    marker_in = marker_of(blocks)
    said = {_role(m["who"]) for b in blocks if (m := marker_in(b.text))}
    return said == {"q", "a"}


def interview_field(body: list[Block]) -> Field | None:
    """``kind: interview`` on the line of the first turn, when the text has turns."""
    first = next((b for b in body if b.turn), None)
    return None if first is None else Field("interview", first.line)


def turns_by_markers(
    blocks: list[Block],
    *,
    long_dashes: bool,
    dashed: Collection[str] = (),
    bold: Collection[str] = (),
) -> list[Block] | None:
    """``blocks`` with the turns their markers make, for a text said to be an interview that
    its reader found none in: ``Q:`` and ``A:`` where they are (and then no dash: it opens
    a list's item in an answer); else dashes (long ones only, with ``long_dashes``: a
    saved page's ``- `` opens list items) when most of the turns they make questions end
    with a question mark; else, with ``long_dashes``, the ``- `` the page wrote itself
    (``dashed``, see :func:`mark_turns`: president.az sets interviews so) when every
    question ends with one (a list in an answer, set so too, would be questions); else
    the paragraphs a saved page set wholly in bold (``bold``, see :func:`bold_turns`), in a
    page whose own hyphens open none; else None."""
    marker_in = marker_of(blocks)
    if any((m := marker_in(b.text)) and _role(m["who"]) == "q" for b in blocks):
        return mark_turns(blocks, dashes=False)  # a dash in an answer opens a list's item
    marked = mark_turns(blocks, long_dashes=long_dashes)
    if any(b.turn for b in marked) and asked_in_turns(marked):
        return marked
    if long_dashes and dashed:
        marked = mark_turns(blocks, long_dashes=True, dashed=dashed)
        if any(b.turn for b in marked) and asked_in_turns(marked, every=True):
            return marked
    return bold_turns(blocks, bold) if bold else None


def bold_turns(blocks: list[Block], bold: Collection[str]) -> list[Block] | None:
    """``blocks`` with the turns a page's bold paragraphs make (``bold``, their texts), as
    many interviews set their questions, with no name and no mark: each run of bold
    paragraphs a question, the paragraphs after it to the next its answer, those before the
    first the lead (one set in bold too); when there are two questions or more and each ends
    with a question mark but the last, which may thank ("Thank you, Mr. Minister."); else
    None (a bold paragraph may be a subheading, or an answer's words stressed)."""
    runs = _bold_questions(blocks, bold)
    if runs is None:
        return None
    out: list[Block] = []
    turn, role = 0, "lead"
    role_of: dict[str, ParagraphRole] = {"lead": "lead", "question": "question"}
    for n, b in enumerate(blocks):
        if b.role == "heading":  # a section's heading, in no turn
            out.append(b)
            continue
        if n in runs:
            turn, role = turn + 1, "question"
        elif role == "question" and b.text not in bold:
            turn, role = turn + 1, "answer"
        out.append(Block(b.text, b.line, role_of.get(role, "answer"), turn or None))
    return out


def _bold_questions(blocks: list[Block], bold: Collection[str]) -> list[int] | None:
    """Where each question of :func:`bold_turns` begins, or None when they are none."""
    runs = [
        n
        for n, b in enumerate(blocks)
        if b.text in bold and (n == 0 or blocks[n - 1].text not in bold)
    ]
    ends = [
        next(m for m in range(n, len(blocks)) if not _bold_after(blocks, m, bold)) for n in runs
    ]
    if runs and runs[0] == 0:  # a lead set in bold, the interview's introduction, before
        runs[0] = ends[0]  # its first question (the run's last paragraph), if it asks
        if not is_question(blocks[ends[0]].text):
            runs, ends = runs[1:], ends[1:]
    asks = [is_question(blocks[m].text) for m in ends]
    if len(runs) < 2 or not all(asks[:-1]) or any(m + 1 == len(blocks) for m in ends[:-1]):
        return None
    return runs if asks[-1] or _thanks(blocks[ends[-1]].text) else None


def _bold_after(blocks: list[Block], n: int, bold: Collection[str]) -> bool:
    """Whether the paragraph after the ``n``-th is in bold too."""
    return n + 1 < len(blocks) and blocks[n + 1].text in bold


def asked_in_turns(blocks: list[Block], *, every: bool = False) -> bool:
    """Whether most turns read as questions (two thirds or more) open with a paragraph that
    ends with a question mark: dashes that open turns of dialogue, not items of a list.
    With ``every``, all of them do, but the last, which may be a sentence of thanks closing
    the interview ("- Thank you, Mr. President." "- Thank you."), not a list's item."""
    firsts: list[str] = list(
        {b.turn: b.text for b in reversed(blocks) if b.role == "question" and b.turn}.values()
    )[::-1]  # the paragraph each question's dash opens
    asked = [t for t in firsts if is_question(t)]
    if not every:
        return bool(firsts) and 3 * len(asked) >= 2 * len(firsts)
    return (
        bool(firsts)
        and all(map(is_question, firsts[:-1]))
        and (is_question(firsts[-1]) or _thanks(firsts[-1]))
    )


def is_question(text: str) -> bool:
    """Whether a paragraph ends with a question mark (inside closing quotation marks too)."""
    return text.rstrip(" \"'”’»)").endswith(("?", "？", "؟"))


def _thanks(text: str) -> bool:
    """Whether a paragraph is a closing word of thanks: a sentence of its own (a capital
    first, a full stop or an exclamation mark last) that thanks (see :data:`_THANKING`),
    not a list's item, nor the last of two items ending the last answer ("- The agreement
    on the Middle Corridor." "- The agreement on green energy.")."""
    return (
        text[:1].isupper()
        and text.rstrip().endswith((".", "!"))
        and _THANKING().search(text) is not None
    )


#: The word that thanks, in the languages the archive's interviews are in: "Thank you",
#: "Спасибо", "Благодарю", "Təşəkkür edirəm", "Teşekkürler", "Merci", "Danke", "谢谢".
_THANKING = later(
    r"\bthank|спасиб|благодар|təşəkkür|teşekkür|sağ\s*ol|\bmerci\b|\bdanke\b|grazie|gracias|"
    r"obrigad|谢谢|感谢",
    re.IGNORECASE,
)
