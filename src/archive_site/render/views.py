"""Views: what each template is handed, built from the archive's records.

Pure functions from records to small records and lists; no HTML is built here
except an article's annotated paragraphs (through :func:`markup.annotate`).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any, Literal, NamedTuple

from markupsafe import Markup

from .. import urls
from ..config import primary_language, text_direction
from ..counts import number, plural
from ..files import closed_directions
from ..load.attribution import (
    from_list,
    name_keys,
    record_name,
    run_in_turns,
    transcript_words,
    unnamed_turn,
)
from ..load.evidence import is_copy, origin
from ..load.speakers import label_names, names_of
from ..model import (
    Archive,
    Article,
    Dependency,
    Entity,
    Milestone,
    Paragraph,
    Related,
    Source,
    Topic,
)
from ..patterns import later
from ..text import quoted_throughout, word_count
from . import paging
from .markup import Span, annotate

ROLE_LABELS = {
    "original": "original",
    "via": "via",
    "publisher": "published by",
    "aggregator": "captured from",
}
TYPE_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "group": "Groups of countries or people",
    "place": "Places",
    "agreement": "Agreements",
    "project": "Projects",
    "event": "Events",
    "concept": "Ideas, policies and routes",
}
TYPE_SINGULAR = {
    "person": "Person",
    "organisation": "Organisation",
    "group": "Group",
    "place": "Place",
    "agreement": "Agreement",
    "project": "Project",
    "event": "Event",
    "concept": "Idea, policy or route",
}


#: Who asks a question, or answers, where the source names no one (``interviewer:
#: unnamed``, ``interviewee: unnamed``), as pages say it: never a person or an outlet.
UNNAMED_ASKER = "Asker not named"
UNNAMED_INTERVIEWEE = "Interviewee not named"


class Speaker(NamedTuple):
    """Who makes a quoted statement, as pages name it: "Ilham Aliyev" and "answer"."""

    entity: Entity | None  # None: an outlet that is no entity
    name: str
    words: str  # "answer", "question", "quoted by EDnews", "in its own words", "in a story from AP"

    @property
    def text(self) -> str:
        return f"{self.name}, {self.words}"


def speaker(a: Archive, s: Source) -> Speaker:
    """Who makes the statement ``s`` quotes, as pages name it; words an interpreter
    renders (:attr:`..model.Source.interpreted`) say so: "Ilham Aliyev, answer, through an
    interpreter"; and words the article has from another (:attr:`..model.Source.via`),
    through whom: "Ilham Aliyev, via Le Monde, quoted by Xinhua News Agency"."""
    said = _speaker(a, s)
    if s.via is not None:
        said = said._replace(words=f"via {a.entity(s.via).name}, {said.words}")
    return said._replace(words=f"{said.words}, {INTERPRETED}") if s.interpreted else said


#: What pages add to the speaker of words an interpreter renders.
INTERPRETED = "through an interpreter"


def _speaker(a: Archive, s: Source) -> Speaker:
    art = a.article(s.article)
    who = art.speaker_id(s.speaker, s.voice)
    if who is None and s.voice in ("question", "answer"):  # ("interviewer: unnamed")
        return Speaker(
            None, UNNAMED_ASKER if s.voice == "question" else UNNAMED_INTERVIEWEE, s.voice
        )
    if who is None:
        return Speaker(None, "Speaker not named", f"in {art.outlet}")
    ent = a.entity(who) if who in a.entity_ids else None
    words = {
        "question": "question",
        "answer": "answer",
        "reported": f"{_quoted_or_reported(art, s, a)} by {_reporter(a, art, s)}",
        "own": _own_words(art),
    }[s.voice]
    return Speaker(ent, ent.name if ent else who, words)


def _own_words(art: Article) -> str:
    """How the outlet's words are said: "in its own words"; in a copy of another's story
    (its chain names an original), "in a story from Associated Press": the copying outlet
    did not write them, and the original may not have written them all (an intro added)."""
    first = _original_of(art)
    return "in its own words" if first is None else f"in a story from {first}"


def _original_of(art: Article) -> str | None:
    """The original outlet a copy of another's story names (its chain's), else None: an
    outlet's own story, or one whose original is itself by another name."""
    first = next((c for c in art.chain if c.role == "original"), None)
    if first is None or first.name == art.outlet:
        return None
    if first.entity is not None and first.entity == art.publisher_entity:
        return None
    return first.name


