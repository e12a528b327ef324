"""schema.org JSON-LD for article and milestone pages, and the script tag that carries it."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from markupsafe import Markup

from .. import urls
from ..dates import PartialDate
from ..model import Archive, Article, Milestone


def script(data: Mapping[str, Any]) -> Markup:
    """``data`` in a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
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
    if art.kind == "interview" and art.interviewee and art.interviewer:
        ld["author"] = {"@type": "Organization", "name": a.entity(art.interviewer).name}
        ld["about"] = {"@type": "Person", "name": a.entity(art.interviewee).name}
    elif art.author:
        ld["author"] = {"@type": "Person", "name": art.author}
    if art.summary:
        ld["description"] = art.summary
    if art.url:
        ld["sameAs"] = art.url
    return ld


def milestone_ld(a: Archive, m: Milestone, plain: Callable[[str], str]) -> dict[str, Any]:
    """A milestone as a schema.org ``Event``; ``plain`` turns its Markdown summary into words."""
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
            for aid in dict.fromkeys(s.article for s in m.sources)
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
    return ld


def _certain(d: PartialDate) -> bool:
    return not (d.approximate or d.uncertain)
