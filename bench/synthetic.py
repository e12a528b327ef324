"""A synthetic archive in archive-site's content format, for benchmarks and scale tests.

``generate(folder, n)`` writes ``folder/content/``: ``n`` plain-text captures
of about 800 words with their metadata, one milestone quoting each article,
30 topics, 36 entities (six of them the outlets that publish the articles),
an about page, and a ``site.yaml``.  The same ``n`` and ``seed`` always give
the same files.  Articles are spread over 1990-2025; every seventh responds to
an earlier one; each names three entities in its text; each milestone has one
or two topics, two entities, a date at day, month or year precision, and a
summary linking to one of its entities.

``captures="wire"`` writes each capture as wire copy instead, as an archivist's saved
text is: its day and time, its headline and a dateline above the text, and no
``format``, ``title`` or ``published`` in its metadata, so that the build detects the
format and reads them from the capture (the plain captures declare all three, and the
readers' work on a capture's head is not measured).

``generate(..., pelican=True)`` also writes ``folder/pelican/``: the same
articles as Markdown for Pelican (title, date, category from the milestone's
first topic, tags from its entities), with a ``pelicanconf.py``.

Usage::

    python bench/synthetic.py DIR --articles 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ENTITY_TYPES = ("person", "organisation", "place", "agreement", "project", "event")
N_TOPICS = 30
N_ENTITIES = 36
N_OUTLETS = 6  # the first organisations publish the articles
WORDS_PER_ARTICLE = 800
FIRST_YEAR, LAST_YEAR = 1990, 2025

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_CODAS = ("", "", "n", "r", "s", "l", "m", "t")


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < size:
        words[_word(rng, rng.choice((1, 1, 2, 2, 3)))] = None
    return list(words)


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}"
        if name not in taken:
            taken.add(name)
            return name


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    published: dt.date
    outlet: str
    author: str
    paragraphs: tuple[str, ...]
    quote: str  # a sentence of the text, quoted by the article's milestone
    responds_to: str | None
    entities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    date: str
    title: str
    summary: str
    topics: tuple[str, ...]
    entities: tuple[str, ...]
    article: str
    quote: str


class _Writer:
    """Draws sentences and paragraphs from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = _vocabulary(rng, 3000)

    def sentence(self, *, inserts: Sequence[str] = (), length: int = 0) -> str:
        rng = self.rng
        words = rng.choices(self.words, k=length or rng.randint(10, 22))
        for insert in inserts:
            words.insert(rng.randrange(1, len(words)), insert)
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."  # not str.capitalize: names keep their case

    def paragraph(self, words: int, *, inserts: Sequence[str] = ()) -> str:
        sentences: list[str] = []
        count = 0
        pending = list(inserts)
        while count < words:
            here = [pending.pop()] if pending else []
            s = self.sentence(inserts=here)
            sentences.append(s)
            count += s.count(" ") + 1
        return " ".join(sentences)


def _entities(rng: random.Random) -> list[Entity]:
    taken: set[str] = set()
    return [
        Entity(f"entity-{n + 1:02d}", _name(rng, taken), ENTITY_TYPES[n % len(ENTITY_TYPES)])
        for n in range(N_ENTITIES)
    ]


def _outlets(entities: Sequence[Entity]) -> list[Entity]:
    return [e for e in entities if e.type == "organisation"][:N_OUTLETS]


def _date(rng: random.Random, year: int) -> str:
    precision = rng.choice(("day", "day", "month", "year"))
    if precision == "year":
        return str(year)
    month = rng.randint(1, 12)
    if precision == "month":
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


_MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)


