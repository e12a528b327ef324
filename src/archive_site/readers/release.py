"""Press releases: the wire's and the company's words around a release's text.

A release a wire (PR Newswire, Business Wire, GlobeNewswire) carries is framed by lines
that are no part of what it says: "News provided by" and the company's name over it, and
after it the company's profile of itself ("About Caspian Logistics Group" and a paragraph),
its contacts ("Media contact:", "Contacts"), its legal warning ("Forward-Looking
Statements") and the wire's "SOURCE Caspian Logistics Group".  The readers of saved pages
and of wire copy keep them out of the text, as furniture (the capture keeps them), only in
a text that is a release: one whose dateline names a wire of releases, or that opens with
"News provided by" or ends with "SOURCE <name>", or a page of such a wire; a story that
merely holds those words keeps them.
"""

from __future__ import annotations

from ..model import Furniture
from ..patterns import later
from .agencies import agency_of
from .base import Block, Field
from .dateline import match_dateline

#: The wires of press releases (see :data:`.agencies._AGENCY_GROUPS`).
_WIRES = frozenset(agency_of(name) for name in ("PR Newswire", "Business Wire", "GlobeNewswire"))

#: PR Newswire's line over a release: "News provided by", the company's name after it or
#: on the next line.
_PROVIDED = later(r"(?i:news\s+provided\s+by)\s*:?(?:\s+(?P<name>\S.{0,80}))?")
#: PR Newswire's line ending a release: "SOURCE Caspian Logistics Group" (in capitals: a
#: sentence's "Source" is no such line).
_SOURCE = later(r"SOURCE:?\s+[^\W_][^.!?]{0,80}")
#: The heading of a company's profile of itself after a release's text: "About Caspian
#: Logistics Group", "About SRP:" (a name's capital after "About": "About the terminal",
#: "About 200 people attended." are the text's).
_ABOUT = later(
    r"(?i:about)\s+(?!(?i:the|this|these|our|us|a|an|it|its)\b)[A-Z0-9][^.!?]{0,80}?\s*:?"
)
#: The heading of what else follows a release's text: its contacts, its legal warnings,
#: notes to editors, an end mark ("###", "-ends-").
_HEADING = later(
    r"(?i:(?:(?:media|press|investor|company|news)\s+)?(?:contacts?|enquiries|inquiries)"
    r"|(?:media|press|investor|public)\s+relations"
    r"|forward[- ]looking\s+statements?|cautionary\s+(?:note|statement)s?"
    r"(?:\s+regarding\s+forward[- ]looking\s+statements?)?|safe\s+harbou?r(?:\s+statement)?"
    r"|notes?\s+to\s+editors?|for\s+(?:more|further|additional)\s+information"
    r"(?:,?\s+(?:please\s+)?(?:contact|visit))?|#{3}|-?\s*ends\s*-?)\s*:?"
)
#: A contact's label and the contact on one line: "Media contact: Jane Roe, +994 ...".
_CONTACT = later(r"(?i:(?:(?:media|press|investor)\s+)?contacts?)\s*:\s*\S.{0,160}")
#: The most words of a heading or a company's name on a line of its own.
_HEADING_WORDS = 10


def is_release(body: list[Block], fields: dict[str, Field]) -> bool:
    """Whether ``body`` is a press release's text: it opens with "News provided by", or
    with a dateline naming a wire of releases (the first or second paragraph), or ends with
    "SOURCE <name>", or the page's outlet is such a wire."""
    if not body:
        return False
    outlet = fields.get("outlet")
    if outlet is not None and agency_of(outlet.value) in _WIRES:
        return True
    if _PROVIDED().fullmatch(body[0].text.strip()) or _SOURCE().fullmatch(body[-1].text.strip()):
        return True
    for block in body[:3]:
        found = match_dateline(block.text)
        if found is not None and found[0].agency is not None:
            return agency_of(found[0].agency) in _WIRES
    return False


def take_release_furniture(body: list[Block], fields: dict[str, Field]) -> list[Furniture]:
    """The lines around a press release's text (see the module's docstring), taken out of
    ``body`` (which keeps at least one paragraph): "News provided by" and the company's
    name on the next line over it ("credits"), and the paragraphs from the first heading
    of what follows a release after its first paragraph ("boilerplate").  Nothing, when
    ``body`` is no release (see :func:`is_release`)."""
    if len(body) < 2 or not is_release(body, fields):
        return []
    taken: list[Furniture] = []
    provided = _PROVIDED().fullmatch(body[0].text.strip())
    if provided is not None:
        taken.append(Furniture("credits", body[0].text, body[0].line))
        del body[0]
        if provided["name"] is None and len(body) > 1 and _a_name(body[0].text):
            taken.append(Furniture("credits", body[0].text, body[0].line))
            del body[0]
    end = next((n for n in range(1, len(body)) if _ends_the_text(body[n].text)), None)
    if end is not None and _ABOUT().fullmatch(" ".join(body[end].text.split())):
        end = end if _a_profile(body, end) else None
    if end is not None:
        taken += [Furniture("boilerplate", b.text, b.line) for b in body[end:]]
        del body[end:]
    return taken


def _a_profile(body: list[Block], at: int) -> bool:
    """Whether the paragraphs from an "About ..." heading at ``at`` are the company's profile
    of itself, not a section of the release's text ("About Alat Port" over more of it):
    another of what follows a release after it (contacts, "SOURCE ..."), or fewer words
    after it than before it."""
    after = body[at + 1 :]
    if any(_ends_the_text(b.text) for b in after):
        return True
    words = [len(b.text.split()) for b in body]
    return sum(words[at:]) < sum(words[:at])


def _a_name(text: str) -> bool:
    """Whether a line is a name alone (a company's, under "News provided by"): a few words,
    no sentence's end, no dateline."""
    text = text.strip()
    return (
        0 < len(text.split()) <= _HEADING_WORDS
        and text[-1] not in ".!?:"
        and match_dateline(text) is None
    )


def _ends_the_text(text: str) -> bool:
    """Whether a paragraph opens what follows a release's text: a heading of its own
    ("About Caspian Logistics Group", "Media Contacts", "Forward-Looking Statements",
    "###"), the wire's "SOURCE <name>", a contact's label and the contact."""
    text = " ".join(text.split())
    if _CONTACT().fullmatch(text) or _SOURCE().fullmatch(text):
        return True
    if len(text.split()) > _HEADING_WORDS:
        return False
    return bool(_HEADING().fullmatch(text) or _ABOUT().fullmatch(text))
