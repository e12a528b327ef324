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

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from ..model import Article, Citation, Milestone, Paragraph, Voice

# Words by which a text hands its sentence to someone else.
ATTRIBUTION = re.compile(
    r"\baccording to\b"
    r"|\b(?:states|notes)\s+that\b"
    r"|\b(?:said|says|stated|noted|emphasi[sz]ed|recalled|added|told|"
    r"believes|stressed|underlined|pointed out|announced|announces|declared|declares|claimed"
    r"|insisted|argued|explained|warned|confirmed|asserted|affirmed|reiterated|remarked"
    r"|commented|underscored|highlighted)\b"
    r"|\bexpressed (?:these|those|his|her|their) views\b"
    r"|\bin (?:an|the|his|her) interview\b",
    re.IGNORECASE,
)


#: A paragraph that opens with a quotation of four words or more is someone's words (a name
#: in quotation marks is shorter: «Газпром» увеличил..., „Die Zeit“ schrieb...).
#: (A closing mark ends it; ’ only before no letter: "It’s" and "C’est" hold one.)
QUOTATION = re.compile(
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
    article: Article, paragraph: Paragraph, speaker: str | None, entity_ids: Collection[str]
) -> Attribution:
    """The speaker and voice of a quote from ``paragraph``, given the curated ``speaker``."""
    if speaker is not None and speaker not in entity_ids:
        return Attribution(None, "own", error=f"unknown entity '{speaker}' (see entities.yaml)")
    if paragraph.role in ("question", "answer"):
        return _from_turn(paragraph, speaker)
    if speaker is None or speaker == article.publisher_entity:
        cue = _cue(article, paragraph)
        if speaker is None and cue is not None:
            return Attribution(
                None,
                "unattributed",
                warning=(
                    f"paragraph {paragraph.id} {cue}: name who makes this statement with "
                    "'speaker:' (an entity id; the outlet's own entity if it is the "
                    "outlet's voice)"
                ),
            )
        return Attribution(speaker, "own")
    return Attribution(speaker, "reported")


def _cue(article: Article, paragraph: Paragraph) -> str | None:
    """How the paragraph says its words are someone else's than the outlet's, if it does:
    words of attribution, or, in an interview, being in no turn after the lead (a speaker
    the turns do not know: see :mod:`.speakers`)."""
    said = ATTRIBUTION.search(paragraph.text)
    if said is not None:
        return f"attributes words to someone ({said.group(0)!r})"
    before = article.paragraph(f"p{paragraph.number - 1}") if paragraph.number > 1 else None
    if before is not None and before.text.rstrip().endswith(":"):
        said = ATTRIBUTION.search(before.text)
        if said is not None:  # "..., the minister told reporters:" then the words
            return f"follows one that hands it to someone ({said.group(0)!r} and a colon)"
    quoted = QUOTATION.match(paragraph.text)
    words = (quoted["single"] or quoted["double"] or "").split() if quoted is not None else []
    if len(words) >= QUOTED_WORDS:
        return "is a quotation (it opens with a quotation mark)"
    if article.kind == "interview" and paragraph.role == "body":
        return "is in no turn of the interview (its speaker is not marked)"
    return None


def _from_turn(paragraph: Paragraph, speaker: str | None) -> Attribution:
    role: Voice = "question" if paragraph.role == "question" else "answer"
    turn_speaker = paragraph.speaker
    if speaker is not None and turn_speaker is not None and speaker != turn_speaker:
        return Attribution(
            turn_speaker,
            role,
            error=(
                f"'{speaker}' does not agree with the interview: paragraph {paragraph.id} "
                f"is the {role} of turn {paragraph.turn}, by '{turn_speaker}'"
            ),
        )
    return Attribution(turn_speaker or speaker, role)


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