def _said_when(date: str) -> str:
    """How the quote states its milestone's date, to its precision: "on 12 March 2017",
    "in March 2017", "in 2017" (the build warns of a month or a day no quote states)."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 1:
        return f"in {parts[0]}"
    month = _MONTHS[parts[1] - 1]
    return f"in {month} {parts[0]}" if len(parts) == 2 else f"on {parts[2]} {month} {parts[0]}"


def build_corpus(
    n: int, seed: int = 0
) -> tuple[list[Entity], list[str], list[Article], list[Milestone]]:
    """The records of a synthetic archive of ``n`` articles (deterministic for one seed)."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    entities = _entities(rng)
    outlets = _outlets(entities)
    people = [e for e in entities if e.type == "person"]
    topics = [f"topic-{n + 1:02d}" for n in range(N_TOPICS)]
    days = (dt.date(LAST_YEAR, 12, 31) - dt.date(FIRST_YEAR, 1, 1)).days
    articles: list[Article] = []
    milestones: list[Milestone] = []
    for i in range(n):
        ident = f"a{i + 1:05d}-" + "-".join(writer.sentence(length=3).rstrip(".").split()).lower()
        published = dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=(i * days) // max(n, 1))
        named = rng.sample(entities, 3)
        year = rng.randint(max(FIRST_YEAR, published.year - 15), published.year)
        date = _date(rng, year)
        if date > published.isoformat()[: len(date)]:  # what has happened by the article's day
            date = f"{year - 1}{date[4:]}"
        quote = writer.sentence(inserts=[_said_when(date)], length=rng.randint(12, 18))
        paras = [writer.paragraph(70, inserts=[named[0].name])]
        paras += [writer.paragraph(100, inserts=[named[k % 3].name]) for k in range(1, 8)]
        paras[3] = f"{paras[3]} {quote}"
        responds = articles[rng.randrange(len(articles))].id if i % 7 == 6 and articles else None
        art = Article(
            id=ident,
            title=writer.sentence(length=rng.randint(5, 9)).rstrip("."),
            published=published,
            outlet=outlets[i % len(outlets)].name,
            author=rng.choice(people).name,
            paragraphs=tuple(paras),
            quote=quote,
            responds_to=responds,
            entities=tuple(e.id for e in named),
        )
        articles.append(art)
        ms_entities = rng.sample(named, 2)
        milestones.append(
            Milestone(
                id=f"m{i + 1:05d}",
                date=date,
                title=writer.sentence(length=rng.randint(4, 8)).rstrip("."),
                summary=(
                    f"{writer.sentence()} It involves [{ms_entities[0].name}]"
                    f"(entity:{ms_entities[0].id})."
                ),
                topics=tuple(rng.sample(topics, rng.choice((1, 2)))),
                entities=tuple(e.id for e in ms_entities),
                article=ident,
                quote=quote,
            )
        )
    return entities, topics, articles, milestones


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


SITE_YAML = """\
title: Synthetic Archive
description: A generated archive for measuring archive-site at scale.
subject: synthetic relations
language: en
base_url: https://example.org/synthetic/
publisher: archive-site benchmark
license: Generated text, no rights reserved.
"""

ABOUT_MD = """\
---
title: About this archive
menu: About
description: A generated archive; its words mean nothing.
---

A generated archive: see the [timeline](site:timeline.html).
"""


CAPTURES = ("plain", "wire")
_CITIES = ("BAKU", "ASTANA", "TASHKENT", "ANKARA", "BEIJING", "TBILISI", "AKTAU")


def _wire_copy(a: Article, rng: random.Random) -> str:
    """``a`` as wire copy: "12 March 1990 14:05", the headline, "BAKU, March 12 -- " before
    the first paragraph."""
    day = f"{a.published.day} {_MONTHS[a.published.month - 1]} {a.published.year}"
    stamp = f"{day} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    dateline = f"{rng.choice(_CITIES)}, {_MONTHS[a.published.month - 1]} {a.published.day} -- "
    body = [dateline + a.paragraphs[0], *a.paragraphs[1:]]
    return "\n\n".join([stamp, a.title, *body]) + "\n"


def _meta(a: Article, captures: str) -> str:
    """``a``'s metadata file: with its format, title and day unless the capture gives them."""
    said = "" if captures == "wire" else "format: plain\n"
    if captures != "wire":
        said += f"title: {_yaml_str(a.title)}\npublished: {a.published.isoformat()}\n"
    meta = (
        f"{said}outlet: {a.outlet}\nauthor: {a.author}\nkind: news\n"
        f"summary: {_yaml_str(a.paragraphs[0][:160])}\n"
    )
    return meta + (f"responds_to: [{a.responds_to}]\n" if a.responds_to else "")


