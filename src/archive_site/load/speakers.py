"""Interview turns that the text marks by the speaker's name: ``Jabbarov: We agreed...``.

Readers find the turns a text marks by role (``Q:``/``A:``, or alternating dashes:
:mod:`..readers.turns`). Many interviews mark them by name instead, or both: the
questions ``Q:`` and the answers ``Jabbarov:``, a follow-up ``Sevinj Huseynova: And the
labour?``. Who a name is, only the archive knows: the interviewer's and the
interviewee's entities (their names and aliases; a person's family name alone too), and
the outlet, whose journalist asks. A paragraph opening with a name that is one of them
starts a turn of that speaker; the paragraphs after it, until the next marked one, are
that turn's. A paragraph opening with a name that is neither (another speaker, or
"Editor's note:"; in turns marked by name or by ``Q:`` and ``A:``) is attributed to no
one, nor are the paragraphs after it until the next marked turn: a note says so, once
for each such name. So a text never says more about who speaks than it marks. The names
stay in the text, as the source writes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..model import UNNAMED, Entity, ParagraphRole
from ..patterns import later
from ..readers import Block
from ..readers.base import label_as_written, label_of
from ..readers.turns import Marker, is_question, marker_of, marker_role
from ..text import normalise_text


def label_names(label: str) -> frozenset[str]:
    """The keys a speaker's name in a transcript may be known by (see :func:`names_of`): the
    name, and without the titles before a family name ("PRESIDENT ALIYEV:", "PRIME
    MINISTER PASHINYAN:", "MR. PRICE:": "aliyev", "pashinyan", "price")."""
    key = _key(label)
    words = key.split()
    while len(words) > 1 and words[0].rstrip(".") in _TITLE_WORDS:
        words = words[1:]
    return frozenset((key, " ".join(words)))


#: The words of a title before a family name, as transcripts name their speakers.
_TITLE_WORDS = frozenset(
    "mr ms mrs miss dr prof madam mister secretary ambassador president minister senator"  # noqa: SIM905
    " governor mayor general admiral spokesperson spokesman spokeswoman chairman chairwoman"
    " chair deputy prime vice foreign first state chancellor premier representative"
    " commissioner speaker m mme г-н г-жа господин госпожа".split()
)


#: A transcript's stage direction, a paragraph of its own in brackets: what happens
#: ("(BEGIN VIDEOTAPE)", "(CROSSTALK)", "[MUSIC PLAYING]", "[laughter]", "(Applause.)"), or
#: the transcriber's note ("(The briefing was concluded at 2:41 p.m.)"); twenty words at most.
_STAGE = later(r"[(\[][^()\[\]]{1,200}[)\]]\.?")
_STAGE_WORDS = 20


def stage_direction(text: str) -> bool:
    """Whether a paragraph is a transcript's stage direction or note (see :data:`_STAGE`):
    the transcriber's words, none of a speaker's."""
    text = text.strip()
    return _STAGE().fullmatch(text) is not None and len(text.split()) <= _STAGE_WORDS


def names_of(entity: Entity | None, *more: str) -> frozenset[str]:
    """The names that say ``entity`` (its name, aliases and name forms, and for a person
    the last word of its name and of each alias: "Jabbarov" for "Mikayil Jabbarov"; never
    of a name form, "Алиева" of "Ильхама Алиева", his name inflected and hers, Mehriban
    Aliyeva's, as it is), and ``more``, compared casefolded."""
    names = list(more)
    if entity is not None:
        names += entity.names
        if entity.type == "person":
            own = (entity.name, *entity.aliases)
            names += [n.split()[-1] for n in own if len(n.split()) > 1]
    return frozenset(_key(n) for n in names if n.strip())


def _key(name: str) -> str:
    return normalise_text(name).casefold()


def _unknown(label: str, written: str) -> str:
    return (
        f"'{written}' names neither the interviewer nor the interviewee: what follows it, "
        "to the next turn, is attributed to no one (if it is one of them, add the name to "
        "that entity's aliases in entities.yaml, unless another entity has it too; either "
        "way, a quote from it may name who says it with 'speaker:')"
    )


def label_turns(
    blocks: Sequence[Block],
    asks: frozenset[str],
    answers: frozenset[str],
    unknown: Callable[[str, str], str] = _unknown,
) -> tuple[list[Block], list[tuple[int, str]]]:
    """``blocks`` with the turns their speakers' names mark (see the module's text), when any
    paragraph opens with the name of who asks (``asks``) or who answers (``answers``), or
    with a name that is neither in turns a reader marked (``Q:``/``A:``: a moderator's
    words within an answer are not the answer); else as they are.  Also the notes on the
    names that are neither, with their lines (``unknown``: what such a name is told)."""
    labels, roles = _labels_and_roles(blocks, asks, answers)
    if not _names_matter(blocks, labels, roles):
        return list(blocks), []
    out: list[Block] = []
    notes: list[tuple[int, str]] = []
    noted: set[str] = set()
    unmarked = _unmarked_answers(blocks, labels, roles)
    turn, role, previous = 0, "lead", None
    for n, (block, label, said) in enumerate(zip(blocks, labels, roles, strict=True)):
        marked = block.turn is not None and block.turn != previous  # a reader's new turn
        previous = block.turn
        if stage_direction(block.text):  # the transcriber's, in no one's turn
            out.append(Block(block.text, block.line, "lead" if role == "lead" else "body"))
            continue
        if said in ("question", "answer"):
            turn, role = turn + 1, said
        elif said == "unknown" and label is not None and not marked:
            # (a paragraph the reader saw open with "A:" is the answer: "A: First: ...")
            role = "unknown"
            _note_once((label, block.text), block.line, (noted, notes), unknown)
        elif marked:
            turn, role = turn + 1, block.role
        elif n in unmarked:
            role = "unknown"
            notes.append((block.line, _UNMARKED_ANSWER))
        if block.role == "heading":  # a section's heading, in no turn
            out.append(block)
        elif role in ("question", "answer"):
            out.append(Block(block.text, block.line, _paragraph_role(role), turn))
        else:  # before the first turn, or after a speaker no one knows
            out.append(Block(block.text, block.line, "lead" if role == "lead" else "body"))
    return out, notes


def _note_once(
    label: tuple[str, str],
    line: int,
    kept: tuple[set[str], list[tuple[int, str]]],
    unknown: Callable[[str, str], str],
) -> None:
    """The note on a name that is neither who asks nor who answers, once for each name
    (``label``: the name, and the paragraph it opens, whose label as written the note
    quotes)."""
    noted, (name, text) = kept[0], label
    if _key(name) not in noted:
        noted.add(_key(name))
        kept[1].append((line, unknown(name, label_as_written(text) or f"{name}:")))


def unnamed_among_askers(blocks: Sequence[Block]) -> int | None:
    """The line of the first question no name opens ("Question: ...", "Q:", "问："), in an
    interview's ``blocks`` (with their turns) whose text names two or more askers the
    archive does not know, each opening a question in no turn ("Reuters: ...?", "AFP:
    ...?", "法新社记者：..."): a press conference, whose askers are many, so a question none
    is named for is no one interviewer's; None otherwise."""
    askers: set[str] = set()
    first, previous = None, None
    for b in blocks:
        opens = b.turn is not None and b.turn != previous
        previous = b.turn
        found = label_of(b.text)
        label = None if found is None or marker_role(found[0]) is not None else found[0]
        if b.turn is None and label is not None and (is_question(b.text) or _asker(label, b.text)):
            askers.add(_key(label))
        elif opens and b.role == "question" and label is None and first is None:
            first = b.line
    return first if len(askers) >= 2 else None


def _unmarked_answers(
    blocks: Sequence[Block], labels: Sequence[str | None], roles: Sequence[str | None]
) -> set[int]:
    """The paragraphs that open an answer no name marks: after a question a name opened
    ("Reuters: Does China have any comment?"), which asked (its last paragraph ends with a
    question mark), one that opens with no name and asks nothing ("China's position is
    consistent."). It is no more the asker's words than the next turn's: a press
    conference's transcript that names its spokesperson's answers now and then leaves a
    name out, and the answer was the reporter's outlet's question."""
    out: set[int] = set()
    asking, asked, previous = False, False, None
    for n, (block, label, said) in enumerate(zip(blocks, labels, roles, strict=True)):
        marked = block.turn is not None and block.turn != previous
        previous = block.turn
        if said is not None or marked:
            asking = said == "question" and label is not None and marker_role(label) is None
            asked = asking and is_question(block.text)
        elif stage_direction(block.text) or block.role == "heading" or not asking:
            continue
        elif asked and not is_question(block.text):
            out.add(n)
            asking = False
        else:
            asked = is_question(block.text)
    return out


_UNMARKED_ANSWER = (
    "this paragraph follows a question and opens with no name: it asks nothing, so it is "
    "not the question's, and no name says whose it is: it is attributed to no one, nor are "
    "those after it to the next turn (a quote from it may name who says it with 'speaker:')"
)


def _labels_and_roles(
    blocks: Sequence[Block], asks: frozenset[str], answers: frozenset[str]
) -> tuple[list[str | None], list[str | None]]:
    """The name each block opens with, if any, and whose it is (see :func:`_role`); a
    marker ("Question:") opens a turn where no name marks turns of its role, or where its
    paragraph is a question whole (in a transcript naming who asks, "Question: can we afford
    it? Yes, the fund covers it." is the answer's words)."""
    marker_in = marker_of(blocks)  # (a bare "Q", as the White House marks a question)
    found = [label_of(b.text) or _bare_marker(b.text, marker_in) for b in blocks]
    labels = [None if f is None else f[0] for f in found]
    roles = [_whose(f, b.text, asks, answers) for b, f in zip(blocks, found, strict=True)]
    named = {r for label, r in zip(labels, roles, strict=True) if label and not marker_role(label)}
    return labels, [
        None if label and marker_role(label) and r in named and not _asked(b.text) else r
        for b, label, r in zip(blocks, labels, roles, strict=True)
    ]


def _whose(
    found: tuple[str, bool] | None, text: str, asks: frozenset[str], answers: frozenset[str]
) -> str | None:
    """Whose the name ``found`` (with whether it is surely one) that opens ``text`` is."""
    if found is None:
        return None
    label, sure = found
    return _role(label, asks, answers, sure=sure or _asker(label, text))


def _asker(label: str, text: str) -> bool:
    """Whether a name in Chinese, Japanese or Korean that the interview does not know
    (see :func:`..readers.base.label_of`: "他说：" may open an answer's sentence) surely names
    a speaker, who asks: it names a reporter ("法新社记者：", "記者：", "기자:"), or its
    paragraph is a question ("彭博社：...有无时间表？"). At a press conference, whose askers
    are many and its transcript names by their outlets, the host's answer does not run on
    over the next question."""
    if label.endswith(_REPORTER_WORDS):  # ("NHK 山田記者": an outlet, the reporter's name)
        return True
    return _CJK_NAME().fullmatch(label) is not None and is_question(text)


#: The words for a reporter that end a name in Chinese, Japanese or Korean ("总台央视记者").
_REPORTER_WORDS = ("记者", "記者", "기자")
#: A name in Chinese, Japanese or Korean (see :func:`..readers.base.label_of`).
_CJK_NAME = later(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af·・]+")


def _asked(text: str) -> bool:
    """Whether a paragraph opening with a marker is a question whole (a journalist's at a
    press conference whose host is named: "Question: Please comment on the deal."), not a
    question an answer asks and answers ("Question: can we afford it? Yes, ...")."""
    text = text.rstrip(" \"'”»)")
    return not ("?" in text or "？" in text) or text.endswith(("?", "？"))


def _names_matter(
    blocks: Sequence[Block], labels: Sequence[str | None], roles: Sequence[str | None]
) -> bool:
    """Whether the names change the turns: one is who asks or who answers, or one is
    neither's within the turns a reader marked.  (A marker, "Question:", is no name: with
    names, it opens a question; without, the markers' turns are found from them alone.)"""
    if any(
        role in ("question", "answer") and label is not None and marker_role(label) is None
        for label, role in zip(labels, roles, strict=True)
    ):
        return True
    return "unknown" in roles and any(b.turn is not None for b in blocks)


def _role(label: str, asks: frozenset[str], answers: frozenset[str], *, sure: bool) -> str | None:
    """Whose the name is: "question" (who asks), "answer", "unknown" (when ``sure`` it is a
    speaker's name), or None (no name)."""
    key = _key(label)
    marker = marker_role(key)
    if marker is not None:  # "Question:", "Вопрос:", "Ответ:" (where a reader did not
        return marker  # mark the turns: some are marked by their speakers' names)
    if key not in asks | answers:  # "MS BRUCE:", "SECRETARY RUBIO:": a title, a family name
        key = _HONORIFIC().sub("", key)
    if key in asks and key not in answers:
        return "question"
    if key in answers and key not in asks:
        return "answer"
    return "unknown" if sure else None


#: A title before a family name, as transcripts of briefings name their speakers ("MS BRUCE:",
#: "MR. PRICE:", "SECRETARY RUBIO:", "PRESIDENT ALIYEV:"): the family name says who.
_HONORIFIC = later(
    r"^(?:mr|ms|mrs|miss|dr|prof|madam|mister|secretary|ambassador|president|minister"
    r"|senator|governor|mayor|general|admiral|spokesperson|spokesman|spokeswoman|chairman"
    r"|chairwoman|chair|deputy|m|mme|г-н|г-жа|господин|госпожа)\.?\s+(?=\S+$)"
)


def _bare_marker(text: str, marker_in: Marker) -> tuple[str, bool] | None:
    """A marker of a role with no colon (the White House's "Q Thank you..."), as a label."""
    m = marker_in(text)
    return None if m is None else (m["who"], True)


def _paragraph_role(role: str) -> ParagraphRole:
    return "question" if role == "question" else "answer"


def named_though_unnamed(
    entities: Iterable[Entity], unnamed: Sequence[str]
) -> Callable[[str, str], str]:
    """What a name that is neither who asks nor who answers is told in an interview whose
    metadata says the source names no one in ``unnamed``'s roles (``interviewee: unnamed``)
    when the name is one entity's of the archive ("Ilham Aliyev (via interpreter):"): the
    text and the metadata disagree, and which is right only the archivist knows; the
    remedy, when the text names who answers, is naming them.  With no such role, what
    any such name is told."""
    if not unnamed:
        return _unknown
    entities = tuple(entities)

    def told(label: str, written: str) -> str:
        keys = label_names(label)
        found = [e for e in entities if keys & names_of(e)]
        if len(found) != 1:
            return _unknown(label, written)
        said = " and ".join(f"'{role}: {UNNAMED}'" for role in unnamed)
        remedy = " or ".join(f"'{role}: {found[0].id}'" for role in unnamed)
        return (
            f"'{written}' names {found[0].name} ('{found[0].id}'), and the metadata says {said} "
            "(the source names no one): what follows it, to the next turn, is attributed to "
            f"no one. If the source names who speaks here, say so ({remedy}); if not, a quote "
            "from it may name who says it with 'speaker:'"
        )

    return told


def interview_names(
    entities: Iterable[Entity],
    interviewer: str | None,
    interviewee: str | None,
    asking: Iterable[str | None] = (),
) -> tuple[frozenset[str], frozenset[str]]:
    """The names that say who asks (the interviewer's, and ``asking``: the outlet, whose
    journalist asks, and the byline's author) and who answers (the interviewee's); a family
    name alone says neither when another entity bears it too, as a name or an alias ("Doe"
    of Bob Minor) or as a person's family name ("Aliyev" of Heydar Aliyev): "Doe:" may be
    that other speaker, so its words are attributed to no one (a warning says so)."""
    entities = tuple(entities)
    by_id = {e.id: e for e in entities if e.id in (interviewer, interviewee)}
    shared = frozenset(name for e in entities if e.id not in by_id for name in names_of(e))
    asks = _own(by_id.get(interviewer or ""), shared, *(n for n in asking if n))
    return asks, _own(by_id.get(interviewee or ""), shared)


def _own(entity: Entity | None, shared: frozenset[str], *more: str) -> frozenset[str]:
    """The names of ``entity`` (see :func:`names_of`) but a family name alone that another
    entity bears too (``shared``: the others' names, see :func:`interview_names`)."""
    given = names_of(None, *more, *(entity.names if entity is not None else ()))
    return given | (names_of(entity) - given - shared)


#: What a text's last paragraphs say of the interview, not in it: "This interview has been
#: edited for length and clarity", who asked ("Interview by Jane Roe"), the author's
#: biography ("Joshua Kucera is a Eurasianet contributing editor"), who transcribed it
#: ("Transcribed by https://otter.ai").
_EDITORS_NOTE = later(
    r"\b(?:edited|condensed|translated|abridged)\b[^.]{0,40}\bfor\b[^.]{0,20}"
    r"\b(?:length|clarity|brevity|space|readability)\b"
    r"|^(?:this|the) (?:interview|conversation|transcript|q&a) (?:has|have) been "
    r"(?:edited|condensed|translated|abridged|shortened)\b"
    r"|^(?:this|the) (?:interview|conversation|transcript|q&a) (?:was|is) "
    r"(?:edited|condensed|translated|conducted|recorded)\b"
    # the transcribing service's mark, as Otter ends a transcript: "Transcribed by https://otter.ai"
    r"|^(?:transcribed|transcript(?:ion)?(?: generated| made)?) by\s+\S+\s*$",
    re.IGNORECASE,
)
#: Who asked, as the text ends, the line naming them alone: "Interview by Jane Roe",
#: "Propos recueillis par Claire Duval", "Беседовал Иван Петров".
_CREDIT = later(
    r"^(?:(?i:interview(?:ed)? by|conducted by|propos recueillis par|entretien réalisé par"
    r"|das gespräch führten?|interview:|беседовал[аи]?|интервью (?:взял[аи]?|записал[аи]?)))"
    r"\s+[A-ZÀ-ÞА-ЯЁ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÞА-ЯЁ][\w'’.-]*|and|et|und|и)){0,5}\.?$"
)
#: A person's name (capitalised words) and what they are, after the interview: "Joshua
#: Kucera is a Eurasianet contributing editor", "... is Eurasianet's editor".
_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}"
_PROPER = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
_ABOUT_SOMEONE = later(
    rf"^{_NAME} is (?:a|an|the|{_PROPER}['’]s?) (?:[\w-]+ ){{0,4}}(?:editor|reporter|correspondent"
    r"|journalist|writer|contributor|fellow|columnist|producer|host)s?\b"
)
#: A page's number as a document printed or saved as PDF ends it, copied with its text:
#: "Page 1 of 1", "Page 2", "- 3 -", "Стр. 1 из 2", "Seite 1 von 2", "Səhifə 1".
_PAGE_MARK = later(
    r"(?i:page|p\.|pg\.|стр\.?|страница|seite|página|pagina|səhifə|sayfa)\s*\d{1,4}"
    r"(?:\s*(?i:of|из|von|de|di|/)\s*\d{1,4})?\.?|[-–—]\s*\d{1,4}\s*[-–—]"
)
_NOTE_WORDS = 45
#: A paragraph of a Markdown capture set in italics whole, saying what a note says:
#: "*Interview by Jane Roe*", "*Notes typed up by Jane Roe on 6 May 2025.*" (not a verse
#: the interviewee quotes).
_ITALICS = later(
    r"(?:\*(?=[^*\s])|_(?=[^_\s]))(?=[^*_]*(?<![^\W_])(?i:by|interview(?:ed)?|edited|translated"
    r"|condensed|notes?|conducted|recorded|transcribed|entrevista|intervista|interview[ée]|"
    r"propos|traduit|traducido|tradotto|беседовал[аи]?|интервью|перевод|записал[аи]?)"
    r"(?![^\W_]))[^*_]*[*_]"
)
#: A label opening the outlet's note after an interview: "Note: the ministry later
#: clarified...", "Editor's note:", "Photo: Ministry of Economy", "Correction:", and the
#: editor a Chinese page names in brackets, "（责任编辑：李四）".
_NOTE_LABEL = later(
    r"[（(【\[]?\s*(?:责任编辑|责编|编辑|editor[’']?s?[’']?\s+note|note|n\.\s?b\.|update|correction|clarification|photos?"
    r"|photograph|credits?|фото|примечание(?:\s+редакции)?|прим\.\s*ред\.|foto|anmerkung"
    r"|note\s+de\s+la\s+rédaction)\s*[:：]",
    re.IGNORECASE,
)


def trailing_notes(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with the notes ending an interview's text (see :data:`_EDITORS_NOTE`: short
    paragraphs after its last turn's first one; a page's number, "Page 1 of 1", ending a
    transcript saved as PDF) taken out of that turn: the outlet's words, not the last
    answer's."""
    out = list(blocks)
    turns = [n for n, b in enumerate(out) if b.turn is not None]
    if not turns:
        return out
    last_turn = out[turns[-1]].turn
    first_of_last = next(n for n in turns if out[n].turn == last_turn)
    for n in range(len(out) - 1, first_of_last, -1):
        b = out[n]
        text = b.text.strip("*_ ")  # a Markdown capture's note in italics: the outlet's
        note = (
            _ITALICS().fullmatch(b.text)
            or _EDITORS_NOTE().search(text)
            or _CREDIT().match(text)
            or _ABOUT_SOMEONE().search(text)
            or _NOTE_LABEL().match(text)
            or _PAGE_MARK().fullmatch(text)
        )
        if len(text.split()) > _NOTE_WORDS or note is None:
            break
        out[n] = Block(b.text, b.line, "body")
    return out
