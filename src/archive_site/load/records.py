"""Entities, topics and hand-written pages: the records listed in YAML or written as pages."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .. import urls
from ..cache import Blobs, RecordCache, Unreadable, packed, unpacked
from ..errors import Problems, display_path
from ..files import FileProblem, folder_problem, read_bytes
from ..layout import (
    ENTITIES_FILE,
    MARKDOWN_SUFFIX,
    PAGES_DIR,
    TOPICS_FILE,
    Ids,
    editor_file,
    id_error,
    is_id,
    renamed_hint,
)
from ..model import (
    ENTITY_TYPES,
    UNNAMED,
    Entity,
    Milestone,
    Page,
    Topic,
)
from ..patterns import later
from ..readers import decode, split_lines
from ..readers.frontmatter import FrontMatter, read_front_matter
from ..text import (
    normalise_text,
)
from ..yamlsrc import Record, YList, YMap, read_yaml
from .checks import near_id, not_one_of, prose
from .discover import hidden_warning, is_hidden

#: The names of the site's own files at its top, which no hand-written page may take.
RESERVED_PAGE_IDS = frozenset(
    name.partition(".")[0]
    for name in (urls.HOME, urls.TIMELINE, urls.SEARCH, urls.NOT_FOUND, urls.FEED, urls.SITEMAP)
) | {"robots"}


# --- entities and topics ----------------------------------------------------


def load_list(
    path: Path, problems: Problems, what: str, cache: RecordCache | None = None
) -> tuple[str, list[Record]]:
    display = display_path(path)
    data = yaml_tree(path, display, problems, cache)
    if data is None:
        problems.unread(display)
        return display, []
    if not isinstance(data, YList):
        things = f"{what[:-1]}ies" if what.endswith("y") else f"{what}s"
        if isinstance(data, YMap) and not data:  # an empty file, or one of comments only
            message = f"holds no {things}: write [] for none, or list them (each item "
            problems.error(display, 1, f"{message}starting with '- id:')")
        else:
            message = f"expected a list of {things} (each item starting with '- id:')"
            problems.error(display, 1, message)
        problems.unread(display)
        return display, []
    out = []
    for item, line in zip(data, data.item_lines, strict=True):
        rec = Record.of(item, line, display, problems, what)
        if rec is not None:
            out.append(rec)
    return display, out


def take_id(
    rec: Record, seen: dict[str, int], page: Callable[[str], str] | None = None
) -> str | None:
    """The record's id, when it is one and not taken; ``page``: where a record's page goes
    (an id that would put it at one of the site's own pages is refused)."""
    ident = rec.text("id", required=True)
    if ident is None:
        return None
    if not is_id(ident):
        rec.error("id", id_error(ident))
        return None
    taken = urls.own_page(ident, page) if page is not None else None
    if taken is not None:
        rec.error("id", taken)
        return None
    if ident in seen:
        rec.error("id", f"duplicate id '{ident}' (first used on line {seen[ident]})")
        return None
    seen[ident] = rec.key_line("id")
    return ident


#: What a record is called that is a file's own (an article's metadata, a page's or a
#: Markdown article's front matter): "the metadata's own id" says nothing.
_FILES_OF_ONE = frozenset({"metadata", "front matter"})


def take_former_ids(rec: Record, ident: str | None, page: Callable[[str], str]) -> tuple[str, ...]:
    """The ids the record had before (``former_ids``: it was renamed, or another was merged
    into it), whose pages the build writes to send readers on to its own: each an id, not
    its own, and not one that would put a page at one of the site's own; the others
    reported on their lines."""
    out: dict[str, None] = {}
    for value, line in rec.text_items("former_ids"):
        problem = id_error(value) if not is_id(value) else urls.own_page(value, page)
        if problem is None and page is urls.page and value in RESERVED_PAGE_IDS:
            problem = f"'{value}' is the name of one of the site's own pages"
        if problem is None and value == ident:
            whose = "its" if rec.what in _FILES_OF_ONE else f"the {rec.what}'s"
            problem = f"'{value}' is {whose} own id: list only the ids it had before"
        if problem is None:
            out[value] = None
        else:
            rec.problems.error(rec.display, line, f"former_ids: {problem}")
    return tuple(out)


def former_lines(records: Sequence[Record]) -> dict[tuple[str, str], int]:
    """The line of each former id the records list, by their id and it: the records' YAML
    says where, whether the record was read again or taken from the cache."""
    out: dict[tuple[str, str], int] = {}
    for rec in records:
        ident, raw = rec.data.get("id"), rec.data.get("former_ids")
        if not isinstance(ident, str):
            continue
        items = zip(raw, raw.item_lines, strict=True) if isinstance(raw, YList) else ()
        for value, line in items:
            if isinstance(value, str):
                out[(ident.strip(), value.strip())] = line
        if isinstance(raw, str):
            out[(ident.strip(), raw.strip())] = rec.key_line("former_ids")
    return out


def check_former_ids(
    records: Sequence[Entity | Topic | Milestone],
    declared: Mapping[str, int],
    lines: Mapping[tuple[str, str], int],
    where: tuple[str, Problems],
) -> None:
    """Each former id of ``records`` the id of no record of their kind now (``declared``:
    each id with its line) and of one record only: else two pages would be written at one
    address.  Told on its line (``lines``: see :func:`former_lines`) of the file
    ``where`` names."""
    display, problems = where
    what = type(records[0]).__name__.lower() if records else ""
    taken: dict[str, tuple[str, int]] = {}
    for r in sorted(records, key=lambda r: r.line):
        for old in r.former_ids:
            line = lines.get((r.id, old), r.line)
            if old in declared:
                problems.error(
                    display,
                    line,
                    f"former_ids: '{old}' is the id of the {what} on line {declared[old]}: no "
                    "id in use is a former id (both pages would be at one address)",
                )
            elif old in taken:
                problems.error(
                    display,
                    line,
                    f"former_ids: '{old}' is already a former id of '{taken[old][0]}' (line "
                    f"{taken[old][1]}): its old page can send readers on to one {what} only",
                )
            else:
                taken[old] = (r.id, line)


def not_loaded(
    declared: Collection[str], loaded: Sequence[Entity | Topic], failed: set[str] | None
) -> None:
    """Put in ``failed`` the ids ``declared`` that did not load: their entries' problems are
    reported, and a reference to one is no second problem (a typo in one entity's type
    would else make every milestone naming it "unknown entity" too)."""
    if failed is not None:
        failed.update(set(declared) - {record.id for record in loaded})


def yaml_tree(path: Path, display: str, problems: Problems, cache: RecordCache | None) -> Any:
    """The YAML tree of a file; from ``cache`` when the file's bytes are unchanged (a tree
    is kept only when parsing it raised no problem; nothing reading a tree changes it).
    It is kept pickled (:func:`~archive_site.cache.packed`) in the cache's files, out of
    memory (:class:`~archive_site.cache.Blobs`): as objects, a large ``milestones.yaml``'s
    tree (10,000 milestones) held 15 MB from the load to the build's end, and pickled in
    memory, 7 MB."""
    if cache is None:
        return read_yaml(path, display, problems)
    try:
        key = cache.key(display, read_bytes(path))
    except FileProblem:
        return read_yaml(path, display, problems)  # which reports it
    blobs = cache.blobs(_YAML)
    found = _kept_tree(blobs, cache.get(_YAML, key))
    if isinstance(found, (YMap, YList)):
        return found
    before = len(problems)
    data = read_yaml(path, display, problems)
    if isinstance(data, (YMap, YList)) and len(problems) == before:
        ref = blobs.add((packed(data),))
        if ref is not None:
            cache.put(_YAML, key, ref)
    return data


def _kept_tree(blobs: Blobs, entry: object) -> object | None:
    """The tree kept at ``entry`` (a :data:`~archive_site.cache.Ref`), or None."""
    ref = blobs.valid(entry)
    if ref is None:
        return None
    try:
        return unpacked(blobs.read(ref, 0))
    except Unreadable:
        return None


_YAML = "yaml"


def _own_names(given: Sequence[tuple[str, int]], before: Sequence[str]) -> tuple[str, ...]:
    """The names ``given`` (each with its line), once each and none of those ``before``."""
    return tuple(dict.fromkeys(n for n, _ in given if n not in before))


def _not_names(rec: Record, given: Sequence[tuple[str, int]], names: list[str]) -> tuple[str, ...]:
    """An entity's ``not:`` names: each must hold one of its names as whole words (else it
    would hide another entity's mentions, or nothing: a warning, and it is left out; an
    entity renamed may have left it behind)."""
    own = [normalise_text(n).casefold() for n in names]
    out = []
    for phrase, line in given:
        text = normalise_text(phrase).casefold()
        if not any(_holds(text, n) for n in own) or text in own:
            rec.problems.warning(
                rec.display,
                line,
                f"not: '{phrase}' is not a longer name holding one of the entity's names "
                f"({', '.join(names)}): it is left out",
            )
            continue
        out.append(phrase)
    return tuple(dict.fromkeys(out))


def load_entities(
    content: Path,
    problems: Problems,
    cache: RecordCache | None = None,
    failed: set[str] | None = None,
) -> tuple[Entity, ...]:
    """The entities of ``entities.yaml`` (its tree from ``cache`` when the file is unchanged:
    see :func:`yaml_tree`); ``failed`` receives the id of each entity declared with a
    problem that leaves it out (see :func:`not_loaded`)."""
    display, records = load_list(content / ENTITIES_FILE, problems, "entity", cache)
    seen: dict[str, int] = {}
    names: dict[str, tuple[str, int, str]] = {}
    out: list[Entity] = []
    for rec in records:
        ident = take_id(rec, seen, urls.entity)
        name = rec.text("name", required=True)
        etype = rec.text("type", required=True)
        aliases = rec.text_items("aliases")
        forms = rec.text_items("name_forms")
        description = prose(rec, "description")
        not_names = rec.text_items("not")
        owner = rec.text("owner")
        former = take_former_ids(rec, ident, urls.entity)
        rec.finish()
        if etype is not None and etype not in ENTITY_TYPES:
            rec.error("type", not_one_of(etype, ENTITY_TYPES))
            etype = None
        if ident == UNNAMED:
            rec.error("id", UNNAMED_ENTITY)
        if ident in (None, UNNAMED) or name is None or etype is None:
            continue
        said = [(name, rec.key_line("name")), *aliases, *forms]
        _take_names(ident, said, names, display, problems)
        out.append(
            Entity(
                id=ident,
                name=name,
                type=etype,
                aliases=_own_names(aliases, [name]),
                name_forms=_own_names(forms, [name, *(a for a, _ in aliases)]),
                description=description,
                line=rec.line,
                not_names=_not_names(rec, not_names, [n for n, _ in said]),
                former_ids=former,
                owner=owner,
            )
        )
    order = {t: n for n, t in enumerate(ENTITY_TYPES)}
    out = _owned(_not_others(out, display, problems), display, problems)
    check_former_ids(out, seen, former_lines(records), (display, problems))
    not_loaded(seen, out, failed)
    return tuple(sorted(out, key=lambda e: (order[e.type], e.name.casefold(), e.id)))


def _owned(entities: list[Entity], display: str, problems: Problems) -> list[Entity]:
    """``entities`` with their ``owner:`` checked: an organisation or a group of the
    archive, not the entity itself, nor one it owns, however far down; each wrong one an
    error on the entity's line (and left out, so that nothing joins on a guess)."""
    by_id = {e.id: e for e in entities}
    out = []
    for e in entities:
        owner = by_id.get(e.owner) if e.owner is not None else None
        if e.owner is None:
            out.append(e)
            continue
        if owner is None or owner.type not in ("organisation", "group"):
            what = f"no entity ({near_id(e.owner, by_id)}" if owner is None else f"a {owner.type} ("
            why = (
                f"owner: '{e.owner}' is {what}the owner of an outlet is an organisation or a "
                "group of entities.yaml)"
            )
        elif e.id in owners_of(e.owner, by_id):
            why = f"owner: '{e.owner}' is owned by '{e.id}' itself: owners run in a ring"
        else:
            out.append(e)
            continue
        problems.error(display, e.line, why)
        out.append(replace(e, owner=None))
    return out


def owners_of(ident: str, by_id: Mapping[str, Entity]) -> list[str]:
    """``ident`` and the owners above it, in order, as far as they go (a ring once)."""
    chain = [ident]
    while (e := by_id.get(chain[-1])) is not None and e.owner is not None:
        if e.owner in chain:
            break
        chain.append(e.owner)
    return chain


#: What an entity with the id ``unnamed`` is told: the word a source that names no one is
#: written with (``speaker:``, ``interviewer:``, ``interviewee:``), which the entity would
#: silently take for its own, every such quote then its words.
UNNAMED_ENTITY = (
    f"'{UNNAMED}' is the word for someone a source does not name ('speaker: {UNNAMED}', "
    f"'interviewer: {UNNAMED}', 'interviewee: {UNNAMED}'): an entity of that id would be "
    "taken for each of them; give it another id (its name may stay as it is)"
)


def _take_names(
    ident: str,
    said: list[tuple[str, int]],
    names: dict[str, tuple[str, int, str]],
    display: str,
    problems: Problems,
) -> None:
    """The names ``said`` of the entity ``ident``, each with its line, taken into ``names``
    (the entities' names so far, by their key, with their line and as written); one that is
    another entity's is an error, and so is one of no letter or digit (a mark alone would
    be found in every text)."""
    for alias, line in said:
        key = normalise_text(alias).casefold()
        if not any(c.isalnum() for c in key):
            problems.error(display, line, f"the name {alias!r} holds no letter or digit")
            continue
        if key in names and names[key][0] != ident:
            other, other_line, written = names[key]
            problems.error(display, line, _name_taken(alias, other, other_line, written))
        names.setdefault(key, (ident, line, alias))


def _name_taken(alias: str, other: str, other_line: int, written: str) -> str:
    """The error of a name another entity has: when the two are written apart (in case,
    typography, or a character no one sees: "Baku" and "Baku<U+200B>"), both as written,
    with what no one sees escaped, so that two names that look the same are told apart."""
    if alias == written:
        return f"the name '{alias}' is already used by entity '{other}' (line {other_line})"
    return (
        f"the name {_shown(alias)} is already used by entity '{other}' (line {other_line}, "
        f"as {_shown(written)}): names are compared with case, apostrophes, dashes, "
        "invisible characters and how accents are encoded set aside"
    )


def _shown(name: str) -> str:
    """A name in quotes, each character no one sees, or that joins the one before (an
    accent encoded apart, U+0301), as its code point: "cafe\\u0301", not "café"."""
    shown = "".join(
        c if c.isprintable() and not unicodedata.combining(c) else f"\\u{ord(c):04x}" for c in name
    )
    return f"'{shown}'"


_NOT_WORD = later(r"\W+")


def _holds(text: str, name: str) -> bool:
    """Whether ``text`` holds ``name`` as whole words (both normalised and case-folded)."""
    return f" {_NOT_WORD().sub(' ', name).strip()} " in f" {_NOT_WORD().sub(' ', text)} "


def _not_others(entities: list[Entity], display: str, problems: Problems) -> list[Entity]:
    """The entities with each ``not:`` name that holds another entity's name left out, with
    a warning: it would hide that entity's mentions too ("China–Baku forum" under China
    hides the city of Baku), which are mentions still."""
    names = {normalise_text(n).casefold(): e.id for e in entities for n in e.names}
    out = []
    for e in entities:
        kept = []
        for phrase in e.not_names:
            text = normalise_text(phrase).casefold()
            other = next(
                (ident for name, ident in names.items() if ident != e.id and _holds(text, name)),
                None,
            )
            if other is None:
                kept.append(phrase)
            else:
                problems.warning(
                    display,
                    e.line,
                    f"not: '{phrase}' holds a name of entity '{other}', whose mentions it "
                    "would hide too: it is left out",
                )
        out.append(e if len(kept) == len(e.not_names) else replace(e, not_names=tuple(kept)))
    return out


def load_topics(
    content: Path,
    problems: Problems,
    cache: RecordCache | None = None,
    failed: set[str] | None = None,
) -> tuple[Topic, ...]:
    """The topics of ``topics.yaml`` (its tree from ``cache`` when the file is unchanged);
    ``failed``: as :func:`load_entities` gives it."""
    display, records = load_list(content / TOPICS_FILE, problems, "topic", cache)
    seen: dict[str, int] = {}
    out: list[Topic] = []
    for rec in records:
        ident = take_id(rec, seen, urls.topic)
        title = rec.text("title", required=True)
        description = prose(rec, "description", required=True)
        former = take_former_ids(rec, ident, urls.topic)
        rec.finish()
        if ident and title and description:
            out.append(Topic(ident, title, description, rec.line, former))
    check_former_ids(out, seen, former_lines(records), (display, problems))
    not_loaded(seen, out, failed)
    return tuple(sorted(out, key=lambda t: (t.title.casefold(), t.id)))


# --- pages ------------------------------------------------------------------


def load_pages(
    content: Path,
    problems: Problems,
    cache: RecordCache | None = None,
    failed: set[str] | None = None,
) -> tuple[Page, ...]:
    """The pages of ``content/pages/``: each a Markdown file with front matter; from
    ``cache`` when its bytes are unchanged (a page is kept only when reading it raised no
    problem); ``failed`` receives the id of each page that did not load, whose problems are
    told (a link to it, ``page:about``, is no second problem)."""
    folder = content / PAGES_DIR
    problem = folder_problem(folder)
    if problem == "folder not found":
        return ()
    if problem:
        problems.error(display_path(folder), None, f"{problem} (pages are content/pages/NAME.md)")
        return ()
    pages: list[Page] = []
    declared: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        display = display_path(path)
        if is_hidden(path.name, (MARKDOWN_SUFFIX,)):  # a draft: said, as an article's is
            problems.warning(display, None, hidden_warning("a page"))
        if path.name.startswith(".") or editor_file(path.name):
            continue
        if path.suffix != MARKDOWN_SUFFIX:
            problems.error(display, None, "not a page: pages are Markdown files, NAME.md")
            continue
        ident = path.stem
        if ident in RESERVED_PAGE_IDS:
            names = ", ".join(sorted(RESERVED_PAGE_IDS))
            message = f"'{ident}' is the name of one of the site's own pages ({names})"
            problems.error(display, None, f"file name: {message}: choose another")
            continue
        if not is_id(ident):
            problems.error(display, None, f"file name: {id_error(ident)}")
            continue
        try:
            data = read_bytes(path)
        except FileProblem as exc:
            problems.error(display, None, str(exc))
            data = None
        rel = path.relative_to(content).as_posix()
        page = None if data is None else _kept_page(ident, rel, data, (display, problems), cache)
        if page is not None:
            pages.append(page)
        elif failed is not None:
            failed.add(ident)
        declared[ident] = path
    check_page_former_ids(pages, declared, problems)
    return tuple(pages)


def check_page_former_ids(
    pages: Sequence[Page], declared: Mapping[str, Path], problems: Problems
) -> None:
    """Each former id of a page the name of no page now (``declared``: each page's id and
    file) and of one page only; told on its line of the page's front matter."""
    taken: dict[str, str] = {}
    for p in pages:
        path = declared[p.id]
        for old in p.former_ids:
            if old in declared:
                why = (
                    f"is the page {display_path(declared[old])}: no page's name now is a former id"
                )
            elif old in taken:
                why = f"is already a former id of '{taken[old]}': its old page leads to one only"
            else:
                taken[old] = p.id
                continue
            line = front_former_line(path, old)
            problems.error(display_path(path), line, f"former_ids: '{old}' {why}")


def front_key_line(path: Path, key: str) -> int | None:
    """The line of ``key`` in the front matter of the page or Markdown article ``path``
    (read again: only a value in error is looked for)."""
    front = _front_matter(path)
    return None if front is None else front.data.key_lines.get(key)


def _front_matter(path: Path) -> FrontMatter | None:
    quiet = Problems()
    text = decode(read_bytes(path), display_path(path), quiet)
    return None if text is None else read_front_matter(split_lines(text), "", quiet, missing="")


def front_former_line(path: Path, old: str) -> int | None:
    """The line of the former id ``old`` in the front matter of the page or Markdown article
    ``path`` (read again: only a former id in error is looked for), else of its key."""
    front = _front_matter(path)
    if front is None:
        return None
    raw = front.data.get("former_ids")
    if isinstance(raw, YList):
        found = (n for v, n in zip(raw, raw.item_lines, strict=True) if str(v).strip() == old)
        return next(found, front.data.key_lines.get("former_ids"))
    return front.data.key_lines.get("former_ids")


def check_menu(
    menu: Sequence[tuple[str, int]],
    pages: Sequence[Page],
    failed: Collection[str],
    display: str,
    problems: Problems,
) -> None:
    """Report each item of ``site.yaml``'s ``menu`` (page ids, with their lines) that names
    no page of ``pages`` (one in ``failed``, whose problems are told, is none) or a page
    named before."""
    known = Ids({p.id for p in pages}, {old: p.id for p in pages for old in p.former_ids})
    seen: set[str] = set()
    for ident, line in menu:
        if ident in seen:
            problems.error(display, line, f"menu: the page '{ident}' is named twice")
        elif ident not in known and ident not in failed:
            where = f"{PAGES_DIR}/{ident}{MARKDOWN_SUFFIX}"
            renamed = renamed_hint(ident, known)
            said = f"there is no {where}" + (f"; {renamed}" if renamed else "")
            problems.error(display, line, f"menu: no page '{ident}' ({said})")
        seen.add(ident)


_PAGES = "pages"


def _kept_page(
    ident: str,
    rel: str,
    data: bytes,
    reports: tuple[str, Problems],
    cache: RecordCache | None,
) -> Page | None:
    """The page ``rel`` whose file holds ``data`` (its problems reported as ``reports``
    says: the path shown, where they go): from ``cache`` when it holds the page of those
    bytes, else read (and kept there when reading it raised no problem)."""
    display, problems = reports
    key = None if cache is None else cache.key(_PAGES, rel, data)
    found = None if cache is None or key is None else cache.get(_PAGES, key)
    if isinstance(found, Page) and found.id == ident and found.source_file == rel:
        return found
    before = len(problems)
    page = _read_page(ident, rel, data, display, problems)
    if page is not None and cache is not None and key is not None and len(problems) == before:
        cache.put(_PAGES, key, page)
    return page


def _read_page(ident: str, rel: str, data: bytes, display: str, problems: Problems) -> Page | None:
    """The page a Markdown file with front matter (``title:``, ``description:``, ``menu:``)
    is; None when it is not one, each problem reported."""
    text = decode(data, display, problems)
    if text is None:
        return None
    lines = split_lines(text)
    front = read_front_matter(
        lines,
        display,
        problems,
        missing="a page starts with '---', then 'title:' and 'description:'",
    )
    if front is None:
        return None
    rec = Record(front.data, display, problems, "front matter")
    title = rec.text("title", required=True)
    description = prose(rec, "description", required=True)
    menu = rec.text("menu")
    former = take_former_ids(rec, ident, urls.page)
    rec.finish()
    if not (title and description):
        return None
    body = "\n".join(lines[front.body_start :])
    start = front.body_start + 1
    return Page(ident, title, description, body, rel, menu or title, start, former)