def write_content(folder: Path, n: int, seed: int = 0, captures: str = "plain") -> Path:
    """Write ``folder/content`` for ``n`` articles, the captures as ``captures`` says (see
    the module's text); returns the content folder."""
    entities, topics, articles, milestones = build_corpus(n, seed)
    content = folder / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "pages").mkdir(exist_ok=True)
    (content / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (content / "pages" / "about.md").write_text(ABOUT_MD, encoding="utf-8")
    (content / "entities.yaml").write_text(
        "".join(
            f"- id: {e.id}\n  name: {e.name}\n  type: {e.type}\n"
            f"  description: A generated {e.type}.\n"
            for e in entities
        ),
        encoding="utf-8",
    )
    (content / "topics.yaml").write_text(
        "".join(
            f"- id: {t}\n  title: Topic {t[-2:]}\n  description: Generated topic {t[-2:]}.\n"
            for t in topics
        ),
        encoding="utf-8",
    )
    rng = random.Random(seed)
    for a in articles:
        text = _wire_copy(a, rng) if captures == "wire" else "\n\n".join(a.paragraphs) + "\n"
        (content / "articles" / f"{a.id}.capture.txt").write_text(text, encoding="utf-8")
        (content / "articles" / f"{a.id}.meta.yaml").write_text(
            _meta(a, captures), encoding="utf-8"
        )
    (content / "milestones.yaml").write_text(
        "".join(
            f"- id: {m.id}\n  date: {_yaml_str(m.date)}\n  title: {_yaml_str(m.title)}\n"
            f"  summary: {_yaml_str(m.summary)}\n  topics: [{', '.join(m.topics)}]\n"
            f"  entities: [{', '.join(m.entities)}]\n  sources:\n"
            f"    - article: {m.article}\n      quote: {_yaml_str(m.quote)}\n"
            for m in milestones
        ),
        encoding="utf-8",
    )
    return content


PELICANCONF = """\
AUTHOR = "archive-site benchmark"
SITENAME = "Synthetic Archive"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
DEFAULT_PAGINATION = False
LOAD_CONTENT_CACHE = False
"""


def write_pelican(folder: Path, n: int, seed: int = 0) -> Path:
    """The same articles as a Pelican project in ``folder/pelican``; returns that folder."""
    entities, _, articles, milestones = build_corpus(n, seed)
    names = {e.id: e.name for e in entities}
    root = folder / "pelican"
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "pelicanconf.py").write_text(PELICANCONF, encoding="utf-8")
    for a, m in zip(articles, milestones, strict=True):
        text = (
            f"Title: {a.title}\nDate: {a.published.isoformat()}\nCategory: {m.topics[0]}\n"
            f"Tags: {', '.join(names[e] for e in m.entities)}\nAuthor: {a.author}\n"
            f"Summary: {a.paragraphs[0][:160]}\n\n" + "\n\n".join(a.paragraphs) + "\n"
        )
        (root / "content" / f"{a.id}.md").write_text(text, encoding="utf-8")
    return root


def edit_one_article(content: Path, n: int) -> Path:
    """Change one word of one article's text (not its quoted sentence); returns the file."""
    captures = sorted((content / "articles").glob("*.capture.txt"))
    path = captures[min(n, len(captures)) // 2]
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.rpartition(" ")
    path.write_text(f"{head}{sep}edited{tail}" if sep else text + "edited\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write content/ (and pelican/)")
    parser.add_argument("--articles", "-n", type=int, default=1000, help="how many articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pelican", action="store_true", help="also write a Pelican project")
    parser.add_argument(
        "--captures", choices=CAPTURES, default="plain", help="plain text (default) or wire copy"
    )
    args = parser.parse_args(argv)
    content = write_content(args.folder, args.articles, args.seed, args.captures)
    print(f"wrote {content}")
    if args.pelican:
        print(f"wrote {write_pelican(args.folder, args.articles, args.seed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
