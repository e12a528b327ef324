"""The whole build: load and validate everything, plan every page, then render and write
the pages into a temporary folder (by several processes at once: ``jobs``), index it and
swap it in.

Used by ``build``, ``check`` and ``serve``; it reports with exceptions and
returns figures, and never prints.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import ArchiveError, Diagnostic, Problems
from .files import CONTROL_CHARACTERS
from .options import default_jobs
from .stamp import (
    PACKAGE,
    Found,
    Inputs,
    Stamp,
    forget,
    newer,
    read_known,
    write_known,
    write_stamp,
)
from .write import check_output_contents, check_output_place, gone_pages, write_folder

if TYPE_CHECKING:
    from .cache import RecordCache
    from .model import Archive
    from .produce import Reuse, Timing
    from .render import CompiledAhead, Site
    from .searchindex import SearchIndex

# The stages' modules (and the libraries they use: Jinja, Markdown, PyYAML, Pagefind)
# are imported where a stage runs: an unchanged build needs none of them, and importing
# them costs more than finding that nothing changed (tests/test_stamp.py checks it).


class Paths(NamedTuple):
    """The folders a build reads and writes."""

    content: Path
    templates: Path
    output: Path


@dataclass(slots=True)
class Report:
    """What a build did: figures for the summary line, and each stage's time."""

    archive: Archive | None = None
    pages: int = 0
    files: int = 0
    warnings: tuple[Diagnostic, ...] = ()
    search: SearchIndex | None = None
    stages: list[tuple[str, float]] = field(default_factory=list)
    unchanged: str | None = None  # the summary of the build whose output is already there
    cache: RecordCache | None = None  # what the build took from its cache, and what it kept
    reused: frozenset[str] = frozenset()  # files taken from the previous output, by path
    figures: str | None = None  # the summary, once the archive is let go (see let_go)

    @property
    def seconds(self) -> float:
        return sum(s for _, s in self.stages)

    def let_go(self) -> None:
        """Drop the archive, its summary kept: the search index, which reads the pages
        written, is made without the records in memory (at 10,000 articles, 120 MB)."""
        self.figures = self.summary()
        self.archive = None

    def summary(self) -> str:
        if self.unchanged is not None:
            return self.unchanged
        if self.figures is not None:
            return self.figures
        from .counts import plural

        a = self.archive
        assert a is not None
        counted = (
            plural(len(a.articles), "article"),
            plural(len(a.milestones), "milestone")
            + (f" (and {len(a.withdrawn):,} withdrawn)" if a.withdrawn else ""),
            plural(len(a.entities), "entity", "entities"),
            plural(len(a.topics), "topic"),
            plural(len(a.years), "year"),
        )
        return f"{plural(self.pages, 'page')} ({plural(self.files, 'file')}): {', '.join(counted)}"


#: While a build or check runs, the cyclic garbage collector looks at every object (a
#: full collection) only after this many collections of the middle generation, not
#: Python's 10.  A build makes millions of objects that live as long as it does, and
#: almost no cycles: each full collection went over all of them again.  At 10,000
#: articles that was a fifth of the load's time (check: 9.46 s, 7.89 with this) and
#: another 2 s of the build.  The young generations are collected as usual.
FULL_COLLECTION_EVERY = 1_000


@contextlib.contextmanager
def few_full_collections() -> Iterator[None]:
    """Full garbage collections rarely while in the block or the function it decorates
    (see :data:`FULL_COLLECTION_EVERY`), the thresholds as they were after; and what
    :func:`_freeze_imports` froze in it is given back to the collector."""
    young, middle, full = gc.get_threshold()
    gc.set_threshold(young, middle, max(full, FULL_COLLECTION_EVERY))
    frozen = gc.get_freeze_count()
    try:
        yield
    finally:
        gc.set_threshold(young, middle, full)
        if not frozen:  # (objects frozen before are left so: unfreeze would take them too)
            gc.unfreeze()


def _freeze_imports() -> None:
    """Leave the objects of the modules imported (hundreds of thousands: Jinja's, the
    readers' patterns, the templates' code) out of the collections to come, in a block of
    :func:`few_full_collections`: they live as long as the process.  The full collection
    that lets the archive go before the search index (:func:`_let_go`) took 50 ms of the
    seed's build, 5-13 ms with this; and workers forked to render share their memory
    rather than copy it when their collector would have touched them."""
    if not gc.get_freeze_count():
        gc.freeze()


