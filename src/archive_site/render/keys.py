"""Page keys: everything a planned page's bytes depend on, as one SHA-256.

A page whose key is the one recorded for the same path in the previous output
is taken from there instead of rendered again (see :mod:`archive_site.produce`).
So a key must change whenever the page's bytes could: it hashes

* the *common* digest of the build: the program and its settings (``salt``),
  every file of the templates folder, every file of the content folder except
  the articles' own files, and the number of articles, milestones, entities,
  topics and pages (which every page's footer shows);
* the page's path, template and whether its links are rooted;
* everything the page is handed: its values, its view's or maker's function
  and arguments, and what that function declares it reads beyond its
  arguments (``Page.reads``).  These are hashed by value, except the
  archive's records, hashed by what they are made from: an article by its id
  and its own files (its capture and metadata; the entities and the language
  it also depends on are common); a milestone by its id (its entry in
  ``milestones.yaml`` is common), its lines of evidence and the files of the
  articles it quotes or whose dependencies its evidence names; an entity,
  topic or hand-written page by its id (their files are common).

Templates can read more than their values: the renderer's globals.  Each
template is checked on its source, with every template it extends, includes
or imports and those the ``entry`` and ``partial`` globals render: it may use
the globals in :data:`SAFE` (each reads only common inputs and the records
handed to it), Jinja's own, and the archive only as a count
(``archive.articles|length``).  A page whose templates read anything else, or
whose values hold an object of a type not known here, or whose view or maker
is not a named function or declares no reads, has no key: it is rendered by
every build.  Nothing is trusted by default.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Mapping
from types import FunctionType
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from ..model import Archive, Article, Entity, Milestone, Topic
from ..model import Page as TextPage
from .markup import Store
from .pages import Page

#: Raised by every change to what a key covers.
FORMAT = 1
#: The globals a template may use: each reads nothing but the common inputs and the
#: records it is given (``entry`` and the fragments read a milestone's sources, covered
#: by the milestone's digest).
SAFE = frozenset(
    {
        "site",
        "to",
        "href",
        "absolute",
        "kind_labels",
        "role_labels",
        "type_labels",
        "type_singular",
        "plural",
        "lang_of",
        "json_ld",
        "nav",
        "entry",
        "partial",
        "search_tags",
        "timeline_of",
        "timeline_year",
        "timeline_listing",
        "entity_links",
        "topic_links",
        "when",
        "sources",
        "short",
        "article_item",
        "paragraph_links",
        "entity_counts",
    }
)
#: The archive's lists a template may count (the counts are common).
COUNTED = ("articles", "milestones", "entities", "topics", "pages")
#: Templates that globals render, by the global's name.
RENDERS = {"entry": ("entry.html",)}
#: The kind of entry what each template reads is kept under in a :class:`~.markup.Store`.
STORED_USES = "template-uses"
#: Lists and maps at least this long are hashed once per build (by identity: the plan's
#: values are never changed once planned).
_MEMO_LENGTH = 16


class Unkeyable(Exception):
    """A page whose inputs cannot all be named: it is rendered every build."""


def digest(*parts: str) -> str:
    """The SHA-256 of ``parts``, each length-prefixed (no two lists of parts collide)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def article_files(article: Article) -> list[str]:
    """An article's own files, as the build's file list names them (``content/...``)."""
    names = [article.source_file]
    if article.metadata_file is not None:
        names.append(article.metadata_file)
    return [f"content/{n}" for n in names]


def common_digest(archive: Archive, files: Mapping[str, str], salt: str) -> str:
    """What every page depends on: ``salt``, the files (``content/...`` and ``templates/...``
    with their SHA-256) but the articles' own, and the numbers of records."""
    own = {name for art in archive.articles for name in article_files(art)}
    parts = [f"{name}\0{sha}" for name, sha in sorted(files.items()) if name not in own]
    counts = [str(len(getattr(archive, name))) for name in COUNTED]
    return digest("archive-site pages", str(FORMAT), salt, *counts, *parts)