def _quoted_or_reported(art: Article, s: Source, a: Archive | None = None) -> str:
    """ "quoted" when the source's words are within quotation marks (all of them, but for
    words handing the quotation on: see :func:`~archive_site.text.quoted_throughout`), or
    in a transcript's turn ("PRESIDENT ALIYEV: I think..."), the speaker's own, set down as
    said; "as reported" when they are not (indirect speech: "the minister said the train is
    expected in April", the outlet's words for what was said; words running on from a
    quotation into the outlet's own, 'the talks were “productive” and would continue')."""
    para = art.paragraph(s.paragraph)
    if para is None:
        return "as reported"
    turn = transcript_words(art, para)
    if turn is None and a is not None and (own := _own_unnamed_turn(a, art, para, s)) is not None:
        turn = own
    direct = (
        quoted_throughout(para.text, s.start, s.end)
        or (turn is not None and s.start >= turn)
        or (a is not None and _record_of(a, art, para, s.speaker))
    )
    return "quoted" if direct else "as reported"


def _record_of(a: Archive, art: Article, para: Paragraph, who: str | None) -> bool:
    """Whether ``para`` is in a record of ``who``'s words, set down as given, as the source
    names them plainly (a speech's title, a written answer's heading: see
    :func:`~archive_site.load.attribution.record_name`; a speech's page's "From:" line:
    :func:`~archive_site.load.attribution.from_list`)."""
    name = record_name(art, para)
    if name is not None or who is None or who not in a.entity_ids:
        known = names_of(a.entity(who)) if who is not None and who in a.entity_ids else None
        return name is not None and known is not None and any(k & known for k in name_keys(name))
    return bool(from_list(art, {who: names_of(a.entity(who))}))  # (GOV.UK's "From:")


def _own_unnamed_turn(a: Archive, art: Article, para: Paragraph, s: Source) -> int | None:
    """Where the words begin in ``para`` of the turn no one is named for that ``s`` is in
    (see :func:`~archive_site.load.attribution.unnamed_turn`), when its name is the
    source's speaker's ("Mao Ning:" of Mao Ning: her words, set down as said); else None."""
    turn = unnamed_turn(art, para, s.start)
    if turn is None or not _names(a, turn[0], s.speaker):
        return None
    return turn[1]


def _names(a: Archive, label: str, who: str | None) -> bool:
    """Whether a turn's name ``label`` says the entity ``who`` (its name, an alias, a person's
    family name, a title before it aside: "MS MAO:")."""
    entity = a.entity(who) if who is not None and who in a.entity_ids else None
    return entity is not None and bool(label_names(label) & names_of(entity))


def _reporter(a: Archive, art: Article, s: Source) -> str:
    """Who reports a quote's words: the outlet, or the speaker of the interview's turn that
    quotes them ("Taleh Ziyadov in The Caspian Times"); in a copy of another's story, the
    outlet in a story from the original ("ABC News, in a story from Associated Press"): the
    copying outlet reported nothing itself."""
    para = art.paragraph(s.paragraph)
    turn = para.speaker if para is not None else None
    if turn is None and para is not None and para.turn is not None:  # ("... unnamed")
        who = "an asker" if para.role == "question" else "an interviewee"
        return f"{who} not named in {art.outlet}"
    if turn is None and para is not None:
        # a turn no one is named for, another's than the speaker's ("Reuters: The Azerbaijani
        # side said ...?"): whoever its name says reports the words, not the outlet
        unnamed = unnamed_turn(art, para, s.start)
        if unnamed is not None and not _names(a, unnamed[0], s.speaker):
            return f"{unnamed[0]} in {art.outlet}"
    if turn is None:
        first = _original_of(art)
        return art.outlet if first is None else f"{art.outlet}, in a story from {first}"
    return f"{a.entity(turn).name if turn in a.entity_ids else turn} in {art.outlet}"