@few_full_collections()
def check(
    paths: Paths,
    *,
    base_url: str | None = None,
    strict: bool = False,
    single_voice: bool = False,
    cache: RecordCache | None = None,
    jobs: int = 1,
) -> Report:
    """Load and validate everything; raises ArchiveError listing every problem.
    ``single_voice`` adds a warning for each milestone whose sources are all one speaker;
    ``cache`` holds what the last build read (see :mod:`.cache`); ``jobs``: processes that
    may read the articles at once."""
    from .load import load_archive
    from .load.discover import stray_assets

    report = Report()
    problems = Problems()
    t0 = time.perf_counter()
    for display, message in stray_assets(paths.templates):
        problems.warning(display, None, message)
    report.archive = load_archive(
        paths.content,
        base_url=base_url,
        problems=problems,
        strict=strict,
        single_voice=single_voice,
        cache=cache,
        jobs=jobs,
    )
    report.warnings = problems.warnings
    report.stages.append(("load and check", time.perf_counter() - t0))
    return report


def plan(paths: Paths, report: Report, ahead: CompiledAhead | None = None) -> Site:
    """Every output of the site, planned (none rendered yet); counted in the report.
    ``ahead``: the templates being compiled meanwhile (see :func:`.render.compile_ahead`)."""
    from .render import plan_site

    assert report.archive is not None
    site = plan_site(report.archive, paths.templates, paths.content, report.cache, ahead)
    report.pages = sum(1 for p in site.pages if p.path.endswith(".html"))
    report.files = len(site.pages)
    return site


def _stamped(paths: Paths, settings: Mapping[str, object]) -> Report | Inputs:
    """The report of a build with nothing to do, when the stamp of the last one says it had
    the same inputs and the output folder is as it left it; else what the build reads.

    The statuses of the files are compared first (no file is read); if they differ, the
    files whose status changed are hashed, and equal hashes (a file saved unchanged, a
    ``touch``) also leave nothing to do: the stamp is renewed with the new statuses.
    """
    folders = {"content": paths.content, "templates": paths.templates, "code": PACKAGE}
    previous = Stamp.read(paths.output)
    if previous is None:  # (serve's builds, each into a new folder)
        found = Found.look(folders, settings)
        return found.hashed(read_known(found))
    aside = previous.look_aside(paths.output)  # the output, looked at meanwhile
    try:
        found = Found.look(folders, settings)
        same = previous.inputs_unchanged(found) and _warned_here(previous)
        if same and previous.output_unchanged(paths.output, aside):
            return _unchanged(previous)
    finally:
        if aside is not None:
            aside.close()
    hashed = found.hashed(newer(previous, read_known(found)))
    unchanged = hashed.fingerprint == previous.fingerprint  # (when not ``same``: only touched)
    if (
        not same
        and unchanged
        and _warned_here(previous)
        and previous.output_unchanged(paths.output)
    ):
        write_stamp(paths.output, hashed, previous.summary, kept=previous)
        return _unchanged(previous)
    return hashed


def _warned_here(previous: Stamp) -> bool:
    """Whether the warnings of the build ``previous`` stamped, if any, name the files as a
    build from this folder would (they name them from the working folder)."""
    return not previous.summary.get("warnings") or previous.summary.get("cwd") == str(Path.cwd())


def _settings(base_url: str | None, strict: bool) -> dict[str, object]:
    """The settings that shape the output, besides the content, templates and code."""
    return {
        "base_url": base_url,
        "strict": strict,
        "env_base_url": os.environ.get("ARCHIVE_SITE_BASE_URL"),
    }


def _import_stages() -> float:
    """Import the stages' modules, and with them Jinja, Markdown, PyYAML and the readers,
    and freeze them (see :func:`_freeze_imports`); the seconds it took (a stage of its own:
    a build with nothing to do needs none)."""
    t0 = time.perf_counter()
    from . import cache, load, produce, render, searchindex  # noqa: F401

    _freeze_imports()
    return time.perf_counter() - t0


def _check_and_plan(
    paths: Paths,
    *,
    base_url: str | None,
    strict: bool,
    cache: RecordCache | None,
    jobs: int,
    previous: Path | None,
) -> tuple[Report, Site, float]:
    """Check the content, then plan the site (and the seconds planning took).  Meanwhile,
    for a first build with ``jobs``, another process compiles the templates (see
    :func:`.render.compile_ahead`); ``serve``'s builds, which have a ``previous`` output,
    find them compiled in the user's cache."""
    from .render import compile_ahead

    ahead = compile_ahead(paths.templates) if jobs > 1 and previous is None else None
    try:
        report = check(paths, base_url=base_url, strict=strict, cache=cache, jobs=jobs)
        report.cache = cache
        if cache is not None:  # the load's results kept now, not held through the render
            cache.finish(cache.kinds())
        t0 = time.perf_counter()
        site = plan(paths, report, ahead)
        gone = gone_pages(previous or paths.output, (p.path for p in site.pages), paths.content)
        report.warnings = (*report.warnings, *gone)
        if gone and strict:
            raise ArchiveError(report.warnings)
        if ahead is not None:
            ahead.codes()  # taken now, and the process ends; the templates load as used
    finally:
        if ahead is not None:
            ahead.close()
    return report, site, time.perf_counter() - t0