class PageKeys:
    """The keys of the pages of one plan.

    ``files`` maps every file of the content and templates folders (``content/...``,
    ``templates/...``) to its SHA-256; ``salt`` names the program and the settings.
    """

    def __init__(
        self,
        archive: Archive,
        env: jinja2.Environment,
        files: Mapping[str, str],
        salt: str,
        store: Store | None = None,
    ) -> None:
        self.archive = archive
        self.env = env
        self.store = store
        self.common = common_digest(archive, files, salt)
        self._articles: dict[str, str] = {}
        for art in archive.articles:
            names = article_files(art)
            if all(n in files for n in names):
                self._articles[art.id] = digest(art.id, *(f"{n}\0{files[n]}" for n in names))
        self._memo: dict[int, tuple[object, str]] = {}
        self._templates: dict[str, TemplateUse] = {}
        self._safe: dict[str, bool] = {}

    def of(self, page: Page) -> str | None:
        """The page's key, or None when it must be rendered."""
        parts = [self.common, page.path, repr(page.rooted)]
        try:
            if page.template is not None:
                if not self.template_safe(page.template):
                    return None
                parts += [page.template, self.token(page.values)]
            if page.view is not None or page.make is not None:
                if page.reads is None:
                    return None
                parts += [self.token(page.view), self.token(page.make), self.token(page.reads)]
        except Unkeyable:
            return None
        return digest(*parts)

    def part_key(self, kind: str, args: tuple[object, ...]) -> str | None:
        """The key of the data files' parts of ``kind`` made from ``args`` (see
        :class:`.export.DataParts`): they read what every page reads, and their arguments;
        None when an argument cannot be named."""
        try:
            return digest(self.common, "data part", kind, *[self.token(x) for x in args])
        except Unkeyable:
            return None

    # --- what the templates read ----------------------------------------------------

    def template_safe(self, name: str) -> bool:
        """Whether ``name`` and every template it brings in read only their values, the
        safe globals and the archive's counts."""
        if name not in self._safe:
            seen: set[str] = set()
            todo = [name]
            safe = True
            while todo and safe:
                t = todo.pop()
                if t in seen:
                    continue
                seen.add(t)
                use = self._use(t)
                safe = use.safe and use.brings is not None
                todo += use.brings or ()
            self._safe[name] = safe
        return self._safe[name]

    def _use(self, name: str) -> TemplateUse:
        if name not in self._templates:
            try:
                source = self.env.loader.get_source(self.env, name)[0] if self.env.loader else ""
                use = self._stored_use(name, source)
            except Exception:  # a template that cannot be read is never trusted
                use = TemplateUse(False, None)
            self._templates[name] = use
        return self._templates[name]

    def _stored_use(self, name: str, source: str) -> TemplateUse:
        """What the template ``name`` with ``source`` reads: kept in the store (parsing every
        template took most of the keys' time in a build of the seed), under its name, its
        source and the names of the globals, besides the program (the store's own key)."""
        if self.store is None:
            return template_use(self.env.parse(source, name), self.env.globals)
        key = self.store.key("template use", name, source, *sorted(self.env.globals))
        found = self.store.get(STORED_USES, key)
        if type(found) is tuple and len(found) == 2 and type(found[0]) is bool:
            safe, brings = found
            if brings is None or (type(brings) is tuple and all(type(b) is str for b in brings)):
                return TemplateUse(safe, brings)
        use = template_use(self.env.parse(source, name), self.env.globals)
        self.store.put(STORED_USES, key, (use.safe, use.brings))
        return use

    # --- what the values are -----------------------------------------------------------

    def token(self, value: object) -> str:
        """``value`` as a string that differs whenever the page could; raises Unkeyable."""
        t = type(value)
        simple = _SIMPLE.get(t)
        if simple is not None:
            return simple(value)
        if t is tuple or t is list or t is dict:
            if len(value) >= _MEMO_LENGTH:  # type: ignore[arg-type]
                return self._memoised(value, self._container)
            return self._container(value)
        if t is Article:
            return self._memoised(value, self._article)
        if t is Milestone:
            return self._memoised(value, self._milestone)
        return self._other(value)

    def _memoised(self, value: object, make: Callable[[Any], str]) -> str:
        found = self._memo.get(id(value))
        if found is None:
            # The value itself is kept, so that its id is never another object's.
            found = self._memo[id(value)] = (value, "#" + digest(make(value)))
        return found[1]

    def _container(self, value: Any) -> str:
        token = self.token
        if type(value) is dict:
            return "{" + ",".join([token(k) + ":" + token(v) for k, v in value.items()]) + "}"
        inner = ",".join([token(v) for v in value])
        return f"({inner})" if type(value) is tuple else f"[{inner}]"

    def _other(self, value: Any) -> str:
        t = type(value)
        if t in (Entity, Topic, TextPage):
            return f"{t.__name__}:{value.id}"  # their files are common
        if t is functools.partial:
            args = self.token(value.args) + self.token(value.keywords)
            return "partial(" + self.token(value.func) + args + ")"
        if t is FunctionType:
            return _function(value)
        names = _fields(t)
        if names is None:
            raise Unkeyable(t.__qualname__)
        token = self.token
        return t.__qualname__ + "(" + ",".join([token(getattr(value, n)) for n in names]) + ")"

    def _article(self, art: Article) -> str:
        found = self._articles.get(art.id)
        if found is None or self.archive.article(art.id) is not art:
            raise Unkeyable(f"article {art.id}")
        return "article:" + found

    def _milestone(self, m: Milestone) -> str:
        a = self.archive
        if a.milestone(m.id) is not m:
            raise Unkeyable(f"milestone {m.id}")
        evidence = a.evidence.get(m.id)
        named = [s.article for s in m.sources]
        if evidence is not None:
            named += [x for d in evidence.dependencies for x in (d.article, d.on)]
        articles = [self._article(a.article(x)) for x in dict.fromkeys(named)]
        return "milestone:" + m.id + self.token(evidence) + "".join(articles)