def dependency_text(a: Archive, d: Dependency) -> str:
    """One dependency between two articles, in words: "X responds to Y"."""
    one, other = a.article(d.article), a.article(d.on)
    if d.reason == "updates":  # one story, its two captures most often under one title
        return f"{one.id} is a later capture of the story in {other.id}"
    x, y = one.short_title, other.short_title
    if x == y:  # a copy's title is its original's: the outlets tell them apart
        x, y = f"{x} ({one.outlet})", f"{y} ({other.outlet})"
    if d.reason == "responds-to":
        return f"{x} responds to {y}"
    if d.reason == "translation":
        return f"{x} is a translation of {y}"
    if d.reason == "same-origin":
        if d.via is None:
            return f"{x} and {y} carry the same words"
        return f"{x} and {y} come from one origin ({d.via})"
    if d.reason == "shares-passage":  # (a press release's middle, its ends rewritten)
        return f"{x} and {y} share a passage of several paragraphs"
    if d.reason == "shares-text":  # the shorter's text is mostly in the other's
        short, long_ = (x, y) if _words(one) <= _words(other) else (y, x)
        return f"{short} shares most of its text with {long_}"
    who = a.entity(d.via).name if d.via is not None and d.via in a.entity_ids else d.via
    if d.reason == "one-interview":  # (two transcripts of one press conference)
        asker = one.interviewer
        if asker is None:  # ("interviewer: unnamed": a press conference's askers)
            return f"{x} and {y} record questions to {who} by askers not named on one day"
        by = a.entity(asker).name if asker in a.entity_ids else asker
        return f"{x} and {y} record questions to {who} by one interviewer ({by}) on one day"
    if d.reason == "same-speaker":
        return f"{x} and {y} give the words of one speaker ({who})"
    if d.reason == "same-owner":  # (outlets one owner runs, each in its own words)
        return f"{x} and {y} are in the own words of outlets of one owner ({who})"
    return f"{x} reports the words of {who}, who speaks in {y}"


def _words(art: Article) -> int:
    """How many words an article's text has (a Chinese character one: see
    :func:`~archive_site.text.word_count`)."""
    return sum(word_count(p.text) for p in art.paragraphs)


def evidence_summary(a: Archive, m: Milestone) -> str:
    """ "3 sources in 2 articles, 1 independent line of evidence", or "2 quotes from one
    article" (not sources: one piece), each saying when every quote is one speaker's."""
    n_articles = len({s.article for s in m.sources})
    evidence = a.evidence[m.id]
    if n_articles == 1:
        text = f"{plural(len(m.sources), 'quote')} from one article"
    else:
        lines = plural(evidence.independent, "independent line")
        sources = plural(len(m.sources), "source")
        text = f"{sources} in {number(n_articles)} articles, {lines} of evidence"
    if len(evidence.voices) == 1:
        who = evidence.voices[0]
        text += f", all the words of {a.entity(who).name if who in a.entity_ids else who}"
    return text


class Cite(NamedTuple):
    """A numbered citation of a paragraph by a milestone, on an article page."""

    number: int
    milestone: Milestone
    speaker: Speaker


class ParaView(NamedTuple):
    """A paragraph as an article page shows it: the milestones citing it listed under it, up
    to :data:`.paging.CITES_LISTED` (``more``: how many others do)."""

    paragraph: Paragraph
    html: Markup
    cites: tuple[Cite, ...]
    more: int = 0
    anchored: bool = False  # the list has an id, a marker of many quotes links to
    #: The turns run into the paragraph after its first (see :func:`run_in_turns`), as the
    #: page names them: "answer", the speaker (None: one the source does not name), and the
    #: marker or the name opening it as written ("Ilham Aliyev:").
    run_in: tuple[tuple[str, Entity | None, str], ...] = ()


class Block(NamedTuple):
    """Consecutive paragraphs of one interview turn, or one paragraph of prose."""

    role: str  # "lead", "body", "question", "answer"
    speaker: Entity | None
    paragraphs: tuple[ParaView, ...]
    interpreted: bool = False  # the turn's words are an interpreter's rendering


def article_blocks(a: Archive, article: Article) -> list[Block]:
    """An article's text: paragraphs with their quotes marked and first mentions linked,
    grouped by interview turn."""
    here = urls.article(article.id)
    linked: set[str] = set()
    number = 0
    views: list[ParaView] = []
    run_in = _run_in(a, article)
    for p in article.paragraphs:
        cites_here = sorted(
            a.links.citations_by_paragraph.get((article.id, p.id), ()),
            key=lambda c: (a.milestone(c.milestone).sources[c.index].start, c.milestone),
        )
        spans: list[Span] = []
        cites: list[Cite] = []
        for c in cites_here:
            m = a.milestone(c.milestone)
            src = m.sources[c.index]
            number += 1
            cites.append(Cite(number, m, speaker(a, src)))
            spans.append(
                Span(
                    src.start,
                    src.end,
                    "quote",
                    href=urls.relative(here, urls.milestone(m.id)),
                    label=f"[{number}]",
                    title=f"{m.title} ({m.date.display()})",
                )
            )
        spans, grouped = _grouped_marks(spans, f"#{p.id}-cites")
        bounds = {s.start for s in spans} | {s.end for s in spans}
        for mention in a.links.mentions_by_paragraph.get((article.id, p.id), ()):
            if mention.entity in linked:
                continue
            if any(mention.start < b < mention.end for b in bounds):
                continue
            linked.add(mention.entity)
            ent = a.entity(mention.entity)
            spans.append(
                Span(
                    mention.start,
                    mention.end,
                    "link",
                    href=urls.relative(here, urls.entity(ent.id)),
                )
            )
        shown = tuple(cites[: paging.CITES_LISTED])
        more = len(cites) - len(shown)
        view = ParaView(p, annotate(p.text, spans), shown, more, grouped or more > 0)
        views.append(view._replace(run_in=run_in.get(p.id, ())))
    return _by_turn(a, article, views)