def _unchanged(previous: Stamp) -> Report:
    """The report of a build that had nothing to do: the last one's figures."""
    report = Report(unchanged=str(previous.summary["summary"]))
    report.pages = int(str(previous.summary["pages"]))
    report.files = int(str(previous.summary["files"]))
    warned = previous.summary.get("warnings")
    report.warnings = tuple(
        Diagnostic(
            _printable(w[0]), w[1] if type(w[1]) is int else None, _printable(w[2]), "warning"
        )
        for w in (warned if isinstance(warned, list) else [])
        if isinstance(w, list) and len(w) == 3
    )
    return report


def _printable(value: object) -> str:
    """A stamp's text as the terminal may be given it: no control character (the stamp is a
    file beside the output, which anything may have written)."""
    return CONTROL_CHARACTERS().sub(" ", str(value)).replace("\n", " ").replace("\r", " ")


def _reuse(site: Site, output: Path, found: Inputs, salt: str, cache: RecordCache) -> Reuse:
    """What the pages of ``site`` are made from (the inputs ``found``, hashed), and what the
    previous output's were; the data files' parts are kept in ``cache`` under the same keys."""
    from .produce import Reuse, read_record
    from .render.keys import PageKeys

    keys = PageKeys(site.renderer.archive, site.renderer.env, found.digests(), salt, cache)
    site.renderer.data.keep(keys.part_key, cache)
    made = {p.path: key for p in site.pages if (key := keys.of(p)) is not None}
    return Reuse(output, read_record(output), made)


def _record_cache(content: Path, found: Inputs, settings: Mapping[str, object]) -> RecordCache:
    """The record cache of the content folder, given the hashes the fingerprint took of its
    files (the cache need not read them again).  Its entries are keyed by the program and
    the settings but ``strict``, which only makes a warning fail a build (no record read
    differs): so ``check --strict`` and a build read and keep the same."""
    from .cache import RecordCache

    kept = {name: value for name, value in settings.items() if name != "strict"}
    salt = json.dumps([found.code, kept], sort_keys=True)
    return RecordCache.of(content, salt, found.digests("content/"))


def record_cache(content: Path, *, base_url: str | None, strict: bool) -> RecordCache | None:
    """The record cache a build of ``content`` with these settings reads and keeps (see
    :mod:`.cache`), for a command that loads the archive without building it (``check``,
    ``suggest``): it reads what the last build or check kept, and keeps what it read, for
    the next.  Its files are hashed first, as a first build hashes them.  None under
    ``ARCHIVE_SITE_NO_CACHE=1``, or when the folder cannot be looked at (the load then
    tells why)."""
    if os.environ.get("ARCHIVE_SITE_NO_CACHE"):
        return None
    settings = _settings(base_url, strict)
    try:
        looked = Found.look({"content": content, "code": PACKAGE}, settings)
        found = looked.hashed(read_known(looked))
    except (OSError, ArchiveError):
        return None
    write_known(found)
    return _record_cache(content, found, settings)


def _add_stages(
    report: Report, made: Timing, planning: float, making: float, writing: float, indexing: float
) -> None:
    """The time of each stage after the load.  Pages are rendered and written in turn (by
    several processes at once with jobs): the time that took is shared between the two
    stages as the processes spent it."""
    spent = made.render + made.write
    rendering = making * (made.render / spent if spent else 1.0)
    report.stages.append(("render", planning + rendering))
    report.stages.append(("write", writing - rendering))
    report.stages.append(("search index", indexing))