@dataclasses.dataclass(frozen=True, slots=True)
class TemplateUse:
    """What one template's source reads: whether only safe globals and counts, and the
    templates it brings in (None: some it names only at run time)."""

    safe: bool
    brings: tuple[str, ...] | None


def template_use(tree: nodes.Template, globals_: Mapping[str, object]) -> TemplateUse:
    """What the parsed template ``tree`` reads of the globals, and what it brings in."""
    # Every name, even one a template sets itself (a shadowed global is taken as read).
    names = {n.name for n in tree.find_all(nodes.Name)}
    allowed = SAFE | set(jinja2.defaults.DEFAULT_NAMESPACE)
    safe = all(n in allowed or n not in globals_ for n in names - {"archive"})
    if "archive" in names:
        safe = safe and _counts_only(tree)
    brings: list[str | None] = [t for n in names for t in RENDERS.get(n, ())]
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        brings += _constant_names(getattr(node, "template", None))
    called: set[int] = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "partial":
            brings += _constant_names(call.args[0] if call.args else None)
            called.add(id(call.node))
    if any(id(n) not in called for n in tree.find_all(nodes.Name) if n.name == "partial"):
        brings.append(None)  # handed on, and called with who knows what
    known = [b for b in brings if b is not None]
    return TemplateUse(safe, tuple(sorted(set(known))) if len(known) == len(brings) else None)


def _constant_names(node: nodes.Node | None) -> list[str | None]:
    """The template names a node gives: a constant, or a list of constants; None for a
    name known only at run time."""
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (nodes.List, nodes.Tuple)):
        return [n for item in node.items for n in _constant_names(item)]
    return [None]


def _counts_only(tree: nodes.Template) -> bool:
    """Whether every use of ``archive`` in ``tree`` is a count: ``archive.X|length``."""
    counted: set[int] = set()
    for f in tree.find_all(nodes.Filter):
        target = f.node
        if (
            f.name == "length"
            and isinstance(target, nodes.Getattr)
            and target.attr in COUNTED
            and isinstance(target.node, nodes.Name)
            and target.node.name == "archive"
        ):
            counted.add(id(target.node))
    return all(id(n) in counted for n in tree.find_all(nodes.Name) if n.name == "archive")


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _fields(t: type) -> tuple[str, ...] | None:
    """The fields of one of the package's dataclasses or named tuples (the archive aside:
    hashing all of it is what keys avoid); None for any other type."""
    if t not in _FIELDS:
        names: tuple[str, ...] | None = None
        if t is not Archive and t.__module__.startswith("archive_site."):
            if dataclasses.is_dataclass(t):
                names = tuple(f.name for f in dataclasses.fields(t))
            elif issubclass(t, tuple) and hasattr(t, "_fields"):  # a NamedTuple
                names = tuple(t._fields)
        _FIELDS[t] = names
    return _FIELDS[t]


def _function(f: FunctionType) -> str:
    """A named module-level function (code is in the salt); a closure or lambda may hold
    anything, so it is never trusted."""
    if f.__closure__ is not None or "<" in f.__qualname__:
        raise Unkeyable(f.__qualname__)
    return f"{f.__module__}.{f.__qualname__}"


def _str(v: object) -> str:
    s = str(v)
    return f"s{len(s)}:{s}"


_SIMPLE: dict[type, Callable[[Any], str]] = {
    str: _str,
    Markup: lambda v: "M" + _str(v),
    int: lambda v: f"i{v};",
    bool: lambda v: f"b{v:d}",
    float: lambda v: f"f{v!r};",
    type(None): lambda v: "N",
    dt.date: lambda v: f"d{v.isoformat()}",
}