def _run_in(a: Archive, art: Article) -> dict[str, tuple[tuple[str, Entity | None, str], ...]]:
    """The turns run into each paragraph after its first, by its id, as its quotes are
    attributed ("...? Ilham Aliyev: No, ..." in the interviewer's question is Ilham Aliyev's
    answer): the page says so under it, as the quotes' speakers do, where the paragraph's
    heading names its first turn's speaker only."""
    who = (art.interviewer, art.interviewee)
    names = {e: names_of(a.entity(e)) for e in who if e is not None and e in a.entity_ids}
    return {
        pid: tuple(
            (role, a.entity(e) if e is not None and e in a.entity_ids else None, label)
            for role, e, label in turns
        )
        for pid, turns in run_in_turns(art, names).items()
    }


def _grouped_marks(spans: list[Span], listed: str) -> tuple[list[Span], bool]:
    """The quotes' spans, those of more than :data:`.paging.MARKS_APART` quotes ending at one place
    marked by one of them (``[5]–[2005]``, linking to ``listed``, the paragraph's list of
    the milestones citing it), the others by none (each still marks its passage); and
    whether any were."""
    ends: dict[int, list[int]] = {}
    for n, span in enumerate(spans):
        ends.setdefault(span.end, []).append(n)
    out = list(spans)
    grouped = False
    for group in ends.values():
        if len(group) <= paging.MARKS_APART:
            continue
        grouped = True
        first, last = spans[group[0]], spans[group[-1]]
        for n in group:
            out[n] = spans[n]._replace(label="", href="", title="")
        out[group[-1]] = last._replace(
            label=f"{first.label}–{last.label}",
            href=listed,
            title=f"{len(group)} milestones quote this passage",
        )
    return out, grouped


def _by_turn(a: Archive, art: Article, views: list[ParaView]) -> list[Block]:
    blocks: list[Block] = []
    rendered = {t.number for t in art.turns if t.interpreted}
    for view in views:
        p = view.paragraph
        if blocks and p.turn is not None and blocks[-1].paragraphs[-1].paragraph.turn == p.turn:
            last = blocks[-1]
            blocks[-1] = last._replace(paragraphs=(*last.paragraphs, view))
            continue
        speaker = a.entity(p.speaker) if p.speaker else None
        blocks.append(Block(p.role, speaker, (view,), p.turn in rendered))
    return blocks


def article_view(a: Archive, art: Article, order: Mapping[str, int]) -> dict[str, Any]:
    """What an article's page shows besides the article; ``order`` is each milestone's
    place in the archive's order."""
    cited_ids = {c.milestone for c in a.links.citations_by_article.get(art.id, ())}
    interview = art.kind == "interview"
    cited = sorted(cited_ids, key=order.__getitem__)
    return {
        "blocks": article_blocks(a, art),
        "furniture": furniture_summary(art),
        "cited": [a.milestone(mid) for mid in cited[: paging.CITED_LISTED]],
        "cited_count": len(cited),
        "related": related_articles(a, art),
        "changes": (changes := capture_changes(a, art)),
        "marks": changed_marks(changes),
        "wording": changed_wording(changes),
        "changes_listed": paging.CHANGES_LISTED,
        "related_count": len(a.links.related_articles.get(art.id, ())),
        "interviewee": a.entity(art.interviewee) if interview and art.interviewee else None,
        "interviewer": a.entity(art.interviewer) if interview and art.interviewer else None,
        "text_attrs": lang_attribute(a, art),
    }


def text_language(language: str, site: str) -> str | None:
    """The ``lang`` an article's own text needs on a page of the site: its language, when
    that is another language than the site's (``en-US`` in a site in ``en`` is not)."""
    return None if primary_language(language) == primary_language(site) else language


