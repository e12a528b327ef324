"""schema.org JSON-LD for article and milestone pages, and the script tag that carries it."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from .. import urls
from ..dates import PartialDate
from ..files import balanced_directions
from ..model import Archive, Article, Milestone, Source, Withdrawal
from .export import no_person, person_names


def _balanced(value: Any) -> Any:
    """``value`` with each of its texts balanced (:func:`~.files.balanced_directions`): a
    reader of the data shows them among other words, as the pages do."""
    if isinstance(value, str):
        return balanced_directions(value)
    if isinstance(value, Mapping):
        return {k: _balanced(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_balanced(v) for v in value]
    return value


def script(data: Mapping[str, Any]) -> Markup:
    """``data`` in a ``<script type="application/ld+json">``, safe inside HTML, its texts
    balanced in their writing directions."""
    text = json.dumps(_balanced(data), ensure_ascii=False, indent=None, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')  # noqa: S704


def article_ld(a: Archive, art: Article) -> dict[str, Any]:
    """An article as a schema.org ``NewsArticle`` (``OpinionNewsArticle`` for opinion)."""
    base = a.config.base_url
    page_url = urls.absolute(base, urls.article(art.id))
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "OpinionNewsArticle" if art.kind == "opinion" else "NewsArticle",
        "headline": art.title,
        "datePublished": art.published.iso,
        "inLanguage": art.language,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "publisher": {"@type": "Organization", "name": art.outlet},
        "isBasedOn": urls.absolute(base, urls.capture(art.file_name)),
        "isPartOf": {"@type": "WebSite", "name": a.config.title, "url": base},
    }
    if art.kind == "interview" and (art.interviewer or art.interviewee):
        # (none: "interviewer: unnamed" or "interviewee: unnamed", no one the source names)
        if art.interviewer:
            asks = a.entity(art.interviewer)
            ld["author"] = {"@type": _ld_type(asks.type), "name": asks.name}
        if art.interviewee:
            answers = a.entity(art.interviewee)
            ld["about"] = {"@type": _ld_type(answers.type), "name": answers.name}
    elif art.author:
        people = [_ld_person(n, art.author) for n in person_names(art.author)]
        ld["author"] = people[0] if len(people) == 1 else people
    if art.summary:
        ld["description"] = art.summary
    if art.url:
        ld["sameAs"] = art.url
    return ld


def byline(author: str) -> str:
    """A byline as the page's citation writes it: the names its citations read ("AIDA
    SULTANOVA" Aida Sultanova; "Rayhan Demytrie, Guo Jiakun" joined by "and")."""
    names = [_ld_person(p, author)["name"] for p in person_names(author)]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _ld_type(entity_type: str) -> str:
    """The schema.org type of an entity of the archive that speaks or writes."""
    return "Person" if entity_type == "person" else "Organization"


def _ld_person(name: dict[str, str], byline: str) -> dict[str, str]:
    """A name of a byline as citations read it (:func:`.export.person_names`: "AIDA
    SULTANOVA" is Aida Sultanova, "A and B" two people), a Person, or an Organization where
    it names a desk or a body ("Al Jazeera Staff", "Caspian Shipping Company")."""
    if "literal" in name:
        kind = "Organization" if no_person(name["literal"]) else "Person"
        return {"@type": kind, "name": name["literal"]}
    written = f"{name['family']} {name['given']}"
    shown = (
        written if written.casefold() in byline.casefold() else f"{name['given']} {name['family']}"
    )
    return {"@type": "Person", "name": shown}


def milestone_ld(
    a: Archive, m: Milestone, plain: Callable[[str], str], sources: Sequence[Source] = ()
) -> dict[str, Any]:
    """A milestone as a schema.org ``Event``, the subject of the articles of ``sources`` (a
    page of its sources; all of them by default); ``plain`` turns its Markdown summary into
    words."""
    base = a.config.base_url
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": m.title,
        "description": plain(m.summary),
        "url": urls.absolute(base, urls.milestone(m.id)),
        "subjectOf": [
            {
                "@type": "NewsArticle",
                "headline": a.article(aid).title,
                "url": urls.absolute(base, urls.article(aid)),
            }
            for aid in dict.fromkeys(s.article for s in sources or m.sources)
        ],
    }
    d = m.date
    # schema.org's dates say no "about" nor "perhaps": an approximate or uncertain one is
    # left out rather than given as certain
    if d.kind in ("single", "interval") and d.start is not None and _certain(d.start):
        ld["startDate"] = d.start.iso
    if d.kind == "interval" and d.end is not None and _certain(d.end):
        ld["endDate"] = d.end.iso
    if m.status == "planned":
        ld["eventStatus"] = "https://schema.org/EventScheduled"
    places = [a.entity(e).name for e in m.entities if a.entity(e).type == "place"]
    if places:
        ld["location"] = [{"@type": "Place", "name": name} for name in places]
    return ld if m.withdrawn is None else withdrawn_ld(ld, m.withdrawn)


def withdrawn_ld(event: dict[str, Any], withdrawn: Withdrawal) -> dict[str, Any]:
    """The page of a withdrawn milestone: a ``WebPage`` whose ``creativeWorkStatus`` says
    so, with the withdrawal as its ``correction`` (a ``CorrectionComment``, dated), and the
    ``Event`` it gave, as it was, as its ``mainEntity``: no event is told as one without
    saying it is withdrawn."""
    context, url = event["@context"], event["url"]
    return {
        "@context": context,
        "@type": "WebPage",
        "url": url,
        "name": f"Withdrawn: {event['name']}",
        "creativeWorkStatus": "Withdrawn",
        "correction": {
            "@type": "CorrectionComment",
            "text": withdrawn.reason,
            "datePublished": withdrawn.date.isoformat(),
        },
        "mainEntity": {k: v for k, v in event.items() if k != "@context"},
    }


def _certain(d: PartialDate) -> bool:
    return not (d.approximate or d.uncertain)