@few_full_collections()
def build(
    paths: Paths,
    *,
    base_url: str | None = None,
    strict: bool = False,
    jobs: int | None = None,
    search: bool = True,
    previous: Path | None = None,
) -> Report:
    """Check, render, write and index the site; the output folder changes only on success.

    Pages render and are written by up to ``jobs`` processes (None: one per core); the
    output is the same whatever their number (see :mod:`.produce`).  Unchanged pages are
    taken from the last build into the output folder, or into ``previous`` (``serve``
    builds into a new folder each time).  ``search=False``: no search index (``serve``
    makes it after: :mod:`.serve.index`), and no stamp, the output being incomplete.

    When nothing the build reads has changed since the last build into the same output
    folder, and that folder is as the build left it, nothing is done (see :mod:`.stamp`);
    ``ARCHIVE_SITE_NO_CACHE=1`` always builds.
    """
    check_output_place(paths.output, (paths.content, paths.templates))
    t0 = time.perf_counter()
    use_stamp = not os.environ.get("ARCHIVE_SITE_NO_CACHE")
    settings = _settings(base_url, strict)
    found_inputs = _stamped(paths, settings) if use_stamp else None
    if isinstance(found_inputs, Report):
        found_inputs.stages.append(("unchanged", time.perf_counter() - t0))
        return found_inputs
    fingerprinting, importing = time.perf_counter() - t0, _import_stages()
    from .produce import Timing, produce
    from .searchindex import index_site

    jobs = default_jobs() if jobs is None else jobs
    t0 = time.perf_counter()
    check_output_contents(paths.output)
    forget(paths.output)
    cache = None
    if found_inputs is not None:
        salt = json.dumps([found_inputs.code, settings], sort_keys=True)
        cache = _record_cache(paths.content, found_inputs, settings)
    fingerprinting += time.perf_counter() - t0
    site: Site | None
    report, site, planning = _check_and_plan(
        paths, base_url=base_url, strict=strict, cache=cache, jobs=jobs, previous=previous
    )
    report.stages[:0] = [("fingerprint", fingerprinting), ("imports", importing)]
    t0, reuse = time.perf_counter(), None
    if found_inputs is not None and cache is not None and site is not None:
        reuse = _reuse(site, previous or paths.output, found_inputs, salt, cache)
    planning += time.perf_counter() - t0
    made, making, indexing = Timing(), 0.0, 0.0

    def make(folder: Path) -> None:
        nonlocal made, making
        t1 = time.perf_counter()
        assert site is not None  # (let go after it, before the index)
        made = produce(site, folder, jobs, reuse)
        making = time.perf_counter() - t1

    def index(folder: Path) -> None:
        nonlocal indexing, site
        t1 = time.perf_counter()
        site = None  # the pages are written: what they were made from goes (see _let_go)
        _let_go(report, cache)
        report.search = index_site(folder, paths.output if use_stamp else None, jobs=jobs)
        indexing = time.perf_counter() - t1

    t0 = time.perf_counter()
    deleted = write_folder(make, paths.output, finish=index if search else None)
    writing = time.perf_counter() - t0 - indexing
    _add_stages(report, made, planning, making, writing, indexing)
    report.reused = frozenset(made.reused)
    try:  # while the old site is deleted
        if cache is not None and not search:
            cache.save()  # (with the search index, saved before it: see index)
        _remember(paths.output, report, reuse, made, (found_inputs, search), deleted)
    finally:
        deleted()
    return report


def _let_go(report: Report, cache: RecordCache | None) -> None:
    """Keep what the pages were made from (the record cache, saved) and let it go, with the
    archive, before Pagefind runs, the largest of a build's stages in time and memory."""
    if cache is not None:
        cache.save()
        cache.let_go()
    report.let_go()
    gc.collect()  # (the records hold cycles: without it, nothing is freed)
    _trim_heap()


def _trim_heap() -> None:
    """Give the memory freed back to the system where the C library can (glibc's
    ``malloc_trim``): without it the freed records' pages stay the process's, and Pagefind's
    stage holds them (at 10,000 articles, 315 MiB of resident memory against 200)."""
    with contextlib.suppress(OSError, AttributeError, TypeError):  # (no glibc: nothing to do)
        ctypes.CDLL(None).malloc_trim(0)


def _remember(
    output: Path,
    report: Report,
    reuse: Reuse | None,
    made: Timing,
    stamped: tuple[Inputs | None, bool],
    deleted: Callable[[], None],
) -> None:
    """What the next build reads besides the record cache: the record of its pages, the
    hashes of the inputs ``stamped`` (for a build with no stamp of its output: serve's) and,
    for a complete site (``stamped``'s second), the stamp of its inputs and its warnings,
    once the old site is ``deleted`` (waits for it): the new site's files that were linked
    from the old one lose a link, which changes their status, which the stamp records."""
    from .produce import write_record

    if reuse is not None:
        write_record(output, reuse.entries(made))
    inputs, complete = stamped
    if inputs is not None:
        write_known(inputs)
    deleted()
    found = inputs if complete else None
    if found is not None:  # its warnings kept, to be said again by a build with nothing to do
        warned = [[d.path, d.line, d.message] for d in report.warnings]
        figures = {
            "summary": report.summary(),
            "pages": report.pages,
            "files": report.files,
            "warnings": warned,
            "cwd": str(Path.cwd()),  # what they name the files from
        }
        write_stamp(output, found, figures)