def lang_attribute(a: Archive, art: Article) -> Markup:
    """`` lang="az"`` for an element holding the article's own words (its title, a quote)
    where they are in another language than the site's; else nothing.  With `` dir="rtl"``
    (or ``ltr``) too when that language is written the other way from the site's."""
    tag = text_language(art.language, a.config.language)
    if not tag:
        return Markup("")
    direction = text_direction(tag)
    if direction == a.config.direction:
        return Markup(' lang="{}"').format(tag)
    return Markup(' lang="{}" dir="{}"').format(tag, direction)


#: A changed paragraph's words against the earlier capture's, in order: runs of words both
#: have (``same``), that only the earlier has (``gone``) or only the later (``new``).
Wording = tuple[tuple[Literal["same", "gone", "new"], str], ...]

#: The most words a paragraph of either capture may have to be compared word by word (a
#: news paragraph has a few dozen); a longer one is only said to have changed.
WORDS_COMPARED = 1000


class CaptureChanges(NamedTuple):
    """How a later capture of a story (``updates``) differs from the earlier one: what a
    reader of a story the outlet changed after publishing wants to see first."""

    earlier: Article
    title: str | None  # the earlier capture's headline, when this one's differs
    changed: tuple[str, ...]  # this capture's paragraphs whose words differ from the earlier's
    added: tuple[str, ...]  # this capture's paragraphs the earlier has nothing in place of
    removed: tuple[str, ...]  # the earlier capture's paragraphs this one has nothing in place of
    #: whether both captures hold the story's headline: a title the archivist gave one (a
    #: capture of the text alone) says nothing of the outlet's, changed or not
    headlines: bool = True
    #: each changed paragraph that stands in the place of one earlier paragraph, by id, with
    #: its words against that one's (see :func:`word_changes`)
    wording: tuple[tuple[str, Wording], ...] = ()


def capture_changes(a: Archive, art: Article) -> CaptureChanges | None:
    """How ``art`` differs from the earlier capture it updates, paragraph by paragraph (their
    white space aside: a capture saved with other line ends changes nothing); None when it
    updates none.  The paragraphs both open and end with are set aside first; those between
    are matched as :mod:`difflib` matches lines, a paragraph found in more than one in a
    hundred of a long text's not starting a match (without that, 20,000 paragraphs alike
    took minutes)."""
    if art.updates is None or art.updates not in a.article_ids:
        return None
    earlier = a.article(art.updates)
    old = [" ".join(p.text.split()) for p in earlier.paragraphs]
    new = [" ".join(p.text.split()) for p in art.paragraphs]
    head, tail = _common_ends(old, new)
    changed: list[str] = []
    added: list[str] = []
    removed: list[str] = []
    compared: list[tuple[str, int]] = []
    matcher = difflib.SequenceMatcher(
        None, old[head : len(old) - tail], new[head : len(new) - tail]
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            changed += [p.id for p in art.paragraphs[head + j1 : head + j2]]
            if i2 - i1 == j2 - j1:  # paragraph for paragraph: each in the place of one
                compared += zip(
                    old[head + i1 : head + i2], range(head + j1, head + j2), strict=True
                )
        elif tag == "insert":
            added += [p.id for p in art.paragraphs[head + j1 : head + j2]]
        elif tag == "delete":
            removed += [p.id for p in earlier.paragraphs[head + i1 : head + i2]]
    wording = _wordings(compared, art, new)
    headlines = earlier.title_from_capture and art.title_from_capture
    differ = " ".join(earlier.title.split()) != " ".join(art.title.split())
    title = earlier.title if headlines and differ else None
    return CaptureChanges(
        earlier, title, tuple(changed), tuple(added), tuple(removed), headlines, tuple(wording)
    )


def _wordings(
    pairs: Sequence[tuple[str, int]], art: Article, new: Sequence[str]
) -> list[tuple[str, Wording]]:
    """The words then and now of the changed paragraphs of ``art`` (each an earlier
    paragraph's text with the index, in ``new``, of the one in its place), in order, up to
    :data:`.paging.WORDING_WORDS` of the later capture's words in all: the ones after are
    only said to have changed."""
    out = []
    left = paging.WORDING_WORDS
    for was, j in pairs:
        words = word_changes(was, new[j])
        if words is None:
            continue
        left -= len(new[j].split())
        if left < 0:
            break
        out.append((art.paragraphs[j].id, words))
    return out


def word_changes(old: str, new: str) -> Wording | None:
    """The words of paragraph ``new`` against those of ``old``, which it stands in the place
    of, as runs of words kept, gone and new (white space aside); None when either has more
    than :data:`WORDS_COMPARED` words.  The words both open and end with are set aside first;
    those between are matched as :mod:`difflib` matches them (a word found in more than one
    in a hundred of a long paragraph's not starting a match): whatever it matches, the runs
    kept and gone are the earlier words in order, and those kept and new the later (each
    run closing the marks of writing direction it opens: see
    :func:`~archive_site.files.closed_directions`)."""
    was, now = old.split(), new.split()
    if max(len(was), len(now)) > WORDS_COMPARED:
        return None
    head, tail = _common_ends(was, now)
    runs: list[tuple[Literal["same", "gone", "new"], list[str]]] = [("same", was[:head])]
    matcher = difflib.SequenceMatcher(
        None, was[head : len(was) - tail], now[head : len(now) - tail]
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", was[head + i1 : head + i2]))
            continue
        runs += [("gone", was[head + i1 : head + i2]), ("new", now[head + j1 : head + j2])]
    runs.append(("same", was[len(was) - tail :]))
    # each run closes the marks of writing direction it opens: a right-to-left override
    # among the earlier words showed the later capture's after it reversed, in one line
    return tuple((kind, closed_directions(" ".join(words))) for kind, words in runs if words)


def changed_wording(changes: CaptureChanges | None) -> dict[str, Wording]:
    """Each changed paragraph of a later capture that stands in the place of one earlier
    paragraph, by id, with its words against that one's."""
    return dict(changes.wording) if changes is not None else {}


def changed_marks(changes: CaptureChanges | None) -> dict[str, str]:
    """What each paragraph of a later capture that the earlier lacks says of itself, by id."""
    if changes is None:
        return {}
    marks = dict.fromkeys(changes.changed, "Changed since the earlier capture.")
    return marks | dict.fromkeys(changes.added, "New since the earlier capture.")


def _common_ends(old: Sequence[str], new: Sequence[str]) -> tuple[int, int]:
    """How many items ``old`` and ``new`` both open with, and how many after those both end
    with."""
    most = min(len(old), len(new))
    head = 0
    while head < most and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < most - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


def related_articles(
    a: Archive, art: Article
) -> list[tuple[Related, Article, str | None, str | None]]:
    """The articles on the same events as ``art`` (the first :data:`.paging.RELATED_LISTED`), each
    with why it is related, the origin it shares with ``art`` when one of them is a copy of
    that origin's story (see :func:`shared_origin`), and what the evidence found in the two's
    words, as a milestone's page says it (see :func:`dependency_text`): a reader of either
    page is told they are not independent of each other, as the milestone's is."""
    out = []
    for r in a.links.related_articles.get(art.id, ())[: paging.RELATED_LISTED]:
        other = a.article(r.article)
        text = dependency_text(a, r.text) if r.text is not None else None
        out.append((r, other, shared_origin(art, other), text))
    return out


def shared_origin(art: Article, other: Article) -> str | None:
    """The name of the origin two articles share when either is a copy of its story (an AP
    story on two sites, a paper's copy of AP's beside AP's own): listed "on the same events",
    they would read as two reports, where the evidence counts them one (see
    :mod:`..load.evidence`); None when they are not so."""
    if origin(art) != origin(other) or not (is_copy(art) or is_copy(other)):
        return None
    first = next((c for c in other.chain if c.role == "original"), None)
    first = first or next((c for c in art.chain if c.role == "original"), None)
    return first.name if first is not None else other.outlet


def furniture_summary(article: Article) -> list[str]:
    """What the capture holds beside the article, in words: "3 navigation words"."""
    counts: dict[str, int] = {}
    for f in article.furniture:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    words = {
        "story-link": ("a link to another story", "links to other stories"),
        "heading": ("a list heading", "list headings"),
        "news-line": ("a “News line” list entry", "“News line” list entries"),
        "navigation": ("a navigation word", "navigation words"),
        "editorial": ("an editorial line", "editorial lines"),
        "headline": ("another story’s headline", "other stories’ headlines"),
        "timestamp": ("a time stamp", "time stamps"),
        "separator": ("a separator line", "separator lines"),
        "byline": ("a byline", "bylines"),
        "credits": ("a credit line", "credit lines"),
        "prompt": (
            "a prompt to follow, share or subscribe",
            "prompts to follow, share or subscribe",
        ),
        "cookie-banner": ("a cookie banner", "cookie banners"),
        "header": ("the site's header", "site headers"),
        "share": ("share buttons", "sets of share buttons"),
        "read-also": ("a “read also” box", "“read also” boxes"),
        "tags": ("a tag list", "tag lists"),
        "affiliations": ("the authors' affiliations", "lists of the authors' affiliations"),
        "citation": ("a suggested citation of the work", "suggested citations of the work"),
        "comments": ("the readers' comments", "comment sections"),
        "sidebar": ("a sidebar", "sidebars"),
        "newsletter": ("a newsletter box", "newsletter boxes"),
        "promotion": (
            "a promotion of the outlet's other work (a podcast)",
            "promotions of the outlet's other work",
        ),
        "embedded-post": ("a post of another site (a tweet)", "posts of other sites (tweets)"),
        "appeal": ("a call to give money or join", "calls to give money or join"),
        "footer": ("the site's footer", "footers"),
        "caption": ("a figure caption", "figure captions"),
        "pull-quote": ("a pull quote repeating the text", "pull quotes repeating the text"),
        "advertisement": ("an advertisement label", "advertisement labels"),
        "copyright": ("a copyright line", "copyright lines"),
        "boilerplate": (
            "a paragraph after the text (a profile, contacts)",
            "paragraphs after the text (profiles, contacts)",
        ),
        "form": ("a form", "forms"),
        "details": (
            "a line of the page's details (From:, Location:)",
            "lines of the page's details (From:, Location:)",
        ),
        "properties": ("an export's properties", "exports' properties"),
        "forwarded": (
            "a line of the e-mail's forwarding (its note, the forwarded head)",
            "lines of the e-mail's forwarding (its note, the forwarded head)",
        ),
        "mail-head": (
            "a line of the e-mail's head (From:, Sent:, To:)",
            "lines of the e-mail's head (From:, Sent:, To:)",
        ),
        "struck": (
            "words the page shows struck through (withdrawn)",
            "passages the page shows struck through (withdrawn)",
        ),
        "highlights": (
            "the passages a read-later export highlighted",
            "the passages read-later exports highlighted",
        ),
    }
    out = []
    for kind, n in counts.items():
        one, many = words.get(kind, (kind, kind))
        out.append(one if n == 1 else f"{n} {many}")
    return out


TimelineGroups = list[tuple[str | None, list[tuple[int, list[Milestone]]]]]


def timeline_groups(milestones: tuple[Milestone, ...]) -> TimelineGroups:
    """Milestones by year, and by decade too when they span more than twenty years."""
    years = sorted({m.date.year for m in milestones})
    span = (years[-1] - years[0]) if years else 0
    groups: TimelineGroups = []
    for m in milestones:
        decade = f"{m.date.year // 10 * 10}s" if span > 20 else None
        if not groups or groups[-1][0] != decade:
            groups.append((decade, []))
        by_year = groups[-1][1]
        if not by_year or by_year[-1][0] != m.date.year:
            by_year.append((m.date.year, []))
        by_year[-1][1].append(m)
    return groups


class EntityArticles(NamedTuple):
    """The articles each entity has a part in, by entity id, in the archive's order."""

    outlets: dict[str, list[tuple[Article, str]]]  # (article, role in its chain)
    roles: dict[str, list[tuple[Article, str]]]  # (article, "interviewer" or "interviewee")


def entity_articles(a: Archive) -> EntityArticles:
    """Who publishes or passes on each article, and who asks and answers in each interview:
    one pass over the articles for every entity page."""
    outlets: dict[str, list[tuple[Article, str]]] = {}
    roles: dict[str, list[tuple[Article, str]]] = {}
    for art in a.articles:
        for link in art.chain:
            if link.entity is not None:
                outlets.setdefault(link.entity, []).append((art, link.role))
        for who in dict.fromkeys((art.interviewer, art.interviewee)):
            if who is not None:
                role = "interviewer" if art.interviewer == who else "interviewee"
                roles.setdefault(who, []).append((art, role))
    return EntityArticles(outlets, roles)


def entity_view(a: Archive, e: Entity, parts: EntityArticles) -> dict[str, Any]:
    """What an entity's page shows besides the entity: milestones, mentions, roles, companions;
    ``parts`` is :func:`entity_articles` of the archive."""
    mentions = a.links.mentions_by_entity.get(e.id, ())
    # Each article's paragraphs in order, once each (a dict keeps order and finds in O(1):
    # a list searched per mention made this quadratic in an article's size).
    by_article: dict[str, dict[str, None]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article, {})[mention.paragraph] = None
    outlets = parts.outlets.get(e.id, [])
    roles = parts.roles.get(e.id, [])
    return {
        "milestones": [a.milestone(mid) for mid in a.links.milestones_by_entity.get(e.id, ())],
        "mention_articles": [
            (a.article(aid), list(by_article[aid]))
            for aid in a.links.articles_by_entity.get(e.id, ())
        ],
        "mention_count": len(mentions),
        "outlets": outlets,
        "roles": roles,
        "companions": [(a.entity(x), n) for x, n in a.links.co_entities.get(e.id, ())],
        "quoted": quoted(a, e),
    }


class Quoted(NamedTuple):
    """A statement an entity makes in a source quote, with where it is and who cites it."""

    milestone: Milestone
    source: Source
    article: Article
    paragraph: Paragraph
    speaker: Speaker


def quoted(a: Archive, e: Entity) -> list[Quoted]:
    """What ``e`` is quoted as saying, in the order of the timeline."""
    out = []
    for c in a.quotes_by_speaker.get(e.id, ()):
        m = a.milestone(c.milestone)
        s = m.sources[c.index]
        art = a.article(s.article)
        para = art.paragraph(s.paragraph)
        assert para is not None
        out.append(Quoted(m, s, art, para, speaker(a, s)))
    return out


def sitemap_paths(a: Archive) -> list[str]:
    """Every page a search engine should index, in the sitemap's order."""
    paths = [urls.HOME, urls.TIMELINE, urls.ARTICLES, urls.ENTITIES, urls.TOPICS, urls.YEARS]
    paths += [urls.page(p.id) for p in a.pages]
    paths += [urls.article(x.id) for x in a.articles]
    paths += [urls.milestone(m.id) for m in a.every_milestone]  # a withdrawn one's address too
    paths += [urls.entity(e.id) for e in a.entities]
    paths += [urls.topic(t.id) for t in a.topics]
    paths += [urls.year(y) for y in sorted({*a.years, *withdrawn_by_year(a)})]
    return paths


def entity_groups(a: Archive) -> list[tuple[str, list[tuple[Entity, int, int]]]]:
    """The entities by type (in :data:`TYPE_LABELS` order), each with its number of
    milestones and of mentions."""
    groups = []
    for type_ in TYPE_LABELS:
        rows = [
            (
                e,
                len(a.links.milestones_by_entity.get(e.id, ())),
                len(a.links.mentions_by_entity.get(e.id, ())),
            )
            for e in a.entities
            if e.type == type_
        ]
        if rows:
            groups.append((type_, rows))
    return groups


def most_cited(
    rows: Sequence[tuple[Entity, int, int]], count: int
) -> list[tuple[Entity, int, int]]:
    """The ``count`` entities of ``rows`` (as :func:`entity_groups` gives them) with the most
    milestones, then mentions, in the order of ``rows``."""
    ranked = sorted(range(len(rows)), key=lambda n: (-rows[n][1], -rows[n][2], n))[:count]
    return [rows[n] for n in sorted(ranked)]


def topic_counts(a: Archive) -> list[tuple[Topic, int]]:
    """Every topic with its number of milestones."""
    return [(t, len(a.links.milestones_by_topic.get(t.id, ()))) for t in a.topics]


def withdrawn_by_year(a: Archive) -> dict[int, list[Milestone]]:
    """The withdrawn milestones by each year whose list they left: every year an event
    happens in, the year of a state."""
    by: dict[int, list[Milestone]] = {}
    for m in a.withdrawn:
        for y in (m.date.year,) if m.date.is_state else m.date.years():
            by.setdefault(y, []).append(m)
    return by


def year_counts(a: Archive) -> list[tuple[int, int, int, int]]:
    """Every year with its numbers of milestones (events), of states known by it, and of
    articles."""
    links = a.links
    return [
        (
            y,
            len(links.milestones_by_year.get(y, ())),
            len(links.states_by_year.get(y, ())),
            len(links.articles_by_year.get(y, ())),
        )
        for y in a.years
    ]


#: Double quotation marks within a title, as a citation quoting the title writes them:
#: single, its own being double (Chicago, MLA).
_INNER = str.maketrans({"“": "‘", "”": "’", "„": "‚"})
#: Straight quotation marks around words: opening after a space or a bracket, closing
#: before one or a stop (not an inch mark: 12" pipe).
_STRAIGHT_PAIR = later(r'(?<![\w\d])"(?=\S)([^"]*?\S)"(?![\w\d])')


def cited(title: str) -> str:
    """A title as a citation quotes it, within double quotation marks: its own double ones
    single ("“‘Anaklia will change the corridor’: ...”", where they were doubled), and
    ended by a full stop unless it ends with its own mark ("Will the port open?")."""
    text = _STRAIGHT_PAIR().sub(r"‘\1’", title.translate(_INNER)).rstrip()
    return text if text.rstrip("’'").endswith((".", "?", "!", "…")) else f"{text}."
